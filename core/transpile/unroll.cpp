// core/transpile/unroll.cpp — the first stages: unrolling composite gates, modifiers and 3+
// qubit gates into standard gates on at most two qubits, and the two-qubit canonicalisation
// (every 2q gate the device does not run natively becomes CX plus 1-qubit gates). Both reuse
// core/circuit/transform.h (decomposeGates) and stay exact including global phase.
#include "core/transpile/transpile.h"
#include "core/transpile/transpile_util.h"
#include "core/circuit/transform.h"
#include "core/circuit/gates.h"

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

bool diagonal1q(const GateOp& g)
{
    switch (g.kind) {
    case GateKind::RZ: case GateKind::P: case GateKind::U1: case GateKind::Z: case GateKind::S:
    case GateKind::Sdg: case GateKind::T: case GateKind::Tdg: case GateKind::I:
        return g.qubits.size() == 1 && g.modifiers.empty();
    default: return false;
    }
}

// cx(a,b)·D_b·cx(a,b) = e^{iα}·rzz(β) for a diagonal D = e^{iα}·rz(β) on the target (diagonal
// gates on the control commute and stay where they are): the ZZ interaction of feature maps.
void fuseCxDiagonalCx(std::vector<Operation>& ops)
{
    std::vector<char> removed(ops.size(), 0);
    std::vector<size_t> onTarget;
    double phase = 0;
    for (size_t i = 0; i < ops.size(); ++i) {
        const auto* cx = std::get_if<GateOp>(&ops[i].op);
        if (removed[i] || !cx || cx->kind != GateKind::CX || !cx->modifiers.empty())
            continue;
        const int a = cx->qubits[0], b = cx->qubits[1];
        onTarget.clear();
        for (size_t j = i + 1; j < ops.size(); ++j) {
            if (removed[j])
                continue;
            const std::vector<int> qs = operationQubits(ops[j]);
            const bool ta = std::find(qs.begin(), qs.end(), a) != qs.end();
            const bool tb = std::find(qs.begin(), qs.end(), b) != qs.end();
            const bool allQubits = std::holds_alternative<BarrierOp>(ops[j].op) && qs.empty();
            if (!ta && !tb && !allQubits)
                continue;
            const auto* g = std::get_if<GateOp>(&ops[j].op);
            if (g && diagonal1q(*g) && !allQubits) {
                if (tb)
                    onTarget.push_back(j);
                continue;
            }
            if (g && g->kind == GateKind::CX && g->modifiers.empty() && g->qubits[0] == a && g->qubits[1] == b) {
                Complex d0 = 1, d1 = 1;
                for (size_t k : onTarget) {
                    const auto& t = std::get<GateOp>(ops[k].op);
                    const Matrix m = gateMatrix(t.kind, numericParams(t));
                    d0 *= m.at(0, 0);
                    d1 *= m.at(1, 1);
                    removed[k] = 1;
                }
                const double beta = std::arg(d1 / d0);
                phase += std::arg(d0) + beta / 2;
                ops[i] = makeGateOp(GateKind::RZZ, {a, b}, {beta});
                removed[j] = 1;
            }
            break;
        }
    }
    std::vector<Operation> out;
    out.reserve(ops.size());
    for (size_t i = 0; i < ops.size(); ++i)
        if (!removed[i])
            out.push_back(std::move(ops[i]));
    if (std::abs(std::remainder(phase, 2 * M_PI)) > 1e-15)
        out.push_back(phaseOp(std::remainder(phase, 2 * M_PI)));
    ops = std::move(out);
}

} // namespace

Result<Circuit> canonicalizeTwoQubit(const Circuit& circuit, const NativeBasis& basis)
{
    // Arbitrary-angle ZZ entanglers: rzz itself (Quantinuum, IonQ Forte) or ms (IonQ Aria:
    // rzz(β) = (h⊗h)·ms(0, 0, β)·(h⊗h), translated in basis.cpp).
    const bool zzEntangler = (basis.twoQubit == GateKind::RZZ || basis.twoQubit == GateKind::MS)
                             && !basis.isNative(GateKind::CZ) && !basis.isNative(GateKind::ECR)
                             && !basis.isNative(GateKind::CX);
    if (zzEntangler) {
        Circuit c = circuit;
        diagonalsToRzz(c.ops);
        auto out = canonicalizeTwoQubit(c, NativeBasis{basis.oneQubit, basis.hasX, GateKind::CX, basis.nativeKinds});
        if (out)
            fuseCxDiagonalCx(out.value().ops);
        return out;
    }
    return decomposeGates(circuit, [&](const GateOp& g) {
        const int arity = gateInfo(g.kind).qubits;
        if (g.kind == GateKind::Custom || !g.modifiers.empty() || arity > 2)
            return false;
        if (arity < 2 || g.kind == GateKind::CX)
            return true;
        if (g.kind == GateKind::RZZ && basis.isNative(GateKind::RZZ) && basis.twoQubit != GateKind::RZZ) {
            // A fractional rzz beside cz/ecr (IBM Heron r2/r3) runs only for 0 < θ ≤ π/2.
            const double t = wrapAngle(g.params[0].constantValue());
            return t > 0 && t <= M_PI / 2 + 1e-12;
        }
        return basis.isNative(g.kind) || (g.kind == GateKind::RZZ && basis.twoQubit == GateKind::MS);
    });
}

} // namespace qpilot
