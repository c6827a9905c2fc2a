// The configuration file contract: strict parsing with specific errors, and a lossless round trip.
#include "models/domain/webhookconfig.h"
#include "models/domain/webhookvalidator.h"
#include "testsupport/webhookfixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestWebhookConfig : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void defaults();
    void refused_data();
    void refused();
    void exportIsPrivateToItsOwner();
    void percentEncodedUrlsRoundTrip();
    void hugeInputGivesShortErrors();
    void loopbackHosts_data();
    void loopbackHosts();
};

void TestWebhookConfig::roundTrip()
{
    Webhook teams = makeWebhook(u"Teams ♥"_s, WebhookKind::Teams);
    teams.secretFingerprint = u"0123456789abcdef"_s;
    teams.headers = {{u"X-B"_s, u"2"_s}, {u"X-A"_s, u"1"_s}};
    Webhook epic = makeWebhook(u"Epic"_s, WebhookKind::Epic);
    epic.epic = {u"client"_s, QUrl(u"https://epic.example/token"_s), QUrl(u"https://epic.example/fhir"_s), u"scope"_s, u"kid"_s};
    epic.caFile = u"/etc/ssl/hospital-ca.pem"_s;
    epic.internalEndpoint = true;
    Webhook local = makeWebhook(u"Local receiver"_s);
    local.url = QUrl(u"http://127.0.0.1:8080/hook"_s);
    local.allowLoopbackHttp = true;
    local.active = false;
    local.phiLevel = PhiLevel::Limited;

    const QByteArray json = WebhookConfig::serialize({teams, epic, local});
    const WebhookConfig::ParseResult parsed = WebhookConfig::parse(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errors.join(u'\n')));
    QCOMPARE(parsed.webhooks.size(), 3);
    // Sorted by name.
    QCOMPARE(parsed.webhooks.at(0).name, u"Epic"_s);
    QCOMPARE(parsed.webhooks.at(0).epic, epic.epic);
    QCOMPARE(parsed.webhooks.at(0).caFile, epic.caFile);
    QVERIFY(parsed.webhooks.at(0).internalEndpoint);
    QCOMPARE(parsed.webhooks.at(1).name, u"Local receiver"_s);
    QVERIFY(parsed.webhooks.at(1).allowLoopbackHttp);
    QVERIFY(!parsed.webhooks.at(1).active);
    QCOMPARE(parsed.webhooks.at(1).phiLevel, PhiLevel::Limited);
    QCOMPARE(parsed.webhooks.at(2).name, u"Teams ♥"_s);
    QCOMPARE(parsed.webhooks.at(2).url, teams.url);
    QCOMPARE(parsed.webhooks.at(2).events, teams.events);
    QCOMPARE(parsed.webhooks.at(2).headers.size(), 2);
    // Serializing again gives the same bytes: exports diff cleanly.
    QCOMPARE(WebhookConfig::serialize(parsed.webhooks), json);
    QVERIFY(!json.contains("secretFingerprint"));
    QVERIFY(!json.contains("0123456789abcdef"));
    QVERIFY(!json.contains("whsec_"));
}

void TestWebhookConfig::defaults()
{
    const auto parsed = WebhookConfig::parse(R"({"webhooks": [
        {"name": "Epic", "kind": "epic", "url": "https://epic.example/fhir", "events": ["report.completed"]},
        {"name": "Slack", "kind": "slack", "url": "https://hooks.slack.com/services/x", "events": ["battery.low"]}]})");
    QVERIFY2(parsed.ok(), qPrintable(parsed.errors.join(u'\n')));
    QCOMPARE(parsed.webhooks.at(0).phiLevel, PhiLevel::Full);
    QCOMPARE(parsed.webhooks.at(1).phiLevel, PhiLevel::None);
    QCOMPARE(parsed.webhooks.at(1).timeoutSeconds, 15);
    QVERIFY(parsed.webhooks.at(1).active);
}

