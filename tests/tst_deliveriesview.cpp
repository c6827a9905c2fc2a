// The deliveries view driven through its widgets on generated logs: filters, detail, live updates, export, purge, redelivery.
#include "models/storage/consolesettings.h"
#include "models/secrets/signingsecret.h"
#include "models/domain/redaction.h"
#include "models/storage/deliveryrepository.h"
#include "models/storage/dispatchqueue.h"
#include "models/storage/eventoutbox.h"
#include "models/secrets/secretstore.h"
#include "models/storage/webhookrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "network/delivery/retrypolicy.h"
#include "network/transport/standardwebhooks.h"
#include "network/transport/webhooksender.h"
#include "testsupport/testmachine.h"
#include "testsupport/deliverygenerator.h"
#include "testsupport/testhttpsserver.h"
#include "testsupport/testpki.h"
#include "testsupport/webhookfixtures.h"
#include "ui/deliveriesview.h"
#include "ui/deliverydetailpane.h"
#include "ui/deliveryfilterbar.h"
#include "ui/httpmessageview.h"
#include "testsupport/resultchecks.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace {

// Generous for a loaded machine; every wait ends as soon as what it waits for happens.
constexpr int waitMs = 30000;
constexpr qint64 hourMs = 3600 * 1000;

// One row as the brute-force counts see it, read with a plain SELECT of everything.
struct PlainRow
{
    qint64 id = 0;
    QString webhookName;
    QString eventType;
    QString eventId;
    QString trigger;
    std::optional<int> status;
    bool success = false;
    qint64 startedAtMs = 0;
    QString error;
};

QList<PlainRow> allRows(Database &database)
{
    QList<PlainRow> rows;
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT id, webhook_name, event_type, event_id, trigger_kind, response_status, success,"
                    " started_at, error FROM deliveries"_s))
        qWarning("%s", qPrintable(query.lastError().text()));
    while (query.next()) {
        PlainRow row;
        row.id = query.value(0).toLongLong();
        row.webhookName = query.value(1).toString();
        row.eventType = query.value(2).toString();
        row.eventId = query.value(3).toString();
        row.trigger = query.value(4).toString();
        if (!query.value(5).isNull())
            row.status = query.value(5).toInt();
        row.success = query.value(6).toBool();
        row.startedAtMs = query.value(7).toLongLong();
        row.error = query.value(8).toString();
        rows.append(row);
    }
    return rows;
}

// The filter applied to every row in C++, independent of the SQL the log builds.
qint64 bruteForceCount(Database &database, const DeliveryFilter &filter, qint64 nowMs)
{
    qint64 count = 0;
    for (const PlainRow &row : allRows(database)) {
        if (!filter.webhook.isEmpty() && row.webhookName.compare(filter.webhook, Qt::CaseInsensitive) != 0)
            continue;
        if (!filter.eventType.isEmpty() && row.eventType != filter.eventType)
            continue;
        if (filter.result == DeliveryFilter::Result::Success && !row.success)
            continue;
        if (filter.result == DeliveryFilter::Result::Failure && row.success)
            continue;
        const int hundreds = row.status ? *row.status / 100 : 0;
        switch (filter.statusClass) {
        case DeliveryFilter::StatusClass::Any: break;
        case DeliveryFilter::StatusClass::Success2xx: if (hundreds != 2) continue; break;
        case DeliveryFilter::StatusClass::Redirect3xx: if (hundreds != 3) continue; break;
        case DeliveryFilter::StatusClass::ClientError4xx: if (hundreds != 4) continue; break;
        case DeliveryFilter::StatusClass::ServerError5xx: if (hundreds != 5) continue; break;
        case DeliveryFilter::StatusClass::NoResponse: if (row.status) continue; break;
        }
        const auto from = filter.fromMs(nowMs);
        const auto to = filter.toMs(nowMs);
        if ((from && row.startedAtMs < *from) || (to && row.startedAtMs >= *to))
            continue;
        if (filter.trigger != DeliveryFilter::Trigger::Any && row.trigger != DeliveryFilter::triggerKey(filter.trigger))
            continue;
        if (!filter.text.isEmpty() && !row.error.contains(filter.text, Qt::CaseInsensitive)
            && !row.eventId.contains(filter.text, Qt::CaseInsensitive))
            continue;
        ++count;
    }
    return count;
}

// A combo box chosen as a user does: the item, then activated().
void choose(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

QMessageBox *waitForMessageBox(QWidget *parent, const QString &objectName)
{
    QMessageBox *box = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] { return (box = parent->findChild<QMessageBox *>(objectName)) && box->isVisible(); }, waitMs);
    return shown ? box : nullptr;
}

} // namespace

class TestDeliveriesView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void filterControlsProduceTextAndCount_data() { addEngineRows(); }
    void filterControlsProduceTextAndCount();
    void countShowsAnEstimateThenTheExactFigure_data() { addEngineRows(); }
    void countShowsAnEstimateThenTheExactFigure();
    void filterTextUpdatesControls();
    void searchWaitsForAPauseInTyping();
    void filterMatchingNothingShowsEmptyState();
    void detailPaneWithRedactedHeadersAndTimeline();
    void timelineEndsWithWhatTheOutboxDoesNext_data() { addEngineRows(); }
    void timelineEndsWithWhatTheOutboxDoesNext();
    void liveUpdateShowsNewAttemptAtTheTop_data() { addEngineRows(); }
    void liveUpdateShowsNewAttemptAtTheTop();
    void listenerSubscribesAgainAfterReconnect();
    void recordedAttemptCompletesItsListedRow();
    void exportWritesTheFilteredRows_data();
    void exportWritesTheFilteredRows();
    void exportCancelLeavesNoFile();
    void purgeRemovesOldRowsWithAudit_data() { addEngineRows(); }
    void purgeRemovesOldRowsWithAudit();
    void purgeCancel();
    void redeliverOneAgainstLoopbackReceiver();
    void redeliverAllFailedAfterConfirmation();
    void recordedErrorsReadInTheReadersLanguage();
    void screenshotWithDetailPane();

private:
    void openDatabase(DatabaseUrl::Engine engine);
    bool fill(qint64 attempts, int days = 10);
    std::unique_ptr<DeliveriesView> makeView(DeliveriesView::Options options = {});
    bool waitUntilCounted(DeliveriesView &view);
    QString storedWebhookWithReceiver(const QString &name, const QUrl &url, QString *secret);
    qint64 insertAttempt(const GeneratedAttempt &attempt);
    GeneratedAttempt failedAttempt(const QString &webhookId, const QString &webhookName, const QString &eventId,
                                   qint64 startedAtMs, int attempt);

    TestPki m_pki;
    TestCertificate m_localhost;
    QTemporaryDir m_folder;
    QString m_caBundle;

    OpenTestDatabase m_db;
    QList<GeneratedWebhook> m_webhooks;
    std::unique_ptr<QSettings> m_settingsStore;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<WebhookRepository> m_repository;
    std::unique_ptr<TestCredentialStore> m_keychain;
    std::unique_ptr<WebhookSecrets> m_secrets;
    std::unique_ptr<DeliveryRepository> m_deliveries;
    std::unique_ptr<WebhookSender> m_sender;
    QStringList m_keychainWebhooks;
    qint64 m_nowMs = 0;
};

void TestDeliveriesView::initTestCase()
{
    // Counts are checked as a user reads them, with group separators.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_pki.isValid());
    m_localhost = m_pki.issue(u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s});
    m_caBundle = m_folder.filePath(u"hospital-ca.pem"_s);
    QVERIFY(m_pki.writeCaBundle(m_caBundle));
}

void TestDeliveriesView::init()
{
    const QByteArray function = QTest::currentTestFunction();
    const bool postgres = QTest::currentDataTag() == QByteArray("postgresql")
                          || function == "listenerSubscribesAgainAfterReconnect";
    openDatabase(postgres ? DatabaseUrl::Engine::PostgreSQL : DatabaseUrl::Engine::SQLite);
}

