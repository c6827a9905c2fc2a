// Versioned schema migrations, applied in one transaction when a database is opened.
#pragma once

#include "models/domain/result.h"
#include "models/storage/databaseurl.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

// The schema version a database had and has after apply(); the same when it was up to date.
struct MigrationSummary
{
    int versionBefore = 0;
    int versionAfter = 0;
    bool migrated() const { return versionAfter != versionBefore; }
};

class Migrations
{
    Q_DECLARE_TR_FUNCTIONS(Migrations)
public:
    static int latestVersion();
    // Brings the schema to latestVersion(). A database whose schema is newer than this program is refused
    // and left untouched (Conflict); a failed migration is rolled back whole (Unavailable).
    static Result<MigrationSummary> apply(QSqlDatabase &db, DatabaseUrl::Engine engine);
    // 0 for a database without the migration table.
    static Result<int> currentVersion(QSqlDatabase &db);
    static QString tooNewMessage(int version);
};
