// Widget tests of the Adaptive Card renderer: one per element type, placeholders, garbage input, PNG output.
#include "ui/adaptivecard/adaptivecardview.h"
#include "ui/adaptivecard/cardtextblock.h"
#include "ui/adaptivecard/cardwidgets.h"
#include "ui/adaptivecard/hostconfig.h"

#include <QBuffer>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLayout>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace AdaptiveCards;

namespace {

QJsonObject cardWithBody(const QJsonArray &body, const QJsonArray &actions = {})
{
    QJsonObject card{{QStringLiteral("type"), QStringLiteral("AdaptiveCard")},
                     {QStringLiteral("version"), QStringLiteral("1.5")},
                     {QStringLiteral("body"), body}};
    if (!actions.isEmpty())
        card.insert(QStringLiteral("actions"), actions);
    return card;
}

QJsonObject textBlock(const QString &text, const QJsonObject &extra = {})
{
    QJsonObject block = extra;
    block.insert(QStringLiteral("type"), QStringLiteral("TextBlock"));
    block.insert(QStringLiteral("text"), text);
    return block;
}

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

// Two rows of two cells (devices and their battery), the last cell in the attention style, plus `properties`.
QJsonObject batteryTable(const QJsonObject &properties)
{
    QJsonObject table = parse(R"({"type":"Table","rows":[
        {"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"Device"}]},
                                    {"type":"TableCell","items":[{"type":"TextBlock","text":"Battery"}]}]},
        {"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"Azure XT"}]},
                                    {"type":"TableCell","style":"attention","items":[{"type":"TextBlock","text":"2%"}]}]}]})");
    for (auto property = properties.begin(); property != properties.end(); ++property)
        table.insert(property.key(), property.value());
    return table;
}

// Shows the view at a fixed width and exactly as tall as its card, so geometries can be compared.
void showAt(AdaptiveCardView &view, int width)
{
    view.resize(width, qMax(50, view.heightForWidth(width)));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.layout()->activate();
}

QRect geometryInCard(const AdaptiveCardView &view, const QWidget *widget)
{
    return QRect(widget->mapTo(view.cardWidget(), QPoint(0, 0)), widget->size());
}

// The widget drawn on white without its own background, so that ink is everything that is not white.
QImage inkOf(QWidget &widget)
{
    QImage image(widget.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    widget.render(&image, QPoint(), QRegion(), QWidget::DrawChildren);
    return image;
}

// The right-most column holding ink between rows top and bottom (exclusive), or -1.
int inkRight(const QImage &image, int top, int bottom)
{
    for (int x = image.width() - 1; x >= 0; --x) {
        for (int y = qMax(0, top); y < qMin(bottom, image.height()); ++y) {
            if (qGray(image.pixel(x, y)) < 160)
                return x;
        }
    }
    return -1;
}

// The darkest pixel inside the rectangle, which for text on a light background is the ink's own colour.
QColor darkestPixel(const QImage &image, const QRect &area)
{
    QColor darkest(Qt::white);
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.lightness() < darkest.lightness())
                darkest = pixel;
        }
    }
    return darkest;
}

bool closeTo(const QColor &actual, const QColor &expected, int tolerance)
{
    return qAbs(actual.red() - expected.red()) <= tolerance && qAbs(actual.green() - expected.green()) <= tolerance
        && qAbs(actual.blue() - expected.blue()) <= tolerance;
}

QList<CardTextBlock *> blocksOfType(const QWidget &parent, const QString &type)
{
    QList<CardTextBlock *> blocks;
    for (CardTextBlock *block : parent.findChildren<CardTextBlock *>()) {
        if (block->property("adaptiveCardType").toString() == type)
            blocks.append(block);
    }
    return blocks;
}

QString screenshotPath(const QString &name)
{
    QDir directory(QCoreApplication::applicationDirPath());
    directory.mkpath(QStringLiteral("screenshots"));
    return directory.filePath(QStringLiteral("screenshots/") + name);
}

} // namespace

class TestAdaptiveCardView : public QObject
{
    Q_OBJECT

private slots:
    void textBlockProperties_data();
    void textBlockProperties();
    void textBlockHeadingStyle();
    void textBlockEmptyIsSkipped();
    void textBlockMaxLinesCutsWithEllipsis();
    void textBlockWithoutWrapStaysOnOneLine();
    void textLinePitchIsTheSameInEveryFont_data();
    void textLinePitchIsTheSameInEveryFont();
    void cardsPreferLiberationSans();
    void textWrapsAtWordBoundaries();
    void narrowColumnsKeepWordsWhole();
    void textBlockMarkdown();
    void richTextBlock();
    void containerStyles_data();
    void containerStyles();
    void containerSameStyleAsParentHasNoBackground();
    void containerBleed();
    void containerVerticalContentAlignment();
    void columnSetWidths();
    void columnSetSeparatorAndStyle();
    void factSet();
    void factSetRowsAndColumnsAsInTeams();
    void imagePlaceholderShowsAltText();
    void imageFromDataUri();
    void imageSizes();
    void imageSet();
    void table();
    void tableFirstRowAsHeaders_data();
    void tableFirstRowAsHeaders();
    void tableWithoutGridLines();
    void cardActionsOpenUrl();
    void actionButtonsLookLikeTeams();
    void otherActionsLookLiveButDoNothing();
    void actionSetElement();
    void actionsLimitedToSix();
    void spacing_data();
    void spacing();
    void separator();
    void firstElementSpacingIgnored();
    void invisibleElementsAreHidden();
    void unknownElementPlaceholder();
    void fallbackDropAndReplace();
    void notAnAdaptiveCard();
    void garbageInput_data();
    void garbageInput();
    void deepNestingIsCut();
    void languageChangeRebuilds();
    void rtlCard();
    void renderBatteryCriticalCard();
    void renderUserCard();
};

