// The dispatch queue on both engines: due claims under a lease, takeover after the lease, settlements, and on
// PostgreSQL several claimers at once that never hold the same delivery.
#include "models/storage/database.h"
#include "models/storage/dispatchqueue.h"
#include "models/storage/dispatchsettings.h"
#include "models/storage/eventoutbox.h"
#include "models/storage/failurestreak.h"
#include "models/storage/webhookrepository.h"
#include "testsupport/concurrentwriters.h"
#include "testsupport/resultchecks.h"
#include "testsupport/testdatabases.h"
#include "testsupport/webhookfixtures.h"

#include <QMutex>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDispatchQueue : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void claimsWhatIsDueUnderALease_data() { addEngineRows(); }
    void claimsWhatIsDueUnderALease();
    void settlements_data() { addEngineRows(); }
    void settlements();
    void concurrentClaimersNeverShare();
    void rateLimitedWebhooksTakeSlots_data() { addEngineRows(); }
    void rateLimitedWebhooksTakeSlots();
    void failureStreaksWarnOnceThenDisable_data() { addEngineRows(); }
    void failureStreaksWarnOnceThenDisable();
    void queueRetryCancelReplay_data() { addEngineRows(); }
    void queueRetryCancelReplay();

private:
    QStringList emitEvents(int count, const QString &type = u"battery.low"_s);
    QString stateOf(const QString &eventId, qint64 *nextAttemptAt = nullptr, int *attempts = nullptr);

    OpenTestDatabase m_db;
    Webhook m_webhook;
};

void TestDispatchQueue::init()
{
    m_db = openTestDatabase(QTest::currentDataTag() == QByteArray("sqlite") ? DatabaseUrl::Engine::SQLite
                                                                             : DatabaseUrl::Engine::PostgreSQL);
    QVERIFY(m_db.ok());
    m_webhook = makeWebhook(u"Ward A"_s);
    m_webhook.events = {u"battery.low"_s};
    QVERIFY_OK(WebhookRepository(*m_db.database).create(m_webhook));
}

void TestDispatchQueue::cleanup()
{
    m_db = {};
}

QStringList TestDispatchQueue::emitEvents(int count, const QString &type)
{
    QStringList ids;
    EventOutbox outbox(*m_db.database);
    for (int i = 0; i < count; ++i) {
        Event event = EventSamples::sample(type);
        event.id = u"evt-%1-%2"_s.arg(type).arg(i);
        if (const Result<AddedEvent> added = outbox.add(event); !added)
            qWarning("cannot emit: %s", qPrintable(added.message()));
        ids << event.id;
    }
    return ids;
}

QString TestDispatchQueue::stateOf(const QString &eventId, qint64 *nextAttemptAt, int *attempts)
{
    QSqlQuery query(m_db.database->connection());
    query.prepare(u"SELECT state, next_attempt_at, attempts FROM event_deliveries WHERE event_id = ?"_s);
    query.addBindValue(eventId);
    if (!query.exec() || !query.next())
        return {};
    if (nextAttemptAt)
        *nextAttemptAt = query.value(1).isNull() ? -1 : query.value(1).toLongLong();
    if (attempts)
        *attempts = query.value(2).toInt();
    return query.value(0).toString();
}

