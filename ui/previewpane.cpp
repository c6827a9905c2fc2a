// Shows one payload exactly as it will be sent: highlighted JSON, byte count against the limit, headers,
// warnings, and for Teams the rendered card.
#include "ui/previewpane.h"

#include "ui/filedialogs.h"

#include "models/storage/deliverylog.h"
#include "network/payloads/teamsformatter.h"
#include "ui/adaptivecard/adaptivecardview.h"
#include "ui/jsonhighlighter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

QString boldTitleStyle()
{
    return QStringLiteral("font-weight: 600;");
}

} // namespace

PreviewPane::PreviewPane(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_sizeLabel(new QLabel(this))
    , m_warningsLabel(new QLabel(this))
    , m_headersTitle(new QLabel(this))
    , m_headersView(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_jsonTitle(new QLabel(this))
    , m_jsonView(new QPlainTextEdit(this))
    , m_highlighter(new JsonHighlighter(m_jsonView->document()))
    , m_cardPanel(new QWidget(this))
    , m_cardTitle(new QLabel(this))
    , m_cardScroll(new QScrollArea(this))
    , m_cardView(new AdaptiveCardView(this))
    , m_savePngButton(new QPushButton(this))
    , m_errorTitle(new QLabel(this))
    , m_errorLabel(new QLabel(this))
{
    const QFont fixedFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_sizeLabel->setObjectName(QStringLiteral("sizeLabel"));
    m_sizeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warningsLabel->setObjectName(QStringLiteral("warningsLabel"));
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setTextFormat(Qt::PlainText);
    m_warningsLabel->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3b2f00; border: 1px solid #f2d675;"
                                                  " border-radius: 3px; padding: 6px; }"));
    m_headersTitle->setStyleSheet(boldTitleStyle());
    m_headersView->setObjectName(QStringLiteral("headersView"));
    m_headersView->setFont(fixedFont);
    m_headersView->setTextFormat(Qt::PlainText);
    m_headersView->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headersView->setWordWrap(true);

    m_jsonTitle->setStyleSheet(boldTitleStyle());
    m_jsonView->setObjectName(QStringLiteral("jsonView"));
    m_jsonView->setReadOnly(true);
    m_jsonView->setFont(fixedFont);
    // Long base64 or card texts must stay visible without scrolling sideways.
    m_jsonView->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_jsonView->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *jsonPanel = new QWidget(this);
    auto *jsonLayout = new QVBoxLayout(jsonPanel);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    jsonLayout->addWidget(m_jsonTitle);
    jsonLayout->addWidget(m_jsonView, 1);

    m_cardTitle->setStyleSheet(boldTitleStyle());
    m_cardScroll->setWidget(m_cardView);
    m_cardScroll->setWidgetResizable(true);
    m_cardScroll->setFrameShape(QFrame::StyledPanel);
    m_cardScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_savePngButton->setObjectName(QStringLiteral("savePngButton"));
    auto *cardLayout = new QVBoxLayout(m_cardPanel);
    cardLayout->setContentsMargins(0, 0, 0, 0);
    cardLayout->addWidget(m_cardTitle);
    cardLayout->addWidget(m_cardScroll, 1);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_savePngButton);
    cardLayout->addLayout(saveRow);

    m_splitter->addWidget(jsonPanel);
    m_splitter->addWidget(m_cardPanel);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *payloadPage = new QWidget(this);
    auto *payloadLayout = new QVBoxLayout(payloadPage);
    payloadLayout->setContentsMargins(0, 0, 0, 0);
    payloadLayout->addWidget(m_sizeLabel);
    payloadLayout->addWidget(m_warningsLabel);
    payloadLayout->addWidget(m_headersTitle);
    payloadLayout->addWidget(m_headersView);
    payloadLayout->addWidget(m_splitter, 1);

    auto *errorPage = new QWidget(this);
    auto *errorLayout = new QVBoxLayout(errorPage);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    m_errorTitle->setStyleSheet(QStringLiteral("font-weight: 600; color: #c4314b;"));
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLayout->addWidget(m_errorTitle);
    errorLayout->addWidget(m_errorLabel);
    errorLayout->addStretch(1);

    m_stack->addWidget(payloadPage);
    m_stack->addWidget(errorPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_savePngButton, &QPushButton::clicked, this, &PreviewPane::saveCardInteractively);
    connect(m_cardView, &AdaptiveCardView::openUrlRequested, this, &PreviewPane::openUrlRequested);

    m_warningsLabel->hide();
    m_cardPanel->hide();
    followPalette();
    retranslate();
}

