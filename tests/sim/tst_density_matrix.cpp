// tests/sim/tst_density_matrix.cpp — the density-matrix engine: equals |ψ><ψ| of the dense
// reference with noise off; equals a dense noisy reference (full 2^n Kraus matrices) with
// noise on; stays trace 1 and positive semidefinite; readout confusion (terminal and
// mid-circuit) matches the analytic distributions; a noisy teleport equals its
// deferred-measurement circuit; reset, memory guard, cancel and progress.
#include "core/noise/noise.h"
#include "core/sim/density_matrix.h"
#include "core/sim/noisy.h"
#include "core/sim/program.h"
#include "core/sim/simulator.h"
#include "support/random_circuit.h"
#include "support/reference.h"

#include <QtTest>

#include <atomic>
#include <cmath>

using namespace qpilot;
using namespace qpilot::sim;
using qpilot::test::embed;

namespace {

Program compile(const Circuit& c)
{
    auto p = compileProgram(c);
    if (!p)
        qFatal("compile: %s", p.error().message.c_str());
    return std::move(p).value();
}

// A model that uses every kind of channel and every lookup path.
NoiseModel mixedModel()
{
    NoiseModel m;
    m.setDefault1q({thermalRelaxation(60e-6, 45e-6, 2e-6).value(), depolarizing(1, 0.02)});
    m.setDefault2q({amplitudeDamping(0.03), depolarizing(2, 0.05)});
    m.setGateQubitChannels("h", {}, {pauliChannel(0.01, 0.02, 0.03)});
    m.setGateQubitChannels("cx", {1, 0}, {phaseDamping(0.2)});
    m.setQubitChannels(1, 0, {phaseDamping(0.1), depolarizing(1, 0.01)});
    return m;
}

// Dense noisy reference: ρ -> U ρ U† then Σ E ρ E† with full 2^n matrices.
Matrix denseRho(const Circuit& c, const NoiseModel* noise)
{
    const int n = c.numQubits();
    Matrix rho{n, std::vector<Complex>(size_t(1) << (2 * n))};
    rho.at(0, 0) = 1;
    for (const Operation& o : c.ops) {
        const auto* g = std::get_if<GateOp>(&o.op);
        if (!g || g->qubits.empty())
            continue;
        const Matrix u = embed(gateOpMatrix(*g, c).value(), g->qubits, n);
        rho = matrixProduct(matrixProduct(u, rho), matrixAdjoint(u));
        if (!noise)
            continue;
        for (const auto& ac : noise->channelsAfter(*g)) {
            std::vector<int> qs;
            for (int op : ac.operands)
                qs.push_back(g->qubits[size_t(op)]);
            Matrix next{n, std::vector<Complex>(rho.data.size())};
            for (const Matrix& k : ac.channel.operators) {
                const Matrix e = embed(k, qs, n);
                const Matrix t = matrixProduct(matrixProduct(e, rho), matrixAdjoint(e));
                for (size_t i = 0; i < next.data.size(); ++i)
                    next.data[i] += t.data[i];
            }
            rho = std::move(next);
        }
    }
    return rho;
}

double maxDiff(const DensityMatrix& a, const Matrix& b)
{
    double d = 0;
    for (int r = 0; r < b.dim(); ++r)
        for (int c = 0; c < b.dim(); ++c)
            d = std::max(d, std::abs(a.at(size_t(r), size_t(c)) - b.at(r, c)));
    return d;
}

std::vector<Complex> pureState(const Circuit& c)
{
    const Matrix u = test::circuitUnitary(c);
    std::vector<Complex> psi(size_t(u.dim()));
    for (int r = 0; r < u.dim(); ++r)
        psi[size_t(r)] = u.at(r, 0);
    return psi;
}

Operation ifBit(int bit, GateKind kind, int qubit)
{
    GateOp g;
    g.kind = kind;
    g.qubits = {qubit};
    return Operation{IfElseOp{Condition{{bit}, 1}, {Operation{g}}, {}}};
}

std::vector<double> probabilities(const Program& p, const NoiseModel* noise)
{
    SimOptions o;
    o.noise = noise;
    o.wantProbabilities = true;
    o.threads = 2;
    auto r = simulateDensityMatrix(p, o);
    if (!r)
        qFatal("simulateDensityMatrix: %s", r.error().message.c_str());
    return r->probabilities;
}

} // namespace

