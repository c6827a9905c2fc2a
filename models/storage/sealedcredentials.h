// The sealed_credentials table (schema migration 16): each credential as an envelope only its recipients open.
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

// What the database keeps of one credential: nothing readable but its name, its owner and who it is sealed for.
struct SealedCredentialRecord
{
    QString credential;     // "webhook/<id>/signing-secret", "webhook/<id>/epic-private-key", ...
    QString webhookId;      // the owner, so that the webhook's removal takes it along; empty for none
    QByteArray envelope;    // SealedEnvelope's DER form
    QStringList recipients; // the fingerprints of the machines it is sealed for
    QDateTime sealedAt;
    QString sealedBy;       // the fingerprint of the machine that sealed it
};

class SealedCredentials
{
    Q_DECLARE_TR_FUNCTIONS(SealedCredentials)
public:
    static QStringList migrationStatements();
    // The webhook a credential name belongs to ("webhook/<id>/..."); empty when it names none.
    static QString webhookOf(const QString &credential);

    explicit SealedCredentials(Database &database);

    // "the signing secret of “Ward 3 alerts”": what a credential's name means to a person.
    QString describe(const QString &credential) const;

    Result<std::optional<SealedCredentialRecord>> find(const QString &credential) const;
    // Every sealed credential, by name.
    Result<QList<SealedCredentialRecord>> list() const;
    // Stores record in place of whatever was sealed under its name.
    Result<void> put(const SealedCredentialRecord &record);
    // Replaces record's envelope and recipients only while the stored envelope is still sealedFrom; false when
    // somebody changed or removed it meanwhile (then what they stored stays).
    Result<bool> replaceIfUnchanged(const SealedCredentialRecord &record, const QByteArray &sealedFrom);
    // false when nothing was stored under that name.
    Result<bool> remove(const QString &credential);
    Result<void> removeForWebhook(const QString &webhookId);

private:
    Database &m_database;
};
