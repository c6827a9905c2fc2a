// The payload formatters: golden files for every format and event, PHI levels, limits, Unicode, and event JSON input.
#include "models/domain/event.h"
#include "models/domain/eventtype.h"
#include "models/domain/payloadtext.h"
#include "network/payloads/epicformatter.h"
#include "network/payloads/payloadformatter.h"
#include "network/payloads/phiview.h"
#include "network/payloads/slackformatter.h"
#include "network/payloads/teamsformatter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTranslator>
#include <QFileInfo>
#include <QTest>

namespace {

// Golden files live in the source tree; set GOREPORTER_UPDATE_GOLDEN=1 to rewrite them, then review the diff.
QString goldenDirectory()
{
    return qEnvironmentVariable("GOREPORTER_SOURCE_DIR") + QStringLiteral("/tests/data/golden");
}

bool updatingGoldenFiles()
{
    return qEnvironmentVariable("GOREPORTER_UPDATE_GOLDEN") == QLatin1String("1");
}

QStringList eventTypes()
{
    QStringList names;
    for (const EventType &type : EventCatalog::builtIn())
        names.append(type.name);
    return names;
}

// The events about a patient: all but the webhooks' own operations events.
bool aboutAPatient(const QString &eventType)
{
    const EventType *type = EventCatalog::find(eventType);
    return type && type->category != EventCategory::Operations;
}

Payload formatOrFail(WebhookKind kind, const Event &event, PhiLevel phi)
{
    QString error;
    const auto payload = PayloadFormatter::create(kind)->format(event, phi, &error);
    if (!payload)
        qWarning("format failed: %s", qPrintable(error));
    return payload.value_or(Payload{});
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QByteArray headerValue(const Payload &payload, const QByteArray &name)
{
    for (const auto &[headerName, value] : payload.headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// Every Slack limit, checked on any Slack body a test produces.
void verifySlackLimits(const QByteArray &body)
{
    const QJsonObject message = parseObject(body);
    QVERIFY(message.value(QStringLiteral("text")).toString().size() <= SlackFormatter::maxText);
    const QJsonArray blocks = message.value(QStringLiteral("blocks")).toArray();
    QVERIFY(!blocks.isEmpty());
    QVERIFY(blocks.size() <= SlackFormatter::maxBlocks);
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        const QString type = block.value(QStringLiteral("type")).toString();
        const QString text = block.value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString();
        if (type == QLatin1String("header"))
            QVERIFY2(text.size() <= SlackFormatter::maxHeaderText, qPrintable(QString::number(text.size())));
        else if (type == QLatin1String("section"))
            QVERIFY2(text.size() <= SlackFormatter::maxSectionText, qPrintable(QString::number(text.size())));
    }
}

bool anyWarningContains(const Payload &payload, const QString &fragment)
{
    for (const QString &warning : payload.warnings) {
        if (warning.contains(fragment))
            return true;
    }
    return false;
}

const QList<WebhookKind> allKinds = WebhookKinds::all();

} // namespace

class tst_Payloads : public QObject
{
    Q_OBJECT

    // Rows of (kind, eventType) for every event each integration carries; patientEventsOnly: only those about a
    // patient.
    static void addFormatRows(bool patientEventsOnly);

private slots:
    void golden_data();
    void golden();
    void bytesDoNotFollowTheConsoleLanguage();
    void payloadLanguageOfTheWebhook();
    void teamsCardIsFoundInItsMessage();
    void headers_data();
    void headers();
    void samplesRoundTrip_data();
    void samplesRoundTrip();
    void phiNone_data();
    void phiNone();
    void phiLimited_data();
    void phiLimited();
    void phiFull_data();
    void phiFull();
    void phiWarnings();
    void unicodeSurvives_data();
    void unicodeSurvives();
    void operationsEventsCarryNoPatientData_data();
    void operationsEventsCarryNoPatientData();
    void cutKeepsCharactersWhole();
    void slackHeaderLimit();
    void slackSectionLimit();
    void slackBlockLimit();
    void slackTextLimit();
    void slackEscapesControlCharacters();
    void teamsSizeLimit();
    void teamsContainerStyles_data();
    void teamsContainerStyles();
    void epicRefusesTasks_data();
    void epicRefusesTasks();
    void epicDiagnosticReport();
    void epicWithoutPatientWarns();
    void badEventJson_data();
    void badEventJson();
};

void tst_Payloads::golden_data()
{
    addFormatRows(false);
}

void tst_Payloads::addFormatRows(bool patientEventsOnly)
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("eventType");
    for (WebhookKind kind : allKinds) {
        const auto formatter = PayloadFormatter::create(kind);
        for (const QString &type : eventTypes()) {
            if (formatter->supports(type) && (!patientEventsOnly || aboutAPatient(type)))
                QTest::addRow("%s/%s", qPrintable(WebhookKinds::key(kind)), qPrintable(type)) << int(kind) << type;
        }
    }
}

// The golden file is the body pretty-printed for review; the body must be exactly its compact form.
void tst_Payloads::golden()
{
    QFETCH(int, kind);
    QFETCH(QString, eventType);
    const Event event = EventSamples::sample(eventType);
    const Payload payload = formatOrFail(WebhookKind(kind), event, PhiLevel::Full);
    QVERIFY(!payload.body.isEmpty());
    QCOMPARE(formatOrFail(WebhookKind(kind), event, PhiLevel::Full).body, payload.body);  // deterministic

    const QString path = goldenDirectory() + QLatin1Char('/') + WebhookKinds::key(WebhookKind(kind)) + QLatin1Char('/')
                         + eventType + QStringLiteral(".json");
    const QByteArray pretty = QJsonDocument::fromJson(payload.body).toJson(QJsonDocument::Indented);
    if (updatingGoldenFiles()) {
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
        file.write(pretty);
        qInfo("rewrote %s", qPrintable(path));
        return;
    }
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path + QStringLiteral(" is missing; run with GOREPORTER_UPDATE_GOLDEN=1")));
    const QByteArray golden = file.readAll();
    QCOMPARE(pretty, golden);
    QCOMPARE(payload.body, QJsonDocument::fromJson(golden).toJson(QJsonDocument::Compact));
    if (WebhookKind(kind) == WebhookKind::Slack)
        verifySlackLimits(payload.body);
    if (WebhookKind(kind) == WebhookKind::Teams)
        QVERIFY(payload.body.size() <= TeamsFormatter::maxBodyBytes);
}

