// A webhook's signing secret through its life: set or generated, rotated with a grace period, removed.
#pragma once

#include "models/secrets/credentialstore.h"
#include "models/storage/webhookrepository.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

#include <optional>

class WebhookSecrets
{
    Q_DECLARE_TR_FUNCTIONS(WebhookSecrets)
public:
    // PresentHere: readable by this machine. MissingHere: set, but nothing is stored (set before the sealed store, on
    // a workstation whose keychain has not been moved into it). DiffersHere: what is stored is not what was set.
    // Unreadable: stored, but this machine cannot open it (not approved, revoked, store unreachable).
    enum class Presence { NotSet, PresentHere, MissingHere, DiffersHere, Unreadable };
    struct Status
    {
        Presence presence = Presence::NotSet;
        QString message;
        QStringList holders; // who can use the secret: the machines it is sealed for
    };

    static constexpr int defaultGraceHours = 24;

    WebhookSecrets(CredentialStore &store, WebhookRepository &repository);

    static QString signingKey(const QString &webhookId);
    static QString previousSigningKey(const QString &webhookId);
    // The stored name of a webhook's Epic private key (PEM).
    static QString epicPrivateKeyKey(const QString &webhookId);

    // Each change writes the credential store first and the webhook's bookkeeping after it, on the repository's
    // worker connection; if the database refuses, the store gets its old value back, so the two never disagree because of us. A
    // change runs to its end even when context goes; done runs on context's thread with the webhook as stored
    // now, not at all once context is gone, and never before the call returns.
    using Changed = std::function<void(const Result<Webhook> &)>;

    // Whether this machine can read the secret the database says is current, and which machines can.
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
    // Records changed's bookkeeping; on refusal undo runs first (putting the store back), then done hears it.
    void record(const Webhook &changed, const QString &auditAction, const std::function<void(Changed)> &undo,
                Changed done);

    CredentialStore &m_store;
    WebhookRepository &m_repository;
};
