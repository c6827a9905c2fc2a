// The console's file dialogs never touch the SQLite database's files: SQLite's POSIX locks survive them, so a
// second process on the same database never believes it is alone, and every write of both processes survives.
#include "testsupport/commandrunner.h"
#include "testsupport/consoleservices.h"
#include "testsupport/webhookfixtures.h"
#include "ui/deliveriesview.h"
#include "ui/filedialogs.h"
#include "ui/mainwindow.h"
#include "ui/previewwindow.h"

#include <QAbstractFileIconProvider>
#include <QAction>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QPushButton>
#include <QSignalSpy>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include <algorithm>
#include <list>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// The POSIX locks this process holds on the file at path, as /proc/locks lists them.
int locksHeldOn(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    const QByteArray device = QByteArray::number(major(info.st_dev), 16).rightJustified(2, '0') + ':'
                              + QByteArray::number(minor(info.st_dev), 16).rightJustified(2, '0') + ':'
                              + QByteArray::number(qulonglong(info.st_ino));
    QFile locks(u"/proc/locks"_s);
    if (!locks.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray pid = QByteArray::number(qint64(::getpid()));
    int count = 0;
    // "1: POSIX  ADVISORY  READ 4242 08:01:1234567 128 128"
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 6 && fields.at(1) == "POSIX" && fields.at(4) == pid && fields.at(5) == device)
            ++count;
    }
    return count;
}

// Delegates to the provider a dialog had and remembers which files it was asked about, icons and types both: the
// questions whose answers Qt's own providers find by opening the files.
class RecordingIconProvider final : public QAbstractFileIconProvider
{
public:
    explicit RecordingIconProvider(QAbstractFileIconProvider *delegate) : m_delegate(delegate) {}

    QIcon icon(IconType type) const override { return m_delegate->icon(type); }
    QIcon icon(const QFileInfo &info) const override
    {
        const QIcon icon = m_delegate->icon(info);
        remember(m_iconAsked, info);
        return icon;
    }
    QString type(const QFileInfo &info) const override
    {
        const QString type = m_delegate->type(info);
        remember(m_typeAsked, info);
        return type;
    }
    void setOptions(Options options) override { m_delegate->setOptions(options); }
    Options options() const override { return m_delegate->options(); }

    // Whether both the icon and the type of the file at path were asked for, and answered.
    bool answeredAbout(const QString &path) const
    {
        const QMutexLocker lock(&m_mutex);
        return m_iconAsked.contains(path) && m_typeAsked.contains(path);
    }

private:
    void remember(QSet<QString> &asked, const QFileInfo &info) const
    {
        const QMutexLocker lock(&m_mutex);
        asked.insert(info.absoluteFilePath());
    }

    QAbstractFileIconProvider *m_delegate;
    mutable QMutex m_mutex; // the model's gatherer thread may ask too
    mutable QSet<QString> m_iconAsked;
    mutable QSet<QString> m_typeAsked;
};

// Waits until the dialog has listed its folder and its icon provider has answered about every one of the files
// whose sniffing would drop SQLite's locks, as listing and painting make it.
bool listFolder(QFileDialog *dialog, const QString &folder, const QStringList &sniffable)
{
    auto *model = dialog->findChild<QFileSystemModel *>();
    if (!model)
        return false;
    // Kept for the rest of the run: the dialog may ask its provider until it is deleted, later than this returns.
    static std::list<RecordingIconProvider> providers;
    RecordingIconProvider &recorder = providers.emplace_back(dialog->iconProvider());
    dialog->setIconProvider(&recorder);
    QSignalSpy loaded(model, &QFileSystemModel::directoryLoaded);
    dialog->setDirectory(folder);
    // The model's gatherer reads every entry of the folder (name filters only hide them afterwards), icons and
    // types included, before it says the folder is loaded.
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() && loaded.last().at(0).toString() == folder; }, 10000))
        return false;
    const QModelIndex parent = model->index(folder);
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            model->data(model->index(row, column, parent), Qt::DisplayRole);
            model->data(model->index(row, column, parent), Qt::DecorationRole);
        }
    }
    dialog->grab();
    return QTest::qWaitFor([&] {
        return std::all_of(sniffable.begin(), sniffable.end(),
                           [&](const QString &path) { return recorder.answeredAbout(path); });
    }, 10000);
}

} // namespace

class TestDatabaseFileLocks : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void qtsOwnDialogWouldDropTheLocks();
    void consoleDialogsKeepTheLocks();
    void writesOfBothProcessesSurvive();
    void noFileDialogIsMadeElsewhere();

private:
    QString databasePath() const { return m_db.database->url().sqlitePath(); }
    QString databaseFolder() const { return QFileInfo(databasePath()).absolutePath(); }
    QString shmPath() const { return databasePath() + u"-shm"_s; }
    // The database's files, whose sniffing drops the locks.
    QStringList databaseFiles() const
    {
        return {QFileInfo(databasePath()).absoluteFilePath(), QFileInfo(shmPath()).absoluteFilePath()};
    }
    void exerciseConsoleDialogs();

    OpenTestDatabase m_db;
    std::unique_ptr<ConsoleServices> m_console;
};

void TestDatabaseFileLocks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"goReporter-test"_s);
    QSettings().clear();
}

void TestDatabaseFileLocks::init()
{
    m_db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
    m_console = std::make_unique<ConsoleServices>(*m_db.database);
    Webhook first = makeWebhook(u"Written before the dialogs"_s, WebhookKind::Teams);
    QVERIFY(m_console->webhooks.create(first).ok());
    // Reading makes SQLite map the -shm file and take its shared lock on it, held while the connection lives.
    QVERIFY(m_console->webhooks.all());
    QVERIFY(QFile::exists(shmPath()));
    QVERIFY2(locksHeldOn(shmPath()) > 0, "SQLite holds no lock on the -shm file to begin with");
}

