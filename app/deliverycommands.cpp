// The "deliveries" and "redeliver" commands: filter, list or export the delivery log; redeliver and report each result.
#include "app/deliverycommands.h"

#include "app/commandsupport.h"
#include "models/storage/deliveryfilter.h"
#include "models/storage/deliverylog.h"
#include "models/storage/dispatchqueue.h"
#include "models/domain/eventtype.h"
#include "network/delivery/redelivery.h"
#include "network/transport/webhooksender.h"

#include <QEventLoop>
#include <QFile>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// A table longer than this scrolls out of any terminal; --limit asks for more, the export formats have no default.
constexpr int DefaultTableRows = 100;
// Rows per database page when exporting with --limit: pages of this size or smaller keep memory flat.
constexpr int MaxExportPage = 10000;

// An ISO 8601 instant; without an offset it is this computer's local time, as an administrator would mean it.
std::optional<QDateTime> parseInstant(const QString &text)
{
    QDateTime instant = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!instant.isValid())
        instant = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!instant.isValid())
        return std::nullopt;
    return instant.toUTC();
}

// The largest page size that divides limit, so that the export stops exactly at the limit at a page boundary.
int exportPageSize(qint64 limit)
{
    if (limit <= MaxExportPage)
        return int(std::max<qint64>(limit, 1));
    for (int size = MaxExportPage; size > 1; --size) {
        if (limit % size == 0)
            return size;
    }
    return 1;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}


// --- deliveries -----------------------------------------------------------------------------------------

class DeliveriesCommand
{
    Q_DECLARE_TR_FUNCTIONS(DeliveriesCommand)
public:
    int run(const QStringList &arguments);

private:
    int table(const DeliveryFilter &filter, int limit);
    int exportRows(const DeliveryFilter &filter, DeliveryLog::ExportFormat format, std::optional<qint64> limit);

    CommandSupport m_support{u"deliveries"_s};
};

int DeliveriesCommand::run(const QStringList &arguments)
{
    QCommandLineParser &parser = m_support.parser();
    parser.setApplicationDescription(
        tr("Lists the delivery log, newest first: every attempt to deliver a message (events, test-sends and "
           "redeliveries).\n\n"
           "  deliveries [--webhook NAME] [--event TYPE] [--failed] [--since ISO] [--format table|csv|jsonl] "
           "[--limit N]\n\n"
           "The table shows at most %1 attempts unless --limit says otherwise; csv and jsonl write every attempt "
           "of the filter, with request and response, secret header values redacted. A time without an offset "
           "is local time.").arg(DefaultTableRows));
    m_support.addCommonOptions();
    parser.addOption({u"webhook"_s, tr("Only attempts to this webhook (by name; also a deleted webhook's name)."), tr("name")});
    parser.addOption({u"event"_s, tr("Only attempts of this event type, such as battery.low."), tr("type")});
    parser.addOption({u"failed"_s, tr("Only failed attempts.")});
    parser.addOption({u"since"_s, tr("Only attempts started at or after this time (ISO 8601)."), tr("time")});
    parser.addOption({u"format"_s, tr("table (the default), csv or jsonl."), tr("format")});
    parser.addOption({u"limit"_s, tr("At most this many attempts, the newest."), tr("count")});
    parser.addPositionalArgument(u"deliveries"_s, tr("The command."), u"deliveries"_s);
    int exitCode = CommandSupport::Success;
    const auto words = m_support.parse(arguments, &exitCode);
    if (!words)
        return exitCode;
    if (!words->isEmpty())
        return m_support.usage(tr("Unexpected arguments: %1.").arg(words->join(u' ')));

    DeliveryFilter filter;
    filter.webhook = parser.value(u"webhook"_s).trimmed();
    if (parser.isSet(u"event"_s)) {
        filter.eventType = parser.value(u"event"_s).trimmed();
        if (!EventCatalog::find(filter.eventType)) {
            QStringList names;
            for (const EventType &type : EventCatalog::builtIn())
                names.append(type.name);
            return m_support.usage(tr("Unknown event “%1”; the events are: %2.").arg(filter.eventType, names.join(u", "_s)));
        }
    }
    if (parser.isSet(u"failed"_s))
        filter.result = DeliveryFilter::Result::Failure;
    if (parser.isSet(u"since"_s)) {
        const auto since = parseInstant(parser.value(u"since"_s));
        if (!since)
            return m_support.usage(tr("--since needs a time in ISO 8601, such as 2024-05-01T08:00:00Z; “%1” is not one.")
                                       .arg(parser.value(u"since"_s)));
        filter.timeRange = DeliveryFilter::TimeRange::Custom;
        filter.customFrom = *since;
    }
    std::optional<qint64> limit;
    if (parser.isSet(u"limit"_s)) {
        bool ok = false;
        const qint64 value = parser.value(u"limit"_s).toLongLong(&ok);
        if (!ok || value < 1)
            return m_support.usage(tr("--limit needs a whole number of at least 1; “%1” is not one.")
                                       .arg(parser.value(u"limit"_s)));
        limit = value;
    }
    const QString format = parser.isSet(u"format"_s) ? parser.value(u"format"_s).trimmed().toLower() : u"table"_s;
    if (format != u"table" && format != u"csv" && format != u"jsonl")
        return m_support.usage(tr("--format must be table, csv or jsonl; “%1” is not one of them.").arg(parser.value(u"format"_s)));

    if (!m_support.openDatabase())
        return CommandSupport::Failure;
    if (format == u"table")
        return table(filter, int(std::min<qint64>(limit.value_or(DefaultTableRows), 1000000)));
    return exportRows(filter, format == u"csv" ? DeliveryLog::ExportFormat::Csv : DeliveryLog::ExportFormat::JsonLines,
                      limit);
}

