// The sealed store: envelopes in sealed_credentials, opened and sealed on the worker with this machine's key.
#include "models/secrets/sealedcredentialstore.h"

#include "models/secrets/sealedenvelope.h"
#include "models/storage/database.h"
#include "models/storage/sealedcredentials.h"

#include <QLocale>
#include <QPointer>

namespace {

QString when(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

// Why a machine that is not approved may not use the sealed store, or nothing when it is approved.
std::optional<Failure> notApproved(const std::optional<MachineRecord> &machine, const QString &fingerprint)
{
    if (!machine)
        return Failure{ErrorCode::Forbidden,
                       SealedCredentialStore::tr("This machine (fingerprint %1) is not enrolled in this database, so "
                                                 "it can use no sealed credential. Run “goreporter-webhooks machine "
                                                 "enroll” on it, then have an administrator approve it.")
                           .arg(fingerprint)};
    switch (machine->state) {
    case MachineRecord::State::Approved:
        return std::nullopt;
    case MachineRecord::State::Requested:
        return Failure{ErrorCode::Forbidden,
                       SealedCredentialStore::tr("This machine (%1, fingerprint %2) waits for approval. An "
                                                 "administrator approves it on an approved machine: “machine approve "
                                                 "%2”, or in the console's Machines dialog.")
                           .arg(machine->name, fingerprint)};
    case MachineRecord::State::Revoked:
        return Failure{ErrorCode::Forbidden,
                       SealedCredentialStore::tr("This machine (%1, fingerprint %2) was revoked on %3 by %4; it can "
                                                 "use no sealed credential any more.")
                           .arg(machine->name, fingerprint, when(machine->decidedAt), machine->decidedBy)};
    }
    return std::nullopt;
}

} // namespace

SealedCredentialStore::SealedCredentialStore(const DatabaseWorker &database, const MachineKeyStore &keys,
                                             QObject *parent)
    : CredentialStore(parent)
    , m_database(database)
    , m_keys(keys)
{
}

::Result<void> SealedCredentialStore::checkApproved(Database &database, const MachineIdentity &identity)
{
    const ::Result<std::optional<MachineRecord>> machine = MachineRegistry(database).find(identity.fingerprint());
    if (!machine)
        return machine.failure();
    if (const std::optional<Failure> refusal = notApproved(*machine, identity.fingerprint()))
        return *refusal;
    return {};
}

::Result<SealedCredentialStore::Recipients> SealedCredentialStore::approvedRecipients(Database &database)
{
    const ::Result<QList<MachineRecord>> machines = MachineRegistry(database).list();
    if (!machines)
        return machines.failure();
    Recipients recipients;
    for (const MachineRecord &machine : *machines) {
        if (machine.state != MachineRecord::State::Approved)
            continue;
        recipients.fingerprints.append(machine.fingerprint);
        recipients.certificates.append(machine.certificatePem);
    }
    return recipients;
}

CredentialStore::Result SealedCredentialStore::openOn(Database &database, const MachineIdentity &identity,
                                                      const QString &key)
{
    SealedCredentials credentials(database);
    const ::Result<std::optional<SealedCredentialRecord>> stored = credentials.find(key);
    if (!stored)
        return stored.failure();
    if (!*stored)
        return Failure{ErrorCode::NotFound, tr("Nothing is stored as %1.").arg(credentials.describe(key))};
    const ::Result<QByteArray> opened = SealedEnvelope::open((*stored)->envelope, identity);
    if (opened)
        return QString::fromUtf8(*opened);
    if (opened.code() != ErrorCode::NotFound)
        return Failure{opened.code(), tr("%1 cannot be opened: %2 Set it again, or rotate it.")
                                          .arg(credentials.describe(key), opened.message())};
    // Not a recipient: say why, from this machine's standing in the database.
    if (::Result<void> approved = checkApproved(database, identity); !approved)
        return approved.failure();
    return Failure{ErrorCode::Forbidden,
                   tr("%1 was sealed on %2 for other machines than this one (fingerprint %3), which was approved "
                      "later. An administrator re-seals the credentials on an approved machine: “machine reseal”, "
                      "or in the console's Machines dialog.")
                       .arg(credentials.describe(key), when((*stored)->sealedAt), identity.fingerprint())};
}

CredentialStore::Result SealedCredentialStore::sealOn(Database &database, const MachineIdentity &identity,
                                                      const QString &key, const QString &value)
{
    if (::Result<void> approved = checkApproved(database, identity); !approved)
        return approved.failure();
    const ::Result<Recipients> recipients = approvedRecipients(database);
    if (!recipients)
        return recipients.failure();
    const ::Result<QByteArray> sealed = SealedEnvelope::seal(value.toUtf8(), recipients->certificates);
    if (!sealed)
        return sealed.failure();
    const SealedCredentialRecord record{key, SealedCredentials::webhookOf(key), *sealed, recipients->fingerprints,
                                        QDateTime::currentDateTimeUtc(), identity.fingerprint()};
    if (::Result<void> put = SealedCredentials(database).put(record); !put)
        return put.failure();
    return QString();
}

CredentialStore::Result SealedCredentialStore::removeOn(Database &database, const MachineIdentity &identity,
                                                        const QString &key)
{
    if (::Result<void> approved = checkApproved(database, identity); !approved)
        return approved.failure();
    SealedCredentials credentials(database);
    const ::Result<bool> removed = credentials.remove(key);
    if (!removed)
        return removed.failure();
    if (!*removed)
        return Failure{ErrorCode::NotFound, tr("Nothing is stored as %1.").arg(credentials.describe(key))};
    return QString();
}

void SealedCredentialStore::withIdentity(std::function<void(const ::Result<MachineIdentity> &)> then)
{
    if (m_identity)
        return then(*m_identity);
    m_waiting.append(std::move(then));
    if (m_loading)
        return;
    m_loading = true;
    m_keys.load(this, [this](const MachineKeyStore::Loaded &loaded) {
        m_loading = false;
        ::Result<MachineIdentity> outcome = Failure{};
        if (!loaded)
            outcome = loaded.failure();
        else if (!*loaded)
            outcome = Failure{ErrorCode::Forbidden,
                              tr("This machine has no key yet (looked in %1), so it can use no sealed credential. "
                                 "Run “goreporter-webhooks machine enroll”, or open the console, then have an "
                                 "administrator approve it.")
                                  .arg(m_keys.describe())};
        else
            outcome = m_identity.emplace(**loaded);
        // A failure is not kept: an unlocked keychain or a new key file is found on the next try.
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &then : waiting)
            then(outcome);
    });
}

