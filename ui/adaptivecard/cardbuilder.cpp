// Turns Adaptive Card JSON into widgets, one builder per element type; anything it cannot draw becomes a placeholder.
#include "ui/adaptivecard/cardbuilder.h"

#include "ui/adaptivecard/cardtextblock.h"
#include "ui/adaptivecard/cardwidgets.h"
#include "ui/adaptivecard/hostconfig.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace AdaptiveCards {

namespace {

// Keyword properties are matched case-insensitively, as the official renderers do; anything that is not a
// string counts as absent.
QString keyword(const QJsonObject &object, QLatin1String key, const QString &fallback = {})
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString().trimmed().toLower() : fallback;
}

bool flag(const QJsonObject &object, QLatin1String key, bool fallback)
{
    const QJsonValue value = object.value(key);
    return value.isBool() ? value.toBool() : fallback;
}

// Text where the schema wants a string; numbers and booleans are shown as typed rather than dropped.
QString textOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

// "50px" as 50; anything else as 0.
int pixels(const QJsonValue &value)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(\d{1,5})\s*px\s*$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(value.toString());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

Qt::Alignment horizontalAlignment(const QJsonObject &object)
{
    const QString value = keyword(object, QLatin1String("horizontalAlignment"));
    if (value == u"center")
        return Qt::AlignHCenter;
    if (value == u"right")
        return Qt::AlignRight;
    if (value == u"left")
        return Qt::AlignLeft;
    return {};
}

Qt::Alignment verticalContentAlignment(const QJsonObject &object)
{
    const QString value = keyword(object, QLatin1String("verticalContentAlignment"));
    if (value == u"center")
        return Qt::AlignVCenter;
    if (value == u"bottom")
        return Qt::AlignBottom;
    return Qt::AlignTop;
}

void applyCommonProperties(QWidget *widget, const QJsonObject &element)
{
    const QJsonValue id = element.value(QLatin1String("id"));
    if (id.isString())
        widget->setObjectName(id.toString());
    if (const int minHeight = pixels(element.value(QLatin1String("minHeight"))); minHeight > 0)
        widget->setMinimumHeight(minHeight);
    const QJsonValue rtl = element.value(QLatin1String("rtl"));
    if (rtl.isBool())
        widget->setLayoutDirection(rtl.toBool() ? Qt::RightToLeft : Qt::LeftToRight);
}

// The image carried inline by a data: URI; a null image for anything else, since nothing is downloaded.
QImage imageFromDataUri(const QString &uri)
{
    if (!uri.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
        return {};
    const qsizetype comma = uri.indexOf(u',');
    if (comma < 0)
        return {};
    const QString header = uri.mid(5, comma - 5);
    const QString data = uri.mid(comma + 1);
    const QByteArray bytes = header.endsWith(QLatin1String(";base64"), Qt::CaseInsensitive)
                                 ? QByteArray::fromBase64(data.toLatin1())
                                 : QByteArray::fromPercentEncoding(data.toUtf8());
    return QImage::fromData(bytes);
}

struct ColumnWidth
{
    enum class Kind { Auto, Stretch, Weighted, Pixels };
    Kind kind = Kind::Stretch;
    double value = 1;
};

// https://adaptivecards.io/explorer/Column.html: "auto", "stretch", a weight (number or numeric string) or "50px".
ColumnWidth columnWidth(const QJsonValue &width)
{
    if (width.isDouble())
        return width.toDouble() > 0 ? ColumnWidth{ColumnWidth::Kind::Weighted, width.toDouble()} : ColumnWidth{};
    const QString text = width.toString().trimmed().toLower();
    if (text == u"auto")
        return {ColumnWidth::Kind::Auto, 0};
    if (const int px = pixels(width); px > 0)
        return {ColumnWidth::Kind::Pixels, double(px)};
    bool isNumber = false;
    const double weight = text.toDouble(&isNumber);
    if (isNumber && weight > 0)
        return {ColumnWidth::Kind::Weighted, weight};
    return {};
}

} // namespace

CardBuilder::CardBuilder(OpenUrlHandler openUrl)
    : m_openUrl(std::move(openUrl))
{
}

