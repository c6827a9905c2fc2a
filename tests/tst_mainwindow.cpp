// The main window: table, search, actions, status bar and remembered state, plus a screenshot.
#include "models/storage/webhookrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "models/itemmodels/webhooktablemodel.h"
#include "testsupport/testmachine.h"
#include "testsupport/modaldialogs.h"
#include "testsupport/modelsignals.h"
#include "testsupport/webhookfixtures.h"
#include "models/itemmodels/deliverytablemodel.h"
#include "models/storage/dispatchsettings.h"
#include "ui/alertschanneldialog.h"
#include "models/storage/dispatcherregistry.h"
#include "models/domain/event.h"
#include "models/storage/eventoutbox.h"
#include "models/storage/dispatchqueue.h"
#include "ui/deliveriesview.h"
#include "ui/deliveryqueuedialog.h"
#include "ui/dispatcherbanner.h"
#include "ui/deliverychartdialog.h"
#include "ui/mainwindow.h"
#include "ui/previewwindow.h"
#include "ui/testsenddialog.h"
#include "ui/webhookeditordialog.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSqlQuery>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>
#include <QTranslator>
#include <QScopeGuard>
#include <QWidgetAction>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsWebhooksSortedByName();
    void searchFiltersAsYouType();
    void statusBarNamesDatabase();
    void toggleActiveFromTable();
    void duplicateAndDeleteFromTable();
    void emptyDatabaseShowsHowToStart();
    void remembersColumnLayout();
    void previewOpensForSelectedWebhook();
    void testSendOpensForSelectedWebhook();
    void chartOpensForSelectedWebhook();
    void screenshot();
    void iconsWithoutAnIconTheme();
    void signingSecretOnlyForSignedKinds();
    void viewDeliveriesOfSelected();
    void followsChangesMadeElsewhere();
    void savingInTheEditorChangesOnlyItsRow();
    void deletingRemovesOnlyItsRow();
    void testSendRefreshesOnlyItsHealth();
    void tableHasFocusSoShortcutsWork();
    void fitsASmallScreen_data();
    void fitsASmallScreen();
    void alertsChannelInOneStep();
    void bannerWhenNobodyDelivers();
    void deliveryQueueRetriesAndReplays();

private:
    QAction *action(MainWindow &window, const char *name) { return window.findChild<QAction *>(QLatin1String(name)); }
    void selectRow(MainWindow &window, int row)
    {
        window.webhooksView()->selectRow(row);
    }
    // Selects the webhook's row wherever the view's sorting put it; returns its row in the table model.
    int selectWebhook(MainWindow &window, const QString &id)
    {
        const int sourceRow = window.webhooksModel()->rowOfId(id);
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(window.webhooksView()->model());
        window.webhooksView()->selectRow(proxy->mapFromSource(window.webhooksModel()->index(sourceRow, 0)).row());
        return sourceRow;
    }

    OpenTestDatabase m_db;
    std::unique_ptr<WebhookRepository> m_repository;
    std::unique_ptr<TestCredentialStore> m_store;
    std::unique_ptr<WebhookSecrets> m_secrets;
    std::unique_ptr<DeliveryRepository> m_deliveries;
    std::unique_ptr<WebhookSender> m_sender;
    TestSendServices services()
    {
        return {*m_repository, *m_secrets, *m_store, DatabaseWorker(m_db.database->url(), m_db.database->password()), *m_sender};
    }
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"goReporter-test"_s);
    QSettings().clear();
}

void TestMainWindow::init()
{
    m_db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    m_repository = std::make_unique<WebhookRepository>(*m_db.database);
    m_store = std::make_unique<TestCredentialStore>(*m_db.database);
    m_secrets = std::make_unique<WebhookSecrets>(*m_store, *m_repository);
    m_deliveries = std::make_unique<DeliveryRepository>(*m_db.database);
    m_sender = std::make_unique<WebhookSender>();
    const QList<QPair<QString, WebhookKind>> hooks = {
        {u"Cardiology on-call (Teams)"_s, WebhookKind::Teams},
        {u"Epic Hyperspace North"_s, WebhookKind::Epic},
        {u"Device clinic monitoring"_s, WebhookKind::Slack},
        {u"Research data warehouse"_s, WebhookKind::Generic},
    };
    for (const auto &[name, kind] : hooks) {
        Webhook w = makeWebhook(name, kind);
        QVERIFY(m_repository->create(w).ok());
    }
}

