// Claims under a lease (FOR UPDATE SKIP LOCKED on PostgreSQL, one write transaction on SQLite) and settlements.
#include "models/storage/dispatchqueue.h"

#include "models/storage/database.h"

#include <cmath>

#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

DispatchQueue::DispatchQueue(Database &database)
    : m_database(database)
{
}

Result<QList<ClaimedDelivery>> DispatchQueue::claim(const QString &owner, int limit, const QDateTime &now,
                                                    int leaseMarginMs, const SendPacing &pacing)
{
    QSqlDatabase db = m_database.connection();
    const bool postgres = m_database.engine() == DatabaseUrl::Engine::PostgreSQL;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    {
        // An idle dispatcher looks often: a read that finds nothing due takes no write lock (SQLite) and locks no
        // row (PostgreSQL).
        QSqlQuery any(db);
        any.prepare(u"SELECT 1 FROM event_deliveries WHERE state = 'pending' AND next_attempt_at <= ?"
                    " AND (lease_until IS NULL OR lease_until <= ?) LIMIT 1"_s);
        any.addBindValue(nowMs);
        any.addBindValue(nowMs);
        if (!any.exec())
            return Database::failure(tr("Cannot claim due deliveries"), any.lastError());
        if (!any.next())
            return QList<ClaimedDelivery>();
    }
    if (Result<void> begun = Database::beginWrite(db); !begun)
        return begun.failure();
    auto fail = [&db](const QString &what, const QSqlError &error) {
        db.rollback();
        return Database::failure(what, error);
    };
    // The candidates in due order; on PostgreSQL rows another claim has locked are passed over, not waited for.
    QSqlQuery select(db);
    select.prepare(u"SELECT d.event_id, d.webhook_id, d.message_id, d.attempts, w.kind, s.rate_per_second,"
                   " w.timeout_seconds"
                   " FROM event_deliveries d JOIN webhooks w ON w.id = d.webhook_id"
                   " LEFT JOIN webhook_dispatch_state s ON s.webhook_id = d.webhook_id"
                   " WHERE d.state = 'pending' AND d.next_attempt_at <= ?"
                   " AND (d.lease_until IS NULL OR d.lease_until <= ?)"
                   " ORDER BY d.next_attempt_at LIMIT %1"_s.arg(std::max(limit, 0))
                   + (postgres ? u" FOR UPDATE OF d SKIP LOCKED"_s : QString()));
    select.addBindValue(nowMs);
    select.addBindValue(nowMs);
    if (!select.exec())
        return fail(tr("Cannot claim due deliveries"), select.lastError());
    QList<ClaimedDelivery> candidates;
    QHash<QString, qint64> leaseDurations; // by message id
    QMap<QString, double> ratedWebhooks; // sorted by id: slots are locked in one order by every claim
    while (select.next()) {
        ClaimedDelivery delivery;
        delivery.eventId = select.value(0).toString();
        delivery.webhookId = select.value(1).toString();
        delivery.messageId = select.value(2).toString();
        delivery.attemptsMade = select.value(3).toInt();
        delivery.sendAt = now;
        // The lease outlasts the attempt's own deadline by the margin: a dispatcher that dies frees its
        // deliveries that soon after their send time.
        leaseDurations.insert(delivery.messageId, qint64(select.value(6).toInt()) * 1000 + leaseMarginMs);
        const double rate = select.value(5).isNull() ? pacing.perKind.value(select.value(4).toString())
                                                     : select.value(5).toDouble();
        if (rate > 0)
            ratedWebhooks.insert(delivery.webhookId, rate);
        candidates.append(delivery);
    }
    select.finish();

    // Rate-limited webhooks: each delivery takes the webhook's next free slot while it lies within the horizon;
    // the rest become due again just before the slot after the last one booked.
    QSet<QString> deferred;
    QSqlQuery slot(db);
    for (auto it = ratedWebhooks.cbegin(); it != ratedWebhooks.cend(); ++it) {
        slot.prepare(u"INSERT INTO webhook_dispatch_state (webhook_id) VALUES (?) ON CONFLICT (webhook_id) DO NOTHING"_s);
        slot.addBindValue(it.key());
        if (!slot.exec())
            return fail(tr("Cannot book send slots"), slot.lastError());
        slot.prepare(u"SELECT next_slot_at FROM webhook_dispatch_state WHERE webhook_id = ?"_s
                     + (postgres ? u" FOR UPDATE"_s : QString()));
        slot.addBindValue(it.key());
        if (!slot.exec() || !slot.next())
            return fail(tr("Cannot book send slots"), slot.lastError());
        qint64 next = std::max(slot.value(0).toLongLong(), nowMs);
        slot.finish();
        const qint64 intervalMs = std::max<qint64>(1, qint64(std::ceil(1000.0 / it.value())));
        QSqlQuery defer(db);
        defer.prepare(u"UPDATE event_deliveries SET next_attempt_at = ? WHERE event_id = ? AND webhook_id = ?"_s);
        for (ClaimedDelivery &delivery : candidates) {
            if (delivery.webhookId != it.key())
                continue;
            if (next <= nowMs + pacing.horizonMs) {
                delivery.sendAt = QDateTime::fromMSecsSinceEpoch(next, Qt::UTC);
                next += intervalMs;
                continue;
            }
            defer.addBindValue(next - pacing.horizonMs);
            defer.addBindValue(delivery.eventId);
            defer.addBindValue(delivery.webhookId);
            if (!defer.exec())
                return fail(tr("Cannot book send slots"), defer.lastError());
            deferred.insert(delivery.messageId);
        }
        slot.prepare(u"UPDATE webhook_dispatch_state SET next_slot_at = ? WHERE webhook_id = ?"_s);
        slot.addBindValue(next);
        slot.addBindValue(it.key());
        if (!slot.exec())
            return fail(tr("Cannot book send slots"), slot.lastError());
    }
    QList<ClaimedDelivery> claimed;
    for (const ClaimedDelivery &delivery : std::as_const(candidates)) {
        if (!deferred.contains(delivery.messageId))
            claimed.append(delivery);
    }

    // Lease what is claimed, by send time, and read its events: one statement each.
    if (!claimed.isEmpty()) {
        QSqlQuery lease(db);
        lease.prepare(u"UPDATE event_deliveries SET lease_owner = ?, lease_until = ? WHERE event_id = ? AND webhook_id = ?"_s);
        for (ClaimedDelivery &delivery : claimed) {
            delivery.leaseUntil = delivery.sendAt.addMSecs(leaseDurations.value(delivery.messageId));
            lease.addBindValue(owner);
            lease.addBindValue(delivery.leaseUntil.toMSecsSinceEpoch());
            lease.addBindValue(delivery.eventId);
            lease.addBindValue(delivery.webhookId);
            if (!lease.exec())
                return fail(tr("Cannot claim due deliveries"), lease.lastError());
        }
        QSqlQuery events(db);
        QSet<QString> eventIds;
        for (const ClaimedDelivery &delivery : std::as_const(claimed))
            eventIds.insert(delivery.eventId);
        QStringList marks(eventIds.size(), u"?"_s);
        events.prepare(u"SELECT id, type, data_json FROM events WHERE id IN (%1)"_s.arg(marks.join(u", "_s)));
        for (const QString &id : std::as_const(eventIds))
            events.addBindValue(id);
        if (!events.exec())
            return fail(tr("Cannot read a claimed event"), events.lastError());
        QHash<QString, std::pair<QString, QByteArray>> documents;
        while (events.next())
            documents.insert(events.value(0).toString(), {events.value(1).toString(), events.value(2).toString().toUtf8()});
        events.finish();
        for (ClaimedDelivery &delivery : claimed) {
            const auto document = documents.constFind(delivery.eventId);
            if (document == documents.cend())
                return fail(tr("Cannot read a claimed event"), QSqlError());
            delivery.eventType = document->first;
            delivery.eventJson = document->second;
        }
    }
    if (!db.commit())
        return fail(tr("Cannot claim due deliveries"), db.lastError());
    return claimed;
}

