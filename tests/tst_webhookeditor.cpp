// The webhook editor driven through its widgets: inline validation, saving, conflicts, delete and duplicate.
#include "models/storage/webhookrepository.h"
#include "testsupport/consoleservices.h"
#include "testsupport/modaldialogs.h"
#include "testsupport/webhookfixtures.h"
#include "ui/eventpicker.h"
#include "ui/headerstable.h"
#include "models/storage/deliveryrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "network/transport/epicauth.h"
#include "network/transport/webhookdelivery.h"
#include "network/transport/webhooksender.h"
#include "ui/previewpane.h"
#include "ui/testsenddialog.h"
#include "ui/webhookeditordialog.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTabWidget>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestWebhookEditor : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void newFormStartsQuiet();
    void urlValidationMessages_data();
    void urlValidationMessages();
    void createsWebhookFromFields();
    void duplicateNameIsNamed();
    void epicLimitsEvents();
    void reservedHeaderIsRefused();
    void conflictOverwrite();
    void conflictReload();
    void deleteAfterConfirmation();
    void duplicateButton();
    void previewFollowsTheFields();
    void deliveryTabSettings();
    void epicKeyPairFromEditor();
    void screenshot();
    void previewFollowsPatientDataLevelByItself();
    void saveShowsAnErrorOnTheOtherTab();
    void escapeAsksBeforeDiscarding();
    void urlOfAnotherIntegrationIsPointedOut();
    void phiExplanationNamesWhatLimitedCarries();
    void testAndSaveIsOneStep();

private:
    template<typename T> T *field(WebhookEditorDialog &dialog, const char *name)
    {
        T *widget = dialog.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    void fillValidNewWebhook(WebhookEditorDialog &dialog, const QString &name);

    OpenTestDatabase m_db;
    std::unique_ptr<WebhookRepository> m_repository;
};

void TestWebhookEditor::init()
{
    m_db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    m_repository = std::make_unique<WebhookRepository>(*m_db.database);
}

void TestWebhookEditor::cleanup()
{
    m_repository.reset();
    m_db = {};
}

void TestWebhookEditor::fillValidNewWebhook(WebhookEditorDialog &dialog, const QString &name)
{
    QTest::keyClicks(field<QLineEdit>(dialog, "nameEdit"), name);
    QTest::keyClicks(field<QLineEdit>(dialog, "urlEdit"), u"https://receiver.hospital.example/in"_s);
    field<EventPicker>(dialog, "eventPicker")->itemForEvent(u"battery.low"_s)->setCheckState(0, Qt::Checked);
}

void TestWebhookEditor::newFormStartsQuiet()
{
    WebhookEditorDialog dialog(*m_repository, Webhook());
    dialog.show();
    QVERIFY(dialog.fieldError(FieldError::Field::Name).isEmpty());
    QVERIFY(dialog.fieldError(FieldError::Field::Url).isEmpty());
    // Save on an empty form names every missing piece and stores nothing.
    field<QPushButton>(dialog, "saveButton")->click();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.fieldError(FieldError::Field::Name), u"Enter a name."_s);
    QCOMPARE(dialog.fieldError(FieldError::Field::Url), u"Enter the endpoint URL."_s);
    QCOMPARE(dialog.fieldError(FieldError::Field::Events), u"Subscribe to at least one event."_s);
    QCOMPARE(m_repository->all()->size(), 0);
}

void TestWebhookEditor::urlValidationMessages_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("allowLoopbackHttp");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain http") << u"http://receiver.hospital.example/"_s << false << u"Plain http:// is refused"_s;
    QTest::newRow("http to another host") << u"http://receiver.hospital.example/"_s << true << u"only to this machine"_s;
    QTest::newRow("http loopback allowed") << u"http://127.0.0.1:8080/in"_s << true << QString();
    QTest::newRow("http ipv6 loopback allowed") << u"http://[::1]:8080/in"_s << true << QString();
    QTest::newRow("malformed") << u"https://exa mple.org/"_s << false << u"is not a valid URL"_s;
    QTest::newRow("no scheme") << u"receiver.hospital.example/in"_s << false << u"is not a complete URL"_s;
    QTest::newRow("ftp") << u"ftp://files.example/"_s << false << u"“ftp” endpoints are not supported"_s;
    QTest::newRow("credentials") << u"https://user:pw@receiver.hospital.example/"_s << false << u"user name or password"_s;
    QTest::newRow("fine") << u"https://receiver.hospital.example/in?x=1"_s << false << QString();
}

