// The test_sends table (schema migration 14).
#include "models/storage/testsendqueue.h"

#include "models/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

QStringList TestSendQueue::migrationStatements()
{
    return {
        // No reference to webhooks: the webhook under test may be unsaved, or deleted while the test runs.
        u"CREATE TABLE test_sends ("
        " id TEXT PRIMARY KEY,"
        " webhook_id TEXT,"
        " webhook_config TEXT NOT NULL,"
        " event_json TEXT NOT NULL,"
        " requested_by TEXT NOT NULL,"
        " requested_at BIGINT NOT NULL,"
        " state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done', 'withdrawn')),"
        " cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,"
        " dispatcher TEXT,"
        " outcome TEXT,"
        " finished_at BIGINT)"_s,
        u"CREATE INDEX test_sends_pending ON test_sends (requested_at) WHERE state = 'pending'"_s,
        u"CREATE INDEX test_sends_by_dispatcher ON test_sends (dispatcher) WHERE state = 'sending'"_s,
    };
}

TestSendQueue::TestSendQueue(Database &database)
    : m_database(database)
{
}

Result<void> TestSendQueue::request(const TestSendRequest &request, const QDateTime &now)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(u"INSERT INTO test_sends (id, webhook_id, webhook_config, event_json, requested_by, requested_at,"
                   " state) VALUES (?, ?, ?, ?, ?, ?, 'pending')"_s);
    insert.addBindValue(request.id);
    insert.addBindValue(request.webhookId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : request.webhookId);
    insert.addBindValue(QString::fromUtf8(request.webhookConfig));
    insert.addBindValue(QString::fromUtf8(request.eventJson));
    insert.addBindValue(m_database.actor());
    insert.addBindValue(now.toMSecsSinceEpoch());
    if (!insert.exec())
        return Database::failure(tr("Cannot hand the test to the dispatcher"), insert.lastError());
    return {};
}

Result<TestSendStatus> TestSendQueue::status(const QString &id) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT state, dispatcher, outcome FROM test_sends WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return Database::failure(tr("Cannot read the state of the test"), query.lastError());
    if (!query.next())
        return Failure{ErrorCode::NotFound, tr("The test is no longer in the database.")};
    TestSendStatus status;
    const QString state = query.value(0).toString();
    status.state = state == u"sending"  ? TestSendStatus::State::Sending
                 : state == u"done"     ? TestSendStatus::State::Done
                 : state == u"withdrawn" ? TestSendStatus::State::Withdrawn
                                         : TestSendStatus::State::Pending;
    status.dispatcher = query.value(1).toString();
    status.outcome = query.value(2).toString().toUtf8();
    return status;
}

Result<bool> TestSendQueue::cancel(const QString &id)
{
    QSqlQuery update(m_database.connection());
    update.prepare(u"UPDATE test_sends SET state = 'withdrawn' WHERE id = ? AND state = 'pending'"_s);
    update.addBindValue(id);
    if (!update.exec())
        return Database::failure(tr("Cannot withdraw the test"), update.lastError());
    if (update.numRowsAffected() > 0)
        return true;
    update.prepare(u"UPDATE test_sends SET cancel_requested = TRUE WHERE id = ? AND state = 'sending'"_s);
    update.addBindValue(id);
    if (!update.exec())
        return Database::failure(tr("Cannot ask the dispatcher to stop the test"), update.lastError());
    return false;
}

Result<void> TestSendQueue::remove(const QString &id)
{
    QSqlQuery remove(m_database.connection());
    remove.prepare(u"DELETE FROM test_sends WHERE id = ?"_s);
    remove.addBindValue(id);
    if (!remove.exec())
        return Database::failure(tr("Cannot remove the finished test"), remove.lastError());
    return {};
}

Result<QList<ClaimedTestSend>> TestSendQueue::claim(const QString &owner, int limit)
{
    QSqlDatabase db = m_database.connection();
    const bool postgres = m_database.engine() == DatabaseUrl::Engine::PostgreSQL;
    {
        // Looked for on every idle poll: a read that finds nothing takes no write lock and locks no row.
        QSqlQuery any(db);
        any.setForwardOnly(true);
        if (!any.exec(u"SELECT 1 FROM test_sends WHERE state = 'pending' LIMIT 1"_s))
            return Database::failure(tr("Cannot look for test-sends"), any.lastError());
        if (!any.next())
            return QList<ClaimedTestSend>();
    }
    // One statement on both engines; on PostgreSQL rows another dispatcher is taking are passed over.
    QSqlQuery take(db);
    take.prepare(u"UPDATE test_sends SET state = 'sending', dispatcher = ?"
                 " WHERE state = 'pending' AND id IN (SELECT id FROM test_sends WHERE state = 'pending'"
                 " ORDER BY requested_at LIMIT %1%2)"
                 " RETURNING id, webhook_id, webhook_config, event_json, requested_by"_s
                     .arg(std::max(limit, 0))
                     .arg(postgres ? u" FOR UPDATE SKIP LOCKED"_s : QString()));
    take.addBindValue(owner);
    if (!take.exec())
        return Database::failure(tr("Cannot take test-sends"), take.lastError());
    QList<ClaimedTestSend> claimed;
    while (take.next()) {
        ClaimedTestSend test;
        test.request.id = take.value(0).toString();
        test.request.webhookId = take.value(1).toString();
        test.request.webhookConfig = take.value(2).toString().toUtf8();
        test.request.eventJson = take.value(3).toString().toUtf8();
        test.requestedBy = take.value(4).toString();
        claimed.append(test);
    }
    return claimed;
}

Result<QStringList> TestSendQueue::cancelRequested(const QString &owner) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT id FROM test_sends WHERE dispatcher = ? AND state = 'sending' AND cancel_requested"_s);
    query.addBindValue(owner);
    if (!query.exec())
        return Database::failure(tr("Cannot read which tests to stop"), query.lastError());
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

Result<void> TestSendQueue::complete(const QString &id, const QString &owner, const QByteArray &outcome,
                                     const QDateTime &now)
{
    QSqlQuery update(m_database.connection());
    update.prepare(u"UPDATE test_sends SET state = 'done', outcome = ?, finished_at = ?"
                   " WHERE id = ? AND dispatcher = ? AND state = 'sending'"_s);
    update.addBindValue(QString::fromUtf8(outcome));
    update.addBindValue(now.toMSecsSinceEpoch());
    update.addBindValue(id);
    update.addBindValue(owner);
    if (!update.exec())
        return Database::failure(tr("Cannot record the outcome of the test"), update.lastError());
    return {};
}

Result<int> TestSendQueue::releaseAll(const QString &owner)
{
    QSqlQuery update(m_database.connection());
    update.prepare(u"UPDATE test_sends SET state = 'pending', dispatcher = NULL"
                   " WHERE dispatcher = ? AND state = 'sending'"_s);
    update.addBindValue(owner);
    if (!update.exec())
        return Database::failure(tr("Cannot give back the test-sends"), update.lastError());
    return update.numRowsAffected();
}

Result<int> TestSendQueue::purge(const QDateTime &now)
{
    QSqlQuery remove(m_database.connection());
    remove.prepare(u"DELETE FROM test_sends WHERE requested_at < ?"_s);
    remove.addBindValue(now.toMSecsSinceEpoch() - KeptMs);
    if (!remove.exec())
        return Database::failure(tr("Cannot remove old test-sends"), remove.lastError());
    return remove.numRowsAffected();
}
