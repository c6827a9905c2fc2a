// Checks a webhook before it is stored; the editor, the importer and the repository share these rules.
#include "models/domain/webhookvalidator.h"

#include "models/domain/displaytext.h"
#include "models/domain/eventtype.h"
#include "models/domain/payloadtext.h"

#include <QDir>
#include <QStringList>
#include <QUrl>

TakenNames::TakenNames(const QStringList &names)
{
    for (const QString &name : names)
        add(name);
}

void TakenNames::add(const QString &name)
{
    m_byKey.insert(WebhookNames::key(name), name);
}

QString TakenNames::collidingWith(const QString &name) const
{
    return m_byKey.value(WebhookNames::key(name));
}

QList<FieldError> WebhookValidator::validate(const Webhook &webhook, const TakenNames &otherNames)
{
    QList<FieldError> errors;
    auto add = [&errors](FieldError::Field field, const QString &message) {
        if (!message.isEmpty())
            errors.append({field, message});
    };
    add(FieldError::Field::Name, checkName(webhook.name, otherNames));
    add(FieldError::Field::Url, checkUrl(webhook.url, urlText(webhook.url), webhook.allowLoopbackHttp));
    if (webhook.timeoutSeconds < minTimeoutSeconds || webhook.timeoutSeconds > maxTimeoutSeconds)
        add(FieldError::Field::Timeout, timeoutRangeMessage());
    add(FieldError::Field::Headers, checkHeaders(webhook.headers));
    add(FieldError::Field::Events, checkEvents(webhook.kind, webhook.events));
    if (!webhook.caFile.isEmpty() && !QDir::isAbsolutePath(webhook.caFile))
        add(FieldError::Field::CaFile, tr("The certificate authority file must be given with its absolute path."));
    add(FieldError::Field::Epic, checkEpicSettings(webhook.epic));
    if (!PayloadText::languages().contains(webhook.payloadLanguage))
        add(FieldError::Field::PayloadLanguage,
            tr("“%1” is not a payload language; use one of: %2.")
                .arg(DisplayText::excerpt(webhook.payloadLanguage, 20), PayloadText::languages().join(QStringLiteral(", "))));
    if (webhook.description.size() > 2000)
        add(FieldError::Field::Description, tr("The description is longer than 2,000 characters."));
    return errors;
}

QString WebhookValidator::timeoutRangeMessage()
{
    return tr("The timeout must be between %1 and %2 seconds.").arg(minTimeoutSeconds).arg(maxTimeoutSeconds);
}

QString WebhookValidator::checkName(const QString &name, const TakenNames &otherNames)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter a name.");
    if (name.size() > maxNameLength)
        return tr("The name is longer than %1 characters.").arg(maxNameLength);
    if (trimmed != name)
        return tr("The name must not start or end with spaces.");
    // Names reach terminals, logs and other programs' screens: no character may act instead of being shown.
    if (const auto c = DisplayText::firstControlOrFormat(name))
        return tr("The name contains the invisible control character %1; names may hold only visible characters "
                  "and spaces.").arg(DisplayText::codePoint(*c));
    if (const QString other = otherNames.collidingWith(name); !other.isEmpty())
        return nameTakenMessage(other);
    return {};
}

QString WebhookValidator::nameTakenMessage(const QString &otherName)
{
    return tr("A webhook named “%1” already exists.").arg(otherName);
}

