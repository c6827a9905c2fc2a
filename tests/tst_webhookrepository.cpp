// The webhook repository on both engines: storage, validation, optimistic locking, audit trail, import, signals.
#include "models/storage/webhookrepository.h"
#include "testsupport/schemarewind.h"
#include "testsupport/webhookfixtures.h"

#include <QJsonDocument>
#include <QThread>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <barrier>

using namespace Qt::StringLiterals;

class TestWebhookRepository : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void createAndRead_data() { addEngineRows(); }
    void createAndRead();
    void refusesInvalidWebhooks_data() { addEngineRows(); }
    void refusesInvalidWebhooks();
    void duplicateNameIgnoresCase_data() { addEngineRows(); }
    void duplicateNameIgnoresCase();
    void concurrentEditIsDetected_data() { addEngineRows(); }
    void concurrentEditIsDetected();
    void overwriteAfterConflict_data() { addEngineRows(); }
    void overwriteAfterConflict();
    void editOfDeletedWebhook_data() { addEngineRows(); }
    void editOfDeletedWebhook();
    void enableDisable_data() { addEngineRows(); }
    void enableDisable();
    void duplicateMakesInactiveCopyWithFreeName_data() { addEngineRows(); }
    void duplicateMakesInactiveCopyWithFreeName();
    void removeKeepsDeliveryHistory_data() { addEngineRows(); }
    void removeKeepsDeliveryHistory();
    void auditTrailRecordsEveryChange_data() { addEngineRows(); }
    void auditTrailRecordsEveryChange();
    void importIsAllOrNothing_data() { addEngineRows(); }
    void importIsAllOrNothing();
    void importUpdatesByName_data() { addEngineRows(); }
    void importUpdatesByName();
    void namesAreFoundIgnoringCase_data() { addEngineRows(); }
    void namesAreFoundIgnoringCase();
    void auditKeepsNoHeaderValues_data() { addEngineRows(); }
    void auditKeepsNoHeaderValues();
    void namesAreOneAfterUnicodeNormalisation_data() { addEngineRows(); }
    void namesAreOneAfterUnicodeNormalisation();
    void twinNamesFromTwoWritersOneWins_data() { addEngineRows(); }
    void twinNamesFromTwoWritersOneWins();
    void sqliteWritersWaitTheirTurn();
    void migrationRenamesTwinsStoredBeforeTheKey_data() { addEngineRows(); }
    void migrationRenamesTwinsStoredBeforeTheKey();
    void percentEncodedUrlIsStoredAsTyped_data() { addEngineRows(); }
    void percentEncodedUrlIsStoredAsTyped();
    void announcesEveryStoredChange_data() { addEngineRows(); }
    void announcesEveryStoredChange();

private:
    OpenTestDatabase m_db;
    std::unique_ptr<WebhookRepository> m_repository;
};

void TestWebhookRepository::init()
{
    m_db = openTestDatabase(currentEngine());
    QVERIFY(m_db.ok());
    m_repository = std::make_unique<WebhookRepository>(*m_db.database);
}

void TestWebhookRepository::cleanup()
{
    m_repository.reset();
    m_db = {};
}

void TestWebhookRepository::createAndRead()
{
    Webhook w = makeWebhook(u"Cardiology Teams"_s, WebhookKind::Teams);
    w.headers = {{u"X-Clinic"_s, u"Zürich Nord"_s}, {u"X-Another"_s, u"1"_s}};
    w.description = u"Ärztin on call — نوبة 🫀"_s;
    w.timeoutSeconds = 42;
    w.internalEndpoint = true;
    const Result<void> created = m_repository->create(w);
    QVERIFY2(created.ok(), qPrintable(created.message()));
    QVERIFY(!w.id.isEmpty());
    QCOMPARE(w.version, 1);
    QCOMPARE(w.createdBy, m_db.database->actor());

    const auto read = m_repository->findById(w.id);
    QVERIFY(read);
    QCOMPARE(*read, w);
    QCOMPARE(read->headers.at(0).second, u"Zürich Nord"_s);
    QCOMPARE(read->description, u"Ärztin on call — نوبة 🫀"_s);
    QCOMPARE(read->events, (QStringList{u"report.completed"_s, u"battery.low"_s}));

    Webhook epic = makeWebhook(u"Epic"_s, WebhookKind::Epic);
    epic.epic = {u"client-1"_s, QUrl(u"https://fhir.hospital.example/oauth2/token"_s),
                 QUrl(u"https://fhir.hospital.example/api/FHIR/R4"_s), u"system/DiagnosticReport.c"_s, u"key-2026"_s};
    QVERIFY(m_repository->create(epic).ok());
    QCOMPARE(m_repository->findByName(u"Epic"_s)->epic, epic.epic);

    const auto all = m_repository->all();
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).name, u"Cardiology Teams"_s);
}

