// Delivery log benchmark: a million attempts on SQLite and PostgreSQL, the lazy model against QSqlTableModel + proxy.
#include "models/storage/database.h"
#include "models/storage/deliverylog.h"
#include "cputime.h"
#include "scratchpostgres.h"
#include "models/itemmodels/deliverytablemodel.h"
#include "testsupport/deliverygenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlTableModel>
#include <QTemporaryDir>
#include <QTextStream>

#include <unistd.h>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double residentMegabytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? double(fields.at(1).toLongLong()) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : 0;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Runs the event loop until done() holds; the worker's results arrive as queued calls.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 600000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

struct Figures
{
    double firstPageMs = 0;        // from construction, connection included
    double firstPageWarmMs = 0;    // a reload on an open connection
    double estimateMs = 0;         // until an estimate of the row count is shown
    double countMs = 0;            // until the row count is known
    double lastRowMs = 0;
    double filterMs = 0;
    double healthMs = 0;
    double memoryGrowthMb = 0;
    double scrollSeconds = 0;
};

// Model divided by baseline: below 1 the model is faster (or smaller).
QString ratio(double mine, double baseline)
{
    if (baseline <= 0.05)
        return u"ratio n/a"_s;
    return u"ratio %1"_s.arg(mine / baseline, 0, 'g', 3);
}

void report(const QString &engine, const Figures &model, const Figures &baseline, bool haveBaseline, bool healthOnly)
{
    auto line = [&](const QString &what, double mine, double base, const QString &unit, const QString &target) {
        out() << u"  %1 %2 %3"_s.arg(what, -34).arg(mine, 10, 'f', 1).arg(unit, -3);
        if (haveBaseline)
            out() << u"   baseline %1 %2   %3"_s.arg(base, 10, 'f', 1).arg(unit, -3).arg(ratio(mine, base), -18);
        out() << u"   target %1"_s.arg(target) << Qt::endl;
    };
    out() << Qt::endl << u"== %1 =="_s.arg(engine) << Qt::endl;
    if (healthOnly) {
        line(u"health of all webhooks"_s, model.healthMs, baseline.healthMs, u"ms"_s, u"<= 50 ms"_s);
        return;
    }
    line(u"first visible page (cold)"_s, model.firstPageMs, baseline.firstPageMs, u"ms"_s, u"<= 50 ms"_s);
    line(u"first visible page (warm)"_s, model.firstPageWarmMs, baseline.firstPageMs, u"ms"_s, u"-"_s);
    line(u"row count estimated"_s, model.estimateMs, baseline.firstPageMs, u"ms"_s, u"<= 100 ms"_s);
    line(u"row count known"_s, model.countMs, baseline.firstPageMs, u"ms"_s, u"-"_s);
    line(u"jump to last row"_s, model.lastRowMs, baseline.lastRowMs, u"ms"_s, u"-"_s);
    line(u"filter change (failed+webhook+24h)"_s, model.filterMs, baseline.filterMs, u"ms"_s, u"<= 100 ms"_s);
    line(u"health of all webhooks"_s, model.healthMs, baseline.healthMs, u"ms"_s, u"<= 50 ms"_s);
    line(u"memory growth, top to bottom"_s, model.memoryGrowthMb, baseline.memoryGrowthMb, u"MB"_s, u"<= 30 MB"_s);
    out() << u"  (model scrolled through every row in %1 s)"_s.arg(model.scrollSeconds, 0, 'f', 1) << Qt::endl;
}

DeliveryFilter benchFilter(const QString &webhookName)
{
    DeliveryFilter filter;
    filter.result = DeliveryFilter::Result::Failure;
    filter.webhook = webhookName;
    filter.timeRange = DeliveryFilter::TimeRange::Last24Hours;
    return filter;
}

