// The deliveries table model: keyset-paged blocks, a bounded cache, an estimated then exact count, live inserts.
#include "models/itemmodels/deliverytablemodel.h"

#include "models/itemmodels/deliverylogworker.h"
#include "models/storage/backgroundthreads.h"

#include <algorithm>

using namespace Qt::StringLiterals;

int DeliveryTableModel::floorDiv(int a, int b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

DeliveryTableModel::DeliveryTableModel(const DatabaseUrl &url, const QString &password, QObject *parent)
    : DeliveryTableModel(url, password, Options(), parent)
{
}

DeliveryTableModel::DeliveryTableModel(const DatabaseUrl &url, const QString &password, const Options &options,
                                       QObject *parent)
    : QAbstractTableModel(parent), m_options(options),
      m_liveGeneration(std::make_shared<std::atomic<int>>(0)), m_running(std::make_shared<RunningQuery>())
{
    m_options.blockSize = std::max(m_options.blockSize, 1);
    m_options.maxCachedBlocks = std::max(m_options.maxCachedBlocks, 2);
    m_retryDelayMs = m_options.firstRetryDelayMs;
    auto *thread = new QThread;
    thread->setObjectName(u"delivery-log"_s);
    m_worker = new DeliveryLogWorker(url, password, m_liveGeneration, m_running);
    m_worker->moveToThread(thread);
    connect(thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Queued: the worker lives in the other thread. The call it carries runs here, on a model that is alive.
    connect(m_worker, &DeliveryLogWorker::reply, this, [this](const DeliveryLogWorker::Reply &call) { call(*this); });
    m_thread = thread;
    BackgroundThreads::start(thread);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &DeliveryTableModel::retry);
    connect(&m_refreshTimer, &QTimer::timeout, this, &DeliveryTableModel::appendNewer);
    reload();
}

DeliveryTableModel::~DeliveryTableModel()
{
    if (!m_thread)
        return;  // the application has ended the thread already, and the worker with it
    m_worker->stop();  // first: a request the worker takes up from now on does not run
    if (m_running->generation.load() >= 0)
        m_running->canceller.cancel();  // the one it runs
    m_thread->quit();
}

int DeliveryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int DeliveryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int DeliveryTableModel::blockOf(int row) const
{
    return floorDiv(row - m_head, m_options.blockSize);
}

int DeliveryTableModel::blockStart(int block) const
{
    return block * m_options.blockSize + m_head;
}

std::pair<int, int> DeliveryTableModel::blockRange(int block) const
{
    const int start = blockStart(block);
    return {std::max(start, 0), std::min(start + m_options.blockSize, m_rowCount)};
}

const DeliveryListRow *DeliveryTableModel::loadedRow(int row, bool countsAsUse) const
{
    if (row < 0 || row >= m_rowCount)
        return nullptr;
    const int block = blockOf(row);
    const auto it = m_blocks.find(block);
    if (it == m_blocks.end())
        return nullptr;
    const int offset = row - blockRange(block).first;
    if (offset >= it->second.rows.size())
        return nullptr;
    if (countsAsUse)
        it->second.lastUse = ++m_useClock;
    return &it->second.rows.at(offset);
}

bool DeliveryTableModel::isRowLoaded(int row) const
{
    return loadedRow(row, false) != nullptr;
}

std::optional<DeliveryListRow> DeliveryTableModel::rowAt(int row) const
{
    const DeliveryListRow *loaded = loadedRow(row, false);
    return loaded ? std::optional<DeliveryListRow>(*loaded) : std::nullopt;
}

QVariant DeliveryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeliveryListRow *row = loadedRow(index.row());
    if (!row) {
        requestBlock(blockOf(index.row()));
        if (role == LoadedRole)
            return false;
        if (role == Qt::DisplayRole && index.column() == TimeColumn)
            return m_state == State::Error ? tr("unavailable") : tr("loading…");
        return {};
    }
    switch (role) {
    case DeliveryIdRole: return row->id;
    case LoadedRole: return true;
    case SuccessRole: return row->success;
    case StartedAtRole: return row->startedAt();
    case WebhookIdRole: return row->webhookId;
    case EventIdRole: return row->eventId;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case AttemptColumn:
        case StatusColumn:
        case LatencyColumn: return int(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ErrorColumn && !row->error.isEmpty())
            return DeliveryErrors::readable(row->error);
        if (index.column() == WebhookColumn && row->webhookId.isEmpty())
            return tr("This webhook has been deleted; its attempts are kept under its last name.");
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn: return row->startedAt().toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case WebhookColumn: return row->webhookId.isEmpty() ? tr("%1 (deleted)").arg(row->webhookName) : row->webhookName;
    case EventTypeColumn: return row->eventType;
    case EventIdColumn: return row->eventId;
    case AttemptColumn: return row->attempt;
    case TriggerColumn:
        if (row->trigger == u"test")
            return tr("Test");
        if (row->trigger == u"redeliver")
            return tr("Redelivery");
        return tr("Event");
    case StatusColumn: return row->responseStatus ? QVariant(*row->responseStatus) : QVariant(tr("no response"));
    case ResultColumn: return row->success ? tr("Success") : tr("Failure");
    case LatencyColumn: return row->durationMs ? QVariant(tr("%1 ms").arg(*row->durationMs)) : QVariant();
    case ErrorColumn: return DeliveryErrors::label(row->error, row->responseStatus);
    }
    return {};
}

