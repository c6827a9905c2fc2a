// The one rule for credentials in headers.
#include "models/domain/redaction.h"

#include <QStringList>

using namespace Qt::StringLiterals;

bool Redaction::isSecretHeader(QStringView name)
{
    static const QStringList secret = {u"webhook-signature"_s, u"authorization"_s, u"proxy-authorization"_s,
                                       u"cookie"_s, u"set-cookie"_s, u"x-api-key"_s, u"api-key"_s, u"x-auth-token"_s};
    return secret.contains(name.trimmed(), Qt::CaseInsensitive);
}

bool Redaction::isSecretHeader(const QByteArray &name)
{
    return isSecretHeader(QString::fromLatin1(name));
}

QString Redaction::mask()
{
    return u"[redacted]"_s;
}

QString Redaction::redactedValue(QStringView name, const QString &value)
{
    if (!isSecretHeader(name))
        return value;
    const qsizetype space = value.indexOf(u' ');
    const bool keepScheme = name.trimmed().compare(u"authorization", Qt::CaseInsensitive) == 0 && space > 0
                            && value.left(space) != mask();
    return keepScheme ? value.left(space + 1) + mask() : mask();
}

QByteArray Redaction::redactedValue(const QByteArray &name, const QByteArray &value)
{
    if (!isSecretHeader(name))
        return value;
    return redactedValue(QString::fromLatin1(name), QString::fromLatin1(value)).toLatin1();
}

QList<QPair<QString, QString>> Redaction::redacted(const QList<QPair<QString, QString>> &headers)
{
    QList<QPair<QString, QString>> result = headers;
    for (auto &[name, value] : result)
        value = redactedValue(name, value);
    return result;
}

QList<QPair<QByteArray, QByteArray>> Redaction::redacted(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QPair<QByteArray, QByteArray>> result = headers;
    for (auto &[name, value] : result)
        value = redactedValue(name, value);
    return result;
}
