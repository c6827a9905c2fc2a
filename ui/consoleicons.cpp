// Icons of the console's actions: the desktop's icon theme where it has one, the console's own otherwise.
#include "ui/consoleicons.h"

namespace ConsoleIcons {

QIcon named(const QString &freedesktopName)
{
    const QIcon shipped(QStringLiteral(":/icons/actions/%1.svg").arg(freedesktopName));
    return QIcon::fromTheme(freedesktopName, shipped);
}

} // namespace ConsoleIcons
