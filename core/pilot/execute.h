// core/pilot/execute.h — one pilot run as the product does it, shared by `qpilot run`, `qpilot
// runs reproduce` and the workbench: validate, record the run in the store before it starts,
// run the pipeline committing each finished stage, version the model circuit, score readiness,
// build the report and hand it to a renderer (the caller's: PDF rendering lives in ui/), record
// the artefact and the scorecard. Stage timings of scoring and reporting join the run's record.
#pragma once

#include "core/common/result.h"
#include "core/pilot/pipeline.h"
#include "core/readiness/readiness.h"
#include "core/report/report.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace qpilot::pilot {

struct ExecuteOptions {
    std::string databasePath;                     // empty: do not store the run
    std::string reportPath;                       // empty: no report
    // When set, the report path for the stored run (its id; 0 when not stored): overrides
    // reportPath (the workbench names reports "<pilot>-run<id>.pdf"). Empty result: no report.
    std::function<std::string(std::int64_t runId)> reportPathForRun;
    // Renders the report document to reportPath (ui/report); required when reportPath is set.
    std::function<std::optional<Error>(const report::Document&, const std::string& path)> renderReport;
    PipelineHooks hooks;                          // progress, cancel, and a stage observer
    std::int64_t reproduces = 0;                  // this run re-executes stored run N (0: none)
    std::string pilotFile;                        // recorded as PilotRun::pilotFile
};

struct Execution {
    std::vector<Error> invalid;                   // the pilot's validation errors (nothing ran)
    std::optional<Error> storeError;              // the store could not be opened or written
    PilotRun run;
    std::int64_t runId = 0;                       // 0: not stored
    std::optional<std::int64_t> circuitVersion;
    readiness::RunScorecards cards;               // empty unless the run completed
    std::optional<Error> reportError;
    std::string reportSha256;
};

// A pilot with validation errors returns them in `invalid` without running anything. A store
// that cannot be opened is an error before anything runs; a store write that fails later stops
// the run (it would no longer be traceable) and is reported in storeError.
Execution executePilot(const Pilot& pilot, const ExecuteOptions& options);

// Re-scores a completed run with the operational facts the store knows (circuit versioned, run
// reproduced, exports present) — the scorecard the report and `runs show` quote.
readiness::RunScorecards scoreWithOperations(const PilotRun& run, const Pilot& pilot, bool circuitVersioned,
                                             bool reproduced, bool exportsPresent);

// Re-executing stored run `id` from its record alone (configuration, seed, dataset fingerprint;
// relative paths resolve beside the original pilot file), stored as a new run that reproduces it,
// every result field compared, the check recorded (RunStore::recordReproduction) and, when
// identical, both runs re-scored as reproduced. Shared by `qpilot runs reproduce` and the workbench.
struct Reproduction {
    std::optional<Error> error;                   // nothing (usable) was re-executed: why
    bool notReproducible = false;                 // error: the run is not completed (a usage problem)
    std::vector<Error> invalid;                   // the stored configuration no longer validates
    PilotRun stored;                              // run `id` as stored
    Execution execution;                          // the re-execution (execution.runId: the new run)
    std::vector<std::string> differences;         // result fields that differ (empty: identical)
    bool identical = false;
    std::string digest, reproducedDigest;         // result digests (reproducedDigest "" unless completed)
    std::vector<std::string> storeErrors;         // recording the check or the scores failed
};
Reproduction reproduceRun(const std::string& databasePath, std::int64_t id, const PipelineHooks& hooks = {});

// A stored run opened for viewing (the workbench's history, dashboards, scorecard, report): the
// run, the pilot it ran (from its stored configuration; relative paths resolve beside the
// original pilot file), the operational context the store knows (circuit versioned, reproduced
// bit-identically, artefacts exported) and, for a completed run, its scorecards in that context.
struct StoredRun {
    std::int64_t id = 0;
    PilotRun run;
    Pilot pilot;
    readiness::RunContext context;
    readiness::RunScorecards cards;
};
Result<StoredRun> loadStoredRun(const std::string& databasePath, std::int64_t id);

} // namespace qpilot::pilot
