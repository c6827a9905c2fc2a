// The webhook configuration file: the documented JSON contract for export and import (never any secret).
#include "models/domain/eventtype.h"
#include "models/domain/webhookconfig.h"

#include "models/domain/displaytext.h"
#include "models/domain/strictjson.h"
#include "models/domain/webhookvalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <sys/stat.h>

namespace {

const QStringList knownKeys = {
    QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("url"), QStringLiteral("active"),
    QStringLiteral("description"), QStringLiteral("events"), QStringLiteral("timeoutSeconds"),
    QStringLiteral("headers"), QStringLiteral("phiLevel"), QStringLiteral("allowLoopbackHttp"),
    QStringLiteral("caFile"), QStringLiteral("internalEndpoint"), QStringLiteral("epic"),
    QStringLiteral("payloadLanguage"),
};
const QStringList knownEpicKeys = {
    QStringLiteral("clientId"), QStringLiteral("tokenUrl"), QStringLiteral("fhirBaseUrl"), QStringLiteral("scope"),
    QStringLiteral("keyId"),
};

} // namespace

WebhookConfig::ParseResult WebhookConfig::parse(const QByteArray &json)
{
    ParseResult result;
    const Result<QJsonObject> parsed = StrictJson::parseObject(
        json, tr("The file"), tr("The file must contain a JSON object with a “webhooks” array."));
    if (!parsed) {
        result.errors.append(parsed.message());
        return result;
    }
    const QJsonObject &root = *parsed;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != QLatin1String("webhooks"))
            result.errors.append(tr("Unknown top-level key “%1”; only “webhooks” is allowed.").arg(DisplayText::excerpt(it.key(), 60)));
    }
    if (!root.value(QLatin1String("webhooks")).isArray()) {
        result.errors.append(tr("The key “webhooks” must be an array."));
        return result;
    }

    const QJsonArray array = root.value(QLatin1String("webhooks")).toArray();
    TakenNames namesSoFar;
    for (qsizetype index = 0; index < array.size(); ++index) {
        const QJsonObject object = array.at(index).toObject();
        const QString name = object.value(QLatin1String("name")).toString();
        const QString where = name.isEmpty() ? tr("webhooks[%1]").arg(index)
                                             : tr("webhooks[%1] “%2”").arg(index).arg(DisplayText::excerpt(name, 60));
        auto error = [&](const QString &message) { result.errors.append(where + QStringLiteral(": ") + message); };
        if (!array.at(index).isObject()) {
            error(tr("must be an object, not %1.").arg(StrictJson::typeName(array.at(index).type())));
            continue;
        }
        const int errorsBefore = result.errors.size();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!knownKeys.contains(it.key()))
                error(tr("unknown key “%1”.").arg(DisplayText::excerpt(it.key(), 60)));
        }
        auto expect = [&](const char *key, QJsonValue::Type type, bool required) -> QJsonValue {
            const QJsonValue value = object.value(QLatin1String(key));
            if (value.isUndefined()) {
                if (required)
                    error(tr("the key “%1” is missing.").arg(QLatin1String(key)));
                return value;
            }
            if (value.type() != type) {
                error(tr("“%1” must be %2, not %3.")
                          .arg(QLatin1String(key), StrictJson::typeName(type), StrictJson::typeName(value.type())));
                return QJsonValue(QJsonValue::Undefined);
            }
            return value;
        };

        Webhook webhook;
        webhook.name = expect("name", QJsonValue::String, true).toString();
        const QJsonValue kind = expect("kind", QJsonValue::String, true);
        if (kind.isString()) {
            if (const auto parsed = WebhookKinds::fromKey(kind.toString())) {
                webhook.kind = *parsed;
            } else {
                error(tr("unknown kind “%1”; use slack, teams, epic or generic.").arg(DisplayText::excerpt(kind.toString(), 60)));
            }
        }
        webhook.phiLevel = WebhookKinds::defaultPhiLevel(webhook.kind);
        const QJsonValue url = expect("url", QJsonValue::String, true);
        webhook.url = QUrl(url.toString(), QUrl::StrictMode);
        webhook.active = expect("active", QJsonValue::Bool, false).toBool(true);
        webhook.description = expect("description", QJsonValue::String, false).toString();
        const QJsonValue timeout = expect("timeoutSeconds", QJsonValue::Double, false);
        if (timeout.isDouble()) {
            const double seconds = timeout.toDouble();
            if (seconds != std::floor(seconds))
                error(tr("“timeoutSeconds” must be a whole number of seconds."));
            else if (seconds < WebhookValidator::minTimeoutSeconds || seconds > WebhookValidator::maxTimeoutSeconds)
                error(WebhookValidator::timeoutRangeMessage());
            else
                webhook.timeoutSeconds = int(seconds);
        }
        const QJsonValue events = expect("events", QJsonValue::Array, true);
        for (const QJsonValue &event : events.toArray()) {
            if (!event.isString()) {
                error(tr("“events” must list event names as strings."));
                break;
            }
            if (webhook.events.contains(event.toString()))
                error(tr("the event “%1” is listed twice.").arg(DisplayText::excerpt(event.toString(), 60)));
            webhook.events.append(event.toString());
        }
        webhook.events = EventCatalog::inCatalogOrder(webhook.events);
        const QJsonObject headers = expect("headers", QJsonValue::Object, false).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (!it.value().isString())
                error(tr("the header “%1” must have a string value.").arg(DisplayText::excerpt(it.key(), 60)));
            webhook.headers.append({it.key(), it.value().toString()});
        }
        const QJsonValue phi = expect("phiLevel", QJsonValue::String, false);
        if (phi.isString()) {
            if (const auto parsed = PhiLevels::fromKey(phi.toString())) {
                webhook.phiLevel = *parsed;
            } else {
                error(tr("unknown phiLevel “%1”; use none, limited or full.").arg(DisplayText::excerpt(phi.toString(), 60)));
            }
        }
        webhook.allowLoopbackHttp = expect("allowLoopbackHttp", QJsonValue::Bool, false).toBool(false);
        webhook.caFile = expect("caFile", QJsonValue::String, false).toString();
        webhook.internalEndpoint = expect("internalEndpoint", QJsonValue::Bool, false).toBool(false);
        webhook.payloadLanguage = expect("payloadLanguage", QJsonValue::String, false).toString(QStringLiteral("en"));
        const QJsonObject epic = expect("epic", QJsonValue::Object, false).toObject();
        for (auto it = epic.begin(); it != epic.end(); ++it) {
            if (!knownEpicKeys.contains(it.key()))
                error(tr("unknown key “epic.%1”.").arg(DisplayText::excerpt(it.key(), 60)));
            else if (!it.value().isString())
                error(tr("“epic.%1” must be a string.").arg(DisplayText::excerpt(it.key(), 60)));
        }
        webhook.epic = epicSettingsFromJson(epic);
        if (!epic.isEmpty() && webhook.kind != WebhookKind::Epic)
            error(tr("“epic” settings belong to Epic webhooks only."));

        if (result.errors.size() == errorsBefore) {
            const QList<FieldError> fieldErrors = WebhookValidator::validate(webhook, namesSoFar);
            for (const FieldError &fieldError : fieldErrors)
                error(fieldError.message);
        }
        namesSoFar.add(webhook.name);
        result.webhooks.append(webhook);
    }
    if (!result.ok())
        result.webhooks.clear();
    return result;
}

