// tests/mitigation/tst_overhead.cpp — overhead accounting of mitigation plans against the
// reference's worked numbers (devices-prices-mitigation.md §1): Richardson weights and Σ|β|,
// least-squares weights against the closed form, PEC γ against Mitiq's quasi-probabilities
// and the §1.3 γ² table, PEA learning shots, REM/TREX calibration counts, twirling's auto
// randomizations, folding depth, the PEC cap refusal, and plan parsing.
#include "core/mitigation/mitigation.h"

#include <QtTest>

#include <cmath>
#include <numeric>

using namespace qpilot::mitigation;

Q_DECLARE_METATYPE(std::vector<double>)

class TestOverhead : public QObject {
    Q_OBJECT
private slots:
    void richardson_data()
    {
        QTest::addColumn<std::vector<double>>("factors");
        QTest::addColumn<std::vector<double>>("beta");
        QTest::addColumn<double>("sumAbs");
        QTest::addColumn<double>("multiplier");
        // Reference §1.2 table.
        QTest::newRow("1,3") << std::vector<double>{1, 3} << std::vector<double>{1.5, -0.5} << 2.0 << 4.0;
        QTest::newRow("1,2,3 mitiq") << std::vector<double>{1, 2, 3} << std::vector<double>{3, -3, 1} << 7.0 << 49.0;
        QTest::newRow("1,3,5 qiskit") << std::vector<double>{1, 3, 5} << std::vector<double>{1.875, -1.25, 0.375} << 3.5
                                      << 12.25;
        QTest::newRow("1,3,5,7") << std::vector<double>{1, 3, 5, 7}
                                 << std::vector<double>{2.1875, -2.1875, 1.3125, -0.3125} << 6.0 << 36.0;
        QTest::newRow("1..3 step .5") << std::vector<double>{1, 1.5, 2, 2.5, 3}
                                      << std::vector<double>{15, -40, 45, -24, 5} << 129.0 << 16641.0;
    }
    void richardson()
    {
        QFETCH(std::vector<double>, factors);
        QFETCH(std::vector<double>, beta);
        QFETCH(double, sumAbs);
        QFETCH(double, multiplier);
        auto w = extrapolationWeights(factors, Extrapolator::Richardson);
        QVERIFY2(w.ok(), w.ok() ? "" : w.error().message.c_str());
        QCOMPARE(w->beta.size(), beta.size());
        for (size_t i = 0; i < beta.size(); ++i)
            QVERIFY2(std::abs(w->beta[i] - beta[i]) < 1e-9, qPrintable(QString::number(w->beta[i])));
        QVERIFY(std::abs(w->sumAbs - sumAbs) < 1e-9);
        // The shot multiplier of the overhead (optimal allocation) is (Σ|β|)².
        MitigationPlan plan;
        plan.zne = ZnePlan{factors, Extrapolator::Richardson, 0, Folding::TwoQubitOnly, Allocation::Optimal};
        auto o = overheadFor(plan, CircuitFigures{}, 1000);
        QVERIFY(o.ok());
        QVERIFY(std::abs(o->shotMultiplier - multiplier) < 1e-6 * multiplier);
        QCOMPARE(o->noiseFactors, int(factors.size()));
        QCOMPARE(o->executionsConfigured, std::int64_t(1000) * std::int64_t(factors.size()));
        // Share of executed 2q layers added by folding = 1 − 1/Σλ (reference table column).
        const double sumL = std::accumulate(factors.begin(), factors.end(), 0.0);
        QVERIFY(std::abs(o->foldingShare - (1 - 1 / sumL)) < 1e-12);
    }

    void leastSquaresMatchesClosedForm_data()
    {
        QTest::addColumn<std::vector<double>>("factors");
        QTest::newRow("1,3,5") << std::vector<double>{1, 3, 5};
        QTest::newRow("1,2,3,4") << std::vector<double>{1, 2, 3, 4};
        QTest::newRow("1,1.5,4,7") << std::vector<double>{1, 1.5, 4, 7};
    }
    void leastSquaresMatchesClosedForm()
    {
        QFETCH(std::vector<double>, factors);
        // Linear least squares evaluated at 0: β_i = 1/k − λ̄(λ_i − λ̄)/Σ(λ_j − λ̄)².
        const double k = double(factors.size());
        const double mean = std::accumulate(factors.begin(), factors.end(), 0.0) / k;
        double sxx = 0;
        for (double l : factors)
            sxx += (l - mean) * (l - mean);
        auto w = extrapolationWeights(factors, Extrapolator::Linear);
        QVERIFY(w.ok());
        for (size_t i = 0; i < factors.size(); ++i)
            QVERIFY(std::abs(w->beta[i] - (1 / k - mean * (factors[i] - mean) / sxx)) < 1e-9);
    }