// The health of all webhooks, as the webhooks table asks for it: the median of twenty runs, of the time and of the
// CPU time of this process, and the CPU time the database server took on average when it is a PostgreSQL on this
// machine. The first run finds a cold cache.
double measureHealth(Database &database)
{
    DeliveryLog log(database);
    QList<double> healthRuns;
    QList<double> cpuRuns;
    QElapsedTimer timer;
    const auto serverBefore = CpuTime::ofServer(database);
    for (int run = 0; run < 20; ++run) {
        const double cpuBefore = CpuTime::ofThisProcess();
        timer.start();
        const auto health = log.health({}, QDateTime::currentDateTimeUtc());
        healthRuns << msSince(timer);
        cpuRuns << CpuTime::ofThisProcess() - cpuBefore;
        if (!health)
            out() << u"  health failed"_s << Qt::endl;
    }
    const auto serverAfter = CpuTime::ofServer(database);
    std::sort(healthRuns.begin(), healthRuns.end());
    std::sort(cpuRuns.begin(), cpuRuns.end());
    const double median = healthRuns.at(healthRuns.size() / 2);
    out() << u"  model: health of all webhooks in %1 ms (median of %2 runs; fastest %3, slowest %4);"
             " CPU per run %5 ms here"_s.arg(median, 0, 'f', 1)
                 .arg(healthRuns.size())
                 .arg(healthRuns.first(), 0, 'f', 1)
                 .arg(healthRuns.last(), 0, 'f', 1)
                 .arg(cpuRuns.at(cpuRuns.size() / 2), 0, 'f', 1);
    if (serverBefore && serverAfter)
        out() << u", %1 ms in the server"_s.arg((*serverAfter - *serverBefore) / double(healthRuns.size()), 0, 'f', 1);
    out() << Qt::endl;
    return median;
}

Figures measureModel(const DatabaseUrl &url, Database &database, const QString &webhookName)
{
    Figures f;
    QElapsedTimer timer;
    DeliveryTableModel::Options options;  // defaults: what the view gets

    timer.start();
    auto model = std::make_unique<DeliveryTableModel>(url, QString(), options);
    bool firstPage = false;
    bool estimated = false;
    bool counted = false;
    QObject::connect(model.get(), &DeliveryTableModel::firstPageLoaded, model.get(), [&] { firstPage = true; });
    QObject::connect(model.get(), &DeliveryTableModel::rowCountEstimated, model.get(), [&] { estimated = true; });
    QObject::connect(model.get(), &DeliveryTableModel::rowCountKnown, model.get(), [&] { counted = true; });
    waitFor([&] { return firstPage; });
    f.firstPageMs = msSince(timer);
    // A log that fits on the first page has its count at once and nothing to estimate.
    waitFor([&] { return estimated || counted; });
    f.estimateMs = msSince(timer);
    const auto estimate = model->estimatedRowCount();
    waitFor([&] { return counted; });
    f.countMs = msSince(timer);
    out() << u"  model: estimated %1 attempts, counted %2"_s.arg(estimate ? QString::number(*estimate) : u"-"_s)
                 .arg(model->rowCount())
          << Qt::endl;

    firstPage = counted = false;
    timer.restart();
    model->reload();
    waitFor([&] { return firstPage; });
    f.firstPageWarmMs = msSince(timer);
    waitFor([&] { return counted; });

    // An empty log has no last row to wait for.
    if (const int last = model->rowCount() - 1; last >= 0) {
        timer.restart();
        model->data(model->index(last, 0));
        waitFor([&] { return model->isRowLoaded(last); });
        f.lastRowMs = msSince(timer);
    }

    firstPage = counted = false;
    timer.restart();
    model->setFilter(benchFilter(webhookName));
    waitFor([&] { return firstPage; });
    f.filterMs = msSince(timer);
    waitFor([&] { return counted; });
    out() << u"  model: filter selects %1 attempts"_s.arg(model->rowCount()) << Qt::endl;

    f.healthMs = measureHealth(database);

    firstPage = counted = false;
    model->setFilter({});
    waitFor([&] { return counted; });
    const double before = residentMegabytes();
    timer.restart();
    // What a view does while the user drags from the newest to the oldest row: it asks for the visible rows.
    for (int row = 0; row < model->rowCount(); row += 40) {
        model->data(model->index(row, 0));
        if (!model->isRowLoaded(row))
            waitFor([&] { return model->isRowLoaded(row) || model->state() == DeliveryTableModel::State::Error; });
        for (int column = 0; column < DeliveryTableModel::ColumnCount; ++column)
            model->data(model->index(row, column));
    }
    f.scrollSeconds = msSince(timer) / 1000.0;
    f.memoryGrowthMb = residentMegabytes() - before;
    out() << u"  model: %1 blocks cached at the end, state %2"_s.arg(model->cachedBlockCount()).arg(int(model->state()))
          << Qt::endl;
    return f;
}

