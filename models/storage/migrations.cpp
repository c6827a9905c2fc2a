// Versioned schema migrations, applied in one transaction when a database is opened.
#include "models/storage/migrations.h"

#include "models/storage/alertmarks.h"
#include "models/storage/database.h"
#include "models/storage/dispatcherregistry.h"
#include "models/storage/dispatchsettings.h"
#include "models/storage/eventoutbox.h"
#include "models/storage/machineregistry.h"
#include "models/storage/sealedcredentials.h"
#include "models/storage/testsendqueue.h"
#include "models/storage/undeliveredcounts.h"
#include "models/domain/eventtype.h"
#include "models/domain/webhook.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

struct Migration
{
    int version;
    const char *description;
    QStringList statements; // portable SQL; the ${...} words are replaced per engine
    // What SQL alone cannot do, run after the statements in the same transaction.
    Result<void> (*code)(QSqlDatabase &db) = nullptr;
};

Result<void> fillNameKeys(QSqlDatabase &db);
Result<void> seedEventTypes(QSqlDatabase &db);
Result<void> addOperationsEvents(QSqlDatabase &db);
Result<void> numberTwinAttemptsAgain(QSqlDatabase &db);

// Timestamps are UTC milliseconds since the epoch (BIGINT) on both engines, so ordering and keyset
// pagination mean the same everywhere; ids of webhooks are UUID text.
const QList<Migration> &allMigrations()
{
    static const QList<Migration> migrations = {
        {1, "webhook registry, subscriptions, delivery log and audit log",
         {
             QStringLiteral("CREATE TABLE event_types ("
                            " name TEXT PRIMARY KEY,"
                            " category TEXT NOT NULL CHECK (category IN ('report', 'battery', 'task', 'operations')),"
                            " severity TEXT NOT NULL CHECK (severity IN ('info', 'success', 'warning', 'critical')),"
                            " description TEXT NOT NULL,"
                            " sort_order INTEGER NOT NULL,"
                            " maps_to_diagnostic_report BOOLEAN NOT NULL)"),
             QStringLiteral("CREATE TABLE webhooks ("
                            " id TEXT PRIMARY KEY,"
                            " name TEXT NOT NULL UNIQUE,"
                            " kind TEXT NOT NULL CHECK (kind IN ('slack', 'teams', 'epic', 'generic')),"
                            " url TEXT NOT NULL,"
                            " active BOOLEAN NOT NULL DEFAULT TRUE,"
                            " description TEXT NOT NULL DEFAULT '',"
                            " timeout_seconds INTEGER NOT NULL DEFAULT 15 CHECK (timeout_seconds BETWEEN 1 AND 300),"
                            " headers_json TEXT NOT NULL DEFAULT '[]',"
                            " phi_level TEXT NOT NULL CHECK (phi_level IN ('none', 'limited', 'full')),"
                            " allow_loopback_http BOOLEAN NOT NULL DEFAULT FALSE,"
                            " settings_json TEXT NOT NULL DEFAULT '{}',"
                            " secret_fingerprint TEXT,"
                            " secret_set_at BIGINT,"
                            " created_by TEXT NOT NULL,"
                            " created_at BIGINT NOT NULL,"
                            " updated_by TEXT NOT NULL,"
                            " updated_at BIGINT NOT NULL,"
                            " version INTEGER NOT NULL DEFAULT 1)"),
             QStringLiteral("CREATE TABLE webhook_events ("
                            " webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,"
                            " event_type TEXT NOT NULL REFERENCES event_types (name),"
                            " PRIMARY KEY (webhook_id, event_type))"),
             // Attempts outlive their webhook (the log is part of the audit trail), so they keep its name.
             QStringLiteral("CREATE TABLE deliveries ("
                            " id ${serial_pk},"
                            " webhook_id TEXT REFERENCES webhooks (id) ON DELETE SET NULL,"
                            " webhook_name TEXT NOT NULL,"
                            " event_type TEXT NOT NULL REFERENCES event_types (name),"
                            " event_id TEXT NOT NULL,"
                            " message_id TEXT NOT NULL,"
                            " attempt INTEGER NOT NULL CHECK (attempt >= 1),"
                            " trigger_kind TEXT NOT NULL CHECK (trigger_kind IN ('test', 'event', 'redeliver')),"
                            " request_method TEXT NOT NULL DEFAULT 'POST',"
                            " request_url TEXT NOT NULL,"
                            " request_headers_json TEXT NOT NULL DEFAULT '[]',"
                            " request_body ${blob},"
                            " response_status INTEGER,"
                            " response_headers_json TEXT,"
                            " response_body ${blob},"
                            " response_size BIGINT,"
                            " error TEXT,"
                            " success BOOLEAN NOT NULL,"
                            " started_at BIGINT NOT NULL,"
                            " finished_at BIGINT,"
                            " duration_ms INTEGER)"),
             QStringLiteral("CREATE INDEX deliveries_by_time ON deliveries (started_at DESC, id DESC)"),
             QStringLiteral("CREATE INDEX deliveries_by_webhook_time ON deliveries (webhook_id, started_at DESC, id DESC)"),
             QStringLiteral("CREATE INDEX deliveries_by_event ON deliveries (event_id)"),
             QStringLiteral("CREATE TABLE audit_log ("
                            " id ${serial_pk},"
                            " at BIGINT NOT NULL,"
                            " actor TEXT NOT NULL,"
                            " action TEXT NOT NULL,"
                            " entity TEXT NOT NULL,"
                            " entity_id TEXT,"
                            " entity_name TEXT,"
                            " before_json TEXT,"
                            " after_json TEXT)"),
             QStringLiteral("CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, at)"),
         }},
        // The log's failure filters and the webhook health columns must stay instant at millions of attempts:
        // failures of one webhook come from one index range, and success rates come from hourly counts that
        // triggers keep, so whoever records or purges attempts (any program version) keeps them right.
        {2, "delivery log: failures-by-webhook index and hourly delivery counts for webhook health",
         {
             QStringLiteral("CREATE INDEX deliveries_by_webhook_result_time"
                            " ON deliveries (webhook_id, success, started_at DESC, id DESC)"),
             QStringLiteral("CREATE TABLE delivery_hourly ("
                            " webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,"
                            " hour_start BIGINT NOT NULL,"
                            " attempts INTEGER NOT NULL,"
                            " successes INTEGER NOT NULL,"
                            " PRIMARY KEY (webhook_id, hour_start))"),
             QStringLiteral("CREATE INDEX delivery_hourly_by_hour ON delivery_hourly (hour_start)"),
             QStringLiteral("INSERT INTO delivery_hourly (webhook_id, hour_start, attempts, successes)"
                            " SELECT webhook_id, (started_at / 3600000) * 3600000, COUNT(*),"
                            " SUM(CASE WHEN success THEN 1 ELSE 0 END)"
                            " FROM deliveries WHERE webhook_id IS NOT NULL"
                            " GROUP BY webhook_id, (started_at / 3600000) * 3600000"),
             QStringLiteral("${sqlite_only}"
                            "CREATE TRIGGER deliveries_hourly_insert AFTER INSERT ON deliveries"
                            " WHEN NEW.webhook_id IS NOT NULL BEGIN"
                            " INSERT INTO delivery_hourly (webhook_id, hour_start, attempts, successes)"
                            " VALUES (NEW.webhook_id, (NEW.started_at / 3600000) * 3600000, 1,"
                            " CASE WHEN NEW.success THEN 1 ELSE 0 END)"
                            " ON CONFLICT (webhook_id, hour_start) DO UPDATE"
                            " SET attempts = attempts + 1, successes = successes + excluded.successes;"
                            " END"),
             QStringLiteral("${sqlite_only}"
                            "CREATE TRIGGER deliveries_hourly_delete AFTER DELETE ON deliveries"
                            " WHEN OLD.webhook_id IS NOT NULL BEGIN"
                            " UPDATE delivery_hourly SET attempts = attempts - 1,"
                            " successes = successes - CASE WHEN OLD.success THEN 1 ELSE 0 END"
                            " WHERE webhook_id = OLD.webhook_id AND hour_start = (OLD.started_at / 3600000) * 3600000;"
                            " END"),
             QStringLiteral("${sqlite_only}"
                            "CREATE TRIGGER deliveries_hourly_update AFTER UPDATE OF webhook_id, started_at, success"
                            " ON deliveries BEGIN"
                            " UPDATE delivery_hourly SET attempts = attempts - 1,"
                            " successes = successes - CASE WHEN OLD.success THEN 1 ELSE 0 END"
                            " WHERE webhook_id = OLD.webhook_id AND hour_start = (OLD.started_at / 3600000) * 3600000;"
                            " INSERT INTO delivery_hourly (webhook_id, hour_start, attempts, successes)"
                            " SELECT NEW.webhook_id, (NEW.started_at / 3600000) * 3600000, 1,"
                            " CASE WHEN NEW.success THEN 1 ELSE 0 END WHERE NEW.webhook_id IS NOT NULL"
                            " ON CONFLICT (webhook_id, hour_start) DO UPDATE"
                            " SET attempts = attempts + 1, successes = successes + excluded.successes;"
                            " END"),
             QStringLiteral("${postgresql_only}"
                            "CREATE FUNCTION delivery_hourly_track() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                            "BEGIN\n"
                            "  IF TG_OP <> 'INSERT' THEN\n"
                            "    IF OLD.webhook_id IS NOT NULL THEN\n"
                            "      UPDATE delivery_hourly SET attempts = attempts - 1,\n"
                            "        successes = successes - CASE WHEN OLD.success THEN 1 ELSE 0 END\n"
                            "      WHERE webhook_id = OLD.webhook_id AND hour_start = (OLD.started_at / 3600000) * 3600000;\n"
                            "    END IF;\n"
                            "  END IF;\n"
                            "  IF TG_OP <> 'DELETE' THEN\n"
                            "    IF NEW.webhook_id IS NOT NULL THEN\n"
                            "      INSERT INTO delivery_hourly AS h (webhook_id, hour_start, attempts, successes)\n"
                            "      VALUES (NEW.webhook_id, (NEW.started_at / 3600000) * 3600000, 1,\n"
                            "        CASE WHEN NEW.success THEN 1 ELSE 0 END)\n"
                            "      ON CONFLICT (webhook_id, hour_start) DO UPDATE\n"
                            "      SET attempts = h.attempts + 1, successes = h.successes + EXCLUDED.successes;\n"
                            "    END IF;\n"
                            "  END IF;\n"
                            "  RETURN NULL;\n"
                            "END\n"
                            "$$"),
             QStringLiteral("${postgresql_only}"
                            "CREATE TRIGGER deliveries_hourly AFTER INSERT OR DELETE OR UPDATE OF webhook_id, started_at, success"
                            " ON deliveries FOR EACH ROW EXECUTE FUNCTION delivery_hourly_track()"),
         }},
        // Open deliveries views on PostgreSQL learn of new attempts by LISTEN instead of polling a shared server.
        // One notification per statement, without payload: listeners fetch what is new themselves, and
        // PostgreSQL folds identical notifications of one transaction into one, so bulk inserts stay cheap.
        // SQLite has no notifications (and no other process to tell): its views poll.
        {3, "delivery log: notify listeners of new attempts (PostgreSQL)",
         {
             QStringLiteral("${postgresql_only}"
                            "CREATE FUNCTION deliveries_notify_insert() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                            "BEGIN\n"
                            "  PERFORM pg_notify('goreporter_deliveries', '');\n"
                            "  RETURN NULL;\n"
                            "END\n"
                            "$$"),
             QStringLiteral("${postgresql_only}"
                            "CREATE TRIGGER deliveries_notify_insert AFTER INSERT ON deliveries"
                            " FOR EACH STATEMENT EXECUTE FUNCTION deliveries_notify_insert()"),
         }},
        // Retries and redeliveries of one message are numbered by (message_id, attempt): the index makes the
        // numbering, and listing a message's attempts, a probe instead of a scan of the whole log.
        {4, "delivery log: attempts by message",
         {
             QStringLiteral("CREATE INDEX deliveries_by_message ON deliveries (message_id, attempt)"),
         }},
        // Names are unique ignoring case and Unicode form: the key (WebhookNames::key) is computed by the program,
        // since neither engine folds Unicode case in SQL, and a unique index makes the database the judge.
        {5, "webhooks: unique normalised name key",
         {
             QStringLiteral("ALTER TABLE webhooks ADD COLUMN name_key TEXT"),
         },
         fillNameKeys},
        // Several dispatchers may record attempts of one message at once: the database, not a read before the
        // insert, keeps the numbers unique. Logs written before may hold twins; their message's attempts are
        // numbered again in the order they were made.
        {6, "delivery log: unique attempt numbers per message", {}, numberTwinAttemptsAgain},
        // An attempt is recorded unfinished before its request leaves and completed with the answer: open views
        // on PostgreSQL hear of the completion too (once per statement, on the channel and with the function of
        // migration 3), so that a listed "No outcome recorded" turns into the outcome. SQLite views poll.
        // Dropped first, so that it can run again on a schema that has it, as migration 6 can.
        {7, "delivery log: notify listeners of completed attempts (PostgreSQL)",
         {
             QStringLiteral("${postgresql_only}"
                            "DROP TRIGGER IF EXISTS deliveries_notify_complete ON deliveries"),
             QStringLiteral("${postgresql_only}"
                            "CREATE TRIGGER deliveries_notify_complete AFTER UPDATE OF finished_at ON deliveries"
                            " FOR EACH STATEMENT EXECUTE FUNCTION deliveries_notify_insert()"),
         }},
        // Health counts the events that no attempt delivered from hourly counts too, instead of looking at every
        // failed attempt of the window (undeliveredcounts.cpp).
        {8, "delivery log: undelivered events per webhook and hour, and an index of the hourly counts, for webhook"
            " health",
         UndeliveredCounts::migrationStatements()},
        // Events enter a durable outbox with one delivery per subscribed webhook (eventoutbox.cpp).
        {9, "event outbox: events, their deliveries to subscribed webhooks, fan-out, webhooks_emit (PostgreSQL)",
         EventOutbox::migrationStatements()},
        // Dispatchers say that they run (dispatcherregistry.cpp): for the console, and for SQLite's one at a time.
        {10, "dispatchers: who delivers, since when, last heartbeat", DispatcherRegistry::migrationStatements()},
        // What all dispatchers follow, in the database (dispatchsettings.cpp): settings, per-webhook rate limits,
        // send slots and runs of failures.
        {11, "dispatch settings, and each webhook's rate limit, send slot and run of failures",
         DispatchSettings::migrationStatements()},
        // The webhooks' own operations events (webhook.failing, ...): their types, webhooks_emit accepting them, and
        // a fan-out that never sends one to the webhook it is about.
        {12, "operations events: types, webhooks_emit and a fan-out that leaves out the webhook an alert is about",
         EventOutbox::fanOutAndEmitStatements(), addOperationsEvents},
        // What keeps operations alerts to one per kind and window, and a streak's count of the alerts it raised.
        {13, "operations alert marks, and the alerts each run of failures raised", AlertMarks::migrationStatements()},
        // Test-sends a console hands to a running dispatcher (testsendqueue.cpp).
        {14, "test-sends handed to a dispatcher", TestSendQueue::migrationStatements()},
        // The machines that may open sealed credentials (machineregistry.cpp).
        {15, "machines: enrolment, approval and revocation of the machines that open sealed credentials",
         MachineRegistry::migrationStatements()},
        // Credentials sealed to the approved machines (sealedcredentials.cpp).
        {16, "sealed credentials: signing secrets, Epic keys and receiver credentials only approved machines open",
         SealedCredentials::migrationStatements()},
    };
    return migrations;
}