QWidget *CardBuilder::placeholder(const QString &message) const
{
    return new CardPlaceholder(message);
}

CardContainer *CardBuilder::buildCard(const QJsonObject &card, QWidget *parent) const
{
    auto *root = new CardContainer(QStringLiteral("AdaptiveCard"), QStringLiteral("default"), true, parent);
    applyCommonProperties(root, card);
    const Context context{QStringLiteral("default"), 1};
    const QJsonValue type = card.value(QLatin1String("type"));
    if (type.toString() != u"AdaptiveCard") {
        root->addItem(placeholder(tr("Not an Adaptive Card: \"type\" is %1 instead of \"AdaptiveCard\".")
                                      .arg(type.isString() ? type.toString() : jsonTypeName(type))),
                      0, false, false);
    }
    addElements(root, card.value(QLatin1String("body")), context);
    if (QWidget *actions = buildActions(card.value(QLatin1String("actions")), context))
        root->addItem(actions, HostConfig::spacing(QStringLiteral("default")), false, false);
    root->finish(verticalContentAlignment(card));
    return root;
}

void CardBuilder::addElements(CardContainer *container, const QJsonValue &items, const Context &context) const
{
    if (items.isUndefined() || items.isNull())
        return;
    if (!items.isArray()) {
        container->addItem(placeholder(tr("Unsupported element: %1 where a list of elements belongs")
                                           .arg(jsonTypeName(items))),
                           HostConfig::spacing({}), false, false);
        return;
    }
    const QJsonArray array = items.toArray();
    for (const QJsonValue &item : array) {
        const Element element = buildElement(item, context);
        if (!element.widget)
            continue;
        const QJsonObject object = item.toObject();
        container->addItem(element.widget, HostConfig::spacing(keyword(object, QLatin1String("spacing"))),
                           flag(object, QLatin1String("separator"), false), element.bleeds, element.alignment);
    }
}

CardBuilder::Element CardBuilder::buildElement(const QJsonValue &value, const Context &context) const
{
    if (context.depth > maxDepth)
        return {placeholder(tr("Unsupported element: nested deeper than %1 levels").arg(maxDepth))};
    if (!value.isObject())
        return {placeholder(tr("Unsupported element: %1").arg(jsonTypeName(value)))};
    const QJsonObject element = value.toObject();
    if (!flag(element, QLatin1String("isVisible"), true))
        return {};
    const QString type = element.value(QLatin1String("type")).toString();

    Element built;
    if (type == u"TextBlock")
        built = buildTextBlock(element, context);
    else if (type == u"RichTextBlock")
        built = buildRichTextBlock(element);
    else if (type == u"Container")
        built = buildContainer(element, context);
    else if (type == u"ColumnSet")
        built = buildColumnSet(element, context);
    else if (type == u"FactSet")
        built = buildFactSet(element);
    else if (type == u"Image")
        built = buildImage(element);
    else if (type == u"ImageSet")
        built = buildImageSet(element);
    else if (type == u"Table")
        built = buildTable(element, context);
    else if (type == u"ActionSet")
        built.widget = buildActions(element.value(QLatin1String("actions")), context);
    else {
        // The schema's fallback: "drop" hides the element, an element object replaces it.
        const QJsonValue fallback = element.value(QLatin1String("fallback"));
        if (fallback.toString() == u"drop")
            return {};
        if (fallback.isObject())
            return buildElement(fallback, {context.parentStyle, context.depth + 1, context.columnHeader});
        const QString shownType = type.isEmpty() ? tr("(no type)") : type;
        return {placeholder(tr("Unsupported element: %1").arg(shownType))};
    }
    if (built.widget) {
        applyCommonProperties(built.widget, element);
        if (!built.widget->property("adaptiveCardType").isValid())
            built.widget->setProperty("adaptiveCardType", type);
    }
    return built;
}

