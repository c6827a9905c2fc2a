// Runs database jobs one after another on a connection of its own, in a thread of its own, so a window never waits.
#pragma once

#include "models/domain/result.h"
#include "models/storage/databaseurl.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class Database;

// Jobs run in the order they were given. Each hands its result to a receiver on the receiver's thread, and not at
// all once the receiver is gone (a receiver of nullptr: nobody is told). Copies share one thread and one queue, so
// that whatever holds a copy can still give jobs while it is being torn down. Losing the last copy does not wait:
// the jobs already given still run (a change someone asked for is never dropped), then the thread ends and its
// connection is closed in it.
class DatabaseWorker
{
public:
    DatabaseWorker(const DatabaseUrl &url, const QString &password);

    template<typename T>
    void run(std::function<Result<T>(Database &)> job, QObject *receiver, std::function<void(const Result<T> &)> done)
    {
        QPointer<QObject> guard(receiver);
        post([job = std::move(job), guard, done = std::move(done)](Database *database, const QString &openError) {
            Result<T> result = database ? job(*database) : Result<T>(Failure{ErrorCode::Unavailable, openError});
            if (guard)
                QMetaObject::invokeMethod(guard.data(), [done, result = std::move(result)] { done(result); },
                                          Qt::QueuedConnection);
        });
    }

    struct Queue;
    struct Owners;

private:
    static void serve(const std::shared_ptr<Queue> &queue);
    // database is null when the connection could not be opened; openError then says why.
    void post(std::function<void(Database *database, const QString &openError)> job);

    std::shared_ptr<Owners> m_owners;
};