void TestDeliveriesView::openDatabase(DatabaseUrl::Engine engine)
{
    m_db = openTestDatabase(engine);
    QVERIFY(m_db.ok());
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(*m_db.database, 6, &error);
    QVERIFY2(webhooks, qPrintable(error));
    m_webhooks = *webhooks;
    m_settingsStore = std::make_unique<QSettings>(m_folder.filePath(u"settings-%1.ini"_s.arg(QLatin1String(QTest::currentTestFunction()))),
                                                  QSettings::IniFormat);
    m_settingsStore->clear();
    m_settings = std::make_unique<ConsoleSettings>(m_settingsStore.get());
    m_repository = std::make_unique<WebhookRepository>(*m_db.database);
    m_keychain = std::make_unique<TestCredentialStore>(*m_db.database);
    m_secrets = std::make_unique<WebhookSecrets>(*m_keychain, *m_repository);
    m_deliveries = std::make_unique<DeliveryRepository>(*m_db.database);
    m_sender = std::make_unique<WebhookSender>();
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
}

void TestDeliveriesView::cleanup()
{
    for (const QString &id : std::as_const(m_keychainWebhooks)) {
        (void)m_keychain->removeAndWait(WebhookSecrets::signingKey(id));
        (void)m_keychain->removeAndWait(WebhookSecrets::previousSigningKey(id));
    }
    m_keychainWebhooks.clear();
    m_sender.reset();
    m_deliveries.reset();
    m_secrets.reset();
    m_keychain.reset();
    m_repository.reset();
    m_settings.reset();
    m_settingsStore.reset();
    m_db = {};
}

