// A webhook's Epic (SMART Backend Services) RSA key pair: generation, PEM, its JWK Set and RS384 signatures.
#include "models/secrets/epickey.h"

#include "models/secrets/opensslhandles.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

using OpenSsl::bioContents;
using OpenSsl::Owned;

namespace {

// The most recent OpenSSL error, for messages that have to say why.
QString openSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("unknown OpenSSL error");
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray bigNumParameter(EVP_PKEY *key, const char *name)
{
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1)
        return {};
    Owned<BIGNUM> number(raw);
    QByteArray bytes(BN_num_bytes(number.get()), Qt::Uninitialized);
    BN_bn2bin(number.get(), reinterpret_cast<unsigned char *>(bytes.data()));
    return bytes;
}

} // namespace

EpicKey::EpicKey(EVP_PKEY *key)
    : m_key(key, EVP_PKEY_free)
{
}

Result<EpicKey> EpicKey::generate(int bits)
{
    Owned<EVP_PKEY_CTX> context(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *key = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1
        || EVP_PKEY_CTX_set_rsa_keygen_bits(context.get(), bits) != 1
        || EVP_PKEY_generate(context.get(), &key) != 1)
        return Failure{ErrorCode::Unavailable, tr("Cannot generate an RSA key: %1").arg(openSslError())};
    return EpicKey(key);
}

Result<EpicKey> EpicKey::fromPem(const QByteArray &pem)
{
    // An encrypted key fails instead of prompting on a tty.
    EVP_PKEY *key = OpenSsl::readPrivateKey(pem).release();
    if (!key)
        return Failure{ErrorCode::Invalid,
                       tr("The stored Epic key is not a readable PEM private key: %1").arg(openSslError())};
    EpicKey result(key);
    if (!EVP_PKEY_is_a(key, "RSA"))
        return Failure{ErrorCode::Invalid,
                       tr("The stored Epic key is not an RSA key; Epic's RS384 signatures need one.")};
    return result;
}

int EpicKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

QByteArray EpicKey::privateKeyPem() const
{
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    if (!m_key || !bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioContents(bio.get());
}

QByteArray EpicKey::publicKeyPem() const
{
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    if (!m_key || !bio || PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1)
        return {};
    return bioContents(bio.get());
}

QString EpicKey::thumbprint() const
{
    if (!m_key)
        return {};
    // RFC 7638: the required members in lexicographic order, no whitespace.
    const QByteArray canonical = "{\"e\":\"" + base64Url(bigNumParameter(m_key.get(), OSSL_PKEY_PARAM_RSA_E))
                                 + "\",\"kty\":\"RSA\",\"n\":\""
                                 + base64Url(bigNumParameter(m_key.get(), OSSL_PKEY_PARAM_RSA_N)) + "\"}";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(canonical.constData(), size_t(canonical.size()), digest, &length, EVP_sha256(), nullptr) != 1)
        return {};
    return QString::fromLatin1(base64Url(QByteArray(reinterpret_cast<const char *>(digest), int(length))));
}

QJsonObject EpicKey::publicJwk(const QString &keyId) const
{
    if (!m_key)
        return {};
    return QJsonObject{
        {QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("alg"), QStringLiteral("RS384")},
        {QStringLiteral("use"), QStringLiteral("sig")},
        {QStringLiteral("kid"), keyId},
        {QStringLiteral("n"), QString::fromLatin1(base64Url(bigNumParameter(m_key.get(), OSSL_PKEY_PARAM_RSA_N)))},
        {QStringLiteral("e"), QString::fromLatin1(base64Url(bigNumParameter(m_key.get(), OSSL_PKEY_PARAM_RSA_E)))},
    };
}

QByteArray EpicKey::jwkSet(const QString &keyId) const
{
    const QJsonObject set{{QStringLiteral("keys"), QJsonArray{publicJwk(keyId)}}};
    return QJsonDocument(set).toJson(QJsonDocument::Indented);
}

Result<QByteArray> EpicKey::signRs384(const QByteArray &data) const
{
    auto cannotSign = []() -> Result<QByteArray> {
        return Failure{ErrorCode::Unavailable, tr("Cannot sign with the Epic key: %1").arg(openSslError())};
    };
    Owned<EVP_MD_CTX> context(EVP_MD_CTX_new());
    size_t length = 0;
    if (!m_key || !context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha384(), nullptr, m_key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(data.constData()),
                          size_t(data.size())) != 1)
        return cannotSign();
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size())) != 1)
        return cannotSign();
    signature.truncate(qsizetype(length));
    return signature;
}

