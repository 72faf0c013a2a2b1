// core/transpile/basis.cpp — the device's native basis and the translation of a routed circuit
// into it: CX and Swap through the basis' two-qubit gate (cz, ecr, rzz(π/2), ms(0, 0, π/2))
// with exact single-qubit corrections and direction flips for directed couplers, and every
// single-qubit gate (or run of them) synthesised exactly; global phase kept as one gphase.
#include "core/transpile/transpile.h"
#include "core/transpile/transpile_util.h"
#include "core/circuit/transform.h"

#include <algorithm>
#include <cmath>

namespace qpilot {

bool NativeBasis::isNative(GateKind k) const
{
    return std::find(nativeKinds.begin(), nativeKinds.end(), k) != nativeKinds.end();
}

Result<NativeBasis> nativeBasisFor(const DeviceProfile& device)
{
    NativeBasis b;
    // Provider names used in profiles besides Qpilot's own: Quantinuum's U1q is prx, the
    // ZZ(θ) of Quantinuum and IonQ Forte is rzz.
    const std::pair<const char*, GateKind> aliases[] = {{"u1q", GateKind::PRX}, {"zz", GateKind::RZZ}};
    for (const std::string& name : device.nativeGates) {
        std::optional<GateKind> k = gateKindByName(name);
        for (const auto& [alias, kind] : aliases)
            if (name == alias)
                k = kind;
        if (!k || *k == GateKind::GPhase)
            return Error{"device " + device.id + ": native gate '" + name + "' is not a gate Qpilot knows"};
        b.nativeKinds.push_back(*k);
    }
    auto has = [&](GateKind k) { return b.isNative(k); };
    b.hasX = has(GateKind::X);
    if (has(GateKind::RZ) && has(GateKind::SX))
        b.oneQubit = OneQubitBasis::ZSX;
    else if (has(GateKind::RZ) && has(GateKind::RX))
        b.oneQubit = OneQubitBasis::ZRX;
    else if (has(GateKind::PRX))
        b.oneQubit = has(GateKind::RZ) ? OneQubitBasis::PRXRZ : OneQubitBasis::PRX;
    else if (has(GateKind::GPI) && has(GateKind::GPI2))
        b.oneQubit = has(GateKind::RZ) ? OneQubitBasis::GPIRZ : OneQubitBasis::GPI;
    else
        return Error{"device " + device.id + ": its native gates have no single-qubit basis Qpilot can synthesise "
                     "into (need rz+sx, rz+rx, prx, or gpi+gpi2)"};
    if (device.numQubits > 1) {
        bool found = false;
        for (GateKind k : {GateKind::CZ, GateKind::ECR, GateKind::CX, GateKind::RZZ, GateKind::MS})
            if (has(k)) {
                b.twoQubit = k;
                found = true;
                break;
            }
        if (!found)
            return Error{"device " + device.id + ": its native gates have no two-qubit gate Qpilot can translate CX "
                         "into (need cz, ecr, cx, rzz or ms)"};
    }
    return b;
}

namespace {

GateOp local(GateKind k, std::vector<int> q, std::vector<double> p = {})
{
    return std::get<GateOp>(makeGateOp(k, std::move(q), std::move(p)).op);
}

// CX(0 → 1) in the basis' two-qubit gate, with `reverse` when the device only allows the
// native gate as (1, 0). Returned ops include one gphase making the sequence exact.
Result<std::vector<GateOp>> cxTemplate(GateKind core, bool reverse)
{
    using K = GateKind;
    std::vector<GateOp> t;
    auto cxVia = [&](int c, int x) {
        switch (core) {
        case K::CX: t.push_back(local(K::CX, {c, x})); break;
        case K::CZ: t.insert(t.end(), {local(K::H, {x}), local(K::CZ, {c, x}), local(K::H, {x})}); break;
        case K::ECR:
            t.insert(t.end(), {local(K::Sdg, {c}), local(K::SXdg, {x}), local(K::ECR, {c, x}), local(K::X, {c})});
            break;
        case K::RZZ:
            t.insert(t.end(), {local(K::H, {x}), local(K::RZZ, {c, x}, {M_PI / 2}), local(K::RZ, {c}, {-M_PI / 2}),
                               local(K::RZ, {x}, {-M_PI / 2}), local(K::H, {x})});
            break;
        case K::MS: // rzz(π/2) = (h⊗h)·ms(0, 0, π/2)·(h⊗h)
            t.insert(t.end(), {local(K::H, {c}), local(K::MS, {c, x}, {0, 0, M_PI / 2}), local(K::H, {c}),
                               local(K::H, {x}), local(K::RZ, {c}, {-M_PI / 2}), local(K::RZ, {x}, {-M_PI / 2}),
                               local(K::H, {x})});
            break;
        default: break;
        }
    };
    if (reverse) {
        t.insert(t.end(), {local(K::H, {0}), local(K::H, {1})});
        cxVia(1, 0);
        t.insert(t.end(), {local(K::H, {0}), local(K::H, {1})});
    } else {
        cxVia(0, 1);
    }
    const Matrix target = gateMatrix(K::CX, {});
    Matrix realised = sequenceMatrix(t, 2);
    const double phase = phaseBetween(target, realised);
    t.push_back(local(K::GPhase, {}, {phase}));
    realised = sequenceMatrix(t, 2);
    double diff = 0;
    for (size_t i = 0; i < realised.data.size(); ++i)
        diff = std::max(diff, std::abs(realised.data[i] - target.data[i]));
    if (diff > 1e-9)
        return Error{"internal error: the CX template for " + std::string(gateInfo(core).name) + " is not exact"};
    return t;
}

bool directionSensitive(GateKind k) { return k == GateKind::ECR || k == GateKind::CX; }

class Translator {
public:
    Translator(const NativeBasis& basis, const CouplingMap& map, bool merge) : m_basis(basis), m_map(map), m_merge(merge) {}

