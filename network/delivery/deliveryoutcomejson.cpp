// The outcome document: enums by name, bytes in Base64, times in milliseconds since the epoch (UTC).
#include "network/delivery/deliveryoutcomejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>

using namespace Qt::StringLiterals;

namespace {

constexpr std::pair<DeliveryOutcome::Status, QLatin1StringView> statusNames[] = {
    {DeliveryOutcome::Status::Delivered, "delivered"_L1},
    {DeliveryOutcome::Status::Failed, "failed"_L1},
    {DeliveryOutcome::Status::Refused, "refused"_L1},
    {DeliveryOutcome::Status::Cancelled, "cancelled"_L1},
};

constexpr std::pair<DeliveryRefusal, QLatin1StringView> refusalNames[] = {
    {DeliveryRefusal::None, "none"_L1},
    {DeliveryRefusal::AttemptNotFound, "attempt-not-found"_L1},
    {DeliveryRefusal::BodyNotStored, "body-not-stored"_L1},
    {DeliveryRefusal::WebhookDeleted, "webhook-deleted"_L1},
    {DeliveryRefusal::WebhookInactive, "webhook-inactive"_L1},
    {DeliveryRefusal::PayloadUnavailable, "payload-unavailable"_L1},
    {DeliveryRefusal::SecretUnavailable, "secret-unavailable"_L1},
    {DeliveryRefusal::EpicKeyUnavailable, "epic-key-unavailable"_L1},
    {DeliveryRefusal::InvalidRequest, "invalid-request"_L1},
    {DeliveryRefusal::DatabaseError, "database-error"_L1},
    {DeliveryRefusal::DispatcherUnavailable, "dispatcher-unavailable"_L1},
    {DeliveryRefusal::DispatcherSilent, "dispatcher-silent"_L1},
};

template<typename Enum, std::size_t N>
QString nameOf(const std::pair<Enum, QLatin1StringView> (&names)[N], Enum value)
{
    for (const auto &[candidate, name] : names) {
        if (candidate == value)
            return name;
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::pair<Enum, QLatin1StringView> (&names)[N], const QString &name)
{
    for (const auto &[candidate, text] : names) {
        if (text == name)
            return candidate;
    }
    return std::nullopt;
}

QJsonArray headersToJson(const ByteHeaders &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonArray{QString::fromLatin1(name), QString::fromLatin1(value.toBase64())});
    return array;
}

ByteHeaders headersFromJson(const QJsonArray &array)
{
    ByteHeaders headers;
    for (const QJsonValue &pair : array)
        headers.append({pair[0].toString().toLatin1(), QByteArray::fromBase64(pair[1].toString().toLatin1())});
    return headers;
}

QJsonValue timeToJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toMSecsSinceEpoch()) : QJsonValue();
}

QDateTime timeFromJson(const QJsonValue &value)
{
    return value.isDouble() ? QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC) : QDateTime();
}

