// Checks a webhook before it is stored; the editor, the importer and the repository share these rules.
#pragma once

#include "models/webhook.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

struct FieldError
{
    enum class Field { Name, Url, Timeout, Headers, Events, Description, CaFile, Epic };
    Field field;
    QString message;
};

class WebhookValidator
{
    Q_DECLARE_TR_FUNCTIONS(WebhookValidator)
public:
    // otherNames: names of the other stored webhooks, compared case-insensitively.
    static QList<FieldError> validate(const Webhook &webhook, const QStringList &otherNames);

    static QString checkName(const QString &name, const QStringList &otherNames);
    static QString checkUrl(const QUrl &url, const QString &typedText, bool allowLoopbackHttp);
    static QString checkHeaders(const HeaderList &headers);
    static QString checkEvents(WebhookKind kind, const QStringList &events);
    static QString checkEpicSettings(const EpicSettings &epic);
    static bool isLoopbackHost(const QString &host);

    static constexpr int maxNameLength = 100;
    static constexpr int minTimeoutSeconds = 1;
    static constexpr int maxTimeoutSeconds = 300;
};
