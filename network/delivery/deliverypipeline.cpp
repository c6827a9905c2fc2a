// The one way a message reaches a webhook: credentials, payload, signature or token, the request, and its log row.
#include "network/delivery/deliverypipeline.h"

#include "models/domain/payloadtext.h"
#include "models/domain/redaction.h"
#include "models/secrets/credentialresolver.h"
#include "models/storage/deliveryrepository.h"
#include "models/secrets/epickey.h"
#include "network/transport/standardwebhooks.h"
#include "network/transport/webhookdelivery.h"

#include <QDateTime>

DeliveryRun *DeliveryPipeline::start(const DeliveryServices &services, const DeliveryOrder &order, QObject *parent)
{
    return new DeliveryRun(services, order, parent);
}

QString DeliveryPipeline::unfinishedError()
{
    // Stored, so in one language for every reader; DeliveryErrors::label() says it in the reader's.
    return QStringLiteral("unfinished: The request was on its way when this attempt was recorded, and its outcome "
                          "never was: the sending program stopped before the answer came. The receiver may have "
                          "received the message.");
}

DeliveryRun::DeliveryRun(const DeliveryServices &services, const DeliveryOrder &order, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_order(order)
{
    // Every test-send is a new message; only retries and redeliveries repeat an id.
    m_outcome.messageId = order.messageId.isEmpty() ? StandardWebhooks::newMessageId() : order.messageId;
    // Started from the event loop, so whoever asked can connect to finished() first.
    QMetaObject::invokeMethod(this, &DeliveryRun::start, Qt::QueuedConnection);
}

DeliveryRun::~DeliveryRun()
{
    // Deleted by its owner mid-way (a closing window): stop the request rather than leave it running unwatched,
    // and record it as cancelled, since the receiver may have seen part of it. Nobody is told any more.
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        completeRecord(m_job->result());
    }
}

void DeliveryRun::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit stageChanged(stage);
}

void DeliveryRun::start()
{
    if (m_stage == Stage::Finished)
        return;
    const Webhook &webhook = m_order.webhook;
    if (m_order.repeatedPayload) {
        m_payload = *m_order.repeatedPayload;
    } else {
        // The receiver's language, never the console's.
        const PayloadText::Scope inLanguage(webhook.payloadLanguage);
        QString error;
        const std::unique_ptr<PayloadFormatter> formatter = PayloadFormatter::create(webhook.kind);
        std::optional<Payload> payload = formatter ? formatter->format(m_order.event, webhook.phiLevel, &error)
                                                   : std::nullopt;
        if (!payload) {
            refuse(DeliveryRefusal::PayloadUnavailable,
                   DeliveryPipeline::tr("The %1 payload for “%2” could not be built: %3")
                       .arg(WebhookKinds::displayName(webhook.kind), m_order.event.type, error));
            return;
        }
        m_payload = std::move(*payload);
        m_outcome.payloadWarnings = m_payload.warnings;
    }

    setStage(Stage::ReadingCredentials);
    CredentialResolver::resolve(m_services.keychain, webhook, this,
                                [this](const Result<WebhookCredentials> &credentials) {
        if (m_stage == Stage::Finished)
            return; // cancelled while the keychain was answering
        if (!credentials) {
            DeliveryRefusal refusal = m_order.webhook.kind == WebhookKind::Epic ? DeliveryRefusal::EpicKeyUnavailable
                                                                                : DeliveryRefusal::SecretUnavailable;
            if (credentials.code() == ErrorCode::Invalid)
                refusal = DeliveryRefusal::InvalidRequest; // an unsaved webhook: nothing to look for yet
            refuse(refusal, credentials.message());
            return;
        }
        send(credentials->signingSecrets, credentials->epicPrivateKeyPem);
    });
}

