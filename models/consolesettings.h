// This workstation's console settings: health thresholds and delivery-log retention, kept in QSettings.
#pragma once

#include <QSettings>

struct HealthThresholds
{
    int redAfterConsecutiveFailures = 3;   // red: this many failed attempts in a row, most recent first
    double yellowBelowSuccessPercent = 95; // yellow: success rate over 24 hours below this
    bool operator==(const HealthThresholds &other) const = default;
};

class ConsoleSettings
{
public:
    static constexpr int defaultRetentionDays = 90;
    static constexpr int minRetentionDays = 1;
    static constexpr int maxRetentionDays = 3650;

    // settings: the application's QSettings unless a test passes its own.
    explicit ConsoleSettings(QSettings *settings = nullptr);

    HealthThresholds healthThresholds() const;
    void setHealthThresholds(const HealthThresholds &thresholds);
    int retentionDays() const;
    void setRetentionDays(int days);

private:
    QSettings &settings() const;

    QSettings *m_settings;
    mutable QSettings m_default;
};
