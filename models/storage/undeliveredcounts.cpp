// Schema migration 8: undelivered events per webhook and hour, kept by triggers, so health never reads the log.
#include "models/storage/undeliveredcounts.h"

using namespace Qt::StringLiterals;

// Health counts an event as undelivered in a window when a failed attempt of its message is in the window and no
// attempt of the message ever succeeded. Every attempt of such a message failed, so that is the same as its newest
// attempt being in the window: undelivered_messages holds each undelivered message of a webhook with the start of
// its newest attempt, and delivery_hourly.undelivered counts them by that hour. A change to any attempt of a
// message (recorded, completed, retried, purged, its webhook deleted) works the message's entry out again from
// its attempts, through the (message_id, attempt) index: a few rows, however long the log.
namespace {

// The statements that work out again the entry of the message of the trigger's row `row` (NEW or OLD), for
// SQLite's triggers: take the old entry out of its hour, then count the message again if it is undelivered.
// The message index is named: without statistics SQLite might rather walk every attempt of the webhook.
QString sqliteRecount(const QString &row)
{
    return u"UPDATE delivery_hourly SET undelivered = undelivered - 1"
           " WHERE webhook_id = %1.webhook_id AND hour_start = (SELECT (u.last_started_at / 3600000) * 3600000"
           "   FROM undelivered_messages u WHERE u.webhook_id = %1.webhook_id AND u.message_id = %1.message_id);"
           " DELETE FROM undelivered_messages WHERE webhook_id = %1.webhook_id AND message_id = %1.message_id;"
           // Not for a webhook being deleted: its counts go with it.
           " INSERT INTO undelivered_messages (webhook_id, message_id, last_started_at)"
           " SELECT d.webhook_id, d.message_id, MAX(d.started_at) FROM deliveries d INDEXED BY deliveries_by_message"
           " WHERE d.message_id = %1.message_id AND d.webhook_id = %1.webhook_id"
           "   AND EXISTS (SELECT 1 FROM webhooks w WHERE w.id = %1.webhook_id)"
           " GROUP BY d.webhook_id, d.message_id HAVING MAX(CASE WHEN d.success THEN 1 ELSE 0 END) = 0;"
           " INSERT INTO delivery_hourly (webhook_id, hour_start, attempts, successes, undelivered)"
           " SELECT u.webhook_id, (u.last_started_at / 3600000) * 3600000, 0, 0, 1 FROM undelivered_messages u"
           " WHERE u.webhook_id = %1.webhook_id AND u.message_id = %1.message_id"
           " ON CONFLICT (webhook_id, hour_start) DO UPDATE SET undelivered = undelivered + 1;"_s.arg(row);
}

// The undelivered messages of the attempts logged before: those with a failed attempt and no successful one,
// found webhook by webhook from the failures, each checked on the message index.
QString backfill(const QString &messageIndexHint)
{
    return u"INSERT INTO undelivered_messages (webhook_id, message_id, last_started_at)"
           " SELECT f.webhook_id, f.message_id, MAX(f.started_at) FROM webhooks w CROSS JOIN deliveries f"
           " WHERE f.webhook_id = w.id AND f.success = FALSE"
           " AND NOT EXISTS (SELECT 1 FROM deliveries d%1 WHERE d.message_id = f.message_id"
           "   AND d.webhook_id = f.webhook_id AND d.success = TRUE)"
           " GROUP BY f.webhook_id, f.message_id"_s.arg(messageIndexHint);
}

} // namespace

