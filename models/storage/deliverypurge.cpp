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

Result<DeliveryLog::PurgeSummary> DeliveryLog::purge(int olderThanDays, const QDateTime &now, int batchSize,
                                                     const Progress &progress)
{
    PurgeSummary summary;
    QSqlDatabase db = m_database.connection();
    const qint64 cutoff = now.toMSecsSinceEpoch() - qint64(olderThanDays) * dayMs;
    batchSize = std::max(batchSize, 1);

    qint64 total = 0;
    {
        QSqlQuery query(db);
        if (const Result<void> counted =
                execPrepared(query, u"SELECT COUNT(*) FROM deliveries WHERE started_at < ?"_s, {cutoff});
            !counted || !query.next())
            return Failure{ErrorCode::Unavailable, tr("Cannot count the attempts to purge: %1").arg(counted.message())};
        total = query.value(0).toLongLong();
    }

    // Set when a batch failed: the purge stops there, and the audit log records why.
    QString batchError;
    while (summary.deleted < total) {
        if (const Result<void> begun = Database::beginWrite(db); !begun) {
            batchError = tr("Cannot start a purge batch: %1").arg(begun.message());
            break;
        }
        QSqlQuery query(db);
        const QString sql = u"DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries WHERE started_at < ?"
                            " ORDER BY started_at, id LIMIT %1)"_s.arg(batchSize);
        if (const Result<void> ran = execPrepared(query, sql, {cutoff}); !ran) {
            db.rollback();
            batchError =
                tr("Purging attempts failed after %1 of %2: %3").arg(summary.deleted).arg(total).arg(ran.message());
            break;
        }
        const int deleted = query.numRowsAffected();
        query.finish();
        if (!db.commit()) {
            db.rollback();
            batchError = tr("Cannot commit a purge batch: %1").arg(Database::describe(db.lastError()));
            break;
        }
        summary.deleted += std::max(deleted, 0);
        if (progress && !progress(summary.deleted, total)) {
            summary.cancelled = true;
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
                      {u"deleted"_s, double(summary.deleted)},
                      {u"matching"_s, double(total)},
                      {u"cancelled"_s, summary.cancelled}};
    if (!batchError.isEmpty())
        after.insert(u"error"_s, batchError);
    const Result<void> audited = AuditLog::write(m_database, {u"purge"_s, u"deliveries"_s, {}, {}, {}, after});
    if (!batchError.isEmpty())
        return Failure{ErrorCode::Unavailable, batchError};
    if (!audited)
        return Failure{audited.code(), tr("%1 attempts were purged. %2").arg(summary.deleted).arg(audited.message())};
    return summary;
}
