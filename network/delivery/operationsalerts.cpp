// Raising operations alerts in the outbox.
#include "network/delivery/operationsalerts.h"

#include "models/domain/eventtype.h"
#include "models/storage/database.h"

using namespace Qt::StringLiterals;

OperationsAlerts::OperationsAlerts(Database &database, const AlertRule &rule, const QDateTime &at)
    : m_database(database)
    , m_rule(rule)
    , m_at(at.toUTC())
{
}

Event OperationsAlerts::alertAbout(const QString &type, const QString &idSuffix, const Webhook &webhook,
                                   const FailureStreak &streak) const
{
    Event event;
    // "webhook.failing/<webhook>/<streak start>/attempts-3": the same alert about the same thing has the same id.
    event.id = type + u'/' + webhook.id + u'/' + idSuffix;
    event.type = type;
    event.timestamp = m_at;
    EventWebhookAlert about;
    about.id = webhook.id;
    about.name = webhook.name;
    about.integration = WebhookKinds::key(webhook.kind);
    about.host = webhook.url.host();
    about.consecutiveFailures = streak.consecutiveFailures;
    about.failingSince = streak.failingSince;
    about.lastError = streak.lastError;
    about.link = m_rule.link;
    event.webhook = about;
    return event;
}

namespace {

QString streakKey(const FailureStreak &streak, const QDateTime &at)
{
    return QString::number((streak.failingSince.isValid() ? streak.failingSince : at).toMSecsSinceEpoch());
}

} // namespace

Result<std::optional<RaisedAlert>> OperationsAlerts::afterFailure(const Webhook &webhook, const StreakVerdict &verdict)
{
    const int count = verdict.streak.consecutiveFailures;
    QString threshold;
    if (verdict.warningPercent)
        threshold = u"percent-"_s + QString::number(*verdict.warningPercent);
    else if (m_rule.failingAfterAttempts.contains(count))
        threshold = u"attempts-"_s + QString::number(count);
    else
        return std::optional<RaisedAlert>();
    Event event = alertAbout(u"webhook.failing"_s, streakKey(verdict.streak, m_at) + u'/' + threshold, webhook,
                             verdict.streak);
    event.webhook->disableAt = verdict.disableAt;
    return raise(event, webhook.id, u"webhook.failing:"_s + threshold);
}

Result<std::optional<RaisedAlert>> OperationsAlerts::afterDisabling(const Webhook &webhook, const FailureStreak &streak,
                                                                    bool gone)
{
    Event event = alertAbout(u"webhook.disabled"_s, streakKey(streak, m_at), webhook, streak);
    event.webhook->disabledBecause = gone ? u"gone"_s : u"failing"_s;
    // Never held back: switching a webhook off is rare (a person enables it again) and what IT must hear.
    return raise(event, webhook.id, {});
}

Result<std::optional<RaisedAlert>> OperationsAlerts::afterRecovery(const Webhook &webhook, const FailureStreak &ended)
{
    if (ended.alertsRaised == 0)
        return std::optional<RaisedAlert>();
    return raise(alertAbout(u"webhook.recovered"_s, streakKey(ended, m_at), webhook, ended), webhook.id, {});
}

Result<std::optional<RaisedAlert>> OperationsAlerts::afterGivingUp(const Webhook &webhook,
                                                                   const ClaimedDelivery &delivery,
                                                                   const DeliverySettlement &settlement,
                                                                   const FailureStreak &streak)
{
    const EventType *type = EventCatalog::find(delivery.eventType);
    if (type && type->category == EventCategory::Operations)
        return std::optional<RaisedAlert>();
    Event event = alertAbout(u"delivery.exhausted"_s, delivery.messageId, webhook, streak);
    EventFailedDelivery failed;
    failed.messageId = delivery.messageId;
    failed.eventId = delivery.eventId;
    failed.eventType = delivery.eventType;
    failed.attempts = delivery.attemptsMade + (settlement.countsAsAttempt ? 1 : 0);
    failed.lastError = settlement.lastError;
    event.delivery = failed;
    return raise(event, webhook.id, u"delivery.exhausted"_s);
}

Result<std::optional<RaisedAlert>> OperationsAlerts::raise(const Event &event, const QString &webhookId,
                                                           const QString &markKey)
{
    std::optional<RaisedAlert> raised;
    QSqlDatabase db = m_database.connection();
    const Result<void> written = Database::inWriteTransaction(
        db, tr("Cannot raise the alert"), [&]() -> Result<void> {
            if (!markKey.isEmpty()) {
                const Result<bool> due = AlertMarks(m_database).take(webhookId, markKey, m_at, m_rule.windowSeconds);
                if (!due)
                    return due.failure();
                if (!*due)
                    return {};
            }
            const Result<AddedEvent> added = EventOutbox(m_database).add(event);
            if (!added)
                return added.failure();
            if (event.type == u"webhook.failing" && added->stored) {
                if (const Result<void> counted = FailureStreaks(m_database).countAlert(webhookId); !counted)
                    return counted;
            }
            raised = RaisedAlert{event, *added};
            return {};
        });
    if (!written)
        return written.failure();
    return raised;
}
