// The administration commands run as a user would run them: the real executable on both engines.
#include "models/storage/webhookrepository.h"
#include "testsupport/commandrunner.h"
#include "testsupport/webhookfixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

// Three webhooks of different kinds and options, as an administrator would write them.
QByteArray sampleConfigText()
{
    QFile file(qEnvironmentVariable("GOREPORTER_SOURCE_DIR") + u"/tests/data/cli/sample-config.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the sample configuration: %s", qPrintable(file.errorString()));
    return file.readAll();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void eventsList_data() { addEngineRows(); }
    void eventsList();
    void importExportRoundTrip_data() { addEngineRows(); }
    void importExportRoundTrip();
    void listAsJsonMasksCredentials_data() { addEngineRows(); }
    void listAsJsonMasksCredentials();
    void enableDisableRemove_data() { addEngineRows(); }
    void enableDisableRemove();
    void badImportChangesNothing_data();
    void badImportChangesNothing();
    void unreachableDatabase();
    void databaseNewerThanProgram();
    void usageErrors_data();
    void usageErrors();
    void importRefusesWhatIsNoFile_data();
    void importRefusesWhatIsNoFile();
    void listPrintsNoTerminalControls();

private:
    QString writeFile(const QString &name, const QByteArray &contents);
    QStringList withDatabase(QStringList arguments) const
    {
        return QStringList{u"--database"_s, m_db->urlText()} + arguments;
    }

    std::unique_ptr<TestDatabase> m_db;
    QTemporaryDir m_folder;
};

void TestCli::init()
{
    const DatabaseUrl::Engine engine = QTest::currentDataTag() && QByteArray(QTest::currentDataTag()) == "postgresql"
                                           ? DatabaseUrl::Engine::PostgreSQL : DatabaseUrl::Engine::SQLite;
    m_db = TestDatabase::create(engine);
    QVERIFY(m_db);
}

void TestCli::cleanup()
{
    m_db.reset();
}

QString TestCli::writeFile(const QString &name, const QByteArray &contents)
{
    const QString path = m_folder.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(contents);
    return path;
}

void TestCli::eventsList()
{
    const CommandRun result = runCommand(withDatabase({u"events"_s, u"list"_s}));
    QCOMPARE(result.exitCode, 0);
    for (const char *event : {"report.created", "report.completed", "battery.low", "battery.critical", "task.created",
                              "task.due", "task.overdue"})
        QVERIFY2(result.out.contains(QLatin1String(event)), event);
    QVERIFY(result.out.contains(u"ERI"_s));
}

void TestCli::importExportRoundTrip()
{
    const QString config = writeFile(u"in.json"_s, sampleConfigText());
    CommandRun result = runCommand(withDatabase({u"webhooks"_s, u"import"_s, config}));
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(u"3 created, 0 updated, 0 unchanged"_s), qPrintable(result.out));

    const QString exported = m_folder.filePath(u"out.json"_s);
    result = runCommand(withDatabase({u"webhooks"_s, u"export"_s, exported}));
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(QFile::permissions(exported) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFileDevice::Permissions());

    // Importing the export again changes nothing; the export equals the original in meaning.
    result = runCommand(withDatabase({u"webhooks"_s, u"import"_s, exported}));
    QVERIFY2(result.out.contains(u"0 created, 0 updated, 3 unchanged"_s), qPrintable(result.out));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray webhooks = QJsonDocument::fromJson(file.readAll()).object().value(u"webhooks"_s).toArray();
    QCOMPARE(webhooks.size(), 3);
    const QJsonObject local = webhooks.at(2).toObject();
    QCOMPARE(local.value(u"name"_s).toString(), u"Local receiver"_s);
    QCOMPARE(local.value(u"active"_s).toBool(), false);
    QCOMPARE(local.value(u"phiLevel"_s).toString(), u"limited"_s);
    QCOMPARE(local.value(u"timeoutSeconds"_s).toInt(), 5);
    QCOMPARE(webhooks.at(1).toObject().value(u"epic"_s).toObject().value(u"clientId"_s).toString(), u"c-1"_s);

    // Export to standard output is the same document.
    result = runCommand(withDatabase({u"webhooks"_s, u"export"_s}));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(result.out.toUtf8()).object().value(u"webhooks"_s).toArray(), webhooks);

    // A changed file updates by name.
    QByteArray changed = sampleConfigText();
    changed.replace("On-call channel", "Night shift channel");
    result = runCommand(withDatabase({u"webhooks"_s, u"import"_s, writeFile(u"changed.json"_s, changed)}));
    QVERIFY2(result.out.contains(u"0 created, 1 updated, 2 unchanged"_s), qPrintable(result.out + result.err));
}

