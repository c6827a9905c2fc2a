// A webhook's Epic (SMART Backend Services) RSA key pair: generation, PEM, its JWK Set and RS384 signatures.
#pragma once

#include "models/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <openssl/types.h>

#include <memory>

// An RSA key pair; copies share the same immutable OpenSSL key.
class EpicKey
{
    Q_DECLARE_TR_FUNCTIONS(EpicKey)
public:
    static constexpr int DefaultBits = 3072;

    EpicKey() = default;
    // Unavailable when OpenSSL cannot make the key.
    static Result<EpicKey> generate(int bits = DefaultBits);
    // A PKCS#8 or traditional RSA private key in PEM, as stored in the keychain; Invalid when pem is not one.
    static Result<EpicKey> fromPem(const QByteArray &pem);

    bool isNull() const { return !m_key; }
    int bits() const;
    QByteArray privateKeyPem() const;   // PKCS#8, unencrypted: the keychain is what protects it
    QByteArray publicKeyPem() const;
    // RFC 7638 thumbprint (base64url SHA-256): a key id that changes exactly when the key does.
    QString thumbprint() const;
    QJsonObject publicJwk(const QString &keyId) const;
    // {"keys":[{"kty":"RSA","alg":"RS384","use":"sig","kid":...,"n":...,"e":...}]}, for registration with Epic.
    QByteArray jwkSet(const QString &keyId) const;
    // RSASSA-PKCS1-v1_5 with SHA-384, the JWS "RS384" algorithm; Unavailable when OpenSSL cannot sign.
    Result<QByteArray> signRs384(const QByteArray &data) const;

    EVP_PKEY *handle() const { return m_key.get(); }

private:
    explicit EpicKey(EVP_PKEY *key);
    std::shared_ptr<EVP_PKEY> m_key;
};
