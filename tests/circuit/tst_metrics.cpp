// tests/circuit/tst_metrics.cpp — circuit metrics against hand-counted circuits (GHZ, QFT
// shapes, barriers, conditionals).
#include "core/circuit/circuit.h"

#include <QtTest>

using namespace qpilot;

Q_DECLARE_METATYPE(qpilot::Circuit)

class TestMetrics : public QObject {
    Q_OBJECT
private slots:
    void ghz()
    {
        // GHZ on n qubits: h + chain of n-1 cx: depth n, 2q depth n-1, + measurement layer.
        for (int n : {2, 5, 12}) {
            Circuit c;
            c.addQreg("q", n).addCreg("c", n);
            c.gate(GateKind::H, {0});
            for (int q = 0; q + 1 < n; ++q)
                c.gate(GateKind::CX, {q, q + 1});
            for (int q = 0; q < n; ++q)
                c.measure(q, q);
            CircuitMetrics m = circuitMetrics(c);
            QCOMPARE(m.numQubits, n);
            QCOMPARE(m.width, 2 * n);
            QCOMPARE(m.depth, n + 1);
            QCOMPARE(m.twoQubitDepth, n - 1);
            QCOMPARE(m.oneQubitGates, 1);
            QCOMPARE(m.twoQubitGates, n - 1);
            QCOMPARE(m.measurements, n);
            QCOMPARE(m.size, 1 + (n - 1) + n);
            QCOMPARE(m.countsByName.at("cx"), n - 1);
        }
    }

    void parallelGatesShareALayer()
    {
        Circuit c;
        c.addQreg("q", 4);
        c.gate(GateKind::H, {0}).gate(GateKind::H, {1}).gate(GateKind::H, {2}).gate(GateKind::H, {3});
        c.gate(GateKind::CX, {0, 1}).gate(GateKind::CX, {2, 3});
        c.gate(GateKind::CCX, {0, 2, 3});
        CircuitMetrics m = circuitMetrics(c);
        QCOMPARE(m.depth, 3);
        QCOMPARE(m.twoQubitDepth, 2);
        QCOMPARE(m.multiQubitGates, 1);
    }

    void barriersDoNotCount()
    {
        Circuit c;
        c.addQreg("q", 2);
        c.gate(GateKind::H, {0});
        const Operation barrier{BarrierOp{}};
        c.ops.push_back(barrier);
        c.gate(GateKind::H, {1});
        CircuitMetrics m = circuitMetrics(c);
        QCOMPARE(m.depth, 1);
        QCOMPARE(m.barriers, 1);
        QCOMPARE(m.size, 2);
    }

    void conditionalsWaitForTheirBits()
    {
        // measure q0 -> c0; if (c0) x q1: the x cannot start before the measurement.
        Circuit c;
        c.addQreg("q", 2).addCreg("c", 1);
        c.gate(GateKind::H, {0});
        c.measure(0, 0);
        IfElseOp ie;
        ie.condition = Condition{{0}, 1};
        ie.thenOps.push_back(Operation{GateOp{GateKind::X, {}, {}, {1}, {}}});
        c.ops.push_back(Operation{ie});
        CircuitMetrics m = circuitMetrics(c);
        QCOMPARE(m.depth, 3);
        QCOMPARE(m.conditionals, 1);
        QCOMPARE(m.countsByName.at("x"), 1);
    }

    void modifiersAreLabelled()
    {
        Circuit c;
        c.addQreg("q", 3);
        GateOp g{GateKind::X, {}, {}, {0, 1, 2}, {Modifier{Modifier::Kind::Ctrl, 2, Expr()}}};
        c.ops.push_back(Operation{g});
        CircuitMetrics m = circuitMetrics(c);
        QCOMPARE(m.countsByName.at("ctrl(2)@x"), 1);
        QCOMPARE(m.multiQubitGates, 1);
    }
};

QTEST_MAIN(TestMetrics)
#include "tst_metrics.moc"
