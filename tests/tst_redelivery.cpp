// Redelivery of recorded attempts against a loopback HTTPS receiver: same message and body, fresh signature, refusals,
// the failed messages of a filter, and the rate-bounded batch with cancel.
#include "models/storage/deliverylog.h"
#include "models/secrets/signingsecret.h"
#include "models/domain/redaction.h"
#include "models/storage/deliveryrepository.h"
#include "models/secrets/secretstore.h"
#include "models/storage/webhookrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "network/delivery/redelivery.h"
#include "network/transport/standardwebhooks.h"
#include "network/transport/webhookdelivery.h"
#include "network/transport/webhooksender.h"
#include "testsupport/testmachine.h"
#include "testsupport/testdatabases.h"
#include "testsupport/testhttpsserver.h"
#include "testsupport/testpki.h"
#include "testsupport/webhookfixtures.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The request that repeats original: its stored body with the webhook's current settings, as the pipeline builds it.
std::optional<DeliveryRequest> repeatRequest(const DeliveryDetail &original, const Webhook &webhook,
                                             const QStringList &secrets, qint64 timestamp, const EpicKey &key,
                                             QString *error)
{
    return WebhookDelivery::build(webhook, Redelivery::repeatedPayload(original, webhook.kind), secrets,
                                  original.messageId.toLatin1(), timestamp, key, error);
}


ScriptedAnswer answer(int status)
{
    ScriptedAnswer scripted;
    scripted.status = status;
    scripted.reason = status == 200 ? QByteArray("OK") : status == 401 ? QByteArray("Unauthorized") : QByteArray("Internal Server Error");
    scripted.headers = {{"Content-Type", "application/json"}};
    scripted.body = status == 200 ? QByteArray("{\"received\":true}") : QByteArray("{\"error\":\"down\"}");
    return scripted;
}

const QByteArray originalBody = "{\"type\":\"report.completed\",\"id\":\"evt_1\",\"data\":{\"reportId\":\"r-17\"}}";

} // namespace

class TestRedelivery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void requestRepeatsBodyWithCurrentSettings();
    void epicRequest();
    void checks();
    void redeliverKeepsMessageAndResigns();
    void rotationSignsWithBoth();
    void refusals_data();
    void refusals();
    void runDeletedWhileRecordingCompletesItsAttempt();
    void inactiveAllowedWithOption();
    void newestFailedAttempts_data();
    void newestFailedAttempts();
    void batchPacesAndRecordsEach();
    void batchCancelStopsInFlight();
    void batchCancelBeforeStart();

private:
    Webhook receiverWebhook(const QString &name, const QUrl &url);
    bool store(Webhook &webhook);
    qint64 recordOriginal(const Webhook &webhook, const QString &messageId, const QByteArray &body = originalBody,
                          const QString &eventId = u"evt_1"_s);
    RedeliveryOutcome redeliver(qint64 id, const RedeliveryOptions &options = {});
    QList<DeliveryRecord> attemptsOf(const QString &messageId);
    RedeliveryServices services() { return {DatabaseWorker(m_db.database->url(), m_db.database->password()), *m_credentials, m_sender}; }

    TestPki m_pki;
    TestCertificate m_localhost;
    QTemporaryDir m_folder;
    QString m_caFile;
    // A service of its own, so this test's secrets never mix with the console's or other tests'.
    std::unique_ptr<TestCredentialStore> m_credentials; // an approved machine; the executables it starts are the same one
    WebhookSender m_sender;
    OpenTestDatabase m_db;
    qint64 m_originalTimestamp = 0;
};

void TestRedelivery::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session: run the tests with scripts/test-services.sh, which starts an unlocked keyring");
    QVERIFY(m_pki.isValid());
    m_localhost = m_pki.issue(u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s});
    QVERIFY(!m_localhost.certificate.isNull());
    m_caFile = m_folder.filePath(u"hospital-ca.pem"_s);
    QVERIFY(m_pki.writeCaBundle(m_caFile));
}

void TestRedelivery::init()
{
    // Only the engine-driven cases have a "postgresql" row; every other case runs on SQLite.
    m_db = openTestDatabase(currentEngine());
    QVERIFY(m_db.ok());
    m_credentials = std::make_unique<TestCredentialStore>(*m_db.database);
    QVERIFY(m_credentials->ok());
}

void TestRedelivery::cleanup()
{
    m_credentials.reset();
    m_db = {};
}

