// tests/encoding/tst_states.cpp — the states the encodings prepare, from the simulator, against
// independent expectations: amplitude = normalised zero-padded input up to a global phase
// (random real, signed inputs with zeros); angle and dense angle = the analytic product state;
// basis = |bits>; the 2-qubit ZZ map = a hand-built H / phase-diagonal reference; the native
// composite gates (PRX, GPI2, MS) = their published matrices.
#include "core/circuit/transform.h"
#include "core/encoding/encoding.h"
#include "core/sim/simulator.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace qpilot;
using namespace qpilot::encoding;

namespace {

const double kPi = 3.14159265358979323846;

std::vector<Complex> stateOf(const Built& b, const std::vector<double>& x)
{
    auto bind = bindFeatures(b, x);
    if (!bind)
        qFatal("bind: %s", bind.error().message.c_str());
    sim::SimOptions o;
    o.wantStatevector = true;
    o.threads = 1;
    o.parameters = *bind;
    auto r = sim::simulate(b.circuit, o);
    if (!r)
        qFatal("simulate: %s", r.error().message.c_str());
    return r->statevector;
}

// max |a - e^{iα} b| with α aligning the largest entry.
double diffUpToPhase(const std::vector<Complex>& a, const std::vector<Complex>& b)
{
    if (a.size() != b.size())
        return 1e9;
    size_t k = 0;
    for (size_t i = 0; i < b.size(); ++i)
        if (std::abs(b[i]) > std::abs(b[k]))
            k = i;
    const Complex phase = std::abs(b[k]) > 0 ? a[k] / b[k] / std::abs(a[k] / b[k]) : Complex(1);
    double d = 0;
    for (size_t i = 0; i < a.size(); ++i)
        d = std::max(d, std::abs(a[i] - phase * b[i]));
    return d;
}

// |0>-state of one qubit rotated: amplitudes (a0, a1).
std::pair<Complex, Complex> rotated(Axis axis, double t)
{
    const Complex I(0, 1);
    switch (axis) {
    case Axis::X: return {std::cos(t / 2), -I * std::sin(t / 2)};
    case Axis::Y: return {std::cos(t / 2), std::sin(t / 2)};
    case Axis::Z: return {std::exp(-I * (t / 2)), 0.0};
    }
    return {1.0, 0.0};
}

std::vector<Complex> product(const std::vector<std::pair<Complex, Complex>>& qubits)
{
    std::vector<Complex> s(size_t(1) << qubits.size(), Complex(1));
    for (size_t i = 0; i < s.size(); ++i)
        for (size_t q = 0; q < qubits.size(); ++q)
            s[i] *= (i >> q) & 1 ? qubits[q].second : qubits[q].first;
    return s;
}

// sigma_phi = cos(phi) X + sin(phi) Y.
Matrix sigma(double phi)
{
    Matrix m{1, {0, std::exp(Complex(0, -phi)), std::exp(Complex(0, phi)), 0}};
    return m;
}

Matrix kron(const Matrix& hi, const Matrix& lo) // hi on operand 1, lo on operand 0
{
    Matrix r = Matrix::identity(hi.qubits + lo.qubits);
    for (int i = 0; i < r.dim(); ++i)
        for (int j = 0; j < r.dim(); ++j)
            r.at(i, j) = hi.at(i >> lo.qubits, j >> lo.qubits) * lo.at(i & (lo.dim() - 1), j & (lo.dim() - 1));
    return r;
}

double matDiff(const Matrix& a, const Matrix& b)
{
    double d = 0;
    for (size_t i = 0; i < a.data.size(); ++i)
        d = std::max(d, std::abs(a.data[i] - b.data[i]));
    return d;
}

} // namespace

class TestStates : public QObject {
    Q_OBJECT
private slots:
    void amplitudeEqualsInput_data();
    void amplitudeEqualsInput();
    void angleProductState_data();
    void angleProductState();
    void denseProductState();
    void basisState();
    void zzTwoQubitReference_data();
    void zzTwoQubitReference();
    void reuploadBindsWeights();
    void nativeCompositeGates();
};

void TestStates::amplitudeEqualsInput_data()
{
    QTest::addColumn<int>("features");
    QTest::addColumn<int>("seed");
    for (int N : {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 32, 64})
        for (int seed : {1, 2, 3})
            QTest::addRow("N=%d seed=%d", N, seed) << N << seed;
}

void TestStates::amplitudeEqualsInput()
{
    QFETCH(int, features);
    QFETCH(int, seed);
    std::mt19937_64 rng(static_cast<std::uint64_t>(seed * 1000 + features));
    std::uniform_real_distribution<double> u(-2.0, 2.0);
    std::vector<double> x(static_cast<size_t>(features));
    for (double& v : x)
        v = u(rng);
    // Zeros (but keep one non-zero entry) and, for seed 2, only non-negative values.
    for (size_t i = 0; i < x.size(); i += 3)
        if (x.size() > 1 && i != 1)
            x[i] = 0;
    if (seed == 2)
        for (double& v : x)
            v = std::abs(v);
    if (features == 1)
        x[0] = -0.7;
    auto b = build(Kind::Amplitude, features);
    QVERIFY(b.ok());
    const auto psi = stateOf(*b, x);
    double norm = 0;
    for (double v : x)
        norm += v * v;
    norm = std::sqrt(norm);
    std::vector<Complex> expected(psi.size(), 0.0);
    for (size_t i = 0; i < x.size(); ++i)
        expected[i] = x[i] / norm;
    QVERIFY2(diffUpToPhase(psi, expected) < 1e-10, qPrintable(QString::number(diffUpToPhase(psi, expected))));
}

