// Webhook health: a fixed number of index probes per webhook plus the hourly counts, whatever the size of the log.
#include "models/storage/deliveryhealth.h"
#include "models/storage/deliverylog.h"
#include "models/storage/deliverylogsql.h"

#include <QHash>
#include <QSqlQuery>
#include <QStringList>

#include <limits>

using namespace Qt::StringLiterals;
using namespace DeliveryLogSql;

namespace {

// A window [from, ...) is read from the hourly counts from one hour boundary on, corrected by the part of an hour
// between `from` and that boundary, which is counted on the (webhook, time) indexes. The boundary nearer to `from`
// is taken, so at most half an hour of one webhook's attempts is ever counted row by row.
struct WindowPlan
{
    qint64 hourlyFrom = 0;  // first hour_start of the hourly counts taken in
    qint64 partFrom = 0;    // [partFrom, partTo) counted on the indexes; empty when from is an hour boundary
    qint64 partTo = 0;
    int partSign = 0;       // +1: the part is added (after `from`); -1: it is taken off (before `from`)
};

WindowPlan planWindow(qint64 from)
{
    const qint64 hourStart = (from / hourMs) * hourMs;
    if (hourStart == from)
        return {from, 0, 0, 0};
    if (from - hourStart < hourMs / 2)
        return {hourStart, hourStart, from, -1};
    return {hourStart + hourMs, from, hourStart + hourMs, +1};
}

} // namespace

std::optional<double> WebhookHealth::successRate24h() const
{
    return attempts24h > 0 ? std::optional<double>(double(successes24h) / double(attempts24h)) : std::nullopt;
}

std::optional<double> WebhookHealth::successRate7d() const
{
    return attempts7d > 0 ? std::optional<double>(double(successes7d) / double(attempts7d)) : std::nullopt;
}

std::optional<double> WebhookHealth::deliveredEventRate24h() const
{
    const qint64 events = successes24h + undeliveredEvents24h;
    return events > 0 ? std::optional<double>(double(successes24h) / double(events)) : std::nullopt;
}

std::optional<double> WebhookHealth::deliveredEventRate7d() const
{
    const qint64 events = successes7d + undeliveredEvents7d;
    return events > 0 ? std::optional<double>(double(successes7d) / double(events)) : std::nullopt;
}

WebhookHealthColour healthColour(const WebhookHealth &health, const HealthThresholds &thresholds)
{
    if (!health.active || !health.lastStartedAtMs)
        return WebhookHealthColour::Grey;
    if (health.consecutiveFailures >= thresholds.redConsecutiveFailures || !health.everDelivered)
        return WebhookHealthColour::Red;
    if (!health.lastSuccess)
        return WebhookHealthColour::Yellow;
    // By events: one that a retry delivered in the end is delivered, however many attempts it took. Where events
    // were not counted, the attempts already met the threshold, and the events cannot do worse.
    const bool lastDay = health.attempts24h > 0;
    const auto rate = !health.undeliveredCounted ? (lastDay ? health.successRate24h() : health.successRate7d())
                                                 : (lastDay ? health.deliveredEventRate24h() : health.deliveredEventRate7d());
    if (rate && *rate < thresholds.yellowBelowSuccessRate)
        return WebhookHealthColour::Yellow;
    return WebhookHealthColour::Green;
}

Result<QList<WebhookHealth>> DeliveryLog::health(const HealthThresholds &thresholds, const QDateTime &now) const
{
    return healthWhere({}, thresholds, now);
}

Result<WebhookHealth> DeliveryLog::healthOf(const QString &webhookId, const HealthThresholds &thresholds,
                                            const QDateTime &now) const
{
    const auto health = healthWhere(webhookId, thresholds, now);
    if (!health)
        return health.failure();
    if (health->isEmpty())
        return Failure{ErrorCode::NotFound,
                       tr("There is no webhook %1 (never saved, or deleted since).").arg(webhookId)};
    return health->first();
}