void tst_Payloads::headers_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<qsizetype>("sizeLimit");
    QTest::newRow("slack") << int(WebhookKind::Slack) << QByteArray("application/json") << qsizetype(0);
    QTest::newRow("teams") << int(WebhookKind::Teams) << QByteArray("application/json") << qsizetype(28 * 1024);
    QTest::newRow("epic") << int(WebhookKind::Epic) << QByteArray("application/fhir+json") << qsizetype(0);
    QTest::newRow("generic") << int(WebhookKind::Generic) << QByteArray("application/json") << qsizetype(0);
}

void tst_Payloads::headers()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, contentType);
    QFETCH(qsizetype, sizeLimit);
    const Payload payload = formatOrFail(WebhookKind(kind), EventSamples::sample(QStringLiteral("battery.low")), PhiLevel::None);
    QCOMPARE(headerValue(payload, "Content-Type"), contentType);
    QCOMPARE(payload.sizeLimit, sizeLimit);
    QCOMPARE(PayloadFormatter::create(WebhookKind(kind))->kind(), WebhookKind(kind));
}

void tst_Payloads::samplesRoundTrip_data()
{
    QTest::addColumn<QString>("eventType");
    for (const QString &type : eventTypes())
        QTest::newRow(qPrintable(type)) << type;
}

