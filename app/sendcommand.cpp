// The "send" command: builds, signs or authenticates, sends and records one test delivery, then reports its outcome.
#include "app/sendcommand.h"

#include "models/domain/payloadtext.h"
#include "app/commandsupport.h"
#include "models/storage/deliveryrepository.h"
#include "models/domain/event.h"
#include "models/domain/eventtype.h"
#include "models/storage/webhookrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "network/transport/epicauth.h"
#include "network/payloads/payloadformatter.h"
#include "network/transport/standardwebhooks.h"
#include "network/transport/webhookdelivery.h"
#include "network/transport/webhooksender.h"

#include <QEventLoop>
#include <QFile>

namespace {

// How much of a refusing receiver's answer is worth showing in a terminal; the delivery log keeps more.
constexpr qsizetype ShownResponseCharacters = 300;

class SendCommand
{
    Q_DECLARE_TR_FUNCTIONS(SendCommand)
public:
    int run(const QStringList &arguments);

private:
    std::optional<Event> loadEvent(const QString &eventType);
    std::optional<QStringList> signingSecrets(const Webhook &webhook);
    std::optional<EpicKey> epicKey(const Webhook &webhook);
    static DeliveryResult deliver(const DeliveryRequest &request);
    void print(const DeliveryResult &result, const QByteArray &messageId);

