// What an HTTP error status means for each integration, and what the administrator can do about it.
#include "network/payloads/httpdiagnosis.h"

#include <algorithm>
#include <climits>

QString HttpDiagnosis::explain(const HttpErrorAnswer &answer)
{
    const int status = answer.status;
    const QString bodyText = QString::fromUtf8(answer.body.left(200)).trimmed();
    QString meaning;
    switch (answer.kind) {
    case WebhookKind::Slack:
        // Slack answers incoming-webhook errors with a short code in a plain-text body.
        if (bodyText == QLatin1String("no_service") || bodyText == QLatin1String("team_disabled")
            || bodyText == QLatin1String("no_team") || bodyText == QLatin1String("no_service_id")
            || bodyText == QLatin1String("channel_not_found") || status == 404)
            meaning = tr("Slack no longer knows this webhook URL: it was revoked, the app was removed, or the channel "
                         "was deleted. Create a new incoming webhook in Slack and enter its URL.");
        else if (bodyText == QLatin1String("channel_is_archived") || status == 410)
            meaning = tr("The Slack channel of this webhook is archived. Unarchive it or create a webhook for another "
                         "channel.");
        else if (bodyText == QLatin1String("action_prohibited") || bodyText == QLatin1String("posting_to_general_channel_denied"))
            meaning = tr("A Slack administrator restricted posting to this channel.");
        else if (bodyText == QLatin1String("invalid_token") || status == 403)
            meaning = tr("Slack refused the webhook's credentials; the URL may have been regenerated. Enter the current "
                         "URL from Slack.");
        else if (status == 400)
            meaning = tr("Slack could not read the message (“%1”). The payload does not fit Slack's message format.")
                          .arg(bodyText);
        else if (status == 429)
            meaning = tr("Slack is rate limiting this webhook (about one message per second per channel).");
        break;
    case WebhookKind::Teams:
        if (status == 400)
            meaning = tr("Teams could not read the message. Check that the card is a valid Adaptive Card (version 1.5 "
                         "or lower) wrapped in a message with attachments.");
        else if (status == 401 || status == 403)
            meaning = tr("Teams refused the request: the workflow's URL signature no longer matches, or the workflow "
                         "accepts only authenticated callers. Copy the current URL from the workflow's trigger.");
        else if (status == 404 || status == 410)
            meaning = tr("This Teams webhook no longer exists: the workflow or connector was deleted or retired. Create "
                         "a new workflow with a webhook trigger and enter its URL.");
        else if (status == 413)
            meaning = tr("The message is larger than Teams accepts (about 28 KB). Send less detail.");
        else if (status == 429)
            meaning = tr("Teams is throttling this webhook; too many messages were sent in a short time.");
        break;
    case WebhookKind::Epic:
        if (status == 401)
            meaning = tr("Epic did not accept the access token (expired or revoked). It was discarded; the next "
                         "attempt requests a new one.");
        else if (status == 403)
            meaning = tr("Epic refused the request: the client is not authorized for it. Check that the app has the "
                         "scope “%1” and is activated for this environment.")
                          .arg(answer.epicScope);
        else if (status == 404)
            meaning = tr("Epic has no such resource endpoint: check the FHIR base URL.");
        else if (status == 400 || status == 422)
            meaning = tr("Epic rejected the DiagnosticReport as invalid.");
        break;
    case WebhookKind::Generic:
        break;
    }
    if (meaning.isEmpty()) {
        switch (status) {
        case 400: meaning = tr("The receiver considers the request malformed; check that it expects this payload format."); break;
        case 401:
        case 403:
            meaning = tr("The receiver refused the request's credentials. Check that it has this webhook's current "
                         "signing secret and that the clocks of both computers are right (signatures are time-limited).");
            break;
        case 404: meaning = tr("The receiver has nothing at this URL; check the path."); break;
        case 405: meaning = tr("The receiver does not accept %1 at this URL.").arg(QString::fromLatin1(answer.method)); break;
        case 408: meaning = tr("The receiver gave up waiting for the request."); break;
        case 410: meaning = tr("The receiver says this endpoint was removed for good."); break;
        case 413: meaning = tr("The payload is larger than the receiver accepts."); break;
        case 415: meaning = tr("The receiver does not accept this content type."); break;
        case 422: meaning = tr("The receiver understood the request but refused its content."); break;
        case 429: meaning = tr("The receiver is rate limiting; too many requests were sent."); break;
        case 500: meaning = tr("The receiver failed while handling the request; its operator can see why in its logs."); break;
        case 502:
        case 504: meaning = tr("A gateway in front of the receiver could not reach it; try again later."); break;
        case 503: meaning = tr("The receiver is temporarily unavailable (maintenance or overload); try again later."); break;
        default:
            if (status >= 300 && status < 400)
                meaning = tr("The receiver redirected the request. Webhooks are not sent on to another address; if "
                             "the new address is right, enter it as the webhook's URL.");
            else
                meaning = status >= 500 ? tr("The receiver had a problem handling the request; try again later.")
                                        : tr("The receiver refused the request.");
        }
    }
    if (answer.retryAfterSeconds)
        meaning += QLatin1Char(' ') + tr("It asks to wait %n second(s) before trying again.", nullptr,
                                         int(std::min<qint64>(*answer.retryAfterSeconds, INT_MAX)));
    return meaning;
}
