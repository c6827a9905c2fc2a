// The dispatch command on both engines, against real HTTPS receivers on loopback: signed deliveries with one
// webhook-id per event and webhook, retries after Retry-After, permanent refusals, 410, and SIGTERM mid-request.
#include "models/secrets/secretstore.h"
#include "models/secrets/signingsecret.h"
#include "models/secrets/webhooksecrets.h"
#include "models/storage/database.h"
#include "models/storage/deliveryrepository.h"
#include "models/storage/dispatchsettings.h"
#include "models/storage/eventoutbox.h"
#include "models/storage/failurestreak.h"
#include "models/storage/webhookrepository.h"
#include "network/delivery/dispatchedtestsend.h"
#include "testsupport/testmachine.h"
#include "testsupport/commandrunner.h"
#include "testsupport/resultchecks.h"
#include "testsupport/testdatabases.h"
#include "testsupport/testconnectproxy.h"
#include "testsupport/testhttpsserver.h"
#include "testsupport/testpki.h"
#include "testsupport/webhookfixtures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void deliversSignedWithOneIdPerEvent_data() { addEngineRows(); }
    void deliversSignedWithOneIdPerEvent();
    void retriesWithTheSameId_data() { addEngineRows(); }
    void retriesWithTheSameId();
    void permanentRefusalAndGone_data() { addEngineRows(); }
    void permanentRefusalAndGone();
    void sigtermStopsWithinTheDeadline_data() { addEngineRows(); }
    void sigtermStopsWithinTheDeadline();
    void oneAtATimeOnSqliteOnly_data() { addEngineRows(); }
    void oneAtATimeOnSqliteOnly();
    void missedWhileDisabledIsReplayed_data() { addEngineRows(); }
    void missedWhileDisabledIsReplayed();
    void settingsAreCheckedAndShown_data() { addEngineRows(); }
    void settingsAreCheckedAndShown();
    void retryScheduleFromTheDatabase_data() { addEngineRows(); }
    void retryScheduleFromTheDatabase();
    void rateLimitPacesDeliveries_data() { addEngineRows(); }
    void rateLimitPacesDeliveries();
    void autoDisableWarnsFirst_data() { addEngineRows(); }
    void autoDisableWarnsFirst();
    void alertsReachTheAlertsChannel_data() { addEngineRows(); }
    void alertsReachTheAlertsChannel();
    void statusSaysWhetherEventsAreDelivered_data() { addEngineRows(); }
    void statusSaysWhetherEventsAreDelivered();
    void deliversThroughTheConfiguredProxy_data() { addEngineRows(); }
    void deliversThroughTheConfiguredProxy();
    void testSendsGoThroughARunningDispatcher_data() { addEngineRows(); }
    void testSendsGoThroughARunningDispatcher();

private:
    Webhook receiverWebhook(const QString &name, const TestHttpsServer &receiver,
                            const QStringList &events = {u"battery.critical"_s});
    QString emitEvent(const QString &id);
    CommandRun dispatch(const QStringList &options = {u"--until-idle"_s});
    CommandRun settings(const QStringList &words);
    QString stateOf(const QString &eventId, const QString &webhookId, QString *messageId = nullptr, int *attempts = nullptr);

    TestPki m_pki;
    TestCertificate m_localhost;
    QTemporaryDir m_folder;
    QString m_caFile;
    std::unique_ptr<TestCredentialStore> m_credentials; // an approved machine; the executables it starts are the same one
    OpenTestDatabase m_db;
};

void TestDispatcher::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session: run the tests with scripts/test-services.sh, which starts an unlocked keyring");
    QVERIFY(m_pki.isValid());
    m_localhost = m_pki.issue(u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s});
    m_caFile = m_folder.filePath(u"hospital-ca.pem"_s);
    QVERIFY(m_pki.writeCaBundle(m_caFile));
}

void TestDispatcher::init()
{
    m_db = openTestDatabase(currentEngine());
    QVERIFY(m_db.ok());
    m_credentials = std::make_unique<TestCredentialStore>(*m_db.database);
    QVERIFY(m_credentials->ok());
}

void TestDispatcher::cleanup()
{
    m_credentials.reset();
    m_db = {};
}

Webhook TestDispatcher::receiverWebhook(const QString &name, const TestHttpsServer &receiver,
                                        const QStringList &events)
{
    Webhook webhook = makeWebhook(name);
    webhook.url = receiver.url(u"localhost"_s, u"/hooks/"_s + name);
    webhook.events = events;
    webhook.headers.clear();
    webhook.allowLoopbackHttp = true;
    webhook.caFile = m_caFile;
    webhook.timeoutSeconds = 20;
    if (const Result<void> created = WebhookRepository(*m_db.database).create(webhook); !created)
        qWarning("cannot store the webhook: %s", qPrintable(created.message()));
    return webhook;
}

QString TestDispatcher::emitEvent(const QString &id)
{
    Event event = EventSamples::sample(u"battery.critical"_s);
    event.id = id;
    if (const Result<AddedEvent> added = EventOutbox(*m_db.database).add(event); !added)
        qWarning("cannot emit: %s", qPrintable(added.message()));
    return id;
}

CommandRun TestDispatcher::dispatch(const QStringList &options)
{
    return runCommand(QStringList{u"--database"_s, m_db.storage->urlText(), u"dispatch"_s} + options);
}

CommandRun TestDispatcher::settings(const QStringList &words)
{
    return runCommand(QStringList{u"--database"_s, m_db.storage->urlText(), u"dispatch"_s, u"settings"_s} + words);
}

