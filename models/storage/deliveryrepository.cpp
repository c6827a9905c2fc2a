// The delivery log: one row in `deliveries` per attempt to deliver a message (test-send, event or redelivery).
#include "models/storage/deliveryrepository.h"
#include "models/storage/deliverylogsql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QString headersToJson(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonArray{QString::fromLatin1(name), QString::fromUtf8(value)});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// The log's one reader of stored headers; a record has no place for its complaint, which the detail pane shows.
QList<QPair<QByteArray, QByteArray>> headersFromJson(const QString &json)
{
    QString problem;
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const auto &[name, value] : DeliveryLogSql::parseHeaders(json, &problem))
        headers.append({name.toLatin1(), value.toUtf8()});
    return headers;
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

template<typename T>
QVariant nullable(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant(QMetaType::fromType<T>());
}

QVariant msecs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMsecs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// request_method, request_url, request_headers_json, request_body, response_status, response_headers_json,
// response_body, response_size, error, success: what an attempt sent and what came of it.
QVariantList requestAndOutcome(const DeliveryRecord &record)
{
    return {QString::fromLatin1(record.requestMethod), record.requestUrl.isNull() ? QStringLiteral("") : record.requestUrl,
            headersToJson(record.requestHeaders),
            record.requestBody.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(record.requestBody),
            nullable(record.responseStatus),
            record.responseStatus ? QVariant(headersToJson(record.responseHeaders)) : QVariant(QMetaType::fromType<QString>()),
            record.responseStatus ? QVariant(record.responseBody) : QVariant(QMetaType::fromType<QByteArray>()),
            nullable(record.responseSize), nullable(record.error), record.success};
}

const QLatin1String columns("id, webhook_id, webhook_name, event_type, event_id, message_id, attempt, trigger_kind,"
                            " request_method, request_url, request_headers_json, request_body, response_status,"
                            " response_headers_json, response_body, response_size, error, success, started_at,"
                            " finished_at, duration_ms");

} // namespace

DeliveryRepository::DeliveryRepository(Database &database)
    : m_database(database)
{
}

QString DeliveryRepository::triggerKey(DeliveryTrigger trigger)
{
    switch (trigger) {
    case DeliveryTrigger::Test: return QStringLiteral("test");
    case DeliveryTrigger::Event: return QStringLiteral("event");
    case DeliveryTrigger::Redeliver: return QStringLiteral("redeliver");
    }
    return {};
}

std::optional<DeliveryTrigger> DeliveryRepository::triggerFromKey(const QString &key)
{
    for (DeliveryTrigger trigger : {DeliveryTrigger::Test, DeliveryTrigger::Event, DeliveryTrigger::Redeliver}) {
        if (triggerKey(trigger) == key)
            return trigger;
    }
    return std::nullopt;
}

Result<void> DeliveryRepository::record(DeliveryRecord &record)
{
    QSqlDatabase db = m_database.connection();
    // One statement numbers and inserts: SQLite takes its write lock at once and waits for another writer,
    // where a read-then-write transaction would fail at once when another process wrote meanwhile. On PostgreSQL
    // two writers may pick the same next number; the unique (message_id, attempt) index lets one of them insert
    // nothing, without aborting a surrounding transaction, and that one takes the next number.
    const bool numbered = record.attempt > 0;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO deliveries (webhook_id, webhook_name, event_type, event_id, message_id,"
                                  " attempt, trigger_kind, request_method, request_url, request_headers_json,"
                                  " request_body, response_status, response_headers_json, response_body, response_size,"
                                  " error, success, started_at, finished_at, duration_ms)"
                                  " VALUES (?, ?, ?, ?, ?,"
                                  " COALESCE(?, (SELECT COALESCE(MAX(attempt), 0) + 1 FROM deliveries WHERE message_id = ?)),"
                                  " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                  " ON CONFLICT (message_id, attempt) DO NOTHING RETURNING id, attempt"));
    const QDateTime startedAt = record.startedAt.isValid() ? record.startedAt : QDateTime::currentDateTimeUtc();
    const QVariantList values =
        QVariantList{nullable(record.webhookId), record.webhookName, record.eventType, record.eventId, record.messageId,
                     numbered ? QVariant(record.attempt) : QVariant(QMetaType::fromType<int>()), record.messageId,
                     triggerKey(record.trigger)}
        + requestAndOutcome(record) + QVariantList{msecs(startedAt), msecs(record.finishedAt), nullable(record.durationMs)};
    for (const QVariant &value : values)
        insert.addBindValue(value);
    for (int round = 0;; ++round) {
        if (!insert.exec())
            return Failure{ErrorCode::Unavailable, tr("Cannot record the delivery attempt (%1): %2")
                                                       .arg(tr("insert"), Database::describe(insert.lastError()))};
        if (insert.next())
            break;
        if (numbered)
            return Failure{ErrorCode::Conflict, tr("Attempt %1 of message %2 is recorded already.")
                                                    .arg(record.attempt)
                                                    .arg(record.messageId)};
        // Each round is lost to a writer that recorded an attempt of this message meanwhile; that cannot go on.
        if (round == 100)
            return Failure{ErrorCode::Conflict,
                           tr("Cannot record the delivery attempt: other programs kept taking its number.")};
    }
    record.id = insert.value(0).toLongLong();
    record.attempt = insert.value(1).toInt();
    return {};
}

Result<void> DeliveryRepository::complete(const DeliveryRecord &record)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE deliveries SET request_method = ?, request_url = ?, request_headers_json = ?,"
                                  " request_body = ?, response_status = ?, response_headers_json = ?, response_body = ?,"
                                  " response_size = ?, error = ?, success = ?, finished_at = ?, duration_ms = ?"
                                  " WHERE id = ? AND finished_at IS NULL"));
    const QVariantList values = requestAndOutcome(record)
                                + QVariantList{msecs(record.finishedAt.isValid() ? record.finishedAt
                                                                                 : QDateTime::currentDateTimeUtc()),
                                               nullable(record.durationMs), record.id};
    for (const QVariant &value : values)
        update.addBindValue(value);
    if (!update.exec())
        return Failure{ErrorCode::Unavailable, tr("Cannot record the outcome of delivery attempt %1: %2")
                                                   .arg(record.id)
                                                   .arg(Database::describe(update.lastError()))};
    if (update.numRowsAffected() != 1)
        return Failure{ErrorCode::Conflict, tr("Delivery attempt %1 is no longer an unfinished attempt in the log "
                                               "(purged, or completed elsewhere); its outcome was not recorded.")
                                                .arg(record.id)};
    return {};
}