void DeliveryRun::send(const QStringList &signingSecrets, const QByteArray &epicKeyPem)
{
    const Webhook &webhook = m_order.webhook;
    EpicKey epicKey;
    if (!epicKeyPem.isEmpty()) {
        QString keyError;
        std::optional<EpicKey> key = EpicKey::fromPem(epicKeyPem, &keyError);
        if (!key) {
            refuse(DeliveryRefusal::EpicKeyUnavailable,
                   DeliveryPipeline::tr("The Epic private key of “%1” in the keychain cannot be used: %2")
                       .arg(webhook.name, keyError));
            return;
        }
        epicKey = *key;
    }
    QString error;
    // A fresh timestamp for every attempt: receivers reject old ones.
    const std::optional<DeliveryRequest> request = WebhookDelivery::build(
        webhook, m_payload, signingSecrets, m_outcome.messageId, QDateTime::currentSecsSinceEpoch(), epicKey, &error);
    if (!request) {
        refuse(DeliveryRefusal::InvalidRequest,
               DeliveryPipeline::tr("No request can be made for “%1”: %2").arg(webhook.name, error));
        return;
    }

    // In the log before it leaves: if this program dies while sending, the attempt stays visible as unfinished.
    // From an empty result: no answer, no end, numbered on recording.
    DeliveryRecord pending = WebhookDelivery::record(webhook, m_order.event, m_outcome.messageId, m_order.trigger, {});
    pending.requestMethod = request->method;
    pending.requestUrl = Webhook::maskedUrl(request->url, webhook.kind);
    pending.requestHeaders = Redaction::redacted(request->headers);
    pending.requestBody = request->body;
    pending.error = DeliveryPipeline::unfinishedError();
    pending.success = false; // an empty result counts as a success
    pending.startedAt = QDateTime::currentDateTimeUtc();
    pending.durationMs.reset(); // an empty result's duration is 0, not unknown
    QString recordError;
    DeliveryRepository log(m_services.database);
    if (!log.record(pending, &recordError)) {
        refuse(DeliveryRefusal::DatabaseError,
               DeliveryPipeline::tr("Nothing was sent, because the attempt could not be recorded in the delivery log "
                                    "first: %1")
                   .arg(recordError));
        return;
    }
    m_outcome.record = pending;

    setStage(Stage::Sending);
    DeliveryJob *job = m_services.sender.send(*request);
    m_job = job;
    connect(job, &DeliveryJob::stageChanged, this, &DeliveryRun::sendingStageChanged);
    connect(job, &DeliveryJob::finished, this, &DeliveryRun::delivered);
    emit attemptStarted(pending);
    // A cancel that came while attemptStarted() was being handled applies to this job.
    if (m_cancelRequested)
        job->cancel();
}

void DeliveryRun::delivered(const DeliveryResult &result)
{
    m_job = nullptr;
    m_outcome.sent = true;
    m_outcome.result = result;
    if (result.success())
        m_outcome.status = DeliveryOutcome::Status::Delivered;
    else if (result.error == DeliveryResult::Error::Cancelled)
        m_outcome.status = DeliveryOutcome::Status::Cancelled;
    else
        m_outcome.status = DeliveryOutcome::Status::Failed;
    m_outcome.message = result.success() ? QString() : result.errorSummary();
    completeRecord(result);
    finish();
}

void DeliveryRun::completeRecord(const DeliveryResult &result)
{
    // Completed whatever happened: a cancelled request may have reached the receiver, and a failure is the very
    // thing the log is for.
    const DeliveryRecord &pending = m_outcome.record;
    DeliveryRecord record = WebhookDelivery::record(m_order.webhook, m_order.event, m_outcome.messageId,
                                                    m_order.trigger, result);
    record.id = pending.id;
    record.attempt = pending.attempt;
    record.startedAt = pending.startedAt;
    if (record.requestMethod.isEmpty()) {
        // The sender stopped before it made the request (cancelled at once, say): what was on its way stays.
        record.requestMethod = pending.requestMethod;
        record.requestUrl = pending.requestUrl;
        record.requestHeaders = pending.requestHeaders;
        record.requestBody = pending.requestBody;
    }
    QString error;
    DeliveryRepository log(m_services.database);
    if (!log.complete(record, &error)) {
        record.id = 0;
        m_outcome.recordError = error.isEmpty() ? DeliveryPipeline::tr("the database gave no reason") : error;
    }
    m_outcome.record = record;
}

void DeliveryRun::refuse(DeliveryRefusal refusal, const QString &message)
{
    m_outcome.status = DeliveryOutcome::Status::Refused;
    m_outcome.refusal = refusal;
    m_outcome.message = message;
    finish();
}

void DeliveryRun::cancel()
{
    switch (m_stage) {
    case Stage::Finished:
        return;
    case Stage::Sending:
        m_cancelRequested = true;
        if (m_job)
            m_job->cancel();
        return;
    case Stage::Preparing:
    case Stage::ReadingCredentials:
        // Nothing has left this computer and nothing is recorded: forget the pending keychain answer.
        m_outcome.status = DeliveryOutcome::Status::Cancelled;
        m_outcome.message = DeliveryPipeline::tr("Cancelled before anything was sent.");
        finish();
        return;
    }
}

void DeliveryRun::finish()
{
    if (m_stage == Stage::Finished)
        return;
    setStage(Stage::Finished);
    emit finished(m_outcome);
    deleteLater();
}
