// Building Slack messages within Slack's limits.
#include "network/payloads/slackformatter.h"

#include "models/domain/payloadtext.h"

#include "models/domain/eventtype.h"
#include "network/payloads/genericformatter.h"
#include "network/payloads/phiview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QString codeFenceOpen = QStringLiteral("```\n");
const QString codeFenceClose = QStringLiteral("\n```");

QString severityEmoji(const QString &eventType)
{
    const EventType *type = EventCatalog::find(eventType);
    switch (type ? type->severity : EventSeverity::Info) {
    case EventSeverity::Critical: return QStringLiteral("🚨");
    case EventSeverity::Warning: return QStringLiteral("⚠️");
    case EventSeverity::Success: return QStringLiteral("✅");
    case EventSeverity::Info: break;
    }
    return QStringLiteral("🔔");
}

// The escaped form of the longest prefix of plain whose escaped form plus "…" fits maxLength; plain escaped if it fits.
QString escapedCut(const QString &plain, qsizetype maxLength, bool *wasCut)
{
    const QString whole = SlackFormatter::escapeMrkdwn(plain);
    *wasCut = whole.size() > maxLength;
    if (!*wasCut)
        return whole;
    qsizetype low = 0;
    qsizetype high = plain.size();
    while (low < high) {  // the longest prefix length whose escaped form leaves room for the ellipsis
        const qsizetype middle = (low + high + 1) / 2;
        if (SlackFormatter::escapeMrkdwn(plain.left(middle)).size() + 1 <= maxLength)
            low = middle;
        else
            high = middle - 1;
    }
    return SlackFormatter::escapeMrkdwn(plain.left(TextCut::boundaryAtOrBefore(plain, low))) + QChar(TextCut::ellipsis);
}

// Where to end a chunk of escaped text of at most maxLength: on a line break if one is in the second half,
// never inside an entity such as &amp; or inside a character.
qsizetype chunkEnd(const QString &escaped, qsizetype maxLength)
{
    qsizetype end = TextCut::boundaryAtOrBefore(escaped, maxLength);
    const qsizetype ampersand = escaped.lastIndexOf(QLatin1Char('&'), end - 1);
    if (ampersand >= 0 && ampersand > end - 5) {
        const qsizetype semicolon = escaped.indexOf(QLatin1Char(';'), ampersand);
        if (semicolon < 0 || semicolon >= end)
            end = ampersand;
    }
    const qsizetype newline = escaped.lastIndexOf(QLatin1Char('\n'), end - 1);
    if (newline > end / 2)
        end = newline;
    return std::max<qsizetype>(end, 1);
}

QJsonObject mrkdwnSection(const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("section")},
                       {QStringLiteral("text"), QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                                                            {QStringLiteral("text"), text}}}};
}

} // namespace

bool SlackFormatter::supports(const QString &eventType) const
{
    return EventCatalog::find(eventType) != nullptr;
}

QString SlackFormatter::escapeMrkdwn(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('&'), QStringLiteral("&amp;"));
    escaped.replace(QLatin1Char('<'), QStringLiteral("&lt;"));
    escaped.replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    return escaped;
}

