// The console's main window: the webhooks table with search, actions, menus and a status bar.
#include "ui/mainwindow.h"

#include "models/storage/consolesettings.h"
#include "models/storage/database.h"
#include "models/storage/deliverylog.h"
#include "models/storage/webhookrepository.h"
#include "models/itemmodels/webhooktablemodel.h"
#include "ui/alertschanneldialog.h"
#include "ui/deliveriesview.h"
#include "ui/dispatcherbanner.h"
#include "ui/deliverychartdialog.h"
#include "ui/deliveryqueuedialog.h"
#include "ui/previewwindow.h"
#include "ui/screenfit.h"
#include "ui/secretdialog.h"
#include "ui/settingsdialog.h"
#include "ui/webhookeditordialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

MainWindow::MainWindow(Database &database, const TestSendServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_services(services)
    , m_repository(services.webhooks)
    , m_secrets(services.secrets)
    , m_deliveryLog(std::make_unique<DeliveryLog>(database))
    , m_model(new WebhookTableModel(&services.webhooks, m_deliveryLog.get(), this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_searchEdit(new QLineEdit(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_databaseLabel(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_deliveriesView(nullptr)
{
    m_settings = std::make_unique<ConsoleSettings>();
    m_deliveriesView = new DeliveriesView(database.url(), database.password(), database, services, *m_settings, this);
    m_deliveriesView->setObjectName(QStringLiteral("deliveriesView"));
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(WebhookTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_view->setObjectName(QStringLiteral("webhooksView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(WebhookTableModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // The name is what people look for: it takes the spare width, not the last column (see fitNameColumn).
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->viewport()->installEventFilter(this);

    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_placeholder);
    // Webhooks and their delivery log side by side as tabs: support staff live in the second one.
    auto *webhooksTab = new QWidget(this);
    auto *layout = new QVBoxLayout(webhooksTab);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_stack, 1);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(webhooksTab, QString());
    m_tabs->addTab(m_deliveriesView, QString());
    // Over everything, when nobody delivers: the one thing that must not go unnoticed.
    m_dispatcherBanner = new DispatcherBanner(services.deliveryLog, this);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_dispatcherBanner);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        // Coming back to the webhooks shows the health the deliveries meanwhile changed.
        if (index == 0)
            refresh();
    });
    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    statusBar()->addPermanentWidget(m_dispatcherBanner->statusLabel());
    statusBar()->addPermanentWidget(m_databaseLabel);

    createActions();
    retranslate();

    connect(m_searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updatePlaceholder();
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != WebhookTableModel::ActiveColumn)
            editSelected();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_model, &WebhookTableModel::errorOccurred, this, &MainWindow::showError);
    m_model->setActivationGuard([this](const Webhook &webhook, bool active) {
        if (active)
            return true;
        return QMessageBox::question(this, tr("Disable webhook"),
                                     tr("Disable “%1”? goReporter stops delivering events to it until it is enabled "
                                        "again; events that occur meanwhile are not sent.")
                                         .arg(webhook.name),
                                     QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               == QMessageBox::Yes;
    });
    connect(m_model, &WebhookTableModel::activeChanged, this, [this](const Webhook &webhook) {
        statusBar()->showMessage(webhook.active ? tr("“%1” is enabled: events are delivered to it.").arg(webhook.name)
                                                : tr("“%1” is disabled: no events are delivered to it.").arg(webhook.name),
                                 8000);
    });
    // Changes made by the command line or another workstation show up without a manual refresh.
    m_changePoll = new QTimer(this);
    m_changePoll->setInterval(3000);
    connect(m_changePoll, &QTimer::timeout, this, &MainWindow::refreshIfChangedElsewhere);
    m_changePoll->start();
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updatePlaceholder);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updatePlaceholder);

    refresh();
    m_view->resizeColumnsToContents();
    fitNameColumn();
    m_view->horizontalHeader()->resizeSection(WebhookTableModel::EventsColumn,
                                              std::min(m_view->horizontalHeader()->sectionSize(WebhookTableModel::EventsColumn), 320));

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        ScreenFit::resize(this, {1100, 600});
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    // The table has the focus at start, so that its shortcuts (Ctrl+E edits) are not taken by the search box's
    // own line-editing keys; Ctrl+F goes to the search.
    m_view->setFocus(Qt::OtherFocusReason);
    if (m_view->horizontalHeader()->restoreState(settings.value(QStringLiteral("mainWindow/columns")).toByteArray()))
        m_nameColumnWidth = m_view->horizontalHeader()->sectionSize(WebhookTableModel::NameColumn);
    // A width the administrator drags the name to is kept as its own width.
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int section, int, int size) {
        if (section == WebhookTableModel::NameColumn && !m_fittingNameColumn)
            m_nameColumnWidth = size;
    });
    fitNameColumn();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/columns"), m_view->horizontalHeader()->saveState());
    event->accept();
}

