// Where the configuration and delivery log live: an SQLite file or a shared PostgreSQL database.
#include "models/storage/databaseurl.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

std::optional<DatabaseUrl> DatabaseUrl::parse(const QString &text, QString *errorMessage)
{
    auto fail = [errorMessage](const QString &message) -> std::optional<DatabaseUrl> {
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };

    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return fail(tr("No database URL was given."));
    if (!url.isValid())
        return fail(tr("“%1” is not a valid database URL: %2").arg(text, url.errorString()));

    DatabaseUrl result;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("sqlite")) {
        const QString path = url.path(QUrl::FullyDecoded);
        if (!url.host().isEmpty() || path.isEmpty() || !QDir::isAbsolutePath(path))
            return fail(tr("An SQLite URL needs an absolute file path, as in sqlite:///var/lib/goreporter/webhooks.db."));
        result.m_engine = Engine::SQLite;
        result.m_sqlitePath = QDir::cleanPath(path);
        return result;
    }
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))
        return fail(tr("Unsupported database “%1”: use sqlite:///path/file.db or postgresql://user@host:port/dbname.")
                        .arg(url.scheme()));
    if (!url.password().isEmpty())
        return fail(tr("Do not put the database password in the URL. The console reads it from the keychain, "
                       "from ~/.pgpass or from PGPASSWORD, or asks for it."));
    result.m_engine = Engine::PostgreSQL;
    result.m_userName = url.userName(QUrl::FullyDecoded);
    result.m_hostName = url.host(QUrl::FullyDecoded);
    result.m_port = url.port(5432);
    result.m_databaseName = url.path(QUrl::FullyDecoded).mid(1);
    if (result.m_databaseName.isEmpty() || result.m_databaseName.contains(QLatin1Char('/')))
        return fail(tr("The PostgreSQL URL must name one database, as in postgresql://goreporter@db.example.org:5432/webhooks."));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key != QLatin1String("sslmode"))
            return fail(tr("Unknown database URL option “%1”; only sslmode is supported.").arg(key));
        static const QStringList sslModes = {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                                             QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
        if (!sslModes.contains(value))
            return fail(tr("Unknown sslmode “%1”; use one of %2.").arg(value, sslModes.join(QStringLiteral(", "))));
        result.m_sslMode = value;
    }
    return result;
}

DatabaseUrl DatabaseUrl::defaultSqlite()
{
    return sqliteFile(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/webhooks.db"));
}

DatabaseUrl DatabaseUrl::sqliteFile(const QString &path)
{
    DatabaseUrl result;
    result.m_engine = Engine::SQLite;
    result.m_sqlitePath = QDir::cleanPath(QDir(path).absolutePath());
    return result;
}

QString DatabaseUrl::toString() const
{
    if (m_engine == Engine::SQLite)
        return QStringLiteral("sqlite://") + m_sqlitePath;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_userName);
    url.setHost(m_hostName);
    url.setPort(m_port);
    url.setPath(QLatin1Char('/') + m_databaseName);
    if (!m_sslMode.isEmpty())
        url.setQuery(QStringLiteral("sslmode=") + m_sslMode);
    return url.toString();
}

QString DatabaseUrl::displayName() const
{
    if (m_engine == Engine::SQLite)
        return tr("SQLite %1").arg(m_sqlitePath);
    const QString host = m_hostName.isEmpty() ? tr("local socket") : m_hostName + QLatin1Char(':') + QString::number(m_port);
    const QString user = m_userName.isEmpty() ? QString() : m_userName + QLatin1Char('@');
    return tr("PostgreSQL %1%2/%3").arg(user, host, m_databaseName);
}

QString DatabaseUrl::keychainKey() const
{
    return QStringLiteral("database-password:") + toString();
}
