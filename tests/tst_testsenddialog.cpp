// The test-send dialog driven through its widgets, against loopback HTTPS receivers, the real keyring and a database.
#include "models/secrets/credentialresealing.h"
#include "models/secrets/machinekeystore.h"
#include "models/secrets/secretstore.h"
#include "models/secrets/signingsecret.h"
#include "models/secrets/webhooksecrets.h"
#include "models/storage/deliverylog.h"
#include "models/storage/deliveryrepository.h"
#include "models/storage/machineregistry.h"
#include "models/storage/webhookrepository.h"
#include "network/transport/standardwebhooks.h"
#include "network/transport/webhookdelivery.h"
#include "network/transport/webhooksender.h"
#include "testsupport/commandrunner.h"
#include "testsupport/futures.h"
#include "testsupport/resultchecks.h"
#include "testsupport/testhttpsserver.h"
#include "testsupport/testmachine.h"
#include "testsupport/testpki.h"
#include "testsupport/webhookfixtures.h"
#include "ui/httpmessageview.h"
#include "ui/previewpane.h"
#include "ui/testsenddialog.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStandardItemModel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

// Generous: a loaded CI machine may take seconds for a TLS handshake. Waits end as soon as the signal comes.
constexpr int deliveryWaitMs = 40000;

ScriptedAnswer answer(int status, const QByteArray &reason, const QByteArray &body = {})
{
    ScriptedAnswer scripted;
    scripted.status = status;
    scripted.reason = reason;
    scripted.headers = {{"Content-Type", "application/json"}};
    scripted.body = body;
    return scripted;
}

} // namespace

class TestTestSendDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void offersSupportedEventsSubscribedFirst();
    void sampleFileErrorsAreSpecific();
    void signedSendShownAndRecorded();
    void serverErrorDiagnosed();
    void cancelHangingReceiver();
    void untrustedCertificate();
    void missingSigningSecret();
    void epicWithoutKey();
    void throughARunningDispatcher();

private:
    TestSendServices services();
    Webhook storedWebhook(const QString &name, const QUrl &url, WebhookKind kind = WebhookKind::Generic);
    QList<DeliveryRecord> recorded(const Webhook &webhook);
    void saveScreenshot(TestSendDialog &dialog, const QString &fileName);

    TestPki m_pki;
    TestPki m_otherPki{u"Some Other CA"_s};
    TestCertificate m_localhost;
    QTemporaryDir m_folder;
    QString m_caBundle;

    OpenTestDatabase m_db;
    std::unique_ptr<WebhookRepository> m_webhooks;
    std::unique_ptr<TestCredentialStore> m_keychain;
    std::unique_ptr<WebhookSecrets> m_secrets;
    std::unique_ptr<DeliveryRepository> m_deliveries;
    std::unique_ptr<WebhookSender> m_sender;
    QStringList m_webhookIds;
};

void TestTestSendDialog::initTestCase()
{
    QVERIFY(m_pki.isValid());
    QVERIFY(m_otherPki.isValid());
    m_localhost = m_pki.issue(u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s});
    QVERIFY(!m_localhost.certificate.isNull());
    // The hospital-internal CA bundle of the webhooks: the test's own authority.
    m_caBundle = m_folder.filePath(u"hospital-ca.pem"_s);
    QVERIFY(m_pki.writeCaBundle(m_caBundle));
}

void TestTestSendDialog::init()
{
    m_db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    m_webhooks = std::make_unique<WebhookRepository>(*m_db.database);
    m_keychain = std::make_unique<TestCredentialStore>(*m_db.database);
    m_secrets = std::make_unique<WebhookSecrets>(*m_keychain, *m_webhooks);
    m_deliveries = std::make_unique<DeliveryRepository>(*m_db.database);
    m_sender = std::make_unique<WebhookSender>();
}

void TestTestSendDialog::cleanup()
{
    for (const QString &id : std::as_const(m_webhookIds)) {
        (void)m_keychain->removeAndWait(WebhookSecrets::signingKey(id));
        (void)m_keychain->removeAndWait(WebhookSecrets::previousSigningKey(id));
        (void)m_keychain->removeAndWait(WebhookSecrets::epicPrivateKeyKey(id));
    }
    m_webhookIds.clear();
    m_sender.reset();
    m_deliveries.reset();
    m_secrets.reset();
    m_keychain.reset();
    m_webhooks.reset();
    m_db = {};
}