CardBuilder::Element CardBuilder::buildTextBlock(const QJsonObject &element, const Context &context) const
{
    const QString text = textOf(element.value(QLatin1String("text")));
    if (text.isEmpty())
        return {}; // renderers skip empty text, spacing included
    const bool heading = keyword(element, QLatin1String("style")) == u"heading";
    // The "heading" style's defaults come from the host config's textStyles.heading (large, bolder).
    const QString size = keyword(element, QLatin1String("size"), heading ? QStringLiteral("large") : QString());
    const QString weight = keyword(element, QLatin1String("weight"),
                                   (heading || context.columnHeader) ? QStringLiteral("bolder") : QString());
    auto *block = new CardTextBlock;
    block->setFont(HostConfig::font(keyword(element, QLatin1String("fontType")), size, weight));
    block->setColor(HostConfig::foregroundColor(keyword(element, QLatin1String("color")),
                                                flag(element, QLatin1String("isSubtle"), false)));
    block->setWrap(flag(element, QLatin1String("wrap"), false));
    const QJsonValue maxLines = element.value(QLatin1String("maxLines"));
    if (maxLines.isDouble() && maxLines.toDouble() >= 1)
        block->setMaxLines(int(qMin(maxLines.toDouble(), 10000.0)));
    const Qt::Alignment alignment = horizontalAlignment(element);
    block->setAlignment(alignment ? alignment : Qt::AlignLeft);
    block->setMarkdown(text);
    block->setProperty("adaptiveCardType", QStringLiteral("TextBlock"));
    QObject::connect(block, &CardTextBlock::linkActivated, block, [openUrl = m_openUrl](const QUrl &url) { openUrl(url); });
    return {block};
}

CardBuilder::Element CardBuilder::buildRichTextBlock(const QJsonObject &element) const
{
    QList<TextRun> runs;
    const QJsonArray inlines = element.value(QLatin1String("inlines")).toArray();
    for (const QJsonValue &inlineValue : inlines) {
        if (inlineValue.isString()) {
            runs.append({inlineValue.toString(), {}, {}});
            continue;
        }
        const QJsonObject run = inlineValue.toObject();
        if (run.value(QLatin1String("type")).toString() != u"TextRun")
            continue;
        TextRun textRun;
        textRun.text = textOf(run.value(QLatin1String("text")));
        // Only what the run sets overrides the block, so build a font with just those properties.
        QFont font;
        font.setPixelSize(HostConfig::fontPixelSize(keyword(run, QLatin1String("size"))));
        font.setWeight(HostConfig::fontWeight(keyword(run, QLatin1String("weight"))));
        if (keyword(run, QLatin1String("fontType")) == u"monospace")
            font.setFamilies(HostConfig::monospaceFontFamilies());
        textRun.format.setFont(font, QTextCharFormat::FontPropertiesSpecifiedOnly);
        textRun.format.setFontItalic(flag(run, QLatin1String("italic"), false));
        textRun.format.setFontStrikeOut(flag(run, QLatin1String("strikethrough"), false));
        textRun.format.setFontUnderline(flag(run, QLatin1String("underline"), false));
        const QString color = keyword(run, QLatin1String("color"));
        const bool subtle = flag(run, QLatin1String("isSubtle"), false);
        if (!color.isEmpty() || subtle)
            textRun.format.setForeground(HostConfig::foregroundColor(color, subtle));
        if (flag(run, QLatin1String("highlight"), false))
            textRun.format.setBackground(QColor(0xFF, 0xF1, 0x00, 0x80));
        const QJsonObject action = run.value(QLatin1String("selectAction")).toObject();
        if (action.value(QLatin1String("type")).toString() == u"Action.OpenUrl") {
            textRun.link = QUrl(action.value(QLatin1String("url")).toString());
            if (color.isEmpty())
                textRun.format.setForeground(HostConfig::foregroundColor(QStringLiteral("accent"), false));
        }
        runs.append(textRun);
    }
    if (runs.isEmpty())
        return {};
    auto *block = new CardTextBlock;
    block->setFont(HostConfig::font({}, {}, {}));
    block->setColor(HostConfig::foregroundColor({}, false));
    block->setWrap(true); // RichTextBlock always wraps
    const Qt::Alignment alignment = horizontalAlignment(element);
    block->setAlignment(alignment ? alignment : Qt::AlignLeft);
    block->setRuns(runs);
    block->setProperty("adaptiveCardType", QStringLiteral("RichTextBlock"));
    QObject::connect(block, &CardTextBlock::linkActivated, block, [openUrl = m_openUrl](const QUrl &url) { openUrl(url); });
    return {block};
}

