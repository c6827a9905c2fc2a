// The machines that may open sealed credentials (the machines table, schema migration 15): enrolment, approval by
// an administrator, revocation, each audited by fingerprint.
#pragma once

#include "models/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Database;

struct MachineRecord
{
    enum class State { Requested, Approved, Revoked };
    QString fingerprint;       // MachineIdentity::fingerprintOf(certificatePem)
    QString name;              // the machine's host name, or what its administrator called it
    QByteArray certificatePem; // public: what credentials are sealed to
    State state = State::Requested;
    QString requestedBy;
    QDateTime requestedAt;
    QString decidedBy;         // who approved or revoked it (empty while requested)
    QDateTime decidedAt;

    static QString stateKey(State state); // "requested", "approved", "revoked"
};

struct MachineEnrolment
{
    MachineRecord machine;
    bool firstMachine = false; // the database had no approved machine: this one is approved at once
    bool alreadyKnown = false; // enrolled before: nothing changed
};

class MachineRegistry
{
    Q_DECLARE_TR_FUNCTIONS(MachineRegistry)
public:
    static QStringList migrationStatements();

    explicit MachineRegistry(Database &database);

    // Asks for machine to be approved (its fingerprint, name and certificate). The first machine of a database
    // that has no approved machine is approved at once. Audited; a machine enrolled before is returned unchanged.
    Result<MachineEnrolment> enroll(const MachineRecord &machine, const QDateTime &now);
    // A requested machine becomes approved. NotFound for an unknown fingerprint, Conflict for one already
    // approved or revoked (a revoked machine enrolls again with a new key).
    Result<MachineRecord> approve(const QString &fingerprint, const QDateTime &now);
    // A requested or approved machine becomes revoked. Conflict for the last approved machine: nobody could
    // open the credentials any more.
    Result<MachineRecord> revoke(const QString &fingerprint, const QDateTime &now);
    Result<std::optional<MachineRecord>> find(const QString &fingerprint) const;
    // Every machine, in the order they enrolled.
    Result<QList<MachineRecord>> list() const;

private:
    Result<MachineRecord> decide(const QString &fingerprint, MachineRecord::State to, const QDateTime &now);

    Database &m_database;
};
