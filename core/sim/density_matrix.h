// core/sim/density_matrix.h — the density matrix value: ρ stored as a 2n-qubit vector
// (entry ρ[r][c] at index r | c << n: row bits 0..n-1, column bits n..2n-1), so the
// state-vector kernels apply U on row qubits and conj(U) on column qubits, and a gate with
// its noise channels is one superoperator pass on (q, q+n) pairs. Plus the final state of a
// program (averaged over mid-circuit outcomes) for analysis and tests.
#pragma once

#include "core/common/result.h"
#include "core/noise/noise.h"
#include "core/sim/kernels.h"
#include "core/sim/program.h"

#include <vector>

namespace qpilot::sim {

class DensityMatrix {
public:
    // |0…0><0…0|; refuses (memory guard) rather than failing to allocate.
    static Result<DensityMatrix> zero(int numQubits);
    // |ψ><ψ| of a state vector with 2^numQubits amplitudes (no memory guard: tests, small n).
    static DensityMatrix fromPure(const std::vector<Complex>& psi, int numQubits);

    int numQubits() const { return m_n; }
    std::size_t size() const { return m_rho.size(); }
    Complex* data() { return m_rho.data(); }
    const Complex* data() const { return m_rho.data(); }
    Complex at(std::size_t row, std::size_t col) const { return m_rho[row | (col << m_n)]; }

    double trace() const;
    // Re ρ[i][i]: the probability of each basis state (qubit 0 least significant).
    std::vector<double> diagonal() const;
    double probabilityOfOne(int qubit) const;
    // Eigenvalues of the Hermitian part, ascending (Eigen; dense 2^n x 2^n, meant for small n).
    std::vector<double> eigenvalues() const;

    // ρ -> U ρ U† for a k-qubit gate matrix on `qubits` (operand order of the matrix).
    void applyUnitary(const Matrix& u, const std::vector<int>& qubits, int threads);
    // ρ -> Σ K ρ K† for a channel on `qubits`.
    void applyChannel(const KrausChannel& channel, const std::vector<int>& qubits, int threads);
    // A superoperator built by noise/superop.h (2k operands) on the k `qubits`.
    void applySuperoperator(const Matrix& superop, const std::vector<int>& qubits, int threads);
    // ρ += other (same size).
    void add(const DensityMatrix& other);

private:
    int m_n = 0;
    std::vector<Complex> m_rho;
};

// The state at the end of `program` under `noise` (nullptr = ideal), averaged over the
// outcomes of mid-circuit measurements; measurements read only at the end are not applied
// (this is the state they read). Errors: memory guard, cancel.
Result<DensityMatrix> finalDensityMatrix(const Program& program, const NoiseModel* noise, int threads = 1);

} // namespace qpilot::sim
