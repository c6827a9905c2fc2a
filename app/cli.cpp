// The scriptable administration commands: same binary, no display needed.
#include "app/cli.h"

#include "app/deliverycommands.h"
#include "app/dispatchcommand.h"
#include "app/machinecommands.h"
#include "app/eventcommands.h"
#include "app/commandsupport.h"
#include "app/previewcommand.h"
#include "app/secretcommands.h"
#include "app/sendcommand.h"
#include "app/startup.h"
#include "models/domain/boundedfile.h"
#include "models/domain/displaytext.h"
#include "models/storage/database.h"
#include "models/secrets/databaselogin.h"
#include "models/secrets/secretstore.h"
#include "models/domain/webhookconfig.h"
#include "models/storage/webhookrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    int run(const QStringList &arguments);

private:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    int usage(const QString &message);
    int fail(const QString &message);
    bool openDatabase();
    int webhooksList(bool json);
    int webhooksExport(const QString &path);
    int webhooksImport(const QString &path);
    int webhooksRemove(const QString &name);
    int webhooksSetActive(const QString &name, bool active);

    QCommandLineParser m_parser;
    QTextStream m_out{stdout};
    QTextStream m_err{stderr};
    Database m_database;
};

int CommandLine::usage(const QString &message)
{
    m_err << QCoreApplication::applicationName() << ": " << DisplayText::forTerminal(message) << '\n'
          << tr("Run “%1 --help” for the commands.").arg(QCoreApplication::applicationName()) << '\n';
    return UsageError;
}

int CommandLine::fail(const QString &message)
{
    m_err << QCoreApplication::applicationName() << ": " << DisplayText::forTerminal(message) << '\n';
    return Failure;
}

bool CommandLine::openDatabase()
{
    SecretStore secrets;
    QString message;
    if (CommandSupport::openDatabase(m_database, m_parser, secrets, &message))
        return true;
    fail(message);
    return false;
}

