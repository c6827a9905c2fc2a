// Creates or edits one webhook; validation comes from the core and is shown next to each field.
#include "ui/webhookeditordialog.h"

#include "models/domain/event.h"
#include "models/domain/eventtype.h"
#include "models/domain/payloadtext.h"
#include "models/storage/webhookrepository.h"
#include "network/payloads/payloadformatter.h"
#include "ui/eventpicker.h"
#include "ui/headerstable.h"
#include "ui/previewpane.h"
#include "ui/secretdialog.h"
#include "ui/consolestyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGroupBox>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>

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
    // A form with nothing unsaved is stored already: Save closes it as saved without writing it again.
    saveAndStayOpen([this] {
        m_outcome = Outcome::Saved;
        accept();
    });
}

void WebhookEditorDialog::store(WebhookRepository::Change change, const Webhook &webhook,
                                const std::function<void()> &then)
{
    setBusy(true);
    m_repository.changeInBackground(change, webhook, this, [this, then](const Result<Webhook> &stored) {
        setBusy(false);
        if (stored.code() == ErrorCode::Conflict)
            return resolveConflict(stored.message(), then);
        if (!stored) {
            QMessageBox::warning(this, tr("Webhook not saved"), stored.message());
            return;
        }
        m_webhook = *stored;
        m_outcome = Outcome::Saved;
        m_deleteButton->setVisible(true);
        m_duplicateButton->setVisible(true);
        retranslate();
        refreshEpicKeyStatus();
        then();
    });
}

QString WebhookEditorDialog::saveProblemStyle()
{
    return ConsoleStyle::problemText() + QStringLiteral(" font-weight: bold;");
}

void WebhookEditorDialog::setBusy(bool busy)
{
    // While a change is on its way to the database, nothing starts another one from this dialog.
    m_busy = busy;
    m_buttons->setEnabled(!busy);
    m_saveProblemLabel->setVisible(busy);
    if (busy) {
        m_saveProblemLabel->setStyleSheet(QString());
        m_saveProblemLabel->setText(tr("Saving…"));
    } else {
        m_saveProblemLabel->setStyleSheet(saveProblemStyle());
    }
}

bool WebhookEditorDialog::confirmDeletion(QWidget *parent, const QString &name)
{
    return QMessageBox::question(parent, tr("Delete webhook"),
                                 tr("Delete “%1”? goReporter stops sending to it at once. Its delivery history is kept.")
                                     .arg(name),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
           == QMessageBox::Yes;
}

void WebhookEditorDialog::resolveConflict(const QString &message, const std::function<void()> &then)
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
        if (const Result<Webhook> current = m_repository.findById(m_webhook.id)) {
            m_webhook = *current;
            loadFields(*current);
            validateFields();
        } else {
            QMessageBox::warning(this, tr("Webhook not found"), current.message());
        }
    } else if (box.clickedButton() == overwrite) {
        store(WebhookRepository::Change::Overwrite, webhookFromFields(), then);
    }
}

void WebhookEditorDialog::deleteWebhook()
{
    if (!confirmDeletion(this, m_webhook.name))
        return;
    setBusy(true);
    m_repository.removeInBackground(m_webhook, this, [this](const Result<void> &removed) {
        setBusy(false);
        if (!removed) {
            QMessageBox::warning(this, tr("Webhook not deleted"), removed.message());
            return;
        }
        m_outcome = Outcome::Deleted;
        accept();
    });
}

void WebhookEditorDialog::duplicateWebhook()
{
    setBusy(true);
    m_repository.changeInBackground(WebhookRepository::Change::Duplicate, m_webhook, this,
                                    [this](const Result<Webhook> &copy) {
                                        setBusy(false);
                                        if (!copy) {
                                            QMessageBox::warning(this, tr("Webhook not duplicated"), copy.message());
                                            return;
                                        }
                                        m_webhook = *copy;
                                        m_outcome = Outcome::Duplicated;
                                        accept();
                                    });
}

void WebhookEditorDialog::saveAndStayOpen(const std::function<void()> &then)
{
    // Never from a form that could not be saved: a test would go nowhere sensible and stay in the log, a secret
    // would belong to no webhook.
    m_showErrors = true;
    if (!validateFields()) {
        showFirstError();
        return;
    }
    m_saveProblemLabel->hide();
    if (!m_webhook.id.isEmpty() && !hasUnsavedChanges())
        return then();
    const Webhook w = webhookFromFields();
    store(w.id.isEmpty() ? WebhookRepository::Change::Create : WebhookRepository::Change::Update, w, then);
}

void WebhookEditorDialog::testSend()
{
    // Saved first, so that the test's attempt belongs to the webhook it tests ("paste URL, pick events, Test and
    // save" is one step); the editor stays open to adjust and test again.
    if (!m_services)
        return;
    saveAndStayOpen([this] {
        auto *dialog = new TestSendDialog(*m_services, m_webhook, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
}

void WebhookEditorDialog::manageSecret()
{
    // A new webhook gets its secret in the same sitting: saved first, since the secret belongs to it.
    if (!m_services)
        return;
    saveAndStayOpen([this] {
        SecretDialog dialog(m_services->secrets, m_webhook, this);
        dialog.exec();
        // The secret's bookkeeping moved the stored version on: take it, so that Save is no conflict with oneself.
        if (const auto current = m_repository.findById(m_webhook.id))
            m_webhook = *current;
    });
}
