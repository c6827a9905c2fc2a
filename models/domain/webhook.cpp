// A configured webhook: where goReporter events go, in which format, with how much patient data.
#include "models/domain/webhook.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>

QString Webhook::maskedEndpoint() const
{
    return maskedUrl(url, kind);
}

QString Webhook::maskedUrl(const QUrl &url, WebhookKind kind)
{
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("(not a valid URL)");
    if (WebhookKinds::urlIsCredential(kind))
        return url.scheme() + QStringLiteral("://") + url.host() + QStringLiteral("/…");
    const QString shown = url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::FullyEncoded);
    return url.hasQuery() ? shown + QStringLiteral("?…") : shown;
}

QJsonObject Webhook::auditSnapshot() const
{
    // Custom headers often carry API keys: the audit trail records that a value changed, not the value.
    QJsonObject headersObject;
    for (const auto &[headerName, headerValue] : headers)
        headersObject.insert(headerName, QString(QStringLiteral("sha256:") + QString::fromLatin1(QCryptographicHash::hash(
                                             headerValue.toUtf8(), QCryptographicHash::Sha256).toHex().left(12))));
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("kind"), WebhookKinds::key(kind)},
        {QStringLiteral("url"), maskedEndpoint()},
        {QStringLiteral("active"), active},
        {QStringLiteral("description"), description},
        {QStringLiteral("timeoutSeconds"), timeoutSeconds},
        {QStringLiteral("headers"), headersObject},
        {QStringLiteral("events"), QJsonArray::fromStringList(events)},
        {QStringLiteral("phiLevel"), PhiLevels::key(phiLevel)},
        {QStringLiteral("allowLoopbackHttp"), allowLoopbackHttp},
        {QStringLiteral("caFile"), caFile},
        {QStringLiteral("internalEndpoint"), internalEndpoint},
        {QStringLiteral("epic"), epic.isEmpty() ? QJsonValue() : QJsonValue(epicSettingsToJson(epic))},
        {QStringLiteral("payloadLanguage"), payloadLanguage},
    };
}

QString urlText(const QUrl &url)
{
    return url.toString(QUrl::FullyEncoded);
}

QUrl urlFromText(const QString &text)
{
    return QUrl(text, QUrl::StrictMode);
}

QString WebhookNames::key(const QString &name)
{
    // Upper then lower case applies Unicode's full mappings (ß → SS → ss, ﬀ → FF → ff) that a simple fold misses;
    // twice, because a capital that lowers to a special-cased letter (ẞ → ß) needs a second pass.
    QString folded = name.normalized(QString::NormalizationForm_KC);
    for (int pass = 0; pass < 2; ++pass)
        folded = folded.toUpper().toLower();
    return folded.normalized(QString::NormalizationForm_KC);
}

QJsonObject epicSettingsToJson(const EpicSettings &epic)
{
    return QJsonObject{
        {QStringLiteral("clientId"), epic.clientId},
        {QStringLiteral("tokenUrl"), urlText(epic.tokenUrl)},
        {QStringLiteral("fhirBaseUrl"), urlText(epic.fhirBaseUrl)},
        {QStringLiteral("scope"), epic.scope},
        {QStringLiteral("keyId"), epic.keyId},
    };
}

EpicSettings epicSettingsFromJson(const QJsonObject &object)
{
    EpicSettings epic;
    epic.clientId = object.value(QLatin1String("clientId")).toString();
    epic.tokenUrl = urlFromText(object.value(QLatin1String("tokenUrl")).toString());
    epic.fhirBaseUrl = urlFromText(object.value(QLatin1String("fhirBaseUrl")).toString());
    epic.scope = object.value(QLatin1String("scope")).toString();
    epic.keyId = object.value(QLatin1String("keyId")).toString();
    return epic;
}

namespace WebhookKinds {

QString key(WebhookKind kind)
{
    switch (kind) {
    case WebhookKind::Slack: return QStringLiteral("slack");
    case WebhookKind::Teams: return QStringLiteral("teams");
    case WebhookKind::Epic: return QStringLiteral("epic");
    case WebhookKind::Generic: return QStringLiteral("generic");
    }
    return {};
}

std::optional<WebhookKind> fromKey(const QString &key)
{
    for (WebhookKind kind : all()) {
        if (WebhookKinds::key(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QString displayName(WebhookKind kind)
{
    switch (kind) {
    case WebhookKind::Slack: return QCoreApplication::translate("WebhookKinds", "Slack");
    case WebhookKind::Teams: return QCoreApplication::translate("WebhookKinds", "Microsoft Teams");
    case WebhookKind::Epic: return QCoreApplication::translate("WebhookKinds", "Epic EMR (FHIR R4)");
    case WebhookKind::Generic: return QCoreApplication::translate("WebhookKinds", "Generic JSON");
    }
    return {};
}

QList<WebhookKind> all()
{
    return {WebhookKind::Slack, WebhookKind::Teams, WebhookKind::Epic, WebhookKind::Generic};
}

PhiLevel defaultPhiLevel(WebhookKind kind)
{
    return kind == WebhookKind::Epic ? PhiLevel::Full : PhiLevel::None;
}

bool urlIsCredential(WebhookKind kind)
{
    return kind == WebhookKind::Slack || kind == WebhookKind::Teams;
}

} // namespace WebhookKinds

namespace PhiLevels {

QString key(PhiLevel level)
{
    switch (level) {
    case PhiLevel::None: return QStringLiteral("none");
    case PhiLevel::Limited: return QStringLiteral("limited");
    case PhiLevel::Full: return QStringLiteral("full");
    }
    return {};
}

std::optional<PhiLevel> fromKey(const QString &key)
{
    for (PhiLevel level : all()) {
        if (PhiLevels::key(level) == key)
            return level;
    }
    return std::nullopt;
}

QString displayName(PhiLevel level)
{
    switch (level) {
    case PhiLevel::None: return QCoreApplication::translate("PhiLevels", "None");
    case PhiLevel::Limited: return QCoreApplication::translate("PhiLevels", "Limited");
    case PhiLevel::Full: return QCoreApplication::translate("PhiLevels", "Full");
    }
    return {};
}

QString explanation(PhiLevel level)
{
    switch (level) {
    case PhiLevel::None:
        return QCoreApplication::translate("PhiLevels", "Identifiers and a link to goReporter only; no patient data.");
    case PhiLevel::Limited:
        return QCoreApplication::translate("PhiLevels", "Patient initials and medical record number, the clinic, the "
                                                        "physician and the task's assignee.");
    case PhiLevel::Full:
        return QCoreApplication::translate("PhiLevels", "Everything of “limited”, plus the full patient name, birth "
                                                        "date, device serial number, free texts and the report PDF.");
    }
    return {};
}

QList<PhiLevel> all()
{
    return {PhiLevel::None, PhiLevel::Limited, PhiLevel::Full};
}

} // namespace PhiLevels
