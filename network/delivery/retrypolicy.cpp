// The retry schedule's stored form and the decision after a failed attempt.
#include "network/delivery/retrypolicy.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

QList<qint64> RetrySchedule::svixDelaysSeconds()
{
    // https://docs.svix.com/retries
    return {5, 300, 1800, 7200, 18000, 36000, 36000};
}

Result<RetrySchedule> RetrySchedule::fromJson(const QJsonObject &object)
{
    RetrySchedule schedule;
    auto invalid = [](const QString &message) { return Failure{ErrorCode::Invalid, message}; };
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!QStringList{u"delaysSeconds"_s, u"jitter"_s, u"retryAfterMinSeconds"_s, u"retryAfterMaxSeconds"_s}.contains(
                it.key()))
            return Failure{ErrorCode::Invalid, RetryPolicy::tr("The retry schedule has no setting “%1”.").arg(it.key())};
    }
    if (object.contains(u"delaysSeconds")) {
        const QJsonValue value = object.value(u"delaysSeconds");
        if (!value.isArray() || value.toArray().isEmpty())
            return invalid(RetryPolicy::tr("The retry schedule's “delaysSeconds” must be a list of at least one delay "
                                           "in seconds."));
        schedule.delaysSeconds.clear();
        for (const QJsonValue &delay : value.toArray()) {
            // Whole seconds from 0 to 7 days: longer than any outage a message is worth keeping for.
            if (!delay.isDouble() || delay.toDouble() != std::floor(delay.toDouble()) || delay.toDouble() < 0
                || delay.toDouble() > 7 * 86400)
                return invalid(RetryPolicy::tr("The retry schedule's “delaysSeconds” must hold whole seconds from 0 to "
                                               "604800."));
            schedule.delaysSeconds.append(qint64(delay.toDouble()));
        }
    }
    if (object.contains(u"jitter")) {
        const QJsonValue value = object.value(u"jitter");
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 0.5)
            return invalid(RetryPolicy::tr("The retry schedule's “jitter” must be a fraction from 0 to 0.5."));
        schedule.jitter = value.toDouble();
    }
    for (const auto &[key, field] : {std::pair{u"retryAfterMinSeconds"_s, &RetrySchedule::retryAfterMinSeconds},
                                     std::pair{u"retryAfterMaxSeconds"_s, &RetrySchedule::retryAfterMaxSeconds}}) {
        if (!object.contains(key))
            continue;
        const QJsonValue value = object.value(key);
        if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()) || value.toDouble() < 0
            || value.toDouble() > 7 * 86400)
            return invalid(RetryPolicy::tr("The retry schedule's “%1” must be whole seconds from 0 to 604800.").arg(key));
        schedule.*field = qint64(value.toDouble());
    }
    if (schedule.retryAfterMinSeconds > schedule.retryAfterMaxSeconds)
        return invalid(RetryPolicy::tr("The retry schedule's “retryAfterMinSeconds” must not be larger than "
                                       "“retryAfterMaxSeconds”."));
    return schedule;
}

QJsonObject RetrySchedule::toJson() const
{
    QJsonArray delays;
    for (qint64 delay : delaysSeconds)
        delays.append(double(delay));
    return {{u"delaysSeconds"_s, delays},
            {u"jitter"_s, jitter},
            {u"retryAfterMinSeconds"_s, double(retryAfterMinSeconds)},
            {u"retryAfterMaxSeconds"_s, double(retryAfterMaxSeconds)}};
}

bool RetryPolicy::isTransient(const DeliveryResult &result)
{
    using Error = DeliveryResult::Error;
    switch (result.error) {
    case Error::Dns:
    case Error::ConnectionRefused:
    case Error::ConnectionClosed:
    case Error::Tls:
    case Error::Timeout:
    case Error::InactivityTimeout:
    case Error::Network:
    case Error::Authentication:
    case Error::HttpServerError:
        return true;
    case Error::HttpClientError:
        // Request Timeout, Too Early, Too Many Requests: the receiver asks to come back.
        return result.status == 408 || result.status == 425 || result.status == 429;
    case Error::None:
    case Error::InvalidRequest:
    case Error::Blocked:
    case Error::Redirect:
    case Error::Cancelled:
        return false;
    }
    return false;
}

RetryDecision RetryPolicy::decide(const RetrySchedule &schedule, const DeliveryResult &result, int attemptsMade,
                                  double random)
{
    RetryDecision decision;
    if (result.error == DeliveryResult::Error::Cancelled) {
        decision.action = RetryDecision::Action::Retry;
        decision.reason = u"cancelled"_s;
        return decision;
    }
    if (result.status == 410) {
        decision.action = RetryDecision::Action::DisableWebhook;
        decision.reason = u"gone"_s;
        return decision;
    }
    if (!isTransient(result)) {
        decision.reason = u"permanent"_s;
        return decision;
    }
    const std::optional<qint64> scheduled = scheduledDelayMs(schedule, attemptsMade, random);
    if (!scheduled) {
        decision.reason = u"exhausted"_s;
        return decision;
    }
    decision.action = RetryDecision::Action::Retry;
    decision.reason = u"transient"_s;
    decision.delayMs = *scheduled;
    if (result.retryAfterSeconds) {
        decision.followsRetryAfter = true;
        decision.delayMs = std::clamp(*result.retryAfterSeconds, schedule.retryAfterMinSeconds,
                                      schedule.retryAfterMaxSeconds)
                           * 1000;
    }
    return decision;
}

std::optional<qint64> RetryPolicy::scheduledDelayMs(const RetrySchedule &schedule, int attemptsMade, double random)
{
    if (attemptsMade >= schedule.maxAttempts())
        return std::nullopt;
    const qint64 baseMs = schedule.delaysSeconds.at(std::max(attemptsMade, 1) - 1) * 1000;
    const double spread = schedule.jitter * (2.0 * std::clamp(random, 0.0, 1.0) - 1.0);
    return std::max<qint64>(0, qint64(std::llround(double(baseMs) * (1.0 + spread))));
}
