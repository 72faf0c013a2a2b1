// core/sim/simulator.h — entry header of the simulator: run a Circuit ideal (state vector)
// or with a noise model (density matrix or Monte Carlo trajectories), with seeded shots,
// mid-circuit measurement, reset and classically controlled operations, progress and cancel.
#pragma once

#include "core/circuit/circuit.h"
#include "core/common/result.h"
#include "core/sim/kernels.h"
#include "core/sim/sampling.h"
#include "core/sim/statevector.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace qpilot {
class NoiseModel;
}

namespace qpilot::sim {

enum class Method { Auto, StateVector, DensityMatrix, Trajectories };
const char* methodName(Method m);                  // "statevector", ...
std::optional<Method> methodByName(const std::string& name);

struct SimOptions {
    int shots = 0;                  // 0: no sampling (state only)
    std::uint64_t seed = 0;
    Method method = Method::Auto;   // Auto: statevector without noise; with noise density
                                    // matrix up to `densityMaxQubits`, trajectories beyond
    int densityMaxQubits = 12;
    int threads = 0;                // 0 = all hardware threads
    int fusionMaxQubits = 6;        // gate fusion block size (best measured: bench/README.md); 0 or 1 disables fusion
    const NoiseModel* noise = nullptr;
    bool wantStatevector = false;   // final pure state (only without noise and without
                                    // mid-circuit measurement / reset / conditions)
    bool wantProbabilities = false; // exact final probabilities over the classical register
                                    // (or over qubits when the circuit measures nothing)
    ParamBindings parameters;       // values for the circuit's free parameters
    const std::atomic<bool>* cancel = nullptr;        // polled between operations and shots
    std::function<void(double fraction)> progress;    // 0..1, called from the calling thread
};

struct SimResult {
    Method method = Method::StateVector;
    int numQubits = 0;
    int numClbits = 0;
    int shots = 0;
    std::uint64_t seed = 0;
    std::vector<Complex> statevector;          // when requested and pure
    std::vector<double> probabilities;         // when requested
    std::map<std::string, int> counts;         // bitstring (classical bit 0 rightmost) -> count
    double seconds = 0;
    int fusedBlocks = 0;                       // unitary passes actually applied
    int sourceGates = 0;                       // gates in the (inlined) circuit
};

// Runs the circuit. Errors: unbound parameters, memory guard, cancel ("cancelled"),
// and what the chosen method cannot do (e.g. statevector output of a noisy run).
Result<SimResult> simulate(const Circuit& circuit, const SimOptions& options);

} // namespace qpilot::sim