void TestWebhookConfig::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("malformed") << QByteArray("{\"webhooks\": [\n  {\"name\": \"x\",,}\n]}") << u"line 2, column"_s;
    QTest::newRow("not an object") << QByteArray("[1, 2]") << u"JSON object"_s;
    QTest::newRow("unknown top-level key") << QByteArray(R"({"webhooks": [], "hooks": []})") << u"“hooks”"_s;
    QTest::newRow("typo in a key") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "generic",
        "url": "https://a.example/", "events": ["report.created"], "evnets": []}]})") << u"unknown key “evnets”"_s;
    QTest::newRow("unknown event") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "generic",
        "url": "https://a.example/", "events": ["report.deleted"]}]})") << u"“report.deleted” is not a goReporter event"_s;
    QTest::newRow("duplicate names") << QByteArray(R"({"webhooks": [
        {"name": "A", "kind": "generic", "url": "https://a.example/", "events": ["report.created"]},
        {"name": "a", "kind": "generic", "url": "https://b.example/", "events": ["report.created"]}]})")
                                     << u"webhooks[1] “a”: A webhook named “A” already exists"_s;
    QTest::newRow("wrong type") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "generic",
        "url": "https://a.example/", "events": ["report.created"], "timeoutSeconds": "15"}]})")
                                << u"“timeoutSeconds” must be a number, not a string"_s;
    QTest::newRow("unknown kind") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "discord",
        "url": "https://a.example/", "events": ["report.created"]}]})") << u"unknown kind “discord”"_s;
    QTest::newRow("plain http") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "generic",
        "url": "http://a.example/", "events": ["report.created"]}]})") << u"Plain http:// is refused"_s;
    QTest::newRow("http elsewhere than loopback") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "generic",
        "url": "http://a.example/", "events": ["report.created"], "allowLoopbackHttp": true}]})")
                                                  << u"only to this machine"_s;
    QTest::newRow("epic task") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "epic",
        "url": "https://a.example/", "events": ["task.due"]}]})") << u"“task.due” cannot be sent to Epic"_s;
    QTest::newRow("unknown epic key") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "epic",
        "url": "https://a.example/", "events": ["report.created"], "epic": {"clientID": "x"}}]})")
                                      << u"unknown key “epic.clientID”"_s;
    QTest::newRow("malformed url") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "slack",
        "url": "https://hooks.slack.com/services/T0 SECRETPART", "events": ["report.created"]}]})")
                                   << u"not a valid URL"_s;
    QTest::newRow("missing url") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "generic", "events": []}]})")
                                 << u"the key “url” is missing"_s;
    QTest::newRow("reserved header") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "generic",
        "url": "https://a.example/", "events": ["report.created"], "headers": {"Authorization": "Bearer x"}}]})")
                                     << u"“Authorization” is set by the console"_s;
    auto oneWebhook = [](const QByteArray &fields) -> QByteArray {
        return QByteArray(R"({"webhooks": [{"name": "A", "kind": "generic", "url": "https://a.example/",
                          "events": ["report.created"], )") + fields + "}]}";
    };
    QTest::newRow("the console's own event header") << oneWebhook(R"("headers": {"x-goreporter-event": "task.due"})")
                                                    << u"“x-goreporter-event” is set by the console"_s;
    QTest::newRow("hop-by-hop header") << oneWebhook(R"("headers": {"Upgrade": "h2c"})")
                                       << u"“Upgrade” controls the connection"_s;
    QTest::newRow("keep-alive header") << oneWebhook(R"("headers": {"Keep-Alive": "timeout=5"})")
                                       << u"“Keep-Alive” controls the connection"_s;
    QTest::newRow("signature-like header") << oneWebhook(R"("headers": {"Webhook-Version": "1"})")
                                           << u"is set by the console"_s;
    QTest::newRow("control character in a header value") << oneWebhook(R"("headers": {"X-Site": "north\u001b[31m"})")
                                                         << u"contains the control character U+001B"_s;
    QTest::newRow("NUL in a header value") << oneWebhook(R"("headers": {"X-Site": "a\u0000b"})")
                                           << u"control character U+0000"_s;
    QTest::newRow("C1 control in a header value") << oneWebhook(R"("headers": {"X-Site": "a\u0085b"})")
                                                  << u"control character U+0085"_s;
    QTest::newRow("bidirectional override in a header value") << oneWebhook(R"("headers": {"X-Site": "a\u202eb"})")
                                                              << u"control character U+202E"_s;
    QTest::newRow("padded header value") << oneWebhook(R"("headers": {"X-Site": " north"})")
                                         << u"must not start or end with spaces"_s;
    QTest::newRow("duplicate key in a webhook") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "generic",
        "url": "https://a.example/", "events": ["report.created"], "url": "https://b.example/"}]})")
                                                << u"The key “url” appears twice in webhooks[0]"_s;
    QTest::newRow("duplicate key, escaped") << QByteArray(R"({"webhooks": [{"name": "A", "n\u0061me": "B", "kind": "generic",
        "url": "https://a.example/", "events": ["report.created"]}]})")
                                            << u"The key “name” appears twice in webhooks[0]"_s;
    QTest::newRow("duplicate top-level key") << QByteArray(R"({"webhooks": [], "webhooks": []})")
                                             << u"The key “webhooks” appears twice;"_s;
    QTest::newRow("duplicate epic key") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "epic",
        "url": "https://a.example/", "events": ["report.created"], "epic": {"clientId": "x", "clientId": "y"}}]})")
                                        << u"The key “clientId” appears twice in webhooks[0].epic"_s;
    QTest::newRow("unknown payload language") << oneWebhook(R"("payloadLanguage": "klingon")")
                                              << u"“klingon” is not a payload language"_s;
    QTest::newRow("huge timeout") << oneWebhook(R"("timeoutSeconds": 1e20)")
                                  << u"The timeout must be between 1 and 300 seconds"_s;
    QTest::newRow("fractional timeout") << oneWebhook(R"("timeoutSeconds": 1.5)") << u"whole number"_s;
    QTest::newRow("NUL in a name") << QByteArray(R"({"webhooks": [{"name": "A\u0000B", "kind": "generic",
        "url": "https://a.example/", "events": ["report.created"]}]})") << u"control character U+0000"_s;
    QTest::newRow("escape sequence in a name") << QByteArray(R"({"webhooks": [{"name": "A\u001b[2J", "kind": "generic",
        "url": "https://a.example/", "events": ["report.created"]}]})") << u"control character U+001B"_s;
    QTest::newRow("line break in a name") << QByteArray(R"({"webhooks": [{"name": "A\nB", "kind": "generic",
        "url": "https://a.example/", "events": ["report.created"]}]})") << u"control character U+000A"_s;
    QTest::newRow("bidirectional override in a name") << QByteArray(R"({"webhooks": [{"name": "A\u202eB", "kind": "generic",
        "url": "https://a.example/", "events": ["report.created"]}]})") << u"control character U+202E"_s;
    QTest::newRow("twin names after normalisation") << QByteArray(R"({"webhooks": [
        {"name": "Straße", "kind": "generic", "url": "https://a.example/", "events": ["report.created"]},
        {"name": "STRASSE", "kind": "generic", "url": "https://b.example/", "events": ["report.created"]}]})")
                                                    << u"A webhook named “Straße” already exists"_s;
}

