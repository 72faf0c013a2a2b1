// tests/transpile/tst_transpile_passes.cpp — the transpiler's stages one by one: exact 1-qubit
// synthesis into every basis on random and special unitaries, each peephole pass on a known
// pattern, the noise-aware layout, and the schedule and metrics against values computed by
// hand for a hand-made profile.
#include "support/reference.h"
#include "transpile/transpile_devices.h"

#include <QtTest>

#include <random>

using namespace qpilot;
using namespace qpilot::test;

Q_DECLARE_METATYPE(qpilot::OneQubitBasis)

namespace {

Matrix unitaryWithPhase(const Circuit& c)
{
    return circuitUnitary(c); // gphase ops are 0-qubit gates: the reference multiplies them in
}

Circuit lineCircuit(int n) {
    Circuit c;
    c.addQreg("q", n);
    return c;
}

NativeBasis zsxBasis()
{
    DeviceProfile d = makeDevice("square-cz-zsx");
    return nativeBasisFor(d).value();
}

int gateCount(const Circuit& c, bool countPhase = false)
{
    int k = 0;
    for (const Operation& o : c.ops)
        if (const auto* g = std::get_if<GateOp>(&o.op); g && (countPhase || g->kind != GateKind::GPhase))
            ++k;
    return k;
}

DeviceProfile handProfile()
{
    DeviceProfile d;
    d.id = "hand";
    d.numQubits = 3;
    d.couplers = lineCouplers(3);
    d.nativeGates = {"cz", "rz", "sx", "x"};
    d.gateTime1q = 50e-9;
    d.gateTime2q = 300e-9;
    d.readoutTime = 1e-6;
    d.gateError1q = 1e-3;
    d.gateError2q = 1e-2;
    d.readoutError = 0.02;
    d.t1 = 100e-6;
    return d;
}

} // namespace

class TestTranspilePasses : public QObject {
    Q_OBJECT
private slots:
    void synthesisIsExact_data()
    {
        QTest::addColumn<OneQubitBasis>("basis");
        QTest::addColumn<bool>("hasX");
        QTest::addColumn<int>("maxGates");
        QTest::newRow("rz sx x") << OneQubitBasis::ZSX << true << 5;
        QTest::newRow("rz sx") << OneQubitBasis::ZSX << false << 5;
        QTest::newRow("rz rx") << OneQubitBasis::ZRX << false << 5;
        QTest::newRow("prx") << OneQubitBasis::PRX << false << 2;
        QTest::newRow("prx rz") << OneQubitBasis::PRXRZ << false << 2;
        QTest::newRow("gpi gpi2") << OneQubitBasis::GPI << false << 3;
        QTest::newRow("gpi gpi2 rz") << OneQubitBasis::GPIRZ << false << 3;
    }
    void synthesisIsExact()
    {
        QFETCH(OneQubitBasis, basis);
        QFETCH(bool, hasX);
        QFETCH(int, maxGates);
        std::vector<Matrix> cases;
        std::mt19937_64 rng(2024);
        std::uniform_real_distribution<double> angle(-M_PI, M_PI);
        for (int i = 0; i < 40; ++i) {
            Matrix u = gateMatrix(GateKind::U, {angle(rng), angle(rng), angle(rng)});
            const Complex phase = std::exp(Complex(0, angle(rng)));
            for (Complex& z : u.data)
                z *= phase;
            cases.push_back(u);
        }
        // Special angles: θ = 0, π/2, π and the identity.
        for (GateKind k : {GateKind::I, GateKind::X, GateKind::Y, GateKind::Z, GateKind::H, GateKind::S, GateKind::T,
                           GateKind::SX, GateKind::SXdg})
            cases.push_back(gateMatrix(k, {}));
        for (double a : {0.3, -2.0, M_PI, 2 * M_PI})
            for (GateKind k : {GateKind::RZ, GateKind::RX, GateKind::RY})
                cases.push_back(gateMatrix(k, {a}));
        cases.push_back(gateMatrix(GateKind::RY, {M_PI / 2}));
        cases.push_back(gateMatrix(GateKind::U, {M_PI / 2, 0.4, -1.3}));
        cases.push_back(gateMatrix(GateKind::U, {M_PI, 0.4, -1.3}));
        const std::vector<GateKind> allowed = basis == OneQubitBasis::ZSX   ? std::vector<GateKind>{GateKind::RZ, GateKind::SX, GateKind::X}
                                              : basis == OneQubitBasis::ZRX ? std::vector<GateKind>{GateKind::RZ, GateKind::RX}
                                              : basis == OneQubitBasis::PRX ? std::vector<GateKind>{GateKind::PRX}
                                              : basis == OneQubitBasis::PRXRZ ? std::vector<GateKind>{GateKind::PRX, GateKind::RZ}
                                              : basis == OneQubitBasis::GPI ? std::vector<GateKind>{GateKind::GPI, GateKind::GPI2}
                                                                            : std::vector<GateKind>{GateKind::GPI, GateKind::GPI2, GateKind::RZ};
        for (size_t i = 0; i < cases.size(); ++i) {
            const GateSequence s = synthesizeOneQubit(cases[i], basis, hasX);
            QVERIFY2(int(s.gates.size()) <= maxGates, qPrintable(QString("case %1: %2 gates").arg(i).arg(s.gates.size())));
            Matrix m = Matrix::identity(1);
            for (const GateOp& g : s.gates) {
                QVERIFY(std::find(allowed.begin(), allowed.end(), g.kind) != allowed.end());
                if (!hasX)
                    QVERIFY(g.kind != GateKind::X);
                if (basis == OneQubitBasis::ZRX && g.kind == GateKind::RX) // Rigetti: rx(±π/2), rx(π) only
                    QVERIFY(std::abs(std::abs(g.params[0].constantValue()) - M_PI / 2) < 1e-12
                            || std::abs(std::abs(g.params[0].constantValue()) - M_PI) < 1e-12);
                std::vector<double> p;
                for (const Expr& e : g.params)
                    p.push_back(e.constantValue());
                m = matrixProduct(gateMatrix(g.kind, p), m);
            }
            for (Complex& z : m.data)
                z *= std::exp(Complex(0, s.phase));
            QVERIFY2(maxAbsDiff(m, cases[i]) < 1e-10, qPrintable(QString("case %1: %2 vs %3").arg(i).arg(describe(m), describe(cases[i]))));
        }
        // The identity needs no gate in any basis.
        QVERIFY(synthesizeOneQubit(Matrix::identity(1), basis, hasX).gates.empty());
    }

