// core/mitigation/suppression.cpp — Pauli twirling and dynamical decoupling.
#include "core/mitigation/suppression.h"

#include "core/circuit/gates.h"
#include "core/device/device.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace qpilot::mitigation {

namespace {

Matrix pauliMatrix(int index) // over 2 qubits: bits 0-1 operand 0, bits 2-3 operand 1
{
    static const GateKind kinds[4] = {GateKind::I, GateKind::X, GateKind::Y, GateKind::Z};
    const Matrix a = gateMatrix(kinds[index & 3], {});
    const Matrix b = gateMatrix(kinds[(index >> 2) & 3], {});
    Matrix m;
    m.qubits = 2;
    m.data.assign(16, Complex(0));
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            m.at(r, c) = b.at(r >> 1, c >> 1) * a.at(r & 1, c & 1);
    return m;
}

Matrix multiply(const Matrix& x, const Matrix& y)
{
    Matrix m;
    m.qubits = x.qubits;
    const int d = x.dim();
    m.data.assign(std::size_t(d * d), Complex(0));
    for (int r = 0; r < d; ++r)
        for (int k = 0; k < d; ++k)
            for (int c = 0; c < d; ++c)
                m.at(r, c) += x.at(r, k) * y.at(k, c);
    return m;
}

Matrix adjoint(const Matrix& x)
{
    Matrix m = x;
    const int d = x.dim();
    for (int r = 0; r < d; ++r)
        for (int c = 0; c < d; ++c)
            m.at(r, c) = std::conj(x.at(c, r));
    return m;
}

} // namespace

bool isTwirlable(const GateOp& gate)
{
    return gate.modifiers.empty() && gate.qubits.size() == 2
           && (gate.kind == GateKind::CX || gate.kind == GateKind::CZ || gate.kind == GateKind::ECR);
}

std::pair<int, int> conjugatePauli(GateKind gate, int pauli)
{
    const Matrix g = gateMatrix(gate, {});
    const Matrix m = multiply(multiply(g, pauliMatrix(pauli)), adjoint(g));
    for (int q = 0; q < 16; ++q) {
        const Matrix pq = pauliMatrix(q);
        Complex overlap = 0; // Tr(Q† M)/4
        for (int r = 0; r < 4; ++r)
            for (int c = 0; c < 4; ++c)
                overlap += std::conj(pq.at(r, c)) * m.at(r, c);
        overlap /= 4.0;
        if (std::abs(std::abs(overlap) - 1) < 1e-9)
            return {q, overlap.real() > 0 ? 1 : -1};
    }
    return {-1, 0}; // unreachable for Clifford gates
}

Circuit twirlCircuit(const Circuit& unitary, std::uint64_t seed, int* twirledGates)
{
    std::mt19937_64 rng(deriveSeed(seed, 0x7a1));
    Circuit c = unitary;
    c.ops.clear();
    int count = 0;
    for (const Operation& op : unitary.ops) {
        const auto* g = std::get_if<GateOp>(&op.op);
        if (!g || !isTwirlable(*g)) {
            c.ops.push_back(op);
            continue;
        }
        const int p = int(rng() % 16);
        const int q = conjugatePauli(g->kind, p).first;
        appendPauli(c, p & 3, g->qubits[0]);
        appendPauli(c, (p >> 2) & 3, g->qubits[1]);
        c.ops.push_back(op);
        appendPauli(c, q & 3, g->qubits[0]);
        appendPauli(c, (q >> 2) & 3, g->qubits[1]);
        ++count;
    }
    if (twirledGates)
        *twirledGates = count;
    return c;
}

int autoRandomizations(int shots)
{
    if (shots <= 0)
        return 32;
    const int perRand = std::max(64, (shots + 31) / 32);
    return (shots + perRand - 1) / perRand;
}

Result<TwirlResult> runTwirl(const Circuit& unitary, const std::string& pauli, int randomizations,
                             const Backend& backend)
{
    if (auto e = checkNoFrameGates(unitary))
        return *e;
    if (randomizations < 0)
        return Error{"twirling needs randomizations >= 0 (0 = automatic)"};
    TwirlResult r;
    r.instances = randomizations > 0 ? randomizations : autoRandomizations(backend.shots);
    std::optional<NoiseModel> noise;
    Backend run = backend;
    if (backend.noise) {
        noise = frameNoise(*backend.noise);
        run.noise = &*noise;
    }
    if (backend.shots > 0)
        run.shots = std::max(1, (backend.shots + r.instances - 1) / r.instances);
    std::vector<double> values;
    double var = 0;
    for (int i = 0; i < r.instances; ++i) {
        const Circuit c = twirlCircuit(unitary, deriveSeed(backend.seed, 5000 + std::uint64_t(i)), &r.twirledGates);
        auto m = measurePauli(c, pauli, run, 5000 + std::uint64_t(i));
        if (!m)
            return m.error();
        values.push_back(m.value().value);
        var += m.value().variance;
        r.shots += m.value().shots;
        ++r.circuits;
    }
    const double n = double(values.size());
    for (double v : values)
        r.estimate += v / n;
    // Variance of the mean of independent instance estimates: Σ Var_i / R² (shot noise; the
    // spread between instances is part of each instance's sampling distribution).
    r.stdError = std::sqrt(var) / n;
    return r;
}

