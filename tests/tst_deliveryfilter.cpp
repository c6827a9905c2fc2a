// The delivery filter's text form (round trip, specific errors) and the SQL it selects with.
#include "models/storage/deliveryfilter.h"
#include "testsupport/resultchecks.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(DeliveryFilter)

class TestDeliveryFilter : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void readsTheDocumentedExample();
    void textStaysReadable();
    void acceptsLooseSpelling();
    void refusesWithSpecificErrors_data();
    void refusesWithSpecificErrors();
    void sqlBindsEveryPlaceholder_data();
    void sqlBindsEveryPlaceholder();
    void sqlOfTimeRangesIsRelativeToNow();
    void sqlEscapesLikeWildcards();
    void webhookUsesTheResolvedIdWhenThereIsOne();
};

namespace {

QList<std::pair<const char *, DeliveryFilter>> sampleFilters()
{
    QList<std::pair<const char *, DeliveryFilter>> filters;
    filters.append({"empty", DeliveryFilter()});
    DeliveryFilter full;
    full.webhook = u"Cardiology Teams"_s;
    full.eventType = u"battery.low"_s;
    full.result = DeliveryFilter::Result::Failure;
    full.statusClass = DeliveryFilter::StatusClass::ServerError5xx;
    full.timeRange = DeliveryFilter::TimeRange::Last24Hours;
    full.trigger = DeliveryFilter::Trigger::Event;
    full.text = u"timeout"_s;
    filters.append({"everything", full});
    DeliveryFilter custom;
    custom.timeRange = DeliveryFilter::TimeRange::Custom;
    custom.customFrom = QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);
    custom.customTo = QDateTime(QDate(2024, 5, 2), QTime(8, 0, 0, 250), Qt::UTC);
    filters.append({"custom range", custom});
    DeliveryFilter openEnded;
    openEnded.timeRange = DeliveryFilter::TimeRange::Custom;
    openEnded.customFrom = QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);
    filters.append({"custom from only", openEnded});
    DeliveryFilter awkward;
    awkward.webhook = u"Ärzte & Pflege = 100% + mehr?"_s;
    awkward.text = u"a&b=c %41 +plus  two spaces 🫀"_s;
    awkward.statusClass = DeliveryFilter::StatusClass::NoResponse;
    awkward.trigger = DeliveryFilter::Trigger::Redeliver;
    awkward.result = DeliveryFilter::Result::Success;
    filters.append({"characters that need encoding", awkward});
    for (auto range : {DeliveryFilter::TimeRange::LastHour, DeliveryFilter::TimeRange::Last7Days}) {
        DeliveryFilter f;
        f.timeRange = range;
        f.statusClass = DeliveryFilter::StatusClass::ClientError4xx;
        filters.append({range == DeliveryFilter::TimeRange::LastHour ? "last hour" : "last 7 days", f});
    }
    return filters;
}

} // namespace

void TestDeliveryFilter::roundTrip_data()
{
    QTest::addColumn<DeliveryFilter>("filter");
    for (const auto &[name, filter] : sampleFilters())
        QTest::newRow(name) << filter;
}

void TestDeliveryFilter::roundTrip()
{
    QFETCH(DeliveryFilter, filter);
    const QString text = filter.toText();
    const auto parsed = DeliveryFilter::fromText(text);
    QVERIFY_OK(parsed);
    QVERIFY2(*parsed == filter, qPrintable(text));
    QCOMPARE(parsed->toText(), text);
    // Readable as typed: only separators, '%', '+' and control characters are encoded.
    QVERIFY(!text.contains(u'\n') && !text.contains(u'\t'));
    QCOMPARE(filter.isEmpty(), text.isEmpty());
}

