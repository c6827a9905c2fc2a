// Checks a webhook before it is stored; the editor, the importer and the repository share these rules.
#pragma once

#include "models/domain/fielderror.h"
#include "models/domain/webhook.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// The names already taken, by their key (WebhookNames::key): a name is free when no other name has its key.
class TakenNames
{
public:
    TakenNames() = default;
    explicit TakenNames(const QStringList &names);
    void add(const QString &name);
    // The taken name that name collides with, or an empty string.
    QString collidingWith(const QString &name) const;

private:
    QHash<QString, QString> m_byKey;
};

class WebhookValidator
{
    Q_DECLARE_TR_FUNCTIONS(WebhookValidator)
public:
    // otherNames: names of the other stored webhooks.
    static QList<FieldError> validate(const Webhook &webhook, const TakenNames &otherNames);

    static QString checkName(const QString &name, const TakenNames &otherNames);
    // The message for a name that another webhook has, whatever its case or Unicode form.
    static QString nameTakenMessage(const QString &otherName);
    static QString checkUrl(const QUrl &url, const QString &typedText, bool allowLoopbackHttp);
    static QString checkHeaders(const HeaderList &headers);
    static QString checkEvents(WebhookKind kind, const QStringList &events);
    static QString checkEpicSettings(const EpicSettings &epic);
    static bool isLoopbackHost(const QString &host);
    static QString timeoutRangeMessage();

    static constexpr int maxNameLength = 100;
    static constexpr int minTimeoutSeconds = 1;
    static constexpr int maxTimeoutSeconds = 300;
};
