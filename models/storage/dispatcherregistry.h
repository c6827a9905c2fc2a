// Which dispatchers run on a database: each one's row, kept fresh by its heartbeat, and SQLite's one-at-a-time rule.
#pragma once

#include "models/domain/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

class Database;

struct DispatcherInfo
{
    QString owner;         // host:pid, as in the leases
    QString host;
    qint64 pid = 0;
    QString version;
    QDateTime startedAt;
    QDateTime heartbeatAt;
};

// What a console shows of the delivery engine: who dispatches, and what waits.
struct DispatchOverview
{
    QList<DispatcherInfo> running; // heartbeat fresh, the longest-running first
    QDateTime lastSeen;            // the latest heartbeat of any dispatcher still listed (invalid: none is)
    qint64 due = 0;                // deliveries pending and due now
    QDateTime oldestDue;           // when the oldest of them became due (invalid: none)

    // How long no dispatcher may have been seen before the console's banner and "dispatch status" say so.
    static constexpr qint64 QuietMs = 3 * 60 * 1000;

    // Nobody delivers: no dispatcher runs, and either events wait or the last one was seen longer ago than
    // QuietMs (a dispatcher killed without leaving its row).
    bool deliveryStalled(const QDateTime &now) const
    {
        return running.isEmpty() && (due > 0 || (lastSeen.isValid() && lastSeen.msecsTo(now) > QuietMs));
    }
};

class DispatcherRegistry
{
    Q_DECLARE_TR_FUNCTIONS(DispatcherRegistry)
public:
    // A dispatcher whose heartbeat is older than this is taken for gone (three missed heartbeats).
    static constexpr int HeartbeatMs = 10000;
    static constexpr int StaleAfterMs = 3 * HeartbeatMs;

    explicit DispatcherRegistry(Database &database);

    // Adds this dispatcher's row. On SQLite it must be the only live one: Conflict, naming the other (where it
    // runs, since when, when it was last seen), while another's heartbeat is fresh. Rows of dispatchers gone
    // without saying so are removed.
    Result<void> enter(const DispatcherInfo &self, const QDateTime &now);
    Result<void> heartbeat(const QString &owner, const QDateTime &now);
    Result<void> leave(const QString &owner);
    // The dispatchers whose heartbeat is fresh at now, the longest-running first.
    Result<QList<DispatcherInfo>> running(const QDateTime &now) const;

    // The running dispatchers and the due deliveries at now.
    Result<DispatchOverview> overview(const QDateTime &now) const;

    // The statements of schema migration 10 (portable SQL with migrations.cpp's ${...} words).
    static QStringList migrationStatements();

private:
    Database &m_database;
};