int MainWindow::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return m_proxy->mapToSource(rows.first()).row();
}

void MainWindow::updatePlaceholder()
{
    if (m_model->rowCount() == 0) {
        m_placeholder->setText(tr("No webhooks yet.\nChoose Webhook ▸ New (%1) to send goReporter events to Slack, "
                                  "Teams, Epic or any HTTPS endpoint.")
                                   .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
        m_stack->setCurrentWidget(m_placeholder);
    } else if (m_proxy->rowCount() == 0) {
        m_placeholder->setText(tr("No webhook matches “%1”.").arg(m_searchEdit->text()));
        m_stack->setCurrentWidget(m_placeholder);
    } else {
        m_stack->setCurrentWidget(m_view);
    }
}

void MainWindow::selectWebhook(const QString &id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void MainWindow::showError(const QString &message)
{
    // Only shows: refreshing from here would loop while the database is unreachable.
    QMessageBox::warning(this, tr("goReporter Webhooks"), message);
}

void MainWindow::refresh()
{
    // What this window shows now is the state to compare later changes with (its own saves are not news).
    m_changeStamp = m_repository.changeStamp();
    m_model->setHealthThresholds(m_settings->healthThresholds());
    if (m_model->refresh())
        statusBar()->showMessage(tr("%n webhook(s)", nullptr, m_model->rowCount()), 5000);
    updatePlaceholder();
    updateActions();
}

void MainWindow::openEditor(const Webhook &webhook)
{
    // What the editor stores reaches the table through the repository's signals, row by row.
    WebhookEditorDialog dialog(m_repository, webhook, this, &m_services);
    dialog.exec();
    switch (dialog.outcome()) {
    case WebhookEditorDialog::Outcome::Saved:
        selectWebhook(dialog.webhook().id);
        statusBar()->showMessage(tr("Saved “%1”.").arg(dialog.webhook().name), 5000);
        break;
    case WebhookEditorDialog::Outcome::Duplicated:
        selectWebhook(dialog.webhook().id);
        statusBar()->showMessage(tr("Created “%1”, inactive until you enable it.").arg(dialog.webhook().name), 5000);
        break;
    case WebhookEditorDialog::Outcome::Deleted:
        statusBar()->showMessage(tr("Deleted “%1”.").arg(webhook.name), 5000);
        break;
    case WebhookEditorDialog::Outcome::None:
        break;
    }
}

void MainWindow::newWebhook()
{
    Webhook webhook;
    webhook.kind = WebhookKind::Teams;
    webhook.phiLevel = WebhookKinds::defaultPhiLevel(webhook.kind);
    openEditor(webhook);
}

void MainWindow::editSelected()
{
    const int row = selectedRow();
    if (row >= 0)
        openEditor(m_model->webhookAt(row));
}

void MainWindow::duplicateSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    m_repository.changeInBackground(WebhookRepository::Change::Duplicate, m_model->webhookAt(row), this,
                                    [this](const Result<Webhook> &copy) {
                                        if (!copy) {
                                            showError(copy.message());
                                            return refresh();
                                        }
                                        selectWebhook(copy->id);
                                        statusBar()->showMessage(
                                            tr("Created “%1”, inactive until you enable it.").arg(copy->name), 5000);
                                    });
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitNameColumn();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::fitNameColumn()
{
    // A stretched section would make the table as wide as the longest name and the window wider than a small
    // screen; instead the name gets its own width (at most a third of the table) plus whatever is spare.
    QHeaderView *header = m_view->horizontalHeader();
    int others = 0;
    for (int column = 0; column < header->count(); ++column) {
        if (column != WebhookTableModel::NameColumn && !header->isSectionHidden(column))
            others += header->sectionSize(column);
    }
    const int viewport = m_view->viewport()->width();
    const int natural = m_nameColumnWidth > 0
                            ? m_nameColumnWidth
                            : std::min(static_cast<QAbstractItemView *>(m_view)->sizeHintForColumn(WebhookTableModel::NameColumn),
                                       std::max(160, viewport / 3));
    m_fittingNameColumn = true;
    header->resizeSection(WebhookTableModel::NameColumn, std::max(natural, viewport - others));
    m_fittingNameColumn = false;
}

void MainWindow::showDeliveriesOfSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    DeliveryFilter filter;
    filter.webhook = m_model->webhookAt(row).name;
    m_deliveriesView->setFilter(filter);
    m_tabs->setCurrentWidget(m_deliveriesView);
}

void MainWindow::refreshIfChangedElsewhere()
{
    if (!isVisible())
        return;
    const std::optional<QString> stamp = m_repository.changeStamp();
    if (!stamp || stamp == m_changeStamp)
        return;
    // The stamp also moves with this console's own saves, whose rows are shown already: only rows whose stored
    // version differs are read again.
    m_changeStamp = stamp;
    m_model->refreshChanged();
    updatePlaceholder();
    updateActions();
}

void MainWindow::toggleSelectedActive()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const QModelIndex active = m_model->index(row, WebhookTableModel::ActiveColumn);
    const bool isActive = m_model->webhookAt(row).active;
    m_model->setData(active, isActive ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
}

void MainWindow::deleteSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const Webhook webhook = m_model->webhookAt(row);
    if (!WebhookEditorDialog::confirmDeletion(this, webhook.name))
        return;
    m_repository.removeInBackground(webhook, this, [this, name = webhook.name](const Result<void> &removed) {
        if (!removed) {
            showError(removed.message());
            return refresh();
        }
        statusBar()->showMessage(tr("Deleted “%1”.").arg(name), 5000);
    });
}

