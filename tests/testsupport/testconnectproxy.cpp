// The CONNECT proxy: parse the request line, connect, answer 200, then relay.
#include "testsupport/testconnectproxy.h"

#include <QTcpSocket>

#include <memory>

TestConnectProxy::TestConnectProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *client = m_server.nextPendingConnection())
            serve(client);
    });
    m_server.listen(QHostAddress::LocalHost, 0);
}

void TestConnectProxy::serve(QTcpSocket *client)
{
    auto buffer = std::make_shared<QByteArray>();
    auto *upstream = new QTcpSocket(client);
    connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    connect(client, &QTcpSocket::readyRead, this, [this, client, upstream, buffer] {
        if (upstream->state() == QAbstractSocket::ConnectedState) {
            upstream->write(client->readAll());
            return;
        }
        buffer->append(client->readAll());
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0 || upstream->state() != QAbstractSocket::UnconnectedState)
            return;
        const QByteArrayList requestLine = buffer->left(buffer->indexOf("\r\n")).split(' ');
        if (requestLine.value(0) != "CONNECT") {
            client->write("HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\n\r\n");
            client->disconnectFromHost();
            return;
        }
        const QByteArray target = requestLine.value(1);
        m_tunnels.append(target);
        buffer->remove(0, end + 4);
        const qsizetype colon = target.lastIndexOf(':');
        upstream->connectToHost(QString::fromLatin1(target.left(colon)), quint16(target.mid(colon + 1).toUInt()));
    });
    connect(upstream, &QTcpSocket::connected, client, [client, upstream, buffer] {
        client->write("HTTP/1.1 200 Connection established\r\n\r\n");
        if (!buffer->isEmpty())
            upstream->write(*buffer);
        buffer->clear();
    });
    connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
    connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    connect(upstream, &QTcpSocket::errorOccurred, client, [client, upstream](QAbstractSocket::SocketError) {
        if (upstream->state() != QAbstractSocket::ConnectedState) {
            client->write("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n");
            client->disconnectFromHost();
        }
    });
}
