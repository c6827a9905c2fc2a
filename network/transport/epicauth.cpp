// Epic (SMART Backend Services): client-assertion JWTs signed with the webhook's key, tokens and FHIR errors.
#include "network/transport/epicauth.h"

#include "models/domain/webhook.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/rand.h>

namespace {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QString EpicAuth::keyId(const EpicKey &key, const EpicAuthSettings &settings)
{
    return settings.keyId.isEmpty() ? key.thumbprint() : settings.keyId;
}

QByteArray EpicAuth::clientAssertion(const EpicKey &key, const EpicAuthSettings &settings, const QDateTime &now,
                                     QString *error)
{
    if (key.isNull()) {
        if (error)
            *error = tr("No Epic private key is available; generate one for this webhook first.");
        return {};
    }
    if (settings.clientId.isEmpty() || !settings.tokenUrl.isValid() || settings.tokenUrl.isEmpty()) {
        if (error)
            *error = tr("The Epic client id and token URL are both needed to request a token.");
        return {};
    }
    QByteArray jti(16, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(jti.data()), int(jti.size())) != 1) {
        if (error)
            *error = tr("The system's random number generator failed.");
        return {};
    }
    const QJsonObject header{
        {QStringLiteral("alg"), QStringLiteral("RS384")},
        {QStringLiteral("typ"), QStringLiteral("JWT")},
        {QStringLiteral("kid"), keyId(key, settings)},
    };
    const qint64 issuedAt = now.toSecsSinceEpoch();
    const QJsonObject claims{
        {QStringLiteral("iss"), settings.clientId},
        {QStringLiteral("sub"), settings.clientId},
        {QStringLiteral("aud"), settings.tokenUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("jti"), QString::fromLatin1(jti.toHex())},
        {QStringLiteral("iat"), issuedAt},
        {QStringLiteral("exp"), issuedAt + AssertionLifetimeSeconds},
    };
    const QByteArray signingInput = base64Url(compactJson(header)) + '.' + base64Url(compactJson(claims));
    const Result<QByteArray> signature = key.signRs384(signingInput);
    if (!signature) {
        if (error)
            *error = signature.message();
        return {};
    }
    return signingInput + '.' + base64Url(*signature);
}

QByteArray EpicAuth::tokenRequestBody(const QByteArray &assertion, const QString &scope)
{
    // Percent-encoding everything but unreserved characters is valid form encoding, and unlike QUrlQuery it
    // also escapes '+', which a form decoder would read as a space.
    auto field = [](const char *name, const QByteArray &value) -> QByteArray {
        return QByteArray(name) + '=' + QUrl::toPercentEncoding(QString::fromUtf8(value));
    };
    QByteArrayList fields{
        field("grant_type", "client_credentials"),
        field("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
        field("client_assertion", assertion),
    };
    if (!scope.isEmpty())
        fields.append(field("scope", scope.toUtf8()));
    return fields.join('&');
}

std::optional<EpicAccessToken> EpicAuth::parseTokenResponse(const QByteArray &body, const QDateTime &receivedAt,
                                                            QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = document.object();
    const QString token = object.value(QStringLiteral("access_token")).toString();
    if (parseError.error != QJsonParseError::NoError || token.isEmpty()) {
        if (error)
            *error = tr("The token endpoint's answer holds no access token.");
        return std::nullopt;
    }
    const QString type = object.value(QStringLiteral("token_type")).toString();
    if (type.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0) {
        if (error)
            *error = tr("The token endpoint issued a “%1” token; only bearer tokens are supported.").arg(type);
        return std::nullopt;
    }
    EpicAccessToken result;
    result.value = token.toLatin1();
    result.type = type;
    result.scope = object.value(QStringLiteral("scope")).toString();
    // expires_in is required by SMART Backend Services; without it, use the token once.
    const qint64 lifetime = object.value(QStringLiteral("expires_in")).toInteger(0);
    // Stop using a token shortly before it expires, so it cannot run out while a request is in flight.
    const qint64 margin = std::min<qint64>(30, lifetime / 10);
    result.expiresAt = receivedAt.addSecs(std::max<qint64>(0, lifetime - margin));
    return result;
}

QString EpicAuth::describeOperationOutcome(const QByteArray &body)
{
    const QJsonObject outcome = QJsonDocument::fromJson(body).object();
    if (outcome.value(QStringLiteral("resourceType")).toString() != QLatin1String("OperationOutcome"))
        return {};
    QStringList lines;
    const QJsonArray issues = outcome.value(QStringLiteral("issue")).toArray();
    for (const QJsonValue &value : issues) {
        const QJsonObject issue = value.toObject();
        QStringList texts;
        const QString details = issue.value(QStringLiteral("details")).toObject().value(QStringLiteral("text")).toString();
        if (!details.isEmpty())
            texts.append(details);
        const QJsonArray codings = issue.value(QStringLiteral("details")).toObject().value(QStringLiteral("coding")).toArray();
        if (details.isEmpty() && !codings.isEmpty()) {
            const QJsonObject coding = codings.first().toObject();
            const QString display = coding.value(QStringLiteral("display")).toString();
            texts.append(display.isEmpty() ? coding.value(QStringLiteral("code")).toString() : display);
        }
        const QString diagnostics = issue.value(QStringLiteral("diagnostics")).toString();
        if (!diagnostics.isEmpty() && diagnostics != details)
            texts.append(diagnostics);
        QStringList where;
        const QJsonArray expressions = issue.value(QStringLiteral("expression")).toArray();
        for (const QJsonValue &expression : expressions)
            where.append(expression.toString());
        QString line = tr("%1 (%2): %3")
                           .arg(issue.value(QStringLiteral("severity")).toString(),
                                issue.value(QStringLiteral("code")).toString(),
                                texts.isEmpty() ? tr("no details given") : texts.join(QStringLiteral(" — ")));
        if (!where.isEmpty())
            line += QLatin1Char(' ') + tr("at %1").arg(where.join(QStringLiteral(", ")));
        lines.append(line);
    }
    if (lines.isEmpty())
        return tr("The server answered with an OperationOutcome that lists no issues.");
    return lines.join(QLatin1Char('\n'));
}

QString EpicAuth::describeOAuthError(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString code = object.value(QStringLiteral("error")).toString();
    if (code.isEmpty())
        return {};
    const QString description = object.value(QStringLiteral("error_description")).toString();
    return description.isEmpty() ? code : tr("%1: %2").arg(code, description);
}

std::optional<EpicAccessToken> EpicTokenCache::find(const EpicAuthSettings &settings, const QDateTime &now) const
{
    const auto found = m_tokens.constFind(keyOf(settings));
    if (found == m_tokens.constEnd() || !found->isValidAt(now))
        return std::nullopt;
    return *found;
}

void EpicTokenCache::store(const EpicAuthSettings &settings, const EpicAccessToken &token)
{
    m_tokens.insert(keyOf(settings), token);
}

void EpicTokenCache::forget(const EpicAuthSettings &settings)
{
    m_tokens.remove(keyOf(settings));
}

QString EpicTokenCache::keyOf(const EpicAuthSettings &settings)
{
    return QStringList{urlText(settings.tokenUrl), settings.clientId, settings.scope, settings.keyId}.join(QChar(0x1f));
}
