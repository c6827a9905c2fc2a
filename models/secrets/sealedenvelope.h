// A credential sealed to approved machines: CMS AuthEnvelopedData (RFC 5083), one recipient per machine.
#pragma once

#include "models/domain/result.h"
#include "models/secrets/machineidentity.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

// Each recipient's certificate carries an EC P-256 key: the content key (AES-256-GCM, which also authenticates
// the content) is wrapped for each with ECDH key agreement, as OpenSSL's CMS does it. The DER form is what the
// database keeps; only a machine with one recipient's private key can open it, and a changed byte makes it fail.
class SealedEnvelope
{
    Q_DECLARE_TR_FUNCTIONS(SealedEnvelope)
public:
    // Invalid when a certificate cannot be read or none is given; Unavailable when OpenSSL fails.
    static Result<QByteArray> seal(const QByteArray &plaintext, const QList<QByteArray> &recipientCertificatesPem);
    // NotFound when identity is not among the recipients (sealed before it was approved, or after it was
    // revoked); Invalid when the envelope was changed or is not one.
    static Result<QByteArray> open(const QByteArray &envelope, const MachineIdentity &identity);
};
