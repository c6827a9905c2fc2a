// Failure streaks in webhook_dispatch_state (schema migration 11): counted with one upsert per failed attempt so
// that dispatchers on several machines add to the same row, and warnings given once through a conditional update.
#include "models/storage/failurestreak.h"

#include "models/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QDateTime fromMsecs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// The columns streakFrom() reads, in its order.
const QString streakColumns =
    u"consecutive_failures, failing_since, last_failure_at, last_error, warnings_given, alerts_raised"_s;

// A streak from streakColumns, from column first on.
FailureStreak streakFrom(const QSqlQuery &query, int first)
{
    FailureStreak streak;
    streak.consecutiveFailures = query.value(first).toInt();
    streak.failingSince = fromMsecs(query.value(first + 1));
    streak.lastFailureAt = fromMsecs(query.value(first + 2));
    streak.lastError = query.value(first + 3).toString();
    streak.warningsGiven = query.value(first + 4).toInt();
    streak.alertsRaised = query.value(first + 5).toInt();
    return streak;
}

} // namespace

QDateTime AutoDisableRule::disableAt(const QDateTime &failingSince) const
{
    if (afterSeconds <= 0 || !failingSince.isValid())
        return {};
    return failingSince.addSecs(std::max(afterSeconds, minimumSpanSeconds));
}

FailureStreaks::FailureStreaks(Database &database)
    : m_database(database)
{
}

Result<StreakVerdict> FailureStreaks::recordFailure(const QString &webhookId, const QDateTime &at,
                                                    const QString &error, const AutoDisableRule &rule)
{
    QSqlDatabase db = m_database.connection();
    StreakVerdict verdict;
    const Result<void> written = Database::inWriteTransaction(db, tr("Cannot count the failed attempt"), [&]() -> Result<void> {
        QSqlQuery count(db);
        count.prepare(u"INSERT INTO webhook_dispatch_state"
                      " (webhook_id, consecutive_failures, failing_since, last_failure_at, last_error)"
                      " VALUES (?, 1, ?, ?, ?)"
                      " ON CONFLICT (webhook_id) DO UPDATE SET"
                      " consecutive_failures = webhook_dispatch_state.consecutive_failures + 1,"
                      " failing_since = COALESCE(webhook_dispatch_state.failing_since, excluded.failing_since),"
                      " last_failure_at = excluded.last_failure_at, last_error = excluded.last_error"
                      " RETURNING consecutive_failures, failing_since, warnings_given, alerts_raised"_s);
        for (const QVariant &value : QVariantList{webhookId, at.toMSecsSinceEpoch(), at.toMSecsSinceEpoch(), error})
            count.addBindValue(value);
        if (!count.exec() || !count.next())
            return Database::failure(tr("Cannot count the failed attempt"), count.lastError());
        verdict.streak.consecutiveFailures = count.value(0).toInt();
        verdict.streak.failingSince = fromMsecs(count.value(1));
        verdict.streak.lastFailureAt = at;
        verdict.streak.lastError = error;
        verdict.streak.warningsGiven = count.value(2).toInt();
        verdict.streak.alertsRaised = count.value(3).toInt();
        count.finish();

        const qint64 failingMs = verdict.streak.failingSince.msecsTo(at);
        verdict.disableAt = rule.disableAt(verdict.streak.failingSince);
        verdict.disable = verdict.disableAt.isValid() && at >= verdict.disableAt;
        if (rule.afterSeconds <= 0 || verdict.disable)
            return {};
        QList<int> thresholds = rule.warningPercents;
        std::sort(thresholds.begin(), thresholds.end());
        const qsizetype crossed = std::count_if(thresholds.cbegin(), thresholds.cend(), [&](int percent) {
            return failingMs >= rule.afterSeconds * 1000 * percent / 100;
        });
        if (crossed <= verdict.streak.warningsGiven)
            return {};
        // Only the transaction that moves the count on announces the warning.
        QSqlQuery warn(db);
        warn.prepare(u"UPDATE webhook_dispatch_state SET warnings_given = ? WHERE webhook_id = ? AND warnings_given < ?"_s);
        for (const QVariant &value : QVariantList{int(crossed), webhookId, int(crossed)})
            warn.addBindValue(value);
        if (!warn.exec())
            return Database::failure(tr("Cannot count the failed attempt"), warn.lastError());
        if (warn.numRowsAffected() == 1) {
            verdict.streak.warningsGiven = int(crossed);
            verdict.warningPercent = thresholds.at(crossed - 1);
        }
        return {};
    });
    if (!written)
        return written.failure();
    return verdict;
}

Result<FailureStreak> FailureStreaks::clear(const QString &webhookId)
{
    QSqlQuery query(m_database.connection());
    // Read before it is reset: the streak that ends is what a recovery is announced with.
    query.prepare(u"SELECT "_s + streakColumns
                  + u" FROM webhook_dispatch_state WHERE webhook_id = ? AND consecutive_failures > 0"_s);
    query.addBindValue(webhookId);
    if (!query.exec())
        return Database::failure(tr("Cannot read the webhook's failures"), query.lastError());
    if (!query.next())
        return FailureStreak{};
    const FailureStreak ended = streakFrom(query, 0);
    query.finish();
    query.prepare(u"UPDATE webhook_dispatch_state SET consecutive_failures = 0, failing_since = NULL,"
                  " warnings_given = 0, alerts_raised = 0 WHERE webhook_id = ? AND consecutive_failures > 0"_s);
    query.addBindValue(webhookId);
    if (!query.exec())
        return Database::failure(tr("Cannot reset the webhook's failures"), query.lastError());
    // Another dispatcher's success may have ended the same streak a moment earlier: then it has told of it.
    if (query.numRowsAffected() != 1)
        return FailureStreak{};
    return ended;
}

Result<void> FailureStreaks::countAlert(const QString &webhookId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE webhook_dispatch_state SET alerts_raised = alerts_raised + 1"
                  " WHERE webhook_id = ? AND consecutive_failures > 0"_s);
    query.addBindValue(webhookId);
    if (!query.exec())
        return Database::failure(tr("Cannot count the alert"), query.lastError());
    return {};
}

Result<QHash<QString, FailureStreak>> FailureStreaks::failing() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT webhook_id, "_s + streakColumns
                    + u" FROM webhook_dispatch_state WHERE consecutive_failures > 0"_s))
        return Database::failure(tr("Cannot read the webhooks' failures"), query.lastError());
    QHash<QString, FailureStreak> streaks;
    while (query.next())
        streaks.insert(query.value(0).toString(), streakFrom(query, 1));
    return streaks;
}
