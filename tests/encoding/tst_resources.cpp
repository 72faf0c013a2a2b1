// tests/encoding/tst_resources.cpp — every encoding and ansatz, over a table of feature
// counts and options: the built circuit's metrics equal the resource formula (depth equal when
// the formula is exact, within the bound otherwise), parameter counts equal the published
// formulas (Qiskit RealAmplitudes n(reps+1), EfficientSU2 2n(reps+1); Möttönen CNOTs
// 2^(n+1)-2n-2 from reference §5), entangler maps in Qiskit's order, and bad input.
#include "core/circuit/metrics.h"
#include "core/device/device.h"
#include "core/encoding/encoding.h"

#include <QtTest>

using namespace qpilot;
using namespace qpilot::encoding;

Q_DECLARE_METATYPE(qpilot::encoding::Kind)
Q_DECLARE_METATYPE(qpilot::encoding::Options)

class TestResources : public QObject {
    Q_OBJECT
private slots:
    void formulaMatchesCircuit_data();
    void formulaMatchesCircuit();
    void amplitudeCnotCount_data();
    void amplitudeCnotCount();
    void publishedCounts_data();
    void publishedCounts();
    void entanglerMaps();
    void nativeGatesOnly_data();
    void nativeGatesOnly();
    void deviceNativeAnsatz_data();
    void deviceNativeAnsatz();
    void badInput_data();
    void badInput();
    void catalogListsEverything();
};

void TestResources::formulaMatchesCircuit_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("n");
    QTest::addColumn<Options>("options");
    const Entanglement ents[] = {Entanglement::Full, Entanglement::Linear, Entanglement::ReverseLinear,
                                 Entanglement::Circular, Entanglement::Brick};
    for (int n : {1, 2, 3, 4, 5, 7, 8, 12}) {
        for (Kind k : {Kind::Basis, Kind::Angle, Kind::DenseAngle, Kind::Amplitude}) {
            Options o;
            QTest::addRow("%s N=%d", kindName(k), n) << k << n << o;
        }
        for (Axis a : {Axis::X, Axis::Z}) {
            Options o;
            o.rotation = a;
            QTest::addRow("angle-%s N=%d", axisName(a), n) << Kind::Angle << n << o;
        }
        for (int reps : {1, 2, 3, 5}) {
            for (Entanglement e : ents) {
                Options o;
                o.reps = reps;
                o.entanglement = e;
                for (Kind k : {Kind::ZZ, Kind::RealAmplitudes, Kind::EfficientSU2})
                    QTest::addRow("%s-%s reps=%d n=%d", kindName(k), entanglementName(e), reps, n) << k << n << o;
            }
        }
        for (int layers : {1, 2, 4})
            for (TrainableBlock b : {TrainableBlock::RY, TrainableBlock::RYRZ}) {
                Options o;
                o.layers = layers;
                o.block = b;
                QTest::addRow("reupload L=%d b=%d n=%d", layers, int(b), n) << Kind::Reupload << n << o;
            }
        const std::vector<std::vector<std::string>> natives = {
            {"rz", "sx", "x", "cz"}, {"rz", "sx", "ecr"}, {"prx", "cz"}, {"gpi", "gpi2", "ms"}, {"rx", "ry", "rzz"}};
        for (const auto& nat : natives)
            for (int reps : {1, 3})
                for (Entanglement e : ents) {
                    Options o;
                    o.reps = reps;
                    o.nativeGates = nat;
                    o.entanglement = e;
                    QTest::addRow("hea %s-%s reps=%d n=%d", nat.front().c_str(), entanglementName(e), reps, n)
                        << Kind::HardwareEfficient << n << o;
                }
    }
    Options ring;
    ring.couplers = {{0, 1}, {1, 2}, {2, 3}, {3, 0}};
    QTest::addRow("hea couplers ring") << Kind::HardwareEfficient << 4 << ring; // depth: bound
}

