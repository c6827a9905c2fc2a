// A loopback HTTP proxy that speaks only CONNECT, as hospital proxies do for https: it records each tunnel's
// target and pipes the bytes both ways without looking into them.
#pragma once

#include <QByteArrayList>
#include <QObject>
#include <QTcpServer>

class TestConnectProxy : public QObject
{
    Q_OBJECT
public:
    explicit TestConnectProxy(QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    // "127.0.0.1:8443", one per CONNECT, in order.
    const QByteArrayList &tunnels() const { return m_tunnels; }

private:
    void serve(QTcpSocket *client);

    QTcpServer m_server;
    QByteArrayList m_tunnels;
};
