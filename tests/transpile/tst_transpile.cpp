// tests/transpile/tst_transpile.cpp — the transpiler end to end: for random circuits (up to 8
// qubits, with modifiers and 3-qubit gates) on every device family and at every level, the ISA
// circuit uses only native gates on allowed pairs and equals the input up to the reported
// layouts, routing permutation and global phase (state-vector check on the touched physical
// qubits, and the dense reference for small cases); same seed ⇒ byte-identical OpenQASM; the
// documented errors.
#include "support/random_circuit.h"
#include "support/reference.h"
#include "transpile/transpile_devices.h"

#include "core/circuit/qasm.h"

#include <QtTest>

#include <set>

using namespace qpilot;
using namespace qpilot::test;

namespace {

template <class T>
QString errText(const Result<T>& r)
{
    return r ? QString() : QString::fromStdString(r.error().message);
}

QString transpileError(const Circuit& c, const DeviceProfile& d, TranspileOptions o = {})
{
    auto r = transpile(c, d, o);
    return r ? QString() : QString::fromStdString(r.error().message);
}

Circuit qft(int n)
{
    Circuit c;
    c.addQreg("q", n);
    for (int i = n - 1; i >= 0; --i) {
        c.gate(GateKind::H, {i});
        for (int j = i - 1; j >= 0; --j)
            c.gate(GateKind::CP, {j, i}, {M_PI / double(1 << (i - j))});
    }
    return c;
}

} // namespace

