// The webhooks table model: QAbstractItemModelTester, masking, in-place refresh, row-by-row changes, enable/disable.
#include "models/storage/deliveryrepository.h"
#include "models/storage/webhookrepository.h"
#include "models/itemmodels/webhooktablemodel.h"
#include "testsupport/modelsignals.h"
#include "testsupport/webhookfixtures.h"
#include "testsupport/resultchecks.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestWebhookTableModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void passesModelTester();
    void masksCredentialUrls();
    void refreshInsertsUpdatesAndRemovesInPlace();
    void savingOneWebhookChangesOnlyItsRow();
    void creatingAddsOneRow();
    void removingRemovesOnlyItsRow();
    void recordedAttemptRefreshesThatRowsHealth();
    void pollRereadsOnlyWhatChangedElsewhere();
    void checkboxEnablesAndDisables();
    void staleToggleReportsConflict();
    void healthColumns();

private:
    OpenTestDatabase m_db;
    std::unique_ptr<WebhookRepository> m_repository;
    // Another program on the same database: its changes reach the model only by re-reading.
    std::unique_ptr<WebhookRepository> m_elsewhere;
};

namespace {

QString wholeRow(int row)
{
    return ModelSignals::range(row, 0, WebhookTableModel::ColumnCount - 1);
}

QString healthOfRow(int row)
{
    return ModelSignals::range(row, WebhookTableModel::HealthColumn, WebhookTableModel::LastStatusColumn);
}

} // namespace

void TestWebhookTableModel::init()
{
    m_db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    m_repository = std::make_unique<WebhookRepository>(*m_db.database);
    m_elsewhere = std::make_unique<WebhookRepository>(*m_db.database);
    for (WebhookKind kind : WebhookKinds::all()) {
        Webhook w = makeWebhook(WebhookKinds::key(kind) + u" hook"_s, kind);
        QVERIFY(m_repository->create(w).ok());
    }
}

void TestWebhookTableModel::cleanup()
{
    m_elsewhere.reset();
    m_repository.reset();
    m_db = {};
}

void TestWebhookTableModel::passesModelTester()
{
    WebhookTableModel model(m_repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.refresh());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(WebhookTableModel::ColumnCount));
    Webhook extra = makeWebhook(u"Extra"_s);
    QVERIFY(m_repository->create(extra).ok());
    QVERIFY(model.refresh());
    QVERIFY(m_repository->remove(model.webhookAt(0)).ok());
    QVERIFY(model.refresh());
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.setData(model.index(0, WebhookTableModel::ActiveColumn), Qt::Unchecked, Qt::CheckStateRole));
}

void TestWebhookTableModel::masksCredentialUrls()
{
    WebhookTableModel model(m_repository.get());
    model.refresh();
    for (int row = 0; row < model.rowCount(); ++row) {
        const Webhook w = model.webhookAt(row);
        const QString shown = model.index(row, WebhookTableModel::EndpointColumn).data().toString();
        const QString tip = model.index(row, WebhookTableModel::EndpointColumn).data(Qt::ToolTipRole).toString();
        if (WebhookKinds::urlIsCredential(w.kind)) {
            QVERIFY2(!shown.contains(w.url.path()), qPrintable(shown));
            QVERIFY2(!tip.contains(w.url.path()), qPrintable(tip));
            QVERIFY(shown.contains(w.url.host()));
        } else {
            QCOMPARE(tip, w.url.toString());
        }
        QCOMPARE(model.index(row, WebhookTableModel::KindColumn).data(WebhookTableModel::KindKeyRole).toString(),
                 WebhookKinds::key(w.kind));
    }
}

