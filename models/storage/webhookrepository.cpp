// Reads and writes webhooks and their subscriptions; every change is checked, versioned, audited and announced.
#include "models/domain/displaytext.h"
#include "models/domain/eventtype.h"
#include "models/storage/webhookrepository.h"
#include "models/storage/webhookrows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace WebhookRows;

WebhookRepository::WebhookRepository(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

RepositoryResult WebhookRepository::writeError(const Webhook &webhook, const QSqlError &error) const
{
    // Another workstation stored a colliding name between the check and the write: the unique index refused it.
    const QString text = error.databaseText();
    if (text.contains(QLatin1String("name_key")) || text.contains(QLatin1String("webhooks.name"))) {
        RepositoryResult result;
        result.status = RepositoryResult::Status::Invalid;
        result.takenNameKey = WebhookNames::key(webhook.name);
        result.message = WebhookValidator::nameTakenMessage(webhook.name);
        result.fieldErrors.append({FieldError::Field::Name, result.message});
        return result;
    }
    if (Database::isBusy(error))
        return databaseError(tr("Cannot save the webhook “%1”").arg(webhook.name),
                             tr("another program kept the database busy for too long; nothing was changed. Try again."));
    return databaseError(tr("Cannot save the webhook “%1”").arg(webhook.name), Database::describe(error));
}

void WebhookRepository::nameTheWebhookHolding(RepositoryResult &result) const
{
    QSqlQuery holder(m_database.connection());
    holder.prepare(QStringLiteral("SELECT name FROM webhooks WHERE name_key = ?"));
    holder.addBindValue(result.takenNameKey);
    if (!holder.exec() || !holder.next())
        return;  // gone again meanwhile: the message keeps the name that was refused
    result.message = WebhookValidator::nameTakenMessage(holder.value(0).toString());
    for (FieldError &fieldError : result.fieldErrors)
        if (fieldError.field == FieldError::Field::Name)
            fieldError.message = result.message;
}

RepositoryResult WebhookRepository::databaseError(const QString &what, const QString &detail) const
{
    RepositoryResult result;
    result.status = RepositoryResult::Status::DatabaseError;
    result.message = tr("%1: %2").arg(what, detail);
    return result;
}

std::optional<QList<Webhook>> WebhookRepository::query(const QString &where, const QVariantList &values,
                                                       RepositoryResult *result) const
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.prepare(selectColumns() + where + QStringLiteral(" ORDER BY name"))) {
        if (result)
            *result = databaseError(tr("Cannot read the webhooks"), Database::describe(select.lastError()));
        return std::nullopt;
    }
    for (const QVariant &value : values)
        select.addBindValue(value);
    if (!select.exec()) {
        if (result)
            *result = databaseError(tr("Cannot read the webhooks"), Database::describe(select.lastError()));
        return std::nullopt;
    }
    QList<Webhook> webhooks;
    while (select.next()) {
        webhooks.append(fromRow(select));
    }

    // Only the subscriptions of the webhooks read: looking one webhook up must not cost a read of all of them.
    QSqlQuery events(db);
    events.setForwardOnly(true);
    events.prepare(QStringLiteral("SELECT we.webhook_id, we.event_type FROM webhook_events we"
                                  " JOIN event_types et ON et.name = we.event_type")
                   + (where.isEmpty() ? QString() : QStringLiteral(" WHERE we.webhook_id IN (SELECT id FROM webhooks") + where + u')')
                   + QStringLiteral(" ORDER BY et.sort_order"));
    for (const QVariant &value : values)
        events.addBindValue(value);
    if (!events.exec()) {
        if (result)
            *result = databaseError(tr("Cannot read the subscriptions"), Database::describe(events.lastError()));
        return std::nullopt;
    }
    QHash<QString, QStringList> eventsByWebhook;
    while (events.next())
        eventsByWebhook[events.value(0).toString()].append(events.value(1).toString());
    for (Webhook &w : webhooks)
        w.events = eventsByWebhook.value(w.id);
    if (result)
        *result = {};
    return webhooks;
}

std::optional<QList<Webhook>> WebhookRepository::all(RepositoryResult *result) const
{
    return query({}, {}, result);
}

std::optional<Webhook> WebhookRepository::findById(const QString &id, RepositoryResult *result) const
{
    const auto found = query(QStringLiteral(" WHERE id = ?"), {id}, result);
    if (!found)
        return std::nullopt;
    if (found->isEmpty()) {
        if (result)
            *result = RepositoryResult::failure(RepositoryResult::Status::NotFound,
                                                tr("The webhook no longer exists; someone deleted it."));
        return std::nullopt;
    }
    return found->first();
}

