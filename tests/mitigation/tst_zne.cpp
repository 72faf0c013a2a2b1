// tests/mitigation/tst_zne.cpp — zero-noise extrapolation on the simulator: folded circuits are
// unitarily equal to the original (dense reference) with Mitiq's gate counts; Richardson,
// polynomial and exponential extrapolation recover the intercept of exact synthetic data; the
// propagated standard error; and ZNE reduces the bias of ⟨Z…Z⟩ for GHZ and a random circuit
// under depolarizing noise (exact density-matrix values, and a shot run within a derived bound).
#include "core/mitigation/mitigation.h"
#include "mitigation/fixtures.h"

#include "support/random_circuit.h"
#include "support/reference.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::mitigation;

Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(qpilot::mitigation::Folding)
Q_DECLARE_METATYPE(qpilot::mitigation::FoldSelection)
Q_DECLARE_METATYPE(qpilot::mitigation::Extrapolator)

using qpilot::test::ghz;
using qpilot::test::depolarizingModel;

namespace {

int countGates(const Circuit& c, bool twoQubitOnly)
{
    int n = 0;
    for (const Operation& op : c.ops)
        if (const auto* g = std::get_if<GateOp>(&op.op))
            n += twoQubitOnly ? (g->qubits.size() == 2 ? 1 : 0) : (g->qubits.empty() ? 0 : 1);
    return n;
}

Circuit randomUnitary(std::uint64_t seed, int qubits, int gates)
{
    test::RandomCircuitOptions o;
    o.qubits = qubits;
    o.gates = gates;
    Circuit c = test::randomCircuit(seed, o);
    c.gate(GateKind::CX, {0, 1}); // at least one two-qubit gate for 2q folding
    return unitaryPart(c).value();
}

// The Z-type observable with the largest ideal magnitude (a known, nonzero ideal value).
std::pair<std::string, double> bestZObservable(const Circuit& c)
{
    std::string best;
    double ideal = 0;
    for (const char* p : {"ZZZ", "ZZI", "ZIZ", "IZZ", "ZII", "IZI", "IIZ"}) {
        const double v = idealExpectation(c, p).value();
        if (std::abs(v) > std::abs(ideal)) {
            ideal = v;
            best = p;
        }
    }
    return {best, ideal};
}

} // namespace