void TestWebhookRepository::refusesInvalidWebhooks()
{
    Webhook plainHttp = makeWebhook(u"Plain"_s);
    plainHttp.url = QUrl(u"http://receiver.hospital.example/in"_s);
    Result<void> result = m_repository->create(plainHttp);
    QCOMPARE(result.code(), ErrorCode::Invalid);
    QVERIFY2(result.message().contains(u"http://"_s), qPrintable(result.message()));

    Webhook epicTask = makeWebhook(u"Epic tasks"_s, WebhookKind::Epic);
    epicTask.events.append(u"task.overdue"_s);
    result = m_repository->create(epicTask);
    QCOMPARE(result.code(), ErrorCode::Invalid);
    QVERIFY(result.message().contains(u"task.overdue"_s));

    Webhook unknownEvent = makeWebhook(u"Unknown"_s);
    unknownEvent.events = {u"battery.exploded"_s};
    QCOMPARE(m_repository->create(unknownEvent).code(), ErrorCode::Invalid);
    QCOMPARE(m_repository->all()->size(), 0);
}

void TestWebhookRepository::duplicateNameIgnoresCase()
{
    Webhook first = makeWebhook(u"On-call"_s);
    QVERIFY(m_repository->create(first).ok());
    Webhook second = makeWebhook(u"ON-CALL"_s);
    const Result<void> result = m_repository->create(second);
    QCOMPARE(result.code(), ErrorCode::Invalid);
    QVERIFY(result.message().contains(u"already exists"_s));
    QCOMPARE(result.fieldErrors().first().field, FieldError::Field::Name);
}

void TestWebhookRepository::concurrentEditIsDetected()
{
    Webhook original = makeWebhook(u"Shared"_s);
    QVERIFY(m_repository->create(original).ok());
    // Two administrators open the same version.
    Webhook alice = *m_repository->findById(original.id);
    Webhook bob = *m_repository->findById(original.id);
    alice.description = u"Alice was here"_s;
    QVERIFY(m_repository->update(alice).ok());
    QCOMPARE(alice.version, 2);

    bob.timeoutSeconds = 99;
    const Result<void> result = m_repository->update(bob);
    QCOMPARE(result.code(), ErrorCode::Conflict);
    QVERIFY2(result.message().contains(m_db.database->actor()), qPrintable(result.message()));
    // Nothing of Bob's was written, nothing of Alice's lost.
    const Webhook stored = *m_repository->findById(original.id);
    QCOMPARE(stored.description, u"Alice was here"_s);
    QCOMPARE(stored.timeoutSeconds, 15);
    QCOMPARE(stored.version, 2);
}

void TestWebhookRepository::overwriteAfterConflict()
{
    Webhook original = makeWebhook(u"Shared"_s);
    QVERIFY(m_repository->create(original).ok());
    Webhook alice = original;
    Webhook bob = original;
    alice.description = u"Alice"_s;
    QVERIFY(m_repository->update(alice).ok());
    bob.description = u"Bob"_s;
    QCOMPARE(m_repository->update(bob).code(), ErrorCode::Conflict);
    QVERIFY(m_repository->overwrite(bob).ok());
    QCOMPARE(m_repository->findById(original.id)->description, u"Bob"_s);
    QCOMPARE(bob.version, 3);
}

void TestWebhookRepository::editOfDeletedWebhook()
{
    Webhook w = makeWebhook(u"Gone"_s);
    QVERIFY(m_repository->create(w).ok());
    QVERIFY(m_repository->remove(w).ok());
    w.description = u"too late"_s;
    const Result<void> result = m_repository->update(w);
    QCOMPARE(result.code(), ErrorCode::NotFound);
    QVERIFY(m_repository->all()->isEmpty());
}

