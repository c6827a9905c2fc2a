// One recorded delivery attempt in full: outcome and diagnosis, timing, request, response, and its event's timeline.
#include "ui/deliverydetailpane.h"

#include "network/payloads/httpdiagnosis.h"
#include "models/domain/redaction.h"

#include "ui/httpmessageview.h"
#include "ui/splitterproportions.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStackedLayout>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int idRole = Qt::UserRole + 1;
constexpr int startedAtRole = Qt::UserRole + 2;

QString bannerStyle(const char *background, const char *text, const char *border)
{
    return QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 3px; padding: 6px;"
                          " font-weight: 600; }")
        .arg(QLatin1String(background), QLatin1String(text), QLatin1String(border));
}

QString localTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

HttpMessageView::Headers toBytes(const DeliveryHeaders &headers)
{
    HttpMessageView::Headers bytes;
    bytes.reserve(headers.size());
    // Stored headers were redacted when recorded and when read; once more costs nothing and guards the screen.
    for (const auto &[name, value] : Redaction::redacted(headers))
        bytes.append({name.toLatin1(), value.toUtf8()});
    return bytes;
}

QString triggerName(const QString &trigger)
{
    if (trigger == u"test")
        return DeliveryDetailPane::tr("Test");
    if (trigger == u"redeliver")
        return DeliveryDetailPane::tr("Redelivery");
    return DeliveryDetailPane::tr("Event");
}

} // namespace

DeliveryDetailPane::DeliveryDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_outcome(new QLabel(this))
    , m_diagnosis(new QLabel(this))
    , m_timing(new QLabel(this))
    , m_note(new QLabel(this))
    , m_timelineTitle(new QLabel(this))
    , m_timeline(new QTreeWidget(this))
    , m_placeholder(new QLabel(this))
    , m_content(new QWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, m_content))
    , m_requestView(new HttpMessageView(this))
    , m_responseView(new HttpMessageView(this))
{
    setObjectName(u"deliveryDetailPane"_s);
    m_headline->setObjectName(u"headlineLabel"_s);
    m_outcome->setObjectName(u"outcomeLabel"_s);
    m_diagnosis->setObjectName(u"diagnosisLabel"_s);
    m_timing->setObjectName(u"timingLabel"_s);
    m_note->setObjectName(u"noteLabel"_s);
    m_timeline->setObjectName(u"timelineView"_s);
    m_placeholder->setObjectName(u"detailPlaceholder"_s);
    m_requestView->setObjectName(u"requestView"_s);
    m_responseView->setObjectName(u"responseView"_s);

    for (QLabel *label : {m_headline, m_outcome, m_diagnosis, m_timing, m_note}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_headline->setStyleSheet(u"font-weight: 600; font-size: 11pt;"_s);
    m_note->setStyleSheet(u"color: #7a4d00;"_s);
    m_timelineTitle->setStyleSheet(u"font-weight: 600;"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setAllColumnsShowFocus(true);
    m_timeline->setColumnCount(4);
    m_timeline->header()->setStretchLastSection(true);
    m_timeline->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_timeline->setMinimumHeight(90);

    auto *info = new QWidget(m_splitter);
    auto *infoLayout = new QVBoxLayout(info);
    infoLayout->setContentsMargins(0, 0, 0, 0);
    infoLayout->addWidget(m_headline);
    infoLayout->addWidget(m_outcome);
    infoLayout->addWidget(m_diagnosis);
    infoLayout->addWidget(m_note);
    infoLayout->addWidget(m_timing);
    infoLayout->addWidget(m_timelineTitle);
    infoLayout->addWidget(m_timeline, 1);
    m_splitter->addWidget(info);
    m_splitter->addWidget(m_requestView);
    m_splitter->addWidget(m_responseView);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setStretchFactor(2, 4);
    setSplitterProportions(m_splitter, {4, 5, 5});
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_splitter);

    auto *stack = new QStackedLayout(this);
    stack->addWidget(m_placeholder);
    stack->addWidget(m_content);

    // Queued: showing the chosen attempt refills the timeline, which must not happen inside its own click.
    auto activate = [this](QTreeWidgetItem *item) {
        const qint64 id = item->data(0, idRole).toLongLong();
        if (id == 0)
            return; // the scheduled next attempt: nothing recorded yet
        const qint64 startedAtMs = item->data(0, startedAtRole).toLongLong();
        QMetaObject::invokeMethod(
            this, [this, id, startedAtMs] { emit attemptActivated(id, startedAtMs); }, Qt::QueuedConnection);
    };
    connect(m_timeline, &QTreeWidget::itemActivated, this, activate);
    connect(m_timeline, &QTreeWidget::itemClicked, this, activate);

    retranslate();
    render();
}

std::optional<qint64> DeliveryDetailPane::shownId() const
{
    return m_detail ? std::optional<qint64>(m_detail->row.id) : std::nullopt;
}

void DeliveryDetailPane::showDetail(const DeliveryDetail &detail, const QList<DeliveryListRow> &timeline,
                                    const std::optional<OutboxDelivery> &next, int scheduleAttempts)
{
    m_detail = detail;
    m_attempts = timeline;
    m_next = next;
    m_scheduleAttempts = scheduleAttempts;
    m_problem.clear();
    m_noteText.clear();
    render();
}

void DeliveryDetailPane::clear()
{
    m_detail.reset();
    m_attempts.clear();
    m_next.reset();
    m_problem.clear();
    m_noteText.clear();
    render();
}

void DeliveryDetailPane::showProblem(const QString &message)
{
    m_detail.reset();
    m_attempts.clear();
    m_next.reset();
    m_problem = message;
    m_noteText.clear();
    render();
}

void DeliveryDetailPane::setNote(const QString &note)
{
    m_noteText = note;
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty() && m_detail.has_value());
}

