// tests/noise/tst_channels.cpp — Kraus channels: every factory is trace preserving; the
// depolarizing convention ((1-p)^k decay of <Z>, and (1-4q/3)^k for a Pauli error
// probability q); thermal relaxation decays populations as exp(-t/T1) and coherences as
// exp(-t/T2) and rejects T2 > 2·T1; fidelities, composition and tensor products.
#include "core/noise/noise.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;

Q_DECLARE_METATYPE(qpilot::KrausChannel)

namespace {

// ρ -> Σ K ρ K† with plain dense matrices (independent of the simulator).
Matrix applyKraus(const KrausChannel& ch, const Matrix& rho)
{
    Matrix out{rho.qubits, std::vector<Complex>(rho.data.size())};
    for (const Matrix& k : ch.operators) {
        const Matrix t = matrixProduct(matrixProduct(k, rho), matrixAdjoint(k));
        for (size_t i = 0; i < out.data.size(); ++i)
            out.data[i] += t.data[i];
    }
    return out;
}

Matrix pure1(Complex a, Complex b)
{
    return Matrix{1, {a * std::conj(a), a * std::conj(b), b * std::conj(a), b * std::conj(b)}};
}

double expectZ(const Matrix& rho) { return (rho.at(0, 0) - rho.at(1, 1)).real(); }

KrausChannel thermal(double t1, double t2, double t)
{
    auto ch = thermalRelaxation(t1, t2, t);
    return ch ? ch.value() : KrausChannel{};
}

} // namespace

class TestChannels : public QObject {
    Q_OBJECT
private slots:
    void tracePreserving_data()
    {
        QTest::addColumn<KrausChannel>("channel");
        QTest::addColumn<int>("qubits");
        for (double p : {0.0, 1e-4, 0.01, 0.3, 1.0, 4.0 / 3.0})
            QTest::addRow("depolarizing1(%g)", p) << depolarizing(1, p) << 1;
        for (double p : {0.0, 1e-3, 0.2, 1.0, 16.0 / 15.0})
            QTest::addRow("depolarizing2(%g)", p) << depolarizing(2, p) << 2;
        for (double g : {0.0, 0.05, 0.5, 1.0})
            QTest::addRow("amplitude_damping(%g)", g) << amplitudeDamping(g) << 1;
        for (double l : {0.0, 0.05, 0.5, 1.0})
            QTest::addRow("phase_damping(%g)", l) << phaseDamping(l) << 1;
        QTest::newRow("pauli(0,0,0)") << pauliChannel(0, 0, 0) << 1;
        QTest::newRow("pauli(0.1,0.02,0.3)") << pauliChannel(0.1, 0.02, 0.3) << 1;
        QTest::newRow("pauli(0.5,0.5,0)") << pauliChannel(0.5, 0.5, 0) << 1;
        QTest::newRow("thermal(100us,80us,50ns)") << thermal(100e-6, 80e-6, 50e-9) << 1;
        QTest::newRow("thermal(100us,200us,1us)") << thermal(100e-6, 200e-6, 1e-6) << 1;
        QTest::newRow("thermal(100us,10us,300us)") << thermal(100e-6, 10e-6, 300e-6) << 1;
        QTest::newRow("thermal(t=0)") << thermal(100e-6, 50e-6, 0) << 1;
        QTest::newRow("composed") << composeChannels(amplitudeDamping(0.1), depolarizing(1, 0.2)) << 1;
        QTest::newRow("tensor") << tensorChannels(thermal(50e-6, 30e-6, 1e-6), phaseDamping(0.3)) << 2;
    }
    void tracePreserving()
    {
        QFETCH(KrausChannel, channel);
        QFETCH(int, qubits);
        QCOMPARE(channel.qubits(), qubits);
        QVERIFY2(channel.isTracePreserving(1e-12), channel.name.c_str());
        QVERIFY(!channel.name.empty());
    }

    void notTracePreserving()
    {
        KrausChannel ch{"broken", {Matrix{1, {1, 0, 0, 0.5}}}};
        QVERIFY(!ch.isTracePreserving());
        QVERIFY(!KrausChannel{}.isTracePreserving());
    }

