// The deliveries model's worker: runs its queries on a connection of its own thread, newest need first.
#pragma once

#include "models/storage/databaseurl.h"
#include "models/storage/deliveryfilter.h"
#include "models/storage/deliverylog.h"
#include "models/storage/querycanceller.h"

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class Database;
class DeliveryTableModel;

// What the worker is running, shared with the model so that it can stop a query that became stale or that
// nobody waits for any more.
struct RunningQuery
{
    std::atomic<int> generation = -1;  // of the request being run; -1 when idle
    QueryCanceller canceller;          // of the worker's connection
};

// One unit of work for the worker. Snapshots and counts go before blocks; among blocks the newest request
// goes first, because it is where the view is now.
struct DeliveryLogRequest
{
    enum class Kind { Snapshot, Count, Block, Newer, Reconnect };
    Kind kind = Kind::Block;
    int generation = 0;
    int epoch = 0;
    DeliveryFilter filter;        // Snapshot
    QDateTime now;                // Snapshot
    int limit = 0;                // Snapshot, Block, Newer
    DeliverySelection selection;  // Count, Block, Newer
    QList<qint64> unfinished;     // Newer: listed attempts without an outcome, to read again
    int block = 0;                // Block
    DeliveryLog::Direction direction = DeliveryLog::Direction::Older;
    std::optional<DeliveryKey> anchor;
    qint64 skip = 0;
    quint64 sequence = 0;

    int priority() const;
};

// Lives in the model's worker thread and owns the connection used there; it never sees the model itself.
// Results go back as reply() signals, queued to the model, so none reaches a model that is gone; the worker is
// deleted in its own thread when the thread ends, after the model let go of it.
class DeliveryLogWorker : public QObject
{
    Q_OBJECT
public:
    // A call to make on the model, in the model's thread.
    using Reply = std::function<void(DeliveryTableModel &model)>;

    DeliveryLogWorker(DatabaseUrl url, QString password, std::shared_ptr<std::atomic<int>> liveGeneration,
                      std::shared_ptr<RunningQuery> running);
    ~DeliveryLogWorker() override;

    // Called from the model's thread. Returns the generation-current block requests that fell out of the
    // bounded queue, so the model can ask again if it still needs them.
    QList<int> push(DeliveryLogRequest request);
    // Called from the model's thread as the model goes: what is queued is dropped, and nothing is reported any
    // more. The model cancels the statement in hand itself (RunningQuery::canceller).
    void stop();

signals:
    void reply(const DeliveryLogWorker::Reply &call);

private:
    void send(Reply call);
    void closeDatabase();
    std::optional<DeliveryLogRequest> takeNext();
    Result<void> open();
    void processNext();
    bool clearToRun(const DeliveryLogRequest &request);
    void fail(const DeliveryLogRequest &request, const QString &message);
    // Tells the model that a request of an earlier listing was left undone: it counts what it drops.
    void dropped(const DeliveryLogRequest &request);
    Result<void> run(const DeliveryLogRequest &request);
    Result<void> runSnapshot(const DeliveryLogRequest &request);
    Result<void> runNewer(const DeliveryLogRequest &request);

    DatabaseUrl m_url;
    QString m_password;
    std::shared_ptr<std::atomic<int>> m_liveGeneration;
    std::shared_ptr<RunningQuery> m_running;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<DeliveryLog> m_log;
    QMutex m_mutex;
    QList<DeliveryLogRequest> m_queue;
    quint64 m_sequence = 0;
    std::atomic<bool> m_stopping = false;
};
