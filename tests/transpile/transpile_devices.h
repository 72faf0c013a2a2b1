// tests/transpile/transpile_devices.h — device profiles for the transpiler tests, built in code
// from the topology generators (the shipped profiles gain couplers with the device issue):
// one per device family, and a state-vector equivalence check of a transpile result.
#pragma once

#include "core/circuit/transform.h"
#include "core/device/device.h"
#include "core/transpile/transpile.h"

#include <QtTest>

#include <cmath>
#include <complex>
#include <random>

namespace qpilot::test {

inline DeviceProfile makeDevice(const std::string& family)
{
    DeviceProfile d;
    d.id = family;
    d.gateError1q = 2.5e-4;
    d.gateError2q = 4e-3;
    d.gateTime1q = 36e-9;
    d.gateTime2q = 68e-9;
    d.readoutTime = 1.2e-6;
    d.readoutError = 0.015;
    d.t1 = 200e-6;
    d.t2 = 150e-6;
    if (family == "heavyhex-ecr" || family == "heavyhex-cz" || family == "heavyhex156-cz") {
        const int n = family == "heavyhex156-cz" ? 156 : 127;
        d.numQubits = n;
        d.topology = "heavy-hex";
        d.couplers = heavyHexCouplers(n).value();
        if (family == "heavyhex-ecr") {
            d.nativeGates = {"ecr", "rz", "sx", "x"};
            d.directed = true;
            // Mixed directions, as on Eagle: every other coupler points the other way.
            for (size_t i = 0; i < d.couplers.size(); ++i)
                if (i % 2)
                    std::swap(d.couplers[i].first, d.couplers[i].second);
        } else {
            d.nativeGates = {"cz", "rz", "sx", "x"};
        }
    } else if (family == "square-prx-cz") {
        d.numQubits = 20;
        d.topology = "square";
        d.couplers = squareLatticeCouplers(4, 5);
        d.nativeGates = {"prx", "cz"};
    } else if (family == "square-cz-zsx") {
        d.numQubits = 20;
        d.topology = "square";
        d.couplers = squareLatticeCouplers(4, 5);
        d.nativeGates = {"cz", "sx", "x", "rz"};
    } else if (family == "square-rx-cz") {
        d.numQubits = 12;
        d.topology = "square";
        d.couplers = squareLatticeCouplers(3, 4);
        d.nativeGates = {"rx", "rz", "cz"};
    } else if (family == "ion-ms") {
        d.numQubits = 11;
        d.allToAll = true;
        d.topology = "all-to-all";
        d.nativeGates = {"gpi", "gpi2", "ms"};
    } else if (family == "ion-rzz") {
        d.numQubits = 11;
        d.allToAll = true;
        d.topology = "all-to-all";
        d.nativeGates = {"gpi", "gpi2", "rzz"};
    } else if (family == "quantinuum") {
        d.numQubits = 20;
        d.allToAll = true;
        d.topology = "all-to-all";
        d.nativeGates = {"prx", "rz", "rzz"};
    }
    return d;
}

inline const char* const kFamilies[] = {"heavyhex-ecr", "heavyhex-cz", "heavyhex156-cz", "square-prx-cz",
                                        "square-cz-zsx", "square-rx-cz", "ion-ms", "ion-rzz", "quantinuum"};

using State = std::vector<std::complex<double>>;

// Applies a k-qubit matrix to `operands` of a state over n qubits.
inline void applyMatrix(State& s, const Matrix& m, const std::vector<int>& operands)
{
    if (m.qubits == 0) {
        for (auto& z : s)
            z *= m.data[0];
        return;
    }
    const int k = int(operands.size());
    const size_t dim = size_t(1) << k;
    size_t mask = 0;
    for (int o : operands)
        mask |= size_t(1) << o;
    std::vector<size_t> offs(dim, 0);
    for (size_t j = 0; j < dim; ++j)
        for (int b = 0; b < k; ++b)
            if (j & (size_t(1) << b))
                offs[j] |= size_t(1) << operands[size_t(b)];
    State in(dim), out(dim);
    for (size_t base = 0; base < s.size(); ++base) {
        if (base & mask)
            continue;
        for (size_t j = 0; j < dim; ++j)
            in[j] = s[base | offs[j]];
        for (size_t r = 0; r < dim; ++r) {
            std::complex<double> acc = 0;
            for (size_t c = 0; c < dim; ++c)
                acc += m.at(int(r), int(c)) * in[c];
            out[r] = acc;
        }
        for (size_t j = 0; j < dim; ++j)
            s[base | offs[j]] = out[j];
    }
}

// Checks the ISA contract (native gates, allowed pairs, physical range) and that
// P·U_input = e^{i globalPhase}·U_isa on the touched physical qubits, on random states.
// Returns an empty string on success, else what is wrong.
inline QString checkTranspiled(const Circuit& input, const DeviceProfile& device, const TranspileResult& r,
                               std::uint64_t seed = 1)
{
    const NativeBasis basis = nativeBasisFor(device).value();
    std::vector<int> touched;
    auto touch = [&](int p) {
        if (std::find(touched.begin(), touched.end(), p) == touched.end())
            touched.push_back(p);
    };
    for (const Operation& o : r.circuit.ops) {
        const auto* g = std::get_if<GateOp>(&o.op);
        if (!g)
            continue;
        if (!basis.isNative(g->kind))
            return QString("non-native gate %1").arg(gateInfo(g->kind).name);
        for (int q : g->qubits)
            if (q < 0 || q >= device.numQubits)
                return QString("qubit %1 out of range").arg(q);
        if (g->qubits.size() == 2) {
            const bool directional = g->kind == GateKind::ECR || g->kind == GateKind::CX;
            const bool ok = directional ? allowsTwoQubitGate(device, g->qubits[0], g->qubits[1])
                                        : allowsTwoQubitGate(device, g->qubits[0], g->qubits[1])
                                              || allowsTwoQubitGate(device, g->qubits[1], g->qubits[0]);
            if (!ok)
                return QString("%1 on uncoupled pair (%2, %3)").arg(gateInfo(g->kind).name).arg(g->qubits[0]).arg(g->qubits[1]);
        }
        for (int q : g->qubits)
            touch(q);
    }
    for (int p : r.initialLayout)
        touch(p);
    std::sort(touched.begin(), touched.end());
    const int k = int(touched.size());
    if (k > 20)
        return QString("too many touched qubits (%1) for the check").arg(k);
    std::vector<int> local(size_t(device.numQubits), -1);
    for (int i = 0; i < k; ++i)
        local[size_t(touched[size_t(i)])] = i;
    for (int p : touched)
        if (local[size_t(r.permutation[size_t(p)])] < 0)
            return QString("permutation leaves the touched set at %1").arg(p);

    auto unrolled = unrollCircuit(input);
    if (!unrolled)
        return QString::fromStdString("unroll failed: " + unrolled.error().message);
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    for (int trial = 0; trial < 3; ++trial) {
        State psi(size_t(1) << k);
        double norm = 0;
        for (auto& z : psi) {
            z = {normal(rng), normal(rng)};
            norm += std::norm(z);
        }
        for (auto& z : psi)
            z /= std::sqrt(norm);
        // Expected: the input's gates on the initial layout, then the routing permutation.
        State expected = psi;
        for (const Operation& o : unrolled.value().ops) {
            const auto* g = std::get_if<GateOp>(&o.op);
            if (!g)
                continue;
            auto m = gateOpMatrix(*g, unrolled.value());
            if (!m)
                return "gate matrix failed";
            std::vector<int> ops;
            for (int q : g->qubits)
                ops.push_back(local[size_t(r.initialLayout[size_t(q)])]);
            applyMatrix(expected, m.value(), ops);
        }
        State permuted(expected.size());
        for (size_t x = 0; x < expected.size(); ++x) {
            size_t y = 0;
            for (int j = 0; j < k; ++j)
                if (x & (size_t(1) << j))
                    y |= size_t(1) << local[size_t(r.permutation[size_t(touched[size_t(j)])])];
            permuted[y] = expected[x];
        }
        State actual = psi;
        for (const Operation& o : r.circuit.ops) {
            const auto* g = std::get_if<GateOp>(&o.op);
            if (!g)
                continue;
            std::vector<int> ops;
            for (int q : g->qubits)
                ops.push_back(local[size_t(q)]);
            std::vector<double> p;
            for (const Expr& e : g->params)
                p.push_back(e.constantValue());
            applyMatrix(actual, gateMatrix(g->kind, p), ops);
        }
        const std::complex<double> phase = std::exp(std::complex<double>(0, r.globalPhase));
        double diff = 0;
        for (size_t i = 0; i < actual.size(); ++i)
            diff = std::max(diff, std::abs(permuted[i] - phase * actual[i]));
        if (diff > 1e-8)
            return QString("not equivalent: max amplitude difference %1 (touched %2 qubits)").arg(diff).arg(k);
    }
    return {};
}

} // namespace qpilot::test
