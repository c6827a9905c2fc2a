// The "preview" command: the formatter's output for a sample or a file, as a chosen format or a stored webhook.
#include "app/previewcommand.h"

#include "models/domain/payloadtext.h"
#include "app/commandsupport.h"

#include "models/storage/database.h"
#include "models/storage/webhookrepository.h"
#include "models/domain/event.h"
#include "models/domain/eventtype.h"
#include "models/secrets/secretstore.h"
#include "network/payloads/payloadformatter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace {

class PreviewCommand
{
    Q_DECLARE_TR_FUNCTIONS(PreviewCommand)
public:
    int run(const QStringList &arguments);

private:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    int usage(const QString &message);
    int fail(const QString &message);
    std::optional<Event> loadEvent(const QString &eventType);
    std::optional<Webhook> findWebhook(const QString &name);
    int print(const Payload &payload, const HeaderList &customHeaders, WebhookKind kind, bool signedWhenSent);

    QCommandLineParser m_parser;
    QTextStream m_err{stderr};
    Database m_database;
};

int PreviewCommand::usage(const QString &message)
{
    m_err << QCoreApplication::applicationName() << " preview: " << message << '\n'
          << tr("Run “%1 preview --help” for the options.").arg(QCoreApplication::applicationName()) << '\n';
    return UsageError;
}

int PreviewCommand::fail(const QString &message)
{
    m_err << QCoreApplication::applicationName() << " preview: " << message << '\n';
    return Failure;
}

std::optional<Event> PreviewCommand::loadEvent(const QString &eventType)
{
    const QString path = m_parser.value(QStringLiteral("sample-file"));
    if (path.isEmpty())
        return EventSamples::sample(eventType);
    QString error;
    auto event = Event::fromFile(path, &error);
    if (!event) {
        fail(error);
        return std::nullopt;
    }
    if (event->type != eventType) {
        fail(tr("%1 holds a %2 event, not %3.").arg(path, event->type, eventType));
        return std::nullopt;
    }
    return event;
}

std::optional<Webhook> PreviewCommand::findWebhook(const QString &name)
{
    SecretStore secrets;
    QString message;
    if (!CommandSupport::openDatabase(m_database, m_parser, secrets, &message)) {
        fail(message);
        return std::nullopt;
    }
    const Result<Webhook> webhook = WebhookRepository(m_database).findByName(name);
    if (!webhook) {
        fail(webhook.message());
        return std::nullopt;
    }
    return *webhook;
}

int PreviewCommand::print(const Payload &payload, const HeaderList &customHeaders, WebhookKind kind,
                          bool signedWhenSent)
{
    QByteArray output;
    if (m_parser.isSet(QStringLiteral("headers"))) {
        for (const auto &[name, value] : payload.headers)
            output += name + ": " + value + '\n';
        for (const auto &[name, value] : customHeaders)
            output += name.toUtf8() + ": " + value.toUtf8() + '\n';
        output += '\n';
        if (signedWhenSent)
            m_err << tr("note: webhook-id, webhook-timestamp and webhook-signature are added when the message is "
                        "sent; they change with every delivery.")
                  << '\n';
        else if (kind == WebhookKind::Generic)
            m_err << tr("note: webhook-id and webhook-timestamp are added when the message is sent; they change with "
                        "every delivery.")
                  << '\n';
    }
    output += payload.body;
    for (const QString &warning : payload.warnings)
        m_err << tr("warning: %1").arg(warning) << '\n';
    m_err.flush();

    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly) || out.write(output) != output.size() || !out.flush())
        return fail(tr("Cannot write to standard output: %1").arg(out.errorString()));
    return Success;
}

