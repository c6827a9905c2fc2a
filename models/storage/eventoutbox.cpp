// The outbox's schema (migration 9: events, their deliveries, the fan-out trigger, webhooks_emit) and its intake.
#include "models/storage/eventoutbox.h"

#include "models/storage/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

// The fan-out trigger and webhooks_emit, as migration 9 made them and migration 12 replaced them (operations
// events): written so that running them again replaces what is there.
QStringList EventOutbox::fanOutAndEmitStatements()
{
    return {
        // Fan-out where the event is stored, so that every way in (the command, webhooks_emit, a future producer)
        // subscribes the same webhooks in the same statement. An operations event is never delivered to the webhook
        // it is about: a failing alerts channel cannot alert itself into a loop.
        u"${sqlite_only}DROP TRIGGER IF EXISTS events_fan_out"_s,
        u"${sqlite_only}CREATE TRIGGER events_fan_out AFTER INSERT ON events BEGIN"
        " INSERT INTO event_deliveries (event_id, webhook_id, message_id, state, next_attempt_at, created_at,"
        " updated_at)"
        " SELECT NEW.id, w.id, 'msg_' || lower(hex(randomblob(16))),"
        " CASE WHEN w.active THEN 'pending' ELSE 'skipped' END,"
        " CASE WHEN w.active THEN NEW.received_at END, NEW.received_at, NEW.received_at"
        " FROM webhooks w JOIN webhook_events s ON s.webhook_id = w.id AND s.event_type = NEW.type"
        " WHERE w.id IS NOT json_extract(NEW.data_json, '$.webhook.id');"
        " END"_s,
        u"${postgresql_only}CREATE OR REPLACE FUNCTION events_fan_out() RETURNS trigger LANGUAGE plpgsql AS $$"
        " BEGIN"
        " INSERT INTO event_deliveries (event_id, webhook_id, message_id, state, next_attempt_at, created_at,"
        " updated_at)"
        " SELECT NEW.id, w.id, 'msg_' || replace(gen_random_uuid()::text, '-', ''),"
        " CASE WHEN w.active THEN 'pending' ELSE 'skipped' END,"
        " CASE WHEN w.active THEN NEW.received_at END, NEW.received_at, NEW.received_at"
        " FROM webhooks w JOIN webhook_events s ON s.webhook_id = w.id AND s.event_type = NEW.type"
        " WHERE w.id IS DISTINCT FROM (NEW.data_json::jsonb #>> '{webhook,id}');"
        " RETURN NULL;"
        " END $$"_s,
        u"${postgresql_only}CREATE OR REPLACE TRIGGER events_fan_out AFTER INSERT ON events"
        " FOR EACH ROW EXECUTE FUNCTION events_fan_out()"_s,
        // The producers' contract. SECURITY DEFINER: a role allowed to execute it needs no right on the tables.
        // It refuses what no event of the type can be (the fields the formatters need); the dispatcher reads the
        // stored document with the same strict reader as everything else before it formats it.
        u"${postgresql_only}CREATE OR REPLACE FUNCTION webhooks_emit(event_type TEXT, event_id TEXT, occurred_at TIMESTAMPTZ,"
        " data JSONB) RETURNS BOOLEAN LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$"
        " DECLARE"
        " event_category TEXT;"
        " section TEXT;"
        " field TEXT;"
        " BEGIN"
        " SELECT category INTO event_category FROM event_types WHERE name = event_type;"
        " IF event_category IS NULL THEN"
        " RAISE EXCEPTION 'unknown event type \"%\"', event_type USING ERRCODE = '22023',"
        " HINT = 'goreporter-webhooks events list names the event types';"
        " END IF;"
        " IF event_id IS NULL OR length(event_id) NOT BETWEEN 1 AND 200 THEN"
        " RAISE EXCEPTION 'the event id must have 1 to 200 characters' USING ERRCODE = '22023';"
        " END IF;"
        " IF occurred_at IS NULL THEN"
        " RAISE EXCEPTION 'occurred_at is missing' USING ERRCODE = '22023';"
        " END IF;"
        " IF data IS NULL OR jsonb_typeof(data) <> 'object' THEN"
        " RAISE EXCEPTION 'data must be a JSON object' USING ERRCODE = '22023';"
        " END IF;"
        " IF data ?| ARRAY['id', 'type', 'timestamp'] THEN"
        " RAISE EXCEPTION 'data must not hold id, type or timestamp: they are the function''s arguments'"
        " USING ERRCODE = '22023';"
        " END IF;"
        " FOREACH section IN ARRAY CASE event_category WHEN 'battery' THEN ARRAY['report', 'battery']"
        " WHEN 'task' THEN ARRAY['task']"
        " WHEN 'operations' THEN CASE event_type WHEN 'delivery.exhausted' THEN ARRAY['webhook', 'delivery']"
        " ELSE ARRAY['webhook'] END"
        " ELSE ARRAY['report'] END LOOP"
        " IF jsonb_typeof(data -> section) IS DISTINCT FROM 'object' THEN"
        " RAISE EXCEPTION '% events need a \"%\" object', event_type, section USING ERRCODE = '22023';"
        " END IF;"
        " FOREACH field IN ARRAY CASE section WHEN 'report' THEN ARRAY['id', 'kind', 'status', 'createdAt', 'link']"
        " WHEN 'battery' THEN ARRAY['manufacturer', 'model', 'status']"
        " WHEN 'webhook' THEN ARRAY['id', 'name', 'integration']"
        " WHEN 'delivery' THEN ARRAY['messageId', 'eventId', 'eventType']"
        " ELSE ARRAY['id', 'title', 'priority', 'dueDate', 'link'] END LOOP"
        " IF jsonb_typeof(data -> section -> field) IS DISTINCT FROM 'string'"
        " OR length(trim(data -> section ->> field)) = 0 THEN"
        " RAISE EXCEPTION '\"%.%\" must be a text that is not empty', section, field USING ERRCODE = '22023';"
        " END IF;"
        " END LOOP;"
        " END LOOP;"
        " IF event_category = 'battery' AND (jsonb_typeof(data -> 'battery' -> 'percentage') IS DISTINCT FROM"
        " 'number' OR (data -> 'battery' ->> 'percentage')::numeric NOT BETWEEN 0 AND 100) THEN"
        " RAISE EXCEPTION '\"battery.percentage\" must be a number from 0 to 100' USING ERRCODE = '22023';"
        " END IF;"
        " INSERT INTO events (id, type, occurred_at, data_json, received_at, received_by)"
        " VALUES (event_id, event_type, floor(extract(epoch FROM occurred_at) * 1000)::BIGINT,"
        " (jsonb_build_object('id', event_id, 'type', event_type, 'timestamp',"
        " to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')) || data)::TEXT,"
        " floor(extract(epoch FROM clock_timestamp()) * 1000)::BIGINT, session_user)"
        " ON CONFLICT (id) DO NOTHING;"
        " RETURN FOUND;"
        " END $$"_s,
    };
}

