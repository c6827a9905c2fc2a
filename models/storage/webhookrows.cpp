// How a webhook is laid out in the webhooks table: the column list, the JSON columns, times and texts.
#include "models/storage/webhookrows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace WebhookRows {
namespace {

HeaderList headersFromJson(const QString &json)
{
    HeaderList headers;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &pair : array)
        headers.append({pair.toArray().at(0).toString(), pair.toArray().at(1).toString()});
    return headers;
}

void settingsFromJson(const QString &json, Webhook &webhook)
{
    const QJsonObject settings = QJsonDocument::fromJson(json.toUtf8()).object();
    webhook.caFile = settings.value(QLatin1String("caFile")).toString();
    webhook.internalEndpoint = settings.value(QLatin1String("internalEndpoint")).toBool();
    webhook.epic = epicSettingsFromJson(settings.value(QLatin1String("epic")).toObject());
    webhook.payloadLanguage = settings.value(QLatin1String("payloadLanguage")).toString(QStringLiteral("en"));
    webhook.previousSecretFingerprint = settings.value(QLatin1String("previousSecretFingerprint")).toString();
    webhook.secretGraceUntil = webhook.previousSecretFingerprint.isEmpty()
                                   ? QDateTime()
                                   : QDateTime::fromMSecsSinceEpoch(
                                         qint64(settings.value(QLatin1String("secretGraceUntil")).toDouble()), Qt::UTC);
}

} // namespace

QString selectColumns()
{
    return QStringLiteral(
        "SELECT id, name, kind, url, active, description, timeout_seconds, headers_json, phi_level,"
        " allow_loopback_http, secret_fingerprint, secret_set_at, created_by, created_at, updated_by, updated_at,"
        " version, settings_json FROM webhooks");
}

Webhook fromRow(const QSqlQuery &select)
{
    Webhook w;
    w.id = select.value(0).toString();
    w.name = select.value(1).toString();
    w.kind = WebhookKinds::fromKey(select.value(2).toString()).value_or(WebhookKind::Generic);
    w.url = urlFromText(select.value(3).toString());
    w.active = select.value(4).toBool();
    w.description = select.value(5).toString();
    w.timeoutSeconds = select.value(6).toInt();
    w.headers = headersFromJson(select.value(7).toString());
    w.phiLevel = PhiLevels::fromKey(select.value(8).toString()).value_or(PhiLevel::None);
    w.allowLoopbackHttp = select.value(9).toBool();
    w.secretFingerprint = select.value(10).toString();
    w.secretSetAt = fromMsecs(select.value(11));
    w.createdBy = select.value(12).toString();
    w.createdAt = fromMsecs(select.value(13));
    w.updatedBy = select.value(14).toString();
    w.updatedAt = fromMsecs(select.value(15));
    w.version = select.value(16).toInt();
    settingsFromJson(select.value(17).toString(), w);
    return w;
}

QString headersToJson(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &[headerName, headerValue] : headers)
        array.append(QJsonArray{headerName, headerValue});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString settingsToJson(const Webhook &webhook)
{
    QJsonObject settings;
    if (!webhook.caFile.isEmpty())
        settings.insert(QStringLiteral("caFile"), webhook.caFile);
    if (webhook.internalEndpoint)
        settings.insert(QStringLiteral("internalEndpoint"), true);
    if (!webhook.epic.isEmpty())
        settings.insert(QStringLiteral("epic"), epicSettingsToJson(webhook.epic));
    if (webhook.payloadLanguage != u"en")
        settings.insert(QStringLiteral("payloadLanguage"), webhook.payloadLanguage);
    if (!webhook.previousSecretFingerprint.isEmpty()) {
        settings.insert(QStringLiteral("previousSecretFingerprint"), webhook.previousSecretFingerprint);
        settings.insert(QStringLiteral("secretGraceUntil"), webhook.secretGraceUntil.toMSecsSinceEpoch());
    }
    return QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact));
}

QDateTime fromMsecs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant toMsecs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant optionalText(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

QJsonObject objectFromJson(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

} // namespace WebhookRows
