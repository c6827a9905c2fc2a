// Manages one webhook's signing secret: generate, paste, reveal, copy, rotate with a grace period, delete.
#include "ui/secretdialog.h"
#include "models/secrets/signingsecret.h"

#include "network/transport/standardwebhooks.h"
#include "ui/consolestyle.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

SecretDialog::SecretDialog(WebhookSecrets &secrets, const Webhook &webhook, QWidget *parent)
    : QDialog(parent)
    , m_secrets(secrets)
    , m_webhook(webhook)
    , m_statusLabel(new QLabel(this))
    , m_rotationLabel(new QLabel(this))
    , m_secretEdit(new QLineEdit(this))
    , m_generateButton(new QPushButton(this))
    , m_setButton(new QPushButton(this))
    , m_revealButton(new QPushButton(this))
    , m_copyButton(new QPushButton(this))
    , m_rotateButton(new QPushButton(this))
    , m_graceSpin(new QSpinBox(this))
    , m_graceLabel(new QLabel(this))
    , m_deleteButton(new QPushButton(this))
    , m_closeButton(new QPushButton(this))
    , m_feedbackLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("secretDialog"));
    setMinimumWidth(560);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_rotationLabel->setWordWrap(true);
    m_feedbackLabel->setObjectName(QStringLiteral("feedbackLabel"));
    m_feedbackLabel->setWordWrap(true);
    m_secretEdit->setObjectName(QStringLiteral("secretEdit"));
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setPlaceholderText(QStringLiteral("whsec_…"));
    m_graceSpin->setRange(0, 24 * 14);
    m_graceSpin->setValue(WebhookSecrets::defaultGraceHours);
    m_graceLabel->setBuddy(m_graceSpin);
    const QList<QPair<QPushButton *, const char *>> named = {
        {m_generateButton, "generateButton"}, {m_setButton, "setButton"}, {m_revealButton, "revealButton"},
        {m_copyButton, "copyButton"}, {m_rotateButton, "rotateButton"}, {m_deleteButton, "deleteButton"},
    };
    for (const auto &[button, name] : named) {
        button->setObjectName(QLatin1String(name));
        button->setAutoDefault(false);
    }
    // Enter stores what was pasted; it must never trigger a replacing or deleting button.
    m_setButton->setDefault(true);
    m_closeButton->setAutoDefault(false);
    m_graceSpin->setObjectName(QStringLiteral("graceSpin"));

    auto *pasteRow = new QHBoxLayout;
    pasteRow->addWidget(m_secretEdit, 1);
    pasteRow->addWidget(m_setButton);
    auto *rotateRow = new QHBoxLayout;
    rotateRow->addWidget(m_rotateButton);
    rotateRow->addWidget(m_graceLabel);
    rotateRow->addWidget(m_graceSpin);
    rotateRow->addStretch();
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_generateButton);
    actions->addWidget(m_revealButton);
    actions->addWidget(m_copyButton);
    actions->addStretch();
    actions->addWidget(m_deleteButton);
    auto *closeRow = new QHBoxLayout;
    closeRow->addStretch();
    closeRow->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_rotationLabel);
    layout->addLayout(pasteRow);
    layout->addLayout(actions);
    layout->addLayout(rotateRow);
    layout->addWidget(m_feedbackLabel);
    layout->addStretch();
    layout->addLayout(closeRow);

    connect(m_generateButton, &QPushButton::clicked, this, &SecretDialog::generate);
    connect(m_setButton, &QPushButton::clicked, this, &SecretDialog::setPasted);
    connect(m_revealButton, &QPushButton::clicked, this, &SecretDialog::reveal);
    connect(m_copyButton, &QPushButton::clicked, this, &SecretDialog::copyToClipboard);
    connect(m_rotateButton, &QPushButton::clicked, this, &SecretDialog::rotate);
    connect(m_deleteButton, &QPushButton::clicked, this, &SecretDialog::remove);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);
    retranslate();
    refreshStatus();
}

void SecretDialog::retranslate()
{
    setWindowTitle(tr("Signing secret of “%1”").arg(m_webhook.name));
    m_generateButton->setText(tr("&Generate new"));
    m_generateButton->setToolTip(tr("Replace the secret at once with a new random one (Standard Webhooks format)."));
    m_setButton->setText(tr("&Set pasted secret"));
    m_revealButton->setText(tr("&Reveal…"));
    m_copyButton->setText(tr("&Copy…"));
    m_rotateButton->setText(tr("R&otate"));
    m_rotateButton->setToolTip(tr("Make a new secret current while the old one keeps signing during the grace period, "
                                  "so that the receiver can switch over without losing messages."));
    m_graceLabel->setText(tr("grace period:"));
    m_graceSpin->setSuffix(tr(" h"));
    m_deleteButton->setText(tr("&Delete…"));
    m_closeButton->setText(tr("Close"));
}

void SecretDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refreshStatus();
    }
    QDialog::changeEvent(event);
}

QString SecretDialog::statusText() const
{
    return m_statusLabel->text();
}

void SecretDialog::refreshStatus()
{
    const int request = ++m_statusRequest;
    m_presence.reset();
    m_statusLabel->setText(tr("Looking for the secret in this workstation's keychain…"));
    showRotation();
    updateActions();
    m_secrets.status(m_webhook, this, [this, request](const WebhookSecrets::Status &status) {
        if (request != m_statusRequest)
            return; // a newer question is on its way
        m_presence = status.presence;
        m_statusLabel->setText(status.message);
        // The answer may take more lines than the question did; wrapped labels need the height for this width,
        // which the minimum size hint does not know.
        layout()->activate();
        const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                         : minimumSizeHint().height();
        if (height() < needed)
            resize(width(), needed);
        updateActions();
        if (!m_busy)
            emit ready();
    });
}

