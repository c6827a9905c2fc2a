// The console's main window: the webhooks table with search, actions, menus and a status bar.
#pragma once

#include "ui/testsenddialog.h"

#include <QMainWindow>

#include <memory>

class ConsoleSettings;
class Database;
class DeliveriesView;
class DispatcherBanner;
class QTabWidget;
class DeliveryLog;
class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;
class WebhookRepository;
class PreviewWindow;
class WebhookSecrets;
class WebhookTableModel;
struct Webhook;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // services: everything the console's dialogs need besides the database; it must outlive the window.
    MainWindow(Database &database, const TestSendServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTableView *webhooksView() const { return m_view; }
    DeliveriesView *deliveriesView() const { return m_deliveriesView; }
    QTabWidget *tabs() const { return m_tabs; }
    DispatcherBanner *dispatcherBanner() const { return m_dispatcherBanner; }
    QLineEdit *searchEdit() const { return m_searchEdit; }
    WebhookTableModel *webhooksModel() const { return m_model; }

public slots:
    void newWebhook();
    void editSelected();
    void duplicateSelected();
    void toggleSelectedActive();
    void deleteSelected();
    void refresh();
    void showPreview();
    void manageSecret();
    void editSettings();
    void testSendSelected();
    void showDeliveryChart();
    void showDeliveriesOfSelected();
    void showTroubleshooting();
    void chooseAlertsChannel();
    void showQueueOfSelected();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // In mainwindowactions.cpp, with changeEvent() and showTroubleshooting().
    void createActions();
    void retranslate();
    void updateActions();
    void updatePlaceholder();
    void selectWebhook(const QString &id);
    void showError(const QString &message);
    int selectedRow() const;
    void openEditor(const Webhook &webhook);
    void refreshIfChangedElsewhere();
    void fitNameColumn();

    Database &m_database;
    TestSendServices m_services;
    WebhookRepository &m_repository;
    WebhookSecrets &m_secrets;
    PreviewWindow *m_previewWindow = nullptr;
    std::unique_ptr<DeliveryLog> m_deliveryLog;
    std::unique_ptr<ConsoleSettings> m_settings;
    WebhookTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_searchEdit;
    QStackedWidget *m_stack;
    QTimer *m_changePoll = nullptr;
    int m_nameColumnWidth = 0;   // chosen by the administrator (or restored); 0: the names' own width
    bool m_fittingNameColumn = false;
    std::optional<QString> m_changeStamp;
    QAction *m_viewDeliveriesAction = nullptr;
    QAction *m_troubleshootingAction = nullptr;
    QAction *m_alertsChannelAction = nullptr;
    QAction *m_queueAction = nullptr;
    QLabel *m_placeholder;
    QLabel *m_databaseLabel;
    QTabWidget *m_tabs;
    DeliveriesView *m_deliveriesView;
    DispatcherBanner *m_dispatcherBanner = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_webhookMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_toggleActiveAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_previewAction = nullptr;
    QAction *m_secretAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_testSendAction = nullptr;
    QAction *m_chartAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
};
