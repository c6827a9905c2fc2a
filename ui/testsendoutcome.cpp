// The test-send dialog's result: the banner, what it means, where it was recorded, the request and the answer.
#include "ui/testsenddialog.h"

#include "models/domain/redaction.h"
#include "ui/httpmessageview.h"

#include <QLabel>

namespace {

QString bannerStyle(const char *background, const char *text, const char *border)
{
    return QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 3px; padding: 6px;"
                          " font-weight: 600; }")
        .arg(QLatin1String(background), QLatin1String(text), QLatin1String(border));
}

QString successStyle() { return bannerStyle("#e6f4ea", "#0d5323", "#a8dab5"); }
QString failureStyle() { return bannerStyle("#fde7e9", "#8a1c1c", "#f1aeb5"); }
QString neutralStyle() { return bannerStyle("#f1f1f1", "#3c3c3c", "#c8c8c8"); }

// Failures that stop a delivery before the request leaves: the request panel must not suggest it was received.
bool neverReachedReceiver(DeliveryResult::Error error)
{
    using Error = DeliveryResult::Error;
    return error == Error::InvalidRequest || error == Error::Dns || error == Error::Blocked
           || error == Error::ConnectionRefused || error == Error::Tls || error == Error::Authentication;
}

// What went wrong in a few words, for the banner; the sender's text and diagnosis follow below it.
QString failureTitle(DeliveryResult::Error error)
{
    using Error = DeliveryResult::Error;
    switch (error) {
    case Error::None: return {};
    case Error::InvalidRequest: return TestSendDialog::tr("the request is not valid");
    case Error::Dns: return TestSendDialog::tr("the receiver's name could not be resolved");
    case Error::Blocked: return TestSendDialog::tr("the address is not allowed");
    case Error::ConnectionRefused: return TestSendDialog::tr("the connection was refused");
    case Error::ConnectionClosed: return TestSendDialog::tr("the connection was closed without an answer");
    case Error::Tls: return TestSendDialog::tr("the receiver's certificate was not accepted");
    case Error::Timeout: return TestSendDialog::tr("no answer within the timeout");
    case Error::InactivityTimeout: return TestSendDialog::tr("the receiver stopped answering");
    case Error::Redirect: return TestSendDialog::tr("redirected");
    case Error::HttpClientError: return TestSendDialog::tr("the receiver refused the request");
    case Error::HttpServerError: return TestSendDialog::tr("the receiver failed");
    case Error::Authentication: return TestSendDialog::tr("no Epic access token");
    case Error::Network: return TestSendDialog::tr("network error");
    case Error::Cancelled: return TestSendDialog::tr("cancelled");
    }
    return {};
}

} // namespace

void TestSendDialog::clearResult()
{
    m_lastResult.reset();
    m_lastRecord.reset();
    m_lastMessageId.clear();
    m_recordError.clear();
    m_refusal.clear();
    m_requestView->setTitle(tr("Request"));
    m_requestView->showNothing(tr("Choose an event and press Send: the sample goes to the webhook's real address, "
                                  "signed as every delivery is."));
    m_responseView->showNothing(QString());
}

void TestSendDialog::showResult(const DeliveryResult &result)
{
    m_requestView->setTitle(neverReachedReceiver(result.error) ? tr("Request (not sent)") : tr("Request"));
    if (result.method.isEmpty()) {
        m_requestView->showNothing(tr("Nothing was sent."));
    } else {
        // The sender already redacted signatures and credentials; redacting again costs nothing and keeps a
        // future change there from showing a secret here.
        m_requestView->showMessage(QStringLiteral("%1 %2").arg(QString::fromLatin1(result.method), result.requestUrl),
                                   Redaction::redacted(result.requestHeaders), result.requestBody);
    }
    if (result.status > 0) {
        const QString statusLine = QStringLiteral("HTTP %1 %2").arg(result.status).arg(result.reasonPhrase).trimmed();
        m_responseView->showMessage(tr("%1 · latency %2 ms").arg(statusLine).arg(result.latencyMs),
                                    Redaction::redacted(result.responseHeaders), result.body, result.bodySize);
    } else {
        m_responseView->showNothing(result.error == DeliveryResult::Error::Cancelled
                                        ? tr("No answer: the send was cancelled.")
                                        : tr("No answer was received."));
    }
}

