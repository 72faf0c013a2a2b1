// tests/sim/tst_trajectories.cpp — the Monte Carlo wave-function engine: converges to the
// density-matrix distribution (total variation distance within a ~1/sqrt(shots) bound and
// shrinking as shots grow), including mid-circuit measurement, conditions, reset and readout
// error; same seed ⇒ same counts for 1, 2 and 3 threads; cancel and progress.
#include "core/noise/noise.h"
#include "core/sim/noisy.h"
#include "core/sim/program.h"
#include "support/random_circuit.h"

#include <QtTest>

#include <atomic>
#include <cmath>

using namespace qpilot;
using namespace qpilot::sim;

namespace {

Program compile(const Circuit& c)
{
    auto p = compileProgram(c);
    if (!p)
        qFatal("compile: %s", p.error().message.c_str());
    return std::move(p).value();
}

NoiseModel strongModel()
{
    NoiseModel m;
    m.setDefault1q({thermalRelaxation(20e-6, 15e-6, 2e-6).value(), depolarizing(1, 0.05)});
    m.setDefault2q({amplitudeDamping(0.05), depolarizing(2, 0.1)});
    m.setGateQubitChannels("h", {}, {pauliChannel(0.03, 0.01, 0.05)});
    m.setQubitChannels(1, 1, {phaseDamping(0.3), amplitudeDamping(0.1)});
    m.setDefaultReadout({0.03, 0.06});
    return m;
}

Operation ifBit(int bit, GateKind kind, int qubit)
{
    GateOp g;
    g.kind = kind;
    g.qubits = {qubit};
    return Operation{IfElseOp{Condition{{bit}, 1}, {Operation{g}}, {}}};
}

// A small noisy circuit with every step kind: gates, mid-circuit measurement, a condition,
// reset and final measurements.
Circuit mixedCircuit()
{
    Circuit c = test::randomCircuit(11, {3, 12});
    c.addCreg("c", 3);
    c.gate(GateKind::H, {0}).measure(0, 0);
    c.ops.push_back(ifBit(0, GateKind::X, 2));
    c.ops.push_back(Operation{ResetOp{0}});
    c.gate(GateKind::RY, {0}, {Expr(1.1)}).gate(GateKind::CX, {0, 1});
    c.measure(0, 0).measure(1, 1).measure(2, 2);
    return c;
}

std::vector<double> exact(const Program& p, const NoiseModel& noise)
{
    SimOptions o;
    o.noise = &noise;
    o.wantProbabilities = true;
    auto r = simulateDensityMatrix(p, o);
    if (!r)
        qFatal("density: %s", r.error().message.c_str());
    return r->probabilities;
}

double tvd(const std::map<std::string, int>& counts, const std::vector<double>& p, int shots)
{
    std::vector<double> f(p.size(), 0.0);
    for (const auto& [key, n] : counts)
        f[size_t(std::stoull(key, nullptr, 2))] = double(n) / shots;
    double d = 0;
    for (size_t i = 0; i < p.size(); ++i)
        d += std::abs(f[i] - p[i]);
    return d / 2;
}

Result<SimResult> run(const Program& p, const NoiseModel* noise, int shots, std::uint64_t seed, int threads)
{
    SimOptions o;
    o.noise = noise;
    o.shots = shots;
    o.seed = seed;
    o.threads = threads;
    return simulateTrajectories(p, o);
}

} // namespace

