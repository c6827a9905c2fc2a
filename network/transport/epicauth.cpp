// Epic (SMART Backend Services): the RSA key pair, its JWK Set, client-assertion JWTs, tokens and FHIR errors.
#include "network/transport/epicauth.h"

#include "models/domain/webhook.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

namespace {

struct Deleter
{
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
};
template<typename T>
using Owned = std::unique_ptr<T, Deleter>;

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

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(length));
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

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

EpicKey::EpicKey(EVP_PKEY *key)
    : m_key(key, EVP_PKEY_free)
{
}

std::optional<EpicKey> EpicKey::generate(int bits, QString *error)
{
    Owned<EVP_PKEY_CTX> context(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *key = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1
        || EVP_PKEY_CTX_set_rsa_keygen_bits(context.get(), bits) != 1
        || EVP_PKEY_generate(context.get(), &key) != 1) {
        if (error)
            *error = tr("Cannot generate an RSA key: %1").arg(openSslError());
        return std::nullopt;
    }
    return EpicKey(key);
}

std::optional<EpicKey> EpicKey::fromPem(const QByteArray &pem, QString *error)
{
    Owned<BIO> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    // A null passphrase callback with an empty password: an encrypted key fails instead of prompting on a tty.
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<char *>("")) : nullptr;
    if (!key) {
        if (error)
            *error = tr("The stored Epic key is not a readable PEM private key: %1").arg(openSslError());
        return std::nullopt;
    }
    EpicKey result(key);
    if (!EVP_PKEY_is_a(key, "RSA")) {
        if (error)
            *error = tr("The stored Epic key is not an RSA key; Epic's RS384 signatures need one.");
        return std::nullopt;
    }
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

QByteArray EpicKey::signRs384(const QByteArray &data, QString *error) const
{
    Owned<EVP_MD_CTX> context(EVP_MD_CTX_new());
    size_t length = 0;
    if (!m_key || !context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha384(), nullptr, m_key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(data.constData()),
                          size_t(data.size())) != 1) {
        if (error)
            *error = tr("Cannot sign with the Epic key: %1").arg(openSslError());
        return {};
    }
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size())) != 1) {
        if (error)
            *error = tr("Cannot sign with the Epic key: %1").arg(openSslError());
        return {};
    }
    signature.truncate(qsizetype(length));
    return signature;
}

QString EpicAuth::keyId(const EpicKey &key, const EpicAuthSettings &settings)
{
    return settings.keyId.isEmpty() ? key.thumbprint() : settings.keyId;
}

QByteArray EpicAuth::clientAssertion(const EpicKey &key, const EpicAuthSettings &settings, const QDateTime &now,
                                     QString *error)
{
    if (key.isNull()) {
        if (error)
            *error = tr("No Epic private key is available; generate one for this webhook first.");
        return {};
    }
    if (settings.clientId.isEmpty() || !settings.tokenUrl.isValid() || settings.tokenUrl.isEmpty()) {
        if (error)
            *error = tr("The Epic client id and token URL are both needed to request a token.");
        return {};
    }
    QByteArray jti(16, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(jti.data()), int(jti.size())) != 1) {
        if (error)
            *error = tr("The system's random number generator failed.");
        return {};
    }
    const QJsonObject header{
        {QStringLiteral("alg"), QStringLiteral("RS384")},
        {QStringLiteral("typ"), QStringLiteral("JWT")},
        {QStringLiteral("kid"), keyId(key, settings)},
    };
    const qint64 issuedAt = now.toSecsSinceEpoch();
    const QJsonObject claims{
        {QStringLiteral("iss"), settings.clientId},
        {QStringLiteral("sub"), settings.clientId},
        {QStringLiteral("aud"), settings.tokenUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("jti"), QString::fromLatin1(jti.toHex())},
        {QStringLiteral("iat"), issuedAt},
        {QStringLiteral("exp"), issuedAt + AssertionLifetimeSeconds},
    };
    const QByteArray signingInput = base64Url(compactJson(header)) + '.' + base64Url(compactJson(claims));
    const QByteArray signature = key.signRs384(signingInput, error);
    if (signature.isEmpty())
        return {};
    return signingInput + '.' + base64Url(signature);
}

