// The event outbox on both engines: idempotent intake, fan-out to subscribed webhooks, the producers' SQL contract.
#include "models/storage/database.h"
#include "models/storage/eventoutbox.h"
#include "models/storage/webhookrepository.h"
#include "testsupport/commandrunner.h"
#include "testsupport/resultchecks.h"
#include "testsupport/testdatabases.h"
#include "testsupport/webhookfixtures.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct StoredDelivery
{
    QString webhookId;
    QString messageId;
    QString state;
    bool due = false;
};

} // namespace

class TestEventOutbox : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fanOutToSubscribedWebhooks_data() { addEngineRows(); }
    void fanOutToSubscribedWebhooks();
    void alertsLeaveOutTheirSubject_data() { addEngineRows(); }
    void alertsLeaveOutTheirSubject();
    void sameIdStoredOnce_data() { addEngineRows(); }
    void sameIdStoredOnce();
    void emitCommand_data() { addEngineRows(); }
    void emitCommand();
    void producerRoleNeedsNothingButTheFunction();
    void functionRefusesWhatNoEventCanBe_data();
    void functionRefusesWhatNoEventCanBe();

private:
    Webhook stored(const QString &name, const QStringList &events, bool active = true);
    QList<StoredDelivery> deliveriesOf(const QString &eventId);
    qint64 rowCount(const QString &table);

    OpenTestDatabase m_db;
};

void TestEventOutbox::init()
{
    // The engine rows run on their engine; the cases about PostgreSQL's function have other rows, or none.
    m_db = openTestDatabase(QTest::currentDataTag() == QByteArray("sqlite") ? DatabaseUrl::Engine::SQLite
                                                                             : DatabaseUrl::Engine::PostgreSQL);
    QVERIFY(m_db.ok());
}

void TestEventOutbox::cleanup()
{
    m_db = {};
}

Webhook TestEventOutbox::stored(const QString &name, const QStringList &events, bool active)
{
    Webhook webhook = makeWebhook(name);
    webhook.events = events;
    webhook.active = active;
    WebhookRepository repository(*m_db.database);
    if (const Result<void> created = repository.create(webhook); !created)
        qWarning("cannot store the webhook: %s", qPrintable(created.message()));
    return webhook;
}

QList<StoredDelivery> TestEventOutbox::deliveriesOf(const QString &eventId)
{
    QSqlQuery query(m_db.database->connection());
    query.prepare(u"SELECT webhook_id, message_id, state, next_attempt_at IS NOT NULL FROM event_deliveries"
                  " WHERE event_id = ? ORDER BY webhook_id"_s);
    query.addBindValue(eventId);
    QList<StoredDelivery> rows;
    if (!query.exec())
        qWarning("cannot read the deliveries: %s", qPrintable(query.lastError().text()));
    while (query.next())
        rows.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toBool()});
    return rows;
}

qint64 TestEventOutbox::rowCount(const QString &table)
{
    QSqlQuery query(m_db.database->connection());
    return query.exec(u"SELECT COUNT(*) FROM "_s + table) && query.next() ? query.value(0).toLongLong() : -1;
}

