// What one delivery is asked to do (DeliveryRequest) and what came of it (DeliveryResult), as plain values.
#pragma once

#include "models/domain/deliveryrecord.h"
#include "models/domain/webhook.h"
#include "network/transport/epicauth.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

using ByteHeaders = QList<QPair<QByteArray, QByteArray>>;

// Everything one delivery needs; the sender reads nothing else (no database, no credential store).
struct DeliveryRequest
{
    QUrl url;
    QByteArray method = "POST";
    ByteHeaders headers;            // Content-Type, signatures, custom headers, in order
    QByteArray body;
    WebhookKind kind = WebhookKind::Generic; // for the diagnosis and for masking credential URLs
    int timeoutMs = 15000;          // overall deadline: name lookup, token request and the request itself
    int inactivityTimeoutMs = 10000; // no byte moving in either direction for this long
    bool allowLoopbackHttp = false; // loopback addresses allowed, and plain http to them
    bool internalEndpoint = false;  // private ranges allowed (see SsrfGuard)
    QString caFile;                 // PEM bundle added to the trusted authorities, for hospital-internal CAs
    // An HTTP proxy (http://host:port) that https requests tunnel through with CONNECT to the checked address;
    // empty: straight to it. Plain http (loopback only) never goes through it.
    QUrl proxy;
    // Epic: a bearer token is fetched from settings.tokenUrl with a client assertion signed by epicKey.
    std::optional<EpicAuthSettings> epic;
    EpicKey epicKey;
};

struct DeliveryResult
{
    Q_GADGET
public:
    enum class Error {
        None,
        InvalidRequest,     // bad URL, plain http, unreadable CA bundle: nothing was sent
        Dns,
        Blocked,            // the SSRF guard refused every address of the host
        ConnectionRefused,
        ConnectionClosed,   // the receiver closed the connection without a complete answer
        Tls,
        Timeout,            // the overall deadline passed
        InactivityTimeout,  // nothing moved for the inactivity timeout
        Redirect,           // 3xx: not followed, the target is in redirectTarget
        HttpClientError,    // 4xx
        HttpServerError,    // 5xx
        Authentication,     // Epic: no access token could be obtained
        Network,            // anything else below HTTP
        Cancelled,
    };
    Q_ENUM(Error)

    static constexpr qsizetype MaxKeptBodyBytes = 64 * 1024;
    static constexpr int MaxReasonPhraseLength = 200;

    Error error = Error::None;
    WebhookKind kind = WebhookKind::Generic; // whose answer this is: each integration words its refusals its own way
    int status = 0;                 // HTTP status, 0 when no answer came
    QString reasonPhrase;
    ByteHeaders responseHeaders;
    QByteArray body;                // the first MaxKeptBodyBytes of the response body
    qint64 bodySize = 0;            // every byte received, kept or not
    bool bodyTruncated() const { return bodySize > body.size(); }
    QString redirectTarget;
    std::optional<qint64> retryAfterSeconds;
    QString errorText;              // technical detail (translated), empty on success
    QString diagnosis;              // plain-language meaning and what to do (translated)
    QStringList certificateProblems; // one line per TLS error: what, subject, issuer, expiry

    QString requestUrl;             // as it may be shown: Slack and Teams URLs are masked
    QByteArray method;
    QByteArray requestBody;
    ByteHeaders requestHeaders;     // redacted: signatures and credentials replaced
    QString connectedAddress;       // the checked address the connection went to
    bool tokenFromCache = false;    // Epic: the access token came from the cache
    bool tokenRequested = false;    // Epic: a token request was made for this delivery

    QDateTime startedAt;
    QDateTime finishedAt;
    qint64 latencyMs = 0;           // from sending the request to the end of the answer
    qint64 durationMs = 0;          // the whole delivery, including name lookup and token request

    bool success() const { return error == Error::None; }
    // A stable key for logs and the delivery table: "dns", "tls", "http-5xx", ...
    static QString errorKey(Error error);
    // "<key>: <text>" as the delivery log stores it; empty on success.
    QString errorSummary() const;
    // The request, response, outcome and timing parts of a delivery-log row; the caller adds webhook, event,
    // message id and trigger.
    DeliveryRecord toRecord() const;
};
