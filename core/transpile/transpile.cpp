// core/transpile/transpile.cpp — the pipeline and the optimisation levels: unroll →
// two-qubit canonicalisation → layout (with SABRE forward-backward refinement and seeded
// trials at the higher levels) → routing → basis translation → peephole optimisation →
// global phase stripped → metrics.
#include "core/transpile/transpile.h"
#include "core/transpile/transpile_util.h"

#include <algorithm>
#include <cmath>

namespace qpilot {

namespace {

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t counter)
{
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (counter + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// The two-qubit skeleton of a circuit (only what routing looks at), and its reverse.
Circuit skeleton(const Circuit& c, bool reversed)
{
    Circuit s;
    s.qregs = c.qregs;
    for (const Operation& o : c.ops)
        if (const auto* g = std::get_if<GateOp>(&o.op); g && g->qubits.size() == 2)
            s.ops.push_back(o);
    if (reversed)
        std::reverse(s.ops.begin(), s.ops.end());
    return s;
}

// SABRE's layout refinement: route forward, then the reversed circuit from the final layout;
// the reverse pass's final layout is the refined initial layout.
Result<std::vector<int>> refineLayout(const Circuit& c, const CouplingMap& map, std::vector<int> layout,
                                      std::uint64_t seed, int rounds)
{
    const Circuit forward = skeleton(c, false), backward = skeleton(c, true);
    if (forward.ops.empty())
        return layout;
    for (int r = 0; r < rounds; ++r) {
        RoutingOptions o;
        o.seed = mixSeed(seed, std::uint64_t(2 * r));
        auto f = routeSabre(forward, map, layout, o);
        if (!f)
            return f.error();
        o.seed = mixSeed(seed, std::uint64_t(2 * r + 1));
        auto b = routeSabre(backward, map, f.value().finalLayout, o);
        if (!b)
            return b.error();
        layout = b.value().finalLayout;
    }
    return layout;
}

void optimise(Circuit& c, const NativeBasis& basis, int level)
{
    // Translation already merged each 1q run; resynthesis is needed only where a pass removed
    // or moved gates (new runs meet). Level 1: two rounds at most; 2 and 3: to a fixed point.
    const int rounds = level >= 2 ? 10 : 2;
    for (int r = 0; r < rounds; ++r) {
        int changes = removeIdentities(c);
        changes += cancelInversePairs(c);
        if (level >= 2)
            changes += commuteRzThroughControls(c);
        if (!changes)
            break;
        mergeOneQubitRuns(c, basis);
    }
}

double stripPhase(Circuit& c)
{
    double phase = 0;
    std::vector<Operation> out;
    out.reserve(c.ops.size());
    for (Operation& o : c.ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op); g && g->kind == GateKind::GPhase) {
            phase += g->params[0].constantValue();
            continue;
        }
        out.push_back(std::move(o));
    }
    c.ops = std::move(out);
    return wrapAngle(phase);
}

} // namespace

Result<TranspileResult> transpile(const Circuit& circuit, const DeviceProfile& device, const TranspileOptions& options)
{
    if (options.level < 0 || options.level > 3)
        return Error{"optimisation level " + std::to_string(options.level) + " is out of range (0 to 3)"};
    const int n = circuit.numQubits();
    if (n > device.numQubits)
        return Error{"the circuit has " + std::to_string(n) + " qubits but device " + device.id + " has only "
                     + std::to_string(device.numQubits)};
    auto map = couplingMapFor(device);
    if (!map)
        return map.error();
    if (!map.value().connected())
        return Error{"the coupling map of device " + device.id
                     + " is disconnected; Qpilot routes only on connected coupling maps (check the profile's couplers)"};
    auto basis = nativeBasisFor(device);
    if (!basis)
        return basis.error();
    auto unrolled = unrollCircuit(circuit);
    if (!unrolled)
        return unrolled.error();
    auto canon = canonicalizeTwoQubit(unrolled.value(), basis.value());
    if (!canon)
        return canon.error();
    const Circuit& logical = canon.value();

    TranspileResult result;
    result.layoutMethod = options.layout ? *options.layout
                                         : options.level == 0 ? LayoutMethod::Trivial : LayoutMethod::NoiseAware;
    auto layout = chooseLayout(logical, device, map.value(), result.layoutMethod);
    if (!layout)
        return layout.error();

    // Routing: one pass (levels 0, 1), forward-backward refinement (2), seeded trials (3).
    const int trials = options.level >= 3 ? 8 : 1;
    std::optional<RoutedCircuit> best;
    std::optional<Circuit> bestIsa;
    for (int t = 0; t < trials; ++t) {
        const std::uint64_t seed = trials == 1 ? options.seed : mixSeed(options.seed, std::uint64_t(100 + t));
        std::vector<int> initial = layout.value();
        if (options.level >= 1 && !options.layout) {
            auto refined = refineLayout(logical, map.value(), initial, seed, options.level);
            if (!refined)
                return refined.error();
            initial = refined.value();
        }
        RoutingOptions ro;
        ro.seed = seed;
        auto routed = routeSabre(logical, map.value(), initial, ro);
        if (!routed)
            return routed.error();
        auto isa = translateToBasis(routed.value().circuit, basis.value(), map.value(), options.level >= 1);
        if (!isa)
            return isa.error();
        Circuit c = std::move(isa).value();
        if (options.level >= 1)
            optimise(c, basis.value(), options.level);
        auto twoQ = [](const Circuit& x) {
            int k = 0;
            for (const Operation& o : x.ops)
                if (const auto* g = std::get_if<GateOp>(&o.op); g && g->qubits.size() == 2)
                    ++k;
            return k;
        };
        if (!bestIsa || twoQ(c) < twoQ(*bestIsa)) {
            best = std::move(routed).value();
            bestIsa = std::move(c);
        }
    }

    result.circuit = std::move(*bestIsa);
    result.circuit.qregs = {Register{"q", 0, device.numQubits, false}};
    result.circuit.cregs = circuit.cregs;
    result.globalPhase = stripPhase(result.circuit);
    result.initialLayout = best->initialLayout;
    result.finalLayout = best->finalLayout;
    result.permutation = best->permutation;
    result.metrics = computeMetrics(result.circuit, device, best->swaps);
    return result;
}

} // namespace qpilot
