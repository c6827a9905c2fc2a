#include "app/startup.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Startup {

namespace {
// Options that take a value, so that the value is not mistaken for a subcommand.
const QStringList optionsWithValue = {QStringLiteral("--database"), QStringLiteral("--lang"),
                                      QStringLiteral("-platform"), QStringLiteral("--platform")};
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
    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, QStringLiteral("goreporter"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
}

std::optional<DatabaseUrl> databaseUrl(const QString &option, QString *errorMessage)
{
    if (option.isEmpty())
        return DatabaseUrl::defaultSqlite();
    return DatabaseUrl::parse(option, errorMessage);
}

} // namespace Startup