TestSendServices TestTestSendDialog::services()
{
    return {*m_webhooks, *m_secrets, *m_keychain, DatabaseWorker(m_db.database->url(), m_db.database->password()), *m_sender};
}

Webhook TestTestSendDialog::storedWebhook(const QString &name, const QUrl &url, WebhookKind kind)
{
    Webhook webhook = makeWebhook(name, kind);
    webhook.url = url;
    // The receivers run on this computer (loopback, which the SSRF guard refuses unless the webhook allows it)
    // with certificates from the test's own authority.
    webhook.allowLoopbackHttp = true;
    webhook.caFile = m_caBundle;
    webhook.timeoutSeconds = 30;
    const Result<void> created = m_webhooks->create(webhook);
    if (!created.ok())
        qWarning("cannot store the webhook: %s", qPrintable(created.message()));
    m_webhookIds.append(webhook.id);
    return webhook;
}

QList<DeliveryRecord> TestTestSendDialog::recorded(const Webhook &webhook)
{
    const Result<QList<DeliveryRecord>> rows = m_deliveries->recent(webhook.id, 100);
    if (!rows)
        qWarning("cannot read the delivery log: %s", qPrintable(rows.message()));
    return rows ? *rows : QList<DeliveryRecord>();
}

void TestTestSendDialog::saveScreenshot(TestSendDialog &dialog, const QString &fileName)
{
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString folder = QDir(QCoreApplication::applicationDirPath()).filePath(u"screenshots"_s);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(dialog.grab().save(folder + u'/' + fileName));
}

void TestTestSendDialog::offersSupportedEventsSubscribedFirst()
{
    Webhook generic = makeWebhook(u"Warehouse"_s);
    generic.events = {u"report.created"_s, u"task.due"_s};
    TestSendDialog genericDialog(services(), generic);
    QCOMPARE(genericDialog.offeredEventTypes(),
             QStringList({u"report.created"_s, u"task.due"_s, u"report.completed"_s, u"battery.low"_s,
                          u"battery.critical"_s, u"task.created"_s, u"task.overdue"_s, u"webhook.failing"_s,
                          u"webhook.disabled"_s, u"webhook.recovered"_s, u"delivery.exhausted"_s}));
    QCOMPARE(genericDialog.eventType(), u"report.created"_s);
    QVERIFY(genericDialog.eventCombo()->itemText(genericDialog.eventCombo()->findData(u"task.overdue"_s))
                .contains(u"not subscribed"_s));

    // Epic receives DiagnosticReports: no task events at all.
    TestSendDialog epicDialog(services(), makeWebhook(u"Epic"_s, WebhookKind::Epic));
    QCOMPARE(epicDialog.offeredEventTypes(),
             QStringList({u"report.completed"_s, u"report.created"_s, u"battery.low"_s, u"battery.critical"_s}));
}

