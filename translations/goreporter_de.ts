<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AlertMarks</name>
    <message>
        <source>Cannot mark the alert</source>
        <translation>Die Warnmeldung kann nicht vermerkt werden</translation>
    </message>
</context>
<context>
    <name>AlertsChannelDialog</name>
    <message>
        <source>Alerts channel</source>
        <translation>Warnkanal</translation>
    </message>
    <message>
        <source>Choose the webhook that hears when any webhook keeps failing, is switched off, delivers again, or gives up on an event. The dispatcher sends these alerts; none carries patient data, and none goes to the webhook it is about.</source>
        <translation>Wählen Sie den Webhook, der erfährt, wenn ein Webhook wiederholt scheitert, abgeschaltet wird, wieder zustellt oder ein Ereignis aufgibt. Der Dispatcher sendet diese Warnmeldungen; keine enthält Patientendaten, und keine geht an den Webhook, den sie betrifft.</translation>
    </message>
    <message>
        <source>Alerts &amp;channel:</source>
        <translation>&amp;Warnkanal:</translation>
    </message>
    <message>
        <source>Choose a webhook…</source>
        <translation>Webhook wählen…</translation>
    </message>
    <message>
        <source>Alerts:</source>
        <translation>Warnmeldungen:</translation>
    </message>
    <message>
        <source>&amp;Link in every alert:</source>
        <translation>&amp;Link in jeder Warnmeldung:</translation>
    </message>
    <message>
        <source>A page that says what to do (your runbook, a status page); the same for every dispatcher, kept in the database</source>
        <translation>Eine Seite, die sagt, was zu tun ist (Ihr Runbook, eine Statusseite); für alle Dispatcher gleich, in der Datenbank gespeichert</translation>
    </message>
    <message>
        <source>Alerts also go to: %1 (edit a webhook&apos;s events to stop them).</source>
        <translation>Warnmeldungen gehen auch an: %1 (bearbeiten Sie die Ereignisse eines Webhooks, um sie zu beenden).</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Choose a webhook first.</source>
        <translation>Wählen Sie zuerst einen Webhook.</translation>
    </message>
    <message>
        <source>Choose at least one alert.</source>
        <translation>Wählen Sie mindestens eine Warnmeldung.</translation>
    </message>
    <message>
        <source>Alerts go to “%1”.</source>
        <translation>Warnmeldungen gehen an „%1“.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Cannot write the audit log: %1</source>
        <translation>Das Audit-Protokoll kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>Das Audit-Protokoll kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>BoundedFile</name>
    <message>
        <source>No file name was given.</source>
        <translation>Es wurde kein Dateiname angegeben.</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>es ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>it is not a regular file (a device, a pipe or a socket)</source>
        <translation>es ist keine reguläre Datei (sondern ein Gerät, eine Pipe oder ein Socket)</translation>
    </message>
    <message>
        <source>the file is %1, more than the %2 allowed</source>
        <translation>die Datei ist %1 groß, mehr als die erlaubten %2</translation>
    </message>
    <message>
        <source>the file grew beyond the %1 allowed</source>
        <translation>die Datei ist über die erlaubten %1 hinaus gewachsen</translation>
    </message>
</context>
<context>
    <name>CardBuilder</name>
    <message>
        <source>Not an Adaptive Card: &quot;type&quot; is %1 instead of &quot;AdaptiveCard&quot;.</source>
        <translation>Keine Adaptive Card: &quot;type&quot; ist %1 statt &quot;AdaptiveCard&quot;.</translation>
    </message>
    <message>
        <source>Unsupported element: %1 where a list of elements belongs</source>
        <translation>Nicht unterstütztes Element: %1, wo eine Liste von Elementen stehen muss</translation>
    </message>
    <message>
        <source>Unsupported element: nested deeper than %1 levels</source>
        <translation>Nicht unterstütztes Element: tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>Unsupported element: %1</source>
        <translation>Nicht unterstütztes Element: %1</translation>
    </message>
    <message>
        <source>(no type)</source>
        <translation>(kein Typ)</translation>
    </message>
    <message>
        <source>Unsupported element: %1 where a Column belongs</source>
        <translation>Nicht unterstütztes Element: %1, wo eine Column stehen muss</translation>
    </message>
    <message>
        <source>Unsupported element: %1 where a list of columns belongs</source>
        <translation>Nicht unterstütztes Element: %1, wo eine Liste von Spalten stehen muss</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Image from %1</source>
        <translation>Bild von %1</translation>
    </message>
    <message>
        <source>Unsupported element: %1 where a list of actions belongs</source>
        <translation>Nicht unterstütztes Element: %1, wo eine Liste von Aktionen stehen muss</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>This URL is not valid: %1</source>
        <translation>Diese URL ist ungültig: %1</translation>
    </message>
    <message>
        <source>%1 does not work in the preview; only Action.OpenUrl does.</source>
        <translation>%1 funktioniert in der Vorschau nicht; nur Action.OpenUrl wird unterstützt.</translation>
    </message>
    <message>
        <source>Unsupported action: %1</source>
        <translation>Nicht unterstützte Aktion: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Run “%1 --help” for the commands.</source>
        <translation>Rufen Sie „%1 --help“ auf, um die Befehle zu sehen.</translation>
    </message>
    <message>
        <source>The database: sqlite:///path/file.db or postgresql://user@host:port/dbname.</source>
        <translation>Die Datenbank: sqlite:///pfad/datei.db oder postgresql://benutzer@host:port/datenbankname.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The language of the console, such as de or en.</source>
        <translation>Die Sprache der Konsole, etwa de oder en.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>With “webhooks list”: print JSON.</source>
        <translation>Mit „webhooks list“: JSON ausgeben.</translation>
    </message>
    <message>
        <source>The command to run; see above.</source>
        <translation>Der auszuführende Befehl; siehe oben.</translation>
    </message>
    <message>
        <source>--json goes with “webhooks list” only.</source>
        <translation>--json gehört nur zu „webhooks list“.</translation>
    </message>
    <message>
        <source>Unknown command “%1”.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>“webhooks” needs an action: list, export, import, remove, enable or disable.</source>
        <translation>„webhooks“ braucht eine Aktion: list, export, import, remove, enable oder disable.</translation>
    </message>
    <message>
        <source>Unknown action “webhooks %1”.</source>
        <translation>Unbekannte Aktion „webhooks %1“.</translation>
    </message>
    <message>
        <source>Wrong number of arguments for “webhooks %1”.</source>
        <translation>Falsche Anzahl von Argumenten für „webhooks %1“.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>AKTIV</translation>
    </message>
    <message>
        <source>PHI</source>
        <translation>PATIENTENDATEN</translation>
    </message>
    <message>
        <source>EVENTS</source>
        <translation>EREIGNISSE</translation>
    </message>
    <message>
        <source>ENDPOINT</source>
        <translation>ENDPUNKT</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n webhook(s) to %1.</source>
        <translation>
            <numerusform>%n Webhook nach %1 exportiert.</numerusform>
            <numerusform>%n Webhooks nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 was not imported; nothing was changed:</source>
        <translation>%1 wurde nicht importiert; es wurde nichts geändert:</translation>
    </message>
    <message>
        <source>%1 was not imported; nothing was changed: %2</source>
        <translation>%1 wurde nicht importiert; es wurde nichts geändert: %2</translation>
    </message>
    <message>
        <source>Imported %1: %2 created, %3 updated, %4 unchanged.</source>
        <translation>%1 importiert: %2 angelegt, %3 aktualisiert, %4 unverändert.</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>„%1“ entfernt.</translation>
    </message>
    <message>
        <source>“%1” is enabled.</source>
        <translation>„%1“ ist aktiviert.</translation>
    </message>
    <message>
        <source>“%1” is disabled.</source>
        <translation>„%1“ ist deaktiviert.</translation>
    </message>
    <message>
        <source>goReporter Webhooks console. Without a command, opens the graphical console.

Commands:
  events list                     the events a webhook can subscribe to
  events emit --type TYPE [--id EVENT_ID] [--data-file F]
                                  put an event into the outbox for its subscribed webhooks
  dispatch [--workers N] [--until-idle] [--stop-within SECONDS]
                                  deliver the outbox&apos;s events until stopped, with retries
  dispatch settings [set NAME JSON | reset NAME | rate WEBHOOK PER_SECOND|default]
                                  the retry schedule, rate limits and auto-disable every dispatcher follows
  machine enroll|approve|revoke|reseal|list [FINGERPRINT]
                                  the machines that may use the sealed credentials
  webhooks list [--json]          the configured webhooks
  webhooks export [FILE]          write the configuration (no secrets) to FILE or standard output
  webhooks import FILE            validate FILE, then create or update all its webhooks, or none
  webhooks remove NAME            delete a webhook
  webhooks enable|disable NAME    switch a webhook on or off
  preview --format KIND --event TYPE [--sample-file F] [--phi LEVEL] [--headers]
  preview --webhook NAME --event TYPE [--headers]
                                  print exactly the bytes a webhook would send
  secret set|generate|rotate|delete --webhook NAME [--grace-hours N]
                                  a webhook&apos;s signing secret, sealed for the approved machines (set reads stdin)
  epic keygen --webhook NAME [--bits N] [--replace]
                                  an Epic key pair; prints the public JWK Set to register
  send --webhook NAME --event TYPE [--sample-file F]
                                  send a test delivery and print status, latency and diagnosis
  deliveries [--webhook NAME] [--event TYPE] [--failed] [--since ISO] [--format table|csv|jsonl] [--limit N]
                                  the delivery log, newest first, or exported (secrets redacted)
  redeliver --delivery ID | --failed-since ISO | --missed-since ISO [--webhook NAME]
                                  send logged messages again and print each result</source>
        <translation>Konsole für goReporter Webhooks. Ohne Befehl öffnet sich die grafische Konsole.

Befehle:
  events list                     die Ereignisse, die ein Webhook abonnieren kann
  events emit --type TYP [--id EREIGNIS_ID] [--data-file D]
                                  ein Ereignis für seine abonnierten Webhooks in den Ausgang legen
  dispatch [--workers N] [--until-idle] [--stop-within SEKUNDEN]
                                  die Ereignisse des Ausgangs zustellen, mit Wiederholungen, bis zum Anhalten
  dispatch settings [set NAME JSON | reset NAME | rate WEBHOOK PRO_SEKUNDE|default]
                                  Wiederholungsplan, Ratenbegrenzungen und automatisches Abschalten für alle Zusteller
  machine enroll|approve|revoke|reseal|list [FINGERPRINT]
                                  die Rechner, die die versiegelten Zugangsdaten verwenden dürfen
  webhooks list [--json]          die eingerichteten Webhooks
  webhooks export [DATEI]         die Konfiguration (ohne Geheimnisse) in DATEI oder auf die Standardausgabe schreiben
  webhooks import DATEI           DATEI prüfen, dann alle ihre Webhooks anlegen oder aktualisieren – oder keinen
  webhooks remove NAME            einen Webhook löschen
  webhooks enable|disable NAME    einen Webhook ein- oder ausschalten
  preview --format ART --event TYP [--sample-file D] [--phi STUFE] [--headers]
  preview --webhook NAME --event TYP [--headers]
                                  genau die Bytes ausgeben, die ein Webhook senden würde
  secret set|generate|rotate|delete --webhook NAME [--grace-hours N]
                                  das Signaturgeheimnis eines Webhooks, versiegelt für die freigegebenen Rechner (set liest es von stdin)
  epic keygen --webhook NAME [--bits N] [--replace]
                                  ein Epic-Schlüsselpaar; gibt das öffentliche JWK Set zur Registrierung aus
  send --webhook NAME --event TYP [--sample-file D]
                                  eine Testzustellung senden und Status, Latenz und Diagnose ausgeben
  deliveries [--webhook NAME] [--event TYP] [--failed] [--since ISO] [--format table|csv|jsonl] [--limit N]
                                  das Zustellprotokoll, die neuesten Einträge zuerst, oder als Export (Geheimnisse geschwärzt)
  redeliver --delivery ID | --failed-since ISO | --missed-since ISO [--webhook NAME]
                                  protokollierte Nachrichten erneut senden und jedes Ergebnis ausgeben</translation>
    </message>
</context>
<context>
    <name>CommandSupport</name>
    <message>
        <source>The database: sqlite:///path/file.db or postgresql://user@host:port/dbname.</source>
        <translation>Die Datenbank: sqlite:///pfad/datei.db oder postgresql://benutzer@host:port/datenbankname.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The language of messages, such as de or en.</source>
        <translation>Die Sprache der Meldungen, etwa de oder en.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Run “%1 %2 --help” for the options.</source>
        <translation>Rufen Sie „%1 %2 --help“ auf, um die Optionen zu sehen.</translation>
    </message>
    <message>
        <source>Store the password by logging in once with the graphical console (“Remember in this workstation&apos;s keychain”), or provide it through ~/.pgpass or PGPASSWORD.</source>
        <translation>Speichern Sie das Passwort, indem Sie sich einmal in der grafischen Konsole anmelden („Im Schlüsselbund dieses Arbeitsplatzes speichern“), oder stellen Sie es über ~/.pgpass oder PGPASSWORD bereit.</translation>
    </message>
</context>
<context>
    <name>CredentialResolver</name>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The signing secret of “%1”</source>
        <translation>Das Signaturgeheimnis von „%1“</translation>
    </message>
    <message>
        <source>The Epic private key of “%1”</source>
        <translation>Der private Epic-Schlüssel von „%1“</translation>
    </message>
    <message>
        <source>The signing secret of “%1” (fingerprint %2) is not in the sealed store, and a webhook with a secret is never sent unsigned. Set it again, or rotate it.</source>
        <translation>Das Signaturgeheimnis von „%1“ (Fingerabdruck %2) ist nicht im versiegelten Speicher, und ein Webhook mit Geheimnis wird nie unsigniert gesendet. Setzen Sie es erneut oder rotieren Sie es.</translation>
    </message>
    <message>
        <source>The sealed store holds a different signing secret for “%1” than the one set for the webhook (fingerprint %2). Set it again, or rotate it.</source>
        <translation>Der versiegelte Speicher enthält für „%1“ ein anderes Signaturgeheimnis als das für den Webhook gesetzte (Fingerabdruck %2). Setzen Sie es erneut oder rotieren Sie es.</translation>
    </message>
    <message>
        <source>The sealed store holds no Epic private key for “%1”, so no access token can be requested. Create its key pair in the webhook&apos;s editor or with “epic keygen”.</source>
        <translation>Der versiegelte Speicher enthält keinen privaten Epic-Schlüssel für „%1“, daher kann kein Zugriffstoken angefordert werden. Erzeugen Sie das Schlüsselpaar im Editor des Webhooks oder mit „epic keygen“.</translation>
    </message>
    <message>
        <source>Save the webhook and create its Epic key pair first: the private key is kept sealed under the stored webhook.</source>
        <translation>Speichern Sie zuerst den Webhook und erzeugen Sie sein Epic-Schlüsselpaar: Der private Schlüssel wird versiegelt unter dem gespeicherten Webhook abgelegt.</translation>
    </message>
    <message>
        <source>Save the webhook first: its signing secret is kept sealed under the stored webhook.</source>
        <translation>Speichern Sie zuerst den Webhook: Sein Signaturgeheimnis wird versiegelt unter dem gespeicherten Webhook abgelegt.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The Qt %1 database driver is not installed (Debian package %2).</source>
        <translation>Der Qt-Datenbanktreiber %1 ist nicht installiert (Debian-Paket %2).</translation>
    </message>
    <message>
        <source>The database %1 is locked by another program; try again when it has finished.</source>
        <translation>Die Datenbank %1 ist von einem anderen Programm gesperrt; versuchen Sie es erneut, wenn dieses fertig ist.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>Der Ordner %1 für die Datenbank kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot create the database file %1: %2</source>
        <translation>Die Datenbankdatei %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot open the database file %1: %2</source>
        <translation>Die Datenbankdatei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot enable foreign keys: %1</source>
        <translation>Fremdschlüssel können nicht aktiviert werden: %1</translation>
    </message>
    <message>
        <source>%1 is not a usable SQLite database: %2</source>
        <translation>%1 ist keine verwendbare SQLite-Datenbank: %2</translation>
    </message>
    <message>
        <source>PostgreSQL refused the login to %1: %2</source>
        <translation>PostgreSQL hat die Anmeldung an %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>Cannot determine the database role: %1</source>
        <translation>Die Datenbankrolle kann nicht ermittelt werden: %1</translation>
    </message>
    <message>
        <source>Another program kept the database busy for too long; nothing was changed. Try again.</source>
        <translation>Ein anderes Programm hat die Datenbank zu lange belegt; es wurde nichts geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot read the tables of %1: %2</source>
        <translation>Die Tabellen von %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds tables of another program (%2%3), so it is not a goReporter Webhooks database; it was not modified. Choose a new file or an empty database.</source>
        <translation>%1 enthält Tabellen eines anderen Programms (%2%3) und ist daher keine Datenbank von goReporter Webhooks; sie wurde nicht verändert. Wählen Sie eine neue Datei oder eine leere Datenbank.</translation>
    </message>
    <message>
        <source>Cannot read the schema version: %1</source>
        <translation>Die Schemaversion kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>DatabaseUrl</name>
    <message>
        <source>No database URL was given.</source>
        <translation>Es wurde keine Datenbank-URL angegeben.</translation>
    </message>
    <message>
        <source>“%1” is not a valid database URL: %2</source>
        <translation>„%1“ ist keine gültige Datenbank-URL: %2</translation>
    </message>
    <message>
        <source>An SQLite URL needs an absolute file path, as in sqlite:///var/lib/goreporter/webhooks.db.</source>
        <translation>Eine SQLite-URL braucht einen absoluten Dateipfad, etwa sqlite:///var/lib/goreporter/webhooks.db.</translation>
    </message>
    <message>
        <source>Unsupported database “%1”: use sqlite:///path/file.db or postgresql://user@host:port/dbname.</source>
        <translation>Nicht unterstützte Datenbank „%1“: Verwenden Sie sqlite:///pfad/datei.db oder postgresql://benutzer@host:port/datenbankname.</translation>
    </message>
    <message>
        <source>Do not put the database password in the URL. The console reads it from the keychain, from ~/.pgpass or from PGPASSWORD, or asks for it.</source>
        <translation>Geben Sie das Datenbankpasswort nicht in der URL an. Die Konsole liest es aus dem Schlüsselbund, aus ~/.pgpass oder aus PGPASSWORD oder fragt danach.</translation>
    </message>
    <message>
        <source>The PostgreSQL URL must name one database, as in postgresql://goreporter@db.example.org:5432/webhooks.</source>
        <translation>Die PostgreSQL-URL muss genau eine Datenbank nennen, etwa postgresql://goreporter@db.example.org:5432/webhooks.</translation>
    </message>
    <message>
        <source>Unknown database URL option “%1”; only sslmode is supported.</source>
        <translation>Unbekannte Option „%1“ in der Datenbank-URL; nur sslmode wird unterstützt.</translation>
    </message>
    <message>
        <source>Unknown sslmode “%1”; use one of %2.</source>
        <translation>Unbekannter sslmode „%1“; verwenden Sie einen von %2.</translation>
    </message>
    <message>
        <source>SQLite %1</source>
        <translation>SQLite %1</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>lokaler Socket</translation>
    </message>
    <message>
        <source>PostgreSQL %1%2/%3</source>
        <translation>PostgreSQL %1%2/%3</translation>
    </message>
</context>
<context>
    <name>DeliveriesCommand</name>
    <message>
        <source>Lists the delivery log, newest first: every attempt to deliver a message (events, test-sends and redeliveries).

  deliveries [--webhook NAME] [--event TYPE] [--failed] [--since ISO] [--format table|csv|jsonl] [--limit N]

The table shows at most %1 attempts unless --limit says otherwise; csv and jsonl write every attempt of the filter, with request and response, secret header values redacted. A time without an offset is local time.</source>
        <translation>Listet das Zustellprotokoll auf, die neuesten Einträge zuerst: jeden Versuch, eine Nachricht zuzustellen (Ereignisse, Testversände und erneute Zustellungen).

  deliveries [--webhook NAME] [--event TYP] [--failed] [--since ISO] [--format table|csv|jsonl] [--limit N]

Die Tabelle zeigt höchstens %1 Versuche, sofern --limit nichts anderes angibt; csv und jsonl schreiben jeden Versuch des Filters mit Anfrage und Antwort, die Werte geheimer Header geschwärzt. Eine Zeitangabe ohne Versatz gilt als Ortszeit.</translation>
    </message>
    <message>
        <source>Only attempts to this webhook (by name; also a deleted webhook&apos;s name).</source>
        <translation>Nur Versuche an diesen Webhook (nach Namen; auch der Name eines gelöschten Webhooks).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Only attempts of this event type, such as battery.low.</source>
        <translation>Nur Versuche zu diesem Ereignistyp, etwa battery.low.</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Only failed attempts.</source>
        <translation>Nur fehlgeschlagene Versuche.</translation>
    </message>
    <message>
        <source>Only attempts started at or after this time (ISO 8601).</source>
        <translation>Nur Versuche, die zu oder nach dieser Zeit begonnen haben (ISO 8601).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>table (the default), csv or jsonl.</source>
        <translation>table (Standard), csv oder jsonl.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>At most this many attempts, the newest.</source>
        <translation>Höchstens so viele Versuche, die neuesten.</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Unexpected arguments: %1.</source>
        <translation>Unerwartete Argumente: %1.</translation>
    </message>
    <message>
        <source>Unknown event “%1”; the events are: %2.</source>
        <translation>Unbekanntes Ereignis „%1“; die Ereignisse sind: %2.</translation>
    </message>
    <message>
        <source>--since needs a time in ISO 8601, such as 2024-05-01T08:00:00Z; “%1” is not one.</source>
        <translation>--since braucht eine Zeitangabe nach ISO 8601, etwa 2024-05-01T08:00:00Z; „%1“ ist keine.</translation>
    </message>
    <message>
        <source>--limit needs a whole number of at least 1; “%1” is not one.</source>
        <translation>--limit braucht eine ganze Zahl von mindestens 1; „%1“ ist keine.</translation>
    </message>
    <message>
        <source>--format must be table, csv or jsonl; “%1” is not one of them.</source>
        <translation>--format muss table, csv oder jsonl sein; „%1“ ist nichts davon.</translation>
    </message>
    <message>
        <source>No attempts match.</source>
        <translation>Keine passenden Versuche.</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>WEBHOOK</source>
        <translation>WEBHOOK</translation>
    </message>
    <message>
        <source>EVENT</source>
        <translation>EREIGNIS</translation>
    </message>
    <message>
        <source>EVENT ID</source>
        <translation>EREIGNIS-ID</translation>
    </message>
    <message>
        <source>ATTEMPT</source>
        <translation>VERSUCH</translation>
    </message>
    <message>
        <source>TRIGGER</source>
        <translation>AUSLÖSER</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>ERGEBNIS</translation>
    </message>
    <message>
        <source>LATENCY</source>
        <translation>LATENZ</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n attempt(s) are shown; --limit shows more.</source>
        <translation>
            <numerusform>%n Versuch (der neueste) wird angezeigt; --limit zeigt mehr.</numerusform>
            <numerusform>Die neuesten %n Versuche werden angezeigt; --limit zeigt mehr.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write to standard output: %1</source>
        <translation>Auf die Standardausgabe kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>DeliveriesView</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Load the deliveries of the filter again</source>
        <translation>Die Zustellungen des Filters neu laden</translation>
    </message>
    <message>
        <source>Redeliver</source>
        <translation>Erneut zustellen</translation>
    </message>
    <message>
        <source>Send the selected attempt&apos;s message again: same event, same message id, signed anew, recorded as a redelivery</source>
        <translation>Die Nachricht des ausgewählten Versuchs erneut senden: gleiches Ereignis, gleiche Nachrichten-ID, neu signiert, als erneute Zustellung protokolliert</translation>
    </message>
    <message>
        <source>Redeliver All Failed…</source>
        <translation>Alle fehlgeschlagenen erneut zustellen…</translation>
    </message>
    <message>
        <source>Send every failed event of this filter again, one at a time</source>
        <translation>Jedes fehlgeschlagene Ereignis dieses Filters nacheinander erneut senden</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save every attempt of this filter as CSV or JSON Lines (secrets redacted)</source>
        <translation>Jeden Versuch dieses Filters als CSV oder JSON Lines speichern (Geheimnisse geschwärzt)</translation>
    </message>
    <message>
        <source>Purge Old…</source>
        <translation>Alte bereinigen…</translation>
    </message>
    <message>
        <source>Delete attempts older than the retention period of the settings</source>
        <translation>Versuche löschen, die älter als die Aufbewahrungsfrist aus den Einstellungen sind</translation>
    </message>
    <message>
        <source>Show Only This Webhook</source>
        <translation>Nur diesen Webhook anzeigen</translation>
    </message>
    <message>
        <source>Show All Attempts of This Event</source>
        <translation>Alle Versuche dieses Ereignisses anzeigen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Clear Filter</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>%Ln Versuch</numerusform>
            <numerusform>%Ln Versuche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln attempt(s), counting…</source>
        <translation>
            <numerusform>mindestens %Ln Versuch, wird gezählt…</numerusform>
            <numerusform>mindestens %Ln Versuche, wird gezählt…</numerusform>
        </translation>
    </message>
    <message>
        <source>No attempts match this filter.
Change or clear the filter to see more.</source>
        <translation>Keine Versuche passen zu diesem Filter.
Ändern Sie den Filter oder setzen Sie ihn zurück, um mehr zu sehen.</translation>
    </message>
    <message>
        <source>No deliveries have been recorded yet.
Attempts appear here as webhooks are sent, tested and redelivered.</source>
        <translation>Es wurden noch keine Zustellungen protokolliert.
Versuche erscheinen hier, sobald Webhooks gesendet, getestet und erneut zugestellt werden.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The delivery log cannot be read: %1 It is tried again automatically.</source>
        <translation>Das Zustellprotokoll kann nicht gelesen werden: %1 Es wird automatisch erneut versucht.</translation>
    </message>
    <message>
        <source>Live: checks for new attempts every %1 s</source>
        <translation>Live: prüft alle %1 s auf neue Versuche</translation>
    </message>
    <message>
        <source>Live: the database reports new attempts</source>
        <translation>Live: Die Datenbank meldet neue Versuche</translation>
    </message>
    <message>
        <source>Live: checks every %1 s until the database can report new attempts</source>
        <translation>Live: prüft alle %1 s, bis die Datenbank neue Versuche melden kann</translation>
    </message>
    <message>
        <source>Attempt %1 is no longer in the delivery log.</source>
        <translation>Versuch %1 ist nicht mehr im Zustellprotokoll.</translation>
    </message>
    <message>
        <source>Attempt %1 cannot be read: %2</source>
        <translation>Versuch %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The other attempts of this event cannot be read: %1</source>
        <translation>Die anderen Versuche dieses Ereignisses können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This attempt is not in the current filter.</source>
        <translation>Dieser Versuch gehört nicht zum aktuellen Filter.</translation>
    </message>
    <message numerus="yes">
        <source>about %Ln attempt(s), counting…</source>
        <translation>
            <numerusform>etwa %Ln Versuch, wird gezählt…</numerusform>
            <numerusform>etwa %Ln Versuche, wird gezählt…</numerusform>
        </translation>
    </message>
    <message>
        <source>An estimate from the database; the exact number replaces it when the count is done.</source>
        <translation>Eine Schätzung der Datenbank; die genaue Zahl ersetzt sie, sobald die Zählung fertig ist.</translation>
    </message>
</context>
<context>
    <name>DeliveryChartDialog</name>
    <message>
        <source>last 24 hours</source>
        <translation>letzten 24 Stunden</translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation>letzten 7 Tagen</translation>
    </message>
    <message>
        <source>last 30 days</source>
        <translation>letzten 30 Tagen</translation>
    </message>
    <message>
        <source>The delivery history of “%1” could not be read: %2</source>
        <translation>Der Zustellverlauf von „%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No attempts to deliver to “%1” in the last 24 hours.</source>
        <translation>In den letzten 24 Stunden gab es keine Zustellversuche an „%1“.</translation>
    </message>
    <message>
        <source>No attempts to deliver to “%1” in the last 7 days.</source>
        <translation>In den letzten 7 Tagen gab es keine Zustellversuche an „%1“.</translation>
    </message>
    <message>
        <source>No attempts to deliver to “%1” in the last 30 days.</source>
        <translation>In den letzten 30 Tagen gab es keine Zustellversuche an „%1“.</translation>
    </message>
    <message>
        <source>%1 attempts in the %2: %3 delivered, %4 failed.</source>
        <translation>Versuche in den %2: %1, davon %3 zugestellt und %4 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Time (this computer&apos;s time zone)</source>
        <translation>Zeit (Zeitzone dieses Computers)</translation>
    </message>
    <message>
        <source>Attempts per hour</source>
        <translation>Versuche pro Stunde</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Latenz p50</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <source>Deliveries to “%1”</source>
        <translation>Zustellungen an „%1“</translation>
    </message>
    <message>
        <source>Delivery history of “%1”</source>
        <translation>Zustellverlauf von „%1“</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Latency (ms, logarithmic)</source>
        <translation>Latenz (ms, logarithmisch)</translation>
    </message>
    <message>
        <source>Reading the delivery history…</source>
        <translation>Der Zustellverlauf wird gelesen…</translation>
    </message>
    <message>
        <source>Reading the delivery history of “%1”…</source>
        <translation>Der Zustellverlauf von „%1“ wird gelesen…</translation>
    </message>
