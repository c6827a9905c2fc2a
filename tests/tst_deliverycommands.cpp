// The deliveries and redeliver commands as an administrator runs them: the real executable on a generated delivery
// log, filters checked against a brute-force count, exports checked for redaction, redelivery to a loopback receiver.
#include "models/storage/database.h"
#include "models/secrets/signingsecret.h"
#include "models/storage/deliveryrepository.h"
#include "models/secrets/secretstore.h"
#include "models/storage/webhookrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "network/transport/standardwebhooks.h"
#include "testsupport/testmachine.h"
#include "testsupport/commandrunner.h"
#include "testsupport/csvreader.h"
#include "testsupport/deliverygenerator.h"
#include "testsupport/testdatabases.h"
#include "testsupport/testhttpsserver.h"
#include "testsupport/testpki.h"
#include "testsupport/webhookfixtures.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// What the brute force needs of every row.
struct Row
{
    qint64 id = 0;
    QString webhookId;
    QString eventType;
    bool success = false;
    qint64 startedAtMs = 0;
};

ScriptedAnswer answer(int status)
{
    ScriptedAnswer scripted;
    scripted.status = status;
    scripted.reason = status == 200 ? QByteArray("OK") : QByteArray("Service Unavailable");
    scripted.body = status == 200 ? QByteArray("{\"received\":true}") : QByteArray("maintenance");
    return scripted;
}

} // namespace

class TestDeliveryCommands : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void filtersMatchBruteForce_data();
    void filtersMatchBruteForce();
    void tableColumns();
    void exportsRedactSecrets();
    void exportLimit();
    void usageErrors_data();
    void usageErrors();
    void redeliverOne();
    void redeliverFailedSince();
    void redeliverRefused();
    void helpListsCommands();

private:
    CommandRun run(const QStringList &arguments);
    QList<Row> allRows();
    QString webhookId(const QString &name);
    Webhook receiverWebhook(const QString &name, const QUrl &url);
    qint64 recordAttempt(const Webhook &webhook, const QString &messageId, const QString &eventId, bool success,
                         qint64 secondsAgo);

    TestPki m_pki;
    TestCertificate m_localhost;
    QTemporaryDir m_folder;
    QString m_caFile;
    std::unique_ptr<TestCredentialStore> m_credentials; // an approved machine; the executables it starts are the same one
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_connection;
    QDateTime m_now;
};

void TestDeliveryCommands::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("GOREPORTER_EXECUTABLE"), "run through ctest, which names the executable");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session: run the tests with scripts/test-services.sh, which starts an unlocked keyring");
    QVERIFY(m_pki.isValid());
    m_localhost = m_pki.issue(u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s});
    m_caFile = m_folder.filePath(u"hospital-ca.pem"_s);
    QVERIFY(m_pki.writeCaBundle(m_caFile));
}

void TestDeliveryCommands::init()
{
    m_db = TestDatabase::create(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db);
    m_connection = std::make_unique<Database>();
    QVERIFY2(m_connection->open(m_db->url()), qPrintable(m_connection->errorString()));
    m_credentials = std::make_unique<TestCredentialStore>(*m_connection);
    QVERIFY(m_credentials->ok());
    // Three days of a small hospital: six webhooks (one down for hours, one disabled), retries, tests, redeliveries.
    m_now = QDateTime::currentDateTimeUtc();
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*m_connection, 6, &error);
    QVERIFY2(webhooks, qPrintable(error));
    DeliveryGeneratorOptions options;
    options.attempts = 900;
    options.days = 3;
    options.end = m_now;
    QVERIFY2(DeliveryGenerator::generate(*m_connection, *webhooks, options, &error), qPrintable(error));
}

void TestDeliveryCommands::cleanup()
{
    m_credentials.reset();
    m_connection.reset();
    m_db.reset();
}

CommandRun TestDeliveryCommands::run(const QStringList &arguments)
{
    return runCommand(QStringList{u"--database"_s, m_db->urlText()} + arguments);
}

