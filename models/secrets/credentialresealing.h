// Brings every sealed credential to the machines approved now: after an approval (the new machine can open them)
// and after a revocation (the revoked one cannot open what is stored from then on).
#pragma once

#include "models/domain/result.h"
#include "models/secrets/machineidentity.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

class Database;

struct ResealOutcome
{
    int resealed = 0;        // sealed again, for exactly the approved machines
    int alreadySealed = 0;   // were sealed for exactly them already
    QStringList unopenable;  // what this machine could not open, described ("the signing secret of “…”")
    QStringList recipients;  // the approved machines' fingerprints
    bool cancelled = false;  // stopped on request; what was resealed stays so
};

class CredentialResealing
{
    Q_DECLARE_TR_FUNCTIONS(CredentialResealing)
public:
    // progress(done, total) runs after each credential on the caller's thread; returning false stops the work.
    using Progress = std::function<bool(int done, int total)>;

    // Opens each credential with identity (which must be an approved machine's) and seals it again for the
    // approved machines; one that changed meanwhile is left as its writer sealed it (for the machines approved
    // then). Audited once, with the recipients' fingerprints.
    static Result<ResealOutcome> resealOn(Database &database, const MachineIdentity &identity,
                                          const Progress &progress = {});
    // What a machine could have opened: the credentials sealed for it, described, before it was left out.
    static Result<QStringList> readableBy(Database &database, const QString &fingerprint);
};
