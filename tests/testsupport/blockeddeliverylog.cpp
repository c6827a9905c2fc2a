// Reads of the delivery log that cannot finish by themselves: a held table lock, or an endless view.
#include "testsupport/blockeddeliverylog.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

BlockedDeliveryLog::~BlockedDeliveryLog()
{
    release();
}

bool BlockedDeliveryLog::block(const DatabaseUrl &url, QString *error)
{
    m_holder = std::make_unique<Database>();
    if (!m_holder->open(url)) {
        *error = m_holder->errorString();
        return false;
    }
    QSqlDatabase db = m_holder->connection();
    QSqlQuery query(db);
    auto run = [&](const QString &sql) {
        if (query.exec(sql))
            return true;
        *error = Database::describe(query.lastError());
        return false;
    };
    if (url.engine() == DatabaseUrl::Engine::PostgreSQL)
        return db.transaction() && run(u"LOCK TABLE deliveries IN ACCESS EXCLUSIVE MODE"_s);
    // Every column of the table, so that any reader of the log finds what it selects; none a constant that the
    // planner could tell a condition from without reading the rows (webhook_id = ? on a NULL is false at once).
    return run(u"DROP TABLE deliveries"_s)
           && run(u"CREATE VIEW deliveries AS WITH RECURSIVE endless(n) AS (SELECT 1 UNION ALL"
                  " SELECT n + 1 FROM endless WHERE n < 1000000000000000)"
                  " SELECT n AS id, 'endless-' || n AS webhook_id, 'Endless' AS webhook_name,"
                  " 'report.created' AS event_type,"
                  " 'evt_' || n AS event_id, 'msg_' || n AS message_id, 1 AS attempt, 'event' AS trigger_kind,"
                  " 'POST' AS request_method, '' AS request_url, '[]' AS request_headers_json, NULL AS request_body,"
                  " NULL AS response_status, NULL AS response_headers_json, NULL AS response_body,"
                  " NULL AS response_size, NULL AS error, 0 AS success, n AS started_at, NULL AS finished_at,"
                  " NULL AS duration_ms FROM endless"_s);
}

bool BlockedDeliveryLog::isHeld() const
{
    if (!m_holder || m_holder->engine() != DatabaseUrl::Engine::PostgreSQL)
        return m_holder != nullptr;
    QSqlQuery query(m_holder->connection());
    return query.exec(u"SELECT 1 FROM pg_locks WHERE relation = 'deliveries'::regclass"
                      " AND mode = 'AccessExclusiveLock' AND granted AND pid = pg_backend_pid()"_s)
           && query.next();
}

bool BlockedDeliveryLog::isWaiting(qint64 pid) const
{
    if (!m_holder || m_holder->engine() != DatabaseUrl::Engine::PostgreSQL)
        return false;
    QSqlQuery query(m_holder->connection());
    query.prepare(u"SELECT 1 FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'"_s);
    query.addBindValue(pid);
    return query.exec() && query.next();
}

void BlockedDeliveryLog::release()
{
    if (m_holder && m_holder->engine() == DatabaseUrl::Engine::PostgreSQL && m_holder->isOpen())
        m_holder->connection().rollback();
    m_holder.reset();
}
