// A webhook's signing secret through its life: set or generated, rotated with a grace period, removed.
#include "models/secrets/webhooksecrets.h"
#include "models/secrets/signingsecret.h"

#include <QEventLoop>
#include <QLocale>
#include <QPointer>

#include <optional>

WebhookSecrets::WebhookSecrets(CredentialStore &store, WebhookRepository &repository)
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

namespace {

// done, through the event loop (never inside the call that was given it), unless context is gone by then.
template<typename T>
void answerLater(QObject *context, const std::function<void(const T &)> &done, const T &answer)
{
    QMetaObject::invokeMethod(context, [done, answer] { done(answer); }, Qt::QueuedConnection);
}

// done, only while the caller that gave it is still there.
template<typename T>
std::function<void(const T &)> whileAlive(QObject *context, std::function<void(const T &)> done)
{
    return [caller = QPointer<QObject>(context), done = std::move(done)](const T &answer) {
        if (caller && done)
            done(answer);
    };
}

// Runs start(context, done) and waits in a local event loop for its answer.
template<typename T, typename Start>
T waitFor(Start start)
{
    QEventLoop loop;
    QObject context;
    std::optional<T> answer;
    start(&context, [&](const T &given) {
        answer = given;
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return *answer;
}

} // namespace

void WebhookSecrets::status(const Webhook &webhook, QObject *context, std::function<void(const Status &)> done)
{
    const QString key = signingKey(webhook.id);
    m_store.read(key, context, [this, key, context, webhook, done](const CredentialStore::Result &stored) {
        const QString setOn = QLocale().toString(webhook.secretSetAt.toLocalTime(), QLocale::ShortFormat);
        if (webhook.secretFingerprint.isEmpty()) {
            if (stored.ok())
                return done({Presence::DiffersHere, tr("A secret is stored, but none is set for the webhook. Set it "
                                                       "again or delete it."), {}});
            return done({Presence::NotSet, tr("No signing secret is set; requests are sent unsigned."), {}});
        }
        if (!stored.ok() && stored.code() == ErrorCode::NotFound)
            return done({Presence::MissingHere, tr("A secret was set on %1 (fingerprint %2), but no copy of it is "
                                                   "stored: it was kept only in the keychain of the workstation that "
                                                   "set it. Open the console there once, paste it here, or rotate it.")
                                                    .arg(setOn, webhook.secretFingerprint), {}});
        if (!stored.ok())
            return done({Presence::Unreadable, stored.message(), {}});
        if (SigningSecret::fingerprint(stored.value()) != webhook.secretFingerprint)
            return done({Presence::DiffersHere, tr("The stored secret is not the one set on %1. Paste the current "
                                                   "secret, or rotate it.")
                                                    .arg(setOn), {}});
        m_store.holders(key, context, [webhook, setOn, done](const Result<QStringList> &holders) {
            Status present{Presence::PresentHere, tr("The secret set on %1 (fingerprint %2) is stored sealed.")
                                                      .arg(setOn, webhook.secretFingerprint), {}};
            if (holders && !holders->isEmpty()) {
                present.holders = *holders;
                present.message += u' '
                                   + tr("The machines that can use it: %1.").arg(QLocale().createSeparatedList(*holders));
            }
            done(present);
        });
    });
}

void WebhookSecrets::record(const Webhook &changed, const QString &auditAction,
                            const std::function<void(Changed)> &undo, Changed done)
{
    m_repository.recordSecretChangeInBackground(changed, auditAction, &m_store,
                                                [undo, done](const Result<Webhook> &recorded) {
        if (recorded)
            return done(recorded);
        // The store is put back as well as it can be; the database's refusal is what is reported.
        undo([done, recorded](const Result<Webhook> &) { done(recorded); });
    });
}

void WebhookSecrets::set(const Webhook &webhook, const QString &secret, QObject *context, Changed done)
{
    done = whileAlive(context, std::move(done));
    if (Result<void> format = checkFormat(secret); !format.ok())
        return answerLater<Result<Webhook>>(context, done, format.failure());
    // The steps answer to the store object, which outlives every window: a change once begun is finished.
    QObject *steps = &m_store;
    const QString key = signingKey(webhook.id);
    m_store.read(key, steps, [=, this](const CredentialStore::Result &old) {
        if (!old.ok() && old.code() != ErrorCode::NotFound)
            return done(old.failure());
        m_store.write(key, secret, steps, [=, this](const CredentialStore::Result &written) {
            if (!written.ok())
                return done(written.failure());
            Webhook changed = webhook;
            changed.secretFingerprint = SigningSecret::fingerprint(secret);
            changed.secretSetAt = QDateTime::currentDateTimeUtc();
            changed.previousSecretFingerprint.clear();
            changed.secretGraceUntil = {};
            auto undo = [=, this](const Changed &then) {
                auto restored = [then](const CredentialStore::Result &) { then(Failure{}); };
                if (old.ok())
                    m_store.write(key, old.value(), steps, restored);
                else
                    m_store.remove(key, steps, restored);
            };
            record(changed, QStringLiteral("secret-set"), undo, [=, this](const Result<Webhook> &recorded) {
                if (!recorded)
                    return done(recorded);
                // Only now: had the database refused, a rotation's previous secret would still be needed. A
                // previous secret left behind signs nothing once its fingerprint is gone.
                m_store.remove(previousSigningKey(webhook.id), steps,
                               [done, recorded](const CredentialStore::Result &) { done(recorded); });
            });
        });
    });
}

void WebhookSecrets::rotate(const Webhook &webhook, const QString &newSecret, int graceHours, QObject *context,
                            Changed done)
{
    done = whileAlive(context, std::move(done));
    if (Result<void> format = checkFormat(newSecret); !format.ok())
        return answerLater<Result<Webhook>>(context, done, format.failure());
    QObject *steps = &m_store;
    const QString key = signingKey(webhook.id);
    const QString previousKey = previousSigningKey(webhook.id);
    m_store.read(key, steps, [=, this](const CredentialStore::Result &current) {
        if (!current.ok()) {
            if (current.code() != ErrorCode::NotFound)
                return done(current.failure());
            // Nothing to keep signing with: a rotation without an old secret is a plain set.
            return set(webhook, newSecret, steps, done);
        }
        m_store.write(previousKey, current.value(), steps, [=, this](const CredentialStore::Result &kept) {
            if (!kept.ok())
                return done(kept.failure());
            m_store.write(key, newSecret, steps, [=, this](const CredentialStore::Result &written) {
                if (!written.ok())
                    return done(written.failure());
                Webhook changed = webhook;
                changed.previousSecretFingerprint = SigningSecret::fingerprint(current.value());
                changed.secretGraceUntil = QDateTime::currentDateTimeUtc().addSecs(qint64(graceHours) * 3600);
                changed.secretFingerprint = SigningSecret::fingerprint(newSecret);
                changed.secretSetAt = QDateTime::currentDateTimeUtc();
                auto undo = [=, this](const Changed &then) {
                    m_store.write(key, current.value(), steps, [=, this](const CredentialStore::Result &) {
                        m_store.remove(previousKey, steps, [then](const CredentialStore::Result &) { then(Failure{}); });
                    });
                };
                record(changed, QStringLiteral("secret-rotate"), undo, done);
            });
        });
    });
}

void WebhookSecrets::remove(const Webhook &webhook, QObject *context, Changed done)
{
    done = whileAlive(context, std::move(done));
    QObject *steps = &m_store;
    m_store.remove(signingKey(webhook.id), steps, [=, this](const CredentialStore::Result &removed) {
        if (!removed.ok() && removed.code() != ErrorCode::NotFound)
            return done(removed.failure());
        m_store.remove(previousSigningKey(webhook.id), steps, [=, this](const CredentialStore::Result &previous) {
            if (!previous.ok() && previous.code() != ErrorCode::NotFound)
                return done(previous.failure());
            Webhook changed = webhook;
            changed.secretFingerprint.clear();
            changed.secretSetAt = {};
            changed.previousSecretFingerprint.clear();
            changed.secretGraceUntil = {};
            // Nothing to put back: the stored secrets are gone either way, and requests were to go unsigned.
            record(changed, QStringLiteral("secret-delete"), [](const Changed &then) { then(Failure{}); }, done);
        });
    });
}

void WebhookSecrets::reveal(const Webhook &webhook, QObject *context, std::function<void(const Result<QString> &)> done)
{
    m_store.read(signingKey(webhook.id), context, std::move(done));
}

WebhookSecrets::Status WebhookSecrets::statusAndWait(const Webhook &webhook)
{
    return waitFor<Status>([&](QObject *context, auto done) { status(webhook, context, done); });
}

Result<void> WebhookSecrets::setAndWait(Webhook &webhook, const QString &secret)
{
    const auto stored =
        waitFor<Result<Webhook>>([&](QObject *context, auto done) { set(webhook, secret, context, done); });
    if (!stored)
        return stored.failure();
    webhook = *stored;
    return {};
}

Result<void> WebhookSecrets::rotateAndWait(Webhook &webhook, const QString &newSecret, int graceHours)
{
    const auto stored = waitFor<Result<Webhook>>(
        [&](QObject *context, auto done) { rotate(webhook, newSecret, graceHours, context, done); });
    if (!stored)
        return stored.failure();
    webhook = *stored;
    return {};
}

Result<void> WebhookSecrets::removeAndWait(Webhook &webhook)
{
    const auto stored = waitFor<Result<Webhook>>([&](QObject *context, auto done) { remove(webhook, context, done); });
    if (!stored)
        return stored.failure();
    webhook = *stored;
    return {};
}

Result<QString> WebhookSecrets::revealAndWait(const Webhook &webhook)
{
    return waitFor<Result<QString>>([&](QObject *context, auto done) { reveal(webhook, context, done); });
}