QVariant DeliveryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case WebhookColumn: return tr("Webhook");
    case EventTypeColumn: return tr("Event type");
    case EventIdColumn: return tr("Event ID");
    case AttemptColumn: return tr("Attempt");
    case TriggerColumn: return tr("Trigger");
    case StatusColumn: return tr("Status");
    case ResultColumn: return tr("Result");
    case LatencyColumn: return tr("Latency");
    case ErrorColumn: return tr("Error");
    }
    return {};
}

bool DeliveryTableModel::canFetchMore(const QModelIndex &parent) const
{
    // Rows beyond the first block arrive by themselves once the count is known, and rows in view are loaded on
    // demand by data(): there is never anything for a caller to fetch, so a fetch loop cannot spin.
    Q_UNUSED(parent);
    return false;
}

void DeliveryTableModel::fetchMore(const QModelIndex &parent)
{
    Q_UNUSED(parent);
}

void DeliveryTableModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void DeliveryTableModel::enqueue(DeliveryLogRequest request) const
{
    request.generation = m_generation;
    request.epoch = m_epoch;
    const QList<int> dropped = m_worker->push(std::move(request));
    for (int block : dropped)
        m_pendingBlocks.remove(block);
}

void DeliveryTableModel::requestBlock(int block) const
{
    if (m_state != State::Ready || !m_selection || m_pendingBlocks.contains(block))
        return;
    const auto [first, end] = blockRange(block);
    if (first >= end)
        return;
    DeliveryLogRequest request;
    request.kind = DeliveryLogRequest::Kind::Block;
    request.selection = *m_selection;
    request.block = block;
    request.limit = end - first;

    // Keyset from a neighbour whose boundary keys are known; from the top or the bottom end; and failing
    // those (a jump into the unknown middle) a skip from the nearest known boundary.
    const auto previous = m_bounds.find(block - 1);
    const auto next = m_bounds.find(block + 1);
    if (previous != m_bounds.end()) {
        request.direction = DeliveryLog::Direction::Older;
        request.anchor = previous->second.last;
    } else if (next != m_bounds.end()) {
        request.direction = DeliveryLog::Direction::Newer;
        request.anchor = next->second.first;
    } else if (first == 0) {
        request.direction = DeliveryLog::Direction::Older;
    } else if (end == m_rowCount && m_countKnown) {
        request.direction = DeliveryLog::Direction::Newer;
    } else {
        request.direction = DeliveryLog::Direction::Older;
        request.skip = first;
        if (m_countKnown && m_rowCount - end < request.skip) {
            request.direction = DeliveryLog::Direction::Newer;
            request.skip = m_rowCount - end;
        }
        auto above = m_bounds.lower_bound(block);
        if (above != m_bounds.begin()) {
            --above;
            const int gap = first - blockRange(above->first).second;
            if (gap < request.skip) {
                request.direction = DeliveryLog::Direction::Older;
                request.anchor = above->second.last;
                request.skip = gap;
            }
        }
        const auto below = m_bounds.upper_bound(block);
        if (below != m_bounds.end()) {
            const int gap = blockRange(below->first).first - end;
            if (gap < request.skip) {
                request.direction = DeliveryLog::Direction::Newer;
                request.anchor = below->second.first;
                request.skip = gap;
            }
        }
    }
    m_pendingBlocks.insert(block);
    enqueue(std::move(request));
}

void DeliveryTableModel::reload()
{
    ++m_generation;
    m_liveGeneration->store(m_generation);
    cancelStaleQuery();
    ++m_epoch;
    beginResetModel();
    m_selection.reset();
    m_rowCount = 0;
    m_head = 0;
    m_countKnown = false;
    m_estimate.reset();
    m_newerPending = false;
    m_newerAgain = false;
    m_blocks.clear();
    m_bounds.clear();
    m_pendingBlocks.clear();
    endResetModel();
    if (m_state != State::Error)
        setState(State::Loading);
    DeliveryLogRequest request;
    request.kind = DeliveryLogRequest::Kind::Snapshot;
    request.filter = m_filter;
    request.now = QDateTime::currentDateTimeUtc();
    request.limit = m_options.blockSize;
    enqueue(std::move(request));
}

int DeliveryTableModel::runningGeneration() const
{
    return m_running->generation.load();
}

void DeliveryTableModel::cancelStaleQuery()
{
    // A count over millions of rows can take a second: it is cancelled rather than waited for.
    const int running = m_running->generation.load();
    if (running >= 0 && running != m_generation)
        m_running->canceller.cancel();
}

