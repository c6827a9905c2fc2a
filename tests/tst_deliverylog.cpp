// The delivery log's read side on both engines, checked against brute force over generated attempts.
#include "models/storage/deliverylog.h"
#include "models/domain/redaction.h"
#include "models/storage/deliveryrepository.h"
#include "testsupport/concurrentwriters.h"
#include "testsupport/csvreader.h"
#include "testsupport/deliverygenerator.h"
#include "testsupport/healthfromattempts.h"
#include "testsupport/resultchecks.h"
#include "testsupport/schemarewind.h"
#include "testsupport/webhookfixtures.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 hourMs = 3600 * 1000;
constexpr qint64 dayMs = 24 * hourMs;

// The generated log every read-only test shares, one per engine: generating it is the slow part.
struct SharedLog
{
    OpenTestDatabase db;
    QList<GeneratedWebhook> webhooks;
    QDateTime now;
    QList<DeliveryListRow> all;  // brute force: every row, in the log's order
};

QList<DeliveryListRow> readAllRows(Database &database)
{
    QList<DeliveryListRow> rows;
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT id, started_at, webhook_id, webhook_name, event_type, event_id, attempt, trigger_kind,"
                    " response_status, success, duration_ms, error FROM deliveries"_s))
        return rows;
    while (query.next()) {
        DeliveryListRow r;
        r.id = query.value(0).toLongLong();
        r.startedAtMs = query.value(1).toLongLong();
        r.webhookId = query.value(2).toString();
        r.webhookName = query.value(3).toString();
        r.eventType = query.value(4).toString();
        r.eventId = query.value(5).toString();
        r.attempt = query.value(6).toInt();
        r.trigger = query.value(7).toString();
        if (!query.value(8).isNull())
            r.responseStatus = query.value(8).toInt();
        r.success = query.value(9).toBool();
        if (!query.value(10).isNull())
            r.durationMs = query.value(10).toLongLong();
        r.error = query.value(11).toString();
        rows.append(r);
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.key() > b.key(); });
    return rows;
}

// The filter's meaning, written independently of the SQL it produces.
bool matches(const DeliveryFilter &f, const DeliveryListRow &r, qint64 now, const QList<GeneratedWebhook> &webhooks)
{
    if (!f.webhook.isEmpty()) {
        QString id;
        for (const GeneratedWebhook &w : webhooks)
            if (w.id == f.webhook || w.name.compare(f.webhook, Qt::CaseInsensitive) == 0)
                id = w.id;
        if (id.isEmpty() ? !(r.webhookId.isEmpty() && r.webhookName == f.webhook) : r.webhookId != id)
            return false;
    }
    if (!f.eventType.isEmpty() && r.eventType != f.eventType)
        return false;
    if (f.result == DeliveryFilter::Result::Success && !r.success)
        return false;
    if (f.result == DeliveryFilter::Result::Failure && r.success)
        return false;
    const int s = r.responseStatus.value_or(-1);
    switch (f.statusClass) {
    case DeliveryFilter::StatusClass::Any: break;
    case DeliveryFilter::StatusClass::Success2xx: if (s < 200 || s >= 300) return false; break;
    case DeliveryFilter::StatusClass::Redirect3xx: if (s < 300 || s >= 400) return false; break;
    case DeliveryFilter::StatusClass::ClientError4xx: if (s < 400 || s >= 500) return false; break;
    case DeliveryFilter::StatusClass::ServerError5xx: if (s < 500 || s >= 600) return false; break;
    case DeliveryFilter::StatusClass::NoResponse: if (r.responseStatus) return false; break;
    }
    const qint64 windows[] = {0, hourMs, dayMs, 7 * dayMs};
    if (f.timeRange != DeliveryFilter::TimeRange::Any && f.timeRange != DeliveryFilter::TimeRange::Custom
        && r.startedAtMs < now - windows[int(f.timeRange)])
        return false;
    if (f.timeRange == DeliveryFilter::TimeRange::Custom) {
        if (f.customFrom.isValid() && r.startedAtMs < f.customFrom.toMSecsSinceEpoch())
            return false;
        if (f.customTo.isValid() && r.startedAtMs >= f.customTo.toMSecsSinceEpoch())
            return false;
    }
    if (f.trigger != DeliveryFilter::Trigger::Any && r.trigger != DeliveryFilter::triggerKey(f.trigger))
        return false;
    if (!f.text.isEmpty() && !r.error.contains(f.text, Qt::CaseInsensitive)
        && !r.eventId.contains(f.text, Qt::CaseInsensitive))
        return false;
    return true;
}

QList<qint64> idsOf(const QList<DeliveryListRow> &rows)
{
    QList<qint64> ids;
    for (const auto &r : rows)
        ids << r.id;
    return ids;
}

GeneratedAttempt attemptAt(const GeneratedWebhook &w, qint64 startedAt, bool success)
{
    static int made = 0;  // attempts made at one instant are still separate messages
    GeneratedAttempt a = makeAttempt(w, u"msg_%1_%2"_s.arg(startedAt).arg(++made), startedAt, success);
    a.eventId = u"evt_"_s + QString::number(startedAt);
    return a;
}

} // namespace

class TestDeliveryLog : public QObject
{
    Q_OBJECT
private slots:
    void cleanupTestCase();
    void filterMatchesBruteForce_data() { addEngineRows(); }
    void filterMatchesBruteForce();
    void keysetPagesCoverEveryRowOnce_data() { addEngineRows(); }
    void keysetPagesCoverEveryRowOnce();
    void snapshotPinsTheListingAndFindsNewRows_data() { addEngineRows(); }
    void snapshotPinsTheListingAndFindsNewRows();
    void filterThatMatchesNothing_data() { addEngineRows(); }
    void searchFindsTheWebhookIdAReceiverLogs_data() { addEngineRows(); }
    void searchFindsTheWebhookIdAReceiverLogs();
    void filterThatMatchesNothing();
    void searchFindsTextInResponseBodies_data() { addEngineRows(); }
    void searchFindsTextInResponseBodies();
    void healthMatchesBruteForce_data() { addEngineRows(); }
    void healthMatchesBruteForce();
    void healthColoursFollowTheThresholds_data() { addEngineRows(); }
    void healthColoursFollowTheThresholds();
    void healthCountsEventsNotAttempts_data() { addEngineRows(); }
    void healthCountsEventsNotAttempts();
    void chartBucketsAndPercentiles_data() { addEngineRows(); }
    void chartBucketsAndPercentiles();
    void detailAndTimeline_data() { addEngineRows(); }
    void detailAndTimeline();
    void corruptStoredBodiesAreShownAndExported_data() { addEngineRows(); }
    void corruptStoredBodiesAreShownAndExported();
    void exportRedactsSecrets_data() { addEngineRows(); }
    void exportRedactsSecrets();
    void purgeInBatchesWithCancel_data() { addEngineRows(); }
    void purgeInBatchesWithCancel();
    void bodiesAreDisplayedSafely();
    void attemptNumbersFromTwoWritersNeverCollide_data() { addEngineRows(); }
    void attemptNumbersFromTwoWritersNeverCollide();
    void migrationNumbersTwinAttemptsAgain_data() { addEngineRows(); }
    void migrationNumbersTwinAttemptsAgain();

private:
    SharedLog *shared();
    std::map<int, std::unique_ptr<SharedLog>> m_shared;
};

