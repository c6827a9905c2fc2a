// What one delivery is asked to do (DeliveryRequest) and what came of it (DeliveryResult), as plain values.
#include "network/transport/deliveryresult.h"

QString DeliveryResult::errorKey(Error error)
{
    switch (error) {
    case Error::None: return {};
    case Error::InvalidRequest: return QStringLiteral("invalid-request");
    case Error::Dns: return QStringLiteral("dns");
    case Error::Blocked: return QStringLiteral("blocked");
    case Error::ConnectionRefused: return QStringLiteral("connection-refused");
    case Error::ConnectionClosed: return QStringLiteral("connection-closed");
    case Error::Tls: return QStringLiteral("tls");
    case Error::Timeout: return QStringLiteral("timeout");
    case Error::InactivityTimeout: return QStringLiteral("inactivity-timeout");
    case Error::Redirect: return QStringLiteral("redirect");
    case Error::HttpClientError: return QStringLiteral("http-4xx");
    case Error::HttpServerError: return QStringLiteral("http-5xx");
    case Error::Authentication: return QStringLiteral("authentication");
    case Error::Network: return QStringLiteral("network");
    case Error::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

QString DeliveryResult::errorSummary() const
{
    return success() ? QString() : errorKey(error) + QStringLiteral(": ") + errorText;
}

DeliveryRecord DeliveryResult::toRecord() const
{
    DeliveryRecord record;
    record.requestMethod = method;
    record.requestUrl = requestUrl;
    record.requestHeaders = requestHeaders;
    record.requestBody = requestBody;
    if (status > 0) {
        record.responseStatus = status;
        record.responseHeaders = responseHeaders;
        record.responseBody = body;
    }
    if (status > 0 || bodySize > 0)
        record.responseSize = bodySize;
    record.error = errorSummary();
    record.success = success();
    record.startedAt = startedAt;
    record.finishedAt = finishedAt;
    record.durationMs = durationMs;
    return record;
}
