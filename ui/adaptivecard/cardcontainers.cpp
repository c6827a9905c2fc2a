// The Adaptive Card elements that hold other elements: Container, ColumnSet with its columns, and Table.
#include "ui/adaptivecard/cardbuilder.h"

#include "ui/adaptivecard/cardproperties.h"
#include "ui/adaptivecard/cardwidgets.h"
#include "ui/adaptivecard/hostconfig.h"

#include <QHBoxLayout>
#include <QJsonArray>

#include <cmath>

namespace AdaptiveCards {

using namespace CardProperties;

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

} // namespace AdaptiveCards
