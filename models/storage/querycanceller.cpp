// Stops another thread's running statement: sqlite3_interrupt through QtSql's driver handle, pg_cancel_backend.
#include "models/storage/querycanceller.h"

#include "models/storage/backgroundthreads.h"
#include "models/storage/database.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

void QueryCanceller::attach(Database &database)
{
    sqlite3 *handle = nullptr;
    qint64 pid = 0;
    QSqlDatabase connection = database.connection();
    if (database.engine() == DatabaseUrl::Engine::SQLite) {
        // QtSql hands out the driver's own sqlite3*; Qt's SQLite plugin and this program use the same libsqlite3.
        const QVariant native = connection.driver() ? connection.driver()->handle() : QVariant();
        if (native.isValid() && qstrcmp(native.typeName(), "sqlite3*") == 0)
            handle = *static_cast<sqlite3 *const *>(native.constData());
    } else {
        QSqlQuery query(connection);
        if (query.exec(u"SELECT pg_backend_pid()"_s) && query.next())
            pid = query.value(0).toLongLong();
    }
    // Asked every thousand virtual-machine steps, in this thread: a cancellation reaches the statements that
    // start after it too.
    if (handle)
        sqlite3_progress_handler(handle, 1000, &QueryCanceller::refuseWhileCancelled, this);
    QMutexLocker lock(&m_mutex);
    m_sqlite = handle;
    m_backendPid = pid;
    m_url = database.url();
    m_password = database.password();
}

void QueryCanceller::detach()
{
    QMutexLocker lock(&m_mutex);
    if (m_sqlite)
        sqlite3_progress_handler(m_sqlite, 0, nullptr, nullptr);
    m_sqlite = nullptr;
    m_backendPid = 0;
}

int QueryCanceller::refuseWhileCancelled(void *canceller)
{
    return static_cast<QueryCanceller *>(canceller)->m_cancelled.load() ? 1 : 0;
}

qint64 QueryCanceller::backendPid() const
{
    QMutexLocker lock(&m_mutex);
    return m_backendPid;
}

void QueryCanceller::cancel()
{
    m_cancelled.store(true);
    QMutexLocker lock(&m_mutex);
    if (m_sqlite) {
        sqlite3_interrupt(m_sqlite);
        return;
    }
    if (m_backendPid <= 0)
        return;
    // Cancelling needs a connection of its own, and opening one can take seconds on a remote server.
    BackgroundThreads::run(u"query-cancel"_s, [url = m_url, password = m_password, pid = m_backendPid] {
        QString error;
        if (!cancelPostgresBackend(url, password, pid, &error) && !error.isEmpty())
            qInfo("Could not cancel the query of server process %lld: %s", pid, qPrintable(error));
    });
}

bool QueryCanceller::cancelPostgresBackend(const DatabaseUrl &url, const QString &password, qint64 backendPid,
                                           QString *error)
{
    Database control;
    if (!control.open(url, password)) {
        *error = control.errorString();
        return false;
    }
    QSqlQuery cancel(control.connection());
    cancel.prepare(u"SELECT pg_cancel_backend(?)"_s);
    cancel.addBindValue(int(backendPid));  // pg_cancel_backend(integer)
    if (!cancel.exec() || !cancel.next()) {
        *error = Database::describe(cancel.lastError());
        return false;
    }
    return cancel.value(0).toBool();
}