</context>
<context>
    <name>DeliveryDetailPane</name>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Redelivery</source>
        <translation>Erneute Zustellung</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Select an attempt to see what was sent and what came back.</source>
        <translation>Wählen Sie einen Versuch aus, um zu sehen, was gesendet wurde und was zurückkam.</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (gelöscht)</translation>
    </message>
    <message>
        <source>Attempt %1 of %2 %3 to %4</source>
        <translation>Versuch %1 für %2 %3 an %4</translation>
    </message>
    <message>
        <source>Delivered: HTTP %1</source>
        <translation>Zugestellt: HTTP %1</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
    <message>
        <source>finished %1</source>
        <translation>beendet %1</translation>
    </message>
    <message>
        <source>took %1 ms</source>
        <translation>Dauer %1 ms</translation>
    </message>
    <message>
        <source>Trigger: %1 · Message id: %2</source>
        <translation>Auslöser: %1 · Nachrichten-ID: %2</translation>
    </message>
    <message>
        <source>Some stored headers could not be read: %1</source>
        <translation>Einige gespeicherte Header konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>No answer was recorded.</source>
        <translation>Es wurde keine Antwort gespeichert.</translation>
    </message>
    <message>
        <source>No answer came: the attempt failed before the receiver answered.</source>
        <translation>Keine Antwort: Der Versuch ist fehlgeschlagen, bevor der Empfänger geantwortet hat.</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>The receiver redirected the request. Webhooks are not sent on to another address; if the new address is right, enter it as the webhook&apos;s URL.</source>
        <translation>Der Empfänger hat die Anfrage weitergeleitet. Webhooks werden nicht an eine andere Adresse weitergeleitet; ist die neue Adresse richtig, tragen Sie sie als URL des Webhooks ein.</translation>
    </message>
    <message>
        <source>The receiver&apos;s host name could not be found. Check the URL for typing errors, and that this computer uses the hospital&apos;s name servers.</source>
        <translation>Der Hostname des Empfängers wurde nicht gefunden. Prüfen Sie die URL auf Tippfehler und ob dieser Computer die Namensserver des Krankenhauses verwendet.</translation>
    </message>
    <message>
        <source>The receiver&apos;s address is in a range webhooks may not reach (loopback, private or link-local). If the receiver is inside the hospital, mark the webhook as an internal endpoint.</source>
        <translation>Die Adresse des Empfängers liegt in einem Bereich, den Webhooks nicht erreichen dürfen (Loopback, privat oder Link-Local). Liegt der Empfänger im Krankenhaus, kennzeichnen Sie den Webhook als internen Endpunkt.</translation>
    </message>
    <message>
        <source>Nothing accepted the connection at the receiver&apos;s address and port: the service is down, or a firewall rejects it.</source>
        <translation>An Adresse und Port des Empfängers hat niemand die Verbindung angenommen: Der Dienst läuft nicht, oder eine Firewall weist sie ab.</translation>
    </message>
    <message>
        <source>The receiver closed the connection without answering; it may have crashed or be overloaded.</source>
        <translation>Der Empfänger hat die Verbindung ohne Antwort geschlossen; er ist möglicherweise abgestürzt oder überlastet.</translation>
    </message>
    <message>
        <source>The receiver&apos;s certificate was not accepted: expired, issued for another name, or by an authority this computer does not trust. For a hospital-internal authority, set the webhook&apos;s CA bundle.</source>
        <translation>Das Zertifikat des Empfängers wurde nicht akzeptiert: abgelaufen, für einen anderen Namen ausgestellt oder von einer Zertifizierungsstelle, der dieser Computer nicht vertraut. Für eine krankenhausinterne Zertifizierungsstelle hinterlegen Sie das CA-Bundle im Webhook.</translation>
    </message>
    <message>
        <source>No answer came within the webhook&apos;s timeout. The receiver may be overloaded, or a firewall drops the connection silently.</source>
        <translation>Innerhalb des Zeitlimits des Webhooks kam keine Antwort. Der Empfänger ist möglicherweise überlastet, oder eine Firewall verwirft die Verbindung stillschweigend.</translation>
    </message>
    <message>
        <source>The receiver stopped sending in the middle of its answer.</source>
        <translation>Der Empfänger hat mitten in seiner Antwort aufgehört zu senden.</translation>
    </message>
    <message>
        <source>No Epic access token could be obtained; check the Epic client id, the key pair and the token URL.</source>
        <translation>Es konnte kein Epic-Zugriffstoken beschafft werden; prüfen Sie die Epic-Client-ID, das Schlüsselpaar und die Token-URL.</translation>
    </message>
    <message>
        <source>The request could not be made from the webhook&apos;s settings; nothing was sent. Check the URL and the CA bundle.</source>
        <translation>Aus den Einstellungen des Webhooks ließ sich keine Anfrage erstellen; es wurde nichts gesendet. Prüfen Sie die URL und das CA-Bundle.</translation>
    </message>
    <message>
        <source>The attempt was cancelled before it finished; the receiver may or may not have received it.</source>
        <translation>Der Versuch wurde vor seinem Ende abgebrochen; der Empfänger hat ihn möglicherweise erhalten, möglicherweise nicht.</translation>
    </message>
    <message>
        <source>The network failed between this computer and the receiver.</source>
        <translation>Das Netzwerk zwischen diesem Computer und dem Empfänger ist ausgefallen.</translation>
    </message>
    <message>
        <source>Attempts of this event</source>
        <translation>Versuche zu diesem Ereignis</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>Aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>#%1 of %2</source>
        <translation>Nr. %1 von %2</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>Nr. %1</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Being sent by the dispatcher %1</source>
        <translation>Wird vom Dispatcher %1 gesendet</translation>
    </message>
    <message>
        <source>Retry scheduled</source>
        <translation>Wiederholung geplant</translation>
    </message>
    <message>
        <source>First attempt scheduled</source>
        <translation>Erster Versuch geplant</translation>
    </message>
    <message>
        <source>due</source>
        <translation>fällig</translation>
    </message>
    <message>
        <source>Due: a running dispatcher sends it next</source>
        <translation>Fällig: Ein laufender Dispatcher sendet es als Nächstes</translation>
    </message>
    <message numerus="yes">
        <source>Given up after %n attempt(s): replayable from the delivery queue</source>
        <translation>
            <numerusform>Nach %n Versuch aufgegeben: in der Zustellwarteschlange erneut abspielbar</numerusform>
            <numerusform>Nach %n Versuchen aufgegeben: in der Zustellwarteschlange erneut abspielbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: no more attempts</source>
        <translation>Abgebrochen: keine weiteren Versuche</translation>
    </message>
    <message>
        <source>Missed while the webhook was disabled: replayable once it is enabled</source>
        <translation>Verpasst, während der Webhook deaktiviert war: erneut abspielbar, sobald er aktiviert ist</translation>
    </message>
    <message>
        <source>%1
Last error: %2</source>
        <translation>%1
Letzter Fehler: %2</translation>
    </message>
</context>
<context>
    <name>DeliveryErrors</name>
    <message>
        <source>Receiver error</source>
        <translation>Empfängerfehler</translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation>Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>Request could not be built</source>
        <translation>Anfrage konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>Host name not found</source>
        <translation>Hostname nicht gefunden</translation>
    </message>
    <message>
        <source>Address not allowed</source>
        <translation>Adresse nicht erlaubt</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>Connection closed without an answer</source>
        <translation>Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>Certificate not accepted</source>
        <translation>Zertifikat nicht akzeptiert</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Keine Antwort innerhalb der Frist</translation>
    </message>
    <message>
        <source>Answer stalled</source>
        <translation>Antwort ins Stocken geraten</translation>
    </message>
    <message>
        <source>Redirected</source>
        <translation>Umgeleitet</translation>
    </message>
    <message>
        <source>No Epic access token</source>
        <translation>Kein Epic-Zugriffstoken</translation>
    </message>
    <message>
        <source>Network failure</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>No outcome recorded</source>
        <translation>Kein Ergebnis erfasst</translation>
    </message>
</context>
<context>
    <name>DeliveryFilter</name>
    <message>
        <source>“%1” is not of the form key=value.</source>
        <translation>„%1“ hat nicht die Form Schlüssel=Wert.</translation>
    </message>
    <message>
        <source>Unknown filter key “%1”; the keys are %2.</source>
        <translation>Unbekannter Filterschlüssel „%1“; die Schlüssel sind %2.</translation>
    </message>
    <message>
        <source>The filter key “%1” appears more than once.</source>
        <translation>Der Filterschlüssel „%1“ kommt mehrfach vor.</translation>
    </message>
    <message>
        <source>The filter key “%1” has no value.</source>
        <translation>Der Filterschlüssel „%1“ hat keinen Wert.</translation>
    </message>
    <message>
        <source>“%1” is not an event type; the event types are %2.</source>
        <translation>„%1“ ist kein Ereignistyp; die Ereignistypen sind %2.</translation>
    </message>
    <message>
        <source>“%1” is not a result; use success or failure.</source>
        <translation>„%1“ ist kein Ergebnis; verwenden Sie success oder failure.</translation>
    </message>
    <message>
        <source>“%1” is not a status class; use 2xx, 3xx, 4xx, 5xx or none.</source>
        <translation>„%1“ ist keine Statusklasse; verwenden Sie 2xx, 3xx, 4xx, 5xx oder none.</translation>
    </message>
    <message>
        <source>“%1” is not a time range; use 1h, 24h, 7d, or from= and to= with dates.</source>
        <translation>„%1“ ist kein Zeitraum; verwenden Sie 1h, 24h, 7d oder from= und to= mit Datumsangaben.</translation>
    </message>
    <message>
        <source>The %1 value “%2” is not an ISO 8601 date and time, such as 2024-05-01T08:00:00Z.</source>
        <translation>Der %1-Wert „%2“ ist keine Datums- und Zeitangabe nach ISO 8601, etwa 2024-05-01T08:00:00Z.</translation>
    </message>
    <message>
        <source>“%1” is not a trigger; use test, event or redeliver.</source>
        <translation>„%1“ ist kein Auslöser; verwenden Sie test, event oder redeliver.</translation>
    </message>
    <message>
        <source>since=%1 contradicts from= and to=; leave out one or the other.</source>
        <translation>since=%1 widerspricht from= und to=; lassen Sie das eine oder das andere weg.</translation>
    </message>
    <message>
        <source>The time range ends (%1) before it starts (%2).</source>
        <translation>Der Zeitraum endet (%1), bevor er beginnt (%2).</translation>
    </message>
</context>
<context>
    <name>DeliveryFilterBar</name>
    <message>
        <source>The filter text was not applied: %1</source>
        <translation>Der Filtertext wurde nicht übernommen: %1</translation>
    </message>
    <message>
        <source>The time range must end after it starts.</source>
        <translation>Der Zeitraum muss nach seinem Beginn enden.</translation>
    </message>
    <message>
        <source>&amp;Webhook:</source>
        <translation>&amp;Webhook:</translation>
    </message>
    <message>
        <source>E&amp;vent:</source>
        <translation>&amp;Ereignis:</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>E&amp;rgebnis:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Tri&amp;gger:</source>
        <translation>&amp;Auslöser:</translation>
    </message>
    <message>
        <source>T&amp;ime:</source>
        <translation>Ze&amp;it:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>All webhooks</source>
        <translation>Alle Webhooks</translation>
    </message>
    <message>
        <source>All event types</source>
        <translation>Alle Ereignistypen</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>2xx success</source>
        <translation>2xx Erfolg</translation>
    </message>
    <message>
        <source>3xx redirect</source>
        <translation>3xx Weiterleitung</translation>
    </message>
    <message>
        <source>4xx client error</source>
        <translation>4xx Client-Fehler</translation>
    </message>
    <message>
        <source>5xx server error</source>
        <translation>5xx Server-Fehler</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Redelivery</source>
        <translation>Erneute Zustellung</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Attempts that started at or after this time; “open” for no limit.</source>
        <translation>Versuche, die zu oder nach dieser Zeit begonnen haben; „offen“ für keine Grenze.</translation>
    </message>
    <message>
        <source>Attempts that started before this time; “open” for no limit.</source>
        <translation>Versuche, die vor dieser Zeit begonnen haben; „offen“ für keine Grenze.</translation>
    </message>
    <message>
        <source>e.g. webhook=Cardiology&amp;result=failure&amp;since=24h</source>
        <translation>z. B. webhook=Kardiologie&amp;result=failure&amp;since=24h</translation>
    </message>
    <message>
        <source>The filter as text, to copy into a ticket or paste from one. Keys: webhook, event, result, status, since, from, to, trigger, q. Press Enter to apply.</source>
        <translation>Der Filter als Text, zum Kopieren in ein Ticket oder zum Einfügen aus einem Ticket. Schlüssel: webhook, event, result, status, since, from, to, trigger, q. Mit der Eingabetaste übernehmen.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Text in the error, the response, the event id or the message id (webhook-id)</source>
        <translation>Text im Fehler, in der Antwort, in der Ereignis-ID oder in der Nachrichten-ID (webhook-id)</translation>
    </message>
</context>
<context>
    <name>DeliveryJob</name>
    <message>
        <source>subject %1, issued by %2, valid from %3 until %4</source>
        <translation>Inhaber %1, ausgestellt von %2, gültig von %3 bis %4</translation>
    </message>
    <message>
        <source>The %1 “%2” is not a valid URL.</source>
        <translation>Die %1 „%2“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The %1 uses plain http. Webhooks are sent over HTTPS only; plain http is allowed only to this computer (loopback) when the webhook allows it.</source>
        <translation>Die %1 verwendet unverschlüsseltes http. Webhooks werden nur über HTTPS gesendet; unverschlüsseltes http ist nur zu diesem Computer (Loopback) erlaubt, wenn der Webhook es zulässt.</translation>
    </message>
    <message>
        <source>The %1 has the scheme “%2”; only https is supported.</source>
        <translation>Die %1 hat das Schema „%2“; nur https wird unterstützt.</translation>
    </message>
    <message>
        <source>webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <source>Cannot read the CA bundle %1: %2</source>
        <translation>Das CA-Bundle %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The CA bundle %1 holds no PEM certificate.</source>
        <translation>Das CA-Bundle %1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>Epic token URL</source>
        <translation>Epic-Token-URL</translation>
    </message>
    <message>
        <source>Epic did not issue an access token. Check the client id, that the public key with key id “%1” is registered for this client in Epic, that the client is approved for the scope “%2”, and that this computer&apos;s clock is right.</source>
        <translation>Epic hat kein Zugriffstoken ausgestellt. Prüfen Sie die Client-ID, ob der öffentliche Schlüssel mit der Schlüssel-ID „%1“ für diesen Client bei Epic registriert ist, ob der Client für den Scope „%2“ freigegeben ist und ob die Uhr dieses Computers richtig geht.</translation>
    </message>
    <message>
        <source>The name %1 could not be resolved: %2</source>
        <translation>Der Name %1 konnte nicht aufgelöst werden: %2</translation>
    </message>
    <message>
        <source>no addresses</source>
        <translation>keine Adressen</translation>
    </message>
    <message>
        <source>Check the host name for typing errors. If it is a hospital-internal name, this computer may need to be on the hospital network or VPN.</source>
        <translation>Prüfen Sie den Hostnamen auf Tippfehler. Ist es ein krankenhausinterner Name, muss dieser Computer möglicherweise mit dem Krankenhausnetz oder dem VPN verbunden sein.</translation>
    </message>
    <message>
        <source>Refused to send plain http to %1: without TLS, only this computer (loopback) may receive webhooks.</source>
        <translation>Unverschlüsseltes http an %1 wurde verweigert: Ohne TLS darf nur dieser Computer (Loopback) Webhooks empfangen.</translation>
    </message>
    <message>
        <source>The delivery was cancelled.</source>
        <translation>Die Zustellung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No complete answer within the webhook&apos;s timeout of %1 s.</source>
        <translation>Keine vollständige Antwort innerhalb des Zeitlimits des Webhooks von %1 s.</translation>
    </message>
    <message>
        <source>The receiver is slow or its answer never ends. Raise the webhook&apos;s timeout only if the receiver is known to need longer.</source>
        <translation>Der Empfänger ist langsam, oder seine Antwort endet nie. Erhöhen Sie das Zeitlimit des Webhooks nur, wenn bekannt ist, dass der Empfänger länger braucht.</translation>
    </message>
    <message>
        <source>Nothing was received for %1 s.</source>
        <translation>%1 s lang wurde nichts empfangen.</translation>
    </message>
    <message>
        <source>The receiver accepted the connection but stopped answering. It may be overloaded, or a firewall may be dropping the traffic.</source>
        <translation>Der Empfänger hat die Verbindung angenommen, antwortet aber nicht mehr. Er ist möglicherweise überlastet, oder eine Firewall verwirft den Datenverkehr.</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2.</source>
        <translation>%1 hat die Verbindung auf Port %2 abgelehnt.</translation>
    </message>
    <message>
        <source>Nothing is listening there: check the port in the URL and whether the receiver is running.</source>
        <translation>Dort wartet kein Dienst auf Verbindungen: Prüfen Sie den Port in der URL und ob der Empfänger läuft.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The certificate of %1 was not accepted: %2</source>
        <translation>Das Zertifikat von %1 wurde nicht akzeptiert: %2</translation>
    </message>
    <message>
        <source>The connection is not secure, so nothing was sent. An expired certificate must be renewed by the receiver&apos;s operator; a certificate for another name means the URL is wrong or the server is misconfigured; for a hospital-internal certificate authority, set the webhook&apos;s CA bundle.</source>
        <translation>Die Verbindung ist nicht sicher, deshalb wurde nichts gesendet. Ein abgelaufenes Zertifikat muss der Betreiber des Empfängers erneuern; ein Zertifikat für einen anderen Namen bedeutet, dass die URL falsch oder der Server falsch konfiguriert ist; für eine krankenhausinterne Zertifizierungsstelle hinterlegen Sie das CA-Bundle im Webhook.</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering.</source>
        <translation>%1 hat die Verbindung vor der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The receiver dropped the request; it may have crashed, or it may speak another protocol on this port.</source>
        <translation>Der Empfänger hat die Anfrage verworfen; er ist möglicherweise abgestürzt oder spricht auf diesem Port ein anderes Protokoll.</translation>
    </message>
    <message>
        <source>The connection to %1 timed out.</source>
        <translation>Zeitüberschreitung bei der Verbindung zu %1.</translation>
    </message>
    <message>
        <source>HTTP %1 without a target; redirects are not followed.</source>
        <translation>HTTP %1 ohne Ziel; Weiterleitungen werden nicht verfolgt.</translation>
    </message>
    <message>
        <source>HTTP %1 redirect to %2; redirects are not followed.</source>
        <translation>HTTP %1: Weiterleitung an %2; Weiterleitungen werden nicht verfolgt.</translation>
    </message>
    <message>
        <source>Webhooks are not sent on to another address, because a signed request must reach exactly the configured receiver. If the new address is right, enter it as the webhook&apos;s URL.</source>
        <translation>Webhooks werden nicht an eine andere Adresse weitergeleitet, denn eine signierte Anfrage muss genau den eingerichteten Empfänger erreichen. Ist die neue Adresse richtig, tragen Sie sie als URL des Webhooks ein.</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>The name lookup or token request did not finish within the webhook&apos;s timeout of %1 s.</source>
        <translation>Die Namensauflösung oder Token-Anforderung wurde nicht innerhalb des Zeitlimits des Webhooks von %1 s abgeschlossen.</translation>
    </message>
    <message>
        <source>Token request to %1 failed: %2</source>
        <translation>Token-Anforderung an %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>HTTP %1 arrived, but the answer was cut short: %2</source>
        <translation>HTTP %1 ist angekommen, aber die Antwort brach vorzeitig ab: %2</translation>
    </message>
    <message>
        <source>The receiver or something between (a proxy, a load balancer) broke the connection while answering. It is not known whether the message was processed; it is counted as failed so it can be retried.</source>
        <translation>Der Empfänger oder etwas dazwischen (ein Proxy, ein Load Balancer) hat die Verbindung während der Antwort abgebrochen. Ob die Nachricht verarbeitet wurde, ist nicht bekannt; der Versuch gilt als fehlgeschlagen, damit die Nachricht erneut zugestellt werden kann.</translation>
    </message>
    <message>
        <source>The proxy %1 could not take the request to %2: %3</source>
        <translation>Der Proxy %1 konnte die Anfrage an %2 nicht übernehmen: %3</translation>
    </message>
    <message>
        <source>Check the dispatch setting “proxy”, and that the proxy allows CONNECT to port %1.</source>
        <translation>Prüfen Sie die Dispatch-Einstellung „proxy“ und ob der Proxy CONNECT zu Port %1 erlaubt.</translation>
    </message>
</context>
<context>
    <name>DeliveryListener</name>
    <message>
        <source>The database driver cannot deliver notifications.</source>
        <translation>Der Datenbanktreiber kann keine Benachrichtigungen zustellen.</translation>
    </message>
    <message>
        <source>The connection that listens for new attempts was lost: %1</source>
        <translation>Die Verbindung, die auf neue Versuche wartet, ist abgebrochen: %1</translation>
    </message>
    <message>
        <source>The connection that listens for new attempts was closed.</source>
        <translation>Die Verbindung, die auf neue Versuche wartet, wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>DeliveryLog</name>
    <message>
        <source>The stored headers cannot be read (%1 at character %2).</source>
        <translation>Die gespeicherten Header können nicht gelesen werden (%1 bei Zeichen %2).</translation>
    </message>
    <message>
        <source>Not UTF-8 text: %1 bytes, the first %2 shown as hexadecimal.</source>
        <translation>Kein UTF-8-Text: %1 Bytes, die ersten %2 hexadezimal dargestellt.</translation>
    </message>
    <message>
        <source>Not UTF-8 text: %1 bytes shown as hexadecimal.</source>
        <translation>Kein UTF-8-Text: %1 Bytes, hexadezimal dargestellt.</translation>
    </message>
    <message>
        <source>Cannot look up the webhook %1: %2</source>
        <translation>Der Webhook %1 kann nicht nachgeschlagen werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the delivery log: %1</source>
        <translation>Das Zustellprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot count the delivery log: %1</source>
        <translation>Die Einträge des Zustellprotokolls können nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the delivery attempt: %1</source>
        <translation>Der Zustellversuch kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the attempts of event %1: %2</source>
        <translation>Die Versuche zum Ereignis %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot compute the webhook health: %1</source>
        <translation>Der Zustand des Webhooks kann nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the delivery history: %1</source>
        <translation>Der Zustellverlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot count the attempts to purge: %1</source>
        <translation>Die zu bereinigenden Versuche können nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>Cannot start a purge batch: %1</source>
        <translation>Ein Bereinigungsdurchgang kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Purging attempts failed after %1 of %2: %3</source>
        <translation>Das Bereinigen der Versuche ist nach %1 von %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Cannot commit a purge batch: %1</source>
        <translation>Ein Bereinigungsdurchgang kann nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>Cannot write the export: %1</source>
        <translation>Der Export kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>There is no delivery attempt %1 (never recorded, or purged since).</source>
        <translation>Es gibt keinen Zustellversuch %1 (nie protokolliert oder inzwischen bereinigt).</translation>
    </message>
    <message>
        <source>Cannot estimate the size of the delivery log: %1</source>
        <translation>Die Größe des Zustellprotokolls kann nicht geschätzt werden: %1</translation>
    </message>
    <message>
        <source>the plan has no row estimate</source>
        <translation>der Abfrageplan enthält keine Zeilenschätzung</translation>
    </message>
    <message>
        <source>%1 attempts were purged. %2</source>
        <translation>%1 Zustellversuche wurden gelöscht. %2</translation>
    </message>
    <message>
        <source>Cannot read the failed attempts: %1</source>
        <translation>Die fehlgeschlagenen Versuche können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>There is no webhook %1 (never saved, or deleted since).</source>
        <translation>Es gibt keinen Webhook %1 (nie gespeichert oder inzwischen gelöscht).</translation>
    </message>
</context>
<context>
    <name>DeliveryLogJobs</name>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Deliveries</source>
        <translation>Zustellungen exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The export was cancelled; “%1” was not written.</source>
        <translation>Der Export wurde abgebrochen; „%1“ wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln attempt(s) to “%1”.</source>
        <translation>
            <numerusform>%Ln Versuch nach „%1“ exportiert.</numerusform>
            <numerusform>%Ln Versuche nach „%1“ exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting to “%1”…</source>
        <translation>Export nach „%1“…</translation>
    </message>
    <message>
        <source>Purge Old Deliveries</source>
        <translation>Alte Zustellungen bereinigen</translation>
    </message>
    <message numerus="yes">
        <source>Delete every delivery attempt older than %Ln day(s), that is, started before %1 %2?</source>
        <translation>
            <numerusform>Alle Zustellversuche löschen, die älter als %Ln Tag sind, also vor %1, %2 Uhr begonnen haben?</numerusform>
            <numerusform>Alle Zustellversuche löschen, die älter als %Ln Tage sind, also vor %1, %2 Uhr begonnen haben?</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone. The attempts are deleted in batches while you keep working, and the purge is written to the audit log. The retention period is set in the settings.</source>
        <translation>Dies kann nicht rückgängig gemacht werden. Die Versuche werden schrittweise gelöscht, während Sie weiterarbeiten, und die Bereinigung wird im Audit-Protokoll festgehalten. Die Aufbewahrungsfrist legen Sie in den Einstellungen fest.</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Bereinigen</translation>
    </message>
    <message>
        <source>The purge stopped after deleting %1 attempts: %2</source>
        <translation>Die Bereinigung wurde angehalten (gelöschte Versuche: %1): %2</translation>
    </message>
    <message numerus="yes">
        <source>The purge was cancelled after deleting %1 attempts older than %Ln day(s).</source>
        <translation>
            <numerusform>Die Bereinigung wurde abgebrochen; gelöschte Versuche älter als %Ln Tag: %1.</numerusform>
            <numerusform>Die Bereinigung wurde abgebrochen; gelöschte Versuche älter als %Ln Tage: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %1 attempts older than %Ln day(s).</source>
        <translation>
            <numerusform>Gelöschte Versuche älter als %Ln Tag: %1.</numerusform>
            <numerusform>Gelöschte Versuche älter als %Ln Tage: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting attempts older than %Ln day(s)…</source>
        <translation>
            <numerusform>Versuche, die älter als %Ln Tag sind, werden gelöscht…</numerusform>
            <numerusform>Versuche, die älter als %Ln Tage sind, werden gelöscht…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveryPipeline</name>
    <message>
        <source>The %1 payload for “%2” could not be built: %3</source>
        <translation>Die %1-Nutzlast für „%2“ konnte nicht erstellt werden: %3</translation>
    </message>
    <message>
        <source>No request can be made for “%1”: %2</source>
        <translation>Für „%1“ kann keine Anfrage erstellt werden: %2</translation>
    </message>
    <message>
        <source>Nothing was sent, because the attempt could not be recorded in the delivery log first: %1</source>
        <translation>Nichts wurde gesendet, weil der Versuch nicht zuerst im Zustellprotokoll erfasst werden konnte: %1</translation>
    </message>
    <message>
        <source>the database gave no reason</source>
        <translation>die Datenbank nannte keinen Grund</translation>
    </message>
    <message>
        <source>Cancelled before anything was sent.</source>
        <translation>Abgebrochen, bevor etwas gesendet wurde.</translation>
    </message>
    <message>
        <source>The webhook “%1” was deleted; there is nothing to send to.</source>
        <translation>Der Webhook „%1“ wurde gelöscht; es gibt kein Ziel für den Versand.</translation>
    </message>
    <message>
        <source>The webhook could not be read from the database: %1</source>
        <translation>Der Webhook konnte nicht aus der Datenbank gelesen werden: %1</translation>
    </message>
    <message>
        <source>Nothing was sent, because the dispatch settings in the database cannot be used: %1</source>
        <translation>Nichts wurde gesendet, weil die Dispatch-Einstellungen in der Datenbank nicht verwendbar sind: %1</translation>
    </message>
    <message>
        <source>The stored Epic private key of “%1” cannot be used: %2</source>
        <translation>Der gespeicherte private Epic-Schlüssel von „%1“ ist nicht verwendbar: %2</translation>
    </message>
