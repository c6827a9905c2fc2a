// A loopback HTTPS receiver on QSslServer that records requests and answers as each test scripts it.
#pragma once

#include "testsupport/testpki.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslServer>
#include <QUrl>

#include <functional>

struct ReceivedRequest
{
    QByteArray method;
    QByteArray target;   // path and query, as sent
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
};

// The Standard Webhooks signature ("v1,<base64 HMAC-SHA256 of id.timestamp.body>") a receiver expects for request
// under secret, computed from the specification rather than with the code under test.
QByteArray standardWebhooksSignature(const ReceivedRequest &request, const QString &secret);
// True when one of the space-separated signatures in webhook-signature is secret's (a rotation sends two).
bool carriesStandardWebhooksSignature(const ReceivedRequest &request, const QString &secret);

// What a loopback HTTPS receiver presents: identity's certificate and key, no client certificate asked for.
QSslConfiguration serverTlsConfiguration(const TestCertificate &identity);

struct ScriptedAnswer
{
    enum class Mode {
        Respond,        // status, headers and body, then close
        Hang,           // read the request, never answer
        Trickle,        // headers, then one byte every 100 ms forever
        Garbage,        // bytes that are not HTTP, then close
        Raw,            // body as the whole answer, byte for byte (a status line and headers included), then close
    };
    Mode mode = Mode::Respond;
    int status = 200;
    QByteArray reason = "OK";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 generatedBodyBytes = 0; // instead of body: this many bytes, written as the client reads
};

class TestHttpsServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<ScriptedAnswer(const ReceivedRequest &)>;

    // Listens on 127.0.0.1 with the given certificate (and its chain, if any).
    explicit TestHttpsServer(const TestCertificate &identity, QObject *parent = nullptr);
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &host, const QString &path) const;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Keeps connections open after a Respond answer (HTTP/1.1 keep-alive) instead of closing each one.
    void setKeepAlive(bool keepAlive) { m_keepAlive = keepAlive; }
    // TLS connections accepted so far (a refused handshake counts in handshakeFailures()).
    int connections() const { return m_connections; }
    const QList<ReceivedRequest> &requests() const { return m_requests; }
    int handshakeFailures() const { return m_handshakeFailures; }

private:
    void serve(QSslSocket *socket);

    QSslServer m_server;
    Handler m_handler;
    QList<ReceivedRequest> m_requests;
    int m_handshakeFailures = 0;
    int m_connections = 0;
    bool m_keepAlive = false;
};
