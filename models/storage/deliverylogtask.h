// Runs one long delivery-log job (export, purge, finding failed events) in a thread with a connection of its own.
#pragma once

#include "models/storage/databaseurl.h"
#include "models/storage/deliverylog.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

// The window stays usable while the job runs; the job learns of a cancellation through its progress callback,
// which returns false from then on, so it stops after the batch or page in hand.
class DeliveryLogTask : public QObject
{
    Q_OBJECT
public:
    // Runs in the task's thread. The job keeps its results itself (e.g. in a shared_ptr the caller holds).
    using Job = std::function<void(Database &database, const DeliveryLog::Progress &progress)>;

    DeliveryLogTask(const DatabaseUrl &url, const QString &password, Job job, QObject *parent = nullptr);
    // Cancels, and waits for the batch in hand: a job must not outlive the window that shows it.
    ~DeliveryLogTask() override;

    void start();
    void cancel() { m_cancelled->store(true); }
    bool isCancelled() const { return m_cancelled->load(); }
    bool isRunning() const;
    // Set when the task's own connection could not be opened (the job did not run).
    QString connectionError() const { return m_connectionError; }

signals:
    void progress(qint64 done, qint64 total);
    void finished();

private:
    DatabaseUrl m_url;
    QString m_password;
    Job m_job;
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    std::unique_ptr<QThread> m_thread;
    QString m_connectionError;
};