QList<Row> TestDeliveryCommands::allRows()
{
    QList<Row> rows;
    QSqlQuery query(m_connection->connection());
    if (!query.exec(u"SELECT id, webhook_id, event_type, success, started_at FROM deliveries"
                    " ORDER BY started_at DESC, id DESC"_s))
        return rows;
    while (query.next())
        rows.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toBool(), query.value(4).toLongLong()});
    return rows;
}

QString TestDeliveryCommands::webhookId(const QString &name)
{
    WebhookRepository repository(*m_connection);
    const auto webhook = repository.findByName(name);
    return webhook ? webhook->id : QString();
}

Webhook TestDeliveryCommands::receiverWebhook(const QString &name, const QUrl &url)
{
    Webhook webhook = makeWebhook(name);
    webhook.url = url;
    webhook.events = {u"report.completed"_s};
    webhook.headers.clear();
    webhook.allowLoopbackHttp = true;
    webhook.caFile = m_caFile;
    return webhook;
}

qint64 TestDeliveryCommands::recordAttempt(const Webhook &webhook, const QString &messageId, const QString &eventId,
                                           bool success, qint64 secondsAgo)
{
    DeliveryRecord record;
    record.webhookId = webhook.id;
    record.webhookName = webhook.name;
    record.eventType = u"report.completed"_s;
    record.eventId = eventId;
    record.messageId = messageId;
    record.trigger = DeliveryTrigger::Event;
    record.requestUrl = webhook.url.toString();
    record.requestHeaders = {{"Content-Type", "application/json"}, {"webhook-id", messageId.toLatin1()}};
    record.requestBody = "{\"type\":\"report.completed\",\"id\":\"" + eventId.toLatin1() + "\"}";
    record.success = success;
    record.responseStatus = success ? 200 : 503;
    record.error = success ? QString() : u"http-5xx: HTTP 503 Service Unavailable"_s;
    record.startedAt = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
    DeliveryRepository repository(*m_connection);
    return repository.record(record) ? record.id : 0;
}

void TestDeliveryCommands::filtersMatchBruteForce_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("webhook");     // the name the brute force matches by id
    QTest::addColumn<QString>("event");
    QTest::addColumn<bool>("failed");
    QTest::addColumn<int>("sinceHours");      // 0: no --since
    QTest::newRow("everything") << QStringList() << QString() << QString() << false << 0;
    QTest::newRow("one webhook") << QStringList{u"--webhook"_s, u"Webhook 02"_s} << u"Webhook 02"_s << QString() << false << 0;
    QTest::newRow("name ignoring case, failed") << QStringList{u"--webhook"_s, u"webhook 03"_s, u"--failed"_s}
                                                << u"Webhook 03"_s << QString() << true << 0;
    QTest::newRow("event") << QStringList{u"--event"_s, u"battery.low"_s} << QString() << u"battery.low"_s << false << 0;
    QTest::newRow("failed") << QStringList{u"--failed"_s} << QString() << QString() << true << 0;
    QTest::newRow("since") << QStringList() << QString() << QString() << false << 20;
    QTest::newRow("combined") << QStringList{u"--webhook"_s, u"Webhook 02"_s, u"--event"_s, u"report.created"_s, u"--failed"_s}
                              << u"Webhook 02"_s << u"report.created"_s << true << 60;
    QTest::newRow("no such webhook") << QStringList{u"--webhook"_s, u"Nobody"_s} << u"Nobody"_s << QString() << false << 0;
}

