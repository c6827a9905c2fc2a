// What the dispatchers follow, read from the database's dispatch settings (DispatchSettings) with the program's
// defaults for whatever is not set: the retry schedule, the rate limits by integration, auto-disable and the
// operations alerts.
#pragma once

#include "models/domain/result.h"
#include "models/storage/alertmarks.h"
#include "models/storage/dispatchqueue.h"
#include "models/storage/failurestreak.h"
#include "network/delivery/retrypolicy.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

struct DispatchConfig
{
    Q_DECLARE_TR_FUNCTIONS(DispatchConfig)
public:
    // The names of the stored settings.
    static inline const QString RetryScheduleName = QStringLiteral("retrySchedule");
    static inline const QString RateLimitsName = QStringLiteral("rateLimits");
    static inline const QString AutoDisableName = QStringLiteral("autoDisable");
    static inline const QString AlertsName = QStringLiteral("alerts");
    static QStringList names() { return {RetryScheduleName, RateLimitsName, AutoDisableName, AlertsName}; }

    // Messages per second by integration key: Slack's "Rate limits" page allows incoming webhooks one message per
    // second; Microsoft's "Rate limiting for connectors" allows four posts per second to a Teams webhook.
    static QHash<QString, double> defaultRates();

    RetrySchedule schedule;
    SendPacing pacing{defaultRates()};
    AutoDisableRule autoDisable;
    AlertRule alerts;

    bool operator==(const DispatchConfig &other) const;

    // The configuration the stored settings make (by name, as DispatchSettings::values() gives them).
    static Result<DispatchConfig> fromSettings(const QHash<QString, QJsonObject> &values);
    // Whether value can be stored as the setting name: Invalid, naming the setting and key, when it cannot.
    static Result<void> check(const QString &name, const QJsonObject &value);
    // The setting name as it is in effect under this configuration, in its stored form.
    QJsonObject settingValue(const QString &name) const;
};
