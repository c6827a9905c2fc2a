// Two dispatchers on PostgreSQL against a receiver that fails 30 % of requests with 503 and hangs on 10 %, one of
// them killed with SIGKILL every few seconds and started again: at the end every (event, webhook) pair was received
// or is listed as failed, none is lost, and every request for one pair carried that pair's one webhook-id.
#include "models/storage/database.h"
#include "models/storage/dispatchsettings.h"
#include "models/storage/eventoutbox.h"
#include "models/storage/webhookrepository.h"
#include "testsupport/commandrunner.h"
#include "testsupport/resultchecks.h"
#include "testsupport/testdatabases.h"
#include "testsupport/testhttpsserver.h"
#include "testsupport/testpki.h"
#include "testsupport/webhookfixtures.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

class TestDispatchChaos : public QObject
{
    Q_OBJECT

private slots:
    void nothingIsLostWhenDispatchersAreKilled();
};

void TestDispatchChaos::nothingIsLostWhenDispatchersAreKilled()
{
    TestPki pki;
    QVERIFY(pki.isValid());
    const TestCertificate localhost = pki.issue(u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s});
    QTemporaryDir folder;
    const QString caFile = folder.filePath(u"hospital-ca.pem"_s);
    QVERIFY(pki.writeCaBundle(caFile));
    OpenTestDatabase db = openTestDatabase(DatabaseUrl::Engine::PostgreSQL);
    QVERIFY(db.ok());

    // A fixed seed: the same mix of answers on every run.
    QRandomGenerator random(20261202);
    TestHttpsServer receiver(localhost);
    QHash<QByteArray, int> answeredOk;        // webhook-id → 2xx answers
    QHash<QByteArray, QByteArray> idOfEvent;  // event id (from the body) → the webhook-id its requests carried
    QStringList mismatches;
    receiver.setHandler([&](const ReceivedRequest &request) {
        const QByteArray messageId = request.header("webhook-id");
        const QByteArray eventId = QJsonDocument::fromJson(request.body).object().value(u"id").toString().toUtf8();
        const QByteArray seen = idOfEvent.value(eventId);
        if (!seen.isEmpty() && seen != messageId)
            mismatches << QString::fromLatin1(eventId + " came as " + seen + " and as " + messageId);
        idOfEvent.insert(eventId, messageId);
        ScriptedAnswer answer;
        const double roll = random.generateDouble();
        if (roll < 0.3) {
            answer.status = 503;
            answer.reason = "Service Unavailable";
        } else if (roll < 0.4) {
            answer.mode = ScriptedAnswer::Mode::Hang;
        } else {
            ++answeredOk[messageId];
        }
        return answer;
    });

    Webhook webhook = makeWebhook(u"Chaos"_s);
    webhook.url = receiver.url(u"localhost"_s, u"/hooks/chaos"_s);
    webhook.events = {u"battery.critical"_s};
    webhook.headers.clear();
    webhook.allowLoopbackHttp = true;
    webhook.caFile = caFile;
    webhook.timeoutSeconds = 2;  // a hanging request ends after 2 s; a killed dispatcher's lease after 12 s
    QVERIFY_OK(WebhookRepository(*db.database).create(webhook));
    // Retries within a second, so that the whole schedule fits the test: 12 attempts each.
    QVERIFY_OK(DispatchSettings(*db.database)
                   .setValue(u"retrySchedule"_s, QJsonObject{{u"delaysSeconds"_s, QJsonArray{0, 1, 1, 1, 1, 1, 1, 1,
                                                                                             1, 1, 1}},
                                                             {u"jitter"_s, 0.2}}));
    constexpr int events = 400;
    EventOutbox outbox(*db.database);
    for (int i = 0; i < events; ++i) {
        Event event = EventSamples::sample(u"battery.critical"_s);
        event.id = u"evt-chaos-%1"_s.arg(i);
        QVERIFY_OK(outbox.add(event));
    }

    auto startDispatcher = [&]() {
        auto process = std::make_unique<QProcess>();
        prepareCommand(*process, {u"--database"_s, db.storage->urlText(), u"dispatch"_s, u"--workers"_s, u"4"_s});
        process->start();
        return process;
    };
    std::unique_ptr<QProcess> dispatchers[2] = {startDispatcher(), startDispatcher()};
    QVERIFY(dispatchers[0]->waitForStarted() && dispatchers[1]->waitForStarted());

    auto openPairs = [&]() {
        QSqlQuery query(db.database->connection());
        if (!query.exec(u"SELECT COUNT(*) FROM event_deliveries WHERE state NOT IN ('delivered', 'failed')"_s)
            || !query.next())
            return -1;
        return query.value(0).toInt();
    };
    // Kill one of them every 2.5 s for 20 s, alternately, and start it again at once.
    int kills = 0;
    for (int round = 0; round < 8 && openPairs() != 0; ++round) {
        QTest::qWait(2500);
        std::unique_ptr<QProcess> &victim = dispatchers[round % 2];
        ::kill(pid_t(victim->processId()), SIGKILL);
        QVERIFY(victim->waitForFinished(5000));
        QCOMPARE(victim->exitStatus(), QProcess::CrashExit);
        ++kills;
        victim = startDispatcher();
        QVERIFY(victim->waitForStarted());
    }
    // Then they finish: what the killed ones held comes free once its lease runs out.
    QElapsedTimer waited;
    waited.start();
    while (openPairs() != 0 && waited.elapsed() < 90000)
        QTest::qWait(250);
    for (std::unique_ptr<QProcess> &dispatcher : dispatchers) {
        // A dispatcher just started may not have its SIGTERM handler yet: it says so when it has.
        QString said;
        QTRY_VERIFY_WITH_TIMEOUT((said += QString::fromUtf8(dispatcher->readAllStandardError())).contains(u"Dispatching as"_s),
                                 10000);
        ::kill(pid_t(dispatcher->processId()), SIGTERM);
        QVERIFY(dispatcher->waitForFinished(20000));
        QVERIFY2(dispatcher->exitStatus() == QProcess::NormalExit && dispatcher->exitCode() == 0,
                 qPrintable(said + QString::fromUtf8(dispatcher->readAllStandardError())));
    }
    QCOMPARE(openPairs(), 0);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));

    // Every pair is delivered, and then its receiver answered 2xx to its webhook-id, or failed and listed so.
    QSqlQuery pairs(db.database->connection());
    QVERIFY(pairs.exec(u"SELECT event_id, message_id, state, attempts, last_error FROM event_deliveries"_s));
    int delivered = 0;
    int failed = 0;
    int duplicates = 0;
    while (pairs.next()) {
        const QByteArray messageId = pairs.value(1).toString().toLatin1();
        QCOMPARE(idOfEvent.value(pairs.value(0).toString().toLatin1()), messageId);
        if (pairs.value(2).toString() == u"delivered") {
            ++delivered;
            QVERIFY2(answeredOk.value(messageId) >= 1, messageId.constData());
            duplicates += answeredOk.value(messageId) - 1;
        } else {
            // Listed as failed only after the whole schedule (a 0.4^12 chance per pair).
            ++failed;
            QVERIFY2(pairs.value(4).toString().startsWith(u"exhausted"_s), qPrintable(pairs.value(4).toString()));
            QCOMPARE(pairs.value(3).toInt(), 12);
        }
    }
    QCOMPARE(delivered + failed, events);
    qInfo("%d events, %d SIGKILLs, %d requests, %d duplicates (same webhook-id), %d failed", events, kills,
          int(receiver.requests().size()), duplicates, failed);
}

QTEST_GUILESS_MAIN(TestDispatchChaos)
#include "tst_dispatchchaos.moc"
