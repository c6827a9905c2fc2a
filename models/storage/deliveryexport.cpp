// Writes the attempts of a filter as CSV or JSON Lines, page by page, with secret header values redacted.
#include "models/storage/deliverylog.h"
#include "models/storage/deliverylogsql.h"
#include "models/domain/redaction.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace DeliveryLogSql;

namespace {

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

Result<DeliveryLog::ExportSummary> DeliveryLog::exportTo(const DeliveryFilter &filter, const QDateTime &now,
                                                         ExportFormat format, QIODevice *out, const Progress &progress,
                                                         int pageSize) const
{
    auto selection = select(filter, now);
    if (!selection)
        return selection.failure();
    const auto newest = maxId();
    if (!newest)
        return newest.failure();
    selection->maxId = *newest;
    const auto total = count(*selection);
    if (!total)
        return total.failure();

    ExportSummary summary;
    auto cannotWrite = [&]() -> Result<ExportSummary> {
        return Failure{ErrorCode::Unavailable, tr("Cannot write the export: %1").arg(out->errorString())};
    };
    auto write = [&](const QByteArray &bytes) { return out->write(bytes) == bytes.size(); };
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
        return cannotWrite();

    QVariantList values;
    const QString where = pinnedWhere(*selection, &values);
    std::optional<DeliveryKey> anchor;
    for (;;) {
        QString sql = u"SELECT "_s + detailColumns() + u" FROM deliveries WHERE "_s + where;
        QVariantList pageValues = values;
        if (anchor) {
            sql += u" AND (started_at, id) < (?, ?)"_s;
            pageValues << anchor->startedAtMs << anchor->id;
        }
        sql += u" ORDER BY started_at DESC, id DESC LIMIT %1"_s.arg(pageSize);
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        if (const Result<void> ran = execPrepared(query, sql, pageValues); !ran)
            return Failure{ErrorCode::Unavailable, tr("Cannot read the delivery log: %1").arg(ran.message())};
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
            const auto finishedAt = optionalLong(query.value(finishedAtColumn));

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
                return cannotWrite();
            ++summary.rows;
        }
        if (progress && !progress(summary.rows, *total)) {
            summary.cancelled = true;
            break;
        }
        if (rowsInPage < pageSize)
            break;
    }
    return summary;
}
