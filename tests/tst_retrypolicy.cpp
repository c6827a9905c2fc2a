// The retry policy: Svix's schedule, jitter bounds, Retry-After within bounds, what is retried, the stored form.
#include "network/delivery/retrypolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

DeliveryResult answered(int status, std::optional<qint64> retryAfter = std::nullopt)
{
    DeliveryResult result;
    result.status = status;
    result.error = status >= 500   ? DeliveryResult::Error::HttpServerError
                   : status >= 400 ? DeliveryResult::Error::HttpClientError
                   : status >= 300 ? DeliveryResult::Error::Redirect
                                   : DeliveryResult::Error::None;
    result.retryAfterSeconds = retryAfter;
    return result;
}

DeliveryResult answeredBy(WebhookKind kind, int status, const QByteArray &body)
{
    DeliveryResult result = answered(status);
    result.kind = kind;
    result.body = body;
    return result;
}

QByteArray operationOutcome(const QList<std::pair<QString, QString>> &issues)
{
    QJsonArray list;
    for (const auto &[severity, code] : issues)
        list.append(QJsonObject{{u"severity"_s, severity}, {u"code"_s, code}, {u"diagnostics"_s, u"…"_s}});
    return QJsonDocument(QJsonObject{{u"resourceType"_s, u"OperationOutcome"_s}, {u"issue"_s, list}}).toJson();
}

DeliveryResult failed(DeliveryResult::Error error)
{
    DeliveryResult result;
    result.error = error;
    return result;
}

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void defaultIsSvixSchedule();
    void jitterStaysWithinBounds();
    void retryAfterIsFollowedWithinBounds();
    void whatIsRetried_data();
    void whatIsRetried();
    void integrationAnswers_data();
    void integrationAnswers();
    void exhaustedAfterTheLastAttempt();
    void cancelledCountsForNothing();
    void storedForm();
    void storedFormRefusals_data();
    void storedFormRefusals();
};

void TestRetryPolicy::defaultIsSvixSchedule()
{
    // Immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
    const RetrySchedule schedule;
    QCOMPARE(schedule.delaysSeconds, (QList<qint64>{5, 300, 1800, 7200, 18000, 36000, 36000}));
    QCOMPARE(schedule.maxAttempts(), 8);
    QCOMPARE(schedule.jitter, 0.2);
    for (int attempt = 1; attempt < schedule.maxAttempts(); ++attempt) {
        const RetryDecision decision = RetryPolicy::decide(schedule, answered(503), attempt, 0.5);
        QCOMPARE(decision.action, RetryDecision::Action::Retry);
        QCOMPARE(decision.delayMs, schedule.delaysSeconds.at(attempt - 1) * 1000);
        QCOMPARE(decision.reason, u"transient"_s);
        QVERIFY(!decision.followsRetryAfter);
    }
}

void TestRetryPolicy::jitterStaysWithinBounds()
{
    const RetrySchedule schedule;
    QCOMPARE(RetryPolicy::decide(schedule, answered(500), 2, 0.0).delayMs, 240000);  // 300 s − 20 %
    QCOMPARE(RetryPolicy::decide(schedule, answered(500), 2, 0.999999).delayMs, 360000);  // + 20 %, rounded
    // Many draws: every delay inside ±20 %, and they spread over the range instead of bunching.
    QRandomGenerator generator(20261202);
    qint64 lowest = std::numeric_limits<qint64>::max();
    qint64 highest = 0;
    for (int i = 0; i < 10000; ++i) {
        const qint64 delay = RetryPolicy::decide(schedule, failed(DeliveryResult::Error::Timeout), 3,
                                                 generator.generateDouble())
                                 .delayMs;
        QVERIFY2(delay >= 1440000 && delay <= 2160000, qPrintable(QString::number(delay)));
        lowest = std::min(lowest, delay);
        highest = std::max(highest, delay);
    }
    QVERIFY(lowest < 1450000 && highest > 2150000);
    RetrySchedule exact;
    exact.jitter = 0;
    QCOMPARE(RetryPolicy::decide(exact, answered(500), 1, 0.9).delayMs, 5000);
}

void TestRetryPolicy::retryAfterIsFollowedWithinBounds()
{
    const RetrySchedule schedule;
    RetryDecision decision = RetryPolicy::decide(schedule, answered(429, 120), 1, 0.5);
    QCOMPARE(decision.action, RetryDecision::Action::Retry);
    QVERIFY(decision.followsRetryAfter);
    QCOMPARE(decision.delayMs, 120000);
    QCOMPARE(RetryPolicy::decide(schedule, answered(503, 0), 1, 0.5).delayMs, 1000);           // no hammering
    QCOMPARE(RetryPolicy::decide(schedule, answered(503, 1000000000), 1, 0.5).delayMs, 36000000); // no parking
    // A Retry-After on an answer that no retry can change changes nothing.
    decision = RetryPolicy::decide(schedule, answered(400, 60), 1, 0.5);
    QCOMPARE(decision.action, RetryDecision::Action::GiveUp);
    QCOMPARE(decision.reason, u"permanent"_s);
}