void TestMainWindow::cleanup()
{
    m_sender.reset();
    m_deliveries.reset();
    m_secrets.reset();
    m_store.reset();
    m_repository.reset();
    m_db = {};
}

void TestMainWindow::listsWebhooksSortedByName()
{
    MainWindow window(*m_db.database, services());
    window.show();
    QAbstractItemModel *view = window.webhooksView()->model();
    QCOMPARE(view->rowCount(), 4);
    QCOMPARE(view->index(0, 0).data().toString(), u"Cardiology on-call (Teams)"_s);
    QCOMPARE(view->index(3, 0).data().toString(), u"Research data warehouse"_s);
    window.webhooksView()->sortByColumn(WebhookTableModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(view->index(0, 0).data().toString(), u"Research data warehouse"_s);
}

void TestMainWindow::searchFiltersAsYouType()
{
    MainWindow window(*m_db.database, services());
    window.show();
    QAbstractItemModel *view = window.webhooksView()->model();
    QTest::keyClicks(window.searchEdit(), u"epic"_s);
    QCOMPARE(view->rowCount(), 1);
    QCOMPARE(view->index(0, 0).data().toString(), u"Epic Hyperspace North"_s);
    window.searchEdit()->clear();
    // Events and integration types are searchable too.
    QTest::keyClicks(window.searchEdit(), u"battery.critical"_s);
    QCOMPARE(view->rowCount(), 1);
    QCOMPARE(view->index(0, 0).data().toString(), u"Device clinic monitoring"_s);
    window.searchEdit()->clear();
    QTest::keyClicks(window.searchEdit(), u"no such hook"_s);
    QCOMPARE(view->rowCount(), 0);
    auto *placeholder = window.findChild<QLabel *>(u"placeholder"_s);
    QVERIFY(placeholder->isVisible());
    QVERIFY(placeholder->text().contains(u"no such hook"_s));
}

void TestMainWindow::statusBarNamesDatabase()
{
    MainWindow window(*m_db.database, services());
    window.show();
    const QString text = window.findChild<QLabel *>(u"databaseLabel"_s)->text();
    QVERIFY2(text.contains(m_db.database->url().sqlitePath()), qPrintable(text));
    QVERIFY(text.contains(m_db.database->actor()));
}

void TestMainWindow::toggleActiveFromTable()
{
    MainWindow window(*m_db.database, services());
    window.show();
    QAction *toggle = action(window, "toggleActiveAction");
    QVERIFY(!toggle->isEnabled());
    selectRow(window, 0);
    QVERIFY(toggle->isEnabled());
    QCOMPARE(toggle->text(), u"Disa&ble"_s);
    // Switching a clinical alert channel off asks first; Cancel leaves it on.
    whenModalAppears([](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Cancel)->click(); });
    toggle->trigger();
    QCOMPARE(m_repository->findByName(u"Cardiology on-call (Teams)"_s)->active, true);
    whenModalAppears([](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Yes)->click(); });
    toggle->trigger();
    QTRY_COMPARE(m_repository->findByName(u"Cardiology on-call (Teams)"_s)->active, false);
    QTRY_VERIFY2(window.statusBar()->currentMessage().contains(u"is disabled"_s), qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(toggle->text(), u"Ena&ble"_s);
    toggle->trigger();
    QTRY_COMPARE(m_repository->findByName(u"Cardiology on-call (Teams)"_s)->active, true);
}

void TestMainWindow::duplicateAndDeleteFromTable()
{
    MainWindow window(*m_db.database, services());
    window.show();
    selectRow(window, 1);
    action(window, "duplicateAction")->trigger();
    // Once stored, the copy is selected, so Delete removes the copy after confirmation.
    auto selectedName = [&window] {
        const QModelIndexList rows = window.webhooksView()->selectionModel()->selectedRows();
        return rows.isEmpty() ? QString() : rows.first().data().toString();
    };
    QTRY_COMPARE(selectedName(), u"Device clinic monitoring (copy)"_s);
    QCOMPARE(m_repository->all()->size(), 5);
    whenModalAppears([](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Yes)->click(); });
    action(window, "deleteAction")->trigger();
    QTRY_COMPARE(m_repository->all()->size(), 4);
    QVERIFY(!m_repository->findByName(u"Device clinic monitoring (copy)"_s));
}

