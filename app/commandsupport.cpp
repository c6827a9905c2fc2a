// The common part of the secret, epic and send commands: parsing, messages, opening the database.
#include "app/commandsupport.h"

#include "models/domain/displaytext.h"

#include "app/startup.h"
#include "models/secrets/databaselogin.h"
#include "models/storage/webhookrepository.h"

CommandSupport::CommandSupport(const QString &command)
    : m_command(command)
{
}

void CommandSupport::addCommonOptions()
{
    m_parser.addHelpOption();
    m_parser.addOption({QStringLiteral("database"),
                        tr("The database: sqlite:///path/file.db or postgresql://user@host:port/dbname."), tr("url")});
    m_parser.addOption({QStringLiteral("lang"), tr("The language of messages, such as de or en."), tr("code")});
}

std::optional<QStringList> CommandSupport::parse(const QStringList &arguments, int *exitCode)
{
    if (!m_parser.parse(arguments)) {
        *exitCode = usage(m_parser.errorText());
        return std::nullopt;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_out << m_parser.helpText();
        *exitCode = Success;
        return std::nullopt;
    }
    QStringList words = m_parser.positionalArguments();
    // The dispatcher chose this command by its first word, so that word is the first positional argument.
    if (!words.isEmpty() && words.first() == m_command)
        words.removeFirst();
    return words;
}

int CommandSupport::usage(const QString &message)
{
    m_err << QCoreApplication::applicationName() << ' ' << m_command << ": " << message << '\n'
          << tr("Run “%1 %2 --help” for the options.").arg(QCoreApplication::applicationName(), m_command) << '\n';
    return UsageError;
}

int CommandSupport::fail(const QString &message)
{
    m_err << QCoreApplication::applicationName() << ' ' << m_command << ": " << DisplayText::forTerminal(message) << '\n';
    return Failure;
}

bool CommandSupport::openDatabase()
{
    QString message;
    if (openDatabase(m_database, m_parser, m_secrets, &message))
        return true;
    fail(message);
    return false;
}

bool CommandSupport::openDatabase(Database &database, const QCommandLineParser &parser, SecretStore &secrets,
                                  QString *message)
{
    const auto url = Startup::databaseUrl(parser, message);
    if (!url)
        return false;
    QString keychainProblem;
    if (openWithStoredPassword(database, *url, secrets, &keychainProblem))
        return true;
    *message = database.errorString();
    if (database.error() == Database::Error::AuthenticationFailed) {
        *message += QLatin1Char('\n')
                    + tr("Store the password by logging in once with the graphical console (“Remember in this workstation's keychain”), "
                         "or provide it through ~/.pgpass or PGPASSWORD.");
        if (!keychainProblem.isEmpty())
            *message += QLatin1Char('\n') + keychainProblem;
    }
    return false;
}

std::optional<Webhook> CommandSupport::findWebhook(const QString &name)
{
    if (!m_database.isOpen() && !openDatabase())
        return std::nullopt;
    const Result<Webhook> webhook = WebhookRepository(m_database).findByName(name);
    if (!webhook) {
        fail(webhook.message());
        return std::nullopt;
    }
    return *webhook;
}

void CommandSupport::printTable(QTextStream &out, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    // What the database holds reaches the terminal as text, never as escape sequences.
    QList<QStringList> shown = rows;
    for (QStringList &row : shown) {
        for (QString &cell : row)
            cell = DisplayText::escaped(cell);
    }
    for (const QStringList &row : std::as_const(shown)) {
        for (qsizetype column = 0; column < row.size(); ++column) {
            if (widths.size() <= column)
                widths.append(0);
            widths[column] = std::max(widths[column], row.at(column).size());
        }
    }
    for (const QStringList &row : std::as_const(shown)) {
        QStringList cells;
        for (qsizetype column = 0; column < row.size(); ++column)
            cells.append(column + 1 == row.size() ? row.at(column) : row.at(column).leftJustified(widths.at(column)));
        out << cells.join(QStringLiteral("  ")).trimmed() << '\n';
    }
}

CredentialStore &CommandSupport::credentials()
{
    if (!m_credentials)
        m_credentials = std::make_unique<SealedCredentialStore>(databaseWorker(),
                                                                MachineKeyStore::fromEnvironment(m_secrets));
    return *m_credentials;
}
