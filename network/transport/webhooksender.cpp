// Sends one webhook request asynchronously: the job's course from the CA bundle and Epic token to its one result.
#include "network/transport/webhooksender.h"

#include "models/domain/boundedfile.h"
#include "models/domain/redaction.h"
#include "network/transport/deliveryexchange.h"

#include <QCryptographicHash>
#include <QHostInfo>
#include <QNetworkReply>
#include <QNetworkProxy>
#include <QSslCertificate>

WebhookSender::WebhookSender(QObject *parent)
    : QObject(parent)
{
}

WebhookSender::~WebhookSender() = default;

QNetworkAccessManager *WebhookSender::connectionsFor(const QList<QSslCertificate> &extraCaCertificates,
                                                     const QString &peerName, const QUrl &proxy)
{
    QCryptographicHash trust(QCryptographicHash::Sha256);
    for (const QSslCertificate &certificate : extraCaCertificates)
        trust.addData(certificate.digest(QCryptographicHash::Sha256));
    const QByteArray key = trust.result().toHex() + ' ' + peerName.toUtf8() + ' ' + proxy.toEncoded();
    Connections &connections = m_connections[key];
    connections.lastUsed = ++m_uses;
    if (connections.manager)
        return connections.manager;
    if (m_connections.size() > MaxManagers) {
        // The least recently used manager with no request in flight goes, with its idle connections.
        auto oldest = m_connections.end();
        for (auto it = m_connections.begin(); it != m_connections.end(); ++it) {
            if (it.key() == key || !it->manager || !it->manager->findChildren<QNetworkReply *>().isEmpty())
                continue;
            if (oldest == m_connections.end() || it->lastUsed < oldest->lastUsed)
                oldest = it;
        }
        if (oldest != m_connections.end()) {
            oldest->manager->deleteLater();
            m_connections.erase(oldest);
        }
    }
    auto *manager = new QNetworkAccessManager(this);
    // Never the system's proxy: it would resolve the name again, behind the guard. A configured proxy is given
    // the checked address (the request's URL names it), so it resolves nothing.
    manager->setProxy(proxy.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy)
                                      : QNetworkProxy(QNetworkProxy::HttpProxy, proxy.host(), quint16(proxy.port(3128))));
    m_connections[key] = Connections{manager, m_uses};
    return manager;
}

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
    m_result.kind = m_request.kind;
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
