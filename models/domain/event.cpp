// Reading and writing goReporter events as JSON, with messages that name the exact key at fault.
#include "models/domain/event.h"

#include "models/domain/boundedfile.h"
#include "models/domain/payloadtext.h"
#include "models/domain/strictjson.h"

#include "models/domain/eventtype.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTextBoundaryFinder>

#include <cmath>

namespace {

template<typename Enum>
struct KeyTable
{
    Enum value;
    const char *key;
};

constexpr KeyTable<ReportKind> reportKindKeys[] = {
    {ReportKind::Pacemaker, "pacemaker"}, {ReportKind::Icd, "icd"}, {ReportKind::LoopRecorder, "loop-recorder"}};
constexpr KeyTable<ReportStatus> reportStatusKeys[] = {{ReportStatus::Preliminary, "preliminary"},
                                                       {ReportStatus::Final, "final"},
                                                       {ReportStatus::Amended, "amended"},
                                                       {ReportStatus::Cancelled, "cancelled"}};
constexpr KeyTable<BatteryStatus> batteryStatusKeys[] = {
    {BatteryStatus::Ok, "ok"}, {BatteryStatus::Low, "low"}, {BatteryStatus::Eri, "eri"}, {BatteryStatus::Eol, "eol"}};
constexpr KeyTable<TaskPriority> taskPriorityKeys[] = {{TaskPriority::Low, "low"},
                                                       {TaskPriority::Normal, "normal"},
                                                       {TaskPriority::High, "high"},
                                                       {TaskPriority::Urgent, "urgent"}};

template<typename Enum, std::size_t N>
QString keyOf(const KeyTable<Enum> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QLatin1String(entry.key);
    }
    return {};
}

template<typename Enum, std::size_t N>
QStringList keysOf(const KeyTable<Enum> (&table)[N])
{
    QStringList keys;
    for (const auto &entry : table)
        keys.append(QLatin1String(entry.key));
    return keys;
}

// Line and column (both from 1, the column in characters) of a byte offset, for messages a person can act on.

// Walks one JSON object, remembering the first problem with the path of the key at fault ("battery.percentage").
class ObjectReader
{
    Q_DECLARE_TR_FUNCTIONS(Event)
public:
    ObjectReader(const QJsonObject &object, QString path, QString *error)
        : m_object(object), m_path(std::move(path)), m_error(error)
    {
    }

    QString keyPath(const QString &key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }
    bool ok() const { return m_error->isEmpty(); }
    bool has(const QString &key) const { return m_object.contains(key) && !m_object.value(key).isNull(); }

    void fail(const QString &message)
    {
        if (m_error->isEmpty())
            *m_error = message;
    }

