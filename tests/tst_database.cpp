// Opening the configuration database on both engines: migrations, refusals and logins.
#include "models/storage/database.h"
#include "models/secrets/databaselogin.h"
#include "models/storage/migrations.h"
#include "models/secrets/secretstore.h"
#include "models/domain/eventtype.h"
#include "testsupport/schemarewind.h"
#include "testsupport/testdatabases.h"

#include <QFile>
#include <QTemporaryDir>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// An SQLite file written by another program (or a newer one), with nothing of this program's touching it.
bool writeSqliteFile(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-program"_s);
        raw.setDatabaseName(path);
        ok = raw.open();
        for (const QString &statement : statements)
            ok = ok && QSqlQuery(raw).exec(statement);
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"other-program"_s);
    return ok;
}

} // namespace

class TestDatabase_ : public QObject
{
    Q_OBJECT
private slots:
    void migratesFreshDatabase_data() { addEngineRows(); }
    void migratesFreshDatabase();
    void reopenIsIdempotent_data() { addEngineRows(); }
    void reopenIsIdempotent();
    void upgradeAddsOperationsEvents_data() { addEngineRows(); }
    void upgradeAddsOperationsEvents();
    void refusesNewerSchemaAndLeavesItUntouched_data() { addEngineRows(); }
    void refusesNewerSchemaAndLeavesItUntouched();
    void sqliteUsesWalAndForeignKeys();
    void newerSqliteSchemaKeepsItsJournalMode();
    void foreignSqliteDatabaseIsRefusedUntouched();
    void newSqliteDatabaseIsPrivate();
    void actorIsOperatingSystemAccountOnSqlite();
    void actorIsDatabaseRoleOnPostgres();
    void unreachablePostgres();
    void lockedSqliteDatabase();
    void fileThatIsNotADatabase();
    void passwordFromKeychain();
    void passwordFromEnvironment();
};

void TestDatabase_::migratesFreshDatabase()
{
    auto testDb = TestDatabase::create(currentEngine());
    QVERIFY(testDb);
    Database db;
    QVERIFY2(db.open(testDb->url()), qPrintable(db.errorString()));
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT name, category, maps_to_diagnostic_report FROM event_types ORDER BY sort_order")));
    QStringList names;
    while (query.next()) {
        names.append(query.value(0).toString());
        const QString category = query.value(1).toString();
        QCOMPARE(query.value(2).toBool(), category == u"report" || category == u"battery");
    }
    QCOMPARE(names, (QStringList{u"report.created"_s, u"report.completed"_s, u"battery.low"_s, u"battery.critical"_s,
                                 u"task.created"_s, u"task.due"_s, u"task.overdue"_s, u"webhook.failing"_s,
                                 u"webhook.disabled"_s, u"webhook.recovered"_s, u"delivery.exhausted"_s}));
    QVERIFY(query.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) && query.next());
    QCOMPARE(query.value(0).toInt(), Migrations::latestVersion());
    for (const char *table : {"webhooks", "webhook_events", "deliveries", "audit_log"})
        QVERIFY2(db.connection().tables().contains(QLatin1String(table)), table);
}

void TestDatabase_::reopenIsIdempotent()
{
    auto testDb = TestDatabase::create(currentEngine());
    QVERIFY(testDb);
    int migrations = -1;  // as many as the first opening applied; versions need not be contiguous
    for (int i = 0; i < 2; ++i) {
        Database db;
        QVERIFY2(db.open(testDb->url()), qPrintable(db.errorString()));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM event_types")) && query.next());
        QCOMPARE(query.value(0).toInt(), EventCatalog::builtIn().size());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), MAX(version) FROM schema_migrations")) && query.next());
        QCOMPARE(query.value(1).toInt(), Migrations::latestVersion());
        if (i == 0)
            migrations = query.value(0).toInt();
        QCOMPARE(query.value(0).toInt(), migrations);
    }
    QVERIFY(migrations > 1);
}

