// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/simulation_check.cpp — checkAgainstSimulation (see simulation_check.h).
#include "core/cloud/simulation_check.h"

#include "core/circuit/qasm.h"
#include "core/device/device.h"
#include "core/mitigation/readout.h"
#include "core/noise/noise.h"
#include "core/sim/sampling.h"
#include "core/sim/simulator.h"

#include <cmath>
#include <map>
#include <set>

namespace qpilot::cloud {

namespace {

constexpr double kNegligible = 1e-9;
constexpr int kTrajectoryShots = 4000; // noisy circuits beyond the density-matrix limit

using Distribution = std::map<std::uint64_t, double>;

Distribution sparse(const std::vector<double>& probabilities)
{
    Distribution d;
    for (std::size_t i = 0; i < probabilities.size(); ++i)
        if (probabilities[i] > kNegligible)
            d[i] = probabilities[i];
    return d;
}

int widthOf(std::size_t outcomes)
{
    int w = 0;
    while ((std::size_t(1) << w) < outcomes)
        ++w;
    return w;
}

double at(const Distribution& d, std::uint64_t k)
{
    const auto it = d.find(k);
    return it == d.end() ? 0.0 : it->second;
}

} // namespace

Result<SimulationCheck> checkAgainstSimulation(const CloudJob& job, const std::atomic<bool>* cancel, int maxQubits)
{
    const std::string name = "job " + std::to_string(job.id);
    if (job.countsJson.empty())
        return Error(name + " has no counts yet: they arrive when it completes (`qpilot cloud wait " + std::to_string(job.id) + "`)");
    auto counts = countsFromJson(job.countsJson);
    if (!counts)
        return Error(name + ": its stored counts are unreadable: " + counts.error().message);
    auto circuit = parseQasm(job.qasm, name);
    if (!circuit)
        return Error(name + ": its circuit does not parse: " + circuit.error().toString());
    if (!circuit->parameters.empty())
        return Error(name + ": its circuit has free parameters, so there is nothing definite to simulate");
    const int n = circuit->numQubits();
    if (maxQubits > 0 && n > maxQubits)
        return Error(name + ": its circuit has " + std::to_string(n) + " qubits, above the " + std::to_string(maxQubits)
                     + " compared automatically; run `qpilot cloud result " + std::to_string(job.id) + " --compare`");
    if (auto tooLarge = sim::checkMemory(n, false))
        return Error(name + ": too large to simulate on this machine: " + tooLarge->message);

    // Ideal: exact probabilities over the classical register (the job's outcomes).
    sim::SimOptions ideal;
    ideal.wantProbabilities = true;
    ideal.cancel = cancel;
    ideal.seed = std::uint64_t(job.id);
    auto idealRun = sim::simulate(circuit.value(), ideal);
    if (!idealRun)
        return Error(idealRun.error().message == "cancelled" ? "cancelled" : name + ": ideal simulation: " + idealRun.error().message);

    SimulationCheck check;
    check.width = widthOf(idealRun->probabilities.size());
    Distribution measured;
    std::int64_t total = 0;
    for (const auto& [bits, count] : counts.value()) {
        if (int(bits.size()) != check.width)
            return Error(name + ": its counts are " + std::to_string(bits.size()) + " bits wide but the circuit's outcomes are "
                         + std::to_string(check.width) + " bits (its classical register): they cannot be compared");
        std::uint64_t index = 0;
        for (char c : bits) {
            if (c != '0' && c != '1')
                return Error(name + ": outcome '" + bits + "' in its counts is not a bitstring");
            index = (index << 1) | std::uint64_t(c == '1');
        }
        if (count < 0)
            return Error(name + ": outcome '" + bits + "' has a negative count");
        measured[index] += double(count);
        total += count;
    }
    if (total <= 0)
        return Error(name + ": its counts hold no shots");
    for (auto& [k, v] : measured)
        v /= double(total);
    check.shots = int(total);
    const Distribution idealDist = sparse(idealRun->probabilities);

    // Noisy: the matching profile's noise model, logical qubit i on physical qubit i.
    Distribution noisyDist;
    std::vector<double> noisyFull;
    Result<Provider> provider = jobProvider(job);
    const std::string profileId = provider ? profileIdForCloudDevice(provider.value(), job.deviceId) : std::string();
    if (profileId.empty()) {
        check.note = "no Qpilot device profile matches " + job.deviceId + ", so there is no noise model to compare with";
    } else if (auto device = findDevice(profileId); !device) {
        check.note = "the profile " + profileId + " could not be loaded: " + device.error().message;
    } else if (device->numQubits < n) {
        check.note = "the circuit uses " + std::to_string(n) + " qubits; the profile " + profileId + " has "
                     + std::to_string(device->numQubits);
    } else if (auto model = NoiseModel::fromDevice(device.value()); !model) {
        check.note = "the noise model of " + profileId + " could not be built: " + model.error().message;
    } else if (model->isIdeal()) {
        check.note = "the profile " + profileId + " publishes no error, coherence or readout figures: its noise model is "
                     "ideal, so a noisy comparison would repeat the ideal one";
    } else {
        sim::SimOptions noisy;
        noisy.noise = &model.value();
        noisy.wantProbabilities = true;
        noisy.cancel = cancel;
        noisy.seed = std::uint64_t(job.id);
        const bool density = n <= noisy.densityMaxQubits && !sim::checkMemory(n, true);
        noisy.method = density ? sim::Method::DensityMatrix : sim::Method::Trajectories;
        if (!density)
            noisy.shots = kTrajectoryShots;
        auto noisyRun = sim::simulate(circuit.value(), noisy);
        if (!noisyRun) {
            if (noisyRun.error().message == "cancelled")
                return Error("cancelled");
            check.note = "the noisy simulation with " + profileId + " failed: " + noisyRun.error().message;
        } else {
            check.profileId = profileId;
            check.noisyMethod = density ? "density matrix (exact)" : "trajectories, " + std::to_string(kTrajectoryShots) + " shots";
            noisyFull = noisyRun->probabilities;
            noisyDist = sparse(noisyFull);
        }
    }

    std::set<std::uint64_t> keys;
    const Distribution* all[] = {&measured, &idealDist, &noisyDist};
    for (const Distribution* d : all)
        for (const auto& kv : *d)
            keys.insert(kv.first);
    for (std::uint64_t k : keys) {
        check.outcomes.push_back(sim::bitstring(k, check.width));
        check.measured.push_back(at(measured, k));
        check.ideal.push_back(at(idealDist, k));
        if (!check.profileId.empty())
            check.noisy.push_back(at(noisyDist, k));
    }
    check.tvdIdeal = mitigation::totalVariation(measured, idealDist);
    check.fidelityIdeal = mitigation::hellingerFidelity(measured, idealDist);
    if (!check.profileId.empty()) {
        check.tvdNoisy = mitigation::totalVariation(measured, noisyDist);
        check.fidelityNoisy = mitigation::hellingerFidelity(measured, noisyDist);
    }
    const std::vector<double>& expected = check.profileId.empty() ? idealRun->probabilities : noisyFull;
    double noise = 0;
    for (double p : expected)
        if (p > 0 && p < 1)
            noise += std::sqrt(2 * p * (1 - p) / (M_PI * double(total)));
    check.shotNoiseTvd = noise / 2;
    return check;
}

} // namespace qpilot::cloud
