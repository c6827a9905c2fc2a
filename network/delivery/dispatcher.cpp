// The dispatcher's loop: claim what is due on the worker connection, deliver through the pipeline, settle.
#include "network/delivery/dispatcher.h"

#include "models/domain/event.h"
#include "models/storage/auditlog.h"
#include "models/storage/database.h"
#include "models/storage/dispatcherregistry.h"
#include "models/storage/failurestreak.h"
#include "models/storage/testsendqueue.h"
#include "models/storage/webhookrepository.h"
#include "models/domain/webhookconfig.h"
#include "network/delivery/deliveryoutcomejson.h"
#include "network/delivery/operationsalerts.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

Dispatcher::Dispatcher(const DatabaseWorker &database, CredentialStore &credentials, WebhookSender &sender,
                       const QString &owner, const DispatcherOptions &options, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_services{database, credentials, sender}
    , m_owner(owner)
    , m_options(options)
    , m_random(std::random_device{}())
{
    m_options.workers = std::max(1, m_options.workers);
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &Dispatcher::poll);
    m_heartbeat.setInterval(DispatcherRegistry::HeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        const QString owner = m_owner;
        m_database.run<void>(
            [owner](Database &database) -> Result<void> {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                if (const Result<int> purged = TestSendQueue(database).purge(now); !purged)
                    return purged.failure();
                return DispatcherRegistry(database).heartbeat(owner, now);
            },
            this, [this](const Result<void> &beat) {
                if (!beat)
                    emit problem(beat.message());
            });
    });
    m_settingsRefresh.setInterval(m_options.settingsRefreshMs);
    connect(&m_settingsRefresh, &QTimer::timeout, this, &Dispatcher::refreshSettings);
    m_testCancelCheck.setInterval(TestCancelCheckMs);
    connect(&m_testCancelCheck, &QTimer::timeout, this, &Dispatcher::stopCancelledTests);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        // What has not finished by the deadline is stopped; each run still records and settles its attempt.
        for (const QPointer<DeliveryRun> &run : std::as_const(m_inFlight)) {
            if (run)
                run->cancel();
        }
    });
}

// The runs are children: they go with the dispatcher and record their attempts as cancelled; the leases it held
// run out by themselves.
Dispatcher::~Dispatcher() = default;

void Dispatcher::start(const DispatchConfig &config)
{
    m_config = config;
    m_heartbeat.start();
    m_settingsRefresh.start();
    m_poll.start(0);
}

void Dispatcher::refreshSettings()
{
    m_database.run<DispatchConfig>(
        [](Database &database) { return DispatchConfig::stored(database); },
        this, [this](const Result<DispatchConfig> &config) {
            // Settings stored past the checks (by hand, in SQL) are reported and the ones in use kept.
            if (!config)
                emit problem(tr("The dispatch settings in the database cannot be used, so the previous ones stay in "
                                "effect: %1")
                                 .arg(config.message()));
            else
                m_config = *config;
        });
}

void Dispatcher::poll()
{
    if (m_stopping || m_claiming)
        return;
    const int free = m_options.workers - int(m_inFlight.size() + m_waiting.size());
    if (free <= 0)
        return;
    m_claiming = true;
    const QString owner = m_owner;
    const int leaseMarginMs = m_options.leaseMarginMs;
    m_database.run<Claim>(
        [owner, free, leaseMarginMs, pacing = m_config.pacing](Database &database) -> Result<Claim> {
            Claim claim;
            // A person waits for a test-send: it goes first.
            Result<QList<ClaimedTestSend>> tests = TestSendQueue(database).claim(owner, free);
            if (!tests)
                return tests.failure();
            claim.tests = *tests;
            if (claim.tests.size() >= free)
                return claim;
            const Result<QList<ClaimedDelivery>> claimed =
                DispatchQueue(database).claim(owner, free - int(claim.tests.size()), QDateTime::currentDateTimeUtc(),
                                              leaseMarginMs, pacing);
            if (!claimed)
                return claimed.failure();
            QList<Claimed> &deliveries = claim.deliveries;
            WebhookRepository webhooks(database);
            QHash<QString, std::optional<Webhook>> read; // each webhook once per claim
            for (const ClaimedDelivery &delivery : *claimed) {
                if (!read.contains(delivery.webhookId)) {
                    const Result<Webhook> webhook = webhooks.findById(delivery.webhookId);
                    if (!webhook && webhook.code() != ErrorCode::NotFound)
                        return webhook.failure(); // the leases run out, and the next claim tries again
                    read.insert(delivery.webhookId, webhook ? std::optional<Webhook>(*webhook) : std::nullopt);
                }
                deliveries.append(Claimed{delivery, read.value(delivery.webhookId)});
            }
            return claim;
        },
        this, [this, free](const Result<Claim> &claimed) {
            m_claiming = false;
            if (!claimed) {
                emit problem(claimed.message());
                m_poll.start(m_options.idlePollMs);
                return;
            }
            if (m_stopping) {
                // Asked to stop meanwhile: what this claim took is given back untouched with the rest.
                if (m_inFlight.isEmpty() && m_settling == 0)
                    finishStopping();
                return;
            }
            for (const ClaimedTestSend &test : claimed->tests)
                sendTest(test);
            for (const Claimed &item : claimed->deliveries)
                deliverAtItsSlot(item);
            const qsizetype taken = claimed->tests.size() + claimed->deliveries.size();
            if (taken == 0 && m_inFlight.isEmpty() && m_waiting.isEmpty() && m_settling == 0 && m_stopWhenIdle) {
                stop(0);
                return;
            }
            // A full bite: more may be due at once. Otherwise look again in a moment or when a slot frees.
            m_poll.start(taken == free ? 0 : m_options.idlePollMs);
        });
}

