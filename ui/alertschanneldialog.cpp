// The alerts channel in one step: which webhook gets the operations events, and the link in every alert.
#include "ui/alertschanneldialog.h"

#include "models/domain/eventtype.h"
#include "models/storage/dispatchsettings.h"
#include "models/storage/webhookrepository.h"
#include "network/delivery/dispatchconfig.h"
#include "ui/consolestyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

QStringList AlertsChannelDialog::alertTypes()
{
    QStringList names;
    for (const EventType &type : EventCatalog::builtIn()) {
        if (type.category == EventCategory::Operations)
            names.append(type.name);
    }
    return names;
}

QList<Webhook> AlertsChannelDialog::channelsAmong(const QList<Webhook> &webhooks)
{
    const QStringList types = alertTypes();
    QList<Webhook> channels;
    for (const Webhook &webhook : webhooks) {
        if (std::any_of(webhook.events.cbegin(), webhook.events.cend(),
                        [&types](const QString &event) { return types.contains(event); }))
            channels.append(webhook);
    }
    std::sort(channels.begin(), channels.end(), [](const Webhook &a, const Webhook &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return channels;
}

AlertsChannelDialog::AlertsChannelDialog(const QList<Webhook> &webhooks, WebhookRepository &repository,
                                         const DatabaseWorker &settingsWorker, QWidget *parent)
    : QDialog(parent)
    , m_webhooks(webhooks)
    , m_repository(repository)
    , m_settingsWorker(settingsWorker)
    , m_intro(new QLabel(this))
    , m_channelLabel(new QLabel(this))
    , m_channel(new QComboBox(this))
    , m_typesLabel(new QLabel(this))
    , m_linkLabel(new QLabel(this))
    , m_link(new QLineEdit(this))
    , m_others(new QLabel(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"alertsChannelDialog"_s);
    m_intro->setWordWrap(true);
    m_others->setWordWrap(true);
    m_others->setObjectName(u"otherChannels"_s);
    m_status->setWordWrap(true);
    m_status->setObjectName(u"alertsStatus"_s);
    m_channel->setObjectName(u"alertsChannel"_s);
    m_link->setObjectName(u"alertsLink"_s);
    m_link->setPlaceholderText(u"https://intranet.example.org/runbooks/webhooks"_s);
    m_link->setEnabled(false); // until the stored setting is read
    m_channelLabel->setBuddy(m_channel);
    m_linkLabel->setBuddy(m_link);

    // Epic takes DiagnosticReports only, so it cannot be a channel.
    std::sort(m_webhooks.begin(), m_webhooks.end(), [](const Webhook &a, const Webhook &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    m_channel->addItem(QString());
    for (const Webhook &webhook : std::as_const(m_webhooks)) {
        if (webhook.kind != WebhookKind::Epic)
            m_channel->addItem(webhook.name, webhook.id);
    }
    const QList<Webhook> channels = channelsAmong(m_webhooks);
    if (!channels.isEmpty())
        m_channel->setCurrentIndex(m_channel->findData(channels.first().id));

    // Each alert by its event type, as subscribers see it, with what it means beside it.
    auto *types = new QGridLayout;
    for (const QString &name : alertTypes()) {
        auto *box = new QCheckBox(name, this);
        box->setObjectName(name);
        auto *meaning = new QLabel(this);
        meaning->setWordWrap(true);
        meaning->setForegroundRole(QPalette::PlaceholderText);
        meaning->setBuddy(box);
        m_types.append(box);
        m_typeMeanings.append(meaning);
        types->addWidget(box, int(m_types.size()) - 1, 0, Qt::AlignTop);
        types->addWidget(meaning, int(m_types.size()) - 1, 1);
    }
    types->setColumnStretch(1, 1);
    auto *form = new QFormLayout;
    form->addRow(m_channelLabel, m_channel);
    form->addRow(m_typesLabel, types);
    form->addRow(m_linkLabel, m_link);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_others);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AlertsChannelDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AlertsChannelDialog::reject);
    connect(m_channel, &QComboBox::currentIndexChanged, this, [this] {
        // The chosen webhook's alerts as they are, or all four for a webhook that has none yet.
        const std::optional<Webhook> webhook = chosen();
        const bool hasAlerts = webhook && !channelsAmong({*webhook}).isEmpty();
        for (QCheckBox *box : std::as_const(m_types))
            box->setChecked(!hasAlerts || webhook->events.contains(box->objectName()));
        updateState();
    });
    for (QCheckBox *box : std::as_const(m_types))
        connect(box, &QCheckBox::toggled, this, &AlertsChannelDialog::updateState);
    emit m_channel->currentIndexChanged(m_channel->currentIndex());

    m_settingsWorker.run<QJsonObject>(
        [](Database &database) -> Result<QJsonObject> {
            const Result<QHash<QString, QJsonObject>> values = DispatchSettings(database).values();
            if (!values)
                return values.failure();
            return values->value(DispatchConfig::AlertsName);
        },
        this, [this](const Result<QJsonObject> &stored) {
            if (!stored)
                return fail(stored.message());
            m_storedAlerts = *stored;
            m_settingsRead = true;
            m_link->setText(stored->value(u"link"_s).toString());
            m_link->setEnabled(true);
            updateState();
        });
    connect(m_link, &QLineEdit::textChanged, m_status, &QLabel::clear);
    retranslate();
    updateState();
    setMinimumWidth(560);
}

std::optional<Webhook> AlertsChannelDialog::chosen() const
{
    const QString id = m_channel->currentData().toString();
    for (const Webhook &webhook : m_webhooks) {
        if (!id.isEmpty() && webhook.id == id)
            return webhook;
    }
    return std::nullopt;
}

void AlertsChannelDialog::retranslate()
{
    setWindowTitle(tr("Alerts channel"));
    m_intro->setText(tr("Choose the webhook that hears when any webhook keeps failing, is switched off, delivers "
                        "again, or gives up on an event. The dispatcher sends these alerts; none carries patient "
                        "data, and none goes to the webhook it is about."));
    m_channelLabel->setText(tr("Alerts &channel:"));
    m_channel->setItemText(0, tr("Choose a webhook…"));
    m_typesLabel->setText(tr("Alerts:"));
    for (qsizetype i = 0; i < m_types.size(); ++i) {
        if (const EventType *type = EventCatalog::find(m_types.at(i)->objectName()))
            m_typeMeanings.at(i)->setText(type->displayDescription());
    }
    m_linkLabel->setText(tr("&Link in every alert:"));
    m_link->setToolTip(tr("A page that says what to do (your runbook, a status page); the same for every "
                          "dispatcher, kept in the database"));
    updateState();
}

void AlertsChannelDialog::updateState()
{
    const std::optional<Webhook> webhook = chosen();
    QStringList others;
    for (const Webhook &channel : channelsAmong(m_webhooks)) {
        if (!webhook || channel.id != webhook->id)
            others.append(channel.name);
    }
    m_others->setVisible(!others.isEmpty());
    m_others->setText(tr("Alerts also go to: %1 (edit a webhook's events to stop them).")
                          .arg(others.join(tr(", "))));
    const bool anyType = std::any_of(m_types.cbegin(), m_types.cend(), [](QCheckBox *box) { return box->isChecked(); });
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(webhook && anyType && m_settingsRead && m_pending == 0);
    ok->setToolTip(!webhook ? tr("Choose a webhook first.")
                            : !anyType ? tr("Choose at least one alert.") : QString());
}

void AlertsChannelDialog::fail(const QString &message)
{
    m_status->setText(message);
    m_status->setStyleSheet(ConsoleStyle::problemText());
}

void AlertsChannelDialog::accept()
{
    const std::optional<Webhook> webhook = chosen();
    if (!webhook || m_pending > 0)
        return;
    QJsonObject alerts = m_storedAlerts;
    const QString link = m_link->text().trimmed();
    const bool linkChanged = link != alerts.value(u"link"_s).toString();
    if (link.isEmpty())
        alerts.remove(u"link"_s);
    else
        alerts.insert(u"link"_s, link);
    if (const Result<void> checked = DispatchConfig::check(DispatchConfig::AlertsName, alerts); !checked) {
        m_link->setFocus();
        return fail(checked.message());
    }

    Webhook channel = *webhook;
    const QStringList types = alertTypes();
    QStringList events;
    for (const QString &event : std::as_const(channel.events)) {
        if (!types.contains(event))
            events.append(event);
    }
    for (QCheckBox *box : std::as_const(m_types)) {
        if (box->isChecked())
            events.append(box->objectName());
    }
    events.sort();
    const bool eventsChanged = events != channel.events;
    channel.events = events;
    m_summary = tr("Alerts go to “%1”.").arg(channel.name);
    m_failures.clear();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Saving…"));
    m_pending = int(eventsChanged) + int(linkChanged);
    updateState();
    if (m_pending == 0)
        return finishOne({});
    if (eventsChanged) {
        m_repository.changeInBackground(WebhookRepository::Change::Update, channel, this,
                                        [this](const Result<Webhook> &saved) {
                                            finishOne(saved ? QString() : saved.message());
                                        });
    }
    if (linkChanged) {
        m_settingsWorker.run<void>(
            [alerts](Database &database) {
                return DispatchSettings(database).setValue(DispatchConfig::AlertsName, alerts);
            },
            this, [this](const Result<void> &stored) { finishOne(stored ? QString() : stored.message()); });
    }
}

void AlertsChannelDialog::finishOne(const QString &failure)
{
    if (!failure.isEmpty())
        m_failures.append(failure);
    m_pending = std::max(0, m_pending - 1);
    if (m_pending > 0)
        return;
    if (!m_failures.isEmpty()) {
        updateState();
        return fail(m_failures.join(u'\n'));
    }
    emit changed(m_summary);
    QDialog::accept();
}

void AlertsChannelDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}
