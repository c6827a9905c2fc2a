// Redelivery: checks, the repeating request and its log row, the failed messages of a filter, the task and the batch.
#include "network/delivery/redelivery.h"

#include "models/storage/webhookrepository.h"

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

DeliveryRefusal Redelivery::check(const DeliveryDetail &original, const std::optional<Webhook> &webhook,
                                    const RedeliveryOptions &options, QString *message)
{
    auto refuse = [message](DeliveryRefusal refusal, const QString &text) {
        if (message)
            *message = text;
        return refusal;
    };
    // A body that was never stored (or a row without its message id) cannot be repeated byte for byte; sending
    // something rebuilt instead would not be the same message.
    if (original.requestBody.isEmpty() || original.messageId.isEmpty())
        return refuse(DeliveryRefusal::BodyNotStored,
                      tr("The body of attempt %1 was not stored in the delivery log, so it cannot be sent again.")
                          .arg(original.row.id));
    if (original.row.webhookId.isEmpty() || !webhook || webhook->id != original.row.webhookId)
        return refuse(DeliveryRefusal::WebhookDeleted,
                      tr("The webhook “%1” was deleted, so attempt %2 has nowhere to go.")
                          .arg(original.row.webhookName)
                          .arg(original.row.id));
    if (!webhook->active && !options.allowInactive)
        return refuse(DeliveryRefusal::WebhookInactive,
                      tr("The webhook “%1” is disabled. Enable it first, or confirm that attempt %2 should be "
                         "redelivered to it anyway.")
                          .arg(webhook->name)
                          .arg(original.row.id));
    if (message)
        message->clear();
    return DeliveryRefusal::None;
}

Payload Redelivery::repeatedPayload(const DeliveryDetail &original, WebhookKind kind)
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
        payload.headers.prepend({QByteArrayLiteral("Content-Type"), fallbackContentType(kind)});
    return payload;
}

DeliveryOrder Redelivery::order(const DeliveryDetail &original, const Webhook &webhook)
{
    DeliveryOrder order;
    order.webhook = webhook;
    order.event.type = original.row.eventType;
    order.event.id = original.row.eventId;
    order.repeatedPayload = repeatedPayload(original, webhook.kind);
    order.messageId = original.messageId.toLatin1();
    order.trigger = DeliveryTrigger::Redeliver;
    return order;
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
    // Deleted by its owner mid-way (a closing window): the run stops its request when it goes with this task.
    if (m_run) {
        disconnect(m_run, nullptr, this, nullptr);
        m_run->cancel();
    }
}

void RedeliveryTask::start()
{
    if (m_finished)
        return;
    if (m_cancelRequested) {
        m_outcome.status = DeliveryOutcome::Status::Cancelled;
        m_outcome.message = DeliveryPipeline::tr("Cancelled before anything was sent.");
        finish();
        return;
    }
    m_services.database.run<StoredAttempt>(
        [id = m_outcome.originalId](Database &database) -> Result<StoredAttempt> {
            Result<DeliveryDetail> original = DeliveryLog(database).detail(id);
            if (!original)
                return original.failure();
            StoredAttempt stored{*original, std::nullopt};
            if (!original->row.webhookId.isEmpty()) {
                const Result<Webhook> found = WebhookRepository(database).findById(original->row.webhookId);
                if (!found && found.code() != ErrorCode::NotFound)
                    return Failure{ErrorCode::Unavailable, tr("The webhook of attempt %1 could not be read: %2")
                                                               .arg(id)
                                                               .arg(found.message())};
                if (found)
                    stored.webhook = *found;
            }
            return stored;
        },
        this, [this](const Result<StoredAttempt> &stored) {
            if (m_cancelRequested) {
                m_outcome.status = DeliveryOutcome::Status::Cancelled;
                m_outcome.message = DeliveryPipeline::tr("Cancelled before anything was sent.");
                finish();
                return;
            }
            if (!stored) {
                refuse(stored.code() == ErrorCode::NotFound ? DeliveryRefusal::AttemptNotFound
                                                            : DeliveryRefusal::DatabaseError,
                       stored.message());
                return;
            }
            deliver(*stored);
        });
}

void RedeliveryTask::deliver(const StoredAttempt &stored)
{
    QString message;
    const DeliveryRefusal refusal = Redelivery::check(stored.original, stored.webhook, m_options, &message);
    if (refusal != DeliveryRefusal::None) {
        refuse(refusal, message);
        return;
    }

    DeliveryRun *run = DeliveryPipeline::start(m_services, Redelivery::order(stored.original, *stored.webhook), this);
    m_run = run;
    connect(run, &DeliveryRun::attemptStarted, this, [this] { emit sending(m_outcome.originalId); });
    connect(run, &DeliveryRun::finished, this, &RedeliveryTask::delivered);
}

void RedeliveryTask::delivered(const DeliveryOutcome &outcome)
{
    m_run = nullptr;
    static_cast<DeliveryOutcome &>(m_outcome) = outcome;
    if (outcome.refusal == DeliveryRefusal::InvalidRequest)
        m_outcome.message = tr("Attempt %1 cannot be redelivered: %2").arg(m_outcome.originalId).arg(outcome.message);
    finish();
}

void RedeliveryTask::refuse(DeliveryRefusal refusal, const QString &message)
{
    m_outcome.status = DeliveryOutcome::Status::Refused;
    m_outcome.refusal = refusal;
    m_outcome.message = message;
    finish();
}

void RedeliveryTask::cancel()
{
    if (m_finished)
        return;
    if (m_run) {
        m_run->cancel(); // finishes at once before sending, or once the stopped request is recorded
        return;
    }
    // Not started yet, or reading the attempt: finishes as cancelled when that is done.
    m_cancelRequested = true;
}

void RedeliveryTask::finish()
{
    if (m_finished)
        return;
    m_finished = true;
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