void TestWebhookRepository::enableDisable()
{
    Webhook w = makeWebhook(u"Toggle"_s);
    QVERIFY(m_repository->create(w).ok());
    QVERIFY(m_repository->setActive(w, false).ok());
    QCOMPARE(w.active, false);
    QCOMPARE(m_repository->findById(w.id)->active, false);
    QVERIFY(m_repository->setActive(w, true).ok());
    QCOMPARE(m_repository->findById(w.id)->active, true);
    QCOMPARE(m_repository->findById(w.id)->version, 3);
}

void TestWebhookRepository::duplicateMakesInactiveCopyWithFreeName()
{
    Webhook w = makeWebhook(u"Teams"_s, WebhookKind::Teams);
    w.secretFingerprint = u"abcd1234"_s;
    QVERIFY(m_repository->create(w).ok());
    Webhook copy;
    QVERIFY(m_repository->duplicate(w, &copy).ok());
    QCOMPARE(copy.name, u"Teams (copy)"_s);
    QVERIFY(copy.id != w.id);
    QVERIFY(!copy.active);
    QVERIFY2(copy.secretFingerprint.isEmpty(), "a secret belongs to one webhook and is not copied");
    QCOMPARE(copy.events, w.events);
    QCOMPARE(copy.url, w.url);
    Webhook second;
    QVERIFY(m_repository->duplicate(w, &second).ok());
    QCOMPARE(second.name, u"Teams (copy 2)"_s);
}

void TestWebhookRepository::removeKeepsDeliveryHistory()
{
    Webhook w = makeWebhook(u"Logged"_s);
    QVERIFY(m_repository->create(w).ok());
    QSqlQuery insert(m_db.database->connection());
    insert.prepare(u"INSERT INTO deliveries (webhook_id, webhook_name, event_type, event_id, message_id, attempt,"
                   " trigger_kind, request_url, success, started_at) VALUES (?, ?, 'report.created', 'evt-1', 'msg-1', 1,"
                   " 'test', 'https://receiver.hospital.example/goreporter', ?, 1)"_s);
    insert.addBindValue(w.id);
    insert.addBindValue(w.name);
    insert.addBindValue(true);
    QVERIFY2(insert.exec(), qPrintable(Database::describe(insert.lastError())));
    QVERIFY(m_repository->remove(w).ok());
    QSqlQuery check(m_db.database->connection());
    QVERIFY(check.exec(u"SELECT webhook_id, webhook_name FROM deliveries"_s) && check.next());
    QVERIFY(check.value(0).isNull());
    QCOMPARE(check.value(1).toString(), u"Logged"_s);
    QVERIFY(check.exec(u"SELECT COUNT(*) FROM webhook_events"_s) && check.next());
    QCOMPARE(check.value(0).toInt(), 0);
}

void TestWebhookRepository::auditTrailRecordsEveryChange()
{
    Webhook w = makeWebhook(u"Audited"_s, WebhookKind::Slack);
    QVERIFY(m_repository->create(w).ok());
    w.description = u"changed"_s;
    QVERIFY(m_repository->update(w).ok());
    QVERIFY(m_repository->setActive(w, false).ok());
    QVERIFY(m_repository->remove(w).ok());

    const auto trail = m_repository->auditTrail(w.id);
    QVERIFY(trail);
    QCOMPARE(trail->size(), 4);
    QCOMPARE(trail->at(0).action, u"create"_s);
    QCOMPARE(trail->at(1).action, u"update"_s);
    QCOMPARE(trail->at(2).action, u"disable"_s);
    QCOMPARE(trail->at(3).action, u"delete"_s);
    for (const AuditEntry &entry : *trail) {
        QCOMPARE(entry.actor, m_db.database->actor());
        QCOMPARE(entry.entityName, u"Audited"_s);
        QVERIFY(entry.at.isValid());
    }
    QVERIFY(trail->at(0).before.isEmpty());
    QCOMPARE(trail->at(1).before.value(u"description"_s).toString(), u"Test webhook"_s);
    QCOMPARE(trail->at(1).after.value(u"description"_s).toString(), u"changed"_s);
    QCOMPARE(trail->at(2).after.value(u"active"_s).toBool(), false);
    QVERIFY(trail->at(3).after.isEmpty());
    // The Slack URL is a credential: the audit trail keeps only its host.
    QCOMPARE(trail->at(0).after.value(u"url"_s).toString(), u"https://hooks.slack.com/…"_s);
}