void TestTestSendDialog::sampleFileErrorsAreSpecific()
{
    TestSendDialog dialog(services(), makeWebhook(u"Epic"_s, WebhookKind::Epic));
    dialog.show();
    QTemporaryDir folder;

    const QString broken = folder.filePath(u"broken.json"_s);
    QFile brokenFile(broken);
    QVERIFY(brokenFile.open(QIODevice::WriteOnly));
    brokenFile.write("{\n  \"id\": \"evt-1\",\n  \"type\": \n}\n");
    brokenFile.close();
    QCOMPARE(resultOf(dialog.loadSampleFile(broken)), std::optional(false));
    QVERIFY(dialog.sampleErrorLabel()->isVisible());
    const QString brokenError = dialog.sampleErrorLabel()->text();
    QVERIFY2(brokenError.contains(u"broken.json"_s) && brokenError.contains(u"line 4"_s), qPrintable(brokenError));
    QVERIFY(!dialog.usesSampleFile());

    QCOMPARE(resultOf(dialog.loadSampleFile(folder.filePath(u"missing.json"_s))), std::optional(false));
    QVERIFY(dialog.sampleErrorLabel()->text().contains(u"Cannot read “missing.json”"_s));
    // A device is refused at once instead of being read without end.
    QCOMPARE(resultOf(dialog.loadSampleFile(u"/dev/zero"_s)), std::optional(false));
    QVERIFY2(dialog.sampleErrorLabel()->text().contains(u"not a regular file"_s), qPrintable(dialog.sampleErrorLabel()->text()));

    // A task event is a valid event, but not one Epic can receive.
    const QString task = folder.filePath(u"task.json"_s);
    QFile taskFile(task);
    QVERIFY(taskFile.open(QIODevice::WriteOnly));
    taskFile.write(EventSamples::sample(u"task.overdue"_s).toJson());
    taskFile.close();
    QCOMPARE(resultOf(dialog.loadSampleFile(task)), std::optional(false));
    QVERIFY2(dialog.sampleErrorLabel()->text().contains(u"cannot receive"_s), qPrintable(dialog.sampleErrorLabel()->text()));

    Event battery = EventSamples::sample(u"battery.low"_s);
    battery.id = u"evt-from-file"_s;
    const QString good = folder.filePath(u"battery.json"_s);
    QFile goodFile(good);
    QVERIFY(goodFile.open(QIODevice::WriteOnly));
    goodFile.write(battery.toJson());
    goodFile.close();
    QCOMPARE(resultOf(dialog.loadSampleFile(good)), std::optional(true));
    QVERIFY(!dialog.sampleErrorLabel()->isVisible());
    QVERIFY(dialog.usesSampleFile());
    QCOMPARE(dialog.eventType(), u"battery.low"_s);
    QCOMPARE(dialog.sampleEvent().id, u"evt-from-file"_s);

    // Choosing another event type goes back to that type's built-in sample.
    QVERIFY(dialog.setEventType(u"report.completed"_s));
    QVERIFY(!dialog.usesSampleFile());
    QCOMPARE(dialog.sampleEvent(), EventSamples::sample(u"report.completed"_s));
}

