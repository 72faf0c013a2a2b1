// tests/mitigation/fixtures.h — what the mitigation tests share: the n-qubit GHZ circuit
// (optionally measured into a register c) and a global depolarizing noise model, the noise
// under which ZNE and PEC have known behaviour.
#pragma once

#include "core/circuit/ir.h"
#include "core/noise/noise.h"

namespace qpilot::test {

inline Circuit ghz(int n, bool measured = false)
{
    Circuit c;
    c.addQreg("q", n);
    c.gate(GateKind::H, {0});
    for (int q = 0; q + 1 < n; ++q)
        c.gate(GateKind::CX, {q, q + 1});
    if (measured) {
        c.addCreg("c", n);
        for (int q = 0; q < n; ++q)
            c.measure(q, q);
    }
    return c;
}

// Depolarizing of strength e1 after every 1q gate and e2 after every 2q gate.
inline NoiseModel depolarizingModel(double e1, double e2)
{
    NoiseModel m;
    m.setDefault1q({depolarizing(1, e1)});
    m.setDefault2q({depolarizing(2, e2)});
    return m;
}

} // namespace qpilot::test
