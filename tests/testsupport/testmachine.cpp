// A test's own approved machine: key file, enrolment and approval, the sealed store over the test database.
#include "testsupport/testmachine.h"

#include "models/secrets/machinekeystore.h"
#include "models/storage/database.h"
#include "models/storage/machineregistry.h"

#include <QDebug>
#include <QFile>

TestMachineKey::TestMachineKey(const QString &name)
    : path(folder.filePath(QStringLiteral("machine.key")))
{
    const Result<MachineIdentity> generated = MachineIdentity::generate(name);
    if (!generated) {
        qWarning() << "cannot make a machine key:" << generated.message();
        return;
    }
    identity = *generated;
    if (const Result<void> saved = MachineKeyStore::file(keychain, path).saveAndWait(identity); !saved) {
        qWarning() << "cannot write the machine key:" << saved.message();
        identity = {};
    }
}

TestCredentialStore::TestCredentialStore(Database &database, const QString &name, Environment environment)
    : TestMachineKey(name)
    , SealedCredentialStore(DatabaseWorker(database.url(), database.password()),
                            MachineKeyStore::file(keychain, path))
{
    if (TestMachineKey::identity.isNull())
        return;
    MachineRegistry machines(database);
    MachineRecord record;
    record.fingerprint = TestMachineKey::identity.fingerprint();
    record.name = name;
    record.certificatePem = TestMachineKey::identity.certificatePem();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const ::Result<MachineEnrolment> enrolled = machines.enroll(record, now);
    if (!enrolled) {
        qWarning() << "cannot enroll the test machine:" << enrolled.message();
        return;
    }
    if (enrolled->machine.state == MachineRecord::State::Requested) {
        if (const ::Result<MachineRecord> approved = machines.approve(record.fingerprint, now); !approved) {
            qWarning() << "cannot approve the test machine:" << approved.message();
            return;
        }
    }
    if (environment == Environment::Export) {
        qputenv("GOREPORTER_MACHINE_KEY_FILE", QFile::encodeName(path));
        m_exported = true;
    }
    m_ok = true;
}

TestCredentialStore::~TestCredentialStore()
{
    if (m_exported)
        qunsetenv("GOREPORTER_MACHINE_KEY_FILE");
}
