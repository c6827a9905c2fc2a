// The "dispatch" command: runs the dispatcher headless and stops it cleanly on SIGTERM or SIGINT.
#include "app/dispatchcommand.h"

#include "app/commandsupport.h"
#include "models/domain/strictjson.h"
#include "models/storage/dispatcherregistry.h"
#include "models/storage/dispatchsettings.h"
#include "models/storage/webhookrepository.h"
#include "network/delivery/dispatcher.h"
#include "network/transport/webhooksender.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QSysInfo>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A signal handler may do almost nothing: it writes a byte that the event loop reads (the pattern of Qt's
// documentation, "Calling Qt Functions From Unix Signal Handlers").
int signalPipe[2] = {-1, -1};

void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[0], &byte, 1);
}

class DispatchCommand
{
    Q_DECLARE_TR_FUNCTIONS(DispatchCommand)
public:
    int run(const QStringList &arguments);

private:
    int settings(const QStringList &words);
    int showSettings();
    int status();
    static QString healthMessage(const WebhookHealthNews &news);

    CommandSupport m_support{QStringLiteral("dispatch")};
};

// "dispatch settings [set NAME JSON | reset NAME | rate WEBHOOK PER_SECOND|default]": what every dispatcher follows.
int DispatchCommand::settings(const QStringList &words)
{
    const QString action = words.value(1);
    if (action.isEmpty() && words.size() == 1)
        return showSettings();
    if (action == QLatin1String("set") && words.size() == 4) {
        const QString name = words.at(2);
        const Result<QJsonObject> value = StrictJson::parseObject(
            words.at(3).toUtf8(), tr("The value of “%1”").arg(name), tr("The value of “%1” must be a JSON object.").arg(name));
        if (!value)
            return m_support.usage(value.message() + QLatin1Char(' ') + tr("Nothing was changed."));
        if (const Result<void> checked = DispatchConfig::check(name, *value); !checked)
            return m_support.usage(checked.message() + QLatin1Char(' ') + tr("Nothing was changed."));
        if (!m_support.openDatabase())
            return CommandSupport::Failure;
        if (const Result<void> stored = DispatchSettings(m_support.database()).setValue(name, *value); !stored)
            return m_support.fail(stored.message());
        m_support.out() << tr("“%1” is set; running dispatchers follow it within 30 seconds.").arg(name) << '\n';
        return CommandSupport::Success;
    }
    if (action == QLatin1String("reset") && words.size() == 3) {
        const QString name = words.at(2);
        if (const Result<void> checked = DispatchConfig::check(name, {}); !checked)
            return m_support.usage(checked.message());
        if (!m_support.openDatabase())
            return CommandSupport::Failure;
        if (const Result<void> reset = DispatchSettings(m_support.database()).reset(name); !reset)
            return m_support.fail(reset.message());
        m_support.out() << tr("“%1” has its default again.").arg(name) << '\n';
        return CommandSupport::Success;
    }
    if (action == QLatin1String("rate") && words.size() == 4) {
        std::optional<double> perSecond;
        if (words.at(3) != QLatin1String("default")) {
            bool ok = false;
            const double given = words.at(3).toDouble(&ok);
            if (!ok || !(given >= 0 && given <= 1000))
                return m_support.usage(tr("The rate limit must be messages per second from 0 (no limit) to 1000, or "
                                          "“default” for its integration's."));
            perSecond = given;
        }
        const std::optional<Webhook> webhook = m_support.findWebhook(words.at(2));
        if (!webhook)
            return CommandSupport::Failure;
        if (const Result<void> set = DispatchSettings(m_support.database()).setWebhookRate(webhook->id, webhook->name,
                                                                                           perSecond);
            !set)
            return m_support.fail(set.message());
        m_support.out() << (perSecond ? tr("“%1” sends at most %2 messages per second.").arg(webhook->name).arg(*perSecond)
                                      : tr("“%1” follows the rate limit of its integration.").arg(webhook->name))
                        << '\n';
        return CommandSupport::Success;
    }
    return m_support.usage(tr("Use “dispatch settings”, “dispatch settings set NAME JSON”, “dispatch settings reset "
                              "NAME” or “dispatch settings rate WEBHOOK PER_SECOND|default”."));
}

