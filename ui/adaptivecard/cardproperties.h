// Reading Adaptive Card properties as the official renderers do: keywords, flags, sizes, alignments, inline images.
#pragma once

#include <QImage>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

class QWidget;

namespace AdaptiveCards::CardProperties {

// Keyword properties are matched case-insensitively, as the official renderers do; anything that is not a
// string counts as absent.
QString keyword(const QJsonObject &object, QLatin1String key, const QString &fallback = {});
bool flag(const QJsonObject &object, QLatin1String key, bool fallback);
// Text where the schema wants a string; numbers and booleans are shown as typed rather than dropped.
QString textOf(const QJsonValue &value);
// "string", "array", …: what stood where an element belongs, for a placeholder.
QString jsonTypeName(const QJsonValue &value);
// "50px" as 50; anything else as 0.
int pixels(const QJsonValue &value);
Qt::Alignment horizontalAlignment(const QJsonObject &object);
Qt::Alignment verticalContentAlignment(const QJsonObject &object);
// The properties every element may have: id, minHeight, rtl.
void applyCommonProperties(QWidget *widget, const QJsonObject &element);
// The image carried inline by a data: URI; a null image for anything else, since nothing is downloaded.
QImage imageFromDataUri(const QString &uri);

struct ColumnWidth
{
    enum class Kind { Auto, Stretch, Weighted, Pixels };
    Kind kind = Kind::Stretch;
    double value = 1;
};
// https://adaptivecards.io/explorer/Column.html: "auto", "stretch", a weight (number or numeric string) or "50px".
ColumnWidth columnWidth(const QJsonValue &width);

} // namespace AdaptiveCards::CardProperties
