// Epic (SMART Backend Services): the RSA key pair, its JWK Set, client-assertion JWTs, tokens and FHIR errors.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <openssl/types.h>

#include <memory>
#include <optional>

// An RSA key pair; copies share the same immutable OpenSSL key.
class EpicKey
{
    Q_DECLARE_TR_FUNCTIONS(EpicKey)
public:
    static constexpr int DefaultBits = 3072;

    EpicKey() = default;
    static std::optional<EpicKey> generate(int bits = DefaultBits, QString *error = nullptr);
    // A PKCS#8 or traditional RSA private key in PEM, as stored in the keychain.
    static std::optional<EpicKey> fromPem(const QByteArray &pem, QString *error = nullptr);

    bool isNull() const { return !m_key; }
    int bits() const;
    QByteArray privateKeyPem() const;   // PKCS#8, unencrypted: the keychain is what protects it
    QByteArray publicKeyPem() const;
    // RFC 7638 thumbprint (base64url SHA-256): a key id that changes exactly when the key does.
    QString thumbprint() const;
    QJsonObject publicJwk(const QString &keyId) const;
    // {"keys":[{"kty":"RSA","alg":"RS384","use":"sig","kid":...,"n":...,"e":...}]}, for registration with Epic.
    QByteArray jwkSet(const QString &keyId) const;
    // RSASSA-PKCS1-v1_5 with SHA-384, the JWS "RS384" algorithm; empty with *error set on failure.
    QByteArray signRs384(const QByteArray &data, QString *error = nullptr) const;

    EVP_PKEY *handle() const { return m_key.get(); }

private:
    explicit EpicKey(EVP_PKEY *key);
    std::shared_ptr<EVP_PKEY> m_key;
};

struct EpicAuthSettings
{
    QString clientId;
    QUrl tokenUrl;
    QUrl fhirBaseUrl;
    QString scope;      // e.g. "system/DiagnosticReport.write"
    QString keyId;      // the kid registered with Epic; the key's thumbprint when empty
};

struct EpicAccessToken
{
    QByteArray value;
    QString type;       // "bearer"
    QString scope;
    QDateTime expiresAt;

    bool isValidAt(const QDateTime &now) const { return !value.isEmpty() && now < expiresAt; }
};

class EpicAuth
{
    Q_DECLARE_TR_FUNCTIONS(EpicAuth)
public:
    // SMART Backend Services allows at most five minutes; a little less leaves room for clock skew.
    static constexpr int AssertionLifetimeSeconds = 240;

    static QString keyId(const EpicKey &key, const EpicAuthSettings &settings);
    // A signed JWT: header alg RS384, typ JWT, kid; claims iss = sub = client id, aud = token URL, a fresh jti,
    // iat and exp.
    static QByteArray clientAssertion(const EpicKey &key, const EpicAuthSettings &settings, const QDateTime &now,
                                      QString *error = nullptr);
    // The form-encoded client_credentials request for the token endpoint.
    static QByteArray tokenRequestBody(const QByteArray &assertion, const QString &scope);
    // Reads the token endpoint's answer; the token stays valid until expires_in, less a safety margin.
    static std::optional<EpicAccessToken> parseTokenResponse(const QByteArray &body, const QDateTime &receivedAt,
                                                             QString *error = nullptr);
    // One line per issue of a FHIR OperationOutcome ("error (invalid): text"); empty if body is not one.
    static QString describeOperationOutcome(const QByteArray &body);
    // An OAuth 2.0 error answer ("invalid_client: description"); empty if body is not one.
    static QString describeOAuthError(const QByteArray &body);
};

// Access tokens by endpoint, client, scope and key, valid until they expire; lives as long as the sender.
class EpicTokenCache
{
public:
    std::optional<EpicAccessToken> find(const EpicAuthSettings &settings, const QDateTime &now) const;
    void store(const EpicAuthSettings &settings, const EpicAccessToken &token);
    void forget(const EpicAuthSettings &settings);

private:
    static QString keyOf(const EpicAuthSettings &settings);
    QHash<QString, EpicAccessToken> m_tokens;
};
