// Sends one webhook request asynchronously: HTTPS, SSRF-checked pinned address, timeouts, bounded body, diagnosis.
#include "network/transport/webhooksender.h"

#include "models/domain/boundedfile.h"
#include "models/domain/redaction.h"
#include "models/domain/displaytext.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostInfo>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <functional>

namespace {

QString describeCertificate(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return DeliveryJob::tr("subject %1, issued by %2, valid from %3 until %4")
        .arg(certificate.subjectDisplayName(), certificate.issuerDisplayName(),
             certificate.effectiveDate().toUTC().toString(Qt::ISODate),
             certificate.expiryDate().toUTC().toString(Qt::ISODate));
}

std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    bool isNumber = false;
    const qint64 seconds = value.trimmed().toLongLong(&isNumber);
    if (isNumber)
        return seconds >= 0 ? std::optional<qint64>(seconds) : std::nullopt;
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (!at.isValid())
        return std::nullopt;
    return std::max<qint64>(0, now.secsTo(at));
}

} // namespace

struct DeliveryJob::Exchange
{
    QUrl url;
    QByteArray method;
    ByteHeaders headers;
    QByteArray body;
    std::function<void()> done;
    QList<QHostAddress> candidates;
    qsizetype candidate = 0;
    int lookupId = -1;
    QPointer<QNetworkReply> reply;
    QList<QSslError> sslErrors;
    QElapsedTimer clock;
    DeliveryResult::Error abortReason = DeliveryResult::Error::None;
};

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

WebhookSender::WebhookSender(QObject *parent)
    : QObject(parent)
{
}

WebhookSender::~WebhookSender() = default;

DeliveryJob *WebhookSender::send(const DeliveryRequest &request)
{
    auto *job = new DeliveryJob(this, request);
    QMetaObject::invokeMethod(job, &DeliveryJob::start, Qt::QueuedConnection);
    return job;
}

QByteArray WebhookSender::userAgent()
{
    return QByteArrayLiteral("goReporter-Webhooks/" GOREPORTER_VERSION);
}


DeliveryJob::DeliveryJob(WebhookSender *sender, DeliveryRequest request)
    : QObject(sender)
    , m_sender(sender)
    , m_request(std::move(request))
{
    // Deliveries go straight to the checked address: a proxy would resolve the name again, behind the guard.
    m_manager.setProxy(QNetworkProxy::NoProxy);
    m_deadline.setSingleShot(true);
    m_inactivity.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { timedOut(DeliveryResult::Error::Timeout); });
    connect(&m_inactivity, &QTimer::timeout, this, [this] { timedOut(DeliveryResult::Error::InactivityTimeout); });
}

DeliveryJob::~DeliveryJob()
{
    if (m_exchange && m_exchange->lookupId >= 0)
        QHostInfo::abortHostLookup(m_exchange->lookupId);
    if (m_exchange && m_exchange->reply) {
        m_exchange->reply->disconnect(this);
        m_exchange->reply->abort();
        m_exchange->reply->deleteLater();
    }
}

void DeliveryJob::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit stageChanged(stage);
}

