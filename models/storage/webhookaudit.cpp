// The webhooks' audit trail: who changed which webhook when, with the stored state before and after.
#include "models/storage/webhookrepository.h"
#include "models/storage/webhookrows.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace WebhookRows;

RepositoryResult WebhookRepository::writeAudit(const QString &action, const QString &entityId, const QString &entityName,
                                               const QJsonObject &before, const QJsonObject &after)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, entity, entity_id, entity_name,"
                                  " before_json, after_json) VALUES (?, ?, ?, 'webhook', ?, ?, ?, ?)"));
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    insert.addBindValue(m_database.actor());
    insert.addBindValue(action);
    insert.addBindValue(entityId);
    insert.addBindValue(entityName);
    auto json = [](const QJsonObject &object) {
        return object.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                : QVariant(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    };
    insert.addBindValue(json(before));
    insert.addBindValue(json(after));
    if (!insert.exec())
        return databaseError(tr("Cannot write the audit log"), Database::describe(insert.lastError()));
    return {};
}

std::optional<QList<AuditEntry>> WebhookRepository::auditTrail(const QString &entityId, RepositoryResult *result) const
{
    QSqlQuery select(m_database.connection());
    select.setForwardOnly(true);
    select.prepare(QStringLiteral("SELECT id, at, actor, action, entity, entity_id, entity_name, before_json, after_json"
                                  " FROM audit_log")
                   + (entityId.isEmpty() ? QString() : QStringLiteral(" WHERE entity_id = ?"))
                   + QStringLiteral(" ORDER BY id"));
    if (!entityId.isEmpty())
        select.addBindValue(entityId);
    if (!select.exec()) {
        if (result)
            *result = databaseError(tr("Cannot read the audit log"), Database::describe(select.lastError()));
        return std::nullopt;
    }
    QList<AuditEntry> entries;
    while (select.next()) {
        entries.append({select.value(0).toLongLong(), fromMsecs(select.value(1)), select.value(2).toString(),
                        select.value(3).toString(), select.value(4).toString(), select.value(5).toString(),
                        select.value(6).toString(), objectFromJson(select.value(7)), objectFromJson(select.value(8))});
    }
    return entries;
}
