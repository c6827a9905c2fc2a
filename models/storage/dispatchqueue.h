// The dispatcher's side of the outbox: claiming due deliveries under a lease, and settling each after its attempt.
#pragma once

#include "models/domain/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

class Database;

// One delivery of one event to one webhook, as a dispatcher holds it while its lease runs.
struct ClaimedDelivery
{
    QString eventId;
    QString webhookId;
    QString messageId;    // the webhook-id of every attempt of this delivery
    QString eventType;
    QByteArray eventJson; // the event document, for Event::fromJson
    int attemptsMade = 0; // before this claim
    QDateTime sendAt;     // the webhook's rate limit lets this delivery go at this time (now or within the horizon)
    QDateTime leaseUntil;
};

// One webhook's deliveries that are not done: what the console's delivery queue shows.
struct WebhookQueue
{
    qint64 queued = 0;      // pending, waiting for their first attempt
    qint64 retrying = 0;    // pending after one or more failed attempts
    qint64 failed = 0;      // given up on: replayable
    qint64 skipped = 0;     // came while the webhook was disabled: replayable once it is enabled
    QDateTime nextRetryAt;  // the earliest next attempt of those retrying (invalid: none)
    int mostAttempts = 0;   // attempts made by the retrying delivery that has made the most
};

// One event's delivery to one webhook as the outbox holds it: where its timeline goes next.
struct OutboxDelivery
{
    enum class State { Pending, Skipped, Delivered, Failed, Cancelled };
    State state = State::Pending;
    int attemptsMade = 0;
    QDateTime nextAttemptAt; // Pending
    QString leaseOwner;      // Pending and held by a dispatcher now (host:pid)
    QString lastError;       // the policy's reason and the last attempt's error key
};

// Rate limits by integration ("slack": 1 message per second), for webhooks without a limit of their own
// (webhook_dispatch_state.rate_per_second); absent or 0: no limit.
struct SendPacing
{
    QHash<QString, double> perKind;
    // How far ahead a claim may book a send slot: a delivery whose slot is further away stays in the queue, due
    // again just before its slot, instead of holding a worker while it waits.
    int horizonMs = 1000;
};

// How a claimed delivery ended this time.
struct DeliverySettlement
{
    enum class State {
        Delivered,
        RetryAt,
        Failed,   // given up on: replayable by hand
        Skipped,  // its webhook was disabled when it came to be sent: replayable after enabling
    };
    State state = State::Failed;
    QDateTime nextAttemptAt;  // RetryAt
    bool countsAsAttempt = true; // false for an attempt that was stopped before it could count (shutdown)
    QString lastError;        // stored: the policy's reason and the attempt's error key
};

// Several dispatchers, on several machines, may share one PostgreSQL database: a claim takes due rows with
// FOR UPDATE SKIP LOCKED and marks them leased, so two claims never hold the same delivery, and a dispatcher that
// dies loses nothing: once its lease has run out, another claim takes the delivery again. On SQLite the claim is
// one write transaction (one dispatcher at a time is the rule there).
class DispatchQueue
{
    Q_DECLARE_TR_FUNCTIONS(DispatchQueue)
public:
    explicit DispatchQueue(Database &database);

    // Up to limit deliveries that are pending and due at now, oldest due first, whose lease is free or has run
    // out; each is leased to owner until its sendAt + its webhook's timeout + leaseMarginMs. A rate-limited webhook's deliveries take the next
    // free slots of its limit, shared by every dispatcher through the database; those whose slot lies beyond the
    // pacing horizon are not claimed but made due just before their slot (they wait in the queue, never dropped).
    Result<QList<ClaimedDelivery>> claim(const QString &owner, int limit, const QDateTime &now, int leaseMarginMs,
                                         const SendPacing &pacing = {});
    // Ends owner's lease of the delivery with settlement. Conflict when owner no longer holds it (the lease ran
    // out and another dispatcher took it): nothing is changed then.
    Result<void> settle(const ClaimedDelivery &delivery, const QString &owner, const DeliverySettlement &settlement);
    // Gives back every delivery owner holds, untouched, for another claim at once (a dispatcher that stops).
    Result<int> releaseAll(const QString &owner);
    // "Replay missed": the deliveries kept as skipped (their webhook was disabled) of events that came at or after
    // since become due at now, with the whole retry schedule ahead of them, for webhookId or, when it is empty,
    // for every webhook; only webhooks that are active now. Returns how many.
    Result<int> replayMissed(const QString &webhookId, const QDateTime &since, const QDateTime &now);
    // The delivery of eventId to webhookId; nullopt when the outbox has none (a test, an event purged since).
    Result<std::optional<OutboxDelivery>> deliveryOf(const QString &eventId, const QString &webhookId,
                                                     const QDateTime &now) const;
    // webhookId's deliveries that are not done.
    Result<WebhookQueue> queueOf(const QString &webhookId) const;
    // The deliveries of webhookId that wait for a retry (not leased) become due at now. Returns how many.
    Result<int> retryNow(const QString &webhookId, const QDateTime &now);
    // The deliveries of webhookId that wait for a retry (not leased) are given up on now, failed with why before
    // their last error; replayable like any failed one. Returns how many.
    Result<int> cancelRetries(const QString &webhookId, const QString &why, const QDateTime &now);
    // How many failed deliveries of webhookId came within [from, to).
    Result<int> countFailed(const QString &webhookId, const QDateTime &from, const QDateTime &to) const;
    // Those deliveries become due at now with the whole retry schedule ahead of them (webhookId must be active).
    // Returns how many.
    Result<int> replayFailed(const QString &webhookId, const QDateTime &from, const QDateTime &to, const QDateTime &now);
    // How many of webhookId's deliveries kept as skipped (it was disabled) came at or after since.
    Result<int> countMissed(const QString &webhookId, const QDateTime &since) const;
    // How many deliveries are pending and due at now, and when the oldest of them became due (invalid when none).
    Result<std::pair<qint64, QDateTime>> due(const QDateTime &now) const;

private:
    Database &m_database;
};