void TestWebhookEditor::urlValidationMessages()
{
    QFETCH(QString, typed);
    QFETCH(bool, allowLoopbackHttp);
    QFETCH(QString, expected);
    WebhookEditorDialog dialog(*m_repository, Webhook());
    dialog.show();
    QTest::keyClicks(field<QLineEdit>(dialog, "nameEdit"), u"Receiver"_s);
    field<QCheckBox>(dialog, "allowLoopbackHttpCheck")->setChecked(allowLoopbackHttp);
    QTest::keyClicks(field<QLineEdit>(dialog, "urlEdit"), typed);
    const QString shown = dialog.fieldError(FieldError::Field::Url);
    if (expected.isEmpty())
        QVERIFY2(shown.isEmpty(), qPrintable(shown));
    else
        QVERIFY2(shown.contains(expected), qPrintable(shown));
    QCOMPARE(field<QLabel>(dialog, "urlError")->isVisible(), !expected.isEmpty());
}

void TestWebhookEditor::createsWebhookFromFields()
{
    WebhookEditorDialog dialog(*m_repository, Webhook());
    dialog.show();
    fillValidNewWebhook(dialog, u"Device clinic"_s);
    field<QComboBox>(dialog, "kindCombo")->setCurrentIndex(
        field<QComboBox>(dialog, "kindCombo")->findData(int(WebhookKind::Generic)));
    field<QSpinBox>(dialog, "timeoutSpin")->setValue(30);
    field<QPlainTextEdit>(dialog, "descriptionEdit")->insertPlainText(u"Nachsorge — Zürich"_s);
    field<QComboBox>(dialog, "phiCombo")->setCurrentIndex(field<QComboBox>(dialog, "phiCombo")->findData(int(PhiLevel::Limited)));
    auto *headers = field<HeadersTable>(dialog, "headersTable");
    headers->addRow(u"X-Clinic"_s, u"north"_s);
    QVERIFY(dialog.fieldError(FieldError::Field::Name).isEmpty());
    field<QPushButton>(dialog, "saveButton")->click();
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.outcome(), WebhookEditorDialog::Outcome::Saved);

    const auto stored = m_repository->findByName(u"Device clinic"_s);
    QVERIFY(stored);
    QCOMPARE(stored->kind, WebhookKind::Generic);
    QCOMPARE(stored->url, QUrl(u"https://receiver.hospital.example/in"_s));
    QCOMPARE(stored->timeoutSeconds, 30);
    QCOMPARE(stored->description, u"Nachsorge — Zürich"_s);
    QCOMPARE(stored->phiLevel, PhiLevel::Limited);
    QCOMPARE(stored->events, QStringList{u"battery.low"_s});
    QCOMPARE(stored->headers, (HeaderList{{u"X-Clinic"_s, u"north"_s}}));
    QCOMPARE(dialog.webhook().id, stored->id);
}

void TestWebhookEditor::duplicateNameIsNamed()
{
    Webhook existing = makeWebhook(u"On-call"_s);
    QVERIFY(m_repository->create(existing).ok());
    WebhookEditorDialog dialog(*m_repository, Webhook());
    dialog.show();
    fillValidNewWebhook(dialog, u"on-call"_s);
    QCOMPARE(dialog.fieldError(FieldError::Field::Name), u"A webhook named “On-call” already exists."_s);
    field<QPushButton>(dialog, "saveButton")->click();
    QVERIFY(dialog.isVisible());
    QCOMPARE(m_repository->all()->size(), 1);
}

