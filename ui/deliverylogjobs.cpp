// Export and purge from the deliveries tab, each in a thread with a connection of its own, as the panel's task.
#include "ui/deliverylogjobs.h"

#include "models/storage/consolesettings.h"
#include "models/storage/deliverylogtask.h"
#include "ui/deliverytaskpanel.h"
#include "ui/filedialogs.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace {

// What a job leaves for the GUI thread: the log's answer, and how far the job had got, which a failure does not
// say (its progress is reported after every batch or page).
template<typename Summary>
struct JobOutcome
{
    Result<Summary> result = Failure{};
    qint64 done = 0;
};

// progress, noting in outcome how far the job got.
template<typename Summary>
DeliveryLog::Progress noting(const std::shared_ptr<JobOutcome<Summary>> &outcome, const DeliveryLog::Progress &progress)
{
    return [outcome, progress](qint64 done, qint64 total) {
        outcome->done = done;
        return progress(done, total);
    };
}

} // namespace

DeliveryLogJobs::DeliveryLogJobs(const DatabaseUrl &url, const QString &password, ConsoleSettings &settings,
                                 const Options &options, DeliveryTaskPanel *panel, QWidget *dialogParent)
    : m_url(url), m_password(password), m_settings(settings), m_options(options), m_panel(panel),
      m_dialogParent(dialogParent)
{
}

DeliveryLogJobs::~DeliveryLogJobs()
{
    if (m_job)
        disconnect(m_job.get(), nullptr, this, nullptr);
}

void DeliveryLogJobs::cancel()
{
    if (m_job)
        m_job->cancel();
}

QString DeliveryLogJobs::endJob()
{
    const QString connectionError = m_job->connectionError();
    m_job.release()->deleteLater();  // its finished() is being delivered: not deleted from inside it
    m_panel->setTask(DeliveryTaskPanel::Task::None);
    return connectionError;
}

void DeliveryLogJobs::chooseFileAndExport(const DeliveryFilter &filter)
{
    if (!m_panel->isIdle())
        return;
    const QString csv = tr("CSV (*.csv)");
    const QString jsonLines = tr("JSON Lines (*.jsonl)");
    QFileDialog *chooser = FileDialogs::create(m_dialogParent, tr("Export Deliveries"), QString(),
                                               csv + u";;"_s + jsonLines, QFileDialog::AcceptSave);
    chooser->setObjectName(u"exportFileChooser"_s);
    chooser->setDefaultSuffix(u"csv"_s);
    chooser->selectFile(u"deliveries-%1.csv"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
    connect(chooser, &QFileDialog::filterSelected, chooser, [chooser, jsonLines](const QString &chosen) {
        chooser->setDefaultSuffix(chosen == jsonLines ? u"jsonl"_s : u"csv"_s);
    });
    connect(chooser, &QFileDialog::fileSelected, this, [this, chooser, jsonLines, filter](const QString &path) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        const bool lines = suffix == u"jsonl" || suffix == u"ndjson"
                           || (suffix != u"csv" && chooser->selectedNameFilter() == jsonLines);
        exportTo(filter, path, lines ? DeliveryLog::ExportFormat::JsonLines : DeliveryLog::ExportFormat::Csv);
    });
    chooser->open();
}

