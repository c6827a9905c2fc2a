// The "events" commands: the event types a webhook can subscribe to, and events put into the outbox.
#pragma once

#include <QStringList>

// arguments: argv as given (program name first, "events" among them), like runCommandLine().
//   events list [--database URL]
//   events emit --type TYPE [--id EVENT_ID] [--data-file F] [--database URL]
// emit stores the event (the built-in sample of TYPE without --data-file) in the outbox with one delivery for every
// subscribed webhook, prints the event id, and says so when the id was stored already (exit 0 then too).
// Returns 0 on success, 1 when the event was refused or the database failed, 2 for a wrong command line.
int runEventsCommand(const QStringList &arguments);
