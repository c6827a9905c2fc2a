// The rendering constants of Microsoft Teams' light theme, as an Adaptive Card host config describes them.
#include "ui/adaptivecard/hostconfig.h"


namespace AdaptiveCards::HostConfig {

namespace {
// Colours are written as the host config writes them (#AARRGGBB), so they can be compared with it.
QColor hostColor(const char *hex)
{
    return QColor::fromString(QLatin1String(hex));
}
} // namespace

int spacing(const QString &keyword)
{
    const QString key = keyword.toLower();
    if (key == u"none")
        return 0;
    if (key == u"small")
        return 8;
    if (key == u"medium")
        return 16;
    if (key == u"large")
        return 20;
    if (key == u"extralarge")
        return 24;
    if (key == u"padding")
        return padding();
    return 12;
}

int padding()
{
    return 16;
}

int separatorThickness()
{
    return 1;
}

QColor separatorColor()
{
    return hostColor("#EEEEEE");
}

int fontPixelSize(const QString &sizeKeyword)
{
    const QString key = sizeKeyword.toLower();
    if (key == u"small")
        return 12;
    if (key == u"large")
        return 18;
    if (key == u"extralarge")
        return 24;
    // Teams draws "medium" the same size as "default" (14 px) but renderers usually bump it slightly;
    // we follow the host config exactly.
    return 14;
}

QFont::Weight fontWeight(const QString &weightKeyword)
{
    const QString key = weightKeyword.toLower();
    if (key == u"bolder")
        return QFont::DemiBold;   // 600 in the host config
    if (key == u"lighter")
        return QFont::ExtraLight; // 200
    return QFont::Normal;
}

QStringList defaultFontFamilies()
{
    // Selawik is Microsoft's metric-compatible stand-in for Segoe UI. Liberation Sans (Arial's metrics) comes
    // closest after them; Noto Sans and DejaVu Sans are wider and wrap text where Teams would not.
    return {QStringLiteral("Segoe UI"), QStringLiteral("Selawik"), QStringLiteral("Liberation Sans"),
            QStringLiteral("Noto Sans"), QStringLiteral("Nimbus Sans"), QStringLiteral("DejaVu Sans")};
}

QStringList monospaceFontFamilies()
{
    return {QStringLiteral("Consolas"), QStringLiteral("Courier New"), QStringLiteral("DejaVu Sans Mono"),
            QStringLiteral("Noto Sans Mono")};
}

QFont font(const QString &fontType, const QString &sizeKeyword, const QString &weightKeyword)
{
    QFont font;
    const bool monospace = fontType.compare(u"monospace", Qt::CaseInsensitive) == 0;
    font.setFamilies(monospace ? monospaceFontFamilies() : defaultFontFamilies());
    font.setStyleHint(monospace ? QFont::Monospace : QFont::SansSerif);
    font.setPixelSize(fontPixelSize(sizeKeyword));
    font.setWeight(fontWeight(weightKeyword));
    return font;
}

QColor foregroundColor(const QString &colorKeyword, bool subtle)
{
    const QString key = colorKeyword.toLower();
    if (key == u"light")
        return hostColor(subtle ? "#fff3f2f1" : "#ffffff");
    if (key == u"accent")
        return hostColor(subtle ? "#8b8cc7" : "#6264a7");
    if (key == u"good")
        return hostColor(subtle ? "#e592c353" : "#92c353");
    if (key == u"warning")
        return hostColor(subtle ? "#e5f8d22a" : "#f8d22a");
    if (key == u"attention")
        return hostColor(subtle ? "#e5c4314b" : "#c4314b");
    // "default" and "dark" are the same ink in the light theme.
    return hostColor(subtle ? "#bf252424" : "#ff252424");
}

QColor containerBackground(const QString &style)
{
    const QString key = style.toLower();
    if (key == u"emphasis")
        return hostColor("#fff9f8f7");
    if (key == u"accent")
        return hostColor("#C7DEF9");
    if (key == u"good")
        return hostColor("#CCFFCC");
    if (key == u"attention")
        return hostColor("#FFC5B2");
    if (key == u"warning")
        return hostColor("#FFE2B2");
    return hostColor("#ffffff");
}

bool isKnownContainerStyle(const QString &style)
{
    static const QStringList styles = {QStringLiteral("default"), QStringLiteral("emphasis"),
                                       QStringLiteral("good"),    QStringLiteral("attention"),
                                       QStringLiteral("warning"), QStringLiteral("accent")};
    return styles.contains(style.toLower());
}

QColor hostBackground()
{
    return hostColor("#F5F5F5");
}

QColor cardBorderColor()
{
    return hostColor("#E0E0E0");
}

int imagePixelSize(const QString &sizeKeyword)
{
    const QString key = sizeKeyword.toLower();
    if (key == u"small")
        return 32;
    if (key == u"medium")
        return 52;
    if (key == u"large")
        return 100;
    return 0;
}

int buttonSpacing()
{
    return 8;
}

int maxActions()
{
    return 6;
}

int factSetColumnSpacing()
{
    // Not factSet.spacing (16 in Teams' file): Microsoft's renderer puts that on the rows' margin-top, which CSS
    // ignores for table rows, and separates the columns with a 10 px spacer cell, which with the browser's
    // 1 px cell padding on either side makes 12 px.
    return 12;
}

int factSetRowSpacing()
{
    return 0;
}

int tableCellPadding()
{
    // Microsoft's renderer pads a cell with spacing "small" when the table shows grid lines or the cell has a
    // background (TableCell.getDefaultPadding in its table.ts).
    return spacing(QStringLiteral("small"));
}

int tableCellSpacing()
{
    // table.cellSpacing; Teams' file leaves it out, so the renderers' default of 8 px applies. Used only
    // between cells of a table without grid lines.
    return 8;
}

int factTitleMaxWidth()
{
    // Not in Teams' file; 150 px is the renderers' documented default (factSet.title.maxWidth).
    return 150;
}

} // namespace AdaptiveCards::HostConfig
