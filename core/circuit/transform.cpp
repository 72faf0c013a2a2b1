// core/circuit/transform.cpp — meaning-preserving rewrites: inlining composite gates,
// decomposition through the standard definitions, parameter binding, and dense matrices
// of single gate operations (with ctrl/negctrl/inv/pow modifiers).
#include "core/circuit/transform.h"

#include <Eigen/Dense>
#include <Eigen/Eigenvalues>

#include <cmath>

namespace qpilot {

namespace {

constexpr int kMaxExpansionDepth = 64;

std::string opLabel(const GateOp& g)
{
    std::string s;
    for (const Modifier& m : g.modifiers) {
        switch (m.kind) {
        case Modifier::Kind::Ctrl: s += m.count == 1 ? "ctrl @ " : "ctrl(" + std::to_string(m.count) + ") @ "; break;
        case Modifier::Kind::NegCtrl: s += m.count == 1 ? "negctrl @ " : "negctrl(" + std::to_string(m.count) + ") @ "; break;
        case Modifier::Kind::Inv: s += "inv @ "; break;
        case Modifier::Kind::Pow: s += "pow(" + m.exponent.toQasm() + ") @ "; break;
        }
    }
    return s + (g.kind == GateKind::Custom ? g.name : gateInfo(g.kind).name);
}

int controlCount(const Modifier& m)
{
    return (m.kind == Modifier::Kind::Ctrl || m.kind == Modifier::Kind::NegCtrl) ? m.count : 0;
}

Operation makeGate(GateKind kind, std::vector<Expr> params, std::vector<int> qubits)
{
    GateOp g;
    g.kind = kind;
    g.params = std::move(params);
    g.qubits = std::move(qubits);
    return Operation{std::move(g)};
}

// Applies one modifier (taken off the front of a gate) to an already expanded op list.
Result<std::vector<Operation>> applyModifier(const Modifier& m, const std::vector<int>& controls,
                                             std::vector<Operation> ops);

Result<std::vector<Operation>> invertOps(std::vector<Operation> ops)
{
    std::vector<Operation> out;
    for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
        if (auto* g = std::get_if<GateOp>(&it->op)) {
            if (g->modifiers.empty() && g->kind != GateKind::Custom) {
                for (const DefinitionStep& s : gateInverse(g->kind, g->params)) {
                    std::vector<int> q;
                    for (int o : s.operands)
                        q.push_back(g->qubits[size_t(o)]);
                    out.push_back(makeGate(s.kind, s.params, q));
                }
            } else {
                GateOp copy = *g;
                copy.modifiers.insert(copy.modifiers.begin(), Modifier{Modifier::Kind::Inv, 1, Expr()});
                out.push_back(Operation{std::move(copy)});
            }
        } else {
            out.push_back(*it); // barriers invert to themselves
        }
    }
    return out;
}

Result<std::vector<Operation>> applyModifier(const Modifier& m, const std::vector<int>& controls,
                                             std::vector<Operation> ops)
{
    switch (m.kind) {
    case Modifier::Kind::Inv: return invertOps(std::move(ops));
    case Modifier::Kind::Ctrl:
    case Modifier::Kind::NegCtrl:
        for (Operation& o : ops) {
            if (auto* g = std::get_if<GateOp>(&o.op)) {
                g->modifiers.insert(g->modifiers.begin(), m);
                g->qubits.insert(g->qubits.begin(), controls.begin(), controls.end());
            } else if (auto* b = std::get_if<BarrierOp>(&o.op)) {
                b->qubits.insert(b->qubits.begin(), controls.begin(), controls.end());
            }
        }
        return ops;
    case Modifier::Kind::Pow: {
        if (!m.exponent.isConstant())
            return Error{"pow(" + m.exponent.toQasm() + ") of a composite gate needs a numeric exponent"};
        const double k = m.exponent.constantValue();
        if (k != std::round(k) || std::fabs(k) > 1e6)
            return Error{"pow(" + formatAngle(k)
                         + ") of a composite gate is not supported: only integer powers expand into gates"};
        std::vector<Operation> base = ops;
        if (k < 0) {
            auto inv = invertOps(std::move(base));
            if (!inv)
                return inv.error();
            base = std::move(inv).value();
        }
        std::vector<Operation> out;
        for (long long i = 0; i < static_cast<long long>(std::fabs(k)); ++i)
            out.insert(out.end(), base.begin(), base.end());
        return out;
    }
    }
    return ops;
}

Result<std::vector<Operation>> expandGate(const GateOp& g, const Circuit& c, int depth);

Result<std::vector<Operation>> expandBody(const GateDefinition& def, const GateOp& g, const Circuit& c, int depth)
{
    std::map<std::string, Expr> bind;
    for (size_t i = 0; i < def.paramNames.size() && i < g.params.size(); ++i)
        bind.emplace(def.paramNames[i], g.params[i]);
    std::vector<Operation> out;
    for (const Operation& o : def.body) {
        if (const auto* b = std::get_if<BarrierOp>(&o.op)) {
            BarrierOp nb;
            for (int q : b->qubits)
                nb.qubits.push_back(g.qubits.at(size_t(q)));
            if (b->qubits.empty())
                nb.qubits = g.qubits;
            out.push_back(Operation{nb});
            continue;
        }
        const auto* inner = std::get_if<GateOp>(&o.op);
        if (!inner)
            continue;
        GateOp mapped = *inner;
        for (Expr& e : mapped.params)
            e = e.substitute(bind);
        for (Modifier& mod : mapped.modifiers)
            mod.exponent = mod.exponent.substitute(bind);
        for (int& q : mapped.qubits)
            q = g.qubits.at(size_t(q));
        auto sub = expandGate(mapped, c, depth + 1);
        if (!sub)
            return sub.error();
        out.insert(out.end(), sub.value().begin(), sub.value().end());
    }
    return out;
}

Result<std::vector<Operation>> expandGate(const GateOp& g, const Circuit& c, int depth)
{
    if (g.kind != GateKind::Custom)
        return std::vector<Operation>{Operation{g}};
    if (depth > kMaxExpansionDepth)
        return Error{"gate '" + g.name + "' nests definitions deeper than " + std::to_string(kMaxExpansionDepth)};
    const GateDefinition* def = c.definition(g.name);
    if (!def)
        return Error{"gate '" + g.name + "' has no definition"};
    if (g.modifiers.empty())
        return expandBody(*def, g, c, depth);
    GateOp inner = g;
    const Modifier m = inner.modifiers.front();
    inner.modifiers.erase(inner.modifiers.begin());
    const int nc = controlCount(m);
    std::vector<int> controls(inner.qubits.begin(), inner.qubits.begin() + nc);
    inner.qubits.erase(inner.qubits.begin(), inner.qubits.begin() + nc);
    auto expanded = expandGate(inner, c, depth + 1);
    if (!expanded)
        return expanded.error();
    return applyModifier(m, controls, std::move(expanded).value());
}

template <class Fn>
Result<std::vector<Operation>> rewriteOps(const std::vector<Operation>& ops, Fn&& rewriteGate)
{
    std::vector<Operation> out;
    out.reserve(ops.size());
    for (const Operation& o : ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            auto r = rewriteGate(*g);
            if (!r)
                return r.error();
            out.insert(out.end(), r.value().begin(), r.value().end());
        } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
            IfElseOp n;
            n.condition = ie->condition;
            auto t = rewriteOps(ie->thenOps, rewriteGate);
            if (!t)
                return t.error();
            auto e = rewriteOps(ie->elseOps, rewriteGate);
            if (!e)
                return e.error();
            n.thenOps = std::move(t).value();
            n.elseOps = std::move(e).value();
            out.push_back(Operation{std::move(n)});
        } else {
            out.push_back(o);
        }
    }
    return out;
}

