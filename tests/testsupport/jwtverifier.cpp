#include "testsupport/jwtverifier.h"

#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>

namespace {

QByteArray fromBase64Url(const QString &text)
{
    return QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
}

BIGNUM *bigNum(const QByteArray &bytes)
{
    return BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()), int(bytes.size()), nullptr);
}

} // namespace

VerifiedJwt verifyRs384Jwt(const QByteArray &jwt, const QJsonObject &publicJwk)
{
    VerifiedJwt result;
    const QByteArrayList parts = jwt.split('.');
    if (parts.size() != 3) {
        result.why = QStringLiteral("not three dot-separated parts");
        return result;
    }
    result.header = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(0), QByteArray::Base64UrlEncoding)).object();
    result.claims = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
    const QByteArray signature = QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding);

    std::unique_ptr<BIGNUM, decltype(&BN_free)> n(bigNum(fromBase64Url(publicJwk.value(QStringLiteral("n")).toString())), BN_free);
    std::unique_ptr<BIGNUM, decltype(&BN_free)> e(bigNum(fromBase64Url(publicJwk.value(QStringLiteral("e")).toString())), BN_free);
    std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> builder(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
    if (!n || !e || !builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1
        || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
        result.why = QStringLiteral("the JWK has no usable n and e");
        return result;
    }
    std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(builder.get()), OSSL_PARAM_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> keyContext(
        EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY *rawKey = nullptr;
    if (!params || !keyContext || EVP_PKEY_fromdata_init(keyContext.get()) != 1
        || EVP_PKEY_fromdata(keyContext.get(), &rawKey, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        result.why = QStringLiteral("OpenSSL cannot build a key from the JWK");
        return result;
    }
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(rawKey, EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> verifier(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const QByteArray signingInput = parts.at(0) + '.' + parts.at(1);
    if (EVP_DigestVerifyInit(verifier.get(), nullptr, EVP_sha384(), nullptr, key.get()) != 1
        || EVP_DigestVerify(verifier.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                            size_t(signature.size()), reinterpret_cast<const unsigned char *>(signingInput.constData()),
                            size_t(signingInput.size())) != 1) {
        result.why = QStringLiteral("the signature does not verify with the public key");
        return result;
    }
    result.valid = true;
    return result;
}
