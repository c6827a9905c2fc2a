// Delivery log reads: every listing is keyset-paged on (started_at, id), so nothing here reads the whole log.
#include "models/storage/deliverylog.h"
#include "models/storage/deliverylogsql.h"
#include "models/domain/redaction.h"
#include "models/domain/webhook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace DeliveryLogSql;

namespace {

// sql with every ? placeholder outside quotes replaced by the driver's literal of the next value.
QString withLiterals(const QSqlDriver &driver, const QString &sql, const QVariantList &values)
{
    QString out;
    qsizetype next = 0;
    bool quoted = false;
    for (const QChar c : sql) {
        if (c == u'\'')
            quoted = !quoted;
        if (c != u'?' || quoted || next >= values.size()) {
            out += c;
            continue;
        }
        const QVariant &value = values.at(next++);
        QSqlField field(QString(), value.metaType());
        field.setValue(value);
        out += driver.formatValue(field);
    }
    return out;
}

} // namespace

DeliveryLog::DeliveryLog(Database &database)
    : m_database(database)
{
}

Result<DeliverySelection> DeliveryLog::select(const DeliveryFilter &filter, const QDateTime &now) const
{
    QString resolvedId;
    if (!filter.webhook.isEmpty()) {
        QSqlQuery query(m_database.connection());
        const Result<void> found = execPrepared(query,
                                                u"SELECT id FROM webhooks WHERE id = ? OR name_key = ?"
                                                " ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END LIMIT 1"_s,
                                                {filter.webhook, WebhookNames::key(filter.webhook), filter.webhook});
        if (!found)
            return Failure{ErrorCode::Unavailable,
                           tr("Cannot look up the webhook %1: %2").arg(filter.webhook, found.message())};
        if (query.next())
            resolvedId = query.value(0).toString();
    }
    const DeliveryFilter::Sql sql = filter.toSql(m_database.engine(), now.toMSecsSinceEpoch(), resolvedId);
    return DeliverySelection{sql.where, sql.values, std::nullopt};
}

Result<qint64> DeliveryLog::maxId() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT COALESCE(MAX(id), 0) FROM deliveries"_s) || !query.next())
        return Failure{ErrorCode::Unavailable,
                       tr("Cannot read the delivery log: %1").arg(Database::describe(query.lastError()))};
    return query.value(0).toLongLong();
}

Result<QList<DeliveryListRow>> DeliveryLog::page(const DeliverySelection &selection, Direction direction,
                                                 const std::optional<DeliveryKey> &anchor, int limit, qint64 skip) const
{
    QVariantList values;
    QString sql = u"SELECT "_s + listColumns() + u" FROM deliveries WHERE "_s + pinnedWhere(selection, &values);
    const bool older = direction == Direction::Older;
    if (anchor) {
        sql += older ? u" AND (started_at, id) < (?, ?)"_s : u" AND (started_at, id) > (?, ?)"_s;
        values << anchor->startedAtMs << anchor->id;
    }
    sql += older ? u" ORDER BY started_at DESC, id DESC"_s : u" ORDER BY started_at ASC, id ASC"_s;
    sql += u" LIMIT %1"_s.arg(std::max(limit, 0));
    if (skip > 0)
        sql += u" OFFSET %1"_s.arg(skip);
    auto rows = readListRows(m_database, sql, values);
    if (!rows)
        return Failure{ErrorCode::Unavailable, tr("Cannot read the delivery log: %1").arg(rows.message())};
    if (!older)
        std::reverse(rows->begin(), rows->end());
    return rows;
}

Result<qint64> DeliveryLog::count(const DeliverySelection &selection) const
{
    QString sql;
    QVariantList values = selection.values;
    if (selection.maxId) {
        // The difference of two counts in one statement (one snapshot) rather than "id <= ?": SQLite counts
        // a whole table from its b-tree page headers only when the count has no condition.
        sql = u"SELECT (SELECT COUNT(*) FROM deliveries WHERE "_s + selection.where
              + u") - (SELECT COUNT(*) FROM deliveries WHERE "_s + selection.where + u" AND id > ?)"_s;
        values += selection.values;
        values << *selection.maxId;
    } else {
        sql = u"SELECT COUNT(*) FROM deliveries WHERE "_s + selection.where;
    }
    QSqlQuery query(m_database.connection());
    const Result<void> ran = execPrepared(query, sql, values);
    if (!ran || !query.next())
        return Failure{ErrorCode::Unavailable, tr("Cannot count the delivery log: %1")
                                                   .arg(ran ? Database::describe(query.lastError()) : ran.message())};
    return query.value(0).toLongLong();
}