void TestEventOutbox::fanOutToSubscribedWebhooks()
{
    const Webhook active = stored(u"Ward A"_s, {u"battery.low"_s, u"battery.critical"_s});
    const Webhook disabled = stored(u"Ward B"_s, {u"battery.low"_s}, false);
    const Webhook elsewhere = stored(u"Reports only"_s, {u"report.completed"_s});

    Event event = EventSamples::sample(u"battery.low"_s);
    event.id = u"evt-fan-out"_s;
    const Result<AddedEvent> added = EventOutbox(*m_db.database).add(event);
    QVERIFY2(added, qPrintable(added.message()));
    QVERIFY(added->stored);
    QCOMPARE(added->queued, 1);
    QCOMPARE(added->skipped, 1);
    QCOMPARE(added->storedType, u"battery.low"_s);
    QVERIFY(qAbs(added->receivedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    const QList<StoredDelivery> rows = deliveriesOf(event.id);
    QCOMPARE(rows.size(), 2);
    for (const StoredDelivery &row : rows) {
        QVERIFY(row.webhookId == active.id || row.webhookId == disabled.id);
        QVERIFY(row.webhookId != elsewhere.id);
        // The webhook-id every attempt of this pair will carry.
        QVERIFY2(QRegularExpression(u"^msg_[0-9a-f]{32}$"_s).match(row.messageId).hasMatch(), qPrintable(row.messageId));
        QCOMPARE(row.state, row.webhookId == active.id ? u"pending"_s : u"skipped"_s);
        QCOMPARE(row.due, row.webhookId == active.id);
    }
    QVERIFY(rows.first().messageId != rows.last().messageId);

    // What is stored is the event as every reader parses it.
    QSqlQuery document(m_db.database->connection());
    document.prepare(u"SELECT data_json, occurred_at FROM events WHERE id = ?"_s);
    document.addBindValue(event.id);
    QVERIFY(document.exec() && document.next());
    QString error;
    const std::optional<Event> read = Event::fromJson(document.value(0).toString().toUtf8(), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(*read, event);
    QCOMPARE(document.value(1).toLongLong(), event.timestamp.toMSecsSinceEpoch());
}

// An alert about a webhook goes to every alerts channel but that webhook: a failing channel cannot alert itself
// into a loop.
void TestEventOutbox::alertsLeaveOutTheirSubject()
{
    const QStringList operations{u"webhook.failing"_s, u"webhook.disabled"_s, u"webhook.recovered"_s,
                                 u"delivery.exhausted"_s};
    const Webhook teams = stored(u"IT alerts (Teams)"_s, operations);
    const Webhook slack = stored(u"IT alerts (Slack)"_s, operations);
    const Webhook ward = stored(u"Ward A"_s, {u"battery.low"_s});
    for (const QString &type : operations) {
        for (const Webhook &subject : {teams, ward}) {
            Event alert = EventSamples::sample(type);
            alert.id = type + u':' + subject.id;
            alert.webhook->id = subject.id;
            alert.webhook->name = subject.name;
            const Result<AddedEvent> added = EventOutbox(*m_db.database).add(alert);
            QVERIFY_OK(added);
            QStringList receivers;
            for (const StoredDelivery &row : deliveriesOf(alert.id))
                receivers.append(row.webhookId);
            receivers.sort();
            QStringList expected = subject.id == teams.id ? QStringList{slack.id} : QStringList{teams.id, slack.id};
            expected.sort();
            QCOMPARE(receivers, expected);
        }
    }
}

void TestEventOutbox::sameIdStoredOnce()
{
    stored(u"Ward A"_s, {u"task.created"_s, u"battery.low"_s});
    Event event = EventSamples::sample(u"task.created"_s);
    event.id = u"evt-twice"_s;
    EventOutbox outbox(*m_db.database);
    const Result<AddedEvent> first = outbox.add(event);
    QVERIFY2(first, qPrintable(first.message()));
    QVERIFY(first->stored);
    const QList<StoredDelivery> before = deliveriesOf(event.id);
    QCOMPARE(before.size(), 1);

    const Result<AddedEvent> again = outbox.add(event);
    QVERIFY2(again, qPrintable(again.message()));
    QVERIFY(!again->stored);
    QCOMPARE(again->receivedAt, first->receivedAt);
    QCOMPARE(again->queued, 1);
    // A producer that reuses an id for another event learns which one the id stands for.
    Event other = EventSamples::sample(u"battery.low"_s);
    other.id = event.id;
    const Result<AddedEvent> reused = outbox.add(other);
    QVERIFY2(reused, qPrintable(reused.message()));
    QVERIFY(!reused->stored);
    QCOMPARE(reused->storedType, u"task.created"_s);

    QCOMPARE(rowCount(u"events"_s), 1);
    QCOMPARE(rowCount(u"event_deliveries"_s), 1);
    QCOMPARE(deliveriesOf(event.id).first().messageId, before.first().messageId);
}

void TestEventOutbox::emitCommand()
{
    const Webhook webhook = stored(u"Ward A"_s, {u"report.completed"_s});
    const QString database = m_db.storage->urlText();
    auto emitEvent = [&](const QStringList &arguments) {
        return runCommand(QStringList{u"--database"_s, database, u"events"_s, u"emit"_s} + arguments);
    };

    // Without a file: the built-in sample, under a new id that is printed.
    CommandRun run = emitEvent({u"--type"_s, u"report.completed"_s});
    QCOMPARE(run.exitCode, 0);
    const QString id = run.out.trimmed();
    QVERIFY(!id.isEmpty());
    QVERIFY2(run.err.contains(u"Stored for 1 subscribed webhook"_s), qPrintable(run.err));
    QCOMPARE(deliveriesOf(id).size(), 1);
    QCOMPARE(deliveriesOf(id).first().webhookId, webhook.id);
    run = emitEvent({u"--type"_s, u"report.completed"_s});
    QVERIFY(run.out.trimmed() != id); // every emit of the sample is an event of its own

    // The same id twice: stored once, said so, and still a success.
    run = emitEvent({u"--type"_s, u"report.completed"_s, u"--id"_s, u"evt-cli-1"_s});
    QCOMPARE(run.exitCode, 0);
    run = emitEvent({u"--type"_s, u"report.completed"_s, u"--id"_s, u"evt-cli-1"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), u"evt-cli-1"_s);
    QVERIFY2(run.err.contains(u"received already"_s) && run.err.contains(u"nothing changed"_s), qPrintable(run.err));
    QCOMPARE(deliveriesOf(u"evt-cli-1"_s).size(), 1);

    // From a file; a file of another type, a broken file and an unknown type are refused and store nothing.
    QTemporaryDir folder;
    Event fromFile = EventSamples::sample(u"report.completed"_s);
    fromFile.id = u"evt-from-file"_s;
    QFile file(folder.filePath(u"event.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(fromFile.toJson());
    file.close();
    run = emitEvent({u"--type"_s, u"report.completed"_s, u"--data-file"_s, file.fileName()});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), u"evt-from-file"_s);
    const qint64 events = rowCount(u"events"_s);
    run = emitEvent({u"--type"_s, u"battery.low"_s, u"--data-file"_s, file.fileName()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"holds a report.completed event, not battery.low"_s), qPrintable(run.err));
    QFile broken(folder.filePath(u"broken.json"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(R"({"id": "x", "type": "report.completed", "timestamp": "yesterday"})");
    broken.close();
    run = emitEvent({u"--type"_s, u"report.completed"_s, u"--data-file"_s, broken.fileName()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"timestamp"_s), qPrintable(run.err));
    run = emitEvent({u"--type"_s, u"battery.empty"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"Unknown event type “battery.empty”"_s), qPrintable(run.err));
    run = emitEvent({});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"--type is required"_s), qPrintable(run.err));
    QCOMPARE(rowCount(u"events"_s), events);

    // A subscriber that is disabled keeps the event as skipped, and the command says so.
    stored(u"Ward B"_s, {u"report.completed"_s}, false);
    run = emitEvent({u"--type"_s, u"report.completed"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(u"Stored for 2 subscribed webhooks. 1 of them is disabled: kept as skipped"_s),
             qPrintable(run.err));
}

void TestEventOutbox::producerRoleNeedsNothingButTheFunction()
{
    const Webhook webhook = stored(u"Ward A"_s, {u"battery.critical"_s});
    const QString role = u"goreporter_test_producer_%1"_s.arg(QCoreApplication::applicationPid());
    QSqlQuery admin(m_db.database->connection());
    // The test cluster asks every role but its owner for a password over TCP.
    const QString password = u"producer-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(admin.exec(u"CREATE ROLE %1 LOGIN PASSWORD '%2'"_s.arg(role, password)), qPrintable(admin.lastError().text()));
    auto dropRole = qScopeGuard([&] {
        QSqlQuery cleanup(m_db.database->connection());
        (void)cleanup.exec(u"REVOKE ALL ON FUNCTION webhooks_emit(TEXT, TEXT, TIMESTAMPTZ, JSONB) FROM %1"_s.arg(role));
        (void)cleanup.exec(u"REVOKE ALL ON SCHEMA public FROM %1"_s.arg(role));
        (void)cleanup.exec(u"DROP ROLE %1"_s.arg(role));
    });

    const QSqlDatabase base = m_db.database->connection();
    QSqlDatabase producer = QSqlDatabase::addDatabase(u"QPSQL"_s, u"producer"_s);
    auto closeProducer = qScopeGuard([&] {
        producer = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"producer"_s);
    });
    producer.setHostName(base.hostName());
    producer.setPort(base.port());
    producer.setDatabaseName(base.databaseName());
    producer.setUserName(role);
    producer.setPassword(password);
    QVERIFY2(producer.open(), qPrintable(producer.lastError().text()));

    const QString data = uR"({"patient": {"mrn": "MRN-1", "familyName": "Muster", "givenName": "Zoë"},
        "report": {"id": "R-1", "kind": "icd", "status": "final", "createdAt": "2026-11-30T08:00:00Z",
                   "link": "https://goreporter.example.org/reports/R-1"},
        "battery": {"manufacturer": "Biotronik", "model": "Intica 7", "status": "eri", "percentage": 4}})"_s;
    auto emitAs = [&](QSqlDatabase &db, const QString &id) {
        QSqlQuery query(db);
        query.prepare(u"SELECT webhooks_emit('battery.critical', ?, TIMESTAMPTZ '2026-11-30 08:05:00+00',"
                      " CAST(? AS JSONB))"_s);
        query.addBindValue(id);
        query.addBindValue(data);
        const bool ok = query.exec() && query.next();
        return std::pair{ok, ok ? QString() : query.lastError().text()};
    };
    // Nobody but the owner may call it until a role is granted it.
    auto [allowed, why] = emitAs(producer, u"evt-producer-0"_s);
    QVERIFY(!allowed);
    QVERIFY2(why.contains(u"permission denied"_s), qPrintable(why));
    QVERIFY(admin.exec(u"GRANT USAGE ON SCHEMA public TO %1"_s.arg(role)));
    QVERIFY(admin.exec(u"GRANT EXECUTE ON FUNCTION webhooks_emit(TEXT, TEXT, TIMESTAMPTZ, JSONB) TO %1"_s.arg(role)));

    std::tie(allowed, why) = emitAs(producer, u"evt-producer-1"_s);
    QVERIFY2(allowed, qPrintable(why));
    const QList<StoredDelivery> rows = deliveriesOf(u"evt-producer-1"_s);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().webhookId, webhook.id);
    QCOMPARE(rows.first().state, u"pending"_s);

    // The document the function built is an event the strict reader accepts, with the arguments inside.
    QSqlQuery document(m_db.database->connection());
    QVERIFY(document.exec(u"SELECT data_json, received_by FROM events WHERE id = 'evt-producer-1'"_s) && document.next());
    QString error;
    const std::optional<Event> event = Event::fromJson(document.value(0).toString().toUtf8(), &error);
    QVERIFY2(event, qPrintable(error));
    QCOMPARE(event->type, u"battery.critical"_s);
    QCOMPARE(event->timestamp, QDateTime(QDate(2026, 11, 30), QTime(8, 5), Qt::UTC));
    QCOMPARE(event->battery->percentage, 4);
    QCOMPARE(document.value(1).toString(), role);

    // The function is all the role may do: the tables themselves stay closed to it.
    QSqlQuery direct(producer);
    QVERIFY(!direct.exec(u"INSERT INTO events (id, type, occurred_at, data_json, received_at, received_by)"
                         " VALUES ('evt-direct', 'battery.low', 0, '{}', 0, 'me')"_s));
    QVERIFY(!direct.exec(u"SELECT COUNT(*) FROM event_deliveries"_s));
    QVERIFY(!direct.exec(u"SELECT COUNT(*) FROM webhooks"_s));
}

