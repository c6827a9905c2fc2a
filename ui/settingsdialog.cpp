// Edits this workstation's console settings: health thresholds and how long delivery attempts are kept.
#include "ui/settingsdialog.h"

#include "models/storage/consolesettings.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(ConsoleSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_healthTitle(new QLabel(this))
    , m_redLabel(new QLabel(this))
    , m_redSpin(new QSpinBox(this))
    , m_yellowLabel(new QLabel(this))
    , m_yellowSpin(new QDoubleSpinBox(this))
    , m_retentionTitle(new QLabel(this))
    , m_retentionLabel(new QLabel(this))
    , m_retentionSpin(new QSpinBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    m_redSpin->setObjectName(QStringLiteral("redSpin"));
    m_redSpin->setRange(1, 100);
    m_yellowSpin->setObjectName(QStringLiteral("yellowSpin"));
    m_yellowSpin->setRange(0, 100);
    m_yellowSpin->setDecimals(1);
    m_retentionSpin->setObjectName(QStringLiteral("retentionSpin"));
    m_retentionSpin->setRange(ConsoleSettings::minRetentionDays, ConsoleSettings::maxRetentionDays);
    m_redLabel->setBuddy(m_redSpin);
    m_yellowLabel->setBuddy(m_yellowSpin);
    m_retentionLabel->setBuddy(m_retentionSpin);
    for (QLabel *title : {m_healthTitle, m_retentionTitle}) {
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
    }
    const HealthThresholds thresholds = m_settings.healthThresholds();
    m_redSpin->setValue(thresholds.redConsecutiveFailures);
    m_yellowSpin->setValue(thresholds.yellowBelowSuccessRate * 100);
    m_retentionSpin->setValue(m_settings.retentionDays());

    auto *health = new QFormLayout;
    health->addRow(m_redLabel, m_redSpin);
    health->addRow(m_yellowLabel, m_yellowSpin);
    auto *retention = new QFormLayout;
    retention->addRow(m_retentionLabel, m_retentionSpin);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_healthTitle);
    layout->addLayout(health);
    layout->addSpacing(8);
    layout->addWidget(m_retentionTitle);
    layout->addLayout(retention);
    layout->addStretch();
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    m_healthTitle->setText(tr("Webhook health"));
    m_redLabel->setText(tr("&Red after consecutive failures:"));
    m_yellowLabel->setText(tr("&Yellow below success rate (24 h):"));
    m_yellowSpin->setSuffix(tr(" %"));
    m_retentionTitle->setText(tr("Delivery log"));
    m_retentionLabel->setText(tr("&Keep attempts for:"));
    m_retentionSpin->setSuffix(tr(" days"));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::accept()
{
    m_settings.setHealthThresholds({m_redSpin->value(), m_yellowSpin->value() / 100});
    m_settings.setRetentionDays(m_retentionSpin->value());
    QDialog::accept();
}
