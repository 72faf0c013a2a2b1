// tests/cost/tst_cost_model.cpp — the cost model against the reference's worked examples
// (devices-prices-mitigation.md §6, §3, §4): IBM pay-as-you-go usage and dollars, ZNE ×3,
// PEC γ² = 100, every Braket row per 1k, Azure IonQ AQT (both readings of m), Quantinuum HQC,
// Azure Rigetti per 10 ms, the classical baseline, latency, and the break-even searches.
#include "core/cost/cost.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::cost;

namespace {

const PriceRow& row(const PriceTable& t, const std::string& key, const std::string& plan = {})
{
    return *t.find(key, plan).value();
}

// A workload of `inferences` × 1 circuit × `shots`, with the given plan.
Workload workload(std::int64_t shots, std::int64_t inferences, const std::string& plan = "none",
                  mitigation::CircuitFigures f = {})
{
    Workload w;
    w.shots = shots;
    w.inferences = inferences;
    w.figures = f;
    w.overhead = mitigation::overheadFor(mitigation::parsePlan(plan).value(), f, shots).value();
    return w;
}

bool near(double a, double b, double rel = 1e-9) { return std::abs(a - b) <= rel * std::max(1.0, std::abs(b)); }

} // namespace

class TestCostModel : public QObject {
    Q_OBJECT
private slots:
    void ibmPayAsYouGo_data()
    {
        QTest::addColumn<qint64>("shots");
        QTest::addColumn<QString>("plan");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<double>("usd");
        // §6: 1,000 inferences in one job, PAYG $1.60/s, quick rule 2 + 0.00035 × executions.
        QTest::newRow("1000 shots") << qint64(1000) << "none" << 352.0 << 563.20;
        QTest::newRow("100 shots ($59)") << qint64(100) << "none" << 37.0 << 59.20;
        QTest::newRow("4096 shots ($2,297)") << qint64(4096) << "none" << 1435.6 << 2296.96;
        QTest::newRow("ZNE x3 ($1,683)") << qint64(1000) << "zne" << 1052.0 << 1683.20;
    }
    void ibmPayAsYouGo()
    {
        QFETCH(qint64, shots);
        QFETCH(QString, plan);
        QFETCH(double, seconds);
        QFETCH(double, usd);
        const PriceTable t = builtinPrices();
        mitigation::CircuitFigures f;
        f.duration = 20e-6; // within IBM's typical 50-100 µs: the quick rule applies (also folded ×3)
        f.twoQubitDepth = 10;
        f.twoQubitTime = 68e-9;
        Workload w = workload(shots, 1000, plan.toStdString(), f);
        w.repetitionDelay = 250e-6;
        auto c = costOf(row(t, "ibm"), w, t.ibm);
        QVERIFY(c.ok());
        QVERIFY2(near(*c->qpuSeconds, seconds), qPrintable(QString::number(*c->qpuSeconds)));
        QVERIFY2(near(c->batchUsd, usd), qPrintable(QString::number(c->batchUsd)));
        QVERIFY(near(c->per1kUsd, usd)); // 1,000 inferences: the batch is the per-1k figure
        QVERIFY(near(ibmUsageSeconds(1, batchCounts(w).executions, 250e-6, 0, t.ibm),
                     2 + 0.00035 * double(batchCounts(w).executions)));
    }

    void ibmPlans()
    {
        const PriceTable t = builtinPrices();
        Workload w = workload(1000, 1000);
        w.repetitionDelay = 250e-6;
        QVERIFY(near(costOf(row(t, "ibm", "flex"), w, t.ibm)->batchUsd, 352 * 1.2));
        QVERIFY(near(costOf(row(t, "ibm", "premium"), w, t.ibm)->batchUsd, 352 * 0.8));
        auto open = costOf(row(t, "ibm", "open"), w, t.ibm);
        QCOMPARE(open->batchUsd, 0.0);
        QVERIFY(QString::fromStdString(open->notes.back()).contains("fits the free quota of 600 s")); // 352 s
        Workload big = workload(4096, 1000);
        big.repetitionDelay = 250e-6;
        QVERIFY(QString::fromStdString(costOf(row(t, "ibm", "open"), big, t.ibm)->notes.back())
                    .contains("exceeds the free quota of 600 s per 28 days 2.39")); // 1435.6 s
        // Nighthawk's 4 ms repetition delay: every shot costs 4.1 ms.
        w.repetitionDelay = 4e-3;
        QVERIFY(near(*costOf(row(t, "ibm"), w, t.ibm)->qpuSeconds, 2 + 1e6 * 4.1e-3));
    }

