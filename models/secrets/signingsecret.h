// Standard Webhooks signing secrets: "whsec_" + base64 of a random key, read leniently, told apart by fingerprint.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

class SigningSecret
{
    Q_DECLARE_TR_FUNCTIONS(SigningSecret)
public:
    static constexpr int KeyBytes = 32;
    static constexpr qsizetype FingerprintLength = 16; // hex digits: 64 bits tell secrets apart, reveal nothing

    // count bytes from OpenSSL's CSPRNG, for keys and message ids; empty if the generator failed.
    static QByteArray randomBytes(int count);
    // "whsec_" + base64 of 32 bytes from randomBytes(); empty with *error set if the generator failed.
    static QString generate(QString *error = nullptr);
    // The HMAC key inside a secret: base64 after an optional "whsec_" prefix (receivers accept both forms).
    static std::optional<QByteArray> parse(const QString &secret, QString *error = nullptr);
    // Hex prefix of the SHA-256 of the secret's canonical text: stored in the database so workstations can compare
    // secrets.
    static QString fingerprint(const QString &secret);
};
