// Reading and checking the stored dispatch settings.
#include "network/delivery/dispatchconfig.h"

#include "models/domain/webhook.h"
#include "models/storage/dispatchsettings.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

Failure invalid(const QString &message)
{
    return Failure{ErrorCode::Invalid, message};
}

bool wholeSeconds(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == std::floor(value.toDouble()) && value.toDouble() >= 0
           && value.toDouble() <= 365.0 * 86400;
}

Result<QHash<QString, double>> ratesFrom(const QJsonObject &object)
{
    QHash<QString, double> rates = DispatchConfig::defaultRates();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!WebhookKinds::fromKey(it.key()))
            return invalid(DispatchConfig::tr("The rate limits name “%1”, which is no integration; the integrations "
                                              "are slack, teams, epic and generic.")
                               .arg(it.key()));
        // Up to 1000 messages per second; 0: no limit.
        if (!it.value().isDouble() || it.value().toDouble() < 0 || it.value().toDouble() > 1000)
            return invalid(DispatchConfig::tr("The rate limit of “%1” must be a number of messages per second from 0 "
                                              "(no limit) to 1000.")
                               .arg(it.key()));
        rates.insert(it.key(), it.value().toDouble());
    }
    return rates;
}

Result<AutoDisableRule> autoDisableFrom(const QJsonObject &object)
{
    AutoDisableRule rule;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"afterSeconds" || it.key() == u"minimumSpanSeconds") {
            if (!wholeSeconds(it.value()))
                return invalid(DispatchConfig::tr("Auto-disable's “%1” must be whole seconds from 0 to 31536000.")
                                   .arg(it.key()));
            (it.key() == u"afterSeconds" ? rule.afterSeconds : rule.minimumSpanSeconds) = qint64(it.value().toDouble());
        } else if (it.key() == u"warningPercents") {
            rule.warningPercents.clear();
            for (const QJsonValue &percent : it.value().toArray()) {
                const int value = percent.toInt(-1);
                if (value < 1 || value > 99 || (!rule.warningPercents.isEmpty() && value <= rule.warningPercents.last()))
                    return invalid(DispatchConfig::tr("Auto-disable's “warningPercents” must be rising whole percentages "
                                                      "from 1 to 99."));
                rule.warningPercents.append(value);
            }
            if (!it.value().isArray())
                return invalid(DispatchConfig::tr("Auto-disable's “warningPercents” must be a list."));
        } else {
            return invalid(DispatchConfig::tr("Auto-disable has no setting “%1”.").arg(it.key()));
        }
    }
    return rule;
}

Result<AlertRule> alertsFrom(const QJsonObject &object)
{
    AlertRule rule;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"failingAfterAttempts") {
            if (!it.value().isArray())
                return invalid(DispatchConfig::tr("The alerts' “failingAfterAttempts” must be a list."));
            rule.failingAfterAttempts.clear();
            for (const QJsonValue &count : it.value().toArray()) {
                const int value = count.toInt(-1);
                if (value < 1 || value > 100000
                    || (!rule.failingAfterAttempts.isEmpty() && value <= rule.failingAfterAttempts.last()))
                    return invalid(DispatchConfig::tr("The alerts' “failingAfterAttempts” must be rising whole numbers "
                                                      "of attempts from 1 to 100000."));
                rule.failingAfterAttempts.append(value);
            }
        } else if (it.key() == u"windowSeconds") {
            if (!wholeSeconds(it.value()))
                return invalid(DispatchConfig::tr("The alerts' “windowSeconds” must be whole seconds from 0 to 31536000."));
            rule.windowSeconds = qint64(it.value().toDouble());
        } else if (it.key() == u"link") {
            const QUrl link(it.value().toString(), QUrl::StrictMode);
            if (!it.value().isString()
                || (!it.value().toString().isEmpty()
                    && (!link.isValid() || (link.scheme() != u"https" && link.scheme() != u"http") || link.host().isEmpty())))
                return invalid(DispatchConfig::tr("The alerts' “link” must be an http or https address (or empty)."));
            rule.link = link;
        } else {
            return invalid(DispatchConfig::tr("The alerts have no setting “%1”; they have failingAfterAttempts, "
                                              "windowSeconds and link.")
                               .arg(it.key()));
        }
    }
    return rule;
}

