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

RepositoryResult WebhookRepository::importAll(const QList<Webhook> &webhooks, ImportSummary *summary)
{
    ImportSummary counts;
    QList<Webhook> stored;
    const RepositoryResult result = inTransaction([&]() -> RepositoryResult {
        for (Webhook incoming : webhooks) {
            RepositoryResult lookup;
            const auto existing = findByName(incoming.name, &lookup);
            if (lookup.status == RepositoryResult::Status::DatabaseError)
                return lookup;
            RepositoryResult step;
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
                step = updateRow(merged, QStringLiteral("import"), true, existing);
                written = merged;
                ++counts.updated;
            } else {
                step = insertRow(incoming, QStringLiteral("import"));
                written = incoming;
                ++counts.created;
            }
            if (!step.ok()) {
                step.message = tr("Webhook “%1”: %2").arg(incoming.name, step.message);
                return step;
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