int DeliveriesCommand::table(const DeliveryFilter &filter, int limit)
{
    DeliveryLog log(m_support.database());
    const auto selection = log.select(filter, QDateTime::currentDateTimeUtc());
    if (!selection)
        return m_support.fail(selection.message());
    // One row more than shown says whether there are more, without counting a log of millions.
    const auto rows = log.firstPage(*selection, limit + 1);
    if (!rows)
        return m_support.fail(rows.message());
    if (rows->isEmpty()) {
        m_support.err() << tr("No attempts match.") << '\n';
        return CommandSupport::Success;
    }
    QList<QStringList> table = {{tr("TIME"), tr("WEBHOOK"), tr("EVENT"), tr("EVENT ID"), tr("ATTEMPT"), tr("TRIGGER"),
                                 tr("STATUS"), tr("RESULT"), tr("LATENCY"), tr("ERROR")}};
    const qsizetype shown = std::min<qsizetype>(rows->size(), limit);
    for (qsizetype i = 0; i < shown; ++i) {
        const DeliveryListRow &row = rows->at(i);
        table.append({iso(row.startedAtMs), row.webhookName, row.eventType, row.eventId, QString::number(row.attempt),
                      row.trigger, row.responseStatus ? QString::number(*row.responseStatus) : u"-"_s,
                      row.success ? tr("ok") : tr("failed"),
                      row.durationMs ? tr("%1 ms").arg(*row.durationMs) : u"-"_s, DeliveryErrors::readable(row.error).simplified()});
    }
    CommandSupport::printTable(m_support.out(), table);
    m_support.out().flush();
    if (rows->size() > limit)
        m_support.err() << tr("The newest %n attempt(s) are shown; --limit shows more.", nullptr, int(shown)) << '\n';
    return CommandSupport::Success;
}

int DeliveriesCommand::exportRows(const DeliveryFilter &filter, DeliveryLog::ExportFormat format,
                                  std::optional<qint64> limit)
{
    m_support.out().flush();
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return m_support.fail(tr("Cannot write to standard output: %1").arg(out.errorString()));
    DeliveryLog log(m_support.database());
    // exportTo() asks after every page whether to go on: with a page size dividing the limit, it stops exactly there.
    const int pageSize = limit ? exportPageSize(*limit) : 500;
    const DeliveryLog::Progress keepGoing = [limit](qint64 done, qint64) { return !limit || done < *limit; };
    const Result<DeliveryLog::ExportSummary> exported =
        log.exportTo(filter, QDateTime::currentDateTimeUtc(), format, &out, keepGoing, pageSize);
    out.flush();
    if (!exported)
        return m_support.fail(exported.message());
    return CommandSupport::Success;
}

// --- redeliver -----------------------------------------------------------------------------------------

class RedeliverCommand
{
    Q_DECLARE_TR_FUNCTIONS(RedeliverCommand)
public:
    int run(const QStringList &arguments);

private:
    void print(const RedeliveryOutcome &outcome);
    int replayMissed();

    CommandSupport m_support{u"redeliver"_s};
};