Webhook TestRedelivery::receiverWebhook(const QString &name, const QUrl &url)
{
    Webhook webhook = makeWebhook(name);
    webhook.url = url;
    webhook.events = {u"report.completed"_s};
    webhook.headers = {{u"X-Site"_s, u"south"_s}};
    webhook.allowLoopbackHttp = true; // the receiver runs on this computer
    webhook.caFile = m_caFile;        // with a certificate from the test's own authority
    webhook.timeoutSeconds = 20;
    return webhook;
}

bool TestRedelivery::store(Webhook &webhook)
{
    WebhookRepository repository(*m_db.database);
    const Result<void> result = repository.create(webhook);
    if (!result.ok())
        qWarning("cannot store the webhook: %s", qPrintable(result.message()));
    return result.ok();
}

// A first attempt as the sender would have recorded it an hour ago: refused by the receiver, headers redacted.
qint64 TestRedelivery::recordOriginal(const Webhook &webhook, const QString &messageId, const QByteArray &body,
                                      const QString &eventId)
{
    m_originalTimestamp = QDateTime::currentSecsSinceEpoch() - 3600;
    DeliveryRecord record;
    record.webhookId = webhook.id;
    record.webhookName = webhook.name;
    record.eventType = u"report.completed"_s;
    record.eventId = eventId;
    record.messageId = messageId;
    record.trigger = DeliveryTrigger::Event;
    record.requestUrl = webhook.url.toString();
    record.requestHeaders = {{"Content-Type", "application/json"},
                             {"X-GoReporter-Event", "report.completed"},
                             {"X-Site", "north"},      // the webhook's header then; it says "south" now
                             {"X-Retired", "gone"},    // a header the administrator removed since
                             {"webhook-id", messageId.toLatin1()},
                             {"webhook-timestamp", QByteArray::number(m_originalTimestamp)},
                             {"webhook-signature", "[redacted]"}};
    record.requestBody = body;
    record.responseStatus = 500;
    record.responseBody = "{\"error\":\"down\"}";
    record.error = u"http-5xx: HTTP 500 Internal Server Error"_s;
    record.startedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    record.finishedAt = record.startedAt.addMSecs(40);
    record.durationMs = 40;
    DeliveryRepository repository(*m_db.database);
    if (const Result<void> recorded = repository.record(record); !recorded)
        qWarning("cannot record the original attempt: %s", qPrintable(recorded.message()));
    return record.id;
}

RedeliveryOutcome TestRedelivery::redeliver(qint64 id, const RedeliveryOptions &options)
{
    RedeliveryTask *task = Redelivery::start(services(), id, options, this);
    QSignalSpy finished(task, &RedeliveryTask::finished);
    if (!finished.wait(40000) && finished.isEmpty())
        qWarning("The redelivery did not finish; the test's own watchdog gave up");
    return finished.isEmpty() ? RedeliveryOutcome() : finished.first().first().value<RedeliveryOutcome>();
}

QList<DeliveryRecord> TestRedelivery::attemptsOf(const QString &messageId)
{
    DeliveryRepository repository(*m_db.database);
    const Result<QList<DeliveryRecord>> attempts = repository.attemptsOf(messageId);
    return attempts ? *attempts : QList<DeliveryRecord>();
}