// The naive deliveries view: the whole table in a QSqlTableModel, filtered and inspected in memory.
class NaiveFilter : public QSortFilterProxyModel
{
public:
    QString webhookId;
    qint64 sinceMs = 0;
    bool failuresOnly = false;
    int webhookColumn = -1, startedColumn = -1, successColumn = -1;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &parent) const override
    {
        const QAbstractItemModel *source = sourceModel();
        if (failuresOnly && source->data(source->index(sourceRow, successColumn, parent)).toBool())
            return false;
        if (!webhookId.isEmpty() && source->data(source->index(sourceRow, webhookColumn, parent)).toString() != webhookId)
            return false;
        return source->data(source->index(sourceRow, startedColumn, parent)).toLongLong() >= sinceMs;
    }
};

Figures measureBaseline(Database &database, const QString &webhookName)
{
    QString webhookId;
    {
        QSqlQuery query(database.connection());
        query.prepare(u"SELECT id FROM webhooks WHERE name = ?"_s);
        query.addBindValue(webhookName);
        if (query.exec() && query.next())
            webhookId = query.value(0).toString();
    }
    Figures f;
    QElapsedTimer timer;
    const double before = residentMegabytes();
    timer.start();
    auto table = std::make_unique<QSqlTableModel>(nullptr, database.connection());
    table->setTable(u"deliveries"_s);
    const QSqlRecord record = table->record();
    table->setSort(record.indexOf(u"started_at"_s), Qt::DescendingOrder);
    table->setEditStrategy(QSqlTableModel::OnManualSubmit);
    table->select();
    auto proxy = std::make_unique<NaiveFilter>();
    proxy->webhookColumn = record.indexOf(u"webhook_id"_s);
    proxy->startedColumn = record.indexOf(u"started_at"_s);
    proxy->successColumn = record.indexOf(u"success"_s);
    proxy->setSourceModel(table.get());
    for (int row = 0; row < 40 && row < proxy->rowCount(); ++row)
        proxy->data(proxy->index(row, 0));
    f.firstPageMs = msSince(timer);

    timer.restart();
    while (table->canFetchMore())
        table->fetchMore();
    proxy->data(proxy->index(proxy->rowCount() - 1, 0));
    f.lastRowMs = msSince(timer);
    f.memoryGrowthMb = residentMegabytes() - before;
    out() << u"  baseline: %1 rows loaded"_s.arg(proxy->rowCount()) << Qt::endl;

    timer.restart();
    proxy->webhookId = webhookId;
    proxy->failuresOnly = true;
    proxy->sinceMs = QDateTime::currentMSecsSinceEpoch() - 24 * 3600 * 1000;
    proxy->invalidate();
    for (int row = 0; row < 40 && row < proxy->rowCount(); ++row)
        proxy->data(proxy->index(row, 0));
    f.filterMs = msSince(timer);
    out() << u"  baseline: filter selects %1 attempts"_s.arg(proxy->rowCount()) << Qt::endl;

    // Health the naive way: every attempt read to find rates, the last attempt and the failure streaks.
    timer.restart();
    struct Tally { qint64 day = 0, daySuccess = 0, week = 0, weekSuccess = 0, streak = 0; bool sawSuccess = false; qint64 last = 0; };
    QHash<QString, Tally> tallies;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int row = 0; row < table->rowCount(); ++row) {
        Tally &t = tallies[table->data(table->index(row, proxy->webhookColumn)).toString()];
        const qint64 started = table->data(table->index(row, proxy->startedColumn)).toLongLong();
        const bool success = table->data(table->index(row, proxy->successColumn)).toBool();
        t.last = std::max(t.last, started);
        if (started >= now - 24 * 3600 * 1000) { ++t.day; t.daySuccess += success; }
        if (started >= now - 7 * 24 * 3600 * 1000) { ++t.week; t.weekSuccess += success; }
        t.sawSuccess = t.sawSuccess || success;
        if (!t.sawSuccess)
            ++t.streak;
    }
    f.healthMs = msSince(timer);
    return f;
}

bool runStatement(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (query.exec(sql))
        return true;
    out() << u"  %1 failed: %2"_s.arg(sql, Database::describe(query.lastError())) << Qt::endl;
    return false;
}