// A database from before migration 12 knows three categories and refuses a fourth; opened again, it has the
// operations events and their category.
void TestDatabase_::upgradeAddsOperationsEvents()
{
    auto testDb = TestDatabase::create(currentEngine());
    QVERIFY(testDb);
    auto operationsTypes = [](Database &db) {
        QSqlQuery query(db.connection());
        QStringList names;
        if (query.exec(QStringLiteral("SELECT name FROM event_types WHERE category = 'operations' ORDER BY sort_order")))
            while (query.next())
                names.append(query.value(0).toString());
        return names;
    };
    {
        Database db;
        QVERIFY2(db.open(testDb->url()), qPrintable(db.errorString()));
        QString error;
        QVERIFY2(rewindSchema(db, 11, &error), qPrintable(error));
        QCOMPARE(operationsTypes(db), QStringList());
    }
    {
        Database db;
        QVERIFY2(db.open(testDb->url()), qPrintable(db.errorString()));
        QCOMPARE(operationsTypes(db), (QStringList{u"webhook.failing"_s, u"webhook.disabled"_s,
                                                   u"webhook.recovered"_s, u"delivery.exhausted"_s}));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM event_types")) && query.next());
        QCOMPARE(query.value(0).toInt(), EventCatalog::builtIn().size());
        // The check still holds for what no category is.
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO event_types (name, category, severity, description,"
                                           " sort_order, maps_to_diagnostic_report)"
                                           " VALUES ('x.y', 'other', 'info', 'x', 999, FALSE)")));
    }
}

void TestDatabase_::refusesNewerSchemaAndLeavesItUntouched()
{
    auto testDb = TestDatabase::create(currentEngine());
    QVERIFY(testDb);
    const int future = Migrations::latestVersion() + 7;
    int migrations = 0;
    {
        Database db;
        QVERIFY(db.open(testDb->url()));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")) && query.next());
        migrations = query.value(0).toInt();
        QVERIFY(query.exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at, description)"
                                          " VALUES (%1, 0, 'from the future')").arg(future)));
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE future_table (x INTEGER)")));
    }
    Database db;
    QVERIFY(!db.open(testDb->url()));
    QCOMPARE(db.error(), Database::Error::TooNew);
    QVERIFY2(db.errorString().contains(QString::number(future)), qPrintable(db.errorString()));
    QVERIFY(db.errorString().contains(QLatin1String("not modified")));
    QVERIFY(!db.isOpen());

    // Still exactly as the newer program left it.
    QSqlDatabase raw = QSqlDatabase::addDatabase(testDb->url().engine() == DatabaseUrl::Engine::SQLite
                                                     ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"),
                                                 QStringLiteral("raw"));
    if (testDb->url().engine() == DatabaseUrl::Engine::SQLite) {
        raw.setDatabaseName(testDb->url().sqlitePath());
    } else {
        raw.setHostName(testDb->url().hostName());
        raw.setPort(testDb->url().port());
        raw.setUserName(testDb->url().userName());
        raw.setDatabaseName(testDb->url().databaseName());
    }
    QVERIFY(raw.open());
    {
        QSqlQuery query(raw);
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), MAX(version) FROM schema_migrations")) && query.next());
        QCOMPARE(query.value(0).toInt(), migrations + 1);
        QCOMPARE(query.value(1).toInt(), future);
        QVERIFY(raw.tables().contains(QStringLiteral("future_table")));
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

void TestDatabase_::newerSqliteSchemaKeepsItsJournalMode()
{
    // A newer program's database in rollback-journal mode: refused before anything is switched to WAL.
    QTemporaryDir folder;
    const QString path = folder.filePath(u"newer.db"_s);
    QVERIFY(writeSqliteFile(path, {u"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY,"
                                   " applied_at BIGINT NOT NULL, description TEXT NOT NULL)"_s,
                                   u"INSERT INTO schema_migrations VALUES (%1, 0, 'future')"_s
                                       .arg(Migrations::latestVersion() + 1)}));
    Database db;
    QVERIFY(!db.open(DatabaseUrl::sqliteFile(path)));
    QCOMPARE(db.error(), Database::Error::TooNew);
    QVERIFY2(!QFile::exists(path + u"-wal"_s), "the refused database was switched to WAL");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    // Bytes 18 and 19 of the header are 2 in WAL mode, 1 in rollback-journal mode.
    const QByteArray header = file.read(20);
    QCOMPARE(int(header.at(18)), 1);
    QCOMPARE(int(header.at(19)), 1);
}