void TestRedelivery::requestRepeatsBodyWithCurrentSettings()
{
    Webhook webhook = receiverWebhook(u"Receiver"_s, QUrl(u"https://receiver.hospital.example/v2/hooks"_s));
    webhook.internalEndpoint = true;
    webhook.timeoutSeconds = 7;
    webhook.id = u"wh-1"_s;
    DeliveryDetail original;
    original.row.id = 12;
    original.row.webhookId = webhook.id;
    original.row.eventType = u"report.completed"_s;
    original.row.eventId = u"evt_1"_s;
    original.messageId = u"msg_original"_s;
    original.requestBody = originalBody;
    original.requestHeaders = {{u"content-type"_s, u"application/json; charset=utf-8"_s},
                               {u"X-GoReporter-Event"_s, u"report.completed"_s},
                               {u"X-Retired"_s, u"gone"_s},
                               {u"Authorization"_s, Redaction::mask()},
                               {u"webhook-id"_s, u"msg_original"_s},
                               {u"webhook-timestamp"_s, u"1700000000"_s},
                               {u"webhook-signature"_s, Redaction::mask()}};
    const QString secret = SigningSecret::generate();
    const qint64 timestamp = 1800000000;
    QString error;
    const auto request = repeatRequest(original, webhook, {secret}, timestamp, {}, &error);
    QVERIFY2(request, qPrintable(error));
    QCOMPARE(request->url, webhook.url);
    QCOMPARE(request->body, originalBody);
    QCOMPARE(request->timeoutMs, 7000);
    QVERIFY(request->internalEndpoint);
    QVERIFY(request->allowLoopbackHttp);
    QCOMPARE(request->caFile, m_caFile);
    QHash<QByteArray, QByteArray> headers;
    QByteArrayList names;
    for (const auto &[name, value] : request->headers) {
        headers.insert(name.toLower(), value);
        names.append(name.toLower());
    }
    QCOMPARE(names, (QByteArrayList{"content-type", "x-goreporter-event", "x-site", "webhook-id", "webhook-timestamp",
                                    "webhook-signature"}));
    QCOMPARE(headers.value("content-type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(headers.value("x-site"), QByteArray("south"));
    QCOMPARE(headers.value("webhook-id"), QByteArray("msg_original"));
    QCOMPARE(headers.value("webhook-timestamp"), QByteArray("1800000000"));
    QVERIFY(StandardWebhooks::verify({secret}, "msg_original", timestamp, originalBody, headers.value("webhook-signature")));

    // A row whose headers could not be read still has a type for its body.
    original.requestHeaders.clear();
    const auto bare = repeatRequest(original, webhook, {}, timestamp, {}, &error);
    QVERIFY2(bare, qPrintable(error));
    QCOMPARE(bare->headers.first(), qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));

    const DeliveryOrder order = Redelivery::order(original, webhook);
    QCOMPARE(order.trigger, DeliveryTrigger::Redeliver);
    QCOMPARE(order.messageId, QByteArray("msg_original"));
    QCOMPARE(order.event.id, u"evt_1"_s);
    QCOMPARE(order.event.type, u"report.completed"_s);
    QCOMPARE(order.webhook.name, webhook.name);
    QVERIFY(order.repeatedPayload);
    QCOMPARE(order.repeatedPayload->body, originalBody);
}

void TestRedelivery::epicRequest()
{
    Webhook webhook = makeWebhook(u"Epic"_s, WebhookKind::Epic);
    webhook.id = u"wh-epic"_s;
    DeliveryDetail original;
    original.row.webhookId = webhook.id;
    original.messageId = u"msg_epic"_s;
    original.requestBody = "{\"resourceType\":\"DiagnosticReport\"}";
    original.requestHeaders = {{u"Content-Type"_s, u"application/fhir+json"_s}, {u"Accept"_s, u"application/fhir+json"_s}};
    QString error;
    // Incomplete Epic settings make no request at all.
    QVERIFY(!repeatRequest(original, webhook, {}, 1, {}, &error));
    QVERIFY2(error.contains(u"client id"_s), qPrintable(error));

    webhook.epic.clientId = u"client"_s;
    webhook.epic.tokenUrl = QUrl(u"https://fhir.hospital.example/oauth2/token"_s);
    const auto request = repeatRequest(original, webhook, {}, 1, {}, &error);
    QVERIFY2(request, qPrintable(error));
    QCOMPARE(request->url, QUrl(u"https://fhir.hospital.example/api/FHIR/R4/DiagnosticReport"_s));
    QVERIFY(request->epic);
    QCOMPARE(request->headers.at(1), qMakePair(QByteArray("Accept"), QByteArray("application/fhir+json")));
    for (const auto &[name, value] : request->headers)
        QVERIFY(!name.startsWith("webhook-"));
}

void TestRedelivery::checks()
{
    Webhook webhook = makeWebhook(u"Receiver"_s);
    webhook.id = u"wh-1"_s;
    DeliveryDetail original;
    original.row.id = 5;
    original.row.webhookId = webhook.id;
    original.row.webhookName = webhook.name;
    original.messageId = u"msg_1"_s;
    original.requestBody = "{}";
    QString message;
    QCOMPARE(Redelivery::check(original, webhook, {}, &message), DeliveryRefusal::None);
    QVERIFY(message.isEmpty());
    QCOMPARE(Redelivery::check(original, std::nullopt, {}, &message), DeliveryRefusal::WebhookDeleted);
    QVERIFY2(message.contains(u"was deleted"_s), qPrintable(message));
    webhook.active = false;
    QCOMPARE(Redelivery::check(original, webhook, {}, &message), DeliveryRefusal::WebhookInactive);
    QVERIFY2(message.contains(u"disabled"_s), qPrintable(message));
    QCOMPARE(Redelivery::check(original, webhook, RedeliveryOptions{true}), DeliveryRefusal::None);
    original.requestBody.clear();
    QCOMPARE(Redelivery::check(original, webhook, RedeliveryOptions{true}, &message), DeliveryRefusal::BodyNotStored);
    QVERIFY2(message.contains(u"not stored"_s), qPrintable(message));
    original.requestBody = "{}";
    original.row.webhookId.clear(); // the log's reference was cleared when the webhook was deleted
    QCOMPARE(Redelivery::check(original, webhook, {}), DeliveryRefusal::WebhookDeleted);
}

void TestRedelivery::redeliverKeepsMessageAndResigns()
{
    TestHttpsServer receiver(m_localhost);
    QVERIFY(receiver.isListening());
    const QString secret = SigningSecret::generate();
    receiver.setHandler([&](const ReceivedRequest &request) { return answer(carriesStandardWebhooksSignature(request, secret) ? 200 : 401); });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    QVERIFY(store(webhook));
    WebhookRepository repository(*m_db.database);
    WebhookSecrets secrets(*m_credentials, repository);
    QVERIFY(secrets.setAndWait(webhook, secret).ok());

    const QString messageId = QString::fromLatin1(StandardWebhooks::newMessageId());
    const qint64 originalId = recordOriginal(webhook, messageId);
    QVERIFY(originalId > 0);

    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const RedeliveryOutcome outcome = redeliver(originalId);
    QVERIFY2(outcome.delivered(), qPrintable(outcome.message + outcome.result.errorText));
    QCOMPARE(outcome.originalId, originalId);
    QVERIFY(outcome.sent);
    QVERIFY(outcome.recordError.isEmpty());

    QCOMPARE(receiver.requests().size(), 1);
    const ReceivedRequest &received = receiver.requests().first();
    QCOMPARE(received.body, originalBody);
    QCOMPARE(received.header("webhook-id"), messageId.toLatin1());
    QVERIFY(carriesStandardWebhooksSignature(received, secret));
    const qint64 timestamp = received.header("webhook-timestamp").toLongLong();
    QVERIFY(timestamp != m_originalTimestamp);
    QVERIFY(timestamp >= before && timestamp <= QDateTime::currentSecsSinceEpoch());
    QCOMPARE(received.header("X-Site"), QByteArray("south"));
    QCOMPARE(received.header("X-GoReporter-Event"), QByteArray("report.completed"));
    QVERIFY(received.header("X-Retired").isEmpty());

    const QList<DeliveryRecord> attempts = attemptsOf(messageId);
    QCOMPARE(attempts.size(), 2);
    const DeliveryRecord &repeat = attempts.last();
    QCOMPARE(repeat.id, outcome.record.id);
    QCOMPARE(repeat.trigger, DeliveryTrigger::Redeliver);
    QCOMPARE(repeat.attempt, 2);
    QCOMPARE(outcome.record.attempt, 2);
    QCOMPARE(repeat.eventId, u"evt_1"_s);
    QCOMPARE(repeat.eventType, u"report.completed"_s);
    QCOMPARE(repeat.webhookId, webhook.id);
    QCOMPARE(repeat.requestBody, originalBody);
    QVERIFY(repeat.success);
    QCOMPARE(repeat.responseStatus, std::optional<int>(200));
    for (const auto &[name, value] : repeat.requestHeaders) {
        QVERIFY(!value.startsWith("v1,"));
        QVERIFY(!value.contains(secret.toLatin1()));
    }

    // Again: attempt 3 of the same message, and the log shows it in the event's timeline.
    const RedeliveryOutcome again = redeliver(originalId);
    QVERIFY(again.delivered());
    QCOMPARE(again.record.attempt, 3);
    QCOMPARE(receiver.requests().at(1).header("webhook-id"), messageId.toLatin1());
    DeliveryLog log(*m_db.database);
    const auto timeline = log.timeline(u"evt_1"_s, webhook.id);
    QVERIFY(timeline);
    QCOMPARE(timeline->size(), 3);
    QCOMPARE(timeline->last().trigger, u"redeliver"_s);
    QVERIFY(secrets.removeAndWait(webhook).ok());
}

void TestRedelivery::rotationSignsWithBoth()
{
    TestHttpsServer receiver(m_localhost);
    QString receiverSecret;
    receiver.setHandler([&](const ReceivedRequest &request) {
        return answer(carriesStandardWebhooksSignature(request, receiverSecret) ? 200 : 401);
    });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    QVERIFY(store(webhook));
    WebhookRepository repository(*m_db.database);
    WebhookSecrets secrets(*m_credentials, repository);
    const QString oldSecret = SigningSecret::generate();
    const QString newSecret = SigningSecret::generate();
    QVERIFY(secrets.setAndWait(webhook, oldSecret).ok());
    QVERIFY(secrets.rotateAndWait(webhook, newSecret, 2).ok());
    const qint64 originalId = recordOriginal(webhook, QString::fromLatin1(StandardWebhooks::newMessageId()));

    // A receiver that has not switched yet still accepts the redelivery during the grace period.
    receiverSecret = oldSecret;
    QVERIFY(redeliver(originalId).delivered());
    receiverSecret = newSecret;
    QVERIFY(redeliver(originalId).delivered());
    QCOMPARE(receiver.requests().last().header("webhook-signature").split(' ').size(), 2);
    QVERIFY(secrets.removeAndWait(webhook).ok());
}

void TestRedelivery::refusals_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<int>("refusal");
    QTest::addColumn<QString>("message");
    QTest::newRow("attempt not found") << u"missing"_s << int(DeliveryRefusal::AttemptNotFound) << u"There is no delivery attempt"_s;
    QTest::newRow("body not stored") << u"no body"_s << int(DeliveryRefusal::BodyNotStored) << u"not stored"_s;
    QTest::newRow("webhook deleted") << u"deleted"_s << int(DeliveryRefusal::WebhookDeleted) << u"was deleted"_s;
    QTest::newRow("webhook inactive") << u"inactive"_s << int(DeliveryRefusal::WebhookInactive) << u"disabled"_s;
    QTest::newRow("secret not here") << u"no secret"_s << int(DeliveryRefusal::SecretUnavailable)
                                     << u"never sent unsigned"_s;
    QTest::newRow("epic key not here") << u"no epic key"_s << int(DeliveryRefusal::EpicKeyUnavailable)
                                       << u"no Epic private key"_s;
}

