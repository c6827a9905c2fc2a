// The translation catalogues are complete and consistent with their sources, and the executable uses them:
// German for --lang de, and correct English plurals ("2 webhooks", never "2 webhook(s)") for English.
#include "testsupport/commandrunner.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;               // the translation's type attribute: empty, "unfinished", "vanished", "obsolete"
    QStringList translations;   // one text, or one per numerus form
    qint64 line = 0;

    QString where(const QString &file) const
    {
        return u"%1:%2 [%3] “%4”"_s.arg(file).arg(line).arg(context, source);
    }
};

struct Catalogue
{
    QString language;
    QList<Message> messages;
    QString error;
};

QString sourceDir()
{
    return qEnvironmentVariable("GOREPORTER_SOURCE_DIR");
}

QString translationsDir()
{
    return sourceDir() + u"/translations"_s;
}

Catalogue readCatalogue(const QString &path)
{
    Catalogue catalogue;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        catalogue.error = file.errorString();
        return catalogue;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inTranslation = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == "TS"_L1) {
                catalogue.language = xml.attributes().value("language"_L1).toString();
            } else if (name == "name"_L1 && !inTranslation) {
                context = xml.readElementText();
            } else if (name == "message"_L1) {
                message = Message{};
                message.context = context;
                message.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
                message.line = xml.lineNumber();
            } else if (name == "source"_L1) {
                message.source = xml.readElementText();
            } else if (name == "comment"_L1) {
                message.comment = xml.readElementText();
            } else if (name == "translation"_L1) {
                message.type = xml.attributes().value("type"_L1).toString();
                if (message.numerus) {
                    inTranslation = true;
                } else {
                    message.translations.append(xml.readElementText());
                }
            } else if (name == "numerusform"_L1) {
                message.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == "translation"_L1)
                inTranslation = false;
            else if (xml.name() == "message"_L1)
                catalogue.messages.append(message);
        }
    }
    if (xml.hasError())
        catalogue.error = u"%1 at line %2"_s.arg(xml.errorString()).arg(xml.lineNumber());
    return catalogue;
}

// The placeholders of a text (%1 to %99, %n, and their localized forms %L1, %Ln), sorted, so that a translation may
// reorder them but not lose, add, renumber or delocalize one.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(L?)([1-9][0-9]?|n)"_s);
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        found.append(u'%' + match.captured(1) + match.captured(2));
    }
    found.sort();
    return found;
}

// The HTML tags of a text (names with their slash, attributes left out), sorted.
QStringList htmlTags(const QString &text)
{
    static const QRegularExpression pattern(u"<(/?)([A-Za-z][A-Za-z0-9]*)(\\s[^<>]*)?/?>"_s);
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        found.append(match.captured(1) + match.captured(2).toLower());
    }
    found.sort();
    return found;
}

// Whether a text has a keyboard accelerator: an "&" before a letter or digit ("&&" is a literal ampersand).
bool hasAccelerator(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        if (text.at(i + 1).isLetterOrNumber())
            return true;
    }
    return false;
}

QString describe(const QStringList &list)
{
    return list.isEmpty() ? u"none"_s : list.join(u' ');
}

// Every problem of one catalogue, one line each.
QStringList problemsOf(const QString &fileName, const Catalogue &catalogue)
{
    QStringList problems;
    for (const Message &message : catalogue.messages) {
        if (message.type == "vanished"_L1 || message.type == "obsolete"_L1)
            continue;
        const QString where = message.where(fileName);
        if (message.type == "unfinished"_L1) {
            problems.append(where + u": unfinished"_s);
            continue;
        }
        if (message.numerus && message.translations.size() < 2) {
            problems.append(where + u": %1 plural form(s), expected at least 2"_s.arg(message.translations.size()));
            continue;
        }
        if (message.translations.isEmpty()) {
            problems.append(where + u": no translation"_s);
            continue;
        }
        for (qsizetype form = 0; form < message.translations.size(); ++form) {
            const QString &translation = message.translations.at(form);
            const QString which = message.numerus ? u" (plural form %1)"_s.arg(form + 1) : QString();
            if (translation.trimmed().isEmpty()) {
                problems.append(where + which + u": empty translation"_s);
                continue;
            }
            const QStringList expected = placeholders(message.source);
            const QStringList actual = placeholders(translation);
            if (expected != actual)
                problems.append(where + which + u": placeholders %1 in the source but %2 in “%3”"_s
                                                    .arg(describe(expected), describe(actual), translation));
            const QStringList sourceTags = htmlTags(message.source);
            const QStringList translationTags = htmlTags(translation);
            if (sourceTags != translationTags)
                problems.append(where + which + u": HTML tags %1 in the source but %2 in “%3”"_s
                                                    .arg(describe(sourceTags), describe(translationTags), translation));
            if (hasAccelerator(message.source) != hasAccelerator(translation))
                problems.append(where + which + u": the source %1 a keyboard accelerator but “%2” %3"_s
                                                    .arg(hasAccelerator(message.source) ? u"has"_s : u"has no"_s,
                                                         translation,
                                                         hasAccelerator(translation) ? u"has one"_s : u"has none"_s));
        }
    }
    return problems;
}

