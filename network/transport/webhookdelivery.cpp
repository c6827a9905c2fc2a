// Turns a configured webhook and a formatted payload into the request the sender sends, and its result into a log row.
#include "network/transport/webhookdelivery.h"

#include "network/transport/standardwebhooks.h"

std::optional<DeliveryRequest> WebhookDelivery::build(const Webhook &webhook, const Payload &payload,
                                                      const QStringList &signingSecrets, const QByteArray &messageId,
                                                      qint64 timestamp, const EpicKey &epicKey, QString *error)
{
    DeliveryRequest request;
    request.url = webhook.url;
    request.kind = webhook.kind;
    request.body = payload.body;
    request.headers = payload.headers;
    for (const auto &[name, value] : webhook.headers)
        request.headers.append({name.toLatin1(), value.toUtf8()});
    request.timeoutMs = webhook.timeoutSeconds * 1000;
    request.inactivityTimeoutMs = std::min(InactivityTimeoutMs, request.timeoutMs);
    request.allowLoopbackHttp = webhook.allowLoopbackHttp;
    request.internalEndpoint = webhook.internalEndpoint;
    request.caFile = webhook.caFile;

    switch (webhook.kind) {
    case WebhookKind::Generic:
        if (!signingSecrets.isEmpty()) {
            const auto signing = StandardWebhooks::headers(signingSecrets, messageId, timestamp, payload.body, error);
            if (!signing)
                return std::nullopt;
            request.headers.append(*signing);
        } else {
            // Unsigned, but still identified: a receiver tells a retry from a new message by its webhook-id.
            request.headers.append({QByteArrayLiteral("webhook-id"), messageId});
            request.headers.append({QByteArrayLiteral("webhook-timestamp"), QByteArray::number(timestamp)});
        }
        break;
    case WebhookKind::Epic: {
        const EpicSettings &epic = webhook.epic;
        if (epic.clientId.isEmpty() || epic.tokenUrl.isEmpty()) {
            if (error)
                *error = tr("The Epic client id and token URL must be set before reports can be sent.");
            return std::nullopt;
        }
        QUrl base = epic.fhirBaseUrl.isEmpty() ? webhook.url : epic.fhirBaseUrl;
        QString path = base.path();
        if (!path.endsWith(QLatin1Char('/')))
            path += QLatin1Char('/');
        base.setPath(path + QStringLiteral("DiagnosticReport"));
        request.url = base;
        request.epic = EpicAuthSettings{epic.clientId, epic.tokenUrl, epic.fhirBaseUrl, epic.scope, epic.keyId};
        request.epicKey = epicKey;
        break;
    }
    case WebhookKind::Slack:
    case WebhookKind::Teams:
        break; // the URL is the credential
    }
    return request;
}

DeliveryRecord WebhookDelivery::record(const Webhook &webhook, const Event &event, const QByteArray &messageId,
                                       DeliveryTrigger trigger, const DeliveryResult &result)
{
    DeliveryRecord record = result.toRecord();
    record.webhookId = webhook.id;
    record.webhookName = webhook.name;
    record.eventType = event.type;
    record.eventId = event.id;
    record.messageId = QString::fromLatin1(messageId);
    record.trigger = trigger;
    return record;
}
