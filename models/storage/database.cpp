// One open, migrated connection to the configuration database, and who is acting on it.
#include "models/storage/database.h"

#include "models/storage/migrations.h"
#include "models/domain/webhookvalidator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <pwd.h>
#include <unistd.h>

Database::Database()
    : m_connectionName(QStringLiteral("goreporter-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Database::~Database()
{
    close();
}

QString Database::operatingSystemAccount()
{
    if (const passwd *entry = getpwuid(getuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return qEnvironmentVariable("USER", QStringLiteral("unknown"));
}

bool Database::fail(Error error, const QString &message)
{
    m_error = error;
    m_errorString = message;
    return false;
}

Failure Database::failure(const QString &what, const QSqlError &error)
{
    return Failure{ErrorCode::Unavailable, tr("%1: %2").arg(what, describe(error))};
}

QString Database::describe(const QSqlError &error)
{
    const QString databaseText = error.databaseText().trimmed();
    return databaseText.isEmpty() ? error.text().trimmed() : databaseText;
}

Result<void> Database::inWriteTransaction(QSqlDatabase &db, const QString &what,
                                          const std::function<Result<void>()> &work)
{
    if (Result<void> begun = beginWrite(db); !begun)
        return begun;
    if (Result<void> done = work(); !done) {
        db.rollback();
        return done;
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return failure(what, error);
    }
    return {};
}

Result<void> Database::beginWrite(QSqlDatabase &db)
{
    if (db.driverName() == QLatin1String("QSQLITE")) {
        QSqlQuery begin(db);
        if (begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return {};
        return Failure{ErrorCode::Unavailable,
                       isBusy(begin.lastError())
                           ? tr("Another program kept the database busy for too long; nothing was changed. Try again.")
                           : describe(begin.lastError())};
    }
    if (db.transaction())
        return {};
    return Failure{ErrorCode::Unavailable, describe(db.lastError())};
}

bool Database::isBusy(const QSqlError &error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), also as the low byte of their extended codes.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 5 || code == 6 || error.databaseText().contains(QLatin1String("database is locked"), Qt::CaseInsensitive);
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::open(const DatabaseUrl &url, const QString &password)
{
    close();
    m_url = url;
    m_password = password;
    m_error = Error::None;
    m_errorString.clear();

    const bool sqlite = url.engine() == DatabaseUrl::Engine::SQLite;
    const QString driver = sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return fail(Error::DriverMissing, tr("The Qt %1 database driver is not installed (Debian package %2).")
                                              .arg(driver, sqlite ? QStringLiteral("libqt6sql6-sqlite")
                                                                  : QStringLiteral("libqt6sql6-psql")));
    bool opened = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, m_connectionName);
        opened = (sqlite ? openSqlite(db) : openPostgres(db, password)) && migrate(db);
    }
    if (!opened)
        close();
    return opened;
}

bool Database::migrate(QSqlDatabase &db)
{
    const Result<MigrationSummary> migration = Migrations::apply(db, m_url.engine());
    if (migration)
        return true;
    if (migration.code() == ErrorCode::Conflict)
        return fail(Error::TooNew, migration.message());
    const bool locked = migration.message().contains(QLatin1String("locked"), Qt::CaseInsensitive);
    return fail(locked ? Error::Locked : Error::Migration,
                locked ? tr("The database %1 is locked by another program; try again when it has finished.")
                             .arg(m_url.displayName())
                       : migration.message());
}

bool Database::openSqlite(QSqlDatabase &db)
{
    const QFileInfo file(m_url.sqlitePath());
    if (!file.absoluteDir().exists()) {
        // Created private from the start rather than restricted afterwards.
        const QDir parent = QFileInfo(file.absolutePath()).absoluteDir();
        if (!QDir().mkpath(parent.absolutePath())
            || !parent.mkdir(file.absoluteDir().dirName(),
                             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
            return fail(Error::Unreachable, tr("Cannot create the folder %1 for the database.").arg(file.absolutePath()));
    }
    // The database holds credential URLs and patient data: a new file is readable by its owner only, and
    // SQLite gives its -wal and -shm files the same permissions.
    if (!file.exists()) {
        QFile create(file.absoluteFilePath());
        if (!create.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return fail(Error::Unreachable, tr("Cannot create the database file %1: %2")
                                                .arg(file.absoluteFilePath(), create.errorString()));
    }
    db.setDatabaseName(file.absoluteFilePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!db.open())
        return fail(Error::Unreachable, tr("Cannot open the database file %1: %2")
                                            .arg(file.absoluteFilePath(), describe(db.lastError())));
    QSqlQuery pragma(db);
    if (!pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return fail(Error::Other, tr("Cannot enable foreign keys: %1").arg(describe(pragma.lastError())));
    // Before anything is written, not even the journal mode: a database this program must not change stays as it is.
    if (!checkBeforeChanging(db))
        return false;
    // WAL lets readers work while another process writes.
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !pragma.next()) {
        const QString reason = describe(pragma.lastError());
        if (reason.contains(QLatin1String("locked"), Qt::CaseInsensitive))
            return fail(Error::Locked, tr("The database %1 is locked by another program; try again when it has finished.")
                                           .arg(m_url.displayName()));
        return fail(Error::Unreachable, tr("%1 is not a usable SQLite database: %2").arg(file.absoluteFilePath(), reason));
    }
    m_actor = operatingSystemAccount();
    return true;
}

bool Database::checkBeforeChanging(QSqlDatabase &db)
{
    const bool sqlite = m_url.engine() == DatabaseUrl::Engine::SQLite;
    QSqlQuery tables(db);
    tables.setForwardOnly(true);
    const QString sql = sqlite ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                " AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name")
                               : QStringLiteral("SELECT table_name FROM information_schema.tables"
                                                " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                                                " ORDER BY table_name");
    // A file that is not an SQLite database fails at its first read.
    if (!tables.exec(sql)) {
        const QString reason = describe(tables.lastError());
        if (sqlite && isBusy(tables.lastError()))
            return fail(Error::Locked, tr("The database %1 is locked by another program; try again when it has finished.")
                                           .arg(m_url.displayName()));
        return fail(Error::Unreachable, sqlite ? tr("%1 is not a usable SQLite database: %2").arg(m_url.sqlitePath(), reason)
                                               : tr("Cannot read the tables of %1: %2").arg(m_url.displayName(), reason));
    }
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    tables.finish();
    if (names.isEmpty())
        return true;
    if (!names.contains(QLatin1String("schema_migrations"))) {
        const QStringList shown = names.mid(0, 5);
        return fail(Error::Foreign,
                    tr("%1 holds tables of another program (%2%3), so it is not a goReporter Webhooks database; it "
                       "was not modified. Choose a new file or an empty database.")
                        .arg(m_url.displayName(), shown.join(QStringLiteral(", ")),
                             names.size() > shown.size() ? QStringLiteral(", …") : QString()));
    }
    const Result<int> version = Migrations::currentVersion(db);
    if (!version)
        return fail(Error::Migration, tr("Cannot read the schema version: %1").arg(version.message()));
    if (*version > Migrations::latestVersion())
        return fail(Error::TooNew, Migrations::tooNewMessage(*version));
    return true;
}

bool Database::openPostgres(QSqlDatabase &db, const QString &password)
{
    db.setHostName(m_url.hostName());
    db.setPort(m_url.port());
    db.setDatabaseName(m_url.databaseName());
    db.setUserName(m_url.userName());
    // An empty password lets libpq use PGPASSWORD or ~/.pgpass, or a server that needs none.
    if (!password.isEmpty())
        db.setPassword(password);
    QStringList options = {QStringLiteral("connect_timeout=5"), QStringLiteral("application_name=goreporter-webhooks")};
    // Patient data and the password cross the network: unless the URL says otherwise, a server on another
    // machine must speak TLS (libpq's own default, "prefer", silently falls back to plain text).
    QString sslMode = m_url.sslMode();
    if (sslMode.isEmpty() && !m_url.hostName().isEmpty() && !WebhookValidator::isLoopbackHost(m_url.hostName()))
        sslMode = QStringLiteral("require");
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + sslMode;
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        const QString reason = describe(db.lastError());
        const bool authentication = reason.contains(QLatin1String("password"), Qt::CaseInsensitive)
                                    || reason.contains(QLatin1String("authentication"), Qt::CaseInsensitive);
        if (authentication)
            return fail(Error::AuthenticationFailed,
                        tr("PostgreSQL refused the login to %1: %2").arg(m_url.displayName(), reason));
        return fail(Error::Unreachable, tr("Cannot connect to %1: %2").arg(m_url.displayName(), reason));
    }
    QSqlQuery who(db);
    if (!who.exec(QStringLiteral("SELECT current_user")) || !who.next())
        return fail(Error::Other, tr("Cannot determine the database role: %1").arg(describe(who.lastError())));
    m_actor = who.value(0).toString();
    return checkBeforeChanging(db);
}