void TestDatabaseFileLocks::cleanup()
{
    m_console.reset();
    m_db = {};
}

void TestDatabaseFileLocks::qtsOwnDialogWouldDropTheLocks()
{
    // The control: a dialog with Qt's default icon provider, listing the database's folder, sniffs the files and so
    // drops SQLite's locks. If this stops failing, the check below proves nothing.
    QFileDialog plain(nullptr, u"plain"_s);
    plain.setOption(QFileDialog::DontUseNativeDialog, true);
    plain.show();
    QVERIFY(listFolder(&plain, databaseFolder(), databaseFiles()));
    if (locksHeldOn(shmPath()) > 0)
        QSKIP("Qt's own file dialog kept the locks here; the console's dialogs are checked all the same");
    QCOMPARE(locksHeldOn(shmPath()), 0);
}

void TestDatabaseFileLocks::exerciseConsoleDialogs()
{
    MainWindow window(*m_db.database, m_console->services());
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Deliveries ▸ Export…
    window.tabs()->setCurrentWidget(window.deliveriesView());
    auto *exportAction = window.deliveriesView()->findChild<QAction *>(u"exportDeliveriesAction"_s);
    QVERIFY(exportAction);
    exportAction->trigger();
    auto *exportChooser = window.findChild<QFileDialog *>(u"exportFileChooser"_s);
    QVERIFY(exportChooser);
    QVERIFY(listFolder(exportChooser, databaseFolder(), databaseFiles()));
    QVERIFY2(locksHeldOn(shmPath()) > 0, "the export dialog dropped SQLite's locks");
    exportChooser->reject();

    // Preview ▸ Save as PNG… and Load sample…
    PreviewWindow preview;
    preview.setKind(WebhookKind::Teams);
    preview.show();
    auto *savePng = preview.findChild<QPushButton *>(u"savePngButton"_s);
    QVERIFY(savePng);
    savePng->click();
    auto *pngChooser = preview.findChild<QFileDialog *>(u"cardPngChooser"_s);
    QVERIFY(pngChooser);
    QVERIFY(listFolder(pngChooser, databaseFolder(), databaseFiles()));
    QVERIFY2(locksHeldOn(shmPath()) > 0, "the PNG dialog dropped SQLite's locks");
    pngChooser->reject();

    // Every dialog the console makes comes from one place; its typed-path completer shares the dialog's model.
    QFileDialog *chooser = FileDialogs::create(&window, u"any"_s, {}, {}, QFileDialog::AcceptOpen);
    chooser->open();
    QVERIFY(listFolder(chooser, databaseFolder(), databaseFiles()));
    QVERIFY2(locksHeldOn(shmPath()) > 0, "a console file dialog dropped SQLite's locks");
    chooser->reject();
}

void TestDatabaseFileLocks::consoleDialogsKeepTheLocks()
{
    exerciseConsoleDialogs();
}

void TestDatabaseFileLocks::writesOfBothProcessesSurvive()
{
    exerciseConsoleDialogs();
    if (QTest::currentTestFailed())
        return;

    // A second process writes and exits; it must see the console and leave the WAL alone.
    QTemporaryDir folder;
    const QString config = folder.filePath(u"second.json"_s);
    {
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"webhooks": [{"name": "Written by the second process", "kind": "generic",
                      "url": "https://receiver.example/hook", "events": ["battery.low"]}]})");
    }
    const QStringList database{u"--database"_s, m_db.database->url().toString()};
    const CommandRun imported = runCommand(database + QStringList{u"webhooks"_s, u"import"_s, config});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(QFile::exists(databasePath() + u"-wal"_s), "the second process removed the WAL under the console");

    // The console writes after the second process has gone, then the second process reads everything.
    Webhook after = makeWebhook(u"Written after the second process"_s, WebhookKind::Slack);
    QVERIFY(m_console->webhooks.create(after).ok());
    QVERIFY(m_console->webhooks.findByName(u"Written by the second process"_s));

    const CommandRun listed = runCommand(database + QStringList{u"webhooks"_s, u"list"_s, u"--json"_s});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    QStringList names;
    const QJsonArray webhooks = QJsonDocument::fromJson(listed.outBytes).array();
    for (const QJsonValue &webhook : webhooks)
        names << webhook.toObject().value(u"name"_s).toString();
    names.sort();
    QCOMPARE(names, (QStringList{u"Written after the second process"_s, u"Written before the dialogs"_s,
                                 u"Written by the second process"_s}));
}

void TestDatabaseFileLocks::noFileDialogIsMadeElsewhere()
{
    // A file dialog made anywhere but ui/filedialogs.cpp would bring Qt's sniffing back.
    const QString sources = qEnvironmentVariable("GOREPORTER_SOURCE_DIR");
    QVERIFY(!sources.isEmpty());
    QStringList offenders;
    for (const char *folder : {"app", "ui", "models", "network"}) {
        QDirIterator it(sources + u'/' + QLatin1String(folder), {u"*.cpp"_s, u"*.h"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(u"ui/filedialogs.cpp"_s) || path.endsWith(u"ui/filedialogs.h"_s))
                continue;
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            for (const char *pattern : {"new QFileDialog", "QFileDialog::get", "QFileDialog dialog", "QFileSystemModel",
                                        "QFileIconProvider", "QMimeDatabase"}) {
                if (text.contains(pattern))
                    offenders << path.mid(sources.size() + 1) + u": "_s + QLatin1String(pattern);
            }
        }
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u", "_s)));
}

QTEST_MAIN(TestDatabaseFileLocks)
#include "tst_databasefilelocks.moc"
