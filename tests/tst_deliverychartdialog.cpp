// The per-webhook delivery chart: hourly buckets as bars and latency lines, ranges, the empty state, screenshots.
#include "models/storage/backgroundthreads.h"
#include "models/storage/database.h"
#include "models/storage/webhookrepository.h"
#include "testsupport/blockeddeliverylog.h"
#include "testsupport/deliverygenerator.h"
#include "testsupport/testdatabases.h"
#include "testsupport/webhookfixtures.h"
#include "ui/deliverychartdialog.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QLegend>
#include <QLegendMarker>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStackedBarSeries>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 HourMs = 3600 * 1000;

GeneratedAttempt attempt(const Webhook &webhook, qint64 startedAtMs, bool success, std::optional<qint64> durationMs)
{
    static int counter = 0;
    GeneratedAttempt a;
    a.webhookId = webhook.id;
    a.webhookName = webhook.name;
    a.eventId = u"evt_%1"_s.arg(++counter);
    a.messageId = u"msg_%1"_s.arg(counter);
    a.requestBody = "{}";
    a.success = success;
    a.responseStatus = success ? 200 : 503;
    a.responseHeadersJson = u"[]"_s;
    a.error = success ? QString() : u"http-5xx: HTTP 503"_s;
    a.startedAtMs = startedAtMs;
    a.durationMs = durationMs;
    return a;
}

// The dialog reads in the background: true once the read it started last is shown.
bool readDone(DeliveryChartDialog &dialog)
{
    return QTest::qWaitFor([&] { return !dialog.isLoading(); }, 30000);
}

QString screenshotPath(const QString &name)
{
    const QString folder = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(folder);
    return folder + u'/' + name;
}

} // namespace

class TestDeliveryChartDialog : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void bucketsShown();
    void rangesAndCombo();
    void emptyRange();
    void unreadableLog();
    void readsInTheBackgroundAndStopsWhenClosed();
    void retranslates();
    void screenshots();

private:
    Webhook storedWebhook(const QString &name);
    QList<QLineSeries *> lines(QChart *chart, const QString &name);

    OpenTestDatabase m_db;
    // 10:20 UTC: the chart's last bar is 10:00-11:00 and its first 11:00 the day before.
    const QDateTime m_end = QDateTime(QDate(2024, 5, 10), QTime(10, 20), Qt::UTC);
};

void TestDeliveryChartDialog::init()
{
    m_db = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(m_db.ok());
}

void TestDeliveryChartDialog::cleanup()
{
    m_db = {};
}

Webhook TestDeliveryChartDialog::storedWebhook(const QString &name)
{
    Webhook webhook = makeWebhook(name);
    WebhookRepository repository(*m_db.database);
    const Result<void> result = repository.create(webhook);
    if (!result.ok())
        qWarning("cannot store the webhook: %s", qPrintable(result.message()));
    return webhook;
}

QList<QLineSeries *> TestDeliveryChartDialog::lines(QChart *chart, const QString &name)
{
    QList<QLineSeries *> found;
    const QList<QAbstractSeries *> all = chart->series();
    for (QAbstractSeries *series : all) {
        if (auto *line = qobject_cast<QLineSeries *>(series); line && line->name() == name)
            found << line;
    }
    return found;
}

