// core/ml/quantum_execution.h — internal to the quantum models: running a parametrised circuit
// once for given bindings on core/sim (ideal state vector, final probabilities ideal or under
// a noise model, noisy density matrix) and the inverse of a gate-only circuit.
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"
#include "core/sim/density_matrix.h"

#include <vector>

namespace qpilot {
class NoiseModel;
}

namespace qpilot::ml::detail {

// Final pure state (single-threaded; callers parallelise over samples).
Result<std::vector<Complex>> idealState(const Circuit& circuit, const ParamBindings& bindings);
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
