// Webhook health: the colour rule and the figures it is judged on, read from the hourly counts and the indexes.
#pragma once

#include <QString>

#include <optional>

enum class WebhookHealthColour { Grey, Green, Yellow, Red };

struct HealthThresholds
{
    int redConsecutiveFailures = 3;    // red from this many failures in a row
    double yellowBelowSuccessRate = 0.95;
};

struct WebhookHealth
{
    QString webhookId;
    QString webhookName;
    bool active = true;
    qint64 attempts24h = 0;
    qint64 successes24h = 0;
    qint64 attempts7d = 0;
    qint64 successes7d = 0;
    std::optional<qint64> lastStartedAtMs;  // last triggered; nullopt: never delivered
    std::optional<int> lastStatus;          // nullopt: no response (or never delivered)
    bool lastSuccess = false;
    qint64 consecutiveFailures = 0;         // failures since the last success, newest first
    bool everDelivered = false;             // some attempt ever succeeded
    // Messages tried in the window that no attempt delivered; counted only where they can change the colour (the
    // attempts' success rate is below the threshold), and only for the window the colour is judged on.
    bool undeliveredCounted = false;
    qint64 undeliveredEvents24h = 0;
    qint64 undeliveredEvents7d = 0;
    WebhookHealthColour colour = WebhookHealthColour::Grey;

    std::optional<double> successRate24h() const;  // of attempts
    std::optional<double> successRate7d() const;
    // Of events: delivered ones (one success each) against those plus the undelivered ones.
    std::optional<double> deliveredEventRate24h() const;
    std::optional<double> deliveredEventRate7d() const;
};

// Grey: inactive, or nothing was ever sent to it. Red: at least redConsecutiveFailures failures in a row, or
// nothing was ever delivered. Yellow: the last attempt failed, or of the events of the last 24 h (7 d when nothing
// was sent in 24 h) fewer than the threshold were delivered, counting an event delivered by a retry as delivered.
// Green: otherwise.
WebhookHealthColour healthColour(const WebhookHealth &health, const HealthThresholds &thresholds);
