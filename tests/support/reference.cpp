// tests/support/reference.cpp — the dense reference implementations (see reference.h).
#include "support/reference.h"

#include <cmath>

namespace qpilot::test {

Matrix embed(const Matrix& g, const std::vector<int>& operands, int numQubits)
{
    Matrix full{numQubits, std::vector<Complex>(size_t(1) << (2 * numQubits))};
    int mask = 0;
    for (int o : operands)
        mask |= 1 << o;
    auto sub = [&](int index) {
        int s = 0;
        for (size_t b = 0; b < operands.size(); ++b)
            if (index & (1 << operands[b]))
                s |= 1 << b;
        return s;
    };
    for (int i = 0; i < full.dim(); ++i)
        for (int j = 0; j < full.dim(); ++j)
            if ((i & ~mask) == (j & ~mask))
                full.at(i, j) = g.at(sub(i), sub(j));
    return full;
}

Matrix circuitUnitary(const Circuit& c)
{
    const int n = c.numQubits();
    Matrix u = Matrix::identity(n);
    for (const Operation& o : c.ops) {
        if (std::holds_alternative<BarrierOp>(o.op))
            continue;
        const auto* g = std::get_if<GateOp>(&o.op);
        if (!g)
            return Matrix{};
        auto m = gateOpMatrix(*g, c);
        if (!m)
            return Matrix{};
        u = matrixProduct(embed(m.value(), g->qubits, n), u);
    }
    return u;
}

Matrix referenceU(double theta, double phi, double lambda)
{
    const Complex i(0, 1);
    Matrix m{1, std::vector<Complex>(4)};
    m.at(0, 0) = std::cos(theta / 2);
    m.at(0, 1) = -std::exp(i * lambda) * std::sin(theta / 2);
    m.at(1, 0) = std::exp(i * phi) * std::sin(theta / 2);
    m.at(1, 1) = std::exp(i * (phi + lambda)) * std::cos(theta / 2);
    return m;
}

Matrix referenceCX()
{
    // |c t>: index = t*2 + c. Flip t when c = 1: 1 <-> 3.
    Matrix m{2, std::vector<Complex>(16)};
    m.at(0, 0) = 1;
    m.at(2, 2) = 1;
    m.at(3, 1) = 1;
    m.at(1, 3) = 1;
    return m;
}

double maxAbsDiff(const Matrix& a, const Matrix& b)
{
    if (a.data.size() != b.data.size())
        return INFINITY;
    double d = 0;
    for (size_t k = 0; k < a.data.size(); ++k)
        d = std::max(d, std::abs(a.data[k] - b.data[k]));
    return d;
}

double maxDiffUpToPhase(const Matrix& a, const Matrix& b)
{
    if (a.data.size() != b.data.size() || a.data.empty())
        return INFINITY;
    size_t best = 0;
    for (size_t k = 0; k < b.data.size(); ++k)
        if (std::abs(b.data[k]) > std::abs(b.data[best]))
            best = k;
    const Complex phase = a.data[best] / b.data[best];
    Matrix scaled = b;
    for (Complex& z : scaled.data)
        z *= phase / std::abs(phase);
    return maxAbsDiff(a, scaled);
}

bool isUnitary(const Matrix& m, double tol)
{
    return maxAbsDiff(matrixProduct(m, matrixAdjoint(m)), Matrix::identity(m.qubits)) < tol;
}

QString describe(const Matrix& m)
{
    QString s;
    for (int r = 0; r < m.dim(); ++r) {
        s += "\n  [";
        for (int c = 0; c < m.dim(); ++c)
            s += QString(" %1%2%3i").arg(m.at(r, c).real(), 0, 'f', 4).arg(m.at(r, c).imag() < 0 ? "" : "+").arg(m.at(r, c).imag(), 0, 'f', 4);
        s += " ]";
    }
    return s;
}

} // namespace qpilot::test
