// Reads what a webhook's requests must be signed or authenticated with from the credential store, without waiting.
#include "models/secrets/credentialresolver.h"

#include "models/secrets/credentialstore.h"
#include "models/secrets/signingsecret.h"
#include "models/secrets/webhooksecrets.h"

#include <QDateTime>
#include <QMetaObject>
#include <QPointer>

namespace {

// A store that answered with something else than the value: its own reason (this machine is not approved, the
// envelope is damaged, the database cannot be reached), with what was being read.
Result<WebhookCredentials> storeFailure(const CredentialStore::Result &stored, const QString &what)
{
    return Result<WebhookCredentials>::failure(stored.code(),
                                               CredentialResolver::tr("%1 could not be read: %2").arg(what, stored.message()));
}

void readSigningSecrets(CredentialStore &store, const Webhook &webhook, QObject *context,
                        const CredentialResolver::Callback &done)
{
    store.read(WebhookSecrets::signingKey(webhook.id), context, [&store, webhook, context, done](
                                                                         const CredentialStore::Result &current) {
        if (current.code() == ErrorCode::NotFound) {
            done(Result<WebhookCredentials>::failure(
                ErrorCode::NotFound,
                CredentialResolver::tr("The signing secret of “%1” (fingerprint %2) is not in the sealed store, and "
                                       "a webhook with a secret is never sent unsigned. Set it again, or rotate it.")
                    .arg(webhook.name, webhook.secretFingerprint)));
            return;
        }
        if (!current.ok()) {
            done(storeFailure(current, CredentialResolver::tr("The signing secret of “%1”").arg(webhook.name)));
            return;
        }
        if (SigningSecret::fingerprint(current.value()) != webhook.secretFingerprint) {
            done(Result<WebhookCredentials>::failure(
                ErrorCode::Conflict,
                CredentialResolver::tr("The sealed store holds a different signing secret for “%1” than the one "
                                       "set for the webhook (fingerprint %2). Set it again, or rotate it.")
                    .arg(webhook.name, webhook.secretFingerprint)));
            return;
        }
        const bool inGracePeriod = !webhook.previousSecretFingerprint.isEmpty()
                                   && QDateTime::currentDateTimeUtc() < webhook.secretGraceUntil;
        if (!inGracePeriod) {
            done(WebhookCredentials{{current.value()}, {}});
            return;
        }
        store.read(WebhookSecrets::previousSigningKey(webhook.id), context,
                      [webhook, currentSecret = current.value(), done](const CredentialStore::Result &previous) {
            WebhookCredentials credentials{{currentSecret}, {}};
            if (previous.ok() && SigningSecret::fingerprint(previous.value()) == webhook.previousSecretFingerprint)
                credentials.signingSecrets.append(previous.value());
            done(credentials);
        });
    });
}

void readEpicKey(CredentialStore &store, const Webhook &webhook, QObject *context, const CredentialResolver::Callback &done)
{
    store.read(WebhookSecrets::epicPrivateKeyKey(webhook.id), context,
                  [webhook, done](const CredentialStore::Result &stored) {
        if (stored.code() == ErrorCode::NotFound) {
            done(Result<WebhookCredentials>::failure(
                ErrorCode::NotFound,
                CredentialResolver::tr("The sealed store holds no Epic private key for “%1”, so no access token can "
                                       "be requested. Create its key pair in the webhook's editor or with “epic "
                                       "keygen”.")
                    .arg(webhook.name)));
            return;
        }
        if (!stored.ok()) {
            done(storeFailure(stored, CredentialResolver::tr("The Epic private key of “%1”").arg(webhook.name)));
            return;
        }
        done(WebhookCredentials{{}, stored.value().toUtf8()});
    });
}

} // namespace

void CredentialResolver::resolve(CredentialStore &store, const Webhook &webhook, QObject *context, Callback done)
{
    const bool signs = webhook.kind == WebhookKind::Generic && !webhook.secretFingerprint.isEmpty();
    const bool needsEpicKey = webhook.kind == WebhookKind::Epic;
    if ((signs || needsEpicKey) && webhook.id.isEmpty()) {
        // Credentials are kept under the stored webhook: an unsaved one has none yet.
        const QString message = needsEpicKey
            ? tr("Save the webhook and create its Epic key pair first: the private key is kept sealed under the "
                 "stored webhook.")
            : tr("Save the webhook first: its signing secret is kept sealed under the stored webhook.");
        QMetaObject::invokeMethod(context, [done, message] {
            done(Result<WebhookCredentials>::failure(ErrorCode::Invalid, message));
        }, Qt::QueuedConnection);
        return;
    }
    if (signs) {
        readSigningSecrets(store, webhook, context, done);
    } else if (needsEpicKey) {
        readEpicKey(store, webhook, context, done);
    } else {
        // Unsigned generic webhooks, Slack and Teams: nothing to read, answered the same way as a store read.
        QMetaObject::invokeMethod(context, [done] { done(WebhookCredentials{}); }, Qt::QueuedConnection);
    }
}
