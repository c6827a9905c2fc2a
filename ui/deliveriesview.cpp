// The deliveries tab: filter the delivery log, read an attempt in full, redeliver, export and purge.
#include "ui/deliveriesview.h"

#include "models/storage/consolesettings.h"
#include "models/storage/database.h"
#include "models/domain/eventtype.h"
#include "models/storage/webhookrepository.h"
#include "ui/consoleicons.h"
#include "ui/deliverydetailpane.h"
#include "ui/deliveryfilterbar.h"
#include "ui/filedialogs.h"
#include "models/storage/deliverylogtask.h"
#include "ui/splitterproportions.h"

#include <QAction>
#include <QCollator>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// How far around the expected row an attempt chosen in the timeline is looked for: rows that arrived or went
// since the position was counted move it a little.
constexpr int selectionSearchRadius = 64;

// Failed attempts stand out in the table: a tinted row, and the status, result and error in red.
class DeliveryRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!index.data(DeliveryTableModel::LoadedRole).toBool()) {
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
            return;
        }
        if (index.data(DeliveryTableModel::SuccessRole).toBool())
            return;
        const bool dark = option->palette.color(QPalette::Base).lightness() < 128;
        option->backgroundBrush = dark ? QColor(0x4a, 0x1f, 0x22) : QColor(0xfd, 0xec, 0xee);
        switch (index.column()) {
        case DeliveryTableModel::StatusColumn:
        case DeliveryTableModel::ResultColumn:
        case DeliveryTableModel::ErrorColumn:
            option->palette.setColor(QPalette::Text, dark ? QColor(0xff, 0x9a, 0x9a) : QColor(0xa3, 0x15, 0x15));
            break;
        default:
            break;
        }
    }
};

