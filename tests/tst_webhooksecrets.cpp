// Signing secrets in the real keyring with their fingerprints in the database: set, rotate, remove, compare.
#include "models/secrets/webhooksecrets.h"
#include "models/secrets/signingsecret.h"
#include "network/transport/standardwebhooks.h"
#include "testsupport/testmachine.h"
#include "testsupport/webhookfixtures.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestWebhookSecrets : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void setGeneratedSecret();
    void refusesMalformedSecret();
    void presenceOnThisWorkstation();
    void rotationSignsWithBothDuringGrace();
    void expiredGraceSignsWithNewOnly();
    void removeForgetsEverything();
    void failedRecordRestoresKeychain();
    void changeOutlivesTheWindowThatAsked();
    void neverInDatabaseOrAudit();

private:
    OpenTestDatabase m_db;
    std::unique_ptr<WebhookRepository> m_repository;
    std::unique_ptr<TestCredentialStore> m_store;
    std::unique_ptr<WebhookSecrets> m_secrets;
    Webhook m_webhook;
};

void TestWebhookSecrets::init()
{
    m_db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    m_repository = std::make_unique<WebhookRepository>(*m_db.database);
    m_store = std::make_unique<TestCredentialStore>(*m_db.database);
    m_secrets = std::make_unique<WebhookSecrets>(*m_store, *m_repository);
    m_webhook = makeWebhook(u"Signed receiver"_s);
    QVERIFY(m_repository->create(m_webhook).ok());
}

void TestWebhookSecrets::cleanup()
{
    (void)m_store->removeAndWait(WebhookSecrets::signingKey(m_webhook.id));
    (void)m_store->removeAndWait(WebhookSecrets::previousSigningKey(m_webhook.id));
    m_secrets.reset();
    m_repository.reset();
    m_db = {};
}

void TestWebhookSecrets::setGeneratedSecret()
{
    QCOMPARE(m_secrets->statusAndWait(m_webhook).presence, WebhookSecrets::Presence::NotSet);
    const QString secret = SigningSecret::generate();
    QVERIFY(secret.startsWith(u"whsec_"_s));
    const Result<void> result = m_secrets->setAndWait(m_webhook, secret);
    QVERIFY2(result.ok(), qPrintable(result.message()));
    QCOMPARE(m_webhook.secretFingerprint, SigningSecret::fingerprint(secret));
    QVERIFY(m_webhook.secretSetAt.isValid());
    QCOMPARE(m_repository->findById(m_webhook.id)->secretFingerprint, m_webhook.secretFingerprint);
    QCOMPARE(m_store->readAndWait(WebhookSecrets::signingKey(m_webhook.id)).value(), secret);
    QCOMPARE(resolveCredentials(*m_store, m_webhook)->signingSecrets, QStringList{secret});
    QCOMPARE(*m_secrets->revealAndWait(m_webhook), secret);
}

void TestWebhookSecrets::refusesMalformedSecret()
{
    const Result<void> result = m_secrets->setAndWait(m_webhook, u"whsec_not base64!"_s);
    QCOMPARE(result.code(), ErrorCode::Invalid);
    QVERIFY(!result.message().isEmpty());
    QVERIFY(m_repository->findById(m_webhook.id)->secretFingerprint.isEmpty());
    QCOMPARE(m_store->readAndWait(WebhookSecrets::signingKey(m_webhook.id)).code(), ErrorCode::NotFound);
}