void TestDispatchQueue::claimsWhatIsDueUnderALease()
{
    const QStringList ids = emitEvents(3);
    // A skipped delivery (its webhook was disabled) is never claimed.
    Webhook disabled = makeWebhook(u"Ward B"_s);
    disabled.events = {u"task.due"_s};
    disabled.active = false;
    QVERIFY_OK(WebhookRepository(*m_db.database).create(disabled));
    emitEvents(1, u"task.due"_s);

    DispatchQueue queue(*m_db.database);
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(1);
    const Result<QList<ClaimedDelivery>> first = queue.claim(u"dispatcher-a"_s, 2, now, 30000);
    QVERIFY2(first, qPrintable(first.message()));
    QCOMPARE(first->size(), 2);
    for (const ClaimedDelivery &delivery : *first) {
        QVERIFY(ids.contains(delivery.eventId));
        QCOMPARE(delivery.webhookId, m_webhook.id);
        QCOMPARE(delivery.eventType, u"battery.low"_s);
        QVERIFY(delivery.messageId.startsWith(u"msg_"_s));
        QCOMPARE(delivery.attemptsMade, 0);
        QString error;
        QVERIFY2(Event::fromJson(delivery.eventJson, &error), qPrintable(error));
    }
    // Another dispatcher meanwhile gets only what is left; nothing while the leases run.
    const Result<QList<ClaimedDelivery>> second = queue.claim(u"dispatcher-b"_s, 10, now, 30000);
    QVERIFY2(second, qPrintable(second.message()));
    QCOMPARE(second->size(), 1);
    QVERIFY(!QStringList({first->at(0).eventId, first->at(1).eventId}).contains(second->first().eventId));
    QCOMPARE(queue.claim(u"dispatcher-c"_s, 10, now, 30000)->size(), 0);
    // Due, but all leased: the count says so, as the console's dispatcher panel will.
    const auto due = queue.due(now);
    QVERIFY2(due, qPrintable(due.message()));
    QCOMPARE(due->first, 3);
    QVERIFY(due->second.isValid() && due->second <= now);

    // dispatcher-a dies: once its leases have run out, they are taken over, and its late settlement is refused.
    // Leased for the webhook's timeout (15 s) and the 30 s margin.
    QCOMPARE(first->first().leaseUntil, now.addMSecs(15000 + 30000));
    const QDateTime later = now.addMSecs(15000 + 30001);
    const Result<QList<ClaimedDelivery>> takenOver = queue.claim(u"dispatcher-c"_s, 10, later, 30000);
    QVERIFY2(takenOver, qPrintable(takenOver.message()));
    QCOMPARE(takenOver->size(), 3);  // b's lease ran out too
    DeliverySettlement delivered;
    delivered.state = DeliverySettlement::State::Delivered;
    const Result<void> late = queue.settle(first->first(), u"dispatcher-a"_s, delivered);
    QCOMPARE(late.code(), ErrorCode::Conflict);
    QCOMPARE(stateOf(first->first().eventId), u"pending"_s);

    // A dispatcher that stops gives its deliveries back for an immediate claim.
    QCOMPARE(*queue.releaseAll(u"dispatcher-c"_s), 3);
    QCOMPARE(queue.claim(u"dispatcher-d"_s, 10, later, 30000)->size(), 3);
}

void TestDispatchQueue::settlements()
{
    const QStringList ids = emitEvents(3);
    DispatchQueue queue(*m_db.database);
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(1);
    Result<QList<ClaimedDelivery>> claimed = queue.claim(u"d"_s, 3, now, 30000);
    QVERIFY2(claimed && claimed->size() == 3, qPrintable(claimed.message()));
    auto claimOf = [&](const QString &eventId) {
        for (const ClaimedDelivery &delivery : *claimed)
            if (delivery.eventId == eventId)
                return delivery;
        return ClaimedDelivery();
    };

    DeliverySettlement delivered;
    delivered.state = DeliverySettlement::State::Delivered;
    QVERIFY_OK(queue.settle(claimOf(ids.at(0)), u"d"_s, delivered));
    DeliverySettlement retry;
    retry.state = DeliverySettlement::State::RetryAt;
    retry.nextAttemptAt = now.addSecs(300);
    retry.lastError = u"transient: http-5xx"_s;
    QVERIFY_OK(queue.settle(claimOf(ids.at(1)), u"d"_s, retry));
    DeliverySettlement failed;
    failed.state = DeliverySettlement::State::Failed;
    failed.lastError = u"permanent: http-4xx"_s;
    QVERIFY_OK(queue.settle(claimOf(ids.at(2)), u"d"_s, failed));

    qint64 next = 0;
    int attempts = 0;
    QCOMPARE(stateOf(ids.at(0), &next, &attempts), u"delivered"_s);
    QCOMPARE(next, -1);
    QCOMPARE(attempts, 1);
    QCOMPARE(stateOf(ids.at(1), &next, &attempts), u"pending"_s);
    QCOMPARE(next, retry.nextAttemptAt.toMSecsSinceEpoch());
    QCOMPARE(attempts, 1);
    QCOMPARE(stateOf(ids.at(2), &next, &attempts), u"failed"_s);
    QCOMPARE(attempts, 1);

    // The retry is not due before its time, and then it is, with its attempt counted.
    QCOMPARE(queue.claim(u"d"_s, 10, now.addSecs(299), 30000)->size(), 0);
    claimed = queue.claim(u"d"_s, 10, now.addSecs(300), 30000);
    QVERIFY2(claimed && claimed->size() == 1, qPrintable(claimed.message()));
    QCOMPARE(claimed->first().eventId, ids.at(1));
    QCOMPARE(claimed->first().attemptsMade, 1);
    // An attempt stopped by a shutdown goes back without counting.
    DeliverySettlement stopped = retry;
    stopped.nextAttemptAt = now.addSecs(300);
    stopped.countsAsAttempt = false;
    QVERIFY_OK(queue.settle(claimed->first(), u"d"_s, stopped));
    QCOMPARE(stateOf(ids.at(1), &next, &attempts), u"pending"_s);
    QCOMPARE(attempts, 1);
}

