// Reads and writes webhooks and their subscriptions; every change is checked, versioned, audited and announced.
#include "models/domain/displaytext.h"
#include "models/domain/eventtype.h"
#include "models/storage/webhookrepository.h"
#include "models/storage/sealedcredentials.h"
#include "models/storage/databaseworker.h"
#include "models/storage/failurestreak.h"
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

WebhookRepository::~WebhookRepository() = default;

DatabaseWorker &WebhookRepository::worker()
{
    if (!m_worker)
        m_worker = std::make_unique<DatabaseWorker>(m_database.url(), m_database.password());
    return *m_worker;
}

void WebhookRepository::saveInBackground(std::function<Result<Webhook>(WebhookRepository &)> change,
                                         QObject *context, Saved done)
{
    auto job = [change = std::move(change)](Database &database) {
        WebhookRepository repository(database);
        return change(repository);
    };
    // The repository receives the result, so that views hear of the change even when context (a dialog) is gone.
    worker().run<Webhook>(job, this, [this, context = QPointer<QObject>(context), done](const Result<Webhook> &saved) {
        if (saved)
            emit webhookSaved(*saved);
        if (context && done)
            done(saved);
    });
}

void WebhookRepository::changeInBackground(Change change, const Webhook &webhook, QObject *context, Saved done)
{
    saveInBackground(
        [change, webhook](WebhookRepository &repository) -> Result<Webhook> {
            Webhook changed = webhook;
            Result<void> result;
            switch (change) {
            case Change::Create: result = repository.create(changed); break;
            case Change::Update: result = repository.update(changed); break;
            case Change::Overwrite: result = repository.overwrite(changed); break;
            case Change::Enable: result = repository.setActive(changed, true); break;
            case Change::Disable: result = repository.setActive(changed, false); break;
            case Change::Duplicate: result = repository.duplicate(webhook, &changed); break;
            }
            if (!result)
                return result.failure();
            return changed;
        },
        context, std::move(done));
}

void WebhookRepository::recordSecretChangeInBackground(const Webhook &webhook, const QString &auditAction,
                                                       QObject *context, Saved done)
{
    saveInBackground(
        [webhook, auditAction](WebhookRepository &repository) -> Result<Webhook> {
            Webhook changed = webhook;
            if (Result<void> recorded = repository.recordSecretChange(changed, auditAction); !recorded)
                return recorded.failure();
            return changed;
        },
        context, std::move(done));
}

void WebhookRepository::removeInBackground(const Webhook &webhook, QObject *context, Removed done)
{
    auto job = [webhook](Database &database) { return WebhookRepository(database).remove(webhook); };
    worker().run<void>(job, this, [this, id = webhook.id, context = QPointer<QObject>(context), done](
                                      const Result<void> &removed) {
        if (removed)
            emit webhookRemoved(id);
        if (context && done)
            done(removed);
    });
}

Result<void> WebhookRepository::writeError(const Webhook &webhook, const QSqlError &error)
{
    // Another workstation stored a colliding name between the check and the write: the unique index refused it.
    const QString text = error.databaseText();
    if (text.contains(QLatin1String("name_key")) || text.contains(QLatin1String("webhooks.name"))) {
        m_refusedNameKey = WebhookNames::key(webhook.name);
        const QString message = WebhookValidator::nameTakenMessage(webhook.name);
        return Failure{ErrorCode::Invalid, message, {{FieldError::Field::Name, message}}};
    }
    if (Database::isBusy(error))
        return databaseError(tr("Cannot save the webhook “%1”").arg(webhook.name),
                             tr("another program kept the database busy for too long; nothing was changed. Try again."));
    return databaseError(tr("Cannot save the webhook “%1”").arg(webhook.name), Database::describe(error));
}

void WebhookRepository::nameTheWebhookHolding(Failure &failure, const QString &takenNameKey) const
{
    QSqlQuery holder(m_database.connection());
    holder.prepare(QStringLiteral("SELECT name FROM webhooks WHERE name_key = ?"));
    holder.addBindValue(takenNameKey);
    if (!holder.exec() || !holder.next())
        return;  // gone again meanwhile: the message keeps the name that was refused
    failure.message = WebhookValidator::nameTakenMessage(holder.value(0).toString());
    for (FieldError &fieldError : failure.fieldErrors)
        if (fieldError.field == FieldError::Field::Name)
            fieldError.message = failure.message;
}

Failure WebhookRepository::databaseError(const QString &what, const QString &detail) const
{
    return Failure{ErrorCode::Unavailable, tr("%1: %2").arg(what, detail)};
}