void TestMainWindow::emptyDatabaseShowsHowToStart()
{
    const QList<Webhook> all = *m_repository->all();
    for (const Webhook &w : all)
        QVERIFY(m_repository->remove(w).ok());
    MainWindow window(*m_db.database, services());
    window.show();
    auto *placeholder = window.findChild<QLabel *>(u"placeholder"_s);
    QVERIFY(placeholder->isVisible());
    QVERIFY(placeholder->text().contains(u"No webhooks yet"_s));
}

void TestMainWindow::remembersColumnLayout()
{
    {
        MainWindow window(*m_db.database, services());
        window.show();
        window.webhooksView()->horizontalHeader()->resizeSection(WebhookTableModel::NameColumn, 333);
        window.close();
    }
    MainWindow window(*m_db.database, services());
    window.show();
    QCOMPARE(window.webhooksView()->horizontalHeader()->sectionSize(WebhookTableModel::NameColumn), 333);
}

void TestMainWindow::previewOpensForSelectedWebhook()
{
    MainWindow window(*m_db.database, services());
    window.show();
    selectRow(window, 2); // Epic Hyperspace North
    action(window, "previewAction")->trigger();
    auto *preview = window.findChild<PreviewWindow *>(u"previewWindow"_s);
    QVERIFY(preview);
    QVERIFY(preview->isVisible());
    QCOMPARE(preview->kind(), WebhookKind::Epic);
    action(window, "previewAction")->trigger();
    QCOMPARE(window.findChildren<PreviewWindow *>().size(), 1);
}

void TestMainWindow::testSendOpensForSelectedWebhook()
{
    MainWindow window(*m_db.database, services());
    window.show();
    QVERIFY(!action(window, "testSendAction")->isEnabled());
    selectRow(window, 3); // Research data warehouse
    action(window, "testSendAction")->trigger();
    auto *dialog = window.findChild<TestSendDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->webhook().name, u"Research data warehouse"_s);
    dialog->close();
}

void TestMainWindow::chartOpensForSelectedWebhook()
{
    MainWindow window(*m_db.database, services());
    window.show();
    QVERIFY(!action(window, "chartAction")->isEnabled());
    selectRow(window, 0);
    action(window, "chartAction")->trigger();
    auto *dialog = window.findChild<DeliveryChartDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->close();
}

void TestMainWindow::screenshot()
{
    QSettings().clear();
    // A morning's history: Teams steady, Slack failing since a few minutes, Epic flaky, the warehouse silent.
    QList<GeneratedAttempt> rows;
    const QList<Webhook> hooks = *m_repository->all();
    for (int i = 0; i < 40; ++i)
        rows.append(makeAttempt(hooks.at(0), 5 + i * 20, true, int(rows.size())));
    for (int i = 0; i < 12; ++i)
        rows.append(makeAttempt(hooks.at(1), 2 + i * 30, i >= 4, int(rows.size())));
    for (int i = 0; i < 30; ++i)
        rows.append(makeAttempt(hooks.at(2), 3 + i * 25, i % 7 != 3, int(rows.size())));
    QString error;
    QVERIFY2(DeliveryGenerator::insert(*m_db.database, rows, &error), qPrintable(error));
    MainWindow window(*m_db.database, services());
    window.resize(1500, 700);
    window.show();
    selectRow(window, 2);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString folder = QDir(QCoreApplication::applicationDirPath()).filePath(u"screenshots"_s);
    QDir().mkpath(folder);
    QVERIFY(window.grab().save(folder + u"/main-window.png"_s));

    // The delivery log of the same attempts, with a failed one selected.
    window.tabs()->setCurrentWidget(window.deliveriesView());
    auto *table = window.deliveriesView()->findChild<QTableView *>();
    QVERIFY(table);
    QTRY_COMPARE(table->model()->rowCount(), rows.size());
    QTRY_VERIFY(table->model()->index(0, 0).data(DeliveryTableModel::LoadedRole).toBool());
    table->selectRow(0);
    QTest::qWait(200); // let the detail pane lay out before the picture; nothing is asserted on it
    QVERIFY(window.grab().save(folder + u"/main-window-deliveries.png"_s));
}

