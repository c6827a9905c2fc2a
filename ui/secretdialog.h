// Manages one webhook's signing secret: generate, paste, reveal, copy, rotate with a grace period, delete.
#pragma once

#include "models/domain/result.h"
#include "models/domain/webhook.h"
#include "models/secrets/webhooksecrets.h"

#include <QDialog>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

class SecretDialog : public QDialog
{
    Q_OBJECT
public:
    SecretDialog(WebhookSecrets &secrets, const Webhook &webhook, QWidget *parent = nullptr);

    Webhook webhook() const { return m_webhook; }
    QString statusText() const;
    // While the keychain or the database is answering, every action is disabled.
    bool isBusy() const { return m_busy; }

signals:
    // The dialog shows the outcome of what it was doing and takes actions again.
    void ready();

public slots:
    void generate();
    void setPasted();
    void reveal();
    void copyToClipboard();
    void rotate();
    void remove();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshStatus();
    void showRotation();
    void updateActions();
    void setBusy(bool busy);
    bool confirm(const QString &title, const QString &question);
    void showFeedback(const QString &text, bool problem);
    // The answer to set, rotate or remove: the webhook as stored now, or why not.
    std::function<void(const Result<Webhook> &)> changeReport(const QString &success);

    WebhookSecrets &m_secrets;
    Webhook m_webhook;
    std::optional<WebhookSecrets::Presence> m_presence;  // as the keychain said last; unknown while it is asked
    bool m_busy = false;
    int m_statusRequest = 0;  // only the newest status answer is shown
    QLabel *m_statusLabel;
    QLabel *m_rotationLabel;
    QLineEdit *m_secretEdit;
    QPushButton *m_generateButton;
    QPushButton *m_setButton;
    QPushButton *m_revealButton;
    QPushButton *m_copyButton;
    QPushButton *m_rotateButton;
    QSpinBox *m_graceSpin;
    QLabel *m_graceLabel;
    QPushButton *m_deleteButton;
    QPushButton *m_closeButton;
    QLabel *m_feedbackLabel;
};