void TestDispatchQueue::concurrentClaimersNeverShare()
{
    // Four dispatchers on one PostgreSQL database claim in small bites until nothing is left.
    QCOMPARE(m_db.database->engine(), DatabaseUrl::Engine::PostgreSQL);
    constexpr int events = 400;
    const QStringList ids = emitEvents(events);
    QMutex mutex;
    QList<QString> claimedIds;
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(1);
    const QString problems = runConcurrentWriters(
        m_db.database->url(), m_db.database->password(), 4, [&](DeliveryRepository &repository, int which) {
            DispatchQueue queue(repository.database());
            const QString owner = u"dispatcher-%1"_s.arg(which);
            for (;;) {
                const Result<QList<ClaimedDelivery>> claimed = queue.claim(owner, 7, now, 600000);
                if (!claimed)
                    return claimed.message();
                if (claimed->isEmpty())
                    return QString();
                QMutexLocker lock(&mutex);
                for (const ClaimedDelivery &delivery : *claimed)
                    claimedIds << delivery.eventId;
            }
        });
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(claimedIds.size(), events);  // every delivery claimed once: none twice, none left
    QCOMPARE(QSet<QString>(claimedIds.cbegin(), claimedIds.cend()), QSet<QString>(ids.cbegin(), ids.cend()));
}


void TestDispatchQueue::rateLimitedWebhooksTakeSlots()
{
    // Two messages per second for this webhook: slots 500 ms apart, booked up to one second ahead.
    QVERIFY_OK(DispatchSettings(*m_db.database).setWebhookRate(m_webhook.id, m_webhook.name, 2.0));
    const QStringList limited = emitEvents(6);
    Webhook unlimited = makeWebhook(u"Ward C"_s);
    unlimited.events = {u"task.due"_s};
    QVERIFY_OK(WebhookRepository(*m_db.database).create(unlimited));
    const QStringList unpaced = emitEvents(3, u"task.due"_s);

    DispatchQueue queue(*m_db.database);
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(1);
    const qint64 t = now.toMSecsSinceEpoch();
    const Result<QList<ClaimedDelivery>> first = queue.claim(u"dispatcher-a"_s, 20, now, 30000);
    QVERIFY2(first, qPrintable(first.message()));
    QList<qint64> booked;
    int unlimitedClaimed = 0;
    for (const ClaimedDelivery &delivery : *first) {
        if (delivery.webhookId == unlimited.id) {
            QCOMPARE(delivery.sendAt, now);  // no limit: at once
            ++unlimitedClaimed;
        } else {
            booked.append(delivery.sendAt.toMSecsSinceEpoch() - t);
            QCOMPARE(delivery.leaseUntil, delivery.sendAt.addMSecs(15000 + 30000));
        }
    }
    QCOMPARE(unlimitedClaimed, 3);
    std::sort(booked.begin(), booked.end());
    QCOMPARE(booked, (QList<qint64>{0, 500, 1000}));
    // The other three wait in the queue, due again just before their slot; nothing is dropped.
    int waiting = 0;
    for (const QString &id : limited) {
        qint64 next = 0;
        QCOMPARE(stateOf(id, &next), u"pending"_s);
        if (next == t + 500)
            ++waiting;
    }
    QCOMPARE(waiting, 3);
    // Another dispatcher shares the same slots: nothing for it now, the next slot (1500 ms) half a second later.
    QCOMPARE(queue.claim(u"dispatcher-b"_s, 20, now, 30000)->size(), 0);
    const Result<QList<ClaimedDelivery>> second = queue.claim(u"dispatcher-b"_s, 20, now.addMSecs(500), 30000);
    QVERIFY2(second, qPrintable(second.message()));
    QCOMPARE(second->size(), 1);
    QCOMPARE(second->first().sendAt.toMSecsSinceEpoch() - t, 1500);

    // Without a limit of its own, a webhook follows its integration's (here: generic, one per second).
    QVERIFY_OK(DispatchSettings(*m_db.database).setWebhookRate(m_webhook.id, m_webhook.name, std::nullopt));
    SendPacing pacing;
    pacing.perKind.insert(u"generic"_s, 1.0);
    const QDateTime later = now.addSecs(10);
    const Result<QList<ClaimedDelivery>> third = queue.claim(u"dispatcher-c"_s, 20, later, 30000, pacing);
    QVERIFY2(third, qPrintable(third.message()));
    QList<qint64> paced;
    for (const ClaimedDelivery &delivery : *third)
        paced.append(delivery.sendAt.toMSecsSinceEpoch() - later.toMSecsSinceEpoch());
    std::sort(paced.begin(), paced.end());
    QCOMPARE(paced, (QList<qint64>{0, 1000}));
    // The rate limit changes are in the audit trail.
    QSqlQuery audit(m_db.database->connection());
    QVERIFY(audit.exec(u"SELECT COUNT(*) FROM audit_log WHERE action = 'rate-limit'"_s) && audit.next());
    QCOMPARE(audit.value(0).toInt(), 2);
    QCOMPARE(unpaced.size(), 3);
}