void TestCli::listAsJsonMasksCredentials()
{
    QCOMPARE(runCommand(withDatabase({u"webhooks"_s, u"import"_s, writeFile(u"in.json"_s, sampleConfigText())})).exitCode, 0);
    CommandRun result = runCommand(withDatabase({u"webhooks"_s, u"list"_s, u"--json"_s}));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(!result.out.contains(u"IncomingWebhook"_s), "the Teams URL is a credential");
    const QJsonArray list = QJsonDocument::fromJson(result.out.toUtf8()).array();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).toObject().value(u"endpoint"_s).toString(), u"https://contoso.webhook.office.com/…"_s);
    QCOMPARE(list.at(0).toObject().value(u"version"_s).toInt(), 1);

    result = runCommand(withDatabase({u"webhooks"_s, u"list"_s}));
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(u"Cardiology Teams"_s));
    QVERIFY(!result.out.contains(u"IncomingWebhook"_s));
}

void TestCli::enableDisableRemove()
{
    QCOMPARE(runCommand(withDatabase({u"webhooks"_s, u"import"_s, writeFile(u"in.json"_s, sampleConfigText())})).exitCode, 0);
    QCOMPARE(runCommand(withDatabase({u"webhooks"_s, u"disable"_s, u"Epic"_s})).exitCode, 0);
    Database db;
    QVERIFY(db.open(m_db->url()));
    WebhookRepository repository(db);
    QCOMPARE(repository.findByName(u"Epic"_s)->active, false);
    QCOMPARE(runCommand(withDatabase({u"webhooks"_s, u"enable"_s, u"Epic"_s})).exitCode, 0);
    QCOMPARE(repository.findByName(u"Epic"_s)->active, true);

    CommandRun result = runCommand(withDatabase({u"webhooks"_s, u"remove"_s, u"Epic"_s}));
    QCOMPARE(result.exitCode, 0);
    QVERIFY(!repository.findByName(u"Epic"_s));
    result = runCommand(withDatabase({u"webhooks"_s, u"remove"_s, u"Epic"_s}));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"There is no webhook named “Epic”"_s), qPrintable(result.err));
    const QStringList actions = [&] {
        QStringList list;
        const QList<AuditEntry> trail = *repository.auditTrail();
        for (const AuditEntry &entry : trail)
            list.append(entry.action);
        return list;
    }();
    QCOMPARE(actions, (QStringList{u"import"_s, u"import"_s, u"import"_s, u"disable"_s, u"enable"_s, u"delete"_s}));
}

void TestCli::badImportChangesNothing_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("expected");
    QTest::newRow("malformed JSON") << QByteArray("{\"webhooks\": [\n{\"name\": }]}") << u"line 2"_s;
    QTest::newRow("unknown event type") << QByteArray(R"({"webhooks": [{"name": "A", "kind": "generic",
        "url": "https://a.example/", "events": ["battery.empty"]}]})") << u"“battery.empty” is not a goReporter event"_s;
    QTest::newRow("duplicate names") << QByteArray(R"({"webhooks": [
        {"name": "Dup", "kind": "generic", "url": "https://a.example/", "events": ["report.created"]},
        {"name": "Dup", "kind": "generic", "url": "https://b.example/", "events": ["report.created"]}]})")
                                     << u"already exists"_s;
    QTest::newRow("one bad among good") << QByteArray(R"({"webhooks": [
        {"name": "Good", "kind": "generic", "url": "https://a.example/", "events": ["report.created"]},
        {"name": "Bad", "kind": "generic", "url": "http://b.example/", "events": ["report.created"]}]})")
                                        << u"webhooks[1] “Bad”"_s;
}

