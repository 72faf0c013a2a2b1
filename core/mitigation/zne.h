// core/mitigation/zne.h — zero-noise extrapolation on the simulator: unitary folding (global,
// local gate by gate, two-qubit-only as IBM does) to scale factor λ, following Mitiq's
// definitions [S1]; extrapolation (linear / polynomial / Richardson through overhead.h's
// extrapolationWeights, exponential A·e^{−λ/τ} + B by least squares) with the propagated
// standard error; and the run over the user's scale factors.
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"
#include "core/mitigation/execute.h"
#include "core/mitigation/overhead.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qpilot::mitigation {

// Which gates get the extra fold when λ is not an odd integer (local and 2q folding).
enum class FoldSelection { FromLeft, FromRight, Random };

struct FoldResult {
    Circuit circuit;
    double realizedScale = 1; // folded gate count / original gate count (2q gates for 2q folding)
};

// Folds `unitary` (gates only, see unitaryPart) to scale factor λ ≥ 1 (Mitiq [S1]):
//  Global: C (C†C)^k then L†L for the last s gates L, k = ⌊(λ−1)/2⌋, s = round(((λ−1)/2 − k)·d).
//  Local: every gate G → G (G†G)^k, then s = round(((λ−1)/2 − k)·d) gates get one more G†G,
//         chosen from the left, from the right or at random (seeded).
//  TwoQubitOnly: as Local, but over (and counting) the two-qubit gates only.
// The inverse of a standard gate uses gateInverse (one step: rx(−θ), sdg, cx, ...), otherwise
// an `inv` modifier. Pea (noise amplification) is not folding: an error.
Result<FoldResult> foldCircuit(const Circuit& unitary, double scale, Folding folding,
                               FoldSelection selection = FoldSelection::FromLeft, std::uint64_t seed = 0);

struct Extrapolation {
    double estimate = 0;
    double stdError = 0;
    std::vector<double> weights;   // β_i for the linear estimators; ∂E0/∂E_i (delta method) for exponential
    std::string method;            // "richardson", "linear", "poly:2", "exponential", "linear (fallback)"
    std::string note;              // why the exponential fit fell back, when it did
    double rate = 0, amplitude = 0, asymptote = 0; // exponential fit E(λ) = A e^{−rate·λ} + B
};

// Extrapolates values E(λ_i) with standard errors σ_i to λ = 0. Linear estimators:
// E0 = Σβ_i E_i, σ0² = Σβ_i² σ_i². Exponential: least squares over (A, B) for each rate,
// golden-section search over log(rate); needs ≥ 3 factors; σ0 by the delta method (numerical
// gradient of the fitted E0 in the E_i). Falls back to linear when the fit fails (too few
// points, no decay, rate at the search bound), with a note.
Result<Extrapolation> extrapolate(const std::vector<double>& factors, const std::vector<double>& values,
                                  const std::vector<double>& stdErrors, Extrapolator e, int order = 2);

struct ZneResult {
    std::vector<double> requestedFactors, factors; // factors = realised scale of each folded circuit
    std::vector<double> values, stdErrors;         // per factor, for plotting
    Extrapolation extrapolation;
    std::int64_t circuits = 0, shots = 0;
};

// Runs ZNE for ⟨pauli⟩: folds the circuit with its basis change (withBasisChange) at each factor of `plan` (with `selection`; random folds seeded),
// measures on `backend` (shots per factor = backend.shots) and extrapolates with the realised
// factors. Errors: bad factors, folding errors, a realised factor repeated (circuit too short).
Result<ZneResult> runZne(const Circuit& unitary, const std::string& pauli, const ZnePlan& plan, const Backend& backend,
                         FoldSelection selection = FoldSelection::FromLeft);

} // namespace qpilot::mitigation