    // Unknown keys are refused: in a hand-edited sample they are almost always a misspelt field.
    void rejectUnknownKeys(const QStringList &known)
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!known.contains(it.key())) {
                fail(tr("“%1” is not a field of the event; expected one of: %2.")
                         .arg(keyPath(it.key()), known.join(QStringLiteral(", "))));
                return;
            }
        }
    }

    QString string(const QString &key, bool required)
    {
        const QJsonValue value = presentValue(key, required, QJsonValue::String);
        if (value.isUndefined())
            return {};
        const QString text = value.toString();
        if (required && text.trimmed().isEmpty())
            fail(tr("“%1” must not be empty.").arg(keyPath(key)));
        return text;
    }

    std::optional<int> integer(const QString &key, bool required, int minimum, int maximum)
    {
        const QJsonValue value = presentValue(key, required, QJsonValue::Double);
        if (value.isUndefined())
            return std::nullopt;
        const double number = value.toDouble();
        if (number != std::floor(number) || number < minimum || number > maximum) {
            fail(tr("“%1” must be a whole number from %2 to %3, not %4.")
                     .arg(keyPath(key))
                     .arg(minimum)
                     .arg(maximum)
                     .arg(number));
            return std::nullopt;
        }
        return int(number);
    }

    QDateTime dateTime(const QString &key, bool required)
    {
        const QString text = string(key, required);
        if (text.isEmpty())
            return {};
        QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!parsed.isValid()) {
            fail(tr("“%1” must be a date and time like 2026-03-14T09:26:53Z, not “%2”.").arg(keyPath(key), text));
            return {};
        }
        // A time without a zone means something different on every workstation; events name their instant.
        if (parsed.timeSpec() == Qt::LocalTime) {
            fail(tr("“%1” must include a time zone (Z or an offset such as +01:00): “%2”.").arg(keyPath(key), text));
            return {};
        }
        return parsed.toUTC();
    }

    QDate date(const QString &key, bool required)
    {
        const QString text = string(key, required);
        if (text.isEmpty())
            return {};
        const QDate parsed = QDate::fromString(text, Qt::ISODate);
        if (!parsed.isValid() || text.size() != 10)
            fail(tr("“%1” must be a date like 2026-03-14, not “%2”.").arg(keyPath(key), text));
        return parsed;
    }

    QUrl url(const QString &key, bool required)
    {
        const QString text = string(key, required);
        if (text.isEmpty())
            return {};
        const QUrl parsed(text, QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))
            || parsed.host().isEmpty()) {
            fail(tr("“%1” must be an http or https address, not “%2”.").arg(keyPath(key), text));
            return {};
        }
        return parsed;
    }

    template<typename Enum, std::size_t N>
    Enum choice(const QString &key, const KeyTable<Enum> (&table)[N])
    {
        const QString text = string(key, true);
        for (const auto &entry : table) {
            if (text == QLatin1String(entry.key))
                return entry.value;
        }
        if (!text.isEmpty())
            fail(tr("“%1” must be one of %2, not “%3”.").arg(keyPath(key), keysOf(table).join(QStringLiteral(", ")), text));
        return table[0].value;
    }

    // A nested object, or nothing; required objects that are missing are reported here.
    std::optional<QJsonObject> object(const QString &key, bool required)
    {
        const QJsonValue value = presentValue(key, required, QJsonValue::Object);
        if (value.isUndefined())
            return std::nullopt;
        return value.toObject();
    }

private:
    // The value under key if it is there and of the expected type; Undefined otherwise (with the reason noted).
    QJsonValue presentValue(const QString &key, bool required, QJsonValue::Type expected)
    {
        if (!has(key)) {
            if (required)
                fail(tr("“%1” is missing.").arg(keyPath(key)));
            return QJsonValue(QJsonValue::Undefined);
        }
        const QJsonValue value = m_object.value(key);
        if (value.type() != expected) {
            fail(tr("“%1” must be %2, not %3.")
                     .arg(keyPath(key), StrictJson::typeName(expected), StrictJson::typeName(value.type())));
            return QJsonValue(QJsonValue::Undefined);
        }
        return value;
    }

    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

EventPatient readPatient(ObjectReader &reader)
{
    reader.rejectUnknownKeys(
        {QStringLiteral("mrn"), QStringLiteral("familyName"), QStringLiteral("givenName"), QStringLiteral("birthDate")});
    EventPatient patient;
    patient.mrn = reader.string(QStringLiteral("mrn"), true);
    patient.familyName = reader.string(QStringLiteral("familyName"), true);
    patient.givenName = reader.string(QStringLiteral("givenName"), true);
    patient.birthDate = reader.date(QStringLiteral("birthDate"), false);
    return patient;
}

EventPdf readPdf(ObjectReader &reader)
{
    reader.rejectUnknownKeys({QStringLiteral("contentType"), QStringLiteral("title"), QStringLiteral("data")});
    EventPdf pdf;
    pdf.contentType = reader.string(QStringLiteral("contentType"), true);
    pdf.title = reader.string(QStringLiteral("title"), false);
    const QString data = reader.string(QStringLiteral("data"), true);
    pdf.base64 = data.toLatin1();
    // Strict decoding: a payload must never carry a document the receiver cannot open.
    const auto decoded = QByteArray::fromBase64Encoding(pdf.base64, QByteArray::AbortOnBase64DecodingErrors);
    if (!data.isEmpty() && (!decoded || pdf.base64.size() % 4 != 0))
        reader.fail(Event::tr("“%1” is not valid base64.").arg(reader.keyPath(QStringLiteral("data"))));
    return pdf;
}