class TestTrajectories : public QObject {
    Q_OBJECT
private slots:
    // E[TVD] of an empirical distribution over K outcomes is about ½·Σ sqrt(2 p(1-p)/(π N))
    // <= ½·sqrt(2K/(πN)); we allow 3x that, and require a clear drop from 250 to 16000 shots.
    void convergesToDensityMatrix_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("random 3q terminal") << 0;
        QTest::newRow("mid-circuit, if, reset") << 1;
        QTest::newRow("random 4q with conditions") << 2;
    }
    void convergesToDensityMatrix()
    {
        QFETCH(int, which);
        Circuit c;
        if (which == 0) {
            c = test::randomCircuit(3, {3, 20, false, true});
        } else if (which == 1) {
            c = mixedCircuit();
        } else {
            test::RandomCircuitOptions o{4, 25};
            o.conditions = true;
            c = test::randomCircuit(9, o);
        }
        const Program p = compile(c);
        const NoiseModel noise = strongModel();
        const std::vector<double> pe = exact(p, noise);
        const double K = double(pe.size());
        std::vector<double> distances;
        for (int shots : {250, 1000, 4000, 16000}) {
            auto r = run(p, &noise, shots, 1234, 2);
            QVERIFY2(r, r ? "" : r.error().message.c_str());
            QCOMPARE(r->method, Method::Trajectories);
            const double d = tvd(r->counts, pe, shots);
            const double bound = 3 * 0.5 * std::sqrt(2 * K / (M_PI * shots));
            QVERIFY2(d < bound, qPrintable(QString("shots %1: TVD %2 > bound %3").arg(shots).arg(d).arg(bound)));
            distances.push_back(d);
        }
        QVERIFY2(distances.back() < distances.front() / 2,
                 qPrintable(QString("TVD %1 -> %2").arg(distances.front()).arg(distances.back())));
    }

    // Noise off, trajectories sample the exact distribution.
    void idealMatchesExact()
    {
        const Program p = compile(mixedCircuit());
        const NoiseModel none;
        const std::vector<double> pe = exact(p, none);
        auto r = run(p, nullptr, 8000, 7, 2);
        QVERIFY(r);
        QVERIFY(tvd(r->counts, pe, 8000) < 1.5 * std::sqrt(2 * double(pe.size()) / (M_PI * 8000)));
    }

    void sameSeedSameCountsAnyThreads_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("terminal") << 0;
        QTest::newRow("mid-circuit") << 1;
    }
    void sameSeedSameCountsAnyThreads()
    {
        QFETCH(int, which);
        const Program p = compile(which == 0 ? test::randomCircuit(4, {4, 30, false, true}) : mixedCircuit());
        const NoiseModel noise = strongModel();
        auto one = run(p, &noise, 1000, 99, 1);
        auto two = run(p, &noise, 1000, 99, 2);
        auto three = run(p, &noise, 1000, 99, 3);
        auto other = run(p, &noise, 1000, 100, 2);
        QVERIFY(one && two && three && other);
        QCOMPARE(one->counts, two->counts);
        QCOMPARE(one->counts, three->counts);
        QVERIFY(one->counts != other->counts);
        // Fewer shots than threads: amplitude-parallel kernels, still the same draws.
        auto few1 = run(p, &noise, 1, 99, 1);
        auto few2 = run(p, &noise, 1, 99, 2);
        QVERIFY(few1 && few2);
        QCOMPARE(few1->counts, few2->counts);
    }

    void probabilitiesAreFrequencies()
    {
        const Program p = compile(mixedCircuit());
        const NoiseModel noise = strongModel();
        SimOptions o;
        o.noise = &noise;
        o.shots = 500;
        o.wantProbabilities = true;
        auto r = simulateTrajectories(p, o);
        QVERIFY(r);
        QCOMPARE(int(r->probabilities.size()), 8);
        double total = 0;
        for (double v : r->probabilities)
            total += v;
        QVERIFY(std::abs(total - 1) < 1e-12);
        o.shots = 0;
        QVERIFY(!simulateTrajectories(p, o));
        o.wantProbabilities = false;
        o.wantStatevector = true;
        QVERIFY(!simulateTrajectories(p, o));
    }

    void cancelAndProgress()
    {
        const Program p = compile(test::randomCircuit(2, {4, 30, false, true}));
        const NoiseModel noise = strongModel();
        std::atomic<bool> cancel{true};
        SimOptions o;
        o.noise = &noise;
        o.shots = 200;
        o.threads = 2;
        o.cancel = &cancel;
        auto r = simulateTrajectories(p, o);
        QVERIFY(!r);
        QCOMPARE(r.error().message, std::string("cancelled"));
        cancel = false;
        // Progress comes from the calling thread only; with 2 threads a loaded machine may
        // give every shot to the other thread, so intermediate reports are checked with 1.
        for (int threads : {1, 2}) {
            std::vector<double> seen;
            o.threads = threads;
            o.progress = [&](double f) { seen.push_back(f); };
            QVERIFY(simulateTrajectories(p, o));
            QVERIFY(seen.size() >= (threads == 1 ? 2u : 1u));
            QCOMPARE(seen.back(), 1.0);
            QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        }
    }
};

QTEST_APPLESS_MAIN(TestTrajectories)
#include "tst_trajectories.moc"
