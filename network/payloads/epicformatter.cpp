// Building FHIR R4 DiagnosticReports with a contained battery Observation.
#include "network/payloads/epicformatter.h"

#include "models/domain/payloadtext.h"

#include "models/domain/eventtype.h"
#include "network/payloads/phiview.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

const QString mdcSystem = QStringLiteral("urn:iso:std:iso:11073:10101");
const QString ucumSystem = QStringLiteral("http://unitsofmeasure.org");
const QString batteryObservationId = QStringLiteral("battery");

QJsonObject coding(const QString &system, const QString &code)
{
    return QJsonObject{{QStringLiteral("system"), system}, {QStringLiteral("code"), code}};
}

QJsonObject codeableConcept(const QString &system, const QString &code, const QString &text)
{
    return QJsonObject{{QStringLiteral("coding"), QJsonArray{coding(system, code)}}, {QStringLiteral("text"), text}};
}

QJsonObject quantity(int value, const QString &ucumCode)
{
    return QJsonObject{{QStringLiteral("value"), value},
                       {QStringLiteral("unit"), ucumCode},
                       {QStringLiteral("system"), ucumSystem},
                       {QStringLiteral("code"), ucumCode}};
}

// The patient by MRN: how Epic matches an inbound result to a chart. The name is only a display aid, at full PHI.
QJsonObject patientReference(const PhiView &view)
{
    const EventPatient &patient = *view.event().patient;
    QJsonObject identifier{
        {QStringLiteral("type"), codeableConcept(QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0203"),
                                                 QStringLiteral("MR"), PayloadText::translated("EpicFormatter", QT_TRANSLATE_NOOP("EpicFormatter", "Medical record number")))},
        {QStringLiteral("value"), patient.mrn}};
    QJsonObject reference{{QStringLiteral("type"), QStringLiteral("Patient")},
                          {QStringLiteral("identifier"), identifier}};
    if (view.level() == PhiLevel::Full && !patient.fullName().isEmpty())
        reference.insert(QStringLiteral("display"), patient.fullName());
    return reference;
}

QJsonObject batteryObservation(const PhiView &view, const QString &status)
{
    const Event &event = view.event();
    const EventBattery &battery = *event.battery;
    QJsonArray components{
        QJsonObject{{QStringLiteral("code"),
                     codeableConcept(mdcSystem, QStringLiteral("721280"), PayloadText::translated("EpicFormatter", QT_TRANSLATE_NOOP("EpicFormatter", "Battery status")))},
                    {QStringLiteral("valueCodeableConcept"),
                     QJsonObject{{QStringLiteral("text"), EventTexts::batteryStatus(battery.status)}}}},
        QJsonObject{{QStringLiteral("code"), codeableConcept(mdcSystem, QStringLiteral("721536"),
                                                             PayloadText::translated("EpicFormatter", QT_TRANSLATE_NOOP("EpicFormatter", "Battery remaining percentage")))},
                    {QStringLiteral("valueQuantity"), quantity(battery.percentage, QStringLiteral("%"))}},
    };
    if (battery.longevityMonths) {
        components.append(QJsonObject{{QStringLiteral("code"), codeableConcept(mdcSystem, QStringLiteral("721472"),
                                                                              PayloadText::translated("EpicFormatter", QT_TRANSLATE_NOOP("EpicFormatter", "Battery remaining longevity")))},
                                      {QStringLiteral("valueQuantity"), quantity(*battery.longevityMonths, QStringLiteral("mo"))}});
    }
    QJsonObject observation{
        {QStringLiteral("resourceType"), QStringLiteral("Observation")},
        {QStringLiteral("id"), batteryObservationId},
        {QStringLiteral("status"), status},
        {QStringLiteral("code"), QJsonObject{{QStringLiteral("text"), PayloadText::translated("EpicFormatter", QT_TRANSLATE_NOOP("EpicFormatter", "Implanted device battery"))}}},
        {QStringLiteral("component"), components},
    };
    if (event.patient)
        observation.insert(QStringLiteral("subject"), patientReference(view));
    if (event.report->createdAt.isValid())
        observation.insert(QStringLiteral("effectiveDateTime"), EventKeys::timestamp(event.report->createdAt));
    QString device = QStringList{battery.manufacturer, battery.model}.join(QLatin1Char(' ')).trimmed();
    if (!battery.serial.isEmpty())
        device = PayloadText::translated("EpicFormatter", QT_TRANSLATE_NOOP("EpicFormatter", "%1, serial number %2")).arg(device, battery.serial);
    if (!device.isEmpty())
        observation.insert(QStringLiteral("device"), QJsonObject{{QStringLiteral("display"), device}});
    return observation;
}

} // namespace

bool EpicFormatter::supports(const QString &eventType) const
{
    const EventType *type = EventCatalog::find(eventType);
    return type && type->mapsToDiagnosticReport;
}

QString EpicFormatter::refusal(const QString &eventType)
{
    if (!EventCatalog::find(eventType))
        return tr("“%1” is not a goReporter event type.").arg(eventType);
    return tr("Epic receives FHIR DiagnosticReports, which exist only for report and battery events; “%1” cannot be "
              "sent to Epic.")
        .arg(eventType);
}