EventReport readReport(ObjectReader &reader, QString *error)
{
    reader.rejectUnknownKeys({QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("status"),
                              QStringLiteral("clinic"), QStringLiteral("physician"), QStringLiteral("createdAt"),
                              QStringLiteral("completedAt"), QStringLiteral("link"), QStringLiteral("conclusion"),
                              QStringLiteral("pdf")});
    EventReport report;
    report.id = reader.string(QStringLiteral("id"), true);
    report.kind = reader.choice(QStringLiteral("kind"), reportKindKeys);
    report.status = reader.choice(QStringLiteral("status"), reportStatusKeys);
    report.clinic = reader.string(QStringLiteral("clinic"), false);
    report.physician = reader.string(QStringLiteral("physician"), false);
    report.createdAt = reader.dateTime(QStringLiteral("createdAt"), true);
    report.completedAt = reader.dateTime(QStringLiteral("completedAt"), false);
    report.link = reader.url(QStringLiteral("link"), true);
    report.conclusion = reader.string(QStringLiteral("conclusion"), false);
    if (const auto pdfObject = reader.object(QStringLiteral("pdf"), false)) {
        ObjectReader pdfReader(*pdfObject, reader.keyPath(QStringLiteral("pdf")), error);
        report.pdf = readPdf(pdfReader);
    }
    return report;
}

EventBattery readBattery(ObjectReader &reader)
{
    reader.rejectUnknownKeys({QStringLiteral("manufacturer"), QStringLiteral("model"), QStringLiteral("serial"),
                              QStringLiteral("percentage"), QStringLiteral("status"), QStringLiteral("longevityMonths")});
    EventBattery battery;
    battery.manufacturer = reader.string(QStringLiteral("manufacturer"), true);
    battery.model = reader.string(QStringLiteral("model"), true);
    battery.serial = reader.string(QStringLiteral("serial"), false);
    battery.percentage = reader.integer(QStringLiteral("percentage"), true, 0, 100).value_or(0);
    battery.status = reader.choice(QStringLiteral("status"), batteryStatusKeys);
    battery.longevityMonths = reader.integer(QStringLiteral("longevityMonths"), false, 0, 600);
    return battery;
}

EventTask readTask(ObjectReader &reader)
{
    reader.rejectUnknownKeys({QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("assignee"),
                              QStringLiteral("priority"), QStringLiteral("dueDate"), QStringLiteral("daysOverdue"),
                              QStringLiteral("link")});
    EventTask task;
    task.id = reader.string(QStringLiteral("id"), true);
    task.title = reader.string(QStringLiteral("title"), true);
    task.assignee = reader.string(QStringLiteral("assignee"), false);
    task.priority = reader.choice(QStringLiteral("priority"), taskPriorityKeys);
    task.dueDate = reader.date(QStringLiteral("dueDate"), true);
    task.daysOverdue = reader.integer(QStringLiteral("daysOverdue"), false, 0, 36500).value_or(0);
    task.link = reader.url(QStringLiteral("link"), true);
    return task;
}

EventWebhookAlert readWebhookAlert(ObjectReader &reader)
{
    reader.rejectUnknownKeys({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("integration"),
                              QStringLiteral("host"), QStringLiteral("consecutiveFailures"),
                              QStringLiteral("failingSince"), QStringLiteral("disableAt"), QStringLiteral("lastError"),
                              QStringLiteral("disabledBecause"), QStringLiteral("link")});
    EventWebhookAlert alert;
    alert.id = reader.string(QStringLiteral("id"), true);
    alert.name = reader.string(QStringLiteral("name"), true);
    alert.integration = reader.string(QStringLiteral("integration"), true);
    alert.host = reader.string(QStringLiteral("host"), false);
    alert.consecutiveFailures = reader.integer(QStringLiteral("consecutiveFailures"), false, 0, 100000000).value_or(0);
    alert.failingSince = reader.dateTime(QStringLiteral("failingSince"), false);
    alert.disableAt = reader.dateTime(QStringLiteral("disableAt"), false);
    alert.lastError = reader.string(QStringLiteral("lastError"), false);
    alert.disabledBecause = reader.string(QStringLiteral("disabledBecause"), false);
    if (!alert.disabledBecause.isEmpty() && alert.disabledBecause != QLatin1String("gone")
        && alert.disabledBecause != QLatin1String("failing"))
        reader.fail(Event::tr("“%1” must be one of gone, failing, not “%2”.")
                        .arg(reader.keyPath(QStringLiteral("disabledBecause")), alert.disabledBecause));
    alert.link = reader.url(QStringLiteral("link"), false);
    return alert;
}

