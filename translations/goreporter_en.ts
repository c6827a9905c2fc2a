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
    <name>DeliveryJob</name>
    <message numerus="yes">
        <source>It asks to wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>It asks to wait %n second before trying again.</numerusform>
            <numerusform>It asks to wait %n seconds before trying again.</numerusform>
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
    <name>WebhookTableModel</name>
    <message numerus="yes">
        <source>%n failed attempt(s) in a row</source>
        <translation>
            <numerusform>%n failed attempt in a row</numerusform>
            <numerusform>%n failed attempts in a row</numerusform>
        </translation>
    </message>
</context>
</TS>