void Dispatcher::deliverAtItsSlot(const Claimed &claimed)
{
    const qint64 waitMs = QDateTime::currentDateTimeUtc().msecsTo(claimed.delivery.sendAt);
    if (waitMs <= 0)
        return deliver(claimed);
    // The webhook's rate limit gave it a slot a moment ahead: it holds a worker until then.
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    m_waiting.insert(claimed.delivery.messageId, timer);
    connect(timer, &QTimer::timeout, this, [this, claimed, timer] {
        m_waiting.remove(claimed.delivery.messageId);
        timer->deleteLater();
        deliver(claimed);
    });
    timer->start(int(waitMs));
}

void Dispatcher::deliver(const Claimed &claimed)
{
    const ClaimedDelivery &delivery = claimed.delivery;
    DeliverySettlement settlement;
    if (!claimed.webhook)
        return; // deleted since the claim: its deliveries went with it, so there is nothing to settle
    if (!claimed.webhook->active) {
        // Disabled after the event came: kept, to be replayed once it is enabled again.
        settlement.state = DeliverySettlement::State::Skipped;
        settlement.countsAsAttempt = false;
        return settle(delivery, settlement, HealthEffect::None, *claimed.webhook);
    }
    QString error;
    const std::optional<Event> event = Event::fromJson(delivery.eventJson, &error);
    if (!event) {
        // The event is at fault, not the webhook: its health is not touched.
        settlement.lastError = u"invalid-event: "_s + error;
        return settle(delivery, settlement, HealthEffect::None, *claimed.webhook);
    }
    DeliveryOrder order;
    order.webhook = *claimed.webhook;
    order.event = *event;
    order.messageId = delivery.messageId.toLatin1();
    order.trigger = DeliveryTrigger::Event;
    order.webhookJustRead = true;
    order.proxy = m_config.proxy;
    DeliveryRun *run = DeliveryPipeline::start(m_services, order, this);
    m_inFlight.insert(delivery.messageId, run);
    connect(run, &DeliveryRun::finished, this, [this, delivery, webhook = *claimed.webhook](const DeliveryOutcome &outcome) {
        finished(delivery, webhook, outcome);
    });
}

void Dispatcher::sendTest(const ClaimedTestSend &test)
{
    const QString key = testKey(test.request.id);
    auto refused = [this, &test](DeliveryRefusal refusal, const QString &message) {
        DeliveryOutcome outcome;
        outcome.refusal = refusal;
        outcome.message = message;
        testFinished(test, outcome);
    };
    const WebhookConfig::ParseResult parsed = WebhookConfig::parse(test.request.webhookConfig);
    if (!parsed.ok() || parsed.webhooks.size() != 1)
        return refused(DeliveryRefusal::InvalidRequest,
                       tr("The webhook's settings sent for the test cannot be used by this dispatcher: %1")
                           .arg(parsed.errors.join(u"; "_s)));
    QString error;
    const std::optional<Event> event = Event::fromJson(test.request.eventJson, &error);
    if (!event)
        return refused(DeliveryRefusal::PayloadUnavailable,
                       tr("The sample event sent for the test cannot be read by this dispatcher: %1").arg(error));
    DeliveryOrder order;
    order.webhook = parsed.webhooks.first();
    order.webhook.id = test.request.webhookId; // its secret state is read as stored now, as for a direct test
    order.event = *event;
    order.trigger = DeliveryTrigger::Test;
    order.proxy = m_config.proxy;
    DeliveryRun *run = DeliveryPipeline::start(m_services, order, this);
    m_inFlight.insert(key, run);
    m_testCancelCheck.start();
    connect(run, &DeliveryRun::finished, this, [this, test](const DeliveryOutcome &outcome) {
        testFinished(test, outcome);
    });
}