bool TestDeliveriesView::fill(qint64 attempts, int days)
{
    DeliveryGeneratorOptions options;
    options.attempts = attempts;
    options.days = days;
    options.end = QDateTime::fromMSecsSinceEpoch(m_nowMs - 60000, Qt::UTC);
    QString error;
    if (!DeliveryGenerator::generate(*m_db.database, m_webhooks, options, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    // No attempt near the edges of "last hour", "last 24 h" and "last 7 days": the brute force and the view
    // take "now" a few moments apart, and must still agree.
    QSqlQuery query(m_db.database->connection());
    for (const qint64 edge : {hourMs, 24 * hourMs, 7 * 24 * hourMs}) {
        query.prepare(u"DELETE FROM deliveries WHERE started_at BETWEEN ? AND ?"_s);
        query.addBindValue(m_nowMs - edge - 5 * 60000);
        query.addBindValue(m_nowMs - edge + 5 * 60000);
        if (!query.exec()) {
            qWarning("%s", qPrintable(query.lastError().text()));
            return false;
        }
    }
    return true;
}

std::unique_ptr<DeliveriesView> TestDeliveriesView::makeView(DeliveriesView::Options options)
{
    options.model.blockSize = 100;
    const TestSendServices services{*m_repository, *m_secrets, *m_keychain, DatabaseWorker(m_db.database->url(), m_db.database->password()), *m_sender};
    auto view = std::make_unique<DeliveriesView>(m_db.storage->url(), QString(), *m_db.database, services,
                                                 *m_settings, options);
    view->resize(1400, 900);
    return view;
}

bool TestDeliveriesView::waitUntilCounted(DeliveriesView &view)
{
    return QTest::qWaitFor([&] {
        return view.model()->state() == DeliveryTableModel::State::Ready && view.model()->isCountKnown();
    }, waitMs);
}

qint64 TestDeliveriesView::insertAttempt(const GeneratedAttempt &attempt)
{
    QString error;
    if (!DeliveryGenerator::insert(*m_db.database, {attempt}, &error)) {
        qWarning("%s", qPrintable(error));
        return 0;
    }
    QSqlQuery query(m_db.database->connection());
    return query.exec(u"SELECT MAX(id) FROM deliveries"_s) && query.next() ? query.value(0).toLongLong() : 0;
}

GeneratedAttempt TestDeliveriesView::failedAttempt(const QString &webhookId, const QString &webhookName,
                                                   const QString &eventId, qint64 startedAtMs, int attempt)
{
    GeneratedAttempt a;
    a.webhookId = webhookId;
    a.webhookName = webhookName;
    a.eventType = u"report.completed"_s;
    a.eventId = eventId;
    a.messageId = u"msg_"_s + eventId;
    a.attempt = attempt;
    a.requestHeadersJson = u"[[\"Content-Type\",\"application/json\"],[\"webhook-id\",\"msg_%1\"],"
                           "[\"webhook-timestamp\",\"%2\"],[\"webhook-signature\",\"v1,SECRETSIGNATUREVALUE\"],"
                           "[\"Authorization\",\"Bearer SECRETTOKENVALUE\"]]"_s.arg(eventId).arg(startedAtMs / 1000);
    a.requestBody = u"{\"type\":\"report.completed\",\"data\":{\"id\":\"%1\",\"clinic\":\"Cardiology North\","
                    "\"report\":\"Holter 24 h\",\"status\":\"completed\"}}"_s.arg(eventId).toUtf8();
    a.responseStatus = 503;
    a.responseHeadersJson = u"[[\"Content-Type\",\"application/json\"],[\"Retry-After\",\"120\"],"
                            "[\"Set-Cookie\",\"session=SECRETCOOKIE\"]]"_s;
    a.responseBody = "{\"error\":\"maintenance\",\"detail\":\"The receiver is being upgraded.\"}";
    a.responseSize = a.responseBody.size();
    a.error = u"http-5xx: HTTP 503 Service Unavailable"_s;
    a.success = false;
    a.startedAtMs = startedAtMs;
    a.durationMs = 231;
    a.finishedAtMs = startedAtMs + 231;
    return a;
}

QString TestDeliveriesView::storedWebhookWithReceiver(const QString &name, const QUrl &url, QString *secret)
{
    Webhook webhook = makeWebhook(name);
    webhook.url = url;
    webhook.allowLoopbackHttp = true;
    webhook.caFile = m_caBundle;
    webhook.timeoutSeconds = 30;
    webhook.events = {u"report.completed"_s};
    if (!m_repository->create(webhook).ok())
        return {};
    m_keychainWebhooks.append(webhook.id);
    *secret = SigningSecret::generate();
    if (!m_secrets->setAndWait(webhook, *secret).ok())
        return {};
    return webhook.id;
}

void TestDeliveriesView::filterControlsProduceTextAndCount()
{
    QVERIFY(fill(3000));
    auto view = makeView();
    view->show();
    QVERIFY(waitUntilCounted(*view));
    const qint64 all = bruteForceCount(*m_db.database, {}, m_nowMs);
    QCOMPARE(qint64(view->model()->rowCount()), all);
    QVERIFY2(view->countLabel()->text().startsWith(QLocale().toString(all) + u" attempt"_s),
             qPrintable(view->countLabel()->text()));
    QVERIFY(view->countLabel()->text().contains(u','));

    DeliveryFilterBar *bar = view->filterBar();
    QCOMPARE(bar->webhookCombo()->count(), 1 + m_webhooks.size());
    choose(bar->webhookCombo(), u"Webhook 02"_s);
    choose(bar->resultCombo(), u"failure"_s);
    choose(bar->timeRangeCombo(), u"7d"_s);
    choose(bar->triggerCombo(), u"event"_s);

    DeliveryFilter expected;
    expected.webhook = u"Webhook 02"_s;
    expected.result = DeliveryFilter::Result::Failure;
    expected.timeRange = DeliveryFilter::TimeRange::Last7Days;
    expected.trigger = DeliveryFilter::Trigger::Event;
    QCOMPARE(view->filter(), expected);
    QCOMPARE(bar->filterTextEdit()->text(), u"webhook=Webhook 02&result=failure&since=7d&trigger=event"_s);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->isCountKnown() && view->model()->filter() == expected, waitMs);
    QVERIFY(waitUntilCounted(*view));
    const qint64 failures = bruteForceCount(*m_db.database, expected, m_nowMs);
    QVERIFY(failures > 0);
    QCOMPARE(qint64(view->model()->rowCount()), failures);
    QVERIFY(view->countLabel()->text().startsWith(QLocale().toString(failures) + u" attempt"_s));

    // Status class and event type narrow further; "any" widens again.
    choose(bar->statusCombo(), u"5xx"_s);
    choose(bar->eventTypeCombo(), u"battery.low"_s);
    choose(bar->resultCombo(), u"any"_s);
    expected.statusClass = DeliveryFilter::StatusClass::ServerError5xx;
    expected.eventType = u"battery.low"_s;
    expected.result = DeliveryFilter::Result::Any;
    QCOMPARE(view->filter(), expected);
    QCOMPARE(bar->filterTextEdit()->text(), expected.toText());
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->filter() == expected, waitMs);
    QVERIFY(waitUntilCounted(*view));
    QCOMPARE(qint64(view->model()->rowCount()), bruteForceCount(*m_db.database, expected, m_nowMs));

    // A custom range from the date edits, in local time; the filter keeps it in UTC.
    choose(bar->statusCombo(), u"any"_s);
    choose(bar->eventTypeCombo(), QString());
    choose(bar->timeRangeCombo(), u"custom"_s);
    QVERIFY(bar->fromEdit()->isVisibleTo(bar));
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(m_nowMs - 3 * 24 * hourMs).toLocalTime();
    const QDateTime fromMinute(from.date(), QTime(from.time().hour(), from.time().minute()));
    const QDateTime toMinute = fromMinute.addDays(2);
    bar->fromEdit()->setDateTime(fromMinute);
    bar->toEdit()->setDateTime(toMinute);
    expected.statusClass = DeliveryFilter::StatusClass::Any;
    expected.eventType.clear();
    expected.timeRange = DeliveryFilter::TimeRange::Custom;
    expected.customFrom = fromMinute.toUTC();
    expected.customTo = toMinute.toUTC();
    QCOMPARE(view->filter(), expected);
    QVERIFY2(bar->filterTextEdit()->text().contains(u"from="_s) && bar->filterTextEdit()->text().contains(u"&to="_s),
             qPrintable(bar->filterTextEdit()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->filter() == expected, waitMs);
    QVERIFY(waitUntilCounted(*view));
    QCOMPARE(qint64(view->model()->rowCount()), bruteForceCount(*m_db.database, expected, m_nowMs));

    // A range that ends before it starts is not applied.
    bar->toEdit()->setDateTime(fromMinute.addSecs(-3600));
    QVERIFY(bar->filterErrorLabel()->isVisibleTo(bar));
    QCOMPARE(view->filter(), expected);
}

void TestDeliveriesView::countShowsAnEstimateThenTheExactFigure()
{
    QVERIFY(fill(3000));
    if (m_db.storage->url().engine() == DatabaseUrl::Engine::PostgreSQL) {
        QSqlQuery analyze(m_db.database->connection());
        QVERIFY(analyze.exec(u"ANALYZE deliveries"_s));  // the statistics autovacuum keeps in a database in use
    }
    auto view = makeView();
    // Read as the label is set: the view's own slots run first, they were connected when it was built.
    QString whileCounting;
    QString tipWhileCounting;
    QStringList order;
    connect(view->model(), &DeliveryTableModel::rowCountEstimated, this, [&] {
        order << u"estimate"_s;
        whileCounting = view->countLabel()->text();
        tipWhileCounting = view->countLabel()->toolTip();
    });
    connect(view->model(), &DeliveryTableModel::rowCountKnown, this, [&] { order << u"count"_s; });
    view->show();
    QVERIFY(waitUntilCounted(*view));
    QCOMPARE(order, (QStringList{u"estimate"_s, u"count"_s}));
    QVERIFY2(whileCounting.startsWith(u"about "_s) && whileCounting.endsWith(u", counting…"_s),
             qPrintable(whileCounting));
    QVERIFY(!tipWhileCounting.isEmpty());
    const qint64 estimate = QLocale().toLongLong(whileCounting.section(u' ', 1, 1));
    const qint64 all = bruteForceCount(*m_db.database, {}, m_nowMs);
    QVERIFY2(estimate > all / 2 && estimate < all * 2, qPrintable(whileCounting));
    // The exact figure replaces it, and says so no longer.
    QVERIFY2(view->countLabel()->text().startsWith(QLocale().toString(all) + u" attempt"_s),
             qPrintable(view->countLabel()->text()));
    QVERIFY(view->countLabel()->toolTip().isEmpty());
}

void TestDeliveriesView::filterTextUpdatesControls()
{
    auto view = makeView();
    view->show();
    DeliveryFilterBar *bar = view->filterBar();
    QLineEdit *text = bar->filterTextEdit();

    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, u"webhook=Webhook%2003&event=battery.low&result=success&status=2xx&since=24h&trigger=test&q=abc"_s);
    QTest::keyClick(text, Qt::Key_Return);
    QCOMPARE(bar->webhookCombo()->currentData().toString(), u"Webhook 03"_s);
    QCOMPARE(bar->eventTypeCombo()->currentData().toString(), u"battery.low"_s);
    QCOMPARE(bar->resultCombo()->currentData().toString(), u"success"_s);
    QCOMPARE(bar->statusCombo()->currentData().toString(), u"2xx"_s);
    QCOMPARE(bar->timeRangeCombo()->currentData().toString(), u"24h"_s);
    QCOMPARE(bar->triggerCombo()->currentData().toString(), u"test"_s);
    QCOMPARE(bar->searchEdit()->text(), u"abc"_s);
    QVERIFY(!bar->fromEdit()->isVisibleTo(bar));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->filter().webhook, u"Webhook 03"_s, waitMs);

    // A custom range shows in the date edits in local time; an open end shows as "open".
    text->selectAll();
    QTest::keyClicks(text, u"from=2024-05-01T08:00:00Z"_s);
    QTest::keyClick(text, Qt::Key_Return);
    QCOMPARE(bar->timeRangeCombo()->currentData().toString(), u"custom"_s);
    QVERIFY(bar->fromEdit()->isVisibleTo(bar));
    QCOMPARE(bar->fromEdit()->dateTime().toUTC(), QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC));
    QCOMPARE(bar->toEdit()->text(), u"open"_s);
    QCOMPARE(bar->webhookCombo()->currentIndex(), 0);
    QVERIFY(bar->searchEdit()->text().isEmpty());

    // A webhook the list does not have (deleted, or typed by id) is shown as given.
    QVERIFY(bar->applyFilterText(u"webhook=Old%20Lab%20System"_s));
    QCOMPARE(bar->webhookCombo()->currentText(), u"Old Lab System"_s);

    // Mistakes are named, and the filter stays as it was.
    const DeliveryFilter before = view->filter();
    text->selectAll();
    QTest::keyClicks(text, u"result=maybe"_s);
    QTest::keyClick(text, Qt::Key_Return);
    QVERIFY(bar->filterErrorLabel()->isVisibleTo(bar));
    QVERIFY2(bar->filterErrorLabel()->text().contains(u"“maybe” is not a result"_s),
             qPrintable(bar->filterErrorLabel()->text()));
    QCOMPARE(view->filter(), before);
    QVERIFY(!bar->applyFilterText(u"colour=red"_s));
    QVERIFY(bar->filterErrorLabel()->text().contains(u"Unknown filter key “colour”"_s));
    QVERIFY(!bar->applyFilterText(u"from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z"_s));
    QVERIFY(bar->filterErrorLabel()->text().contains(u"ends"_s));
    QCOMPARE(view->filter(), before);

    // A good filter clears the error; Clear empties everything.
    QVERIFY(bar->applyFilterText(u"?result=failure"_s));
    QVERIFY(!bar->filterErrorLabel()->isVisibleTo(bar));
    QCOMPARE(bar->resultCombo()->currentData().toString(), u"failure"_s);
    QTest::mouseClick(bar->clearButton(), Qt::LeftButton);
    QVERIFY(view->filter().isEmpty());
    QVERIFY(text->text().isEmpty());
}

