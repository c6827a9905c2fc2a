// OpenSSL objects owned by unique_ptr, and the PEM and memory-BIO conversions the secrets layer shares.
#pragma once

#include <QByteArray>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace OpenSsl {

struct Free
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(CMS_ContentInfo *p) const { CMS_ContentInfo_free(p); }
    void operator()(STACK_OF(X509) *p) const { sk_X509_pop_free(p, X509_free); }
};
template<typename T>
using Owned = std::unique_ptr<T, Free>;

// A read-only memory BIO over bytes, which must outlive it.
inline Owned<BIO> readBio(const QByteArray &bytes)
{
    return Owned<BIO>(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

// What was written to a memory BIO.
inline QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(length));
}

// The first private key in pem (unencrypted: the empty passphrase keeps OpenSSL from prompting), or null.
inline Owned<EVP_PKEY> readPrivateKey(const QByteArray &pem)
{
    Owned<BIO> in = readBio(pem);
    return Owned<EVP_PKEY>(in ? PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, const_cast<char *>("")) : nullptr);
}

// The first certificate in pem, or null.
inline Owned<X509> readCertificate(const QByteArray &pem)
{
    Owned<BIO> in = readBio(pem);
    return Owned<X509>(in ? PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr) : nullptr);
}

} // namespace OpenSsl