void TestWebhookSecrets::presenceOnThisWorkstation()
{
    QVERIFY(m_secrets->setAndWait(m_webhook, SigningSecret::generate()).ok());
    QCOMPARE(m_secrets->statusAndWait(m_webhook).presence, WebhookSecrets::Presence::PresentHere);
    // No sealed copy: a secret set before the sealed store, in another console's keychain.
    QVERIFY(m_store->removeAndWait(WebhookSecrets::signingKey(m_webhook.id)).ok());
    WebhookSecrets::Status status = m_secrets->statusAndWait(m_webhook);
    QCOMPARE(status.presence, WebhookSecrets::Presence::MissingHere);
    QVERIFY2(status.message.contains(m_webhook.secretFingerprint), qPrintable(status.message));
    const auto missing = resolveCredentials(*m_store, m_webhook);
    QCOMPARE(missing.code(), ErrorCode::NotFound);
    QVERIFY2(missing.message().contains(u"not in the sealed store"_s), qPrintable(missing.message()));
    // A stored secret that is not the one set.
    QVERIFY(m_store->writeAndWait(WebhookSecrets::signingKey(m_webhook.id), SigningSecret::generate()).ok());
    QCOMPARE(m_secrets->statusAndWait(m_webhook).presence, WebhookSecrets::Presence::DiffersHere);
    QCOMPARE(resolveCredentials(*m_store, m_webhook).code(), ErrorCode::Conflict);
}

void TestWebhookSecrets::rotationSignsWithBothDuringGrace()
{
    const QString oldSecret = SigningSecret::generate();
    const QString newSecret = SigningSecret::generate();
    QVERIFY(m_secrets->setAndWait(m_webhook, oldSecret).ok());
    const Result<void> rotated = m_secrets->rotateAndWait(m_webhook, newSecret);
    QVERIFY2(rotated.ok(), qPrintable(rotated.message()));
    QCOMPARE(m_webhook.secretFingerprint, SigningSecret::fingerprint(newSecret));
    QCOMPARE(m_webhook.previousSecretFingerprint, SigningSecret::fingerprint(oldSecret));
    const qint64 graceSeconds = QDateTime::currentDateTimeUtc().secsTo(m_webhook.secretGraceUntil);
    QVERIFY2(graceSeconds > 23 * 3600 && graceSeconds <= 24 * 3600, qPrintable(QString::number(graceSeconds)));
    const Webhook stored = *m_repository->findById(m_webhook.id);
    QCOMPARE(stored.previousSecretFingerprint, m_webhook.previousSecretFingerprint);
    QCOMPARE(stored.secretGraceUntil, m_webhook.secretGraceUntil);
    const auto credentials = resolveCredentials(*m_store, stored);
    QVERIFY2(credentials, qPrintable(credentials.message()));
    QCOMPARE(credentials->signingSecrets, (QStringList{newSecret, oldSecret}));

    // Both signatures go into one header, and a receiver knowing either secret accepts it.
    const auto header = StandardWebhooks::signatureHeader(credentials->signingSecrets, "msg_1", 1700000000, "{}");
    QVERIFY(header);
    QCOMPARE(header->count(' '), 1);
    QVERIFY(StandardWebhooks::verify({oldSecret}, "msg_1", 1700000000, "{}", *header));
    QVERIFY(StandardWebhooks::verify({newSecret}, "msg_1", 1700000000, "{}", *header));
}

void TestWebhookSecrets::expiredGraceSignsWithNewOnly()
{
    const QString newSecret = SigningSecret::generate();
    QVERIFY(m_secrets->setAndWait(m_webhook, SigningSecret::generate()).ok());
    QVERIFY(m_secrets->rotateAndWait(m_webhook, newSecret, 0).ok());
    QCOMPARE(resolveCredentials(*m_store, m_webhook)->signingSecrets, QStringList{newSecret});
}

void TestWebhookSecrets::removeForgetsEverything()
{
    QVERIFY(m_secrets->setAndWait(m_webhook, SigningSecret::generate()).ok());
    QVERIFY(m_secrets->rotateAndWait(m_webhook, SigningSecret::generate()).ok());
    QVERIFY(m_secrets->removeAndWait(m_webhook).ok());
    QVERIFY(m_webhook.secretFingerprint.isEmpty());
    QVERIFY(m_repository->findById(m_webhook.id)->previousSecretFingerprint.isEmpty());
    QCOMPARE(m_store->readAndWait(WebhookSecrets::signingKey(m_webhook.id)).code(), ErrorCode::NotFound);
    QCOMPARE(m_store->readAndWait(WebhookSecrets::previousSigningKey(m_webhook.id)).code(), ErrorCode::NotFound);
    QCOMPARE(m_secrets->statusAndWait(m_webhook).presence, WebhookSecrets::Presence::NotSet);
    const auto credentials = resolveCredentials(*m_store, m_webhook);
    QVERIFY(credentials && credentials->signingSecrets.isEmpty());
}