void TestTestSendDialog::signedSendShownAndRecorded()
{
    TestHttpsServer receiver(m_localhost);
    QVERIFY(receiver.isListening());
    const Webhook stale = storedWebhook(u"Research warehouse"_s, receiver.url(u"localhost"_s, u"/hooks/goreporter"_s));
    // The secret is set after the dialog's copy of the webhook was read: the dialog must sign with it anyway.
    Webhook withSecret = stale;
    const QString secret = SigningSecret::generate();
    QVERIFY(m_secrets->setAndWait(withSecret, secret).ok());
    QList<bool> signatures;
    receiver.setHandler([&](const ReceivedRequest &received) {
        signatures.append(received.header("webhook-signature") == standardWebhooksSignature(received, secret));
        return answer(signatures.last() ? 200 : 401, signatures.last() ? "OK" : "Unauthorized", R"({"received":true})");
    });

    TestSendDialog dialog(services(), stale);
    dialog.show();
    QVERIFY(dialog.setEventType(u"report.completed"_s));
    QSignalSpy finished(&dialog, &TestSendDialog::sendFinished);
    QSignalSpy states(&dialog, &TestSendDialog::stateChanged);
    dialog.sendButton()->click();
    // The window stays responsive: the click returned while the keychain is still being read.
    QCOMPARE(dialog.state(), TestSendDialog::State::Preparing);
    QVERIFY(!dialog.sendButton()->isEnabled());
    QVERIFY(dialog.cancelButton()->isEnabled());
    QVERIFY(!dialog.stageLabel()->text().isEmpty());
    QVERIFY(finished.wait(deliveryWaitMs));
    QCOMPARE(dialog.state(), TestSendDialog::State::Idle);
    QList<TestSendDialog::State> passed;
    for (const QList<QVariant> &change : std::as_const(states))
        passed.append(change.at(0).value<TestSendDialog::State>());
    QCOMPARE(passed, (QList<TestSendDialog::State>{TestSendDialog::State::Preparing, TestSendDialog::State::Sending,
                                                    TestSendDialog::State::Idle}));

    QVERIFY2(dialog.lastResult()->success(), qPrintable(dialog.lastResult()->errorText));
    QCOMPARE(signatures, QList<bool>({true}));
    const QString banner = dialog.outcomeLabel()->text();
    QVERIFY2(banner.contains(u"Delivered: HTTP 200 OK"_s) && banner.contains(u"latency"_s), qPrintable(banner));
    QVERIFY(dialog.outcomeLabel()->styleSheet().contains(u"#e6f4ea"_s));
    QVERIFY(dialog.responseView()->summaryLabel()->text().startsWith(u"HTTP 200 OK · latency "_s));
    QCOMPARE(dialog.responseView()->bodyView()->toPlainText(), PreviewPane::prettyPrinted(R"({"received":true})"));
    QCOMPARE(dialog.responseView()->sizeLabel()->text(), u"17 bytes"_s);
    QCOMPARE(dialog.requestView()->titleLabel()->text(), u"Request"_s);

    // The request as sent, with the signature redacted and the body indented.
    const ReceivedRequest &received = receiver.requests().last();
    QCOMPARE(dialog.requestView()->summaryLabel()->text(),
             u"POST "_s + receiver.url(u"localhost"_s, u"/hooks/goreporter"_s).toString());
    const QString headers = dialog.requestView()->headersView()->toPlainText();
    QVERIFY2(headers.contains(u"webhook-signature: [redacted]"_s), qPrintable(headers));
    QVERIFY(headers.contains(u"webhook-id: "_s + QString::fromLatin1(received.header("webhook-id"))));
    QVERIFY(!headers.contains(secret) && !headers.contains(QString::fromLatin1(received.header("webhook-signature"))));
    QCOMPARE(dialog.requestView()->bodyView()->toPlainText(), PreviewPane::prettyPrinted(received.body));

    QList<DeliveryRecord> rows = recorded(stale);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().trigger, DeliveryTrigger::Test);
    QCOMPARE(rows.first().messageId, QString::fromLatin1(received.header("webhook-id")));
    QCOMPARE(rows.first().messageId, QString::fromLatin1(dialog.lastMessageId()));
    QCOMPARE(rows.first().eventType, u"report.completed"_s);
    QCOMPARE(rows.first().attempt, 1);
    QCOMPARE(rows.first().responseStatus, std::optional<int>(200));
    QVERIFY(rows.first().success);
    QCOMPARE(dialog.lastRecord()->id, rows.first().id);
    QVERIFY(dialog.recordLabel()->text().contains(rows.first().messageId));
    // A language change rebuilds every text from the stored result.
    QEvent languageChange(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&dialog, &languageChange);
    QCOMPARE(dialog.outcomeLabel()->text(), banner);
    QVERIFY(dialog.recordLabel()->text().contains(rows.first().messageId));
    QCOMPARE(dialog.requestView()->bodyView()->toPlainText(), PreviewPane::prettyPrinted(received.body));
    saveScreenshot(dialog, u"test-send-success.png"_s);

    // Sending again is a new message with its own id, and a new first attempt.
    dialog.sendButton()->click();
    QVERIFY(finished.wait(deliveryWaitMs));
    QVERIFY2(dialog.lastResult()->success(), qPrintable(dialog.lastResult()->errorText));
    QCOMPARE(signatures, QList<bool>({true, true}));
    rows = recorded(stale);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.first().messageId, QString::fromLatin1(receiver.requests().last().header("webhook-id")));
    QVERIFY(rows.at(0).messageId != rows.at(1).messageId);
    QCOMPARE(rows.at(0).attempt, 1);
    QCOMPARE(rows.at(0).trigger, DeliveryTrigger::Test);
}