std::optional<Webhook> WebhookRepository::findByName(const QString &name, RepositoryResult *result) const
{
    const auto found = query(QStringLiteral(" WHERE name_key = ?"), {WebhookNames::key(name)}, result);
    if (!found)
        return std::nullopt;
    if (found->isEmpty()) {
        if (result)
            *result = RepositoryResult::failure(
                RepositoryResult::Status::NotFound,
                tr("There is no webhook named “%1”.").arg(DisplayText::excerpt(name, 100)));
        return std::nullopt;
    }
    return found->first();
}

RepositoryResult WebhookRepository::validate(const Webhook &webhook) const
{
    RepositoryResult result;
    // The one other webhook whose name has the same key, if any: the unique index has the last word, this gives
    // the friendly message first.
    QSqlQuery taken(m_database.connection());
    taken.setForwardOnly(true);
    taken.prepare(QStringLiteral("SELECT name FROM webhooks WHERE name_key = ? AND id <> ?"));
    taken.addBindValue(WebhookNames::key(webhook.name));
    taken.addBindValue(text(webhook.id));
    if (!taken.exec())
        return databaseError(tr("Cannot read the webhooks"), Database::describe(taken.lastError()));
    TakenNames otherNames;
    while (taken.next())
        otherNames.add(taken.value(0).toString());
    result.fieldErrors = WebhookValidator::validate(webhook, otherNames);
    if (!result.fieldErrors.isEmpty()) {
        result.status = RepositoryResult::Status::Invalid;
        QStringList messages;
        for (const FieldError &error : std::as_const(result.fieldErrors))
            messages.append(error.message);
        result.message = messages.join(QLatin1Char(' '));
    }
    return result;
}

RepositoryResult WebhookRepository::inTransaction(const std::function<RepositoryResult()> &work)
{
    QSqlDatabase db = m_database.connection();
    if (QString error; !Database::beginWrite(db, &error))
        return databaseError(tr("Cannot start a transaction"), error);
    RepositoryResult result = work();
    if (!result.ok()) {
        db.rollback();
        if (!result.takenNameKey.isEmpty())
            nameTheWebhookHolding(result);
        return result;
    }
    if (!db.commit()) {
        const QString reason = Database::describe(db.lastError());
        db.rollback();
        return databaseError(tr("Cannot save the changes"), reason);
    }
    return result;
}

RepositoryResult WebhookRepository::writeEvents(const Webhook &webhook)
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM webhook_events WHERE webhook_id = ?"));
    remove.addBindValue(webhook.id);
    if (!remove.exec())
        return databaseError(tr("Cannot save the subscriptions"), Database::describe(remove.lastError()));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO webhook_events (webhook_id, event_type) VALUES (?, ?)"));
    for (const QString &event : webhook.events) {
        insert.addBindValue(webhook.id);
        insert.addBindValue(event);
        if (!insert.exec())
            return databaseError(tr("Cannot save the subscription to %1").arg(event), Database::describe(insert.lastError()));
    }
    return {};
}

RepositoryResult WebhookRepository::insertRow(Webhook &webhook, const QString &auditAction)
{
    if (RepositoryResult check = validate(webhook); !check.ok())
        return check;
    Webhook stored = webhook;
    stored.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
    stored.createdAt = stored.updatedAt = now;
    stored.createdBy = stored.updatedBy = m_database.actor();
    stored.version = 1;
    stored.events = EventCatalog::inCatalogOrder(stored.events);

    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO webhooks (id, name, name_key, kind, url, active, description, timeout_seconds, headers_json,"
        " phi_level, allow_loopback_http, secret_fingerprint, secret_set_at, created_by, created_at, updated_by,"
        " updated_at, version, settings_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value : QVariantList{
             stored.id, stored.name, WebhookNames::key(stored.name), WebhookKinds::key(stored.kind), urlText(stored.url), stored.active,
             text(stored.description), stored.timeoutSeconds, headersToJson(stored.headers), PhiLevels::key(stored.phiLevel),
             stored.allowLoopbackHttp,
             optionalText(stored.secretFingerprint),
             toMsecs(stored.secretSetAt), stored.createdBy, toMsecs(stored.createdAt), stored.updatedBy,
             toMsecs(stored.updatedAt), stored.version, settingsToJson(stored)})
        insert.addBindValue(value);
    if (!insert.exec())
        return writeError(stored, insert.lastError());
    if (RepositoryResult events = writeEvents(stored); !events.ok())
        return events;
    if (RepositoryResult audit = writeAudit(auditAction, stored.id, stored.name, {}, stored.auditSnapshot()); !audit.ok())
        return audit;
    webhook = stored;
    return {};
}

