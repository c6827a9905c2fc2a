// Runs one long delivery-log job (export, purge, finding failed events) in a thread with a connection of its own.
#pragma once

#include "models/storage/databaseurl.h"
#include "models/storage/deliverylog.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QueryCanceller;

// The window stays usable while the job runs; the job learns of a cancellation through its progress callback,
// which returns false from then on, so it stops after the batch or page in hand. A task that may stop in the
// middle of a statement (one that only reads) has that statement interrupted too.
class DeliveryLogTask : public QObject
{
    Q_OBJECT
public:
    // Runs in the task's thread. The job keeps its results itself (e.g. in a shared_ptr the caller holds), and
    // must not refer to anything that may go before its thread ends.
    using Job = std::function<void(Database &database, const DeliveryLog::Progress &progress)>;
    enum class Stop {
        AfterStep,    // a job that writes, e.g. a purge: the batch in hand is finished and recorded
        AtOnce,       // a job that only reads: its running statement is interrupted (and fails)
    };

    DeliveryLogTask(const DatabaseUrl &url, const QString &password, Job job, QObject *parent = nullptr);
    DeliveryLogTask(const DatabaseUrl &url, const QString &password, Stop stop, Job job, QObject *parent = nullptr);
    // Cancels and returns at once: the thread ends by itself after the statement or batch in hand and closes its
    // connection there (see BackgroundThreads). Nothing of the job reaches this object any more.
    ~DeliveryLogTask() override;

    void start();
    void cancel();
    bool isCancelled() const { return m_cancelled->load(); }
    // Started and finished() not yet emitted.
    bool isRunning() const { return m_started && !m_ended; }
    // Set when the task's own connection could not be opened (the job did not run).
    QString connectionError() const { return m_connectionError; }

signals:
    void progress(qint64 done, qint64 total);
    // The job has returned (or could not start); a job stopped by cancel() ends like this too.
    void finished();

private:
    DatabaseUrl m_url;
    QString m_password;
    Job m_job;
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<QueryCanceller> m_canceller;
    bool m_started = false;
    bool m_ended = false;
    QString m_connectionError;
};
