// Tests the sender against real loopback HTTPS receivers with certificates made by the test.
#include "network/transport/epicauth.h"
#include "models/secrets/signingsecret.h"
#include "models/domain/redaction.h"
#include "network/transport/standardwebhooks.h"
#include "network/transport/webhookdelivery.h"
#include "network/transport/webhooksender.h"
#include "models/storage/deliveryrepository.h"
#include "models/storage/webhookrepository.h"
#include "testsupport/jwtverifier.h"
#include "testsupport/webhookfixtures.h"
#include "testsupport/testconnectproxy.h"
#include "testsupport/testhttpsserver.h"
#include "testsupport/testpki.h"
#include "testsupport/resultchecks.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QTest>
#include <QUrlQuery>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

using Error = DeliveryResult::Error;

namespace {
ScriptedAnswer scripted(ScriptedAnswer::Mode mode)
{
    ScriptedAnswer answer;
    answer.mode = mode;
    return answer;
}
} // namespace
Q_DECLARE_METATYPE(WebhookKind)

class TestWebhookSender : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void signedGenericRequest();
    void httpErrors_data();
    void httpErrors();
    void redirectNotFollowed_data();
    void redirectNotFollowed();
    void inactivityTimeout();
    void overallDeadline();
    void largeBodyKeptBounded();
    void binaryBodyKeptExactly();
    void garbageAnswer();
    void expiredCertificate();
    void wrongHostCertificate();
    void untrustedAuthority();
    void unreadableCaBundle();
    void ssrfRefusal_data();
    void ssrfRefusal();
    void connectionRefused();
    void cancelWhileWaiting();
    void cancelBeforeStart();
    void epicEndToEnd();
    void epicTokenRefused();
    void epicTokenAnswerNeverKept();
    void redaction();
    void builtFromWebhook();
    void attemptsRecorded_data();
    void attemptsRecorded();
    void brokenSuccessIsAFailure_data();
    void brokenSuccessIsAFailure();
    void hugeReasonPhraseIsCut();
    void everyHeaderOnTheWireIsShown();
    void caBundleThatIsNoFile_data();
    void caBundleThatIsNoFile();
    void invalidUrlIsStillRecorded();
    void connectionsReusedOnlyForTheSameCheck();
    void throughAProxyToTheCheckedAddress();

private:
    DeliveryRequest request(const QUrl &url) const;
    DeliveryResult run(const DeliveryRequest &request, DeliveryJob **job = nullptr);

    TestPki m_pki;
    TestPki m_otherPki{QStringLiteral("Some Other CA")};
    TestCertificate m_localhost;
    QTemporaryDir m_folder;
    QString m_caBundle;
    WebhookSender m_sender;
};

void TestWebhookSender::initTestCase()
{
    QVERIFY(m_pki.isValid());
    QVERIFY(m_otherPki.isValid());
    m_localhost = m_pki.issue(QStringLiteral("localhost"), {QStringLiteral("localhost")}, {QStringLiteral("127.0.0.1")});
    QVERIFY(!m_localhost.certificate.isNull());
    QVERIFY(!m_localhost.key.isNull());
    m_caBundle = m_folder.filePath(QStringLiteral("hospital-ca.pem"));
    QVERIFY(m_pki.writeCaBundle(m_caBundle));
}

DeliveryRequest TestWebhookSender::request(const QUrl &url) const
{
    DeliveryRequest request;
    request.url = url;
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"type":"report.completed"})";
    request.allowLoopbackHttp = true; // the receivers run on this computer
    request.caFile = m_caBundle;      // and their certificates come from the test's own CA
    request.timeoutMs = 20000;
    request.inactivityTimeoutMs = 15000;
    return request;
}

DeliveryResult TestWebhookSender::run(const DeliveryRequest &request, DeliveryJob **started)
{
    DeliveryJob *job = m_sender.send(request);
    if (started)
        *started = job;
    DeliveryResult result;
    bool done = false;
    connect(job, &DeliveryJob::finished, this, [&](const DeliveryResult &finished) {
        result = finished;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 40000))
        qWarning("The delivery did not finish; the test's own watchdog gave up");
    return result;
}

void TestWebhookSender::signedGenericRequest()
{
    TestHttpsServer receiver(m_localhost);
    QVERIFY(receiver.isListening());
    const QString secret = SigningSecret::generate();
    // The receiver checks the signature the way the specification tells receivers to, independently of our code.
    bool signatureValid = false;
    receiver.setHandler([&](const ReceivedRequest &received) {
        signatureValid = received.header("webhook-signature") == standardWebhooksSignature(received, secret);
        ScriptedAnswer answer;
        answer.status = signatureValid ? 200 : 401;
        answer.headers = {{"Content-Type", "application/json"}, {"Set-Cookie", "session=abc"}};
        answer.body = R"({"received":true})";
        return answer;
    });

    DeliveryRequest delivery = request(receiver.url(QStringLiteral("localhost"), QStringLiteral("/hooks/goreporter")));
    const QByteArray messageId = StandardWebhooks::newMessageId();
    const auto signing = StandardWebhooks::headers({secret}, messageId, QDateTime::currentSecsSinceEpoch(), delivery.body);
    QVERIFY(signing);
    delivery.headers.append(*signing);
    delivery.headers.append(qMakePair(QByteArray("X-Site"), QByteArray("Radiology")));

    QSignalSpy stages(m_sender.send(delivery), &DeliveryJob::stageChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!stages.isEmpty() && stages.last().at(0).value<DeliveryJob::Stage>() == DeliveryJob::Stage::Finished,
                             40000);
    const DeliveryResult result = run(delivery);
    QVERIFY2(result.success(), qPrintable(result.errorText));
    QVERIFY(signatureValid);
    QCOMPARE(result.error, Error::None);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray(R"({"received":true})"));
    QCOMPARE(result.bodySize, 17);
    QVERIFY(!result.bodyTruncated());
    QCOMPARE(result.connectedAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(result.requestUrl, receiver.url(QStringLiteral("localhost"), QStringLiteral("/hooks/goreporter")).toString());
    QVERIFY(result.errorText.isEmpty());
    QVERIFY(result.latencyMs >= 0 && result.durationMs >= result.latencyMs);

    const ReceivedRequest &received = receiver.requests().last();
    QCOMPARE(received.method, QByteArray("POST"));
    QCOMPARE(received.target, QByteArray("/hooks/goreporter"));
    // The connection went to the checked address, but the receiver sees the configured name.
    QCOMPARE(received.header("Host"), "localhost:" + QByteArray::number(receiver.port()));
    QCOMPARE(received.header("webhook-id"), messageId);
    QCOMPARE(received.header("X-Site"), QByteArray("Radiology"));
    QCOMPARE(received.body, delivery.body);
    QCOMPARE(receiver.requests().size(), 2); // the stage-watching send and this one

    // What is kept for display and storage never holds the signature or a cookie.
    bool sawSignature = false;
    for (const auto &[name, value] : result.requestHeaders) {
        if (name == "webhook-signature") {
            sawSignature = true;
            QCOMPARE(value, Redaction::mask().toLatin1());
        }
    }
    QVERIFY(sawSignature);
    for (const auto &[name, value] : result.responseHeaders) {
        if (name.compare("set-cookie", Qt::CaseInsensitive) == 0)
            QVERIFY(!value.contains("abc"));
    }
    const QList<QVariant> stageValues{stages.at(0).at(0), stages.last().at(0)};
    QCOMPARE(stageValues.first().value<DeliveryJob::Stage>(), DeliveryJob::Stage::Sending);
}

