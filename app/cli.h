// The scriptable administration commands: same binary, no display needed.
#pragma once

#include <QStringList>

// Runs the subcommand in arguments (argv as given) and returns the process exit code:
// 0 success, 1 the operation failed, 2 the command line is wrong.
int runCommandLine(const QStringList &arguments);
