// A program without a screen (the coming dispatcher) delivers with the layers below the widgets: format, sign,
// send over HTTPS to a loopback receiver and record, with neither QtGui nor QtWidgets in the process.
#include "models/domain/event.h"
#include "models/secrets/signingsecret.h"
#include "models/storage/database.h"
#include "models/storage/deliveryrepository.h"
#include "network/payloads/payloadformatter.h"
#include "network/transport/standardwebhooks.h"
#include "network/transport/webhookdelivery.h"
#include "network/transport/webhooksender.h"
#include "testsupport/testdatabases.h"
#include "testsupport/testhttpsserver.h"
#include "testsupport/testpki.h"
#include "testsupport/webhookfixtures.h"
#include "testsupport/resultchecks.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestHeadless : public QObject
{
    Q_OBJECT
private slots:
    void deliversAndRecordsWithoutGuiLibraries();
};

void TestHeadless::deliversAndRecordsWithoutGuiLibraries()
{
    QVERIFY(!QCoreApplication::instance()->inherits("QGuiApplication"));

    TestPki pki;
    QVERIFY(pki.isValid());
    const TestCertificate localhost = pki.issue(u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s});
    QTemporaryDir folder;
    const QString caBundle = folder.filePath(u"hospital-ca.pem"_s);
    QVERIFY(pki.writeCaBundle(caBundle));
    TestHttpsServer receiver(localhost);
    QVERIFY(receiver.isListening());

    Webhook webhook = makeWebhook(u"Headless"_s);
    webhook.url = receiver.url(u"localhost"_s, u"/hooks/goreporter"_s);
    webhook.allowLoopbackHttp = true;
    webhook.caFile = caBundle;
    QString error;
    const QString secret = SigningSecret::generate(&error);
    QVERIFY2(!secret.isEmpty(), qPrintable(error));

    const Event event = EventSamples::sample(u"battery.low"_s);
    const auto payload = PayloadFormatter::create(webhook.kind)->format(event, webhook.phiLevel, &error);
    QVERIFY2(payload, qPrintable(error));
    const QByteArray messageId = StandardWebhooks::newMessageId();
    const auto request = WebhookDelivery::build(webhook, *payload, {secret}, messageId,
                                                QDateTime::currentSecsSinceEpoch(), {}, &error);
    QVERIFY2(request, qPrintable(error));

    WebhookSender sender;
    DeliveryJob *job = sender.send(*request);
    DeliveryResult result;
    bool done = false;
    connect(job, &DeliveryJob::finished, this, [&](const DeliveryResult &finished) {
        result = finished;
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 40000));
    QVERIFY2(result.success(), qPrintable(result.errorText));
    QCOMPARE(receiver.requests().size(), 1);
    QCOMPARE(receiver.requests().first().header("webhook-id"), messageId);

    auto sqlite = TestDatabase::create(DatabaseUrl::Engine::SQLite);
    QVERIFY(sqlite);
    Database database;
    QVERIFY2(database.open(sqlite->url()), qPrintable(database.errorString()));
    DeliveryRepository log(database);
    DeliveryRecord record = WebhookDelivery::record(webhook, event, messageId, DeliveryTrigger::Event, result);
    QVERIFY_OK(log.record(record));
    QCOMPARE(record.attempt, 1);

    // What the process has loaded: the core of Qt, its network and SQL modules, never the GUI ones.
    QFile maps(u"/proc/self/maps"_s);
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray loaded = maps.readAll();
    QVERIFY(loaded.contains("libQt6Core.so"));
    QVERIFY(loaded.contains("libQt6Network.so"));
    QVERIFY2(!loaded.contains("libQt6Gui.so"), "the delivery layers pulled in QtGui");
    QVERIFY2(!loaded.contains("libQt6Widgets.so"), "the delivery layers pulled in QtWidgets");
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
