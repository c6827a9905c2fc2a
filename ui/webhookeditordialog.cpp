// Creates or edits one webhook; validation comes from the core and is shown next to each field.
#include "ui/webhookeditordialog.h"

#include "models/domain/payloadtext.h"
#include "ui/screenfit.h"
#include "ui/secretdialog.h"
#include "models/domain/event.h"
#include "models/secrets/secretstore.h"
#include "models/domain/eventtype.h"
#include "models/storage/webhookrepository.h"
#include "network/payloads/payloadformatter.h"
#include "ui/eventpicker.h"
#include "ui/filedialogs.h"
#include "ui/headerstable.h"
#include "network/transport/epicauth.h"
#include "network/transport/webhookdelivery.h"
#include "ui/previewpane.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>
#include <QVBoxLayout>

WebhookEditorDialog::WebhookEditorDialog(WebhookRepository &repository, const Webhook &webhook, QWidget *parent,
                                         const TestSendServices *services)
    : QDialog(parent)
    , m_repository(repository)
    , m_webhook(webhook)
{
    if (services)
        m_services.emplace(*services);
    if (const auto all = m_repository.all()) {
        for (const Webhook &other : *all) {
            if (other.id != webhook.id)
                m_otherNames.add(other.name);
        }
    }
    buildUi();
    retranslate();
    loadFields(webhook);
    validateFields();
}

