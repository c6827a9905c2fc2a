// Secrets in the operating system's keychain (Secret Service on Linux) through QtKeychain; never on disk.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Status { Ok, NotFound, NoBackend, AccessDenied, Failed };
    struct Result
    {
        Status status = Status::Failed;
        QString value;    // the secret, for a successful read
        QString message;  // what went wrong and what to do, for anything but Ok
        bool ok() const { return status == Status::Ok; }
    };
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