void TestRedelivery::runDeletedWhileRecordingCompletesItsAttempt()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return answer(204); });
    Webhook webhook = receiverWebhook(u"Closed early"_s, receiver.url(u"127.0.0.1"_s, u"/hook"_s));
    QVERIFY(store(webhook));
    DeliveryOrder order;
    order.webhook = webhook;
    order.event = EventSamples::forTestSend(u"report.completed"_s);
    order.trigger = DeliveryTrigger::Test;

    // A window that closes while its attempt is being written: the run goes before the worker has answered.
    DeliveryRun *run = DeliveryPipeline::start(services(), order);
    const QPointer<DeliveryRun> guard(run);
    QSignalSpy finished(run, &DeliveryRun::finished);
    bool recording = false;
    connect(run, &DeliveryRun::stageChanged, this, [&](DeliveryRun::Stage stage) {
        if (stage == DeliveryRun::Stage::Recording && !recording) {
            recording = true;
            run->deleteLater();
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(recording, 20000);
    QTRY_VERIFY(!guard);
    QVERIFY(finished.isEmpty()); // nobody is told any more

    // Still, the attempt that was written is completed, whichever came first: the deletion or the worker's answer.
    DeliveryRepository log(*m_db.database);
    auto attempts = log.recent(webhook.id, 10);
    QTRY_VERIFY_WITH_TIMEOUT((attempts = log.recent(webhook.id, 10)) && attempts->size() == 1
                                 && attempts->first().finishedAt.isValid(),
                             20000);
    QCOMPARE(DeliveryErrors::key(attempts->first().error), u"cancelled"_s);
    QVERIFY(!attempts->first().success);
}

void TestRedelivery::refusals()
{
    QFETCH(QString, situation);
    QFETCH(int, refusal);
    QFETCH(QString, message);
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return answer(200); });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    if (situation == u"no epic key") {
        webhook = makeWebhook(u"Epic"_s, WebhookKind::Epic);
        webhook.epic.clientId = u"client"_s;
        webhook.epic.tokenUrl = receiver.url(u"localhost"_s, u"/token"_s);
        webhook.allowLoopbackHttp = true;
        webhook.caFile = m_caFile;
    }
    QVERIFY(store(webhook));
    WebhookRepository repository(*m_db.database);
    const QString messageId = QString::fromLatin1(StandardWebhooks::newMessageId());
    qint64 id = recordOriginal(webhook, messageId, situation == u"no body" ? QByteArray() : originalBody);
    QVERIFY(id > 0);
    if (situation == u"missing")
        id += 1000;
    if (situation == u"deleted")
        QVERIFY(repository.remove(webhook).ok());
    if (situation == u"inactive")
        QVERIFY(repository.setActive(webhook, false).ok());
    if (situation == u"no secret") {
        // Set on another workstation: the database knows a fingerprint, this keychain has nothing.
        webhook.secretFingerprint = SigningSecret::fingerprint(SigningSecret::generate());
        webhook.secretSetAt = QDateTime::currentDateTimeUtc();
        QVERIFY(repository.recordSecretChange(webhook, u"secret-set"_s).ok());
    }

    const RedeliveryOutcome outcome = redeliver(id);
    QCOMPARE(outcome.status, RedeliveryOutcome::Status::Refused);
    QCOMPARE(int(outcome.refusal), refusal);
    QVERIFY2(outcome.message.contains(message), qPrintable(outcome.message));
    QVERIFY(!outcome.sent);
    QVERIFY(receiver.requests().isEmpty());
    QCOMPARE(attemptsOf(messageId).size(), 1); // only the original: a refusal records nothing
}

