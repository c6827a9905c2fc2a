// The retry schedule's stored form and the decision after a failed attempt.
#include "network/delivery/retrypolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

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

namespace {

// Slack's incoming webhooks answer a refusal with a short code as the whole plain-text body; these are the codes
// that mean the message or the webhook itself is wrong, so the same request can never succeed.
// https://api.slack.com/messaging/webhooks#handling_errors
const QSet<QString> &slackPermanentCodes()
{
    static const QSet<QString> codes{
        u"invalid_payload"_s, u"invalid_blocks"_s, u"invalid_blocks_format"_s, u"invalid_attachments"_s,
        u"too_many_attachments"_s, u"no_text"_s, u"missing_text_or_fallback_or_attachments"_s,
        u"channel_is_archived"_s, u"channel_not_found"_s, u"action_prohibited"_s,
        u"posting_to_general_channel_denied"_s, u"user_not_found"_s, u"invalid_token"_s, u"no_service"_s,
        u"no_service_id"_s, u"no_team"_s, u"team_disabled"_s,
    };
    return codes;
}

// FHIR R4 issue types (https://hl7.org/fhir/R4/valueset-issue-type.html): the content or the request is wrong...
const QSet<QString> &fhirPermanentIssues()
{
    static const QSet<QString> codes{
        u"invalid"_s, u"structure"_s, u"required"_s, u"value"_s, u"invariant"_s, u"security"_s, u"login"_s,
        u"unknown"_s, u"expired"_s, u"forbidden"_s, u"suppressed"_s, u"processing"_s, u"not-supported"_s,
        u"duplicate"_s, u"multiple-matches"_s, u"not-found"_s, u"deleted"_s, u"too-long"_s, u"code-invalid"_s,
        u"extension"_s, u"too-costly"_s, u"business-rule"_s, u"conflict"_s,
    };
    return codes;
}

// ...or the server could not do it this time.
const QSet<QString> &fhirTransientIssues()
{
    static const QSet<QString> codes{u"transient"_s, u"lock-error"_s, u"no-store"_s, u"exception"_s,
                                     u"timeout"_s,   u"incomplete"_s, u"throttled"_s};
    return codes;
}

KnownAnswer readSlack(const DeliveryResult &result)
{
    const QString code = QString::fromUtf8(result.body.left(100)).trimmed();
    if (slackPermanentCodes().contains(code))
        return {KnownAnswer::Verdict::Permanent, u"slack "_s + code};
    return {};
}

KnownAnswer readTeams(const DeliveryResult &result)
{
    // Teams answers a message it cannot take (a card that is not valid, a wrong wrapper, too large) with 400 or
    // 413; workflows say why in {"error": {"code", "message"}}, the retired connectors in a line of text.
    if (result.status != 400 && result.status != 413)
        return {};
    const QJsonObject error = QJsonDocument::fromJson(result.body).object().value(u"error").toObject();
    QString why = error.value(u"code").toString();
    if (why.isEmpty())
        why = QString::fromUtf8(result.body.left(300)).section(u'\n', 0, 0).trimmed().left(120);
    if (why.isEmpty())
        why = result.status == 413 ? u"message too large"_s : u"HTTP 400"_s;
    return {KnownAnswer::Verdict::Permanent, u"teams card refused: "_s + why};
}

KnownAnswer readEpic(const DeliveryResult &result)
{
    const QJsonObject outcome = QJsonDocument::fromJson(result.body).object();
    if (outcome.value(u"resourceType").toString() != u"OperationOutcome")
        return {};
    QStringList permanent;
    QStringList transient;
    for (const QJsonValue &value : outcome.value(u"issue").toArray()) {
        const QJsonObject issue = value.toObject();
        const QString severity = issue.value(u"severity").toString();
        if (severity != u"error" && severity != u"fatal")
            continue;
        const QString code = issue.value(u"code").toString();
        if (fhirPermanentIssues().contains(code))
            permanent.append(code);
        else if (fhirTransientIssues().contains(code))
            transient.append(code);
    }
    // One issue that no retry can change decides, whatever else the outcome lists.
    if (!permanent.isEmpty())
        return {KnownAnswer::Verdict::Permanent, u"epic OperationOutcome "_s + permanent.join(u", "_s)};
    if (!transient.isEmpty())
        return {KnownAnswer::Verdict::Transient, u"epic OperationOutcome "_s + transient.join(u", "_s)};
    return {};
}

} // namespace

KnownAnswer RetryPolicy::readAnswer(const DeliveryResult &result)
{
    if (result.status < 400)
        return {};
    switch (result.kind) {
    case WebhookKind::Slack: return readSlack(result);
    case WebhookKind::Teams: return readTeams(result);
    case WebhookKind::Epic: return readEpic(result);
    case WebhookKind::Generic: return {};
    }
    return {};
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
    const KnownAnswer answer = readAnswer(result);
    decision.detail = answer.detail;
    if (result.status == 410) {
        decision.action = RetryDecision::Action::DisableWebhook;
        decision.reason = u"gone"_s;
        return decision;
    }
    const bool transient = answer.verdict == KnownAnswer::Verdict::Unknown
                               ? isTransient(result)
                               : answer.verdict == KnownAnswer::Verdict::Transient;
    if (!transient) {
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