Result<ProxyRule> proxyFrom(const QJsonObject &object)
{
    ProxyRule rule;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"url") {
            const QString text = it.value().toString();
            const QUrl url(text, QUrl::StrictMode);
            // CONNECT is spoken in plain HTTP to the proxy; a password would lie in the database as it is.
            if (!it.value().isString()
                || (!text.isEmpty()
                    && (!url.isValid() || url.scheme() != u"http" || url.host().isEmpty() || url.port() <= 0
                        || !url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != u"/"))))
                return invalid(DispatchConfig::tr("The proxy's “url” must be http://host:port (a proxy that asks for "
                                                  "a password is not supported), or empty for none."));
            rule.url = text.isEmpty() ? QUrl() : url.adjusted(QUrl::RemovePath);
        } else if (it.key() == u"noProxy") {
            if (!it.value().isArray())
                return invalid(DispatchConfig::tr("The proxy's “noProxy” must be a list of host names or suffixes "
                                                  "such as “.hospital.example”."));
            for (const QJsonValue &host : it.value().toArray()) {
                const QString name = host.toString().trimmed().toLower();
                if (!host.isString() || name.isEmpty() || name.contains(u'/') || name.contains(u' '))
                    return invalid(DispatchConfig::tr("The proxy's “noProxy” must be a list of host names or suffixes "
                                                      "such as “.hospital.example”."));
                rule.noProxy.append(name);
            }
        } else {
            return invalid(DispatchConfig::tr("The proxy has no setting “%1”; it has url and noProxy.").arg(it.key()));
        }
    }
    return rule;
}

} // namespace

QUrl ProxyRule::forHost(const QString &host) const
{
    const QString name = host.toLower();
    for (const QString &excluded : noProxy) {
        if (name == excluded || (excluded.startsWith(u'.') && name.endsWith(excluded)))
            return {};
    }
    return url;
}

QHash<QString, double> DispatchConfig::defaultRates()
{
    return {{WebhookKinds::key(WebhookKind::Slack), 1.0}, {WebhookKinds::key(WebhookKind::Teams), 4.0},
            {WebhookKinds::key(WebhookKind::Epic), 0.0}, {WebhookKinds::key(WebhookKind::Generic), 0.0}};
}

bool DispatchConfig::operator==(const DispatchConfig &other) const
{
    return schedule == other.schedule && pacing.perKind == other.pacing.perKind
           && pacing.horizonMs == other.pacing.horizonMs && autoDisable == other.autoDisable
           && alerts == other.alerts && proxy == other.proxy;
}

Result<DispatchConfig> DispatchConfig::fromSettings(const QHash<QString, QJsonObject> &values)
{
    DispatchConfig config;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (Result<void> checked = check(it.key(), it.value()); !checked)
            return checked.failure();
    }
    if (values.contains(RetryScheduleName))
        config.schedule = *RetrySchedule::fromJson(values.value(RetryScheduleName));
    if (values.contains(RateLimitsName))
        config.pacing.perKind = *ratesFrom(values.value(RateLimitsName));
    if (values.contains(AutoDisableName))
        config.autoDisable = *autoDisableFrom(values.value(AutoDisableName));
    if (values.contains(AlertsName))
        config.alerts = *alertsFrom(values.value(AlertsName));
    if (values.contains(ProxyName))
        config.proxy = *proxyFrom(values.value(ProxyName));
    return config;
}

Result<DispatchConfig> DispatchConfig::stored(Database &database)
{
    const Result<QHash<QString, QJsonObject>> values = DispatchSettings(database).values();
    if (!values)
        return values.failure();
    return fromSettings(*values);
}

Result<void> DispatchConfig::check(const QString &name, const QJsonObject &value)
{
    if (name == RetryScheduleName) {
        if (const Result<RetrySchedule> schedule = RetrySchedule::fromJson(value); !schedule)
            return schedule.failure();
    } else if (name == RateLimitsName) {
        if (const auto rates = ratesFrom(value); !rates)
            return rates.failure();
    } else if (name == AutoDisableName) {
        if (const Result<AutoDisableRule> rule = autoDisableFrom(value); !rule)
            return rule.failure();
    } else if (name == AlertsName) {
        if (const Result<AlertRule> rule = alertsFrom(value); !rule)
            return rule.failure();
    } else if (name == ProxyName) {
        if (const Result<ProxyRule> rule = proxyFrom(value); !rule)
            return rule.failure();
    } else {
        return invalid(tr("There is no dispatch setting “%1”; the settings are %2.").arg(name, names().join(u", "_s)));
    }
    return {};
}

QJsonObject DispatchConfig::settingValue(const QString &name) const
{
    if (name == RetryScheduleName)
        return schedule.toJson();
    if (name == RateLimitsName) {
        QJsonObject rates;
        for (auto it = pacing.perKind.cbegin(); it != pacing.perKind.cend(); ++it)
            rates.insert(it.key(), it.value());
        return rates;
    }
    if (name == AutoDisableName) {
        QJsonArray percents;
        for (int percent : autoDisable.warningPercents)
            percents.append(percent);
        return {{u"afterSeconds"_s, double(autoDisable.afterSeconds)},
                {u"minimumSpanSeconds"_s, double(autoDisable.minimumSpanSeconds)},
                {u"warningPercents"_s, percents}};
    }
    if (name == AlertsName) {
        QJsonArray counts;
        for (int count : alerts.failingAfterAttempts)
            counts.append(count);
        return {{u"failingAfterAttempts"_s, counts}, {u"windowSeconds"_s, double(alerts.windowSeconds)},
                {u"link"_s, alerts.link.toString()}};
    }
    if (name == ProxyName)
        return {{u"url"_s, proxy.url.toString()}, {u"noProxy"_s, QJsonArray::fromStringList(proxy.noProxy)}};
    return {};
}
