// tests/mitigation/tst_readout.cpp — readout error mitigation: the simplex projection on known
// examples, exact recovery of the ideal distribution for a readout-only noise model (exact
// calibration, every method), a shot run within a derived TVD bound, the calibration cost
// against overheadFor's prediction, and bad input.
#include "core/mitigation/mitigation.h"
#include "mitigation/fixtures.h"

#include "support/random_circuit.h"

#include <QtTest>

#include <cmath>
#include <numeric>

using namespace qpilot;
using namespace qpilot::mitigation;

Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(qpilot::mitigation::ReadoutMethod)

using qpilot::test::ghz;

namespace {

NoiseModel readoutOnly(int n)
{
    NoiseModel m;
    for (int q = 0; q < n; ++q) // asymmetric, different per qubit
        m.setReadout(q, ReadoutError{0.01 + 0.01 * q, 0.03 + 0.005 * q});
    return m;
}

} // namespace

class TestReadout : public QObject {
    Q_OBJECT
private slots:
    void projection_data()
    {
        QTest::addColumn<std::vector<double>>("in");
        QTest::addColumn<std::vector<double>>("out");
        QTest::newRow("already a distribution") << std::vector<double>{0.2, 0.3, 0.5} << std::vector<double>{0.2, 0.3, 0.5};
        QTest::newRow("negative entry") << std::vector<double>{1.2, -0.2} << std::vector<double>{1.0, 0.0};
        QTest::newRow("too much mass") << std::vector<double>{0.6, 0.6} << std::vector<double>{0.5, 0.5};
        // θ = 1/30: sorted (0.4, 0.4, 0.3, −0.1), k = 3 is the last with u_k > (Σu − 1)/k.
        QTest::newRow("four entries") << std::vector<double>{0.4, 0.3, -0.1, 0.4}
                                      << std::vector<double>{0.4 - 1.0 / 30, 0.3 - 1.0 / 30, 0.0, 0.4 - 1.0 / 30};
        QTest::newRow("all negative") << std::vector<double>{-1.0, -2.0} << std::vector<double>{1.0, 0.0};
    }
    void projection()
    {
        QFETCH(std::vector<double>, in);
        QFETCH(std::vector<double>, out);
        const std::vector<double> p = projectToSimplex(in);
        QCOMPARE(p.size(), out.size());
        for (std::size_t i = 0; i < p.size(); ++i)
            QVERIFY2(std::abs(p[i] - out[i]) < 1e-12, qPrintable(QString("%1: %2").arg(i).arg(p[i])));
        // Optimality (KKT): p − in = −θ on the support, and ≥ −θ off it.
        double theta = 0;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (p[i] > 0)
                theta = in[i] - p[i];
        for (std::size_t i = 0; i < p.size(); ++i)
            QVERIFY(p[i] > 0 ? std::abs(in[i] - p[i] - theta) < 1e-12 : in[i] <= theta + 1e-12);
    }

    void exactRecovery_data()
    {
        QTest::addColumn<ReadoutMethod>("method");
        QTest::addColumn<int>("circuit");
        for (int circuit : {0, 1}) {
            const char* name = circuit ? "random" : "GHZ";
            QTest::newRow(qPrintable(QString("%1 full").arg(name))) << ReadoutMethod::Full << circuit;
            QTest::newRow(qPrintable(QString("%1 tensored").arg(name))) << ReadoutMethod::Tensored << circuit;
            QTest::newRow(qPrintable(QString("%1 subspace").arg(name))) << ReadoutMethod::Subspace << circuit;
        }
    }
    // Exact calibration and exact noisy probabilities: the inversion is exact (the readout
    // noise is the tensor product the methods model), so the ideal distribution comes back.
    void exactRecovery()
    {
        QFETCH(ReadoutMethod, method);
        QFETCH(int, circuit);
        Circuit c = ghz(3);
        if (circuit == 1) {
            test::RandomCircuitOptions o;
            o.qubits = 3;
            o.gates = 15;
            c = unitaryPart(test::randomCircuit(21, o)).value();
        }
        const NoiseModel noise = readoutOnly(3);
        auto r = runReadoutMitigation(c, noise, method, 0, 0, 5);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QVERIFY(r.value().tvdBefore > 0.02);
        QVERIFY2(r.value().tvdAfter < 1e-9, qPrintable(QString::number(r.value().tvdAfter)));
    }