void RedeliverCommand::print(const RedeliveryOutcome &outcome)
{
    QTextStream &out = m_support.out();
    if (outcome.status == RedeliveryOutcome::Status::Refused) {
        out << tr("Attempt %1 was not redelivered: %2").arg(outcome.originalId).arg(outcome.message) << '\n';
        if (outcome.refusal == DeliveryRefusal::WebhookInactive)
            out << tr("  Add --include-disabled to redeliver to it anyway.") << '\n';
        out.flush();
        return;
    }
    const DeliveryRecord &record = outcome.record;
    const DeliveryResult &result = outcome.result;
    const QString what = tr("Attempt %1 (%2 %3) to “%4”").arg(outcome.originalId).arg(record.eventType, record.eventId,
                                                                                   record.webhookName);
    const QString status = u"%1 %2"_s.arg(QString::number(result.status), result.reasonPhrase).trimmed();
    if (outcome.delivered())
        out << tr("%1: delivered, HTTP %2, latency %3 ms.").arg(what, status).arg(result.latencyMs) << '\n';
    else if (outcome.status == RedeliveryOutcome::Status::Cancelled)
        out << tr("%1: cancelled.").arg(what) << '\n';
    else if (result.status > 0)
        out << tr("%1: not delivered, HTTP %2, latency %3 ms.").arg(what, status).arg(result.latencyMs) << '\n';
    else
        out << tr("%1: not delivered: %2").arg(what, result.errorText) << '\n';
    if (!outcome.delivered() && !result.diagnosis.isEmpty())
        out << tr("  Diagnosis: %1").arg(result.diagnosis) << '\n';
    if (outcome.recordError.isEmpty())
        out << tr("  Recorded as attempt %1 of message %2 (id %3).").arg(record.attempt).arg(record.messageId).arg(record.id)
            << '\n';
    else
        out << tr("  The attempt could not be recorded in the delivery log: %1").arg(outcome.recordError) << '\n';
    out.flush();
}

int RedeliverCommand::replayMissed()
{
    QCommandLineParser &parser = m_support.parser();
    const auto since = parseInstant(parser.value(u"missed-since"_s));
    if (!since)
        return m_support.usage(tr("--missed-since needs a time in ISO 8601, such as 2024-05-01T08:00:00Z; “%1” is "
                                  "not one.").arg(parser.value(u"missed-since"_s)));
    QString webhookId;
    QString webhookName;
    if (parser.isSet(u"webhook"_s)) {
        const auto webhook = m_support.findWebhook(parser.value(u"webhook"_s));
        if (!webhook)
            return CommandSupport::Failure;
        if (!webhook->active)
            return m_support.fail(tr("“%1” is disabled; enable it first (webhooks enable NAME). Its missed events "
                                     "stay kept.").arg(webhook->name));
        webhookId = webhook->id;
        webhookName = webhook->name;
    } else if (!m_support.openDatabase()) {
        return CommandSupport::Failure;
    }
    const Result<int> replayed =
        DispatchQueue(m_support.database()).replayMissed(webhookId, *since, QDateTime::currentDateTimeUtc());
    if (!replayed)
        return m_support.fail(replayed.message());
    m_support.out() << (webhookName.isEmpty()
                            ? tr("%n missed event(s) are due again; a running dispatcher sends them.", nullptr, *replayed)
                            : tr("%n missed event(s) of “%1” are due again; a running dispatcher sends them.", nullptr,
                                 *replayed)
                                  .arg(webhookName))
                    << '\n';
    return CommandSupport::Success;
}

