// When a failed delivery is tried again: a schedule like Svix's with jitter, Retry-After within bounds, and the
// answers that no retry can change.
#pragma once

#include "models/domain/result.h"
#include "network/transport/deliveryresult.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

// How long to wait after each failed attempt. The default is Svix's published schedule: the first attempt at once,
// then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, each delay varied by up to ±20 % so that the retries of
// one outage do not arrive together.
struct RetrySchedule
{
    static QList<qint64> svixDelaysSeconds();

    QList<qint64> delaysSeconds = svixDelaysSeconds();
    double jitter = 0.2;                // a fraction of each delay, added or taken away at random
    // A receiver's Retry-After is followed within these bounds: it cannot ask for a hammering, nor park a message
    // beyond the schedule's longest wait.
    qint64 retryAfterMinSeconds = 1;
    qint64 retryAfterMaxSeconds = 36000;

    int maxAttempts() const { return int(delaysSeconds.size()) + 1; }

    bool operator==(const RetrySchedule &other) const = default;

    // The stored form: {"delaysSeconds": [...], "jitter": 0.2, "retryAfterMinSeconds": 1,
    // "retryAfterMaxSeconds": 36000}; absent keys keep their default. Invalid, naming the key, for values that
    // cannot work (no delay, a negative one, jitter outside 0–0.5, bounds the wrong way round).
    static Result<RetrySchedule> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

struct RetryDecision
{
    enum class Action {
        Retry,          // try again after delayMs
        GiveUp,         // the event is failed for this webhook: see reason
        DisableWebhook, // the receiver said the endpoint is gone for good (410)
    };
    Action action = Action::GiveUp;
    qint64 delayMs = 0;
    bool followsRetryAfter = false;     // the delay is the receiver's Retry-After (clamped), not the schedule's
    // Stored with the delivery, in one language for every reader: "transient", "exhausted", "permanent", "gone",
    // "cancelled".
    QString reason;
    // What the receiver's answer said, in its integration's own words, when the policy knows them:
    // "slack channel_is_archived", "teams card refused: …", "epic OperationOutcome invalid". Stored, untranslated.
    QString detail;
};

// How an integration's answer reads beyond its status: Slack's error codes, a Teams refusal, an Epic
// OperationOutcome. Unknown: the status alone decides.
struct KnownAnswer
{
    enum class Verdict { Unknown, Permanent, Transient };
    Verdict verdict = Verdict::Unknown;
    QString detail;
};

class RetryPolicy
{
    Q_DECLARE_TR_FUNCTIONS(RetryPolicy)
public:
    // Whether another attempt could succeed where this one failed: timeouts and network errors (TLS included: a
    // certificate may be renewed meanwhile), 408, 425, 429 and 5xx, and an Epic token that could not be had. Not:
    // a request that cannot be made, an address the SSRF guard refuses, a redirect, any other 4xx.
    static bool isTransient(const DeliveryResult &result);
    // What result's integration (result.kind) says with its body: a code or an outcome that no retry changes
    // (Permanent, even on a 5xx), or one that asks to try again (Transient, even on a 4xx).
    static KnownAnswer readAnswer(const DeliveryResult &result);

    // What follows the failed attempt number attemptsMade (1 for the first): 410 disables; then what the
    // integration's answer says (readAnswer); then the status and error (isTransient). random: a number in [0, 1) from the
    // caller's generator, which draws the jitter. A cancelled attempt (the dispatcher stopping) is retried at once
    // and counts for nothing.
    static RetryDecision decide(const RetrySchedule &schedule, const DeliveryResult &result, int attemptsMade,
                                double random);
    // The schedule's wait after failed attempt number attemptsMade, jittered; nullopt once the schedule is over.
    static std::optional<qint64> scheduledDelayMs(const RetrySchedule &schedule, int attemptsMade, double random);
};
