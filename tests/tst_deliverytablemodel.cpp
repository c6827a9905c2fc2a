// The lazy deliveries table model on both engines: model tester, full scroll, jumps, stale results, live inserts, reconnects.
#include "models/itemmodels/deliverytablemodel.h"
#include "models/storage/backgroundthreads.h"
#include "models/storage/deliverylistener.h"
#include "models/storage/deliveryrepository.h"
#include "models/storage/querycanceller.h"
#include "testsupport/blockeddeliverylog.h"
#include "testsupport/deliverygenerator.h"
#include "testsupport/modelsignals.h"
#include "testsupport/webhookfixtures.h"
#include "testsupport/resultchecks.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace {

constexpr int waitMs = 30000;

// The expected order, by a plain ORDER BY over the whole table.
QList<qint64> idsInLogOrder(Database &database, const QString &where = u"TRUE"_s)
{
    QList<qint64> ids;
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (query.exec(u"SELECT id FROM deliveries WHERE "_s + where + u" ORDER BY started_at DESC, id DESC"_s))
        while (query.next())
            ids << query.value(0).toLongLong();
    return ids;
}

GeneratedAttempt attemptAt(const GeneratedWebhook &w, qint64 startedAt, bool success)
{
    GeneratedAttempt a;
    a.webhookId = w.id;
    a.webhookName = w.name;
    a.eventId = u"evt_live_"_s + QString::number(startedAt);
    a.messageId = u"msg_live_"_s + QString::number(startedAt);
    a.startedAtMs = startedAt;
    a.success = success;
    a.responseStatus = success ? 200 : 500;
    a.durationMs = 42;
    if (!success)
        a.error = u"http-5xx: 500 Internal Server Error"_s;
    return a;
}

} // namespace

class TestDeliveryTableModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void staleQueryIsCancelledOnPostgres();
    void modelTesterAndScrollTopToBottom_data() { addEngineRows(); }
    void modelTesterAndScrollTopToBottom();
    void jumpToLastRowAndIntoTheMiddle_data() { addEngineRows(); }
    void jumpToLastRowAndIntoTheMiddle();
    void estimateComesBeforeTheExactCount_data() { addEngineRows(); }
    void estimateComesBeforeTheExactCount();
    void staleResultsAreDropped_data() { addEngineRows(); }
    void staleResultsAreDropped();
    void filterThatMatchesNothing_data() { addEngineRows(); }
    void filterThatMatchesNothing();
    void newAttemptsAppearWithoutReset_data() { addEngineRows(); }
    void newAttemptsAppearWithoutReset();
    void droppedConnectionShowsErrorAndRecovers();
    void staleBlockedQueryIsInterrupted_data() { addEngineRows(); }
    void staleBlockedQueryIsInterrupted();
    void destroyingWhileAQueryIsBlockedDoesNotWait_data() { addEngineRows(); }
    void destroyingWhileAQueryIsBlockedDoesNotWait();
    void unfinishedAttemptIsCompletedInPlace_data() { addEngineRows(); }
    void unfinishedAttemptIsCompletedInPlace();

private:
    bool fill(qint64 attempts);
    // Asks for the row (as a view painting it would) and waits until it is loaded.
    bool load(DeliveryTableModel &model, int row);
    QList<qint64> loadAll(DeliveryTableModel &model, int *maxCachedBlocks);

    OpenTestDatabase m_db;
    QList<GeneratedWebhook> m_webhooks;
};

void TestDeliveryTableModel::init()
{
    const bool postgres = QTest::currentDataTag() == QByteArray("postgresql")
                          || QByteArray(QTest::currentTestFunction()) == "droppedConnectionShowsErrorAndRecovers";
    m_db = openTestDatabase(postgres ? DatabaseUrl::Engine::PostgreSQL : DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*m_db.database, 6, &error);
    QVERIFY2(webhooks, qPrintable(error));
    m_webhooks = *webhooks;
}

void TestDeliveryTableModel::cleanup()
{
    m_db = {};
}

