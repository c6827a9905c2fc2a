// Colours JSON text (keys, strings, numbers, literals, punctuation) in a QPlainTextEdit or any QTextDocument.
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Token { Key, String, Number, Literal, Punctuation, Invalid };

    explicit JsonHighlighter(QTextDocument *document);

    // Light colours on a dark background and the other way round; follows the editor's palette if asked.
    void setDarkBackground(bool dark);
    bool hasDarkBackground() const { return m_dark; }
    QTextCharFormat format(Token token) const;

protected:
    // JSON strings cannot span lines, so each line is coloured on its own, without block state.
    void highlightBlock(const QString &text) override;

private:
    bool m_dark = false;
};
