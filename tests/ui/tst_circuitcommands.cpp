// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_circuitcommands.cpp — every Document edit is one undo command: redo/undo/redo
// round trips give exactly the circuits before and after, invalid edits push nothing,
// consecutive moves and parameter edits merge, and the modified flag follows the undo stack.
#include "core/circuit/qasm.h"
#include "ui/document/document.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <functional>

using namespace qpilot;

namespace {

Circuit parse(const char* text)
{
    auto c = parseQasm(std::string("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n") + text);
    if (!c)
        qFatal("test circuit does not parse: %s", c.error().toString().c_str());
    return c.value();
}

Operation gate(GateKind k, std::vector<int> qubits, std::vector<Expr> params = {})
{
    Operation op;
    op.op = GateOp{k, {}, std::move(params), std::move(qubits), {}};
    return op;
}

using Edit = std::function<std::optional<Error>(Document&)>;

} // namespace

Q_DECLARE_METATYPE(Edit)

class TestCircuitCommands : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("add gate") << Edit([](Document& d) { return d.addOperation(gate(GateKind::X, {2}), 2); })
                                  << "qubit[3] q; bit[3] c; h q[0]; cx q[0], q[1]; x q[2];";
        QTest::newRow("add measure (creates nothing: c exists)")
            << Edit([](Document& d) {
                   Operation m;
                   m.op = MeasureOp{1, 1};
                   return d.addOperation(m, 2);
               })
            << "qubit[3] q; bit[3] c; h q[0]; cx q[0], q[1]; c[1] = measure q[1];";
        QTest::newRow("remove gates") << Edit([](Document& d) { return d.removeOperations({0, 1}); })
                                      << "qubit[3] q; bit[3] c;";
        QTest::newRow("move gate") << Edit([](Document& d) { return d.moveOperations({1}, 1, 0); })
                                   << "qubit[3] q; bit[3] c; h q[0]; cx q[1], q[2];";
        QTest::newRow("set parameter")
            << Edit([](Document& d) { return d.setOperation(0, gate(GateKind::RX, {0}, {Expr(M_PI / 4)})); })
            << "qubit[3] q; bit[3] c; rx(pi/4) q[0]; cx q[0], q[1];";
        QTest::newRow("add qubit") << Edit([](Document& d) { return d.addQubit(); })
                                   << "qubit[4] q; bit[3] c; h q[0]; cx q[0], q[1];";
        QTest::newRow("remove qubit") << Edit([](Document& d) { return d.removeQubit(1); })
                                      << "qubit[2] q; bit[3] c; h q[0];";
        QTest::newRow("add classical bit") << Edit([](Document& d) { return d.addClbit(); })
                                           << "qubit[3] q; bit[4] c; h q[0]; cx q[0], q[1];";
        QTest::newRow("remove classical bit") << Edit([](Document& d) { return d.removeLastClbit(); })
                                              << "qubit[3] q; bit[2] c; h q[0]; cx q[0], q[1];";
        QTest::newRow("replace circuit")
            << Edit([](Document& d) { return d.replaceCircuit(parse("qubit[1] q; y q[0];"), "text"); })
            << "qubit[1] q; y q[0];";
    }
    void roundTrip()
    {
        QFETCH(Edit, edit);
        QFETCH(QString, expected);
        Document d;
        d.newCircuit(3);
        QVERIFY(d.addOperation(gate(GateKind::H, {0}), 0) == std::nullopt);
        QVERIFY(d.addOperation(gate(GateKind::CX, {0, 1}), 1) == std::nullopt);
        const Circuit before = d.circuit();
        const Circuit after = parse(expected.toUtf8().constData());
        const int count = d.undoStack()->count();
        QSignalSpy changed(&d, &Document::circuitChanged);
        const auto error = edit(d);
        QVERIFY2(!error, error ? error->message.c_str() : "");
        QCOMPARE(d.undoStack()->count(), count + 1);
        QVERIFY(d.circuit() == after);
        QCOMPARE(changed.count(), 1);
        d.undoStack()->undo();
        QVERIFY(d.circuit() == before);
        d.undoStack()->redo();
        QVERIFY(d.circuit() == after);
        d.undoStack()->undo();
        QVERIFY(d.circuit() == before);
        // OpenQASM text follows the circuit.
        QVERIFY(d.qasm3Text() == QString::fromStdString(writeQasm3(before).value()));
    }

    void invalidEditsPushNothing()
    {
        Document d;
        QVERIFY(d.addOperation(gate(GateKind::H, {0}), 0).has_value()); // no circuit yet
        d.newCircuit(2);
        QVERIFY(d.addOperation(gate(GateKind::CX, {0, 5}), 0).has_value());
        QVERIFY(d.removeOperations({0}).has_value());
        QVERIFY(d.moveOperations({0}, 1, 0).has_value());
        QVERIFY(d.removeQubit(9).has_value());
        QCOMPARE(d.undoStack()->count(), 0);
        QVERIFY(!d.isModified());
    }

    void movesMerge()
    {
        Document d;
        d.newCircuit(4);
        QVERIFY(!d.addOperation(gate(GateKind::H, {0}), 0));
        QVERIFY(!d.addOperation(gate(GateKind::X, {3}), 1));
        const Circuit start = d.circuit();
        std::vector<int> at;
        QVERIFY(!d.moveOperations({0}, 1, 0, &at));
        QVERIFY(!d.moveOperations(at, 1, 0, &at));
        QVERIFY(!d.moveOperations(at, 0, 1, &at)); // then one column right
        QCOMPARE(d.undoStack()->count(), 3);        // add, add, one merged move
        QCOMPARE(std::get<GateOp>(d.circuit().ops[std::size_t(at.front())].op).qubits, std::vector<int>{2});
        d.undoStack()->undo();
        QVERIFY(d.circuit() == start);
        // A move of a different gate is its own step.
        QVERIFY(!d.moveOperations({0}, 1, 0, &at));
        QVERIFY(!d.moveOperations({1}, -1, 0));
        QCOMPARE(d.undoStack()->count(), 4);
    }

    void parameterEditsMerge()
    {
        Document d;
        d.newCircuit(1);
        QVERIFY(!d.addOperation(gate(GateKind::RZ, {0}, {Expr(0.1)}), 0));
        QVERIFY(!d.setOperation(0, gate(GateKind::RZ, {0}, {Expr(0.2)})));
        QVERIFY(!d.setOperation(0, gate(GateKind::RZ, {0}, {Expr(0.3)})));
        QCOMPARE(d.undoStack()->count(), 2);
        d.undoStack()->undo();
        QCOMPARE(std::get<GateOp>(d.circuit().ops.front().op).params.front(), Expr(0.1));
    }

    void modifiedFollowsUndo()
    {
        Document d;
        d.newCircuit(2);
        QVERIFY(!d.isModified());
        QVERIFY(!d.addQubit());
        QVERIFY(d.isModified());
        d.undoStack()->undo();
        QVERIFY(!d.isModified());
        QVERIFY(!d.addQubit());
        QTemporaryDir dir;
        QVERIFY(!d.saveAs(dir.filePath("x.qasm"), CircuitFormat::Qasm3));
        QVERIFY(!d.isModified());
        auto back = readQasmFile(dir.filePath("x.qasm").toStdString());
        QVERIFY(back.ok());
        QVERIFY(back.value() == d.circuit());
        QVERIFY(!d.open(dir.filePath("x.qasm")));
        QCOMPARE(d.undoStack()->count(), 0); // opening is not undoable
    }
};

QTEST_MAIN(TestCircuitCommands)
#include "tst_circuitcommands.moc"
