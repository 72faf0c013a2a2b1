// core/mitigation/readout.h — readout error mitigation: calibration circuits (full: 2^n basis
// preparations; tensored: all-0 and all-1; subspace/M3-style: each qubit prepared in 0 and 1
// on its own, 2N circuits) run on the noisy simulator with seeded shots, the confusion matrix or
// per-qubit 2×2 matrices, inversion (full/tensored on the whole space, subspace restricted to the
// observed bitstrings as M3 does [S7]) and the Euclidean projection to the nearest probability
// distribution (sorted-simplex algorithm, Duchi et al. 2008 / Held et al. 1974).
#pragma once

#include "core/common/result.h"
#include "core/mitigation/overhead.h"
#include "core/noise/noise.h"

#include <array>
#include <cstdint>
#include <map>
#include <vector>

namespace qpilot::mitigation {

struct ReadoutCalibration {
    ReadoutMethod method = ReadoutMethod::Tensored;
    std::vector<int> qubits;                 // calibrated qubits; local bit j = qubits[j]
    std::vector<double> full;                // Full: A[measured·2^n + prepared], columns sum to 1
    std::vector<std::array<double, 2>> flip; // Tensored/Subspace: per qubit {p(1|0), p(0|1)}
    std::int64_t circuits = 0, shots = 0;    // calibration cost spent
};

// Runs the calibration circuits of `method` for `qubits` (of a `numQubits`-qubit register) on
// the noisy simulator: `shots` per circuit (0 = exact probabilities), seeded. Errors: Full on
// more than 12 qubits, an empty or repeated qubit list, a qubit out of range.
Result<ReadoutCalibration> calibrateReadout(int numQubits, const std::vector<int>& qubits, ReadoutMethod method,
                                            const NoiseModel& noise, int shots, std::uint64_t seed);

// Mitigated distribution over `measured` (calibrated qubits; local bit j = measured[j]) from
// the observed one (probabilities by local index): Full inverts the marginal confusion matrix
// (other calibrated qubits prepared in 0), Tensored applies the per-qubit inverses, Subspace
// solves A_S x = p on the observed bitstrings only (A_S columns renormalised, as M3). The result
// is projected onto the probability simplex unless `project` is false (expectation values use
// the unprojected quasi-distribution: the inversion is linear, hence unbiased, while the
// projection is not). Errors: a singular matrix, an uncalibrated qubit, a subspace above 4096
// bitstrings.
Result<std::map<std::uint64_t, double>> correctDistribution(const ReadoutCalibration& calibration,
                                                            const std::vector<int>& measured,
                                                            const std::map<std::uint64_t, double>& observed,
                                                            bool project = true);

// f = Π_q (1 − p(1|0) − p(0|1)) over `measured` (the parity contrast the inversion undoes).
double readoutFidelity(const ReadoutCalibration& calibration, const std::vector<int>& measured);

// Euclidean projection of v onto {x ≥ 0, Σx = 1}: sort descending, find the largest k with
// u_k − (Σ_{i≤k} u_i − 1)/k > 0, shift by θ = (Σ_{i≤k} u_i − 1)/k and clip at 0.
std::vector<double> projectToSimplex(const std::vector<double>& v);

// Total variation distance ½ Σ |p − q| of two sparse distributions.
double totalVariation(const std::map<std::uint64_t, double>& p, const std::map<std::uint64_t, double>& q);
// Hellinger fidelity (Σ √(p·q))² of two sparse distributions (1 when equal, 0 when disjoint; the
// quantity Qiskit's hellinger_fidelity reports for two count dictionaries).
double hellingerFidelity(const std::map<std::uint64_t, double>& p, const std::map<std::uint64_t, double>& q);

// REM of a whole circuit: its measured qubits' distribution noisy (with readout error), the
// mitigated one, the ideal one (noiseless simulator) and the TVDs, plus the calibration cost.
struct ReadoutResult {
    std::vector<int> measured;
    std::map<std::uint64_t, double> ideal, noisy, mitigated;
    double tvdBefore = 0, tvdAfter = 0;
    ReadoutCalibration calibration;
    std::int64_t circuits = 0, shots = 0;    // executions of the circuit itself
};
Result<ReadoutResult> runReadoutMitigation(const Circuit& unitary, const NoiseModel& noise, ReadoutMethod method,
                                           int shots, int calibrationShots, std::uint64_t seed);

} // namespace qpilot::mitigation
