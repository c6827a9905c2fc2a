// The deliveries model's worker: runs its queries on a connection of its own thread, newest need first.
#pragma once

#include "models/storage/databaseurl.h"
#include "models/storage/deliveryfilter.h"
#include "models/storage/deliverylog.h"

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class Database;
class DeliveryTableModel;
struct RunningQuery;

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
    int block = 0;                // Block
    DeliveryLog::Direction direction = DeliveryLog::Direction::Older;
    std::optional<DeliveryKey> anchor;
    qint64 skip = 0;
    quint64 sequence = 0;

    int priority() const;
};

// Lives in the model's worker thread and owns the connection used there. Results go back to the model as
// queued calls with the model as context, so none arrives after the model is gone.
class DeliveryLogWorker : public QObject
{
public:
    DeliveryLogWorker(DatabaseUrl url, QString password, std::shared_ptr<std::atomic<int>> liveGeneration,
                      std::shared_ptr<RunningQuery> running, DeliveryTableModel *model);
    ~DeliveryLogWorker() override;

    // Called from the model's thread. Returns the generation-current block requests that fell out of the
    // bounded queue, so the model can ask again if it still needs them.
    QList<int> push(DeliveryLogRequest request);
    // Called from the model's thread: closes the connection in the worker's thread, after the query in hand.
    void stop();

private:
    void closeDatabase();
    std::optional<DeliveryLogRequest> takeNext();
    bool open(QString *error);
    void processNext();
    void fail(const DeliveryLogRequest &request, const QString &message);
    // Tells the model that a request of an earlier listing was left undone: it counts what it drops.
    void dropped(const DeliveryLogRequest &request);
    bool run(const DeliveryLogRequest &request, QString *error);
    bool runSnapshot(const DeliveryLogRequest &request, QString *error);
    bool runNewer(const DeliveryLogRequest &request, QString *error);

    DatabaseUrl m_url;
    QString m_password;
    std::shared_ptr<std::atomic<int>> m_liveGeneration;
    std::shared_ptr<RunningQuery> m_running;
    DeliveryTableModel *m_model;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<DeliveryLog> m_log;
    QMutex m_mutex;
    QList<DeliveryLogRequest> m_queue;
    quint64 m_sequence = 0;
    std::atomic<bool> m_stopping = false;
};
