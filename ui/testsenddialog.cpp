// Test-send: one sample event to one webhook, signed and sent for real, with the request, the answer and what it means.
#include "ui/testsenddialog.h"

#include "models/domain/boundedfile.h"
#include "models/domain/eventtype.h"
#include "models/storage/dispatcherregistry.h"
#include "models/storage/webhookrepository.h"
#include "ui/filedialogs.h"
#include "ui/httpmessageview.h"
#include "ui/screenfit.h"
#include "ui/consolestyle.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// Marks the event types the webhook subscribes to in the event list.
constexpr int subscribedRole = Qt::UserRole + 1;

} // namespace

TestSendDialog::TestSendDialog(const TestSendServices &services, const Webhook &webhook, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_webhook(webhook)
    , m_ticker(new QTimer(this))
    , m_dispatchersRefresh(new QTimer(this))
    , m_webhookLabel(new QLabel(this))
    , m_webhookValue(new QLabel(this))
    , m_phiLabel(new QLabel(this))
    , m_phiValue(new QLabel(this))
    , m_eventLabel(new QLabel(this))
    , m_eventCombo(new QComboBox(this))
    , m_routeLabel(new QLabel(this))
    , m_routeCombo(new QComboBox(this))
    , m_sampleLabel(new QLabel(this))
    , m_sampleValue(new QLabel(this))
    , m_loadSampleButton(new QPushButton(this))
    , m_builtInButton(new QPushButton(this))
    , m_sampleErrorLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_stageLabel(new QLabel(this))
    , m_sendButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
    , m_closeButton(new QPushButton(this))
    , m_outcomeLabel(new QLabel(this))
    , m_diagnosisLabel(new QLabel(this))
    , m_recordLabel(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_requestView(new HttpMessageView(this))
    , m_responseView(new HttpMessageView(this))
{
    setObjectName(QStringLiteral("testSendDialog"));
    setSizeGripEnabled(true);
    setMinimumSize(720, 560);
    ScreenFit::resize(this, {1040, 760});

    m_webhookValue->setObjectName(QStringLiteral("webhookValue"));
    m_webhookValue->setTextFormat(Qt::PlainText);
    m_webhookValue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phiValue->setTextFormat(Qt::PlainText);
    m_eventCombo->setObjectName(QStringLiteral("eventCombo"));
    m_eventCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_eventLabel->setBuddy(m_eventCombo);
    m_routeCombo->setObjectName(QStringLiteral("routeCombo"));
    m_routeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_routeCombo->addItem(QString(), QVariant::fromValue(Route::Dispatcher));
    m_routeCombo->addItem(QString(), QVariant::fromValue(Route::Direct));
    m_routeCombo->setCurrentIndex(1);
    m_routeLabel->setBuddy(m_routeCombo);
    m_sampleValue->setObjectName(QStringLiteral("sampleValue"));
    m_sampleValue->setTextFormat(Qt::PlainText);
    m_loadSampleButton->setObjectName(QStringLiteral("loadSampleButton"));
    m_builtInButton->setObjectName(QStringLiteral("builtInSampleButton"));
    m_sampleErrorLabel->setObjectName(QStringLiteral("sampleErrorLabel"));
    m_sampleErrorLabel->setTextFormat(Qt::PlainText);
    m_sampleErrorLabel->setWordWrap(true);
    m_sampleErrorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sampleErrorLabel->setStyleSheet(ConsoleStyle::problemText());
    m_sampleErrorLabel->hide();

    // A busy bar: the sender reports stages, not percentages.
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(160);
    QSizePolicy keepPlace = m_progress->sizePolicy();
    keepPlace.setRetainSizeWhenHidden(true);
    m_progress->setSizePolicy(keepPlace);
    m_stageLabel->setObjectName(QStringLiteral("stageLabel"));
    m_stageLabel->setTextFormat(Qt::PlainText);

    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    for (QPushButton *button : {m_loadSampleButton, m_builtInButton, m_cancelButton, m_closeButton})
        button->setAutoDefault(false);
    // Enter sends; it must never cancel or close by accident.
    m_sendButton->setDefault(true);

    m_outcomeLabel->setObjectName(QStringLiteral("outcomeLabel"));
    m_outcomeLabel->setTextFormat(Qt::PlainText);
    m_outcomeLabel->setWordWrap(true);
    m_outcomeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diagnosisLabel->setObjectName(QStringLiteral("diagnosisLabel"));
    m_diagnosisLabel->setTextFormat(Qt::PlainText);
    m_diagnosisLabel->setWordWrap(true);
    m_diagnosisLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recordLabel->setObjectName(QStringLiteral("recordLabel"));
    m_recordLabel->setTextFormat(Qt::PlainText);
    m_recordLabel->setWordWrap(true);
    m_recordLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_requestView->setObjectName(QStringLiteral("requestView"));
    m_responseView->setObjectName(QStringLiteral("responseView"));

    m_splitter->addWidget(m_requestView);
    m_splitter->addWidget(m_responseView);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({1, 1}); // request and response get the same width, whatever their first contents

    auto *sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_sampleValue, 1);
    sampleRow->addWidget(m_loadSampleButton);
    sampleRow->addWidget(m_builtInButton);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_webhookLabel, m_webhookValue);
    form->addRow(m_phiLabel, m_phiValue);
    form->addRow(m_eventLabel, m_eventCombo);
    form->addRow(m_sampleLabel, sampleRow);
    form->addRow(m_routeLabel, m_routeCombo);
    form->addRow(QString(), m_sampleErrorLabel);

    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_progress);
    sendRow->addWidget(m_stageLabel, 1);
    sendRow->addWidget(m_sendButton);
    sendRow->addWidget(m_cancelButton);

    auto *closeRow = new QHBoxLayout;
    closeRow->addStretch(1);
    closeRow->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(sendRow);
    layout->addWidget(m_outcomeLabel);
    layout->addWidget(m_diagnosisLabel);
    layout->addWidget(m_recordLabel);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(closeRow);

    m_ticker->setInterval(100);
    connect(m_ticker, &QTimer::timeout, this, &TestSendDialog::updateStage);
    connect(m_eventCombo, &QComboBox::currentIndexChanged, this, &TestSendDialog::eventTypeChosen);
    connect(m_routeCombo, &QComboBox::activated, this, [this] { m_routeChosen = true; });
    connect(m_loadSampleButton, &QPushButton::clicked, this, &TestSendDialog::chooseSampleFile);
    connect(m_builtInButton, &QPushButton::clicked, this, &TestSendDialog::useBuiltInSample);
    connect(m_sendButton, &QPushButton::clicked, this, &TestSendDialog::send);
    connect(m_cancelButton, &QPushButton::clicked, this, &TestSendDialog::cancel);
    connect(m_closeButton, &QPushButton::clicked, this, &QWidget::close);

    populateEvents();
    retranslate();
    clearResult();
    setState(State::Idle);
    m_dispatchersRefresh->setInterval(DispatchersRefreshMs);
    connect(m_dispatchersRefresh, &QTimer::timeout, this, &TestSendDialog::readDispatchers);
    m_dispatchersRefresh->start();
    readDispatchers();
}

