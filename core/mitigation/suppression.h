// core/mitigation/suppression.h — error suppression on the simulator: Pauli twirling of
// two-qubit Clifford gates (cx, cz, ecr: P before, the conjugated Pauli G·P·G† after, so the
// twirled gate equals G up to a sign) with seeded instances, and dynamical decoupling (XX or
// XY4 pulses, composing to ±I) inserted into the idle windows of an ASAP schedule computed
// from the device's gate durations.
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"
#include "core/mitigation/execute.h"
#include "core/mitigation/overhead.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qpilot {
struct DeviceProfile;
}

namespace qpilot::mitigation {

// True for cx, cz and ecr without modifiers (the gates twirling applies to).
bool isTwirlable(const GateOp& gate);

// The Pauli Q (index over the two operands: bits 0-1 operand 0, bits 2-3 operand 1; 0 = I,
// 1 = X, 2 = Y, 3 = Z) and sign c with G·P·G† = c·Q for a twirlable gate G, from the dense
// matrices. So Q·G·P = c·G.
std::pair<int, int> conjugatePauli(GateKind gate, int pauli);

// One twirled instance: every twirlable gate G → P, G, Q with P uniform over the 16 two-qubit
// Paulis (seeded), P and Q as frame Paulis (appendPauli). `twirledGates` counts the gates twirled.
Circuit twirlCircuit(const Circuit& unitary, std::uint64_t seed, int* twirledGates = nullptr);

// Qiskit's automatic rule [S2]: shots per randomization max(64, ⌈S/32⌉), R = ⌈S/that⌉;
// exact runs (S = 0) use 32.
int autoRandomizations(int shots);

struct TwirlResult {
    int instances = 0, twirledGates = 0;
    double estimate = 0, stdError = 0;
    std::int64_t circuits = 0, shots = 0;
};
// ⟨pauli⟩ averaged over `randomizations` twirled instances (0: autoRandomizations); the
// backend's shots are split over the instances (⌈S/R⌉ each); runs on frameNoise(noise).
Result<TwirlResult> runTwirl(const Circuit& unitary, const std::string& pauli, int randomizations,
                             const Backend& backend);

struct DDWindow {
    int qubit = 0;
    std::size_t afterOp = 0;   // pulses go after this op of the input circuit
    double start = 0, length = 0;
};
struct DDResult {
    Circuit circuit;
    std::vector<DDWindow> filled;
    int skippedWindows = 0;    // idle windows shorter than the sequence
    int pulses = 0;
    double sequenceDuration = 0; // of one sequence on the slowest qubit used (seconds)
};
// ASAP schedule of the gate circuit with gateDuration (rz, p, u1, z, s, sdg, t, tdg and gphase
// virtual where the device's native set has rz; otherwise every gate takes its duration), idle
// windows per qubit between two of its gates and from its last gate to the end of the schedule
// (the final measurement), and the sequence (XX: x x; XY4: x y x y) inserted back to back at
// the window's start where the window is at least as long as the sequence. Errors: a gate
// duration the device lacks.
Result<DDResult> insertDynamicalDecoupling(const Circuit& unitary, const DeviceProfile& device, DDSequence sequence);

} // namespace qpilot::mitigation
