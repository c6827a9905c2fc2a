// What the console's windows need besides the database, over a real sealed store and a real sender.
#pragma once

#include "models/storage/databaseworker.h"
#include "models/storage/deliveryrepository.h"
#include "models/storage/webhookrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "network/transport/webhooksender.h"
#include "testsupport/testmachine.h"
#include "ui/testsenddialog.h"

struct ConsoleServices
{
    explicit ConsoleServices(Database &database)
        : webhooks(database)
        , credentials(database)
        , secrets(credentials, webhooks)
        , deliveries(database)
        , deliveryLog(database.url(), database.password())
    {
    }

    WebhookRepository webhooks;
    TestCredentialStore credentials; // an approved machine of the test's own
    WebhookSecrets secrets;
    DeliveryRepository deliveries;
    DatabaseWorker deliveryLog;
    WebhookSender sender;

    TestSendServices services() { return {webhooks, secrets, credentials, deliveryLog, sender}; }
};