void Dispatcher::testFinished(const ClaimedTestSend &test, const DeliveryOutcome &outcome)
{
    m_inFlight.remove(testKey(test.request.id));
    ++m_settling;
    const QString owner = m_owner;
    m_database.run<void>(
        [id = test.request.id, owner, written = DeliveryOutcomeJson::serialize(outcome)](Database &database) {
            return TestSendQueue(database).complete(id, owner, written, QDateTime::currentDateTimeUtc());
        },
        this, [this, test, outcome](const Result<void> &completed) {
            --m_settling;
            if (!completed) {
                emit problem(completed.message());
            } else {
                ++m_counts.testSends;
                emit testSendAnswered(test, outcome);
            }
            afterWriting();
        });
}

void Dispatcher::stopCancelledTests()
{
    const bool anyTest = std::any_of(m_inFlight.keyBegin(), m_inFlight.keyEnd(),
                                     [](const QString &key) { return key.startsWith(testKeyPrefix); });
    if (!anyTest) {
        m_testCancelCheck.stop();
        return;
    }
    m_database.run<QStringList>(
        [owner = m_owner](Database &database) { return TestSendQueue(database).cancelRequested(owner); }, this,
        [this](const Result<QStringList> &ids) {
            if (!ids)
                return emit problem(ids.message());
            for (const QString &id : *ids) {
                if (const QPointer<DeliveryRun> run = m_inFlight.value(testKey(id)))
                    run->cancel();
            }
        });
}

void Dispatcher::afterWriting()
{
    if (m_stopping) {
        if (m_inFlight.isEmpty() && m_settling == 0)
            finishStopping();
        return;
    }
    m_poll.start(0);
}

void Dispatcher::finished(const ClaimedDelivery &delivery, const Webhook &webhook, const DeliveryOutcome &outcome)
{
    m_inFlight.remove(delivery.messageId);
    bool gone = false;
    const DeliverySettlement settlement = settlementAfter(delivery, outcome, &gone);
    HealthEffect effect = HealthEffect::None;
    if (gone)
        effect = HealthEffect::Gone;
    else if (settlement.state == DeliverySettlement::State::Delivered)
        effect = HealthEffect::Succeeded;
    else if (settlement.state != DeliverySettlement::State::Skipped && settlement.countsAsAttempt)
        effect = HealthEffect::Failed;
    settle(delivery, settlement, effect, webhook);
}

DeliverySettlement Dispatcher::settlementAfter(const ClaimedDelivery &delivery, const DeliveryOutcome &outcome,
                                               bool *disableWebhook)
{
    DeliverySettlement settlement;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const double random = std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
    const int attempt = delivery.attemptsMade + 1;
    switch (outcome.status) {
    case DeliveryOutcome::Status::Delivered:
        settlement.state = DeliverySettlement::State::Delivered;
        return settlement;
    case DeliveryOutcome::Status::Refused:
        switch (outcome.refusal) {
        case DeliveryRefusal::WebhookInactive:
            settlement.state = DeliverySettlement::State::Skipped;
            settlement.countsAsAttempt = false;
            return settlement;
        case DeliveryRefusal::SecretUnavailable:
        case DeliveryRefusal::EpicKeyUnavailable:
        case DeliveryRefusal::DatabaseError:
            // This machine may get the credential, or the database come back, before the schedule ends.
            if (const std::optional<qint64> delay = RetryPolicy::scheduledDelayMs(m_config.schedule, attempt, random)) {
                settlement.state = DeliverySettlement::State::RetryAt;
                settlement.nextAttemptAt = now.addMSecs(*delay);
                settlement.lastError = u"transient: "_s + outcome.message;
            } else {
                settlement.lastError = u"exhausted: "_s + outcome.message;
            }
            return settlement;
        default:
            settlement.lastError = u"permanent: "_s + outcome.message;
            return settlement;
        }
    case DeliveryOutcome::Status::Cancelled:
    case DeliveryOutcome::Status::Failed:
        break;
    }
    const RetryDecision decision = RetryPolicy::decide(m_config.schedule, outcome.result, attempt, random);
    // "permanent (slack channel_is_archived): http-4xx: HTTP 410 Gone": the policy's word first, for filters.
    settlement.lastError = decision.reason + (decision.detail.isEmpty() ? QString() : u" ("_s + decision.detail + u')')
                           + u": "_s + outcome.record.error;
    switch (decision.action) {
    case RetryDecision::Action::Retry:
        settlement.state = DeliverySettlement::State::RetryAt;
        settlement.nextAttemptAt = now.addMSecs(decision.delayMs);
        settlement.countsAsAttempt = decision.reason != u"cancelled";
        break;
    case RetryDecision::Action::DisableWebhook:
        *disableWebhook = true;
        break;
    case RetryDecision::Action::GiveUp:
        break;
    }
    return settlement;
}