// ---- decomposition of standard gates with modifiers -------------------------------------

std::optional<GateKind> controlledKind(GateKind k)
{
    switch (k) {
    case GateKind::X: return GateKind::CX;
    case GateKind::Y: return GateKind::CY;
    case GateKind::Z: return GateKind::CZ;
    case GateKind::H: return GateKind::CH;
    case GateKind::P: return GateKind::CP;
    case GateKind::U1: return GateKind::CU1;
    case GateKind::RX: return GateKind::CRX;
    case GateKind::RY: return GateKind::CRY;
    case GateKind::RZ: return GateKind::CRZ;
    case GateKind::U3:
    case GateKind::U: return GateKind::CU3;
    case GateKind::CX: return GateKind::CCX;
    case GateKind::Swap: return GateKind::CSwap;
    case GateKind::GPhase: return GateKind::P;
    default: return std::nullopt;
    }
}

// pow(k) of a standard gate as standard gates (principal branch), when expressible.
std::optional<std::vector<Operation>> powerOf(const GateOp& g, const Expr& k)
{
    const std::vector<int>& q = g.qubits;
    auto scaled = [&](GateKind kind) { return std::vector<Operation>{makeGate(kind, {g.params[0] * k}, q)}; };
    const Expr pi(M_PI);
    switch (g.kind) {
    case GateKind::GPhase:
    case GateKind::RX:
    case GateKind::RY:
    case GateKind::RZ:
    case GateKind::P:
    case GateKind::U1:
    case GateKind::CRX:
    case GateKind::CRY:
    case GateKind::CRZ:
    case GateKind::CP:
    case GateKind::CU1:
    case GateKind::RXX:
    case GateKind::RYY:
    case GateKind::RZZ: return scaled(g.kind);
    case GateKind::I: return std::vector<Operation>{makeGate(GateKind::I, {}, q)};
    case GateKind::Z: return std::vector<Operation>{makeGate(GateKind::P, {pi * k}, q)};
    case GateKind::S: return std::vector<Operation>{makeGate(GateKind::P, {pi / 2.0 * k}, q)};
    case GateKind::Sdg: return std::vector<Operation>{makeGate(GateKind::P, {-pi / 2.0 * k}, q)};
    case GateKind::T: return std::vector<Operation>{makeGate(GateKind::P, {pi / 4.0 * k}, q)};
    case GateKind::Tdg: return std::vector<Operation>{makeGate(GateKind::P, {-pi / 4.0 * k}, q)};
    case GateKind::CZ: return std::vector<Operation>{makeGate(GateKind::CP, {pi * k}, q)};
    case GateKind::X: // X = e^{iπ/2} RX(π)
        return std::vector<Operation>{makeGate(GateKind::GPhase, {pi / 2.0 * k}, {}), makeGate(GateKind::RX, {pi * k}, q)};
    case GateKind::Y:
        return std::vector<Operation>{makeGate(GateKind::GPhase, {pi / 2.0 * k}, {}), makeGate(GateKind::RY, {pi * k}, q)};
    case GateKind::SX:
        return std::vector<Operation>{makeGate(GateKind::GPhase, {pi / 4.0 * k}, {}), makeGate(GateKind::RX, {pi / 2.0 * k}, q)};
    case GateKind::SXdg:
        return std::vector<Operation>{makeGate(GateKind::GPhase, {-pi / 4.0 * k}, {}), makeGate(GateKind::RX, {-pi / 2.0 * k}, q)};
    default: return std::nullopt;
    }
}