void TestDeliveryLog::cleanupTestCase()
{
    m_shared.clear();
}

SharedLog *TestDeliveryLog::shared()
{
    const int engine = int(currentEngine());
    auto &slot = m_shared[engine];
    if (slot)
        return slot.get();
    auto log = std::make_unique<SharedLog>();
    log->db = openTestDatabase(currentEngine());
    if (!log->db.ok())
        return nullptr;
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*log->db.database, 12, &error);
    if (!webhooks) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    log->webhooks = *webhooks;
    log->now = QDateTime(QDate(2024, 5, 31), QTime(12, 34, 56, 789), Qt::UTC);
    DeliveryGeneratorOptions options;
    options.attempts = 20000;
    options.end = log->now;
    if (!DeliveryGenerator::generate(*log->db.database, log->webhooks, options, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    // Attempts of a webhook deleted long ago keep only its name; and a few attempts share one instant.
    QList<GeneratedAttempt> extra;
    for (int i = 0; i < 40; ++i) {
        GeneratedAttempt a = attemptAt(log->webhooks.at(0), log->now.toMSecsSinceEpoch() - 5 * hourMs, i % 3 != 0);
        if (i < 15) {
            a.webhookId.clear();
            a.webhookName = u"Retired hook"_s;
            a.startedAtMs -= i * 1000;
        }
        a.eventId = u"evt_tie_%1"_s.arg(i);
        a.messageId = u"msg_tie_%1"_s.arg(i);
        extra.append(a);
    }
    if (!DeliveryGenerator::insert(*log->db.database, extra, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    log->all = readAllRows(*log->db.database);
    slot = std::move(log);
    return slot.get();
}

void TestDeliveryLog::filterMatchesBruteForce()
{
    SharedLog *log = shared();
    QVERIFY(log);
    DeliveryLog deliveries(*log->db.database);
    const qint64 now = log->now.toMSecsSinceEpoch();

    QList<DeliveryFilter> filters;
    filters << DeliveryFilter();
    auto add = [&filters](const std::function<void(DeliveryFilter &)> &change) {
        DeliveryFilter f;
        change(f);
        filters << f;
    };
    add([&](DeliveryFilter &f) { f.webhook = log->webhooks.at(1).name.toUpper(); });
    add([&](DeliveryFilter &f) { f.webhook = log->webhooks.at(2).id; });
    add([](DeliveryFilter &f) { f.webhook = u"Retired hook"_s; });
    add([](DeliveryFilter &f) { f.eventType = u"battery.low"_s; });
    add([](DeliveryFilter &f) { f.result = DeliveryFilter::Result::Success; });
    add([](DeliveryFilter &f) { f.result = DeliveryFilter::Result::Failure; });
    for (auto s : {DeliveryFilter::StatusClass::Success2xx, DeliveryFilter::StatusClass::Redirect3xx,
                   DeliveryFilter::StatusClass::ClientError4xx, DeliveryFilter::StatusClass::ServerError5xx,
                   DeliveryFilter::StatusClass::NoResponse})
        add([s](DeliveryFilter &f) { f.statusClass = s; });
    for (auto t : {DeliveryFilter::TimeRange::LastHour, DeliveryFilter::TimeRange::Last24Hours,
                   DeliveryFilter::TimeRange::Last7Days})
        add([t](DeliveryFilter &f) { f.timeRange = t; });
    add([&](DeliveryFilter &f) {
        f.timeRange = DeliveryFilter::TimeRange::Custom;
        f.customFrom = log->now.addDays(-12);
        f.customTo = log->now.addDays(-11);
    });
    for (auto t : {DeliveryFilter::Trigger::Test, DeliveryFilter::Trigger::Event, DeliveryFilter::Trigger::Redeliver})
        add([t](DeliveryFilter &f) { f.trigger = t; });
    add([](DeliveryFilter &f) { f.text = u"TIMEOUT"_s; });
    add([](DeliveryFilter &f) { f.text = u"evt_tie_1"_s; });
    add([&](DeliveryFilter &f) {
        f.result = DeliveryFilter::Result::Failure;
        f.webhook = log->webhooks.at(1).name;
        f.timeRange = DeliveryFilter::TimeRange::Last24Hours;
    });
    add([&](DeliveryFilter &f) {
        f.webhook = log->webhooks.at(11).name;
        f.eventType = u"task.overdue"_s;
        f.statusClass = DeliveryFilter::StatusClass::Success2xx;
        f.trigger = DeliveryFilter::Trigger::Event;
        f.timeRange = DeliveryFilter::TimeRange::Last7Days;
    });

    for (const DeliveryFilter &filter : filters) {
        QList<qint64> expected;
        for (const DeliveryListRow &r : log->all)
            if (matches(filter, r, now, log->webhooks))
                expected << r.id;
        const auto selection = deliveries.select(filter, log->now);
        QVERIFY_OK(selection);
        const auto count = deliveries.count(*selection);
        QVERIFY_OK(count);
        QVERIFY2(*count == expected.size(), qPrintable(u"%1: %2 instead of %3"_s.arg(filter.toText()).arg(*count).arg(expected.size())));
        const auto first = deliveries.firstPage(*selection, 50);
        QVERIFY_OK(first);
        QCOMPARE(idsOf(*first), expected.mid(0, 50));
    }
    // The text filters found something, so the comparison above was not vacuous.
    QVERIFY(std::any_of(log->all.begin(), log->all.end(), [](const auto &r) { return r.error.contains(u"timeout"_s); }));
}

void TestDeliveryLog::keysetPagesCoverEveryRowOnce()
{
    SharedLog *log = shared();
    QVERIFY(log);
    DeliveryLog deliveries(*log->db.database);
    DeliveryFilter failures;
    failures.result = DeliveryFilter::Result::Failure;
    for (const DeliveryFilter &filter : {DeliveryFilter(), failures}) {
        QList<qint64> expected;
        for (const DeliveryListRow &r : log->all)
            if (matches(filter, r, log->now.toMSecsSinceEpoch(), log->webhooks))
                expected << r.id;
        auto selection = deliveries.select(filter, log->now);
        QVERIFY(selection);
        selection->maxId = *deliveries.maxId();

        QList<qint64> forward;
        auto page = deliveries.firstPage(*selection, 997);
        while (page && !page->isEmpty()) {
            forward += idsOf(*page);
            page = deliveries.pageAfter(*selection, page->last().key(), 997);
        }
        QVERIFY(page);
        QCOMPARE(forward, expected);

        QList<qint64> backward;
        page = deliveries.lastPage(*selection, 1009);
        while (page && !page->isEmpty()) {
            backward = idsOf(*page) + backward;
            page = deliveries.pageBefore(*selection, page->first().key(), 1009);
        }
        QVERIFY(page);
        QCOMPARE(backward, expected);

        // Skipping from an anchor in either direction lands where the row numbers say.
        const auto skipped = deliveries.page(*selection, DeliveryLog::Direction::Older, std::nullopt, 10, 300);
        QVERIFY(skipped);
        QCOMPARE(idsOf(*skipped), expected.mid(300, 10));
        const auto fromEnd = deliveries.page(*selection, DeliveryLog::Direction::Newer, std::nullopt, 10, 300);
        QVERIFY(fromEnd);
        QCOMPARE(idsOf(*fromEnd), expected.mid(expected.size() - 310, 10));
        const auto atRow = deliveries.countNewerThan(*selection, log->all.at(500).key());
        QVERIFY(atRow);
        if (filter.isEmpty())
            QCOMPARE(*atRow, qint64(500));
    }
}

void TestDeliveryLog::snapshotPinsTheListingAndFindsNewRows()
{
    auto db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*db.database, 3, &error);
    QVERIFY2(webhooks, qPrintable(error));
    const qint64 base = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    QList<GeneratedAttempt> rows;
    for (int i = 0; i < 100; ++i)
        rows << attemptAt(webhooks->at(i % 2), base + i * 60000, i % 7 != 0);
    QVERIFY2(DeliveryGenerator::insert(*db.database, rows, &error), qPrintable(error));

    DeliveryLog deliveries(*db.database);
    auto selection = deliveries.select(DeliveryFilter(), QDateTime::fromMSecsSinceEpoch(base, Qt::UTC));
    QVERIFY(selection);
    const auto pinnedAt = deliveries.maxId();
    QVERIFY(pinnedAt);
    selection->maxId = *pinnedAt;

    // Two newer attempts and one that started earlier but was recorded late (a slow receiver).
    const QList<GeneratedAttempt> later = {attemptAt(webhooks->at(0), base + 200 * 60000, true),
                                           attemptAt(webhooks->at(1), base + 201 * 60000, false),
                                           attemptAt(webhooks->at(2), base + 50 * 60000 + 30000, true)};
    QVERIFY2(DeliveryGenerator::insert(*db.database, later, &error), qPrintable(error));

    QCOMPARE(*deliveries.count(*selection), qint64(100));
    QCOMPARE(deliveries.firstPage(*selection, 5)->first().startedAtMs, base + 99 * 60000);
    const auto newest = deliveries.maxId();
    const auto arrived = deliveries.recordedBetween(*selection, *pinnedAt, *newest, 100);
    QVERIFY_OK(arrived);
    QCOMPARE(arrived->size(), 3);
    QCOMPARE(arrived->at(0).startedAtMs, base + 201 * 60000);
    QCOMPARE(arrived->at(2).startedAtMs, base + 50 * 60000 + 30000);
    selection->maxId = *newest;
    QCOMPARE(*deliveries.countNewerThan(*selection, arrived->at(0).key()), qint64(0));
    QCOMPARE(*deliveries.countNewerThan(*selection, arrived->at(2).key()), qint64(2 + 49));

    DeliveryFilter one;
    one.webhook = webhooks->at(2).name;
    auto onlyThird = deliveries.select(one, QDateTime::fromMSecsSinceEpoch(base, Qt::UTC));
    QCOMPARE(deliveries.recordedBetween(*onlyThird, *pinnedAt, *newest, 100)->size(), 1);
}

void TestDeliveryLog::searchFindsTheWebhookIdAReceiverLogs()
{
    SharedLog *log = shared();
    QVERIFY(log);
    // A receiver's log shows the webhook-id header, which is the message id: support staff search for it.
    QSqlQuery query(log->db.database->connection());
    QVERIFY(query.exec(u"SELECT message_id, COUNT(*) FROM deliveries GROUP BY message_id ORDER BY COUNT(*) DESC, message_id"
                       " LIMIT 1"_s) && query.next());
    const QString messageId = query.value(0).toString();
    const qint64 attempts = query.value(1).toLongLong();
    query.finish();
    DeliveryLog deliveries(*log->db.database);
    DeliveryFilter search;
    search.text = messageId.toUpper();
    auto selection = deliveries.select(search, log->now);
    QVERIFY(selection);
    selection->maxId = *deliveries.maxId();
    QCOMPARE(*deliveries.count(*selection), attempts);
}

void TestDeliveryLog::searchFindsTextInResponseBodies()
{
    // What a receiver answered is what support staff have in hand: "ticket REQ-4711", "Müller unknown".
    auto db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*db.database, 1, &error);
    QVERIFY2(webhooks, qPrintable(error));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    GeneratedAttempt ticket = attemptAt(webhooks->at(0), now - 4000, false);
    ticket.responseBody = "{\"error\":\"rejected\",\"ticket\":\"REQ-4711\"}";
    GeneratedAttempt umlaut = attemptAt(webhooks->at(0), now - 3000, false);
    umlaut.responseBody = u"Patient Müller unknown; path C:\\inbox"_s.toUtf8();
    GeneratedAttempt binary = attemptAt(webhooks->at(0), now - 2000, false);
    binary.responseBody = QByteArray("\xff\xfe\x00 REQ-9 \x80", 12);   // not UTF-8, with a NUL
    GeneratedAttempt plain = attemptAt(webhooks->at(0), now - 1000, true);
    plain.responseBody = "{\"ok\":true}";
    QVERIFY2(DeliveryGenerator::insert(*db.database, {ticket, umlaut, binary, plain}, &error), qPrintable(error));

    DeliveryLog deliveries(*db.database);
    const auto found = [&](const QString &text) -> QList<QString> {
        DeliveryFilter search;
        search.text = text;
        auto selection = deliveries.select(search, QDateTime::currentDateTimeUtc());
        if (!selection)
            return {u"error: "_s + selection.message()};
        selection->maxId = *deliveries.maxId();
        QList<QString> events;
        const auto page = deliveries.firstPage(*selection, 10);
        if (!page)
            return {u"error: "_s + page.message()};
        for (const DeliveryListRow &row : *page)
            events << row.eventId;
        std::sort(events.begin(), events.end());
        return events;
    };
    QCOMPARE(found(u"req-4711"_s), QList<QString>{ticket.eventId});
    QCOMPARE(found(u"Müller"_s), QList<QString>{umlaut.eventId});
    QCOMPARE(found(u"c:\\inbox"_s), QList<QString>{umlaut.eventId});
    QCOMPARE(found(u"REQ-9"_s), QList<QString>{binary.eventId});
    QCOMPARE(found(u"REQ-"_s), (QList<QString>{ticket.eventId, binary.eventId}));
    QCOMPARE(found(u"\"ok\""_s), QList<QString>{plain.eventId});
    QCOMPARE(found(u"nobody answered this"_s), QList<QString>{});
}

void TestDeliveryLog::filterThatMatchesNothing()
{
    SharedLog *log = shared();
    QVERIFY(log);
    DeliveryLog deliveries(*log->db.database);
    DeliveryFilter nothing;
    nothing.text = u"no attempt says this"_s;
    nothing.result = DeliveryFilter::Result::Failure;
    auto selection = deliveries.select(nothing, log->now);
    QVERIFY(selection);
    selection->maxId = *deliveries.maxId();
    QCOMPARE(*deliveries.count(*selection), qint64(0));
    QVERIFY(deliveries.firstPage(*selection, 100)->isEmpty());
    QVERIFY(deliveries.lastPage(*selection, 100)->isEmpty());
    QVERIFY(deliveries.pageAfter(*selection, {log->now.toMSecsSinceEpoch(), 1}, 100)->isEmpty());
    // Too little of SQLite's sample to estimate from is no failure, only no estimate; the planner always guesses.
    const auto estimate = deliveries.estimateCount(*selection);
    QVERIFY_OK(estimate);
    QCOMPARE(estimate->has_value(), currentEngine() == DatabaseUrl::Engine::PostgreSQL);
    DeliveryFilter unknownWebhook;
    unknownWebhook.webhook = u"Nobody by this name"_s;
    QCOMPARE(*deliveries.count(*deliveries.select(unknownWebhook, log->now)), qint64(0));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto result = deliveries.exportTo(nothing, log->now, DeliveryLog::ExportFormat::Csv, &buffer);
    QVERIFY_OK(result);
    QCOMPARE(result->rows, qint64(0));
    QCOMPARE(parseCsv(QString::fromUtf8(buffer.data())).size(), 1);
}

void TestDeliveryLog::healthMatchesBruteForce()
{
    SharedLog *log = shared();
    QVERIFY(log);
    DeliveryLog deliveries(*log->db.database);
    const HealthThresholds thresholds;
    const auto health = deliveries.health(thresholds, log->now);
    QVERIFY_OK(health);
    QCOMPARE(health->size(), log->webhooks.size());
    const auto one = deliveries.healthOf(health->at(2).webhookId, thresholds, log->now);
    QVERIFY_OK(one);
    QCOMPARE(one->consecutiveFailures, health->at(2).consecutiveFailures);
    QCOMPARE(deliveries.healthOf(u"no-such-webhook"_s, thresholds, log->now).code(), ErrorCode::NotFound);
    compareWithHealthFromAttempts(*health, readLoggedAttempts(*log->db.database), log->now.toMSecsSinceEpoch(),
                                  thresholds);
    if (QTest::currentTestFailed())
        return;
    // Counting the events matters somewhere: a flaky webhook falls short of the threshold by its attempts.
    QVERIFY(std::any_of(health->begin(), health->end(), [](const WebhookHealth &h) {
        return h.undeliveredCounted && h.undeliveredEvents24h + h.undeliveredEvents7d > 0;
    }));
    // The generator's profiles: down for three hours, switched off, never delivered to, flaky.
    QCOMPARE(health->at(2).colour, WebhookHealthColour::Red);
    QVERIFY(health->at(2).consecutiveFailures >= 3);
    QCOMPARE(health->at(3).colour, WebhookHealthColour::Grey);
    QVERIFY(!health->at(3).active);
    QCOMPARE(health->last().colour, WebhookHealthColour::Grey);
    QVERIFY(!health->last().lastStartedAtMs);
    QVERIFY(health->at(1).successRate7d().value() < 0.95);
    QVERIFY(health->at(4).successRate7d().value() > 0.95);
}

void TestDeliveryLog::healthCountsEventsNotAttempts()
{
    auto db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*db.database, 2, &error);
    QVERIFY(webhooks);
    const QDateTime now(QDate(2024, 5, 31), QTime(12, 0), Qt::UTC);
    const qint64 t = now.toMSecsSinceEpoch();
    QList<GeneratedAttempt> rows;
    // 0: recovered after an outage: 20 of 50 events failed twice each, then a retry of the same message got through.
    for (int i = 0; i < 50; ++i) {
        const qint64 at = t - (i + 1) * 1200000;
        if (i % 5 < 2) {
            for (int attempt = 1; attempt <= 2; ++attempt) {
                GeneratedAttempt failed = attemptAt(webhooks->at(0), at + attempt * 1000, false);
                failed.messageId = u"msg_%1"_s.arg(at);
                failed.attempt = attempt;
                rows << failed;
            }
            GeneratedAttempt retried = attemptAt(webhooks->at(0), at + 3000, true);
            retried.messageId = u"msg_%1"_s.arg(at);
            retried.attempt = 3;
            rows << retried;
        } else {
            rows << attemptAt(webhooks->at(0), at, true);
        }
    }
    // 1: a new webhook whose first two attempts both failed: below the red threshold, but never delivered.
    rows << attemptAt(webhooks->at(1), t - 120000, false) << attemptAt(webhooks->at(1), t - 60000, false);
    QVERIFY2(DeliveryGenerator::insert(*db.database, rows, &error), qPrintable(error));
    const auto health = DeliveryLog(*db.database).health({}, now);
    QVERIFY_OK(health);
    QVERIFY(health->at(0).successRate24h().value() < 0.6); // by attempts it looks bad
    QCOMPARE(health->at(0).undeliveredEvents24h, qint64(0));
    QCOMPARE(health->at(0).deliveredEventRate24h(), 1.0);
    QCOMPARE(health->at(0).colour, WebhookHealthColour::Green);
    QCOMPARE(health->at(1).consecutiveFailures, qint64(2));
    QVERIFY(!health->at(1).everDelivered);
    QCOMPARE(health->at(1).colour, WebhookHealthColour::Red);
}

