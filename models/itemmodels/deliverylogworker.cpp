// The deliveries model's worker: runs its queries on a connection of its own thread, newest need first.
#include "models/itemmodels/deliverylogworker.h"

#include "models/itemmodels/deliverytablemodel.h"
#include "models/storage/database.h"

#include <QMutexLocker>

#include <algorithm>

int DeliveryLogRequest::priority() const
{
    switch (kind) {
    case Kind::Reconnect: return 4;
    case Kind::Snapshot: return 3;
    case Kind::Count: return 2;
    case Kind::Newer: return 1;
    case Kind::Block: return 0;
    }
    return 0;
}

DeliveryLogWorker::DeliveryLogWorker(DatabaseUrl url, QString password,
                                     std::shared_ptr<std::atomic<int>> liveGeneration,
                                     std::shared_ptr<RunningQuery> running)
    : m_url(std::move(url)), m_password(std::move(password)), m_liveGeneration(std::move(liveGeneration)),
      m_running(std::move(running))
{
}

// Runs in the worker's thread as it ends: the connection is closed where it was opened.
DeliveryLogWorker::~DeliveryLogWorker()
{
    closeDatabase();
}

QList<int> DeliveryLogWorker::push(DeliveryLogRequest request)
{
    QList<int> dropped;
    {
        QMutexLocker lock(&m_mutex);
        request.sequence = ++m_sequence;
        m_queue.append(std::move(request));
        // While someone drags the scroll bar, blocks they have passed are not worth a query.
        constexpr int maxQueuedBlocks = 6;
        int blocks = 0;
        for (qsizetype i = m_queue.size() - 1; i >= 0; --i) {
            if (m_queue.at(i).kind != DeliveryLogRequest::Kind::Block)
                continue;
            if (++blocks > maxQueuedBlocks) {
                dropped << m_queue.at(i).block;
                m_queue.removeAt(i);
            }
        }
    }
    QMetaObject::invokeMethod(this, [this] { processNext(); }, Qt::QueuedConnection);
    return dropped;
}

void DeliveryLogWorker::stop()
{
    m_stopping = true;
    QMutexLocker lock(&m_mutex);
    m_queue.clear();
}

void DeliveryLogWorker::closeDatabase()
{
    m_running->canceller.detach();
    m_log.reset();
    m_database.reset();
}

std::optional<DeliveryLogRequest> DeliveryLogWorker::takeNext()
{
    QMutexLocker lock(&m_mutex);
    if (m_queue.isEmpty())
        return std::nullopt;
    auto best = std::max_element(m_queue.begin(), m_queue.end(), [](const auto &a, const auto &b) {
        return std::pair(a.priority(), a.sequence) < std::pair(b.priority(), b.sequence);
    });
    DeliveryLogRequest request = *best;
    m_queue.erase(best);
    return request;
}

Result<void> DeliveryLogWorker::open()
{
    closeDatabase();
    m_database = std::make_unique<Database>();
    if (!m_database->open(m_url, m_password)) {
        Failure failure{ErrorCode::Unavailable, m_database->errorString()};
        m_database.reset();
        return failure;
    }
    m_log = std::make_unique<DeliveryLog>(*m_database);
    // Lets the model stop a query that a new filter made pointless, or that nobody waits for any more.
    m_running->canceller.attach(*m_database);
    return {};
}

void DeliveryLogWorker::send(Reply call)
{
    emit reply(call);
}

void DeliveryLogWorker::processNext()
{
    if (m_stopping)
        return;
    const auto request = takeNext();
    if (!request)
        return;
    const bool reconnect = request->kind == DeliveryLogRequest::Kind::Reconnect;
    if (!reconnect && request->generation != m_liveGeneration->load()) {
        dropped(*request);  // the filter changed since: nobody waits for this any more
        return;
    }
    if (reconnect || !m_database) {
        if (const Result<void> opened = open(); !opened) {
            fail(*request, opened.message());
            return;
        }
        if (reconnect) {
            send([generation = request->generation](DeliveryTableModel &model) { model.onReconnected(generation); });
            return;
        }
    }
    // Not run because the request went stale or the worker is stopping: Cancelled, which the checks below drop.
    auto runNow = [this, &request]() -> Result<void> {
        m_running->generation = request->generation;
        const Result<void> ran = clearToRun(*request) ? run(*request) : Failure{ErrorCode::Cancelled, {}};
        m_running->generation = -1;
        return ran;
    };
    const Result<void> ran = runNow();
    // A query cancelled because the model is going failed on purpose: nobody is there to tell.
    if (ran || m_stopping)
        return;
    // A query cancelled because the filter changed meanwhile failed on purpose: nobody waits for it.
    if (request->generation != m_liveGeneration->load()) {
        dropped(*request);
        return;
    }
    // A dropped connection (server restart, idle timeout, terminated backend) fails the first query after
    // it; one fresh connection and one more try hide that from the user.
    if (const Result<void> reopened = open(); !reopened) {
        fail(*request, reopened.message().isEmpty() ? ran.message() : reopened.message());
        return;
    }
    const Result<void> retried = runNow();
    if (retried || m_stopping)
        return;
    if (request->generation != m_liveGeneration->load())
        dropped(*request);
    else
        fail(*request, retried.message());
}