void TestWebhookSender::httpErrors_data()
{
    QTest::addColumn<WebhookKind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("errorText");
    QTest::addColumn<QString>("diagnosisStart");
    QTest::addColumn<qint64>("retryAfterSeconds"); // -1: none

    QTest::newRow("generic 500") << WebhookKind::Generic << 500 << QByteArray("Internal Server Error") << QByteArray()
                                 << QByteArray("boom") << int(Error::HttpServerError)
                                 << QStringLiteral("HTTP 500 Internal Server Error")
                                 << QStringLiteral("The receiver failed while handling the request") << qint64(-1);
    QTest::newRow("generic 503 retry") << WebhookKind::Generic << 503 << QByteArray("Service Unavailable") << QByteArray("30")
                                       << QByteArray() << int(Error::HttpServerError)
                                       << QStringLiteral("HTTP 503 Service Unavailable")
                                       << QStringLiteral("The receiver is temporarily unavailable") << qint64(30);
    QTest::newRow("generic 429 retry") << WebhookKind::Generic << 429 << QByteArray("Too Many Requests") << QByteArray("120")
                                       << QByteArray() << int(Error::HttpClientError)
                                       << QStringLiteral("HTTP 429 Too Many Requests")
                                       << QStringLiteral("The receiver is rate limiting; too many requests were sent. "
                                                         "It asks to wait 120 second(s) before trying again.")
                                       << qint64(120);
    QTest::newRow("generic 401") << WebhookKind::Generic << 401 << QByteArray("Unauthorized") << QByteArray()
                                 << QByteArray() << int(Error::HttpClientError) << QStringLiteral("HTTP 401 Unauthorized")
                                 << QStringLiteral("The receiver refused the request's credentials") << qint64(-1);
    QTest::newRow("slack no_service") << WebhookKind::Slack << 404 << QByteArray("Not Found") << QByteArray()
                                      << QByteArray("no_service") << int(Error::HttpClientError)
                                      << QStringLiteral("HTTP 404 Not Found")
                                      << QStringLiteral("Slack no longer knows this webhook URL") << qint64(-1);
    QTest::newRow("slack archived") << WebhookKind::Slack << 410 << QByteArray("Gone") << QByteArray()
                                    << QByteArray("channel_is_archived") << int(Error::HttpClientError)
                                    << QStringLiteral("HTTP 410 Gone") << QStringLiteral("The Slack channel of this webhook is archived")
                                    << qint64(-1);
    QTest::newRow("slack 429") << WebhookKind::Slack << 429 << QByteArray("Too Many Requests") << QByteArray("1")
                               << QByteArray("rate_limited") << int(Error::HttpClientError)
                               << QStringLiteral("HTTP 429 Too Many Requests")
                               << QStringLiteral("Slack is rate limiting this webhook") << qint64(1);
    QTest::newRow("teams 413") << WebhookKind::Teams << 413 << QByteArray("Payload Too Large") << QByteArray()
                               << QByteArray() << int(Error::HttpClientError) << QStringLiteral("HTTP 413 Payload Too Large")
                               << QStringLiteral("The message is larger than Teams accepts") << qint64(-1);
    QTest::newRow("epic 422 outcome")
        << WebhookKind::Epic << 422 << QByteArray("Unprocessable Entity") << QByteArray()
        << QByteArray(R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid",)"
                      R"("details":{"text":"Unknown patient"}}]})")
        << int(Error::HttpClientError) << QStringLiteral("HTTP 422 Unprocessable Entity")
        << QStringLiteral("Epic rejected the DiagnosticReport as invalid.\nerror (invalid): Unknown patient") << qint64(-1);
}

void TestWebhookSender::httpErrors()
{
    QFETCH(WebhookKind, kind);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, body);
    QFETCH(int, error);
    QFETCH(QString, errorText);
    QFETCH(QString, diagnosisStart);
    QFETCH(qint64, retryAfterSeconds);

    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([&](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.status = status;
        answer.reason = reason;
        answer.body = body;
        if (!retryAfter.isEmpty())
            answer.headers.append(qMakePair(QByteArray("Retry-After"), retryAfter));
        return answer;
    });
    DeliveryRequest delivery = request(receiver.url(QStringLiteral("127.0.0.1"), QStringLiteral("/services/T1/B2/secret")));
    delivery.kind = kind;
    const DeliveryResult result = run(delivery);
    QCOMPARE(int(result.error), error);
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorText, errorText);
    QVERIFY2(result.diagnosis.startsWith(diagnosisStart), qPrintable(result.diagnosis));
    QCOMPARE(result.retryAfterSeconds.value_or(-1), retryAfterSeconds);
    QCOMPARE(result.body, body);
    QCOMPARE(receiver.requests().size(), 1);
    if (WebhookKinds::urlIsCredential(kind))
        QCOMPARE(result.requestUrl, QStringLiteral("https://127.0.0.1/…"));
}

void TestWebhookSender::redirectNotFollowed_data()
{
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<QString>("target"); // %1: the receiver's port
    QTest::newRow("absolute") << QByteArray("https://elsewhere.example.org/new-hook") << QStringLiteral("https://elsewhere.example.org/new-hook");
    QTest::newRow("relative") << QByteArray("/moved") << QStringLiteral("https://localhost:%1/moved");
}

