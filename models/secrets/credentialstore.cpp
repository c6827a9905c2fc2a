// The waiting forms of CredentialStore's operations, for the command line.
#include "models/secrets/credentialstore.h"

#include <QEventLoop>
#include <QMetaObject>

CredentialStore::Result CredentialStore::wait(const std::function<void(QObject *context, Callback done)> &start)
{
    QEventLoop loop;
    Result outcome = Failure{ErrorCode::Cancelled, QString()};
    bool finished = false;
    start(&loop, [&](const Result &result) {
        outcome = result;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return outcome;
}

void CredentialStore::holders(const QString &, QObject *context, Holders done)
{
    QMetaObject::invokeMethod(context, [done = std::move(done)] { done(QStringList()); }, Qt::QueuedConnection);
}

CredentialStore::Result CredentialStore::readAndWait(const QString &key)
{
    return wait([&](QObject *context, Callback done) { read(key, context, std::move(done)); });
}

CredentialStore::Result CredentialStore::writeAndWait(const QString &key, const QString &value)
{
    return wait([&](QObject *context, Callback done) { write(key, value, context, std::move(done)); });
}

CredentialStore::Result CredentialStore::removeAndWait(const QString &key)
{
    return wait([&](QObject *context, Callback done) { remove(key, context, std::move(done)); });
}
