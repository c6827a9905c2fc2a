// One HTTP exchange of a delivery job: name lookup, SSRF check, the pinned connection, the bounded body, the outcome.
#include "network/transport/deliveryexchange.h"

#include "models/domain/displaytext.h"
#include "models/domain/redaction.h"
#include "network/payloads/httpdiagnosis.h"

#include <QHostInfo>
#include <QNetworkRequest>
#include <QSslConfiguration>

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
    exchange.tunnelled = !m_request.proxy.isEmpty() && exchange.url.scheme() == QLatin1String("https");
    QNetworkAccessManager *connections =
        m_sender->connectionsFor(m_caCertificates, exchange.url.host(), exchange.tunnelled ? m_request.proxy : QUrl());
    QNetworkReply *reply = connections->sendCustomRequest(request, exchange.method, exchange.body);
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
        // Qt reports a proxy that cannot be reached as an unknown network error: through a proxy, that and the
        // proxy's own errors are the proxy's fault, retried like any network error.
        const bool proxyError = code == QNetworkReply::ProxyConnectionRefusedError
                                || code == QNetworkReply::ProxyConnectionClosedError
                                || code == QNetworkReply::ProxyNotFoundError || code == QNetworkReply::ProxyTimeoutError
                                || code == QNetworkReply::ProxyAuthenticationRequiredError
                                || code == QNetworkReply::UnknownProxyError
                                || code == QNetworkReply::UnknownNetworkError;
        if (exchange.tunnelled && proxyError) {
            fail(DeliveryResult::Error::Network,
                 tr("The proxy %1 could not take the request to %2: %3")
                     .arg(m_request.proxy.authority(), exchange.url.host(), reply->errorString()),
                 tr("Check the dispatch setting “proxy”, and that the proxy allows CONNECT to port %1.")
                     .arg(exchange.url.port(443)));
            return;
        }
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
        m_result.diagnosis = HttpDiagnosis::explain({m_request.kind, m_request.method,
                                                     m_request.epic ? m_request.epic->scope : QString(), status,
                                                     m_result.body, m_result.retryAfterSeconds});
        // Epic explains a refusal in a FHIR OperationOutcome, which says more than the status.
        if (const QString outcome = EpicAuth::describeOperationOutcome(m_result.body); !outcome.isEmpty())
            m_result.diagnosis += QLatin1Char('\n') + outcome;
    }
    auto done = std::move(exchange.done);
    done();
}