EventFailedDelivery readFailedDelivery(ObjectReader &reader)
{
    reader.rejectUnknownKeys({QStringLiteral("messageId"), QStringLiteral("eventId"), QStringLiteral("eventType"),
                              QStringLiteral("attempts"), QStringLiteral("lastError")});
    EventFailedDelivery delivery;
    delivery.messageId = reader.string(QStringLiteral("messageId"), true);
    delivery.eventId = reader.string(QStringLiteral("eventId"), true);
    delivery.eventType = reader.string(QStringLiteral("eventType"), true);
    delivery.attempts = reader.integer(QStringLiteral("attempts"), true, 0, 1000000).value_or(0);
    delivery.lastError = reader.string(QStringLiteral("lastError"), false);
    return delivery;
}

void putString(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void putDateTime(QJsonObject &object, const QString &key, const QDateTime &value)
{
    if (value.isValid())
        object.insert(key, EventKeys::timestamp(value));
}

void putDate(QJsonObject &object, const QString &key, const QDate &value)
{
    if (value.isValid())
        object.insert(key, value.toString(Qt::ISODate));
}

} // namespace

QString EventPatient::initials() const
{
    auto firstGrapheme = [](const QString &name) {
        const QString trimmed = name.trimmed();
        QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, trimmed);
        const qsizetype end = finder.toNextBoundary();
        return end > 0 ? trimmed.left(end).toUpper() : QString();
    };
    QStringList parts;
    for (const QString &name : {givenName, familyName}) {
        const QString initial = firstGrapheme(name);
        if (!initial.isEmpty())
            parts.append(initial + QLatin1Char('.'));
    }
    return parts.join(QLatin1Char(' '));
}

QString EventPatient::fullName() const
{
    return QStringList{givenName, familyName}.join(QLatin1Char(' ')).trimmed();
}

std::optional<Event> Event::fromFile(const QString &path, QString *errorMessage)
{
    QString error;
    const std::optional<QByteArray> contents = BoundedFile::read(path, BoundedFile::eventSampleMaxBytes, &error);
    if (!contents) {
        *errorMessage = tr("Cannot read %1: %2").arg(path, error);
        return std::nullopt;
    }
    std::optional<Event> event = fromJson(*contents, &error);
    if (!event)
        *errorMessage = tr("%1: %2").arg(path, error);
    return event;
}