void TestWebhookEditor::epicLimitsEvents()
{
    WebhookEditorDialog dialog(*m_repository, Webhook());
    dialog.show();
    fillValidNewWebhook(dialog, u"Epic"_s);
    auto *picker = field<EventPicker>(dialog, "eventPicker");
    picker->itemForEvent(u"task.overdue"_s)->setCheckState(0, Qt::Checked);
    auto *kind = field<QComboBox>(dialog, "kindCombo");
    kind->setCurrentIndex(kind->findData(int(WebhookKind::Generic)));
    QVERIFY(dialog.fieldError(FieldError::Field::Events).isEmpty());
    QCOMPARE(PhiLevel(field<QComboBox>(dialog, "phiCombo")->currentData().toInt()), PhiLevel::None);

    kind->setCurrentIndex(kind->findData(int(WebhookKind::Epic)));
    QCOMPARE(PhiLevel(field<QComboBox>(dialog, "phiCombo")->currentData().toInt()), PhiLevel::Full);
    QVERIFY(picker->itemForEvent(u"task.overdue"_s)->isDisabled());
    QVERIFY(!picker->itemForEvent(u"battery.low"_s)->isDisabled());
    QVERIFY(picker->itemForEvent(u"task.due"_s)->toolTip(0).contains(u"DiagnosticReport"_s));
    QVERIFY2(dialog.fieldError(FieldError::Field::Events).contains(u"“task.overdue” cannot be sent to Epic"_s),
             qPrintable(dialog.fieldError(FieldError::Field::Events)));
    picker->itemForEvent(u"task.overdue"_s)->setCheckState(0, Qt::Unchecked);
    QVERIFY(dialog.fieldError(FieldError::Field::Events).isEmpty());
}

void TestWebhookEditor::reservedHeaderIsRefused()
{
    WebhookEditorDialog dialog(*m_repository, Webhook());
    dialog.show();
    fillValidNewWebhook(dialog, u"Headers"_s);
    auto *headers = field<HeadersTable>(dialog, "headersTable");
    headers->table()->setRowCount(0);
    QTest::mouseClick(headers->findChildren<QPushButton *>().first(), Qt::LeftButton);
    headers->table()->item(0, 0)->setText(u"Host"_s);
    QVERIFY2(dialog.fieldError(FieldError::Field::Headers).contains(u"“Host” is set by the console"_s),
             qPrintable(dialog.fieldError(FieldError::Field::Headers)));
    headers->table()->item(0, 0)->setText(u"X Bad"_s);
    QVERIFY(dialog.fieldError(FieldError::Field::Headers).contains(u"HTTP does not allow"_s));
    headers->table()->item(0, 0)->setText(u"X-Good"_s);
    QVERIFY(dialog.fieldError(FieldError::Field::Headers).isEmpty());
}

void TestWebhookEditor::conflictOverwrite()
{
    Webhook original = makeWebhook(u"Shared"_s);
    QVERIFY(m_repository->create(original).ok());
    WebhookEditorDialog dialog(*m_repository, original);
    dialog.show();
    // Another administrator saves first.
    Webhook other = original;
    other.description = u"theirs"_s;
    QVERIFY(m_repository->update(other).ok());

    auto *description = field<QPlainTextEdit>(dialog, "descriptionEdit");
    description->setPlainText(u"mine"_s);
    QString conflictText;
    whenModalAppears([&](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        conflictText = box->text();
        box->findChild<QPushButton *>(u"overwriteButton"_s)->click();
    }, &dialog);
    dialog.save();
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY2(conflictText.contains(u"while you were editing"_s), qPrintable(conflictText));
    QCOMPARE(dialog.outcome(), WebhookEditorDialog::Outcome::Saved);
    QCOMPARE(m_repository->findById(original.id)->description, u"mine"_s);
    QCOMPARE(m_repository->findById(original.id)->version, 3);
}

