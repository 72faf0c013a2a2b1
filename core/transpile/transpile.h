// core/transpile/transpile.h — entry header of the transpiler: compiles a circuit for a device
// profile into an ISA circuit (physical qubits, native gates only, two-qubit gates only on
// coupled pairs) and reports layouts and metrics. Stages, each a free function on plain values
// in its own file: unroll (unroll.cpp) → two-qubit canonicalisation and basis translation
// (basis.cpp, with 1-qubit synthesis in synthesis_1q.cpp) → layout (layout.cpp) → SABRE routing
// (routing.cpp) → optimisation (optimise.cpp) → ASAP scheduling (schedule.cpp) and metrics (metrics.cpp).
// The pipeline and the optimisation levels live in transpile.cpp; docs/transpiler.md explains all.
//
// Global phase: every stage is exact including the global phase. Stages keep it as top-level
// gphase operations; transpile() strips them into TranspileResult::globalPhase, so
//   P·U_input (placed on the initial layout) = e^{i globalPhase}·U_isa, see TranspileResult.
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"
#include "core/device/device.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qpilot {

// ---- coupling map -----------------------------------------------------------------------

struct CouplingMap {
    int numQubits = 0;
    bool allToAll = false;
    bool directed = false;
    std::vector<std::vector<int>> neighbours; // undirected adjacency, sorted
    std::vector<int> distance;                // all-pairs hop distance, numQubits², -1 = unreachable
    std::vector<std::uint8_t> forward;        // numQubits²: native 2q gate allowed as (a, b)

    int dist(int a, int b) const { return distance[size_t(a) * size_t(numQubits) + size_t(b)]; }
    bool coupled(int a, int b) const { return allToAll ? a != b : dist(a, b) == 1; }
    bool allowed(int a, int b) const { return forward[size_t(a) * size_t(numQubits) + size_t(b)] != 0; }
    bool connected() const;
};

// The coupling map of a device (BFS distances). Errors: a device without couplers that is not
// all-to-all ("device X has no coupling map"), couplers naming missing qubits.
Result<CouplingMap> couplingMapFor(const DeviceProfile& device);

// ---- native basis and synthesis ---------------------------------------------------------

enum class OneQubitBasis {
    ZSX,    // rz, sx (+ x): rz·sx·rz·sx·rz (IBM)
    ZRX,    // rz, rx(±π/2, π): rz·rx(π/2)·rz·rx(π/2)·rz (Rigetti)
    PRX,    // prx only: two prx (IQM)
    PRXRZ,  // prx + virtual rz (Quantinuum)
    GPI,    // gpi, gpi2 only: gpi2·gpi2·gpi (IonQ)
    GPIRZ,  // gpi, gpi2 + virtual rz
};

struct NativeBasis {
    OneQubitBasis oneQubit = OneQubitBasis::ZSX;
    bool hasX = false;                   // ZSX: x is native (used for θ = π)
    GateKind twoQubit = GateKind::CZ;    // CX realised with: CX, CZ, ECR, RZZ or MS
    std::vector<GateKind> nativeKinds;   // every native gate kind of the device
    bool isNative(GateKind k) const;
};

// The device's native gate set as gate kinds; errors name an unknown gate name or a set
// without a usable 1-qubit or 2-qubit basis.
Result<NativeBasis> nativeBasisFor(const DeviceProfile& device);

// A gate sequence on local operands with a global phase: ops (in circuit order) realise
// e^{-i phase}·U, i.e. U = e^{i phase}·(product of ops).
struct GateSequence {
    std::vector<GateOp> gates;
    double phase = 0;
};

// Exact synthesis of a 2x2 unitary into the basis (operand 0); fewer gates where the Euler
// angles allow (θ = 0, π/2, π; identity gives no gates).
GateSequence synthesizeOneQubit(const Matrix& u, OneQubitBasis basis, bool hasX);

// ---- stages -----------------------------------------------------------------------------

// Binds nothing: free parameters are an error. Inlines definitions and rewrites modifiers and
// gates on 3+ qubits into standard gates on at most 2 qubits (exact, with gphase ops).
Result<Circuit> unrollCircuit(const Circuit& circuit);

// Rewrites every 2-qubit gate that is not kept by the basis (native 2q kinds other than
// ECR on a directed device stay) into CX and 1-qubit gates. Input: unrolled.
Result<Circuit> canonicalizeTwoQubit(const Circuit& circuit, const NativeBasis& basis);

// Translates a routed circuit (physical qubits, 2q gates on coupled pairs, Swap and CX
// allowed) into native gates: CX/Swap via the basis' 2q gate with exact 1-qubit corrections,
// direction flips for directed couplers, every 1-qubit gate synthesised. With mergeRuns,
// runs of 1-qubit gates are multiplied and synthesised once.
Result<Circuit> translateToBasis(const Circuit& routed, const NativeBasis& basis, const CouplingMap& map,
                                 bool mergeRuns);

enum class LayoutMethod { Trivial, Dense, NoiseAware };
const char* layoutMethodName(LayoutMethod m);
std::optional<LayoutMethod> layoutMethodByName(const std::string& name);

// Logical → physical for the circuit's qubits (size circuit.numQubits()), distinct physical
// qubits. Dense: the most connected set of physical qubits, busiest logical qubits in the
// best-connected places. Noise-aware: like dense, scored by 2q and readout error (falls back
// to dense scoring where the device lacks errors).
Result<std::vector<int>> chooseLayout(const Circuit& circuit, const DeviceProfile& device, const CouplingMap& map,
                                      LayoutMethod method);

