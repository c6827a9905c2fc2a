// The "machine" commands: this machine's identity from MachineKeyStore, the machines from MachineRegistry.
#include "app/machinecommands.h"

#include "app/commandsupport.h"
#include "models/secrets/credentialresealing.h"
#include "models/secrets/machineidentity.h"
#include "models/secrets/machinekeystore.h"
#include "models/storage/machineregistry.h"

#include <QLocale>
#include <QSysInfo>

namespace {

class MachineCommand
{
    Q_DECLARE_TR_FUNCTIONS(MachineCommand)
public:
    int run(const QStringList &arguments);

private:
    int enroll();
    int decide(const QString &typed, MachineRecord::State to);
    // Seals every credential again for the machines approved now (self must be one of them).
    int reseal(const MachineIdentity &self);
    int list();
    // This machine's identity as its key store holds it; nullopt when there is none (or once a failure is reported
    // with *failed set).
    std::optional<MachineIdentity> ownIdentity(bool *failed);
    QString stateName(MachineRecord::State state) const;

    CommandSupport m_support{QStringLiteral("machine")};
};

QString MachineCommand::stateName(MachineRecord::State state) const
{
    switch (state) {
    case MachineRecord::State::Requested: return tr("waiting for approval");
    case MachineRecord::State::Approved: return tr("approved");
    case MachineRecord::State::Revoked: return tr("revoked");
    }
    return {};
}

std::optional<MachineIdentity> MachineCommand::ownIdentity(bool *failed)
{
    MachineKeyStore store = MachineKeyStore::fromEnvironment(m_support.secrets());
    const Result<std::optional<MachineIdentity>> identity = store.loadAndWait();
    *failed = !identity;
    if (!identity) {
        m_support.fail(identity.message());
        return std::nullopt;
    }
    return *identity;
}

int MachineCommand::enroll()
{
    QCommandLineParser &parser = m_support.parser();
    MachineKeyStore store = MachineKeyStore::fromEnvironment(m_support.secrets());
    if (parser.isSet(QStringLiteral("new-key"))) {
        if (const Result<void> removed = store.removeAndWait(); !removed)
            return m_support.fail(removed.message());
    }
    const Result<std::optional<MachineIdentity>> stored = store.loadAndWait();
    if (!stored)
        return m_support.fail(stored.message());
    const QString name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")).trimmed()
                                                              : QSysInfo::machineHostName();
    if (name.isEmpty() || name.size() > 200)
        return m_support.usage(tr("--name must be 1 to 200 characters."));
    MachineIdentity identity;
    if (*stored) {
        identity = **stored;
    } else {
        const Result<MachineIdentity> made = MachineIdentity::generate(name);
        if (!made)
            return m_support.fail(made.message());
        identity = *made;
        if (const Result<void> saved = store.saveAndWait(identity); !saved)
            return m_support.fail(saved.message());
        m_support.err() << tr("A new key pair for this machine is kept in %1.").arg(store.describe()) << '\n';
    }
    MachineRecord machine;
    machine.fingerprint = identity.fingerprint();
    machine.name = name;
    machine.certificatePem = identity.certificatePem();
    const Result<MachineEnrolment> enrolled =
        MachineRegistry(m_support.database()).enroll(machine, QDateTime::currentDateTimeUtc());
    if (!enrolled)
        return m_support.fail(enrolled.message());
    const MachineRecord &record = enrolled->machine;
    m_support.out() << record.fingerprint << '\n';
    if (enrolled->firstMachine)
        m_support.err() << tr("“%1” is the database's first machine, so it is approved now (recorded in the audit "
                              "trail). Every further machine waits for an administrator's approval.")
                               .arg(record.name)
                        << '\n';
    else if (record.state == MachineRecord::State::Requested)
        m_support.err() << tr("“%1” waits for approval. Compare the fingerprint above with what the administrator "
                              "sees, who then runs “machine approve %2”.")
                               .arg(record.name, record.fingerprint)
                        << '\n';
    else if (record.state == MachineRecord::State::Revoked)
        m_support.err() << tr("“%1” was revoked. To be approved again it enrolls with a new key: “machine enroll "
                              "--new-key”.")
                               .arg(record.name)
                        << '\n';
    else
        m_support.err() << tr("“%1” was enrolled before and is %2.").arg(record.name, stateName(record.state)) << '\n';
    return record.state == MachineRecord::State::Revoked ? CommandSupport::Failure : CommandSupport::Success;
}

int MachineCommand::decide(const QString &typed, MachineRecord::State to)
{
    const QString fingerprint = MachineIdentity::normalizedFingerprint(typed);
    if (fingerprint.isEmpty())
        return m_support.usage(tr("“%1” is not a machine fingerprint: it has 32 hexadecimal digits, as “machine list” "
                                  "shows them (XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX).")
                                   .arg(typed));
    // Only an approved machine decides: it is the one that can seal the credentials for another.
    bool failed = false;
    const std::optional<MachineIdentity> self = ownIdentity(&failed);
    if (failed)
        return CommandSupport::Failure;
    MachineRegistry registry(m_support.database());
    const Result<std::optional<MachineRecord>> own =
        self ? registry.find(self->fingerprint()) : Result<std::optional<MachineRecord>>(std::nullopt);
    if (!own)
        return m_support.fail(own.message());
    if (!*own || (*own)->state != MachineRecord::State::Approved)
        return m_support.fail(tr("Only an approved machine can approve or revoke machines, and this one is not "
                                 "approved (“machine enroll” shows its state)."));
    const Result<MachineRecord> changed = to == MachineRecord::State::Approved
                                              ? registry.approve(fingerprint, QDateTime::currentDateTimeUtc())
                                              : registry.revoke(fingerprint, QDateTime::currentDateTimeUtc());
    if (!changed)
        return m_support.fail(changed.message());
    m_support.err() << (to == MachineRecord::State::Approved
                            ? tr("Approved “%1” (%2).").arg(changed->name, changed->fingerprint)
                            : tr("Revoked “%1” (%2): it can open no credential sealed from now on.")
                                  .arg(changed->name, changed->fingerprint))
                    << '\n';
    // What the revoked machine could open before: to be rotated, since it may have kept a copy.
    const Result<QStringList> exposed = to == MachineRecord::State::Revoked
                                            ? CredentialResealing::readableBy(m_support.database(), fingerprint)
                                            : Result<QStringList>(QStringList());
    if (const int resealed = reseal(*self); resealed != CommandSupport::Success)
        return resealed;
    if (exposed && !exposed->isEmpty())
        m_support.err() << tr("“%1” could read these credentials until now; rotate them (“secret rotate”, “epic "
                              "keygen --replace”): %2.")
                               .arg(changed->name, QLocale().createSeparatedList(*exposed))
                        << '\n';
    return CommandSupport::Success;
}

int MachineCommand::reseal(const MachineIdentity &self)
{
    const Result<ResealOutcome> resealed = CredentialResealing::resealOn(m_support.database(), self);
    if (!resealed)
        return m_support.fail(resealed.message());
    m_support.err() << tr("%n credential(s) sealed again for the approved machines.", nullptr, resealed->resealed)
                    << '\n';
    if (!resealed->unopenable.isEmpty())
        m_support.err() << tr("This machine could not open, so did not re-seal: %1.")
                               .arg(QLocale().createSeparatedList(resealed->unopenable))
                        << '\n';
    return CommandSupport::Success;
}

int MachineCommand::list()
{
    const Result<QList<MachineRecord>> machines = MachineRegistry(m_support.database()).list();
    if (!machines)
        return m_support.fail(machines.message());
    bool failed = false;
    const std::optional<MachineIdentity> self = ownIdentity(&failed);
    if (failed)
        return CommandSupport::Failure;
    const QString own = self ? self->fingerprint() : QString();
    const QLocale locale;
    QList<QStringList> rows = {{tr("FINGERPRINT"), tr("NAME"), tr("STATE"), tr("ENROLLED"), tr("DECIDED")}};
    for (const MachineRecord &machine : *machines) {
        const QString name = machine.fingerprint == own ? tr("%1 (this machine)").arg(machine.name) : machine.name;
        const QString enrolled = tr("%1 by %2").arg(locale.toString(machine.requestedAt.toLocalTime(), QLocale::ShortFormat),
                                                   machine.requestedBy);
        const QString decided = machine.decidedAt.isValid()
                                    ? tr("%1 by %2").arg(locale.toString(machine.decidedAt.toLocalTime(), QLocale::ShortFormat),
                                                         machine.decidedBy)
                                    : QString();
        rows.append({machine.fingerprint, name, stateName(machine.state), enrolled, decided});
    }
    if (machines->isEmpty()) {
        m_support.err() << tr("No machine is enrolled yet; “machine enroll” enrolls this one.") << '\n';
        return CommandSupport::Success;
    }
    CommandSupport::printTable(m_support.out(), rows);
    return CommandSupport::Success;
}

int MachineCommand::run(const QStringList &arguments)
{
    QCommandLineParser &parser = m_support.parser();
    parser.setApplicationDescription(
        tr("The machines that may use the credentials sealed in the database.\n\n"
           "  machine enroll [--name NAME] [--new-key]\n"
           "                                  this machine asks to be approved; prints its fingerprint. Its key is\n"
           "                                  kept in the keychain, or in GOREPORTER_MACHINE_KEY_FILE when set.\n"
           "  machine approve FINGERPRINT     approve a machine that asked (from an approved machine)\n"
           "  machine revoke FINGERPRINT      revoke a machine (from an approved machine)\n"
           "  machine reseal                  seal every credential again for the approved machines (from one of them)\n"
           "  machine list                    every machine, its state, who enrolled and decided it"));
    m_support.addCommonOptions();
    parser.addOption({QStringLiteral("name"), tr("With enroll: the machine's name (default: its host name)."),
                      tr("name")});
    parser.addOption({QStringLiteral("new-key"),
                      tr("With enroll: replace this machine's key with a new one (after a revocation).")});
    parser.addPositionalArgument(QStringLiteral("machine"), tr("The command, its action and a fingerprint."),
                                 QStringLiteral("machine enroll|approve|revoke|reseal|list [FINGERPRINT]"));
    int exitCode = CommandSupport::Success;
    const auto words = m_support.parse(arguments, &exitCode);
    if (!words)
        return exitCode;
    const QString action = words->value(0);
    const bool enrollOptions = parser.isSet(QStringLiteral("name")) || parser.isSet(QStringLiteral("new-key"));
    if (action != QLatin1String("enroll") && enrollOptions)
        return m_support.usage(tr("--name and --new-key go with “machine enroll”."));
    if (action == QLatin1String("approve") || action == QLatin1String("revoke")) {
        if (words->size() != 2)
            return m_support.usage(tr("“machine %1” takes one fingerprint.").arg(action));
        if (!m_support.openDatabase())
            return CommandSupport::Failure;
        return decide(words->at(1), action == QLatin1String("approve") ? MachineRecord::State::Approved
                                                                        : MachineRecord::State::Revoked);
    }
    if (action == QLatin1String("reseal")) {
        if (words->size() > 1)
            return m_support.usage(tr("“machine %1” takes no further arguments.").arg(action));
        if (!m_support.openDatabase())
            return CommandSupport::Failure;
        bool failed = false;
        const std::optional<MachineIdentity> self = ownIdentity(&failed);
        if (failed)
            return CommandSupport::Failure;
        if (!self)
            return m_support.fail(tr("This machine has no key: “machine enroll” first."));
        return reseal(*self);
    }
    if (action == QLatin1String("enroll") || action == QLatin1String("list")) {
        if (words->size() > 1)
            return m_support.usage(tr("“machine %1” takes no further arguments.").arg(action));
        if (!m_support.openDatabase())
            return CommandSupport::Failure;
        return action == QLatin1String("enroll") ? enroll() : list();
    }
    return m_support.usage(action.isEmpty()
                               ? tr("“machine” needs an action: enroll, approve, revoke, reseal or list.")
                               : tr("Unknown action “machine %1”; use enroll, approve, revoke, reseal or list.").arg(action));
}

} // namespace

int runMachineCommand(const QStringList &arguments)
{
    MachineCommand command;
    return command.run(arguments);
}
