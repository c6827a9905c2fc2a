#include "testsupport/webhookfixtures.h"

#include "network/delivery/deliverypipeline.h"

#include <QObject>
#include <QTest>

#include <QDebug>

Webhook makeWebhook(const QString &name, WebhookKind kind)
{
    Webhook w;
    w.name = name;
    w.kind = kind;
    w.phiLevel = WebhookKinds::defaultPhiLevel(kind);
    w.description = QStringLiteral("Test webhook");
    switch (kind) {
    case WebhookKind::Slack:
        w.url = QUrl(QStringLiteral("https://hooks.slack.com/services/T000/B000/XXXXXXXX"));
        w.events = {QStringLiteral("battery.critical"), QStringLiteral("task.overdue")};
        break;
    case WebhookKind::Teams:
        w.url = QUrl(QStringLiteral("https://contoso.webhook.office.com/webhookb2/secret-path"));
        w.events = {QStringLiteral("report.completed"), QStringLiteral("battery.low")};
        break;
    case WebhookKind::Epic:
        w.url = QUrl(QStringLiteral("https://fhir.hospital.example/api/FHIR/R4"));
        w.events = {QStringLiteral("report.completed")};
        break;
    case WebhookKind::Generic:
        w.url = QUrl(QStringLiteral("https://receiver.hospital.example/goreporter"));
        w.events = {QStringLiteral("report.created"), QStringLiteral("task.due")};
        w.headers = {{QStringLiteral("X-Site"), QStringLiteral("north")}};
        break;
    }
    return w;
}

GeneratedAttempt makeAttempt(const Webhook &webhook, qint64 minutesAgo, bool success, int serial)
{
    GeneratedAttempt row;
    row.webhookId = webhook.id;
    row.webhookName = webhook.name;
    row.eventType = webhook.events.value(0, QStringLiteral("report.created"));
    row.eventId = QStringLiteral("evt-%1").arg(serial);
    row.messageId = QStringLiteral("msg-%1").arg(serial);
    row.requestUrl = webhook.maskedEndpoint(); // as the recorder stores it: Slack and Teams URLs are credentials
    row.success = success;
    row.responseStatus = success ? 200 : 503;
    if (!success)
        row.error = QStringLiteral("http-5xx: HTTP 503 Service Unavailable");
    row.startedAtMs = QDateTime::currentMSecsSinceEpoch() - minutesAgo * 60000;
    row.durationMs = success ? 180 + serial % 90 : 2400;
    row.finishedAtMs = row.startedAtMs + *row.durationMs;
    return row;
}

GeneratedAttempt makeAttempt(const GeneratedWebhook &webhook, const QString &messageId, qint64 startedAtMs,
                             bool success)
{
    GeneratedAttempt row;
    row.webhookId = webhook.id;
    row.webhookName = webhook.name;
    row.eventId = QStringLiteral("evt_") + messageId;
    row.messageId = messageId;
    row.startedAtMs = startedAtMs;
    row.success = success;
    row.responseStatus = success ? 200 : 503;
    row.durationMs = 100;
    if (!success)
        row.error = QStringLiteral("http-5xx: 503 Service Unavailable");
    return row;
}

DeliveryRecord makeUnfinishedRecord(const GeneratedWebhook &webhook, const QString &eventId,
                                    const QDateTime &startedAt)
{
    DeliveryRecord record;
    record.webhookId = webhook.id;
    record.webhookName = webhook.name;
    record.eventType = QStringLiteral("report.created");
    record.eventId = eventId;
    record.messageId = QString(eventId).replace(QStringLiteral("evt_"), QStringLiteral("msg_"));
    record.trigger = DeliveryTrigger::Event;
    record.requestUrl = QStringLiteral("https://receiver.hospital.example/goreporter");
    record.requestBody = "{}";
    record.error = DeliveryPipeline::unfinishedError();
    record.startedAt = startedAt;
    return record;
}

OpenTestDatabase openTestDatabase(DatabaseUrl::Engine engine)
{
    OpenTestDatabase result;
    result.storage = TestDatabase::create(engine);
    if (!result.storage)
        return result;
    result.database = std::make_unique<Database>();
    if (!result.database->open(result.storage->url()))
        qWarning() << "cannot open the test database:" << result.database->errorString();
    return result;
}

Result<WebhookCredentials> resolveCredentials(CredentialStore &store, const Webhook &webhook)
{
    std::optional<Result<WebhookCredentials>> resolved;
    QObject context;
    CredentialResolver::resolve(store, webhook, &context, [&](const Result<WebhookCredentials> &answer) {
        resolved = answer;
    });
    if (!QTest::qWaitFor([&] { return resolved.has_value(); }, 30000))
        return Result<WebhookCredentials>::failure(ErrorCode::Unavailable, QStringLiteral("the credential store never answered"));
    return *resolved;
}