void TestWebhookSecrets::failedRecordRestoresKeychain()
{
    const QString original = SigningSecret::generate();
    QVERIFY(m_secrets->setAndWait(m_webhook, original).ok());
    // The database refuses the bookkeeping for its own reasons (a trigger here; a lost connection in life): the
    // sealed store gets the old secret back.
    QSqlQuery trigger(m_db.database->connection());
    QVERIFY2(trigger.exec(u"CREATE TRIGGER refuse_updates BEFORE UPDATE ON webhooks"
                          " BEGIN SELECT RAISE(ABORT, 'updates refused'); END"_s),
             qPrintable(trigger.lastError().text()));
    Webhook unchanged = m_webhook;
    QVERIFY(!m_secrets->setAndWait(unchanged, SigningSecret::generate()).ok());
    QCOMPARE(m_store->readAndWait(WebhookSecrets::signingKey(m_webhook.id)).value(), original);
    QVERIFY(trigger.exec(u"DROP TRIGGER refuse_updates"_s));

    // Someone deletes the webhook meanwhile: its sealed secret goes with it, and the refused change leaves
    // nothing behind.
    Webhook stale = m_webhook;
    QVERIFY(m_repository->remove(m_webhook).ok());
    const Result<void> result = m_secrets->setAndWait(stale, SigningSecret::generate());
    QCOMPARE(result.code(), ErrorCode::NotFound);
    QCOMPARE(m_store->readAndWait(WebhookSecrets::signingKey(m_webhook.id)).code(), ErrorCode::NotFound);
}

void TestWebhookSecrets::changeOutlivesTheWindowThatAsked()
{
    // A dialog that closes right after asking: the keychain and the database still end up agreeing, and the
    // views hear of it; only the dialog is told nothing.
    QSignalSpy saved(m_repository.get(), &WebhookRepository::webhookSaved);
    const QString secret = SigningSecret::generate();
    bool answered = false;
    auto *window = new QObject;
    m_secrets->set(m_webhook, secret, window, [&](const Result<Webhook> &) { answered = true; });
    delete window;
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.first().first().value<Webhook>().secretFingerprint, SigningSecret::fingerprint(secret));
    QCOMPARE(m_repository->findById(m_webhook.id)->secretFingerprint, SigningSecret::fingerprint(secret));
    QCOMPARE(m_store->readAndWait(WebhookSecrets::signingKey(m_webhook.id)).value(), secret);
    QVERIFY(!answered);
}

void TestWebhookSecrets::neverInDatabaseOrAudit()
{
    const QString secret = SigningSecret::generate();
    QVERIFY(m_secrets->setAndWait(m_webhook, secret).ok());
    QVERIFY(m_secrets->rotateAndWait(m_webhook, SigningSecret::generate()).ok());
    const QString key = secret.mid(6);
    for (const char *table : {"webhooks", "audit_log"}) {
        QSqlQuery query(m_db.database->connection());
        QVERIFY(query.exec(u"SELECT * FROM %1"_s.arg(QLatin1String(table))));
        while (query.next()) {
            for (int column = 0; column < query.record().count(); ++column)
                QVERIFY2(!query.value(column).toString().contains(key), table);
        }
    }
    const auto trail = m_repository->auditTrail(m_webhook.id);
    QCOMPARE(trail->at(1).action, u"secret-set"_s);
    QCOMPARE(trail->at(2).action, u"secret-rotate"_s);
    QCOMPARE(trail->at(2).after.value(u"previousSecretFingerprint"_s).toString(), SigningSecret::fingerprint(secret));
}

QTEST_GUILESS_MAIN(TestWebhookSecrets)
#include "tst_webhooksecrets.moc"