</context>
<context>
    <name>DeliveryQueueDialog</name>
    <message>
        <source>Reading the queue…</source>
        <translation>Warteschlange wird gelesen…</translation>
    </message>
    <message>
        <source>Queued for a first attempt: %1 · retrying: %2 · failed: %3 · missed while disabled: %4</source>
        <translation>Warten auf den ersten Versuch: %1 · in Wiederholung: %2 · gescheitert: %3 · verpasst, während abgeschaltet: %4</translation>
    </message>
    <message>
        <source>Nothing waits for a retry.</source>
        <translation>Nichts wartet auf eine Wiederholung.</translation>
    </message>
    <message>
        <source>Next retry at %1; the most tried has had %2 of %3 attempts.</source>
        <translation>Nächste Wiederholung um %1; die am häufigsten versuchte Zustellung hatte %2 von %3 Versuchen.</translation>
    </message>
    <message>
        <source>Next retry at %1.</source>
        <translation>Nächste Wiederholung um %1.</translation>
    </message>
    <message>
        <source>The range ends before it begins.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>Counting the failed events in this range…</source>
        <translation>Gescheiterte Ereignisse in diesem Zeitraum werden gezählt…</translation>
    </message>
    <message numerus="yes">
        <source>%n failed event(s) in this range.</source>
        <translation>
            <numerusform>%n gescheitertes Ereignis in diesem Zeitraum.</numerusform>
            <numerusform>%n gescheiterte Ereignisse in diesem Zeitraum.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enable the webhook first: a disabled webhook receives nothing.</source>
        <translation>Aktivieren Sie zuerst den Webhook: Ein abgeschalteter Webhook empfängt nichts.</translation>
    </message>
    <message>
        <source>Cancel retries</source>
        <translation>Wiederholungen abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Give up on the %n delivery(s) of “%1” that wait for a retry? They are kept as failed and can be replayed later.</source>
        <translation>
            <numerusform>Die %n Zustellung an „%1“, die auf eine Wiederholung wartet, aufgeben? Sie bleibt als gescheitert erhalten und kann später erneut gesendet werden.</numerusform>
            <numerusform>Die %n Zustellungen an „%1“, die auf eine Wiederholung warten, aufgeben? Sie bleiben als gescheitert erhalten und können später erneut gesendet werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>Cannot change the queue</source>
        <translation>Die Warteschlange kann nicht geändert werden</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(s) due now; a running dispatcher sends them within its rate limit.</source>
        <translation>
            <numerusform>%n Zustellung jetzt fällig; ein laufender Dispatcher sendet sie im Rahmen seines Ratenlimits.</numerusform>
            <numerusform>%n Zustellungen jetzt fällig; ein laufender Dispatcher sendet sie im Rahmen seines Ratenlimits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(s) given up on.</source>
        <translation>
            <numerusform>%n Zustellung aufgegeben.</numerusform>
            <numerusform>%n Zustellungen aufgegeben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed event(s) due again, with the whole retry schedule; a running dispatcher sends them within its rate limit.</source>
        <translation>
            <numerusform>%n gescheitertes Ereignis wieder fällig, mit dem ganzen Wiederholungsplan; ein laufender Dispatcher sendet es im Rahmen seines Ratenlimits.</numerusform>
            <numerusform>%n gescheiterte Ereignisse wieder fällig, mit dem ganzen Wiederholungsplan; ein laufender Dispatcher sendet sie im Rahmen seines Ratenlimits.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivery queue: %1</source>
        <translation>Zustellwarteschlange: %1</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>Jetzt &amp;wiederholen</translation>
    </message>
    <message>
        <source>Make every delivery that waits for a retry due at once</source>
        <translation>Jede Zustellung, die auf eine Wiederholung wartet, sofort fällig machen</translation>
    </message>
    <message>
        <source>&amp;Cancel retries…</source>
        <translation>Wiederholungen &amp;abbrechen…</translation>
    </message>
    <message>
        <source>Give up on the deliveries that wait for a retry; they stay replayable</source>
        <translation>Die Zustellungen aufgeben, die auf eine Wiederholung warten; sie bleiben erneut sendbar</translation>
    </message>
    <message>
        <source>Failed events that came from</source>
        <translation>Gescheiterte Ereignisse, eingegangen von</translation>
    </message>
    <message>
        <source>Re&amp;play failed</source>
        <translation>Gescheiterte erneut &amp;senden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Retries are due now: a running dispatcher sends them next.</source>
        <translation>Wiederholungen sind jetzt fällig: ein laufender Dispatcher sendet sie als Nächstes.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) missed while the webhook was disabled, since the range&apos;s start.</source>
        <translation>
            <numerusform>%n Ereignis seit Beginn des Zeitraums verpasst, während der Webhook abgeschaltet war.</numerusform>
            <numerusform>%n Ereignisse seit Beginn des Zeitraums verpasst, während der Webhook abgeschaltet war.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missed event(s) due now, with the whole retry schedule; a running dispatcher sends them within its rate limit.</source>
        <translation>
            <numerusform>%n verpasstes Ereignis jetzt fällig, mit dem ganzen Wiederholungsplan; ein laufender Dispatcher sendet es im Rahmen seines Ratenlimits.</numerusform>
            <numerusform>%n verpasste Ereignisse jetzt fällig, mit dem ganzen Wiederholungsplan; ein laufender Dispatcher sendet sie im Rahmen seines Ratenlimits.</numerusform>
        </translation>
    </message>
    <message>
        <source>Replay &amp;missed</source>
        <translation>&amp;Verpasste senden</translation>
    </message>
</context>
<context>
    <name>DeliveryRedeliveries</name>
    <message>
        <source>Attempt %1 of event %2</source>
        <translation>Versuch %1 zum Ereignis %2</translation>
    </message>
    <message>
        <source>Send a Delivered Attempt Again?</source>
        <translation>Einen zugestellten Versuch erneut senden?</translation>
    </message>
    <message>
        <source>The receiver accepted this attempt (HTTP %2): %1. Sending it again gives the receiver a duplicate (with the same webhook-id, so that it can recognise it).</source>
        <translation>Der Empfänger hat diesen Versuch angenommen (HTTP %2): %1. Wird er erneut gesendet, erhält der Empfänger ein Duplikat (mit derselben webhook-id, sodass er es erkennen kann).</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>%1: not redelivered.</source>
        <translation>%1: nicht erneut zugestellt.</translation>
    </message>
    <message>
        <source>%1: redelivering…</source>
        <translation>%1: wird erneut zugestellt…</translation>
    </message>
    <message>
        <source>Redeliver to a Disabled Webhook?</source>
        <translation>Erneut an einen deaktivierten Webhook zustellen?</translation>
    </message>
    <message>
        <source>Redeliver Anyway</source>
        <translation>Trotzdem erneut zustellen</translation>
    </message>
    <message>
        <source>%1: redelivered; the receiver accepted it (HTTP %2).</source>
        <translation>%1: erneut zugestellt; der Empfänger hat ihn angenommen (HTTP %2).</translation>
    </message>
    <message>
        <source>%1: the redelivery failed: %2</source>
        <translation>%1: Die erneute Zustellung ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: not redelivered: %2</source>
        <translation>%1: nicht erneut zugestellt: %2</translation>
    </message>
    <message>
        <source>%1: the redelivery was cancelled.</source>
        <translation>%1: Die erneute Zustellung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 It could not be recorded in the delivery log: %2</source>
        <translation>%1 Dies konnte nicht im Zustellprotokoll festgehalten werden: %2</translation>
    </message>
    <message>
        <source>The failed events cannot be found: %1</source>
        <translation>Die fehlgeschlagenen Ereignisse können nicht ermittelt werden: %1</translation>
    </message>
    <message>
        <source>Finding the failed events of this filter…</source>
        <translation>Fehlgeschlagene Ereignisse dieses Filters werden gesucht…</translation>
    </message>
    <message>
        <source>No failed event of this filter needs redelivering: every one was delivered on a later attempt, or nothing failed.</source>
        <translation>Kein fehlgeschlagenes Ereignis dieses Filters muss erneut zugestellt werden: Jedes wurde bei einem späteren Versuch zugestellt, oder nichts ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Redeliver Failed Events</source>
        <translation>Fehlgeschlagene Ereignisse erneut zustellen</translation>
    </message>
    <message numerus="yes">
        <source>Redeliver %Ln failed event(s) of this filter?</source>
        <translation>
            <numerusform>%Ln fehlgeschlagenes Ereignis dieses Filters erneut zustellen?</numerusform>
            <numerusform>%Ln fehlgeschlagene Ereignisse dieses Filters erneut zustellen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Each is sent again to its webhook with its original message id, one at a time and at most %1 per second (about %2 s in all), and each result is recorded as a redelivery. Events of deleted or disabled webhooks are skipped.</source>
        <translation>Jedes wird mit seiner ursprünglichen Nachrichten-ID erneut an seinen Webhook gesendet, eines nach dem anderen und höchstens %1 pro Sekunde (insgesamt etwa %2 s), und jedes Ergebnis wird als erneute Zustellung protokolliert. Ereignisse gelöschter oder deaktivierter Webhooks werden übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>Redeliver %Ln Event(s)</source>
        <translation>
            <numerusform>%Ln Ereignis erneut zustellen</numerusform>
            <numerusform>%Ln Ereignisse erneut zustellen</numerusform>
        </translation>
    </message>
    <message>
        <source>Redelivering failed events: %1 delivered, %2 failed.</source>
        <translation>Fehlgeschlagene Ereignisse werden erneut zugestellt: %1 zugestellt, %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Redelivered %1 of %2 failed events: %3 delivered, %4 failed (%5 not sent).</source>
        <translation>%1 von %2 fehlgeschlagenen Ereignissen erneut gesendet: %3 zugestellt, %4 fehlgeschlagen (%5 nicht gesendet).</translation>
    </message>
    <message>
        <source>Cancelled. %1</source>
        <translation>Abgebrochen. %1</translation>
    </message>
    <message>
        <source>Redelivering failed events…</source>
        <translation>Fehlgeschlagene Ereignisse werden erneut zugestellt…</translation>
    </message>
</context>
<context>
    <name>DeliveryRepository</name>
    <message>
        <source>Cannot record the delivery attempt (%1): %2</source>
        <translation>Der Zustellversuch kann nicht gespeichert werden (%1): %2</translation>
    </message>
    <message>
        <source>insert</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Cannot read the delivery log: %1</source>
        <translation>Das Zustellprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No delivery attempt %1 is recorded.</source>
        <translation>Es ist kein Zustellversuch %1 gespeichert.</translation>
    </message>
    <message>
        <source>Attempt %1 of message %2 is recorded already.</source>
        <translation>Versuch %1 der Nachricht %2 ist bereits aufgezeichnet.</translation>
    </message>
    <message>
        <source>Cannot record the delivery attempt: other programs kept taking its number.</source>
        <translation>Der Zustellversuch kann nicht aufgezeichnet werden: Andere Programme haben seine Nummer immer wieder belegt.</translation>
    </message>
    <message>
        <source>Cannot record the outcome of delivery attempt %1: %2</source>
        <translation>Das Ergebnis von Zustellversuch %1 kann nicht erfasst werden: %2</translation>
    </message>
    <message>
        <source>Delivery attempt %1 is no longer an unfinished attempt in the log (purged, or completed elsewhere); its outcome was not recorded.</source>
        <translation>Zustellversuch %1 ist kein unabgeschlossener Versuch im Protokoll mehr (gelöscht oder anderswo abgeschlossen); sein Ergebnis wurde nicht erfasst.</translation>
    </message>
</context>
<context>
    <name>DeliveryTableModel</name>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>This webhook has been deleted; its attempts are kept under its last name.</source>
        <translation>Dieser Webhook wurde gelöscht; seine Versuche bleiben unter seinem letzten Namen erhalten.</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (gelöscht)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Redelivery</source>
        <translation>Erneute Zustellung</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>The delivery log cannot be read: %1</source>
        <translation>Das Zustellprotokoll kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>DeliveryTaskPanel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 Stopping after the step in hand…</source>
        <translation>%1 Wird nach dem laufenden Schritt angehalten…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>DispatchCommand</name>
    <message>
        <source>Delivers the events in the outbox to their webhooks, with retries, until stopped (SIGTERM or SIGINT) or, with --until-idle, until nothing is due.</source>
        <translation>Stellt die Ereignisse des Ausgangs ihren Webhooks zu, mit Wiederholungen, bis zum Anhalten (SIGTERM oder SIGINT) oder, mit --until-idle, bis nichts mehr fällig ist.</translation>
    </message>
    <message>
        <source>Deliveries in flight at once (default 4).</source>
        <translation>Gleichzeitig laufende Zustellungen (Standard 4).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Stop once nothing is due.</source>
        <translation>Anhalten, sobald nichts mehr fällig ist.</translation>
    </message>
    <message>
        <source>On SIGTERM: seconds the deliveries in flight get to finish (default 10).</source>
        <translation>Bei SIGTERM: Sekunden, die laufende Zustellungen zum Abschluss bekommen (Standard 10).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>--workers must be a whole number from 1 to 64.</source>
        <translation>--workers muss eine ganze Zahl von 1 bis 64 sein.</translation>
    </message>
    <message>
        <source>--stop-within must be a whole number of seconds from 0 to 600.</source>
        <translation>--stop-within muss eine ganze Zahl von Sekunden von 0 bis 600 sein.</translation>
    </message>
    <message>
        <source>Cannot watch for the stop signal: %1</source>
        <translation>Auf das Haltesignal kann nicht gewartet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Stopping: the deliveries in flight get %n second(s) to finish.</source>
        <translation>
            <numerusform>Anhalten: laufende Zustellungen bekommen %n Sekunde zum Abschluss.</numerusform>
            <numerusform>Anhalten: laufende Zustellungen bekommen %n Sekunden zum Abschluss.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dispatching as %1 with %n worker(s).</source>
        <translation>
            <numerusform>Stellt als %1 mit %n Arbeiter zu.</numerusform>
            <numerusform>Stellt als %1 mit %n Arbeitern zu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1 delivered, %2 to be retried, %3 failed.</source>
        <translation>Angehalten: %1 zugestellt, %2 zu wiederholen, %3 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The value of “%1”</source>
        <translation>Der Wert von „%1“</translation>
    </message>
    <message>
        <source>The value of “%1” must be a JSON object.</source>
        <translation>Der Wert von „%1“ muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“%1” is set; running dispatchers follow it within 30 seconds.</source>
        <translation>„%1“ ist gesetzt; laufende Zusteller folgen ihm innerhalb von 30 Sekunden.</translation>
    </message>
    <message>
        <source>“%1” has its default again.</source>
        <translation>„%1“ hat wieder seinen Standardwert.</translation>
    </message>
    <message>
        <source>The rate limit must be messages per second from 0 (no limit) to 1000, or “default” for its integration&apos;s.</source>
        <translation>Die Ratenbegrenzung muss Nachrichten pro Sekunde von 0 (keine Begrenzung) bis 1000 angeben, oder „default“ für die ihrer Integration.</translation>
    </message>
    <message>
        <source>“%1” follows the rate limit of its integration.</source>
        <translation>„%1“ folgt der Ratenbegrenzung seiner Integration.</translation>
    </message>
    <message>
        <source>Use “dispatch settings”, “dispatch settings set NAME JSON”, “dispatch settings reset NAME” or “dispatch settings rate WEBHOOK PER_SECOND|default”.</source>
        <translation>Verwenden Sie „dispatch settings“, „dispatch settings set NAME JSON“, „dispatch settings reset NAME“ oder „dispatch settings rate WEBHOOK PRO_SEKUNDE|default“.</translation>
    </message>
    <message>
        <source>The dispatch settings in the database cannot be used: %1</source>
        <translation>Die Zustelleinstellungen in der Datenbank sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>SETTING</source>
        <translation>EINSTELLUNG</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>WERT</translation>
    </message>
    <message>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>WEBHOOK</source>
        <translation>WEBHOOK</translation>
    </message>
    <message>
        <source>MESSAGES PER SECOND</source>
        <translation>NACHRICHTEN PRO SEKUNDE</translation>
    </message>
    <message>
        <source>--%1 is an option of running the dispatcher, not of its settings.</source>
        <translation>--%1 ist eine Option zum Betrieb des Zustellers, nicht seiner Einstellungen.</translation>
    </message>
    <message>
        <source>The dispatch settings in the database cannot be used: %1 Correct them with “dispatch settings set” or “dispatch settings reset”.</source>
        <translation>Die Zustelleinstellungen in der Datenbank sind nicht verwendbar: %1 Korrigieren Sie sie mit „dispatch settings set“ oder „dispatch settings reset“.</translation>
    </message>
    <message>
        <source>“%1” sends at most %2 messages per second.</source>
        <translation>„%1“ sendet höchstens %2 Nachrichten pro Sekunde.</translation>
    </message>
    <message numerus="yes">
        <source>Warning: webhook “%1” has failed every attempt since %2 (%n attempt(s)); it will be disabled at %3 unless one succeeds. Last error: %4</source>
        <translation>
            <numerusform>Warnung: Webhook „%1“ scheitert seit %2 bei jedem Versuch (%n Versuch); er wird am %3 deaktiviert, wenn keiner gelingt. Letzter Fehler: %4</numerusform>
            <numerusform>Warnung: Webhook „%1“ scheitert seit %2 bei jedem Versuch (%n Versuche); er wird am %3 deaktiviert, wenn keiner gelingt. Letzter Fehler: %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Webhook “%1” was disabled: its receiver answered 410 Gone. Enable it again once its address is right; “redeliver --missed-since” replays what it missed.</source>
        <translation>Webhook „%1“ wurde deaktiviert: sein Empfänger antwortete 410 Gone. Aktivieren Sie ihn wieder, sobald seine Adresse stimmt; „redeliver --missed-since“ stellt nach, was er verpasst hat.</translation>
    </message>
    <message numerus="yes">
        <source>Webhook “%1” was disabled after failing every attempt since %2 (%n attempt(s)). Last error: %3. Enable it again once its receiver works; “redeliver --missed-since” replays what it missed.</source>
        <translation>
            <numerusform>Webhook „%1“ wurde deaktiviert, nachdem seit %2 jeder Versuch scheiterte (%n Versuch). Letzter Fehler: %3. Aktivieren Sie ihn wieder, sobald sein Empfänger funktioniert; „redeliver --missed-since“ stellt nach, was er verpasst hat.</numerusform>
            <numerusform>Webhook „%1“ wurde deaktiviert, nachdem seit %2 jeder Versuch scheiterte (%n Versuche). Letzter Fehler: %3. Aktivieren Sie ihn wieder, sobald sein Empfänger funktioniert; „redeliver --missed-since“ stellt nach, was er verpasst hat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Webhook “%1” recovered after %n failed attempt(s) since %2.</source>
        <translation>
            <numerusform>Webhook „%1“ funktioniert wieder nach %n gescheitertem Versuch seit %2.</numerusform>
            <numerusform>Webhook „%1“ funktioniert wieder nach %n gescheiterten Versuchen seit %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Alert %1 about webhook “%2” queued for %n subscribed webhook(s).</source>
        <translation>
            <numerusform>Warnmeldung %1 zu Webhook „%2“ für %n abonnierenden Webhook eingereiht.</numerusform>
            <numerusform>Warnmeldung %1 zu Webhook „%2“ für %n abonnierende Webhooks eingereiht.</numerusform>
        </translation>
    </message>
    <message>
        <source>DISPATCHER</source>
        <translation>DISPATCHER</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>RUNNING SINCE (UTC)</source>
        <translation>LÄUFT SEIT (UTC)</translation>
    </message>
    <message>
        <source>LAST HEARTBEAT (UTC)</source>
        <translation>LETZTES LEBENSZEICHEN (UTC)</translation>
    </message>
    <message>
        <source>No dispatcher is running; the last one was seen at %1 (UTC).</source>
        <translation>Kein Dispatcher läuft; der letzte wurde um %1 (UTC) gesehen.</translation>
    </message>
    <message>
        <source>No dispatcher is running.</source>
        <translation>Kein Dispatcher läuft.</translation>
    </message>
    <message>
        <source>Nothing is due.</source>
        <translation>Nichts ist fällig.</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(s) due; the oldest since %1 (UTC).</source>
        <translation>
            <numerusform>%n Zustellung fällig, seit %1 (UTC).</numerusform>
            <numerusform>%n Zustellungen fällig, die älteste seit %1 (UTC).</numerusform>
        </translation>
    </message>
    <message>
        <source>Events are not being delivered.</source>
        <translation>Ereignisse werden nicht zugestellt.</translation>
    </message>
    <message>
        <source>“dispatch” takes no further arguments but “settings” or “status”.</source>
        <translation>„dispatch“ nimmt keine weiteren Argumente außer „settings“ oder „status“.</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>Test-send to webhook %1, asked by %2: %3</source>
        <translation>Testsendung an Webhook %1, angefordert von %2: %3</translation>
    </message>
    <message>
        <source>an unsaved webhook</source>
        <translation>einen nicht gespeicherten Webhook</translation>
    </message>
    <message numerus="yes">
        <source>%n test-send(s) from consoles.</source>
        <translation>
            <numerusform>%n Testsendung von Konsolen.</numerusform>
            <numerusform>%n Testsendungen von Konsolen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DispatchConfig</name>
    <message>
        <source>The rate limits name “%1”, which is no integration; the integrations are slack, teams, epic and generic.</source>
        <translation>Die Ratenbegrenzungen nennen „%1“, das keine Integration ist; die Integrationen sind slack, teams, epic und generic.</translation>
    </message>
    <message>
        <source>The rate limit of “%1” must be a number of messages per second from 0 (no limit) to 1000.</source>
        <translation>Die Ratenbegrenzung von „%1“ muss eine Zahl von Nachrichten pro Sekunde von 0 (keine Begrenzung) bis 1000 sein.</translation>
    </message>
    <message>
        <source>Auto-disable&apos;s “%1” must be whole seconds from 0 to 31536000.</source>
        <translation>„%1“ des automatischen Abschaltens muss ganze Sekunden von 0 bis 31536000 angeben.</translation>
    </message>
    <message>
        <source>Auto-disable&apos;s “warningPercents” must be rising whole percentages from 1 to 99.</source>
        <translation>„warningPercents“ des automatischen Abschaltens muss steigende ganze Prozentwerte von 1 bis 99 enthalten.</translation>
    </message>
    <message>
        <source>Auto-disable&apos;s “warningPercents” must be a list.</source>
        <translation>„warningPercents“ des automatischen Abschaltens muss eine Liste sein.</translation>
    </message>
    <message>
        <source>Auto-disable has no setting “%1”.</source>
        <translation>Das automatische Abschalten hat keine Einstellung „%1“.</translation>
    </message>
    <message>
        <source>There is no dispatch setting “%1”; the settings are %2.</source>
        <translation>Es gibt keine Zustelleinstellung „%1“; die Einstellungen sind %2.</translation>
    </message>
    <message>
        <source>The alerts&apos; “failingAfterAttempts” must be a list.</source>
        <translation>„failingAfterAttempts“ der Warnmeldungen muss eine Liste sein.</translation>
    </message>
    <message>
        <source>The alerts&apos; “failingAfterAttempts” must be rising whole numbers of attempts from 1 to 100000.</source>
        <translation>„failingAfterAttempts“ der Warnmeldungen muss steigende ganze Versuchszahlen von 1 bis 100000 enthalten.</translation>
    </message>
    <message>
        <source>The alerts&apos; “windowSeconds” must be whole seconds from 0 to 31536000.</source>
        <translation>„windowSeconds“ der Warnmeldungen muss ganze Sekunden von 0 bis 31536000 angeben.</translation>
    </message>
    <message>
        <source>The alerts&apos; “link” must be an http or https address (or empty).</source>
        <translation>„link“ der Warnmeldungen muss eine http- oder https-Adresse sein (oder leer).</translation>
    </message>
    <message>
        <source>The alerts have no setting “%1”; they have failingAfterAttempts, windowSeconds and link.</source>
        <translation>Die Warnmeldungen haben keine Einstellung „%1“; es gibt failingAfterAttempts, windowSeconds und link.</translation>
    </message>
    <message>
        <source>The proxy&apos;s “url” must be http://host:port (a proxy that asks for a password is not supported), or empty for none.</source>
        <translation>„url“ des Proxys muss http://host:port sein (ein Proxy, der ein Passwort verlangt, wird nicht unterstützt), oder leer für keinen.</translation>
    </message>
    <message>
        <source>The proxy&apos;s “noProxy” must be a list of host names or suffixes such as “.hospital.example”.</source>
        <translation>„noProxy“ des Proxys muss eine Liste von Hostnamen oder Endungen wie „.hospital.example“ sein.</translation>
    </message>
    <message>
        <source>The proxy has no setting “%1”; it has url and noProxy.</source>
        <translation>Der Proxy hat keine Einstellung „%1“; es gibt url und noProxy.</translation>
    </message>
</context>
<context>
    <name>DispatchQueue</name>
    <message>
        <source>Cannot claim due deliveries</source>
        <translation>Fällige Zustellungen können nicht übernommen werden</translation>
    </message>
    <message>
        <source>Cannot read a claimed event</source>
        <translation>Ein übernommenes Ereignis kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot record how delivery %1 ended</source>
        <translation>Der Ausgang der Zustellung %1 kann nicht festgehalten werden</translation>
    </message>
    <message>
        <source>Delivery %1 is no longer leased to this dispatcher (its lease ran out and another one took it); how this attempt ended was not recorded there.</source>
        <translation>Die Zustellung %1 ist diesem Dispatcher nicht mehr zugeteilt (seine Frist lief ab, und ein anderer hat sie übernommen); der Ausgang dieses Versuchs wurde dort nicht festgehalten.</translation>
    </message>
    <message>
        <source>Cannot give back the claimed deliveries</source>
        <translation>Die übernommenen Zustellungen können nicht zurückgegeben werden</translation>
    </message>
    <message>
        <source>Cannot count the due deliveries</source>
        <translation>Die fälligen Zustellungen können nicht gezählt werden</translation>
    </message>
    <message>
        <source>Cannot replay the missed events</source>
        <translation>Die verpassten Ereignisse können nicht erneut fällig gemacht werden</translation>
    </message>
    <message>
        <source>Cannot book send slots</source>
        <translation>Sendezeitpunkte können nicht reserviert werden</translation>
    </message>
    <message>
        <source>Cannot read the delivery queue</source>
        <translation>Die Zustellwarteschlange kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot make the retries due</source>
        <translation>Die Wiederholungen können nicht fällig gemacht werden</translation>
    </message>
    <message>
        <source>Cannot cancel the retries</source>
        <translation>Die Wiederholungen können nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>Cannot replay the failed events</source>
        <translation>Die gescheiterten Ereignisse können nicht erneut gesendet werden</translation>
    </message>
    <message>
        <source>Cannot count the missed events</source>
        <translation>Die verpassten Ereignisse können nicht gezählt werden</translation>
    </message>
    <message>
        <source>Cannot count the failed events</source>
        <translation>Die gescheiterten Ereignisse können nicht gezählt werden</translation>
    </message>
    <message>
        <source>Cannot read the delivery of the event</source>
        <translation>Die Zustellung des Ereignisses kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>DispatchSettings</name>
    <message>
        <source>Cannot read the dispatch settings</source>
        <translation>Die Zustelleinstellungen können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot store the dispatch setting “%1”</source>
        <translation>Die Zustelleinstellung „%1“ kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot reset the dispatch setting “%1”</source>
        <translation>Die Zustelleinstellung „%1“ kann nicht zurückgesetzt werden</translation>
    </message>
    <message>
        <source>The dispatch setting “%1” is not set; it has its default already.</source>
        <translation>Die Zustelleinstellung „%1“ ist nicht gesetzt; sie hat bereits ihren Standardwert.</translation>
    </message>
    <message>
        <source>Cannot read the webhooks&apos; rate limits</source>
        <translation>Die Ratenbegrenzungen der Webhooks können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the rate limit of “%1”</source>
        <translation>Die Ratenbegrenzung von „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot set the rate limit of “%1”</source>
        <translation>Die Ratenbegrenzung von „%1“ kann nicht gesetzt werden</translation>
    </message>
</context>
<context>
    <name>DispatchedTestSend</name>
    <message>
        <source>The dispatcher %1 took the test but has not told its outcome within %2 s. It may have been sent: look for it in the delivery log.</source>
        <translation>Der Dispatcher %1 hat den Test übernommen, aber sein Ergebnis nicht innerhalb von %2 s gemeldet. Er wurde möglicherweise gesendet: Sehen Sie im Zustellprotokoll nach.</translation>
    </message>
    <message>
        <source>The dispatcher %1 sent the test, but its account of the outcome cannot be read (a different version?). Look for the attempt in the delivery log.</source>
        <translation>Der Dispatcher %1 hat den Test gesendet, aber sein Bericht über das Ergebnis ist nicht lesbar (eine andere Version?). Suchen Sie den Versuch im Zustellprotokoll.</translation>
    </message>
    <message>
        <source>No dispatcher took the test within %1 s, so nothing was sent. Start a dispatcher, or send the test directly from this workstation.</source>
        <translation>Kein Dispatcher hat den Test innerhalb von %1 s übernommen, daher wurde nichts gesendet. Starten Sie einen Dispatcher oder senden Sie den Test direkt von diesem Arbeitsplatz.</translation>
    </message>