void TestMainWindow::iconsWithoutAnIconTheme()
{
    // A machine without an icon theme still shows every toolbar icon: the console ships its own.
    const QString theme = QIcon::themeName();
    const QStringList paths = QIcon::themeSearchPaths();
    QIcon::setThemeSearchPaths({});
    QIcon::setThemeName(u"no-such-theme"_s);
    {
        MainWindow window(*m_db.database, services());
        window.show();
        const QList<QToolBar *> toolBars = window.findChildren<QToolBar *>();
        QVERIFY(!toolBars.isEmpty());
        int withIcon = 0;
        for (QToolBar *toolBar : toolBars) {
            for (QAction *a : toolBar->actions()) {
                if (a->isSeparator())
                    continue;
                // Every button of the toolbar has a picture, from the theme or the console's own.
                if (!qobject_cast<QWidgetAction *>(a))
                    QVERIFY2(!a->icon().pixmap(24, 24).isNull(), qPrintable(a->objectName()));
                withIcon += a->icon().isNull() ? 0 : 1;
            }
        }
        QVERIFY(withIcon >= 8);
    }
    QIcon::setThemeSearchPaths(paths);
    QIcon::setThemeName(theme);
}

void TestMainWindow::signingSecretOnlyForSignedKinds()
{
    MainWindow window(*m_db.database, services());
    window.show();
    QAbstractItemModel *view = window.webhooksView()->model();
    for (int row = 0; row < view->rowCount(); ++row) {
        window.webhooksView()->selectRow(row);
        const bool generic = view->index(row, 0).data().toString() == u"Research data warehouse"_s;
        QCOMPARE(action(window, "secretAction")->isEnabled(), generic);
        if (!generic)
            QVERIFY(action(window, "secretAction")->toolTip().contains(u"not signed"_s));
    }
}

void TestMainWindow::viewDeliveriesOfSelected()
{
    MainWindow window(*m_db.database, services());
    window.show();
    window.webhooksView()->selectRow(1);
    const QString name = window.webhooksView()->model()->index(1, 0).data().toString();
    action(window, "viewDeliveriesAction")->trigger();
    QCOMPARE(window.tabs()->currentWidget(), window.deliveriesView());
    QCOMPARE(window.deliveriesView()->filter().webhook, name);
}

void TestMainWindow::followsChangesMadeElsewhere()
{
    MainWindow window(*m_db.database, services());
    window.show();
    QAbstractItemModel *view = window.webhooksView()->model();
    QCOMPARE(view->rowCount(), 4);
    // Another workstation (its own connection) adds a webhook.
    Database other;
    QVERIFY(other.open(m_db.database->url(), m_db.database->password()));
    WebhookRepository otherRepository(other);
    Webhook added = makeWebhook(u"Added elsewhere"_s);
    QVERIFY(otherRepository.create(added).ok());
    QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), 5, 10000);
}

void TestMainWindow::savingInTheEditorChangesOnlyItsRow()
{
    MainWindow window(*m_db.database, services());
    window.show();
    WebhookTableModel *model = window.webhooksModel();
    const Webhook edited = *m_repository->findByName(u"Epic Hyperspace North"_s);
    const int row = selectWebhook(window, edited.id);
    ModelSignals emitted(model);

    whenModalAppears([](QWidget *modal) {
        auto *editor = qobject_cast<WebhookEditorDialog *>(modal);
        QVERIFY(editor);
        editor->findChild<QPlainTextEdit *>(u"descriptionEdit"_s)->setPlainText(u"Reports for the north campus"_s);
        editor->findChild<QPushButton *>(u"saveButton"_s)->click();
    });
    action(window, "editAction")->trigger();

    QCOMPARE(m_repository->findById(edited.id)->description, u"Reports for the north campus"_s);
    QCOMPARE(emitted.changedRanges(), QStringList{ModelSignals::range(row, 0, WebhookTableModel::ColumnCount - 1)});
    QCOMPARE(model->webhookAt(row).description, u"Reports for the north campus"_s);
    QCOMPARE(emitted.structuralChanges(), 0);
    QVERIFY(window.statusBar()->currentMessage().contains(u"Saved"_s));
}

