// The webhooks table model: QAbstractItemModelTester, masking, in-place refresh and enable/disable.
#include "models/webhookrepository.h"
#include "models/webhooktablemodel.h"
#include "testsupport/webhookfixtures.h"

#include <QAbstractItemModelTester>
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

QTEST_GUILESS_MAIN(TestWebhookTableModel)
#include "tst_webhooktablemodel.moc"
