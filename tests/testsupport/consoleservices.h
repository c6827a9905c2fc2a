// What the console's windows need besides the database, over the real keychain and a real sender.
#pragma once

#include "models/storage/databaseworker.h"
#include "models/storage/deliveryrepository.h"
#include "models/secrets/secretstore.h"
#include "models/storage/webhookrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "network/transport/webhooksender.h"
#include "ui/testsenddialog.h"

struct ConsoleServices
{
    // keychainService: a keychain collection of the test's own, so that tests do not see each other's secrets.
    ConsoleServices(Database &database, const QString &keychainService)
        : webhooks(database)
        , keychain(keychainService)
        , secrets(keychain, webhooks)
        , deliveries(database)
        , deliveryLog(database.url(), database.password())
    {
    }

    WebhookRepository webhooks;
    SecretStore keychain;
    WebhookSecrets secrets;
    DeliveryRepository deliveries;
    DatabaseWorker deliveryLog;
    WebhookSender sender;

    TestSendServices services() { return {webhooks, secrets, keychain, deliveryLog, sender}; }
};
