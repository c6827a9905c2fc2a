// Teams cards and Epic resources against the official Adaptive Card 1.5 and FHIR R4 schemas (ajv under node),
// plus the FHIR rules the schema leaves out: DiagnosticReport.status and contained-resource references.
#include "models/domain/event.h"
#include "models/domain/eventtype.h"
#include "network/payloads/epicformatter.h"
#include "network/payloads/payloadformatter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString sourceDirectory()
{
    return qEnvironmentVariable("GOREPORTER_SOURCE_DIR");
}

QString schemaPath(const QString &name)
{
    return sourceDirectory() + QStringLiteral("/tests/data/schemas/") + name;
}

struct Validation
{
    int exitCode = -1;
    QString output;
};

// Runs tests/schema-tools/validate.js on the files; the exit code says whether all of them are valid.
Validation runValidator(const QString &schema, const QStringList &files, const QString &definition = {})
{
    QProcess node;
    node.setWorkingDirectory(sourceDirectory() + QStringLiteral("/tests/schema-tools"));
    QStringList arguments = {QStringLiteral("validate.js"), schema};
    if (!definition.isEmpty())
        arguments += {QStringLiteral("--definition"), definition};
    node.start(QStandardPaths::findExecutable(QStringLiteral("node")), arguments + files);
    // No time limit of our own: ctest's timeout stops a hung run, and a slow machine is not a failure.
    node.waitForFinished(-1);
    Validation result;
    result.exitCode = node.exitStatus() == QProcess::NormalExit ? node.exitCode() : -1;
    result.output = QString::fromUtf8(node.readAllStandardOutput() + node.readAllStandardError());
    return result;
}

// The events every check runs on: each sample, plus variants that exercise optional and awkward content.
QList<Event> eventsToCheck()
{
    QList<Event> events;
    for (const EventType &type : EventCatalog::builtIn()) {
        const Event sample = EventSamples::sample(type.name);
        events.append(sample);

        Event unicode = sample;
        unicode.patient->givenName = QStringLiteral("ليلى");
        unicode.patient->familyName = QStringLiteral("בן־דוד 👩🏽‍⚕️");
        events.append(unicode);

        Event sparse = sample;
        sparse.patient.reset();
        if (sparse.report) {
            sparse.report->clinic.clear();
            sparse.report->physician.clear();
            sparse.report->pdf.reset();
            sparse.report->status = ReportStatus::Amended;
        }
        if (sparse.battery) {
            sparse.battery->longevityMonths.reset();
            sparse.battery->status = BatteryStatus::Eol;
        }
        events.append(sparse);

        Event cancelled = sample;
        if (cancelled.report)
            cancelled.report->status = ReportStatus::Cancelled;
        events.append(cancelled);
    }
    // A card cut down to Teams' size limit must still be a valid card.
    Event huge = EventSamples::sample(QStringLiteral("report.completed"));
    huge.report->conclusion = QString(60000, QChar(u'ß'));
    events.append(huge);
    return events;
}

bool writeJson(const QString &path, const QJsonObject &object)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(QJsonDocument(object).toJson()) > 0;
}

// What FHIR requires and the JSON schema does not check; empty when the resource is fine.
QStringList fhirRuleViolations(const QJsonObject &report)
{
    QStringList problems;
    if (report.value(QStringLiteral("status")).toString().isEmpty())
        problems.append(QStringLiteral("DiagnosticReport.status is missing (FHIR cardinality 1..1)"));
    QStringList containedIds;
    for (const QJsonValue &value : report.value(QStringLiteral("contained")).toArray()) {
        const QJsonObject contained = value.toObject();
        const QString id = contained.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            problems.append(QStringLiteral("a contained resource has no id"));
        containedIds.append(id);
        if (contained.contains(QStringLiteral("contained")))
            problems.append(QStringLiteral("contained resource %1 contains resources (dom-2)").arg(id));
        if (contained.value(QStringLiteral("status")).toString().isEmpty())
            problems.append(QStringLiteral("contained resource %1 has no status").arg(id));
    }
    QStringList referencedIds;
    for (const QJsonValue &value : report.value(QStringLiteral("result")).toArray()) {
        const QString reference = value.toObject().value(QStringLiteral("reference")).toString();
        if (!reference.startsWith(QLatin1Char('#'))) {
            problems.append(QStringLiteral("result reference “%1” is not to a contained resource").arg(reference));
            continue;
        }
        referencedIds.append(reference.mid(1));
        if (!containedIds.contains(reference.mid(1)))
            problems.append(QStringLiteral("result reference “%1” resolves to no contained resource").arg(reference));
    }
    for (const QString &id : std::as_const(containedIds)) {
        if (!referencedIds.contains(id))
            problems.append(QStringLiteral("contained resource %1 is referenced from nowhere (dom-3)").arg(id));
    }
    return problems;
}

} // namespace