    // Our depolarizing parameter p: ρ -> (1-p)ρ + p·I/2, so <Z> of |0> decays as (1-p)^k.
    // The (1-4q/3)^k is the same law written with the Pauli error probability q = 3p/4.
    void depolarizingDecay_data()
    {
        QTest::addColumn<double>("p");
        QTest::addColumn<int>("k");
        for (double p : {0.001, 0.02, 0.1, 0.5})
            for (int k : {1, 2, 5, 20})
                QTest::addRow("p=%g k=%d", p, k) << p << k;
    }
    void depolarizingDecay()
    {
        QFETCH(double, p);
        QFETCH(int, k);
        Matrix rho = pure1(1, 0);
        const KrausChannel ch = depolarizing(1, p);
        for (int i = 0; i < k; ++i)
            rho = applyKraus(ch, rho);
        QVERIFY(std::abs(expectZ(rho) - std::pow(1 - p, k)) < 1e-12);

        // The Pauli-error convention: q = 3p/4 spread over X, Y, Z gives (1 - 4q/3)^k.
        const double q = 0.75 * p;
        QVERIFY(std::abs(depolarizingFromPauliError(q, 1) - p) < 1e-15);
        Matrix rho2 = pure1(1, 0);
        const KrausChannel pauli = pauliChannel(q / 3, q / 3, q / 3);
        for (int i = 0; i < k; ++i)
            rho2 = applyKraus(pauli, rho2);
        QVERIFY(std::abs(expectZ(rho2) - std::pow(1 - 4 * q / 3, k)) < 1e-12);
        QVERIFY(std::abs(expectZ(rho2) - expectZ(rho)) < 1e-12);
    }

    void depolarizingIsMaximallyMixingAtOne()
    {
        const Matrix rho = applyKraus(depolarizing(1, 1.0), pure1(std::sqrt(0.3), Complex(0, std::sqrt(0.7))));
        QVERIFY(std::abs(rho.at(0, 0) - 0.5) < 1e-14);
        QVERIFY(std::abs(rho.at(0, 1)) < 1e-14);
        // 2q: (1-p)ρ + p I/4 on |00><00|.
        Matrix rho2{2, std::vector<Complex>(16)};
        rho2.at(0, 0) = 1;
        const Matrix out = applyKraus(depolarizing(2, 0.4), rho2);
        QVERIFY(std::abs(out.at(0, 0) - (0.6 + 0.1)) < 1e-14);
        QVERIFY(std::abs(out.at(3, 3) - 0.1) < 1e-14);
    }

    void thermalT1Decay_data()
    {
        QTest::addColumn<double>("t");
        for (double t : {0.0, 1e-8, 5e-6, 50e-6, 100e-6, 400e-6})
            QTest::addRow("t=%g", t) << t;
    }
    void thermalT1Decay()
    {
        QFETCH(double, t);
        const double t1 = 100e-6, t2 = 70e-6;
        const Matrix rho = applyKraus(thermal(t1, t2, t), pure1(0, 1));
        QVERIFY(std::abs(rho.at(1, 1).real() - std::exp(-t / t1)) < 1e-12);
        QVERIFY(std::abs(rho.at(0, 0).real() - (1 - std::exp(-t / t1))) < 1e-12);
    }

    void thermalT2Decay_data()
    {
        QTest::addColumn<double>("t1");
        QTest::addColumn<double>("t2");
        QTest::addColumn<double>("t");
        QTest::newRow("T2 < T1") << 100e-6 << 60e-6 << 30e-6;
        QTest::newRow("T2 = T1") << 100e-6 << 100e-6 << 30e-6;
        QTest::newRow("T2 = 2T1 (pure T1)") << 100e-6 << 200e-6 << 80e-6;
        QTest::newRow("T2 << T1") << 300e-6 << 9e-6 << 20e-6;
        QTest::newRow("short gate") << 185e-6 << 141e-6 << 68e-9;
    }
    void thermalT2Decay()
    {
        QFETCH(double, t1);
        QFETCH(double, t2);
        QFETCH(double, t);
        const double s = std::sqrt(0.5);
        const Matrix rho = applyKraus(thermal(t1, t2, t), pure1(s, s));
        QVERIFY(std::abs(std::abs(rho.at(0, 1)) - 0.5 * std::exp(-t / t2)) < 1e-12);
        // Populations relax toward |0> as exp(-t/T1).
        QVERIFY(std::abs(rho.at(1, 1).real() - 0.5 * std::exp(-t / t1)) < 1e-12);
        // Two halves compose to the whole.
        const KrausChannel half = thermal(t1, t2, t / 2);
        const Matrix twice = applyKraus(half, applyKraus(half, pure1(s, s)));
        for (size_t i = 0; i < 4; ++i)
            QVERIFY(std::abs(twice.data[i] - rho.data[i]) < 1e-12);
    }

