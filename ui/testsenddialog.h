// Test-send: one sample event to one webhook, signed and sent for real, with the request, the answer and what it means.
#pragma once

#include "models/domain/boundedfile.h"
#include "models/storage/deliveryrepository.h"
#include "models/domain/event.h"
#include "models/domain/webhook.h"
#include "network/delivery/deliverypipeline.h"
#include "network/delivery/dispatchedtestsend.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QFuture>
#include <QPointer>

#include <optional>

class HttpMessageView;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTimer;
class CredentialStore;
class WebhookRepository;
class WebhookSecrets;

// What a test-send needs from the application. Everything must outlive the dialog.
struct TestSendServices
{
    WebhookRepository &webhooks;    // the webhooks as stored
    WebhookSecrets &secrets;        // the signing secrets
    CredentialStore &credentials;   // the signing secrets and Epic private keys, as the pipeline reads them
    DatabaseWorker deliveryLog;     // a connection of its own: attempts are recorded there, off the GUI thread
    WebhookSender &sender;          // shared with the rest of the console, so Epic access tokens are reused
};

// Non-modal: show() it. Sending never blocks the window; Cancel (or Escape) stops a send in progress, closing
// the dialog cancels it too. The webhook may be unsaved (the editor's current state): without an id it has no
// secrets in the keychain, and its attempts are recorded without a webhook reference.
class TestSendDialog : public QDialog
{
    Q_OBJECT
public:
    enum class State { Idle, Preparing, Sending };
    Q_ENUM(State)
    // Where the test is sent from: handed to a running dispatcher (the way real events take), or straight from
    // this workstation.
    enum class Route { Dispatcher, Direct };
    Q_ENUM(Route)

    TestSendDialog(const TestSendServices &services, const Webhook &webhook, QWidget *parent = nullptr);
    ~TestSendDialog() override;

    const Webhook &webhook() const { return m_webhook; }
    // Takes a changed configuration (e.g. the editor's); refused while a send is in progress.
    bool setWebhook(const Webhook &webhook);

    // Event types this integration can receive: subscribed ones first, then the others, each in catalog order.
    QStringList offeredEventTypes() const;
    QString eventType() const;
    bool setEventType(const QString &type);

    // Uses the event in a JSON file (the format Event::fromJson reads) instead of the built-in sample; its type
    // becomes the selected event type. Read in the background; on failure keeps the current sample, shows why and
    // the future's result is false.
    QFuture<bool> loadSampleFile(const QString &path);
    void useBuiltInSample();
    bool usesSampleFile() const { return m_fileEvent.has_value(); }
    Event sampleEvent() const;

    // Through a dispatcher when one runs (read when the dialog opens and after each send), else directly.
    Route route() const;
    // Refused for the dispatcher while none runs, and while a send is in progress.
    bool setRoute(Route route);
    static constexpr int DispatchersRefreshMs = 10000;
    // Reads which dispatchers run, as the dialog does when it opens, every DispatchersRefreshMs and after each send;
    // dispatchersRead() follows.
    void readDispatchers();
    // The running dispatchers as last read (host:pid each).
    QStringList runningDispatchers() const { return m_dispatchers; }
    // The dispatcher that sent the last test (empty: sent directly).
    QString lastDispatcher() const { return m_lastDispatcher; }

    State state() const { return m_state; }
    // The last finished delivery, its message id and its delivery-log row (id 0 when recording failed).
    const std::optional<DeliveryResult> &lastResult() const { return m_lastResult; }
    QByteArray lastMessageId() const { return m_lastMessageId; }
    const std::optional<DeliveryRecord> &lastRecord() const { return m_lastRecord; }

    QLabel *outcomeLabel() const { return m_outcomeLabel; }
    QLabel *diagnosisLabel() const { return m_diagnosisLabel; }
    QLabel *recordLabel() const { return m_recordLabel; }
    QLabel *sampleErrorLabel() const { return m_sampleErrorLabel; }
    QLabel *stageLabel() const { return m_stageLabel; }
    HttpMessageView *requestView() const { return m_requestView; }
    HttpMessageView *responseView() const { return m_responseView; }
    QPushButton *sendButton() const { return m_sendButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QComboBox *eventCombo() const { return m_eventCombo; }
    QComboBox *routeCombo() const { return m_routeCombo; }

public slots:
    void send();
    // Stops the send in progress; a delivery already on its way ends as "cancelled" and is recorded as such.
    void cancel();
    void chooseSampleFile();

signals:
    void stateChanged(TestSendDialog::State state);
    // A delivery ended (delivered, failed or cancelled), after it was shown and recorded.
    void sendFinished(const DeliveryResult &result);
    // Nothing was sent: the sample, the payload, a secret or the request could not be prepared.
    void sendRefused(const QString &message);
    // The running dispatchers were read (runningDispatchers()).
    void dispatchersRead();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    bool useSampleFile(const QString &path, const BoundedFile::Contents &read);
    enum class Outcome { None, Refused, Cancelled, Delivered, Failed };

    void retranslate();
    void populateEvents();
    void retranslateEvents();
    void updateSampleLabel();
    void setState(State state);
    void updateStage();
    void eventTypeChosen();

    void updateRoutes();
    void sendDirectly(const DeliveryOrder &order);
    void sendThroughDispatcher(const DeliveryOrder &order);
    void finished(const DeliveryOutcome &outcome);
    QString refusalText(const DeliveryOutcome &outcome) const;
    void refuse(const QString &message);

    void showOutcome();
    void showResult(const DeliveryResult &result);
    void clearResult();

    TestSendServices m_services;
    Webhook m_webhook;
    std::optional<Event> m_fileEvent;
    QString m_sampleFileName;
    bool m_choosingFromFile = false;

    State m_state = State::Idle;
    std::optional<DeliveryJob::Stage> m_stage;
    QPointer<DeliveryRun> m_run;
    QPointer<DispatchedTestSend> m_dispatched;
    QStringList m_dispatchers;
    bool m_dispatchersKnown = false;
    bool m_routeChosen = false; // by the user: kept while its dispatcher runs
    QString m_lastDispatcher;
    QElapsedTimer m_clock;
    QTimer *m_ticker;
    QTimer *m_dispatchersRefresh;
    bool m_destroying = false;

    Outcome m_outcome = Outcome::None;
    QString m_refusal;
    std::optional<DeliveryResult> m_lastResult;
    QByteArray m_lastMessageId;
    std::optional<DeliveryRecord> m_lastRecord;
    QString m_recordError;

    QLabel *m_webhookLabel;
    QLabel *m_webhookValue;
    QLabel *m_phiLabel;
    QLabel *m_phiValue;
    QLabel *m_eventLabel;
    QComboBox *m_eventCombo;
    QLabel *m_routeLabel;
    QComboBox *m_routeCombo;
    QLabel *m_sampleLabel;
    QLabel *m_sampleValue;
    QPushButton *m_loadSampleButton;
    QPushButton *m_builtInButton;
    QLabel *m_sampleErrorLabel;
    QProgressBar *m_progress;
    QLabel *m_stageLabel;
    QPushButton *m_sendButton;
    QPushButton *m_cancelButton;
    QPushButton *m_closeButton;
    QLabel *m_outcomeLabel;
    QLabel *m_diagnosisLabel;
    QLabel *m_recordLabel;
    QSplitter *m_splitter;
    HttpMessageView *m_requestView;
    HttpMessageView *m_responseView;
};