void TestDeliveryLog::healthColoursFollowTheThresholds()
{
    auto db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*db.database, 5, &error);
    QVERIFY(webhooks);
    const QDateTime now(QDate(2024, 5, 31), QTime(12, 0), Qt::UTC);
    const qint64 t = now.toMSecsSinceEpoch();
    QList<GeneratedAttempt> rows;
    // 0: 100 successes. 1: 10 % failures spread out, last one a success. 2: fine, then 4 failures in a row.
    // 3: inactive (generator's webhook 4). 4: never delivered.
    for (int i = 0; i < 100; ++i) {
        rows << attemptAt(webhooks->at(0), t - (i + 1) * 600000, true);
        rows << attemptAt(webhooks->at(1), t - (i + 1) * 600000, i % 10 != 5);
        rows << attemptAt(webhooks->at(2), t - (i + 1) * 600000, i >= 4);
        rows << attemptAt(webhooks->at(3), t - (i + 1) * 600000, true);
    }
    QVERIFY2(DeliveryGenerator::insert(*db.database, rows, &error), qPrintable(error));
    DeliveryLog deliveries(*db.database);
    auto health = deliveries.health({}, now);
    QVERIFY_OK(health);
    QCOMPARE(health->at(0).colour, WebhookHealthColour::Green);
    QCOMPARE(health->at(1).colour, WebhookHealthColour::Yellow);
    QCOMPARE(health->at(2).colour, WebhookHealthColour::Red);
    QCOMPARE(health->at(2).consecutiveFailures, qint64(4));
    QCOMPARE(health->at(3).colour, WebhookHealthColour::Grey);
    QCOMPARE(health->at(4).colour, WebhookHealthColour::Grey);
    QCOMPARE(health->at(0).successRate24h(), 1.0);
    QCOMPARE(health->at(1).attempts24h, qint64(100));  // one every 10 minutes
    QCOMPARE(health->at(1).successes24h, qint64(90));
    QCOMPARE(health->at(1).attempts7d, qint64(100));

    // Thresholds are parameters: 5 failures in a row for red, 85 % for yellow.
    HealthThresholds lenient{5, 0.85};
    health = deliveries.health(lenient, now);
    QCOMPARE(health->at(1).colour, WebhookHealthColour::Green);
    QCOMPARE(health->at(2).colour, WebhookHealthColour::Yellow);

    // The hourly counts follow changes to recorded attempts and the deletion of a webhook.
    QSqlQuery update(db.database->connection());
    QVERIFY(update.exec(u"UPDATE deliveries SET success = TRUE WHERE webhook_id = '%1'"_s.arg(webhooks->at(2).id)));
    health = deliveries.health({}, now);
    QCOMPARE(health->at(2).colour, WebhookHealthColour::Green);
    QCOMPARE(health->at(2).successes7d, qint64(100));
    QVERIFY(update.exec(u"DELETE FROM webhooks WHERE id = '%1'"_s.arg(webhooks->at(0).id)));
    health = deliveries.health({}, now);
    QCOMPARE(health->size(), 4);
    QVERIFY(update.exec(u"SELECT COUNT(*) FROM delivery_hourly WHERE webhook_id = '%1'"_s.arg(webhooks->at(0).id)));
    QVERIFY(update.next());
    QCOMPARE(update.value(0).toInt(), 0);
}