void TestWebhookConfig::percentEncodedUrlsRoundTrip()
{
    const QByteArray json = R"({"webhooks": [{"name": "Encoded", "kind": "epic", "url": "https://fhir.example/a%20b/R4?x=%2F",
        "events": ["report.created"], "epic": {"tokenUrl": "https://fhir.example/oauth%202/token",
        "fhirBaseUrl": "https://fhir.example/api%20fhir/R4"}}]})";
    const WebhookConfig::ParseResult parsed = WebhookConfig::parse(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errors.join(u'\n')));
    const Webhook &webhook = parsed.webhooks.first();
    QVERIFY(webhook.url.isValid());
    QCOMPARE(urlText(webhook.url), u"https://fhir.example/a%20b/R4?x=%2F"_s);
    QCOMPARE(urlText(webhook.epic.tokenUrl), u"https://fhir.example/oauth%202/token"_s);
    const QByteArray exported = WebhookConfig::serialize(parsed.webhooks);
    QVERIFY2(exported.contains("https://fhir.example/a%20b/R4?x=%2F"), exported.constData());
    QVERIFY2(exported.contains("https://fhir.example/api%20fhir/R4"), exported.constData());
    const WebhookConfig::ParseResult again = WebhookConfig::parse(exported);
    QVERIFY2(again.ok(), qPrintable(again.errors.join(u'\n')));
    QCOMPARE(again.webhooks.first().url, webhook.url);
    QCOMPARE(again.webhooks.first().epic, webhook.epic);
}