int CommandLine::run(const QStringList &arguments)
{
    m_parser.setApplicationDescription(
        tr("goReporter Webhooks console. Without a command, opens the graphical console.\n\n"
           "Commands:\n"
           "  events list                     the events a webhook can subscribe to\n"
           "  events emit --type TYPE [--id EVENT_ID] [--data-file F]\n"
           "                                  put an event into the outbox for its subscribed webhooks\n"
           "  dispatch [--workers N] [--until-idle] [--stop-within SECONDS]\n"
           "                                  deliver the outbox's events until stopped, with retries\n"
           "  dispatch settings [set NAME JSON | reset NAME | rate WEBHOOK PER_SECOND|default]\n"
           "                                  the retry schedule, rate limits and auto-disable every dispatcher follows\n"
           "  machine enroll|approve|revoke|reseal|list [FINGERPRINT]\n"
           "                                  the machines that may use the sealed credentials\n"
           "  webhooks list [--json]          the configured webhooks\n"
           "  webhooks export [FILE]          write the configuration (no secrets) to FILE or standard output\n"
           "  webhooks import FILE            validate FILE, then create or update all its webhooks, or none\n"
           "  webhooks remove NAME            delete a webhook\n"
           "  webhooks enable|disable NAME    switch a webhook on or off\n"
           "  preview --format KIND --event TYPE [--sample-file F] [--phi LEVEL] [--headers]\n"
           "  preview --webhook NAME --event TYPE [--headers]\n"
           "                                  print exactly the bytes a webhook would send\n"
           "  secret set|generate|rotate|delete --webhook NAME [--grace-hours N]\n"
           "                                  a webhook's signing secret, sealed for the approved machines (set reads stdin)\n"
           "  epic keygen --webhook NAME [--bits N] [--replace]\n"
           "                                  an Epic key pair; prints the public JWK Set to register\n"
           "  send --webhook NAME --event TYPE [--sample-file F]\n"
           "                                  send a test delivery and print status, latency and diagnosis\n"
           "  deliveries [--webhook NAME] [--event TYPE] [--failed] [--since ISO] [--format table|csv|jsonl] [--limit N]\n"
           "                                  the delivery log, newest first, or exported (secrets redacted)\n"
           "  redeliver --delivery ID | --failed-since ISO | --missed-since ISO [--webhook NAME]\n"
           "                                  send logged messages again and print each result"));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOption({QStringLiteral("database"),
                        tr("The database: sqlite:///path/file.db or postgresql://user@host:port/dbname."), tr("url")});
    m_parser.addOption({QStringLiteral("lang"), tr("The language of the console, such as de or en."), tr("code")});
    m_parser.addOption({QStringLiteral("json"), tr("With “webhooks list”: print JSON.")});
    m_parser.addPositionalArgument(QStringLiteral("command"), tr("The command to run; see above."));
    if (!m_parser.parse(arguments))
        return usage(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_out << m_parser.helpText();
        return Success;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        m_out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }

    const QStringList words = m_parser.positionalArguments();
    const QString group = words.value(0);
    const QString action = words.value(1);
    auto expectWords = [&](qsizetype minimum, qsizetype maximum) {
        return words.size() >= minimum && words.size() <= maximum;
    };
    if (m_parser.isSet(QStringLiteral("json")) && !(group == QLatin1String("webhooks") && action == QLatin1String("list")))
        return usage(tr("--json goes with “webhooks list” only."));

    if (group != QLatin1String("webhooks"))
        return usage(tr("Unknown command “%1”.").arg(group));
    if (action == QLatin1String("list") && expectWords(2, 2))
        return openDatabase() ? webhooksList(m_parser.isSet(QStringLiteral("json"))) : Failure;
    if (action == QLatin1String("export") && expectWords(2, 3))
        return openDatabase() ? webhooksExport(words.value(2)) : Failure;
    if (action == QLatin1String("import") && expectWords(3, 3))
        return openDatabase() ? webhooksImport(words.at(2)) : Failure;
    if (action == QLatin1String("remove") && expectWords(3, 3))
        return openDatabase() ? webhooksRemove(words.at(2)) : Failure;
    if ((action == QLatin1String("enable") || action == QLatin1String("disable")) && expectWords(3, 3))
        return openDatabase() ? webhooksSetActive(words.at(2), action == QLatin1String("enable")) : Failure;
    if (action.isEmpty())
        return usage(tr("“webhooks” needs an action: list, export, import, remove, enable or disable."));
    const QStringList actions = {QStringLiteral("list"), QStringLiteral("export"), QStringLiteral("import"),
                                 QStringLiteral("remove"), QStringLiteral("enable"), QStringLiteral("disable")};
    if (!actions.contains(action))
        return usage(tr("Unknown action “webhooks %1”.").arg(action));
    return usage(tr("Wrong number of arguments for “webhooks %1”.").arg(action));
}

