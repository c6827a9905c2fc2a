// What the graphical console and the command line share at start-up: options, language, database.
#include "app/startup.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Startup {

namespace {
// Options that take a value, so that the value is not mistaken for a subcommand.
const QStringList optionsWithValue = {
    QStringLiteral("--database"), QStringLiteral("--lang"),   QStringLiteral("-platform"),    QStringLiteral("--platform"),
    QStringLiteral("--webhook"),  QStringLiteral("--event"),  QStringLiteral("--format"),      QStringLiteral("--phi"),
    QStringLiteral("--sample-file"), QStringLiteral("--grace-hours"), QStringLiteral("--bits"),
    QStringLiteral("--since"), QStringLiteral("--failed-since"), QStringLiteral("--delivery"), QStringLiteral("--limit"),
    QStringLiteral("--type"), QStringLiteral("--id"), QStringLiteral("--data-file"), QStringLiteral("--workers"),
    QStringLiteral("--stop-within"), QStringLiteral("--missed-since"),
};
} // namespace

QString subcommand(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (optionsWithValue.contains(argument)) {
            ++i;
            continue;
        }
        if (argument.startsWith(QLatin1Char('-')))
            continue;
        return argument;
    }
    return {};
}

void installTranslations(QCoreApplication &app, const QString &lang)
{
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    // The catalogue of the locale's language; failing that the English one, which holds only the plural forms of
    // the English source texts, so that a locale without a catalogue (C, POSIX, a language not translated yet)
    // shows "1 webhook" and "2 webhooks" rather than "%n webhook(s)".
    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, QStringLiteral("goreporter"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || appTranslator->load(QStringLiteral("goreporter_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
}

std::optional<DatabaseUrl> databaseUrl(const QCommandLineParser &parser, QString *errorMessage)
{
    const QString option = QStringLiteral("database");
    if (!parser.isSet(option))
        return DatabaseUrl::defaultSqlite();
    const QString url = parser.value(option);
    if (url.trimmed().isEmpty()) {
        *errorMessage = QCoreApplication::translate("Startup", "--database was given without a URL; name the database "
                                                               "(sqlite:///path/webhooks.db or postgresql://user@host/db), "
                                                               "or leave the option out for the embedded default.");
        return std::nullopt;
    }
    return DatabaseUrl::parse(url, errorMessage);
}

} // namespace Startup
