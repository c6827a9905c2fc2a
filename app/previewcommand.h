// The "preview" command: prints exactly the bytes a webhook would send for an event, for scripts and for review.
#pragma once

#include <QStringList>

// arguments: argv as given (program name first, "preview" among them), like runCommandLine().
//   preview --format slack|teams|epic|generic --event TYPE [--sample-file F] [--phi none|limited|full] [--headers]
//   preview --webhook NAME --event TYPE [--sample-file F] [--database URL] [--headers]
// Writes the body to standard output byte for byte (no newline added); with --headers, the HTTP headers first,
// one "Name: value" per line, then an empty line. Warnings go to standard error.
// Returns 0 on success, 1 when no payload can be built (bad sample file, event the integration cannot carry,
// unknown webhook, database trouble), 2 when the command line is wrong.
int runPreviewCommand(const QStringList &arguments);
