// Tests Standard Webhooks secrets, signatures (against the specification's published vector) and fingerprints.
#include "network/transport/standardwebhooks.h"
#include "models/secrets/signingsecret.h"

#include <QTest>

class TestStandardWebhooks : public QObject
{
    Q_OBJECT
private slots:
    void specificationVector();
    void rotationSendsEverySignature();
    void generatedSecretsAreFreshAndUsable();
    void parseSecret_data();
    void parseSecret();
    void headersInOrder();
    void verifyRejectsTampering();
    void fingerprint();
    void messageIdsAreUnique();
};

namespace {
const QString specSecret = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
const QByteArray specId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const qint64 specTimestamp = 1614265330;
const QByteArray specBody = R"({"test": 2432232314})";
const QByteArray specSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
} // namespace

void TestStandardWebhooks::specificationVector()
{
    const auto key = SigningSecret::parse(specSecret);
    QVERIFY(key);
    QCOMPARE(StandardWebhooks::sign(*key, specId, specTimestamp, specBody), specSignature);
    QCOMPARE(StandardWebhooks::signatureHeader({specSecret}, specId, specTimestamp, specBody), specSignature);
    QVERIFY(StandardWebhooks::verify({specSecret}, specId, specTimestamp, specBody, specSignature));
}

void TestStandardWebhooks::rotationSendsEverySignature()
{
    const QString next = SigningSecret::generate();
    const auto header = StandardWebhooks::signatureHeader({next, specSecret}, specId, specTimestamp, specBody);
    QVERIFY(header);
    const QByteArrayList parts = header->split(' ');
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(1), specSignature);
    QCOMPARE(parts.at(0), StandardWebhooks::sign(*SigningSecret::parse(next), specId, specTimestamp, specBody));
    // A receiver that knows only one of the two secrets accepts the message.
    QVERIFY(StandardWebhooks::verify({specSecret}, specId, specTimestamp, specBody, *header));
    QVERIFY(StandardWebhooks::verify({next}, specId, specTimestamp, specBody, *header));
}

void TestStandardWebhooks::generatedSecretsAreFreshAndUsable()
{
    const QString first = SigningSecret::generate();
    const QString second = SigningSecret::generate();
    QVERIFY(first.startsWith(QLatin1String("whsec_")));
    QVERIFY(first != second);
    const auto key = SigningSecret::parse(first);
    QVERIFY(key);
    QCOMPARE(key->size(), SigningSecret::KeyBytes);
}

void TestStandardWebhooks::parseSecret_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<int>("keyBytes"); // 0: refused
    QTest::newRow("spec") << specSecret << 24;
    QTest::newRow("without prefix") << QStringLiteral("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") << 24;
    QTest::newRow("trailing newline from a paste") << specSecret + QLatin1Char('\n') << 24;
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("prefix only") << QStringLiteral("whsec_") << 0;
    QTest::newRow("not base64") << QStringLiteral("whsec_not*base64!") << 0;
    QTest::newRow("too short") << QStringLiteral("whsec_c2hvcnQ=") << 0;
}

void TestStandardWebhooks::parseSecret()
{
    QFETCH(QString, secret);
    QFETCH(int, keyBytes);
    QString error;
    const auto key = SigningSecret::parse(secret, &error);
    if (keyBytes == 0) {
        QVERIFY(!key);
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(key, qPrintable(error));
        QCOMPARE(key->size(), keyBytes);
    }
}

void TestStandardWebhooks::headersInOrder()
{
    const auto headers = StandardWebhooks::headers({specSecret}, specId, specTimestamp, specBody);
    QVERIFY(headers);
    QCOMPARE(headers->size(), 3);
    QCOMPARE(headers->at(0), qMakePair(QByteArray("webhook-id"), specId));
    QCOMPARE(headers->at(1), qMakePair(QByteArray("webhook-timestamp"), QByteArray("1614265330")));
    QCOMPARE(headers->at(2), qMakePair(QByteArray("webhook-signature"), specSignature));

    QString error;
    QVERIFY(!StandardWebhooks::headers({}, specId, specTimestamp, specBody, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!StandardWebhooks::headers({QStringLiteral("whsec_???")}, specId, specTimestamp, specBody, &error));
}

void TestStandardWebhooks::verifyRejectsTampering()
{
    QVERIFY(!StandardWebhooks::verify({specSecret}, specId, specTimestamp, specBody + ' ', specSignature));
    QVERIFY(!StandardWebhooks::verify({specSecret}, specId, specTimestamp + 1, specBody, specSignature));
    QVERIFY(!StandardWebhooks::verify({specSecret}, "msg_other", specTimestamp, specBody, specSignature));
    QVERIFY(!StandardWebhooks::verify({SigningSecret::generate()}, specId, specTimestamp, specBody, specSignature));
}

void TestStandardWebhooks::fingerprint()
{
    const QString fingerprint = SigningSecret::fingerprint(specSecret);
    QCOMPARE(fingerprint.size(), SigningSecret::FingerprintLength);
    // SHA-256 of the canonical secret text, computed independently with `printf %s SECRET | sha256sum`.
    QCOMPARE(fingerprint, QStringLiteral("96ad2ccd81462a76"));
    QCOMPARE(SigningSecret::fingerprint(specSecret + QLatin1Char('\n')), fingerprint);
    // The bare base64 form is the same key, so it has the same fingerprint.
    QCOMPARE(SigningSecret::fingerprint(specSecret.mid(6)), fingerprint);
    QVERIFY(SigningSecret::fingerprint(SigningSecret::generate()) != fingerprint);
    QVERIFY(!fingerprint.contains(QLatin1String("MfKQ")));
}

void TestStandardWebhooks::messageIdsAreUnique()
{
    const QByteArray first = StandardWebhooks::newMessageId();
    QVERIFY(first.startsWith("msg_"));
    QCOMPARE(first.size(), 4 + 22);
    QVERIFY(first != StandardWebhooks::newMessageId());
}

QTEST_APPLESS_MAIN(TestStandardWebhooks)
#include "tst_standardwebhooks.moc"