QString forEngine(QString statement, DatabaseUrl::Engine engine)
{
    const bool sqlite = engine == DatabaseUrl::Engine::SQLite;
    statement.replace(QStringLiteral("${serial_pk}"),
                      sqlite ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                             : QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    statement.replace(QStringLiteral("${blob}"), sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA"));
    // Triggers have no common syntax: such statements are written once per engine and skipped on the other.
    const QString sqliteOnly = QStringLiteral("${sqlite_only}");
    const QString postgresqlOnly = QStringLiteral("${postgresql_only}");
    if (statement.startsWith(sqliteOnly))
        return sqlite ? statement.mid(sqliteOnly.size()) : QString();
    if (statement.startsWith(postgresqlOnly))
        return sqlite ? QString() : statement.mid(postgresqlOnly.size());
    return statement;
}

Failure databaseFailure(const QSqlError &error)
{
    return Failure{ErrorCode::Unavailable, Database::describe(error)};
}

Result<void> exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return {};
    return databaseFailure(query.lastError());
}

Result<void> seedEventTypes(QSqlDatabase &db)
{
    QSqlQuery query(db);
    // Every type the program knows that the table lacks: migration 1 seeds them all, later ones add new types.
    query.prepare(QStringLiteral("INSERT INTO event_types (name, category, severity, description, sort_order,"
                                 " maps_to_diagnostic_report) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING"));
    for (const EventType &event : EventCatalog::builtIn()) {
        query.addBindValue(event.name);
        query.addBindValue(EventCatalog::categoryKey(event.category));
        query.addBindValue(EventCatalog::severityKey(event.severity));
        query.addBindValue(event.description);
        query.addBindValue(event.sortOrder);
        query.addBindValue(event.mapsToDiagnosticReport);
        if (!query.exec())
            return databaseFailure(query.lastError());
    }
    return {};
}

// Migration 12: the category check of databases made before it learns "operations" (migration 1 has it now), then
// the new types. SQLite cannot alter a CHECK; loosening one in the stored schema text is the way its documentation
// gives for such a change ("Making Other Kinds Of Table Schema Changes"), safe because every row still passes.
Result<void> addOperationsEvents(QSqlDatabase &db)
{
    const QString before = QStringLiteral("CHECK (category IN ('report', 'battery', 'task'))");
    const QString after = QStringLiteral("CHECK (category IN ('report', 'battery', 'task', 'operations'))");
    if (db.driverName() == QLatin1String("QSQLITE")) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA schema_version")) || !query.next())
            return databaseFailure(query.lastError());
        const int schemaVersion = query.value(0).toInt();
        query.finish();
        if (const Result<void> ran = exec(db, QStringLiteral("PRAGMA writable_schema = ON")); !ran)
            return ran;
        query.prepare(QStringLiteral("UPDATE sqlite_schema SET sql = replace(sql, ?, ?)"
                                     " WHERE type = 'table' AND name = 'event_types'"));
        query.addBindValue(before);
        query.addBindValue(after);
        const bool updated = query.exec();
        const QSqlError error = query.lastError();
        // Off again whatever happened; the new schema version makes every connection read the schema again.
        const Result<void> bumped = exec(db, QStringLiteral("PRAGMA schema_version = %1").arg(schemaVersion + 1));
        const Result<void> off = exec(db, QStringLiteral("PRAGMA writable_schema = OFF"));
        if (!updated)
            return databaseFailure(error);
        if (!bumped)
            return bumped;
        if (!off)
            return off;
    } else {
        for (const QString &statement :
             QStringList{QStringLiteral("ALTER TABLE event_types DROP CONSTRAINT IF EXISTS event_types_category_check"),
                         QStringLiteral("ALTER TABLE event_types ADD CONSTRAINT event_types_category_check ") + after}) {
            if (const Result<void> ran = exec(db, statement); !ran)
                return ran;
        }
    }
    return seedEventTypes(db);
}

