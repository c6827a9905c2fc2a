// Windows open at a comfortable size, but never larger than the screen they appear on.
#include "ui/screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QStyle>
#include <QWidget>

namespace ScreenFit {

void resize(QWidget *window, QSize preferred)
{
    QScreen *screen = window->parentWidget() ? window->parentWidget()->screen() : window->screen();
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (!screen) {
        window->resize(preferred);
        return;
    }
    // Title bar and borders are drawn outside the size given to resize().
    const QRect available = screen->availableGeometry();
    const QSize room = available.size() - QSize(16, 48);
    const QSize size = preferred.boundedTo(room).expandedTo(window->minimumSize().boundedTo(room));
    window->resize(size);
    if (!window->parentWidget())
        window->move(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available).topLeft());
}

} // namespace ScreenFit
