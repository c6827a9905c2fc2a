// Logging in to the configuration database with what this workstation already knows.
#pragma once

#include "models/storage/database.h"
#include "models/secrets/secretstore.h"

// For PostgreSQL, tries the password stored in the keychain first, then libpq's own sources (PGPASSWORD,
// ~/.pgpass, or a server that needs no password). A keychain that cannot be read is reported in
// *keychainProblem, not treated as fatal.
bool openWithStoredPassword(Database &database, const DatabaseUrl &url, SecretStore &secrets, QString *keychainProblem);