class tst_SchemaConformance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void teamsCardsValidate();
    void epicResourcesValidate();
    void brokenCardIsRejected();
    void brokenResourceIsRejected();
    void fhirRuleChecksCanFail();

private:
    QTemporaryDir m_folder;
    QStringList m_cardFiles;
    QStringList m_resourceFiles;
    QList<QJsonObject> m_resources;
    QJsonObject m_sampleCard;
    QJsonObject m_sampleResource;
};

void tst_SchemaConformance::initTestCase()
{
    QVERIFY2(!sourceDirectory().isEmpty(), "GOREPORTER_SOURCE_DIR is not set; run the test through ctest");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty(),
             "node is not installed; scripts/bootstrap.sh test installs it");
    QVERIFY2(QFileInfo::exists(sourceDirectory() + QStringLiteral("/tests/schema-tools/node_modules/ajv")),
             "ajv is not installed: run “npm ci” in tests/schema-tools (scripts/bootstrap.sh test does)");
    QVERIFY(m_folder.isValid());

    const auto teams = PayloadFormatter::create(WebhookKind::Teams);
    const auto epic = PayloadFormatter::create(WebhookKind::Epic);
    int counter = 0;
    for (const Event &event : eventsToCheck()) {
        for (PhiLevel phi : PhiLevels::all()) {
            QString error;
            const auto card = teams->format(event, phi, &error);
            QVERIFY2(card, qPrintable(error));
            const QJsonObject content = QJsonDocument::fromJson(card->body)
                                            .object().value(QStringLiteral("attachments")).toArray().first().toObject()
                                            .value(QStringLiteral("content")).toObject();
            QVERIFY(!content.isEmpty());
            const QString cardPath = m_folder.filePath(QStringLiteral("card-%1.json").arg(++counter));
            QVERIFY(writeJson(cardPath, content));
            m_cardFiles.append(cardPath);
            if (m_sampleCard.isEmpty())
                m_sampleCard = content;

            if (!epic->supports(event.type))
                continue;
            const auto resource = epic->format(event, phi, &error);
            QVERIFY2(resource, qPrintable(error));
            const QJsonObject object = QJsonDocument::fromJson(resource->body).object();
            const QString resourcePath = m_folder.filePath(QStringLiteral("resource-%1.json").arg(counter));
            QVERIFY(writeJson(resourcePath, object));
            m_resourceFiles.append(resourcePath);
            m_resources.append(object);
            if (event.battery && m_sampleResource.isEmpty())
                m_sampleResource = object;
        }
    }
    QVERIFY(!m_sampleResource.isEmpty());
}

void tst_SchemaConformance::teamsCardsValidate()
{
    const Validation result = runValidator(schemaPath(QStringLiteral("adaptive-card-1.5.json")), m_cardFiles);
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    QCOMPARE(result.output.count(QStringLiteral("valid ")), m_cardFiles.size());
}

void tst_SchemaConformance::epicResourcesValidate()
{
    const Validation result = runValidator(schemaPath(QStringLiteral("fhir-r4.schema.json")), m_resourceFiles,
                                           QStringLiteral("DiagnosticReport"));
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    QCOMPARE(result.output.count(QStringLiteral("valid ")), m_resourceFiles.size());
    for (const QJsonObject &resource : std::as_const(m_resources)) {
        const QStringList problems = fhirRuleViolations(resource);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }
}

