// Standard Webhooks signing and verification.
#include "network/transport/standardwebhooks.h"

#include "models/secrets/signingsecret.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

QByteArray StandardWebhooks::sign(const QByteArray &key, const QByteArray &messageId, qint64 timestamp, const QByteArray &body)
{
    const QByteArray content = messageId + '.' + QByteArray::number(timestamp) + '.' + body;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.constData(), int(key.size()), reinterpret_cast<const unsigned char *>(content.constData()),
              size_t(content.size()), mac, &length))
        return {};
    return "v1," + QByteArray(reinterpret_cast<const char *>(mac), int(length)).toBase64();
}

std::optional<QByteArray> StandardWebhooks::signatureHeader(const QStringList &secrets, const QByteArray &messageId,
                                                            qint64 timestamp, const QByteArray &body, QString *error)
{
    if (secrets.isEmpty()) {
        if (error)
            *error = tr("No signing secret is available.");
        return std::nullopt;
    }
    QByteArrayList signatures;
    for (const QString &secret : secrets) {
        const auto key = SigningSecret::parse(secret, error);
        if (!key)
            return std::nullopt;
        const QByteArray signature = sign(*key, messageId, timestamp, body);
        if (signature.isEmpty()) {
            if (error)
                *error = tr("OpenSSL could not compute the signature.");
            return std::nullopt;
        }
        signatures.append(signature);
    }
    return signatures.join(' ');
}

std::optional<QList<QPair<QByteArray, QByteArray>>> StandardWebhooks::headers(const QStringList &secrets,
                                                                              const QByteArray &messageId, qint64 timestamp,
                                                                              const QByteArray &body, QString *error)
{
    const auto signature = signatureHeader(secrets, messageId, timestamp, body, error);
    if (!signature)
        return std::nullopt;
    return QList<QPair<QByteArray, QByteArray>>{
        {QByteArrayLiteral("webhook-id"), messageId},
        {QByteArrayLiteral("webhook-timestamp"), QByteArray::number(timestamp)},
        {QByteArrayLiteral("webhook-signature"), *signature},
    };
}

bool StandardWebhooks::verify(const QStringList &secrets, const QByteArray &messageId, qint64 timestamp,
                              const QByteArray &body, const QByteArray &signatureHeader)
{
    const QByteArrayList offered = signatureHeader.split(' ');
    for (const QString &secret : secrets) {
        const auto key = SigningSecret::parse(secret);
        if (!key)
            continue;
        const QByteArray expected = sign(*key, messageId, timestamp, body);
        for (const QByteArray &candidate : offered) {
            if (candidate.size() == expected.size()
                && CRYPTO_memcmp(candidate.constData(), expected.constData(), size_t(expected.size())) == 0)
                return true;
        }
    }
    return false;
}

QByteArray StandardWebhooks::newMessageId()
{
    QByteArray bytes = SigningSecret::randomBytes(16);
    if (bytes.isEmpty())
        qFatal("The system's random number generator failed");
    return "msg_" + bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
