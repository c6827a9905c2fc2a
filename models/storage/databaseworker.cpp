// The worker thread: opens its connection on the first job, runs jobs until told to end and nothing is left.
#include "models/storage/databaseworker.h"

#include "models/storage/backgroundthreads.h"
#include "models/storage/database.h"

#include <condition_variable>
#include <deque>
#include <mutex>

// Shared by the owner and the thread, so that the thread never touches an owner that is gone.
struct DatabaseWorker::Queue
{
    DatabaseUrl url;
    QString password;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void(Database *, const QString &)>> jobs;
    bool closing = false;
};

// What every copy of one worker holds: when the last copy goes, the thread is told to end after its jobs.
struct DatabaseWorker::Owners
{
    std::shared_ptr<Queue> queue;
    ~Owners()
    {
        {
            std::lock_guard lock(queue->mutex);
            queue->closing = true;
        }
        queue->wake.notify_all();
    }
};

void DatabaseWorker::serve(const std::shared_ptr<Queue> &queue)
{
    // A QSqlDatabase connection belongs to the thread that opened it: this one is opened, used and closed here.
    Database database;
    bool opened = false;
    QString openError;
    for (;;) {
        std::function<void(Database *, const QString &)> job;
        {
            std::unique_lock lock(queue->mutex);
            queue->wake.wait(lock, [&] { return queue->closing || !queue->jobs.empty(); });
            if (queue->jobs.empty())
                return;
            job = std::move(queue->jobs.front());
            queue->jobs.pop_front();
        }
        // Opened again after a failure, so that a database that comes back is used by the next job.
        if (!opened) {
            opened = database.open(queue->url, queue->password);
            openError = opened ? QString() : database.errorString();
        }
        job(opened ? &database : nullptr, openError);
    }
}

DatabaseWorker::DatabaseWorker(const DatabaseUrl &url, const QString &password)
    : m_owners(std::make_shared<Owners>())
{
    auto queue = std::make_shared<Queue>();
    queue->url = url;
    queue->password = password;
    m_owners->queue = queue;
    // The registry deletes the thread once it has finished and joins it when the application ends, so that the
    // jobs still queued then are made before the process exits.
    BackgroundThreads::run(QStringLiteral("database-worker"), [queue] { serve(queue); });
}

void DatabaseWorker::post(std::function<void(Database *, const QString &)> job)
{
    const std::shared_ptr<Queue> &queue = m_owners->queue;
    {
        std::lock_guard lock(queue->mutex);
        queue->jobs.push_back(std::move(job));
    }
    queue->wake.notify_one();
}
