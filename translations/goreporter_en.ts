<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandLine</name>
    <message numerus="yes">
        <source>Exported %n webhook(s) to %1.</source>
        <translation>
            <numerusform>Exported %n webhook to %1.</numerusform>
            <numerusform>Exported %n webhooks to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveriesCommand</name>
    <message numerus="yes">
        <source>The newest %n attempt(s) are shown; --limit shows more.</source>
        <translation>
            <numerusform>The newest %n attempt is shown; --limit shows more.</numerusform>
            <numerusform>The newest %n attempts are shown; --limit shows more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveriesView</name>
    <message numerus="yes">
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>%Ln attempt</numerusform>
            <numerusform>%Ln attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln attempt(s), counting…</source>
        <translation>
            <numerusform>at least %Ln attempt, counting…</numerusform>
            <numerusform>at least %Ln attempts, counting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln attempt(s), counting…</source>
        <translation>
            <numerusform>about %Ln attempt, counting…</numerusform>
            <numerusform>about %Ln attempts, counting…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveryDetailPane</name>
    <message numerus="yes">
        <source>Given up after %n attempt(s): replayable from the delivery queue</source>
        <translation>
            <numerusform>Given up after %n attempt: replayable from the delivery queue</numerusform>
            <numerusform>Given up after %n attempts: replayable from the delivery queue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveryLogJobs</name>
    <message numerus="yes">
        <source>Exported %Ln attempt(s) to “%1”.</source>
        <translation>
            <numerusform>Exported %Ln attempt to “%1”.</numerusform>
            <numerusform>Exported %Ln attempts to “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete every delivery attempt older than %Ln day(s), that is, started before %1 %2?</source>
        <translation>
            <numerusform>Delete every delivery attempt older than %Ln day, that is, started before %1 %2?</numerusform>
            <numerusform>Delete every delivery attempt older than %Ln days, that is, started before %1 %2?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The purge was cancelled after deleting %1 attempts older than %Ln day(s).</source>
        <translation>
            <numerusform>The purge was cancelled after deleting %1 attempts older than %Ln day.</numerusform>
            <numerusform>The purge was cancelled after deleting %1 attempts older than %Ln days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %1 attempts older than %Ln day(s).</source>
        <translation>
            <numerusform>Deleted %1 attempts older than %Ln day.</numerusform>
            <numerusform>Deleted %1 attempts older than %Ln days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting attempts older than %Ln day(s)…</source>
        <translation>
            <numerusform>Deleting attempts older than %Ln day…</numerusform>
            <numerusform>Deleting attempts older than %Ln days…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveryQueueDialog</name>
    <message numerus="yes">
        <source>%n failed event(s) in this range.</source>
        <translation>
            <numerusform>%n failed event in this range.</numerusform>
            <numerusform>%n failed events in this range.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give up on the %n delivery(s) of “%1” that wait for a retry? They are kept as failed and can be replayed later.</source>
        <translation>
            <numerusform>Give up on the %n delivery of “%1” that waits for a retry? It is kept as failed and can be replayed later.</numerusform>
            <numerusform>Give up on the %n deliveries of “%1” that wait for a retry? They are kept as failed and can be replayed later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(s) due now; a running dispatcher sends them within its rate limit.</source>
        <translation>
            <numerusform>%n delivery due now; a running dispatcher sends it within its rate limit.</numerusform>
            <numerusform>%n deliveries due now; a running dispatcher sends them within its rate limit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(s) given up on.</source>
        <translation>
            <numerusform>%n delivery given up on.</numerusform>
            <numerusform>%n deliveries given up on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed event(s) due again, with the whole retry schedule; a running dispatcher sends them within its rate limit.</source>
        <translation>
            <numerusform>%n failed event due again, with the whole retry schedule; a running dispatcher sends it within its rate limit.</numerusform>
            <numerusform>%n failed events due again, with the whole retry schedule; a running dispatcher sends them within its rate limit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) missed while the webhook was disabled, since the range&apos;s start.</source>
        <translation>
            <numerusform>%n event missed while the webhook was disabled, since the range&apos;s start.</numerusform>
            <numerusform>%n events missed while the webhook was disabled, since the range&apos;s start.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missed event(s) due now, with the whole retry schedule; a running dispatcher sends them within its rate limit.</source>
        <translation>
            <numerusform>%n missed event due now, with the whole retry schedule; a running dispatcher sends it within its rate limit.</numerusform>
            <numerusform>%n missed events due now, with the whole retry schedule; a running dispatcher sends them within its rate limit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveryRedeliveries</name>
    <message numerus="yes">
        <source>Redeliver %Ln failed event(s) of this filter?</source>
        <translation>
            <numerusform>Redeliver %Ln failed event of this filter?</numerusform>
            <numerusform>Redeliver %Ln failed events of this filter?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redeliver %Ln Event(s)</source>
        <translation>
            <numerusform>Redeliver %Ln Event</numerusform>
            <numerusform>Redeliver %Ln Events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DispatchCommand</name>
    <message numerus="yes">
        <source>Stopping: the deliveries in flight get %n second(s) to finish.</source>
        <translation>
            <numerusform>Stopping: the deliveries in flight get %n second to finish.</numerusform>
            <numerusform>Stopping: the deliveries in flight get %n seconds to finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dispatching as %1 with %n worker(s).</source>
        <translation>
            <numerusform>Dispatching as %1 with %n worker.</numerusform>
            <numerusform>Dispatching as %1 with %n workers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: webhook “%1” has failed every attempt since %2 (%n attempt(s)); it will be disabled at %3 unless one succeeds. Last error: %4</source>
        <translation>
            <numerusform>Warning: webhook “%1” has failed every attempt since %2 (%n attempt); it will be disabled at %3 unless one succeeds. Last error: %4</numerusform>
            <numerusform>Warning: webhook “%1” has failed every attempt since %2 (%n attempts); it will be disabled at %3 unless one succeeds. Last error: %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Webhook “%1” was disabled after failing every attempt since %2 (%n attempt(s)). Last error: %3. Enable it again once its receiver works; “redeliver --missed-since” replays what it missed.</source>
        <translation>
            <numerusform>Webhook “%1” was disabled after failing every attempt since %2 (%n attempt). Last error: %3. Enable it again once its receiver works; “redeliver --missed-since” replays what it missed.</numerusform>
            <numerusform>Webhook “%1” was disabled after failing every attempt since %2 (%n attempts). Last error: %3. Enable it again once its receiver works; “redeliver --missed-since” replays what it missed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Webhook “%1” recovered after %n failed attempt(s) since %2.</source>
        <translation>
            <numerusform>Webhook “%1” recovered after %n failed attempt since %2.</numerusform>
            <numerusform>Webhook “%1” recovered after %n failed attempts since %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Alert %1 about webhook “%2” queued for %n subscribed webhook(s).</source>
        <translation>
            <numerusform>Alert %1 about webhook “%2” queued for %n subscribed webhook.</numerusform>
            <numerusform>Alert %1 about webhook “%2” queued for %n subscribed webhooks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(s) due; the oldest since %1 (UTC).</source>
        <translation>
            <numerusform>%n delivery due; the oldest since %1 (UTC).</numerusform>
            <numerusform>%n deliveries due; the oldest since %1 (UTC).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test-send(s) from consoles.</source>
        <translation>
            <numerusform>%n test-send from consoles.</numerusform>
            <numerusform>%n test-sends from consoles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DispatcherBanner</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due, the oldest for %1</source>
        <translation>
            <numerusform>%n due, for %1</numerusform>
            <numerusform>%n due, the oldest for %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dispatcher(s) running · %1</source>
        <translation>
            <numerusform>%n dispatcher running · %1</numerusform>
            <numerusform>%n dispatchers running · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event delivery(s) waiting, the oldest since %1.</source>
        <translation>
            <numerusform>%n event delivery waiting, since %1.</numerusform>
            <numerusform>%n event deliveries waiting, the oldest since %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventsCommand</name>
    <message numerus="yes">
        <source>Stored for %n subscribed webhook(s).</source>
        <translation>
            <numerusform>Stored for %n subscribed webhook.</numerusform>
            <numerusform>Stored for %n subscribed webhooks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them disabled: kept as skipped, to replay after enabling.</source>
        <translation>
            <numerusform>%n of them is disabled: kept as skipped, to replay after enabling.</numerusform>
            <numerusform>%n of them are disabled: kept as skipped, to replay after enabling.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpDiagnosis</name>
    <message numerus="yes">
        <source>It asks to wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>It asks to wait %n second before trying again.</numerusform>
            <numerusform>It asks to wait %n seconds before trying again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MachineCommand</name>
    <message numerus="yes">
        <source>%n credential(s) sealed again for the approved machines.</source>
        <translation>
            <numerusform>%n credential sealed again for the approved machines.</numerusform>
            <numerusform>%n credentials sealed again for the approved machines.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n webhook(s)</source>
        <translation>
            <numerusform>%n webhook</numerusform>
            <numerusform>%n webhooks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedeliverCommand</name>
    <message numerus="yes">
        <source>Redelivering %n message(s), at most %1 a second.</source>
        <translation>
            <numerusform>Redelivering %n message, at most %1 a second.</numerusform>
            <numerusform>Redelivering %n messages, at most %1 a second.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missed event(s) are due again; a running dispatcher sends them.</source>
        <translation>
            <numerusform>%n missed event is due again; a running dispatcher sends it.</numerusform>
            <numerusform>%n missed events are due again; a running dispatcher sends them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missed event(s) of “%1” are due again; a running dispatcher sends them.</source>
        <translation>
            <numerusform>%n missed event of “%1” is due again; a running dispatcher sends it.</numerusform>
            <numerusform>%n missed events of “%1” are due again; a running dispatcher sends them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message numerus="yes">
        <source>A new secret is current; the previous one keeps signing for %n hour(s). Copy the new secret to the receiver.</source>
        <translation>
            <numerusform>A new secret is current; the previous one keeps signing for %n hour. Copy the new secret to the receiver.</numerusform>
            <numerusform>A new secret is current; the previous one keeps signing for %n hours. Copy the new secret to the receiver.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WebhookEditorDialog</name>
    <message numerus="yes">
        <source>Not saved: %n field(s) need correcting, marked in red. First: %1</source>
        <translation>
            <numerusform>Not saved: %n field needs correcting, marked in red. First: %1</numerusform>
            <numerusform>Not saved: %n fields need correcting, marked in red. First: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WebhookTableModel</name>
    <message numerus="yes">
        <source>%n failed attempt(s) in a row</source>
        <translation>
            <numerusform>%n failed attempt in a row</numerusform>
            <numerusform>%n failed attempts in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n attempt(s) succeeded in the last 24 hours</source>
        <translation>
            <numerusform>%1 of %n attempt succeeded in the last 24 hours</numerusform>
            <numerusform>%1 of %n attempts succeeded in the last 24 hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n attempt(s) succeeded in the last 7 days</source>
        <translation>
            <numerusform>%1 of %n attempt succeeded in the last 7 days</numerusform>
            <numerusform>%1 of %n attempts succeeded in the last 7 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) %1 were not delivered, not even by a retry.</source>
        <translation>
            <numerusform>%n event %1 was not delivered, not even by a retry.</numerusform>
            <numerusform>%n events %1 were not delivered, not even by a retry.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working; %n event(s) %1 were not delivered.</source>
        <translation>
            <numerusform>Working; %n event %1 was not delivered.</numerusform>
            <numerusform>Working; %n events %1 were not delivered.</numerusform>
        </translation>
    </message>
</context>
</TS>