void TestDeliveriesView::searchWaitsForAPauseInTyping()
{
    DeliveriesView::Options options;
    options.searchDelayMs = 200;
    auto view = makeView(options);
    view->show();
    DeliveryFilterBar *bar = view->filterBar();
    QSignalSpy changed(bar, &DeliveryFilterBar::filterChanged);
    bar->searchEdit()->setFocus();
    QTest::keyClicks(bar->searchEdit(), u"timeout"_s);
    // Typing alone filters nothing: one filter when the typing pauses, not one per key.
    QCOMPARE(changed.count(), 0);
    QVERIFY(changed.wait(waitMs));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(view->filter().text, u"timeout"_s);
    QCOMPARE(bar->filterTextEdit()->text(), u"q=timeout"_s);
}

void TestDeliveriesView::filterMatchingNothingShowsEmptyState()
{
    auto view = makeView();
    view->show();
    // An empty log says so.
    QTRY_VERIFY_WITH_TIMEOUT(view->isEmptyStateShown(), waitMs);
    QVERIFY(view->emptyLabel()->text().contains(u"No deliveries have been recorded yet"_s));

    QVERIFY(fill(500));
    view->reload();
    QTRY_VERIFY_WITH_TIMEOUT(!view->isEmptyStateShown() && view->model()->rowCount() > 0, waitMs);
    QVERIFY(view->filterBar()->applyFilterText(u"q=no-such-event-anywhere"_s));
    QTRY_VERIFY_WITH_TIMEOUT(view->isEmptyStateShown(), waitMs);
    QVERIFY2(view->emptyLabel()->text().contains(u"No attempts match this filter"_s),
             qPrintable(view->emptyLabel()->text()));
    QVERIFY(view->countLabel()->text().startsWith(u"0 attempt"_s));
    auto *clear = view->findChild<QPushButton *>(u"emptyClearButton"_s);
    QVERIFY(clear && clear->isVisibleTo(view.get()));
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isEmptyStateShown() && view->model()->isCountKnown(), waitMs);
    QCOMPARE(qint64(view->model()->rowCount()), bruteForceCount(*m_db.database, {}, m_nowMs));
}

void TestDeliveriesView::detailPaneWithRedactedHeadersAndTimeline()
{
    QVERIFY(fill(400));
    const GeneratedWebhook &hook = m_webhooks.at(1);
    GeneratedAttempt first = failedAttempt(hook.id, hook.name, u"evt_timeline"_s, m_nowMs - 50 * 60000, 1);
    GeneratedAttempt second = failedAttempt(hook.id, hook.name, u"evt_timeline"_s, m_nowMs - 49 * 60000, 2);
    second.responseStatus.reset();
    second.responseHeadersJson.clear();
    second.responseBody.clear();
    second.responseSize.reset();
    second.error = u"tls: certificate verify failed"_s;
    GeneratedAttempt third = failedAttempt(hook.id, hook.name, u"evt_timeline"_s, m_nowMs - 45 * 60000, 3);
    third.success = true;
    third.responseStatus = 200;
    third.error.clear();
    third.responseBody = "{\"received\":true}";
    const qint64 firstId = insertAttempt(first);
    const qint64 secondId = insertAttempt(second);
    const qint64 thirdId = insertAttempt(third);
    QVERIFY(firstId && secondId && thirdId);

    auto view = makeView();
    view->show();
    QVERIFY(view->filterBar()->applyFilterText(u"q=evt_timeline&result=failure"_s));
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->filter().text == u"evt_timeline" && view->model()->isCountKnown()
                                 && view->model()->rowCount() == 2 && view->model()->isRowLoaded(1),
                             waitMs);
    QSignalSpy shown(view.get(), &DeliveriesView::detailShown);
    // Newest first: the TLS failure, then the 503.
    view->tableView()->selectRow(1);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.at(0).at(0).toLongLong(), firstId);
    QCOMPARE(view->selectedId(), firstId);

    DeliveryDetailPane *pane = view->detailPane();
    QCOMPARE(pane->shownId(), firstId);
    const QString requestHeaders = pane->requestView()->headersView()->toPlainText();
    QVERIFY2(requestHeaders.contains(u"webhook-signature: "_s + Redaction::mask()), qPrintable(requestHeaders));
    QVERIFY(requestHeaders.contains(u"Authorization: Bearer "_s + Redaction::mask()));
    QVERIFY(!requestHeaders.contains(u"SECRET"_s));
    QVERIFY(requestHeaders.contains(u"webhook-id: msg_evt_timeline"_s));
    QVERIFY(!pane->responseView()->headersView()->toPlainText().contains(u"SECRET"_s));
    QVERIFY(pane->responseView()->headersView()->toPlainText().contains(u"Retry-After: 120"_s));
    // The body as it would be read: indented JSON.
    QVERIFY(pane->requestView()->bodyView()->toPlainText().contains(u"\n  \"data\": {\n    \"id\""_s));
    QVERIFY(pane->requestView()->summaryLabel()->text().startsWith(u"POST https://receiver.hospital.example"_s));
    QCOMPARE(pane->responseView()->summaryLabel()->text(), u"HTTP 503"_s);
    QCOMPARE(pane->outcomeLabel()->text(), u"Failed: Receiver error (HTTP 503)"_s);
    // People read the error, not the log's machine key; what was recorded is there too.
    QVERIFY2(pane->diagnosisLabel()->text().contains(u"temporarily unavailable"_s),
             qPrintable(pane->diagnosisLabel()->text()));
    QVERIFY2(pane->diagnosisLabel()->text().endsWith(u"Recorded: HTTP 503 Service Unavailable"_s),
             qPrintable(pane->diagnosisLabel()->text()));
    QVERIFY(!pane->diagnosisLabel()->text().contains(u"http-5xx"_s));
    QVERIFY(pane->timingLabel()->text().contains(u"231 ms"_s));
    QVERIFY(pane->timingLabel()->text().contains(u"msg_evt_timeline"_s));

    // The timeline has all three attempts, oldest first, also the one the filter hides.
    QTreeWidget *timeline = pane->timelineView();
    QCOMPARE(timeline->topLevelItemCount(), 3);
    QVERIFY(timeline->topLevelItem(0)->font(0).bold());
    QCOMPARE(timeline->topLevelItem(1)->text(2), u"no response"_s);
    QCOMPARE(timeline->topLevelItem(2)->text(3), u"Success"_s);

    // Clicking an attempt of the timeline selects it in the table.
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                      timeline->visualItemRect(timeline->topLevelItem(1)).center());
    QTRY_COMPARE_WITH_TIMEOUT(view->selectedId(), std::optional<qint64>(secondId), waitMs);
    QCOMPARE(pane->shownId(), secondId);
    QVERIFY(pane->diagnosisLabel()->text().contains(u"certificate"_s));
    QVERIFY(pane->responseView()->summaryLabel()->text().contains(u"No answer came"_s));

    // The successful one is not in this filter: shown, but nothing selected, and the pane says why.
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                      timeline->visualItemRect(timeline->topLevelItem(2)).center());
    QTRY_COMPARE_WITH_TIMEOUT(pane->shownId(), std::optional<qint64>(thirdId), waitMs);
    QVERIFY(!view->selectedId());
    QVERIFY(pane->noteLabel()->isVisibleTo(pane));
    QVERIFY(pane->noteLabel()->text().contains(u"not in the current filter"_s));
    QVERIFY(!pane->diagnosisLabel()->isVisibleTo(pane));
}

