// tests/sim/tst_sampling.cpp — seeded shots: the same seed gives identical counts for 1 and 2
// threads, different seeds differ, the counts follow the exact probabilities (chi-squared with
// a failure threshold at p < 1e-6, fixed seeds), zero-probability outcomes never appear, and
// bitstrings put classical bit 0 rightmost.
#include "core/sim/rng.h"
#include "core/sim/simulator.h"
#include "support/random_circuit.h"

#include <QtTest>

#include <cmath>
#include <numeric>

using namespace qpilot;
using namespace qpilot::sim;

namespace {

SimResult run(const Circuit& c, int shots, std::uint64_t seed, int threads, bool probabilities = false)
{
    SimOptions o;
    o.shots = shots;
    o.seed = seed;
    o.threads = threads;
    o.wantProbabilities = probabilities;
    auto r = simulate(c, o);
    if (!r)
        qFatal("simulate: %s", r.error().message.c_str());
    return std::move(r).value();
}

// Upper tail of chi-squared with `df` degrees of freedom is below 1e-6 when the
// Wilson-Hilferty normal approximation puts it beyond z = 4.75.
bool chiSquaredRejects(double chi2, int df)
{
    const double a = 2.0 / (9.0 * df);
    const double z = (std::cbrt(chi2 / df) - (1 - a)) / std::sqrt(a);
    return z > 4.75;
}

// Chi-squared of counts against probabilities; outcomes expected fewer than 5 times are pooled.
std::pair<double, int> chiSquared(const std::vector<double>& p, const std::vector<int>& observed, int shots)
{
    double chi2 = 0, pooledE = 0, pooledO = 0;
    int cells = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        const double e = p[i] * shots;
        if (e < 5) {
            pooledE += e;
            pooledO += observed[i];
            continue;
        }
        chi2 += (observed[i] - e) * (observed[i] - e) / e;
        ++cells;
    }
    if (pooledE > 0) {
        chi2 += (pooledO - pooledE) * (pooledO - pooledE) / pooledE;
        ++cells;
    }
    return {chi2, std::max(1, cells - 1)};
}

Circuit measuredRandom(int n, std::uint64_t seed, bool conditions = false)
{
    test::RandomCircuitOptions ro;
    ro.qubits = n;
    ro.gates = 6 * n;
    ro.measurements = true;
    ro.conditions = conditions;
    return test::randomCircuit(seed, ro);
}

std::vector<int> histogram(const std::map<std::string, int>& counts, int width)
{
    std::vector<int> h(size_t(1) << width, 0);
    for (const auto& [key, k] : counts)
        h[std::stoull(key, nullptr, 2)] += k;
    return h;
}

} // namespace

