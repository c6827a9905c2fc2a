// Tests Epic's SMART Backend Services pieces: keys, the JWK Set, client assertions, token answers and FHIR errors.
#include "network/transport/epicauth.h"
#include "testsupport/jwtverifier.h"
#include "testsupport/resultchecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

class TestEpicAuth : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pemRoundTrip();
    void pemRejectsGarbage();
    void jwkSet();
    void clientAssertionVerifiesWithPublicKey();
    void clientAssertionFailsWithOtherKey();
    void clientAssertionNeedsSettings();
    void tokenRequestBody();
    void tokenResponse_data();
    void tokenResponse();
    void tokenCache();
    void operationOutcome();
    void oauthError();

private:
    EpicKey m_key;
    EpicAuthSettings m_settings;
};

void TestEpicAuth::initTestCase()
{
    const auto key = EpicKey::generate(EpicKey::DefaultBits);
    QVERIFY_OK(key);
    m_key = *key;
    QCOMPARE(m_key.bits(), 3072);
    m_settings.clientId = QStringLiteral("a6b0f1e2-client");
    m_settings.tokenUrl = QUrl(QStringLiteral("https://fhir.example.org/oauth2/token"));
    m_settings.fhirBaseUrl = QUrl(QStringLiteral("https://fhir.example.org/api/FHIR/R4"));
    m_settings.scope = QStringLiteral("system/DiagnosticReport.write");
    m_settings.keyId = QStringLiteral("goreporter-2026");
}

void TestEpicAuth::pemRoundTrip()
{
    const QByteArray pem = m_key.privateKeyPem();
    QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
    const auto restored = EpicKey::fromPem(pem);
    QVERIFY_OK(restored);
    QCOMPARE(restored->publicKeyPem(), m_key.publicKeyPem());
    QCOMPARE(restored->thumbprint(), m_key.thumbprint());
    QVERIFY(m_key.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----"));
}

void TestEpicAuth::pemRejectsGarbage()
{
    const auto garbage = EpicKey::fromPem("not a key");
    QVERIFY(!garbage);
    QCOMPARE(garbage.code(), ErrorCode::Invalid);
    QVERIFY(!garbage.message().isEmpty());
    QVERIFY(!EpicKey::fromPem(m_key.publicKeyPem())); // a public key cannot sign
}

void TestEpicAuth::jwkSet()
{
    const QJsonObject set = QJsonDocument::fromJson(m_key.jwkSet(QStringLiteral("kid-1"))).object();
    const QJsonArray keys = set.value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 1);
    const QJsonObject jwk = keys.first().toObject();
    QCOMPARE(jwk.value(QStringLiteral("kty")).toString(), QStringLiteral("RSA"));
    QCOMPARE(jwk.value(QStringLiteral("alg")).toString(), QStringLiteral("RS384"));
    QCOMPARE(jwk.value(QStringLiteral("use")).toString(), QStringLiteral("sig"));
    QCOMPARE(jwk.value(QStringLiteral("kid")).toString(), QStringLiteral("kid-1"));
    QCOMPARE(jwk.value(QStringLiteral("e")).toString(), QStringLiteral("AQAB")); // 65537
    const QString n = jwk.value(QStringLiteral("n")).toString();
    QCOMPARE(QByteArray::fromBase64(n.toLatin1(), QByteArray::Base64UrlEncoding).size(), 3072 / 8);
    QVERIFY(!n.contains(QLatin1Char('=')) && !n.contains(QLatin1Char('+')) && !n.contains(QLatin1Char('/')));
    QVERIFY(!jwk.contains(QStringLiteral("d"))); // never the private exponent
    QCOMPARE(set.keys(), QStringList{QStringLiteral("keys")});
    // Without a configured key id, the RFC 7638 thumbprint names the key.
    EpicAuthSettings withoutKid = m_settings;
    withoutKid.keyId.clear();
    QCOMPARE(EpicAuth::keyId(m_key, withoutKid), m_key.thumbprint());
    QCOMPARE(m_key.thumbprint().size(), 43);
}

void TestEpicAuth::clientAssertionVerifiesWithPublicKey()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    const QByteArray jwt = EpicAuth::clientAssertion(m_key, m_settings, now, &error);
    QVERIFY2(!jwt.isEmpty(), qPrintable(error));
    const VerifiedJwt verified = verifyRs384Jwt(jwt, m_key.publicJwk(m_settings.keyId));
    QVERIFY2(verified.valid, qPrintable(verified.why));
    QCOMPARE(verified.header.value(QStringLiteral("alg")).toString(), QStringLiteral("RS384"));
    QCOMPARE(verified.header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
    QCOMPARE(verified.header.value(QStringLiteral("kid")).toString(), m_settings.keyId);
    const QJsonObject &claims = verified.claims;
    QCOMPARE(claims.value(QStringLiteral("iss")).toString(), m_settings.clientId);
    QCOMPARE(claims.value(QStringLiteral("sub")).toString(), m_settings.clientId);
    QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QStringLiteral("https://fhir.example.org/oauth2/token"));
    const qint64 iat = claims.value(QStringLiteral("iat")).toInteger();
    const qint64 exp = claims.value(QStringLiteral("exp")).toInteger();
    QCOMPARE(iat, now.toSecsSinceEpoch());
    QVERIFY(exp > iat);
    QVERIFY(exp - now.toSecsSinceEpoch() <= 300); // SMART: no more than five minutes ahead
    QVERIFY(!claims.value(QStringLiteral("jti")).toString().isEmpty());

    const QByteArray second = EpicAuth::clientAssertion(m_key, m_settings, now);
    const VerifiedJwt other = verifyRs384Jwt(second, m_key.publicJwk(m_settings.keyId));
    QVERIFY(other.valid);
    QVERIFY(other.claims.value(QStringLiteral("jti")) != claims.value(QStringLiteral("jti"))); // never replayed
}