void TestDeliveriesView::timelineEndsWithWhatTheOutboxDoesNext()
{
    Webhook webhook = makeWebhook(u"Ward outbox"_s);
    webhook.events = {u"battery.critical"_s};
    QVERIFY_OK(m_repository->create(webhook));
    Event event = EventSamples::sample(u"battery.critical"_s);
    event.id = u"evt_outbox_timeline"_s;
    QVERIFY_OK(EventOutbox(*m_db.database).add(event));
    DispatchQueue queue(*m_db.database);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto claimed = queue.claim(u"test-host:1"_s, 10, now, 10000);
    QVERIFY_OK(claimed);
    QCOMPARE(claimed->size(), 1);
    // The first attempt failed; the policy scheduled the second for later.
    GeneratedAttempt attempt = failedAttempt(webhook.id, webhook.name, event.id, now.toMSecsSinceEpoch() - 1000, 1);
    attempt.messageId = claimed->first().messageId;
    attempt.eventType = event.type;
    const qint64 attemptId = insertAttempt(attempt);
    QVERIFY(attemptId);
    DeliverySettlement retry;
    retry.state = DeliverySettlement::State::RetryAt;
    retry.nextAttemptAt = now.addSecs(300);
    retry.lastError = u"retry: http-5xx: HTTP 503 Service Unavailable"_s;
    QVERIFY_OK(queue.settle(claimed->first(), u"test-host:1"_s, retry));

    auto view = makeView();
    view->show();
    QVERIFY(view->filterBar()->applyFilterText(u"q=evt_outbox_timeline"_s));
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->isCountKnown() && view->model()->rowCount() == 1
                                 && view->model()->isRowLoaded(0),
                             waitMs);
    view->tableView()->selectRow(0);
    QTreeWidget *timeline = view->detailPane()->timelineView();
    QCOMPARE(timeline->topLevelItemCount(), 2);
    QTreeWidgetItem *next = timeline->topLevelItem(1);
    QCOMPARE(next->text(0), u"%1 · #2 of %2 · Retry scheduled"_s.arg(
                                retry.nextAttemptAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s))
                                .arg(RetrySchedule().maxAttempts()));
    QVERIFY(next->isFirstColumnSpanned());
    QVERIFY(next->toolTip(0).contains(u"HTTP 503"_s));
    QVERIFY(next->font(0).italic());
    view->resize(1024, 700);
    QCoreApplication::processEvents();
    const QString folder = QDir(QCoreApplication::applicationDirPath()).filePath(u"screenshots"_s);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(view->grab().save(folder + u"/deliveries-timeline-next-attempt.png"_s));
    // Not an attempt: choosing it shows nothing else.
    QSignalSpy activated(view->detailPane(), &DeliveryDetailPane::attemptActivated);
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, timeline->visualItemRect(next).center());
    QTest::qWait(50);
    QCOMPARE(activated.count(), 0);
    QCOMPARE(view->detailPane()->shownId(), attemptId);

    // Given up on (retries cancelled from the delivery queue): the timeline says so, and that it can be replayed.
    QVERIFY_OK(queue.cancelRetries(webhook.id, u"cancelled by a person"_s, now));
    view->detailPane()->clear();
    view->showAttempt(attemptId, attempt.startedAtMs);
    QCOMPARE(timeline->topLevelItemCount(), 2);
    QVERIFY2(timeline->topLevelItem(1)->text(0).startsWith(u"Given up after 1 attempt"_s),
             qPrintable(timeline->topLevelItem(1)->text(0)));
}

void TestDeliveriesView::liveUpdateShowsNewAttemptAtTheTop()
{
    const bool postgres = currentEngine() == DatabaseUrl::Engine::PostgreSQL;
    QVERIFY(fill(600));
    DeliveriesView::Options options;
    // On PostgreSQL the poll would come far too late to explain the update: only the notification can.
    options.pollIntervalMs = postgres ? 10 * 60 * 1000 : 200;
    auto view = makeView(options);
    view->show();
    QSignalSpy notified(view.get(), &DeliveriesView::liveNotification);
    QVERIFY(waitUntilCounted(*view));
    if (postgres)
        QTRY_VERIFY_WITH_TIMEOUT(view->isListening(), waitMs);
    QVERIFY(view->model()->isRowLoaded(0));
    const int before = view->model()->rowCount();
    QVERIFY(!view->liveLabel()->text().isEmpty());

    const GeneratedWebhook &hook = m_webhooks.at(0);
    const qint64 id = insertAttempt(failedAttempt(hook.id, hook.name, u"evt_live"_s, QDateTime::currentMSecsSinceEpoch(), 1));
    QVERIFY(id);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowAt(0) && view->model()->rowAt(0)->id == id, waitMs);
    QCOMPARE(view->model()->rowCount(), before + 1);
    QVERIFY(view->countLabel()->text().startsWith(QLocale().toString(before + 1) + u" attempt"_s));
    if (postgres)
        QVERIFY(notified.count() >= 1);
    else
        QCOMPARE(notified.count(), 0);
}

void TestDeliveriesView::listenerSubscribesAgainAfterReconnect()
{
    QVERIFY(fill(200));
    DeliveriesView::Options options;
    options.pollIntervalMs = 10 * 60 * 1000;
    options.listener.checkIntervalMs = 100;
    options.listener.firstRetryDelayMs = 100;
    auto view = makeView(options);
    view->show();
    QVERIFY(waitUntilCounted(*view));
    QTRY_VERIFY_WITH_TIMEOUT(view->isListening(), waitMs);
    const qint64 firstPid = view->listener()->backendPid();
    QVERIFY(firstPid > 0);

    // The server ends the listening connection, as a restart or a network failure would.
    QSignalSpy listening(view->listener(), &DeliveryListener::listeningChanged);
    QSqlQuery kill(m_db.database->connection());
    QVERIFY(kill.exec(u"SELECT pg_terminate_backend(%1)"_s.arg(firstPid)));
    QTRY_VERIFY_WITH_TIMEOUT(!listening.isEmpty() && !listening.first().at(0).toBool(), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(view->isListening(), waitMs);
    QVERIFY(view->listener()->backendPid() != firstPid);
    QVERIFY(view->liveLabel()->text().contains(u"database reports"_s));

    QSignalSpy notified(view.get(), &DeliveriesView::liveNotification);
    const GeneratedWebhook &hook = m_webhooks.at(0);
    const qint64 id = insertAttempt(failedAttempt(hook.id, hook.name, u"evt_after_reconnect"_s,
                                                  QDateTime::currentMSecsSinceEpoch(), 1));
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowAt(0) && view->model()->rowAt(0)->id == id, waitMs);
    QVERIFY(notified.count() >= 1);
}

