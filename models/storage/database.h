// One open, migrated connection to the configuration database, and who is acting on it.
#pragma once

#include "models/domain/result.h"
#include "models/storage/databaseurl.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <functional>

class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    enum class Error { None, InvalidUrl, DriverMissing, Unreachable, AuthenticationFailed, Locked, TooNew, Foreign, Migration, Other };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Connects, applies pending migrations and finds the acting user. On failure, error() and errorString()
    // say what went wrong and the database is left untouched.
    bool open(const DatabaseUrl &url, const QString &password = {});
    void close();
    bool isOpen() const;

    // Milliseconds an SQLite connection waits for another writer before reporting a locked database.
    void setBusyTimeout(int milliseconds) { m_busyTimeoutMs = milliseconds; }

    QSqlDatabase connection() const;
    const DatabaseUrl &url() const { return m_url; }
    DatabaseUrl::Engine engine() const { return m_url.engine(); }
    // "Who" in the audit trail: the database role on PostgreSQL, the operating-system account on SQLite.
    QString actor() const { return m_actor; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // The password the connection was opened with (empty: none, or libpq's own sources), for the further
    // connections that worker threads open to the same database. Kept in memory only.
    QString password() const { return m_password; }

    static QString operatingSystemAccount();
    // Starts a transaction that will write. On SQLite it takes the write lock at once (BEGIN IMMEDIATE), so that
    // it waits its turn within the busy timeout; a deferred transaction that reads first fails at its first write
    // when another writer came in between, without waiting.
    static Result<void> beginWrite(QSqlDatabase &db);
    // work in one write transaction (beginWrite): committed when it succeeds, rolled back when it fails or the
    // commit does ("what: the database's reason").
    static Result<void> inWriteTransaction(QSqlDatabase &db, const QString &what, const std::function<Result<void>()> &work);
    // Whether error says the database stayed locked by another writer for the whole busy timeout.
    static bool isBusy(const QSqlError &error);
    // The most specific text of a database error, without Qt's generic suffixes.
    static QString describe(const QSqlError &error);
    // "what: the database's reason", as an Unavailable failure.
    static Failure failure(const QString &what, const QSqlError &error);

private:
    bool fail(Error error, const QString &message);
    bool openSqlite(QSqlDatabase &db);
    bool openPostgres(QSqlDatabase &db, const QString &password);
    bool migrate(QSqlDatabase &db);
    // Refuses, untouched, a database of another program or with a schema newer than this program's.
    bool checkBeforeChanging(QSqlDatabase &db);

    QString m_connectionName;
    DatabaseUrl m_url;
    QString m_actor;
    QString m_password;
    Error m_error = Error::None;
    QString m_errorString;
    int m_busyTimeoutMs = 5000;
};
