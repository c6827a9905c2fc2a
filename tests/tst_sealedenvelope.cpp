// Machine identities and sealed envelopes with OpenSSL itself: who can open, and what a changed byte does.
#include "models/secrets/machineidentity.h"
#include "models/secrets/sealedenvelope.h"
#include "testsupport/resultchecks.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSealedEnvelope : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void identityRoundTripsAndHasAStableFingerprint();
    void onlyRecipientsOpen();
    void aChangedByteIsRefused();
    void readableByOpenSslItself();
    void badInputIsRefused();

private:
    MachineIdentity m_first;
    MachineIdentity m_second;
    MachineIdentity m_outsider;
};

void TestSealedEnvelope::initTestCase()
{
    for (auto [identity, name] : {std::pair{&m_first, u"ws-01"_s}, std::pair{&m_second, u"dispatch-01"_s},
                                  std::pair{&m_outsider, u"laptop"_s}}) {
        const Result<MachineIdentity> made = MachineIdentity::generate(name);
        QVERIFY_OK(made);
        *identity = *made;
    }
}

void TestSealedEnvelope::identityRoundTripsAndHasAStableFingerprint()
{
    QVERIFY(m_first.toPem().contains("BEGIN PRIVATE KEY"));
    QVERIFY(m_first.certificatePem().startsWith("-----BEGIN CERTIFICATE-----"));
    const Result<MachineIdentity> read = MachineIdentity::fromPem(m_first.toPem());
    QVERIFY_OK(read);
    QCOMPARE(read->fingerprint(), m_first.fingerprint());
    QCOMPARE(read->certificatePem(), m_first.certificatePem());
    QVERIFY(m_first.fingerprint() != m_second.fingerprint());
    QVERIFY(QRegularExpression(u"^([0-9A-F]{4}-){7}[0-9A-F]{4}$"_s).match(m_first.fingerprint()).hasMatch());
    // Typed as people type it.
    QString typed = m_first.fingerprint().toLower();
    typed.replace(u'-', u' ');
    QCOMPARE(MachineIdentity::normalizedFingerprint(typed), m_first.fingerprint());
    QCOMPARE(MachineIdentity::normalizedFingerprint(m_first.fingerprint().remove(u'-')), m_first.fingerprint());
    QVERIFY(MachineIdentity::normalizedFingerprint(u"3F2A-9C1B"_s).isEmpty());
    QVERIFY(MachineIdentity::normalizedFingerprint(u"XYZ"_s + m_first.fingerprint().mid(3)).isEmpty());
}

void TestSealedEnvelope::onlyRecipientsOpen()
{
    const QByteArray secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const Result<QByteArray> sealed = SealedEnvelope::seal(secret, {m_first.certificatePem(), m_second.certificatePem()});
    QVERIFY_OK(sealed);
    QVERIFY(!sealed->contains(secret));
    QVERIFY(!sealed->contains(secret.mid(6, 12)));
    const Result<QByteArray> first = SealedEnvelope::open(*sealed, m_first);
    QVERIFY_OK(first);
    QCOMPARE(*first, secret);
    const Result<QByteArray> second = SealedEnvelope::open(*sealed, m_second);
    QVERIFY_OK(second);
    QCOMPARE(*second, secret);
    const Result<QByteArray> outsider = SealedEnvelope::open(*sealed, m_outsider);
    QCOMPARE(outsider.code(), ErrorCode::NotFound);
    QVERIFY2(outsider.message().contains(m_outsider.fingerprint()), qPrintable(outsider.message()));
    // Two seals of one secret share nothing recognisable: a fresh content key and IV each time.
    const Result<QByteArray> again = SealedEnvelope::seal(secret, {m_first.certificatePem()});
    QVERIFY_OK(again);
    QVERIFY(*again != *sealed);
}

