// Reads and writes webhooks and their subscriptions; every change is checked, versioned, audited and announced.
#pragma once

#include "models/domain/result.h"
#include "models/storage/auditlog.h"
#include "models/storage/database.h"
#include "models/domain/deliveryrecord.h"
#include "models/domain/webhook.h"
#include "models/domain/webhookvalidator.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class DatabaseWorker;

// The one place the console changes webhooks through: after every stored change it says which webhook changed
// (webhookSaved, webhookRemoved), and after an attempt was recorded whose health moved (attemptRecorded), so that
// views update that one row instead of re-reading every webhook.
class WebhookRepository : public QObject
{
    Q_OBJECT
public:
    explicit WebhookRepository(Database &database, QObject *parent = nullptr);
    ~WebhookRepository() override;

    // All webhooks, ordered by name.
    Result<QList<Webhook>> all() const;
    // NotFound when no webhook has that id (any more).
    Result<Webhook> findById(const QString &id) const;
    // Names are compared ignoring case, as their uniqueness is. NotFound when no webhook has that name.
    Result<Webhook> findByName(const QString &name) const;

    // Stores a new webhook; fills in id, version and bookkeeping.
    Result<void> create(Webhook &webhook);
    // Stores changes if nobody else changed the webhook since webhook.version was read; otherwise Conflict,
    // and nothing is written.
    Result<void> update(Webhook &webhook);
    // Stores the webhook over whatever is stored now (the "overwrite" answer to a conflict).
    Result<void> overwrite(Webhook &webhook);
    // auditAction: how the audit trail names the change (default "enable" or "disable"; the dispatcher's
    // "auto-disable" for a webhook that failed too long). Enabling ends the webhook's failure streak.
    Result<void> setActive(Webhook &webhook, bool active, const QString &auditAction = {});
    Result<void> remove(const Webhook &webhook);
    // A copy under a free name ("Name (copy)", "Name (copy 2)", ...), inactive until reviewed, without secrets.
    Result<void> duplicate(const Webhook &source, Webhook *copy);

    // The changes above, made on a connection of their own in a worker thread: what a window uses, so that it never
    // waits on the database (17 + n statements for one save, over TLS to a remote PostgreSQL). Jobs run in the order
    // given; each one's webhookSaved or webhookRemoved is emitted on this object's thread, then done runs there
    // (not at all once context is gone). A change asked for is made even when the window closes meanwhile.
    enum class Change { Create, Update, Overwrite, Enable, Disable, Duplicate };
    using Saved = std::function<void(const Result<Webhook> &)>;  // the webhook as stored (for Duplicate: the copy)
    using Removed = std::function<void(const Result<void> &)>;
    void changeInBackground(Change change, const Webhook &webhook, QObject *context, Saved done);
    void removeInBackground(const Webhook &webhook, QObject *context, Removed done);

    // Stores webhook's secret bookkeeping (fingerprints, set time, rotation grace) and audits it; the secrets
    // themselves never reach the database.
    Result<void> recordSecretChange(Webhook &webhook, const QString &auditAction);
    // The same in the background, as changeInBackground.
    void recordSecretChangeInBackground(const Webhook &webhook, const QString &auditAction, QObject *context,
                                        Saved done);

    struct ImportSummary
    {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
    };
    // Applies every webhook or none: a webhook whose name exists is updated, others are created.
    Result<void> importAll(const QList<Webhook> &webhooks, ImportSummary *summary = nullptr);

    // Changes whenever any webhook is created, changed or deleted, by anyone; cheap enough to poll.
    std::optional<QString> changeStamp() const;
    // The stored version of every webhook by id: what tells a view which of its rows another program changed.
    Result<QHash<QString, int>> versions() const;

    // For the code that records delivery attempts: announces record through attemptRecorded.
    void noteAttemptRecorded(const DeliveryRecord &record);

    Result<QList<AuditEntry>> auditTrail(const QString &entityId = {}) const;

signals:
    // After a webhook was created, changed, switched on or off, imported, duplicated or had its secret changed,
    // by this repository: webhook as stored now.
    void webhookSaved(const Webhook &webhook);
    void webhookRemoved(const QString &id);
    // An attempt to deliver to record.webhookId was recorded (see noteAttemptRecorded).
    void attemptRecorded(const DeliveryRecord &record);

private:
    Result<void> insertRow(Webhook &webhook, const QString &auditAction);
    Result<void> updateRow(Webhook &webhook, const QString &auditAction, bool checkVersion, const Webhook &before);
    Result<void> writeEvents(const Webhook &webhook);
    Result<void> writeAudit(const QString &action, const QString &entityId, const QString &entityName,
                            const QJsonObject &before, const QJsonObject &after);
    Result<void> validate(const Webhook &webhook) const;
    Result<void> inTransaction(const std::function<Result<void>()> &work);
    // Emits webhookSaved(webhook) if result is ok; returns result.
    Result<void> announceSaved(const Result<void> &result, const Webhook &webhook);
    Failure databaseError(const QString &what, const QString &detail) const;
    void nameTheWebhookHolding(Failure &failure, const QString &takenNameKey) const;
    Result<void> writeError(const Webhook &webhook, const QSqlError &error);
    Result<QList<Webhook>> query(const QString &where, const QVariantList &values) const;

    DatabaseWorker &worker();
    // Runs change on a repository over the worker's connection, then announces and answers as changeInBackground.
    void saveInBackground(std::function<Result<Webhook>(WebhookRepository &)> change, QObject *context, Saved done);

    Database &m_database;
    std::unique_ptr<DatabaseWorker> m_worker;  // opened on the first change made in the background
    // The name key the unique index refused inside the running transaction: its holder can only be named after it.
    QString m_refusedNameKey;
};