bool DeliveryLogJobs::exportTo(const DeliveryFilter &filter, const QString &path, DeliveryLog::ExportFormat format)
{
    if (!m_panel->isIdle())
        return false;
    const int pageSize = m_options.exportPageSize;
    auto outcome = std::make_shared<JobOutcome<DeliveryLog::ExportSummary>>();
    // Only reads: Cancel interrupts the page in hand.
    m_job = std::make_unique<DeliveryLogTask>(
        m_url, m_password, DeliveryLogTask::Stop::AtOnce,
        [filter, format, path, pageSize, outcome](Database &database, const DeliveryLog::Progress &progress) {
            // Written beside the target and renamed at the end: a cancelled or failed export leaves no half file.
            QSaveFile file(path);
            // The export holds patient data: private to its owner before the first byte is written (the umask is
            // the whole process's, so it is not changed from this thread).
            if (!file.open(QIODevice::WriteOnly)
                || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
                outcome->result = Failure{ErrorCode::Unavailable,
                                          DeliveryLogJobs::tr("Cannot write %1: %2").arg(path, file.errorString())};
                return;
            }
            outcome->result = DeliveryLog(database).exportTo(filter, QDateTime::currentDateTimeUtc(), format, &file,
                                                             noting(outcome, progress), pageSize);
            if (!outcome->result || outcome->result->cancelled) {
                file.cancelWriting();
                return;
            }
            if (!file.commit())
                outcome->result = Failure{ErrorCode::Unavailable,
                                          DeliveryLogJobs::tr("Cannot save %1: %2").arg(path, file.errorString())};
        });
    connect(m_job.get(), &DeliveryLogTask::progress, m_panel, &DeliveryTaskPanel::setProgress);
    connect(m_job.get(), &DeliveryLogTask::finished, this, [this, outcome, path] {
        const bool cancelled = m_job->isCancelled();
        Result<DeliveryLog::ExportSummary> &result = outcome->result;
        if (const QString connectionError = endJob(); !connectionError.isEmpty())
            result = Failure{ErrorCode::Unavailable, connectionError};
        // An interrupted page fails the export; it was cancelled all the same, and nothing was written.
        if (cancelled && !result)
            result = DeliveryLog::ExportSummary{outcome->done, true};
        const QString name = QFileInfo(path).fileName();
        if (!result)
            emit message(tr("The export failed: %1").arg(result.message()), true);
        else if (result->cancelled)
            emit message(tr("The export was cancelled; “%1” was not written.").arg(name), false);
        else
            emit message(tr("Exported %Ln attempt(s) to “%1”.", nullptr, int(std::min<qint64>(result->rows, INT_MAX)))
                             .arg(QDir::toNativeSeparators(path)),
                         false);
        emit exportFinished(result);
    });
    emit message(QString(), false);
    m_panel->setTask(DeliveryTaskPanel::Task::Export, tr("Exporting to “%1”…").arg(QFileInfo(path).fileName()));
    m_job->start();
    return true;
}

void DeliveryLogJobs::askAndPurge()
{
    if (!m_panel->isIdle())
        return;
    const int days = m_settings.retentionDays();
    const QDateTime cutoff = QDateTime::currentDateTime().addDays(-days);
    auto *question = new QMessageBox(m_dialogParent);
    question->setObjectName(u"purgeConfirmation"_s);
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->setIcon(QMessageBox::Warning);
    question->setWindowTitle(tr("Purge Old Deliveries"));
    const QLocale locale;
    question->setText(
        tr("Delete every delivery attempt older than %Ln day(s), that is, started before %1 %2?", nullptr, days)
            .arg(locale.toString(cutoff.date(), QLocale::LongFormat),
                 locale.toString(cutoff.time(), QLocale::ShortFormat)));
    question->setInformativeText(tr("This cannot be undone. The attempts are deleted in batches while you keep "
                                    "working, and the purge is written to the audit log. The retention period is set "
                                    "in the settings."));
    QPushButton *purge = question->addButton(tr("Purge"), QMessageBox::DestructiveRole);
    question->addButton(QMessageBox::Cancel);
    question->setDefaultButton(QMessageBox::Cancel);
    connect(question, &QMessageBox::finished, this, [this, question, purge, days] {
        if (question->clickedButton() == purge)
            purgeOlderThan(days);
    });
    question->open();
}

bool DeliveryLogJobs::purgeOlderThan(int days)
{
    if (!m_panel->isIdle())
        return false;
    const int batchSize = m_options.purgeBatchSize;
    auto outcome = std::make_shared<JobOutcome<DeliveryLog::PurgeSummary>>();
    m_job = std::make_unique<DeliveryLogTask>(
        m_url, m_password, [days, batchSize, outcome](Database &database, const DeliveryLog::Progress &progress) {
            outcome->result = DeliveryLog(database).purge(days, QDateTime::currentDateTimeUtc(), batchSize,
                                                          noting(outcome, progress));
        });
    connect(m_job.get(), &DeliveryLogTask::progress, m_panel, &DeliveryTaskPanel::setProgress);
    connect(m_job.get(), &DeliveryLogTask::finished, this, [this, outcome, days] {
        Result<DeliveryLog::PurgeSummary> &result = outcome->result;
        if (const QString connectionError = endJob(); !connectionError.isEmpty())
            result = Failure{ErrorCode::Unavailable, connectionError};
        const QLocale locale;
        const QString deleted = locale.toString(result ? result->deleted : outcome->done);
        if (!result)
            emit message(tr("The purge stopped after deleting %1 attempts: %2").arg(deleted, result.message()), true);
        else if (result->cancelled)
            emit message(tr("The purge was cancelled after deleting %1 attempts older than %Ln day(s).", nullptr, days)
                             .arg(deleted),
                         false);
        else
            emit message(tr("Deleted %1 attempts older than %Ln day(s).", nullptr, days).arg(deleted), false);
        emit purged(result);
    });
    emit message(QString(), false);
    m_panel->setTask(DeliveryTaskPanel::Task::Purge, tr("Deleting attempts older than %Ln day(s)…", nullptr, days));
    m_job->start();
    return true;
}
