// core/noise/superop.h — internal matrix algebra for channels: Kronecker products, embedding
// a matrix on some operands of a larger gate, and superoperators in the layout of the
// density-matrix engine (vec(ρ) with row bits low, column bits high).
#pragma once

#include "core/circuit/circuit.h"
#include "core/noise/noise.h"

#include <vector>

namespace qpilot {

// low ⊗ high in the gate convention: operands 0..kl-1 are low's, the next kh are high's.
Matrix kronMatrix(const Matrix& low, const Matrix& high);

// `m` (on `operands`, positions within a k-qubit gate) as a k-qubit matrix (identity elsewhere).
Matrix embedOperands(const Matrix& m, const std::vector<int>& operands, int k);

// Superoperator of the map ρ -> Σ_i K_i ρ K_i† on k qubits, as a 2k-qubit matrix acting on
// vec(ρ): operand j < k is row bit j, operand k + j is column bit j (entry
// S[(r + c·d), (r' + c'·d)] = Σ_i K_i[r, r'] · conj(K_i[c, c'])).
Matrix superoperator(const std::vector<Matrix>& krausOps);

// Eigenvalues (ascending) of the Hermitian part of a dim x dim row-major matrix (Eigen).
std::vector<double> hermitianEigenvalues(const std::vector<Complex>& rowMajor, int dim);

// True when the channel acts as the identity within tol (one operator, ∝ identity, |phase| 1).
bool isIdentityChannel(const KrausChannel& channel, double tol = 1e-14);

} // namespace qpilot
