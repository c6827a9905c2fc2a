// Generates delivery attempts that look like a hospital's month: mostly successes, bursts of failures with retries.
#include "testsupport/deliverygenerator.h"

#include "models/domain/webhook.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr int columnCount = 20;
const QString insertHead = u"INSERT INTO deliveries (webhook_id, webhook_name, event_type, event_id, message_id,"
                           " attempt, trigger_kind, request_method, request_url, request_headers_json, request_body,"
                           " response_status, response_headers_json, response_body, response_size, error, success,"
                           " started_at, finished_at, duration_ms) VALUES "_s;

QString placeholders(int rows)
{
    QString one = u"("_s;
    for (int c = 0; c < columnCount; ++c)
        one += c ? u", ?"_s : u"?"_s;
    one += u')';
    QStringList all;
    all.reserve(rows);
    for (int r = 0; r < rows; ++r)
        all << one;
    return all.join(u", "_s);
}

QVariant nullableString(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

template<typename T>
QVariant nullable(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant(QMetaType::fromType<T>());
}

void bind(QSqlQuery &query, const GeneratedAttempt &a)
{
    query.addBindValue(nullableString(a.webhookId));
    query.addBindValue(a.webhookName);
    query.addBindValue(a.eventType);
    query.addBindValue(a.eventId);
    query.addBindValue(a.messageId);
    query.addBindValue(a.attempt);
    query.addBindValue(a.trigger);
    query.addBindValue(a.requestMethod);
    query.addBindValue(a.requestUrl);
    query.addBindValue(a.requestHeadersJson);
    query.addBindValue(a.requestBody.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(a.requestBody));
    query.addBindValue(nullable(a.responseStatus));
    query.addBindValue(nullableString(a.responseHeadersJson));
    query.addBindValue(a.responseBody.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(a.responseBody));
    query.addBindValue(nullable(a.responseSize));
    query.addBindValue(nullableString(a.error));
    query.addBindValue(a.success);
    query.addBindValue(a.startedAtMs);
    query.addBindValue(nullable(a.finishedAtMs));
    query.addBindValue(nullable(a.durationMs));
}

struct Profile
{
    double failureRate;
    qint64 downSinceMs;  // every attempt from then on fails; 0: never down
};

} // namespace

std::optional<QList<GeneratedWebhook>> DeliveryGenerator::createWebhooks(Database &database, int count, QString *error)
{
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO webhooks (id, name, name_key, kind, url, active, description, phi_level, created_by,"
                  " created_at, updated_by, updated_at)"
                  " VALUES (?, ?, ?, 'generic', ?, ?, '', 'none', 'generator', ?, 'generator', ?)"_s);
    QList<GeneratedWebhook> webhooks;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < count; ++i) {
        GeneratedWebhook webhook;
        webhook.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        webhook.name = u"Webhook %1"_s.arg(i + 1, 2, 10, QLatin1Char('0'));
        webhook.active = i != 3;  // one switched off
        query.addBindValue(webhook.id);
        query.addBindValue(webhook.name);
        query.addBindValue(WebhookNames::key(webhook.name));
        query.addBindValue(u"https://receiver-%1.hospital.example/goreporter"_s.arg(i + 1));
        query.addBindValue(webhook.active);
        query.addBindValue(now);
        query.addBindValue(now);
        if (!query.exec()) {
            if (error)
                *error = Database::describe(query.lastError());
            return std::nullopt;
        }
        webhooks.append(webhook);
    }
    return webhooks;
}

bool DeliveryGenerator::insert(Database &database, const QList<GeneratedAttempt> &rows, QString *error,
                               int rowsPerStatement)
{
    QSqlDatabase db = database.connection();
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        db.rollback();
        return false;
    };
    if (!db.transaction())
        return fail(Database::describe(db.lastError()));
    QSqlQuery full(db);
    int preparedRows = 0;
    for (qsizetype start = 0; start < rows.size(); start += rowsPerStatement) {
        const int n = int(std::min<qsizetype>(rowsPerStatement, rows.size() - start));
        QSqlQuery partial(db);
        QSqlQuery &query = n == rowsPerStatement ? full : partial;
        // A full statement is prepared once and reused; only the remainder needs its own.
        if (&query == &partial || preparedRows != n) {
            if (!query.prepare(insertHead + placeholders(n)))
                return fail(Database::describe(query.lastError()));
            if (&query == &full)
                preparedRows = n;
        }
        for (int i = 0; i < n; ++i)
            bind(query, rows.at(start + i));
        if (!query.exec())
            return fail(Database::describe(query.lastError()));
    }
    if (!db.commit())
        return fail(Database::describe(db.lastError()));
    return true;
}