void DeliveryDetailPane::render()
{
    auto *stack = static_cast<QStackedLayout *>(layout());
    if (!m_detail) {
        m_placeholder->setText(m_problem.isEmpty() ? tr("Select an attempt to see what was sent and what came back.")
                                                   : m_problem);
        m_placeholder->setForegroundRole(m_problem.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);
        stack->setCurrentWidget(m_placeholder);
        m_timeline->clear();
        return;
    }
    stack->setCurrentWidget(m_content);
    const DeliveryDetail &d = *m_detail;
    const DeliveryListRow &row = d.row;
    const QLocale locale;

    const QString webhook = row.webhookId.isEmpty() ? tr("%1 (deleted)").arg(row.webhookName) : row.webhookName;
    m_headline->setText(tr("Attempt %1 of %2 %3 to %4").arg(row.attempt).arg(row.eventType, row.eventId, webhook));

    QString outcome;
    if (row.success) {
        outcome = row.responseStatus ? tr("Delivered: HTTP %1").arg(*row.responseStatus) : tr("Delivered");
        m_outcome->setStyleSheet(bannerStyle("#e6f4ea", "#0d5323", "#a8dab5"));
    } else {
        outcome = row.error.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(DeliveryErrors::label(row.error, row.responseStatus));
        m_outcome->setStyleSheet(bannerStyle("#fde7e9", "#8a1c1c", "#f1aeb5"));
    }
    m_outcome->setText(outcome);
    QString why = row.success ? QString() : diagnosis(d);
    // The recorded text is in the language of whoever sent the attempt; the banner and diagnosis are in the reader's.
    if (!row.success && !row.error.isEmpty())
        why += (why.isEmpty() ? QString() : u"\n"_s) + tr("Recorded: %1").arg(DeliveryErrors::readable(row.error));
    m_diagnosis->setText(why);
    m_diagnosis->setVisible(!why.isEmpty());
    m_note->setText(m_noteText);
    m_note->setVisible(!m_noteText.isEmpty());

    QStringList timing;
    timing << tr("Started %1").arg(localTime(row.startedAtMs));
    if (d.finishedAtMs)
        timing << tr("finished %1").arg(localTime(*d.finishedAtMs));
    if (row.durationMs)
        timing << tr("took %1 ms").arg(locale.toString(*row.durationMs));
    QString timingText = timing.join(u", "_s);
    timingText += u'\n' + tr("Trigger: %1 · Message id: %2").arg(triggerName(row.trigger), d.messageId);
    if (!d.headersProblem.isEmpty())
        timingText += u'\n' + tr("Some stored headers could not be read: %1").arg(d.headersProblem);
    m_timing->setText(timingText);

    m_requestView->showMessage(tr("%1 %2").arg(d.requestMethod, d.requestUrl), toBytes(d.requestHeaders), d.requestBody);
    if (row.responseStatus) {
        m_responseView->showMessage(tr("HTTP %1").arg(*row.responseStatus), toBytes(d.responseHeaders), d.responseBody,
                                    d.responseSize.value_or(-1));
    } else {
        m_responseView->showNothing(row.success ? tr("No answer was recorded.")
                                                : tr("No answer came: the attempt failed before the receiver "
                                                     "answered."));
    }
    fillTimeline();
}

