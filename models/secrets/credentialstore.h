// Where a webhook's credentials are kept, by name ("webhook/<id>/signing-secret"): the interface the secret
// life cycle, the Epic key generation and the credential resolver use, whatever store is behind it.
#pragma once

#include "models/domain/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class CredentialStore : public QObject
{
    Q_OBJECT
public:
    // The value, for a successful read (empty after a write or a removal). Failures: NotFound (nothing is stored
    // under that name), Forbidden (it is there, but may not be opened here), Unavailable (the store cannot be
    // reached), Invalid (what is stored is damaged); each message says what to do.
    using Result = ::Result<QString>;
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;

    // Asynchronous: done runs on context's thread once the store answered (never inside the call), unless
    // context is gone.
    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, Callback done) = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;

    // Who can open what is stored under key, as people know them ("ws-admin (3F2A-…)"); empty when nothing is
    // stored, or when the store cannot tell. Answered like read.
    using Holders = std::function<void(const ::Result<QStringList> &)>;
    virtual void holders(const QString &key, QObject *context, Holders done);

    // For the command line, which has no window to keep responsive: each waits in a local event loop.
    Result readAndWait(const QString &key);
    Result writeAndWait(const QString &key, const QString &value);
    Result removeAndWait(const QString &key);

private:
    Result wait(const std::function<void(QObject *context, Callback done)> &start);
};
