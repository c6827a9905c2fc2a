// Text from outside (names, header values, reason phrases) made safe to show.
#include "models/domain/displaytext.h"

#include <QChar>
#include <QStringList>

namespace DisplayText {
namespace {

// Calls visit(codePoint, utf16Index, utf16Length) for each code point; a lone surrogate is one code point of its own.
template<typename Visit>
void forEachCodePoint(const QString &text, Visit visit)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            if (!visit(QChar::surrogateToUcs4(c, text.at(i + 1)), i, 2))
                return;
            ++i;
        } else if (!visit(char32_t(c.unicode()), i, 1)) {
            return;
        }
    }
}

} // namespace

bool isControlOrFormat(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:      // C0 and C1, NUL, ESC, CR, LF, DEL
    case QChar::Other_Format:       // bidirectional overrides and isolates, zero-width joiners, BOM
    case QChar::Separator_Line:     // U+2028
    case QChar::Separator_Paragraph: // U+2029
    case QChar::Other_Surrogate:    // a lone surrogate
        return true;
    default:
        return false;
    }
}

std::optional<char32_t> firstControlOrFormat(const QString &text)
{
    std::optional<char32_t> found;
    forEachCodePoint(text, [&](char32_t c, qsizetype, qsizetype) {
        if (isControlOrFormat(c))
            found = c;
        return !found;
    });
    return found;
}

QString codePoint(char32_t c)
{
    return QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
}

QString escaped(const QString &text)
{
    if (!firstControlOrFormat(text))
        return text;
    QString result;
    result.reserve(text.size() + 16);
    forEachCodePoint(text, [&](char32_t c, qsizetype at, qsizetype length) {
        if (isControlOrFormat(c))
            result += u'‹' + codePoint(c) + u'›';
        else
            result += QStringView(text).mid(at, length);
        return true;
    });
    return result;
}

QString forTerminal(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        QStringList cells = line.split(u'\t');
        for (QString &cell : cells)
            cell = escaped(cell);
        line = cells.join(u'\t');
    }
    return lines.join(u'\n');
}

QString excerpt(const QString &text, int maxCharacters)
{
    // Cut before escaping, so that a megabyte of input costs no megabyte of work.
    const bool cut = text.size() > maxCharacters;
    QString shown = escaped(cut ? text.left(maxCharacters) : text);
    if (shown.size() > maxCharacters) {
        shown.truncate(maxCharacters);
        return shown + u'…';
    }
    return cut ? shown + u'…' : shown;
}

} // namespace DisplayText
