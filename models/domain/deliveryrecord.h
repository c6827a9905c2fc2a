// One attempt to deliver a message, every column of the delivery log, and what made the attempt.
#pragma once

#include <QByteArray>
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
