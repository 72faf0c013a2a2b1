// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_circuitedits.cpp — the editor's pure circuit edits: the diagram's column
// layout, insert/remove/replace/move of operations (with the reordering a column move
// implies), adding and removing qubits, classical bits on demand, and the parameter parser
// (numbers, pi expressions, symbolic names, located errors).
#include "core/circuit/qasm.h"
#include "ui/commands/circuitedits.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;

namespace {

Circuit parse(const char* text)
{
    auto c = parseQasm(std::string("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n") + text);
    if (!c)
        qFatal("test circuit does not parse: %s", c.error().toString().c_str());
    return c.value();
}

std::vector<int> columns(const Circuit& c)
{
    std::vector<int> out;
    for (const auto& p : edit::layoutCircuit(c).ops)
        out.push_back(p.column);
    return out;
}

} // namespace

class TestCircuitEdits : public QObject {
    Q_OBJECT
private slots:
    void layoutColumns_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<std::vector<int>>("expected");
        QTest::newRow("parallel 1q") << "qubit[3] q; h q[0]; h q[1]; x q[0];" << std::vector<int>{0, 0, 1};
        QTest::newRow("cx blocks the span") << "qubit[3] q; cx q[0], q[2]; h q[1];" << std::vector<int>{0, 1};
        QTest::newRow("ghz chain") << "qubit[3] q; h q[0]; cx q[0], q[1]; cx q[1], q[2];" << std::vector<int>{0, 1, 2};
        QTest::newRow("barrier all") << "qubit[2] q; h q[0]; barrier q; x q[1];" << std::vector<int>{0, 1, 2};
        QTest::newRow("measurements share the classical wire")
            << "qubit[2] q; bit[2] c; c[0] = measure q[0]; c[1] = measure q[1];" << std::vector<int>{0, 1};
    }
    void layoutColumns()
    {
        QFETCH(QString, program);
        QFETCH(std::vector<int>, expected);
        QCOMPARE(columns(parse(program.toUtf8().constData())), expected);
    }

    void insertAndRemove()
    {
        const Circuit c = parse("qubit[2] q; h q[0]; cx q[0], q[1];");
        Operation x;
        x.op = GateOp{GateKind::X, {}, {}, {1}, {}};
        auto inserted = edit::insertOperation(c, x, 1);
        QVERIFY(inserted.ok());
        QCOMPARE(inserted->ops.size(), std::size_t(3));
        QVERIFY(inserted->ops[1] == x);
        auto removed = edit::removeOperations(*inserted, {1});
        QVERIFY(removed.ok());
        QVERIFY(removed.value() == c);
        Operation bad;
        bad.op = GateOp{GateKind::CX, {}, {}, {0, 2}, {}};
        auto error = edit::insertOperation(c, bad, 0);
        QVERIFY(!error.ok());
        QVERIFY(error.error().message.find("qubit 2 does not exist") != std::string::npos);
        bad.op = GateOp{GateKind::CX, {}, {}, {1, 1}, {}};
        QVERIFY(!edit::insertOperation(c, bad, 0).ok());
        bad.op = GateOp{GateKind::RX, {}, {}, {0}, {}}; // missing its angle
        QVERIFY(!edit::insertOperation(c, bad, 0).ok());
        QVERIFY(!edit::removeOperations(c, {5}).ok());
        QVERIFY(!edit::removeOperations(c, {}).ok());
    }

    void insertionIndex()
    {
        const Circuit c = parse("qubit[2] q; h q[0]; x q[0]; y q[1];"); // columns 0, 1, 0
        QCOMPARE(edit::insertionIndexForColumn(c, 0), 0);
        QCOMPARE(edit::insertionIndexForColumn(c, 1), 1);
        QCOMPARE(edit::insertionIndexForColumn(c, 5), 3);
    }

    void moveVertically()
    {
        const Circuit c = parse("qubit[3] q; h q[0]; cx q[0], q[1];");
        auto moved = edit::moveOperations(c, {1}, 1, 0);
        QVERIFY(moved.ok());
        QVERIFY(moved->circuit == parse("qubit[3] q; h q[0]; cx q[1], q[2];"));
        QCOMPARE(moved->indices, std::vector<int>{1});
        auto out = edit::moveOperations(c, {1}, 2, 0);
        QVERIFY(!out.ok()); // would reach qubit 3
        QVERIFY(out.error().message.find("leave the circuit") != std::string::npos);
    }

    void moveAcrossColumns()
    {
        const Circuit c = parse("qubit[1] q; h q[0]; x q[0]; z q[0];");
        auto right = edit::moveOperations(c, {0}, 0, 2); // h to column 2: after x and z
        QVERIFY(right.ok());
        QVERIFY(right->circuit == parse("qubit[1] q; x q[0]; z q[0]; h q[0];"));
        QCOMPARE(right->indices, std::vector<int>{2});
        auto left = edit::moveOperations(c, {2}, 0, -2); // z to column 0: first
        QVERIFY(left.ok());
        QVERIFY(left->circuit == parse("qubit[1] q; z q[0]; h q[0]; x q[0];"));
        QCOMPARE(left->indices, std::vector<int>{0});
        auto diagonal = edit::moveOperations(parse("qubit[2] q; h q[0]; x q[1]; y q[1];"), {0}, 1, 1);
        QVERIFY(diagonal.ok());
        QVERIFY(diagonal->circuit == parse("qubit[2] q; x q[1]; h q[1]; y q[1];"));
    }

    void addAndRemoveQubits()
    {
        const Circuit c = parse("qubit[2] q; bit[2] c; h q[0]; cx q[0], q[1]; barrier q[0], q[1]; x q[1];");
        auto added = edit::addQubit(c);
        QVERIFY(added.ok());
        QCOMPARE(added->numQubits(), 3);
        QCOMPARE(added->qregs.front().size, 3);
        auto removed = edit::removeQubit(c, 0);
        QVERIFY(removed.ok());
        // h and cx touched qubit 0 and go; the barrier keeps qubit 1 (now 0); x shifts down.
        QVERIFY(removed.value() == parse("qubit[1] q; bit[2] c; barrier q[0]; x q[0];"));
        QVERIFY(!edit::removeQubit(removed.value(), 0).ok()); // keeps one qubit
        QVERIFY(!edit::removeQubit(c, 7).ok());
        Circuit two;
        two.addQreg("a", 1).addQreg("b", 2);
        two.gate(GateKind::X, {2});
        auto dropA = edit::removeQubit(two, 0);
        QVERIFY(dropA.ok());
        QCOMPARE(dropA->qregs.size(), std::size_t(1));
        QCOMPARE(dropA->qregs.front().name, std::string("b"));
        QCOMPARE(dropA->qregs.front().offset, 0);
        QCOMPARE(std::get<GateOp>(dropA->ops.front().op).qubits, std::vector<int>{1});
    }

    void classicalBitsOnDemand()
    {
        Circuit c;
        c.addQreg("q", 3);
        QCOMPARE(edit::ensureClbit(c, 1).numClbits(), 3);
        c.addCreg("m", 1);
        const Circuit grown = edit::ensureClbit(c, 4);
        QCOMPARE(grown.numClbits(), 5);
        QCOMPARE(grown.cregs.front().size, 5);
    }

    void classicalBits()
    {
        const Circuit c = parse("qubit[2] q; bit[2] c; c[0] = measure q[0];");
        auto added = edit::addClbit(c);
        QVERIFY(added.ok());
        QCOMPARE(added->numClbits(), 3);
        auto removed = edit::removeLastClbit(added.value());
        QVERIFY(removed.ok());
        QVERIFY(removed.value() == c);
        auto oneLeft = edit::removeLastClbit(c); // c[1] is unused
        QVERIFY(oneLeft.ok());
        QCOMPARE(oneLeft->numClbits(), 1);
        auto used = edit::removeLastClbit(oneLeft.value()); // c[0] is measured
        QVERIFY(!used.ok());
        QVERIFY(used.error().message.find("is used") != std::string::npos);
        auto none = edit::removeLastClbit(parse("qubit[1] q;"));
        QVERIFY(!none.ok());
        QCOMPARE(edit::addClbit(parse("qubit[1] q;"))->numClbits(), 1);
    }

    void parseParameter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("value"); // NaN: symbolic
        QTest::addColumn<QString>("names");
        QTest::newRow("number") << "0.25" << 0.25 << "";
        QTest::newRow("pi/4") << "pi/4" << M_PI / 4 << "";
        QTest::newRow("unicode-free expression") << "3*pi/2 - 1" << 3 * M_PI / 2 - 1 << "";
        QTest::newRow("exponent") << "1e-3" << 1e-3 << "";
        QTest::newRow("function") << "sin(pi/6)" << 0.5 << "";
        QTest::newRow("symbol") << "theta" << std::nan("") << "theta";
        QTest::newRow("symbolic expression") << "2*theta + phi/2" << std::nan("") << "phi,theta";
    }
    void parseParameter()
    {
        QFETCH(QString, text);
        QFETCH(double, value);
        QFETCH(QString, names);
        auto e = edit::parseParameter(text.toStdString());
        QVERIFY2(e.ok(), e.ok() ? "" : e.error().toString().c_str());
        if (std::isnan(value)) {
            QVERIFY(!e->isConstant());
            QStringList got;
            for (const std::string& n : e->parameters())
                got << QString::fromStdString(n);
            QCOMPARE(got.join(QLatin1Char(',')), names);
        } else {
            QVERIFY(e->isConstant());
            QVERIFY(std::abs(e->constantValue() - value) < 1e-12);
        }
    }

    void parameterErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("column");
        QTest::newRow("empty") << "  " << 1;
        QTest::newRow("dangling operator") << "pi/" << 4;
        QTest::newRow("statement") << "1; x" << 2;
        QTest::newRow("unbalanced") << "(1+2" << 5;
    }
    void parameterErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, column);
        auto e = edit::parseParameter(text.toStdString());
        QVERIFY(!e.ok());
        QCOMPARE(e.error().column, column);
        QVERIFY(!e.error().message.empty());
    }
};

QTEST_GUILESS_MAIN(TestCircuitEdits)
#include "tst_circuitedits.moc"