void SecretDialog::showRotation()
{
    const bool rotating = !m_webhook.previousSecretFingerprint.isEmpty()
                          && QDateTime::currentDateTimeUtc() < m_webhook.secretGraceUntil;
    m_rotationLabel->setVisible(rotating);
    if (rotating)
        m_rotationLabel->setText(tr("Rotation in progress: requests carry signatures with both the new and the previous "
                                    "secret (%1) until %2.")
                                     .arg(m_webhook.previousSecretFingerprint,
                                          QLocale().toString(m_webhook.secretGraceUntil.toLocalTime(), QLocale::ShortFormat)));
}

void SecretDialog::updateActions()
{
    // Nothing is offered while an answer is awaited: a second change would race the first.
    const bool known = m_presence.has_value() && !m_busy;
    const bool usable = known && *m_presence == WebhookSecrets::Presence::PresentHere;
    m_revealButton->setEnabled(usable);
    m_copyButton->setEnabled(usable);
    m_rotateButton->setEnabled(usable);
    m_deleteButton->setEnabled(known && *m_presence != WebhookSecrets::Presence::NotSet);
    m_generateButton->setEnabled(!m_busy);
    m_setButton->setEnabled(!m_busy);
    m_secretEdit->setEnabled(!m_busy);
    m_graceSpin->setEnabled(!m_busy);
}

void SecretDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (busy)
        showFeedback(tr("Storing in this workstation's keychain and the database…"), false);
    updateActions();
}

bool SecretDialog::confirm(const QString &title, const QString &question)
{
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
           == QMessageBox::Yes;
}

void SecretDialog::showFeedback(const QString &text, bool problem)
{
    m_feedbackLabel->setStyleSheet(problem ? ConsoleStyle::problemText() : QString());
    m_feedbackLabel->setText(text);
}

std::function<void(const Result<Webhook> &)> SecretDialog::changeReport(const QString &success)
{
    setBusy(true);
    return [this, success](const Result<Webhook> &changed) {
        if (changed)
            m_webhook = *changed;
        m_busy = false;
        showFeedback(changed ? success : changed.message(), !changed);
        refreshStatus();
    };
}

void SecretDialog::generate()
{
    if (m_busy)
        return;
    if (!m_webhook.secretFingerprint.isEmpty()
        && !confirm(tr("Replace the secret"), tr("The receiver rejects requests signed with the new secret until it "
                                                "is configured there too. Use Rotate to switch over without losing "
                                                "messages. Replace the secret now?")))
        return;
    QString error;
    const QString secret = SigningSecret::generate(&error);
    if (secret.isEmpty())
        return showFeedback(error, true);
    m_secrets.set(m_webhook, secret, this,
                  changeReport(tr("A new secret was generated and stored in this workstation's keychain. Use Copy to "
                                  "give it to the receiver.")));
}

void SecretDialog::setPasted()
{
    const QString secret = m_secretEdit->text().trimmed();
    if (secret.isEmpty() || m_busy)
        return;
    const auto report = changeReport(tr("The secret was stored in this workstation's keychain."));
    m_secrets.set(m_webhook, secret, this, [this, report](const Result<Webhook> &changed) {
        if (changed)
            m_secretEdit->clear();
        report(changed);
    });
}

void SecretDialog::reveal()
{
    if (m_busy || !confirm(tr("Reveal the secret"), tr("Anyone who can see your screen can sign requests as goReporter "
                                                       "with this secret. Show it?")))
        return;
    m_secrets.reveal(m_webhook, this, [this](const Result<QString> &secret) {
        if (secret) {
            QMessageBox box(QMessageBox::Information, tr("Signing secret"), *secret, QMessageBox::Close, this);
            box.setObjectName(QStringLiteral("revealBox"));
            box.setTextInteractionFlags(Qt::TextSelectableByMouse);
            box.exec();
        } else {
            showFeedback(secret.message(), true);
        }
        emit ready();
    });
}

void SecretDialog::copyToClipboard()
{
    if (m_busy || !confirm(tr("Copy the secret"), tr("The secret stays on the clipboard until something else is copied. "
                                                     "Copy it?")))
        return;
    m_secrets.reveal(m_webhook, this, [this](const Result<QString> &secret) {
        if (secret) {
            QApplication::clipboard()->setText(*secret);
            showFeedback(tr("The secret is on the clipboard."), false);
        } else {
            showFeedback(secret.message(), true);
        }
        emit ready();
    });
}

void SecretDialog::rotate()
{
    if (m_busy)
        return;
    QString error;
    const QString secret = SigningSecret::generate(&error);
    if (secret.isEmpty())
        return showFeedback(error, true);
    const int graceHours = m_graceSpin->value();
    m_secrets.rotate(m_webhook, secret, graceHours, this,
                     changeReport(tr("A new secret is current; the previous one keeps signing for %n hour(s). Copy "
                                     "the new secret to the receiver.",
                                     nullptr, graceHours)));
}

void SecretDialog::remove()
{
    if (m_busy || !confirm(tr("Delete the secret"), tr("Requests to “%1” will be sent unsigned, and receivers that check "
                                                       "signatures will reject them. Delete the secret?")
                                                        .arg(m_webhook.name)))
        return;
    m_secrets.remove(m_webhook, this, changeReport(tr("The secret was deleted.")));
}