void TestMainWindow::deletingRemovesOnlyItsRow()
{
    MainWindow window(*m_db.database, services());
    window.show();
    WebhookTableModel *model = window.webhooksModel();
    const Webhook gone = *m_repository->findByName(u"Device clinic monitoring"_s);
    const int row = selectWebhook(window, gone.id);
    ModelSignals emitted(model);

    whenModalAppears([](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Yes)->click(); });
    action(window, "deleteAction")->trigger();

    QTRY_COMPARE(emitted.removals.size(), 1);
    QCOMPARE(emitted.removals.first().at(1).toInt(), row);
    QCOMPARE(emitted.removals.first().at(2).toInt(), row);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->rowOfId(gone.id), -1);
    QCOMPARE(emitted.changes.size(), 0);
    QCOMPARE(emitted.structuralChanges(), 1);
}

void TestMainWindow::testSendRefreshesOnlyItsHealth()
{
    // A receiver that is not there: the test-send fails at once and is recorded as a failed attempt.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    Webhook target = makeWebhook(u"Ward display (test receiver)"_s, WebhookKind::Teams);
    target.url = QUrl(u"http://127.0.0.1:%1/hook"_s.arg(port));
    target.allowLoopbackHttp = true;
    QVERIFY(m_repository->create(target).ok());

    MainWindow window(*m_db.database, services());
    window.show();
    WebhookTableModel *model = window.webhooksModel();
    const int row = selectWebhook(window, target.id);
    QCOMPARE(model->index(row, WebhookTableModel::HealthColumn).data().toString(), u"No deliveries"_s);
    ModelSignals emitted(model);

    action(window, "testSendAction")->trigger();
    auto *dialog = window.findChild<TestSendDialog *>();
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &TestSendDialog::sendFinished);
    dialog->sendButton()->click();
    QVERIFY(finished.wait(30000));
    QVERIFY(dialog->lastRecord() && dialog->lastRecord()->id != 0);

    QCOMPARE(emitted.changedRanges(), QStringList{ModelSignals::range(row, WebhookTableModel::HealthColumn,
                                                                      WebhookTableModel::LastStatusColumn)});
    QCOMPARE(model->index(row, WebhookTableModel::HealthColumn).data().toString(), u"Failing"_s);
    QCOMPARE(emitted.structuralChanges(), 0);
    dialog->close();
}

void TestMainWindow::tableHasFocusSoShortcutsWork()
{
    MainWindow window(*m_db.database, services());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(QApplication::focusWidget(), window.webhooksView());
}

void TestMainWindow::fitsASmallScreen_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("German") << u"de"_s;  // longer words
}

void TestMainWindow::fitsASmallScreen()
{
    // 1024×700 less a window frame: every tab must fit, so that nothing is off-screen on a small workstation, in
    // every language of the console.
    QFETCH(QString, language);
    QTranslator translator;
    if (!language.isEmpty()) {
        QVERIFY2(translator.load(u"goreporter_"_s + language, u":/i18n"_s), "the catalogue is not embedded");
        QCoreApplication::installTranslator(&translator);
    }
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
    const QSize room(1024 - 16, 700 - 48);
    Webhook longName = makeWebhook(u"Epic Hyperspace North — DiagnosticReports for the device clinic"_s, WebhookKind::Epic);
    QVERIFY(m_repository->create(longName).ok());
    MainWindow window(*m_db.database, services());
    window.show();
    QStringList tooWide;
    for (QWidget *widget : window.findChildren<QWidget *>()) {
        const QSize minimum = widget->minimumSizeHint().expandedTo(widget->minimumSize());
        if (widget->isVisibleTo(&window) && (minimum.width() > room.width() || minimum.height() > room.height()))
            tooWide << u"%1 (%2) %3×%4"_s.arg(widget->objectName(), QLatin1String(widget->metaObject()->className()))
                           .arg(minimum.width()).arg(minimum.height());
    }
    const QSize minimum = window.minimumSizeHint();
    QVERIFY2(minimum.width() <= room.width() && minimum.height() <= room.height(),
             qPrintable(u"the window needs %1×%2: "_s.arg(minimum.width()).arg(minimum.height()) + tooWide.join(u", "_s)));
    // The name, not the last column, takes the spare width of a wide window: the columns fill the table.
    QHeaderView *header = window.webhooksView()->horizontalHeader();
    const int nameBefore = header->sectionSize(WebhookTableModel::NameColumn);
    const int lastBefore = header->sectionSize(WebhookTableModel::ChangedColumn);
    window.resize(2400, 700);
    QTRY_VERIFY(header->sectionSize(WebhookTableModel::NameColumn) > nameBefore);
    QCOMPARE(header->sectionSize(WebhookTableModel::ChangedColumn), lastBefore);
    QVERIFY(header->length() >= window.webhooksView()->viewport()->width());
}

