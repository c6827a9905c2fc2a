// Undelivered events per webhook and hour (schema migration 8) on both engines: kept by the triggers through the
// delivery pipeline's record and complete, retries, purges, webhook deletion and concurrent writers, and filled in
// by the migration for a log written before it; always equal to what the raw attempts say.
#include "models/storage/deliverylog.h"
#include "models/storage/deliveryrepository.h"
#include "models/storage/migrations.h"
#include "testsupport/concurrentwriters.h"
#include "testsupport/deliverygenerator.h"
#include "testsupport/healthfromattempts.h"
#include "testsupport/schemarewind.h"
#include "testsupport/webhookfixtures.h"
#include "testsupport/resultchecks.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 hourMs = 3600 * 1000;
constexpr qint64 dayMs = 24 * hourMs;

// Every working webhook has its events counted, so that the counts themselves are compared, not only colours.
const HealthThresholds countEverything{3, 1.01};

const QDateTime now(QDate(2024, 5, 31), QTime(12, 34, 56, 789), Qt::UTC);
const qint64 nowMs = now.toMSecsSinceEpoch();

// An attempt as the delivery pipeline records it before sending: unfinished, and failed until completed.
DeliveryRecord pending(const GeneratedWebhook &webhook, const QString &messageId, qint64 startedAtMs)
{
    DeliveryRecord record;
    record.webhookId = webhook.id;
    record.webhookName = webhook.name;
    record.eventType = u"report.created"_s;
    record.eventId = u"evt_"_s + messageId;
    record.messageId = messageId;
    record.trigger = DeliveryTrigger::Event;
    record.requestUrl = u"https://receiver.hospital.example/goreporter"_s;
    record.error = u"unfinished: the request was on its way"_s;
    record.startedAt = QDateTime::fromMSecsSinceEpoch(startedAtMs, Qt::UTC);
    return record;
}

void setOutcome(DeliveryRecord &record, bool success)
{
    record.success = success;
    record.responseStatus = success ? 200 : 503;
    record.error = success ? QString() : u"http-5xx: 503 Service Unavailable"_s;
    record.finishedAt = record.startedAt.addMSecs(100);
    record.durationMs = 100;
}

QStringList described(const UndeliveredByHour &counts)
{
    QStringList lines;
    for (const auto &[key, count] : counts)
        lines << u"%1 at %2: %3"_s.arg(key.first, QDateTime::fromMSecsSinceEpoch(key.second, Qt::UTC)
                                                       .toString(Qt::ISODate))
                     .arg(count);
    return lines;
}

bool run(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (query.exec(sql))
        return true;
    qWarning("%s: %s", qPrintable(sql), qPrintable(Database::describe(query.lastError())));
    return false;
}

