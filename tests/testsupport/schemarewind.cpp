// Takes a test database back to an older schema version, so that opening it again runs the later migrations on
// what was written meanwhile, as it would for a log written by an older program.
#include "testsupport/schemarewind.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

// What undoes each migration, newest first.
QStringList undoing(int version, DatabaseUrl::Engine engine)
{
    const bool sqlite = engine == DatabaseUrl::Engine::SQLite;
    switch (version) {
    case 16:
        return {u"DROP TABLE sealed_credentials"_s};
    case 15:
        return {u"DROP TABLE machines"_s};
    case 14:
        return {u"DROP TABLE test_sends"_s};
    case 13:
        return {u"DROP TABLE webhook_alert_marks"_s, u"ALTER TABLE webhook_dispatch_state DROP COLUMN alerts_raised"_s};
    case 12: {
        // The operations event types go, and the category check is as strict as before (SQLite: in the stored
        // schema text, read again by the next connection).
        const QString strict = u"CHECK (category IN ('report', 'battery', 'task'))"_s;
        const QString loose = u"CHECK (category IN ('report', 'battery', 'task', 'operations'))"_s;
        const QStringList removeTypes{u"DELETE FROM event_types WHERE category = 'operations'"_s};
        auto literal = [](QString text) -> QString { return u'\'' + text.replace(u'\'', u"''"_s) + u'\''; };
        if (sqlite)
            return removeTypes + QStringList{u"PRAGMA writable_schema = ON"_s,
                                             u"UPDATE sqlite_schema SET sql = replace(sql, %1, %2)"
                                             " WHERE type = 'table' AND name = 'event_types'"_s.arg(literal(loose),
                                                                                                   literal(strict)),
                                             u"PRAGMA writable_schema = OFF"_s};
        return removeTypes + QStringList{u"ALTER TABLE event_types DROP CONSTRAINT event_types_category_check"_s,
                                         u"ALTER TABLE event_types ADD CONSTRAINT event_types_category_check "_s + strict};
    }
    case 11:
        return {u"DROP TABLE webhook_dispatch_state"_s, u"DROP TABLE dispatch_settings"_s};
    case 10:
        return {u"DROP TABLE dispatchers"_s};
    case 9:
        // The tables go with their triggers; the functions stay behind on PostgreSQL otherwise.
        return QStringList{u"DROP TABLE event_deliveries"_s, u"DROP TABLE events"_s}
               + (sqlite ? QStringList()
                         : QStringList{u"DROP FUNCTION webhooks_emit(TEXT, TEXT, TIMESTAMPTZ, JSONB)"_s,
                                       u"DROP FUNCTION events_fan_out()"_s});
    case 8:
        return (sqlite ? QStringList{u"DROP TRIGGER deliveries_count_undelivered_insert"_s,
                                     u"DROP TRIGGER deliveries_count_undelivered_delete"_s,
                                     u"DROP TRIGGER deliveries_count_undelivered_update"_s,
                                     u"DROP TRIGGER deliveries_count_undelivered_move"_s}
                       : QStringList{u"DROP TRIGGER deliveries_count_undelivered ON deliveries"_s,
                                     u"DROP TRIGGER deliveries_count_undelivered_update ON deliveries"_s,
                                     u"DROP FUNCTION undelivered_messages_track()"_s,
                                     u"DROP FUNCTION undelivered_messages_recount(TEXT, TEXT)"_s})
               + QStringList{u"DROP TABLE undelivered_messages"_s, u"DROP INDEX delivery_hourly_counts"_s,
                             u"ALTER TABLE delivery_hourly DROP COLUMN undelivered"_s};
    case 7:
        return sqlite ? QStringList() : QStringList{u"DROP TRIGGER deliveries_notify_complete ON deliveries"_s};
    case 6:
        return {u"DROP INDEX deliveries_by_message"_s,
                u"CREATE INDEX deliveries_by_message ON deliveries (message_id, attempt)"_s};
    default:
        return {};
    }
}

} // namespace

bool rewindSchema(Database &database, int version, QString *error)
{
    QSqlQuery query(database.connection());
    QList<int> applied;
    if (!query.exec(u"SELECT version FROM schema_migrations WHERE version > %1 ORDER BY version DESC"_s.arg(version))) {
        *error = Database::describe(query.lastError());
        return false;
    }
    while (query.next())
        applied << query.value(0).toInt();
    for (int later : std::as_const(applied)) {
        for (const QString &sql : undoing(later, database.engine())
                                      + QStringList{u"DELETE FROM schema_migrations WHERE version = %1"_s.arg(later)}) {
            if (!query.exec(sql)) {
                *error = u"%1: %2"_s.arg(sql, Database::describe(query.lastError()));
                return false;
            }
        }
    }
    return true;
}
