// core/pilot/run_keys.cpp — the stable keys and titles of run statuses and pipeline stages
// (stored in the run store and printed by the CLI; never rename a key).
#include "core/pilot/run.h"

namespace qpilot::pilot {

const char* runStatusKey(RunStatus s)
{
    switch (s) {
    case RunStatus::Running: return "running";
    case RunStatus::Completed: return "completed";
    case RunStatus::Failed: return "failed";
    case RunStatus::Cancelled: return "cancelled";
    }
    return "failed";
}

Result<RunStatus> runStatusFromKey(const std::string& key)
{
    for (RunStatus s : {RunStatus::Running, RunStatus::Completed, RunStatus::Failed, RunStatus::Cancelled})
        if (key == runStatusKey(s))
            return s;
    return Error("unknown run status '" + key + "' (expected running, completed, failed or cancelled)");
}

const char* stageKey(Stage s)
{
    switch (s) {
    case Stage::Data: return "data";
    case Stage::Baseline: return "baseline";
    case Stage::Circuits: return "circuits";
    case Stage::Devices: return "devices";
    case Stage::Reproducibility: return "reproducibility";
    case Stage::Scorecard: return "scorecard";
    case Stage::Report: return "report";
    }
    return "data";
}

const char* stageTitle(Stage s)
{
    switch (s) {
    case Stage::Data: return "Load and fingerprint data";
    case Stage::Baseline: return "Tune classical baselines";
    case Stage::Circuits: return "Build circuits and train the quantum model";
    case Stage::Devices: return "Transpile, simulate with noise, mitigate, cost";
    case Stage::Reproducibility: return "Repeat with derived seeds";
    case Stage::Scorecard: return "Score readiness";
    case Stage::Report: return "Write the report";
    }
    return "";
}

} // namespace qpilot::pilot
