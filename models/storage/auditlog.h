// The one writer and reader of the audit log: who changed what when, with the state before and after.
#pragma once

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action;      // create, update, delete, enable, disable, import, purge, secret-set, ...
    QString entity;      // "webhook", "deliveries"
    QString entityId;
    QString entityName;
    QJsonObject before;
    QJsonObject after;
};

struct AuditChange
{
    QString action;
    QString entity;
    QString entityId;    // empty for a change to a whole table (a purge)
    QString entityName;
    QJsonObject before;  // empty: nothing before (a creation)
    QJsonObject after;   // empty: nothing after (a deletion)
};

class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    // Written by database's actor at the current time, inside whatever transaction database has open.
    static Result<void> write(Database &database, const AuditChange &change);
    // Oldest first; every entity's entries, or only those of one entity id.
    static Result<QList<AuditEntry>> read(Database &database, const QString &entityId = {});
};
