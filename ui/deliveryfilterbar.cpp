// The deliveries view's filter controls and the same filter as editable URL-like text, kept in step.
#include "ui/deliveryfilterbar.h"

#include "models/domain/eventtype.h"
#include "ui/consolestyle.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Selects the item whose data is value, adding one for a value the list does not offer (so it is shown as is).
void selectData(QComboBox *combo, const QString &value)
{
    int index = combo->findData(value);
    if (index < 0) {
        combo->addItem(value, value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

void addKeys(QComboBox *combo, const QStringList &keys)
{
    for (const QString &key : keys)
        combo->addItem(QString(), key);
}

} // namespace

DeliveryFilterBar::DeliveryFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_webhookLabel(new QLabel(this))
    , m_webhookCombo(new QComboBox(this))
    , m_eventTypeLabel(new QLabel(this))
    , m_eventTypeCombo(new QComboBox(this))
    , m_resultLabel(new QLabel(this))
    , m_resultCombo(new QComboBox(this))
    , m_statusLabel(new QLabel(this))
    , m_statusCombo(new QComboBox(this))
    , m_triggerLabel(new QLabel(this))
    , m_triggerCombo(new QComboBox(this))
    , m_timeRangeLabel(new QLabel(this))
    , m_timeRangeCombo(new QComboBox(this))
    , m_fromLabel(new QLabel(this))
    , m_fromEdit(new QDateTimeEdit(this))
    , m_toLabel(new QLabel(this))
    , m_toEdit(new QDateTimeEdit(this))
    , m_searchLabel(new QLabel(this))
    , m_searchEdit(new QLineEdit(this))
    , m_searchTimer(new QTimer(this))
    , m_filterTextLabel(new QLabel(this))
    , m_filterTextEdit(new QLineEdit(this))
    , m_clearButton(new QPushButton(this))
    , m_filterErrorLabel(new QLabel(this))
{
    setObjectName(u"deliveryFilterBar"_s);
    m_webhookCombo->setObjectName(u"webhookFilter"_s);
    m_eventTypeCombo->setObjectName(u"eventTypeFilter"_s);
    m_resultCombo->setObjectName(u"resultFilter"_s);
    m_statusCombo->setObjectName(u"statusFilter"_s);
    m_triggerCombo->setObjectName(u"triggerFilter"_s);
    m_timeRangeCombo->setObjectName(u"timeRangeFilter"_s);
    m_fromEdit->setObjectName(u"fromEdit"_s);
    m_toEdit->setObjectName(u"toEdit"_s);
    m_searchEdit->setObjectName(u"searchEdit"_s);
    m_filterTextEdit->setObjectName(u"filterTextEdit"_s);
    m_clearButton->setObjectName(u"clearFilterButton"_s);
    m_filterErrorLabel->setObjectName(u"filterErrorLabel"_s);

    m_webhookLabel->setBuddy(m_webhookCombo);
    m_eventTypeLabel->setBuddy(m_eventTypeCombo);
    m_resultLabel->setBuddy(m_resultCombo);
    m_statusLabel->setBuddy(m_statusCombo);
    m_triggerLabel->setBuddy(m_triggerCombo);
    m_timeRangeLabel->setBuddy(m_timeRangeCombo);
    m_fromLabel->setBuddy(m_fromEdit);
    m_toLabel->setBuddy(m_toEdit);
    m_searchLabel->setBuddy(m_searchEdit);
    m_filterTextLabel->setBuddy(m_filterTextEdit);

    m_webhookCombo->addItem(QString(), QString());
    // Wide enough for most names, but a long one must not widen the window beyond a small screen; the list
    // itself shows names in full.
    m_webhookCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_webhookCombo->setMinimumContentsLength(16);
    m_webhookCombo->view()->setTextElideMode(Qt::ElideNone);
    m_eventTypeCombo->addItem(QString(), QString());
    for (const EventType &type : EventCatalog::builtIn())
        m_eventTypeCombo->addItem(type.name, type.name);
    addKeys(m_resultCombo, {DeliveryFilter::resultKey(DeliveryFilter::Result::Any),
                            DeliveryFilter::resultKey(DeliveryFilter::Result::Success),
                            DeliveryFilter::resultKey(DeliveryFilter::Result::Failure)});
    addKeys(m_statusCombo, {DeliveryFilter::statusClassKey(DeliveryFilter::StatusClass::Any),
                            DeliveryFilter::statusClassKey(DeliveryFilter::StatusClass::Success2xx),
                            DeliveryFilter::statusClassKey(DeliveryFilter::StatusClass::Redirect3xx),
                            DeliveryFilter::statusClassKey(DeliveryFilter::StatusClass::ClientError4xx),
                            DeliveryFilter::statusClassKey(DeliveryFilter::StatusClass::ServerError5xx),
                            DeliveryFilter::statusClassKey(DeliveryFilter::StatusClass::NoResponse)});
    addKeys(m_triggerCombo, {DeliveryFilter::triggerKey(DeliveryFilter::Trigger::Any),
                             DeliveryFilter::triggerKey(DeliveryFilter::Trigger::Event),
                             DeliveryFilter::triggerKey(DeliveryFilter::Trigger::Test),
                             DeliveryFilter::triggerKey(DeliveryFilter::Trigger::Redeliver)});
    addKeys(m_timeRangeCombo, {DeliveryFilter::timeRangeKey(DeliveryFilter::TimeRange::Any),
                               DeliveryFilter::timeRangeKey(DeliveryFilter::TimeRange::LastHour),
                               DeliveryFilter::timeRangeKey(DeliveryFilter::TimeRange::Last24Hours),
                               DeliveryFilter::timeRangeKey(DeliveryFilter::TimeRange::Last7Days),
                               DeliveryFilter::timeRangeKey(DeliveryFilter::TimeRange::Custom)});

    // An open end of a custom range is the edit's minimum, shown as the special text ("open").
    for (QDateTimeEdit *edit : {m_fromEdit, m_toEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        edit->setTimeSpec(Qt::LocalTime);
        edit->setMinimumDateTime(openLimit());
        edit->setDateTime(openLimit());
    }

    m_searchEdit->setClearButtonEnabled(true);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    m_filterTextEdit->setClearButtonEnabled(true);
    m_filterErrorLabel->setTextFormat(Qt::PlainText);
    m_filterErrorLabel->setWordWrap(true);
    m_filterErrorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filterErrorLabel->setStyleSheet(ConsoleStyle::problemText());
    m_filterErrorLabel->hide();

    auto *first = new QHBoxLayout;
    for (const auto &[label, field] : {std::pair<QLabel *, QWidget *>{m_webhookLabel, m_webhookCombo},
                                       {m_eventTypeLabel, m_eventTypeCombo},
                                       {m_resultLabel, m_resultCombo},
                                       {m_statusLabel, m_statusCombo}}) {
        first->addWidget(label);
        first->addWidget(field);
        first->addSpacing(8);
    }
    first->addStretch(1);
    auto *second = new QHBoxLayout;
    second->addWidget(m_timeRangeLabel);
    second->addWidget(m_timeRangeCombo);
    second->addWidget(m_fromLabel);
    second->addWidget(m_fromEdit);
    second->addWidget(m_toLabel);
    second->addWidget(m_toEdit);
    second->addSpacing(8);
    // The trigger shares the row of the stretching search field, so that longer words (German) still fit 1024 px.
    second->addWidget(m_triggerLabel);
    second->addWidget(m_triggerCombo);
    second->addSpacing(8);
    second->addWidget(m_searchLabel);
    second->addWidget(m_searchEdit, 1);
    auto *third = new QHBoxLayout;
    third->addWidget(m_filterTextLabel);
    third->addWidget(m_filterTextEdit, 1);
    third->addWidget(m_clearButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(first);
    layout->addLayout(second);
    layout->addLayout(third);
    layout->addWidget(m_filterErrorLabel);

    connect(m_webhookCombo, &QComboBox::activated, this, [this] {
        change([this](DeliveryFilter &f) { f.webhook = m_webhookCombo->currentData().toString(); });
    });
    connect(m_eventTypeCombo, &QComboBox::activated, this, [this] {
        change([this](DeliveryFilter &f) { f.eventType = m_eventTypeCombo->currentData().toString(); });
    });
    connect(m_resultCombo, &QComboBox::activated, this, [this] {
        change([this](DeliveryFilter &f) {
            f.result = DeliveryFilter::resultFromKey(m_resultCombo->currentData().toString()).value_or(f.result);
        });
    });
    connect(m_statusCombo, &QComboBox::activated, this, [this] {
        change([this](DeliveryFilter &f) {
            f.statusClass = DeliveryFilter::statusClassFromKey(m_statusCombo->currentData().toString())
                                .value_or(f.statusClass);
        });
    });
    connect(m_triggerCombo, &QComboBox::activated, this, [this] {
        change([this](DeliveryFilter &f) {
            f.trigger = DeliveryFilter::triggerFromKey(m_triggerCombo->currentData().toString()).value_or(f.trigger);
        });
    });
    connect(m_timeRangeCombo, &QComboBox::activated, this, &DeliveryFilterBar::timeRangeChosen);
    connect(m_fromEdit, &QDateTimeEdit::dateTimeChanged, this, &DeliveryFilterBar::customRangeEdited);
    connect(m_toEdit, &QDateTimeEdit::dateTimeChanged, this, &DeliveryFilterBar::customRangeEdited);
    connect(m_searchEdit, &QLineEdit::textEdited, this, [this] {
        if (m_searchTimer->interval() == 0)
            searchTyped();
        else
            m_searchTimer->start();
    });
    // Clearing with the button is a decision, not typing in progress.
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() && !m_filter.text.isEmpty())
            searchTyped();
    });
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &DeliveryFilterBar::searchTyped);
    connect(m_searchTimer, &QTimer::timeout, this, &DeliveryFilterBar::searchTyped);
    connect(m_filterTextEdit, &QLineEdit::returnPressed, this,
            [this] { applyFilterText(m_filterTextEdit->text()); });
    connect(m_filterTextEdit, &QLineEdit::editingFinished, this, [this] {
        if (m_filterTextEdit->isModified())
            applyFilterText(m_filterTextEdit->text());
    });
    connect(m_clearButton, &QPushButton::clicked, this, [this] { setFilter(DeliveryFilter()); });

    retranslate();
    showFilter();
}