void TestAdaptiveCardView::textBlockProperties_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("pixelSize");
    QTest::addColumn<int>("weight");
    QTest::addColumn<QColor>("color");
    QTest::addColumn<bool>("wrap");
    QTest::addColumn<int>("maxLines");
    QTest::addColumn<int>("alignment");

    const QColor ink(0x25, 0x24, 0x24);
    QTest::newRow("defaults") << R"({"type":"TextBlock","text":"Hi"})" << 14 << int(QFont::Normal) << ink << false << 0
                              << int(Qt::AlignLeft);
    QTest::newRow("small") << R"({"type":"TextBlock","text":"Hi","size":"small"})" << 12 << int(QFont::Normal) << ink
                           << false << 0 << int(Qt::AlignLeft);
    QTest::newRow("medium") << R"({"type":"TextBlock","text":"Hi","size":"Medium"})" << 14 << int(QFont::Normal)
                            << ink << false << 0 << int(Qt::AlignLeft);
    QTest::newRow("large bolder") << R"({"type":"TextBlock","text":"Hi","size":"large","weight":"bolder"})" << 18
                                  << int(QFont::DemiBold) << ink << false << 0 << int(Qt::AlignLeft);
    QTest::newRow("extraLarge lighter") << R"({"type":"TextBlock","text":"Hi","size":"extraLarge","weight":"lighter"})"
                                        << 24 << int(QFont::ExtraLight) << ink << false << 0 << int(Qt::AlignLeft);
    QTest::newRow("accent") << R"({"type":"TextBlock","text":"Hi","color":"accent"})" << 14 << int(QFont::Normal)
                            << QColor(0x62, 0x64, 0xa7) << false << 0 << int(Qt::AlignLeft);
    QTest::newRow("good") << R"({"type":"TextBlock","text":"Hi","color":"good"})" << 14 << int(QFont::Normal)
                          << QColor(0x92, 0xc3, 0x53) << false << 0 << int(Qt::AlignLeft);
    QTest::newRow("warning") << R"({"type":"TextBlock","text":"Hi","color":"warning"})" << 14 << int(QFont::Normal)
                             << QColor(0xf8, 0xd2, 0x2a) << false << 0 << int(Qt::AlignLeft);
    QTest::newRow("attention") << R"({"type":"TextBlock","text":"Hi","color":"attention"})" << 14
                               << int(QFont::Normal) << QColor(0xc4, 0x31, 0x4b) << false << 0 << int(Qt::AlignLeft);
    QTest::newRow("light") << R"({"type":"TextBlock","text":"Hi","color":"light"})" << 14 << int(QFont::Normal)
                           << QColor(0xff, 0xff, 0xff) << false << 0 << int(Qt::AlignLeft);
    QTest::newRow("dark") << R"({"type":"TextBlock","text":"Hi","color":"dark"})" << 14 << int(QFont::Normal) << ink
                          << false << 0 << int(Qt::AlignLeft);
    QTest::newRow("subtle") << R"({"type":"TextBlock","text":"Hi","isSubtle":true})" << 14 << int(QFont::Normal)
                            << QColor(0x25, 0x24, 0x24, 0xbf) << false << 0 << int(Qt::AlignLeft);
    QTest::newRow("wrap maxLines center")
        << R"({"type":"TextBlock","text":"Hi","wrap":true,"maxLines":3,"horizontalAlignment":"center"})" << 14
        << int(QFont::Normal) << ink << true << 3 << int(Qt::AlignHCenter);
    QTest::newRow("right") << R"({"type":"TextBlock","text":"Hi","horizontalAlignment":"right"})" << 14
                           << int(QFont::Normal) << ink << false << 0 << int(Qt::AlignRight);
    QTest::newRow("unknown keywords fall back")
        << R"({"type":"TextBlock","text":"Hi","size":"huge","weight":7,"color":"pink","maxLines":"two"})" << 14
        << int(QFont::Normal) << ink << false << 0 << int(Qt::AlignLeft);
}

void TestAdaptiveCardView::textBlockProperties()
{
    QFETCH(QString, json);
    QFETCH(int, pixelSize);
    QFETCH(int, weight);
    QFETCH(QColor, color);
    QFETCH(bool, wrap);
    QFETCH(int, maxLines);
    QFETCH(int, alignment);

    AdaptiveCardView view;
    view.setCard(cardWithBody({QJsonDocument::fromJson(json.toUtf8()).object()}));
    const auto blocks = view.findChildren<CardTextBlock *>();
    QCOMPARE(blocks.size(), 1);
    CardTextBlock *block = blocks.first();
    QCOMPARE(block->text(), QStringLiteral("Hi"));
    QCOMPARE(block->font().pixelSize(), pixelSize);
    QCOMPARE(int(block->font().weight()), weight);
    QCOMPARE(block->color(), color);
    QCOMPARE(block->wrap(), wrap);
    QCOMPARE(block->maxLines(), maxLines);
    QCOMPARE(int(block->alignment()), alignment);
}

void TestAdaptiveCardView::textBlockHeadingStyle()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock(QStringLiteral("Title"), {{QStringLiteral("style"), QStringLiteral("heading")}})}));
    CardTextBlock *block = view.findChild<CardTextBlock *>();
    QVERIFY(block);
    QCOMPARE(block->font().pixelSize(), 18);
    QCOMPARE(block->font().weight(), QFont::DemiBold);
}

void TestAdaptiveCardView::textBlockEmptyIsSkipped()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock({}), textBlock(QStringLiteral("Shown"))}));
    const auto blocks = view.findChildren<CardTextBlock *>();
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.first()->text(), QStringLiteral("Shown"));
}

void TestAdaptiveCardView::textBlockMaxLinesCutsWithEllipsis()
{
    const QString longText = QStringLiteral("word ").repeated(200);
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock(longText, {{QStringLiteral("wrap"), true}, {QStringLiteral("maxLines"), 2}})}));
    showAt(view, 300);
    CardTextBlock *block = view.findChild<CardTextBlock *>();
    QCOMPARE(block->height(), 2 * block->lineHeight());
    block->grab(); // paints, which decides the ellipsis
    QVERIFY(block->isTruncated());
}

void TestAdaptiveCardView::textBlockWithoutWrapStaysOnOneLine()
{
    const QString longText = QStringLiteral("word ").repeated(200);
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock(longText)}));
    showAt(view, 300);
    CardTextBlock *block = view.findChild<CardTextBlock *>();
    QCOMPARE(block->height(), block->lineHeight());
    QCOMPARE(block->lineHeight(), 19); // 14 px text on a 1.33 pitch
    // The long line must not widen the card past the view.
    QVERIFY(view.cardWidget()->width() <= 300);
    block->grab();
    QVERIFY(block->isTruncated());
}

void TestAdaptiveCardView::textLinePitchIsTheSameInEveryFont_data()
{
    QTest::addColumn<QString>("family");
    QTest::newRow("DejaVu Sans") << QStringLiteral("DejaVu Sans");
    QTest::newRow("Liberation Sans") << QStringLiteral("Liberation Sans");
    QTest::newRow("Noto Sans") << QStringLiteral("Noto Sans");
}

void TestAdaptiveCardView::textLinePitchIsTheSameInEveryFont()
{
    // Whatever fallback font a workstation has, a card must be exactly as tall as Teams draws it: lines on a
    // 1.33 em pitch, never the font's own (rounded) line height.
    QFETCH(QString, family);
    if (!QFontDatabase::hasFamily(family))
        QSKIP(qPrintable(QStringLiteral("%1 is not installed on this machine").arg(family)));
    const struct
    {
        const char *size;
        int pitch;
    } sizes[] = {{"small", 16}, {"default", 19}, {"large", 24}, {"extraLarge", 32}};
    for (const auto &size : sizes) {
        for (const char *weight : {"default", "bolder"}) {
            QFont font = HostConfig::font({}, QLatin1String(size.size), QLatin1String(weight));
            font.setFamilies({family});
            QCOMPARE(QFontInfo(font).family(), family);
            const QByteArray where = QByteArray(size.size) + ' ' + weight;
            CardTextBlock block;
            block.setFont(font);
            block.setWrap(true);
            block.setMarkdown(QStringLiteral("One line\nand **another**\n- and a third"));
            const auto height = [&]() -> QByteArray { return where + ": " + QByteArray::number(block.heightForWidth(400)); };
            QVERIFY2(block.lineHeight() == size.pitch, where.constData());
            QVERIFY2(block.heightForWidth(400) == 3 * size.pitch, height().constData());
            block.setMaxLines(2);
            QVERIFY2(block.heightForWidth(400) == 2 * size.pitch, height().constData());
            block.setWrap(false);
            QVERIFY2(block.heightForWidth(400) == size.pitch, height().constData());
        }
    }
    // A line holding a bigger run (RichTextBlock) grows in proportion: 24/14 of the 19 px pitch.
    QFont font = HostConfig::font({}, {}, {});
    font.setFamilies({family});
    QFont runFont;
    runFont.setPixelSize(HostConfig::fontPixelSize(QStringLiteral("extraLarge")));
    QTextCharFormat large;
    large.setFont(runFont, QTextCharFormat::FontPropertiesSpecifiedOnly);
    CardTextBlock rich;
    rich.setFont(font);
    rich.setWrap(true);
    rich.setRuns({{QStringLiteral("Battery "), {}, {}}, {QStringLiteral("2%"), large, {}}});
    QCOMPARE(rich.heightForWidth(400), 33);
}

