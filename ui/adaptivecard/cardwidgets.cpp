// The widgets an Adaptive Card is drawn with, besides text: containers, separators, images, buttons, placeholders.
#include "ui/adaptivecard/cardwidgets.h"

#include "ui/adaptivecard/hostconfig.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace AdaptiveCards {

CardContainer::CardContainer(const QString &elementType, const QString &style, bool drawsBackground, QWidget *parent)
    : QFrame(parent)
    , m_elementType(elementType)
    , m_style(style.toLower())
    , m_drawsBackground(drawsBackground)
    , m_padding(drawsBackground ? HostConfig::padding() : 0)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    setProperty("adaptiveCardType", elementType);
}

QColor CardContainer::backgroundColor() const
{
    return m_drawsBackground ? HostConfig::containerBackground(m_style) : QColor(Qt::transparent);
}

void CardContainer::addItem(QWidget *item, int spacing, bool separator, bool itemBleeds, Qt::Alignment alignment)
{
    const int sidePadding = itemBleeds ? 0 : m_padding;
    if (m_itemCount > 0) {
        if (separator) {
            // Renderers put the line in the middle of the element's spacing.
            m_layout->addSpacing(spacing / 2);
            auto *line = new CardSeparator(Qt::Horizontal, this);
            auto *lineRow = new QHBoxLayout;
            lineRow->setContentsMargins(m_padding, 0, m_padding, 0);
            lineRow->addWidget(line);
            m_layout->addLayout(lineRow);
            m_layout->addSpacing(spacing - spacing / 2);
        } else if (spacing > 0) {
            m_layout->addSpacing(spacing);
        }
    } else {
        m_firstItemBleeds = itemBleeds;
    }
    auto *row = new QHBoxLayout;
    row->setContentsMargins(sidePadding, 0, sidePadding, 0);
    row->setSpacing(0);
    row->addWidget(item, 0, alignment);
    m_layout->addLayout(row);
    m_lastItemBleeds = itemBleeds;
    ++m_itemCount;
}

void CardContainer::finish(Qt::Alignment verticalContentAlignment)
{
    const int top = (m_itemCount > 0 && m_firstItemBleeds) ? 0 : m_padding;
    const int bottom = (m_itemCount > 0 && m_lastItemBleeds) ? 0 : m_padding;
    m_layout->setContentsMargins(0, top, 0, bottom);
    // Free vertical space (minHeight, a taller neighbour column) goes where the alignment says.
    if (verticalContentAlignment & (Qt::AlignVCenter | Qt::AlignBottom))
        m_layout->insertStretch(0, 1);
    if (!(verticalContentAlignment & Qt::AlignBottom))
        m_layout->addStretch(1);
}

void CardContainer::paintEvent(QPaintEvent *event)
{
    if (m_drawsBackground) {
        QPainter painter(this);
        painter.fillRect(rect(), backgroundColor());
    }
    QFrame::paintEvent(event);
}

CardTable::CardTable(bool showGridLines, const QColor &cellBackground, QWidget *parent)
    : QWidget(parent)
    , m_showGridLines(showGridLines)
    , m_cellBackground(cellBackground)
    , m_grid(new QGridLayout(this))
{
    // Grid lines are drawn in one-pixel gaps; without them cells keep the host config's cell spacing apart.
    const int line = showGridLines ? HostConfig::separatorThickness() : 0;
    m_grid->setContentsMargins(line, line, line, line);
    m_grid->setSpacing(showGridLines ? line : HostConfig::tableCellSpacing());
    setProperty("adaptiveCardType", QStringLiteral("Table"));
}

void CardTable::addCell(CardContainer *cell, int row, int column)
{
    // Cells ignore their content's width so that the column weights alone share the table's width.
    cell->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_grid->addWidget(cell, row, column);
    if (m_grid->columnStretch(column) == 0 && m_grid->columnMinimumWidth(column) == 0)
        m_grid->setColumnStretch(column, 100);
}

void CardTable::setColumnWidth(int column, double value, bool pixels)
{
    if (pixels) {
        m_grid->setColumnStretch(column, 0);
        m_grid->setColumnMinimumWidth(column, int(value));
    } else {
        m_grid->setColumnStretch(column, int(qBound(1.0, value * 100, 1000000.0)));
    }
}