// Each measurement runs in a child process of its own, so that neither the generator's nor the other
// measurement's freed heap hides memory growth, and so that caches of one do not flatter the other.
std::optional<Figures> measureInChild(const QString &which, const DatabaseUrl &url, const QString &webhookName,
                                      bool healthOnly)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments{u"--measure"_s, which, u"--url"_s, url.toString(), u"--webhook"_s, webhookName};
    if (healthOnly)
        arguments << u"--health-only"_s;
    child.start(QCoreApplication::applicationFilePath(), arguments);
    if (!child.waitForFinished(-1) || child.exitCode() != 0) {
        out() << u"  the %1 measurement failed: %2"_s.arg(which, QString::fromUtf8(child.readAllStandardOutput()))
              << Qt::endl;
        return std::nullopt;
    }
    Figures f;
    const QHash<QString, double *> fields = {
        {u"firstPageMs"_s, &f.firstPageMs}, {u"firstPageWarmMs"_s, &f.firstPageWarmMs}, {u"countMs"_s, &f.countMs},
        {u"estimateMs"_s, &f.estimateMs},
        {u"lastRowMs"_s, &f.lastRowMs},     {u"filterMs"_s, &f.filterMs},               {u"healthMs"_s, &f.healthMs},
        {u"memoryGrowthMb"_s, &f.memoryGrowthMb}, {u"scrollSeconds"_s, &f.scrollSeconds}};
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        const QStringList parts = QString::fromUtf8(line).split(u' ');
        if (parts.size() == 3 && parts.at(0) == u"FIGURE" && fields.contains(parts.at(1)))
            *fields.value(parts.at(1)) = parts.at(2).toDouble();
        else if (!line.isEmpty())
            out() << QString::fromUtf8(line) << Qt::endl;
    }
    return f;
}

void printFigures(const Figures &f)
{
    out() << u"FIGURE firstPageMs %1\nFIGURE firstPageWarmMs %2\nFIGURE countMs %3\nFIGURE lastRowMs %4\n"
             "FIGURE filterMs %5\nFIGURE healthMs %6\nFIGURE memoryGrowthMb %7\nFIGURE scrollSeconds %8\n"
             "FIGURE estimateMs %9"_s
                 .arg(f.firstPageMs)
                 .arg(f.firstPageWarmMs)
                 .arg(f.countMs)
                 .arg(f.lastRowMs)
                 .arg(f.filterMs)
                 .arg(f.healthMs)
                 .arg(f.memoryGrowthMb)
                 .arg(f.scrollSeconds)
                 .arg(f.estimateMs)
          << Qt::endl;
}

// The secondary indexes of the deliveries table as the migrations made them (name and CREATE statement) that a
// bulk load can build afterwards: all but the message index, on which the undelivered counts' triggers look up
// the attempts of each inserted attempt's message.
QList<std::pair<QString, QString>> deliveryIndexes(Database &database)
{
    QSqlQuery query(database.connection());
    const bool sqlite = database.engine() == DatabaseUrl::Engine::SQLite;
    query.exec(sqlite ? u"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deliveries'"
                        " AND sql IS NOT NULL AND name <> 'deliveries_by_message'"_s
                      : u"SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'deliveries'"
                        " AND indexname NOT IN (SELECT conname FROM pg_constraint)"
                        " AND indexname <> 'deliveries_by_message'"_s);
    QList<std::pair<QString, QString>> indexes;
    while (query.next())
        indexes.append({query.value(0).toString(), query.value(1).toString()});
    return indexes;
}

