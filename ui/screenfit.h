// Windows open at a comfortable size, but never larger than the screen they appear on.
#pragma once

#include <QSize>

class QWidget;

namespace ScreenFit {

// Resizes window to preferred, shrunk to the available area of its screen (less a margin for the window frame),
// and centres it there when it has no parent to centre on.
void resize(QWidget *window, QSize preferred);

} // namespace ScreenFit
