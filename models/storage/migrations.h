// Versioned schema migrations, applied in one transaction when a database is opened.
#pragma once

#include "models/storage/databaseurl.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

class Migrations
{
    Q_DECLARE_TR_FUNCTIONS(Migrations)
public:
    enum class Outcome { UpToDate, Migrated, TooNew, Failed };
    struct Result
    {
        Outcome outcome = Outcome::Failed;
        int versionBefore = 0;
        int versionAfter = 0;
        QString errorMessage;
    };

    static int latestVersion();
    // Brings the schema to latestVersion(). A database whose schema is newer than this program is refused
    // and left untouched; a failed migration is rolled back whole.
    static Result apply(QSqlDatabase &db, DatabaseUrl::Engine engine);
    static int currentVersion(QSqlDatabase &db, QString *errorMessage);
    static QString tooNewMessage(int version);
};
