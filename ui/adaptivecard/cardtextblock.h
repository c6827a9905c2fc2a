// Draws one Adaptive Card TextBlock (or RichTextBlock): wrapping, maxLines with an ellipsis, alignment, links.
#pragma once

#include <QColor>
#include <QList>
#include <QTextCharFormat>
#include <QTextLayout>
#include <QUrl>
#include <QWidget>

namespace AdaptiveCards {

// A stretch of text with its own look; a RichTextBlock is a list of these, a TextBlock's markdown becomes one.
struct TextRun
{
    QString text;
    QTextCharFormat format; // only the properties set here override the block's font and colour
    QUrl link;              // clicking the run asks for this URL to be opened
};

// The Adaptive Card markdown subset (bold, italic, links, bulleted and numbered lists) as runs, plus Teams'
// {{DATE(...)}} and {{TIME(...)}} functions shown in local time.
// https://learn.microsoft.com/en-us/adaptive-cards/authoring-cards/text-features
QList<TextRun> parseCardMarkdown(const QString &markdown);
QString expandDateTimeFunctions(const QString &text);

class CardTextBlock : public QWidget
{
    Q_OBJECT
public:
    explicit CardTextBlock(QWidget *parent = nullptr);

    void setRuns(const QList<TextRun> &runs);
    void setMarkdown(const QString &markdown);
    // The text as shown, without markdown markers.
    QString text() const { return m_text; }
    QColor color() const { return m_color; }
    void setColor(const QColor &color);
    Qt::Alignment alignment() const { return m_alignment; }
    void setAlignment(Qt::Alignment alignment);
    bool wrap() const { return m_wrap; }
    void setWrap(bool wrap);
    int maxLines() const { return m_maxLines; }
    void setMaxLines(int maxLines); // 0: no limit
    QList<QUrl> links() const;
    // True if the last layout had to cut the text (maxLines or no wrap) and drew an ellipsis.
    bool isTruncated() const { return m_truncated; }
    // The pitch between lines of the block's own font, in pixels.
    int lineHeight() const;
    // The widest word (CSS's min-content width), in pixels.
    int widestWordWidth() const;
    // A wrapping block's minimum width is its widest word, but at most this.
    static constexpr int maximumUnbrokenWordWidth = 150;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

signals:
    void linkActivated(const QUrl &url);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct LinkRange
    {
        int start = 0;
        int length = 0;
        QUrl url;
    };
    struct Layout
    {
        int height = 0;
        int visibleLines = 0;
        bool truncated = false;
    };

    Layout layoutText(QTextLayout &layout, int width) const;
    // The natural width of the widest line when laid out in lines of lineWidth.
    qreal widestLine(QTextOption::WrapMode wrapMode, qreal lineWidth) const;
    QUrl linkAt(const QPoint &position) const;
    int lineLimit() const;
    void textChanged();

    QString m_text;
    QList<QTextLayout::FormatRange> m_formats;
    QList<LinkRange> m_links;
    QColor m_color = Qt::black;
    Qt::Alignment m_alignment = Qt::AlignLeft;
    bool m_wrap = false;
    int m_maxLines = 0;
    mutable bool m_truncated = false;
    mutable int m_widestWord = -1; // cached; -1 until computed
};

} // namespace AdaptiveCards
