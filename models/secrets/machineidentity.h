// A machine's own key pair and self-signed certificate: what credentials are sealed to (see SealedEnvelope).
#pragma once

#include "models/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <openssl/types.h>

#include <optional>

// An EC P-256 key and a certificate for it, named after the machine. The certificate is public (registered in
// the database for approval); the private key stays on the machine (its keychain, or a file only its service
// account can read).
class MachineIdentity
{
    Q_DECLARE_TR_FUNCTIONS(MachineIdentity)
public:
    MachineIdentity() = default;

    // Unavailable when OpenSSL cannot make the key or the certificate.
    static Result<MachineIdentity> generate(const QString &machineName);
    // The private key and the certificate in one PEM text, as toPem() writes it; Invalid when they are not a
    // matching pair.
    static Result<MachineIdentity> fromPem(const QByteArray &pem);

    bool isNull() const { return m_privateKeyPem.isEmpty(); }
    QByteArray toPem() const { return m_privateKeyPem + m_certificatePem; }
    QByteArray privateKeyPem() const { return m_privateKeyPem; }
    QByteArray certificatePem() const { return m_certificatePem; }
    QString fingerprint() const;

    // "3F2A-9C1B-…" (8 groups of 4 hex digits): the first 128 bits of the SHA-256 of the certificate's DER form,
    // the same on every machine that shows it. Invalid when pem is not a certificate.
    static Result<QString> fingerprintOf(const QByteArray &certificatePem);
    // A fingerprint as someone typed or pasted it (any case, with or without separators) in the form shown;
    // empty when it cannot be one.
    static QString normalizedFingerprint(const QString &typed);

private:
    // Both in PEM (PKCS#8 key); nullopt when OpenSSL cannot write them.
    static std::optional<MachineIdentity> fromPair(EVP_PKEY *key, X509 *certificate);

    QByteArray m_privateKeyPem;
    QByteArray m_certificatePem;
};
