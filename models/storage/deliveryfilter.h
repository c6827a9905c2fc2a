// What the delivery log shows: a filter over attempts, its URL-like text form and the SQL it selects with.
#pragma once

#include "models/domain/result.h"
#include "models/storage/databaseurl.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QVariantList>

#include <optional>

class DeliveryFilter
{
    Q_DECLARE_TR_FUNCTIONS(DeliveryFilter)
public:
    enum class Result { Any, Success, Failure };
    enum class StatusClass { Any, Success2xx, Redirect3xx, ClientError4xx, ServerError5xx, NoResponse };
    enum class TimeRange { Any, LastHour, Last24Hours, Last7Days, Custom };
    enum class Trigger { Any, Test, Event, Redeliver };

    QString webhook;                      // a webhook's id or name, as typed; empty: every webhook
    QString eventType;                    // e.g. "battery.low"; empty: every event type
    Result result = Result::Any;
    StatusClass statusClass = StatusClass::Any;
    TimeRange timeRange = TimeRange::Any;
    QDateTime customFrom;                 // TimeRange::Custom: inclusive start; invalid means open
    QDateTime customTo;                   // TimeRange::Custom: exclusive end; invalid means open
    Trigger trigger = Trigger::Any;
    QString text;                         // case-insensitive substring of the error or the event id

    bool operator==(const DeliveryFilter &other) const = default;
    bool isEmpty() const { return *this == DeliveryFilter(); }

    // "webhook=Cardiology&event=battery.low&result=failure&status=5xx&since=24h&trigger=event&q=timeout";
    // custom ranges as "from=<ISO 8601>&to=<ISO 8601>". Values are percent-encoded; an empty filter is "".
    QString toText() const;
    // Accepts what toText() writes (with or without a leading '?'); on an unknown key, a repeated key, a
    // value out of range or a contradictory range fails with Invalid and says which part is wrong.
    // (::Result: inside the class, Result is the enum above.)
    static ::Result<DeliveryFilter> fromText(const QString &text);

    // Inclusive start and exclusive end of the time range in UTC milliseconds, relative to nowMs for the
    // "last ..." ranges; nullopt where the range is open.
    std::optional<qint64> fromMs(qint64 nowMs) const;
    std::optional<qint64> toMs(qint64 nowMs) const;

    // A WHERE condition over the deliveries table with '?' placeholders for the given engine.
    // The webhook is matched by id when resolvedWebhookId is given (the indexed path; DeliveryLog resolves
    // names to ids), otherwise by the name kept with attempts of deleted webhooks.
    struct Sql
    {
        QString where;       // never empty: "TRUE" when nothing is filtered
        QVariantList values;
    };
    Sql toSql(DatabaseUrl::Engine engine, qint64 nowMs, const QString &resolvedWebhookId = {}) const;

    static QString resultKey(Result result);           // "any", "success", "failure"
    static QString statusClassKey(StatusClass status); // "any", "2xx", "3xx", "4xx", "5xx", "none"
    static QString timeRangeKey(TimeRange range);      // "any", "1h", "24h", "7d", "custom"
    static QString triggerKey(Trigger trigger);        // "any", "test", "event", "redeliver"
    static std::optional<Result> resultFromKey(const QString &key);
    static std::optional<StatusClass> statusClassFromKey(const QString &key);
    static std::optional<TimeRange> timeRangeFromKey(const QString &key);
    static std::optional<Trigger> triggerFromKey(const QString &key);
};
