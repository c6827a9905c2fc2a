// Edits this workstation's console settings: health thresholds and how long delivery attempts are kept.
#pragma once

#include <QDialog>

class ConsoleSettings;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(ConsoleSettings &settings, QWidget *parent = nullptr);

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    ConsoleSettings &m_settings;
    QLabel *m_healthTitle;
    QLabel *m_redLabel;
    QSpinBox *m_redSpin;
    QLabel *m_yellowLabel;
    QDoubleSpinBox *m_yellowSpin;
    QLabel *m_retentionTitle;
    QLabel *m_retentionLabel;
    QSpinBox *m_retentionSpin;
};
