// tests/sim/tst_statevector.cpp — the state-vector engine against analytic states (Bell, GHZ,
// QFT of a basis state), Pauli expectation values and marginals, norm preservation on random
// circuits, the memory guard's message, parameter binding and the global phase.
#include "core/sim/simulator.h"
#include "support/random_circuit.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::sim;

namespace {

std::vector<Complex> finalState(const Circuit& c, int threads = 2, int fusion = 4, const ParamBindings& params = {})
{
    SimOptions o;
    o.wantStatevector = true;
    o.threads = threads;
    o.fusionMaxQubits = fusion;
    o.parameters = params;
    auto r = simulate(c, o);
    if (!r)
        qFatal("simulate: %s", r.error().message.c_str());
    return r->statevector;
}

StateVector asStateVector(const std::vector<Complex>& amps, int n)
{
    StateVector s = StateVector::zero(n).value();
    std::copy(amps.begin(), amps.end(), s.data());
    return s;
}

Circuit ghz(int n)
{
    Circuit c;
    c.addQreg("q", n);
    c.gate(GateKind::H, {0});
    for (int q = 1; q < n; ++q)
        c.gate(GateKind::CX, {q - 1, q});
    return c;
}

// QFT with qubit 0 least significant: |x> -> Σ_k e^{2πi xk/N} |k> / √N.
Circuit qftOf(int n, std::uint64_t x)
{
    Circuit c;
    c.addQreg("q", n);
    for (int q = 0; q < n; ++q)
        if (x >> q & 1)
            c.gate(GateKind::X, {q});
    for (int j = n - 1; j >= 0; --j) {
        c.gate(GateKind::H, {j});
        for (int k = j - 1; k >= 0; --k)
            c.gate(GateKind::CP, {k, j}, {M_PI / double(1 << (j - k))});
    }
    for (int i = 0; i < n / 2; ++i)
        c.gate(GateKind::Swap, {i, n - 1 - i});
    return c;
}

} // namespace

class TestStateVector : public QObject {
    Q_OBJECT
private slots:
    void zeroState()
    {
        auto s = StateVector::zero(3);
        QVERIFY(s);
        QCOMPARE(int(s->size()), 8);
        QCOMPARE(s->amplitudes()[0], Complex(1));
        for (size_t i = 1; i < 8; ++i)
            QCOMPARE(s->amplitudes()[i], Complex(0));
        QVERIFY(!StateVector::zero(-1));
    }

    void bell()
    {
        const std::vector<Complex> psi = finalState(ghz(2));
        const double h = 1 / std::sqrt(2.0);
        QVERIFY(std::abs(psi[0] - h) < 1e-14 && std::abs(psi[3] - h) < 1e-14);
        QVERIFY(std::abs(psi[1]) < 1e-14 && std::abs(psi[2]) < 1e-14);
    }