void TestRetryPolicy::whatIsRetried_data()
{
    QTest::addColumn<DeliveryResult>("result");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("reason");
    const int retry = int(RetryDecision::Action::Retry);
    const int giveUp = int(RetryDecision::Action::GiveUp);
    for (int status : {408, 425, 429, 500, 502, 503, 504})
        QTest::addRow("HTTP %d", status) << answered(status) << retry << u"transient"_s;
    for (int status : {400, 401, 403, 404, 413, 422})
        QTest::addRow("HTTP %d", status) << answered(status) << giveUp << u"permanent"_s;
    QTest::newRow("HTTP 410") << answered(410) << int(RetryDecision::Action::DisableWebhook) << u"gone"_s;
    QTest::newRow("redirect") << answered(301) << giveUp << u"permanent"_s;
    using Error = DeliveryResult::Error;
    for (Error error : {Error::Dns, Error::ConnectionRefused, Error::ConnectionClosed, Error::Tls, Error::Timeout,
                        Error::InactivityTimeout, Error::Network, Error::Authentication})
        QTest::addRow("%s", QMetaEnum::fromType<Error>().valueToKey(int(error))) << failed(error) << retry
                                                                                 << u"transient"_s;
    for (Error error : {Error::InvalidRequest, Error::Blocked})
        QTest::addRow("%s", QMetaEnum::fromType<Error>().valueToKey(int(error))) << failed(error) << giveUp
                                                                                 << u"permanent"_s;
}

void TestRetryPolicy::whatIsRetried()
{
    QFETCH(DeliveryResult, result);
    QFETCH(int, action);
    QFETCH(QString, reason);
    const RetryDecision decision = RetryPolicy::decide(RetrySchedule(), result, 1, 0.5);
    QCOMPARE(int(decision.action), action);
    QCOMPARE(decision.reason, reason);
    QCOMPARE(RetryPolicy::isTransient(result), action == int(RetryDecision::Action::Retry));
}

void TestRetryPolicy::integrationAnswers_data()
{
    QTest::addColumn<DeliveryResult>("result");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("detail");
    const int retry = int(RetryDecision::Action::Retry);
    const int giveUp = int(RetryDecision::Action::GiveUp);
    const int disable = int(RetryDecision::Action::DisableWebhook);
    QTest::newRow("Slack invalid_payload")
        << answeredBy(WebhookKind::Slack, 400, "invalid_payload") << giveUp << u"permanent"_s
        << u"slack invalid_payload"_s;
    QTest::newRow("Slack archived channel (410)")
        << answeredBy(WebhookKind::Slack, 410, "channel_is_archived\n") << disable << u"gone"_s
        << u"slack channel_is_archived"_s;
    // A code that says the message is wrong is not retried even when it comes with a 5xx.
    QTest::newRow("Slack invalid_blocks on 500")
        << answeredBy(WebhookKind::Slack, 500, "invalid_blocks") << giveUp << u"permanent"_s << u"slack invalid_blocks"_s;
    QTest::newRow("Slack rate limited") << answeredBy(WebhookKind::Slack, 429, "rate_limited") << retry
                                        << u"transient"_s << QString();
    QTest::newRow("Slack unknown 503") << answeredBy(WebhookKind::Slack, 503, "") << retry << u"transient"_s
                                       << QString();
    QTest::newRow("Teams workflow schema mismatch")
        << answeredBy(WebhookKind::Teams, 400,
                      R"({"error":{"code":"TriggerInputSchemaMismatch","message":"The input body does not match"}})")
        << giveUp << u"permanent"_s << u"teams card refused: TriggerInputSchemaMismatch"_s;
    QTest::newRow("Teams connector text") << answeredBy(WebhookKind::Teams, 400, "Summary or Text is required.\nmore")
                                          << giveUp << u"permanent"_s
                                          << u"teams card refused: Summary or Text is required."_s;
    QTest::newRow("Teams too large") << answeredBy(WebhookKind::Teams, 413, "") << giveUp << u"permanent"_s
                                     << u"teams card refused: message too large"_s;
    QTest::newRow("Teams throttled") << answeredBy(WebhookKind::Teams, 429, "") << retry << u"transient"_s
                                     << QString();
    QTest::newRow("Epic invalid content")
        << answeredBy(WebhookKind::Epic, 422, operationOutcome({{u"error"_s, u"invalid"_s}})) << giveUp
        << u"permanent"_s << u"epic OperationOutcome invalid"_s;
    // Epic reporting invalid content with a server error: the content will not become valid by waiting.
    QTest::newRow("Epic structure on 500")
        << answeredBy(WebhookKind::Epic, 500,
                      operationOutcome({{u"warning"_s, u"informational"_s}, {u"fatal"_s, u"structure"_s}}))
        << giveUp << u"permanent"_s << u"epic OperationOutcome structure"_s;
    // And a refusal that the outcome calls transient is tried again.
    QTest::newRow("Epic lock error on 409")
        << answeredBy(WebhookKind::Epic, 409, operationOutcome({{u"error"_s, u"lock-error"_s}})) << retry
        << u"transient"_s << u"epic OperationOutcome lock-error"_s;
    QTest::newRow("Epic warning only on 503")
        << answeredBy(WebhookKind::Epic, 503, operationOutcome({{u"warning"_s, u"invalid"_s}})) << retry
        << u"transient"_s << QString();
    QTest::newRow("Epic plain 500") << answeredBy(WebhookKind::Epic, 500, "oops") << retry << u"transient"_s
                                    << QString();
    // A generic receiver's body is its own business: the status decides.
    QTest::newRow("generic with a Slack word") << answeredBy(WebhookKind::Generic, 500, "invalid_payload") << retry
                                               << u"transient"_s << QString();
}