Result<QList<WebhookHealth>> DeliveryLog::healthWhere(const QString &onlyWebhookId, const HealthThresholds &thresholds,
                                                      const QDateTime &now) const
{
    // One webhook's health reads only its own rows: the same queries, each narrowed to its id.
    const bool one = !onlyWebhookId.isEmpty();
    const QSqlDatabase db = m_database.connection();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const WindowPlan day = planWindow(nowMs - dayMs);
    const WindowPlan week = planWindow(nowMs - 7 * dayMs);
    auto cannot = [](const Result<void> &ran) -> Result<QList<WebhookHealth>> {
        return Failure{ErrorCode::Unavailable, tr("Cannot compute the webhook health: %1").arg(ran.message())};
    };
    QList<WebhookHealth> result;
    QHash<QString, qsizetype> rowOf;
    {
        // Per webhook: the newest attempt and the newest success are single probes of the (webhook, time) and
        // (webhook, success, time) indexes. Every attempt after the last success failed, so the failures in a row
        // are the attempts after it: those of its own hour from the failures' index, the later hours from the
        // hourly counts (all of them when nothing ever succeeded); none when the newest attempt is the success,
        // which needs no look. The part hours of the windows are index ranges of the successes and of the
        // failures, so that each attempt is read once.
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const QString partCount = u"(SELECT COUNT(*) FROM deliveries p WHERE p.webhook_id = x.id AND p.success = %1"
                                  " AND p.started_at >= ? AND p.started_at < ?)"_s;
        const QString sql =
            u"SELECT x.id, x.name, x.active, l.started_at, l.response_status, l.success, s.id,"
            " CASE WHEN l.id = s.id THEN 0 ELSE"
            "  (SELECT COUNT(*) FROM deliveries f WHERE f.webhook_id = x.id AND f.success = FALSE"
            "    AND f.started_at >= s.started_at AND f.started_at < (s.started_at / 3600000) * 3600000 + 3600000"
            "    AND (f.started_at, f.id) > (s.started_at, s.id))"
            "  + (SELECT COALESCE(SUM(h.attempts), 0) FROM delivery_hourly h WHERE h.webhook_id = x.id"
            "    AND h.hour_start > COALESCE((s.started_at / 3600000) * 3600000, ?)) END, "_s
            + partCount.arg(u"TRUE"_s) + u", "_s + partCount.arg(u"FALSE"_s) + u", "_s
            + partCount.arg(u"TRUE"_s) + u", "_s + partCount.arg(u"FALSE"_s)
            + u" FROM (SELECT w.id, w.name, w.active,"
              "   (SELECT d.id FROM deliveries d WHERE d.webhook_id = w.id"
              "     ORDER BY d.started_at DESC, d.id DESC LIMIT 1) AS last_id,"
              "   (SELECT d.id FROM deliveries d WHERE d.webhook_id = w.id AND d.success = TRUE"
              "     ORDER BY d.started_at DESC, d.id DESC LIMIT 1) AS last_success_id"
              "   FROM webhooks w%1) x"
              " LEFT JOIN deliveries l ON l.id = x.last_id"
              " LEFT JOIN deliveries s ON s.id = x.last_success_id"
              " ORDER BY x.name"_s.arg(one ? u" WHERE w.id = ?"_s : QString());
        // Every hour when nothing ever succeeded; not the smallest qint64, which PostgreSQL would read as numeric.
        QVariantList values{-std::numeric_limits<qint64>::max(), day.partFrom, day.partTo, day.partFrom, day.partTo,
                            week.partFrom, week.partTo, week.partFrom, week.partTo};
        if (one)
            values << onlyWebhookId;
        if (const Result<void> ran = execPrepared(query, sql, values); !ran)
            return cannot(ran);
        while (query.next()) {
            WebhookHealth health;
            health.webhookId = query.value(0).toString();
            health.webhookName = query.value(1).toString();
            health.active = query.value(2).toBool();
            health.lastStartedAtMs = optionalLong(query.value(3));
            if (!query.value(4).isNull())
                health.lastStatus = query.value(4).toInt();
            health.lastSuccess = query.value(5).toBool();
            health.everDelivered = !query.value(6).isNull();
            health.consecutiveFailures = query.value(7).toLongLong();
            health.successes24h = day.partSign * query.value(8).toLongLong();
            health.attempts24h = health.successes24h + day.partSign * query.value(9).toLongLong();
            health.successes7d = week.partSign * query.value(10).toLongLong();
            health.attempts7d = health.successes7d + week.partSign * query.value(11).toLongLong();
            rowOf.insert(health.webhookId, result.size());
            result.append(health);
        }
    }
    {
        // Each webhook's hours of the week are one range of the (webhook, hour, counts) index, read without the
        // table; older hours, kept for as long as the log keeps attempts, are not read at all. SQLite walks the
        // ranges in the order of webhook ids and groups them as it goes; PostgreSQL would rather join and group by
        // hashing the ids, which costs more than the sums themselves, so there each webhook sums its own range.
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const QString sums = u"SUM(CASE WHEN hour_start >= ? THEN attempts ELSE 0 END),"
                             " SUM(CASE WHEN hour_start >= ? THEN successes ELSE 0 END),"
                             " SUM(CASE WHEN hour_start >= ? THEN undelivered ELSE 0 END),"
                             " SUM(attempts), SUM(successes), SUM(undelivered)"_s;
        const QString sql = m_database.engine() == DatabaseUrl::Engine::SQLite
            ? u"SELECT webhook_id, %1 FROM delivery_hourly WHERE hour_start >= ? AND webhook_id %2"
              " GROUP BY webhook_id"_s.arg(sums, one ? u"= ?"_s : u"IN (SELECT id FROM webhooks)"_s)
            : u"SELECT w.id, c.* FROM webhooks w CROSS JOIN LATERAL (SELECT %1 FROM delivery_hourly h"
              " WHERE h.webhook_id = w.id AND h.hour_start >= ?) c%2"_s
                  .arg(sums, one ? u" WHERE w.id = ?"_s : QString());
        QVariantList values{day.hourlyFrom, day.hourlyFrom, day.hourlyFrom, week.hourlyFrom};
        if (one)
            values << onlyWebhookId;
        if (const Result<void> ran = execPrepared(query, sql, values); !ran)
            return cannot(ran);
        while (query.next()) {
            const auto row = rowOf.constFind(query.value(0).toString());
            if (row == rowOf.constEnd())
                continue;
            WebhookHealth &health = result[*row];
            health.attempts24h += query.value(1).toLongLong();
            health.successes24h += query.value(2).toLongLong();
            health.undeliveredEvents24h = query.value(3).toLongLong();
            health.attempts7d += query.value(4).toLongLong();
            health.successes7d += query.value(5).toLongLong();
            health.undeliveredEvents7d = query.value(6).toLongLong();
        }
    }
    // The events are reported only where they can change the colour, as they were when counting them cost a look
    // at every failed attempt: the share of delivered events is never below the share of successful attempts, so
    // a webhook whose attempts already meet the threshold is judged by them. Only the window the colour is judged
    // on: the last 24 hours, or 7 days when nothing was sent in 24 hours.
    QStringList needEvents[2]; // [0]: 24 h, [1]: 7 d
    for (WebhookHealth &health : result) {
        const bool lastDay = health.attempts24h > 0;
        const auto attemptRate = lastDay ? health.successRate24h() : health.successRate7d();
        health.undeliveredCounted = health.active && health.lastSuccess && attemptRate
                                    && *attemptRate < thresholds.yellowBelowSuccessRate;
        if (!health.undeliveredCounted || !lastDay)
            health.undeliveredEvents24h = 0;
        if (!health.undeliveredCounted || lastDay)
            health.undeliveredEvents7d = 0;
        if (health.undeliveredCounted)
            needEvents[lastDay ? 0 : 1].append(health.webhookId);
    }
    // The part hour of the window, for those webhooks only: their undelivered messages by the newest attempt.
    for (int window = 0; window < 2; ++window) {
        const QStringList &ids = needEvents[window];
        const WindowPlan &plan = window == 0 ? day : week;
        if (ids.isEmpty() || plan.partSign == 0)
            continue;
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const QString sql = u"SELECT webhook_id, COUNT(*) FROM undelivered_messages WHERE webhook_id IN (%1)"
                            " AND last_started_at >= ? AND last_started_at < ? GROUP BY webhook_id"_s
                                .arg(QStringList(ids.size(), u"?"_s).join(u", "_s));
        QVariantList values;
        for (const QString &id : ids)
            values << id;
        values << plan.partFrom << plan.partTo;
        if (const Result<void> ran = execPrepared(query, sql, values); !ran)
            return cannot(ran);
        while (query.next()) {
            WebhookHealth &health = result[rowOf.value(query.value(0).toString())];
            (window == 0 ? health.undeliveredEvents24h : health.undeliveredEvents7d)
                += plan.partSign * query.value(1).toLongLong();
        }
    }
    for (WebhookHealth &health : result)
        health.colour = healthColour(health, thresholds);
    return result;
}
