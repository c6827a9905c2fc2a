// Choosing the formatter for a webhook kind, and what all of them warn about.
#include "network/payloads/payloadformatter.h"

#include "network/payloads/epicformatter.h"
#include "network/payloads/genericformatter.h"
#include "network/payloads/slackformatter.h"
#include "network/payloads/teamsformatter.h"

#include <QCoreApplication>

std::unique_ptr<PayloadFormatter> PayloadFormatter::create(WebhookKind kind)
{
    switch (kind) {
    case WebhookKind::Slack: return std::make_unique<SlackFormatter>();
    case WebhookKind::Teams: return std::make_unique<TeamsFormatter>();
    case WebhookKind::Epic: return std::make_unique<EpicFormatter>();
    case WebhookKind::Generic: return std::make_unique<GenericFormatter>();
    }
    return nullptr;
}

namespace PayloadWarnings {

QString patientData(WebhookKind kind, PhiLevel phi, const Event &event)
{
    // Epic is the record system: patient data is what it is for, so only the chat and generic receivers get a warning.
    if (kind == WebhookKind::Epic || phi == PhiLevel::None || !event.patient)
        return {};
    if (phi == PhiLevel::Limited)
        return QCoreApplication::translate("PayloadWarnings",
                                           "This payload contains patient initials and medical record numbers (PHI "
                                           "level “limited”): send it only to a receiver approved for patient data.");
    return QCoreApplication::translate("PayloadWarnings",
                                       "This payload contains patient names, birth dates and clinical details (PHI "
                                       "level “full”): send it only to a receiver approved for patient data.");
}

} // namespace PayloadWarnings
