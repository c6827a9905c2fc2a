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

std::optional<DeliverySelection> DeliveryLog::select(const DeliveryFilter &filter, const QDateTime &now,
                                                     QString *error) const
{
    QString resolvedId;
    if (!filter.webhook.isEmpty()) {
        QSqlQuery query(m_database.connection());
        QString reason;
        if (!execPrepared(query,
                          u"SELECT id FROM webhooks WHERE id = ? OR name_key = ?"
                          " ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END LIMIT 1"_s,
                          {filter.webhook, WebhookNames::key(filter.webhook), filter.webhook}, &reason))
            return failed<DeliverySelection>(error, tr("Cannot look up the webhook %1: %2").arg(filter.webhook, reason));
        if (query.next())
            resolvedId = query.value(0).toString();
    }
    const DeliveryFilter::Sql sql = filter.toSql(m_database.engine(), now.toMSecsSinceEpoch(), resolvedId);
    return DeliverySelection{sql.where, sql.values, std::nullopt};
}

std::optional<qint64> DeliveryLog::maxId(QString *error) const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT COALESCE(MAX(id), 0) FROM deliveries"_s) || !query.next())
        return failed<qint64>(error, tr("Cannot read the delivery log: %1").arg(Database::describe(query.lastError())));
    return query.value(0).toLongLong();
}

std::optional<QList<DeliveryListRow>> DeliveryLog::page(const DeliverySelection &selection, Direction direction,
                                                        const std::optional<DeliveryKey> &anchor, int limit,
                                                        qint64 skip, QString *error) const
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
    QString reason;
    auto rows = readListRows(m_database, sql, values, &reason);
    if (!rows)
        return failed<QList<DeliveryListRow>>(error, tr("Cannot read the delivery log: %1").arg(reason));
    if (!older)
        std::reverse(rows->begin(), rows->end());
    return rows;
}

std::optional<qint64> DeliveryLog::count(const DeliverySelection &selection, QString *error) const
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
    QString reason;
    if (!execPrepared(query, sql, values, &reason) || !query.next())
        return failed<qint64>(error, tr("Cannot count the delivery log: %1").arg(reason.isEmpty() ? Database::describe(query.lastError()) : reason));
    return query.value(0).toLongLong();
}

std::optional<qint64> DeliveryLog::estimateCount(const DeliverySelection &selection, QString *error) const
{
    QVariantList values;
    const QString where = pinnedWhere(selection, &values);
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    QString reason;
    auto cannot = [&] { return failed<qint64>(error, tr("Cannot estimate the size of the delivery log: %1").arg(reason)); };
    if (m_database.engine() == DatabaseUrl::Engine::PostgreSQL) {
        // Planning only: the estimate of the plan's top node, from the statistics autovacuum keeps. The driver
        // prepares with SQL's PREPARE, which takes no EXPLAIN, so the values go in as the driver's own literals.
        const QString sql = u"EXPLAIN (FORMAT JSON) SELECT 1 FROM deliveries WHERE "_s
                            + withLiterals(*m_database.connection().driver(), where, values);
        if (!query.exec(sql)) {
            reason = Database::describe(query.lastError());
            return cannot();
        }
        QString plan;
        while (query.next())
            plan += query.value(0).toString();
        const QJsonArray document = QJsonDocument::fromJson(plan.toUtf8()).array();
        const QJsonValue rows = document.at(0).toObject().value(u"Plan").toObject().value(u"Plan Rows");
        if (!rows.isDouble()) {
            reason = tr("the plan has no row estimate");
            return cannot();
        }
        return qint64(rows.toDouble());
    }
    // Ids grow with every attempt and purges take the oldest, so the id range is about the number of attempts;
    // both ends are single probes of the primary key.
    if (!execPrepared(query, u"SELECT (SELECT MIN(id) FROM deliveries), (SELECT MAX(id) FROM deliveries)"_s, {},
                      &reason)
        || !query.next())
        return cannot();
    if (query.value(0).isNull())
        return 0;
    const qint64 lowest = query.value(0).toLongLong();
    const qint64 highest = std::min(query.value(1).toLongLong(), selection.maxId.value_or(query.value(1).toLongLong()));
    const qint64 span = std::max<qint64>(highest - lowest + 1, 0);
    if (selection.where == u"TRUE")
        return span;
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
    if (!execPrepared(query, sample, sampleValues, &reason) || !query.next())
        return cannot();
    const qint64 sampled = query.value(0).toLongLong();
    const qint64 selected = query.value(1).toLongLong();
    // A filter this narrow is a guess from a handful of rows, not an estimate; its count is quick anyway.
    constexpr qint64 fewestForAnEstimate = 8;
    if (selected < fewestForAnEstimate)
        return std::nullopt;
    return qint64(std::llround(double(span) * double(selected) / double(sampled)));
}