Result<void> DispatchQueue::settle(const ClaimedDelivery &delivery, const QString &owner,
                                   const DeliverySettlement &settlement)
{
    QSqlQuery update(m_database.connection());
    update.prepare(u"UPDATE event_deliveries SET state = ?, next_attempt_at = ?, attempts = attempts + ?,"
                   " last_error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?"
                   " WHERE event_id = ? AND webhook_id = ? AND lease_owner = ?"_s);
    const bool retry = settlement.state == DeliverySettlement::State::RetryAt;
    auto stateKey = [](DeliverySettlement::State state) {
        switch (state) {
        case DeliverySettlement::State::Delivered: return u"delivered"_s;
        case DeliverySettlement::State::RetryAt: return u"pending"_s;
        case DeliverySettlement::State::Failed: return u"failed"_s;
        case DeliverySettlement::State::Skipped: return u"skipped"_s;
        }
        return u"failed"_s;
    };
    update.addBindValue(stateKey(settlement.state));
    update.addBindValue(retry ? QVariant(settlement.nextAttemptAt.toMSecsSinceEpoch())
                              : QVariant(QMetaType::fromType<qint64>()));
    update.addBindValue(settlement.countsAsAttempt ? 1 : 0);
    update.addBindValue(settlement.lastError.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                       : QVariant(settlement.lastError));
    update.addBindValue(QDateTime::currentMSecsSinceEpoch());
    update.addBindValue(delivery.eventId);
    update.addBindValue(delivery.webhookId);
    update.addBindValue(owner);
    if (!update.exec())
        return Database::failure(tr("Cannot record how delivery %1 ended").arg(delivery.messageId), update.lastError());
    if (update.numRowsAffected() != 1)
        return Failure{ErrorCode::Conflict,
                       tr("Delivery %1 is no longer leased to this dispatcher (its lease ran out and another one took "
                          "it); how this attempt ended was not recorded there.")
                           .arg(delivery.messageId)};
    return {};
}