void TestWebhookSender::redirectNotFollowed()
{
    QFETCH(QByteArray, location);
    QFETCH(QString, target);
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([&](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.status = 302;
        answer.reason = "Found";
        answer.headers = {{"Location", location}};
        return answer;
    });
    const DeliveryResult result = run(request(receiver.url(QStringLiteral("localhost"), QStringLiteral("/hook"))));
    const QString expectedTarget = target.contains(QLatin1String("%1")) ? target.arg(receiver.port()) : target;
    QCOMPARE(result.error, Error::Redirect);
    QCOMPARE(result.status, 302);
    QCOMPARE(result.redirectTarget, expectedTarget);
    QCOMPARE(result.errorText, QStringLiteral("HTTP 302 redirect to %1; redirects are not followed.").arg(expectedTarget));
    QCOMPARE(receiver.requests().size(), 1); // not followed, not even to the same server
}

void TestWebhookSender::inactivityTimeout()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return scripted(ScriptedAnswer::Mode::Hang); });
    DeliveryRequest delivery = request(receiver.url(QStringLiteral("127.0.0.1"), QStringLiteral("/hook")));
    delivery.inactivityTimeoutMs = 300;
    const DeliveryResult result = run(delivery);
    QCOMPARE(result.error, Error::InactivityTimeout);
    QCOMPARE(result.status, 0);
    QCOMPARE(result.errorText, QStringLiteral("Nothing was received for 0.3 s."));
    QCOMPARE(receiver.requests().size(), 1);
}

void TestWebhookSender::overallDeadline()
{
    // A receiver that keeps sending a byte now and then never trips the inactivity timeout, only the deadline.
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return scripted(ScriptedAnswer::Mode::Trickle); });
    DeliveryRequest delivery = request(receiver.url(QStringLiteral("127.0.0.1"), QStringLiteral("/hook")));
    delivery.timeoutMs = 1500;
    delivery.inactivityTimeoutMs = 1000;
    const DeliveryResult result = run(delivery);
    QCOMPARE(result.error, Error::Timeout);
    QCOMPARE(result.status, 200); // the headers came; the body never ended
    QVERIFY(result.bodySize > 0);
    QCOMPARE(result.body, QByteArray(result.bodySize, '.'));
    QCOMPARE(result.errorText, QStringLiteral("No complete answer within the webhook's timeout of 1.5 s."));
}

void TestWebhookSender::largeBodyKeptBounded()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.generatedBodyBytes = 10 * 1024 * 1024;
        return answer;
    });
    const DeliveryResult result = run(request(receiver.url(QStringLiteral("127.0.0.1"), QStringLiteral("/hook"))));
    QVERIFY2(result.success(), qPrintable(result.errorText));
    QCOMPARE(result.bodySize, 10 * 1024 * 1024);
    QCOMPARE(result.body.size(), DeliveryResult::MaxKeptBodyBytes);
    QCOMPARE(result.body, QByteArray(DeliveryResult::MaxKeptBodyBytes, 'z'));
    QVERIFY(result.bodyTruncated());
}

void TestWebhookSender::binaryBodyKeptExactly()
{
    QByteArray binary;
    for (int i = 0; i < 4096; ++i)
        binary.append(char((i * 7919) & 0xff)); // NULs, invalid UTF-8, everything
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([&](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.status = 500;
        answer.reason = "Internal Server Error";
        answer.headers = {{"Content-Type", "application/octet-stream"}};
        answer.body = binary;
        return answer;
    });
    const DeliveryResult result = run(request(receiver.url(QStringLiteral("127.0.0.1"), QStringLiteral("/hook"))));
    QCOMPARE(result.error, Error::HttpServerError);
    QCOMPARE(result.body, binary);
    QCOMPARE(result.bodySize, binary.size());
}

void TestWebhookSender::garbageAnswer()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return scripted(ScriptedAnswer::Mode::Garbage); });
    const DeliveryResult result = run(request(receiver.url(QStringLiteral("127.0.0.1"), QStringLiteral("/hook"))));
    // Bytes that are not HTTP, then a close: to Qt (and to the administrator) the receiver hung up unanswered.
    QCOMPARE(result.error, Error::ConnectionClosed);
    QCOMPARE(result.status, 0);
    QCOMPARE(result.errorText, QStringLiteral("127.0.0.1 closed the connection before answering."));
}

void TestWebhookSender::expiredCertificate()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime expiry = QDateTime(now.date().addDays(-2), QTime(12, 0), Qt::UTC);
    const TestCertificate expired = m_pki.issue(QStringLiteral("expired.localhost"), {QStringLiteral("localhost")},
                                                {QStringLiteral("127.0.0.1")}, expiry.addDays(-30), expiry);
    TestHttpsServer receiver(expired);
    const DeliveryResult result = run(request(receiver.url(QStringLiteral("localhost"), QStringLiteral("/hook"))));
    QCOMPARE(result.error, Error::Tls);
    QCOMPARE(result.status, 0);
    QCOMPARE(receiver.requests().size(), 0); // nothing was sent over the insecure connection
    QCOMPARE(result.certificateProblems.size(), 1);
    const QString problem = result.certificateProblems.first();
    QVERIFY2(problem.startsWith(QLatin1String("The certificate has expired")), qPrintable(problem));
    QVERIFY2(problem.contains(QLatin1String("subject expired.localhost")), qPrintable(problem));
    QVERIFY2(problem.contains(QLatin1String("issued by goReporter Test CA")), qPrintable(problem));
    QVERIFY2(problem.contains(QLatin1String("until ") + expiry.toString(Qt::ISODate)), qPrintable(problem));
    QVERIFY2(result.errorText.startsWith(QLatin1String("The certificate of localhost was not accepted: ")),
             qPrintable(result.errorText));
}

void TestWebhookSender::wrongHostCertificate()
{
    const TestCertificate other = m_pki.issue(QStringLiteral("reports.example.org"), {QStringLiteral("reports.example.org")});
    TestHttpsServer receiver(other);
    const DeliveryResult result = run(request(receiver.url(QStringLiteral("localhost"), QStringLiteral("/hook"))));
    QCOMPARE(result.error, Error::Tls);
    QCOMPARE(result.certificateProblems.size(), 1);
    QVERIFY2(result.certificateProblems.first().startsWith(
                 QLatin1String("The host name did not match any of the valid hosts for this certificate")),
             qPrintable(result.certificateProblems.first()));
    QVERIFY(result.certificateProblems.first().contains(QLatin1String("subject reports.example.org")));
    QCOMPARE(receiver.requests().size(), 0);
}

