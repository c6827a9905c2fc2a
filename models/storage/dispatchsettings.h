// What every dispatcher follows, kept in the database (schema migration 11): named settings (the retry schedule,
// rate limits, auto-disable) and each webhook's own rate limit. One set for all dispatchers and consoles, changed
// by an audited command, never per machine.
#pragma once

#include "models/domain/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

class Database;

class DispatchSettings
{
    Q_DECLARE_TR_FUNCTIONS(DispatchSettings)
public:
    static QStringList migrationStatements();

    explicit DispatchSettings(Database &database);

    // Every stored setting by name; a name that is absent keeps the program's default.
    Result<QHash<QString, QJsonObject>> values() const;
    // Stores value under name (the caller has checked it) and audits the change with the value before.
    Result<void> setValue(const QString &name, const QJsonObject &value);
    // Back to the program's default, audited. NotFound when nothing was stored.
    Result<void> reset(const QString &name);

    // Each webhook's own rate limit in messages per second, where one is set (0: unlimited), by webhook id.
    Result<QHash<QString, double>> webhookRates() const;
    // Sets (nullopt: removes) webhookId's own rate limit, audited with the webhook's name.
    Result<void> setWebhookRate(const QString &webhookId, const QString &webhookName, std::optional<double> perSecond);

private:
    Database &m_database;
};
