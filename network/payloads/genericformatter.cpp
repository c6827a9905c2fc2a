// Building the generic JSON envelope.
#include "network/payloads/genericformatter.h"

#include "models/domain/eventtype.h"
#include "network/payloads/phiview.h"

#include <QJsonDocument>

bool GenericFormatter::supports(const QString &eventType) const
{
    return EventCatalog::find(eventType) != nullptr;
}

QJsonObject GenericFormatter::envelope(const Event &event, PhiLevel phi)
{
    const PhiView view(event, phi);
    return QJsonObject{
        {QStringLiteral("id"), event.id},
        {QStringLiteral("type"), event.type},
        {QStringLiteral("timestamp"), EventKeys::timestamp(event.timestamp)},
        {QStringLiteral("data"), view.dataJson()},
    };
}

std::optional<Payload> GenericFormatter::format(const Event &event, PhiLevel phi, QString *errorMessage) const
{
    if (!supports(event.type)) {
        if (errorMessage)
            *errorMessage = tr("“%1” is not a goReporter event type.").arg(event.type);
        return std::nullopt;
    }
    Payload payload;
    payload.body = QJsonDocument(envelope(event, phi)).toJson(QJsonDocument::Compact);
    payload.headers = {{"Content-Type", "application/json"}, {"X-GoReporter-Event", event.type.toUtf8()}};
    const QString warning = PayloadWarnings::patientData(kind(), phi, event);
    if (!warning.isEmpty())
        payload.warnings.append(warning);
    return payload;
}