// Keys for the stored names; of names that collide (two workstations could create "Dup" and "DUP" together before
// the key existed), the older keeps its name and the others get a free one, recorded in the audit log.
Result<void> fillNameKeys(QSqlDatabase &db)
{
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT id, name FROM webhooks ORDER BY created_at, id")))
        return databaseFailure(select.lastError());
    QList<QPair<QString, QString>> webhooks;
    while (select.next())
        webhooks.append({select.value(0).toString(), select.value(1).toString()});
    select.finish();
    QSet<QString> keys;
    for (const auto &[id, name] : std::as_const(webhooks))
        keys.insert(WebhookNames::key(name));
    QSet<QString> taken;
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE webhooks SET name = ?, name_key = ? WHERE id = ?"));
    QSqlQuery audit(db);
    audit.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, entity, entity_id, entity_name, before_json,"
                                 " after_json) VALUES (?, ?, 'rename', 'webhook', ?, ?, ?, ?)"));
    for (const auto &[id, name] : std::as_const(webhooks)) {
        // A new name must not take another webhook's original name either.
        QString freeName = name;
        for (int n = 2; taken.contains(WebhookNames::key(freeName))
                        || (freeName != name && keys.contains(WebhookNames::key(freeName)));
             ++n) {
            const QString suffix = QStringLiteral(" (%1)").arg(n);
            freeName = name.left(100 - suffix.size()) + suffix;
        }
        const QString key = WebhookNames::key(freeName);
        taken.insert(key);
        update.addBindValue(freeName);
        update.addBindValue(key);
        update.addBindValue(id);
        if (!update.exec())
            return databaseFailure(update.lastError());
        if (freeName == name)
            continue;
        auto json = [](const QString &value) {
            return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("name"), value}}).toJson(QJsonDocument::Compact));
        };
        audit.addBindValue(QDateTime::currentMSecsSinceEpoch());
        audit.addBindValue(QStringLiteral("schema migration 5"));
        audit.addBindValue(id);
        audit.addBindValue(freeName);
        audit.addBindValue(json(name));
        audit.addBindValue(json(freeName));
        if (!audit.exec())
            return databaseFailure(audit.lastError());
    }
    QSqlQuery index(db);
    if (!index.exec(QStringLiteral("CREATE UNIQUE INDEX webhooks_by_name_key ON webhooks (name_key)")))
        return databaseFailure(index.lastError());
    return {};
}

