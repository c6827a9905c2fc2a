// Drives the payload preview window and pane: integration, event and PHI pickers, editing the sample event,
// errors for bad input, size and headers, and screenshots of the result.
#include "models/domain/event.h"
#include "testsupport/futures.h"
#include "network/payloads/payloadformatter.h"
#include "ui/adaptivecard/adaptivecardview.h"
#include "ui/adaptivecard/cardwidgets.h"
#include "ui/jsonhighlighter.h"
#include "ui/previewpane.h"
#include "ui/previewwindow.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>
#include <QTimer>

namespace {

QString screenshotPath(const QString &name)
{
    QDir directory(QCoreApplication::applicationDirPath());
    directory.mkpath(QStringLiteral("screenshots"));
    return directory.filePath(QStringLiteral("screenshots/") + name);
}

void selectData(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}

// Selects the first occurrence of `text` in the editor and types `replacement` over it, as a user would.
void typeOver(QPlainTextEdit *editor, const QString &text, const QString &replacement)
{
    const QTextCursor found = editor->document()->find(text);
    QVERIFY2(!found.isNull(), qPrintable(text));
    editor->setTextCursor(found);
    editor->setFocus();
    QTest::keyClicks(editor, replacement);
}

QByteArray expectedBody(WebhookKind kind, const QString &eventType, PhiLevel phi)
{
    QString error;
    const auto payload = PayloadFormatter::create(kind)->format(EventSamples::sample(eventType), phi, &error);
    return payload ? payload->body : QByteArray();
}

} // namespace

class TestPreviewWindow : public QObject
{
    Q_OBJECT

private slots:
    void startsWithTeamsAndACard();
    void switchingIntegration_data();
    void switchingIntegration();
    void epicRefusesTaskEvents();
    void switchingEventResetsTheSample();
    void switchingPhiLevel();
    void malformedJsonShowsWhereItBroke();
    void wrongTypeNamesTheField();
    void validEditUpdatesBytesAndSize();
    void resetToSampleClearsTheError();
    void loadSampleFromFile();
    void setWebhookPreselects();
    void editorIsHighlighted();
    void prettyPrintingKeepsOrderAndEscapes();
    void paneSizeLabelAndWarnings();
    void languageChangeKeepsWorking();
    void screenshots();
};

void TestPreviewWindow::startsWithTeamsAndACard()
{
    PreviewWindow window;
    QCOMPARE(window.kind(), WebhookKind::Teams);
    QCOMPARE(window.phiLevel(), PhiLevel::None);
    QVERIFY(!window.eventEditor()->toPlainText().isEmpty());
    QVERIFY(window.eventErrorLabel()->isHidden());
    PreviewPane *pane = window.previewPane();
    QVERIFY(!pane->isShowingError());
    QCOMPARE(pane->body(), expectedBody(WebhookKind::Teams, window.eventType(), PhiLevel::None));
    QVERIFY(!pane->cardPanel()->isHidden());
    QVERIFY(!pane->cardView()->findChildren<AdaptiveCards::CardContainer *>().isEmpty());
    QVERIFY(pane->cardView()->findChildren<AdaptiveCards::CardPlaceholder *>().isEmpty());
}

void TestPreviewWindow::switchingIntegration_data()
{
    QTest::addColumn<WebhookKind>("kind");
    QTest::addColumn<bool>("cardShown");
    QTest::addColumn<QString>("contentType");
    QTest::newRow("slack") << WebhookKind::Slack << false << QStringLiteral("application/json");
    QTest::newRow("epic") << WebhookKind::Epic << false << QStringLiteral("application/fhir+json");
    QTest::newRow("generic") << WebhookKind::Generic << false << QStringLiteral("application/json");
    QTest::newRow("teams") << WebhookKind::Teams << true << QStringLiteral("application/json");
}

void TestPreviewWindow::switchingIntegration()
{
    QFETCH(WebhookKind, kind);
    QFETCH(bool, cardShown);
    QFETCH(QString, contentType);
    PreviewWindow window;
    selectData(window.eventCombo(), QStringLiteral("report.completed"));
    if (kind == WebhookKind::Teams)
        selectData(window.kindCombo(), WebhookKinds::key(WebhookKind::Slack));
    selectData(window.kindCombo(), WebhookKinds::key(kind));
    PreviewPane *pane = window.previewPane();
    QVERIFY(!pane->isShowingError());
    // PHI follows the integration's default until the user picks a level.
    QCOMPARE(window.phiLevel(), WebhookKinds::defaultPhiLevel(kind));
    QCOMPARE(pane->body(), expectedBody(kind, QStringLiteral("report.completed"), window.phiLevel()));
    QCOMPARE(pane->jsonView()->toPlainText(), PreviewPane::prettyPrinted(pane->body()));
    QCOMPARE(pane->cardPanel()->isHidden(), !cardShown);
    QVERIFY2(pane->headersView()->text().contains(QStringLiteral("Content-Type: ") + contentType),
             qPrintable(pane->headersView()->text()));
}