void SealedCredentialStore::run(Job job, QObject *context, Callback done)
{
    QPointer<QObject> caller(context);
    withIdentity([this, job = std::move(job), caller, done = std::move(done)](const ::Result<MachineIdentity> &identity) {
        if (!caller)
            return;
        // Loading answers from the event loop, so this is never inside the call that asked.
        if (!identity)
            return done(identity.failure());
        m_database.run<QString>([job, identity = *identity](Database &database) { return job(database, identity); },
                                caller.data(), done);
    });
}

void SealedCredentialStore::read(const QString &key, QObject *context, Callback done)
{
    run([key](Database &database, const MachineIdentity &identity) { return openOn(database, identity, key); },
        context, std::move(done));
}

void SealedCredentialStore::write(const QString &key, const QString &value, QObject *context, Callback done)
{
    run([key, value](Database &database, const MachineIdentity &identity) {
        return sealOn(database, identity, key, value);
    }, context, std::move(done));
}

void SealedCredentialStore::remove(const QString &key, QObject *context, Callback done)
{
    run([key](Database &database, const MachineIdentity &identity) { return removeOn(database, identity, key); },
        context, std::move(done));
}

void SealedCredentialStore::holders(const QString &key, QObject *context, Holders done)
{
    m_database.run<QStringList>([key](Database &database) -> ::Result<QStringList> {
        const ::Result<std::optional<SealedCredentialRecord>> stored = SealedCredentials(database).find(key);
        if (!stored)
            return stored.failure();
        if (!*stored)
            return QStringList();
        const ::Result<QList<MachineRecord>> machines = MachineRegistry(database).list();
        if (!machines)
            return machines.failure();
        QStringList holders;
        for (const MachineRecord &machine : *machines) {
            if ((*stored)->recipients.contains(machine.fingerprint))
                holders.append(tr("%1 (%2)").arg(machine.name, machine.fingerprint));
        }
        return holders;
    }, context, std::move(done));
}
