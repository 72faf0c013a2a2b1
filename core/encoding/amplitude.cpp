// core/encoding/amplitude.cpp — amplitude encoding by Möttönen et al. (quant-ph/0407010 [S39]),
// the state-preparation variant from |0...0>: the input is zero-padded to 2^n and normalised;
// for every target qubit t = n-1..0 (controls t+1..n-1) a uniformly controlled RY sets the
// magnitudes and a uniformly controlled RZ the phases (signs). Each UC rotation with k
// controls is 2^k rotations and 2^k CNOTs in Gray-code order; the UC-RZ is written mirrored,
// so its first CNOT cancels the UC-RY's last one: 2^(k+1)-2 CNOTs per level and in total
//   CNOT = sum_{k=1}^{n-1} (2^(k+1) - 2) = 2^(n+1) - 2n - 2
// (half of the state-to-state count 2^(n+2)-4n-4 of [S39]; reference §5). Rotations:
// 2(2^n - 1); depth 2^(n+2) - 3n - 3 (each level's chain starts when the previous target ends).
// The circuit's parameters are the rotation angles a_0..a_{M-1} in gate order; bindFeatures
// computes them from the features. The state is exact up to a global phase.
#include "core/encoding/builder.h"

#include <cmath>

namespace qpilot::encoding {

int amplitudeQubits(int features)
{
    int n = 1;
    while ((1LL << n) < features)
        ++n;
    return n;
}

Result<AmplitudeTarget> amplitudeTarget(const std::vector<double>& x)
{
    if (x.empty())
        return Error{"amplitude encoding needs at least one feature"};
    AmplitudeTarget t;
    t.qubits = amplitudeQubits(static_cast<int>(x.size()));
    t.amplitudes.assign(size_t(1) << t.qubits, 0.0);
    double norm = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        if (!std::isfinite(x[i]))
            return Error{"amplitude encoding: feature " + std::to_string(i) + " is not a finite number"};
        norm += x[i] * x[i];
    }
    if (!(norm > 0))
        return Error{"amplitude encoding: the feature vector is all zeros and cannot be normalised"};
    norm = std::sqrt(norm);
    for (size_t i = 0; i < x.size(); ++i)
        t.amplitudes[i] = x[i] / norm;
    return t;
}

} // namespace qpilot::encoding

namespace qpilot::encoding::detail {

namespace {

int grayChangeBit(int i, int k) // bit that differs between gray(i) and gray(i+1 mod 2^k)
{
    if (i == (1 << k) - 1)
        return k - 1;
    int b = 0;
    while ((((i + 1) >> b) & 1) == 0)
        ++b;
    return b;
}

int gray(int i) { return i ^ (i >> 1); }

int popcount(unsigned v)
{
    int c = 0;
    for (; v; v &= v - 1)
        ++c;
    return c;
}

// θ = 2^-k M^T α with M_{c,i} = (-1)^{popcount(c & gray(i))}.
std::vector<double> ucAngles(const std::vector<double>& alpha, int k)
{
    const int m = 1 << k;
    std::vector<double> theta(size_t(m), 0.0);
    for (int i = 0; i < m; ++i) {
        double s = 0;
        for (int c = 0; c < m; ++c)
            s += (popcount(unsigned(c & gray(i))) % 2 ? -1.0 : 1.0) * alpha[size_t(c)];
        theta[size_t(i)] = s / m;
    }
    return theta;
}

} // namespace

Resources amplitudeResources(int features)
{
    const int n = amplitudeQubits(features);
    Resources r;
    r.qubits = n;
    r.oneQubitGates = 2 * ((1LL << n) - 1);
    r.twoQubitGates = (1LL << (n + 1)) - 2LL * n - 2;
    r.depth = (1LL << (n + 2)) - 3LL * n - 3;
    r.inputParameters = static_cast<int>(r.oneQubitGates);
    r.twoQubitFormula = "2^(n+1)-2n-2 (Mottonen from |0>)";
    r.parameterFormula = "2(2^n-1) rotation angles computed from the N inputs";
    return r;
}

Built buildAmplitude(int features, const Options& o)
{
    const int n = amplitudeQubits(features);
    CircuitBuilder b(Kind::Amplitude, features, o, n);
    int next = 0;
    auto angle = [&] { return b.input("a_" + std::to_string(next++)); };
    for (int t = n - 1; t >= 0; --t) {
        const int k = n - 1 - t;
        const int m = 1 << k;
        // Uniformly controlled RY (its last CNOT cancels against the mirrored UC-RZ's first).
        for (int i = 0; i < m; ++i) {
            b.gate(GateKind::RY, {t}, {angle()});
            if (k > 0 && i != m - 1)
                b.gate(GateKind::CX, {t + 1 + grayChangeBit(i, k), t});
        }
        // Uniformly controlled RZ, mirrored.
        for (int i = m - 1; i >= 0; --i) {
            if (k > 0 && i != m - 1)
                b.gate(GateKind::CX, {t + 1 + grayChangeBit(i, k), t});
            b.gate(GateKind::RZ, {t}, {angle()});
        }
    }
    return b.finish();
}

Result<ParamBindings> amplitudeBindings(const Built& built, const std::vector<double>& x)
{
    auto target = amplitudeTarget(x);
    if (!target)
        return target.error();
    const int n = target->qubits;
    const std::vector<double>& a = target->amplitudes;
    const size_t dim = a.size();
    std::vector<double> mag2(dim), phase(dim);
    for (size_t j = 0; j < dim; ++j) {
        mag2[j] = a[j] * a[j];
        phase[j] = a[j] < 0 ? 3.14159265358979323846 : 0.0;
    }
    // Phase angles per target: psi holds the diagonal over qubits t..n-1.
    std::vector<std::vector<double>> zAlpha(static_cast<size_t>(n));
    std::vector<double> psi = phase;
    for (int t = 0; t < n; ++t) {
        const size_t half = psi.size() / 2;
        std::vector<double> lambda(half), next(half);
        for (size_t c = 0; c < half; ++c) {
            lambda[c] = psi[2 * c + 1] - psi[2 * c];
            next[c] = 0.5 * (psi[2 * c + 1] + psi[2 * c]);
        }
        zAlpha[size_t(t)] = std::move(lambda);
        psi = std::move(next);
    }
    ParamBindings bindings;
    int next = 0;
    for (int t = n - 1; t >= 0; --t) {
        const int k = n - 1 - t;
        const size_t m = size_t(1) << k;
        const size_t low = size_t(1) << t;
        std::vector<double> yAlpha(m);
        for (size_t c = 0; c < m; ++c) {
            double s0 = 0, s1 = 0;
            for (size_t l = 0; l < low; ++l) {
                s0 += mag2[(c << (t + 1)) | l];
                s1 += mag2[(c << (t + 1)) | low | l];
            }
            yAlpha[c] = 2.0 * std::atan2(std::sqrt(s1), std::sqrt(s0));
        }
        const std::vector<double> yTheta = ucAngles(yAlpha, k);
        const std::vector<double> zTheta = ucAngles(zAlpha[size_t(t)], k);
        for (size_t i = 0; i < m; ++i)
            bindings["a_" + std::to_string(next++)] = yTheta[i];
        for (size_t i = m; i-- > 0;)
            bindings["a_" + std::to_string(next++)] = zTheta[i];
    }
    if (next != static_cast<int>(built.inputs.size()))
        return Error{"amplitude encoding: the circuit was built for " + std::to_string(built.features)
                     + " features, not " + std::to_string(x.size())};
    return bindings;
}

} // namespace qpilot::encoding::detail