Result<int> DispatchQueue::releaseAll(const QString &owner)
{
    QSqlQuery update(m_database.connection());
    update.prepare(u"UPDATE event_deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?"_s);
    update.addBindValue(owner);
    if (!update.exec())
        return Database::failure(tr("Cannot give back the claimed deliveries"), update.lastError());
    return update.numRowsAffected();
}

Result<int> DispatchQueue::replayMissed(const QString &webhookId, const QDateTime &since, const QDateTime &now)
{
    QSqlQuery update(m_database.connection());
    update.prepare(u"UPDATE event_deliveries SET state = 'pending', next_attempt_at = ?, attempts = 0,"
                   " last_error = NULL, updated_at = ?"
                   " WHERE state = 'skipped' AND created_at >= ?"
                   " AND webhook_id IN (SELECT id FROM webhooks WHERE active AND (? = '' OR id = ?))"_s);
    for (const QVariant &value : QVariantList{now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(),
                                              since.toMSecsSinceEpoch(), webhookId, webhookId})
        update.addBindValue(value);
    if (!update.exec())
        return Database::failure(tr("Cannot replay the missed events"), update.lastError());
    return update.numRowsAffected();
}

Result<std::optional<OutboxDelivery>> DispatchQueue::deliveryOf(const QString &eventId, const QString &webhookId,
                                                                const QDateTime &now) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT state, attempts, next_attempt_at, CASE WHEN lease_until > ? THEN lease_owner END,"
                  " last_error FROM event_deliveries WHERE event_id = ? AND webhook_id = ?"_s);
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(eventId);
    query.addBindValue(webhookId);
    if (!query.exec())
        return Database::failure(tr("Cannot read the delivery of the event"), query.lastError());
    if (!query.next())
        return std::optional<OutboxDelivery>();
    OutboxDelivery delivery;
    const QString state = query.value(0).toString();
    delivery.state = state == u"skipped"     ? OutboxDelivery::State::Skipped
                   : state == u"delivered"   ? OutboxDelivery::State::Delivered
                   : state == u"failed"      ? OutboxDelivery::State::Failed
                   : state == u"cancelled"   ? OutboxDelivery::State::Cancelled
                                             : OutboxDelivery::State::Pending;
    delivery.attemptsMade = query.value(1).toInt();
    if (!query.value(2).isNull())
        delivery.nextAttemptAt = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
    delivery.leaseOwner = query.value(3).toString();
    delivery.lastError = query.value(4).toString();
    return std::optional<OutboxDelivery>(delivery);
}

Result<WebhookQueue> DispatchQueue::queueOf(const QString &webhookId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT state, attempts > 0, COUNT(*), MIN(next_attempt_at), MAX(attempts) FROM event_deliveries"
                  " WHERE webhook_id = ? AND state IN ('pending', 'failed', 'skipped')"
                  " GROUP BY state, attempts > 0"_s);
    query.addBindValue(webhookId);
    if (!query.exec())
        return Database::failure(tr("Cannot read the delivery queue"), query.lastError());
    WebhookQueue queue;
    while (query.next()) {
        const QString state = query.value(0).toString();
        const qint64 count = query.value(2).toLongLong();
        if (state == u"failed") {
            queue.failed += count;
        } else if (state == u"skipped") {
            queue.skipped += count;
        } else if (!query.value(1).toBool()) {
            queue.queued += count;
        } else {
            queue.retrying += count;
            queue.nextRetryAt = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
            queue.mostAttempts = query.value(4).toInt();
        }
    }
    return queue;
}

