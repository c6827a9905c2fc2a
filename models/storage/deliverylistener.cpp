// Listens for PostgreSQL notifications of new delivery attempts on a dedicated connection in its own thread.
#include "models/storage/deliverylistener.h"

#include "models/storage/backgroundthreads.h"
#include "models/storage/deliverylistenerworker.h"

#include <QThread>

using namespace Qt::StringLiterals;

QString DeliveryListener::channel()
{
    return u"goreporter_deliveries"_s;
}

DeliveryListener::DeliveryListener(const DatabaseUrl &url, const QString &password, QObject *parent)
    : DeliveryListener(url, password, Options(), parent)
{
}

DeliveryListener::DeliveryListener(const DatabaseUrl &url, const QString &password, const Options &options,
                                   QObject *parent)
    : QObject(parent)
{
    if (url.engine() != DatabaseUrl::Engine::PostgreSQL)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(u"DeliveryListener"_s);
    m_worker = new DeliveryListenerWorker(url, password, options);
    m_worker->moveToThread(m_thread);
    // Deleted in its own thread as the thread ends, and its connection closed there.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DeliveryListenerWorker::notified, this, &DeliveryListener::notified);
    connect(m_worker, &DeliveryListenerWorker::listening, this, &DeliveryListener::onListening);
}

DeliveryListener::~DeliveryListener()
{
    if (!m_thread)
        return;  // SQLite, or the application has ended the thread already
    if (!m_started) {
        delete m_worker;
        delete m_thread;
        return;
    }
    // Not waited for: a connection attempt in hand ends within its timeout, and the thread then by itself.
    m_thread->quit();
}

void DeliveryListener::start()
{
    if (!m_worker || m_started)
        return;
    m_started = true;
    BackgroundThreads::start(m_thread);
    DeliveryListenerWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->start(); }, Qt::QueuedConnection);
}

void DeliveryListener::onListening(bool listening, qint64 backendPid, const QString &error)
{
    const bool changed = listening != m_listening || error != m_errorString;
    m_listening = listening;
    m_backendPid = backendPid;
    m_errorString = error;
    if (changed || listening)
        emit listeningChanged(listening, error);
}