    void linearOneThreeFive()
    {
        // Reference §1.2: (1,3,5) linear LS = (1.083, 0.333, −0.417), Σ|β| 1.83, 4.4 with equal allocation.
        auto w = extrapolationWeights({1, 3, 5}, Extrapolator::Linear);
        QVERIFY(w.ok());
        QVERIFY(std::abs(w->beta[0] - 1.0833333) < 1e-6 && std::abs(w->beta[1] - 0.3333333) < 1e-6
                && std::abs(w->beta[2] + 0.4166667) < 1e-6);
        QVERIFY(std::abs(w->sumAbs - 1.8333333) < 1e-6);
        MitigationPlan plan;
        plan.zne = ZnePlan{{1, 3, 5}, Extrapolator::Linear, 1, Folding::TwoQubitOnly, Allocation::Equal};
        auto o = overheadFor(plan, CircuitFigures{}, 1000);
        QVERIFY(o.ok());
        QVERIFY(std::abs(o->shotMultiplier - 4.375) < 1e-9); // 3 × Σβ² = 4.375 ≈ 4.4
    }

    void polynomialReproducesPolynomials_data()
    {
        QTest::addColumn<int>("order");
        QTest::newRow("order 1") << 1;
        QTest::newRow("order 2") << 2;
        QTest::newRow("order 3") << 3;
    }
    void polynomialReproducesPolynomials()
    {
        QFETCH(int, order);
        const std::vector<double> factors{1, 1.5, 2, 3, 4.5};
        auto w = extrapolationWeights(factors, Extrapolator::Polynomial, order);
        QVERIFY(w.ok());
        // Exact for every polynomial of degree <= order: Σ β_i λ_i^d = [d == 0].
        for (int d = 0; d <= order; ++d) {
            double s = 0;
            for (size_t i = 0; i < factors.size(); ++i)
                s += w->beta[i] * std::pow(factors[i], d);
            QVERIFY2(std::abs(s - (d == 0 ? 1.0 : 0.0)) < 1e-8, qPrintable(QString::number(s)));
        }
        // Order k−1 is Richardson.
        auto r = extrapolationWeights({1, 2, 4}, Extrapolator::Richardson);
        auto p = extrapolationWeights({1, 2, 4}, Extrapolator::Polynomial, 2);
        QVERIFY(r.ok() && p.ok());
        for (size_t i = 0; i < 3; ++i)
            QVERIFY(std::abs(r->beta[i] - p->beta[i]) < 1e-9);
    }

    void badFactors_data()
    {
        QTest::addColumn<std::vector<double>>("factors");
        QTest::addColumn<int>("extrapolator");
        QTest::addColumn<QString>("message");
        QTest::newRow("below 1") << std::vector<double>{0.5, 1, 3} << int(Extrapolator::Richardson) << "must be >= 1";
        QTest::newRow("repeated") << std::vector<double>{1, 3, 3} << int(Extrapolator::Richardson) << "repeated";
        QTest::newRow("one factor") << std::vector<double>{1} << int(Extrapolator::Richardson) << "at least 2";
        QTest::newRow("poly too few") << std::vector<double>{1, 3} << int(Extrapolator::Polynomial) << "at least 3";
    }
    void badFactors()
    {
        QFETCH(std::vector<double>, factors);
        QFETCH(int, extrapolator);
        QFETCH(QString, message);
        auto w = extrapolationWeights(factors, Extrapolator(extrapolator), 2);
        QVERIFY(!w.ok());
        QVERIFY2(QString::fromStdString(w.error().message).contains(message), w.error().message.c_str());
    }

