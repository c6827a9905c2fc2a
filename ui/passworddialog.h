// Asks for a shared database's password, optionally remembering it in the workstation's keychain.
#pragma once

#include "models/storage/database.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class SecretStore;

class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    PasswordDialog(const DatabaseUrl &url, const QString &problem, QWidget *parent = nullptr);

    QString password() const;
    bool rememberInKeychain() const;

    // Opens url with what is stored (keychain, ~/.pgpass, PGPASSWORD) and otherwise asks until the login
    // works or the user cancels. Returns false with database.errorString() set if it never opened.
    static bool login(Database &database, const DatabaseUrl &url, SecretStore &secrets, QWidget *parent = nullptr);

private:
    QLineEdit *m_passwordEdit;
    QCheckBox *m_rememberCheck;
};
