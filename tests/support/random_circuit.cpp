// tests/support/random_circuit.cpp — the seeded random circuit generator (xorshift64*).
#include "support/random_circuit.h"

#include <algorithm>

namespace qpilot::test {

namespace {

struct Rng {
    std::uint64_t s;
    std::uint64_t next()
    {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 0x2545F4914F6CDD1Dull;
    }
    int below(int n) { return int(next() % std::uint64_t(n)); }
    double angle() { return (double(next() >> 11) / double(1ull << 53) - 0.5) * 8.0; }
};

std::vector<int> distinctQubits(Rng& rng, int count, int n)
{
    std::vector<int> all(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        all[size_t(i)] = i;
    for (int i = 0; i < count; ++i)
        std::swap(all[size_t(i)], all[size_t(i + rng.below(n - i))]);
    all.resize(size_t(count));
    return all;
}

} // namespace

Circuit randomCircuit(std::uint64_t seed, const RandomCircuitOptions& o)
{
    Rng rng{seed * 0x9E3779B97F4A7C15ull + 1};
    Circuit c;
    if (o.twoRegisters && o.qubits >= 2) {
        c.addQreg("a", o.qubits / 2);
        c.addQreg("b", o.qubits - o.qubits / 2);
    } else {
        c.addQreg("q", o.qubits);
    }
    const bool measure = o.measurements || o.conditions;
    if (measure)
        c.addCreg("c", o.qubits);
    std::vector<GateKind> kinds;
    for (const GateInfo& g : gateTable())
        if (g.qubits >= 1 && g.qubits <= o.qubits)
            kinds.push_back(g.kind);
    for (int i = 0; i < o.gates; ++i) {
        if (o.globalPhase && rng.below(10) == 0) {
            c.gate(GateKind::GPhase, {}, {rng.angle()});
            continue;
        }
        const GateKind k = kinds[size_t(rng.below(int(kinds.size())))];
        const GateInfo& info = gateInfo(k);
        GateOp g;
        g.kind = k;
        for (int p = 0; p < info.params; ++p)
            g.params.push_back(rng.angle());
        int controls = 0;
        if (o.modifiers && rng.below(3) == 0) {
            const int which = rng.below(4);
            if (which == 0 && info.qubits < o.qubits) {
                controls = 1;
                g.modifiers.push_back(Modifier{Modifier::Kind::Ctrl, 1, Expr()});
            } else if (which == 1 && info.qubits < o.qubits) {
                controls = 1;
                g.modifiers.push_back(Modifier{Modifier::Kind::NegCtrl, 1, Expr()});
            } else if (which == 2) {
                g.modifiers.push_back(Modifier{Modifier::Kind::Inv, 1, Expr()});
            } else {
                g.modifiers.push_back(Modifier{Modifier::Kind::Pow, 1, Expr(double(1 + rng.below(3)))});
            }
        }
        g.qubits = distinctQubits(rng, info.qubits + controls, o.qubits);
        if (o.conditions && rng.below(6) == 0) {
            // Measure a qubit, then condition this gate on that bit or on the whole register.
            const int q = rng.below(o.qubits);
            c.measure(q, q);
            IfElseOp ie;
            if (o.bitConditions && rng.below(2) == 0) {
                ie.condition = Condition{{q}, std::uint64_t(rng.below(2))};
            } else {
                std::vector<int> bits(static_cast<size_t>(o.qubits));
                for (int b = 0; b < o.qubits; ++b)
                    bits[size_t(b)] = b;
                ie.condition = Condition{bits, std::uint64_t(rng.below(1 << o.qubits))};
            }
            ie.thenOps.push_back(Operation{g});
            c.ops.push_back(Operation{ie});
            continue;
        }
        c.ops.push_back(Operation{g});
    }
    if (measure)
        for (int q = 0; q < o.qubits; ++q)
            c.measure(q, q);
    return c;
}

} // namespace qpilot::test
