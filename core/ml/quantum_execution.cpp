// core/ml/quantum_execution.cpp — see quantum_execution.h.
#include "core/ml/quantum_execution.h"

#include "core/noise/noise.h"
#include "core/sim/program.h"
#include "core/sim/simulator.h"

#include <algorithm>

namespace qpilot::ml::detail {

Result<std::vector<Complex>> idealState(const Circuit& circuit, const ParamBindings& bindings)
{
    sim::SimOptions o;
    o.wantStatevector = true;
    o.threads = 1;
    o.parameters = bindings;
    auto r = sim::simulate(circuit, o);
    if (!r)
        return r.error();
    return std::move(r.value().statevector);
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