Result<std::vector<Operation>> decomposeGate(const GateOp& g, const std::function<bool(const GateOp&)>& supported, int depth);

Result<std::vector<Operation>> decomposeAll(std::vector<Operation> ops, const std::function<bool(const GateOp&)>& supported, int depth)
{
    std::vector<Operation> out;
    for (Operation& o : ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            auto r = decomposeGate(*g, supported, depth + 1);
            if (!r)
                return r.error();
            out.insert(out.end(), r.value().begin(), r.value().end());
        } else {
            out.push_back(std::move(o));
        }
    }
    return out;
}

// Rewrites the innermost modifier (the one closest to the gate) of a standard gate.
Result<std::vector<Operation>> lowerInnermostModifier(const GateOp& g)
{
    GateOp base = g;
    const Modifier m = base.modifiers.back();
    base.modifiers.pop_back();
    // Qubits: [outer controls..., this modifier's controls..., gate operands...]
    int outer = 0;
    for (const Modifier& om : base.modifiers)
        outer += controlCount(om);
    const int nc = controlCount(m);
    std::vector<int> controls(base.qubits.begin() + outer, base.qubits.begin() + outer + nc);
    GateOp core;
    core.kind = g.kind;
    core.params = g.params;
    core.qubits.assign(base.qubits.begin() + outer + nc, base.qubits.end());

    std::vector<Operation> lowered;
    if (m.kind == Modifier::Kind::Inv) {
        auto r = invertOps({Operation{core}});
        if (!r)
            return r.error();
        lowered = std::move(r).value();
    } else if (m.kind == Modifier::Kind::Pow) {
        if (m.exponent.isConstant() && m.exponent.constantValue() == std::round(m.exponent.constantValue())) {
            auto r = applyModifier(m, {}, {Operation{core}});
            if (!r)
                return r.error();
            lowered = std::move(r).value();
        } else if (auto p = powerOf(core, m.exponent)) {
            lowered = std::move(*p);
        } else {
            return Error{"cannot decompose '" + opLabel(g) + "': non-integer powers of "
                         + gateInfo(g.kind).name + " have no gate form"};
        }
    } else {
        // ctrl/negctrl: one control at a time onto a known controlled gate, else into the definition.
        std::vector<Operation> work{Operation{core}};
        for (int i = nc - 1; i >= 0; --i) {
            std::vector<Operation> next;
            for (Operation& o : work) {
                auto* w = std::get_if<GateOp>(&o.op);
                if (!w) {
                    next.push_back(o);
                    continue;
                }
                std::optional<GateKind> ck = w->modifiers.empty() ? controlledKind(w->kind) : std::nullopt;
                if (ck) {
                    std::vector<int> q{controls[size_t(i)]};
                    q.insert(q.end(), w->qubits.begin(), w->qubits.end());
                    std::vector<Expr> params = w->params;
                    if (w->kind == GateKind::GPhase)
                        params = {w->params[0]};
                    next.push_back(makeGate(*ck, params, q));
                } else {
                    GateOp c1 = *w;
                    c1.modifiers.insert(c1.modifiers.begin(), Modifier{Modifier::Kind::Ctrl, 1, Expr()});
                    c1.qubits.insert(c1.qubits.begin(), controls[size_t(i)]);
                    next.push_back(Operation{c1});
                }
            }
            work = std::move(next);
        }
        if (m.kind == Modifier::Kind::NegCtrl) {
            std::vector<Operation> wrapped;
            for (int c : controls)
                wrapped.push_back(makeGate(GateKind::X, {}, {c}));
            wrapped.insert(wrapped.end(), work.begin(), work.end());
            for (int c : controls)
                wrapped.push_back(makeGate(GateKind::X, {}, {c}));
            work = std::move(wrapped);
        }
        lowered = std::move(work);
    }
    // Re-apply the outer modifiers to the lowered sequence.
    std::vector<int> outerControls(base.qubits.begin(), base.qubits.begin() + outer);
    size_t pos = outerControls.size();
    for (auto it = base.modifiers.rbegin(); it != base.modifiers.rend(); ++it) {
        const int n = controlCount(*it);
        pos -= size_t(n);
        std::vector<int> cs(outerControls.begin() + long(pos), outerControls.begin() + long(pos) + n);
        auto r = applyModifier(*it, cs, std::move(lowered));
        if (!r)
            return r.error();
        lowered = std::move(r).value();
    }
    return lowered;
}

