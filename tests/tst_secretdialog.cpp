// The signing-secret dialog driven through its widgets against the real keyring.
#include "models/secrets/webhooksecrets.h"
#include "models/secrets/signingsecret.h"
#include "network/transport/standardwebhooks.h"
#include "testsupport/testmachine.h"
#include "testsupport/modaldialogs.h"
#include "testsupport/webhookfixtures.h"
#include "ui/secretdialog.h"

#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSecretDialog : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void generateThenRevealAndCopy();
    void pasteRefusesGarbage();
    void rotateWithGracePeriod();
    void deleteAfterConfirmation();
    void screenshot();

private:
    QPushButton *button(SecretDialog &dialog, const char *name)
    {
        return dialog.findChild<QPushButton *>(QLatin1String(name));
    }
    static void answerYes(QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Yes)->click(); }

    OpenTestDatabase m_db;
    std::unique_ptr<WebhookRepository> m_repository;
    std::unique_ptr<TestCredentialStore> m_store;
    std::unique_ptr<WebhookSecrets> m_secrets;
    Webhook m_webhook;
};

void TestSecretDialog::init()
{
    m_db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    m_repository = std::make_unique<WebhookRepository>(*m_db.database);
    m_store = std::make_unique<TestCredentialStore>(*m_db.database);
    m_secrets = std::make_unique<WebhookSecrets>(*m_store, *m_repository);
    m_webhook = makeWebhook(u"Research data warehouse"_s);
    QVERIFY(m_repository->create(m_webhook).ok());
}

void TestSecretDialog::cleanup()
{
    (void)m_store->removeAndWait(WebhookSecrets::signingKey(m_webhook.id));
    (void)m_store->removeAndWait(WebhookSecrets::previousSigningKey(m_webhook.id));
    m_secrets.reset();
    m_repository.reset();
    m_db = {};
}

void TestSecretDialog::generateThenRevealAndCopy()
{
    SecretDialog dialog(*m_secrets, m_webhook);
    QSignalSpy ready(&dialog, &SecretDialog::ready);
    dialog.show();
    QVERIFY(!button(dialog, "revealButton")->isEnabled()); // nothing is offered before the store answered
    QVERIFY(ready.wait());
    QVERIFY(dialog.statusText().contains(u"No signing secret"_s));
    QVERIFY(!button(dialog, "revealButton")->isEnabled());
    button(dialog, "generateButton")->click();
    QVERIFY(dialog.isBusy());
    QVERIFY(!button(dialog, "generateButton")->isEnabled()); // a second change cannot race the first
    QVERIFY(ready.wait());
    QVERIFY2(dialog.statusText().contains(u"is stored sealed"_s), qPrintable(dialog.statusText()));
    // The dialog names the machines that can use the secret, by name and fingerprint.
    QVERIFY2(dialog.statusText().contains(u"test-machine (%1)"_s.arg(m_store->identity().fingerprint())),
             qPrintable(dialog.statusText()));
    QVERIFY(!dialog.webhook().secretFingerprint.isEmpty());
    const QString stored = m_store->readAndWait(WebhookSecrets::signingKey(m_webhook.id)).value();
    QCOMPARE(SigningSecret::fingerprint(stored), dialog.webhook().secretFingerprint);

    QString shown;
    whenModalAppears([&](QWidget *confirmation) {
        answerYes(confirmation);
        whenModalAppears([&](QWidget *reveal) {
            shown = qobject_cast<QMessageBox *>(reveal)->text();
            reveal->close();
        });
    });
    button(dialog, "revealButton")->click();
    QVERIFY(ready.wait());
    QCOMPARE(shown, stored);

    QApplication::clipboard()->clear();
    whenModalAppears(answerYes);
    button(dialog, "copyButton")->click();
    QVERIFY(ready.wait());
    QCOMPARE(QApplication::clipboard()->text(), stored);
}