void TestDeliveryLog::chartBucketsAndPercentiles()
{
    SharedLog *log = shared();
    QVERIFY(log);
    DeliveryLog deliveries(*log->db.database);
    const GeneratedWebhook &webhook = log->webhooks.at(1);
    const QDateTime from = log->now.addDays(-3);
    const auto buckets = deliveries.hourlyActivity(webhook.id, from, log->now);
    QVERIFY_OK(buckets);
    QCOMPARE(buckets->size(), 73);  // 72 hours, the first and last partial
    QCOMPARE(buckets->first().hourStartMs, (from.toMSecsSinceEpoch() / hourMs) * hourMs);

    int total = 0;
    for (const DeliveryHourBucket &bucket : *buckets) {
        QList<qint64> durations;
        int successes = 0, failures = 0;
        for (const DeliveryListRow &r : log->all) {
            if (r.webhookId != webhook.id || r.startedAtMs < from.toMSecsSinceEpoch()
                || r.startedAtMs >= log->now.toMSecsSinceEpoch() || r.startedAtMs < bucket.hourStartMs
                || r.startedAtMs >= bucket.hourStartMs + hourMs)
                continue;
            (r.success ? successes : failures)++;
            if (r.durationMs)
                durations << *r.durationMs;
        }
        QCOMPARE(bucket.successes, successes);
        QCOMPARE(bucket.failures, failures);
        total += successes + failures;
        std::sort(durations.begin(), durations.end());
        if (durations.isEmpty()) {
            QVERIFY(!bucket.latencyP50Ms);
            continue;
        }
        // Nearest rank: the smallest value with at least p of the values at or below it.
        const auto rank = [&](double p) {
            qsizetype k = 0;
            while (double(k + 1) < p * double(durations.size()) - 1e-9 && k + 1 < durations.size())
                ++k;
            return durations.at(k);
        };
        QCOMPARE(bucket.latencyP50Ms, rank(0.5));
        QCOMPARE(bucket.latencyP95Ms, rank(0.95));
    }
    QVERIFY(total > 50);
    QVERIFY(deliveries.hourlyActivity(webhook.id, log->now, from)->isEmpty());
}