void TestAdaptiveCardView::cardsPreferLiberationSans()
{
    // Liberation Sans has Arial's metrics, close to Segoe UI's; DejaVu Sans and Noto Sans are wider and make
    // text wrap where Teams would not.
    const QStringList families = HostConfig::defaultFontFamilies();
    QCOMPARE(families.mid(0, 3),
             (QStringList{QStringLiteral("Segoe UI"), QStringLiteral("Selawik"), QStringLiteral("Liberation Sans")}));
    QVERIFY(families.indexOf(QStringLiteral("Liberation Sans")) < families.indexOf(QStringLiteral("Noto Sans")));
    QVERIFY(families.indexOf(QStringLiteral("Liberation Sans")) < families.indexOf(QStringLiteral("DejaVu Sans")));
    if (QFontDatabase::hasFamily(QStringLiteral("Liberation Sans")) && !QFontDatabase::hasFamily(QStringLiteral("Segoe UI"))
        && !QFontDatabase::hasFamily(QStringLiteral("Selawik"))) {
        QCOMPARE(QFontInfo(HostConfig::font({}, {}, {})).family(), QStringLiteral("Liberation Sans"));
    }
}

void TestAdaptiveCardView::textWrapsAtWordBoundaries()
{
    // Teams' CSS moves a word that does not fit to the next line and breaks a word only when the word alone is
    // wider than the line.
    CardTextBlock block;
    block.setFont(HostConfig::font({}, {}, {}));
    block.setWrap(true);
    block.setMarkdown(QStringLiteral("Word Preliminary"));
    const QFontMetricsF metrics(block.font());
    const int width = int(std::ceil(metrics.horizontalAdvance(QStringLiteral("Preliminary")))) + 4;
    QVERIFY(width < metrics.horizontalAdvance(QStringLiteral("Word Preliminary")));
    const int pitch = block.lineHeight();
    QCOMPARE(block.heightForWidth(width), 2 * pitch);
    block.resize(width, block.heightForWidth(width));
    QImage image = inkOf(block);
    // "Word" alone on the first line, the whole of "Preliminary" on the second.
    QVERIFY2(inkRight(image, 0, pitch) <= metrics.horizontalAdvance(QStringLiteral("Word")) + 2,
             qPrintable(QString::number(inkRight(image, 0, pitch))));
    QVERIFY2(inkRight(image, pitch, 2 * pitch) >= metrics.horizontalAdvance(QStringLiteral("Prelimina")),
             qPrintable(QString::number(inkRight(image, pitch, 2 * pitch))));

    // A word wider than the whole line is still broken rather than cut off.
    block.setMarkdown(QStringLiteral("Preliminary"));
    const int narrow = int(metrics.horizontalAdvance(QStringLiteral("Prelim")));
    QVERIFY(block.heightForWidth(narrow) >= 2 * pitch);
    block.resize(narrow, block.heightForWidth(narrow));
    image = inkOf(block);
    QVERIFY(inkRight(image, 0, pitch) >= 0);
    QVERIFY(inkRight(image, pitch, 2 * pitch) >= 0);
}

void TestAdaptiveCardView::narrowColumnsKeepWordsWhole()
{
    // In Teams a column shrinks in proportion to its content, so a short column next to a long one keeps its
    // words whole; Qt's layouts took the missing width equally from both and cut "Preliminary" in two.
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"ColumnSet","columns":[
        {"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"Preliminary report","wrap":true}]},
        {"type":"Column","width":"auto","items":[{"type":"TextBlock","wrap":true,
            "text":"Cardiac Device Clinic, St. Mary's Hospital, North Wing"}]}]})"),
                               parse(R"({"type":"FactSet","facts":[{"title":"Preliminary",
            "value":"Cardiac Device Clinic, St. Mary's Hospital, North Wing"}]})")}));
    showAt(view, 320);
    const auto blocks = view.findChildren<CardTextBlock *>();
    QCOMPARE(blocks.size(), 4);
    for (CardTextBlock *block : {blocks[0], blocks[2]}) {
        const QFontMetricsF metrics(block->font());
        QVERIFY2(block->width() >= metrics.horizontalAdvance(QStringLiteral("Preliminary")),
                 qPrintable(block->text() + u' ' + QString::number(block->width())));
    }
    QCOMPARE(blocks[0]->height(), 2 * blocks[0]->lineHeight()); // "Preliminary" above "report"
    const qreal preliminary = QFontMetricsF(blocks[0]->font()).horizontalAdvance(QStringLiteral("Preliminary"));
    QVERIFY2(qAbs(blocks[0]->widestWordWidth() - preliminary) <= 1, qPrintable(QString::number(blocks[0]->widestWordWidth())));
    QCOMPARE(blocks[2]->height(), blocks[2]->lineHeight());
    // A word longer than the card is still broken to fit instead of holding the card wide.
    AdaptiveCardView longWord;
    longWord.setCard(cardWithBody({textBlock(QStringLiteral("https://goreporter.example.org/devices/RNB204517S/"
                                                            "reports/2025-03-12/preliminary"),
                                             {{QStringLiteral("wrap"), true}})}));
    QVERIFY(longWord.minimumSizeHint().width() <= 240);
    showAt(longWord, 240);
    CardTextBlock *url = longWord.findChild<CardTextBlock *>();
    QVERIFY(url->width() <= 240 - 2 * AdaptiveCardView::margin - 2 * 16);
    QVERIFY(url->height() >= 2 * url->lineHeight());
}

void TestAdaptiveCardView::textBlockMarkdown()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock(QStringLiteral("**Bold** and _italic_ with [a link](https://example.org/x)\n- one\n- two"),
                                         {{QStringLiteral("wrap"), true}})}));
    CardTextBlock *block = view.findChild<CardTextBlock *>();
    QVERIFY(block);
    QCOMPARE(block->text(), QStringLiteral("Bold and italic with a link\u2028\u2022 one\u2028\u2022 two"));
    QCOMPARE(block->links(), QList<QUrl>{QUrl(QStringLiteral("https://example.org/x"))});
    // snake_case is not emphasis, unbalanced markers stay literal.
    const QList<TextRun> runs = parseCardMarkdown(QStringLiteral("snake_case_name and 2 * 3 and **open"));
    QString plain;
    for (const TextRun &run : runs)
        plain += run.text;
    QCOMPARE(plain, QStringLiteral("snake_case_name and 2 * 3 and **open"));
}

void TestAdaptiveCardView::richTextBlock()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"RichTextBlock","inlines":["Plain ",
        {"type":"TextRun","text":"red","color":"attention","weight":"bolder"},
        {"type":"TextRun","text":" link","selectAction":{"type":"Action.OpenUrl","url":"https://example.org/r"}}]})")}));
    CardTextBlock *block = view.findChild<CardTextBlock *>();
    QVERIFY(block);
    QCOMPARE(block->property("adaptiveCardType").toString(), QStringLiteral("RichTextBlock"));
    QCOMPARE(block->text(), QStringLiteral("Plain red link"));
    QVERIFY(block->wrap());
    QCOMPARE(block->links(), QList<QUrl>{QUrl(QStringLiteral("https://example.org/r"))});
}