Result<void> numberTwinAttemptsAgain(QSqlDatabase &db)
{
    // Only messages with twins are touched; their attempts get 1..n in the order they were made.
    QSqlQuery twins(db);
    twins.setForwardOnly(true);
    if (!twins.exec(QStringLiteral("SELECT id, message_id FROM deliveries WHERE message_id IN (SELECT message_id FROM"
                                   " deliveries GROUP BY message_id, attempt HAVING COUNT(*) > 1)"
                                   " ORDER BY message_id, attempt, started_at, id")))
        return databaseFailure(twins.lastError());
    QList<std::pair<qint64, int>> numbers;
    QString message;
    int attempt = 0;
    while (twins.next()) {
        const QString messageId = twins.value(1).toString();
        attempt = messageId == message ? attempt + 1 : 1;
        message = messageId;
        numbers.append({twins.value(0).toLongLong(), attempt});
    }
    twins.finish();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE deliveries SET attempt = ? WHERE id = ?"));
    for (const auto &[id, number] : numbers) {
        update.bindValue(0, number);
        update.bindValue(1, id);
        if (!update.exec())
            return databaseFailure(update.lastError());
    }
    for (const QString &statement : {QStringLiteral("DROP INDEX deliveries_by_message"),
                                     QStringLiteral("CREATE UNIQUE INDEX deliveries_by_message ON deliveries"
                                                    " (message_id, attempt)")}) {
        QSqlQuery query(db);
        if (!query.exec(statement))
            return databaseFailure(query.lastError());
    }
    return {};
}

} // namespace

