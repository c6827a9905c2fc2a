// Purges old attempts in batches that are committed one by one, and records the purge in the audit log.
#include "models/storage/auditlog.h"
#include "models/storage/deliverylog.h"
#include "models/storage/deliverylogsql.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace DeliveryLogSql;

DeliveryLog::PurgeResult DeliveryLog::purge(int olderThanDays, const QDateTime &now, int batchSize,
                                            const Progress &progress)
{
    PurgeResult result;
    QSqlDatabase db = m_database.connection();
    const qint64 cutoff = now.toMSecsSinceEpoch() - qint64(olderThanDays) * dayMs;
    batchSize = std::max(batchSize, 1);

    qint64 total = 0;
    {
        QSqlQuery query(db);
        if (!execPrepared(query, u"SELECT COUNT(*) FROM deliveries WHERE started_at < ?"_s, {cutoff}, &result.error)
            || !query.next()) {
            result.error = tr("Cannot count the attempts to purge: %1").arg(result.error);
            return result;
        }
        total = query.value(0).toLongLong();
    }

    bool failedBatch = false;
    while (result.deleted < total) {
        if (QString reason; !Database::beginWrite(db, &reason)) {
            result.error = tr("Cannot start a purge batch: %1").arg(reason);
            failedBatch = true;
            break;
        }
        QSqlQuery query(db);
        QString reason;
        const QString sql = u"DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries WHERE started_at < ?"
                            " ORDER BY started_at, id LIMIT %1)"_s.arg(batchSize);
        if (!execPrepared(query, sql, {cutoff}, &reason)) {
            db.rollback();
            result.error = tr("Purging attempts failed after %1 of %2: %3").arg(result.deleted).arg(total).arg(reason);
            failedBatch = true;
            break;
        }
        const int deleted = query.numRowsAffected();
        query.finish();
        if (!db.commit()) {
            db.rollback();
            result.error = tr("Cannot commit a purge batch: %1").arg(Database::describe(db.lastError()));
            failedBatch = true;
            break;
        }
        result.deleted += std::max(deleted, 0);
        if (progress && !progress(result.deleted, total)) {
            result.cancelled = true;
            break;
        }
        if (deleted < batchSize)
            break;  // the rest went in the meantime (another purge, or a count taken before a concurrent one)
    }

    // Hours emptied by the purge keep a zero row in the hourly counts; they are of no use to anyone.
    QSqlQuery cleanup(db);
    cleanup.exec(u"DELETE FROM delivery_hourly WHERE attempts <= 0"_s);

    QJsonObject after{{u"olderThanDays"_s, olderThanDays},
                      {u"cutoff"_s, iso(cutoff)},
                      {u"deleted"_s, double(result.deleted)},
                      {u"matching"_s, double(total)},
                      {u"cancelled"_s, result.cancelled}};
    if (failedBatch)
        after.insert(u"error"_s, result.error);
    if (const Result<void> audited = AuditLog::write(m_database, {u"purge"_s, u"deliveries"_s, {}, {}, {}, after});
        !audited.ok()) {
        if (!failedBatch)
            result.error = tr("%1 attempts were purged. %2").arg(result.deleted).arg(audited.message());
        return result;
    }
    result.ok = !failedBatch;
    return result;
}
