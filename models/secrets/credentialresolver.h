// Reads what a webhook's requests must be signed or authenticated with from the credential store, without waiting.
#pragma once

#include "models/domain/result.h"
#include "models/domain/webhook.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <functional>

class QObject;
class CredentialStore;

// The credentials of one webhook as its next request needs them.
struct WebhookCredentials
{
    QStringList signingSecrets;  // generic webhooks with a secret: the current one, the previous one in its grace period
    QByteArray epicPrivateKeyPem;  // Epic webhooks
};

// How the console, the command line and redelivery read credentials:
//
//   CredentialResolver::resolve(store, webhook, this, [this](const Result<WebhookCredentials> &credentials) {
//       if (!credentials)  // NotFound: not stored, Conflict: a different secret, Forbidden: not for this machine
//           return refuse(credentials.message());
//       send(*credentials);
//   });
//
// The rules: a webhook with a secret is never sent unsigned, so its current secret must be readable and match the
// fingerprint stored with the webhook; the previous secret signs too while its grace period lasts, and a previous
// secret that cannot be read only means one signature fewer. Slack and Teams need nothing (the URL is the
// credential), an Epic webhook needs its private key.
class CredentialResolver
{
    Q_DECLARE_TR_FUNCTIONS(CredentialResolver)
public:
    using Callback = std::function<void(const Result<WebhookCredentials> &)>;

    // done runs on context's thread once the store answered (on the next turn of the event loop when nothing
    // is to be read), and not at all once context is gone.
    static void resolve(CredentialStore &store, const Webhook &webhook, QObject *context, Callback done);
};
