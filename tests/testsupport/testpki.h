// A throwaway certificate authority for TLS tests: a CA and server certificates made with OpenSSL at run time.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

#include <memory>

struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;
    QByteArray certificatePem;
};

class TestPki
{
public:
    // A new CA named commonName, valid from yesterday for a year; QVERIFY on isValid().
    explicit TestPki(const QString &commonName = QStringLiteral("goReporter Test CA"));
    ~TestPki();
    TestPki(const TestPki &) = delete;
    TestPki &operator=(const TestPki &) = delete;

    bool isValid() const { return !m_ca.certificate.isNull(); }
    const TestCertificate &ca() const { return m_ca; }
    // Writes the CA certificate as a PEM bundle, as a webhook's caFile names it; false if the file cannot be written.
    bool writeCaBundle(const QString &path) const;

    // A server certificate for the given DNS names and IP addresses, signed by this CA.
    TestCertificate issue(const QString &commonName, const QStringList &dnsNames, const QStringList &ipAddresses,
                          const QDateTime &notBefore, const QDateTime &notAfter) const;
    // Valid from yesterday for thirty days.
    TestCertificate issue(const QString &commonName, const QStringList &dnsNames, const QStringList &ipAddresses = {}) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
    TestCertificate m_ca;
};
