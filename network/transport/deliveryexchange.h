// One HTTP exchange of a delivery job (the token request or the delivery itself), shared by the job's sources.
#pragma once

#include "network/transport/webhooksender.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QNetworkReply>
#include <QPointer>
#include <QSslError>
#include <QUrl>

#include <functional>

struct DeliveryJob::Exchange
{
    QUrl url;
    QByteArray method;
    ByteHeaders headers;
    QByteArray body;
    std::function<void()> done;
    QList<QHostAddress> candidates;
    qsizetype candidate = 0;
    int lookupId = -1;
    QPointer<QNetworkReply> reply;
    QList<QSslError> sslErrors;
    QElapsedTimer clock;
    DeliveryResult::Error abortReason = DeliveryResult::Error::None;
    bool tunnelled = false; // through the request's proxy
};