Result<std::vector<Operation>> decomposeGate(const GateOp& g, const std::function<bool(const GateOp&)>& supported, int depth)
{
    if (supported(g))
        return std::vector<Operation>{Operation{g}};
    if (depth > kMaxExpansionDepth)
        return Error{"cannot decompose '" + opLabel(g) + "' into the target gate set"};
    if (!g.modifiers.empty()) {
        auto r = lowerInnermostModifier(g);
        if (!r)
            return r.error();
        // A controlled gate with no controlled form was pushed into its definition.
        std::vector<Operation> out;
        for (Operation& o : r.value()) {
            auto* w = std::get_if<GateOp>(&o.op);
            if (w && !w->modifiers.empty() && !supported(*w) && w->modifiers.back().kind == Modifier::Kind::Ctrl
                && w->kind == g.kind && w->modifiers.size() >= g.modifiers.size()) {
                // Expand the gate under its controls through the definition.
                std::vector<DefinitionStep> def = gateDefinition(w->kind, w->params);
                if (def.empty())
                    return Error{"cannot decompose '" + opLabel(*w) + "' into the target gate set"};
                int nctrl = 0;
                for (const Modifier& mm : w->modifiers)
                    nctrl += controlCount(mm);
                std::vector<int> ctrls(w->qubits.begin(), w->qubits.begin() + nctrl);
                std::vector<Operation> body;
                for (const DefinitionStep& s : def) {
                    std::vector<int> q;
                    for (int operand : s.operands)
                        q.push_back(w->qubits[size_t(nctrl + operand)]);
                    body.push_back(makeGate(s.kind, s.params, q));
                }
                for (auto it = w->modifiers.rbegin(); it != w->modifiers.rend(); ++it) {
                    const int n = controlCount(*it);
                    std::vector<int> cs(ctrls.end() - n, ctrls.end());
                    ctrls.resize(ctrls.size() - size_t(n));
                    auto rr = applyModifier(*it, cs, std::move(body));
                    if (!rr)
                        return rr.error();
                    body = std::move(rr).value();
                }
                out.insert(out.end(), body.begin(), body.end());
            } else {
                out.push_back(std::move(o));
            }
        }
        return decomposeAll(std::move(out), supported, depth);
    }
    std::vector<DefinitionStep> def = gateDefinition(g.kind, g.params);
    if (def.empty())
        return Error{"cannot decompose '" + opLabel(g) + "': it is a primitive the target gate set lacks"};
    std::vector<Operation> body;
    for (const DefinitionStep& s : def) {
        std::vector<int> q;
        for (int operand : s.operands)
            q.push_back(g.qubits[size_t(operand)]);
        body.push_back(makeGate(s.kind, s.params, q));
    }
    return decomposeAll(std::move(body), supported, depth);
}