Result<DDResult> insertDynamicalDecoupling(const Circuit& unitary, const DeviceProfile& device, DDSequence sequence)
{
    const bool virtualZ = std::find(device.nativeGates.begin(), device.nativeGates.end(), "rz") != device.nativeGates.end();
    static const char* const kVirtual[] = {"rz", "p", "u1", "z", "s", "sdg", "t", "tdg"};
    const int n = unitary.numQubits();
    const std::vector<GateKind> pulses = sequence == DDSequence::XX
                                             ? std::vector<GateKind>{GateKind::X, GateKind::X}
                                             : std::vector<GateKind>{GateKind::X, GateKind::Y, GateKind::X, GateKind::Y};
    std::vector<double> free(std::size_t(n), 0.0);
    std::vector<long long> last(std::size_t(n), -1);
    DDResult r;
    std::vector<DDWindow> windows;
    auto pulseLength = [&](int q) -> Result<double> {
        double total = 0;
        for (GateKind k : pulses) {
            const auto d = gateDuration(device, gateInfo(k).name, {q});
            if (!d)
                return Error{"dynamical decoupling: the device has no duration for " + std::string(gateInfo(k).name)
                             + " on qubit " + std::to_string(q)};
            total += *d;
        }
        return total;
    };
    for (std::size_t i = 0; i < unitary.ops.size(); ++i) {
        const auto* g = std::get_if<GateOp>(&unitary.ops[i].op);
        if (!g)
            return Error{"dynamical decoupling needs a gate-only circuit (see unitaryPart)"};
        if (g->qubits.empty())
            continue;
        const std::string name = g->kind == GateKind::Custom ? g->name : gateInfo(g->kind).name;
        double duration = 0;
        const bool isVirtual = virtualZ && g->qubits.size() == 1
                               && std::any_of(std::begin(kVirtual), std::end(kVirtual), [&](const char* v) { return name == v; });
        if (!isVirtual) {
            const auto d = gateDuration(device, name, g->qubits);
            if (!d)
                return Error{"dynamical decoupling: the device " + device.id + " has no duration for " + name
                             + " on " + std::to_string(g->qubits.size()) + " qubit(s)"};
            duration = *d;
        }
        double start = 0;
        for (int q : g->qubits)
            start = std::max(start, free[std::size_t(q)]);
        for (int q : g->qubits) {
            if (last[std::size_t(q)] >= 0 && start - free[std::size_t(q)] > 0)
                windows.push_back({q, std::size_t(last[std::size_t(q)]), free[std::size_t(q)], start - free[std::size_t(q)]});
            free[std::size_t(q)] = start + duration;
            last[std::size_t(q)] = (long long)i;
        }
    }
    const double end = free.empty() ? 0.0 : *std::max_element(free.begin(), free.end());
    for (int q = 0; q < n; ++q)
        if (last[std::size_t(q)] >= 0 && end - free[std::size_t(q)] > 0)
            windows.push_back({q, std::size_t(last[std::size_t(q)]), free[std::size_t(q)], end - free[std::size_t(q)]});
    std::map<std::size_t, std::vector<int>> after; // op index -> qubits to decouple after it
    for (const DDWindow& w : windows) {
        auto length = pulseLength(w.qubit);
        if (!length)
            return length.error();
        r.sequenceDuration = std::max(r.sequenceDuration, length.value());
        if (w.length + 1e-15 >= length.value()) {
            r.filled.push_back(w);
            after[w.afterOp].push_back(w.qubit);
        } else {
            ++r.skippedWindows;
        }
    }
    r.circuit = unitary;
    r.circuit.ops.clear();
    for (std::size_t i = 0; i < unitary.ops.size(); ++i) {
        r.circuit.ops.push_back(unitary.ops[i]);
        const auto it = after.find(i);
        if (it == after.end())
            continue;
        for (int q : it->second)
            for (GateKind k : pulses) {
                r.circuit.gate(k, {q});
                ++r.pulses;
            }
    }
    return r;
}

} // namespace qpilot::mitigation