void TestWebhookSender::untrustedAuthority()
{
    const TestCertificate foreign = m_otherPki.issue(QStringLiteral("localhost"), {QStringLiteral("localhost")});
    TestHttpsServer receiver(foreign);

    // Without the hospital's CA bundle the certificate is not trusted...
    DeliveryRequest delivery = request(receiver.url(QStringLiteral("localhost"), QStringLiteral("/hook")));
    delivery.caFile.clear();
    DeliveryResult result = run(delivery);
    QCOMPARE(result.error, Error::Tls);
    QVERIFY2(result.certificateProblems.join(QLatin1Char('\n')).contains(QLatin1String("issued by Some Other CA")),
             qPrintable(result.certificateProblems.join(QLatin1Char('\n'))));
    QCOMPARE(receiver.requests().size(), 0);

    // ... another CA's bundle does not help ...
    result = run(request(receiver.url(QStringLiteral("localhost"), QStringLiteral("/hook"))));
    QCOMPARE(result.error, Error::Tls);

    // ... and with its own CA in the bundle, it is.
    const QString otherBundle = m_folder.filePath(QStringLiteral("other-ca.pem"));
    QFile file(otherBundle);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_otherPki.ca().certificatePem);
    file.close();
    delivery.caFile = otherBundle;
    result = run(delivery);
    QVERIFY2(result.success(), qPrintable(result.errorText));
    QCOMPARE(receiver.requests().size(), 1);
}

void TestWebhookSender::unreadableCaBundle()
{
    DeliveryRequest delivery = request(QUrl(QStringLiteral("https://localhost:1/hook")));
    delivery.caFile = m_folder.filePath(QStringLiteral("missing.pem"));
    DeliveryResult result = run(delivery);
    QCOMPARE(result.error, Error::InvalidRequest);
    QVERIFY2(result.errorText.startsWith(QLatin1String("Cannot read the CA bundle ")), qPrintable(result.errorText));

    const QString notPem = m_folder.filePath(QStringLiteral("not.pem"));
    QFile file(notPem);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello");
    file.close();
    delivery.caFile = notPem;
    result = run(delivery);
    QCOMPARE(result.error, Error::InvalidRequest);
    QCOMPARE(result.errorText, QStringLiteral("The CA bundle %1 holds no PEM certificate.").arg(notPem));
}

void TestWebhookSender::ssrfRefusal_data()
{
    QTest::addColumn<QString>("url");           // %1: a listening receiver's port
    QTest::addColumn<bool>("allowLoopback");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("private IPv4") << QStringLiteral("https://10.1.2.3/hook") << true << int(Error::Blocked)
                                  << QStringLiteral("10.1.2.3 is in a private network range (10.0.0.0/8)");
    QTest::newRow("metadata") << QStringLiteral("https://169.254.169.254/latest/meta-data") << true << int(Error::Blocked)
                              << QStringLiteral("a cloud metadata service");
    QTest::newRow("IPv4-mapped private") << QStringLiteral("https://[::ffff:192.168.0.10]/hook") << true << int(Error::Blocked)
                                         << QStringLiteral("IPv4-mapped address embedding an address in a private network range");
    QTest::newRow("NAT64 link-local") << QStringLiteral("https://[64:ff9b::a9fe:101]/hook") << true << int(Error::Blocked)
                                      << QStringLiteral("the link-local range (169.254.0.0/16)");
    QTest::newRow("loopback literal without switch") << QStringLiteral("https://127.0.0.1:%1/hook") << false
                                                     << int(Error::Blocked) << QStringLiteral("127.0.0.0/8");
    // A name is resolved and every address checked: localhost's addresses are all loopback.
    QTest::newRow("loopback name without switch") << QStringLiteral("https://localhost:%1/hook") << false
                                                  << int(Error::Blocked) << QStringLiteral("switch on “Allow plain HTTP to this machine”");
    QTest::newRow("plain http elsewhere") << QStringLiteral("http://10.1.2.3/hook") << true << int(Error::Blocked)
                                          << QStringLiteral("10.0.0.0/8");
    QTest::newRow("plain http without switch") << QStringLiteral("http://127.0.0.1:%1/hook") << false
                                               << int(Error::InvalidRequest) << QStringLiteral("plain http");
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/hook") << true << int(Error::InvalidRequest)
                         << QStringLiteral("only https is supported");
}

void TestWebhookSender::ssrfRefusal()
{
    QFETCH(QString, url);
    QFETCH(bool, allowLoopback);
    QFETCH(int, error);
    QFETCH(QString, errorContains);
    TestHttpsServer receiver(m_localhost);
    DeliveryRequest delivery = request(QUrl(url.contains(QLatin1String("%1")) ? url.arg(receiver.port()) : url));
    delivery.allowLoopbackHttp = allowLoopback;
    const DeliveryResult result = run(delivery);
    QCOMPARE(int(result.error), error);
    QVERIFY2(result.errorText.contains(errorContains), qPrintable(result.errorText));
    QCOMPARE(result.connectedAddress, QString()); // no connection was even attempted
    QCOMPARE(receiver.requests().size(), 0);
}

void TestWebhookSender::connectionRefused()
{
    quint16 freePort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        freePort = probe.serverPort();
    }
    const DeliveryResult result = run(request(QUrl(QStringLiteral("https://127.0.0.1:%1/hook").arg(freePort))));
    QCOMPARE(result.error, Error::ConnectionRefused);
    QCOMPARE(result.errorText, QStringLiteral("127.0.0.1 refused the connection on port %1.").arg(freePort));
}

void TestWebhookSender::cancelWhileWaiting()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return scripted(ScriptedAnswer::Mode::Hang); });
    DeliveryJob *job = m_sender.send(request(receiver.url(QStringLiteral("127.0.0.1"), QStringLiteral("/hook"))));
    QPointer<DeliveryJob> guard(job);
    DeliveryResult result;
    bool done = false;
    connect(job, &DeliveryJob::finished, this, [&](const DeliveryResult &finished) {
        result = finished;
        done = true;
    });
    QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 20000);
    QVERIFY(!done);
    job->cancel();
    QVERIFY(done); // cancelling answers at once
    QCOMPARE(result.error, Error::Cancelled);
    QCOMPARE(result.errorText, QStringLiteral("The delivery was cancelled."));
    QTRY_VERIFY(guard.isNull()); // and the job cleans up after itself
}

void TestWebhookSender::cancelBeforeStart()
{
    DeliveryJob *job = m_sender.send(request(QUrl(QStringLiteral("https://localhost:1/hook"))));
    QSignalSpy finished(job, &DeliveryJob::finished);
    job->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<DeliveryResult>().error, Error::Cancelled);
}