void TestPreviewWindow::epicRefusesTaskEvents()
{
    PreviewWindow window;
    selectData(window.kindCombo(), WebhookKinds::key(WebhookKind::Epic));
    selectData(window.eventCombo(), QStringLiteral("task.overdue"));
    PreviewPane *pane = window.previewPane();
    QVERIFY(pane->isShowingError());
    QString expected;
    QVERIFY(!PayloadFormatter::create(WebhookKind::Epic)
                 ->format(EventSamples::sample(QStringLiteral("task.overdue")), PhiLevel::Full, &expected));
    QCOMPARE(pane->errorLabel()->text(), expected);
    // The event itself is fine: no complaint under the editor.
    QVERIFY(window.eventErrorLabel()->isHidden());
}

void TestPreviewWindow::switchingEventResetsTheSample()
{
    PreviewWindow window;
    selectData(window.eventCombo(), QStringLiteral("battery.critical"));
    QCOMPARE(window.eventEditor()->toPlainText(),
             QString::fromUtf8(EventSamples::sample(QStringLiteral("battery.critical")).toJson()));
    QCOMPARE(window.previewPane()->body(), expectedBody(WebhookKind::Teams, QStringLiteral("battery.critical"), PhiLevel::None));
    // battery.critical is drawn with a bleeding attention container.
    bool attention = false;
    for (auto *container : window.previewPane()->cardView()->findChildren<AdaptiveCards::CardContainer *>())
        attention = attention || (container->style() == u"attention" && container->bleeds());
    QVERIFY(attention);
}

void TestPreviewWindow::switchingPhiLevel()
{
    PreviewWindow window;
    selectData(window.eventCombo(), QStringLiteral("battery.critical"));
    const QString familyName = EventSamples::sample(QStringLiteral("battery.critical")).patient->familyName;
    QVERIFY(!QString::fromUtf8(window.previewPane()->body()).contains(familyName));
    selectData(window.phiCombo(), PhiLevels::key(PhiLevel::Full));
    QCOMPARE(window.previewPane()->body(), expectedBody(WebhookKind::Teams, QStringLiteral("battery.critical"), PhiLevel::Full));
    QVERIFY(QString::fromUtf8(window.previewPane()->body()).contains(familyName));
    // A chosen level survives switching integration.
    selectData(window.kindCombo(), WebhookKinds::key(WebhookKind::Generic));
    QCOMPARE(window.phiLevel(), PhiLevel::Full);
}

void TestPreviewWindow::malformedJsonShowsWhereItBroke()
{
    PreviewWindow window;
    const QByteArray before = window.previewPane()->body();
    QPlainTextEdit *editor = window.eventEditor();
    editor->setFocus();
    editor->moveCursor(QTextCursor::Start);
    QTest::keyClicks(editor, QStringLiteral("oops "));
    // Typing only restarts the debounce timer; nothing is formatted yet.
    QVERIFY(window.formatTimer()->isActive());
    QCOMPARE(window.formatTimer()->interval(), PreviewWindow::typingDelayMs);
    QVERIFY(!window.previewPane()->isShowingError());
    QCOMPARE(window.previewPane()->body(), before);

    window.updatePreview(); // what the timer does when it fires
    QVERIFY(!window.formatTimer()->isActive());
    QVERIFY(!window.eventErrorLabel()->isHidden());
    const QString message = window.eventErrorLabel()->text();
    QVERIFY2(message.contains(QStringLiteral("not valid JSON")) && message.contains(QStringLiteral("line 1")),
             qPrintable(message));
    QString expected;
    QVERIFY(!Event::fromJson(editor->toPlainText().toUtf8(), &expected));
    QCOMPARE(message, expected);
    QVERIFY(window.previewPane()->isShowingError());
    QVERIFY(window.previewPane()->errorLabel()->text().contains(expected));
}

void TestPreviewWindow::wrongTypeNamesTheField()
{
    PreviewWindow window;
    selectData(window.eventCombo(), QStringLiteral("battery.critical"));
    typeOver(window.eventEditor(), QStringLiteral("\"percentage\": 3"), QStringLiteral("\"percentage\": \"three\""));
    window.updatePreview();
    const QString message = window.eventErrorLabel()->text();
    QVERIFY(!window.eventErrorLabel()->isHidden());
    QVERIFY2(message.contains(QStringLiteral("percentage")), qPrintable(message));
    QVERIFY(window.previewPane()->isShowingError());
    QVERIFY(window.previewPane()->errorLabel()->text().contains(message));
}

