// A goReporter event as the formatters receive it: typed report, battery, task and patient data, read from and written to JSON.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

enum class ReportKind { Pacemaker, Icd, LoopRecorder };
enum class ReportStatus { Preliminary, Final, Amended, Cancelled };
enum class BatteryStatus { Ok, Low, Eri, Eol };
enum class TaskPriority { Low, Normal, High, Urgent };

struct EventPatient
{
    QString mrn;          // medical record number, as goReporter and the hospital's record system know it
    QString familyName;
    QString givenName;
    QDate birthDate;      // optional

    // "Z. M." from the first grapheme of the given and the family name: all a "limited" payload may show.
    QString initials() const;
    QString fullName() const;  // given name first, as goReporter shows it

    bool operator==(const EventPatient &other) const = default;
};

struct EventPdf
{
    QString contentType = QStringLiteral("application/pdf");
    QString title;        // optional
    QByteArray base64;    // the document, base64-encoded as it travels in JSON

    bool operator==(const EventPdf &other) const = default;
};

struct EventReport
{
    QString id;
    ReportKind kind = ReportKind::Pacemaker;
    ReportStatus status = ReportStatus::Preliminary;
    QString clinic;       // optional
    QString physician;    // optional
    QDateTime createdAt;
    QDateTime completedAt;  // optional: invalid until the report is signed off
    QUrl link;            // the report in goReporter
    QString conclusion;   // optional free text written by the physician
    std::optional<EventPdf> pdf;

    bool operator==(const EventReport &other) const = default;
};

struct EventBattery
{
    QString manufacturer;
    QString model;
    QString serial;       // optional; a device identifier, so only full PHI payloads carry it
    int percentage = 0;   // 0..100
    BatteryStatus status = BatteryStatus::Ok;
    std::optional<int> longevityMonths;  // estimated remaining longevity

    bool operator==(const EventBattery &other) const = default;
};

struct EventTask
{
    QString id;
    QString title;
    QString assignee;     // optional
    TaskPriority priority = TaskPriority::Normal;
    QDate dueDate;
    int daysOverdue = 0;  // 0 unless the task is overdue
    QUrl link;            // the task in goReporter

    bool operator==(const EventTask &other) const = default;
};

// The webhook an operations event is about (webhook.failing, webhook.disabled, webhook.recovered,
// delivery.exhausted): what IT needs to act on it, and nothing about any patient.
struct EventWebhookAlert
{
    QString id;
    QString name;
    QString integration;          // the webhook kind's key: "slack", "teams", "epic", "generic"
    QString host;                 // where it sends: the host only, never a path (Slack's and Teams' are credentials)
    int consecutiveFailures = 0;  // failed attempts since its last success
    QDateTime failingSince;       // optional: the first of them
    QDateTime disableAt;          // optional (webhook.failing): when auto-disable switches it off unless one succeeds
    QString lastError;            // optional: the stored reason of the last failed attempt
    QString disabledBecause;      // optional (webhook.disabled): "gone" (410) or "failing" (auto-disable)
    QUrl link;                    // optional: the page the alerts setting names (a runbook, a status page)

    bool operator==(const EventWebhookAlert &other) const = default;
};

// The delivery a delivery.exhausted event is about.
struct EventFailedDelivery
{
    QString messageId;  // its webhook-id
    QString eventId;
    QString eventType;
    int attempts = 0;
    QString lastError;

    bool operator==(const EventFailedDelivery &other) const = default;
};

struct Event
{
    Q_DECLARE_TR_FUNCTIONS(Event)
public:
    QString id;
    QString type;         // one of EventCatalog::builtIn(), e.g. "battery.low"
    QDateTime timestamp;  // UTC
    std::optional<EventPatient> patient;
    std::optional<EventReport> report;    // report.* events; battery.* events: the interrogation that measured it
    std::optional<EventBattery> battery;  // battery.* events
    std::optional<EventTask> task;        // task.* events
    std::optional<EventWebhookAlert> webhook;      // operations events
    std::optional<EventFailedDelivery> delivery;   // delivery.exhausted

    // Parses and checks an event document; on failure returns nothing and says what is wrong and where:
    // the line and column of malformed JSON, the key with a wrong type or value, the missing field.
    static std::optional<Event> fromJson(const QByteArray &json, QString *errorMessage);
    // An event sample file (a regular file of at most BoundedFile::eventSampleMaxBytes); errors name the file.
    static std::optional<Event> fromFile(const QString &path, QString *errorMessage);
    // Indented JSON in the format fromJson reads; absent optional fields are left out.
    QByteArray toJson() const;
    QJsonObject toJsonObject() const;

    // Where goReporter shows what this event is about: the task for task events, the alerts' page for operations
    // events, otherwise the report.
    QUrl link() const;

    bool operator==(const Event &other) const = default;
};

// The JSON keys of the enumerations, shared by the event file format and the payloads.
namespace EventKeys {
QString reportKind(ReportKind kind);            // "pacemaker", "icd", "loop-recorder"
QString reportStatus(ReportStatus status);      // "preliminary", "final", "amended", "cancelled"
QString batteryStatus(BatteryStatus status);    // "ok", "low", "eri", "eol"
QString taskPriority(TaskPriority priority);    // "low", "normal", "high", "urgent"
// Timestamps as ISO 8601 in UTC with seconds, milliseconds only when there are any: what FHIR's instant accepts.
QString timestamp(const QDateTime &dateTime);
} // namespace EventKeys

// Readable, translated names of the enumerations, for cards and messages.
namespace EventTexts {
QString reportKind(ReportKind kind);            // "Pacemaker interrogation"
QString reportStatus(ReportStatus status);
QString batteryStatus(BatteryStatus status);
QString taskPriority(TaskPriority priority);
} // namespace EventTexts

namespace EventSamples {
// A realistic synthetic event of the given type, with an invented patient (accented names to exercise Unicode);
// an empty Event for an unknown type. Always the same event for the same type, so payloads stay comparable.
Event sample(const QString &eventType);
// The sample as a test-send sends it: a new event id every time, so that the log's "attempts of this event" are
// the attempts of this one test and not of every test ever sent with the same sample.
Event forTestSend(const QString &eventType);
} // namespace EventSamples
