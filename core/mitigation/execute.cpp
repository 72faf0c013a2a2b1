// core/mitigation/execute.cpp — running observables for the mitigation techniques: unitary
// part, Pauli basis change and measurement, exact or shot-based ⟨P⟩, ideal values, frame Paulis.
#include "core/mitigation/execute.h"

#include "core/circuit/transform.h"
#include "core/mitigation/readout.h"
#include "core/sim/simulator.h"
#include "core/sim/state_buffer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace qpilot::mitigation {

std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream)
{
    auto mix = [](std::uint64_t z) {
        z += 0x9e3779b97f4a7c15ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    return mix(mix(seed) ^ (stream * 0xd1b54a32d192ed03ULL + 0x2545f4914f6cdd1dULL));
}

Result<std::string> checkPauli(const std::string& pauli, int numQubits)
{
    if (int(pauli.size()) != numQubits)
        return Error{"observable '" + pauli + "' has " + std::to_string(pauli.size()) + " letters; the circuit has "
                     + std::to_string(numQubits) + " qubits (one of I, X, Y, Z per qubit, qubit 0 rightmost)"};
    std::string out = pauli;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const char c = char(std::toupper(static_cast<unsigned char>(out[i])));
        if (c != 'I' && c != 'X' && c != 'Y' && c != 'Z')
            return Error{"observable '" + pauli + "': letter " + std::to_string(i + 1) + " ('" + std::string(1, out[i])
                         + "') is not one of I, X, Y, Z"};
        out[i] = c;
    }
    return out;
}

Result<Circuit> unitaryPart(const Circuit& circuit)
{
    if (!circuit.parameters.empty())
        return Error{"the circuit has free parameters (" + circuit.parameters.front() + ", ...); bind them first"};
    auto inlined = inlineDefinitions(circuit);
    if (!inlined)
        return inlined.error();
    Circuit out;
    out.qregs = inlined.value().qregs;
    std::set<int> measured;
    for (const Operation& op : inlined.value().ops) {
        if (const auto* g = std::get_if<GateOp>(&op.op)) {
            for (int q : g->qubits)
                if (measured.count(q))
                    return Error{"qubit " + std::to_string(q) + " is used after its measurement; mitigation needs "
                                 "terminal measurements only"};
            out.ops.push_back(op);
        } else if (const auto* m = std::get_if<MeasureOp>(&op.op)) {
            measured.insert(m->qubit);
        } else if (std::holds_alternative<BarrierOp>(op.op)) {
            continue;
        } else {
            return Error{"mitigation runs gate circuits with terminal measurements; reset, delay and if/else "
                         "are not supported"};
        }
    }
    return out;
}

Circuit withBasisChange(const Circuit& unitary, const std::string& pauli)
{
    Circuit c = unitary;
    const int n = int(pauli.size());
    for (int q = 0; q < n; ++q) {
        const char p = pauli[std::size_t(n - 1 - q)];
        if (p == 'X') {
            c.gate(GateKind::H, {q});
        } else if (p == 'Y') {
            c.gate(GateKind::Sdg, {q});
            c.gate(GateKind::H, {q});
        }
    }
    return c;
}

std::string zBasisPauli(const std::string& pauli)
{
    std::string z = pauli;
    for (char& c : z)
        if (c != 'I')
            c = 'Z';
    return z;
}

Circuit withPauliMeasurement(const Circuit& unitary, const std::string& pauli)
{
    Circuit c = withBasisChange(unitary, pauli);
    const int n = int(pauli.size());
    std::vector<int> support;
    for (int q = 0; q < n; ++q)
        if (pauli[std::size_t(n - 1 - q)] != 'I')
            support.push_back(q);
    if (!support.empty()) {
        c.addCreg("m", int(support.size()));
        for (std::size_t j = 0; j < support.size(); ++j)
            c.measure(support[j], int(j));
    }
    return c;
}