void TestWebhookRepository::importIsAllOrNothing()
{
    Webhook existing = makeWebhook(u"Existing"_s);
    QVERIFY(m_repository->create(existing).ok());
    Webhook fresh = makeWebhook(u"Fresh"_s);
    Webhook changed = makeWebhook(u"Existing"_s);
    changed.description = u"changed by import"_s;
    Webhook broken = makeWebhook(u"Broken"_s);
    broken.url = QUrl(u"ftp://files.example/"_s);
    const Result<void> result = m_repository->importAll({fresh, changed, broken});
    QCOMPARE(result.code(), ErrorCode::Invalid);
    QVERIFY2(result.message().contains(u"Broken"_s), qPrintable(result.message()));
    const auto all = m_repository->all();
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->first().description, u"Test webhook"_s);
    QCOMPARE(m_repository->auditTrail()->size(), 1);
}

void TestWebhookRepository::importUpdatesByName()
{
    Webhook existing = makeWebhook(u"Existing"_s);
    QVERIFY(m_repository->create(existing).ok());
    Webhook unchanged = makeWebhook(u"Unchanged"_s);
    QVERIFY(m_repository->create(unchanged).ok());
    Webhook changed = makeWebhook(u"Existing"_s);
    changed.description = u"changed by import"_s;
    WebhookRepository::ImportSummary summary;
    const Result<void> result =
        m_repository->importAll({makeWebhook(u"Fresh"_s), changed, makeWebhook(u"Unchanged"_s)}, &summary);
    QVERIFY2(result.ok(), qPrintable(result.message()));
    QCOMPARE(summary.created, 1);
    QCOMPARE(summary.updated, 1);
    QCOMPARE(summary.unchanged, 1);
    const Webhook updated = *m_repository->findByName(u"Existing"_s);
    QCOMPARE(updated.id, existing.id);
    QCOMPARE(updated.description, u"changed by import"_s);
    QCOMPARE(updated.version, 2);
    const auto trail = m_repository->auditTrail(existing.id);
    QCOMPARE(trail->last().action, u"import"_s);
}

void TestWebhookRepository::namesAreFoundIgnoringCase()
{
    Webhook w = makeWebhook(u"Kardiologie Süd"_s);
    QVERIFY(m_repository->create(w).ok());
    QCOMPARE(m_repository->findByName(u"KARDIOLOGIE SÜD"_s)->id, w.id);
    // An import that spells the name differently updates the webhook instead of failing as a duplicate.
    Webhook renamed = makeWebhook(u"kardiologie süd"_s);
    renamed.description = u"updated"_s;
    WebhookRepository::ImportSummary summary;
    const Result<void> result = m_repository->importAll({renamed}, &summary);
    QVERIFY2(result.ok(), qPrintable(result.message()));
    QCOMPARE(summary.updated, 1);
    QCOMPARE(m_repository->all()->size(), 1);
    QCOMPARE(m_repository->findById(w.id)->description, u"updated"_s);
}

void TestWebhookRepository::auditKeepsNoHeaderValues()
{
    Webhook w = makeWebhook(u"Keyed"_s);
    w.headers = {{u"X-Api-Key"_s, u"sk_live_abcdef123456"_s}};
    QVERIFY(m_repository->create(w).ok());
    w.headers = {{u"X-Api-Key"_s, u"sk_live_rotated987654"_s}};
    QVERIFY(m_repository->update(w).ok());
    const auto trail = m_repository->auditTrail(w.id);
    QCOMPARE(trail->size(), 2);
    for (const AuditEntry &entry : *trail) {
        const QString text = QString::fromUtf8(QJsonDocument(entry.after).toJson());
        QVERIFY2(!text.contains(u"sk_live"_s), qPrintable(text));
        QVERIFY(entry.after.value(u"headers"_s).toObject().contains(u"X-Api-Key"_s));
    }
    // A changed value is still visible as a change.
    QVERIFY(trail->at(1).before.value(u"headers"_s) != trail->at(1).after.value(u"headers"_s));
}

