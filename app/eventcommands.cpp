// The "events" commands: the catalogue of event types, and "events emit", the outbox's command-line producer.
#include "app/eventcommands.h"

#include "app/commandsupport.h"
#include "models/domain/event.h"
#include "models/domain/eventtype.h"
#include "models/storage/eventoutbox.h"

#include <QLocale>
#include <QUuid>

namespace {

QString typeNames()
{
    QStringList names;
    for (const EventType &type : EventCatalog::builtIn())
        names << type.name;
    return names.join(QStringLiteral(", "));
}

class EventsCommand
{
    Q_DECLARE_TR_FUNCTIONS(EventsCommand)
public:
    int run(const QStringList &arguments);

private:
    int list();
    int emitEvent();
    std::optional<Event> eventToEmit(const QString &type);

    CommandSupport m_support{QStringLiteral("events")};
};

int EventsCommand::list()
{
    QList<QStringList> rows = {{tr("EVENT"), tr("CATEGORY"), tr("SEVERITY"), tr("EPIC"), tr("DESCRIPTION")}};
    for (const EventType &event : EventCatalog::builtIn()) {
        rows.append({event.name, EventCatalog::categoryDisplayName(event.category), EventCatalog::severityKey(event.severity),
                     event.mapsToDiagnosticReport ? tr("yes") : tr("no"), event.displayDescription()});
    }
    CommandSupport::printTable(m_support.out(), rows);
    return CommandSupport::Success;
}

std::optional<Event> EventsCommand::eventToEmit(const QString &type)
{
    QCommandLineParser &parser = m_support.parser();
    const QString path = parser.value(QStringLiteral("data-file"));
    Event event;
    if (path.isEmpty()) {
        event = EventSamples::sample(type);
        // The sample's own id would make every emit of it the same event.
        event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        event.timestamp = QDateTime::currentDateTimeUtc();
    } else {
        QString error;
        std::optional<Event> loaded = Event::fromFile(path, &error);
        if (!loaded) {
            m_support.fail(error);
            return std::nullopt;
        }
        if (loaded->type != type) {
            m_support.fail(tr("%1 holds a %2 event, not %3; nothing was stored.").arg(path, loaded->type, type));
            return std::nullopt;
        }
        event = *loaded;
    }
    if (parser.isSet(QStringLiteral("id")))
        event.id = parser.value(QStringLiteral("id")).trimmed();
    // What the outbox stores is what every reader will parse: check it the way they will.
    QString error;
    if (!Event::fromJson(event.toJson(), &error)) {
        m_support.fail(tr("The event cannot be emitted: %1 Nothing was stored.").arg(error));
        return std::nullopt;
    }
    return event;
}

int EventsCommand::emitEvent()
{
    QCommandLineParser &parser = m_support.parser();
    const QString type = parser.value(QStringLiteral("type")).trimmed();
    if (type.isEmpty())
        return m_support.usage(tr("--type is required: one of %1.").arg(typeNames()));
    if (!EventCatalog::find(type))
        return m_support.usage(tr("Unknown event type “%1”; use one of %2.")
                                   .arg(type, typeNames()));
    if (parser.isSet(QStringLiteral("id")) && parser.value(QStringLiteral("id")).trimmed().isEmpty())
        return m_support.usage(tr("--id must not be empty."));
    const std::optional<Event> event = eventToEmit(type);
    if (!event)
        return CommandSupport::Failure;
    if (!m_support.openDatabase())
        return CommandSupport::Failure;

    const Result<AddedEvent> added = EventOutbox(m_support.database()).add(*event);
    if (!added)
        return m_support.fail(added.message());
    QTextStream &out = m_support.out();
    out << event->id << '\n';
    const QString receivedAt = QLocale().toString(added->receivedAt.toLocalTime(), QLocale::ShortFormat);
    if (!added->stored) {
        m_support.err() << (added->storedType == event->type
                                ? tr("Event %1 was received already (%2); it is stored once, nothing changed.")
                                      .arg(event->id, receivedAt)
                                : tr("Event %1 was received already (%2) as a %3 event; it is stored once, nothing "
                                     "changed.")
                                      .arg(event->id, receivedAt, added->storedType))
                        << '\n';
        return CommandSupport::Success;
    }
    QTextStream &err = m_support.err();
    const int subscribed = added->queued + added->skipped;
    if (subscribed == 0)
        err << tr("Stored; no webhook is subscribed to %1, so nothing will be sent.").arg(event->type);
    else
        err << tr("Stored for %n subscribed webhook(s).", nullptr, subscribed);
    if (added->skipped > 0)
        err << ' '
            << tr("%n of them disabled: kept as skipped, to replay after enabling.", nullptr, added->skipped);
    err << '\n';
    return CommandSupport::Success;
}

int EventsCommand::run(const QStringList &arguments)
{
    QCommandLineParser &parser = m_support.parser();
    parser.setApplicationDescription(
        tr("The events of goReporter.\n\n"
           "  events list                     the events a webhook can subscribe to\n"
           "  events emit --type TYPE [--id EVENT_ID] [--data-file F]\n"
           "                                  put an event into the outbox for every subscribed webhook; without\n"
           "                                  --data-file the built-in sample of TYPE; prints the event id. The id is\n"
           "                                  the idempotency key: an id stored already stores nothing."));
    m_support.addCommonOptions();
    parser.addOption({QStringLiteral("type"), tr("With emit: the event type, such as battery.low."), tr("type")});
    parser.addOption({QStringLiteral("id"), tr("With emit: the event id (default: a new one)."), tr("id")});
    parser.addOption({QStringLiteral("data-file"),
                      tr("With emit: the event, as a JSON file like those the preview and send commands read."),
                      tr("file")});
    parser.addPositionalArgument(QStringLiteral("events"), tr("The command and its action."),
                                 QStringLiteral("events list|emit"));
    int exitCode = CommandSupport::Success;
    const auto words = m_support.parse(arguments, &exitCode);
    if (!words)
        return exitCode;
    const QString action = words->value(0);
    if (words->size() > 1)
        return m_support.usage(tr("“events %1” takes no further arguments.").arg(action));
    const bool emitOptions = parser.isSet(QStringLiteral("type")) || parser.isSet(QStringLiteral("id"))
                             || parser.isSet(QStringLiteral("data-file"));
    if (action == QLatin1String("list")) {
        if (emitOptions)
            return m_support.usage(tr("--type, --id and --data-file go with “events emit”."));
        return m_support.openDatabase() ? list() : CommandSupport::Failure;
    }
    if (action == QLatin1String("emit"))
        return emitEvent();
    return m_support.usage(action.isEmpty() ? tr("“events” needs an action: list or emit.")
                                            : tr("Unknown action “events %1”; use list or emit.").arg(action));
}

} // namespace

int runEventsCommand(const QStringList &arguments)
{
    EventsCommand command;
    return command.run(arguments);
}
