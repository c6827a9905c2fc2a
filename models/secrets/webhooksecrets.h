// A webhook's signing secret through its life: set or generated, rotated with a grace period, removed.
#pragma once

#include "models/secrets/secretstore.h"
#include "models/storage/webhookrepository.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

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

    // Each change writes the keychain first and the database after it, on the repository's worker connection; if
    // the database refuses, the keychain gets its old value back, so the two never disagree because of us. A
    // change runs to its end even when context goes; done runs on context's thread with the webhook as stored
    // now, not at all once context is gone, and never before the call returns.
    using Changed = std::function<void(const Result<Webhook> &)>;

    // Whether this workstation's keychain holds the secret the database says is current.
    void status(const Webhook &webhook, QObject *context, std::function<void(const Status &)> done);
    // Replaces the secret at once (no grace period).
    void set(const Webhook &webhook, const QString &secret, QObject *context, Changed done);
    // Makes newSecret current while the old one keeps signing for graceHours, so receivers can switch over.
    void rotate(const Webhook &webhook, const QString &newSecret, int graceHours, QObject *context, Changed done);
    void remove(const Webhook &webhook, QObject *context, Changed done);
    // The current secret, for an administrator who asked to see or copy it.
    void reveal(const Webhook &webhook, QObject *context, std::function<void(const Result<QString> &)> done);

    // The same for the command line, which has no window to keep responsive: each waits in a local event loop and
    // updates webhook to what is stored.
    Status statusAndWait(const Webhook &webhook);
    Result<void> setAndWait(Webhook &webhook, const QString &secret);
    Result<void> rotateAndWait(Webhook &webhook, const QString &newSecret, int graceHours = defaultGraceHours);
    Result<void> removeAndWait(Webhook &webhook);
    Result<QString> revealAndWait(const Webhook &webhook);

private:
    Result<void> checkFormat(const QString &secret) const;
    // Records changed's bookkeeping; on refusal undo runs first (putting the keychain back), then done hears it.
    void record(const Webhook &changed, const QString &auditAction, const std::function<void(Changed)> &undo,
                Changed done);

    SecretStore &m_store;
    WebhookRepository &m_repository;
};