RepositoryResult WebhookRepository::updateRow(Webhook &webhook, const QString &auditAction, bool checkVersion,
                                              const std::optional<Webhook> &before)
{
    if (RepositoryResult check = validate(webhook); !check.ok())
        return check;
    Webhook stored = webhook;
    stored.updatedAt = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
    stored.updatedBy = m_database.actor();
    stored.events = EventCatalog::inCatalogOrder(stored.events);

    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE webhooks SET name = ?, name_key = ?, kind = ?, url = ?, active = ?, description = ?,"
                                  " timeout_seconds = ?, headers_json = ?, phi_level = ?, allow_loopback_http = ?,"
                                  " settings_json = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                   + (checkVersion ? QStringLiteral(" AND version = ?") : QString()));
    for (const QVariant &value : QVariantList{stored.name, WebhookNames::key(stored.name), WebhookKinds::key(stored.kind),
                                              urlText(stored.url),
                                              stored.active, text(stored.description), stored.timeoutSeconds,
                                              headersToJson(stored.headers), PhiLevels::key(stored.phiLevel),
                                              stored.allowLoopbackHttp, settingsToJson(stored), stored.updatedBy,
                                              toMsecs(stored.updatedAt),
                                              stored.id})
        update.addBindValue(value);
    if (checkVersion)
        update.addBindValue(stored.version);
    if (!update.exec())
        return writeError(stored, update.lastError());
    if (update.numRowsAffected() != 1) {
        RepositoryResult lookup;
        const auto current = findById(stored.id, &lookup);
        if (!current)
            return lookup;
        return RepositoryResult::failure(
            RepositoryResult::Status::Conflict,
            tr("%1 changed “%2” at %3 while you were editing it.")
                .arg(current->updatedBy, current->name,
                     QLocale().toString(current->updatedAt.toLocalTime(), QLocale::ShortFormat)));
    }
    if (RepositoryResult events = writeEvents(stored); !events.ok())
        return events;
    RepositoryResult reread;
    const auto after = findById(stored.id, &reread);
    if (!after)
        return reread;
    if (RepositoryResult audit = writeAudit(auditAction, stored.id, stored.name,
                                            before ? before->auditSnapshot() : QJsonObject(), after->auditSnapshot());
        !audit.ok())
        return audit;
    webhook = *after;
    return {};
}

RepositoryResult WebhookRepository::announceSaved(const RepositoryResult &result, const Webhook &webhook)
{
    if (result.ok())
        emit webhookSaved(webhook);
    return result;
}

RepositoryResult WebhookRepository::create(Webhook &webhook)
{
    return announceSaved(inTransaction([&] { return insertRow(webhook, QStringLiteral("create")); }), webhook);
}

RepositoryResult WebhookRepository::update(Webhook &webhook)
{
    const RepositoryResult result = inTransaction([&] {
        RepositoryResult lookup;
        const auto before = findById(webhook.id, &lookup);
        if (!before)
            return lookup;
        return updateRow(webhook, QStringLiteral("update"), true, before);
    });
    return announceSaved(result, webhook);
}

RepositoryResult WebhookRepository::overwrite(Webhook &webhook)
{
    const RepositoryResult result = inTransaction([&] {
        RepositoryResult lookup;
        const auto before = findById(webhook.id, &lookup);
        if (!before)
            return lookup;
        return updateRow(webhook, QStringLiteral("update"), false, before);
    });
    return announceSaved(result, webhook);
}

RepositoryResult WebhookRepository::setActive(Webhook &webhook, bool active)
{
    Webhook changed = webhook;
    changed.active = active;
    const RepositoryResult result = inTransaction([&] {
        RepositoryResult lookup;
        const auto before = findById(changed.id, &lookup);
        if (!before)
            return lookup;
        return updateRow(changed, active ? QStringLiteral("enable") : QStringLiteral("disable"), true, before);
    });
    if (result.ok())
        webhook = changed;
    return announceSaved(result, changed);
}