void TestStates::angleProductState_data()
{
    QTest::addColumn<int>("axis");
    QTest::newRow("x") << int(Axis::X);
    QTest::newRow("y") << int(Axis::Y);
    QTest::newRow("z") << int(Axis::Z);
}

void TestStates::angleProductState()
{
    QFETCH(int, axis);
    Options o;
    o.rotation = static_cast<Axis>(axis);
    const std::vector<double> x = {0.3, -1.2, 2.5, 0.0};
    auto b = build(Kind::Angle, 4, o);
    QVERIFY(b.ok());
    std::vector<std::pair<Complex, Complex>> qs;
    for (double v : x)
        qs.push_back(rotated(o.rotation, v));
    QVERIFY(diffUpToPhase(stateOf(*b, x), product(qs)) < 1e-12);
    // Exact (including the phase) for RY, RX and RZ.
    const auto psi = stateOf(*b, x);
    const auto ref = product(qs);
    for (size_t i = 0; i < psi.size(); ++i)
        QVERIFY(std::abs(psi[i] - ref[i]) < 1e-12);
}

void TestStates::denseProductState()
{
    const std::vector<double> x = {0.4, 1.1, -0.9, 2.0, 1.7};
    auto b = build(Kind::DenseAngle, 5);
    QVERIFY(b.ok());
    QCOMPARE(b->circuit.numQubits(), 3);
    const Complex I(0, 1);
    std::vector<std::pair<Complex, Complex>> qs;
    for (size_t q = 0; q < 3; ++q) {
        const double t = x[2 * q];
        const double p = 2 * q + 1 < x.size() ? x[2 * q + 1] : 0.0;
        qs.push_back({std::exp(-I * (p / 2)) * std::cos(t / 2), std::exp(I * (p / 2)) * std::sin(t / 2)});
    }
    const auto psi = stateOf(*b, x);
    const auto ref = product(qs);
    for (size_t i = 0; i < psi.size(); ++i)
        QVERIFY(std::abs(psi[i] - ref[i]) < 1e-12);
}

void TestStates::basisState()
{
    const std::vector<double> bits = {1, 0, 1, 1, 0};
    auto b = build(Kind::Basis, 5);
    QVERIFY(b.ok());
    std::vector<Complex> ref(32, 0.0);
    ref[0b01101] = 1; // qubit 0 least significant
    QVERIFY(diffUpToPhase(stateOf(*b, bits), ref) < 1e-12);
    auto bound = encodeValues(*b, bits);
    QVERIFY(bound.ok());
    QCOMPARE(bound->ops.size(), size_t(3)); // X on the three 1-bits
    sim::SimOptions o;
    o.wantStatevector = true;
    auto r = sim::simulate(*bound, o);
    QVERIFY(r.ok());
    QVERIFY(std::abs(r->statevector[0b01101] - Complex(1)) < 1e-15);
}

void TestStates::zzTwoQubitReference_data()
{
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("x1");
    QTest::addColumn<int>("reps");
    QTest::newRow("a r1") << 0.3 << 1.9 << 1;
    QTest::newRow("a r2") << 0.3 << 1.9 << 2;
    QTest::newRow("b r3") << -2.2 << 0.7 << 3;
    QTest::newRow("pi r2") << kPi << 0.0 << 2;
}

void TestStates::zzTwoQubitReference()
{
    QFETCH(double, x0);
    QFETCH(double, x1);
    QFETCH(int, reps);
    // Reference: per rep, H⊗H then the diagonal exp(i[2 x0 b0 + 2 x1 b1 + 2(π-x0)(π-x1)(b0 xor b1)]).
    std::vector<Complex> psi = {1, 0, 0, 0};
    for (int r = 0; r < reps; ++r) {
        std::vector<Complex> h(4, 0.0);
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 4; ++j) {
                const int sign = __builtin_popcount(unsigned(i & j)) % 2 ? -1 : 1;
                h[size_t(i)] += 0.5 * sign * psi[size_t(j)];
            }
        for (int i = 0; i < 4; ++i) {
            const int b0 = i & 1, b1 = (i >> 1) & 1;
            const double phase = 2 * x0 * b0 + 2 * x1 * b1 + 2 * (kPi - x0) * (kPi - x1) * (b0 ^ b1);
            h[size_t(i)] *= std::exp(Complex(0, phase));
        }
        psi = h;
    }
    Options o;
    o.reps = reps;
    auto b = build(Kind::ZZ, 2, o);
    QVERIFY(b.ok());
    const auto got = stateOf(*b, {x0, x1});
    for (size_t i = 0; i < 4; ++i)
        QVERIFY2(std::abs(got[i] - psi[i]) < 1e-12, qPrintable(QString::number(std::abs(got[i] - psi[i]))));
}