void TestWebhookSender::epicEndToEnd()
{
    const auto key = EpicKey::generate(2048);
    QVERIFY(key);
    TestHttpsServer epic(m_localhost);
    EpicAuthSettings settings;
    settings.clientId = QStringLiteral("goreporter-backend");
    settings.tokenUrl = epic.url(QStringLiteral("localhost"), QStringLiteral("/oauth2/token"));
    settings.fhirBaseUrl = epic.url(QStringLiteral("localhost"), QStringLiteral("/api/FHIR/R4"));
    settings.scope = QStringLiteral("system/DiagnosticReport.write");
    settings.keyId = QStringLiteral("goreporter-1");
    const QJsonObject registeredKey = key->publicJwk(settings.keyId); // what the administrator registered with Epic

    int tokensIssued = 0;
    QStringList problems;
    QSet<QString> seenJti;
    epic.setHandler([&](const ReceivedRequest &received) {
        ScriptedAnswer answer;
        answer.headers = {{"Content-Type", "application/json"}};
        if (received.target == "/oauth2/token") {
            const QUrlQuery form(QString::fromLatin1(received.body));
            auto field = [&](const char *name) { return form.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };
            const VerifiedJwt jwt = verifyRs384Jwt(field("client_assertion").toLatin1(), registeredKey);
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            if (!jwt.valid)
                problems.append(jwt.why);
            if (field("grant_type") != QLatin1String("client_credentials"))
                problems.append(QStringLiteral("grant_type"));
            if (field("client_assertion_type") != QLatin1String("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
                problems.append(QStringLiteral("client_assertion_type"));
            if (field("scope") != settings.scope)
                problems.append(QStringLiteral("scope"));
            if (jwt.header.value(QStringLiteral("kid")).toString() != settings.keyId)
                problems.append(QStringLiteral("kid"));
            if (jwt.claims.value(QStringLiteral("iss")).toString() != settings.clientId
                || jwt.claims.value(QStringLiteral("sub")).toString() != settings.clientId)
                problems.append(QStringLiteral("iss/sub"));
            if (jwt.claims.value(QStringLiteral("aud")).toString() != settings.tokenUrl.toString())
                problems.append(QStringLiteral("aud"));
            const qint64 exp = jwt.claims.value(QStringLiteral("exp")).toInteger();
            if (exp <= now || exp > now + 300)
                problems.append(QStringLiteral("exp"));
            const QString jti = jwt.claims.value(QStringLiteral("jti")).toString();
            if (jti.isEmpty() || seenJti.contains(jti))
                problems.append(QStringLiteral("jti"));
            seenJti.insert(jti);
            if (!problems.isEmpty()) {
                answer.status = 401;
                answer.body = R"({"error":"invalid_client"})";
                return answer;
            }
            ++tokensIssued;
            answer.body = QJsonDocument(QJsonObject{{QStringLiteral("access_token"), QStringLiteral("token-%1").arg(tokensIssued)},
                                                    {QStringLiteral("token_type"), QStringLiteral("bearer")},
                                                    {QStringLiteral("expires_in"), 3600},
                                                    {QStringLiteral("scope"), settings.scope}})
                              .toJson();
            return answer;
        }
        if (received.target == "/api/FHIR/R4/DiagnosticReport") {
            if (received.header("Authorization") != "Bearer token-1") {
                answer.status = 401;
                answer.reason = "Unauthorized";
                return answer;
            }
            answer.status = 201;
            answer.reason = "Created";
            answer.headers.append(qMakePair(QByteArray("Location"), QByteArray("https://localhost/api/FHIR/R4/DiagnosticReport/eXYZ")));
            return answer;
        }
        answer.status = 404;
        return answer;
    });

    DeliveryRequest delivery = request(epic.url(QStringLiteral("localhost"), QStringLiteral("/api/FHIR/R4/DiagnosticReport")));
    delivery.kind = WebhookKind::Epic;
    delivery.headers = {{"Content-Type", "application/fhir+json"}};
    delivery.body = R"({"resourceType":"DiagnosticReport","status":"final"})";
    delivery.epic = settings;
    delivery.epicKey = *key;

    DeliveryResult first = run(delivery);
    QVERIFY2(first.success(), qPrintable(first.errorText + QLatin1Char(' ') + problems.join(QLatin1Char(','))));
    QCOMPARE(first.status, 201);
    QVERIFY(first.tokenRequested);
    QVERIFY(!first.tokenFromCache);
    QCOMPARE(tokensIssued, 1);
    QVERIFY(first.requestHeaders.contains(qMakePair(QByteArray("Authorization"),
                                                    QByteArray("Bearer [redacted]"))));
    QVERIFY(!first.body.contains("token-1"));

    // The second delivery reuses the cached token: no second token request.
    DeliveryResult second = run(delivery);
    QVERIFY2(second.success(), qPrintable(second.errorText));
    QVERIFY(second.tokenFromCache);
    QVERIFY(!second.tokenRequested);
    QCOMPARE(tokensIssued, 1);
    QCOMPARE(epic.requests().size(), 4 - 1); // token, report, report
    QVERIFY(problems.isEmpty());
}

void TestWebhookSender::epicTokenRefused()
{
    const auto key = EpicKey::generate(2048);
    QVERIFY(key);
    TestHttpsServer epic(m_localhost);
    epic.setHandler([](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.status = 400;
        answer.reason = "Bad Request";
        answer.body = R"({"error":"invalid_client","error_description":"Key id not registered"})";
        return answer;
    });
    EpicAuthSettings settings;
    settings.clientId = QStringLiteral("someone");
    settings.tokenUrl = epic.url(QStringLiteral("localhost"), QStringLiteral("/oauth2/token"));
    settings.scope = QStringLiteral("system/DiagnosticReport.write");
    settings.keyId = QStringLiteral("k1");
    DeliveryRequest delivery = request(epic.url(QStringLiteral("localhost"), QStringLiteral("/api/FHIR/R4/DiagnosticReport")));
    delivery.kind = WebhookKind::Epic;
    delivery.epic = settings;
    delivery.epicKey = *key;
    const DeliveryResult result = run(delivery);
    QCOMPARE(result.error, Error::Authentication);
    QCOMPARE(result.errorText, QStringLiteral("Token request to %1 failed: HTTP 400 Bad Request: invalid_client: Key id not "
                                              "registered").arg(settings.tokenUrl.toString()));
    QVERIFY2(result.diagnosis.contains(QStringLiteral("key id “k1”")), qPrintable(result.diagnosis));
    QCOMPARE(epic.requests().size(), 1); // the report was not sent without a token
    QVERIFY(!m_sender.tokenCache().find(settings, QDateTime::currentDateTimeUtc()));
}

void TestWebhookSender::epicTokenAnswerNeverKept()
{
    // A 200 answer with a token that cannot be used (not a bearer token) must not leave the token anywhere.
    const auto key = EpicKey::generate(2048);
    QVERIFY(key);
    TestHttpsServer epic(m_localhost);
    epic.setHandler([](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.headers = {{"Content-Type", "application/json"}};
        answer.body = R"({"access_token":"tok-SHOULD-NOT-LEAK","token_type":"DPoP","expires_in":3600})";
        return answer;
    });
    EpicAuthSettings settings;
    settings.clientId = QStringLiteral("someone");
    settings.tokenUrl = epic.url(QStringLiteral("localhost"), QStringLiteral("/oauth2/token"));
    settings.scope = QStringLiteral("system/DiagnosticReport.write");
    DeliveryRequest delivery = request(epic.url(QStringLiteral("localhost"), QStringLiteral("/api/FHIR/R4/DiagnosticReport")));
    delivery.kind = WebhookKind::Epic;
    delivery.epic = settings;
    delivery.epicKey = *key;
    const DeliveryResult result = run(delivery);
    QCOMPARE(result.error, Error::Authentication);
    QCOMPARE(result.status, 0);
    QVERIFY(result.body.isEmpty());
    QVERIFY(!result.errorText.contains(QStringLiteral("SHOULD-NOT-LEAK")));
    QVERIFY(!result.diagnosis.contains(QStringLiteral("SHOULD-NOT-LEAK")));
    QCOMPARE(epic.requests().size(), 1);
}

void TestWebhookSender::redaction()
{
    const ByteHeaders headers{{"Content-Type", "application/json"},
                              {"authorization", "Bearer abc.def"},
                              {"Authorization", "opaque"},
                              {"webhook-signature", "v1,xyz v1,uvw"},
                              {"X-Api-Key", "k"}};
    const ByteHeaders redacted = Redaction::redacted(headers);
    const QByteArray mark = Redaction::mask().toLatin1();
    QCOMPARE(redacted, (ByteHeaders{{"Content-Type", "application/json"},
                                    {"authorization", "Bearer " + mark},
                                    {"Authorization", mark},
                                    {"webhook-signature", mark},
                                    {"X-Api-Key", mark}}));
    const QUrl slack(QStringLiteral("https://hooks.slack.com/services/T000/B000/XXXXXXXX"));
    QCOMPARE(Webhook::maskedUrl(slack, WebhookKind::Slack), QStringLiteral("https://hooks.slack.com/…"));
    QCOMPARE(Webhook::maskedUrl(QUrl(QStringLiteral("https://user:pw@example.org/x")), WebhookKind::Generic),
             QStringLiteral("https://example.org/x"));
    // A query string may carry a token: the log shows that there was one, not what it said.
    QCOMPARE(Webhook::maskedUrl(QUrl(QStringLiteral("https://example.org/a%20b/hook?token=SECRET#top")),
                                WebhookKind::Generic),
             QStringLiteral("https://example.org/a%20b/hook?…"));
    QCOMPARE(Webhook::maskedUrl(QUrl(), WebhookKind::Generic), QStringLiteral("(not a valid URL)"));
}

void TestWebhookSender::builtFromWebhook()
{
    TestHttpsServer receiver(m_localhost);
    const QString oldSecret = SigningSecret::generate();
    const QString newSecret = SigningSecret::generate();
    receiver.setHandler([](const ReceivedRequest &) { return ScriptedAnswer(); });

    Webhook webhook = makeWebhook(QStringLiteral("Built"));
    webhook.url = receiver.url(QStringLiteral("localhost"), QStringLiteral("/in"));
    webhook.allowLoopbackHttp = true;
    webhook.caFile = m_caBundle;
    webhook.headers = {{QStringLiteral("X-Clinic"), QStringLiteral("Zürich")}};
    const Event event = EventSamples::sample(QStringLiteral("report.completed"));
    QString error;
    const auto payload = PayloadFormatter::create(WebhookKind::Generic)->format(event, PhiLevel::None, &error);
    QVERIFY2(payload, qPrintable(error));
    const QByteArray messageId = StandardWebhooks::newMessageId();
    const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    // During a rotation both secrets sign.
    const auto delivery = WebhookDelivery::build(webhook, *payload, {newSecret, oldSecret}, messageId, timestamp, {}, &error);
    QVERIFY2(delivery, qPrintable(error));
    QCOMPARE(delivery->timeoutMs, webhook.timeoutSeconds * 1000);
    const DeliveryResult result = run(*delivery);
    QVERIFY2(result.success(), qPrintable(result.errorText));

    const ReceivedRequest &received = receiver.requests().first();
    QCOMPARE(received.body, payload->body);
    QCOMPARE(received.header("X-Clinic"), QByteArray("Z\xc3\xbcrich"));
    QCOMPARE(received.header("webhook-id"), messageId);
    QCOMPARE(received.header("webhook-signature").split(' ').size(), 2);
    QVERIFY(StandardWebhooks::verify({oldSecret}, messageId, timestamp, received.body, received.header("webhook-signature")));
    QVERIFY(StandardWebhooks::verify({newSecret}, messageId, timestamp, received.body, received.header("webhook-signature")));

    const DeliveryRecord record = WebhookDelivery::record(webhook, event, messageId, DeliveryTrigger::Test, result);
    QCOMPARE(record.eventId, event.id);
    QCOMPARE(record.eventType, QStringLiteral("report.completed"));
    QCOMPARE(record.messageId, QString::fromLatin1(messageId));
    QVERIFY(record.success);

    // A malformed secret stops the delivery before anything is sent.
    QVERIFY(!WebhookDelivery::build(webhook, *payload, {QStringLiteral("whsec_%%%")}, messageId, timestamp, {}, &error));
    QVERIFY(!error.isEmpty());
}

void TestWebhookSender::attemptsRecorded_data()
{
    addEngineRows();
}

void TestWebhookSender::attemptsRecorded()
{
    OpenTestDatabase db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    Webhook webhook = makeWebhook(QStringLiteral("Cardiology receiver"));
    WebhookRepository webhooks(*db.database);
    QVERIFY(webhooks.create(webhook).ok());
    DeliveryRepository log(*db.database);

    int answers = 0;
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([&](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.status = ++answers == 1 ? 503 : 204;
        answer.reason = answers == 1 ? "Service Unavailable" : "No Content";
        if (answers == 1) {
            answer.headers = {{"Retry-After", "5"}};
            answer.body = "down for maintenance";
        }
        return answer;
    });
    const QString secret = SigningSecret::generate();
    const QByteArray messageId = StandardWebhooks::newMessageId();
    DeliveryRequest delivery = request(receiver.url(QStringLiteral("localhost"), QStringLiteral("/hook")));
    delivery.headers.append(*StandardWebhooks::headers({secret}, messageId, QDateTime::currentSecsSinceEpoch(), delivery.body));

    // First attempt: the receiver is down.
    DeliveryRecord first = run(delivery).toRecord();
    first.webhookId = webhook.id;
    first.webhookName = webhook.name;
    first.eventType = QStringLiteral("report.completed");
    first.eventId = QStringLiteral("evt-1");
    first.messageId = QString::fromLatin1(messageId);
    first.trigger = DeliveryTrigger::Event;
    QVERIFY_OK(log.record(first));
    QCOMPARE(first.attempt, 1);

    // The retry repeats the same message, so it keeps the message id and counts as attempt 2.
    DeliveryRecord retry = DeliveryRepository::repeatOf(first, DeliveryTrigger::Event);
    const DeliveryRecord retryOutcome = run(delivery).toRecord();
    retry.requestHeaders = retryOutcome.requestHeaders;
    retry.requestBody = retryOutcome.requestBody;
    retry.responseStatus = retryOutcome.responseStatus;
    retry.responseHeaders = retryOutcome.responseHeaders;
    retry.responseBody = retryOutcome.responseBody;
    retry.responseSize = retryOutcome.responseSize;
    retry.error = retryOutcome.error;
    retry.success = retryOutcome.success;
    retry.startedAt = retryOutcome.startedAt;
    retry.finishedAt = retryOutcome.finishedAt;
    retry.durationMs = retryOutcome.durationMs;
    QVERIFY_OK(log.record(retry));
    QCOMPARE(retry.attempt, 2);

    // A test-send refused by the guard is recorded too, as a new message.
    DeliveryRequest blocked = request(QUrl(QStringLiteral("https://192.168.1.20/hook")));
    DeliveryRecord test = run(blocked).toRecord();
    test.webhookId = webhook.id;
    test.webhookName = webhook.name;
    test.eventType = QStringLiteral("battery.low");
    test.eventId = QStringLiteral("sample-battery.low");
    test.messageId = QString::fromLatin1(StandardWebhooks::newMessageId());
    test.trigger = DeliveryTrigger::Test;
    QVERIFY_OK(log.record(test));
    QCOMPARE(test.attempt, 1);

    const auto attempts = log.attemptsOf(QString::fromLatin1(messageId));
    QVERIFY2(attempts, qPrintable(attempts.message()));
    QCOMPARE(attempts->size(), 2);
    const DeliveryRecord &down = attempts->at(0);
    QCOMPARE(down.id, first.id);
    QCOMPARE(down.webhookId, webhook.id);
    QCOMPARE(down.trigger, DeliveryTrigger::Event);
    QCOMPARE(down.eventType, QStringLiteral("report.completed"));
    QCOMPARE(down.requestMethod, QByteArray("POST"));
    QCOMPARE(down.requestUrl, QStringLiteral("https://localhost:%1/hook").arg(receiver.port()));
    QCOMPARE(down.requestBody, delivery.body);
    QCOMPARE(down.responseStatus, std::optional<int>(503));
    QCOMPARE(down.responseBody, QByteArray("down for maintenance"));
    QCOMPARE(down.responseSize, std::optional<qint64>(20));
    QCOMPARE(down.error, QStringLiteral("http-5xx: HTTP 503 Service Unavailable"));
    QVERIFY(!down.success);
    QVERIFY(down.startedAt.isValid() && down.finishedAt >= down.startedAt);
    QVERIFY(down.durationMs.has_value());
    QVERIFY(down.responseHeaders.contains(qMakePair(QByteArray("Retry-After"), QByteArray("5"))));
    // The signature never reaches the log.
    for (const auto &[name, value] : down.requestHeaders) {
        if (name == "webhook-signature")
            QCOMPARE(value, Redaction::mask().toLatin1());
        QVERIFY(!value.contains(secret.toLatin1()));
    }
    QVERIFY(down.requestHeaders.contains(qMakePair(QByteArray("webhook-id"), messageId)));

    const DeliveryRecord &ok = attempts->at(1);
    QCOMPARE(ok.attempt, 2);
    QCOMPARE(ok.messageId, QString::fromLatin1(messageId));
    QCOMPARE(ok.responseStatus, std::optional<int>(204));
    QVERIFY(ok.success);
    QCOMPARE(ok.error, QString());

    const auto refused = log.find(test.id);
    QVERIFY2(refused, qPrintable(refused.message()));
    QCOMPARE(refused->trigger, DeliveryTrigger::Test);
    QCOMPARE(refused->responseStatus, std::nullopt);
    QCOMPARE(refused->responseSize, std::nullopt);
    QVERIFY(!refused->success);
    QVERIFY2(refused->error.startsWith(QLatin1String("blocked: Refused to connect: 192.168.1.20 is in a private network "
                                                     "range (192.168.0.0/16).")),
             qPrintable(refused->error));

    const auto newest = log.recent(webhook.id, 2);
    QVERIFY2(newest, qPrintable(newest.message()));
    QCOMPARE(newest->size(), 2);
    QCOMPARE(newest->first().id, test.id);
}

void TestWebhookSender::brokenSuccessIsAFailure_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::newRow("body cut short") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n"
                                                  "{\"received\":");
    QTest::newRow("chunk longer than its data") << QByteArray("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n"
                                                              "Connection: close\r\n\r\n40\r\nhello");
    QTest::newRow("chunked without its end") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                                                           "Connection: close\r\n\r\n5\r\nhello\r\n");
}

