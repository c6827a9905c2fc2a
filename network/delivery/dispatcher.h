// The dispatcher: takes due deliveries from the outbox, sends each through the delivery pipeline, and settles it
// by the retry policy. Headless: it needs neither QtGui nor QtWidgets.
#pragma once

#include "models/storage/databaseworker.h"
#include "models/storage/dispatchqueue.h"
#include "models/storage/testsendqueue.h"
#include "network/delivery/deliverypipeline.h"
#include "network/delivery/dispatchconfig.h"
#include "network/delivery/operationsalerts.h"
#include "network/delivery/retrypolicy.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <random>

class CredentialStore;
class WebhookSender;

struct DispatcherOptions
{
    int workers = 4;          // deliveries in flight at once
    // A claimed delivery is leased for its webhook's timeout (the sender's overall deadline) and this margin, for
    // recording the outcome: after a crash, another dispatcher takes it over that soon.
    int leaseMarginMs = 10000;
    // How often an idle dispatcher looks for due deliveries: what bounds the time from an event's arrival to its
    // first attempt (a look that finds nothing is one indexed read).
    int idlePollMs = 50;
    int settingsRefreshMs = 30000; // how often the dispatch settings are read again from the database
};

// What the dispatcher did, for its command's summary and for tests.
struct DispatcherCounts
{
    int delivered = 0;
    int retrying = 0;
    int failed = 0;
    int disabledWebhooks = 0;
    int alertsRaised = 0; // operations events this dispatcher entered in the outbox
    int testSends = 0;    // test-sends consoles handed over, sent and answered
};

// A change in a webhook's health that the dispatcher tells of: a warning while it keeps failing, its disabling
// (gone or failing too long), its recovery. Each is told once, by the dispatcher whose settlement made it.
struct WebhookHealthNews
{
    enum class Kind {
        Failing,   // crossed one of the auto-disable rule's warning thresholds
        Disabled,  // switched off: the receiver answered 410 Gone, or the streak lasted as long as the rule allows
        Recovered, // an attempt succeeded after a streak of failures
    };
    Kind kind = Kind::Failing;
    QString webhookId;
    QString webhookName;
    FailureStreak streak;   // the streak as it stands (Recovered: as it ended)
    int warningPercent = 0; // Failing
    QDateTime disableAt;    // Failing: when it will be disabled unless an attempt succeeds
    bool gone = false;      // Disabled: by a 410 rather than by the rule
};

class Dispatcher : public QObject
{
    Q_OBJECT
public:
    // owner: this dispatcher's name in the leases, unique per process (host, process id).
    Dispatcher(const DatabaseWorker &database, CredentialStore &credentials, WebhookSender &sender, const QString &owner,
               const DispatcherOptions &options, QObject *parent = nullptr);
    ~Dispatcher() override;

    // Starts claiming under config (the dispatch settings as the caller read them: DispatchConfig::fromSettings),
    // reads the settings again now and then, and keeps this dispatcher's row in the registry fresh
    // (DispatcherRegistry::enter() is the caller's: it may refuse).
    void start(const DispatchConfig &config);
    // Claims nothing more; the deliveries in flight get deadlineMs to finish, then they are stopped (recorded as
    // cancelled, retried at once by the next dispatcher without counting) and everything still held is given
    // back. stopped() follows.
    void stop(int deadlineMs);
    // Stops by itself (stopped()) once a look for due deliveries finds none and nothing is in flight.
    void setStopWhenIdle(bool stop) { m_stopWhenIdle = stop; }

    const DispatcherCounts &counts() const { return m_counts; }
    QString owner() const { return m_owner; }

signals:
    // One delivery was settled: delivered, to be retried, or failed (given up on).
    void settled(const ClaimedDelivery &delivery, const DeliverySettlement &settlement);
    // A webhook started failing badly, was disabled, or recovered (also in the audit trail where it changed something).
    void webhookHealth(const WebhookHealthNews &news);
    // An operations alert (webhook.failing, ...) entered the outbox for the webhooks subscribed to it.
    void alertRaised(const RaisedAlert &alert);
    // A console's test-send was sent (or refused) and its outcome stored for that console.
    void testSendAnswered(const ClaimedTestSend &test, const DeliveryOutcome &outcome);
    // A problem that did not stop the dispatcher (the database was unreachable for a moment, say).
    void problem(const QString &message);
    void stopped();

private:
    struct Claimed
    {
        ClaimedDelivery delivery;
        std::optional<Webhook> webhook; // nullopt: deleted since the event came
    };

    struct Claim
    {
        QList<ClaimedTestSend> tests;
        QList<Claimed> deliveries;
    };
    // How often the consoles' requests to stop a test-send in flight are read (only while one is).
    static constexpr int TestCancelCheckMs = 250;
    static constexpr QLatin1StringView testKeyPrefix{"test:"};
    static QString testKey(const QString &id) { return testKeyPrefix + id; }

    void poll();
    void refreshSettings();
    // A console's test-send, through the pipeline like a direct one; its outcome is stored for the console.
    void sendTest(const ClaimedTestSend &test);
    void testFinished(const ClaimedTestSend &test, const DeliveryOutcome &outcome);
    void stopCancelledTests();
    // After an outcome was written: look for more, or finish stopping.
    void afterWriting();
    void deliverAtItsSlot(const Claimed &claimed);
    void deliver(const Claimed &claimed);
    void finished(const ClaimedDelivery &delivery, const Webhook &webhook, const DeliveryOutcome &outcome);
    // What an attempt tells of its webhook's health.
    enum class HealthEffect { None, Succeeded, Failed, Gone };
    void settle(const ClaimedDelivery &delivery, const DeliverySettlement &settlement, HealthEffect effect,
                const Webhook &webhook);
    void finishStopping();
    DeliverySettlement settlementAfter(const ClaimedDelivery &delivery, const DeliveryOutcome &outcome,
                                       bool *disableWebhook);

    DatabaseWorker m_database;
    DeliveryServices m_services;
    QString m_owner;
    DispatcherOptions m_options;
    QTimer m_poll;
    QTimer m_deadline;
    QTimer m_heartbeat;
    QTimer m_settingsRefresh;
    QTimer m_testCancelCheck;
    DispatchConfig m_config;
    QHash<QString, QTimer *> m_waiting; // by message id: claimed deliveries waiting for their send slot
    QHash<QString, QPointer<DeliveryRun>> m_inFlight;  // by message id, test-sends by testKey()
    int m_settling = 0;
    bool m_claiming = false;
    bool m_stopping = false;
    bool m_stopWhenIdle = false;
    bool m_stopped = false;
    DispatcherCounts m_counts;
    std::mt19937_64 m_random;
};