// "dispatch status": who dispatches and what waits, as the console's status bar shows it; exit 3 when nobody
// delivers (for a monitoring check).
int DispatchCommand::status()
{
    if (!m_support.openDatabase())
        return CommandSupport::Failure;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Result<DispatchOverview> overview = DispatcherRegistry(m_support.database()).overview(now);
    if (!overview)
        return m_support.fail(overview.message());
    if (!overview->running.isEmpty()) {
        QList<QStringList> rows = {{tr("DISPATCHER"), tr("VERSION"), tr("RUNNING SINCE (UTC)"), tr("LAST HEARTBEAT (UTC)")}};
        for (const DispatcherInfo &dispatcher : overview->running)
            rows.append({dispatcher.owner, dispatcher.version, dispatcher.startedAt.toString(Qt::ISODate),
                         dispatcher.heartbeatAt.toString(Qt::ISODate)});
        CommandSupport::printTable(m_support.out(), rows);
    } else if (overview->lastSeen.isValid()) {
        m_support.out() << tr("No dispatcher is running; the last one was seen at %1 (UTC).")
                               .arg(overview->lastSeen.toString(Qt::ISODate))
                        << '\n';
    } else {
        m_support.out() << tr("No dispatcher is running.") << '\n';
    }
    if (overview->due == 0)
        m_support.out() << tr("Nothing is due.") << '\n';
    else
        m_support.out() << tr("%n delivery(s) due; the oldest since %1 (UTC).", nullptr,
                              int(std::min<qint64>(overview->due, INT_MAX)))
                               .arg(overview->oldestDue.toString(Qt::ISODate))
                        << '\n';
    if (!overview->deliveryStalled(now))
        return CommandSupport::Success;
    m_support.err() << tr("Events are not being delivered.") << '\n';
    return 3;
}

int DispatchCommand::showSettings()
{
    if (!m_support.openDatabase())
        return CommandSupport::Failure;
    DispatchSettings settings(m_support.database());
    const Result<QHash<QString, QJsonObject>> values = settings.values();
    if (!values)
        return m_support.fail(values.message());
    const Result<DispatchConfig> config = DispatchConfig::fromSettings(*values);
    if (!config)
        return m_support.fail(tr("The dispatch settings in the database cannot be used: %1").arg(config.message()));
    QList<QStringList> rows = {{tr("SETTING"), tr("SOURCE"), tr("VALUE")}};
    for (const QString &name : DispatchConfig::names()) {
        rows.append({name, values->contains(name) ? tr("database") : tr("default"),
                     QString::fromUtf8(QJsonDocument(config->settingValue(name)).toJson(QJsonDocument::Compact))});
    }
    CommandSupport::printTable(m_support.out(), rows);
    const Result<QHash<QString, double>> rates = settings.webhookRates();
    if (!rates)
        return m_support.fail(rates.message());
    if (rates->isEmpty())
        return CommandSupport::Success;
    const Result<QList<Webhook>> webhooks = WebhookRepository(m_support.database()).all();
    if (!webhooks)
        return m_support.fail(webhooks.message());
    QList<QStringList> rateRows = {{tr("WEBHOOK"), tr("MESSAGES PER SECOND")}};
    for (const Webhook &webhook : *webhooks) {
        if (rates->contains(webhook.id))
            rateRows.append({webhook.name, QString::number(rates->value(webhook.id))});
    }
    m_support.out() << '\n';
    CommandSupport::printTable(m_support.out(), rateRows);
    return CommandSupport::Success;
}

