// The deliveries table: a window onto millions of attempts, loaded block by block off the GUI thread.
#pragma once

#include "models/storage/databaseurl.h"
#include "models/storage/deliveryfilter.h"
#include "models/storage/deliverylog.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <map>
#include <memory>
#include <optional>

class DeliveryLogWorker;
struct DeliveryLogRequest;
struct RunningQuery;

// Rows are numbered newest first. The row count comes from a count of the filter, announced by an estimate
// while it runs (the rows themselves wait for the exact count); rows are loaded in blocks by
// keyset pagination from the nearest block whose boundary keys are known (the first block from the top, the
// last from the bottom), by a worker thread with its own connection. Until a row is loaded it shows a
// placeholder. Only a bounded number of blocks is kept; the boundary keys of evicted blocks are kept so that
// coming back is again a keyset query. A listing is pinned to the attempts recorded when it started;
// appendNewer() brings in later ones at their place without a reset, and updates the listed attempts that were
// still on their way (recorded as unfinished) in place once their outcome is recorded.
class DeliveryTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn, WebhookColumn, EventTypeColumn, EventIdColumn, AttemptColumn, TriggerColumn, StatusColumn,
        ResultColumn, LatencyColumn, ErrorColumn, ColumnCount
    };
    enum Role {
        DeliveryIdRole = Qt::UserRole + 1,  // qint64; invalid while the row is not loaded
        LoadedRole,                         // bool
        SuccessRole,                        // bool
        StartedAtRole,                      // QDateTime (UTC)
        WebhookIdRole,                      // QString; empty for attempts of deleted webhooks
        EventIdRole,                        // QString
    };
    Q_ENUM(Role)
    enum class State { Loading, Ready, Error };
    Q_ENUM(State)

    struct Options
    {
        int blockSize = 200;
        int maxCachedBlocks = 16;
        int maxNewRowsPerRefresh = 500;  // more new attempts at once than this reload the listing instead
        int firstRetryDelayMs = 1000;    // after a lost connection; doubles up to maxRetryDelayMs
        int maxRetryDelayMs = 30000;
    };

    // Opens its own connection to url in the worker thread (QSqlDatabase connections belong to one thread).
    DeliveryTableModel(const DatabaseUrl &url, const QString &password, QObject *parent = nullptr);
    DeliveryTableModel(const DatabaseUrl &url, const QString &password, const Options &options,
                       QObject *parent = nullptr);
    // Cancels the query in hand and returns at once; the worker thread closes its connection and ends by itself
    // (BackgroundThreads), and nothing of it reaches this model any more.
    ~DeliveryTableModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // A new filter starts a new listing (a model reset); results still on their way for the old one are dropped.
    void setFilter(const DeliveryFilter &filter);
    DeliveryFilter filter() const { return m_filter; }
    // The same filter from scratch, e.g. after a purge.
    void reload();
    // Inserts attempts recorded since the listing started (or since the last call) where they belong, usually
    // at the top, without a reset, and reads the loaded attempts without an outcome again, updating those that
    // have one now in place (dataChanged). Call it on a timer (SQLite), on a PostgreSQL notification and when
    // this program recorded an attempt. A call while a check runs makes one more check after it.
    void appendNewer();
    // appendNewer() every intervalMs; 0 stops.
    void setAutoRefreshInterval(int intervalMs);
    // Tries to reconnect now instead of at the next automatic retry.
    void retry();

    State state() const { return m_state; }
    QString errorString() const { return m_errorString; }
    bool isCountKnown() const { return m_countKnown; }
    // While the count is running: roughly how many rows it will find (never fewer than are listed already);
    // nullopt before the estimate arrives, or when there was none to make (the first page held every row).
    std::optional<qint64> estimatedRowCount() const { return m_estimate; }
    // Results and requests of earlier listings that were dropped, in the worker or here, since construction.
    int staleDropCount() const { return m_staleDrops; }
    bool isRowLoaded(int row) const;
    std::optional<DeliveryListRow> rowAt(int row) const;
    int cachedBlockCount() const { return int(m_blocks.size()); }
    int blockSize() const { return m_options.blockSize; }
    int generation() const { return m_generation; }
    // The listing whose query the worker runs at this moment; -1 while it runs none.
    int runningGeneration() const;