    // Shots: N = 20000 shots over K = 8 outcomes. The empirical TVD has mean ≤ ½√(K/N) = 0.010
    // and exceeds it by t with probability ≤ exp(−2Nt²) (McDiarmid; t = √(ln 10⁶/2N) = 0.0186).
    // The inversion multiplies errors by ‖A⁻¹‖₁ ≤ Π 1/(1 − p01 − p10) ≤ 1.13 here, the
    // calibration (same N) adds at most as much again, and the projection at most doubles the
    // L1 distance: bound = 2·2·1.13·(0.010 + 0.0186) ≈ 0.13 (guards against a broken
    // inversion). The claim itself: the mitigated TVD is below half the noisy one.
    void shotRecoveryWithinBound()
    {
        const NoiseModel noise = readoutOnly(3);
        for (ReadoutMethod m : {ReadoutMethod::Full, ReadoutMethod::Tensored, ReadoutMethod::Subspace}) {
            auto r = runReadoutMitigation(ghz(3), noise, m, 20000, 20000, 17);
            QVERIFY(r.ok());
            QVERIFY(r.value().tvdAfter < 0.13);
            QVERIFY2(r.value().tvdAfter < 0.5 * r.value().tvdBefore,
                     qPrintable(QString("before %1 after %2").arg(r.value().tvdBefore).arg(r.value().tvdAfter)));
            double sum = 0;
            for (const auto& kv : r.value().mitigated) {
                QVERIFY(kv.second >= 0);
                sum += kv.second;
            }
            QVERIFY(std::abs(sum - 1) < 1e-12);
        }
    }

    void calibrationCostMatchesPrediction_data()
    {
        QTest::addColumn<ReadoutMethod>("method");
        QTest::addColumn<int>("circuits");
        QTest::newRow("full") << ReadoutMethod::Full << 8;
        QTest::newRow("tensored") << ReadoutMethod::Tensored << 2;
        QTest::newRow("subspace") << ReadoutMethod::Subspace << 6;
    }
    void calibrationCostMatchesPrediction()
    {
        QFETCH(ReadoutMethod, method);
        QFETCH(int, circuits);
        auto cal = calibrateReadout(3, {0, 1, 2}, method, readoutOnly(3), 1000, 1);
        QVERIFY(cal.ok());
        QCOMPARE(cal.value().circuits, std::int64_t(circuits));
        QCOMPARE(cal.value().shots, std::int64_t(circuits) * 1000);
        MitigationPlan plan;
        plan.readout = ReadoutPlan{method, 1000};
        CircuitFigures f;
        f.measuredQubits = 3;
        auto predicted = overheadFor(plan, f, 1000);
        QVERIFY(predicted.ok());
        QCOMPARE(predicted.value().calibrationCircuits, cal.value().circuits);
        QCOMPARE(predicted.value().calibrationShots, cal.value().shots);
    }

    void expectationWithReadoutCorrection()
    {
        // ⟨ZZ⟩ of GHZ2 through readout noise, corrected with an exact tensored calibration: 1.
        const NoiseModel noise = readoutOnly(2);
        auto cal = calibrateReadout(2, {0, 1}, ReadoutMethod::Tensored, noise, 0, 0);
        QVERIFY(cal.ok());
        Backend raw{&noise, 0, 0, nullptr};
        Backend corrected{&noise, 0, 0, &cal.value()};
        QVERIFY(std::abs(measurePauli(ghz(2), "ZZ", raw).value().value - 1) > 0.05);
        QVERIFY(std::abs(measurePauli(ghz(2), "ZZ", corrected).value().value - 1) < 1e-12);
    }

    void badInput()
    {
        const NoiseModel noise = readoutOnly(2);
        QVERIFY(!calibrateReadout(13, std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, ReadoutMethod::Full,
                                  noise, 0, 0).ok());
        QVERIFY(!calibrateReadout(2, {0, 0}, ReadoutMethod::Tensored, noise, 0, 0).ok());
        QVERIFY(!calibrateReadout(2, {2}, ReadoutMethod::Tensored, noise, 0, 0).ok());
        QVERIFY(!calibrateReadout(2, {}, ReadoutMethod::Tensored, noise, 0, 0).ok());
        NoiseModel dead;
        dead.setReadout(0, ReadoutError{0.5, 0.5});
        auto cal = calibrateReadout(1, {0}, ReadoutMethod::Tensored, dead, 0, 0);
        QVERIFY(cal.ok());
        QVERIFY(!correctDistribution(cal.value(), {0}, {{0, 0.5}, {1, 0.5}}).ok()); // singular
    }
};

QTEST_APPLESS_MAIN(TestReadout)
#include "tst_readout.moc"