void TestRedelivery::inactiveAllowedWithOption()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return answer(500); });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    QVERIFY(store(webhook));
    WebhookRepository repository(*m_db.database);
    QVERIFY(repository.setActive(webhook, false).ok());
    const QString messageId = QString::fromLatin1(StandardWebhooks::newMessageId());
    const qint64 id = recordOriginal(webhook, messageId);

    // Allowed on request; the receiver still refuses, and that failure is recorded like any other.
    const RedeliveryOutcome outcome = redeliver(id, RedeliveryOptions{true});
    QCOMPARE(outcome.status, RedeliveryOutcome::Status::Failed);
    QVERIFY(outcome.sent);
    QCOMPARE(outcome.result.status, 500);
    QVERIFY2(outcome.message.startsWith(u"http-5xx"_s), qPrintable(outcome.message));
    QCOMPARE(receiver.requests().size(), 1);
    QVERIFY(receiver.requests().first().header("webhook-signature").isEmpty()); // no secret: unsigned, as configured
    const QList<DeliveryRecord> attempts = attemptsOf(messageId);
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.last().trigger, DeliveryTrigger::Redeliver);
    QVERIFY(!attempts.last().success);
    QCOMPARE(attempts.last().responseStatus, std::optional<int>(500));
}

void TestRedelivery::newestFailedAttempts_data()
{
    addEngineRows();
}

