// Webhook credentials sealed in the shared database to every approved machine (SealedEnvelope), opened with this
// machine's own key (MachineKeyStore): what a database copy holds is of no use without an approved machine's key.
#pragma once

#include "models/secrets/credentialstore.h"
#include "models/secrets/machineidentity.h"
#include "models/secrets/machinekeystore.h"
#include "models/storage/databaseworker.h"
#include "models/storage/machineregistry.h"

#include <QCoreApplication>
#include <QList>

#include <functional>
#include <optional>

class Database;

// Reads open the stored envelope with this machine's key; writes seal the value to the certificates of all
// machines approved at that moment, and only an approved machine writes or removes. Failures besides the
// CredentialStore ones: Forbidden when this machine has no key, waits for approval, was revoked, or is not among
// a credential's recipients (each said so, with its fingerprint). The database work and the cryptography run on
// the worker's connection and thread; this machine's key is loaded once, without waiting.
class SealedCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    SealedCredentialStore(const DatabaseWorker &database, const MachineKeyStore &keys, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &value, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

    // The machines a credential is sealed for, by name and fingerprint.
    void holders(const QString &key, QObject *context, Holders done) override;

    // The same operations on a connection the caller holds (the command line's, a worker job's).
    static Result openOn(Database &database, const MachineIdentity &identity, const QString &key);
    static Result sealOn(Database &database, const MachineIdentity &identity, const QString &key, const QString &value);
    static Result removeOn(Database &database, const MachineIdentity &identity, const QString &key);
    // Forbidden, saying why, unless identity belongs to an approved machine of database.
    static ::Result<void> checkApproved(Database &database, const MachineIdentity &identity);
    // What a credential is sealed for: the machines approved now, their fingerprints and certificates in one order.
    struct Recipients
    {
        QStringList fingerprints;
        QList<QByteArray> certificates;
    };
    static ::Result<Recipients> approvedRecipients(Database &database);

private:
    using Job = std::function<Result(Database &database, const MachineIdentity &identity)>;
    // Loads this machine's key (once), then runs job on the worker; done hears the outcome on context's thread.
    void run(Job job, QObject *context, Callback done);
    void withIdentity(std::function<void(const ::Result<MachineIdentity> &)> then);

    DatabaseWorker m_database;
    MachineKeyStore m_keys;
    std::optional<MachineIdentity> m_identity;
    bool m_loading = false;
    QList<std::function<void(const ::Result<MachineIdentity> &)>> m_waiting;
};
