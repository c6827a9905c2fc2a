// Redelivery: checks, the repeating request and its log row, the failed messages of a filter, the task and the batch.
#include "network/delivery/redelivery.h"
#include "models/secrets/signingsecret.h"

#include "models/secrets/secretstore.h"
#include "models/storage/webhookrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "network/payloads/payloadformatter.h"
#include "network/transport/standardwebhooks.h"
#include "network/transport/webhookdelivery.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// The headers a formatter puts on its payload: they describe the body, so a repeat of the body carries them
// as they were. Everything else (custom headers, signatures, tokens) comes from the webhook as it is now.
bool isContentHeader(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    return lower == u"content-type" || lower == u"accept" || lower == u"x-goreporter-event";
}

QByteArray fallbackContentType(WebhookKind kind)
{
    return kind == WebhookKind::Epic ? QByteArrayLiteral("application/fhir+json") : QByteArrayLiteral("application/json");
}

} // namespace

// --- rules, request, record ----------------------------------------------------------------------------

RedeliveryRefusal Redelivery::check(const DeliveryDetail &original, const std::optional<Webhook> &webhook,
                                    const RedeliveryOptions &options, QString *message)
{
    auto refuse = [message](RedeliveryRefusal refusal, const QString &text) {
        if (message)
            *message = text;
        return refusal;
    };
    // A body that was never stored (or a row without its message id) cannot be repeated byte for byte; sending
    // something rebuilt instead would not be the same message.
    if (original.requestBody.isEmpty() || original.messageId.isEmpty())
        return refuse(RedeliveryRefusal::BodyNotStored,
                      tr("The body of attempt %1 was not stored in the delivery log, so it cannot be sent again.")
                          .arg(original.row.id));
    if (original.row.webhookId.isEmpty() || !webhook || webhook->id != original.row.webhookId)
        return refuse(RedeliveryRefusal::WebhookDeleted,
                      tr("The webhook “%1” was deleted, so attempt %2 has nowhere to go.")
                          .arg(original.row.webhookName)
                          .arg(original.row.id));
    if (!webhook->active && !options.allowInactive)
        return refuse(RedeliveryRefusal::WebhookInactive,
                      tr("The webhook “%1” is disabled. Enable it first, or confirm that attempt %2 should be "
                         "redelivered to it anyway.")
                          .arg(webhook->name)
                          .arg(original.row.id));
    if (message)
        message->clear();
    return RedeliveryRefusal::None;
}

std::optional<DeliveryRequest> Redelivery::buildRequest(const DeliveryDetail &original, const Webhook &webhook,
                                                        const QStringList &signingSecrets, qint64 timestamp,
                                                        const EpicKey &epicKey, QString *error)
{
    Payload payload;
    payload.body = original.requestBody;
    for (const auto &[name, value] : original.requestHeaders) {
        if (isContentHeader(name))
            payload.headers.append({name.toLatin1(), value.toUtf8()});
    }
    const bool hasContentType = std::any_of(payload.headers.cbegin(), payload.headers.cend(), [](const auto &header) {
        return header.first.compare("content-type", Qt::CaseInsensitive) == 0;
    });
    // Rows whose headers could not be read still hold the body; its type follows from the integration.
    if (!hasContentType)
        payload.headers.prepend({QByteArrayLiteral("Content-Type"), fallbackContentType(webhook.kind)});
    // The same path as a first delivery, so that a redelivery sees every setting changed since.
    return WebhookDelivery::build(webhook, payload, signingSecrets, original.messageId.toLatin1(), timestamp, epicKey,
                                  error);
}

DeliveryRecord Redelivery::record(const DeliveryDetail &original, const Webhook &webhook, const DeliveryResult &result)
{
    DeliveryRecord record = result.toRecord();
    record.webhookId = webhook.id;
    record.webhookName = webhook.name;
    record.eventType = original.row.eventType;
    record.eventId = original.row.eventId;
    record.messageId = original.messageId;
    record.trigger = DeliveryTrigger::Redeliver;
    record.attempt = 0;
    return record;
}