CardBuilder::Element CardBuilder::buildContainer(const QJsonObject &element, const Context &context) const
{
    const QString requestedStyle = keyword(element, QLatin1String("style"));
    const bool knownStyle = HostConfig::isKnownContainerStyle(requestedStyle);
    const QString style = knownStyle ? requestedStyle : context.parentStyle;
    // As in the official renderers, a container draws a background (and gets padding) only when its style
    // differs from the one it sits on.
    const bool drawsBackground = knownStyle && style != context.parentStyle;
    auto *container = new CardContainer(QStringLiteral("Container"), style, drawsBackground);
    container->setBleeds(drawsBackground && flag(element, QLatin1String("bleed"), false));
    addElements(container, element.value(QLatin1String("items")), {style, context.depth + 1, context.columnHeader});
    container->finish(verticalContentAlignment(element));
    return {container, container->bleeds(), {}};
}

QWidget *CardBuilder::buildColumn(const QJsonValue &value, const Context &context) const
{
    if (!value.isObject())
        return placeholder(tr("Unsupported element: %1 where a Column belongs").arg(jsonTypeName(value)));
    const QJsonObject column = value.toObject();
    const QString type = column.value(QLatin1String("type")).toString(QStringLiteral("Column"));
    if (type != u"Column")
        return placeholder(tr("Unsupported element: %1 where a Column belongs").arg(type));
    const QString requestedStyle = keyword(column, QLatin1String("style"));
    const bool knownStyle = HostConfig::isKnownContainerStyle(requestedStyle);
    const QString style = knownStyle ? requestedStyle : context.parentStyle;
    auto *widget = new CardContainer(QStringLiteral("Column"), style, knownStyle && style != context.parentStyle);
    addElements(widget, column.value(QLatin1String("items")), {style, context.depth + 1, context.columnHeader});
    widget->finish(verticalContentAlignment(column));
    applyCommonProperties(widget, column);
    return widget;
}

CardBuilder::Element CardBuilder::buildColumnSet(const QJsonObject &element, const Context &context) const
{
    const QString requestedStyle = keyword(element, QLatin1String("style"));
    const bool knownStyle = HostConfig::isKnownContainerStyle(requestedStyle);
    const QString style = knownStyle ? requestedStyle : context.parentStyle;
    const bool drawsBackground = knownStyle && style != context.parentStyle;
    auto *columnSet = new CardContainer(QStringLiteral("ColumnSet"), style, drawsBackground);
    columnSet->setBleeds(drawsBackground && flag(element, QLatin1String("bleed"), false));

    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    const Context columnContext{style, context.depth + 1, context.columnHeader};
    const QJsonValue columnsValue = element.value(QLatin1String("columns"));
    const QJsonArray columns = columnsValue.toArray();
    if (!columnsValue.isArray() && !columnsValue.isUndefined())
        layout->addWidget(placeholder(tr("Unsupported element: %1 where a list of columns belongs")
                                          .arg(jsonTypeName(columnsValue))));
    bool anyColumnStretches = false;
    int shownColumns = 0;
    for (const QJsonValue &value : columns) {
        const QJsonObject column = value.toObject();
        if (value.isObject() && !flag(column, QLatin1String("isVisible"), true))
            continue;
        if (shownColumns > 0) {
            const int spacing = HostConfig::spacing(keyword(column, QLatin1String("spacing")));
            if (flag(column, QLatin1String("separator"), false)) {
                layout->addSpacing(spacing / 2);
                layout->addWidget(new CardSeparator(Qt::Vertical));
                layout->addSpacing(spacing - spacing / 2);
            } else {
                layout->addSpacing(spacing);
            }
        }
        QWidget *widget = buildColumn(value, columnContext);
        const ColumnWidth width = value.isObject() ? columnWidth(column.value(QLatin1String("width")))
                                                   : ColumnWidth{ColumnWidth::Kind::Auto, 0};
        widget->setProperty("columnWidth", column.value(QLatin1String("width")).toVariant());
        switch (width.kind) {
        case ColumnWidth::Kind::Auto:
            widget->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
            layout->addWidget(widget, 0);
            break;
        case ColumnWidth::Kind::Pixels:
            widget->setFixedWidth(int(width.value));
            layout->addWidget(widget, 0);
            break;
        case ColumnWidth::Kind::Stretch:
        case ColumnWidth::Kind::Weighted: {
            // Ignoring the size hint makes the stretch factors share the width in proportion to the weights.
            widget->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            const double weight = width.kind == ColumnWidth::Kind::Stretch ? 1.0 : width.value;
            layout->addWidget(widget, int(qBound(1.0, std::round(weight * 100), 1000000.0)));
            anyColumnStretches = true;
            break;
        }
        }
        ++shownColumns;
    }
    // Only a row of auto-sized columns leaves room to align.
    const Qt::Alignment alignment = horizontalAlignment(element);
    if (!anyColumnStretches) {
        if (alignment & (Qt::AlignHCenter | Qt::AlignRight))
            layout->insertStretch(0, 1);
        if (!(alignment & Qt::AlignRight))
            layout->addStretch(1);
    }
    columnSet->addItem(row, 0, false, false);
    columnSet->finish(Qt::AlignTop);
    return {columnSet, columnSet->bleeds(), {}};
}

