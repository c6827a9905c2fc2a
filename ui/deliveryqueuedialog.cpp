// The delivery queue dialog: read and act through the worker, audited, never waiting on the database.
#include "ui/deliveryqueuedialog.h"

#include "models/storage/auditlog.h"
#include "models/storage/database.h"
#include "network/delivery/dispatchconfig.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

struct QueueRead
{
    WebhookQueue queue;
    int scheduleAttempts = 0;
    int replayable = 0;
    int missed = 0;
};

} // namespace

DeliveryQueueDialog::DeliveryQueueDialog(const DatabaseWorker &worker, const Webhook &webhook, QWidget *parent)
    : QDialog(parent)
    , m_worker(worker)
    , m_webhook(webhook)
    , m_summary(new QLabel(this))
    , m_retrying(new QLabel(this))
    , m_retryNow(new QPushButton(this))
    , m_cancelRetries(new QPushButton(this))
    , m_rangeLabel(new QLabel(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_replayCount(new QLabel(this))
    , m_replay(new QPushButton(this))
    , m_missedCount(new QLabel(this))
    , m_replayMissed(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_close(new QPushButton(this))
    , m_refresh(new QTimer(this))
{
    setObjectName(u"deliveryQueueDialog"_s);
    m_summary->setObjectName(u"queueSummary"_s);
    m_retrying->setObjectName(u"queueRetrying"_s);
    m_retryNow->setObjectName(u"retryNowButton"_s);
    m_cancelRetries->setObjectName(u"cancelRetriesButton"_s);
    m_from->setObjectName(u"replayFrom"_s);
    m_to->setObjectName(u"replayTo"_s);
    m_replayCount->setObjectName(u"replayCount"_s);
    m_replay->setObjectName(u"replayButton"_s);
    m_missedCount->setObjectName(u"missedCount"_s);
    m_replayMissed->setObjectName(u"replayMissedButton"_s);
    m_status->setObjectName(u"queueStatus"_s);
    for (QLabel *label : {m_summary, m_retrying, m_replayCount, m_missedCount, m_status})
        label->setWordWrap(true);
    // The last day by default: the usual "the receiver was down this morning".
    const QDateTime now = QDateTime::currentDateTime();
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    }
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now.addSecs(60));

    auto *retries = new QHBoxLayout;
    retries->addWidget(m_retryNow);
    retries->addWidget(m_cancelRetries);
    retries->addStretch();
    auto *range = new QHBoxLayout;
    range->addWidget(m_rangeLabel);
    range->addWidget(m_from);
    range->addWidget(new QLabel(u"–"_s, this));
    range->addWidget(m_to);
    range->addStretch();
    auto *replayRow = new QHBoxLayout;
    replayRow->addWidget(m_replayCount, 1);
    replayRow->addWidget(m_replay);
    auto *missedRow = new QHBoxLayout;
    missedRow->addWidget(m_missedCount, 1);
    missedRow->addWidget(m_replayMissed);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_retrying);
    layout->addLayout(retries);
    layout->addSpacing(8);
    layout->addLayout(range);
    layout->addLayout(replayRow);
    layout->addLayout(missedRow);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retryNow, &QPushButton::clicked, this, [this] { act(Action::RetryNow); });
    connect(m_cancelRetries, &QPushButton::clicked, this, [this] { act(Action::CancelRetries); });
    connect(m_replay, &QPushButton::clicked, this, [this] { act(Action::ReplayFailed); });
    connect(m_replayMissed, &QPushButton::clicked, this, [this] { act(Action::ReplayMissed); });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &DeliveryQueueDialog::countReplayable);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &DeliveryQueueDialog::countReplayable);
    m_refresh->setInterval(RefreshMs);
    connect(m_refresh, &QTimer::timeout, this, &DeliveryQueueDialog::refresh);
    m_refresh->start();
    retranslate();
    setMinimumWidth(560);
    refresh();
}