bool DeliveryJob::checkUrl(const QUrl &url, const QString &what)
{
    if (!url.isValid() || url.host().isEmpty()) {
        fail(DeliveryResult::Error::InvalidRequest, tr("The %1 “%2” is not a valid URL.").arg(what, url.toString()));
        return false;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https") || (scheme == QLatin1String("http") && m_request.allowLoopbackHttp))
        return true;
    fail(DeliveryResult::Error::InvalidRequest,
         scheme == QLatin1String("http")
             ? tr("The %1 uses plain http. Webhooks are sent over HTTPS only; plain http is allowed only to this "
                  "computer (loopback) when the webhook allows it.").arg(what)
             : tr("The %1 has the scheme “%2”; only https is supported.").arg(what, scheme));
    return false;
}

void DeliveryJob::start()
{
    if (m_finished)
        return;
    m_result.startedAt = QDateTime::currentDateTimeUtc();
    m_result.method = m_request.method;
    m_result.requestBody = m_request.body;
    m_result.requestUrl = Webhook::maskedUrl(m_request.url, m_request.kind);
    m_result.requestHeaders = Redaction::redacted(m_request.headers);
    m_deadline.start(std::max(1, m_request.timeoutMs));

    if (!checkUrl(m_request.url, tr("webhook URL")))
        return;
    if (m_request.caFile.isEmpty()) {
        startWithCertificates();
        return;
    }
    // Read in the pool, once: the file may sit on a slow share, and what is checked here is what is trusted later.
    BoundedFile::readInBackground(m_request.caFile, BoundedFile::certificateBundleMaxBytes)
        .then(this, [this](const BoundedFile::Contents &bundle) {
            if (m_finished)
                return; // cancelled or timed out meanwhile
            if (!bundle.bytes) {
                fail(DeliveryResult::Error::InvalidRequest,
                     tr("Cannot read the CA bundle %1: %2").arg(m_request.caFile, bundle.error));
                return;
            }
            m_caCertificates = QSslCertificate::fromData(*bundle.bytes, QSsl::Pem);
            if (m_caCertificates.isEmpty()) {
                fail(DeliveryResult::Error::InvalidRequest,
                     tr("The CA bundle %1 holds no PEM certificate.").arg(m_request.caFile));
                return;
            }
            startWithCertificates();
        });
}

void DeliveryJob::startWithCertificates()
{
    if (!m_request.epic) {
        sendMain({});
        return;
    }
    if (!checkUrl(m_request.epic->tokenUrl, tr("Epic token URL")))
        return;
    if (m_sender) {
        if (const auto token = m_sender->tokenCache().find(*m_request.epic, QDateTime::currentDateTimeUtc())) {
            m_result.tokenFromCache = true;
            sendMain(token->value);
            return;
        }
    }
    requestToken();
}

void DeliveryJob::requestToken()
{
    setStage(Stage::Authenticating);
    m_result.tokenRequested = true;
    m_inTokenExchange = true;
    QString error;
    const QByteArray assertion = EpicAuth::clientAssertion(m_request.epicKey, *m_request.epic,
                                                           QDateTime::currentDateTimeUtc(), &error);
    if (assertion.isEmpty()) {
        fail(DeliveryResult::Error::Authentication, error);
        return;
    }
    const ByteHeaders headers{{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    startExchange(m_request.epic->tokenUrl, "POST", headers,
                  EpicAuth::tokenRequestBody(assertion, m_request.epic->scope), [this] {
        // Whatever the token endpoint answered may hold a token: only what is needed to explain a failure
        // leaves this function, and never as the response of the FHIR request, which was not sent.
        const QByteArray tokenAnswer = m_result.body;
        m_result.status = 0;
        m_result.reasonPhrase.clear();
        m_result.responseHeaders.clear();
        m_result.body.clear();
        m_result.bodySize = 0;
        if (m_result.error != DeliveryResult::Error::None) {
            // The token endpoint answered with an HTTP error (failures below HTTP went through fail()).
            const QString oauth = EpicAuth::describeOAuthError(tokenAnswer);
            fail(DeliveryResult::Error::Authentication,
                 m_result.errorText + (oauth.isEmpty() ? QString() : QStringLiteral(": ") + oauth),
                 tr("Epic did not issue an access token. Check the client id, that the public key with key id “%1” is "
                    "registered for this client in Epic, that the client is approved for the scope “%2”, and that this "
                    "computer's clock is right.")
                     .arg(EpicAuth::keyId(m_request.epicKey, *m_request.epic), m_request.epic->scope));
            return;
        }
        QString parseError;
        const auto token = EpicAuth::parseTokenResponse(tokenAnswer, QDateTime::currentDateTimeUtc(), &parseError);
        if (!token) {
            fail(DeliveryResult::Error::Authentication, parseError);
            return;
        }
        m_inTokenExchange = false;
        if (m_sender)
            m_sender->tokenCache().store(*m_request.epic, *token);
        sendMain(token->value);
    });
}

void DeliveryJob::sendMain(const QByteArray &bearerToken)
{
    ByteHeaders headers = m_request.headers;
    if (!bearerToken.isEmpty())
        headers.append({"Authorization", "Bearer " + bearerToken});
    startExchange(m_request.url, m_request.method, headers, m_request.body, [this] {
        if (m_request.epic && m_result.status == 401 && m_sender) {
            // A revoked or expired token must not be offered again.
            m_sender->tokenCache().forget(*m_request.epic);
        }
        finish();
    });
}

namespace {

QByteArray hostHeader(const QUrl &url)
{
    const QString host = url.host();
    const int port = url.port();
    const bool defaultPort = port < 0 || (port == 443 && url.scheme() == QLatin1String("https"))
                             || (port == 80 && url.scheme() == QLatin1String("http"));
    const QByteArray aceHost = host.contains(QLatin1Char(':')) ? '[' + host.toLatin1() + ']' : QUrl::toAce(host);
    return defaultPort ? aceHost : aceHost + ':' + QByteArray::number(port);
}

} // namespace

void DeliveryJob::startExchange(const QUrl &url, const QByteArray &method, const ByteHeaders &headers,
                                const QByteArray &body, std::function<void()> done)
{
    if (m_stage != Stage::Authenticating)
        setStage(Stage::Resolving);
    m_exchange = std::make_unique<Exchange>();
    m_exchange->url = url;
    m_exchange->method = method;
    // Every header that goes on the wire, so that the request shown and logged is the request sent.
    m_exchange->headers = headers;
    m_exchange->headers.prepend({"Host", hostHeader(url)});
    m_exchange->headers.append({"User-Agent", WebhookSender::userAgent()});
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        m_exchange->headers.append({"Content-Length", QByteArray::number(body.size())});
    if (!m_inTokenExchange)
        m_result.requestHeaders = Redaction::redacted(m_exchange->headers);
    m_exchange->body = body;
    m_exchange->done = std::move(done);

    QHostAddress literal;
    if (literal.setAddress(url.host())) {
        resolved({literal}, {});
        return;
    }
    // The name is resolved here, not by the network stack, so the address that is checked is the one used.
    m_exchange->lookupId = QHostInfo::lookupHost(url.host(), this, [this](const QHostInfo &info) {
        if (!m_exchange)
            return;
        m_exchange->lookupId = -1;
        resolved(info.addresses(), info.error() == QHostInfo::NoError ? QString() : info.errorString());
    });
}

void DeliveryJob::resolved(const QList<QHostAddress> &addresses, const QString &lookupError)
{
    if (m_finished)
        return;
    const QString host = m_exchange->url.host();
    if (!lookupError.isEmpty() || addresses.isEmpty()) {
        fail(DeliveryResult::Error::Dns,
             tr("The name %1 could not be resolved: %2").arg(host, lookupError.isEmpty() ? tr("no addresses") : lookupError),
             tr("Check the host name for typing errors. If it is a hospital-internal name, this computer may need to be "
                "on the hospital network or VPN."));
        return;
    }
    const bool plainHttp = m_exchange->url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0;
    SsrfGuard::Policy policy;
    policy.internalEndpoint = m_request.internalEndpoint;
    policy.allowLoopback = m_request.allowLoopbackHttp;
    QStringList refusals;
    m_exchange->candidates.clear();
    for (const QHostAddress &address : addresses) {
        const SsrfGuard::Verdict verdict = SsrfGuard::check(address, policy);
        if (!verdict.allowed) {
            refusals.append(verdict.reason);
            continue;
        }
        if (plainHttp && verdict.classification.range != SsrfGuard::Range::Loopback) {
            refusals.append(tr("Refused to send plain http to %1: without TLS, only this computer (loopback) may "
                               "receive webhooks.").arg(address.toString()));
            continue;
        }
        m_exchange->candidates.append(address);
    }
    if (m_exchange->candidates.isEmpty()) {
        fail(plainHttp && refusals.size() == addresses.size() && !refusals.isEmpty()
                     && refusals.first().contains(QLatin1String("http"))
                 ? DeliveryResult::Error::InvalidRequest
                 : DeliveryResult::Error::Blocked,
             refusals.join(QLatin1Char('\n')));
        return;
    }
    connectTo(0);
}

void DeliveryJob::connectTo(qsizetype candidate)
{
    Exchange &exchange = *m_exchange;
    exchange.candidate = candidate;
    exchange.sslErrors.clear();
    const QHostAddress address = exchange.candidates.at(candidate);
    m_result.connectedAddress = address.toString();

    QUrl target = exchange.url;
    target.setHost(address.toString());
    QNetworkRequest request(target);
    for (const auto &[name, value] : exchange.headers)
        request.setRawHeader(name, value);
    // The original name is in Host (see startExchange) and goes into certificate verification (and SNI): the
    // receiver and its certificate are checked against the name the administrator configured, at the address we
    // checked.
    request.setPeerVerifyName(exchange.url.host());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    if (!m_request.caFile.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_caCertificates);
        request.setSslConfiguration(tls);
    }

    setStage(Stage::Sending);
    exchange.clock.start();
    QNetworkReply *reply = m_manager.sendCustomRequest(request, exchange.method, exchange.body);
    exchange.reply = reply;
    auto active = [this] {
        if (!m_finished && m_request.inactivityTimeoutMs > 0)
            m_inactivity.start(m_request.inactivityTimeoutMs);
    };
    active();
    connect(reply, &QNetworkReply::readyRead, this, &DeliveryJob::readBody);
    connect(reply, &QNetworkReply::uploadProgress, this, active);
    connect(reply, &QNetworkReply::downloadProgress, this, active);
    connect(reply, &QNetworkReply::encrypted, this, active);
    connect(reply, &QNetworkReply::metaDataChanged, this, active);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (m_exchange)
            m_exchange->sslErrors.append(errors);
    });
    connect(reply, &QNetworkReply::finished, this, &DeliveryJob::replyFinished);
}

