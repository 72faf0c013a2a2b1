// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/simulation_check.h — a completed cloud job's measured counts against Qpilot's own
// simulator: the job's circuit simulated ideal, and with the noise model of the device's Qpilot
// profile when one matches (logical qubit i on physical qubit i, as the pilot pipeline does);
// the total variation distance and Hellinger fidelity of the measured distribution to each, and
// the distance shot noise alone would give. It answers "do the noisy simulations behind the
// scorecard predict this hardware?" with the job's own shots as the evidence.
#pragma once

#include "core/cloud/jobs.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace qpilot::cloud {

struct SimulationCheck {
    int shots = 0;                                // the job's measured shots (sum of its counts)
    int width = 0;                                // bits per outcome
    // Every outcome that was measured or has probability > 1e-9 in a simulation, sorted as
    // bitstrings (qubit 0 rightmost); the distributions below are aligned with it.
    std::vector<std::string> outcomes;
    std::vector<double> measured, ideal;          // probabilities
    std::vector<double> noisy;                    // empty when there is no noise model
    double tvdIdeal = 0;                          // ½ Σ |measured − ideal|
    double fidelityIdeal = 0;                     // Hellinger fidelity (Σ √(measured·ideal))²
    std::optional<double> tvdNoisy, fidelityNoisy;
    // The TVD expected from finite shots alone if the hardware sampled the noisy (else ideal)
    // distribution p exactly: ½ Σ √(2 p(1−p) / (π N)) (mean absolute deviation of a binomial
    // frequency, normal approximation). A measured TVD well above it is a real difference.
    double shotNoiseTvd = 0;
    std::string profileId;                        // the noise model's profile ("" none)
    std::string noisyMethod;                      // "density matrix (exact)" or "trajectories, N shots"
    std::string note;                             // why there is no noisy comparison, if there is none
};

// Errors: the job has no counts yet, its circuit does not parse or has free parameters, it is too
// large to simulate here (memory guard), the counts' width differs from the circuit's outcome
// width, it has more than `maxQubits` qubits (0: no limit beyond memory), or `cancel` was set
// ("cancelled").
Result<SimulationCheck> checkAgainstSimulation(const CloudJob& job, const std::atomic<bool>* cancel = nullptr, int maxQubits = 0);

} // namespace qpilot::cloud
