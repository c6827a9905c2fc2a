// The "dispatch" command: runs the dispatcher headless and stops it cleanly on SIGTERM or SIGINT.
#include "app/dispatchcommand.h"

#include "app/commandsupport.h"
#include "models/storage/dispatcherregistry.h"
#include "network/delivery/dispatcher.h"
#include "network/transport/webhooksender.h"

#include <QCoreApplication>
#include <QEventLoop>
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
    CommandSupport m_support{QStringLiteral("dispatch")};
};

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
    if (!words->isEmpty())
        return m_support.usage(tr("“dispatch” takes no further arguments."));
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
    if (const Result<void> entered = DispatcherRegistry(m_support.database()).enter(self, self.startedAt); !entered)
        return m_support.fail(entered.message());
    Dispatcher dispatcher(m_support.databaseWorker(), m_support.secrets(), sender, owner, options);
    dispatcher.setStopWhenIdle(parser.isSet(QStringLiteral("until-idle")));
    QEventLoop loop;
    QObject::connect(&dispatcher, &Dispatcher::stopped, &loop, &QEventLoop::quit);
    QObject::connect(&dispatcher, &Dispatcher::problem, &loop, [this](const QString &message) {
        m_support.err() << message << '\n';
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
    dispatcher.start();
    loop.exec();
    const DispatcherCounts &counts = dispatcher.counts();
    m_support.err() << tr("Stopped: %1 delivered, %2 to be retried, %3 failed.")
                           .arg(counts.delivered)
                           .arg(counts.retrying)
                           .arg(counts.failed)
                    << '\n';
    return CommandSupport::Success;
}

} // namespace

int runDispatchCommand(const QStringList &arguments)
{
    DispatchCommand command;
    return command.run(arguments);
}