void DeliveryJob::readBody()
{
    if (!m_exchange || !m_exchange->reply)
        return;
    QNetworkReply *reply = m_exchange->reply;
    if (!reply->isReadable())
        return; // aborted: nothing more to read
    if (m_request.inactivityTimeoutMs > 0 && !m_finished)
        m_inactivity.start(m_request.inactivityTimeoutMs);
    // Read everything that arrived, keep only the start: an endless or huge answer costs counting, not memory.
    char buffer[16 * 1024];
    for (;;) {
        const qint64 read = reply->read(buffer, sizeof buffer);
        if (read <= 0)
            break;
        const qsizetype room = DeliveryResult::MaxKeptBodyBytes - m_result.body.size();
        if (room > 0)
            m_result.body.append(buffer, std::min<qsizetype>(room, qsizetype(read)));
        m_result.bodySize += read;
    }
}

void DeliveryJob::replyFinished()
{
    if (!m_exchange || !m_exchange->reply)
        return;
    Exchange &exchange = *m_exchange;
    QNetworkReply *reply = exchange.reply;
    readBody();
    m_inactivity.stop();
    m_result.latencyMs = exchange.clock.elapsed();
    reply->disconnect(this);
    reply->deleteLater();
    exchange.reply = nullptr;

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (statusAttribute.isValid()) {
        m_result.status = statusAttribute.toInt();
        // Kept like the body: a receiver's megabyte of reason phrase is not stored, printed or shown in full.
        m_result.reasonPhrase = DisplayText::excerpt(
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), DeliveryResult::MaxReasonPhraseLength);
        m_result.responseHeaders = Redaction::redacted(reply->rawHeaderPairs());
    }

    if (exchange.abortReason != DeliveryResult::Error::None) {
        const DeliveryResult::Error why = exchange.abortReason;
        if (why == DeliveryResult::Error::Cancelled) {
            fail(why, tr("The delivery was cancelled."));
        } else if (why == DeliveryResult::Error::Timeout) {
            fail(why, tr("No complete answer within the webhook's timeout of %1 s.").arg(m_request.timeoutMs / 1000.0),
                 tr("The receiver is slow or its answer never ends. Raise the webhook's timeout only if the receiver is "
                    "known to need longer."));
        } else {
            fail(why, tr("Nothing was received for %1 s.").arg(m_request.inactivityTimeoutMs / 1000.0),
                 tr("The receiver accepted the connection but stopped answering. It may be overloaded, or a firewall "
                    "may be dropping the traffic."));
        }
        return;
    }

    if (!statusAttribute.isValid()) {
        const QNetworkReply::NetworkError code = reply->error();
        const QString address = m_result.connectedAddress;
        switch (code) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::UnknownNetworkError:
            // Another address of the same name may work (IPv6 missing, one of several servers down).
            if (exchange.candidate + 1 < exchange.candidates.size()) {
                connectTo(exchange.candidate + 1);
                return;
            }
            if (code == QNetworkReply::ConnectionRefusedError) {
                fail(DeliveryResult::Error::ConnectionRefused,
                     tr("%1 refused the connection on port %2.").arg(address).arg(exchange.url.port(443)),
                     tr("Nothing is listening there: check the port in the URL and whether the receiver is running."));
                return;
            }
            break;
        case QNetworkReply::SslHandshakeFailedError: {
            QStringList problems;
            for (const QSslError &error : std::as_const(exchange.sslErrors)) {
                const QString certificate = describeCertificate(error.certificate());
                problems.append(certificate.isEmpty() ? error.errorString()
                                                      : tr("%1 (%2)").arg(error.errorString(), certificate));
            }
            m_result.certificateProblems = problems;
            fail(DeliveryResult::Error::Tls,
                 problems.isEmpty() ? tr("The TLS handshake with %1 failed: %2").arg(exchange.url.host(), reply->errorString())
                                    : tr("The certificate of %1 was not accepted: %2")
                                          .arg(exchange.url.host(), problems.join(QStringLiteral("; "))),
                 tr("The connection is not secure, so nothing was sent. An expired certificate must be renewed by the "
                    "receiver's operator; a certificate for another name means the URL is wrong or the server is "
                    "misconfigured; for a hospital-internal certificate authority, set the webhook's CA bundle."));
            return;
        }
        case QNetworkReply::RemoteHostClosedError:
            fail(DeliveryResult::Error::ConnectionClosed,
                 tr("%1 closed the connection before answering.").arg(exchange.url.host()),
                 tr("The receiver dropped the request; it may have crashed, or it may speak another protocol on this "
                    "port."));
            return;
        case QNetworkReply::TimeoutError:
            fail(DeliveryResult::Error::Timeout, tr("The connection to %1 timed out.").arg(address));
            return;
        default:
            break;
        }
        // Qt's text names the URL, which here is the address we connected to; the host name reads better.
        QString text = reply->errorString();
        text.replace(reply->url().toString(), m_result.requestUrl);
        fail(DeliveryResult::Error::Network, text);
        return;
    }

    const int status = m_result.status;
    if (status >= 200 && status < 300 && reply->error() != QNetworkReply::NoError) {
        // The status line said yes, but the answer broke off (a short body, bad chunking, a reset): the receiver
        // may not have processed the message, so it is not a delivery.
        fail(DeliveryResult::Error::ConnectionClosed,
             tr("HTTP %1 arrived, but the answer was cut short: %2").arg(status).arg(reply->errorString()),
             tr("The receiver or something between (a proxy, a load balancer) broke the connection while answering. "
                "It is not known whether the message was processed; it is counted as failed so it can be retried."));
        return;
    }
    if (status >= 200 && status < 300) {
        m_result.error = DeliveryResult::Error::None;
    } else if (status >= 300 && status < 400) {
        const QUrl location = exchange.url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        m_result.redirectTarget = reply->hasRawHeader("Location") ? Webhook::maskedUrl(location, m_request.kind)
                                                                  : QString();
        m_result.error = DeliveryResult::Error::Redirect;
        m_result.errorText = m_result.redirectTarget.isEmpty()
                                 ? tr("HTTP %1 without a target; redirects are not followed.").arg(status)
                                 : tr("HTTP %1 redirect to %2; redirects are not followed.").arg(status).arg(m_result.redirectTarget);
        m_result.diagnosis = tr("Webhooks are not sent on to another address, because a signed request must reach exactly "
                                "the configured receiver. If the new address is right, enter it as the webhook's URL.");
    } else {
        m_result.error = status >= 500 ? DeliveryResult::Error::HttpServerError : DeliveryResult::Error::HttpClientError;
        m_result.errorText = tr("HTTP %1 %2").arg(status).arg(m_result.reasonPhrase).trimmed();
        const QByteArray retryAfter = reply->rawHeader("Retry-After");
        if (!retryAfter.isEmpty())
            m_result.retryAfterSeconds = parseRetryAfter(retryAfter, QDateTime::currentDateTimeUtc());
        describeHttpStatus();
    }
    auto done = std::move(exchange.done);
    done();
}