std::optional<Event> Event::fromJson(const QByteArray &json, QString *errorMessage)
{
    QString error;
    const Result<QJsonObject> parsed =
        StrictJson::parseObject(json, tr("The event"), tr("The event must be a JSON object ({ … })."));
    if (!parsed)
        error = parsed.message();

    Event event;
    if (error.isEmpty()) {
        ObjectReader reader(*parsed, QString(), &error);
        reader.rejectUnknownKeys({QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("timestamp"),
                                  QStringLiteral("patient"), QStringLiteral("report"), QStringLiteral("battery"),
                                  QStringLiteral("task"), QStringLiteral("webhook"), QStringLiteral("delivery")});
        event.id = reader.string(QStringLiteral("id"), true);
        event.type = reader.string(QStringLiteral("type"), true);
        const EventType *eventType = EventCatalog::find(event.type);
        if (reader.ok() && !eventType) {
            QStringList names;
            for (const EventType &known : EventCatalog::builtIn())
                names.append(known.name);
            reader.fail(tr("“%1” is not a goReporter event type; expected one of: %2.")
                            .arg(event.type, names.join(QStringLiteral(", "))));
        }
        event.timestamp = reader.dateTime(QStringLiteral("timestamp"), true);

        const EventCategory category = eventType ? eventType->category : EventCategory::Report;
        if (const auto patient = reader.object(QStringLiteral("patient"), false)) {
            ObjectReader patientReader(*patient, QStringLiteral("patient"), &error);
            event.patient = readPatient(patientReader);
        }
        // Battery events carry the interrogation report that measured the battery: Epic files them as its result.
        const bool needsReport = category == EventCategory::Report || category == EventCategory::Battery;
        if (const auto report = reader.object(QStringLiteral("report"), needsReport && eventType)) {
            ObjectReader reportReader(*report, QStringLiteral("report"), &error);
            event.report = readReport(reportReader, &error);
        }
        if (const auto battery = reader.object(QStringLiteral("battery"), category == EventCategory::Battery && eventType)) {
            ObjectReader batteryReader(*battery, QStringLiteral("battery"), &error);
            event.battery = readBattery(batteryReader);
        }
        if (const auto task = reader.object(QStringLiteral("task"), category == EventCategory::Task && eventType)) {
            ObjectReader taskReader(*task, QStringLiteral("task"), &error);
            event.task = readTask(taskReader);
        }
        if (const auto webhook = reader.object(QStringLiteral("webhook"), category == EventCategory::Operations && eventType)) {
            ObjectReader webhookReader(*webhook, QStringLiteral("webhook"), &error);
            event.webhook = readWebhookAlert(webhookReader);
        }
        if (const auto delivery = reader.object(QStringLiteral("delivery"),
                                                event.type == QLatin1String("delivery.exhausted"))) {
            ObjectReader deliveryReader(*delivery, QStringLiteral("delivery"), &error);
            event.delivery = readFailedDelivery(deliveryReader);
        }
        if (reader.ok() && event.type == QLatin1String("task.overdue") && event.task && event.task->daysOverdue < 1)
            reader.fail(tr("“task.daysOverdue” must be at least 1 for a task.overdue event."));
    }

    if (!error.isEmpty()) {
        if (errorMessage)
            *errorMessage = error;
        return std::nullopt;
    }
    return event;
}

QByteArray Event::toJson() const
{
    return QJsonDocument(toJsonObject()).toJson(QJsonDocument::Indented);
}

QJsonObject Event::toJsonObject() const
{
    QJsonObject root;
    root.insert(QStringLiteral("id"), id);
    root.insert(QStringLiteral("type"), type);
    putDateTime(root, QStringLiteral("timestamp"), timestamp);
    if (patient) {
        QJsonObject object;
        putString(object, QStringLiteral("mrn"), patient->mrn);
        putString(object, QStringLiteral("familyName"), patient->familyName);
        putString(object, QStringLiteral("givenName"), patient->givenName);
        putDate(object, QStringLiteral("birthDate"), patient->birthDate);
        root.insert(QStringLiteral("patient"), object);
    }
    if (report) {
        QJsonObject object;
        putString(object, QStringLiteral("id"), report->id);
        object.insert(QStringLiteral("kind"), EventKeys::reportKind(report->kind));
        object.insert(QStringLiteral("status"), EventKeys::reportStatus(report->status));
        putString(object, QStringLiteral("clinic"), report->clinic);
        putString(object, QStringLiteral("physician"), report->physician);
        putDateTime(object, QStringLiteral("createdAt"), report->createdAt);
        putDateTime(object, QStringLiteral("completedAt"), report->completedAt);
        putString(object, QStringLiteral("link"), report->link.toString(QUrl::FullyEncoded));
        putString(object, QStringLiteral("conclusion"), report->conclusion);
        if (report->pdf) {
            QJsonObject pdf;
            putString(pdf, QStringLiteral("contentType"), report->pdf->contentType);
            putString(pdf, QStringLiteral("title"), report->pdf->title);
            pdf.insert(QStringLiteral("data"), QString::fromLatin1(report->pdf->base64));
            object.insert(QStringLiteral("pdf"), pdf);
        }
        root.insert(QStringLiteral("report"), object);
    }
    if (battery) {
        QJsonObject object;
        putString(object, QStringLiteral("manufacturer"), battery->manufacturer);
        putString(object, QStringLiteral("model"), battery->model);
        putString(object, QStringLiteral("serial"), battery->serial);
        object.insert(QStringLiteral("percentage"), battery->percentage);
        object.insert(QStringLiteral("status"), EventKeys::batteryStatus(battery->status));
        if (battery->longevityMonths)
            object.insert(QStringLiteral("longevityMonths"), *battery->longevityMonths);
        root.insert(QStringLiteral("battery"), object);
    }
    if (task) {
        QJsonObject object;
        putString(object, QStringLiteral("id"), task->id);
        putString(object, QStringLiteral("title"), task->title);
        putString(object, QStringLiteral("assignee"), task->assignee);
        object.insert(QStringLiteral("priority"), EventKeys::taskPriority(task->priority));
        putDate(object, QStringLiteral("dueDate"), task->dueDate);
        if (task->daysOverdue > 0)
            object.insert(QStringLiteral("daysOverdue"), task->daysOverdue);
        putString(object, QStringLiteral("link"), task->link.toString(QUrl::FullyEncoded));
        root.insert(QStringLiteral("task"), object);
    }
    if (webhook) {
        QJsonObject object;
        putString(object, QStringLiteral("id"), webhook->id);
        putString(object, QStringLiteral("name"), webhook->name);
        putString(object, QStringLiteral("integration"), webhook->integration);
        putString(object, QStringLiteral("host"), webhook->host);
        object.insert(QStringLiteral("consecutiveFailures"), webhook->consecutiveFailures);
        putDateTime(object, QStringLiteral("failingSince"), webhook->failingSince);
        putDateTime(object, QStringLiteral("disableAt"), webhook->disableAt);
        putString(object, QStringLiteral("lastError"), webhook->lastError);
        putString(object, QStringLiteral("disabledBecause"), webhook->disabledBecause);
        putString(object, QStringLiteral("link"), webhook->link.toString(QUrl::FullyEncoded));
        root.insert(QStringLiteral("webhook"), object);
    }
    if (delivery) {
        QJsonObject object;
        putString(object, QStringLiteral("messageId"), delivery->messageId);
        putString(object, QStringLiteral("eventId"), delivery->eventId);
        putString(object, QStringLiteral("eventType"), delivery->eventType);
        object.insert(QStringLiteral("attempts"), delivery->attempts);
        putString(object, QStringLiteral("lastError"), delivery->lastError);
        root.insert(QStringLiteral("delivery"), object);
    }
    return root;
}