QString TestDispatcher::stateOf(const QString &eventId, const QString &webhookId, QString *messageId, int *attempts)
{
    QSqlQuery query(m_db.database->connection());
    query.prepare(u"SELECT state, message_id, attempts, lease_owner FROM event_deliveries"
                  " WHERE event_id = ? AND webhook_id = ?"_s);
    query.addBindValue(eventId);
    query.addBindValue(webhookId);
    if (!query.exec() || !query.next())
        return {};
    if (messageId)
        *messageId = query.value(1).toString();
    if (attempts)
        *attempts = query.value(2).toInt();
    return query.value(3).isNull() ? query.value(0).toString() : u"leased"_s;
}

void TestDispatcher::deliversSignedWithOneIdPerEvent()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return ScriptedAnswer{}; });
    Webhook webhook = receiverWebhook(u"Ward A"_s, receiver);
    WebhookRepository repository(*m_db.database);
    WebhookSecrets secrets(*m_credentials, repository);
    const QString secret = SigningSecret::generate();
    QVERIFY_OK(secrets.setAndWait(webhook, secret));
    const QStringList events = {emitEvent(u"evt-1"_s), emitEvent(u"evt-2"_s), emitEvent(u"evt-3"_s)};

    const CommandRun run = dispatch({u"--until-idle"_s, u"--workers"_s, u"2"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"3 delivered, 0 to be retried, 0 failed"_s), qPrintable(run.err));
    QCOMPARE(receiver.requests().size(), 3);
    QSet<QByteArray> ids;
    for (const ReceivedRequest &request : receiver.requests()) {
        QVERIFY(carriesStandardWebhooksSignature(request, secret));
        ids.insert(request.header("webhook-id"));
    }
    QCOMPARE(ids.size(), 3);
    for (const QString &event : events) {
        QString messageId;
        int attempts = 0;
        QCOMPARE(stateOf(event, webhook.id, &messageId, &attempts), u"delivered"_s);
        QCOMPARE(attempts, 1);
        QVERIFY(ids.contains(messageId.toLatin1()));  // the id the outbox gave it is the one the receiver saw
        const auto logged = DeliveryRepository(*m_db.database).attemptsOf(messageId);
        QVERIFY2(logged && logged->size() == 1, qPrintable(logged.message()));
        QCOMPARE(logged->first().trigger, DeliveryTrigger::Event);
        QCOMPARE(logged->first().eventId, event);
        QVERIFY(logged->first().success);
    }
    (void)m_credentials->removeAndWait(WebhookSecrets::signingKey(webhook.id));
}

void TestDispatcher::retriesWithTheSameId()
{
    TestHttpsServer receiver(m_localhost);
    int answered = 0;
    receiver.setHandler([&](const ReceivedRequest &) {
        ScriptedAnswer answer;
        if (answered++ == 0) {
            answer.status = 503;
            answer.reason = "Service Unavailable";
            answer.headers = {{"Retry-After", "1"}};
        }
        return answer;
    });
    Webhook webhook = receiverWebhook(u"Ward A"_s, receiver);
    // Signed, so that every request carries its webhook-id.
    WebhookRepository repository(*m_db.database);
    WebhookSecrets secrets(*m_credentials, repository);
    const QString secret = SigningSecret::generate();
    QVERIFY_OK(secrets.setAndWait(webhook, secret));
    const QString event = emitEvent(u"evt-retried"_s);

    CommandRun run = dispatch();
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"0 delivered, 1 to be retried"_s), qPrintable(run.err));
    int attempts = 0;
    QCOMPARE(stateOf(event, webhook.id, nullptr, &attempts), u"pending"_s);
    QCOMPARE(attempts, 1);
    // The receiver asked for a second: not due before, due after.
    QTest::qWait(1200);
    run = dispatch();
    QVERIFY2(run.err.contains(u"1 delivered"_s), qPrintable(run.err));
    QString messageId;
    QCOMPARE(stateOf(event, webhook.id, &messageId, &attempts), u"delivered"_s);
    QCOMPARE(attempts, 2);
    QCOMPARE(receiver.requests().size(), 2);
    QCOMPARE(receiver.requests().at(0).header("webhook-id"), messageId.toLatin1());
    QCOMPARE(receiver.requests().at(1).header("webhook-id"), messageId.toLatin1());
    const auto logged = DeliveryRepository(*m_db.database).attemptsOf(messageId);
    QVERIFY2(logged && logged->size() == 2, qPrintable(logged.message()));
    QCOMPARE(logged->at(0).attempt, 1);
    QCOMPARE(logged->at(0).responseStatus, 503);
    QCOMPARE(logged->at(1).attempt, 2);
    QVERIFY(logged->at(1).success);
    // Each attempt signed afresh: a new timestamp, the same id.
    QVERIFY(carriesStandardWebhooksSignature(receiver.requests().at(0), secret));
    QVERIFY(carriesStandardWebhooksSignature(receiver.requests().at(1), secret));
    (void)m_credentials->removeAndWait(WebhookSecrets::signingKey(webhook.id));
}

