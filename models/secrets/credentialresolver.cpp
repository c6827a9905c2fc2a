// Reads what a webhook's requests must be signed or authenticated with from this workstation's keychain, without waiting.
#include "models/secrets/credentialresolver.h"

#include "models/secrets/secretstore.h"
#include "models/secrets/signingsecret.h"
#include "models/secrets/webhooksecrets.h"

#include <QDateTime>
#include <QMetaObject>
#include <QPointer>

namespace {

Result<WebhookCredentials> keychainFailure(const SecretStore::Result &stored, const QString &what)
{
    return Result<WebhookCredentials>::failure(ErrorCode::Unavailable,
                                               CredentialResolver::tr("%1 could not be read: %2").arg(what, stored.message()));
}

void readSigningSecrets(SecretStore &keychain, const Webhook &webhook, QObject *context,
                        const CredentialResolver::Callback &done)
{
    keychain.read(WebhookSecrets::signingKey(webhook.id), context, [&keychain, webhook, context, done](
                                                                         const SecretStore::Result &current) {
        if (current.code() == ErrorCode::NotFound) {
            done(Result<WebhookCredentials>::failure(
                ErrorCode::NotFound,
                CredentialResolver::tr("The signing secret of “%1” (fingerprint %2) is not in this workstation's "
                                       "keychain, and a webhook with a secret is never sent unsigned.")
                    .arg(webhook.name, webhook.secretFingerprint)));
            return;
        }
        if (!current.ok()) {
            done(keychainFailure(current, CredentialResolver::tr("The signing secret of “%1”").arg(webhook.name)));
            return;
        }
        if (SigningSecret::fingerprint(current.value()) != webhook.secretFingerprint) {
            done(Result<WebhookCredentials>::failure(
                ErrorCode::Conflict,
                CredentialResolver::tr("This workstation's keychain holds a different signing secret for “%1” than "
                                       "the one set for the webhook (fingerprint %2).")
                    .arg(webhook.name, webhook.secretFingerprint)));
            return;
        }
        const bool inGracePeriod = !webhook.previousSecretFingerprint.isEmpty()
                                   && QDateTime::currentDateTimeUtc() < webhook.secretGraceUntil;
        if (!inGracePeriod) {
            done(WebhookCredentials{{current.value()}, {}});
            return;
        }
        keychain.read(WebhookSecrets::previousSigningKey(webhook.id), context,
                      [webhook, currentSecret = current.value(), done](const SecretStore::Result &previous) {
            WebhookCredentials credentials{{currentSecret}, {}};
            if (previous.ok() && SigningSecret::fingerprint(previous.value()) == webhook.previousSecretFingerprint)
                credentials.signingSecrets.append(previous.value());
            done(credentials);
        });
    });
}

void readEpicKey(SecretStore &keychain, const Webhook &webhook, QObject *context, const CredentialResolver::Callback &done)
{
    keychain.read(WebhookSecrets::epicPrivateKeyKey(webhook.id), context,
                  [webhook, done](const SecretStore::Result &stored) {
        if (stored.code() == ErrorCode::NotFound) {
            done(Result<WebhookCredentials>::failure(
                ErrorCode::NotFound,
                CredentialResolver::tr("This workstation's keychain holds no Epic private key for “%1”, so no access "
                                       "token can be requested.")
                    .arg(webhook.name)));
            return;
        }
        if (!stored.ok()) {
            done(keychainFailure(stored, CredentialResolver::tr("The Epic private key of “%1”").arg(webhook.name)));
            return;
        }
        done(WebhookCredentials{{}, stored.value().toUtf8()});
    });
}

} // namespace

void CredentialResolver::resolve(SecretStore &keychain, const Webhook &webhook, QObject *context, Callback done)
{
    const bool signs = webhook.kind == WebhookKind::Generic && !webhook.secretFingerprint.isEmpty();
    const bool needsEpicKey = webhook.kind == WebhookKind::Epic;
    if ((signs || needsEpicKey) && webhook.id.isEmpty()) {
        // Credentials are kept under the stored webhook: an unsaved one has none yet.
        const QString message = needsEpicKey
            ? tr("Save the webhook and create its Epic key pair first: the private key is kept in the keychain under "
                 "the stored webhook.")
            : tr("Save the webhook first: its signing secret is kept in the keychain under the stored webhook.");
        QMetaObject::invokeMethod(context, [done, message] {
            done(Result<WebhookCredentials>::failure(ErrorCode::Invalid, message));
        }, Qt::QueuedConnection);
        return;
    }
    if (signs) {
        readSigningSecrets(keychain, webhook, context, done);
    } else if (needsEpicKey) {
        readEpicKey(keychain, webhook, context, done);
    } else {
        // Unsigned generic webhooks, Slack and Teams: nothing to read, answered the same way as a keychain read.
        QMetaObject::invokeMethod(context, [done] { done(WebhookCredentials{}); }, Qt::QueuedConnection);
    }
}