bool TestDeliveryTableModel::fill(qint64 attempts)
{
    DeliveryGeneratorOptions options;
    options.attempts = attempts;
    options.days = 10;
    QString error;
    if (!DeliveryGenerator::generate(*m_db.database, m_webhooks, options, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

bool TestDeliveryTableModel::load(DeliveryTableModel &model, int row)
{
    model.data(model.index(row, 0));
    return QTest::qWaitFor([&] { return model.isRowLoaded(row) || model.state() == DeliveryTableModel::State::Error; },
                           waitMs)
           && model.isRowLoaded(row);
}

QList<qint64> TestDeliveryTableModel::loadAll(DeliveryTableModel &model, int *maxCachedBlocks)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (!model.isRowLoaded(row) && !load(model, row)) {
            qWarning("row %d not loaded: state %d, %s", row, int(model.state()), qPrintable(model.errorString()));
            return {};
        }
        ids << model.data(model.index(row, 0), DeliveryTableModel::DeliveryIdRole).toLongLong();
        *maxCachedBlocks = std::max(*maxCachedBlocks, model.cachedBlockCount());
    }
    return ids;
}

void TestDeliveryTableModel::modelTesterAndScrollTopToBottom()
{
    QVERIFY(fill(20000));
    DeliveryTableModel::Options options;
    options.blockSize = 250;
    options.maxCachedBlocks = 6;
    DeliveryTableModel model(m_db.storage->url(), {}, options);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy firstPage(&model, &DeliveryTableModel::firstPageLoaded);
    QSignalSpy counted(&model, &DeliveryTableModel::rowCountKnown);
    QVERIFY(firstPage.wait(waitMs));
    QCOMPARE(model.state(), DeliveryTableModel::State::Ready);
    QVERIFY(model.rowCount() == 250 || model.isCountKnown());
    // Nothing is ever left for a caller to fetch: the count and the remaining rows come by themselves.
    QVERIFY(!model.canFetchMore({}));
    if (!model.isCountKnown())
        QVERIFY(counted.wait(waitMs));
    const QList<qint64> expected = idsInLogOrder(*m_db.database);
    QCOMPARE(model.rowCount(), expected.size());
    QCOMPARE(model.columnCount(), int(DeliveryTableModel::ColumnCount));
    QCOMPARE(model.headerData(DeliveryTableModel::StatusColumn, Qt::Horizontal).toString(), u"Status"_s);

    int maxCached = 0;
    QCOMPARE(loadAll(model, &maxCached), expected);
    QVERIFY2(maxCached <= options.maxCachedBlocks, qPrintable(QString::number(maxCached)));
    // Blocks passed on the way down were evicted and come back, by keyset, when scrolled to again.
    QVERIFY(!model.isRowLoaded(5000));
    QVERIFY(load(model, 5000));
    QCOMPARE(model.data(model.index(5000, 0), DeliveryTableModel::DeliveryIdRole).toLongLong(), expected.at(5000));
    QVERIFY(load(model, 5250));
    QCOMPARE(model.rowAt(5250)->id, expected.at(5250));

    const auto row = model.rowAt(0);
    QVERIFY(row);
    QCOMPARE(model.data(model.index(0, DeliveryTableModel::EventIdColumn)).toString(), row->eventId);
    QCOMPARE(model.data(model.index(0, DeliveryTableModel::ResultColumn)).toString(),
             row->success ? u"Success"_s : u"Failure"_s);
}

void TestDeliveryTableModel::jumpToLastRowAndIntoTheMiddle()
{
    QVERIFY(fill(20000));
    DeliveryTableModel::Options options;
    options.blockSize = 100;
    DeliveryTableModel model(m_db.storage->url(), {}, options);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(QTest::qWaitFor([&] { return model.isCountKnown(); }, waitMs));
    const QList<qint64> expected = idsInLogOrder(*m_db.database);
    QCOMPARE(model.rowCount(), expected.size());
    const int last = model.rowCount() - 1;
    QVERIFY(!model.isRowLoaded(last));
    QCOMPARE(model.data(model.index(last, 0)).toString(), u"loading…"_s);
    QCOMPARE(model.data(model.index(last, 0), DeliveryTableModel::LoadedRole).toBool(), false);
    QVERIFY(load(model, last));
    QCOMPARE(model.data(model.index(last, 0), DeliveryTableModel::DeliveryIdRole).toLongLong(), expected.last());
    QCOMPARE(model.rowAt(last)->id, expected.last());

    // Into the middle with no loaded neighbour, then next to it (a keyset step), then back up.
    for (int row : {11111, 11111 + 100, 11111 - 100, 7777, 3, 19000}) {
        QVERIFY(load(model, row));
        QCOMPARE(model.rowAt(row)->id, expected.at(row));
        const auto [first, end] = std::pair(row - (row % 100), std::min(row - (row % 100) + 100, model.rowCount()));
        for (int r = first; r < end; ++r)
            QCOMPARE(model.rowAt(r)->id, expected.at(r));
    }
}

void TestDeliveryTableModel::estimateComesBeforeTheExactCount()
{
    QVERIFY(fill(20000));
    if (m_db.storage->url().engine() == DatabaseUrl::Engine::PostgreSQL) {
        QSqlQuery analyze(m_db.database->connection());
        QVERIFY(analyze.exec(u"ANALYZE deliveries"_s));  // the statistics autovacuum keeps in a database in use
    }
    const qint64 all = idsInLogOrder(*m_db.database).size();
    DeliveryFilter failures;
    failures.result = DeliveryFilter::Result::Failure;
    const qint64 failed = idsInLogOrder(*m_db.database, u"success = FALSE"_s).size();
    DeliveryTableModel model(m_db.storage->url(), {});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // What the model holds at each signal, in the order they come.
    QStringList seen;
    connect(&model, &DeliveryTableModel::rowCountEstimated, this, [&](qint64 estimate) {
        seen << u"estimate"_s;
        QVERIFY(!model.isCountKnown());
        QCOMPARE(model.estimatedRowCount(), std::optional<qint64>(estimate));
        QCOMPARE(model.rowCount(), model.blockSize());  // rows only up to what is known to be there
    });
    connect(&model, &DeliveryTableModel::rowCountKnown, this, [&] { seen << u"count"_s; });
    QSignalSpy estimated(&model, &DeliveryTableModel::rowCountEstimated);
    QSignalSpy counted(&model, &DeliveryTableModel::rowCountKnown);
    QVERIFY(counted.wait(waitMs));
    QCOMPARE(seen, (QStringList{u"estimate"_s, u"count"_s}));
    const qint64 estimate = estimated.first().first().toLongLong();
    QVERIFY2(estimate > all * 9 / 10 && estimate < all * 11 / 10, qPrintable(QString::number(estimate)));
    QCOMPARE(qint64(model.rowCount()), all);

    // A filter is estimated by its own share of the log, then counted.
    seen.clear();
    estimated.clear();
    counted.clear();
    model.setFilter(failures);
    QVERIFY(counted.wait(waitMs));
    QCOMPARE(seen, (QStringList{u"estimate"_s, u"count"_s}));
    QCOMPARE(qint64(model.rowCount()), failed);
    const qint64 failuresEstimate = estimated.first().first().toLongLong();
    QVERIFY2(failuresEstimate >= model.blockSize() && failuresEstimate < all / 2,
             qPrintable(u"%1 of %2 failures"_s.arg(failuresEstimate).arg(failed)));

    // A listing that fits on its first page is counted at once: there is nothing to estimate.
    DeliveryFilter fewer;
    fewer.webhook = m_webhooks.at(2).name;
    fewer.timeRange = DeliveryFilter::TimeRange::LastHour;
    estimated.clear();
    QSignalSpy firstPage(&model, &DeliveryTableModel::firstPageLoaded);
    model.setFilter(fewer);
    QVERIFY(firstPage.wait(waitMs));
    QVERIFY(model.isCountKnown());
    QVERIFY(estimated.isEmpty());
    QVERIFY(!model.estimatedRowCount());
}

void TestDeliveryTableModel::staleResultsAreDropped()
{
    QVERIFY(fill(5000));
    DeliveryTableModel model(m_db.storage->url(), {});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(QTest::qWaitFor([&] { return model.isCountKnown(); }, waitMs));

    QSignalSpy firstPage(&model, &DeliveryTableModel::firstPageLoaded);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy dropped(&model, &DeliveryTableModel::staleResultDropped);
    // Three filters in a row before the worker can answer: only the last one's rows may end up in the model.
    DeliveryFilter a;
    a.result = DeliveryFilter::Result::Success;
    DeliveryFilter b;
    b.webhook = m_webhooks.at(2).name;
    DeliveryFilter c;
    c.result = DeliveryFilter::Result::Failure;
    c.webhook = m_webhooks.at(1).name;
    const int before = model.generation();
    model.setFilter(a);
    model.setFilter(b);
    model.setFilter(c);
    QCOMPARE(model.generation(), before + 3);
    QCOMPARE(resets.size(), 3);
    // The first two listings each end in a drop: their request skipped by the worker, or their result here.
    QSet<int> droppedListings;
    QVERIFY(QTest::qWaitFor([&] {
        for (const QList<QVariant> &drop : std::as_const(dropped))
            droppedListings.insert(drop.first().toInt());
        return model.isCountKnown() && droppedListings.contains(before + 1) && droppedListings.contains(before + 2);
    }, waitMs));
    QVERIFY(!droppedListings.contains(model.generation()));
    QCOMPARE(firstPage.size(), 1);
    const QList<qint64> expected = idsInLogOrder(
        *m_db.database, u"success = FALSE AND webhook_id = '%1'"_s.arg(m_webhooks.at(1).id));
    QVERIFY(!expected.isEmpty());
    QCOMPARE(model.rowCount(), expected.size());
    int maxCached = 0;
    QCOMPARE(loadAll(model, &maxCached), expected);
    QCOMPARE(model.filter(), c);
}

void TestDeliveryTableModel::filterThatMatchesNothing()
{
    QVERIFY(fill(2000));
    DeliveryTableModel model(m_db.storage->url(), {});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(QTest::qWaitFor([&] { return model.isCountKnown(); }, waitMs));
    QSignalSpy firstPage(&model, &DeliveryTableModel::firstPageLoaded);
    DeliveryFilter nothing;
    nothing.text = u"no such error anywhere"_s;
    model.setFilter(nothing);
    QVERIFY(firstPage.wait(waitMs));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.isCountKnown());
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.state(), DeliveryTableModel::State::Ready);
    QSignalSpy checked(&model, &DeliveryTableModel::newerRowsChecked);
    model.appendNewer();  // nothing new, nothing breaks
    QVERIFY(checked.wait(waitMs));
    QCOMPARE(checked.first().first().toInt(), 0);
    QCOMPARE(model.rowCount(), 0);
}