void TestTestSendDialog::serverErrorDiagnosed()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) {
        return answer(500, "Internal Server Error", R"({"error":"database unavailable","retry":false})");
    });
    const Webhook webhook = storedWebhook(u"Cardiology inbox"_s, receiver.url(u"localhost"_s, u"/inbox"_s));
    TestSendDialog dialog(services(), webhook);
    dialog.show();
    QVERIFY(dialog.setEventType(u"battery.critical"_s));
    QSignalSpy finished(&dialog, &TestSendDialog::sendFinished);
    dialog.sendButton()->click();
    QVERIFY(finished.wait(deliveryWaitMs));

    QCOMPARE(dialog.lastResult()->error, DeliveryResult::Error::HttpServerError);
    const QString banner = dialog.outcomeLabel()->text();
    QVERIFY2(banner.contains(u"Failed: HTTP 500 Internal Server Error"_s), qPrintable(banner));
    QVERIFY(dialog.outcomeLabel()->styleSheet().contains(u"#fde7e9"_s));
    QVERIFY2(dialog.diagnosisLabel()->text().contains(u"The receiver failed while handling the request"_s),
             qPrintable(dialog.diagnosisLabel()->text()));
    QVERIFY(dialog.responseView()->bodyView()->toPlainText().contains(u"\"database unavailable\""_s));

    const QList<DeliveryRecord> rows = recorded(webhook);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().trigger, DeliveryTrigger::Test);
    QVERIFY(!rows.first().success);
    QCOMPARE(rows.first().responseStatus, std::optional<int>(500));
    QCOMPARE(rows.first().error, u"http-5xx: HTTP 500 Internal Server Error"_s);
    saveScreenshot(dialog, u"test-send-failure.png"_s);
}

void TestTestSendDialog::cancelHangingReceiver()
{
    TestHttpsServer receiver(m_localhost);
    bool hang = true;
    receiver.setHandler([&](const ReceivedRequest &) {
        if (!hang)
            return answer(204, "No Content");
        ScriptedAnswer never;
        never.mode = ScriptedAnswer::Mode::Hang;
        return never;
    });
    const Webhook webhook = storedWebhook(u"Slow receiver"_s, receiver.url(u"127.0.0.1"_s, u"/hook"_s));
    TestSendDialog dialog(services(), webhook);
    dialog.show();
    QSignalSpy finished(&dialog, &TestSendDialog::sendFinished);
    dialog.sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, deliveryWaitMs);
    QCOMPARE(dialog.state(), TestSendDialog::State::Sending);
    QVERIFY2(dialog.stageLabel()->text().contains(u"waiting for the answer"_s), qPrintable(dialog.stageLabel()->text()));
    // In the log before it left: had the console died now, the attempt would stay, readable as unfinished.
    QList<DeliveryRecord> rows = recorded(webhook);
    QCOMPARE(rows.size(), 1);
    const DeliveryRecord unfinished = rows.first();
    QVERIFY(!unfinished.finishedAt.isValid());
    QCOMPARE(DeliveryErrors::key(unfinished.error), u"unfinished"_s);
    QCOMPARE(DeliveryErrors::label(unfinished.error), u"No outcome recorded"_s);
    QCOMPARE(unfinished.requestBody, receiver.requests().first().body);

    dialog.cancelButton()->click();
    // The answer comes once the stopped attempt is recorded, on the delivery log's own connection.
    QVERIFY(finished.size() == 1 || finished.wait(deliveryWaitMs));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(dialog.lastResult()->error, DeliveryResult::Error::Cancelled);
    QVERIFY(dialog.outcomeLabel()->text().startsWith(u"Cancelled"_s));
    QCOMPARE(dialog.responseView()->summaryLabel()->text(), u"No answer: the send was cancelled."_s);
    rows = recorded(webhook);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().id, unfinished.id); // the same attempt, completed
    QVERIFY(rows.first().finishedAt.isValid());
    QVERIFY(rows.first().error.startsWith(u"cancelled: "_s));

    // The dialog is ready for the next send.
    QCOMPARE(dialog.state(), TestSendDialog::State::Idle);
    QVERIFY(dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.cancelButton()->isEnabled());
    QVERIFY(dialog.eventCombo()->isEnabled());
    hang = false;
    dialog.sendButton()->click();
    QVERIFY(finished.wait(deliveryWaitMs));
    QVERIFY2(dialog.lastResult()->success(), qPrintable(dialog.lastResult()->errorText));
    QCOMPARE(dialog.lastResult()->status, 204);
    QCOMPARE(dialog.responseView()->sizeLabel()->text(), u"empty"_s);
    rows = recorded(webhook);
    QCOMPARE(rows.size(), 2);
    QVERIFY(rows.first().success);

    // Escape during a send cancels it and keeps the dialog open.
    hang = true;
    dialog.sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 3, deliveryWaitMs);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(finished.wait(deliveryWaitMs));
    QCOMPARE(dialog.lastResult()->error, DeliveryResult::Error::Cancelled);
    QVERIFY(dialog.isVisible());
}