void TestPreviewWindow::validEditUpdatesBytesAndSize()
{
    PreviewWindow window;
    selectData(window.eventCombo(), QStringLiteral("battery.critical"));
    selectData(window.kindCombo(), WebhookKinds::key(WebhookKind::Generic));
    const QByteArray before = window.previewPane()->body();
    const QString model = EventSamples::sample(QStringLiteral("battery.critical")).battery->model;
    typeOver(window.eventEditor(), model, QStringLiteral("Edited Model 9000 with a much longer name"));
    QVERIFY(window.formatTimer()->isActive());
    window.updatePreview();
    QVERIFY(!window.previewPane()->isShowingError());
    const QByteArray after = window.previewPane()->body();
    QVERIFY(after != before);
    QVERIFY(after.contains("Edited Model 9000 with a much longer name"));
    QVERIFY2(window.previewPane()->sizeLabel()->text().contains(QLocale().toString(after.size())),
             qPrintable(window.previewPane()->sizeLabel()->text()));
}

void TestPreviewWindow::resetToSampleClearsTheError()
{
    PreviewWindow window;
    window.eventEditor()->setPlainText(QStringLiteral("[]"));
    window.updatePreview();
    QVERIFY(window.previewPane()->isShowingError());
    QPushButton *reset = nullptr;
    for (QPushButton *button : window.findChildren<QPushButton *>()) {
        if (button->text() == u"Reset to Sample")
            reset = button;
    }
    QVERIFY(reset);
    QTest::mouseClick(reset, Qt::LeftButton);
    QVERIFY(!window.previewPane()->isShowingError());
    QVERIFY(window.eventErrorLabel()->isHidden());
    QVERIFY(!window.formatTimer()->isActive());
}

void TestPreviewWindow::loadSampleFromFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    Event event = EventSamples::sample(QStringLiteral("battery.low"));
    event.battery->manufacturer = QStringLiteral("Loaded From File GmbH");
    const QString path = directory.filePath(QStringLiteral("event.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(event.toJson());
    file.close();

    PreviewWindow window;
    selectData(window.kindCombo(), WebhookKinds::key(WebhookKind::Slack));
    QCOMPARE(resultOf(window.loadSampleFile(path)), std::optional(true));
    QCOMPARE(window.eventType(), QStringLiteral("battery.low")); // the picker follows the loaded event
    QVERIFY(window.previewPane()->body().contains("Loaded From File GmbH"));

    QCOMPARE(resultOf(window.loadSampleFile(directory.filePath(QStringLiteral("missing.json")))), std::optional(false));
    QVERIFY(!window.eventErrorLabel()->isHidden());
    QVERIFY(window.eventErrorLabel()->text().contains(QStringLiteral("missing.json")));
}

void TestPreviewWindow::setWebhookPreselects()
{
    Webhook webhook;
    webhook.kind = WebhookKind::Epic;
    webhook.phiLevel = PhiLevel::Limited;
    webhook.events = {QStringLiteral("report.completed")};
    PreviewWindow window;
    window.setWebhook(webhook);
    QCOMPARE(window.kind(), WebhookKind::Epic);
    QCOMPARE(window.phiLevel(), PhiLevel::Limited);
    QCOMPARE(window.eventType(), QStringLiteral("report.completed"));
    QCOMPARE(window.previewPane()->body(), expectedBody(WebhookKind::Epic, QStringLiteral("report.completed"), PhiLevel::Limited));
}

void TestPreviewWindow::editorIsHighlighted()
{
    PreviewWindow window;
    QPlainTextEdit *editor = window.eventEditor();
    editor->setPlainText(QStringLiteral("{\"key\": \"value\", \"n\": -1.5e3, \"ok\": true}"));
    JsonHighlighter reference(nullptr);
    const auto colourAt = [&](int position) {
        const QTextBlock block = editor->document()->firstBlock();
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (position >= range.start && position < range.start + range.length)
                return range.format.foreground().color();
        }
        return QColor();
    };
    QCOMPARE(colourAt(1), reference.format(JsonHighlighter::Token::Key).foreground().color());
    QCOMPARE(colourAt(9), reference.format(JsonHighlighter::Token::String).foreground().color());
    QCOMPARE(colourAt(23), reference.format(JsonHighlighter::Token::Number).foreground().color());
    QCOMPARE(colourAt(37), reference.format(JsonHighlighter::Token::Literal).foreground().color());
    QCOMPARE(colourAt(0), reference.format(JsonHighlighter::Token::Punctuation).foreground().color());
    // The read-only payload view is highlighted too.
    QVERIFY(!window.previewPane()->jsonView()->document()->firstBlock().next().layout()->formats().isEmpty());
}

