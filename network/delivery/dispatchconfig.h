// What the dispatchers follow, read from the database's dispatch settings (DispatchSettings) with the program's
// defaults for whatever is not set: the retry schedule, the rate limits by integration, auto-disable, the
// operations alerts and the proxy.
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
#include <QUrl>

// Where deliveries go through a proxy: https requests tunnel through url (CONNECT to the checked address) unless
// their host is in noProxy (a name, or a suffix that starts with a dot: ".hospital.example"). Empty url: none.
struct ProxyRule
{
    QUrl url;
    QStringList noProxy;

    bool operator==(const ProxyRule &other) const = default;
    // The proxy a request to host goes through (empty: none).
    QUrl forHost(const QString &host) const;
};

class Database;

struct DispatchConfig
{
    Q_DECLARE_TR_FUNCTIONS(DispatchConfig)
public:
    // The names of the stored settings.
    static inline const QString RetryScheduleName = QStringLiteral("retrySchedule");
    static inline const QString RateLimitsName = QStringLiteral("rateLimits");
    static inline const QString AutoDisableName = QStringLiteral("autoDisable");
    static inline const QString AlertsName = QStringLiteral("alerts");
    static inline const QString ProxyName = QStringLiteral("proxy");
    static QStringList names() { return {RetryScheduleName, RateLimitsName, AutoDisableName, AlertsName, ProxyName}; }

    // Messages per second by integration key: Slack's "Rate limits" page allows incoming webhooks one message per
    // second; Microsoft's "Rate limiting for connectors" allows four posts per second to a Teams webhook.
    static QHash<QString, double> defaultRates();

    RetrySchedule schedule;
    SendPacing pacing{defaultRates()};
    AutoDisableRule autoDisable;
    AlertRule alerts;
    ProxyRule proxy;

    bool operator==(const DispatchConfig &other) const;

    // The configuration the stored settings make (by name, as DispatchSettings::values() gives them).
    static Result<DispatchConfig> fromSettings(const QHash<QString, QJsonObject> &values);
    // The configuration database's dispatch settings make now: Invalid when a stored setting cannot be used (one
    // stored past the checks), Unavailable when the database failed.
    static Result<DispatchConfig> stored(Database &database);
    // Whether value can be stored as the setting name: Invalid, naming the setting and key, when it cannot.
    static Result<void> check(const QString &name, const QJsonObject &value);
    // The setting name as it is in effect under this configuration, in its stored form.
    QJsonObject settingValue(const QString &name) const;
};