void TestDeliveryLog::detailAndTimeline()
{
    auto db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*db.database, 2, &error);
    QVERIFY(webhooks);
    const qint64 t = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    QList<GeneratedAttempt> rows;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        GeneratedAttempt a = attemptAt(webhooks->at(0), t + attempt * 30000, attempt == 3);
        a.eventId = u"evt_timeline"_s;
        a.messageId = u"msg_timeline"_s;
        a.attempt = attempt;
        a.requestHeadersJson = uR"([["Content-Type","application/json"],["webhook-id","msg_timeline"],)"
                               uR"(["Webhook-Signature","v1,c2lnbmF0dXJl"],["authorization","Bearer s3cr3t"]])"_s;
        a.requestBody = QByteArray(R"({"z":1,"a":{"n":12345678901234567890,"list":[]}})");
        a.responseHeadersJson = uR"([["Content-Type","text/plain"],["Set-Cookie","session=abc"]])"_s;
        a.responseBody = attempt == 3 ? QByteArray("accepted") : QByteArray("Service Unavailable");
        a.responseSize = a.responseBody.size();
        a.finishedAtMs = a.startedAtMs + 250;
        a.durationMs = 250;
        rows << a;
    }
    GeneratedAttempt other = attemptAt(webhooks->at(1), t + 10000, true);
    other.eventId = u"evt_timeline"_s;
    rows << other;
    QVERIFY2(DeliveryGenerator::insert(*db.database, rows, &error), qPrintable(error));

    DeliveryLog deliveries(*db.database);
    auto selection = deliveries.select(DeliveryFilter(), QDateTime::currentDateTimeUtc());
    const auto second = deliveries.firstPage(*selection, 10)->at(1);  // attempt 2 of webhook 1
    QCOMPARE(second.attempt, 2);
    const Result<DeliveryDetail> detail = deliveries.detail(second.id);
    QVERIFY2(detail, qPrintable(detail.message()));
    QCOMPARE(detail->row, second);
    QCOMPARE(detail->messageId, u"msg_timeline"_s);
    QCOMPARE(detail->requestMethod, u"POST"_s);
    QCOMPARE(detail->requestUrl, u"https://receiver.hospital.example/goreporter"_s);
    const DeliveryHeaders expectedRequest = {{u"Content-Type"_s, u"application/json"_s},
                                             {u"webhook-id"_s, u"msg_timeline"_s},
                                             {u"Webhook-Signature"_s, Redaction::mask()},
                                             {u"authorization"_s, u"Bearer "_s + Redaction::mask()}};
    // The one redaction rule: the scheme of an Authorization value stays, so a reader sees what kind of credential
    // went out.
    QCOMPARE(detail->requestHeaders, expectedRequest);
    QCOMPARE(detail->responseHeaders.at(1).second, Redaction::mask());
    QCOMPARE(detail->requestBody, rows.at(1).requestBody);
    QCOMPARE(detail->responseBody, QByteArray("Service Unavailable"));
    QCOMPARE(detail->row.responseStatus, 503);
    QCOMPARE(detail->finishedAtMs, second.startedAtMs + 250);
    QCOMPARE(detail->responseSize, qint64(19));
    QVERIFY(detail->headersProblem.isEmpty());
    // Pretty printing keeps the receiver's key order and big numbers exactly.
    const DeliveryBodyText body = DeliveryBodies::display(detail->requestBody);
    QCOMPARE(body.kind, DeliveryBodyText::Kind::Json);
    QVERIFY(body.text.indexOf(u"\"z\""_s) < body.text.indexOf(u"\"a\""_s));
    QVERIFY(body.text.contains(u"12345678901234567890"_s));
    QVERIFY(body.text.contains(u"\"list\": []"_s));

    const auto timeline = deliveries.timeline(u"evt_timeline"_s);
    QVERIFY_OK(timeline);
    QCOMPARE(timeline->size(), 4);
    QCOMPARE(timeline->first().webhookId, webhooks->at(1).id);
    QCOMPARE(timeline->at(1).attempt, 1);
    QCOMPARE(timeline->last().attempt, 3);
    QVERIFY(timeline->last().success);
    QCOMPARE(deliveries.timeline(u"evt_timeline"_s, webhooks->at(0).id)->size(), 3);
    const Result<DeliveryDetail> missing = deliveries.detail(987654321);
    QCOMPARE(missing.code(), ErrorCode::NotFound);
    QVERIFY(missing.message().contains(u"987654321"_s));
}

