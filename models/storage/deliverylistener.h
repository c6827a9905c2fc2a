// Listens for PostgreSQL notifications of new delivery attempts on a dedicated connection in its own thread.
#pragma once

#include "models/storage/databaseurl.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

class DeliveryListenerWorker;

// The connection is opened, subscribed, checked and reopened in the listener's thread, so a server that is slow
// or gone never blocks the window. While the connection is lost, the listener tries again with a growing delay
// and subscribes anew; listeningChanged(true) then tells the view to catch up on what it missed.
class DeliveryListener : public QObject
{
    Q_OBJECT
public:
    static QString channel();  // "goreporter_deliveries", what the triggers of migrations 3 and 7 notify

    struct Options
    {
        int checkIntervalMs = 5000;   // how often a quiet connection is checked to still be there
        int firstRetryDelayMs = 1000; // after a lost connection; doubles up to maxRetryDelayMs
        int maxRetryDelayMs = 30000;
    };

    DeliveryListener(const DatabaseUrl &url, const QString &password, QObject *parent = nullptr);
    DeliveryListener(const DatabaseUrl &url, const QString &password, const Options &options, QObject *parent = nullptr);
    // Asks the thread to end and returns at once; it closes the connection and ends by itself (BackgroundThreads).
    ~DeliveryListener() override;

    // Connects and subscribes; does nothing for SQLite databases.
    void start();
    bool isListening() const { return m_listening; }
    QString errorString() const { return m_errorString; }
    // The server process of the listening connection (0 while not listening), e.g. to find it in pg_stat_activity.
    qint64 backendPid() const { return m_backendPid; }

signals:
    // Attempts were inserted or completed (by anyone, this program included).
    void notified();
    // listening: subscribed now; otherwise error says why not, and a new attempt is scheduled.
    void listeningChanged(bool listening, const QString &error);

private:
    void onListening(bool listening, qint64 backendPid, const QString &error);

    // Owned by BackgroundThreads once started; a QPointer, because at exit it may go before this object.
    QPointer<QThread> m_thread;
    DeliveryListenerWorker *m_worker = nullptr;  // lives in m_thread, deleted there when it finishes
    bool m_started = false;
    bool m_listening = false;
    qint64 m_backendPid = 0;
    QString m_errorString;
};
