// Sealing and opening with OpenSSL's CMS API (CMS_encrypt with an AEAD cipher makes AuthEnvelopedData).
#include "models/secrets/sealedenvelope.h"

#include "models/secrets/opensslhandles.h"

#include <openssl/err.h>

using OpenSsl::bioContents;
using OpenSsl::Owned;
using OpenSsl::readBio;

Result<QByteArray> SealedEnvelope::seal(const QByteArray &plaintext, const QList<QByteArray> &recipientCertificatesPem)
{
    if (recipientCertificatesPem.isEmpty())
        return Failure{ErrorCode::Invalid, tr("There is no approved machine to seal the credential for.")};
    Owned<STACK_OF(X509)> recipients(sk_X509_new_null());
    if (!recipients)
        return Failure{ErrorCode::Unavailable, tr("OpenSSL could not seal the credential.")};
    for (const QByteArray &pem : recipientCertificatesPem) {
        Owned<X509> certificate = OpenSsl::readCertificate(pem);
        if (!certificate || sk_X509_push(recipients.get(), certificate.get()) <= 0)
            return Failure{ErrorCode::Invalid, tr("A machine's certificate cannot be read, so the credential was "
                                                  "not sealed.")};
        certificate.release(); // the stack owns it now
    }
    Owned<BIO> in = readBio(plaintext);
    ERR_clear_error();
    Owned<CMS_ContentInfo> envelope(
        CMS_encrypt(recipients.get(), in.get(), EVP_aes_256_gcm(), CMS_BINARY));
    Owned<BIO> out(BIO_new(BIO_s_mem()));
    if (!envelope || !out || i2d_CMS_bio(out.get(), envelope.get()) != 1)
        return Failure{ErrorCode::Unavailable, tr("OpenSSL could not seal the credential.")};
    return bioContents(out.get());
}

Result<QByteArray> SealedEnvelope::open(const QByteArray &envelope, const MachineIdentity &identity)
{
    const auto invalid = [] {
        return Failure{ErrorCode::Invalid, tr("The sealed credential is damaged or was changed: it cannot be opened. "
                                              "Set it again.")};
    };
    Owned<EVP_PKEY> key = OpenSsl::readPrivateKey(identity.privateKeyPem());
    Owned<X509> certificate = OpenSsl::readCertificate(identity.certificatePem());
    if (!key || !certificate)
        return Failure{ErrorCode::Invalid, tr("This machine's key cannot be read.")};
    Owned<BIO> in = readBio(envelope);
    Owned<CMS_ContentInfo> parsed(in ? d2i_CMS_bio(in.get(), nullptr) : nullptr);
    if (!parsed)
        return invalid();
    // Whether this machine is a recipient at all, asked of the envelope rather than read from an error.
    bool recipient = false;
    STACK_OF(CMS_RecipientInfo) *infos = CMS_get0_RecipientInfos(parsed.get());
    for (int i = 0; infos && i < sk_CMS_RecipientInfo_num(infos) && !recipient; ++i) {
        CMS_RecipientInfo *info = sk_CMS_RecipientInfo_value(infos, i);
        if (CMS_RecipientInfo_type(info) != CMS_RECIPINFO_AGREE)
            continue;
        STACK_OF(CMS_RecipientEncryptedKey) *keys = CMS_RecipientInfo_kari_get0_reks(info);
        for (int k = 0; keys && k < sk_CMS_RecipientEncryptedKey_num(keys) && !recipient; ++k)
            recipient = CMS_RecipientEncryptedKey_cert_cmp(sk_CMS_RecipientEncryptedKey_value(keys, k),
                                                           certificate.get()) == 0;
    }
    if (!recipient)
        return Failure{ErrorCode::NotFound,
                       tr("The credential is not sealed for this machine (%1): it was sealed before this machine was "
                          "approved, or after it was revoked.")
                           .arg(identity.fingerprint())};
    Owned<BIO> out(BIO_new(BIO_s_mem()));
    ERR_clear_error();
    const bool opened = CMS_decrypt(parsed.get(), key.get(), certificate.get(), nullptr, out.get(), CMS_BINARY) == 1;
    ERR_clear_error();
    if (!opened)
        return invalid();
    return bioContents(out.get());
}
