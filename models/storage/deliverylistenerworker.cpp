// The listener's worker: subscribes on a connection of its own thread, checks it now and then, reconnects.
#include "models/storage/deliverylistenerworker.h"

#include "models/storage/database.h"

#include <QSqlDriver>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

DeliveryListenerWorker::DeliveryListenerWorker(DatabaseUrl url, QString password, DeliveryListener::Options options)
    : m_url(std::move(url)), m_password(std::move(password)), m_options(options),
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

DeliveryListenerWorker::~DeliveryListenerWorker()
{
    close();
}

void DeliveryListenerWorker::connectNow()
{
    auto database = std::make_unique<Database>();
    if (!database->open(m_url, m_password)) {
        lost(database->errorString());
        return;
    }
    QSqlDriver *driver = database->connection().driver();
    if (!driver || !driver->hasFeature(QSqlDriver::EventNotifications)) {
        // Nothing will ever change that: no retries.
        emit listening(false, 0, DeliveryListener::tr("The database driver cannot deliver notifications."));
        return;
    }
    if (!driver->subscribeToNotification(DeliveryListener::channel())) {
        lost(Database::describe(driver->lastError()));
        return;
    }
    connect(driver, &QSqlDriver::notification, this, [this](const QString &name) {
        if (name == DeliveryListener::channel())
            emit notified();
    });
    QSqlQuery pid(database->connection());
    const qint64 backendPid = pid.exec(u"SELECT pg_backend_pid()"_s) && pid.next() ? pid.value(0).toLongLong() : 0;
    m_database = std::move(database);
    m_retryDelayMs = 0;
    emit listening(true, backendPid, {});
    m_timer.start(m_options.checkIntervalMs);
}

void DeliveryListenerWorker::check()
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

void DeliveryListenerWorker::lost(const QString &error)
{
    close();
    m_retryDelayMs = m_retryDelayMs == 0 ? m_options.firstRetryDelayMs
                                         : std::min(m_retryDelayMs * 2, m_options.maxRetryDelayMs);
    emit listening(false, 0, error);
    m_timer.start(m_retryDelayMs);
}

void DeliveryListenerWorker::close()
{
    if (!m_database)
        return;
    if (QSqlDriver *driver = m_database->connection().driver())
        disconnect(driver, nullptr, this, nullptr);
    m_database.reset();
}