    void synthesisShortForms()
    {
        QCOMPARE(int(synthesizeOneQubit(gateMatrix(GateKind::X, {}), OneQubitBasis::ZSX, true).gates.size()), 1);
        QCOMPARE(int(synthesizeOneQubit(gateMatrix(GateKind::RZ, {0.7}), OneQubitBasis::ZSX, true).gates.size()), 1);
        QCOMPARE(int(synthesizeOneQubit(gateMatrix(GateKind::H, {}), OneQubitBasis::ZSX, true).gates.size()), 3);
        QCOMPARE(int(synthesizeOneQubit(gateMatrix(GateKind::SX, {}), OneQubitBasis::ZSX, true).gates.size()), 1);
        QCOMPARE(int(synthesizeOneQubit(gateMatrix(GateKind::RX, {0.4}), OneQubitBasis::PRXRZ, false).gates.size()), 1);
        QCOMPARE(int(synthesizeOneQubit(gateMatrix(GateKind::X, {}), OneQubitBasis::GPI, false).gates.size()), 1);
        QCOMPARE(int(synthesizeOneQubit(gateMatrix(GateKind::RX, {M_PI / 2}), OneQubitBasis::GPI, false).gates.size()), 1);
    }

    void nativeBasisFromProfileNames_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<OneQubitBasis>("oneQubit");
        QTest::addColumn<int>("twoQubit");
        QTest::newRow("IBM Eagle") << QStringList{"ecr", "sx", "x", "rz"} << OneQubitBasis::ZSX << int(GateKind::ECR);
        QTest::newRow("IBM Heron r2") << QStringList{"cz", "rzz", "sx", "x", "rz", "rx"} << OneQubitBasis::ZSX << int(GateKind::CZ);
        QTest::newRow("IQM") << QStringList{"prx", "cz"} << OneQubitBasis::PRX << int(GateKind::CZ);
        QTest::newRow("IonQ Aria") << QStringList{"gpi", "gpi2", "ms"} << OneQubitBasis::GPI << int(GateKind::MS);
        QTest::newRow("IonQ Forte (zz)") << QStringList{"gpi", "gpi2", "zz"} << OneQubitBasis::GPI << int(GateKind::RZZ);
        QTest::newRow("Quantinuum (u1q, zz)") << QStringList{"u1q", "rz", "zz"} << OneQubitBasis::PRXRZ << int(GateKind::RZZ);
        QTest::newRow("Rigetti") << QStringList{"rx", "rz", "cz", "iswap"} << OneQubitBasis::ZRX << int(GateKind::CZ);
    }
    void nativeBasisFromProfileNames()
    {
        QFETCH(QStringList, names);
        QFETCH(OneQubitBasis, oneQubit);
        QFETCH(int, twoQubit);
        DeviceProfile d;
        d.id = "x";
        d.numQubits = 2;
        for (const QString& n : names)
            d.nativeGates.push_back(n.toStdString());
        const auto b = nativeBasisFor(d);
        QVERIFY(b.ok());
        QCOMPARE(b.value().oneQubit, oneQubit);
        QCOMPARE(int(b.value().twoQubit), twoQubit);
    }

    void removeIdentitiesKeepsPhase()
    {
        Circuit c = lineCircuit(2);
        c.gate(GateKind::RZ, {0}, {2 * M_PI}).gate(GateKind::RZ, {1}, {0.0}).gate(GateKind::I, {0});
        c.gate(GateKind::RX, {1}, {4 * M_PI}).gate(GateKind::CZ, {0, 1}).gate(GateKind::RZZ, {0, 1}, {0.0});
        const Matrix before = unitaryWithPhase(c);
        QCOMPARE(removeIdentities(c), 5);
        QCOMPARE(gateCount(c), 1);
        QVERIFY(maxAbsDiff(unitaryWithPhase(c), before) < 1e-12); // rz(2π) = -I: a gphase(π) remains
    }

    void cancelInversePairs_data()
    {
        QTest::addColumn<int>("pattern");
        QTest::addColumn<int>("expectedGates");
        QTest::newRow("cx cx") << 0 << 0;
        QTest::newRow("cz both orders") << 1 << 0;
        QTest::newRow("ecr ecr, s sdg") << 2 << 0;
        QTest::newRow("nested: cx h h cx") << 3 << 0;
        QTest::newRow("cx(0,1) cx(1,0) stays") << 4 << 2;
        QTest::newRow("blocked by x") << 5 << 3;
        QTest::newRow("sx sx is not identity") << 6 << 2;
    }
    void cancelInversePairs()
    {
        QFETCH(int, pattern);
        QFETCH(int, expectedGates);
        Circuit c = lineCircuit(3);
        using K = GateKind;
        switch (pattern) {
        case 0: c.gate(K::CX, {0, 1}).gate(K::CX, {0, 1}); break;
        case 1: c.gate(K::CZ, {1, 2}).gate(K::CZ, {2, 1}); break;
        case 2: c.gate(K::ECR, {0, 1}).gate(K::S, {2}).gate(K::ECR, {0, 1}).gate(K::Sdg, {2}); break;
        case 3: c.gate(K::CX, {0, 1}).gate(K::H, {1}).gate(K::H, {1}).gate(K::CX, {0, 1}); break;
        case 4: c.gate(K::CX, {0, 1}).gate(K::CX, {1, 0}); break;
        case 5: c.gate(K::CX, {0, 1}).gate(K::X, {1}).gate(K::CX, {0, 1}); break;
        case 6: c.gate(K::SX, {0}).gate(K::SX, {0}); break;
        }
        const Matrix before = unitaryWithPhase(c);
        qpilot::cancelInversePairs(c);
        QCOMPARE(gateCount(c), expectedGates);
        QVERIFY(maxAbsDiff(unitaryWithPhase(c), before) < 1e-12);
    }

    void rzCommutesThroughControls()
    {
        Circuit c = lineCircuit(2);
        c.gate(GateKind::RZ, {0}, {0.3}).gate(GateKind::CZ, {0, 1}).gate(GateKind::RZ, {0}, {0.4});
        c.gate(GateKind::RZ, {1}, {0.5}).gate(GateKind::CX, {0, 1}).gate(GateKind::RZ, {0}, {0.6});
        const Matrix before = unitaryWithPhase(c);
        QVERIFY(commuteRzThroughControls(c) >= 2);
        QVERIFY(maxAbsDiff(unitaryWithPhase(c), before) < 1e-12);
        mergeOneQubitRuns(c, zsxBasis());
        QVERIFY(maxAbsDiff(unitaryWithPhase(c), before) < 1e-12);
        // cz, cx and two rz left: rz(0.3+0.4+0.6) on q0 after the cx, rz(0.5) on q1 before it.
        QCOMPARE(gateCount(c), 4);

        // A Z rotation on a cx target does not commute: nothing moves.
        Circuit t = lineCircuit(2);
        t.gate(GateKind::RZ, {1}, {0.3}).gate(GateKind::CX, {0, 1}).gate(GateKind::RZ, {1}, {0.4});
        QCOMPARE(commuteRzThroughControls(t), 0);
    }

    void mergeOneQubitRunsResynthesises()
    {
        Circuit c = lineCircuit(2);
        c.gate(GateKind::H, {0}).gate(GateKind::H, {0}); // identity: disappears
        for (double a : {0.1, 0.2, 0.3, 0.4})
            c.gate(GateKind::RZ, {1}, {a}).gate(GateKind::SX, {1});
        c.gate(GateKind::RZ, {1}, {0.5}); // 9 native gates: at most 5 after
        const Matrix before = unitaryWithPhase(c);
        QCOMPARE(mergeOneQubitRuns(c, zsxBasis()), 2);
        QVERIFY(gateCount(c) <= 5);
        QVERIFY(maxAbsDiff(unitaryWithPhase(c), before) < 1e-12);
        for (const Operation& o : c.ops)
            if (const auto* g = std::get_if<GateOp>(&o.op); g && g->kind != GateKind::GPhase)
                QVERIFY(g->qubits[0] == 1);
    }

    void noiseAwareLayoutPrefersGoodQubits()
    {
        DeviceProfile d;
        d.id = "line6";
        d.numQubits = 6;
        d.couplers = lineCouplers(6);
        d.nativeGates = {"cz", "rz", "sx"};
        d.gateError2q = 0.05;
        d.readoutError = 0.05;
        d.gates = {{"cz", {3, 4}, 0.001, std::nullopt}, {"cz", {4, 5}, 0.002, std::nullopt}};
        d.qubits.resize(6);
        for (int q : {3, 4, 5})
            d.qubits[size_t(q)].readoutP0Given1 = d.qubits[size_t(q)].readoutP1Given0 = 0.005;
        Circuit c = lineCircuit(3);
        c.gate(GateKind::CX, {0, 1}).gate(GateKind::CX, {1, 2}).gate(GateKind::CX, {1, 2});
        const CouplingMap map = couplingMapFor(d).value();
        const std::vector<int> layout = chooseLayout(c, d, map, LayoutMethod::NoiseAware).value();
        std::vector<int> sorted = layout;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, (std::vector<int>{3, 4, 5}));
        QCOMPARE(layout[1], 4); // the busiest logical qubit sits in the middle
        const std::vector<int> trivial = chooseLayout(c, d, map, LayoutMethod::Trivial).value();
        QCOMPARE(trivial, (std::vector<int>{0, 1, 2}));
    }

    void denseLayoutPicksTheHub()
    {
        // A star (0 is the hub of 1..4) with a tail 4-5-6: a 3-qubit path circuit goes on the hub.
        DeviceProfile d;
        d.id = "star";
        d.numQubits = 7;
        d.couplers = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {4, 5}, {5, 6}};
        d.nativeGates = {"cz", "rz", "sx"};
        Circuit c = lineCircuit(4);
        c.gate(GateKind::CX, {0, 1}).gate(GateKind::CX, {0, 2}).gate(GateKind::CX, {0, 3});
        const std::vector<int> layout = chooseLayout(c, d, couplingMapFor(d).value(), LayoutMethod::Dense).value();
        QCOMPARE(layout[0], 0);
    }

    void scheduleAndMetricsByHand()
    {
        const DeviceProfile d = handProfile();
        Circuit c = lineCircuit(3);
        c.addCreg("c", 2);
        c.gate(GateKind::SX, {0}).gate(GateKind::SX, {2}).gate(GateKind::CZ, {0, 1}).gate(GateKind::RZ, {1}, {0.5});
        c.gate(GateKind::CZ, {1, 2}).measure(0, 0).measure(2, 1);
        // ASAP: sx0, sx2 [0, 50 ns]; cz01 [50, 350]; rz1 (virtual) at 350; cz12 [350, 650];
        // measure q0 [350, 1350]; measure q2 [650, 1650].
        const Schedule s = scheduleCircuit(c, d);
        QVERIFY(std::abs(s.duration - 1650e-9) < 1e-15);
        QVERIFY(std::abs(s.idle[0]) < 1e-15);
        QVERIFY(std::abs(s.idle[1]) < 1e-15);
        QVERIFY(std::abs(s.idle[2] - 300e-9) < 1e-15); // waits for cz01 before cz12
        const TranspileMetrics m = computeMetrics(c, d, 0);
        QCOMPARE(m.depth, 5);
        QCOMPARE(m.twoQubitDepth, 2);
        QCOMPARE(m.twoQubitCount, 2);
        QCOMPARE(m.oneQubitCount, 3);
        QCOMPARE(m.measurements, 2);
        QVERIFY(m.duration && std::abs(*m.duration - 1650e-9) < 1e-15);
        // e_F = r (d+1)/d: 1.5e-3 per sx, 1.25e-2 per cz; readout 2 %; idle 300 ns at T1 = 100 us.
        const double expected = std::pow(1 - 1.5e-3, 2) * std::pow(1 - 1.25e-2, 2) * std::pow(0.98, 2) * std::exp(-300e-9 / 100e-6);
        QVERIFY(m.successProbability);
        QVERIFY2(std::abs(*m.successProbability - expected) < 1e-12, qPrintable(QString::number(*m.successProbability, 'g', 15)));

        // Per-gate calibration overrides the medians.
        DeviceProfile cal = d;
        cal.gates = {{"cz", {2, 1}, 0.05, 500e-9}};
        const TranspileMetrics mc = computeMetrics(c, cal, 0);
        // cz12 [350, 850]; measure q2 [850, 1850]; q2 still idles 300 ns (50 → 350).
        QVERIFY(mc.duration && std::abs(*mc.duration - 1850e-9) < 1e-15);
        const double expectedCal = std::pow(1 - 1.5e-3, 2) * (1 - 1.25e-2) * (1 - 0.05 * 1.25) * std::pow(0.98, 2)
                                   * std::exp(-300e-9 / 100e-6);
        QVERIFY(std::abs(*mc.successProbability - expectedCal) < 1e-12);
    }

    void metricsSayWhatIsMissing_data()
    {
        QTest::addColumn<QString>("drop");
        QTest::addColumn<QString>("note");
        QTest::addColumn<bool>("durationKnown");
        QTest::newRow("2q error") << "gateError2q" << "no error for gate 'cz'" << true;
        QTest::newRow("readout error") << "readoutError" << "no readout error for qubit" << true;
        QTest::newRow("T1") << "t1" << "no T1 for qubit 2" << true;
        QTest::newRow("2q duration") << "gateTime2q" << "duration of gate 'cz'" << false;
        QTest::newRow("readout time") << "readoutTime" << "no readout time" << false;
    }
    void metricsSayWhatIsMissing()
    {
        QFETCH(QString, drop);
        QFETCH(QString, note);
        QFETCH(bool, durationKnown);
        DeviceProfile d = handProfile();
        if (drop == "gateError2q") d.gateError2q.reset();
        if (drop == "readoutError") d.readoutError.reset();
        if (drop == "t1") d.t1.reset();
        if (drop == "gateTime2q") d.gateTime2q.reset();
        if (drop == "readoutTime") d.readoutTime.reset();
        Circuit c = lineCircuit(3);
        c.addCreg("c", 2);
        c.gate(GateKind::SX, {0}).gate(GateKind::SX, {2}).gate(GateKind::CZ, {0, 1}).gate(GateKind::CZ, {1, 2});
        c.measure(0, 0).measure(2, 1); // q2 idles 300 ns between its sx and cz
        const TranspileMetrics m = computeMetrics(c, d, 0);
        QCOMPARE(m.duration.has_value(), durationKnown);
        QVERIFY2(QString::fromStdString(m.successNote).contains(note), m.successNote.c_str());
        // Missing durations leave idle decay out but keep the gate and readout product.
        QCOMPARE(m.successProbability.has_value(), drop == "readoutTime" || drop == "gateTime2q");
    }

    void endToEndMetrics()
    {
        // cz + measure on a native line device: nothing to translate, route or optimise.
        const DeviceProfile d = handProfile();
        Circuit c = lineCircuit(2);
        c.addCreg("c", 2);
        c.gate(GateKind::CZ, {0, 1}).measure(0, 0).measure(1, 1);
        TranspileOptions o;
        o.layout = LayoutMethod::Trivial;
        const TranspileResult r = transpile(c, d, o).value();
        QCOMPARE(r.metrics.twoQubitCount, 1);
        QCOMPARE(r.metrics.oneQubitCount, 0);
        QCOMPARE(r.metrics.depth, 2);
        QCOMPARE(r.metrics.swaps, 0);
        QVERIFY(std::abs(*r.metrics.duration - 1.3e-6) < 1e-15);
        QVERIFY(std::abs(*r.metrics.successProbability - (1 - 1.25e-2) * 0.98 * 0.98) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestTranspilePasses)
#include "tst_transpile_passes.moc"
