// core/mitigation/execute.h — what every mitigation technique shares when it runs on the
// simulator: the unitary part of a circuit, Pauli observables (qubit 0 rightmost), measuring
// ⟨P⟩ exactly (density-matrix probabilities) or from seeded shots with its variance, the
// ideal value from the noiseless state vector, noiseless "frame" Paulis, seed streams, and the
// measured effect (bias before/after, standard errors, overhead spent) every technique reports.
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"
#include "core/noise/noise.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace qpilot::mitigation {

struct ReadoutCalibration;

// Where circuits run: the noise model (nullptr = ideal), shots per circuit (0 = exact
// probabilities, no shot noise) and the seed every draw derives from. `readout` (optional)
// corrects the measured distribution (linear inversion, not projected: unbiased) before ⟨P⟩ is
// formed (REM combined with another technique).
struct Backend {
    const NoiseModel* noise = nullptr;
    int shots = 0;
    std::uint64_t seed = 0;
    const ReadoutCalibration* readout = nullptr;
};

// One measured expectation: value, variance of that value (0 when exact) and shots spent.
struct Measurement {
    double value = 0;
    double variance = 0;
    std::int64_t shots = 0;
};

// A distinct, reproducible seed for stream `stream` of `seed` (splitmix64 of both).
std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream);

// Validates a Pauli string over `numQubits` qubits (qubit 0 rightmost, letters I X Y Z in any
// case) and returns it upper-cased. Errors give the expected length or the bad letter's position.
Result<std::string> checkPauli(const std::string& pauli, int numQubits);

// The gate part of a circuit: definitions inlined, parameters must be bound, barriers and
// terminal measurements dropped. Errors: reset, conditions, delays, a gate after a measurement
// on the same qubit (mid-circuit measurement), free parameters.
Result<Circuit> unitaryPart(const Circuit& circuit);

// `unitary` followed by the basis change of `pauli` (X: h; Y: sdg, h), and the Pauli with its
// X/Y letters turned into Z (what is then measured in the computational basis).
Circuit withBasisChange(const Circuit& unitary, const std::string& pauli);
std::string zBasisPauli(const std::string& pauli);

// `unitary` followed by the basis change of `pauli` (X: h; Y: sdg, h) and measurements of its
// support into a register "m" (bit j = j-th support qubit, ascending).
Circuit withPauliMeasurement(const Circuit& unitary, const std::string& pauli);

// Distribution over the classical register of a measured circuit: exact density-matrix /
// state-vector probabilities when shots = 0, else the seeded shot frequencies (bit j = clbit j).
Result<std::map<std::uint64_t, double>> runDistribution(const Circuit& measured, const NoiseModel* noise, int shots,
                                                        std::uint64_t seed);

// ⟨P⟩ of `unitary` on `backend`: exact from the density-matrix probabilities when shots = 0,
// otherwise from seeded shots (seed stream `stream`) with variance (1 − v²)/shots (raw parity;
// divided by f² = Π(1 − p(0|1) − p(1|0))² of the support when readout correction is applied).
Result<Measurement> measurePauli(const Circuit& unitary, const std::string& pauli, const Backend& backend,
                                 std::uint64_t stream = 0);

// ⟨ψ|P|ψ⟩ of the noiseless state vector of `unitary`.
Result<double> idealExpectation(const Circuit& unitary, const std::string& pauli);

// Frame Paulis: inserted Paulis (PEC, twirling) are applied as gpi gates — gpi(0) = X,
// gpi(π/2) = Y, Z = gpi(0) then gpi(π/2) (= −iZ, a global phase) — which `frameNoise` makes
// noiseless (on hardware they are merged into neighbouring 1q gates or tracked in the Pauli
// frame). 0 = I, 1 = X, 2 = Y, 3 = Z. Error when the circuit itself uses gpi.
void appendPauli(Circuit& circuit, int pauli, int qubit);
NoiseModel frameNoise(const NoiseModel& noise);
std::optional<Error> checkNoFrameGates(const Circuit& circuit);

// What a technique measured and spent, next to the ideal and the unmitigated value.
struct Effect {
    double ideal = 0;
    double noisy = 0, noisyStdError = 0;
    double mitigated = 0, mitigatedStdError = 0;
    std::int64_t circuits = 0, shots = 0;                       // executed for the mitigated value
    std::int64_t calibrationCircuits = 0, calibrationShots = 0;
    double biasBefore() const { return noisy - ideal; }
    double biasAfter() const { return mitigated - ideal; }
};

} // namespace qpilot::mitigation
