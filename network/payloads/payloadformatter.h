// What each integration receives for an event: one formatter per webhook kind behind one interface.
#pragma once

#include "models/domain/event.h"
#include "models/domain/webhook.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

struct Payload
{
    QByteArray body;                                   // the exact bytes sent
    QList<QPair<QByteArray, QByteArray>> headers;      // e.g. Content-Type
    qsizetype sizeLimit = 0;                           // bytes the integration accepts, 0 = none
    QStringList warnings;                              // translated: truncation, size, PHI
};

// Formatters are stateless and deterministic: the same event and PHI level give the same bytes, byte for byte,
// on every workstation (no current time, no random ids, no locale-dependent formatting).
class PayloadFormatter
{
public:
    virtual ~PayloadFormatter() = default;
    virtual WebhookKind kind() const = 0;
    virtual bool supports(const QString &eventType) const = 0;
    // Fails (nullopt + message) for an event the integration cannot carry, e.g. tasks to Epic.
    virtual std::optional<Payload> format(const Event &event, PhiLevel phi, QString *errorMessage) const = 0;
    static std::unique_ptr<PayloadFormatter> create(WebhookKind kind);
};

namespace PayloadWarnings {
// The warning every chat or generic payload carries when it holds patient data at all (none for an event that is
// about no patient, such as the operations events).
QString patientData(WebhookKind kind, PhiLevel phi, const Event &event);
} // namespace PayloadWarnings