void TestSecretDialog::pasteRefusesGarbage()
{
    SecretDialog dialog(*m_secrets, m_webhook);
    QSignalSpy ready(&dialog, &SecretDialog::ready);
    dialog.show();
    QVERIFY(ready.wait());
    auto *edit = dialog.findChild<QLineEdit *>(u"secretEdit"_s);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(edit, u"whsec_%%%"_s);
    button(dialog, "setButton")->click();
    QVERIFY(ready.wait());
    const QString feedback = dialog.findChild<QLabel *>(u"feedbackLabel"_s)->text();
    QVERIFY(!feedback.isEmpty());
    QVERIFY(dialog.webhook().secretFingerprint.isEmpty());
    edit->clear();
    const QString good = SigningSecret::generate();
    QTest::keyClicks(edit, good);
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(ready.wait());
    QCOMPARE(dialog.webhook().secretFingerprint, SigningSecret::fingerprint(good));
    QVERIFY2(edit->text().isEmpty(), "a stored secret does not linger in the field");
}

void TestSecretDialog::rotateWithGracePeriod()
{
    QVERIFY(m_secrets->setAndWait(m_webhook, SigningSecret::generate()).ok());
    const QString before = m_webhook.secretFingerprint;
    SecretDialog dialog(*m_secrets, m_webhook);
    QSignalSpy ready(&dialog, &SecretDialog::ready);
    dialog.show();
    QVERIFY(ready.wait());
    dialog.findChild<QSpinBox *>(u"graceSpin"_s)->setValue(48);
    button(dialog, "rotateButton")->click();
    QVERIFY(ready.wait());
    QCOMPARE(dialog.webhook().previousSecretFingerprint, before);
    QVERIFY(dialog.webhook().secretFingerprint != before);
    const qint64 hours = QDateTime::currentDateTimeUtc().secsTo(dialog.webhook().secretGraceUntil) / 3600;
    QVERIFY2(hours >= 47 && hours <= 48, qPrintable(QString::number(hours)));
    const auto credentials = resolveCredentials(*m_store, dialog.webhook());
    QVERIFY2(credentials, qPrintable(credentials.message()));
    QCOMPARE(credentials->signingSecrets.size(), 2);
}

void TestSecretDialog::deleteAfterConfirmation()
{
    QVERIFY(m_secrets->setAndWait(m_webhook, SigningSecret::generate()).ok());
    SecretDialog dialog(*m_secrets, m_webhook);
    QSignalSpy ready(&dialog, &SecretDialog::ready);
    dialog.show();
    QVERIFY(ready.wait());
    whenModalAppears(answerYes);
    button(dialog, "deleteButton")->click();
    QVERIFY(ready.wait());
    QVERIFY(dialog.webhook().secretFingerprint.isEmpty());
    QCOMPARE(m_store->readAndWait(WebhookSecrets::signingKey(m_webhook.id)).code(), ErrorCode::NotFound);
}

void TestSecretDialog::screenshot()
{
    QVERIFY(m_secrets->setAndWait(m_webhook, SigningSecret::generate()).ok());
    QVERIFY(m_secrets->rotateAndWait(m_webhook, SigningSecret::generate()).ok());
    SecretDialog dialog(*m_secrets, m_webhook);
    QSignalSpy ready(&dialog, &SecretDialog::ready);
    dialog.show();
    QVERIFY(ready.wait());
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // The status, which names the machines that can use the secret, is shown whole.
    auto *status = dialog.findChild<QLabel *>(u"statusLabel"_s);
    QVERIFY(status);
    QTRY_VERIFY(status->height() >= status->heightForWidth(status->width()));
    const QString folder = QDir(QCoreApplication::applicationDirPath()).filePath(u"screenshots"_s);
    QDir().mkpath(folder);
    QVERIFY(dialog.grab().save(folder + u"/secret-dialog.png"_s));
}

QTEST_MAIN(TestSecretDialog)
#include "tst_secretdialog.moc"
