// The widgets an Adaptive Card is drawn with, besides text: containers, separators, images, buttons, placeholders.
#pragma once

#include <QFrame>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QUrl>

class QGridLayout;
class QVBoxLayout;

namespace AdaptiveCards {

// The card itself, a Container or a Column: a vertical stack of elements on an optional styled background.
// Padding belongs to the rows rather than to the layout so that a bleeding child can reach the edges.
class CardContainer : public QFrame
{
    Q_OBJECT
public:
    CardContainer(const QString &elementType, const QString &style, bool drawsBackground, QWidget *parent = nullptr);

    QString elementType() const { return m_elementType; }
    QString style() const { return m_style; }
    bool drawsBackground() const { return m_drawsBackground; }
    QColor backgroundColor() const;
    int padding() const { return m_padding; }
    // Table cells have their own padding rule; call before the first addItem.
    void setPadding(int padding) { m_padding = padding; }
    // Whether this container asked to bleed and can (only a container with its own background bleeds).
    bool bleeds() const { return m_bleeds; }
    void setBleeds(bool bleeds) { m_bleeds = bleeds; }

    // Adds an element under the previous one; `spacing` and `separator` are ignored for the first element.
    void addItem(QWidget *item, int spacing, bool separator, bool itemBleeds, Qt::Alignment alignment = {});
    int itemCount() const { return m_itemCount; }
    // Call once after the last addItem: sets the outer padding and where free vertical space goes.
    void finish(Qt::Alignment verticalContentAlignment);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_elementType;
    QString m_style;
    bool m_drawsBackground = false;
    bool m_bleeds = false;
    int m_padding = 0;
    int m_itemCount = 0;
    bool m_firstItemBleeds = false;
    bool m_lastItemBleeds = false;
    QVBoxLayout *m_layout;
};

// A Table: cells in a grid, with the grid lines drawn in the one-pixel gaps between them.
class CardTable : public QWidget
{
    Q_OBJECT
public:
    CardTable(bool showGridLines, const QColor &cellBackground, QWidget *parent = nullptr);

    bool showsGridLines() const { return m_showGridLines; }
    void addCell(CardContainer *cell, int row, int column);
    // Proportional weight for a column, or a fixed width in pixels when `pixels` is true.
    void setColumnWidth(int column, double value, bool pixels);
    CardContainer *cell(int row, int column) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    bool m_showGridLines;
    QColor m_cellBackground;
    QGridLayout *m_grid;
};

// A separator line; horizontal between stacked elements, vertical between columns.
class CardSeparator : public QWidget
{
    Q_OBJECT
public:
    explicit CardSeparator(Qt::Orientation orientation, QWidget *parent = nullptr);
    Qt::Orientation orientation() const { return m_orientation; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Qt::Orientation m_orientation;
};

// An Image element: the picture when it came inline as a data: URI, otherwise a placeholder with the alt
// text, since the preview never downloads anything.
class CardImage : public QWidget
{
    Q_OBJECT
public:
    enum class Sizing { Auto, Stretch, Fixed };

    CardImage(const QImage &image, const QString &altText, const QUrl &source, QWidget *parent = nullptr);

    bool isPlaceholder() const { return m_image.isNull(); }
    QString altText() const { return m_altText; }
    QUrl source() const { return m_source; }
    // The text drawn in the placeholder box.
    QString placeholderText() const;
    void setPlaceholderCaption(const QString &caption) { m_caption = caption; update(); }
    void setSizing(Sizing sizing, QSize preferredSize);
    Sizing sizing() const { return m_sizing; }
    void setPersonStyle(bool person) { m_person = person; update(); }
    bool isPersonStyle() const { return m_person; }
    void setBackgroundColor(const QColor &color) { m_backgroundColor = color; update(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_image;
    QString m_altText;
    QUrl m_source;
    QString m_caption;
    Sizing m_sizing = Sizing::Auto;
    QSize m_preferredSize;
    bool m_person = false;
    QColor m_backgroundColor;
};

// A card action. Only Action.OpenUrl does something in the preview; Submit, ShowCard and Execute look live, as in
// Teams, but only explain that; anything else is shown disabled.
class CardActionButton : public QPushButton
{
    Q_OBJECT
public:
    CardActionButton(const QString &actionType, const QString &title, QWidget *parent = nullptr);

    QString actionType() const { return m_actionType; }
    QUrl url() const { return m_url; }
    void setUrl(const QUrl &url) { m_url = url; }
    // "default", "positive" or "destructive", as Teams colours them.
    void setActionStyle(const QString &style);

private:
    QString m_actionType;
    QUrl m_url;
};

// What stands in for an element the preview cannot draw, so that the rest of the card still shows.
class CardPlaceholder : public QLabel
{
    Q_OBJECT
public:
    explicit CardPlaceholder(const QString &message, QWidget *parent = nullptr);
};

} // namespace AdaptiveCards