int RedeliverCommand::run(const QStringList &arguments)
{
    QCommandLineParser &parser = m_support.parser();
    parser.setApplicationDescription(
        tr("Sends logged messages again: the same message id (webhook-id) and body, with a fresh timestamp and "
           "signature, to the webhook as it is configured now. Each result is printed and recorded with trigger "
           "“redeliver”.\n\n"
           "  redeliver --delivery ID\n"
           "  redeliver --failed-since ISO [--webhook NAME]\n"
           "  redeliver --missed-since ISO [--webhook NAME]\n\n"
           "--missed-since makes the events that came while a webhook was disabled due again, for the dispatcher.\n"
           "--failed-since picks every message whose newest attempt failed and started at or after that time, once "
           "each, and sends at most %1 a second. Exit code 0 when every redelivery was accepted, 1 otherwise.")
            .arg(BulkRedelivery::DefaultMaxPerSecond));
    m_support.addCommonOptions();
    parser.addOption({u"delivery"_s, tr("The id of the attempt to send again, as the delivery log shows it."), tr("id")});
    parser.addOption({u"failed-since"_s, tr("Every message that failed at or after this time (ISO 8601)."), tr("time")});
    parser.addOption({u"missed-since"_s,
                      tr("Every event that came at or after this time (ISO 8601) while its webhook was disabled."),
                      tr("time")});
    parser.addOption({u"webhook"_s, tr("With --failed-since or --missed-since: only this webhook's messages."),
                      tr("name")});
    parser.addOption({u"include-disabled"_s, tr("Redeliver to disabled webhooks too.")});
    parser.addPositionalArgument(u"redeliver"_s, tr("The command."), u"redeliver"_s);
    int exitCode = CommandSupport::Success;
    const auto words = m_support.parse(arguments, &exitCode);
    if (!words)
        return exitCode;
    if (!words->isEmpty())
        return m_support.usage(tr("Unexpected arguments: %1.").arg(words->join(u' ')));
    const bool single = parser.isSet(u"delivery"_s);
    const bool failedSince = parser.isSet(u"failed-since"_s);
    const bool missedSince = parser.isSet(u"missed-since"_s);
    if (int(single) + int(failedSince) + int(missedSince) != 1)
        return m_support.usage(tr("Give one of --delivery ID, --failed-since TIME or --missed-since TIME."));
    if (missedSince)
        return replayMissed();
    if (single && parser.isSet(u"webhook"_s))
        return m_support.usage(tr("--webhook goes with --failed-since; an attempt already names its webhook."));

    QList<qint64> ids;
    if (single) {
        bool ok = false;
        const qint64 id = parser.value(u"delivery"_s).toLongLong(&ok);
        if (!ok || id < 1)
            return m_support.usage(tr("--delivery needs the id of an attempt, a whole number; “%1” is not one.")
                                       .arg(parser.value(u"delivery"_s)));
        if (!m_support.openDatabase())
            return CommandSupport::Failure;
        ids << id;
    } else {
        const auto since = parseInstant(parser.value(u"failed-since"_s));
        if (!since)
            return m_support.usage(tr("--failed-since needs a time in ISO 8601, such as 2024-05-01T08:00:00Z; “%1” is "
                                      "not one.").arg(parser.value(u"failed-since"_s)));
        DeliveryFilter filter;
        filter.timeRange = DeliveryFilter::TimeRange::Custom;
        filter.customFrom = *since;
        if (parser.isSet(u"webhook"_s)) {
            // Only configured webhooks can be redelivered to: a name no webhook has is a mistake, not an empty list.
            const auto webhook = m_support.findWebhook(parser.value(u"webhook"_s));
            if (!webhook)
                return CommandSupport::Failure;
            filter.webhook = webhook->id;
        } else if (!m_support.openDatabase()) {
            return CommandSupport::Failure;
        }
        const Result<QList<qint64>> failed =
            DeliveryLog(m_support.database()).newestFailedAttempts(filter, QDateTime::currentDateTimeUtc());
        if (!failed)
            return m_support.fail(failed.message());
        if (failed->isEmpty()) {
            m_support.out() << tr("No message failed since %1 without being delivered later; nothing was sent.")
                                   .arg(since->toString(Qt::ISODate))
                            << '\n';
            return CommandSupport::Success;
        }
        // Oldest first, so receivers see the messages in the order they were meant to arrive.
        ids = *failed;
        std::reverse(ids.begin(), ids.end());
        m_support.err() << tr("Redelivering %n message(s), at most %1 a second.", nullptr, int(ids.size()))
                               .arg(BulkRedelivery::DefaultMaxPerSecond)
                        << '\n';
        m_support.err().flush();
    }

    WebhookSender sender;
    BulkRedelivery batch({m_support.databaseWorker(), m_support.credentials(), sender}, ids);
    batch.setOptions(RedeliveryOptions{parser.isSet(u"include-disabled"_s)});
    QEventLoop loop;
    QObject::connect(&batch, &BulkRedelivery::itemFinished, &loop, [this](const RedeliveryOutcome &outcome) { print(outcome); });
    QObject::connect(&batch, &BulkRedelivery::finished, &loop, &QEventLoop::quit);
    batch.start();
    // The command line has no window to keep responsive: this loop is the program's only one.
    loop.exec();

    const RedeliveryProgress &progress = batch.progress();
    if (ids.size() > 1)
        m_support.out() << tr("%1 of %2 redelivered, %3 failed.").arg(progress.successes).arg(progress.total).arg(progress.failures)
                        << '\n';
    return progress.failures == 0 ? CommandSupport::Success : CommandSupport::Failure;
}

} // namespace

int runDeliveriesCommand(const QStringList &arguments)
{
    DeliveriesCommand command;
    return command.run(arguments);
}

int runRedeliverCommand(const QStringList &arguments)
{
    RedeliverCommand command;
    return command.run(arguments);
}