void TestMainWindow::alertsChannelInOneStep()
{
    MainWindow window(*m_db.database, services());
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<Webhook> hooks = *m_repository->all();
    auto byName = [&hooks](const QString &name) {
        return *std::find_if(hooks.cbegin(), hooks.cend(), [&name](const Webhook &w) { return w.name == name; });
    };
    const Webhook teams = byName(u"Cardiology on-call (Teams)"_s);
    bool checked = false;
    QString offered;
    whenModalAppears([&](QWidget *modal) {
        auto *dialog = qobject_cast<AlertsChannelDialog *>(modal);
        QVERIFY(dialog);
        auto *channel = dialog->findChild<QComboBox *>(u"alertsChannel"_s);
        auto *link = dialog->findChild<QLineEdit *>(u"alertsLink"_s);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        auto *status = dialog->findChild<QLabel *>(u"alertsStatus"_s);
        // Nothing chosen yet: nothing to confirm. Epic takes DiagnosticReports only, so it is not offered.
        QVERIFY(!ok->isEnabled());
        for (int i = 1; i < channel->count(); ++i)
            offered += channel->itemText(i) + u';';
        QTRY_VERIFY(link->isEnabled()); // the stored setting was read
        channel->setCurrentIndex(channel->findData(teams.id));
        QVERIFY(ok->isEnabled());
        // All four alerts for a webhook that had none; one left out here.
        QVERIFY(dialog->findChild<QCheckBox *>(u"webhook.recovered"_s)->isChecked());
        dialog->findChild<QCheckBox *>(u"webhook.recovered"_s)->setChecked(false);
        // A link that no dispatcher could use is refused by name, and the dialog stays.
        link->setText(u"ftp://intranet/runbook"_s);
        ok->click();
        QVERIFY2(status->text().contains(u"link"_s), qPrintable(status->text()));
        QVERIFY(dialog->isVisible());
        link->setText(u"https://intranet.example.org/runbooks/webhooks"_s);
        const QString folder = QDir(QCoreApplication::applicationDirPath()).filePath(u"screenshots"_s);
        QDir().mkpath(folder);
        dialog->grab().save(folder + u"/alerts-channel.png"_s);
        ok->click();
        checked = true;
    });
    action(window, "alertsChannelAction")->trigger();
    QVERIFY(checked);
    QVERIFY2(!offered.contains(u"Epic"_s), qPrintable(offered));
    QVERIFY2(offered.contains(u"Device clinic monitoring"_s), qPrintable(offered));
    // Stored: the subscription as an audited change of the webhook, the link in the dispatch settings.
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(u"Alerts go to “Cardiology on-call (Teams)”"_s));
    const Webhook stored = *m_repository->findById(teams.id);
    for (const QString &type : {u"webhook.failing"_s, u"webhook.disabled"_s, u"delivery.exhausted"_s})
        QVERIFY2(stored.events.contains(type), qPrintable(stored.events.join(u',')));
    QVERIFY(!stored.events.contains(u"webhook.recovered"_s));
    for (const QString &event : teams.events)
        QVERIFY(stored.events.contains(event)); // what it received before stays
    const Result<QHash<QString, QJsonObject>> settings = DispatchSettings(*m_db.database).values();
    QVERIFY(settings);
    QCOMPARE(settings->value(u"alerts"_s).value(u"link"_s).toString(), u"https://intranet.example.org/runbooks/webhooks"_s);

    // Opened again, it shows the channel as it is now.
    whenModalAppears([&](QWidget *modal) {
        auto *channel = modal->findChild<QComboBox *>(u"alertsChannel"_s);
        QCOMPARE(channel->currentData().toString(), teams.id);
        QVERIFY(!modal->findChild<QCheckBox *>(u"webhook.recovered"_s)->isChecked());
        QTRY_COMPARE(modal->findChild<QLineEdit *>(u"alertsLink"_s)->text(),
                     u"https://intranet.example.org/runbooks/webhooks"_s);
        qobject_cast<QDialog *>(modal)->reject();
    });
    action(window, "alertsChannelAction")->trigger();
}

