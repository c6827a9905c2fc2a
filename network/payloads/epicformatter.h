// Epic (FHIR R4): a DiagnosticReport for report and battery events, filed to the patient's chart by MRN.
#pragma once

#include "network/payloads/payloadformatter.h"

#include <QCoreApplication>
#include <QJsonObject>

// The resource, as application/fhir+json (https://hl7.org/fhir/R4/diagnosticreport.html):
//   status             the report's state (preliminary, final, amended, cancelled: the same FHIR codes)
//   category           HL7 v2 table 0074 "EC" (electrocardiac)
//   code               LOINC 10191-5, as HL7's CardX-CIED guide codes device interrogation reports
//                      (https://build.fhir.org/ig/HL7/CardX-CIED/en/DiagnosticReport-IDCO1DiagnosticReport.html),
//                      with the report type as text
//   subject            the patient by MRN identifier (type v2-0203 "MR"); left out at PHI level none
//   effectiveDateTime  when the report was created; issued: when it was signed off, else the event's time
//   performer          physician and clinic by name (from PHI level limited)
//   conclusion         the battery findings and, at full PHI, the physician's conclusion
//   presentedForm      the PDF, at full PHI
//   result/contained   battery events: one contained Observation "#battery" with IEEE 11073 MDC components
//                      721280 battery status, 721536 remaining percentage, 721472 remaining longevity
// Task events have no DiagnosticReport and are refused.
class EpicFormatter : public PayloadFormatter
{
    Q_DECLARE_TR_FUNCTIONS(EpicFormatter)
public:
    WebhookKind kind() const override { return WebhookKind::Epic; }
    bool supports(const QString &eventType) const override;
    std::optional<Payload> format(const Event &event, PhiLevel phi, QString *errorMessage) const override;

    // The DiagnosticReport as JSON, or an empty object for an event that cannot become one.
    static QJsonObject diagnosticReport(const Event &event, PhiLevel phi);
    // Why an event type cannot go to Epic: the message the editor and the preview show.
    static QString refusal(const QString &eventType);
};