void TestRedelivery::newestFailedAttempts()
{
    QFETCH(int, engine);
    QCOMPARE(m_db.database->engine(), DatabaseUrl::Engine(engine)); // init() opened the row's engine
    Webhook north = makeWebhook(u"North"_s);
    Webhook south = makeWebhook(u"South"_s);
    QVERIFY(store(north));
    QVERIFY(store(south));
    DeliveryRepository repository(*m_db.database);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int minute = 0;
    auto add = [&](const Webhook &webhook, const QString &event, const QString &message, bool success,
                   DeliveryTrigger trigger = DeliveryTrigger::Event) {
        DeliveryRecord record;
        record.webhookId = webhook.id;
        record.webhookName = webhook.name;
        record.eventType = u"report.completed"_s;
        record.eventId = event;
        record.messageId = message;
        record.trigger = trigger;
        record.requestUrl = webhook.url.toString();
        record.requestBody = originalBody;
        record.success = success;
        record.error = success ? QString() : u"http-5xx: HTTP 500"_s;
        record.startedAt = now.addSecs(-3600 + 60 * minute++);
        return repository.record(record) ? record.id : qint64(0);
    };
    add(north, u"e1"_s, u"m1"_s, false);
    const qint64 m1Last = add(north, u"e1"_s, u"m1"_s, false);          // failed twice: repeated once
    add(north, u"e2"_s, u"m2"_s, false);
    add(north, u"e2"_s, u"m2"_s, true);                                 // delivered on retry: not repeated
    add(north, u"e3"_s, u"m3"_s, true);                                 // never failed
    const qint64 m4 = add(south, u"e4"_s, u"m4"_s, false);
    const qint64 m5 = add(north, u"e5"_s, u"m5"_s, false);
    // A failed test send of a built-in sample (an invented patient) is never sent again in bulk.
    QVERIFY(add(north, u"sample-e6"_s, u"m6"_s, false, DeliveryTrigger::Test));
    // An event that another message delivered to the same webhook is done.
    QVERIFY(add(south, u"e7"_s, u"m7"_s, true));
    QVERIFY(add(south, u"e7"_s, u"m7b"_s, false));
    QVERIFY(m1Last && m4 && m5);

    const DeliveryLog log(*m_db.database);
    Result<QList<qint64>> ids = log.newestFailedAttempts(DeliveryFilter(), now);
    QVERIFY2(ids, qPrintable(ids.message()));
    QCOMPARE(*ids, (QList<qint64>{m5, m4, m1Last}));

    DeliveryFilter filter;
    filter.webhook = u"north"_s;
    filter.result = DeliveryFilter::Result::Success; // ignored: only failures are redelivered
    ids = log.newestFailedAttempts(filter, now);
    QVERIFY2(ids, qPrintable(ids.message()));
    QCOMPARE(*ids, (QList<qint64>{m5, m1Last}));

    QCOMPARE(*log.newestFailedAttempts(DeliveryFilter(), now, 1), QList<qint64>{m5});
    filter = DeliveryFilter();
    filter.text = u"no such error"_s;
    QVERIFY(log.newestFailedAttempts(filter, now)->isEmpty());
}