QString longestEventType()
{
    QString longest;
    for (const EventType &type : EventCatalog::builtIn())
        if (type.name.size() > longest.size())
            longest = type.name;
    return longest;
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
    , m_taskPanel(new QWidget(this))
    , m_taskLabel(new QLabel(m_taskPanel))
    , m_taskProgress(new QProgressBar(m_taskPanel))
    , m_taskCancelButton(new QPushButton(m_taskPanel))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_tableStack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_emptyPage(new QWidget(this))
    , m_emptyLabel(new QLabel(m_emptyPage))
    , m_emptyClearButton(new QPushButton(m_emptyPage))
    , m_detail(new DeliveryDetailPane(this))
{
    setObjectName(u"deliveriesView"_s);
    m_toolBar->setObjectName(u"deliveriesToolBar"_s);
    m_countLabel->setObjectName(u"countLabel"_s);
    m_stateLabel->setObjectName(u"stateLabel"_s);
    m_retryButton->setObjectName(u"retryButton"_s);
    m_liveLabel->setObjectName(u"liveLabel"_s);
    m_messageLabel->setObjectName(u"messageLabel"_s);
    m_taskPanel->setObjectName(u"taskPanel"_s);
    m_taskLabel->setObjectName(u"taskLabel"_s);
    m_taskProgress->setObjectName(u"taskProgress"_s);
    m_taskCancelButton->setObjectName(u"taskCancelButton"_s);
    m_table->setObjectName(u"deliveriesTable"_s);
    m_emptyLabel->setObjectName(u"emptyLabel"_s);
    m_emptyClearButton->setObjectName(u"emptyClearButton"_s);
    m_filterBar->setSearchDelay(options.searchDelayMs);

    for (QLabel *label : {m_stateLabel, m_messageLabel, m_taskLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_countLabel->setStyleSheet(u"font-weight: 600;"_s);
    m_liveLabel->setForegroundRole(QPalette::PlaceholderText);
    m_retryButton->hide();
    m_messageLabel->hide();

    m_table->setModel(m_model);
    m_table->setItemDelegate(new DeliveryRowDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(false);  // the log's order is its keyset: newest first
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Every row the same height: the view never measures rows, so millions of them scroll like a few.
    QHeaderView *rows = m_table->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    // Widths from typical contents, not from the rows: measuring rows would load them.
    const QFontMetrics metrics(m_table->font());
    const std::pair<int, QString> samples[] = {
        {DeliveryTableModel::TimeColumn, u"2024-12-31 23:59:59"_s},
        {DeliveryTableModel::WebhookColumn, u"Cardiology North"_s},
        {DeliveryTableModel::EventTypeColumn, longestEventType()},
        {DeliveryTableModel::EventIdColumn, u"evt_0123456789abcdef"_s},
        {DeliveryTableModel::AttemptColumn, u"99"_s},
        {DeliveryTableModel::TriggerColumn, u"Redelivery"_s},
        {DeliveryTableModel::StatusColumn, u"no response"_s},
        {DeliveryTableModel::ResultColumn, u"Failure"_s},
        {DeliveryTableModel::LatencyColumn, u"15000 ms"_s}};
    for (const auto &[column, sample] : samples) {
        const int header = metrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString());
        columns->resizeSection(column, std::max(metrics.horizontalAdvance(sample), header) + 24);
    }

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

    m_taskProgress->setMinimumWidth(200);
    auto *taskLayout = new QHBoxLayout(m_taskPanel);
    taskLayout->setContentsMargins(0, 0, 0, 0);
    taskLayout->addWidget(m_taskLabel, 1);
    taskLayout->addWidget(m_taskProgress);
    taskLayout->addWidget(m_taskCancelButton);
    m_taskPanel->hide();

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
        m_pendingSelection.reset();
        // What was shown and said belonged to the previous filter: an attempt no longer listed must not stay up
        // with Redeliver enabled, nor a "nothing to redeliver" that no longer holds.
        if (!m_redelivery && m_task == Task::None) {
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
    connect(m_model, &DeliveryTableModel::rowCountKnown, this, &DeliveriesView::updateCount);
    connect(m_model, &DeliveryTableModel::firstPageLoaded, this, &DeliveriesView::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DeliveriesView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DeliveriesView::updateCount);
    connect(m_model, &DeliveryTableModel::rowsLoaded, this, [this] {
        trySelectPending();
        // A row selected before it was loaded gets its detail now.
        const auto id = selectedId();
        if (id && m_detail->shownId() != id)
            currentRowChanged();
        updateActions();
    });
    connect(m_model, &DeliveryTableModel::newerRowsInserted, this, &DeliveriesView::trySelectPending);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeliveriesView::currentRowChanged);
    connect(m_table, &QTableView::pressed, this, [this] { m_pendingSelection.reset(); });
    connect(m_table, &QTableView::customContextMenuRequested, this, &DeliveriesView::contextMenu);
    connect(m_retryButton, &QPushButton::clicked, m_model, &DeliveryTableModel::retry);
    connect(m_emptyClearButton, &QPushButton::clicked, this, [this] { m_filterBar->setFilter(DeliveryFilter()); });
    connect(m_detail, &DeliveryDetailPane::attemptActivated, this, &DeliveriesView::showAttempt);
    connect(m_taskCancelButton, &QPushButton::clicked, this, &DeliveriesView::cancelTask);

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
    // Stop the batch before its services go; a running task cancels and waits in its destructor.
    if (m_bulk)
        m_bulk->cancel();
    delete m_bulk;
    delete m_redelivery;
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
    RepositoryResult result;
    const auto webhooks = m_services.webhooks.all(&result);
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
    m_taskCancelButton->setText(tr("Cancel"));
    m_emptyClearButton->setText(tr("Clear Filter"));
    updateCount();
    updateState();
    updateLive();
    setTask(m_task, m_taskText);
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
    if (m_model->isCountKnown())
        m_countLabel->setText(tr("%Ln attempt(s)", nullptr, rows));
    else if (ready && rows > 0)
        m_countLabel->setText(tr("at least %Ln attempt(s), counting…", nullptr, rows));
    else
        m_countLabel->setText(QString());

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
        m_stateLabel->setStyleSheet(u"color: #b3261e;"_s);
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
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), {}))
        return std::nullopt;
    const auto row = m_model->rowAt(current.row());
    return row ? std::optional<qint64>(row->id) : std::nullopt;
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
    QString error;
    const auto detail = log.detail(id, &error);
    if (!detail) {
        m_detail->showProblem(error.isEmpty() ? tr("Attempt %1 is no longer in the delivery log.").arg(id)
                                              : tr("Attempt %1 cannot be read: %2").arg(id).arg(error));
        updateActions();
        return;
    }
    QString timelineError;
    const auto timeline = log.timeline(detail->row.eventId, detail->row.webhookId, &timelineError);
    m_detail->showDetail(*detail, timeline.value_or(QList<DeliveryListRow>{detail->row}));
    if (!timeline)
        m_detail->setNote(tr("The other attempts of this event cannot be read: %1").arg(timelineError));
    updateActions();
    emit detailShown(id);
}

