// core/common/json.h — parsing a JSON text into a QJsonObject with a located error: a syntax
// error names the file, the 1-based line and the column (in characters) where QJsonDocument
// stopped, and a document that is not an object gets the caller's message. Shared by every
// JSON format Qpilot reads (device profiles, calibrations, price tables, IonQ circuits).
#pragma once

#include "core/common/result.h"

#include <QJsonObject>

#include <string>
#include <string_view>

namespace qpilot {

// `notObjectMessage` is the whole message when the top level is not an object (e.g. "a
// device profile must be a JSON object").
Result<QJsonObject> parseJsonObject(std::string_view text, const std::string& fileName,
                                    const std::string& notObjectMessage);

} // namespace qpilot