// Generates the attempts (or finds them in a kept file) and returns the name of the filter change's webhook.
std::optional<QString> fill(const DatabaseUrl &url, qint64 rows, int webhookCount, int days)
{
    Database database;
    QElapsedTimer opening;
    opening.start();
    if (!database.open(url)) {
        out() << u"  cannot open: %1"_s.arg(database.errorString()) << Qt::endl;
        return std::nullopt;
    }
    // Opening migrates an older schema: a kept database may take a while the first time.
    out() << u"  opened in %1 s (schema migrations included)"_s.arg(opening.elapsed() / 1000.0, 0, 'f', 1) << Qt::endl;
    // A flaky webhook (the generator's second, by its name), so the filter change has something to find.
    const QString flaky = u"Webhook 02"_s;
    QSqlQuery existing(database.connection());
    if (existing.exec(u"SELECT COUNT(*) FROM deliveries"_s) && existing.next() && existing.value(0).toLongLong() > 0) {
        out() << u"  measuring the %1 attempts already there"_s.arg(existing.value(0).toLongLong()) << Qt::endl;
        return flaky;
    }
    existing.finish();
    // Attempts start at random times, so inserting them with the indexes in place writes random pages of every
    // index. Built afterwards from the finished table, the indexes take a fraction of the time and come out as
    // compact as those of a log written in time order. The triggers of the hourly counts stay.
    const QList<std::pair<QString, QString>> indexes = deliveryIndexes(database);
    for (const auto &[name, definition] : indexes)
        if (!runStatement(database, u"DROP INDEX "_s + name))
            return std::nullopt;
    QString error;
    const auto webhooks = DeliveryGenerator::createWebhooks(database, webhookCount, &error);
    if (!webhooks) {
        out() << u"  cannot create webhooks: %1"_s.arg(error) << Qt::endl;
        return std::nullopt;
    }
    DeliveryGeneratorOptions options;
    options.attempts = rows;
    options.days = days;
    options.rowsPerTransaction = 50000;
    QElapsedTimer timer;
    timer.start();
    const bool generated = DeliveryGenerator::generate(database, *webhooks, options, &error, [&](qint64 written) {
        if (written % 1000000 == 0 || written == rows)
            out() << u"  %1 attempts written (%2 s)"_s.arg(written).arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                  << Qt::endl;
    });
    if (!generated) {
        out() << u"  cannot generate: %1"_s.arg(error) << Qt::endl;
        return std::nullopt;
    }
    timer.restart();
    for (const auto &[name, definition] : indexes)
        if (!runStatement(database, definition))
            return std::nullopt;
    out() << u"  %1 indexes built in %2 s"_s.arg(indexes.size()).arg(timer.elapsed() / 1000.0, 0, 'f', 1) << Qt::endl;
    // Planner statistics, as PostgreSQL's autovacuum keeps them in a database in use.
    if (url.engine() == DatabaseUrl::Engine::PostgreSQL) {
        timer.restart();
        runStatement(database, u"VACUUM ANALYZE"_s);
        out() << u"  VACUUM ANALYZE took %1 s"_s.arg(timer.elapsed() / 1000.0, 0, 'f', 1) << Qt::endl;
    }
    return webhooks->at(1).name;
}

// What the command line asks for.
struct Run
{
    qint64 rows = 0;
    int webhooks = 0;
    int days = 0;
    bool baseline = true;
    bool healthOnly = false;
};