void DeliveriesView::showAttempt(qint64 id, qint64 startedAtMs)
{
    if (m_detail->shownId() != id)
        showDetailOf(id);
    if (selectedId() == id)
        return;
    m_pendingSelection.reset();
    // Where the attempt is in this listing, if it is in it: the first row at or after its key, then its position.
    DeliveryLog log(m_database);
    const auto selection = log.select(filter(), QDateTime::currentDateTimeUtc());
    const DeliveryKey key{startedAtMs, id};
    const auto found = selection ? log.page(*selection, DeliveryLog::Direction::Older, DeliveryKey{startedAtMs, id + 1}, 1)
                                 : std::nullopt;
    if (!found || found->isEmpty() || found->first().id != id) {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->clearSelection();
        m_table->selectionModel()->setCurrentIndex({}, QItemSelectionModel::Clear);
        m_detail->setNote(tr("This attempt is not in the current filter."));
        updateActions();
        return;
    }
    const auto position = log.countNewerThan(*selection, key);
    m_pendingSelection = PendingSelection{id, int(std::min<qint64>(position.value_or(0), INT_MAX))};
    trySelectPending();
}

void DeliveriesView::trySelectPending()
{
    if (!m_pendingSelection || m_model->rowCount() == 0)
        return;
    const int rows = m_model->rowCount();
    const int expected = std::clamp(m_pendingSelection->expectedRow, 0, rows - 1);
    const int first = std::max(0, expected - selectionSearchRadius);
    const int last = std::min(rows - 1, expected + selectionSearchRadius);
    bool allLoaded = true;
    for (int row = first; row <= last; ++row) {
        const auto loaded = m_model->rowAt(row);
        if (!loaded) {
            allLoaded = false;
            continue;
        }
        if (loaded->id != m_pendingSelection->id)
            continue;
        m_pendingSelection.reset();
        const QModelIndex index = m_model->index(row, 0);
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
        m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
        return;
    }
    // All there and not found: it is still on its way into the listing (recorded a moment ago), so it is
    // selected when it arrives; a new filter or the user's own choice ends the wait.
    if (allLoaded)
        return;
    // Asking for the rows loads their blocks; rowsLoaded brings us back here.
    m_table->scrollTo(m_model->index(expected, 0), QAbstractItemView::PositionAtCenter);
    for (int row = first; row <= last; row += std::max(1, m_model->blockSize() / 2))
        m_model->data(m_model->index(row, 0), DeliveryTableModel::LoadedRole);
    m_model->data(m_model->index(last, 0), DeliveryTableModel::LoadedRole);
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
    const bool idle = m_task == Task::None;
    m_redeliverAction->setEnabled(!m_redelivery && m_task != Task::Redelivering && m_detail->shownId().has_value());
    m_redeliverFailedAction->setEnabled(idle && !m_redelivery);
    m_exportAction->setEnabled(idle);
    m_purgeAction->setEnabled(idle);
}

void DeliveriesView::showMessage(const QString &text, bool problem)
{
    m_messageLabel->setText(text);
    m_messageLabel->setStyleSheet(problem ? u"color: #b3261e;"_s : QString());
    m_messageLabel->setVisible(!text.isEmpty());
}

void DeliveriesView::setTask(Task task, const QString &label)
{
    const bool changed = task != m_task;
    m_task = task;
    m_taskText = label;
    m_taskPanel->setVisible(task != Task::None);
    m_taskLabel->setText(label);
    if (changed) {
        m_taskProgress->setRange(0, 0);  // busy until the first progress says how much there is
        m_taskProgress->setValue(0);
        m_taskCancelButton->setEnabled(true);
    }
    updateActions();
    if (changed)
        emit taskChanged(task);
}