void TestWebhookSender::brokenSuccessIsAFailure()
{
    QFETCH(QByteArray, answer);
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([&](const ReceivedRequest &) {
        ScriptedAnswer scriptedAnswer;
        scriptedAnswer.mode = ScriptedAnswer::Mode::Raw;
        scriptedAnswer.body = answer;
        return scriptedAnswer;
    });
    const DeliveryResult result = run(request(receiver.url(QStringLiteral("127.0.0.1"), QStringLiteral("/hook"))));
    QVERIFY2(!result.success(), "a 2xx whose answer broke off counted as delivered");
    QCOMPARE(result.error, Error::ConnectionClosed);
    QVERIFY2(result.errorText.contains(QLatin1String("cut short")), qPrintable(result.errorText));
    QVERIFY(!result.toRecord().success);
}

void TestWebhookSender::hugeReasonPhraseIsCut()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.status = 503;
        answer.reason = QByteArray(1024 * 1024, 'R') + "\x1b[2J";
        return answer;
    });
    const DeliveryResult result = run(request(receiver.url(QStringLiteral("127.0.0.1"), QStringLiteral("/hook"))));
    QCOMPARE(result.status, 503);
    QVERIFY2(result.reasonPhrase.size() <= DeliveryResult::MaxReasonPhraseLength + 1,
             qPrintable(QString::number(result.reasonPhrase.size())));
    QVERIFY(result.errorText.size() < 400);
    QVERIFY(!result.errorText.contains(QChar(0x1b)));
}

