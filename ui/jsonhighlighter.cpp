// Colours JSON text (keys, strings, numbers, literals, punctuation) in a QPlainTextEdit or any QTextDocument.
#include "ui/jsonhighlighter.h"

#include <QRegularExpression>

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void JsonHighlighter::setDarkBackground(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    rehighlight();
}

QTextCharFormat JsonHighlighter::format(Token token) const
{
    QTextCharFormat format;
    switch (token) {
    case Token::Key:
        format.setForeground(m_dark ? QColor(0x9C, 0xDC, 0xFE) : QColor(0x04, 0x51, 0xA5));
        break;
    case Token::String:
        format.setForeground(m_dark ? QColor(0xCE, 0x91, 0x78) : QColor(0xA3, 0x15, 0x15));
        break;
    case Token::Number:
        format.setForeground(m_dark ? QColor(0xB5, 0xCE, 0xA8) : QColor(0x09, 0x86, 0x58));
        break;
    case Token::Literal:
        format.setForeground(m_dark ? QColor(0x56, 0x9C, 0xD6) : QColor(0x00, 0x00, 0xFF));
        format.setFontWeight(QFont::Bold);
        break;
    case Token::Punctuation:
        format.setForeground(m_dark ? QColor(0xAA, 0xAA, 0xAA) : QColor(0x6E, 0x6E, 0x6E));
        break;
    case Token::Invalid:
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(QColor(0xE5, 0x14, 0x00));
        break;
    }
    return format;
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression number(QStringLiteral(R"(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)"));
    const qsizetype length = text.size();
    qsizetype index = 0;
    while (index < length) {
        const QChar character = text.at(index);
        if (character.isSpace()) {
            ++index;
            continue;
        }
        if (character == u'"') {
            qsizetype end = index + 1;
            bool closed = false;
            while (end < length) {
                if (text.at(end) == u'\\') {
                    end += 2;
                    continue;
                }
                if (text.at(end++) == u'"') {
                    closed = true;
                    break;
                }
            }
            end = qMin(end, length);
            qsizetype next = end;
            while (next < length && text.at(next).isSpace())
                ++next;
            const bool isKey = closed && next < length && text.at(next) == u':';
            setFormat(int(index), int(end - index), format(isKey ? Token::Key : Token::String));
            if (!closed)
                setFormat(int(index), int(end - index), format(Token::Invalid));
            index = end;
            continue;
        }
        if (character == u'-' || character.isDigit()) {
            const QRegularExpressionMatch match =
                number.match(text, index, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
            const qsizetype matched = match.hasMatch() ? match.capturedLength() : 1;
            setFormat(int(index), int(matched), format(match.hasMatch() ? Token::Number : Token::Invalid));
            index += matched;
            continue;
        }
        if (character.isLetter()) {
            qsizetype end = index;
            while (end < length && text.at(end).isLetterOrNumber())
                ++end;
            const QStringView word = QStringView(text).mid(index, end - index);
            const bool literal = word == u"true" || word == u"false" || word == u"null";
            setFormat(int(index), int(end - index), format(literal ? Token::Literal : Token::Invalid));
            index = end;
            continue;
        }
        if (QStringView(u"{}[],:").contains(character))
            setFormat(int(index), 1, format(Token::Punctuation));
        else
            setFormat(int(index), 1, format(Token::Invalid));
        ++index;
    }
}
