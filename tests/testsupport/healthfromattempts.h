// Webhook health and undelivered events worked out from the raw rows of the deliveries table, by the README's
// definitions and without the hourly counts, to check the counts and the triggers that keep them against.
#pragma once

#include "models/storage/database.h"
#include "models/storage/deliveryhealth.h"

#include <QList>
#include <QString>

#include <map>
#include <optional>
#include <utility>

struct LoggedAttempt
{
    qint64 id = 0;
    QString webhookId;   // empty: the webhook was deleted
    QString messageId;
    qint64 startedAtMs = 0;
    bool success = false;
    std::optional<int> responseStatus;
};

// Every attempt in the log, newest first (by start, then id).
QList<LoggedAttempt> readLoggedAttempts(Database &database);

// The health of one webhook from its attempts. Undelivered events are the messages with a failed attempt in the
// window that no attempt delivered, given only where they can change the colour, as DeliveryLog::health does.
WebhookHealth healthFromAttempts(const QList<LoggedAttempt> &attempts, const QString &webhookId, bool active,
                                 qint64 nowMs, const HealthThresholds &thresholds);

// QCOMPAREs every figure of each webhook's health with healthFromAttempts (check QTest::currentTestFailed()).
void compareWithHealthFromAttempts(const QList<WebhookHealth> &health, const QList<LoggedAttempt> &attempts,
                                   qint64 nowMs, const HealthThresholds &thresholds);

// Undelivered messages by (webhook id, hour start) of their newest attempt: from the attempts, and as stored in
// delivery_hourly (hours with none left out).
using UndeliveredByHour = std::map<std::pair<QString, qint64>, qint64>;
UndeliveredByHour undeliveredFromAttempts(const QList<LoggedAttempt> &attempts);
UndeliveredByHour storedUndelivered(Database &database);