void TestDispatchQueue::failureStreaksWarnOnceThenDisable()
{
    FailureStreaks streaks(*m_db.database);
    AutoDisableRule rule;
    rule.afterSeconds = 100;
    rule.minimumSpanSeconds = 150; // the span counts more than afterSeconds when it is longer
    rule.warningPercents = {10, 50};
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
    auto failAt = [&](qint64 seconds) {
        return streaks.recordFailure(m_webhook.id, start.addSecs(seconds), u"transient: http-5xx: %1"_s.arg(seconds),
                                     rule);
    };
    Result<StreakVerdict> verdict = failAt(0);
    QVERIFY_OK(verdict);
    QCOMPARE(verdict->streak.consecutiveFailures, 1);
    QCOMPARE(verdict->streak.failingSince, start);
    QCOMPARE(verdict->disableAt, start.addSecs(150));
    QVERIFY(!verdict->warningPercent && !verdict->disable);

    verdict = failAt(12);
    QVERIFY_OK(verdict);
    QCOMPARE(verdict->warningPercent, std::optional<int>(10));
    // A second dispatcher's failure at the same moment finds the warning given.
    verdict = failAt(12);
    QVERIFY_OK(verdict);
    QCOMPARE(verdict->warningPercent, std::nullopt);
    QCOMPARE(verdict->streak.warningsGiven, 1);
    // Past 50 % and 100 % of afterSeconds, but not yet the minimum span: warned, not disabled.
    verdict = failAt(120);
    QVERIFY_OK(verdict);
    QCOMPARE(verdict->warningPercent, std::optional<int>(50));
    QVERIFY(!verdict->disable);
    verdict = failAt(150);
    QVERIFY_OK(verdict);
    QVERIFY(verdict->disable);
    QCOMPARE(verdict->streak.consecutiveFailures, 5);
    QCOMPARE(verdict->streak.lastError, u"transient: http-5xx: 150"_s);
    const Result<QHash<QString, FailureStreak>> failing = streaks.failing();
    QVERIFY_OK(failing);
    QCOMPARE(failing->value(m_webhook.id).consecutiveFailures, 5);

    // A success ends it once: a second success at the same time finds nothing to end.
    Result<FailureStreak> ended = streaks.clear(m_webhook.id);
    QVERIFY_OK(ended);
    QCOMPARE(ended->consecutiveFailures, 5);
    QCOMPARE(ended->failingSince, start);
    ended = streaks.clear(m_webhook.id);
    QVERIFY_OK(ended);
    QCOMPARE(ended->consecutiveFailures, 0);
    // The next streak starts afresh, warnings and all.
    verdict = failAt(1000);
    QVERIFY_OK(verdict);
    QCOMPARE(verdict->streak.consecutiveFailures, 1);
    QCOMPARE(verdict->streak.failingSince, start.addSecs(1000));
    QCOMPARE(verdict->streak.warningsGiven, 0);
    // afterSeconds 0: never disabled, never warned.
    rule.afterSeconds = 0;
    verdict = failAt(100000);
    QVERIFY_OK(verdict);
    QVERIFY(!verdict->disable && !verdict->warningPercent && !verdict->disableAt.isValid());
}