TestSendDialog::~TestSendDialog()
{
    m_destroying = true;
    // A request already on its way may have reached the receiver: it ends as cancelled and is recorded.
    if (m_run)
        m_run->cancel();
    // One handed to a dispatcher is withdrawn, or the dispatcher asked to stop it, as it goes with the dialog.
}

void TestSendDialog::readDispatchers()
{
    m_services.deliveryLog.run<QList<DispatcherInfo>>(
        [](Database &database) { return DispatcherRegistry(database).running(QDateTime::currentDateTimeUtc()); },
        this, [this](const Result<QList<DispatcherInfo>> &running) {
            m_dispatchersKnown = true;
            m_dispatchers.clear();
            // Unreadable: offered as if none ran; a direct send still works.
            if (running) {
                for (const DispatcherInfo &dispatcher : *running)
                    m_dispatchers.append(dispatcher.owner);
            }
            // The way real events take, when it is there, unless someone chose otherwise.
            if (m_state == State::Idle && (!m_routeChosen || m_dispatchers.isEmpty()))
                m_routeCombo->setCurrentIndex(m_dispatchers.isEmpty() ? 1 : 0);
            updateRoutes();
            emit dispatchersRead();
        });
}

void TestSendDialog::updateRoutes()
{
    QString dispatcherText;
    if (!m_dispatchersKnown)
        dispatcherText = tr("Through a dispatcher (looking for one…)");
    else if (m_dispatchers.isEmpty())
        dispatcherText = tr("Through a dispatcher (none is running)");
    else if (m_dispatchers.size() == 1)
        dispatcherText = tr("Through the dispatcher %1").arg(m_dispatchers.first());
    else
        dispatcherText = tr("Through one of the %1 running dispatchers").arg(m_dispatchers.size()); // two or more
    m_routeCombo->setItemText(0, dispatcherText);
    m_routeCombo->setItemData(0, tr("The test takes the way real events take: sent from the dispatcher's machine, "
                                    "through its network and proxy, signed with the credentials it holds."),
                              Qt::ToolTipRole);
    m_routeCombo->setItemText(1, tr("Directly from this workstation"));
    m_routeCombo->setItemData(1, tr("Sent from this computer, signed with the sealed credentials it opens with its "
                                    "own key: shows whether the receiver works, not whether the dispatcher can reach "
                                    "it."),
                              Qt::ToolTipRole);
    if (auto *items = qobject_cast<QStandardItemModel *>(m_routeCombo->model())) {
        if (QStandardItem *item = items->item(0))
            item->setEnabled(!m_dispatchers.isEmpty());
    }
}

