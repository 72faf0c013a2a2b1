// tests/mitigation/tst_pec.cpp — probabilistic error cancellation under a matching depolarizing
// noise model: Mitiq's quasi-probabilities (η_I + Σ η_P = 1, γ = Σ|η| = overhead.h's γ), the
// exact sum over every term equals the ideal value, the sampled estimator is within 4 standard
// errors of the ideal value and beats the noisy bias (GHZ and a random circuit, exact and shot
// runs), the γ² cap refuses with the number, and seeded runs repeat.
#include "core/mitigation/mitigation.h"
#include "mitigation/fixtures.h"

#include "support/random_circuit.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::mitigation;

using qpilot::test::ghz;
using qpilot::test::depolarizingModel;

namespace {

} // namespace

class TestPec : public QObject {
    Q_OBJECT
private slots:
    void quasiProbabilities_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<double>("eps"); // depolarizing parameter of the simulator's channel
        for (double e : {0.001, 0.01, 0.1, 0.3}) {
            QTest::newRow(qPrintable(QString("1q %1").arg(e))) << 1 << e;
            QTest::newRow(qPrintable(QString("2q %1").arg(e))) << 2 << e;
        }
    }
    void quasiProbabilities()
    {
        QFETCH(int, qubits);
        QFETCH(double, eps);
        const NoiseModel noise = depolarizingModel(eps, eps);
        Circuit c;
        c.addQreg("q", 2);
        if (qubits == 1)
            c.gate(GateKind::H, {0});
        else
            c.gate(GateKind::CX, {0, 1});
        auto rep = representationFor(c, noise);
        QVERIFY(rep.ok());
        QCOMPARE(rep.value().gates.size(), std::size_t(1));
        const GateRepresentation& g = rep.value().gates[0];
        const double d2 = qubits == 1 ? 4 : 16;
        // Mitiq [S1]: process infidelity p = ε(d²−1)/d², η_I = 1 + (d²−1)/d²·ε/(1−ε), η_P = −ε/(d²(1−ε)).
        QVERIFY(std::abs(g.processInfidelity - eps * (d2 - 1) / d2) < 1e-12);
        QVERIFY(std::abs(g.etaIdentity - (1 + (d2 - 1) / d2 * eps / (1 - eps))) < 1e-12);
        QVERIFY(std::abs(g.etaPauli + eps / (d2 * (1 - eps))) < 1e-12);
        QVERIFY(std::abs(g.etaIdentity + (d2 - 1) * g.etaPauli - 1) < 1e-12); // trace preserving
        QVERIFY(std::abs(g.gamma - (std::abs(g.etaIdentity) + (d2 - 1) * std::abs(g.etaPauli))) < 1e-12);
        // The same γ as overhead.h's totalGamma over average infidelities r = p·d/(d+1).
        CircuitFigures f;
        const double d = qubits == 1 ? 2 : 4;
        (qubits == 1 ? f.errors1q : f.errors2q).push_back(g.processInfidelity * d / (d + 1));
        (qubits == 1 ? f.oneQubitGates : f.twoQubitGates) = 1;
        QVERIFY(std::abs(totalGamma(f).value() - g.gamma) < 1e-12);
    }

    // Infinite samples: Σ_terms Π η · ⟨P⟩(instance) equals the ideal value exactly.
    void exactSumEqualsIdeal_data()
    {
        QTest::addColumn<int>("circuit");
        QTest::addColumn<QString>("pauli");
        QTest::addColumn<double>("ideal");
        QTest::newRow("ry Z") << 0 << "IZ" << std::cos(0.7);
        QTest::newRow("ry+cx ZZ") << 1 << "ZZ" << 1.0;
        QTest::newRow("ry+cx ZI") << 1 << "ZI" << std::cos(0.7);
        QTest::newRow("ry+cx XX") << 1 << "XX" << std::sin(0.7);
    }
    void exactSumEqualsIdeal()
    {
        QFETCH(int, circuit);
        QFETCH(QString, pauli);
        QFETCH(double, ideal);
        Circuit c;
        c.addQreg("q", 2);
        c.gate(GateKind::RY, {0}, {Expr(0.7)});
        if (circuit == 1)
            c.gate(GateKind::CX, {0, 1});
        const NoiseModel noise = depolarizingModel(0.05, 0.12); // strong, so the check is sharp
        QVERIFY(std::abs(idealExpectation(c, pauli.toStdString()).value() - ideal) < 1e-12);
        Backend b;
        b.noise = &noise;
        const double noisy = measurePauli(c, pauli.toStdString(), b).value().value;
        QVERIFY(std::abs(noisy - ideal) > 0.01);
        auto exact = exactPec(c, pauli.toStdString(), noise);
        QVERIFY(exact.ok());
        QVERIFY2(std::abs(exact.value() - ideal) < 1e-10, qPrintable(QString::number(exact.value(), 'g', 15)));
    }

    // Sampled PEC, exact instance values: unbiased, so |estimate − ideal| < 4σ (two-sided
    // normal tail 6e-5 for the fixed seed), and 4σ is far below the noisy bias here.
    void sampledBiasReduced_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("shots");
        QTest::newRow("GHZ3 exact") << 3 << 0;
        QTest::newRow("GHZ4 exact") << 4 << 0;
        QTest::newRow("GHZ4 shots") << 4 << 2000;
    }
    void sampledBiasReduced()
    {
        QFETCH(int, qubits);
        QFETCH(int, shots);
        const NoiseModel noise = depolarizingModel(0.002, 0.03);
        const Circuit c = ghz(qubits);
        const std::string p(std::size_t(qubits), qubits % 2 ? 'X' : 'Z');
        Backend b;
        b.noise = &noise;
        b.shots = shots;
        b.seed = 11;
        const double noisy = measurePauli(c, p, Backend{&noise, 0, 0, nullptr}).value().value;
        PecOptions o;
        o.samples = 4000;
        PecRepresentation rep;
        auto r = runPec(c, p, o, b, &rep);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        const double se = r.value().stdError;
        QVERIFY(se > 0 && se <= r.value().gamma / std::sqrt(4000.0) + 1e-12); // |γ·sign·m| ≤ γ
        QVERIFY2(std::abs(r.value().estimate - 1.0) < 4 * se,
                 qPrintable(QString("estimate %1 se %2").arg(r.value().estimate).arg(se)));
        QVERIFY(4 * se < std::abs(noisy - 1.0));
        QVERIFY(std::abs(r.value().gamma - rep.gamma) < 1e-15);
        QVERIFY(r.value().negativeSamples > 0);
        if (shots > 0) // γ²·S shots of equal precision spread over the samples
            QCOMPARE(r.value().shots, std::int64_t(4000) * std::int64_t(std::ceil(rep.gammaSquared() * shots / 4000.0)));
        auto again = runPec(c, p, o, b);
        QCOMPARE(again.value().estimate, r.value().estimate);
    }

    void randomCircuit()
    {
        test::RandomCircuitOptions ro;
        ro.qubits = 2;
        ro.gates = 8;
        Circuit c;
        for (std::uint64_t seed = 1;; ++seed) { // the first seeded circuit without gpi (reserved)
            c = unitaryPart(test::randomCircuit(seed, ro)).value();
            if (!checkNoFrameGates(c))
                break;
        }
        c.gate(GateKind::CX, {1, 0});
        std::string best;
        double ideal = 0;
        for (const char* p : {"ZZ", "ZI", "IZ", "XX", "XI", "IX", "YY"}) {
            const double v = idealExpectation(c, p).value();
            if (std::abs(v) > std::abs(ideal)) {
                ideal = v;
                best = p;
            }
        }
        QVERIFY(std::abs(ideal) > 0.3);
        const NoiseModel noise = depolarizingModel(0.01, 0.05);
        Backend b;
        b.noise = &noise;
        b.seed = 3;
        const double noisy = measurePauli(c, best, b).value().value;
        PecOptions o;
        o.samples = 6000;
        auto r = runPec(c, best, o, b);
        QVERIFY(r.ok());
        QVERIFY2(std::abs(r.value().estimate - ideal) < 4 * r.value().stdError,
                 qPrintable(QString("%1 ideal %2 estimate %3 se %4").arg(best.c_str()).arg(ideal).arg(r.value().estimate).arg(r.value().stdError)));
        QVERIFY(std::abs(r.value().estimate - ideal) < std::abs(noisy - ideal));
    }

    void capRefusesWithTheNumber()
    {
        const NoiseModel noise = depolarizingModel(0.01, 0.05);
        Backend b;
        b.noise = &noise;
        PecOptions o;
        o.maxOverhead = 1.01;
        auto r = runPec(ghz(4), "ZZZZ", o, b);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.find("gamma^2 = ") != std::string::npos);
        QVERIFY(r.error().message.find("cap 1.01") != std::string::npos);
        QVERIFY(!runPec(ghz(2), "ZZ", PecOptions{}, Backend{}).ok()); // no noise model
    }

    void mitiqSampleRule()
    {
        const NoiseModel noise = depolarizingModel(0.002, 0.02);
        Backend b;
        b.noise = &noise;
        PecRepresentation rep;
        auto r = runPec(ghz(2), "ZZ", PecOptions{}, b, &rep);
        QVERIFY(r.ok());
        QCOMPARE(r.value().samples, int(std::ceil(rep.gammaSquared() / (0.03 * 0.03))));
    }
};

QTEST_APPLESS_MAIN(TestPec)
#include "tst_pec.moc"