void TestMainWindow::bannerWhenNobodyDelivers()
{
    // English as the program speaks it, with its plural forms.
    QTranslator english;
    QVERIFY(english.load(u"goreporter_en"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&english);
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&english); });
    MainWindow window(*m_db.database, services());
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    DispatcherBanner *banner = window.dispatcherBanner();
    auto *text = banner->findChild<QLabel *>(u"dispatcherBannerText"_s);
    // Nothing waits and no dispatcher was ever here: said in the status bar, no alarm.
    QTRY_COMPARE(banner->statusLabel()->text(), u"No dispatcher running · nothing due"_s);
    QVERIFY(!banner->isVisible());

    // An event for a subscribed webhook, and nobody to deliver it.
    Event event = EventSamples::sample(u"battery.critical"_s);
    event.id = u"evt-banner"_s;
    const Result<AddedEvent> added = EventOutbox(*m_db.database).add(event);
    QVERIFY(added && added->queued > 0);
    banner->refresh();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(text->text().startsWith(u"No dispatcher is running: events are not being delivered."_s), qPrintable(text->text()));
    QVERIFY2(text->text().contains(u"waiting, since"_s), qPrintable(text->text()));
    const QString folder = QDir(QCoreApplication::applicationDirPath()).filePath(u"screenshots"_s);
    QDir().mkpath(folder);
    QVERIFY(window.grab().save(folder + u"/main-window-no-dispatcher.png"_s));

    // A dispatcher comes: the banner goes, the status bar names it.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    DispatcherRegistry registry(*m_db.database);
    QVERIFY(registry.enter({u"ward-server:4242"_s, u"ward-server"_s, 4242, u"1.0.0"_s, now, now}, now));
    QVERIFY(registry.heartbeat(u"ward-server:4242"_s, now));
    banner->refresh();
    QTRY_VERIFY(!banner->isVisible());
    QVERIFY2(banner->statusLabel()->text().startsWith(u"1 dispatcher running · "_s), qPrintable(banner->statusLabel()->text()));
    QVERIFY2(banner->statusLabel()->text().contains(u"1 due, for"_s), qPrintable(banner->statusLabel()->text()));
    QVERIFY2(banner->statusLabel()->toolTip().contains(u"ward-server (process 4242, version 1.0.0)"_s),
             qPrintable(banner->statusLabel()->toolTip()));

    // Killed without leaving: its row stays with an old heartbeat, and the banner says since when.
    QVERIFY(registry.heartbeat(u"ward-server:4242"_s, now.addSecs(-5 * 60)));
    banner->refresh();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(text->text().startsWith(u"No dispatcher has been seen for 5 min: events are not being delivered."_s),
             qPrintable(text->text()));
}