void TestAdaptiveCardView::containerStyles_data()
{
    QTest::addColumn<QString>("style");
    QTest::addColumn<QColor>("background");
    QTest::newRow("emphasis") << QStringLiteral("emphasis") << QColor(0xf9, 0xf8, 0xf7);
    QTest::newRow("good") << QStringLiteral("good") << QColor(0xcc, 0xff, 0xcc);
    QTest::newRow("attention") << QStringLiteral("attention") << QColor(0xff, 0xc5, 0xb2);
    QTest::newRow("warning") << QStringLiteral("warning") << QColor(0xff, 0xe2, 0xb2);
    QTest::newRow("accent") << QStringLiteral("accent") << QColor(0xc7, 0xde, 0xf9);
    QTest::newRow("capitalised") << QStringLiteral("Attention") << QColor(0xff, 0xc5, 0xb2);
}

void TestAdaptiveCardView::containerStyles()
{
    QFETCH(QString, style);
    QFETCH(QColor, background);
    AdaptiveCardView view;
    view.setCard(cardWithBody({QJsonObject{{QStringLiteral("type"), QStringLiteral("Container")},
                                           {QStringLiteral("style"), style},
                                           {QStringLiteral("items"), QJsonArray{textBlock(QStringLiteral("Inside"))}}}}));
    showAt(view, 400);
    CardContainer *container = nullptr;
    for (CardContainer *candidate : view.findChildren<CardContainer *>()) {
        if (candidate->elementType() == u"Container")
            container = candidate;
    }
    QVERIFY(container);
    QVERIFY(container->drawsBackground());
    QCOMPARE(container->backgroundColor(), background);
    QCOMPARE(container->padding(), 16);
    // Painted, not just stored.
    const QImage image = container->grab().toImage();
    QCOMPARE(image.pixelColor(2, 2), background);
    // The text is inset by the container's padding.
    CardTextBlock *block = container->findChild<CardTextBlock *>();
    QCOMPARE(block->mapTo(container, QPoint(0, 0)), QPoint(16, 16));
}

void TestAdaptiveCardView::containerSameStyleAsParentHasNoBackground()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"Container","style":"default","items":[{"type":"TextBlock","text":"x"}]})"),
                               parse(R"({"type":"Container","style":"emphasis","items":[{"type":"Container","style":"emphasis",
                                        "items":[{"type":"TextBlock","text":"y"}]}]})"),
                               parse(R"({"type":"Container","style":"bogus","items":[]})")}));
    QList<CardContainer *> containers;
    for (CardContainer *candidate : view.findChildren<CardContainer *>()) {
        if (candidate->elementType() == u"Container")
            containers.append(candidate);
    }
    QCOMPARE(containers.size(), 4);
    QVERIFY(!containers[0]->drawsBackground());
    QCOMPARE(containers[0]->padding(), 0);
    QVERIFY(containers[1]->drawsBackground());
    QVERIFY(!containers[2]->drawsBackground()); // emphasis inside emphasis
    QVERIFY(!containers[3]->drawsBackground()); // unknown style
}

void TestAdaptiveCardView::containerBleed()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"Container","style":"attention","bleed":true,
                                        "items":[{"type":"TextBlock","text":"Bleeds"}]})"),
                               parse(R"({"type":"Container","style":"good",
                                        "items":[{"type":"TextBlock","text":"Inset"}]})"),
                               parse(R"({"type":"Container","bleed":true,
                                        "items":[{"type":"TextBlock","text":"No style, no bleed"}]})")}));
    showAt(view, 400);
    QList<CardContainer *> containers;
    for (CardContainer *candidate : view.findChildren<CardContainer *>()) {
        if (candidate->elementType() == u"Container")
            containers.append(candidate);
    }
    QCOMPARE(containers.size(), 3);
    const int cardWidth = view.cardWidget()->width();
    QVERIFY(containers[0]->bleeds());
    QCOMPARE(geometryInCard(view, containers[0]), QRect(0, 0, cardWidth, containers[0]->height()));
    QVERIFY(!containers[1]->bleeds());
    QCOMPARE(geometryInCard(view, containers[1]).x(), 16);
    QCOMPARE(containers[1]->width(), cardWidth - 32);
    QVERIFY(!containers[2]->bleeds());
    QCOMPARE(geometryInCard(view, containers[2]).x(), 16);
}

void TestAdaptiveCardView::containerVerticalContentAlignment()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"Container","minHeight":"120px","verticalContentAlignment":"bottom",
                                        "items":[{"type":"TextBlock","text":"Bottom"}]})")}));
    showAt(view, 400);
    CardContainer *container = view.findChildren<CardContainer *>().last();
    QCOMPARE(container->height(), 120);
    CardTextBlock *block = container->findChild<CardTextBlock *>();
    QCOMPARE(block->geometry().bottom(), container->rect().bottom());
}

void TestAdaptiveCardView::columnSetWidths()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"ColumnSet","columns":[
        {"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"Auto"}]},
        {"type":"Column","width":"60px","items":[{"type":"TextBlock","text":"Px"}]},
        {"type":"Column","width":1,"items":[{"type":"TextBlock","text":"One"}]},
        {"type":"Column","width":"3","items":[{"type":"TextBlock","text":"Three"}]}]})")}));
    showAt(view, 500);
    QList<CardContainer *> columns;
    for (CardContainer *candidate : view.findChildren<CardContainer *>()) {
        if (candidate->elementType() == u"Column")
            columns.append(candidate);
    }
    QCOMPARE(columns.size(), 4);
    // Left to right in order, with the default 12 px between columns.
    for (int index = 1; index < columns.size(); ++index)
        QCOMPARE(columns[index]->x(), columns[index - 1]->geometry().right() + 1 + 12);
    const auto autoText = columns[0]->findChild<CardTextBlock *>();
    QCOMPARE(columns[0]->width(), autoText->sizeHint().width());
    QCOMPARE(columns[1]->width(), 60);
    const double ratio = double(columns[3]->width()) / columns[2]->width();
    QVERIFY2(qAbs(ratio - 3.0) < 0.1, qPrintable(QString::number(ratio)));
    // The weighted columns take all the room that is left.
    const QWidget *row = columns[0]->parentWidget();
    QCOMPARE(columns[3]->geometry().right(), row->width() - 1);
}

void TestAdaptiveCardView::columnSetSeparatorAndStyle()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"ColumnSet","style":"emphasis","columns":[
        {"type":"Column","items":[{"type":"TextBlock","text":"A"}]},
        {"type":"Column","separator":true,"spacing":"large","style":"good","items":[{"type":"TextBlock","text":"B"}]},
        {"type":"Column","isVisible":false,"items":[{"type":"TextBlock","text":"hidden"}]},
        "not a column"]})")}));
    showAt(view, 500);
    CardContainer *set = nullptr;
    QList<CardContainer *> columns;
    for (CardContainer *candidate : view.findChildren<CardContainer *>()) {
        if (candidate->elementType() == u"ColumnSet")
            set = candidate;
        if (candidate->elementType() == u"Column")
            columns.append(candidate);
    }
    QVERIFY(set);
    QVERIFY(set->drawsBackground());
    QCOMPARE(set->backgroundColor(), QColor(0xf9, 0xf8, 0xf7));
    QCOMPARE(columns.size(), 2);
    QVERIFY(columns[1]->drawsBackground());
    const auto separators = set->findChildren<CardSeparator *>();
    QCOMPARE(separators.size(), 1);
    QCOMPARE(separators.first()->orientation(), Qt::Vertical);
    QCOMPARE(columns[1]->x() - (columns[0]->geometry().right() + 1), 20 + 1);
    const auto placeholders = set->findChildren<CardPlaceholder *>();
    QCOMPARE(placeholders.size(), 1);
    QVERIFY(placeholders.first()->text().startsWith(QStringLiteral("Unsupported element: string")));
    for (CardTextBlock *block : view.findChildren<CardTextBlock *>())
        QVERIFY(block->text() != u"hidden");
}

