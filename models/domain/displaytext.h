// Text from outside (names, header values, reason phrases) made safe to show: on a terminal, in a message box,
// in an error line.
#pragma once

#include <QString>

#include <optional>

namespace DisplayText {

// Whether c is a control or format character (C0/C1 controls, line and paragraph separators, bidirectional
// overrides and isolates, zero-width characters): they may not stand in a name.
bool isControlOrFormat(char32_t c);
// The first such character in text, if any.
std::optional<char32_t> firstControlOrFormat(const QString &text);

// text with every control or format character written as U+XXXX, so that nothing reaching a terminal can move the
// cursor, change colours or reorder what follows.
QString escaped(const QString &text);
// escaped(text) but for line breaks and tabs: for multi-line messages printed on a terminal.
QString forTerminal(const QString &text);
// escaped(text), cut to at most maxCharacters with an ellipsis: for quoting input in a message.
QString excerpt(const QString &text, int maxCharacters = 80);
// U+XXXX for one character.
QString codePoint(char32_t c);

} // namespace DisplayText
