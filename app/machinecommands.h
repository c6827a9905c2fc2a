// The "machine" commands: enroll this machine, approve and revoke machines, list them.
#pragma once

#include <QStringList>

// arguments: argv as given (program name first, "machine" among them), like runCommandLine().
//   machine enroll [--name NAME] [--new-key] | machine approve FINGERPRINT | machine revoke FINGERPRINT | machine list
// Returns 0 on success, 1 when it failed (the reason on standard error), 2 for a wrong command line.
int runMachineCommand(const QStringList &arguments);
