// The sealed_credentials table (schema migration 16).
#include "models/storage/sealedcredentials.h"

#include "models/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

constexpr auto columns = "credential, webhook_id, envelope, recipients, sealed_at, sealed_by";

SealedCredentialRecord readRecord(const QSqlQuery &query)
{
    SealedCredentialRecord record;
    record.credential = query.value(0).toString();
    record.webhookId = query.value(1).toString();
    record.envelope = QByteArray::fromBase64(query.value(2).toString().toLatin1());
    record.recipients = query.value(3).toString().split(u' ', Qt::SkipEmptyParts);
    record.sealedAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
    record.sealedBy = query.value(5).toString();
    return record;
}

QVariant orNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

QStringList SealedCredentials::migrationStatements()
{
    return {
        // The envelope is base64 text so that both engines keep it the same way; recipients are space separated
        // fingerprints, readable by anyone (they are public, as the certificates are).
        u"CREATE TABLE sealed_credentials ("
        " credential TEXT PRIMARY KEY,"
        " webhook_id TEXT,"
        " envelope TEXT NOT NULL,"
        " recipients TEXT NOT NULL,"
        " sealed_at BIGINT NOT NULL,"
        " sealed_by TEXT NOT NULL)"_s,
        u"CREATE INDEX sealed_credentials_by_webhook ON sealed_credentials (webhook_id)"_s,
    };
}

QString SealedCredentials::webhookOf(const QString &credential)
{
    const QStringList parts = credential.split(u'/');
    if (parts.size() >= 3 && parts.first() == u"webhook")
        return parts.at(1);
    return {};
}

SealedCredentials::SealedCredentials(Database &database)
    : m_database(database)
{
}

QString SealedCredentials::describe(const QString &credential) const
{
    const QString webhookId = webhookOf(credential);
    QString webhook = webhookId;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT name FROM webhooks WHERE id = ?"_s);
    query.addBindValue(webhookId);
    if (query.exec() && query.next())
        webhook = query.value(0).toString();
    const QString kind = credential.section(u'/', -1);
    if (kind == u"signing-secret")
        return tr("the signing secret of “%1”").arg(webhook);
    if (kind == u"previous-signing-secret")
        return tr("the previous signing secret of “%1”").arg(webhook);
    if (kind == u"epic-private-key")
        return tr("the Epic private key of “%1”").arg(webhook);
    if (kind == u"receiver-credential")
        return tr("the receiver credential of “%1”").arg(webhook);
    if (kind == u"url")
        return tr("the address of “%1”").arg(webhook);
    return credential;
}

Result<std::optional<SealedCredentialRecord>> SealedCredentials::find(const QString &credential) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT %1 FROM sealed_credentials WHERE credential = ?"_s.arg(QLatin1StringView(columns)));
    query.addBindValue(credential);
    if (!query.exec())
        return Database::failure(tr("Cannot read the sealed credentials"), query.lastError());
    if (!query.next())
        return std::optional<SealedCredentialRecord>();
    return std::optional<SealedCredentialRecord>(readRecord(query));
}

Result<QList<SealedCredentialRecord>> SealedCredentials::list() const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT %1 FROM sealed_credentials ORDER BY credential"_s.arg(QLatin1StringView(columns))))
        return Database::failure(tr("Cannot read the sealed credentials"), query.lastError());
    QList<SealedCredentialRecord> records;
    while (query.next())
        records.append(readRecord(query));
    return records;
}

Result<void> SealedCredentials::put(const SealedCredentialRecord &record)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"INSERT INTO sealed_credentials (%1) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (credential) DO UPDATE"
                  " SET webhook_id = excluded.webhook_id, envelope = excluded.envelope,"
                  " recipients = excluded.recipients, sealed_at = excluded.sealed_at, sealed_by = excluded.sealed_by"_s
                      .arg(QLatin1StringView(columns)));
    for (const QVariant &value : QVariantList{record.credential, orNull(record.webhookId),
                                              QString::fromLatin1(record.envelope.toBase64()),
                                              record.recipients.join(u' '), record.sealedAt.toMSecsSinceEpoch(),
                                              record.sealedBy})
        query.addBindValue(value);
    if (!query.exec())
        return Database::failure(tr("Cannot store the sealed credential"), query.lastError());
    return {};
}

Result<bool> SealedCredentials::replaceIfUnchanged(const SealedCredentialRecord &record, const QByteArray &sealedFrom)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE sealed_credentials SET envelope = ?, recipients = ?, sealed_at = ?, sealed_by = ?"
                  " WHERE credential = ? AND envelope = ?"_s);
    for (const QVariant &value : QVariantList{QString::fromLatin1(record.envelope.toBase64()),
                                              record.recipients.join(u' '), record.sealedAt.toMSecsSinceEpoch(),
                                              record.sealedBy, record.credential,
                                              QString::fromLatin1(sealedFrom.toBase64())})
        query.addBindValue(value);
    if (!query.exec())
        return Database::failure(tr("Cannot store the sealed credential"), query.lastError());
    return query.numRowsAffected() > 0;
}

Result<bool> SealedCredentials::remove(const QString &credential)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM sealed_credentials WHERE credential = ?"_s);
    query.addBindValue(credential);
    if (!query.exec())
        return Database::failure(tr("Cannot remove the sealed credential"), query.lastError());
    return query.numRowsAffected() > 0;
}

Result<void> SealedCredentials::removeForWebhook(const QString &webhookId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM sealed_credentials WHERE webhook_id = ?"_s);
    query.addBindValue(webhookId);
    if (!query.exec())
        return Database::failure(tr("Cannot remove the webhook's sealed credentials"), query.lastError());
    return {};
}
