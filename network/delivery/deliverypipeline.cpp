// The one way a message reaches a webhook: credentials, payload, signature or token, the request, and its log row.
#include "network/delivery/deliverypipeline.h"

#include "models/domain/payloadtext.h"
#include "models/domain/redaction.h"
#include "models/secrets/credentialresolver.h"
#include "models/secrets/epickey.h"
#include "models/storage/deliveryrepository.h"
#include "models/storage/webhookrepository.h"
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
    , m_written(std::make_shared<DeliveryRecord>())
{
    // Every test-send is a new message; only retries and redeliveries repeat an id.
    m_outcome.messageId = order.messageId.isEmpty() ? StandardWebhooks::newMessageId() : order.messageId;
    // Started from the event loop, so whoever asked can connect to finished() first.
    QMetaObject::invokeMethod(this, &DeliveryRun::start, Qt::QueuedConnection);
}

DeliveryRun::~DeliveryRun()
{
    // Deleted by its owner mid-way (a closing window): stop the request rather than leave it running unwatched,
    // and record it as cancelled, since the receiver may have seen part of it. Nobody is told any more; the worker
    // still writes what it is given.
    DeliveryResult stopped;
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        stopped = m_job->result();
    } else if (m_stage == Stage::Recording) {
        // The unfinished attempt is being written and nothing has been sent: it is completed as cancelled by the
        // job after that one, which sees its id.
        stopped.error = DeliveryResult::Error::Cancelled;
        stopped.errorText = DeliveryPipeline::tr("Cancelled before anything was sent.");
    } else {
        return;
    }
    const DeliveryRecord completed = completedRecord(stopped);
    m_services.database.run<void>(
        [completed, written = m_written](Database &database) -> Result<void> {
            if (written->id == 0)
                return {}; // it could not be written: there is nothing to complete
            DeliveryRecord record = completed;
            record.id = written->id;
            record.attempt = written->attempt;
            return DeliveryRepository(database).complete(record);
        },
        nullptr, [](const Result<void> &) {});
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
    const bool readWebhook = !webhook.id.isEmpty() && !m_order.webhookJustRead;
    if (!readWebhook && m_order.proxy) {
        readCredentials(); // unsaved: nothing is stored for it; just read: nothing has changed
        return;
    }
    // Secrets are set, rotated and deleted in their own dialog or command, straight to the database: the webhook
    // given may be older than that (an editor's unsaved copy). The rest stays as given. The proxy is the one every
    // dispatcher uses, so that a test takes the way real events take.
    struct Stored
    {
        std::optional<Webhook> webhook;
        std::optional<ProxyRule> proxy;
    };
    m_services.database.run<Stored>(
        [id = webhook.id, readWebhook, readProxy = !m_order.proxy](Database &database) -> Result<Stored> {
            Stored stored;
            if (readWebhook) {
                const Result<Webhook> found = WebhookRepository(database).findById(id);
                if (!found)
                    return found.failure();
                stored.webhook = *found;
            }
            if (readProxy) {
                const Result<DispatchConfig> config = DispatchConfig::stored(database);
                if (!config && config.code() != ErrorCode::Invalid)
                    return config.failure();
                if (!config)
                    return Failure{ErrorCode::Invalid,
                                   DeliveryPipeline::tr("Nothing was sent, because the dispatch settings in the "
                                                        "database cannot be used: %1")
                                       .arg(config.message())};
                stored.proxy = config->proxy;
            }
            return stored;
        },
        this, [this](const Result<Stored> &stored) {
            if (m_stage == Stage::Finished)
                return; // cancelled meanwhile
            if (!stored) {
                if (stored.code() == ErrorCode::NotFound)
                    refuse(DeliveryRefusal::WebhookDeleted,
                           DeliveryPipeline::tr("The webhook “%1” was deleted; there is nothing to send to.")
                               .arg(m_order.webhook.name));
                else if (stored.code() == ErrorCode::Invalid)
                    refuse(DeliveryRefusal::DatabaseError, stored.message());
                else
                    refuse(DeliveryRefusal::DatabaseError,
                           DeliveryPipeline::tr("The webhook could not be read from the database: %1")
                               .arg(stored.message()));
                return;
            }
            if (stored->webhook) {
                Webhook &webhook = m_order.webhook;
                webhook.secretFingerprint = stored->webhook->secretFingerprint;
                webhook.secretSetAt = stored->webhook->secretSetAt;
                webhook.previousSecretFingerprint = stored->webhook->previousSecretFingerprint;
                webhook.secretGraceUntil = stored->webhook->secretGraceUntil;
            }
            if (stored->proxy)
                m_order.proxy = stored->proxy;
            readCredentials();
        });
}

