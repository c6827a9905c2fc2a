// Delivery log queries: every listing is keyset-paged on (started_at, id) and every aggregate uses an index
// or the hourly counts, so nothing here reads the whole log.
#include "models/storage/deliverylog.h"
#include "models/domain/redaction.h"
#include "models/domain/webhook.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 hourMs = 3600 * 1000;
constexpr qint64 dayMs = 24 * hourMs;

const QString listColumns = u"id, started_at, webhook_id, webhook_name, event_type, event_id, attempt, trigger_kind,"
                            " response_status, success, duration_ms, error"_s;
constexpr int listColumnCount = 12;
const QString detailColumns = listColumns
                              + u", message_id, request_method, request_url, request_headers_json, request_body,"
                                " response_headers_json, response_body, response_size, finished_at"_s;

std::optional<qint64> optionalLong(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

DeliveryListRow readListRow(const QSqlQuery &query)
{
    DeliveryListRow row;
    row.id = query.value(0).toLongLong();
    row.startedAtMs = query.value(1).toLongLong();
    row.webhookId = query.value(2).toString();
    row.webhookName = query.value(3).toString();
    row.eventType = query.value(4).toString();
    row.eventId = query.value(5).toString();
    row.attempt = query.value(6).toInt();
    row.trigger = query.value(7).toString();
    if (!query.value(8).isNull())
        row.responseStatus = query.value(8).toInt();
    row.success = query.value(9).toBool();
    row.durationMs = optionalLong(query.value(10));
    row.error = query.value(11).toString();
    return row;
}

// Headers are stored as a JSON array of [name, value] pairs; older or foreign rows may hold objects.
DeliveryHeaders parseHeaders(const QString &json, QString *problem)
{
    DeliveryHeaders headers;
    if (json.trimmed().isEmpty())
        return headers;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *problem = DeliveryLog::tr("The stored headers cannot be read (%1 at character %2).")
                       .arg(parseError.errorString())
                       .arg(parseError.offset);
        return headers;
    }
    if (document.isObject()) {
        const QJsonObject object = document.object();
        for (auto it = object.begin(); it != object.end(); ++it)
            headers.append({it.key(), it.value().toString()});
        return headers;
    }
    for (const QJsonValue &entry : document.array()) {
        if (entry.isArray())
            headers.append({entry.toArray().at(0).toString(), entry.toArray().at(1).toString()});
        else if (entry.isObject())
            headers.append({entry.toObject().value(u"name").toString(), entry.toObject().value(u"value").toString()});
    }
    return headers;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool execPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error)
{
    if (!query.prepare(sql)) {
        if (error)
            *error = Database::describe(query.lastError());
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        if (error)
            *error = Database::describe(query.lastError());
        return false;
    }
    return true;
}

// Runs a query that selects the list columns and reads its rows; nullopt with the database's reason otherwise.
std::optional<QList<DeliveryListRow>> readListRows(const Database &database, const QString &sql,
                                                   const QVariantList &values, QString *reason)
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!execPrepared(query, sql, values, reason))
        return std::nullopt;
    QList<DeliveryListRow> rows;
    while (query.next())
        rows.append(readListRow(query));
    return rows;
}

template<typename T>
std::optional<T> failed(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

// Selected rows as SQL: the filter, pinned to the attempts of the snapshot when there is one.
QString pinnedWhere(const DeliverySelection &selection, QVariantList *values)
{
    *values = selection.values;
    if (!selection.maxId)
        return selection.where;
    values->append(*selection.maxId);
    return selection.where + u" AND id <= ?"_s;
}

QString csvCell(const QString &value, bool guardFormula)
{
    QString cell = value;
    // A spreadsheet would run a cell starting with one of these as a formula; the quote keeps it text.
    if (guardFormula && !cell.isEmpty()
        && (cell.front() == u'=' || cell.front() == u'+' || cell.front() == u'-' || cell.front() == u'@'
            || cell.front() == u'\t' || cell.front() == u'\r'))
        cell.prepend(u'\'');
    if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r')) {
        cell.replace(u"\""_s, u"\"\""_s);
        cell = u'"' + cell + u'"';
    }
    return cell;
}