int CommandLine::webhooksList(bool json)
{
    WebhookRepository repository(m_database);
    const auto webhooks = repository.all();
    if (!webhooks)
        return fail(webhooks.message());
    if (json) {
        QJsonArray array;
        for (const Webhook &w : *webhooks) {
            array.append(QJsonObject{
                {QStringLiteral("id"), w.id},
                {QStringLiteral("name"), w.name},
                {QStringLiteral("kind"), WebhookKinds::key(w.kind)},
                {QStringLiteral("endpoint"), w.maskedEndpoint()},
                {QStringLiteral("active"), w.active},
                {QStringLiteral("events"), QJsonArray::fromStringList(w.events)},
                {QStringLiteral("phiLevel"), PhiLevels::key(w.phiLevel)},
                {QStringLiteral("version"), w.version},
                {QStringLiteral("updatedBy"), w.updatedBy},
                {QStringLiteral("updatedAt"), w.updatedAt.toString(Qt::ISODateWithMs)},
            });
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    QList<QStringList> rows = {{tr("NAME"), tr("KIND"), tr("ACTIVE"), tr("PHI"), tr("EVENTS"), tr("ENDPOINT")}};
    for (const Webhook &w : *webhooks) {
        rows.append({w.name, WebhookKinds::key(w.kind), w.active ? tr("yes") : tr("no"), PhiLevels::key(w.phiLevel),
                     w.events.join(QLatin1Char(',')), w.maskedEndpoint()});
    }
    CommandSupport::printTable(m_out, rows);
    return Success;
}

int CommandLine::webhooksExport(const QString &path)
{
    WebhookRepository repository(m_database);
    const auto webhooks = repository.all();
    if (!webhooks)
        return fail(webhooks.message());
    const QByteArray contents = WebhookConfig::serialize(*webhooks);
    if (path.isEmpty() || path == QLatin1String("-")) {
        m_out << QString::fromUtf8(contents);
        return Success;
    }
    QString error;
    if (!WebhookConfig::writeFile(path, contents, &error))
        return fail(error);
    m_err << tr("Exported %n webhook(s) to %1.", nullptr, int(webhooks->size())).arg(path) << '\n';
    return Success;
}

int CommandLine::webhooksImport(const QString &path)
{
    QString readError;
    const std::optional<QByteArray> contents = BoundedFile::read(path, BoundedFile::configurationMaxBytes, &readError);
    if (!contents)
        return fail(tr("Cannot read %1: %2").arg(path, readError));
    const WebhookConfig::ParseResult parsed = WebhookConfig::parse(*contents);
    if (!parsed.ok()) {
        m_err << tr("%1 was not imported; nothing was changed:").arg(path) << '\n';
        for (const QString &error : parsed.errors)
            m_err << "  " << DisplayText::forTerminal(error) << '\n';
        return Failure;
    }
    WebhookRepository repository(m_database);
    WebhookRepository::ImportSummary summary;
    const Result<void> result = repository.importAll(parsed.webhooks, &summary);
    if (!result.ok())
        return fail(tr("%1 was not imported; nothing was changed: %2").arg(path, result.message()));
    m_out << tr("Imported %1: %2 created, %3 updated, %4 unchanged.")
                 .arg(path)
                 .arg(summary.created)
                 .arg(summary.updated)
                 .arg(summary.unchanged)
          << '\n';
    return Success;
}

int CommandLine::webhooksRemove(const QString &name)
{
    WebhookRepository repository(m_database);
    const auto webhook = repository.findByName(name);
    if (!webhook)
        return fail(webhook.message());
    if (const Result<void> removed = repository.remove(*webhook); !removed.ok())
        return fail(removed.message());
    m_out << tr("Removed “%1”.").arg(name) << '\n';
    return Success;
}

int CommandLine::webhooksSetActive(const QString &name, bool active)
{
    WebhookRepository repository(m_database);
    auto webhook = repository.findByName(name);
    if (!webhook)
        return fail(webhook.message());
    if (webhook->active != active) {
        if (const Result<void> changed = repository.setActive(*webhook, active); !changed.ok())
            return fail(changed.message());
    }
    m_out << (active ? tr("“%1” is enabled.") : tr("“%1” is disabled.")).arg(name) << '\n';
    return Success;
}

} // namespace

int runCommandLine(const QStringList &arguments)
{
    // Commands with options of their own parse their whole command line themselves.
    if (Startup::subcommand(arguments) == QLatin1String("preview"))
        return runPreviewCommand(arguments);
    if (Startup::subcommand(arguments) == QLatin1String("secret"))
        return runSecretCommand(arguments);
    if (Startup::subcommand(arguments) == QLatin1String("epic"))
        return runEpicCommand(arguments);
    if (Startup::subcommand(arguments) == QLatin1String("send"))
        return runSendCommand(arguments);
    if (Startup::subcommand(arguments) == QLatin1String("deliveries"))
        return runDeliveriesCommand(arguments);
    if (Startup::subcommand(arguments) == QLatin1String("redeliver"))
        return runRedeliverCommand(arguments);
    if (Startup::subcommand(arguments) == QLatin1String("events"))
        return runEventsCommand(arguments);
    if (Startup::subcommand(arguments) == QLatin1String("dispatch"))
        return runDispatchCommand(arguments);
    if (Startup::subcommand(arguments) == QLatin1String("machine"))
        return runMachineCommand(arguments);
    CommandLine commandLine;
    return commandLine.run(arguments);
}
