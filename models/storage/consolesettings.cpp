// This workstation's console settings: health thresholds and delivery-log retention, kept in QSettings.
#include "models/storage/consolesettings.h"

#include <algorithm>

namespace {
const QString redKey = QStringLiteral("health/redAfterConsecutiveFailures");
const QString yellowKey = QStringLiteral("health/yellowBelowSuccessPercent");
const QString retentionKey = QStringLiteral("deliveries/retentionDays");
} // namespace

ConsoleSettings::ConsoleSettings(QSettings *settings)
    : m_settings(settings)
{
}

QSettings &ConsoleSettings::settings() const
{
    return m_settings ? *m_settings : m_default;
}

HealthThresholds ConsoleSettings::healthThresholds() const
{
    HealthThresholds thresholds;
    // Values edited by hand into the settings file are clamped to what makes sense rather than trusted.
    thresholds.redConsecutiveFailures = std::clamp(settings().value(redKey, thresholds.redConsecutiveFailures).toInt(), 1, 100);
    // Stored as a percentage, the way administrators think of it.
    thresholds.yellowBelowSuccessRate
        = std::clamp(settings().value(yellowKey, thresholds.yellowBelowSuccessRate * 100).toDouble(), 0.0, 100.0) / 100;
    return thresholds;
}

void ConsoleSettings::setHealthThresholds(const HealthThresholds &thresholds)
{
    settings().setValue(redKey, thresholds.redConsecutiveFailures);
    settings().setValue(yellowKey, thresholds.yellowBelowSuccessRate * 100);
}

int ConsoleSettings::retentionDays() const
{
    return std::clamp(settings().value(retentionKey, defaultRetentionDays).toInt(), minRetentionDays, maxRetentionDays);
}

void ConsoleSettings::setRetentionDays(int days)
{
    settings().setValue(retentionKey, std::clamp(days, minRetentionDays, maxRetentionDays));
}