    void gammaMatchesQuasiProbabilities_data()
    {
        QTest::addColumn<double>("p");
        for (double p : {0.0, 1e-4, 1e-3, 0.01, 0.05, 0.2})
            QTest::newRow(qPrintable(QString::number(p))) << p;
    }
    void gammaMatchesQuasiProbabilities()
    {
        QFETCH(double, p);
        // Mitiq's representation [S1]: 1q ε = 4p/3, η_I = 1 + (3/4)ε/(1−ε), η_X,Y,Z = −(1/4)ε/(1−ε).
        const double e1 = 4 * p / 3;
        const double g1 = std::abs(1 + 0.75 * e1 / (1 - e1)) + 3 * std::abs(-0.25 * e1 / (1 - e1));
        QVERIFY(std::abs(gammaOneQubit(p).value() - g1) < 1e-12);
        QVERIFY(std::abs(gammaOneQubit(p).value() - (1 + 2 * p / (1 - 4 * p / 3))) < 1e-12);
        // 2q: ε = 16p/15, η_I = 1 + (15/16)ε/(1−ε), 15 × −(1/16)ε/(1−ε).
        const double e2 = 16 * p / 15;
        const double g2 = std::abs(1 + 15.0 / 16 * e2 / (1 - e2)) + 15 * std::abs(-1.0 / 16 * e2 / (1 - e2));
        QVERIFY(std::abs(gammaTwoQubit(p).value() - g2) < 1e-12);
    }

    void gammaRefusesNonInvertible()
    {
        QVERIFY(!gammaOneQubit(0.75).ok());
        QVERIFY(!gammaOneQubit(-0.1).ok());
        QVERIFY(!gammaTwoQubit(15.0 / 16).ok());
        QVERIFY(QString::fromStdString(gammaOneQubit(0.8).error().message).contains("0.8"));
    }

    void pecTable_data()
    {
        QTest::addColumn<double>("r1q");
        QTest::addColumn<double>("r2q");
        QTest::addColumn<int>("n1q");
        QTest::addColumn<int>("n2q");
        QTest::addColumn<double>("gammaSquared");
        QTest::addColumn<double>("tolerance");
        // Reference §1.3 (medians of §2), rounded there to the digits shown.
        QTest::newRow("Heron r3 14+48") << 2.0e-4 << 1.5e-3 << 48 << 14 << 1.18 << 0.005;
        QTest::newRow("Heron r2 14+48") << 2.3e-4 << 1.8e-3 << 48 << 14 << 1.21 << 0.005;
        QTest::newRow("Eagle r3 14+48") << 2.4e-4 << 7.5e-3 << 48 << 14 << 1.81 << 0.005;
        QTest::newRow("Heron r2 100+300") << 2.3e-4 << 1.8e-3 << 300 << 100 << 3.7 << 0.05;
        QTest::newRow("Eagle r3 100+300") << 2.4e-4 << 7.5e-3 << 300 << 100 << 65.0 << 1.0;
        // (the table's cells come from the rule of thumb γ² ≈ exp(4 Σ e_F) = 65.5; the exact
        // product of the Mitiq γ's is 65.66, so this cell is checked to ±1)
    }
    void pecTable()
    {
        QFETCH(double, r1q);
        QFETCH(double, r2q);
        QFETCH(int, n1q);
        QFETCH(int, n2q);
        QFETCH(double, gammaSquared);
        QFETCH(double, tolerance);
        CircuitFigures f;
        f.oneQubitGates = n1q;
        f.twoQubitGates = n2q;
        f.error1q = r1q;
        f.error2q = r2q;
        auto g = totalGamma(f);
        QVERIFY(g.ok());
        QVERIFY2(std::abs(g.value() * g.value() - gammaSquared) < tolerance, qPrintable(QString::number(g.value() * g.value())));
        // The same circuit given gate by gate.
        CircuitFigures byGate;
        byGate.oneQubitGates = n1q;
        byGate.twoQubitGates = n2q;
        byGate.errors1q.assign(size_t(n1q), r1q);
        byGate.errors2q.assign(size_t(n2q), r2q);
        QVERIFY(std::abs(totalGamma(byGate).value() - g.value()) < 1e-12);
        // Overhead: shots × γ² for equal precision.
        MitigationPlan plan;
        plan.pec = PecPlan{1e6};
        auto o = overheadFor(plan, f, 1000);
        QVERIFY(o.ok());
        QVERIFY(std::abs(o->shotMultiplier - g.value() * g.value()) < 1e-12);
        QCOMPARE(o->executionsEqualPrecision, std::int64_t(std::ceil(1000 * g.value() * g.value() - 1e-9)));
    }