void TestDeliveryLog::corruptStoredBodiesAreShownAndExported()
{
    auto db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*db.database, 1, &error);
    QVERIFY(webhooks);
    GeneratedAttempt a = attemptAt(webhooks->at(0), QDateTime::currentMSecsSinceEpoch() - 1000, false);
    a.requestBody = QByteArray("{\"name\":\"M\xfcller\"}");                // Latin-1, not UTF-8
    static const char binary[] = "\x00\x01\x02\xff\xfe binary\x00";
    a.responseBody = QByteArray(binary, sizeof binary - 1);                 // with NULs
    a.requestHeadersJson = u"[[\"content-type\", \"applic"_s;              // truncated
    a.responseHeadersJson = u"not json at all"_s;
    GeneratedAttempt looksLikeMarker = attemptAt(webhooks->at(0), QDateTime::currentMSecsSinceEpoch() - 2000, true);
    looksLikeMarker.requestBody = QByteArray("base64:this is text");
    QVERIFY2(DeliveryGenerator::insert(*db.database, {a, looksLikeMarker}, &error), qPrintable(error));

    DeliveryLog deliveries(*db.database);
    const auto first = deliveries.firstPage(*deliveries.select({}, QDateTime::currentDateTimeUtc()), 1);
    const Result<DeliveryDetail> detail = deliveries.detail(first->at(0).id);
    QVERIFY2(detail, qPrintable(detail.message()));
    QCOMPARE(detail->requestBody, a.requestBody);
    QCOMPARE(detail->responseBody, a.responseBody);
    QVERIFY(detail->requestHeaders.isEmpty());
    QVERIFY(!detail->headersProblem.isEmpty());
    const DeliveryBodyText request = DeliveryBodies::display(detail->requestBody);
    QCOMPARE(request.kind, DeliveryBodyText::Kind::Binary);
    QVERIFY(request.note.contains(QString::number(a.requestBody.size())));
    QVERIFY(request.text.contains(u"7b 22 6e 61"_s));
    QCOMPARE(DeliveryBodies::display(detail->responseBody).kind, DeliveryBodyText::Kind::Binary);

    for (const auto format : {DeliveryLog::ExportFormat::Csv, DeliveryLog::ExportFormat::JsonLines}) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const auto result = deliveries.exportTo({}, QDateTime::currentDateTimeUtc(), format, &buffer);
        QVERIFY_OK(result);
        QCOMPARE(result->rows, qint64(2));
        const QString text = QString::fromUtf8(buffer.data());
        if (format == DeliveryLog::ExportFormat::Csv) {
            const QList<QStringList> records = parseCsv(text);
            QCOMPARE(records.size(), 3);
            const QStringList cells = records.at(1);
            const QStringList header = records.at(0);
            QCOMPARE(cells.size(), header.size());
            const QString body = cells.at(header.indexOf(u"request_body"_s));
            QVERIFY(body.startsWith(u"base64:"_s));
            QCOMPARE(QByteArray::fromBase64(body.mid(7).toLatin1()), a.requestBody);
            QCOMPARE(QByteArray::fromBase64(cells.at(header.indexOf(u"response_body"_s)).mid(7).toLatin1()), a.responseBody);
            const QString marker = records.at(2).at(header.indexOf(u"request_body"_s));
            QCOMPARE(QByteArray::fromBase64(marker.mid(7).toLatin1()), looksLikeMarker.requestBody);
        } else {
            const QJsonObject object = QJsonDocument::fromJson(text.split(u'\n').at(0).toUtf8()).object();
            QVERIFY(!object.contains(u"request_body"_s));
            QCOMPARE(QByteArray::fromBase64(object.value(u"request_body_base64"_s).toString().toLatin1()), a.requestBody);
            QCOMPARE(QByteArray::fromBase64(object.value(u"response_body_base64"_s).toString().toLatin1()), a.responseBody);
        }
    }
}

