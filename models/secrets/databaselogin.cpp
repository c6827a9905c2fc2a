// Logging in to the configuration database with what this workstation already knows.
#include "models/secrets/databaselogin.h"

bool openWithStoredPassword(Database &database, const DatabaseUrl &url, SecretStore &secrets, QString *keychainProblem)
{
    if (url.engine() == DatabaseUrl::Engine::SQLite)
        return database.open(url);
    const SecretStore::Result stored = secrets.readAndWait(url.keychainKey());
    if (stored.ok()) {
        if (database.open(url, stored.value()))
            return true;
        // Only a rejected password is worth a second try; any other failure is the answer.
        if (database.error() != Database::Error::AuthenticationFailed)
            return false;
    }
    if (!stored.ok() && stored.code() != ErrorCode::NotFound && keychainProblem)
        *keychainProblem = stored.message();
    return database.open(url);
}
