// core/pilot/pipeline.h — runs a pilot end to end: load + fingerprint data → tuned classical
// baselines → build the model circuit and train the quantum model → per device: transpile,
// evaluate with the device's noise, mitigate, sample → cost and latency → reproducibility (k
// derived seeds) → done. Progress per stage, cooperative cancel, and a run that fails or is
// cancelled midway returns what it finished with the reason. Scoring and the report are not
// done here (core/readiness, core/report). Runs headless on any thread.
#pragma once

#include "core/circuit/ir.h"
#include "core/pilot/pilot.h"
#include "core/pilot/run.h"

#include <atomic>
#include <functional>
#include <string>

namespace qpilot::pilot {

struct Progress {
    Stage stage = Stage::Data;
    double fraction = 0;                          // of this stage, 0..1
    std::string message;                          // "ibm_torino: transpiling"
};

struct PipelineHooks {
    std::function<void(const Progress&)> progress;          // called from the running thread
    // Called after each stage with the run so far (the store commits it).
    std::function<void(const PilotRun&, Stage)> stageFinished;
    const std::atomic<bool>* cancel = nullptr;               // set → the run stops with Cancelled
    int threads = 0;                                         // 0 = all hardware threads; results do not depend on it
};

// Runs `pilot` (validated first: a pilot with errors returns Failed with the errors in
// stopReason and no stage run). Never throws; always returns a run with a final status.
PilotRun runPilot(const Pilot& pilot, const PipelineHooks& hooks = {});

// The pilot's model circuit as the pipeline builds it, without training: the custom OpenQASM when
// the pilot has one, else the untrained model circuit (kernel: the feature map; vqc: encoding +
// ansatz) for the dataset's features after preprocessing (reads the dataset to count them).
// Errors name the field (circuit.custom_qasm, dataset.source, model.kind, ...).
Result<Circuit> modelCircuit(const Pilot& pilot);

} // namespace qpilot::pilot