Result<QList<Webhook>> WebhookRepository::query(const QString &where, const QVariantList &values) const
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.prepare(selectColumns() + where + QStringLiteral(" ORDER BY name")))
        return databaseError(tr("Cannot read the webhooks"), Database::describe(select.lastError()));
    for (const QVariant &value : values)
        select.addBindValue(value);
    if (!select.exec())
        return databaseError(tr("Cannot read the webhooks"), Database::describe(select.lastError()));
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
    if (!events.exec())
        return databaseError(tr("Cannot read the subscriptions"), Database::describe(events.lastError()));
    QHash<QString, QStringList> eventsByWebhook;
    while (events.next())
        eventsByWebhook[events.value(0).toString()].append(events.value(1).toString());
    for (Webhook &w : webhooks)
        w.events = eventsByWebhook.value(w.id);
    return webhooks;
}

Result<QList<Webhook>> WebhookRepository::all() const
{
    return query({}, {});
}

Result<Webhook> WebhookRepository::findById(const QString &id) const
{
    const Result<QList<Webhook>> found = query(QStringLiteral(" WHERE id = ?"), {id});
    if (!found)
        return found.failure();
    if (found->isEmpty())
        return Failure{ErrorCode::NotFound, tr("The webhook no longer exists; someone deleted it.")};
    return found->first();
}

Result<Webhook> WebhookRepository::findByName(const QString &name) const
{
    const Result<QList<Webhook>> found = query(QStringLiteral(" WHERE name_key = ?"), {WebhookNames::key(name)});
    if (!found)
        return found.failure();
    if (found->isEmpty())
        return Failure{ErrorCode::NotFound, tr("There is no webhook named “%1”.").arg(DisplayText::excerpt(name, 100))};
    return found->first();
}

Result<void> WebhookRepository::validate(const Webhook &webhook) const
{
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
    const QList<FieldError> fieldErrors = WebhookValidator::validate(webhook, otherNames);
    if (fieldErrors.isEmpty())
        return {};
    QStringList messages;
    for (const FieldError &error : fieldErrors)
        messages.append(error.message);
    return Failure{ErrorCode::Invalid, messages.join(QLatin1Char(' ')), fieldErrors};
}

Result<void> WebhookRepository::inTransaction(const std::function<Result<void>()> &work)
{
    QSqlDatabase db = m_database.connection();
    if (const Result<void> begun = Database::beginWrite(db); !begun)
        return databaseError(tr("Cannot start a transaction"), begun.message());
    m_refusedNameKey.clear();
    const Result<void> result = work();
    if (!result.ok()) {
        db.rollback();
        Failure failure = result.failure();
        if (!m_refusedNameKey.isEmpty())
            nameTheWebhookHolding(failure, std::exchange(m_refusedNameKey, {}));
        return failure;
    }
    if (!db.commit()) {
        const QString reason = Database::describe(db.lastError());
        db.rollback();
        return databaseError(tr("Cannot save the changes"), reason);
    }
    return result;
}

Result<void> WebhookRepository::writeEvents(const Webhook &webhook)
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

Result<void> WebhookRepository::insertRow(Webhook &webhook, const QString &auditAction)
{
    if (Result<void> check = validate(webhook); !check.ok())
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
    if (Result<void> events = writeEvents(stored); !events.ok())
        return events;
    if (Result<void> audit = writeAudit(auditAction, stored.id, stored.name, {}, stored.auditSnapshot()); !audit.ok())
        return audit;
    webhook = stored;
    return {};
}

Result<void> WebhookRepository::updateRow(Webhook &webhook, const QString &auditAction, bool checkVersion,
                                          const Webhook &before)
{
    if (Result<void> check = validate(webhook); !check.ok())
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
        const Result<Webhook> current = findById(stored.id);
        if (!current)
            return current.failure();
        return Result<void>::failure(
            ErrorCode::Conflict,
            tr("%1 changed “%2” at %3 while you were editing it.")
                .arg(current->updatedBy, current->name,
                     QLocale().toString(current->updatedAt.toLocalTime(), QLocale::ShortFormat)));
    }
    if (Result<void> events = writeEvents(stored); !events.ok())
        return events;
    // Enabled again by a person: its old failures no longer count towards disabling it.
    if (stored.active && !before.active) {
        if (const Result<FailureStreak> ended = FailureStreaks(m_database).clear(stored.id); !ended)
            return ended.failure();
    }
    const Result<Webhook> after = findById(stored.id);
    if (!after)
        return after.failure();
    if (Result<void> audit = writeAudit(auditAction, stored.id, stored.name, before.auditSnapshot(),
                                        after->auditSnapshot());
        !audit.ok())
        return audit;
    webhook = *after;
    return {};
}

