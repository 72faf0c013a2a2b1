// tests/circuit/tst_transform.cpp — inlining composite gates and decomposing gates with
// modifiers keep the circuit's unitary exactly (global phase included), checked against the
// dense reference; parameter binding; errors for what cannot be decomposed.
#include "support/reference.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::test;

namespace {

Modifier ctrl(int n = 1) { return Modifier{Modifier::Kind::Ctrl, n, Expr()}; }
Modifier negctrl(int n = 1) { return Modifier{Modifier::Kind::NegCtrl, n, Expr()}; }
Modifier inv() { return Modifier{Modifier::Kind::Inv, 1, Expr()}; }
Modifier pow(double k) { return Modifier{Modifier::Kind::Pow, 1, Expr(k)}; }

Operation gop(GateKind k, std::vector<int> q, std::vector<Expr> p = {}, std::vector<Modifier> m = {}, std::string name = {})
{
    GateOp g;
    g.kind = k;
    g.qubits = std::move(q);
    g.params = std::move(p);
    g.modifiers = std::move(m);
    g.name = std::move(name);
    return Operation{g};
}

// A composite "entangle(t) a, b { h a; cx a, b; rz(t) b; }" used under modifiers.
Circuit withComposite(std::vector<Operation> ops, int qubits)
{
    Circuit c;
    c.addQreg("q", qubits);
    GateDefinition d;
    d.name = "entangle";
    d.paramNames = {"t"};
    d.qubitNames = {"a", "b"};
    d.body = {gop(GateKind::H, {0}), gop(GateKind::CX, {0, 1}), gop(GateKind::RZ, {1}, {Expr::parameter("t") * 2.0})};
    c.definitions.push_back(d);
    c.ops = std::move(ops);
    return c;
}

bool onlyPlainGates(const std::vector<Operation>& ops, const std::function<bool(const GateOp&)>& ok)
{
    for (const Operation& o : ops)
        if (const auto* g = std::get_if<GateOp>(&o.op); g && !ok(*g))
            return false;
    return true;
}

} // namespace

Q_DECLARE_METATYPE(qpilot::Circuit)

class TestTransform : public QObject {
    Q_OBJECT
private slots:
    void decomposeKeepsUnitary_data()
    {
        QTest::addColumn<Circuit>("circuit");
        auto one = [](Operation op, int n) {
            Circuit c;
            c.addQreg("q", n);
            c.ops = {std::move(op)};
            return c;
        };
        QTest::newRow("ctrl @ h") << one(gop(GateKind::H, {0, 1}, {}, {ctrl()}), 2);
        QTest::newRow("negctrl @ x") << one(gop(GateKind::X, {1, 0}, {}, {negctrl()}), 2);
        QTest::newRow("ctrl @ sx") << one(gop(GateKind::SX, {2, 0}, {}, {ctrl()}), 3);
        QTest::newRow("ctrl @ rxx") << one(gop(GateKind::RXX, {0, 1, 2}, {0.7}, {ctrl()}), 3);
        QTest::newRow("ctrl @ ecr") << one(gop(GateKind::ECR, {2, 0, 1}, {}, {ctrl()}), 3);
        QTest::newRow("ctrl(2) @ x") << one(gop(GateKind::X, {0, 1, 2}, {}, {ctrl(2)}), 3);
        QTest::newRow("inv @ u3") << one(gop(GateKind::U3, {0}, {0.3, 1.1, -0.4}, {inv()}), 1);
        QTest::newRow("inv @ iswap") << one(gop(GateKind::ISwap, {0, 1}, {}, {inv()}), 2);
        QTest::newRow("pow(3) @ t") << one(gop(GateKind::T, {0}, {}, {pow(3)}), 1);
        QTest::newRow("pow(0.5) @ x") << one(gop(GateKind::X, {0}, {}, {pow(0.5)}), 1);
        QTest::newRow("pow(0.3) @ rz") << one(gop(GateKind::RZ, {0}, {0.8}, {pow(0.3)}), 1);
        QTest::newRow("inv @ ctrl @ s") << one(gop(GateKind::S, {1, 0}, {}, {inv(), ctrl()}), 2);
        QTest::newRow("ctrl @ inv @ t") << one(gop(GateKind::T, {1, 0}, {}, {ctrl(), inv()}), 2);
        QTest::newRow("ctrl @ gphase") << one(gop(GateKind::GPhase, {1}, {0.6}, {ctrl()}), 2);
        QTest::newRow("composite") << withComposite({gop(GateKind::Custom, {1, 0}, {0.4}, {}, "entangle")}, 2);
        QTest::newRow("inv @ composite") << withComposite({gop(GateKind::Custom, {0, 1}, {0.4}, {inv()}, "entangle")}, 2);
        QTest::newRow("ctrl @ composite") << withComposite({gop(GateKind::Custom, {2, 0, 1}, {0.4}, {ctrl()}, "entangle")}, 3);
        QTest::newRow("pow(2) @ composite") << withComposite({gop(GateKind::Custom, {0, 1}, {0.4}, {pow(2)}, "entangle")}, 2);
        QTest::newRow("pow(-1) @ composite") << withComposite({gop(GateKind::Custom, {0, 1}, {0.4}, {pow(-1)}, "entangle")}, 2);
        QTest::newRow("negctrl @ inv @ composite") << withComposite({gop(GateKind::Custom, {1, 2, 0}, {0.9}, {negctrl(), inv()}, "entangle")}, 3);
    }
    void decomposeKeepsUnitary()
    {
        QFETCH(Circuit, circuit);
        const Matrix before = circuitUnitary(circuit);
        QVERIFY(before.qubits == circuit.numQubits());
        // Target: no modifiers, and only U + CX (+ gphase): the hardest lowering.
        auto basis = [](const GateOp& g) {
            return g.modifiers.empty() && (g.kind == GateKind::U || g.kind == GateKind::CX || g.kind == GateKind::GPhase);
        };
        auto lowered = decomposeGates(circuit, basis);
        QVERIFY2(lowered.ok(), lowered.ok() ? "" : lowered.error().message.c_str());
        QVERIFY(lowered.value().definitions.empty());
        QVERIFY(onlyPlainGates(lowered.value().ops, basis));
        const Matrix after = circuitUnitary(lowered.value());
        QVERIFY2(maxAbsDiff(before, after) < 1e-10, qPrintable(describe(before) + "\nvs" + describe(after)));
        // Inlining alone also keeps it.
        auto inlined = inlineDefinitions(circuit);
        QVERIFY(inlined.ok());
        QVERIFY(maxAbsDiff(before, circuitUnitary(inlined.value())) < 1e-10);
    }