bool DeliveryLogWorker::clearToRun(const DeliveryLogRequest &request)
{
    // A cancellation of an earlier listing is not meant for this request. Cleared first and checked after: a
    // model that stops or moves on from now on cancels this request's statements itself.
    m_running->canceller.clear();
    return !m_stopping && request.generation == m_liveGeneration->load();
}

void DeliveryLogWorker::fail(const DeliveryLogRequest &request, const QString &message)
{
    if (m_stopping)
        return;
    const int generation = request.generation;
    const bool reconnect = request.kind == DeliveryLogRequest::Kind::Reconnect;
    send([generation, reconnect, message](DeliveryTableModel &model) {
        model.onFailure(generation, reconnect, message);
    });
}

void DeliveryLogWorker::dropped(const DeliveryLogRequest &request)
{
    send([generation = request.generation](DeliveryTableModel &model) { model.dropStale(generation); });
}

Result<void> DeliveryLogWorker::run(const DeliveryLogRequest &request)
{
    const int generation = request.generation;
    switch (request.kind) {
    case DeliveryLogRequest::Kind::Reconnect:
        return {};
    case DeliveryLogRequest::Kind::Snapshot:
        return runSnapshot(request);
    case DeliveryLogRequest::Kind::Count: {
        const auto count = m_log->count(request.selection);
        if (!count)
            return count.failure();
        send([generation, c = *count](DeliveryTableModel &model) { model.onCount(generation, c); });
        return {};
    }
    case DeliveryLogRequest::Kind::Block: {
        const auto rows = m_log->page(request.selection, request.direction, request.anchor, request.limit,
                                      request.skip);
        if (!rows)
            return rows.failure();
        send([generation, epoch = request.epoch, block = request.block, r = *rows](DeliveryTableModel &model) {
            model.onBlock(generation, epoch, block, r);
        });
        return {};
    }
    case DeliveryLogRequest::Kind::Newer:
        return runNewer(request);
    }
    return Failure{ErrorCode::Invalid, {}};
}

Result<void> DeliveryLogWorker::runSnapshot(const DeliveryLogRequest &request)
{
    const int generation = request.generation;
    auto selection = m_log->select(request.filter, request.now);
    if (!selection)
        return selection.failure();
    const auto maxId = m_log->maxId();
    if (!maxId)
        return maxId.failure();
    selection->maxId = *maxId;
    const auto rows = m_log->firstPage(*selection, request.limit);
    if (!rows)
        return rows.failure();
    const int limit = request.limit;
    send([generation, s = *selection, r = *rows, limit](DeliveryTableModel &model) {
        model.onSnapshot(generation, s, r, limit);
    });
    if (rows->size() < limit || generation != m_liveGeneration->load())
        return {};
    // A count of millions takes its time: an estimate first, so that the size of the listing shows at once. The
    // exact count follows whether or not the estimate could be made.
    if (const auto estimate = m_log->estimateCount(*selection); estimate && *estimate)
        send([generation, e = **estimate](DeliveryTableModel &model) { model.onEstimate(generation, e); });
    if (generation != m_liveGeneration->load())
        return {};
    DeliveryLogRequest count;
    count.kind = DeliveryLogRequest::Kind::Count;
    count.generation = generation;
    count.selection = *selection;
    return run(count);
}

Result<void> DeliveryLogWorker::runNewer(const DeliveryLogRequest &request)
{
    const auto newMax = m_log->maxId();
    if (!newMax)
        return newMax.failure();
    const qint64 oldMax = request.selection.maxId.value_or(0);
    QList<DeliveryListRow> rows;
    QList<qint64> positions;
    if (*newMax > oldMax) {
        const auto arrived = m_log->recordedBetween(request.selection, oldMax, *newMax, request.limit + 1);
        if (!arrived)
            return arrived.failure();
        rows = *arrived;
        if (rows.size() <= request.limit) {
            DeliverySelection after = request.selection;
            after.maxId = *newMax;
            for (const DeliveryListRow &row : std::as_const(rows)) {
                const auto position = m_log->countNewerThan(after, row.key());
                if (!position)
                    return position.failure();
                positions << *position;
            }
        }
    }
    // The attempts listed while their request was on its way have an outcome by now, most of them.
    QList<DeliveryListRow> reread;
    if (!request.unfinished.isEmpty()) {
        const auto current = m_log->rowsWithIds(request.unfinished);
        if (!current)
            return current.failure();
        reread = *current;
    }
    send([generation = request.generation, epoch = request.epoch, max = *newMax, r = rows, p = positions,
          reread](DeliveryTableModel &model) { model.onNewer(generation, epoch, max, r, p, reread); });
    return {};
}
