// A configured webhook: where goReporter events go, in which format, with how much patient data.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

enum class WebhookKind { Slack, Teams, Epic, Generic };
enum class PhiLevel { None, Limited, Full };

using HeaderList = QList<QPair<QString, QString>>;

// SMART Backend Services registration of an Epic webhook; the private key itself lives in the keychain.
struct EpicSettings
{
    QString clientId;
    QUrl tokenUrl;
    QUrl fhirBaseUrl;
    QString scope;
    QString keyId;

    bool operator==(const EpicSettings &other) const = default;
    bool isEmpty() const { return *this == EpicSettings(); }
};

struct Webhook
{
    QString id;                  // UUID without braces; empty until stored
    QString name;
    WebhookKind kind = WebhookKind::Generic;
    QUrl url;
    bool active = true;
    QString description;
    int timeoutSeconds = 15;
    HeaderList headers;          // custom request headers, in the order the administrator entered them
    QStringList events;          // subscribed event type names, sorted
    PhiLevel phiLevel = PhiLevel::None;
    bool allowLoopbackHttp = false;
    QString caFile;              // PEM bundle of a hospital-internal certificate authority, trusted in addition
    bool internalEndpoint = false; // an administrator's explicit permission to reach private addresses
    EpicSettings epic;
    QString payloadLanguage = QStringLiteral("en"); // the language of the words in payloads (PayloadText)
    QString secretFingerprint;   // prefix of the SHA-256 of the secret; the secret itself lives in the keychain
    QDateTime secretSetAt;
    QString previousSecretFingerprint; // during a rotation, the secret still signed with until secretGraceUntil
    QDateTime secretGraceUntil;
    QString createdBy;
    QDateTime createdAt;
    QString updatedBy;
    QDateTime updatedAt;
    int version = 0;             // optimistic lock: incremented by every stored change

    bool operator==(const Webhook &other) const = default;

    // The endpoint as it may be shown or logged (see maskedUrl).
    QString maskedEndpoint() const;
    // The one rule for URLs in logs, audit trails and exports: Slack and Teams URLs are credentials, so only scheme
    // and host show; other URLs lose their user info and fragment, and a query string, which may carry a token,
    // shows as "?…". An URL that cannot be used says so.
    static QString maskedUrl(const QUrl &url, WebhookKind kind);
    // The configuration fields (no bookkeeping, no secret material) as audit-log JSON.
    QJsonObject auditSnapshot() const;
};

QJsonObject epicSettingsToJson(const EpicSettings &epic);
// The one text form of a URL that is stored, compared and exported: fully percent-encoded, so that reading it
// back gives the same URL (Qt's default form decodes "%20" to a space, which a strict parser then refuses).
QString urlText(const QUrl &url);
// A URL typed, imported or read from the database; anything that is not a strictly valid URL stays invalid.
QUrl urlFromText(const QString &text);

namespace WebhookNames {
// Names are unique after Unicode compatibility normalisation (NFKC) and full case folding, so "Café" typed
// with or without a combining accent, "ﬁle" and "file", "Straße" and "STRASSE" are one name. The database keeps
// this key in a unique column; every lookup by name goes through it.
QString key(const QString &name);
} // namespace WebhookNames
EpicSettings epicSettingsFromJson(const QJsonObject &object);

namespace WebhookKinds {
QString key(WebhookKind kind);                       // "slack", "teams", "epic", "generic"
std::optional<WebhookKind> fromKey(const QString &key);
QString displayName(WebhookKind kind);
QList<WebhookKind> all();
// Slack, Teams and generic receivers get no patient data by default; Epic is the record system.
PhiLevel defaultPhiLevel(WebhookKind kind);
bool urlIsCredential(WebhookKind kind);
} // namespace WebhookKinds

namespace PhiLevels {
QString key(PhiLevel level);                         // "none", "limited", "full"
std::optional<PhiLevel> fromKey(const QString &key);
QString displayName(PhiLevel level);
QString explanation(PhiLevel level);
QList<PhiLevel> all();
} // namespace PhiLevels
