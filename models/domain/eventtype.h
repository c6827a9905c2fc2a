// The goReporter events a webhook can subscribe to.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

enum class EventCategory { Report, Battery, Task, Operations };
enum class EventSeverity { Info, Success, Warning, Critical };

struct EventType
{
    QString name;            // e.g. "battery.low"
    EventCategory category = EventCategory::Report;
    EventSeverity severity = EventSeverity::Info;
    QString description;     // English source text; translate with EventType::displayDescription()
    int sortOrder = 0;
    bool mapsToDiagnosticReport = false; // Epic receives FHIR DiagnosticReports, which exist for report and battery events only

    QString displayDescription() const;
};

namespace EventCatalog {
// The built-in events (goReporter's seven, then the webhooks' own operations events), in display order; migrations seed the event_types table from this list.
const QList<EventType> &builtIn();
const EventType *find(const QString &name);
// The names in display order; names that are not events keep their order at the end.
QStringList inCatalogOrder(const QStringList &names);

QString categoryKey(EventCategory category);
EventCategory categoryFromKey(const QString &key);
QString categoryDisplayName(EventCategory category);
QString severityKey(EventSeverity severity);
EventSeverity severityFromKey(const QString &key);
} // namespace EventCatalog