std::optional<Payload> SlackFormatter::format(const Event &event, PhiLevel phi, QString *errorMessage) const
{
    if (!supports(event.type)) {
        if (errorMessage)
            *errorMessage = tr("“%1” is not a goReporter event type.").arg(event.type);
        return std::nullopt;
    }
    const PhiView view(event, phi);
    Payload payload;
    QStringList cutParts;
    QJsonArray blocks;

    const QString header = severityEmoji(event.type) + QLatin1Char(' ') + view.title();
    if (header.size() > maxHeaderText) {
        payload.warnings.append(tr("The Slack header was cut to %1 characters.").arg(maxHeaderText));
        cutParts.append(PayloadText::translated("SlackFormatter", QT_TRANSLATE_NOOP("SlackFormatter", "header")));
    }
    blocks.append(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("header")},
        {QStringLiteral("text"), QJsonObject{{QStringLiteral("type"), QStringLiteral("plain_text")},
                                             {QStringLiteral("text"), TextCut::cut(header, maxHeaderText)},
                                             {QStringLiteral("emoji"), true}}}});

    // The link goes last and is never cut: it is where the reader finds whatever the message leaves out.
    const QString link = event.link().toString(QUrl::FullyEncoded);
    const QString linkLine = link.isEmpty() ? QString()
                                            : QStringLiteral("\n<") + link + QLatin1Char('|')
                                                  + escapeMrkdwn(view.linkLabel()) + QLatin1Char('>');
    bool summaryCut = false;
    const QString summary = escapedCut(view.summary(), maxSectionText - linkLine.size(), &summaryCut);
    if (summaryCut) {
        payload.warnings.append(tr("The Slack summary was cut to %1 characters.").arg(maxSectionText));
        cutParts.append(PayloadText::translated("SlackFormatter", QT_TRANSLATE_NOOP("SlackFormatter", "summary")));
    }
    blocks.append(mrkdwnSection(summary + linkLine));

    // The raw event, in as many code blocks as the block limit allows; one block stays free for the cut note.
    const QString code = escapeMrkdwn(
        QString::fromUtf8(QJsonDocument(GenericFormatter::envelope(event, phi)).toJson(QJsonDocument::Indented))
            .trimmed());
    const qsizetype room = maxSectionText - codeFenceOpen.size() - codeFenceClose.size();
    const qsizetype codeBlocksAvailable = maxBlocks - blocks.size() - 1;
    qsizetype position = 0;
    for (qsizetype block = 0; block < codeBlocksAvailable && position < code.size(); ++block) {
        const QString rest = code.mid(position);
        QString chunk;
        if (rest.size() <= room) {
            chunk = rest;
            position = code.size();
        } else if (block + 1 == codeBlocksAvailable) {
            const qsizetype end = chunkEnd(rest, room - 1);
            chunk = rest.left(end) + QChar(TextCut::ellipsis);
            position += end;
        } else {
            const qsizetype end = chunkEnd(rest, room);
            chunk = rest.left(end);
            position += end;
            if (position < code.size() && code.at(position) == QLatin1Char('\n'))
                ++position;  // the fences already separate the blocks
        }
        blocks.append(mrkdwnSection(codeFenceOpen + chunk + codeFenceClose));
    }
    if (position < code.size()) {
        payload.warnings.append(tr("Slack shows at most %1 blocks of %2 characters: the event JSON (%3 characters) was "
                                   "cut after %4 characters.")
                                    .arg(maxBlocks)
                                    .arg(maxSectionText)
                                    .arg(code.size())
                                    .arg(position));
        cutParts.append(PayloadText::translated("SlackFormatter", QT_TRANSLATE_NOOP("SlackFormatter", "event JSON")));
    }

    bool textCut = false;
    const QString text =
        escapedCut(view.title() + QStringLiteral(" — ") + view.summary(), maxText - linkLine.size(), &textCut) + linkLine;
    if (textCut) {
        payload.warnings.append(tr("The Slack notification text was cut to %1 characters.").arg(maxText));
        cutParts.append(PayloadText::translated("SlackFormatter", QT_TRANSLATE_NOOP("SlackFormatter", "notification text")));
    }

    if (!cutParts.isEmpty()) {
        const QString note = QStringLiteral("✂️ ")
                             + escapeMrkdwn(PayloadText::translated("SlackFormatter", QT_TRANSLATE_NOOP("SlackFormatter", "Shortened to fit Slack's limits (%1); open goReporter for the whole "
                                               "event."))
                                                .arg(cutParts.join(QStringLiteral(", "))));
        blocks.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("context")},
            {QStringLiteral("elements"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("type"), QStringLiteral("mrkdwn")},
                 {QStringLiteral("text"), note}}}}});
    }

    payload.body = QJsonDocument(QJsonObject{{QStringLiteral("text"), text}, {QStringLiteral("blocks"), blocks}})
                       .toJson(QJsonDocument::Compact);
    payload.headers = {{"Content-Type", "application/json"}};
    const QString warning = PayloadWarnings::patientData(kind(), phi, event);
    if (!warning.isEmpty())
        payload.warnings.append(warning);
    return payload;
}