    void ghzStates_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("threads");
        for (int n : {3, 5, 12, 15})
            for (int t : {1, 2})
                QTest::addRow("n=%d threads=%d", n, t) << n << t;
    }
    void ghzStates()
    {
        QFETCH(int, qubits);
        QFETCH(int, threads);
        const std::vector<Complex> psi = finalState(ghz(qubits), threads);
        const double h = 1 / std::sqrt(2.0);
        for (size_t i = 0; i < psi.size(); ++i) {
            const Complex expected = (i == 0 || i == psi.size() - 1) ? Complex(h) : Complex(0);
            QVERIFY2(std::abs(psi[i] - expected) < 1e-12, qPrintable(QString("index %1").arg(i)));
        }
    }

    void qftOfBasisState_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("x");
        QTest::addColumn<int>("fusion");
        for (int n : {1, 3, 5, 13})
            for (int x : {0, 1, 5, 6})
                for (int fusion : {0, 4})
                    if (x < (1 << n))
                        QTest::addRow("n=%d x=%d fusion=%d", n, x, fusion) << n << x << fusion;
    }
    void qftOfBasisState()
    {
        QFETCH(int, qubits);
        QFETCH(int, x);
        QFETCH(int, fusion);
        const std::vector<Complex> psi = finalState(qftOf(qubits, std::uint64_t(x)), 2, fusion);
        const double N = double(1 << qubits);
        for (size_t k = 0; k < psi.size(); ++k) {
            const Complex expected = std::polar(1 / std::sqrt(N), 2 * M_PI * double(x) * double(k) / N);
            QVERIFY2(std::abs(psi[k] - expected) < 1e-12, qPrintable(QString("k=%1").arg(k)));
        }
    }

    void pauliExpectations_data()
    {
        QTest::addColumn<QString>("pauli");
        QTest::addColumn<double>("expected");
        // Bell state (|00> + |11>)/√2
        QTest::newRow("ZZ") << "ZZ" << 1.0;
        QTest::newRow("XX") << "XX" << 1.0;
        QTest::newRow("YY") << "YY" << -1.0;
        QTest::newRow("XI") << "XI" << 0.0;
        QTest::newRow("IZ") << "IZ" << 0.0;
        QTest::newRow("II") << "II" << 1.0;
        QTest::newRow("XY") << "XY" << 0.0;
        QTest::newRow("lowercase zz") << "zz" << 1.0;
    }
    void pauliExpectations()
    {
        QFETCH(QString, pauli);
        QFETCH(double, expected);
        const StateVector bell = asStateVector(finalState(ghz(2)), 2);
        for (int threads : {1, 2}) {
            auto e = expectationPauli(bell, pauli.toStdString(), threads);
            QVERIFY(e);
            QVERIFY2(std::abs(*e - expected) < 1e-12, qPrintable(QString::number(*e)));
        }
    }

    void pauliOrderAndRotations()
    {
        // |01>: qubit 0 is 1. Rightmost letter = qubit 0.
        Circuit c;
        c.addQreg("q", 2);
        c.gate(GateKind::X, {0});
        const StateVector s = asStateVector(finalState(c), 2);
        QCOMPARE(expectationPauli(s, "IZ").value(), -1.0);
        QCOMPARE(expectationPauli(s, "ZI").value(), 1.0);
        // ry(θ)|0>: <Z> = cos θ, <X> = sin θ, <Y> = 0; rx(θ)|0>: <Y> = -sin θ.
        for (double theta : {0.3, 1.2, 2.9}) {
            Circuit r;
            r.addQreg("q", 1);
            r.gate(GateKind::RY, {0}, {theta});
            const StateVector y = asStateVector(finalState(r), 1);
            QVERIFY(std::abs(expectationPauli(y, "Z").value() - std::cos(theta)) < 1e-12);
            QVERIFY(std::abs(expectationPauli(y, "X").value() - std::sin(theta)) < 1e-12);
            QVERIFY(std::abs(expectationPauli(y, "Y").value()) < 1e-12);
            Circuit x;
            x.addQreg("q", 1);
            x.gate(GateKind::RX, {0}, {theta});
            const StateVector xs = asStateVector(finalState(x), 1);
            QVERIFY(std::abs(expectationPauli(xs, "Y").value() + std::sin(theta)) < 1e-12);
        }
    }

    void pauliErrors()
    {
        const StateVector s = StateVector::zero(2).value();
        auto wrongLength = expectationPauli(s, "ZZZ");
        QVERIFY(!wrongLength);
        QVERIFY(wrongLength.error().message.find("3 letters") != std::string::npos);
        auto badLetter = expectationPauli(s, "ZQ");
        QVERIFY(!badLetter);
        QVERIFY(badLetter.error().message.find("'Q'") != std::string::npos);
    }

    void marginals_data()
    {
        QTest::addColumn<int>("qubits");
        for (int n : {3, 8, 15})
            QTest::addRow("n=%d", n) << n;
    }
    void marginals()
    {
        // A product state ry(θ_q) on every qubit: every marginal is a product of P(1) = sin²(θ_q/2).
        QFETCH(int, qubits);
        Circuit c;
        c.addQreg("q", qubits);
        std::vector<double> p1(static_cast<size_t>(qubits));
        for (int q = 0; q < qubits; ++q) {
            const double theta = 0.3 + 0.37 * q;
            c.gate(GateKind::RY, {q}, {theta});
            p1[size_t(q)] = std::pow(std::sin(theta / 2), 2);
        }
        const StateVector s = asStateVector(finalState(c), qubits);
        const std::vector<std::vector<int>> subsets = {{0}, {qubits - 1}, {2, 0}, {1, 2, 0}, {}};
        for (const auto& subset : subsets)
            for (int threads : {1, 2}) {
                const std::vector<double> m = marginalProbabilities(s, subset, threads);
                QCOMPARE(int(m.size()), 1 << subset.size());
                for (size_t o = 0; o < m.size(); ++o) {
                    double expected = 1;
                    for (size_t b = 0; b < subset.size(); ++b)
                        expected *= (o >> b & 1) ? p1[size_t(subset[b])] : 1 - p1[size_t(subset[b])];
                    QVERIFY2(std::abs(m[o] - expected) < 1e-12, qPrintable(QString("outcome %1").arg(o)));
                }
            }
        // All qubits, in order and reversed.
        std::vector<int> all(static_cast<size_t>(qubits)), reversed(static_cast<size_t>(qubits));
        for (int q = 0; q < qubits; ++q) {
            all[size_t(q)] = q;
            reversed[size_t(q)] = qubits - 1 - q;
        }
        const std::vector<double> full = marginalProbabilities(s, all, 2);
        const std::vector<double> rev = marginalProbabilities(s, reversed, 2);
        for (size_t i = 0; i < full.size(); i += 97) {
            QVERIFY(std::abs(full[i] - std::norm(s.amplitudes()[i])) < 1e-15);
            size_t j = 0;
            for (int b = 0; b < qubits; ++b)
                if (i >> b & 1)
                    j |= size_t(1) << (qubits - 1 - b);
            QVERIFY(std::abs(rev[j] - full[i]) < 1e-15);
        }
        // GHZ: correlated marginals.
        const StateVector g = asStateVector(finalState(ghz(3)), 3);
        const std::vector<double> m = marginalProbabilities(g, {2, 0});
        QVERIFY(std::abs(m[0] - 0.5) < 1e-12 && std::abs(m[3] - 0.5) < 1e-12 && m[1] < 1e-12 && m[2] < 1e-12);
    }

    void normPreserved_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("fusion");
        for (int n : {2, 6, 10, 14})
            for (int fusion : {0, 3, 5})
                QTest::addRow("n=%d fusion=%d", n, fusion) << n << fusion;
    }
    void normPreserved()
    {
        QFETCH(int, qubits);
        QFETCH(int, fusion);
        test::RandomCircuitOptions ro;
        ro.qubits = qubits;
        ro.gates = 80;
        ro.modifiers = true;
        const std::vector<Complex> psi = finalState(test::randomCircuit(std::uint64_t(qubits * 7 + fusion), ro), 2, fusion);
        QVERIFY(std::abs(normSquared(psi.data(), qubits, 1) - 1) < 1e-12);
    }

    void memoryGuard_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<bool>("density");
        QTest::addColumn<double>("available");
        QTest::addColumn<QString>("message");
        const double GiB = 1024.0 * 1024 * 1024;
        QTest::newRow("31 qubits") << 31 << false << 22 * GiB << "31 qubits need 32 GiB; 22 GiB available";
        QTest::newRow("fits") << 30 << false << 22 * GiB << "";
        QTest::newRow("density") << 16 << true << 22 * GiB << "16 qubits need 64 GiB as a density matrix; 22 GiB available";
        QTest::newRow("small") << 20 << false << 10.0 * 1024 * 1024 << "20 qubits need 16 MiB; 10 MiB available";
        QTest::newRow("fraction") << 28 << false << 3.5 * GiB << "28 qubits need 4 GiB; 3.5 GiB available";
        QTest::newRow("huge") << 100 << false << 22 * GiB << "100 qubits need 2^104 bytes; 22 GiB available";
    }
    void memoryGuard()
    {
        QFETCH(int, qubits);
        QFETCH(bool, density);
        QFETCH(double, available);
        QFETCH(QString, message);
        const auto e = checkMemory(qubits, density, available);
        if (message.isEmpty()) {
            QVERIFY(!e);
        } else {
            QVERIFY(e);
            QCOMPARE(QString::fromStdString(e->message), message);
        }
    }

    void simulateRefusesTooManyQubits()
    {
        Circuit c;
        c.addQreg("q", 40);
        c.gate(GateKind::H, {39});
        SimOptions o;
        o.shots = 10;
        auto r = simulate(c, o);
        QVERIFY(!r);
        QVERIFY2(r.error().message.rfind("40 qubits need 16 TiB; ", 0) == 0, r.error().message.c_str());
    }

    void parametersBound()
    {
        Circuit c;
        c.addQreg("q", 1);
        c.parameters = {"theta"};
        c.gate(GateKind::RY, {0}, {Expr::parameter("theta")});
        const std::vector<Complex> psi = finalState(c, 1, 4, {{"theta", 1.1}});
        QVERIFY(std::abs(psi[0] - std::cos(0.55)) < 1e-14 && std::abs(psi[1] - std::sin(0.55)) < 1e-14);
        SimOptions o;
        o.wantStatevector = true;
        auto unbound = simulate(c, o);
        QVERIFY(!unbound);
        QVERIFY(unbound.error().message.find("theta") != std::string::npos);
    }

    void globalPhaseIsKept()
    {
        Circuit c;
        c.addQreg("q", 1);
        c.gate(GateKind::GPhase, {}, {0.7});
        c.gate(GateKind::X, {0});
        const std::vector<Complex> psi = finalState(c);
        QVERIFY(std::abs(psi[1] - std::polar(1.0, 0.7)) < 1e-14);
    }
};

QTEST_GUILESS_MAIN(TestStateVector)
#include "tst_statevector.moc"
