// Makes a webhook's Epic key pair: the one way the editor and the "epic keygen" command do it, with one rollback.
#pragma once

#include "models/domain/result.h"
#include "models/domain/webhook.h"
#include "models/secrets/epickey.h"

#include <QCoreApplication>

#include <functional>

class QObject;
class CredentialStore;
class WebhookRepository;

struct EpicKeyRequest
{
    QString webhookId;
    int bits = EpicKey::DefaultBits;
    bool replace = false;  // false: a key already stored is kept and the request refused (Conflict)
};

struct GeneratedEpicKey
{
    Webhook webhook;  // as stored afterwards, with the key id that names the new key
    EpicKey key;
    bool replaced = false;  // a previous key was stored
};

// The steps, none of which waits: read the key stored now (if any), generate the pair in the thread pool, store
// the private key (sealed), then record the key id on the stored webhook. An empty key id, or one that
// was the old key's own thumbprint, becomes the new key's thumbprint so that it keeps naming the key; a key id the
// administrator chose stays. If the database refuses, the store gets back what it held, so that the stored key
// id and the key never disagree.
class EpicKeyGeneration
{
    Q_DECLARE_TR_FUNCTIONS(EpicKeyGeneration)
public:
    using Callback = std::function<void(const Result<GeneratedEpicKey> &)>;

    // done runs on context's thread, and not at all once context is gone.
    static void start(CredentialStore &store, WebhookRepository &webhooks, const EpicKeyRequest &request,
                      QObject *context, Callback done);
};