void TestSealedEnvelope::aChangedByteIsRefused()
{
    const QByteArray secret = "Bearer 3a7f1d9e";
    const Result<QByteArray> sealed = SealedEnvelope::seal(secret, {m_first.certificatePem()});
    QVERIFY_OK(sealed);
    // Every byte from the middle to the end (recipient info, parameters, ciphertext, tag): a change is refused or,
    // in the few bytes that label the content type, leaves the very same secret; never a different plaintext.
    int refused = 0;
    const qsizetype from = sealed->size() / 2;
    for (qsizetype at = from; at < sealed->size(); ++at) {
        QByteArray tampered = *sealed;
        tampered[at] = char(tampered.at(at) ^ 0x01);
        const Result<QByteArray> opened = SealedEnvelope::open(tampered, m_first);
        if (opened)
            QVERIFY2(*opened == secret, "a changed envelope opened to something else");
        else
            ++refused;
    }
    QVERIFY2(refused >= (sealed->size() - from) * 8 / 10, qPrintable(QString::number(refused)));
    // The ciphertext and the GCM tag at the end: every change refused as damaged.
    for (qsizetype at = sealed->size() - 16 - secret.size(); at < sealed->size(); ++at) {
        QByteArray tampered = *sealed;
        tampered[at] = char(tampered.at(at) ^ 0x80);
        QCOMPARE(SealedEnvelope::open(tampered, m_first).code(), ErrorCode::Invalid);
    }
    QCOMPARE(SealedEnvelope::open(sealed->left(sealed->size() - 5), m_first).code(), ErrorCode::Invalid);
}

void TestSealedEnvelope::readableByOpenSslItself()
{
    // A standard format: the openssl command opens what this code sealed.
    QTemporaryDir folder;
    QFile envelope(folder.filePath(u"sealed.der"_s));
    QFile key(folder.filePath(u"key.pem"_s));
    QFile certificate(folder.filePath(u"cert.pem"_s));
    const Result<QByteArray> sealed = SealedEnvelope::seal("generic receiver token", {m_second.certificatePem()});
    QVERIFY_OK(sealed);
    QVERIFY(envelope.open(QIODevice::WriteOnly) && envelope.write(*sealed) == sealed->size());
    QVERIFY(key.open(QIODevice::WriteOnly) && key.write(m_second.privateKeyPem()) > 0);
    QVERIFY(certificate.open(QIODevice::WriteOnly) && certificate.write(m_second.certificatePem()) > 0);
    envelope.close();
    key.close();
    certificate.close();
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"cms"_s, u"-decrypt"_s, u"-inform"_s, u"DER"_s, u"-in"_s, envelope.fileName(),
                                u"-recip"_s, certificate.fileName(), u"-inkey"_s, key.fileName()});
    QVERIFY(openssl.waitForFinished(20000));
    QCOMPARE(openssl.exitCode(), 0);
    QCOMPARE(openssl.readAllStandardOutput(), QByteArray("generic receiver token"));
    openssl.start(u"openssl"_s, {u"cms"_s, u"-cmsout"_s, u"-print"_s, u"-inform"_s, u"DER"_s, u"-in"_s,
                                envelope.fileName()});
    QVERIFY(openssl.waitForFinished(20000));
    const QByteArray printed = openssl.readAllStandardOutput();
    QVERIFY2(printed.contains("authEnvelopedData") && printed.contains("aes-256-gcm"), printed.constData());
}

void TestSealedEnvelope::badInputIsRefused()
{
    QCOMPARE(SealedEnvelope::seal("x", {}).code(), ErrorCode::Invalid);
    QCOMPARE(SealedEnvelope::seal("x", {"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"}).code(),
             ErrorCode::Invalid);
    QCOMPARE(SealedEnvelope::open("not an envelope", m_first).code(), ErrorCode::Invalid);
    QCOMPARE(SealedEnvelope::open({}, m_first).code(), ErrorCode::Invalid);
    // A key with another machine's certificate is not an identity.
    QCOMPARE(MachineIdentity::fromPem(m_first.privateKeyPem() + m_second.certificatePem()).code(), ErrorCode::Invalid);
    QCOMPARE(MachineIdentity::fromPem(m_first.certificatePem()).code(), ErrorCode::Invalid);
    QCOMPARE(MachineIdentity::fingerprintOf("garbage").code(), ErrorCode::Invalid);
}

QTEST_GUILESS_MAIN(TestSealedEnvelope)
#include "tst_sealedenvelope.moc"