void TestRedelivery::batchPacesAndRecordsEach()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return answer(200); });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    QVERIFY(store(webhook));
    QList<qint64> ids;
    QStringList messages;
    for (int i = 0; i < 3; ++i) {
        messages << QString::fromLatin1(StandardWebhooks::newMessageId());
        ids << recordOriginal(webhook, messages.last(), originalBody, u"evt_%1"_s.arg(i));
    }
    const qint64 bodyless = recordOriginal(webhook, u"msg_bodyless"_s, QByteArray(), u"evt_x"_s);
    ids.insert(1, bodyless);
    ids << ids.first(); // listed twice: sent once

    // The console's webhook table listens here: it hears of every attempt the batch sent, as of a single one.
    WebhookRepository announced(*m_db.database);
    QSignalSpy recorded(&announced, &WebhookRepository::attemptRecorded);
    RedeliveryServices announcing = services();
    announcing.announceTo = &announced;
    BulkRedelivery batch(announcing, ids);
    QCOMPARE(batch.maxPerSecond(), 5.0);
    QCOMPARE(batch.progress().total, 4);
    QList<qint64> startedAt;
    QElapsedTimer clock;
    clock.start();
    connect(&batch, &BulkRedelivery::itemStarted, this, [&] { startedAt << clock.elapsed(); });
    QSignalSpy items(&batch, &BulkRedelivery::itemFinished);
    QSignalSpy progress(&batch, &BulkRedelivery::progressChanged);
    QSignalSpy finished(&batch, &BulkRedelivery::finished);
    batch.start();
    QVERIFY(batch.isRunning());
    QVERIFY(finished.wait(40000));
    QVERIFY(!batch.isRunning());

    const auto summary = finished.first().first().value<RedeliveryProgress>();
    QCOMPARE(summary.total, 4);
    QCOMPARE(summary.done, 4);
    QCOMPARE(summary.successes, 3);
    QCOMPARE(summary.failures, 1);
    QCOMPARE(summary.refused, 1);
    QVERIFY(!summary.cancelled);
    QCOMPARE(items.size(), 4);
    QCOMPARE(items.at(1).first().value<RedeliveryOutcome>().refusal, DeliveryRefusal::BodyNotStored);
    QCOMPARE(recorded.size(), 3); // the refused one recorded nothing
    for (const QList<QVariant> &signal : recorded)
        QCOMPARE(signal.first().value<DeliveryRecord>().webhookId, webhook.id);
    const auto last = progress.last().first().value<RedeliveryProgress>();
    QCOMPARE(last.done, 4);
    // At most five a second: every start at least 200 ms after the one before (a lower bound only).
    QCOMPARE(startedAt.size(), 4);
    for (qsizetype i = 1; i < startedAt.size(); ++i)
        QVERIFY2(startedAt.at(i) - startedAt.at(i - 1) >= 195, qPrintable(QString::number(startedAt.at(i) - startedAt.at(i - 1))));

    QCOMPARE(receiver.requests().size(), 3);
    for (const QString &message : std::as_const(messages)) {
        const QList<DeliveryRecord> attempts = attemptsOf(message);
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.last().trigger, DeliveryTrigger::Redeliver);
        QVERIFY(attempts.last().success);
    }
    QCOMPARE(attemptsOf(u"msg_bodyless"_s).size(), 1);
}

