// Epic (SMART Backend Services): client-assertion JWTs signed with the webhook's key, tokens and FHIR errors.
#pragma once

#include "models/secrets/epickey.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>


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
