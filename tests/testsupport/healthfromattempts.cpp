// Webhook health and undelivered events worked out from the raw rows of the deliveries table, by the README's
// definitions and without the hourly counts, to check the counts and the triggers that keep them against.
#include "testsupport/healthfromattempts.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 hourMs = 3600 * 1000;
constexpr qint64 dayMs = 24 * hourMs;

} // namespace

QList<LoggedAttempt> readLoggedAttempts(Database &database)
{
    QList<LoggedAttempt> attempts;
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT id, webhook_id, message_id, started_at, success, response_status FROM deliveries"_s))
        return attempts;
    while (query.next()) {
        LoggedAttempt a;
        a.id = query.value(0).toLongLong();
        a.webhookId = query.value(1).toString();
        a.messageId = query.value(2).toString();
        a.startedAtMs = query.value(3).toLongLong();
        a.success = query.value(4).toBool();
        if (!query.value(5).isNull())
            a.responseStatus = query.value(5).toInt();
        attempts.append(a);
    }
    std::sort(attempts.begin(), attempts.end(), [](const LoggedAttempt &x, const LoggedAttempt &y) {
        return std::pair(x.startedAtMs, x.id) > std::pair(y.startedAtMs, y.id);
    });
    return attempts;
}

WebhookHealth healthFromAttempts(const QList<LoggedAttempt> &attempts, const QString &webhookId, bool active,
                                 qint64 nowMs, const HealthThresholds &thresholds)
{
    WebhookHealth expected;
    expected.webhookId = webhookId;
    expected.active = active;
    QSet<QString> delivered;
    QSet<QString> failed24h;
    QSet<QString> failed7d;
    for (const LoggedAttempt &a : attempts) {  // newest first
        if (a.webhookId != webhookId)
            continue;
        if (a.success)
            delivered.insert(a.messageId);
        if (!a.success && a.startedAtMs >= nowMs - dayMs)
            failed24h.insert(a.messageId);
        if (!a.success && a.startedAtMs >= nowMs - 7 * dayMs)
            failed7d.insert(a.messageId);
        if (!expected.lastStartedAtMs) {
            expected.lastStartedAtMs = a.startedAtMs;
            expected.lastStatus = a.responseStatus;
            expected.lastSuccess = a.success;
        }
        expected.everDelivered = expected.everDelivered || a.success;
        if (!expected.everDelivered)
            ++expected.consecutiveFailures;
        if (a.startedAtMs >= nowMs - dayMs) {
            ++expected.attempts24h;
            expected.successes24h += a.success;
        }
        if (a.startedAtMs >= nowMs - 7 * dayMs) {
            ++expected.attempts7d;
            expected.successes7d += a.success;
        }
    }
    const bool lastDay = expected.attempts24h > 0;
    const auto attemptRate = lastDay ? expected.successRate24h() : expected.successRate7d();
    expected.undeliveredCounted = active && expected.lastSuccess && attemptRate
                                  && *attemptRate < thresholds.yellowBelowSuccessRate;
    if (expected.undeliveredCounted && lastDay)
        expected.undeliveredEvents24h = (failed24h - delivered).size();
    else if (expected.undeliveredCounted)
        expected.undeliveredEvents7d = (failed7d - delivered).size();
    expected.colour = healthColour(expected, thresholds);
    return expected;
}

void compareWithHealthFromAttempts(const QList<WebhookHealth> &health, const QList<LoggedAttempt> &attempts,
                                   qint64 nowMs, const HealthThresholds &thresholds)
{
    for (const WebhookHealth &h : health) {
        const WebhookHealth expected = healthFromAttempts(attempts, h.webhookId, h.active, nowMs, thresholds);
        QCOMPARE(h.lastStartedAtMs, expected.lastStartedAtMs);
        QCOMPARE(h.lastStatus, expected.lastStatus);
        QCOMPARE(h.lastSuccess, expected.lastSuccess);
        QCOMPARE(h.consecutiveFailures, expected.consecutiveFailures);
        QCOMPARE(h.everDelivered, expected.everDelivered);
        QCOMPARE(h.attempts24h, expected.attempts24h);
        QCOMPARE(h.successes24h, expected.successes24h);
        QCOMPARE(h.attempts7d, expected.attempts7d);
        QCOMPARE(h.successes7d, expected.successes7d);
        QCOMPARE(h.undeliveredCounted, expected.undeliveredCounted);
        QCOMPARE(h.undeliveredEvents24h, expected.undeliveredEvents24h);
        QCOMPARE(h.undeliveredEvents7d, expected.undeliveredEvents7d);
        QCOMPARE(h.colour, expected.colour);
    }
}

UndeliveredByHour undeliveredFromAttempts(const QList<LoggedAttempt> &attempts)
{
    struct Message
    {
        qint64 newestMs = 0;
        bool delivered = false;
    };
    QHash<std::pair<QString, QString>, Message> messages;
    for (const LoggedAttempt &a : attempts) {
        if (a.webhookId.isEmpty())
            continue;
        Message &m = messages[{a.webhookId, a.messageId}];
        m.newestMs = std::max(m.newestMs, a.startedAtMs);
        m.delivered = m.delivered || a.success;
    }
    UndeliveredByHour counts;
    for (auto m = messages.cbegin(); m != messages.cend(); ++m) {
        if (!m->delivered)
            ++counts[{m.key().first, (m->newestMs / hourMs) * hourMs}];
    }
    return counts;
}

UndeliveredByHour storedUndelivered(Database &database)
{
    UndeliveredByHour counts;
    QSqlQuery query(database.connection());
    if (!query.exec(u"SELECT webhook_id, hour_start, undelivered FROM delivery_hourly WHERE undelivered <> 0"_s))
        counts[{u"cannot read delivery_hourly"_s, 0}] = -1;
    while (query.next())
        counts[{query.value(0).toString(), query.value(1).toLongLong()}] = query.value(2).toLongLong();
    return counts;
}
