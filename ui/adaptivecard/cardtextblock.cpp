// Draws one Adaptive Card TextBlock (or RichTextBlock): wrapping, maxLines with an ellipsis, alignment, links.
#include "ui/adaptivecard/cardtextblock.h"

#include "ui/adaptivecard/hostconfig.h"

#include <QDateTime>
#include <QEvent>
#include <QFontInfo>
#include <QFontMetrics>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>

#include <climits>
#include <cmath>

namespace AdaptiveCards {

namespace {

// The closing marker of an emphasis that starts at `from`, or -1. Underscores inside words (snake_case)
// are not emphasis, as in CommonMark.
qsizetype findClosingEmphasis(const QString &text, qsizetype from, QChar marker)
{
    if (from >= text.size() || text.at(from).isSpace())
        return -1;
    for (qsizetype index = from + 1; index < text.size(); ++index) {
        if (text.at(index) != marker || text.at(index - 1).isSpace())
            continue;
        const bool nextIsWordCharacter = index + 1 < text.size() && text.at(index + 1).isLetterOrNumber();
        if (marker == u'_' && nextIsWordCharacter)
            continue;
        return index;
    }
    return -1;
}

void parseInline(const QString &text, const QTextCharFormat &format, const QUrl &link, QList<TextRun> &runs)
{
    QString plain;
    const auto flush = [&] {
        if (!plain.isEmpty())
            runs.append({plain, format, link});
        plain.clear();
    };
    const qsizetype length = text.size();
    qsizetype index = 0;
    while (index < length) {
        const QChar character = text.at(index);
        if (character == u'\\' && index + 1 < length && text.at(index + 1).isPunct()) {
            plain += text.at(index + 1);
            index += 2;
            continue;
        }
        const QStringView pair = QStringView(text).mid(index, 2);
        if (pair == u"**" || pair == u"__") {
            const qsizetype close = text.indexOf(pair, index + 2);
            if (close > index + 2) {
                flush();
                QTextCharFormat bold = format;
                bold.setFontWeight(QFont::Bold);
                parseInline(text.mid(index + 2, close - index - 2), bold, link, runs);
                index = close + 2;
                continue;
            }
        }
        if (character == u'*' || character == u'_') {
            const bool opensHere = character == u'*' || index == 0 || !text.at(index - 1).isLetterOrNumber();
            const qsizetype close = opensHere ? findClosingEmphasis(text, index + 1, character) : -1;
            if (close > index + 1) {
                flush();
                QTextCharFormat italic = format;
                italic.setFontItalic(true);
                parseInline(text.mid(index + 1, close - index - 1), italic, link, runs);
                index = close + 1;
                continue;
            }
        }
        if (character == u'[' && link.isEmpty()) {
            const qsizetype middle = text.indexOf(QLatin1String("]("), index + 1);
            const qsizetype end = middle > 0 ? text.indexOf(u')', middle + 2) : -1;
            if (end > 0) {
                const QUrl target(text.mid(middle + 2, end - middle - 2).trimmed(), QUrl::StrictMode);
                if (target.isValid() && !target.scheme().isEmpty()) {
                    flush();
                    QTextCharFormat linkFormat = format;
                    linkFormat.setForeground(HostConfig::foregroundColor(QStringLiteral("accent"), false));
                    parseInline(text.mid(index + 1, middle - index - 1), linkFormat, target, runs);
                    index = end + 1;
                    continue;
                }
            }
        }
        plain += character;
        ++index;
    }
    flush();
}

} // namespace

QString expandDateTimeFunctions(const QString &text)
{
    // https://learn.microsoft.com/en-us/adaptive-cards/authoring-cards/text-features#datetime-formatting-and-localization
    static const QRegularExpression function(
        QStringLiteral(R"(\{\{(DATE|TIME)\(\s*([^,\s\)]+)\s*(?:,\s*(COMPACT|SHORT|LONG)\s*)?\)\}\})"));
    if (!text.contains(QLatin1String("{{")))
        return text;
    QString result;
    qsizetype last = 0;
    auto matches = function.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QDateTime moment = QDateTime::fromString(match.captured(2), Qt::ISODate);
        if (!moment.isValid())
            continue; // Teams leaves malformed functions as typed
        const QDateTime local = moment.toLocalTime();
        const QLocale locale;
        QString shown;
        if (match.captured(1) == u"TIME") {
            shown = locale.toString(local.time(), QLocale::ShortFormat);
        } else if (match.captured(3) == u"LONG") {
            shown = locale.toString(local.date(), QStringLiteral("dddd, MMMM d, yyyy"));
        } else if (match.captured(3) == u"SHORT") {
            shown = locale.toString(local.date(), QStringLiteral("ddd, MMM d, yyyy"));
        } else {
            shown = locale.toString(local.date(), QLocale::ShortFormat);
        }
        result += QStringView(text).mid(last, match.capturedStart() - last) + shown;
        last = match.capturedEnd();
    }
    result += QStringView(text).mid(last);
    return result;
}