void tst_Payloads::samplesRoundTrip()
{
    QFETCH(QString, eventType);
    const Event sample = EventSamples::sample(eventType);
    QCOMPARE(sample.type, eventType);
    // Operations events are about a webhook, never about a patient.
    QCOMPARE(sample.patient.has_value(), aboutAPatient(eventType));
    QCOMPARE(sample.webhook.has_value(), !aboutAPatient(eventType));
    QCOMPARE(sample.delivery.has_value(), eventType == QStringLiteral("delivery.exhausted"));
    QString error;
    const auto parsed = Event::fromJson(sample.toJson(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(*parsed == sample);
    QCOMPARE(parsed->toJson(), sample.toJson());
}

void tst_Payloads::phiNone_data()
{
    addFormatRows(true);
}

// Nothing about the patient, nor free text or the serial number, may appear anywhere in the bytes.
void tst_Payloads::phiNone()
{
    QFETCH(int, kind);
    QFETCH(QString, eventType);
    const Event event = EventSamples::sample(eventType);
    const Payload payload = formatOrFail(WebhookKind(kind), event, PhiLevel::None);
    QVERIFY(!payload.body.isEmpty());
    const EventPatient &patient = *event.patient;
    QStringList forbidden = {patient.mrn, patient.givenName, patient.familyName, patient.initials(),
                             patient.birthDate.toString(Qt::ISODate)};
    forbidden += patient.givenName.split(QLatin1Char(' ')) + patient.familyName.split(QRegularExpression(QStringLiteral("[ -]")));
    if (event.battery)
        forbidden.append(event.battery->serial);
    if (event.task)
        forbidden += {event.task->title, event.task->assignee};
    if (event.report) {
        forbidden += {event.report->physician, event.report->clinic};
        if (!event.report->conclusion.isEmpty())
            forbidden.append(event.report->conclusion.left(20));
        if (event.report->pdf)
            forbidden.append(QString::fromLatin1(event.report->pdf->base64.left(40)));
    }
    for (const QString &text : std::as_const(forbidden)) {
        if (!text.isEmpty())
            QVERIFY2(!payload.body.contains(text.toUtf8()), qPrintable(QStringLiteral("found “%1”").arg(text)));
    }
    QVERIFY(payload.body.contains(event.id.toUtf8()) || WebhookKind(kind) == WebhookKind::Teams
            || WebhookKind(kind) == WebhookKind::Epic);
    QVERIFY(payload.body.contains(event.link().toString(QUrl::FullyEncoded).toUtf8()));
}

void tst_Payloads::phiLimited_data()
{
    addFormatRows(true);
}

void tst_Payloads::phiLimited()
{
    QFETCH(int, kind);
    QFETCH(QString, eventType);
    const Event event = EventSamples::sample(eventType);
    const Payload payload = formatOrFail(WebhookKind(kind), event, PhiLevel::Limited);
    const EventPatient &patient = *event.patient;
    QVERIFY(payload.body.contains(patient.mrn.toUtf8()));
    // Epic identifies the patient by MRN alone; the chat and generic formats show the initials as well.
    if (WebhookKind(kind) != WebhookKind::Epic)
        QVERIFY2(payload.body.contains(patient.initials().toUtf8()), qPrintable(patient.initials()));
    const QStringList forbidden = patient.givenName.split(QLatin1Char(' '))
                                  + patient.familyName.split(QRegularExpression(QStringLiteral("[ -]")))
                                  + QStringList{patient.birthDate.toString(Qt::ISODate)};
    for (const QString &text : forbidden)
        QVERIFY2(!payload.body.contains(text.toUtf8()), qPrintable(QStringLiteral("found “%1”").arg(text)));
    if (event.battery)
        QVERIFY(!payload.body.contains(event.battery->serial.toUtf8()));
}

void tst_Payloads::phiFull_data()
{
    addFormatRows(true);
}

void tst_Payloads::phiFull()
{
    QFETCH(int, kind);
    QFETCH(QString, eventType);
    const Event event = EventSamples::sample(eventType);
    const Payload payload = formatOrFail(WebhookKind(kind), event, PhiLevel::Full);
    QVERIFY(payload.body.contains(event.patient->fullName().toUtf8())
            || (payload.body.contains(event.patient->givenName.toUtf8())
                && payload.body.contains(event.patient->familyName.toUtf8())));
    QVERIFY(payload.body.contains(event.patient->mrn.toUtf8()));
}

void tst_Payloads::phiWarnings()
{
    const Event event = EventSamples::sample(QStringLiteral("report.completed"));
    for (WebhookKind kind : {WebhookKind::Slack, WebhookKind::Teams, WebhookKind::Generic}) {
        QVERIFY(formatOrFail(kind, event, PhiLevel::None).warnings.isEmpty());
        QVERIFY(anyWarningContains(formatOrFail(kind, event, PhiLevel::Limited), QStringLiteral("“limited”")));
        QVERIFY(anyWarningContains(formatOrFail(kind, event, PhiLevel::Full), QStringLiteral("“full”")));
    }
    QVERIFY(formatOrFail(WebhookKind::Epic, event, PhiLevel::Full).warnings.isEmpty());
    QVERIFY(anyWarningContains(formatOrFail(WebhookKind::Epic, event, PhiLevel::Limited), QStringLiteral("PDF")));
}

void tst_Payloads::unicodeSurvives_data()
{
    golden_data();
}

// Accents, right-to-left scripts and emoji (including a joined sequence) reach the receiver as the same UTF-8 bytes.
void tst_Payloads::unicodeSurvives()
{
    QFETCH(int, kind);
    QFETCH(QString, eventType);
    Event event = EventSamples::sample(eventType);
    const QString given = QStringLiteral("ليلى");                  // Arabic
    const QString family = QStringLiteral("בן־דוד Ångström");     // Hebrew with maqaf, then Latin with a ring
    const QString physician = QStringLiteral("Dr. Ngọc Ánh 👩🏽‍⚕️");  // Vietnamese stacked accents, ZWJ emoji
    if (event.webhook) {
        event.webhook->name = given + u' ' + family;
        event.webhook->lastError = physician;
    } else {
        event.patient->givenName = given;
        event.patient->familyName = family;
    }
    if (event.report)
        event.report->physician = physician;
    if (event.task)
        event.task->assignee = physician;
    const Payload payload = formatOrFail(WebhookKind(kind), event, PhiLevel::Full);
    QVERIFY(!payload.body.isEmpty());
    QVERIFY2(payload.body.contains(given.toUtf8()), payload.body.constData());
    QVERIFY2(payload.body.contains(family.toUtf8()), payload.body.constData());
    QVERIFY2(payload.body.contains(physician.toUtf8()), payload.body.constData());
    const QJsonDocument document = QJsonDocument::fromJson(payload.body);
    QVERIFY(document.isObject());
    QCOMPARE(document.toJson(QJsonDocument::Compact), payload.body);
}

void tst_Payloads::operationsEventsCarryNoPatientData_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("eventType");
    for (WebhookKind kind : allKinds) {
        for (const QString &type : eventTypes()) {
            if (!aboutAPatient(type) && PayloadFormatter::create(kind)->supports(type))
                QTest::addRow("%s/%s", qPrintable(WebhookKinds::key(kind)), qPrintable(type)) << int(kind) << type;
        }
    }
}

// An alert for IT tells what failed, since when, the last error and where to read on, the same at every PHI level,
// and warns of no patient data because it has none.
void tst_Payloads::operationsEventsCarryNoPatientData()
{
    QFETCH(int, kind);
    QFETCH(QString, eventType);
    const Event event = EventSamples::sample(eventType);
    const Payload none = formatOrFail(WebhookKind(kind), event, PhiLevel::None);
    const Payload full = formatOrFail(WebhookKind(kind), event, PhiLevel::Full);
    QCOMPARE(none.body, full.body);
    QVERIFY(full.warnings.isEmpty());
    for (const QString &expected : {event.webhook->name, event.webhook->host,
                                    event.webhook->link.toString(QUrl::FullyEncoded)})
        QVERIFY2(full.body.contains(expected.toUtf8()), qPrintable(expected));
    if (!event.webhook->lastError.isEmpty())
        QVERIFY(full.body.contains(event.webhook->lastError.toUtf8()));
    if (event.delivery)
        QVERIFY(full.body.contains(event.delivery->eventId.toUtf8()));
}

void tst_Payloads::cutKeepsCharactersWhole()
{
    const QString family = QStringLiteral("👩🏽‍⚕️");  // five code points, seven UTF-16 units, one character
    const QString text = QStringLiteral("ab") + family;
    for (qsizetype length = 1; length <= text.size(); ++length) {
        const QString cut = TextCut::cut(text, length);
        QVERIFY(cut.size() <= length);
        QVERIFY(cut == text || cut == QStringLiteral("ab…").left(cut.size()) || cut == QStringLiteral("a…")
                || cut == QStringLiteral("…"));
    }
    QCOMPARE(TextCut::cut(text, text.size()), text);
    QCOMPARE(TextCut::cut(QStringLiteral("Zoë"), 2), QStringLiteral("Z…"));
}

void tst_Payloads::slackHeaderLimit()
{
    Event event = EventSamples::sample(QStringLiteral("task.created"));
    event.task->title = QString(400, QLatin1Char('x'));
    const Payload payload = formatOrFail(WebhookKind::Slack, event, PhiLevel::Full);
    verifySlackLimits(payload.body);
    const QString header = parseObject(payload.body)
                               .value(QStringLiteral("blocks")).toArray().first().toObject()
                               .value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString();
    QCOMPARE(header.size(), SlackFormatter::maxHeaderText);
    QVERIFY(header.endsWith(QChar(u'…')));
    QVERIFY(anyWarningContains(payload, QStringLiteral("header")));
    QVERIFY(payload.body.contains("Shortened to fit Slack's limits"));
}

void tst_Payloads::slackSectionLimit()
{
    Event event = EventSamples::sample(QStringLiteral("battery.low"));
    event.patient->familyName = QString(5000, QChar(u'é'));
    const Payload payload = formatOrFail(WebhookKind::Slack, event, PhiLevel::Full);
    verifySlackLimits(payload.body);
    const QString summary = parseObject(payload.body)
                                .value(QStringLiteral("blocks")).toArray().at(1).toObject()
                                .value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString();
    QVERIFY(summary.contains(QStringLiteral("…\n<https://goreporter.example.org/reports/")));  // cut, link kept
    QVERIFY(anyWarningContains(payload, QStringLiteral("summary")));
}

void tst_Payloads::slackBlockLimit()
{
    Event event = EventSamples::sample(QStringLiteral("report.completed"));
    event.report->conclusion = QString(300000, QLatin1Char('<'));  // escaped to &lt;, so four times as long
    const Payload payload = formatOrFail(WebhookKind::Slack, event, PhiLevel::Full);
    verifySlackLimits(payload.body);
    const QJsonArray blocks = parseObject(payload.body).value(QStringLiteral("blocks")).toArray();
    QCOMPARE(blocks.size(), SlackFormatter::maxBlocks);
    QCOMPARE(blocks.last().toObject().value(QStringLiteral("type")).toString(), QStringLiteral("context"));
    const QString lastCode = blocks.at(blocks.size() - 2).toObject().value(QStringLiteral("text")).toObject()
                                 .value(QStringLiteral("text")).toString();
    QVERIFY(lastCode.endsWith(QStringLiteral("…\n```")));
    for (qsizetype i = 2; i < blocks.size() - 1; ++i) {
        const QString code = blocks.at(i).toObject().value(QStringLiteral("text")).toObject()
                                 .value(QStringLiteral("text")).toString();
        QVERIFY(code.startsWith(QStringLiteral("```\n")));
        QVERIFY(!code.contains(QRegularExpression(QStringLiteral("&(a|am|l|lt|g|gt)?\n```$"))));  // no split entity
    }
    QVERIFY(anyWarningContains(payload, QStringLiteral("event JSON")));
}

void tst_Payloads::slackTextLimit()
{
    Event event = EventSamples::sample(QStringLiteral("battery.critical"));
    event.patient->familyName = QString(50000, QLatin1Char('m'));
    const Payload payload = formatOrFail(WebhookKind::Slack, event, PhiLevel::Full);
    verifySlackLimits(payload.body);
    const QString text = parseObject(payload.body).value(QStringLiteral("text")).toString();
    QVERIFY(text.size() <= SlackFormatter::maxText);
    QVERIFY(text.contains(QStringLiteral("…\n<https://")));
    QVERIFY(anyWarningContains(payload, QStringLiteral("notification text")));
}

void tst_Payloads::slackEscapesControlCharacters()
{
    Event event = EventSamples::sample(QStringLiteral("report.created"));
    event.patient->familyName = QStringLiteral("<!channel> & Co");
    const Payload payload = formatOrFail(WebhookKind::Slack, event, PhiLevel::Full);
    QVERIFY(!payload.body.contains("<!channel>"));
    QVERIFY(payload.body.contains("&lt;!channel&gt; &amp; Co"));
}

void tst_Payloads::teamsSizeLimit()
{
    Event event = EventSamples::sample(QStringLiteral("report.completed"));
    const Payload normal = formatOrFail(WebhookKind::Teams, event, PhiLevel::Full);
    QVERIFY(!anyWarningContains(normal, QStringLiteral("bytes")));

    event.report->conclusion = QString(40000, QChar(u'ü'));
    const Payload cut = formatOrFail(WebhookKind::Teams, event, PhiLevel::Full);
    QVERIFY2(cut.body.size() <= TeamsFormatter::maxBodyBytes, qPrintable(QString::number(cut.body.size())));
    QVERIFY(cut.body.contains("…"));
    QVERIFY(cut.body.contains("shortened to fit Teams' 28 KB message limit"));
    QVERIFY(anyWarningContains(cut, QStringLiteral("28672")) || anyWarningContains(cut, QStringLiteral("28,672")));
}

void tst_Payloads::teamsContainerStyles_data()
{
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<QString>("style");
    QTest::newRow("report.created") << QStringLiteral("report.created") << QStringLiteral("accent");
    QTest::newRow("report.completed") << QStringLiteral("report.completed") << QStringLiteral("good");
    QTest::newRow("battery.low") << QStringLiteral("battery.low") << QStringLiteral("warning");
    QTest::newRow("battery.critical") << QStringLiteral("battery.critical") << QStringLiteral("attention");
    QTest::newRow("task.created") << QStringLiteral("task.created") << QStringLiteral("accent");
    QTest::newRow("task.due") << QStringLiteral("task.due") << QStringLiteral("warning");
    QTest::newRow("task.overdue") << QStringLiteral("task.overdue") << QStringLiteral("attention");
}

void tst_Payloads::teamsContainerStyles()
{
    QFETCH(QString, eventType);
    QFETCH(QString, style);
    const Payload payload = formatOrFail(WebhookKind::Teams, EventSamples::sample(eventType), PhiLevel::None);
    const QJsonObject message = parseObject(payload.body);
    QCOMPARE(message.value(QStringLiteral("type")).toString(), QStringLiteral("message"));
    const QJsonObject attachment = message.value(QStringLiteral("attachments")).toArray().first().toObject();
    QCOMPARE(attachment.value(QStringLiteral("contentType")).toString(),
             QStringLiteral("application/vnd.microsoft.card.adaptive"));
    const QJsonObject card = attachment.value(QStringLiteral("content")).toObject();
    QCOMPARE(card.value(QStringLiteral("version")).toString(), QStringLiteral("1.5"));
    const QJsonObject container = card.value(QStringLiteral("body")).toArray().first().toObject();
    QCOMPARE(container.value(QStringLiteral("type")).toString(), QStringLiteral("Container"));
    QCOMPARE(container.value(QStringLiteral("style")).toString(), style);
    QCOMPARE(container.value(QStringLiteral("bleed")).toBool(), true);
    const QJsonObject title = container.value(QStringLiteral("items")).toArray().first().toObject();
    QCOMPARE(title.value(QStringLiteral("weight")).toString(), QStringLiteral("Bolder"));
    const QJsonObject action = card.value(QStringLiteral("actions")).toArray().first().toObject();
    QCOMPARE(action.value(QStringLiteral("type")).toString(), QStringLiteral("Action.OpenUrl"));
    QVERIFY(action.value(QStringLiteral("url")).toString().startsWith(QStringLiteral("https://goreporter.example.org/")));
}

void tst_Payloads::epicRefusesTasks_data()
{
    QTest::addColumn<QString>("eventType");
    QTest::newRow("task.created") << QStringLiteral("task.created");
    QTest::newRow("task.due") << QStringLiteral("task.due");
    QTest::newRow("task.overdue") << QStringLiteral("task.overdue");
}

void tst_Payloads::epicRefusesTasks()
{
    QFETCH(QString, eventType);
    const auto epic = PayloadFormatter::create(WebhookKind::Epic);
    QVERIFY(!epic->supports(eventType));
    QString error;
    QVERIFY(!epic->format(EventSamples::sample(eventType), PhiLevel::Full, &error));
    QVERIFY2(error.contains(eventType) && error.contains(QStringLiteral("DiagnosticReport")), qPrintable(error));
}

void tst_Payloads::epicDiagnosticReport()
{
    const Payload payload = formatOrFail(WebhookKind::Epic, EventSamples::sample(QStringLiteral("battery.low")), PhiLevel::Full);
    const QJsonObject report = parseObject(payload.body);
    QCOMPARE(report.value(QStringLiteral("resourceType")).toString(), QStringLiteral("DiagnosticReport"));
    QCOMPARE(report.value(QStringLiteral("status")).toString(), QStringLiteral("final"));
    const QJsonObject category = report.value(QStringLiteral("category")).toArray().first().toObject()
                                     .value(QStringLiteral("coding")).toArray().first().toObject();
    QCOMPARE(category.value(QStringLiteral("code")).toString(), QStringLiteral("EC"));
    const QJsonObject code = report.value(QStringLiteral("code")).toObject();
    QCOMPARE(code.value(QStringLiteral("coding")).toArray().first().toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("10191-5"));
    QVERIFY(!code.value(QStringLiteral("text")).toString().isEmpty());
    QCOMPARE(report.value(QStringLiteral("subject")).toObject().value(QStringLiteral("identifier")).toObject()
                 .value(QStringLiteral("value")).toString(),
             QStringLiteral("GR-0042-7731"));
    QCOMPARE(report.value(QStringLiteral("result")).toArray().first().toObject().value(QStringLiteral("reference")).toString(),
             QStringLiteral("#battery"));
    const QJsonObject observation = report.value(QStringLiteral("contained")).toArray().first().toObject();
    QCOMPARE(observation.value(QStringLiteral("id")).toString(), QStringLiteral("battery"));
    QStringList codes;
    for (const QJsonValue &component : observation.value(QStringLiteral("component")).toArray()) {
        const QJsonObject coding = component.toObject().value(QStringLiteral("code")).toObject()
                                       .value(QStringLiteral("coding")).toArray().first().toObject();
        QCOMPARE(coding.value(QStringLiteral("system")).toString(), QStringLiteral("urn:iso:std:iso:11073:10101"));
        codes.append(coding.value(QStringLiteral("code")).toString());
    }
    QCOMPARE(codes, (QStringList{QStringLiteral("721280"), QStringLiteral("721536"), QStringLiteral("721472")}));

    const QJsonObject completed = parseObject(
        formatOrFail(WebhookKind::Epic, EventSamples::sample(QStringLiteral("report.completed")), PhiLevel::Full).body);
    const QJsonObject form = completed.value(QStringLiteral("presentedForm")).toArray().first().toObject();
    QCOMPARE(form.value(QStringLiteral("contentType")).toString(), QStringLiteral("application/pdf"));
    QVERIFY(QByteArray::fromBase64(form.value(QStringLiteral("data")).toString().toLatin1()).startsWith("%PDF-1.4"));
    QVERIFY(!completed.contains(QStringLiteral("contained")));
}

void tst_Payloads::epicWithoutPatientWarns()
{
    const Payload payload = formatOrFail(WebhookKind::Epic, EventSamples::sample(QStringLiteral("report.created")), PhiLevel::None);
    QVERIFY(!parseObject(payload.body).contains(QStringLiteral("subject")));
    QVERIFY(anyWarningContains(payload, QStringLiteral("names no patient")));
}

void tst_Payloads::badEventJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const QJsonObject sample = QJsonDocument::fromJson(EventSamples::sample(QStringLiteral("battery.low")).toJson()).object();
    auto modified = [&sample](const std::function<void(QJsonObject &)> &change) {
        QJsonObject copy = sample;
        change(copy);
        return QJsonDocument(copy).toJson();
    };
    auto nested = [](QJsonObject &root, const QString &object, const QString &key, const QJsonValue &value) {
        QJsonObject inner = root.value(object).toObject();
        if (value.isUndefined())
            inner.remove(key);
        else
            inner.insert(key, value);
        root.insert(object, inner);
    };

    QTest::newRow("malformed") << QByteArray("{\n  \"id\": \"e1\",\n  \"type\" \"battery.low\"\n}")
                               << QStringLiteral("at line 3, column 11.");
    QTest::newRow("truncated") << QByteArray("{\"id\": \"é1\", \"type\": ")
                               << QStringLiteral("at line 1, column 22.");
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("must be a JSON object");
    QTest::newRow("percentage as string")
        << modified([&](QJsonObject &o) { nested(o, QStringLiteral("battery"), QStringLiteral("percentage"), QStringLiteral("18")); })
        << QStringLiteral("“battery.percentage” must be a number, not a string.");
    QTest::newRow("percentage out of range")
        << modified([&](QJsonObject &o) { nested(o, QStringLiteral("battery"), QStringLiteral("percentage"), 140); })
        << QStringLiteral("“battery.percentage” must be a whole number from 0 to 100, not 140.");
    QTest::newRow("patient as array")
        << modified([](QJsonObject &o) { o.insert(QStringLiteral("patient"), QJsonArray{1}); })
        << QStringLiteral("“patient” must be an object, not an array.");
    QTest::newRow("id as number") << modified([](QJsonObject &o) { o.insert(QStringLiteral("id"), 7); })
                                  << QStringLiteral("“id” must be a string, not a number.");
    QTest::newRow("missing report id")
        << modified([&](QJsonObject &o) { nested(o, QStringLiteral("report"), QStringLiteral("id"), QJsonValue(QJsonValue::Undefined)); })
        << QStringLiteral("“report.id” is missing.");
    QTest::newRow("missing battery") << modified([](QJsonObject &o) { o.remove(QStringLiteral("battery")); })
                                     << QStringLiteral("“battery” is missing.");
    QTest::newRow("missing timestamp") << modified([](QJsonObject &o) { o.remove(QStringLiteral("timestamp")); })
                                       << QStringLiteral("“timestamp” is missing.");
    QTest::newRow("missing type") << modified([](QJsonObject &o) { o.remove(QStringLiteral("type")); })
                                  << QStringLiteral("“type” is missing.");
    QTest::newRow("empty mrn")
        << modified([&](QJsonObject &o) { nested(o, QStringLiteral("patient"), QStringLiteral("mrn"), QStringLiteral(" ")); })
        << QStringLiteral("“patient.mrn” must not be empty.");
    QTest::newRow("unknown event type")
        << modified([](QJsonObject &o) { o.insert(QStringLiteral("type"), QStringLiteral("battery.empty")); })
        << QStringLiteral("“battery.empty” is not a goReporter event type; expected one of: report.created,");
    QTest::newRow("unknown status")
        << modified([&](QJsonObject &o) { nested(o, QStringLiteral("report"), QStringLiteral("status"), QStringLiteral("signed")); })
        << QStringLiteral("“report.status” must be one of preliminary, final, amended, cancelled, not “signed”.");
    QTest::newRow("misspelt key")
        << modified([&](QJsonObject &o) { nested(o, QStringLiteral("patient"), QStringLiteral("familyname"), QStringLiteral("X")); })
        << QStringLiteral("“patient.familyname” is not a field of the event");
    QTest::newRow("timestamp without zone")
        << modified([](QJsonObject &o) { o.insert(QStringLiteral("timestamp"), QStringLiteral("2026-03-14T09:26:53")); })
        << QStringLiteral("“timestamp” must include a time zone");
    QTest::newRow("timestamp not a date")
        << modified([](QJsonObject &o) { o.insert(QStringLiteral("timestamp"), QStringLiteral("yesterday")); })
        << QStringLiteral("“timestamp” must be a date and time like 2026-03-14T09:26:53Z, not “yesterday”.");
    QTest::newRow("birth date not a date")
        << modified([&](QJsonObject &o) { nested(o, QStringLiteral("patient"), QStringLiteral("birthDate"), QStringLiteral("1948-02-30")); })
        << QStringLiteral("“patient.birthDate” must be a date like 2026-03-14, not “1948-02-30”.");
    QTest::newRow("link not http")
        << modified([&](QJsonObject &o) { nested(o, QStringLiteral("report"), QStringLiteral("link"), QStringLiteral("ftp://x/y")); })
        << QStringLiteral("“report.link” must be an http or https address, not “ftp://x/y”.");
    QTest::newRow("pdf not base64")
        << modified([&](QJsonObject &o) {
               nested(o, QStringLiteral("report"), QStringLiteral("pdf"),
                      QJsonObject{{QStringLiteral("contentType"), QStringLiteral("application/pdf")},
                                  {QStringLiteral("data"), QStringLiteral("not*base64")}});
           })
        << QStringLiteral("“report.pdf.data” is not valid base64.");
    const QJsonObject task = QJsonDocument::fromJson(EventSamples::sample(QStringLiteral("task.overdue")).toJson()).object();
    QJsonObject notOverdue = task;
    nested(notOverdue, QStringLiteral("task"), QStringLiteral("daysOverdue"), QJsonValue(QJsonValue::Undefined));
    QTest::newRow("overdue without days") << QJsonDocument(notOverdue).toJson()
                                          << QStringLiteral("“task.daysOverdue” must be at least 1");
}

