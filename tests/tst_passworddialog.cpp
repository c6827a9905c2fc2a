// Logging in to a password-protected shared database from the console: ask, retry, remember in the keychain.
#include "models/secrets/secretstore.h"
#include "testsupport/modaldialogs.h"
#include "testsupport/testdatabases.h"
#include "ui/passworddialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPasswordDialog : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void asksRetriesAndRemembers();
    void cancelLeavesDatabaseClosed();
    void noPromptWhenNoPasswordIsNeeded();

private:
    static void answer(QWidget *modal, const QString &password, bool remember, QString *problemShown)
    {
        auto *dialog = qobject_cast<PasswordDialog *>(modal);
        QVERIFY(dialog);
        if (problemShown)
            *problemShown = dialog->findChild<QLabel *>(u"problemLabel"_s)->text();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"passwordEdit"_s), password);
        dialog->findChild<QCheckBox *>(u"rememberCheck"_s)->setChecked(remember);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    }

    std::optional<DatabaseUrl> m_url;
    SecretStore m_secrets{u"goreporter-webhooks-test-dialog"_s};
};

void TestPasswordDialog::init()
{
    QString error;
    m_url = DatabaseUrl::parse(qEnvironmentVariable("GOREPORTER_TEST_PG_PASSWORD_URL"), &error);
    QVERIFY2(m_url, "GOREPORTER_TEST_PG_PASSWORD_URL is set by scripts/test-services.sh");
    (void)m_secrets.removeAndWait(m_url->keychainKey());
}

void TestPasswordDialog::asksRetriesAndRemembers()
{
    QString firstProblem;
    QString secondProblem;
    // First a wrong password, then the right one with "remember".
    whenModalAppears([&](QWidget *modal) {
        answer(modal, u"wrong password"_s, false, &firstProblem);
        whenModalAppears([&](QWidget *again) { answer(again, u"correct horse battery staple"_s, true, &secondProblem); });
    });
    Database database;
    QVERIFY2(PasswordDialog::login(database, *m_url, m_secrets), qPrintable(database.errorString()));
    QVERIFY(database.isOpen());
    QCOMPARE(database.actor(), u"goreporter_pw"_s);
    QVERIFY2(firstProblem.contains(u"refused the login"_s), qPrintable(firstProblem));
    QVERIFY2(secondProblem.contains(u"password authentication failed"_s), qPrintable(secondProblem));

    const SecretStore::Result stored = m_secrets.readAndWait(m_url->keychainKey());
    QVERIFY2(stored.ok(), qPrintable(stored.message()));
    QCOMPARE(stored.value(), u"correct horse battery staple"_s);

    // Next start: the keychain answers, no dialog appears.
    Database again;
    bool prompted = false;
    QPointer<QTimer> watcher = whenModalAppears([&](QWidget *modal) {
        prompted = true;
        modal->close();
    });
    QVERIFY(PasswordDialog::login(again, *m_url, m_secrets));
    delete watcher;
    QVERIFY(!prompted);
    (void)m_secrets.removeAndWait(m_url->keychainKey());
}

void TestPasswordDialog::cancelLeavesDatabaseClosed()
{
    whenModalAppears([](QWidget *modal) {
        modal->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    });
    Database database;
    QVERIFY(!PasswordDialog::login(database, *m_url, m_secrets));
    QVERIFY(!database.isOpen());
    QCOMPARE(database.error(), Database::Error::AuthenticationFailed);
    QVERIFY(!m_secrets.readAndWait(m_url->keychainKey()).ok());
}

void TestPasswordDialog::noPromptWhenNoPasswordIsNeeded()
{
    const auto trusted = TestDatabase::create(DatabaseUrl::Engine::PostgreSQL);
    QVERIFY(trusted);
    bool prompted = false;
    QPointer<QTimer> watcher = whenModalAppears([&](QWidget *modal) {
        prompted = true;
        modal->close();
    });
    Database database;
    const bool opened = PasswordDialog::login(database, trusted->url(), m_secrets);
    delete watcher;
    QVERIFY2(opened, qPrintable(database.errorString()));
    QVERIFY(!prompted);
}

QTEST_MAIN(TestPasswordDialog)
#include "tst_passworddialog.moc"
