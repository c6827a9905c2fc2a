// Dispatcher benchmark: deliveries per second to one loopback HTTPS receiver on SQLite and PostgreSQL next to the
// receiver's own ceiling (wrk on the same request), emit-to-arrival latency at a steady rate, and the dispatcher's
// memory over a long run.
#include "models/domain/event.h"
#include "models/storage/database.h"
#include "models/storage/dispatcherregistry.h"
#include "models/storage/eventoutbox.h"
#include "models/storage/webhookrepository.h"
#include "scratchpostgres.h"
#include "testsupport/testhttpsserver.h"
#include "testsupport/testpki.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// An HTTPS receiver that keeps connections open (HTTP/1.1 keep-alive), answers 200 at once, and notes when each
// event (by its id in the generic JSON body) first arrived. It lives in a thread of its own.
class KeepAliveReceiver : public QObject
{
public:
    explicit KeepAliveReceiver(const TestCertificate &identity)
    {
        m_server.setSslConfiguration(serverTlsConfiguration(identity));
        connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                serve(socket);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    qint64 requests() const { return m_requests.load(); }
    qint64 connections() const { return m_connections.load(); }
    // When the event with this id first arrived (steady clock, ns), or 0.
    qint64 arrivalOf(const QString &eventId)
    {
        QMutexLocker lock(&m_mutex);
        return m_arrivals.value(eventId);
    }
    void forgetArrivals()
    {
        QMutexLocker lock(&m_mutex);
        m_arrivals.clear();
    }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            // Every complete request in the buffer, in order: a client may pipeline.
            for (;;) {
                const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    return;
                qsizetype length = 0;
                static const QRegularExpression contentLength(u"(?im)^content-length:\\s*(\\d+)"_s);
                const QRegularExpressionMatch match =
                    contentLength.match(QString::fromLatin1(buffer->constData(), headerEnd));
                if (match.hasMatch())
                    length = match.captured(1).toLongLong();
                if (buffer->size() < headerEnd + 4 + length)
                    return;
                const QByteArray body = buffer->mid(headerEnd + 4, length);
                buffer->remove(0, headerEnd + 4 + length);
                const qint64 now = steadyNs();
                const QString id = QJsonDocument::fromJson(body).object().value(u"id"_s).toString();
                if (!id.isEmpty()) {
                    QMutexLocker lock(&m_mutex);
                    if (!m_arrivals.contains(id))
                        m_arrivals.insert(id, now);
                }
                ++m_requests;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                              "Connection: keep-alive\r\n\r\nok");
            }
        });
    }

    QSslServer m_server{this}; // a child, so that it moves to the receiver's thread with it
    std::atomic<qint64> m_requests = 0;
    std::atomic<qint64> m_connections = 0;
    QMutex m_mutex;
    QHash<QString, qint64> m_arrivals;
};

struct Setup
{
    QString executable;
    QString caFile;
    quint16 port = 0;
    KeepAliveReceiver *receiver = nullptr;
};

Event benchEvent(const QString &id)
{
    Event event = EventSamples::sample(u"battery.critical"_s);
    event.id = id;
    event.timestamp = QDateTime::currentDateTimeUtc();
    return event;
}

// The one webhook every event goes to: generic JSON, unsigned, PHI none, to the loopback receiver.
bool createWebhook(Database &database, const Setup &setup)
{
    Webhook webhook;
    webhook.name = u"Bench receiver"_s;
    webhook.kind = WebhookKind::Generic;
    webhook.url = QUrl(u"https://localhost:%1/hook"_s.arg(setup.port));
    webhook.events = {u"battery.critical"_s};
    webhook.phiLevel = PhiLevel::None;
    webhook.allowLoopbackHttp = true;
    webhook.caFile = setup.caFile;
    const Result<void> created = WebhookRepository(database).create(webhook);
    if (!created)
        out() << u"  cannot create the webhook: %1"_s.arg(created.message()) << Qt::endl;
    return created.ok();
}

bool emitEvents(Database &database, const QString &prefix, int count)
{
    // In batches of one transaction each: what a producer's bulk load would do.
    for (int first = 0; first < count; first += 1000) {
        QSqlDatabase connection = database.connection();
        const Result<void> added = Database::inWriteTransaction(
            connection, u"emit"_s, [&]() -> Result<void> {
                EventOutbox outbox(database);
                for (int i = first; i < std::min(count, first + 1000); ++i) {
                    const Result<AddedEvent> one = outbox.add(benchEvent(prefix + QString::number(i)));
                    if (!one)
                        return one.failure();
                }
                return {};
            });
        if (!added) {
            out() << u"  cannot emit: %1"_s.arg(added.message()) << Qt::endl;
            return false;
        }
    }
    return true;
}