void TestDeliveryLog::exportRedactsSecrets()
{
    SharedLog *log = shared();
    QVERIFY(log);
    DeliveryLog deliveries(*log->db.database);
    DeliveryFilter filter;
    filter.webhook = log->webhooks.at(1).name;
    filter.result = DeliveryFilter::Result::Failure;
    const qint64 expected = std::count_if(log->all.begin(), log->all.end(), [&](const DeliveryListRow &r) {
        return matches(filter, r, log->now.toMSecsSinceEpoch(), log->webhooks);
    });
    QVERIFY(expected > 100);

    for (const auto format : {DeliveryLog::ExportFormat::Csv, DeliveryLog::ExportFormat::JsonLines}) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QList<qint64> progress;
        const auto result = deliveries.exportTo(filter, log->now, format, &buffer,
                                                [&](qint64 done, qint64 total) {
                                                    progress << done;
                                                    return total == expected;
                                                },
                                                64);
        QVERIFY_OK(result);
        QCOMPARE(result->rows, expected);
        QVERIFY(progress.size() >= expected / 64);
        QCOMPARE(progress.last(), expected);
        const QString text = QString::fromUtf8(buffer.data());
        QVERIFY(!text.contains(u"Bearer tok_"_s));
        QVERIFY(!text.contains(u"v1,"_s));
        QVERIFY(!text.contains(u"sid="_s));
        QVERIFY(text.contains(Redaction::mask()));
        if (format == DeliveryLog::ExportFormat::Csv) {
            const QList<QStringList> records = parseCsv(text);
            QCOMPARE(records.size(), expected + 1);
            const QStringList header = records.at(0);
            for (qsizetype i = 1; i < records.size(); ++i) {
                const QStringList cells = records.at(i);
                QCOMPARE(cells.size(), header.size());
                QCOMPARE(cells.at(header.indexOf(u"success"_s)), u"false"_s);
                QCOMPARE(cells.at(header.indexOf(u"webhook_name"_s)), log->webhooks.at(1).name);
            }
        } else {
            const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
            QCOMPARE(lines.size(), expected);
            qint64 previousId = std::numeric_limits<qint64>::max();
            QString previousStart = u"9"_s;
            for (const QString &line : lines) {
                QJsonParseError parseError;
                const QJsonObject object = QJsonDocument::fromJson(line.toUtf8(), &parseError).object();
                QCOMPARE(parseError.error, QJsonParseError::NoError);
                QCOMPARE(object.value(u"success"_s).toBool(true), false);
                QVERIFY(object.value(u"started_at"_s).toString() <= previousStart);
                previousStart = object.value(u"started_at"_s).toString();
                QVERIFY(qint64(object.value(u"id"_s).toDouble()) != previousId);
                previousId = qint64(object.value(u"id"_s).toDouble());
                const QJsonArray headers = object.value(u"request_headers"_s).toArray();
                QCOMPARE(headers.at(3).toArray().at(1).toString(), Redaction::mask());
                QCOMPARE(headers.at(1).toArray().at(0).toString(), u"webhook-id"_s);
                QVERIFY(headers.at(1).toArray().at(1).toString().startsWith(u"msg_"_s));
            }
        }
    }

    // Cancelling stops after the page in hand.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto cancelled = deliveries.exportTo(filter, log->now, DeliveryLog::ExportFormat::JsonLines, &buffer,
                                               [](qint64, qint64) { return false; }, 50);
    QVERIFY_OK(cancelled);
    QVERIFY(cancelled->cancelled);
    QCOMPARE(cancelled->rows, qint64(50));
}

void TestDeliveryLog::purgeInBatchesWithCancel()
{
    auto db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*db.database, 4, &error);
    QVERIFY(webhooks);
    const QDateTime now(QDate(2024, 5, 31), QTime(0, 0), Qt::UTC);
    DeliveryGeneratorOptions options;
    options.attempts = 6000;
    options.days = 40;
    options.end = now;
    QVERIFY2(DeliveryGenerator::generate(*db.database, *webhooks, options, &error), qPrintable(error));
    const QList<DeliveryListRow> before = readAllRows(*db.database);
    const qint64 cutoff = now.addDays(-30).toMSecsSinceEpoch();
    const qint64 old = std::count_if(before.begin(), before.end(), [&](const auto &r) { return r.startedAtMs < cutoff; });
    QVERIFY(old > 1000);

    DeliveryLog deliveries(*db.database);
    QList<std::pair<qint64, qint64>> progress;
    auto result = deliveries.purge(30, now, 400, [&](qint64 done, qint64 total) {
        progress.append({done, total});
        return progress.size() < 2;
    });
    QVERIFY_OK(result);
    QVERIFY(result->cancelled);
    QCOMPARE(result->deleted, qint64(800));
    QCOMPARE(progress, (QList<std::pair<qint64, qint64>>{{400, old}, {800, old}}));
    // The oldest go first.
    QList<DeliveryListRow> after = readAllRows(*db.database);
    QCOMPARE(after.size(), before.size() - 800);
    QCOMPARE(after.last().key(), before.at(before.size() - 801).key());

    progress.clear();
    result = deliveries.purge(30, now, 400, [&](qint64 done, qint64 total) {
        progress.append({done, total});
        return true;
    });
    QVERIFY_OK(result);
    QVERIFY(!result->cancelled);
    QCOMPARE(result->deleted, old - 800);
    QCOMPARE(progress.last().first, old - 800);
    after = readAllRows(*db.database);
    QCOMPARE(after.size(), before.size() - old);
    QVERIFY(after.last().startedAtMs >= cutoff);

    // Both purges are in the audit log, and the hourly counts still add up to what is left.
    QSqlQuery query(db.database->connection());
    QVERIFY(query.exec(u"SELECT actor, after_json FROM audit_log WHERE action = 'purge' AND entity = 'deliveries' ORDER BY id"_s));
    QList<QJsonObject> audits;
    while (query.next()) {
        QCOMPARE(query.value(0).toString(), db.database->actor());
        audits << QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
    }
    QCOMPARE(audits.size(), 2);
    QCOMPARE(audits.at(0).value(u"deleted"_s).toInt(), 800);
    QCOMPARE(audits.at(0).value(u"cancelled"_s).toBool(), true);
    QCOMPARE(audits.at(1).value(u"olderThanDays"_s).toInt(), 30);
    QCOMPARE(audits.at(1).value(u"cancelled"_s).toBool(), false);
    QVERIFY(query.exec(u"SELECT COALESCE(SUM(attempts), 0), COUNT(*), MIN(attempts) FROM delivery_hourly"_s) && query.next());
    const qint64 withWebhook = std::count_if(after.begin(), after.end(), [](const auto &r) { return !r.webhookId.isEmpty(); });
    QCOMPARE(query.value(0).toLongLong(), withWebhook);
    QVERIFY(query.value(2).toInt() > 0);

    // Nothing left to purge is not an error.
    result = deliveries.purge(30, now, 400);
    QVERIFY_OK(result);
    QCOMPARE(result->deleted, qint64(0));
}