void TestDeliveryCommands::filtersMatchBruteForce()
{
    QFETCH(QStringList, options);
    QFETCH(QString, webhook);
    QFETCH(QString, event);
    QFETCH(bool, failed);
    QFETCH(int, sinceHours);
    const qint64 sinceMs = m_now.toMSecsSinceEpoch() - qint64(sinceHours) * 3600 * 1000;
    if (sinceHours > 0)
        options << u"--since"_s << QDateTime::fromMSecsSinceEpoch(sinceMs, Qt::UTC).toString(Qt::ISODateWithMs);
    const QString id = webhook.isEmpty() ? QString() : webhookId(webhook);
    QList<qint64> expected;
    for (const Row &row : allRows()) {
        if (!webhook.isEmpty() && (id.isEmpty() || row.webhookId != id))
            continue;
        if (!event.isEmpty() && row.eventType != event)
            continue;
        if (failed && row.success)
            continue;
        if (sinceHours > 0 && row.startedAtMs < sinceMs)
            continue;
        expected << row.id;
    }
    if (webhook != u"Nobody")
        QVERIFY2(!expected.isEmpty(), "the generated log should have rows for every case but the last");

    // The table, with room for all of them.
    const CommandRun table = run(QStringList{u"deliveries"_s, u"--limit"_s, u"100000"_s} + options);
    QVERIFY2(table.exitCode == 0, qPrintable(table.err));
    const QStringList lines = table.out.split(u'\n', Qt::SkipEmptyParts);
    if (expected.isEmpty()) {
        QVERIFY(table.out.isEmpty());
        QVERIFY2(table.err.contains(u"No attempts match"_s), qPrintable(table.err));
    } else {
        QCOMPARE(lines.size() - 1, expected.size());
        QVERIFY(lines.first().startsWith(u"TIME"_s));
        QStringList times;
        for (qsizetype i = 1; i < lines.size(); ++i)
            times << lines.at(i).section(u' ', 0, 0);
        QStringList sorted = times;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QCOMPARE(times, sorted); // newest first
        if (failed) {
            for (qsizetype i = 1; i < lines.size(); ++i)
                QVERIFY2(lines.at(i).contains(u"  failed  "_s), qPrintable(lines.at(i)));
        }
    }

    // JSON Lines: the same attempts, in the same order.
    const CommandRun jsonl = run(QStringList{u"deliveries"_s, u"--format"_s, u"jsonl"_s} + options);
    QVERIFY2(jsonl.exitCode == 0, qPrintable(jsonl.err));
    QList<qint64> ids;
    for (const QString &line : jsonl.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
        ids << qint64(object.value(u"id"_s).toDouble());
        if (!event.isEmpty())
            QCOMPARE(object.value(u"event_type"_s).toString(), event);
        if (failed)
            QCOMPARE(object.value(u"success"_s).toBool(), false);
    }
    QCOMPARE(ids, expected);

    // CSV: a header, then the same attempts.
    const CommandRun csv = run(QStringList{u"deliveries"_s, u"--format"_s, u"csv"_s} + options);
    QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
    const QList<QStringList> records = parseCsv(csv.out);
    QVERIFY(!records.isEmpty());
    QCOMPARE(records.first().first(), u"id"_s);
    ids.clear();
    for (qsizetype i = 1; i < records.size(); ++i) {
        QCOMPARE(records.at(i).size(), records.first().size());
        ids << records.at(i).first().toLongLong();
    }
    QCOMPARE(ids, expected);
}

void TestDeliveryCommands::tableColumns()
{
    const QList<Row> rows = allRows();
    QVERIFY(!rows.isEmpty());
    const CommandRun table = run({u"deliveries"_s, u"--limit"_s, u"5"_s});
    QVERIFY2(table.exitCode == 0, qPrintable(table.err));
    const QStringList lines = table.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    for (const QString &column : {u"TIME"_s, u"WEBHOOK"_s, u"EVENT"_s, u"EVENT ID"_s, u"ATTEMPT"_s, u"TRIGGER"_s,
                                  u"STATUS"_s, u"RESULT"_s, u"LATENCY"_s, u"ERROR"_s})
        QVERIFY2(lines.first().contains(column), qPrintable(column));
    // The newest attempt first, its time in UTC as ISO 8601.
    QCOMPARE(lines.at(1).section(u' ', 0, 0),
             QDateTime::fromMSecsSinceEpoch(rows.first().startedAtMs, Qt::UTC).toString(Qt::ISODate));
    QVERIFY(lines.at(1).contains(u" ms"_s));
    QVERIFY2(table.err.contains(u"The newest 5 attempt"_s), qPrintable(table.err));

    // Without --limit, a hundred rows at most.
    const CommandRun standard = run({u"deliveries"_s});
    QCOMPARE(standard.out.split(u'\n', Qt::SkipEmptyParts).size(), 101);
}

