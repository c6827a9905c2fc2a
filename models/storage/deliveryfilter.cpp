// Delivery log filter: text form for the address line and saved views, SQL for DeliveryLog.
#include "models/storage/deliveryfilter.h"

#include "models/domain/eventtype.h"

#include <QStringList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 hourMs = 3600 * 1000;

QString encodeValue(const QString &value)
{
    // Readable and editable: only what would change the text's structure is percent-encoded (the separators,
    // '%' and '+', and control characters); spaces, accents and the rest stay as typed.
    QString encoded;
    encoded.reserve(value.size());
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u == u'%' || u == u'&' || u == u'=' || u == u'+' || u == u'#' || u < 0x20 || u == 0x7F)
            encoded += QString::fromLatin1(QUrl::toPercentEncoding(QString(c)));
        else
            encoded += c;
    }
    return encoded;
}

QString decodeValue(QString value)
{
    // Form encoding writes spaces as '+'; toText() never writes a literal '+', so this loses nothing.
    value.replace(u'+', u' ');
    return QUrl::fromPercentEncoding(value.toUtf8());
}

QString isoText(const QDateTime &dateTime)
{
    const QDateTime utc = dateTime.toUTC();
    return utc.toString(utc.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
}

std::optional<QDateTime> parseInstant(const QString &text)
{
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        // A bare date means midnight UTC of that day: the start of what a support person asks about.
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        parsed = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    return parsed;
}

QString likePattern(const QString &needle)
{
    QString escaped;
    escaped.reserve(needle.size() + 2);
    for (const QChar c : needle.toLower()) {
        if (c == u'%' || c == u'_' || c == u'!')
            escaped += u'!';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

// The text PostgreSQL's encode(bytes, 'escape') makes of the UTF-8 bytes of text.
QString postgresEscapeEncoding(const QString &text)
{
    QString encoded;
    for (const char byte : text.toUtf8()) {
        const auto b = static_cast<unsigned char>(byte);
        if (b == '\\')
            encoded += u"\\\\"_s;
        else if (b == 0 || b >= 0x80)
            encoded += u'\\' + QString::number(b, 8).rightJustified(3, u'0');
        else
            encoded += QLatin1Char(char(b));
    }
    return encoded;
}

} // namespace

QString DeliveryFilter::resultKey(Result result)
{
    switch (result) {
    case Result::Any: return u"any"_s;
    case Result::Success: return u"success"_s;
    case Result::Failure: return u"failure"_s;
    }
    return {};
}

QString DeliveryFilter::statusClassKey(StatusClass status)
{
    switch (status) {
    case StatusClass::Any: return u"any"_s;
    case StatusClass::Success2xx: return u"2xx"_s;
    case StatusClass::Redirect3xx: return u"3xx"_s;
    case StatusClass::ClientError4xx: return u"4xx"_s;
    case StatusClass::ServerError5xx: return u"5xx"_s;
    case StatusClass::NoResponse: return u"none"_s;
    }
    return {};
}

QString DeliveryFilter::timeRangeKey(TimeRange range)
{
    switch (range) {
    case TimeRange::Any: return u"any"_s;
    case TimeRange::LastHour: return u"1h"_s;
    case TimeRange::Last24Hours: return u"24h"_s;
    case TimeRange::Last7Days: return u"7d"_s;
    case TimeRange::Custom: return u"custom"_s;
    }
    return {};
}

QString DeliveryFilter::triggerKey(Trigger trigger)
{
    switch (trigger) {
    case Trigger::Any: return u"any"_s;
    case Trigger::Test: return u"test"_s;
    case Trigger::Event: return u"event"_s;
    case Trigger::Redeliver: return u"redeliver"_s;
    }
    return {};
}

std::optional<DeliveryFilter::Result> DeliveryFilter::resultFromKey(const QString &key)
{
    for (Result r : {Result::Any, Result::Success, Result::Failure})
        if (key.compare(resultKey(r), Qt::CaseInsensitive) == 0)
            return r;
    return std::nullopt;
}

std::optional<DeliveryFilter::StatusClass> DeliveryFilter::statusClassFromKey(const QString &key)
{
    for (StatusClass s : {StatusClass::Any, StatusClass::Success2xx, StatusClass::Redirect3xx,
                          StatusClass::ClientError4xx, StatusClass::ServerError5xx, StatusClass::NoResponse})
        if (key.compare(statusClassKey(s), Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

std::optional<DeliveryFilter::TimeRange> DeliveryFilter::timeRangeFromKey(const QString &key)
{
    for (TimeRange t : {TimeRange::Any, TimeRange::LastHour, TimeRange::Last24Hours, TimeRange::Last7Days,
                        TimeRange::Custom})
        if (key.compare(timeRangeKey(t), Qt::CaseInsensitive) == 0)
            return t;
    return std::nullopt;
}

std::optional<DeliveryFilter::Trigger> DeliveryFilter::triggerFromKey(const QString &key)
{
    for (Trigger t : {Trigger::Any, Trigger::Test, Trigger::Event, Trigger::Redeliver})
        if (key.compare(triggerKey(t), Qt::CaseInsensitive) == 0)
            return t;
    return std::nullopt;
}

QString DeliveryFilter::toText() const
{
    QStringList parts;
    auto add = [&parts](const QString &key, const QString &value) { parts << key + u'=' + encodeValue(value); };
    if (!webhook.isEmpty())
        add(u"webhook"_s, webhook);
    if (!eventType.isEmpty())
        add(u"event"_s, eventType);
    if (result != Result::Any)
        add(u"result"_s, resultKey(result));
    if (statusClass != StatusClass::Any)
        add(u"status"_s, statusClassKey(statusClass));
    if (timeRange == TimeRange::Custom) {
        if (!customFrom.isValid() && !customTo.isValid())
            add(u"since"_s, timeRangeKey(timeRange));
        if (customFrom.isValid())
            add(u"from"_s, isoText(customFrom));
        if (customTo.isValid())
            add(u"to"_s, isoText(customTo));
    } else if (timeRange != TimeRange::Any) {
        add(u"since"_s, timeRangeKey(timeRange));
    }
    if (trigger != Trigger::Any)
        add(u"trigger"_s, triggerKey(trigger));
    if (!text.isEmpty())
        add(u"q"_s, text);
    return parts.join(u'&');
}

::Result<DeliveryFilter> DeliveryFilter::fromText(const QString &input)
{
    auto fail = [](const QString &message) -> ::Result<DeliveryFilter> {
        return Failure{ErrorCode::Invalid, message};
    };
    static const QStringList knownKeys = {u"webhook"_s, u"event"_s, u"result"_s, u"status"_s, u"since"_s,
                                          u"from"_s, u"to"_s, u"trigger"_s, u"q"_s};
    QString body = input.trimmed();
    if (body.startsWith(u'?'))
        body.remove(0, 1);

    DeliveryFilter filter;
    QStringList seen;
    std::optional<TimeRange> since;
    for (const QString &part : body.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals <= 0)
            return fail(tr("“%1” is not of the form key=value.").arg(part));
        const QString key = decodeValue(part.left(equals)).trimmed().toLower();
        const QString value = decodeValue(part.mid(equals + 1));
        if (!knownKeys.contains(key))
            return fail(tr("Unknown filter key “%1”; the keys are %2.").arg(key, knownKeys.join(u", "_s)));
        if (seen.contains(key))
            return fail(tr("The filter key “%1” appears more than once.").arg(key));
        seen << key;
        const QString trimmed = value.trimmed();
        if (trimmed.isEmpty())
            return fail(tr("The filter key “%1” has no value.").arg(key));

        if (key == u"webhook") {
            filter.webhook = trimmed;
        } else if (key == u"event") {
            if (!EventCatalog::find(trimmed)) {
                QStringList names;
                for (const EventType &type : EventCatalog::builtIn())
                    names << type.name;
                return fail(tr("“%1” is not an event type; the event types are %2.").arg(trimmed, names.join(u", "_s)));
            }
            filter.eventType = trimmed;
        } else if (key == u"result") {
            const auto r = resultFromKey(trimmed);
            if (!r)
                return fail(tr("“%1” is not a result; use success or failure.").arg(trimmed));
            filter.result = *r;
        } else if (key == u"status") {
            const auto s = statusClassFromKey(trimmed);
            if (!s)
                return fail(tr("“%1” is not a status class; use 2xx, 3xx, 4xx, 5xx or none.").arg(trimmed));
            filter.statusClass = *s;
        } else if (key == u"since") {
            since = timeRangeFromKey(trimmed);
            if (!since)
                return fail(tr("“%1” is not a time range; use 1h, 24h, 7d, or from= and to= with dates.").arg(trimmed));
        } else if (key == u"from" || key == u"to") {
            const auto instant = parseInstant(trimmed);
            if (!instant)
                return fail(tr("The %1 value “%2” is not an ISO 8601 date and time, such as 2024-05-01T08:00:00Z.")
                                .arg(key, trimmed));
            (key == u"from" ? filter.customFrom : filter.customTo) = *instant;
        } else if (key == u"trigger") {
            const auto t = triggerFromKey(trimmed);
            if (!t)
                return fail(tr("“%1” is not a trigger; use test, event or redeliver.").arg(trimmed));
            filter.trigger = *t;
        } else if (key == u"q") {
            filter.text = value;
        }
    }

    const bool customGiven = filter.customFrom.isValid() || filter.customTo.isValid();
    if (customGiven && since && *since != TimeRange::Custom && *since != TimeRange::Any)
        return fail(tr("since=%1 contradicts from= and to=; leave out one or the other.").arg(timeRangeKey(*since)));
    if (customGiven || (since && *since == TimeRange::Custom))
        filter.timeRange = TimeRange::Custom;
    else if (since)
        filter.timeRange = *since;
    if (filter.customFrom.isValid() && filter.customTo.isValid() && filter.customTo <= filter.customFrom)
        return fail(tr("The time range ends (%1) before it starts (%2).")
                        .arg(isoText(filter.customTo), isoText(filter.customFrom)));
    return filter;
}

std::optional<qint64> DeliveryFilter::fromMs(qint64 nowMs) const
{
    switch (timeRange) {
    case TimeRange::Any: return std::nullopt;
    case TimeRange::LastHour: return nowMs - hourMs;
    case TimeRange::Last24Hours: return nowMs - 24 * hourMs;
    case TimeRange::Last7Days: return nowMs - 7 * 24 * hourMs;
    case TimeRange::Custom:
        return customFrom.isValid() ? std::optional<qint64>(customFrom.toMSecsSinceEpoch()) : std::nullopt;
    }
    return std::nullopt;
}

std::optional<qint64> DeliveryFilter::toMs(qint64) const
{
    if (timeRange == TimeRange::Custom && customTo.isValid())
        return customTo.toMSecsSinceEpoch();
    return std::nullopt;
}

DeliveryFilter::Sql DeliveryFilter::toSql(DatabaseUrl::Engine engine, qint64 nowMs,
                                          const QString &resolvedWebhookId) const
{
    QStringList conditions;
    Sql sql;
    if (!resolvedWebhookId.isEmpty()) {
        conditions << u"webhook_id = ?"_s;
        sql.values << resolvedWebhookId;
    } else if (!webhook.isEmpty()) {
        conditions << u"webhook_id IS NULL AND webhook_name = ?"_s;
        sql.values << webhook;
    }
    if (!eventType.isEmpty()) {
        conditions << u"event_type = ?"_s;
        sql.values << eventType;
    }
    // Literal booleans rather than bound ones: SQLite stores 1/0 and PostgreSQL true/false, and both
    // read TRUE/FALSE the same way, which also lets the planners match the (webhook, success) index.
    if (result == Result::Success)
        conditions << u"success = TRUE"_s;
    else if (result == Result::Failure)
        conditions << u"success = FALSE"_s;
    switch (statusClass) {
    case StatusClass::Any: break;
    case StatusClass::Success2xx: conditions << u"response_status >= 200 AND response_status < 300"_s; break;
    case StatusClass::Redirect3xx: conditions << u"response_status >= 300 AND response_status < 400"_s; break;
    case StatusClass::ClientError4xx: conditions << u"response_status >= 400 AND response_status < 500"_s; break;
    case StatusClass::ServerError5xx: conditions << u"response_status >= 500 AND response_status < 600"_s; break;
    case StatusClass::NoResponse: conditions << u"response_status IS NULL"_s; break;
    }
    if (const auto from = fromMs(nowMs)) {
        conditions << u"started_at >= ?"_s;
        sql.values << *from;
    }
    if (const auto to = toMs(nowMs)) {
        conditions << u"started_at < ?"_s;
        sql.values << *to;
    }
    if (trigger != Trigger::Any) {
        conditions << u"trigger_kind = ?"_s;
        sql.values << triggerKey(trigger);
    }
    if (!text.trimmed().isEmpty()) {
        // LOWER() on both sides because LIKE is case-sensitive on PostgreSQL and not on SQLite.
        // The message id is the webhook-id header a receiver logs; a receiver's answer often names it too.
        // Response bodies are bytes. SQLite reads them as text only up to a NUL, so instr() also looks through the
        // whole body for the exact bytes; PostgreSQL's escape encoding keeps ASCII and writes every other byte as
        // \ooo, so a body that is not UTF-8 cannot make the query fail.
        const QString needle = text.trimmed();
        const QString pattern = likePattern(needle);
        const QString textColumns = u"LOWER(error) LIKE ? ESCAPE '!' OR LOWER(event_id) LIKE ? ESCAPE '!'"
                                    " OR LOWER(message_id) LIKE ? ESCAPE '!'"_s;
        sql.values << pattern << pattern << pattern;
        if (engine == DatabaseUrl::Engine::PostgreSQL) {
            conditions << u"("_s + textColumns + u" OR LOWER(encode(response_body, 'escape')) LIKE ? ESCAPE '!')"_s;
            sql.values << likePattern(postgresEscapeEncoding(needle.toLower()));
        } else {
            conditions << u"("_s + textColumns
                              + u" OR LOWER(CAST(response_body AS TEXT)) LIKE ? ESCAPE '!'"
                                " OR instr(response_body, ?) > 0)"_s;
            sql.values << pattern << needle.toUtf8();
        }
    }
    sql.where = conditions.isEmpty() ? u"TRUE"_s : u"("_s + conditions.join(u") AND ("_s) + u')';
    return sql;
}
