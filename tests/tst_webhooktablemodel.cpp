// The webhooks table model: QAbstractItemModelTester, masking, in-place refresh and enable/disable.
#include "models/storage/webhookrepository.h"
#include "models/itemmodels/webhooktablemodel.h"
#include "testsupport/webhookfixtures.h"

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
    void checkboxEnablesAndDisables();
    void staleToggleReportsConflict();
    void healthColumns();

private:
    OpenTestDatabase m_db;
    std::unique_ptr<WebhookRepository> m_repository;
};

void TestWebhookTableModel::init()
{
    m_db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    m_repository = std::make_unique<WebhookRepository>(*m_db.database);
    for (WebhookKind kind : WebhookKinds::all()) {
        Webhook w = makeWebhook(WebhookKinds::key(kind) + u" hook"_s, kind);
        QVERIFY(m_repository->create(w).ok());
    }
}

void TestWebhookTableModel::cleanup()
{
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
    QVERIFY(m_repository->update(changed).ok());
    Webhook added = makeWebhook(u"Added"_s);
    QVERIFY(m_repository->create(added).ok());
    QVERIFY(m_repository->remove(model.webhookAt(3)).ok());
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
    QCOMPARE(active.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(m_repository->findById(model.webhookAt(0).id)->active, false);
}

void TestWebhookTableModel::staleToggleReportsConflict()
{
    WebhookTableModel model(m_repository.get());
    model.refresh();
    Webhook elsewhere = model.webhookAt(0);
    elsewhere.description = u"changed on another workstation"_s;
    QVERIFY(m_repository->update(elsewhere).ok());
    QSignalSpy errors(&model, &WebhookTableModel::errorOccurred);
    QVERIFY(!model.setData(model.index(0, WebhookTableModel::ActiveColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(errors.size(), 1);
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
    QCOMPARE(colour(0), WebhookHealthColour::Grey);
}

QTEST_GUILESS_MAIN(TestWebhookTableModel)
#include "tst_webhooktablemodel.moc"