void TestRedelivery::batchCancelStopsInFlight()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([&](const ReceivedRequest &) {
        if (receiver.requests().size() < 3)
            return answer(200);
        ScriptedAnswer hang;
        hang.mode = ScriptedAnswer::Mode::Hang; // the third receiver never answers: cancelled in flight
        return hang;
    });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    QVERIFY(store(webhook));
    QList<qint64> ids;
    QStringList messages;
    for (int i = 0; i < 5; ++i) {
        messages << QString::fromLatin1(StandardWebhooks::newMessageId());
        ids << recordOriginal(webhook, messages.last(), originalBody, u"evt_%1"_s.arg(i));
    }
    BulkRedelivery batch(services(), ids);
    batch.setMaxPerSecond(50);
    QSignalSpy items(&batch, &BulkRedelivery::itemFinished);
    QSignalSpy started(&batch, &BulkRedelivery::itemStarted);
    QSignalSpy finished(&batch, &BulkRedelivery::finished);
    batch.start();
    QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 3, 40000);
    QVERIFY(finished.isEmpty());
    batch.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 40000);

    const auto summary = finished.first().first().value<RedeliveryProgress>();
    QVERIFY(summary.cancelled);
    QCOMPARE(summary.done, 3);
    QCOMPARE(summary.successes, 2);
    QCOMPARE(summary.failures, 1);
    QCOMPARE(summary.refused, 0);
    const auto cancelled = items.last().first().value<RedeliveryOutcome>();
    QCOMPARE(cancelled.status, RedeliveryOutcome::Status::Cancelled);
    QVERIFY(cancelled.sent);
    // Every result is recorded, the cancelled one too; nothing after it was sent.
    for (int i = 0; i < 5; ++i) {
        const QList<DeliveryRecord> attempts = attemptsOf(messages.at(i));
        QCOMPARE(attempts.size(), i < 3 ? 2 : 1);
        if (i == 2) {
            QVERIFY(!attempts.last().success);
            QVERIFY2(attempts.last().error.startsWith(u"cancelled"_s), qPrintable(attempts.last().error));
        }
    }
    // A finished batch is stopped for good: it started exactly the three, and its pace timer cannot start more.
    QCOMPARE(started.size(), 3);
    QVERIFY(!batch.isRunning());
    QCOMPARE(receiver.requests().size(), 3);
    QCOMPARE(finished.size(), 1);
}

void TestRedelivery::batchCancelBeforeStart()
{
    Webhook webhook = receiverWebhook(u"Receiver"_s, QUrl(u"https://127.0.0.1:9/never"_s));
    QVERIFY(store(webhook));
    const qint64 id = recordOriginal(webhook, u"msg_never"_s);
    BulkRedelivery batch(services(), {id});
    QSignalSpy finished(&batch, &BulkRedelivery::finished);
    QSignalSpy items(&batch, &BulkRedelivery::itemFinished);
    // Cancelled from the first progress report, before the first attempt starts.
    connect(&batch, &BulkRedelivery::progressChanged, &batch, &BulkRedelivery::cancel);
    batch.start();
    QVERIFY(finished.isEmpty()); // never from inside start() or a handler
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().first().value<RedeliveryProgress>().cancelled);
    QCOMPARE(finished.first().first().value<RedeliveryProgress>().done, 0);
    QVERIFY(items.isEmpty());
    QCOMPARE(attemptsOf(u"msg_never"_s).size(), 1);

    // An empty list finishes at once, through the event loop.
    BulkRedelivery empty(services(), {});
    QSignalSpy emptyFinished(&empty, &BulkRedelivery::finished);
    empty.start();
    QVERIFY(emptyFinished.isEmpty());
    QVERIFY(emptyFinished.wait(10000));
    QCOMPARE(emptyFinished.first().first().value<RedeliveryProgress>().total, 0);
}

QTEST_GUILESS_MAIN(TestRedelivery)
#include "tst_redelivery.moc"