    void ibmPecGammaSquared100()
    {
        // §6: "PEC γ²=100 $56,000" — 10^8 executions at 350 µs, without the learning jobs.
        const PriceTable t = builtinPrices();
        mitigation::CircuitFigures f;
        f.totalGamma = 10;
        auto plan = mitigation::parsePlan("pec").value();
        plan.learning.layers = 0;
        Workload w;
        w.shots = 1000;
        w.inferences = 1000;
        w.figures = f;
        w.overhead = mitigation::overheadFor(plan, f, 1000).value();
        w.precision = Precision::Equal;
        w.learning = true;
        auto c = costOf(row(t, "ibm"), w, t.ibm);
        QVERIFY(near(c->batchUsd, (2 + 1e8 * 350e-6) * 1.6)); // $56,003.20 ≈ $56,000
        // With the default learning (1 layer here: 2q depth 0 → 1): + 221,184 shots.
        plan.learning.layers.reset();
        w.overhead = mitigation::overheadFor(plan, f, 1000).value();
        QVERIFY(near(*costOf(row(t, "ibm"), w, t.ibm)->qpuSeconds, 2 + (1e8 + 221184) * 350e-6));
    }

    void braketRows_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<qint64>("shots");
        QTest::addColumn<double>("per1k");
        // §6: 1,000 shots, 1 task per input.
        QTest::newRow("Cepheus $725") << "braket:rigetti_cepheus" << qint64(1000) << 725.0;
        QTest::newRow("Ankaa $1,200") << "braket:rigetti_ankaa" << qint64(1000) << 1200.0;
        QTest::newRow("Garnet $1,750") << "braket:iqm_garnet" << qint64(1000) << 1750.0;
        QTest::newRow("Emerald $1,900") << "braket:iqm_emerald" << qint64(1000) << 1900.0;
        QTest::newRow("AQT $23,800") << "braket:aqt_ibex" << qint64(1000) << 23800.0;
        QTest::newRow("Forte $80,300") << "braket:ionq_forte" << qint64(1000) << 80300.0;
        QTest::newRow("Forte EM 2,500 shots $200,300") << "braket:ionq_forte" << qint64(2500) << 200300.0;
    }
    void braketRows()
    {
        QFETCH(QString, key);
        QFETCH(qint64, shots);
        QFETCH(double, per1k);
        const PriceTable t = builtinPrices();
        auto c = costOf(row(t, key.toStdString()), workload(shots, 1000), t.ibm);
        QVERIFY(c.ok());
        QVERIFY2(near(c->per1kUsd, per1k), qPrintable(QString::number(c->per1kUsd)));
        QCOMPARE(c->billingUnits, 1000.0); // tasks
        // One inference alone: the §3.2 worked example "one task of 1,000 shots = $80.30" for Forte.
        auto one = costOf(row(t, key.toStdString()), workload(shots, 1), t.ibm);
        QVERIFY(near(one->batchUsd, per1k / 1000));
    }

    void braketMitigationAddsTasks()
    {
        // ZNE (3 factors) + TREX (32 calibration circuits of the circuit's shots) on Garnet.
        const PriceTable t = builtinPrices();
        Workload w = workload(1000, 1000, "zne,trex");
        auto c = costOf(row(t, "braket:iqm_garnet"), w, t.ibm);
        const double tasks = 3000 + 32, shots = 3e6 + 32 * 1000;
        QVERIFY(near(c->batchUsd, tasks * 0.30 + shots * 0.00145));
    }

    void azureIonqAria()
    {
        // §6: Aria, EM off, 48 1q + 14 2q, 1,000 shots = 36.6 AQT per program ⇒ ≈ $36,600 per 1k
        // (exactly 12.4166 + 0.000220·48·1000 + 0.000975·14·1000 = 36.6266 AQT; the reference
        // rounds to 36.6).
        const PriceTable t = builtinPrices();
        mitigation::CircuitFigures f;
        f.oneQubitGates = 48;
        f.twoQubitGates = 14;
        Workload w = workload(1000, 1000, "none", f);
        auto c = costOf(row(t, "azure:ionq_aria"), w, t.ibm);
        QVERIFY(near(c->perInferenceUsd, 36.6266));
        QVERIFY(near(c->per1kUsd, 36626.6));
        QVERIFY(std::abs(c->perInferenceUsd - 36.6) < 0.05);
        // EM on: m = 97.50.
        w.ionqErrorMitigation = true;
        QVERIFY(near(costOf(row(t, "azure:ionq_aria"), w, t.ibm)->perInferenceUsd, 97.50 + 24.21));
        // "Minimum price" reading: max(m, gates).
        w.aqtReading = AqtReading::Minimum;
        QVERIFY(near(costOf(row(t, "azure:ionq_aria"), w, t.ibm)->perInferenceUsd, 97.50));
        w.ionqErrorMitigation = false;
        QVERIFY(near(costOf(row(t, "azure:ionq_aria"), w, t.ibm)->perInferenceUsd, 24.21));
    }

    void azureIonqForteMinimum()
    {
        // §6: Forte, EM on: m alone = $168.195 per program ⇒ >= $168,195 per 1k.
        const PriceTable t = builtinPrices();
        mitigation::CircuitFigures f;
        f.oneQubitGates = 4;
        f.twoQubitGates = 1;
        Workload w = workload(100, 1000, "none", f);
        w.ionqErrorMitigation = true;
        w.aqtReading = AqtReading::Minimum;
        QVERIFY(near(costOf(row(t, "azure:ionq_forte"), w, t.ibm)->per1kUsd, 168195.0));
        w.aqtReading = AqtReading::Additive;
        QVERIFY(costOf(row(t, "azure:ionq_forte"), w, t.ibm)->per1kUsd > 168195.0);
    }

    void quantinuumHqc_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<double>("usdPerHqc");
        QTest::newRow("standard ($632 per inference)") << "standard" << 12.5;
        QTest::newRow("premium") << "premium" << 10.294;
    }
    void quantinuumHqc()
    {
        QFETCH(QString, plan);
        QFETCH(double, usdPerHqc);
        // §6: 48 1q, 14 2q, 8 measurements, 1,000 shots = 5 + 1000·(48 + 140 + 40)/5000 = 50.6 HQC.
        const PriceTable t = builtinPrices();
        mitigation::CircuitFigures f;
        f.oneQubitGates = 48;
        f.twoQubitGates = 14;
        f.measuredQubits = 8;
        auto c = costOf(row(t, "azure:quantinuum_hqc", plan.toStdString()), workload(1000, 1000, "none", f), t.ibm);
        QVERIFY(near(c->billingUnits, 50.6 * 1000));
        QVERIFY(near(c->perInferenceUsd, 50.6 * usdPerHqc));
    }

    void azureRigetti()
    {
        // $0.02 per 10 ms: 1,000 shots × 350 µs (the table's assumed shot time) = 0.35 s → $0.70.
        const PriceTable t = builtinPrices();
        auto c = costOf(row(t, "azure:rigetti_cepheus"), workload(1000, 1000), t.ibm);
        QVERIFY(near(c->perInferenceUsd, 0.70));
        // Rounded up per program to 10 ms: 10 shots = 3.5 ms → 10 ms → $0.02.
        QVERIFY(near(costOf(row(t, "azure:rigetti_cepheus"), workload(10, 1), t.ibm)->batchUsd, 0.02));
    }

    void classical()
    {
        // §4: m7g.large $0.0816/h at 137,000/s ⇒ 1000/137000 × 0.0816/3600 = $1.65×10⁻⁷ per 1k;
        // Lambda 128 MB, 1 ms: 1000 × ($0.2×10⁻⁶ + 0.125 GB × 0.001 s × $0.0000166667) ≈ $2.02×10⁻⁴.
        const ClassicalCost c = classicalCost(ClassicalOptions{});
        QVERIFY(near(c.dedicatedPer1kUsd, 1000.0 / 137000 * 0.0816 / 3600));
        QVERIFY(std::abs(c.dedicatedPer1kUsd - 1.65e-7) < 0.01e-7);
        QVERIFY(near(c.serverlessPer1kUsd, 1000 * (0.2e-6 + 0.125 * 0.001 * 0.0000166667)));
        ClassicalOptions slow;
        slow.throughputPerSecond = 200; // 5 ms per row → billed 5 ms
        QVERIFY(near(classicalCost(slow).serverlessPer1kUsd, 1000 * (0.2e-6 + 0.125 * 0.005 * 0.0000166667)));
    }

    void latency()
    {
        const PriceTable t = builtinPrices();
        mitigation::CircuitFigures f;
        f.duration = 20e-6;
        Workload w = workload(1000, 1000, "zne", f);
        w.repetitionDelay = 250e-6;
        LatencyInputs in;
        in.compileSeconds = 0.05;
        in.queueSeconds = 30;
        const Latency one = latencyOf(row(t, "ibm"), w, t.ibm, in, false);
        QVERIFY(near(*one.execution, 2 + 3000 * 350e-6));
        QVERIFY(near(*one.total, 0.05 + 30 + 0.6 + 2 + 3000 * 350e-6));
        QVERIFY(near(one.mitigationMultiplier, 3));
        const Latency batch = latencyOf(row(t, "ibm"), w, t.ibm, in, true);
        QVERIFY(near(*batch.execution, 1052));
        // No queue given: the provider's caveat is carried.
        const Latency caveat = latencyOf(row(t, "braket:iqm_garnet"), w, t.ibm, LatencyInputs{}, false);
        QVERIFY(QString::fromStdString(caveat.queueNote).contains("no wait-time figures are published"));
        // Ion trap without timing figures: unknown execution, no total.
        Workload ion = workload(1000, 1);
        const Latency unknown = latencyOf(row(t, "braket:ionq_forte"), ion, t.ibm, LatencyInputs{}, false);
        QVERIFY(!unknown.execution && !unknown.total);
        LatencyInputs rate;
        rate.shotRate = 500;
        QVERIFY(near(*latencyOf(row(t, "braket:ionq_forte"), ion, t.ibm, rate, false).execution, 2.0));
    }

    void breakEvenIbm()
    {
        // IBM PAYG, 1,000 inferences per job: per-1k = (2 + 0.35·S)·1.6 <= $100 ⇒ S <= 172.86.
        const PriceTable t = builtinPrices();
        Workload w = workload(1000, 1000);
        w.repetitionDelay = 250e-6;
        const auto plan = mitigation::parsePlan("none").value();
        const BreakEven b = breakEven(row(t, "ibm"), w, plan, t.ibm, 100);
        QCOMPARE(*b.maxShots, std::int64_t(172));
        QVERIFY(near(b.priceScale, 100 / 563.2));
        QVERIFY(near(*b.usdPerSecondNeeded, 100 / 352.0));
    }

    void breakEvenBraketAndPec()
    {
        const PriceTable t = builtinPrices();
        const auto none = mitigation::parsePlan("none").value();
        // Garnet at $1,000 per 1k: (1000 − 1000 × $0.30) / 10^6 shots = $0.0007 per shot.
        const BreakEven g = breakEven(row(t, "braket:iqm_garnet"), workload(1000, 1000), none, t.ibm, 1000);
        QVERIFY(near(*g.usdPerShotNeeded, 0.0007));
        QCOMPARE(*g.maxShots, std::int64_t(482)); // 300 + 1.45·S <= 1000
        // A target below the task fees: no shot count or per-shot price reaches it.
        const BreakEven fees = breakEven(row(t, "braket:iqm_garnet"), workload(1000, 1000), none, t.ibm, 200);
        QVERIFY(!fees.maxShots && !fees.usdPerShotNeeded);
        // PEC on IBM: the gate-error scale that meets the target makes the cost equal to it.
        mitigation::CircuitFigures f;
        f.oneQubitGates = 300;
        f.twoQubitGates = 100;
        f.error1q = 2.4e-4;
        f.error2q = 7.5e-3;
        auto plan = mitigation::parsePlan("pec").value();
        plan.learning.layers = 0;
        Workload w;
        w.shots = 1000;
        w.inferences = 1000;
        w.figures = f;
        w.precision = Precision::Equal;
        w.repetitionDelay = 250e-6;
        w.overhead = mitigation::overheadFor(plan, f, 1000).value();
        const BreakEven p = breakEven(row(t, "ibm"), w, plan, t.ibm, 5000);
        QVERIFY(p.errorScale && *p.errorScale > 0 && *p.errorScale < 1);
        Workload scaled = w;
        scaled.figures.error1q = 2.4e-4 * *p.errorScale;
        scaled.figures.error2q = 7.5e-3 * *p.errorScale;
        scaled.overhead = mitigation::overheadFor(plan, scaled.figures, 1000).value();
        QVERIFY(std::abs(costOf(row(t, "ibm"), scaled, t.ibm)->per1kUsd - 5000) < 1);
    }

    void breakEvenReadoutErrorScale()
    {
        // TREX at equal precision: variance ×1/f², f = Π(1 − 2p). The error scale found makes the
        // cost equal the target; at the same shots the error rates do not enter the cost (n/a).
        const PriceTable t = builtinPrices();
        mitigation::CircuitFigures f;
        f.measuredQubits = 4;
        f.readoutErrors = {0.02, 0.03, 0.01, 0.04};
        const auto plan = mitigation::parsePlan("trex").value();
        Workload w = workload(1000, 1000, "trex", f);
        w.repetitionDelay = 250e-6;
        w.precision = Precision::Equal;
        const BreakEven b = breakEven(row(t, "ibm"), w, plan, t.ibm, 600);
        QVERIFY(b.errorScale && *b.errorScale > 0 && *b.errorScale < 1);
        Workload scaled = w;
        for (double& p : scaled.figures.readoutErrors)
            p *= *b.errorScale;
        scaled.overhead = mitigation::overheadFor(plan, scaled.figures, 1000).value();
        // Executions per circuit are whole shots: the cost moves in steps of 1000 × 350 µs × $1.60 = $0.56.
        const double at = costOf(row(t, "ibm"), scaled, t.ibm)->per1kUsd;
        QVERIFY2(at <= 600 && at > 600 - 0.57, qPrintable(QString::number(at)));
        w.precision = Precision::Configured;
        QVERIFY(!breakEven(row(t, "ibm"), w, plan, t.ibm, 600).errorScale);
    }
};

QTEST_APPLESS_MAIN(TestCostModel)
#include "tst_cost_model.moc"