qint64 residentKilobytes(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    static const QRegularExpression rss(u"VmRSS:\\s+(\\d+) kB"_s);
    return rss.match(QString::fromLatin1(status.readAll())).captured(1).toLongLong();
}

void startDispatcher(QProcess &process, const Setup &setup, const DatabaseUrl &url, int workers, bool untilIdle)
{
    QStringList arguments{u"--database"_s, url.toString(), u"dispatch"_s, u"--workers"_s, QString::number(workers)};
    if (untilIdle)
        arguments << u"--until-idle"_s;
    process.setProgram(setup.executable);
    process.setArguments(arguments);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
}

// Waits for condition, running the event loop, polling every few ms; false after timeoutMs.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        QThread::msleep(2);
    }
    return true;
}

// Throughput: count events are due at once; one dispatcher with workers delivers them until idle.
std::optional<double> throughput(Database &database, const Setup &setup, int workers, int count, const QString &prefix,
                                 int *connections)
{
    if (!emitEvents(database, prefix, count))
        return std::nullopt;
    const qint64 before = setup.receiver->requests();
    const qint64 connectionsBefore = setup.receiver->connections();
    QProcess dispatcher;
    QElapsedTimer timer;
    timer.start();
    startDispatcher(dispatcher, setup, database.url(), workers, true);
    if (!dispatcher.waitForFinished(30 * 60 * 1000) || dispatcher.exitCode() != 0) {
        out() << u"  the dispatcher failed (exit %1)"_s.arg(dispatcher.exitCode()) << Qt::endl;
        return std::nullopt;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 received = setup.receiver->requests() - before;
    *connections = int(setup.receiver->connections() - connectionsBefore);
    if (received < count) {
        out() << u"  only %1 of %2 arrived"_s.arg(received).arg(count) << Qt::endl;
        return std::nullopt;
    }
    return double(count) / seconds;
}

// Latency: a dispatcher runs; events are emitted one by one at perSecond for seconds; from each emit to its arrival.
std::optional<std::pair<double, double>> latency(Database &database, const Setup &setup, int perSecond, int seconds)
{
    QProcess dispatcher;
    startDispatcher(dispatcher, setup, database.url(), 4, false);
    DispatcherRegistry registry(database);
    if (!waitUntil([&] { return !registry.running(QDateTime::currentDateTimeUtc())->isEmpty(); }, 15000)) {
        out() << u"  the dispatcher did not start"_s << Qt::endl;
        return std::nullopt;
    }
    QThread::msleep(1000); // past its first claims
    setup.receiver->forgetArrivals();
    const int count = perSecond * seconds;
    QHash<QString, qint64> emitted;
    EventOutbox outbox(database);
    const qint64 start = steadyNs();
    for (int i = 0; i < count; ++i) {
        const qint64 due = start + qint64(i) * 1000000000 / perSecond;
        while (steadyNs() < due)
            QThread::usleep(200);
        const QString id = u"lat-"_s + QString::number(i);
        const qint64 at = steadyNs();
        if (const Result<AddedEvent> added = outbox.add(benchEvent(id)); !added) {
            out() << u"  cannot emit: %1"_s.arg(added.message()) << Qt::endl;
            return std::nullopt;
        }
        emitted.insert(id, at);
    }
    const bool all = waitUntil(
        [&] {
            for (auto it = emitted.cbegin(); it != emitted.cend(); ++it) {
                if (setup.receiver->arrivalOf(it.key()) == 0)
                    return false;
            }
            return true;
        },
        60000);
    ::kill(pid_t(dispatcher.processId()), SIGTERM);
    dispatcher.waitForFinished(30000);
    if (!all) {
        out() << u"  not every event arrived within a minute"_s << Qt::endl;
        return std::nullopt;
    }
    QList<double> ms;
    for (auto it = emitted.cbegin(); it != emitted.cend(); ++it)
        ms.append(double(setup.receiver->arrivalOf(it.key()) - it.value()) / 1e6);
    std::sort(ms.begin(), ms.end());
    auto percentile = [&ms](double p) { return ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(p * ms.size()))); };
    return std::pair{percentile(0.50), percentile(0.99)};
}

