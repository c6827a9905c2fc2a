// Standard Webhooks signing secrets: made, read and told apart.
#include "models/secrets/signingsecret.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace {

const QLatin1String secretPrefix("whsec_");

} // namespace

QByteArray SigningSecret::randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        return {};
    return bytes;
}

QString SigningSecret::generate(QString *error)
{
    const QByteArray key = randomBytes(KeyBytes);
    if (key.isEmpty()) {
        if (error)
            *error = tr("The system's random number generator failed; no secret was generated.");
        return {};
    }
    return secretPrefix + QString::fromLatin1(key.toBase64());
}

std::optional<QByteArray> SigningSecret::parse(const QString &secret, QString *error)
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

QString SigningSecret::fingerprint(const QString &secret)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // The same key pasted with or without "whsec_" (or with a newline) is the same secret: hash its canonical form.
    const std::optional<QByteArray> key = parse(secret);
    const QByteArray text = key ? QByteArray(secretPrefix.data(), secretPrefix.size()) + key->toBase64() : secret.trimmed().toUtf8();
    if (EVP_Digest(text.constData(), size_t(text.size()), digest, &length, EVP_sha256(), nullptr) != 1)
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex().left(FingerprintLength));
}