QByteArray WebhookConfig::serialize(const QList<Webhook> &webhooks)
{
    QList<Webhook> sorted = webhooks;
    std::sort(sorted.begin(), sorted.end(), [](const Webhook &a, const Webhook &b) { return a.name < b.name; });
    QJsonArray array;
    for (const Webhook &w : std::as_const(sorted)) {
        QJsonObject headers;
        for (const auto &[headerName, headerValue] : w.headers)
            headers.insert(headerName, headerValue);
        QJsonObject object{
            {QStringLiteral("name"), w.name},
            {QStringLiteral("kind"), WebhookKinds::key(w.kind)},
            {QStringLiteral("url"), urlText(w.url)},
            {QStringLiteral("active"), w.active},
            {QStringLiteral("description"), w.description},
            {QStringLiteral("events"), QJsonArray::fromStringList(w.events)},
            {QStringLiteral("timeoutSeconds"), w.timeoutSeconds},
            {QStringLiteral("headers"), headers},
            {QStringLiteral("phiLevel"), PhiLevels::key(w.phiLevel)},
            {QStringLiteral("allowLoopbackHttp"), w.allowLoopbackHttp},
            {QStringLiteral("caFile"), w.caFile},
            {QStringLiteral("internalEndpoint"), w.internalEndpoint},
            {QStringLiteral("payloadLanguage"), w.payloadLanguage},
        };
        if (w.kind == WebhookKind::Epic)
            object.insert(QStringLiteral("epic"), epicSettingsToJson(w.epic));
        array.append(object);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("webhooks"), array}}).toJson(QJsonDocument::Indented);
}

bool WebhookConfig::writeFile(const QString &path, const QByteArray &contents, QString *errorMessage)
{
    QSaveFile file(path);
    // The temporary file is created with the process umask: make it private from the start, since Slack and
    // Teams URLs are credentials.
    const mode_t previousMask = umask(077);
    const bool opened = file.open(QIODevice::WriteOnly);
    umask(previousMask);
    if (!opened || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *errorMessage = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(contents) != contents.size() || !file.commit()) {
        *errorMessage = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
