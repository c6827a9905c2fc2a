// Console settings: defaults, clamping of hand-edited values, and the dialog that edits them.
#include "models/storage/consolesettings.h"
#include "ui/settingsdialog.h"

#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private slots:
    void defaults();
    void handEditedValuesAreClamped();
    void dialogSavesOnOkOnly();
};

void TestSettingsDialog::defaults()
{
    QTemporaryDir folder;
    QSettings file(folder.filePath(u"settings.ini"_s), QSettings::IniFormat);
    ConsoleSettings settings(&file);
    QCOMPARE(settings.healthThresholds().redConsecutiveFailures, 3);
    QCOMPARE(settings.healthThresholds().yellowBelowSuccessRate, 0.95);
    QCOMPARE(settings.retentionDays(), 90);
}

void TestSettingsDialog::handEditedValuesAreClamped()
{
    QTemporaryDir folder;
    QSettings file(folder.filePath(u"settings.ini"_s), QSettings::IniFormat);
    file.setValue(u"health/redAfterConsecutiveFailures"_s, -4);
    file.setValue(u"health/yellowBelowSuccessPercent"_s, 250);
    file.setValue(u"deliveries/retentionDays"_s, u"forever"_s);
    ConsoleSettings settings(&file);
    QCOMPARE(settings.healthThresholds().redConsecutiveFailures, 1);
    QCOMPARE(settings.healthThresholds().yellowBelowSuccessRate, 1.0);
    QCOMPARE(settings.retentionDays(), ConsoleSettings::minRetentionDays);
}

void TestSettingsDialog::dialogSavesOnOkOnly()
{
    QTemporaryDir folder;
    QSettings file(folder.filePath(u"settings.ini"_s), QSettings::IniFormat);
    ConsoleSettings settings(&file);
    {
        SettingsDialog dialog(settings);
        dialog.show();
        dialog.findChild<QSpinBox *>(u"redSpin"_s)->setValue(5);
        dialog.reject();
    }
    QCOMPARE(settings.healthThresholds().redConsecutiveFailures, 3);
    SettingsDialog dialog(settings);
    dialog.show();
    dialog.findChild<QSpinBox *>(u"redSpin"_s)->setValue(5);
    dialog.findChild<QDoubleSpinBox *>(u"yellowSpin"_s)->setValue(99.5);
    dialog.findChild<QSpinBox *>(u"retentionSpin"_s)->setValue(30);
    dialog.accept();
    QCOMPARE(settings.healthThresholds().redConsecutiveFailures, 5);
    QCOMPARE(settings.healthThresholds().yellowBelowSuccessRate, 0.995);
    QCOMPARE(settings.retentionDays(), 30);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
