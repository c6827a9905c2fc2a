// Realistic delivery attempts for tests and the benchmark, written straight into the deliveries table in bulk.
#pragma once

#include "models/storage/database.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// One row of the deliveries table, every column.
struct GeneratedAttempt
{
    QString webhookId;               // empty: the webhook was deleted
    QString webhookName;
    QString eventType = QStringLiteral("report.created");
    QString eventId;
    QString messageId;
    int attempt = 1;
    QString trigger = QStringLiteral("event");
    QString requestMethod = QStringLiteral("POST");
    QString requestUrl = QStringLiteral("https://receiver.hospital.example/goreporter");
    QString requestHeadersJson = QStringLiteral("[]");
    QByteArray requestBody;
    std::optional<int> responseStatus;
    QString responseHeadersJson;     // empty: NULL (no response)
    QByteArray responseBody;
    std::optional<qint64> responseSize;
    QString error;                   // empty: NULL
    bool success = false;
    qint64 startedAtMs = 0;
    std::optional<qint64> finishedAtMs;
    std::optional<qint64> durationMs;
};

struct GeneratedWebhook
{
    QString id;
    QString name;
    bool active = true;
};

struct DeliveryGeneratorOptions
{
    int webhookCount = 50;
    qint64 attempts = 20000;
    int days = 30;
    QDateTime end = QDateTime::currentDateTimeUtc();  // attempts start in [end - days, end)
    quint32 seed = 20240501;
    int rowsPerStatement = 200;
    int rowsPerTransaction = 20000;
};

class DeliveryGenerator
{
public:
    // Webhooks "Webhook 01".. with a mix of health: most healthy, some flaky, one failing for the last hours,
    // one inactive, and the last one never delivered to (it gets no attempts).
    static std::optional<QList<GeneratedWebhook>> createWebhooks(Database &database, int count, QString *error);

    // options.attempts attempts over the webhooks, with retries of failed events, test sends and redeliveries,
    // bodies and headers (with a signature and an Authorization header to redact). Multi-row INSERTs in
    // transactions of options.rowsPerTransaction rows; progress(rowsWritten) after each transaction.
    static bool generate(Database &database, const QList<GeneratedWebhook> &webhooks,
                         const DeliveryGeneratorOptions &options, QString *error,
                         const std::function<void(qint64)> &progress = {});

    // Writes the given rows, in one transaction.
    static bool insert(Database &database, const QList<GeneratedAttempt> &rows, QString *error,
                       int rowsPerStatement = 200);
};
