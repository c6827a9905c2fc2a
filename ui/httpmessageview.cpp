// One HTTP message as a test-send shows it: a summary line, the headers and the body (JSON indented, binary as hex).
#include "ui/httpmessageview.h"

#include "ui/jsonhighlighter.h"
#include "ui/previewpane.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStringDecoder>
#include <QVBoxLayout>

namespace {

// A hex dump of a few kilobytes tells an administrator what came back; more would only slow the view down.
constexpr qsizetype maxHexDumpBytes = 4096;

bool isJson(const QByteArray &body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

// Text is UTF-8 without control characters other than line breaks and tabs; a cut-off last character (the kept
// part of a long body ends anywhere) still counts as text.
std::optional<QString> asText(const QByteArray &body)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(body);
    if (decoder.hasError())
        return std::nullopt;
    for (const QChar character : text) {
        const char16_t unit = character.unicode();
        if ((unit < 0x20 && unit != u'\n' && unit != u'\r' && unit != u'\t') || unit == 0x7f)
            return std::nullopt;
    }
    return text;
}

QString hexDump(const QByteArray &body)
{
    QString out;
    const qsizetype shown = std::min(body.size(), maxHexDumpBytes);
    for (qsizetype offset = 0; offset < shown; offset += 16) {
        const QByteArray row = body.mid(offset, std::min<qsizetype>(16, shown - offset));
        QString hex;
        QString printable;
        for (qsizetype index = 0; index < 16; ++index) {
            if (index < row.size()) {
                const auto byte = static_cast<unsigned char>(row.at(index));
                hex += QStringLiteral("%1 ").arg(uint(byte), 2, 16, QLatin1Char('0'));
                printable += byte >= 0x20 && byte < 0x7f ? QChar(char16_t(byte)) : QChar(u'.');
            } else {
                hex += QStringLiteral("   ");
            }
            if (index == 7)
                hex += QLatin1Char(' ');
        }
        out += QStringLiteral("%1  %2 |%3|\n").arg(offset, 8, 16, QLatin1Char('0')).arg(hex, printable);
    }
    if (body.size() > shown)
        out += QStringLiteral("…\n");
    return out;
}

} // namespace

HttpMessageView::HttpMessageView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_headersTitle(new QLabel(this))
    , m_headersView(new QPlainTextEdit(this))
    , m_bodyTitle(new QLabel(this))
    , m_sizeLabel(new QLabel(this))
    , m_bodyView(new QPlainTextEdit(this))
    , m_highlighter(new JsonHighlighter(m_bodyView->document()))
    , m_filler(new QWidget(this))
{
    const QFont fixedFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_title->setStyleSheet(QStringLiteral("font-weight: 600; font-size: 11pt;"));
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setFont(fixedFont);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headersTitle->setStyleSheet(QStringLiteral("font-weight: 600;"));
    m_bodyTitle->setStyleSheet(QStringLiteral("font-weight: 600;"));
    m_sizeLabel->setObjectName(QStringLiteral("sizeLabel"));
    m_sizeLabel->setStyleSheet(QStringLiteral("color: palette(mid);"));

    m_headersView->setObjectName(QStringLiteral("headersView"));
    m_headersView->setReadOnly(true);
    m_headersView->setFont(fixedFont);
    // Long values (a URL in Location, a cookie) wrap rather than hide behind a sideways scroll bar.
    m_headersView->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_headersView->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_headersView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A handful of headers: tall enough for the usual six to eight lines, the body gets the rest.
    m_headersView->setFixedHeight(QFontMetrics(fixedFont).lineSpacing() * 7 + 12);

    m_bodyView->setObjectName(QStringLiteral("bodyView"));
    m_bodyView->setReadOnly(true);
    m_bodyView->setFont(fixedFont);
    m_bodyView->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_bodyView->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto *bodyHeader = new QHBoxLayout;
    bodyHeader->addWidget(m_bodyTitle);
    bodyHeader->addStretch(1);
    bodyHeader->addWidget(m_sizeLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_headersTitle);
    layout->addWidget(m_headersView);
    layout->addLayout(bodyHeader);
    layout->addWidget(m_bodyView, 1);
    // Without a message the summary stays at the top instead of floating in the middle.
    m_filler->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    layout->addWidget(m_filler, 1);

    followPalette();
    retranslate();
    clear();
}

void HttpMessageView::setTitle(const QString &title)
{
    m_title->setText(title);
}

void HttpMessageView::showMessage(const QString &summary, const Headers &headers, const QByteArray &body,
                                  qint64 totalSize)
{
    m_hasMessage = true;
    // Visible before the text arrives: a plain-text edit sizes its scroll bars for the viewport it has then.
    m_headersTitle->setVisible(true);
    m_headersView->setVisible(true);
    m_bodyTitle->setVisible(true);
    m_bodyView->setVisible(true);
    m_filler->setVisible(false);
    m_summary->setText(summary);
    QStringList lines;
    lines.reserve(headers.size());
    for (const auto &[name, value] : headers)
        lines.append(QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value));
    m_headersView->setPlainText(lines.join(QLatin1Char('\n')));

    const bool json = isJson(body);
    // Colouring only makes sense for JSON; on plain text or a hex dump it would paint arbitrary words.
    m_highlighter->setDocument(json ? m_bodyView->document() : nullptr);
    m_bodyView->setPlainText(displayedBody(body, &m_binary));
    m_keptSize = body.size();
    m_totalSize = totalSize < 0 ? body.size() : totalSize;
    updateSizeLabel();
}

void HttpMessageView::showNothing(const QString &why)
{
    clear();
    m_summary->setText(why);
}

void HttpMessageView::clear()
{
    m_hasMessage = false;
    m_summary->clear();
    m_headersView->clear();
    m_bodyView->clear();
    m_keptSize = 0;
    m_totalSize = 0;
    m_binary = false;
    m_headersTitle->setVisible(false);
    m_headersView->setVisible(false);
    m_bodyTitle->setVisible(false);
    m_bodyView->setVisible(false);
    m_filler->setVisible(true);
    updateSizeLabel();
}

QString HttpMessageView::displayedBody(const QByteArray &body, bool *binary)
{
    if (binary)
        *binary = false;
    if (isJson(body))
        return PreviewPane::prettyPrinted(body);
    if (const auto text = asText(body))
        return *text;
    if (binary)
        *binary = true;
    return hexDump(body);
}

void HttpMessageView::updateSizeLabel()
{
    if (!m_hasMessage) {
        m_sizeLabel->clear();
        return;
    }
    const QLocale locale;
    QString text;
    if (m_totalSize == 0)
        text = tr("empty");
    else if (m_totalSize > m_keptSize)
        text = tr("the first %1 of %2 bytes (the rest was counted, not kept)")
                   .arg(locale.toString(m_keptSize), locale.toString(m_totalSize));
    else
        text = tr("%1 bytes").arg(locale.toString(m_totalSize));
    if (m_binary)
        text = tr("%1, binary: shown as hex").arg(text);
    m_sizeLabel->setText(text);
}

void HttpMessageView::followPalette()
{
    m_highlighter->setDarkBackground(m_bodyView->palette().color(QPalette::Base).lightness() < 128);
}

void HttpMessageView::retranslate()
{
    m_headersTitle->setText(tr("Headers"));
    m_bodyTitle->setText(tr("Body"));
    updateSizeLabel();
}

void HttpMessageView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        followPalette();
    QWidget::changeEvent(event);
}
