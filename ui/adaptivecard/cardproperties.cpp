// Reading Adaptive Card properties as the official renderers do: keywords, flags, sizes, alignments, inline images.
#include "ui/adaptivecard/cardproperties.h"

#include <QRegularExpression>
#include <QWidget>

namespace AdaptiveCards::CardProperties {

QString keyword(const QJsonObject &object, QLatin1String key, const QString &fallback)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString().trimmed().toLower() : fallback;
}

bool flag(const QJsonObject &object, QLatin1String key, bool fallback)
{
    const QJsonValue value = object.value(key);
    return value.isBool() ? value.toBool() : fallback;
}

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

} // namespace AdaptiveCards::CardProperties
