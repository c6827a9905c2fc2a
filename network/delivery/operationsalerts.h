// The operations events a dispatcher raises about the webhooks it delivers for (webhook.failing, webhook.disabled,
// webhook.recovered, delivery.exhausted), entered in the outbox like any event: webhooks subscribed to them get
// them, except the webhook each is about (the fan-out leaves it out, so an alerts channel never alerts itself).
#pragma once

#include "models/domain/event.h"
#include "models/domain/result.h"
#include "models/domain/webhook.h"
#include "models/storage/alertmarks.h"
#include "models/storage/dispatchqueue.h"
#include "models/storage/eventoutbox.h"
#include "models/storage/failurestreak.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

class Database;

struct RaisedAlert
{
    Event event;
    AddedEvent added; // stored false: raised before under the same id (by another dispatcher's settlement)
};

// Each call decides whether an alert is due, and if it is, marks and stores it in one write transaction. nullopt:
// no alert, none due or one of the kind about the webhook went out within the rule's window.
// Event ids are derived from what the alert is about, so settling the same thing twice stores one event.
class OperationsAlerts
{
    Q_DECLARE_TR_FUNCTIONS(OperationsAlerts)
public:
    OperationsAlerts(Database &database, const AlertRule &rule, const QDateTime &at);

    // After a failed attempt counted into verdict: webhook.failing when the streak reached one of the rule's
    // attempt counts or crossed one of the auto-disable warning thresholds.
    Result<std::optional<RaisedAlert>> afterFailure(const Webhook &webhook, const StreakVerdict &verdict);
    // After the dispatcher switched webhook off: gone (410) or by the auto-disable rule.
    Result<std::optional<RaisedAlert>> afterDisabling(const Webhook &webhook, const FailureStreak &streak, bool gone);
    // After a success ended a streak: webhook.recovered when the streak raised an alert (IT heard it was failing).
    Result<std::optional<RaisedAlert>> afterRecovery(const Webhook &webhook, const FailureStreak &ended);
    // After a delivery was given up on (out of retries, or refused for good): delivery.exhausted. Not for a
    // delivery of an operations event: an alert that could not be delivered raises no further alert.
    Result<std::optional<RaisedAlert>> afterGivingUp(const Webhook &webhook, const ClaimedDelivery &delivery,
                                                     const DeliverySettlement &settlement, const FailureStreak &streak);

private:
    Event alertAbout(const QString &type, const QString &idSuffix, const Webhook &webhook,
                     const FailureStreak &streak) const;
    // Marks (markKey non-empty: at most once per window) and stores event; a webhook.failing is counted into the
    // webhook's streak, so that its recovery is told.
    Result<std::optional<RaisedAlert>> raise(const Event &event, const QString &webhookId, const QString &markKey);

    Database &m_database;
    AlertRule m_rule;
    QDateTime m_at;
};
