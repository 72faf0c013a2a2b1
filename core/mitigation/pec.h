// core/mitigation/pec.h — probabilistic error cancellation on the simulator: quasi-probability
// representations of each noisy gate from the noise model's depolarizing strength (Mitiq's
// depolarizing representations [S1]; γ from overhead.h's gammaOneQubit / gammaTwoQubit), the
// total γ and γ² sampling overhead with a cap, seeded sampling of signed circuit instances
// (the sampled Pauli inserted after each noisy gate as a noiseless frame Pauli) and the
// sign-weighted estimator; and the exact sum over all terms for small circuits.
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"
#include "core/mitigation/execute.h"
#include "core/noise/noise.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qpilot::mitigation {

// One noisy gate: G_ideal = η_I·(noisy G) + Σ_{P≠I} η_P·(P ∘ noisy G), with the process
// infidelity p of its noise (ε = 4p/3 resp. 16p/15 the depolarizing parameter):
//   1q: η_I = 1 + (3/4)ε/(1−ε), η_P = −(1/4)ε/(1−ε) (3 Paulis);
//   2q: η_I = 1 + (15/16)ε/(1−ε), η_P = −(1/16)ε/(1−ε) (15 Paulis); γ = Σ|η| = 1 + 2p/(1−4p/3)
//   resp. 1 + 2p/(1−16p/15).
struct GateRepresentation {
    std::size_t op = 0;          // index into the circuit's ops
    std::vector<int> qubits;     // 1 or 2 (operand order)
    double processInfidelity = 0;
    double gamma = 1;
    double etaIdentity = 1, etaPauli = 0;
};

struct PecRepresentation {
    std::vector<GateRepresentation> gates; // gates with noise only (virtual / noiseless gates are exact)
    double gamma = 1;                      // Π γ_g
    double gammaSquared() const { return gamma * gamma; }
};

// Representations of every gate of `unitary` that `noise` makes noisy. The gate's process
// infidelity is p = 1 − Π_k F_pro(channel_k) over the channels after it (exact when one
// depolarizing channel follows each gate, as in a matching depolarizing model; first order in
// the errors otherwise, e.g. for relaxation + depolarizing from a device profile). Errors: a
// noisy gate on 3+ qubits, a non-invertible channel (p ≥ 3/4 resp. 15/16).
Result<PecRepresentation> representationFor(const Circuit& unitary, const NoiseModel& noise);

struct PecOptions {
    double maxOverhead = 100;  // refuse when γ² exceeds it (Qiskit max_overhead default [S2])
    int samples = 0;           // 0: Mitiq's rule ⌈(γ/precision)²⌉
    double precision = 0.03;   // Mitiq default [S1]
};

struct PecResult {
    double estimate = 0, stdError = 0;
    double gamma = 1, gammaSquared = 1;
    int samples = 0, negativeSamples = 0;
    std::int64_t circuits = 0, shots = 0;  // distinct instances executed, shots spent
};

// Sampled PEC of ⟨pauli⟩: each sample draws one term per noisy gate with probability |η|/γ_g,
// its sign the product of the η signs; the estimate is the mean of γ·sign·m over the samples
// (m the instance's measured ⟨P⟩ — exact when backend.shots = 0, else from ⌈γ²·S/N⌉ shots, so
// the γ²·S shots of equal precision are spread over the N samples), its standard
// error the sample standard deviation / √N. Runs on frameNoise(*backend.noise). Errors: γ² above
// the cap (the message gives γ² and the cap), no noise model, gpi in the circuit.
// The basis change of `pauli` (withBasisChange) is part of the represented circuit, so its
// gates are cancelled too. `representation` (optional) receives what was sampled.
Result<PecResult> runPec(const Circuit& unitary, const std::string& pauli, const PecOptions& options,
                         const Backend& backend, PecRepresentation* representation = nullptr);

// Σ over all terms Π η · ⟨P⟩(instance) (basis change included, as runPec), each instance measured exactly on frameNoise(noise):
// the infinite-sample PEC value. Error above 65,536 terms.
Result<double> exactPec(const Circuit& unitary, const std::string& pauli, const NoiseModel& noise);

} // namespace qpilot::mitigation
