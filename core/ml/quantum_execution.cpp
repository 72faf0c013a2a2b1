// core/ml/quantum_execution.cpp — see quantum_execution.h.
#include "core/ml/quantum_execution.h"

#include "core/circuit/transform.h"
#include "core/noise/noise.h"
#include "core/sim/kernels.h"
#include "core/sim/program.h"
#include "core/sim/simulator.h"

#include <algorithm>

namespace qpilot::ml::detail {

namespace {

Result<Matrix> opMatrix(const GateOp& op, const std::vector<double>& values, const Circuit& definitions)
{
    if (op.modifiers.empty() && op.kind != GateKind::Custom)
        return gateMatrix(op.kind, values);
    GateOp bound = op;
    for (size_t i = 0; i < values.size(); ++i)
        bound.params[i] = values[i];
    return gateOpMatrix(bound, definitions);
}

} // namespace

Result<PreparedCircuit> PreparedCircuit::prepare(const Circuit& circuit, const std::vector<std::string>& slots)
{
    auto inlined = inlineDefinitions(circuit);
    if (!inlined)
        return inlined.error();
    if (inlined->numQubits() > 24)
        return Error{"the model circuit has " + std::to_string(inlined->numQubits()) + " qubits; at most 24 are supported"};
    PreparedCircuit p;
    p.m_qubits = inlined->numQubits();
    p.m_slots = slots;
    for (const Operation& op : inlined->ops) {
        if (std::holds_alternative<BarrierOp>(op.op))
            continue;
        const auto* g = std::get_if<GateOp>(&op.op);
        if (!g)
            return Error{"the model circuit must contain gates only (no measurement, reset or condition)"};
        Gate gate;
        gate.op = *g;
        bool allConstant = true;
        std::vector<double> constants;
        for (const Expr& e : g->params) {
            Param prm;
            prm.expr = e;
            if (e.kind() == Expr::Kind::Parameter) {
                const auto it = std::find(slots.begin(), slots.end(), e.parameterName());
                if (it != slots.end())
                    prm.slot = static_cast<int>(it - slots.begin());
            }
            if (prm.slot < 0 && !e.isConstant())
                p.m_needsBindings = true;
            allConstant = allConstant && e.isConstant();
            if (e.isConstant())
                constants.push_back(e.constantValue());
            gate.params.push_back(std::move(prm));
        }
        if (allConstant) {
            auto m = opMatrix(*g, constants, *inlined);
            if (!m)
                return m.error();
            gate.fixed = true;
            gate.matrix = std::move(m.value());
        }
        p.m_gates.push_back(std::move(gate));
    }
    p.m_definitions = std::move(inlined.value());
    p.m_definitions.ops.clear();
    return p;
}

Result<std::vector<Complex>> PreparedCircuit::state(const std::vector<double>& slotValues) const
{
    if (slotValues.size() != m_slots.size())
        return Error{"expected " + std::to_string(m_slots.size()) + " parameter values, got " + std::to_string(slotValues.size())};
    ParamBindings bindings;
    if (m_needsBindings)
        for (size_t i = 0; i < m_slots.size(); ++i)
            bindings[m_slots[i]] = slotValues[i];
    const int n = m_qubits;
    std::vector<Complex> amp(size_t(1) << n, Complex(0));
    amp[0] = 1;
    std::vector<double> values;
    Matrix scratch;
    for (const Gate& g : m_gates) {
        const Matrix* m = &g.matrix;
        if (!g.fixed) {
            values.clear();
            for (const Param& prm : g.params) {
                if (prm.slot >= 0) {
                    values.push_back(slotValues[size_t(prm.slot)]);
                    continue;
                }
                auto v = prm.expr.evaluate(bindings);
                if (!v)
                    return v.error();
                values.push_back(*v);
            }
            auto mm = opMatrix(g.op, values, m_definitions);
            if (!mm)
                return mm.error();
            scratch = std::move(mm.value());
            m = &scratch;
        }
        const std::vector<int>& q = g.op.qubits;
        const int k = static_cast<int>(q.size());
        if (k == 0) {
            for (Complex& a : amp)
                a *= m->data[0];
        } else if (k == 1) {
            sim::applyMatrix1(amp.data(), n, q[0], m->data.data(), 1);
        } else if (k == 2) {
            sim::applyMatrix2(amp.data(), n, q[0], q[1], m->data.data(), 1);
        } else {
            sim::applyMatrixK(amp.data(), n, q.data(), k, m->data.data(), 1);
        }
    }
    return amp;
}

Result<std::vector<double>> PreparedCircuit::probabilities(const std::vector<double>& slotValues) const
{
    auto psi = state(slotValues);
    if (!psi)
        return psi.error();
    std::vector<double> p(psi->size());
    for (size_t i = 0; i < p.size(); ++i)
        p[i] = std::norm(psi.value()[i]);
    return p;
}

Result<std::vector<double>> finalProbabilities(const Circuit& circuit, const ParamBindings& bindings,
                                               const NoiseModel* noise)
{
    sim::SimOptions o;
    o.wantProbabilities = true;
    o.threads = 1;
    o.parameters = bindings;
    o.noise = noise;
    o.method = noise ? sim::Method::DensityMatrix : sim::Method::StateVector;
    auto r = sim::simulate(circuit, o);
    if (!r)
        return r.error();
    return std::move(r.value().probabilities);
}

Result<sim::DensityMatrix> noisyDensity(const Circuit& circuit, const ParamBindings& bindings,
                                        const NoiseModel* noise)
{
    auto program = sim::compileProgram(circuit, bindings);
    if (!program)
        return program.error();
    return sim::finalDensityMatrix(*program, noise, 1);
}

Circuit inverseCircuit(const Circuit& circuit)
{
    Circuit inv = circuit;
    inv.ops.clear();
    for (auto it = circuit.ops.rbegin(); it != circuit.ops.rend(); ++it) {
        Operation op = *it;
        if (auto* g = std::get_if<GateOp>(&op.op))
            g->modifiers.insert(g->modifiers.begin(), Modifier{Modifier::Kind::Inv, 1, Expr()});
        inv.ops.push_back(std::move(op));
    }
    return inv;
}

Circuit appendCircuit(const Circuit& first, const Circuit& second)
{
    Circuit c = first;
    for (const GateDefinition& d : second.definitions)
        if (!c.definition(d.name))
            c.definitions.push_back(d);
    for (const std::string& p : second.parameters)
        if (std::find(c.parameters.begin(), c.parameters.end(), p) == c.parameters.end())
            c.parameters.push_back(p);
    c.ops.insert(c.ops.end(), second.ops.begin(), second.ops.end());
    return c;
}

} // namespace qpilot::ml::detail
