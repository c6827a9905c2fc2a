// An approved machine of the test's own and the sealed store it opens, as the console and the dispatcher use them.
#pragma once

#include "models/secrets/machineidentity.h"
#include "models/secrets/sealedcredentialstore.h"
#include "models/secrets/secretstore.h"

#include <QTemporaryDir>

class Database;

// The machine's key is in a private file, as on a dispatcher host; while it lives, GOREPORTER_MACHINE_KEY_FILE names
// that file, so that the executables the test starts are the same machine. It is enrolled in database and
// approved (the first machine of a database is approved at once; a later one is approved here directly).
struct TestMachineKey
{
    explicit TestMachineKey(const QString &name);
    QTemporaryDir folder;
    SecretStore keychain; // unused: MachineKeyStore wants one even for a file
    QString path;
    MachineIdentity identity;
};

class TestCredentialStore : private TestMachineKey, public SealedCredentialStore
{
public:
    enum class Environment { Export, Keep };
    explicit TestCredentialStore(Database &database, const QString &name = QStringLiteral("test-machine"),
                                 Environment environment = Environment::Export);
    ~TestCredentialStore() override;

    bool ok() const { return m_ok; }
    const MachineIdentity &identity() const { return TestMachineKey::identity; }
    QString keyFile() const { return path; }

private:
    bool m_ok = false;
    bool m_exported = false;
};
