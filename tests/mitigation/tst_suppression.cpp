// tests/mitigation/tst_suppression.cpp — Pauli twirling and dynamical decoupling: the
// conjugated Pauli makes every twirled cx/cz/ecr equal to the gate (dense matrices), twirled
// and DD circuits are unitarily equal to the original, twirling leaves a Pauli-noise value
// unchanged (depolarizing noise is twirl-invariant), Qiskit's auto randomizations, and DD fills
// exactly the idle windows at least as long as the sequence (hand-computed schedule).
#include "core/mitigation/mitigation.h"

#include "core/device/device.h"
#include "support/random_circuit.h"
#include "support/reference.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::mitigation;

Q_DECLARE_METATYPE(qpilot::GateKind)
Q_DECLARE_METATYPE(qpilot::mitigation::DDSequence)

namespace {

const GateKind kPauli[4] = {GateKind::I, GateKind::X, GateKind::Y, GateKind::Z};

DeviceProfile timedDevice()
{
    DeviceProfile d;
    d.id = "timed";
    d.numQubits = 3;
    d.nativeGates = {"rz", "sx", "x", "cx"};
    d.gateTime1q = 50e-9;
    d.gateTime2q = 300e-9;
    return d;
}

// Schedule (ns): x q0 [0,50], x q0 [50,100], cx q1,q2 [0,300], cx q0,q1 [300,600] (q0 idle
// 100→300 = 200), x q2 ×3 [300,450], cx q1,q2 [600,900] (q2 idle 450→600 = 150), end 900
// (q0 idle 600→900 = 300). XX (100 ns) fits all 3 windows; XY4 (200 ns) fits 2, skips 150.
Circuit scheduledCircuit()
{
    Circuit c;
    c.addQreg("q", 3);
    c.gate(GateKind::X, {0}).gate(GateKind::X, {0}).gate(GateKind::CX, {1, 2}).gate(GateKind::CX, {0, 1});
    c.gate(GateKind::X, {2}).gate(GateKind::X, {2}).gate(GateKind::X, {2}).gate(GateKind::CX, {1, 2});
    return c;
}

} // namespace

class TestSuppression : public QObject {
    Q_OBJECT
private slots:
    void twirledGateIsExact_data()
    {
        QTest::addColumn<GateKind>("gate");
        QTest::addColumn<int>("pauli");
        for (GateKind g : {GateKind::CX, GateKind::CZ, GateKind::ECR})
            for (int p = 0; p < 16; ++p)
                QTest::newRow(qPrintable(QString("%1 P%2").arg(gateInfo(g).name).arg(p))) << g << p;
    }
    void twirledGateIsExact()
    {
        QFETCH(GateKind, gate);
        QFETCH(int, pauli);
        const auto [q, sign] = conjugatePauli(gate, pauli);
        QVERIFY(q >= 0 && (sign == 1 || sign == -1));
        // P before, G, Q after as ordinary x/y/z gates: Q·G·P = sign·G.
        Circuit twirled, plain;
        twirled.addQreg("q", 2);
        plain.addQreg("q", 2);
        for (int k = 0; k < 2; ++k)
            if (int p = (pauli >> (2 * k)) & 3)
                twirled.gate(kPauli[p], {k});
        twirled.gate(gate, {0, 1});
        for (int k = 0; k < 2; ++k)
            if (int p = (q >> (2 * k)) & 3)
                twirled.gate(kPauli[p], {k});
        plain.gate(gate, {0, 1});
        const Matrix a = test::circuitUnitary(twirled), b = test::circuitUnitary(plain);
        double diff = 0;
        for (std::size_t i = 0; i < a.data.size(); ++i)
            diff = std::max(diff, std::abs(a.data[i] - double(sign) * b.data[i]));
        QVERIFY2(diff < 1e-12, qPrintable(QString::number(diff)));
    }

    void twirledCircuitIsUnitarilyEqual()
    {
        test::RandomCircuitOptions o;
        o.qubits = 3;
        o.gates = 12;
        Circuit c = unitaryPart(test::randomCircuit(4, o)).value();
        c.gate(GateKind::CX, {0, 2}).gate(GateKind::CZ, {1, 2}).gate(GateKind::ECR, {2, 0});
        int expected = 0;
        for (const Operation& op : c.ops)
            if (const auto* g = std::get_if<GateOp>(&op.op); g && isTwirlable(*g))
                ++expected;
        for (std::uint64_t seed : {1, 2, 3}) {
            int twirled = 0;
            const Circuit t = twirlCircuit(c, seed, &twirled);
            QCOMPARE(twirled, expected);
            QVERIFY(t.ops.size() > c.ops.size());
            QVERIFY(test::maxDiffUpToPhase(test::circuitUnitary(t), test::circuitUnitary(c)) < 1e-10);
        }
        QVERIFY(twirlCircuit(c, 1) == twirlCircuit(c, 1));
        QVERIFY(twirlCircuit(c, 1) != twirlCircuit(c, 2));
    }