RepositoryResult WebhookRepository::remove(const Webhook &webhook)
{
    const RepositoryResult result = inTransaction([&]() -> RepositoryResult {
        RepositoryResult lookup;
        const auto before = findById(webhook.id, &lookup);
        if (!before)
            return lookup;
        QSqlQuery remove(m_database.connection());
        remove.prepare(QStringLiteral("DELETE FROM webhooks WHERE id = ?"));
        remove.addBindValue(webhook.id);
        if (!remove.exec())
            return databaseError(tr("Cannot delete the webhook “%1”").arg(webhook.name), Database::describe(remove.lastError()));
        return writeAudit(QStringLiteral("delete"), before->id, before->name, before->auditSnapshot(), {});
    });
    if (result.ok())
        emit webhookRemoved(webhook.id);
    return result;
}

RepositoryResult WebhookRepository::duplicate(const Webhook &source, Webhook *copy)
{
    RepositoryResult result;
    const auto existing = all(&result);
    if (!existing)
        return result;
    TakenNames names;
    for (const Webhook &w : *existing)
        names.add(w.name);
    Webhook duplicate = source;
    duplicate.id.clear();
    duplicate.active = false;
    duplicate.secretFingerprint.clear();
    duplicate.secretSetAt = {};
    duplicate.previousSecretFingerprint.clear();
    duplicate.secretGraceUntil = {};
    const QString base = source.name.left(WebhookValidator::maxNameLength - 12);
    duplicate.name = tr("%1 (copy)").arg(base);
    for (int n = 2; !names.collidingWith(duplicate.name).isEmpty(); ++n)
        duplicate.name = tr("%1 (copy %2)").arg(base).arg(n);
    result = inTransaction([&] { return insertRow(duplicate, QStringLiteral("create")); });
    if (result.ok() && copy)
        *copy = duplicate;
    return announceSaved(result, duplicate);
}

RepositoryResult WebhookRepository::recordSecretChange(Webhook &webhook, const QString &auditAction)
{
    Webhook changed = webhook;
    const RepositoryResult result = inTransaction([&]() -> RepositoryResult {
        RepositoryResult lookup;
        const auto before = findById(changed.id, &lookup);
        if (!before)
            return lookup;
        QSqlQuery update(m_database.connection());
        update.prepare(QStringLiteral("UPDATE webhooks SET secret_fingerprint = ?, secret_set_at = ?, settings_json = ?,"
                                      " updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?"));
        update.addBindValue(optionalText(changed.secretFingerprint));
        update.addBindValue(toMsecs(changed.secretSetAt));
        // Other settings as stored now: a secret change must not carry stale configuration along.
        Webhook stored = *before;
        stored.previousSecretFingerprint = changed.previousSecretFingerprint;
        stored.secretGraceUntil = changed.secretGraceUntil;
        update.addBindValue(settingsToJson(stored));
        update.addBindValue(m_database.actor());
        update.addBindValue(QDateTime::currentMSecsSinceEpoch());
        update.addBindValue(changed.id);
        if (!update.exec())
            return databaseError(tr("Cannot record the secret change"), Database::describe(update.lastError()));
        auto fingerprints = [](const Webhook &w) {
            return QJsonObject{{QStringLiteral("secretFingerprint"), w.secretFingerprint},
                               {QStringLiteral("previousSecretFingerprint"), w.previousSecretFingerprint},
                               {QStringLiteral("secretGraceUntil"), w.secretGraceUntil.toString(Qt::ISODate)}};
        };
        if (RepositoryResult audit = writeAudit(auditAction, changed.id, before->name, fingerprints(*before),
                                                fingerprints(changed));
            !audit.ok())
            return audit;
        RepositoryResult reread;
        const auto after = findById(changed.id, &reread);
        if (!after)
            return reread;
        changed = *after;
        return {};
    });
    if (result.ok())
        webhook = changed;
    return announceSaved(result, changed);
}

std::optional<QString> WebhookRepository::changeStamp() const
{
    // An edit bumps a version, a delete lowers the count, a create adds a newer update time.
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(version), 0), COALESCE(MAX(updated_at), 0)"
                                   " FROM webhooks"))
        || !query.next())
        return std::nullopt;
    return QStringLiteral("%1/%2/%3").arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString());
}

std::optional<QHash<QString, int>> WebhookRepository::versions(RepositoryResult *result) const
{
    QSqlQuery select(m_database.connection());
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT id, version FROM webhooks"))) {
        if (result)
            *result = databaseError(tr("Cannot read the webhooks"), Database::describe(select.lastError()));
        return std::nullopt;
    }
    QHash<QString, int> versions;
    while (select.next())
        versions.insert(select.value(0).toString(), select.value(1).toInt());
    if (result)
        *result = {};
    return versions;
}

void WebhookRepository::noteAttemptRecorded(const DeliveryRecord &record)
{
    emit attemptRecorded(record);
}