void TestWebhookTableModel::refreshInsertsUpdatesAndRemovesInPlace()
{
    WebhookTableModel model(m_repository.get());
    model.refresh();
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

    Webhook changed = model.webhookAt(1);
    changed.description = u"edited elsewhere"_s;
    QVERIFY(m_elsewhere->update(changed).ok());
    Webhook added = makeWebhook(u"Added"_s);
    QVERIFY(m_elsewhere->create(added).ok());
    QVERIFY(m_elsewhere->remove(model.webhookAt(3)).ok());
    QCOMPARE(changes.size() + inserts.size() + removals.size(), 0);
    QVERIFY(model.refresh());

    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserts.size(), 1);
    QCOMPARE(removals.size(), 1);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(model.webhookAt(model.rowOfId(changed.id)).description, u"edited elsewhere"_s);
    QVERIFY(model.rowOfId(added.id) >= 0);
}

void TestWebhookTableModel::checkboxEnablesAndDisables()
{
    WebhookTableModel model(m_repository.get());
    model.refresh();
    const QModelIndex active = model.index(0, WebhookTableModel::ActiveColumn);
    QVERIFY(model.flags(active) & Qt::ItemIsUserCheckable);
    QCOMPARE(active.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(model.setData(active, Qt::Unchecked, Qt::CheckStateRole));
    // Stored in the background: the row follows once the database has it.
    QTRY_COMPARE(active.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(m_repository->findById(model.webhookAt(0).id)->active, false);
}

void TestWebhookTableModel::staleToggleReportsConflict()
{
    WebhookTableModel model(m_repository.get());
    model.refresh();
    Webhook elsewhere = model.webhookAt(0);
    elsewhere.description = u"changed on another workstation"_s;
    QVERIFY(m_elsewhere->update(elsewhere).ok());
    QSignalSpy errors(&model, &WebhookTableModel::errorOccurred);
    QVERIFY(model.setData(model.index(0, WebhookTableModel::ActiveColumn), Qt::Unchecked, Qt::CheckStateRole));
    QTRY_COMPARE(errors.size(), 1);
    QVERIFY(errors.first().first().toString().contains(u"while you were editing"_s));
    QCOMPARE(m_repository->findById(elsewhere.id)->active, true);
}

void TestWebhookTableModel::healthColumns()
{
    // Five webhooks with known histories: steady, failing, flaky, inactive, never delivered.
    QStringList ids;
    for (const QString &name : {u"Steady"_s, u"Failing"_s, u"Flaky"_s, u"Inactive"_s, u"Silent"_s}) {
        Webhook w = makeWebhook(name);
        w.active = name != u"Inactive"_s;
        QVERIFY(m_repository->create(w).ok());
        ids.append(w.id);
    }
    QList<GeneratedAttempt> rows;
    auto attempt = [&](int webhook, qint64 minutesAgo, bool success) {
        rows.append(makeAttempt(*m_repository->findById(ids.at(webhook)), minutesAgo, success, int(rows.size())));
    };
    for (int i = 0; i < 10; ++i)
        attempt(0, 30 + i, true);
    for (int i = 0; i < 5; ++i)
        attempt(1, 60 + i, true);
    for (int i = 0; i < 3; ++i)
        attempt(1, 10 + i, false);
    for (int i = 0; i < 20; ++i)
        attempt(2, 20 + i, i < 18); // the two oldest of 20 failed: 90 %, the last attempt fine
    attempt(3, 5, true);
    QString error;
    QVERIFY2(DeliveryGenerator::insert(*m_db.database, rows, &error), qPrintable(error));

    DeliveryLog log(*m_db.database);
    WebhookTableModel model(m_repository.get(), &log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.refresh());
    auto health = [&](int webhook, int column, int role = Qt::DisplayRole) {
        return model.index(model.rowOfId(ids.at(webhook)), column).data(role);
    };
    auto colour = [&](int webhook) {
        return WebhookHealthColour(health(webhook, WebhookTableModel::HealthColumn, WebhookTableModel::HealthColourRole).toInt());
    };
    QCOMPARE(colour(0), WebhookHealthColour::Green);
    QCOMPARE(health(0, WebhookTableModel::HealthColumn).toString(), u"Working"_s);
    QCOMPARE(health(0, WebhookTableModel::Success24hColumn).toString(), QLocale().toString(100.0, 'f', 1) + u" %"_s);
    QCOMPARE(health(0, WebhookTableModel::LastStatusColumn).toString(), u"200"_s);
    QCOMPARE(colour(1), WebhookHealthColour::Red);
    QCOMPARE(health(1, WebhookTableModel::LastStatusColumn).toString(), u"503"_s);
    QVERIFY(health(1, WebhookTableModel::HealthColumn, Qt::ToolTipRole).toString().contains(u"3"_s));
    QCOMPARE(colour(2), WebhookHealthColour::Yellow);
    QCOMPARE(health(2, WebhookTableModel::Success24hColumn).toString(), QLocale().toString(90.0, 'f', 1) + u" %"_s);
    QCOMPARE(colour(3), WebhookHealthColour::Grey);
    QCOMPARE(health(3, WebhookTableModel::HealthColumn).toString(), u"Inactive"_s);
    QCOMPARE(colour(4), WebhookHealthColour::Grey);
    QCOMPARE(health(4, WebhookTableModel::HealthColumn).toString(), u"No deliveries"_s);
    QCOMPARE(health(4, WebhookTableModel::LastTriggeredColumn).toString(), u"never"_s);

    // Thresholds are the administrator's: red only from five failures in a row, yellow below 85 %.
    model.setHealthThresholds({5, 0.85});
    QVERIFY(model.refresh());
    QCOMPARE(colour(1), WebhookHealthColour::Yellow);
    QCOMPARE(colour(2), WebhookHealthColour::Green);
    // Switching a webhook off greys it at once.
    QVERIFY(model.setData(model.index(model.rowOfId(ids.at(0)), WebhookTableModel::ActiveColumn), Qt::Unchecked,
                          Qt::CheckStateRole));
    QTRY_COMPARE(colour(0), WebhookHealthColour::Grey);
}

void TestWebhookTableModel::savingOneWebhookChangesOnlyItsRow()
{
    DeliveryLog log(*m_db.database);
    WebhookTableModel model(m_repository.get(), &log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.refresh());
    ModelSignals emitted(&model);

    Webhook edited = model.webhookAt(2);
    edited.description = u"edited in this console"_s;
    QVERIFY(m_repository->update(edited).ok());
    QCOMPARE(emitted.changedRanges(), QStringList{wholeRow(2)});
    QCOMPARE(model.webhookAt(2).description, u"edited in this console"_s);
    QCOMPARE(model.webhookAt(2).version, edited.version);

    // Switching it off is a save too: the row, with its health grey, and nothing else.
    emitted.clear();
    QVERIFY(m_repository->setActive(edited, false).ok());
    QCOMPARE(emitted.changedRanges(), QStringList{wholeRow(2)});
    QCOMPARE(model.index(2, WebhookTableModel::HealthColumn).data().toString(), u"Inactive"_s);
    QCOMPARE(emitted.structuralChanges(), 0);
}

void TestWebhookTableModel::creatingAddsOneRow()
{
    WebhookTableModel model(m_repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.refresh());
    ModelSignals emitted(&model);

    Webhook added = makeWebhook(u"Added here"_s);
    QVERIFY(m_repository->create(added).ok());
    Webhook copy;
    QVERIFY(m_repository->duplicate(added, &copy).ok());
    QCOMPARE(emitted.inserts.size(), 2);
    QCOMPARE(emitted.inserts.at(0).at(1).toInt(), 4);
    QCOMPARE(emitted.inserts.at(1).at(1).toInt(), 5);
    QCOMPARE(model.rowOfId(added.id), 4);
    QCOMPARE(model.rowOfId(copy.id), 5);
    QCOMPARE(emitted.changes.size(), 0);
    QCOMPARE(emitted.structuralChanges(), 2);
}

void TestWebhookTableModel::removingRemovesOnlyItsRow()
{
    WebhookTableModel model(m_repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.refresh());
    ModelSignals emitted(&model);

    const Webhook gone = model.webhookAt(1);
    QVERIFY(m_repository->remove(gone).ok());
    QCOMPARE(emitted.removals.size(), 1);
    QCOMPARE(emitted.removals.first().at(1).toInt(), 1);
    QCOMPARE(emitted.removals.first().at(2).toInt(), 1);
    QCOMPARE(model.rowOfId(gone.id), -1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(emitted.changes.size(), 0);
    QCOMPARE(emitted.structuralChanges(), 1);
}

void TestWebhookTableModel::recordedAttemptRefreshesThatRowsHealth()
{
    DeliveryLog log(*m_db.database);
    DeliveryRepository deliveries(*m_db.database);
    WebhookTableModel model(m_repository.get(), &log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.refresh());
    const int row = 3;
    const Webhook target = model.webhookAt(row);
    QCOMPARE(model.index(row, WebhookTableModel::HealthColumn).data().toString(), u"No deliveries"_s);
    ModelSignals emitted(&model);

    DeliveryRecord attempt;
    attempt.webhookId = target.id;
    attempt.webhookName = target.name;
    attempt.eventType = u"report.completed"_s;
    attempt.eventId = u"event-1"_s;
    attempt.messageId = u"msg_recorded-attempt"_s;
    attempt.requestUrl = target.maskedEndpoint();
    attempt.responseStatus = 503;
    attempt.error = u"http-5xx: HTTP 503"_s;
    attempt.startedAt = QDateTime::currentDateTimeUtc().addSecs(-1);
    attempt.finishedAt = QDateTime::currentDateTimeUtc();
    attempt.durationMs = 1000;
    QVERIFY_OK(deliveries.record(attempt));
    QCOMPARE(emitted.changes.size(), 0); // recording alone says nothing: the code that recorded announces it
    m_repository->noteAttemptRecorded(attempt);

    QCOMPARE(emitted.changedRanges(), QStringList{healthOfRow(row)});
    QCOMPARE(model.index(row, WebhookTableModel::HealthColumn).data().toString(), u"Failing"_s);
    QCOMPARE(model.index(row, WebhookTableModel::LastStatusColumn).data().toString(), u"503"_s);
    QCOMPARE(emitted.structuralChanges(), 0);
    // An attempt of a webhook the table does not show changes nothing.
    attempt.webhookId = u"not-a-webhook"_s;
    m_repository->noteAttemptRecorded(attempt);
    QCOMPARE(emitted.changes.size(), 1);
}

void TestWebhookTableModel::pollRereadsOnlyWhatChangedElsewhere()
{
    WebhookTableModel model(m_repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.refresh());
    // This console's own save is shown already; the poll that its new stamp causes reads nothing again.
    Webhook mine = model.webhookAt(0);
    mine.description = u"mine"_s;
    QVERIFY(m_repository->update(mine).ok());
    ModelSignals emitted(&model);
    QVERIFY(model.refreshChanged());
    QCOMPARE(emitted.changes.size() + emitted.structuralChanges(), 0);

    Webhook theirs = model.webhookAt(2);
    theirs.description = u"theirs"_s;
    QVERIFY(m_elsewhere->update(theirs).ok());
    const Webhook deleted = model.webhookAt(1);
    QVERIFY(m_elsewhere->remove(deleted).ok());
    Webhook added = makeWebhook(u"Added elsewhere"_s);
    QVERIFY(m_elsewhere->create(added).ok());
    QCOMPARE(emitted.changes.size() + emitted.structuralChanges(), 0);
    QVERIFY(model.refreshChanged());
    QCOMPARE(emitted.removals.size(), 1);
    QCOMPARE(emitted.removals.first().at(1).toInt(), 1);
    QCOMPARE(emitted.changedRanges(), QStringList{wholeRow(model.rowOfId(theirs.id))});
    QCOMPARE(model.webhookAt(model.rowOfId(theirs.id)).description, u"theirs"_s);
    QCOMPARE(emitted.inserts.size(), 1);
    QVERIFY(model.rowOfId(added.id) >= 0);
    QCOMPARE(emitted.structuralChanges(), 2);
}

QTEST_GUILESS_MAIN(TestWebhookTableModel)
#include "tst_webhooktablemodel.moc"