void TestDeliveriesView::recordedAttemptCompletesItsListedRow()
{
    QVERIFY(fill(300));
    // As the pipeline does: recorded unfinished before the request leaves, completed with the answer.
    DeliveryRecord record = makeUnfinishedRecord(m_webhooks.at(0), u"evt_test_send"_s, QDateTime::currentDateTimeUtc());
    QVERIFY_OK(m_deliveries->record(record));
    DeliveriesView::Options options;
    options.pollIntervalMs = 0;  // nothing but the announcement can explain the update
    auto view = makeView(options);
    view->show();
    QVERIFY(waitUntilCounted(*view));
    QTableView *table = view->tableView();
    const QModelIndex errorCell = table->model()->index(0, DeliveryTableModel::ErrorColumn);
    QCOMPARE(table->model()->data(errorCell).toString(), u"No outcome recorded"_s);

    record.error = u"http-5xx: HTTP 503 Service Unavailable"_s;
    record.responseStatus = 503;
    record.finishedAt = record.startedAt.addMSecs(80);
    record.durationMs = 80;
    QVERIFY_OK(m_deliveries->complete(record));
    QSignalSpy completed(view->model(), &DeliveryTableModel::rowsCompleted);
    m_repository->noteAttemptRecorded(record);  // what the test-send dialog and redelivery do after each send
    QVERIFY(completed.wait(waitMs));
    QCOMPARE(table->model()->data(table->model()->index(0, DeliveryTableModel::StatusColumn)).toInt(), 503);
    QVERIFY2(table->model()->data(errorCell).toString() != u"No outcome recorded"_s,
             qPrintable(table->model()->data(errorCell).toString()));
}

void TestDeliveriesView::exportWritesTheFilteredRows_data()
{
    QTest::addColumn<bool>("jsonLines");
    QTest::newRow("csv") << false;
    QTest::newRow("jsonl") << true;
}

void TestDeliveriesView::exportWritesTheFilteredRows()
{
    QFETCH(bool, jsonLines);
    QVERIFY(fill(1500));
    DeliveriesView::Options options;
    options.exportPageSize = 10;
    auto view = makeView(options);
    view->show();
    DeliveryFilter filter;
    filter.webhook = u"Webhook 02"_s;
    filter.result = DeliveryFilter::Result::Failure;
    view->setFilter(filter);
    const qint64 expected = bruteForceCount(*m_db.database, filter, m_nowMs);
    QVERIFY(expected > 20);

    QSignalSpy finished(view.get(), &DeliveriesView::exportFinished);
    QSignalSpy task(view.get(), &DeliveriesView::taskChanged);
    const QString path = m_folder.filePath(jsonLines ? u"export.jsonl"_s : u"export.csv"_s);
    QVERIFY(view->exportTo(path, jsonLines ? DeliveryLog::ExportFormat::JsonLines : DeliveryLog::ExportFormat::Csv));
    QCOMPARE(view->runningTask(), DeliveriesView::Task::Export);
    QVERIFY(view->taskPanel()->isVisibleTo(view.get()));
    QVERIFY(!view->exportAction()->isEnabled());
    QVERIFY(!view->purgeOlderThan(5));  // one task at a time
    QVERIFY(finished.wait(waitMs));
    const auto result = resultArgument<DeliveryLog::ExportSummary>(finished.first().first());
    QVERIFY_OK(result);
    QCOMPARE(result->rows, expected);
    QCOMPARE(view->runningTask(), DeliveriesView::Task::None);
    QVERIFY(!view->taskPanel()->isVisibleTo(view.get()));
    QVERIFY(view->messageLabel()->text().startsWith(u"Exported %1 attempt"_s.arg(QLocale().toString(expected))));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(!content.contains("Bearer tok_"));  // the generator's Authorization values
    QList<QByteArray> lines = content.split('\n');
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    if (jsonLines) {
        QCOMPARE(qint64(lines.size()), expected);
        for (const QByteArray &line : std::as_const(lines)) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            QCOMPARE(object.value(u"webhook_name"_s).toString(), u"Webhook 02"_s);
            QCOMPARE(object.value(u"success"_s).toBool(), false);
        }
    } else {
        QCOMPARE(qint64(lines.size()), expected + 1);
        QVERIFY(lines.first().startsWith("id,started_at"));
    }
}

void TestDeliveriesView::exportCancelLeavesNoFile()
{
    QVERIFY(fill(1500));
    DeliveriesView::Options options;
    options.exportPageSize = 20;
    auto view = makeView(options);
    view->show();
    QSignalSpy finished(view.get(), &DeliveriesView::exportFinished);
    const QString path = m_folder.filePath(u"cancelled.csv"_s);
    QVERIFY(view->exportTo(path, DeliveryLog::ExportFormat::Csv));
    QTest::mouseClick(view->taskCancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(waitMs));
    const auto result = resultArgument<DeliveryLog::ExportSummary>(finished.first().first());
    QVERIFY_OK(result);
    QVERIFY(result->cancelled);
    QVERIFY(result->rows < 1500);
    QVERIFY(!QFile::exists(path));
    QVERIFY(view->messageLabel()->text().contains(u"cancelled"_s));
    QVERIFY(view->exportAction()->isEnabled());
}

void TestDeliveriesView::purgeRemovesOldRowsWithAudit()
{
    QVERIFY(fill(2000));
    m_settings->setRetentionDays(4);
    DeliveriesView::Options options;
    options.purgeBatchSize = 300;
    auto view = makeView(options);
    view->show();
    QVERIFY(waitUntilCounted(*view));
    const qint64 cutoff = m_nowMs - 4 * 24 * hourMs;
    DeliveryFilter old;
    old.timeRange = DeliveryFilter::TimeRange::Custom;
    old.customTo = QDateTime::fromMSecsSinceEpoch(cutoff, Qt::UTC);
    const qint64 older = bruteForceCount(*m_db.database, old, m_nowMs);
    const qint64 all = bruteForceCount(*m_db.database, {}, m_nowMs);
    QVERIFY(older > 300);

    QSignalSpy finished(view.get(), &DeliveriesView::purgeFinished);
    QSignalSpy progressed(view->taskProgress(), &QProgressBar::valueChanged);
    view->purgeAction()->trigger();
    QMessageBox *confirmation = waitForMessageBox(view.get(), u"purgeConfirmation"_s);
    QVERIFY(confirmation);
    const QString cutoffText = QLocale().toString(QDate::currentDate().addDays(-4), QLocale::LongFormat);
    QVERIFY2(confirmation->text().contains(u"older than 4 day"_s) && confirmation->text().contains(cutoffText),
             qPrintable(confirmation->text()));
    QAbstractButton *purge = nullptr;
    for (QAbstractButton *button : confirmation->buttons())
        if (button->text() == u"Purge")
            purge = button;
    QVERIFY(purge);
    purge->click();
    QVERIFY(finished.wait(waitMs));
    const auto result = resultArgument<DeliveryLog::PurgeSummary>(finished.first().first());
    QVERIFY_OK(result);
    QVERIFY(!result->cancelled);
    // The cutoff moved on by the seconds the test took: at least what was older then, and nothing newer.
    QVERIFY(result->deleted >= older);
    QCOMPARE(bruteForceCount(*m_db.database, old, m_nowMs), 0);
    QVERIFY(progressed.count() >= 1);
    QVERIFY(view->messageLabel()->text().startsWith(u"Deleted %1 attempts older than 4 day"_s
                                                        .arg(QLocale().toString(result->deleted))));

    QSqlQuery audit(m_db.database->connection());
    QVERIFY(audit.exec(u"SELECT actor, after_json FROM audit_log WHERE action = 'purge' AND entity = 'deliveries'"_s));
    QVERIFY(audit.next());
    QVERIFY(!audit.value(0).toString().isEmpty());
    const QJsonObject after = QJsonDocument::fromJson(audit.value(1).toString().toUtf8()).object();
    QCOMPARE(after.value(u"olderThanDays"_s).toInt(), 4);
    QCOMPARE(qint64(after.value(u"deleted"_s).toDouble()), result->deleted);

    // The table was loaded again.
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->isCountKnown() && view->model()->rowCount() == all - result->deleted,
                             waitMs);
}

