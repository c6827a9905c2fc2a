// SQL pieces the delivery log's readers share: the listed columns, reading them, binding, and the snapshot pin.
#include "models/storage/deliverylogsql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace DeliveryLogSql {

QString listColumns()
{
    return u"id, started_at, webhook_id, webhook_name, event_type, event_id, attempt, trigger_kind,"
           " response_status, success, duration_ms, error, finished_at"_s;
}

QString detailColumns()
{
    return listColumns()
           + u", message_id, request_method, request_url, request_headers_json, request_body,"
             " response_headers_json, response_body, response_size"_s;
}

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
    row.finished = !query.value(finishedAtColumn).isNull();
    return row;
}

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

Result<void> execPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return Failure{ErrorCode::Unavailable, Database::describe(query.lastError())};
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Failure{ErrorCode::Unavailable, Database::describe(query.lastError())};
    return {};
}

Result<QList<DeliveryListRow>> readListRows(const Database &database, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (const Result<void> ran = execPrepared(query, sql, values); !ran)
        return ran.failure();
    QList<DeliveryListRow> rows;
    while (query.next())
        rows.append(readListRow(query));
    return rows;
}

QString pinnedWhere(const DeliverySelection &selection, QVariantList *values)
{
    *values = selection.values;
    if (!selection.maxId)
        return selection.where;
    values->append(*selection.maxId);
    return selection.where + u" AND id <= ?"_s;
}

} // namespace DeliveryLogSql
