// core/mitigation/pec.cpp — PEC representations, sampling of signed instances, exact sum.
#include "core/mitigation/pec.h"

#include "core/mitigation/overhead.h"

#include <cmath>
#include <map>
#include <random>
#include <sstream>

namespace qpilot::mitigation {

Result<PecRepresentation> representationFor(const Circuit& unitary, const NoiseModel& noise)
{
    PecRepresentation rep;
    for (std::size_t i = 0; i < unitary.ops.size(); ++i) {
        const auto* g = std::get_if<GateOp>(&unitary.ops[i].op);
        if (!g || g->qubits.empty())
            continue;
        const auto channels = noise.channelsAfter(*g);
        if (channels.empty())
            continue;
        double fidelity = 1;
        for (const auto& ch : channels)
            fidelity *= processFidelity(ch.channel);
        const double p = std::max(0.0, 1 - fidelity);
        if (p < 1e-15)
            continue;
        const int k = int(g->qubits.size());
        if (k > 2)
            return Error{"PEC represents 1- and 2-qubit gates; gate " + std::to_string(i + 1)
                         + " acts on " + std::to_string(k) + " qubits (decompose or transpile first)"};
        auto gamma = k == 1 ? gammaOneQubit(p) : gammaTwoQubit(p);
        if (!gamma)
            return Error{"PEC: gate " + std::to_string(i + 1) + ": " + gamma.error().message};
        GateRepresentation r;
        r.op = i;
        r.qubits = g->qubits;
        r.processInfidelity = p;
        r.gamma = gamma.value();
        const double d2 = k == 1 ? 4.0 : 16.0;
        const double eps = p * d2 / (d2 - 1);
        r.etaIdentity = 1 + (d2 - 1) / d2 * eps / (1 - eps);
        r.etaPauli = -(1 / d2) * eps / (1 - eps);
        rep.gamma *= r.gamma;
        rep.gates.push_back(std::move(r));
    }
    return rep;
}

namespace {

// The instance with term `choice[j]` (0 = identity, else a Pauli index over the gate's qubits:
// bits 0-1 operand 0, bits 2-3 operand 1) after the j-th represented gate.
Circuit instance(const Circuit& unitary, const PecRepresentation& rep, const std::vector<int>& choice)
{
    Circuit c = unitary;
    c.ops.clear();
    std::size_t next = 0;
    for (std::size_t i = 0; i < unitary.ops.size(); ++i) {
        c.ops.push_back(unitary.ops[i]);
        if (next < rep.gates.size() && rep.gates[next].op == i) {
            const int term = choice[next];
            for (std::size_t q = 0; q < rep.gates[next].qubits.size(); ++q)
                appendPauli(c, (term >> (2 * q)) & 3, rep.gates[next].qubits[q]);
            ++next;
        }
    }
    return c;
}

} // namespace

Result<PecResult> runPec(const Circuit& logical, const std::string& observable, const PecOptions& options,
                         const Backend& backend, PecRepresentation* representationOut)
{
    if (!backend.noise)
        return Error{"PEC needs a noise model to cancel"};
    if (auto e = checkNoFrameGates(logical))
        return *e;
    const Circuit unitary = withBasisChange(logical, observable);
    const std::string pauli = zBasisPauli(observable);
    auto rep = representationFor(unitary, *backend.noise);
    if (!rep)
        return rep.error();
    const PecRepresentation& representation = rep.value();
    if (representationOut)
        *representationOut = representation;
    PecResult r;
    r.gamma = representation.gamma;
    r.gammaSquared = representation.gammaSquared();
    if (r.gammaSquared > options.maxOverhead) {
        std::ostringstream s;
        s << "PEC sampling overhead gamma^2 = " << r.gammaSquared << " exceeds the cap " << options.maxOverhead
          << " (raise --pec-max-overhead, or shorten the circuit)";
        return Error{s.str()};
    }
    if (options.samples < 0 || !(options.precision > 0))
        return Error{"PEC needs samples >= 0 and a positive precision"};
    const double wanted = options.samples > 0 ? double(options.samples)
                                              : std::ceil(r.gammaSquared / (options.precision * options.precision));
    if (wanted > 1e6)
        return Error{"PEC would need " + std::to_string(std::int64_t(wanted)) + " samples (limit 1,000,000)"};
    r.samples = int(wanted);
    const NoiseModel noise = frameNoise(*backend.noise);
    Backend run = backend;
    run.noise = &noise;
    if (backend.shots > 0) // the γ²·S shots of equal precision, spread over the samples
        run.shots = int(std::max(1.0, std::ceil(r.gammaSquared * double(backend.shots) / double(r.samples))));

    std::mt19937_64 rng(deriveSeed(backend.seed, 0x9ec));
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::map<std::vector<int>, double> exact; // exact mode: instance -> ⟨P⟩
    double sum = 0, sumSq = 0;
    for (int s = 0; s < r.samples; ++s) {
        std::vector<int> choice(representation.gates.size(), 0);
        double sign = 1;
        for (std::size_t j = 0; j < representation.gates.size(); ++j) {
            const GateRepresentation& g = representation.gates[j];
            const int terms = g.qubits.size() == 1 ? 4 : 16;
            const double u = uniform(rng) * g.gamma;
            if (u < std::abs(g.etaIdentity)) {
                sign *= g.etaIdentity < 0 ? -1 : 1;
            } else {
                choice[j] = std::min(terms - 1, 1 + int((u - std::abs(g.etaIdentity)) / std::abs(g.etaPauli)));
                sign *= g.etaPauli < 0 ? -1 : 1;
            }
        }
        double m = 0;
        if (backend.shots <= 0) {
            auto it = exact.find(choice);
            if (it == exact.end()) {
                auto measured = measurePauli(instance(unitary, representation, choice), pauli, run, 0);
                if (!measured)
                    return measured.error();
                it = exact.emplace(choice, measured.value().value).first;
                ++r.circuits;
            }
            m = it->second;
        } else {
            auto measured = measurePauli(instance(unitary, representation, choice), pauli, run, std::uint64_t(s) + 1);
            if (!measured)
                return measured.error();
            m = measured.value().value;
            r.shots += measured.value().shots;
            ++r.circuits;
        }
        if (sign < 0)
            ++r.negativeSamples;
        const double x = r.gamma * sign * m;
        sum += x;
        sumSq += x * x;
    }
    const double n = double(r.samples);
    r.estimate = sum / n;
    const double var = r.samples > 1 ? std::max(0.0, (sumSq - n * r.estimate * r.estimate) / (n - 1)) : 0.0;
    r.stdError = std::sqrt(var / n);
    return r;
}

Result<double> exactPec(const Circuit& logical, const std::string& observable, const NoiseModel& noise)
{
    if (auto e = checkNoFrameGates(logical))
        return *e;
    const Circuit unitary = withBasisChange(logical, observable);
    const std::string pauli = zBasisPauli(observable);
    auto rep = representationFor(unitary, noise);
    if (!rep)
        return rep.error();
    const PecRepresentation& representation = rep.value();
    double terms = 1;
    for (const auto& g : representation.gates)
        terms *= g.qubits.size() == 1 ? 4 : 16;
    if (terms > 65536)
        return Error{"the exact PEC sum has " + std::to_string(std::int64_t(terms)) + " terms (limit 65536)"};
    const NoiseModel frame = frameNoise(noise);
    Backend run;
    run.noise = &frame;
    std::vector<int> choice(representation.gates.size(), 0);
    double total = 0;
    for (std::int64_t t = 0; t < std::int64_t(terms); ++t) {
        std::int64_t rest = t;
        double coefficient = 1;
        for (std::size_t j = 0; j < representation.gates.size(); ++j) {
            const int base = representation.gates[j].qubits.size() == 1 ? 4 : 16;
            choice[j] = int(rest % base);
            rest /= base;
            coefficient *= choice[j] == 0 ? representation.gates[j].etaIdentity : representation.gates[j].etaPauli;
        }
        auto m = measurePauli(instance(unitary, representation, choice), pauli, run, 0);
        if (!m)
            return m.error();
        total += coefficient * m.value().value;
    }
    return total;
}

} // namespace qpilot::mitigation