// Memory: count events delivered by one dispatcher; its resident memory sampled every second.
bool memory(Database &database, const Setup &setup, int count)
{
    out() << u"  emitting %1 events…"_s.arg(count) << Qt::endl;
    if (!emitEvents(database, u"mem-"_s, count))
        return false;
    QProcess dispatcher;
    startDispatcher(dispatcher, setup, database.url(), 4, true);
    if (!dispatcher.waitForStarted())
        return false;
    const qint64 before = setup.receiver->requests();
    QList<std::pair<qint64, qint64>> samples; // (delivered, kB)
    while (!dispatcher.waitForFinished(1000)) {
        const qint64 kb = residentKilobytes(dispatcher.processId());
        if (kb > 0)
            samples.append({setup.receiver->requests() - before, kb});
    }
    const qint64 delivered = setup.receiver->requests() - before;
    if (dispatcher.exitStatus() != QProcess::NormalExit || dispatcher.exitCode() != 0 || delivered < count) {
        out() << u"  the dispatcher ended (exit status %1, code %2) after %3 of %4 deliveries"_s
                     .arg(int(dispatcher.exitStatus()))
                     .arg(dispatcher.exitCode())
                     .arg(delivered)
                     .arg(count)
              << Qt::endl;
        return false;
    }
    if (samples.size() < 3) {
        out() << u"  too short to sample"_s << Qt::endl;
        return false;
    }
    const auto peak = std::max_element(samples.cbegin(), samples.cend(),
                                       [](const auto &a, const auto &b) { return a.second < b.second; });
    const auto &early = samples.at(samples.size() / 10);
    out() << u"  resident memory: %1 MB after %2 deliveries, %3 MB at the end (%4), peak %5 MB"_s
                 .arg(double(early.second) / 1024, 0, 'f', 1)
                 .arg(early.first)
                 .arg(double(samples.last().second) / 1024, 0, 'f', 1)
                 .arg(samples.last().first)
                 .arg(double(peak->second) / 1024, 0, 'f', 1)
          << Qt::endl;
    return true;
}

// The receiver's own ceiling: wrk, keep-alive, on the request the dispatcher sends.
std::optional<double> receiverCeiling(const Setup &setup, const QString &folder)
{
    Event event = benchEvent(u"wrk"_s);
    const QByteArray body = QJsonDocument(event.toJsonObject()).toJson(QJsonDocument::Compact);
    QFile script(folder + u"/post.lua"_s);
    if (!script.open(QIODevice::WriteOnly))
        return std::nullopt;
    QByteArray escaped = body;
    escaped.replace("\\", "\\\\").replace("\"", "\\\"");
    script.write("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = \""
                 + escaped + "\"\n");
    script.close();
    QProcess wrk;
    wrk.start(u"wrk"_s, {u"-t2"_s, u"-c8"_s, u"-d5s"_s, u"-s"_s, script.fileName(),
                         u"https://127.0.0.1:%1/hook"_s.arg(setup.port)});
    if (!wrk.waitForFinished(30000) || wrk.exitCode() != 0) {
        out() << u"  wrk did not run (apt-get install wrk): %1"_s.arg(wrk.errorString()) << Qt::endl;
        return std::nullopt;
    }
    const QString report = QString::fromUtf8(wrk.readAllStandardOutput());
    static const QRegularExpression perSecond(u"Requests/sec:\\s+([\\d.]+)"_s);
    const QRegularExpressionMatch match = perSecond.match(report);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toDouble();
}

