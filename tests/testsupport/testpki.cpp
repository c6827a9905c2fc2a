#include "testsupport/testpki.h"

#include <QFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace {

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;

KeyPtr newKey()
{
    // P-256 keys: generated in a millisecond, unlike RSA, and accepted by every TLS stack.
    return KeyPtr(EVP_EC_gen("P-256"), EVP_PKEY_free);
}

bool addExtension(X509 *certificate, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData());
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

CertPtr makeCertificate(EVP_PKEY *subjectKey, const QString &commonName, X509 *issuer, EVP_PKEY *issuerKey,
                        const QDateTime &notBefore, const QDateTime &notAfter, const QList<QPair<int, QByteArray>> &extensions)
{
    CertPtr certificate(X509_new(), X509_free);
    X509_set_version(certificate.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *serialNumber = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(serialNumber, X509_get_serialNumber(certificate.get()));
    BN_free(serialNumber);
    ASN1_TIME_set(X509_getm_notBefore(certificate.get()), time_t(notBefore.toSecsSinceEpoch()));
    ASN1_TIME_set(X509_getm_notAfter(certificate.get()), time_t(notAfter.toSecsSinceEpoch()));
    X509_set_pubkey(certificate.get(), subjectKey);
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("goReporter tests"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509 *issuerCertificate = issuer ? issuer : certificate.get();
    X509_set_issuer_name(certificate.get(), X509_get_subject_name(issuerCertificate));
    for (const auto &[nid, value] : extensions) {
        if (!addExtension(certificate.get(), issuerCertificate, nid, value))
            return CertPtr(nullptr, X509_free);
    }
    if (X509_sign(certificate.get(), issuerKey, EVP_sha256()) == 0)
        return CertPtr(nullptr, X509_free);
    return certificate;
}

TestCertificate toQt(X509 *certificate, EVP_PKEY *key)
{
    TestCertificate result;
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, certificate);
    char *data = nullptr;
    long length = BIO_get_mem_data(bio, &data);
    result.certificatePem = QByteArray(data, int(length));
    BIO_free(bio);
    bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    length = BIO_get_mem_data(bio, &data);
    const QByteArray keyPem(data, int(length));
    BIO_free(bio);
    result.certificate = QSslCertificate(result.certificatePem, QSsl::Pem);
    result.key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    return result;
}

} // namespace

struct TestPki::Private
{
    KeyPtr key{nullptr, EVP_PKEY_free};
    CertPtr certificate{nullptr, X509_free};
};

TestPki::TestPki(const QString &commonName)
    : d(std::make_unique<Private>())
{
    d->key = newKey();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    d->certificate = makeCertificate(d->key.get(), commonName, nullptr, d->key.get(), now.addDays(-1), now.addDays(365),
                                     {{NID_basic_constraints, "critical,CA:TRUE"},
                                      {NID_key_usage, "critical,keyCertSign,cRLSign"},
                                      {NID_subject_key_identifier, "hash"}});
    if (d->certificate)
        m_ca = toQt(d->certificate.get(), d->key.get());
}

TestPki::~TestPki() = default;

TestCertificate TestPki::issue(const QString &commonName, const QStringList &dnsNames, const QStringList &ipAddresses,
                               const QDateTime &notBefore, const QDateTime &notAfter) const
{
    QByteArrayList names;
    for (const QString &dns : dnsNames)
        names.append("DNS:" + dns.toLatin1());
    for (const QString &ip : ipAddresses)
        names.append("IP:" + ip.toLatin1());
    KeyPtr key = newKey();
    QList<QPair<int, QByteArray>> extensions{{NID_basic_constraints, "critical,CA:FALSE"},
                                             {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
                                             {NID_ext_key_usage, "serverAuth"},
                                             {NID_authority_key_identifier, "keyid:always"}};
    if (!names.isEmpty())
        extensions.append({NID_subject_alt_name, names.join(',')});
    CertPtr certificate = makeCertificate(key.get(), commonName, d->certificate.get(), d->key.get(), notBefore, notAfter,
                                          extensions);
    return certificate ? toQt(certificate.get(), key.get()) : TestCertificate();
}

TestCertificate TestPki::issue(const QString &commonName, const QStringList &dnsNames, const QStringList &ipAddresses) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return issue(commonName, dnsNames, ipAddresses, now.addDays(-1), now.addDays(30));
}

bool TestPki::writeCaBundle(const QString &path) const
{
    QFile bundle(path);
    return bundle.open(QIODevice::WriteOnly) && bundle.write(m_ca.certificatePem) == m_ca.certificatePem.size();
}
