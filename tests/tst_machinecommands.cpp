// The machine commands as administrators run them, two machines against one database on both engines: one keeps
// its key in the keyring, the other in a private file (as a headless dispatcher host does).
#include "models/secrets/machineidentity.h"
#include "models/secrets/machinekeystore.h"
#include "models/secrets/secretstore.h"
#include "models/storage/auditlog.h"
#include "models/storage/machineregistry.h"
#include "models/storage/webhookrepository.h"
#include "models/storage/sealedcredentials.h"
#include "models/secrets/webhooksecrets.h"
#include "testsupport/commandrunner.h"
#include "testsupport/resultchecks.h"
#include "testsupport/testdatabases.h"
#include "testsupport/webhookfixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMachineCommands : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void enrollApproveRevoke_data() { addEngineRows(); }
    void enrollApproveRevoke();
    void keyFilesMustBePrivateAndWhole();

private:
    CommandRun machine(const QStringList &words, const QString &keyFile = {});

    SecretStore m_keychain; // the executable's own service: the keyring machine's key is its entry
    QTemporaryDir m_folder;
    OpenTestDatabase m_db;
};

void TestMachineCommands::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session: run the tests with scripts/test-services.sh, which starts an unlocked keyring");
}

void TestMachineCommands::init()
{
    m_db = openTestDatabase(QTest::currentDataTag() ? currentEngine() : DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    (void)m_keychain.removeAndWait(QLatin1StringView(MachineKeyStore::KeychainEntry));
}

void TestMachineCommands::cleanup()
{
    (void)m_keychain.removeAndWait(QLatin1StringView(MachineKeyStore::KeychainEntry));
    QFile::remove(m_folder.filePath(u"dispatcher.key"_s));
    m_db = {};
}

CommandRun TestMachineCommands::machine(const QStringList &words, const QString &keyFile)
{
    QMap<QString, QString> environment;
    if (!keyFile.isEmpty())
        environment.insert(u"GOREPORTER_MACHINE_KEY_FILE"_s, keyFile);
    return runCommand(QStringList{u"--database"_s, m_db.storage->urlText(), u"machine"_s} + words, {}, environment);
}

void TestMachineCommands::enrollApproveRevoke()
{
    const QString serverKey = m_folder.filePath(u"dispatcher.key"_s);

    // The first machine of a database is approved at once, and says so.
    const CommandRun first = machine({u"enroll"_s, u"--name"_s, u"ws-admin"_s});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QString workstation = first.out.trimmed();
    QCOMPARE(MachineIdentity::normalizedFingerprint(workstation), workstation);
    QVERIFY2(first.err.contains(u"first machine, so it is approved now"_s), qPrintable(first.err));
    QVERIFY2(first.err.contains(u"keychain"_s), qPrintable(first.err));
    const SecretStore::Result held = m_keychain.readAndWait(QLatin1StringView(MachineKeyStore::KeychainEntry));
    QVERIFY_OK(held);
    QCOMPARE(MachineIdentity::fromPem(held->toUtf8())->fingerprint(), workstation);

    // The next one waits; its key lies in a file only its account can read.
    const CommandRun second = machine({u"enroll"_s, u"--name"_s, u"dispatch-01"_s}, serverKey);
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    const QString server = second.out.trimmed();
    QVERIFY(server != workstation);
    QVERIFY2(second.err.contains(u"waits for approval"_s) && second.err.contains(u"machine approve " + server),
             qPrintable(second.err));
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QVERIFY(QFile::permissions(serverKey) & QFileDevice::ReadOwner);
    QCOMPARE(QFile::permissions(serverKey) & others, QFileDevice::Permissions());
    // Enrolling again changes nothing.
    const CommandRun again = machine({u"enroll"_s}, serverKey);
    QCOMPARE(again.out.trimmed(), server);
    QVERIFY2(again.err.contains(u"waits for approval"_s), qPrintable(again.err));

    // A machine that waits cannot approve itself.
    const CommandRun selfApproval = machine({u"approve"_s, server}, serverKey);
    QCOMPARE(selfApproval.exitCode, 1);
    QVERIFY2(selfApproval.err.contains(u"Only an approved machine"_s), qPrintable(selfApproval.err));
    // A secret set now is sealed for the workstation alone.
    Webhook ward = makeWebhook(u"Ward 3"_s);
    QVERIFY(WebhookRepository(*m_db.database).create(ward).ok());
    const CommandRun generated = runCommand({u"--database"_s, m_db.storage->urlText(), u"secret"_s, u"generate"_s,
                                             u"--webhook"_s, u"Ward 3"_s});
    QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
    const QString credential = WebhookSecrets::signingKey(ward.id);
    auto recipients = [&] { return SealedCredentials(*m_db.database).find(credential)->value().recipients; };
    QCOMPARE(recipients(), QStringList{workstation});
    // The administrator approves it, typing the fingerprint as people do; the secret is re-sealed for both.
    QString typed = server.toLower();
    typed.replace(u'-', u' ');
    const CommandRun approved = machine({u"approve"_s, typed});
    QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
    QVERIFY2(approved.err.contains(u"Approved “dispatch-01” (%1)"_s.arg(server)), qPrintable(approved.err));
    QVERIFY2(approved.err.contains(u"1 credential sealed again"_s), qPrintable(approved.err));
    QCOMPARE(recipients(), (QStringList{workstation, server}));
    // Nothing left to re-seal; a waiting machine cannot re-seal.
    const CommandRun repaired = machine({u"reseal"_s});
    QVERIFY2(repaired.exitCode == 0 && repaired.err.contains(u"0 credentials sealed again"_s), qPrintable(repaired.err));
    const CommandRun twice = machine({u"approve"_s, server});
    QCOMPARE(twice.exitCode, 1);
    QVERIFY2(twice.err.contains(u"approved already"_s), qPrintable(twice.err));

    const CommandRun listed = machine({u"list"_s}, serverKey);
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    QStringList lines = listed.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(1).startsWith(workstation) && lines.at(1).contains(u"ws-admin"_s)
            && !lines.at(1).contains(u"this machine"_s));
    QVERIFY2(lines.at(2).startsWith(server) && lines.at(2).contains(u"dispatch-01 (this machine)"_s)
                 && lines.at(2).contains(u"approved"_s),
             qPrintable(lines.at(2)));

    // Revoked: it enrolls again only with a new key; the last approved machine cannot be revoked.
    const CommandRun revoked = machine({u"revoke"_s, server});
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
    // Sealed without it from now on, and the administrator is told what it could read, to rotate.
    QCOMPARE(recipients(), QStringList{workstation});
    QVERIFY2(revoked.err.contains(u"could read these credentials until now"_s)
                 && revoked.err.contains(u"the signing secret of “Ward 3”"_s),
             qPrintable(revoked.err));
    const CommandRun revokedEnrolls = machine({u"enroll"_s}, serverKey);
    QCOMPARE(revokedEnrolls.exitCode, 1);
    QVERIFY2(revokedEnrolls.err.contains(u"machine enroll --new-key"_s), qPrintable(revokedEnrolls.err));
    QVERIFY2(machine({u"approve"_s, server}).err.contains(u"cannot be approved again"_s), "a revoked key came back");
    const CommandRun renewed = machine({u"enroll"_s, u"--new-key"_s}, serverKey);
    QVERIFY2(renewed.exitCode == 0, qPrintable(renewed.err));
    QVERIFY(renewed.out.trimmed() != server);
    const CommandRun last = machine({u"revoke"_s, workstation});
    QCOMPARE(last.exitCode, 1);
    QVERIFY2(last.err.contains(u"last approved one"_s), qPrintable(last.err));
    const CommandRun unknown = machine({u"revoke"_s, u"0000-0000-0000-0000-0000-0000-0000-0000"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(u"No machine has the fingerprint"_s), qPrintable(unknown.err));
    QCOMPARE(machine({u"approve"_s, u"3F2A-9C1B"_s}).exitCode, 2);

    // Every step in the audit trail, by fingerprint, name and state only.
    const Result<QList<AuditEntry>> audit = AuditLog::read(*m_db.database);
    QVERIFY_OK(audit);
    QStringList actions;
    int reseals = 0;
    for (const AuditEntry &entry : *audit) {
        // Each decision re-seals the credentials, recorded with the recipients' fingerprints.
        if (entry.action == u"credentials-reseal") {
            ++reseals;
            QCOMPARE(entry.entityId, workstation);
            QVERIFY(entry.after.value(u"recipients"_s).toArray().contains(workstation));
        }
        if (entry.entity != u"machine")
            continue;
        actions.append(entry.action + u' ' + entry.entityId);
        QCOMPARE(entry.after.keys(), (QStringList{u"fingerprint"_s, u"name"_s, u"state"_s}));
    }
    const QString renewedFingerprint = renewed.out.trimmed();
    QCOMPARE(actions, (QStringList{u"machine-first-approved "_s + workstation, u"machine-enroll "_s + server,
                                   u"machine-approve "_s + server, u"machine-revoke "_s + server,
                                   u"machine-enroll "_s + renewedFingerprint}));
    QCOMPARE(reseals, 3);
}

void TestMachineCommands::keyFilesMustBePrivateAndWhole()
{
    const QString keyFile = m_folder.filePath(u"dispatcher.key"_s);
    QVERIFY2(machine({u"enroll"_s}, keyFile).exitCode == 0, "cannot enroll");
    // Readable by others: not used, and the message says what to do.
    QVERIFY(QFile::setPermissions(keyFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
    const CommandRun exposed = machine({u"list"_s}, keyFile);
    QCOMPARE(exposed.exitCode, 1);
    QVERIFY2(exposed.err.contains(u"can be read by other accounts"_s) && exposed.err.contains(u"chmod 600"_s),
             qPrintable(exposed.err));
    // A damaged file.
    QFile::remove(keyFile);
    QFile damaged(keyFile);
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    damaged.close();
    QVERIFY(QFile::setPermissions(keyFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const CommandRun broken = machine({u"enroll"_s}, keyFile);
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains(u"cannot be used"_s), qPrintable(broken.err));

    // Under systemd the key comes as a credential: read, never written.
    QFile::remove(keyFile);
    QVERIFY(machine({u"enroll"_s, u"--name"_s, u"dispatch-02"_s}, keyFile).exitCode == 0);
    QTemporaryDir credentials;
    QVERIFY(QFile::copy(keyFile, credentials.filePath(u"machine-key"_s)));
    const QMap<QString, QString> service{{u"CREDENTIALS_DIRECTORY"_s, credentials.path()}};
    const CommandRun listed = runCommand({u"--database"_s, m_db.storage->urlText(), u"machine"_s, u"list"_s}, {}, service);
    QVERIFY2(listed.exitCode == 0 && listed.out.contains(u"dispatch-02 (this machine)"_s), qPrintable(listed.out + listed.err));
    const CommandRun renew = runCommand({u"--database"_s, m_db.storage->urlText(), u"machine"_s, u"enroll"_s,
                                         u"--new-key"_s},
                                        {}, service);
    QCOMPARE(renew.exitCode, 1);
    QVERIFY2(renew.err.contains(u"only reads"_s), qPrintable(renew.err));
}

QTEST_GUILESS_MAIN(TestMachineCommands)
#include "tst_machinecommands.moc"