qint64 count(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

class TestUndeliveredCounts : public QObject
{
    Q_OBJECT
private slots:
    void countsFollowThePipeline_data() { addEngineRows(); }
    void countsFollowThePipeline();
    void countsFollowPurgeAndWebhookDeletion_data() { addEngineRows(); }
    void countsFollowPurgeAndWebhookDeletion();
    void concurrentWritersKeepTheCountsRight_data() { addEngineRows(); }
    void concurrentWritersKeepTheCountsRight();
    void migrationCountsTheEventsOfAnOlderLog_data() { addEngineRows(); }
    void migrationCountsTheEventsOfAnOlderLog();

    void cleanup();

private:
    // A fresh database of the test row's engine with webhooks generated webhooks.
    bool open(int webhooks);
    Database &database() { return *m_db.database; }
    // The stored counts against the raw attempts, and the health read from them against health from the attempts.
    bool countsMatch(Database &database, const HealthThresholds &thresholds = countEverything);

    OpenTestDatabase m_db;
    QList<GeneratedWebhook> m_webhooks;
};

void TestUndeliveredCounts::cleanup()
{
    m_db = {};
    m_webhooks.clear();
}

bool TestUndeliveredCounts::open(int webhooks)
{
    m_db = openTestDatabase(currentEngine());
    if (!m_db.ok())
        return false;
    QString error;
    const auto generated = DeliveryGenerator::createWebhooks(*m_db.database, webhooks, &error);
    if (!generated)
        qWarning("%s", qPrintable(error));
    m_webhooks = generated.value_or(QList<GeneratedWebhook>());
    return generated.has_value();
}

bool TestUndeliveredCounts::countsMatch(Database &database, const HealthThresholds &thresholds)
{
    const QList<LoggedAttempt> attempts = readLoggedAttempts(database);
    const UndeliveredByHour expected = undeliveredFromAttempts(attempts);
    if (!QTest::qCompare(described(storedUndelivered(database)), described(expected), "stored counts",
                         "counts from the attempts", __FILE__, __LINE__))
        return false;
    qint64 undelivered = 0;
    for (const auto &[key, events] : expected)
        undelivered += events;
    if (!QTest::qCompare(count(database, u"SELECT COUNT(*) FROM undelivered_messages"_s), undelivered,
                         "undelivered messages stored", "undelivered messages", __FILE__, __LINE__))
        return false;
    const auto health = DeliveryLog(database).health(thresholds, now);
    if (!QTest::qVerify(health.ok(), "health", qPrintable(health.message()), __FILE__, __LINE__))
        return false;
    compareWithHealthFromAttempts(*health, attempts, nowMs, thresholds);
    return !QTest::currentTestFailed();
}

void TestUndeliveredCounts::countsFollowThePipeline()
{
    QVERIFY(open(2));
    QString error;
    const GeneratedWebhook &hook = m_webhooks.at(0);
    DeliveryRepository repository(database());
    DeliveryLog log(database());
    auto undelivered24h = [&] {
        return log.healthOf(hook.id, countEverything, now).value().undeliveredEvents24h;
    };
    auto attempt = [&](DeliveryRecord &record, std::optional<bool> success) {
        Result<void> written = repository.record(record);
        if (written && success) {
            setOutcome(record, *success);
            written = repository.complete(record);
        }
        if (!written)
            error = written.message();
        return written.ok();
    };
    // The newest attempt of each webhook succeeded, so that its events are counted.
    for (const GeneratedWebhook &webhook : m_webhooks) {
        DeliveryRecord delivered = pending(webhook, u"msg_fine_"_s + webhook.id, nowMs - 10 * 60000);
        QVERIFY2(attempt(delivered, true), qPrintable(error));
    }
    QVERIFY(countsMatch(database()));
    QCOMPARE(undelivered24h(), qint64(0));

    // Recorded before sending: unfinished, so not delivered.
    DeliveryRecord first = pending(hook, u"msg_retried"_s, nowMs - 3 * hourMs);
    QVERIFY2(attempt(first, std::nullopt), qPrintable(error));
    QCOMPARE(first.attempt, 1);
    QVERIFY(countsMatch(database()));
    QCOMPARE(undelivered24h(), qint64(1));
    // Completed as failed: still one, in the same hour.
    setOutcome(first, false);
    QVERIFY_OK(repository.complete(first));
    QVERIFY(countsMatch(database()));
    // A failed retry moves the message to its hour; still one event.
    DeliveryRecord second = pending(hook, u"msg_retried"_s, nowMs - 2 * hourMs);
    QVERIFY2(attempt(second, false), qPrintable(error));
    QCOMPARE(second.attempt, 2);
    QVERIFY(countsMatch(database()));
    QCOMPARE(undelivered24h(), qint64(1));
    QCOMPARE(count(database(), u"SELECT last_started_at FROM undelivered_messages"_s), nowMs - 2 * hourMs);
    // A retry that gets through, unfinished at first: delivered once completed.
    DeliveryRecord third = pending(hook, u"msg_retried"_s, nowMs - hourMs);
    QVERIFY2(attempt(third, std::nullopt), qPrintable(error));
    QVERIFY(countsMatch(database()));
    QCOMPARE(undelivered24h(), qint64(1));
    setOutcome(third, true);
    QVERIFY_OK(repository.complete(third));
    QVERIFY(countsMatch(database()));
    QCOMPARE(undelivered24h(), qint64(0));

    // Tried 25 hours ago and retried within the last 24 hours, in vain: an undelivered event of the last 24 hours.
    DeliveryRecord old = pending(hook, u"msg_across_the_day"_s, nowMs - 25 * hourMs);
    QVERIFY2(attempt(old, false), qPrintable(error));
    QVERIFY(countsMatch(database()));
    QCOMPARE(undelivered24h(), qint64(0));
    DeliveryRecord retry = pending(hook, u"msg_across_the_day"_s, nowMs - 23 * hourMs);
    QVERIFY2(attempt(retry, false), qPrintable(error));
    // And a redelivery of the delivered message that fails leaves it delivered.
    DeliveryRecord redelivery = pending(hook, u"msg_retried"_s, nowMs - 30 * 60000);
    redelivery.trigger = DeliveryTrigger::Redeliver;
    QVERIFY2(attempt(redelivery, false), qPrintable(error));
    QVERIFY(countsMatch(database()));
    QCOMPARE(undelivered24h(), qint64(1));
    const WebhookHealth health = log.healthOf(hook.id, {}, now).value();
    QCOMPARE(health.attempts24h, qint64(6));
    QCOMPARE(health.successes24h, qint64(2));
    QVERIFY(health.undeliveredCounted);
    QCOMPARE(health.undeliveredEvents24h, qint64(1));
    QCOMPARE(health.deliveredEventRate24h(), 2.0 / 3.0);
    QCOMPARE(health.colour, WebhookHealthColour::Yellow);
}

void TestUndeliveredCounts::countsFollowPurgeAndWebhookDeletion()
{
    QVERIFY(open(4));
    QString error;
    DeliveryGeneratorOptions options;
    options.attempts = 3000;
    options.days = 40;
    options.end = now;
    QVERIFY2(DeliveryGenerator::generate(database(), m_webhooks, options, &error), qPrintable(error));
    // Messages whose attempts straddle the purge's cutoff, 30 days back.
    struct Planned { const char *message; qint64 daysAgo; bool success; };
    const Planned planned[] = {
        {"msg_success_purged", 40, true}, {"msg_success_purged", 20, false},  // undelivered once its success goes
        {"msg_all_purged", 35, false}, {"msg_all_purged", 31, false},           // gone with its attempts
        {"msg_newest_kept", 31, false}, {"msg_newest_kept", 6, false},          // undelivered, in the same hour
        {"msg_retry_kept", 32, false}, {"msg_retry_kept", 29, true},            // delivered still
    };
    QList<GeneratedAttempt> rows;
    for (const Planned &p : planned) {
        GeneratedAttempt a = makeAttempt(m_webhooks.at(0), QString::fromLatin1(p.message), nowMs - p.daysAgo * dayMs,
                                        p.success);
        a.attempt = rows.isEmpty() || rows.last().messageId != a.messageId ? 1 : rows.last().attempt + 1;
        rows << a;
    }
    rows << makeAttempt(m_webhooks.at(1), u"msg_of_a_deleted_webhook"_s, nowMs - 2 * dayMs, false);
    QVERIFY2(DeliveryGenerator::insert(database(), rows, &error), qPrintable(error));
    QVERIFY(countsMatch(database()));

    DeliveryLog log(database());
    const auto purged = log.purge(30, now, 7);
    QVERIFY_OK(purged);
    QVERIFY(purged->deleted > 500);
    QVERIFY(countsMatch(database()));
    auto newestOf = [&](const char *message) {
        const QString sql = u"SELECT last_started_at FROM undelivered_messages WHERE message_id = '%1'"_s;
        return count(database(), sql.arg(QLatin1String(message)));
    };
    QCOMPARE(newestOf("msg_success_purged"), nowMs - 20 * dayMs);
    QCOMPARE(newestOf("msg_all_purged"), qint64(-1));
    QCOMPARE(newestOf("msg_newest_kept"), nowMs - 6 * dayMs);
    QCOMPARE(newestOf("msg_retry_kept"), qint64(-1));

    // A deleted webhook's counts go with it; its attempts stay in the log with its name only.
    const QString deleted = m_webhooks.at(1).id;
    const QString undeliveredOfDeleted =
        u"SELECT COUNT(*) FROM undelivered_messages WHERE webhook_id = '%1'"_s.arg(deleted);
    QVERIFY(count(database(), undeliveredOfDeleted) > 0);
    QVERIFY(run(database(), u"DELETE FROM webhooks WHERE id = '%1'"_s.arg(deleted)));
    QVERIFY(countsMatch(database()));
    QCOMPARE(count(database(), undeliveredOfDeleted), qint64(0));
    QCOMPARE(count(database(), u"SELECT COUNT(*) FROM delivery_hourly WHERE webhook_id = '%1'"_s.arg(deleted)),
             qint64(0));
}

void TestUndeliveredCounts::concurrentWritersKeepTheCountsRight()
{
    // Two dispatchers send the same messages at once, each recording and completing its own attempts.
    QVERIFY(open(1));
    constexpr int messages = 150;
    const QString failures = runConcurrentWriters(
        database().url(), database().password(), 2, [&](DeliveryRepository &repository, int which) {
            for (int i = 0; i < messages; ++i) {
                DeliveryRecord record = pending(m_webhooks.at(0), u"msg_shared_%1"_s.arg(i), nowMs - hourMs + i * 1000);
                if (const Result<void> recorded = repository.record(record); !recorded)
                    return recorded.message();
                // Some messages get through on one side only, some on neither.
                setOutcome(record, which == 1 && i % 3 == 0);
                if (const Result<void> completed = repository.complete(record); !completed)
                    return completed.message();
            }
            return QString();
        });
    QVERIFY2(failures.isEmpty(), qPrintable(failures));
    QCOMPARE(count(database(), u"SELECT COUNT(*) FROM deliveries"_s), qint64(2 * messages));
    QVERIFY(countsMatch(database()));
    QCOMPARE(count(database(), u"SELECT COUNT(*) FROM undelivered_messages"_s), qint64(messages - messages / 3));
}

void TestUndeliveredCounts::migrationCountsTheEventsOfAnOlderLog()
{
    // A log written by a program before migration 8: the migration undone, then attempts added.
    QVERIFY(open(12));
    QString error;
    QVERIFY2(rewindSchema(database(), 7, &error), qPrintable(error));
    auto version = [&] {
        QSqlDatabase connection = database().connection();
        const Result<int> current = Migrations::currentVersion(connection);
        return current ? *current : -1;
    };
    QVERIFY(version() < 8);
    DeliveryGeneratorOptions options;
    options.attempts = 6000;
    options.days = 10;
    options.end = now;
    QVERIFY2(DeliveryGenerator::generate(database(), m_webhooks, options, &error), qPrintable(error));
    // And what the generator makes rarely: an unfinished attempt, a message failed across the day's start, one of
    // a webhook deleted since.
    GeneratedAttempt unfinished = makeAttempt(m_webhooks.at(0), u"msg_unfinished"_s, nowMs - hourMs, false);
    unfinished.error = u"unfinished: the request was on its way"_s;
    unfinished.responseStatus.reset();
    GeneratedAttempt before = makeAttempt(m_webhooks.at(0), u"msg_across_the_day"_s, nowMs - 25 * hourMs, false);
    GeneratedAttempt after = makeAttempt(m_webhooks.at(0), u"msg_across_the_day"_s, nowMs - 23 * hourMs, false);
    after.attempt = 2;
    GeneratedAttempt orphan = makeAttempt(m_webhooks.at(0), u"msg_orphan"_s, nowMs - 2 * hourMs, false);
    orphan.webhookId.clear();
    QVERIFY2(DeliveryGenerator::insert(database(), {unfinished, before, after, orphan}, &error), qPrintable(error));

    const DatabaseUrl url = database().url();
    const QString password = database().password();
    database().close();
    QVERIFY2(database().open(url, password), qPrintable(database().errorString()));
    QCOMPARE(version(), Migrations::latestVersion());
    QVERIFY(count(database(), u"SELECT COUNT(*) FROM undelivered_messages"_s) > 10);
    QVERIFY(countsMatch(database()));
    QVERIFY(countsMatch(database(), HealthThresholds()));
    // And the triggers run from now on.
    QVERIFY(run(database(), u"UPDATE deliveries SET success = TRUE WHERE message_id = 'msg_unfinished'"_s));
    QVERIFY(countsMatch(database()));
}

QTEST_GUILESS_MAIN(TestUndeliveredCounts)
#include "tst_undeliveredcounts.moc"