void TestDeliveryCommands::exportsRedactSecrets()
{
    // The generator stores signatures, bearer tokens and cookies unredacted, as a careless writer would.
    const CommandRun jsonl = run({u"deliveries"_s, u"--format"_s, u"jsonl"_s});
    QCOMPARE(jsonl.exitCode, 0);
    const CommandRun csv = run({u"deliveries"_s, u"--format"_s, u"csv"_s, u"--failed"_s});
    QCOMPARE(csv.exitCode, 0);
    for (const QString &out : {jsonl.out, csv.out}) {
        QVERIFY(!out.isEmpty());
        QVERIFY(!out.contains(u"Bearer tok_"_s));
        QVERIFY(!out.contains(u"v1,"_s));
        QVERIFY(!out.contains(u"sid="_s));
        QVERIFY(out.contains(u"[redacted]"_s));
    }
    const QJsonObject first = QJsonDocument::fromJson(jsonl.out.section(u'\n', 0, 0).toUtf8()).object();
    QVERIFY(first.value(u"request_body"_s).toString().startsWith(u"{\"type\":"_s));
    QVERIFY(first.contains(u"message_id"_s));
    QVERIFY(jsonl.err.isEmpty());
}

void TestDeliveryCommands::exportLimit()
{
    for (const QString &format : {u"csv"_s, u"jsonl"_s}) {
        for (int limit : {1, 7, 501}) {
            const CommandRun result = run({u"deliveries"_s, u"--format"_s, format, u"--limit"_s, QString::number(limit)});
            QCOMPARE(result.exitCode, 0);
            const qsizetype records = format == u"csv" ? parseCsv(result.out).size() - 1
                                                       : result.out.split(u'\n', Qt::SkipEmptyParts).size();
            QCOMPARE(records, qsizetype(limit));
        }
    }
}

void TestDeliveryCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bad since") << QStringList{u"deliveries"_s, u"--since"_s, u"yesterday"_s} << u"--since needs a time"_s;
    QTest::newRow("bad limit") << QStringList{u"deliveries"_s, u"--limit"_s, u"0"_s} << u"--limit needs a whole number"_s;
    QTest::newRow("bad format") << QStringList{u"deliveries"_s, u"--format"_s, u"xml"_s} << u"--format must be"_s;
    QTest::newRow("unknown event") << QStringList{u"deliveries"_s, u"--event"_s, u"battery.empty"_s}
                                   << u"Unknown event “battery.empty”"_s;
    QTest::newRow("extra word") << QStringList{u"deliveries"_s, u"all"_s} << u"Unexpected arguments: all"_s;
    QTest::newRow("redeliver nothing") << QStringList{u"redeliver"_s} << u"one of --delivery ID, --failed-since TIME or --missed-since TIME"_s;
    QTest::newRow("redeliver both") << QStringList{u"redeliver"_s, u"--delivery"_s, u"1"_s, u"--failed-since"_s,
                                                   u"2024-01-01T00:00:00Z"_s}
                                    << u"one of --delivery ID, --failed-since TIME or --missed-since TIME"_s;
    QTest::newRow("redeliver bad id") << QStringList{u"redeliver"_s, u"--delivery"_s, u"abc"_s} << u"--delivery needs"_s;
    QTest::newRow("redeliver webhook with id") << QStringList{u"redeliver"_s, u"--delivery"_s, u"1"_s, u"--webhook"_s, u"X"_s}
                                               << u"--webhook goes with --failed-since"_s;
    QTest::newRow("redeliver bad time") << QStringList{u"redeliver"_s, u"--failed-since"_s, u"monday"_s}
                                        << u"--failed-since needs a time"_s;
}

void TestDeliveryCommands::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CommandRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(expected), qPrintable(result.err));
}