void TestWebhookEditor::conflictReload()
{
    Webhook original = makeWebhook(u"Shared"_s);
    QVERIFY(m_repository->create(original).ok());
    WebhookEditorDialog dialog(*m_repository, original);
    dialog.show();
    Webhook other = original;
    other.description = u"theirs"_s;
    other.timeoutSeconds = 77;
    QVERIFY(m_repository->update(other).ok());

    field<QPlainTextEdit>(dialog, "descriptionEdit")->setPlainText(u"mine"_s);
    whenModalAppears([](QWidget *modal) { modal->findChild<QPushButton *>(u"reloadButton"_s)->click(); }, &dialog);
    dialog.save();
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY2(dialog.isVisible(), "after Reload the administrator keeps editing");
    QCOMPARE(field<QPlainTextEdit>(dialog, "descriptionEdit")->toPlainText(), u"theirs"_s);
    QCOMPARE(field<QSpinBox>(dialog, "timeoutSpin")->value(), 77);
    QCOMPARE(m_repository->findById(original.id)->description, u"theirs"_s);
    // Now based on their version, a save goes through.
    field<QPlainTextEdit>(dialog, "descriptionEdit")->setPlainText(u"mine, on top of theirs"_s);
    dialog.save();
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.outcome(), WebhookEditorDialog::Outcome::Saved);
    QCOMPARE(m_repository->findById(original.id)->description, u"mine, on top of theirs"_s);
}

void TestWebhookEditor::deleteAfterConfirmation()
{
    Webhook w = makeWebhook(u"Doomed"_s);
    QVERIFY(m_repository->create(w).ok());
    {
        WebhookEditorDialog dialog(*m_repository, w);
        dialog.show();
        whenModalAppears([](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Cancel)->click(); },
                         &dialog);
        field<QPushButton>(dialog, "deleteButton")->click();
        QVERIFY(dialog.isVisible());
        QVERIFY(m_repository->findById(w.id));
    }
    WebhookEditorDialog dialog(*m_repository, w);
    dialog.show();
    QString question;
    whenModalAppears([&](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        question = box->text();
        box->button(QMessageBox::Yes)->click();
    }, &dialog);
    field<QPushButton>(dialog, "deleteButton")->click();
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY(question.contains(u"Doomed"_s));
    QCOMPARE(dialog.outcome(), WebhookEditorDialog::Outcome::Deleted);
    QVERIFY(!m_repository->findById(w.id));
}

void TestWebhookEditor::duplicateButton()
{
    Webhook w = makeWebhook(u"Original"_s, WebhookKind::Slack);
    QVERIFY(m_repository->create(w).ok());
    WebhookEditorDialog dialog(*m_repository, w);
    dialog.show();
    field<QPushButton>(dialog, "duplicateButton")->click();
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.outcome(), WebhookEditorDialog::Outcome::Duplicated);
    QCOMPARE(dialog.webhook().name, u"Original (copy)"_s);
    QCOMPARE(m_repository->all()->size(), 2);
}

