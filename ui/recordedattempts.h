// Passes the attempts the console's test-sends record on to the webhook repository, so that health follows at once.
#pragma once

class TestSendDialog;
class WebhookRepository;

namespace RecordedAttempts {

// After each of dialog's sends that reached the delivery log, webhooks.noteAttemptRecorded() with its row.
void announce(TestSendDialog *dialog, WebhookRepository &webhooks);

} // namespace RecordedAttempts