void DeliveriesView::taskProgressed(qint64 done, qint64 total)
{
    // Progress bars count in int: scale millions down to per mille.
    if (total <= 0) {
        m_taskProgress->setRange(0, 0);
        return;
    }
    m_taskProgress->setRange(0, 1000);
    m_taskProgress->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
    const QLocale locale;
    m_taskProgress->setFormat(tr("%1 of %2").arg(locale.toString(done), locale.toString(total)));
}

void DeliveriesView::cancelTask()
{
    switch (m_task) {
    case Task::None:
        return;
    case Task::Export:
    case Task::Purge:
    case Task::FindingFailed:
        if (m_logTask)
            m_logTask->cancel();
        break;
    case Task::Redelivering:
        if (m_bulk)
            m_bulk->cancel();
        break;
    }
    m_taskCancelButton->setEnabled(false);
    m_taskLabel->setText(tr("%1 Stopping after the step in hand…").arg(m_taskText));
}

// --- redelivery ----------------------------------------------------------------------------------------

void DeliveriesView::redeliverSelected()
{
    const std::optional<DeliveryDetail> &shown = m_detail->detail();
    if (!shown || m_redelivery)
        return;
    const qint64 id = shown->row.id;
    const QString what = tr("Attempt %1 of event %2").arg(shown->row.attempt).arg(shown->row.eventId);
    if (!shown->row.success) {
        startRedelivery(id, false, what);
        return;
    }
    // The receiver has this one already: a second copy only on an explicit yes.
    askBeforeRedelivering(u"duplicateRedeliveryConfirmation"_s, tr("Send a Delivered Attempt Again?"),
                          tr("The receiver accepted this attempt (HTTP %2): %1. Sending it again gives the receiver a "
                             "duplicate (with the same webhook-id, so that it can recognise it).")
                              .arg(what)
                              .arg(shown->row.responseStatus.value_or(0)),
                          tr("Send Again"), [this, id, what](bool yes) {
                              if (yes)
                                  startRedelivery(id, false, what);
                          });
}

void DeliveriesView::askBeforeRedelivering(const QString &objectName, const QString &title, const QString &text,
                                           const QString &acceptText, const std::function<void(bool)> &answered)
{
    // Window-modal and without exec(): the view goes on updating while the question is open.
    auto *ask = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
    ask->setObjectName(objectName);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *accept = ask->addButton(acceptText, QMessageBox::AcceptRole);
    ask->addButton(QMessageBox::Cancel);
    connect(ask, &QMessageBox::finished, this, [ask, accept, answered] { answered(ask->clickedButton() == accept); });
    ask->open();
}

void DeliveriesView::startRedelivery(qint64 id, bool allowInactive, const QString &what)
{
    RedeliveryOptions options;
    options.allowInactive = allowInactive;
    RedeliveryTask *task = Redelivery::start({m_database, m_services.keychain, m_services.sender}, id, options, this);
    m_redelivery = task;
    showMessage(tr("%1: redelivering…").arg(what));
    updateActions();
    connect(task, &RedeliveryTask::finished, this, [this, id, what](const RedeliveryOutcome &outcome) {
        m_redelivery = nullptr;
        updateActions();
        if (outcome.status == RedeliveryOutcome::Status::Refused
            && outcome.refusal == DeliveryRefusal::WebhookInactive) {
            // Switched off on purpose: only on an explicit yes.
            askBeforeRedelivering(u"inactiveRedeliveryConfirmation"_s, tr("Redeliver to a Disabled Webhook?"),
                                  outcome.message, tr("Redeliver Anyway"), [this, id, what](bool yes) {
                                      if (yes)
                                          startRedelivery(id, true, what);
                                      else
                                          showMessage(tr("%1: not redelivered.").arg(what));
                                  });
            return;
        }
        switch (outcome.status) {
        case RedeliveryOutcome::Status::Delivered:
            showMessage(tr("%1: redelivered; the receiver accepted it (HTTP %2).").arg(what).arg(outcome.result.status));
            break;
        case RedeliveryOutcome::Status::Failed:
            showMessage(tr("%1: the redelivery failed: %2").arg(what, outcome.message), true);
            break;
        case RedeliveryOutcome::Status::Refused:
            showMessage(tr("%1: not redelivered: %2").arg(what, outcome.message), true);
            break;
        case RedeliveryOutcome::Status::Cancelled:
            showMessage(tr("%1: the redelivery was cancelled.").arg(what));
            break;
        }
        if (!outcome.recordError.isEmpty())
            showMessage(tr("%1 It could not be recorded in the delivery log: %2")
                            .arg(m_messageLabel->text(), outcome.recordError),
                        true);
        if (outcome.sent && outcome.record.id != 0) {
            m_model->appendNewer();
            showAttempt(outcome.record.id, outcome.record.startedAt.toMSecsSinceEpoch());
        }
        emit redeliveryFinished(outcome);
    });
}

