// Standard Webhooks signing: webhook-id/-timestamp/-signature headers, made and verified (secrets: SigningSecret).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

class StandardWebhooks
{
    Q_DECLARE_TR_FUNCTIONS(StandardWebhooks)
public:
    // "v1,<base64 HMAC-SHA256 of id.timestamp.body>".
    static QByteArray sign(const QByteArray &key, const QByteArray &messageId, qint64 timestamp, const QByteArray &body);
    // The webhook-signature value: one signature per secret, space-separated (two during a rotation).
    static std::optional<QByteArray> signatureHeader(const QStringList &secrets, const QByteArray &messageId,
                                                     qint64 timestamp, const QByteArray &body, QString *error = nullptr);
    // webhook-id, webhook-timestamp and webhook-signature, in that order.
    static std::optional<QList<QPair<QByteArray, QByteArray>>> headers(const QStringList &secrets, const QByteArray &messageId,
                                                                       qint64 timestamp, const QByteArray &body,
                                                                       QString *error = nullptr);
    // True when any v1 signature in header matches one of the secrets (constant-time comparison).
    static bool verify(const QStringList &secrets, const QByteArray &messageId, qint64 timestamp, const QByteArray &body,
                       const QByteArray &signatureHeader);

    // A new message id, "msg_" + 128 random bits; retries and redeliveries reuse the id of the message they repeat.
    static QByteArray newMessageId();
};