void TestDeliveryLog::bodiesAreDisplayedSafely()
{
    QCOMPARE(DeliveryBodies::display({}).kind, DeliveryBodyText::Kind::Empty);
    const DeliveryBodyText text = DeliveryBodies::display(QByteArray("plain words, {not json"));
    QCOMPARE(text.kind, DeliveryBodyText::Kind::Text);
    QCOMPARE(text.text, u"plain words, {not json"_s);
    const DeliveryBodyText json = DeliveryBodies::display(QByteArray(R"( {"a" : "x\"}y,", "b":[1, {}]} )"));
    QCOMPARE(json.kind, DeliveryBodyText::Kind::Json);
    QCOMPARE(json.text, u"{\n  \"a\": \"x\\\"}y,\",\n  \"b\": [\n    1,\n    {}\n  ]\n}"_s);
    const DeliveryBodyText big = DeliveryBodies::display(QByteArray(10000, '\xff'));
    QCOMPARE(big.kind, DeliveryBodyText::Kind::Binary);
    QVERIFY(big.note.contains(u"4"_s));
    QCOMPARE(big.text.count(u'\n'), 256);
    QVERIFY(Redaction::isSecretHeader(u" Authorization "_s));
    QVERIFY(Redaction::isSecretHeader(u"WEBHOOK-SIGNATURE"_s));
    QVERIFY(!Redaction::isSecretHeader(u"webhook-id"_s));
}

void TestDeliveryLog::attemptNumbersFromTwoWritersNeverCollide()
{
    // Two dispatchers retry one message at the same moment: every attempt is recorded, each with its own number.
    auto db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    constexpr int perWriter = 40;
    const QString failures = runConcurrentWriters(
        db.database->url(), db.database->password(), 2, [&](DeliveryRepository &repository, int) {
            for (int i = 0; i < perWriter; ++i) {
                DeliveryRecord record;
                record.webhookName = u"Cardiology"_s;
                record.eventType = u"battery.low"_s;
                record.eventId = u"evt_race"_s;
                record.messageId = u"msg_race"_s;
                record.trigger = DeliveryTrigger::Event;
                record.requestUrl = u"https://receiver.example/hook"_s;
                record.error = u"http-5xx: 503 Service Unavailable"_s;
                if (const Result<void> recorded = repository.record(record); !recorded)
                    return recorded.message();
            }
            return QString();
        });
    QVERIFY2(failures.isEmpty(), qPrintable(failures));
    QSqlQuery query(db.database->connection());
    QVERIFY(query.exec(u"SELECT attempt FROM deliveries WHERE message_id = 'msg_race' ORDER BY attempt"_s));
    QList<int> attempts;
    while (query.next())
        attempts << query.value(0).toInt();
    QList<int> expected;
    for (int n = 1; n <= 2 * perWriter; ++n)
        expected << n;
    QCOMPARE(attempts, expected);

    // A number given by the caller that is taken already is refused, clearly.
    DeliveryRepository repository(*db.database);
    DeliveryRecord twin;
    twin.webhookName = u"Cardiology"_s;
    twin.eventType = u"battery.low"_s;
    twin.eventId = u"evt_race"_s;
    twin.messageId = u"msg_race"_s;
    twin.attempt = 7;
    const Result<void> refused = repository.record(twin);
    QCOMPARE(refused.code(), ErrorCode::Conflict);
    QVERIFY2(refused.message().contains(u"Attempt 7 of message msg_race is recorded already"_s),
             qPrintable(refused.message()));
}

void TestDeliveryLog::migrationNumbersTwinAttemptsAgain()
{
    // A log written before the numbers were unique may hold twins: they are numbered again in the order made.
    auto db = openTestDatabase(currentEngine());
    QVERIFY(db.ok());
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*db.database, 1, &error);
    QVERIFY2(webhooks, qPrintable(error));
    QVERIFY2(rewindSchema(*db.database, 5, &error), qPrintable(error));
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 60000;
    QList<GeneratedAttempt> rows;
    for (int i = 0; i < 3; ++i) {
        GeneratedAttempt a = attemptAt(webhooks->at(0), base + i * 1000, i == 2);
        a.messageId = u"msg_twins"_s;
        a.attempt = i == 2 ? 2 : 1;  // 1, 1, 2 as two workers numbered them
        rows << a;
    }
    GeneratedAttempt alone = attemptAt(webhooks->at(0), base + 5000, true);
    alone.attempt = 4;
    rows << alone;
    QVERIFY2(DeliveryGenerator::insert(*db.database, rows, &error), qPrintable(error));

    const DatabaseUrl url = db.database->url();
    const QString password = db.database->password();
    db.database->close();
    QVERIFY2(db.database->open(url, password), qPrintable(db.database->errorString()));
    QSqlQuery query(db.database->connection());
    QVERIFY(query.exec(u"SELECT attempt, success FROM deliveries WHERE message_id = 'msg_twins' ORDER BY started_at"_s));
    QList<int> attempts;
    while (query.next())
        attempts << query.value(0).toInt();
    QCOMPARE(attempts, (QList<int>{1, 2, 3}));
    QVERIFY(query.exec(u"SELECT attempt FROM deliveries WHERE message_id = '%1'"_s.arg(alone.messageId)) && query.next());
    QCOMPARE(query.value(0).toInt(), 4);  // a message without twins keeps its numbers
    // And the database refuses a new twin.
    QSqlQuery twin(db.database->connection());
    QVERIFY(!twin.exec(u"UPDATE deliveries SET attempt = 1 WHERE message_id = 'msg_twins' AND attempt = 2"_s));
}

QTEST_GUILESS_MAIN(TestDeliveryLog)
#include "tst_deliverylog.moc"
