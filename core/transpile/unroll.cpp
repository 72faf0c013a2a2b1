// core/transpile/unroll.cpp — the first stages: unrolling composite gates, modifiers and 3+
// qubit gates into standard gates on at most two qubits, and the two-qubit canonicalisation
// (every 2q gate the device does not run natively becomes CX plus 1-qubit gates). Both reuse
// core/circuit/transform.h (decomposeGates) and stay exact including global phase.
#include "core/transpile/transpile.h"
#include "core/transpile/transpile_util.h"
#include "core/circuit/transform.h"

#include <algorithm>
#include <cmath>

namespace qpilot {

namespace {

std::optional<Error> requireConstant(const std::vector<Operation>& ops)
{
    for (const Operation& o : ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            for (const Expr& e : g->params)
                if (!e.isConstant())
                    return Error{"gate '" + std::string(gateInfo(g->kind).name)
                                 + "' has a symbolic parameter; bind all parameters before transpiling"};
        } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
            if (auto e = requireConstant(ie->thenOps))
                return e;
            if (auto e = requireConstant(ie->elseOps))
                return e;
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<int> operationQubits(const Operation& op)
{
    return std::visit(
        [](const auto& o) -> std::vector<int> {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, GateOp>) {
                return o.qubits;
            } else if constexpr (std::is_same_v<T, MeasureOp> || std::is_same_v<T, ResetOp>) {
                return {o.qubit};
            } else if constexpr (std::is_same_v<T, BarrierOp> || std::is_same_v<T, DelayOp>) {
                return o.qubits;
            } else {
                std::vector<int> qs;
                for (const auto* body : {&o.thenOps, &o.elseOps})
                    for (const Operation& b : *body)
                        for (int q : operationQubits(b))
                            if (std::find(qs.begin(), qs.end(), q) == qs.end())
                                qs.push_back(q);
                std::sort(qs.begin(), qs.end());
                return qs;
            }
        },
        op.op);
}

Result<Circuit> unrollCircuit(const Circuit& circuit)
{
    if (!circuit.parameters.empty())
        return Error{"parameter '" + circuit.parameters.front()
                     + "' is not bound; bind all parameters before transpiling"};
    auto out = decomposeGates(circuit, [](const GateOp& g) {
        return g.kind != GateKind::Custom && g.modifiers.empty() && gateInfo(g.kind).qubits <= 2;
    });
    if (!out)
        return out.error();
    if (auto e = requireConstant(out.value().ops))
        return *e;
    return out;
}

namespace {

// Where an arbitrary-angle rzz is the device's entangler (Quantinuum, IonQ Forte), diagonal
// controlled gates take one rzz instead of two CX:
//   cp(θ) = e^{iθ/4}·rz(θ/2)⊗rz(θ/2)·rzz(−θ/2),  crz(θ) = rz_t(θ/2)·rzz(−θ/2),  cz = cp(π).
void diagonalsToRzz(std::vector<Operation>& ops)
{
    std::vector<Operation> out;
    out.reserve(ops.size());
    for (Operation& o : ops) {
        if (auto* ie = std::get_if<IfElseOp>(&o.op)) {
            diagonalsToRzz(ie->thenOps);
            diagonalsToRzz(ie->elseOps);
            out.push_back(std::move(o));
            continue;
        }
        const auto* g = std::get_if<GateOp>(&o.op);
        const bool phase = g && g->modifiers.empty()
                           && (g->kind == GateKind::CP || g->kind == GateKind::CU1 || g->kind == GateKind::CZ);
        const bool crz = g && g->modifiers.empty() && g->kind == GateKind::CRZ;
        if (!phase && !crz) {
            out.push_back(std::move(o));
            continue;
        }
        const double theta = g->kind == GateKind::CZ ? M_PI : g->params[0].constantValue();
        const int a = g->qubits[0], b = g->qubits[1];
        if (phase) {
            out.push_back(phaseOp(theta / 4));
            out.push_back(makeGateOp(GateKind::RZ, {a}, {theta / 2}));
        }
        out.push_back(makeGateOp(GateKind::RZ, {b}, {theta / 2}));
        out.push_back(makeGateOp(GateKind::RZZ, {a, b}, {-theta / 2}));
    }
    ops = std::move(out);
}

} // namespace

Result<Circuit> canonicalizeTwoQubit(const Circuit& circuit, const NativeBasis& basis)
{
    if (basis.twoQubit == GateKind::RZZ && !basis.isNative(GateKind::CZ)) {
        Circuit c = circuit;
        diagonalsToRzz(c.ops);
        return canonicalizeTwoQubit(c, NativeBasis{basis.oneQubit, basis.hasX, GateKind::CX, basis.nativeKinds});
    }
    return decomposeGates(circuit, [&](const GateOp& g) {
        const int arity = gateInfo(g.kind).qubits;
        if (g.kind == GateKind::Custom || !g.modifiers.empty() || arity > 2)
            return false;
        if (arity < 2 || g.kind == GateKind::CX)
            return true;
        return basis.isNative(g.kind);
    });
}

} // namespace qpilot
