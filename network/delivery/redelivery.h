// Redelivering recorded attempts: the request that repeats one, one redelivery in flight, and a rate-bounded batch.
#pragma once

#include "models/storage/database.h"
#include "models/storage/deliveryfilter.h"
#include "models/storage/deliverylog.h"
#include "models/storage/deliveryrepository.h"
#include "models/domain/webhook.h"
#include "network/delivery/deliverypipeline.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <optional>

class RedeliveryTask;

// How the console's "Redeliver" and "Redeliver all failed in this filter…" use this file:
//
//   RedeliveryServices services{worker, credentials, sender};
//   // One attempt: the task starts on the next turn of the event loop and deletes itself after finished().
//   RedeliveryTask *task = Redelivery::start(services, deliveryId);
//   connect(task, &RedeliveryTask::finished, this, [](const RedeliveryOutcome &outcome) { ... });
//
//   // Every failed message of a filter (DeliveryLog::newestFailedAttempts): confirm, then run the batch.
//   const Result<QList<qint64>> ids = DeliveryLog(database).newestFailedAttempts(filter, now);
//   auto *batch = new BulkRedelivery(services, *ids, this);
//   connect(batch, &BulkRedelivery::progressChanged, ...);   // done/total, successes, failures: a progress bar
//   connect(batch, &BulkRedelivery::finished, ...);          // batch->deleteLater() here
//   batch->start();                                          // batch->cancel() from the Cancel button
//
// Nothing here waits: database reads and writes (on the worker), credential reads, sending and pacing all answer
// through signals on the caller's thread.

// Whether an inactive webhook may be redelivered to: switched off on purpose, so only when the user says so.
struct RedeliveryOptions
{
    bool allowInactive = false;
};

// The end of one redelivery: the pipeline's outcome, for the attempt that was repeated.
struct RedeliveryOutcome : DeliveryOutcome
{
    qint64 originalId = 0;
};

// Counts of a batch, for a progress bar and its summary. failures includes refusals and cancelled attempts.
struct RedeliveryProgress
{
    int total = 0;
    int done = 0;
    int successes = 0;
    int failures = 0;
    int refused = 0;    // of failures: nothing sent (deleted or inactive webhook, missing body, ...)
    bool cancelled = false;
};

// What redelivery uses: the pipeline's services, whose database also holds the log and the webhooks.
using RedeliveryServices = DeliveryServices;

// The rules and the request, without I/O (so a view can explain an unavailable action), and the entry points.
class Redelivery
{
    Q_DECLARE_TR_FUNCTIONS(Redelivery)
public:
    // The checks that need neither credentials nor network. webhook: the webhook of the attempt as stored now,
    // nullopt when it was deleted. On refusal returns it and sets *message (translated) when given.
    static DeliveryRefusal check(const DeliveryDetail &original, const std::optional<Webhook> &webhook,
                                 const RedeliveryOptions &options, QString *message = nullptr);

    // What repeats original: its body bytes with the content headers it was sent with (Content-Type, Accept,
    // X-GoReporter-Event) as stored. Everything else (URL, custom headers, timeouts, CA bundle, SSRF settings, a
    // fresh timestamp and signatures, an Epic token) comes from the webhook as it is now, through the pipeline.
    static Payload repeatedPayload(const DeliveryDetail &original, WebhookKind kind);

    // The pipeline's order for a redelivery: the original's event and message id, the webhook as it is now,
    // trigger "redeliver"; the attempt is numbered after the message's others.
    static DeliveryOrder order(const DeliveryDetail &original, const Webhook &webhook);

    // Starts redelivering the attempt with id deliveryId on the next turn of the event loop; connect to the
    // task's finished() right away. The task deletes itself after finished(); parent may own it before that.
    static RedeliveryTask *start(const RedeliveryServices &services, qint64 deliveryId,
                                 const RedeliveryOptions &options = {}, QObject *parent = nullptr);
};

// One redelivery in progress. It reads the attempt and the webhook, checks them, hands the repeat to the delivery
// pipeline (credentials, request, log), emits finished() once and deletes itself.
class RedeliveryTask : public QObject
{
    Q_OBJECT
public:
    ~RedeliveryTask() override;

    qint64 deliveryId() const { return m_outcome.originalId; }
    // Before sending: finishes as Cancelled without sending. While sending: stops the request, which is
    // recorded as cancelled because the receiver may have seen part of it.
    void cancel();

signals:
    // Emitted when the request is handed to the sender (after the checks and credential reads, with its
    // unfinished attempt recorded).
    void sending(qint64 deliveryId);
    void finished(const RedeliveryOutcome &outcome);

private:
    friend class Redelivery;
    RedeliveryTask(const RedeliveryServices &services, qint64 deliveryId, const RedeliveryOptions &options,
                   QObject *parent);

    // The attempt to repeat, and its webhook as stored now (nullopt when it was deleted).
    struct StoredAttempt
    {
        DeliveryDetail original;
        std::optional<Webhook> webhook;
    };

    void start();
    void deliver(const StoredAttempt &stored);
    void delivered(const DeliveryOutcome &outcome);
    void refuse(DeliveryRefusal refusal, const QString &message);
    void finish();

    RedeliveryServices m_services;
    RedeliveryOptions m_options;
    RedeliveryOutcome m_outcome;
    QPointer<DeliveryRun> m_run;
    bool m_cancelRequested = false;
    bool m_finished = false;
};

// Redelivers a list of attempts one at a time, at most maxPerSecond a second, recording each result. It never
// waits: pacing is a timer, and every step answers through signals.
class BulkRedelivery : public QObject
{
    Q_OBJECT
public:
    static constexpr double DefaultMaxPerSecond = 5.0;

    BulkRedelivery(const RedeliveryServices &services, const QList<qint64> &deliveryIds, QObject *parent = nullptr);
    ~BulkRedelivery() override;

    // Before start(): the options for every attempt, and the pace (at most this many starts per second).
    void setOptions(const RedeliveryOptions &options) { m_options = options; }
    void setMaxPerSecond(double perSecond);
    double maxPerSecond() const { return m_maxPerSecond; }

    void start();
    // Starts nothing more and stops the attempt in flight; finished() follows once that attempt is recorded.
    void cancel();
    bool isRunning() const { return m_running; }
    const RedeliveryProgress &progress() const { return m_progress; }

signals:
    void itemStarted(qint64 deliveryId);
    void itemFinished(const RedeliveryOutcome &outcome);
    void progressChanged(const RedeliveryProgress &progress);
    // Once, after the last attempt or after a cancel; progress.cancelled tells which.
    void finished(const RedeliveryProgress &progress);

private:
    void startNext();
    void itemDone(const RedeliveryOutcome &outcome);
    void finish();

    RedeliveryServices m_services;
    QList<qint64> m_ids;
    RedeliveryOptions m_options;
    double m_maxPerSecond = DefaultMaxPerSecond;
    qsizetype m_next = 0;
    RedeliveryProgress m_progress;
    QPointer<RedeliveryTask> m_task;
    QTimer m_pace;
    QElapsedTimer m_sinceLastStart;
    bool m_running = false;
    bool m_finished = false;
};

Q_DECLARE_METATYPE(RedeliveryOutcome)
Q_DECLARE_METATYPE(RedeliveryProgress)
