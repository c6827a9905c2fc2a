// The delivery log: one row in `deliveries` per attempt to deliver a message (test-send, event or redelivery).
#pragma once

#include "models/domain/deliveryrecord.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

class DeliveryRepository
{
    Q_DECLARE_TR_FUNCTIONS(DeliveryRepository)
public:
    explicit DeliveryRepository(Database &database);
    Database &database() const { return m_database; }

    static QString triggerKey(DeliveryTrigger trigger);  // "test", "event", "redeliver"
    static std::optional<DeliveryTrigger> triggerFromKey(const QString &key);

    // Stores one attempt and fills in id (and attempt, if 0). Conflict when the given attempt number is taken.
    // An attempt stored before its request is sent has no finishedAt: it reads as unfinished until complete().
    Result<void> record(DeliveryRecord &record);
    // Fills in the outcome of the unfinished attempt record.id: what was sent, the answer, error, success, end and
    // duration. An attempt that is complete already, or purged, is never rewritten: Conflict.
    Result<void> complete(const DeliveryRecord &record);

    Result<DeliveryRecord> find(qint64 id) const;
    // Every attempt of one message, oldest first.
    Result<QList<DeliveryRecord>> attemptsOf(const QString &messageId) const;
    // The newest attempts, of one webhook or of all when webhookId is empty.
    Result<QList<DeliveryRecord>> recent(const QString &webhookId, int limit) const;

    // What a redelivery of original sends: the same message id and event, trigger "redeliver", attempt numbered on
    // recording. A test-send instead always gets a new message id (StandardWebhooks::newMessageId()).
    static DeliveryRecord repeatOf(const DeliveryRecord &original, DeliveryTrigger trigger = DeliveryTrigger::Redeliver);

private:
    Result<QList<DeliveryRecord>> select(const QString &where, const QVariantList &values, const QString &tail) const;

    Database &m_database;
};