CardContainer *CardTable::cell(int row, int column) const
{
    QLayoutItem *item = m_grid->itemAtPosition(row, column);
    return item ? qobject_cast<CardContainer *>(item->widget()) : nullptr;
}

void CardTable::paintEvent(QPaintEvent *)
{
    if (!m_showGridLines)
        return;
    // Lines first, then every cell's own area on top, leaving the gaps as the grid.
    QPainter painter(this);
    painter.fillRect(rect(), HostConfig::cardBorderColor());
    for (int index = 0; index < m_grid->count(); ++index) {
        if (QWidget *widget = m_grid->itemAt(index)->widget())
            painter.fillRect(widget->geometry(), m_cellBackground);
    }
    // Missing cells in short rows are empty table area, not lines.
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        for (int column = 0; column < m_grid->columnCount(); ++column) {
            if (!m_grid->itemAtPosition(row, column))
                painter.fillRect(m_grid->cellRect(row, column), m_cellBackground);
        }
    }
}

CardSeparator::CardSeparator(Qt::Orientation orientation, QWidget *parent)
    : QWidget(parent)
    , m_orientation(orientation)
{
    const int thickness = HostConfig::separatorThickness();
    if (orientation == Qt::Horizontal) {
        setFixedHeight(thickness);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    } else {
        setFixedWidth(thickness);
        setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    }
    setProperty("adaptiveCardType", QStringLiteral("separator"));
}

void CardSeparator::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), HostConfig::separatorColor());
}

CardImage::CardImage(const QImage &image, const QString &altText, const QUrl &source, QWidget *parent)
    : QWidget(parent)
    , m_image(image)
    , m_altText(altText)
    , m_source(source)
{
    setProperty("adaptiveCardType", QStringLiteral("Image"));
    if (!source.isEmpty() && source.scheme() != u"data")
        setToolTip(source.toDisplayString());
    setSizing(Sizing::Auto, {});
}

QString CardImage::placeholderText() const
{
    return m_altText.isEmpty() ? m_caption : m_altText;
}

void CardImage::setSizing(Sizing sizing, QSize preferredSize)
{
    m_sizing = sizing;
    if (preferredSize.isEmpty())
        preferredSize = m_image.isNull() ? QSize(240, 120) : m_image.size();
    m_preferredSize = preferredSize;
    QSizePolicy policy;
    switch (sizing) {
    case Sizing::Fixed:
        policy = QSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
        break;
    case Sizing::Stretch:
        policy = QSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        break;
    case Sizing::Auto:
        // Shrinks to fit the column, never grows past its natural size.
        policy = QSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        break;
    }
    policy.setHeightForWidth(sizing != Sizing::Fixed);
    setSizePolicy(policy);
    updateGeometry();
}

QSize CardImage::sizeHint() const
{
    return m_preferredSize;
}

QSize CardImage::minimumSizeHint() const
{
    if (m_sizing == Sizing::Fixed)
        return m_preferredSize;
    return {qMin(m_preferredSize.width(), 16), qMin(m_preferredSize.height(), 16)};
}

bool CardImage::hasHeightForWidth() const
{
    return m_sizing != Sizing::Fixed;
}

int CardImage::heightForWidth(int width) const
{
    if (m_sizing == Sizing::Fixed || m_preferredSize.width() <= 0)
        return m_preferredSize.height();
    // A placeholder keeps its height; a real picture keeps its aspect ratio.
    if (m_image.isNull())
        return m_preferredSize.height();
    const int shownWidth = m_sizing == Sizing::Auto ? qMin(width, m_preferredSize.width()) : width;
    return qMax(1, shownWidth * m_preferredSize.height() / m_preferredSize.width());
}