Result<void> WebhookRepository::announceSaved(const Result<void> &result, const Webhook &webhook)
{
    if (result.ok())
        emit webhookSaved(webhook);
    return result;
}

Result<void> WebhookRepository::create(Webhook &webhook)
{
    return announceSaved(inTransaction([&] { return insertRow(webhook, QStringLiteral("create")); }), webhook);
}

Result<void> WebhookRepository::update(Webhook &webhook)
{
    const Result<void> result = inTransaction([&]() -> Result<void> {
        const Result<Webhook> before = findById(webhook.id);
        if (!before)
            return before.failure();
        return updateRow(webhook, QStringLiteral("update"), true, *before);
    });
    return announceSaved(result, webhook);
}

Result<void> WebhookRepository::overwrite(Webhook &webhook)
{
    const Result<void> result = inTransaction([&]() -> Result<void> {
        const Result<Webhook> before = findById(webhook.id);
        if (!before)
            return before.failure();
        return updateRow(webhook, QStringLiteral("update"), false, *before);
    });
    return announceSaved(result, webhook);
}

Result<void> WebhookRepository::setActive(Webhook &webhook, bool active, const QString &auditAction)
{
    Webhook changed = webhook;
    changed.active = active;
    const Result<void> result = inTransaction([&]() -> Result<void> {
        const Result<Webhook> before = findById(changed.id);
        if (!before)
            return before.failure();
        const QString action = !auditAction.isEmpty() ? auditAction
                               : active              ? QStringLiteral("enable")
                                                     : QStringLiteral("disable");
        return updateRow(changed, action, true, *before);
    });
    if (result.ok())
        webhook = changed;
    return announceSaved(result, changed);
}

Result<void> WebhookRepository::remove(const Webhook &webhook)
{
    const Result<void> result = inTransaction([&]() -> Result<void> {
        const Result<Webhook> before = findById(webhook.id);
        if (!before)
            return before.failure();
        QSqlQuery remove(m_database.connection());
        remove.prepare(QStringLiteral("DELETE FROM webhooks WHERE id = ?"));
        remove.addBindValue(webhook.id);
        if (!remove.exec())
            return databaseError(tr("Cannot delete the webhook “%1”").arg(webhook.name), Database::describe(remove.lastError()));
        // Its credentials go with it: nothing is left that no webhook would ever use.
        if (Result<void> credentials = SealedCredentials(m_database).removeForWebhook(webhook.id); !credentials)
            return credentials;
        return writeAudit(QStringLiteral("delete"), before->id, before->name, before->auditSnapshot(), {});
    });
    if (result.ok())
        emit webhookRemoved(webhook.id);
    return result;
}

Result<void> WebhookRepository::duplicate(const Webhook &source, Webhook *copy)
{
    const Result<QList<Webhook>> existing = all();
    if (!existing)
        return existing.failure();
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
    const Result<void> result = inTransaction([&] { return insertRow(duplicate, QStringLiteral("create")); });
    if (result.ok() && copy)
        *copy = duplicate;
    return announceSaved(result, duplicate);
}

Result<void> WebhookRepository::recordSecretChange(Webhook &webhook, const QString &auditAction)
{
    Webhook changed = webhook;
    const Result<void> result = inTransaction([&]() -> Result<void> {
        const Result<Webhook> before = findById(changed.id);
        if (!before)
            return before.failure();
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
        if (Result<void> audit = writeAudit(auditAction, changed.id, before->name, fingerprints(*before),
                                            fingerprints(changed));
            !audit.ok())
            return audit;
        const Result<Webhook> after = findById(changed.id);
        if (!after)
            return after.failure();
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

Result<QHash<QString, int>> WebhookRepository::versions() const
{
    QSqlQuery select(m_database.connection());
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT id, version FROM webhooks")))
        return databaseError(tr("Cannot read the webhooks"), Database::describe(select.lastError()));
    QHash<QString, int> versions;
    while (select.next())
        versions.insert(select.value(0).toString(), select.value(1).toInt());
    return versions;
}

void WebhookRepository::noteAttemptRecorded(const DeliveryRecord &record)
{
    emit attemptRecorded(record);
}

Result<void> WebhookRepository::writeAudit(const QString &action, const QString &entityId, const QString &entityName,
                                           const QJsonObject &before, const QJsonObject &after)
{
    return AuditLog::write(m_database, {action, QStringLiteral("webhook"), entityId, entityName, before, after});
}

Result<QList<AuditEntry>> WebhookRepository::auditTrail(const QString &entityId) const
{
    return AuditLog::read(m_database, entityId);
}
