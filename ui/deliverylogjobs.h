// Export and purge from the deliveries tab, each in a thread with a connection of its own, as the panel's task.
#pragma once

#include "models/storage/databaseurl.h"
#include "models/storage/deliveryfilter.h"
#include "models/storage/deliverylog.h"

#include <QObject>

#include <memory>

class ConsoleSettings;
class DeliveryLogTask;
class DeliveryTaskPanel;
class QWidget;

class DeliveryLogJobs : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int purgeBatchSize = 5000;
        int exportPageSize = 500;
    };

    // settings: the retention days the purge asks about; dialogParent: of the file chooser and the question.
    DeliveryLogJobs(const DatabaseUrl &url, const QString &password, ConsoleSettings &settings, const Options &options,
                    DeliveryTaskPanel *panel, QWidget *dialogParent);
    // Cancels a running job without waiting: it ends after the batch (purge) or statement (export) in hand.
    ~DeliveryLogJobs() override;

    // Asks for a file (CSV or JSON Lines), then exports filter.
    void chooseFileAndExport(const DeliveryFilter &filter);
    // Exports every attempt of filter to path; false when a task is running already.
    bool exportTo(const DeliveryFilter &filter, const QString &path, DeliveryLog::ExportFormat format);
    // Asks, with the cutoff date, then purges attempts older than the retention setting.
    void askAndPurge();
    // Purges attempts older than days without asking; false when a task is running already.
    bool purgeOlderThan(int days);
    // Stops the running job after the batch or page in hand.
    void cancel();

signals:
    void message(const QString &text, bool problem);
    // A cancelled export (also one whose page in hand was interrupted) is an ok result with cancelled set.
    void exportFinished(const Result<DeliveryLog::ExportSummary> &result);
    // Attempts were deleted (or may have been): listings of the log are out of date.
    void purged(const Result<DeliveryLog::PurgeSummary> &result);

private:
    // Ends the panel's task; returns why the job could not run, or nothing when it ran.
    QString endJob();

    DatabaseUrl m_url;
    QString m_password;
    ConsoleSettings &m_settings;
    Options m_options;
    DeliveryTaskPanel *m_panel;
    QWidget *m_dialogParent;
    std::unique_ptr<DeliveryLogTask> m_job;
};