void TestDispatcher::permanentRefusalAndGone()
{
    auto answering = [](int status, const QByteArray &reason) {
        return [status, reason](const ReceivedRequest &) {
            ScriptedAnswer answer;
            answer.status = status;
            answer.reason = reason;
            return answer;
        };
    };
    TestHttpsServer refusing(m_localhost);
    refusing.setHandler(answering(400, "Bad Request"));
    TestHttpsServer gone(m_localhost);
    gone.setHandler(answering(410, "Gone"));
    const Webhook refused = receiverWebhook(u"Refusing"_s, refusing);
    const Webhook removed = receiverWebhook(u"Removed"_s, gone);
    const QString event = emitEvent(u"evt-refused"_s);

    const CommandRun run = dispatch();
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"0 delivered, 0 to be retried, 2 failed"_s), qPrintable(run.err));
    QCOMPARE(refusing.requests().size(), 1);  // not retried
    QCOMPARE(gone.requests().size(), 1);
    QString messageId;
    QCOMPARE(stateOf(event, refused.id, &messageId), u"failed"_s);
    QCOMPARE(stateOf(event, removed.id), u"failed"_s);
    // Unsigned, and still identified, so that a receiver can tell a repeat from a new message.
    QCOMPARE(refusing.requests().first().header("webhook-id"), messageId.toLatin1());
    QVERIFY(!refusing.requests().first().header("webhook-timestamp").isEmpty());
    QVERIFY(refusing.requests().first().header("webhook-signature").isEmpty());
    QSqlQuery reasons(m_db.database->connection());
    QVERIFY(reasons.exec(u"SELECT webhook_id, last_error FROM event_deliveries"_s));
    while (reasons.next())
        QVERIFY2(reasons.value(1).toString().startsWith(reasons.value(0).toString() == refused.id ? u"permanent: "_s
                                                                                                 : u"gone: "_s),
                 qPrintable(reasons.value(1).toString()));
    // 410: the endpoint is gone for good, so the webhook is switched off, as an audited change.
    WebhookRepository repository(*m_db.database);
    QVERIFY(!repository.findById(removed.id)->active);
    QVERIFY(repository.findById(refused.id)->active);
    const auto trail = repository.auditTrail(removed.id);
    QVERIFY2(trail, qPrintable(trail.message()));
    QVERIFY(std::any_of(trail->cbegin(), trail->cend(), [](const AuditEntry &entry) {
        return entry.action == u"disable";
    }));
}

void TestDispatcher::sigtermStopsWithinTheDeadline()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) {
        ScriptedAnswer never;
        never.mode = ScriptedAnswer::Mode::Hang;
        return never;
    });
    const Webhook webhook = receiverWebhook(u"Hanging"_s, receiver);
    const QString event = emitEvent(u"evt-hanging"_s);

    QProcess dispatcher;
    prepareCommand(dispatcher, {u"--database"_s, m_db.storage->urlText(), u"dispatch"_s, u"--stop-within"_s, u"1"_s});
    dispatcher.start();
    QVERIFY(dispatcher.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 20000);
    QCOMPARE(stateOf(event, webhook.id), u"leased"_s);
    ::kill(pid_t(dispatcher.processId()), SIGTERM);
    // Finishes within the second it was given, plus what stopping takes.
    bool finished = false;
    QTRY_VERIFY_WITH_TIMEOUT((finished = dispatcher.state() == QProcess::NotRunning), 15000);
    QVERIFY(finished);
    QCOMPARE(dispatcher.exitStatus(), QProcess::NormalExit);
    QCOMPARE(dispatcher.exitCode(), 0);
    const QString err = QString::fromUtf8(dispatcher.readAllStandardError());
    QVERIFY2(err.contains(u"Stopping"_s), qPrintable(err));

    // The stopped attempt is in the log as cancelled; the delivery is free again and that attempt did not count.
    QString messageId;
    int attempts = -1;
    QCOMPARE(stateOf(event, webhook.id, &messageId, &attempts), u"pending"_s);
    QCOMPARE(attempts, 0);
    const auto logged = DeliveryRepository(*m_db.database).attemptsOf(messageId);
    QVERIFY2(logged && logged->size() == 1, qPrintable(logged.message()));
    QVERIFY(logged->first().finishedAt.isValid());
    QVERIFY2(logged->first().error.startsWith(u"cancelled: "_s), qPrintable(logged->first().error));
}

void TestDispatcher::oneAtATimeOnSqliteOnly()
{
    auto registered = [this] {
        QSqlQuery query(m_db.database->connection());
        return query.exec(u"SELECT owner FROM dispatchers"_s) && query.next() ? query.value(0).toString() : QString();
    };
    QProcess first;
    prepareCommand(first, {u"--database"_s, m_db.storage->urlText(), u"dispatch"_s});
    first.start();
    QVERIFY(first.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(!registered().isEmpty(), 20000);
    QVERIFY2(registered().endsWith(u":%1"_s.arg(first.processId())), qPrintable(registered()));

    const CommandRun second = dispatch();
    if (m_db.database->engine() == DatabaseUrl::Engine::SQLite) {
        // The second one says who runs and where, and does nothing.
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(u"Another dispatcher is running on this SQLite database"_s)
                     && second.err.contains(u"process %1"_s.arg(first.processId())),
                 qPrintable(second.err));
    } else {
        // PostgreSQL: any number share the work.
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    }

    ::kill(pid_t(first.processId()), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(first.state() == QProcess::NotRunning, 15000);
    QCOMPARE(first.exitCode(), 0);
    QCOMPARE(registered(), QString());  // it left the registry as it stopped
    const CommandRun after = dispatch();
    QVERIFY2(after.exitCode == 0, qPrintable(after.err));
}

void TestDispatcher::missedWhileDisabledIsReplayed()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return ScriptedAnswer{}; });
    Webhook webhook = receiverWebhook(u"Ward A"_s, receiver);
    WebhookRepository repository(*m_db.database);
    QVERIFY_OK(repository.setActive(webhook, false));
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const QString event = emitEvent(u"evt-missed"_s);
    QCOMPARE(stateOf(event, webhook.id), u"skipped"_s);
    QVERIFY2(dispatch().exitCode == 0, "nothing is due");
    QCOMPARE(receiver.requests().size(), 0);

    const QStringList replay{u"--database"_s, m_db.storage->urlText(), u"redeliver"_s, u"--missed-since"_s,
                             before.toString(Qt::ISODate), u"--webhook"_s, webhook.name};
    CommandRun run = runCommand(replay);
    QCOMPARE(run.exitCode, 1);  // still disabled: nothing to replay to
    QVERIFY2(run.err.contains(u"enable it first"_s), qPrintable(run.err));
    QCOMPARE(stateOf(event, webhook.id), u"skipped"_s);

    QVERIFY_OK(repository.setActive(webhook, true));
    run = runCommand(replay);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"1 missed event of “Ward A” is due again"_s), qPrintable(run.out));
    run = dispatch();
    QVERIFY2(run.err.contains(u"1 delivered"_s), qPrintable(run.err));
    QCOMPARE(receiver.requests().size(), 1);
    QCOMPARE(stateOf(event, webhook.id), u"delivered"_s);
    // Replayed once: a second replay finds nothing missed.
    run = runCommand(replay);
    QVERIFY2(run.out.contains(u"0 missed events"_s), qPrintable(run.out));
}