void MainWindow::showPreview()
{
    // One preview window, reused: it keeps the sample the user was editing.
    if (!m_previewWindow) {
        m_previewWindow = new PreviewWindow(this);
        m_previewWindow->setWindowFlag(Qt::Window);
        m_previewWindow->setObjectName(QStringLiteral("previewWindow"));
    }
    if (const int row = selectedRow(); row >= 0)
        m_previewWindow->setWebhook(m_model->webhookAt(row));
    m_previewWindow->show();
    m_previewWindow->raise();
    m_previewWindow->activateWindow();
}

void MainWindow::manageSecret()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    SecretDialog dialog(m_secrets, m_model->webhookAt(row), this);
    dialog.exec();
}

void MainWindow::editSettings()
{
    SettingsDialog dialog(*m_settings, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

void MainWindow::testSendSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    // Non-modal, so several webhooks can be tested side by side; each dialog deletes itself when closed.
    auto *dialog = new TestSendDialog(m_services, m_model->webhookAt(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showDeliveryChart()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    auto *dialog = new DeliveryChartDialog(m_database, m_model->webhookAt(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::chooseAlertsChannel()
{
    QList<Webhook> webhooks;
    for (int row = 0; row < m_model->rowCount(); ++row)
        webhooks.append(m_model->webhookAt(row));
    AlertsChannelDialog dialog(webhooks, m_repository, m_services.deliveryLog, this);
    connect(&dialog, &AlertsChannelDialog::changed, this,
            [this](const QString &summary) { statusBar()->showMessage(summary, 8000); });
    dialog.exec();
}

void MainWindow::showQueueOfSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    // Non-modal, like the chart: several webhooks' queues can be watched side by side.
    auto *dialog = new DeliveryQueueDialog(m_services.deliveryLog, m_model->webhookAt(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}
