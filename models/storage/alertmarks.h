// Operations alerts (webhook.failing, webhook.disabled, webhook.recovered, delivery.exhausted): the rule every
// dispatcher follows when it raises them, and the marks (schema migration 13) that let one alert of a kind about a
// webhook out per window, however many dispatchers share the work.
#pragma once

#include "models/domain/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

class Database;

struct AlertRule
{
    // webhook.failing after this many consecutive failed attempts, and again at each higher count; the
    // auto-disable rule's warning thresholds raise it too.
    QList<int> failingAfterAttempts = {3, 10, 30, 100};
    // Of each kind of alert about one webhook (webhook.failing at one threshold, delivery.exhausted) at most one
    // per window: a webhook that flaps between failing and working, or an outage that exhausts a thousand
    // events, makes one alert, not a flood.
    qint64 windowSeconds = 3600;
    QUrl link; // optional: a page every alert links to (the hospital's runbook, a status page)

    bool operator==(const AlertRule &other) const = default;
};

class AlertMarks
{
    Q_DECLARE_TR_FUNCTIONS(AlertMarks)
public:
    static QStringList migrationStatements();

    explicit AlertMarks(Database &database);

    // Whether the alert named key (e.g. "webhook.failing:attempts:3") about webhookId may go out at the time at:
    // true when none did within windowSeconds before, and then marked in the same statement, so that of two
    // dispatchers asking together one hears true.
    Result<bool> take(const QString &webhookId, const QString &key, const QDateTime &at, qint64 windowSeconds);

private:
    Database &m_database;
};