    CommandSupport m_support{QStringLiteral("send")};
};

std::optional<Event> SendCommand::loadEvent(const QString &eventType)
{
    const QString path = m_support.parser().value(QStringLiteral("sample-file"));
    if (path.isEmpty())
        return EventSamples::forTestSend(eventType);
    QString error;
    auto event = Event::fromFile(path, &error);
    if (!event) {
        m_support.fail(error);
        return std::nullopt;
    }
    if (event->type != eventType) {
        m_support.fail(tr("%1 holds a %2 event, not %3.").arg(path, event->type, eventType));
        return std::nullopt;
    }
    return event;
}

std::optional<QStringList> SendCommand::signingSecrets(const Webhook &webhook)
{
    // Only generic webhooks carry Standard Webhooks signatures; the others need nothing from the keychain here.
    if (webhook.kind != WebhookKind::Generic)
        return QStringList();
    WebhookRepository repository(m_support.database());
    WebhookSecrets secrets(m_support.secrets(), repository);
    QString error;
    auto signing = secrets.signingSecrets(webhook, &error);
    // A webhook with a secret is never sent unsigned: the receiver would rightly reject it, or worse, accept it.
    if (!signing)
        m_support.fail(tr("Nothing was sent: %1").arg(error));
    return signing;
}

std::optional<EpicKey> SendCommand::epicKey(const Webhook &webhook)
{
    if (webhook.kind != WebhookKind::Epic)
        return EpicKey();
    const SecretStore::Result stored = m_support.secrets().readAndWait(WebhookDelivery::epicKeyKeychainKey(webhook.id));
    if (stored.status == SecretStore::Status::NotFound) {
        m_support.fail(tr("Nothing was sent: this workstation's keychain holds no private key for “%1”. Make one with "
                          "“%2 epic keygen --webhook NAME” and register its public key with Epic.")
                           .arg(webhook.name, QCoreApplication::applicationName()));
        return std::nullopt;
    }
    if (!stored.ok()) {
        m_support.fail(tr("Nothing was sent: %1").arg(stored.message));
        return std::nullopt;
    }
    QString error;
    auto key = EpicKey::fromPem(stored.value.toLatin1(), &error);
    if (!key)
        m_support.fail(tr("Nothing was sent: the private key of “%1” in the keychain cannot be used: %2").arg(webhook.name, error));
    return key;
}

DeliveryResult SendCommand::deliver(const DeliveryRequest &request)
{
    WebhookSender sender;
    QEventLoop loop;
    DeliveryResult result;
    // The job starts on the next turn of the event loop, so it cannot finish before the loop runs.
    DeliveryJob *job = sender.send(request);
    QObject::connect(job, &DeliveryJob::finished, &loop, [&](const DeliveryResult &finished) {
        result = finished;
        loop.quit();
    });
    loop.exec();
    return result;
}

void SendCommand::print(const DeliveryResult &result, const QByteArray &messageId)
{
    QTextStream &out = m_support.out();
    const QString status = QStringLiteral("%1 %2").arg(QString::number(result.status), result.reasonPhrase).trimmed();
    if (result.success())
        out << tr("Delivered to %1: HTTP %2, latency %3 ms.").arg(result.requestUrl, status).arg(result.latencyMs) << '\n';
    else if (result.status > 0)
        out << tr("Not delivered to %1: HTTP %2, latency %3 ms.").arg(result.requestUrl, status).arg(result.latencyMs) << '\n';
    else
        out << tr("Not delivered to %1: %2").arg(result.requestUrl, result.errorText) << '\n';
    if (!result.redirectTarget.isEmpty())
        out << tr("The receiver redirects to %1; redirects are not followed.").arg(result.redirectTarget) << '\n';
    for (const QString &problem : result.certificateProblems)
        out << "  " << problem << '\n';

    QString diagnosis = result.diagnosis;
    if (result.success())
        diagnosis = tr("The receiver accepted the message.");
    else if (diagnosis.isEmpty())
        diagnosis = result.errorText;
    out << tr("Diagnosis: %1").arg(diagnosis) << '\n';
    if (!result.success() && result.status > 0 && !result.body.isEmpty()) {
        QString shown = QString::fromUtf8(result.body.left(ShownResponseCharacters * 4)).simplified();
        if (shown.size() > ShownResponseCharacters)
            shown = shown.left(ShownResponseCharacters) + QStringLiteral("…");
        out << tr("Response: %1").arg(shown) << '\n';
    }
    out << tr("Message %1 (total time %2 ms).").arg(QString::fromLatin1(messageId)).arg(result.durationMs) << '\n';
    out.flush();
}

int SendCommand::run(const QStringList &arguments)
{
    QCommandLineParser &parser = m_support.parser();
    parser.setApplicationDescription(
        tr("Sends one test delivery of a stored webhook: its real payload for a sample event, signed or authenticated "
           "as configured, as a new message. The attempt is recorded in the delivery log with trigger “test”.\n\n"
           "  send --webhook NAME --event TYPE [--sample-file F]\n\n"
           "Exit code 0 when the receiver answered with 2xx, 1 otherwise."));
    m_support.addCommonOptions();
    parser.addOption({QStringLiteral("webhook"), tr("The webhook, by name."), tr("name")});
    parser.addOption({QStringLiteral("event"), tr("The event type, such as battery.low."), tr("type")});
    parser.addOption({QStringLiteral("sample-file"), tr("An event in JSON instead of the built-in sample."), tr("file")});
    parser.addPositionalArgument(QStringLiteral("send"), tr("The command."), QStringLiteral("send"));
    int exitCode = CommandSupport::Success;
    const auto words = m_support.parse(arguments, &exitCode);
    if (!words)
        return exitCode;
    if (!words->isEmpty())
        return m_support.usage(tr("Unexpected arguments: %1.").arg(words->join(QLatin1Char(' '))));
    if (!parser.isSet(QStringLiteral("webhook")))
        return m_support.usage(tr("--webhook is required."));
    if (!parser.isSet(QStringLiteral("event")))
        return m_support.usage(tr("--event is required."));
    const QString eventType = parser.value(QStringLiteral("event"));
    if (!EventCatalog::find(eventType)) {
        QStringList names;
        for (const EventType &type : EventCatalog::builtIn())
            names.append(type.name);
        return m_support.usage(
            tr("Unknown event “%1”; the events are: %2.").arg(eventType, names.join(QStringLiteral(", "))));
    }

    // The event is read before the database is opened, so a bad sample file is reported without any login.
    const auto event = loadEvent(eventType);
    if (!event)
        return CommandSupport::Failure;
    const QString name = parser.value(QStringLiteral("webhook"));
    const auto webhook = m_support.findWebhook(name);
    if (!webhook)
        return CommandSupport::Failure;
    if (!webhook->events.contains(eventType))
        return m_support.fail(tr("“%1” does not subscribe to %2; nothing was sent.").arg(webhook->name, eventType));
    if (!webhook->active)
        m_support.err() << tr("note: “%1” is disabled; this test is sent all the same.").arg(webhook->name) << '\n';

    QString error;
    const PayloadText::Scope inLanguage(webhook->payloadLanguage);
    const auto payload = PayloadFormatter::create(webhook->kind)->format(*event, webhook->phiLevel, &error);
    if (!payload)
        return m_support.fail(tr("Nothing was sent: %1").arg(error));
    for (const QString &warning : payload->warnings)
        m_support.err() << tr("warning: %1").arg(warning) << '\n';
    const auto secrets = signingSecrets(*webhook);
    if (!secrets)
        return CommandSupport::Failure;
    const auto key = epicKey(*webhook);
    if (!key)
        return CommandSupport::Failure;

    // A test-send is a message of its own: a new id, never one a receiver may have seen.
    const QByteArray messageId = StandardWebhooks::newMessageId();
    const auto request = WebhookDelivery::build(*webhook, *payload, *secrets, messageId,
                                                QDateTime::currentSecsSinceEpoch(), *key, &error);
    if (!request)
        return m_support.fail(tr("Nothing was sent: %1").arg(error));
    m_support.err().flush();

    const DeliveryResult result = deliver(*request);
    print(result, messageId);

    DeliveryRecord record = WebhookDelivery::record(*webhook, *event, messageId, DeliveryTrigger::Test, result);
    DeliveryRepository log(m_support.database());
    if (!log.record(record, &error))
        return m_support.fail(tr("The attempt could not be recorded in the delivery log: %1").arg(error));
    return result.success() ? CommandSupport::Success : CommandSupport::Failure;
}

} // namespace

int runSendCommand(const QStringList &arguments)
{
    SendCommand command;
    return command.run(arguments);
}