    void pecCapRefusesWithTheNumber()
    {
        CircuitFigures f;
        f.oneQubitGates = 300;
        f.twoQubitGates = 100;
        f.error1q = 2.4e-4;
        f.error2q = 7.5e-3; // Eagle r3: γ² ≈ 65
        MitigationPlan plan;
        plan.pec = PecPlan{10};
        auto o = overheadFor(plan, f, 1000);
        QVERIFY(!o.ok());
        QVERIFY2(QString::fromStdString(o.error().message).contains("gamma^2 = 65."), o.error().message.c_str());
        QVERIFY(QString::fromStdString(o.error().message).contains("cap 10"));
        plan.pec = PecPlan{}; // default cap 100 accepts it
        QVERIFY(overheadFor(plan, f, 1000).ok());
        // No gate errors at all: a clear error.
        CircuitFigures noErrors;
        noErrors.oneQubitGates = 3;
        noErrors.twoQubitGates = 2;
        QVERIFY(!overheadFor(plan, noErrors, 100).ok());
    }

    void peaLearning()
    {
        // Reference §1.3: 9 bases × 6 depths × 32 randomizations × 128 shots = 221,184 per layer, ≤ 4 layers.
        MitigationPlan plan;
        plan.zne = ZnePlan{{1, 3, 5}, Extrapolator::Richardson, 0, Folding::Pea, Allocation::Optimal};
        plan.learning.layers = 1;
        CircuitFigures f;
        f.twoQubitDepth = 10;
        auto o = overheadFor(plan, f, 1000);
        QVERIFY(o.ok());
        QCOMPARE(o->calibrationShots, std::int64_t(221184));
        QCOMPARE(o->calibrationCircuits, std::int64_t(9 * 6 * 32));
        QCOMPARE(o->depthMultiplier, 1.0); // PEA injects noise, no folding
        plan.learning.layers.reset();   // default: min(2q depth, 4)
        QCOMPARE(overheadFor(plan, f, 1000)->calibrationShots, std::int64_t(884736));
    }