void TestDeliveryFilter::readsTheDocumentedExample()
{
    const auto filter = DeliveryFilter::fromText(
        u"webhook=Cardiology&event=battery.low&result=failure&status=5xx&since=24h&trigger=event&q=timeout"_s);
    QVERIFY_OK(filter);
    QCOMPARE(filter->webhook, u"Cardiology"_s);
    QCOMPARE(filter->eventType, u"battery.low"_s);
    QCOMPARE(filter->result, DeliveryFilter::Result::Failure);
    QCOMPARE(filter->statusClass, DeliveryFilter::StatusClass::ServerError5xx);
    QCOMPARE(filter->timeRange, DeliveryFilter::TimeRange::Last24Hours);
    QCOMPARE(filter->trigger, DeliveryFilter::Trigger::Event);
    QCOMPARE(filter->text, u"timeout"_s);
}

void TestDeliveryFilter::textStaysReadable()
{
    DeliveryFilter filter;
    filter.webhook = u"Cardiology on-call Zürich"_s;
    filter.text = u"a&b=c+d 100%"_s;
    const QString text = filter.toText();
    QVERIFY2(text.contains(u"webhook=Cardiology on-call Zürich"_s), qPrintable(text));
    QVERIFY2(text.contains(u"q=a%26b%3Dc%2Bd 100%25"_s), qPrintable(text));
    QCOMPARE(*DeliveryFilter::fromText(text), filter);
    // Texts written before, fully percent-encoded, still read the same.
    QCOMPARE(DeliveryFilter::fromText(u"webhook=Cardiology%20on-call%20Z%C3%BCrich&q=a%26b%3Dc%2Bd%20100%25"_s)->webhook,
             filter.webhook);
}

void TestDeliveryFilter::acceptsLooseSpelling()
{
    const auto filter = DeliveryFilter::fromText(
        u"?Result=FAILURE&&status=none&q=time+out&from=2024-05-01&to=2024-05-01T12:00:00%2B02:00"_s);
    QVERIFY_OK(filter);
    QCOMPARE(filter->result, DeliveryFilter::Result::Failure);
    QCOMPARE(filter->statusClass, DeliveryFilter::StatusClass::NoResponse);
    QCOMPARE(filter->text, u"time out"_s);
    QCOMPARE(filter->timeRange, DeliveryFilter::TimeRange::Custom);
    QCOMPARE(filter->customFrom, QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(filter->customTo, QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(DeliveryFilter::fromText(u"since=any&result=any"_s)->isEmpty(), true);
}

void TestDeliveryFilter::refusesWithSpecificErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no value separator") << u"webhook"_s << u"“webhook” is not of the form key=value"_s;
    QTest::newRow("unknown key") << u"colour=red"_s << u"Unknown filter key “colour”"_s;
    QTest::newRow("repeated key") << u"result=failure&result=success"_s << u"“result” appears more than once"_s;
    QTest::newRow("empty value") << u"webhook="_s << u"“webhook” has no value"_s;
    QTest::newRow("bad result") << u"result=broken"_s << u"“broken” is not a result"_s;
    QTest::newRow("bad status") << u"status=6xx"_s << u"“6xx” is not a status class"_s;
    QTest::newRow("bad range") << u"since=2w"_s << u"“2w” is not a time range"_s;
    QTest::newRow("bad trigger") << u"trigger=manual"_s << u"“manual” is not a trigger"_s;
    QTest::newRow("bad event") << u"event=battery.empty"_s << u"“battery.empty” is not an event type"_s;
    QTest::newRow("bad date") << u"from=yesterday"_s << u"“yesterday” is not an ISO 8601 date"_s;
    QTest::newRow("since and from") << u"since=24h&from=2024-05-01T00:00:00Z"_s << u"since=24h contradicts"_s;
    QTest::newRow("backwards range") << u"from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z"_s
                                     << u"ends (2024-05-01T00:00:00Z) before it starts"_s;
}

void TestDeliveryFilter::refusesWithSpecificErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto parsed = DeliveryFilter::fromText(text);
    QVERIFY(!parsed);
    QCOMPARE(parsed.code(), ErrorCode::Invalid);
    QVERIFY2(parsed.message().contains(expected), qPrintable(parsed.message()));
}

void TestDeliveryFilter::sqlBindsEveryPlaceholder_data()
{
    roundTrip_data();
}