class TestZne : public QObject {
    Q_OBJECT
private slots:
    void foldingKeepsUnitary_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<Folding>("folding");
        QTest::addColumn<FoldSelection>("selection");
        QTest::addColumn<double>("scale");
        const std::pair<Folding, const char*> foldings[] = {
            {Folding::Global, "global"}, {Folding::Local, "local"}, {Folding::TwoQubitOnly, "2q"}};
        const std::pair<FoldSelection, const char*> selections[] = {
            {FoldSelection::FromLeft, "left"}, {FoldSelection::FromRight, "right"}, {FoldSelection::Random, "random"}};
        for (int seed : {1, 2, 3})
            for (const auto& f : foldings)
                for (const auto& s : selections)
                    for (double scale : {1.0, 1.6, 3.0, 4.2, 5.0})
                        QTest::newRow(qPrintable(QString("seed%1 %2 %3 %4").arg(seed).arg(f.second).arg(s.second).arg(scale)))
                            << seed << f.first << s.first << scale;
    }
    void foldingKeepsUnitary()
    {
        QFETCH(int, seed);
        QFETCH(Folding, folding);
        QFETCH(FoldSelection, selection);
        QFETCH(double, scale);
        const Circuit c = randomUnitary(std::uint64_t(seed), 3, 14);
        auto folded = foldCircuit(c, scale, folding, selection, 99);
        QVERIFY2(folded.ok(), folded.ok() ? "" : folded.error().message.c_str());
        const Matrix u = test::circuitUnitary(c), v = test::circuitUnitary(folded.value().circuit);
        QVERIFY(!u.data.empty() && !v.data.empty());
        QVERIFY2(test::maxDiffUpToPhase(v, u) < 1e-9, qPrintable(QString::number(test::maxDiffUpToPhase(v, u))));
        // Mitiq's counts: d(2k+1) + 2·round(((λ−1)/2 − k)·d) counted gates.
        const bool twoQ = folding == Folding::TwoQubitOnly;
        const int d = countGates(c, twoQ);
        const int k = int(std::floor((scale - 1) / 2));
        const int s = int(std::llround(((scale - 1) / 2 - k) * d));
        QCOMPARE(countGates(folded.value().circuit, twoQ), d * (2 * k + 1) + 2 * s);
        QCOMPARE(folded.value().realizedScale, double(d * (2 * k + 1) + 2 * s) / d);
        if (scale == 3.0 || scale == 5.0)
            QCOMPARE(folded.value().realizedScale, scale);
    }

    void foldingErrors()
    {
        Circuit oneQ;
        oneQ.addQreg("q", 1);
        oneQ.gate(GateKind::H, {0});
        QVERIFY(!foldCircuit(oneQ, 3, Folding::TwoQubitOnly).ok()); // nothing to fold
        QVERIFY(!foldCircuit(oneQ, 0.5, Folding::Global).ok());
        QVERIFY(!foldCircuit(oneQ, 3, Folding::Pea).ok());
    }

    void randomSelectionIsSeeded()
    {
        const Circuit c = randomUnitary(5, 3, 20);
        const auto a = foldCircuit(c, 2.0, Folding::Local, FoldSelection::Random, 7).value().circuit;
        const auto b = foldCircuit(c, 2.0, Folding::Local, FoldSelection::Random, 7).value().circuit;
        const auto other = foldCircuit(c, 2.0, Folding::Local, FoldSelection::Random, 8).value().circuit;
        QVERIFY(a == b);
        QVERIFY(a != other);
    }

    // Exactly polynomial data: the extrapolators whose model contains it return its intercept.
    void exactPolynomialIntercept_data()
    {
        QTest::addColumn<std::vector<double>>("factors");
        QTest::addColumn<std::vector<double>>("coefficients"); // c0 + c1 λ + c2 λ² ...
        QTest::addColumn<Extrapolator>("extrapolator");
        QTest::addColumn<int>("order");
        QTest::newRow("richardson 1,3,5 quadratic") << std::vector<double>{1, 3, 5} << std::vector<double>{0.9, -0.07, 0.004}
                                                    << Extrapolator::Richardson << 0;
        QTest::newRow("richardson 1,2,3,4 cubic") << std::vector<double>{1, 2, 3, 4}
                                                  << std::vector<double>{0.7, 0.1, -0.03, 0.002} << Extrapolator::Richardson << 0;
        QTest::newRow("richardson 1,1.5,2.5 quadratic") << std::vector<double>{1, 1.5, 2.5}
                                                        << std::vector<double>{-0.4, 0.2, 0.01} << Extrapolator::Richardson << 0;
        QTest::newRow("linear 1,3,5,7 line") << std::vector<double>{1, 3, 5, 7} << std::vector<double>{0.8, -0.05}
                                             << Extrapolator::Linear << 1;
        QTest::newRow("poly:2 1,2,3,4,5 quadratic") << std::vector<double>{1, 2, 3, 4, 5}
                                                    << std::vector<double>{0.5, 0.02, -0.01} << Extrapolator::Polynomial << 2;
    }
    void exactPolynomialIntercept()
    {
        QFETCH(std::vector<double>, factors);
        QFETCH(std::vector<double>, coefficients);
        QFETCH(Extrapolator, extrapolator);
        QFETCH(int, order);
        std::vector<double> values;
        for (double l : factors) {
            double v = 0, p = 1;
            for (double c : coefficients) {
                v += c * p;
                p *= l;
            }
            values.push_back(v);
        }
        auto e = extrapolate(factors, values, {}, extrapolator, order);
        QVERIFY(e.ok());
        QVERIFY2(std::abs(e.value().estimate - coefficients[0]) < 1e-12, qPrintable(QString::number(e.value().estimate, 'g', 17)));
        QCOMPARE(e.value().stdError, 0.0);
    }

    void exponentialRecoversIntercept_data()
    {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("b");
        QTest::newRow("decay to 0") << 0.95 << 0.08 << 0.0;
        QTest::newRow("decay to offset") << 0.6 << 0.3 << 0.1;
        QTest::newRow("negative amplitude") << -0.8 << 0.05 << 0.0;
    }
    void exponentialRecoversIntercept()
    {
        QFETCH(double, a);
        QFETCH(double, rate);
        QFETCH(double, b);
        const std::vector<double> factors{1, 2, 3, 5};
        std::vector<double> values;
        for (double l : factors)
            values.push_back(a * std::exp(-rate * l) + b);
        auto e = extrapolate(factors, values, {0.01, 0.01, 0.01, 0.01}, Extrapolator::Exponential);
        QVERIFY(e.ok());
        QCOMPARE(QString::fromStdString(e.value().method), QString("exponential"));
        QVERIFY2(std::abs(e.value().estimate - (a + b)) < 1e-7, qPrintable(QString::number(e.value().estimate, 'g', 12)));
        QVERIFY(std::abs(e.value().rate - rate) < 1e-5);
        QVERIFY(e.value().stdError > 0);
    }

    void exponentialFallsBackToLinear()
    {
        // Increasing linear data: no decaying exponential fits better than at the rate bound.
        auto e = extrapolate({1, 3, 5}, {0.1, 0.3, 0.5}, {}, Extrapolator::Exponential);
        QVERIFY(e.ok());
        QVERIFY(!e.value().note.empty());
        QVERIFY(e.value().method.find("fallback") != std::string::npos);
        QVERIFY(std::abs(e.value().estimate - 0.0) < 1e-12); // the line through the points hits 0
        auto two = extrapolate({1, 3}, {0.9, 0.8}, {}, Extrapolator::Exponential);
        QVERIFY(two.ok());
        QVERIFY(std::abs(two.value().estimate - 0.95) < 1e-12);
    }

    void standardErrorPropagates()
    {
        // Richardson (1,3,5): β = (1.875, −1.25, 0.375), σ0 = sqrt(Σβ_i²σ_i²).
        auto e = extrapolate({1, 3, 5}, {0.9, 0.8, 0.7}, {0.01, 0.02, 0.03}, Extrapolator::Richardson);
        QVERIFY(e.ok());
        const double expected = std::sqrt(std::pow(1.875 * 0.01, 2) + std::pow(1.25 * 0.02, 2) + std::pow(0.375 * 0.03, 2));
        QVERIFY(std::abs(e.value().stdError - expected) < 1e-15);
    }

    // Exact density-matrix values: ZNE removes most of the bias. For ⟨Z…Z⟩ (⟨X…X⟩ for odd n) decaying like
    // e^{−aλ}, Richardson through (1,3,5) leaves |a³|·Πλ_i/3! ≈ 2.5a³ (a ≈ 0.1 here: 0.0025
    // against a bias ≈ a = 0.1); 2q-only folding also leaves the unscaled 1q decay, at most
    // (n+1)·ε1 = 0.005 here; so |bias after| < 0.1·|bias before| holds with margin.
    void ghzBiasReducedExactly_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<Folding>("folding");
        QTest::addColumn<Extrapolator>("extrapolator");
        QTest::addColumn<double>("ratio");
        for (int n : {3, 4}) {
            QTest::newRow(qPrintable(QString("GHZ%1 2q richardson").arg(n))) << n << Folding::TwoQubitOnly << Extrapolator::Richardson << 0.1;
            QTest::newRow(qPrintable(QString("GHZ%1 global richardson").arg(n))) << n << Folding::Global << Extrapolator::Richardson << 0.1;
            QTest::newRow(qPrintable(QString("GHZ%1 local richardson").arg(n))) << n << Folding::Local << Extrapolator::Richardson << 0.1;
            QTest::newRow(qPrintable(QString("GHZ%1 global exponential").arg(n))) << n << Folding::Global << Extrapolator::Exponential << 0.1;
            QTest::newRow(qPrintable(QString("GHZ%1 2q linear").arg(n))) << n << Folding::TwoQubitOnly << Extrapolator::Linear << 0.5;
        }
    }
    void ghzBiasReducedExactly()
    {
        QFETCH(int, qubits);
        QFETCH(Folding, folding);
        QFETCH(Extrapolator, extrapolator);
        QFETCH(double, ratio);
        const NoiseModel noise = depolarizingModel(0.001, 0.04);
        const Circuit c = ghz(qubits);
        // GHZ: ⟨Z…Z⟩ = 1 for even n (0 for odd n), ⟨X…X⟩ = 1 for every n (basis change measured).
        const std::string z(std::size_t(qubits), qubits % 2 ? 'X' : 'Z');
        const double ideal = idealExpectation(c, z).value();
        QCOMPARE(ideal, 1.0);
        Backend b;
        b.noise = &noise;
        const double noisy = measurePauli(c, z, b).value().value;
        ZnePlan plan;
        plan.folding = folding;
        plan.extrapolator = extrapolator;
        auto r = runZne(c, z, plan, b);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r.value().values.size(), std::size_t(3));
        QCOMPARE(r.value().values[0], noisy);
        QVERIFY(r.value().values[0] > r.value().values[1] && r.value().values[1] > r.value().values[2]);
        const double before = std::abs(noisy - ideal), after = std::abs(r.value().extrapolation.estimate - ideal);
        QVERIFY2(after < ratio * before, qPrintable(QString("before %1 after %2").arg(before).arg(after)));
    }

    void randomCircuitBiasReducedExactly()
    {
        const NoiseModel noise = depolarizingModel(0.01, 0.03);
        const Circuit c = randomUnitary(11, 3, 16);
        const auto [best, ideal] = bestZObservable(c);
        QVERIFY(std::abs(ideal) > 0.2);
        Backend b;
        b.noise = &noise;
        const double noisy = measurePauli(c, best, b).value().value;
        ZnePlan plan;
        plan.folding = Folding::Local;
        auto r = runZne(c, best, plan, b);
        QVERIFY(r.ok());
        const double before = std::abs(noisy - ideal), after = std::abs(r.value().extrapolation.estimate - ideal);
        QVERIFY2(after < 0.2 * before, qPrintable(QString("%1: before %2 after %3").arg(best.c_str()).arg(before).arg(after)));
    }

    // A random circuit with shots: within 4σ of the exact ZNE value of the same folds.
    void randomCircuitShotRunWithinBound()
    {
        const NoiseModel noise = depolarizingModel(0.01, 0.03);
        const Circuit c = randomUnitary(11, 3, 16);
        const std::string p = bestZObservable(c).first;
        ZnePlan plan;
        plan.folding = Folding::Local;
        plan.extrapolator = Extrapolator::Linear;
        Backend exact;
        exact.noise = &noise;
        const double exactZne = runZne(c, p, plan, exact).value().extrapolation.estimate;
        Backend shots = exact;
        shots.shots = 20000;
        shots.seed = 8;
        auto r = runZne(c, p, plan, shots);
        QVERIFY(r.ok());
        QVERIFY(r.value().extrapolation.stdError > 0);
        QVERIFY(std::abs(r.value().extrapolation.estimate - exactZne) < 4 * r.value().extrapolation.stdError);
    }

    // Shots: the estimate lies within 4 standard errors of the exact Richardson value (CLT,
    // two-sided 4σ: failure probability 6e-5 for this fixed seed), and that still beats the bias.
    void ghzShotRunWithinBound()
    {
        const NoiseModel noise = depolarizingModel(0.004, 0.04);
        const Circuit c = ghz(4);
        Backend exact;
        exact.noise = &noise;
        const double exactZne = runZne(c, "ZZZZ", ZnePlan{}, exact).value().extrapolation.estimate;
        Backend shots = exact;
        shots.shots = 20000;
        shots.seed = 42;
        auto r = runZne(c, "ZZZZ", ZnePlan{}, shots);
        QVERIFY(r.ok());
        const double se = r.value().extrapolation.stdError;
        // σ_i = sqrt((1 − E_i²)/N); σ0 = sqrt(Σβ²σ_i²).
        double expected = 0;
        const double beta[3] = {1.875, -1.25, 0.375};
        for (int i = 0; i < 3; ++i)
            expected += beta[i] * beta[i] * (1 - std::pow(r.value().values[size_t(i)], 2)) / 20000;
        QVERIFY(std::abs(se - std::sqrt(expected)) < 1e-12);
        QVERIFY(std::abs(r.value().extrapolation.estimate - exactZne) < 4 * se);
        const double noisy = measurePauli(c, "ZZZZ", exact).value().value;
        QVERIFY(std::abs(r.value().extrapolation.estimate - 1.0) + 0 < std::abs(noisy - 1.0));
        QCOMPARE(r.value().shots, std::int64_t(60000));
        QCOMPARE(r.value().circuits, std::int64_t(3));
        auto again = runZne(c, "ZZZZ", ZnePlan{}, shots);
        QCOMPARE(again.value().values, r.value().values); // same seed, same numbers
    }
};

QTEST_APPLESS_MAIN(TestZne)
#include "tst_zne.moc"