void TestTestSendDialog::untrustedCertificate()
{
    // The receiver's certificate comes from an authority the webhook's CA bundle does not hold.
    TestHttpsServer receiver(m_otherPki.issue(u"localhost"_s, {u"localhost"_s}));
    receiver.setHandler([](const ReceivedRequest &) { return answer(200, "OK"); });
    const Webhook webhook = storedWebhook(u"Misconfigured receiver"_s, receiver.url(u"localhost"_s, u"/hook"_s));
    TestSendDialog dialog(services(), webhook);
    dialog.show();
    QSignalSpy finished(&dialog, &TestSendDialog::sendFinished);
    dialog.sendButton()->click();
    QVERIFY(finished.wait(deliveryWaitMs));

    QCOMPARE(dialog.lastResult()->error, DeliveryResult::Error::Tls);
    QVERIFY(receiver.requests().isEmpty());
    QVERIFY2(dialog.outcomeLabel()->text().contains(u"certificate was not accepted"_s), qPrintable(dialog.outcomeLabel()->text()));
    const QString diagnosis = dialog.diagnosisLabel()->text();
    QVERIFY2(diagnosis.contains(u"Certificate problems:"_s) && diagnosis.contains(u"issued by Some Other CA"_s),
             qPrintable(diagnosis));
    QVERIFY(diagnosis.contains(u"CA bundle"_s));
    QCOMPARE(dialog.responseView()->summaryLabel()->text(), u"No answer was received."_s);
    QCOMPARE(dialog.requestView()->titleLabel()->text(), u"Request (not sent)"_s);
    const QList<DeliveryRecord> rows = recorded(webhook);
    QCOMPARE(rows.size(), 1);
    QVERIFY(rows.first().error.startsWith(u"tls: "_s));
    saveScreenshot(dialog, u"test-send-tls.png"_s);
}

void TestTestSendDialog::missingSigningSecret()
{
    TestHttpsServer receiver(m_localhost);
    Webhook webhook = storedWebhook(u"Signed receiver"_s, receiver.url(u"localhost"_s, u"/hook"_s));
    QVERIFY(m_secrets->setAndWait(webhook, SigningSecret::generate()).ok());
    // Set in an old console's keychain only: the database knows the secret, the sealed store has no copy.
    QVERIFY(m_keychain->removeAndWait(WebhookSecrets::signingKey(webhook.id)).ok());

    TestSendDialog dialog(services(), webhook);
    dialog.show();
    QSignalSpy refused(&dialog, &TestSendDialog::sendRefused);
    QSignalSpy finished(&dialog, &TestSendDialog::sendFinished);
    dialog.sendButton()->click();
    QTRY_COMPARE(refused.size(), 1);
    const QString message = refused.first().at(0).toString();
    QVERIFY2(message.contains(u"cannot be signed"_s) && message.contains(u"not in the sealed store"_s),
             qPrintable(message));
    QVERIFY(dialog.diagnosisLabel()->text().contains(message));
    QVERIFY(dialog.outcomeLabel()->text().contains(u"Not sent"_s));
    QCOMPARE(finished.size(), 0);
    QVERIFY(receiver.requests().isEmpty());
    QVERIFY(recorded(webhook).isEmpty());
    QCOMPARE(dialog.state(), TestSendDialog::State::Idle);
    QVERIFY(dialog.sendButton()->isEnabled());
}

