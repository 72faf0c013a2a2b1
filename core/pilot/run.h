// core/pilot/run.h — what running a pilot produced, as one value: the configuration it ran
// (canonical pilot JSON), provenance (seed, versions, dataset fingerprint, calibration and price
// sources), stage timings and status, the tuned baselines, the quantum model per seed, the
// per-device outcomes (transpiled figures, noisy accuracy, mitigation effect and overhead,
// sampled counts, cost and latency), the encoding cost curve and the reproducibility spread.
// The pipeline (pipeline.h) fills it, the run store persists it, the scorecard and the report
// read it. JSON (de)serialisation and the digest used by "reproduce run" are declared here.
#pragma once

#include "core/common/result.h"
#include "core/ml/baseline.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace qpilot::pilot {

enum class RunStatus { Running, Completed, Failed, Cancelled };
const char* runStatusKey(RunStatus s);            // "running", "completed", "failed", "cancelled"
Result<RunStatus> runStatusFromKey(const std::string& key);

// The pipeline's stages, in order.
enum class Stage { Data, Baseline, Circuits, Devices, Reproducibility, Scorecard, Report };
constexpr int kStageCount = 7;
const char* stageKey(Stage s);                    // "data", "baseline", ...
const char* stageTitle(Stage s);                  // "Load and fingerprint data", ...

struct StageRecord {
    Stage stage = Stage::Data;
    std::string status;                           // "done", "failed", "cancelled", "skipped"
    double seconds = 0;
    std::string message;                          // why it failed / what it did, one line
};

// One repetition of the quantum model with a derived seed (reproducibility).
struct SeedOutcome {
    std::uint64_t seed = 0;
    double accuracy = 0;                          // ideal (noise-free) test accuracy
    double f1 = 0;
    double trainSeconds = 0;
};

// Zero-noise extrapolation of the representative observable on one device (empty factors: the
// plan has no ZNE). The fitted curve is the extrapolator's model sampled at curveFactors.
struct ZneSeries {
    std::vector<double> factors;                  // realised noise scale factors λ_i
    std::vector<double> values, stdErrors;        // measured noisy <O> at each factor
    std::string method;                           // "richardson", "linear", "poly:2", "exponential", ...
    double estimate = 0, stdError = 0;            // extrapolated value at λ = 0
    std::vector<double> curveFactors, curveValues; // fitted curve, λ from 0 to max factor
};

// Overhead of one mitigation technique alone on one device (mitigation::overheadFor on the
// transpiled circuit's figures; time× from cost::latencyOf's execution time).
struct TechniqueOverhead {
    std::string technique;                        // "rem", "zne", "pec", "twirl", "dd"
    double shotMultiplier = 1;                    // equal-precision shots ×
    std::optional<double> timeMultiplier;         // QPU time ×; nullopt: the device lacks timing figures
    int circuits = 1;                             // distinct circuits per execution
    std::string error;                            // non-empty: not applicable here (e.g. PEC γ² above the cap)
};

// The transpiler's success model at increasing depth: the transpiled circuit preceded by
// `layers` − 1 copies of its gates (same physical qubits, measured once), scored with computeMetrics.
struct DepthPoint {
    int layers = 1;
    int depth = 0;
    int twoQubitGates = 0;
    std::optional<double> successProbability;     // nullopt: the profile lacks the figures
};

// What one target device did with the pilot's circuit.
struct DeviceOutcome {
    std::string deviceId;                         // as named in the pilot (incl. @DATE)
    std::string deviceName;                       // profile display name
    std::string provider;
    std::string calibrationSource;                // profile source / snapshot date
    std::string error;                            // non-empty: this device failed (message), rest unset
    // transpiled model circuit (one sample bound)
    int logicalQubits = 0;
    int oneQubitGates = 0, twoQubitGates = 0, depth = 0, twoQubitDepth = 0;
    double durationSeconds = 0;                   // one shot
    double successProbability = 0;                // transpiler's estimate (0 when unknown, see below)
    bool successProbabilityKnown = true;          // false: the profile lacks the figures (a note says which)
    double transpileSeconds = 0;
    std::string transpiledQasm;                   // OpenQASM 3, physical qubits
    // the model evaluated with the device's noise (density matrix), same split as ideal
    double noisyAccuracy = 0;
    // mitigation of the representative circuit's observable on the noisy simulator
    std::string mitigationPlan;                   // describePlan
    std::string observable;                       // Pauli string
    double idealValue = 0, noisyValue = 0, mitigatedValue = 0;
    double mitigatedStdError = 0;
    double shotMultiplier = 1;                    // equal-precision shots × (overheadFor)
    double timeMultiplier = 1;                    // QPU time mitigated / unmitigated
    int circuitsPerExecution = 1;                 // overhead circuits (noise factors × instances)
    std::map<std::string, std::int64_t> counts;   // sampled noisy counts (pilot shots, run seed)
    ZneSeries zne;                                // the plan's ZNE run (empty when the plan has none)
    std::vector<TechniqueOverhead> techniqueOverheads; // rem, zne, pec, twirl, dd, each alone
    std::vector<DepthPoint> successByDepth;       // layers 1..kSuccessCurveLayers
    // cost and latency (cost::costOf / latencyOf with the pilot's cost assumptions)
    std::string priceKey, pricePlan, priceDate, priceSource;
    double costPer1kUsd = 0;                      // with mitigation
    double costPer1kUnmitigatedUsd = 0;
    std::string costFormula;
    double latencyCompile = 0, latencyQueue = 0, latencyNetwork = 0;
    std::optional<double> latencyExecution;       // nullopt: the device lacks timing figures
    std::optional<double> latencySeconds;         // per inference, total
    double circuitExecutionsPerInference = 0;     // kernel: one per support vector; vqc: 1
    std::vector<std::string> notes;
};