void DeliveryRun::readCredentials()
{
    setStage(Stage::ReadingCredentials);
    CredentialResolver::resolve(m_services.credentials, m_order.webhook, this,
                                [this](const Result<WebhookCredentials> &credentials) {
        if (m_stage == Stage::Finished)
            return; // cancelled while the credential store was answering
        if (!credentials) {
            DeliveryRefusal refusal = m_order.webhook.kind == WebhookKind::Epic ? DeliveryRefusal::EpicKeyUnavailable
                                                                                : DeliveryRefusal::SecretUnavailable;
            if (credentials.code() == ErrorCode::Invalid)
                refusal = DeliveryRefusal::InvalidRequest; // an unsaved webhook: nothing to look for yet
            refuse(refusal, credentials.message());
            return;
        }
        record(credentials->signingSecrets, credentials->epicPrivateKeyPem);
    });
}

void DeliveryRun::record(const QStringList &signingSecrets, const QByteArray &epicKeyPem)
{
    const Webhook &webhook = m_order.webhook;
    EpicKey epicKey;
    if (!epicKeyPem.isEmpty()) {
        const Result<EpicKey> key = EpicKey::fromPem(epicKeyPem);
        if (!key) {
            refuse(DeliveryRefusal::EpicKeyUnavailable,
                   DeliveryPipeline::tr("The stored Epic private key of “%1” cannot be used: %2")
                       .arg(webhook.name, key.message()));
            return;
        }
        epicKey = *key;
    }
    QString error;
    // A fresh timestamp for every attempt: receivers reject old ones.
    std::optional<DeliveryRequest> request = WebhookDelivery::build(
        webhook, m_payload, signingSecrets, m_outcome.messageId, QDateTime::currentSecsSinceEpoch(), epicKey, &error);
    if (request && m_order.proxy)
        request->proxy = m_order.proxy->forHost(request->url.host());
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
    m_outcome.record = pending;

    setStage(Stage::Recording);
    m_services.database.run<DeliveryRecord>(
        [pending, written = m_written](Database &database) -> Result<DeliveryRecord> {
            DeliveryRecord record = pending;
            if (Result<void> recorded = DeliveryRepository(database).record(record); !recorded)
                return recorded.failure();
            *written = record;
            return record;
        },
        this, [this, request = *request](const Result<DeliveryRecord> &recorded) {
            if (!recorded) {
                refuse(DeliveryRefusal::DatabaseError,
                       DeliveryPipeline::tr("Nothing was sent, because the attempt could not be recorded in the "
                                            "delivery log first: %1")
                           .arg(recorded.message()));
                return;
            }
            m_outcome.record = *recorded;
            send(request);
        });
}

void DeliveryRun::send(const DeliveryRequest &request)
{
    setStage(Stage::Sending);
    DeliveryJob *job = m_services.sender.send(request);
    m_job = job;
    connect(job, &DeliveryJob::stageChanged, this, &DeliveryRun::sendingStageChanged);
    connect(job, &DeliveryJob::finished, this, &DeliveryRun::delivered);
    emit attemptStarted(m_outcome.record);
    // A cancel that came while the attempt was recorded, or while attemptStarted() was handled, applies to this job.
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
    // Completed whatever happened: a cancelled request may have reached the receiver, and a failure is the very
    // thing the log is for. finished() comes once it is written, so that whoever reads the log then sees it.
    const DeliveryRecord completed = completedRecord(result);
    m_services.database.run<void>(
        [completed](Database &database) { return DeliveryRepository(database).complete(completed); }, this,
        [this, completed](const Result<void> &written) {
            m_outcome.record = completed;
            if (!written) {
                m_outcome.record.id = 0;
                m_outcome.recordError = written.message().isEmpty()
                                            ? DeliveryPipeline::tr("the database gave no reason")
                                            : written.message();
            } else if (m_services.announceTo) {
                m_services.announceTo->noteAttemptRecorded(completed);
            }
            finish();
        });
}

DeliveryRecord DeliveryRun::completedRecord(const DeliveryResult &result) const
{
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
    return record;
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
    case Stage::Recording:
    case Stage::Sending:
        // Once recorded, the attempt is sent and stopped at once, so that it is completed as cancelled.
        m_cancelRequested = true;
        if (m_job)
            m_job->cancel();
        return;
    case Stage::Preparing:
    case Stage::ReadingCredentials:
        // Nothing has left this computer and nothing is recorded: forget the pending credential store answer.
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