void TestDatabase_::foreignSqliteDatabaseIsRefusedUntouched()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"pharmacy.db"_s);
    QVERIFY(writeSqliteFile(path, {u"CREATE TABLE prescriptions (id INTEGER PRIMARY KEY, drug TEXT)"_s,
                                   u"INSERT INTO prescriptions (drug) VALUES ('amiodarone')"_s}));
    QFile before(path);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray bytesBefore = before.readAll();
    before.close();

    Database db;
    QVERIFY(!db.open(DatabaseUrl::sqliteFile(path)));
    QCOMPARE(db.error(), Database::Error::Foreign);
    QVERIFY2(db.errorString().contains(u"prescriptions"_s), qPrintable(db.errorString()));
    QVERIFY2(db.errorString().contains(u"not modified"_s), qPrintable(db.errorString()));
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QVERIFY2(after.readAll() == bytesBefore, "the foreign database was changed");
    QVERIFY(!QFile::exists(path + u"-wal"_s));
}

void TestDatabase_::sqliteUsesWalAndForeignKeys()
{
    auto testDb = TestDatabase::create(DatabaseUrl::Engine::SQLite);
    Database db;
    QVERIFY(db.open(testDb->url()));
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QVERIFY2(!query.exec(QStringLiteral("INSERT INTO webhook_events (webhook_id, event_type) VALUES ('nope', 'battery.low')")),
             "a subscription of a missing webhook must be refused");
}

void TestDatabase_::newSqliteDatabaseIsPrivate()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"new/sub/webhooks.db"_s);
    Database db;
    QVERIFY2(db.open(DatabaseUrl::sqliteFile(path)), qPrintable(db.errorString()));
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    QCOMPARE(QFile::permissions(path) & others, QFileDevice::Permissions());
    QCOMPARE(QFile::permissions(path + u"-wal"_s) & others, QFileDevice::Permissions());
    QCOMPARE(QFile::permissions(folder.filePath(u"new/sub"_s)) & (others | QFileDevice::ExeOther | QFileDevice::ExeGroup),
             QFileDevice::Permissions());
}

void TestDatabase_::actorIsOperatingSystemAccountOnSqlite()
{
    auto testDb = TestDatabase::create(DatabaseUrl::Engine::SQLite);
    Database db;
    QVERIFY(db.open(testDb->url()));
    QVERIFY(!db.actor().isEmpty());
    QCOMPARE(db.actor(), Database::operatingSystemAccount());
}

void TestDatabase_::actorIsDatabaseRoleOnPostgres()
{
    auto testDb = TestDatabase::create(DatabaseUrl::Engine::PostgreSQL);
    QVERIFY(testDb);
    Database db;
    QVERIFY(db.open(testDb->url()));
    QCOMPARE(db.actor(), testDb->url().userName());
}

void TestDatabase_::unreachablePostgres()
{
    QString error;
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const auto url = DatabaseUrl::parse(QStringLiteral("postgresql://nobody@127.0.0.1:1/webhooks"), &error);
    QVERIFY(url);
    Database db;
    QVERIFY(!db.open(*url));
    QCOMPARE(db.error(), Database::Error::Unreachable);
    QVERIFY2(db.errorString().contains(QLatin1String("127.0.0.1")), qPrintable(db.errorString()));
    QVERIFY2(db.errorString().contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(db.errorString()));
}