</context>
<context>
    <name>Dispatcher</name>
    <message>
        <source>The dispatch settings in the database cannot be used, so the previous ones stay in effect: %1</source>
        <translation>Die Zustelleinstellungen in der Datenbank sind nicht verwendbar, daher gelten weiter die bisherigen: %1</translation>
    </message>
    <message>
        <source>The webhook&apos;s settings sent for the test cannot be used by this dispatcher: %1</source>
        <translation>Die für den Test übermittelten Einstellungen des Webhooks kann dieser Dispatcher nicht verwenden: %1</translation>
    </message>
    <message>
        <source>The sample event sent for the test cannot be read by this dispatcher: %1</source>
        <translation>Das für den Test übermittelte Beispielereignis kann dieser Dispatcher nicht lesen: %1</translation>
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
            <numerusform>%n T</numerusform>
            <numerusform>%n T</numerusform>
        </translation>
    </message>
    <message>
        <source>Dispatcher state unknown</source>
        <translation>Dispatcher-Zustand unbekannt</translation>
    </message>
    <message>
        <source>nothing due</source>
        <translation>nichts fällig</translation>
    </message>
    <message numerus="yes">
        <source>%n due, the oldest for %1</source>
        <translation>
            <numerusform>%n fällig, seit %1</numerusform>
            <numerusform>%n fällig, die älteste seit %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (process %2, version %3): running since %4, last heartbeat %5 ago</source>
        <translation>%1 (Prozess %2, Version %3): läuft seit %4, letztes Lebenszeichen vor %5</translation>
    </message>
    <message>
        <source>No dispatcher running · %1</source>
        <translation>Kein Dispatcher läuft · %1</translation>
    </message>
    <message>
        <source>Events are delivered by “goreporter-webhooks dispatch” (or its systemd unit) on a workstation or server with access to this database.</source>
        <translation>Ereignisse stellt „goreporter-webhooks dispatch“ (oder seine systemd-Unit) zu, auf einem Arbeitsplatz oder Server mit Zugriff auf diese Datenbank.</translation>
    </message>
    <message numerus="yes">
        <source>%n dispatcher(s) running · %1</source>
        <translation>
            <numerusform>%n Dispatcher läuft · %1</numerusform>
            <numerusform>%n Dispatcher laufen · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No dispatcher has been seen for %1: events are not being delivered.</source>
        <translation>Seit %1 wurde kein Dispatcher gesehen: Ereignisse werden nicht zugestellt.</translation>
    </message>
    <message>
        <source>No dispatcher is running: events are not being delivered.</source>
        <translation>Kein Dispatcher läuft: Ereignisse werden nicht zugestellt.</translation>
    </message>
    <message numerus="yes">
        <source>%n event delivery(s) waiting, the oldest since %1.</source>
        <translation>
            <numerusform>%n Zustellung wartet, seit %1.</numerusform>
            <numerusform>%n Zustellungen warten, die älteste seit %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start “goreporter-webhooks dispatch” (or its systemd unit) on the machine that delivers them.</source>
        <translation>Starten Sie „goreporter-webhooks dispatch“ (oder seine systemd-Unit) auf dem Rechner, der sie zustellt.</translation>
    </message>
</context>
<context>
    <name>DispatcherRegistry</name>
    <message>
        <source>Cannot register the dispatcher</source>
        <translation>Der Dispatcher kann nicht eingetragen werden</translation>
    </message>
    <message>
        <source>Another dispatcher is running on this SQLite database: %1 (process %2 on %3, since %4, last seen %5 s ago). SQLite takes one dispatcher at a time; stop that one first, or use PostgreSQL for several. A dispatcher that was killed is taken for gone %6 s after its last heartbeat.</source>
        <translation>Auf dieser SQLite-Datenbank läuft schon ein Dispatcher: %1 (Prozess %2 auf %3, seit %4, zuletzt vor %5 s gesehen). SQLite nimmt nur einen Dispatcher zugleich; halten Sie jenen zuerst an oder verwenden Sie PostgreSQL für mehrere. Ein beendeter Dispatcher gilt %6 s nach seinem letzten Lebenszeichen als fort.</translation>
    </message>
    <message>
        <source>Cannot record the dispatcher&apos;s heartbeat</source>
        <translation>Das Lebenszeichen des Dispatchers kann nicht festgehalten werden</translation>
    </message>
    <message>
        <source>Cannot unregister the dispatcher</source>
        <translation>Der Dispatcher kann nicht ausgetragen werden</translation>
    </message>
    <message>
        <source>Cannot read the running dispatchers</source>
        <translation>Die laufenden Dispatcher können nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>EpicAuth</name>
    <message>
        <source>No Epic private key is available; generate one for this webhook first.</source>
        <translation>Es ist kein privater Epic-Schlüssel verfügbar; erzeugen Sie zuerst einen für diesen Webhook.</translation>
    </message>
    <message>
        <source>The Epic client id and token URL are both needed to request a token.</source>
        <translation>Für eine Token-Anforderung werden sowohl die Epic-Client-ID als auch die Token-URL benötigt.</translation>
    </message>
    <message>
        <source>The system&apos;s random number generator failed.</source>
        <translation>Der Zufallszahlengenerator des Systems ist ausgefallen.</translation>
    </message>
    <message>
        <source>The token endpoint&apos;s answer holds no access token.</source>
        <translation>Die Antwort des Token-Endpunkts enthält kein Zugriffstoken.</translation>
    </message>
    <message>
        <source>The token endpoint issued a “%1” token; only bearer tokens are supported.</source>
        <translation>Der Token-Endpunkt hat ein Token vom Typ „%1“ ausgestellt; nur Bearer-Tokens werden unterstützt.</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>no details given</source>
        <translation>keine Angaben</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <source>The server answered with an OperationOutcome that lists no issues.</source>
        <translation>Der Server hat mit einem OperationOutcome ohne Einträge geantwortet.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>EpicCommand</name>
    <message>
        <source>The Epic webhook, by name.</source>
        <translation>Der Epic-Webhook, nach Namen.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The RSA key size: 2048, 3072 or 4096 (default %1).</source>
        <translation>Die RSA-Schlüssellänge: 2048, 3072 oder 4096 (Standard: %1).</translation>
    </message>
    <message>
        <source>bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>The command and its action.</source>
        <translation>Der Befehl und seine Aktion.</translation>
    </message>
    <message>
        <source>“epic” needs an action: keygen.</source>
        <translation>„epic“ braucht eine Aktion: keygen.</translation>
    </message>
    <message>
        <source>Unknown action “epic %1”; the action is keygen.</source>
        <translation>Unbekannte Aktion „epic %1“; die Aktion ist keygen.</translation>
    </message>
    <message>
        <source>“epic keygen” takes no further arguments.</source>
        <translation>„epic keygen“ nimmt keine weiteren Argumente an.</translation>
    </message>
    <message>
        <source>--webhook is required.</source>
        <translation>--webhook ist erforderlich.</translation>
    </message>
    <message>
        <source>--bits must be 2048, 3072 or 4096.</source>
        <translation>--bits muss 2048, 3072 oder 4096 sein.</translation>
    </message>
    <message>
        <source>“%1” is a %2 webhook; only Epic webhooks authenticate with a key pair.</source>
        <translation>„%1“ ist ein Webhook vom Typ %2; nur Epic-Webhooks authentifizieren sich mit einem Schlüsselpaar.</translation>
    </message>
    <message>
        <source>“%1” already has a private key. A new key pair stops the registered one from working until its public key is registered with Epic; give --replace to make one anyway.</source>
        <translation>„%1“ hat bereits einen privaten Schlüssel. Ein neues Schlüsselpaar setzt das registrierte außer Kraft, bis sein öffentlicher Schlüssel bei Epic registriert ist; geben Sie --replace an, um trotzdem eines zu erzeugen.</translation>
    </message>
    <message>
        <source>The private key of “%1” is stored sealed for the approved machines. Register the JWK Set above with Epic (key id %2), then enter the client id Epic assigns.</source>
        <translation>Der private Schlüssel von „%1“ ist versiegelt für die freigegebenen Rechner gespeichert. Registrieren Sie das obige JWK Set bei Epic (Schlüssel-ID %2) und tragen Sie dann die von Epic vergebene Client-ID ein.</translation>
    </message>
    <message>
        <source>The private key of “%1” is stored sealed for the approved machines. Register the JWK Set above with Epic for client id %2 (key id %3).</source>
        <translation>Der private Schlüssel von „%1“ ist versiegelt für die freigegebenen Rechner gespeichert. Registrieren Sie das obige JWK Set bei Epic für die Client-ID %2 (Schlüssel-ID %3).</translation>
    </message>
    <message>
        <source>Epic (SMART Backend Services) authentication of a webhook.

  epic keygen --webhook NAME [--bits N] [--replace]
      make an RSA key pair, keep the private key sealed for the approved machines and print the
      public JWK Set to register with Epic</source>
        <translation>Epic-Authentifizierung (SMART Backend Services) eines Webhooks.

  epic keygen --webhook NAME [--bits N] [--replace]
      ein RSA-Schlüsselpaar erzeugen, den privaten Schlüssel versiegelt für die freigegebenen Rechner ablegen
      und das öffentliche JWK Set zur Registrierung bei Epic ausgeben</translation>
    </message>
    <message>
        <source>Replace a key pair that is already stored.</source>
        <translation>Ein bereits gespeichertes Schlüsselpaar ersetzen.</translation>
    </message>
</context>
<context>
    <name>EpicFormatter</name>
    <message>
        <source>Medical record number</source>
        <translation>Patientennummer</translation>
    </message>
    <message>
        <source>Battery status</source>
        <translation>Batteriestatus</translation>
    </message>
    <message>
        <source>Battery remaining percentage</source>
        <translation>Verbleibende Batteriekapazität in Prozent</translation>
    </message>
    <message>
        <source>Battery remaining longevity</source>
        <translation>Verbleibende Batterielaufzeit</translation>
    </message>
    <message>
        <source>Implanted device battery</source>
        <translation>Batterie des Implantats</translation>
    </message>
    <message>
        <source>%1, serial number %2</source>
        <translation>%1, Seriennummer %2</translation>
    </message>
    <message>
        <source>“%1” is not a goReporter event type.</source>
        <translation>„%1“ ist kein goReporter-Ereignistyp.</translation>
    </message>
    <message>
        <source>Epic receives FHIR DiagnosticReports, which exist only for report and battery events; “%1” cannot be sent to Epic.</source>
        <translation>Epic empfängt FHIR-DiagnosticReports, die es nur für Berichts- und Batterieereignisse gibt; „%1“ kann nicht an Epic gesendet werden.</translation>
    </message>
    <message>
        <source>%1 report</source>
        <translation>Bericht zur %1</translation>
    </message>
    <message>
        <source>Battery %1 %, %2.</source>
        <translation>Batterie %1 %, %2.</translation>
    </message>
    <message>
        <source>Estimated remaining longevity (months): %1.</source>
        <translation>Geschätzte verbleibende Laufzeit (Monate): %1.</translation>
    </message>
    <message>
        <source>The %1 event has no report, so there is no DiagnosticReport to send to Epic.</source>
        <translation>Das Ereignis %1 hat keinen Bericht, daher gibt es keinen DiagnosticReport für Epic.</translation>
    </message>
    <message>
        <source>The DiagnosticReport names no patient (PHI level “%1”): Epic cannot file it to a chart. Epic webhooks normally use PHI level “full”.</source>
        <translation>Der DiagnosticReport nennt keinen Patienten (Patientendaten-Stufe „%1“): Epic kann ihn keiner Akte zuordnen. Epic-Webhooks verwenden normalerweise die Patientendaten-Stufe „Vollständig“.</translation>
    </message>
    <message>
        <source>The report&apos;s PDF is only sent at PHI level “full”; this DiagnosticReport has no presentedForm.</source>
        <translation>Das PDF des Berichts wird nur mit der Patientendaten-Stufe „Vollständig“ gesendet; dieser DiagnosticReport hat keine presentedForm.</translation>
    </message>
</context>
<context>
    <name>EpicKey</name>
    <message>
        <source>Cannot generate an RSA key: %1</source>
        <translation>Es kann kein RSA-Schlüssel erzeugt werden: %1</translation>
    </message>
    <message>
        <source>The stored Epic key is not a readable PEM private key: %1</source>
        <translation>Der gespeicherte Epic-Schlüssel ist kein lesbarer privater PEM-Schlüssel: %1</translation>
    </message>
    <message>
        <source>The stored Epic key is not an RSA key; Epic&apos;s RS384 signatures need one.</source>
        <translation>Der gespeicherte Epic-Schlüssel ist kein RSA-Schlüssel; die RS384-Signaturen von Epic erfordern einen.</translation>
    </message>
    <message>
        <source>Cannot sign with the Epic key: %1</source>
        <translation>Mit dem Epic-Schlüssel kann nicht signiert werden: %1</translation>
    </message>
</context>
<context>
    <name>EpicKeyGeneration</name>
    <message>
        <source>%1 The new private key stays stored because the old one could not be put back: %2</source>
        <translation>%1 Der neue private Schlüssel bleibt gespeichert, weil der alte nicht zurückgelegt werden konnte: %2</translation>
    </message>
    <message>
        <source>This webhook has a private key already. A new key pair stops the registered one from working until its public key is registered with Epic.</source>
        <translation>Dieser Webhook hat bereits einen privaten Schlüssel. Ein neues Schlüsselpaar setzt das registrierte außer Kraft, bis sein öffentlicher Schlüssel bei Epic registriert ist.</translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <source>“%1” is not a field of the event; expected one of: %2.</source>
        <translation>„%1“ ist kein Feld des Ereignisses; erwartet wird eines von: %2.</translation>
    </message>
    <message>
        <source>“%1” must not be empty.</source>
        <translation>„%1“ darf nicht leer sein.</translation>
    </message>
    <message>
        <source>“%1” must be a whole number from %2 to %3, not %4.</source>
        <translation>„%1“ muss eine ganze Zahl von %2 bis %3 sein, nicht %4.</translation>
    </message>
    <message>
        <source>“%1” must be a date and time like 2026-03-14T09:26:53Z, not “%2”.</source>
        <translation>„%1“ muss eine Datums- und Zeitangabe wie 2026-03-14T09:26:53Z sein, nicht „%2“.</translation>
    </message>
    <message>
        <source>“%1” must include a time zone (Z or an offset such as +01:00): “%2”.</source>
        <translation>„%1“ muss eine Zeitzone enthalten (Z oder einen Versatz wie +01:00): „%2“.</translation>
    </message>
    <message>
        <source>“%1” must be a date like 2026-03-14, not “%2”.</source>
        <translation>„%1“ muss ein Datum wie 2026-03-14 sein, nicht „%2“.</translation>
    </message>
    <message>
        <source>“%1” must be an http or https address, not “%2”.</source>
        <translation>„%1“ muss eine http- oder https-Adresse sein, nicht „%2“.</translation>
    </message>
    <message>
        <source>“%1” must be one of %2, not “%3”.</source>
        <translation>„%1“ muss einer der Werte %2 sein, nicht „%3“.</translation>
    </message>
    <message>
        <source>“%1” is missing.</source>
        <translation>„%1“ fehlt.</translation>
    </message>
    <message>
        <source>“%1” must be %2, not %3.</source>
        <translation>„%1“ muss %2 sein, nicht %3.</translation>
    </message>
    <message>
        <source>“%1” is not valid base64.</source>
        <translation>„%1“ ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>The event must be a JSON object ({ … }).</source>
        <translation>Das Ereignis muss ein JSON-Objekt sein ({ … }).</translation>
    </message>
    <message>
        <source>“%1” is not a goReporter event type; expected one of: %2.</source>
        <translation>„%1“ ist kein goReporter-Ereignistyp; erwartet wird einer von: %2.</translation>
    </message>
    <message>
        <source>“task.daysOverdue” must be at least 1 for a task.overdue event.</source>
        <translation>„task.daysOverdue“ muss bei einem task.overdue-Ereignis mindestens 1 sein.</translation>
    </message>
    <message>
        <source>Pacemaker interrogation</source>
        <translation>Schrittmacherabfrage</translation>
    </message>
    <message>
        <source>ICD interrogation</source>
        <translation>ICD-Abfrage</translation>
    </message>
    <message>
        <source>Loop recorder interrogation</source>
        <translation>Loop-Recorder-Abfrage</translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation>Vorläufig</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Endgültig</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Elective replacement indicator (ERI)</source>
        <translation>Elektiver Austauschindikator (ERI)</translation>
    </message>
    <message>
        <source>End of life (EOL)</source>
        <translation>Ende der Batterielebensdauer (EOL)</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The event</source>
        <translation>Das Ereignis</translation>
    </message>
    <message>
        <source>“%1” must be one of gone, failing, not “%2”.</source>
        <translation>„%1“ muss gone oder failing sein, nicht „%2“.</translation>
    </message>
</context>
<context>
    <name>EventCatalog</name>
    <message>
        <source>A device interrogation report was created.</source>
        <translation>Ein Bericht zu einer Geräteabfrage wurde angelegt.</translation>
    </message>
    <message>
        <source>A report was reviewed and signed off.</source>
        <translation>Ein Bericht wurde geprüft und freigegeben.</translation>
    </message>
    <message>
        <source>A device battery fell below 20%.</source>
        <translation>Die Batterie eines Geräts ist unter 20 % gefallen.</translation>
    </message>
    <message>
        <source>A device reached elective replacement (ERI) or end of life (EOL).</source>
        <translation>Ein Gerät hat den elektiven Austauschzeitpunkt (ERI) oder das Ende der Batterielebensdauer (EOL) erreicht.</translation>
    </message>
    <message>
        <source>A follow-up task was created.</source>
        <translation>Eine Nachsorgeaufgabe wurde angelegt.</translation>
    </message>
    <message>
        <source>A follow-up task is due today.</source>
        <translation>Eine Nachsorgeaufgabe ist heute fällig.</translation>
    </message>
    <message>
        <source>A follow-up task is past its due date.</source>
        <translation>Eine Nachsorgeaufgabe ist überfällig.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>A webhook keeps failing: its receiver refused or missed several attempts in a row.</source>
        <translation>Ein Webhook scheitert wiederholt: sein Empfänger hat mehrere Versuche nacheinander abgelehnt oder nicht beantwortet.</translation>
    </message>
    <message>
        <source>A webhook was switched off by the dispatcher: its receiver is gone or failed for too long.</source>
        <translation>Der Dispatcher hat einen Webhook abgeschaltet: sein Empfänger existiert nicht mehr oder scheiterte zu lange.</translation>
    </message>
    <message>
        <source>A failing webhook delivered again.</source>
        <translation>Ein scheiternder Webhook liefert wieder zu.</translation>
    </message>
    <message>
        <source>An event ran out of retries and was not delivered.</source>
        <translation>Für ein Ereignis sind alle Wiederholungen verbraucht; es wurde nicht zugestellt.</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Betrieb</translation>
    </message>
</context>
<context>
    <name>EventOutbox</name>
    <message>
        <source>The event cannot be stored: %1</source>
        <translation>Das Ereignis kann nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>EventPicker</name>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Epic receives FHIR DiagnosticReports, which exist only for report and battery events.</source>
        <translation>Epic empfängt FHIR-DiagnosticReports, die es nur für Berichts- und Batterieereignisse gibt.</translation>
    </message>
</context>
<context>
    <name>EventsCommand</name>
    <message>
        <source>EVENT</source>
        <translation>EREIGNIS</translation>
    </message>
    <message>
        <source>CATEGORY</source>
        <translation>KATEGORIE</translation>
    </message>
    <message>
        <source>SEVERITY</source>
        <translation>SCHWERE</translation>
    </message>
    <message>
        <source>EPIC</source>
        <translation>EPIC</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>BESCHREIBUNG</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 holds a %2 event, not %3; nothing was stored.</source>
        <translation>%1 enthält ein %2-Ereignis, kein %3; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The event cannot be emitted: %1 Nothing was stored.</source>
        <translation>Das Ereignis kann nicht ausgelöst werden: %1 Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>--type is required: one of %1.</source>
        <translation>--type ist erforderlich: eines von %1.</translation>
    </message>
    <message>
        <source>Unknown event type “%1”; use one of %2.</source>
        <translation>Unbekannter Ereignistyp „%1“; verwenden Sie einen von %2.</translation>
    </message>
    <message>
        <source>--id must not be empty.</source>
        <translation>--id darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Event %1 was received already (%2); it is stored once, nothing changed.</source>
        <translation>Das Ereignis %1 ist schon eingegangen (%2); es wird nur einmal gespeichert, nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Event %1 was received already (%2) as a %3 event; it is stored once, nothing changed.</source>
        <translation>Das Ereignis %1 ist schon als %3-Ereignis eingegangen (%2); es wird nur einmal gespeichert, nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Stored; no webhook is subscribed to %1, so nothing will be sent.</source>
        <translation>Gespeichert; kein Webhook hat %1 abonniert, daher wird nichts gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Stored for %n subscribed webhook(s).</source>
        <translation>
            <numerusform>Für %n abonnierten Webhook gespeichert.</numerusform>
            <numerusform>Für %n abonnierte Webhooks gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them disabled: kept as skipped, to replay after enabling.</source>
        <translation>
            <numerusform>%n davon ist ausgeschaltet: als übersprungen aufbewahrt, zum erneuten Senden nach dem Einschalten.</numerusform>
            <numerusform>%n davon sind ausgeschaltet: als übersprungen aufbewahrt, zum erneuten Senden nach dem Einschalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The events of goReporter.

  events list                     the events a webhook can subscribe to
  events emit --type TYPE [--id EVENT_ID] [--data-file F]
                                  put an event into the outbox for every subscribed webhook; without
                                  --data-file the built-in sample of TYPE; prints the event id. The id is
                                  the idempotency key: an id stored already stores nothing.</source>
        <translation>Die Ereignisse von goReporter.

  events list                     die Ereignisse, die ein Webhook abonnieren kann
  events emit --type TYP [--id EREIGNIS_ID] [--data-file D]
                                  ein Ereignis für jeden abonnierten Webhook in den Ausgang legen; ohne
                                  --data-file das eingebaute Beispiel von TYP; gibt die Ereignis-ID aus. Die ID
                                  ist der Idempotenzschlüssel: eine schon gespeicherte ID speichert nichts.</translation>
    </message>
    <message>
        <source>With emit: the event type, such as battery.low.</source>
        <translation>Mit emit: der Ereignistyp, etwa battery.low.</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>With emit: the event id (default: a new one).</source>
        <translation>Mit emit: die Ereignis-ID (Standard: eine neue).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>With emit: the event, as a JSON file like those the preview and send commands read.</source>
        <translation>Mit emit: das Ereignis als JSON-Datei, wie sie die Befehle preview und send lesen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>The command and its action.</source>
        <translation>Der Befehl und seine Aktion.</translation>
    </message>
    <message>
        <source>“events %1” takes no further arguments.</source>
        <translation>„events %1“ nimmt keine weiteren Argumente.</translation>
    </message>
    <message>
        <source>--type, --id and --data-file go with “events emit”.</source>
        <translation>--type, --id und --data-file gehören zu „events emit“.</translation>
    </message>
    <message>
        <source>“events” needs an action: list or emit.</source>
        <translation>„events“ braucht eine Aktion: list oder emit.</translation>
    </message>
    <message>
        <source>Unknown action “events %1”; use list or emit.</source>
        <translation>Unbekannte Aktion „events %1“; verwenden Sie list oder emit.</translation>
    </message>
</context>
<context>
    <name>FailureStreaks</name>
    <message>
        <source>Cannot count the failed attempt</source>
        <translation>Der gescheiterte Versuch kann nicht gezählt werden</translation>
    </message>
    <message>
        <source>Cannot read the webhook&apos;s failures</source>
        <translation>Die Fehlschläge des Webhooks können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot reset the webhook&apos;s failures</source>
        <translation>Die Fehlschläge des Webhooks können nicht zurückgesetzt werden</translation>
    </message>
    <message>
        <source>Cannot read the webhooks&apos; failures</source>
        <translation>Die Fehlschläge der Webhooks können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot count the alert</source>
        <translation>Die Warnmeldung kann nicht gezählt werden</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>GenericFormatter</name>
    <message>
        <source>“%1” is not a goReporter event type.</source>
        <translation>„%1“ ist kein goReporter-Ereignistyp.</translation>
    </message>
</context>
<context>
    <name>HeadersTable</name>
    <message>
        <source>Header</source>
        <translation>Kopfzeile</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>HttpDiagnosis</name>
    <message>
        <source>Slack no longer knows this webhook URL: it was revoked, the app was removed, or the channel was deleted. Create a new incoming webhook in Slack and enter its URL.</source>
        <translation>Slack kennt diese Webhook-URL nicht mehr: Sie wurde widerrufen, die App wurde entfernt oder der Kanal gelöscht. Legen Sie in Slack einen neuen Incoming Webhook an und tragen Sie dessen URL ein.</translation>
    </message>
    <message>
        <source>The Slack channel of this webhook is archived. Unarchive it or create a webhook for another channel.</source>
        <translation>Der Slack-Kanal dieses Webhooks ist archiviert. Heben Sie die Archivierung auf oder legen Sie einen Webhook für einen anderen Kanal an.</translation>
    </message>
    <message>
        <source>A Slack administrator restricted posting to this channel.</source>
        <translation>Ein Slack-Administrator hat das Posten in diesem Kanal eingeschränkt.</translation>
    </message>
    <message>
        <source>Slack refused the webhook&apos;s credentials; the URL may have been regenerated. Enter the current URL from Slack.</source>
        <translation>Slack hat die Zugangsdaten des Webhooks abgelehnt; die URL wurde möglicherweise neu erzeugt. Tragen Sie die aktuelle URL aus Slack ein.</translation>
    </message>
    <message>
        <source>Slack could not read the message (“%1”). The payload does not fit Slack&apos;s message format.</source>
        <translation>Slack konnte die Nachricht nicht lesen („%1“). Die Nutzdaten entsprechen nicht dem Nachrichtenformat von Slack.</translation>
    </message>
    <message>
        <source>Slack is rate limiting this webhook (about one message per second per channel).</source>
        <translation>Slack drosselt diesen Webhook (etwa eine Nachricht pro Sekunde und Kanal).</translation>
    </message>
    <message>
        <source>Teams could not read the message. Check that the card is a valid Adaptive Card (version 1.5 or lower) wrapped in a message with attachments.</source>
        <translation>Teams konnte die Nachricht nicht lesen. Prüfen Sie, ob die Karte eine gültige Adaptive Card (Version 1.5 oder niedriger) ist, eingebettet in eine Nachricht mit Anhängen.</translation>
    </message>
    <message>
        <source>Teams refused the request: the workflow&apos;s URL signature no longer matches, or the workflow accepts only authenticated callers. Copy the current URL from the workflow&apos;s trigger.</source>
        <translation>Teams hat die Anfrage abgelehnt: Die URL-Signatur des Workflows stimmt nicht mehr, oder der Workflow nimmt nur authentifizierte Aufrufer an. Kopieren Sie die aktuelle URL aus dem Trigger des Workflows.</translation>
    </message>
    <message>
        <source>This Teams webhook no longer exists: the workflow or connector was deleted or retired. Create a new workflow with a webhook trigger and enter its URL.</source>
        <translation>Dieser Teams-Webhook existiert nicht mehr: Der Workflow oder Connector wurde gelöscht oder eingestellt. Legen Sie einen neuen Workflow mit Webhook-Trigger an und tragen Sie dessen URL ein.</translation>
    </message>
    <message>
        <source>The message is larger than Teams accepts (about 28 KB). Send less detail.</source>
        <translation>Die Nachricht ist größer, als Teams annimmt (etwa 28 KB). Senden Sie weniger Details.</translation>
    </message>
    <message>
        <source>Teams is throttling this webhook; too many messages were sent in a short time.</source>
        <translation>Teams drosselt diesen Webhook; in kurzer Zeit wurden zu viele Nachrichten gesendet.</translation>
    </message>
    <message>
        <source>Epic did not accept the access token (expired or revoked). It was discarded; the next attempt requests a new one.</source>
        <translation>Epic hat das Zugriffstoken nicht angenommen (abgelaufen oder widerrufen). Es wurde verworfen; beim nächsten Versuch wird ein neues angefordert.</translation>
    </message>
    <message>
        <source>Epic refused the request: the client is not authorized for it. Check that the app has the scope “%1” and is activated for this environment.</source>
        <translation>Epic hat die Anfrage abgelehnt: Der Client ist dafür nicht berechtigt. Prüfen Sie, ob die App den Scope „%1“ hat und für diese Umgebung aktiviert ist.</translation>
    </message>
    <message>
        <source>Epic has no such resource endpoint: check the FHIR base URL.</source>
        <translation>Epic hat keinen solchen Ressourcen-Endpunkt: Prüfen Sie die FHIR-Basis-URL.</translation>
    </message>
    <message>
        <source>Epic rejected the DiagnosticReport as invalid.</source>
        <translation>Epic hat den DiagnosticReport als ungültig zurückgewiesen.</translation>
    </message>
    <message>
        <source>The receiver considers the request malformed; check that it expects this payload format.</source>
        <translation>Der Empfänger hält die Anfrage für fehlerhaft; prüfen Sie, ob er dieses Nutzdatenformat erwartet.</translation>
    </message>
    <message>
        <source>The receiver refused the request&apos;s credentials. Check that it has this webhook&apos;s current signing secret and that the clocks of both computers are right (signatures are time-limited).</source>
        <translation>Der Empfänger hat die Zugangsdaten der Anfrage abgelehnt. Prüfen Sie, ob er das aktuelle Signaturgeheimnis dieses Webhooks hat und ob die Uhren beider Computer richtig gehen (Signaturen sind nur begrenzte Zeit gültig).</translation>
    </message>
    <message>
        <source>The receiver has nothing at this URL; check the path.</source>
        <translation>Unter dieser URL gibt es beim Empfänger nichts; prüfen Sie den Pfad.</translation>
    </message>
    <message>
        <source>The receiver does not accept %1 at this URL.</source>
        <translation>Der Empfänger nimmt unter dieser URL kein %1 an.</translation>
    </message>
    <message>
        <source>The receiver gave up waiting for the request.</source>
        <translation>Der Empfänger hat das Warten auf die Anfrage aufgegeben.</translation>
    </message>
    <message>
        <source>The receiver says this endpoint was removed for good.</source>
        <translation>Laut Empfänger wurde dieser Endpunkt dauerhaft entfernt.</translation>
    </message>
    <message>
        <source>The payload is larger than the receiver accepts.</source>
        <translation>Die Nutzdaten sind größer, als der Empfänger annimmt.</translation>
    </message>
    <message>
        <source>The receiver does not accept this content type.</source>
        <translation>Der Empfänger nimmt diesen Inhaltstyp nicht an.</translation>
    </message>
    <message>
        <source>The receiver understood the request but refused its content.</source>
        <translation>Der Empfänger hat die Anfrage verstanden, ihren Inhalt aber abgelehnt.</translation>
    </message>
    <message>
        <source>The receiver is rate limiting; too many requests were sent.</source>
        <translation>Der Empfänger drosselt die Anfragen; es wurden zu viele gesendet.</translation>
    </message>
    <message>
        <source>The receiver failed while handling the request; its operator can see why in its logs.</source>
        <translation>Beim Empfänger ist während der Bearbeitung der Anfrage ein Fehler aufgetreten; sein Betreiber findet die Ursache in den Protokollen des Empfängers.</translation>
    </message>
    <message>
        <source>A gateway in front of the receiver could not reach it; try again later.</source>
        <translation>Ein Gateway vor dem Empfänger konnte ihn nicht erreichen; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The receiver is temporarily unavailable (maintenance or overload); try again later.</source>
        <translation>Der Empfänger ist vorübergehend nicht verfügbar (Wartung oder Überlastung); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The receiver had a problem handling the request; try again later.</source>
        <translation>Beim Empfänger trat ein Problem bei der Bearbeitung der Anfrage auf; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The receiver refused the request.</source>
        <translation>Der Empfänger hat die Anfrage abgelehnt.</translation>
    </message>
    <message numerus="yes">
        <source>It asks to wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>Er bittet, vor dem nächsten Versuch %n Sekunde zu warten.</numerusform>
            <numerusform>Er bittet, vor dem nächsten Versuch %n Sekunden zu warten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The receiver redirected the request. Webhooks are not sent on to another address; if the new address is right, enter it as the webhook&apos;s URL.</source>
        <translation>Der Empfänger hat die Anfrage weitergeleitet. Webhooks werden nicht an eine andere Adresse weitergeleitet; ist die neue Adresse richtig, tragen Sie sie als URL des Webhooks ein.</translation>
    </message>
