// Building Adaptive Cards for Teams within Teams' message size limit.
#include "network/payloads/teamsformatter.h"

#include "models/domain/payloadtext.h"

#include "models/domain/eventtype.h"
#include "network/payloads/phiview.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

namespace {

const QString cardContentType = QStringLiteral("application/vnd.microsoft.card.adaptive");

} // namespace

namespace {

// An oversized card has its texts cut to this many characters, then half as many, until the message fits.
constexpr qsizetype firstCutLength = 4096;
constexpr qsizetype shortestCutLength = 16;
constexpr qsizetype noCut = std::numeric_limits<qsizetype>::max();

QJsonObject textBlock(const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("TextBlock")},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("wrap"), true}};
}

QJsonObject card(const PhiView &view, const QString &eventType, qsizetype maxTextLength, const QString &cutNote)
{
    QJsonObject title = textBlock(TextCut::cut(view.title(), maxTextLength));
    title.insert(QStringLiteral("weight"), QStringLiteral("Bolder"));
    title.insert(QStringLiteral("size"), QStringLiteral("Large"));
    QJsonObject description = textBlock(TextCut::cut(view.description(), maxTextLength));
    description.insert(QStringLiteral("isSubtle"), true);
    description.insert(QStringLiteral("spacing"), QStringLiteral("Small"));

    QJsonArray facts;
    for (const auto &[label, value] : view.facts()) {
        facts.append(QJsonObject{{QStringLiteral("title"), TextCut::cut(label, maxTextLength)},
                                 {QStringLiteral("value"), TextCut::cut(value, maxTextLength)}});
    }

    QJsonArray body{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("Container")},
                    {QStringLiteral("style"), TeamsFormatter::containerStyle(eventType)},
                    {QStringLiteral("bleed"), true},
                    {QStringLiteral("items"), QJsonArray{title, description}}},
        QJsonObject{{QStringLiteral("type"), QStringLiteral("FactSet")}, {QStringLiteral("facts"), facts}},
    };
    if (!cutNote.isEmpty()) {
        QJsonObject note = textBlock(cutNote);
        note.insert(QStringLiteral("isSubtle"), true);
        note.insert(QStringLiteral("size"), QStringLiteral("Small"));
        body.append(note);
    }

    QJsonObject adaptiveCard{
        {QStringLiteral("type"), QStringLiteral("AdaptiveCard")},
        {QStringLiteral("$schema"), QStringLiteral("http://adaptivecards.io/schemas/adaptive-card.json")},
        {QStringLiteral("version"), QStringLiteral("1.5")},
        {QStringLiteral("body"), body},
    };
    const QString link = view.event().link().toString(QUrl::FullyEncoded);
    if (!link.isEmpty()) {
        adaptiveCard.insert(QStringLiteral("actions"),
                            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Action.OpenUrl")},
                                                   {QStringLiteral("title"), view.linkLabel()},
                                                   {QStringLiteral("url"), link}}});
    }
    return adaptiveCard;
}

QByteArray message(const QJsonObject &adaptiveCard)
{
    const QJsonObject attachment{{QStringLiteral("contentType"), cardContentType},
                                 {QStringLiteral("content"), adaptiveCard}};
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                                     {QStringLiteral("attachments"), QJsonArray{attachment}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

bool TeamsFormatter::supports(const QString &eventType) const
{
    return EventCatalog::find(eventType) != nullptr;
}

QString TeamsFormatter::containerStyle(const QString &eventType)
{
    if (eventType == QLatin1String("battery.critical") || eventType == QLatin1String("task.overdue"))
        return QStringLiteral("attention");
    if (eventType == QLatin1String("battery.low") || eventType == QLatin1String("task.due"))
        return QStringLiteral("warning");
    if (eventType == QLatin1String("report.completed"))
        return QStringLiteral("good");
    return QStringLiteral("accent");
}

std::optional<Payload> TeamsFormatter::format(const Event &event, PhiLevel phi, QString *errorMessage) const
{
    if (!supports(event.type)) {
        if (errorMessage)
            *errorMessage = tr("“%1” is not a goReporter event type.").arg(event.type);
        return std::nullopt;
    }
    const PhiView view(event, phi);
    Payload payload;
    payload.sizeLimit = maxBodyBytes;
    payload.headers = {{"Content-Type", "application/json"}};
    payload.body = message(card(view, event.type, noCut, QString()));

    if (const qsizetype uncutSize = payload.body.size(); uncutSize > maxBodyBytes) {
        const QString note = PayloadText::translated("TeamsFormatter", QT_TRANSLATE_NOOP("TeamsFormatter", "Some details were shortened to fit Teams' 28 KB message limit; open goReporter for all "
                                "of them."));
        qsizetype maxTextLength = firstCutLength;
        payload.body = message(card(view, event.type, maxTextLength, note));
        while (payload.body.size() > maxBodyBytes && maxTextLength > shortestCutLength) {
            maxTextLength /= 2;
            payload.body = message(card(view, event.type, maxTextLength, note));
        }
        payload.warnings.append(tr("The Teams card was %1 bytes, over Teams' limit of %2 bytes: texts were cut to %3 "
                                   "characters.")
                                    .arg(uncutSize)
                                    .arg(maxBodyBytes)
                                    .arg(maxTextLength));
        if (payload.body.size() > maxBodyBytes)
            payload.warnings.append(tr("The Teams card is still %1 bytes, over Teams' limit of %2 bytes; Teams will "
                                       "refuse it.")
                                        .arg(payload.body.size())
                                        .arg(maxBodyBytes));
    }
    const QString warning = PayloadWarnings::patientData(kind(), phi, event);
    if (!warning.isEmpty())
        payload.warnings.append(warning);
    return payload;
}

QJsonObject TeamsFormatter::cardOf(const QByteArray &messageBody)
{
    const QJsonObject message = QJsonDocument::fromJson(messageBody).object();
    for (const QJsonValue &attachment : message.value(QLatin1String("attachments")).toArray()) {
        const QJsonObject object = attachment.toObject();
        if (object.value(QLatin1String("contentType")).toString() == cardContentType)
            return object.value(QLatin1String("content")).toObject();
    }
    return {};
}
