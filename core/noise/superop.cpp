// core/noise/superop.cpp — Kronecker products, operand embedding, superoperators and Hermitian
// eigenvalues (superop.h).
#include "core/noise/superop.h"

#include <Eigen/Eigenvalues>

#include <cmath>

namespace qpilot {

Matrix kronMatrix(const Matrix& low, const Matrix& high)
{
    const int dl = low.dim(), dh = high.dim();
    Matrix out{low.qubits + high.qubits, std::vector<Complex>(size_t(dl) * dl * dh * dh)};
    for (int rh = 0; rh < dh; ++rh)
        for (int ch = 0; ch < dh; ++ch) {
            const Complex h = high.at(rh, ch);
            if (h == Complex(0))
                continue;
            for (int rl = 0; rl < dl; ++rl)
                for (int cl = 0; cl < dl; ++cl)
                    out.at(rl + rh * dl, cl + ch * dl) = low.at(rl, cl) * h;
        }
    return out;
}

Matrix embedOperands(const Matrix& m, const std::vector<int>& operands, int k)
{
    int mask = 0;
    for (int p : operands)
        mask |= 1 << p;
    auto sub = [&](int idx) {
        int s = 0;
        for (size_t b = 0; b < operands.size(); ++b)
            if (idx & (1 << operands[b]))
                s |= 1 << b;
        return s;
    };
    Matrix out{k, std::vector<Complex>(size_t(1) << (2 * k))};
    for (int r = 0; r < out.dim(); ++r)
        for (int c = 0; c < out.dim(); ++c)
            if ((r & ~mask) == (c & ~mask))
                out.at(r, c) = m.at(sub(r), sub(c));
    return out;
}

Matrix superoperator(const std::vector<Matrix>& krausOps)
{
    if (krausOps.empty())
        return Matrix{};
    const int k = krausOps.front().qubits;
    Matrix s{2 * k, std::vector<Complex>(size_t(1) << (4 * k))};
    for (const Matrix& op : krausOps) {
        Matrix conjOp = op;
        for (Complex& z : conjOp.data)
            z = std::conj(z);
        const Matrix term = kronMatrix(op, conjOp);
        for (size_t i = 0; i < s.data.size(); ++i)
            s.data[i] += term.data[i];
    }
    return s;
}

bool isIdentityChannel(const KrausChannel& channel, double tol)
{
    if (channel.operators.size() != 1)
        return false;
    const Matrix& m = channel.operators.front();
    const Complex phase = m.data.empty() ? Complex(0) : m.data[0];
    if (std::abs(std::abs(phase) - 1) > tol)
        return false;
    for (int r = 0; r < m.dim(); ++r)
        for (int c = 0; c < m.dim(); ++c)
            if (std::abs(m.at(r, c) - (r == c ? phase : Complex(0))) > tol)
                return false;
    return true;
}

std::vector<double> hermitianEigenvalues(const std::vector<Complex>& rowMajor, int dim)
{
    Eigen::MatrixXcd m(dim, dim);
    for (int r = 0; r < dim; ++r)
        for (int c = 0; c < dim; ++c)
            m(r, c) = 0.5 * (rowMajor[size_t(r) * size_t(dim) + size_t(c)] + std::conj(rowMajor[size_t(c) * size_t(dim) + size_t(r)]));
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> solver(m, Eigen::EigenvaluesOnly);
    const Eigen::VectorXd& ev = solver.eigenvalues();
    return std::vector<double>(ev.data(), ev.data() + ev.size());
}

} // namespace qpilot