bool WebhookValidator::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    // QUrl writes an IPv6 address in its shortest form ("0:0:0:0:0:0:0:1" becomes "::1").
    QUrl url;
    url.setHost(host);
    QString address = url.host();
    if (address == u"::1")
        return true;
    if (address.startsWith(u"::ffff:"))
        address = address.mid(7);
    // 127.0.0.0/8, written as four decimal parts.
    const QStringList parts = address.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        bool number = false;
        const int value = part.toInt(&number);
        if (!number || value < 0 || value > 255 || part.isEmpty() || part.size() > 3)
            return false;
    }
    return parts.first() == u"127";
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
        return tr("“%1” endpoints are not supported; use https://.").arg(DisplayText::excerpt(url.scheme(), 30));
    if (!url.userInfo().isEmpty())
        return tr("Do not put a user name or password in the URL; store credentials as the webhook's secret.");
    if (!url.fragment().isEmpty())
        return tr("A URL fragment (#…) is never sent to the server; remove it.");
    if (scheme == QLatin1String("http")) {
        if (!allowLoopbackHttp)
            return tr("Plain http:// is refused because patient data must travel encrypted; use https://.");
        if (!isLoopbackHost(url.host()))
            return tr("Plain HTTP is allowed only to this machine (localhost, 127.0.0.1, ::1), not to %1.").arg(DisplayText::excerpt(url.host(), 80));
    }
    return {};
}

QString WebhookValidator::checkHeaders(const HeaderList &headers)
{
    // Headers the console computes itself; a custom value would break delivery, signatures or the receiver's
    // routing. X-GoReporter-Event is the generic envelope's own.
    static const QStringList consoleOwned = {
        QStringLiteral("host"), QStringLiteral("content-length"), QStringLiteral("content-type"),
        QStringLiteral("authorization"), QStringLiteral("user-agent"), QStringLiteral("expect"),
        QStringLiteral("webhook-id"), QStringLiteral("webhook-timestamp"), QStringLiteral("webhook-signature"),
        QStringLiteral("x-goreporter-event"),
    };
    // Hop-by-hop fields (RFC 9110 section 7.6.1, RFC 9112) concern one connection, not the message.
    static const QStringList hopByHop = {
        QStringLiteral("connection"), QStringLiteral("keep-alive"), QStringLiteral("proxy-connection"),
        QStringLiteral("te"), QStringLiteral("trailer"), QStringLiteral("transfer-encoding"),
        QStringLiteral("upgrade"), QStringLiteral("proxy-authenticate"), QStringLiteral("proxy-authorization"),
    };
    // RFC 9110 section 5.6.2: a field name is a token.
    static const QString tokenSymbols = QStringLiteral("!#$%&'*+-.^_`|~");
    static constexpr int maxValueLength = 8192;
    QStringList seen;
    for (const auto &[headerName, headerValue] : headers) {
        const QString shownName = DisplayText::excerpt(headerName, 60);
        if (headerName.isEmpty())
            return tr("A custom header has no name.");
        for (QChar c : headerName) {
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && !tokenSymbols.contains(c))
                return tr("The header name “%1” contains %2, which HTTP does not allow in a name.")
                    .arg(shownName, DisplayText::codePoint(c.unicode()));
        }
        const QString lower = headerName.toLower();
        if (consoleOwned.contains(lower) || lower.startsWith(QLatin1String("webhook-")))
            return tr("The header “%1” is set by the console and cannot be overridden.").arg(shownName);
        if (hopByHop.contains(lower))
            return tr("The header “%1” controls the connection, not the message, and cannot be set.").arg(shownName);
        if (seen.contains(lower))
            return tr("The header “%1” is listed twice.").arg(shownName);
        seen.append(lower);
        // RFC 9110 section 5.5: visible characters (others go out as UTF-8, which the RFC calls obs-text), spaces
        // and tabs inside, none at either end; never a control character.
        if (headerValue.size() > maxValueLength)
            return tr("The value of header “%1” is longer than %2 characters.").arg(shownName).arg(maxValueLength);
        for (QChar c : headerValue) {
            const char16_t u = c.unicode();
            if (u == u'\r' || u == u'\n')
                return tr("The value of header “%1” contains a line break.").arg(shownName);
            if (u != u'\t' && DisplayText::isControlOrFormat(u))
                return tr("The value of header “%1” contains the control character %2.")
                    .arg(shownName, DisplayText::codePoint(u));
        }
        if (headerValue != headerValue.trimmed())
            return tr("The value of header “%1” must not start or end with spaces.").arg(shownName);
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
            return tr("“%1” is not a goReporter event.").arg(DisplayText::excerpt(name, 60));
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
