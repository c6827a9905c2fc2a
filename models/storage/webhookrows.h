// How a webhook is laid out in the webhooks table: the column list, the JSON columns, times and texts.
#pragma once

#include "models/domain/webhook.h"

#include <QJsonObject>
#include <QString>
#include <QVariant>

class QSqlQuery;

namespace WebhookRows {

// "SELECT <every column> FROM webhooks", in the order fromRow() reads them.
QString selectColumns();
// The webhook of the current row of a query that selected selectColumns(), without its subscriptions.
Webhook fromRow(const QSqlQuery &select);

QString headersToJson(const HeaderList &headers);
// Settings that only some webhooks use share one JSON column, so adding one needs no migration.
QString settingsToJson(const Webhook &webhook);

// Times are stored as milliseconds since the epoch, UTC; an invalid time as NULL.
QDateTime fromMsecs(const QVariant &value);
QVariant toMsecs(const QDateTime &time);
// Qt binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "nothing".
QVariant text(const QString &value);
// NULL for an empty text: a secret fingerprint column is NULL while no secret is set.
QVariant optionalText(const QString &value);
QJsonObject objectFromJson(const QVariant &value);

} // namespace WebhookRows