void DeliveryDetailPane::fillTimeline()
{
    m_timeline->clear();
    const QLocale locale;
    QTreeWidgetItem *current = nullptr;
    for (const DeliveryListRow &attempt : std::as_const(m_attempts)) {
        auto *item = new QTreeWidgetItem(m_timeline);
        item->setData(0, idRole, attempt.id);
        item->setData(0, startedAtRole, attempt.startedAtMs);
        item->setText(0, QDateTime::fromMSecsSinceEpoch(attempt.startedAtMs, Qt::UTC).toLocalTime()
                             .toString(u"yyyy-MM-dd HH:mm:ss"_s));
        item->setText(1, tr("#%1 %2").arg(attempt.attempt).arg(triggerName(attempt.trigger)));
        item->setText(2, attempt.responseStatus ? QString::number(*attempt.responseStatus) : tr("no response"));
        item->setText(3, attempt.success ? tr("Success") : tr("Failure"));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setForeground(3, attempt.success ? QColor(0x0d, 0x53, 0x23) : QColor(0xb3, 0x26, 0x1e));
        if (m_detail && attempt.id == m_detail->row.id) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int column = 0; column < 4; ++column)
                item->setFont(column, bold);
            current = item;
        }
    }
    addScheduledEnd();
    if (current) {
        const QSignalBlocker blocker(m_timeline);
        m_timeline->setCurrentItem(current);
        m_timeline->scrollToItem(current);
    }
}

void DeliveryDetailPane::addScheduledEnd()
{
    if (!m_next)
        return;
    const OutboxDelivery &next = *m_next;
    QString when;
    QString attempt;
    QString what;
    QString why;
    switch (next.state) {
    case OutboxDelivery::State::Delivered:
        return; // the last attempt says it
    case OutboxDelivery::State::Pending:
        attempt = m_scheduleAttempts > 0 ? tr("#%1 of %2").arg(next.attemptsMade + 1).arg(m_scheduleAttempts)
                                         : tr("#%1").arg(next.attemptsMade + 1);
        if (!next.leaseOwner.isEmpty()) {
            when = tr("now");
            what = tr("Being sent by the dispatcher %1").arg(next.leaseOwner);
        } else if (next.nextAttemptAt.isValid() && next.nextAttemptAt > QDateTime::currentDateTimeUtc()) {
            when = next.nextAttemptAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
            what = next.attemptsMade > 0 ? tr("Retry scheduled") : tr("First attempt scheduled");
        } else {
            when = tr("due");
            what = tr("Due: a running dispatcher sends it next");
        }
        why = next.lastError;
        break;
    case OutboxDelivery::State::Failed:
        what = tr("Given up after %n attempt(s): replayable from the delivery queue", nullptr, next.attemptsMade);
        why = next.lastError;
        break;
    case OutboxDelivery::State::Cancelled:
        what = tr("Cancelled: no more attempts");
        why = next.lastError;
        break;
    case OutboxDelivery::State::Skipped:
        what = tr("Missed while the webhook was disabled: replayable once it is enabled");
        break;
    }
    // One line across the columns: the pane is narrow on a small screen, and what comes next is the point.
    QStringList parts{when, attempt, what};
    parts.removeAll(QString());
    auto *item = new QTreeWidgetItem(m_timeline);
    item->setData(0, idRole, 0);
    item->setText(0, parts.join(u" · "_s));
    item->setToolTip(0, why.isEmpty() ? what : tr("%1\nLast error: %2").arg(what, DeliveryErrors::readable(why)));
    item->setFlags(Qt::ItemIsEnabled); // not an attempt: nothing to show when chosen
    item->setFirstColumnSpanned(true);
    QFont italic = item->font(0);
    italic.setItalic(true);
    item->setFont(0, italic);
    item->setForeground(0, m_timeline->palette().brush(QPalette::PlaceholderText));
}

