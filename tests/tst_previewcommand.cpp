// "goreporter-webhooks preview": the exact bytes on standard output, headers, stored webhooks, and every bad input.
#include "models/storage/database.h"
#include "models/domain/event.h"
#include "models/storage/webhookrepository.h"
#include "network/payloads/payloadformatter.h"
#include "testsupport/commandrunner.h"
#include "testsupport/testdatabases.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

CommandRun preview(const QStringList &arguments)
{
    return runCommand(QStringList{QStringLiteral("preview")} + arguments);
}

QByteArray expectedBody(WebhookKind kind, const Event &event, PhiLevel phi)
{
    QString error;
    const auto payload = PayloadFormatter::create(kind)->format(event, phi, &error);
    return payload ? payload->body : QByteArray();
}

} // namespace

class tst_PreviewCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void printsExactBody_data();
    void printsExactBody();
    void printsHeadersFirst();
    void phiOption();
    void sampleFileWithUnicode();
    void badSampleFile_data();
    void badSampleFile();
    void epicRefusesTask();
    void usageErrors_data();
    void usageErrors();
    void storedWebhook();

private:
    QTemporaryDir m_folder;
    QString writeFile(const QString &name, const QByteArray &contents);
};

QString tst_PreviewCommand::writeFile(const QString &name, const QByteArray &contents)
{
    const QString path = m_folder.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(contents);
    return path;
}

void tst_PreviewCommand::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("GOREPORTER_EXECUTABLE"), "run through ctest, which names the executable");
    QVERIFY(m_folder.isValid());
}

void tst_PreviewCommand::printsExactBody_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("eventType");
    for (WebhookKind kind : WebhookKinds::all()) {
        for (const QString &type : {QStringLiteral("report.completed"), QStringLiteral("battery.critical"),
                                    QStringLiteral("task.overdue")}) {
            if (PayloadFormatter::create(kind)->supports(type))
                QTest::addRow("%s/%s", qPrintable(WebhookKinds::key(kind)), qPrintable(type)) << WebhookKinds::key(kind) << type;
        }
    }
}

// Without --phi the format's default level applies: none for chat and generic, full for Epic.
void tst_PreviewCommand::printsExactBody()
{
    QFETCH(QString, format);
    QFETCH(QString, eventType);
    const CommandRun run = preview({QStringLiteral("--format"), format, QStringLiteral("--event"), eventType});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const WebhookKind kind = *WebhookKinds::fromKey(format);
    QCOMPARE(run.outBytes, expectedBody(kind, EventSamples::sample(eventType), WebhookKinds::defaultPhiLevel(kind)));
}

void tst_PreviewCommand::printsHeadersFirst()
{
    const CommandRun run = preview({QStringLiteral("--format"), QStringLiteral("epic"), QStringLiteral("--event"),
                             QStringLiteral("battery.low"), QStringLiteral("--headers")});
    QCOMPARE(run.exitCode, 0);
    const QByteArray headers = "Content-Type: application/fhir+json\nAccept: application/fhir+json\n\n";
    QVERIFY(run.outBytes.startsWith(headers));
    QCOMPARE(run.outBytes.mid(headers.size()),
             expectedBody(WebhookKind::Epic, EventSamples::sample(QStringLiteral("battery.low")), PhiLevel::Full));
}