void TestDeliveryTableModel::newAttemptsAppearWithoutReset()
{
    QVERIFY(fill(3000));
    DeliveryTableModel::Options options;
    options.blockSize = 50;
    DeliveryTableModel model(m_db.storage->url(), {}, options);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(QTest::qWaitFor([&] { return model.isCountKnown(); }, waitMs));
    QVERIFY(load(model, 0));
    QVERIFY(load(model, 120));
    const QList<qint64> before = idsInLogOrder(*m_db.database);
    const int rowsBefore = model.rowCount();

    // Three attempts newer than everything, and one that started before the 11th newest but was recorded
    // only now (a slow receiver): it belongs in the middle.
    const qint64 newest = model.rowAt(0)->startedAtMs;
    const qint64 eleventh = model.rowAt(10)->startedAtMs;
    const QList<GeneratedAttempt> arriving = {attemptAt(m_webhooks.at(0), newest + 1000, true),
                                              attemptAt(m_webhooks.at(1), newest + 2000, false),
                                              attemptAt(m_webhooks.at(0), newest + 3000, true),
                                              attemptAt(m_webhooks.at(2), eleventh + 1, false)};
    QString error;
    QVERIFY2(DeliveryGenerator::insert(*m_db.database, arriving, &error), qPrintable(error));

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy arrived(&model, &DeliveryTableModel::newerRowsInserted);
    model.appendNewer();
    QVERIFY(arrived.wait(waitMs));
    QCOMPARE(arrived.first().first().toInt(), 4);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 13);  // 3 new above it, then the 10 that started after it
    QCOMPARE(model.rowCount(), rowsBefore + 4);

    // The top is there at once, without placeholders, and every row is where a fresh ORDER BY puts it.
    QVERIFY(model.isRowLoaded(0));
    QVERIFY(model.isRowLoaded(13));
    const QList<qint64> after = idsInLogOrder(*m_db.database);
    QCOMPARE(after.size(), before.size() + 4);
    int maxCached = 0;
    QCOMPARE(loadAll(model, &maxCached), after);

    // A filtered listing only takes in what matches it.
    DeliveryFilter failures;
    failures.result = DeliveryFilter::Result::Failure;
    QSignalSpy firstPage(&model, &DeliveryTableModel::firstPageLoaded);
    model.setFilter(failures);
    QVERIFY(firstPage.wait(waitMs));
    QVERIFY(QTest::qWaitFor([&] { return model.isCountKnown(); }, waitMs));
    const int failuresBefore = model.rowCount();
    QVERIFY2(DeliveryGenerator::insert(*m_db.database,
                                       {attemptAt(m_webhooks.at(0), newest + 5000, true),
                                        attemptAt(m_webhooks.at(1), newest + 6000, false)},
                                       &error),
             qPrintable(error));
    arrived.clear();
    model.appendNewer();
    QVERIFY(arrived.wait(waitMs));
    QCOMPARE(arrived.first().first().toInt(), 1);
    QCOMPARE(model.rowCount(), failuresBefore + 1);
    QCOMPARE(model.rowAt(0)->startedAtMs, newest + 6000);
}

