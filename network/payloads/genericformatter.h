// The generic webhook payload: a stable JSON envelope any receiver can parse.
#pragma once

#include "network/payloads/payloadformatter.h"

#include <QCoreApplication>
#include <QJsonObject>

// {"id": event id, "type": event type, "timestamp": ISO 8601 UTC, "data": {patient, report, battery, task}}
// where data has the keys of the event file format (Event::toJson), cleared to the webhook's PHI level, and the
// patient's "initials" added. Keys are sorted; the body is compact UTF-8 JSON.
class GenericFormatter : public PayloadFormatter
{
    Q_DECLARE_TR_FUNCTIONS(GenericFormatter)
public:
    WebhookKind kind() const override { return WebhookKind::Generic; }
    bool supports(const QString &eventType) const override;
    std::optional<Payload> format(const Event &event, PhiLevel phi, QString *errorMessage) const override;

    // The envelope as a JSON object; Slack shows the same object as its "raw event".
    static QJsonObject envelope(const Event &event, PhiLevel phi);
};
