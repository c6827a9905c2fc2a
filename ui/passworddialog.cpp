// Asks for a shared database's password, optionally remembering it in the workstation's keychain.
#include "ui/passworddialog.h"

#include "models/secrets/databaselogin.h"
#include "models/secrets/secretstore.h"
#include "ui/consolestyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QVBoxLayout>

PasswordDialog::PasswordDialog(const DatabaseUrl &url, const QString &problem, QWidget *parent)
    : QDialog(parent)
    , m_passwordEdit(new QLineEdit(this))
    , m_rememberCheck(new QCheckBox(tr("&Remember in this workstation's keychain"), this))
{
    setObjectName(QStringLiteral("passwordDialog"));
    setWindowTitle(tr("Database password"));
    auto *intro = new QLabel(tr("The shared database %1 needs the password of the role “%2”.")
                                 .arg(url.displayName(), url.userName().isEmpty() ? Database::operatingSystemAccount()
                                                                                   : url.userName()),
                             this);
    intro->setWordWrap(true);
    auto *problemLabel = new QLabel(problem, this);
    problemLabel->setObjectName(QStringLiteral("problemLabel"));
    problemLabel->setWordWrap(true);
    problemLabel->setStyleSheet(ConsoleStyle::problemText());
    problemLabel->setVisible(!problem.isEmpty());
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_rememberCheck->setObjectName(QStringLiteral("rememberCheck"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Password:"), m_passwordEdit);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(problemLabel);
    layout->addLayout(form);
    layout->addWidget(m_rememberCheck);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString PasswordDialog::password() const
{
    return m_passwordEdit->text();
}

bool PasswordDialog::rememberInKeychain() const
{
    return m_rememberCheck->isChecked();
}

bool PasswordDialog::login(Database &database, const DatabaseUrl &url, SecretStore &secrets, QWidget *parent)
{
    QString keychainProblem;
    if (openWithStoredPassword(database, url, secrets, &keychainProblem))
        return true;
    while (database.error() == Database::Error::AuthenticationFailed) {
        QString problem = database.errorString();
        if (!keychainProblem.isEmpty())
            problem += QLatin1Char('\n') + keychainProblem;
        PasswordDialog dialog(url, problem, parent);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        if (!database.open(url, dialog.password()))
            continue;
        if (dialog.rememberInKeychain()) {
            const SecretStore::Result stored = secrets.writeAndWait(url.keychainKey(), dialog.password());
            if (!stored.ok())
                QMessageBox::warning(parent, tr("Password not remembered"),
                                     tr("You are logged in, but the password could not be stored: %1").arg(stored.message()));
        }
        return true;
    }
    return false;
}