void TestSendDialog::showOutcome()
{
    QString banner;
    QString style;
    QStringList details;
    const std::optional<DeliveryResult> &result = m_lastResult;
    switch (m_outcome) {
    case Outcome::None:
        break;
    case Outcome::Refused:
        banner = tr("✘ Not sent");
        style = failureStyle();
        details.append(m_refusal);
        break;
    case Outcome::Cancelled:
        banner = result ? tr("Cancelled after %1 ms").arg(result->durationMs) : tr("Cancelled before anything was sent");
        style = neutralStyle();
        if (result) {
            details.append(result->errorText);
            details.append(tr("The request may have reached the receiver before it was cancelled."));
        }
        break;
    case Outcome::Delivered:
        banner = tr("✔ Delivered: HTTP %1 %2 · latency %3 ms")
                     .arg(result->status)
                     .arg(result->reasonPhrase)
                     .arg(result->latencyMs);
        style = successStyle();
        details.append(result->tokenRequested
                           ? tr("The receiver accepted the test event. The whole delivery took %1 ms, name lookup and "
                                "Epic token request included; the connection went to %2.")
                                 .arg(result->durationMs)
                                 .arg(result->connectedAddress)
                           : tr("The receiver accepted the test event. The whole delivery took %1 ms, name lookup "
                                "included; the connection went to %2.")
                                 .arg(result->durationMs)
                                 .arg(result->connectedAddress));
        break;
    case Outcome::Failed:
        banner = result->status > 0 ? tr("✘ Failed: %1 · latency %2 ms").arg(result->errorText).arg(result->latencyMs)
                                    : tr("✘ Failed: %1").arg(failureTitle(result->error));
        style = failureStyle();
        // The sender's text for a TLS failure repeats the certificate problems, which are listed below.
        if (result->status <= 0 && result->certificateProblems.isEmpty())
            details.append(result->errorText);
        if (!result->diagnosis.isEmpty())
            details.append(result->diagnosis);
        if (!result->certificateProblems.isEmpty()) {
            QStringList lines{tr("Certificate problems:")};
            for (const QString &problem : result->certificateProblems)
                lines.append(QStringLiteral("• ") + problem);
            details.append(lines.join(QLatin1Char('\n')));
        }
        break;
    }
    m_outcomeLabel->setText(banner);
    m_outcomeLabel->setStyleSheet(style);
    m_outcomeLabel->setVisible(!banner.isEmpty());
    details.removeAll(QString());
    m_diagnosisLabel->setText(details.join(QStringLiteral("\n\n")));
    m_diagnosisLabel->setVisible(!details.isEmpty());

    QString recorded;
    if (m_lastRecord && m_lastRecord->id > 0)
        recorded = tr("Recorded in the delivery log as a test: message %1, attempt %2.")
                       .arg(m_lastRecord->messageId)
                       .arg(m_lastRecord->attempt);
    else if (m_lastRecord)
        recorded = tr("⚠ This attempt could not be recorded in the delivery log: %1").arg(m_recordError);
    if (!m_lastDispatcher.isEmpty() && m_outcome != Outcome::None && m_outcome != Outcome::Refused)
        recorded = tr("Sent by the dispatcher %1.").arg(m_lastDispatcher)
                   + (recorded.isEmpty() ? QString() : QStringLiteral(" ") + recorded);
    m_recordLabel->setText(recorded);
    m_recordLabel->setStyleSheet(m_lastRecord && m_lastRecord->id == 0 ? QStringLiteral("color: #8a5a00;") : QString());
    m_recordLabel->setVisible(!recorded.isEmpty());
}
