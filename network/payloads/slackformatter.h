// Slack incoming-webhook messages: a notification text plus Block Kit blocks with a summary and the raw event.
#pragma once

#include "network/payloads/payloadformatter.h"

#include <QCoreApplication>

// Layout: a header (severity emoji and title), a section with the one-line summary and a link to goReporter,
// the generic envelope as indented JSON in code blocks, and a context note when anything had to be cut.
// Slack rejects or silently truncates messages beyond its limits, so content is cut visibly ("…" plus the note)
// and each cut is reported as a warning.
// Limits: https://api.slack.com/reference/block-kit/blocks (50 blocks, section text 3,000, header 150 characters)
// and https://api.slack.com/methods/chat.postMessage#truncating (text beyond 40,000 characters is truncated).
class SlackFormatter : public PayloadFormatter
{
    Q_DECLARE_TR_FUNCTIONS(SlackFormatter)
public:
    static constexpr qsizetype maxBlocks = 50;
    static constexpr qsizetype maxSectionText = 3000;
    static constexpr qsizetype maxHeaderText = 150;
    static constexpr qsizetype maxText = 40000;

    WebhookKind kind() const override { return WebhookKind::Slack; }
    bool supports(const QString &eventType) const override;
    std::optional<Payload> format(const Event &event, PhiLevel phi, QString *errorMessage) const override;

    // Slack's mrkdwn treats &, < and > as control characters: https://api.slack.com/reference/surfaces/formatting#escaping
    static QString escapeMrkdwn(const QString &text);
};