void tst_PreviewCommand::phiOption()
{
    const CommandRun run = preview({QStringLiteral("--format"), QStringLiteral("slack"), QStringLiteral("--event"),
                             QStringLiteral("task.due"), QStringLiteral("--phi"), QStringLiteral("limited")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.outBytes, expectedBody(WebhookKind::Slack, EventSamples::sample(QStringLiteral("task.due")), PhiLevel::Limited));
    QVERIFY(run.err.contains(QStringLiteral("warning: ")));  // patient data going to Slack is worth a warning
}

void tst_PreviewCommand::sampleFileWithUnicode()
{
    Event event = EventSamples::sample(QStringLiteral("battery.critical"));
    event.patient->givenName = QStringLiteral("ليلى 🫀");
    event.patient->familyName = QStringLiteral("בן־דוד");
    const QString path = writeFile(QStringLiteral("unicode.json"), event.toJson());
    const CommandRun run = preview({QStringLiteral("--format"), QStringLiteral("teams"), QStringLiteral("--event"),
                             QStringLiteral("battery.critical"), QStringLiteral("--sample-file"), path,
                             QStringLiteral("--phi"), QStringLiteral("full")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.outBytes, expectedBody(WebhookKind::Teams, event, PhiLevel::Full));
    QVERIFY(run.outBytes.contains(QStringLiteral("ليلى 🫀 בן־דוד").toUtf8()));
}

void tst_PreviewCommand::badSampleFile_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("expected");
    QTest::newRow("malformed") << QByteArray("{\n  \"id\": \"e1\",\n  \"type\" \"battery.low\"\n}")
                               << QStringLiteral("at line 3, column 11");
    QByteArray wrongType = EventSamples::sample(QStringLiteral("battery.low")).toJson();
    wrongType.replace("\"percentage\": 18", "\"percentage\": \"18\"");
    QTest::newRow("wrong type") << wrongType << QStringLiteral("“battery.percentage” must be a number, not a string");
    QByteArray missing = EventSamples::sample(QStringLiteral("battery.low")).toJson();
    missing.replace(QStringLiteral("\"givenName\": \"Zoë\",").toUtf8(), "");
    QTest::newRow("missing field") << missing << QStringLiteral("“patient.givenName” is missing");
    QTest::newRow("other event") << EventSamples::sample(QStringLiteral("task.due")).toJson()
                                 << QStringLiteral("holds a task.due event, not battery.low");
}

void tst_PreviewCommand::badSampleFile()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, expected);
    const QString path = writeFile(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".json"), contents);
    const CommandRun run = preview({QStringLiteral("--format"), QStringLiteral("generic"), QStringLiteral("--event"),
                             QStringLiteral("battery.low"), QStringLiteral("--sample-file"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.outBytes.isEmpty());
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
}

void tst_PreviewCommand::epicRefusesTask()
{
    const CommandRun run = preview({QStringLiteral("--format"), QStringLiteral("epic"), QStringLiteral("--event"),
                             QStringLiteral("task.created")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.outBytes.isEmpty());
    QVERIFY2(run.err.contains(QStringLiteral("“task.created” cannot be sent to Epic")), qPrintable(run.err));
}

void tst_PreviewCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown format") << QStringList{QStringLiteral("--format"), QStringLiteral("fax"), QStringLiteral("--event"), QStringLiteral("battery.low")}
                                    << QStringLiteral("Unknown format “fax”");
    QTest::newRow("unknown phi") << QStringList{QStringLiteral("--format"), QStringLiteral("slack"), QStringLiteral("--event"), QStringLiteral("battery.low"), QStringLiteral("--phi"), QStringLiteral("some")}
                                 << QStringLiteral("Unknown PHI level “some”");
    QTest::newRow("unknown event") << QStringList{QStringLiteral("--format"), QStringLiteral("slack"), QStringLiteral("--event"), QStringLiteral("battery.empty")}
                                   << QStringLiteral("Unknown event “battery.empty”");
    QTest::newRow("no event") << QStringList{QStringLiteral("--format"), QStringLiteral("slack")} << QStringLiteral("--event is required");
    QTest::newRow("neither") << QStringList{QStringLiteral("--event"), QStringLiteral("battery.low")}
                             << QStringLiteral("either --format or --webhook");
    QTest::newRow("both") << QStringList{QStringLiteral("--format"), QStringLiteral("slack"), QStringLiteral("--webhook"), QStringLiteral("x"), QStringLiteral("--event"), QStringLiteral("battery.low")}
                          << QStringLiteral("either --format or --webhook");
    QTest::newRow("phi with webhook") << QStringList{QStringLiteral("--webhook"), QStringLiteral("x"), QStringLiteral("--event"), QStringLiteral("battery.low"), QStringLiteral("--phi"), QStringLiteral("full")}
                                      << QStringLiteral("--phi goes with --format");
}

void tst_PreviewCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CommandRun run = preview(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.outBytes.isEmpty());
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
}

// A stored webhook's kind, PHI level and custom headers decide the output.
void tst_PreviewCommand::storedWebhook()
{
    const auto database = TestDatabase::create(DatabaseUrl::Engine::SQLite);
    QVERIFY(database);
    {
        Database connection;
        QVERIFY2(connection.open(database->url()), qPrintable(connection.errorString()));
        WebhookRepository repository(connection);
        Webhook webhook;
        webhook.name = QStringLiteral("Cardiology Teams");
        webhook.kind = WebhookKind::Teams;
        webhook.url = QUrl(QStringLiteral("https://example.webhook.office.com/webhookb2/abc"));
        webhook.events = {QStringLiteral("battery.low")};
        webhook.phiLevel = PhiLevel::Limited;
        webhook.headers = {{QStringLiteral("X-Team"), QStringLiteral("cardiology")}};
        const Result<void> result = repository.create(webhook);
        QVERIFY2(result.ok(), qPrintable(result.message()));
    }
    const QStringList common = {QStringLiteral("--webhook"), QStringLiteral("Cardiology Teams"),
                                QStringLiteral("--database"), database->urlText()};

    CommandRun run = preview(common + QStringList{QStringLiteral("--event"), QStringLiteral("battery.low"), QStringLiteral("--headers")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QByteArray headers = "Content-Type: application/json\nX-Team: cardiology\n\n";
    QVERIFY(run.outBytes.startsWith(headers));
    QCOMPARE(run.outBytes.mid(headers.size()),
             expectedBody(WebhookKind::Teams, EventSamples::sample(QStringLiteral("battery.low")), PhiLevel::Limited));

    run = preview(common + QStringList{QStringLiteral("--event"), QStringLiteral("task.due")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("does not subscribe to task.due")), qPrintable(run.err));

    run = preview({QStringLiteral("--webhook"), QStringLiteral("Nobody"), QStringLiteral("--database"), database->urlText(),
                   QStringLiteral("--event"), QStringLiteral("battery.low")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Nobody")), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(tst_PreviewCommand)
#include "tst_previewcommand.moc"