void TestWebhookEditor::previewFollowsTheFields()
{
    Webhook w = makeWebhook(u"Preview"_s, WebhookKind::Teams);
    w.headers = {{u"X-Clinic"_s, u"north"_s}};
    QVERIFY(m_repository->create(w).ok());
    WebhookEditorDialog dialog(*m_repository, w);
    dialog.show();
    dialog.updatePreview();
    PreviewPane *pane = dialog.previewPane();
    QVERIFY(!pane->isShowingError());
    // The first subscribed event is previewed, as a Teams card, with the custom header listed.
    QCOMPARE(field<QComboBox>(dialog, "previewEventCombo")->currentData().toString(), u"report.completed"_s);
    QVERIFY(pane->body().contains("application/vnd.microsoft.card.adaptive"));
    QVERIFY(pane->cardPanel()->isVisible());
    QVERIFY2(pane->headersView()->text().contains(u"X-Clinic"_s), qPrintable(pane->headersView()->text()));
    // No patient name at PHI level none; the full name at level full.
    const QByteArray noneBody = pane->body();
    auto *phi = field<QComboBox>(dialog, "phiCombo");
    phi->setCurrentIndex(phi->findData(int(PhiLevel::Full)));
    dialog.updatePreview();
    QVERIFY(pane->body() != noneBody);
    QVERIFY(pane->body().size() > noneBody.size());

    // Epic cannot carry a task event: the pane says why instead of showing bytes.
    auto *kind = field<QComboBox>(dialog, "kindCombo");
    kind->setCurrentIndex(kind->findData(int(WebhookKind::Epic)));
    auto *event = field<QComboBox>(dialog, "previewEventCombo");
    event->setCurrentIndex(event->findData(u"task.overdue"_s));
    dialog.updatePreview();
    QVERIFY(pane->isShowingError());
    event->setCurrentIndex(event->findData(u"battery.critical"_s));
    dialog.updatePreview();
    QVERIFY(!pane->isShowingError());
    QVERIFY(pane->body().contains("DiagnosticReport"));
}

void TestWebhookEditor::deliveryTabSettings()
{
    WebhookEditorDialog dialog(*m_repository, Webhook());
    dialog.show();
    fillValidNewWebhook(dialog, u"Epic North"_s);
    auto *kind = field<QComboBox>(dialog, "kindCombo");
    kind->setCurrentIndex(kind->findData(int(WebhookKind::Epic)));
    QVERIFY(!field<QGroupBox>(dialog, "epicGroup")->isHidden());
    field<QLineEdit>(dialog, "caFileEdit")->setText(u"certs/hospital.pem"_s);
    QVERIFY2(dialog.fieldError(FieldError::Field::CaFile).contains(u"absolute path"_s),
             qPrintable(dialog.fieldError(FieldError::Field::CaFile)));
    field<QLineEdit>(dialog, "caFileEdit")->setText(u"/etc/ssl/hospital-ca.pem"_s);
    QVERIFY(dialog.fieldError(FieldError::Field::CaFile).isEmpty());
    field<QLineEdit>(dialog, "epicTokenUrlEdit")->setText(u"http://epic.example/token"_s);
    QVERIFY2(dialog.fieldError(FieldError::Field::Epic).contains(u"https://"_s),
             qPrintable(dialog.fieldError(FieldError::Field::Epic)));
    field<QLineEdit>(dialog, "epicTokenUrlEdit")->setText(u"https://epic.example/oauth2/token"_s);
    field<QLineEdit>(dialog, "epicClientIdEdit")->setText(u"client-42"_s);
    field<QLineEdit>(dialog, "epicFhirBaseEdit")->setText(u"https://epic.example/api/FHIR/R4"_s);
    field<QCheckBox>(dialog, "internalEndpointCheck")->setChecked(true);
    dialog.save();
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.outcome(), WebhookEditorDialog::Outcome::Saved);
    const Webhook stored = *m_repository->findByName(u"Epic North"_s);
    QCOMPARE(stored.caFile, u"/etc/ssl/hospital-ca.pem"_s);
    QVERIFY(stored.internalEndpoint);
    QCOMPARE(stored.epic.clientId, u"client-42"_s);
    QCOMPARE(stored.epic.tokenUrl, QUrl(u"https://epic.example/oauth2/token"_s));

    // Switching away from Epic drops the Epic settings instead of storing them on another kind.
    WebhookEditorDialog again(*m_repository, stored);
    again.show();
    auto *kindAgain = field<QComboBox>(again, "kindCombo");
    kindAgain->setCurrentIndex(kindAgain->findData(int(WebhookKind::Generic)));
    QVERIFY(field<QGroupBox>(again, "epicGroup")->isHidden());
    QVERIFY(again.webhookFromFields().epic.isEmpty());
}