void DeliveryJob::describeHttpStatus()
{
    const int status = m_result.status;
    const QString bodyText = QString::fromUtf8(m_result.body.left(200)).trimmed();
    QString meaning;
    switch (m_request.kind) {
    case WebhookKind::Slack:
        // Slack answers incoming-webhook errors with a short code in a plain-text body.
        if (bodyText == QLatin1String("no_service") || bodyText == QLatin1String("team_disabled")
            || bodyText == QLatin1String("no_team") || bodyText == QLatin1String("no_service_id")
            || bodyText == QLatin1String("channel_not_found") || status == 404)
            meaning = tr("Slack no longer knows this webhook URL: it was revoked, the app was removed, or the channel "
                         "was deleted. Create a new incoming webhook in Slack and enter its URL.");
        else if (bodyText == QLatin1String("channel_is_archived") || status == 410)
            meaning = tr("The Slack channel of this webhook is archived. Unarchive it or create a webhook for another "
                         "channel.");
        else if (bodyText == QLatin1String("action_prohibited") || bodyText == QLatin1String("posting_to_general_channel_denied"))
            meaning = tr("A Slack administrator restricted posting to this channel.");
        else if (bodyText == QLatin1String("invalid_token") || status == 403)
            meaning = tr("Slack refused the webhook's credentials; the URL may have been regenerated. Enter the current "
                         "URL from Slack.");
        else if (status == 400)
            meaning = tr("Slack could not read the message (“%1”). The payload does not fit Slack's message format.")
                          .arg(bodyText);
        else if (status == 429)
            meaning = tr("Slack is rate limiting this webhook (about one message per second per channel).");
        break;
    case WebhookKind::Teams:
        if (status == 400)
            meaning = tr("Teams could not read the message. Check that the card is a valid Adaptive Card (version 1.5 "
                         "or lower) wrapped in a message with attachments.");
        else if (status == 401 || status == 403)
            meaning = tr("Teams refused the request: the workflow's URL signature no longer matches, or the workflow "
                         "accepts only authenticated callers. Copy the current URL from the workflow's trigger.");
        else if (status == 404 || status == 410)
            meaning = tr("This Teams webhook no longer exists: the workflow or connector was deleted or retired. Create "
                         "a new workflow with a webhook trigger and enter its URL.");
        else if (status == 413)
            meaning = tr("The message is larger than Teams accepts (about 28 KB). Send less detail.");
        else if (status == 429)
            meaning = tr("Teams is throttling this webhook; too many messages were sent in a short time.");
        break;
    case WebhookKind::Epic:
        if (status == 401)
            meaning = tr("Epic did not accept the access token (expired or revoked). It was discarded; the next "
                         "attempt requests a new one.");
        else if (status == 403)
            meaning = tr("Epic refused the request: the client is not authorized for it. Check that the app has the "
                         "scope “%1” and is activated for this environment.")
                          .arg(m_request.epic ? m_request.epic->scope : QString());
        else if (status == 404)
            meaning = tr("Epic has no such resource endpoint: check the FHIR base URL.");
        else if (status == 400 || status == 422)
            meaning = tr("Epic rejected the DiagnosticReport as invalid.");
        break;
    case WebhookKind::Generic:
        break;
    }
    if (meaning.isEmpty()) {
        switch (status) {
        case 400: meaning = tr("The receiver considers the request malformed; check that it expects this payload format."); break;
        case 401:
        case 403:
            meaning = tr("The receiver refused the request's credentials. Check that it has this webhook's current "
                         "signing secret and that the clocks of both computers are right (signatures are time-limited).");
            break;
        case 404: meaning = tr("The receiver has nothing at this URL; check the path."); break;
        case 405: meaning = tr("The receiver does not accept %1 at this URL.").arg(QString::fromLatin1(m_request.method)); break;
        case 408: meaning = tr("The receiver gave up waiting for the request."); break;
        case 410: meaning = tr("The receiver says this endpoint was removed for good."); break;
        case 413: meaning = tr("The payload is larger than the receiver accepts."); break;
        case 415: meaning = tr("The receiver does not accept this content type."); break;
        case 422: meaning = tr("The receiver understood the request but refused its content."); break;
        case 429: meaning = tr("The receiver is rate limiting; too many requests were sent."); break;
        case 500: meaning = tr("The receiver failed while handling the request; its operator can see why in its logs."); break;
        case 502:
        case 504: meaning = tr("A gateway in front of the receiver could not reach it; try again later."); break;
        case 503: meaning = tr("The receiver is temporarily unavailable (maintenance or overload); try again later."); break;
        default:
            meaning = status >= 500 ? tr("The receiver had a problem handling the request; try again later.")
                                    : tr("The receiver refused the request.");
        }
    }
    if (m_result.retryAfterSeconds)
        meaning += QLatin1Char(' ') + tr("It asks to wait %n second(s) before trying again.", nullptr,
                                         int(std::min<qint64>(*m_result.retryAfterSeconds, INT_MAX)));
    const QString outcome = EpicAuth::describeOperationOutcome(m_result.body);
    if (!outcome.isEmpty())
        meaning += QLatin1Char('\n') + outcome;
    m_result.diagnosis = meaning;
}

