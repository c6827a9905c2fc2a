// A delivery's outcome as JSON: how a dispatcher tells the console that asked for a test-send what came of it.
#pragma once

#include "network/delivery/deliverypipeline.h"

#include <QByteArray>

#include <optional>

namespace DeliveryOutcomeJson {
QByteArray serialize(const DeliveryOutcome &outcome);
// nullopt when json is not an outcome this program wrote.
std::optional<DeliveryOutcome> parse(const QByteArray &json);
} // namespace DeliveryOutcomeJson
