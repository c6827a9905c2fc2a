// The machines table; every change in one write transaction with its audit row.
#include "models/storage/machineregistry.h"

#include "models/storage/auditlog.h"
#include "models/storage/database.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

constexpr auto columns = "fingerprint, name, certificate, state, requested_by, requested_at, decided_by, decided_at";

MachineRecord readRecord(const QSqlQuery &query)
{
    MachineRecord machine;
    machine.fingerprint = query.value(0).toString();
    machine.name = query.value(1).toString();
    machine.certificatePem = query.value(2).toString().toLatin1();
    const QString state = query.value(3).toString();
    machine.state = state == u"approved"  ? MachineRecord::State::Approved
                  : state == u"revoked"   ? MachineRecord::State::Revoked
                                          : MachineRecord::State::Requested;
    machine.requestedBy = query.value(4).toString();
    machine.requestedAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
    machine.decidedBy = query.value(6).toString();
    if (!query.value(7).isNull())
        machine.decidedAt = QDateTime::fromMSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC);
    return machine;
}

// What the audit trail keeps of a machine: never more than its fingerprint, name and state.
QJsonObject auditSnapshot(const MachineRecord &machine)
{
    return {{u"fingerprint"_s, machine.fingerprint}, {u"name"_s, machine.name},
            {u"state"_s, MachineRecord::stateKey(machine.state)}};
}

} // namespace

QString MachineRecord::stateKey(State state)
{
    switch (state) {
    case State::Requested: return u"requested"_s;
    case State::Approved: return u"approved"_s;
    case State::Revoked: return u"revoked"_s;
    }
    return {};
}

QStringList MachineRegistry::migrationStatements()
{
    return {
        u"CREATE TABLE machines ("
        " fingerprint TEXT PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " certificate TEXT NOT NULL,"
        " state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'revoked')),"
        " requested_by TEXT NOT NULL,"
        " requested_at BIGINT NOT NULL,"
        " decided_by TEXT,"
        " decided_at BIGINT)"_s,
    };
}

MachineRegistry::MachineRegistry(Database &database)
    : m_database(database)
{
}

Result<std::optional<MachineRecord>> MachineRegistry::find(const QString &fingerprint) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT %1 FROM machines WHERE fingerprint = ?"_s.arg(QLatin1StringView(columns)));
    query.addBindValue(fingerprint);
    if (!query.exec())
        return Database::failure(tr("Cannot read the machines"), query.lastError());
    if (!query.next())
        return std::optional<MachineRecord>();
    return std::optional<MachineRecord>(readRecord(query));
}

Result<QList<MachineRecord>> MachineRegistry::list() const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT %1 FROM machines ORDER BY requested_at, fingerprint"_s.arg(QLatin1StringView(columns))))
        return Database::failure(tr("Cannot read the machines"), query.lastError());
    QList<MachineRecord> machines;
    while (query.next())
        machines.append(readRecord(query));
    return machines;
}