void DeliveryJob::timedOut(DeliveryResult::Error why)
{
    if (m_finished)
        return;
    if (m_exchange && m_exchange->reply) {
        m_exchange->abortReason = why;
        m_exchange->reply->abort(); // finishes the reply synchronously, through replyFinished()
        return;
    }
    if (m_exchange && m_exchange->lookupId >= 0) {
        QHostInfo::abortHostLookup(m_exchange->lookupId);
        m_exchange->lookupId = -1;
    }
    fail(why, tr("The name lookup or token request did not finish within the webhook's timeout of %1 s.")
                  .arg(m_request.timeoutMs / 1000.0));
}

void DeliveryJob::cancel()
{
    if (m_finished)
        return;
    if (m_exchange && m_exchange->reply) {
        m_exchange->abortReason = DeliveryResult::Error::Cancelled;
        m_exchange->reply->abort();
        return;
    }
    if (m_exchange && m_exchange->lookupId >= 0) {
        QHostInfo::abortHostLookup(m_exchange->lookupId);
        m_exchange->lookupId = -1;
    }
    fail(DeliveryResult::Error::Cancelled, tr("The delivery was cancelled."));
}

void DeliveryJob::fail(DeliveryResult::Error error, const QString &text, const QString &diagnosis)
{
    m_result.error = error;
    // A failure while getting the Epic token is about the token endpoint, not the FHIR server.
    m_result.errorText = m_inTokenExchange && error != DeliveryResult::Error::Cancelled
                             ? tr("Token request to %1 failed: %2").arg(m_request.epic->tokenUrl.toString(), text)
                             : text;
    m_result.diagnosis = diagnosis;
    finish();
}

void DeliveryJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_inactivity.stop();
    if (!m_result.startedAt.isValid())
        m_result.startedAt = QDateTime::currentDateTimeUtc();
    m_result.finishedAt = QDateTime::currentDateTimeUtc();
    m_result.durationMs = m_result.startedAt.msecsTo(m_result.finishedAt);
    setStage(Stage::Finished);
    emit finished(m_result);
    deleteLater();
}
