// The configuration file contract: strict parsing with specific errors, and a lossless round trip.
#include "models/webhookconfig.h"
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
                                << u"“timeoutSeconds” must be of JSON type number, not string"_s;
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

QTEST_APPLESS_MAIN(TestWebhookConfig)
#include "tst_webhookconfig.moc"