void TestStates::reuploadBindsWeights()
{
    Options o;
    o.layers = 2;
    o.block = TrainableBlock::RY;
    auto b = build(Kind::Reupload, 1, o);
    QVERIFY(b.ok());
    QCOMPARE(b->weights, (std::vector<std::string>{"theta_0", "theta_1"}));
    // One qubit, RY everywhere: RY(θ1) RY(x) RY(θ0) RY(x)|0> = RY(2x+θ0+θ1)|0>.
    const double x = 0.4, t0 = 0.3, t1 = -1.1;
    const auto features = bindFeatures(*b, std::vector<double>{x});
    QVERIFY(features.ok());
    ParamBindings bind = *features;
    const ParamBindings weights = weightBindings(*b, std::vector<double>{t0, t1});
    bind.insert(weights.begin(), weights.end());
    sim::SimOptions so;
    so.wantStatevector = true;
    so.parameters = bind;
    auto r = sim::simulate(b->circuit, so);
    QVERIFY(r.ok());
    const double a = 2 * x + t0 + t1;
    QVERIFY(std::abs(r->statevector[0] - Complex(std::cos(a / 2))) < 1e-12);
    QVERIFY(std::abs(r->statevector[1] - Complex(std::sin(a / 2))) < 1e-12);
}

void TestStates::nativeCompositeGates()
{
    const double th = 0.7, ph = -1.3, ph1 = 0.4;
    const Complex I(0, 1);
    Options o;
    o.reps = 1;
    auto uses = [](const Circuit& c, GateKind kind, const char* name) {
        for (const Operation& op : c.ops)
            if (const auto* g = std::get_if<GateOp>(&op.op); g && g->kind == kind && (kind != GateKind::Custom || g->name == name))
                return true;
        return false;
    };
    auto op = [](GateKind kind, const char* name, std::vector<int> qubits, std::vector<Expr> params) {
        GateOp g;
        g.kind = kind;
        g.name = name;
        g.qubits = std::move(qubits);
        g.params = std::move(params);
        return g;
    };
    // PRX(θ, φ) = cos(θ/2) I - i sin(θ/2) σ_φ (IQM), emitted as the table's prx.
    o.nativeGates = {"prx", "cz"};
    Circuit c = build(Kind::HardwareEfficient, 2, o)->circuit;
    QVERIFY(uses(c, GateKind::PRX, "prx"));
    Matrix expected = sigma(ph);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            expected.at(i, j) = (i == j ? std::cos(th / 2) : 0.0) - I * std::sin(th / 2) * expected.at(i, j);
    QVERIFY(matDiff(gateOpMatrix(op(GateKind::PRX, "prx", {0}, {th, ph}), c).value(), expected) < 1e-12);

    // Quantinuum's u1q is a composite equal to PRX; its zz is RZZ(π/2).
    o.nativeGates = {"u1q", "zz"};
    c = build(Kind::HardwareEfficient, 2, o)->circuit;
    QVERIFY(uses(c, GateKind::Custom, "u1q") && uses(c, GateKind::Custom, "zz"));
    QVERIFY(matDiff(gateOpMatrix(op(GateKind::Custom, "u1q", {0}, {th, ph}), c).value(), expected) < 1e-12);
    Matrix zz = Matrix::identity(2);
    for (int k = 0; k < 4; ++k) // exp(-iπ/4 Z⊗Z): phase e^{∓iπ/4} by the parity of k
        zz.at(k, k) = std::exp(-I * (kPi / 4) * ((k == 0 || k == 3) ? 1.0 : -1.0));
    QVERIFY(matDiff(gateOpMatrix(op(GateKind::Custom, "zz", {0, 1}, {}), c).value(), zz) < 1e-12);

    // IonQ: GPI2(φ) = (I - i σ_φ)/√2, MS(φ0,φ1,π/2) = (I - i σ_φ0 ⊗ σ_φ1)/√2, table gates.
    o.nativeGates = {"gpi", "gpi2", "ms"};
    c = build(Kind::HardwareEfficient, 2, o)->circuit;
    QVERIFY(uses(c, GateKind::GPI2, "gpi2") && uses(c, GateKind::MS, "ms"));
    Matrix e2 = sigma(ph);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            e2.at(i, j) = ((i == j ? 1.0 : 0.0) - I * e2.at(i, j)) / std::sqrt(2.0);
    QVERIFY(matDiff(gateOpMatrix(op(GateKind::GPI2, "gpi2", {0}, {ph}), c).value(), e2) < 1e-12);
    Matrix e3 = kron(sigma(ph1), sigma(ph));
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j)
            e3.at(i, j) = ((i == j ? 1.0 : 0.0) - I * e3.at(i, j)) / std::sqrt(2.0);
    QVERIFY(matDiff(gateOpMatrix(op(GateKind::MS, "ms", {0, 1}, {ph, ph1, kPi / 2}), c).value(), e3) < 1e-12);
}

QTEST_APPLESS_MAIN(TestStates)
#include "tst_states.moc"