void TestWebhookEditor::epicKeyPairFromEditor()
{
    ConsoleServices console(*m_db.database);
    CredentialStore &keychain = console.credentials;
    const TestSendServices services{*m_repository, console.secrets, keychain, console.deliveryLog, console.sender};
    Webhook epic = makeWebhook(u"Epic"_s, WebhookKind::Epic);
    QVERIFY(m_repository->create(epic).ok());
    (void)keychain.removeAndWait(WebhookSecrets::epicPrivateKeyKey(epic.id));

    WebhookEditorDialog dialog(*m_repository, epic, nullptr, &services);
    dialog.show();
    auto *status = field<QLabel>(dialog, "epicKeyStatus");
    QTRY_VERIFY2(status->text().contains(u"No private key"_s), qPrintable(status->text()));
    QVERIFY(!field<QPushButton>(dialog, "epicCopyJwksButton")->isEnabled());
    field<QPushButton>(dialog, "epicGenerateKeyButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(field<QPushButton>(dialog, "epicCopyJwksButton")->isEnabled(), 60000);
    const QString keyId = field<QLineEdit>(dialog, "epicKeyIdEdit")->text();
    QVERIFY(!keyId.isEmpty());
    const CredentialStore::Result stored = keychain.readAndWait(WebhookSecrets::epicPrivateKeyKey(epic.id));
    QVERIFY2(stored.ok(), qPrintable(stored.message()));
    const auto key = EpicKey::fromPem(stored.value().toLatin1());
    QVERIFY(key);
    QCOMPARE(key->thumbprint(), keyId);
    QCOMPARE(m_repository->findById(epic.id)->epic.keyId, keyId); // stored at once, not only on Save

    // Replacing the key moves a key id derived from the old key along with it.
    whenModalAppears([](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Yes)->click(); },
                     &dialog);
    field<QPushButton>(dialog, "epicGenerateKeyButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(field<QLineEdit>(dialog, "epicKeyIdEdit")->text() != keyId
                                 && field<QPushButton>(dialog, "epicCopyJwksButton")->isEnabled(), 60000);
    const QString newKeyId = field<QLineEdit>(dialog, "epicKeyIdEdit")->text();
    QCOMPARE(EpicKey::fromPem(keychain.readAndWait(WebhookSecrets::epicPrivateKeyKey(epic.id)).value().toLatin1())
                 ->thumbprint(), newKeyId);
    QCOMPARE(m_repository->findById(epic.id)->epic.keyId, newKeyId);
    // The administrator's own save afterwards goes through without a conflict.
    dialog.save();
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.outcome(), WebhookEditorDialog::Outcome::Saved);
    const QString keyIdAfterSave = newKeyId;

    QApplication::clipboard()->clear();
    field<QPushButton>(dialog, "epicCopyJwksButton")->click();
    QTRY_VERIFY(!QApplication::clipboard()->text().isEmpty());
    const QJsonObject jwk = QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8())
                                .object().value(u"keys"_s).toArray().first().toObject();
    QCOMPARE(jwk.value(u"kid"_s).toString(), keyIdAfterSave);
    QCOMPARE(jwk.value(u"alg"_s).toString(), u"RS384"_s);
    QVERIFY2(!QApplication::clipboard()->text().contains(u"PRIVATE"_s), "only the public key is exported");

    // The same JWK Set as a file, for registration forms that take one.
    QVERIFY(field<QPushButton>(dialog, "epicSaveJwksButton")->isEnabled());
    QTemporaryDir folder;
    const QString saved = folder.filePath(u"epic-jwks.json"_s);
    dialog.saveEpicJwksTo(saved);
    QTRY_VERIFY(QFile::exists(saved));
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), QApplication::clipboard()->text());
    (void)keychain.removeAndWait(WebhookSecrets::epicPrivateKeyKey(epic.id));
}