    void refusesWhatHasNoGateForm()
    {
        Circuit c = withComposite({gop(GateKind::Custom, {0, 1}, {0.4}, {pow(0.5)}, "entangle")}, 2);
        auto r = decomposeGates(c, [](const GateOp& g) { return g.modifiers.empty(); });
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error().message).contains("pow(0.5)"));
        Circuit h;
        h.addQreg("q", 1);
        h.ops = {gop(GateKind::H, {0}, {}, {pow(0.5)})};
        auto r2 = decomposeGates(h, [](const GateOp& g) { return g.modifiers.empty(); });
        QVERIFY(!r2.ok());
        QVERIFY(QString::fromStdString(r2.error().message).contains("pow(0.5) @ h"));
    }

    void bindParameters()
    {
        Circuit c;
        c.addQreg("q", 1);
        c.parameters = {"theta", "phi"};
        c.gate(GateKind::RX, {0}, {Expr::parameter("theta") * 2.0});
        c.gate(GateKind::RZ, {0}, {Expr::parameter("phi")});
        auto b = qpilot::bindParameters(c, {{"theta", 0.25}});
        QVERIFY(b.ok());
        QCOMPARE(b.value().parameters, std::vector<std::string>{"phi"});
        const auto& g = std::get<GateOp>(b.value().ops[0].op);
        QVERIFY(g.params[0].isConstant());
        QCOMPARE(g.params[0].constantValue(), 0.5);
        QVERIFY(!qpilot::bindParameters(c, {{"nope", 1.0}}).ok());
        QVERIFY(!qpilot::bindParameters(c, {{"theta", NAN}}).ok());
        // Unbound parameters make the matrix fail with the parameter's name.
        auto m = gateOpMatrix(std::get<GateOp>(c.ops[1].op), c);
        QVERIFY(!m.ok());
        QVERIFY(QString::fromStdString(m.error().message).contains("phi"));
    }

    void deepNestingIsRefused()
    {
        // g0 uses nothing; g_{k} calls g_{k-1} twice: 80 levels deep exceeds the guard.
        Circuit c;
        c.addQreg("q", 1);
        GateDefinition base;
        base.name = "g0";
        base.qubitNames = {"a"};
        base.body = {gop(GateKind::X, {0})};
        c.definitions.push_back(base);
        for (int k = 1; k < 80; ++k) {
            GateDefinition d;
            d.name = "g" + std::to_string(k);
            d.qubitNames = {"a"};
            d.body = {gop(GateKind::Custom, {0}, {}, {}, "g" + std::to_string(k - 1))};
            c.definitions.push_back(d);
        }
        c.ops = {gop(GateKind::Custom, {0}, {}, {}, "g79")};
        auto r = inlineDefinitions(c);
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error().message).contains("deeper"));
    }
};

QTEST_MAIN(TestTransform)
#include "tst_transform.moc"
