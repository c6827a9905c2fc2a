// How many payloads each formatter builds per second, for every sample event at the webhook kind's default PHI level.
#include "models/domain/event.h"
#include "models/domain/eventtype.h"
#include "network/payloads/payloadformatter.h"

#include <QElapsedTimer>
#include <QTest>

class PayloadBench : public QObject
{
    Q_OBJECT

private slots:
    void build_data();
    void build();
    void payloadsPerSecond_data() { build_data(); }
    void payloadsPerSecond();
};

namespace {

QList<Event> supportedSamples(const PayloadFormatter &formatter)
{
    QList<Event> events;
    for (const EventType &type : EventCatalog::builtIn()) {
        if (formatter.supports(type.name))
            events.append(EventSamples::sample(type.name));
    }
    return events;
}

} // namespace

void PayloadBench::build_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("phi");
    for (WebhookKind kind : WebhookKinds::all()) {
        QTest::newRow(qPrintable(WebhookKinds::key(kind))) << int(kind) << int(WebhookKinds::defaultPhiLevel(kind));
        QTest::newRow(qPrintable(WebhookKinds::key(kind) + QStringLiteral("/full"))) << int(kind) << int(PhiLevel::Full);
    }
}

void PayloadBench::build()
{
    QFETCH(int, kind);
    QFETCH(int, phi);
    const auto formatter = PayloadFormatter::create(WebhookKind(kind));
    const QList<Event> events = supportedSamples(*formatter);
    qsizetype bytes = 0;
    QBENCHMARK {
        for (const Event &event : events)
            bytes += formatter->format(event, PhiLevel(phi), nullptr)->body.size();
    }
    QVERIFY(bytes > 0);
}

// QBENCHMARK reports time per round of all sample events; capacity planning asks for a rate, so print that too.
// (A separate function: QBENCHMARK may run its test function several times.)
void PayloadBench::payloadsPerSecond()
{
    QFETCH(int, kind);
    QFETCH(int, phi);
    const auto formatter = PayloadFormatter::create(WebhookKind(kind));
    const QList<Event> events = supportedSamples(*formatter);
    qsizetype bytes = 0;
    qint64 built = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 1000) {
        for (const Event &event : events) {
            bytes += formatter->format(event, PhiLevel(phi), nullptr)->body.size();
            ++built;
        }
    }
    const qint64 elapsed = std::max<qint64>(timer.elapsed(), 1);
    qInfo("%-14s %9.0f payloads/s  (%lld payloads in %lld ms, %d event types, %lld bytes on average)",
          QTest::currentDataTag(), double(built) * 1000.0 / double(elapsed), built, elapsed, int(events.size()),
          bytes / std::max<qint64>(built, 1));
    QVERIFY(bytes > 0);
}

QTEST_APPLESS_MAIN(PayloadBench)
#include "payloadbench.moc"