Result<int> DispatchQueue::retryNow(const QString &webhookId, const QDateTime &now)
{
    QSqlQuery update(m_database.connection());
    update.prepare(u"UPDATE event_deliveries SET next_attempt_at = ?, updated_at = ?"
                   " WHERE webhook_id = ? AND state = 'pending' AND attempts > 0 AND next_attempt_at > ?"
                   " AND (lease_until IS NULL OR lease_until <= ?)"_s);
    for (const QVariant &value : QVariantList{now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), webhookId,
                                              now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch()})
        update.addBindValue(value);
    if (!update.exec())
        return Database::failure(tr("Cannot make the retries due"), update.lastError());
    return update.numRowsAffected();
}

Result<int> DispatchQueue::cancelRetries(const QString &webhookId, const QString &why, const QDateTime &now)
{
    QSqlQuery update(m_database.connection());
    update.prepare(u"UPDATE event_deliveries SET state = 'failed', next_attempt_at = NULL, updated_at = ?,"
                   " last_error = ? || COALESCE(': ' || last_error, '')"
                   " WHERE webhook_id = ? AND state = 'pending' AND attempts > 0"
                   " AND (lease_until IS NULL OR lease_until <= ?)"_s);
    for (const QVariant &value : QVariantList{now.toMSecsSinceEpoch(), why, webhookId, now.toMSecsSinceEpoch()})
        update.addBindValue(value);
    if (!update.exec())
        return Database::failure(tr("Cannot cancel the retries"), update.lastError());
    return update.numRowsAffected();
}

namespace {

// The failed deliveries of one webhook whose events came within a range (bound: webhook id, from, to).
const QString failedInRange = u" WHERE state = 'failed' AND webhook_id = ? AND created_at >= ? AND created_at < ?"_s;

} // namespace

Result<int> DispatchQueue::countFailed(const QString &webhookId, const QDateTime &from, const QDateTime &to) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT COUNT(*) FROM event_deliveries"_s + failedInRange);
    for (const QVariant &value : QVariantList{webhookId, from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch()})
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return Database::failure(tr("Cannot count the failed events"), query.lastError());
    return query.value(0).toInt();
}

Result<int> DispatchQueue::replayFailed(const QString &webhookId, const QDateTime &from, const QDateTime &to,
                                        const QDateTime &now)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE event_deliveries SET state = 'pending', next_attempt_at = ?, attempts = 0,"
                  " last_error = NULL, updated_at = ?"_s
                  + failedInRange + u" AND webhook_id IN (SELECT id FROM webhooks WHERE active)"_s);
    for (const QVariant &value : QVariantList{now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), webhookId,
                                              from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch()})
        query.addBindValue(value);
    if (!query.exec())
        return Database::failure(tr("Cannot replay the failed events"), query.lastError());
    return query.numRowsAffected();
}

Result<int> DispatchQueue::countMissed(const QString &webhookId, const QDateTime &since) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT COUNT(*) FROM event_deliveries WHERE state = 'skipped' AND webhook_id = ? AND created_at >= ?"_s);
    query.addBindValue(webhookId);
    query.addBindValue(since.toMSecsSinceEpoch());
    if (!query.exec() || !query.next())
        return Database::failure(tr("Cannot count the missed events"), query.lastError());
    return query.value(0).toInt();
}

Result<std::pair<qint64, QDateTime>> DispatchQueue::due(const QDateTime &now) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT COUNT(*), MIN(next_attempt_at) FROM event_deliveries"
                  " WHERE state = 'pending' AND next_attempt_at <= ?"_s);
    query.addBindValue(now.toMSecsSinceEpoch());
    if (!query.exec() || !query.next())
        return Database::failure(tr("Cannot count the due deliveries"), query.lastError());
    const QDateTime oldest = query.value(1).isNull()
                                 ? QDateTime()
                                 : QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
    return std::pair{query.value(0).toLongLong(), oldest};
}
