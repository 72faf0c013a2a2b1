// core/ml/quantum_execution.h — internal to the quantum models: running a parametrised circuit
// for given bindings on core/sim (a prepared circuit for fast ideal reruns, final probabilities
// ideal or under a noise model, noisy density matrix) and the inverse of a gate-only circuit.
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"
#include "core/sim/density_matrix.h"

#include <vector>

namespace qpilot {
class NoiseModel;
}

namespace qpilot::ml::detail {

// A gate-only circuit inlined once, then run for many parameter values without rebuilding
// anything: gate angles that are a constant or one of the `slots` are read directly, other
// expressions are evaluated; fixed gates keep their matrix; the core/sim kernels apply them
// (single-threaded; callers parallelise over samples).
class PreparedCircuit {
public:
    // `slots`: the free parameters, in the order of the values passed to state().
    static Result<PreparedCircuit> prepare(const Circuit& circuit, const std::vector<std::string>& slots);
    int numQubits() const { return m_qubits; }
    Result<std::vector<Complex>> state(const std::vector<double>& slotValues) const;
    Result<std::vector<double>> probabilities(const std::vector<double>& slotValues) const;

private:
    struct Param {
        int slot = -1;        // >= 0: the value of that slot
        Expr expr;            // otherwise: evaluated (constant folded at prepare time)
    };
    struct Gate {
        GateOp op;
        std::vector<Param> params;
        bool fixed = false;   // matrix below is final
        Matrix matrix;
    };
    int m_qubits = 0;
    std::vector<std::string> m_slots;
    std::vector<Gate> m_gates;
    Circuit m_definitions; // for gateOpMatrix of modified gates
    bool m_needsBindings = false;
};

// Probabilities over all qubits (index bit q = qubit q): ideal, or the density-matrix method
// with `noise` (gate noise; readout error is not applied to these exact probabilities).
Result<std::vector<double>> finalProbabilities(const Circuit& circuit, const ParamBindings& bindings,
                                               const NoiseModel* noise);
// ρ at the end of the circuit under `noise`.
Result<sim::DensityMatrix> noisyDensity(const Circuit& circuit, const ParamBindings& bindings,
                                        const NoiseModel* noise);
// U† for a circuit of gates only: operations reversed, each with an `inv` modifier.
Circuit inverseCircuit(const Circuit& circuit);
// `first` followed by `second` on the same qubits (definitions and parameters merged).
Circuit appendCircuit(const Circuit& first, const Circuit& second);

} // namespace qpilot::ml::detail
