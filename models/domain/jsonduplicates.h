// Duplicate keys in JSON text. QJsonDocument keeps the last of two equal keys without a word; files that people
// edit by hand must not pass a typo that silently replaces an earlier value.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace JsonDuplicates {

struct Duplicate
{
    QString path; // where the object is, as "webhooks[2].epic" ("" for the top level)
    QString key;
};

// The first key that appears twice in one object of json, which must already be valid JSON.
std::optional<Duplicate> first(const QByteArray &json);

} // namespace JsonDuplicates