void DeliveryQueueDialog::refresh()
{
    const QString id = m_webhook.id;
    const QDateTime from = m_from->dateTime().toUTC();
    const QDateTime to = m_to->dateTime().toUTC();
    m_worker.run<QueueRead>(
        [id, from, to](Database &database) -> Result<QueueRead> {
            QueueRead read;
            DispatchQueue queue(database);
            const Result<WebhookQueue> pending = queue.queueOf(id);
            if (!pending)
                return pending.failure();
            read.queue = *pending;
            const Result<int> replayable = queue.countFailed(id, from, to);
            if (!replayable)
                return replayable.failure();
            read.replayable = *replayable;
            const Result<int> missed = queue.countMissed(id, from);
            if (!missed)
                return missed.failure();
            read.missed = *missed;
            // "Attempt k of n" under the schedule every dispatcher follows now.
            const Result<DispatchConfig> config = DispatchConfig::stored(database);
            read.scheduleAttempts = config ? config->schedule.maxAttempts() : 0;
            return read;
        },
        this, [this](const Result<QueueRead> &read) {
            if (!read) {
                m_status->setText(read.message());
                return;
            }
            m_queue = read->queue;
            m_scheduleAttempts = read->scheduleAttempts;
            m_replayable = read->replayable;
            m_missed = read->missed;
            m_read = true;
            showQueue();
        });
}

void DeliveryQueueDialog::countReplayable()
{
    m_replayable = -1;
    m_missed = -1;
    showQueue();
    refresh();
}

void DeliveryQueueDialog::showQueue()
{
    const QLocale locale;
    if (!m_read) {
        m_summary->setText(tr("Reading the queue…"));
        m_retrying->clear();
    } else {
        m_summary->setText(tr("Queued for a first attempt: %1 · retrying: %2 · failed: %3 · missed while disabled: %4")
                               .arg(m_queue.queued)
                               .arg(m_queue.retrying)
                               .arg(m_queue.failed)
                               .arg(m_queue.skipped));
        if (m_queue.retrying == 0)
            m_retrying->setText(tr("Nothing waits for a retry."));
        else if (m_queue.nextRetryAt <= QDateTime::currentDateTimeUtc())
            m_retrying->setText(tr("Retries are due now: a running dispatcher sends them next."));
        else if (m_scheduleAttempts > 0)
            m_retrying->setText(tr("Next retry at %1; the most tried has had %2 of %3 attempts.")
                                    .arg(locale.toString(m_queue.nextRetryAt.toLocalTime(), QLocale::ShortFormat))
                                    .arg(m_queue.mostAttempts)
                                    .arg(m_scheduleAttempts));
        else
            m_retrying->setText(tr("Next retry at %1.")
                                    .arg(locale.toString(m_queue.nextRetryAt.toLocalTime(), QLocale::ShortFormat)));
    }
    const bool rangeValid = m_from->dateTime() < m_to->dateTime();
    if (!rangeValid)
        m_replayCount->setText(tr("The range ends before it begins."));
    else if (m_replayable < 0)
        m_replayCount->setText(tr("Counting the failed events in this range…"));
    else
        m_replayCount->setText(tr("%n failed event(s) in this range.", nullptr, m_replayable));
    if (m_missed < 0)
        m_missedCount->clear();
    else
        m_missedCount->setText(tr("%n event(s) missed while the webhook was disabled, since the range's start.",
                                  nullptr, m_missed));
    m_replayMissed->setEnabled(!m_busy && m_missed > 0 && m_webhook.active);
    m_retryNow->setEnabled(!m_busy && m_queue.retrying > 0 && m_queue.nextRetryAt > QDateTime::currentDateTimeUtc());
    m_cancelRetries->setEnabled(!m_busy && m_queue.retrying > 0);
    m_replay->setEnabled(!m_busy && rangeValid && m_replayable > 0 && m_webhook.active);
    m_replay->setToolTip(m_webhook.active ? QString()
                                          : tr("Enable the webhook first: a disabled webhook receives nothing."));
    m_replayMissed->setToolTip(m_replay->toolTip());
}