TestSendDialog::Route TestSendDialog::route() const
{
    return m_routeCombo->currentData().value<Route>();
}

bool TestSendDialog::setRoute(Route route)
{
    if (m_state != State::Idle || (route == Route::Dispatcher && m_dispatchers.isEmpty()))
        return false;
    m_routeCombo->setCurrentIndex(route == Route::Dispatcher ? 0 : 1);
    m_routeChosen = true;
    return true;
}

bool TestSendDialog::setWebhook(const Webhook &webhook)
{
    if (m_state != State::Idle)
        return false;
    const QString chosen = eventType();
    m_webhook = webhook;
    populateEvents();
    if (!setEventType(chosen) && m_fileEvent)
        useBuiltInSample(); // the file's event is not something this configuration can receive
    retranslate();
    setState(State::Idle);
    return true;
}

void TestSendDialog::populateEvents()
{
    const QSignalBlocker blocker(m_eventCombo);
    m_eventCombo->clear();
    const std::unique_ptr<PayloadFormatter> formatter = PayloadFormatter::create(m_webhook.kind);
    QStringList subscribed;
    QStringList others;
    for (const EventType &type : EventCatalog::builtIn()) {
        if (!formatter || !formatter->supports(type.name))
            continue;
        (m_webhook.events.contains(type.name) ? subscribed : others).append(type.name);
    }
    for (const QString &name : std::as_const(subscribed)) {
        m_eventCombo->addItem(name, name);
        m_eventCombo->setItemData(m_eventCombo->count() - 1, true, subscribedRole);
    }
    if (!subscribed.isEmpty() && !others.isEmpty())
        m_eventCombo->insertSeparator(m_eventCombo->count());
    for (const QString &name : std::as_const(others)) {
        m_eventCombo->addItem(name, name);
        m_eventCombo->setItemData(m_eventCombo->count() - 1, false, subscribedRole);
    }
    m_eventCombo->setCurrentIndex(m_eventCombo->count() > 0 ? 0 : -1);
    retranslateEvents();
}

void TestSendDialog::retranslateEvents()
{
    for (int index = 0; index < m_eventCombo->count(); ++index) {
        const QString name = m_eventCombo->itemData(index).toString();
        const EventType *type = EventCatalog::find(name);
        if (!type)
            continue;
        const bool subscribed = m_eventCombo->itemData(index, subscribedRole).toBool();
        m_eventCombo->setItemText(index, subscribed
                                             ? tr("%1 — %2").arg(name, type->displayDescription())
                                             : tr("%1 — %2 (not subscribed)").arg(name, type->displayDescription()));
        m_eventCombo->setItemData(index,
                                  subscribed ? tr("The webhook receives this event.")
                                             : tr("The webhook does not subscribe to this event; it can still be "
                                                  "sent as a test."),
                                  Qt::ToolTipRole);
    }
}

QStringList TestSendDialog::offeredEventTypes() const
{
    QStringList types;
    for (int index = 0; index < m_eventCombo->count(); ++index) {
        const QString name = m_eventCombo->itemData(index).toString();
        if (!name.isEmpty())
            types.append(name);
    }
    return types;
}

QString TestSendDialog::eventType() const
{
    return m_eventCombo->currentData().toString();
}