// The validator must be able to say no, or the passing checks above prove nothing.
void tst_SchemaConformance::brokenCardIsRejected()
{
    QJsonObject unknownStyle = m_sampleCard;
    QJsonArray body = unknownStyle.value(QStringLiteral("body")).toArray();
    QJsonObject container = body.first().toObject();
    container.insert(QStringLiteral("style"), QStringLiteral("danger"));
    body.replace(0, container);
    unknownStyle.insert(QStringLiteral("body"), body);

    QJsonObject teamsOnlyProperty = m_sampleCard;  // valid in Teams, but not part of the 1.5 schema
    teamsOnlyProperty.insert(QStringLiteral("msteams"), QJsonObject{{QStringLiteral("width"), QStringLiteral("Full")}});

    const QStringList files = {m_folder.filePath(QStringLiteral("broken-card-style.json")),
                               m_folder.filePath(QStringLiteral("broken-card-msteams.json"))};
    QVERIFY(writeJson(files.at(0), unknownStyle));
    QVERIFY(writeJson(files.at(1), teamsOnlyProperty));
    const Validation result = runValidator(schemaPath(QStringLiteral("adaptive-card-1.5.json")), files);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.output.count(QStringLiteral("invalid ")), 2);
}

void tst_SchemaConformance::brokenResourceIsRejected()
{
    QJsonObject unknownStatus = m_sampleResource;
    unknownStatus.insert(QStringLiteral("status"), QStringLiteral("signed"));
    QJsonObject misspelt = m_sampleResource;
    misspelt.insert(QStringLiteral("effectiveDate"), QStringLiteral("2026-03-14"));
    QJsonObject badInstant = m_sampleResource;
    badInstant.insert(QStringLiteral("issued"), QStringLiteral("2026-03-14 09:26"));

    const QStringList files = {m_folder.filePath(QStringLiteral("broken-status.json")),
                               m_folder.filePath(QStringLiteral("broken-key.json")),
                               m_folder.filePath(QStringLiteral("broken-instant.json"))};
    QVERIFY(writeJson(files.at(0), unknownStatus));
    QVERIFY(writeJson(files.at(1), misspelt));
    QVERIFY(writeJson(files.at(2), badInstant));
    const Validation result =
        runValidator(schemaPath(QStringLiteral("fhir-r4.schema.json")), files, QStringLiteral("DiagnosticReport"));
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.output.count(QStringLiteral("invalid ")), 3);
}

// A resource without status, or with a dangling reference, passes the schema: only our own checks catch it.
void tst_SchemaConformance::fhirRuleChecksCanFail()
{
    QJsonObject withoutStatus = m_sampleResource;
    withoutStatus.remove(QStringLiteral("status"));
    QJsonObject danglingReference = m_sampleResource;
    danglingReference.insert(QStringLiteral("result"),
                             QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("#missing")}}});

    const QStringList files = {m_folder.filePath(QStringLiteral("no-status.json")),
                               m_folder.filePath(QStringLiteral("dangling.json"))};
    QVERIFY(writeJson(files.at(0), withoutStatus));
    QVERIFY(writeJson(files.at(1), danglingReference));
    const Validation schemaResult =
        runValidator(schemaPath(QStringLiteral("fhir-r4.schema.json")), files, QStringLiteral("DiagnosticReport"));
    QVERIFY2(schemaResult.exitCode == 0, qPrintable(schemaResult.output));

    QVERIFY(fhirRuleViolations(withoutStatus).join(QLatin1Char(' ')).contains(QStringLiteral("status is missing")));
    const QString dangling = fhirRuleViolations(danglingReference).join(QLatin1Char(' '));
    QVERIFY(dangling.contains(QStringLiteral("“#missing” resolves to no contained resource")));
    QVERIFY(dangling.contains(QStringLiteral("referenced from nowhere")));
}

QTEST_APPLESS_MAIN(tst_SchemaConformance)
#include "tst_schemaconformance.moc"