void DeliveryTableModel::setFilter(const DeliveryFilter &filter)
{
    m_filter = filter;
    m_inconsistentReloads = 0;
    reload();
}

void DeliveryTableModel::retry()
{
    m_retryTimer.stop();
    DeliveryLogRequest request;
    request.kind = DeliveryLogRequest::Kind::Reconnect;
    enqueue(std::move(request));
}

void DeliveryTableModel::onSnapshot(int generation, const DeliverySelection &selection,
                                    const QList<DeliveryListRow> &rows, int limit)
{
    if (generation != m_generation) {
        dropStale(generation);
        return;
    }
    m_selection = selection;
    m_countKnown = rows.size() < limit;
    m_retryTimer.stop();
    m_retryDelayMs = m_options.firstRetryDelayMs;
    m_errorString.clear();
    if (!rows.isEmpty()) {
        beginInsertRows(QModelIndex(), 0, int(rows.size()) - 1);
        m_rowCount = int(rows.size());
        storeBlock(0, rows);
        endInsertRows();
    }
    setState(State::Ready);
    emit firstPageLoaded();
    if (m_countKnown)
        emit rowCountKnown(m_rowCount);
}

void DeliveryTableModel::onEstimate(int generation, qint64 estimate)
{
    if (generation != m_generation) {
        dropStale(generation);
        return;
    }
    if (m_countKnown)
        return;
    m_estimate = std::max<qint64>(estimate, m_rowCount);
    emit rowCountEstimated(*m_estimate);
}

void DeliveryTableModel::dropStale(int generation)
{
    ++m_staleDrops;
    emit staleResultDropped(generation);
}

void DeliveryTableModel::onCount(int generation, qint64 count)
{
    if (generation != m_generation) {
        dropStale(generation);
        return;
    }
    if (count < m_rowCount) {
        // Attempts of this listing were deleted (a purge) between the first page and the count.
        reload();
        return;
    }
    const int rows = int(std::min<qint64>(count, std::numeric_limits<int>::max()));
    if (rows > m_rowCount) {
        beginInsertRows(QModelIndex(), m_rowCount, rows - 1);
        m_rowCount = rows;
        endInsertRows();
    }
    m_countKnown = true;
    emit rowCountKnown(m_rowCount);
}

void DeliveryTableModel::onBlock(int generation, int epoch, int block, const QList<DeliveryListRow> &rows)
{
    if (generation != m_generation) {
        dropStale(generation);
        return;
    }
    if (epoch != m_epoch)
        return;
    m_pendingBlocks.remove(block);
    const auto [first, end] = blockRange(block);
    if (rows.size() != end - first) {
        // The listing no longer matches the database (attempts were purged meanwhile): start over, but
        // not forever if the database keeps changing under us.
        if (++m_inconsistentReloads <= 3)
            reload();
        return;
    }
    if (rows.isEmpty())
        return;
    storeBlock(block, rows);
    evictLeastRecentlyUsed();
    emit dataChanged(index(first, 0), index(end - 1, ColumnCount - 1));
    emit rowsLoaded(first, end - 1);
}

void DeliveryTableModel::storeBlock(int block, const QList<DeliveryListRow> &rows)
{
    m_blocks[block] = CachedBlock{rows, ++m_useClock};
    m_bounds[block] = {rows.first().key(), rows.last().key()};
}

// No dataChanged for evicted rows: the attempts they show have not changed, only whether they are cached.
// A view asks again (and gets a placeholder and a fetch) when it next paints them.
void DeliveryTableModel::evictLeastRecentlyUsed()
{
    while (int(m_blocks.size()) > m_options.maxCachedBlocks) {
        const auto oldest = std::min_element(m_blocks.begin(), m_blocks.end(), [](const auto &a, const auto &b) {
            return a.second.lastUse < b.second.lastUse;
        });
        m_blocks.erase(oldest);
    }
}

void DeliveryTableModel::onFailure(int generation, bool reconnect, const QString &message)
{
    if (!reconnect && generation != m_generation) {
        dropStale(generation);
        return;
    }
    m_pendingBlocks.clear();
    m_newerPending = false;
    m_newerAgain = false;
    m_errorString = tr("The delivery log cannot be read: %1").arg(message);
    setState(State::Error);
    emit errorOccurred(m_errorString);
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1));
    m_retryTimer.start(m_retryDelayMs);
    m_retryDelayMs = std::min(m_retryDelayMs * 2, m_options.maxRetryDelayMs);
}

void DeliveryTableModel::onReconnected(int generation)
{
    Q_UNUSED(generation);
    m_retryDelayMs = m_options.firstRetryDelayMs;
    m_errorString.clear();
    if (!m_selection) {
        reload();  // the listing never started
        return;
    }
    setState(State::Ready);
    if (!m_countKnown) {
        DeliveryLogRequest request;
        request.kind = DeliveryLogRequest::Kind::Count;
        request.selection = *m_selection;
        enqueue(std::move(request));
    }
    // Visible placeholders ask for their blocks again when the view repaints them.
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1));
}