namespace {

std::vector<int> supportOf(const std::string& pauli)
{
    std::vector<int> s;
    const int n = int(pauli.size());
    for (int q = 0; q < n; ++q)
        if (pauli[std::size_t(n - 1 - q)] != 'I')
            s.push_back(q);
    return s;
}

int parity(std::uint64_t x)
{
    int p = 0;
    while (x) {
        p ^= 1;
        x &= x - 1;
    }
    return p;
}

} // namespace

Result<std::map<std::uint64_t, double>> runDistribution(const Circuit& measured, const NoiseModel* noise, int shots,
                                                        std::uint64_t seed)
{
    sim::SimOptions o;
    o.shots = std::max(shots, 0);
    o.seed = seed;
    o.noise = noise;
    o.wantProbabilities = shots <= 0;
    auto r = sim::simulate(measured, o);
    if (!r)
        return r.error();
    std::map<std::uint64_t, double> dist;
    if (shots <= 0) {
        const auto& p = r.value().probabilities;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (p[i] > 0)
                dist[i] = p[i];
    } else {
        for (const auto& [bits, count] : r.value().counts) {
            std::uint64_t key = 0;
            const std::size_t m = bits.size();
            for (std::size_t j = 0; j < m; ++j)
                if (bits[m - 1 - j] == '1')
                    key |= std::uint64_t(1) << j;
            dist[key] += double(count) / double(shots);
        }
    }
    return dist;
}

Result<Measurement> measurePauli(const Circuit& unitary, const std::string& pauli, const Backend& backend,
                                 std::uint64_t stream)
{
    const std::vector<int> support = supportOf(pauli);
    if (support.empty())
        return Measurement{1.0, 0.0, 0};
    auto measured = runDistribution(withPauliMeasurement(unitary, pauli), backend.noise, backend.shots,
                                    deriveSeed(backend.seed, stream));
    if (!measured)
        return measured.error();
    std::map<std::uint64_t, double> dist = std::move(measured.value());
    double scale = 1;
    if (backend.readout) {
        auto corrected = correctDistribution(*backend.readout, support, dist, false);
        if (!corrected)
            return corrected.error();
        dist = std::move(corrected.value());
        scale = readoutFidelity(*backend.readout, support);
    }
    Measurement m;
    for (const auto& [key, p] : dist)
        m.value += parity(key) ? -p : p;
    if (backend.shots > 0) {
        m.shots = backend.shots;
        // Variance of the raw parity mean, amplified by the inversion (1/f² on the support).
        const double raw = std::min(1.0, std::abs(m.value * scale));
        m.variance = (1 - raw * raw) / double(backend.shots) / (scale * scale);
    }
    return m;
}

Result<double> idealExpectation(const Circuit& unitary, const std::string& pauli)
{
    sim::SimOptions o;
    o.wantStatevector = true;
    o.method = sim::Method::StateVector;
    auto r = sim::simulate(unitary, o);
    if (!r)
        return r.error();
    return sim::detail::expectationPauli(r.value().statevector.data(), r.value().numQubits, pauli, 1);
}

void appendPauli(Circuit& circuit, int pauli, int qubit)
{
    if (pauli == 1 || pauli == 3)
        circuit.gate(GateKind::GPI, {qubit}, {Expr(0.0)});
    if (pauli == 2 || pauli == 3)
        circuit.gate(GateKind::GPI, {qubit}, {Expr(M_PI / 2)});
}

NoiseModel frameNoise(const NoiseModel& noise)
{
    NoiseModel n = noise;
    n.setGateQubitChannels("gpi", {}, {});
    return n;
}

std::optional<Error> checkNoFrameGates(const Circuit& circuit)
{
    for (const Operation& op : circuit.ops)
        if (const auto* g = std::get_if<GateOp>(&op.op); g && g->kind == GateKind::GPI)
            return Error{"the circuit uses gpi, which PEC and twirling reserve as noiseless frame Paulis; "
                         "rewrite it (e.g. as rx/rz) first"};
    return std::nullopt;
}

} // namespace qpilot::mitigation