void DeliveriesView::redeliverAllFailed()
{
    if (m_task != Task::None)
        return;
    const DeliveryFilter current = filter();
    auto ids = std::make_shared<std::optional<QList<qint64>>>();
    auto error = std::make_shared<QString>();
    m_logTask = std::make_unique<DeliveryLogTask>(
        m_url, m_password, [current, ids, error](Database &database, const DeliveryLog::Progress &) {
            *ids = Redelivery::failedInFilter(database, current, QDateTime::currentDateTimeUtc(), error.get());
        });
    connect(m_logTask.get(), &DeliveryLogTask::finished, this, [this, ids, error] {
        const bool cancelled = m_logTask->isCancelled();
        const QString connectionError = m_logTask->connectionError();
        m_logTask.release()->deleteLater();
        setTask(Task::None);
        if (cancelled)
            return;
        if (!connectionError.isEmpty() || !*ids) {
            showMessage(tr("The failed events cannot be found: %1")
                            .arg(connectionError.isEmpty() ? *error : connectionError),
                        true);
            return;
        }
        confirmBulkRedelivery(**ids);
    });
    showMessage(QString());
    setTask(Task::FindingFailed, tr("Finding the failed events of this filter…"));
    m_logTask->start();
}

void DeliveriesView::confirmBulkRedelivery(const QList<qint64> &ids)
{
    if (ids.isEmpty()) {
        showMessage(tr("No failed event of this filter needs redelivering: every one was delivered on a later "
                       "attempt, or nothing failed."));
        return;
    }
    const QLocale locale;
    const double perSecond = std::max(0.1, m_options.redeliveriesPerSecond);
    const qint64 seconds = qint64(std::ceil(double(ids.size()) / perSecond));
    auto *ask = new QMessageBox(this);
    ask->setObjectName(u"bulkRedeliveryConfirmation"_s);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setIcon(QMessageBox::Question);
    ask->setWindowTitle(tr("Redeliver Failed Events"));
    ask->setText(tr("Redeliver %Ln failed event(s) of this filter?", nullptr, int(ids.size())));
    ask->setInformativeText(
        tr("Each is sent again to its webhook with its original message id, one at a time and at most %1 per second "
           "(about %2 s in all), and each result is recorded as a redelivery. Events of deleted or disabled webhooks "
           "are skipped.")
            .arg(locale.toString(perSecond, 'g', 3), locale.toString(seconds)));
    QPushButton *start = ask->addButton(tr("Redeliver %Ln Event(s)", nullptr, int(ids.size())), QMessageBox::AcceptRole);
    ask->addButton(QMessageBox::Cancel);
    ask->setDefaultButton(QMessageBox::Cancel);
    connect(ask, &QMessageBox::finished, this, [this, ask, start, ids] {
        if (ask->clickedButton() == start)
            startBulkRedelivery(ids);
    });
    ask->open();
}