CardBuilder::Element CardBuilder::buildFactSet(const QJsonObject &element) const
{
    const QJsonArray facts = element.value(QLatin1String("facts")).toArray();
    if (std::none_of(facts.begin(), facts.end(), [](const QJsonValue &fact) { return fact.isObject(); }))
        return {};
    auto *widget = new QWidget;
    auto *grid = new QGridLayout(widget);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(HostConfig::factSetColumnSpacing());
    grid->setVerticalSpacing(HostConfig::factSetRowSpacing());
    grid->setColumnStretch(1, 1);
    int row = 0;
    for (const QJsonValue &value : facts) {
        if (!value.isObject())
            continue;
        const QJsonObject fact = value.toObject();
        auto *title = new CardTextBlock;
        title->setFont(HostConfig::font({}, {}, QStringLiteral("bolder")));
        title->setColor(HostConfig::foregroundColor({}, false));
        title->setWrap(true);
        title->setMaximumWidth(HostConfig::factTitleMaxWidth());
        title->setMarkdown(textOf(fact.value(QLatin1String("title"))));
        title->setProperty("adaptiveCardType", QStringLiteral("FactSet.title"));
        auto *factValue = new CardTextBlock;
        factValue->setFont(HostConfig::font({}, {}, {}));
        factValue->setColor(HostConfig::foregroundColor({}, false));
        factValue->setWrap(true);
        factValue->setMarkdown(textOf(fact.value(QLatin1String("value"))));
        factValue->setProperty("adaptiveCardType", QStringLiteral("FactSet.value"));
        for (CardTextBlock *block : {title, factValue})
            QObject::connect(block, &CardTextBlock::linkActivated, block, [openUrl = m_openUrl](const QUrl &url) { openUrl(url); });
        grid->addWidget(title, row, 0, Qt::AlignTop);
        grid->addWidget(factValue, row, 1);
        ++row;
    }
    return {widget};
}