void TestWebhookSender::everyHeaderOnTheWireIsShown()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return ScriptedAnswer(); });
    const DeliveryResult result = run(request(receiver.url(QStringLiteral("localhost"), QStringLiteral("/hook"))));
    QVERIFY2(result.success(), qPrintable(result.errorText));
    const ReceivedRequest &received = receiver.requests().first();
    QCOMPARE(received.header("User-Agent"), WebhookSender::userAgent());
    QVERIFY(WebhookSender::userAgent().startsWith("goReporter-Webhooks/"));
    QVERIFY(WebhookSender::userAgent().size() > int(sizeof("goReporter-Webhooks/")));
    // What the request pane shows holds what the receiver got: Host, User-Agent, Content-Length and the rest.
    for (const char *name : {"Host", "User-Agent", "Content-Length", "Content-Type"}) {
        bool shown = false;
        for (const auto &[headerName, value] : result.requestHeaders)
            shown = shown || (headerName.compare(name, Qt::CaseInsensitive) == 0 && value == received.header(name));
        QVERIFY2(shown, name);
    }
}

void TestWebhookSender::caBundleThatIsNoFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("device") << u"/dev/zero"_s;
    QTest::newRow("folder") << u"/etc"_s;
    QTest::newRow("fifo") << u"fifo"_s;
}

