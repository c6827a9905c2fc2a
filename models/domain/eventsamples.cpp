// Invented events for previews, golden files and benchmarks: realistic in shape, about no real person.
#include "models/domain/event.h"

#include <QUuid>
#include <QList>

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

QUrl goReporterUrl(const QString &path)
{
    // example.org is reserved for documentation, so a sample can never reach a real goReporter.
    return QUrl(QStringLiteral("https://goreporter.example.org/") + path);
}

// A one-page PDF that says what it is; the cross-reference offsets are computed so that readers open it cleanly.
QByteArray samplePdf()
{
    const QByteArray text = "(Synthetic sample report - no real patient) Tj";
    const QByteArray content = "BT /F1 14 Tf 72 770 Td " + text + " ET\n";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xrefOffset = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
           + QByteArray::number(xrefOffset) + "\n%%EOF\n";
    return pdf;
}

EventPatient zoe()
{
    return {QStringLiteral("GR-0042-7731"), QStringLiteral("Müller-Lüdenscheidt"), QStringLiteral("Zoë"),
            QDate(1948, 5, 2)};
}

EventPatient joseAngel()
{
    return {QStringLiteral("GR-0017-2208"), QStringLiteral("Núñez Peñalosa"), QStringLiteral("José Ángel"),
            QDate(1961, 11, 23)};
}

EventReport interrogation(const QString &id, ReportKind kind, ReportStatus status)
{
    EventReport report;
    report.id = id;
    report.kind = kind;
    report.status = status;
    report.clinic = QStringLiteral("Herzzentrum Süd – Device Clinic");
    report.physician = QStringLiteral("Dr. Aurélie Dubois");
    report.createdAt = utc(2026, 3, 14, 8, 12);
    report.link = goReporterUrl(QStringLiteral("reports/") + id);
    return report;
}

} // namespace

namespace EventSamples {

Event sample(const QString &eventType)
{
    Event event;
    event.type = eventType;
    event.timestamp = utc(2026, 3, 14, 9, 26, 53);

    if (eventType == QLatin1String("report.created")) {
        event.id = QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a01");
        event.patient = joseAngel();
        event.report = interrogation(QStringLiteral("R-2026-004210"), ReportKind::Icd, ReportStatus::Preliminary);
        event.timestamp = event.report->createdAt;
    } else if (eventType == QLatin1String("report.completed")) {
        event.id = QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a02");
        event.patient = zoe();
        event.report = interrogation(QStringLiteral("R-2026-004211"), ReportKind::Pacemaker, ReportStatus::Final);
        event.report->completedAt = utc(2026, 3, 14, 9, 26, 53);
        event.report->conclusion =
            QStringLiteral("Normal device function. Sensing, thresholds and impedances stable; no arrhythmia episodes "
                           "since the last follow-up.");
        event.report->pdf = EventPdf{QStringLiteral("application/pdf"),
                                     QStringLiteral("Pacemaker interrogation R-2026-004211"), samplePdf().toBase64()};
    } else if (eventType == QLatin1String("battery.low")) {
        event.id = QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a03");
        event.patient = zoe();
        event.report = interrogation(QStringLiteral("R-2026-004212"), ReportKind::Pacemaker, ReportStatus::Final);
        event.report->completedAt = utc(2026, 3, 14, 9, 20);
        event.battery = EventBattery{QStringLiteral("Medtronic"), QStringLiteral("Azure XT DR MRI"),
                                     QStringLiteral("RNB600712S"), 18, BatteryStatus::Low, 14};
    } else if (eventType == QLatin1String("battery.critical")) {
        event.id = QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a04");
        event.patient = joseAngel();
        event.report = interrogation(QStringLiteral("R-2026-004213"), ReportKind::Icd, ReportStatus::Preliminary);
        event.battery = EventBattery{QStringLiteral("Biotronik"), QStringLiteral("Rivacor 7 VR-T"),
                                     QStringLiteral("68342197"), 3, BatteryStatus::Eri, 3};
    } else if (eventType == QLatin1String("task.created")) {
        event.id = QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a05");
        event.patient = joseAngel();
        event.task = EventTask{QStringLiteral("T-88120"), QStringLiteral("Schedule generator change"),
                               QStringLiteral("Mª Carmen Íñiguez, RN"), TaskPriority::High, QDate(2026, 3, 20), 0,
                               goReporterUrl(QStringLiteral("tasks/T-88120"))};
    } else if (eventType == QLatin1String("task.due")) {
        event.id = QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a06");
        event.patient = zoe();
        event.task = EventTask{QStringLiteral("T-88097"), QStringLiteral("Review remote transmission"),
                               QStringLiteral("Dr. Aurélie Dubois"), TaskPriority::Normal, QDate(2026, 3, 14), 0,
                               goReporterUrl(QStringLiteral("tasks/T-88097"))};
    } else if (eventType == QLatin1String("task.overdue")) {
        event.id = QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a07");
        event.patient = zoe();
        event.task = EventTask{QStringLiteral("T-88054"), QStringLiteral("Confirm wound check after lead revision"),
                               QStringLiteral("Søren Kjærgaard, RN"), TaskPriority::Urgent, QDate(2026, 3, 9), 5,
                               goReporterUrl(QStringLiteral("tasks/T-88054"))};
    } else if (eventType.startsWith(QLatin1String("webhook.")) || eventType == QLatin1String("delivery.exhausted")) {
        EventWebhookAlert alert;
        alert.id = QStringLiteral("6f1d2c3b-8a4e-4f5d-9b7c-1e2a3b4c5d6e");
        alert.name = QStringLiteral("Device clinic – Teams");
        alert.integration = QStringLiteral("teams");
        alert.host = QStringLiteral("prod-12.westeurope.logic.azure.com");
        alert.consecutiveFailures = 14;
        alert.failingSince = utc(2026, 3, 13, 22, 4, 11);
        alert.lastError = QStringLiteral("transient: http-5xx: HTTP 503 Service Unavailable");
        alert.link = goReporterUrl(QStringLiteral("help/webhook-alerts"));
        if (eventType == QLatin1String("webhook.failing")) {
            event.id = QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a08");
            alert.disableAt = utc(2026, 3, 18, 22, 4, 11);
        } else if (eventType == QLatin1String("webhook.disabled")) {
            event.id = QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a09");
            alert.consecutiveFailures = 61;
            alert.disabledBecause = QStringLiteral("failing");
            event.timestamp = utc(2026, 3, 18, 22, 4, 15);
        } else if (eventType == QLatin1String("webhook.recovered")) {
            event.id = QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a10");
            alert.lastError.clear();
        } else {
            event.id = QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a11");
            event.delivery = EventFailedDelivery{QStringLiteral("msg_3c9a1f0e7b2d4c6a8e5f1a2b3c4d5e6f"),
                                                 QStringLiteral("0b9e6a52-3f1c-4d8e-9a41-5c2f7e8d1a04"),
                                                 QStringLiteral("battery.critical"), 8,
                                                 QStringLiteral("transient: http-5xx: HTTP 503 Service Unavailable")};
        }
        event.webhook = alert;
    } else {
        return {};
    }
    return event;
}

} // namespace EventSamples

Event EventSamples::forTestSend(const QString &eventType)
{
    Event event = sample(eventType);
    event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return event;
}