Result<std::optional<qint64>> DeliveryLog::estimateCount(const DeliverySelection &selection) const
{
    using Estimate = std::optional<qint64>;
    QVariantList values;
    const QString where = pinnedWhere(selection, &values);
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    auto cannot = [](const QString &reason) -> Result<Estimate> {
        return Failure{ErrorCode::Unavailable, tr("Cannot estimate the size of the delivery log: %1").arg(reason)};
    };
    if (m_database.engine() == DatabaseUrl::Engine::PostgreSQL) {
        // Planning only: the estimate of the plan's top node, from the statistics autovacuum keeps. The driver
        // prepares with SQL's PREPARE, which takes no EXPLAIN, so the values go in as the driver's own literals.
        const QString sql = u"EXPLAIN (FORMAT JSON) SELECT 1 FROM deliveries WHERE "_s
                            + withLiterals(*m_database.connection().driver(), where, values);
        if (!query.exec(sql))
            return cannot(Database::describe(query.lastError()));
        QString plan;
        while (query.next())
            plan += query.value(0).toString();
        const QJsonArray document = QJsonDocument::fromJson(plan.toUtf8()).array();
        const QJsonValue rows = document.at(0).toObject().value(u"Plan").toObject().value(u"Plan Rows");
        if (!rows.isDouble())
            return cannot(tr("the plan has no row estimate"));
        return Estimate(qint64(rows.toDouble()));
    }
    // Ids grow with every attempt and purges take the oldest, so the id range is about the number of attempts;
    // both ends are single probes of the primary key.
    if (const Result<void> ran =
            execPrepared(query, u"SELECT (SELECT MIN(id) FROM deliveries), (SELECT MAX(id) FROM deliveries)"_s, {});
        !ran || !query.next())
        return cannot(ran.message());
    if (query.value(0).isNull())
        return Estimate(0);
    const qint64 lowest = query.value(0).toLongLong();
    const qint64 highest = std::min(query.value(1).toLongLong(), selection.maxId.value_or(query.value(1).toLongLong()));
    const qint64 span = std::max<qint64>(highest - lowest + 1, 0);
    if (selection.where == u"TRUE")
        return Estimate(span);
    // A filter: the share it selects of a sample of short id ranges spread evenly over the whole range.
    constexpr int slices = 32;
    constexpr int rowsPerSlice = 32;
    QStringList starts;
    QVariantList sampleValues;
    for (int i = 0; i < slices; ++i) {
        starts << u"(?)"_s;
        sampleValues << lowest + span * i / slices;
    }
    sampleValues += selection.values;  // the CASE comes before the join's condition
    sampleValues << rowsPerSlice << highest;
    query.finish();
    const QString sample = u"WITH slices (first_id) AS (VALUES %1)"
                           " SELECT COUNT(*), COALESCE(SUM(CASE WHEN %2 THEN 1 ELSE 0 END), 0)"
                           " FROM slices JOIN deliveries ON id >= first_id AND id < first_id + ? AND id <= ?"_s
                               .arg(starts.join(u", "_s), selection.where);
    if (const Result<void> ran = execPrepared(query, sample, sampleValues); !ran || !query.next())
        return cannot(ran.message());
    const qint64 sampled = query.value(0).toLongLong();
    const qint64 selected = query.value(1).toLongLong();
    // A filter this narrow is a guess from a handful of rows, not an estimate; its count is quick anyway.
    constexpr qint64 fewestForAnEstimate = 8;
    if (selected < fewestForAnEstimate)
        return Estimate();
    return Estimate(qint64(std::llround(double(span) * double(selected) / double(sampled))));
}

