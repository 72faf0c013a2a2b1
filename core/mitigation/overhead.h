// core/mitigation/overhead.h — mitigation plans as values and their overhead accounting:
// extra circuits, shot multiplier for equal precision, calibration circuits and shots, depth
// multiplier of folding, total executions, PEC γ from depolarizing noise, ZNE extrapolation
// weights (Richardson, least-squares polynomial, exponential). Formulas and defaults follow
// shared/reference/devices-prices-mitigation.md §1 (table 1.1, §1.2–§1.6) and §7; [Sx] tags
// name the sources listed there.
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qpilot {

struct DeviceProfile;
struct TranspileResult;

namespace mitigation {

enum class ReadoutMethod { Full, Tensored, Subspace };          // 2^n, 2, 2N calibration circuits [S9,S7]
enum class Extrapolator { Linear, Polynomial, Richardson, Exponential };
enum class Folding { Global, Local, TwoQubitOnly, Pea };         // Pea: IBM noise amplification (no folding) [S2,S5]
enum class DDSequence { XX, XY4 };
enum class Allocation { Optimal, Equal };                        // ZNE shot allocation over noise factors

struct ReadoutPlan {
    ReadoutMethod method = ReadoutMethod::Tensored;
    std::int64_t calibrationShots = 10000;   // per calibration circuit, M3 default [S7]
};
struct TrexPlan {
    int randomizations = 32;                 // measure-noise learning default [S2]
    std::optional<std::int64_t> shotsPerRandomization; // nullopt: the circuit's shots (assumption)
};
struct ZnePlan {
    std::vector<double> scaleFactors{1, 3, 5};   // Qiskit default [S2]
    Extrapolator extrapolator = Extrapolator::Richardson;
    int order = 2;                               // polynomial order m (Polynomial only)
    Folding folding = Folding::TwoQubitOnly;     // IBM folds 2q gates only [S2,S5]
    Allocation allocation = Allocation::Optimal;
};
struct PecPlan {
    double maxOverhead = 100;                    // γ² cap, Qiskit max_overhead default [S2]
};
struct TwirlPlan {
    std::optional<int> randomizations;           // nullopt: Qiskit auto rule [S2]
};
struct LearningPlan {                            // IBM layer noise learning (PEA, PEC) [S2]
    std::optional<int> layers;                   // nullopt: min(max(2q depth, 1), 4)
    int bases = 9, depths = 6, randomizations = 32, shotsPerRandomization = 128;
};

struct MitigationPlan {
    std::optional<ReadoutPlan> readout;
    std::optional<TrexPlan> trex;
    std::optional<ZnePlan> zne;
    std::optional<PecPlan> pec;
    std::optional<TwirlPlan> twirl;
    std::optional<DDSequence> dd;
    LearningPlan learning;
    bool empty() const { return !readout && !trex && !zne && !pec && !twirl && !dd; }
};

// Parses "none", "rem", "rem:full|tensored|subspace", "trex", "zne", "pec", "twirl", "dd",
// "dd:xx|xy4" or a comma-separated list of them (defaults above). Errors name the bad item.
Result<MitigationPlan> parsePlan(const std::string& list);
// "zne(richardson 1,3,5; 2q folding) + trex" — a one-line description.
std::string describePlan(const MitigationPlan& plan);
// "linear", "poly:M", "richardson", "exponential".
Result<std::pair<Extrapolator, int>> parseExtrapolator(const std::string& text);
const char* extrapolatorName(Extrapolator e);
const char* foldingName(Folding f);

// The figures of one circuit that the overhead needs. Gate errors are average infidelities r
// (what RB and IBM's gate_error report); PEC converts them to process infidelities
// e_F = r·(d+1)/d (reference notation). Give either per-gate lists, or counts with median
// errors, or a total γ directly.
struct CircuitFigures {
    int measuredQubits = 0;
    int oneQubitGates = 0;                   // physical 1q gates (virtual rz excluded)
    int twoQubitGates = 0;
    int twoQubitDepth = 0;
    std::vector<double> errors1q, errors2q;  // per gate r; when empty: counts × error1q / error2q
    std::optional<double> error1q, error2q;  // median r
    std::vector<double> readoutErrors;       // per measured qubit, mean of p(0|1), p(1|0)
    std::optional<double> totalGamma;        // overrides the gate-error route for PEC
    std::optional<double> duration;          // seconds, one shot of the circuit (schedule)
    std::optional<double> twoQubitTime;      // seconds of one 2q layer (2q gate time)
    std::optional<double> readoutTime;       // seconds
    std::optional<double> successProbability; // estimated circuit fidelity F (for exponential ZNE)
};

// Figures of a transpiled circuit on its device: counts, 2q depth, duration and success from
// the transpiler's metrics, per-gate errors from gateError (virtual rz skipped) and per-qubit
// readout errors from the calibration (medians where missing).
CircuitFigures figuresOf(const TranspileResult& transpiled, const DeviceProfile& device);

struct ZneWeights {
    std::vector<double> beta;                // E0 = Σ β_i E(λ_i)
    double sumAbs = 0;                       // Σ|β_i|
    double sumSquares = 0;                   // Σβ_i²
};
// Richardson: β_i = Π_{j≠i} λ_j/(λ_j−λ_i) [S1,S30]. Polynomial order m: least-squares fit
// evaluated at 0, β = e_0ᵀ(VᵀV)⁻¹Vᵀ with V_ij = λ_i^j (Linear = order 1). Errors: fewer than
// order+1 distinct factors, a factor < 1, repeated factors.
Result<ZneWeights> extrapolationWeights(const std::vector<double>& factors, Extrapolator e, int order = 2);

// γ of one gate under depolarizing noise of process infidelity p (Mitiq representations [S1]):
// 1q γ = 1 + 2p/(1 − 4p/3); 2q γ = 1 + 2p/(1 − 16p/15). Error when the channel is not
// invertible (p ≥ 3/4 resp. 15/16) or p < 0.
Result<double> gammaOneQubit(double p);
Result<double> gammaTwoQubit(double p);
// e_F = r·(d+1)/d for a gate on `qubits` qubits (d = 2^qubits).
double processInfidelity(double r, int qubits);
// Total γ = Π γ_i over the circuit's gates, errors scaled by `errorScale` (what-if input).
Result<double> totalGamma(const CircuitFigures& figures, double errorScale = 1.0);

struct Overhead {
    // Per circuit of the workload, for `shots` shots:
    int circuits = 1;                    // distinct circuits executed (noise factors × random instances)
    int noiseFactors = 1;                // ZNE k (1 without ZNE)
    int instancesPerCircuit = 1;         // twirling / PEC random instances per noise factor
    double shotMultiplier = 1;           // equal-precision shots / unmitigated shots
    std::int64_t executionsConfigured = 0;     // shots × k (each factor at the same shots)
    std::int64_t executionsEqualPrecision = 0; // shots × shotMultiplier (rounded up)
    // Once per batch (job), independent of the number of circuits:
    std::int64_t calibrationCircuits = 0;
    std::int64_t calibrationShots = 0;
    // Depth and duration of the executed circuits:
    double depthMultiplier = 1;          // 2q depth of the deepest executed circuit / original
    double meanDepthMultiplier = 1;      // Σλ/k
    double foldingShare = 0;             // share of executed 2q layers added by folding, 1 − 1/Σλ
    std::optional<double> meanDuration;  // seconds per shot averaged over the noise factors
    // Details:
    std::optional<ZneWeights> zne;
    std::optional<double> gamma, gammaSquared; // PEC
    std::optional<double> readoutFidelity;     // f = Π(1 − 2 p_q) (TREX/REM variance)
    std::vector<std::string> notes;            // effect estimates and assumptions, one sentence each
};

// The overhead of `plan` on a circuit with `figures`, run at `shots` shots. Errors: shots < 1,
// bad ZNE factors, PEC without gate errors or γ, PEC γ² above the plan's cap (the message
// gives γ² and the cap), REM full calibration on more than 20 measured qubits.
Result<Overhead> overheadFor(const MitigationPlan& plan, const CircuitFigures& figures, std::int64_t shots);

} // namespace mitigation
} // namespace qpilot