void TestMainWindow::deliveryQueueRetriesAndReplays()
{
    QTranslator english;
    QVERIFY(english.load(u"goreporter_en"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&english);
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&english); });
    // Device clinic monitoring (Slack) takes battery.critical: two events, one retrying, one given up on.
    const QList<Webhook> hooks = *m_repository->all();
    const Webhook slack = *std::find_if(hooks.cbegin(), hooks.cend(),
                                        [](const Webhook &w) { return w.kind == WebhookKind::Slack; });
    for (const QString &id : {u"evt-q1"_s, u"evt-q2"_s}) {
        Event event = EventSamples::sample(u"battery.critical"_s);
        event.id = id;
        QVERIFY(EventOutbox(*m_db.database).add(event));
    }
    DispatchQueue queue(*m_db.database);
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(1);
    const Result<QList<ClaimedDelivery>> claimed = queue.claim(u"ward-server:1"_s, 2, now, 10000);
    QVERIFY(claimed && claimed->size() == 2);
    DeliverySettlement retry;
    retry.state = DeliverySettlement::State::RetryAt;
    retry.nextAttemptAt = now.addSecs(1800);
    retry.lastError = u"transient: http-5xx: HTTP 503"_s;
    QVERIFY(queue.settle(claimed->at(0), u"ward-server:1"_s, retry));
    DeliverySettlement failed;
    failed.lastError = u"exhausted: http-5xx: HTTP 503"_s;
    QVERIFY(queue.settle(claimed->at(1), u"ward-server:1"_s, failed));

    MainWindow window(*m_db.database, services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    selectWebhook(window, slack.id);
    action(window, "queueAction")->trigger();
    auto *dialog = window.findChild<DeliveryQueueDialog *>();
    QVERIFY(dialog);
    auto *summary = dialog->findChild<QLabel *>(u"queueSummary"_s);
    QTRY_COMPARE(summary->text(), u"Queued for a first attempt: 0 · retrying: 1 · failed: 1 · missed while disabled: 0"_s);
    QVERIFY2(dialog->findChild<QLabel *>(u"queueRetrying"_s)->text().contains(u"1 of 8 attempts"_s),
             qPrintable(dialog->findChild<QLabel *>(u"queueRetrying"_s)->text()));
    QTRY_COMPARE(dialog->findChild<QLabel *>(u"replayCount"_s)->text(), u"1 failed event in this range."_s);
    const QString folder = QDir(QCoreApplication::applicationDirPath()).filePath(u"screenshots"_s);
    QDir().mkpath(folder);
    QVERIFY(dialog->grab().save(folder + u"/delivery-queue.png"_s));

    // Retry now: due at once, audited.
    auto *status = dialog->findChild<QLabel *>(u"queueStatus"_s);
    dialog->findChild<QPushButton *>(u"retryNowButton"_s)->click();
    QTRY_VERIFY2(status->text().startsWith(u"1 delivery due now"_s), qPrintable(status->text()));
    QTRY_VERIFY(!dialog->findChild<QPushButton *>(u"retryNowButton"_s)->isEnabled()); // due: nothing waits
    // Replay failed of the last day: the given-up event is due again.
    QTRY_VERIFY(dialog->findChild<QPushButton *>(u"replayButton"_s)->isEnabled());
    dialog->findChild<QPushButton *>(u"replayButton"_s)->click();
    QTRY_VERIFY2(status->text().startsWith(u"1 failed event due again"_s), qPrintable(status->text()));
    QTRY_COMPARE(summary->text(), u"Queued for a first attempt: 1 · retrying: 1 · failed: 0 · missed while disabled: 0"_s);
    // A range that ends before it begins replays nothing.
    dialog->findChild<QDateTimeEdit *>(u"replayTo"_s)->setDateTime(QDateTime::currentDateTime().addDays(-2));
    QVERIFY(!dialog->findChild<QPushButton *>(u"replayButton"_s)->isEnabled());
    QCOMPARE(dialog->findChild<QLabel *>(u"replayCount"_s)->text(), u"The range ends before it begins."_s);

    const QPointer<DeliveryQueueDialog> first = dialog;
    dialog->close();
    QTRY_VERIFY(!first); // deleted on close

    // An event that came while the webhook was disabled is offered for replay once it is enabled again.
    Webhook stored = *m_repository->findById(slack.id);
    QVERIFY(m_repository->setActive(stored, false));
    Event missed = EventSamples::sample(u"battery.critical"_s);
    missed.id = u"evt-q3"_s;
    QVERIFY(EventOutbox(*m_db.database).add(missed));
    QVERIFY(m_repository->setActive(stored, true));
    QTRY_VERIFY(window.webhooksModel()->webhookAt(window.webhooksModel()->rowOfId(slack.id)).active);
    selectWebhook(window, slack.id);
    action(window, "queueAction")->trigger();
    DeliveryQueueDialog *again = nullptr;
    QTRY_VERIFY((again = window.findChild<DeliveryQueueDialog *>()) != nullptr);
    QTRY_COMPARE(again->findChild<QLabel *>(u"missedCount"_s)->text(),
                 u"1 event missed while the webhook was disabled, since the range's start."_s);
    again->findChild<QPushButton *>(u"replayMissedButton"_s)->click();
    auto *againStatus = again->findChild<QLabel *>(u"queueStatus"_s);
    QTRY_VERIFY2(againStatus->text().startsWith(u"1 missed event due now"_s), qPrintable(againStatus->text()));
    again->close();

    QSqlQuery audit(m_db.database->connection());
    QVERIFY(audit.exec(u"SELECT action, entity_name FROM audit_log"
                       " WHERE action IN ('retry-now', 'replay-failed', 'replay-missed') ORDER BY id"_s));
    QStringList trail;
    while (audit.next())
        trail << audit.value(0).toString() + u' ' + audit.value(1).toString();
    QCOMPARE(trail, (QStringList{u"retry-now "_s + slack.name, u"replay-failed "_s + slack.name,
                                 u"replay-missed "_s + slack.name}));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