void TestDeliveryFilter::sqlBindsEveryPlaceholder()
{
    QFETCH(DeliveryFilter, filter);
    for (const QString &resolved : {QString(), u"0b5f4e0e-1111-2222-3333-444455556666"_s}) {
        for (const auto engine : {DatabaseUrl::Engine::SQLite, DatabaseUrl::Engine::PostgreSQL}) {
            const DeliveryFilter::Sql sql = filter.toSql(engine, 1'700'000'000'000, resolved);
            QVERIFY(!sql.where.isEmpty());
            QCOMPARE(sql.where.count(u'?'), sql.values.size());
            if (filter.isEmpty() && resolved.isEmpty())
                QCOMPARE(sql.where, u"TRUE"_s);
        }
    }
}

void TestDeliveryFilter::sqlOfTimeRangesIsRelativeToNow()
{
    const qint64 now = 1'700'000'000'000;
    DeliveryFilter filter;
    filter.timeRange = DeliveryFilter::TimeRange::Last24Hours;
    DeliveryFilter::Sql sql = filter.toSql(DatabaseUrl::Engine::SQLite, now);
    QVERIFY(sql.where.contains(u"started_at >= ?"_s));
    QCOMPARE(sql.values, QVariantList{now - 24 * 3600 * 1000});
    filter.timeRange = DeliveryFilter::TimeRange::LastHour;
    QCOMPARE(filter.toSql(DatabaseUrl::Engine::SQLite, now).values, QVariantList{now - 3600 * 1000});
    filter.timeRange = DeliveryFilter::TimeRange::Custom;
    filter.customTo = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    sql = filter.toSql(DatabaseUrl::Engine::SQLite, now);
    QCOMPARE(sql.where, u"(started_at < ?)"_s);
    QCOMPARE(sql.values, QVariantList{now});
}

void TestDeliveryFilter::sqlEscapesLikeWildcards()
{
    DeliveryFilter filter;
    filter.text = u"  100%_Done!  "_s;
    const DeliveryFilter::Sql sql = filter.toSql(DatabaseUrl::Engine::SQLite, 0);
    // One pattern each for the error, the event id, the message id and the response body as text, then the exact
    // bytes to find in a response body that is not text.
    QCOMPARE(sql.values.size(), 5);
    for (qsizetype i = 0; i < 4; ++i)
        QCOMPARE(sql.values.at(i).toString(), u"%100!%!_done!!%"_s);
    QCOMPARE(sql.values.at(4).toByteArray(), QByteArray("100%_Done!"));

    // PostgreSQL matches the body in its escape encoding: other bytes than ASCII as \ooo, backslashes doubled.
    filter.text = u"Müller\\x"_s;
    const DeliveryFilter::Sql postgres = filter.toSql(DatabaseUrl::Engine::PostgreSQL, 0);
    QCOMPARE(postgres.where.count(u'?'), postgres.values.size());
    QCOMPARE(postgres.values.size(), 4);
    QCOMPARE(postgres.values.at(0).toString(), u"%müller\\x%"_s);
    QCOMPARE(postgres.values.at(3).toString(), u"%m\\303\\274ller\\\\x%"_s);
}

void TestDeliveryFilter::webhookUsesTheResolvedIdWhenThereIsOne()
{
    DeliveryFilter filter;
    filter.webhook = u"Cardiology"_s;
    QCOMPARE(filter.toSql(DatabaseUrl::Engine::SQLite, 0, u"id-1"_s).where, u"(webhook_id = ?)"_s);
    QCOMPARE(filter.toSql(DatabaseUrl::Engine::SQLite, 0, u"id-1"_s).values, QVariantList{u"id-1"_s});
    QCOMPARE(filter.toSql(DatabaseUrl::Engine::SQLite, 0).where, u"(webhook_id IS NULL AND webhook_name = ?)"_s);
    QCOMPARE(filter.toSql(DatabaseUrl::Engine::SQLite, 0).values, QVariantList{u"Cardiology"_s});
}

QTEST_APPLESS_MAIN(TestDeliveryFilter)
#include "tst_deliveryfilter.moc"