void TestDatabase_::lockedSqliteDatabase()
{
    auto testDb = TestDatabase::create(DatabaseUrl::Engine::SQLite);
    // Another console holds an exclusive lock on a database it is starting to migrate.
    QProcess holder;
    holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
    other.setDatabaseName(testDb->url().sqlitePath());
    QVERIFY(other.open());
    {
        QSqlQuery lock(other);
        QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QVERIFY(lock.exec(QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY,"
                                         " applied_at BIGINT NOT NULL, description TEXT NOT NULL)")));
    }
    Database db;
    db.setBusyTimeout(200);
    QVERIFY(!db.open(testDb->url()));
    QCOMPARE(db.error(), Database::Error::Locked);
    QVERIFY2(db.errorString().contains(QLatin1String("locked by another program")), qPrintable(db.errorString()));
    {
        QSqlQuery unlock(other);
        QVERIFY(unlock.exec(QStringLiteral("COMMIT")));
    }
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    // Once the other console is done, the database opens and is migrated.
    QVERIFY2(db.open(testDb->url()), qPrintable(db.errorString()));
    QVERIFY(db.connection().tables().contains(QStringLiteral("webhooks")));
}

void TestDatabase_::fileThatIsNotADatabase()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("notes.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    Database db;
    QVERIFY(!db.open(DatabaseUrl::sqliteFile(path)));
    QVERIFY2(db.errorString().contains(path), qPrintable(db.errorString()));
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray(4096, 'x'));
}

void TestDatabase_::passwordFromKeychain()
{
    QString error;
    const auto url = DatabaseUrl::parse(qEnvironmentVariable("GOREPORTER_TEST_PG_PASSWORD_URL"), &error);
    QVERIFY2(url, "GOREPORTER_TEST_PG_PASSWORD_URL is set by scripts/test-services.sh");
    SecretStore secrets(QStringLiteral("goreporter-webhooks-test"));
    (void)secrets.removeAndWait(url->keychainKey());

    Database db;
    QVERIFY(!openWithStoredPassword(db, *url, secrets, nullptr));
    QCOMPARE(db.error(), Database::Error::AuthenticationFailed);
    QVERIFY2(db.errorString().contains(QLatin1String("goreporter_pw")), qPrintable(db.errorString()));

    const SecretStore::Result written = secrets.writeAndWait(url->keychainKey(), QStringLiteral("wrong"));
    QVERIFY2(written.ok(), qPrintable(written.message()));
    QVERIFY(!openWithStoredPassword(db, *url, secrets, nullptr));
    QCOMPARE(db.error(), Database::Error::AuthenticationFailed);

    QVERIFY(secrets.writeAndWait(url->keychainKey(), QStringLiteral("correct horse battery staple")).ok());
    const SecretStore::Result readBack = secrets.readAndWait(url->keychainKey());
    QVERIFY2(readBack.ok(), qPrintable(readBack.message()));
    QCOMPARE(readBack.value(), QStringLiteral("correct horse battery staple"));
    QString keychainProblem;
    QVERIFY2(openWithStoredPassword(db, *url, secrets, &keychainProblem), qPrintable(db.errorString() + keychainProblem));
    QCOMPARE(db.actor(), QStringLiteral("goreporter_pw"));
    QVERIFY(secrets.removeAndWait(url->keychainKey()).ok());
}

void TestDatabase_::passwordFromEnvironment()
{
    QString error;
    const auto url = DatabaseUrl::parse(qEnvironmentVariable("GOREPORTER_TEST_PG_PASSWORD_URL"), &error);
    QVERIFY(url);
    SecretStore secrets(QStringLiteral("goreporter-webhooks-test"));
    (void)secrets.removeAndWait(url->keychainKey());
    qputenv("PGPASSWORD", "correct horse battery staple");
    Database db;
    const bool opened = openWithStoredPassword(db, *url, secrets, nullptr);
    qunsetenv("PGPASSWORD");
    QVERIFY2(opened, qPrintable(db.errorString()));
}

QTEST_GUILESS_MAIN(TestDatabase_)
#include "tst_database.moc"
