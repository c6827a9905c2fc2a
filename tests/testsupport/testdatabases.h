// Fresh databases for tests: a temporary SQLite file, or a new database in the test PostgreSQL cluster.
#pragma once

#include "models/storage/databaseurl.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

class TestDatabase
{
public:
    ~TestDatabase();
    const DatabaseUrl &url() const { return m_url; }
    QString urlText() const { return m_url.toString(); }

    // SQLite: a file in a temporary folder. PostgreSQL: a new database in the cluster named by
    // GOREPORTER_TEST_PG_URL (the README's test command starts one); QFAILs the test when it is missing.
    static std::unique_ptr<TestDatabase> create(DatabaseUrl::Engine engine);
    // The maintenance URL of the test cluster, or empty with *why set.
    static QString postgresClusterUrl(QString *why);

private:
    TestDatabase() = default;
    DatabaseUrl m_url;
    QTemporaryDir m_folder;
    QString m_postgresDatabase;
};

// Runs one statement on the test cluster's maintenance database (creating or dropping databases, closing one to
// logins); false with *error set when it fails.
bool runOnTestCluster(const QString &sql, QString *error);

// Adds the "sqlite" and "postgresql" rows of a data-driven test, with a column "engine".
void addEngineRows();
DatabaseUrl::Engine currentEngine();