void TestDeliveriesView::purgeCancel()
{
    QVERIFY(fill(2000));
    DeliveriesView::Options options;
    options.purgeBatchSize = 25;
    auto view = makeView(options);
    view->show();
    QSignalSpy finished(view.get(), &DeliveriesView::purgeFinished);
    QVERIFY(view->purgeOlderThan(3));
    QCOMPARE(view->runningTask(), DeliveriesView::Task::Purge);
    // Cancelled at once: the batch in hand is finished, then the purge stops and says so in the audit log.
    view->cancelTask();
    QVERIFY(!view->taskCancelButton()->isEnabled());
    QVERIFY(finished.wait(waitMs));
    const auto result = resultArgument<DeliveryLog::PurgeSummary>(finished.first().first());
    QVERIFY_OK(result);
    QVERIFY(result->cancelled);
    QVERIFY(result->deleted >= 25);
    DeliveryFilter old;
    old.timeRange = DeliveryFilter::TimeRange::Custom;
    old.customTo = QDateTime::fromMSecsSinceEpoch(m_nowMs - 3 * 24 * hourMs, Qt::UTC);
    QVERIFY(bruteForceCount(*m_db.database, old, m_nowMs) > 0);
    QVERIFY(view->messageLabel()->text().contains(u"cancelled"_s));
    QSqlQuery audit(m_db.database->connection());
    QVERIFY(audit.exec(u"SELECT after_json FROM audit_log WHERE action = 'purge'"_s) && audit.next());
    QVERIFY(QJsonDocument::fromJson(audit.value(0).toString().toUtf8()).object().value(u"cancelled"_s).toBool());
}

void TestDeliveriesView::redeliverOneAgainstLoopbackReceiver()
{
    TestHttpsServer receiver(m_localhost);
    QVERIFY(receiver.isListening());
    QString secret;
    const QString webhookId = storedWebhookWithReceiver(u"Cardiology receiver"_s,
                                                        receiver.url(u"localhost"_s, u"/hooks/goreporter"_s), &secret);
    QVERIFY(!webhookId.isEmpty());
    QList<bool> signatures;
    receiver.setHandler([&](const ReceivedRequest &received) {
        signatures.append(received.header("webhook-signature") == standardWebhooksSignature(received, secret));
        ScriptedAnswer answer;
        answer.status = 200;
        answer.headers = {{"Content-Type", "application/json"}};
        answer.body = R"({"received":true})";
        return answer;
    });
    const qint64 originalId = insertAttempt(failedAttempt(webhookId, u"Cardiology receiver"_s, u"evt_redeliver"_s,
                                                          m_nowMs - 10 * 60000, 1));
    QVERIFY(originalId);

    DeliveriesView::Options options;
    options.pollIntervalMs = 200;
    auto view = makeView(options);
    view->show();
    QVERIFY(view->filterBar()->applyFilterText(u"q=evt_redeliver"_s));
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->filter().text == u"evt_redeliver" && view->model()->isCountKnown()
                                 && view->model()->rowCount() == 1 && view->model()->isRowLoaded(0),
                             waitMs);
    QVERIFY(!view->redeliverAction()->isEnabled());
    view->tableView()->selectRow(0);
    QVERIFY(view->redeliverAction()->isEnabled());

    QSignalSpy finished(view.get(), &DeliveriesView::redeliveryFinished);
    view->redeliverAction()->trigger();
    QVERIFY(finished.wait(waitMs));
    const auto outcome = finished.first().first().value<RedeliveryOutcome>();
    QVERIFY2(outcome.delivered(), qPrintable(outcome.message));
    QCOMPARE(receiver.requests().size(), 1);
    QCOMPARE(receiver.requests().first().header("webhook-id"), QByteArray("msg_evt_redeliver"));
    QCOMPARE(signatures, QList<bool>{true});
    QVERIFY(view->messageLabel()->text().contains(u"accepted"_s));

    // Recorded as a redelivery of the same message, shown in the table and in the detail pane.
    QSqlQuery query(m_db.database->connection());
    QVERIFY(query.exec(u"SELECT id, trigger_kind, message_id, attempt, success FROM deliveries"
                       " WHERE event_id = 'evt_redeliver' ORDER BY id"_s));
    QVERIFY(query.next() && query.next());
    const qint64 newId = query.value(0).toLongLong();
    QCOMPARE(query.value(1).toString(), u"redeliver"_s);
    QCOMPARE(query.value(2).toString(), u"msg_evt_redeliver"_s);
    QCOMPARE(query.value(3).toInt(), 2);
    QVERIFY(query.value(4).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(view->selectedId(), std::optional<qint64>(newId), waitMs);
    QCOMPARE(view->detailPane()->timelineView()->topLevelItemCount(), 2);
    // The result names the attempt as the detail pane does, not by its row in the database.
    QVERIFY2(view->messageLabel()->text().startsWith(u"Attempt 1 of event evt_redeliver"_s),
             qPrintable(view->messageLabel()->text()));

    // The delivered redelivery is shown now: sending it again asks first, and Cancel sends nothing.
    QTRY_VERIFY_WITH_TIMEOUT(view->redeliverAction()->isEnabled(), waitMs);
    view->redeliverAction()->trigger();
    QMessageBox *again = waitForMessageBox(view.get(), u"duplicateRedeliveryConfirmation"_s);
    QVERIFY(again);
    QVERIFY2(again->text().contains(u"duplicate"_s), qPrintable(again->text()));
    QSignalSpy declined(view.get(), &DeliveriesView::redeliveryDeclined);
    QSignalSpy sentAgain(view.get(), &DeliveriesView::redeliveryFinished);
    again->button(QMessageBox::Cancel)->click();
    QVERIFY(!declined.isEmpty() || declined.wait(waitMs));
    QCOMPARE(declined.first().first().toLongLong(), newId);
    QCOMPARE(sentAgain.size(), 0);
    QCOMPARE(receiver.requests().size(), 1);
    QVERIFY2(view->messageLabel()->text().endsWith(u": not redelivered."_s), qPrintable(view->messageLabel()->text()));
}