</context>
<context>
    <name>HttpMessageView</name>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>the first %1 of %2 bytes (the rest was counted, not kept)</source>
        <translation>die ersten %1 von %2 Bytes (der Rest wurde gezählt, aber nicht gespeichert)</translation>
    </message>
    <message>
        <source>%1, binary: shown as hex</source>
        <translation>%1, binär: hexadezimal dargestellt</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
</context>
<context>
    <name>MachineCommand</name>
    <message>
        <source>waiting for approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>--name must be 1 to 200 characters.</source>
        <translation>--name muss 1 bis 200 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A new key pair for this machine is kept in %1.</source>
        <translation>Ein neues Schlüsselpaar für diesen Rechner liegt in %1.</translation>
    </message>
    <message>
        <source>“%1” is the database&apos;s first machine, so it is approved now (recorded in the audit trail). Every further machine waits for an administrator&apos;s approval.</source>
        <translation>„%1“ ist der erste Rechner der Datenbank und daher jetzt freigegeben (im Prüfprotokoll vermerkt). Jeder weitere Rechner wartet auf die Freigabe durch einen Administrator.</translation>
    </message>
    <message>
        <source>“%1” waits for approval. Compare the fingerprint above with what the administrator sees, who then runs “machine approve %2”.</source>
        <translation>„%1“ wartet auf Freigabe. Vergleichen Sie den Fingerabdruck oben mit dem, den der Administrator sieht; dieser ruft dann „machine approve %2“ auf.</translation>
    </message>
    <message>
        <source>“%1” was revoked. To be approved again it enrolls with a new key: “machine enroll --new-key”.</source>
        <translation>„%1“ wurde widerrufen. Um wieder freigegeben zu werden, meldet er sich mit einem neuen Schlüssel an: „machine enroll --new-key“.</translation>
    </message>
    <message>
        <source>“%1” was enrolled before and is %2.</source>
        <translation>„%1“ ist bereits angemeldet und %2.</translation>
    </message>
    <message>
        <source>“%1” is not a machine fingerprint: it has 32 hexadecimal digits, as “machine list” shows them (XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX).</source>
        <translation>„%1“ ist kein Rechner-Fingerabdruck: Er hat 32 Hexadezimalziffern, wie „machine list“ sie zeigt (XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX).</translation>
    </message>
    <message>
        <source>Only an approved machine can approve or revoke machines, and this one is not approved (“machine enroll” shows its state).</source>
        <translation>Nur ein freigegebener Rechner kann Rechner freigeben oder widerrufen, und dieser ist nicht freigegeben („machine enroll“ zeigt seinen Stand).</translation>
    </message>
    <message>
        <source>Approved “%1” (%2).</source>
        <translation>„%1“ (%2) freigegeben.</translation>
    </message>
    <message>
        <source>Revoked “%1” (%2): it can open no credential sealed from now on.</source>
        <translation>„%1“ (%2) widerrufen: Ab jetzt versiegelte Zugangsdaten kann er nicht öffnen.</translation>
    </message>
    <message>
        <source>FINGERPRINT</source>
        <translation>FINGERABDRUCK</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STAND</translation>
    </message>
    <message>
        <source>ENROLLED</source>
        <translation>ANGEMELDET</translation>
    </message>
    <message>
        <source>DECIDED</source>
        <translation>ENTSCHIEDEN</translation>
    </message>
    <message>
        <source>%1 (this machine)</source>
        <translation>%1 (dieser Rechner)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>No machine is enrolled yet; “machine enroll” enrolls this one.</source>
        <translation>Noch ist kein Rechner angemeldet; „machine enroll“ meldet diesen an.</translation>
    </message>
    <message>
        <source>With enroll: the machine&apos;s name (default: its host name).</source>
        <translation>Mit enroll: der Name des Rechners (Vorgabe: sein Hostname).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>With enroll: replace this machine&apos;s key with a new one (after a revocation).</source>
        <translation>Mit enroll: den Schlüssel dieses Rechners durch einen neuen ersetzen (nach einem Widerruf).</translation>
    </message>
    <message>
        <source>The command, its action and a fingerprint.</source>
        <translation>Der Befehl, seine Aktion und ein Fingerabdruck.</translation>
    </message>
    <message>
        <source>--name and --new-key go with “machine enroll”.</source>
        <translation>--name und --new-key gehören zu „machine enroll“.</translation>
    </message>
    <message>
        <source>“machine %1” takes one fingerprint.</source>
        <translation>„machine %1“ erwartet einen Fingerabdruck.</translation>
    </message>
    <message>
        <source>“machine %1” takes no further arguments.</source>
        <translation>„machine %1“ erwartet keine weiteren Argumente.</translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) sealed again for the approved machines.</source>
        <translation>
            <numerusform>%n Zugangsdatum für die freigegebenen Rechner neu versiegelt.</numerusform>
            <numerusform>%n Zugangsdaten für die freigegebenen Rechner neu versiegelt.</numerusform>
        </translation>
    </message>
    <message>
        <source>This machine could not open, so did not re-seal: %1.</source>
        <translation>Dieser Rechner konnte Folgendes nicht öffnen und daher nicht neu versiegeln: %1.</translation>
    </message>
    <message>
        <source>“%1” could read these credentials until now; rotate them (“secret rotate”, “epic keygen --replace”): %2.</source>
        <translation>„%1“ konnte diese Zugangsdaten bisher lesen; rotieren Sie sie („secret rotate“, „epic keygen --replace“): %2.</translation>
    </message>
    <message>
        <source>The machines that may use the credentials sealed in the database.

  machine enroll [--name NAME] [--new-key]
                                  this machine asks to be approved; prints its fingerprint. Its key is
                                  kept in the keychain, or in GOREPORTER_MACHINE_KEY_FILE when set.
  machine approve FINGERPRINT     approve a machine that asked (from an approved machine)
  machine revoke FINGERPRINT      revoke a machine (from an approved machine)
  machine reseal                  seal every credential again for the approved machines (from one of them)
  machine list                    every machine, its state, who enrolled and decided it</source>
        <translation>Die Rechner, die die in der Datenbank versiegelten Zugangsdaten verwenden dürfen.

  machine enroll [--name NAME] [--new-key]
                                  dieser Rechner bittet um Freigabe; gibt seinen Fingerabdruck aus. Sein
                                  Schlüssel liegt im Schlüsselbund oder in GOREPORTER_MACHINE_KEY_FILE, wenn gesetzt.
  machine approve FINGERABDRUCK   einen anfragenden Rechner freigeben (von einem freigegebenen Rechner)
  machine revoke FINGERABDRUCK    einen Rechner widerrufen (von einem freigegebenen Rechner)
  machine reseal                  alle Zugangsdaten neu für die freigegebenen Rechner versiegeln (von einem davon)
  machine list                    alle Rechner, ihr Stand, wer sie angemeldet und entschieden hat</translation>
    </message>
    <message>
        <source>This machine has no key: “machine enroll” first.</source>
        <translation>Dieser Rechner hat keinen Schlüssel: zuerst „machine enroll“.</translation>
    </message>
    <message>
        <source>“machine” needs an action: enroll, approve, revoke, reseal or list.</source>
        <translation>„machine“ braucht eine Aktion: enroll, approve, revoke, reseal oder list.</translation>
    </message>
    <message>
        <source>Unknown action “machine %1”; use enroll, approve, revoke, reseal or list.</source>
        <translation>Unbekannte Aktion „machine %1“; verwenden Sie enroll, approve, revoke, reseal oder list.</translation>
    </message>
</context>
<context>
    <name>MachineIdentity</name>
    <message>
        <source>OpenSSL could not make this machine&apos;s key pair.</source>
        <translation>OpenSSL konnte das Schlüsselpaar dieses Rechners nicht erzeugen.</translation>
    </message>
    <message>
        <source>This machine&apos;s key is damaged: it is not a private key with its certificate. Enroll the machine again.</source>
        <translation>Der Schlüssel dieses Rechners ist beschädigt: Er ist kein privater Schlüssel mit seinem Zertifikat. Melden Sie den Rechner erneut an.</translation>
    </message>
    <message>
        <source>The machine&apos;s certificate cannot be read.</source>
        <translation>Das Zertifikat des Rechners kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>MachineKeyStore</name>
    <message>
        <source>this account&apos;s keychain</source>
        <translation>dem Schlüsselbund dieses Kontos</translation>
    </message>
    <message>
        <source>the file %1</source>
        <translation>der Datei %1</translation>
    </message>
    <message>
        <source>the service&apos;s systemd credential %1</source>
        <translation>dem systemd-Credential %1 des Dienstes</translation>
    </message>
    <message>
        <source>This machine&apos;s key cannot be read from %1: %2</source>
        <translation>Der Schlüssel dieses Rechners kann aus %1 nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>This machine&apos;s key in %1 can be read by other accounts, so it is not used. Make it readable by its owner only (chmod 600), then consider the machine&apos;s credentials exposed: revoke it and enroll again.</source>
        <translation>Der Schlüssel dieses Rechners in %1 ist für andere Konten lesbar und wird daher nicht verwendet. Machen Sie ihn nur für seinen Eigentümer lesbar (chmod 600) und betrachten Sie die Zugangsdaten des Rechners als offengelegt: Widerrufen Sie ihn und melden Sie ihn neu an.</translation>
    </message>
    <message>
        <source>The machine key comes from %1, which this program only reads. Enroll with GOREPORTER_MACHINE_KEY_FILE set to the file the credential is loaded from, as the service&apos;s account.</source>
        <translation>Der Rechnerschlüssel kommt aus %1, das dieses Programm nur liest. Melden Sie den Rechner als Konto des Dienstes an, mit GOREPORTER_MACHINE_KEY_FILE auf der Datei, aus der das Credential geladen wird.</translation>
    </message>
    <message>
        <source>This machine&apos;s key cannot be written to %1: %2</source>
        <translation>Der Schlüssel dieses Rechners kann nicht in %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>This machine&apos;s key could not be written to %1.</source>
        <translation>Der Schlüssel dieses Rechners konnte nicht in %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>The machine key comes from %1, which this program only reads.</source>
        <translation>Der Rechnerschlüssel kommt aus %1, das dieses Programm nur liest.</translation>
    </message>
    <message>
        <source>The old machine key in %1 cannot be removed.</source>
        <translation>Der alte Rechnerschlüssel in %1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The machine key in %1 is too large to be one.</source>
        <translation>Der Rechnerschlüssel in %1 ist zu groß, um einer zu sein.</translation>
    </message>
    <message>
        <source>The machine key in %1 cannot be used: %2</source>
        <translation>Der Rechnerschlüssel in %1 ist nicht verwendbar: %2</translation>
    </message>
</context>
<context>
    <name>MachineRegistry</name>
    <message>
        <source>Cannot read the machines</source>
        <translation>Die Rechner können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot enroll the machine</source>
        <translation>Der Rechner kann nicht angemeldet werden</translation>
    </message>
    <message>
        <source>Cannot change the machine</source>
        <translation>Der Rechner kann nicht geändert werden</translation>
    </message>
    <message>
        <source>No machine has the fingerprint %1. “machine list” shows them.</source>
        <translation>Kein Rechner hat den Fingerabdruck %1. „machine list“ zeigt sie.</translation>
    </message>
    <message>
        <source>The machine %1 (%2) is approved already.</source>
        <translation>Der Rechner %1 (%2) ist bereits freigegeben.</translation>
    </message>
    <message>
        <source>The machine %1 (%2) was revoked; it cannot be approved again. On that machine, enroll again with a new key (“machine enroll --new-key”).</source>
        <translation>Der Rechner %1 (%2) wurde widerrufen und kann nicht wieder freigegeben werden. Melden Sie ihn auf jenem Rechner mit einem neuen Schlüssel neu an („machine enroll --new-key“).</translation>
    </message>
    <message>
        <source>The machine %1 (%2) is revoked already.</source>
        <translation>Der Rechner %1 (%2) ist bereits widerrufen.</translation>
    </message>
    <message>
        <source>The machine %1 (%2) is the last approved one: without it nobody could open the credentials. Approve another machine first.</source>
        <translation>Der Rechner %1 (%2) ist der letzte freigegebene: Ohne ihn könnte niemand die Zugangsdaten öffnen. Geben Sie zuerst einen anderen Rechner frei.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About goReporter Webhooks</source>
        <translation>Über goReporter Webhooks</translation>
    </message>
    <message>
        <source>&lt;b&gt;goReporter Webhooks console&lt;/b&gt; %1&lt;p&gt;Manages the webhooks through which goReporter notifies Slack, Microsoft Teams, Epic and other services.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Konsole für goReporter Webhooks&lt;/b&gt; %1&lt;p&gt;Verwaltet die Webhooks, über die goReporter Slack, Microsoft Teams, Epic und andere Dienste benachrichtigt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>goReporter Webhooks</source>
        <translation>goReporter Webhooks</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Webhook</source>
        <translation>&amp;Webhook</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Webhook actions</source>
        <translation>Webhook-Aktionen</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>Create a webhook (%1)</source>
        <translation>Einen Webhook anlegen (%1)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Preview…</source>
        <translation>&amp;Vorschau…</translation>
    </message>
    <message>
        <source>Show exactly what a webhook would send for a sample event</source>
        <translation>Genau anzeigen, was ein Webhook für ein Beispielereignis senden würde</translation>
    </message>
    <message>
        <source>Signing &amp;secret…</source>
        <translation>&amp;Signaturgeheimnis…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About goReporter Webhooks</source>
        <translation>Ü&amp;ber goReporter Webhooks</translation>
    </message>
    <message>
        <source>Search webhooks by name, integration, endpoint or event (Ctrl+F)</source>
        <translation>Webhooks nach Name, Integration, Endpunkt oder Ereignis durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Database: %1 · signed in as %2</source>
        <translation>Datenbank: %1 · angemeldet als %2</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>D&amp;eaktivieren</translation>
    </message>
    <message>
        <source>Ena&amp;ble</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>No webhooks yet.
Choose Webhook ▸ New (%1) to send goReporter events to Slack, Teams, Epic or any HTTPS endpoint.</source>
        <translation>Noch keine Webhooks.
Wählen Sie Webhook ▸ Neu (%1), um goReporter-Ereignisse an Slack, Teams, Epic oder einen beliebigen HTTPS-Endpunkt zu senden.</translation>
    </message>
    <message>
        <source>No webhook matches “%1”.</source>
        <translation>Kein Webhook passt zu „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s)</source>
        <translation>
            <numerusform>%n Webhook</numerusform>
            <numerusform>%n Webhooks</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Created “%1”, inactive until you enable it.</source>
        <translation>„%1“ angelegt; inaktiv, bis Sie ihn aktivieren.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Test send…</source>
        <translation>&amp;Testversand…</translation>
    </message>
    <message>
        <source>Send a sample event to the selected webhook and see the answer</source>
        <translation>Ein Beispielereignis an den ausgewählten Webhook senden und die Antwort ansehen</translation>
    </message>
    <message>
        <source>&amp;Deliveries</source>
        <translation>&amp;Zustellungen</translation>
    </message>
    <message>
        <source>Delivery &amp;chart…</source>
        <translation>&amp;Zustelldiagramm…</translation>
    </message>
    <message>
        <source>Attempts per hour and latency of the selected webhook</source>
        <translation>Versuche pro Stunde und Latenz des ausgewählten Webhooks</translation>
    </message>
    <message>
        <source>Disable webhook</source>
        <translation>Webhook deaktivieren</translation>
    </message>
    <message>
        <source>Disable “%1”? goReporter stops delivering events to it until it is enabled again; events that occur meanwhile are not sent.</source>
        <translation>„%1“ deaktivieren? goReporter stellt dorthin keine Ereignisse mehr zu, bis der Webhook wieder aktiviert wird; Ereignisse, die in der Zwischenzeit eintreten, werden nicht gesendet.</translation>
    </message>
    <message>
        <source>“%1” is enabled: events are delivered to it.</source>
        <translation>„%1“ ist aktiviert: Ereignisse werden dorthin zugestellt.</translation>
    </message>
    <message>
        <source>“%1” is disabled: no events are delivered to it.</source>
        <translation>„%1“ ist deaktiviert: Es werden keine Ereignisse dorthin zugestellt.</translation>
    </message>
    <message>
        <source>Webhoo&amp;ks</source>
        <translation>Webhoo&amp;ks</translation>
    </message>
    <message>
        <source>View de&amp;liveries</source>
        <translation>Z&amp;ustellungen anzeigen</translation>
    </message>
    <message>
        <source>Show the delivery log of the selected webhook</source>
        <translation>Das Zustellprotokoll des ausgewählten Webhooks anzeigen</translation>
    </message>
    <message>
        <source>&amp;Troubleshooting…</source>
        <translation>&amp;Fehlerbehebung…</translation>
    </message>
    <message>
        <source>Set, rotate or delete the secret that signs this webhook&apos;s requests</source>
        <translation>Das Geheimnis setzen, rotieren oder löschen, mit dem die Anfragen dieses Webhooks signiert werden</translation>
    </message>
    <message>
        <source>%1 webhooks are not signed: their URL (or, for Epic, the key pair) is the credential.</source>
        <translation>Webhooks vom Typ %1 werden nicht signiert: Ihre URL (bei Epic das Schlüsselpaar) ist das Zugangsdatum.</translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation>Fehlerbehebung</translation>
    </message>
    <message>
        <source>&amp;Alerts channel…</source>
        <translation>&amp;Warnkanal…</translation>
    </message>
    <message>
        <source>Choose the webhook that hears when any webhook keeps failing or is switched off</source>
        <translation>Den Webhook wählen, der erfährt, wenn ein Webhook wiederholt scheitert oder abgeschaltet wird</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;A webhook does not fire&lt;/b&gt;&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Check that the webhook is active (the Active column).&lt;/li&gt;&lt;li&gt;Check that it subscribes to the event (Edit ▸ Events).&lt;/li&gt;&lt;li&gt;Open its delivery log (Webhook ▸ View deliveries, %1): each attempt shows the request, the answer and what it means.&lt;/li&gt;&lt;li&gt;Send a test (Webhook ▸ Test send, %2) and read the diagnosis.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Hear of failures before people miss notifications&lt;/b&gt;: choose an alerts channel (Webhook ▸ Alerts channel); the dispatcher tells it when a webhook keeps failing, is switched off or delivers again.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Too many notifications&lt;/b&gt;: subscribe to fewer events.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Signature checks fail at the receiver&lt;/b&gt;: compare the secret&apos;s fingerprint (Webhook ▸ Signing secret) with the receiver&apos;s, and check the receiver&apos;s clock (signatures carry a time).&lt;/p&gt;&lt;p&gt;The README that comes with the console describes every setting, the configuration file and the command line.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Ein Webhook wird nicht ausgelöst&lt;/b&gt;&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Prüfen Sie, ob der Webhook aktiv ist (Spalte „Aktiv“).&lt;/li&gt;&lt;li&gt;Prüfen Sie, ob er das Ereignis abonniert hat (Bearbeiten ▸ Ereignisse).&lt;/li&gt;&lt;li&gt;Öffnen Sie sein Zustellprotokoll (Webhook ▸ Zustellungen anzeigen, %1): Jeder Versuch zeigt die Anfrage, die Antwort und deren Bedeutung.&lt;/li&gt;&lt;li&gt;Senden Sie einen Test (Webhook ▸ Testversand, %2) und lesen Sie die Diagnose.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Von Störungen erfahren, bevor Benachrichtigungen fehlen&lt;/b&gt;: Wählen Sie einen Warnkanal (Webhook ▸ Warnkanal); der Dispatcher meldet ihm, wenn ein Webhook wiederholt scheitert, abgeschaltet wird oder wieder zustellt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Zu viele Benachrichtigungen&lt;/b&gt;: Abonnieren Sie weniger Ereignisse.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Signaturprüfungen schlagen beim Empfänger fehl&lt;/b&gt;: Vergleichen Sie den Fingerabdruck des Geheimnisses (Webhook ▸ Signaturgeheimnis) mit dem des Empfängers, und prüfen Sie die Uhr des Empfängers (Signaturen enthalten eine Zeitangabe).&lt;/p&gt;&lt;p&gt;Die README, die der Konsole beiliegt, beschreibt jede Einstellung, die Konfigurationsdatei und die Befehlszeile.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Delivery &amp;queue…</source>
        <translation>Zustell&amp;warteschlange…</translation>
    </message>
    <message>
        <source>What waits to be delivered to the selected webhook: retry now, cancel retries, replay failed events</source>
        <translation>Was auf die Zustellung an den gewählten Webhook wartet: jetzt wiederholen, Wiederholungen abbrechen, gescheiterte Ereignisse erneut senden</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>Cannot read the schema version: %1</source>
        <translation>Die Schemaversion kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The database has schema version %1, but this program knows only up to version %2. Install a newer goReporter Webhooks console; the database was not modified.</source>
        <translation>Die Datenbank hat die Schemaversion %1, dieses Programm kennt aber nur Versionen bis %2. Installieren Sie eine neuere Version der Konsole für goReporter Webhooks; die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot start the migration transaction: %1</source>
        <translation>Die Migrationstransaktion kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Cannot lock the database for migration: %1</source>
        <translation>Die Datenbank kann für die Migration nicht gesperrt werden: %1</translation>
    </message>
    <message>
        <source>Cannot create the migration table: %1</source>
        <translation>Die Migrationstabelle kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Migration %1 failed: %2</source>
        <translation>Migration %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot record the event types: %1</source>
        <translation>Die Ereignistypen können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot record migration %1: %2</source>
        <translation>Migration %1 kann nicht vermerkt werden: %2</translation>
    </message>
    <message>
        <source>Cannot commit the migration: %1</source>
        <translation>Die Migration kann nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>A newer goReporter Webhooks console migrated the database to schema version %1 a moment ago; this program knows only up to version %2. Install the newer console; the database was not modified.</source>
        <translation>Eine neuere Version der Konsole für goReporter Webhooks hat die Datenbank soeben auf die Schemaversion %1 migriert; dieses Programm kennt nur Versionen bis %2. Installieren Sie die neuere Konsole; die Datenbank wurde nicht verändert.</translation>
    </message>
</context>
<context>
    <name>OperationsAlerts</name>
    <message>
        <source>Cannot raise the alert</source>
        <translation>Die Warnmeldung kann nicht ausgelöst werden</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>&amp;Remember in this workstation&apos;s keychain</source>
        <translation>&amp;Im Schlüsselbund dieses Arbeitsplatzes speichern</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Datenbankpasswort</translation>
    </message>
    <message>
        <source>The shared database %1 needs the password of the role “%2”.</source>
        <translation>Die gemeinsame Datenbank %1 benötigt das Passwort der Rolle „%2“.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password not remembered</source>
        <translation>Passwort nicht gespeichert</translation>
    </message>
    <message>
        <source>You are logged in, but the password could not be stored: %1</source>
        <translation>Sie sind angemeldet, aber das Passwort konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>PayloadWarnings</name>
    <message>
        <source>This payload contains patient initials and medical record numbers (PHI level “limited”): send it only to a receiver approved for patient data.</source>
        <translation>Diese Nutzdaten enthalten Patienteninitialen und Patientennummern (Patientendaten-Stufe „Eingeschränkt“): Senden Sie sie nur an einen Empfänger, der für Patientendaten freigegeben ist.</translation>
    </message>
    <message>
        <source>This payload contains patient names, birth dates and clinical details (PHI level “full”): send it only to a receiver approved for patient data.</source>
        <translation>Diese Nutzdaten enthalten Patientennamen, Geburtsdaten und klinische Angaben (Patientendaten-Stufe „Vollständig“): Senden Sie sie nur an einen Empfänger, der für Patientendaten freigegeben ist.</translation>
    </message>
</context>
<context>
    <name>PhiLevels</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Limited</source>
        <translation>Eingeschränkt</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Identifiers and a link to goReporter only; no patient data.</source>
        <translation>Nur Kennungen und ein Link zu goReporter; keine Patientendaten.</translation>
    </message>
    <message>
        <source>Patient initials and medical record number, the clinic, the physician and the task&apos;s assignee.</source>
        <translation>Initialen des Patienten und Patientennummer, die Klinik, die Ärztin/der Arzt und die Person, der die Aufgabe zugewiesen ist.</translation>
    </message>
    <message>
        <source>Everything of “limited”, plus the full patient name, birth date, device serial number, free texts and the report PDF.</source>
        <translation>Alles aus „Eingeschränkt“, dazu der vollständige Name des Patienten, das Geburtsdatum, die Seriennummer des Geräts, Freitexte und das Berichts-PDF.</translation>
    </message>
