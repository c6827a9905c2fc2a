// Epic key pair generation: the sealed private key first, then the key id in the database, undone on refusal.
#include "models/secrets/epickeygeneration.h"

#include "models/secrets/credentialstore.h"
#include "models/secrets/webhooksecrets.h"
#include "models/storage/webhookrepository.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <openssl/crypto.h>

#include <memory>
#include <optional>

namespace {

// What one generation has learnt so far, shared by its asynchronous steps.
struct Generation
{
    CredentialStore &store;
    WebhookRepository &webhooks;
    EpicKeyRequest request;
    QPointer<QObject> context;
    EpicKeyGeneration::Callback done;
    QString credentialKey;
    std::optional<QString> previousPem;  // what the store held before; nullopt: nothing
};

using GenerationPointer = std::shared_ptr<Generation>;

void finish(const GenerationPointer &generation, const Result<GeneratedEpicKey> &result)
{
    if (generation->context)
        generation->done(result);
}

// The database refused the key id: the store goes back to what it held, then the refusal is reported.
void rollBack(const GenerationPointer &generation, const Failure &refusal)
{
    auto report = [generation, refusal](const CredentialStore::Result &restored) {
        if (restored.ok())
            return finish(generation, refusal);
        const QString message = EpicKeyGeneration::tr("%1 The new private key stays stored because the old one "
                                                      "could not be put back: %2")
                                    .arg(refusal.message, restored.message());
        finish(generation, Failure{refusal.code, message});
    };
    if (generation->previousPem)
        generation->store.write(generation->credentialKey, *generation->previousPem, &generation->store, report);
    else
        generation->store.remove(generation->credentialKey, &generation->store, report);
}

void recordKeyId(const GenerationPointer &generation, const EpicKey &key)
{
    Result<Webhook> stored = generation->webhooks.findById(generation->request.webhookId);
    if (!stored)
        return rollBack(generation, stored.failure());
    QString previousThumbprint;  // stays empty when there was no previous key, or it could not be read
    if (generation->previousPem) {
        if (const Result<EpicKey> previousKey = EpicKey::fromPem(generation->previousPem->toLatin1()))
            previousThumbprint = previousKey->thumbprint();
    }
    Webhook webhook = *stored;
    const bool keyIdFollowsKey = webhook.epic.keyId.isEmpty() || webhook.epic.keyId == previousThumbprint;
    const bool replaced = generation->previousPem.has_value();
    if (!keyIdFollowsKey || webhook.epic.keyId == key.thumbprint())
        return finish(generation, GeneratedEpicKey{webhook, key, replaced});
    webhook.epic.keyId = key.thumbprint();
    generation->webhooks.changeInBackground(WebhookRepository::Change::Update, webhook, &generation->store,
                                            [generation, key, replaced](const Result<Webhook> &updated) {
        if (!updated)
            return rollBack(generation, updated.failure());
        finish(generation, GeneratedEpicKey{*updated, key, replaced});
    });
}

void storeKey(const GenerationPointer &generation, const EpicKey &key)
{
    // From here on the steps answer to the store object, which outlives every window: once the store holds the
    // new key, the key id is recorded (or the store put back) even when the window that asked is gone.
    generation->store.write(generation->credentialKey, QString::fromLatin1(key.privateKeyPem()), &generation->store,
                               [generation, key](const CredentialStore::Result &written) {
                                   if (!written.ok())
                                       return finish(generation, written.failure());
                                   recordKeyId(generation, key);
                               });
}

void generateKey(const GenerationPointer &generation)
{
    // RSA key generation takes a noticeable moment (about a second at 3072 bits): in the thread pool.
    auto *watcher = new QFutureWatcher<Result<EpicKey>>(generation->context);
    QObject::connect(watcher, &QFutureWatcher<Result<EpicKey>>::finished, watcher, [generation, watcher] {
        watcher->deleteLater();
        const Result<EpicKey> generated = watcher->result();
        if (!generated)
            return finish(generation, generated.failure());
        storeKey(generation, *generated);
    });
    watcher->setFuture(QtConcurrent::run([bits = generation->request.bits] {
        Result<EpicKey> key = EpicKey::generate(bits);
        // OpenSSL keeps a random generator per thread until the thread ends; a pool thread may outlive the
        // process's OpenSSL cleanup, which then loses track of it.
        OPENSSL_thread_stop();
        return key;
    }));
}

} // namespace

void EpicKeyGeneration::start(CredentialStore &store, WebhookRepository &webhooks, const EpicKeyRequest &request,
                              QObject *context, Callback done)
{
    auto generation = std::make_shared<Generation>(Generation{store, webhooks, request, context, std::move(done),
                                                              WebhookSecrets::epicPrivateKeyKey(request.webhookId),
                                                              std::nullopt});
    store.read(generation->credentialKey, context, [generation](const CredentialStore::Result &existing) {
        if (!existing.ok() && existing.code() != ErrorCode::NotFound)
            return finish(generation, existing.failure());
        if (existing.ok()) {
            if (!generation->request.replace)
                return finish(generation,
                              Failure{ErrorCode::Conflict,
                                      tr("This webhook has a private key already. A new key pair stops the "
                                         "registered one from working until its public key is registered with "
                                         "Epic.")});
            generation->previousPem = existing.value();
        }
        generateKey(generation);
    });
}