void TestDeliveriesView::redeliverAllFailedAfterConfirmation()
{
    TestHttpsServer receiver(m_localhost);
    QVERIFY(receiver.isListening());
    QString secret;
    const QString webhookId = storedWebhookWithReceiver(u"Research warehouse"_s,
                                                        receiver.url(u"localhost"_s, u"/hooks"_s), &secret);
    QVERIFY(!webhookId.isEmpty());
    receiver.setHandler([](const ReceivedRequest &) {
        ScriptedAnswer answer;
        answer.status = 202;
        answer.reason = "Accepted";
        return answer;
    });
    // Three failed events, one of them with two failed attempts (repeated once), and one delivered on retry.
    QList<GeneratedAttempt> rows;
    for (int i = 0; i < 3; ++i)
        rows << failedAttempt(webhookId, u"Research warehouse"_s, u"evt_bulk_%1"_s.arg(i), m_nowMs - (30 - i) * 60000, 1);
    rows << failedAttempt(webhookId, u"Research warehouse"_s, u"evt_bulk_0"_s, m_nowMs - 20 * 60000, 2);
    GeneratedAttempt retried = failedAttempt(webhookId, u"Research warehouse"_s, u"evt_bulk_ok"_s, m_nowMs - 40 * 60000, 1);
    rows << retried;
    retried.attempt = 2;
    retried.success = true;
    retried.responseStatus = 200;
    retried.error.clear();
    retried.startedAtMs += 60000;
    rows << retried;
    QString error;
    QVERIFY2(DeliveryGenerator::insert(*m_db.database, rows, &error), qPrintable(error));

    DeliveriesView::Options options;
    options.redeliveriesPerSecond = 20;
    auto view = makeView(options);
    view->show();
    view->setFilter(*DeliveryFilter::fromText(u"webhook=Research%20warehouse&result=failure"_s));
    QSignalSpy started(view.get(), &DeliveriesView::bulkRedeliveryStarted);
    QSignalSpy finished(view.get(), &DeliveriesView::bulkRedeliveryFinished);
    view->redeliverFailedAction()->trigger();
    QMessageBox *confirmation = waitForMessageBox(view.get(), u"bulkRedeliveryConfirmation"_s);
    QVERIFY(confirmation);
    QVERIFY2(confirmation->text().startsWith(u"Redeliver 3 failed event"_s), qPrintable(confirmation->text()));
    QVERIFY(confirmation->informativeText().contains(u"at most 20 per second"_s));
    QAbstractButton *go = nullptr;
    for (QAbstractButton *button : confirmation->buttons())
        if (button->text().startsWith(u"Redeliver"))
            go = button;
    QVERIFY(go);
    go->click();
    QVERIFY(started.count() == 1 || started.wait(waitMs));
    QCOMPARE(started.first().first().toInt(), 3);
    QCOMPARE(view->runningTask(), DeliveriesView::Task::Redelivering);
    QVERIFY(finished.wait(waitMs));
    const auto progress = finished.first().first().value<RedeliveryProgress>();
    QCOMPARE(progress.total, 3);
    QCOMPARE(progress.successes, 3);
    QVERIFY(!progress.cancelled);
    QCOMPARE(receiver.requests().size(), 3);
    QSqlQuery query(m_db.database->connection());
    QVERIFY(query.exec(u"SELECT COUNT(*), COUNT(DISTINCT message_id) FROM deliveries WHERE trigger_kind = 'redeliver'"_s));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 3);
    QCOMPARE(query.value(1).toInt(), 3);
    QVERIFY(view->messageLabel()->text().contains(u"3 delivered"_s));

    // Nothing is left to redeliver now: said without asking.
    view->redeliverFailedAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(view->runningTask() == DeliveriesView::Task::None
                                 && view->messageLabel()->text().contains(u"No failed event"_s),
                             waitMs);

    // A batch is cancelled between two redeliveries.
    QList<GeneratedAttempt> more;
    for (int i = 0; i < 6; ++i)
        more << failedAttempt(webhookId, u"Research warehouse"_s, u"evt_more_%1"_s.arg(i), m_nowMs - (15 - i) * 60000, 1);
    QVERIFY2(DeliveryGenerator::insert(*m_db.database, more, &error), qPrintable(error));
    finished.clear();
    view->redeliverFailedAction()->trigger();
    confirmation = waitForMessageBox(view.get(), u"bulkRedeliveryConfirmation"_s);
    QVERIFY(confirmation);
    QVERIFY(confirmation->text().startsWith(u"Redeliver 6 failed event"_s));
    for (QAbstractButton *button : confirmation->buttons())
        if (button->text().startsWith(u"Redeliver"))
            go = button;
    go->click();
    QTRY_VERIFY_WITH_TIMEOUT(view->runningTask() == DeliveriesView::Task::Redelivering, waitMs);
    QTest::mouseClick(view->taskCancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(waitMs));
    const auto cancelled = finished.first().first().value<RedeliveryProgress>();
    QVERIFY(cancelled.cancelled);
    QVERIFY(cancelled.done < 6);
    QVERIFY(view->messageLabel()->text().startsWith(u"Cancelled"_s));
}

void TestDeliveriesView::recordedErrorsReadInTheReadersLanguage()
{
    // Attempts sent by an English console, read in a German one: the table, the banner and the diagnosis are German;
    // the recorded text stays as it was recorded.
    const GeneratedWebhook &hook = m_webhooks.at(0);
    const qint64 serverErrorId = insertAttempt(failedAttempt(hook.id, hook.name, u"evt_de"_s, m_nowMs - 60000, 1));
    GeneratedAttempt tls = failedAttempt(hook.id, hook.name, u"evt_de"_s, m_nowMs - 30000, 2);
    tls.responseStatus.reset();
    tls.error = u"tls: certificate verify failed"_s;
    const qint64 tlsId = insertAttempt(tls);
    QVERIFY(serverErrorId && tlsId);

    QTranslator german;
    QVERIFY2(german.load(u"goreporter_de"_s, u":/i18n"_s), "the German catalogue is not embedded");
    QCoreApplication::installTranslator(&german);
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });

    auto view = makeView();
    view->show();
    QVERIFY(view->filterBar()->applyFilterText(u"q=evt_de"_s));
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->isCountKnown() && view->model()->rowCount() == 2
                                 && view->model()->isRowLoaded(1),
                             waitMs);
    QAbstractItemModel *model = view->model();
    const QModelIndex tlsError = model->index(0, DeliveryTableModel::ErrorColumn);
    const QModelIndex serverError = model->index(1, DeliveryTableModel::ErrorColumn);
    QCOMPARE(tlsError.data().toString(), u"Zertifikat nicht akzeptiert"_s);
    QCOMPARE(serverError.data().toString(), u"Empfängerfehler (HTTP 503)"_s);
    QCOMPARE(serverError.data(Qt::ToolTipRole).toString(), u"HTTP 503 Service Unavailable"_s);

    view->tableView()->selectRow(1);
    DeliveryDetailPane *pane = view->detailPane();
    QTRY_COMPARE_WITH_TIMEOUT(pane->shownId(), std::optional<qint64>(serverErrorId), waitMs);
    QCOMPARE(pane->outcomeLabel()->text(), u"Fehlgeschlagen: Empfängerfehler (HTTP 503)"_s);
    const QString diagnosis = pane->diagnosisLabel()->text();
    QVERIFY2(!diagnosis.contains(u"temporarily unavailable"_s), qPrintable(diagnosis));
    QVERIFY2(diagnosis.endsWith(u"Aufgezeichnet: HTTP 503 Service Unavailable"_s), qPrintable(diagnosis));
}

void TestDeliveriesView::screenshotWithDetailPane()
{
    QVERIFY(fill(5000, 7));
    const GeneratedWebhook &hook = m_webhooks.at(2);
    const qint64 start = m_nowMs - 12 * 60000;
    GeneratedAttempt first = failedAttempt(hook.id, hook.name, u"evt_5f2c81d0a4"_s, start, 1);
    GeneratedAttempt second = failedAttempt(hook.id, hook.name, u"evt_5f2c81d0a4"_s, start + 30000, 2);
    GeneratedAttempt third = failedAttempt(hook.id, hook.name, u"evt_5f2c81d0a4"_s, start + 90000, 3);
    second.responseStatus.reset();
    second.responseHeadersJson.clear();
    second.responseBody.clear();
    second.error = u"timeout: no response within 15 s"_s;
    second.durationMs = 15000;
    QVERIFY(insertAttempt(first));
    QVERIFY(insertAttempt(second));
    const qint64 shownId = insertAttempt(third);
    QVERIFY(shownId);

    auto view = makeView();
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    QVERIFY(waitUntilCounted(*view));
    QVERIFY(view->filterBar()->applyFilterText(u"since=24h"_s));
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->filter().timeRange == DeliveryFilter::TimeRange::Last24Hours
                                 && view->model()->isCountKnown() && view->model()->isRowLoaded(0),
                             waitMs);
    view->showAttempt(shownId, third.startedAtMs);
    QTRY_COMPARE_WITH_TIMEOUT(view->selectedId(), std::optional<qint64>(shownId), waitMs);
    // Every visible row loaded, so the picture shows attempts rather than placeholders.
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->isRowLoaded(std::min(view->model()->rowCount() - 1, 40)), waitMs);

    // Texts just set are laid out on the next turn of the event loop.
    QCoreApplication::processEvents();
    const QString folder = QDir(QCoreApplication::applicationDirPath()).filePath(u"screenshots"_s);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(view->grab().save(folder + u"/deliveries-view.png"_s));
    // A small workstation's screen: the detail pane must still show its banner, diagnosis and timeline.
    view->resize(1300, 700);
    QCoreApplication::processEvents();
    QVERIFY(view->grab().save(folder + u"/deliveries-view-1300x700.png"_s));
}

QTEST_MAIN(TestDeliveriesView)
#include "tst_deliveriesview.moc"