// ---- dense matrices --------------------------------------------------------------------

// Multiplies `state` (a dim x dim matrix, columns are states) on the left by `g` acting on operands.
void applyOnOperands(Matrix& full, const Matrix& g, const std::vector<int>& operands)
{
    const int n = full.qubits;
    const int dim = 1 << n;
    const int k = g.qubits;
    const int gd = 1 << k;
    std::vector<Complex> in(static_cast<size_t>(gd)), outv(static_cast<size_t>(gd));
    for (int col = 0; col < dim; ++col) {
        for (int base = 0; base < dim; ++base) {
            bool isBase = true;
            for (int o : operands)
                if (base & (1 << o))
                    isBase = false;
            if (!isBase)
                continue;
            for (int j = 0; j < gd; ++j) {
                int idx = base;
                for (int b = 0; b < k; ++b)
                    if (j & (1 << b))
                        idx |= 1 << operands[size_t(b)];
                in[size_t(j)] = full.at(idx, col);
            }
            for (int r = 0; r < gd; ++r) {
                Complex s = 0;
                for (int j = 0; j < gd; ++j)
                    s += g.at(r, j) * in[size_t(j)];
                outv[size_t(r)] = s;
            }
            for (int j = 0; j < gd; ++j) {
                int idx = base;
                for (int b = 0; b < k; ++b)
                    if (j & (1 << b))
                        idx |= 1 << operands[size_t(b)];
                full.at(idx, col) = outv[size_t(j)];
            }
        }
    }
}