Result<qint64> DeliveryLog::countNewerThan(const DeliverySelection &selection, const DeliveryKey &key) const
{
    QVariantList values;
    const QString sql = u"SELECT COUNT(*) FROM deliveries WHERE "_s + pinnedWhere(selection, &values)
                        + u" AND (started_at, id) > (?, ?)"_s;
    values << key.startedAtMs << key.id;
    QSqlQuery query(m_database.connection());
    if (const Result<void> ran = execPrepared(query, sql, values); !ran || !query.next())
        return Failure{ErrorCode::Unavailable, tr("Cannot count the delivery log: %1").arg(ran.message())};
    return query.value(0).toLongLong();
}

Result<QList<DeliveryListRow>> DeliveryLog::recordedBetween(const DeliverySelection &selection, qint64 afterId,
                                                            qint64 upToId, int limit) const
{
    // Materialised first so that both planners take the short primary-key range, not the time index. The filter
    // may name every column a listing can be filtered by, the message id and the response body among them.
    const QString sql = u"WITH fresh AS MATERIALIZED (SELECT "_s + listColumns()
                        + u", message_id, response_body FROM deliveries WHERE id > ? AND id <= ?) SELECT "_s + listColumns()
                        + u" FROM fresh WHERE "_s + selection.where
                        + u" ORDER BY started_at DESC, id DESC LIMIT %1"_s.arg(limit);
    QVariantList values{afterId, upToId};
    values += selection.values;
    auto rows = readListRows(m_database, sql, values);
    if (!rows)
        return Failure{ErrorCode::Unavailable, tr("Cannot read the delivery log: %1").arg(rows.message())};
    return rows;
}

Result<QList<DeliveryListRow>> DeliveryLog::rowsWithIds(const QList<qint64> &ids) const
{
    // A few hundred at a time: far below either engine's limit of bound values.
    constexpr qsizetype idsPerQuery = 500;
    QList<DeliveryListRow> rows;
    for (qsizetype first = 0; first < ids.size(); first += idsPerQuery) {
        const QList<qint64> part = ids.mid(first, idsPerQuery);
        QStringList placeholders(part.size(), u"?"_s);
        QVariantList values;
        for (qint64 id : part)
            values << id;
        const auto read = readListRows(m_database,
                                       u"SELECT "_s + listColumns() + u" FROM deliveries WHERE id IN ("_s
                                           + placeholders.join(u", "_s) + u')',
                                       values);
        if (!read)
            return Failure{ErrorCode::Unavailable, tr("Cannot read the delivery log: %1").arg(read.message())};
        rows += *read;
    }
    return rows;
}

Result<DeliveryDetail> DeliveryLog::detail(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (const Result<void> ran =
            execPrepared(query, u"SELECT "_s + detailColumns() + u" FROM deliveries WHERE id = ?"_s, {id});
        !ran)
        return Failure{ErrorCode::Unavailable, tr("Cannot read the delivery attempt: %1").arg(ran.message())};
    if (!query.next())
        return Failure{ErrorCode::NotFound,
                       tr("There is no delivery attempt %1 (never recorded, or purged since).").arg(id)};
    DeliveryDetail detail;
    detail.row = readListRow(query);
    int column = listColumnCount;
    detail.messageId = query.value(column++).toString();
    detail.requestMethod = query.value(column++).toString();
    detail.requestUrl = query.value(column++).toString();
    QString problem;
    detail.requestHeaders = Redaction::redacted(parseHeaders(query.value(column++).toString(), &problem));
    detail.requestBody = query.value(column++).toByteArray();
    detail.responseHeaders = Redaction::redacted(parseHeaders(query.value(column++).toString(), &problem));
    detail.responseBody = query.value(column++).toByteArray();
    detail.responseSize = optionalLong(query.value(column++));
    detail.finishedAtMs = optionalLong(query.value(finishedAtColumn));
    detail.headersProblem = problem;
    return detail;
}

Result<QList<DeliveryListRow>> DeliveryLog::timeline(const QString &eventId, const QString &webhookId) const
{
    QString sql = u"SELECT "_s + listColumns() + u" FROM deliveries WHERE event_id = ?"_s;
    QVariantList values{eventId};
    if (!webhookId.isEmpty()) {
        sql += u" AND webhook_id = ?"_s;
        values << webhookId;
    }
    sql += u" ORDER BY started_at ASC, id ASC"_s;
    auto rows = readListRows(m_database, sql, values);
    if (!rows)
        return Failure{ErrorCode::Unavailable,
                       tr("Cannot read the attempts of event %1: %2").arg(eventId, rows.message())};
    return rows;
}

