// The rendering constants of Microsoft Teams' light theme, as an Adaptive Card host config describes them.
#pragma once

#include <QColor>
#include <QFont>
#include <QString>

namespace AdaptiveCards {

// Values come from the host config Microsoft publishes for Teams' light theme:
// https://github.com/microsoft/AdaptiveCards/blob/main/samples/HostConfig/microsoft-teams-light.json
// and, where that file is silent, from the defaults documented at
// https://learn.microsoft.com/en-us/adaptive-cards/rendering-cards/host-config
namespace HostConfig {

// Pixel spacing for a "spacing" keyword; unknown keywords fall back to "default" as renderers do.
int spacing(const QString &keyword);
int padding();                       // spacing.padding: inside the card and any styled container
int separatorThickness();
QColor separatorColor();

// Font sizes in pixels for a TextBlock "size" keyword (small, default, medium, large, extraLarge).
int fontPixelSize(const QString &sizeKeyword);
QFont::Weight fontWeight(const QString &weightKeyword);
// Sans-serif families in order of preference: Teams draws Segoe UI, which Linux rarely has.
QStringList defaultFontFamilies();
QStringList monospaceFontFamilies();
QFont font(const QString &fontType, const QString &sizeKeyword, const QString &weightKeyword);

// Text colour for a "color" keyword, normal or subtle; colours are the same for every container style in
// Teams' light theme, so the container style is not a parameter.
QColor foregroundColor(const QString &colorKeyword, bool subtle);
// Background of a Container/Column/ColumnSet style (default, emphasis, good, attention, warning, accent).
QColor containerBackground(const QString &style);
bool isKnownContainerStyle(const QString &style);

// Where a card sits: Teams' light chat background and the card's outline around it.
QColor hostBackground();
QColor cardBorderColor();

int imagePixelSize(const QString &sizeKeyword); // small, medium, large; 0 for auto/stretch
int buttonSpacing();
int maxActions();
int factSetColumnSpacing(); // between the title and the value column
int factSetRowSpacing();    // between facts
int tableCellPadding();
int tableCellSpacing();
int factTitleMaxWidth();

} // namespace HostConfig
} // namespace AdaptiveCards
