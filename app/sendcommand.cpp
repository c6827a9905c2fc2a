// The "send" command: one test delivery of a stored webhook through the delivery pipeline, and its outcome in words.
#include "app/sendcommand.h"

#include "app/commandsupport.h"
#include "models/domain/event.h"
#include "models/domain/eventtype.h"
#include "network/delivery/deliverypipeline.h"

#include <QEvent>
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
    DeliveryOutcome deliver(const DeliveryOrder &order);
    static QString refusalText(const DeliveryOutcome &outcome);
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

DeliveryOutcome SendCommand::deliver(const DeliveryOrder &order)
{
    WebhookSender sender;
    const DeliveryServices services{m_support.databaseWorker(), m_support.credentials(), sender};
    QEventLoop loop;
    DeliveryOutcome outcome;
    // The run starts on the next turn of the event loop, so it cannot finish before the loop runs.
    DeliveryRun *run = DeliveryPipeline::start(services, order);
    QObject::connect(run, &DeliveryRun::finished, &loop, [&](const DeliveryOutcome &finished) {
        outcome = finished;
        loop.quit();
    });
    loop.exec();
    // The run deletes itself once finished, and with it its hold on the database worker, whose thread can then
    // end: without this the program would wait for it at exit.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return outcome;
}

QString SendCommand::refusalText(const DeliveryOutcome &outcome)
{
    // What the pipeline says, and what to do about it from the command line.
    if (outcome.refusal == DeliveryRefusal::EpicKeyUnavailable)
        return tr("Nothing was sent: %1 Make one with “%2 epic keygen --webhook NAME” and register its public key "
                  "with Epic.")
            .arg(outcome.message, QCoreApplication::applicationName());
    return tr("Nothing was sent: %1").arg(outcome.message);
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

    m_support.err().flush();
    DeliveryOrder order;
    order.webhook = *webhook;
    order.event = *event;
    order.trigger = DeliveryTrigger::Test; // a message of its own: a new id, never one a receiver may have seen
    const DeliveryOutcome outcome = deliver(order);
    for (const QString &warning : outcome.payloadWarnings)
        m_support.err() << tr("warning: %1").arg(warning) << '\n';
    if (outcome.status == DeliveryOutcome::Status::Refused)
        return m_support.fail(refusalText(outcome));
    print(outcome.result, outcome.messageId);
    if (!outcome.recordError.isEmpty())
        return m_support.fail(tr("The attempt could not be recorded in the delivery log: %1").arg(outcome.recordError));
    return outcome.delivered() ? CommandSupport::Success : CommandSupport::Failure;
}

} // namespace

int runSendCommand(const QStringList &arguments)
{
    SendCommand command;
    return command.run(arguments);
}
