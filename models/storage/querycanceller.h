// Stops the statements that another thread's connection runs: SQLite's interrupt, PostgreSQL's cancel.
#pragma once

#include "models/storage/databaseurl.h"

#include <QMutex>
#include <QString>

#include <atomic>

class Database;
struct sqlite3;

// Shared (std::shared_ptr) between the thread that owns a connection and whoever may have to stop what it runs:
// a model whose filter changed, a task being cancelled, an owner being destroyed. A statement that is stopped
// fails with an error, which its thread takes for the cancellation it asked for.
class QueryCanceller
{
public:
    // In the thread that owns database, once it is open; detach() before it is closed or deleted.
    void attach(Database &database);
    void detach();

    // From the GUI thread, never waiting for the database. SQLite: sqlite3_interrupt() stops the statement in
    // hand at once, and every statement started afterwards fails as well until clear() (an interrupt alone is
    // lost when it comes between two statements of a job). PostgreSQL: pg_cancel_backend() sent over a
    // connection of its own from a background thread (BackgroundThreads); it stops what runs when it arrives.
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }
    // In the owning thread: statements may run again (a worker's next request, after a stale one was cancelled).
    void clear() { m_cancelled.store(false); }
    // The PostgreSQL server process of the attached connection; 0 on SQLite or while none is attached.
    qint64 backendPid() const;

    // Cancels what the PostgreSQL backend backendPid runs, over a new connection, in the calling thread. False
    // with *error set when that could not be asked, false alone when the backend was not there to cancel.
    static bool cancelPostgresBackend(const DatabaseUrl &url, const QString &password, qint64 backendPid,
                                      QString *error);

private:
    static int refuseWhileCancelled(void *canceller);

    mutable QMutex m_mutex;  // held across sqlite3_interrupt(), which must not race with closing the connection
    std::atomic<bool> m_cancelled = false;
    sqlite3 *m_sqlite = nullptr;
    qint64 m_backendPid = 0;
    DatabaseUrl m_url;
    QString m_password;
};