// Runs the real executable without a display, in a neutral locale unless told otherwise.
CommandRun run(const QStringList &arguments, const QMap<QString, QString> &environmentOverrides = {})
{
    return runCommand(arguments, {}, environmentOverrides);
}

// The German translations of a source text, in whatever context it is used.
QStringList germanFor(const QString &source)
{
    const Catalogue catalogue = readCatalogue(translationsDir() + u"/goreporter_de.ts"_s);
    QStringList found;
    for (const Message &message : catalogue.messages) {
        if (message.source == source && !message.numerus && message.type.isEmpty() && !message.translations.isEmpty())
            found.append(message.translations.first());
    }
    found.removeDuplicates();
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void catalogue_data();
    void catalogue();
    void englishHoldsEveryPluralAndNothingElse();
    void germanOnTheCommandLine_data();
    void germanOnTheCommandLine();
    void englishPluralsOnTheCommandLine_data();
    void englishPluralsOnTheCommandLine();

private:
    QTemporaryDir m_folder;
};

void TestTranslations::initTestCase()
{
    QVERIFY2(!sourceDir().isEmpty(), "GOREPORTER_SOURCE_DIR is not set");
    QVERIFY2(QFile::exists(qEnvironmentVariable("GOREPORTER_EXECUTABLE")), "GOREPORTER_EXECUTABLE does not exist");
    QVERIFY(m_folder.isValid());
}

void TestTranslations::catalogue_data()
{
    QTest::addColumn<QString>("path");
    const QFileInfoList files = QDir(translationsDir()).entryInfoList({u"*.ts"_s}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 2, "expected at least goreporter_de.ts and goreporter_en.ts");
    for (const QFileInfo &file : files)
        QTest::newRow(qPrintable(file.fileName())) << file.absoluteFilePath();
}

void TestTranslations::catalogue()
{
    QFETCH(QString, path);
    const Catalogue catalogue = readCatalogue(path);
    QVERIFY2(catalogue.error.isEmpty(), qPrintable(catalogue.error));
    QVERIFY2(!catalogue.messages.isEmpty(), "the catalogue holds no message");
    QVERIFY2(!catalogue.language.isEmpty(), "the catalogue names no language");
    const QStringList problems = problemsOf(QFileInfo(path).fileName(), catalogue);
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"%1 problem(s):\n"_s.arg(problems.size()) + problems.join(u'\n')));
}

// goreporter_en.ts is made with lupdate -pluralonly: it gives English its plural forms and must not shadow any
// other English source text.
void TestTranslations::englishHoldsEveryPluralAndNothingElse()
{
    const Catalogue german = readCatalogue(translationsDir() + u"/goreporter_de.ts"_s);
    const Catalogue english = readCatalogue(translationsDir() + u"/goreporter_en.ts"_s);
    QVERIFY2(german.error.isEmpty(), qPrintable(german.error));
    QVERIFY2(english.error.isEmpty(), qPrintable(english.error));
    QSet<QString> plurals;
    for (const Message &message : german.messages) {
        if (message.numerus && message.type != "vanished"_L1 && message.type != "obsolete"_L1)
            plurals.insert(message.context + u'\x1f' + message.source + u'\x1f' + message.comment);
    }
    QVERIFY2(!plurals.isEmpty(), "goreporter_de.ts has no message with plural forms");
    QStringList problems;
    for (const Message &message : english.messages) {
        if (message.type == "vanished"_L1 || message.type == "obsolete"_L1)
            continue;
        if (!message.numerus)
            problems.append(message.where(u"goreporter_en.ts"_s) + u": not a plural message"_s);
        else if (!plurals.remove(message.context + u'\x1f' + message.source + u'\x1f' + message.comment))
            problems.append(message.where(u"goreporter_en.ts"_s) + u": not in goreporter_de.ts"_s);
        for (const QString &form : message.translations) {
            if (form.contains(u"(s)"_s))
                problems.append(message.where(u"goreporter_en.ts"_s) + u": “%1” still says (s)"_s.arg(form));
        }
    }
    for (const QString &missing : std::as_const(plurals))
        problems.append(u"goreporter_en.ts lacks the plural message [%1] “%2”"_s.arg(missing.section(u'\x1f', 0, 0),
                                                                                    missing.section(u'\x1f', 1, 1)));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::germanOnTheCommandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("argument");

    QTest::newRow("unknown action") << QStringList{u"webhooks"_s, u"frobnicate"_s} << 2
                                    << u"Unknown action “webhooks %1”."_s << u"frobnicate"_s;
    QTest::newRow("no such webhook") << QStringList{u"webhooks"_s, u"remove"_s, u"Nope"_s} << 1
                                     << u"There is no webhook named “%1”."_s << u"Nope"_s;
}