    void readoutCalibration_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("measured");
        QTest::addColumn<qint64>("circuits");
        QTest::newRow("full 5") << "rem:full" << 5 << qint64(32);
        QTest::newRow("tensored 5") << "rem" << 5 << qint64(2);
        QTest::newRow("subspace 5") << "rem:subspace" << 5 << qint64(10);
        QTest::newRow("trex") << "trex" << 5 << qint64(32);
    }
    void readoutCalibration()
    {
        QFETCH(QString, spec);
        QFETCH(int, measured);
        QFETCH(qint64, circuits);
        auto plan = parsePlan(spec.toStdString());
        QVERIFY(plan.ok());
        CircuitFigures f;
        f.measuredQubits = measured;
        f.readoutErrors.assign(size_t(measured), 0.02);
        auto o = overheadFor(plan.value(), f, 4000);
        QVERIFY(o.ok());
        QCOMPARE(qint64(o->calibrationCircuits), circuits);
        const qint64 perCircuit = spec == "trex" ? 4000 : 10000; // TREX: the circuit's shots; M3 default 10,000
        QCOMPARE(qint64(o->calibrationShots), circuits * perCircuit);
        const double fid = std::pow(1 - 2 * 0.02, measured);
        QVERIFY(std::abs(o->shotMultiplier - 1 / (fid * fid)) < 1e-12);
    }

    void remFullRefusesWideCircuits()
    {
        CircuitFigures f;
        f.measuredQubits = 21;
        auto o = overheadFor(parsePlan("rem:full").value(), f, 100);
        QVERIFY(!o.ok());
        QVERIFY(QString::fromStdString(o.error().message).contains("2^21"));
    }

    void twirlRandomizations_data()
    {
        QTest::addColumn<qint64>("shots");
        QTest::addColumn<int>("randomizations");
        // shots per randomization = max(64, ⌈S/32⌉), R = ⌈S / that⌉ [S2]
        QTest::newRow("100") << qint64(100) << 2;
        QTest::newRow("1000") << qint64(1000) << 16;
        QTest::newRow("4096") << qint64(4096) << 32;
        QTest::newRow("10000") << qint64(10000) << 32;
        QTest::newRow("1") << qint64(1) << 1;
    }
    void twirlRandomizations()
    {
        QFETCH(qint64, shots);
        QFETCH(int, randomizations);
        auto o = overheadFor(parsePlan("twirl,dd").value(), CircuitFigures{}, shots);
        QVERIFY(o.ok());
        QCOMPARE(o->circuits, randomizations);
        QCOMPARE(o->shotMultiplier, 1.0);
        QCOMPARE(o->executionsEqualPrecision, std::int64_t(shots));
        QCOMPARE(o->depthMultiplier, 1.0);
    }

    void foldingDuration()
    {
        // 2q-only folding (1,3,5): mean λ 3; only the 2q layers stretch.
        CircuitFigures f;
        f.twoQubitDepth = 4;
        f.twoQubitTime = 68e-9;
        f.duration = 2e-6;
        f.readoutTime = 1.5e-6;
        MitigationPlan plan;
        plan.zne = ZnePlan{};
        auto o = overheadFor(plan, f, 1000);
        QVERIFY(o.ok());
        QCOMPARE(o->depthMultiplier, 5.0);
        QCOMPARE(o->meanDepthMultiplier, 3.0);
        QVERIFY(std::abs(*o->meanDuration - (2e-6 + 2 * 4 * 68e-9)) < 1e-15);
        plan.zne->folding = Folding::Global; // everything but the readout stretches
        QVERIFY(std::abs(*overheadFor(plan, f, 1000)->meanDuration - (2e-6 + 2 * 0.5e-6)) < 1e-15);
    }

    void combination()
    {
        // trex + zne + twirl: multipliers multiply, calibration adds, circuits = k × randomizations.
        CircuitFigures f;
        f.measuredQubits = 2;
        f.readoutErrors = {0.01, 0.03};
        auto plan = parsePlan("trex, zne, twirl");
        QVERIFY(plan.ok());
        auto o = overheadFor(plan.value(), f, 1000);
        QVERIFY(o.ok());
        const double fid = (1 - 0.02) * (1 - 0.06);
        QVERIFY(std::abs(o->shotMultiplier - 12.25 / (fid * fid)) < 1e-9);
        QCOMPARE(o->circuits, 3 * 16);
        QCOMPARE(o->calibrationShots, std::int64_t(32 * 1000));
    }

    void exponentialUsesFidelity()
    {
        CircuitFigures f;
        f.successProbability = 0.8;
        MitigationPlan plan;
        plan.zne = ZnePlan{{1, 3, 5}, Extrapolator::Exponential, 1, Folding::TwoQubitOnly, Allocation::Optimal};
        auto o = overheadFor(plan, f, 1000);
        QVERIFY(o.ok());
        const double b[3] = {13.0 / 12, 1.0 / 3, -5.0 / 12};
        const double s = std::abs(b[0]) / 0.8 + std::abs(b[1]) / std::pow(0.8, 3) + std::abs(b[2]) / std::pow(0.8, 5);
        QVERIFY(std::abs(o->shotMultiplier - s * s) < 1e-9);
    }

    void parsing_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("description");
        QTest::newRow("none") << "none" << true << "none";
        QTest::newRow("zne") << "zne" << true << "zne(richardson 1,3,5; 2q folding)";
        QTest::newRow("list") << "rem,pec,dd:xy4" << true << "rem(tensored) + dd(XY4) + pec(cap 100)";
        QTest::newRow("unknown") << "zne,magic" << false << "unknown mitigation 'magic'";
        QTest::newRow("empty") << "" << false << "empty";
        QTest::newRow("none+zne") << "none,zne" << false << "cannot be combined";
    }
    void parsing()
    {
        QFETCH(QString, spec);
        QFETCH(bool, ok);
        QFETCH(QString, description);
        auto p = parsePlan(spec.toStdString());
        QCOMPARE(p.ok(), ok);
        if (ok)
            QCOMPARE(QString::fromStdString(describePlan(p.value())), description);
        else
            QVERIFY2(QString::fromStdString(p.error().message).contains(description), p.error().message.c_str());
        QVERIFY(!parseExtrapolator("poly:0").ok());
        QCOMPARE(parseExtrapolator("poly:3")->second, 3);
        QVERIFY(!parseExtrapolator("cubic").ok());
    }

    void badShots() { QVERIFY(!overheadFor(MitigationPlan{}, CircuitFigures{}, 0).ok()); }
};

QTEST_APPLESS_MAIN(TestOverhead)
#include "tst_overhead.moc"
