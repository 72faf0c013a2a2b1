// core/noise/channels.cpp — the Kraus channel factories (depolarizing, amplitude and phase
// damping, Pauli, thermal relaxation), channel algebra (composition, tensor product) and
// channel fidelities (process and average gate fidelity).
#include "core/noise/noise.h"
#include "core/noise/superop.h"

#include <cmath>
#include <cstdio>

namespace qpilot {

namespace {

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

Matrix m2(Complex a, Complex b, Complex c, Complex d) { return Matrix{1, {a, b, c, d}}; }

// The four 1q Paulis I, X, Y, Z.
Matrix pauli1(int which)
{
    const Complex i(0, 1);
    switch (which) {
    case 1: return m2(0, 1, 1, 0);
    case 2: return m2(0, -i, i, 0);
    case 3: return m2(1, 0, 0, -1);
    default: return m2(1, 0, 0, 1);
    }
}

Matrix scaled(Matrix m, double s)
{
    for (Complex& z : m.data)
        z *= s;
    return m;
}

bool isZero(const Matrix& m)
{
    for (const Complex& z : m.data)
        if (std::abs(z) > 1e-15)
            return false;
    return true;
}

double clamp(double v, double lo, double hi) { return v < lo ? lo : (v > hi ? hi : v); }

} // namespace

bool KrausChannel::isTracePreserving(double tol) const
{
    if (operators.empty())
        return false;
    const int d = operators.front().dim();
    for (const Matrix& k : operators)
        if (k.qubits != operators.front().qubits || int(k.data.size()) != d * d)
            return false;
    for (int r = 0; r < d; ++r)
        for (int c = 0; c < d; ++c) {
            Complex sum = 0;
            for (const Matrix& k : operators)
                for (int j = 0; j < d; ++j)
                    sum += std::conj(k.at(j, r)) * k.at(j, c);
            if (std::abs(sum - Complex(r == c ? 1.0 : 0.0)) > tol)
                return false;
        }
    return true;
}

KrausChannel depolarizing(int qubits, double p)
{
    qubits = qubits == 2 ? 2 : 1;
    const int d = 1 << qubits;
    const double d2 = double(d) * d;
    // ρ -> (1-p)ρ + p I/d  ==  (1-p+p/d²)ρ + (p/d²) Σ_{P≠I} PρP; valid for 0 <= p <= d²/(d²-1).
    p = clamp(p, 0.0, d2 / (d2 - 1));
    KrausChannel ch;
    ch.name = "depolarizing" + std::string(qubits == 2 ? "2q" : "") + "(" + fmt(p) + ")";
    ch.operators.push_back(scaled(Matrix::identity(qubits), std::sqrt(1 - p + p / d2)));
    if (p > 0) {
        const double w = std::sqrt(p / d2);
        for (int P = 1; P < d * d; ++P) {
            Matrix op = qubits == 1 ? pauli1(P) : kronMatrix(pauli1(P % 4), pauli1(P / 4));
            ch.operators.push_back(scaled(std::move(op), w));
        }
    }
    return ch;
}

KrausChannel amplitudeDamping(double gamma)
{
    gamma = clamp(gamma, 0.0, 1.0);
    KrausChannel ch;
    ch.name = "amplitude_damping(" + fmt(gamma) + ")";
    ch.operators.push_back(m2(1, 0, 0, std::sqrt(1 - gamma)));
    if (gamma > 0)
        ch.operators.push_back(m2(0, std::sqrt(gamma), 0, 0));
    return ch;
}

KrausChannel phaseDamping(double lambda)
{
    lambda = clamp(lambda, 0.0, 1.0);
    KrausChannel ch;
    ch.name = "phase_damping(" + fmt(lambda) + ")";
    ch.operators.push_back(m2(1, 0, 0, std::sqrt(1 - lambda)));
    if (lambda > 0)
        ch.operators.push_back(m2(0, 0, 0, std::sqrt(lambda)));
    return ch;
}

KrausChannel pauliChannel(double px, double py, double pz)
{
    px = clamp(px, 0.0, 1.0);
    py = clamp(py, 0.0, 1.0);
    pz = clamp(pz, 0.0, 1.0);
    const double total = px + py + pz;
    if (total > 1) { // keep it a channel
        px /= total;
        py /= total;
        pz /= total;
    }
    KrausChannel ch;
    ch.name = "pauli(" + fmt(px) + ", " + fmt(py) + ", " + fmt(pz) + ")";
    const double pi = std::max(0.0, 1 - px - py - pz);
    const double probs[4] = {pi, px, py, pz};
    for (int P = 0; P < 4; ++P)
        if (probs[P] > 0)
            ch.operators.push_back(scaled(pauli1(P), std::sqrt(probs[P])));
    if (ch.operators.empty())
        ch.operators.push_back(pauli1(0));
    return ch;
}

Result<KrausChannel> thermalRelaxation(double t1, double t2, double duration)
{
    if (!(t1 > 0) || !std::isfinite(t1))
        return Error{"thermal relaxation needs T1 > 0 (got " + fmt(t1) + " s)"};
    if (!(t2 > 0) || !std::isfinite(t2))
        return Error{"thermal relaxation needs T2 > 0 (got " + fmt(t2) + " s)"};
    if (t2 > 2 * t1 * (1 + 1e-12))
        return Error{"thermal relaxation needs T2 <= 2·T1 (T2 = " + fmt(t2) + " s, T1 = " + fmt(t1) + " s)"};
    if (!(duration >= 0) || !std::isfinite(duration))
        return Error{"thermal relaxation needs a duration >= 0 (got " + fmt(duration) + " s)"};
    // Amplitude damping γ = 1 - e^{-t/T1} shrinks coherences by e^{-t/2T1}; phase damping λ
    // supplies the rest so that they decay as e^{-t/T2}: (1-λ) = e^{-2t/T2 + t/T1} <= 1.
    const double gamma = -std::expm1(-duration / t1);
    const double lambda = clamp(-std::expm1(-2 * duration / t2 + duration / t1), 0.0, 1.0);
    KrausChannel ch = composeChannels(amplitudeDamping(gamma), phaseDamping(lambda));
    ch.name = "thermal_relaxation(T1=" + fmt(t1) + " s, T2=" + fmt(t2) + " s, t=" + fmt(duration) + " s)";
    return ch;
}

double depolarizingFromInfidelity(double r, int qubits)
{
    const double d = double(1 << (qubits == 2 ? 2 : 1));
    return r * d / (d - 1);
}

double depolarizingFromPauliError(double q, int qubits)
{
    const double d = double(1 << (qubits == 2 ? 2 : 1));
    return q * d * d / (d * d - 1);
}

double processFidelity(const KrausChannel& channel)
{
    if (channel.operators.empty())
        return 0;
    const int d = channel.operators.front().dim();
    double sum = 0;
    for (const Matrix& k : channel.operators) {
        Complex tr = 0;
        for (int i = 0; i < d; ++i)
            tr += k.at(i, i);
        sum += std::norm(tr);
    }
    return sum / (double(d) * d);
}

double averageGateFidelity(const KrausChannel& channel)
{
    if (channel.operators.empty())
        return 0;
    const double d = channel.operators.front().dim();
    return (d * processFidelity(channel) + 1) / (d + 1);
}

KrausChannel composeChannels(const KrausChannel& first, const KrausChannel& then)
{
    KrausChannel ch;
    ch.name = first.name + " then " + then.name;
    for (const Matrix& b : then.operators)
        for (const Matrix& a : first.operators) {
            Matrix k = matrixProduct(b, a);
            if (!isZero(k))
                ch.operators.push_back(std::move(k));
        }
    return ch;
}

KrausChannel tensorChannels(const KrausChannel& low, const KrausChannel& high)
{
    KrausChannel ch;
    ch.name = low.name + " ⊗ " + high.name;
    for (const Matrix& h : high.operators)
        for (const Matrix& l : low.operators) {
            Matrix k = kronMatrix(l, h);
            if (!isZero(k))
                ch.operators.push_back(std::move(k));
        }
    return ch;
}

} // namespace qpilot
