// tests/sim/tst_simulator.cpp — simulate() end to end: teleportation through mid-circuit
// measurement and classically controlled gates (statistics and exact probabilities), reset,
// an OpenQASM 3 ripple-carry adder with for loops giving the exact sum, unmeasured bits,
// statevector availability, method selection, cancel and progress.
#include "core/noise/noise.h"
#include "core/sim/simulator.h"

#include <QtTest>

#include <atomic>
#include <cmath>

using namespace qpilot;
using namespace qpilot::sim;

namespace {

Circuit parse(const std::string& text)
{
    auto c = parseQasm(text, "test.qasm");
    if (!c)
        qFatal("parse: %s", c.error().toString().c_str());
    return std::move(c).value();
}

// Teleports ry(θ)|0> from q[0] to q[2] with mid-circuit measurements and `if`s.
std::string teleportationProgram(double theta)
{
    return "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[3] c;\n"
           "ry("
        + std::to_string(theta)
        + ") q[0];\n"
          "h q[1];\ncx q[1], q[2];\n"
          "cx q[0], q[1];\nh q[0];\n"
          "c[0] = measure q[0];\nc[1] = measure q[1];\n"
          "if (c[1]) x q[2];\nif (c[0]) z q[2];\n"
          "c[2] = measure q[2];\n";
}

// Cuccaro ripple-carry adder: b <- a + b on 4 bits, carry out into cout.
std::string adder(int a, int b)
{
    std::string s = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"
                    "gate majority x, y, z { cx z, y; cx z, x; ccx x, y, z; }\n"
                    "gate unmaj x, y, z { ccx x, y, z; cx z, x; cx x, y; }\n"
                    "qubit cin;\nqubit[4] a;\nqubit[4] b;\nqubit cout;\nbit[5] ans;\n";
    for (int i = 0; i < 4; ++i) {
        if (a >> i & 1)
            s += "x a[" + std::to_string(i) + "];\n";
        if (b >> i & 1)
            s += "x b[" + std::to_string(i) + "];\n";
    }
    s += "majority cin, b[0], a[0];\n"
         "for int i in [1:3] { majority a[i - 1], b[i], a[i]; }\n"
         "cx a[3], cout;\n"
         "for int i in [3:-1:1] { unmaj a[i - 1], b[i], a[i]; }\n"
         "unmaj cin, b[0], a[0];\n"
         "for int i in [0:3] { ans[i] = measure b[i]; }\n"
         "ans[4] = measure cout;\n";
    return s;
}

SimResult run(const Circuit& c, SimOptions o)
{
    auto r = simulate(c, o);
    if (!r)
        qFatal("simulate: %s", r.error().message.c_str());
    return std::move(r).value();
}

Circuit layered(int n, int layers)
{
    Circuit c;
    c.addQreg("q", n);
    for (int l = 0; l < layers; ++l) {
        for (int q = 0; q < n; ++q)
            c.gate(GateKind::RX, {q}, {0.1 * (l + 1)});
        for (int q = 0; q + 1 < n; ++q)
            c.gate(GateKind::CX, {q, q + 1});
    }
    return c;
}

} // namespace

class TestSimulator : public QObject {
    Q_OBJECT
private slots:
    void teleportation_data()
    {
        QTest::addColumn<double>("theta");
        QTest::addColumn<int>("threads");
        for (double t : {0.0, 0.7, 1.9, 3.0})
            for (int threads : {1, 2})
                QTest::addRow("theta=%.1f threads=%d", t, threads) << t << threads;
    }
    void teleportation()
    {
        QFETCH(double, theta);
        QFETCH(int, threads);
        const Circuit c = parse(teleportationProgram(theta));
        SimOptions o;
        o.shots = 4000;
        o.seed = 2024;
        o.threads = threads;
        o.wantProbabilities = true;
        const SimResult r = run(c, o);
        const double p1 = std::pow(std::sin(theta / 2), 2);
        // Exact: c[2] is 1 with probability sin²(θ/2), whatever c[0], c[1] read.
        double exact1 = 0;
        for (size_t i = 0; i < r.probabilities.size(); ++i)
            if (i & 4)
                exact1 += r.probabilities[i];
        QVERIFY2(std::abs(exact1 - p1) < 1e-12, qPrintable(QString::number(exact1)));
        for (int m = 0; m < 4; ++m) // c[0], c[1] uniform
            QVERIFY(std::abs(r.probabilities[size_t(m)] + r.probabilities[size_t(m | 4)] - 0.25) < 1e-12);
        // Sampled: within a 6σ binomial bound.
        int ones = 0, total = 0;
        for (const auto& [key, k] : r.counts) {
            total += k;
            if (key[0] == '1')
                ones += k;
        }
        QCOMPARE(total, 4000);
        const double sigma = std::sqrt(4000 * p1 * (1 - p1));
        QVERIFY2(std::abs(ones - 4000 * p1) <= 6 * sigma + 1e-9, qPrintable(QString("%1 ones").arg(ones)));
    }

    void reset()
    {
        // |1> reset reads 0; a reset qubit in superposition then H gives 50/50 exactly.
        const Circuit c = parse("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\n"
                                "x q[0];\nreset q[0];\nc[0] = measure q[0];\n"
                                "h q[1];\nreset q[1];\nh q[1];\nc[1] = measure q[1];\n");
        SimOptions o;
        o.shots = 1000;
        o.wantProbabilities = true;
        o.threads = 2;
        const SimResult r = run(c, o);
        QVERIFY(std::abs(r.probabilities[0] - 0.5) < 1e-12 && std::abs(r.probabilities[2] - 0.5) < 1e-12);
        QVERIFY(r.probabilities[1] < 1e-12 && r.probabilities[3] < 1e-12);
        for (const auto& [key, k] : r.counts)
            QCOMPARE(key.back(), '0');
    }