void TestDispatchQueue::queueRetryCancelReplay()
{
    const QStringList ids = emitEvents(4);
    DispatchQueue queue(*m_db.database);
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(1);
    // Three attempts fail: two wait for a retry in an hour, one is given up on; the fourth waits for its first.
    const Result<QList<ClaimedDelivery>> claimed = queue.claim(u"dispatcher-a"_s, 3, now, 30000);
    QVERIFY_OK(claimed);
    QCOMPARE(claimed->size(), 3);
    for (qsizetype i = 0; i < claimed->size(); ++i) {
        DeliverySettlement settlement;
        settlement.state = i < 2 ? DeliverySettlement::State::RetryAt : DeliverySettlement::State::Failed;
        settlement.nextAttemptAt = now.addSecs(3600 + i);
        settlement.lastError = u"transient: http-5xx: HTTP 503"_s;
        QVERIFY_OK(queue.settle(claimed->at(i), u"dispatcher-a"_s, settlement));
    }
    Result<WebhookQueue> seen = queue.queueOf(m_webhook.id);
    QVERIFY_OK(seen);
    QCOMPARE(seen->queued, 1);
    QCOMPARE(seen->retrying, 2);
    QCOMPARE(seen->failed, 1);
    QCOMPARE(seen->skipped, 0);
    QCOMPARE(seen->nextRetryAt, now.addSecs(3600));
    QCOMPARE(seen->mostAttempts, 1);

    // Retry now: both retries become due at once, and nothing else moves.
    QCOMPARE(*queue.retryNow(m_webhook.id, now), 2);
    qint64 next = 0;
    QCOMPARE(stateOf(claimed->at(0).eventId, &next), u"pending"_s);
    QCOMPARE(next, now.toMSecsSinceEpoch());
    QCOMPARE(*queue.retryNow(m_webhook.id, now), 0); // due already

    // Cancel: one of them is leased by a dispatcher meanwhile (with the delivery that waits for its first
    // attempt, which is due longest) and is left to it; the other is given up on.
    const Result<QList<ClaimedDelivery>> leased = queue.claim(u"dispatcher-b"_s, 2, now, 30000);
    QVERIFY_OK(leased);
    QCOMPARE(leased->size(), 2);
    const auto leasedRetry = std::find_if(leased->cbegin(), leased->cend(),
                                          [](const ClaimedDelivery &delivery) { return delivery.attemptsMade > 0; });
    QVERIFY(leasedRetry != leased->cend());
    QCOMPARE(*queue.cancelRetries(m_webhook.id, u"cancelled by alice"_s, now), 1);
    seen = queue.queueOf(m_webhook.id);
    QVERIFY_OK(seen);
    QCOMPARE(seen->failed, 2);
    QSqlQuery reason(m_db.database->connection());
    QVERIFY(reason.exec(u"SELECT last_error FROM event_deliveries WHERE state = 'failed' AND attempts = 1"
                        " ORDER BY last_error"_s));
    QStringList reasons;
    while (reason.next())
        reasons << reason.value(0).toString();
    QVERIFY2(reasons.contains(u"cancelled by alice: transient: http-5xx: HTTP 503"_s), qPrintable(reasons.join(u'|')));
    reason.finish();

    // Replay failed: counted first, then due again with the whole schedule; only within the range.
    const QDateTime from = now.addSecs(-600);
    QCOMPARE(*queue.countFailed(m_webhook.id, now.addSecs(60), now.addSecs(120)), 0);
    QCOMPARE(*queue.countFailed(m_webhook.id, from, now.addSecs(60)), 2);
    QCOMPARE(*queue.replayFailed(m_webhook.id, from, now.addSecs(60), now), 2);
    int attempts = -1;
    QCOMPARE(stateOf(claimed->at(2).eventId, &next, &attempts), u"pending"_s);
    QCOMPARE(attempts, 0);
    seen = queue.queueOf(m_webhook.id);
    QVERIFY_OK(seen);
    QCOMPARE(seen->failed, 0);
    QCOMPARE(seen->queued, 3);
    // A disabled webhook's failed events stay where they are: it would receive nothing.
    DeliverySettlement failed;
    failed.lastError = u"permanent: http-4xx: HTTP 400"_s;
    QVERIFY_OK(queue.settle(*leasedRetry, u"dispatcher-b"_s, failed));
    Webhook disabled = *WebhookRepository(*m_db.database).findById(m_webhook.id);
    QVERIFY_OK(WebhookRepository(*m_db.database).setActive(disabled, false));
    QCOMPARE(*queue.replayFailed(m_webhook.id, from, now.addSecs(60), now), 0);
    Q_UNUSED(ids);
}

QTEST_GUILESS_MAIN(TestDispatchQueue)
#include "tst_dispatchqueue.moc"