bool DeliveryGenerator::generate(Database &database, const QList<GeneratedWebhook> &webhooks,
                                 const DeliveryGeneratorOptions &options, QString *error,
                                 const std::function<void(qint64)> &progress)
{
    QRandomGenerator random(options.seed);
    const qint64 endMs = options.end.toMSecsSinceEpoch();
    const qint64 spanMs = qint64(options.days) * 24 * 3600 * 1000;
    // The last webhook is never delivered to, so the health view has a grey row that is not switched off.
    const qsizetype targets = std::max<qsizetype>(1, webhooks.size() - 1);

    QList<Profile> profiles;
    for (qsizetype i = 0; i < webhooks.size(); ++i) {
        Profile profile{0.01, 0};
        if (i % 10 == 1)
            profile.failureRate = 0.12;                  // flaky: yellow
        if (i == 2)
            profile.downSinceMs = endMs - 3 * 3600 * 1000;  // down for three hours: red
        profiles.append(profile);
    }

    static const QStringList eventTypes = {u"report.created"_s, u"report.completed"_s, u"battery.low"_s,
                                           u"battery.critical"_s, u"task.created"_s, u"task.due"_s,
                                           u"task.overdue"_s};
    struct Failure { std::optional<int> status; const char *error; qint64 typicalMs; };
    static const Failure failures[] = {
        // The error keys the sender records.
        {503, "http-5xx: 503 Service Unavailable", 120}, {500, "http-5xx: 500 Internal Server Error", 300},
        {502, "http-5xx: 502 Bad Gateway", 80}, {429, "http-4xx: 429 Too Many Requests", 40},
        {401, "http-4xx: 401 Unauthorized", 30}, {404, "http-4xx: 404 Not Found", 25},
        {std::nullopt, "timeout: no response within 15 s", 15000},
        {std::nullopt, "connection-refused: connection refused", 3},
        {std::nullopt, "tls: certificate verify failed", 40},
        {std::nullopt, "dns: host not found", 20},
    };

    QList<GeneratedAttempt> batch;
    batch.reserve(options.rowsPerTransaction + 8);
    qint64 written = 0;
    auto flush = [&]() {
        if (batch.isEmpty())
            return true;
        if (!insert(database, batch, error, options.rowsPerStatement))
            return false;
        written += batch.size();
        batch.clear();
        if (progress)
            progress(written);
        return true;
    };

    qint64 produced = 0;
    while (produced < options.attempts) {
        const qsizetype w = qsizetype(random.bounded(quint32(targets)));
        const GeneratedWebhook &webhook = webhooks.at(w);
        const Profile &profile = profiles.at(w);
        const qint64 startedAt = endMs - 1 - qint64(random.generateDouble() * double(spanMs));
        const double kind = random.generateDouble();
        const QString trigger = kind < 0.02 ? u"test"_s : kind < 0.03 ? u"redeliver"_s : u"event"_s;
        const QString eventType = eventTypes.at(random.bounded(int(eventTypes.size())));
        const QString eventId = u"evt_"_s + QString::number(random.generate64(), 16);
        const QString messageId = u"msg_"_s + QString::number(random.generate64(), 16);
        const QByteArray body = u"{\"type\":\"%1\",\"timestamp\":\"%2\",\"data\":{\"id\":\"%3\",\"clinic\":\"Cardiology North\","
                                "\"link\":\"https://goreporter.hospital.example/r/%4\"}}"_s
                                    .arg(eventType, QDateTime::fromMSecsSinceEpoch(startedAt, Qt::UTC).toString(Qt::ISODate),
                                         eventId, QString::number(produced))
                                    .toUtf8();
        // Failed events are retried up to twice, a little later; a retry can succeed.
        const int maxAttempts = trigger == u"event" ? 3 : 1;
        qint64 at = startedAt;
        for (int attempt = 1; attempt <= maxAttempts && produced < options.attempts; ++attempt) {
            GeneratedAttempt a;
            a.webhookId = webhook.id;
            a.webhookName = webhook.name;
            a.eventType = eventType;
            a.eventId = eventId;
            a.messageId = messageId;
            a.attempt = trigger == u"redeliver" ? 2 + int(random.bounded(2)) : attempt;
            a.trigger = trigger;
            a.requestUrl = u"https://receiver-%1.hospital.example/goreporter"_s.arg(w + 1);
            a.requestHeadersJson = u"[[\"content-type\",\"application/json\"],[\"webhook-id\",\"%1\"],"
                                   "[\"webhook-timestamp\",\"%2\"],[\"webhook-signature\",\"v1,%3\"],"
                                   "[\"Authorization\",\"Bearer tok_%4\"]]"_s
                                       .arg(messageId)
                                       .arg(at / 1000)
                                       .arg(QString::number(random.generate64(), 36))
                                       .arg(QString::number(random.generate64(), 36));
            a.requestBody = body;
            a.startedAtMs = at;
            const bool down = profile.downSinceMs && at >= profile.downSinceMs;
            a.success = !down && random.generateDouble() >= profile.failureRate;
            if (a.success) {
                const int statuses[] = {200, 200, 200, 200, 202, 204};
                a.responseStatus = statuses[random.bounded(6)];
                a.durationMs = qint64(40 + std::exp(random.generateDouble() * 6.0));
                a.responseHeadersJson = u"[[\"content-type\",\"application/json\"],[\"set-cookie\",\"sid=%1\"]]"_s
                                            .arg(QString::number(random.generate64(), 36));
                a.responseBody = *a.responseStatus == 204 ? QByteArray() : QByteArray("{\"ok\":true}");
            } else {
                const Failure &f = failures[down ? 7 : random.bounded(int(std::size(failures)))];
                a.responseStatus = f.status;
                a.error = QString::fromLatin1(f.error);
                a.durationMs = f.typicalMs + qint64(random.bounded(int(f.typicalMs / 4 + 1)));
                if (f.status) {
                    a.responseHeadersJson = u"[[\"content-type\",\"text/plain\"]]"_s;
                    a.responseBody = QByteArray(std::strchr(f.error, ' ') + 1);  // the text after the key
                }
            }
            a.responseSize = a.responseBody.size();
            a.finishedAtMs = at + *a.durationMs;
            batch.append(a);
            ++produced;
            if (batch.size() >= options.rowsPerTransaction && !flush())
                return false;
            if (a.success)
                break;
            at += 30000 * attempt + qint64(random.bounded(5000));
            if (at >= endMs)
                break;
        }
    }
    return flush();
}