void TestDeliveryCommands::redeliverOne()
{
    TestHttpsServer receiver(m_localhost);
    QVERIFY(receiver.isListening());
    const QString secret = SigningSecret::generate();
    receiver.setHandler([&](const ReceivedRequest &request) { return answer(carriesStandardWebhooksSignature(request, secret) ? 200 : 401); });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    WebhookRepository repository(*m_connection);
    QVERIFY(repository.create(webhook).ok());
    WebhookSecrets secrets(*m_credentials, repository);
    QVERIFY(secrets.setAndWait(webhook, secret).ok());
    const QString messageId = QString::fromLatin1(StandardWebhooks::newMessageId());
    const qint64 id = recordAttempt(webhook, messageId, u"evt_cli"_s, false, 600);
    QVERIFY(id > 0);

    const CommandRun result = run({u"redeliver"_s, u"--delivery"_s, QString::number(id)});
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    QVERIFY2(result.out.contains(u"Attempt %1 (report.completed evt_cli) to “Receiver”: delivered, HTTP 200 OK"_s.arg(id)),
             qPrintable(result.out));
    QVERIFY2(result.out.contains(u"Recorded as attempt 2 of message %1"_s.arg(messageId)), qPrintable(result.out));
    QVERIFY(!result.out.contains(secret) && !result.err.contains(secret));

    QCOMPARE(receiver.requests().size(), 1);
    const ReceivedRequest &received = receiver.requests().first();
    QCOMPARE(received.header("webhook-id"), messageId.toLatin1());
    QCOMPARE(received.body, QByteArray("{\"type\":\"report.completed\",\"id\":\"evt_cli\"}"));
    QVERIFY(carriesStandardWebhooksSignature(received, secret));

    DeliveryRepository log(*m_connection);
    const auto attempts = log.attemptsOf(messageId);
    QVERIFY(attempts);
    QCOMPARE(attempts->size(), 2);
    QCOMPARE(attempts->last().trigger, DeliveryTrigger::Redeliver);
    QCOMPARE(attempts->last().attempt, 2);
    QVERIFY(attempts->last().success);

    // The redelivery shows in the log's own listing, with its trigger.
    const CommandRun listed = run({u"deliveries"_s, u"--webhook"_s, u"Receiver"_s});
    QCOMPARE(listed.exitCode, 0);
    const QStringList lines = listed.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(1).contains(u"redeliver"_s) && lines.at(1).contains(u"200"_s), qPrintable(lines.at(1)));
    QVERIFY(secrets.removeAndWait(webhook).ok());
}

void TestDeliveryCommands::redeliverFailedSince()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &request) {
        return answer(request.body.contains("evt_b") ? 503 : 200);
    });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    WebhookRepository repository(*m_connection);
    QVERIFY(repository.create(webhook).ok());
    recordAttempt(webhook, u"msg_a"_s, u"evt_a"_s, false, 3000);
    recordAttempt(webhook, u"msg_a"_s, u"evt_a"_s, false, 2900);  // failed twice: sent once
    recordAttempt(webhook, u"msg_b"_s, u"evt_b"_s, false, 2000);
    recordAttempt(webhook, u"msg_c"_s, u"evt_c"_s, false, 1000);
    recordAttempt(webhook, u"msg_c"_s, u"evt_c"_s, true, 900);    // delivered on retry: not sent
    recordAttempt(webhook, u"msg_d"_s, u"evt_d"_s, false, 7200);  // before --failed-since: not sent
    const QString since = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);

    // Only the named webhook: the generated log's failures go elsewhere.
    const CommandRun result = run({u"redeliver"_s, u"--failed-since"_s, since, u"--webhook"_s, u"Receiver"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"Redelivering 2 message"_s) && result.err.contains(u"at most 5 a second"_s), qPrintable(result.err));
    QVERIFY2(result.out.contains(u"(report.completed evt_a) to “Receiver”: delivered"_s), qPrintable(result.out));
    QVERIFY2(result.out.contains(u"(report.completed evt_b) to “Receiver”: not delivered, HTTP 503"_s), qPrintable(result.out));
    QVERIFY2(result.out.contains(u"1 of 2 redelivered, 1 failed."_s), qPrintable(result.out));
    // Oldest first, as the messages were meant to arrive.
    QVERIFY(result.out.indexOf(u"evt_a"_s) < result.out.indexOf(u"evt_b"_s));
    QCOMPARE(receiver.requests().size(), 2);
    // No secret: unsigned, so without Standard Webhooks headers; the bodies tell the messages apart.
    QVERIFY(receiver.requests().at(0).body.contains("evt_a"));
    QVERIFY(receiver.requests().at(1).body.contains("evt_b"));

    DeliveryRepository log(*m_connection);
    QCOMPARE(log.attemptsOf(u"msg_a"_s)->size(), 3);
    QCOMPARE(log.attemptsOf(u"msg_a"_s)->last().trigger, DeliveryTrigger::Redeliver);
    QCOMPARE(log.attemptsOf(u"msg_b"_s)->size(), 2);
    QVERIFY(!log.attemptsOf(u"msg_b"_s)->last().success);
    QCOMPARE(log.attemptsOf(u"msg_c"_s)->size(), 2);
    QCOMPARE(log.attemptsOf(u"msg_d"_s)->size(), 1);

    // Everything failed since then is redelivered now; nothing is left.
    receiver.setHandler([](const ReceivedRequest &) { return answer(200); });
    const CommandRun again = run({u"redeliver"_s, u"--failed-since"_s, since, u"--webhook"_s, u"Receiver"_s});
    QCOMPARE(again.exitCode, 0);
    const CommandRun nothing = run({u"redeliver"_s, u"--failed-since"_s, since, u"--webhook"_s, u"Receiver"_s});
    QCOMPARE(nothing.exitCode, 0);
    QVERIFY2(nothing.out.contains(u"nothing was sent"_s), qPrintable(nothing.out));
    QCOMPARE(receiver.requests().size(), 3);

    const CommandRun unknown = run({u"redeliver"_s, u"--failed-since"_s, since, u"--webhook"_s, u"Nobody"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(u"There is no webhook named “Nobody”"_s), qPrintable(unknown.err));
}