QUrl Event::link() const
{
    if (task)
        return task->link;
    if (webhook)
        return webhook->link;
    if (report)
        return report->link;
    return {};
}

namespace EventKeys {

QString reportKind(ReportKind kind) { return keyOf(reportKindKeys, kind); }
QString reportStatus(ReportStatus status) { return keyOf(reportStatusKeys, status); }
QString batteryStatus(BatteryStatus status) { return keyOf(batteryStatusKeys, status); }
QString taskPriority(TaskPriority priority) { return keyOf(taskPriorityKeys, priority); }

QString timestamp(const QDateTime &dateTime)
{
    const QDateTime utc = dateTime.toUTC();
    return utc.toString(utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

} // namespace EventKeys

namespace EventTexts {

QString reportKind(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Pacemaker: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "Pacemaker interrogation"));
    case ReportKind::Icd: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "ICD interrogation"));
    case ReportKind::LoopRecorder: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "Loop recorder interrogation"));
    }
    return {};
}

QString reportStatus(ReportStatus status)
{
    switch (status) {
    case ReportStatus::Preliminary: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "Preliminary"));
    case ReportStatus::Final: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "Final"));
    case ReportStatus::Amended: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "Amended"));
    case ReportStatus::Cancelled: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "Cancelled"));
    }
    return {};
}

QString batteryStatus(BatteryStatus status)
{
    switch (status) {
    case BatteryStatus::Ok: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "OK"));
    case BatteryStatus::Low: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "Low"));
    case BatteryStatus::Eri: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "Elective replacement indicator (ERI)"));
    case BatteryStatus::Eol: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "End of life (EOL)"));
    }
    return {};
}

QString taskPriority(TaskPriority priority)
{
    switch (priority) {
    case TaskPriority::Low: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "Low"));
    case TaskPriority::Normal: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "Normal"));
    case TaskPriority::High: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "High"));
    case TaskPriority::Urgent: return PayloadText::translated("Event", QT_TRANSLATE_NOOP("Event", "Urgent"));
    }
    return {};
}

} // namespace EventTexts