void WebhookEditorDialog::buildUi()
{
    setObjectName(QStringLiteral("webhookEditor"));

    auto errorLabel = [this](FieldError::Field field, const char *objectName) {
        auto *label = new QLabel(this);
        label->setObjectName(QLatin1String(objectName));
        label->setWordWrap(true);
        label->setStyleSheet(QStringLiteral("color: #b3261e;"));
        label->hide();
        m_errorLabels.insert(field, label);
        return label;
    };
    auto named = [](QWidget *widget, const char *objectName) {
        widget->setObjectName(QLatin1String(objectName));
        return widget;
    };

    m_nameEdit = static_cast<QLineEdit *>(named(new QLineEdit(this), "nameEdit"));
    m_kindCombo = static_cast<QComboBox *>(named(new QComboBox(this), "kindCombo"));
    for (WebhookKind kind : WebhookKinds::all())
        m_kindCombo->addItem(QIcon(QStringLiteral(":/icons/%1.svg").arg(WebhookKinds::key(kind))), QString(), int(kind));
    m_urlEdit = static_cast<QLineEdit *>(named(new QLineEdit(this), "urlEdit"));
    m_allowLoopbackHttpCheck = static_cast<QCheckBox *>(named(new QCheckBox(this), "allowLoopbackHttpCheck"));
    m_activeCheck = static_cast<QCheckBox *>(named(new QCheckBox(this), "activeCheck"));
    m_descriptionEdit = static_cast<QPlainTextEdit *>(named(new QPlainTextEdit(this), "descriptionEdit"));
    m_descriptionEdit->setFixedHeight(m_descriptionEdit->fontMetrics().lineSpacing() * 3 + 12);
    m_descriptionEdit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_descriptionEdit->setTabChangesFocus(true);
    m_timeoutSpin = static_cast<QSpinBox *>(named(new QSpinBox(this), "timeoutSpin"));
    m_timeoutSpin->setRange(WebhookValidator::minTimeoutSeconds, WebhookValidator::maxTimeoutSeconds);
    m_phiCombo = static_cast<QComboBox *>(named(new QComboBox(this), "phiCombo"));
    for (PhiLevel level : PhiLevels::all())
        m_phiCombo->addItem(QString(), int(level));
    m_languageCombo = static_cast<QComboBox *>(named(new QComboBox(this), "payloadLanguageCombo"));
    for (const QString &language : PayloadText::languages())
        m_languageCombo->addItem(PayloadText::languageName(language), language);
    m_languageLabel = new QLabel(this);
    m_languageLabel->setBuddy(m_languageCombo);
    m_phiExplanation = new QLabel(this);
    m_phiExplanation->setWordWrap(true);
    m_phiExplanation->setForegroundRole(QPalette::PlaceholderText);
    m_headersTable = static_cast<HeadersTable *>(named(new HeadersTable(this), "headersTable"));
    m_headersTable->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_headersTable->setFixedHeight(110);
    m_eventPicker = static_cast<EventPicker *>(named(new EventPicker(this), "eventPicker"));
    m_eventPicker->setMinimumHeight(200);
    m_caFileEdit = static_cast<QLineEdit *>(named(new QLineEdit(this), "caFileEdit"));
    m_caFileBrowse = new QPushButton(this);
    m_internalEndpointCheck = static_cast<QCheckBox *>(named(new QCheckBox(this), "internalEndpointCheck"));
    m_caFileLabel = new QLabel(this);
    m_caFileLabel->setBuddy(m_caFileEdit);
    m_epicGroup = new QGroupBox(this);
    m_epicGroup->setObjectName(QStringLiteral("epicGroup"));
    m_epicClientIdEdit = static_cast<QLineEdit *>(named(new QLineEdit(this), "epicClientIdEdit"));
    m_epicTokenUrlEdit = static_cast<QLineEdit *>(named(new QLineEdit(this), "epicTokenUrlEdit"));
    m_epicFhirBaseEdit = static_cast<QLineEdit *>(named(new QLineEdit(this), "epicFhirBaseEdit"));
    m_epicScopeEdit = static_cast<QLineEdit *>(named(new QLineEdit(this), "epicScopeEdit"));
    m_epicKeyIdEdit = static_cast<QLineEdit *>(named(new QLineEdit(this), "epicKeyIdEdit"));
    m_epicClientIdLabel = new QLabel(this);
    m_epicTokenUrlLabel = new QLabel(this);
    m_epicFhirBaseLabel = new QLabel(this);
    m_epicScopeLabel = new QLabel(this);
    m_epicKeyIdLabel = new QLabel(this);
    m_epicKeyStatus = new QLabel(this);
    m_epicKeyStatus->setObjectName(QStringLiteral("epicKeyStatus"));
    m_epicKeyStatus->setWordWrap(true);
    m_epicGenerateKeyButton = static_cast<QPushButton *>(named(new QPushButton(this), "epicGenerateKeyButton"));
    m_epicCopyJwksButton = static_cast<QPushButton *>(named(new QPushButton(this), "epicCopyJwksButton"));
    m_epicSaveJwksButton = static_cast<QPushButton *>(named(new QPushButton(this), "epicSaveJwksButton"));
    for (QPushButton *button : {m_caFileBrowse, m_epicGenerateKeyButton, m_epicCopyJwksButton, m_epicSaveJwksButton})
        button->setAutoDefault(false);

    m_nameLabel = new QLabel(this);
    m_kindLabel = new QLabel(this);
    m_urlLabel = new QLabel(this);
    m_descriptionLabel = new QLabel(this);
    m_timeoutLabel = new QLabel(this);
    m_phiLabel = new QLabel(this);
    m_headersLabel = new QLabel(this);
    m_eventsLabel = new QLabel(this);
    m_nameLabel->setBuddy(m_nameEdit);
    m_kindLabel->setBuddy(m_kindCombo);
    m_urlLabel->setBuddy(m_urlEdit);
    m_descriptionLabel->setBuddy(m_descriptionEdit);
    m_timeoutLabel->setBuddy(m_timeoutSpin);
    m_phiLabel->setBuddy(m_phiCombo);
    m_headersLabel->setBuddy(m_headersTable);
    m_eventsLabel->setBuddy(m_eventPicker);

    auto fieldWithError = [this](QWidget *field, QLabel *error, QWidget *extra = nullptr) {
        auto *box = new QWidget(this);
        // Only fields that can use more height (the event list) take the dialog's spare space.
        box->setSizePolicy(QSizePolicy::Preferred, field->sizePolicy().verticalPolicy());
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(field);
        if (extra)
            layout->addWidget(extra);
        layout->addWidget(error);
        return box;
    };

    // What the webhook is and listens to on the first tab; how it is delivered on the second.
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(m_nameLabel, fieldWithError(m_nameEdit, errorLabel(FieldError::Field::Name, "nameError")));
    form->addRow(m_kindLabel, m_kindCombo);
    m_urlHint = new QLabel(this);
    m_urlHint->setObjectName(QStringLiteral("urlHint"));
    m_urlHint->setWordWrap(true);
    m_urlHint->setForegroundRole(QPalette::PlaceholderText);
    m_urlHint->hide();
    auto *urlExtras = new QWidget(this);
    auto *urlExtrasLayout = new QVBoxLayout(urlExtras);
    urlExtrasLayout->setContentsMargins(0, 0, 0, 0);
    urlExtrasLayout->setSpacing(2);
    urlExtrasLayout->addWidget(m_urlHint);
    urlExtrasLayout->addWidget(m_allowLoopbackHttpCheck);
    form->addRow(m_urlLabel, fieldWithError(m_urlEdit, errorLabel(FieldError::Field::Url, "urlError"), urlExtras));
    form->addRow(QString(), m_activeCheck);
    form->addRow(m_descriptionLabel, fieldWithError(m_descriptionEdit,
                                                    errorLabel(FieldError::Field::Description, "descriptionError")));
    form->addRow(m_eventsLabel, fieldWithError(m_eventPicker, errorLabel(FieldError::Field::Events, "eventsError")));

    auto *deliveryForm = new QFormLayout;
    deliveryForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    deliveryForm->addRow(m_timeoutLabel,
                         fieldWithError(m_timeoutSpin, errorLabel(FieldError::Field::Timeout, "timeoutError")));
    auto *phiRow = new QHBoxLayout;
    phiRow->addWidget(m_phiCombo);
    phiRow->addWidget(m_phiExplanation, 1);
    deliveryForm->addRow(m_phiLabel, phiRow);
    deliveryForm->addRow(m_languageLabel, m_languageCombo);
    deliveryForm->addRow(m_headersLabel,
                         fieldWithError(m_headersTable, errorLabel(FieldError::Field::Headers, "headersError")));
    auto *caRow = new QWidget(this);
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_caFileEdit, 1);
    caLayout->addWidget(m_caFileBrowse);
    deliveryForm->addRow(m_caFileLabel, fieldWithError(caRow, errorLabel(FieldError::Field::CaFile, "caFileError")));
    deliveryForm->addRow(QString(), m_internalEndpointCheck);
    deliveryForm->addRow(m_epicGroup);
    auto *epicForm = new QFormLayout(m_epicGroup);
    epicForm->addRow(m_epicClientIdLabel, m_epicClientIdEdit);
    epicForm->addRow(m_epicTokenUrlLabel, m_epicTokenUrlEdit);
    epicForm->addRow(m_epicFhirBaseLabel, m_epicFhirBaseEdit);
    epicForm->addRow(m_epicScopeLabel, m_epicScopeEdit);
    epicForm->addRow(m_epicKeyIdLabel, m_epicKeyIdEdit);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_epicKeyStatus, 1);
    keyRow->addWidget(m_epicGenerateKeyButton);
    keyRow->addWidget(m_epicCopyJwksButton);
    keyRow->addWidget(m_epicSaveJwksButton);
    epicForm->addRow(keyRow);
    epicForm->addRow(errorLabel(FieldError::Field::Epic, "epicError"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    m_deleteButton = m_buttons->addButton(QString(), QDialogButtonBox::DestructiveRole);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_duplicateButton = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_duplicateButton->setObjectName(QStringLiteral("duplicateButton"));
    m_testSendButton = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_testSendButton->setObjectName(QStringLiteral("testSendButton"));
    m_testSendButton->setVisible(m_services.has_value());
    m_secretButton = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_secretButton->setObjectName(QStringLiteral("secretButton"));
    const bool stored = !m_webhook.id.isEmpty();
    m_deleteButton->setVisible(stored);
    m_duplicateButton->setVisible(stored);

    // The form on the left, what the receiver will get on the right, updated as the fields change.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    auto *generalTab = new QWidget(this);
    generalTab->setLayout(form);
    auto *deliveryTab = new QWidget(this);
    auto *deliveryLayout = new QVBoxLayout(deliveryTab);
    deliveryLayout->addLayout(deliveryForm);
    deliveryLayout->addStretch();
    m_tabs->addTab(generalTab, QString());
    m_tabs->addTab(deliveryTab, QString());
    auto *formPanel = m_tabs;
    formPanel->setMinimumWidth(560);
    m_previewTitle = new QLabel(this);
    QFont titleFont = m_previewTitle->font();
    titleFont.setBold(true);
    m_previewTitle->setFont(titleFont);
    m_previewEventLabel = new QLabel(this);
    m_previewEventCombo = new QComboBox(this);
    m_previewEventCombo->setObjectName(QStringLiteral("previewEventCombo"));
    for (const EventType &event : EventCatalog::builtIn())
        m_previewEventCombo->addItem(event.name, event.name);
    m_previewEventLabel->setBuddy(m_previewEventCombo);
    m_previewPane = new PreviewPane(this);
    m_previewPane->setObjectName(QStringLiteral("previewPane"));
    auto *previewPanel = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPanel);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto *eventRow = new QHBoxLayout;
    eventRow->addWidget(m_previewTitle);
    eventRow->addStretch();
    eventRow->addWidget(m_previewEventLabel);
    eventRow->addWidget(m_previewEventCombo);
    previewLayout->addLayout(eventRow);
    previewLayout->addWidget(m_previewPane, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(formPanel);
    splitter->addWidget(previewPanel);
    splitter->setSizes({620, 640});
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150);

    m_saveProblemLabel = new QLabel(this);
    m_saveProblemLabel->setObjectName(QStringLiteral("saveProblemLabel"));
    m_saveProblemLabel->setWordWrap(true);
    m_saveProblemLabel->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
    m_saveProblemLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_saveProblemLabel);
    layout->addWidget(m_buttons);
    ScreenFit::resize(this, {1280, 840});

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &WebhookEditorDialog::save);
    connect(m_deleteButton, &QPushButton::clicked, this, &WebhookEditorDialog::deleteWebhook);
    connect(m_duplicateButton, &QPushButton::clicked, this, &WebhookEditorDialog::duplicateWebhook);
    connect(m_testSendButton, &QPushButton::clicked, this, &WebhookEditorDialog::testSend);
    connect(m_secretButton, &QPushButton::clicked, this, &WebhookEditorDialog::manageSecret);
    for (QLineEdit *edit : {m_caFileEdit, m_epicClientIdEdit, m_epicTokenUrlEdit, m_epicFhirBaseEdit, m_epicScopeEdit,
                            m_epicKeyIdEdit})
        connect(edit, &QLineEdit::textChanged, this, &WebhookEditorDialog::validateFields);
    connect(m_internalEndpointCheck, &QCheckBox::toggled, this, &WebhookEditorDialog::validateFields);
    connect(m_caFileBrowse, &QPushButton::clicked, this, [this] {
        QFileDialog *chooser = FileDialogs::create(this, tr("Certificate authority bundle"),
                                                   QFileInfo(m_caFileEdit->text()).path(),
                                                   tr("PEM certificates (*.pem *.crt);;All files (*)"),
                                                   QFileDialog::AcceptOpen);
        chooser->setObjectName(QStringLiteral("caFileChooser"));
        connect(chooser, &QFileDialog::fileSelected, m_caFileEdit, &QLineEdit::setText);
        chooser->open();
    });
    connect(m_epicGenerateKeyButton, &QPushButton::clicked, this, &WebhookEditorDialog::generateEpicKey);
    connect(m_epicCopyJwksButton, &QPushButton::clicked, this, &WebhookEditorDialog::copyEpicJwks);
    connect(m_epicSaveJwksButton, &QPushButton::clicked, this, &WebhookEditorDialog::saveEpicJwks);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &WebhookEditorDialog::onKindChanged);
    connect(m_phiCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_phiExplanation->setText(PhiLevels::explanation(PhiLevel(m_phiCombo->currentData().toInt())));
        // The patient-data level changes the bytes: whoever approves the channel must see them.
        validateFields();
    });
    for (QLineEdit *edit : {m_nameEdit, m_urlEdit})
        connect(edit, &QLineEdit::textChanged, this, &WebhookEditorDialog::validateFields);
    connect(m_descriptionEdit, &QPlainTextEdit::textChanged, this, &WebhookEditorDialog::validateFields);
    connect(m_allowLoopbackHttpCheck, &QCheckBox::toggled, this, &WebhookEditorDialog::validateFields);
    connect(m_timeoutSpin, &QSpinBox::valueChanged, this, &WebhookEditorDialog::validateFields);
    connect(m_languageCombo, &QComboBox::currentIndexChanged, this, &WebhookEditorDialog::validateFields);
    connect(m_headersTable, &HeadersTable::headersChanged, this, &WebhookEditorDialog::validateFields);
    connect(m_eventPicker, &EventPicker::eventsChanged, this, &WebhookEditorDialog::validateFields);
    connect(m_eventPicker, &EventPicker::eventsChanged, this, &WebhookEditorDialog::followSubscribedEvents);
    connect(m_previewEventCombo, &QComboBox::currentIndexChanged, this, &WebhookEditorDialog::updatePreview);
    connect(m_previewTimer, &QTimer::timeout, this, &WebhookEditorDialog::updatePreview);
    connect(m_previewPane, &PreviewPane::openUrlRequested, this, [](const QUrl &url) {
        if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
            QDesktopServices::openUrl(url);
    });
}