std::optional<QList<qint64>> Redelivery::failedInFilter(Database &database, const DeliveryFilter &filter,
                                                        const QDateTime &now, QString *error, int limit)
{
    DeliveryFilter failures = filter;
    failures.result = DeliveryFilter::Result::Failure;
    DeliveryLog log(database);
    const auto selection = log.select(failures, now, error);
    if (!selection)
        return std::nullopt;
    // The newest attempt of its message, found through the event-id index: a message belongs to one event.
    // Test sends carry built-in samples with invented patients: never sent again in bulk. An event that any
    // attempt delivered to the same webhook is done, whichever message did it.
    const QString sql = u"SELECT id FROM deliveries WHERE "_s + selection->where
                        + u" AND trigger_kind <> 'test'"
                          " AND NOT EXISTS (SELECT 1 FROM deliveries later"
                          " WHERE later.event_id = deliveries.event_id AND later.message_id = deliveries.message_id"
                          " AND (later.started_at, later.id) > (deliveries.started_at, deliveries.id))"
                          " AND NOT EXISTS (SELECT 1 FROM deliveries done"
                          " WHERE done.event_id = deliveries.event_id AND done.webhook_id = deliveries.webhook_id"
                          " AND done.success)"
                          " ORDER BY started_at DESC, id DESC LIMIT %1"_s.arg(std::max(limit, 0));
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    auto fail = [&](const QSqlError &sqlError) -> std::optional<QList<qint64>> {
        if (error)
            *error = tr("Cannot read the failed attempts: %1").arg(Database::describe(sqlError));
        return std::nullopt;
    };
    if (!query.prepare(sql))
        return fail(query.lastError());
    for (const QVariant &value : selection->values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(query.lastError());
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

RedeliveryTask *Redelivery::start(const RedeliveryServices &services, qint64 deliveryId,
                                  const RedeliveryOptions &options, QObject *parent)
{
    return new RedeliveryTask(services, deliveryId, options, parent);
}

// --- one redelivery ----------------------------------------------------------------------------------

RedeliveryTask::RedeliveryTask(const RedeliveryServices &services, qint64 deliveryId,
                               const RedeliveryOptions &options, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_options(options)
{
    m_outcome.originalId = deliveryId;
    // Started from the event loop, so whoever asked can connect to finished() first.
    QMetaObject::invokeMethod(this, &RedeliveryTask::start, Qt::QueuedConnection);
}

RedeliveryTask::~RedeliveryTask()
{
    // Deleted by its owner mid-way (a closing window): stop the request rather than leave it running unwatched.
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
    }
}

void RedeliveryTask::start()
{
    if (m_stage == Stage::Finished)
        return;
    QString error;
    DeliveryLog log(m_services.database);
    std::optional<DeliveryDetail> original = log.detail(m_outcome.originalId, &error);
    if (!original) {
        // detail() says "no longer exists" for a missing row; tell that apart from an unreadable log.
        QSqlQuery probe(m_services.database.connection());
        probe.prepare(u"SELECT 1 FROM deliveries WHERE id = ?"_s);
        probe.addBindValue(m_outcome.originalId);
        const bool missing = probe.exec() && !probe.next();
        refuse(missing ? RedeliveryRefusal::AttemptNotFound : RedeliveryRefusal::DatabaseError, error);
        return;
    }
    m_original = std::move(*original);

    std::optional<Webhook> webhook;
    if (!m_original.row.webhookId.isEmpty()) {
        WebhookRepository repository(m_services.database);
        RepositoryResult lookup;
        webhook = repository.findById(m_original.row.webhookId, &lookup);
        if (!webhook && lookup.status != RepositoryResult::Status::NotFound) {
            refuse(RedeliveryRefusal::DatabaseError,
                   tr("The webhook of attempt %1 could not be read: %2").arg(m_outcome.originalId).arg(lookup.message));
            return;
        }
    }
    QString message;
    const RedeliveryRefusal refusal = Redelivery::check(m_original, webhook, m_options, &message);
    if (refusal != RedeliveryRefusal::None) {
        refuse(refusal, message);
        return;
    }
    m_webhook = *webhook;

    switch (m_webhook.kind) {
    case WebhookKind::Generic:
        if (m_webhook.secretFingerprint.isEmpty())
            send({}, {});
        else
            readCurrentSecret();
        return;
    case WebhookKind::Epic:
        readEpicKey();
        return;
    case WebhookKind::Slack:
    case WebhookKind::Teams:
        send({}, {}); // the URL is the credential
        return;
    }
}

// The secrets are read here rather than through WebhookSecrets::signingSecrets(), which waits for the keychain
// in a local event loop; the rules are the same: the current secret must match the stored fingerprint, and the
// previous one signs too while its grace period lasts.
void RedeliveryTask::readCurrentSecret()
{
    m_stage = Stage::ReadingCredentials;
    m_services.keychain.read(WebhookSecrets::signingKey(m_webhook.id), this, [this](const SecretStore::Result &stored) {
        if (m_stage == Stage::Finished)
            return;
        if (stored.status == SecretStore::Status::NotFound) {
            refuse(RedeliveryRefusal::SecretUnavailable,
                   tr("The signing secret of “%1” (fingerprint %2) is not in this workstation's keychain, and a webhook "
                      "with a secret is never sent unsigned. Paste the secret here, or redeliver from the workstation "
                      "that holds it.")
                       .arg(m_webhook.name, m_webhook.secretFingerprint));
            return;
        }
        if (!stored.ok()) {
            refuse(RedeliveryRefusal::SecretUnavailable,
                   tr("The signing secret of “%1” could not be read: %2").arg(m_webhook.name, stored.message));
            return;
        }
        if (SigningSecret::fingerprint(stored.value) != m_webhook.secretFingerprint) {
            refuse(RedeliveryRefusal::SecretUnavailable,
                   tr("This workstation's keychain holds a different signing secret for “%1” than the one set for "
                      "the webhook. Paste the current secret, or rotate it.")
                       .arg(m_webhook.name));
            return;
        }
        if (!m_webhook.previousSecretFingerprint.isEmpty()
            && QDateTime::currentDateTimeUtc() < m_webhook.secretGraceUntil)
            readPreviousSecret(stored.value);
        else
            send({stored.value}, {});
    });
}

void RedeliveryTask::readPreviousSecret(const QString &current)
{
    m_services.keychain.read(WebhookSecrets::previousSigningKey(m_webhook.id), this,
                             [this, current](const SecretStore::Result &stored) {
        if (m_stage == Stage::Finished)
            return;
        QStringList secrets{current};
        // A previous secret this workstation never had only means one signature fewer, not a failure.
        if (stored.ok() && SigningSecret::fingerprint(stored.value) == m_webhook.previousSecretFingerprint)
            secrets.append(stored.value);
        send(secrets, {});
    });
}

void RedeliveryTask::readEpicKey()
{
    m_stage = Stage::ReadingCredentials;
    m_services.keychain.read(WebhookDelivery::epicKeyKeychainKey(m_webhook.id), this,
                             [this](const SecretStore::Result &stored) {
        if (m_stage == Stage::Finished)
            return;
        if (stored.status == SecretStore::Status::NotFound) {
            refuse(RedeliveryRefusal::EpicKeyUnavailable,
                   tr("This workstation's keychain holds no Epic private key for “%1”, so no access token can be "
                      "requested. Redeliver from the workstation that holds the key.")
                       .arg(m_webhook.name));
            return;
        }
        if (!stored.ok()) {
            refuse(RedeliveryRefusal::EpicKeyUnavailable,
                   tr("The Epic private key of “%1” could not be read: %2").arg(m_webhook.name, stored.message));
            return;
        }
        QString keyError;
        const std::optional<EpicKey> key = EpicKey::fromPem(stored.value.toUtf8(), &keyError);
        if (!key) {
            refuse(RedeliveryRefusal::EpicKeyUnavailable,
                   tr("The Epic private key of “%1” in the keychain cannot be used: %2").arg(m_webhook.name, keyError));
            return;
        }
        send({}, *key);
    });
}

void RedeliveryTask::send(const QStringList &signingSecrets, const EpicKey &epicKey)
{
    QString error;
    // A fresh timestamp: receivers reject old ones, and the original's signature would not verify any more anyway.
    const std::optional<DeliveryRequest> request = Redelivery::buildRequest(
        m_original, m_webhook, signingSecrets, QDateTime::currentSecsSinceEpoch(), epicKey, &error);
    if (!request) {
        refuse(RedeliveryRefusal::InvalidRequest,
               tr("Attempt %1 cannot be redelivered to “%2”: %3").arg(m_outcome.originalId).arg(m_webhook.name, error));
        return;
    }
    m_stage = Stage::Sending;
    DeliveryJob *job = m_services.sender.send(*request);
    m_job = job;
    connect(job, &DeliveryJob::finished, this, &RedeliveryTask::delivered);
    emit sending(m_outcome.originalId);
    // A cancel that came while sending() was being handled applies to this job.
    if (m_cancelRequested)
        job->cancel();
}

void RedeliveryTask::delivered(const DeliveryResult &result)
{
    m_job = nullptr;
    m_outcome.sent = true;
    m_outcome.result = result;
    if (result.success())
        m_outcome.status = RedeliveryOutcome::Status::Delivered;
    else if (result.error == DeliveryResult::Error::Cancelled)
        m_outcome.status = RedeliveryOutcome::Status::Cancelled;
    else
        m_outcome.status = RedeliveryOutcome::Status::Failed;
    m_outcome.message = result.success() ? QString() : result.errorSummary();

    // Recorded whatever happened: a cancelled request may have reached the receiver, and a failure is the very
    // thing the log is for.
    m_outcome.record = Redelivery::record(m_original, m_webhook, result);
    DeliveryRepository repository(m_services.database);
    QString error;
    if (!repository.record(m_outcome.record, &error)) {
        m_outcome.record.id = 0;
        m_outcome.recordError = error.isEmpty() ? tr("the database gave no reason") : error;
    }
    finish();
}

void RedeliveryTask::refuse(RedeliveryRefusal refusal, const QString &message)
{
    m_outcome.status = RedeliveryOutcome::Status::Refused;
    m_outcome.refusal = refusal;
    m_outcome.message = message;
    finish();
}

void RedeliveryTask::cancel()
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
        // Nothing has left this computer: forget the pending keychain answer.
        m_outcome.status = RedeliveryOutcome::Status::Cancelled;
        m_outcome.message = tr("Cancelled before anything was sent.");
        finish();
        return;
    }
}