signals:
    void stateChanged(DeliveryTableModel::State state);
    void errorOccurred(const QString &message);
    void firstPageLoaded();
    void rowCountKnown(int rows);
    // An estimate of the count arrived; rowCountKnown() follows with the exact figure.
    void rowCountEstimated(qint64 estimate);
    void rowsLoaded(int firstRow, int lastRow);
    void newerRowsInserted(int count);
    // A check for newer attempts (appendNewer()) is done; inserted may be 0.
    void newerRowsChecked(int inserted);
    // Listed attempts recorded without an outcome have one now; their rows were updated (dataChanged).
    void rowsCompleted(const QList<qint64> &ids);
    // A result or request of an earlier listing (generation) was dropped, so that it cannot touch this one.
    void staleResultDropped(int generation);

private:
    void cancelStaleQuery();
    friend class DeliveryLogWorker;  // delivers its results through the on...() members below

    struct Bounds
    {
        DeliveryKey first;
        DeliveryKey last;
    };
    struct CachedBlock
    {
        QList<DeliveryListRow> rows;
        mutable quint64 lastUse = 0;  // for evicting the least recently shown block
    };

    static int floorDiv(int a, int b);
    int blockOf(int row) const;
    int blockStart(int block) const;      // first row of the block, may be negative for the top block
    std::pair<int, int> blockRange(int block) const;  // [first, end) clipped to the rows
    void requestBlock(int block) const;
    void enqueue(DeliveryLogRequest request) const;
    void setState(State state);
    void evictLeastRecentlyUsed();
    void storeBlock(int block, const QList<DeliveryListRow> &rows);
    const DeliveryListRow *loadedRow(int row, bool countsAsUse = true) const;

    void onSnapshot(int generation, const DeliverySelection &selection, const QList<DeliveryListRow> &rows, int limit);
    void onEstimate(int generation, qint64 estimate);
    void onCount(int generation, qint64 count);
    void dropStale(int generation);
    void onBlock(int generation, int epoch, int block, const QList<DeliveryListRow> &rows);
    void onNewer(int generation, int epoch, qint64 newMaxId, const QList<DeliveryListRow> &rows,
                 const QList<qint64> &positions, const QList<DeliveryListRow> &reread);
    void insertArrivedGroup(int position, const QList<DeliveryListRow> &rows);
    QList<qint64> loadedUnfinishedIds() const;
    void updateReread(const QList<DeliveryListRow> &rows);
    void onFailure(int generation, bool reconnect, const QString &message);
    void onReconnected(int generation);

    Options m_options;
    // Owned by BackgroundThreads; a QPointer, because at exit it may go before this model.
    QPointer<QThread> m_thread;
    DeliveryLogWorker *m_worker;  // lives in m_thread and is deleted there as it ends
    std::shared_ptr<std::atomic<int>> m_liveGeneration;
    std::shared_ptr<RunningQuery> m_running;

    DeliveryFilter m_filter;
    std::optional<DeliverySelection> m_selection;
    int m_generation = 0;
    int m_epoch = 0;  // changes when rows move between blocks, so block results in flight are dropped
    int m_rowCount = 0;
    int m_head = 0;   // rows inserted above the listing's first row since it started
    bool m_countKnown = false;
    std::optional<qint64> m_estimate;
    int m_staleDrops = 0;
    bool m_newerPending = false;
    bool m_newerAgain = false;  // asked for while a check ran: one more when it is done
    std::map<int, CachedBlock> m_blocks;
    std::map<int, Bounds> m_bounds;
    mutable QSet<int> m_pendingBlocks;
    mutable quint64 m_useClock = 0;
    int m_inconsistentReloads = 0;

    State m_state = State::Loading;
    QString m_errorString;
    QTimer m_retryTimer;
    QTimer m_refreshTimer;
    int m_retryDelayMs = 0;
};
