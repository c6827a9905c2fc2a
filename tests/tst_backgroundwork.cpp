// Background threads on both engines: a task's statement interrupted, owners that never wait, joining at exit.
#include "models/storage/backgroundthreads.h"
#include "models/storage/deliverylistener.h"
#include "models/storage/deliverylogtask.h"
#include "models/storage/querycanceller.h"
#include "testsupport/blockeddeliverylog.h"
#include "testsupport/webhookfixtures.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int waitMs = 30000;

// What a job saw of its one statement, kept beyond the task.
struct StatementOutcome
{
    std::atomic<qint64> backendPid = 0;
    std::atomic<bool> done = false;
    bool succeeded = false;
    QString error;
};

// A job that runs sql once, after telling through progress that it is about to.
DeliveryLogTask::Job runOnce(const QString &sql, std::shared_ptr<StatementOutcome> outcome)
{
    return [sql, outcome](Database &database, const DeliveryLog::Progress &progress) {
        QSqlQuery query(database.connection());
        if (database.engine() == DatabaseUrl::Engine::PostgreSQL && query.exec(u"SELECT pg_backend_pid()"_s)
            && query.next())
            outcome->backendPid = query.value(0).toLongLong();
        progress(0, 1);
        outcome->succeeded = query.exec(sql) && query.next();
        outcome->error = Database::describe(query.lastError());
        outcome->done = true;
    };
}

// A statement that runs until it is stopped: an endless count on SQLite, an hour's sleep on PostgreSQL.
QString endlessStatement(DatabaseUrl::Engine engine)
{
    return engine == DatabaseUrl::Engine::SQLite
               ? u"WITH RECURSIVE counting(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counting)"
                 " SELECT COUNT(*) FROM counting"_s
               : u"SELECT pg_sleep(3600)"_s;
}

// PostgreSQL: whether server process pid is running a statement (not idle, not connecting).
bool isActive(Database &observer, qint64 pid)
{
    QSqlQuery activity(observer.connection());
    activity.prepare(u"SELECT 1 FROM pg_stat_activity WHERE pid = ? AND state = 'active'"_s);
    activity.addBindValue(pid);
    return activity.exec() && activity.next();
}

} // namespace

class TestBackgroundWork : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cancelInterruptsTheRunningStatement_data() { addEngineRows(); }
    void cancelInterruptsTheRunningStatement();
    void destroyingATaskDoesNotWaitForIt_data() { addEngineRows(); }
    void destroyingATaskDoesNotWaitForIt();
    void taskThatStopsAfterItsStepIsNotInterrupted();
    void cancellingAnIdleConnectionChangesNothing_data() { addEngineRows(); }
    void cancellingAnIdleConnectionChangesNothing();
    void destroyingAListenerDoesNotWait();
    void finishAllJoinsWhatIsLeft();
};

void TestBackgroundWork::init()
{
    // Each test starts without threads of an earlier one, so that counting them says something.
    QTRY_COMPARE_WITH_TIMEOUT(BackgroundThreads::count(), 0, waitMs);
}

void TestBackgroundWork::cancelInterruptsTheRunningStatement()
{
    const OpenTestDatabase db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    auto outcome = std::make_shared<StatementOutcome>();
    DeliveryLogTask task(db.storage->url(), {}, DeliveryLogTask::Stop::AtOnce,
                         runOnce(endlessStatement(currentEngine()), outcome));
    QSignalSpy started(&task, &DeliveryLogTask::progress);
    QSignalSpy finished(&task, &DeliveryLogTask::finished);
    task.start();
    QVERIFY(started.wait(waitMs));
    if (currentEngine() == DatabaseUrl::Engine::PostgreSQL) {
        // Cancelled only once the server runs the sleep, so that the cancel cannot arrive before it.
        QTRY_VERIFY_WITH_TIMEOUT(isActive(*db.database, outcome->backendPid), waitMs);
    }
    // SQLite: whether the count runs already or is about to start, the cancellation stops it.
    QVERIFY(!outcome->done);
    task.cancel();
    QVERIFY(finished.wait(waitMs));
    QVERIFY(outcome->done);
    QVERIFY(!outcome->succeeded);
    QVERIFY(task.isCancelled());
    QVERIFY(task.connectionError().isEmpty());
    const QString expected = currentEngine() == DatabaseUrl::Engine::SQLite ? u"interrupted"_s
                                                                            : u"canceling statement"_s;
    QVERIFY2(outcome->error.contains(expected), qPrintable(outcome->error));
    QTRY_COMPARE_WITH_TIMEOUT(BackgroundThreads::count(), 0, waitMs);
}

void TestBackgroundWork::destroyingATaskDoesNotWaitForIt()
{
    OpenTestDatabase db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    BlockedDeliveryLog blocked;
    QString error;
    QVERIFY2(blocked.block(db.storage->url(), &error), qPrintable(error));
    auto outcome = std::make_shared<StatementOutcome>();
    auto task = std::make_unique<DeliveryLogTask>(db.storage->url(), QString(), DeliveryLogTask::Stop::AtOnce,
                                                  runOnce(u"SELECT MAX(id) FROM deliveries"_s, outcome));
    QSignalSpy started(task.get(), &DeliveryLogTask::progress);
    task->start();
    QVERIFY(started.wait(waitMs));
    if (currentEngine() == DatabaseUrl::Engine::PostgreSQL)
        QTRY_VERIFY_WITH_TIMEOUT(blocked.isWaiting(outcome->backendPid), waitMs);
    QCOMPARE(BackgroundThreads::count(), 1);

    // The read cannot end by itself while the log stays blocked: had the destructor waited for it, the test would
    // hang here.
    task.reset();
    QVERIFY(!outcome->done || !outcome->succeeded);
    // The thread ends afterwards, cancelled, while the log is still blocked; and it is deleted.
    QTRY_COMPARE_WITH_TIMEOUT(BackgroundThreads::count(), 0, waitMs);
    QVERIFY(blocked.isHeld());
    QVERIFY(outcome->done);
    QVERIFY(!outcome->succeeded);
}