QJsonArray headersJson(const DeliveryHeaders &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonArray{name, value});
    return array;
}

} // namespace

// --- health ---------------------------------------------------------------------------------------------

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

// --- DeliveryLog ----------------------------------------------------------------------------------------

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
    QString sql = u"SELECT "_s + listColumns + u" FROM deliveries WHERE "_s + pinnedWhere(selection, &values);
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
    const QString sql = u"WITH fresh AS MATERIALIZED (SELECT "_s + listColumns
                        + u", message_id, response_body FROM deliveries WHERE id > ? AND id <= ?) SELECT "_s + listColumns
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

std::optional<DeliveryDetail> DeliveryLog::detail(qint64 id, QString *error) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    QString reason;
    if (!execPrepared(query, u"SELECT "_s + detailColumns + u" FROM deliveries WHERE id = ?"_s, {id}, &reason))
        return failed<DeliveryDetail>(error, tr("Cannot read the delivery attempt: %1").arg(reason));
    if (!query.next())
        return failed<DeliveryDetail>(error, tr("There is no delivery attempt %1 (never recorded, or purged since).").arg(id));
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
    detail.finishedAtMs = optionalLong(query.value(column++));
    detail.headersProblem = problem;
    return detail;
}

std::optional<QList<DeliveryListRow>> DeliveryLog::timeline(const QString &eventId, const QString &webhookId,
                                                            QString *error) const
{
    QString sql = u"SELECT "_s + listColumns + u" FROM deliveries WHERE event_id = ?"_s;
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

std::optional<QList<WebhookHealth>> DeliveryLog::health(const HealthThresholds &thresholds, const QDateTime &now,
                                                        QString *error) const
{
    return healthWhere({}, thresholds, now, error);
}

std::optional<std::optional<WebhookHealth>> DeliveryLog::healthOf(const QString &webhookId,
                                                                  const HealthThresholds &thresholds,
                                                                  const QDateTime &now, QString *error) const
{
    const auto health = healthWhere(webhookId, thresholds, now, error);
    if (!health)
        return std::nullopt;
    return health->isEmpty() ? std::optional<WebhookHealth>() : health->first();
}

std::optional<QList<WebhookHealth>> DeliveryLog::healthWhere(const QString &onlyWebhookId,
                                                             const HealthThresholds &thresholds, const QDateTime &now,
                                                             QString *error) const
{
    // One webhook's health reads only its own rows: the same queries, each narrowed to its id.
    const bool one = !onlyWebhookId.isEmpty();
    const QVariantList onlyId = one ? QVariantList{onlyWebhookId} : QVariantList();
    const QSqlDatabase db = m_database.connection();
    QString reason;
    QList<WebhookHealth> result;
    QHash<QString, qsizetype> rowOf;
    {
        // The newest attempt and the newest success of each webhook are single index probes; the failures
        // after that success are one range of the (webhook, success, time) index.
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const QString sql =
            u"SELECT x.id, x.name, x.active, l.started_at, l.response_status, l.success,"
            " (SELECT COUNT(*) FROM deliveries f WHERE f.webhook_id = x.id AND f.success = FALSE"
            "   AND (f.started_at, f.id) > (COALESCE(s.started_at, -1), COALESCE(s.id, -1))),"
            " x.last_success_id"
            " FROM (SELECT w.id, w.name, w.active,"
            "   (SELECT d.id FROM deliveries d WHERE d.webhook_id = w.id"
            "     ORDER BY d.started_at DESC, d.id DESC LIMIT 1) AS last_id,"
            "   (SELECT d.id FROM deliveries d WHERE d.webhook_id = w.id AND d.success = TRUE"
            "     ORDER BY d.started_at DESC, d.id DESC LIMIT 1) AS last_success_id"
            "   FROM webhooks w%1) x"
            " LEFT JOIN deliveries l ON l.id = x.last_id"
            " LEFT JOIN deliveries s ON s.id = x.last_success_id"
            " ORDER BY x.name"_s.arg(one ? u" WHERE w.id = ?"_s : QString());
        if (!execPrepared(query, sql, onlyId, &reason))
            return failed<QList<WebhookHealth>>(error, tr("Cannot compute the webhook health: %1").arg(reason));
        while (query.next()) {
            WebhookHealth health;
            health.webhookId = query.value(0).toString();
            health.webhookName = query.value(1).toString();
            health.active = query.value(2).toBool();
            health.lastStartedAtMs = optionalLong(query.value(3));
            if (!query.value(4).isNull())
                health.lastStatus = query.value(4).toInt();
            health.lastSuccess = query.value(5).toBool();
            health.consecutiveFailures = query.value(6).toLongLong();
            health.everDelivered = !query.value(7).isNull();
            rowOf.insert(health.webhookId, result.size());
            result.append(health);
        }
    }

    // A window [from, now] is the whole hours from the first hour boundary at or after `from`, read from the
    // hourly counts, plus the part hour before that boundary, read from the time index.
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 from24 = nowMs - dayMs;
    const qint64 from7 = nowMs - 7 * dayMs;
    auto firstFullHour = [](qint64 ms) { return ((ms + hourMs - 1) / hourMs) * hourMs; };
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const QString sql = u"SELECT webhook_id,"
                            " SUM(CASE WHEN hour_start >= ? THEN attempts ELSE 0 END),"
                            " SUM(CASE WHEN hour_start >= ? THEN successes ELSE 0 END),"
                            " SUM(attempts), SUM(successes)"
                            " FROM delivery_hourly WHERE hour_start >= ?%1 GROUP BY webhook_id"_s
                                .arg(one ? u" AND webhook_id = ?"_s : QString());
        const QVariantList values =
            QVariantList{firstFullHour(from24), firstFullHour(from24), firstFullHour(from7)} + onlyId;
        if (!execPrepared(query, sql, values, &reason))
            return failed<QList<WebhookHealth>>(error, tr("Cannot compute the webhook health: %1").arg(reason));
        while (query.next()) {
            const auto row = rowOf.constFind(query.value(0).toString());
            if (row == rowOf.constEnd())
                continue;
            WebhookHealth &health = result[*row];
            health.attempts24h += query.value(1).toLongLong();
            health.successes24h += query.value(2).toLongLong();
            health.attempts7d += query.value(3).toLongLong();
            health.successes7d += query.value(4).toLongLong();
        }
    }
    for (const bool day : {true, false}) {
        const qint64 from = day ? from24 : from7;
        if (firstFullHour(from) == from)
            continue;
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const QString sql = u"SELECT webhook_id, COUNT(*), SUM(CASE WHEN success THEN 1 ELSE 0 END) FROM deliveries"
                            " WHERE started_at >= ? AND started_at < ? AND webhook_id IS NOT NULL%1"
                            " GROUP BY webhook_id"_s.arg(one ? u" AND webhook_id = ?"_s : QString());
        if (!execPrepared(query, sql, QVariantList{from, firstFullHour(from)} + onlyId, &reason))
            return failed<QList<WebhookHealth>>(error, tr("Cannot compute the webhook health: %1").arg(reason));
        while (query.next()) {
            const auto row = rowOf.constFind(query.value(0).toString());
            if (row == rowOf.constEnd())
                continue;
            WebhookHealth &health = result[*row];
            (day ? health.attempts24h : health.attempts7d) += query.value(1).toLongLong();
            (day ? health.successes24h : health.successes7d) += query.value(2).toLongLong();
        }
    }
    // Events only where they can change the colour: the share of delivered events is never below the share of
    // successful attempts, so a webhook whose attempts already meet the threshold needs no counting of events.
    // Only the window the colour is judged on: the last 24 hours, or 7 days when nothing was sent in 24 hours.
    QStringList needEvents[2]; // [0]: 24 h, [1]: 7 d
    for (const WebhookHealth &health : std::as_const(result)) {
        const bool lastDay = health.attempts24h > 0;
        const auto attemptRate = lastDay ? health.successRate24h() : health.successRate7d();
        if (health.active && health.lastSuccess && attemptRate && *attemptRate < thresholds.yellowBelowSuccessRate)
            needEvents[lastDay ? 0 : 1].append(health.webhookId);
    }
    for (int window = 0; window < 2; ++window) {
        const QStringList &ids = needEvents[window];
        if (ids.isEmpty())
            continue;
        // Undelivered events: messages with a failed attempt in the window that no attempt to the webhook
        // delivered, found from the failures alone through the (webhook, success, time) index.
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const QString sql = u"SELECT f.webhook_id, COUNT(DISTINCT f.message_id) FROM deliveries f"
                            " WHERE f.webhook_id IN (%1) AND f.success = FALSE AND f.started_at >= ?"
                            " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.message_id = f.message_id"
                            "   AND d.webhook_id = f.webhook_id AND d.success = TRUE)"
                            " GROUP BY f.webhook_id"_s.arg(QStringList(ids.size(), u"?"_s).join(u", "_s));
        QVariantList values;
        for (const QString &id : ids)
            values << id;
        values << (window == 0 ? nowMs - dayMs : nowMs - 7 * dayMs);
        if (!execPrepared(query, sql, values, &reason))
            return failed<QList<WebhookHealth>>(error, tr("Cannot compute the webhook health: %1").arg(reason));
        for (const QString &id : ids)
            result[rowOf.value(id)].undeliveredCounted = true;
        while (query.next()) {
            WebhookHealth &health = result[rowOf.value(query.value(0).toString())];
            (window == 0 ? health.undeliveredEvents24h : health.undeliveredEvents7d) = query.value(1).toLongLong();
        }
    }
    for (WebhookHealth &health : result)
        health.colour = healthColour(health, thresholds);
    return result;
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
    QList<QList<qint64>> latencies(hours);
    for (qsizetype i = 0; i < hours; ++i)
        buckets[i].hourStartMs = firstHour + i * hourMs;

    // One index range of one webhook; percentiles are computed here because SQLite has no percentile function
    // and both engines must give the same figures.
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    QString reason;
    if (!execPrepared(query,
                      u"SELECT started_at, success, duration_ms FROM deliveries"
                      " WHERE webhook_id = ? AND started_at >= ? AND started_at < ?"_s,
                      {webhookId, fromMs, toMs}, &reason))
        return failed<QList<DeliveryHourBucket>>(error, tr("Cannot read the delivery history: %1").arg(reason));
    while (query.next()) {
        const qsizetype index = qsizetype((query.value(0).toLongLong() - firstHour) / hourMs);
        if (index < 0 || index >= hours)
            continue;
        if (query.value(1).toBool())
            ++buckets[index].successes;
        else
            ++buckets[index].failures;
        if (!query.value(2).isNull())
            latencies[index].append(query.value(2).toLongLong());
    }
    for (qsizetype i = 0; i < hours; ++i) {
        QList<qint64> &values = latencies[i];
        if (values.isEmpty())
            continue;
        std::sort(values.begin(), values.end());
        auto nearestRank = [&values](double percentile) {
            // The epsilon keeps 0.95 * 20 at rank 19 despite binary floating point.
            const auto rank = qsizetype(std::ceil(percentile * double(values.size()) - 1e-9));
            return values.at(std::clamp<qsizetype>(rank, 1, values.size()) - 1);
        };
        buckets[i].latencyP50Ms = nearestRank(0.50);
        buckets[i].latencyP95Ms = nearestRank(0.95);
    }
    return buckets;
}

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
    QSqlQuery audit(db);
    QString reason;
    if (!execPrepared(audit,
                      u"INSERT INTO audit_log (at, actor, action, entity, entity_id, entity_name, before_json, after_json)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                      {QDateTime::currentMSecsSinceEpoch(), m_database.actor(), u"purge"_s, u"deliveries"_s,
                       QVariant(QMetaType::fromType<QString>()), QVariant(QMetaType::fromType<QString>()),
                       QVariant(QMetaType::fromType<QString>()),
                       QString::fromUtf8(QJsonDocument(after).toJson(QJsonDocument::Compact))},
                      &reason)) {
        if (!failedBatch)
            result.error = tr("%1 attempts were purged, but the audit log could not record it: %2")
                               .arg(result.deleted)
                               .arg(reason);
        return result;
    }
    result.ok = !failedBatch;
    return result;
}