Result<QList<DeliveryRecord>> DeliveryRepository::select(const QString &where, const QVariantList &values,
                                                          const QString &tail) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM deliveries ") + where + QLatin1Char(' ') + tail);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Failure{ErrorCode::Unavailable,
                       tr("Cannot read the delivery log: %1").arg(Database::describe(query.lastError()))};
    QList<DeliveryRecord> records;
    while (query.next()) {
        DeliveryRecord r;
        r.id = query.value(0).toLongLong();
        r.webhookId = query.value(1).toString();
        r.webhookName = query.value(2).toString();
        r.eventType = query.value(3).toString();
        r.eventId = query.value(4).toString();
        r.messageId = query.value(5).toString();
        r.attempt = query.value(6).toInt();
        r.trigger = triggerFromKey(query.value(7).toString()).value_or(DeliveryTrigger::Event);
        r.requestMethod = query.value(8).toString().toLatin1();
        r.requestUrl = query.value(9).toString();
        r.requestHeaders = headersFromJson(query.value(10).toString());
        r.requestBody = query.value(11).toByteArray();
        if (!query.value(12).isNull())
            r.responseStatus = query.value(12).toInt();
        r.responseHeaders = headersFromJson(query.value(13).toString());
        r.responseBody = query.value(14).toByteArray();
        if (!query.value(15).isNull())
            r.responseSize = query.value(15).toLongLong();
        r.error = query.value(16).toString();
        r.success = query.value(17).toBool();
        r.startedAt = fromMsecs(query.value(18));
        r.finishedAt = fromMsecs(query.value(19));
        if (!query.value(20).isNull())
            r.durationMs = query.value(20).toLongLong();
        records.append(r);
    }
    return records;
}

Result<DeliveryRecord> DeliveryRepository::find(qint64 id) const
{
    const Result<QList<DeliveryRecord>> found = select(QStringLiteral("WHERE id = ?"), {id}, {});
    if (!found)
        return found.failure();
    if (found->isEmpty())
        return Failure{ErrorCode::NotFound, tr("No delivery attempt %1 is recorded.").arg(id)};
    return found->first();
}

Result<QList<DeliveryRecord>> DeliveryRepository::attemptsOf(const QString &messageId) const
{
    return select(QStringLiteral("WHERE message_id = ?"), {messageId}, QStringLiteral("ORDER BY attempt, id"));
}

Result<QList<DeliveryRecord>> DeliveryRepository::recent(const QString &webhookId, int limit) const
{
    const QString tail = QStringLiteral("ORDER BY started_at DESC, id DESC LIMIT %1").arg(std::max(1, limit));
    if (webhookId.isEmpty())
        return select({}, {}, tail);
    return select(QStringLiteral("WHERE webhook_id = ?"), {webhookId}, tail);
}

DeliveryRecord DeliveryRepository::repeatOf(const DeliveryRecord &original, DeliveryTrigger trigger)
{
    DeliveryRecord repeat;
    repeat.webhookId = original.webhookId;
    repeat.webhookName = original.webhookName;
    repeat.eventType = original.eventType;
    repeat.eventId = original.eventId;
    repeat.messageId = original.messageId;
    repeat.trigger = trigger;
    repeat.requestMethod = original.requestMethod;
    repeat.requestUrl = original.requestUrl;
    return repeat;
}
