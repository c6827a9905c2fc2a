// The one rule for credentials in headers: which headers carry one, and what replaces their values wherever an
// attempt is stored, shown or exported.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Redaction {

// webhook-signature, Authorization and their relatives (case-insensitive).
bool isSecretHeader(QStringView name);
bool isSecretHeader(const QByteArray &name);
// What replaces a secret value; plain ASCII, so it reads the same in a terminal, a CSV file and the console.
QString mask();
// A secret header's value as it may be kept: the mask, after the scheme for Authorization ("Bearer [redacted]"),
// so a reader sees what kind of credential went out without seeing it; other values unchanged.
QString redactedValue(QStringView name, const QString &value);
QByteArray redactedValue(const QByteArray &name, const QByteArray &value);
QList<QPair<QString, QString>> redacted(const QList<QPair<QString, QString>> &headers);
QList<QPair<QByteArray, QByteArray>> redacted(const QList<QPair<QByteArray, QByteArray>> &headers);

} // namespace Redaction