void TestTranslations::germanOnTheCommandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, source);
    QFETCH(QString, argument);

    const QStringList german = germanFor(source);
    QVERIFY2(!german.isEmpty(), qPrintable(u"goreporter_de.ts does not translate “%1”"_s.arg(source)));
    const QString database = u"sqlite://"_s + m_folder.filePath(u"german.db"_s);
    const CommandRun result = run(QStringList{u"--lang"_s, u"de"_s, u"--database"_s, database} + arguments);
    QCOMPARE(result.exitCode, exitCode);
    bool shown = false;
    for (const QString &text : german)
        shown = shown || result.err.contains(QString(text).replace(u"%1"_s, argument));
    QVERIFY2(shown, qPrintable(u"expected one of “%1” on standard error, got: %2"_s.arg(german.join(u"”, “"_s),
                                                                                      result.err)));
    QVERIFY2(!result.err.contains(QString(source).replace(u"%1"_s, argument)), qPrintable(result.err));
}

void TestTranslations::englishPluralsOnTheCommandLine_data()
{
    QTest::addColumn<QStringList>("language");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("two");
    QTest::addColumn<QString>("one");

    QTest::newRow("--lang en") << QStringList{u"--lang"_s, u"en"_s} << u"C.UTF-8"_s
                               << u"Exported 2 webhooks to "_s << u"Exported 1 webhook to "_s;
    QTest::newRow("en_GB system locale") << QStringList{} << u"en_GB.UTF-8"_s
                                         << u"Exported 2 webhooks to "_s << u"Exported 1 webhook to "_s;
    QTest::newRow("C system locale") << QStringList{} << u"C"_s
                                     << u"Exported 2 webhooks to "_s << u"Exported 1 webhook to "_s;
    QTest::newRow("--lang de") << QStringList{u"--lang"_s, u"de"_s} << u"C.UTF-8"_s
                               << u"2 Webhooks nach "_s << u"1 Webhook nach "_s;
}

void TestTranslations::englishPluralsOnTheCommandLine()
{
    QFETCH(QStringList, language);
    QFETCH(QString, locale);
    QFETCH(QString, two);
    QFETCH(QString, one);

    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QRegularExpression(u"[^A-Za-z0-9]"_s), u"_"_s);
    const QString database = u"sqlite://"_s + m_folder.filePath(tag + u".db"_s);
    const QString config = m_folder.filePath(tag + u"-in.json"_s);
    {
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"webhooks": [
  {"name": "Device clinic", "kind": "generic", "url": "https://clinic.example.org/hooks/goreporter",
   "events": ["report.created", "battery.low"]},
  {"name": "Night shift", "kind": "generic", "url": "https://night.example.org/hooks/goreporter",
   "events": ["task.overdue"]}
]}
)");
    }
    const QMap<QString, QString> environment{{u"LANG"_s, locale}, {u"LC_ALL"_s, locale}};
    const QStringList withDatabase = language + QStringList{u"--database"_s, database};

    CommandRun result = run(withDatabase + QStringList{u"webhooks"_s, u"import"_s, config}, environment);
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));

    result = run(withDatabase + QStringList{u"webhooks"_s, u"export"_s, m_folder.filePath(tag + u"-two.json"_s)},
                 environment);
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    QString shown = result.out + result.err;
    QVERIFY2(shown.contains(two), qPrintable(shown));
    QVERIFY2(!shown.contains(u"(s)"_s), qPrintable(shown));

    result = run(withDatabase + QStringList{u"webhooks"_s, u"remove"_s, u"Night shift"_s}, environment);
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    result = run(withDatabase + QStringList{u"webhooks"_s, u"export"_s, m_folder.filePath(tag + u"-one.json"_s)},
                 environment);
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    shown = result.out + result.err;
    QVERIFY2(shown.contains(one), qPrintable(shown));
    QVERIFY2(!shown.contains(u"(s)"_s), qPrintable(shown));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