QString bytesToJson(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray bytesFromJson(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

} // namespace

QByteArray DeliveryOutcomeJson::serialize(const DeliveryOutcome &outcome)
{
    const DeliveryResult &r = outcome.result;
    const QMetaEnum errors = QMetaEnum::fromType<DeliveryResult::Error>();
    QJsonObject result{
        {u"error"_s, QString::fromLatin1(errors.valueToKey(int(r.error)))},
        {u"kind"_s, WebhookKinds::key(r.kind)},
        {u"status"_s, r.status},
        {u"reasonPhrase"_s, r.reasonPhrase},
        {u"responseHeaders"_s, headersToJson(r.responseHeaders)},
        {u"body"_s, bytesToJson(r.body)},
        {u"bodySize"_s, r.bodySize},
        {u"redirectTarget"_s, r.redirectTarget},
        {u"retryAfterSeconds"_s, r.retryAfterSeconds ? QJsonValue(*r.retryAfterSeconds) : QJsonValue()},
        {u"errorText"_s, r.errorText},
        {u"diagnosis"_s, r.diagnosis},
        {u"certificateProblems"_s, QJsonArray::fromStringList(r.certificateProblems)},
        {u"requestUrl"_s, r.requestUrl},
        {u"method"_s, QString::fromLatin1(r.method)},
        {u"requestBody"_s, bytesToJson(r.requestBody)},
        {u"requestHeaders"_s, headersToJson(r.requestHeaders)},
        {u"connectedAddress"_s, r.connectedAddress},
        {u"tokenFromCache"_s, r.tokenFromCache},
        {u"tokenRequested"_s, r.tokenRequested},
        {u"startedAt"_s, timeToJson(r.startedAt)},
        {u"finishedAt"_s, timeToJson(r.finishedAt)},
        {u"latencyMs"_s, r.latencyMs},
        {u"durationMs"_s, r.durationMs},
    };
    const DeliveryRecord &record = outcome.record;
    const QJsonObject recorded{
        {u"id"_s, record.id},
        {u"attempt"_s, record.attempt},
        {u"webhookId"_s, record.webhookId},
        {u"eventType"_s, record.eventType},
        {u"eventId"_s, record.eventId},
        {u"messageId"_s, record.messageId},
    };
    const QJsonObject document{
        {u"status"_s, nameOf(statusNames, outcome.status)},
        {u"refusal"_s, nameOf(refusalNames, outcome.refusal)},
        {u"message"_s, outcome.message},
        {u"payloadWarnings"_s, QJsonArray::fromStringList(outcome.payloadWarnings)},
        {u"messageId"_s, QString::fromLatin1(outcome.messageId)},
        {u"sent"_s, outcome.sent},
        {u"result"_s, result},
        {u"record"_s, recorded},
        {u"recordError"_s, outcome.recordError},
    };
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

std::optional<DeliveryOutcome> DeliveryOutcomeJson::parse(const QByteArray &json)
{
    const QJsonDocument parsed = QJsonDocument::fromJson(json);
    if (!parsed.isObject())
        return std::nullopt;
    const QJsonObject document = parsed.object();
    const auto status = valueOf(statusNames, document[u"status"].toString());
    const auto refusal = valueOf(refusalNames, document[u"refusal"].toString());
    const QJsonObject result = document[u"result"].toObject();
    bool knownError = false;
    const int error = QMetaEnum::fromType<DeliveryResult::Error>().keyToValue(
        result[u"error"].toString().toLatin1().constData(), &knownError);
    const auto kind = WebhookKinds::fromKey(result[u"kind"].toString());
    if (!status || !refusal || !knownError || !kind)
        return std::nullopt;

    DeliveryOutcome outcome;
    outcome.status = *status;
    outcome.refusal = *refusal;
    outcome.message = document[u"message"].toString();
    for (const QJsonValue &warning : document[u"payloadWarnings"].toArray())
        outcome.payloadWarnings.append(warning.toString());
    outcome.messageId = document[u"messageId"].toString().toLatin1();
    outcome.sent = document[u"sent"].toBool();
    outcome.recordError = document[u"recordError"].toString();

    DeliveryResult &r = outcome.result;
    r.error = DeliveryResult::Error(error);
    r.kind = *kind;
    r.status = result[u"status"].toInt();
    r.reasonPhrase = result[u"reasonPhrase"].toString();
    r.responseHeaders = headersFromJson(result[u"responseHeaders"].toArray());
    r.body = bytesFromJson(result[u"body"]);
    r.bodySize = qint64(result[u"bodySize"].toDouble());
    r.redirectTarget = result[u"redirectTarget"].toString();
    if (result[u"retryAfterSeconds"].isDouble())
        r.retryAfterSeconds = qint64(result[u"retryAfterSeconds"].toDouble());
    r.errorText = result[u"errorText"].toString();
    r.diagnosis = result[u"diagnosis"].toString();
    for (const QJsonValue &problem : result[u"certificateProblems"].toArray())
        r.certificateProblems.append(problem.toString());
    r.requestUrl = result[u"requestUrl"].toString();
    r.method = result[u"method"].toString().toLatin1();
    r.requestBody = bytesFromJson(result[u"requestBody"]);
    r.requestHeaders = headersFromJson(result[u"requestHeaders"].toArray());
    r.connectedAddress = result[u"connectedAddress"].toString();
    r.tokenFromCache = result[u"tokenFromCache"].toBool();
    r.tokenRequested = result[u"tokenRequested"].toBool();
    r.startedAt = timeFromJson(result[u"startedAt"]);
    r.finishedAt = timeFromJson(result[u"finishedAt"]);
    r.latencyMs = qint64(result[u"latencyMs"].toDouble());
    r.durationMs = qint64(result[u"durationMs"].toDouble());

    const QJsonObject recorded = document[u"record"].toObject();
    outcome.record.id = qint64(recorded[u"id"].toDouble());
    outcome.record.attempt = recorded[u"attempt"].toInt();
    outcome.record.webhookId = recorded[u"webhookId"].toString();
    outcome.record.eventType = recorded[u"eventType"].toString();
    outcome.record.eventId = recorded[u"eventId"].toString();
    outcome.record.messageId = recorded[u"messageId"].toString();
    outcome.record.trigger = DeliveryTrigger::Test;
    return outcome;
}
