// Manages one webhook's signing secret: generate, paste, reveal, copy, rotate with a grace period, delete.
#pragma once

#include "models/domain/result.h"
#include "models/domain/webhook.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class WebhookSecrets;

class SecretDialog : public QDialog
{
    Q_OBJECT
public:
    SecretDialog(WebhookSecrets &secrets, const Webhook &webhook, QWidget *parent = nullptr);

    Webhook webhook() const { return m_webhook; }
    QString statusText() const;

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
    bool confirm(const QString &title, const QString &question);
    void report(const Result<void> &result, const QString &success);

    WebhookSecrets &m_secrets;
    Webhook m_webhook;
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
