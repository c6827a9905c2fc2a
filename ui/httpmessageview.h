// One HTTP message as a test-send shows it: a summary line, the headers and the body (JSON indented, binary as hex).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

class JsonHighlighter;
class QLabel;
class QPlainTextEdit;

class HttpMessageView : public QWidget
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpMessageView(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    // summary: the request line or the status line; totalSize: every byte of the body, kept or not (-1: body.size()).
    // Headers are shown as given: the caller passes them redacted.
    void showMessage(const QString &summary, const Headers &headers, const QByteArray &body, qint64 totalSize = -1);
    // No message to show (nothing sent, no answer): why, in place of the summary.
    void showNothing(const QString &why);
    void clear();

    // The body as it is shown: JSON indented, other UTF-8 text as is, anything else as a hex dump.
    static QString displayedBody(const QByteArray &body, bool *binary = nullptr);

    QLabel *titleLabel() const { return m_title; }
    QLabel *summaryLabel() const { return m_summary; }
    QPlainTextEdit *headersView() const { return m_headersView; }
    QLabel *sizeLabel() const { return m_sizeLabel; }
    QPlainTextEdit *bodyView() const { return m_bodyView; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateSizeLabel();
    void followPalette();

    bool m_hasMessage = false;
    qsizetype m_keptSize = 0;
    qint64 m_totalSize = 0;
    bool m_binary = false;

    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_headersTitle;
    QPlainTextEdit *m_headersView;
    QLabel *m_bodyTitle;
    QLabel *m_sizeLabel;
    QPlainTextEdit *m_bodyView;
    JsonHighlighter *m_highlighter;
    QWidget *m_filler;
};