</context>
<context>
    <name>PhiView</name>
    <message>
        <source>New report: %1</source>
        <translation>Neuer Bericht: %1</translation>
    </message>
    <message>
        <source>Report signed off: %1</source>
        <translation>Bericht freigegeben: %1</translation>
    </message>
    <message>
        <source>Battery low: %1 %</source>
        <translation>Batterie niedrig: %1 %</translation>
    </message>
    <message>
        <source>Battery critical: %1 %</source>
        <translation>Batterie kritisch: %1 %</translation>
    </message>
    <message>
        <source>New follow-up task</source>
        <translation>Neue Nachsorgeaufgabe</translation>
    </message>
    <message>
        <source>New task: %1</source>
        <translation>Neue Aufgabe: %1</translation>
    </message>
    <message>
        <source>Follow-up task due today</source>
        <translation>Nachsorgeaufgabe heute fällig</translation>
    </message>
    <message>
        <source>Due today: %1</source>
        <translation>Heute fällig: %1</translation>
    </message>
    <message>
        <source>Follow-up task overdue since %1</source>
        <translation>Nachsorgeaufgabe überfällig seit %1</translation>
    </message>
    <message>
        <source>Overdue since %1: %2</source>
        <translation>Überfällig seit %1: %2</translation>
    </message>
    <message>
        <source>battery %1 %, %2</source>
        <translation>Batterie %1 %, %2</translation>
    </message>
    <message>
        <source>estimated longevity %1 mo</source>
        <translation>geschätzte Restlaufzeit %1 Mon.</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>Aufgabe %1</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>überfällig seit %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <source>patient %1 (MRN %2)</source>
        <translation>Patient %1 (Pat.-Nr. %2)</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>Pat.-Nr.</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Battery status</source>
        <translation>Batteriestatus</translation>
    </message>
    <message>
        <source>Estimated longevity (months)</source>
        <translation>Geschätzte Restlaufzeit (Monate)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Tage überfällig</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Report type</source>
        <translation>Berichtsart</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>Berichtsstatus</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Klinik</translation>
    </message>
    <message>
        <source>Physician</source>
        <translation>Ärztin/Arzt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Beurteilung</translation>
    </message>
    <message>
        <source>Event time</source>
        <translation>Ereigniszeit</translation>
    </message>
    <message>
        <source>Webhook failing: %1</source>
        <translation>Webhook scheitert: %1</translation>
    </message>
    <message>
        <source>Webhook switched off: %1</source>
        <translation>Webhook abgeschaltet: %1</translation>
    </message>
    <message>
        <source>Webhook delivering again: %1</source>
        <translation>Webhook liefert wieder: %1</translation>
    </message>
    <message>
        <source>Event not delivered to %1</source>
        <translation>Ereignis nicht zugestellt an %1</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Open in goReporter</source>
        <translation>In goReporter öffnen</translation>
    </message>
    <message>
        <source>%1 event %2 given up (attempts: %3)</source>
        <translation>%1-Ereignis %2 aufgegeben (Versuche: %3)</translation>
    </message>
    <message>
        <source>its receiver answered 410 Gone</source>
        <translation>sein Empfänger antwortete 410 Gone</translation>
    </message>
    <message>
        <source>switched off after failing for too long</source>
        <translation>abgeschaltet, nachdem er zu lange scheiterte</translation>
    </message>
    <message>
        <source>delivered again after failing since %1 (failed attempts: %2)</source>
        <translation>liefert wieder, nachdem er seit %1 scheiterte (gescheiterte Versuche: %2)</translation>
    </message>
    <message>
        <source>failing since %1 (failed attempts: %2)</source>
        <translation>scheitert seit %1 (gescheiterte Versuche: %2)</translation>
    </message>
    <message>
        <source>to be switched off at %1 unless an attempt succeeds</source>
        <translation>wird am %1 abgeschaltet, sofern kein Versuch gelingt</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>Sendet an</translation>
    </message>
    <message>
        <source>Failing since</source>
        <translation>Scheitert seit</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>Gescheiterte Versuche</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>To be switched off at</source>
        <translation>Wird abgeschaltet am</translation>
    </message>
    <message>
        <source>Switched off because</source>
        <translation>Abgeschaltet, weil</translation>
    </message>
    <message>
        <source>it failed for too long</source>
        <translation>er zu lange scheiterte</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Message id (webhook-id)</source>
        <translation>Nachrichten-ID (webhook-id)</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
</context>
<context>
    <name>PreviewCommand</name>
    <message>
        <source>Run “%1 preview --help” for the options.</source>
        <translation>Rufen Sie „%1 preview --help“ auf, um die Optionen zu sehen.</translation>
    </message>
    <message>
        <source>%1 holds a %2 event, not %3.</source>
        <translation>%1 enthält ein Ereignis vom Typ %2, nicht %3.</translation>
    </message>
    <message>
        <source>note: webhook-id, webhook-timestamp and webhook-signature are added when the message is sent; they change with every delivery.</source>
        <translation>Hinweis: webhook-id, webhook-timestamp und webhook-signature werden beim Senden der Nachricht ergänzt; sie ändern sich bei jeder Zustellung.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Cannot write to standard output: %1</source>
        <translation>Auf die Standardausgabe kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Prints exactly the bytes a webhook would send for an event.

  preview --format slack|teams|epic|generic --event TYPE [--sample-file F] [--phi none|limited|full]
  preview --webhook NAME --event TYPE [--sample-file F] [--database URL]

Without --sample-file, a synthetic sample event is used.</source>
        <translation>Gibt genau die Bytes aus, die ein Webhook für ein Ereignis senden würde.

  preview --format slack|teams|epic|generic --event TYP [--sample-file D] [--phi none|limited|full]
  preview --webhook NAME --event TYP [--sample-file D] [--database URL]

Ohne --sample-file wird ein synthetisches Beispielereignis verwendet.</translation>
    </message>
    <message>
        <source>The integration: slack, teams, epic or generic.</source>
        <translation>Die Integration: slack, teams, epic oder generic.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>A stored webhook, whose format, PHI level and headers apply.</source>
        <translation>Ein gespeicherter Webhook, dessen Format, Patientendaten-Stufe und Header gelten.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The event type, such as battery.low.</source>
        <translation>Der Ereignistyp, etwa battery.low.</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>An event in JSON instead of the built-in sample.</source>
        <translation>Ein Ereignis als JSON statt des eingebauten Beispiels.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>With --format: how much patient data to include: none, limited or full (default: the format&apos;s default).</source>
        <translation>Mit --format: wie viele Patientendaten enthalten sein sollen: none, limited oder full (Standard: die Vorgabe des Formats).</translation>
    </message>
    <message>
        <source>level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Print the HTTP headers before the body.</source>
        <translation>Die HTTP-Header vor dem Body ausgeben.</translation>
    </message>
    <message>
        <source>With --webhook: the database, sqlite:///path/file.db or postgresql://user@host:port/dbname.</source>
        <translation>Mit --webhook: die Datenbank, sqlite:///pfad/datei.db oder postgresql://benutzer@host:port/datenbankname.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The language of messages, such as de or en.</source>
        <translation>Die Sprache der Meldungen, etwa de oder en.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Unexpected arguments: %1.</source>
        <translation>Unerwartete Argumente: %1.</translation>
    </message>
    <message>
        <source>Give either --format or --webhook.</source>
        <translation>Geben Sie entweder --format oder --webhook an.</translation>
    </message>
    <message>
        <source>--event is required.</source>
        <translation>--event ist erforderlich.</translation>
    </message>
    <message>
        <source>Unknown event “%1”; the events are: %2.</source>
        <translation>Unbekanntes Ereignis „%1“; die Ereignisse sind: %2.</translation>
    </message>
    <message>
        <source>--phi goes with --format; a webhook&apos;s own PHI level applies to --webhook.</source>
        <translation>--phi gehört zu --format; für --webhook gilt die Patientendaten-Stufe des Webhooks.</translation>
    </message>
    <message>
        <source>--database goes with --webhook.</source>
        <translation>--database gehört zu --webhook.</translation>
    </message>
    <message>
        <source>Unknown format “%1”; use slack, teams, epic or generic.</source>
        <translation>Unbekanntes Format „%1“; verwenden Sie slack, teams, epic oder generic.</translation>
    </message>
    <message>
        <source>Unknown PHI level “%1”; use none, limited or full.</source>
        <translation>Unbekannte Patientendaten-Stufe „%1“; verwenden Sie none, limited oder full.</translation>
    </message>
    <message>
        <source>“%1” does not subscribe to %2, so nothing would be sent.</source>
        <translation>„%1“ hat %2 nicht abonniert, es würde also nichts gesendet.</translation>
    </message>
    <message>
        <source>note: “%1” is disabled; this is what it would send once enabled.</source>
        <translation>Hinweis: „%1“ ist deaktiviert; dies würde er nach dem Aktivieren senden.</translation>
    </message>
    <message>
        <source>note: webhook-id and webhook-timestamp are added when the message is sent; they change with every delivery.</source>
        <translation>Hinweis: webhook-id und webhook-timestamp werden beim Senden der Nachricht ergänzt; sie ändern sich bei jeder Zustellung.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>%1 bytes (this integration has no size limit)</source>
        <translation>%1 Bytes (diese Integration hat keine Größenbeschränkung)</translation>
    </message>
    <message>
        <source>%1 bytes: %2 bytes over the limit of %3 bytes</source>
        <translation>%1 Bytes: %2 Bytes über der Grenze von %3 Bytes</translation>
    </message>
    <message>
        <source>%1 bytes of %2 allowed (%3%)</source>
        <translation>%1 von %2 zulässigen Bytes (%3 %)</translation>
    </message>
    <message>
        <source>Save Card as PNG</source>
        <translation>Karte als PNG speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>HTTP headers</source>
        <translation>HTTP-Header</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>As Teams shows it (light theme)</source>
        <translation>So zeigt Teams die Karte an (helles Design)</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <source>Nothing would be sent</source>
        <translation>Es würde nichts gesendet</translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <source>Payload Preview</source>
        <translation>Nutzdatenvorschau</translation>
    </message>
    <message>
        <source>&amp;Integration:</source>
        <translation>&amp;Integration:</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Ereignis:</translation>
    </message>
    <message>
        <source>&amp;Patient data:</source>
        <translation>&amp;Patientendaten:</translation>
    </message>
    <message>
        <source>Sample &amp;event (JSON, editable):</source>
        <translation>Beispielereignis (&amp;JSON, bearbeitbar):</translation>
    </message>
    <message>
        <source>Load Sample from File…</source>
        <translation>Beispiel aus Datei laden…</translation>
    </message>
    <message>
        <source>Reset to Sample</source>
        <translation>Auf Beispiel zurücksetzen</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Load Sample Event</source>
        <translation>Beispielereignis laden</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The sample event is not valid:
%1</source>
        <translation>Das Beispielereignis ist ungültig:
%1</translation>
    </message>
    <message>
        <source>There is no payload format for %1.</source>
        <translation>Für %1 gibt es kein Nutzdatenformat.</translation>
    </message>
</context>
<context>
    <name>RedeliverCommand</name>
    <message>
        <source>Attempt %1 was not redelivered: %2</source>
        <translation>Versuch %1 wurde nicht erneut zugestellt: %2</translation>
    </message>
    <message>
        <source>  Add --include-disabled to redeliver to it anyway.</source>
        <translation>  Geben Sie --include-disabled an, um trotzdem erneut an ihn zuzustellen.</translation>
    </message>
    <message>
        <source>Attempt %1 (%2 %3) to “%4”</source>
        <translation>Versuch %1 (%2 %3) an „%4“</translation>
    </message>
    <message>
        <source>%1: delivered, HTTP %2, latency %3 ms.</source>
        <translation>%1: zugestellt, HTTP %2, Latenz %3 ms.</translation>
    </message>
    <message>
        <source>%1: cancelled.</source>
        <translation>%1: abgebrochen.</translation>
    </message>
    <message>
        <source>%1: not delivered, HTTP %2, latency %3 ms.</source>
        <translation>%1: nicht zugestellt, HTTP %2, Latenz %3 ms.</translation>
    </message>
    <message>
        <source>%1: not delivered: %2</source>
        <translation>%1: nicht zugestellt: %2</translation>
    </message>
    <message>
        <source>  Diagnosis: %1</source>
        <translation>  Diagnose: %1</translation>
    </message>
    <message>
        <source>  Recorded as attempt %1 of message %2 (id %3).</source>
        <translation>  Als Versuch %1 der Nachricht %2 festgehalten (ID %3).</translation>
    </message>
    <message>
        <source>  The attempt could not be recorded in the delivery log: %1</source>
        <translation>  Der Versuch konnte nicht im Zustellprotokoll festgehalten werden: %1</translation>
    </message>
    <message>
        <source>The id of the attempt to send again, as the delivery log shows it.</source>
        <translation>Die ID des erneut zu sendenden Versuchs, wie das Zustellprotokoll sie anzeigt.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Every message that failed at or after this time (ISO 8601).</source>
        <translation>Jede Nachricht, die zu oder nach dieser Zeit fehlgeschlagen ist (ISO 8601).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Redeliver to disabled webhooks too.</source>
        <translation>Auch an deaktivierte Webhooks erneut zustellen.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Unexpected arguments: %1.</source>
        <translation>Unerwartete Argumente: %1.</translation>
    </message>
    <message>
        <source>--webhook goes with --failed-since; an attempt already names its webhook.</source>
        <translation>--webhook gehört zu --failed-since; ein Versuch nennt seinen Webhook bereits.</translation>
    </message>
    <message>
        <source>--delivery needs the id of an attempt, a whole number; “%1” is not one.</source>
        <translation>--delivery braucht die ID eines Versuchs, eine ganze Zahl; „%1“ ist keine.</translation>
    </message>
    <message>
        <source>--failed-since needs a time in ISO 8601, such as 2024-05-01T08:00:00Z; “%1” is not one.</source>
        <translation>--failed-since braucht eine Zeitangabe nach ISO 8601, etwa 2024-05-01T08:00:00Z; „%1“ ist keine.</translation>
    </message>
    <message>
        <source>No message failed since %1 without being delivered later; nothing was sent.</source>
        <translation>Seit %1 ist keine Nachricht fehlgeschlagen, ohne später zugestellt worden zu sein; es wurde nichts gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Redelivering %n message(s), at most %1 a second.</source>
        <translation>
            <numerusform>%n Nachricht wird erneut zugestellt, höchstens %1 pro Sekunde.</numerusform>
            <numerusform>%n Nachrichten werden erneut zugestellt, höchstens %1 pro Sekunde.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 redelivered, %3 failed.</source>
        <translation>%1 von %2 erneut zugestellt, %3 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>--missed-since needs a time in ISO 8601, such as 2024-05-01T08:00:00Z; “%1” is not one.</source>
        <translation>--missed-since braucht eine Zeit nach ISO 8601, etwa 2024-05-01T08:00:00Z; „%1“ ist keine.</translation>
    </message>
    <message>
        <source>“%1” is disabled; enable it first (webhooks enable NAME). Its missed events stay kept.</source>
        <translation>„%1“ ist ausgeschaltet; schalten Sie ihn zuerst ein (webhooks enable NAME). Seine verpassten Ereignisse bleiben aufbewahrt.</translation>
    </message>
    <message numerus="yes">
        <source>%n missed event(s) are due again; a running dispatcher sends them.</source>
        <translation>
            <numerusform>%n verpasstes Ereignis ist wieder fällig; ein laufender Dispatcher sendet es.</numerusform>
            <numerusform>%n verpasste Ereignisse sind wieder fällig; ein laufender Dispatcher sendet sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missed event(s) of “%1” are due again; a running dispatcher sends them.</source>
        <translation>
            <numerusform>%n verpasstes Ereignis von „%1“ ist wieder fällig; ein laufender Dispatcher sendet es.</numerusform>
            <numerusform>%n verpasste Ereignisse von „%1“ sind wieder fällig; ein laufender Dispatcher sendet sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sends logged messages again: the same message id (webhook-id) and body, with a fresh timestamp and signature, to the webhook as it is configured now. Each result is printed and recorded with trigger “redeliver”.

  redeliver --delivery ID
  redeliver --failed-since ISO [--webhook NAME]
  redeliver --missed-since ISO [--webhook NAME]

--missed-since makes the events that came while a webhook was disabled due again, for the dispatcher.
--failed-since picks every message whose newest attempt failed and started at or after that time, once each, and sends at most %1 a second. Exit code 0 when every redelivery was accepted, 1 otherwise.</source>
        <translation>Sendet protokollierte Nachrichten erneut: dieselbe Nachrichten-ID (webhook-id) und denselben Body, mit neuem Zeitstempel und neuer Signatur, an den Webhook in seiner aktuellen Einrichtung. Jedes Ergebnis wird ausgegeben und mit dem Auslöser „redeliver“ festgehalten.

  redeliver --delivery ID
  redeliver --failed-since ISO [--webhook NAME]
  redeliver --missed-since ISO [--webhook NAME]

--missed-since macht die Ereignisse, die kamen, während ein Webhook ausgeschaltet war, für den Dispatcher wieder fällig.
--failed-since wählt jede Nachricht, deren neuester Versuch fehlgeschlagen ist und zu oder nach dieser Zeit begonnen hat, jeweils einmal, und sendet höchstens %1 pro Sekunde. Exit-Code 0, wenn jede erneute Zustellung angenommen wurde, sonst 1.</translation>
    </message>
    <message>
        <source>Every event that came at or after this time (ISO 8601) while its webhook was disabled.</source>
        <translation>Jedes Ereignis, das zu oder nach dieser Zeit (ISO 8601) kam, während sein Webhook ausgeschaltet war.</translation>
    </message>
    <message>
        <source>With --failed-since or --missed-since: only this webhook&apos;s messages.</source>
        <translation>Mit --failed-since oder --missed-since: nur die Nachrichten dieses Webhooks.</translation>
    </message>
    <message>
        <source>Give one of --delivery ID, --failed-since TIME or --missed-since TIME.</source>
        <translation>Geben Sie eines von --delivery ID, --failed-since ZEIT oder --missed-since ZEIT an.</translation>
    </message>
</context>
<context>
    <name>Redelivery</name>
    <message>
        <source>The body of attempt %1 was not stored in the delivery log, so it cannot be sent again.</source>
        <translation>Der Body von Versuch %1 wurde nicht im Zustellprotokoll gespeichert, daher kann er nicht erneut gesendet werden.</translation>
    </message>
    <message>
        <source>The webhook “%1” was deleted, so attempt %2 has nowhere to go.</source>
        <translation>Der Webhook „%1“ wurde gelöscht, daher hat Versuch %2 kein Ziel.</translation>
    </message>
    <message>
        <source>The webhook “%1” is disabled. Enable it first, or confirm that attempt %2 should be redelivered to it anyway.</source>
        <translation>Der Webhook „%1“ ist deaktiviert. Aktivieren Sie ihn zuerst, oder bestätigen Sie, dass Versuch %2 trotzdem erneut an ihn zugestellt werden soll.</translation>
    </message>
</context>
<context>
    <name>RedeliveryTask</name>
    <message>
        <source>The webhook of attempt %1 could not be read: %2</source>
        <translation>Der Webhook von Versuch %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Attempt %1 cannot be redelivered: %2</source>
        <translation>Versuch %1 kann nicht erneut zugestellt werden: %2</translation>
    </message>
</context>
<context>
    <name>RetryPolicy</name>
    <message>
        <source>The retry schedule has no setting “%1”.</source>
        <translation>Der Wiederholungsplan hat keine Einstellung „%1“.</translation>
    </message>
    <message>
        <source>The retry schedule&apos;s “delaysSeconds” must be a list of at least one delay in seconds.</source>
        <translation>„delaysSeconds“ des Wiederholungsplans muss eine Liste von mindestens einer Wartezeit in Sekunden sein.</translation>
    </message>
    <message>
        <source>The retry schedule&apos;s “delaysSeconds” must hold whole seconds from 0 to 604800.</source>
        <translation>„delaysSeconds“ des Wiederholungsplans muss ganze Sekunden von 0 bis 604800 enthalten.</translation>
    </message>
    <message>
        <source>The retry schedule&apos;s “jitter” must be a fraction from 0 to 0.5.</source>
        <translation>„jitter“ des Wiederholungsplans muss ein Anteil von 0 bis 0,5 sein.</translation>
    </message>
    <message>
        <source>The retry schedule&apos;s “%1” must be whole seconds from 0 to 604800.</source>
        <translation>„%1“ des Wiederholungsplans muss eine ganze Zahl von Sekunden von 0 bis 604800 sein.</translation>
    </message>
    <message>
        <source>The retry schedule&apos;s “retryAfterMinSeconds” must not be larger than “retryAfterMaxSeconds”.</source>
        <translation>„retryAfterMinSeconds“ des Wiederholungsplans darf nicht größer sein als „retryAfterMaxSeconds“.</translation>
    </message>
</context>
<context>
    <name>SealedCredentialStore</name>
    <message>
        <source>This machine (fingerprint %1) is not enrolled in this database, so it can use no sealed credential. Run “goreporter-webhooks machine enroll” on it, then have an administrator approve it.</source>
        <translation>Dieser Rechner (Fingerabdruck %1) ist in dieser Datenbank nicht angemeldet und kann daher keine versiegelten Zugangsdaten verwenden. Führen Sie auf ihm „goreporter-webhooks machine enroll“ aus und lassen Sie ihn dann von einem Administrator freigeben.</translation>
    </message>
    <message>
        <source>This machine (%1, fingerprint %2) waits for approval. An administrator approves it on an approved machine: “machine approve %2”, or in the console&apos;s Machines dialog.</source>
        <translation>Dieser Rechner (%1, Fingerabdruck %2) wartet auf Freigabe. Ein Administrator gibt ihn auf einem freigegebenen Rechner frei: „machine approve %2“ oder im Dialog „Rechner“ der Konsole.</translation>
    </message>
    <message>
        <source>This machine (%1, fingerprint %2) was revoked on %3 by %4; it can use no sealed credential any more.</source>
        <translation>Dieser Rechner (%1, Fingerabdruck %2) wurde am %3 von %4 widerrufen; er kann keine versiegelten Zugangsdaten mehr verwenden.</translation>
    </message>
    <message>
        <source>Nothing is stored as %1.</source>
        <translation>Als %1 ist nichts gespeichert.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2 Set it again, or rotate it.</source>
        <translation>%1 lässt sich nicht öffnen: %2 Setzen Sie es erneut oder rotieren Sie es.</translation>
    </message>
    <message>
        <source>%1 was sealed on %2 for other machines than this one (fingerprint %3), which was approved later. An administrator re-seals the credentials on an approved machine: “machine reseal”, or in the console&apos;s Machines dialog.</source>
        <translation>%1 wurde am %2 für andere Rechner als diesen (Fingerabdruck %3) versiegelt, der später freigegeben wurde. Ein Administrator versiegelt die Zugangsdaten auf einem freigegebenen Rechner neu: „machine reseal“ oder im Dialog „Rechner“ der Konsole.</translation>
    </message>
    <message>
        <source>This machine has no key yet (looked in %1), so it can use no sealed credential. Run “goreporter-webhooks machine enroll”, or open the console, then have an administrator approve it.</source>
        <translation>Dieser Rechner hat noch keinen Schlüssel (gesucht in %1) und kann daher keine versiegelten Zugangsdaten verwenden. Führen Sie „goreporter-webhooks machine enroll“ aus oder öffnen Sie die Konsole und lassen Sie ihn dann von einem Administrator freigeben.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>SealedCredentials</name>
    <message>
        <source>the signing secret of “%1”</source>
        <translation>das Signaturgeheimnis von „%1“</translation>
    </message>
    <message>
        <source>the previous signing secret of “%1”</source>
        <translation>das vorherige Signaturgeheimnis von „%1“</translation>
    </message>
    <message>
        <source>the Epic private key of “%1”</source>
        <translation>der private Epic-Schlüssel von „%1“</translation>
    </message>
    <message>
        <source>the receiver credential of “%1”</source>
        <translation>die Empfänger-Zugangsdaten von „%1“</translation>
    </message>
    <message>
        <source>the address of “%1”</source>
        <translation>die Adresse von „%1“</translation>
    </message>
    <message>
        <source>Cannot read the sealed credentials</source>
        <translation>Die versiegelten Zugangsdaten können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot store the sealed credential</source>
        <translation>Die versiegelten Zugangsdaten können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot remove the sealed credential</source>
        <translation>Die versiegelten Zugangsdaten können nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot remove the webhook&apos;s sealed credentials</source>
        <translation>Die versiegelten Zugangsdaten des Webhooks können nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>SealedEnvelope</name>
    <message>
        <source>There is no approved machine to seal the credential for.</source>
        <translation>Es gibt keinen freigegebenen Rechner, für den die Zugangsdaten versiegelt werden könnten.</translation>
    </message>
    <message>
        <source>OpenSSL could not seal the credential.</source>
        <translation>OpenSSL konnte die Zugangsdaten nicht versiegeln.</translation>
    </message>
    <message>
        <source>A machine&apos;s certificate cannot be read, so the credential was not sealed.</source>
        <translation>Das Zertifikat eines Rechners kann nicht gelesen werden, daher wurden die Zugangsdaten nicht versiegelt.</translation>
    </message>
    <message>
        <source>The sealed credential is damaged or was changed: it cannot be opened. Set it again.</source>
        <translation>Die versiegelten Zugangsdaten sind beschädigt oder wurden verändert: Sie lassen sich nicht öffnen. Setzen Sie sie erneut.</translation>
    </message>
    <message>
        <source>This machine&apos;s key cannot be read.</source>
        <translation>Der Schlüssel dieses Rechners kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The credential is not sealed for this machine (%1): it was sealed before this machine was approved, or after it was revoked.</source>
        <translation>Die Zugangsdaten sind nicht für diesen Rechner (%1) versiegelt: Sie wurden versiegelt, bevor dieser Rechner freigegeben wurde, oder nachdem er widerrufen wurde.</translation>
    </message>
</context>
<context>
    <name>SecretCommand</name>
    <message>
        <source>Paste the signing secret and press Enter (it is not shown): </source>
        <translation>Fügen Sie das Signaturgeheimnis ein und drücken Sie die Eingabetaste (es wird nicht angezeigt): </translation>
    </message>
    <message>
        <source>Cannot read the secret from standard input.</source>
        <translation>Das Geheimnis kann nicht von der Standardeingabe gelesen werden.</translation>
    </message>
    <message>
        <source>Standard input holds more than %1 bytes, which is not a signing secret; nothing was changed.</source>
        <translation>Die Standardeingabe enthält mehr als %1 Bytes, das ist kein Signaturgeheimnis; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Standard input was empty; give the secret there, for example “%1 secret set --webhook NAME &lt; FILE”. Nothing was changed.</source>
        <translation>Die Standardeingabe war leer; übergeben Sie das Geheimnis dort, zum Beispiel „%1 secret set --webhook NAME &lt; DATEI“. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The secret read from standard input contains spaces, tabs, line breaks or control characters; give exactly the secret, on one line. Nothing was changed.</source>
        <translation>Das von der Standardeingabe gelesene Geheimnis enthält Leerzeichen, Tabulatoren, Zeilenumbrüche oder Steuerzeichen; übergeben Sie genau das Geheimnis in einer Zeile. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The signing secret of “%1” is set (fingerprint %2).</source>
        <translation>Das Signaturgeheimnis von „%1“ ist gesetzt (Fingerabdruck %2).</translation>
    </message>
    <message>
        <source>This is the new signing secret of “%1” (fingerprint %2); give it to the receiver.</source>
        <translation>Dies ist das neue Signaturgeheimnis von „%1“ (Fingerabdruck %2); geben Sie es dem Empfänger.</translation>
    </message>
    <message>
        <source>The previous secret no longer signs (“secret rotate” keeps it signing for a grace period).</source>
        <translation>Das bisherige Geheimnis signiert nicht mehr („secret rotate“ lässt es während einer Übergangsfrist weiter signieren).</translation>
    </message>
    <message>
        <source>This is the new signing secret of “%1” (fingerprint %2). The previous one (fingerprint %3) keeps signing until %4; give the new secret to the receiver before then.</source>
        <translation>Dies ist das neue Signaturgeheimnis von „%1“ (Fingerabdruck %2). Das bisherige (Fingerabdruck %3) signiert noch bis %4; geben Sie das neue Geheimnis vorher dem Empfänger.</translation>
    </message>
    <message>
        <source>The signing secret of “%1” is deleted; its requests are sent unsigned from now on.</source>
        <translation>Das Signaturgeheimnis von „%1“ ist gelöscht; seine Anfragen werden ab jetzt unsigniert gesendet.</translation>
    </message>
    <message>
        <source>The signing secret of “%1” is deleted.</source>
        <translation>Das Signaturgeheimnis von „%1“ ist gelöscht.</translation>
    </message>
    <message>
        <source>The webhook, by name.</source>
        <translation>Der Webhook, nach Namen.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>With rotate: how many hours the old secret keeps signing (default %1).</source>
        <translation>Mit rotate: wie viele Stunden das alte Geheimnis weiter signiert (Standard: %1).</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>The command and its action.</source>
        <translation>Der Befehl und seine Aktion.</translation>
    </message>
    <message>
        <source>“secret” needs an action: set, generate, rotate or delete.</source>
        <translation>„secret“ braucht eine Aktion: set, generate, rotate oder delete.</translation>
    </message>
    <message>
        <source>Unknown action; use set, generate, rotate or delete.</source>
        <translation>Unbekannte Aktion; verwenden Sie set, generate, rotate oder delete.</translation>
    </message>
    <message>
        <source>The secret is read from standard input, never from the command line, where other users of this computer could see it: “%1 secret set --webhook NAME &lt; FILE”. Nothing was changed.</source>
        <translation>Das Geheimnis wird von der Standardeingabe gelesen, nie von der Befehlszeile, wo andere Benutzer dieses Computers es sehen könnten: „%1 secret set --webhook NAME &lt; DATEI“. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“secret %1” takes no further arguments; a secret is never given on the command line.</source>
        <translation>„secret %1“ nimmt keine weiteren Argumente an; ein Geheimnis wird nie auf der Befehlszeile übergeben.</translation>
    </message>
    <message>
        <source>--webhook is required.</source>
        <translation>--webhook ist erforderlich.</translation>
    </message>
    <message>
        <source>--grace-hours goes with “secret rotate”.</source>
        <translation>--grace-hours gehört zu „secret rotate“.</translation>
    </message>
    <message>
        <source>--grace-hours must be a whole number of hours from 0 to %1.</source>
        <translation>--grace-hours muss eine ganze Zahl von Stunden von 0 bis %1 sein.</translation>
    </message>
    <message>
        <source>“%1” is an Epic webhook, which authenticates with a key pair (“epic keygen”), not a signing secret.</source>
        <translation>„%1“ ist ein Epic-Webhook, der sich mit einem Schlüsselpaar („epic keygen“) authentifiziert, nicht mit einem Signaturgeheimnis.</translation>
    </message>
    <message>
        <source>“%1” is a %2 webhook, which authenticates by its secret URL; only generic webhooks are signed.</source>
        <translation>„%1“ ist ein Webhook vom Typ %2, der sich über seine geheime URL authentifiziert; nur generische Webhooks werden signiert.</translation>
    </message>
    <message>
        <source>This is the new signing secret of “%1” (fingerprint %2); there was no previous secret stored to keep signing with. Give it to the receiver.</source>
        <translation>Dies ist das neue Signaturgeheimnis von „%1“ (Fingerabdruck %2); es war kein vorheriges Geheimnis gespeichert, das weiter signieren könnte. Geben Sie es dem Empfänger.</translation>
    </message>
    <message>
        <source>Manages a webhook&apos;s Standard Webhooks signing secret, kept in the database sealed for the approved machines (see “machine list”).

  secret set --webhook NAME          read the secret from standard input
  secret generate --webhook NAME     make a new secret and print it once, for the receiver
  secret rotate --webhook NAME [--grace-hours N]
                                     make a new secret; the old one keeps signing for N hours
  secret delete --webhook NAME       remove the secret; requests are sent unsigned

