// Checks an RS384 JWT against a public JWK the way a token endpoint would, with OpenSSL only.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

struct VerifiedJwt
{
    bool valid = false;
    QString why;            // what failed, when not valid
    QJsonObject header;
    QJsonObject claims;
};

// Rebuilds the RSA public key from the JWK's n and e (so the exported JWK Set is what gets tested) and verifies
// the RSASSA-PKCS1-v1_5 SHA-384 signature over "header.claims".
VerifiedJwt verifyRs384Jwt(const QByteArray &jwt, const QJsonObject &publicJwk);