namespace {

struct SettleReport
{
    QString lostLease; // the delivery was no longer ours: what that means
    std::optional<WebhookHealthNews> news;
    QList<RaisedAlert> alerts;
    QString alertProblem; // an alert could not be raised: why
};

// The audit trail's record of a warning before auto-disable, in the receiver-independent words of the rule.
AuditChange failingWarning(const Webhook &webhook, const StreakVerdict &verdict)
{
    const QJsonObject after{
        {u"consecutiveFailures"_s, verdict.streak.consecutiveFailures},
        {u"failingSince"_s, verdict.streak.failingSince.toString(Qt::ISODateWithMs)},
        {u"lastError"_s, verdict.streak.lastError},
        {u"warningPercent"_s, *verdict.warningPercent},
        {u"disableAt"_s, verdict.disableAt.toString(Qt::ISODateWithMs)},
    };
    return {u"failing-warning"_s, u"webhook"_s, webhook.id, webhook.name, {}, after};
}

} // namespace

void Dispatcher::settle(const ClaimedDelivery &delivery, const DeliverySettlement &settlement, HealthEffect effect,
                        const Webhook &webhook)
{
    ++m_settling;
    const QString owner = m_owner;
    const AutoDisableRule rule = m_config.autoDisable;
    const AlertRule alertRule = m_config.alerts;
    m_database.run<SettleReport>(
        [delivery, settlement, owner, effect, rule, alertRule, webhook](Database &database) -> Result<SettleReport> {
            SettleReport report;
            if (const Result<void> settled = DispatchQueue(database).settle(delivery, owner, settlement); !settled) {
                if (settled.code() != ErrorCode::Conflict)
                    return settled.failure();
                // Another dispatcher holds the delivery now; the receiver's answer still says how the webhook is.
                report.lostLease = settled.message();
            }
            const QDateTime now = QDateTime::currentDateTimeUtc();
            OperationsAlerts alerts(database, alertRule, now);
            // An alert that cannot be raised is reported; what was settled stays settled.
            auto raised = [&report](const Result<std::optional<RaisedAlert>> &alert) {
                if (!alert)
                    report.alertProblem = alert.message();
                else if (*alert)
                    report.alerts.append(**alert);
            };
            WebhookRepository webhooks(database);
            Webhook current = webhook;
            FailureStreak streak;
            FailureStreaks streaks(database);
            // As it is now (renamed, disabled meanwhile?), where it matters: a success that ended no streak is
            // the common case, and needs nothing more.
            auto readCurrent = [&]() -> Result<void> {
                Result<Webhook> found = webhooks.findById(webhook.id);
                if (!found)
                    return found.failure();
                current = *found;
                return {};
            };
            WebhookHealthNews news;
            if (effect == HealthEffect::Succeeded) {
                const Result<FailureStreak> ended = streaks.clear(webhook.id);
                if (!ended)
                    return ended.failure();
                if (ended->consecutiveFailures > 0) {
                    if (const Result<void> read = readCurrent(); !read)
                        return read.code() == ErrorCode::NotFound ? Result<SettleReport>(report) : read.failure();
                    news.webhookId = current.id;
                    news.webhookName = current.name;
                    news.kind = WebhookHealthNews::Kind::Recovered;
                    news.streak = *ended;
                    report.news = news;
                    raised(alerts.afterRecovery(current, *ended));
                }
                return report;
            }
            if (effect == HealthEffect::Failed || effect == HealthEffect::Gone) {
                if (const Result<void> read = readCurrent(); !read)
                    return read.code() == ErrorCode::NotFound ? Result<SettleReport>(report) : read.failure();
                news.webhookId = current.id;
                news.webhookName = current.name;
                const Result<StreakVerdict> verdict = streaks.recordFailure(current.id, now, settlement.lastError, rule);
                if (!verdict)
                    return verdict.failure();
                streak = verdict->streak;
                news.streak = streak;
                if (effect == HealthEffect::Gone || verdict->disable) {
                    if (!current.active)
                        return report; // switched off already, by a person or another dispatcher
                    // Audited as any change: "disable" when the receiver said the endpoint is gone (410),
                    // "auto-disable" when it failed for as long as the rule allows.
                    Webhook changed = current;
                    const bool gone = effect == HealthEffect::Gone;
                    if (const Result<void> disabled =
                            webhooks.setActive(changed, false, gone ? u"disable"_s : u"auto-disable"_s);
                        !disabled)
                        return disabled.failure();
                    news.kind = WebhookHealthNews::Kind::Disabled;
                    news.gone = gone;
                    report.news = news;
                    // The webhook being switched off is the news; the event it could not deliver is in its log.
                    raised(alerts.afterDisabling(current, streak, gone));
                    return report;
                }
                if (verdict->warningPercent) {
                    if (const Result<void> audited = AuditLog::write(database, failingWarning(current, *verdict));
                        !audited)
                        return audited.failure();
                    news.kind = WebhookHealthNews::Kind::Failing;
                    news.warningPercent = *verdict->warningPercent;
                    news.disableAt = verdict->disableAt;
                    report.news = news;
                }
                raised(alerts.afterFailure(current, *verdict));
            }
            if (settlement.state == DeliverySettlement::State::Failed && report.lostLease.isEmpty())
                raised(alerts.afterGivingUp(current, delivery, settlement, streak));
            return report;
        },
        this, [this, delivery, settlement](const Result<SettleReport> &written) {
            --m_settling;
            if (!written) {
                emit problem(written.message());
            } else {
                if (!written->lostLease.isEmpty()) {
                    emit problem(written->lostLease);
                } else {
                    switch (settlement.state) {
                    case DeliverySettlement::State::Delivered: ++m_counts.delivered; break;
                    case DeliverySettlement::State::RetryAt: ++m_counts.retrying; break;
                    case DeliverySettlement::State::Failed: ++m_counts.failed; break;
                    case DeliverySettlement::State::Skipped: break;
                    }
                    emit settled(delivery, settlement);
                }
                if (written->news) {
                    if (written->news->kind == WebhookHealthNews::Kind::Disabled)
                        ++m_counts.disabledWebhooks;
                    emit webhookHealth(*written->news);
                }
                for (const RaisedAlert &alert : written->alerts) {
                    if (alert.added.stored)
                        ++m_counts.alertsRaised;
                    emit alertRaised(alert);
                }
                if (!written->alertProblem.isEmpty())
                    emit problem(written->alertProblem);
            }
            afterWriting();
        });
}

void Dispatcher::stop(int deadlineMs)
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_poll.stop();
    // Deliveries waiting for their slot have sent nothing: they are given back untouched with the rest.
    qDeleteAll(m_waiting);
    m_waiting.clear();
    if (m_inFlight.isEmpty() && m_settling == 0 && !m_claiming)
        return finishStopping();
    // A claim in hand delivers what it took; once everything is settled, the rest is given back.
    m_deadline.start(std::max(0, deadlineMs));
}

void Dispatcher::finishStopping()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_deadline.stop();
    m_heartbeat.stop();
    m_settingsRefresh.stop();
    m_testCancelCheck.stop();
    const QString owner = m_owner;
    m_database.run<void>(
        [owner](Database &database) -> Result<void> {
            if (const Result<int> released = DispatchQueue(database).releaseAll(owner); !released)
                return released.failure();
            if (const Result<int> released = TestSendQueue(database).releaseAll(owner); !released)
                return released.failure();
            return DispatcherRegistry(database).leave(owner);
        },
        this, [this](const Result<void> &left) {
            if (!left)
                emit problem(left.message());
            emit stopped();
        });
}