void TestAdaptiveCardView::factSet()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"FactSet","facts":[
        {"title":"Device","value":"Azure XT DR"},{"title":"Battery","value":"**2%**"},"junk",{"title":5,"value":true}]})")}));
    showAt(view, 400);
    QStringList titles;
    QStringList values;
    QList<CardTextBlock *> titleBlocks;
    for (CardTextBlock *block : view.findChildren<CardTextBlock *>()) {
        if (block->property("adaptiveCardType").toString() == u"FactSet.title") {
            titles.append(block->text());
            titleBlocks.append(block);
        } else {
            values.append(block->text());
        }
    }
    QCOMPARE(titles, (QStringList{QStringLiteral("Device"), QStringLiteral("Battery"), QStringLiteral("5")}));
    QCOMPARE(values, (QStringList{QStringLiteral("Azure XT DR"), QStringLiteral("2%"), QStringLiteral("true")}));
    QCOMPARE(titleBlocks.first()->font().weight(), QFont::DemiBold);
    QVERIFY(titleBlocks.first()->maximumWidth() <= 150);
    // Values line up in one column, to the right of the titles.
    QList<int> valueX;
    for (CardTextBlock *block : view.findChildren<CardTextBlock *>()) {
        if (block->property("adaptiveCardType").toString() == u"FactSet.value")
            valueX.append(block->x());
    }
    QCOMPARE(valueX.size(), 3);
    QCOMPARE(valueX[0], valueX[1]);
    QVERIFY(valueX[0] > titleBlocks.first()->geometry().right());
}

void TestAdaptiveCardView::factSetRowsAndColumnsAsInTeams()
{
    // Microsoft's renderer draws a FactSet as an HTML table: the rows' margin-top does not apply to table rows,
    // so facts sit one line apart, and the title and value columns are 12 px apart.
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"FactSet","facts":[{"title":"Patient","value":"MRN 00482913"},
        {"title":"Device","value":"Azure XT DR"},{"title":"Longevity","value":"less than 1 month"}]})")}));
    showAt(view, 480);
    const QList<CardTextBlock *> titles = blocksOfType(view, QStringLiteral("FactSet.title"));
    const QList<CardTextBlock *> values = blocksOfType(view, QStringLiteral("FactSet.value"));
    QCOMPARE(titles.size(), 3);
    QCOMPARE(values.size(), 3);
    const int pitch = values.first()->lineHeight();
    QCOMPARE(pitch, 19);
    int titleColumnRight = 0;
    for (int index = 0; index < 3; ++index) {
        QCOMPARE(values[index]->height(), pitch);
        QCOMPARE(titles[index]->height(), pitch);
        titleColumnRight = qMax(titleColumnRight, titles[index]->geometry().right());
        if (index > 0) {
            QCOMPARE(titles[index]->y() - titles[index - 1]->y(), pitch);
            QCOMPARE(values[index]->y() - values[index - 1]->y(), pitch);
        }
    }
    QCOMPARE(values.first()->x() - (titleColumnRight + 1), 12);
}

void TestAdaptiveCardView::imagePlaceholderShowsAltText()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"Image","url":"https://images.example.org/logo.png","altText":"Clinic logo"})"),
                               parse(R"({"type":"Image","url":"https://images.example.org/other.png"})")}));
    const auto images = view.findChildren<CardImage *>();
    QCOMPARE(images.size(), 2);
    QVERIFY(images[0]->isPlaceholder());
    QCOMPARE(images[0]->placeholderText(), QStringLiteral("Clinic logo"));
    QCOMPARE(images[0]->source(), QUrl(QStringLiteral("https://images.example.org/logo.png")));
    QCOMPARE(images[1]->placeholderText(), QStringLiteral("Image from images.example.org"));
    showAt(view, 400);
    QVERIFY(images[0]->height() > 0);
}

void TestAdaptiveCardView::imageFromDataUri()
{
    QImage picture(40, 20, QImage::Format_RGB32);
    picture.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");
    const QString uri = QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
    AdaptiveCardView view;
    view.setCard(cardWithBody({QJsonObject{{QStringLiteral("type"), QStringLiteral("Image")}, {QStringLiteral("url"), uri}},
                               QJsonObject{{QStringLiteral("type"), QStringLiteral("Image")},
                                           {QStringLiteral("url"), QStringLiteral("data:image/png;base64,@@@")}}}));
    showAt(view, 400);
    const auto images = view.findChildren<CardImage *>();
    QCOMPARE(images.size(), 2);
    QVERIFY(!images[0]->isPlaceholder());
    QCOMPARE(images[0]->size(), QSize(40, 20));
    QCOMPARE(images[0]->grab().toImage().pixelColor(20, 10), QColor(Qt::red));
    QVERIFY(images[1]->isPlaceholder());
}

void TestAdaptiveCardView::imageSizes()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"Image","url":"https://x.example/a.png","size":"small"})"),
                               parse(R"({"type":"Image","url":"https://x.example/b.png","size":"large","style":"person",
                                        "horizontalAlignment":"right"})"),
                               parse(R"({"type":"Image","url":"https://x.example/c.png","width":"80px","height":"40px"})"),
                               parse(R"({"type":"Image","url":"https://x.example/d.png","size":"stretch"})")}));
    showAt(view, 400);
    const auto images = view.findChildren<CardImage *>();
    QCOMPARE(images.size(), 4);
    QCOMPARE(images[0]->size(), QSize(32, 32));
    QCOMPARE(images[1]->size(), QSize(100, 100));
    QVERIFY(images[1]->isPersonStyle());
    QCOMPARE(geometryInCard(view, images[1]).right(), view.cardWidget()->width() - 16 - 1);
    QCOMPARE(images[2]->size(), QSize(80, 40));
    QCOMPARE(images[3]->width(), view.cardWidget()->width() - 32);
}

void TestAdaptiveCardView::imageSet()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"ImageSet","imageSize":"small","images":[
        {"type":"Image","url":"https://x.example/1.png"},{"type":"Image","url":"https://x.example/2.png"}]})")}));
    showAt(view, 400);
    const auto images = view.findChildren<CardImage *>();
    QCOMPARE(images.size(), 2);
    QCOMPARE(images[0]->size(), QSize(32, 32));
    QCOMPARE(images[1]->x(), images[0]->geometry().right() + 1 + 8);
}

