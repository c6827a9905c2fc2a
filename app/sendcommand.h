// The "send" command: one test delivery of a stored webhook, recorded in the delivery log like one from the console.
#pragma once

#include <QStringList>

// arguments: argv as given (program name first, "send" among them), like runCommandLine().
//   send --webhook NAME --event TYPE [--sample-file F] [--database URL]
// Sends the webhook's real payload for the sample event (or the event in F), signed or authenticated as configured,
// as a new message; records the attempt with trigger "test" and prints status, latency and a diagnosis.
// Returns 0 when the receiver answered 2xx, 1 otherwise (including anything that stopped the sending),
// 2 when the command line is wrong.
int runSendCommand(const QStringList &arguments);