int PreviewCommand::run(const QStringList &arguments)
{
    m_parser.setApplicationDescription(
        tr("Prints exactly the bytes a webhook would send for an event.\n\n"
           "  preview --format slack|teams|epic|generic --event TYPE [--sample-file F] [--phi none|limited|full]\n"
           "  preview --webhook NAME --event TYPE [--sample-file F] [--database URL]\n\n"
           "Without --sample-file, a synthetic sample event is used."));
    m_parser.addHelpOption();
    m_parser.addOption({QStringLiteral("format"), tr("The integration: slack, teams, epic or generic."), tr("format")});
    m_parser.addOption({QStringLiteral("webhook"), tr("A stored webhook, whose format, PHI level and headers apply."),
                        tr("name")});
    m_parser.addOption({QStringLiteral("event"), tr("The event type, such as battery.low."), tr("type")});
    m_parser.addOption({QStringLiteral("sample-file"), tr("An event in JSON instead of the built-in sample."), tr("file")});
    m_parser.addOption({QStringLiteral("phi"),
                        tr("With --format: how much patient data to include: none, limited or full "
                           "(default: the format's default)."),
                        tr("level")});
    m_parser.addOption({QStringLiteral("headers"), tr("Print the HTTP headers before the body.")});
    m_parser.addOption({QStringLiteral("database"),
                        tr("With --webhook: the database, sqlite:///path/file.db or postgresql://user@host:port/dbname."),
                        tr("url")});
    m_parser.addOption({QStringLiteral("lang"), tr("The language of messages, such as de or en."), tr("code")});
    m_parser.addPositionalArgument(QStringLiteral("preview"), tr("The command."));
    if (!m_parser.parse(arguments))
        return usage(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << m_parser.helpText();
        return Success;
    }
    QStringList extraWords = m_parser.positionalArguments();
    extraWords.removeOne(QStringLiteral("preview"));
    if (!extraWords.isEmpty())
        return usage(tr("Unexpected arguments: %1.").arg(extraWords.join(QLatin1Char(' '))));

    const bool byFormat = m_parser.isSet(QStringLiteral("format"));
    const bool byWebhook = m_parser.isSet(QStringLiteral("webhook"));
    if (byFormat == byWebhook)
        return usage(tr("Give either --format or --webhook."));
    if (!m_parser.isSet(QStringLiteral("event")))
        return usage(tr("--event is required."));
    const QString eventType = m_parser.value(QStringLiteral("event"));
    if (!EventCatalog::find(eventType)) {
        QStringList names;
        for (const EventType &type : EventCatalog::builtIn())
            names.append(type.name);
        return usage(tr("Unknown event “%1”; the events are: %2.").arg(eventType, names.join(QStringLiteral(", "))));
    }
    if (byWebhook && m_parser.isSet(QStringLiteral("phi")))
        return usage(tr("--phi goes with --format; a webhook's own PHI level applies to --webhook."));
    if (byFormat && m_parser.isSet(QStringLiteral("database")))
        return usage(tr("--database goes with --webhook."));

    WebhookKind kind = WebhookKind::Generic;
    PhiLevel phi = PhiLevel::None;
    QString language = QStringLiteral("en");
    HeaderList customHeaders;
    bool signedWhenSent = false;
    if (byFormat) {
        const QString formatKey = m_parser.value(QStringLiteral("format"));
        const auto parsedKind = WebhookKinds::fromKey(formatKey);
        if (!parsedKind)
            return usage(tr("Unknown format “%1”; use slack, teams, epic or generic.").arg(formatKey));
        kind = *parsedKind;
        phi = WebhookKinds::defaultPhiLevel(kind);
        if (m_parser.isSet(QStringLiteral("phi"))) {
            const QString phiKey = m_parser.value(QStringLiteral("phi"));
            const auto parsedPhi = PhiLevels::fromKey(phiKey);
            if (!parsedPhi)
                return usage(tr("Unknown PHI level “%1”; use none, limited or full.").arg(phiKey));
            phi = *parsedPhi;
        }
    }

    // The event is read before the database is opened, so a bad sample file is reported without any login.
    const auto event = loadEvent(eventType);
    if (!event)
        return Failure;

    if (byWebhook) {
        const QString name = m_parser.value(QStringLiteral("webhook"));
        const auto webhook = findWebhook(name);
        if (!webhook)
            return Failure;
        if (!webhook->events.contains(eventType))
            return fail(tr("“%1” does not subscribe to %2, so nothing would be sent.").arg(name, eventType));
        if (!webhook->active)
            m_err << tr("note: “%1” is disabled; this is what it would send once enabled.").arg(name) << '\n';
        kind = webhook->kind;
        phi = webhook->phiLevel;
        language = webhook->payloadLanguage;
        customHeaders = webhook->headers;
        signedWhenSent = !webhook->secretFingerprint.isEmpty();
    }

    QString error;
    const PayloadText::Scope inLanguage(language);
    const auto payload = PayloadFormatter::create(kind)->format(*event, phi, &error);
    if (!payload)
        return fail(error);
    return print(*payload, customHeaders, kind, signedWhenSent);
}

} // namespace

int runPreviewCommand(const QStringList &arguments)
{
    PreviewCommand command;
    return command.run(arguments);
}
