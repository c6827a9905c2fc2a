// Re-sealing the stored credentials for the approved machines, one row at a time, never over a newer write.
#include "models/secrets/credentialresealing.h"

#include "models/secrets/sealedcredentialstore.h"
#include "models/secrets/sealedenvelope.h"
#include "models/storage/auditlog.h"
#include "models/storage/database.h"
#include "models/storage/sealedcredentials.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

Result<ResealOutcome> CredentialResealing::resealOn(Database &database, const MachineIdentity &identity,
                                                    const Progress &progress)
{
    if (Result<void> allowed = SealedCredentialStore::checkApproved(database, identity); !allowed)
        return allowed.failure();
    const Result<SealedCredentialStore::Recipients> approved = SealedCredentialStore::approvedRecipients(database);
    if (!approved)
        return approved.failure();
    ResealOutcome outcome;
    outcome.recipients = approved->fingerprints;
    SealedCredentials credentials(database);
    const Result<QList<SealedCredentialRecord>> stored = credentials.list();
    if (!stored)
        return stored.failure();
    QStringList wanted = outcome.recipients;
    std::sort(wanted.begin(), wanted.end());
    const int total = int(stored->size());
    for (int done = 0; done < total; ++done) {
        const SealedCredentialRecord &record = stored->at(done);
        QStringList has = record.recipients;
        std::sort(has.begin(), has.end());
        if (has == wanted) {
            ++outcome.alreadySealed;
        } else if (const Result<QByteArray> opened = SealedEnvelope::open(record.envelope, identity); !opened) {
            outcome.unopenable.append(credentials.describe(record.credential));
        } else {
            const Result<QByteArray> sealed = SealedEnvelope::seal(*opened, approved->certificates);
            if (!sealed)
                return sealed.failure();
            SealedCredentialRecord resealed = record;
            resealed.envelope = *sealed;
            resealed.recipients = outcome.recipients;
            resealed.sealedAt = QDateTime::currentDateTimeUtc();
            resealed.sealedBy = identity.fingerprint();
            const Result<bool> replaced = credentials.replaceIfUnchanged(resealed, record.envelope);
            if (!replaced)
                return replaced.failure();
            // A credential written meanwhile was sealed for the machines approved at that moment.
            if (*replaced)
                ++outcome.resealed;
            else
                ++outcome.alreadySealed;
        }
        if (progress && !progress(done + 1, total) && done + 1 < total) {
            outcome.cancelled = true;
            break;
        }
    }
    const QJsonObject after{{u"recipients"_s, QJsonArray::fromStringList(outcome.recipients)},
                            {u"resealed"_s, outcome.resealed},
                            {u"unopenable"_s, int(outcome.unopenable.size())},
                            {u"cancelled"_s, outcome.cancelled}};
    if (Result<void> audited = AuditLog::write(database, {u"credentials-reseal"_s, u"credentials"_s,
                                                          identity.fingerprint(), {}, {}, after});
        !audited)
        return audited.failure();
    return outcome;
}

Result<QStringList> CredentialResealing::readableBy(Database &database, const QString &fingerprint)
{
    SealedCredentials credentials(database);
    const Result<QList<SealedCredentialRecord>> stored = credentials.list();
    if (!stored)
        return stored.failure();
    QStringList readable;
    for (const SealedCredentialRecord &record : *stored) {
        if (record.recipients.contains(fingerprint))
            readable.append(credentials.describe(record.credential));
    }
    return readable;
}
