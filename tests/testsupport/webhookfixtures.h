// Webhooks and opened databases that tests start from.
#pragma once

#include "models/storage/database.h"
#include "models/domain/deliveryrecord.h"
#include "models/domain/webhook.h"
#include "models/secrets/credentialresolver.h"
#include "testsupport/deliverygenerator.h"
#include "testsupport/testdatabases.h"

#include <memory>

Webhook makeWebhook(const QString &name, WebhookKind kind = WebhookKind::Generic);

class CredentialStore;
// What CredentialResolver reads for webhook, waited for in this thread's event loop.
Result<WebhookCredentials> resolveCredentials(CredentialStore &store, const Webhook &webhook);

// One attempt to webhook, minutesAgo minutes ago, answered 200 or 503; serial keeps event and message ids apart.
GeneratedAttempt makeAttempt(const Webhook &webhook, qint64 minutesAgo, bool success, int serial);
// An attempt of message messageId (of event "evt_" + messageId) to a generated webhook, answered 200 or 503.
GeneratedAttempt makeAttempt(const GeneratedWebhook &webhook, const QString &messageId, qint64 startedAtMs,
                             bool success);

// An attempt to webhook as the delivery pipeline records it before the request leaves: no outcome, no end
// (finished_at NULL), the "unfinished" error. eventId names the event and, with "msg_" for "evt_", the message.
DeliveryRecord makeUnfinishedRecord(const GeneratedWebhook &webhook, const QString &eventId,
                                    const QDateTime &startedAt);

// A migrated, open database of the current test row's engine, kept alive with its TestDatabase.
struct OpenTestDatabase
{
    std::unique_ptr<TestDatabase> storage;
    std::unique_ptr<Database> database;
    bool ok() const { return storage && database && database->isOpen(); }
};
OpenTestDatabase openTestDatabase(DatabaseUrl::Engine engine);
