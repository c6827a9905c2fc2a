// The one writer and reader of the audit log. Migrations keep their own SQL: they run against the table as it was.
#include "models/storage/auditlog.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QVariant jsonText(const QJsonObject &object)
{
    return object.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                            : QVariant(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QJsonObject objectFrom(const QVariant &value)
{
    return value.isNull() ? QJsonObject() : QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

} // namespace

Result<void> AuditLog::write(Database &database, const AuditChange &change)
{
    QSqlQuery insert(database.connection());
    insert.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, entity, entity_id, entity_name,"
                                  " before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value : QVariantList{QDateTime::currentMSecsSinceEpoch(), database.actor(), change.action,
                                              change.entity, textOrNull(change.entityId),
                                              textOrNull(change.entityName), jsonText(change.before),
                                              jsonText(change.after)})
        insert.addBindValue(value);
    if (!insert.exec())
        return Failure{ErrorCode::Unavailable,
                       tr("Cannot write the audit log: %1").arg(Database::describe(insert.lastError()))};
    return {};
}

Result<QList<AuditEntry>> AuditLog::read(Database &database, const QString &entityId)
{
    QSqlQuery select(database.connection());
    select.setForwardOnly(true);
    select.prepare(QStringLiteral("SELECT id, at, actor, action, entity, entity_id, entity_name, before_json, after_json"
                                  " FROM audit_log")
                   + (entityId.isEmpty() ? QString() : QStringLiteral(" WHERE entity_id = ?"))
                   + QStringLiteral(" ORDER BY id"));
    if (!entityId.isEmpty())
        select.addBindValue(entityId);
    if (!select.exec())
        return Failure{ErrorCode::Unavailable,
                       tr("Cannot read the audit log: %1").arg(Database::describe(select.lastError()))};
    QList<AuditEntry> entries;
    while (select.next()) {
        entries.append({select.value(0).toLongLong(), QDateTime::fromMSecsSinceEpoch(select.value(1).toLongLong(), Qt::UTC),
                        select.value(2).toString(), select.value(3).toString(), select.value(4).toString(),
                        select.value(5).toString(), select.value(6).toString(), objectFrom(select.value(7)),
                        objectFrom(select.value(8))});
    }
    return entries;
}