QDateTime DeliveryFilterBar::openLimit() const
{
    return QDateTime(QDate(2000, 1, 1), QTime(0, 0));
}

void DeliveryFilterBar::setSearchDelay(int milliseconds)
{
    m_searchTimer->setInterval(std::max(0, milliseconds));
}

void DeliveryFilterBar::setWebhookNames(const QStringList &names)
{
    m_webhookNames = names;
    const QSignalBlocker blocker(m_webhookCombo);
    while (m_webhookCombo->count() > 1)
        m_webhookCombo->removeItem(1);
    for (const QString &name : names)
        m_webhookCombo->addItem(name, name);
    showFilter();
}

void DeliveryFilterBar::setFilter(const DeliveryFilter &filter)
{
    m_filterErrorLabel->hide();
    const bool changed = filter != m_filter;
    m_filter = filter;
    m_searchTimer->stop();
    showFilter();
    if (changed)
        emit filterChanged(m_filter);
}

bool DeliveryFilterBar::applyFilterText(const QString &text)
{
    const Result<DeliveryFilter> parsed = DeliveryFilter::fromText(text);
    if (!parsed) {
        showFilterError(parsed.message());
        return false;
    }
    setFilter(*parsed);
    return true;
}

void DeliveryFilterBar::showFilterError(const QString &error)
{
    m_filterErrorLabel->setText(tr("The filter text was not applied: %1").arg(error));
    m_filterErrorLabel->show();
}