void TestBackgroundWork::taskThatStopsAfterItsStepIsNotInterrupted()
{
    // A purge finishes and records the batch in hand: its statements are never interrupted, only the next
    // batch is not started.
    const OpenTestDatabase db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(db.ok());
    auto steps = std::make_shared<std::atomic<int>>(0);
    auto release = std::make_shared<QSemaphore>();
    auto lastStatementRan = std::make_shared<std::atomic<bool>>(false);
    auto job = [steps, release, lastStatementRan](Database &database, const DeliveryLog::Progress &progress) {
        for (;;) {
            ++*steps;
            const bool goOn = progress(*steps, 0);
            release->acquire();  // the test cancels while this step is in hand
            QSqlQuery query(database.connection());
            *lastStatementRan = query.exec(u"SELECT COUNT(*) FROM webhooks"_s) && query.next();
            if (!goOn || !progress(*steps, 0))
                return;
        }
    };
    DeliveryLogTask task(db.storage->url(), {}, job);
    QSignalSpy progressed(&task, &DeliveryLogTask::progress);
    QSignalSpy finished(&task, &DeliveryLogTask::finished);
    task.start();
    QVERIFY(progressed.wait(waitMs));
    task.cancel();
    release->release();
    QVERIFY(finished.wait(waitMs));
    QCOMPARE(steps->load(), 1);
    QVERIFY(lastStatementRan->load());
}

void TestBackgroundWork::cancellingAnIdleConnectionChangesNothing()
{
    // What runs after a cancelled statement, once cleared, runs to its end; a cancel of a connection that runs
    // nothing harms nothing.
    const OpenTestDatabase db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    QueryCanceller canceller;
    canceller.attach(*db.database);
    QCOMPARE(canceller.backendPid() > 0, currentEngine() == DatabaseUrl::Engine::PostgreSQL);
    canceller.cancel();
    QVERIFY(canceller.isCancelled());
    QSqlQuery query(db.database->connection());
    if (currentEngine() == DatabaseUrl::Engine::SQLite) {
        // A cancellation that came between two statements stops the next one too, until cleared.
        QVERIFY(!query.exec(u"WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 100000)"
                            " SELECT COUNT(*) FROM c"_s));
        QVERIFY2(query.lastError().text().contains(u"interrupted"_s), qPrintable(query.lastError().text()));
    }
    canceller.clear();
    QTRY_COMPARE_WITH_TIMEOUT(BackgroundThreads::count(), 0, waitMs);  // PostgreSQL's cancel has been sent
    QVERIFY2(query.exec(u"SELECT COUNT(*) FROM webhooks"_s) && query.next(), qPrintable(query.lastError().text()));
    canceller.detach();
    QCOMPARE(canceller.backendPid(), qint64(0));
    canceller.cancel();  // detached: nothing to stop, nothing started
    QCOMPARE(BackgroundThreads::count(), 0);
}

void TestBackgroundWork::destroyingAListenerDoesNotWait()
{
    const OpenTestDatabase db = openTestDatabase(DatabaseUrl::Engine::PostgreSQL);
    QVERIFY(db.ok());
    auto listener = std::make_unique<DeliveryListener>(db.storage->url(), QString());
    QSignalSpy listening(listener.get(), &DeliveryListener::listeningChanged);
    listener->start();
    QVERIFY(listening.wait(waitMs));
    QVERIFY(listener->isListening());
    QCOMPARE(BackgroundThreads::count(), 1);
    const qint64 pid = listener->backendPid();
    listener.reset();
    QTRY_COMPARE_WITH_TIMEOUT(BackgroundThreads::count(), 0, waitMs);
    // Its connection was closed as the thread ended.
    QSqlQuery activity(db.database->connection());
    activity.prepare(u"SELECT 1 FROM pg_stat_activity WHERE pid = ?"_s);
    activity.addBindValue(pid);
    QTRY_VERIFY_WITH_TIMEOUT(activity.exec() && !activity.next(), waitMs);

    // One never started is simply deleted.
    DeliveryListener unstarted(db.storage->url(), {});
    Q_UNUSED(unstarted);
}

void TestBackgroundWork::finishAllJoinsWhatIsLeft()
{
    auto gate = std::make_shared<QSemaphore>();
    BackgroundThreads::run(u"test-blocked"_s, [gate] { gate->acquire(); });
    auto *loop = new QThread;  // an event loop, as a worker's thread has: ends when asked to quit
    loop->setObjectName(u"test-loop"_s);
    BackgroundThreads::start(loop);
    QCOMPARE(BackgroundThreads::count(), 2);
    // The blocked one cannot end, however long one waits; the event loop ends on the quit it is sent.
    QVERIFY(!BackgroundThreads::finishAll(0));
    QTRY_COMPARE_WITH_TIMEOUT(BackgroundThreads::count(), 1, waitMs);
    gate->release();
    QVERIFY(BackgroundThreads::finishAll(waitMs));
    QCOMPARE(BackgroundThreads::count(), 0);
}

QTEST_GUILESS_MAIN(TestBackgroundWork)
#include "tst_backgroundwork.moc"
