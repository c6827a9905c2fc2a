#include "testsupport/testdatabases.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

bool runOnTestCluster(const QString &sql, QString *error)
{
    QString why;
    const QString clusterUrl = TestDatabase::postgresClusterUrl(&why);
    if (clusterUrl.isEmpty()) {
        *error = why;
        return false;
    }
    const auto url = DatabaseUrl::parse(clusterUrl, error);
    if (!url)
        return false;
    const QString connectionName = QStringLiteral("test-maintenance-") + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(url->hostName());
        db.setPort(url->port());
        db.setUserName(url->userName());
        db.setDatabaseName(url->databaseName());
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                *error = query.lastError().text();
        } else {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return ok;
}

QString TestDatabase::postgresClusterUrl(QString *why)
{
    const QString url = qEnvironmentVariable("GOREPORTER_TEST_PG_URL");
    if (url.isEmpty())
        *why = QStringLiteral("GOREPORTER_TEST_PG_URL is not set: run the suite with the README's test command, "
                              "which starts a throwaway PostgreSQL cluster");
    return url;
}

std::unique_ptr<TestDatabase> TestDatabase::create(DatabaseUrl::Engine engine)
{
    std::unique_ptr<TestDatabase> database(new TestDatabase);
    if (engine == DatabaseUrl::Engine::SQLite) {
        database->m_url = DatabaseUrl::sqliteFile(database->m_folder.filePath(QStringLiteral("webhooks.db")));
        return database;
    }
    const QString name = QStringLiteral("test_") + QUuid::createUuid().toString(QUuid::Id128);
    QString error;
    if (!runOnTestCluster(QStringLiteral("CREATE DATABASE ") + name, &error)) {
        qWarning("Cannot create the test database: %s", qPrintable(error));
        return nullptr;
    }
    database->m_postgresDatabase = name;
    QString why;
    QString url = postgresClusterUrl(&why);
    url = url.left(url.lastIndexOf(QLatin1Char('/')) + 1) + name;
    database->m_url = *DatabaseUrl::parse(url, &error);
    return database;
}

TestDatabase::~TestDatabase()
{
    if (m_postgresDatabase.isEmpty())
        return;
    QString error;
    if (!runOnTestCluster(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgresDatabase), &error))
        qWarning("Cannot drop the test database %s: %s", qPrintable(m_postgresDatabase), qPrintable(error));
}

void addEngineRows()
{
    QTest::addColumn<int>("engine");
    QTest::newRow("sqlite") << int(DatabaseUrl::Engine::SQLite);
    QTest::newRow("postgresql") << int(DatabaseUrl::Engine::PostgreSQL);
}

DatabaseUrl::Engine currentEngine()
{
    return DatabaseUrl::Engine(QTest::currentDataTag() == QByteArray("postgresql") ? 1 : 0);
}
