// Epic key pair generation against the real keyring and a real database: key id, refusal, and the keychain rollback.
#include "models/secrets/epickeygeneration.h"
#include "models/secrets/secretstore.h"
#include "models/secrets/webhooksecrets.h"
#include "testsupport/testmachine.h"
#include "testsupport/webhookfixtures.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEpicKeyGeneration : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void storesKeyAndNamesIt();
    void keepsAnExistingKeyUnlessReplacing();
    void replacedKeyIdFollowsTheKey();
    void chosenKeyIdStays();
    void refusedByDatabaseRestoresThePreviousKey();
    void refusedByDatabaseRemovesANewKey();

private:
    Result<GeneratedEpicKey> generate(bool replace);
    QString storedPem();
    void refuseWebhookUpdates();

    OpenTestDatabase m_db;
    std::unique_ptr<WebhookRepository> m_repository;
    std::unique_ptr<TestCredentialStore> m_keychain;
    Webhook m_webhook;
};

void TestEpicKeyGeneration::init()
{
    m_db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    m_repository = std::make_unique<WebhookRepository>(*m_db.database);
    m_keychain = std::make_unique<TestCredentialStore>(*m_db.database);
    m_webhook = makeWebhook(u"Epic results"_s, WebhookKind::Epic);
    QVERIFY(m_repository->create(m_webhook).ok());
}

void TestEpicKeyGeneration::cleanup()
{
    (void)m_keychain->removeAndWait(WebhookSecrets::epicPrivateKeyKey(m_webhook.id));
    m_repository.reset();
    m_db = {};
}

Result<GeneratedEpicKey> TestEpicKeyGeneration::generate(bool replace)
{
    // 2048 bits: the smallest size EpicKey accepts, to keep the test quick.
    std::optional<Result<GeneratedEpicKey>> outcome;
    QObject context;
    EpicKeyGeneration::start(*m_keychain, *m_repository, {m_webhook.id, 2048, replace}, &context,
                             [&outcome](const Result<GeneratedEpicKey> &result) { outcome = result; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 60000))
        return Failure{ErrorCode::Unavailable, u"the generation did not finish"_s};
    return *outcome;
}

QString TestEpicKeyGeneration::storedPem()
{
    const CredentialStore::Result read = m_keychain->readAndWait(WebhookSecrets::epicPrivateKeyKey(m_webhook.id));
    return read.ok() ? read.value() : QString();
}

void TestEpicKeyGeneration::refuseWebhookUpdates()
{
    // A database that refuses the write for its own reasons (here a trigger; in life a lost connection or a lock).
    QSqlQuery trigger(m_db.database->connection());
    QVERIFY2(trigger.exec(u"CREATE TRIGGER refuse_updates BEFORE UPDATE ON webhooks"
                          " BEGIN SELECT RAISE(ABORT, 'updates refused'); END"_s),
             qPrintable(trigger.lastError().text()));
}

void TestEpicKeyGeneration::storesKeyAndNamesIt()
{
    const Result<GeneratedEpicKey> generated = generate(false);
    QVERIFY2(generated.ok(), qPrintable(generated.message()));
    QVERIFY(!generated->replaced);
    const auto key = EpicKey::fromPem(storedPem().toLatin1());
    QVERIFY(key);
    QCOMPARE(key->thumbprint(), generated->key.thumbprint());
    QCOMPARE(generated->webhook.epic.keyId, key->thumbprint());
    QCOMPARE(m_repository->findById(m_webhook.id)->epic.keyId, key->thumbprint());
    QCOMPARE(m_repository->findById(m_webhook.id)->version, m_webhook.version + 1);
}

void TestEpicKeyGeneration::keepsAnExistingKeyUnlessReplacing()
{
    QVERIFY(generate(false).ok());
    const QString first = storedPem();
    const Result<GeneratedEpicKey> refused = generate(false);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.code(), ErrorCode::Conflict);
    QCOMPARE(storedPem(), first);
}

void TestEpicKeyGeneration::replacedKeyIdFollowsTheKey()
{
    const Result<GeneratedEpicKey> first = generate(false);
    QVERIFY(first.ok());
    const Result<GeneratedEpicKey> second = generate(true);
    QVERIFY2(second.ok(), qPrintable(second.message()));
    QVERIFY(second->replaced);
    QVERIFY(second->key.thumbprint() != first->key.thumbprint());
    QCOMPARE(m_repository->findById(m_webhook.id)->epic.keyId, second->key.thumbprint());
}

void TestEpicKeyGeneration::chosenKeyIdStays()
{
    m_webhook.epic.keyId = u"registered-with-epic-2026"_s;
    QVERIFY(m_repository->update(m_webhook).ok());
    const Result<GeneratedEpicKey> generated = generate(false);
    QVERIFY2(generated.ok(), qPrintable(generated.message()));
    QCOMPARE(generated->webhook.epic.keyId, u"registered-with-epic-2026"_s);
    QCOMPARE(m_repository->findById(m_webhook.id)->version, m_webhook.version);
}

void TestEpicKeyGeneration::refusedByDatabaseRestoresThePreviousKey()
{
    QVERIFY(generate(false).ok());
    const QString previous = storedPem();
    const QString keyId = m_repository->findById(m_webhook.id)->epic.keyId;
    refuseWebhookUpdates();
    const Result<GeneratedEpicKey> refused = generate(true);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.message().contains(u"updates refused"_s), qPrintable(refused.message()));
    QCOMPARE(storedPem(), previous);
    QCOMPARE(EpicKey::fromPem(previous.toLatin1())->thumbprint(), keyId);
}

void TestEpicKeyGeneration::refusedByDatabaseRemovesANewKey()
{
    refuseWebhookUpdates();
    const Result<GeneratedEpicKey> refused = generate(false);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.code(), ErrorCode::Unavailable);
    const CredentialStore::Result read = m_keychain->readAndWait(WebhookSecrets::epicPrivateKeyKey(m_webhook.id));
    QCOMPARE(read.code(), ErrorCode::NotFound);
    QVERIFY(m_repository->findById(m_webhook.id)->epic.keyId.isEmpty());
}

QTEST_GUILESS_MAIN(TestEpicKeyGeneration)
#include "tst_epickeygeneration.moc"