void RedeliveryTask::finish()
{
    if (m_stage == Stage::Finished)
        return;
    m_stage = Stage::Finished;
    emit finished(m_outcome);
    deleteLater();
}

// --- many redeliveries ---------------------------------------------------------------------------------

BulkRedelivery::BulkRedelivery(const RedeliveryServices &services, const QList<qint64> &deliveryIds, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_ids(deliveryIds)
{
    // The same attempt twice in one batch would send its message twice in a row.
    QList<qint64> unique;
    unique.reserve(m_ids.size());
    for (qint64 id : std::as_const(m_ids)) {
        if (!unique.contains(id))
            unique.append(id);
    }
    m_ids = unique;
    m_progress.total = int(m_ids.size());
    m_pace.setSingleShot(true);
    connect(&m_pace, &QTimer::timeout, this, &BulkRedelivery::startNext);
}

BulkRedelivery::~BulkRedelivery()
{
    // No signals from a half-destroyed batch: the attempt in flight is still stopped and recorded by its task.
    if (m_task) {
        disconnect(m_task, nullptr, this, nullptr);
        m_task->cancel();
    }
}

void BulkRedelivery::setMaxPerSecond(double perSecond)
{
    if (!m_running && std::isfinite(perSecond) && perSecond > 0)
        m_maxPerSecond = perSecond;
}

void BulkRedelivery::start()
{
    if (m_running || m_finished)
        return;
    m_running = true;
    emit progressChanged(m_progress);
    // Through the event loop even when the list is empty, so finished() never comes from inside start().
    m_pace.start(0);
}

void BulkRedelivery::cancel()
{
    if (!m_running || m_progress.cancelled)
        return;
    m_progress.cancelled = true;
    if (m_task) {
        m_pace.stop();
        m_task->cancel(); // finished() follows from itemDone(), once that attempt is recorded
    } else {
        // Through the event loop, so that a cancel from a progress handler never finishes inside that handler.
        m_pace.start(0);
    }
}

void BulkRedelivery::startNext()
{
    if (!m_running || m_task)
        return;
    if (m_progress.cancelled || m_next >= m_ids.size()) {
        finish();
        return;
    }
    // The pace counts from one start to the next, so a slow receiver is not hit faster to catch up.
    const qint64 interval = qint64(std::ceil(1000.0 / m_maxPerSecond));
    if (m_sinceLastStart.isValid() && m_sinceLastStart.elapsed() < interval) {
        m_pace.start(int(interval - m_sinceLastStart.elapsed()));
        return;
    }
    m_sinceLastStart.start();
    const qint64 id = m_ids.at(m_next++);
    RedeliveryTask *task = Redelivery::start(m_services, id, m_options, this);
    m_task = task;
    connect(task, &RedeliveryTask::finished, this, &BulkRedelivery::itemDone);
    emit itemStarted(id);
}

void BulkRedelivery::itemDone(const RedeliveryOutcome &outcome)
{
    m_task = nullptr;
    ++m_progress.done;
    if (outcome.delivered()) {
        ++m_progress.successes;
    } else {
        ++m_progress.failures;
        if (outcome.status == RedeliveryOutcome::Status::Refused)
            ++m_progress.refused;
    }
    emit itemFinished(outcome);
    emit progressChanged(m_progress);
    // The next start (or the end) comes from the event loop, after the handlers of this item have run.
    if (m_running && !m_pace.isActive())
        m_pace.start(0);
}

void BulkRedelivery::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_running = false;
    m_pace.stop();
    emit finished(m_progress);
}
