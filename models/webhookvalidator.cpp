#include "models/webhookvalidator.h"

#include "models/eventtype.h"

#include <QDir>
#include <QHostAddress>

QList<FieldError> WebhookValidator::validate(const Webhook &webhook, const QStringList &otherNames)
{
    QList<FieldError> errors;
    auto add = [&errors](FieldError::Field field, const QString &message) {
        if (!message.isEmpty())
            errors.append({field, message});
    };
    add(FieldError::Field::Name, checkName(webhook.name, otherNames));
    add(FieldError::Field::Url, checkUrl(webhook.url, webhook.url.toString(), webhook.allowLoopbackHttp));
    if (webhook.timeoutSeconds < minTimeoutSeconds || webhook.timeoutSeconds > maxTimeoutSeconds)
        add(FieldError::Field::Timeout, tr("The timeout must be between %1 and %2 seconds.")
                                            .arg(minTimeoutSeconds)
                                            .arg(maxTimeoutSeconds));
    add(FieldError::Field::Headers, checkHeaders(webhook.headers));
    add(FieldError::Field::Events, checkEvents(webhook.kind, webhook.events));
    if (!webhook.caFile.isEmpty() && !QDir::isAbsolutePath(webhook.caFile))
        add(FieldError::Field::CaFile, tr("The certificate authority file must be given with its absolute path."));
    add(FieldError::Field::Epic, checkEpicSettings(webhook.epic));
    if (webhook.description.size() > 2000)
        add(FieldError::Field::Description, tr("The description is longer than 2,000 characters."));
    return errors;
}

QString WebhookValidator::checkName(const QString &name, const QStringList &otherNames)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter a name.");
    if (trimmed != name)
        return tr("The name must not start or end with spaces.");
    if (name.size() > maxNameLength)
        return tr("The name is longer than %1 characters.").arg(maxNameLength);
    for (const QString &other : otherNames) {
        if (other.compare(name, Qt::CaseInsensitive) == 0)
            return tr("A webhook named “%1” already exists.").arg(other);
    }
    return {};
}

bool WebhookValidator::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString WebhookValidator::checkUrl(const QUrl &url, const QString &typedText, bool allowLoopbackHttp)
{
    // An invalid QUrl prints as nothing, so emptiness is judged on what was typed or on the URL itself.
    if (typedText.trimmed().isEmpty() && url.isEmpty())
        return tr("Enter the endpoint URL.");
    // The typed text is not repeated: a Slack or Teams URL is a credential, and messages reach logs and terminals.
    if (!url.isValid())
        return tr("This is not a valid URL: check for spaces or characters a URL cannot contain.");
    const QString scheme = url.scheme().toLower();
    if (scheme.isEmpty() || url.host().isEmpty())
        return tr("This is not a complete URL; it must start with https:// and name a host.");
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return tr("“%1” endpoints are not supported; use https://.").arg(url.scheme());
    if (!url.userInfo().isEmpty())
        return tr("Do not put a user name or password in the URL; store credentials as the webhook's secret.");
    if (!url.fragment().isEmpty())
        return tr("A URL fragment (#…) is never sent to the server; remove it.");
    if (scheme == QLatin1String("http")) {
        if (!allowLoopbackHttp)
            return tr("Plain http:// is refused because patient data must travel encrypted; use https://.");
        if (!isLoopbackHost(url.host()))
            return tr("Plain HTTP is allowed only to this machine (localhost, 127.0.0.1, ::1), not to %1.").arg(url.host());
    }
    return {};
}

QString WebhookValidator::checkHeaders(const HeaderList &headers)
{
    // Headers the console computes itself; a custom value would break delivery or signatures.
    static const QStringList reserved = {
        QStringLiteral("host"), QStringLiteral("content-length"), QStringLiteral("content-type"),
        QStringLiteral("transfer-encoding"), QStringLiteral("connection"), QStringLiteral("authorization"),
        QStringLiteral("webhook-id"), QStringLiteral("webhook-timestamp"), QStringLiteral("webhook-signature"),
    };
    // RFC 9110 token characters.
    static const QString tokenSymbols = QStringLiteral("!#$%&'*+-.^_`|~");
    QStringList seen;
    for (const auto &[headerName, headerValue] : headers) {
        if (headerName.isEmpty())
            return tr("A custom header has no name.");
        for (QChar c : headerName) {
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && !tokenSymbols.contains(c))
                return tr("The header name “%1” contains “%2”, which HTTP does not allow.").arg(headerName, c);
        }
        if (reserved.contains(headerName.toLower()))
            return tr("The header “%1” is set by the console and cannot be overridden.").arg(headerName);
        if (seen.contains(headerName.toLower()))
            return tr("The header “%1” is listed twice.").arg(headerName);
        seen.append(headerName.toLower());
        if (headerValue.contains(QLatin1Char('\r')) || headerValue.contains(QLatin1Char('\n')))
            return tr("The value of header “%1” contains a line break.").arg(headerName);
    }
    return {};
}

QString WebhookValidator::checkEvents(WebhookKind kind, const QStringList &events)
{
    if (events.isEmpty())
        return tr("Subscribe to at least one event.");
    for (const QString &name : events) {
        const EventType *event = EventCatalog::find(name);
        if (!event)
            return tr("“%1” is not a goReporter event.").arg(name);
        if (kind == WebhookKind::Epic && !event->mapsToDiagnosticReport)
            return tr("Epic receives FHIR DiagnosticReports, which exist only for report and battery events; "
                      "“%1” cannot be sent to Epic.").arg(name);
    }
    return {};
}

QString WebhookValidator::checkEpicSettings(const EpicSettings &epic)
{
    const QList<QPair<QUrl, QString>> urls = {{epic.tokenUrl, tr("token URL")}, {epic.fhirBaseUrl, tr("FHIR base URL")}};
    for (const auto &[url, what] : urls) {
        if (url.isEmpty())
            continue;
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
            return tr("The Epic %1 must be an https:// URL.").arg(what);
    }
    return {};
}