void TestWebhookConfig::hugeInputGivesShortErrors()
{
    // A 50 MB name, or key, is refused with a message that quotes a little of it, not all of it.
    const QByteArray huge(50 * 1024 * 1024, 'N');
    const QList<QPair<QByteArray, QString>> cases = {
        {R"({"webhooks": [{"name": ")" + huge + R"(", "kind": "generic", "url": "https://a.example/",
            "events": ["report.created"]}]})", u"longer than 100 characters"_s},
        {R"({"webhooks": [{"name": "A", "kind": "generic", "url": "https://a.example/", "events": ["report.created"],
            ")" + huge + R"(": 1}]})", u"unknown key"_s},
    };
    for (const auto &[json, expected] : cases) {
        const WebhookConfig::ParseResult parsed = WebhookConfig::parse(json);
        QVERIFY(!parsed.ok());
        const QString errors = parsed.errors.join(u'\n');
        QVERIFY2(errors.contains(expected), qPrintable(errors.left(500)));
        QVERIFY2(errors.size() < 2000, qPrintable(QString::number(errors.size())));
    }
}

void TestWebhookConfig::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const WebhookConfig::ParseResult parsed = WebhookConfig::parse(json);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.webhooks.isEmpty(), "nothing is returned unless everything is valid");
    const QString errors = parsed.errors.join(u'\n');
    QVERIFY2(errors.contains(expected), qPrintable(errors));
    QVERIFY2(!errors.contains(u"SECRETPART"_s), "a credential URL is never repeated in a message");
}

void TestWebhookConfig::exportIsPrivateToItsOwner()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"export.json"_s);
    QString error;
    QVERIFY(WebhookConfig::writeFile(path, WebhookConfig::serialize({makeWebhook(u"A"_s, WebhookKind::Slack)}), &error));
    QCOMPARE(QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser | QFile::ReadOwner | QFile::WriteOwner),
             QFileDevice::Permissions());
    QVERIFY(QFile::permissions(path) & QFile::ReadOwner);
    QVERIFY(!WebhookConfig::writeFile(folder.filePath(u"missing/folder/export.json"_s), "{}", &error));
    QVERIFY2(error.contains(u"missing/folder"_s), qPrintable(error));
}

void TestWebhookConfig::loopbackHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("localhost") << u"LocalHost"_s << true;
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << true;
    QTest::newRow("127.255.3.4") << u"127.255.3.4"_s << true;
    QTest::newRow("::1") << u"::1"_s << true;
    QTest::newRow("::1 written out") << u"0:0:0:0:0:0:0:1"_s << true;
    QTest::newRow("IPv4-mapped loopback") << u"::ffff:127.0.0.1"_s << true;
    QTest::newRow("128.0.0.1") << u"128.0.0.1"_s << false;
    QTest::newRow("127.0.0.256") << u"127.0.0.256"_s << false;
    // URLs read shorthand IPv4 as the address it stands for (127.1 is 127.0.0.1), and so does the sender.
    QTest::newRow("127.1") << u"127.1"_s << true;
    QTest::newRow("a name starting with 127") << u"127.0.0.1.example"_s << false;
    QTest::newRow("::2") << u"::2"_s << false;
    QTest::newRow("receiver.example") << u"receiver.example"_s << false;
}

void TestWebhookConfig::loopbackHosts()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(WebhookValidator::isLoopbackHost(host), loopback);
}

QTEST_APPLESS_MAIN(TestWebhookConfig)
#include "tst_webhookconfig.moc"