class TestSampling : public QObject {
    Q_OBJECT
private slots:
    void sameSeedSameCountsForAnyThreadCount_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<bool>("conditions");
        for (int n : {3, 10, 17})
            for (bool cond : {false, true})
                QTest::addRow("n=%d%s", n, cond ? " mid-circuit" : "") << n << cond;
    }
    void sameSeedSameCountsForAnyThreadCount()
    {
        // 17 qubits: the kernels and the sampler run in parallel regions.
        QFETCH(int, qubits);
        QFETCH(bool, conditions);
        Circuit c = measuredRandom(qubits, std::uint64_t(qubits), conditions && qubits <= 10);
        if (conditions && qubits > 10) {
            // A few mid-circuit measurements steering later gates.
            c = measuredRandom(qubits, std::uint64_t(qubits));
            std::vector<Operation> ops;
            for (const Operation& o : c.ops)
                if (!std::holds_alternative<MeasureOp>(o.op))
                    ops.push_back(o);
            c.ops = ops;
            for (int q : {0, 5}) {
                c.measure(q, q);
                GateOp g;
                g.kind = GateKind::H;
                g.qubits = {q + 1};
                c.ops.push_back(Operation{IfElseOp{Condition{{q}, 1}, {Operation{g}}, {}}});
            }
            c.gate(GateKind::RY, {0}, {0.3});
            for (int q = 0; q < qubits; ++q)
                c.measure(q, q);
        }
        const SimResult one = run(c, 2000, 42, 1);
        const SimResult two = run(c, 2000, 42, 2);
        QCOMPARE(one.counts, two.counts);
        int total = 0;
        for (const auto& kv : one.counts)
            total += kv.second;
        QCOMPARE(total, 2000);
        QCOMPARE(run(c, 2000, 42, 2).counts, two.counts); // and run to run
    }

    void differentSeedsDiffer()
    {
        const Circuit c = measuredRandom(8, 3);
        QVERIFY(run(c, 1000, 1, 2).counts != run(c, 1000, 2, 2).counts);
        QVERIFY(run(c, 1000, 1, 2).counts != run(c, 1000, 0x100000001ull, 2).counts);
    }

    void countsFollowExactProbabilities_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("seed");
        QTest::addColumn<bool>("conditions");
        for (int n : {2, 5, 7})
            for (int seed : {11, 12})
                for (bool cond : {false, true})
                    QTest::addRow("n=%d seed=%d%s", n, seed, cond ? " mid-circuit" : "") << n << seed << cond;
    }
    void countsFollowExactProbabilities()
    {
        QFETCH(int, qubits);
        QFETCH(int, seed);
        QFETCH(bool, conditions);
        const Circuit c = measuredRandom(qubits, std::uint64_t(seed + 100 * qubits), conditions);
        const int shots = 20000;
        const SimResult r = run(c, shots, std::uint64_t(seed), 2, true);
        QCOMPARE(int(r.probabilities.size()), 1 << qubits);
        QVERIFY(std::abs(std::accumulate(r.probabilities.begin(), r.probabilities.end(), 0.0) - 1) < 1e-10);
        const std::vector<int> observed = histogram(r.counts, qubits);
        for (size_t i = 0; i < observed.size(); ++i)
            if (r.probabilities[i] < 1e-14)
                QCOMPARE(observed[i], 0);
        const auto [chi2, df] = chiSquared(r.probabilities, observed, shots);
        QVERIFY2(!chiSquaredRejects(chi2, df), qPrintable(QString("chi2 %1 with %2 degrees of freedom").arg(chi2).arg(df)));
    }

    void sampleIndicesDirectly()
    {
        // A skewed distribution with zeros, over more than one sampling block.
        std::vector<double> p(10000, 0.0);
        for (size_t i = 0; i < p.size(); i += 3)
            p[i] = 1.0 / double(1 + i % 97);
        const double total = std::accumulate(p.begin(), p.end(), 0.0);
        const int shots = 50000;
        const std::vector<std::uint64_t> s = sampleIndices(p, shots, 7, StreamFinalSampling);
        QCOMPARE(int(s.size()), shots);
        std::vector<int> observed(p.size(), 0);
        for (std::uint64_t v : s) {
            QVERIFY(v < p.size());
            QVERIFY(p[v] > 0);
            ++observed[v];
        }
        std::vector<double> normalised = p;
        for (double& x : normalised)
            x /= total;
        const auto [chi2, df] = chiSquared(normalised, observed, shots);
        QVERIFY2(!chiSquaredRejects(chi2, df), qPrintable(QString("chi2 %1 df %2").arg(chi2).arg(df)));
        QCOMPARE(sampleIndices(p, shots, 7, StreamFinalSampling), s);
        QVERIFY(sampleIndices(p, shots, 8, StreamFinalSampling) != s);
        QVERIFY(sampleIndices(p, shots, 7, StreamShotBase) != s);
        // Degenerate inputs.
        QVERIFY(sampleIndices(p, 0, 7, 1).empty());
        QCOMPARE(sampleIndices({0.0, 0.0}, 3, 7, 1), std::vector<std::uint64_t>(3, 0));
        QCOMPARE(sampleIndices({0.0, 0.0, 2.5}, 4, 7, 1), std::vector<std::uint64_t>(4, 2));
    }

    void bitstringOrder()
    {
        QCOMPARE(bitstring(1, 3), std::string("001"));
        QCOMPARE(bitstring(6, 3), std::string("110"));
        QCOMPARE(bitstring(5, 0), std::string());
        const auto counts = countsOf({1, 1, 4, 0}, 3);
        QCOMPARE(counts.at("001"), 2);
        QCOMPARE(counts.at("100"), 1);
        QCOMPARE(counts.at("000"), 1);
        // X on qubit 0 measured into c[0] of a 3-bit register: "001"; into c[2]: "100".
        for (int clbit : {0, 2}) {
            Circuit c;
            c.addQreg("q", 2);
            c.addCreg("c", 3);
            c.gate(GateKind::X, {0});
            c.measure(0, clbit);
            const SimResult r = run(c, 50, 1, 1);
            QCOMPARE(int(r.counts.size()), 1);
            QCOMPARE(r.counts.begin()->first, clbit == 0 ? std::string("001") : std::string("100"));
            QCOMPARE(r.counts.begin()->second, 50);
        }
    }

    void unmeasuredCircuitSamplesQubits()
    {
        Circuit c;
        c.addQreg("q", 3);
        c.gate(GateKind::X, {1});
        const SimResult r = run(c, 20, 1, 1, true);
        QCOMPARE(r.counts.size(), size_t(1));
        QCOMPARE(r.counts.begin()->first, std::string("010"));
        QCOMPARE(int(r.probabilities.size()), 8);
        QCOMPARE(r.probabilities[2], 1.0);
    }

    void ghzCountsAreCorrelated()
    {
        Circuit c;
        c.addQreg("q", 3);
        c.addCreg("c", 3);
        c.gate(GateKind::H, {0});
        c.gate(GateKind::CX, {0, 1});
        c.gate(GateKind::CX, {1, 2});
        for (int q = 0; q < 3; ++q)
            c.measure(q, q);
        const SimResult r = run(c, 4000, 9, 2);
        QCOMPARE(int(r.counts.size()), 2);
        const int zeros = r.counts.at("000"), ones = r.counts.at("111");
        QCOMPARE(zeros + ones, 4000);
        QVERIFY(std::abs(zeros - 2000) < 6 * std::sqrt(4000 * 0.25));
    }
};

QTEST_GUILESS_MAIN(TestSampling)
#include "tst_sampling.moc"
