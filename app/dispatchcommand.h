// The "dispatch" command: the dispatcher without a display, until it is stopped or, with --until-idle, idle.
#pragma once

#include <QStringList>

// arguments: argv as given (program name first, "dispatch" among them), like runCommandLine().
//   dispatch [--workers N] [--until-idle] [--stop-within SECONDS] [--database URL]
// Delivers the outbox's due deliveries until SIGTERM or SIGINT (the deliveries in flight get --stop-within seconds,
// default 10, then they are stopped and given back) or, with --until-idle, until nothing is due.
// Returns 0 when it stopped as asked, 1 when the database could not be opened, 2 for a wrong command line.
int runDispatchCommand(const QStringList &arguments);
