// Microsoft Teams messages: an Adaptive Card 1.5 for the Workflows "When a Teams webhook request is received" trigger.
#pragma once

#include "network/payloads/payloadformatter.h"

#include <QCoreApplication>
#include <QJsonObject>

// {"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": card}]}
// The card: a bleeding Container coloured by severity with a bold title and the event's description, a FactSet
// with the details the PHI level allows, and an Action.OpenUrl to goReporter. Only elements of the official 1.5
// schema that Teams renders; nothing Teams-specific (such as "msteams"), so the card validates against the schema.
// Teams refuses messages over 28 KB
// (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook):
// long texts are then shortened with "…", a note is added to the card and a warning to the payload.
class TeamsFormatter : public PayloadFormatter
{
    Q_DECLARE_TR_FUNCTIONS(TeamsFormatter)
public:
    static constexpr qsizetype maxBodyBytes = 28 * 1024;

    WebhookKind kind() const override { return WebhookKind::Teams; }
    bool supports(const QString &eventType) const override;
    std::optional<Payload> format(const Event &event, PhiLevel phi, QString *errorMessage) const override;

    // "attention", "warning", "good" or "accent": the Container style for an event type.
    static QString containerStyle(const QString &eventType);
    // The Adaptive Card inside a Teams message body, which is what Teams draws; empty when there is none.
    static QJsonObject cardOf(const QByteArray &messageBody);
};