// Encoding cost vs features: the model circuit built for `features` inputs and transpiled.
struct EncodingPoint {
    int features = 0;
    int qubits = 0;
    int twoQubitGates = 0;                        // logical (before transpilation)
    int depth = 0;
    std::map<std::string, int> transpiledTwoQubitGates; // device id → 2q gates after transpiling
};

// Rows of the stored kernel sample and layers of the success-vs-depth curve.
constexpr int kKernelSampleMaxRows = 40;
constexpr int kSuccessCurveLayers = 8;

struct PilotRun {
    // identity and provenance
    std::string pilotName;
    std::string pilotFile;                        // as given (may be empty)
    std::string configurationJson;                // writePilot() of the pilot that ran
    std::uint64_t seed = 0;
    std::string appVersion;                       // QPILOT_VERSION
    std::string buildId;                          // compiler + build type + git describe when known
    std::string user;                             // OS account that ran it
    std::string startedAt, finishedAt;            // ISO 8601 UTC
    RunStatus status = RunStatus::Running;
    std::string stopReason;                       // failed/cancelled: which stage and why
    std::vector<StageRecord> stages;              // in order, only those that started
    // data
    std::string datasetName, datasetSource, datasetFingerprint;
    int rows = 0, features = 0, classes = 0, trainRows = 0, testRows = 0;
    int encodedFeatures = 0;                      // after PCA
    std::string preprocessing;                    // one line
    // circuits
    std::string circuitQasm;                      // the model circuit, OpenQASM 3, symbolic parameters
    std::string circuitHash;                      // SHA-256 of circuitQasm
    std::string circuitDescription;               // "zz (reps 1, full), 4 qubits"
    // models
    std::vector<ml::ModelReport> baselines;       // tuned, in pilot order
    int bestBaseline = -1;                        // index of the best test accuracy
    ml::ModelReport quantum;                      // the quantum model at the run seed (ideal)
    long long trainingExecutions = 0;             // circuits a QPU runs to train (each at the pilot's shots):
                                                  // kernel n(n-1)/2 compute-uncompute pairs; vqc as optimised
    double kernelAlignment = 0;                   // kernel model only
    double kernelOffDiagonalMean = 0, kernelOffDiagonalVariance = 0;
    std::vector<double> trainingLoss;             // vqc only
    // kernel only: the ideal (statevector) Gram matrix of the first kernelSampleRows training rows,
    // row-major kernelSampleRows², for the heat map and the off-diagonal histogram
    int kernelSampleRows = 0;
    std::vector<double> kernelSample;
    std::vector<SeedOutcome> seeds;               // reproducibility repeats (first = run seed)
    double accuracySpread = 0;                    // max − min over seeds
    double accuracyStd = 0;                       // sample standard deviation over seeds
    // devices and economics
    std::vector<DeviceOutcome> devices;           // in pilot order
    std::vector<EncodingPoint> encodingCurve;
    double classicalPer1kUsd = 0;                 // dedicated instance
    double classicalServerlessPer1kUsd = 0;
    double classicalLatencySeconds = 0;
    std::string priceTablesUsed;                  // files / dates, one line
    std::vector<std::string> warnings;
};

// Canonical JSON text of a run (stable key order; doubles printed with 17 significant digits so
// reading back gives bit-identical values) and its inverse.
std::string runToJson(const PilotRun& run);
Result<PilotRun> runFromJson(const std::string& json);

// SHA-256 (hex) of the run's results only — everything the pipeline computed that must not depend
// on the machine or the clock: metrics, predictions, counts, figures, costs. Timings, timestamps,
// user, build id and measured throughputs are excluded.
std::string resultDigest(const PilotRun& run);
// The result fields that differ between two runs ("devices[0].counts['0101']: 12 vs 13"), at most
// `limit` entries; empty = bit-identical results.
std::vector<std::string> compareResults(const PilotRun& a, const PilotRun& b, int limit = 50);

} // namespace qpilot::pilot
