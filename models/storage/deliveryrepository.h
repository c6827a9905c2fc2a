// The delivery log: one row in `deliveries` per attempt to deliver a message (test-send, event or redelivery).
#pragma once

#include "models/storage/database.h"
#include "models/domain/deliveryrecord.h"

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

    // Stores one attempt and fills in id (and attempt, if 0). On failure returns false with *error set.
    // An attempt stored before its request is sent has no finishedAt: it reads as unfinished until complete().
    bool record(DeliveryRecord &record, QString *error = nullptr);
    // Fills in the outcome of the unfinished attempt record.id: what was sent, the answer, error, success, end and
    // duration. An attempt that is complete already is never rewritten.
    bool complete(const DeliveryRecord &record, QString *error = nullptr);

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
