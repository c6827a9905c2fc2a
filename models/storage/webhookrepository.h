// Reads and writes webhooks and their subscriptions; every change is checked, versioned, audited and announced.
#pragma once

#include "models/storage/database.h"
#include "models/domain/deliveryrecord.h"
#include "models/domain/webhook.h"
#include "models/domain/webhookvalidator.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <optional>

struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action;      // create, update, delete, enable, disable, import
    QString entity;      // "webhook"
    QString entityId;
    QString entityName;
    QJsonObject before;
    QJsonObject after;
};

struct RepositoryResult
{
    enum class Status { Ok, Invalid, NotFound, Conflict, DatabaseError };
    Status status = Status::Ok;
    QString message;
    QList<FieldError> fieldErrors;
    // The name key another webhook holds, when the database refused a name: that webhook's own spelling can only be
    // read after the refused transaction has ended (PostgreSQL answers nothing more inside it).
    QString takenNameKey;

    bool ok() const { return status == Status::Ok; }
    static RepositoryResult failure(Status status, const QString &message)
    {
        RepositoryResult result;
        result.status = status;
        result.message = message;
        return result;
    }
};

// The one place the console changes webhooks through: after every stored change it says which webhook changed
// (webhookSaved, webhookRemoved), and after an attempt was recorded whose health moved (attemptRecorded), so that
// views update that one row instead of re-reading every webhook.
class WebhookRepository : public QObject
{
    Q_OBJECT
public:
    explicit WebhookRepository(Database &database, QObject *parent = nullptr);

    // All webhooks, ordered by name. On failure returns nothing and fills *result.
    std::optional<QList<Webhook>> all(RepositoryResult *result = nullptr) const;
    std::optional<Webhook> findById(const QString &id, RepositoryResult *result = nullptr) const;
    // Names are compared ignoring case, as their uniqueness is.
    std::optional<Webhook> findByName(const QString &name, RepositoryResult *result = nullptr) const;

    // Stores a new webhook; fills in id, version and bookkeeping.
    RepositoryResult create(Webhook &webhook);
    // Stores changes if nobody else changed the webhook since webhook.version was read; otherwise Conflict,
    // and nothing is written.
    RepositoryResult update(Webhook &webhook);
    // Stores the webhook over whatever is stored now (the "overwrite" answer to a conflict).
    RepositoryResult overwrite(Webhook &webhook);
    RepositoryResult setActive(Webhook &webhook, bool active);
    RepositoryResult remove(const Webhook &webhook);
    // A copy under a free name ("Name (copy)", "Name (copy 2)", ...), inactive until reviewed, without secrets.
    RepositoryResult duplicate(const Webhook &source, Webhook *copy);

    // Stores webhook's secret bookkeeping (fingerprints, set time, rotation grace) and audits it; the secrets
    // themselves never reach the database.
    RepositoryResult recordSecretChange(Webhook &webhook, const QString &auditAction);

    struct ImportSummary
    {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
    };
    // Applies every webhook or none: a webhook whose name exists is updated, others are created.
    RepositoryResult importAll(const QList<Webhook> &webhooks, ImportSummary *summary = nullptr);

    // Changes whenever any webhook is created, changed or deleted, by anyone; cheap enough to poll.
    std::optional<QString> changeStamp() const;
    // The stored version of every webhook by id: what tells a view which of its rows another program changed.
    std::optional<QHash<QString, int>> versions(RepositoryResult *result = nullptr) const;

    // For the code that records delivery attempts: announces record through attemptRecorded.
    void noteAttemptRecorded(const DeliveryRecord &record);

    std::optional<QList<AuditEntry>> auditTrail(const QString &entityId = {}, RepositoryResult *result = nullptr) const;

signals:
    // After a webhook was created, changed, switched on or off, imported, duplicated or had its secret changed,
    // by this repository: webhook as stored now.
    void webhookSaved(const Webhook &webhook);
    void webhookRemoved(const QString &id);
    // An attempt to deliver to record.webhookId was recorded (see noteAttemptRecorded).
    void attemptRecorded(const DeliveryRecord &record);

private:
    RepositoryResult insertRow(Webhook &webhook, const QString &auditAction);
    RepositoryResult updateRow(Webhook &webhook, const QString &auditAction, bool checkVersion,
                               const std::optional<Webhook> &before);
    RepositoryResult writeEvents(const Webhook &webhook);
    RepositoryResult writeAudit(const QString &action, const QString &entityId, const QString &entityName,
                                const QJsonObject &before, const QJsonObject &after);
    RepositoryResult validate(const Webhook &webhook) const;
    RepositoryResult inTransaction(const std::function<RepositoryResult()> &work);
    // Emits webhookSaved(webhook) if result is ok; returns result.
    RepositoryResult announceSaved(const RepositoryResult &result, const Webhook &webhook);
    RepositoryResult databaseError(const QString &what, const QString &detail) const;
    void nameTheWebhookHolding(RepositoryResult &result) const;
    RepositoryResult writeError(const Webhook &webhook, const QSqlError &error) const;
    std::optional<QList<Webhook>> query(const QString &where, const QVariantList &values, RepositoryResult *result) const;

    Database &m_database;
};