void TestWebhookRepository::namesAreOneAfterUnicodeNormalisation()
{
    // Each pair is one name: composed and decomposed accents, a compatibility ligature, full case folding.
    const QList<QPair<QString, QString>> pairs = {
        {u"Caf\u00e9 Nord"_s, u"Cafe\u0301 Nord"_s},
        {u"\ufb01le clinic"_s, u"FILE clinic"_s},
        {u"Stra\u00dfe"_s, u"STRASSE"_s},
        {u"STRA\u1e9eE 2"_s, u"strasse 2"_s},
        {u"\u03a3\u03bf\u03c6\u03af\u03b1\u03c2"_s, u"\u03c3\u03bf\u03c6\u03af\u03b1\u03c3"_s},
    };
    for (const auto &[stored, other] : pairs) {
        Webhook first = makeWebhook(stored);
        QVERIFY2(m_repository->create(first).ok(), qPrintable(stored));
        Webhook twin = makeWebhook(other);
        const Result<void> result = m_repository->create(twin);
        QVERIFY2(result.code() == ErrorCode::Invalid, qPrintable(other + u": "_s + result.message()));
        QVERIFY2(result.message().contains(stored), qPrintable(result.message()));
        const auto found = m_repository->findByName(other);
        QVERIFY2(found && found->id == first.id, qPrintable(other));
    }
    // The database itself refuses a twin that slipped past the program's check.
    QSqlQuery raw(m_db.database->connection());
    raw.prepare(u"UPDATE webhooks SET name_key = ? WHERE name = ?"_s);
    raw.addBindValue(WebhookNames::key(u"STRASSE"_s));
    raw.addBindValue(u"\ufb01le clinic"_s);
    QVERIFY(!raw.exec());
}

void TestWebhookRepository::twinNamesFromTwoWritersOneWins()
{
    // Two workstations create "Dup-N" and "DUP-N" at the same instant: one wins, the other is told clearly.
    const DatabaseUrl url = m_db.database->url();
    const QString password = m_db.database->password();
    constexpr int rounds = 30;
    std::barrier together(2);
    QList<Result<void>> results[2];
    QString openFailure[2];
    auto writer = [&](int which) {
        Database db;
        db.setBusyTimeout(20000);
        if (!db.open(url, password)) {
            openFailure[which] = db.errorString();
            for (int round = 0; round < rounds; ++round)
                together.arrive_and_drop();
            return;
        }
        WebhookRepository repository(db);
        for (int round = 0; round < rounds; ++round) {
            together.arrive_and_wait();
            Webhook w = makeWebhook(which == 0 ? u"Dup-%1"_s.arg(round) : u"DUP-%1"_s.arg(round));
            results[which].append(repository.create(w));
        }
    };
    std::unique_ptr<QThread> first(QThread::create(writer, 0));
    std::unique_ptr<QThread> second(QThread::create(writer, 1));
    first->start();
    second->start();
    QVERIFY(first->wait(120000));
    QVERIFY(second->wait(120000));
    QVERIFY2(openFailure[0].isEmpty() && openFailure[1].isEmpty(), qPrintable(openFailure[0] + openFailure[1]));
    for (int round = 0; round < rounds; ++round) {
        const Result<void> &a = results[0].at(round);
        const Result<void> &b = results[1].at(round);
        QVERIFY2(a.ok() != b.ok(), qPrintable(u"round %1: %2 / %3"_s.arg(round).arg(a.message(), b.message())));
        const Result<void> &loser = a.ok() ? b : a;
        QVERIFY2(loser.code() == ErrorCode::Invalid, qPrintable(loser.message()));
        QVERIFY2(loser.message().contains(u"already exists"_s), qPrintable(loser.message()));
        // It names the webhook that holds the name, as that one spells it.
        const QString winnerName = a.ok() ? u"Dup-%1"_s.arg(round) : u"DUP-%1"_s.arg(round);
        QVERIFY2(loser.message().contains(u"“"_s + winnerName + u"”"_s), qPrintable(loser.message()));
        QVERIFY2(!loser.message().contains(u"duplicate key"_s) && !loser.message().contains(u"UNIQUE constraint"_s),
                 qPrintable(loser.message()));
    }
    QCOMPARE(m_repository->all()->size(), rounds);
}

