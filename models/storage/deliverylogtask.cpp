// Runs one long delivery-log job (export, purge, finding failed events) in a thread with a connection of its own.
#include "models/storage/deliverylogtask.h"

#include "models/storage/database.h"

#include <QThread>

DeliveryLogTask::DeliveryLogTask(const DatabaseUrl &url, const QString &password, Job job, QObject *parent)
    : QObject(parent), m_url(url), m_password(password), m_job(std::move(job))
{
}

DeliveryLogTask::~DeliveryLogTask()
{
    cancel();
    if (m_thread)
        m_thread->wait();
}

bool DeliveryLogTask::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void DeliveryLogTask::start()
{
    if (m_thread)
        return;
    m_thread.reset(QThread::create([this] {
        // A QSqlDatabase connection belongs to the thread that opened it: this one is opened, used and closed here.
        Database database;
        if (!database.open(m_url, m_password)) {
            m_connectionError = database.errorString();
            return;
        }
        const std::shared_ptr<std::atomic<bool>> cancelled = m_cancelled;
        m_job(database, [this, cancelled](qint64 done, qint64 total) {
            emit progress(done, total);
            return !cancelled->load();
        });
    }));
    m_thread->setObjectName(QStringLiteral("DeliveryLogTask"));
    // finished() of the thread comes from the thread itself: queued to this object, after the thread's work.
    connect(m_thread.get(), &QThread::finished, this, &DeliveryLogTask::finished);
    m_thread->start();
}
