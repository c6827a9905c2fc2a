// Where this machine keeps its own identity (MachineIdentity): the keychain of the account it runs as, or, on a
// headless server, a file only the service account can read (a systemd credential, or a path in the configuration).
#pragma once

#include "models/domain/result.h"
#include "models/secrets/machineidentity.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class QObject;

class SecretStore;

class MachineKeyStore
{
    Q_DECLARE_TR_FUNCTIONS(MachineKeyStore)
public:
    enum class Kind { Keychain, File, SystemdCredential };

    // The keychain entry that holds the identity's PEM.
    static constexpr auto KeychainEntry = "machine-key";
    // systemd: LoadCredential=machine-key:/etc/goreporter-webhooks/machine-key makes it readable by the service
    // alone, under $CREDENTIALS_DIRECTORY.
    static constexpr auto CredentialName = "machine-key";

    // GOREPORTER_MACHINE_KEY_FILE when set; else the systemd credential when the service was given one; else
    // the keychain.
    static MachineKeyStore fromEnvironment(SecretStore &keychain);
    static MachineKeyStore file(SecretStore &keychain, const QString &path);

    Kind kind() const { return m_kind; }
    QString path() const { return m_path; }
    // "the keychain", "the file /etc/…": where the key is, for messages.
    QString describe() const;

    // nullopt when this machine has no identity yet. Invalid when what is there is not one; Unavailable or
    // Forbidden when the keychain or the file cannot be read (a locked keychain says so).
    using Loaded = Result<std::optional<MachineIdentity>>;
    Loaded loadAndWait();
    // The same without waiting: done runs on context's thread (never inside the call), unless context is gone.
    void load(QObject *context, std::function<void(const Loaded &)> done);
    // Keeps identity (a file is created readable by its owner only, and never overwritten by another key).
    // Forbidden for a systemd credential, which the service reads and never writes.
    Result<void> saveAndWait(const MachineIdentity &identity);
    Result<void> removeAndWait();

private:
    MachineKeyStore(SecretStore &keychain, Kind kind, const QString &path);
    Loaded readFile() const;
    // What the keychain answered for KeychainEntry: nothing there, a failure, or the identity.
    Loaded fromKeychainEntry(const ::Result<QString> &read) const;
    Loaded fromPem(const QByteArray &pem) const;

    SecretStore &m_keychain;
    Kind m_kind;
    QString m_path;
};
