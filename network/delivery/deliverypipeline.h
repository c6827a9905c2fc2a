// The one way a message reaches a webhook: credentials, payload, signature or token, the request, and its log row.
#pragma once

#include "models/domain/deliveryrecord.h"
#include "models/domain/event.h"
#include "models/domain/webhook.h"
#include "models/storage/databaseworker.h"
#include "network/delivery/dispatchconfig.h"
#include "network/payloads/payloadformatter.h"
#include "network/transport/webhooksender.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class CredentialStore;
class WebhookRepository;

// How the test-send dialog, the send command, redelivery (and the dispatcher) deliver:
//
//   DeliveryRun *run = DeliveryPipeline::start(services, order, this);
//   connect(run, &DeliveryRun::finished, this, [](const DeliveryOutcome &outcome) { ... });
//
// The run formats the event (or takes the body being repeated), reads the webhook's secret state as stored now and
// the credentials from the credential store, builds the signed or authenticated request, records the attempt as unfinished,
// sends it and completes the record with the answer. A crash while sending leaves that unfinished attempt in the
// log, never nothing. Nothing waits: the database is used on a worker connection, the store answers later.

// What to deliver, to whom, and why.
struct DeliveryOrder
{
    Webhook webhook;           // as it is to be used now (the editor's unsaved state for a test-send)
    Event event;               // formatted for the webhook, unless repeatedPayload is set; its type and id are logged
    std::optional<Payload> repeatedPayload; // a redelivery: the stored body and its content headers, sent as they were
    QByteArray messageId;      // the webhook-id: the original's for a repeat, empty for a new message
    DeliveryTrigger trigger = DeliveryTrigger::Test;
    // webhook was read from the database just before (the dispatcher's claim): its secret state is not read again.
    bool webhookJustRead = false;
    // The dispatch settings' proxy, as the caller read it; nullopt: the pipeline reads it from the database.
    std::optional<ProxyRule> proxy;
};

// What the pipeline uses; credentials, sender and announceTo must outlive every run.
struct DeliveryServices
{
    DatabaseWorker database;  // the webhook is read and every attempt recorded here, never on the caller's thread
    CredentialStore &credentials; // signing secrets and Epic private keys (sealed), read asynchronously
    WebhookSender &sender;    // shared, so Epic access tokens are reused
    // Told of every attempt whose outcome was recorded (noteAttemptRecorded), so that the views showing its
    // webhook update that row; none for a program without views.
    WebhookRepository *announceTo = nullptr;
};

// Why nothing was sent. Nothing was recorded either for any of these.
enum class DeliveryRefusal {
    None,
    AttemptNotFound,    // redelivery: no attempt with that id (purged, or a wrong id)
    BodyNotStored,      // redelivery: the log has no body (or no message id) for the attempt
    WebhookDeleted,     // the webhook no longer exists
    WebhookInactive,    // redelivery: the webhook is switched off and that was not overridden
    PayloadUnavailable, // the event cannot be formatted for this integration
    SecretUnavailable,  // the webhook signs, but this machine cannot open its current secret
    EpicKeyUnavailable, // an Epic webhook without a private key this machine can open
    InvalidRequest,     // the webhook's settings cannot make a request (e.g. incomplete Epic settings)
    DatabaseError,      // the webhook or the log could not be read, or the attempt could not be recorded
    // A test-send handed to the dispatchers (DispatchedTestSend):
    DispatcherUnavailable, // no dispatcher took it in time: nothing was sent
    DispatcherSilent,      // a dispatcher took it and told nothing in time: it may have been sent (see the log)
};

// The end of one delivery, whatever happened.
struct DeliveryOutcome
{
    enum class Status {
        Delivered,  // the receiver answered 2xx
        Failed,     // sent (or tried to), and the receiver did not accept it: see result
        Refused,    // nothing was sent: see refusal and message
        Cancelled,  // cancelled; if it was already on its way, result says so and it was recorded
    };
    Status status = Status::Refused;
    DeliveryRefusal refusal = DeliveryRefusal::None;
    QString message;          // translated: the refusal, or the failure summary; empty when delivered
    QStringList payloadWarnings; // translated: truncation, size, PHI notes of the formatted payload
    QByteArray messageId;
    bool sent = false;        // a request was started: result and record are filled in
    DeliveryResult result;
    DeliveryRecord record;    // as recorded (id, attempt number); id 0 when the record could not be completed
    QString recordError;      // the attempt was sent but its outcome could not be recorded

    bool delivered() const { return status == Status::Delivered; }
};

class DeliveryRun;

class DeliveryPipeline
{
    Q_DECLARE_TR_FUNCTIONS(DeliveryPipeline)
public:
    // Starts on the next turn of the event loop: connect to finished() right away. The run deletes itself after
    // finished(); parent may own it before that.
    static DeliveryRun *start(const DeliveryServices &services, const DeliveryOrder &order, QObject *parent = nullptr);

    // The error text of an attempt whose outcome was never recorded, as it stands in the log while it is on its way.
    static QString unfinishedError();
};

// One delivery in progress.
class DeliveryRun : public QObject
{
    Q_OBJECT
public:
    enum class Stage { Preparing, ReadingCredentials, Recording, Sending, Finished };
    Q_ENUM(Stage)

    ~DeliveryRun() override;

    const DeliveryOrder &order() const { return m_order; }
    Stage stage() const { return m_stage; }
    // Before sending: finishes as Cancelled, nothing sent or recorded. While sending: stops the request, which is
    // recorded as cancelled because the receiver may have seen part of it.
    void cancel();

signals:
    void stageChanged(DeliveryRun::Stage stage);
    // While sending: name lookup, Epic token, request.
    void sendingStageChanged(DeliveryJob::Stage stage);
    // The unfinished attempt is in the log (id and attempt number set) and the request is on its way.
    void attemptStarted(const DeliveryRecord &record);
    void finished(const DeliveryOutcome &outcome);

private:
    friend class DeliveryPipeline;
    DeliveryRun(const DeliveryServices &services, const DeliveryOrder &order, QObject *parent);

    void start();
    void readCredentials();
    void record(const QStringList &signingSecrets, const QByteArray &epicKeyPem);
    void send(const DeliveryRequest &request);
    void delivered(const DeliveryResult &result);
    // The attempt as the log is to keep it after result; the outcome's record as it was written before sending.
    DeliveryRecord completedRecord(const DeliveryResult &result) const;
    void refuse(DeliveryRefusal refusal, const QString &message);
    void setStage(Stage stage);
    void finish();

    DeliveryServices m_services;
    DeliveryOrder m_order;
    Payload m_payload;
    DeliveryOutcome m_outcome;
    Stage m_stage = Stage::Preparing;
    QPointer<DeliveryJob> m_job;
    // The unfinished attempt as the worker wrote it, for a job given after that one when the run is gone.
    std::shared_ptr<DeliveryRecord> m_written;
    bool m_cancelRequested = false;
};

Q_DECLARE_METATYPE(DeliveryOutcome)
