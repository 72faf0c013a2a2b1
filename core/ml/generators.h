// core/ml/generators.h — seeded synthetic datasets: two moons, concentric circles, XOR/parity
// of n bits, and the Havlíček et al. "ad hoc" dataset (Nature 567, 209 (2019)) that a ZZ
// feature-map quantum kernel separates by construction. Every draw derives from one 64-bit seed.
#pragma once

#include "core/common/result.h"
#include "core/ml/dataset.h"

#include <complex>
#include <cstdint>
#include <string>
#include <vector>

namespace qpilot::ml {

// Two interleaved half circles: class 0 on (cos t, sin t), class 1 on (1 - cos t, 0.5 - sin t),
// t uniform in [0, π], plus Gaussian noise of standard deviation `noise` per coordinate.
// rows/2 per class (class 0 gets the odd one).
Result<Dataset> makeMoons(int rows, double noise, std::uint64_t seed);

// Two concentric circles: class 0 on the unit circle, class 1 on radius `factor` (0 < factor < 1),
// angle uniform, plus Gaussian noise.
Result<Dataset> makeCircles(int rows, double noise, double factor, std::uint64_t seed);

// n-bit parity (n = 2 is XOR): bits uniform in {0,1}, label = parity; features are the bits
// mapped to ±1 plus Gaussian noise. Classes balanced (rows/2 each).
Result<Dataset> makeParity(int rows, int bits, double noise, std::uint64_t seed);

// The ad hoc dataset on n qubits (2 ≤ n ≤ 8): x uniform in [0, 2π)^n, state
// |Φ(x)⟩ = U(x) H⊗n U(x) H⊗n |0⟩ with U(x) = exp(i Σ_i x_i Z_i + i Σ_{i<j} (π−x_i)(π−x_j) Z_i Z_j),
// value f(x) = ⟨Φ(x)| V† P V |Φ(x)⟩ with P = Z⊗…⊗Z (parity) and V a Haar-random unitary drawn
// from the seed. Label 0 when f(x) ≥ gap, 1 when f(x) ≤ −gap; points with |f| < gap are
// rejected. rows/2 per class.
Result<Dataset> makeAdHoc(int rows, int qubits, double gap, std::uint64_t seed);

// The pieces of the ad hoc construction, exposed so tests can recompute the labels
// independently: V (row-major 2^n × 2^n) for a seed, and f(x) for a given V.
std::vector<std::complex<double>> adHocUnitary(int qubits, std::uint64_t seed);
double adHocParityExpectation(const std::vector<double>& x, const std::vector<std::complex<double>>& v);

struct GeneratorInfo {
    std::string name;        // "moons", "circles", "xor", "parity", "adhoc"
    std::string description; // parameters and defaults
};
std::vector<GeneratorInfo> generators();

// A generator by a spec "NAME[:key=value,...]" (e.g. "moons:rows=200,noise=0.1",
// "adhoc:qubits=2,gap=0.3"), seeded. Unknown names or keys are errors.
Result<Dataset> generateDataset(const std::string& spec, std::uint64_t seed);

} // namespace qpilot::ml
