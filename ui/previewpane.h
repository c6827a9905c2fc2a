// Shows one payload exactly as it will be sent: highlighted JSON, byte count against the limit, headers,
// warnings, and for Teams the rendered card.
#pragma once

#include "models/domain/webhook.h"
#include "network/payloads/payloadformatter.h"

#include <QWidget>

class AdaptiveCardView;
class JsonHighlighter;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSplitter;
class QStackedWidget;

class PreviewPane : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPane(QWidget *parent = nullptr);

    void showPayload(WebhookKind kind, const Payload &payload);
    // Instead of a payload: why there is none (bad sample event, event the integration cannot carry).
    void showError(const QString &message);

    bool isShowingError() const;
    QByteArray body() const { return m_payload.body; }
    // The body indented for reading, keys in their original order and strings exactly as sent.
    static QString prettyPrinted(const QByteArray &json);
    // Saves the rendered Teams card; false if there is none or the file cannot be written.
    bool saveCardAsPng(const QString &path);

    QPlainTextEdit *jsonView() const { return m_jsonView; }
    JsonHighlighter *highlighter() const { return m_highlighter; }
    QLabel *sizeLabel() const { return m_sizeLabel; }
    QLabel *headersView() const { return m_headersView; }
    QLabel *warningsLabel() const { return m_warningsLabel; }
    QLabel *errorLabel() const { return m_errorLabel; }
    AdaptiveCardView *cardView() const { return m_cardView; }
    QWidget *cardPanel() const { return m_cardPanel; }
    QPushButton *savePngButton() const { return m_savePngButton; }

signals:
    // An Action.OpenUrl button or a link in the rendered card was clicked.
    void openUrlRequested(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateSizeLabel();
    void updateWarnings();
    void followPalette();
    void saveCardInteractively();

    WebhookKind m_kind = WebhookKind::Generic;
    Payload m_payload;
    QString m_error;

    QStackedWidget *m_stack;
    QLabel *m_sizeLabel;
    QLabel *m_warningsLabel;
    QLabel *m_headersTitle;
    QLabel *m_headersView;
    QSplitter *m_splitter;
    QLabel *m_jsonTitle;
    QPlainTextEdit *m_jsonView;
    JsonHighlighter *m_highlighter;
    QWidget *m_cardPanel;
    QLabel *m_cardTitle;
    QScrollArea *m_cardScroll;
    AdaptiveCardView *m_cardView;
    QPushButton *m_savePngButton;
    QLabel *m_errorTitle;
    QLabel *m_errorLabel;
};