void tst_Payloads::badEventJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!Event::fromJson(json, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    if (QByteArray(QTest::currentDataTag()) == "malformed" || QByteArray(QTest::currentDataTag()) == "truncated")
        QVERIFY2(error.startsWith(QStringLiteral("The event is not valid JSON: ")), qPrintable(error));
}

void tst_Payloads::bytesDoNotFollowTheConsoleLanguage()
{
    // A German console sends exactly what an English one sends: what a receiver gets never depends on who
    // previewed or sent it. The long texts are the ones that used to follow the console (titles, facts, FHIR text).
    struct Case { WebhookKind kind; QString event; PhiLevel phi; };
    QList<Case> cases;
    for (WebhookKind kind : WebhookKinds::all()) {
        for (const EventType &type : EventCatalog::builtIn()) {
            for (PhiLevel phi : PhiLevels::all())
                cases.append({kind, type.name, phi});
        }
    }
    auto formatAll = [&cases] {
        QList<QByteArray> bodies;
        for (const Case &c : cases) {
            QString error;
            const auto payload = PayloadFormatter::create(c.kind)->format(EventSamples::sample(c.event), c.phi, &error);
            // An event the integration cannot carry has no bytes; its message is the console's, in its language.
            bodies.append(payload ? payload->body : QByteArray("(refused)"));
        }
        return bodies;
    };
    const QList<QByteArray> english = formatAll();

    // This test runs without an application object; translators need one.
    int argc = 1;
    char name[] = "tst_payloads";
    char *argv[] = {name, nullptr};
    QCoreApplication application(argc, argv);
    const QString executable = qEnvironmentVariable("GOREPORTER_EXECUTABLE");
    QTranslator german;
    QVERIFY2(german.load(QFileInfo(executable).dir().filePath(QStringLiteral("goreporter_de.qm"))),
             "the German catalogue is not built");
    QCoreApplication::installTranslator(&german);
    // The catalogue is in force: the console's own texts are German now.
    QVERIFY(QCoreApplication::translate("Event", "Pacemaker interrogation") != QLatin1String("Pacemaker interrogation"));
    const QList<QByteArray> underGerman = formatAll();
    QCoreApplication::removeTranslator(&german);
    for (qsizetype i = 0; i < cases.size(); ++i)
        QVERIFY2(underGerman.at(i) == english.at(i),
                 qPrintable(QStringLiteral("%1 %2 changed with the console's language")
                                .arg(WebhookKinds::key(cases.at(i).kind), cases.at(i).event)));
}

