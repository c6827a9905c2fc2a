// Turns Adaptive Card JSON into widgets, one builder per element type; anything it cannot draw becomes a placeholder.
#include "ui/adaptivecard/cardbuilder.h"

#include "ui/adaptivecard/cardproperties.h"
#include "ui/adaptivecard/cardtextblock.h"
#include "ui/adaptivecard/cardwidgets.h"
#include "ui/adaptivecard/hostconfig.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>

#include <algorithm>

namespace AdaptiveCards {

using namespace CardProperties;

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
