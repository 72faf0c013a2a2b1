// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_sourcepane.cpp — the OpenQASM 3 source pane synchronised both ways with the
// document: diagram edits rewrite the text, valid text replaces the circuit through one undo
// command (after the debounce, too), bad text underlines the parser's location with its
// message and keeps the circuit, and a round trip through the pane preserves the circuit.
#include "core/circuit/qasm.h"
#include "ui/document/document.h"
#include "ui/panels/circuittextpanel.h"

#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace qpilot;

namespace {

const char* const kHeader = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

Circuit parse(const QString& text)
{
    auto c = parseQasm(text.toStdString());
    if (!c)
        qFatal("test circuit does not parse: %s", c.error().toString().c_str());
    return c.value();
}

} // namespace

class TestSourcePane : public QObject {
    Q_OBJECT
private slots:
    void diagramEditsRewriteText()
    {
        Document d;
        CircuitTextPanel pane(&d);
        d.newCircuit(2);
        QVERIFY(!d.addQubit());
        QCOMPARE(pane.text(), d.qasm3Text());
        QVERIFY(pane.text().contains("qubit[3] q;"));
        d.undoStack()->undo();
        QVERIFY(pane.text().contains("qubit[2] q;"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("bell") << QString(kHeader) + "qubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n";
        QTest::newRow("parameters") << QString(kHeader) + "input angle theta;\nqubit[2] q;\nrx(theta/2) q[0];\n"
                                                          "crz(pi/3) q[0], q[1];\nu3(0.1, 0.2, 0.3) q[1];\n";
        QTest::newRow("teleport-like") << QString(kHeader) + "qubit[3] q;\nbit[3] c;\nh q[1];\ncx q[1], q[2];\n"
                                                             "c[0] = measure q[0];\nif (c[0]) x q[2];\nreset q[0];\n";
    }
    void roundTrip()
    {
        QFETCH(QString, program);
        Document d;
        CircuitTextPanel pane(&d);
        d.newCircuit(1);
        pane.setSourceText(program);
        QVERIFY2(pane.errorText().isEmpty(), qPrintable(pane.errorText()));
        QVERIFY(d.circuit() == parse(program));
        QCOMPARE(d.undoStack()->count(), 1);
        // The text the person typed stays (no rewrite under the cursor) ...
        QCOMPARE(pane.text(), program);
        // ... and the document's own OpenQASM reads back to the same circuit.
        QVERIFY(parse(d.qasm3Text()) == d.circuit());
        d.undoStack()->undo();
        QCOMPARE(d.circuit().numQubits(), 1);
        QCOMPARE(pane.text(), d.qasm3Text());
        d.undoStack()->redo();
        QVERIFY(d.circuit() == parse(program));
    }

    void typingIsDebounced()
    {
        Document d;
        CircuitTextPanel pane(&d);
        d.newCircuit(1);
        const Circuit before = d.circuit();
        pane.editor()->setPlainText(QString(kHeader) + "qubit[1] q;\nx q[0];\n");
        QVERIFY(d.circuit() == before); // not yet
        QTRY_VERIFY(d.circuit() != before);
        QCOMPARE(d.circuit().ops.size(), std::size_t(1));
    }

    void onlyTypedTextIsReparsed()
    {
        Document d;
        CircuitTextPanel pane(&d);
        d.newCircuit(2);
        QVERIFY(!d.addQubit());
        // Rewriting the text after a diagram edit (and its highlighting) is no typed edit.
        QTest::qWait(100);
        QVERIFY(!pane.isReparsePending());
        pane.editor()->insertPlainText(QStringLiteral("// a comment\n"));
        QVERIFY(pane.isReparsePending());
    }

    void badTextKeepsCircuit_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unknown gate") << QString(kHeader) + "qubit[2] q;\nh q[0];\nfoo q[1];\n" << 5 << "foo";
        QTest::newRow("missing semicolon") << QString(kHeader) + "qubit[2] q;\nh q[0]\ncx q[0], q[1];\n" << 4 << "expected ','";
        QTest::newRow("qubit out of range") << QString(kHeader) + "qubit[2] q;\nx q[7];\n" << 4 << "7";
    }
    void badTextKeepsCircuit()
    {
        QFETCH(QString, program);
        QFETCH(int, line);
        QFETCH(QString, messagePart);
        Document d;
        CircuitTextPanel pane(&d);
        d.newCircuit(2);
        QVERIFY(!d.addQubit());
        const Circuit before = d.circuit();
        const int steps = d.undoStack()->count();
        QSignalSpy errors(&pane, &CircuitTextPanel::parseErrorChanged);
        pane.setSourceText(program);
        QVERIFY(d.circuit() == before);
        QCOMPARE(d.undoStack()->count(), steps);
        QCOMPARE(pane.errorLine(), line);
        QVERIFY2(pane.errorText().contains(messagePart), qPrintable(pane.errorText()));
        QVERIFY(pane.errorText().contains(QStringLiteral(":%1:").arg(line)));
        QCOMPARE(errors.count(), 1);
        // The location is underlined (one extra selection on that line, with the message).
        const auto selections = pane.editor()->extraSelections();
        QCOMPARE(selections.size(), 1);
        QCOMPARE(selections.front().cursor.blockNumber() + 1, line);
        QCOMPARE(selections.front().format.underlineStyle(), QTextCharFormat::WaveUnderline);
        // The text is left as typed so it can be fixed.
        QCOMPARE(pane.text(), program);
        // Fixing it clears the error.
        pane.setSourceText(QString(kHeader) + "qubit[2] q;\nh q[0];\n");
        QVERIFY(pane.errorText().isEmpty());
        QVERIFY(pane.editor()->extraSelections().isEmpty());
        QCOMPARE(errors.count(), 2);
        QCOMPARE(d.circuit().ops.size(), std::size_t(1));
    }
};

QTEST_MAIN(TestSourcePane)
#include "tst_sourcepane.moc"