void TestDeliveryTableModel::droppedConnectionShowsErrorAndRecovers()
{
    QVERIFY(fill(5000));
    const QString databaseName = m_db.storage->url().databaseName();
    DeliveryTableModel::Options options;
    options.blockSize = 100;
    options.firstRetryDelayMs = 200;
    options.maxRetryDelayMs = 400;
    DeliveryTableModel model(m_db.storage->url(), {}, options);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(QTest::qWaitFor([&] { return model.isCountKnown(); }, waitMs));
    const QList<qint64> expected = idsInLogOrder(*m_db.database);
    for (int row = 0; row < 1000; row += 100)  // scrolled some way down
        QVERIFY(load(model, row));

    // The server throws the model's connection out and refuses new ones for a while.
    QSqlQuery own(m_db.database->connection());
    QVERIFY(own.exec(u"SELECT pg_backend_pid()"_s) && own.next());
    const int ownPid = own.value(0).toInt();
    QString error;
    QVERIFY2(runOnTestCluster(u"ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false"_s.arg(databaseName), &error), qPrintable(error));
    QVERIFY2(runOnTestCluster(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1' AND pid <> %2"_s
                           .arg(databaseName)
                           .arg(ownPid),
                       &error),
             qPrintable(error));

    QSignalSpy errors(&model, &DeliveryTableModel::errorOccurred);
    model.data(model.index(2500, 0));  // scrolling on
    QVERIFY(errors.wait(waitMs));
    QCOMPARE(model.state(), DeliveryTableModel::State::Error);
    QVERIFY2(model.errorString().startsWith(u"The delivery log cannot be read: "_s), qPrintable(model.errorString()));
    QVERIFY2(model.errorString().contains(u"not currently accepting connections"_s), qPrintable(model.errorString()));
    QCOMPARE(model.data(model.index(2500, 0)).toString(), u"unavailable"_s);
    // What was loaded stays readable.
    QCOMPARE(model.rowAt(500)->id, expected.at(500));

    QVERIFY2(runOnTestCluster(u"ALTER DATABASE %1 WITH ALLOW_CONNECTIONS true"_s.arg(databaseName), &error), qPrintable(error));
    model.retry();
    QVERIFY(QTest::qWaitFor([&] { return model.state() == DeliveryTableModel::State::Ready; }, waitMs));
    QVERIFY(model.errorString().isEmpty());
    QVERIFY(load(model, 2500));
    QCOMPARE(model.rowAt(2500)->id, expected.at(2500));
    QVERIFY(load(model, model.rowCount() - 1));
    QCOMPARE(model.rowAt(model.rowCount() - 1)->id, expected.last());
}