A secret is never given on the command line, where other users of this computer could see it.</source>
        <translation>Verwaltet das Signaturgeheimnis (Standard Webhooks) eines Webhooks, das versiegelt für die freigegebenen Rechner in der Datenbank liegt (siehe „machine list“).

  secret set --webhook NAME          das Geheimnis von der Standardeingabe lesen
  secret generate --webhook NAME     ein neues Geheimnis erzeugen und einmal für den Empfänger ausgeben
  secret rotate --webhook NAME [--grace-hours N]
                                     ein neues Geheimnis erzeugen; das alte signiert noch N Stunden weiter
  secret delete --webhook NAME       das Geheimnis entfernen; Anfragen werden unsigniert gesendet

Ein Geheimnis wird nie auf der Befehlszeile übergeben, wo andere Benutzer dieses Computers es sehen könnten.</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>Signing secret of “%1”</source>
        <translation>Signaturgeheimnis von „%1“</translation>
    </message>
    <message>
        <source>&amp;Generate new</source>
        <translation>&amp;Neu erzeugen</translation>
    </message>
    <message>
        <source>Replace the secret at once with a new random one (Standard Webhooks format).</source>
        <translation>Das Geheimnis sofort durch ein neues zufälliges ersetzen (Format von Standard Webhooks).</translation>
    </message>
    <message>
        <source>&amp;Set pasted secret</source>
        <translation>Eingefügtes Geheimnis &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Reveal…</source>
        <translation>&amp;Anzeigen…</translation>
    </message>
    <message>
        <source>&amp;Copy…</source>
        <translation>&amp;Kopieren…</translation>
    </message>
    <message>
        <source>R&amp;otate</source>
        <translation>&amp;Rotieren</translation>
    </message>
    <message>
        <source>Make a new secret current while the old one keeps signing during the grace period, so that the receiver can switch over without losing messages.</source>
        <translation>Ein neues Geheimnis in Kraft setzen, während das alte in der Übergangsfrist weiter signiert, sodass der Empfänger ohne Nachrichtenverlust umstellen kann.</translation>
    </message>
    <message>
        <source>grace period:</source>
        <translation>Übergangsfrist:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Rotation in progress: requests carry signatures with both the new and the previous secret (%1) until %2.</source>
        <translation>Rotation läuft: Anfragen tragen bis %2 Signaturen mit dem neuen und dem bisherigen Geheimnis (%1).</translation>
    </message>
    <message>
        <source>Replace the secret</source>
        <translation>Geheimnis ersetzen</translation>
    </message>
    <message>
        <source>The receiver rejects requests signed with the new secret until it is configured there too. Use Rotate to switch over without losing messages. Replace the secret now?</source>
        <translation>Der Empfänger lehnt mit dem neuen Geheimnis signierte Anfragen ab, bis es auch dort eingerichtet ist. Mit „Rotieren“ stellen Sie ohne Nachrichtenverlust um. Geheimnis jetzt ersetzen?</translation>
    </message>
    <message>
        <source>A new secret was generated and stored in this workstation&apos;s keychain. Use Copy to give it to the receiver.</source>
        <translation>Ein neues Geheimnis wurde erzeugt und im Schlüsselbund dieses Arbeitsplatzes gespeichert. Geben Sie es mit „Kopieren“ an den Empfänger weiter.</translation>
    </message>
    <message>
        <source>The secret was stored in this workstation&apos;s keychain.</source>
        <translation>Das Geheimnis wurde im Schlüsselbund dieses Arbeitsplatzes gespeichert.</translation>
    </message>
    <message>
        <source>Reveal the secret</source>
        <translation>Geheimnis anzeigen</translation>
    </message>
    <message>
        <source>Anyone who can see your screen can sign requests as goReporter with this secret. Show it?</source>
        <translation>Jeder, der Ihren Bildschirm sehen kann, kann mit diesem Geheimnis Anfragen als goReporter signieren. Anzeigen?</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Signaturgeheimnis</translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation>Geheimnis kopieren</translation>
    </message>
    <message>
        <source>The secret stays on the clipboard until something else is copied. Copy it?</source>
        <translation>Das Geheimnis bleibt in der Zwischenablage, bis etwas anderes kopiert wird. Kopieren?</translation>
    </message>
    <message>
        <source>The secret is on the clipboard.</source>
        <translation>Das Geheimnis ist in der Zwischenablage.</translation>
    </message>
    <message numerus="yes">
        <source>A new secret is current; the previous one keeps signing for %n hour(s). Copy the new secret to the receiver.</source>
        <translation>
            <numerusform>Ein neues Geheimnis ist in Kraft; das bisherige signiert noch %n Stunde weiter. Geben Sie das neue Geheimnis an den Empfänger weiter.</numerusform>
            <numerusform>Ein neues Geheimnis ist in Kraft; das bisherige signiert noch %n Stunden weiter. Geben Sie das neue Geheimnis an den Empfänger weiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the secret</source>
        <translation>Geheimnis löschen</translation>
    </message>
    <message>
        <source>Requests to “%1” will be sent unsigned, and receivers that check signatures will reject them. Delete the secret?</source>
        <translation>Anfragen an „%1“ werden unsigniert gesendet, und Empfänger, die Signaturen prüfen, lehnen sie ab. Geheimnis löschen?</translation>
    </message>
    <message>
        <source>The secret was deleted.</source>
        <translation>Das Geheimnis wurde gelöscht.</translation>
    </message>
    <message>
        <source>Looking for the secret in this workstation&apos;s keychain…</source>
        <translation>Das Geheimnis wird im Schlüsselbund dieses Arbeitsplatzes gesucht…</translation>
    </message>
    <message>
        <source>Storing in this workstation&apos;s keychain and the database…</source>
        <translation>Wird im Schlüsselbund dieses Arbeitsplatzes und in der Datenbank gespeichert…</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No secret is stored in this workstation&apos;s keychain for this entry.</source>
        <translation>Im Schlüsselbund dieses Arbeitsplatzes ist für diesen Eintrag kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>No keychain service is running. Start a Secret Service provider such as GNOME Keyring (Debian package gnome-keyring) in your desktop session and try again. (%1)</source>
        <translation>Es läuft kein Schlüsselbunddienst. Starten Sie in Ihrer Desktopsitzung einen Secret-Service-Anbieter wie GNOME Keyring (Debian-Paket gnome-keyring) und versuchen Sie es erneut. (%1)</translation>
    </message>
    <message>
        <source>The keychain refused access; unlock your keyring (it may be locked after login) and allow goReporter Webhooks to use it. (%1)</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert; entsperren Sie Ihren Schlüsselbund (er kann nach der Anmeldung gesperrt sein) und erlauben Sie goReporter Webhooks, ihn zu verwenden. (%1)</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1. If your keyring is locked, unlock it and try again.</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet: %1. Ist Ihr Schlüsselbund gesperrt, entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>SendCommand</name>
    <message>
        <source>%1 holds a %2 event, not %3.</source>
        <translation>%1 enthält ein Ereignis vom Typ %2, nicht %3.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Es wurde nichts gesendet: %1</translation>
    </message>
    <message>
        <source>Delivered to %1: HTTP %2, latency %3 ms.</source>
        <translation>Zugestellt an %1: HTTP %2, Latenz %3 ms.</translation>
    </message>
    <message>
        <source>Not delivered to %1: HTTP %2, latency %3 ms.</source>
        <translation>Nicht zugestellt an %1: HTTP %2, Latenz %3 ms.</translation>
    </message>
    <message>
        <source>Not delivered to %1: %2</source>
        <translation>Nicht zugestellt an %1: %2</translation>
    </message>
    <message>
        <source>The receiver redirects to %1; redirects are not followed.</source>
        <translation>Der Empfänger leitet an %1 weiter; Weiterleitungen werden nicht verfolgt.</translation>
    </message>
    <message>
        <source>The receiver accepted the message.</source>
        <translation>Der Empfänger hat die Nachricht angenommen.</translation>
    </message>
    <message>
        <source>Diagnosis: %1</source>
        <translation>Diagnose: %1</translation>
    </message>
    <message>
        <source>Response: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <source>Message %1 (total time %2 ms).</source>
        <translation>Nachricht %1 (Gesamtzeit %2 ms).</translation>
    </message>
    <message>
        <source>Sends one test delivery of a stored webhook: its real payload for a sample event, signed or authenticated as configured, as a new message. The attempt is recorded in the delivery log with trigger “test”.

  send --webhook NAME --event TYPE [--sample-file F]

Exit code 0 when the receiver answered with 2xx, 1 otherwise.</source>
        <translation>Sendet eine Testzustellung eines gespeicherten Webhooks: seine echten Nutzdaten für ein Beispielereignis, signiert oder authentifiziert wie eingerichtet, als neue Nachricht. Der Versuch wird im Zustellprotokoll mit dem Auslöser „test“ festgehalten.

  send --webhook NAME --event TYP [--sample-file D]

Exit-Code 0, wenn der Empfänger mit 2xx geantwortet hat, sonst 1.</translation>
    </message>
    <message>
        <source>The webhook, by name.</source>
        <translation>Der Webhook, nach Namen.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The event type, such as battery.low.</source>
        <translation>Der Ereignistyp, etwa battery.low.</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>An event in JSON instead of the built-in sample.</source>
        <translation>Ein Ereignis als JSON statt des eingebauten Beispiels.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Unexpected arguments: %1.</source>
        <translation>Unerwartete Argumente: %1.</translation>
    </message>
    <message>
        <source>--webhook is required.</source>
        <translation>--webhook ist erforderlich.</translation>
    </message>
    <message>
        <source>--event is required.</source>
        <translation>--event ist erforderlich.</translation>
    </message>
    <message>
        <source>Unknown event “%1”; the events are: %2.</source>
        <translation>Unbekanntes Ereignis „%1“; die Ereignisse sind: %2.</translation>
    </message>
    <message>
        <source>“%1” does not subscribe to %2; nothing was sent.</source>
        <translation>„%1“ hat %2 nicht abonniert; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>note: “%1” is disabled; this test is sent all the same.</source>
        <translation>Hinweis: „%1“ ist deaktiviert; dieser Test wird trotzdem gesendet.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>The attempt could not be recorded in the delivery log: %1</source>
        <translation>Der Versuch konnte nicht im Zustellprotokoll festgehalten werden: %1</translation>
    </message>
    <message>
        <source>Nothing was sent: %1 Make one with “%2 epic keygen --webhook NAME” and register its public key with Epic.</source>
        <translation>Nichts wurde gesendet: %1 Erzeugen Sie eines mit „%2 epic keygen --webhook NAME“ und registrieren Sie seinen öffentlichen Schlüssel bei Epic.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Webhook health</source>
        <translation>Zustand der Webhooks</translation>
    </message>
    <message>
        <source>&amp;Red after consecutive failures:</source>
        <translation>&amp;Rot nach aufeinanderfolgenden Fehlschlägen:</translation>
    </message>
    <message>
        <source>&amp;Yellow below success rate (24 h):</source>
        <translation>&amp;Gelb unter einer Erfolgsquote (24 h) von:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Zustellprotokoll</translation>
    </message>
    <message>
        <source>&amp;Keep attempts for:</source>
        <translation>Versuche &amp;aufbewahren für:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
</context>
<context>
    <name>SigningSecret</name>
    <message>
        <source>The system&apos;s random number generator failed; no secret was generated.</source>
        <translation>Der Zufallszahlengenerator des Systems ist ausgefallen; es wurde kein Geheimnis erzeugt.</translation>
    </message>
    <message>
        <source>The secret is not in the Standard Webhooks format: “whsec_” followed by base64 text.</source>
        <translation>Das Geheimnis hat nicht das Format von Standard Webhooks: „whsec_“, gefolgt von Base64-Text.</translation>
    </message>
    <message>
        <source>The secret&apos;s key has %1 bytes; Standard Webhooks secrets have between 24 and 64.</source>
        <translation>Der Schlüssel des Geheimnisses hat %1 Bytes; Geheimnisse nach Standard Webhooks haben zwischen 24 und 64.</translation>
    </message>
</context>
<context>
    <name>SlackFormatter</name>
    <message>
        <source>“%1” is not a goReporter event type.</source>
        <translation>„%1“ ist kein goReporter-Ereignistyp.</translation>
    </message>
    <message>
        <source>The Slack header was cut to %1 characters.</source>
        <translation>Die Slack-Kopfzeile wurde auf %1 Zeichen gekürzt.</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Kopfzeile</translation>
    </message>
    <message>
        <source>The Slack summary was cut to %1 characters.</source>
        <translation>Die Slack-Zusammenfassung wurde auf %1 Zeichen gekürzt.</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Slack shows at most %1 blocks of %2 characters: the event JSON (%3 characters) was cut after %4 characters.</source>
        <translation>Slack zeigt höchstens %1 Blöcke mit je %2 Zeichen: Das Ereignis-JSON (%3 Zeichen) wurde nach %4 Zeichen abgeschnitten.</translation>
    </message>
    <message>
        <source>event JSON</source>
        <translation>Ereignis-JSON</translation>
    </message>
    <message>
        <source>The Slack notification text was cut to %1 characters.</source>
        <translation>Der Slack-Benachrichtigungstext wurde auf %1 Zeichen gekürzt.</translation>
    </message>
    <message>
        <source>notification text</source>
        <translation>Benachrichtigungstext</translation>
    </message>
    <message>
        <source>Shortened to fit Slack&apos;s limits (%1); open goReporter for the whole event.</source>
        <translation>Gekürzt, um in die Grenzen von Slack zu passen (%1); öffnen Sie goReporter für das vollständige Ereignis.</translation>
    </message>
</context>
<context>
    <name>SsrfGuard</name>
    <message>
        <source>%1 is in %2 (%3)</source>
        <translation>%1 liegt in %2 (%3)</translation>
    </message>
    <message>
        <source>%1 is an %2 address embedding an address in %3 (%4)</source>
        <translation>%1 ist eine %2-Adresse, die eine Adresse aus %3 einbettet (%4)</translation>
    </message>
    <message>
        <source>Such an address never names a single receiver.</source>
        <translation>Eine solche Adresse bezeichnet nie einen einzelnen Empfänger.</translation>
    </message>
    <message>
        <source>Cloud metadata services hand out credentials and are never a webhook receiver.</source>
        <translation>Cloud-Metadatendienste geben Zugangsdaten heraus und sind nie Empfänger von Webhooks.</translation>
    </message>
    <message>
        <source>If this receiver really is inside the hospital network, an administrator can mark the webhook as an internal endpoint.</source>
        <translation>Liegt dieser Empfänger tatsächlich im Krankenhausnetz, kann ein Administrator den Webhook als internen Endpunkt kennzeichnen.</translation>
    </message>
    <message>
        <source>Refused to connect: %1. %2</source>
        <translation>Verbindung verweigert: %1. %2</translation>
    </message>
    <message>
        <source>the public internet</source>
        <translation>dem öffentlichen Internet</translation>
    </message>
    <message>
        <source>the unspecified address</source>
        <translation>der unspezifizierten Adresse</translation>
    </message>
    <message>
        <source>the “this network” block</source>
        <translation>dem Block „dieses Netzwerk“</translation>
    </message>
    <message>
        <source>the loopback range</source>
        <translation>dem Loopback-Bereich</translation>
    </message>
    <message>
        <source>a private network range</source>
        <translation>einem privaten Netzbereich</translation>
    </message>
    <message>
        <source>the carrier-grade NAT shared address range</source>
        <translation>dem gemeinsamen Adressbereich für Carrier-Grade-NAT</translation>
    </message>
    <message>
        <source>the link-local range</source>
        <translation>dem Link-Local-Bereich</translation>
    </message>
    <message>
        <source>a cloud metadata service</source>
        <translation>einem Cloud-Metadatendienst</translation>
    </message>
    <message>
        <source>the multicast range</source>
        <translation>dem Multicast-Bereich</translation>
    </message>
    <message>
        <source>the broadcast address</source>
        <translation>der Broadcast-Adresse</translation>
    </message>
    <message>
        <source>a documentation range</source>
        <translation>einem Dokumentationsbereich</translation>
    </message>
    <message>
        <source>the benchmarking range</source>
        <translation>dem Benchmarking-Bereich</translation>
    </message>
    <message>
        <source>a reserved range</source>
        <translation>einem reservierten Bereich</translation>
    </message>
    <message>
        <source>To deliver to a receiver on this computer, switch on “Allow plain HTTP to this machine” for this webhook (allowLoopbackHttp in the configuration file).</source>
        <translation>Um an einen Empfänger auf diesem Computer zuzustellen, schalten Sie für diesen Webhook „Unverschlüsseltes HTTP zu diesem Computer erlauben“ ein (allowLoopbackHttp in der Konfigurationsdatei).</translation>
    </message>