class TestDensityMatrix : public QObject {
    Q_OBJECT
private slots:
    void idealEqualsPureState_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("seed");
        for (int n = 1; n <= 6; ++n)
            for (int seed = 1; seed <= 4; ++seed)
                QTest::addRow("n=%d seed=%d", n, seed) << n << seed;
    }
    void idealEqualsPureState()
    {
        QFETCH(int, qubits);
        QFETCH(int, seed);
        const Circuit c = test::randomCircuit(std::uint64_t(seed * 31 + qubits), {qubits, 25});
        for (int threads : {1, 2}) {
            auto rho = finalDensityMatrix(compile(c), nullptr, threads);
            QVERIFY(rho);
            const DensityMatrix expected = DensityMatrix::fromPure(pureState(c), qubits);
            double d = 0;
            for (size_t i = 0; i < expected.size(); ++i)
                d = std::max(d, std::abs(rho->data()[i] - expected.data()[i]));
            QVERIFY2(d < 1e-10, qPrintable(QString("max diff %1").arg(d)));
        }
    }

    // Noise off, the density-matrix engine gives the state-vector engine's exact distribution,
    // also with mid-circuit measurement, conditions and reset (both through simulate()).
    void matchesStateVectorEngine_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("seed");
        QTest::addColumn<bool>("conditions");
        for (int n = 1; n <= 6; ++n)
            for (int seed = 1; seed <= 3; ++seed) {
                QTest::addRow("n=%d seed=%d", n, seed) << n << seed << false;
                QTest::addRow("n=%d seed=%d conditions", n, seed) << n << seed << true;
            }
    }
    void matchesStateVectorEngine()
    {
        QFETCH(int, qubits);
        QFETCH(int, seed);
        QFETCH(bool, conditions);
        test::RandomCircuitOptions ro{qubits, 30};
        ro.measurements = true;
        ro.conditions = conditions;
        Circuit c = test::randomCircuit(std::uint64_t(seed * 13 + qubits), ro);
        if (conditions && qubits >= 2) {
            c.ops.insert(c.ops.begin() + long(c.ops.size() / 3), Operation{ResetOp{1}});
            c.ops.insert(c.ops.begin() + long(c.ops.size() / 2), Operation{MeasureOp{0, 1}});
        }
        SimOptions o;
        o.wantProbabilities = true;
        o.threads = 2;
        o.method = Method::StateVector;
        auto sv = simulate(c, o);
        QVERIFY2(sv, sv ? "" : sv.error().message.c_str());
        o.method = Method::DensityMatrix;
        auto dm = simulate(c, o);
        QVERIFY2(dm, dm ? "" : dm.error().message.c_str());
        QCOMPARE(dm->method, Method::DensityMatrix);
        QCOMPARE(dm->probabilities.size(), sv->probabilities.size());
        double d = 0;
        for (size_t i = 0; i < sv->probabilities.size(); ++i)
            d = std::max(d, std::abs(dm->probabilities[i] - sv->probabilities[i]));
        QVERIFY2(d < 1e-10, qPrintable(QString("max diff %1").arg(d)));
        // With a noise model, auto picks the density matrix for small circuits.
        const NoiseModel noise = mixedModel();
        o.method = Method::Auto;
        o.noise = &noise;
        auto noisy = simulate(c, o);
        QVERIFY(noisy);
        QCOMPARE(noisy->method, Method::DensityMatrix);
    }

    void noisyEqualsDenseReference_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("seed");
        for (int n = 1; n <= 5; ++n)
            for (int seed = 1; seed <= 3; ++seed)
                QTest::addRow("n=%d seed=%d", n, seed) << n << seed;
    }
    void noisyEqualsDenseReference()
    {
        QFETCH(int, qubits);
        QFETCH(int, seed);
        const Circuit c = test::randomCircuit(std::uint64_t(seed * 17 + qubits), {qubits, 20});
        const NoiseModel noise = mixedModel();
        auto rho = finalDensityMatrix(compile(c), &noise, 2);
        QVERIFY(rho);
        const double d = maxDiff(rho.value(), denseRho(c, &noise));
        QVERIFY2(d < 1e-10, qPrintable(QString("max diff %1").arg(d)));
    }

    void traceOneAndPositive_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("seed");
        QTest::addColumn<bool>("midCircuit");
        for (int n = 2; n <= 5; ++n)
            for (int seed = 1; seed <= 3; ++seed) {
                QTest::addRow("n=%d seed=%d", n, seed) << n << seed << false;
                QTest::addRow("n=%d seed=%d conditions", n, seed) << n << seed << true;
            }
    }
    void traceOneAndPositive()
    {
        QFETCH(int, qubits);
        QFETCH(int, seed);
        QFETCH(bool, midCircuit);
        test::RandomCircuitOptions o{qubits, 30};
        o.conditions = midCircuit;
        o.bitConditions = true;
        Circuit c = test::randomCircuit(std::uint64_t(seed * 7 + qubits), o);
        if (midCircuit) { // a mid-circuit measurement, a reset and more gates after it
            c.ops.insert(c.ops.begin() + long(c.ops.size() / 2), Operation{MeasureOp{0, 0}});
            c.ops.insert(c.ops.begin() + long(c.ops.size() / 2), Operation{ResetOp{1}});
            c.gate(GateKind::H, {0}).gate(GateKind::CX, {0, 1});
        }
        NoiseModel noise = mixedModel();
        noise.setDefaultReadout({0.05, 0.1});
        auto rho = finalDensityMatrix(compile(c), &noise, 2);
        QVERIFY(rho);
        QVERIFY2(std::abs(rho->trace() - 1) < 1e-12, qPrintable(QString::number(rho->trace() - 1)));
        const std::size_t dim = std::size_t(1) << qubits;
        for (std::size_t r = 0; r < dim; ++r)
            for (std::size_t col = 0; col < dim; ++col)
                QVERIFY(std::abs(rho->at(r, col) - std::conj(rho->at(col, r))) < 1e-12);
        const std::vector<double> ev = rho->eigenvalues();
        QVERIFY2(ev.front() >= -1e-12, qPrintable(QString("smallest eigenvalue %1").arg(ev.front())));
        double sum = 0;
        for (double e : ev)
            sum += e;
        QVERIFY(std::abs(sum - 1) < 1e-12);
    }

    // X on q0 then measure both: P(read q0 = 1) = 1 - p(0|1), P(read q1 = 1) = p(1|0).
    void readoutConfusion_data()
    {
        QTest::addColumn<double>("a0"); // qubit 0: p(1|0)
        QTest::addColumn<double>("b0"); // qubit 0: p(0|1)
        QTest::addColumn<double>("a1");
        QTest::addColumn<double>("b1");
        QTest::newRow("none") << 0.0 << 0.0 << 0.0 << 0.0;
        QTest::newRow("symmetric") << 0.02 << 0.02 << 0.03 << 0.03;
        QTest::newRow("asymmetric") << 0.01 << 0.08 << 0.2 << 0.05;
        QTest::newRow("always flip") << 1.0 << 1.0 << 1.0 << 1.0;
    }
    void readoutConfusion()
    {
        QFETCH(double, a0);
        QFETCH(double, b0);
        QFETCH(double, a1);
        QFETCH(double, b1);
        NoiseModel noise;
        noise.setReadout(0, {a0, b0});
        noise.setReadout(1, {a1, b1});
        Circuit c;
        c.addQreg("q", 2).addCreg("c", 2);
        c.gate(GateKind::X, {0}).measure(0, 0).measure(1, 1);
        const std::vector<double> p = probabilities(compile(c), &noise);
        QCOMPARE(int(p.size()), 4);
        const double r0 = 1 - b0; // P(c0 = 1)
        const double r1 = a1;     // P(c1 = 1)
        const double expected[4] = {(1 - r0) * (1 - r1), r0 * (1 - r1), (1 - r0) * r1, r0 * r1};
        for (int i = 0; i < 4; ++i)
            QVERIFY2(std::abs(p[size_t(i)] - expected[i]) < 1e-12, qPrintable(QString("P(%1) = %2, expected %3").arg(i).arg(p[size_t(i)]).arg(expected[i])));
        Q_UNUSED(a0);

        // Without any measurement the qubits are read (with readout error) into bits 0..n-1.
        Circuit bare;
        bare.addQreg("q", 2);
        bare.gate(GateKind::X, {0});
        const std::vector<double> pb = probabilities(compile(bare), &noise);
        for (int i = 0; i < 4; ++i)
            QVERIFY(std::abs(pb[size_t(i)] - expected[i]) < 1e-12);
    }

    // The recorded (possibly flipped) bit drives the condition: c1 copies c0's record.
    void midCircuitReadout()
    {
        const double a0 = 0.1, b0 = 0.25, a1 = 0.05, b1 = 0.15;
        NoiseModel noise;
        noise.setReadout(0, {a0, b0});
        noise.setReadout(1, {a1, b1});
        Circuit c;
        c.addQreg("q", 2).addCreg("c", 2);
        c.gate(GateKind::H, {0}).measure(0, 0);
        c.ops.push_back(ifBit(0, GateKind::X, 1));
        c.measure(1, 1);
        const Program prog = compile(c);
        QVERIFY(!prog.terminalMeasurementsOnly);
        const std::vector<double> p = probabilities(prog, &noise);
        const double r = 0.5 * (1 - b0) + 0.5 * a0; // P(c0 = 1)
        const double expected[4] = {(1 - r) * (1 - a1), r * b1, (1 - r) * a1, r * (1 - b1)};
        for (int i = 0; i < 4; ++i)
            QVERIFY2(std::abs(p[size_t(i)] - expected[i]) < 1e-12, qPrintable(QString("P(%1) = %2, expected %3").arg(i).arg(p[size_t(i)]).arg(expected[i])));
    }

    // Teleportation with mid-circuit measurement and classically controlled X/Z equals the
    // deferred-measurement circuit (CX, CZ from the measured qubits) — also with noise on the
    // Bell pair and the Bell measurement, and readout error on the teleported qubit.
    void noisyTeleportEqualsDeferred_data()
    {
        QTest::addColumn<double>("theta");
        QTest::addColumn<bool>("noisy");
        for (double theta : {0.0, 0.7, 2.1, M_PI})
            for (bool noisy : {false, true})
                QTest::addRow("theta=%g %s", theta, noisy ? "noisy" : "ideal") << theta << noisy;
    }
    void noisyTeleportEqualsDeferred()
    {
        QFETCH(double, theta);
        QFETCH(bool, noisy);
        NoiseModel noise;
        noise.setDefault1q({depolarizing(1, 0.04), thermalRelaxation(50e-6, 30e-6, 3e-6).value()});
        noise.setDefault2q({amplitudeDamping(0.02), depolarizing(2, 0.06)});
        for (const char* g : {"x", "z"})
            noise.setGateQubitChannels(g, {}, {});
        noise.setGateQubitChannels("cx", {1, 2}, {});
        noise.setGateQubitChannels("cz", {0, 2}, {});
        noise.setReadout(2, {0.03, 0.07});
        const NoiseModel* model = noisy ? &noise : nullptr;

        auto prepare = [&](Circuit& c) {
            c.addQreg("q", 3).addCreg("c", 3);
            c.gate(GateKind::RY, {0}, {Expr(theta)});
            c.gate(GateKind::H, {1}).gate(GateKind::CX, {1, 2});
            c.gate(GateKind::CX, {0, 1}).gate(GateKind::H, {0});
        };
        Circuit teleport;
        prepare(teleport);
        teleport.measure(0, 0).measure(1, 1);
        teleport.ops.push_back(ifBit(1, GateKind::X, 2));
        teleport.ops.push_back(ifBit(0, GateKind::Z, 2));
        teleport.measure(2, 2);
        Circuit deferred;
        prepare(deferred);
        deferred.gate(GateKind::CX, {1, 2}).gate(GateKind::CZ, {0, 2});
        deferred.measure(0, 0).measure(1, 1).measure(2, 2);

        const std::vector<double> pt = probabilities(compile(teleport), model);
        const std::vector<double> pd = probabilities(compile(deferred), model);
        QCOMPARE(pt.size(), pd.size());
        double one = 0;
        for (size_t i = 0; i < pt.size(); ++i) {
            QVERIFY2(std::abs(pt[i] - pd[i]) < 1e-12, qPrintable(QString("P(%1): %2 vs %3").arg(i).arg(pt[i]).arg(pd[i])));
            if (i & 4u)
                one += pt[i];
        }
        const double ideal = std::pow(std::sin(theta / 2), 2);
        if (!noisy)
            QVERIFY(std::abs(one - ideal) < 1e-12);
        else
            QVERIFY(std::abs(one - ideal) > 1e-3); // the noise is visible
    }

    void resetUnderNoise()
    {
        NoiseModel noise;
        noise.setDefault1q({depolarizing(1, 0.1)});
        noise.setReadout(0, {0.04, 0.0});
        Circuit c;
        c.addQreg("q", 1).addCreg("c", 1);
        c.gate(GateKind::X, {0});
        c.ops.push_back(Operation{ResetOp{0}});
        c.measure(0, 0);
        const std::vector<double> p = probabilities(compile(c), &noise);
        QVERIFY(std::abs(p[1] - 0.04) < 1e-12); // |0> exactly, read as 1 only by readout error
    }

    void shotsAreSeeded()
    {
        const NoiseModel noise = mixedModel();
        const Program p = compile(test::randomCircuit(5, {3, 15, false, true}));
        SimOptions o;
        o.noise = &noise;
        o.shots = 2000;
        o.seed = 42;
        auto a = simulateDensityMatrix(p, o);
        o.threads = 1;
        auto b = simulateDensityMatrix(p, o);
        o.seed = 43;
        auto c = simulateDensityMatrix(p, o);
        QVERIFY(a && b && c);
        QCOMPARE(a->counts, b->counts);
        QVERIFY(a->counts != c->counts);
        int total = 0;
        for (const auto& [k, v] : a->counts) {
            QCOMPARE(int(k.size()), 3);
            total += v;
        }
        QCOMPARE(total, 2000);
        QCOMPARE(a->method, Method::DensityMatrix);
    }

    void refusesWhatItCannotDo()
    {
        Circuit big;
        big.addQreg("q", 22);
        big.gate(GateKind::H, {0});
        SimOptions o;
        auto r = simulateDensityMatrix(compile(big), o);
        QVERIFY(!r);
        QVERIFY(!r.error().message.empty());
        Circuit small;
        small.addQreg("q", 1);
        o.wantStatevector = true;
        auto s = simulateDensityMatrix(compile(small), o);
        QVERIFY(!s);
        QVERIFY(QString::fromStdString(s.error().message).contains("state vector"));
    }

    void cancelAndProgress()
    {
        const Program p = compile(test::randomCircuit(3, {4, 40}));
        const NoiseModel noise = mixedModel();
        std::atomic<bool> cancel{true};
        SimOptions o;
        o.noise = &noise;
        o.cancel = &cancel;
        auto r = simulateDensityMatrix(p, o);
        QVERIFY(!r);
        QCOMPARE(r.error().message, std::string("cancelled"));
        cancel = false;
        std::vector<double> seen;
        o.progress = [&](double f) { seen.push_back(f); };
        QVERIFY(simulateDensityMatrix(p, o));
        QVERIFY(seen.size() >= 2);
        QCOMPARE(seen.back(), 1.0);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    }
};

QTEST_APPLESS_MAIN(TestDensityMatrix)
#include "tst_density_matrix.moc"