    void twirlingKeepsPauliNoiseValue()
    {
        NoiseModel noise;
        noise.setDefault1q({depolarizing(1, 0.01)});
        noise.setDefault2q({depolarizing(2, 0.05)});
        Circuit c;
        c.addQreg("q", 3);
        c.gate(GateKind::H, {0}).gate(GateKind::CX, {0, 1}).gate(GateKind::CZ, {1, 2}).gate(GateKind::RX, {2}, {Expr(0.4)});
        Backend b{&noise, 0, 0, nullptr};
        const double noisy = measurePauli(c, "ZZZ", b).value().value;
        auto r = runTwirl(c, "ZZZ", 8, b);
        QVERIFY(r.ok());
        QCOMPARE(r.value().instances, 8);
        QCOMPARE(r.value().twirledGates, 2);
        QVERIFY2(std::abs(r.value().estimate - noisy) < 1e-12, qPrintable(QString("%1 vs %2").arg(r.value().estimate).arg(noisy)));
        Backend shots{&noise, 4096, 9, nullptr};
        auto s = runTwirl(c, "ZZZ", 0, shots);
        QVERIFY(s.ok());
        QCOMPARE(s.value().instances, autoRandomizations(4096));
        QCOMPARE(s.value().shots, std::int64_t(s.value().instances) * ((4096 + s.value().instances - 1) / s.value().instances));
        QVERIFY(std::abs(s.value().estimate - noisy) < 4 * s.value().stdError);
    }

    void autoRandomizationsRule()
    {
        // Qiskit: shots per randomization max(64, ⌈S/32⌉), R = ⌈S/that⌉.
        QCOMPARE(autoRandomizations(100), 2);
        QCOMPARE(autoRandomizations(1000), 16);
        QCOMPARE(autoRandomizations(4096), 32);
        QCOMPARE(autoRandomizations(100000), 32);
        QCOMPARE(autoRandomizations(0), 32);
    }

    void ddFillsLongEnoughWindows_data()
    {
        QTest::addColumn<DDSequence>("sequence");
        QTest::addColumn<int>("filled");
        QTest::addColumn<int>("skipped");
        QTest::addColumn<int>("pulses");
        QTest::newRow("XX") << DDSequence::XX << 3 << 0 << 6;
        QTest::newRow("XY4") << DDSequence::XY4 << 2 << 1 << 8;
    }
    void ddFillsLongEnoughWindows()
    {
        QFETCH(DDSequence, sequence);
        QFETCH(int, filled);
        QFETCH(int, skipped);
        QFETCH(int, pulses);
        const Circuit c = scheduledCircuit();
        auto r = insertDynamicalDecoupling(c, timedDevice(), sequence);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(int(r.value().filled.size()), filled);
        QCOMPARE(r.value().skippedWindows, skipped);
        QCOMPARE(r.value().pulses, pulses);
        for (const DDWindow& w : r.value().filled)
            QVERIFY(w.length + 1e-15 >= r.value().sequenceDuration);
        // The sequence composes to ±I: the circuit's unitary is unchanged (up to phase).
        QVERIFY(test::maxDiffUpToPhase(test::circuitUnitary(r.value().circuit), test::circuitUnitary(c)) < 1e-12);
        // The pulses fit the windows: rescheduling the decoupled circuit finds no window that
        // the sequence fits any more except those shorter ones it skipped.
        auto again = insertDynamicalDecoupling(r.value().circuit, timedDevice(), sequence);
        QVERIFY(again.ok());
        QVERIFY(again.value().filled.empty() || sequence == DDSequence::XX);
    }

    void ddNeedsDurations()
    {
        DeviceProfile d = timedDevice();
        d.gateTime2q.reset();
        QVERIFY(!insertDynamicalDecoupling(scheduledCircuit(), d, DDSequence::XX).ok());
    }
};

QTEST_APPLESS_MAIN(TestSuppression)
#include "tst_suppression.moc"