QList<TextRun> parseCardMarkdown(const QString &markdown)
{
    static const QRegularExpression bullet(QStringLiteral(R"(^\s*[-*+]\s+)"));
    QList<TextRun> runs;
    const QStringList lines = expandDateTimeFunctions(markdown).split(u'\n');
    for (qsizetype lineIndex = 0; lineIndex < lines.size(); ++lineIndex) {
        QString line = lines.at(lineIndex);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (lineIndex > 0)
            runs.append({QStringLiteral("\n"), {}, {}});
        const QRegularExpressionMatch bulletMatch = bullet.match(line);
        if (bulletMatch.hasMatch()) {
            runs.append({QStringLiteral("\u2022 "), {}, {}});
            line = line.mid(bulletMatch.capturedLength());
        }
        parseInline(line, {}, {}, runs);
    }
    return runs;
}

CardTextBlock::CardTextBlock(QWidget *parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void CardTextBlock::setRuns(const QList<TextRun> &runs)
{
    m_text.clear();
    m_formats.clear();
    m_links.clear();
    for (const TextRun &run : runs) {
        QString text = run.text;
        // QTextLayout breaks lines only at U+2028.
        text.replace(u'\n', QChar::LineSeparator);
        const int start = int(m_text.size());
        if (!run.format.properties().isEmpty())
            m_formats.append({start, int(text.size()), run.format});
        if (!run.link.isEmpty())
            m_links.append({start, int(text.size()), run.link});
        m_text += text;
    }
    setMouseTracking(!m_links.isEmpty());
    textChanged();
}

void CardTextBlock::setMarkdown(const QString &markdown)
{
    setRuns(parseCardMarkdown(markdown));
}

void CardTextBlock::setColor(const QColor &color)
{
    m_color = color;
    update();
}

void CardTextBlock::setAlignment(Qt::Alignment alignment)
{
    m_alignment = alignment;
    update();
}

void CardTextBlock::setWrap(bool wrap)
{
    m_wrap = wrap;
    textChanged();
}

void CardTextBlock::setMaxLines(int maxLines)
{
    m_maxLines = qMax(0, maxLines);
    textChanged();
}

QList<QUrl> CardTextBlock::links() const
{
    QList<QUrl> urls;
    for (const LinkRange &range : m_links)
        urls.append(range.url);
    return urls;
}

int CardTextBlock::lineHeight() const
{
    // Segoe UI's ascent plus descent is 1.33 em, which is the line pitch Teams' web renderer ends up with.
    const int pixelSize = font().pixelSize() > 0 ? font().pixelSize() : QFontInfo(font()).pixelSize();
    return int(std::round(pixelSize * 4.0 / 3.0));
}

int CardTextBlock::lineLimit() const
{
    if (!m_wrap)
        return 1;
    return m_maxLines > 0 ? m_maxLines : INT_MAX;
}

void CardTextBlock::textChanged()
{
    m_widestWord = -1;
    updateGeometry();
    update();
}

CardTextBlock::Layout CardTextBlock::layoutText(QTextLayout &layout, int width) const
{
    layout.setText(m_text);
    layout.setFont(font());
    layout.setFormats(m_formats);
    QTextOption option(m_alignment);
    option.setTextDirection(layoutDirection());
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    layout.setTextOption(option);

    Layout result;
    const int limit = lineLimit();
    // Lines are spaced on Teams' pitch whatever the fallback font's own metrics; a line holding a bigger run
    // (RichTextBlock) grows in proportion. Both sides of the ratio are unrounded: QTextLine::height() is
    // rounded up, which made some fonts' lines a pixel taller than the pitch.
    const QFontMetricsF metrics(font());
    const qreal scale = lineHeight() / (metrics.ascent() + metrics.descent());
    qreal y = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        if (result.visibleLines == limit) {
            result.truncated = true;
            break;
        }
        line.setLineWidth(qMax(1, width));
        const qreal natural = line.ascent() + line.descent();
        const qreal box = qMax(qreal(lineHeight()), std::round(natural * scale));
        line.setPosition(QPointF(0, y + (box - natural) / 2));
        y += box;
        ++result.visibleLines;
        if (!m_wrap && line.naturalTextWidth() > width)
            result.truncated = true;
    }
    layout.endLayout();
    result.height = int(std::ceil(y));
    return result;
}