// One line for the dispatcher's log (the journal under systemd): times in UTC, as the rest of that log.
QString DispatchCommand::healthMessage(const WebhookHealthNews &news)
{
    const QString since = news.streak.failingSince.toString(Qt::ISODate);
    const int failures = news.streak.consecutiveFailures;
    switch (news.kind) {
    case WebhookHealthNews::Kind::Failing:
        return tr("Warning: webhook “%1” has failed every attempt since %2 (%n attempt(s)); it will be disabled at %3 "
                  "unless one succeeds. Last error: %4", nullptr, failures)
            .arg(news.webhookName, since, news.disableAt.toString(Qt::ISODate), news.streak.lastError);
    case WebhookHealthNews::Kind::Disabled:
        if (news.gone)
            return tr("Webhook “%1” was disabled: its receiver answered 410 Gone. Enable it again once its address "
                      "is right; “redeliver --missed-since” replays what it missed.")
                .arg(news.webhookName);
        return tr("Webhook “%1” was disabled after failing every attempt since %2 (%n attempt(s)). Last error: %3. "
                  "Enable it again once its receiver works; “redeliver --missed-since” replays what it missed.",
                  nullptr, failures)
            .arg(news.webhookName, since, news.streak.lastError);
    case WebhookHealthNews::Kind::Recovered:
        return tr("Webhook “%1” recovered after %n failed attempt(s) since %2.", nullptr, failures)
            .arg(news.webhookName, since);
    }
    return {};
}

