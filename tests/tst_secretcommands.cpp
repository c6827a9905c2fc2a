// The secret, epic keygen and send commands as an administrator runs them: the real executable, the test keychain,
// loopback HTTPS receivers served by this process while the executable runs.
#include "models/storage/database.h"
#include "models/storage/deliverylog.h"
#include "models/secrets/signingsecret.h"
#include "models/storage/deliveryrepository.h"
#include "models/secrets/secretstore.h"
#include "models/storage/webhookrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "network/transport/epicauth.h"
#include "network/payloads/payloadformatter.h"
#include "network/transport/standardwebhooks.h"
#include "network/transport/webhookdelivery.h"
#include "testsupport/testmachine.h"
#include "testsupport/commandrunner.h"
#include "testsupport/jwtverifier.h"
#include "testsupport/testdatabases.h"
#include "testsupport/testhttpsserver.h"
#include "testsupport/testpki.h"
#include "testsupport/webhookfixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

} // namespace

class TestSecretCommands : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void setFromStandardInput();
    void badStandardInput_data();
    void badStandardInput();
    void secretAsArgumentRefused();
    void generatePrintsSecretOnce();
    void rotateKeepsPreviousSigning();
    void deleteRemovesSecret();
    void chatWebhooksHaveNoSecret();
    void noKeychainService();
    void epicKeygen();
    void epicKeygenRefusals();
    void sendSigned();
    void sendServerError();
    void sendNeverUnsigned();
    void sendKilledMidwayLeavesUnfinishedAttempt();
    void usageErrors_data();
    void usageErrors();
    void helpListsCommands();

private:
    CommandRun run(const QStringList &arguments, const QByteArray &input = {}, const QString &busAddress = {});
    bool store(Webhook &webhook);
    Webhook reload(const QString &name);
    Webhook receiverWebhook(const QString &name, const QUrl &url);

    TestPki m_pki;
    TestCertificate m_localhost;
    QTemporaryDir m_folder;
    QString m_caFile;
    std::unique_ptr<TestCredentialStore> m_credentials; // an approved machine; the executables it starts are the same one
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_connection;
};

void TestSecretCommands::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("GOREPORTER_EXECUTABLE"), "run through ctest, which names the executable");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session: run the tests with scripts/test-services.sh, which starts an unlocked keyring");
    QVERIFY(m_pki.isValid());
    m_localhost = m_pki.issue(u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s});
    QVERIFY(!m_localhost.certificate.isNull());
    m_caFile = m_folder.filePath(u"hospital-ca.pem"_s);
    QVERIFY(m_pki.writeCaBundle(m_caFile));
}

void TestSecretCommands::init()
{
    m_db = TestDatabase::create(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db);
    m_connection = std::make_unique<Database>();
    QVERIFY2(m_connection->open(m_db->url()), qPrintable(m_connection->errorString()));
    m_credentials = std::make_unique<TestCredentialStore>(*m_connection);
    QVERIFY(m_credentials->ok());
}

void TestSecretCommands::cleanup()
{
    m_credentials.reset();
    m_connection.reset();
    m_db.reset();
}

CommandRun TestSecretCommands::run(const QStringList &arguments, const QByteArray &input, const QString &busAddress)
{
    QMap<QString, QString> environment;
    if (!busAddress.isEmpty()) {
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, busAddress);
        // A machine whose own key is in its keychain, which cannot be reached.
        environment.insert(u"GOREPORTER_MACHINE_KEY_FILE"_s, QString());
    }
    // The database option before the command word, as administrators often write it.
    return runCommand(QStringList{u"--database"_s, m_db->urlText()} + arguments, input, environment);
}

bool TestSecretCommands::store(Webhook &webhook)
{
    WebhookRepository repository(*m_connection);
    const Result<void> result = repository.create(webhook);
    if (!result.ok())
        qWarning("cannot store the webhook: %s", qPrintable(result.message()));
    return result.ok();
}

Webhook TestSecretCommands::reload(const QString &name)
{
    WebhookRepository repository(*m_connection);
    const Result<Webhook> found = repository.findByName(name);
    return found ? *found : Webhook();
}