    void adderGivesExactSum_data()
    {
        QTest::addColumn<int>("a");
        QTest::addColumn<int>("b");
        QTest::newRow("5+9") << 5 << 9;
        QTest::newRow("15+1") << 15 << 1;
        QTest::newRow("0+0") << 0 << 0;
        QTest::newRow("7+12") << 7 << 12;
    }
    void adderGivesExactSum()
    {
        QFETCH(int, a);
        QFETCH(int, b);
        const Circuit c = parse(adder(a, b));
        for (int fusion : {0, 4}) {
            SimOptions o;
            o.shots = 100;
            o.threads = 2;
            o.fusionMaxQubits = fusion;
            const SimResult r = run(c, o);
            QCOMPARE(int(r.counts.size()), 1);
            QCOMPARE(QString::fromStdString(r.counts.begin()->first),
                     QString::fromStdString(bitstring(std::uint64_t(a + b), 5)));
            QCOMPARE(r.counts.begin()->second, 100);
        }
    }

    void unmeasuredBitsReadZero()
    {
        Circuit c;
        c.addQreg("q", 2);
        c.addCreg("c", 4);
        c.gate(GateKind::X, {0});
        c.gate(GateKind::X, {1});
        c.measure(1, 2);
        SimOptions o;
        o.shots = 10;
        const SimResult r = run(c, o);
        QCOMPARE(r.counts.size(), size_t(1));
        QCOMPARE(r.counts.begin()->first, std::string("0100"));
    }

    void statevectorOnlyForPurePrograms()
    {
        SimOptions o;
        o.wantStatevector = true;
        // Terminal measurements are deferred: the state before them is returned.
        const Circuit bell = parse("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\n"
                                   "h q[0];\ncx q[0], q[1];\nc = measure q;\n");
        const SimResult r = run(bell, o);
        QCOMPARE(int(r.statevector.size()), 4);
        QVERIFY(std::abs(std::abs(r.statevector[3]) - 1 / std::sqrt(2.0)) < 1e-14);
        auto mid = simulate(parse(teleportationProgram(1.0)), o);
        QVERIFY(!mid);
        QVERIFY2(mid.error().message.find("mid-circuit") != std::string::npos, mid.error().message.c_str());
    }

    void methods()
    {
        for (Method m : {Method::Auto, Method::StateVector, Method::DensityMatrix, Method::Trajectories})
            QCOMPARE(methodByName(methodName(m)), std::optional<Method>(m));
        QVERIFY(!methodByName("quantum-magic"));
        NoiseModel noise;
        noise.setDefault1q({depolarizing(1, 0.01)});
        Circuit c;
        c.addQreg("q", 1);
        c.gate(GateKind::H, {0});
        SimOptions o;
        o.noise = &noise;
        o.method = Method::StateVector;
        auto r = simulate(c, o);
        QVERIFY(!r);
        QVERIFY(r.error().message.find("noise") != std::string::npos);
        o.method = Method::Auto;
        o.wantProbabilities = true;
        auto dm = simulate(c, o);
        QVERIFY2(dm, dm ? "" : dm.error().message.c_str());
        QCOMPARE(dm->method, Method::DensityMatrix);
        SimOptions ideal;
        ideal.shots = 5;
        QCOMPARE(run(c, ideal).method, Method::StateVector);
        SimOptions negative;
        negative.shots = -1;
        QVERIFY(!simulate(c, negative));
    }

    void cancelFromProgress_data()
    {
        QTest::addColumn<bool>("midCircuit");
        QTest::newRow("straight") << false;
        QTest::newRow("branches") << true;
    }
    void cancelFromProgress()
    {
        QFETCH(bool, midCircuit);
        Circuit c = layered(12, 30);
        if (midCircuit) {
            c.addCreg("c", 12);
            for (int q = 0; q < 12; ++q)
                c.measure(q, q);
            for (const Operation& o : layered(12, 30).ops)
                c.ops.push_back(o);
        }
        std::atomic<bool> cancel{false};
        int calls = 0;
        SimOptions o;
        o.shots = 100;
        o.fusionMaxQubits = 0;
        o.threads = 2;
        o.cancel = &cancel;
        o.progress = [&](double f) {
            ++calls;
            if (f > 0.2)
                cancel = true;
        };
        auto r = simulate(c, o);
        QVERIFY(!r);
        QCOMPARE(QString::fromStdString(r.error().message), QString("cancelled"));
        QVERIFY(calls > 0);
        // Already cancelled before starting.
        auto again = simulate(c, o);
        QVERIFY(!again);
        QCOMPARE(QString::fromStdString(again.error().message), QString("cancelled"));
    }

    void progressReachesOne_data()
    {
        QTest::addColumn<bool>("midCircuit");
        QTest::newRow("straight") << false;
        QTest::newRow("branches") << true;
    }
    void progressReachesOne()
    {
        QFETCH(bool, midCircuit);
        const Circuit c = midCircuit ? parse(teleportationProgram(0.4)) : layered(10, 5);
        std::vector<double> seen;
        SimOptions o;
        o.shots = 200;
        o.progress = [&](double f) { seen.push_back(f); };
        const SimResult r = run(c, o);
        QVERIFY(!seen.empty());
        QCOMPARE(seen.back(), 1.0);
        for (size_t i = 1; i < seen.size(); ++i)
            QVERIFY(seen[i] >= seen[i - 1]);
        QVERIFY(r.seconds >= 0);
        QVERIFY(r.sourceGates > 0);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