void TestAdaptiveCardView::table()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({batteryTable(parse(R"({"columns":[{"width":1},{"width":2}]})"))}));
    showAt(view, 400);
    auto *table = view.findChild<CardTable *>();
    QVERIFY(table);
    QVERIFY(table->showsGridLines());
    QCOMPARE(view.findChildren<CardPlaceholder *>().size(), 0);
    const auto blocks = view.findChildren<CardTextBlock *>();
    QCOMPARE(blocks.size(), 4);
    QCOMPARE(blocks[0]->font().weight(), QFont::DemiBold); // header row
    QCOMPARE(blocks[1]->font().weight(), QFont::DemiBold);
    QCOMPARE(blocks[2]->font().weight(), QFont::Normal);
    CardContainer *narrow = table->cell(1, 0);
    CardContainer *wide = table->cell(1, 1);
    QVERIFY(narrow && wide);
    const double ratio = double(wide->width()) / narrow->width();
    QVERIFY2(qAbs(ratio - 2.0) < 0.1, qPrintable(QString::number(ratio)));
    QVERIFY(wide->drawsBackground());
    QCOMPARE(wide->backgroundColor(), QColor(0xff, 0xc5, 0xb2));
    QCOMPARE(blocks[2]->mapTo(narrow, QPoint(0, 0)), QPoint(8, 8)); // cell padding
    // Grid lines between the cells.
    const QImage image = table->grab().toImage();
    QCOMPARE(image.pixelColor(0, 0), QColor(0xe0, 0xe0, 0xe0));
    QCOMPARE(image.pixelColor(narrow->geometry().right() + 1, narrow->geometry().center().y()), QColor(0xe0, 0xe0, 0xe0));
}

void TestAdaptiveCardView::tableFirstRowAsHeaders_data()
{
    QTest::addColumn<QString>("property");
    QTest::addColumn<int>("headerWeight");
    // Microsoft's renderers read "firstRowAsHeaders"; the 1.5 schema file names it "firstRowAsHeader".
    QTest::newRow("absent") << QString() << int(QFont::DemiBold);
    QTest::newRow("firstRowAsHeaders false") << QStringLiteral(R"("firstRowAsHeaders":false,)") << int(QFont::Normal);
    QTest::newRow("firstRowAsHeaders true") << QStringLiteral(R"("firstRowAsHeaders":true,)") << int(QFont::DemiBold);
    QTest::newRow("firstRowAsHeader false") << QStringLiteral(R"("firstRowAsHeader":false,)") << int(QFont::Normal);
    QTest::newRow("plural wins") << QStringLiteral(R"("firstRowAsHeaders":true,"firstRowAsHeader":false,)")
                                 << int(QFont::DemiBold);
}

void TestAdaptiveCardView::tableFirstRowAsHeaders()
{
    QFETCH(QString, property);
    QFETCH(int, headerWeight);
    const QString json = QStringLiteral(R"({"type":"Table",%1"columns":[{"width":1}],"rows":[
        {"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"Head"}]}]},
        {"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"Body"}]}]}]})")
                             .arg(property);
    AdaptiveCardView view;
    view.setCard(cardWithBody({QJsonDocument::fromJson(json.toUtf8()).object()}));
    const auto blocks = view.findChildren<CardTextBlock *>();
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(int(blocks[0]->font().weight()), headerWeight);
    QCOMPARE(blocks[1]->font().weight(), QFont::Normal);
}

void TestAdaptiveCardView::tableWithoutGridLines()
{
    // Without grid lines Microsoft's renderer pads only styled cells and keeps cells table.cellSpacing (8 px) apart.
    AdaptiveCardView view;
    view.setCard(cardWithBody({batteryTable(parse(R"({"showGridLines":false,"columns":[{"width":1},{"width":1}]})"))}));
    showAt(view, 400);
    auto *table = view.findChild<CardTable *>();
    QVERIFY(table);
    QVERIFY(!table->showsGridLines());
    const auto blocks = view.findChildren<CardTextBlock *>();
    QCOMPARE(blocks.size(), 4);
    CardContainer *topLeft = table->cell(0, 0);
    CardContainer *topRight = table->cell(0, 1);
    CardContainer *bottomLeft = table->cell(1, 0);
    CardContainer *styled = table->cell(1, 1);
    QVERIFY(topLeft && topRight && bottomLeft && styled);
    QCOMPARE(blocks[0]->mapTo(topLeft, QPoint(0, 0)), QPoint(0, 0));
    QCOMPARE(blocks[3]->mapTo(styled, QPoint(0, 0)), QPoint(8, 8));
    QCOMPARE(topRight->x() - (topLeft->geometry().right() + 1), 8);
    QCOMPARE(bottomLeft->y() - (topLeft->geometry().bottom() + 1), 8);
    // No lines in the gaps: the card shows through.
    const QImage image = view.grab().toImage();
    QCOMPARE(image.pixelColor(topLeft->mapTo(&view, QPoint(topLeft->width() + 4, topLeft->height() / 2))),
             QColor(Qt::white));
    QCOMPARE(image.pixelColor(topLeft->mapTo(&view, QPoint(topLeft->width() / 2, topLeft->height() + 4))),
             QColor(Qt::white));
}

void TestAdaptiveCardView::cardActionsOpenUrl()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock(QStringLiteral("Body"))},
                              {parse(R"({"type":"Action.OpenUrl","title":"Open report","url":"https://goreporter.example.org/r/1"})")}));
    showAt(view, 400);
    QSignalSpy spy(&view, &AdaptiveCardView::openUrlRequested);
    const auto buttons = view.findChildren<CardActionButton *>();
    QCOMPARE(buttons.size(), 1);
    QCOMPARE(buttons.first()->text(), QStringLiteral("Open report"));
    QVERIFY(buttons.first()->isEnabled());
    QVERIFY(buttons.first()->isVisible());
    QTest::mouseClick(buttons.first(), Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().first().toUrl(), QUrl(QStringLiteral("https://goreporter.example.org/r/1")));
    // Actions sit below the body, 12 px (actions.spacing "default") under it.
    const CardTextBlock *body = view.findChild<CardTextBlock *>();
    QCOMPARE(geometryInCard(view, buttons.first()).top(), geometryInCard(view, body).bottom() + 1 + 12);
}

void TestAdaptiveCardView::actionButtonsLookLikeTeams()
{
    // Teams' light theme: regular-weight accent text in a 2 px #BFC0DA outline.
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock(QStringLiteral("Body"))},
                              {parse(R"({"type":"Action.OpenUrl","title":"Open report","url":"https://goreporter.example.org/r/1"})"),
                               parse(R"({"type":"Action.Submit","title":"Acknowledge"})")}));
    showAt(view, 400);
    const auto buttons = view.findChildren<CardActionButton *>();
    QCOMPARE(buttons.size(), 2);
    for (CardActionButton *button : buttons) {
        QCOMPARE(button->font().weight(), QFont::Normal);
        const QImage image = button->grab().toImage();
        const int middle = image.height() / 2;
        const QColor outline(0xbf, 0xc0, 0xda);
        QCOMPARE(image.pixelColor(0, middle), outline);
        QCOMPARE(image.pixelColor(1, middle), outline);
        QCOMPARE(image.pixelColor(image.width() - 2, middle), outline);
        QCOMPARE(image.pixelColor(image.width() - 1, middle), outline);
        QCOMPARE(image.pixelColor(2, middle), QColor(Qt::white));
        const QColor text = darkestPixel(image, image.rect().adjusted(3, 3, -3, -3));
        QVERIFY2(closeTo(text, QColor(0x62, 0x64, 0xa7), 16), qPrintable(button->text() + u' ' + text.name()));
    }
}

