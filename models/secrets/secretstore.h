// Secrets in the operating system's keychain (Secret Service on Linux) through QtKeychain; never on disk.
#pragma once

#include "models/secrets/credentialstore.h"

#include <QString>

// Failures: NotFound (no such entry), Unavailable (no keychain service, or it failed), Forbidden (the keychain
// refused access, or is locked); each message says what to do.
class SecretStore : public CredentialStore
{
    Q_OBJECT
public:
    explicit SecretStore(const QString &service = QStringLiteral("goreporter-webhooks"), QObject *parent = nullptr);

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &value, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

    QString service() const { return m_service; }

private:
    enum class Operation { Read, Write, Remove };
    void start(Operation operation, const QString &key, const QString &value, QObject *context, Callback done);

    QString m_service;
};
