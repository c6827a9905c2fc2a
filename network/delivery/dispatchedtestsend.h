// A test-send handed to the running dispatchers, so that it takes the way real events take: sent from the
// dispatcher's machine, through its network and proxy, signed with the credentials it holds.
#pragma once

#include "models/domain/event.h"
#include "models/domain/webhook.h"
#include "models/storage/databaseworker.h"
#include "network/delivery/deliverypipeline.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// The console's side. The test is stored for the dispatchers (TestSendQueue); one of them takes it, sends it
// through its delivery pipeline (recorded in the delivery log as a test, like a direct one) and stores the outcome,
// which finished() hands over as if the pipeline had run here. Nothing waits: the database is read on the worker.
//
//   DispatchedTestSend *test = DispatchedTestSend::start(worker, webhook, event, this);
//   connect(test, &DispatchedTestSend::finished, this, [](const DeliveryOutcome &outcome) { ... });
class DispatchedTestSend : public QObject
{
    Q_OBJECT
public:
    enum class Stage {
        Handing,  // being stored for the dispatchers
        Queued,   // waiting for a dispatcher to take it
        Sending,  // a dispatcher took it (dispatcher())
        Finished,
    };
    Q_ENUM(Stage)

    static constexpr int PollMs = 100;
    // Nothing was taken by then: withdrawn, refused as DispatcherUnavailable (running dispatchers look every 50 ms,
    // a busy one as soon as a worker is free).
    static constexpr int DefaultPickupTimeoutMs = 10000;
    // Once taken, the webhook's own timeout and this margin (Epic token, recording) before DispatcherSilent.
    static constexpr int AnswerMarginMs = 15000;

    // Starts on the next turn of the event loop; deletes itself after finished(). parent may own it before that.
    static DispatchedTestSend *start(const DatabaseWorker &database, const Webhook &webhook, const Event &event,
                                     QObject *parent = nullptr);
    ~DispatchedTestSend() override;

    void setPickupTimeoutMs(int ms) { m_pickupTimeoutMs = ms; }

    Stage stage() const { return m_stage; }
    // The dispatcher that took it: host:pid, as in its leases.
    QString dispatcher() const { return m_dispatcher; }
    // Not yet taken: withdrawn, finished as Cancelled with nothing sent. Taken: the dispatcher is asked to stop
    // it and tells how it ended, like a direct send cancelled on its way.
    void cancel();

signals:
    void stageChanged(DispatchedTestSend::Stage stage);
    void finished(const DeliveryOutcome &outcome);

private:
    DispatchedTestSend(const DatabaseWorker &database, const Webhook &webhook, const Event &event, QObject *parent);
    void hand();
    void poll();
    void withdrawUnclaimed();
    // Removes the row, whose outcome was read or which no dispatcher will take (nobody waits for the answer).
    void forget();
    void setStage(Stage stage);
    void refuse(DeliveryRefusal refusal, const QString &message);
    void finish(const DeliveryOutcome &outcome);

    DatabaseWorker m_database;
    Webhook m_webhook;
    Event m_event;
    QString m_id;
    QString m_dispatcher;
    Stage m_stage = Stage::Handing;
    QTimer m_poll;
    QElapsedTimer m_clock;   // since handed over, then since taken
    int m_pickupTimeoutMs = DefaultPickupTimeoutMs;
    bool m_reading = false;
    bool m_cancelRequested = false;
};
