// The delivery log: one row in `deliveries` per attempt to deliver a message (test-send, event or redelivery).
#pragma once

#include "models/database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

enum class DeliveryTrigger { Test, Event, Redeliver };

struct DeliveryRecord
{
    qint64 id = 0;                  // 0 until recorded
    QString webhookId;              // empty when the webhook was deleted since
    QString webhookName;
    QString eventType;
    QString eventId;
    QString messageId;              // the webhook-id header: shared by every attempt of one message
    int attempt = 0;                // 0: the repository numbers it (1 for a new message, one more for a repeat)
    DeliveryTrigger trigger = DeliveryTrigger::Test;
    QByteArray requestMethod = "POST";
    QString requestUrl;             // as shown: credential URLs masked
    QList<QPair<QByteArray, QByteArray>> requestHeaders; // already redacted
    QByteArray requestBody;
    std::optional<int> responseStatus;
    QList<QPair<QByteArray, QByteArray>> responseHeaders;
    QByteArray responseBody;        // the kept part
    std::optional<qint64> responseSize; // every byte received
    QString error;                  // "<key>: <text>", empty on success
    bool success = false;
    QDateTime startedAt;
    QDateTime finishedAt;
    std::optional<qint64> durationMs;
};

class DeliveryRepository
{
    Q_DECLARE_TR_FUNCTIONS(DeliveryRepository)
public:
    explicit DeliveryRepository(Database &database);

    static QString triggerKey(DeliveryTrigger trigger);  // "test", "event", "redeliver"
    static std::optional<DeliveryTrigger> triggerFromKey(const QString &key);

    // Stores one attempt and fills in id (and attempt, if 0). On failure returns false with *error set.
    bool record(DeliveryRecord &record, QString *error = nullptr);

    std::optional<DeliveryRecord> find(qint64 id, QString *error = nullptr) const;
    // Every attempt of one message, oldest first.
    std::optional<QList<DeliveryRecord>> attemptsOf(const QString &messageId, QString *error = nullptr) const;
    // The newest attempts, of one webhook or of all when webhookId is empty.
    std::optional<QList<DeliveryRecord>> recent(const QString &webhookId, int limit, QString *error = nullptr) const;

    // What a redelivery of original sends: the same message id and event, trigger "redeliver", attempt numbered on
    // recording. A test-send instead always gets a new message id (StandardWebhooks::newMessageId()).
    static DeliveryRecord repeatOf(const DeliveryRecord &original, DeliveryTrigger trigger = DeliveryTrigger::Redeliver);

private:
    std::optional<QList<DeliveryRecord>> select(const QString &where, const QVariantList &values, const QString &tail,
                                                QString *error) const;

    Database &m_database;
};