int Migrations::latestVersion()
{
    return allMigrations().last().version;
}

Result<int> Migrations::currentVersion(QSqlDatabase &db)
{
    if (!db.tables().contains(QStringLiteral("schema_migrations")))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !query.next())
        return databaseFailure(query.lastError());
    return query.value(0).toInt();
}

QString Migrations::tooNewMessage(int version)
{
    return tr("The database has schema version %1, but this program knows only up to version %2. "
              "Install a newer goReporter Webhooks console; the database was not modified.")
        .arg(version)
        .arg(latestVersion());
}

Result<MigrationSummary> Migrations::apply(QSqlDatabase &db, DatabaseUrl::Engine engine)
{
    const Result<int> before = currentVersion(db);
    if (!before)
        return Failure{ErrorCode::Unavailable, tr("Cannot read the schema version: %1").arg(before.message())};
    if (*before > latestVersion())
        return Failure{ErrorCode::Conflict, tooNewMessage(*before)};
    if (*before == latestVersion())
        return MigrationSummary{*before, *before};

    if (const Result<void> begun = Database::beginWrite(db); !begun)
        return Failure{ErrorCode::Unavailable, tr("Cannot start the migration transaction: %1").arg(begun.message())};
    auto rollBack = [&db](ErrorCode code, const QString &message) -> Result<MigrationSummary> {
        db.rollback();
        return Failure{code, message};
    };
    auto failed = [&rollBack](const QString &message) { return rollBack(ErrorCode::Unavailable, message); };
    // Two workstations starting at once on a new shared database must not both migrate it.
    if (engine == DatabaseUrl::Engine::PostgreSQL) {
        if (const Result<void> locked = exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(72177)")); !locked)
            return failed(tr("Cannot lock the database for migration: %1").arg(locked.message()));
    }
    if (const Result<void> created = exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version"
                                                             " INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL,"
                                                             " description TEXT NOT NULL)"));
        !created)
        return failed(tr("Cannot create the migration table: %1").arg(created.message()));
    // Re-read under the lock: another workstation may have migrated meanwhile.
    const Result<int> lockedVersion = currentVersion(db);
    if (!lockedVersion)
        return failed(tr("Cannot read the schema version: %1").arg(lockedVersion.message()));
    if (*lockedVersion > latestVersion())
        return rollBack(ErrorCode::Conflict,
                        tr("A newer goReporter Webhooks console migrated the database to schema version %1 a moment "
                           "ago; this program knows only up to version %2. Install the newer console; the database "
                           "was not modified.")
                            .arg(*lockedVersion)
                            .arg(latestVersion()));
    for (const Migration &migration : allMigrations()) {
        if (migration.version <= *lockedVersion)
            continue;
        for (const QString &statement : migration.statements) {
            const QString sql = forEngine(statement, engine);
            if (sql.isEmpty())
                continue;
            if (const Result<void> ran = exec(db, sql); !ran)
                return failed(tr("Migration %1 failed: %2").arg(migration.version).arg(ran.message()));
        }
        if (migration.version == 1) {
            if (const Result<void> seeded = seedEventTypes(db); !seeded)
                return failed(tr("Cannot record the event types: %1").arg(seeded.message()));
        }
        if (migration.code) {
            if (const Result<void> ran = migration.code(db); !ran)
                return failed(tr("Migration %1 failed: %2").arg(migration.version).arg(ran.message()));
        }
        QSqlQuery record(db);
        record.prepare(QStringLiteral("INSERT INTO schema_migrations (version, applied_at, description) VALUES (?, ?, ?)"));
        record.addBindValue(migration.version);
        record.addBindValue(QDateTime::currentMSecsSinceEpoch());
        record.addBindValue(QString::fromLatin1(migration.description));
        if (!record.exec())
            return failed(tr("Cannot record migration %1: %2")
                              .arg(migration.version)
                              .arg(Database::describe(record.lastError())));
    }
    if (!db.commit())
        return failed(tr("Cannot commit the migration: %1").arg(Database::describe(db.lastError())));
    return MigrationSummary{*before, latestVersion()};
}
