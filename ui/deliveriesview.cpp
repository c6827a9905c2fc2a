// The deliveries tab: filter the delivery log, read an attempt in full, redeliver, export and purge.
#include "ui/deliveriesview.h"

#include "network/delivery/dispatchconfig.h"

#include "models/storage/consolesettings.h"
#include "models/storage/database.h"
#include "models/storage/webhookrepository.h"
#include "network/delivery/dispatchconfig.h"
#include "ui/consoleicons.h"
#include "ui/deliverydetailpane.h"
#include "ui/deliveryfilterbar.h"
#include "ui/deliverylogjobs.h"
#include "ui/deliveryredeliveries.h"
#include "ui/deliveriestable.h"
#include "ui/splitterproportions.h"
#include "ui/consolestyle.h"

#include <QAction>
#include <QCollator>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// An estimate shown to two significant figures, so that it does not pass for a count.
int roundedEstimate(qint64 estimate)
{
    if (estimate < 100)
        return int(estimate);
    const double scale = std::pow(10.0, std::floor(std::log10(double(estimate))) - 1);
    return int(std::min<double>(std::round(double(estimate) / scale) * scale, INT_MAX));
}

} // namespace

DeliveriesView::DeliveriesView(const DatabaseUrl &url, const QString &password, Database &database,
                               const TestSendServices &services, ConsoleSettings &settings, QWidget *parent)
    : DeliveriesView(url, password, database, services, settings, Options(), parent)
{
}