void TestEventOutbox::functionRefusesWhatNoEventCanBe_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("message");
    const QString report = uR"("report": {"id": "R-1", "kind": "icd", "status": "final",
        "createdAt": "2026-11-30T08:00:00Z", "link": "https://goreporter.example.org/reports/R-1"})"_s;
    QTest::newRow("unknown type") << u"battery.empty"_s << u"{}"_s << u"unknown event type \"battery.empty\""_s;
    QTest::newRow("not an object") << u"report.created"_s << u"[1, 2]"_s << u"data must be a JSON object"_s;
    QTest::newRow("id inside") << u"report.created"_s << u"{\"id\": \"x\", %1}"_s.arg(report)
                               << u"must not hold id, type or timestamp"_s;
    QTest::newRow("no report") << u"report.created"_s << u"{}"_s << u"report.created events need a \"report\" object"_s;
    QTest::newRow("no battery") << u"battery.low"_s << u"{%1}"_s.arg(report)
                                << u"battery.low events need a \"battery\" object"_s;
    QTest::newRow("empty field") << u"task.due"_s
                                 << uR"({"task": {"id": "T-1", "title": " ", "priority": "high",
                                        "dueDate": "2026-12-01", "link": "https://goreporter.example.org/t/1"}})"_s
                                 << u"\"task.title\" must be a text that is not empty"_s;
    QTest::newRow("percentage") << u"battery.low"_s
                                << uR"({%1, "battery": {"manufacturer": "M", "model": "X", "status": "low",
                                        "percentage": 140}})"_s.arg(report)
                                << u"\"battery.percentage\" must be a number from 0 to 100"_s;
    QTest::newRow("alert without webhook") << u"webhook.failing"_s << u"{}"_s
                                           << u"webhook.failing events need a \"webhook\" object"_s;
    QTest::newRow("alert without name") << u"webhook.disabled"_s
                                        << uR"({"webhook": {"id": "w-1", "integration": "slack"}})"_s
                                        << u"\"webhook.name\" must be a text that is not empty"_s;
    QTest::newRow("exhausted without delivery")
        << u"delivery.exhausted"_s << uR"({"webhook": {"id": "w-1", "name": "W", "integration": "slack"}})"_s
        << u"delivery.exhausted events need a \"delivery\" object"_s;
}

void TestEventOutbox::functionRefusesWhatNoEventCanBe()
{
    QFETCH(QString, type);
    QFETCH(QString, data);
    QFETCH(QString, message);
    stored(u"Ward A"_s, {u"report.created"_s, u"battery.low"_s, u"task.due"_s});
    QSqlQuery query(m_db.database->connection());
    query.prepare(u"SELECT webhooks_emit(?, 'evt-refused', now(), CAST(? AS JSONB))"_s);
    query.addBindValue(type);
    query.addBindValue(data);
    QVERIFY(!query.exec());
    QCOMPARE(query.lastError().nativeErrorCode(), u"22023"_s);
    QVERIFY2(query.lastError().databaseText().contains(message), qPrintable(query.lastError().databaseText()));
    QCOMPARE(rowCount(u"events"_s), 0);
    QCOMPARE(rowCount(u"event_deliveries"_s), 0);
}

QTEST_MAIN(TestEventOutbox)
#include "tst_eventoutbox.moc"