void TestWebhookRepository::sqliteWritersWaitTheirTurn()
{
    // Two processes' worth of writers on one SQLite file: every write waits for its turn within the busy timeout
    // instead of failing at once with "database is locked".
    OpenTestDatabase sqlite = openTestDatabase(DatabaseUrl::Engine::SQLite);
    QVERIFY(sqlite.ok());
    const DatabaseUrl url = sqlite.database->url();
    constexpr int operations = 60;
    QStringList failures[2];
    auto writer = [&](int which) {
        Database db;
        if (!db.open(url)) {
            failures[which].append(db.errorString());
            return;
        }
        WebhookRepository repository(db);
        Webhook w = makeWebhook(u"Writer %1"_s.arg(which));
        if (Result<void> created = repository.create(w); !created.ok()) {
            failures[which].append(created.message());
            return;
        }
        for (int i = 0; i < operations; ++i) {
            // Reads first, then writes: the shape that failed without waiting.
            Result<void> result = repository.setActive(w, i % 2 == 0);
            if (!result.ok())
                failures[which].append(result.message());
            const auto current = repository.findById(w.id);
            if (!current) {
                failures[which].append(current.message());
                return;
            }
            w = *current;
        }
    };
    std::unique_ptr<QThread> first(QThread::create(writer, 0));
    std::unique_ptr<QThread> second(QThread::create(writer, 1));
    first->start();
    second->start();
    QVERIFY(first->wait(120000));
    QVERIFY(second->wait(120000));
    QVERIFY2(failures[0].isEmpty(), qPrintable(failures[0].join(u'\n')));
    QVERIFY2(failures[1].isEmpty(), qPrintable(failures[1].join(u'\n')));
}