void WebhookEditorDialog::updateUrlHint(const Webhook &w)
{
    // A URL that belongs to another integration than the one chosen: say so before the first failed send.
    const QString host = w.url.host().toLower();
    std::optional<WebhookKind> looksLike;
    if (host == u"hooks.slack.com")
        looksLike = WebhookKind::Slack;
    else if (host.endsWith(u".webhook.office.com") || host.endsWith(u".logic.azure.com")
             || host.endsWith(u".environment.api.powerplatform.com"))
        looksLike = WebhookKind::Teams;
    QString hint;
    if (looksLike && *looksLike != w.kind)
        hint = tr("This looks like a %1 URL, but the integration is %2: choose %1 above so that the message has the "
                  "format %1 expects.")
                   .arg(WebhookKinds::displayName(*looksLike), WebhookKinds::displayName(w.kind));
    else if (w.kind == WebhookKind::Epic)
        hint = tr("For Epic, reports go to the FHIR base URL on the Delivery tab when it is set; this endpoint is used "
                  "only when it is empty.");
    m_urlHint->setText(hint);
    m_urlHint->setVisible(!hint.isEmpty());
}

bool WebhookEditorDialog::hasUnsavedChanges() const
{
    Webhook now = webhookFromFields();
    Webhook before = m_webhook;
    now.events = EventCatalog::inCatalogOrder(now.events);
    before.events = EventCatalog::inCatalogOrder(before.events);
    return now != before;
}

