// core/sim/tiles.h — internal to core/sim: gate kernels classified from their matrices
// (1-qubit, controlled 1-qubit, diagonal, dense) and the tiled executor that applies a
// sequence of them in a single pass over the state: the state is cut into tiles of 2^11
// amplitudes spanning every qubit the sequence touches; each tile is gathered into a small
// buffer (in L1 cache), all kernels run on it, and it is written back once.
#pragma once

#include "core/sim/simd.h"

#include <cstdint>
#include <vector>

namespace qpilot::sim::detail {

constexpr int kTileBits = 11; // 2^11 amplitudes = 32 KiB per tile

struct GateKernel {
    enum class Kind { Matrix1, Controlled1, Diagonal, Dense };
    Kind kind = Kind::Dense;
    int k = 1;                     // operands (Diagonal, Dense); 1 for Matrix1/Controlled1
    int qubits[6] = {};            // operands (operand order); Matrix1/Controlled1: target
    std::uint64_t controlMask = 0; // Controlled1
    std::uint64_t controlValue = 0;
    simd::Mat2 m2;                 // Matrix1, Controlled1
    std::vector<Complex> storage;  // owned data, or empty when `external` is used
    const Complex* external = nullptr;

    // Dense: (2^k)^2 entries row-major; Diagonal: 2^k entries.
    const Complex* data() const { return storage.empty() ? external : storage.data(); }
    std::uint64_t touched() const; // operand and control qubits
    double cost() const;           // rough compute cost per amplitude, in cycles
};

// The cheapest kernel for a 2^k x 2^k matrix on `qubits` (operand order, k <= 6): 1-qubit,
// diagonal, controlled 1-qubit (controls and their values detected from the matrix) or dense.
GateKernel classifyGate(const Complex* matrix, const int* qubits, int k);

// Applies one kernel to the whole state (tiling it when its qubits include the lowest ones,
// where the direct loops cannot use whole vectors).
void applyKernel(Complex* amp, int numQubits, const GateKernel& g, int threads);

// Applies the kernels in order in one pass over the state (see the header comment). The
// union of their qubits must be at most 6.
void applyTiled(Complex* amp, int numQubits, const GateKernel* kernels, int count, int threads);

} // namespace qpilot::sim::detail
