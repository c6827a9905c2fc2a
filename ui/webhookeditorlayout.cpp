// The webhook editor's widgets: built, laid out on two tabs beside the preview, connected, and given their texts.
#include "ui/webhookeditordialog.h"

#include "models/domain/eventtype.h"
#include "models/domain/payloadtext.h"
#include "ui/eventpicker.h"
#include "ui/filedialogs.h"
#include "ui/headerstable.h"
#include "ui/previewpane.h"
#include "ui/screenfit.h"
#include "ui/consolestyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

void WebhookEditorDialog::buildUi()
{
    setObjectName(QStringLiteral("webhookEditor"));

    auto errorLabel = [this](FieldError::Field field, const char *objectName) {
        auto *label = new QLabel(this);
        label->setObjectName(QLatin1String(objectName));
        label->setWordWrap(true);
        label->setStyleSheet(ConsoleStyle::problemText());
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
    m_saveProblemLabel->setStyleSheet(saveProblemStyle());
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
