// The dispatchers table (schema migration 10): entering, heartbeats, leaving, and who runs now.
#include "models/storage/dispatcherregistry.h"

#include "models/storage/database.h"
#include "models/storage/dispatchqueue.h"

#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

DispatcherInfo readInfo(const QSqlQuery &query)
{
    DispatcherInfo info;
    info.owner = query.value(0).toString();
    info.host = query.value(1).toString();
    info.pid = query.value(2).toLongLong();
    info.version = query.value(3).toString();
    info.startedAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
    info.heartbeatAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
    return info;
}

const QLatin1StringView columns("owner, host, pid, version, started_at, heartbeat_at");

} // namespace

QStringList DispatcherRegistry::migrationStatements()
{
    return {u"CREATE TABLE dispatchers ("
            " owner TEXT PRIMARY KEY,"
            " host TEXT NOT NULL,"
            " pid BIGINT NOT NULL,"
            " version TEXT NOT NULL,"
            " started_at BIGINT NOT NULL,"
            " heartbeat_at BIGINT NOT NULL)"_s};
}

DispatcherRegistry::DispatcherRegistry(Database &database)
    : m_database(database)
{
}

Result<void> DispatcherRegistry::enter(const DispatcherInfo &self, const QDateTime &now)
{
    QSqlDatabase db = m_database.connection();
    return Database::inWriteTransaction(db, tr("Cannot register the dispatcher"), [&]() -> Result<void> {
        const qint64 freshSince = now.toMSecsSinceEpoch() - StaleAfterMs;
        QSqlQuery query(db);
        query.prepare(u"DELETE FROM dispatchers WHERE heartbeat_at < ? OR owner = ?"_s);
        query.addBindValue(freshSince);
        query.addBindValue(self.owner);
        if (!query.exec())
            return Database::failure(tr("Cannot register the dispatcher"), query.lastError());
        if (m_database.engine() == DatabaseUrl::Engine::SQLite) {
            query.prepare(u"SELECT "_s + columns + u" FROM dispatchers ORDER BY started_at LIMIT 1"_s);
            if (!query.exec())
                return Database::failure(tr("Cannot register the dispatcher"), query.lastError());
            if (query.next()) {
                const DispatcherInfo other = readInfo(query);
                const QLocale locale;
                return Failure{
                    ErrorCode::Conflict,
                    tr("Another dispatcher is running on this SQLite database: %1 (process %2 on %3, since %4, last seen "
                       "%5 s ago). SQLite takes one dispatcher at a time; stop that one first, or use PostgreSQL for "
                       "several. A dispatcher that was killed is taken for gone %6 s after its last heartbeat.")
                        .arg(other.owner)
                        .arg(other.pid)
                        .arg(other.host, locale.toString(other.startedAt.toLocalTime(), QLocale::ShortFormat))
                        .arg(other.heartbeatAt.secsTo(now))
                        .arg(StaleAfterMs / 1000)};
            }
        }
        query.prepare(u"INSERT INTO dispatchers ("_s + columns + u") VALUES (?, ?, ?, ?, ?, ?)"_s);
        for (const QVariant &value : QVariantList{self.owner, self.host, self.pid, self.version,
                                                  self.startedAt.toMSecsSinceEpoch(), now.toMSecsSinceEpoch()})
            query.addBindValue(value);
        if (!query.exec())
            return Database::failure(tr("Cannot register the dispatcher"), query.lastError());
        return {};
    });
}

Result<void> DispatcherRegistry::heartbeat(const QString &owner, const QDateTime &now)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE dispatchers SET heartbeat_at = ? WHERE owner = ?"_s);
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(owner);
    if (!query.exec())
        return Database::failure(tr("Cannot record the dispatcher's heartbeat"), query.lastError());
    return {};
}

Result<void> DispatcherRegistry::leave(const QString &owner)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM dispatchers WHERE owner = ?"_s);
    query.addBindValue(owner);
    if (!query.exec())
        return Database::failure(tr("Cannot unregister the dispatcher"), query.lastError());
    return {};
}

Result<QList<DispatcherInfo>> DispatcherRegistry::running(const QDateTime &now) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT "_s + columns + u" FROM dispatchers WHERE heartbeat_at >= ? ORDER BY started_at"_s);
    query.addBindValue(now.toMSecsSinceEpoch() - StaleAfterMs);
    if (!query.exec())
        return Database::failure(tr("Cannot read the running dispatchers"), query.lastError());
    QList<DispatcherInfo> dispatchers;
    while (query.next())
        dispatchers.append(readInfo(query));
    return dispatchers;
}

Result<DispatchOverview> DispatcherRegistry::overview(const QDateTime &now) const
{
    DispatchOverview overview;
    const Result<QList<DispatcherInfo>> running = this->running(now);
    if (!running)
        return running.failure();
    overview.running = *running;
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT MAX(heartbeat_at) FROM dispatchers"_s) || !query.next())
        return Database::failure(tr("Cannot read the running dispatchers"), query.lastError());
    if (!query.value(0).isNull())
        overview.lastSeen = QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
    query.finish();
    const Result<std::pair<qint64, QDateTime>> due = DispatchQueue(m_database).due(now);
    if (!due)
        return due.failure();
    overview.due = due->first;
    overview.oldestDue = due->second;
    return overview;
}
