// The webhook_alert_marks table (schema migration 13).
#include "models/storage/alertmarks.h"

#include "models/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

QStringList AlertMarks::migrationStatements()
{
    return {
        u"CREATE TABLE webhook_alert_marks ("
        " webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,"
        " alert TEXT NOT NULL,"
        " raised_at BIGINT NOT NULL,"
        " PRIMARY KEY (webhook_id, alert))"_s,
        // How many alerts the webhook's current run of failures raised: its recovery is told only when one was.
        u"ALTER TABLE webhook_dispatch_state ADD COLUMN alerts_raised INTEGER NOT NULL DEFAULT 0"_s,
    };
}

AlertMarks::AlertMarks(Database &database)
    : m_database(database)
{
}

Result<bool> AlertMarks::take(const QString &webhookId, const QString &key, const QDateTime &at, qint64 windowSeconds)
{
    QSqlQuery query(m_database.connection());
    // The conditional upsert moves the mark only when the last one is older than the window; a row comes back
    // exactly when it did.
    query.prepare(u"INSERT INTO webhook_alert_marks (webhook_id, alert, raised_at) VALUES (?, ?, ?)"
                  " ON CONFLICT (webhook_id, alert) DO UPDATE SET raised_at = excluded.raised_at"
                  " WHERE webhook_alert_marks.raised_at <= ?"
                  " RETURNING raised_at"_s);
    query.addBindValue(webhookId);
    query.addBindValue(key);
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(at.toMSecsSinceEpoch() - windowSeconds * 1000);
    if (!query.exec())
        return Database::failure(tr("Cannot mark the alert"), query.lastError());
    return query.next();
}