void TestDeliveryChartDialog::bucketsShown()
{
    const Webhook webhook = storedWebhook(u"Cardiology"_s);
    const Webhook other = storedWebhook(u"Radiology"_s);
    const qint64 tenOClock = QDateTime(QDate(2024, 5, 10), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch();
    QList<GeneratedAttempt> rows;
    for (int i = 1; i <= 5; ++i)
        rows << attempt(webhook, tenOClock + i * 60000, true, i * 100);        // 100..500 ms
    rows << attempt(webhook, tenOClock + 10 * 60000, false, 2000);
    rows << attempt(webhook, tenOClock + 11 * 60000, false, 4000);
    for (int i = 0; i < 3; ++i)
        rows << attempt(webhook, tenOClock - 3 * HourMs + i * 60000, true, 50);  // 07:00
    rows << attempt(webhook, tenOClock - 8 * HourMs, false, std::nullopt);      // 02:00, no answer time
    rows << attempt(webhook, tenOClock - 3 * 24 * HourMs, true, 80);           // three days ago
    rows << attempt(other, tenOClock, false, 10);                              // another webhook's
    QString error;
    QVERIFY2(DeliveryGenerator::insert(*m_db.database, rows, &error), qPrintable(error));

    DeliveryChartDialog dialog(*m_db.database, webhook);
    dialog.setEnd(m_end);
    QVERIFY(readDone(dialog));
    QCOMPARE(dialog.range(), DeliveryChartDialog::Range::Last24Hours);
    const QList<DeliveryHourBucket> &buckets = dialog.buckets();
    QCOMPARE(buckets.size(), 24);
    QCOMPARE(buckets.last().hourStartMs, tenOClock);
    QCOMPARE(buckets.first().hourStartMs, tenOClock - 23 * HourMs);
    QCOMPARE(buckets.last().successes, 5);
    QCOMPARE(buckets.last().failures, 2);
    QCOMPARE(buckets.last().latencyP50Ms, std::optional<qint64>(400));
    QCOMPARE(buckets.last().latencyP95Ms, std::optional<qint64>(4000));
    QCOMPARE(buckets.at(20).successes, 3);
    QCOMPARE(buckets.at(15).failures, 1);
    QCOMPARE(buckets.at(15).latencyP50Ms, std::nullopt);

    QVERIFY(dialog.showsChart());
    QVERIFY(dialog.message().isEmpty());
    QChart *chart = dialog.chart();
    QStackedBarSeries *bars = nullptr;
    const QList<QAbstractSeries *> all = chart->series();
    for (QAbstractSeries *series : all) {
        if (auto *stacked = qobject_cast<QStackedBarSeries *>(series))
            bars = stacked;
    }
    QVERIFY(bars);
    QCOMPARE(bars->barSets().size(), 2);
    QBarSet *delivered = bars->barSets().at(0);
    QBarSet *failed = bars->barSets().at(1);
    QCOMPARE(delivered->label(), u"Delivered"_s);
    QCOMPARE(failed->label(), u"Failed"_s);
    QCOMPARE(delivered->count(), 24);
    QCOMPARE(delivered->at(23), 5.0);
    QCOMPARE(failed->at(23), 2.0);
    QCOMPARE(delivered->at(20), 3.0);
    QCOMPARE(failed->at(15), 1.0);
    QCOMPARE(delivered->sum() + failed->sum(), 11.0);

    // Latency: two separate stretches (07:00 and 10:00), each at the middle of its hour; 02:00 has no figure.
    const QList<QLineSeries *> p50 = lines(chart, u"Latency p50"_s);
    const QList<QLineSeries *> p95 = lines(chart, u"Latency p95"_s);
    QCOMPARE(p50.size(), 2);
    QCOMPARE(p95.size(), 2);
    QCOMPARE(p50.at(0)->at(0), QPointF(double(tenOClock - 3 * HourMs + HourMs / 2), 50.0));
    QCOMPARE(p50.at(1)->at(0), QPointF(double(tenOClock + HourMs / 2), 400.0));
    QCOMPARE(p95.at(1)->at(0).y(), 4000.0);
    // The legend names each thing once.
    int visibleMarkers = 0;
    const QList<QLegendMarker *> markers = chart->legend()->markers();
    for (QLegendMarker *marker : markers)
        visibleMarkers += marker->isVisible() ? 1 : 0;
    QCOMPARE(visibleMarkers, 4);
    QVERIFY(chart->title().contains(u"Cardiology"_s));
}

void TestDeliveryChartDialog::rangesAndCombo()
{
    const Webhook webhook = storedWebhook(u"Cardiology"_s);
    const qint64 endMs = m_end.toMSecsSinceEpoch();
    QList<GeneratedAttempt> rows{attempt(webhook, endMs - 3 * 24 * HourMs, true, 80),
                                attempt(webhook, endMs - 20 * 24 * HourMs, false, 90)};
    QString error;
    QVERIFY2(DeliveryGenerator::insert(*m_db.database, rows, &error), qPrintable(error));
    DeliveryChartDialog dialog(*m_db.database, webhook);
    dialog.setEnd(m_end);
    QVERIFY(readDone(dialog));
    QVERIFY(!dialog.showsChart()); // nothing in the last 24 hours

    auto *combo = dialog.findChild<QComboBox *>();
    QVERIFY(combo);
    combo->setCurrentIndex(1);
    QVERIFY(readDone(dialog));
    QCOMPARE(dialog.range(), DeliveryChartDialog::Range::Last7Days);
    QCOMPARE(dialog.buckets().size(), 7 * 24);
    QVERIFY(dialog.showsChart());
    int successes = 0;
    int failures = 0;
    for (const DeliveryHourBucket &bucket : dialog.buckets()) {
        successes += bucket.successes;
        failures += bucket.failures;
    }
    QCOMPARE(successes, 1);
    QCOMPARE(failures, 0);

    dialog.setRange(DeliveryChartDialog::Range::Last30Days);
    QVERIFY(readDone(dialog));
    QCOMPARE(combo->currentIndex(), 2);
    QCOMPARE(dialog.buckets().size(), 30 * 24);
    failures = 0;
    for (const DeliveryHourBucket &bucket : dialog.buckets())
        failures += bucket.failures;
    QCOMPARE(failures, 1);
}

void TestDeliveryChartDialog::emptyRange()
{
    const Webhook webhook = storedWebhook(u"Quiet"_s);
    DeliveryChartDialog dialog(*m_db.database, webhook);
    dialog.setEnd(m_end);
    QVERIFY(readDone(dialog));
    QVERIFY(!dialog.showsChart());
    QCOMPARE(dialog.message(), u"No attempts to deliver to “Quiet” in the last 24 hours."_s);
    dialog.setRange(DeliveryChartDialog::Range::Last30Days);
    QVERIFY(readDone(dialog));
    QCOMPARE(dialog.message(), u"No attempts to deliver to “Quiet” in the last 30 days."_s);
    QCOMPARE(dialog.buckets().size(), 30 * 24);
}

void TestDeliveryChartDialog::unreadableLog()
{
    const Webhook webhook = storedWebhook(u"Cardiology"_s);
    DeliveryChartDialog dialog(*m_db.database, webhook);
    QVERIFY(readDone(dialog));
    QSqlQuery rename(m_db.database->connection());
    QVERIFY(rename.exec(u"ALTER TABLE deliveries RENAME TO deliveries_elsewhere"_s));
    dialog.reload();
    QVERIFY(readDone(dialog));
    QVERIFY(!dialog.showsChart());
    QVERIFY2(dialog.message().contains(u"could not be read"_s), qPrintable(dialog.message()));
}

void TestDeliveryChartDialog::readsInTheBackgroundAndStopsWhenClosed()
{
    const Webhook webhook = storedWebhook(u"Cardiology"_s);
    QTRY_COMPARE_WITH_TIMEOUT(BackgroundThreads::count(), 0, 30000);
    // A read that nothing but a cancellation ends.
    BlockedDeliveryLog blocked;
    QString error;
    QVERIFY2(blocked.block(m_db.storage->url(), &error), qPrintable(error));
    DeliveryChartDialog dialog(*m_db.database, webhook);
    QSignalSpy reloaded(&dialog, &DeliveryChartDialog::reloaded);
    dialog.setRange(DeliveryChartDialog::Range::Last30Days);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // The window answers while the month is read, and says that it is reading.
    QVERIFY(dialog.isLoading());
    auto *busy = dialog.findChild<QProgressBar *>(u"historyBusy"_s);
    QVERIFY(busy);
    QVERIFY(busy->isVisible());
    QCOMPARE(dialog.findChild<QLabel *>(u"historySummary"_s)->text(), u"Reading the delivery history…"_s);
    QVERIFY(!dialog.showsChart());
    QCOMPARE(dialog.message(), u"Reading the delivery history of “Cardiology”…"_s);
    QVERIFY(dialog.grab().save(screenshotPath(u"delivery-chart-reading.png"_s)));
    // The read of the first range, replaced by the month's, was interrupted: only the month's thread is left.
    QTRY_COMPARE_WITH_TIMEOUT(BackgroundThreads::count(), 1, 30000);
    QVERIFY(dialog.isLoading());

    // Closing stops the read; its thread ends although the log is still blocked.
    dialog.close();
    QVERIFY(!dialog.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(BackgroundThreads::count(), 0, 30000);
    QVERIFY(blocked.isHeld());
    QVERIFY(reloaded.isEmpty());
}

void TestDeliveryChartDialog::retranslates()
{
    const Webhook webhook = storedWebhook(u"Cardiology"_s);
    QString error;
    QVERIFY(DeliveryGenerator::insert(*m_db.database, {attempt(webhook, m_end.toMSecsSinceEpoch() - 60000, true, 10)}, &error));
    DeliveryChartDialog dialog(*m_db.database, webhook);
    dialog.setEnd(m_end);
    QVERIFY(readDone(dialog));
    const qsizetype series = dialog.chart()->series().size();
    QEvent change(QEvent::LanguageChange);
    QApplication::sendEvent(&dialog, &change);
    QVERIFY(dialog.showsChart());
    QCOMPARE(dialog.chart()->series().size(), series);
    QCOMPARE(dialog.windowTitle(), u"Delivery history of “Cardiology”"_s);
}

// Realistic data for the pictures: one webhook with bursts of failures and varied latency.
void TestDeliveryChartDialog::screenshots()
{
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*m_db.database, 4, &error);
    QVERIFY2(webhooks, qPrintable(error));
    DeliveryGeneratorOptions options;
    options.attempts = 6000;
    options.days = 8;
    options.end = m_end;
    QVERIFY2(DeliveryGenerator::generate(*m_db.database, *webhooks, options, &error), qPrintable(error));
    Webhook flaky;
    flaky.id = webhooks->at(1).id;     // the generator's flaky one: failures in many hours
    flaky.name = webhooks->at(1).name;

    DeliveryChartDialog dialog(*m_db.database, flaky);
    dialog.setEnd(m_end);
    QVERIFY(readDone(dialog));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.showsChart());
    QVERIFY(dialog.grab().save(screenshotPath(u"delivery-chart.png"_s)));
    dialog.setRange(DeliveryChartDialog::Range::Last7Days);
    QVERIFY(readDone(dialog));
    QVERIFY(dialog.grab().save(screenshotPath(u"delivery-chart-7d.png"_s)));
    dialog.setRange(DeliveryChartDialog::Range::Last30Days);
    QVERIFY(readDone(dialog));
    QVERIFY(dialog.grab().save(screenshotPath(u"delivery-chart-30d.png"_s)));

    Webhook quiet;
    quiet.id = webhooks->last().id;    // never delivered to
    quiet.name = webhooks->last().name;
    DeliveryChartDialog empty(*m_db.database, quiet);
    empty.setEnd(m_end);
    QVERIFY(readDone(empty));
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    QVERIFY(!empty.showsChart());
    QVERIFY(empty.grab().save(screenshotPath(u"delivery-chart-empty.png"_s)));
}

QTEST_MAIN(TestDeliveryChartDialog)
#include "tst_deliverychartdialog.moc"