int DispatchCommand::run(const QStringList &arguments)
{
    QCommandLineParser &parser = m_support.parser();
    parser.setApplicationDescription(
        tr("Delivers the events in the outbox to their webhooks, with retries, until stopped (SIGTERM or SIGINT) "
           "or, with --until-idle, until nothing is due."));
    m_support.addCommonOptions();
    parser.addOption({QStringLiteral("workers"), tr("Deliveries in flight at once (default 4)."), tr("n")});
    parser.addOption({QStringLiteral("until-idle"), tr("Stop once nothing is due.")});
    parser.addOption({QStringLiteral("stop-within"),
                      tr("On SIGTERM: seconds the deliveries in flight get to finish (default 10)."), tr("seconds")});
    parser.addPositionalArgument(QStringLiteral("dispatch"), tr("The command."), QStringLiteral("dispatch"));
    int exitCode = CommandSupport::Success;
    const auto words = m_support.parse(arguments, &exitCode);
    if (!words)
        return exitCode;
    if (words->value(0) == QLatin1String("settings")) {
        for (const QString &option : {QStringLiteral("workers"), QStringLiteral("until-idle"), QStringLiteral("stop-within")}) {
            if (parser.isSet(option))
                return m_support.usage(tr("--%1 is an option of running the dispatcher, not of its settings.").arg(option));
        }
        return settings(*words);
    }
    if (words->size() == 1 && words->first() == QLatin1String("status"))
        return status();
    if (!words->isEmpty())
        return m_support.usage(tr("“dispatch” takes no further arguments but “settings” or “status”."));
    DispatcherOptions options;
    auto number = [&](const QString &name, int minimum, int maximum, int *value) {
        if (!parser.isSet(name))
            return true;
        bool ok = false;
        const int given = parser.value(name).toInt(&ok);
        if (!ok || given < minimum || given > maximum)
            return false;
        *value = given;
        return true;
    };
    if (!number(QStringLiteral("workers"), 1, 64, &options.workers))
        return m_support.usage(tr("--workers must be a whole number from 1 to 64."));
    int stopWithinSeconds = 10;
    if (!number(QStringLiteral("stop-within"), 0, 600, &stopWithinSeconds))
        return m_support.usage(tr("--stop-within must be a whole number of seconds from 0 to 600."));
    if (!m_support.openDatabase())
        return CommandSupport::Failure;

    WebhookSender sender;
    const QString owner = QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());
    DispatcherInfo self{owner, QSysInfo::machineHostName(), QCoreApplication::applicationPid(),
                        QCoreApplication::applicationVersion(), QDateTime::currentDateTimeUtc(), {}};
    const Result<DispatchConfig> config = DispatchConfig::stored(m_support.database());
    if (!config && config.code() != ErrorCode::Invalid)
        return m_support.fail(config.message());
    if (!config)
        return m_support.fail(tr("The dispatch settings in the database cannot be used: %1 Correct them with "
                                 "“dispatch settings set” or “dispatch settings reset”.")
                                  .arg(config.message()));
    if (const Result<void> entered = DispatcherRegistry(m_support.database()).enter(self, self.startedAt); !entered)
        return m_support.fail(entered.message());
    Dispatcher dispatcher(m_support.databaseWorker(), m_support.credentials(), sender, owner, options);
    dispatcher.setStopWhenIdle(parser.isSet(QStringLiteral("until-idle")));
    QEventLoop loop;
    QObject::connect(&dispatcher, &Dispatcher::stopped, &loop, &QEventLoop::quit);
    QObject::connect(&dispatcher, &Dispatcher::problem, &loop, [this](const QString &message) {
        m_support.err() << message << '\n';
        m_support.err().flush();
    });
    QObject::connect(&dispatcher, &Dispatcher::webhookHealth, &loop, [this](const WebhookHealthNews &news) {
        m_support.err() << healthMessage(news) << '\n';
        m_support.err().flush();
    });
    QObject::connect(&dispatcher, &Dispatcher::alertRaised, &loop, [this](const RaisedAlert &alert) {
        if (!alert.added.stored)
            return;
        m_support.err() << tr("Alert %1 about webhook “%2” queued for %n subscribed webhook(s).", nullptr,
                              alert.added.queued)
                               .arg(alert.event.type, alert.event.webhook->name)
                        << '\n';
        m_support.err().flush();
    });
    QObject::connect(&dispatcher, &Dispatcher::testSendAnswered, &loop,
                     [this](const ClaimedTestSend &test, const DeliveryOutcome &outcome) {
                         const QString result = outcome.delivered() ? tr("delivered")
                                              : outcome.sent        ? outcome.result.errorSummary()
                                                                    : outcome.message;
                         m_support.err() << tr("Test-send to webhook %1, asked by %2: %3")
                                                .arg(test.request.webhookId.isEmpty() ? tr("an unsaved webhook")
                                                                                      : test.request.webhookId,
                                                     test.requestedBy, result)
                                         << '\n';
                         m_support.err().flush();
                     });

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return m_support.fail(tr("Cannot watch for the stop signal: %1").arg(QString::fromLocal8Bit(strerror(errno))));
    QSocketNotifier notifier(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &loop, [&] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(signalPipe[1], &byte, 1);
        m_support.err() << tr("Stopping: the deliveries in flight get %n second(s) to finish.", nullptr,
                              stopWithinSeconds)
                        << '\n';
        m_support.err().flush();
        dispatcher.stop(stopWithinSeconds * 1000);
    });
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    m_support.err() << tr("Dispatching as %1 with %n worker(s).", nullptr, options.workers).arg(owner) << '\n';
    m_support.err().flush();
    dispatcher.start(*config);
    loop.exec();
    const DispatcherCounts &counts = dispatcher.counts();
    m_support.err() << tr("Stopped: %1 delivered, %2 to be retried, %3 failed.")
                           .arg(counts.delivered)
                           .arg(counts.retrying)
                           .arg(counts.failed);
    if (counts.testSends > 0)
        m_support.err() << ' ' << tr("%n test-send(s) from consoles.", nullptr, counts.testSends);
    m_support.err() << '\n';
    return CommandSupport::Success;
}

} // namespace

int runDispatchCommand(const QStringList &arguments)
{
    DispatchCommand command;
    return command.run(arguments);
}
