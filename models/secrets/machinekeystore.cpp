// The identity's PEM in the keychain (SecretStore) or in a private file.
#include "models/secrets/machinekeystore.h"

#include "models/secrets/secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A PEM key and certificate are a few kilobytes; anything much larger is not this file.
constexpr qint64 MaxIdentityBytes = 64 * 1024;

} // namespace

MachineKeyStore::MachineKeyStore(SecretStore &keychain, Kind kind, const QString &path)
    : m_keychain(keychain)
    , m_kind(kind)
    , m_path(path)
{
}

MachineKeyStore MachineKeyStore::fromEnvironment(SecretStore &keychain)
{
    const QString configured = qEnvironmentVariable("GOREPORTER_MACHINE_KEY_FILE");
    if (!configured.isEmpty())
        return MachineKeyStore(keychain, Kind::File, configured);
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (!credentials.isEmpty()) {
        const QString path = QDir(credentials).filePath(QLatin1StringView(CredentialName));
        if (QFileInfo::exists(path))
            return MachineKeyStore(keychain, Kind::SystemdCredential, path);
    }
    return MachineKeyStore(keychain, Kind::Keychain, {});
}

MachineKeyStore MachineKeyStore::file(SecretStore &keychain, const QString &path)
{
    return MachineKeyStore(keychain, Kind::File, path);
}

QString MachineKeyStore::describe() const
{
    switch (m_kind) {
    case Kind::Keychain: return tr("this account's keychain");
    case Kind::File: return tr("the file %1").arg(m_path);
    case Kind::SystemdCredential: return tr("the service's systemd credential %1").arg(m_path);
    }
    return {};
}

MachineKeyStore::Loaded MachineKeyStore::loadAndWait()
{
    if (m_kind != Kind::Keychain)
        return readFile();
    return fromKeychainEntry(m_keychain.readAndWait(QLatin1StringView(KeychainEntry)));
}

void MachineKeyStore::load(QObject *context, std::function<void(const Loaded &)> done)
{
    if (m_kind != Kind::Keychain) {
        // A local file of a few kilobytes: read at once, answered on the next turn of the event loop.
        QMetaObject::invokeMethod(context, [done = std::move(done), loaded = readFile()] { done(loaded); },
                                  Qt::QueuedConnection);
        return;
    }
    m_keychain.read(QLatin1StringView(KeychainEntry), context,
                    [store = *this, done = std::move(done)](const SecretStore::Result &read) {
                        done(store.fromKeychainEntry(read));
                    });
}

MachineKeyStore::Loaded MachineKeyStore::fromKeychainEntry(const SecretStore::Result &read) const
{
    if (!read && read.code() == ErrorCode::NotFound)
        return std::optional<MachineIdentity>();
    if (!read)
        return read.failure();
    return fromPem(read->toUtf8());
}

MachineKeyStore::Loaded MachineKeyStore::readFile() const
{
    QFile file(m_path);
    if (!file.exists())
        return std::optional<MachineIdentity>();
    if (!file.open(QIODevice::ReadOnly))
        return Failure{ErrorCode::Forbidden, tr("This machine's key cannot be read from %1: %2")
                                                 .arg(describe(), file.errorString())};
    // A key file others can read is not this machine's secret any more.
    if (m_kind == Kind::File && (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
        return Failure{ErrorCode::Forbidden,
                       tr("This machine's key in %1 can be read by other accounts, so it is not used. Make it "
                          "readable by its owner only (chmod 600), then consider the machine's credentials "
                          "exposed: revoke it and enroll again.")
                           .arg(describe())};
    const QByteArray pem = file.read(MaxIdentityBytes + 1);
    if (pem.size() > MaxIdentityBytes)
        return Failure{ErrorCode::Invalid, tr("The machine key in %1 is too large to be one.").arg(describe())};
    return fromPem(pem);
}

MachineKeyStore::Loaded MachineKeyStore::fromPem(const QByteArray &pem) const
{
    const Result<MachineIdentity> identity = MachineIdentity::fromPem(pem);
    if (!identity)
        return Failure{ErrorCode::Invalid, tr("The machine key in %1 cannot be used: %2")
                                               .arg(describe(), identity.message())};
    return std::optional<MachineIdentity>(*identity);
}

Result<void> MachineKeyStore::saveAndWait(const MachineIdentity &identity)
{
    switch (m_kind) {
    case Kind::SystemdCredential:
        return Failure{ErrorCode::Forbidden,
                       tr("The machine key comes from %1, which this program only reads. Enroll with "
                          "GOREPORTER_MACHINE_KEY_FILE set to the file the credential is loaded from, as the "
                          "service's account.")
                           .arg(describe())};
    case Kind::Keychain: {
        const SecretStore::Result written =
            m_keychain.writeAndWait(QLatin1StringView(KeychainEntry), QString::fromUtf8(identity.toPem()));
        if (!written)
            return written.failure();
        return {};
    }
    case Kind::File:
        break;
    }
    // Created exclusively with mode 0600 before a byte is written: the key is never readable by others, and an
    // existing key is never replaced by accident (removeAndWait first).
    const QByteArray path = QFile::encodeName(m_path);
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return Failure{ErrorCode::Forbidden, tr("This machine's key cannot be written to %1: %2")
                                                 .arg(describe(), QString::fromLocal8Bit(strerror(errno)))};
    const QByteArray pem = identity.toPem();
    const bool written = ::write(fd, pem.constData(), size_t(pem.size())) == pem.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        QFile::remove(m_path);
        return Failure{ErrorCode::Unavailable, tr("This machine's key could not be written to %1.").arg(describe())};
    }
    return {};
}

Result<void> MachineKeyStore::removeAndWait()
{
    if (m_kind == Kind::Keychain) {
        const SecretStore::Result removed = m_keychain.removeAndWait(QLatin1StringView(KeychainEntry));
        if (!removed && removed.code() != ErrorCode::NotFound)
            return removed.failure();
        return {};
    }
    if (m_kind == Kind::SystemdCredential)
        return Failure{ErrorCode::Forbidden, tr("The machine key comes from %1, which this program only reads.")
                                                 .arg(describe())};
    if (QFile::exists(m_path) && !QFile::remove(m_path))
        return Failure{ErrorCode::Forbidden, tr("The old machine key in %1 cannot be removed.").arg(describe())};
    return {};
}
