// What an HTTP error status means for each integration, and what the administrator can do about it.
#pragma once

#include "models/domain/webhook.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

// An answer with a status outside 2xx, and what was asked.
struct HttpErrorAnswer
{
    WebhookKind kind = WebhookKind::Generic;
    QByteArray method;                       // of the request
    QString epicScope;                       // Epic: the scope the client asked for
    int status = 0;
    QByteArray body;                         // the kept start of the response body
    std::optional<qint64> retryAfterSeconds; // from Retry-After, if the receiver sent one
};

class HttpDiagnosis
{
    Q_DECLARE_TR_FUNCTIONS(HttpDiagnosis)
public:
    // The meaning of the status in plain language (translated), the integration's own reading first.
    static QString explain(const HttpErrorAnswer &answer);
};