void TestWebhookSender::caBundleThatIsNoFile()
{
    QFETCH(QString, path);
    if (path == u"fifo") {
        path = m_folder.filePath(u"ca.fifo"_s);
        QFile::remove(path);
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    }
    DeliveryRequest delivery = request(QUrl(QStringLiteral("https://localhost:1/hook")));
    delivery.caFile = path;
    delivery.timeoutMs = 60000;
    QElapsedTimer clock;
    clock.start();
    const DeliveryResult result = run(delivery);
    QCOMPARE(result.error, Error::InvalidRequest);
    QVERIFY2(result.errorText.startsWith(QLatin1String("Cannot read the CA bundle ")), qPrintable(result.errorText));
    // Refused at once, not after reading without end or waiting for a writer.
    QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
}

void TestWebhookSender::invalidUrlIsStillRecorded()
{
    const DeliveryResult result = run(request(QUrl(QStringLiteral("https://exa mple.org/hook"), QUrl::StrictMode)));
    QCOMPARE(result.error, Error::InvalidRequest);
    QVERIFY(!result.toRecord().requestUrl.isEmpty());
}

void TestWebhookSender::connectionsReusedOnlyForTheSameCheck()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setKeepAlive(true);
    const QUrl url = receiver.url(QStringLiteral("localhost"), QStringLiteral("/hook"));
    // Three deliveries to one receiver: one TLS connection, kept open.
    for (int i = 0; i < 3; ++i) {
        const DeliveryResult result = run(request(url));
        QVERIFY2(result.success(), qPrintable(result.errorText));
    }
    QCOMPARE(receiver.requests().size(), 3);
    QCOMPARE(receiver.connections(), 1);

    // The address is checked for every request, open connection or not: a webhook that may not reach loopback is
    // refused before anything is sent.
    DeliveryRequest outside = request(url);
    outside.allowLoopbackHttp = false;
    const DeliveryResult refused = run(outside);
    QCOMPARE(refused.error, Error::Blocked);
    QCOMPARE(receiver.requests().size(), 3);

    // Another trust (no hospital CA) or another verified name never gets the open connection: it makes its own,
    // and is judged on its own (this certificate is trusted only through the hospital CA).
    DeliveryRequest otherTrust = request(url);
    otherTrust.caFile.clear();
    const DeliveryResult untrusted = run(otherTrust);
    QCOMPARE(untrusted.error, Error::Tls);
    QTRY_COMPARE(receiver.handshakeFailures(), 1); // a handshake of its own, refused
    QCOMPARE(receiver.connections(), 1);
    const DeliveryResult byAddress = run(request(receiver.url(QStringLiteral("127.0.0.1"), QStringLiteral("/hook"))));
    QVERIFY2(byAddress.success(), qPrintable(byAddress.errorText));
    QCOMPARE(receiver.connections(), 2);
    QCOMPARE(receiver.requests().size(), 4);
}

void TestWebhookSender::throughAProxyToTheCheckedAddress()
{
    TestHttpsServer receiver(m_localhost);
    TestConnectProxy proxy;
    const QUrl proxyUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));
    DeliveryRequest delivery = request(receiver.url(QStringLiteral("localhost"), QStringLiteral("/hook")));
    delivery.proxy = proxyUrl;
    const DeliveryResult result = run(delivery);
    QVERIFY2(result.success(), qPrintable(result.errorText));
    // The proxy was asked for the address this side checked, not for the name; the receiver saw the name in Host
    // and its certificate was verified for it.
    QCOMPARE(proxy.tunnels(), QByteArrayList{"127.0.0.1:" + QByteArray::number(receiver.port())});
    QCOMPARE(receiver.requests().size(), 1);
    QCOMPARE(receiver.requests().first().header("Host"), "localhost:" + QByteArray::number(receiver.port()));

    // The check comes first: a request to an address the webhook may not reach never reaches the proxy.
    DeliveryRequest outside = delivery;
    outside.allowLoopbackHttp = false;
    QCOMPARE(run(outside).error, Error::Blocked);
    QCOMPARE(proxy.tunnels().size(), 1);

    // A proxy that is not there is named in the error, and counts as a network failure (retried).
    quint16 freePort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        freePort = probe.serverPort();
    }
    DeliveryRequest noProxy = delivery;
    noProxy.proxy = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freePort));
    const DeliveryResult failed = run(noProxy);
    QCOMPARE(failed.error, Error::Network);
    QVERIFY2(failed.errorText.contains(QStringLiteral("The proxy 127.0.0.1:%1").arg(freePort)), qPrintable(failed.errorText));
}

QTEST_GUILESS_MAIN(TestWebhookSender)
#include "tst_webhooksender.moc"
