// The console's one colour for problems, shared by every widget that shows one (an error under a field, a failed
// state, the red banner), so they look alike and change together.
#pragma once

#include <QString>

namespace ConsoleStyle {
// The health colours' red, readable on light and dark backgrounds.
inline const QString ProblemColor = QStringLiteral("#b3261e");
// A style sheet for text that reports a problem.
inline QString problemText() { return QStringLiteral("color: %1;").arg(ProblemColor); }
} // namespace ConsoleStyle
