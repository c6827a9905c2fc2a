// The deliveries tab: filter the delivery log, read an attempt in full, redeliver, export and purge.
#pragma once

#include "models/storage/databaseurl.h"
#include "models/storage/deliveryfilter.h"
#include "models/storage/deliverylog.h"
#include "models/itemmodels/deliverytablemodel.h"
#include "network/delivery/redelivery.h"
#include "models/storage/deliverylistener.h"
#include "ui/deliveriestable.h"
#include "ui/deliverytaskpanel.h"
#include "ui/testsenddialog.h"

#include <QWidget>

#include <memory>
#include <optional>

class ConsoleSettings;
class Database;
class DeliveryDetailPane;
class DeliveryFilterBar;
class DeliveryLogJobs;
class DeliveryRedeliveries;
class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolBar;

// The table is a window onto the log (DeliveryTableModel loads it block by block in its own thread), never a
// proxy over all rows. New attempts come in by themselves: on PostgreSQL when the database notifies (a
// listener on its own connection), on SQLite by polling, and by polling on PostgreSQL too while the listener
// has lost its connection. Redelivery (DeliveryRedeliveries) and export and purge (DeliveryLogJobs) run one
// task at a time, with progress and Cancel under the filter (DeliveryTaskPanel).
class DeliveriesView : public QWidget
{
    Q_OBJECT
public:
    struct Options
    {
        DeliveryTableModel::Options model;
        DeliveryListener::Options listener;
        int pollIntervalMs = 2000;        // SQLite, and PostgreSQL while not listening
        int searchDelayMs = 300;          // the free-text search waits for a pause in typing
        int purgeBatchSize = 5000;
        int exportPageSize = 500;
        double redeliveriesPerSecond = BulkRedelivery::DefaultMaxPerSecond;
    };

    using Task = DeliveryTaskPanel::Task;

    // url and password: the table model, the listener and the background tasks open connections of their own.
    // database: this thread's open connection, for an attempt's detail and timeline and for redelivery.
    // services: the webhook list, and what redelivery needs (keychain, sender); settings: the retention days.
    // Everything must outlive the view.
    DeliveriesView(const DatabaseUrl &url, const QString &password, Database &database,
                   const TestSendServices &services, ConsoleSettings &settings, QWidget *parent = nullptr);
    DeliveriesView(const DatabaseUrl &url, const QString &password, Database &database,
                   const TestSendServices &services, ConsoleSettings &settings, const Options &options,
                   QWidget *parent = nullptr);
    ~DeliveriesView() override;

    DeliveryFilter filter() const;
    void setFilter(const DeliveryFilter &filter);
    // Reads the webhook names for the filter again (after webhooks were added, renamed or deleted).
    void refreshWebhooks();

    // Shows the attempt in the detail pane, and selects it in the table when the filter includes it.
    void showAttempt(qint64 id, qint64 startedAtMs);
    std::optional<qint64> selectedId() const;

    Task runningTask() const { return m_taskPanel->task(); }
    bool isListening() const { return m_listener && m_listener->isListening(); }
    DeliveryListener *listener() const { return m_listener; }

    DeliveryTableModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    DeliveryFilterBar *filterBar() const { return m_filterBar; }
    DeliveryDetailPane *detailPane() const { return m_detail; }
    QLabel *countLabel() const { return m_countLabel; }
    QLabel *stateLabel() const { return m_stateLabel; }
    QPushButton *retryButton() const { return m_retryButton; }
    QLabel *emptyLabel() const { return m_emptyLabel; }
    bool isEmptyStateShown() const;
    QLabel *liveLabel() const { return m_liveLabel; }
    QLabel *messageLabel() const { return m_messageLabel; }
    QWidget *taskPanel() const { return m_taskPanel; }
    QLabel *taskLabel() const { return m_taskPanel->label(); }
    QProgressBar *taskProgress() const { return m_taskPanel->progressBar(); }
    QPushButton *taskCancelButton() const { return m_taskPanel->cancelButton(); }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *redeliverAction() const { return m_redeliverAction; }
    QAction *redeliverFailedAction() const { return m_redeliverFailedAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *purgeAction() const { return m_purgeAction; }

public slots:
    // Loads the current filter again from the database.
    void reload();
    // Redelivers the selected attempt (asking first when its webhook is switched off).
    void redeliverSelected();
    // Finds the failed events of the filter, asks with their count, then redelivers them at a bounded rate.
    void redeliverAllFailed();
    // Asks for a file (CSV or JSON Lines), then exports.
    void exportFiltered();
    // Exports every attempt of the filter to path in the background; false when a task is already running.
    bool exportTo(const QString &path, DeliveryLog::ExportFormat format);
    // Asks, with the cutoff date, then purges attempts older than the retention setting.
    void purgeOld();
    // Purges attempts older than days in the background without asking; false when a task is already running.
    bool purgeOlderThan(int days);
    // Stops the running export, purge, search or redelivery batch after the step in hand.
    void cancelTask();

signals:
    void detailShown(qint64 id);
    // A PostgreSQL notification of new attempts arrived and the table was asked for them.
    void liveNotification();
    void exportFinished(const Result<DeliveryLog::ExportSummary> &result);
    void purgeFinished(const Result<DeliveryLog::PurgeSummary> &result);
    void redeliveryFinished(const RedeliveryOutcome &outcome);
    // A question before a redelivery was answered no: nothing was sent.
    void redeliveryDeclined(qint64 id);
    void bulkRedeliveryStarted(int count);
    void bulkRedeliveryFinished(const RedeliveryProgress &progress);
    void taskChanged(DeliveryTaskPanel::Task task);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void retranslate();
    void updateCount();
    void updateState();
    void updateLive();
    void updateActions();
    void currentRowChanged();
    void showDetailOf(qint64 id);
    void contextMenu(const QPoint &position);
    void listeningChanged(bool listening);
    void showMessage(const QString &text, bool problem = false);
    void connectTasks();

    DatabaseUrl m_url;
    QString m_password;
    Database &m_database;
    TestSendServices m_services;
    ConsoleSettings &m_settings;
    Options m_options;
    bool m_everLoaded = false;

    DeliveryTableModel *m_model;
    DeliveryListener *m_listener = nullptr;
    DeliveryFilterBar *m_filterBar;
    QToolBar *m_toolBar;
    QLabel *m_countLabel;
    QLabel *m_stateLabel;
    QPushButton *m_retryButton;
    QLabel *m_liveLabel;
    QLabel *m_messageLabel;
    DeliveryTaskPanel *m_taskPanel;
    QSplitter *m_splitter;
    QStackedWidget *m_tableStack;
    DeliveriesTable *m_table;
    QWidget *m_emptyPage;
    QLabel *m_emptyLabel;
    QPushButton *m_emptyClearButton;
    DeliveryDetailPane *m_detail;

    QAction *m_refreshAction = nullptr;
    QAction *m_redeliverAction = nullptr;
    QAction *m_redeliverFailedAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_purgeAction = nullptr;
    QAction *m_filterWebhookAction = nullptr;
    QAction *m_filterEventAction = nullptr;

    // Not children: they go first in the destructor, while everything they report to is still there.
    std::unique_ptr<DeliveryRedeliveries> m_redeliveries;
    std::unique_ptr<DeliveryLogJobs> m_jobs;
};