void DeliveriesView::startBulkRedelivery(const QList<qint64> &ids)
{
    if (m_task != Task::None)
        return;
    auto *batch = new BulkRedelivery({m_database, m_services.keychain, m_services.sender}, ids, this);
    batch->setMaxPerSecond(m_options.redeliveriesPerSecond);
    m_bulk = batch;
    connect(batch, &BulkRedelivery::progressChanged, this, [this](const RedeliveryProgress &progress) {
        taskProgressed(progress.done, progress.total);
        m_taskLabel->setText(tr("Redelivering failed events: %1 delivered, %2 failed.")
                                 .arg(QLocale().toString(progress.successes), QLocale().toString(progress.failures)));
    });
    connect(batch, &BulkRedelivery::itemFinished, this, [this] { m_model->appendNewer(); });
    connect(batch, &BulkRedelivery::finished, this, [this, batch](const RedeliveryProgress &progress) {
        batch->deleteLater();
        m_bulk = nullptr;
        setTask(Task::None);
        const QLocale locale;
        QString summary = tr("Redelivered %1 of %2 failed events: %3 delivered, %4 failed (%5 not sent).")
                              .arg(locale.toString(progress.done), locale.toString(progress.total),
                                   locale.toString(progress.successes), locale.toString(progress.failures),
                                   locale.toString(progress.refused));
        if (progress.cancelled)
            summary = tr("Cancelled. %1").arg(summary);
        showMessage(summary, progress.failures > 0);
        m_model->appendNewer();
        if (const auto id = m_detail->shownId())
            showDetailOf(*id);  // its timeline has the new attempts
        emit bulkRedeliveryFinished(progress);
    });
    showMessage(QString());
    setTask(Task::Redelivering, tr("Redelivering failed events…"));
    taskProgressed(0, ids.size());
    emit bulkRedeliveryStarted(int(ids.size()));
    batch->start();
}

// --- export --------------------------------------------------------------------------------------------

void DeliveriesView::exportFiltered()
{
    if (m_task != Task::None)
        return;
    const QString csv = tr("CSV (*.csv)");
    const QString jsonLines = tr("JSON Lines (*.jsonl)");
    QFileDialog *chooser = FileDialogs::create(this, tr("Export Deliveries"), QString(), csv + u";;"_s + jsonLines,
                                               QFileDialog::AcceptSave);
    chooser->setObjectName(u"exportFileChooser"_s);
    chooser->setDefaultSuffix(u"csv"_s);
    chooser->selectFile(u"deliveries-%1.csv"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
    connect(chooser, &QFileDialog::filterSelected, chooser, [chooser, jsonLines](const QString &chosen) {
        chooser->setDefaultSuffix(chosen == jsonLines ? u"jsonl"_s : u"csv"_s);
    });
    connect(chooser, &QFileDialog::fileSelected, this, [this, chooser, jsonLines](const QString &path) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        const bool lines = suffix == u"jsonl" || suffix == u"ndjson"
                           || (suffix != u"csv" && chooser->selectedNameFilter() == jsonLines);
        exportTo(path, lines ? DeliveryLog::ExportFormat::JsonLines : DeliveryLog::ExportFormat::Csv);
    });
    chooser->open();
}

bool DeliveriesView::exportTo(const QString &path, DeliveryLog::ExportFormat format)
{
    if (m_task != Task::None)
        return false;
    const DeliveryFilter current = filter();
    const int pageSize = m_options.exportPageSize;
    auto result = std::make_shared<DeliveryLog::ExportResult>();
    m_logTask = std::make_unique<DeliveryLogTask>(
        m_url, m_password,
        [current, format, path, pageSize, result](Database &database, const DeliveryLog::Progress &progress) {
            // Written beside the target and renamed at the end: a cancelled or failed export leaves no half file.
            QSaveFile file(path);
            // The export holds patient data: private to its owner before the first byte is written (the umask is
            // the whole process's, so it is not changed from this thread).
            if (!file.open(QIODevice::WriteOnly)
                || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
                result->error = DeliveriesView::tr("Cannot write %1: %2").arg(path, file.errorString());
                return;
            }
            *result = DeliveryLog(database).exportTo(current, QDateTime::currentDateTimeUtc(), format, &file, progress,
                                                     pageSize);
            if (!result->ok || result->cancelled) {
                file.cancelWriting();
                return;
            }
            if (!file.commit()) {
                result->ok = false;
                result->error = DeliveriesView::tr("Cannot save %1: %2").arg(path, file.errorString());
            }
        });
    connect(m_logTask.get(), &DeliveryLogTask::progress, this, &DeliveriesView::taskProgressed);
    connect(m_logTask.get(), &DeliveryLogTask::finished, this, [this, result, path] {
        if (!m_logTask->connectionError().isEmpty())
            result->error = m_logTask->connectionError();
        m_logTask.release()->deleteLater();
        setTask(Task::None);
        const QString name = QFileInfo(path).fileName();
        if (result->cancelled)
            showMessage(tr("The export was cancelled; “%1” was not written.").arg(name));
        else if (!result->ok)
            showMessage(tr("The export failed: %1").arg(result->error), true);
        else
            showMessage(tr("Exported %Ln attempt(s) to “%1”.", nullptr, int(std::min<qint64>(result->rows, INT_MAX)))
                            .arg(QDir::toNativeSeparators(path)));
        emit exportFinished(*result);
    });
    showMessage(QString());
    setTask(Task::Export, tr("Exporting to “%1”…").arg(QFileInfo(path).fileName()));
    m_logTask->start();
    return true;
}

