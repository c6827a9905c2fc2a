// Reading JSON that people write by hand: one object, refused with where and why, and the names of JSON's types.
#include "models/domain/strictjson.h"

#include "models/domain/displaytext.h"
#include "models/domain/jsonduplicates.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

Result<QJsonObject> StrictJson::parseObject(const QByteArray &json, const QString &subject, const QString &notAnObject)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Where an editor shows it: lines from 1, columns in characters (not bytes) from 1.
        const QByteArray before = json.left(std::clamp<qsizetype>(parseError.offset, 0, json.size()));
        const int line = int(before.count('\n')) + 1;
        const int column = int(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) + 1;
        return Result<QJsonObject>::failure(ErrorCode::Invalid, tr("%1 is not valid JSON: %2 at line %3, column %4.")
                                                                    .arg(subject, parseError.errorString())
                                                                    .arg(line)
                                                                    .arg(column));
    }
    if (!document.isObject())
        return Result<QJsonObject>::failure(ErrorCode::Invalid, notAnObject);
    if (const auto duplicate = JsonDuplicates::first(json)) {
        const QString key = DisplayText::excerpt(duplicate->key, 60);
        return Result<QJsonObject>::failure(
            ErrorCode::Invalid,
            duplicate->path.isEmpty()
                ? tr("The key “%1” appears twice; every key may be given once.").arg(key)
                : tr("The key “%1” appears twice in %2; every key may be given once.").arg(key, duplicate->path));
    }
    return document.object();
}

QString StrictJson::typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null: return tr("null");
    case QJsonValue::Bool: return tr("true or false");
    case QJsonValue::Double: return tr("a number");
    case QJsonValue::String: return tr("a string");
    case QJsonValue::Array: return tr("an array");
    case QJsonValue::Object: return tr("an object");
    case QJsonValue::Undefined: break;
    }
    return tr("nothing");
}