void DeliveryQueueDialog::act(Action action)
{
    if (m_busy)
        return;
    if (action == Action::CancelRetries
        && QMessageBox::question(this, tr("Cancel retries"),
                                 tr("Give up on the %n delivery(s) of “%1” that wait for a retry? They are kept as "
                                    "failed and can be replayed later.",
                                    nullptr, int(m_queue.retrying))
                                     .arg(m_webhook.name),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               != QMessageBox::Yes)
        return;
    m_busy = true;
    m_status->setText(tr("Working…"));
    showQueue();
    const Webhook webhook = m_webhook;
    const QDateTime from = m_from->dateTime().toUTC();
    const QDateTime to = m_to->dateTime().toUTC();
    m_worker.run<int>(
        [action, webhook, from, to](Database &database) -> Result<int> {
            int changed = 0;
            QSqlDatabase db = database.connection();
            const Result<void> done = Database::inWriteTransaction(db, tr("Cannot change the queue"), [&]() -> Result<void> {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                DispatchQueue queue(database);
                Result<int> count = 0;
                QString auditAction;
                QJsonObject after;
                switch (action) {
                case Action::RetryNow:
                    count = queue.retryNow(webhook.id, now);
                    auditAction = u"retry-now"_s;
                    break;
                case Action::CancelRetries:
                    count = queue.cancelRetries(webhook.id, u"cancelled by "_s + database.actor(), now);
                    auditAction = u"cancel-retries"_s;
                    break;
                case Action::ReplayFailed:
                    count = queue.replayFailed(webhook.id, from, to, now);
                    auditAction = u"replay-failed"_s;
                    after.insert(u"from"_s, from.toString(Qt::ISODate));
                    after.insert(u"to"_s, to.toString(Qt::ISODate));
                    break;
                case Action::ReplayMissed:
                    count = queue.replayMissed(webhook.id, from, now);
                    auditAction = u"replay-missed"_s;
                    after.insert(u"since"_s, from.toString(Qt::ISODate));
                    break;
                }
                if (!count)
                    return count.failure();
                changed = *count;
                after.insert(u"deliveries"_s, changed);
                return AuditLog::write(database, {auditAction, u"webhook"_s, webhook.id, webhook.name, {}, after});
            });
            if (!done)
                return done.failure();
            return changed;
        },
        this, [this, action](const Result<int> &changed) {
            m_busy = false;
            if (!changed) {
                m_status->setText(changed.message());
            } else {
                switch (action) {
                case Action::RetryNow:
                    m_status->setText(tr("%n delivery(s) due now; a running dispatcher sends them within its rate "
                                         "limit.", nullptr, *changed));
                    break;
                case Action::CancelRetries:
                    m_status->setText(tr("%n delivery(s) given up on.", nullptr, *changed));
                    break;
                case Action::ReplayFailed:
                    m_status->setText(tr("%n failed event(s) due again, with the whole retry schedule; a running "
                                         "dispatcher sends them within its rate limit.", nullptr, *changed));
                    break;
                case Action::ReplayMissed:
                    m_status->setText(tr("%n missed event(s) due now, with the whole retry schedule; a running "
                                         "dispatcher sends them within its rate limit.", nullptr, *changed));
                    break;
                }
            }
            refresh();
        });
}

void DeliveryQueueDialog::retranslate()
{
    setWindowTitle(tr("Delivery queue: %1").arg(m_webhook.name));
    m_retryNow->setText(tr("&Retry now"));
    m_retryNow->setToolTip(tr("Make every delivery that waits for a retry due at once"));
    m_cancelRetries->setText(tr("&Cancel retries…"));
    m_cancelRetries->setToolTip(tr("Give up on the deliveries that wait for a retry; they stay replayable"));
    m_rangeLabel->setText(tr("Failed events that came from"));
    m_replay->setText(tr("Re&play failed"));
    m_replayMissed->setText(tr("Replay &missed"));
    m_close->setText(tr("Close"));
    showQueue();
}

void DeliveryQueueDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}