void TestTestSendDialog::epicWithoutKey()
{
    TestHttpsServer receiver(m_localhost);
    Webhook webhook = makeWebhook(u"Epic production"_s, WebhookKind::Epic);
    webhook.url = receiver.url(u"localhost"_s, u"/api/FHIR/R4"_s);
    webhook.allowLoopbackHttp = true;
    webhook.caFile = m_caBundle;
    webhook.epic.clientId = u"goreporter-backend"_s;
    webhook.epic.tokenUrl = receiver.url(u"localhost"_s, u"/oauth2/token"_s);
    webhook.epic.fhirBaseUrl = receiver.url(u"localhost"_s, u"/api/FHIR/R4"_s);
    webhook.epic.scope = u"system/DiagnosticReport.write"_s;
    const Result<void> created = m_webhooks->create(webhook);
    QVERIFY2(created.ok(), qPrintable(created.message()));
    m_webhookIds.append(webhook.id);

    TestSendDialog dialog(services(), webhook);
    dialog.show();
    QSignalSpy refused(&dialog, &TestSendDialog::sendRefused);
    dialog.sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, deliveryWaitMs);
    const QString message = refused.first().at(0).toString();
    QVERIFY2(message.contains(u"holds no Epic private key for “Epic production”"_s), qPrintable(message));
    // The way to a key is the editor's button, not a command.
    QVERIFY2(message.contains(u"Generate key pair"_s), qPrintable(message));
    QVERIFY(dialog.diagnosisLabel()->text().contains(message));
    QVERIFY(receiver.requests().isEmpty());
    QVERIFY(recorded(webhook).isEmpty());
    QCOMPARE(dialog.state(), TestSendDialog::State::Idle);
}