    std::optional<Error> init()
    {
        for (bool rev : {false, true}) {
            auto t = cxTemplate(m_basis.twoQubit, rev);
            if (!t)
                return t.error();
            m_cx[rev ? 1 : 0] = std::move(t).value();
        }
        return std::nullopt;
    }

    // Translates ops into out. Top level keeps a phase; if/else bodies drop theirs (a phase on a
    // classically controlled branch is unobservable).
    std::optional<Error> run(const std::vector<Operation>& ops, std::vector<Operation>& out, double& phase)
    {
        std::vector<Pending> pending(size_t(m_map.numQubits));
        for (const Operation& o : ops) {
            if (const auto* g = std::get_if<GateOp>(&o.op)) {
                if (auto e = gate(*g, pending, out, phase))
                    return e;
                continue;
            }
            std::vector<int> qs = operationQubits(o);
            if (const auto* b = std::get_if<BarrierOp>(&o.op); b && b->qubits.empty())
                for (int q = 0; q < m_map.numQubits; ++q)
                    qs.push_back(q);
            for (int q : qs)
                flush(q, pending, out, phase);
            if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
                IfElseOp n;
                n.condition = ie->condition;
                double dropped = 0;
                if (auto e = run(ie->thenOps, n.thenOps, dropped))
                    return e;
                if (auto e = run(ie->elseOps, n.elseOps, dropped))
                    return e;
                out.push_back(Operation{std::move(n)});
            } else {
                out.push_back(o);
            }
        }
        for (int q = 0; q < m_map.numQubits; ++q)
            flush(q, pending, out, phase);
        return std::nullopt;
    }

private:
    struct Pending {
        bool any = false;
        Matrix m;
    };

    void emitOneQubit(const Matrix& u, int q, std::vector<Operation>& out, double& phase)
    {
        GateSequence s = synthesizeOneQubit(u, m_basis.oneQubit, m_basis.hasX);
        for (GateOp& g : s.gates) {
            g.qubits = {q};
            out.push_back(Operation{std::move(g)});
        }
        phase += s.phase;
    }

    void flush(int q, std::vector<Pending>& pending, std::vector<Operation>& out, double& phase)
    {
        Pending& p = pending[size_t(q)];
        if (!p.any)
            return;
        emitOneQubit(p.m, q, out, phase);
        p.any = false;
    }