void TestDispatcher::settingsAreCheckedAndShown()
{
    Webhook webhook = makeWebhook(u"Ward A"_s);
    QVERIFY_OK(WebhookRepository(*m_db.database).create(webhook));
    // What cannot work is refused, by name, and nothing is stored.
    const QList<std::pair<QStringList, QString>> refused = {
        {{u"set"_s, u"retrySchedule"_s, uR"({"jitter": 2})"_s}, u"jitter"_s},
        {{u"set"_s, u"retrySchedule"_s, uR"({"delaysSeconds": [5], "delaysSeconds": [6]})"_s}, u"delaysSeconds"_s},
        {{u"set"_s, u"rateLimits"_s, uR"({"fax": 1})"_s}, u"fax"_s},
        {{u"set"_s, u"autoDisable"_s, uR"({"afterDays": 5})"_s}, u"afterDays"_s},
        {{u"set"_s, u"alerts"_s, uR"({"failingAfterAttempts": [10, 3]})"_s}, u"failingAfterAttempts"_s},
        {{u"set"_s, u"alerts"_s, uR"({"link": "ftp://intranet/runbook"})"_s}, u"link"_s},
        {{u"set"_s, u"alerts"_s, uR"({"windowMinutes": 60})"_s}, u"windowMinutes"_s},
        {{u"set"_s, u"proxy"_s, uR"({"url": "http://alice:secret@proxy.example:3128"})"_s}, u"password"_s},
        {{u"set"_s, u"proxy"_s, uR"({"url": "https://proxy.example"})"_s}, u"url"_s},
        {{u"set"_s, u"proxy"_s, uR"({"noProxy": "localhost"})"_s}, u"noProxy"_s},
        {{u"set"_s, u"colour"_s, u"{}"_s}, u"colour"_s},
        {{u"set"_s, u"rateLimits"_s, u"[1]"_s}, u"JSON object"_s},
        {{u"rate"_s, u"Ward A"_s, u"fast"_s}, u"messages per second"_s},
        {{u"rate"_s, u"Ward A"_s, u"1001"_s}, u"messages per second"_s},
    };
    for (const auto &[words, named] : refused) {
        const CommandRun run = settings(words);
        QVERIFY2(run.exitCode == 2, qPrintable(words.join(u' ') + u": "_s + run.err));
        QVERIFY2(run.err.contains(named), qPrintable(run.err));
    }
    QVERIFY(DispatchSettings(*m_db.database).values()->isEmpty());
    QCOMPARE(settings({u"rate"_s, u"No such"_s, u"2"_s}).exitCode, 1);

    CommandRun run = settings({u"set"_s, u"rateLimits"_s, uR"({"slack": 0.5})"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = settings({u"rate"_s, u"Ward A"_s, u"4"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = settings({});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // Each setting says where it comes from; the stored one keeps the defaults of what it does not name.
    QVERIFY2(run.out.contains(QRegularExpression(uR"(rateLimits\s+database\s+\{[^\n]*"slack":0.5)"_s)), qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(uR"(rateLimits[^\n]*"teams":4)"_s)), qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(uR"(retrySchedule\s+default\s+\{"delaysSeconds":\[5,300,)"_s)),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(uR"(Ward A\s+4)"_s)), qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(uR"(alerts\s+default\s+\{"failingAfterAttempts":\[3,10,30,100\])"_s)),
             qPrintable(run.out));
    QCOMPARE(settings({u"reset"_s, u"rateLimits"_s}).exitCode, 0);
    run = settings({u"reset"_s, u"rateLimits"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"not set"_s), qPrintable(run.err));
    QSqlQuery audit(m_db.database->connection());
    QVERIFY(audit.exec(u"SELECT action, entity_name FROM audit_log WHERE entity = 'dispatch-setting' ORDER BY id"_s));
    QStringList trail;
    while (audit.next())
        trail << audit.value(0).toString() + u' ' + audit.value(1).toString();
    QCOMPARE(trail, (QStringList{u"update rateLimits"_s, u"reset rateLimits"_s}));
}

void TestDispatcher::retryScheduleFromTheDatabase()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.status = 503;
        answer.reason = "Service Unavailable";
        return answer;
    });
    const Webhook webhook = receiverWebhook(u"Ward A"_s, receiver);
    // One retry after a second, instead of Svix's eight attempts over a day and a half.
    CommandRun run = settings({u"set"_s, u"retrySchedule"_s, uR"({"delaysSeconds": [1], "jitter": 0})"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString event = emitEvent(u"evt-short-schedule"_s);
    run = dispatch();
    QVERIFY2(run.err.contains(u"0 delivered, 1 to be retried"_s), qPrintable(run.err));
    QTest::qWait(1100);
    run = dispatch();
    QVERIFY2(run.err.contains(u"0 delivered, 0 to be retried, 1 failed"_s), qPrintable(run.err));
    int attempts = 0;
    QCOMPARE(stateOf(event, webhook.id, nullptr, &attempts), u"failed"_s);
    QCOMPARE(attempts, 2);
    QCOMPARE(receiver.requests().size(), 2);
}

void TestDispatcher::rateLimitPacesDeliveries()
{
    TestHttpsServer receiver(m_localhost);
    QList<qint64> arrivals;
    receiver.setHandler([&arrivals](const ReceivedRequest &) {
        arrivals.append(QDateTime::currentMSecsSinceEpoch());
        return ScriptedAnswer();
    });
    const Webhook webhook = receiverWebhook(u"Ward A"_s, receiver);
    CommandRun run = settings({u"rate"_s, u"Ward A"_s, u"4"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    for (int i = 0; i < 9; ++i)
        emitEvent(u"evt-paced-%1"_s.arg(i));
    run = dispatch({u"--until-idle"_s, u"--workers"_s, u"8"_s});
    QVERIFY2(run.err.contains(u"9 delivered"_s), qPrintable(run.err));
    QCOMPARE(arrivals.size(), 9);
    // Four per second: nine messages take at least eight intervals of 250 ms, however many workers are free (the
    // first may come a little late, after the TLS handshake that the others reuse).
    QVERIFY2(arrivals.last() - arrivals.first() >= 8 * 250 - 150,
             qPrintable(u"%1 ms"_s.arg(arrivals.last() - arrivals.first())));
}

void TestDispatcher::autoDisableWarnsFirst()
{
    TestHttpsServer receiver(m_localhost);
    bool healthy = false;
    receiver.setHandler([&healthy](const ReceivedRequest &) {
        ScriptedAnswer answer;
        if (!healthy) {
            answer.status = 503;
            answer.reason = "Service Unavailable";
        }
        return answer;
    });
    Webhook webhook = receiverWebhook(u"Ward A"_s, receiver);
    // Days and hours made seconds: disabled after 8 s of failing, warned at 1.6 s and 4 s, retried every second.
    for (const auto &[name, value] : {std::pair{u"autoDisable"_s, uR"({"afterSeconds": 8, "minimumSpanSeconds": 3,
                                                                      "warningPercents": [20, 50]})"_s},
                                      std::pair{u"retrySchedule"_s, uR"({"delaysSeconds": [1, 1, 1, 1, 1, 1, 1, 1, 1],
                                                                         "jitter": 0})"_s}}) {
        const CommandRun set = settings({u"set"_s, name, value});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    }
    const QString event = emitEvent(u"evt-failing"_s);

    QProcess dispatcher;
    prepareCommand(dispatcher, {u"--database"_s, m_db.storage->urlText(), u"dispatch"_s});
    dispatcher.setProcessChannelMode(QProcess::SeparateChannels);
    dispatcher.start();
    QVERIFY(dispatcher.waitForStarted());
    QString err;
    QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(dispatcher.readAllStandardError())).contains(u"was disabled"_s),
                             30000);
    // Never silently: each threshold was announced once, before the disabling, with what failed and when it ends.
    const qsizetype disabledAt = err.indexOf(u"Webhook “Ward A” was disabled after failing every attempt since"_s);
    QVERIFY2(disabledAt >= 0, qPrintable(err));
    QCOMPARE(err.count(u"Warning: webhook “Ward A” has failed every attempt since"_s), 2);
    QVERIFY2(err.lastIndexOf(u"Warning:"_s) < disabledAt, qPrintable(err));
    QVERIFY2(err.contains(u"Last error: transient: http-5xx"_s), qPrintable(err));
    const int requestsWhenDisabled = int(receiver.requests().size());
    QVERIFY2(requestsWhenDisabled >= 5, qPrintable(err)); // at least a second apart, over 8 s
    ::kill(pid_t(dispatcher.processId()), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(dispatcher.state() == QProcess::NotRunning, 15000);
    QCOMPARE(dispatcher.exitCode(), 0);
    QCOMPARE(receiver.requests().size(), requestsWhenDisabled);

    WebhookRepository repository(*m_db.database);
    QVERIFY(!repository.findById(webhook.id)->active);
    // The event waits as skipped (once its next try comes), to be replayed once the receiver works again.
    QTest::qWait(1100);
    QVERIFY2(dispatch({u"--until-idle"_s}).exitCode == 0, "skips what is due");
    QCOMPARE(stateOf(event, webhook.id), u"skipped"_s);
    QCOMPARE(receiver.requests().size(), requestsWhenDisabled);
    const auto trail = repository.auditTrail(webhook.id);
    QVERIFY2(trail, qPrintable(trail.message()));
    QStringList actions;
    QList<int> percents;
    for (const AuditEntry &entry : *trail) {
        actions.append(entry.action);
        if (entry.action == u"failing-warning") {
            percents.append(entry.after.value(u"warningPercent"_s).toInt());
            QVERIFY(entry.after.value(u"lastError"_s).toString().startsWith(u"transient: http-5xx"_s));
        }
    }
    QCOMPARE(actions, (QStringList{u"create"_s, u"failing-warning"_s, u"failing-warning"_s, u"auto-disable"_s}));
    QCOMPARE(percents, (QList<int>{20, 50}));
    Result<QHash<QString, FailureStreak>> failing = FailureStreaks(*m_db.database).failing();
    QVERIFY_OK(failing);
    QVERIFY(failing->value(webhook.id).consecutiveFailures >= 5);

    // Enabled by a person: the streak starts again from nothing, so one more failure does not disable it at once.
    webhook = *repository.findById(webhook.id);
    QVERIFY_OK(repository.setActive(webhook, true));
    failing = FailureStreaks(*m_db.database).failing();
    QVERIFY_OK(failing);
    QVERIFY(!failing->contains(webhook.id));
    emitEvent(u"evt-after-enabling"_s);
    CommandRun run = dispatch({u"--until-idle"_s});
    QVERIFY2(run.err.contains(u"0 delivered, 1 to be retried"_s) && !run.err.contains(u"was disabled"_s),
             qPrintable(run.err));
    QVERIFY(repository.findById(webhook.id)->active);
    // The receiver works again: the next attempt ends the streak, and says so.
    healthy = true;
    QTest::qWait(1100);
    run = dispatch({u"--until-idle"_s});
    QVERIFY2(run.err.contains(u"Webhook “Ward A” recovered after 1 failed attempt since"_s), qPrintable(run.err));
    failing = FailureStreaks(*m_db.database).failing();
    QVERIFY_OK(failing);
    QVERIFY(failing->isEmpty());
}

void TestDispatcher::alertsReachTheAlertsChannel()
{
    // A ward's webhook that fails until told otherwise, an alerts channel that works, and a second alerts channel
    // that fails everything (and also takes the ward's events): alerts about it must never go to itself.
    int wardStatus = 503;
    TestHttpsServer ward(m_localhost);
    ward.setHandler([&wardStatus](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.status = wardStatus;
        answer.reason = wardStatus == 200 ? "OK" : wardStatus == 410 ? "Gone" : "Service Unavailable";
        return answer;
    });
    TestHttpsServer alerts(m_localhost);
    TestHttpsServer brokenAlerts(m_localhost);
    brokenAlerts.setHandler([](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.status = 500;
        answer.reason = "Internal Server Error";
        return answer;
    });
    const QStringList operations{u"webhook.failing"_s, u"webhook.disabled"_s, u"webhook.recovered"_s,
                                 u"delivery.exhausted"_s};
    const Webhook wardHook = receiverWebhook(u"Ward B"_s, ward);
    const Webhook alertsHook = receiverWebhook(u"IT alerts"_s, alerts, operations);
    const Webhook brokenHook = receiverWebhook(u"Broken alerts"_s, brokenAlerts, operations + QStringList{u"battery.critical"_s});
    // Three attempts an event, alerts after 2 and 3 failures in a row, at most one of a kind per hour.
    for (const auto &[name, value] :
         {std::pair{u"retrySchedule"_s, uR"({"delaysSeconds": [0, 0], "jitter": 0})"_s},
          std::pair{u"autoDisable"_s, uR"({"afterSeconds": 0})"_s},
          std::pair{u"alerts"_s, uR"({"failingAfterAttempts": [2, 3], "windowSeconds": 3600,
                                      "link": "https://intranet.example.org/runbooks/webhooks"})"_s}}) {
        const CommandRun set = settings({u"set"_s, name, value});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    }
    // What each receiver was told, as "type about webhook name", in order.
    auto alertsIn = [](const TestHttpsServer &receiver, QStringList *aboutIds = nullptr) {
        QStringList told;
        for (const ReceivedRequest &request : receiver.requests()) {
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            const QString type = body.value(u"type"_s).toString();
            if (!type.startsWith(u"webhook."_s) && !type.startsWith(u"delivery."_s))
                continue;
            const QJsonObject about = body.value(u"data"_s).toObject().value(u"webhook"_s).toObject();
            told.append(type + u" about "_s + about.value(u"name"_s).toString());
            if (aboutIds)
                aboutIds->append(about.value(u"id"_s).toString());
        }
        return told;
    };

    emitEvent(u"evt-alert-1"_s);
    emitEvent(u"evt-alert-2"_s);
    CommandRun run = dispatch();
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(ward.requests().size(), 6);
    QVERIFY2(run.err.contains(u"Alert webhook.failing about webhook “Ward B” queued for 2 subscribed webhooks."_s),
             qPrintable(run.err));
    // The alerts channel heard of both failing webhooks at each threshold, and of one exhausted event each: the
    // second event given up within the hour is in the log, not in another alert.
    QStringList told = alertsIn(alerts);
    told.sort();
    QCOMPARE(told, (QStringList{u"delivery.exhausted about Broken alerts"_s, u"delivery.exhausted about Ward B"_s,
                                u"webhook.failing about Broken alerts"_s, u"webhook.failing about Broken alerts"_s,
                                u"webhook.failing about Ward B"_s, u"webhook.failing about Ward B"_s}));
    // The failing channel was sent the alerts about the ward (three attempts each), never one about itself.
    QStringList aboutIds;
    QStringList toldBroken = alertsIn(brokenAlerts, &aboutIds);
    QVERIFY2(!aboutIds.contains(brokenHook.id), qPrintable(toldBroken.join(u", "_s)));
    QVERIFY2(aboutIds.count(wardHook.id) == 3 * 3, qPrintable(toldBroken.join(u", "_s)));
    // An alert carries what IT needs: the webhook, since when, the last error, the link; and no patient.
    const QJsonObject first = QJsonDocument::fromJson(alerts.requests().first().body).object();
    const QJsonObject about = first.value(u"data"_s).toObject().value(u"webhook"_s).toObject();
    QCOMPARE(about.value(u"host"_s).toString(), u"localhost"_s);
    QCOMPARE(about.value(u"consecutiveFailures"_s).toInt(), 2);
    QVERIFY(!about.value(u"failingSince"_s).toString().isEmpty());
    QVERIFY2(about.value(u"lastError"_s).toString().contains(u"http-5xx"_s), qPrintable(about.value(u"lastError"_s).toString()));
    QCOMPARE(about.value(u"link"_s).toString(), u"https://intranet.example.org/runbooks/webhooks"_s);
    QVERIFY(!first.value(u"data"_s).toObject().contains(u"patient"_s));
    // Deliveries of alerts that ran out of retries raise no alert of their own: no loop between channels.
    {
        QSqlQuery exhausted(m_db.database->connection());
        QVERIFY(exhausted.exec(u"SELECT COUNT(*) FROM events WHERE type = 'delivery.exhausted'"_s) && exhausted.next());
        QCOMPARE(exhausted.value(0).toInt(), 2);
    }

    // The ward works again: one recovery, to both channels.
    wardStatus = 200;
    emitEvent(u"evt-alert-3"_s);
    run = dispatch();
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(alertsIn(alerts).count(u"webhook.recovered about Ward B"_s), 1);

    // Flapping within the hour: failing again to the same thresholds, and recovering, tells nothing new.
    const qsizetype toldBefore = alertsIn(alerts).size();
    wardStatus = 503;
    emitEvent(u"evt-alert-4"_s);
    QVERIFY(dispatch().exitCode == 0);
    wardStatus = 200;
    emitEvent(u"evt-alert-5"_s);
    QVERIFY(dispatch().exitCode == 0);
    QCOMPARE(alertsIn(alerts).size(), toldBefore);

    // Switched off by a 410: always told, whatever the window.
    wardStatus = 410;
    emitEvent(u"evt-alert-6"_s);
    run = dispatch();
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(alertsIn(alerts).mid(toldBefore), QStringList{u"webhook.disabled about Ward B"_s});
    const QJsonObject disabled = QJsonDocument::fromJson(alerts.requests().last().body).object();
    QCOMPARE(disabled.value(u"data"_s).toObject().value(u"webhook"_s).toObject().value(u"disabledBecause"_s).toString(),
             u"gone"_s);
}

void TestDispatcher::statusSaysWhetherEventsAreDelivered()
{
    const QStringList status{u"--database"_s, m_db.storage->urlText(), u"dispatch"_s, u"status"_s};
    CommandRun run = runCommand(status);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, u"No dispatcher is running.\nNothing is due.\n"_s);

    // An event waits and nobody delivers: a monitoring check hears it from the exit code.
    TestHttpsServer receiver(m_localhost);
    receiverWebhook(u"Ward C"_s, receiver);
    emitEvent(u"evt-status"_s);
    run = runCommand(status);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.out.contains(u"1 delivery due; the oldest since "_s), qPrintable(run.out));
    QVERIFY2(run.err.contains(u"Events are not being delivered."_s), qPrintable(run.err));

    // A dispatcher runs: it is listed, and the event is delivered.
    QProcess dispatcher;
    prepareCommand(dispatcher, {u"--database"_s, m_db.storage->urlText(), u"dispatch"_s});
    dispatcher.start();
    QVERIFY(dispatcher.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 15000);
    run = runCommand(status);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u":%1 "_s.arg(dispatcher.processId())), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"Nothing is due."_s), qPrintable(run.out));
    ::kill(pid_t(dispatcher.processId()), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(dispatcher.state() == QProcess::NotRunning, 15000);
}

void TestDispatcher::deliversThroughTheConfiguredProxy()
{
    TestHttpsServer receiver(m_localhost);
    TestConnectProxy proxy;
    receiverWebhook(u"Ward P"_s, receiver);
    CommandRun run = settings({u"set"_s, u"proxy"_s, uR"({"url": "http://127.0.0.1:%1"})"_s.arg(proxy.port())});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    emitEvent(u"evt-proxied"_s);
    run = dispatch();
    QVERIFY2(run.err.contains(u"1 delivered"_s), qPrintable(run.err));
    // Tunnelled to the address the dispatcher checked, with the configured name in Host.
    QCOMPARE(proxy.tunnels(), QByteArrayList{"127.0.0.1:" + QByteArray::number(receiver.port())});
    QCOMPARE(receiver.requests().last().header("Host"), "localhost:" + QByteArray::number(receiver.port()));
    // A test-send takes the same way: the pipeline reads the setting from the database.
    run = runCommand({u"--database"_s, m_db.storage->urlText(), u"send"_s, u"--webhook"_s, u"Ward P"_s, u"--event"_s,
                      u"battery.critical"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QCOMPARE(proxy.tunnels().size(), 2);
    QCOMPARE(receiver.requests().size(), 2);

    // Hosts in noProxy go straight.
    run = settings({u"set"_s, u"proxy"_s,
                    uR"({"url": "http://127.0.0.1:%1", "noProxy": ["localhost"]})"_s.arg(proxy.port())});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    emitEvent(u"evt-direct"_s);
    run = dispatch();
    QVERIFY2(run.err.contains(u"1 delivered"_s), qPrintable(run.err));
    QCOMPARE(proxy.tunnels().size(), 2);
    QCOMPARE(receiver.requests().size(), 3);

    // A setting stored past the checks (by hand, in SQL) stops a test-send with what is wrong, sending nothing.
    {
        QSqlQuery broken(m_db.database->connection());
        QVERIFY(broken.exec(u"UPDATE dispatch_settings SET value_json = '{\"url\": \"ftp://proxy\"}' WHERE name = 'proxy'"_s));
    }
    run = runCommand({u"--database"_s, m_db.storage->urlText(), u"send"_s, u"--webhook"_s, u"Ward P"_s, u"--event"_s,
                      u"battery.critical"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"the dispatch settings in the database cannot be used: The proxy's “url”"_s),
             qPrintable(run.err));
    QCOMPARE(receiver.requests().size(), 3);
}


void TestDispatcher::testSendsGoThroughARunningDispatcher()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &request) {
        ScriptedAnswer answer;
        if (request.target.endsWith("/hang"))
            answer.mode = ScriptedAnswer::Mode::Hang;
        return answer;
    });
    Webhook webhook = receiverWebhook(u"Ward T"_s, receiver);
    WebhookRepository repository(*m_db.database);
    WebhookSecrets secrets(*m_credentials, repository);
    const QString secret = SigningSecret::generate();
    QVERIFY_OK(secrets.setAndWait(webhook, secret));
    const DatabaseWorker worker(m_db.database->url(), m_db.database->password());
    const Event sample = EventSamples::forTestSend(u"battery.low"_s);
    auto waitingTests = [this] {
        QSqlQuery count(m_db.database->connection());
        return count.exec(u"SELECT COUNT(*) FROM test_sends"_s) && count.next() ? count.value(0).toInt() : -1;
    };
    auto outcomeOf = [](DispatchedTestSend *test, int timeoutMs = 20000) -> std::optional<DeliveryOutcome> {
        QSignalSpy finished(test, &DispatchedTestSend::finished);
        if (!finished.wait(timeoutMs))
            return std::nullopt;
        return finished.first().first().value<DeliveryOutcome>();
    };

    // No dispatcher runs: nothing takes the test, it is withdrawn, nothing was sent and nothing stays stored.
    DispatchedTestSend *unclaimed = DispatchedTestSend::start(worker, webhook, sample);
    unclaimed->setPickupTimeoutMs(400);
    std::optional<DeliveryOutcome> outcome = outcomeOf(unclaimed);
    QVERIFY(outcome);
    QCOMPARE(outcome->status, DeliveryOutcome::Status::Refused);
    QCOMPARE(outcome->refusal, DeliveryRefusal::DispatcherUnavailable);
    QVERIFY2(outcome->message.contains(u"No dispatcher took the test"_s), qPrintable(outcome->message));
    QCOMPARE(receiver.requests().size(), 0);
    QTRY_COMPARE(waitingTests(), 0);

    QProcess dispatcher;
    prepareCommand(dispatcher, {u"--database"_s, m_db.storage->urlText(), u"dispatch"_s, u"--stop-within"_s, u"2"_s});
    dispatcher.start();
    QVERIFY(dispatcher.waitForStarted());
    const QString owner = u"%1:%2"_s.arg(QSysInfo::machineHostName()).arg(dispatcher.processId());

    // The editor's unsaved state (a header not stored) goes with the test; the dispatcher signs it with the
    // secret as stored, sends it and records it as a test, and the console gets the whole outcome.
    Webhook edited = webhook;
    edited.headers = {{u"X-Ward"_s, u"T (unsaved)"_s}};
    DispatchedTestSend *test = DispatchedTestSend::start(worker, edited, sample);
    QSignalSpy stages(test, &DispatchedTestSend::stageChanged);
    outcome = outcomeOf(test);
    QVERIFY(outcome);
    QVERIFY2(outcome->delivered(), qPrintable(outcome->message + outcome->result.errorText));
    QCOMPARE(stages.last().first().value<DispatchedTestSend::Stage>(), DispatchedTestSend::Stage::Finished);
    QCOMPARE(receiver.requests().size(), 1);
    const ReceivedRequest request = receiver.requests().first();
    QVERIFY(carriesStandardWebhooksSignature(request, secret));
    QCOMPARE(request.header("x-ward"), QByteArray("T (unsaved)"));
    QCOMPARE(outcome->result.status, 200);
    QCOMPARE(outcome->result.requestBody, request.body);
    QCOMPARE(outcome->messageId, request.header("webhook-id"));
    QVERIFY(outcome->result.connectedAddress.startsWith(u"127.0.0.1"_s));
    QVERIFY(outcome->record.id > 0);
    const auto logged = DeliveryRepository(*m_db.database).attemptsOf(QString::fromLatin1(outcome->messageId));
    QVERIFY2(logged && logged->size() == 1, qPrintable(logged.message()));
    QCOMPARE(logged->first().trigger, DeliveryTrigger::Test);
    QCOMPARE(logged->first().id, outcome->record.id);
    QTRY_COMPARE(waitingTests(), 0); // read once, then removed

    // Cancelled while the dispatcher sends it: stopped there, recorded as cancelled, told as such.
    Webhook hanging = webhook;
    hanging.url = receiver.url(u"localhost"_s, u"/hooks/hang"_s);
    DispatchedTestSend *stopped = DispatchedTestSend::start(worker, hanging, sample);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 2, 20000);
    QTRY_COMPARE(stopped->stage(), DispatchedTestSend::Stage::Sending);
    QCOMPARE(stopped->dispatcher(), owner);
    stopped->cancel();
    outcome = outcomeOf(stopped);
    QVERIFY(outcome);
    QCOMPARE(outcome->status, DeliveryOutcome::Status::Cancelled);
    QVERIFY(outcome->sent);
    QCOMPARE(outcome->result.error, DeliveryResult::Error::Cancelled);

    ::kill(pid_t(dispatcher.processId()), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(dispatcher.state() == QProcess::NotRunning, 15000);
    QCOMPARE(dispatcher.exitCode(), 0);
    const QString err = QString::fromUtf8(dispatcher.readAllStandardError());
    QVERIFY2(err.contains(u"Test-send to webhook %1, asked by"_s.arg(webhook.id)), qPrintable(err));
    QVERIFY2(err.contains(u"2 test-sends from consoles"_s), qPrintable(err));
    (void)m_credentials->removeAndWait(WebhookSecrets::signingKey(webhook.id));
}

QTEST_GUILESS_MAIN(TestDispatcher)
#include "tst_dispatcher.moc"