QJsonObject EpicFormatter::diagnosticReport(const Event &event, PhiLevel phi)
{
    const EventType *type = EventCatalog::find(event.type);
    if (!type || !type->mapsToDiagnosticReport || !event.report)
        return {};
    const PhiView view(event, phi);
    const Event &visible = view.event();
    const EventReport &report = *visible.report;
    // goReporter's report states are a subset of FHIR's DiagnosticReport status codes, with the same names.
    const QString status = EventKeys::reportStatus(report.status);

    QJsonObject resource{
        {QStringLiteral("resourceType"), QStringLiteral("DiagnosticReport")},
        {QStringLiteral("status"), status},
        {QStringLiteral("category"),
         QJsonArray{QJsonObject{{QStringLiteral("coding"),
                                 QJsonArray{coding(QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0074"),
                                                   QStringLiteral("EC"))}}}}},
        {QStringLiteral("code"), codeableConcept(QStringLiteral("http://loinc.org"), QStringLiteral("10191-5"),
                                                 PayloadText::translated("EpicFormatter", QT_TRANSLATE_NOOP("EpicFormatter", "%1 report")).arg(EventTexts::reportKind(report.kind)))},
        {QStringLiteral("issued"),
         EventKeys::timestamp(report.completedAt.isValid() ? report.completedAt : visible.timestamp)},
    };
    // The report's address in goReporter identifies it uniquely without any site-specific identifier system.
    if (report.link.isValid()) {
        resource.insert(QStringLiteral("identifier"),
                        QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:ietf:rfc:3986")},
                                               {QStringLiteral("value"), report.link.toString(QUrl::FullyEncoded)}}});
    }
    if (visible.patient)
        resource.insert(QStringLiteral("subject"), patientReference(view));
    if (report.createdAt.isValid())
        resource.insert(QStringLiteral("effectiveDateTime"), EventKeys::timestamp(report.createdAt));

    QJsonArray performers;
    if (!report.physician.isEmpty())
        performers.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Practitioner")},
                                      {QStringLiteral("display"), report.physician}});
    if (!report.clinic.isEmpty())
        performers.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Organization")},
                                      {QStringLiteral("display"), report.clinic}});
    if (!performers.isEmpty())
        resource.insert(QStringLiteral("performer"), performers);

    QStringList conclusion;
    if (visible.battery) {
        resource.insert(QStringLiteral("contained"), QJsonArray{batteryObservation(view, status)});
        resource.insert(QStringLiteral("result"),
                        QJsonArray{QJsonObject{{QStringLiteral("reference"), QString(QLatin1Char('#') + batteryObservationId)},
                                               {QStringLiteral("display"), PayloadText::translated("EpicFormatter", QT_TRANSLATE_NOOP("EpicFormatter", "Implanted device battery"))}}});
        const EventBattery &battery = *visible.battery;
        QString finding = PayloadText::translated("EpicFormatter", QT_TRANSLATE_NOOP("EpicFormatter", "Battery %1 %, %2.")).arg(battery.percentage).arg(EventTexts::batteryStatus(battery.status));
        if (battery.longevityMonths)
            finding += QLatin1Char(' ') + PayloadText::translated("EpicFormatter", QT_TRANSLATE_NOOP("EpicFormatter", "Estimated remaining longevity (months): %1.")).arg(*battery.longevityMonths);
        conclusion.append(finding);
    }
    if (!report.conclusion.trimmed().isEmpty())
        conclusion.append(report.conclusion.trimmed());
    if (!conclusion.isEmpty())
        resource.insert(QStringLiteral("conclusion"), conclusion.join(QLatin1Char(' ')));

    if (report.pdf) {
        QJsonObject attachment{{QStringLiteral("contentType"), report.pdf->contentType},
                               {QStringLiteral("data"), QString::fromLatin1(report.pdf->base64)}};
        if (!report.pdf->title.isEmpty())
            attachment.insert(QStringLiteral("title"), report.pdf->title);
        resource.insert(QStringLiteral("presentedForm"), QJsonArray{attachment});
    }
    return resource;
}

std::optional<Payload> EpicFormatter::format(const Event &event, PhiLevel phi, QString *errorMessage) const
{
    if (!supports(event.type)) {
        if (errorMessage)
            *errorMessage = refusal(event.type);
        return std::nullopt;
    }
    if (!event.report) {
        if (errorMessage)
            *errorMessage = tr("The %1 event has no report, so there is no DiagnosticReport to send to Epic.").arg(event.type);
        return std::nullopt;
    }
    Payload payload;
    payload.body = QJsonDocument(diagnosticReport(event, phi)).toJson(QJsonDocument::Compact);
    payload.headers = {{"Content-Type", "application/fhir+json"}, {"Accept", "application/fhir+json"}};
    if (!event.patient || phi == PhiLevel::None)
        payload.warnings.append(tr("The DiagnosticReport names no patient (PHI level “%1”): Epic cannot file it to a "
                                   "chart. Epic webhooks normally use PHI level “full”.")
                                    .arg(PhiLevels::displayName(phi)));
    if (event.report->pdf && phi != PhiLevel::Full)
        payload.warnings.append(tr("The report's PDF is only sent at PHI level “full”; this DiagnosticReport has no "
                                   "presentedForm."));
    return payload;
}