void TestAdaptiveCardView::otherActionsLookLiveButDoNothing()
{
    // Teams shows Submit, ShowCard and Execute as live buttons; the preview has nothing to send them to, so they
    // only say so. What Teams would not run stays disabled.
    AdaptiveCardView view;
    view.setCard(cardWithBody({}, {parse(R"({"type":"Action.Submit","title":"Acknowledge"})"),
                                   parse(R"({"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard"}})"),
                                   parse(R"({"type":"Action.Execute","title":"Run"})"),
                                   parse(R"({"type":"Action.OpenUrl","title":"Broken","url":"not a url"})"),
                                   parse(R"({"type":"Action.OpenUrl","title":"Off","url":"https://x.example","isEnabled":false})"),
                                   QJsonValue(42)}));
    showAt(view, 600);
    QSignalSpy spy(&view, &AdaptiveCardView::openUrlRequested);
    const auto buttons = view.findChildren<CardActionButton *>();
    QCOMPARE(buttons.size(), 6);
    for (int index = 0; index < buttons.size(); ++index) {
        CardActionButton *button = buttons[index];
        QVERIFY2(button->isEnabled() == (index < 3), qPrintable(button->text()));
        QTest::mouseClick(button, Qt::LeftButton);
    }
    QCOMPARE(spy.size(), 0);
    QVERIFY(buttons[0]->toolTip().contains(QStringLiteral("Action.Submit")));
    QVERIFY(buttons[0]->toolTip().contains(QStringLiteral("preview")));
    QVERIFY(buttons[2]->toolTip().contains(QStringLiteral("Action.Execute")));

    AdaptiveCardView other;
    other.setCard(cardWithBody({}, {parse(R"({"type":"Action.Submit","title":"Off","isEnabled":false})"),
                                    parse(R"({"type":"Action.Frobnicate","title":"Unknown"})")}));
    for (CardActionButton *button : other.findChildren<CardActionButton *>())
        QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
}

void TestAdaptiveCardView::actionSetElement()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock(QStringLiteral("Before")),
                               parse(R"({"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"Go","url":"https://x.example/go"}]})"),
                               textBlock(QStringLiteral("After"))}));
    showAt(view, 400);
    QSignalSpy spy(&view, &AdaptiveCardView::openUrlRequested);
    CardActionButton *button = view.findChild<CardActionButton *>();
    QVERIFY(button);
    const auto blocks = view.findChildren<CardTextBlock *>();
    QVERIFY(geometryInCard(view, button).top() > geometryInCard(view, blocks[0]).bottom());
    QVERIFY(geometryInCard(view, button).bottom() < geometryInCard(view, blocks[1]).top());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
}

void TestAdaptiveCardView::actionsLimitedToSix()
{
    QJsonArray actions;
    for (int index = 0; index < 9; ++index)
        actions.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Action.OpenUrl")},
                                   {QStringLiteral("title"), QString::number(index)},
                                   {QStringLiteral("url"), QStringLiteral("https://x.example/%1").arg(index)}});
    AdaptiveCardView view;
    view.setCard(cardWithBody({}, actions));
    QCOMPARE(view.findChildren<CardActionButton *>().size(), 6);
}

void TestAdaptiveCardView::spacing_data()
{
    QTest::addColumn<QString>("spacing");
    QTest::addColumn<int>("pixels");
    QTest::newRow("none") << QStringLiteral("none") << 0;
    QTest::newRow("small") << QStringLiteral("small") << 8;
    QTest::newRow("default") << QStringLiteral("default") << 12;
    QTest::newRow("absent") << QString() << 12;
    QTest::newRow("medium") << QStringLiteral("medium") << 16;
    QTest::newRow("large") << QStringLiteral("large") << 20;
    QTest::newRow("extraLarge") << QStringLiteral("extraLarge") << 24;
    QTest::newRow("padding") << QStringLiteral("padding") << 16;
    QTest::newRow("unknown") << QStringLiteral("roomy") << 12;
}

void TestAdaptiveCardView::spacing()
{
    QFETCH(QString, spacing);
    QFETCH(int, pixels);
    QJsonObject second = textBlock(QStringLiteral("Second"));
    if (!spacing.isNull())
        second.insert(QStringLiteral("spacing"), spacing);
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock(QStringLiteral("First")), second}));
    showAt(view, 400);
    const auto blocks = view.findChildren<CardTextBlock *>();
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(geometryInCard(view, blocks[1]).top() - geometryInCard(view, blocks[0]).bottom() - 1, pixels);
    QVERIFY(view.findChildren<CardSeparator *>().isEmpty());
}

void TestAdaptiveCardView::separator()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock(QStringLiteral("First")),
                               textBlock(QStringLiteral("Second"), {{QStringLiteral("separator"), true},
                                                                    {QStringLiteral("spacing"), QStringLiteral("large")}})}));
    showAt(view, 400);
    const auto blocks = view.findChildren<CardTextBlock *>();
    const auto separators = view.findChildren<CardSeparator *>();
    QCOMPARE(separators.size(), 1);
    const QRect line = geometryInCard(view, separators.first());
    QCOMPARE(line.height(), 1);
    QCOMPARE(line.left(), 16);
    QCOMPARE(line.width(), view.cardWidget()->width() - 32);
    // The line sits in the middle of the 20 px spacing.
    QCOMPARE(line.top() - geometryInCard(view, blocks[0]).bottom() - 1, 10);
    QCOMPARE(geometryInCard(view, blocks[1]).top() - line.bottom() - 1, 10);
    QCOMPARE(separators.first()->grab().toImage().pixelColor(0, 0), QColor(0xee, 0xee, 0xee));
}

void TestAdaptiveCardView::firstElementSpacingIgnored()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock(QStringLiteral("First"), {{QStringLiteral("separator"), true},
                                                                   {QStringLiteral("spacing"), QStringLiteral("extraLarge")}})}));
    showAt(view, 400);
    QVERIFY(view.findChildren<CardSeparator *>().isEmpty());
    QCOMPARE(geometryInCard(view, view.findChild<CardTextBlock *>()).topLeft(), QPoint(16, 16));
}

void TestAdaptiveCardView::invisibleElementsAreHidden()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({textBlock(QStringLiteral("Hidden"), {{QStringLiteral("isVisible"), false}}),
                               textBlock(QStringLiteral("Shown"))}));
    const auto blocks = view.findChildren<CardTextBlock *>();
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.first()->text(), QStringLiteral("Shown"));
}

void TestAdaptiveCardView::unknownElementPlaceholder()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"Input.Text","id":"comment"})"), parse(R"({"type":"Media","sources":[]})"),
                               parse(R"({"text":"no type"})"), textBlock(QStringLiteral("Still drawn"))}));
    const auto placeholders = view.findChildren<CardPlaceholder *>();
    QCOMPARE(placeholders.size(), 3);
    QCOMPARE(placeholders[0]->text(), QStringLiteral("Unsupported element: Input.Text"));
    QCOMPARE(placeholders[1]->text(), QStringLiteral("Unsupported element: Media"));
    QCOMPARE(placeholders[2]->text(), QStringLiteral("Unsupported element: (no type)"));
    QCOMPARE(view.findChild<CardTextBlock *>()->text(), QStringLiteral("Still drawn"));
}

void TestAdaptiveCardView::fallbackDropAndReplace()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"Carousel","fallback":"drop"})"),
                               parse(R"({"type":"Icon","fallback":{"type":"TextBlock","text":"Fallback text"}})")}));
    QVERIFY(view.findChildren<CardPlaceholder *>().isEmpty());
    const auto blocks = view.findChildren<CardTextBlock *>();
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.first()->text(), QStringLiteral("Fallback text"));
}

