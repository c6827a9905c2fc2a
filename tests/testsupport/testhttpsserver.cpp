#include "testsupport/testhttpsserver.h"

#include <QMessageAuthenticationCode>

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

#include <memory>

QByteArray ReceivedRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QSslConfiguration serverTlsConfiguration(const TestCertificate &identity)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(identity.certificate);
    tls.setPrivateKey(identity.key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

TestHttpsServer::TestHttpsServer(const TestCertificate &identity, QObject *parent)
    : QObject(parent)
{
    m_server.setSslConfiguration(serverTlsConfiguration(identity));
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            serve(static_cast<QSslSocket *>(socket));
        }
    });
    connect(&m_server, &QSslServer::errorOccurred, this, [this](QSslSocket *, QAbstractSocket::SocketError) {
        ++m_handshakeFailures;
    });
    connect(&m_server, &QSslServer::peerVerifyError, this, [](QSslSocket *, const QSslError &) {});
    m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TestHttpsServer::url(const QString &host, const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host);
    url.setPort(port());
    url.setPath(path);
    return url;
}

void TestHttpsServer::serve(QSslSocket *socket)
{
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QSslSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        ReceivedRequest request;
        const QByteArrayList lines = buffer->left(headerEnd).split('\n');
        const QByteArrayList requestLine = lines.first().trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            const QByteArray name = lines.at(i).left(colon).trimmed();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        if (buffer->size() < headerEnd + 4 + contentLength)
            return;
        request.body = buffer->mid(headerEnd + 4, contentLength);
        buffer->remove(0, headerEnd + 4 + contentLength);
        m_requests.append(request);
        const ScriptedAnswer answer = m_handler ? m_handler(request) : ScriptedAnswer{};

        switch (answer.mode) {
        case ScriptedAnswer::Mode::Hang:
            return;
        case ScriptedAnswer::Mode::Garbage:
            static const char garbage[] = "\x00\xff\xfe garbage that is not HTTP\r\n\r\n";
            socket->write(QByteArray(garbage, sizeof(garbage) - 1)); // the bytes, NUL first, without the terminator
            socket->disconnectFromHost();
            return;
        case ScriptedAnswer::Mode::Trickle: {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [socket] { socket->write("."); });
            timer->start(100);
            return;
        }
        case ScriptedAnswer::Mode::Raw:
            socket->write(answer.body);
            socket->disconnectFromHost();
            return;
        case ScriptedAnswer::Mode::Respond:
            break;
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + answer.reason + "\r\n";
        for (const auto &[name, value] : answer.headers)
            head += name + ": " + value + "\r\n";
        const qint64 length = answer.generatedBodyBytes > 0 ? answer.generatedBodyBytes : answer.body.size();
        const bool keepAlive = m_keepAlive && answer.generatedBodyBytes <= 0;
        head += "Content-Length: " + QByteArray::number(length)
                + (keepAlive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
        socket->write(head);
        if (answer.generatedBodyBytes <= 0) {
            socket->write(answer.body);
            if (!keepAlive)
                socket->disconnectFromHost();
            return;
        }
        // A large answer goes out in pieces as the client takes them, so the test itself stays small.
        auto remaining = std::make_shared<qint64>(answer.generatedBodyBytes);
        auto refill = [socket, remaining] {
            static const QByteArray chunk(256 * 1024, 'z');
            while (*remaining > 0 && socket->encryptedBytesToWrite() + socket->bytesToWrite() < 1024 * 1024) {
                const qint64 size = std::min<qint64>(*remaining, chunk.size());
                socket->write(chunk.constData(), size);
                *remaining -= size;
            }
            if (*remaining == 0) {
                *remaining = -1;
                socket->disconnectFromHost();
            }
        };
        connect(socket, &QSslSocket::encryptedBytesWritten, socket, refill);
        refill();
    });
}

QByteArray standardWebhooksSignature(const ReceivedRequest &request, const QString &secret)
{
    const QByteArray key = QByteArray::fromBase64(secret.mid(6).toLatin1());
    const QByteArray content = request.header("webhook-id") + '.' + request.header("webhook-timestamp") + '.' + request.body;
    return "v1," + QMessageAuthenticationCode::hash(content, key, QCryptographicHash::Sha256).toBase64();
}

bool carriesStandardWebhooksSignature(const ReceivedRequest &request, const QString &secret)
{
    return request.header("webhook-signature").split(' ').contains(standardWebhooksSignature(request, secret));
}
