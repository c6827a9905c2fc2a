// Each webhook's run of failed attempts since its last success (webhook_dispatch_state), shared by every dispatcher:
// what warnings before auto-disable and the disabling itself are decided from.
#pragma once

#include "models/domain/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class Database;

// A webhook that keeps failing is disabled once its failures have lasted afterSeconds, but only when they span
// at least minimumSpanSeconds (a burst of failures within minutes is no pattern). Warnings come when
// warningPercents of afterSeconds have passed. afterSeconds 0: never disabled for failing.
struct AutoDisableRule
{
    qint64 afterSeconds = 5 * 86400; // Svix's five days
    qint64 minimumSpanSeconds = 12 * 3600;
    QList<int> warningPercents = {50, 70, 90};

    bool operator==(const AutoDisableRule &other) const = default;

    // When a streak that began at failingSince disables its webhook (invalid: never).
    QDateTime disableAt(const QDateTime &failingSince) const;
};

struct FailureStreak
{
    int consecutiveFailures = 0; // 0: the webhook is not failing
    QDateTime failingSince;      // the first failure after the last success
    QDateTime lastFailureAt;
    QString lastError;
    int warningsGiven = 0;       // how many of the rule's warning thresholds have been announced
    int alertsRaised = 0;        // operations alerts (webhook.failing) raised about it: its end is told when any was
};

// What one more failed attempt makes of a webhook's streak.
struct StreakVerdict
{
    FailureStreak streak;
    // A warning threshold this failure crossed first; exactly one dispatcher is told, however many share the work.
    std::optional<int> warningPercent;
    bool disable = false; // the streak has lasted as long as the rule allows
    QDateTime disableAt;  // when the webhook will be disabled unless an attempt succeeds (invalid: never)
};

class FailureStreaks
{
    Q_DECLARE_TR_FUNCTIONS(FailureStreaks)
public:
    explicit FailureStreaks(Database &database);

    // Counts a failed attempt at the time at, in one write transaction, and judges the streak under rule.
    Result<StreakVerdict> recordFailure(const QString &webhookId, const QDateTime &at, const QString &error,
                                        const AutoDisableRule &rule);
    // Ends webhookId's streak after a success (or its enabling by an administrator); returns the streak that ended
    // (consecutiveFailures 0: it was not failing). Runs inside whatever transaction is open.
    Result<FailureStreak> clear(const QString &webhookId);
    // Counts an operations alert raised about webhookId's current streak.
    Result<void> countAlert(const QString &webhookId);
    // The streaks of every failing webhook, by webhook id.
    Result<QHash<QString, FailureStreak>> failing() const;

private:
    Database &m_database;
};