void TestResources::formulaMatchesCircuit()
{
    QFETCH(Kind, kind);
    QFETCH(int, n);
    QFETCH(Options, options);
    auto f = resources(kind, n, options);
    QVERIFY2(f.ok(), f ? "" : f.error().message.c_str());
    auto b = build(kind, n, options);
    QVERIFY(b.ok());
    const CircuitMetrics m = circuitMetrics(b->circuit);
    QCOMPARE(m.numQubits, f->qubits);
    QCOMPARE(static_cast<long long>(m.oneQubitGates), f->oneQubitGates);
    QCOMPARE(static_cast<long long>(m.twoQubitGates), f->twoQubitGates);
    QCOMPARE(m.multiQubitGates, 0);
    // Every formula is exact except the hardware-efficient ansatz on explicit couplers.
    QCOMPARE(f->depthExact, !(kind == Kind::HardwareEfficient && !options.couplers.empty()));
    if (f->depthExact)
        QCOMPARE(static_cast<long long>(m.depth), f->depth);
    else
        QVERIFY(m.depth <= f->depth);
    QCOMPARE(static_cast<int>(b->inputs.size()), f->inputParameters);
    QCOMPARE(static_cast<int>(b->weights.size()), f->trainableParameters);
    QCOMPARE(b->circuit.parameters.size(), b->inputs.size() + b->weights.size());
}

void TestResources::amplitudeCnotCount_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("cnots"); // 2^(n+1) - 2n - 2, written out
    QTest::addColumn<int>("rotations");
    QTest::newRow("n=1") << 1 << 0 << 2;
    QTest::newRow("n=2") << 2 << 2 << 6;
    QTest::newRow("n=3") << 3 << 8 << 14;
    QTest::newRow("n=4") << 4 << 22 << 30;
    QTest::newRow("n=5") << 5 << 52 << 62;
    QTest::newRow("n=6") << 6 << 114 << 126;
}

void TestResources::amplitudeCnotCount()
{
    QFETCH(int, n);
    QFETCH(int, cnots);
    QFETCH(int, rotations);
    // Any N in (2^(n-1), 2^n] uses n qubits.
    for (int N : {(1 << n) / 2 + 1, 1 << n}) {
        auto b = build(Kind::Amplitude, N);
        QVERIFY(b.ok());
        CircuitMetrics m = circuitMetrics(b->circuit);
        QCOMPARE(m.numQubits, n);
        QCOMPARE(m.countsByName["cx"], cnots);
        QCOMPARE(m.twoQubitGates, cnots);
        QCOMPARE(m.countsByName["ry"] + m.countsByName["rz"], rotations);
    }
}

void TestResources::publishedCounts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("reps");
    QTest::addColumn<QString>("entanglement");
    QTest::addColumn<int>("params");
    QTest::addColumn<int>("cx");
    // Qiskit: RealAmplitudes(4, reps=3) has 16 parameters; EfficientSU2(4, reps=3) 32.
    QTest::newRow("RA 4 r3 rl") << "real_amplitudes" << 4 << 3 << "reverse_linear" << 16 << 9;
    QTest::newRow("RA 4 r3 full") << "real_amplitudes" << 4 << 3 << "full" << 16 << 18;
    QTest::newRow("RA 5 r1 circ") << "real_amplitudes" << 5 << 1 << "circular" << 10 << 5;
    QTest::newRow("SU2 4 r3 rl") << "efficient_su2" << 4 << 3 << "reverse_linear" << 32 << 9;
    QTest::newRow("SU2 3 r2 linear") << "efficient_su2" << 3 << 2 << "linear" << 18 << 4;
    // ZZFeatureMap(8, reps=2, full): 2*2*28 = 112 CX per map (224 for compute-uncompute, §5).
    QTest::newRow("ZZ 8 r2 full") << "zz" << 8 << 2 << "full" << 8 << 112;
    QTest::newRow("ZZ 4 r2 linear") << "zz" << 4 << 2 << "linear" << 4 << 12;
    QTest::newRow("ZZ 2 r1 circular") << "zz" << 2 << 1 << "circular" << 2 << 2;
}

void TestResources::publishedCounts()
{
    QFETCH(QString, name);
    QFETCH(int, n);
    QFETCH(int, reps);
    QFETCH(QString, entanglement);
    QFETCH(int, params);
    QFETCH(int, cx);
    Options o;
    o.reps = reps;
    o.entanglement = entanglementByName(entanglement.toStdString());
    auto b = build(*kindByName(name.toStdString()), n, o);
    QVERIFY(b.ok());
    QCOMPARE(static_cast<int>(b->circuit.parameters.size()), params);
    QCOMPARE(circuitMetrics(b->circuit).countsByName["cx"], cx);
}

