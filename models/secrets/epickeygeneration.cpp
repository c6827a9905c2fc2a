// Epic key pair generation: keychain first, then the key id in the database, undone in the keychain on refusal.
#include "models/secrets/epickeygeneration.h"

#include "models/secrets/secretstore.h"
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
    SecretStore &keychain;
    WebhookRepository &webhooks;
    EpicKeyRequest request;
    QPointer<QObject> context;
    EpicKeyGeneration::Callback done;
    QString keychainKey;
    std::optional<QString> previousPem;  // what the keychain held before; nullopt: nothing
};

using GenerationPointer = std::shared_ptr<Generation>;

void finish(const GenerationPointer &generation, const Result<GeneratedEpicKey> &result)
{
    if (generation->context)
        generation->done(result);
}

// The database refused the key id: the keychain goes back to what it held, then the refusal is reported.
void rollBack(const GenerationPointer &generation, const Failure &refusal)
{
    auto report = [generation, refusal](const SecretStore::Result &restored) {
        if (restored.ok())
            return finish(generation, refusal);
        const QString message = EpicKeyGeneration::tr("%1 The new private key stays in this workstation's keychain "
                                                      "because the old one could not be put back: %2")
                                    .arg(refusal.message, restored.message());
        finish(generation, Failure{refusal.code, message});
    };
    if (generation->previousPem)
        generation->keychain.write(generation->keychainKey, *generation->previousPem, &generation->keychain, report);
    else
        generation->keychain.remove(generation->keychainKey, &generation->keychain, report);
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
    generation->webhooks.changeInBackground(WebhookRepository::Change::Update, webhook, &generation->keychain,
                                            [generation, key, replaced](const Result<Webhook> &updated) {
        if (!updated)
            return rollBack(generation, updated.failure());
        finish(generation, GeneratedEpicKey{*updated, key, replaced});
    });
}

void storeKey(const GenerationPointer &generation, const EpicKey &key)
{
    // From here on the steps answer to the keychain object, which outlives every window: once the keychain holds
    // the new key, the key id is recorded (or the keychain put back) even when the window that asked is gone.
    generation->keychain.write(generation->keychainKey, QString::fromLatin1(key.privateKeyPem()), &generation->keychain,
                               [generation, key](const SecretStore::Result &written) {
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

void EpicKeyGeneration::start(SecretStore &keychain, WebhookRepository &webhooks, const EpicKeyRequest &request,
                              QObject *context, Callback done)
{
    auto generation = std::make_shared<Generation>(Generation{keychain, webhooks, request, context, std::move(done),
                                                              WebhookSecrets::epicPrivateKeyKey(request.webhookId),
                                                              std::nullopt});
    keychain.read(generation->keychainKey, context, [generation](const SecretStore::Result &existing) {
        if (!existing.ok() && existing.code() != ErrorCode::NotFound)
            return finish(generation, existing.failure());
        if (existing.ok()) {
            if (!generation->request.replace)
                return finish(generation,
                              Failure{ErrorCode::Conflict,
                                      tr("This workstation's keychain already has a private key for this webhook. A "
                                         "new key pair stops the registered one from working until its public key "
                                         "is registered with Epic.")});
            generation->previousPem = existing.value();
        }
        generateKey(generation);
    });
}