bool benchmark(const DatabaseUrl &url, const QString &engineName, const Run &run)
{
    out() << Qt::endl << u"-- %1: %2 --"_s.arg(engineName, url.displayName()) << Qt::endl;
    const auto webhookName = fill(url, run.rows, run.webhooks, run.days);
    if (!webhookName)
        return false;
    const auto model = measureInChild(u"model"_s, url, *webhookName, run.healthOnly);
    const auto naive = run.baseline ? measureInChild(u"baseline"_s, url, *webhookName, run.healthOnly)
                                    : std::optional<Figures>(Figures());
    if (!model || !naive)
        return false;
    report(engineName, *model, *naive, run.baseline, run.healthOnly);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Fills SQLite and PostgreSQL with delivery attempts and measures the deliveries "
                                     "model against QSqlTableModel + QSortFilterProxyModel."_s);
    parser.addHelpOption();
    const QCommandLineOption rowsOption(u"rows"_s, u"Attempts to generate (default 1000000)."_s, u"n"_s, u"1000000"_s);
    const QCommandLineOption webhooksOption(u"webhooks"_s, u"Webhooks (default 50)."_s, u"n"_s, u"50"_s);
    const QCommandLineOption daysOption(u"days"_s, u"Days the attempts span (default 30)."_s, u"n"_s, u"30"_s);
    const QCommandLineOption engineOption(u"engine"_s, u"sqlite, postgresql or both (default both)."_s, u"name"_s, u"both"_s);
    const QCommandLineOption pgOption(u"pg"_s,
                                      u"Maintenance URL of a PostgreSQL cluster to create a scratch database in "
                                      "(default: $GOREPORTER_BENCH_PG_URL, else $GOREPORTER_TEST_PG_URL)."_s,
                                      u"url"_s);
    const QCommandLineOption noBaselineOption(u"no-baseline"_s, u"Measure only the model."_s);
    const QCommandLineOption healthOnlyOption(u"health-only"_s,
                                              u"Measure only the health of all webhooks: seconds on a kept database, "
                                              "where scrolling through 10,000,000 rows takes half an hour."_s);
    const QCommandLineOption pgDatabaseOption(u"pg-database"_s,
                                              u"Fill this PostgreSQL database instead of a scratch one and keep it; a "
                                              "database that holds attempts already is measured as it is."_s,
                                              u"url"_s);
    const QCommandLineOption keepOption(u"keep"_s,
                                        u"Keep the PostgreSQL database it fills, for measuring it again with "
                                        "--measure model --url URL --webhook \"Webhook 02\"."_s);
    const QCommandLineOption sqliteFileOption(u"sqlite-file"_s,
                                              u"Fill this SQLite file instead of a scratch one and keep it; a file "
                                              "that holds attempts already is measured as it is."_s,
                                              u"path"_s);
    // Internal: what the child processes run.
    const QCommandLineOption measureOption(u"measure"_s, u"Internal: measure model or baseline on --url."_s, u"what"_s);
    const QCommandLineOption urlOption(u"url"_s, u"Internal: the filled database."_s, u"url"_s);
    const QCommandLineOption webhookOption(u"webhook"_s, u"Internal: the webhook of the filter change."_s, u"name"_s);
    parser.addOptions({rowsOption, webhooksOption, daysOption, engineOption, pgOption, noBaselineOption,
                       healthOnlyOption, sqliteFileOption, pgDatabaseOption, keepOption, measureOption, urlOption,
                       webhookOption});
    parser.process(app);

    if (parser.isSet(measureOption)) {
        QString error;
        const auto url = DatabaseUrl::parse(parser.value(urlOption), &error);
        Database database;
        if (!url || !database.open(*url)) {
            out() << (url ? database.errorString() : error) << Qt::endl;
            return 1;
        }
        Figures figures;
        if (parser.value(measureOption) == u"model" && parser.isSet(healthOnlyOption))
            figures.healthMs = measureHealth(database);
        else if (parser.value(measureOption) == u"model")
            figures = measureModel(*url, database, parser.value(webhookOption));
        else
            figures = measureBaseline(database, parser.value(webhookOption));
        printFigures(figures);
        return 0;
    }

    Run run;
    run.rows = parser.value(rowsOption).toLongLong();
    run.webhooks = parser.value(webhooksOption).toInt();
    run.days = parser.value(daysOption).toInt();
    run.baseline = !parser.isSet(noBaselineOption);
    run.healthOnly = parser.isSet(healthOnlyOption);
    const QString engine = parser.value(engineOption);
    out() << u"delivery-bench: %1 attempts over %2 webhooks and %3 days; RSS at start %4 MB"_s.arg(run.rows)
                 .arg(run.webhooks)
                 .arg(run.days)
                 .arg(residentMegabytes(), 0, 'f', 1)
          << Qt::endl;

    bool ok = true;
    if (engine == u"sqlite" || engine == u"both") {
        QTemporaryDir folder;
        const QString file = parser.isSet(sqliteFileOption) ? parser.value(sqliteFileOption)
                                                            : folder.filePath(u"bench.db"_s);
        ok = benchmark(DatabaseUrl::sqliteFile(file), u"SQLite"_s, run) && ok;
    }
    if ((engine == u"postgresql" || engine == u"both") && parser.isSet(pgDatabaseOption)) {
        QString error;
        const auto url = DatabaseUrl::parse(parser.value(pgDatabaseOption), &error);
        if (!url)
            out() << error << Qt::endl;
        ok = url && benchmark(*url, u"PostgreSQL"_s, run) && ok;
    } else if (engine == u"postgresql" || engine == u"both") {
        QString clusterUrl = parser.value(pgOption);
        if (clusterUrl.isEmpty())
            clusterUrl = qEnvironmentVariable("GOREPORTER_BENCH_PG_URL", qEnvironmentVariable("GOREPORTER_TEST_PG_URL"));
        if (clusterUrl.isEmpty()) {
            out() << u"No PostgreSQL: pass --pg or run under scripts/test-services.sh."_s << Qt::endl;
            return 1;
        }
        ScratchPostgres scratch(clusterUrl);
        scratch.keep = parser.isSet(keepOption);
        const auto url = scratch.url();
        if (url && scratch.keep)
            out() << u"  kept: %1"_s.arg(url->toString()) << Qt::endl;
        ok = url && benchmark(*url, u"PostgreSQL"_s, run) && ok;
    }
    return ok ? 0 : 1;
}