QStringList EventOutbox::migrationStatements()
{
    QStringList statements{
        // data_json is the whole event document as Event::fromJson reads it; the id is the producer's.
        u"CREATE TABLE events ("
        " id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),"
        " type TEXT NOT NULL REFERENCES event_types (name),"
        " occurred_at BIGINT NOT NULL,"
        " data_json TEXT NOT NULL,"
        " received_at BIGINT NOT NULL,"
        " received_by TEXT NOT NULL)"_s,
        u"CREATE INDEX events_by_received ON events (received_at)"_s,
        // One row per (event, subscribed webhook): what the dispatcher works through. message_id is the
        // webhook-id of every attempt of this pair.
        u"CREATE TABLE event_deliveries ("
        " event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
        " webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,"
        " message_id TEXT NOT NULL UNIQUE,"
        " state TEXT NOT NULL CHECK (state IN ('pending', 'skipped', 'delivered', 'failed', 'cancelled')),"
        " attempts INTEGER NOT NULL DEFAULT 0,"
        " next_attempt_at BIGINT,"
        " lease_owner TEXT,"
        " lease_until BIGINT,"
        " last_error TEXT,"
        " created_at BIGINT NOT NULL,"
        " updated_at BIGINT NOT NULL,"
        " PRIMARY KEY (event_id, webhook_id))"_s,
        u"CREATE INDEX event_deliveries_due ON event_deliveries (next_attempt_at) WHERE state = 'pending'"_s,
        u"CREATE INDEX event_deliveries_by_webhook ON event_deliveries (webhook_id, state, created_at)"_s,
    };
    statements += fanOutAndEmitStatements();
    statements << u"${postgresql_only}REVOKE ALL ON FUNCTION webhooks_emit(TEXT, TEXT, TIMESTAMPTZ, JSONB) FROM PUBLIC"_s;
    return statements;
}

