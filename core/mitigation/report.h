// core/mitigation/report.h — one call that runs a mitigation plan on the noisy simulator for a
// device and reports, per technique, the measured effect (ideal, noisy, mitigated, bias
// before/after, standard error), the overhead actually spent and the overhead overheadFor
// predicts for the transpiled circuit. Used by `qpilot mitigate` (and any UI).
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"
#include "core/mitigation/execute.h"
#include "core/mitigation/overhead.h"
#include "core/mitigation/pec.h"
#include "core/mitigation/readout.h"
#include "core/mitigation/suppression.h"
#include "core/mitigation/zne.h"

#include <optional>
#include <string>
#include <vector>

namespace qpilot {
struct DeviceProfile;
}

namespace qpilot::mitigation {

struct SimulatorRunOptions {
    int shots = 10000;            // per circuit; 0 = exact probabilities
    std::uint64_t seed = 0;
    PecOptions pec;               // the cap is taken from plan.pec when set
    int twirlRandomizations = 0;  // 0: plan.twirl's or Qiskit's automatic rule
    int maxQubits = 12;           // density-matrix simulation limit
};

struct TechniqueReport {
    std::string technique;                    // "rem", "zne", "pec", "twirl", "dd"
    Effect effect;
    std::optional<Overhead> predicted;        // overheadFor of a plan with just this technique
    std::vector<std::string> notes;
    std::optional<ReadoutCalibration> readout;
    std::optional<ZneResult> zne;
    std::optional<PecResult> pec;
    int pecRepresentedGates = 0;
    std::optional<TwirlResult> twirl;
    std::optional<DDSequence> ddSequence;
    int ddFilled = 0, ddSkipped = 0, ddPulses = 0;
    double ddSequenceSeconds = 0;
};

struct MitigationReport {
    int qubits = 0;
    std::string observable;                   // validated, upper case
    std::string placement;                    // where the logical qubits ran
    std::string noiseDescription;
    double ideal = 0;
    Measurement noisy;
    std::vector<TechniqueReport> techniques;  // in the order rem, zne, pec, twirl, dd
};

// Runs `plan` (rem, zne, pec, twirl, dd; trex and pea are not simulated) for ⟨observable⟩ of
// `circuit` with NoiseModel::fromDevice(device), logical qubit i on physical qubit i (no
// routing). Each technique is reported on its own; with rem in the plan the others read through
// its correction and are judged against the readout-corrected noisy value (noted). Predictions:
// overheadFor on figuresOf(transpile(circuit, device)) at max(shots, 1) shots. Errors (all bad
// input): mid-circuit measurement/reset, a bad observable, more qubits than the device or
// options.maxQubits, a device without a usable noise model, a transpile failure, trex/pea,
// bad ZNE factors, PEC γ² above the cap (with the number), gate durations missing for DD.
Result<MitigationReport> mitigateOnSimulator(const Circuit& circuit, const DeviceProfile& device,
                                             const std::string& observable, const MitigationPlan& plan,
                                             const SimulatorRunOptions& options);

} // namespace qpilot::mitigation
