// core/transpile/optimise.cpp — peephole passes on top-level operations (if/else blocks are
// left alone and block the qubits they touch): identity removal, cancellation of adjacent
// inverse pairs, moving diagonal 1-qubit gates through cz/rzz and cx controls, and merging
// runs of 1-qubit gates by resynthesis. Every rewrite is exact: a removed global phase is
// kept as a gphase operation.
#include "core/transpile/transpile.h"
#include "core/transpile/transpile_util.h"
#include "core/circuit/transform.h"

#include <algorithm>
#include <cmath>

namespace qpilot {

namespace {

constexpr double kTol = 1e-10;

const GateOp* asGate(const Operation& o)
{
    const auto* g = std::get_if<GateOp>(&o.op);
    return g && g->kind != GateKind::GPhase && g->kind != GateKind::Custom && g->modifiers.empty() ? g : nullptr;
}

Matrix opMatrix(const GateOp& g) { return gateMatrix(g.kind, numericParams(g)); }

// α with m = e^{iα}·I, if it is a multiple of the identity.
std::optional<double> identityPhase(const Matrix& m)
{
    const Complex d = m.at(0, 0);
    if (std::abs(std::abs(d) - 1) > kTol)
        return std::nullopt;
    for (int r = 0; r < m.dim(); ++r)
        for (int c = 0; c < m.dim(); ++c)
            if (std::abs(m.at(r, c) - (r == c ? d : Complex(0))) > kTol)
                return std::nullopt;
    return std::arg(d);
}

bool symmetricGate(GateKind k)
{
    return k == GateKind::CZ || k == GateKind::Swap || k == GateKind::RZZ || k == GateKind::ISwap
        || k == GateKind::CP || k == GateKind::RXX || k == GateKind::RYY;
}

bool diagonalOneQubit(GateKind k)
{
    switch (k) {
    case GateKind::RZ: case GateKind::Z: case GateKind::S: case GateKind::Sdg: case GateKind::T:
    case GateKind::Tdg: case GateKind::P: case GateKind::U1: case GateKind::I:
        return true;
    default: return false;
    }
}

// Whether a diagonal 1q gate on operand `operand` commutes with the 2q gate.
bool commutesWithZ(GateKind k, int operand)
{
    switch (k) {
    case GateKind::CZ: case GateKind::RZZ: case GateKind::CP: case GateKind::CU1: case GateKind::CRZ:
        return true;
    case GateKind::CX: case GateKind::CY: case GateKind::CH: case GateKind::CRX: case GateKind::CRY:
    case GateKind::CU3: case GateKind::CU:
        return operand == 0;
    default: return false;
    }
}

bool inverseKinds(GateKind a, GateKind b)
{
    using K = GateKind;
    const std::pair<K, K> pairs[] = {{K::S, K::Sdg}, {K::T, K::Tdg}, {K::SX, K::SXdg}};
    for (auto [x, y] : pairs)
        if ((a == x && b == y) || (a == y && b == x))
            return true;
    return false;
}

// Rotations exp(-iθG/2) with G² = 1 (and the phase gates): identity up to phase iff θ ≡ 0 (mod 2π).
bool isRotation(GateKind k)
{
    switch (k) {
    case GateKind::RX: case GateKind::RY: case GateKind::RZ: case GateKind::P: case GateKind::U1:
    case GateKind::RXX: case GateKind::RYY: case GateKind::RZZ: case GateKind::CP: case GateKind::CU1:
    case GateKind::CRX: case GateKind::CRY: case GateKind::CRZ:
        return true;
    default: return false;
    }
}

std::vector<int> blockingQubits(const Operation& o, int numQubits)
{
    std::vector<int> qs = operationQubits(o);
    if (const auto* b = std::get_if<BarrierOp>(&o.op); b && b->qubits.empty())
        for (int q = 0; q < numQubits; ++q)
            qs.push_back(q);
    return qs;
}

void compact(Circuit& c, const std::vector<char>& removed, double phase)
{
    std::vector<Operation> out;
    out.reserve(c.ops.size());
    for (size_t i = 0; i < c.ops.size(); ++i)
        if (!removed[i])
            out.push_back(std::move(c.ops[i]));
    phase = std::remainder(phase, 2 * M_PI);
    if (std::abs(phase) > 1e-15)
        out.push_back(phaseOp(phase));
    c.ops = std::move(out);
}

int numQubitsOf(const Circuit& c)
{
    int n = c.numQubits();
    for (const Operation& o : c.ops)
        for (int q : operationQubits(o))
            n = std::max(n, q + 1);
    return n;
}

} // namespace

int removeIdentities(Circuit& circuit)
{
    std::vector<char> removed(circuit.ops.size(), 0);
    double phase = 0;
    int count = 0;
    for (size_t i = 0; i < circuit.ops.size(); ++i) {
        const GateOp* g = asGate(circuit.ops[i]);
        if (!g || g->qubits.size() > 2 || (g->params.empty() && g->kind != GateKind::I))
            continue; // a gate without parameters is the identity only if it is id
        if (isRotation(g->kind) && std::abs(std::remainder(g->params[0].constantValue(), 2 * M_PI)) > 1e-9)
            continue; // fast path: a rotation by a nonzero angle is not the identity
        if (const auto a = identityPhase(opMatrix(*g))) {
            removed[i] = 1;
            phase += *a;
            ++count;
        }
    }
    if (count)
        compact(circuit, removed, phase);
    return count;
}

int cancelInversePairs(Circuit& circuit)
{
    const int n = numQubitsOf(circuit);
    std::vector<std::vector<int>> stacks(static_cast<size_t>(n));
    std::vector<char> removed(circuit.ops.size(), 0);
    double phase = 0;
    int count = 0;
    for (size_t i = 0; i < circuit.ops.size(); ++i) {
        const Operation& o = circuit.ops[i];
        const std::vector<int> qs = blockingQubits(o, n);
        const GateOp* g = asGate(o);
        if (g && !qs.empty() && g->qubits.size() <= 2 && !stacks[size_t(qs[0])].empty()) {
            const int j = stacks[size_t(qs[0])].back();
            bool sameTop = true;
            for (int q : qs)
                sameTop = sameTop && !stacks[size_t(q)].empty() && stacks[size_t(q)].back() == j;
            const GateOp* h = asGate(circuit.ops[size_t(j)]);
            if (sameTop && h && h->qubits.size() == g->qubits.size()) {
                bool sameQubits = h->qubits == g->qubits;
                bool swapped = g->qubits.size() == 2 && h->qubits[0] == g->qubits[1] && h->qubits[1] == g->qubits[0];
                // Compare matrices only where a cancellation is possible: same kind, or a known
                // inverse pair of kinds (s·sdg, t·tdg, sx·sxdg).
                const bool candidate = g->kind == h->kind || inverseKinds(g->kind, h->kind);
                if (candidate && (sameQubits || (swapped && symmetricGate(g->kind) && symmetricGate(h->kind)))) {
                    const Matrix product = matrixProduct(opMatrix(*g), opMatrix(*h));
                    if (const auto a = identityPhase(product)) {
                        removed[i] = removed[size_t(j)] = 1;
                        phase += *a;
                        count += 1;
                        for (int q : qs)
                            stacks[size_t(q)].pop_back();
                        continue;
                    }
                }
            }
        }
        for (int q : qs)
            stacks[size_t(q)].push_back(int(i));
    }
    if (count)
        compact(circuit, removed, phase);
    return count;
}

int commuteRzThroughControls(Circuit& circuit)
{
    const int n = numQubitsOf(circuit);
    int moves = 0;
    std::vector<Operation>& ops = circuit.ops;
    size_t i = 0;
    while (i < ops.size()) {
        const GateOp* d = asGate(ops[i]);
        if (!d || d->qubits.size() != 1 || !diagonalOneQubit(d->kind)) {
            ++i;
            continue;
        }
        const int q = d->qubits[0];
        size_t j = i + 1;
        while (j < ops.size()) {
            const std::vector<int> qs = blockingQubits(ops[j], n);
            if (std::find(qs.begin(), qs.end(), q) != qs.end()) {
                // Diagonal gates on q commute with each other: look past them.
                const GateOp* other = asGate(ops[j]);
                if (!other || other->qubits.size() != 1 || !diagonalOneQubit(other->kind))
                    break;
            }
            ++j;
        }
        const GateOp* g = j < ops.size() ? asGate(ops[j]) : nullptr;
        if (!g || g->qubits.size() != 2 || !commutesWithZ(g->kind, g->qubits[0] == q ? 0 : 1)) {
            ++i;
            continue;
        }
        // Move the diagonal gate just after the 2q gate; ops[i] is now another operation,
        // examined next (moves only go forward, so this terminates).
        std::rotate(ops.begin() + std::ptrdiff_t(i), ops.begin() + std::ptrdiff_t(i) + 1,
                    ops.begin() + std::ptrdiff_t(j) + 1);
        ++moves;
    }
    return moves;
}

int mergeOneQubitRuns(Circuit& circuit, const NativeBasis& basis)
{
    const int n = numQubitsOf(circuit);
    struct Run {
        std::vector<int> ops;
        Matrix m;
        bool nonNative = false;
    };
    std::vector<Run> runs(static_cast<size_t>(n));
    std::vector<char> removed(circuit.ops.size(), 0);
    std::vector<std::vector<Operation>> insertAt(circuit.ops.size());
    double phase = 0;
    int count = 0;
    auto flush = [&](int q) {
        Run& r = runs[size_t(q)];
        if (r.ops.empty())
            return;
        if (r.ops.size() == 1 && !r.nonNative) {
            r.ops.clear(); // one native gate: nothing shorter exists (identities go elsewhere)
            return;
        }
        if (r.ops.size() == 1)
            r.m = opMatrix(std::get<GateOp>(circuit.ops[size_t(r.ops[0])].op));
        GateSequence s = synthesizeOneQubit(r.m, basis.oneQubit, basis.hasX);
        if (r.nonNative || s.gates.size() < r.ops.size()) {
            // The run's own phase: ops realise r.m exactly, the new sequence e^{-i s.phase} r.m.
            for (int k : r.ops)
                removed[size_t(k)] = 1;
            for (GateOp& g : s.gates) {
                g.qubits = {q};
                insertAt[size_t(r.ops.back())].push_back(Operation{std::move(g)});
            }
            phase += s.phase;
            ++count;
        }
        r.ops.clear();
        r.nonNative = false;
    };
    for (size_t i = 0; i < circuit.ops.size(); ++i) {
        const Operation& o = circuit.ops[i];
        const GateOp* g = asGate(o);
        if (g && g->qubits.size() == 1) {
            Run& r = runs[size_t(g->qubits[0])];
            if (r.ops.size() == 1)
                r.m = opMatrix(std::get<GateOp>(circuit.ops[size_t(r.ops[0])].op));
            if (!r.ops.empty())
                r.m = matrixProduct(opMatrix(*g), r.m);
            r.ops.push_back(int(i));
            r.nonNative = r.nonNative || !basis.isNative(g->kind);
            continue;
        }
        for (int q : blockingQubits(o, n))
            flush(q);
    }
    for (int q = 0; q < n; ++q)
        flush(q);
    if (!count)
        return 0;
    std::vector<Operation> out;
    out.reserve(circuit.ops.size());
    for (size_t i = 0; i < circuit.ops.size(); ++i) {
        if (!removed[i])
            out.push_back(std::move(circuit.ops[i]));
        for (Operation& ins : insertAt[i])
            out.push_back(std::move(ins));
    }
    circuit.ops = std::move(out);
    phase = std::remainder(phase, 2 * M_PI);
    if (std::abs(phase) > 1e-15)
        circuit.ops.push_back(phaseOp(phase));
    return count;
}

} // namespace qpilot
