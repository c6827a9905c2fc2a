// Creates or edits one webhook; validation comes from the core and is shown next to each field.
#pragma once

#include "models/domain/result.h"
#include "models/domain/webhook.h"
#include "models/domain/webhookvalidator.h"
#include "models/storage/webhookrepository.h"
#include "ui/testsenddialog.h"

#include <QDialog>
#include <QHash>

#include <functional>

class EventPicker;
class HeadersTable;
class PreviewPane;
class QTimer;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QTabWidget;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

class WebhookEditorDialog : public QDialog
{
    Q_OBJECT
public:
    // What closed the dialog, besides Cancel.
    enum class Outcome { None, Saved, Deleted, Duplicated };

    // An empty webhook.id means a new webhook.
    // With services, the dialog offers a test-send of the webhook as the fields describe it.
    WebhookEditorDialog(WebhookRepository &repository, const Webhook &webhook, QWidget *parent = nullptr,
                        const TestSendServices *services = nullptr);

    Outcome outcome() const { return m_outcome; }
    // A change is on its way to the database; the dialog's buttons wait for it.
    bool isBusy() const { return m_busy; }
    // The stored webhook after Saved, the copy after Duplicated.
    Webhook webhook() const { return m_webhook; }
    // The webhook as the fields describe it now.
    Webhook webhookFromFields() const;
    // The message shown for a field, empty if the field is fine (for tests and accessibility).
    QString fieldError(FieldError::Field field) const;
    // Asks before a webhook is deleted; true if the administrator confirmed.
    static bool confirmDeletion(QWidget *parent, const QString &name);

    PreviewPane *previewPane() const { return m_previewPane; }

    // Writes the Epic public key's JWK Set to path (what "Save public key as…" does once a file is chosen).
    void saveEpicJwksTo(const QString &path);

public slots:
    void save();
    // Asks before unsaved changes are thrown away.
    void reject() override;
    // Formats the chosen sample event as the fields describe the webhook now.
    void updatePreview();

protected:
    void changeEvent(QEvent *event) override;

private:
    // In webhookeditorlayout.cpp.
    void buildUi();
    void retranslate();
    void loadFields(const Webhook &webhook);
    bool validateFields();
    void onKindChanged();
    void followSubscribedEvents();
    void deleteWebhook();
    void duplicateWebhook();
    void testSend();
    void manageSecret();
    // Validates and stores the fields in the background without closing, then runs then; if they cannot be stored,
    // says why and runs nothing.
    void saveAndStayOpen(const std::function<void()> &then);
    void store(WebhookRepository::Change change, const Webhook &webhook, const std::function<void()> &then);
    void setBusy(bool busy);
    // The save-problem line is red when it names a problem, plain while it says that a change is being saved.
    static QString saveProblemStyle();
    // The Epic key pair, in webhookeditorepickey.cpp.
    void refreshEpicKeyStatus();
    void generateEpicKey();
    void copyEpicJwks();
    void saveEpicJwks();
    // Reads the Epic key from the keychain and hands its public JWK Set to use.
    void withEpicJwks(const std::function<void(const QByteArray &)> &use);
    void adoptStoredEpicKeyId(const Webhook &stored, const QString &keyIdBefore);
    void resolveConflict(const QString &message, const std::function<void()> &then);
    QWidget *fieldWidget(FieldError::Field field) const;
    void markTabsWithErrors();
    void showFirstError();
    void updateUrlHint(const Webhook &w);
    bool hasUnsavedChanges() const;

    WebhookRepository &m_repository;
    Webhook m_webhook;
    Outcome m_outcome = Outcome::None;
    bool m_busy = false;
    TakenNames m_otherNames;
    WebhookKind m_previousKind = WebhookKind::Generic;
    bool m_showErrors = false;

    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_kindLabel = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QCheckBox *m_allowLoopbackHttpCheck = nullptr;
    QCheckBox *m_activeCheck = nullptr;
    QLabel *m_descriptionLabel = nullptr;
    QPlainTextEdit *m_descriptionEdit = nullptr;
    QLabel *m_timeoutLabel = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QLabel *m_phiLabel = nullptr;
    QComboBox *m_phiCombo = nullptr;
    QLabel *m_phiExplanation = nullptr;
    QLabel *m_headersLabel = nullptr;
    HeadersTable *m_headersTable = nullptr;
    QLabel *m_eventsLabel = nullptr;
    EventPicker *m_eventPicker = nullptr;
    QHash<FieldError::Field, QLabel *> m_errorLabels;
    QDialogButtonBox *m_buttons = nullptr;
    QLabel *m_saveProblemLabel = nullptr;
    QLabel *m_urlHint = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_testSendButton = nullptr;
    std::optional<TestSendServices> m_services;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_caFileLabel = nullptr;
    QLineEdit *m_caFileEdit = nullptr;
    QPushButton *m_caFileBrowse = nullptr;
    QCheckBox *m_internalEndpointCheck = nullptr;
    QGroupBox *m_epicGroup = nullptr;
    QLabel *m_epicClientIdLabel = nullptr;
    QLineEdit *m_epicClientIdEdit = nullptr;
    QLabel *m_epicTokenUrlLabel = nullptr;
    QLineEdit *m_epicTokenUrlEdit = nullptr;
    QLabel *m_epicFhirBaseLabel = nullptr;
    QLineEdit *m_epicFhirBaseEdit = nullptr;
    QLabel *m_epicScopeLabel = nullptr;
    QLineEdit *m_epicScopeEdit = nullptr;
    QLabel *m_epicKeyIdLabel = nullptr;
    QLineEdit *m_epicKeyIdEdit = nullptr;
    QLabel *m_epicKeyStatus = nullptr;
    QPushButton *m_epicGenerateKeyButton = nullptr;
    QPushButton *m_epicCopyJwksButton = nullptr;
    QPushButton *m_epicSaveJwksButton = nullptr;
    QPushButton *m_secretButton = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QLabel *m_languageLabel = nullptr;
    QLabel *m_previewTitle = nullptr;
    QLabel *m_previewEventLabel = nullptr;
    QComboBox *m_previewEventCombo = nullptr;
    PreviewPane *m_previewPane = nullptr;
    QTimer *m_previewTimer = nullptr;
};
