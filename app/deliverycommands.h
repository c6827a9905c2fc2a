// The "deliveries" and "redeliver" commands: the delivery log in a terminal, and sending logged messages again.
#pragma once

#include <QStringList>

// arguments: argv as given (program name first, the command's word among them), like runCommandLine().
//   deliveries [--webhook NAME] [--event TYPE] [--failed] [--since ISO] [--format table|csv|jsonl] [--limit N]
// Prints the attempts of the filter, newest first: a table (at most 100 rows unless --limit says otherwise), or
// every attempt as CSV or JSON Lines streamed to standard output, secret header values redacted.
// Returns 0, 1 when the log cannot be read, 2 when the command line is wrong.
int runDeliveriesCommand(const QStringList &arguments);

//   redeliver --delivery ID [--include-disabled]
//   redeliver --failed-since ISO [--webhook NAME] [--include-disabled]
// Sends a logged attempt again (same message id and body, fresh signature), or every message that failed since
// the given time and has not been delivered since, at most five a second; prints and records each result.
// Returns 0 when every redelivery was accepted, 1 when any failed or was refused, 2 when the command line is wrong.
int runRedeliverCommand(const QStringList &arguments);
