// The listener's worker: the LISTEN connection, opened, checked and reopened in the listener's thread.
#pragma once

#include "models/storage/deliverylistener.h"

#include <QObject>
#include <QTimer>

#include <memory>

class Database;

// Lives in the listener's thread: the connection, and the socket notifier the driver creates for LISTEN,
// belong to the thread that opened them. It reports by signals, queued to the listener: a listener destroyed
// meanwhile simply receives nothing. Deleted in its thread as the thread ends, closing the connection there.
class DeliveryListenerWorker : public QObject
{
    Q_OBJECT
public:
    DeliveryListenerWorker(DatabaseUrl url, QString password, DeliveryListener::Options options);
    ~DeliveryListenerWorker() override;

    void start() { connectNow(); }

signals:
    void notified();
    void listening(bool listening, qint64 backendPid, const QString &error);

private:
    void connectNow();
    // A dropped connection says nothing by itself (no notification comes): ask it something now and then.
    void check();
    void lost(const QString &error);
    void close();

    DatabaseUrl m_url;
    QString m_password;
    DeliveryListener::Options m_options;
    std::unique_ptr<Database> m_database;
    QTimer m_timer;
    int m_retryDelayMs = 0;
};
