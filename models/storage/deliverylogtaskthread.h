// The thread a DeliveryLogTask runs its job in, with the connection it opens there (implemented with the task).
#pragma once

#include "models/storage/deliverylogtask.h"

#include <QThread>

// Owned by BackgroundThreads, so it outlives the task: the task may be destroyed while the job runs. Its signals
// reach the task queued, and not at all once the task is gone.
class DeliveryLogTaskThread : public QThread
{
    Q_OBJECT
public:
    DeliveryLogTaskThread(DatabaseUrl url, QString password, DeliveryLogTask::Job job,
                          std::shared_ptr<std::atomic<bool>> cancelled, std::shared_ptr<QueryCanceller> canceller);

signals:
    void progressed(qint64 done, qint64 total);
    // The job returned; connectionError is set when the connection could not be opened (the job did not run).
    void ended(const QString &connectionError);

protected:
    void run() override;

private:
    DatabaseUrl m_url;
    QString m_password;
    DeliveryLogTask::Job m_job;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    std::shared_ptr<QueryCanceller> m_canceller;
};