CardBuilder::Element CardBuilder::buildImage(const QJsonObject &element, const QString &defaultSize) const
{
    const QString url = element.value(QLatin1String("url")).toString();
    const QImage image = imageFromDataUri(url);
    const QUrl source(url.startsWith(QLatin1String("data:"), Qt::CaseInsensitive) ? QStringLiteral("data:") : url);
    auto *widget = new CardImage(image, textOf(element.value(QLatin1String("altText"))), source);
    const QString host = source.host();
    widget->setPlaceholderCaption(host.isEmpty() ? tr("Image") : tr("Image from %1").arg(host));
    widget->setPersonStyle(keyword(element, QLatin1String("style")) == u"person");
    const QColor background = QColor::fromString(element.value(QLatin1String("backgroundColor")).toString());
    if (background.isValid())
        widget->setBackgroundColor(background);

    const QSize natural = image.isNull() ? QSize() : image.size();
    const int explicitWidth = pixels(element.value(QLatin1String("width")));
    const int explicitHeight = pixels(element.value(QLatin1String("height")));
    const QString size = keyword(element, QLatin1String("size"), defaultSize);
    // Keeps a real picture's aspect ratio when only one side is given; a placeholder stays low.
    const auto otherSide = [&](int known, bool knownIsWidth) {
        if (natural.isEmpty())
            return qMin(known, 100);
        return knownIsWidth ? known * natural.height() / natural.width() : known * natural.width() / natural.height();
    };
    if (explicitWidth > 0 || explicitHeight > 0) {
        const int width = explicitWidth > 0 ? explicitWidth : otherSide(explicitHeight, false);
        const int height = explicitHeight > 0 ? explicitHeight : otherSide(explicitWidth, true);
        widget->setSizing(CardImage::Sizing::Fixed, {qMax(1, width), qMax(1, height)});
    } else if (const int side = HostConfig::imagePixelSize(size); side > 0) {
        widget->setSizing(CardImage::Sizing::Fixed, {side, qMax(1, otherSide(side, true))});
    } else if (size == u"stretch") {
        widget->setSizing(CardImage::Sizing::Stretch, natural);
    } else {
        widget->setSizing(CardImage::Sizing::Auto, natural);
    }
    // A stretched image takes the whole row, so only the others are aligned.
    const Qt::Alignment alignment = horizontalAlignment(element);
    if (widget->sizing() == CardImage::Sizing::Stretch)
        return {widget};
    return {widget, false, alignment ? alignment : Qt::Alignment(Qt::AlignLeft)};
}

CardBuilder::Element CardBuilder::buildImageSet(const QJsonObject &element) const
{
    const QJsonArray images = element.value(QLatin1String("images")).toArray();
    const QString imageSize = keyword(element, QLatin1String("imageSize"), QStringLiteral("medium"));
    auto *widget = new QWidget;
    auto *layout = new QHBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(HostConfig::spacing(QStringLiteral("small")));
    for (const QJsonValue &value : images) {
        const Element image = value.isObject() ? buildImage(value.toObject(), imageSize)
                                               : Element{placeholder(tr("Unsupported element: %1").arg(jsonTypeName(value)))};
        layout->addWidget(image.widget);
    }
    layout->addStretch(1);
    return {widget};
}