void TestResources::entanglerMaps()
{
    using P = std::vector<std::pair<int, int>>;
    QCOMPARE(entanglerPairs(Entanglement::Full, 3), (P{{0, 1}, {0, 2}, {1, 2}}));
    QCOMPARE(entanglerPairs(Entanglement::Linear, 4), (P{{0, 1}, {1, 2}, {2, 3}}));
    QCOMPARE(entanglerPairs(Entanglement::ReverseLinear, 4), (P{{2, 3}, {1, 2}, {0, 1}}));
    QCOMPARE(entanglerPairs(Entanglement::Circular, 4), (P{{3, 0}, {0, 1}, {1, 2}, {2, 3}}));
    QCOMPARE(entanglerPairs(Entanglement::Circular, 2), (P{{0, 1}}));
    QCOMPARE(entanglerPairs(Entanglement::Brick, 5), (P{{0, 1}, {2, 3}, {1, 2}, {3, 4}}));
    // The ZZ map's pair block follows the map: CX(i,j), P on j, CX(i,j).
    Options o;
    o.reps = 1;
    o.entanglement = Entanglement::Circular;
    auto b = build(Kind::ZZ, 3, o);
    QVERIFY(b.ok());
    const auto& g = std::get<GateOp>(b->circuit.ops[6].op); // after 3 H and 3 P
    QCOMPARE(g.kind, GateKind::CX);
    QCOMPARE(g.qubits, (std::vector<int>{2, 0}));
}

void TestResources::nativeGatesOnly_data()
{
    QTest::addColumn<QStringList>("native");
    QTest::newRow("ibm") << QStringList{"rz", "sx", "x", "cz"};
    QTest::newRow("ibm ecr") << QStringList{"rz", "sx", "x", "ecr"};
    QTest::newRow("iqm") << QStringList{"prx", "cz"};
    QTest::newRow("ionq") << QStringList{"gpi", "gpi2", "ms"};
    QTest::newRow("rigetti-like") << QStringList{"rx", "rz", "iswap"};
    QTest::newRow("quantinuum") << QStringList{"u1q", "rz", "zz"};
}

void TestResources::nativeGatesOnly()
{
    QFETCH(QStringList, native);
    Options o;
    o.nativeGates.clear();
    for (const QString& s : native)
        o.nativeGates.push_back(s.toStdString());
    auto b = build(Kind::HardwareEfficient, 4, o);
    QVERIFY2(b.ok(), b ? "" : b.error().message.c_str());
    for (const auto& [name, count] : circuitMetrics(b->circuit).countsByName) {
        QVERIFY2(native.contains(QString::fromStdString(name)), name.c_str());
        QVERIFY(count > 0);
    }
}

void TestResources::deviceNativeAnsatz_data()
{
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("layout"); // profile as shipped, heavy-hex directed, all-to-all
    for (const DeviceProfile& d : builtinDevices())
        for (const char* layout : {"profile", "heavy-hex", "all-to-all"})
            QTest::addRow("%s %s", d.id.c_str(), layout) << QString::fromStdString(d.id) << QString(layout);
}

