// A webhook's signing secret through its life: set or generated, rotated with a grace period, removed.
#include "models/secrets/webhooksecrets.h"
#include "models/secrets/signingsecret.h"


#include <QLocale>

WebhookSecrets::WebhookSecrets(SecretStore &store, WebhookRepository &repository)
    : m_store(store)
    , m_repository(repository)
{
}

QString WebhookSecrets::signingKey(const QString &webhookId)
{
    return QStringLiteral("webhook/%1/signing-secret").arg(webhookId);
}

QString WebhookSecrets::previousSigningKey(const QString &webhookId)
{
    return QStringLiteral("webhook/%1/previous-signing-secret").arg(webhookId);
}

QString WebhookSecrets::epicPrivateKeyKey(const QString &webhookId)
{
    return QStringLiteral("webhook/%1/epic-private-key").arg(webhookId);
}

Result<void> WebhookSecrets::checkFormat(const QString &secret) const
{
    QString error;
    if (!SigningSecret::parse(secret, &error))
        return Result<void>::failure(ErrorCode::Invalid, error);
    return {};
}

WebhookSecrets::Status WebhookSecrets::status(const Webhook &webhook)
{
    const QString setOn = QLocale().toString(webhook.secretSetAt.toLocalTime(), QLocale::ShortFormat);
    const SecretStore::Result stored = m_store.readAndWait(signingKey(webhook.id));
    if (webhook.secretFingerprint.isEmpty()) {
        if (stored.ok())
            return {Presence::DiffersHere, tr("This workstation's keychain holds a secret, but none is set for the "
                                              "webhook. Set it again or delete it.")};
        return {Presence::NotSet, tr("No signing secret is set; requests are sent unsigned.")};
    }
    if (stored.code() == ErrorCode::NotFound)
        return {Presence::MissingHere, tr("A secret was set on %1 (fingerprint %2), but it is not in this workstation's "
                                          "keychain. Paste it here, or rotate it.")
                                           .arg(setOn, webhook.secretFingerprint)};
    if (!stored.ok())
        return {Presence::KeychainUnavailable, stored.message()};
    if (SigningSecret::fingerprint(stored.value()) != webhook.secretFingerprint)
        return {Presence::DiffersHere, tr("This workstation's keychain holds a different secret than the one set on %1. "
                                          "Paste the current secret, or rotate it.").arg(setOn)};
    return {Presence::PresentHere, tr("The secret set on %1 (fingerprint %2) is in this workstation's keychain.")
                                       .arg(setOn, webhook.secretFingerprint)};
}

Result<void> WebhookSecrets::set(Webhook &webhook, const QString &secret)
{
    if (Result<void> format = checkFormat(secret); !format.ok())
        return format;
    const SecretStore::Result old = m_store.readAndWait(signingKey(webhook.id));
    if (!old.ok() && old.code() != ErrorCode::NotFound)
        return old.failure();
    if (const SecretStore::Result written = m_store.writeAndWait(signingKey(webhook.id), secret); !written.ok())
        return written.failure();

    Webhook changed = webhook;
    changed.secretFingerprint = SigningSecret::fingerprint(secret);
    changed.secretSetAt = QDateTime::currentDateTimeUtc();
    changed.previousSecretFingerprint.clear();
    changed.secretGraceUntil = {};
    const Result<void> recorded = m_repository.recordSecretChange(changed, QStringLiteral("secret-set"));
    if (!recorded.ok()) {
        // The keychain is put back as well as it can be; the database's refusal is what is reported.
        if (old.ok())
            (void)m_store.writeAndWait(signingKey(webhook.id), old.value());
        else
            (void)m_store.removeAndWait(signingKey(webhook.id));
        return recorded;
    }
    // Only now: had the database refused, a rotation's previous secret would still be needed. A previous secret
    // left behind signs nothing once its fingerprint is gone.
    (void)m_store.removeAndWait(previousSigningKey(webhook.id));
    webhook = changed;
    return {};
}

Result<void> WebhookSecrets::rotate(Webhook &webhook, const QString &newSecret, int graceHours)
{
    if (Result<void> format = checkFormat(newSecret); !format.ok())
        return format;
    const SecretStore::Result current = m_store.readAndWait(signingKey(webhook.id));
    if (!current.ok()) {
        if (current.code() != ErrorCode::NotFound)
            return current.failure();
        // Nothing to keep signing with: a rotation without an old secret is a plain set.
        return set(webhook, newSecret);
    }
    if (const SecretStore::Result kept = m_store.writeAndWait(previousSigningKey(webhook.id), current.value()); !kept.ok())
        return kept.failure();
    if (const SecretStore::Result written = m_store.writeAndWait(signingKey(webhook.id), newSecret); !written.ok())
        return written.failure();

    Webhook changed = webhook;
    changed.previousSecretFingerprint = SigningSecret::fingerprint(current.value());
    changed.secretGraceUntil = QDateTime::currentDateTimeUtc().addSecs(qint64(graceHours) * 3600);
    changed.secretFingerprint = SigningSecret::fingerprint(newSecret);
    changed.secretSetAt = QDateTime::currentDateTimeUtc();
    const Result<void> recorded = m_repository.recordSecretChange(changed, QStringLiteral("secret-rotate"));
    if (!recorded.ok()) {
        // Put back as well as it can be; the database's refusal is what is reported.
        (void)m_store.writeAndWait(signingKey(webhook.id), current.value());
        (void)m_store.removeAndWait(previousSigningKey(webhook.id));
        return recorded;
    }
    webhook = changed;
    return {};
}

Result<void> WebhookSecrets::remove(Webhook &webhook)
{
    for (const QString &key : {signingKey(webhook.id), previousSigningKey(webhook.id)}) {
        const SecretStore::Result removed = m_store.removeAndWait(key);
        if (!removed.ok() && removed.code() != ErrorCode::NotFound)
            return removed.failure();
    }
    Webhook changed = webhook;
    changed.secretFingerprint.clear();
    changed.secretSetAt = {};
    changed.previousSecretFingerprint.clear();
    changed.secretGraceUntil = {};
    const Result<void> recorded = m_repository.recordSecretChange(changed, QStringLiteral("secret-delete"));
    if (recorded.ok())
        webhook = changed;
    return recorded;
}

std::optional<QString> WebhookSecrets::reveal(const Webhook &webhook, QString *errorMessage)
{
    const SecretStore::Result current = m_store.readAndWait(signingKey(webhook.id));
    if (!current.ok()) {
        *errorMessage = current.message();
        return std::nullopt;
    }
    return current.value();
}
