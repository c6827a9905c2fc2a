// The deliveries model's live side: attempts recorded since a listing started, and listed ones completed since.
#include "models/itemmodels/deliverytablemodel.h"

#include "models/itemmodels/deliverylogworker.h"

#include <QHash>

#include <algorithm>

void DeliveryTableModel::appendNewer()
{
    if (m_state != State::Ready || !m_selection || !m_countKnown)
        return;
    // What was recorded or completed after the running check read the log would wait for the next one.
    if (m_newerPending) {
        m_newerAgain = true;
        return;
    }
    m_newerPending = true;
    DeliveryLogRequest request;
    request.kind = DeliveryLogRequest::Kind::Newer;
    request.selection = *m_selection;
    request.limit = m_options.maxNewRowsPerRefresh;
    request.unfinished = loadedUnfinishedIds();
    enqueue(std::move(request));
}

QList<qint64> DeliveryTableModel::loadedUnfinishedIds() const
{
    // At most the cached blocks: a log full of attempts whose program died while sending costs no more.
    QList<qint64> ids;
    for (const auto &[block, cached] : m_blocks) {
        for (const DeliveryListRow &row : cached.rows) {
            if (!row.finished)
                ids << row.id;
        }
    }
    return ids;
}

void DeliveryTableModel::setAutoRefreshInterval(int intervalMs)
{
    if (intervalMs <= 0) {
        m_refreshTimer.stop();
        return;
    }
    m_refreshTimer.start(intervalMs);
}

void DeliveryTableModel::onNewer(int generation, int epoch, qint64 newMaxId, const QList<DeliveryListRow> &rows,
                                 const QList<qint64> &positions, const QList<DeliveryListRow> &reread)
{
    if (generation != m_generation) {
        dropStale(generation);
        return;
    }
    m_newerPending = false;
    // Found by id wherever they are now, so this holds even if rows moved since the check was asked for.
    updateReread(reread);
    int inserted = 0;
    if (epoch != m_epoch || !m_selection) {
        m_newerAgain = true;  // the positions are out of date; the rows come with the next check
    } else if (rows.size() != positions.size()) {
        reload();  // more arrived than is worth inserting one by one
        emit newerRowsChecked(0);
        return;
    } else {
        // Positions are final and ascending; consecutive ones go in as one group.
        for (qsizetype i = 0; i < rows.size();) {
            qsizetype j = i + 1;
            while (j < rows.size() && positions.at(j) == positions.at(j - 1) + 1)
                ++j;
            insertArrivedGroup(int(positions.at(i)), rows.mid(i, j - i));
            inserted += int(j - i);
            i = j;
        }
        m_selection->maxId = newMaxId;
    }
    if (inserted > 0)
        emit newerRowsInserted(inserted);
    emit newerRowsChecked(inserted);
    if (m_newerAgain) {
        m_newerAgain = false;
        appendNewer();
    }
}

// The listing keeps a completed attempt where it was, even when its outcome no longer matches the filter
// (a failure filter, an attempt that succeeded): it leaves the listing when the listing is loaded again.
void DeliveryTableModel::updateReread(const QList<DeliveryListRow> &rows)
{
    if (rows.isEmpty())
        return;
    QHash<qint64, DeliveryListRow> current;
    for (const DeliveryListRow &row : rows)
        current.insert(row.id, row);
    QList<qint64> completed;
    for (auto &[block, cached] : m_blocks) {
        const int first = blockRange(block).first;
        for (qsizetype i = 0; i < cached.rows.size(); ++i) {
            const auto found = current.constFind(cached.rows.at(i).id);
            if (found == current.cend() || *found == cached.rows.at(i))
                continue;
            cached.rows[i] = *found;
            const int row = first + int(i);
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            if (found->finished)
                completed << found->id;
        }
    }
    if (!completed.isEmpty())
        emit rowsCompleted(completed);
}

void DeliveryTableModel::insertArrivedGroup(int position, const QList<DeliveryListRow> &rows)
{
    const int k = int(rows.size());
    const int size = m_options.blockSize;
    const int oldHead = m_head;
    const std::map<int, CachedBlock> oldBlocks = m_blocks;
    auto oldRow = [&](int row) -> const DeliveryListRow * {
        const int block = floorDiv(row - oldHead, size);
        const auto it = oldBlocks.find(block);
        if (it == oldBlocks.end())
            return nullptr;
        const int offset = row - std::max(block * size + oldHead, 0);
        return offset >= 0 && offset < it->second.rows.size() ? &it->second.rows.at(offset) : nullptr;
    };

    // Rows below the insertion keep their block (the head grows by k); blocks holding rows above it change.
    beginInsertRows(QModelIndex(), position, position + k - 1);
    for (auto it = m_blocks.begin(); it != m_blocks.end();)
        it = it->first * size < position - oldHead ? m_blocks.erase(it) : std::next(it);
    for (auto it = m_bounds.begin(); it != m_bounds.end();)
        it = it->first * size < position - oldHead ? m_bounds.erase(it) : std::next(it);
    m_head += k;
    m_rowCount += k;
    ++m_epoch;
    m_pendingBlocks.clear();

    // Blocks whose rows are all known again (loaded before, or just arrived) are put back at once, so a
    // live view at the top does not flash placeholders.
    for (int block = blockOf(0); block <= blockOf(position + k - 1); ++block) {
        const auto [first, end] = blockRange(block);
        QList<DeliveryListRow> assembled;
        for (int row = first; row < end; ++row) {
            const DeliveryListRow *known = row < position        ? oldRow(row)
                                           : row < position + k ? &rows.at(row - position)
                                                                : oldRow(row - k);
            if (!known)
                break;
            assembled.append(*known);
        }
        if (!assembled.isEmpty() && assembled.size() == end - first)
            storeBlock(block, assembled);
    }
    endInsertRows();
    evictLeastRecentlyUsed();
    emit dataChanged(index(0, 0), index(position + k - 1, ColumnCount - 1));
}
