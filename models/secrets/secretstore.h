// Secrets in the operating system's keychain (Secret Service on Linux) through QtKeychain; never on disk.
#pragma once

#include "models/domain/result.h"

#include <QObject>
#include <QString>

#include <functional>

class SecretStore : public QObject
{
    Q_OBJECT
public:
    // The secret, for a successful read (empty after a write or a removal). Failures: NotFound (no such entry),
    // Unavailable (no keychain service, or it failed), Forbidden (the keychain refused access); each message says
    // what to do.
    using Result = ::Result<QString>;
    using Callback = std::function<void(const Result &)>;

    explicit SecretStore(const QString &service = QStringLiteral("goreporter-webhooks"), QObject *parent = nullptr);

    // Asynchronous: done runs on context's thread once the keychain answered, unless context is gone.
    void read(const QString &key, QObject *context, Callback done);
    void write(const QString &key, const QString &value, QObject *context, Callback done);
    void remove(const QString &key, QObject *context, Callback done);

    // For the command line, which has no window to keep responsive: waits in a local event loop.
    Result readAndWait(const QString &key);
    Result writeAndWait(const QString &key, const QString &value);
    Result removeAndWait(const QString &key);

    QString service() const { return m_service; }

private:
    enum class Operation { Read, Write, Remove };
    void start(Operation operation, const QString &key, const QString &value, QObject *context, Callback done);
    Result wait(Operation operation, const QString &key, const QString &value);

    QString m_service;
};