QByteArray EpicAuth::tokenRequestBody(const QByteArray &assertion, const QString &scope)
{
    // Percent-encoding everything but unreserved characters is valid form encoding, and unlike QUrlQuery it
    // also escapes '+', which a form decoder would read as a space.
    auto field = [](const char *name, const QByteArray &value) -> QByteArray {
        return QByteArray(name) + '=' + QUrl::toPercentEncoding(QString::fromUtf8(value));
    };
    QByteArrayList fields{
        field("grant_type", "client_credentials"),
        field("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
        field("client_assertion", assertion),
    };
    if (!scope.isEmpty())
        fields.append(field("scope", scope.toUtf8()));
    return fields.join('&');
}

std::optional<EpicAccessToken> EpicAuth::parseTokenResponse(const QByteArray &body, const QDateTime &receivedAt,
                                                            QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = document.object();
    const QString token = object.value(QStringLiteral("access_token")).toString();
    if (parseError.error != QJsonParseError::NoError || token.isEmpty()) {
        if (error)
            *error = tr("The token endpoint's answer holds no access token.");
        return std::nullopt;
    }
    const QString type = object.value(QStringLiteral("token_type")).toString();
    if (type.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0) {
        if (error)
            *error = tr("The token endpoint issued a “%1” token; only bearer tokens are supported.").arg(type);
        return std::nullopt;
    }
    EpicAccessToken result;
    result.value = token.toLatin1();
    result.type = type;
    result.scope = object.value(QStringLiteral("scope")).toString();
    // expires_in is required by SMART Backend Services; without it, use the token once.
    const qint64 lifetime = object.value(QStringLiteral("expires_in")).toInteger(0);
    // Stop using a token shortly before it expires, so it cannot run out while a request is in flight.
    const qint64 margin = std::min<qint64>(30, lifetime / 10);
    result.expiresAt = receivedAt.addSecs(std::max<qint64>(0, lifetime - margin));
    return result;
}

QString EpicAuth::describeOperationOutcome(const QByteArray &body)
{
    const QJsonObject outcome = QJsonDocument::fromJson(body).object();
    if (outcome.value(QStringLiteral("resourceType")).toString() != QLatin1String("OperationOutcome"))
        return {};
    QStringList lines;
    const QJsonArray issues = outcome.value(QStringLiteral("issue")).toArray();
    for (const QJsonValue &value : issues) {
        const QJsonObject issue = value.toObject();
        QStringList texts;
        const QString details = issue.value(QStringLiteral("details")).toObject().value(QStringLiteral("text")).toString();
        if (!details.isEmpty())
            texts.append(details);
        const QJsonArray codings = issue.value(QStringLiteral("details")).toObject().value(QStringLiteral("coding")).toArray();
        if (details.isEmpty() && !codings.isEmpty()) {
            const QJsonObject coding = codings.first().toObject();
            const QString display = coding.value(QStringLiteral("display")).toString();
            texts.append(display.isEmpty() ? coding.value(QStringLiteral("code")).toString() : display);
        }
        const QString diagnostics = issue.value(QStringLiteral("diagnostics")).toString();
        if (!diagnostics.isEmpty() && diagnostics != details)
            texts.append(diagnostics);
        QStringList where;
        const QJsonArray expressions = issue.value(QStringLiteral("expression")).toArray();
        for (const QJsonValue &expression : expressions)
            where.append(expression.toString());
        QString line = tr("%1 (%2): %3")
                           .arg(issue.value(QStringLiteral("severity")).toString(),
                                issue.value(QStringLiteral("code")).toString(),
                                texts.isEmpty() ? tr("no details given") : texts.join(QStringLiteral(" — ")));
        if (!where.isEmpty())
            line += QLatin1Char(' ') + tr("at %1").arg(where.join(QStringLiteral(", ")));
        lines.append(line);
    }
    if (lines.isEmpty())
        return tr("The server answered with an OperationOutcome that lists no issues.");
    return lines.join(QLatin1Char('\n'));
}

QString EpicAuth::describeOAuthError(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString code = object.value(QStringLiteral("error")).toString();
    if (code.isEmpty())
        return {};
    const QString description = object.value(QStringLiteral("error_description")).toString();
    return description.isEmpty() ? code : tr("%1: %2").arg(code, description);
}

std::optional<EpicAccessToken> EpicTokenCache::find(const EpicAuthSettings &settings, const QDateTime &now) const
{
    const auto found = m_tokens.constFind(keyOf(settings));
    if (found == m_tokens.constEnd() || !found->isValidAt(now))
        return std::nullopt;
    return *found;
}

void EpicTokenCache::store(const EpicAuthSettings &settings, const EpicAccessToken &token)
{
    m_tokens.insert(keyOf(settings), token);
}

void EpicTokenCache::forget(const EpicAuthSettings &settings)
{
    m_tokens.remove(keyOf(settings));
}

QString EpicTokenCache::keyOf(const EpicAuthSettings &settings)
{
    return QStringList{urlText(settings.tokenUrl), settings.clientId, settings.scope, settings.keyId}.join(QChar(0x1f));
}
