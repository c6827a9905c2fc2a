// Webhook changes made in the background: the caller's thread keeps running while the database is locked, changes
// are made in the order given, none is dropped when its window goes, and the change signals follow on the caller.
#include "models/storage/databaseworker.h"
#include "models/storage/webhookrepository.h"
#include "testsupport/webhookfixtures.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestWebhookWrites : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void callerRunsWhileTheDatabaseIsLocked();
    void changesRunInOrderAndAnnounceOnTheCallersThread();
    void aChangeOutlivesItsWindow();
    void refusalIsReported();
    void unreachableDatabaseIsReported();

private:
    OpenTestDatabase m_db;
    std::unique_ptr<WebhookRepository> m_repository;
};

void TestWebhookWrites::init()
{
    m_db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    m_repository = std::make_unique<WebhookRepository>(*m_db.database);
}

void TestWebhookWrites::cleanup()
{
    m_repository.reset();
    m_db = {};
}

void TestWebhookWrites::callerRunsWhileTheDatabaseIsLocked()
{
    // Another program holds the write lock: the save waits for it in the worker, not in the caller's thread.
    Database other;
    QVERIFY(other.open(m_db.database->url()));
    QSqlDatabase otherConnection = other.connection();
    QSqlQuery lock(otherConnection);
    QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));

    std::optional<Result<Webhook>> saved;
    QObject window;
    m_repository->changeInBackground(WebhookRepository::Change::Create, makeWebhook(u"Queued"_s), &window,
                                     [&saved](const Result<Webhook> &result) { saved = result; });
    // The caller's event loop goes on: timers fire while the change waits for the lock.
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start(10);
    QTRY_VERIFY(ticks >= 5);
    QVERIFY(!saved);

    QVERIFY(otherConnection.commit());
    QTRY_VERIFY(saved.has_value());
    QVERIFY2(saved->ok(), qPrintable(saved->message()));
    QCOMPARE(m_repository->findByName(u"Queued"_s)->id, saved->value().id);
}

void TestWebhookWrites::changesRunInOrderAndAnnounceOnTheCallersThread()
{
    QSignalSpy announced(m_repository.get(), &WebhookRepository::webhookSaved);
    Webhook webhook = makeWebhook(u"Ordered"_s);
    QVERIFY(m_repository->create(webhook).ok());
    announced.clear();
    QList<int> versions;
    QList<QThread *> threads;
    QObject window;
    for (int i = 0; i < 5; ++i) {
        Webhook change = webhook;
        change.description = u"step %1"_s.arg(i);
        change.version = webhook.version + i;  // each one based on the version the one before it stores
        m_repository->changeInBackground(WebhookRepository::Change::Update, change, &window,
                                         [&](const Result<Webhook> &result) {
                                             QVERIFY2(result.ok(), qPrintable(result.message()));
                                             versions.append(result->version);
                                             threads.append(QThread::currentThread());
                                         });
    }
    QTRY_COMPARE(versions.size(), 5);
    QCOMPARE(versions, (QList<int>{2, 3, 4, 5, 6}));
    for (QThread *thread : std::as_const(threads))
        QCOMPARE(thread, QThread::currentThread());
    QCOMPARE(announced.size(), 5);
    QCOMPARE(m_repository->findById(webhook.id)->description, u"step 4"_s);
}

void TestWebhookWrites::aChangeOutlivesItsWindow()
{
    QSignalSpy removed(m_repository.get(), &WebhookRepository::webhookRemoved);
    Webhook webhook = makeWebhook(u"Closed window"_s);
    QVERIFY(m_repository->create(webhook).ok());
    bool called = false;
    {
        QObject window;
        m_repository->removeInBackground(webhook, &window, [&called](const Result<void> &) { called = true; });
    }
    // The window is gone: its callback does not run, but the deletion is made and announced.
    QTRY_COMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toString(), webhook.id);
    QVERIFY(!called);
    QCOMPARE(m_repository->findById(webhook.id).code(), ErrorCode::NotFound);

    // Nor does the repository going away drop a change asked for: the worker finishes it first.
    QObject window;
    m_repository->changeInBackground(WebhookRepository::Change::Create, makeWebhook(u"Last words"_s), &window, {});
    m_repository.reset();
    WebhookRepository reader(*m_db.database);
    QTRY_VERIFY(reader.findByName(u"Last words"_s).ok());
}

void TestWebhookWrites::refusalIsReported()
{
    Webhook first = makeWebhook(u"Taken"_s);
    QVERIFY(m_repository->create(first).ok());
    std::optional<Result<Webhook>> saved;
    QObject window;
    m_repository->changeInBackground(WebhookRepository::Change::Create, makeWebhook(u"taken"_s), &window,
                                     [&saved](const Result<Webhook> &result) { saved = result; });
    QTRY_VERIFY(saved.has_value());
    QCOMPARE(saved->code(), ErrorCode::Invalid);
    QCOMPARE(saved->fieldErrors().first().field, FieldError::Field::Name);
    QVERIFY2(saved->message().contains(u"“Taken”"_s), qPrintable(saved->message()));
}

void TestWebhookWrites::unreachableDatabaseIsReported()
{
    // A worker whose database cannot be opened answers every job with the reason, and the next job tries again.
    // A folder that cannot exist, even for root: its parent is a file.
    QTemporaryFile file;
    QVERIFY(file.open());
    DatabaseWorker worker(DatabaseUrl::sqliteFile(file.fileName() + u"/webhooks.db"_s), {});
    std::optional<Result<int>> answer;
    QObject receiver;
    worker.run<int>([](Database &) -> Result<int> { return 42; }, &receiver,
                    [&answer](const Result<int> &result) { answer = result; });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!answer->ok());
    QCOMPARE(answer->code(), ErrorCode::Unavailable);
    QVERIFY(!answer->message().isEmpty());
}

QTEST_GUILESS_MAIN(TestWebhookWrites)
#include "tst_webhookwrites.moc"