Webhook TestSecretCommands::receiverWebhook(const QString &name, const QUrl &url)
{
    Webhook webhook = makeWebhook(name);
    webhook.url = url;
    webhook.events = {u"report.completed"_s};
    webhook.headers.clear();
    webhook.allowLoopbackHttp = true; // the receiver runs on this computer: the SSRF guard allows loopback then
    webhook.caFile = m_caFile;        // and its certificate comes from the test's own authority
    return webhook;
}

void TestSecretCommands::setFromStandardInput()
{
    Webhook webhook = makeWebhook(u"Receiver"_s);
    QVERIFY(store(webhook));
    const QString secret = SigningSecret::generate();

    CommandRun result = run({u"secret"_s, u"set"_s, u"--webhook"_s, u"Receiver"_s}, secret.toLatin1() + '\n');
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const Webhook stored = reload(u"Receiver"_s);
    QCOMPARE(stored.secretFingerprint, SigningSecret::fingerprint(secret));
    QVERIFY(result.out.contains(stored.secretFingerprint));
    QVERIFY(!result.out.contains(secret) && !result.err.contains(secret));
    const CredentialStore::Result kept = m_credentials->readAndWait(WebhookSecrets::signingKey(webhook.id));
    QVERIFY2(kept.ok(), qPrintable(kept.message()));
    QCOMPARE(kept.value(), secret);

    // A Windows-style line ending is stripped the same way; the audit trail records both changes.
    const QString other = SigningSecret::generate();
    result = run({u"secret"_s, u"set"_s, u"--webhook"_s, u"Receiver"_s}, other.toLatin1() + "\r\n");
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(reload(u"Receiver"_s).secretFingerprint, SigningSecret::fingerprint(other));
    WebhookRepository repository(*m_connection);
    const QList<AuditEntry> trail = *repository.auditTrail(webhook.id);
    QCOMPARE(trail.size(), 3);
    QCOMPARE(trail.last().action, u"secret-set"_s);
}

void TestSecretCommands::badStandardInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    const QByteArray secret = SigningSecret::generate().toLatin1();
    QTest::newRow("nothing") << QByteArray() << u"Standard input was empty"_s;
    QTest::newRow("only a line break") << QByteArray("\n") << u"Standard input was empty"_s;
    QTest::newRow("two line breaks") << secret + "\n\n" << u"line breaks"_s;
    QTest::newRow("two lines") << secret + '\n' + secret + '\n' << u"line breaks"_s;
    QTest::newRow("leading space") << " " + secret << u"spaces"_s;
    QTest::newRow("not base64") << QByteArray("whsec_not*base64!") << u"not in the Standard Webhooks format"_s;
    QTest::newRow("too short") << "whsec_" + QByteArray(8, 'k').toBase64() << u"between 24 and 64"_s;
    QTest::newRow("a whole file") << QByteArray(5000, 'a') << u"more than 1024 bytes"_s;
}

void TestSecretCommands::badStandardInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    Webhook webhook = makeWebhook(u"Receiver"_s);
    QVERIFY(store(webhook));
    const CommandRun result = run({u"secret"_s, u"set"_s, u"--webhook"_s, u"Receiver"_s}, input);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(expected), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    if (input.size() > 8)
        QVERIFY(!result.err.contains(QString::fromLatin1(input.trimmed().left(20))));
    QCOMPARE(reload(u"Receiver"_s).secretFingerprint, QString());
    QCOMPARE(m_credentials->readAndWait(WebhookSecrets::signingKey(webhook.id)).code(), ErrorCode::NotFound);
}

void TestSecretCommands::secretAsArgumentRefused()
{
    Webhook webhook = makeWebhook(u"Receiver"_s);
    QVERIFY(store(webhook));
    const QString secret = SigningSecret::generate();
    for (const QString &action : {u"set"_s, u"rotate"_s}) {
        const CommandRun result = run({u"secret"_s, action, u"--webhook"_s, u"Receiver"_s, secret}, secret.toLatin1());
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(u"never"_s), qPrintable(result.err));
        QVERIFY(!result.err.contains(secret) && !result.out.contains(secret));
    }
    // Typed where the action belongs, it is not repeated either.
    const CommandRun misplaced = run({u"secret"_s, secret, u"--webhook"_s, u"Receiver"_s});
    QCOMPARE(misplaced.exitCode, 2);
    QVERIFY(!misplaced.err.contains(secret));
    QCOMPARE(reload(u"Receiver"_s).secretFingerprint, QString());
    QCOMPARE(m_credentials->readAndWait(WebhookSecrets::signingKey(webhook.id)).code(), ErrorCode::NotFound);
}

