// Where the configuration and delivery log live: an SQLite file or a shared PostgreSQL database.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

class DatabaseUrl
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseUrl)
public:
    enum class Engine { SQLite, PostgreSQL };

    // Accepts sqlite:///absolute/path.db and postgresql://user@host:port/dbname (postgres:// too).
    // Passwords are refused here: they come from the keychain, ~/.pgpass or PGPASSWORD, never a command line.
    static std::optional<DatabaseUrl> parse(const QString &text, QString *errorMessage);
    // The embedded default: webhooks.db in the application data folder.
    static DatabaseUrl defaultSqlite();
    static DatabaseUrl sqliteFile(const QString &path);

    Engine engine() const { return m_engine; }
    QString sqlitePath() const { return m_sqlitePath; }
    QString userName() const { return m_userName; }
    QString hostName() const { return m_hostName; }
    int port() const { return m_port; }
    QString databaseName() const { return m_databaseName; }
    QString sslMode() const { return m_sslMode; }

    QString toString() const;       // canonical URL, without any password
    QString displayName() const;    // for the status bar and messages
    QString keychainKey() const;    // the key under which this database's password is kept

private:
    Engine m_engine = Engine::SQLite;
    QString m_sqlitePath;
    QString m_userName;
    QString m_hostName;
    int m_port = 5432;
    QString m_databaseName;
    QString m_sslMode;
};
