// What the graphical console and the command line share at start-up: options, language, database.
#pragma once

#include "models/storage/databaseurl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace Startup {

constexpr const char *organizationName = "goReporter";
constexpr const char *applicationName = "goreporter-webhooks";

// The subcommand named on the command line ("events", "webhooks", ...), or empty for the graphical console.
QString subcommand(const QStringList &arguments);

// Loads the console's and Qt's own translations for lang ("de", "es", ...) or, if empty, the system locale.
void installTranslations(QCoreApplication &app, const QString &lang);

// The database named by --database, or the embedded default when the option is absent; nullopt with a message if
// the URL is wrong or empty (an empty --database is a mistake, not a request for the default).
std::optional<DatabaseUrl> databaseUrl(const QCommandLineParser &parser, QString *errorMessage);

} // namespace Startup