std::optional<qint64> DeliveryLog::countNewerThan(const DeliverySelection &selection, const DeliveryKey &key,
                                                  QString *error) const
{
    QVariantList values;
    const QString sql = u"SELECT COUNT(*) FROM deliveries WHERE "_s + pinnedWhere(selection, &values)
                        + u" AND (started_at, id) > (?, ?)"_s;
    values << key.startedAtMs << key.id;
    QSqlQuery query(m_database.connection());
    QString reason;
    if (!execPrepared(query, sql, values, &reason) || !query.next())
        return failed<qint64>(error, tr("Cannot count the delivery log: %1").arg(reason));
    return query.value(0).toLongLong();
}

std::optional<QList<DeliveryListRow>> DeliveryLog::recordedBetween(const DeliverySelection &selection, qint64 afterId,
                                                                   qint64 upToId, int limit, QString *error) const
{
    // Materialised first so that both planners take the short primary-key range, not the time index. The filter
    // may name every column a listing can be filtered by, the message id and the response body among them.
    const QString sql = u"WITH fresh AS MATERIALIZED (SELECT "_s + listColumns()
                        + u", message_id, response_body FROM deliveries WHERE id > ? AND id <= ?) SELECT "_s + listColumns()
                        + u" FROM fresh WHERE "_s + selection.where
                        + u" ORDER BY started_at DESC, id DESC LIMIT %1"_s.arg(limit);
    QVariantList values{afterId, upToId};
    values += selection.values;
    QString reason;
    const auto rows = readListRows(m_database, sql, values, &reason);
    if (!rows)
        return failed<QList<DeliveryListRow>>(error, tr("Cannot read the delivery log: %1").arg(reason));
    return rows;
}

std::optional<QList<DeliveryListRow>> DeliveryLog::rowsWithIds(const QList<qint64> &ids, QString *error) const
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
        QString reason;
        const auto read = readListRows(m_database,
                                       u"SELECT "_s + listColumns() + u" FROM deliveries WHERE id IN ("_s
                                           + placeholders.join(u", "_s) + u')',
                                       values, &reason);
        if (!read)
            return failed<QList<DeliveryListRow>>(error, tr("Cannot read the delivery log: %1").arg(reason));
        rows += *read;
    }
    return rows;
}

Result<DeliveryDetail> DeliveryLog::detail(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    QString reason;
    if (!execPrepared(query, u"SELECT "_s + detailColumns() + u" FROM deliveries WHERE id = ?"_s, {id}, &reason))
        return Failure{ErrorCode::Unavailable, tr("Cannot read the delivery attempt: %1").arg(reason)};
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

std::optional<QList<DeliveryListRow>> DeliveryLog::timeline(const QString &eventId, const QString &webhookId,
                                                            QString *error) const
{
    QString sql = u"SELECT "_s + listColumns() + u" FROM deliveries WHERE event_id = ?"_s;
    QVariantList values{eventId};
    if (!webhookId.isEmpty()) {
        sql += u" AND webhook_id = ?"_s;
        values << webhookId;
    }
    sql += u" ORDER BY started_at ASC, id ASC"_s;
    QString reason;
    const auto rows = readListRows(m_database, sql, values, &reason);
    if (!rows)
        return failed<QList<DeliveryListRow>>(error, tr("Cannot read the attempts of event %1: %2").arg(eventId, reason));
    return rows;
}

Result<QList<qint64>> DeliveryLog::newestFailedAttempts(const DeliveryFilter &filter, const QDateTime &now,
                                                        int limit) const
{
    DeliveryFilter failures = filter;
    failures.result = DeliveryFilter::Result::Failure;
    QString error;
    const auto selection = select(failures, now, &error);
    if (!selection)
        return Failure{ErrorCode::Unavailable, error};
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
    QString reason;
    if (!execPrepared(query, sql, selection->values, &reason))
        return Failure{ErrorCode::Unavailable, tr("Cannot read the failed attempts: %1").arg(reason)};
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

std::optional<QList<DeliveryHourBucket>> DeliveryLog::hourlyActivity(const QString &webhookId, const QDateTime &from,
                                                                     const QDateTime &to, QString *error) const
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
    QString reason;
    if (!execPrepared(query, sql, {webhookId, fromMs, toMs}, &reason))
        return failed<QList<DeliveryHourBucket>>(error, tr("Cannot read the delivery history: %1").arg(reason));
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