DeliveriesView::DeliveriesView(const DatabaseUrl &url, const QString &password, Database &database,
                               const TestSendServices &services, ConsoleSettings &settings, const Options &options,
                               QWidget *parent)
    : QWidget(parent)
    , m_url(url)
    , m_password(password)
    , m_database(database)
    , m_services(services)
    , m_settings(settings)
    , m_options(options)
    , m_model(new DeliveryTableModel(url, password, options.model, this))
    , m_filterBar(new DeliveryFilterBar(this))
    , m_toolBar(new QToolBar(this))
    , m_countLabel(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_retryButton(new QPushButton(this))
    , m_liveLabel(new QLabel(this))
    , m_messageLabel(new QLabel(this))
    , m_taskPanel(new DeliveryTaskPanel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_tableStack(new QStackedWidget(this))
    , m_table(new DeliveriesTable(m_model, this))
    , m_emptyPage(new QWidget(this))
    , m_emptyLabel(new QLabel(m_emptyPage))
    , m_emptyClearButton(new QPushButton(m_emptyPage))
    , m_detail(new DeliveryDetailPane(this))
{
    setObjectName(u"deliveriesView"_s);
    m_redeliveries = std::make_unique<DeliveryRedeliveries>(
        RedeliveryServices{services.deliveryLog, services.credentials, services.sender, &services.webhooks}, url, password,
        options.redeliveriesPerSecond, m_taskPanel, this);
    m_jobs = std::make_unique<DeliveryLogJobs>(url, password, settings,
                                               DeliveryLogJobs::Options{options.purgeBatchSize, options.exportPageSize},
                                               m_taskPanel, this);
    m_toolBar->setObjectName(u"deliveriesToolBar"_s);
    m_countLabel->setObjectName(u"countLabel"_s);
    m_stateLabel->setObjectName(u"stateLabel"_s);
    m_retryButton->setObjectName(u"retryButton"_s);
    m_liveLabel->setObjectName(u"liveLabel"_s);
    m_messageLabel->setObjectName(u"messageLabel"_s);
    m_emptyLabel->setObjectName(u"emptyLabel"_s);
    m_emptyClearButton->setObjectName(u"emptyClearButton"_s);
    m_filterBar->setSearchDelay(options.searchDelayMs);

    for (QLabel *label : {m_stateLabel, m_messageLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_countLabel->setStyleSheet(u"font-weight: 600;"_s);
    m_liveLabel->setForegroundRole(QPalette::PlaceholderText);
    m_retryButton->hide();
    m_messageLabel->hide();

    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyLabel);
    emptyLayout->addWidget(m_emptyClearButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_emptyPage);

    m_splitter->addWidget(m_tableStack);
    m_splitter->addWidget(m_detail);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    // The detail needs room for a request and a response next to each other: half and half.
    setSplitterProportions(m_splitter, {1, 1});

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_countLabel);
    statusRow->addSpacing(12);
    statusRow->addWidget(m_stateLabel, 1);
    statusRow->addWidget(m_retryButton);
    statusRow->addWidget(m_liveLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_filterBar);
    layout->addLayout(statusRow);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_taskPanel);
    layout->addWidget(m_splitter, 1);

    createActions();

    connect(m_filterBar, &DeliveryFilterBar::filterChanged, this, [this](const DeliveryFilter &filter) {
        m_table->cancelPendingSelection();
        // What was shown and said belonged to the previous filter: an attempt no longer listed must not stay up
        // with Redeliver enabled, nor a "nothing to redeliver" that no longer holds.
        if (!m_redeliveries->isRedelivering() && m_taskPanel->isIdle()) {
            m_detail->clear();
            showMessage(QString());
        }
        m_model->setFilter(filter);
        updateCount();
        updateActions();
    });
    connect(m_model, &DeliveryTableModel::stateChanged, this, [this] {
        updateState();
        updateCount();
    });
    connect(m_model, &DeliveryTableModel::rowCountEstimated, this, &DeliveriesView::updateCount);
    connect(m_model, &DeliveryTableModel::rowCountKnown, this, &DeliveriesView::updateCount);
    connect(m_model, &DeliveryTableModel::firstPageLoaded, this, &DeliveriesView::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DeliveriesView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DeliveriesView::updateCount);
    connect(m_model, &DeliveryTableModel::rowsLoaded, this, [this] {
        // A row selected before it was loaded gets its detail now.
        const auto id = selectedId();
        if (id && m_detail->shownId() != id)
            currentRowChanged();
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeliveriesView::currentRowChanged);
    connect(m_table, &QTableView::customContextMenuRequested, this, &DeliveriesView::contextMenu);
    connect(m_retryButton, &QPushButton::clicked, m_model, &DeliveryTableModel::retry);
    connect(m_emptyClearButton, &QPushButton::clicked, this, [this] { m_filterBar->setFilter(DeliveryFilter()); });
    connect(m_detail, &DeliveryDetailPane::attemptActivated, this, &DeliveriesView::showAttempt);
    // What this program records (test-sends, redeliveries) shows at once, its completion included.
    connect(&services.webhooks, &WebhookRepository::attemptRecorded, m_model, &DeliveryTableModel::appendNewer);
    connectTasks();

    if (url.engine() == DatabaseUrl::Engine::PostgreSQL) {
        m_listener = new DeliveryListener(url, password, options.listener, this);
        connect(m_listener, &DeliveryListener::notified, this, [this] {
            m_model->appendNewer();
            emit liveNotification();
        });
        connect(m_listener, &DeliveryListener::listeningChanged, this, &DeliveriesView::listeningChanged);
        m_listener->start();
    }
    // Polling until the listener says it listens (and for good on SQLite, which has nobody to notify it).
    m_model->setAutoRefreshInterval(options.pollIntervalMs);

    retranslate();
    refreshWebhooks();
    m_model->setFilter(m_filterBar->filter());
    updateState();
    updateCount();
    updateActions();
}

DeliveriesView::~DeliveriesView()
{
    // A running batch stops and a running job is cancelled while the widgets they report to are still there.
    m_redeliveries.reset();
    m_jobs.reset();
}

DeliveryFilter DeliveriesView::filter() const
{
    return m_filterBar->filter();
}

void DeliveriesView::setFilter(const DeliveryFilter &filter)
{
    m_filterBar->setFilter(filter);
}

void DeliveriesView::refreshWebhooks()
{
    const auto webhooks = m_services.webhooks.all();
    if (!webhooks)
        return;  // the list keeps what it had; the log itself says whether the database is there
    QStringList names;
    for (const Webhook &webhook : *webhooks)
        names << webhook.name;
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(names.begin(), names.end(), collator);
    m_filterBar->setWebhookNames(names);
}

void DeliveriesView::reload()
{
    refreshWebhooks();
    m_model->reload();
    if (const auto id = m_detail->shownId())
        showDetailOf(*id);
}

void DeliveriesView::createActions()
{
    auto action = [this](const char *name, const char *icon, void (DeliveriesView::*slot)()) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        a->setIcon(ConsoleIcons::named(QLatin1String(icon)));
        connect(a, &QAction::triggered, this, slot);
        m_toolBar->addAction(a);
        return a;
    };
    m_refreshAction = action("refreshDeliveriesAction", "view-refresh", &DeliveriesView::reload);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_refreshAction);
    m_toolBar->addSeparator();
    m_redeliverAction = action("redeliverAction", "mail-send", &DeliveriesView::redeliverSelected);
    m_redeliverFailedAction = action("redeliverFailedAction", "mail-send-receive", &DeliveriesView::redeliverAllFailed);
    m_toolBar->addSeparator();
    m_exportAction = action("exportDeliveriesAction", "document-save-as", &DeliveriesView::exportFiltered);
    m_purgeAction = action("purgeDeliveriesAction", "edit-delete", &DeliveriesView::purgeOld);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Keys for what support staff do all day; purging stays a deliberate click.
    for (auto [a, keys] : {std::pair{m_redeliverAction, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
                           std::pair{m_redeliverFailedAction, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R)},
                           std::pair{m_exportAction, QKeySequence(QKeySequence::SaveAs)}}) {
        a->setShortcut(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }

    m_filterWebhookAction = new QAction(this);
    connect(m_filterWebhookAction, &QAction::triggered, this, [this] {
        const auto row = m_model->rowAt(m_table->currentIndex().row());
        if (!row)
            return;
        DeliveryFilter next = filter();
        next.webhook = row->webhookName;
        setFilter(next);
    });
    m_filterEventAction = new QAction(this);
    connect(m_filterEventAction, &QAction::triggered, this, [this] {
        const auto row = m_model->rowAt(m_table->currentIndex().row());
        if (!row)
            return;
        DeliveryFilter next;
        next.text = row->eventId;
        setFilter(next);
    });
}

void DeliveriesView::retranslate()
{
    m_refreshAction->setText(tr("Refresh"));
    m_refreshAction->setToolTip(tr("Load the deliveries of the filter again"));
    m_redeliverAction->setText(tr("Redeliver"));
    m_redeliverAction->setToolTip(tr("Send the selected attempt's message again: same event, same message id, signed "
                                     "anew, recorded as a redelivery"));
    m_redeliverFailedAction->setText(tr("Redeliver All Failed…"));
    m_redeliverFailedAction->setToolTip(tr("Send every failed event of this filter again, one at a time"));
    m_exportAction->setText(tr("Export…"));
    m_exportAction->setToolTip(tr("Save every attempt of this filter as CSV or JSON Lines (secrets redacted)"));
    m_purgeAction->setText(tr("Purge Old…"));
    m_purgeAction->setToolTip(tr("Delete attempts older than the retention period of the settings"));
    m_filterWebhookAction->setText(tr("Show Only This Webhook"));
    m_filterEventAction->setText(tr("Show All Attempts of This Event"));
    m_retryButton->setText(tr("Retry"));
    m_emptyClearButton->setText(tr("Clear Filter"));
    updateCount();
    updateState();
    updateLive();
}

void DeliveriesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DeliveriesView::showEvent(QShowEvent *event)
{
    // Webhooks may have been added or renamed on another tab since.
    refreshWebhooks();
    QWidget::showEvent(event);
}

bool DeliveriesView::isEmptyStateShown() const
{
    return m_tableStack->currentWidget() == m_emptyPage;
}

void DeliveriesView::updateCount()
{
    const int rows = m_model->rowCount();
    const bool ready = m_model->state() == DeliveryTableModel::State::Ready;
    const auto estimate = m_model->estimatedRowCount();
    if (m_model->isCountKnown())
        m_countLabel->setText(tr("%Ln attempt(s)", nullptr, rows));
    else if (ready && estimate)
        m_countLabel->setText(tr("about %Ln attempt(s), counting…", nullptr, roundedEstimate(*estimate)));
    else if (ready && rows > 0)
        m_countLabel->setText(tr("at least %Ln attempt(s), counting…", nullptr, rows));
    else
        m_countLabel->setText(QString());
    m_countLabel->setToolTip(!m_model->isCountKnown() && ready && estimate
                                 ? tr("An estimate from the database; the exact number replaces it when the count "
                                      "is done.")
                                 : QString());

    const bool empty = ready && m_model->isCountKnown() && rows == 0;
    if (empty) {
        const bool filtered = !filter().isEmpty();
        m_emptyLabel->setText(filtered ? tr("No attempts match this filter.\nChange or clear the filter to see more.")
                                       : tr("No deliveries have been recorded yet.\nAttempts appear here as "
                                            "webhooks are sent, tested and redelivered."));
        m_emptyClearButton->setVisible(filtered);
        m_tableStack->setCurrentWidget(m_emptyPage);
    } else {
        m_tableStack->setCurrentWidget(m_table);
    }
}

void DeliveriesView::updateState()
{
    switch (m_model->state()) {
    case DeliveryTableModel::State::Loading:
        m_stateLabel->setText(tr("Loading…"));
        m_stateLabel->setStyleSheet(QString());
        m_retryButton->hide();
        break;
    case DeliveryTableModel::State::Ready:
        m_everLoaded = true;
        m_stateLabel->clear();
        m_retryButton->hide();
        break;
    case DeliveryTableModel::State::Error:
        m_stateLabel->setText(tr("The delivery log cannot be read: %1 It is tried again automatically.")
                                  .arg(m_model->errorString()));
        m_stateLabel->setStyleSheet(ConsoleStyle::problemText());
        m_retryButton->show();
        break;
    }
}

void DeliveriesView::updateLive()
{
    const QString every = QLocale().toString(m_options.pollIntervalMs / 1000.0, 'g', 3);
    if (!m_listener) {
        m_liveLabel->setText(tr("Live: checks for new attempts every %1 s").arg(every));
        m_liveLabel->setToolTip(QString());
    } else if (m_listener->isListening()) {
        m_liveLabel->setText(tr("Live: the database reports new attempts"));
        m_liveLabel->setToolTip(QString());
    } else {
        m_liveLabel->setText(tr("Live: checks every %1 s until the database can report new attempts").arg(every));
        m_liveLabel->setToolTip(m_listener->errorString());
    }
}

void DeliveriesView::listeningChanged(bool listening)
{
    // Listening: the database says when something is new, polling stops. Not listening: poll meanwhile.
    m_model->setAutoRefreshInterval(listening ? 0 : m_options.pollIntervalMs);
    // Whatever was inserted while nobody listened arrives now.
    if (listening)
        m_model->appendNewer();
    updateLive();
}

std::optional<qint64> DeliveriesView::selectedId() const
{
    return m_table->selectedId();
}

void DeliveriesView::currentRowChanged()
{
    updateActions();
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const auto row = m_model->rowAt(current.row());
    if (!row)
        return;  // shown when its block arrives (rowsLoaded)
    if (m_detail->shownId() != row->id)
        showDetailOf(row->id);
}

void DeliveriesView::showDetailOf(qint64 id)
{
    // One row by its primary key and one event's attempts by the event index: quick enough for this thread.
    DeliveryLog log(m_database);
    const Result<DeliveryDetail> detail = log.detail(id);
    if (!detail) {
        m_detail->showProblem(detail.code() == ErrorCode::NotFound
                                  ? tr("Attempt %1 is no longer in the delivery log.").arg(id)
                                  : tr("Attempt %1 cannot be read: %2").arg(id).arg(detail.message()));
        updateActions();
        return;
    }
    const auto timeline = log.timeline(detail->row.eventId, detail->row.webhookId);
    // An event's delivery in the outbox (by its key) and the schedule's length: what comes after the attempts.
    std::optional<OutboxDelivery> next;
    int scheduleAttempts = 0;
    if (detail->row.trigger != u"test" && !detail->row.webhookId.isEmpty()) {
        const auto outbox = DispatchQueue(m_database).deliveryOf(detail->row.eventId, detail->row.webhookId,
                                                                 QDateTime::currentDateTimeUtc());
        if (outbox)
            next = *outbox;
        if (next && next->state == OutboxDelivery::State::Pending) {
            if (const Result<DispatchConfig> config = DispatchConfig::stored(m_database))
                scheduleAttempts = config->schedule.maxAttempts();
        }
    }
    m_detail->showDetail(*detail, timeline ? *timeline : QList<DeliveryListRow>{detail->row}, next, scheduleAttempts);
    if (!timeline)
        m_detail->setNote(tr("The other attempts of this event cannot be read: %1").arg(timeline.message()));
    updateActions();
    emit detailShown(id);
}

void DeliveriesView::showAttempt(qint64 id, qint64 startedAtMs)
{
    if (m_detail->shownId() != id)
        showDetailOf(id);
    if (selectedId() == id)
        return;
    m_table->cancelPendingSelection();
    // Where the attempt is in this listing, if it is in it: the first row at or after its key, then its position.
    DeliveryLog log(m_database);
    const auto selection = log.select(filter(), QDateTime::currentDateTimeUtc());
    const DeliveryKey key{startedAtMs, id};
    const auto found = selection ? log.page(*selection, DeliveryLog::Direction::Older, DeliveryKey{startedAtMs, id + 1}, 1)
                                 : selection.failure();
    if (!found || found->isEmpty() || found->first().id != id) {
        m_table->clearSelectionAndCurrent();
        m_detail->setNote(tr("This attempt is not in the current filter."));
        updateActions();
        return;
    }
    const auto position = log.countNewerThan(*selection, key);
    m_table->selectWhenLoaded(id, int(std::min<qint64>(position ? *position : 0, INT_MAX)));
}

void DeliveriesView::contextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (index.isValid())
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
    const bool loaded = index.isValid() && m_model->isRowLoaded(index.row());
    QMenu menu(this);
    menu.addAction(m_redeliverAction);
    menu.addAction(m_redeliverFailedAction);
    menu.addSeparator();
    m_filterWebhookAction->setEnabled(loaded);
    m_filterEventAction->setEnabled(loaded);
    menu.addAction(m_filterWebhookAction);
    menu.addAction(m_filterEventAction);
    menu.addSeparator();
    menu.addAction(m_exportAction);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void DeliveriesView::updateActions()
{
    const bool idle = m_taskPanel->isIdle();
    const bool redelivering = m_redeliveries->isRedelivering();
    m_redeliverAction->setEnabled(!redelivering && m_taskPanel->task() != Task::Redelivering
                                  && m_detail->shownId().has_value());
    m_redeliverFailedAction->setEnabled(idle && !redelivering);
    m_exportAction->setEnabled(idle);
    m_purgeAction->setEnabled(idle);
}

void DeliveriesView::showMessage(const QString &text, bool problem)
{
    m_messageLabel->setText(text);
    m_messageLabel->setStyleSheet(problem ? ConsoleStyle::problemText() : QString());
    m_messageLabel->setVisible(!text.isEmpty());
}

void DeliveriesView::cancelTask()
{
    if (m_taskPanel->isIdle())
        return;
    m_redeliveries->cancel();
    m_jobs->cancel();
    m_taskPanel->showStopping();
}

// --- the tasks ------------------------------------------------------------------------------------------

void DeliveriesView::connectTasks()
{
    connect(m_taskPanel, &DeliveryTaskPanel::cancelClicked, this, &DeliveriesView::cancelTask);
    connect(m_taskPanel, &DeliveryTaskPanel::taskChanged, this, [this](Task task) {
        updateActions();
        emit taskChanged(task);
    });

    connect(m_redeliveries.get(), &DeliveryRedeliveries::message, this, &DeliveriesView::showMessage);
    connect(m_redeliveries.get(), &DeliveryRedeliveries::busyChanged, this, &DeliveriesView::updateActions);
    connect(m_redeliveries.get(), &DeliveryRedeliveries::attemptRecorded, this, [this](qint64 id, qint64 startedAtMs) {
        m_model->appendNewer();
        showAttempt(id, startedAtMs);
    });
    connect(m_redeliveries.get(), &DeliveryRedeliveries::attemptsAdded, m_model, &DeliveryTableModel::appendNewer);
    connect(m_redeliveries.get(), &DeliveryRedeliveries::redeliveryFinished, this, &DeliveriesView::redeliveryFinished);
    connect(m_redeliveries.get(), &DeliveryRedeliveries::redeliveryDeclined, this, &DeliveriesView::redeliveryDeclined);
    connect(m_redeliveries.get(), &DeliveryRedeliveries::bulkRedeliveryStarted, this,
            &DeliveriesView::bulkRedeliveryStarted);
    connect(m_redeliveries.get(), &DeliveryRedeliveries::bulkRedeliveryFinished, this,
            [this](const RedeliveryProgress &progress) {
                if (const auto id = m_detail->shownId())
                    showDetailOf(*id);  // its timeline has the new attempts
                emit bulkRedeliveryFinished(progress);
            });

    connect(m_jobs.get(), &DeliveryLogJobs::message, this, &DeliveriesView::showMessage);
    connect(m_jobs.get(), &DeliveryLogJobs::exportFinished, this, &DeliveriesView::exportFinished);
    connect(m_jobs.get(), &DeliveryLogJobs::purged, this, [this](const Result<DeliveryLog::PurgeSummary> &result) {
        m_model->reload();
        if (const auto id = m_detail->shownId())
            showDetailOf(*id);
        emit purgeFinished(result);
    });
}

void DeliveriesView::redeliverSelected()
{
    if (const std::optional<DeliveryDetail> &shown = m_detail->detail())
        m_redeliveries->redeliver(shown->row);
}

void DeliveriesView::redeliverAllFailed()
{
    m_redeliveries->redeliverAllFailed(filter());
}

void DeliveriesView::exportFiltered()
{
    m_jobs->chooseFileAndExport(filter());
}

bool DeliveriesView::exportTo(const QString &path, DeliveryLog::ExportFormat format)
{
    return m_jobs->exportTo(filter(), path, format);
}

void DeliveriesView::purgeOld()
{
    m_jobs->askAndPurge();
}

bool DeliveriesView::purgeOlderThan(int days)
{
    return m_jobs->purgeOlderThan(days);
}