bool benchmark(const DatabaseUrl &url, const QString &engine, const Setup &setup, const QList<int> &workerCounts,
               int events, double ceiling, int latencyRate, int latencySeconds, int memoryDeliveries)
{
    Database database;
    if (!database.open(url)) {
        out() << u"  %1: %2"_s.arg(engine, database.errorString()) << Qt::endl;
        return false;
    }
    if (!createWebhook(database, setup))
        return false;
    bool ok = true;
    for (int workers : workerCounts) {
        int connections = 0;
        const std::optional<double> rate = throughput(database, setup, workers, events,
                                                      u"tp-%1-"_s.arg(workers), &connections);
        if (!rate) {
            ok = false;
            continue;
        }
        out() << u"%1, %2 worker(s): %3 deliveries/s (%4 events; %5 % of the receiver's ceiling; %6 TLS connections)"_s
                     .arg(engine)
                     .arg(workers)
                     .arg(*rate, 0, 'f', 0)
                     .arg(events)
                     .arg(ceiling > 0 ? *rate * 100 / ceiling : 0, 0, 'f', 1)
                     .arg(connections)
              << Qt::endl;
    }
    if (latencySeconds > 0) {
        const auto p = latency(database, setup, latencyRate, latencySeconds);
        if (p)
            out() << u"%1: emit → arrival at %2 events/s for %3 s: p50 %4 ms, p99 %5 ms"_s.arg(engine)
                         .arg(latencyRate)
                         .arg(latencySeconds)
                         .arg(p->first, 0, 'f', 1)
                         .arg(p->second, 0, 'f', 1)
                  << Qt::endl;
        ok = p && ok;
    }
    if (memoryDeliveries > 0) {
        out() << u"%1: memory over %2 deliveries"_s.arg(engine).arg(memoryDeliveries) << Qt::endl;
        ok = memory(database, setup, memoryDeliveries) && ok;
    }
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures the dispatcher against a keep-alive loopback HTTPS receiver."_s);
    parser.addHelpOption();
    const QCommandLineOption eventsOption(u"events"_s, u"Events per throughput run (default 10000)."_s, u"n"_s, u"10000"_s);
    const QCommandLineOption engineOption(u"engine"_s, u"sqlite, postgresql or both (default both)."_s, u"name"_s, u"both"_s);
    const QCommandLineOption pgOption(u"pg"_s,
                                      u"Maintenance URL of a PostgreSQL cluster (default: $GOREPORTER_BENCH_PG_URL, "
                                      "else $GOREPORTER_TEST_PG_URL)."_s,
                                      u"url"_s);
    const QCommandLineOption latencyOption(u"latency-seconds"_s, u"Seconds of the latency run (default 10; 0: none)."_s,
                                           u"s"_s, u"10"_s);
    const QCommandLineOption rateOption(u"latency-rate"_s, u"Events per second in the latency run (default 100)."_s,
                                        u"n"_s, u"100"_s);
    const QCommandLineOption memoryOption(u"memory-deliveries"_s,
                                          u"Deliveries of the memory run (default 0: none; the target is 100000)."_s,
                                          u"n"_s, u"0"_s);
    const QCommandLineOption executableOption(u"executable"_s, u"The goreporter-webhooks program."_s, u"path"_s,
                                              QDir(QCoreApplication::applicationDirPath()).filePath(u"../app/goreporter-webhooks"_s));
    parser.addOptions({eventsOption, engineOption, pgOption, latencyOption, rateOption, memoryOption, executableOption});
    parser.process(app);

    QTemporaryDir folder;
    TestPki pki(u"goReporter Bench CA"_s);
    Setup setup;
    setup.executable = parser.value(executableOption);
    setup.caFile = folder.filePath(u"ca.pem"_s);
    if (!pki.isValid() || !pki.writeCaBundle(setup.caFile)) {
        out() << u"Cannot make the test CA."_s << Qt::endl;
        return 1;
    }
    QThread receiverThread;
    KeepAliveReceiver receiver(pki.issue(u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s}));
    receiver.moveToThread(&receiverThread);
    receiverThread.start();
    bool listening = false;
    QMetaObject::invokeMethod(&receiver, [&] { listening = receiver.listen(); }, Qt::BlockingQueuedConnection);
    if (!listening) {
        out() << u"Cannot listen on 127.0.0.1."_s << Qt::endl;
        return 1;
    }
    setup.port = receiver.port();
    setup.receiver = &receiver;

    const std::optional<double> ceiling = receiverCeiling(setup, folder.path());
    out() << u"receiver ceiling (wrk -t2 -c8, keep-alive, same request): %1 requests/s"_s
                 .arg(ceiling ? QString::number(*ceiling, 'f', 0) : u"not measured"_s)
          << Qt::endl;

    const int events = parser.value(eventsOption).toInt();
    const int latencySeconds = parser.value(latencyOption).toInt();
    const int latencyRate = parser.value(rateOption).toInt();
    const int memoryDeliveries = parser.value(memoryOption).toInt();
    const QString engine = parser.value(engineOption);
    bool ok = true;
    if (engine == u"sqlite" || engine == u"both") {
        QString error;
        const auto url = DatabaseUrl::parse(u"sqlite://"_s + folder.filePath(u"bench.db"_s), &error);
        ok = url && benchmark(*url, u"SQLite"_s, setup, {4}, events, ceiling.value_or(0), latencyRate,
                              latencySeconds, memoryDeliveries);
    }
    if (engine == u"postgresql" || engine == u"both") {
        QString clusterUrl = parser.value(pgOption);
        if (clusterUrl.isEmpty())
            clusterUrl = qEnvironmentVariable("GOREPORTER_BENCH_PG_URL", qEnvironmentVariable("GOREPORTER_TEST_PG_URL"));
        if (clusterUrl.isEmpty()) {
            out() << u"No PostgreSQL: pass --pg or run under scripts/test-services.sh."_s << Qt::endl;
            ok = false;
        } else {
            ScratchPostgres scratch(clusterUrl);
            const auto url = scratch.url();
            ok = url && benchmark(*url, u"PostgreSQL"_s, setup, {1, 2, 4}, events, ceiling.value_or(0), latencyRate,
                                  latencySeconds, memoryDeliveries)
                 && ok;
        }
    }
    QMetaObject::invokeMethod(&receiver, [&] { receiver.moveToThread(app.thread()); }, Qt::BlockingQueuedConnection);
    receiverThread.quit();
    receiverThread.wait();
    return ok ? 0 : 1;
}