Result<Matrix> opMatrix(const GateOp& op, const Circuit& circuit, int depth);

Result<Matrix> definitionMatrix(const GateOp& op, const Circuit& circuit, int depth)
{
    const GateDefinition* def = circuit.definition(op.name);
    if (!def)
        return Error{"gate '" + op.name + "' has no definition"};
    if (depth > kMaxExpansionDepth)
        return Error{"gate '" + op.name + "' nests definitions too deeply"};
    const int k = int(def->qubitNames.size());
    std::map<std::string, Expr> bind;
    for (size_t i = 0; i < def->paramNames.size() && i < op.params.size(); ++i)
        bind.emplace(def->paramNames[i], op.params[i]);
    Matrix m = Matrix::identity(k);
    for (const Operation& o : def->body) {
        const auto* g = std::get_if<GateOp>(&o.op);
        if (!g)
            continue;
        GateOp mapped = *g;
        for (Expr& e : mapped.params)
            e = e.substitute(bind);
        for (Modifier& mod : mapped.modifiers)
            mod.exponent = mod.exponent.substitute(bind);
        auto gm = opMatrix(mapped, circuit, depth + 1);
        if (!gm)
            return gm.error();
        applyOnOperands(m, gm.value(), mapped.qubits);
    }
    return m;
}

Result<Matrix> opMatrix(const GateOp& op, const Circuit& circuit, int depth)
{
    Result<Matrix> base = Matrix{};
    std::vector<double> params;
    if (op.kind == GateKind::Custom) {
        base = definitionMatrix(op, circuit, depth);
    } else {
        for (const Expr& e : op.params) {
            auto v = e.evaluate();
            if (!v)
                return Error{"gate " + opLabel(op) + ": " + v.error().message};
            params.push_back(v.value());
        }
        base = gateMatrix(op.kind, params);
    }
    if (!base)
        return base.error();
    Matrix m = std::move(base).value();
    for (auto it = op.modifiers.rbegin(); it != op.modifiers.rend(); ++it) {
        switch (it->kind) {
        case Modifier::Kind::Inv: m = matrixAdjoint(m); break;
        case Modifier::Kind::Ctrl: m = controlledMatrix(m, it->count, false); break;
        case Modifier::Kind::NegCtrl: m = controlledMatrix(m, it->count, true); break;
        case Modifier::Kind::Pow: {
            auto k = it->exponent.evaluate();
            if (!k)
                return Error{"gate " + opLabel(op) + ": " + k.error().message};
            auto p = matrixPower(m, k.value());
            if (!p)
                return p.error();
            m = std::move(p).value();
            break;
        }
        }
    }
    return m;
}

} // namespace

Result<Circuit> inlineDefinitions(const Circuit& circuit)
{
    auto ops = rewriteOps(circuit.ops, [&](const GateOp& g) { return expandGate(g, circuit, 0); });
    if (!ops)
        return ops.error();
    Circuit out = circuit;
    out.definitions.clear();
    out.ops = std::move(ops).value();
    return out;
}

Result<Circuit> decomposeGates(const Circuit& circuit, const std::function<bool(const GateOp&)>& supported)
{
    auto inlined = inlineDefinitions(circuit);
    if (!inlined)
        return inlined.error();
    auto ops = rewriteOps(inlined.value().ops, [&](const GateOp& g) { return decomposeGate(g, supported, 0); });
    if (!ops)
        return ops.error();
    Circuit out = std::move(inlined).value();
    out.ops = std::move(ops).value();
    return out;
}