bool TestSendDialog::setEventType(const QString &type)
{
    const int index = type.isEmpty() ? -1 : m_eventCombo->findData(type);
    if (index < 0)
        return false;
    m_eventCombo->setCurrentIndex(index);
    return true;
}

void TestSendDialog::eventTypeChosen()
{
    // A loaded file is one event of one type: choosing another type means the built-in sample of that type.
    if (!m_choosingFromFile && m_fileEvent && m_fileEvent->type != eventType())
        m_fileEvent.reset();
    m_sampleErrorLabel->hide();
    updateSampleLabel();
}

Event TestSendDialog::sampleEvent() const
{
    if (m_fileEvent)
        return *m_fileEvent;
    return EventSamples::sample(eventType());
}

QFuture<bool> TestSendDialog::loadSampleFile(const QString &path)
{
    // Read in the pool: a file on a slow share must not stop the window.
    return BoundedFile::readInBackground(path, BoundedFile::eventSampleMaxBytes)
        .then(this, [this, path](const BoundedFile::Contents &read) { return useSampleFile(path, read); });
}

bool TestSendDialog::useSampleFile(const QString &path, const BoundedFile::Contents &read)
{
    const QString fileName = QFileInfo(path).fileName();
    auto failed = [this](const QString &message) {
        m_sampleErrorLabel->setText(message);
        m_sampleErrorLabel->show();
        return false;
    };
    if (!read.bytes)
        return failed(tr("Cannot read “%1”: %2").arg(fileName, read.error));
    QString error;
    const std::optional<Event> event = Event::fromJson(*read.bytes, &error);
    if (!event)
        return failed(tr("“%1” is not a goReporter event: %2").arg(fileName, error));
    if (!offeredEventTypes().contains(event->type))
        return failed(tr("“%1” holds a “%2” event, which a %3 webhook cannot receive.")
                          .arg(fileName, event->type, WebhookKinds::displayName(m_webhook.kind)));
    m_fileEvent = event;
    m_sampleFileName = fileName;
    m_choosingFromFile = true;
    setEventType(event->type);
    m_choosingFromFile = false;
    m_sampleErrorLabel->hide();
    updateSampleLabel();
    return true;
}

void TestSendDialog::useBuiltInSample()
{
    m_fileEvent.reset();
    m_sampleFileName.clear();
    m_sampleErrorLabel->hide();
    updateSampleLabel();
}

void TestSendDialog::chooseSampleFile()
{
    // open() rather than exec(): choosing a file must not stop a send that is still being shown.
    QFileDialog *chooser = FileDialogs::create(this, tr("Load Sample Event"), QString(),
                                               tr("JSON files (*.json);;All files (*)"), QFileDialog::AcceptOpen);
    chooser->setObjectName(QStringLiteral("sampleFileChooser"));
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &path) { loadSampleFile(path); });
    chooser->open();
}

void TestSendDialog::updateSampleLabel()
{
    if (m_fileEvent)
        m_sampleValue->setText(tr("“%1” (event %2)").arg(m_sampleFileName, m_fileEvent->id));
    else
        m_sampleValue->setText(tr("Built-in sample with an invented patient"));
    m_builtInButton->setVisible(m_fileEvent.has_value());
}

void TestSendDialog::retranslate()
{
    setWindowTitle(tr("Test-Send to “%1”").arg(m_webhook.name));
    m_webhookLabel->setText(tr("Webhook:"));
    m_webhookValue->setText(tr("%1 · %2 · %3")
                                .arg(m_webhook.name, WebhookKinds::displayName(m_webhook.kind), m_webhook.maskedEndpoint()));
    m_phiLabel->setText(tr("Patient data:"));
    m_phiValue->setText(PhiLevels::displayName(m_webhook.phiLevel));
    m_phiValue->setToolTip(PhiLevels::explanation(m_webhook.phiLevel));
    m_eventLabel->setText(tr("&Event:"));
    m_routeLabel->setText(tr("Send &from:"));
    updateRoutes();
    m_sampleLabel->setText(tr("Sample:"));
    m_loadSampleButton->setText(tr("&Load Sample File…"));
    m_loadSampleButton->setToolTip(tr("Send an event saved as JSON (the format of the payload preview) instead of the "
                                      "built-in sample."));
    m_builtInButton->setText(tr("Use &Built-in Sample"));
    m_sendButton->setText(tr("&Send"));
    m_cancelButton->setText(tr("Cancel"));
    m_closeButton->setText(tr("Close"));
    m_requestView->setTitle(tr("Request"));
    m_responseView->setTitle(tr("Response"));
    retranslateEvents();
    updateSampleLabel();
    updateStage();
    if (m_lastResult)
        showResult(*m_lastResult);
    else
        clearResult();
    showOutcome();
}

void TestSendDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void TestSendDialog::closeEvent(QCloseEvent *event)
{
    cancel();
    QDialog::closeEvent(event);
}

void TestSendDialog::reject()
{
    // Escape during a send stops the send; the result stays to be read.
    if (m_state != State::Idle) {
        cancel();
        return;
    }
    QDialog::reject();
}

void TestSendDialog::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    const bool idle = state == State::Idle;
    m_sendButton->setEnabled(idle && m_eventCombo->count() > 0);
    m_cancelButton->setEnabled(!idle);
    m_eventCombo->setEnabled(idle);
    m_routeCombo->setEnabled(idle);
    m_loadSampleButton->setEnabled(idle);
    m_builtInButton->setEnabled(idle);
    m_progress->setVisible(!idle);
    if (idle) {
        m_ticker->stop();
    } else if (!m_ticker->isActive()) {
        m_clock.start();
        m_ticker->start();
    }
    updateStage();
    if (changed && !m_destroying)
        emit stateChanged(state);
}

void TestSendDialog::updateStage()
{
    QString text;
    switch (m_state) {
    case State::Idle:
        if (m_eventCombo->count() == 0)
            text = tr("This integration cannot receive any event.");
        break;
    case State::Preparing:
        if (m_dispatched && m_dispatched->stage() == DispatchedTestSend::Stage::Handing)
            text = tr("Handing the test to the dispatchers…");
        else if (m_dispatched)
            text = tr("Waiting for a dispatcher to take the test…");
        else if (m_run && m_run->stage() == DeliveryRun::Stage::ReadingCredentials)
            text = m_webhook.kind == WebhookKind::Epic ? tr("Opening the sealed Epic private key…")
                                                       : tr("Opening the sealed signing secret…");
        else if (m_run && m_run->stage() == DeliveryRun::Stage::Recording)
            text = tr("Recording the attempt in the delivery log…");
        else
            text = tr("Preparing the payload…");
        break;
    case State::Sending:
        if (m_dispatched) {
            text = tr("The dispatcher %1 is sending the test…").arg(m_dispatched->dispatcher());
            break;
        }
        switch (m_stage.value_or(DeliveryJob::Stage::Resolving)) {
        case DeliveryJob::Stage::Resolving:
            text = tr("Resolving the receiver's name and checking its address…");
            break;
        case DeliveryJob::Stage::Authenticating:
            text = tr("Requesting an Epic access token…");
            break;
        case DeliveryJob::Stage::Sending:
            text = tr("Connecting, sending the request and waiting for the answer…");
            break;
        case DeliveryJob::Stage::Finished:
            break;
        }
        break;
    }
    if (m_state != State::Idle)
        text = tr("%1 %2 s").arg(text, QLocale().toString(m_clock.elapsed() / 1000.0, 'f', 1));
    m_stageLabel->setText(text);
}

void TestSendDialog::send()
{
    if (m_state != State::Idle || eventType().isEmpty())
        return;
    clearResult();
    m_outcome = Outcome::None;
    showOutcome();
    setState(State::Preparing);

    DeliveryOrder order;
    order.webhook = m_webhook;
    order.event = usesSampleFile() ? sampleEvent() : EventSamples::forTestSend(eventType());
    order.trigger = DeliveryTrigger::Test;
    m_lastDispatcher.clear();
    if (route() == Route::Dispatcher && !m_dispatchers.isEmpty())
        sendThroughDispatcher(order);
    else
        sendDirectly(order);
    updateStage();
}

void TestSendDialog::sendThroughDispatcher(const DeliveryOrder &order)
{
    DispatchedTestSend *test = DispatchedTestSend::start(m_services.deliveryLog, order.webhook, order.event, this);
    m_dispatched = test;
    connect(test, &DispatchedTestSend::stageChanged, this, [this](DispatchedTestSend::Stage stage) {
        if (stage == DispatchedTestSend::Stage::Sending)
            setState(State::Sending);
        updateStage();
    });
    connect(test, &DispatchedTestSend::finished, this, [this, test](const DeliveryOutcome &outcome) {
        m_lastDispatcher = test->dispatcher();
        m_dispatched = nullptr;
        finished(outcome);
        readDispatchers();
    });
}