    std::optional<Error> gate(const GateOp& g, std::vector<Pending>& pending, std::vector<Operation>& out, double& phase)
    {
        using K = GateKind;
        const std::vector<double> p = numericParams(g);
        if (g.kind == K::GPhase) {
            phase += p[0];
            return std::nullopt;
        }
        const int arity = gateInfo(g.kind).qubits;
        if (arity == 1) {
            const Matrix m = gateMatrix(g.kind, p);
            Pending& pe = pending[size_t(g.qubits[0])];
            if (m_merge) {
                pe.m = pe.any ? matrixProduct(m, pe.m) : m;
                pe.any = true;
            } else {
                emitOneQubit(m, g.qubits[0], out, phase);
            }
            return std::nullopt;
        }
        if (arity != 2)
            return Error{"internal error: gate '" + std::string(gateInfo(g.kind).name) + "' reached basis translation"};
        const int a = g.qubits[0], b = g.qubits[1];
        if (!m_map.coupled(a, b))
            return Error{"two-qubit gate '" + std::string(gateInfo(g.kind).name) + "' on uncoupled physical qubits "
                         + std::to_string(a) + " and " + std::to_string(b)};
        if (g.kind == K::Swap) {
            for (auto [c, t] : {std::pair{a, b}, std::pair{b, a}, std::pair{a, b}})
                if (auto e = cx(c, t, pending, out, phase))
                    return e;
            return std::nullopt;
        }
        if (g.kind == K::CX && !m_basis.isNative(K::CX))
            return cx(a, b, pending, out, phase);
        if (g.kind == K::RZZ && !m_basis.isNative(K::RZZ) && m_basis.twoQubit == K::MS)
            return rzzViaMs(a, b, p[0], pending, out, phase);
        if (m_basis.isNative(g.kind) && (!directionSensitive(g.kind) || m_map.allowed(a, b))) {
            flush(a, pending, out, phase);
            flush(b, pending, out, phase);
            out.push_back(Operation{g});
            return std::nullopt;
        }
        if (g.kind == K::CX)
            return cx(a, b, pending, out, phase);
        // A native direction-sensitive gate the wrong way round (ecr on a directed coupler):
        // through its exact CX definition.
        for (const DefinitionStep& s : gateDefinition(g.kind, g.params)) {
            GateOp sg;
            sg.kind = s.kind;
            sg.params = s.params;
            for (int o : s.operands)
                sg.qubits.push_back(g.qubits[size_t(o)]);
            if (s.kind == K::CX) {
                if (auto e = cx(sg.qubits[0], sg.qubits[1], pending, out, phase))
                    return e;
            } else if (auto e = gate(sg, pending, out, phase)) {
                return e;
            }
        }
        return std::nullopt;
    }

    // rzz(β) = (h⊗h)·ms(0, 0, β)·(h⊗h); ms angles kept in [0, π/2] (IonQ's partially entangling
    // range, 0.25 turns): a negative angle through ms(π, 0, |β|) = ms(0, 0, −|β|), |β| > π/2 as
    // two gates.
    std::optional<Error> rzzViaMs(int a, int b, double beta, std::vector<Pending>& pending, std::vector<Operation>& out,
                                  double& phase)
    {
        beta = wrapAngle(beta);
        std::vector<double> pieces;
        if (std::abs(beta) <= M_PI / 2 + 1e-12) {
            pieces = {beta};
        } else {
            const double quarter = beta > 0 ? M_PI / 2 : -M_PI / 2;
            pieces = {quarter, beta - quarter};
        }
        for (double piece : pieces) {
            if (std::abs(piece) < 1e-15)
                continue;
            for (int q : {a, b})
                if (auto e = gate(std::get<GateOp>(makeGateOp(GateKind::H, {q}).op), pending, out, phase))
                    return e;
            flush(a, pending, out, phase);
            flush(b, pending, out, phase);
            out.push_back(makeGateOp(GateKind::MS, {a, b}, {piece < 0 ? M_PI : 0.0, 0.0, std::abs(piece)}));
            for (int q : {a, b})
                if (auto e = gate(std::get<GateOp>(makeGateOp(GateKind::H, {q}).op), pending, out, phase))
                    return e;
        }
        return std::nullopt;
    }

    std::optional<Error> cx(int c, int t, std::vector<Pending>& pending, std::vector<Operation>& out, double& phase)
    {
        const bool reverse = directionSensitive(m_basis.twoQubit) && !m_map.allowed(c, t);
        if (reverse && !m_map.allowed(t, c))
            return Error{"no native two-qubit gate between physical qubits " + std::to_string(c) + " and " + std::to_string(t)};
        for (const GateOp& lg : m_cx[reverse ? 1 : 0]) {
            GateOp g = lg;
            for (int& q : g.qubits)
                q = q == 0 ? c : t;
            if (gateInfo(g.kind).qubits == 2) {
                flush(g.qubits[0], pending, out, phase);
                flush(g.qubits[1], pending, out, phase);
                out.push_back(Operation{std::move(g)});
            } else if (auto e = gate(g, pending, out, phase)) {
                return e;
            }
        }
        return std::nullopt;
    }

    const NativeBasis& m_basis;
    const CouplingMap& m_map;
    bool m_merge;
    std::vector<GateOp> m_cx[2];
};

} // namespace

Result<Circuit> translateToBasis(const Circuit& routed, const NativeBasis& basis, const CouplingMap& map, bool mergeRuns)
{
    Translator t(basis, map, mergeRuns);
    if (auto e = t.init())
        return *e;
    Circuit out = routed;
    out.ops.clear();
    double phase = 0;
    if (auto e = t.run(routed.ops, out.ops, phase))
        return *e;
    phase = std::remainder(phase, 2 * M_PI);
    if (std::abs(phase) > 1e-15)
        out.ops.push_back(phaseOp(phase));
    return out;
}

} // namespace qpilot
