// Key pair and certificate with OpenSSL's EVP and X509 APIs.
#include "models/secrets/machineidentity.h"

#include "models/secrets/opensslhandles.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

using OpenSsl::bioContents;
using OpenSsl::Owned;
using OpenSsl::readBio;

namespace {

// A certificate valid long enough never to expire in service: approval, not expiry, says whom to trust.
constexpr long ValiditySeconds = 30L * 365 * 24 * 3600;

} // namespace

std::optional<MachineIdentity> MachineIdentity::fromPair(EVP_PKEY *key, X509 *certificate)
{
    Owned<BIO> keyOut(BIO_new(BIO_s_mem()));
    Owned<BIO> certificateOut(BIO_new(BIO_s_mem()));
    if (!keyOut || !certificateOut
        || PEM_write_bio_PrivateKey(keyOut.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_X509(certificateOut.get(), certificate) != 1)
        return std::nullopt;
    MachineIdentity identity;
    identity.m_privateKeyPem = bioContents(keyOut.get());
    identity.m_certificatePem = bioContents(certificateOut.get());
    return identity;
}

Result<MachineIdentity> MachineIdentity::generate(const QString &machineName)
{
    const auto unavailable = [] {
        return Failure{ErrorCode::Unavailable, tr("OpenSSL could not make this machine's key pair.")};
    };
    Owned<EVP_PKEY> key(EVP_EC_gen("P-256"));
    Owned<X509> certificate(X509_new());
    if (!key || !certificate)
        return unavailable();
    const QByteArray name = u"goReporter Webhooks machine %1"_s.arg(machineName).left(64).toUtf8();
    X509_NAME *subject = X509_get_subject_name(certificate.get());
    if (X509_set_version(certificate.get(), 2) != 1
        || ASN1_INTEGER_set_int64(X509_get_serialNumber(certificate.get()),
                                  qint64(QRandomGenerator::system()->generate64() >> 1)) != 1
        || !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), 0)
        || !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), ValiditySeconds)
        || X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(name.constData()), int(name.size()), -1,
                                      0) != 1
        || X509_set_issuer_name(certificate.get(), subject) != 1 || X509_set_pubkey(certificate.get(), key.get()) != 1
        || X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return unavailable();
    const auto identity = fromPair(key.get(), certificate.get());
    return identity ? Result<MachineIdentity>(*identity) : unavailable();
}

Result<MachineIdentity> MachineIdentity::fromPem(const QByteArray &pem)
{
    const auto invalid = [] {
        return Failure{ErrorCode::Invalid, tr("This machine's key is damaged: it is not a private key with its "
                                              "certificate. Enroll the machine again.")};
    };
    Owned<EVP_PKEY> key = OpenSsl::readPrivateKey(pem);
    Owned<X509> certificate = OpenSsl::readCertificate(pem);
    if (!key || !certificate || X509_check_private_key(certificate.get(), key.get()) != 1)
        return invalid();
    const auto identity = fromPair(key.get(), certificate.get());
    return identity ? Result<MachineIdentity>(*identity) : invalid();
}

QString MachineIdentity::fingerprint() const
{
    const Result<QString> fingerprint = fingerprintOf(m_certificatePem);
    return fingerprint ? *fingerprint : QString();
}

Result<QString> MachineIdentity::fingerprintOf(const QByteArray &certificatePem)
{
    Owned<X509> certificate = OpenSsl::readCertificate(certificatePem);
    unsigned char *der = nullptr;
    const int length = certificate ? i2d_X509(certificate.get(), &der) : -1;
    if (length <= 0)
        return Failure{ErrorCode::Invalid, tr("The machine's certificate cannot be read.")};
    const QByteArray digest =
        QCryptographicHash::hash(QByteArrayView(der, length), QCryptographicHash::Sha256).left(16).toHex().toUpper();
    OPENSSL_free(der);
    QStringList groups;
    for (int at = 0; at < digest.size(); at += 4)
        groups.append(QString::fromLatin1(digest.mid(at, 4)));
    return groups.join(u'-');
}

QString MachineIdentity::normalizedFingerprint(const QString &typed)
{
    QString digits = typed.toUpper();
    digits.remove(QRegularExpression(u"[\\s:\\-]"_s));
    static const QRegularExpression hex(u"^[0-9A-F]{32}$"_s);
    if (!hex.match(digits).hasMatch())
        return {};
    QStringList groups;
    for (int at = 0; at < digits.size(); at += 4)
        groups.append(digits.mid(at, 4));
    return groups.join(u'-');
}
