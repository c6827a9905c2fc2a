// SQL pieces the delivery log's readers share: the listed columns, reading them, binding, and the snapshot pin.
#pragma once

#include "models/domain/result.h"
#include "models/storage/database.h"
#include "models/storage/deliverylog.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <optional>

namespace DeliveryLogSql {

inline constexpr qint64 hourMs = 3600 * 1000;
inline constexpr qint64 dayMs = 24 * hourMs;

// The columns of DeliveryListRow, in the order readListRow() reads them; detailColumns() adds the rest.
QString listColumns();
inline constexpr int listColumnCount = 13;
inline constexpr int finishedAtColumn = 12;  // of the list columns: NULL while the attempt has no outcome
QString detailColumns();

std::optional<qint64> optionalLong(const QVariant &value);
DeliveryListRow readListRow(const QSqlQuery &query);
// Headers are stored as a JSON array of [name, value] pairs; older or foreign rows may hold objects.
DeliveryHeaders parseHeaders(const QString &json, QString *problem);
QString iso(qint64 ms);

// Prepares, binds values in order and runs; Unavailable with the database's reason as the message.
Result<void> execPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values);
// Runs a query that selects the list columns and reads its rows; Unavailable with the database's reason otherwise.
Result<QList<DeliveryListRow>> readListRows(const Database &database, const QString &sql, const QVariantList &values);
// Selected rows as SQL: the filter, pinned to the attempts of the snapshot when there is one.
QString pinnedWhere(const DeliverySelection &selection, QVariantList *values);

} // namespace DeliveryLogSql
