// core/sim/kernels.h — the hot state-vector kernels: plain C++ over a contiguous array of
// complex doubles (qubit 0 = least significant bit of the index), no allocation per call,
// vectorisable inner loops, OpenMP across amplitudes with an explicit thread count.
// A density matrix reuses them as a 2n-qubit vector (row qubits 0..n-1, column qubits n..2n-1).
#pragma once

#include <complex>
#include <cstddef>
#include <cstdint>

namespace qpilot::sim {

using Complex = std::complex<double>;

// All kernels: `amp` has 2^numQubits entries; `threads` >= 1 (1 = no OpenMP region).
// Matrices are row-major, operand i = bit i of the matrix index (as in core/circuit/gates.h).

// 2x2 matrix on qubit q.
void applyMatrix1(Complex* amp, int numQubits, int q, const Complex* m, int threads);
// 4x4 matrix on (q0, q1); q0 is operand 0.
void applyMatrix2(Complex* amp, int numQubits, int q0, int q1, const Complex* m, int threads);
// 2^k x 2^k dense matrix on k distinct qubits (k <= 6), operand order as given.
void applyMatrixK(Complex* amp, int numQubits, const int* qubits, int k, const Complex* m, int threads);
// Diagonal of 2^k entries on k qubits: amp[i] *= diag[sub(i)].
void applyDiagonal(Complex* amp, int numQubits, const int* qubits, int k, const Complex* diag, int threads);
// 2x2 matrix on `target`, applied only where (index & controlMask) == controlValue.
void applyControlled1(Complex* amp, int numQubits, std::uint64_t controlMask, std::uint64_t controlValue,
                      int target, const Complex* m, int threads);

// Reductions.
double normSquared(const Complex* amp, int numQubits, int threads);
// Probability that qubit q reads 1.
double probabilityOfOne(const Complex* amp, int numQubits, int q, int threads);
// Projects qubit q onto `outcome` and renormalises by 1/sqrt(probability).
void collapse(Complex* amp, int numQubits, int q, int outcome, double probability, int threads);

} // namespace qpilot::sim