void TestWebhookRepository::migrationRenamesTwinsStoredBeforeTheKey()
{
    // Twins that two workstations stored before names had a key: the migration keeps the older one's name and
    // gives the other a free one, in the audit log.
    Webhook older = makeWebhook(u"Dup"_s);
    QVERIFY(m_repository->create(older).ok());
    Webhook younger = makeWebhook(u"Placeholder"_s);
    QVERIFY(m_repository->create(younger).ok());
    {
        // Which one is older is what the migration reads from created_at: set here, not left to the clock.
        const qint64 olderCreatedAt = QDateTime(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
        for (const auto &[id, createdAt] : {std::pair{older.id, olderCreatedAt},
                                            std::pair{younger.id, olderCreatedAt + 60'000}}) {
            QSqlQuery stamp(m_db.database->connection());
            stamp.prepare(u"UPDATE webhooks SET created_at = ? WHERE id = ?"_s);
            stamp.addBindValue(createdAt);
            stamp.addBindValue(id);
            QVERIFY2(stamp.exec(), qPrintable(stamp.lastError().text()));
        }
        QString error;
        QVERIFY2(rewindSchema(*m_db.database, 5, &error), qPrintable(error));  // the later migrations undone first
        QSqlQuery raw(m_db.database->connection());
        QVERIFY(raw.exec(u"DROP INDEX webhooks_by_name_key"_s));
        QVERIFY(raw.exec(u"UPDATE webhooks SET name = 'DUP' WHERE name = 'Placeholder'"_s));
        QVERIFY2(raw.exec(u"ALTER TABLE webhooks DROP COLUMN name_key"_s), qPrintable(raw.lastError().text()));
        QVERIFY(raw.exec(u"DELETE FROM schema_migrations WHERE version >= 5"_s));  // as written before the key
    }
    const DatabaseUrl url = m_db.database->url();
    const QString password = m_db.database->password();
    m_db.database->close();
    QVERIFY2(m_db.database->open(url, password), qPrintable(m_db.database->errorString()));
    QCOMPARE(m_repository->findById(older.id)->name, u"Dup"_s);
    QCOMPARE(m_repository->findById(younger.id)->name, u"DUP (2)"_s);
    const auto trail = m_repository->auditTrail(younger.id);
    QVERIFY(trail);
    QCOMPARE(trail->last().action, u"rename"_s);
    QCOMPARE(trail->last().before.value(u"name"_s).toString(), u"DUP"_s);
}

void TestWebhookRepository::percentEncodedUrlIsStoredAsTyped()
{
    Webhook w = makeWebhook(u"Encoded"_s);
    w.url = urlFromText(u"https://receiver.example/a%20b/hook?site=north%2Fwest"_s);
    QVERIFY(w.url.isValid());
    QVERIFY(m_repository->create(w).ok());
    const auto stored = m_repository->findById(w.id);
    QVERIFY(stored->url.isValid());
    QCOMPARE(urlText(stored->url), u"https://receiver.example/a%20b/hook?site=north%2Fwest"_s);
    QSqlQuery raw(m_db.database->connection());
    QVERIFY(raw.exec(u"SELECT url FROM webhooks"_s) && raw.next());
    QCOMPARE(raw.value(0).toString(), u"https://receiver.example/a%20b/hook?site=north%2Fwest"_s);
}

void TestWebhookRepository::announcesEveryStoredChange()
{
    QSignalSpy saved(m_repository.get(), &WebhookRepository::webhookSaved);
    QSignalSpy removed(m_repository.get(), &WebhookRepository::webhookRemoved);
    auto lastSaved = [&] { return saved.last().at(0).value<Webhook>(); };

    Webhook w = makeWebhook(u"Announced"_s);
    QVERIFY(m_repository->create(w).ok());
    QCOMPARE(saved.size(), 1);
    QCOMPARE(lastSaved(), w);

    const Webhook stale = w;
    w.description = u"changed"_s;
    QVERIFY(m_repository->update(w).ok());
    QCOMPARE(saved.size(), 2);
    QCOMPARE(lastSaved().version, 2);
    QCOMPARE(lastSaved().description, u"changed"_s);
    // Nothing stored, nothing announced.
    Webhook conflicting = stale;
    QCOMPARE(m_repository->update(conflicting).code(), ErrorCode::Conflict);
    Webhook invalid = w;
    invalid.name.clear();
    QVERIFY(!m_repository->update(invalid).ok());
    QCOMPARE(saved.size(), 2);

    QVERIFY(m_repository->setActive(w, false).ok());
    QCOMPARE(saved.size(), 3);
    QCOMPARE(lastSaved().active, false);
    QCOMPARE(lastSaved().version, w.version);
    Webhook copy;
    QVERIFY(m_repository->duplicate(w, &copy).ok());
    QCOMPARE(saved.size(), 4);
    QCOMPARE(lastSaved().id, copy.id);
    w.secretFingerprint = u"fingerprint-1"_s;
    w.secretSetAt = QDateTime::currentDateTimeUtc();
    QVERIFY(m_repository->recordSecretChange(w, u"secret-set"_s).ok());
    QCOMPARE(saved.size(), 5);
    QCOMPARE(lastSaved().secretFingerprint, u"fingerprint-1"_s);

    // An import announces what it created or changed, once it is committed, and not what it left alone.
    Webhook imported = makeWebhook(u"Imported"_s);
    Webhook reimported = copy;
    reimported.description = u"from the configuration file"_s;
    Webhook broken = makeWebhook(u"Broken"_s);
    broken.name.clear();
    QVERIFY(!m_repository->importAll({imported, reimported, broken}).ok());
    QCOMPARE(saved.size(), 5);
    saved.clear();
    Webhook unchanged = *m_repository->findById(w.id);
    QVERIFY(m_repository->importAll({imported, reimported, unchanged}).ok());
    QCOMPARE(saved.size(), 2);
    QStringList names{saved.at(0).at(0).value<Webhook>().name, saved.at(1).at(0).value<Webhook>().name};
    names.sort();
    QCOMPARE(names, (QStringList{copy.name, u"Imported"_s}));

    QVERIFY(m_repository->remove(copy).ok());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.last().at(0).toString(), copy.id);
    QCOMPARE(m_repository->remove(copy).code(), ErrorCode::NotFound);
    QCOMPARE(removed.size(), 1);

    QSignalSpy attempts(m_repository.get(), &WebhookRepository::attemptRecorded);
    DeliveryRecord record;
    record.id = 7;
    record.webhookId = w.id;
    m_repository->noteAttemptRecorded(record);
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.last().at(0).value<DeliveryRecord>().webhookId, w.id);
}

QTEST_GUILESS_MAIN(TestWebhookRepository)
#include "tst_webhookrepository.moc"
