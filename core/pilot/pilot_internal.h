// core/pilot/pilot_internal.h — internal to core/pilot: the JSON half of readPilot (syntax,
// types, unknown keys, schema migration; values unchecked) and the value checks as
// (field path, message) pairs, which readPilot locates in the text and validatePilot returns.
#pragma once

#include "core/common/result.h"
#include "core/device/device.h"
#include "core/pilot/pilot.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace qpilot::pilot {

Result<Pilot> parsePilotJson(const std::string& json, const std::string& fileName);
std::string writeJsonObjectForErrors(const QJsonObject& object);

struct Issue {
    std::string path;    // "devices[1]", "objectives.max_latency_s"
    std::string message; // without the path
};
std::vector<Issue> checkPilot(const Pilot& pilot);

// A device the pilot names: an id, NAME@DATE, or a profile JSON (relative to baseDirectory).
Result<DeviceProfile> findPilotDevice(const std::string& id, const std::string& baseDirectory);

} // namespace qpilot::pilot
