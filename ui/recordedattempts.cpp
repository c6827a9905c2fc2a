// Passes the attempts the console's test-sends record on to the webhook repository, so that health follows at once.
#include "ui/recordedattempts.h"

#include "models/storage/webhookrepository.h"
#include "ui/testsenddialog.h"

namespace RecordedAttempts {

void announce(TestSendDialog *dialog, WebhookRepository &webhooks)
{
    // sendFinished comes after the attempt was recorded; an attempt the log refused (id 0) changed no health.
    QObject::connect(dialog, &TestSendDialog::sendFinished, &webhooks, [dialog, &webhooks] {
        if (const auto &record = dialog->lastRecord(); record && record->id != 0)
            webhooks.noteAttemptRecorded(*record);
    });
}

} // namespace RecordedAttempts
