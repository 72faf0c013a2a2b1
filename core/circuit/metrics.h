// core/circuit/metrics.h — circuit metrics: width, depth, gate counts by name,
// 1q/2q/multi-qubit counts and two-qubit depth.
#pragma once

#include "core/circuit/ir.h"

#include <map>
#include <string>

namespace qpilot {

struct CircuitMetrics {
    int numQubits = 0;
    int numClbits = 0;
    int width = 0;          // qubits + classical bits (Qiskit's definition)
    int depth = 0;          // longest path over qubits and bits; barriers do not count
    int twoQubitDepth = 0;  // depth counting only gates on two or more qubits
    int size = 0;           // operations counted in depth (gates, measure, reset, delay)
    int oneQubitGates = 0;
    int twoQubitGates = 0;
    int multiQubitGates = 0; // three or more qubits
    int measurements = 0;
    int resets = 0;
    int barriers = 0;
    int conditionals = 0;    // if/else blocks
    std::map<std::string, int> countsByName; // "cx", "ctrl@x", "my_gate", "measure", ...
};

// Metrics of the circuit as written (a composite gate counts once, on all its qubits).
// Operations inside an if/else count once per branch and sit on the condition's bits too.
CircuitMetrics circuitMetrics(const Circuit& circuit);

} // namespace qpilot