CardBuilder::Element CardBuilder::buildTable(const QJsonObject &element, const Context &context) const
{
    // https://adaptivecards.io/explorer/Table.html (schema 1.5)
    auto *table = new CardTable(flag(element, QLatin1String("showGridLines"), true),
                                HostConfig::containerBackground(context.parentStyle));
    const QJsonArray columns = element.value(QLatin1String("columns")).toArray();
    for (int column = 0; column < columns.size(); ++column) {
        const QJsonValue width = columns.at(column).toObject().value(QLatin1String("width"));
        if (const int px = pixels(width); px > 0)
            table->setColumnWidth(column, px, true);
        else if (width.isDouble() && width.toDouble() > 0)
            table->setColumnWidth(column, width.toDouble(), false);
    }
    // Microsoft's renderers read "firstRowAsHeaders"; the published 1.5 schema spells it "firstRowAsHeader",
    // which counts when the other is absent.
    const QJsonValue headers = element.value(QLatin1String("firstRowAsHeaders"));
    const bool firstRowAsHeaders = headers.isBool() ? headers.toBool()
                                                    : flag(element, QLatin1String("firstRowAsHeader"), true);
    const bool showGridLines = table->showsGridLines();
    const Qt::Alignment tableAlignment = verticalContentAlignment(
        QJsonObject{{QStringLiteral("verticalContentAlignment"), element.value(QLatin1String("verticalCellContentAlignment"))}});
    const QJsonArray rows = element.value(QLatin1String("rows")).toArray();
    for (int rowIndex = 0; rowIndex < rows.size(); ++rowIndex) {
        const QJsonObject row = rows.at(rowIndex).toObject();
        const QString rowStyle = keyword(row, QLatin1String("style"));
        const QJsonArray cells = row.value(QLatin1String("cells")).toArray();
        for (int column = 0; column < cells.size(); ++column) {
            const QJsonObject cell = cells.at(column).toObject();
            QString style = keyword(cell, QLatin1String("style"), rowStyle);
            if (!HostConfig::isKnownContainerStyle(style))
                style = context.parentStyle;
            const bool hasBackground = style != context.parentStyle;
            auto *cellWidget = new CardContainer(QStringLiteral("TableCell"), style, hasBackground);
            cellWidget->setPadding(showGridLines || hasBackground ? HostConfig::tableCellPadding() : 0);
            addElements(cellWidget, cell.value(QLatin1String("items")),
                        {style, context.depth + 1, firstRowAsHeaders && rowIndex == 0});
            const QJsonValue cellAlignment = cell.value(QLatin1String("verticalContentAlignment"));
            cellWidget->finish(cellAlignment.isString() ? verticalContentAlignment(cell) : tableAlignment);
            applyCommonProperties(cellWidget, cell);
            table->addCell(cellWidget, rowIndex, column);
        }
    }
    return {table};
}

QWidget *CardBuilder::buildActions(const QJsonValue &actions, const Context &context) const
{
    if (actions.isUndefined() || actions.isNull())
        return nullptr;
    if (!actions.isArray())
        return placeholder(tr("Unsupported element: %1 where a list of actions belongs").arg(jsonTypeName(actions)));
    const QJsonArray array = actions.toArray();
    if (array.isEmpty())
        return nullptr;
    Q_UNUSED(context)
    auto *row = new QWidget;
    row->setProperty("adaptiveCardType", QStringLiteral("actions"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(HostConfig::buttonSpacing());
    int shown = 0;
    for (const QJsonValue &value : array) {
        if (shown == HostConfig::maxActions())
            break; // Teams shows at most six actions
        const QJsonObject action = value.toObject();
        const QString type = action.value(QLatin1String("type")).toString();
        QString title = textOf(action.value(QLatin1String("title")));
        const QUrl url(action.value(QLatin1String("url")).toString());
        if (title.isEmpty())
            title = type == u"Action.OpenUrl" ? url.toDisplayString() : (type.isEmpty() ? tr("Action") : type);
        auto *button = new CardActionButton(type, title, row);
        button->setActionStyle(keyword(action, QLatin1String("style")));
        if (type == u"Action.OpenUrl") {
            button->setUrl(url);
            const bool usable = url.isValid() && !url.scheme().isEmpty();
            button->setEnabled(usable && flag(action, QLatin1String("isEnabled"), true));
            button->setToolTip(usable ? url.toDisplayString()
                                      : tr("This URL is not valid: %1").arg(action.value(QLatin1String("url")).toString()));
            QObject::connect(button, &QPushButton::clicked, button, [openUrl = m_openUrl, url] { openUrl(url); });
        } else if (type == u"Action.Submit" || type == u"Action.ShowCard" || type == u"Action.Execute") {
            // Teams shows these live; the preview has no bot to send them to, so a click does nothing and the
            // tooltip says why.
            button->setEnabled(flag(action, QLatin1String("isEnabled"), true));
            button->setToolTip(tr("%1 does not work in the preview; only Action.OpenUrl does.").arg(type));
        } else {
            button->setEnabled(false);
            button->setToolTip(value.isObject() && !type.isEmpty()
                                   ? tr("%1 does not work in the preview; only Action.OpenUrl does.").arg(type)
                                   : tr("Unsupported action: %1").arg(value.isObject() ? tr("(no type)") : jsonTypeName(value)));
        }
        layout->addWidget(button);
        ++shown;
    }
    layout->addStretch(1);
    return row;
}

} // namespace AdaptiveCards
