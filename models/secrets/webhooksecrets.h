// A webhook's signing secret through its life: set or generated, rotated with a grace period, removed.
#pragma once

#include "models/secrets/secretstore.h"
#include "models/storage/webhookrepository.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

class WebhookSecrets
{
    Q_DECLARE_TR_FUNCTIONS(WebhookSecrets)
public:
    enum class Presence { NotSet, PresentHere, MissingHere, DiffersHere, KeychainUnavailable };
    struct Status
    {
        Presence presence = Presence::NotSet;
        QString message;
    };

    static constexpr int defaultGraceHours = 24;

    WebhookSecrets(SecretStore &store, WebhookRepository &repository);

    static QString signingKey(const QString &webhookId);
    static QString previousSigningKey(const QString &webhookId);
    // The keychain entry of a webhook's Epic private key (PEM).
    static QString epicPrivateKeyKey(const QString &webhookId);

    // Whether this workstation's keychain holds the secret the database says is current.
    Status status(const Webhook &webhook);
    // Replaces the secret at once (no grace period). The keychain is written first; if the database then
    // refuses, the keychain gets its old value back, so the two never disagree because of us.
    Result<void> set(Webhook &webhook, const QString &secret);
    // Makes newSecret current while the old one keeps signing for graceHours, so receivers can switch over.
    Result<void> rotate(Webhook &webhook, const QString &newSecret, int graceHours = defaultGraceHours);
    Result<void> remove(Webhook &webhook);
    // The current secret, for an administrator who asked to see or copy it.
    std::optional<QString> reveal(const Webhook &webhook, QString *errorMessage);

private:
    Result<void> checkFormat(const QString &secret) const;

    SecretStore &m_store;
    WebhookRepository &m_repository;
};
