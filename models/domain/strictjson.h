// Reading JSON that people write by hand: one object, refused with where and why, and the names of JSON's types.
#pragma once

#include "models/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>

class StrictJson
{
    Q_DECLARE_TR_FUNCTIONS(StrictJson)
public:
    // The top-level object of json. Refused (Invalid) with a message that starts with subject ("The file", "The
    // event"): text that is not JSON, with its line and column in characters; anything but an object, with
    // notAnObject; a key given twice in one object, which QJsonDocument would silently let the second one win.
    static Result<QJsonObject> parseObject(const QByteArray &json, const QString &subject, const QString &notAnObject);

    // "a string", "a number", "true or false", "null", "an array", "an object": for "must be %1, not %2."
    static QString typeName(QJsonValue::Type type);
};