class TestTranspile : public QObject {
    Q_OBJECT
private slots:
    void equivalentOnEveryFamily_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("seed");
        for (const char* f : kFamilies)
            for (int level = 0; level <= 3; ++level)
                for (int seed = 1; seed <= 3; ++seed)
                    QTest::newRow(qPrintable(QString("%1 L%2 s%3").arg(f).arg(level).arg(seed))) << QString(f) << level << seed;
    }
    void equivalentOnEveryFamily()
    {
        QFETCH(QString, family);
        QFETCH(int, level);
        QFETCH(int, seed);
        const DeviceProfile device = makeDevice(family.toStdString());
        RandomCircuitOptions ro;
        ro.qubits = 2 + (seed * 3 + level) % 7; // 2..8
        ro.gates = 24;
        ro.modifiers = seed % 2 == 1;
        ro.globalPhase = true;
        const Circuit c = randomCircuit(std::uint64_t(seed * 1000 + level * 17 + int(family.size())), ro);
        TranspileOptions o;
        o.level = level;
        o.seed = std::uint64_t(seed);
        auto r = transpile(c, device, o);
        QVERIFY2(r.ok(), qPrintable(errText(r)));
        const QString problem = checkTranspiled(c, device, r.value(), std::uint64_t(seed));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(int(r.value().initialLayout.size()), ro.qubits);
        QCOMPARE(r.value().circuit.numQubits(), device.numQubits);
    }

    // Every layout method on every coupled family, on a routing-heavy circuit (QFT-6).
    void layoutsRouteCorrectly_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<int>("layout");
        for (const char* f : {"heavyhex-ecr", "heavyhex-cz", "square-prx-cz", "ion-ms"})
            for (LayoutMethod m : {LayoutMethod::Trivial, LayoutMethod::Dense, LayoutMethod::NoiseAware})
                QTest::newRow(qPrintable(QString("%1 %2").arg(f, layoutMethodName(m)))) << QString(f) << int(m);
    }
    void layoutsRouteCorrectly()
    {
        QFETCH(QString, family);
        QFETCH(int, layout);
        DeviceProfile device = makeDevice(family.toStdString());
        const Circuit c = qft(6);
        TranspileOptions o;
        o.layout = LayoutMethod(layout);
        o.level = 1;
        auto r = transpile(c, device, o);
        QVERIFY2(r.ok(), qPrintable(errText(r)));
        const QString problem = checkTranspiled(c, device, r.value());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (LayoutMethod(layout) == LayoutMethod::Trivial)
            for (int l = 0; l < 6; ++l)
                QCOMPARE(r.value().initialLayout[size_t(l)], l);
    }

    // The dense reference (reference.h) agrees where there is no routing: all-to-all devices.
    void denseReferenceAgrees_data()
    {
        QTest::addColumn<QString>("family");
        for (const char* f : {"ion-ms", "ion-rzz", "quantinuum"})
            QTest::newRow(f) << QString(f);
    }
    void denseReferenceAgrees()
    {
        QFETCH(QString, family);
        DeviceProfile device = makeDevice(family.toStdString());
        device.numQubits = 4;
        RandomCircuitOptions ro;
        ro.qubits = 4;
        ro.gates = 30;
        const Circuit c = randomCircuit(99, ro);
        TranspileOptions o;
        o.level = 1;
        o.layout = LayoutMethod::Trivial;
        auto r = transpile(c, device, o);
        QVERIFY(r.ok());
        QCOMPARE(r.value().metrics.swaps, 0);
        Matrix isa = circuitUnitary(r.value().circuit);
        for (Complex& z : isa.data)
            z *= std::exp(Complex(0, r.value().globalPhase));
        QVERIFY(maxAbsDiff(isa, circuitUnitary(c)) < 1e-9);
        QVERIFY(maxDiffUpToPhase(isa, circuitUnitary(c)) < 1e-9);
    }

    void sameSeedSameOutput_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<int>("level");
        for (const char* f : {"heavyhex-ecr", "square-cz-zsx"})
            for (int level = 0; level <= 3; ++level)
                QTest::newRow(qPrintable(QString("%1 L%2").arg(f).arg(level))) << QString(f) << level;
    }
    void sameSeedSameOutput()
    {
        QFETCH(QString, family);
        QFETCH(int, level);
        const DeviceProfile device = makeDevice(family.toStdString());
        RandomCircuitOptions ro;
        ro.qubits = 8;
        ro.gates = 60;
        const Circuit c = randomCircuit(7, ro);
        TranspileOptions o;
        o.level = level;
        o.seed = 12345;
        QasmWriteOptions w;
        w.physicalQubits = true;
        const std::string a = writeQasm3(transpile(c, device, o).value().circuit, w).value();
        const std::string b = writeQasm3(transpile(c, device, o).value().circuit, w).value();
        QCOMPARE(a, b);
    }

    void seedsChangeTieBreaks()
    {
        // SABRE meets many equal-score swaps on a heavy-hex lattice; over 8 seeds at least two
        // routings differ (same seed is identical, tested above).
        const DeviceProfile device = makeDevice("heavyhex-cz");
        const Circuit c = qft(8);
        std::set<std::string> outputs;
        QasmWriteOptions w;
        w.physicalQubits = true;
        for (std::uint64_t s = 0; s < 8; ++s) {
            TranspileOptions o;
            o.level = 1;
            o.seed = s;
            o.layout = LayoutMethod::Trivial;
            auto r = transpile(c, device, o);
            QVERIFY(r.ok());
            QVERIFY(checkTranspiled(c, device, r.value()).isEmpty());
            outputs.insert(writeQasm3(r.value().circuit, w).value());
        }
        QVERIFY(outputs.size() >= 2);
    }

    void higherLevelsDoNotAddTwoQubitGates()
    {
        // Summed over a few routing-heavy circuits on heavy-hex: level 1 (layout refinement,
        // peephole passes) beats level 0, and level 3 (seeded trials) is at least as good as 1.
        const DeviceProfile device = makeDevice("heavyhex-cz");
        std::vector<Circuit> circuits{qft(8), qft(6)};
        for (std::uint64_t s : {21, 22}) {
            RandomCircuitOptions ro;
            ro.qubits = 8;
            ro.gates = 80;
            circuits.push_back(randomCircuit(s, ro));
        }
        std::vector<int> twoQ(4, 0);
        for (const Circuit& c : circuits)
            for (int level = 0; level <= 3; ++level) {
                TranspileOptions o;
                o.level = level;
                o.seed = 3;
                auto r = transpile(c, device, o);
                QVERIFY(r.ok());
                QVERIFY(checkTranspiled(c, device, r.value()).isEmpty());
                twoQ[size_t(level)] += r.value().metrics.twoQubitCount;
            }
        const QString counts = QString("%1 %2 %3 %4").arg(twoQ[0]).arg(twoQ[1]).arg(twoQ[2]).arg(twoQ[3]);
        QVERIFY2(twoQ[1] < twoQ[0] && twoQ[3] <= twoQ[1], qPrintable(counts));
        qInfo("2q gates summed over 4 circuits, levels 0-3: %s", qPrintable(counts));
    }

    void controlledPhasesTakeOneRzz_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<int>("expected");
        // QFT-4 has 6 cp; then one crz and one cz.
        QTest::newRow("quantinuum: 1 rzz per cp, crz, cz") << "quantinuum" << 6 + 1 + 1;
        QTest::newRow("ion-rzz: 1 rzz per cp, crz, cz") << "ion-rzz" << 6 + 1 + 1;
        QTest::newRow("ion-ms: 1 ms per cp, crz, cz") << "ion-ms" << 6 + 1 + 1;
    }
    void controlledPhasesTakeOneRzz()
    {
        QFETCH(QString, family);
        QFETCH(int, expected);
        const DeviceProfile device = makeDevice(family.toStdString());
        Circuit c = qft(4);
        c.gate(GateKind::CRZ, {0, 3}, {0.7}).gate(GateKind::CZ, {1, 2});
        auto r = transpile(c, device, TranspileOptions{1, 0, LayoutMethod::Trivial});
        QVERIFY(r.ok());
        QVERIFY(checkTranspiled(c, device, r.value()).isEmpty());
        QCOMPARE(r.value().metrics.twoQubitCount, expected);
    }

    void fractionalRzzBesideCzIsRangeLimited()
    {
        // IBM Heron r2: rzz(θ) runs natively only for 0 < θ ≤ π/2; other angles go through cz.
        DeviceProfile d = makeDevice("square-cz-zsx");
        d.nativeGates = {"cz", "rzz", "sx", "x", "rz", "rx"};
        Circuit c;
        c.addQreg("q", 2);
        c.gate(GateKind::RZZ, {0, 1}, {0.4}).gate(GateKind::RZZ, {0, 1}, {-0.4}).gate(GateKind::H, {0});
        auto r = transpile(c, d, TranspileOptions{1, 0, LayoutMethod::Trivial});
        QVERIFY(r.ok());
        QVERIFY(checkTranspiled(c, d, r.value()).isEmpty());
        int rzz = 0, cz = 0;
        for (const Operation& o : r.value().circuit.ops)
            if (const auto* g = std::get_if<GateOp>(&o.op)) {
                rzz += g->kind == GateKind::RZZ;
                cz += g->kind == GateKind::CZ;
                if (g->kind == GateKind::RZZ)
                    QVERIFY(g->params[0].constantValue() > 0 && g->params[0].constantValue() <= M_PI / 2);
            }
        QCOMPARE(rzz, 1);
        QCOMPARE(cz, 2);
    }

    void zzFeatureMapPairsTakeOneRzz()
    {
        // cx·p(θ)·cx on each pair of a ZZ feature map is one rzz(θ) where rzz is the entangler.
        Circuit c;
        c.addQreg("q", 4);
        for (int i = 0; i < 4; ++i)
            c.gate(GateKind::H, {i}).gate(GateKind::P, {i}, {0.3 * (i + 1)});
        int pairs = 0;
        for (int i = 0; i < 4; ++i)
            for (int j = i + 1; j < 4; ++j, ++pairs)
                c.gate(GateKind::CX, {i, j}).gate(GateKind::P, {j}, {0.2 + 0.1 * pairs}).gate(GateKind::T, {i}).gate(GateKind::CX, {i, j});
        for (const char* family : {"quantinuum", "ion-rzz", "ion-ms"}) {
            const DeviceProfile device = makeDevice(family);
            auto r = transpile(c, device, TranspileOptions{1, 0, std::nullopt});
            QVERIFY(r.ok());
            QVERIFY(checkTranspiled(c, device, r.value()).isEmpty());
            QCOMPARE(r.value().metrics.twoQubitCount, pairs);
        }
        // A pair with a large angle: |β| > π/2 takes two ms(·, ·, θ ≤ π/2).
        Circuit big = c;
        big.gate(GateKind::CX, {0, 1}).gate(GateKind::RZ, {1}, {-2.5}).gate(GateKind::CX, {0, 1});
        const DeviceProfile ms = makeDevice("ion-ms");
        auto r = transpile(big, ms, TranspileOptions{1, 0, std::nullopt});
        QVERIFY(r.ok());
        QVERIFY(checkTranspiled(big, ms, r.value()).isEmpty());
        QCOMPARE(r.value().metrics.twoQubitCount, pairs + 2);
        for (const Operation& o : r.value().circuit.ops)
            if (const auto* g = std::get_if<GateOp>(&o.op); g && g->kind == GateKind::MS) {
                const double theta = g->params[2].constantValue();
                QVERIFY(theta > 0 && theta <= M_PI / 2 + 1e-12);
            }
    }

    void measurementsResetsAndConditions()
    {
        Circuit c;
        c.addQreg("q", 3);
        c.addCreg("c", 3);
        c.gate(GateKind::H, {0}).gate(GateKind::CX, {0, 2}).measure(0, 0);
        IfElseOp ie;
        ie.condition = Condition{{0}, 1};
        ie.thenOps = {Operation{GateOp{GateKind::X, {}, {}, {2}, {}}}};
        ie.elseOps = {Operation{GateOp{GateKind::H, {}, {}, {1}, {}}}};
        c.ops.push_back(Operation{ie});
        c.ops.push_back(Operation{ResetOp{0}});
        c.measure(2, 2);
        const DeviceProfile device = makeDevice("heavyhex-ecr");
        auto r = transpile(c, device, TranspileOptions{2, 5, std::nullopt});
        QVERIFY2(r.ok(), qPrintable(errText(r)));
        const TranspileResult& t = r.value();
        int measures = 0, ifs = 0, resets = 0;
        for (const Operation& o : t.circuit.ops) {
            if (const auto* m = std::get_if<MeasureOp>(&o.op)) {
                ++measures;
                QCOMPARE(m->qubit, m->clbit == 0 ? t.finalLayout[0] : t.finalLayout[2]);
            } else if (const auto* ie2 = std::get_if<IfElseOp>(&o.op)) {
                ++ifs;
                for (const auto* body : {&ie2->thenOps, &ie2->elseOps})
                    for (const Operation& b : *body)
                        QVERIFY(nativeBasisFor(device).value().isNative(std::get<GateOp>(b.op).kind));
            } else if (std::holds_alternative<ResetOp>(o.op)) {
                ++resets;
            }
        }
        QCOMPARE(measures, 2);
        QCOMPARE(ifs, 1);
        QCOMPARE(resets, 1);
        QCOMPARE(t.metrics.measurements, 2);
        QVERIFY(t.metrics.successProbability.has_value());
    }

    void conditionalTwoQubitGateIsRouted()
    {
        // An if/else whose two-qubit gates act on one pair: the router brings the pair together.
        const DeviceProfile device = makeDevice("heavyhex-ecr");
        Circuit c;
        c.addQreg("q", 6);
        c.addCreg("c", 1);
        c.gate(GateKind::H, {0}).measure(0, 0);
        IfElseOp ie;
        ie.condition = Condition{{0}, 1};
        ie.thenOps = {Operation{GateOp{GateKind::CX, {}, {}, {1, 5}, {}}}, Operation{GateOp{GateKind::CZ, {}, {}, {5, 1}, {}}}};
        c.ops.push_back(Operation{ie});
        auto r = transpile(c, device, TranspileOptions{0, 1, LayoutMethod::Trivial});
        QVERIFY2(r.ok(), qPrintable(errText(r)));
        QVERIFY(r.value().metrics.swaps >= 1);
        int twoQ = 0;
        for (const Operation& o : r.value().circuit.ops)
            if (const auto* b = std::get_if<IfElseOp>(&o.op))
                for (const Operation& x : b->thenOps) {
                    const auto& g = std::get<GateOp>(x.op);
                    QVERIFY(nativeBasisFor(device).value().isNative(g.kind));
                    if (g.qubits.size() == 2) {
                        ++twoQ;
                        QVERIFY(allowsTwoQubitGate(device, g.qubits[0], g.qubits[1]));
                        const std::set<int> pair{g.qubits[0], g.qubits[1]};
                        QCOMPARE(pair, (std::set<int>{r.value().finalLayout[1], r.value().finalLayout[5]}));
                    }
                }
        QCOMPARE(twoQ, 2); // cx and cz each one ecr
    }

    void errors_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        QTest::newRow("too wide") << "wide" << "has only 20";
        QTest::newRow("no coupling map") << "nomap" << "has no coupling map";
        QTest::newRow("disconnected") << "disconnected" << "disconnected";
        QTest::newRow("no 1q basis") << "no1q" << "no single-qubit basis";
        QTest::newRow("no 2q basis") << "no2q" << "no two-qubit gate";
        QTest::newRow("unknown native") << "unknown" << "'foo' is not a gate";
        QTest::newRow("unbound parameter") << "param" << "not bound";
        QTest::newRow("conditional 2q gates") << "ifelse" << "conditional blocks";
        QTest::newRow("bad level") << "level" << "out of range";
    }
    void errors()
    {
        QFETCH(QString, what);
        QFETCH(QString, expected);
        DeviceProfile d = makeDevice("square-cz-zsx");
        Circuit c;
        c.addQreg("q", 3);
        c.gate(GateKind::CX, {0, 2});
        TranspileOptions o;
        if (what == "wide") {
            c = Circuit{};
            c.addQreg("q", 21);
        } else if (what == "nomap") {
            d.couplers.clear();
        } else if (what == "disconnected") {
            d.couplers = {{0, 1}, {1, 2}, {3, 4}};
            c = Circuit{};
            c.addQreg("q", 5);
            c.gate(GateKind::CX, {0, 4});
        } else if (what == "no1q") {
            d.nativeGates = {"rz", "cz"};
        } else if (what == "no2q") {
            d.nativeGates = {"rz", "sx", "iswap"};
        } else if (what == "unknown") {
            d.nativeGates = {"rz", "sx", "foo", "cz"};
        } else if (what == "param") {
            c.parameters = {"theta"};
            c.gate(GateKind::RX, {0}, {Expr::parameter("theta")});
        } else if (what == "ifelse") {
            d = makeDevice("heavyhex-cz");
            c = Circuit{};
            c.addQreg("q", 5);
            c.addCreg("c", 1);
            c.measure(0, 0);
            IfElseOp ie;
            ie.condition = Condition{{0}, 1};
            ie.thenOps = {Operation{GateOp{GateKind::CX, {}, {}, {1, 3}, {}}}, Operation{GateOp{GateKind::CX, {}, {}, {2, 4}, {}}}};
            c.ops.push_back(Operation{ie});
            o.layout = LayoutMethod::Trivial;
        } else if (what == "level") {
            o.level = 4;
        }
        const QString e = transpileError(c, d, o);
        QVERIFY2(e.contains(expected), qPrintable(e));
    }
};

QTEST_APPLESS_MAIN(TestTranspile)
#include "tst_transpile.moc"
