// The "secret" and "epic" commands: a webhook's signing secret and Epic key pair, kept in the sealed store.
#pragma once

#include <QStringList>

// arguments: argv as given (program name first, "secret" among them), like runCommandLine().
//   secret set --webhook NAME [--database URL]           the secret is read from standard input
//   secret generate --webhook NAME [--database URL]      prints the new secret once, for the receiver
//   secret rotate --webhook NAME [--grace-hours N] [--database URL]
//   secret delete --webhook NAME [--database URL]
// The secret never comes from the arguments and never goes to standard error or a log.
// Returns 0 on success, 1 when the operation failed (sealed store, database, malformed secret), 2 for a wrong command line.
int runSecretCommand(const QStringList &arguments);

// arguments: argv as given, "epic" among them.
//   epic keygen --webhook NAME [--bits N] [--replace] [--database URL]
// Generates an RSA key pair, keeps the private key sealed and prints the public JWK Set for registration
// with Epic. Exit codes as above.
int runEpicCommand(const QStringList &arguments);