void TestPreviewWindow::prettyPrintingKeepsOrderAndEscapes()
{
    const QByteArray compact = "{\"b\":1,\"a\":[true,null],\"c\":{},\"d\":\"x\\\"y,{z}: \\u00e9\"}";
    QCOMPARE(PreviewPane::prettyPrinted(compact),
             QStringLiteral("{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null\n  ],\n  \"c\": {},\n"
                            "  \"d\": \"x\\\"y,{z}: \\u00e9\"\n}"));
    QCOMPARE(PreviewPane::prettyPrinted("not json"), QStringLiteral("not json"));
    QCOMPARE(PreviewPane::prettyPrinted("[\"Zo\xc3\xab \xf0\x9f\xab\x80\"]"), QStringLiteral("[\n  \"Zoë 🫀\"\n]"));
}

void TestPreviewWindow::paneSizeLabelAndWarnings()
{
    PreviewPane pane;
    Payload payload;
    payload.body = R"({"text":"hello"})";
    payload.headers = {{"Content-Type", "application/json"}, {"X-Test", "1"}};
    payload.sizeLimit = 100;
    pane.showPayload(WebhookKind::Slack, payload);
    const QLocale locale;
    QCOMPARE(pane.sizeLabel()->text(), QStringLiteral("%1 bytes of %2 allowed (16%)").arg(locale.toString(16), locale.toString(100)));
    QVERIFY(pane.warningsLabel()->isHidden());
    QCOMPARE(pane.headersView()->text(), QStringLiteral("Content-Type: application/json\nX-Test: 1"));

    payload.sizeLimit = 10;
    payload.warnings = {QStringLiteral("Text was cut.")};
    pane.showPayload(WebhookKind::Slack, payload);
    QVERIFY(pane.sizeLabel()->text().contains(QStringLiteral("over the limit")));
    QVERIFY(!pane.warningsLabel()->isHidden());
    QVERIFY(pane.warningsLabel()->text().contains(QStringLiteral("Text was cut.")));

    payload.sizeLimit = 0;
    pane.showPayload(WebhookKind::Generic, payload);
    QVERIFY(pane.sizeLabel()->text().contains(QStringLiteral("no size limit")));
    QVERIFY(!pane.saveCardAsPng(screenshotPath(QStringLiteral("not-written.png"))));

    pane.showError(QStringLiteral("Broken"));
    QVERIFY(pane.isShowingError());
    QCOMPARE(pane.errorLabel()->text(), QStringLiteral("Broken"));
}

void TestPreviewWindow::languageChangeKeepsWorking()
{
    PreviewWindow window;
    QEvent languageChange(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&window, &languageChange);
    QCoreApplication::sendEvent(window.previewPane(), &languageChange);
    QCOMPARE(window.windowTitle(), QStringLiteral("Payload Preview"));
    QVERIFY(!window.previewPane()->isShowingError());
    QVERIFY(window.eventCombo()->currentText().startsWith(window.eventType()));
}

void TestPreviewWindow::screenshots()
{
    PreviewWindow window;
    selectData(window.eventCombo(), QStringLiteral("battery.critical"));
    window.resize(1400, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString windowPath = screenshotPath(QStringLiteral("preview-window-teams-battery-critical.png"));
    QVERIFY(window.grab().save(windowPath));
    const QString cardPath = screenshotPath(QStringLiteral("teams-battery-critical-card.png"));
    QVERIFY(window.previewPane()->saveCardAsPng(cardPath));
    QVERIFY(!QImage(cardPath).isNull());
    // Without a card, with the patient-data warning.
    selectData(window.kindCombo(), WebhookKinds::key(WebhookKind::Slack));
    selectData(window.phiCombo(), PhiLevels::key(PhiLevel::Full));
    QVERIFY(!window.previewPane()->warningsLabel()->isHidden());
    QVERIFY(window.previewPane()->cardPanel()->isHidden());
    const QString slackPath = screenshotPath(QStringLiteral("preview-window-slack-full-phi.png"));
    QVERIFY(window.grab().save(slackPath));
    qInfo("screenshots: %s %s %s", qPrintable(windowPath), qPrintable(cardPath), qPrintable(slackPath));
}

QTEST_MAIN(TestPreviewWindow)
#include "tst_previewwindow.moc"