void WebhookEditorDialog::reject()
{
    // Escape or Cancel on a filled-in form asks first: an accidental key must not throw work away.
    if (hasUnsavedChanges()) {
        const QMessageBox::StandardButton answer = QMessageBox::question(
            this, tr("Discard changes?"), tr("The webhook has changes that are not saved. Discard them?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    QDialog::reject();
}

void WebhookEditorDialog::followSubscribedEvents()
{
    const QStringList subscribed = m_eventPicker->checkedEvents();
    if (!subscribed.isEmpty() && !subscribed.contains(m_previewEventCombo->currentData().toString()))
        m_previewEventCombo->setCurrentIndex(m_previewEventCombo->findData(subscribed.first()));
}

void WebhookEditorDialog::updatePreview()
{
    const Webhook w = webhookFromFields();
    const QString eventType = m_previewEventCombo->currentData().toString();
    QString error;
    const PayloadText::Scope inLanguage(w.payloadLanguage);
    std::optional<Payload> payload = PayloadFormatter::create(w.kind)->format(EventSamples::sample(eventType), w.phiLevel,
                                                                              &error);
    if (!payload) {
        m_previewPane->showError(error);
        return;
    }
    // The administrator's own headers travel with every request; signatures and tokens are added when sending.
    for (const auto &[headerName, headerValue] : w.headers)
        payload->headers.append({headerName.toUtf8(), headerValue.toUtf8()});
    m_previewPane->showPayload(w.kind, *payload);
}

void WebhookEditorDialog::retranslate()
{
    setWindowTitle(m_webhook.id.isEmpty() ? tr("New webhook") : tr("Edit webhook “%1”").arg(m_webhook.name));
    m_nameLabel->setText(tr("&Name:"));
    m_nameEdit->setPlaceholderText(tr("For example: Cardiology on-call Teams channel"));
    m_kindLabel->setText(tr("&Integration:"));
    for (int i = 0; i < m_kindCombo->count(); ++i)
        m_kindCombo->setItemText(i, WebhookKinds::displayName(WebhookKind(m_kindCombo->itemData(i).toInt())));
    m_urlLabel->setText(tr("Endpoint U&RL:"));
    m_urlEdit->setPlaceholderText(QStringLiteral("https://"));
    m_allowLoopbackHttpCheck->setText(tr("Allow plain HTTP to this machine (loopback test receivers only)"));
    m_activeCheck->setText(tr("&Active: deliver events to this webhook"));
    m_descriptionLabel->setText(tr("&Description:"));
    m_timeoutLabel->setText(tr("Time&out:"));
    m_timeoutSpin->setSuffix(tr(" s"));
    m_phiLabel->setText(tr("&Patient data:"));
    m_languageLabel->setText(tr("Language o&f payloads:"));
    m_languageCombo->setToolTip(tr("The language of the words in what the receiver gets, whatever language this "
                                   "console shows"));
    for (int i = 0; i < m_phiCombo->count(); ++i)
        m_phiCombo->setItemText(i, PhiLevels::displayName(PhiLevel(m_phiCombo->itemData(i).toInt())));
    m_phiExplanation->setText(PhiLevels::explanation(PhiLevel(m_phiCombo->currentData().toInt())));
    m_headersLabel->setText(tr("Custom &headers:"));
    m_eventsLabel->setText(tr("E&vents:"));
    m_deleteButton->setText(tr("De&lete…"));
    m_duplicateButton->setText(tr("D&uplicate"));
    m_testSendButton->setText(tr("Save and &test…"));
    m_secretButton->setText(tr("Si&gning secret…"));
    m_secretButton->setToolTip(tr("Save the webhook, then set the secret that signs its requests"));
    m_testSendButton->setToolTip(tr("Save the webhook as the fields describe it, then send it a sample event and show "
                                    "the answer"));
    m_tabs->setTabText(0, tr("&Webhook"));
    // Every letter once in the dialog: Alt+T is Test, Alt+D Description, Alt+U Duplicate.
    m_tabs->setTabText(1, tr("Deliver&y"));
    m_caFileLabel->setText(tr("Extra &CA bundle:"));
    m_caFileEdit->setPlaceholderText(tr("PEM file of the hospital's own certificate authority (optional)"));
    m_caFileBrowse->setText(tr("Browse…"));
    m_internalEndpointCheck->setText(tr("Internal endpoint: allow delivery to private network addresses"));
    m_internalEndpointCheck->setToolTip(tr("Without this, addresses in private, loopback, link-local and similar ranges "
                                           "are refused, so that a webhook cannot be used to reach internal systems."));
    m_epicGroup->setTitle(tr("Epic registration (SMART Backend Services)"));
    m_epicClientIdLabel->setText(tr("Client ID:"));
    m_epicTokenUrlLabel->setText(tr("Token URL:"));
    m_epicFhirBaseLabel->setText(tr("FHIR base URL:"));
    m_epicScopeLabel->setText(tr("Scope:"));
    m_epicScopeEdit->setPlaceholderText(QStringLiteral("system/DiagnosticReport.c"));
    m_epicKeyIdLabel->setText(tr("Key ID:"));
    m_epicKeyIdEdit->setPlaceholderText(tr("the key's thumbprint when empty"));
    m_epicGenerateKeyButton->setText(tr("Generate key pair…"));
    m_epicCopyJwksButton->setText(tr("Copy public key (JWK Set)"));
    m_epicSaveJwksButton->setText(tr("Save public key as…"));
    m_previewTitle->setText(tr("What the receiver gets"));
    m_previewEventLabel->setText(tr("For the sample &event:"));
    if (m_showErrors)
        validateFields();
}

void WebhookEditorDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void WebhookEditorDialog::loadFields(const Webhook &webhook)
{
    m_nameEdit->setText(webhook.name);
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(int(webhook.kind)));
    m_previousKind = webhook.kind;
    m_urlEdit->setText(urlText(webhook.url));
    m_allowLoopbackHttpCheck->setChecked(webhook.allowLoopbackHttp);
    m_activeCheck->setChecked(webhook.active);
    m_descriptionEdit->setPlainText(webhook.description);
    m_timeoutSpin->setValue(webhook.timeoutSeconds);
    m_phiCombo->setCurrentIndex(m_phiCombo->findData(int(webhook.phiLevel)));
    m_languageCombo->setCurrentIndex(std::max(0, m_languageCombo->findData(webhook.payloadLanguage)));
    m_headersTable->setHeaders(webhook.headers);
    m_eventPicker->setKind(webhook.kind);
    m_eventPicker->setCheckedEvents(webhook.events);
    m_caFileEdit->setText(webhook.caFile);
    m_internalEndpointCheck->setChecked(webhook.internalEndpoint);
    m_epicClientIdEdit->setText(webhook.epic.clientId);
    m_epicTokenUrlEdit->setText(urlText(webhook.epic.tokenUrl));
    m_epicFhirBaseEdit->setText(urlText(webhook.epic.fhirBaseUrl));
    m_epicScopeEdit->setText(webhook.epic.scope);
    m_epicKeyIdEdit->setText(webhook.epic.keyId);
    m_epicGroup->setVisible(webhook.kind == WebhookKind::Epic);
    m_secretButton->setVisible(m_services.has_value() && webhook.kind == WebhookKind::Generic);
    refreshEpicKeyStatus();
}

Webhook WebhookEditorDialog::webhookFromFields() const
{
    Webhook w = m_webhook;
    w.name = m_nameEdit->text();
    w.kind = WebhookKind(m_kindCombo->currentData().toInt());
    w.url = urlFromText(m_urlEdit->text().trimmed());
    w.allowLoopbackHttp = m_allowLoopbackHttpCheck->isChecked();
    w.active = m_activeCheck->isChecked();
    w.description = m_descriptionEdit->toPlainText();
    w.timeoutSeconds = m_timeoutSpin->value();
    w.phiLevel = PhiLevel(m_phiCombo->currentData().toInt());
    w.payloadLanguage = m_languageCombo->currentData().toString();
    w.headers = m_headersTable->headers();
    w.events = m_eventPicker->checkedEvents();
    w.caFile = m_caFileEdit->text().trimmed();
    w.internalEndpoint = m_internalEndpointCheck->isChecked();
    // Epic settings belong to Epic webhooks only; other kinds keep none.
    w.epic = w.kind != WebhookKind::Epic
                 ? EpicSettings()
                 : EpicSettings{m_epicClientIdEdit->text().trimmed(),
                                urlFromText(m_epicTokenUrlEdit->text().trimmed()),
                                urlFromText(m_epicFhirBaseEdit->text().trimmed()),
                                m_epicScopeEdit->text().trimmed(), m_epicKeyIdEdit->text().trimmed()};
    return w;
}

QString WebhookEditorDialog::fieldError(FieldError::Field field) const
{
    const QLabel *label = m_errorLabels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

bool WebhookEditorDialog::validateFields()
{
    const Webhook w = webhookFromFields();
    QList<FieldError> errors = WebhookValidator::validate(w, m_otherNames);
    // The validator sees the parsed URL; judge what was typed so that a malformed URL is named as typed.
    errors.removeIf([](const FieldError &e) { return e.field == FieldError::Field::Url; });
    if (const QString urlError = WebhookValidator::checkUrl(w.url, m_urlEdit->text(), w.allowLoopbackHttp);
        !urlError.isEmpty())
        errors.append({FieldError::Field::Url, urlError});
    // An untouched new form shows no errors yet: the first complaint comes after typing or on Save.
    const bool pristine = m_webhook.id.isEmpty() && w.name.isEmpty() && m_urlEdit->text().isEmpty();
    for (auto it = m_errorLabels.begin(); it != m_errorLabels.end(); ++it) {
        QString message;
        for (const FieldError &error : std::as_const(errors)) {
            if (error.field == it.key())
                message = error.message;
        }
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty() && (m_showErrors || !pristine));
    }
    markTabsWithErrors();
    if (errors.isEmpty())
        m_saveProblemLabel->hide();
    updateUrlHint(w);
    m_previewTimer->start();
    return errors.isEmpty();
}

QWidget *WebhookEditorDialog::fieldWidget(FieldError::Field field) const
{
    switch (field) {
    case FieldError::Field::Name: return m_nameEdit;
    case FieldError::Field::Url: return m_urlEdit;
    case FieldError::Field::Timeout: return m_timeoutSpin;
    case FieldError::Field::Headers: return m_headersTable;
    case FieldError::Field::Events: return m_eventPicker;
    case FieldError::Field::Description: return m_descriptionEdit;
    case FieldError::Field::CaFile: return m_caFileEdit;
    case FieldError::Field::Epic: return m_epicClientIdEdit;
    case FieldError::Field::PayloadLanguage: return m_languageCombo;
    }
    return m_nameEdit;
}

void WebhookEditorDialog::markTabsWithErrors()
{
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        bool hasError = false;
        for (const QLabel *label : std::as_const(m_errorLabels))
            hasError = hasError || (!label->isHidden() && m_tabs->widget(tab)->isAncestorOf(label));
        m_tabs->setTabIcon(tab, hasError ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
    }
}

void WebhookEditorDialog::showFirstError()
{
    // The first field in the order of the form that has an error, wherever its tab is.
    static const QList<FieldError::Field> order = {
        FieldError::Field::Name, FieldError::Field::Url, FieldError::Field::Description, FieldError::Field::Events,
        FieldError::Field::Timeout, FieldError::Field::Headers, FieldError::Field::CaFile, FieldError::Field::Epic,
    };
    int count = 0;
    QLabel *first = nullptr;
    FieldError::Field firstField = FieldError::Field::Name;
    for (FieldError::Field field : order) {
        QLabel *label = m_errorLabels.value(field);
        if (!label || label->isHidden())
            continue;
        ++count;
        if (!first) {
            first = label;
            firstField = field;
        }
    }
    if (!first)
        return;
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        if (m_tabs->widget(tab)->isAncestorOf(first))
            m_tabs->setCurrentIndex(tab);
    }
    fieldWidget(firstField)->setFocus(Qt::OtherFocusReason);
    m_saveProblemLabel->setText(tr("Not saved: %n field(s) need correcting, marked in red. First: %1", nullptr, count)
                                    .arg(first->text()));
    m_saveProblemLabel->show();
}

void WebhookEditorDialog::onKindChanged()
{
    const WebhookKind kind = WebhookKind(m_kindCombo->currentData().toInt());
    // Follow the new kind's default patient-data level unless the administrator chose one deliberately.
    if (PhiLevel(m_phiCombo->currentData().toInt()) == WebhookKinds::defaultPhiLevel(m_previousKind))
        m_phiCombo->setCurrentIndex(m_phiCombo->findData(int(WebhookKinds::defaultPhiLevel(kind))));
    m_previousKind = kind;
    m_eventPicker->setKind(kind);
    m_epicGroup->setVisible(kind == WebhookKind::Epic);
    // Only generic webhooks are signed.
    m_secretButton->setVisible(m_services.has_value() && kind == WebhookKind::Generic);
    validateFields();
}

void WebhookEditorDialog::save()
{
    m_showErrors = true;
    if (!validateFields()) {
        showFirstError();
        return;
    }
    m_saveProblemLabel->hide();
    Webhook w = webhookFromFields();
    const RepositoryResult result = w.id.isEmpty() ? m_repository.create(w) : m_repository.update(w);
    if (result.status == RepositoryResult::Status::Conflict)
        resolveConflict(result.message);
    else
        finishSave(result, w);
}

void WebhookEditorDialog::finishSave(const RepositoryResult &result, const Webhook &stored)
{
    if (!result.ok()) {
        QMessageBox::warning(this, tr("Webhook not saved"), result.message);
        return;
    }
    m_webhook = stored;
    m_outcome = Outcome::Saved;
    accept();
}

bool WebhookEditorDialog::confirmDeletion(QWidget *parent, const QString &name)
{
    return QMessageBox::question(parent, tr("Delete webhook"),
                                 tr("Delete “%1”? goReporter stops sending to it at once. Its delivery history is kept.")
                                     .arg(name),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
           == QMessageBox::Yes;
}

void WebhookEditorDialog::resolveConflict(const QString &message)
{
    QMessageBox box(QMessageBox::Warning, tr("Someone else changed this webhook"),
                    message + QStringLiteral("\n\n")
                        + tr("Reload shows their version and discards your changes. Overwrite stores your version "
                             "over theirs. Cancel lets you keep editing."),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("conflictBox"));
    QPushButton *reload = box.addButton(tr("&Reload"), QMessageBox::AcceptRole);
    reload->setObjectName(QStringLiteral("reloadButton"));
    QPushButton *overwrite = box.addButton(tr("&Overwrite"), QMessageBox::DestructiveRole);
    overwrite->setObjectName(QStringLiteral("overwriteButton"));
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == reload) {
        RepositoryResult lookup;
        if (const auto current = m_repository.findById(m_webhook.id, &lookup)) {
            m_webhook = *current;
            loadFields(*current);
            validateFields();
        } else {
            QMessageBox::warning(this, tr("Webhook not found"), lookup.message);
        }
    } else if (box.clickedButton() == overwrite) {
        Webhook w = webhookFromFields();
        finishSave(m_repository.overwrite(w), w);
    }
}

void WebhookEditorDialog::deleteWebhook()
{
    if (!confirmDeletion(this, m_webhook.name))
        return;
    const RepositoryResult result = m_repository.remove(m_webhook);
    if (!result.ok()) {
        QMessageBox::warning(this, tr("Webhook not deleted"), result.message);
        return;
    }
    m_outcome = Outcome::Deleted;
    accept();
}

void WebhookEditorDialog::duplicateWebhook()
{
    Webhook copy;
    const RepositoryResult result = m_repository.duplicate(m_webhook, &copy);
    if (!result.ok()) {
        QMessageBox::warning(this, tr("Webhook not duplicated"), result.message);
        return;
    }
    m_webhook = copy;
    m_outcome = Outcome::Duplicated;
    accept();
}

bool WebhookEditorDialog::saveAndStayOpen()
{
    // Never from a form that could not be saved: a test would go nowhere sensible and stay in the log, a secret
    // would belong to no webhook.
    m_showErrors = true;
    if (!validateFields()) {
        showFirstError();
        return false;
    }
    m_saveProblemLabel->hide();
    if (!m_webhook.id.isEmpty() && !hasUnsavedChanges())
        return true;
    Webhook w = webhookFromFields();
    const RepositoryResult result = w.id.isEmpty() ? m_repository.create(w) : m_repository.update(w);
    if (result.status == RepositoryResult::Status::Conflict) {
        resolveConflict(result.message);
        return false;
    }
    if (!result.ok()) {
        QMessageBox::warning(this, tr("Webhook not saved"), result.message);
        return false;
    }
    m_webhook = w;
    m_outcome = Outcome::Saved;
    m_deleteButton->setVisible(true);
    m_duplicateButton->setVisible(true);
    retranslate();
    refreshEpicKeyStatus();
    return true;
}

void WebhookEditorDialog::testSend()
{
    // Saved first, so that the test's attempt belongs to the webhook it tests ("paste URL, pick events, Test and
    // save" is one step); the editor stays open to adjust and test again.
    if (!m_services || !saveAndStayOpen())
        return;
    auto *dialog = new TestSendDialog(*m_services, m_webhook, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void WebhookEditorDialog::manageSecret()
{
    // A new webhook gets its secret in the same sitting: saved first, since the secret belongs to it.
    if (!m_services || !saveAndStayOpen())
        return;
    SecretDialog dialog(m_services->secrets, m_webhook, this);
    dialog.exec();
    // The secret's bookkeeping moved the stored version on: take it, so that Save is no conflict with oneself.
    if (const auto current = m_repository.findById(m_webhook.id))
        m_webhook = *current;
}

void WebhookEditorDialog::refreshEpicKeyStatus()
{
    const bool canManageKeys = m_services.has_value() && !m_webhook.id.isEmpty();
    m_epicGenerateKeyButton->setEnabled(canManageKeys);
    m_epicCopyJwksButton->setEnabled(false);
    m_epicSaveJwksButton->setEnabled(false);
    if (!m_services) {
        m_epicKeyStatus->clear();
        return;
    }
    if (m_webhook.id.isEmpty()) {
        m_epicKeyStatus->setText(tr("Save the webhook first; its key pair belongs to it."));
        return;
    }
    m_services->keychain.read(WebhookDelivery::epicKeyKeychainKey(m_webhook.id), this,
                              [this](const SecretStore::Result &result) {
                                  if (result.ok()) {
                                      m_epicKeyStatus->setText(tr("A private key is in this workstation's keychain."));
                                      m_epicCopyJwksButton->setEnabled(true);
                                      m_epicSaveJwksButton->setEnabled(true);
                                      const auto key = EpicKey::fromPem(result.value.toLatin1());
                                      m_storedKeyThumbprint = key ? key->thumbprint() : QString();
                                  } else if (result.status == SecretStore::Status::NotFound) {
                                      m_epicKeyStatus->setText(tr("No private key on this workstation yet."));
                                  } else {
                                      m_epicKeyStatus->setText(result.message);
                                  }
                              });
}

void WebhookEditorDialog::generateEpicKey()
{
    if (!m_services || m_webhook.id.isEmpty())
        return;
    if (m_epicCopyJwksButton->isEnabled()
        && QMessageBox::question(this, tr("Replace the key pair"),
                                 tr("The public key registered with Epic stops working when the key pair is replaced. "
                                    "Replace it?"),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return;
    m_epicGenerateKeyButton->setEnabled(false);
    m_epicKeyStatus->setText(tr("Generating an RSA key pair…"));
    // RSA key generation takes a noticeable moment: off the UI thread.
    auto *watcher = new QFutureWatcher<std::optional<EpicKey>>(this);
    connect(watcher, &QFutureWatcher<std::optional<EpicKey>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const std::optional<EpicKey> key = watcher->result();
        if (!key) {
            m_epicKeyStatus->setText(tr("The key pair could not be generated."));
            m_epicGenerateKeyButton->setEnabled(true);
            return;
        }
        m_services->keychain.write(WebhookDelivery::epicKeyKeychainKey(m_webhook.id),
                                   QString::fromLatin1(key->privateKeyPem()), this,
                                   [this, thumbprint = key->thumbprint()](const SecretStore::Result &result) {
                                       if (!result.ok()) {
                                           m_epicKeyStatus->setText(result.message);
                                           m_epicGenerateKeyButton->setEnabled(true);
                                           return;
                                       }
                                       adoptEpicKeyId(thumbprint);
                                       refreshEpicKeyStatus();
                                   });
    });
    watcher->setFuture(QtConcurrent::run([] { return EpicKey::generate(); }));
}

void WebhookEditorDialog::withEpicJwks(const std::function<void(const QByteArray &)> &use)
{
    if (!m_services || m_webhook.id.isEmpty())
        return;
    m_services->keychain.read(WebhookDelivery::epicKeyKeychainKey(m_webhook.id), this,
                              [this, use](const SecretStore::Result &result) {
                                  QString error;
                                  const auto key = result.ok() ? EpicKey::fromPem(result.value.toLatin1(), &error)
                                                               : std::nullopt;
                                  if (!key) {
                                      m_epicKeyStatus->setText(result.ok() ? error : result.message);
                                      return;
                                  }
                                  EpicAuthSettings settings;
                                  settings.keyId = m_epicKeyIdEdit->text().trimmed();
                                  use(key->jwkSet(EpicAuth::keyId(*key, settings)));
                              });
}

void WebhookEditorDialog::copyEpicJwks()
{
    withEpicJwks([this](const QByteArray &jwks) {
        QApplication::clipboard()->setText(QString::fromUtf8(jwks));
        m_epicKeyStatus->setText(tr("The public JWK Set is on the clipboard, ready for the Epic registration."));
    });
}

void WebhookEditorDialog::saveEpicJwks()
{
    // A file is what Epic's registration form takes; the public key is no secret, so the file needs no protection.
    QFileDialog *chooser = FileDialogs::create(this, tr("Save Public Key"), QString(), tr("JWK Set (*.json)"),
                                               QFileDialog::AcceptSave);
    chooser->setObjectName(QStringLiteral("jwksFileChooser"));
    chooser->setDefaultSuffix(QStringLiteral("json"));
    chooser->selectFile(QStringLiteral("%1-jwks.json").arg(m_webhook.id.left(8)));
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &path) { saveEpicJwksTo(path); });
    chooser->open();
}

void WebhookEditorDialog::saveEpicJwksTo(const QString &path)
{
    withEpicJwks([this, path](const QByteArray &jwks) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(jwks) != jwks.size() || !file.commit()) {
            m_epicKeyStatus->setText(tr("Could not write %1: %2").arg(path, file.errorString()));
            return;
        }
        m_epicKeyStatus->setText(tr("The public JWK Set was saved to %1, ready for the Epic registration.").arg(path));
    });
}

void WebhookEditorDialog::adoptEpicKeyId(const QString &newThumbprint)
{
    // A key id that named the old key by its thumbprint (or none) follows the new key; one the administrator
    // chose stays. It is stored at once: the keychain already holds the new key, and a token request with the
    // old key id would be refused by Epic.
    const QString current = m_epicKeyIdEdit->text().trimmed();
    if (!current.isEmpty() && current != m_storedKeyThumbprint)
        return;
    m_epicKeyIdEdit->setText(newThumbprint);
    RepositoryResult lookup;
    auto stored = m_repository.findById(m_webhook.id, &lookup);
    if (!stored) {
        m_epicKeyStatus->setText(lookup.message);
        return;
    }
    stored->epic.keyId = newThumbprint;
    const RepositoryResult result = m_repository.overwrite(*stored);
    if (!result.ok()) {
        m_epicKeyStatus->setText(result.message);
        return;
    }
    // The dialog goes on from the stored version, so the administrator's own save does not conflict with this.
    m_webhook.version = stored->version;
    m_webhook.epic.keyId = newThumbprint;
}
