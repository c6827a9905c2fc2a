// The goReporter events a webhook can subscribe to.
#include "models/domain/eventtype.h"

#include <QCoreApplication>

namespace EventCatalog {

const QList<EventType> &builtIn()
{
    // QT_TRANSLATE_NOOP keeps the descriptions in the catalogue while the database stores the English text.
    static const QList<EventType> events = {
        {QStringLiteral("report.created"), EventCategory::Report, EventSeverity::Info,
         QStringLiteral(QT_TRANSLATE_NOOP("EventCatalog", "A device interrogation report was created.")), 10, true},
        {QStringLiteral("report.completed"), EventCategory::Report, EventSeverity::Success,
         QStringLiteral(QT_TRANSLATE_NOOP("EventCatalog", "A report was reviewed and signed off.")), 20, true},
        {QStringLiteral("battery.low"), EventCategory::Battery, EventSeverity::Warning,
         QStringLiteral(QT_TRANSLATE_NOOP("EventCatalog", "A device battery fell below 20%.")), 30, true},
        {QStringLiteral("battery.critical"), EventCategory::Battery, EventSeverity::Critical,
         QStringLiteral(QT_TRANSLATE_NOOP("EventCatalog",
                                          "A device reached elective replacement (ERI) or end of life (EOL).")), 40, true},
        {QStringLiteral("task.created"), EventCategory::Task, EventSeverity::Info,
         QStringLiteral(QT_TRANSLATE_NOOP("EventCatalog", "A follow-up task was created.")), 50, false},
        {QStringLiteral("task.due"), EventCategory::Task, EventSeverity::Warning,
         QStringLiteral(QT_TRANSLATE_NOOP("EventCatalog", "A follow-up task is due today.")), 60, false},
        {QStringLiteral("task.overdue"), EventCategory::Task, EventSeverity::Critical,
         QStringLiteral(QT_TRANSLATE_NOOP("EventCatalog", "A follow-up task is past its due date.")), 70, false},
        // Raised by the dispatchers about the webhooks themselves: alerts for IT, never about a patient.
        {QStringLiteral("webhook.failing"), EventCategory::Operations, EventSeverity::Warning,
         QStringLiteral(QT_TRANSLATE_NOOP("EventCatalog", "A webhook keeps failing: its receiver refused or missed "
                                                          "several attempts in a row.")), 80, false},
        {QStringLiteral("webhook.disabled"), EventCategory::Operations, EventSeverity::Critical,
         QStringLiteral(QT_TRANSLATE_NOOP("EventCatalog", "A webhook was switched off by the dispatcher: its receiver "
                                                          "is gone or failed for too long.")), 90, false},
        {QStringLiteral("webhook.recovered"), EventCategory::Operations, EventSeverity::Success,
         QStringLiteral(QT_TRANSLATE_NOOP("EventCatalog", "A failing webhook delivered again.")), 100, false},
        {QStringLiteral("delivery.exhausted"), EventCategory::Operations, EventSeverity::Critical,
         QStringLiteral(QT_TRANSLATE_NOOP("EventCatalog", "An event ran out of retries and was not delivered.")), 110,
         false},
    };
    return events;
}

const EventType *find(const QString &name)
{
    for (const EventType &event : builtIn()) {
        if (event.name == name)
            return &event;
    }
    return nullptr;
}

QStringList inCatalogOrder(const QStringList &names)
{
    QStringList ordered;
    for (const EventType &event : builtIn()) {
        if (names.contains(event.name))
            ordered.append(event.name);
    }
    for (const QString &name : names) {
        if (!ordered.contains(name))
            ordered.append(name);
    }
    return ordered;
}

QString categoryKey(EventCategory category)
{
    switch (category) {
    case EventCategory::Report: return QStringLiteral("report");
    case EventCategory::Battery: return QStringLiteral("battery");
    case EventCategory::Task: return QStringLiteral("task");
    case EventCategory::Operations: return QStringLiteral("operations");
    }
    return {};
}

EventCategory categoryFromKey(const QString &key)
{
    if (key == QLatin1String("battery"))
        return EventCategory::Battery;
    if (key == QLatin1String("task"))
        return EventCategory::Task;
    if (key == QLatin1String("operations"))
        return EventCategory::Operations;
    return EventCategory::Report;
}

QString categoryDisplayName(EventCategory category)
{
    switch (category) {
    case EventCategory::Report: return QCoreApplication::translate("EventCatalog", "Report");
    case EventCategory::Battery: return QCoreApplication::translate("EventCatalog", "Battery");
    case EventCategory::Task: return QCoreApplication::translate("EventCatalog", "Task");
    case EventCategory::Operations: return QCoreApplication::translate("EventCatalog", "Operations");
    }
    return {};
}

QString severityKey(EventSeverity severity)
{
    switch (severity) {
    case EventSeverity::Info: return QStringLiteral("info");
    case EventSeverity::Success: return QStringLiteral("success");
    case EventSeverity::Warning: return QStringLiteral("warning");
    case EventSeverity::Critical: return QStringLiteral("critical");
    }
    return {};
}

EventSeverity severityFromKey(const QString &key)
{
    if (key == QLatin1String("success"))
        return EventSeverity::Success;
    if (key == QLatin1String("warning"))
        return EventSeverity::Warning;
    if (key == QLatin1String("critical"))
        return EventSeverity::Critical;
    return EventSeverity::Info;
}

} // namespace EventCatalog

QString EventType::displayDescription() const
{
    return QCoreApplication::translate("EventCatalog", description.toUtf8().constData());
}