void TestRetryPolicy::integrationAnswers()
{
    QFETCH(DeliveryResult, result);
    QFETCH(int, action);
    QFETCH(QString, reason);
    QFETCH(QString, detail);
    const RetryDecision decision = RetryPolicy::decide(RetrySchedule(), result, 1, 0.5);
    QCOMPARE(int(decision.action), action);
    QCOMPARE(decision.reason, reason);
    QCOMPARE(decision.detail, detail);
}

void TestRetryPolicy::exhaustedAfterTheLastAttempt()
{
    RetrySchedule schedule;
    schedule.delaysSeconds = {1, 2};
    QCOMPARE(RetryPolicy::decide(schedule, answered(500), 2, 0.5).action, RetryDecision::Action::Retry);
    const RetryDecision last = RetryPolicy::decide(schedule, answered(500), 3, 0.5);
    QCOMPARE(last.action, RetryDecision::Action::GiveUp);
    QCOMPARE(last.reason, u"exhausted"_s);
    // A receiver asking to wait does not buy attempts beyond the schedule.
    QCOMPARE(RetryPolicy::decide(schedule, answered(429, 5), 3, 0.5).reason, u"exhausted"_s);
}

void TestRetryPolicy::cancelledCountsForNothing()
{
    const RetryDecision decision = RetryPolicy::decide(RetrySchedule(), failed(DeliveryResult::Error::Cancelled), 8, 0.5);
    QCOMPARE(decision.action, RetryDecision::Action::Retry);
    QCOMPARE(decision.delayMs, 0);
    QCOMPARE(decision.reason, u"cancelled"_s);
}

void TestRetryPolicy::storedForm()
{
    RetrySchedule schedule;
    schedule.delaysSeconds = {1, 60, 3600};
    schedule.jitter = 0.1;
    schedule.retryAfterMinSeconds = 2;
    schedule.retryAfterMaxSeconds = 7200;
    const Result<RetrySchedule> read = RetrySchedule::fromJson(schedule.toJson());
    QVERIFY2(read, qPrintable(read.message()));
    QCOMPARE(*read, schedule);
    // Absent keys keep their default: an administrator may store only what differs.
    const Result<RetrySchedule> partial = RetrySchedule::fromJson({{u"jitter"_s, 0.0}});
    QVERIFY2(partial, qPrintable(partial.message()));
    QCOMPARE(partial->delaysSeconds, RetrySchedule().delaysSeconds);
    QCOMPARE(partial->jitter, 0.0);
}

void TestRetryPolicy::storedFormRefusals_data()
{
    QTest::addColumn<QJsonObject>("stored");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << QJsonObject{{u"delays"_s, QJsonArray{1}}} << u"no setting “delays”"_s;
    QTest::newRow("no delay") << QJsonObject{{u"delaysSeconds"_s, QJsonArray{}}} << u"“delaysSeconds”"_s;
    QTest::newRow("negative") << QJsonObject{{u"delaysSeconds"_s, QJsonArray{5, -1}}} << u"whole seconds"_s;
    QTest::newRow("fraction") << QJsonObject{{u"delaysSeconds"_s, QJsonArray{1.5}}} << u"whole seconds"_s;
    QTest::newRow("text") << QJsonObject{{u"delaysSeconds"_s, QJsonArray{u"5s"_s}}} << u"whole seconds"_s;
    QTest::newRow("jitter") << QJsonObject{{u"jitter"_s, 0.7}} << u"“jitter” must be a fraction from 0 to 0.5"_s;
    QTest::newRow("bounds") << QJsonObject{{u"retryAfterMinSeconds"_s, 60}, {u"retryAfterMaxSeconds"_s, 10}}
                            << u"must not be larger than “retryAfterMaxSeconds”"_s;
}

void TestRetryPolicy::storedFormRefusals()
{
    QFETCH(QJsonObject, stored);
    QFETCH(QString, message);
    const Result<RetrySchedule> read = RetrySchedule::fromJson(stored);
    QVERIFY(!read);
    QCOMPARE(read.code(), ErrorCode::Invalid);
    QVERIFY2(read.message().contains(message), qPrintable(read.message()));
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
