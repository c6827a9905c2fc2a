// This workstation's console settings: health thresholds and delivery-log retention, kept in QSettings.
#pragma once

#include "models/storage/deliverylog.h"

#include <QSettings>

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