void TestDeliveryTableModel::staleQueryIsCancelledOnPostgres()
{
    // What the model does when a filter changes under a running query: cancel it from another connection.
    const auto storage = TestDatabase::create(DatabaseUrl::Engine::PostgreSQL);
    QVERIFY(storage);
    std::atomic<int> pid = 0;
    QFuture<QString> slowQuery = QtConcurrent::run([&pid, url = storage->url()] {
        Database db;
        if (!db.open(url))
            return db.errorString();
        QSqlQuery query(db.connection());
        if (query.exec(u"SELECT pg_backend_pid()"_s) && query.next())
            pid = query.value(0).toInt();
        if (query.exec(u"SELECT pg_sleep(60)"_s))
            return u"finished without being cancelled"_s;
        return query.lastError().databaseText();
    });
    QTRY_VERIFY(pid.load() > 0);
    // Cancel only once the server reports the sleep running, so the cancel cannot arrive before it.
    Database observer;
    QVERIFY(observer.open(storage->url()));
    auto sleeping = [&] {
        QSqlQuery activity(observer.connection());
        activity.prepare(u"SELECT 1 FROM pg_stat_activity WHERE pid = ? AND state = 'active' AND query LIKE '%pg_sleep%'"_s);
        activity.addBindValue(pid.load());
        return activity.exec() && activity.next();
    };
    QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 20000);
    QString error;
    QVERIFY2(QueryCanceller::cancelPostgresBackend(storage->url(), {}, pid, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(slowQuery.isFinished(), 20000);
    QVERIFY2(slowQuery.result().contains(u"cancel"_s), qPrintable(slowQuery.result()));
}

void TestDeliveryTableModel::staleBlockedQueryIsInterrupted()
{
    QVERIFY(fill(500));
    DeliveryTableModel model(m_db.storage->url(), {});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(QTest::qWaitFor([&] { return model.isCountKnown(); }, waitMs));
    BlockedDeliveryLog blocked;
    QString error;
    QVERIFY2(blocked.block(m_db.storage->url(), &error), qPrintable(error));

    // A listing whose query cannot end by itself...
    QSignalSpy dropped(&model, &DeliveryTableModel::staleResultDropped);
    QSignalSpy errors(&model, &DeliveryTableModel::errorOccurred);
    DeliveryFilter failures;
    failures.result = DeliveryFilter::Result::Failure;
    model.setFilter(failures);
    const int stuck = model.generation();
    QTRY_COMPARE_WITH_TIMEOUT(model.runningGeneration(), stuck, waitMs);
    // ...is stopped when the filter changes (an interrupt on SQLite, a cancel on PostgreSQL), and ends as a
    // result nobody waits for, not as an error.
    DeliveryFilter successes;
    successes.result = DeliveryFilter::Result::Success;
    model.setFilter(successes);
    auto isStuck = [&](const QList<QVariant> &drop) { return drop.first().toInt() == stuck; };
    QVERIFY(QTest::qWaitFor([&] { return std::any_of(dropped.begin(), dropped.end(), isStuck); }, waitMs));
    QTRY_COMPARE_WITH_TIMEOUT(model.runningGeneration(), model.generation(), waitMs);
    QVERIFY(errors.isEmpty());
    QCOMPARE(model.state(), DeliveryTableModel::State::Loading);
    QVERIFY(blocked.isHeld());

    if (currentEngine() == DatabaseUrl::Engine::PostgreSQL) {
        // The new listing was only waiting for the lock.
        QSignalSpy firstPage(&model, &DeliveryTableModel::firstPageLoaded);
        blocked.release();
        QVERIFY(firstPage.wait(waitMs));
        QCOMPARE(model.filter(), successes);
        QVERIFY(errors.isEmpty());
    }
}

void TestDeliveryTableModel::destroyingWhileAQueryIsBlockedDoesNotWait()
{
    QVERIFY(fill(500));
    QTRY_COMPARE_WITH_TIMEOUT(BackgroundThreads::count(), 0, waitMs);
    auto model = std::make_unique<DeliveryTableModel>(m_db.storage->url(), QString());
    new QAbstractItemModelTester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, model.get());
    QVERIFY(QTest::qWaitFor([&] { return model->isCountKnown(); }, waitMs));
    QCOMPARE(BackgroundThreads::count(), 1);
    BlockedDeliveryLog blocked;
    QString error;
    QVERIFY2(blocked.block(m_db.storage->url(), &error), qPrintable(error));
    model->reload();
    QTRY_COMPARE_WITH_TIMEOUT(model->runningGeneration(), model->generation(), waitMs);

    // Had the destructor waited for the query, the test would hang here: nothing ends it but a cancellation.
    model.reset();
    // The worker's thread ends afterwards, with the log still blocked, and is deleted.
    QTRY_COMPARE_WITH_TIMEOUT(BackgroundThreads::count(), 0, waitMs);
    QVERIFY(blocked.isHeld());
}