void TestWebhookEditor::screenshot()
{
    Webhook w = makeWebhook(u"Cardiology on-call (Teams)"_s, WebhookKind::Teams);
    w.description = u"Battery alerts for the on-call cardiologist."_s;
    QVERIFY(m_repository->create(w).ok());
    WebhookEditorDialog dialog(*m_repository, w);
    dialog.resize(1400, 860);
    dialog.show();
    dialog.updatePreview();
    field<QLineEdit>(dialog, "urlEdit")->setText(u"http://teams.example/webhook"_s);
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString folder = QDir(QCoreApplication::applicationDirPath()).filePath(u"screenshots"_s);
    QDir().mkpath(folder);
    QVERIFY(dialog.grab().save(folder + u"/webhook-editor.png"_s));

    Webhook epic = makeWebhook(u"Epic Hyperspace North"_s, WebhookKind::Epic);
    epic.epic = {u"goreporter-north"_s, QUrl(u"https://fhir.hospital.example/oauth2/token"_s),
                 QUrl(u"https://fhir.hospital.example/api/FHIR/R4"_s), u"system/DiagnosticReport.c"_s, QString()};
    epic.caFile = u"/etc/ssl/certs/hospital-root-ca.pem"_s;
    QVERIFY(m_repository->create(epic).ok());
    WebhookEditorDialog epicDialog(*m_repository, epic);
    epicDialog.resize(1400, 860);
    epicDialog.show();
    field<QTabWidget>(epicDialog, "editorTabs")->setCurrentIndex(1);
    epicDialog.updatePreview();
    QVERIFY(QTest::qWaitForWindowExposed(&epicDialog));
    QVERIFY(epicDialog.grab().save(folder + u"/webhook-editor-epic-delivery.png"_s));
}

void TestWebhookEditor::previewFollowsPatientDataLevelByItself()
{
    Webhook w = makeWebhook(u"Preview PHI"_s, WebhookKind::Generic);
    w.phiLevel = PhiLevel::None;
    QVERIFY(m_repository->create(w).ok());
    WebhookEditorDialog dialog(*m_repository, w);
    dialog.show();
    PreviewPane *pane = dialog.previewPane();
    QTRY_VERIFY(!pane->body().isEmpty());
    const QByteArray noneBody = pane->body();
    QVERIFY(!noneBody.contains("\"initials\""));
    // No explicit refresh: the change of level alone must bring the new bytes.
    auto *phi = field<QComboBox>(dialog, "phiCombo");
    phi->setCurrentIndex(phi->findData(int(PhiLevel::Limited)));
    QTRY_VERIFY_WITH_TIMEOUT(pane->body() != noneBody, 3000);
    QVERIFY2(pane->body().contains("\"initials\""), pane->body().constData());
}

void TestWebhookEditor::saveShowsAnErrorOnTheOtherTab()
{
    WebhookEditorDialog dialog(*m_repository, Webhook());
    dialog.show();
    fillValidNewWebhook(dialog, u"Other tab"_s);
    // The only error is on the first tab while the second is shown.
    field<QLineEdit>(dialog, "nameEdit")->setText(u" padded"_s);
    auto *tabs = field<QTabWidget>(dialog, "editorTabs");
    tabs->setCurrentIndex(1);
    field<QPushButton>(dialog, "saveButton")->click();
    QVERIFY(dialog.isVisible());
    QCOMPARE(tabs->currentIndex(), 0);
    QTRY_COMPARE(QApplication::focusWidget(), field<QLineEdit>(dialog, "nameEdit"));
    auto *problem = field<QLabel>(dialog, "saveProblemLabel");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"spaces"_s), qPrintable(problem->text()));
    QVERIFY(!tabs->tabIcon(0).isNull());
    QVERIFY(tabs->tabIcon(1).isNull());
    QVERIFY(!m_repository->findByName(u"padded"_s));
}

