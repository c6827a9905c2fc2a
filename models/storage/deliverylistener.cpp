// Listens for PostgreSQL notifications of new delivery attempts on a dedicated connection in its own thread.
#include "models/storage/deliverylistener.h"

#include "models/storage/database.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

// Lives in the listener's thread: the connection, and the socket notifier the driver creates for LISTEN,
// belong to the thread that opened them.
class DeliveryListenerWorker : public QObject
{
public:
    DeliveryListenerWorker(DatabaseUrl url, QString password, DeliveryListener::Options options,
                           DeliveryListener *listener)
        : m_url(std::move(url)), m_password(std::move(password)), m_options(options), m_listener(listener),
          m_timer(this)  // a child, so that it moves to the listener's thread with the worker
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_database)
                check();
            else
                connectNow();
        });
    }

    ~DeliveryListenerWorker() override { close(); }

    void start() { connectNow(); }

private:
    void connectNow()
    {
        auto database = std::make_unique<Database>();
        if (!database->open(m_url, m_password)) {
            lost(database->errorString());
            return;
        }
        QSqlDriver *driver = database->connection().driver();
        if (!driver || !driver->hasFeature(QSqlDriver::EventNotifications)) {
            // Nothing will ever change that: no retries.
            report(false, 0, DeliveryListener::tr("The database driver cannot deliver notifications."));
            return;
        }
        if (!driver->subscribeToNotification(DeliveryListener::channel())) {
            lost(Database::describe(driver->lastError()));
            return;
        }
        connect(driver, &QSqlDriver::notification, this, [this](const QString &name) {
            if (name != DeliveryListener::channel())
                return;
            DeliveryListener *listener = m_listener;
            QMetaObject::invokeMethod(listener, [listener] { emit listener->notified(); }, Qt::QueuedConnection);
        });
        QSqlQuery pid(database->connection());
        const qint64 backendPid = pid.exec(u"SELECT pg_backend_pid()"_s) && pid.next() ? pid.value(0).toLongLong() : 0;
        m_database = std::move(database);
        m_retryDelayMs = 0;
        report(true, backendPid, {});
        m_timer.start(m_options.checkIntervalMs);
    }

    // A dropped connection says nothing by itself (no notification comes): ask it something now and then.
    void check()
    {
        if (!m_database->connection().isOpen()) {
            lost(DeliveryListener::tr("The connection that listens for new attempts was closed."));
            return;
        }
        QSqlQuery query(m_database->connection());
        if (!query.exec(u"SELECT 1"_s) || !query.next()) {
            const QString reason = Database::describe(query.lastError());
            query = QSqlQuery();
            lost(DeliveryListener::tr("The connection that listens for new attempts was lost: %1").arg(reason));
            return;
        }
        m_timer.start(m_options.checkIntervalMs);
    }

    void lost(const QString &error)
    {
        close();
        m_retryDelayMs = m_retryDelayMs == 0 ? m_options.firstRetryDelayMs
                                             : std::min(m_retryDelayMs * 2, m_options.maxRetryDelayMs);
        report(false, 0, error);
        m_timer.start(m_retryDelayMs);
    }

    void close()
    {
        if (!m_database)
            return;
        if (QSqlDriver *driver = m_database->connection().driver())
            disconnect(driver, nullptr, this, nullptr);
        m_database.reset();
    }

    void report(bool listening, qint64 backendPid, const QString &error)
    {
        DeliveryListener *listener = m_listener;
        QMetaObject::invokeMethod(
            listener, [listener, listening, backendPid, error] { listener->onListening(listening, backendPid, error); },
            Qt::QueuedConnection);
    }

    DatabaseUrl m_url;
    QString m_password;
    DeliveryListener::Options m_options;
    DeliveryListener *m_listener;  // only as the context of queued calls: it outlives this worker
    std::unique_ptr<Database> m_database;
    QTimer m_timer;
    int m_retryDelayMs = 0;
};

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
    m_thread.setObjectName(u"DeliveryListener"_s);
    m_worker = new DeliveryListenerWorker(url, password, options, this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

DeliveryListener::~DeliveryListener()
{
    // The worker closes its connection in its own thread as the thread ends.
    m_thread.quit();
    m_thread.wait();
    if (m_worker && !m_thread.isFinished())
        delete m_worker;  // the thread never ran
}

void DeliveryListener::start()
{
    if (!m_worker || m_thread.isRunning())
        return;
    m_thread.start();
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