void tst_Payloads::payloadLanguageOfTheWebhook()
{
    // A webhook whose receivers read German gets German words, from the program's own catalogue, whatever the
    // console shows; the structure and the data stay the same.
    const Event event = EventSamples::sample(QStringLiteral("report.created"));
    QString error;
    const auto english = PayloadFormatter::create(WebhookKind::Teams)->format(event, PhiLevel::Limited, &error);
    QVERIFY2(english, qPrintable(error));
    std::optional<Payload> german;
    {
        const PayloadText::Scope inGerman(QStringLiteral("de"));
        german = PayloadFormatter::create(WebhookKind::Teams)->format(event, PhiLevel::Limited, &error);
    }
    QVERIFY2(german, qPrintable(error));
    QVERIFY2(english->body.contains("New report: ICD interrogation"), english->body.constData());
    QVERIFY2(german->body.contains("Neuer Bericht: ICD-Abfrage"), german->body.constData());
    QVERIFY(german->body != english->body);
    // Out of the scope, English again: the language belongs to the formatting, not to the thread for good.
    const auto again = PayloadFormatter::create(WebhookKind::Teams)->format(event, PhiLevel::Limited, &error);
    QCOMPARE(again->body, english->body);
    // The picker names each language in itself, without a territory.
    QCOMPARE(PayloadText::languageName(QStringLiteral("en")), QStringLiteral("English"));
    QCOMPARE(PayloadText::languageName(QStringLiteral("de")), QStringLiteral("Deutsch"));
    QVERIFY(PayloadText::languages().contains(QStringLiteral("de")));
}

void tst_Payloads::teamsCardIsFoundInItsMessage()
{
    // What the preview draws is read from the bytes sent, by the formatter that wrote them.
    QString error;
    const auto payload = PayloadFormatter::create(WebhookKind::Teams)
                             ->format(EventSamples::sample(QStringLiteral("battery.critical")), PhiLevel::None, &error);
    QVERIFY2(payload, qPrintable(error));
    const QJsonObject card = TeamsFormatter::cardOf(payload->body);
    QCOMPARE(card.value(QLatin1String("type")).toString(), QStringLiteral("AdaptiveCard"));
    QCOMPARE(card.value(QLatin1String("version")).toString(), QStringLiteral("1.5"));
    QVERIFY(TeamsFormatter::cardOf("{\"attachments\":[{\"contentType\":\"text/html\",\"content\":{}}]}").isEmpty());
    QVERIFY(TeamsFormatter::cardOf("not json").isEmpty());
}

QTEST_APPLESS_MAIN(tst_Payloads)
#include "tst_payloads.moc"
