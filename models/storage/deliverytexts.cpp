// How stored delivery attempts read: bodies as indented JSON, text or hexadecimal, and errors in the reader's
// language.
#include "models/storage/deliverylog.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QLocale>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace {

// Re-indents valid JSON without reordering keys or touching numbers, unlike a QJsonDocument round trip:
// support staff compare it with what the receiver logged.
QString indentJson(const QString &json)
{
    QString out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    auto newline = [&] { out += u'\n'; out += QString(depth * 2, u' '); };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QChar c = json.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c.isSpace())
            continue;
        switch (c.unicode()) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            out += c;
            qsizetype next = i + 1;
            while (next < json.size() && json.at(next).isSpace())
                ++next;
            if (next < json.size() && (json.at(next) == u'}' || json.at(next) == u']')) {
                out += json.at(next);
                i = next;
            } else {
                ++depth;
                newline();
            }
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += u": "_s;
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString hexDump(const QByteArray &bytes)
{
    QString out;
    for (qsizetype offset = 0; offset < bytes.size(); offset += 16) {
        const QByteArray line = bytes.mid(offset, 16);
        QString hex;
        QString ascii;
        for (const char byte : line) {
            const auto value = static_cast<unsigned char>(byte);
            hex += QStringLiteral("%1 ").arg(value, 2, 16, QLatin1Char('0'));
            ascii += (value >= 0x20 && value < 0x7f) ? QChar(char16_t(value)) : QChar(u'.');
        }
        out += QStringLiteral("%1  %2 %3\n").arg(offset, 8, 16, QLatin1Char('0')).arg(hex, -48).arg(ascii);
    }
    return out;
}

} // namespace

std::optional<QString> DeliveryBodies::utf8Text(const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return std::nullopt;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

DeliveryBodyText DeliveryBodies::display(const QByteArray &body)
{
    DeliveryBodyText result;
    if (body.isEmpty())
        return result;
    if (const auto text = utf8Text(body)) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(body, &parseError);
        if (parseError.error == QJsonParseError::NoError) {
            result.kind = DeliveryBodyText::Kind::Json;
            result.text = indentJson(*text);
        } else {
            result.kind = DeliveryBodyText::Kind::Text;
            result.text = *text;
        }
        return result;
    }
    constexpr qsizetype shown = 4096;
    result.kind = DeliveryBodyText::Kind::Binary;
    result.text = hexDump(body.left(shown));
    result.note = body.size() > shown
                      ? DeliveryLog::tr("Not UTF-8 text: %1 bytes, the first %2 shown as hexadecimal.")
                            .arg(QLocale().toString(body.size()), QLocale().toString(shown))
                      : DeliveryLog::tr("Not UTF-8 text: %1 bytes shown as hexadecimal.").arg(QLocale().toString(body.size()));
    return result;
}

QString DeliveryErrors::key(const QString &storedError)
{
    const qsizetype colon = storedError.indexOf(u": ");
    if (colon <= 0)
        return {};
    for (qsizetype i = 0; i < colon; ++i) {
        const QChar c = storedError.at(i);
        if (!(c.isLower() || c.isDigit() || c == u'-'))
            return {};
    }
    return storedError.left(colon);
}

QString DeliveryErrors::readable(const QString &storedError)
{
    const QString errorKey = key(storedError);
    return errorKey.isEmpty() ? storedError : storedError.mid(errorKey.size() + 2);
}

QString DeliveryErrors::label(const QString &storedError, const std::optional<int> &status)
{
    const QString errorKey = key(storedError);
    if (errorKey == u"http-4xx" || errorKey == u"http-5xx") {
        const QString kind = errorKey == u"http-5xx" ? QCoreApplication::translate("DeliveryErrors", "Receiver error")
                                                     : QCoreApplication::translate("DeliveryErrors", "Request refused");
        return status ? QCoreApplication::translate("DeliveryErrors", "%1 (HTTP %2)").arg(kind).arg(*status) : kind;
    }
    static const QHash<QString, const char *> labels = {
        {u"invalid-request"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "Request could not be built")},
        {u"dns"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "Host name not found")},
        {u"blocked"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "Address not allowed")},
        {u"connection-refused"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "Connection refused")},
        {u"connection-closed"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "Connection closed without an answer")},
        {u"tls"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "Certificate not accepted")},
        {u"timeout"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "No answer in time")},
        {u"inactivity-timeout"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "Answer stalled")},
        {u"redirect"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "Redirected")},
        {u"authentication"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "No Epic access token")},
        {u"network"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "Network failure")},
        {u"cancelled"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "Cancelled")},
        // Written by the delivery pipeline before a request leaves, replaced by the outcome when it comes.
        {u"unfinished"_s, QT_TRANSLATE_NOOP("DeliveryErrors", "No outcome recorded")},
    };
    const auto found = labels.constFind(errorKey);
    return found == labels.constEnd() ? readable(storedError)
                                      : QCoreApplication::translate("DeliveryErrors", found.value());
}