    void thermalErrors_data()
    {
        QTest::addColumn<double>("t1");
        QTest::addColumn<double>("t2");
        QTest::addColumn<double>("t");
        QTest::addColumn<QString>("message");
        QTest::newRow("T2 > 2T1") << 50e-6 << 120e-6 << 1e-6 << "T2 <= 2·T1";
        QTest::newRow("T1 = 0") << 0.0 << 1e-6 << 1e-6 << "T1 > 0";
        QTest::newRow("T1 < 0") << -1e-6 << 1e-6 << 1e-6 << "T1 > 0";
        QTest::newRow("T2 = 0") << 1e-6 << 0.0 << 1e-6 << "T2 > 0";
        QTest::newRow("negative duration") << 1e-4 << 1e-4 << -1e-9 << "duration >= 0";
        QTest::newRow("NaN T1") << std::nan("") << 1e-4 << 1e-9 << "T1 > 0";
    }
    void thermalErrors()
    {
        QFETCH(double, t1);
        QFETCH(double, t2);
        QFETCH(double, t);
        QFETCH(QString, message);
        auto ch = thermalRelaxation(t1, t2, t);
        QVERIFY(!ch);
        QVERIFY2(QString::fromStdString(ch.error().message).contains(message), ch.error().message.c_str());
    }

    // F_avg = 1 - p(d-1)/d for depolarizing; depolarizingFromInfidelity inverts it.
    void fidelities_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<double>("r");
        for (double r : {0.0, 2.7e-4, 4.1e-3, 0.05, 0.3})
            for (int k : {1, 2})
                QTest::addRow("%dq r=%g", k, r) << k << r;
    }
    void fidelities()
    {
        QFETCH(int, qubits);
        QFETCH(double, r);
        const double p = depolarizingFromInfidelity(r, qubits);
        const double d = 1 << qubits;
        QVERIFY(std::abs(p - r * d / (d - 1)) < 1e-15);
        const KrausChannel ch = depolarizing(qubits, p);
        QVERIFY(std::abs((1 - averageGateFidelity(ch)) - r) < 1e-14);
        // e_F = r (d+1)/d
        QVERIFY(std::abs((1 - processFidelity(ch)) - r * (d + 1) / d) < 1e-14);
    }

    void thermalFidelityMatchesFormula()
    {
        // F_pro = (1 + e^{-t/T1} + 2 e^{-t/T2}) / 4, so F_avg = (3 + e^{-t/T1} + 2 e^{-t/T2}) / 6.
        const double t1 = 100e-6, t2 = 80e-6, t = 5e-6;
        const double formula = (3 + std::exp(-t / t1) + 2 * std::exp(-t / t2)) / 6;
        QVERIFY(std::abs(averageGateFidelity(thermal(t1, t2, t)) - formula) < 1e-14);
    }

    void composeAndTensor()
    {
        // Two amplitude dampings compose to one with 1-γ = (1-γ1)(1-γ2).
        const KrausChannel c = composeChannels(amplitudeDamping(0.2), amplitudeDamping(0.3));
        const Matrix a = applyKraus(c, pure1(0, 1));
        QVERIFY(std::abs(a.at(1, 1).real() - 0.8 * 0.7) < 1e-14);
        // Process fidelities multiply under tensor products.
        const KrausChannel x = thermal(80e-6, 60e-6, 1e-6), y = depolarizing(1, 0.03);
        const KrausChannel t = tensorChannels(x, y);
        QCOMPARE(t.qubits(), 2);
        QVERIFY(std::abs(processFidelity(t) - processFidelity(x) * processFidelity(y)) < 1e-14);
    }
};

QTEST_APPLESS_MAIN(TestChannels)
#include "tst_channels.moc"