void TestCli::badImportChangesNothing()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, expected);
    QCOMPARE(runCommand(withDatabase({u"webhooks"_s, u"import"_s, writeFile(u"in.json"_s, sampleConfigText())})).exitCode, 0);
    const QString before = runCommand(withDatabase({u"webhooks"_s, u"export"_s})).out;
    const CommandRun result = runCommand(withDatabase({u"webhooks"_s, u"import"_s, writeFile(u"bad.json"_s, contents)}));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(expected), qPrintable(result.err));
    QVERIFY(result.err.contains(u"nothing was changed"_s));
    QCOMPARE(runCommand(withDatabase({u"webhooks"_s, u"export"_s})).out, before);
}

void TestCli::unreachableDatabase()
{
    const CommandRun result = runCommand({u"--database"_s, u"postgresql://nobody@127.0.0.1:1/webhooks"_s, u"webhooks"_s, u"list"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"Cannot connect to PostgreSQL nobody@127.0.0.1:1/webhooks"_s), qPrintable(result.err));
    const CommandRun missingFolder = runCommand({u"--database"_s, u"sqlite:///proc/no/such/place.db"_s, u"webhooks"_s, u"list"_s});
    QCOMPARE(missingFolder.exitCode, 1);
    QVERIFY2(missingFolder.err.contains(u"/proc/no/such"_s), qPrintable(missingFolder.err));
}

void TestCli::databaseNewerThanProgram()
{
    {
        Database db;
        QVERIFY(db.open(m_db->url()));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(u"INSERT INTO schema_migrations (version, applied_at, description) VALUES (9999, 0, 'future')"_s));
    }
    const CommandRun result = runCommand(withDatabase({u"webhooks"_s, u"list"_s}));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"schema version 9999"_s), qPrintable(result.err));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown action") << QStringList{u"webhooks"_s, u"frobnicate"_s} << u"Unknown action “webhooks frobnicate”"_s;
    QTest::newRow("missing file") << QStringList{u"webhooks"_s, u"import"_s} << u"Wrong number of arguments"_s;
    QTest::newRow("json elsewhere") << QStringList{u"webhooks"_s, u"export"_s, u"--json"_s} << u"--json"_s;
    QTest::newRow("unknown option") << QStringList{u"webhooks"_s, u"list"_s, u"--jsn"_s} << u"jsn"_s;
    QTest::newRow("password in url") << QStringList{u"--database"_s, u"postgresql://a:pw@127.0.0.1/x"_s, u"webhooks"_s,
                                                    u"list"_s}
                                     << u"Do not put the database password in the URL"_s;
    QTest::newRow("empty database url") << QStringList{u"--database"_s, u""_s, u"webhooks"_s, u"list"_s}
                                        << u"--database was given without a URL"_s;
}

void TestCli::importRefusesWhatIsNoFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("device") << u"/dev/zero"_s << u"not a regular file"_s;
    QTest::newRow("folder") << u"/etc"_s << u"a folder"_s;
    QTest::newRow("fifo") << u"fifo"_s << u"not a regular file"_s;
    QTest::newRow("missing") << u"/no/such/file.json"_s << u"No such file"_s;
}

void TestCli::importRefusesWhatIsNoFile()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    if (path == u"fifo") {
        path = m_folder.filePath(u"config.fifo"_s);
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    }
    // runCommand gives up after a minute: a read of /dev/zero without end, or a wait for a FIFO's writer, fails here.
    const CommandRun result = runCommand(withDatabase({u"webhooks"_s, u"import"_s, path}));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(expected), qPrintable(result.err));
}

void TestCli::listPrintsNoTerminalControls()
{
    // A name from an older program or written by hand into the database: shown, never executed by the terminal.
    {
        Database db;
        QVERIFY(db.open(m_db->url()));
        WebhookRepository repository(db);
        Webhook w = makeWebhook(u"Plain"_s);
        QVERIFY(repository.create(w).ok());
        QSqlQuery query(db.connection());
        query.prepare(u"UPDATE webhooks SET name = ?"_s);
        query.addBindValue(u"Evil\u001b[2J\u001b]0;title\u0007\u202eName"_s);
        QVERIFY(query.exec());
    }
    const CommandRun result = runCommand(withDatabase({u"webhooks"_s, u"list"_s}));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(!result.outBytes.contains('\x1b') && !result.outBytes.contains('\x07'), result.outBytes.constData());
    QVERIFY(!result.out.contains(QChar(0x202e)));
    QVERIFY2(result.out.contains(u"Evil‹U+001B›[2J"_s), qPrintable(result.out));
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CommandRun result = runCommand(arguments);
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.err.contains(expected), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
