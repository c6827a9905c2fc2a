// Secrets in the operating system's keychain (Secret Service on Linux) through QtKeychain; never on disk.
#include "models/secrets/secretstore.h"

#include <QPointer>

#include <qt6keychain/keychain.h>

namespace {

// QtKeychain 0.13 reports an unreachable session bus as OtherError ("Could not connect: …", "Cannot autolaunch
// D-Bus …"); for the user that is a missing keychain service, not a locked one.
QKeychain::Error effectiveError(const QKeychain::Job *job)
{
    const QString text = job->errorString();
    if (job->error() == QKeychain::OtherError
        && (text.contains(QLatin1String("Could not connect"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("DBus"), Qt::CaseInsensitive)))
        return QKeychain::NoBackendAvailable;
    return job->error();
}

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent)
    : CredentialStore(parent)
    , m_service(service)
{
}

void SecretStore::read(const QString &key, QObject *context, Callback done)
{
    start(Operation::Read, key, {}, context, std::move(done));
}

void SecretStore::write(const QString &key, const QString &value, QObject *context, Callback done)
{
    start(Operation::Write, key, value, context, std::move(done));
}

void SecretStore::remove(const QString &key, QObject *context, Callback done)
{
    start(Operation::Remove, key, {}, context, std::move(done));
}

void SecretStore::start(Operation operation, const QString &key, const QString &value, QObject *context, Callback done)
{
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setTextData(value);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // Never let QtKeychain fall back to a plain-text file when no keychain is available.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [operation, done = std::move(done)](QKeychain::Job *finished) {
        Result result = Failure{ErrorCode::Unavailable, QString()};
        switch (effectiveError(finished)) {
        case QKeychain::NoError:
            result = operation == Operation::Read ? static_cast<QKeychain::ReadPasswordJob *>(finished)->textData()
                                                  : QString();
            break;
        case QKeychain::EntryNotFound:
            result = Failure{ErrorCode::NotFound, tr("No secret is stored in this workstation's keychain for this entry.")};
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            result = Failure{ErrorCode::Unavailable, tr("No keychain service is running. Start a Secret Service provider such as "
                                "GNOME Keyring (Debian package gnome-keyring) in your desktop session and try again. "
                                "(%1)").arg(finished->errorString())};
            break;
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
            result = Failure{ErrorCode::Forbidden, tr("The keychain refused access; unlock your keyring (it may be locked after login) "
                                "and allow goReporter Webhooks to use it. (%1)").arg(finished->errorString())};
            break;
        case QKeychain::CouldNotDeleteEntry:
        case QKeychain::OtherError:
            result = Failure{ErrorCode::Unavailable,
                             tr("The keychain reported an error: %1. If your keyring is locked, unlock it and try "
                                "again.").arg(finished->errorString())};
            break;
        }
        done(result);
    });
    job->start();
}
