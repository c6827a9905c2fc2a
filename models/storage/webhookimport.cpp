// Importing a configuration: every webhook of it or none, updating those whose name exists and creating the others.
#include "models/storage/webhookrepository.h"

#include "models/domain/eventtype.h"

namespace {

bool sameConfiguration(const Webhook &a, const Webhook &b)
{
    return a.name == b.name && a.kind == b.kind && a.url == b.url && a.active == b.active
           && a.description == b.description && a.timeoutSeconds == b.timeoutSeconds && a.headers == b.headers
           && a.events == b.events && a.phiLevel == b.phiLevel && a.allowLoopbackHttp == b.allowLoopbackHttp
           && a.caFile == b.caFile && a.internalEndpoint == b.internalEndpoint && a.epic == b.epic
           && a.payloadLanguage == b.payloadLanguage;
}

} // namespace

Result<void> WebhookRepository::importAll(const QList<Webhook> &webhooks, ImportSummary *summary)
{
    ImportSummary counts;
    QList<Webhook> stored;
    const Result<void> result = inTransaction([&]() -> Result<void> {
        for (Webhook incoming : webhooks) {
            const Result<Webhook> existing = findByName(incoming.name);
            if (!existing && existing.code() != ErrorCode::NotFound)
                return existing.failure();
            Result<void> step;
            Webhook written;
            if (existing) {
                Webhook merged = incoming;
                merged.id = existing->id;
                merged.version = existing->version;
                merged.secretFingerprint = existing->secretFingerprint;
                merged.secretSetAt = existing->secretSetAt;
                merged.previousSecretFingerprint = existing->previousSecretFingerprint;
                merged.secretGraceUntil = existing->secretGraceUntil;
                merged.events = EventCatalog::inCatalogOrder(merged.events);
                if (sameConfiguration(merged, *existing)) {
                    ++counts.unchanged;
                    continue;
                }
                step = updateRow(merged, QStringLiteral("import"), true, *existing);
                written = merged;
                ++counts.updated;
            } else {
                step = insertRow(incoming, QStringLiteral("import"));
                written = incoming;
                ++counts.created;
            }
            if (!step.ok()) {
                Failure failure = step.failure();
                failure.message = tr("Webhook “%1”: %2").arg(incoming.name, failure.message);
                return failure;
            }
            stored.append(written);
        }
        return {};
    });
    if (!result.ok())
        return result;
    if (summary)
        *summary = counts;
    for (const Webhook &webhook : std::as_const(stored))
        emit webhookSaved(webhook);
    return result;
}
