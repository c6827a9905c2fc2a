// Turns a configured webhook and a formatted payload into the request the sender sends, and its result into a log row.
#pragma once

#include "models/domain/deliveryrecord.h"
#include "models/domain/event.h"
#include "models/domain/webhook.h"
#include "network/transport/epicauth.h"
#include "network/payloads/payloadformatter.h"
#include "network/transport/webhooksender.h"

#include <QCoreApplication>

#include <optional>

class WebhookDelivery
{
    Q_DECLARE_TR_FUNCTIONS(WebhookDelivery)
public:
    // Inactivity allowed within the webhook's overall timeout.
    static constexpr int InactivityTimeoutMs = 10000;

    // Payload headers, then the administrator's headers, then (generic webhooks with secrets) the Standard Webhooks
    // headers for messageId and timestamp. Epic webhooks post to {FHIR base}/DiagnosticReport with a token obtained
    // with epicKey. Fails when a generic webhook's secret is malformed or Epic settings are incomplete.
    static std::optional<DeliveryRequest> build(const Webhook &webhook, const Payload &payload,
                                                const QStringList &signingSecrets, const QByteArray &messageId,
                                                qint64 timestamp, const EpicKey &epicKey, QString *error);

    // The delivery-log row for one attempt.
    static DeliveryRecord record(const Webhook &webhook, const Event &event, const QByteArray &messageId,
                                 DeliveryTrigger trigger, const DeliveryResult &result);
};