struct RoutingOptions {
    std::uint64_t seed = 0;
    double extendedWeight = 0.5; // weight of the lookahead (extended set) term
    int extendedSize = 20;       // 2q gates in the extended set
    double decayDelta = 0.001;   // decay added per swap on its qubits
    int decayReset = 5;          // decay resets after this many swaps
};

struct RoutedCircuit {
    Circuit circuit;                     // on device.numQubits physical qubits, Swap gates inserted
    std::vector<int> initialLayout;      // logical → physical
    std::vector<int> finalLayout;        // logical → physical after the swaps
    std::vector<int> permutation;        // physical p at the start ends on permutation[p]
    int swaps = 0;
};

// SABRE routing (Li, Ding, Xie, ASPLOS 2019): front layer, extended-set lookahead, decay,
// seeded tie-break (splitmix64 from options.seed). If/else bodies are not routed: their
// two-qubit gates must already sit on coupled pairs (error otherwise).
Result<RoutedCircuit> routeSabre(const Circuit& circuit, const CouplingMap& map, const std::vector<int>& initialLayout,
                                 const RoutingOptions& options);

// Peephole passes (on physical or logical circuits; exact with gphase ops). Each returns the
// number of rewrites it made.
int removeIdentities(Circuit& circuit);   // rz(2πk) (with phase), id, zero-angle rotations
int cancelInversePairs(Circuit& circuit); // adjacent g·g⁻¹ on the same qubits (cx·cx, cz·cz, ecr·ecr, ...)
int commuteRzThroughControls(Circuit& circuit); // moves diagonal 1q gates past cz (both sides) and cx/ecr controls
// Multiplies each run of adjacent 1-qubit gates and resynthesises it in the basis.
int mergeOneQubitRuns(Circuit& circuit, const NativeBasis& basis);

// ---- schedule and metrics ---------------------------------------------------------------

struct Schedule {
    double duration = 0;                 // seconds, ASAP
    std::vector<double> busy;            // per physical qubit: seconds of operations
    std::vector<double> idle;            // per qubit: first op start → last op end, minus busy
    std::vector<bool> active;            // qubit has any operation
    std::string missing;                 // nonempty: a gate/delay duration the device lacks (what)
    bool readoutUnknown = false;         // measured/reset but no readoutTime (counted as 0 s)
};

// ASAP schedule with gateDuration per gate and qubits; rz and gphase are virtual (0 s),
// measurement = readoutTime, reset = readoutTime, barriers synchronise, delays use their
// seconds. Idle time of a qubit counts from its first operation's start to its last
// operation's end (after its final measurement a qubit's decay no longer matters).
Schedule scheduleCircuit(const Circuit& isa, const DeviceProfile& device);

struct TranspileMetrics {
    int depth = 0;              // longest op chain (gates, measure, reset; rz counted)
    int twoQubitDepth = 0;      // longest chain of 2q gates
    int twoQubitCount = 0;
    int oneQubitCount = 0;      // native 1q gates incl. virtual rz
    int swaps = 0;              // swaps inserted by routing
    int measurements = 0;
    std::optional<double> duration;           // seconds; nullopt when a duration is unknown
    std::optional<double> successProbability; // see docs/transpiler.md
    std::string successNote;                  // why successProbability is nullopt, or an assumption made
};

// Metrics of an ISA circuit on the device. successProbability =
//   Π_gates (1 − r_g·(d+1)/d) · Π_measured (1 − p_ro,q) · Π_active qubits e^(−idle_q / T1_q)
// with r_g from gateError (calibration else median), d = 2^arity, p_ro the mean of p(0|1)
// and p(1|0), virtual rz counted as error-free. Unknown gate errors, readout errors, T1 or
// gate durations make it nullopt (successNote says which); an unknown readout time only
// counts measurements as 0 s in the idle times (noted).
TranspileMetrics computeMetrics(const Circuit& isa, const DeviceProfile& device, int swaps);

// ---- the pipeline -----------------------------------------------------------------------

struct TranspileOptions {
    int level = 1;                       // 0..3
    std::uint64_t seed = 0;
    std::optional<LayoutMethod> layout;  // default: trivial at 0, noise-aware (dense without errors) above
};

struct TranspileResult {
    Circuit circuit;                     // ISA circuit: register "q" of device.numQubits qubits
    double globalPhase = 0;              // P·(U_input on initialLayout) = e^{i globalPhase}·U_isa
    std::vector<int> initialLayout;      // logical → physical
    std::vector<int> finalLayout;        // logical → physical at the end (routing permutation applied)
    std::vector<int> permutation;        // physical wire p at the start ends on permutation[p] (P above)
    LayoutMethod layoutMethod = LayoutMethod::Trivial;
    TranspileMetrics metrics;
};

// Levels: 0 translate + trivial layout + SABRE; 1 + merge 1q runs, cancel inverses, remove
// identities, dense/noise-aware layout; 2 + rz commutation to a fixed point and a forward-
// backward SABRE layout refinement; 3 + 8 seeded SABRE trials keeping the fewest 2q gates.
Result<TranspileResult> transpile(const Circuit& circuit, const DeviceProfile& device,
                                  const TranspileOptions& options = {});

} // namespace qpilot