// --- purge ---------------------------------------------------------------------------------------------

void DeliveriesView::purgeOld()
{
    if (m_task != Task::None)
        return;
    const int days = m_settings.retentionDays();
    const QDateTime cutoff = QDateTime::currentDateTime().addDays(-days);
    auto *ask = new QMessageBox(this);
    ask->setObjectName(u"purgeConfirmation"_s);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setIcon(QMessageBox::Warning);
    ask->setWindowTitle(tr("Purge Old Deliveries"));
    const QLocale locale;
    ask->setText(tr("Delete every delivery attempt older than %Ln day(s), that is, started before %1 %2?", nullptr, days)
                     .arg(locale.toString(cutoff.date(), QLocale::LongFormat),
                          locale.toString(cutoff.time(), QLocale::ShortFormat)));
    ask->setInformativeText(tr("This cannot be undone. The attempts are deleted in batches while you keep working, "
                               "and the purge is written to the audit log. The retention period is set in the "
                               "settings."));
    QPushButton *purge = ask->addButton(tr("Purge"), QMessageBox::DestructiveRole);
    ask->addButton(QMessageBox::Cancel);
    ask->setDefaultButton(QMessageBox::Cancel);
    connect(ask, &QMessageBox::finished, this, [this, ask, purge, days] {
        if (ask->clickedButton() == purge)
            purgeOlderThan(days);
    });
    ask->open();
}

bool DeliveriesView::purgeOlderThan(int days)
{
    if (m_task != Task::None)
        return false;
    startPurge(days);
    return true;
}

void DeliveriesView::startPurge(int days)
{
    const int batchSize = m_options.purgeBatchSize;
    auto result = std::make_shared<DeliveryLog::PurgeResult>();
    m_logTask = std::make_unique<DeliveryLogTask>(
        m_url, m_password, [days, batchSize, result](Database &database, const DeliveryLog::Progress &progress) {
            *result = DeliveryLog(database).purge(days, QDateTime::currentDateTimeUtc(), batchSize, progress);
        });
    connect(m_logTask.get(), &DeliveryLogTask::progress, this, &DeliveriesView::taskProgressed);
    connect(m_logTask.get(), &DeliveryLogTask::finished, this, [this, result, days] {
        if (!m_logTask->connectionError().isEmpty())
            result->error = m_logTask->connectionError();
        m_logTask.release()->deleteLater();
        setTask(Task::None);
        const QLocale locale;
        const QString deleted = locale.toString(result->deleted);
        if (!result->error.isEmpty() && !result->ok)
            showMessage(tr("The purge stopped after deleting %1 attempts: %2").arg(deleted, result->error), true);
        else if (!result->error.isEmpty())
            showMessage(result->error, true);  // purged, but not audited
        else if (result->cancelled)
            showMessage(tr("The purge was cancelled after deleting %1 attempts older than %Ln day(s).", nullptr, days)
                            .arg(deleted));
        else
            showMessage(tr("Deleted %1 attempts older than %Ln day(s).", nullptr, days).arg(deleted));
        m_model->reload();
        if (const auto id = m_detail->shownId())
            showDetailOf(*id);
        emit purgeFinished(*result);
    });
    showMessage(QString());
    setTask(Task::Purge, tr("Deleting attempts older than %Ln day(s)…", nullptr, days));
    m_logTask->start();
}
