// Claims under a lease (FOR UPDATE SKIP LOCKED on PostgreSQL, one write transaction on SQLite) and settlements.
#include "models/storage/dispatchqueue.h"

#include "models/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

DispatchQueue::DispatchQueue(Database &database)
    : m_database(database)
{
}

Result<QList<ClaimedDelivery>> DispatchQueue::claim(const QString &owner, int limit, const QDateTime &now, int leaseMs)
{
    QSqlDatabase db = m_database.connection();
    const bool postgres = m_database.engine() == DatabaseUrl::Engine::PostgreSQL;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 leaseUntil = nowMs + leaseMs;
    // The candidates in due order; on PostgreSQL rows another claim has locked are passed over, not waited for.
    const QString candidates = u"SELECT event_id, webhook_id FROM event_deliveries"
                               " WHERE state = 'pending' AND next_attempt_at <= ?"
                               " AND (lease_until IS NULL OR lease_until <= ?)"
                               " ORDER BY next_attempt_at LIMIT %1"_s.arg(std::max(limit, 0))
                               + (postgres ? u" FOR UPDATE SKIP LOCKED"_s : QString());
    const QString sql = u"UPDATE event_deliveries SET lease_owner = ?, lease_until = ?"
                        " WHERE (event_id, webhook_id) IN ("_s
                        + candidates + u") RETURNING event_id, webhook_id, message_id, attempts"_s;
    if (Result<void> begun = Database::beginWrite(db); !begun)
        return begun.failure();
    QSqlQuery update(db);
    update.prepare(sql);
    for (const QVariant &value : QVariantList{owner, leaseUntil, nowMs, nowMs})
        update.addBindValue(value);
    if (!update.exec()) {
        const QSqlError error = update.lastError();
        db.rollback();
        return Database::failure(tr("Cannot claim due deliveries"), error);
    }
    QList<ClaimedDelivery> claimed;
    while (update.next()) {
        ClaimedDelivery delivery;
        delivery.eventId = update.value(0).toString();
        delivery.webhookId = update.value(1).toString();
        delivery.messageId = update.value(2).toString();
        delivery.attemptsMade = update.value(3).toInt();
        delivery.leaseUntil = QDateTime::fromMSecsSinceEpoch(leaseUntil, Qt::UTC);
        claimed.append(delivery);
    }
    update.finish();
    QSqlQuery event(db);
    event.prepare(u"SELECT type, data_json FROM events WHERE id = ?"_s);
    for (ClaimedDelivery &delivery : claimed) {
        event.addBindValue(delivery.eventId);
        if (!event.exec() || !event.next()) {
            const QSqlError error = event.lastError();
            db.rollback();
            return Database::failure(tr("Cannot read a claimed event"), error);
        }
        delivery.eventType = event.value(0).toString();
        delivery.eventJson = event.value(1).toString().toUtf8();
        event.finish();
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return Database::failure(tr("Cannot claim due deliveries"), error);
    }
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