QStringList UndeliveredCounts::migrationStatements()
{
    return {
        u"CREATE TABLE undelivered_messages ("
        " webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,"
        " message_id TEXT NOT NULL,"
        " last_started_at BIGINT NOT NULL,"
        " PRIMARY KEY (webhook_id, message_id))"_s,
        u"CREATE INDEX undelivered_messages_by_time ON undelivered_messages (webhook_id, last_started_at)"_s,
        u"ALTER TABLE delivery_hourly ADD COLUMN undelivered INTEGER NOT NULL DEFAULT 0"_s,
        // Health sums a week of each webhook's hours: with the counts in the index, without a look at the table.
        u"CREATE INDEX delivery_hourly_counts"
        " ON delivery_hourly (webhook_id, hour_start, attempts, successes, undelivered)"_s,
        u"${sqlite_only}"_s + backfill(u" INDEXED BY deliveries_by_message"_s),
        u"${postgresql_only}"_s + backfill(QString()),
        // An undelivered message's newest attempt is in its hour, so the hour has its row already.
        u"INSERT INTO delivery_hourly (webhook_id, hour_start, attempts, successes, undelivered)"
        " SELECT webhook_id, (last_started_at / 3600000) * 3600000, 0, 0, COUNT(*) FROM undelivered_messages"
        " WHERE TRUE GROUP BY webhook_id, (last_started_at / 3600000) * 3600000"
        " ON CONFLICT (webhook_id, hour_start) DO UPDATE SET undelivered = excluded.undelivered"_s,
        u"${sqlite_only}CREATE TRIGGER deliveries_count_undelivered_insert AFTER INSERT ON deliveries"
        " WHEN NEW.webhook_id IS NOT NULL BEGIN "_s + sqliteRecount(u"NEW"_s) + u" END"_s,
        u"${sqlite_only}CREATE TRIGGER deliveries_count_undelivered_delete AFTER DELETE ON deliveries"
        " WHEN OLD.webhook_id IS NOT NULL BEGIN "_s + sqliteRecount(u"OLD"_s) + u" END"_s,
        // Completing an attempt sets its success whatever it was: only a change of it needs counting.
        u"${sqlite_only}CREATE TRIGGER deliveries_count_undelivered_update"
        " AFTER UPDATE OF webhook_id, message_id, started_at, success ON deliveries"
        " WHEN OLD.webhook_id IS NOT NULL AND (OLD.webhook_id IS NOT NEW.webhook_id OR OLD.message_id IS NOT"
        " NEW.message_id OR OLD.started_at IS NOT NEW.started_at OR OLD.success IS NOT NEW.success)"
        " BEGIN "_s + sqliteRecount(u"OLD"_s) + u" END"_s,
        // An attempt moved to another webhook or message changes that one too.
        u"${sqlite_only}CREATE TRIGGER deliveries_count_undelivered_move"
        " AFTER UPDATE OF webhook_id, message_id ON deliveries WHEN NEW.webhook_id IS NOT NULL AND (OLD.webhook_id IS NOT NEW.webhook_id"
        " OR OLD.message_id IS NOT NEW.message_id) BEGIN "_s + sqliteRecount(u"NEW"_s) + u" END"_s,
        // PostgreSQL: the same, in one function. Writers run at once there: the rows of the message are locked
        // first, so that of two transactions changing attempts of one message the second waits for the first to
        // commit, and then (each statement of the function sees what was committed before it) counts its rows.
        // The function keeps its plans for the session, made maybe when the log was empty: so the webhook is
        // compared in a way no index serves (IS NOT DISTINCT FROM) and sequential scans are off, which leaves the
        // message index, whatever the statistics; a bulk load in one transaction would otherwise walk the log
        // once per attempt.
        u"${postgresql_only}"
        "CREATE FUNCTION undelivered_messages_recount(of_webhook TEXT, of_message TEXT) RETURNS void\n"
        "LANGUAGE plpgsql SET enable_seqscan = off AS $$\n"
        "DECLARE\n"
        "  previous BIGINT;\n"
        "  newest BIGINT;\n"
        "  delivered BOOLEAN;\n"
        "BEGIN\n"
        "  PERFORM 1 FROM deliveries WHERE message_id = of_message AND webhook_id IS NOT DISTINCT FROM of_webhook\n"
        "    FOR UPDATE;\n"
        "  DELETE FROM undelivered_messages WHERE webhook_id = of_webhook AND message_id = of_message\n"
        "    RETURNING last_started_at INTO previous;\n"
        "  IF previous IS NOT NULL THEN\n"
        "    UPDATE delivery_hourly SET undelivered = undelivered - 1\n"
        "    WHERE webhook_id = of_webhook AND hour_start = (previous / 3600000) * 3600000;\n"
        "  END IF;\n"
        "  SELECT MAX(started_at), bool_or(success) INTO newest, delivered FROM deliveries\n"
        "  WHERE message_id = of_message AND webhook_id IS NOT DISTINCT FROM of_webhook;\n"
        "  IF newest IS NOT NULL AND NOT delivered AND EXISTS (SELECT 1 FROM webhooks WHERE id = of_webhook) THEN\n"
        "    INSERT INTO undelivered_messages (webhook_id, message_id, last_started_at)\n"
        "    VALUES (of_webhook, of_message, newest);\n"
        "    INSERT INTO delivery_hourly AS h (webhook_id, hour_start, attempts, successes, undelivered)\n"
        "    VALUES (of_webhook, (newest / 3600000) * 3600000, 0, 0, 1)\n"
        "    ON CONFLICT (webhook_id, hour_start) DO UPDATE SET undelivered = h.undelivered + 1;\n"
        "  END IF;\n"
        "END\n"
        "$$"_s,
        u"${postgresql_only}"
        "CREATE FUNCTION undelivered_messages_track() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "  IF TG_OP <> 'INSERT' THEN\n"
        "    IF OLD.webhook_id IS NOT NULL THEN\n"
        "      PERFORM undelivered_messages_recount(OLD.webhook_id, OLD.message_id);\n"
        "    END IF;\n"
        "  END IF;\n"
        "  IF TG_OP = 'INSERT' THEN\n"
        "    IF NEW.webhook_id IS NOT NULL THEN\n"
        "      PERFORM undelivered_messages_recount(NEW.webhook_id, NEW.message_id);\n"
        "    END IF;\n"
        "  ELSIF TG_OP = 'UPDATE' THEN\n"
        "    IF NEW.webhook_id IS NOT NULL AND (NEW.webhook_id IS DISTINCT FROM OLD.webhook_id\n"
        "                                      OR NEW.message_id <> OLD.message_id) THEN\n"
        "      PERFORM undelivered_messages_recount(NEW.webhook_id, NEW.message_id);\n"
        "    END IF;\n"
        "  END IF;\n"
        "  RETURN NULL;\n"
        "END\n"
        "$$"_s,
        // PostgreSQL fires a row's triggers in the order of their names: these come before deliveries_hourly, so
        // that every writer locks the message's rows before any row of the hourly counts, never the other way round
        // (a writer that held an hour and waited for a message whose writer waited for that hour would deadlock).
        u"${postgresql_only}CREATE TRIGGER deliveries_count_undelivered AFTER INSERT OR DELETE ON deliveries"
        " FOR EACH ROW EXECUTE FUNCTION undelivered_messages_track()"_s,
        u"${postgresql_only}CREATE TRIGGER deliveries_count_undelivered_update"
        " AFTER UPDATE OF webhook_id, message_id, started_at, success ON deliveries FOR EACH ROW"
        " WHEN (OLD.webhook_id IS DISTINCT FROM NEW.webhook_id OR OLD.message_id IS DISTINCT FROM NEW.message_id"
        "       OR OLD.started_at IS DISTINCT FROM NEW.started_at OR OLD.success IS DISTINCT FROM NEW.success)"
        " EXECUTE FUNCTION undelivered_messages_track()"_s,
    };
}