</context>
<context>
    <name>StandardWebhooks</name>
    <message>
        <source>No signing secret is available.</source>
        <translation>Es ist kein Signaturgeheimnis verfügbar.</translation>
    </message>
    <message>
        <source>OpenSSL could not compute the signature.</source>
        <translation>OpenSSL konnte die Signatur nicht berechnen.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>--database was given without a URL; name the database (sqlite:///path/webhooks.db or postgresql://user@host/db), or leave the option out for the embedded default.</source>
        <translation>--database wurde ohne URL angegeben; nennen Sie die Datenbank (sqlite:///pfad/webhooks.db oder postgresql://benutzer@host/db), oder lassen Sie die Option weg, um die eingebettete Standarddatenbank zu verwenden.</translation>
    </message>
</context>
<context>
    <name>StrictJson</name>
    <message>
        <source>%1 is not valid JSON: %2 at line %3, column %4.</source>
        <translation>%1 ist kein gültiges JSON: %2 in Zeile %3, Spalte %4.</translation>
    </message>
    <message>
        <source>The key “%1” appears twice; every key may be given once.</source>
        <translation>Der Schlüssel „%1“ kommt zweimal vor; jeder Schlüssel darf nur einmal angegeben werden.</translation>
    </message>
    <message>
        <source>The key “%1” appears twice in %2; every key may be given once.</source>
        <translation>Der Schlüssel „%1“ kommt in %2 zweimal vor; jeder Schlüssel darf nur einmal angegeben werden.</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>wahr oder falsch</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>TeamsFormatter</name>
    <message>
        <source>“%1” is not a goReporter event type.</source>
        <translation>„%1“ ist kein goReporter-Ereignistyp.</translation>
    </message>
    <message>
        <source>Some details were shortened to fit Teams&apos; 28 KB message limit; open goReporter for all of them.</source>
        <translation>Einige Angaben wurden gekürzt, damit die Nachricht in die Grenze von 28 KB bei Teams passt; öffnen Sie goReporter für alle Angaben.</translation>
    </message>
    <message>
        <source>The Teams card was %1 bytes, over Teams&apos; limit of %2 bytes: texts were cut to %3 characters.</source>
        <translation>Die Teams-Karte hatte %1 Bytes, mehr als die Grenze von %2 Bytes bei Teams: Texte wurden auf %3 Zeichen gekürzt.</translation>
    </message>
    <message>
        <source>The Teams card is still %1 bytes, over Teams&apos; limit of %2 bytes; Teams will refuse it.</source>
        <translation>Die Teams-Karte hat immer noch %1 Bytes, mehr als die Grenze von %2 Bytes bei Teams; Teams wird sie ablehnen.</translation>
    </message>
</context>
<context>
    <name>TestSendDialog</name>
    <message>
        <source>the request is not valid</source>
        <translation>die Anfrage ist ungültig</translation>
    </message>
    <message>
        <source>the receiver&apos;s name could not be resolved</source>
        <translation>der Name des Empfängers konnte nicht aufgelöst werden</translation>
    </message>
    <message>
        <source>the address is not allowed</source>
        <translation>die Adresse ist nicht erlaubt</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>die Verbindung wurde abgelehnt</translation>
    </message>
    <message>
        <source>the connection was closed without an answer</source>
        <translation>die Verbindung wurde ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>the receiver&apos;s certificate was not accepted</source>
        <translation>das Zertifikat des Empfängers wurde nicht akzeptiert</translation>
    </message>
    <message>
        <source>no answer within the timeout</source>
        <translation>keine Antwort innerhalb des Zeitlimits</translation>
    </message>
    <message>
        <source>the receiver stopped answering</source>
        <translation>der Empfänger antwortet nicht mehr</translation>
    </message>
    <message>
        <source>redirected</source>
        <translation>weitergeleitet</translation>
    </message>
    <message>
        <source>the receiver refused the request</source>
        <translation>der Empfänger hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>the receiver failed</source>
        <translation>beim Empfänger ist ein Fehler aufgetreten</translation>
    </message>
    <message>
        <source>no Epic access token</source>
        <translation>kein Epic-Zugriffstoken</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 (not subscribed)</source>
        <translation>%1 — %2 (nicht abonniert)</translation>
    </message>
    <message>
        <source>The webhook receives this event.</source>
        <translation>Der Webhook empfängt dieses Ereignis.</translation>
    </message>
    <message>
        <source>The webhook does not subscribe to this event; it can still be sent as a test.</source>
        <translation>Der Webhook hat dieses Ereignis nicht abonniert; es kann trotzdem als Test gesendet werden.</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>“%1” is not a goReporter event: %2</source>
        <translation>„%1“ ist kein goReporter-Ereignis: %2</translation>
    </message>
    <message>
        <source>“%1” holds a “%2” event, which a %3 webhook cannot receive.</source>
        <translation>„%1“ enthält ein Ereignis vom Typ „%2“, das ein Webhook vom Typ %3 nicht empfangen kann.</translation>
    </message>
    <message>
        <source>Load Sample Event</source>
        <translation>Beispielereignis laden</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>“%1” (event %2)</source>
        <translation>„%1“ (Ereignis %2)</translation>
    </message>
    <message>
        <source>Built-in sample with an invented patient</source>
        <translation>Eingebautes Beispiel mit einem erfundenen Patienten</translation>
    </message>
    <message>
        <source>Test-Send to “%1”</source>
        <translation>Testversand an „%1“</translation>
    </message>
    <message>
        <source>Webhook:</source>
        <translation>Webhook:</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Patient data:</source>
        <translation>Patientendaten:</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Ereignis:</translation>
    </message>
    <message>
        <source>Sample:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <source>&amp;Load Sample File…</source>
        <translation>Beispieldatei &amp;laden…</translation>
    </message>
    <message>
        <source>Send an event saved as JSON (the format of the payload preview) instead of the built-in sample.</source>
        <translation>Ein als JSON gespeichertes Ereignis (im Format der Nutzdatenvorschau) statt des eingebauten Beispiels senden.</translation>
    </message>
    <message>
        <source>Use &amp;Built-in Sample</source>
        <translation>Eingebautes &amp;Beispiel verwenden</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>This integration cannot receive any event.</source>
        <translation>Diese Integration kann keine Ereignisse empfangen.</translation>
    </message>
    <message>
        <source>Resolving the receiver&apos;s name and checking its address…</source>
        <translation>Name des Empfängers wird aufgelöst und seine Adresse geprüft…</translation>
    </message>
    <message>
        <source>Requesting an Epic access token…</source>
        <translation>Epic-Zugriffstoken wird angefordert…</translation>
    </message>
    <message>
        <source>Connecting, sending the request and waiting for the answer…</source>
        <translation>Verbindung wird aufgebaut, Anfrage gesendet und auf die Antwort gewartet…</translation>
    </message>
    <message>
        <source>%1 %2 s</source>
        <translation>%1 %2 s</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Choose an event and press Send: the sample goes to the webhook&apos;s real address, signed as every delivery is.</source>
        <translation>Wählen Sie ein Ereignis und klicken Sie auf „Senden“: Das Beispiel geht an die echte Adresse des Webhooks, signiert wie jede Zustellung.</translation>
    </message>
    <message>
        <source>Request (not sent)</source>
        <translation>Anfrage (nicht gesendet)</translation>
    </message>
    <message>
        <source>%1 · latency %2 ms</source>
        <translation>%1 · Latenz %2 ms</translation>
    </message>
    <message>
        <source>No answer: the send was cancelled.</source>
        <translation>Keine Antwort: Das Senden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No answer was received.</source>
        <translation>Es wurde keine Antwort empfangen.</translation>
    </message>
    <message>
        <source>✘ Not sent</source>
        <translation>✘ Nicht gesendet</translation>
    </message>
    <message>
        <source>Cancelled after %1 ms</source>
        <translation>Nach %1 ms abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled before anything was sent</source>
        <translation>Abgebrochen, bevor etwas gesendet wurde</translation>
    </message>
    <message>
        <source>The request may have reached the receiver before it was cancelled.</source>
        <translation>Die Anfrage hat den Empfänger möglicherweise vor dem Abbruch erreicht.</translation>
    </message>
    <message>
        <source>✔ Delivered: HTTP %1 %2 · latency %3 ms</source>
        <translation>✔ Zugestellt: HTTP %1 %2 · Latenz %3 ms</translation>
    </message>
    <message>
        <source>The receiver accepted the test event. The whole delivery took %1 ms, name lookup and Epic token request included; the connection went to %2.</source>
        <translation>Der Empfänger hat das Testereignis angenommen. Die gesamte Zustellung dauerte %1 ms, einschließlich Namensauflösung und Epic-Token-Anforderung; die Verbindung ging an %2.</translation>
    </message>
    <message>
        <source>The receiver accepted the test event. The whole delivery took %1 ms, name lookup included; the connection went to %2.</source>
        <translation>Der Empfänger hat das Testereignis angenommen. Die gesamte Zustellung dauerte %1 ms, einschließlich Namensauflösung; die Verbindung ging an %2.</translation>
    </message>
    <message>
        <source>✘ Failed: %1 · latency %2 ms</source>
        <translation>✘ Fehlgeschlagen: %1 · Latenz %2 ms</translation>
    </message>
    <message>
        <source>✘ Failed: %1</source>
        <translation>✘ Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Certificate problems:</source>
        <translation>Zertifikatsprobleme:</translation>
    </message>
    <message>
        <source>Recorded in the delivery log as a test: message %1, attempt %2.</source>
        <translation>Im Zustellprotokoll als Test festgehalten: Nachricht %1, Versuch %2.</translation>
    </message>
    <message>
        <source>⚠ This attempt could not be recorded in the delivery log: %1</source>
        <translation>⚠ Dieser Versuch konnte nicht im Zustellprotokoll festgehalten werden: %1</translation>
    </message>
    <message>
        <source>Preparing the payload…</source>
        <translation>Nutzlast wird vorbereitet …</translation>
    </message>
    <message>
        <source>Recording the attempt in the delivery log…</source>
        <translation>Der Versuch wird im Zustellprotokoll festgehalten…</translation>
    </message>
    <message>
        <source>Through a dispatcher (looking for one…)</source>
        <translation>Über einen Dispatcher (wird gesucht …)</translation>
    </message>
    <message>
        <source>Through a dispatcher (none is running)</source>
        <translation>Über einen Dispatcher (keiner läuft)</translation>
    </message>
    <message>
        <source>Through the dispatcher %1</source>
        <translation>Über den Dispatcher %1</translation>
    </message>
    <message>
        <source>The test takes the way real events take: sent from the dispatcher&apos;s machine, through its network and proxy, signed with the credentials it holds.</source>
        <translation>Der Test nimmt den Weg echter Ereignisse: gesendet vom Rechner des Dispatchers, über dessen Netz und Proxy, signiert mit den Zugangsdaten, die er hat.</translation>
    </message>
    <message>
        <source>Directly from this workstation</source>
        <translation>Direkt von diesem Arbeitsplatz</translation>
    </message>
    <message>
        <source>Send &amp;from:</source>
        <translation>Senden &amp;von:</translation>
    </message>
    <message>
        <source>Handing the test to the dispatchers…</source>
        <translation>Test wird an die Dispatcher übergeben …</translation>
    </message>
    <message>
        <source>Waiting for a dispatcher to take the test…</source>
        <translation>Warten, bis ein Dispatcher den Test übernimmt …</translation>
    </message>
    <message>
        <source>The dispatcher %1 is sending the test…</source>
        <translation>Der Dispatcher %1 sendet den Test …</translation>
    </message>
    <message>
        <source>The dispatcher %1 sent nothing: %2</source>
        <translation>Der Dispatcher %1 hat nichts gesendet: %2</translation>
    </message>
    <message>
        <source>Sent by the dispatcher %1.</source>
        <translation>Gesendet vom Dispatcher %1.</translation>
    </message>
    <message>
        <source>Through one of the %1 running dispatchers</source>
        <translation>Über einen der %1 laufenden Dispatcher</translation>
    </message>
    <message>
        <source>Sent from this computer, signed with the sealed credentials it opens with its own key: shows whether the receiver works, not whether the dispatcher can reach it.</source>
        <translation>Von diesem Computer gesendet, signiert mit den versiegelten Zugangsdaten, die er mit seinem eigenen Schlüssel öffnet: zeigt, ob der Empfänger funktioniert, nicht ob der Zusteller ihn erreicht.</translation>
    </message>
    <message>
        <source>Opening the sealed Epic private key…</source>
        <translation>Der versiegelte private Epic-Schlüssel wird geöffnet …</translation>
    </message>
    <message>
        <source>Opening the sealed signing secret…</source>
        <translation>Das versiegelte Signaturgeheimnis wird geöffnet …</translation>
    </message>
    <message>
        <source>The dispatcher %1 cannot sign the request, so nothing was sent: its machine cannot open the webhook&apos;s current secret. If that machine waits for approval, approve it in the Machines dialog; or send the test directly from this workstation. The dispatcher says: %2</source>
        <translation>Der Zusteller %1 kann die Anfrage nicht signieren, daher wurde nichts gesendet: Sein Rechner kann das aktuelle Geheimnis des Webhooks nicht öffnen. Wartet dieser Rechner auf Freigabe, geben Sie ihn im Dialog „Rechner“ frei; oder senden Sie den Test direkt von diesem Arbeitsplatz. Der Zusteller meldet: %2</translation>
    </message>
    <message>
        <source>The dispatcher %1 cannot use the Epic private key of this webhook, so nothing was sent. If its machine waits for approval, approve it in the Machines dialog; or send the test directly from this workstation. The dispatcher says: %2</source>
        <translation>Der Zusteller %1 kann den privaten Epic-Schlüssel dieses Webhooks nicht verwenden, daher wurde nichts gesendet. Wartet sein Rechner auf Freigabe, geben Sie ihn im Dialog „Rechner“ frei; oder senden Sie den Test direkt von diesem Arbeitsplatz. Der Zusteller meldet: %2</translation>
    </message>
    <message>
        <source>The request cannot be signed, so nothing was sent. %1</source>
        <translation>Die Anfrage kann nicht signiert werden, daher wurde nichts gesendet. %1</translation>
    </message>
    <message>
        <source>%1 Create the key pair in the webhook&apos;s editor (Delivery tab ▸ Generate key pair…) and register its public key with Epic.</source>
        <translation>%1 Erzeugen Sie das Schlüsselpaar im Editor des Webhooks (Reiter Zustellung ▸ Schlüsselpaar erzeugen …) und registrieren Sie seinen öffentlichen Schlüssel bei Epic.</translation>
    </message>
</context>
<context>
    <name>TestSendQueue</name>
    <message>
        <source>Cannot hand the test to the dispatcher</source>
        <translation>Der Test kann nicht an den Dispatcher übergeben werden</translation>
    </message>
    <message>
        <source>Cannot read the state of the test</source>
        <translation>Der Stand des Tests kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The test is no longer in the database.</source>
        <translation>Der Test ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>Cannot withdraw the test</source>
        <translation>Der Test kann nicht zurückgezogen werden</translation>
    </message>
    <message>
        <source>Cannot ask the dispatcher to stop the test</source>
        <translation>Der Dispatcher kann nicht gebeten werden, den Test abzubrechen</translation>
    </message>
    <message>
        <source>Cannot remove the finished test</source>
        <translation>Der beendete Test kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot look for test-sends</source>
        <translation>Testsendungen können nicht gesucht werden</translation>
    </message>
    <message>
        <source>Cannot take test-sends</source>
        <translation>Testsendungen können nicht übernommen werden</translation>
    </message>
    <message>
        <source>Cannot read which tests to stop</source>
        <translation>Es kann nicht gelesen werden, welche Tests abzubrechen sind</translation>
    </message>
    <message>
        <source>Cannot record the outcome of the test</source>
        <translation>Das Ergebnis des Tests kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot give back the test-sends</source>
        <translation>Die Testsendungen können nicht zurückgegeben werden</translation>
    </message>
    <message>
        <source>Cannot remove old test-sends</source>
        <translation>Alte Testsendungen können nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>WebhookConfig</name>
    <message>
        <source>The file must contain a JSON object with a “webhooks” array.</source>
        <translation>Die Datei muss ein JSON-Objekt mit einem Array „webhooks“ enthalten.</translation>
    </message>
    <message>
        <source>Unknown top-level key “%1”; only “webhooks” is allowed.</source>
        <translation>Unbekannter Schlüssel „%1“ auf oberster Ebene; nur „webhooks“ ist erlaubt.</translation>
    </message>
    <message>
        <source>The key “webhooks” must be an array.</source>
        <translation>Der Schlüssel „webhooks“ muss ein Array sein.</translation>
    </message>
    <message>
        <source>webhooks[%1]</source>
        <translation>webhooks[%1]</translation>
    </message>
    <message>
        <source>webhooks[%1] “%2”</source>
        <translation>webhooks[%1] „%2“</translation>
    </message>
    <message>
        <source>unknown key “%1”.</source>
        <translation>unbekannter Schlüssel „%1“.</translation>
    </message>
    <message>
        <source>the key “%1” is missing.</source>
        <translation>der Schlüssel „%1“ fehlt.</translation>
    </message>
    <message>
        <source>unknown kind “%1”; use slack, teams, epic or generic.</source>
        <translation>unbekannte Art „%1“; verwenden Sie slack, teams, epic oder generic.</translation>
    </message>
    <message>
        <source>“timeoutSeconds” must be a whole number of seconds.</source>
        <translation>„timeoutSeconds“ muss eine ganze Zahl von Sekunden sein.</translation>
    </message>
    <message>
        <source>“events” must list event names as strings.</source>
        <translation>„events“ muss Ereignisnamen als Zeichenketten auflisten.</translation>
    </message>
    <message>
        <source>the event “%1” is listed twice.</source>
        <translation>das Ereignis „%1“ ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>the header “%1” must have a string value.</source>
        <translation>der Header „%1“ muss eine Zeichenkette als Wert haben.</translation>
    </message>
    <message>
        <source>unknown phiLevel “%1”; use none, limited or full.</source>
        <translation>unbekannter phiLevel „%1“; verwenden Sie none, limited oder full.</translation>
    </message>
    <message>
        <source>unknown key “epic.%1”.</source>
        <translation>unbekannter Schlüssel „epic.%1“.</translation>
    </message>
    <message>
        <source>“epic.%1” must be a string.</source>
        <translation>„epic.%1“ muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>“epic” settings belong to Epic webhooks only.</source>
        <translation>Einstellungen unter „epic“ gehören nur zu Epic-Webhooks.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <source>must be an object, not %1.</source>
        <translation>muss ein Objekt sein, nicht %1.</translation>
    </message>
    <message>
        <source>“%1” must be %2, not %3.</source>
        <translation>„%1“ muss %2 sein, nicht %3.</translation>
    </message>
</context>
<context>
    <name>WebhookDelivery</name>
    <message>
        <source>The Epic client id and token URL must be set before reports can be sent.</source>
        <translation>Die Epic-Client-ID und die Token-URL müssen gesetzt sein, bevor Berichte gesendet werden können.</translation>
    </message>
</context>
<context>
    <name>WebhookEditorDialog</name>
    <message>
        <source>New webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <source>Edit webhook “%1”</source>
        <translation>Webhook „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>For example: Cardiology on-call Teams channel</source>
        <translation>Zum Beispiel: Teams-Kanal Kardiologie-Rufbereitschaft</translation>
    </message>
    <message>
        <source>&amp;Integration:</source>
        <translation>&amp;Integration:</translation>
    </message>
    <message>
        <source>Allow plain HTTP to this machine (loopback test receivers only)</source>
        <translation>Unverschlüsseltes HTTP zu diesem Computer erlauben (nur für Loopback-Testempfänger)</translation>
    </message>
    <message>
        <source>&amp;Active: deliver events to this webhook</source>
        <translation>&amp;Aktiv: Ereignisse an diesen Webhook zustellen</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Patient data:</source>
        <translation>&amp;Patientendaten:</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>What the receiver gets</source>
        <translation>Was der Empfänger erhält</translation>
    </message>
    <message>
        <source>For the sample &amp;event:</source>
        <translation>Für das Beispiel&amp;ereignis:</translation>
    </message>
    <message>
        <source>Webhook not saved</source>
        <translation>Webhook nicht gespeichert</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <source>Delete “%1”? goReporter stops sending to it at once. Its delivery history is kept.</source>
        <translation>„%1“ löschen? goReporter sendet sofort nichts mehr dorthin. Der Zustellverlauf bleibt erhalten.</translation>
    </message>
    <message>
        <source>Someone else changed this webhook</source>
        <translation>Jemand anderes hat diesen Webhook geändert</translation>
    </message>
    <message>
        <source>Reload shows their version and discards your changes. Overwrite stores your version over theirs. Cancel lets you keep editing.</source>
        <translation>„Neu laden“ zeigt die andere Fassung und verwirft Ihre Änderungen. „Überschreiben“ speichert Ihre Fassung über die andere. „Abbrechen“ lässt Sie weiter bearbeiten.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>&amp;Überschreiben</translation>
    </message>
    <message>
        <source>Webhook not found</source>
        <translation>Webhook nicht gefunden</translation>
    </message>
    <message>
        <source>Webhook not deleted</source>
        <translation>Webhook nicht gelöscht</translation>
    </message>
    <message>
        <source>Webhook not duplicated</source>
        <translation>Webhook nicht dupliziert</translation>
    </message>
    <message>
        <source>Certificate authority bundle</source>
        <translation>CA-Bundle der Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Webhook</source>
        <translation>&amp;Webhook</translation>
    </message>
    <message>
        <source>Extra &amp;CA bundle:</source>
        <translation>Zusätzliches &amp;CA-Bundle:</translation>
    </message>
    <message>
        <source>PEM file of the hospital&apos;s own certificate authority (optional)</source>
        <translation>PEM-Datei der krankenhauseigenen Zertifizierungsstelle (optional)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Internal endpoint: allow delivery to private network addresses</source>
        <translation>Interner Endpunkt: Zustellung an private Netzwerkadressen erlauben</translation>
    </message>
    <message>
        <source>Without this, addresses in private, loopback, link-local and similar ranges are refused, so that a webhook cannot be used to reach internal systems.</source>
        <translation>Ohne diese Einstellung werden Adressen in privaten, Loopback-, Link-Local- und ähnlichen Bereichen abgelehnt, damit ein Webhook nicht genutzt werden kann, um interne Systeme zu erreichen.</translation>
    </message>
    <message>
        <source>Epic registration (SMART Backend Services)</source>
        <translation>Epic-Registrierung (SMART Backend Services)</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>Token-URL:</translation>
    </message>
    <message>
        <source>FHIR base URL:</source>
        <translation>FHIR-Basis-URL:</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>Schlüssel-ID:</translation>
    </message>
    <message>
        <source>the key&apos;s thumbprint when empty</source>
        <translation>wenn leer: Fingerabdruck des Schlüssels</translation>
    </message>
    <message>
        <source>Generate key pair…</source>
        <translation>Schlüsselpaar erzeugen…</translation>
    </message>
    <message>
        <source>Copy public key (JWK Set)</source>
        <translation>Öffentlichen Schlüssel kopieren (JWK Set)</translation>
    </message>
    <message>
        <source>Save the webhook first; its key pair belongs to it.</source>
        <translation>Speichern Sie zuerst den Webhook; sein Schlüsselpaar gehört zu ihm.</translation>
    </message>
    <message>
        <source>A private key is in this workstation&apos;s keychain.</source>
        <translation>Im Schlüsselbund dieses Arbeitsplatzes liegt ein privater Schlüssel.</translation>
    </message>
    <message>
        <source>No private key on this workstation yet.</source>
        <translation>Noch kein privater Schlüssel an diesem Arbeitsplatz.</translation>
    </message>
    <message>
        <source>Replace the key pair</source>
        <translation>Schlüsselpaar ersetzen</translation>
    </message>
    <message>
        <source>The public key registered with Epic stops working when the key pair is replaced. Replace it?</source>
        <translation>Der bei Epic registrierte öffentliche Schlüssel funktioniert nicht mehr, wenn das Schlüsselpaar ersetzt wird. Ersetzen?</translation>
    </message>
    <message>
        <source>Generating an RSA key pair…</source>
        <translation>RSA-Schlüsselpaar wird erzeugt…</translation>
    </message>
    <message>
        <source>The public JWK Set is on the clipboard, ready for the Epic registration.</source>
        <translation>Das öffentliche JWK Set ist in der Zwischenablage, bereit für die Epic-Registrierung.</translation>
    </message>
    <message>
        <source>This looks like a %1 URL, but the integration is %2: choose %1 above so that the message has the format %1 expects.</source>
        <translation>Dies sieht nach einer %1-URL aus, die Integration ist aber %2: Wählen Sie oben %1, damit die Nachricht das Format hat, das %1 erwartet.</translation>
    </message>
    <message>
        <source>For Epic, reports go to the FHIR base URL on the Delivery tab when it is set; this endpoint is used only when it is empty.</source>
        <translation>Bei Epic gehen Berichte an die FHIR-Basis-URL auf der Registerkarte „Zustellung“, sofern sie gesetzt ist; dieser Endpunkt wird nur verwendet, wenn sie leer ist.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>The webhook has changes that are not saved. Discard them?</source>
        <translation>Der Webhook hat Änderungen, die nicht gespeichert sind. Verwerfen?</translation>
    </message>
    <message>
        <source>Endpoint U&amp;RL:</source>
        <translation>Endpunkt-&amp;URL:</translation>
    </message>
    <message>
        <source>Time&amp;out:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>Custom &amp;headers:</source>
        <translation>Eigene &amp;Header:</translation>
    </message>
    <message>
        <source>E&amp;vents:</source>
        <translation>E&amp;reignisse:</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Save and &amp;test…</source>
        <translation>Speichern und &amp;testen…</translation>
    </message>
    <message>
        <source>Save the webhook as the fields describe it, then send it a sample event and show the answer</source>
        <translation>Den Webhook so speichern, wie die Felder ihn beschreiben, dann ein Beispielereignis an ihn senden und die Antwort anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n field(s) need correcting, marked in red. First: %1</source>
        <translation>
            <numerusform>Nicht gespeichert: %n Feld muss korrigiert werden, es ist rot markiert. Erstes: %1</numerusform>
            <numerusform>Nicht gespeichert: %n Felder müssen korrigiert werden, sie sind rot markiert. Erstes: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Si&amp;gning secret…</source>
        <translation>Si&amp;gnaturgeheimnis…</translation>
    </message>
    <message>
        <source>Save the webhook, then set the secret that signs its requests</source>
        <translation>Den Webhook speichern und dann das Geheimnis festlegen, mit dem seine Anfragen signiert werden</translation>
    </message>
    <message>
        <source>Deliver&amp;y</source>
        <translation>Zu&amp;stellung</translation>
    </message>
    <message>
        <source>Save public key as…</source>
        <translation>Öffentlichen Schlüssel speichern unter…</translation>
    </message>
    <message>
        <source>Save Public Key</source>
        <translation>Öffentlichen Schlüssel speichern</translation>
    </message>
    <message>
        <source>JWK Set (*.json)</source>
        <translation>JWK Set (*.json)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The public JWK Set was saved to %1, ready for the Epic registration.</source>
        <translation>Das öffentliche JWK Set wurde in %1 gespeichert und ist bereit für die Registrierung bei Epic.</translation>
    </message>
    <message>
        <source>Language o&amp;f payloads:</source>
        <translation>Sprache der Nutzdaten (&amp;f):</translation>
    </message>
    <message>
        <source>The language of the words in what the receiver gets, whatever language this console shows</source>
        <translation>Die Sprache der Wörter in dem, was der Empfänger erhält – unabhängig von der Sprache dieser Konsole</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>WebhookKinds</name>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>Microsoft Teams</source>
        <translation>Microsoft Teams</translation>
    </message>
    <message>
        <source>Epic EMR (FHIR R4)</source>
        <translation>Epic EMR (FHIR R4)</translation>
    </message>
    <message>
        <source>Generic JSON</source>
        <translation>Generisches JSON</translation>
    </message>
</context>
<context>
    <name>WebhookRepository</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot read the webhooks</source>
        <translation>Die Webhooks können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the subscriptions</source>
        <translation>Die Abonnements können nicht gelesen werden</translation>
    </message>
    <message>
        <source>The webhook no longer exists; someone deleted it.</source>
        <translation>Der Webhook existiert nicht mehr; jemand hat ihn gelöscht.</translation>
    </message>
    <message>
        <source>There is no webhook named “%1”.</source>
        <translation>Es gibt keinen Webhook namens „%1“.</translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation>Es kann keine Transaktion gestartet werden</translation>
    </message>
    <message>
        <source>Cannot save the changes</source>
        <translation>Die Änderungen können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot save the subscriptions</source>
        <translation>Die Abonnements können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot save the subscription to %1</source>
        <translation>Das Abonnement für %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot save the webhook “%1”</source>
        <translation>Der Webhook „%1“ kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1 changed “%2” at %3 while you were editing it.</source>
        <translation>%1 hat „%2“ am %3 geändert, während Sie ihn bearbeitet haben.</translation>
    </message>
    <message>
        <source>Cannot delete the webhook “%1”</source>
        <translation>Der Webhook „%1“ kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (Kopie %2)</translation>
    </message>
    <message>
        <source>Webhook “%1”: %2</source>
        <translation>Webhook „%1“: %2</translation>
    </message>
    <message>
        <source>Cannot record the secret change</source>
        <translation>Die Änderung des Geheimnisses kann nicht vermerkt werden</translation>
    </message>
    <message>
        <source>another program kept the database busy for too long; nothing was changed. Try again.</source>
        <translation>ein anderes Programm hat die Datenbank zu lange belegt; es wurde nichts geändert. Versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>WebhookSecrets</name>
    <message>
        <source>No signing secret is set; requests are sent unsigned.</source>
        <translation>Es ist kein Signaturgeheimnis gesetzt; Anfragen werden unsigniert gesendet.</translation>
    </message>
    <message>
        <source>A secret is stored, but none is set for the webhook. Set it again or delete it.</source>
        <translation>Ein Geheimnis ist gespeichert, für den Webhook ist aber keines gesetzt. Setzen Sie es erneut oder löschen Sie es.</translation>
    </message>
    <message>
        <source>A secret was set on %1 (fingerprint %2), but no copy of it is stored: it was kept only in the keychain of the workstation that set it. Open the console there once, paste it here, or rotate it.</source>
        <translation>Am %1 wurde ein Geheimnis gesetzt (Fingerabdruck %2), aber keine Kopie davon ist gespeichert: Es lag nur im Schlüsselbund des Arbeitsplatzes, der es gesetzt hat. Öffnen Sie dort einmal die Konsole, fügen Sie es hier ein oder rotieren Sie es.</translation>
    </message>
    <message>
        <source>The stored secret is not the one set on %1. Paste the current secret, or rotate it.</source>
        <translation>Das gespeicherte Geheimnis ist nicht das am %1 gesetzte. Fügen Sie das aktuelle Geheimnis ein oder rotieren Sie es.</translation>
    </message>
    <message>
        <source>The secret set on %1 (fingerprint %2) is stored sealed.</source>
        <translation>Das am %1 gesetzte Geheimnis (Fingerabdruck %2) ist versiegelt gespeichert.</translation>
    </message>
    <message>
        <source>The machines that can use it: %1.</source>
        <translation>Die Rechner, die es verwenden können: %1.</translation>
    </message>
</context>
<context>
    <name>WebhookTableModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>The full %1 URL is a credential and is not shown.</source>
        <translation>Die vollständige %1-URL ist ein Zugangsdatum und wird nicht angezeigt.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>No deliveries</source>
        <translation>Keine Zustellungen</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Funktioniert</translation>
    </message>
    <message>
        <source>Some failures</source>
        <translation>Einzelne Fehlschläge</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Schlägt fehl</translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s) in a row</source>
        <translation>
            <numerusform>%n fehlgeschlagener Versuch in Folge</numerusform>
            <numerusform>%n fehlgeschlagene Versuche in Folge</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Success 24 h</source>
        <translation>Erfolg 24 h</translation>
    </message>
    <message>
        <source>Success 7 d</source>
        <translation>Erfolg 7 Tage</translation>
    </message>
    <message>
        <source>Last triggered</source>
        <translation>Zuletzt ausgelöst</translation>
    </message>
    <message>
        <source>Last status</source>
        <translation>Letzter Status</translation>
    </message>
    <message>
        <source>Cannot compute the webhooks&apos; health: %1</source>
        <translation>Der Zustand der Webhooks kann nicht berechnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n attempt(s) succeeded in the last 24 hours</source>
        <translation>
            <numerusform>%1 von %n Versuch in den letzten 24 Stunden erfolgreich</numerusform>
            <numerusform>%1 von %n Versuchen in den letzten 24 Stunden erfolgreich</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n attempt(s) succeeded in the last 7 days</source>
        <translation>
            <numerusform>%1 von %n Versuch in den letzten 7 Tagen erfolgreich</numerusform>
            <numerusform>%1 von %n Versuchen in den letzten 7 Tagen erfolgreich</numerusform>
        </translation>
    </message>
    <message>
        <source>in the last 24 hours</source>
        <translation>in den letzten 24 Stunden</translation>
    </message>
    <message>
        <source>in the last 7 days</source>
        <translation>in den letzten 7 Tagen</translation>
    </message>
    <message>
        <source>Nothing has been sent to this webhook yet.</source>
        <translation>An diesen Webhook wurde noch nichts gesendet.</translation>
    </message>
    <message>
        <source>The webhook is inactive: no events are delivered to it.</source>
        <translation>Der Webhook ist inaktiv: Ihm werden keine Ereignisse zugestellt.</translation>
    </message>
    <message>
        <source>Nothing was ever delivered to this webhook: every attempt failed.</source>
        <translation>Diesem Webhook wurde noch nie etwas zugestellt: Jeder Versuch ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The last attempt failed.</source>
        <translation>Der letzte Versuch ist fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) %1 were not delivered, not even by a retry.</source>
        <translation>
            <numerusform>%n Ereignis %1 wurde nicht zugestellt, auch nicht durch eine Wiederholung.</numerusform>
            <numerusform>%n Ereignisse %1 wurden nicht zugestellt, auch nicht durch eine Wiederholung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working; %n event(s) %1 were not delivered.</source>
        <translation>
            <numerusform>Funktioniert; %n Ereignis %1 wurde nicht zugestellt.</numerusform>
            <numerusform>Funktioniert; %n Ereignisse %1 wurden nicht zugestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Working: the last attempt succeeded and every event %1 was delivered.</source>
        <translation>Funktioniert: Der letzte Versuch war erfolgreich, und jedes Ereignis %1 wurde zugestellt.</translation>
    </message>
    <message>
        <source>Working: the last attempt succeeded.</source>
        <translation>Funktioniert: Der letzte Versuch war erfolgreich.</translation>
    </message>
</context>
<context>
    <name>WebhookValidator</name>
    <message>
        <source>The timeout must be between %1 and %2 seconds.</source>
        <translation>Das Zeitlimit muss zwischen %1 und %2 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The certificate authority file must be given with its absolute path.</source>
        <translation>Die Datei der Zertifizierungsstelle muss mit ihrem absoluten Pfad angegeben werden.</translation>
    </message>
    <message>
        <source>The description is longer than 2,000 characters.</source>
        <translation>Die Beschreibung ist länger als 2.000 Zeichen.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>The name must not start or end with spaces.</source>
        <translation>Der Name darf nicht mit Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>Der Name ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>A webhook named “%1” already exists.</source>
        <translation>Ein Webhook namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Enter the endpoint URL.</source>
        <translation>Geben Sie die Endpunkt-URL ein.</translation>
    </message>
    <message>
        <source>“%1” endpoints are not supported; use https://.</source>
        <translation>Endpunkte mit dem Schema „%1“ werden nicht unterstützt; verwenden Sie https://.</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the URL; store credentials as the webhook&apos;s secret.</source>
        <translation>Geben Sie keinen Benutzernamen und kein Passwort in der URL an; hinterlegen Sie Zugangsdaten als Geheimnis des Webhooks.</translation>
    </message>
    <message>
        <source>A URL fragment (#…) is never sent to the server; remove it.</source>
        <translation>Ein URL-Fragment (#…) wird nie an den Server gesendet; entfernen Sie es.</translation>
    </message>
    <message>
        <source>Plain http:// is refused because patient data must travel encrypted; use https://.</source>
        <translation>Unverschlüsseltes http:// wird abgelehnt, weil Patientendaten verschlüsselt übertragen werden müssen; verwenden Sie https://.</translation>
    </message>
    <message>
        <source>Plain HTTP is allowed only to this machine (localhost, 127.0.0.1, ::1), not to %1.</source>
        <translation>Unverschlüsseltes HTTP ist nur zu diesem Computer erlaubt (localhost, 127.0.0.1, ::1), nicht zu %1.</translation>
    </message>
    <message>
        <source>A custom header has no name.</source>
        <translation>Ein eigener Header hat keinen Namen.</translation>
    </message>
    <message>
        <source>The header “%1” is set by the console and cannot be overridden.</source>
        <translation>Der Header „%1“ wird von der Konsole gesetzt und kann nicht überschrieben werden.</translation>
    </message>
    <message>
        <source>The header “%1” is listed twice.</source>
        <translation>Der Header „%1“ ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>The value of header “%1” contains a line break.</source>
        <translation>Der Wert des Headers „%1“ enthält einen Zeilenumbruch.</translation>
    </message>
    <message>
        <source>Subscribe to at least one event.</source>
        <translation>Abonnieren Sie mindestens ein Ereignis.</translation>
    </message>
    <message>
        <source>“%1” is not a goReporter event.</source>
        <translation>„%1“ ist kein goReporter-Ereignis.</translation>
    </message>
    <message>
        <source>Epic receives FHIR DiagnosticReports, which exist only for report and battery events; “%1” cannot be sent to Epic.</source>
        <translation>Epic empfängt FHIR-DiagnosticReports, die es nur für Berichts- und Batterieereignisse gibt; „%1“ kann nicht an Epic gesendet werden.</translation>
    </message>
    <message>
        <source>token URL</source>
        <translation>Token-URL</translation>
    </message>
    <message>
        <source>FHIR base URL</source>
        <translation>FHIR-Basis-URL</translation>
    </message>
    <message>
        <source>The Epic %1 must be an https:// URL.</source>
        <translation>Die Epic-%1 muss eine https://-URL sein.</translation>
    </message>
    <message>
        <source>This is not a valid URL: check for spaces or characters a URL cannot contain.</source>
        <translation>Dies ist keine gültige URL: Prüfen Sie sie auf Leerzeichen oder Zeichen, die in einer URL nicht vorkommen dürfen.</translation>
    </message>
    <message>
        <source>This is not a complete URL; it must start with https:// and name a host.</source>
        <translation>Dies ist keine vollständige URL; sie muss mit https:// beginnen und einen Host nennen.</translation>
    </message>
    <message>
        <source>The name contains the invisible control character %1; names may hold only visible characters and spaces.</source>
        <translation>Der Name enthält das unsichtbare Steuerzeichen %1; Namen dürfen nur sichtbare Zeichen und Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The header name “%1” contains %2, which HTTP does not allow in a name.</source>
        <translation>Der Header-Name „%1“ enthält %2, was in HTTP in einem Namen nicht erlaubt ist.</translation>
    </message>
    <message>
        <source>The header “%1” controls the connection, not the message, and cannot be set.</source>
        <translation>Der Header „%1“ steuert die Verbindung, nicht die Nachricht, und kann nicht gesetzt werden.</translation>
    </message>
    <message>
        <source>The value of header “%1” is longer than %2 characters.</source>
        <translation>Der Wert des Headers „%1“ ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>The value of header “%1” contains the control character %2.</source>
        <translation>Der Wert des Headers „%1“ enthält das Steuerzeichen %2.</translation>
    </message>
    <message>
        <source>The value of header “%1” must not start or end with spaces.</source>
        <translation>Der Wert des Headers „%1“ darf nicht mit Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>“%1” is not a payload language; use one of: %2.</source>
        <translation>„%1“ ist keine Sprache für Nutzdaten; verwenden Sie eine von: %2.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The database URL.</source>
        <translation>Die Datenbank-URL.</translation>
    </message>
    <message>
        <source>The console&apos;s language.</source>
        <translation>Die Sprache der Konsole.</translation>
    </message>
    <message>
        <source>goReporter Webhooks</source>
        <translation>goReporter Webhooks</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
</context>
</TS>