void DeliveryFilterBar::change(const std::function<void(DeliveryFilter &)> &edit)
{
    DeliveryFilter next = m_filter;
    edit(next);
    setFilter(next);
}

void DeliveryFilterBar::timeRangeChosen()
{
    const auto range = DeliveryFilter::timeRangeFromKey(m_timeRangeCombo->currentData().toString());
    if (!range)
        return;
    change([range](DeliveryFilter &f) {
        f.timeRange = *range;
        if (*range != DeliveryFilter::TimeRange::Custom) {
            f.customFrom = {};
            f.customTo = {};
        } else if (!f.customFrom.isValid() && !f.customTo.isValid()) {
            // A custom range starts as the last day, to the minute, open towards now.
            const QDateTime now = QDateTime::currentDateTime();
            f.customFrom = QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())).addDays(-1).toUTC();
        }
    });
}

void DeliveryFilterBar::customRangeEdited()
{
    if (m_filter.timeRange != DeliveryFilter::TimeRange::Custom)
        return;
    auto valueOf = [this](QDateTimeEdit *edit) {
        return edit->dateTime() <= openLimit() ? QDateTime() : edit->dateTime().toUTC();
    };
    DeliveryFilter next = m_filter;
    next.customFrom = valueOf(m_fromEdit);
    next.customTo = valueOf(m_toEdit);
    if (next.customFrom.isValid() && next.customTo.isValid() && next.customTo <= next.customFrom) {
        // Kept out of the filter until it makes sense; the edits keep what was typed.
        m_filterErrorLabel->setText(tr("The time range must end after it starts."));
        m_filterErrorLabel->show();
        return;
    }
    m_filterErrorLabel->hide();
    const bool changed = next != m_filter;
    m_filter = next;
    const QSignalBlocker blocker(m_filterTextEdit);
    m_filterTextEdit->setText(m_filter.toText());
    if (changed)
        emit filterChanged(m_filter);
}

void DeliveryFilterBar::searchTyped()
{
    m_searchTimer->stop();
    const QString text = m_searchEdit->text().trimmed();
    if (text == m_filter.text)
        return;
    change([text](DeliveryFilter &f) { f.text = text; });
}

