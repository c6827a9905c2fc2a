// The standalone payload preview: pick an integration, an event and a PHI level, edit the sample event, and see
// exactly what would be sent.
#pragma once

#include "models/domain/boundedfile.h"
#include "models/domain/webhook.h"

#include <QFuture>

#include <QWidget>

class JsonHighlighter;
class PreviewPane;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTimer;

class PreviewWindow : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewWindow(QWidget *parent = nullptr);

    // Preselects the webhook's integration and PHI level (and its first subscribed event, if any).
    void setWebhook(const Webhook &webhook);

    WebhookKind kind() const;
    QString eventType() const;
    PhiLevel phiLevel() const;
    void setKind(WebhookKind kind);
    void setEventType(const QString &eventType);
    void setPhiLevel(PhiLevel level);

    // Replaces the sample with a file's contents, read in the background; the future's result is false (and the
    // reason shown under the editor) if it is unreadable.
    QFuture<bool> loadSampleFile(const QString &path);

    QComboBox *kindCombo() const { return m_kindCombo; }
    QComboBox *eventCombo() const { return m_eventCombo; }
    QComboBox *phiCombo() const { return m_phiCombo; }
    QPlainTextEdit *eventEditor() const { return m_eventEditor; }
    QLabel *eventErrorLabel() const { return m_eventErrorLabel; }
    PreviewPane *previewPane() const { return m_pane; }
    // Restarted by every keystroke in the editor; the payload is built when it fires.
    QTimer *formatTimer() const { return m_formatTimer; }

    static constexpr int typingDelayMs = 300;

public slots:
    // Puts the built-in sample of the chosen event back into the editor.
    void resetToSample();
    // Builds the payload from the editor's event now.
    void updatePreview();

protected:
    void changeEvent(QEvent *event) override;

private:
    QString m_payloadLanguage = QStringLiteral("en"); // the previewed webhook's, English without one
    bool useSampleFile(const QString &path, const BoundedFile::Contents &read);
    void retranslate();
    void populateCombos();
    void chooseSampleFile();
    void openUrl(const QUrl &url);

    QLabel *m_kindLabel;
    QComboBox *m_kindCombo;
    QLabel *m_eventLabel;
    QComboBox *m_eventCombo;
    QLabel *m_phiLabel;
    QComboBox *m_phiCombo;
    QLabel *m_editorLabel;
    QPlainTextEdit *m_eventEditor;
    JsonHighlighter *m_highlighter;
    QPushButton *m_loadButton;
    QPushButton *m_resetButton;
    QLabel *m_eventErrorLabel;
    QSplitter *m_splitter;
    PreviewPane *m_pane;
    QTimer *m_formatTimer;
    bool m_phiChosen = false;   // once the user (or a webhook) picked a PHI level, switching integration keeps it
    bool m_replacingText = false;
};