void TestDeliveryCommands::redeliverRefused()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return answer(200); });
    Webhook webhook = receiverWebhook(u"Receiver"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    WebhookRepository repository(*m_connection);
    QVERIFY(repository.create(webhook).ok());
    const qint64 id = recordAttempt(webhook, u"msg_off"_s, u"evt_off"_s, false, 60);
    QVERIFY(repository.setActive(webhook, false).ok());

    const CommandRun refused = run({u"redeliver"_s, u"--delivery"_s, QString::number(id)});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains(u"is disabled"_s) && refused.out.contains(u"--include-disabled"_s), qPrintable(refused.out));
    QVERIFY(receiver.requests().isEmpty());

    const CommandRun allowed = run({u"redeliver"_s, u"--delivery"_s, QString::number(id), u"--include-disabled"_s});
    QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.out + allowed.err));
    QCOMPARE(receiver.requests().size(), 1);

    QVERIFY(repository.remove(webhook).ok());
    const CommandRun deleted = run({u"redeliver"_s, u"--delivery"_s, QString::number(id)});
    QCOMPARE(deleted.exitCode, 1);
    QVERIFY2(deleted.out.contains(u"was deleted"_s), qPrintable(deleted.out));
    const CommandRun missing = run({u"redeliver"_s, u"--delivery"_s, u"99999999"_s});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.out.contains(u"There is no delivery attempt 99999999"_s), qPrintable(missing.out));
    QCOMPARE(receiver.requests().size(), 1);
}

void TestDeliveryCommands::helpListsCommands()
{
    const CommandRun result = run({u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    for (const QString &command : {u"deliveries [--webhook NAME]"_s, u"redeliver --delivery ID | --failed-since ISO"_s})
        QVERIFY2(result.out.contains(command), qPrintable(command));
    const CommandRun deliveriesHelp = run({u"deliveries"_s, u"--help"_s});
    QCOMPARE(deliveriesHelp.exitCode, 0);
    QVERIFY(deliveriesHelp.out.contains(u"--format"_s));
    const CommandRun redeliverHelp = run({u"redeliver"_s, u"--help"_s});
    QCOMPARE(redeliverHelp.exitCode, 0);
    QVERIFY(redeliverHelp.out.contains(u"--include-disabled"_s));
}

QTEST_GUILESS_MAIN(TestDeliveryCommands)
#include "tst_deliverycommands.moc"