DeliveryLog::ExportResult DeliveryLog::exportTo(const DeliveryFilter &filter, const QDateTime &now,
                                                ExportFormat format, QIODevice *out, const Progress &progress,
                                                int pageSize) const
{
    ExportResult result;
    auto selection = select(filter, now, &result.error);
    if (!selection)
        return result;
    const auto newest = maxId(&result.error);
    if (!newest)
        return result;
    selection->maxId = *newest;
    const auto total = count(*selection, &result.error);
    if (!total)
        return result;

    auto write = [&](const QByteArray &bytes) {
        if (out->write(bytes) == bytes.size())
            return true;
        result.error = tr("Cannot write the export: %1").arg(out->errorString());
        return false;
    };
    // A body is text when it is UTF-8; otherwise, or when the text itself could be mistaken for the marker,
    // it goes out as base64 so that nothing is lost or misread.
    auto bodyAsText = [](const QByteArray &body) -> std::optional<QString> {
        const auto text = DeliveryBodies::utf8Text(body);
        if (text && !text->startsWith(u"base64:"))
            return text;
        return std::nullopt;
    };

    static const QStringList csvHeader = {
        u"id"_s, u"started_at"_s, u"finished_at"_s, u"duration_ms"_s, u"webhook_id"_s, u"webhook_name"_s,
        u"event_type"_s, u"event_id"_s, u"message_id"_s, u"attempt"_s, u"trigger"_s, u"success"_s,
        u"response_status"_s, u"error"_s, u"request_method"_s, u"request_url"_s, u"request_headers"_s,
        u"request_body"_s, u"response_headers"_s, u"response_body"_s, u"response_size"_s};
    if (format == ExportFormat::Csv && !write(csvHeader.join(u',').toUtf8() + "\r\n"))
        return result;

    QVariantList values;
    const QString where = pinnedWhere(*selection, &values);
    std::optional<DeliveryKey> anchor;
    for (;;) {
        QString sql = u"SELECT "_s + detailColumns + u" FROM deliveries WHERE "_s + where;
        QVariantList pageValues = values;
        if (anchor) {
            sql += u" AND (started_at, id) < (?, ?)"_s;
            pageValues << anchor->startedAtMs << anchor->id;
        }
        sql += u" ORDER BY started_at DESC, id DESC LIMIT %1"_s.arg(pageSize);
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        QString reason;
        if (!execPrepared(query, sql, pageValues, &reason)) {
            result.error = tr("Cannot read the delivery log: %1").arg(reason);
            return result;
        }
        int rowsInPage = 0;
        while (query.next()) {
            ++rowsInPage;
            const DeliveryListRow row = readListRow(query);
            anchor = row.key();
            int column = listColumnCount;
            const QString messageId = query.value(column++).toString();
            const QString method = query.value(column++).toString();
            const QString url = query.value(column++).toString();
            QString problem;
            const DeliveryHeaders requestHeaders =
                Redaction::redacted(parseHeaders(query.value(column++).toString(), &problem));
            const QByteArray requestBody = query.value(column++).toByteArray();
            const DeliveryHeaders responseHeaders =
                Redaction::redacted(parseHeaders(query.value(column++).toString(), &problem));
            const QByteArray responseBody = query.value(column++).toByteArray();
            const auto responseSize = optionalLong(query.value(column++));
            const auto finishedAt = optionalLong(query.value(column++));

            QByteArray line;
            if (format == ExportFormat::Csv) {
                auto body = [&](const QByteArray &bytes) {
                    const auto text = bodyAsText(bytes);
                    return text ? *text : u"base64:"_s + QString::fromLatin1(bytes.toBase64());
                };
                auto number = [](const std::optional<qint64> &v) { return v ? QString::number(*v) : QString(); };
                const QStringList cells = {
                    QString::number(row.id), iso(row.startedAtMs), finishedAt ? iso(*finishedAt) : QString(),
                    number(row.durationMs), csvCell(row.webhookId, true), csvCell(row.webhookName, true),
                    csvCell(row.eventType, true), csvCell(row.eventId, true), csvCell(messageId, true),
                    QString::number(row.attempt), csvCell(row.trigger, true),
                    row.success ? u"true"_s : u"false"_s,
                    row.responseStatus ? QString::number(*row.responseStatus) : QString(),
                    csvCell(row.error, true), csvCell(method, true), csvCell(url, true),
                    csvCell(QString::fromUtf8(QJsonDocument(headersJson(requestHeaders)).toJson(QJsonDocument::Compact)), true),
                    csvCell(body(requestBody), true),
                    csvCell(QString::fromUtf8(QJsonDocument(headersJson(responseHeaders)).toJson(QJsonDocument::Compact)), true),
                    csvCell(body(responseBody), true), number(responseSize)};
                line = cells.join(u',').toUtf8() + "\r\n";
            } else {
                QJsonObject object{{u"id"_s, double(row.id)},
                                   {u"started_at"_s, iso(row.startedAtMs)},
                                   {u"webhook_name"_s, row.webhookName},
                                   {u"event_type"_s, row.eventType},
                                   {u"event_id"_s, row.eventId},
                                   {u"message_id"_s, messageId},
                                   {u"attempt"_s, row.attempt},
                                   {u"trigger"_s, row.trigger},
                                   {u"success"_s, row.success},
                                   {u"request_method"_s, method},
                                   {u"request_url"_s, url},
                                   {u"request_headers"_s, headersJson(requestHeaders)},
                                   {u"response_headers"_s, headersJson(responseHeaders)}};
                object.insert(u"webhook_id"_s, row.webhookId.isEmpty() ? QJsonValue() : QJsonValue(row.webhookId));
                object.insert(u"finished_at"_s, finishedAt ? QJsonValue(iso(*finishedAt)) : QJsonValue());
                object.insert(u"duration_ms"_s, row.durationMs ? QJsonValue(double(*row.durationMs)) : QJsonValue());
                object.insert(u"response_status"_s, row.responseStatus ? QJsonValue(*row.responseStatus) : QJsonValue());
                object.insert(u"response_size"_s, responseSize ? QJsonValue(double(*responseSize)) : QJsonValue());
                object.insert(u"error"_s, row.error.isEmpty() ? QJsonValue() : QJsonValue(row.error));
                for (const auto &[key, bytes] : {std::pair{u"request_body"_s, requestBody},
                                                 std::pair{u"response_body"_s, responseBody}}) {
                    if (const auto text = bodyAsText(bytes))
                        object.insert(key, *text);
                    else
                        object.insert(key + u"_base64"_s, QString::fromLatin1(bytes.toBase64()));
                }
                line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
            }
            if (!write(line))
                return result;
            ++result.rows;
        }
        if (progress && !progress(result.rows, *total)) {
            result.cancelled = true;
            break;
        }
        if (rowsInPage < pageSize)
            break;
    }
    result.ok = true;
    return result;
}
