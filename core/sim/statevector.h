// core/sim/statevector.h — the state vector value (aligned storage, memory guard on
// creation), and analysis without sampling: Pauli-string expectation values and marginal
// probabilities.
#pragma once

#include "core/common/result.h"
#include "core/sim/kernels.h"

#include <optional>
#include <string>
#include <vector>

namespace qpilot::sim {

// Bytes a simulation of n qubits needs (state vector: 16·2^n; density matrix: 16·4^n).
double stateBytes(int numQubits, bool densityMatrix);
// Available memory in bytes (MemAvailable from /proc/meminfo, or a conservative fallback).
double availableMemoryBytes();
// nullopt when it fits; otherwise an Error such as "31 qubits need 32 GiB; 22 GiB available".
std::optional<Error> checkMemory(int numQubits, bool densityMatrix, double availableBytes = availableMemoryBytes());

class StateVector {
public:
    // |0...0>; refuses (memory guard) rather than failing to allocate.
    static Result<StateVector> zero(int numQubits);

    int numQubits() const { return m_n; }
    std::size_t size() const { return m_amp.size(); }
    Complex* data() { return m_amp.data(); }
    const Complex* data() const { return m_amp.data(); }
    const std::vector<Complex>& amplitudes() const { return m_amp; }

private:
    int m_n = 0;
    std::vector<Complex> m_amp;
};

// <ψ|P|ψ> for a Pauli string like "XIZY" written with qubit 0 RIGHTMOST (Qiskit order).
Result<double> expectationPauli(const StateVector& psi, const std::string& pauli, int threads = 1);
// Probabilities of the marginal over `qubits` (outcome index bit i = qubits[i]).
std::vector<double> marginalProbabilities(const StateVector& psi, const std::vector<int>& qubits, int threads = 1);

} // namespace qpilot::sim
