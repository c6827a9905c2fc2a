#include "network/standardwebhooks.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace {

const QLatin1String secretPrefix("whsec_");

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        return {};
    return bytes;
}

} // namespace

QString StandardWebhooks::generateSecret(QString *error)
{
    const QByteArray key = randomBytes(KeyBytes);
    if (key.isEmpty()) {
        if (error)
            *error = tr("The system's random number generator failed; no secret was generated.");
        return {};
    }
    return secretPrefix + QString::fromLatin1(key.toBase64());
}

std::optional<QByteArray> StandardWebhooks::parseSecret(const QString &secret, QString *error)
{
    QString text = secret.trimmed();
    if (text.startsWith(secretPrefix))
        text = text.mid(secretPrefix.size());
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (text.isEmpty() || !decoded || decoded.decoded.isEmpty()) {
        if (error)
            *error = tr("The secret is not in the Standard Webhooks format: “whsec_” followed by base64 text.");
        return std::nullopt;
    }
    // The specification asks for 24 to 64 bytes; shorter keys are too weak to accept.
    if (decoded.decoded.size() < 24 || decoded.decoded.size() > 64) {
        if (error)
            *error = tr("The secret's key has %1 bytes; Standard Webhooks secrets have between 24 and 64.")
                         .arg(decoded.decoded.size());
        return std::nullopt;
    }
    return decoded.decoded;
}

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
        const auto key = parseSecret(secret, error);
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
        const auto key = parseSecret(secret);
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
    QByteArray bytes = randomBytes(16);
    if (bytes.isEmpty())
        qFatal("The system's random number generator failed");
    return "msg_" + bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString StandardWebhooks::fingerprint(const QString &secret)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // The same key pasted with or without "whsec_" (or with a newline) is the same secret: hash its canonical form.
    const std::optional<QByteArray> key = parseSecret(secret);
    const QByteArray text = key ? QByteArray(secretPrefix.data(), secretPrefix.size()) + key->toBase64() : secret.trimmed().toUtf8();
    if (EVP_Digest(text.constData(), size_t(text.size()), digest, &length, EVP_sha256(), nullptr) != 1)
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex().left(FingerprintLength));
}
