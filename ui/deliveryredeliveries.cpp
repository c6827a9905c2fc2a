// Redelivery from the deliveries tab: one attempt (asking first where a copy needs a yes), or every failed event.
#include "ui/deliveryredeliveries.h"

#include "models/storage/deliverylogtask.h"
#include "ui/deliverytaskpanel.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

DeliveryRedeliveries::DeliveryRedeliveries(const RedeliveryServices &services, const DatabaseUrl &url,
                                           const QString &password, double maxPerSecond, DeliveryTaskPanel *panel,
                                           QWidget *dialogParent)
    : m_services(services), m_url(url), m_password(password), m_maxPerSecond(maxPerSecond), m_panel(panel),
      m_dialogParent(dialogParent)
{
}

DeliveryRedeliveries::~DeliveryRedeliveries()
{
    // Stop the batch before its services go; a running search is cancelled by its destructor (without waiting).
    // Nothing of theirs may reach this object any more.
    for (QObject *job : {static_cast<QObject *>(m_bulk.data()), static_cast<QObject *>(m_redelivery.data()),
                         static_cast<QObject *>(m_search.get())})
        if (job)
            disconnect(job, nullptr, this, nullptr);
    if (m_bulk)
        m_bulk->cancel();
    delete m_bulk;
    delete m_redelivery;
}

void DeliveryRedeliveries::cancel()
{
    if (m_search)
        m_search->cancel();
    if (m_bulk)
        m_bulk->cancel();
}

void DeliveryRedeliveries::redeliver(const DeliveryListRow &shown)
{
    if (m_redelivery)
        return;
    const qint64 id = shown.id;
    const QString what = tr("Attempt %1 of event %2").arg(shown.attempt).arg(shown.eventId);
    if (!shown.success) {
        start(id, false, what);
        return;
    }
    // The receiver has this one already: a second copy only on an explicit yes.
    ask(u"duplicateRedeliveryConfirmation"_s, tr("Send a Delivered Attempt Again?"),
        tr("The receiver accepted this attempt (HTTP %2): %1. Sending it again gives the receiver a "
           "duplicate (with the same webhook-id, so that it can recognise it).")
            .arg(what)
            .arg(shown.responseStatus.value_or(0)),
        tr("Send Again"), [this, id, what](bool yes) { yes ? start(id, false, what) : decline(id, what); });
}

void DeliveryRedeliveries::decline(qint64 id, const QString &what)
{
    emit message(tr("%1: not redelivered.").arg(what), false);
    emit redeliveryDeclined(id);
}

void DeliveryRedeliveries::ask(const QString &objectName, const QString &title, const QString &text,
                               const QString &acceptText, const std::function<void(bool)> &answered)
{
    auto *question = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, m_dialogParent);
    question->setObjectName(objectName);
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *accept = question->addButton(acceptText, QMessageBox::AcceptRole);
    question->addButton(QMessageBox::Cancel);
    connect(question, &QMessageBox::finished, this,
            [question, accept, answered] { answered(question->clickedButton() == accept); });
    question->open();
}

void DeliveryRedeliveries::start(qint64 id, bool allowInactive, const QString &what)
{
    RedeliveryOptions options;
    options.allowInactive = allowInactive;
    RedeliveryTask *task = Redelivery::start(m_services, id, options, this);
    m_redelivery = task;
    m_lastMessage = tr("%1: redelivering…").arg(what);
    emit message(m_lastMessage, false);
    emit busyChanged();
    connect(task, &RedeliveryTask::finished, this, [this, id, what](const RedeliveryOutcome &outcome) {
        m_redelivery = nullptr;
        emit busyChanged();
        if (outcome.status == RedeliveryOutcome::Status::Refused
            && outcome.refusal == DeliveryRefusal::WebhookInactive) {
            // Switched off on purpose: only on an explicit yes.
            ask(u"inactiveRedeliveryConfirmation"_s, tr("Redeliver to a Disabled Webhook?"), outcome.message,
                tr("Redeliver Anyway"), [this, id, what](bool yes) { yes ? start(id, true, what) : decline(id, what); });
            return;
        }
        bool problem = false;
        switch (outcome.status) {
        case RedeliveryOutcome::Status::Delivered:
            m_lastMessage = tr("%1: redelivered; the receiver accepted it (HTTP %2).").arg(what).arg(outcome.result.status);
            break;
        case RedeliveryOutcome::Status::Failed:
            m_lastMessage = tr("%1: the redelivery failed: %2").arg(what, outcome.message);
            problem = true;
            break;
        case RedeliveryOutcome::Status::Refused:
            m_lastMessage = tr("%1: not redelivered: %2").arg(what, outcome.message);
            problem = true;
            break;
        case RedeliveryOutcome::Status::Cancelled:
            m_lastMessage = tr("%1: the redelivery was cancelled.").arg(what);
            break;
        }
        if (!outcome.recordError.isEmpty()) {
            m_lastMessage = tr("%1 It could not be recorded in the delivery log: %2").arg(m_lastMessage, outcome.recordError);
            problem = true;
        }
        emit message(m_lastMessage, problem);
        if (outcome.sent && outcome.record.id != 0)
            emit attemptRecorded(outcome.record.id, outcome.record.startedAt.toMSecsSinceEpoch());
        emit redeliveryFinished(outcome);
    });
}

