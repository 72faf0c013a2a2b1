// core/transpile/synthesis_1q.cpp — exact synthesis of any 2x2 unitary into a device's native
// single-qubit basis: ZYZ Euler angles, then rz·sx·rz·sx·rz (ZSX), rz·rx(π/2)·rz·rx(π/2)·rz
// (ZRX), prx (+ rz), gpi/gpi2 (+ rz), with shorter forms for θ = 0, π/2, π. The global phase
// is measured numerically against the input, so the result is exact including phase.
#include "core/transpile/transpile.h"
#include "core/transpile/transpile_util.h"
#include "core/circuit/transform.h"

#include <cmath>

namespace qpilot {

namespace {

constexpr double kAngleEps = 1e-10;

bool near(double a, double b) { return std::abs(a - b) < kAngleEps; }
// a ≡ 0 (mod period)
bool nearZeroMod(double a, double period)
{
    const double r = std::remainder(a, period);
    return std::abs(r) < kAngleEps;
}

struct Euler {
    double theta = 0, phi = 0, lambda = 0; // U ∝ Rz(φ)·Ry(θ)·Rz(λ), θ in [0, π]
};

Euler zyz(const Matrix& u)
{
    const Complex det = u.at(0, 0) * u.at(1, 1) - u.at(0, 1) * u.at(1, 0);
    const Complex s = std::sqrt(det);
    const Complex v00 = u.at(0, 0) / s, v10 = u.at(1, 0) / s, v11 = u.at(1, 1) / s;
    Euler e;
    e.theta = 2 * std::atan2(std::abs(v10), std::abs(v00));
    const double sum = std::abs(v11) > 1e-12 ? 2 * std::arg(v11) : 0.0; // φ + λ
    const double diff = std::abs(v10) > 1e-12 ? 2 * std::arg(v10) : 0.0; // φ − λ
    e.phi = (sum + diff) / 2;
    e.lambda = (sum - diff) / 2;
    return e;
}

void add(GateSequence& s, GateKind k, std::vector<double> params)
{
    GateOp g;
    g.kind = k;
    for (double p : params)
        g.params.emplace_back(wrapAngle(p));
    g.qubits = {0};
    s.gates.push_back(std::move(g));
}

void addRz(GateSequence& s, double angle)
{
    if (!nearZeroMod(angle, 2 * M_PI))
        add(s, GateKind::RZ, {angle});
}

} // namespace

double wrapAngle(double a)
{
    double r = std::remainder(a, 2 * M_PI); // [-π, π]
    if (r <= -M_PI + 1e-15)
        r = M_PI;
    if (std::abs(r) < 1e-15)
        r = 0;
    return r;
}

double phaseBetween(const Matrix& target, const Matrix& realised)
{
    size_t best = 0;
    for (size_t i = 1; i < realised.data.size(); ++i)
        if (std::abs(realised.data[i]) > std::abs(realised.data[best]))
            best = i;
    return std::arg(target.data[best] / realised.data[best]);
}

Matrix sequenceMatrix(const std::vector<GateOp>& gates, int qubits)
{
    if (qubits == 1) { // the hot case (every synthesis): 2x2 products without allocation
        Complex a = 1, b = 0, c = 0, d = 1;
        for (const GateOp& g : gates) {
            const Matrix x = g.kind == GateKind::GPhase ? Matrix{0, {std::exp(Complex(0, g.params[0].constantValue()))}}
                                                        : gateMatrix(g.kind, numericParams(g));
            if (x.qubits == 0) {
                a *= x.data[0], b *= x.data[0], c *= x.data[0], d *= x.data[0];
                continue;
            }
            const Complex na = x.data[0] * a + x.data[1] * c, nb = x.data[0] * b + x.data[1] * d;
            const Complex nc = x.data[2] * a + x.data[3] * c, nd = x.data[2] * b + x.data[3] * d;
            a = na, b = nb, c = nc, d = nd;
        }
        return Matrix{1, {a, b, c, d}};
    }
    Matrix m = Matrix::identity(qubits);
    for (const GateOp& g : gates) {
        if (g.kind == GateKind::GPhase) {
            const Complex f = std::exp(Complex(0, g.params[0].constantValue()));
            for (Complex& z : m.data)
                z *= f;
            continue;
        }
        std::vector<double> p;
        for (const Expr& e : g.params)
            p.push_back(e.constantValue());
        m = matrixProduct(embedMatrix(gateMatrix(g.kind, p), g.qubits, qubits), m);
    }
    return m;
}

Matrix embedMatrix(const Matrix& g, const std::vector<int>& operands, int n)
{
    if (g.qubits == n) {
        bool identityOrder = true;
        for (int i = 0; i < n; ++i)
            identityOrder = identityOrder && operands[size_t(i)] == i;
        if (identityOrder)
            return g;
    }
    Matrix out{n, std::vector<Complex>(size_t(1) << (2 * n))};
    const int dim = 1 << n;
    int mask = 0;
    for (int o : operands)
        mask |= 1 << o;
    auto sub = [&](int idx) {
        int s = 0;
        for (size_t k = 0; k < operands.size(); ++k)
            if (idx & (1 << operands[k]))
                s |= 1 << k;
        return s;
    };
    for (int r = 0; r < dim; ++r)
        for (int c = 0; c < dim; ++c)
            if ((r & ~mask) == (c & ~mask))
                out.at(r, c) = g.at(sub(r), sub(c));
    return out;
}

GateSequence synthesizeOneQubit(const Matrix& u, OneQubitBasis basis, bool hasX)
{
    const Euler e = zyz(u);
    const double th = e.theta, ph = e.phi, la = e.lambda;
    const bool zero = near(th, 0), half = near(th, M_PI / 2), full = near(th, M_PI);
    GateSequence s;
    switch (basis) {
    case OneQubitBasis::ZSX:
    case OneQubitBasis::ZRX: {
        const bool zsx = basis == OneQubitBasis::ZSX;
        auto halfX = [&] { zsx ? add(s, GateKind::SX, {}) : add(s, GateKind::RX, {M_PI / 2}); };
        if (zero) {
            addRz(s, ph + la);
        } else if (half) {
            addRz(s, la - M_PI / 2);
            halfX();
            addRz(s, ph + M_PI / 2);
        } else if (full && (hasX || !zsx)) {
            addRz(s, la - ph - M_PI);
            hasX && zsx ? add(s, GateKind::X, {}) : add(s, GateKind::RX, {M_PI});
        } else {
            addRz(s, la);
            halfX();
            addRz(s, th + M_PI);
            halfX();
            addRz(s, ph + M_PI);
        }
        break;
    }
    case OneQubitBasis::PRXRZ:
        addRz(s, ph + la);
        if (!zero)
            add(s, GateKind::PRX, {th, ph + M_PI / 2});
        break;
    case OneQubitBasis::PRX: {
        const double c = ph + M_PI / 2, beta = ph + la;
        if (nearZeroMod(beta, 2 * M_PI)) {
            if (!zero)
                add(s, GateKind::PRX, {th, c});
        } else {
            add(s, GateKind::PRX, {M_PI, c - beta / 2});
            add(s, GateKind::PRX, {th - M_PI, c});
        }
        break;
    }
    case OneQubitBasis::GPIRZ:
        if (zero) {
            addRz(s, ph + la);
        } else if (half) {
            addRz(s, ph + la);
            add(s, GateKind::GPI2, {ph + M_PI / 2});
        } else if (full) {
            addRz(s, ph + la);
            add(s, GateKind::GPI, {ph + M_PI / 2});
        } else {
            addRz(s, ph - th + la);
            add(s, GateKind::GPI2, {ph - th + M_PI});
            add(s, GateKind::GPI2, {ph});
        }
        break;
    case OneQubitBasis::GPI: {
        const double c = ph + M_PI / 2, beta = ph + la;
        const bool noZ = nearZeroMod(beta, 2 * M_PI);
        if (zero) {
            if (!noZ) {
                add(s, GateKind::GPI, {-beta / 2});
                add(s, GateKind::GPI, {0});
            }
        } else if (half) {
            if (noZ) {
                add(s, GateKind::GPI2, {c});
            } else {
                add(s, GateKind::GPI, {c - beta / 2});
                add(s, GateKind::GPI2, {c + M_PI});
            }
        } else if (full) {
            add(s, GateKind::GPI, {c - beta / 2});
        } else {
            add(s, GateKind::GPI, {ph - th + M_PI - (ph - th + la) / 2});
            add(s, GateKind::GPI2, {ph - th});
            add(s, GateKind::GPI2, {ph});
        }
        break;
    }
    }
    s.phase = phaseBetween(u, sequenceMatrix(s.gates, 1));
    return s;
}

} // namespace qpilot
