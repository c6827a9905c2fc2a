// The main window's actions, menus and toolbar: made, named in the console's language, enabled by the selection.
#include "ui/mainwindow.h"

#include "models/domain/webhook.h"
#include "models/itemmodels/webhooktablemodel.h"
#include "models/storage/database.h"
#include "ui/consoleicons.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>

void MainWindow::createActions()
{
    auto action = [this](const char *objectName, QKeySequence shortcut, void (MainWindow::*slot)()) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(objectName));
        a->setShortcut(shortcut);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_newAction = action("newAction", QKeySequence::New, &MainWindow::newWebhook);
    m_newAction->setIcon(ConsoleIcons::named(QStringLiteral("document-new")));
    m_editAction = action("editAction", QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::editSelected);
    m_editAction->setIcon(ConsoleIcons::named(QStringLiteral("document-edit")));
    m_duplicateAction = action("duplicateAction", QKeySequence(Qt::CTRL | Qt::Key_D), &MainWindow::duplicateSelected);
    m_duplicateAction->setIcon(ConsoleIcons::named(QStringLiteral("edit-copy")));
    m_toggleActiveAction = action("toggleActiveAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                                  &MainWindow::toggleSelectedActive);
    m_deleteAction = action("deleteAction", QKeySequence::Delete, &MainWindow::deleteSelected);
    m_deleteAction->setIcon(ConsoleIcons::named(QStringLiteral("edit-delete")));
    m_refreshAction = action("refreshAction", QKeySequence::Refresh, &MainWindow::refresh);
    m_previewAction = action("previewAction", QKeySequence(Qt::CTRL | Qt::Key_P), &MainWindow::showPreview);
    m_secretAction = action("secretAction", QKeySequence(Qt::CTRL | Qt::Key_K), &MainWindow::manageSecret);
    m_settingsAction = action("settingsAction", QKeySequence::Preferences, &MainWindow::editSettings);
    m_testSendAction = action("testSendAction", QKeySequence(Qt::CTRL | Qt::Key_T), &MainWindow::testSendSelected);
    m_chartAction = action("chartAction", QKeySequence(Qt::CTRL | Qt::Key_H), &MainWindow::showDeliveryChart);
    m_viewDeliveriesAction = action("viewDeliveriesAction", QKeySequence(Qt::CTRL | Qt::Key_L),
                                    &MainWindow::showDeliveriesOfSelected);
    m_troubleshootingAction = action("troubleshootingAction", QKeySequence::HelpContents, &MainWindow::showTroubleshooting);
    m_alertsChannelAction = action("alertsChannelAction", QKeySequence(), &MainWindow::chooseAlertsChannel);
    m_queueAction = action("queueAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q), &MainWindow::showQueueOfSelected);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_previewAction->setIcon(ConsoleIcons::named(QStringLiteral("document-preview")));
    m_secretAction->setIcon(ConsoleIcons::named(QStringLiteral("dialog-password")));
    m_testSendAction->setIcon(ConsoleIcons::named(QStringLiteral("mail-send")));
    m_chartAction->setIcon(ConsoleIcons::named(QStringLiteral("office-chart-bar")));
    m_refreshAction->setIcon(ConsoleIcons::named(QStringLiteral("view-refresh")));
    m_findAction = new QAction(this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_searchEdit->setFocus();
        m_searchEdit->selectAll();
    });
    addAction(m_findAction);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    m_aboutAction = new QAction(this);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About goReporter Webhooks"),
                           tr("<b>goReporter Webhooks console</b> %1<p>Manages the webhooks through which goReporter "
                              "notifies Slack, Microsoft Teams, Epic and other services.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_refreshAction);
    m_fileMenu->addAction(m_settingsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_webhookMenu = menuBar()->addMenu(QString());
    m_webhookMenu->addActions({m_newAction, m_editAction, m_duplicateAction, m_toggleActiveAction});
    m_webhookMenu->addSeparator();
    m_webhookMenu->addActions({m_testSendAction, m_secretAction, m_previewAction, m_viewDeliveriesAction, m_queueAction,
                               m_chartAction});
    m_webhookMenu->addSeparator();
    m_webhookMenu->addAction(m_alertsChannelAction);
    m_webhookMenu->addSeparator();
    m_webhookMenu->addAction(m_deleteAction);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_troubleshootingAction);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_aboutAction);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addActions({m_newAction, m_editAction, m_duplicateAction, m_toggleActiveAction, m_deleteAction});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_testSendAction, m_secretAction, m_previewAction, m_chartAction});
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_refreshAction);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("goReporter Webhooks"));
    // Alt+W opens the Webhook menu; the tabs have letters of their own.
    m_tabs->setTabText(0, tr("Webhoo&ks"));
    m_tabs->setTabText(1, tr("&Deliveries"));
    m_fileMenu->setTitle(tr("&File"));
    m_webhookMenu->setTitle(tr("&Webhook"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Webhook actions"));
    m_newAction->setText(tr("&New…"));
    m_newAction->setToolTip(tr("Create a webhook (%1)").arg(m_newAction->shortcut().toString(QKeySequence::NativeText)));
    m_editAction->setText(tr("&Edit…"));
    m_duplicateAction->setText(tr("D&uplicate"));
    m_deleteAction->setText(tr("&Delete…"));
    m_refreshAction->setText(tr("&Refresh"));
    m_previewAction->setText(tr("&Preview…"));
    m_previewAction->setToolTip(tr("Show exactly what a webhook would send for a sample event"));
    m_secretAction->setText(tr("Signing &secret…"));
    m_settingsAction->setText(tr("&Settings…"));
    m_testSendAction->setText(tr("&Test send…"));
    m_chartAction->setText(tr("Delivery &chart…"));
    m_viewDeliveriesAction->setText(tr("View de&liveries"));
    m_viewDeliveriesAction->setToolTip(tr("Show the delivery log of the selected webhook"));
    m_troubleshootingAction->setText(tr("&Troubleshooting…"));
    m_alertsChannelAction->setText(tr("&Alerts channel…"));
    m_queueAction->setText(tr("Delivery &queue…"));
    m_queueAction->setToolTip(tr("What waits to be delivered to the selected webhook: retry now, cancel retries, "
                                 "replay failed events"));
    m_alertsChannelAction->setToolTip(tr("Choose the webhook that hears when any webhook keeps failing or is switched off"));
    m_chartAction->setToolTip(tr("Attempts per hour and latency of the selected webhook"));
    m_testSendAction->setToolTip(tr("Send a sample event to the selected webhook and see the answer"));
    m_quitAction->setText(tr("&Quit"));
    m_aboutAction->setText(tr("&About goReporter Webhooks"));
    m_searchEdit->setPlaceholderText(tr("Search webhooks by name, integration, endpoint or event (Ctrl+F)"));
    m_databaseLabel->setText(tr("Database: %1 · signed in as %2").arg(m_database.url().displayName(), m_database.actor()));
    updateActions();
    updatePlaceholder();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateActions()
{
    const int row = selectedRow();
    const bool selected = row >= 0;
    m_editAction->setEnabled(selected);
    m_duplicateAction->setEnabled(selected);
    m_deleteAction->setEnabled(selected);
    m_toggleActiveAction->setEnabled(selected);
    // Only generic webhooks are signed: Slack and Teams authenticate by their URL, Epic by its key pair.
    const bool signable = selected && m_model->webhookAt(row).kind == WebhookKind::Generic;
    m_secretAction->setEnabled(signable);
    m_secretAction->setToolTip(signable || !selected
                                   ? tr("Set, rotate or delete the secret that signs this webhook's requests")
                                   : tr("%1 webhooks are not signed: their URL (or, for Epic, the key pair) is the "
                                        "credential.")
                                         .arg(WebhookKinds::displayName(m_model->webhookAt(row).kind)));
    m_viewDeliveriesAction->setEnabled(selected);
    m_queueAction->setEnabled(selected);
    m_testSendAction->setEnabled(selected);
    m_chartAction->setEnabled(selected);
    const bool disables = selected && m_model->webhookAt(row).active;
    m_toggleActiveAction->setText(disables ? tr("Disa&ble") : tr("Ena&ble"));
    m_toggleActiveAction->setIcon(
        ConsoleIcons::named(disables ? QStringLiteral("media-playback-pause") : QStringLiteral("media-playback-start")));
}

void MainWindow::showTroubleshooting()
{
    QMessageBox box(QMessageBox::Information, tr("Troubleshooting"), QString(), QMessageBox::Close, this);
    box.setObjectName(QStringLiteral("troubleshootingBox"));
    box.setTextFormat(Qt::RichText);
    box.setText(tr("<p><b>A webhook does not fire</b></p>"
                   "<ol><li>Check that the webhook is active (the Active column).</li>"
                   "<li>Check that it subscribes to the event (Edit ▸ Events).</li>"
                   "<li>Open its delivery log (Webhook ▸ View deliveries, %1): each attempt shows the request, the "
                   "answer and what it means.</li>"
                   "<li>Send a test (Webhook ▸ Test send, %2) and read the diagnosis.</li></ol>"
                   "<p><b>Hear of failures before people miss notifications</b>: choose an alerts channel "
                   "(Webhook ▸ Alerts channel); the dispatcher tells it when a webhook keeps failing, is switched "
                   "off or delivers again.</p>"
                   "<p><b>Too many notifications</b>: subscribe to fewer events.</p>"
                   "<p><b>Signature checks fail at the receiver</b>: compare the secret's fingerprint (Webhook ▸ "
                   "Signing secret) with the receiver's, and check the receiver's clock (signatures carry a time).</p>"
                   "<p>The README that comes with the console describes every setting, the configuration file and "
                   "the command line.</p>")
                    .arg(m_viewDeliveriesAction->shortcut().toString(QKeySequence::NativeText),
                         m_testSendAction->shortcut().toString(QKeySequence::NativeText)));
    box.exec();
}
