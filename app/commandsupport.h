// What the subcommands with a parser of their own share: common options, messages, exit codes, the named webhook.
#pragma once

#include "models/storage/database.h"
#include "models/storage/databaseworker.h"
#include "models/secrets/sealedcredentialstore.h"
#include "models/secrets/secretstore.h"
#include "models/domain/webhook.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

class CommandSupport
{
    Q_DECLARE_TR_FUNCTIONS(CommandSupport)
public:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    // command: the word on the command line that selected this command, such as "secret" or "send".
    explicit CommandSupport(const QString &command);
    CommandSupport(const CommandSupport &) = delete;
    CommandSupport &operator=(const CommandSupport &) = delete;

    QCommandLineParser &parser() { return m_parser; }
    // --help, --database and --lang, which every command accepts.
    void addCommonOptions();
    // Parses arguments (argv as given) and returns the words after the command's own word. Returns nullopt with
    // *exitCode set when the run is over: help printed (Success) or a wrong command line reported (UsageError).
    std::optional<QStringList> parse(const QStringList &arguments, int *exitCode);

    // Report a wrong command line or a failed operation on standard error; they return the exit code.
    int usage(const QString &message);
    int fail(const QString &message);
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Opens the database named by --database; false once the reason is reported.
    bool openDatabase();
    // Opens the database named by --database and finds the webhook called name; nullopt once the reason is reported.
    std::optional<Webhook> findWebhook(const QString &name);
    Database &database() { return m_database; }
    // A connection of its own to the opened database, for the delivery pipeline.
    DatabaseWorker databaseWorker() const { return DatabaseWorker(m_database.url(), m_database.password()); }
    // This account's keychain: database passwords, this machine's own key.
    SecretStore &secrets() { return m_secrets; }
    // The webhooks' credentials, sealed in the opened database, opened with this machine's key.
    CredentialStore &credentials();

    // Opens the database named by a --database value (empty: the embedded default) with what this workstation
    // knows (keychain, ~/.pgpass, PGPASSWORD); on failure returns false with a message that says what to do.
    static bool openDatabase(Database &database, const QCommandLineParser &parser, SecretStore &secrets, QString *message);
    // Rows of cells as aligned columns, two spaces apart; the first row is usually the heading.
    static void printTable(QTextStream &out, const QList<QStringList> &rows);

private:
    QString m_command;
    QCommandLineParser m_parser;
    QTextStream m_out{stdout};
    QTextStream m_err{stderr};
    Database m_database;
    SecretStore m_secrets;
    std::unique_ptr<SealedCredentialStore> m_credentials;
};