void TestEpicAuth::clientAssertionFailsWithOtherKey()
{
    const auto other = EpicKey::generate(2048);
    QVERIFY(other);
    const QByteArray jwt = EpicAuth::clientAssertion(m_key, m_settings, QDateTime::currentDateTimeUtc());
    QVERIFY(!verifyRs384Jwt(jwt, other->publicJwk(QStringLiteral("x"))).valid);
    // A tampered claim breaks the signature.
    QByteArrayList parts = jwt.split('.');
    QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
    claims.insert(QStringLiteral("sub"), QStringLiteral("someone-else"));
    parts[1] = QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding
                                                                               | QByteArray::OmitTrailingEquals);
    QVERIFY(!verifyRs384Jwt(parts.join('.'), m_key.publicJwk(m_settings.keyId)).valid);
}

void TestEpicAuth::clientAssertionNeedsSettings()
{
    QString error;
    QVERIFY(EpicAuth::clientAssertion(EpicKey(), m_settings, QDateTime::currentDateTimeUtc(), &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("private key")));
    EpicAuthSettings noClient = m_settings;
    noClient.clientId.clear();
    QVERIFY(EpicAuth::clientAssertion(m_key, noClient, QDateTime::currentDateTimeUtc(), &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("client id")));
}

void TestEpicAuth::tokenRequestBody()
{
    const QByteArray body = EpicAuth::tokenRequestBody("aaa.bbb.ccc", QStringLiteral("system/DiagnosticReport.write x+y"));
    QCOMPARE(body, QByteArray("grant_type=client_credentials"
                              "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                              "&client_assertion=aaa.bbb.ccc"
                              "&scope=system%2FDiagnosticReport.write%20x%2By"));
    const QUrlQuery decoded(QString::fromLatin1(body));
    QCOMPARE(decoded.queryItemValue(QStringLiteral("client_assertion_type"), QUrl::FullyDecoded),
             QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
    QVERIFY(!EpicAuth::tokenRequestBody("a.b.c", {}).contains("scope"));
}

void TestEpicAuth::tokenResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("validSeconds");
    QTest::newRow("hour") << QByteArray(R"({"access_token":"tok","token_type":"bearer","expires_in":3600,"scope":"s"})")
                          << true << qint64(3570);
    QTest::newRow("Bearer capitalised") << QByteArray(R"({"access_token":"tok","token_type":"Bearer","expires_in":100})")
                                        << true << qint64(90);
    QTest::newRow("no lifetime") << QByteArray(R"({"access_token":"tok","token_type":"bearer"})") << true << qint64(0);
    QTest::newRow("no token") << QByteArray(R"({"token_type":"bearer","expires_in":3600})") << false << qint64(0);
    QTest::newRow("mac token") << QByteArray(R"({"access_token":"tok","token_type":"mac"})") << false << qint64(0);
    QTest::newRow("html") << QByteArray("<html>gateway</html>") << false << qint64(0);
}

void TestEpicAuth::tokenResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(qint64, validSeconds);
    const QDateTime received = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
    QString error;
    const auto token = EpicAuth::parseTokenResponse(body, received, &error);
    QCOMPARE(bool(token), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(token->value, QByteArray("tok"));
    QCOMPARE(token->expiresAt, received.addSecs(validSeconds));
}

void TestEpicAuth::tokenCache()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
    EpicTokenCache cache;
    QVERIFY(!cache.find(m_settings, now));
    const auto token = EpicAuth::parseTokenResponse(R"({"access_token":"t1","token_type":"bearer","expires_in":300})", now);
    QVERIFY(token);
    cache.store(m_settings, *token);
    QCOMPARE(cache.find(m_settings, now.addSecs(100))->value, QByteArray("t1"));
    QVERIFY(!cache.find(m_settings, now.addSecs(270))); // expired (less the margin)
    EpicAuthSettings otherScope = m_settings;
    otherScope.scope = QStringLiteral("system/Observation.write");
    QVERIFY(!cache.find(otherScope, now));
    cache.forget(m_settings);
    QVERIFY(!cache.find(m_settings, now));
}

void TestEpicAuth::operationOutcome()
{
    const QByteArray body = R"({"resourceType":"OperationOutcome","issue":[
        {"severity":"error","code":"required","details":{"text":"DiagnosticReport.code is required"},
         "diagnostics":"missing element","expression":["DiagnosticReport.code"]},
        {"severity":"warning","code":"business-rule","details":{"coding":[{"code":"4101","display":"Patient not found"}]}},
        {"severity":"fatal","code":"exception"}]})";
    QCOMPARE(EpicAuth::describeOperationOutcome(body),
             QStringLiteral("error (required): DiagnosticReport.code is required — missing element at DiagnosticReport.code\n"
                            "warning (business-rule): Patient not found\n"
                            "fatal (exception): no details given"));
    QCOMPARE(EpicAuth::describeOperationOutcome(R"({"resourceType":"Patient"})"), QString());
    QCOMPARE(EpicAuth::describeOperationOutcome("garbage\x01\x02"), QString());
}

void TestEpicAuth::oauthError()
{
    QCOMPARE(EpicAuth::describeOAuthError(R"({"error":"invalid_client","error_description":"unknown kid"})"),
             QStringLiteral("invalid_client: unknown kid"));
    QCOMPARE(EpicAuth::describeOAuthError(R"({"error":"invalid_scope"})"), QStringLiteral("invalid_scope"));
    QCOMPARE(EpicAuth::describeOAuthError("<html/>"), QString());
}

QTEST_APPLESS_MAIN(TestEpicAuth)
#include "tst_epicauth.moc"
