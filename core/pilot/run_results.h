// core/pilot/run_results.h — internal to core/pilot: the results-only JSON object of a run (what
// resultDigest hashes and compareResults walks), written by run_json.cpp with the same field
// rules as runToJson. Not an entry header; use run.h.
#pragma once

#include "core/pilot/run.h"

#include <QJsonObject>

namespace qpilot::pilot {

QJsonObject resultsObject(const PilotRun& run);

} // namespace qpilot::pilot