void TestTestSendDialog::throughARunningDispatcher()
{
    TestHttpsServer receiver(m_localhost);
    receiver.setHandler([](const ReceivedRequest &) { return answer(200, "OK", R"({"received":true})"); });
    const Webhook unsigned_ = storedWebhook(u"Ward monitor"_s, receiver.url(u"localhost"_s, u"/hooks/ward"_s));

    // None runs: the test goes directly, and the dispatcher is not offered.
    {
        TestSendDialog dialog(services(), unsigned_);
        QSignalSpy read(&dialog, &TestSendDialog::dispatchersRead);
        QVERIFY(read.wait(10000));
        QCOMPARE(dialog.route(), TestSendDialog::Route::Direct);
        QVERIFY(!dialog.setRoute(TestSendDialog::Route::Dispatcher));
        QCOMPARE(dialog.routeCombo()->itemText(0), u"Through a dispatcher (none is running)"_s);
        auto *items = qobject_cast<QStandardItemModel *>(dialog.routeCombo()->model());
        QVERIFY(items && !items->item(0)->isEnabled());
    }

    // The dispatcher runs on a host of its own, with its key in a file: a machine that waits for approval.
    QTemporaryDir hostFolder;
    const QString hostKey = hostFolder.filePath(u"machine.key"_s);
    const Result<MachineIdentity> waitingKey = MachineIdentity::generate(u"dispatcher-host"_s);
    QVERIFY(waitingKey);
    SecretStore unusedKeychain;
    QVERIFY(MachineKeyStore::file(unusedKeychain, hostKey).saveAndWait(*waitingKey));
    MachineRecord waiting{waitingKey->fingerprint(), u"dispatcher-host"_s, waitingKey->certificatePem()};
    QVERIFY(MachineRegistry(*m_db.database).enroll(waiting, QDateTime::currentDateTimeUtc()));
    QProcess dispatcher;
    prepareCommand(dispatcher, {u"--database"_s, m_db.storage->urlText(), u"dispatch"_s},
                   {{u"GOREPORTER_MACHINE_KEY_FILE"_s, hostKey}});
    dispatcher.start();
    QVERIFY(dispatcher.waitForStarted());
    const QString owner = u"%1:%2"_s.arg(QSysInfo::machineHostName()).arg(dispatcher.processId());

    TestSendDialog dialog(services(), unsigned_);
    dialog.resize(1024, 700);
    dialog.show();
    QSignalSpy read(&dialog, &TestSendDialog::dispatchersRead);
    // The dispatcher's row appears once it has started.
    for (int tries = 0; tries < 100 && dialog.runningDispatchers().isEmpty(); ++tries) {
        QVERIFY(read.wait(10000));
        if (dialog.runningDispatchers().isEmpty()) {
            QTest::qWait(200);
            dialog.readDispatchers();
        }
    }
    QCOMPARE(dialog.runningDispatchers(), QStringList{owner});
    QCOMPARE(dialog.route(), TestSendDialog::Route::Dispatcher);
    QCOMPARE(dialog.routeCombo()->currentText(), u"Through the dispatcher %1"_s.arg(owner));
    QSignalSpy finished(&dialog, &TestSendDialog::sendFinished);
    dialog.sendButton()->click();
    QVERIFY(dialog.stageLabel()->text().contains(u"dispatcher"_s));
    QVERIFY(finished.wait(deliveryWaitMs));
    QVERIFY2(dialog.lastResult()->success(), qPrintable(dialog.lastResult()->errorText));
    QCOMPARE(dialog.lastDispatcher(), owner);
    QVERIFY2(dialog.outcomeLabel()->text().contains(u"Delivered: HTTP 200 OK"_s), qPrintable(dialog.outcomeLabel()->text()));
    QVERIFY2(dialog.recordLabel()->text().startsWith(u"Sent by the dispatcher %1."_s.arg(owner)),
             qPrintable(dialog.recordLabel()->text()));
    QCOMPARE(dialog.responseView()->bodyView()->toPlainText(), PreviewPane::prettyPrinted(R"({"received":true})"));
    QCOMPARE(dialog.requestView()->bodyView()->toPlainText(),
             PreviewPane::prettyPrinted(receiver.requests().last().body));
    const QList<DeliveryRecord> rows = recorded(unsigned_);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().trigger, DeliveryTrigger::Test);
    QCOMPARE(dialog.lastRecord()->id, rows.first().id);
    saveScreenshot(dialog, u"test-send-through-dispatcher.png"_s);

    // A secret this workstation can open but the waiting dispatcher host cannot: the dispatcher says it cannot
    // sign, and the dialog says what to do.
    Webhook signed_ = storedWebhook(u"Signed ward"_s, receiver.url(u"localhost"_s, u"/hooks/signed"_s));
    const QString secret = SigningSecret::generate();
    QVERIFY(m_secrets->setAndWait(signed_, secret).ok());
    QVERIFY(dialog.setWebhook(signed_));
    QVERIFY(dialog.setRoute(TestSendDialog::Route::Dispatcher));
    QSignalSpy refused(&dialog, &TestSendDialog::sendRefused);
    dialog.sendButton()->click();
    QVERIFY(refused.wait(deliveryWaitMs));
    const QString message = refused.first().at(0).toString();
    QVERIFY2(message.startsWith(u"The dispatcher %1 cannot sign the request"_s.arg(owner)), qPrintable(message));
    QVERIFY2(message.contains(u"waits for approval"_s) && message.contains(waitingKey->fingerprint()),
             qPrintable(message));
    QCOMPARE(receiver.requests().size(), 1);

    // Approved and the credentials re-sealed for it (as the Machines dialog does): the dispatcher signs.
    QVERIFY(MachineRegistry(*m_db.database).approve(waitingKey->fingerprint(), QDateTime::currentDateTimeUtc()));
    const Result<ResealOutcome> resealed = CredentialResealing::resealOn(*m_db.database, m_keychain->identity());
    QVERIFY_OK(resealed);
    QCOMPARE(resealed->resealed, 1);
    dialog.sendButton()->click();
    QVERIFY(finished.wait(deliveryWaitMs));
    QVERIFY2(dialog.lastResult()->success(), qPrintable(dialog.lastResult()->errorText));
    QCOMPARE(dialog.lastDispatcher(), owner);
    const ReceivedRequest signedRequest = receiver.requests().last();
    QVERIFY(signedRequest.header("webhook-signature").contains(standardWebhooksSignature(signedRequest, secret)));
    QVERIFY(dialog.setRoute(TestSendDialog::Route::Direct));
    dialog.sendButton()->click();
    QVERIFY(finished.wait(deliveryWaitMs));
    QVERIFY2(dialog.lastResult()->success(), qPrintable(dialog.lastResult()->errorText));
    QVERIFY(dialog.lastDispatcher().isEmpty());
    QVERIFY(!dialog.recordLabel()->text().contains(u"dispatcher"_s));

    ::kill(pid_t(dispatcher.processId()), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(dispatcher.state() == QProcess::NotRunning, 15000);
    QCOMPARE(dispatcher.exitCode(), 0);
}

QTEST_MAIN(TestTestSendDialog)
#include "tst_testsenddialog.moc"