void TestSecretCommands::generatePrintsSecretOnce()
{
    Webhook webhook = makeWebhook(u"Receiver"_s);
    QVERIFY(store(webhook));
    const CommandRun result = run({u"secret"_s, u"generate"_s, u"--webhook"_s, u"Receiver"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(result.out.endsWith(QLatin1Char('\n')));
    const QString secret = result.out.trimmed();
    QVERIFY2(secret.startsWith(u"whsec_"_s), qPrintable(result.out));
    QCOMPARE(SigningSecret::parse(secret)->size(), SigningSecret::KeyBytes);
    const Webhook stored = reload(u"Receiver"_s);
    QCOMPARE(stored.secretFingerprint, SigningSecret::fingerprint(secret));
    QVERIFY2(result.err.contains(stored.secretFingerprint), qPrintable(result.err));
    QVERIFY(!result.err.contains(secret));
    QCOMPARE(m_credentials->readAndWait(WebhookSecrets::signingKey(webhook.id)).value(), secret);

    // A second generate replaces it at once, and says that the old one stopped signing.
    const CommandRun again = run({u"secret"_s, u"generate"_s, u"--webhook"_s, u"Receiver"_s});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.trimmed() != secret);
    QVERIFY2(again.err.contains(u"no longer signs"_s), qPrintable(again.err));
}

void TestSecretCommands::rotateKeepsPreviousSigning()
{
    Webhook webhook = makeWebhook(u"Receiver"_s);
    QVERIFY(store(webhook));
    const CommandRun first = run({u"secret"_s, u"generate"_s, u"--webhook"_s, u"Receiver"_s});
    QCOMPARE(first.exitCode, 0);
    const QString oldSecret = first.out.trimmed();

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CommandRun rotated = run({u"secret"_s, u"rotate"_s, u"--webhook"_s, u"Receiver"_s, u"--grace-hours"_s, u"2"_s});
    QVERIFY2(rotated.exitCode == 0, qPrintable(rotated.err));
    const QString newSecret = rotated.out.trimmed();
    QVERIFY(newSecret.startsWith(u"whsec_"_s));
    QVERIFY(newSecret != oldSecret);
    QVERIFY2(rotated.err.contains(u"keeps signing until"_s), qPrintable(rotated.err));

    const Webhook stored = reload(u"Receiver"_s);
    QCOMPARE(stored.secretFingerprint, SigningSecret::fingerprint(newSecret));
    QCOMPARE(stored.previousSecretFingerprint, SigningSecret::fingerprint(oldSecret));
    QVERIFY(stored.secretGraceUntil >= before.addSecs(2 * 3600 - 60));
    QVERIFY(stored.secretGraceUntil <= QDateTime::currentDateTimeUtc().addSecs(2 * 3600 + 60));
    WebhookRepository repository(*m_connection);
    const auto credentials = resolveCredentials(*m_credentials, stored);
    QVERIFY2(credentials, qPrintable(credentials.message()));
    QCOMPARE(credentials->signingSecrets, (QStringList{newSecret, oldSecret}));
    QCOMPARE(repository.auditTrail(webhook.id)->last().action, u"secret-rotate"_s);
}

void TestSecretCommands::deleteRemovesSecret()
{
    Webhook webhook = makeWebhook(u"Receiver"_s);
    QVERIFY(store(webhook));
    QCOMPARE(run({u"secret"_s, u"generate"_s, u"--webhook"_s, u"Receiver"_s}).exitCode, 0);
    QCOMPARE(run({u"secret"_s, u"rotate"_s, u"--webhook"_s, u"Receiver"_s}).exitCode, 0);

    const CommandRun result = run({u"secret"_s, u"delete"_s, u"--webhook"_s, u"Receiver"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(result.out.contains(u"unsigned"_s));
    const Webhook stored = reload(u"Receiver"_s);
    QCOMPARE(stored.secretFingerprint, QString());
    QCOMPARE(stored.previousSecretFingerprint, QString());
    for (const QString &key : {WebhookSecrets::signingKey(webhook.id), WebhookSecrets::previousSigningKey(webhook.id)})
        QCOMPARE(m_credentials->readAndWait(key).code(), ErrorCode::NotFound);
}

void TestSecretCommands::chatWebhooksHaveNoSecret()
{
    Webhook slack = makeWebhook(u"Slack channel"_s, WebhookKind::Slack);
    QVERIFY(store(slack));
    const CommandRun result = run({u"secret"_s, u"generate"_s, u"--webhook"_s, u"Slack channel"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(u"secret URL"_s), qPrintable(result.err));
    QCOMPARE(reload(u"Slack channel"_s).secretFingerprint, QString());

    const CommandRun missing = run({u"secret"_s, u"generate"_s, u"--webhook"_s, u"Nobody"_s});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(u"There is no webhook named “Nobody”"_s), qPrintable(missing.err));
}

// Without a keychain to hold this machine's key, nothing is printed or stored, and the message says what to start.
void TestSecretCommands::noKeychainService()
{
    Webhook webhook = makeWebhook(u"Receiver"_s);
    QVERIFY(store(webhook));
    const QString nowhere = u"unix:path=/nonexistent/goreporter-bus"_s;
    const CommandRun generated = run({u"secret"_s, u"generate"_s, u"--webhook"_s, u"Receiver"_s}, {}, nowhere);
    QCOMPARE(generated.exitCode, 1);
    QVERIFY(generated.out.isEmpty());
    QVERIFY2(generated.err.contains(u"No keychain service is running"_s), qPrintable(generated.err));

    const QString secret = SigningSecret::generate();
    const CommandRun set = run({u"secret"_s, u"set"_s, u"--webhook"_s, u"Receiver"_s}, secret.toLatin1(), nowhere);
    QCOMPARE(set.exitCode, 1);
    QVERIFY2(set.err.contains(u"No keychain service is running"_s), qPrintable(set.err));
    QVERIFY(!set.err.contains(secret));
    QCOMPARE(reload(u"Receiver"_s).secretFingerprint, QString());
}

void TestSecretCommands::epicKeygen()
{
    Webhook webhook = makeWebhook(u"Epic"_s, WebhookKind::Epic);
    webhook.epic.clientId = u"goreporter-test-client"_s;
    webhook.epic.tokenUrl = QUrl(u"https://fhir.hospital.example/oauth2/token"_s);
    webhook.epic.scope = u"system/DiagnosticReport.write"_s;
    QVERIFY(store(webhook));
    const QStringList keygen = {u"epic"_s, u"keygen"_s, u"--webhook"_s, u"Epic"_s, u"--bits"_s, u"2048"_s};

    CommandRun result = run(keygen);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(!result.out.contains(u"PRIVATE"_s) && !result.err.contains(u"PRIVATE"_s));
    QVERIFY2(result.err.contains(webhook.epic.clientId), qPrintable(result.err));
    const QJsonArray keys = QJsonDocument::fromJson(result.out.toUtf8()).object().value(u"keys"_s).toArray();
    QCOMPARE(keys.size(), 1);
    const QJsonObject jwk = keys.at(0).toObject();
    QCOMPARE(jwk.value(u"kty"_s).toString(), u"RSA"_s);
    QVERIFY(!jwk.contains(u"d"_s));

    // The stored private key signs an assertion that the printed public key verifies.
    const CredentialStore::Result stored = m_credentials->readAndWait(WebhookSecrets::epicPrivateKeyKey(webhook.id));
    QVERIFY2(stored.ok(), qPrintable(stored.message()));
    const auto key = EpicKey::fromPem(stored.value().toLatin1());
    QVERIFY(key);
    QCOMPARE(key->bits(), 2048);
    Webhook updated = reload(u"Epic"_s);
    QCOMPARE(updated.epic.keyId, key->thumbprint());
    QCOMPARE(jwk.value(u"kid"_s).toString(), updated.epic.keyId);
    const EpicAuthSettings settings{updated.epic.clientId, updated.epic.tokenUrl, updated.epic.fhirBaseUrl,
                                    updated.epic.scope, updated.epic.keyId};
    const VerifiedJwt verified = verifyRs384Jwt(EpicAuth::clientAssertion(*key, settings, QDateTime::currentDateTimeUtc()), jwk);
    QVERIFY2(verified.valid, qPrintable(verified.why));

    // A second key pair replaces a registered one only when asked to.
    result = run(keygen);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"--replace"_s), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_credentials->readAndWait(WebhookSecrets::epicPrivateKeyKey(webhook.id)).value(), stored.value());

    result = run(keygen + QStringList{u"--replace"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const auto replacement = EpicKey::fromPem(m_credentials->readAndWait(WebhookSecrets::epicPrivateKeyKey(webhook.id)).value().toLatin1());
    QVERIFY(replacement);
    QVERIFY(replacement->thumbprint() != key->thumbprint());
    // The key id was the old key's thumbprint, so it follows the new key.
    QCOMPARE(reload(u"Epic"_s).epic.keyId, replacement->thumbprint());

    // A key id the administrator chose stays.
    updated = reload(u"Epic"_s);
    updated.epic.keyId = u"goreporter-2024"_s;
    WebhookRepository repository(*m_connection);
    QVERIFY(repository.update(updated).ok());
    result = run(keygen + QStringList{u"--replace"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonObject chosen = QJsonDocument::fromJson(result.out.toUtf8()).object().value(u"keys"_s).toArray().at(0).toObject();
    QCOMPARE(chosen.value(u"kid"_s).toString(), u"goreporter-2024"_s);
    QCOMPARE(reload(u"Epic"_s).epic.keyId, u"goreporter-2024"_s);
}

void TestSecretCommands::epicKeygenRefusals()
{
    Webhook generic = makeWebhook(u"Receiver"_s);
    QVERIFY(store(generic));
    const CommandRun result = run({u"epic"_s, u"keygen"_s, u"--webhook"_s, u"Receiver"_s, u"--bits"_s, u"2048"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"only Epic webhooks"_s), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_credentials->readAndWait(WebhookSecrets::epicPrivateKeyKey(generic.id)).code(), ErrorCode::NotFound);
}

void TestSecretCommands::sendSigned()
{
    TestHttpsServer receiver(m_localhost);
    QVERIFY(receiver.isListening());
    QString secret;
    receiver.setHandler([&](const ReceivedRequest &request) {
        ScriptedAnswer answer;
        answer.status = carriesStandardWebhooksSignature(request, secret) ? 200 : 401;
        answer.reason = answer.status == 200 ? "OK" : "Unauthorized";
        answer.headers = {{"Content-Type", "application/json"}};
        answer.body = R"({"received":true})";
        return answer;
    });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    QVERIFY(store(webhook));
    const CommandRun generated = run({u"secret"_s, u"generate"_s, u"--webhook"_s, u"Receiver"_s});
    QCOMPARE(generated.exitCode, 0);
    secret = generated.out.trimmed();

    const QStringList send = {u"send"_s, u"--webhook"_s, u"Receiver"_s, u"--event"_s, u"report.completed"_s};
    const CommandRun result = run(send);
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    QVERIFY2(result.out.contains(u"HTTP 200 OK"_s), qPrintable(result.out));
    QVERIFY(result.out.contains(u"latency"_s));
    QVERIFY(result.out.contains(u"Diagnosis: "_s));
    QVERIFY(!result.out.contains(secret) && !result.err.contains(secret));

    QCOMPARE(receiver.requests().size(), 1);
    const ReceivedRequest &received = receiver.requests().first();
    QVERIFY(carriesStandardWebhooksSignature(received, secret));
    QString error;
    // The built-in sample under an event id of its own, so that attempts of different tests never mix.
    Event expected = EventSamples::sample(u"report.completed"_s);
    const QString sentId = QJsonDocument::fromJson(received.body).object().value(u"id"_s).toString();
    QVERIFY2(!sentId.isEmpty() && sentId != expected.id, qPrintable(sentId));
    expected.id = sentId;
    const auto payload = PayloadFormatter::create(WebhookKind::Generic)->format(expected, PhiLevel::None, &error);
    QVERIFY2(payload, qPrintable(error));
    QCOMPARE(received.body, payload->body);
    const QByteArray messageId = received.header("webhook-id");
    QVERIFY(messageId.startsWith("msg_"));

    DeliveryRepository log(*m_connection);
    auto attempts = log.recent(webhook.id, 10);
    QVERIFY2(attempts, qPrintable(attempts.message()));
    QCOMPARE(attempts->size(), 1);
    const DeliveryRecord &record = attempts->first();
    QCOMPARE(record.trigger, DeliveryTrigger::Test);
    QVERIFY(record.success);
    QCOMPARE(record.responseStatus, std::optional<int>(200));
    QCOMPARE(record.messageId, QString::fromLatin1(messageId));
    QCOMPARE(record.eventType, u"report.completed"_s);
    QCOMPARE(record.attempt, 1);
    for (const auto &[name, value] : record.requestHeaders)
        QVERIFY(!value.contains(secret.toLatin1()) && !value.startsWith("v1,"));

    // Every test-send is a message of its own.
    QCOMPARE(run(send).exitCode, 0);
    QCOMPARE(receiver.requests().size(), 2);
    QVERIFY(receiver.requests().at(1).header("webhook-id") != messageId);
    attempts = log.recent(webhook.id, 10);
    QCOMPARE(attempts->size(), 2);
    QCOMPARE(attempts->first().attempt, 1);
}

void TestSecretCommands::sendServerError()
{
    TestHttpsServer receiver(m_localhost);
    QVERIFY(receiver.isListening());
    receiver.setHandler([](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.status = 500;
        answer.reason = "Internal Server Error";
        answer.body = "database down";
        return answer;
    });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    QVERIFY(store(webhook));

    const CommandRun result = run({u"send"_s, u"--webhook"_s, u"Receiver"_s, u"--event"_s, u"report.completed"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(u"HTTP 500 Internal Server Error"_s), qPrintable(result.out + result.err));
    QVERIFY2(result.out.contains(u"failed while handling the request"_s), qPrintable(result.out));
    QVERIFY(result.out.contains(u"database down"_s));
    QCOMPARE(receiver.requests().size(), 1);
    QVERIFY(receiver.requests().first().header("webhook-signature").isEmpty()); // no secret set: unsigned

    DeliveryRepository log(*m_connection);
    const auto attempts = log.recent(webhook.id, 10);
    QVERIFY2(attempts, qPrintable(attempts.message()));
    QCOMPARE(attempts->size(), 1);
    const DeliveryRecord &record = attempts->first();
    QCOMPARE(record.trigger, DeliveryTrigger::Test);
    QVERIFY(!record.success);
    QCOMPARE(record.responseStatus, std::optional<int>(500));
    QCOMPARE(record.responseBody, QByteArray("database down"));
    QCOMPARE(record.error, u"http-5xx: HTTP 500 Internal Server Error"_s);
}

// A webhook whose secret has no sealed copy is not sent unsigned, and nothing is recorded as an attempt.
void TestSecretCommands::sendNeverUnsigned()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return ScriptedAnswer(); });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    QVERIFY(store(webhook));
    webhook.secretFingerprint = SigningSecret::fingerprint(SigningSecret::generate());
    webhook.secretSetAt = QDateTime::currentDateTimeUtc();
    WebhookRepository repository(*m_connection);
    QVERIFY(repository.recordSecretChange(webhook, u"secret-set"_s).ok()); // as set in an old console's keychain

    const CommandRun result = run({u"send"_s, u"--webhook"_s, u"Receiver"_s, u"--event"_s, u"report.completed"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"Nothing was sent"_s) && result.err.contains(u"not in the sealed store"_s),
             qPrintable(result.err));
    QVERIFY(receiver.requests().isEmpty());
    DeliveryRepository log(*m_connection);
    QVERIFY(log.recent(webhook.id, 10)->isEmpty());

    const CommandRun unsubscribed = run({u"send"_s, u"--webhook"_s, u"Receiver"_s, u"--event"_s, u"battery.low"_s});
    QCOMPARE(unsubscribed.exitCode, 1);
    QVERIFY2(unsubscribed.err.contains(u"does not subscribe to battery.low"_s), qPrintable(unsubscribed.err));
}

void TestSecretCommands::sendKilledMidwayLeavesUnfinishedAttempt()
{
    TestHttpsServer receiver(m_localhost);
    QVERIFY(receiver.isListening());
    receiver.setHandler([](const ReceivedRequest &) {
        ScriptedAnswer never;
        never.mode = ScriptedAnswer::Mode::Hang;
        return never;
    });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    QVERIFY(store(webhook));

    QProcess send;
    prepareCommand(send, {u"--database"_s, m_db->urlText(), u"send"_s, u"--webhook"_s, u"Receiver"_s, u"--event"_s,
                          u"report.completed"_s});
    send.start();
    QVERIFY(send.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(!receiver.requests().isEmpty() || send.state() == QProcess::NotRunning, 30000);
    QVERIFY2(send.state() == QProcess::Running, send.readAllStandardError().constData());
    send.kill(); // SIGKILL: no handler runs, nothing is completed or cleaned up
    QVERIFY(send.waitForFinished());
    QCOMPARE(send.exitStatus(), QProcess::CrashExit);

    // The attempt was in the log before the request left, and stays there, readable as unfinished.
    const auto attempts = DeliveryRepository(*m_connection).recent(webhook.id, 10);
    QVERIFY2(attempts, qPrintable(attempts.message()));
    QCOMPARE(attempts->size(), 1);
    const DeliveryRecord &unfinished = attempts->first();
    const ReceivedRequest &received = receiver.requests().first();
    QVERIFY(unfinished.messageId.startsWith(u"msg_"_s));
    QCOMPARE(unfinished.requestBody, received.body);
    QCOMPARE(unfinished.trigger, DeliveryTrigger::Test);
    QCOMPARE(unfinished.attempt, 1);
    QVERIFY(!unfinished.success);
    QVERIFY(!unfinished.finishedAt.isValid());
    QVERIFY(!unfinished.responseStatus);
    QCOMPARE(DeliveryErrors::key(unfinished.error), u"unfinished"_s);
    QCOMPARE(DeliveryErrors::label(unfinished.error), u"No outcome recorded"_s);
    QVERIFY2(DeliveryErrors::readable(unfinished.error).contains(u"may have received"_s), qPrintable(unfinished.error));
}

void TestSecretCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("secret without action") << QStringList{u"secret"_s} << u"needs an action"_s;
    QTest::newRow("secret unknown action") << QStringList{u"secret"_s, u"show"_s, u"--webhook"_s, u"X"_s}
                                           << u"Unknown action; use set"_s;
    QTest::newRow("secret without webhook") << QStringList{u"secret"_s, u"generate"_s} << u"--webhook is required"_s;
    QTest::newRow("grace without rotate") << QStringList{u"secret"_s, u"generate"_s, u"--webhook"_s, u"X"_s,
                                                         u"--grace-hours"_s, u"2"_s}
                                          << u"--grace-hours goes with"_s;
    QTest::newRow("grace out of range") << QStringList{u"secret"_s, u"rotate"_s, u"--webhook"_s, u"X"_s,
                                                       u"--grace-hours"_s, u"1000"_s}
                                        << u"from 0 to 336"_s;
    QTest::newRow("unknown option") << QStringList{u"secret"_s, u"set"_s, u"--webhook"_s, u"X"_s, u"--value"_s}
                                    << u"Unknown option"_s;
    QTest::newRow("epic unknown action") << QStringList{u"epic"_s, u"export"_s, u"--webhook"_s, u"X"_s}
                                         << u"Unknown action “epic export”"_s;
    QTest::newRow("epic weak key") << QStringList{u"epic"_s, u"keygen"_s, u"--webhook"_s, u"X"_s, u"--bits"_s, u"1024"_s}
                                   << u"--bits must be 2048, 3072 or 4096"_s;
    QTest::newRow("send without event") << QStringList{u"send"_s, u"--webhook"_s, u"X"_s} << u"--event is required"_s;
    QTest::newRow("send unknown event") << QStringList{u"send"_s, u"--webhook"_s, u"X"_s, u"--event"_s, u"battery.empty"_s}
                                        << u"Unknown event “battery.empty”"_s;
    QTest::newRow("send extra word") << QStringList{u"send"_s, u"now"_s, u"--webhook"_s, u"X"_s, u"--event"_s,
                                                    u"battery.low"_s}
                                     << u"Unexpected arguments: now"_s;
}

void TestSecretCommands::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CommandRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(expected), qPrintable(result.err));
}

void TestSecretCommands::helpListsCommands()
{
    const CommandRun result = run({u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    for (const QString &command : {u"secret set|generate|rotate|delete"_s, u"epic keygen"_s, u"send --webhook"_s})
        QVERIFY2(result.out.contains(command), qPrintable(command));
    const CommandRun secretHelp = run({u"secret"_s, u"--help"_s});
    QCOMPARE(secretHelp.exitCode, 0);
    QVERIFY(secretHelp.out.contains(u"--grace-hours"_s));
}

QTEST_GUILESS_MAIN(TestSecretCommands)
#include "tst_secretcommands.moc"