void TestAdaptiveCardView::notAnAdaptiveCard()
{
    AdaptiveCardView view;
    view.setCard(parse(R"({"type":"message","body":[{"type":"TextBlock","text":"x"}]})"));
    const auto placeholders = view.findChildren<CardPlaceholder *>();
    QCOMPARE(placeholders.size(), 1);
    QVERIFY(placeholders.first()->text().contains(QStringLiteral("message")));
}

void TestAdaptiveCardView::garbageInput_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("placeholders");
    QTest::newRow("empty object") << QStringLiteral("{}") << 1;
    QTest::newRow("body is a string") << R"({"type":"AdaptiveCard","body":"hello"})" << 1;
    QTest::newRow("body items are not objects") << R"({"type":"AdaptiveCard","body":[1,null,true,[],"x"]})" << 5;
    QTest::newRow("text is a number") << R"({"type":"AdaptiveCard","body":[{"type":"TextBlock","text":42}]})" << 0;
    QTest::newRow("text is an object") << R"({"type":"AdaptiveCard","body":[{"type":"TextBlock","text":{}}]})" << 0;
    QTest::newRow("items is an object") << R"({"type":"AdaptiveCard","body":[{"type":"Container","items":{}}]})" << 1;
    QTest::newRow("columns is a number") << R"({"type":"AdaptiveCard","body":[{"type":"ColumnSet","columns":3}]})" << 1;
    QTest::newRow("column width garbage")
        << R"({"type":"AdaptiveCard","body":[{"type":"ColumnSet","columns":[{"type":"Column","width":-3},
             {"type":"Column","width":"0px"},{"type":"Column","width":[1]},{"type":"Column","width":"1e308"}]}]})" << 0;
    QTest::newRow("facts garbage") << R"({"type":"AdaptiveCard","body":[{"type":"FactSet","facts":[1,[],{"title":[]}]}]})"
                                   << 0;
    QTest::newRow("image garbage")
        << R"({"type":"AdaptiveCard","body":[{"type":"Image","url":7,"width":"99999999px","size":{}},
             {"type":"Image","url":"data:,"},{"type":"Image","url":"data:image/png;base64"}]})" << 0;
    QTest::newRow("actions is an object") << R"({"type":"AdaptiveCard","actions":{"type":"Action.OpenUrl"}})" << 1;
    QTest::newRow("spacing and separator wrong types")
        << R"({"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"a"},
             {"type":"TextBlock","text":"b","spacing":5,"separator":"yes","isVisible":"no","maxLines":-1,"wrap":1}]})" << 0;
    QTest::newRow("huge maxLines") << R"({"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"a","wrap":true,
             "maxLines":1e300}]})" << 0;
    QTest::newRow("rich text garbage") << R"({"type":"AdaptiveCard","body":[{"type":"RichTextBlock","inlines":[1,{"type":"X"},
             {"type":"TextRun","text":null,"selectAction":"x"}]}]})" << 0;
    QTest::newRow("unicode") << QStringLiteral(R"({"type":"AdaptiveCard","body":[{"type":"TextBlock","wrap":true,
             "text":"Zoë Ångström — مرحبا بالعالم 🫀 **x**"}]})") << 0;
}

void TestAdaptiveCardView::garbageInput()
{
    QFETCH(QString, json);
    QFETCH(int, placeholders);
    AdaptiveCardView view;
    view.setCard(QJsonDocument::fromJson(json.toUtf8()).object());
    QCOMPARE(view.findChildren<CardPlaceholder *>().size(), placeholders);
    showAt(view, 400);
    const QImage image = view.renderToImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.height() < 5000);
}

void TestAdaptiveCardView::deepNestingIsCut()
{
    QJsonObject element = textBlock(QStringLiteral("deep"));
    for (int level = 0; level < 300; ++level)
        element = QJsonObject{{QStringLiteral("type"), QStringLiteral("Container")}, {QStringLiteral("items"), QJsonArray{element}}};
    AdaptiveCardView view;
    view.setCard(cardWithBody({element}));
    const auto placeholders = view.findChildren<CardPlaceholder *>();
    QCOMPARE(placeholders.size(), 1);
    QVERIFY(placeholders.first()->text().contains(QStringLiteral("nested deeper")));
}

void TestAdaptiveCardView::languageChangeRebuilds()
{
    AdaptiveCardView view;
    view.setCard(cardWithBody({parse(R"({"type":"Input.Toggle"})")}));
    const QPointer<CardPlaceholder> before = view.findChild<CardPlaceholder *>();
    QVERIFY(before);
    QEvent languageChange(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&view, &languageChange);
    const auto after = view.findChildren<CardPlaceholder *>();
    QCOMPARE(after.size(), 1);
    QVERIFY(after.first() != before.data());
    QCOMPARE(after.first()->text(), QStringLiteral("Unsupported element: Input.Toggle"));
}

void TestAdaptiveCardView::rtlCard()
{
    AdaptiveCardView view;
    QJsonObject card = cardWithBody({textBlock(QStringLiteral("مرحبا"))});
    card.insert(QStringLiteral("rtl"), true);
    view.setCard(card);
    QCOMPARE(view.cardWidget()->layoutDirection(), Qt::RightToLeft);
    showAt(view, 400);
    CardTextBlock *block = view.findChild<CardTextBlock *>();
    QCOMPARE(block->layoutDirection(), Qt::RightToLeft);
}

void TestAdaptiveCardView::renderBatteryCriticalCard()
{
    QFile file(QFINDTESTDATA("data/cards/battery-critical.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    AdaptiveCardView view;
    view.setCard(QJsonDocument::fromJson(file.readAll()).object());
    QVERIFY(view.findChildren<CardPlaceholder *>().isEmpty());
    const QString path = screenshotPath(QStringLiteral("battery-critical-card.png"));
    QVERIFY(view.saveAsPng(path));
    const QImage image(path);
    QCOMPARE(image.width() / image.devicePixelRatio(), qreal(AdaptiveCardView::defaultRenderWidth));
    // Chat background around the card, the attention colour bleeding to the card's edges at the top.
    QCOMPARE(image.pixelColor(2, 2), QColor(0xf5, 0xf5, 0xf5));
    const int inside = AdaptiveCardView::margin + 2;
    QCOMPARE(image.pixelColor(inside, inside), QColor(0xff, 0xc5, 0xb2));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestAdaptiveCardView::renderUserCard()
{
    // A card as a user might paste it, using most of what Teams draws plus an input the preview cannot.
    QFile file(QFINDTESTDATA("data/cards/kitchen-sink.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    AdaptiveCardView view;
    view.setCard(QJsonDocument::fromJson(file.readAll()).object());
    const auto placeholders = view.findChildren<CardPlaceholder *>();
    QCOMPARE(placeholders.size(), 1);
    QCOMPARE(placeholders.first()->text(), QStringLiteral("Unsupported element: Input.Text"));
    const auto buttons = view.findChildren<CardActionButton *>();
    QCOMPARE(buttons.size(), 3);
    for (CardActionButton *button : buttons)
        QVERIFY2(button->isEnabled(), qPrintable(button->text()));
    const QString path = screenshotPath(QStringLiteral("user-card.png"));
    QVERIFY(view.saveAsPng(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestAdaptiveCardView)
#include "tst_adaptivecardview.moc"