void TestSendDialog::sendDirectly(const DeliveryOrder &order)
{
    // The pipeline takes the secret state as stored now; the rest stays as given, so the editor can test unsaved
    // changes.
    const DeliveryServices services{m_services.deliveryLog, m_services.credentials, m_services.sender,
                                    &m_services.webhooks};
    DeliveryRun *run = DeliveryPipeline::start(services, order, this);
    m_run = run;
    connect(run, &DeliveryRun::stageChanged, this, &TestSendDialog::updateStage);
    connect(run, &DeliveryRun::attemptStarted, this, [this] {
        m_stage = DeliveryJob::Stage::Resolving;
        setState(State::Sending);
    });
    connect(run, &DeliveryRun::sendingStageChanged, this, [this](DeliveryJob::Stage stage) {
        m_stage = stage;
        updateStage();
    });
    connect(run, &DeliveryRun::finished, this, &TestSendDialog::finished);
}

void TestSendDialog::finished(const DeliveryOutcome &outcome)
{
    m_run = nullptr;
    m_stage.reset();
    switch (outcome.status) {
    case DeliveryOutcome::Status::Refused:
        refuse(refusalText(outcome));
        return;
    case DeliveryOutcome::Status::Cancelled:
        m_outcome = Outcome::Cancelled;
        if (!outcome.sent) {
            setState(State::Idle);
            showOutcome();
            m_requestView->showNothing(tr("Nothing was sent."));
            return;
        }
        break;
    case DeliveryOutcome::Status::Delivered:
        m_outcome = Outcome::Delivered;
        break;
    case DeliveryOutcome::Status::Failed:
        m_outcome = Outcome::Failed;
        break;
    }
    m_lastResult = outcome.result;
    m_lastMessageId = outcome.messageId;
    m_lastRecord = outcome.record;
    m_recordError = outcome.recordError;

    setState(State::Idle);
    showResult(outcome.result);
    showOutcome();
    if (!m_destroying)
        emit sendFinished(outcome.result);
}

QString TestSendDialog::refusalText(const DeliveryOutcome &outcome) const
{
    // What the pipeline says, and what to do about it here.
    if (!m_lastDispatcher.isEmpty()) {
        // The dispatcher's own words are in its language; what to do is in the reader's.
        switch (outcome.refusal) {
        case DeliveryRefusal::SecretUnavailable:
            return tr("The dispatcher %1 cannot sign the request, so nothing was sent: its machine cannot open the "
                      "webhook's current secret. If that machine waits for approval, approve it in the Machines "
                      "dialog; or send the test directly from this workstation. The dispatcher says: %2")
                .arg(m_lastDispatcher, outcome.message);
        case DeliveryRefusal::EpicKeyUnavailable:
            return tr("The dispatcher %1 cannot use the Epic private key of this webhook, so nothing was sent. If "
                      "its machine waits for approval, approve it in the Machines dialog; or send the test directly "
                      "from this workstation. The dispatcher says: %2")
                .arg(m_lastDispatcher, outcome.message);
        default:
            return tr("The dispatcher %1 sent nothing: %2").arg(m_lastDispatcher, outcome.message);
        }
    }
    switch (outcome.refusal) {
    case DeliveryRefusal::SecretUnavailable:
        return tr("The request cannot be signed, so nothing was sent. %1").arg(outcome.message);
    case DeliveryRefusal::EpicKeyUnavailable:
        return tr("%1 Create the key pair in the webhook's editor (Delivery tab ▸ Generate key pair…) and register "
                  "its public key with Epic.")
            .arg(outcome.message);
    default:
        return outcome.message;
    }
}

void TestSendDialog::refuse(const QString &message)
{
    m_run = nullptr;
    m_outcome = Outcome::Refused;
    m_refusal = message;
    setState(State::Idle);
    showOutcome();
    m_requestView->showNothing(tr("Nothing was sent."));
    m_responseView->showNothing(QString());
    if (!m_destroying)
        emit sendRefused(message);
}

void TestSendDialog::cancel()
{
    // Before sending the run finishes at once as cancelled; while sending, the stopped request is recorded as
    // cancelled and answers through finished(). A dispatcher that took the test stops it the same way.
    if (m_run)
        m_run->cancel();
    if (m_dispatched)
        m_dispatched->cancel();
}