EventOutbox::EventOutbox(Database &database)
    : m_database(database)
{
}

Result<AddedEvent> EventOutbox::add(const Event &event)
{
    QSqlDatabase db = m_database.connection();
    auto failed = [](const QSqlQuery &query) {
        const QSqlError error = query.lastError();
        // 22023 (invalid_parameter_value) is what webhooks_emit raises; 23503 is a foreign key (an unknown type).
        const QString code = error.nativeErrorCode();
        const bool refused = code == u"22023" || code == u"23503" || code == u"787";
        return Failure{refused ? ErrorCode::Invalid : ErrorCode::Unavailable,
                       tr("The event cannot be stored: %1").arg(Database::describe(error))};
    };

    bool stored = false;
    QSqlQuery insert(db);
    if (m_database.engine() == DatabaseUrl::Engine::PostgreSQL) {
        QJsonObject data = event.toJsonObject();
        for (const char *argument : {"id", "type", "timestamp"})
            data.remove(QLatin1String(argument));
        insert.prepare(u"SELECT webhooks_emit(?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS JSONB))"_s);
        insert.addBindValue(event.type);
        insert.addBindValue(event.id);
        insert.addBindValue(EventKeys::timestamp(event.timestamp));
        insert.addBindValue(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
        if (!insert.exec() || !insert.next())
            return failed(insert);
        stored = insert.value(0).toBool();
    } else {
        insert.prepare(u"INSERT INTO events (id, type, occurred_at, data_json, received_at, received_by)"
                       " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"_s);
        insert.addBindValue(event.id);
        insert.addBindValue(event.type);
        insert.addBindValue(event.timestamp.toMSecsSinceEpoch());
        insert.addBindValue(QString::fromUtf8(QJsonDocument(event.toJsonObject()).toJson(QJsonDocument::Compact)));
        insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
        insert.addBindValue(m_database.actor());
        if (!insert.exec())
            return failed(insert);
        stored = insert.numRowsAffected() == 1;
    }

    AddedEvent added;
    added.stored = stored;
    QSqlQuery read(db);
    read.prepare(u"SELECT type, received_at FROM events WHERE id = ?"_s);
    read.addBindValue(event.id);
    if (!read.exec() || !read.next())
        return failed(read);
    added.storedType = read.value(0).toString();
    added.receivedAt = QDateTime::fromMSecsSinceEpoch(read.value(1).toLongLong(), Qt::UTC);
    read.finish();
    QSqlQuery states(db);
    states.prepare(u"SELECT state, COUNT(*) FROM event_deliveries WHERE event_id = ? GROUP BY state"_s);
    states.addBindValue(event.id);
    if (!states.exec())
        return failed(states);
    while (states.next()) {
        const QString state = states.value(0).toString();
        const int count = states.value(1).toInt();
        if (state == u"skipped")
            added.skipped += count;
        else
            added.queued += count;
    }
    return added;
}