QString DeliveryDetailPane::diagnosis(const DeliveryDetail &detail)
{
    const DeliveryListRow &row = detail.row;
    // The same reading of an HTTP status as the test-send dialog gives. The kind of webhook is not stored with
    // the attempt (the webhook may be gone), so the general reading is given.
    if (row.responseStatus && (*row.responseStatus < 200 || *row.responseStatus >= 300))
        return HttpDiagnosis::explain({WebhookKind::Generic, detail.requestMethod.toLatin1(), {}, *row.responseStatus,
                                       detail.responseBody, std::nullopt});
    const QString &storedError = row.error;
    const QString key = DeliveryErrors::key(storedError);
    if (key == u"dns")
        return tr("The receiver's host name could not be found. Check the URL for typing errors, and that this computer "
                  "uses the hospital's name servers.");
    if (key == u"blocked")
        return tr("The receiver's address is in a range webhooks may not reach (loopback, private or link-local). If "
                  "the receiver is inside the hospital, mark the webhook as an internal endpoint.");
    if (key == u"connection-refused" || storedError.contains(u"refused"_s, Qt::CaseInsensitive))
        return tr("Nothing accepted the connection at the receiver's address and port: the service is down, or a "
                  "firewall rejects it.");
    if (key == u"connection-closed")
        return tr("The receiver closed the connection without answering; it may have crashed or be overloaded.");
    if (key == u"tls")
        return tr("The receiver's certificate was not accepted: expired, issued for another name, or by an authority "
                  "this computer does not trust. For a hospital-internal authority, set the webhook's CA bundle.");
    if (key == u"timeout")
        return tr("No answer came within the webhook's timeout. The receiver may be overloaded, or a firewall drops "
                  "the connection silently.");
    if (key == u"inactivity-timeout")
        return tr("The receiver stopped sending in the middle of its answer.");
    if (key == u"redirect")
        return tr("The receiver redirected the request. Webhooks are not sent on to another address; if the new "
                  "address is right, enter it as the webhook's URL.");
    if (key == u"authentication")
        return tr("No Epic access token could be obtained; check the Epic client id, the key pair and the token URL.");
    if (key == u"invalid-request")
        return tr("The request could not be made from the webhook's settings; nothing was sent. Check the URL and the "
                  "CA bundle.");
    if (key == u"cancelled")
        return tr("The attempt was cancelled before it finished; the receiver may or may not have received it.");
    if (key == u"network" || key == u"connection")
        return tr("The network failed between this computer and the receiver.");
    return {};
}

void DeliveryDetailPane::retranslate()
{
    m_timelineTitle->setText(tr("Attempts of this event"));
    m_timeline->setHeaderLabels({tr("Started"), tr("Attempt"), tr("Status"), tr("Result")});
    m_requestView->setTitle(tr("Request"));
    m_responseView->setTitle(tr("Response"));
    render();
}

void DeliveryDetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
