// The webhook configuration file: the documented JSON contract for export and import (never any secret).
#pragma once

#include "models/domain/webhook.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

class WebhookConfig
{
    Q_DECLARE_TR_FUNCTIONS(WebhookConfig)
public:
    struct ParseResult
    {
        QList<Webhook> webhooks;
        QStringList errors;  // each names the webhook (by position and name) and the key at fault
        bool ok() const { return errors.isEmpty(); }
    };

    // Parses and validates the whole document; nothing is returned unless every webhook is valid.
    static ParseResult parse(const QByteArray &json);
    // Indented, keys sorted, webhooks sorted by name: diffs of two exports stay readable.
    static QByteArray serialize(const QList<Webhook> &webhooks);
    // Writes an export readable by its owner only (mode 0600), since Slack and Teams URLs are credentials.
    static bool writeFile(const QString &path, const QByteArray &contents, QString *errorMessage);
};
