// Polling the dispatchers and the due deliveries, and saying what it means for the events.
#include "ui/dispatcherbanner.h"
#include "ui/consolestyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// "45 s", "12 min", "3 h", "2 d": how long, as a glance needs it.
QString duration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    if (seconds < 120)
        return DispatcherBanner::tr("%n s", nullptr, int(seconds));
    if (seconds < 2 * 3600)
        return DispatcherBanner::tr("%n min", nullptr, int(seconds / 60));
    if (seconds < 2 * 86400)
        return DispatcherBanner::tr("%n h", nullptr, int(seconds / 3600));
    return DispatcherBanner::tr("%n d", nullptr, int(seconds / 86400));
}

} // namespace

DispatcherBanner::DispatcherBanner(const DatabaseWorker &worker, QWidget *parent)
    : QFrame(parent)
    , m_worker(worker)
    , m_text(new QLabel(this))
    , m_status(new QLabel(parent))
    , m_poll(new QTimer(this))
{
    setObjectName(u"dispatcherBanner"_s);
    m_text->setObjectName(u"dispatcherBannerText"_s);
    m_status->setObjectName(u"dispatcherStatus"_s);
    m_text->setWordWrap(true);
    m_status->setContentsMargins(0, 0, 12, 0); // apart from the database label beside it
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Red as the health colours' red, readable in light and dark themes alike.
    setStyleSheet(u"#dispatcherBanner { background: %1; border-radius: 4px; }"
                  " #dispatcherBannerText { color: white; padding: 6px; }"_s.arg(ConsoleStyle::ProblemColor));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_text, 1);
    setVisible(false);
    m_poll->setInterval(PollMs);
    connect(m_poll, &QTimer::timeout, this, &DispatcherBanner::refresh);
    m_poll->start();
    refresh();
}

void DispatcherBanner::refresh()
{
    if (m_reading)
        return;
    m_reading = true;
    m_worker.run<DispatchOverview>(
        [](Database &database) { return DispatcherRegistry(database).overview(QDateTime::currentDateTimeUtc()); },
        this, [this](const Result<DispatchOverview> &overview) {
            m_reading = false;
            if (!overview) {
                m_readError = overview.message();
                m_status->setText(tr("Dispatcher state unknown"));
                m_status->setToolTip(m_readError);
                return;
            }
            m_readError.clear();
            display(*overview, QDateTime::currentDateTimeUtc());
        });
}

void DispatcherBanner::display(const DispatchOverview &overview, const QDateTime &now)
{
    m_last = std::pair{overview, now};
    const QString waiting =
        overview.due == 0
            ? tr("nothing due")
            : tr("%n due, the oldest for %1", nullptr, int(std::min<qint64>(overview.due, INT_MAX)))
                  .arg(duration(overview.oldestDue.msecsTo(now)));
    QStringList details;
    const QLocale locale;
    for (const DispatcherInfo &dispatcher : overview.running) {
        details.append(tr("%1 (process %2, version %3): running since %4, last heartbeat %5 ago")
                           .arg(dispatcher.host)
                           .arg(dispatcher.pid)
                           .arg(dispatcher.version,
                                locale.toString(dispatcher.startedAt.toLocalTime(), QLocale::ShortFormat),
                                duration(dispatcher.heartbeatAt.msecsTo(now))));
    }
    if (overview.running.isEmpty()) {
        m_status->setText(tr("No dispatcher running · %1").arg(waiting));
        m_status->setToolTip(tr("Events are delivered by “goreporter-webhooks dispatch” (or its systemd unit) on a "
                                "workstation or server with access to this database."));
    } else {
        m_status->setText(tr("%n dispatcher(s) running · %1", nullptr, int(overview.running.size())).arg(waiting));
        m_status->setToolTip(details.join(u'\n'));
    }

    const bool stalled = overview.deliveryStalled(now);
    setVisible(stalled);
    if (!stalled)
        return;
    QString seen = overview.lastSeen.isValid()
                       ? tr("No dispatcher has been seen for %1: events are not being delivered.")
                             .arg(duration(overview.lastSeen.msecsTo(now)))
                       : tr("No dispatcher is running: events are not being delivered.");
    if (overview.due > 0)
        seen += u' '
                + tr("%n event delivery(s) waiting, the oldest since %1.", nullptr,
                     int(std::min<qint64>(overview.due, INT_MAX)))
                      .arg(locale.toString(overview.oldestDue.toLocalTime(), QLocale::ShortFormat));
    seen += u' ' + tr("Start “goreporter-webhooks dispatch” (or its systemd unit) on the machine that delivers them.");
    m_text->setText(seen);
}

void DispatcherBanner::retranslate()
{
    if (m_last)
        display(m_last->first, m_last->second);
}

void DispatcherBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}