void CardImage::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    QRectF target = rect();
    if (m_person) {
        const qreal side = qMin(target.width(), target.height());
        target = QRectF(target.center() - QPointF(side / 2, side / 2), QSizeF(side, side));
        QPainterPath circle;
        circle.addEllipse(target);
        painter.setClipPath(circle);
    }
    if (m_backgroundColor.isValid())
        painter.fillRect(target, m_backgroundColor);
    if (!m_image.isNull()) {
        QSizeF shown = QSizeF(m_image.size()).scaled(target.size(), Qt::KeepAspectRatio);
        const QRectF imageRect(target.center() - QPointF(shown.width() / 2, shown.height() / 2), shown);
        painter.drawImage(imageRect, m_image);
        return;
    }
    painter.fillRect(target, QColor(0xF0, 0xF0, 0xF0));
    painter.setPen(QPen(QColor(0xC8, 0xC6, 0xC4), 1, Qt::DashLine));
    painter.drawRect(target.adjusted(0.5, 0.5, -0.5, -0.5));
    QFont font = HostConfig::font({}, QStringLiteral("small"), {});
    painter.setFont(font);
    painter.setPen(HostConfig::foregroundColor(QStringLiteral("default"), true));
    const QRectF textRect = target.adjusted(6, 4, -6, -4);
    const QFontMetrics metrics = painter.fontMetrics();
    const QString text = placeholderText();
    const QRect needed = metrics.boundingRect(textRect.toRect(), Qt::AlignCenter | Qt::TextWordWrap, text);
    if (needed.width() <= textRect.width() && needed.height() <= textRect.height()) {
        painter.drawText(textRect, Qt::AlignCenter | Qt::TextWordWrap, text);
    } else if (textRect.height() < 2 * metrics.height() || textRect.width() < 4 * metrics.averageCharWidth()) {
        // An avatar-sized box has room for an initial only, as Teams shows for a missing profile picture.
        painter.drawText(target, Qt::AlignCenter, text.left(1).toUpper());
    } else {
        const int lines = qMax(1, int(textRect.height()) / metrics.height());
        painter.drawText(textRect, Qt::AlignCenter | Qt::TextWordWrap,
                         metrics.elidedText(text, Qt::ElideRight, int(textRect.width()) * lines));
    }
}

CardActionButton::CardActionButton(const QString &actionType, const QString &title, QWidget *parent)
    : QPushButton(title, parent)
    , m_actionType(actionType)
{
    setProperty("adaptiveCardType", actionType);
    setFont(HostConfig::font({}, QStringLiteral("default"), QStringLiteral("default")));
    setCursor(Qt::PointingHandCursor);
    setActionStyle(QStringLiteral("default"));
}

void CardActionButton::setActionStyle(const QString &style)
{
    // Teams' light theme: accent-coloured text in a 2 px light-purple outline, "positive" filled with the
    // accent colour, "destructive" with the attention colour's text. A style sheet keeps them identical on
    // every platform style; with the 2 px border, 4 px padding keeps the buttons 32 px tall.
    QString colours = QStringLiteral("background: #ffffff; color: #6264a7; border: 2px solid #bfc0da;");
    QString hover = QStringLiteral("background: #f5f5f5;");
    if (style.compare(u"positive", Qt::CaseInsensitive) == 0) {
        colours = QStringLiteral("background: #6264a7; color: #ffffff; border: 2px solid #6264a7;");
        hover = QStringLiteral("background: #585a96; border-color: #585a96;");
    } else if (style.compare(u"destructive", Qt::CaseInsensitive) == 0) {
        colours = QStringLiteral("background: #ffffff; color: #c4314b; border: 2px solid #bfc0da;");
    }
    setStyleSheet(QStringLiteral("QPushButton { %1 border-radius: 4px; padding: 4px 16px; min-height: 20px; }"
                                 "QPushButton:hover { %2 }"
                                 "QPushButton:disabled { background: #ffffff; color: #c8c6c4;"
                                 " border: 2px solid #edebe9; }")
                      .arg(colours, hover));
}

CardPlaceholder::CardPlaceholder(const QString &message, QWidget *parent)
    : QLabel(message, parent)
{
    setProperty("adaptiveCardType", QStringLiteral("placeholder"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setFont(HostConfig::font({}, QStringLiteral("small"), {}));
    setStyleSheet(QStringLiteral("QLabel { background: #faf9f8; color: #605e5c; border: 1px dashed #c8c6c4;"
                                 " padding: 6px 8px; }"));
}

} // namespace AdaptiveCards
