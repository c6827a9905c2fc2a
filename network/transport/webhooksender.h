// Sends one webhook request asynchronously: HTTPS, SSRF-checked pinned address, timeouts, bounded body, diagnosis.
#pragma once

#include "models/domain/deliveryrecord.h"
#include "models/domain/webhook.h"
#include "network/transport/epicauth.h"
#include "network/transport/ssrfguard.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkReply;
class WebhookSender;

using ByteHeaders = QList<QPair<QByteArray, QByteArray>>;

// Everything one delivery needs; the sender reads nothing else (no database, no keychain).
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

// One delivery in progress. It belongs to its sender, and deletes itself after emitting finished().
class DeliveryJob : public QObject
{
    Q_OBJECT
public:
    enum class Stage { Resolving, Authenticating, Sending, Finished };
    Q_ENUM(Stage)

    ~DeliveryJob() override;

    void cancel();
    Stage stage() const { return m_stage; }
    const DeliveryResult &result() const { return m_result; }

signals:
    void stageChanged(DeliveryJob::Stage stage);
    void finished(const DeliveryResult &result);

private:
    friend class WebhookSender;
    DeliveryJob(WebhookSender *sender, DeliveryRequest request);

    struct Exchange;
    void start();
    void requestToken();
    // What start() does once the CA bundle, if any, has been read.
    void startWithCertificates();
    // Fails the job unless url is a valid https URL (http only to loopback when allowed); what names it.
    bool checkUrl(const QUrl &url, const QString &what);
    void sendMain(const QByteArray &bearerToken);
    void startExchange(const QUrl &url, const QByteArray &method, const ByteHeaders &headers, const QByteArray &body,
                       std::function<void()> done);
    void resolved(const QList<QHostAddress> &addresses, const QString &lookupError);
    void connectTo(qsizetype candidate);
    void readBody();
    void replyFinished();
    void timedOut(DeliveryResult::Error why);
    void fail(DeliveryResult::Error error, const QString &text, const QString &diagnosis = {});
    void finish();
    void setStage(Stage stage);
    void describeHttpStatus();

    QPointer<WebhookSender> m_sender;
    // One manager per delivery: Qt caches connections by host and port only, so a shared manager would reuse
    // one webhook's TLS settings (CA bundle) for another webhook, or for a retry after the bundle changed.
    QNetworkAccessManager m_manager;
    DeliveryRequest m_request;
    DeliveryResult m_result;
    Stage m_stage = Stage::Resolving;
    QTimer m_deadline;
    QTimer m_inactivity;
    std::unique_ptr<Exchange> m_exchange;
    bool m_finished = false;
    bool m_inTokenExchange = false;
    QList<QSslCertificate> m_caCertificates; // the webhook's CA bundle, read once and bounded
};

class WebhookSender : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookSender)
public:
    explicit WebhookSender(QObject *parent = nullptr);
    ~WebhookSender() override;

    // Starts the delivery on the next turn of the event loop: connect to the job's signals right away.
    DeliveryJob *send(const DeliveryRequest &request);

    EpicTokenCache &tokenCache() { return m_tokens; }

    // "goReporter-Webhooks/<version>", sent with every request so that receivers can tell where it came from.
    static QByteArray userAgent();

private:
    EpicTokenCache m_tokens;
};