void DeliveryFilterBar::showFilter()
{
    const QSignalBlocker b1(m_webhookCombo), b2(m_eventTypeCombo), b3(m_resultCombo), b4(m_statusCombo),
        b5(m_triggerCombo), b6(m_timeRangeCombo), b7(m_fromEdit), b8(m_toEdit), b9(m_searchEdit),
        b10(m_filterTextEdit);
    // A value another filter added to a list, but no longer used, goes again.
    while (m_webhookCombo->count() > m_webhookNames.size() + 1
           && m_webhookCombo->itemData(m_webhookCombo->count() - 1).toString() != m_filter.webhook)
        m_webhookCombo->removeItem(m_webhookCombo->count() - 1);
    selectData(m_webhookCombo, m_filter.webhook);
    selectData(m_eventTypeCombo, m_filter.eventType);
    selectData(m_resultCombo, DeliveryFilter::resultKey(m_filter.result));
    selectData(m_statusCombo, DeliveryFilter::statusClassKey(m_filter.statusClass));
    selectData(m_triggerCombo, DeliveryFilter::triggerKey(m_filter.trigger));
    selectData(m_timeRangeCombo, DeliveryFilter::timeRangeKey(m_filter.timeRange));
    const bool custom = m_filter.timeRange == DeliveryFilter::TimeRange::Custom;
    for (QWidget *widget : {static_cast<QWidget *>(m_fromLabel), static_cast<QWidget *>(m_fromEdit),
                            static_cast<QWidget *>(m_toLabel), static_cast<QWidget *>(m_toEdit)})
        widget->setVisible(custom);
    m_fromEdit->setDateTime(m_filter.customFrom.isValid() ? m_filter.customFrom.toLocalTime() : openLimit());
    m_toEdit->setDateTime(m_filter.customTo.isValid() ? m_filter.customTo.toLocalTime() : openLimit());
    if (m_searchEdit->text().trimmed() != m_filter.text)
        m_searchEdit->setText(m_filter.text);
    m_filterTextEdit->setText(m_filter.toText());
    m_filterTextEdit->setModified(false);
    m_clearButton->setEnabled(!m_filter.isEmpty());
}

void DeliveryFilterBar::retranslate()
{
    m_webhookLabel->setText(tr("&Webhook:"));
    m_eventTypeLabel->setText(tr("E&vent:"));
    m_resultLabel->setText(tr("&Result:"));
    m_statusLabel->setText(tr("Stat&us:"));
    m_triggerLabel->setText(tr("Tri&gger:"));
    m_timeRangeLabel->setText(tr("T&ime:"));
    m_fromLabel->setText(tr("from"));
    m_toLabel->setText(tr("to"));
    m_searchLabel->setText(tr("&Search:"));
    m_filterTextLabel->setText(tr("&Filter:"));
    m_webhookCombo->setItemText(0, tr("All webhooks"));
    m_eventTypeCombo->setItemText(0, tr("All event types"));
    const QStringList results = {tr("Any"), tr("Success"), tr("Failure")};
    const QStringList statuses = {tr("Any"), tr("2xx success"), tr("3xx redirect"), tr("4xx client error"),
                                  tr("5xx server error"), tr("No response")};
    const QStringList triggers = {tr("Any"), tr("Event"), tr("Test"), tr("Redelivery")};
    const QStringList ranges = {tr("All time"), tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"),
                                tr("Custom range")};
    for (const auto &[combo, texts] : {std::pair<QComboBox *, const QStringList *>{m_resultCombo, &results},
                                       {m_statusCombo, &statuses},
                                       {m_triggerCombo, &triggers},
                                       {m_timeRangeCombo, &ranges}}) {
        for (int index = 0; index < texts->size() && index < combo->count(); ++index)
            combo->setItemText(index, texts->at(index));
    }
    for (QDateTimeEdit *edit : {m_fromEdit, m_toEdit})
        edit->setSpecialValueText(tr("open"));
    m_fromEdit->setToolTip(tr("Attempts that started at or after this time; “open” for no limit."));
    m_toEdit->setToolTip(tr("Attempts that started before this time; “open” for no limit."));
    m_searchEdit->setPlaceholderText(tr("Text in the error, the response, the event id or the message id (webhook-id)"));
    m_filterTextEdit->setPlaceholderText(tr("e.g. webhook=Cardiology&result=failure&since=24h"));
    m_filterTextEdit->setToolTip(tr("The filter as text, to copy into a ticket or paste from one. Keys: webhook, event, "
                                    "result, status, since, from, to, trigger, q. Press Enter to apply."));
    m_clearButton->setText(tr("Clear"));
}

void DeliveryFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