Result<QList<qint64>> DeliveryLog::newestFailedAttempts(const DeliveryFilter &filter, const QDateTime &now,
                                                        int limit) const
{
    DeliveryFilter failures = filter;
    failures.result = DeliveryFilter::Result::Failure;
    const auto selection = select(failures, now);
    if (!selection)
        return selection.failure();
    // The newest attempt of its message, found through the event-id index: a message belongs to one event.
    // Test sends carry built-in samples with invented patients: never sent again in bulk. An event that any
    // attempt delivered to the same webhook is done, whichever message did it.
    const QString sql = u"SELECT id FROM deliveries WHERE "_s + selection->where
                        + u" AND trigger_kind <> 'test'"
                          " AND NOT EXISTS (SELECT 1 FROM deliveries later"
                          " WHERE later.event_id = deliveries.event_id AND later.message_id = deliveries.message_id"
                          " AND (later.started_at, later.id) > (deliveries.started_at, deliveries.id))"
                          " AND NOT EXISTS (SELECT 1 FROM deliveries done"
                          " WHERE done.event_id = deliveries.event_id AND done.webhook_id = deliveries.webhook_id"
                          " AND done.success)"
                          " ORDER BY started_at DESC, id DESC LIMIT %1"_s.arg(std::max(limit, 0));
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (const Result<void> ran = execPrepared(query, sql, selection->values); !ran)
        return Failure{ErrorCode::Unavailable, tr("Cannot read the failed attempts: %1").arg(ran.message())};
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

Result<QList<DeliveryHourBucket>> DeliveryLog::hourlyActivity(const QString &webhookId, const QDateTime &from,
                                                              const QDateTime &to) const
{
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    if (toMs <= fromMs)
        return QList<DeliveryHourBucket>();
    const qint64 firstHour = (fromMs / hourMs) * hourMs;
    const qsizetype hours = qsizetype((toMs - firstHour + hourMs - 1) / hourMs);
    QList<DeliveryHourBucket> buckets(hours);
    for (qsizetype i = 0; i < hours; ++i)
        buckets[i].hourStartMs = firstHour + i * hourMs;

    // One index range of one webhook, counted and ranked where it lies: a month of a busy webhook comes back as
    // at most 720 rows. The percentiles are nearest-rank over the attempts with a duration, in integers so that
    // both engines agree (SQLite has no percentile function): rank ceil(n / 2) for p50, ceil(95 n / 100) for p95.
    // Timed attempts of an hour are numbered in their own partition (duration_ms IS NULL is false for them).
    const QString sql =
        u"WITH ranked AS (SELECT started_at / 3600000 AS hour, success, duration_ms,"
        " ROW_NUMBER() OVER (PARTITION BY started_at / 3600000, duration_ms IS NULL ORDER BY duration_ms) AS position,"
        " COUNT(duration_ms) OVER (PARTITION BY started_at / 3600000) AS timed"
        " FROM deliveries WHERE webhook_id = ? AND started_at >= ? AND started_at < ?)"
        " SELECT hour, SUM(CASE WHEN success THEN 1 ELSE 0 END), SUM(CASE WHEN success THEN 0 ELSE 1 END),"
        " MAX(CASE WHEN duration_ms IS NOT NULL AND position = (timed + 1) / 2 THEN duration_ms END),"
        " MAX(CASE WHEN duration_ms IS NOT NULL AND position = (95 * timed + 99) / 100 THEN duration_ms END)"
        " FROM ranked GROUP BY hour"_s;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (const Result<void> ran = execPrepared(query, sql, {webhookId, fromMs, toMs}); !ran)
        return Failure{ErrorCode::Unavailable, tr("Cannot read the delivery history: %1").arg(ran.message())};
    while (query.next()) {
        const qsizetype index = qsizetype(query.value(0).toLongLong() - firstHour / hourMs);
        if (index < 0 || index >= hours)
            continue;
        DeliveryHourBucket &bucket = buckets[index];
        bucket.successes = query.value(1).toInt();
        bucket.failures = query.value(2).toInt();
        bucket.latencyP50Ms = optionalLong(query.value(3));
        bucket.latencyP95Ms = optionalLong(query.value(4));
    }
    return buckets;
}
