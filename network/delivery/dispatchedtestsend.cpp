// A test-send through the dispatchers: stored, taken, sent there, its outcome read back.
#include "network/delivery/dispatchedtestsend.h"

#include "models/domain/webhookconfig.h"
#include "models/storage/testsendqueue.h"
#include "network/delivery/deliveryoutcomejson.h"

#include <QLocale>
#include <QUuid>

using namespace Qt::StringLiterals;

DispatchedTestSend *DispatchedTestSend::start(const DatabaseWorker &database, const Webhook &webhook,
                                              const Event &event, QObject *parent)
{
    auto *test = new DispatchedTestSend(database, webhook, event, parent);
    QTimer::singleShot(0, test, &DispatchedTestSend::hand);
    return test;
}

DispatchedTestSend::DispatchedTestSend(const DatabaseWorker &database, const Webhook &webhook, const Event &event,
                                       QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_webhook(webhook)
    , m_event(event)
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_poll.setInterval(PollMs);
    connect(&m_poll, &QTimer::timeout, this, &DispatchedTestSend::poll);
}

DispatchedTestSend::~DispatchedTestSend()
{
    // Gone before its outcome came (its window closed): the dispatchers are told not to send it, or to stop it.
    if (m_stage == Stage::Queued || m_stage == Stage::Sending) {
        m_database.run<bool>([id = m_id](Database &database) { return TestSendQueue(database).cancel(id); },
                             nullptr, {});
    }
}

void DispatchedTestSend::hand()
{
    TestSendRequest request;
    request.id = m_id;
    request.webhookId = m_webhook.id;
    request.webhookConfig = WebhookConfig::serialize({m_webhook});
    request.eventJson = m_event.toJson();
    m_database.run<void>(
        [request](Database &database) {
            return TestSendQueue(database).request(request, QDateTime::currentDateTimeUtc());
        },
        this, [this](const Result<void> &handed) {
            if (!handed)
                return refuse(DeliveryRefusal::DatabaseError, handed.message());
            m_clock.start();
            setStage(Stage::Queued);
            if (m_cancelRequested)
                return cancel();
            m_poll.start();
        });
}

void DispatchedTestSend::poll()
{
    if (m_reading || m_stage == Stage::Finished)
        return;
    m_reading = true;
    m_database.run<TestSendStatus>(
        [id = m_id](Database &database) { return TestSendQueue(database).status(id); }, this,
        [this](const Result<TestSendStatus> &status) {
            m_reading = false;
            if (m_stage == Stage::Finished)
                return;
            if (!status)
                return refuse(DeliveryRefusal::DatabaseError, status.message());
            switch (status->state) {
            case TestSendStatus::State::Pending:
                if (m_clock.elapsed() >= m_pickupTimeoutMs)
                    withdrawUnclaimed();
                return;
            case TestSendStatus::State::Withdrawn: {
                DeliveryOutcome outcome;
                outcome.status = DeliveryOutcome::Status::Cancelled;
                return finish(outcome);
            }
            case TestSendStatus::State::Sending:
                if (m_stage != Stage::Sending) {
                    m_dispatcher = status->dispatcher;
                    m_clock.restart();
                    setStage(Stage::Sending);
                } else if (m_clock.elapsed() >= qint64(m_webhook.timeoutSeconds) * 1000 + AnswerMarginMs) {
                    refuse(DeliveryRefusal::DispatcherSilent,
                           tr("The dispatcher %1 took the test but has not told its outcome within %2 s. It may "
                              "have been sent: look for it in the delivery log.")
                               .arg(m_dispatcher)
                               .arg((m_webhook.timeoutSeconds * 1000 + AnswerMarginMs) / 1000));
                }
                return;
            case TestSendStatus::State::Done: {
                m_dispatcher = status->dispatcher;
                const std::optional<DeliveryOutcome> outcome = DeliveryOutcomeJson::parse(status->outcome);
                // Read once: the row (which may hold a loaded sample's patient data) goes now.
                forget();
                if (!outcome)
                    return refuse(DeliveryRefusal::DispatcherSilent,
                                  tr("The dispatcher %1 sent the test, but its account of the outcome cannot be read "
                                     "(a different version?). Look for the attempt in the delivery log.")
                                      .arg(m_dispatcher));
                return finish(*outcome);
            }
            }
        });
}

void DispatchedTestSend::withdrawUnclaimed()
{
    m_poll.stop();
    m_database.run<bool>(
        [id = m_id](Database &database) { return TestSendQueue(database).cancel(id); }, this,
        [this](const Result<bool> &withdrawn) {
            if (m_stage == Stage::Finished)
                return;
            if (!withdrawn)
                return refuse(DeliveryRefusal::DatabaseError, withdrawn.message());
            if (!*withdrawn) {
                // Taken in the meantime (and now asked to stop, which it reports): its outcome is read as usual.
                m_poll.start();
                return;
            }
            forget();
            refuse(DeliveryRefusal::DispatcherUnavailable,
                   tr("No dispatcher took the test within %1 s, so nothing was sent. Start a dispatcher, or send "
                      "the test directly from this workstation.")
                       .arg(QLocale().toString(m_pickupTimeoutMs / 1000.0, 'g', 3)));
        });
}

void DispatchedTestSend::cancel()
{
    m_cancelRequested = true;
    if (m_stage == Stage::Handing || m_stage == Stage::Finished)
        return; // handed over first, then cancelled
    m_database.run<bool>(
        [id = m_id](Database &database) { return TestSendQueue(database).cancel(id); }, this,
        [this](const Result<bool> &withdrawn) {
            if (m_stage == Stage::Finished || !withdrawn || !*withdrawn)
                return; // taken: the dispatcher stops it and says how it ended
            forget();
            DeliveryOutcome outcome;
            outcome.status = DeliveryOutcome::Status::Cancelled;
            finish(outcome);
        });
}

void DispatchedTestSend::forget()
{
    m_database.run<void>([id = m_id](Database &database) { return TestSendQueue(database).remove(id); }, nullptr, {});
}

void DispatchedTestSend::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit stageChanged(stage);
}

void DispatchedTestSend::refuse(DeliveryRefusal refusal, const QString &message)
{
    DeliveryOutcome outcome;
    outcome.status = DeliveryOutcome::Status::Refused;
    outcome.refusal = refusal;
    outcome.message = message;
    finish(outcome);
}

void DispatchedTestSend::finish(const DeliveryOutcome &outcome)
{
    m_poll.stop();
    setStage(Stage::Finished);
    emit finished(outcome);
    deleteLater();
}