Result<Circuit> bindParameters(const Circuit& circuit, const ParamBindings& bindings)
{
    for (const auto& [name, value] : bindings) {
        bool known = false;
        for (const std::string& p : circuit.parameters)
            known = known || p == name;
        if (!known)
            return Error{"the circuit has no parameter '" + name + "'"};
        if (!std::isfinite(value))
            return Error{"parameter '" + name + "' must be a finite number"};
    }
    auto ops = rewriteOps(circuit.ops, [&](const GateOp& g) {
        GateOp b = g;
        for (Expr& e : b.params)
            e = e.bind(bindings);
        for (Modifier& m : b.modifiers)
            m.exponent = m.exponent.bind(bindings);
        return Result<std::vector<Operation>>(std::vector<Operation>{Operation{std::move(b)}});
    });
    if (!ops)
        return ops.error();
    Circuit out = circuit;
    out.ops = std::move(ops).value();
    out.parameters.clear();
    for (const std::string& p : circuit.parameters)
        if (!bindings.count(p))
            out.parameters.push_back(p);
    return out;
}

Result<Matrix> gateOpMatrix(const GateOp& op, const Circuit& circuit) { return opMatrix(op, circuit, 0); }

Matrix matrixProduct(const Matrix& a, const Matrix& b)
{
    Matrix out{a.qubits, std::vector<Complex>(a.data.size())};
    const int d = a.dim();
    for (int r = 0; r < d; ++r)
        for (int k = 0; k < d; ++k) {
            const Complex x = a.at(r, k);
            if (x == Complex(0))
                continue;
            for (int c = 0; c < d; ++c)
                out.at(r, c) += x * b.at(k, c);
        }
    return out;
}

Matrix matrixAdjoint(const Matrix& a)
{
    Matrix out{a.qubits, std::vector<Complex>(a.data.size())};
    for (int r = 0; r < a.dim(); ++r)
        for (int c = 0; c < a.dim(); ++c)
            out.at(c, r) = std::conj(a.at(r, c));
    return out;
}

Result<Matrix> matrixPower(const Matrix& a, double exponent)
{
    if (!std::isfinite(exponent))
        return Error{"pow exponent must be a finite number"};
    const int d = a.dim();
    Eigen::MatrixXcd m(d, d);
    for (int r = 0; r < d; ++r)
        for (int c = 0; c < d; ++c)
            m(r, c) = a.at(r, c);
    Eigen::ComplexEigenSolver<Eigen::MatrixXcd> solver(m);
    if (solver.info() != Eigen::Success)
        return Error{"pow: the matrix could not be diagonalised"};
    Eigen::VectorXcd lambda = solver.eigenvalues();
    for (int i = 0; i < d; ++i) {
        double arg = std::arg(lambda(i));
        if (arg < -M_PI + 1e-9)
            arg = M_PI; // principal branch: -1 is e^{+iπ}
        lambda(i) = std::polar(std::pow(std::abs(lambda(i)), exponent), arg * exponent);
    }
    const Eigen::MatrixXcd& v = solver.eigenvectors();
    Eigen::MatrixXcd result = v * lambda.asDiagonal() * v.inverse();
    Matrix out{a.qubits, std::vector<Complex>(size_t(d) * size_t(d))};
    for (int r = 0; r < d; ++r)
        for (int c = 0; c < d; ++c)
            out.at(r, c) = result(r, c);
    return out;
}

Matrix controlledMatrix(const Matrix& target, int controls, bool negated)
{
    const int n = controls + target.qubits;
    Matrix out = Matrix::identity(n);
    const int active = negated ? 0 : (1 << controls) - 1;
    const int cmask = (1 << controls) - 1;
    for (int r = 0; r < out.dim(); ++r) {
        if ((r & cmask) != active)
            continue;
        for (int c = 0; c < out.dim(); ++c) {
            if ((c & cmask) != active)
                continue;
            out.at(r, c) = target.at(r >> controls, c >> controls);
        }
    }
    return out;
}

} // namespace qpilot
