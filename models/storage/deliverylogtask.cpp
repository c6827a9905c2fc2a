// Runs one long delivery-log job (export, purge, finding failed events) in a thread with a connection of its own.
#include "models/storage/deliverylogtask.h"

#include "models/storage/backgroundthreads.h"
#include "models/storage/database.h"
#include "models/storage/deliverylogtaskthread.h"
#include "models/storage/querycanceller.h"

DeliveryLogTaskThread::DeliveryLogTaskThread(DatabaseUrl url, QString password, DeliveryLogTask::Job job,
                                             std::shared_ptr<std::atomic<bool>> cancelled,
                                             std::shared_ptr<QueryCanceller> canceller)
    : m_url(std::move(url)), m_password(std::move(password)), m_job(std::move(job)),
      m_cancelled(std::move(cancelled)), m_canceller(std::move(canceller))
{
    setObjectName(QStringLiteral("DeliveryLogTask"));
}

void DeliveryLogTaskThread::run()
{
    // A QSqlDatabase connection belongs to the thread that opened it: this one is opened, used and closed here.
    Database database;
    if (!database.open(m_url, m_password)) {
        emit ended(database.errorString());
        return;
    }
    if (m_canceller)
        m_canceller->attach(database);
    // A read cancelled while it connected does not start (its statements would fail); a job that stops after
    // its step runs its first one, and its progress callback then tells it to stop.
    if (!m_canceller || !m_cancelled->load()) {
        m_job(database, [this](qint64 done, qint64 total) {
            emit progressed(done, total);
            return !m_cancelled->load();
        });
    }
    if (m_canceller)
        m_canceller->detach();
    database.close();
    emit ended(QString());
}

DeliveryLogTask::DeliveryLogTask(const DatabaseUrl &url, const QString &password, Job job, QObject *parent)
    : DeliveryLogTask(url, password, Stop::AfterStep, std::move(job), parent)
{
}

DeliveryLogTask::DeliveryLogTask(const DatabaseUrl &url, const QString &password, Stop stop, Job job,
                                 QObject *parent)
    : QObject(parent), m_url(url), m_password(password), m_job(std::move(job)),
      m_canceller(stop == Stop::AtOnce ? std::make_shared<QueryCanceller>() : nullptr)
{
}

DeliveryLogTask::~DeliveryLogTask()
{
    cancel();
}

void DeliveryLogTask::cancel()
{
    m_cancelled->store(true);
    if (m_canceller)
        m_canceller->cancel();
}

void DeliveryLogTask::start()
{
    if (m_started)
        return;
    m_started = true;
    auto *thread = new DeliveryLogTaskThread(m_url, m_password, std::move(m_job), m_cancelled, m_canceller);
    connect(thread, &DeliveryLogTaskThread::progressed, this, &DeliveryLogTask::progress);
    connect(thread, &DeliveryLogTaskThread::ended, this, [this](const QString &connectionError) {
        m_connectionError = connectionError;
        m_ended = true;
        emit finished();
    });
    BackgroundThreads::start(thread);
}