void TestDeliveryTableModel::unfinishedAttemptIsCompletedInPlace()
{
    QVERIFY(fill(300));
    // The newest attempt (row 0), recorded as the pipeline does before the request leaves.
    DeliveryRecord record = makeUnfinishedRecord(m_webhooks.at(0), u"evt_on_its_way"_s,
                                                 QDateTime::currentDateTimeUtc().addSecs(3600));
    DeliveryRepository deliveries(*m_db.database);
    QVERIFY_OK(deliveries.record(record));

    DeliveryTableModel model(m_db.storage->url(), {});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(QTest::qWaitFor([&] { return model.isCountKnown(); }, waitMs));
    QCOMPARE(model.rowAt(0)->id, record.id);
    QVERIFY(!model.rowAt(0)->finished);
    QCOMPARE(model.data(model.index(0, DeliveryTableModel::ErrorColumn)).toString(), u"No outcome recorded"_s);
    const int rows = model.rowCount();

    // PostgreSQL says so itself (migration 7); SQLite views poll.
    std::unique_ptr<DeliveryListener> listener;
    if (currentEngine() == DatabaseUrl::Engine::PostgreSQL) {
        listener = std::make_unique<DeliveryListener>(m_db.storage->url(), QString());
        connect(listener.get(), &DeliveryListener::notified, &model, &DeliveryTableModel::appendNewer);
        QSignalSpy listening(listener.get(), &DeliveryListener::listeningChanged);
        listener->start();
        QVERIFY(listening.wait(waitMs));
        QVERIFY(listener->isListening());
    }
    // A check before the outcome is there leaves the row as it is.
    QSignalSpy checked(&model, &DeliveryTableModel::newerRowsChecked);
    model.appendNewer();
    QVERIFY(checked.wait(waitMs));
    QVERIFY(!model.rowAt(0)->finished);

    ModelSignals changes(&model);
    QSignalSpy completed(&model, &DeliveryTableModel::rowsCompleted);
    record.error.clear();
    record.success = true;
    record.responseStatus = 200;
    record.responseSize = 2;
    record.responseBody = "{}";
    record.finishedAt = record.startedAt.addMSecs(120);
    record.durationMs = 120;
    QVERIFY_OK(deliveries.complete(record));
    if (currentEngine() == DatabaseUrl::Engine::SQLite)
        model.appendNewer();
    QVERIFY(completed.wait(waitMs));
    QCOMPARE(completed.first().first().value<QList<qint64>>(), QList<qint64>{record.id});
    QCOMPARE(changes.structuralChanges(), 0);
    QVERIFY(changes.changedRanges().contains(ModelSignals::range(0, 0, DeliveryTableModel::ColumnCount - 1)));
    QCOMPARE(model.rowCount(), rows);
    QVERIFY(model.rowAt(0)->finished);
    QCOMPARE(model.data(model.index(0, DeliveryTableModel::ResultColumn)).toString(), u"Success"_s);
    QCOMPARE(model.data(model.index(0, DeliveryTableModel::StatusColumn)).toInt(), 200);
    QCOMPARE(model.data(model.index(0, DeliveryTableModel::LatencyColumn)).toString(), u"120 ms"_s);
    QVERIFY(model.data(model.index(0, DeliveryTableModel::ErrorColumn)).toString().isEmpty());

    // Completed rows are not read again.
    completed.clear();
    checked.clear();
    model.appendNewer();
    QVERIFY(checked.wait(waitMs));
    QVERIFY(completed.isEmpty());
}

QTEST_GUILESS_MAIN(TestDeliveryTableModel)
#include "tst_deliverytablemodel.moc"