void TestResources::deviceNativeAnsatz()
{
    QFETCH(QString, device);
    QFETCH(QString, layout);
    DeviceProfile d = findDevice(device.toStdString()).value();
    if (layout == "heavy-hex") {
        d.numQubits = 127;
        d.couplers = heavyHexCouplers(127).value();
        d.directed = true; // Eagle-style: (a, b) only as listed
        d.allToAll = false;
    } else if (layout == "all-to-all") {
        d.allToAll = true;
        d.couplers.clear();
    }
    const int n = 5;
    Options base;
    base.reps = 2;
    auto o = hardwareEfficientForDevice(d, n, base);
    QVERIFY2(o.ok(), o ? "" : o.error().message.c_str());
    auto b = build(Kind::HardwareEfficient, n, *o);
    QVERIFY2(b.ok(), b ? "" : b.error().message.c_str());
    // Only the device's native gates; on a coupling map every 2q gate on an allowed coupler in
    // an allowed operand order, otherwise the brick pairs.
    for (const auto& [name, count] : circuitMetrics(b->circuit).countsByName)
        QVERIFY2(std::find(d.nativeGates.begin(), d.nativeGates.end(), name) != d.nativeGates.end(), name.c_str());
    const auto brick = entanglerPairs(Entanglement::Brick, n);
    int twoQ = 0;
    for (const Operation& op : b->circuit.ops) {
        const auto& g = std::get<GateOp>(op.op);
        if (g.qubits.size() != 2)
            continue;
        const std::pair<int, int> pair{g.qubits[0], g.qubits[1]};
        if (d.couplers.empty())
            QVERIFY(std::find(brick.begin(), brick.end(), pair) != brick.end());
        else
            QVERIFY2(allowsTwoQubitGate(d, pair.first, pair.second), qPrintable(QString("%1,%2").arg(pair.first).arg(pair.second)));
        ++twoQ;
    }
    const auto f = resources(Kind::HardwareEfficient, n, *o);
    QCOMPARE(static_cast<long long>(twoQ), f->twoQubitGates);
    // One entangler per coupler among qubits 0..n-1 per rep on a coupling map (a chain of 4 in
    // the heavy-hex numbering; Garnet's real map has 5 among its first 5 qubits), else the
    // brick's 4 pairs on 5 qubits.
    long long couplersInside = 0;
    for (auto [a, b] : undirectedEdges(d))
        couplersInside += a < n && b < n;
    QCOMPARE(static_cast<long long>(twoQ), 2 * (d.couplers.empty() ? 4 : couplersInside));
    QVERIFY(!hardwareEfficientForDevice(d, d.numQubits + 1).ok());
}

void TestResources::badInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("reps");
    QTest::addColumn<QStringList>("native");
    QTest::addColumn<QString>("message");
    QTest::newRow("N=0") << "angle" << 0 << -1 << QStringList{} << "at least 1";
    QTest::newRow("N<0") << "zz" << -3 << -1 << QStringList{} << "at least 1";
    QTest::newRow("basis too large") << "basis" << 5000 << -1 << QStringList{} << "too many";
    QTest::newRow("amplitude too large") << "amplitude" << (1 << 17) << -1 << QStringList{} << "2^16";
    QTest::newRow("reps 0") << "real_amplitudes" << 3 << 0 << QStringList{} << "reps";
    QTest::newRow("native no 2q") << "hardware_efficient" << 3 << 1 << QStringList{"rz", "sx"} << "two-qubit";
    QTest::newRow("native no 1q") << "hardware_efficient" << 3 << 1 << QStringList{"cz"} << "single-qubit";
    QTest::newRow("native unknown") << "hardware_efficient" << 3 << 1 << QStringList{"rz", "sx", "cz", "foo"} << "'foo'";
}

void TestResources::badInput()
{
    QFETCH(QString, name);
    QFETCH(int, n);
    QFETCH(int, reps);
    QFETCH(QStringList, native);
    QFETCH(QString, message);
    Options o;
    o.reps = reps;
    if (!native.isEmpty()) {
        o.nativeGates.clear();
        for (const QString& s : native)
            o.nativeGates.push_back(s.toStdString());
    }
    auto b = build(*kindByName(name.toStdString()), n, o);
    QVERIFY(!b.ok());
    QVERIFY2(QString::fromStdString(b.error().message).contains(message), b.error().message.c_str());
    QVERIFY(!resources(*kindByName(name.toStdString()), n, o).ok());

    // Values: wrong count, not a bit, all zeros, not finite.
    auto basis = build(Kind::Basis, 3).value();
    QVERIFY(!bindFeatures(basis, {1, 0}).ok());
    QVERIFY(!bindFeatures(basis, {1, 0.5, 0}).ok());
    auto amp = build(Kind::Amplitude, 3).value();
    QVERIFY(!bindFeatures(amp, {0, 0, 0}).ok());
    QVERIFY(!bindFeatures(amp, {1, std::nan(""), 0}).ok());
}

void TestResources::catalogListsEverything()
{
    const auto& cat = catalog();
    QCOMPARE(cat.size(), size_t(9));
    for (const CatalogEntry& e : cat) {
        QCOMPARE(kindByName(e.name), std::optional<Kind>(e.kind));
        QCOMPARE(e.ansatz, isAnsatz(e.kind));
        QVERIFY(!e.description.empty());
        QVERIFY(build(e.kind, 4).ok());
    }
}

QTEST_APPLESS_MAIN(TestResources)
#include "tst_resources.moc"