Result<MachineEnrolment> MachineRegistry::enroll(const MachineRecord &machine, const QDateTime &now)
{
    QSqlDatabase db = m_database.connection();
    MachineEnrolment enrolment;
    const Result<void> done = Database::inWriteTransaction(db, tr("Cannot enroll the machine"), [&]() -> Result<void> {
        const Result<std::optional<MachineRecord>> known = find(machine.fingerprint);
        if (!known)
            return known.failure();
        if (*known) {
            enrolment.machine = **known;
            enrolment.alreadyKnown = true;
            return {};
        }
        QSqlQuery approved(db);
        if (!approved.exec(u"SELECT COUNT(*) FROM machines WHERE state = 'approved'"_s) || !approved.next())
            return Database::failure(tr("Cannot read the machines"), approved.lastError());
        enrolment.firstMachine = approved.value(0).toInt() == 0;
        approved.finish();
        enrolment.machine = machine;
        enrolment.machine.requestedBy = m_database.actor();
        enrolment.machine.requestedAt = now;
        enrolment.machine.state = enrolment.firstMachine ? MachineRecord::State::Approved : MachineRecord::State::Requested;
        if (enrolment.firstMachine) {
            enrolment.machine.decidedBy = m_database.actor();
            enrolment.machine.decidedAt = now;
        }
        QSqlQuery insert(db);
        insert.prepare(u"INSERT INTO machines (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(QLatin1StringView(columns)));
        const MachineRecord &m = enrolment.machine;
        for (const QVariant &value :
             QVariantList{m.fingerprint, m.name, QString::fromLatin1(m.certificatePem), MachineRecord::stateKey(m.state),
                          m.requestedBy, m.requestedAt.toMSecsSinceEpoch(),
                          m.decidedBy.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(m.decidedBy),
                          m.decidedAt.isValid() ? QVariant(m.decidedAt.toMSecsSinceEpoch())
                                                : QVariant(QMetaType::fromType<qlonglong>())})
            insert.addBindValue(value);
        if (!insert.exec())
            return Database::failure(tr("Cannot enroll the machine"), insert.lastError());
        return AuditLog::write(m_database, {enrolment.firstMachine ? u"machine-first-approved"_s : u"machine-enroll"_s,
                                            u"machine"_s, m.fingerprint, m.name, {}, auditSnapshot(m)});
    });
    if (!done)
        return done.failure();
    return enrolment;
}

Result<MachineRecord> MachineRegistry::approve(const QString &fingerprint, const QDateTime &now)
{
    return decide(fingerprint, MachineRecord::State::Approved, now);
}

Result<MachineRecord> MachineRegistry::revoke(const QString &fingerprint, const QDateTime &now)
{
    return decide(fingerprint, MachineRecord::State::Revoked, now);
}

Result<MachineRecord> MachineRegistry::decide(const QString &fingerprint, MachineRecord::State to, const QDateTime &now)
{
    QSqlDatabase db = m_database.connection();
    MachineRecord changed;
    const Result<void> done = Database::inWriteTransaction(db, tr("Cannot change the machine"), [&]() -> Result<void> {
        const Result<std::optional<MachineRecord>> known = find(fingerprint);
        if (!known)
            return known.failure();
        if (!*known)
            return Failure{ErrorCode::NotFound, tr("No machine has the fingerprint %1. “machine list” shows them.")
                                                    .arg(fingerprint)};
        const MachineRecord before = **known;
        if (to == MachineRecord::State::Approved && before.state != MachineRecord::State::Requested)
            return Failure{ErrorCode::Conflict,
                           before.state == MachineRecord::State::Approved
                               ? tr("The machine %1 (%2) is approved already.").arg(fingerprint, before.name)
                               : tr("The machine %1 (%2) was revoked; it cannot be approved again. On that machine, "
                                    "enroll again with a new key (“machine enroll --new-key”).")
                                     .arg(fingerprint, before.name)};
        if (to == MachineRecord::State::Revoked) {
            if (before.state == MachineRecord::State::Revoked)
                return Failure{ErrorCode::Conflict,
                               tr("The machine %1 (%2) is revoked already.").arg(fingerprint, before.name)};
            QSqlQuery others(db);
            others.prepare(u"SELECT COUNT(*) FROM machines WHERE state = 'approved' AND fingerprint <> ?"_s);
            others.addBindValue(fingerprint);
            if (!others.exec() || !others.next())
                return Database::failure(tr("Cannot read the machines"), others.lastError());
            if (before.state == MachineRecord::State::Approved && others.value(0).toInt() == 0)
                return Failure{ErrorCode::Conflict,
                               tr("The machine %1 (%2) is the last approved one: without it nobody could open the "
                                  "credentials. Approve another machine first.")
                                   .arg(fingerprint, before.name)};
        }
        changed = before;
        changed.state = to;
        changed.decidedBy = m_database.actor();
        changed.decidedAt = now;
        QSqlQuery update(db);
        update.prepare(u"UPDATE machines SET state = ?, decided_by = ?, decided_at = ? WHERE fingerprint = ?"_s);
        for (const QVariant &value : QVariantList{MachineRecord::stateKey(to), changed.decidedBy,
                                                  now.toMSecsSinceEpoch(), fingerprint})
            update.addBindValue(value);
        if (!update.exec())
            return Database::failure(tr("Cannot change the machine"), update.lastError());
        return AuditLog::write(m_database,
                               {to == MachineRecord::State::Approved ? u"machine-approve"_s : u"machine-revoke"_s,
                                u"machine"_s, fingerprint, before.name, auditSnapshot(before), auditSnapshot(changed)});
    });
    if (!done)
        return done.failure();
    return changed;
}