qreal CardTextBlock::widestLine(QTextOption::WrapMode wrapMode, qreal lineWidth) const
{
    QTextLayout layout(m_text, font());
    layout.setFormats(m_formats);
    QTextOption option;
    option.setWrapMode(wrapMode);
    layout.setTextOption(option);
    qreal widest = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(lineWidth);
        widest = qMax(widest, line.naturalTextWidth());
    }
    layout.endLayout();
    return widest;
}

QSize CardTextBlock::sizeHint() const
{
    const int width = int(std::ceil(widestLine(QTextOption::NoWrap, INT_MAX / 4))) + 1;
    return {width, heightForWidth(width)};
}

QSize CardTextBlock::minimumSizeHint() const
{
    if (!m_wrap) {
        // Teams cuts a text that does not wrap with an ellipsis, however narrow its column.
        const QFontMetrics metrics(font());
        return {qMin(sizeHint().width(), metrics.horizontalAdvance(u'M') * 4), lineHeight()};
    }
    // CSS's min-content: layouts shrink a wrapping text no narrower than its widest word, so that Qt's layouts,
    // which take missing width equally from every column where Teams' flexbox takes it in proportion, do not
    // cut a short column's words. Bounded so that a long URL cannot hold the card wide: such a word breaks.
    return {qMin(widestWordWidth(), maximumUnbrokenWordWidth), lineHeight()};
}

int CardTextBlock::widestWordWidth() const
{
    // Lines too narrow for any word hold exactly one each.
    if (m_widestWord < 0)
        m_widestWord = int(std::ceil(widestLine(QTextOption::WordWrap, 0)));
    return m_widestWord;
}

bool CardTextBlock::hasHeightForWidth() const
{
    return m_wrap;
}

int CardTextBlock::heightForWidth(int width) const
{
    QTextLayout layout;
    const Layout result = layoutText(layout, width);
    return result.visibleLines > 0 ? result.height : 0;
}

void CardTextBlock::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setPen(m_color);
    QTextLayout layout;
    const Layout result = layoutText(layout, width());
    m_truncated = result.truncated;
    for (int index = 0; index < result.visibleLines; ++index) {
        const QTextLine line = layout.lineAt(index);
        const bool lastVisible = index == result.visibleLines - 1;
        if (!(lastVisible && result.truncated)) {
            line.draw(&painter, QPointF(0, 0));
            continue;
        }
        // The cut line loses its inline formats: an ellipsis at the end matters more than a bold word.
        QString rest = m_text.mid(line.textStart());
        rest.replace(QChar::LineSeparator, u' ');
        const QString elided = QFontMetrics(font()).elidedText(rest, Qt::ElideRight, width());
        painter.drawText(QRectF(0, line.y(), width(), line.height()), int(m_alignment | Qt::AlignTop), elided);
    }
}

QUrl CardTextBlock::linkAt(const QPoint &position) const
{
    if (m_links.isEmpty())
        return {};
    QTextLayout layout;
    const Layout result = layoutText(layout, width());
    for (int index = 0; index < result.visibleLines; ++index) {
        const QTextLine line = layout.lineAt(index);
        if (position.y() < line.y() || position.y() >= line.y() + line.height())
            continue;
        const int cursor = line.xToCursor(position.x(), QTextLine::CursorOnCharacter);
        for (const LinkRange &range : m_links) {
            if (cursor >= range.start && cursor < range.start + range.length)
                return range.url;
        }
    }
    return {};
}

void CardTextBlock::mouseMoveEvent(QMouseEvent *event)
{
    if (linkAt(event->position().toPoint()).isEmpty())
        unsetCursor();
    else
        setCursor(Qt::PointingHandCursor);
    QWidget::mouseMoveEvent(event);
}

void CardTextBlock::mouseReleaseEvent(QMouseEvent *event)
{
    const QUrl link = event->button() == Qt::LeftButton ? linkAt(event->position().toPoint()) : QUrl();
    if (!link.isEmpty())
        emit linkActivated(link);
    QWidget::mouseReleaseEvent(event);
}

void CardTextBlock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LayoutDirectionChange)
        textChanged();
    QWidget::changeEvent(event);
}

} // namespace AdaptiveCards
