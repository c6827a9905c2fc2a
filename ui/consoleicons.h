// Icons of the console's actions: the desktop's icon theme where it has one, the console's own otherwise.
#pragma once

#include <QIcon>

namespace ConsoleIcons {

// A freedesktop icon name the console ships (resources/icons/actions/<name>.svg); the theme's icon of that name
// wins, so the console looks native on a desktop and still shows every icon on a machine without a theme.
QIcon named(const QString &freedesktopName);

} // namespace ConsoleIcons