void DeliveryRedeliveries::redeliverAllFailed(const DeliveryFilter &filter)
{
    if (!m_panel->isIdle())
        return;
    auto ids = std::make_shared<std::optional<Result<QList<qint64>>>>();
    m_search = std::make_unique<DeliveryLogTask>(
        m_url, m_password, DeliveryLogTask::Stop::AtOnce,
        [filter, ids](Database &database, const DeliveryLog::Progress &) {
            *ids = DeliveryLog(database).newestFailedAttempts(filter, QDateTime::currentDateTimeUtc());
        });
    connect(m_search.get(), &DeliveryLogTask::finished, this, [this, ids] {
        const bool cancelled = m_search->isCancelled();
        const QString connectionError = m_search->connectionError();
        m_search.release()->deleteLater();
        m_panel->setTask(DeliveryTaskPanel::Task::None);
        if (cancelled)
            return;
        if (!connectionError.isEmpty() || !*ids || !**ids) {
            const QString reason = !connectionError.isEmpty() ? connectionError
                                   : *ids                     ? (*ids)->message()
                                                              : QString();
            emit message(tr("The failed events cannot be found: %1").arg(reason), true);
            return;
        }
        confirmBulk((*ids)->value());
    });
    emit message(QString(), false);
    m_panel->setTask(DeliveryTaskPanel::Task::FindingFailed, tr("Finding the failed events of this filter…"));
    m_search->start();
}

void DeliveryRedeliveries::confirmBulk(const QList<qint64> &ids)
{
    if (ids.isEmpty()) {
        emit message(tr("No failed event of this filter needs redelivering: every one was delivered on a later "
                        "attempt, or nothing failed."),
                     false);
        return;
    }
    const QLocale locale;
    const double perSecond = std::max(0.1, m_maxPerSecond);
    const qint64 seconds = qint64(std::ceil(double(ids.size()) / perSecond));
    auto *question = new QMessageBox(m_dialogParent);
    question->setObjectName(u"bulkRedeliveryConfirmation"_s);
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->setIcon(QMessageBox::Question);
    question->setWindowTitle(tr("Redeliver Failed Events"));
    question->setText(tr("Redeliver %Ln failed event(s) of this filter?", nullptr, int(ids.size())));
    question->setInformativeText(
        tr("Each is sent again to its webhook with its original message id, one at a time and at most %1 per second "
           "(about %2 s in all), and each result is recorded as a redelivery. Events of deleted or disabled webhooks "
           "are skipped.")
            .arg(locale.toString(perSecond, 'g', 3), locale.toString(seconds)));
    QPushButton *startButton =
        question->addButton(tr("Redeliver %Ln Event(s)", nullptr, int(ids.size())), QMessageBox::AcceptRole);
    question->addButton(QMessageBox::Cancel);
    question->setDefaultButton(QMessageBox::Cancel);
    connect(question, &QMessageBox::finished, this, [this, question, startButton, ids] {
        if (question->clickedButton() == startButton)
            startBulk(ids);
    });
    question->open();
}

void DeliveryRedeliveries::startBulk(const QList<qint64> &ids)
{
    if (!m_panel->isIdle())
        return;
    auto *batch = new BulkRedelivery(m_services, ids, this);
    batch->setMaxPerSecond(m_maxPerSecond);
    m_bulk = batch;
    connect(batch, &BulkRedelivery::progressChanged, this, [this](const RedeliveryProgress &progress) {
        m_panel->setProgress(progress.done, progress.total);
        m_panel->setLabel(tr("Redelivering failed events: %1 delivered, %2 failed.")
                              .arg(QLocale().toString(progress.successes), QLocale().toString(progress.failures)));
    });
    connect(batch, &BulkRedelivery::itemFinished, this, &DeliveryRedeliveries::attemptsAdded);
    connect(batch, &BulkRedelivery::finished, this, [this, batch](const RedeliveryProgress &progress) {
        batch->deleteLater();
        m_bulk = nullptr;
        m_panel->setTask(DeliveryTaskPanel::Task::None);
        const QLocale locale;
        QString summary = tr("Redelivered %1 of %2 failed events: %3 delivered, %4 failed (%5 not sent).")
                              .arg(locale.toString(progress.done), locale.toString(progress.total),
                                   locale.toString(progress.successes), locale.toString(progress.failures),
                                   locale.toString(progress.refused));
        if (progress.cancelled)
            summary = tr("Cancelled. %1").arg(summary);
        emit message(summary, progress.failures > 0);
        emit attemptsAdded();
        emit bulkRedeliveryFinished(progress);
    });
    emit message(QString(), false);
    m_panel->setTask(DeliveryTaskPanel::Task::Redelivering, tr("Redelivering failed events…"));
    m_panel->setProgress(0, ids.size());
    emit bulkRedeliveryStarted(int(ids.size()));
    batch->start();
}