void PreviewPane::showPayload(WebhookKind kind, const Payload &payload)
{
    m_kind = kind;
    m_payload = payload;
    m_error.clear();
    m_jsonView->setPlainText(prettyPrinted(payload.body));

    QStringList headerLines;
    for (const auto &[name, value] : payload.headers)
        headerLines.append(QString::fromUtf8(name) + QStringLiteral(": ") + QString::fromUtf8(value));
    m_headersView->setText(headerLines.join(u'\n'));

    const bool teams = kind == WebhookKind::Teams;
    m_cardPanel->setVisible(teams);
    if (teams)
        m_cardView->setCard(TeamsFormatter::cardOf(payload.body));
    updateSizeLabel();
    updateWarnings();
    m_stack->setCurrentIndex(0);
}

void PreviewPane::showError(const QString &message)
{
    m_error = message;
    m_errorLabel->setText(message);
    m_stack->setCurrentIndex(1);
}

bool PreviewPane::isShowingError() const
{
    return m_stack->currentIndex() == 1;
}

void PreviewPane::updateSizeLabel()
{
    const QLocale locale;
    const qsizetype size = m_payload.body.size();
    const qsizetype limit = m_payload.sizeLimit;
    QString text;
    bool over = false;
    if (limit <= 0) {
        text = tr("%1 bytes (this integration has no size limit)").arg(locale.toString(size));
    } else if (size > limit) {
        over = true;
        text = tr("%1 bytes: %2 bytes over the limit of %3 bytes")
                   .arg(locale.toString(size), locale.toString(size - limit), locale.toString(limit));
    } else {
        const int percent = int(size * 100 / limit);
        text = tr("%1 bytes of %2 allowed (%3%)").arg(locale.toString(size), locale.toString(limit)).arg(percent);
    }
    m_sizeLabel->setText(text);
    m_sizeLabel->setStyleSheet(over ? QStringLiteral("color: #c4314b; font-weight: 600;") : QString());
}

void PreviewPane::updateWarnings()
{
    QStringList lines;
    for (const QString &warning : std::as_const(m_payload.warnings))
        lines.append(QStringLiteral("\u26A0 ") + warning);
    m_warningsLabel->setText(lines.join(u'\n'));
    m_warningsLabel->setVisible(!lines.isEmpty());
}

QString PreviewPane::prettyPrinted(const QByteArray &json)
{
    // The delivery log's re-indenter: one for the whole console, keeping key order and every escape exactly as
    // the receiver gets them.
    const DeliveryBodyText shown = DeliveryBodies::display(json);
    return shown.kind == DeliveryBodyText::Kind::Json ? shown.text : QString::fromUtf8(json);
}

bool PreviewPane::saveCardAsPng(const QString &path)
{
    if (m_kind != WebhookKind::Teams || isShowingError())
        return false;
    return m_cardView->saveAsPng(path);
}

void PreviewPane::saveCardInteractively()
{
    QFileDialog *chooser = FileDialogs::create(this, tr("Save Card as PNG"), QString(), tr("PNG images (*.png)"),
                                               QFileDialog::AcceptSave);
    chooser->setObjectName(QStringLiteral("cardPngChooser"));
    chooser->setDefaultSuffix(QStringLiteral("png"));
    chooser->selectFile(QStringLiteral("teams-card.png"));
    connect(chooser, &QFileDialog::fileSelected, this, [this](QString path) {
        if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
            path += QStringLiteral(".png");
        if (!saveCardAsPng(path))
            QMessageBox::warning(this, tr("Save Card as PNG"), tr("Could not write %1.").arg(path));
    });
    chooser->open();
}

void PreviewPane::followPalette()
{
    m_highlighter->setDarkBackground(m_jsonView->palette().color(QPalette::Base).lightness() < 128);
}

void PreviewPane::retranslate()
{
    m_headersTitle->setText(tr("HTTP headers"));
    m_jsonTitle->setText(tr("Body"));
    m_cardTitle->setText(tr("As Teams shows it (light theme)"));
    m_savePngButton->setText(tr("Save as PNG…"));
    m_errorTitle->setText(tr("Nothing would be sent"));
    updateSizeLabel();
}

void PreviewPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        followPalette();
    QWidget::changeEvent(event);
}
