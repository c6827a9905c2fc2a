// The dispatch_settings and webhook_dispatch_state tables (schema migration 11) and the audited changes of them.
#include "models/storage/dispatchsettings.h"

#include "models/storage/auditlog.h"
#include "models/storage/database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

QStringList DispatchSettings::migrationStatements()
{
    return {
        u"CREATE TABLE dispatch_settings ("
        " name TEXT PRIMARY KEY,"
        " value_json TEXT NOT NULL,"
        " updated_at BIGINT NOT NULL,"
        " updated_by TEXT NOT NULL)"_s,
        // What dispatchers keep per webhook: its own rate limit (NULL: its integration's), the next free send slot
        // under that limit (claims on every dispatcher take slots from it), and its run of failures since the last
        // success, for warnings and auto-disable.
        u"CREATE TABLE webhook_dispatch_state ("
        " webhook_id TEXT PRIMARY KEY REFERENCES webhooks (id) ON DELETE CASCADE,"
        " rate_per_second DOUBLE PRECISION CHECK (rate_per_second IS NULL OR rate_per_second >= 0),"
        " next_slot_at BIGINT NOT NULL DEFAULT 0,"
        " consecutive_failures INTEGER NOT NULL DEFAULT 0,"
        " failing_since BIGINT,"
        " last_failure_at BIGINT,"
        " last_error TEXT,"
        " warnings_given INTEGER NOT NULL DEFAULT 0)"_s,
    };
}

DispatchSettings::DispatchSettings(Database &database)
    : m_database(database)
{
}

Result<QHash<QString, QJsonObject>> DispatchSettings::values() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT name, value_json FROM dispatch_settings"_s))
        return Database::failure(tr("Cannot read the dispatch settings"), query.lastError());
    QHash<QString, QJsonObject> values;
    while (query.next())
        values.insert(query.value(0).toString(), QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
    return values;
}

Result<void> DispatchSettings::setValue(const QString &name, const QJsonObject &value)
{
    QSqlDatabase db = m_database.connection();
    return Database::inWriteTransaction(db, tr("Cannot store the dispatch setting “%1”").arg(name), [&]() -> Result<void> {
        QSqlQuery query(db);
        query.prepare(u"SELECT value_json FROM dispatch_settings WHERE name = ?"_s);
        query.addBindValue(name);
        if (!query.exec())
            return Database::failure(tr("Cannot read the dispatch settings"), query.lastError());
        const QJsonObject before = query.next() ? QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object()
                                                : QJsonObject();
        query.finish();
        query.prepare(u"INSERT INTO dispatch_settings (name, value_json, updated_at, updated_by) VALUES (?, ?, ?, ?)"
                      " ON CONFLICT (name) DO UPDATE SET value_json = excluded.value_json,"
                      " updated_at = excluded.updated_at, updated_by = excluded.updated_by"_s);
        for (const QVariant &bound : QVariantList{name, QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)),
                                                  QDateTime::currentMSecsSinceEpoch(), m_database.actor()})
            query.addBindValue(bound);
        if (!query.exec())
            return Database::failure(tr("Cannot store the dispatch setting “%1”").arg(name), query.lastError());
        if (Result<void> audited = AuditLog::write(m_database, {u"update"_s, u"dispatch-setting"_s, name, name, before, value});
            !audited)
            return audited.failure();
        return {};
    });
}

Result<void> DispatchSettings::reset(const QString &name)
{
    QSqlDatabase db = m_database.connection();
    return Database::inWriteTransaction(db, tr("Cannot reset the dispatch setting “%1”").arg(name), [&]() -> Result<void> {
        QSqlQuery query(db);
        query.prepare(u"DELETE FROM dispatch_settings WHERE name = ? RETURNING value_json"_s);
        query.addBindValue(name);
        if (!query.exec())
            return Database::failure(tr("Cannot reset the dispatch setting “%1”").arg(name), query.lastError());
        if (!query.next())
            return Failure{ErrorCode::NotFound,
                           tr("The dispatch setting “%1” is not set; it has its default already.").arg(name)};
        const QJsonObject before = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
        query.finish();
        if (Result<void> audited = AuditLog::write(m_database, {u"reset"_s, u"dispatch-setting"_s, name, name, before, {}});
            !audited)
            return audited.failure();
        return {};
    });
}

Result<QHash<QString, double>> DispatchSettings::webhookRates() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT webhook_id, rate_per_second FROM webhook_dispatch_state"
                    " WHERE rate_per_second IS NOT NULL"_s))
        return Database::failure(tr("Cannot read the webhooks' rate limits"), query.lastError());
    QHash<QString, double> rates;
    while (query.next())
        rates.insert(query.value(0).toString(), query.value(1).toDouble());
    return rates;
}

Result<void> DispatchSettings::setWebhookRate(const QString &webhookId, const QString &webhookName,
                                              std::optional<double> perSecond)
{
    QSqlDatabase db = m_database.connection();
    return Database::inWriteTransaction(db, tr("Cannot set the rate limit of “%1”").arg(webhookName), [&]() -> Result<void> {
        QSqlQuery query(db);
        query.prepare(u"SELECT rate_per_second FROM webhook_dispatch_state WHERE webhook_id = ?"_s);
        query.addBindValue(webhookId);
        if (!query.exec())
            return Database::failure(tr("Cannot read the rate limit of “%1”").arg(webhookName), query.lastError());
        QJsonObject before;
        if (query.next() && !query.value(0).isNull())
            before.insert(u"ratePerSecond"_s, query.value(0).toDouble());
        query.finish();
        query.prepare(u"INSERT INTO webhook_dispatch_state (webhook_id, rate_per_second) VALUES (?, ?)"
                      " ON CONFLICT (webhook_id) DO UPDATE SET rate_per_second = excluded.rate_per_second"_s);
        query.addBindValue(webhookId);
        query.addBindValue(perSecond ? QVariant(*perSecond) : QVariant(QMetaType::fromType<double>()));
        if (!query.exec())
            return Database::failure(tr("Cannot set the rate limit of “%1”").arg(webhookName), query.lastError());
        QJsonObject after;
        if (perSecond)
            after.insert(u"ratePerSecond"_s, *perSecond);
        if (Result<void> audited = AuditLog::write(m_database, {u"rate-limit"_s, u"webhook"_s, webhookId, webhookName,
                                                                before, after});
            !audited)
            return audited.failure();
        return {};
    });
}
