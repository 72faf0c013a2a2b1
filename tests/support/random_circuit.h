// tests/support/random_circuit.h — seeded random circuits over the whole gate table, for
// round-trip and equivalence tests. Deterministic for a given seed on every machine.
#pragma once

#include "core/circuit/circuit.h"

#include <cstdint>

namespace qpilot::test {

struct RandomCircuitOptions {
    int qubits = 4;
    int gates = 30;
    bool modifiers = false;    // ctrl/negctrl/inv/pow (OpenQASM 3 only)
    bool measurements = false; // terminal measurements into one register
    bool conditions = false;   // if on a register / a bit after a measurement (implies measurements)
    bool bitConditions = true; // with conditions: also single-bit tests (OpenQASM 3 only)
    bool globalPhase = false;  // top-level gphase ops
    bool twoRegisters = false; // split qubits into two registers
};

Circuit randomCircuit(std::uint64_t seed, const RandomCircuitOptions& options);

} // namespace qpilot::test