void TestWebhookEditor::escapeAsksBeforeDiscarding()
{
    {
        WebhookEditorDialog dialog(*m_repository, Webhook());
        dialog.show();
        fillValidNewWebhook(dialog, u"Half done"_s);
        // Keep editing: the dialog stays with what was typed.
        whenModalAppears([](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Cancel)->click(); });
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(dialog.isVisible());
        QCOMPARE(field<QLineEdit>(dialog, "nameEdit")->text(), u"Half done"_s);
        whenModalAppears([](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Discard)->click(); });
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
    }
    // An untouched form closes at once.
    WebhookEditorDialog untouched(*m_repository, Webhook());
    untouched.show();
    QPointer<QTimer> watcher = whenModalAppears([](QWidget *) { QFAIL("no question expected"); });
    QTest::keyClick(&untouched, Qt::Key_Escape);
    QVERIFY(!untouched.isVisible());
    delete watcher;
}

void TestWebhookEditor::urlOfAnotherIntegrationIsPointedOut()
{
    WebhookEditorDialog dialog(*m_repository, Webhook());
    dialog.show();
    auto *kind = field<QComboBox>(dialog, "kindCombo");
    kind->setCurrentIndex(kind->findData(int(WebhookKind::Teams)));
    field<QLineEdit>(dialog, "urlEdit")->setText(u"https://hooks.slack.com/services/T000/B000/XXXX"_s);
    auto *hint = field<QLabel>(dialog, "urlHint");
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(u"Slack"_s), qPrintable(hint->text()));
    kind->setCurrentIndex(kind->findData(int(WebhookKind::Slack)));
    QVERIFY(!hint->isVisible());
}

void TestWebhookEditor::phiExplanationNamesWhatLimitedCarries()
{
    // The explanation promises what the payload holds: the limited level carries clinic, physician and assignee.
    const QString limited = PhiLevels::explanation(PhiLevel::Limited);
    for (const QString &part : {u"clinic"_s, u"physician"_s, u"assignee"_s})
        QVERIFY2(limited.contains(part), qPrintable(limited));
}

void TestWebhookEditor::testAndSaveIsOneStep()
{
    ConsoleServices console(*m_db.database);
    CredentialStore &keychain = console.credentials;
    const TestSendServices services{*m_repository, console.secrets, keychain, console.deliveryLog, console.sender};
    WebhookEditorDialog dialog(*m_repository, Webhook(), nullptr, &services);
    dialog.show();
    auto *test = field<QPushButton>(dialog, "testSendButton");
    // An empty, unnamed form is not tested: nothing would belong to anything.
    test->click();
    QVERIFY(dialog.findChildren<TestSendDialog *>().isEmpty());
    QVERIFY(m_repository->all()->isEmpty());

    fillValidNewWebhook(dialog, u"Quick set-up"_s);
    test->click();
    QTRY_VERIFY(!dialog.isBusy());
    const auto stored = m_repository->findByName(u"Quick set-up"_s);
    QVERIFY2(stored, "Test and save did not save");
    const QList<TestSendDialog *> tests = dialog.findChildren<TestSendDialog *>();
    QCOMPARE(tests.size(), 1);
    QCOMPARE(tests.first()->webhook().id, stored->id);
    QVERIFY(dialog.isVisible()); // still open to adjust and test again
    QCOMPARE(dialog.outcome(), WebhookEditorDialog::Outcome::Saved);
    tests.first()->close();

    // A secret can be set in the same sitting, for generic webhooks only.
    auto *secret = field<QPushButton>(dialog, "secretButton");
    QVERIFY(secret->isVisible());
    QString shownFor;
    whenModalAppears([&shownFor](QWidget *modal) {
        shownFor = QLatin1String(modal->metaObject()->className());
        qobject_cast<QDialog *>(modal)->reject();
    });
    secret->click();
    QCOMPARE(shownFor, u"SecretDialog"_s);
    auto *kind = field<QComboBox>(dialog, "kindCombo");
    kind->setCurrentIndex(kind->findData(int(WebhookKind::Slack)));
    QVERIFY(!secret->isVisible());
}

QTEST_MAIN(TestWebhookEditor)
#include "tst_webhookeditor.moc"
