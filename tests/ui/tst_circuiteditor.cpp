// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_circuiteditor.cpp — the circuit editor on the offscreen platform: placing
// palette entries through the scene API and the drop path (scene position -> qubit and
// column), moving a gate with simulated mouse drags on the view's viewport, rubber-band
// selection, Delete and arrow keys, copy/paste, the inspector's parameter and qubit edits,
// zoom, and the palette model under QAbstractItemModelTester.
#include "core/circuit/qasm.h"
#include "core/encoding/encoding.h"
#include "core/sim/simulator.h"
#include "ui/document/document.h"
#include "ui/editor/circuitscene.h"
#include "ui/editor/circuitview.h"
#include "ui/editor/inspectorpanel.h"
#include "ui/editor/palettemodel.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QMimeData>
#include <QSpinBox>
#include <QUndoStack>
#include <QtTest>

using namespace qpilot;

namespace {

Circuit parse(const char* text)
{
    auto c = parseQasm(std::string("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n") + text);
    if (!c)
        qFatal("test circuit does not parse: %s", c.error().toString().c_str());
    return c.value();
}

struct Editor {
    Document document;
    CircuitScene scene{&document};
    CircuitView view{&scene};
    explicit Editor(int qubits = 3)
    {
        document.newCircuit(qubits);
        view.resize(800, 400);
        view.show();
    }
    QPoint viewportPoint(int row, int column) const { return view.mapFromScene(scene.cellCenter(row, column)); }
};

} // namespace

class TestCircuitEditor : public QObject {
    Q_OBJECT
private slots:
    void placeEntries_data()
    {
        QTest::addColumn<QStringList>("entries"); // "id row column"
        QTest::addColumn<QString>("expected");
        QTest::newRow("h then cx") << QStringList{"gate:h 0 0", "gate:cx 0 1"}
                                   << "qubit[3] q; bit[3] c; h q[0]; cx q[0], q[1];";
        QTest::newRow("cx on the last row ends on the last qubit")
            << QStringList{"gate:cx 2 0"} << "qubit[3] q; bit[3] c; cx q[1], q[2];";
        QTest::newRow("ccx") << QStringList{"gate:ccx 0 0"} << "qubit[3] q; bit[3] c; ccx q[0], q[1], q[2];";
        QTest::newRow("rotation gets pi/2") << QStringList{"gate:ry 1 0"} << "qubit[3] q; bit[3] c; ry(pi/2) q[1];";
        QTest::newRow("earlier column goes first")
            << QStringList{"gate:x 0 3", "gate:h 0 0"} << "qubit[3] q; bit[3] c; h q[0]; x q[0];";
        QTest::newRow("measure, reset, barrier")
            << QStringList{"measure 2 0", "reset 1 0", "barrier 0 0"}
            << "qubit[3] q; bit[3] c; barrier q[0]; reset q[1]; c[2] = measure q[2];";
    }
    void placeEntries()
    {
        QFETCH(QStringList, entries);
        QFETCH(QString, expected);
        Editor e;
        for (const QString& entry : entries) {
            const QStringList parts = entry.split(QLatin1Char(' '));
            const auto error = e.scene.placeEntry(parts[0], parts[1].toInt(), parts[2].toInt());
            QVERIFY2(!error, error ? error->message.c_str() : "");
        }
        QVERIFY2(e.document.circuit() == parse(expected.toUtf8().constData()),
                 qPrintable(e.document.qasm3Text()));
        QCOMPARE(e.document.undoStack()->count(), entries.size());
        // The placed gate is selected, so the inspector shows it.
        QCOMPARE(e.scene.selectedOperations().size(), std::size_t(1));
    }

    void dropAtScenePosition()
    {
        Editor e(4);
        QVERIFY(!e.scene.dropEntry("gate:h", e.scene.cellCenter(2, 0) + QPointF(10, 12)));
        QVERIFY(e.document.circuit() == parse("qubit[4] q; bit[4] c; h q[2];"));
        // The drop path of the view: a palette MIME drop on the viewport.
        PaletteModel model;
        std::unique_ptr<QMimeData> mime(model.mimeData({model.indexOfEntry("gate:cz")}));
        QVERIFY(mime);
        const QPoint at = e.viewportPoint(0, 1);
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(e.view.viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(e.view.viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(e.view.viewport(), &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY2(e.document.circuit() == parse("qubit[4] q; bit[4] c; h q[2]; cz q[0], q[1];"),
                 qPrintable(e.document.qasm3Text()));
    }

    void placementErrors()
    {
        Editor e(1);
        QSignalSpy failed(&e.scene, &CircuitScene::editFailed);
        const auto error = e.scene.placeEntry("gate:cx", 0, 0);
        QVERIFY(error);
        QVERIFY(error->message.find("add a qubit") != std::string::npos);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(e.document.undoStack()->count(), 0);
    }

    void mouseDragMovesGate()
    {
        Editor e(3);
        QVERIFY(QTest::qWaitForWindowExposed(&e.view));
        QVERIFY(!e.scene.placeEntry("gate:h", 0, 0));
        QVERIFY(!e.scene.placeEntry("gate:x", 1, 0));
        e.scene.clearSelection();
        // Drag h from (row 0, column 0) to (row 2, column 1).
        const QPoint from = e.viewportPoint(0, 0);
        const QPoint to = e.viewportPoint(2, 1);
        QTest::mousePress(e.view.viewport(), Qt::LeftButton, {}, from);
        for (int step = 1; step <= 5; ++step) {
            QTest::mouseMove(e.view.viewport(), from + (to - from) * step / 5);
            // While dragged, the gate snaps to whole columns and rows.
            const OperationItem* h = e.scene.itemForOperation(1);
            const QPointF offset = h->pos() - h->homePos();
            QCOMPARE(std::fmod(offset.x(), DiagramGrid::kColumn), 0.0);
            QCOMPARE(std::fmod(offset.y(), DiagramGrid::kRow), 0.0);
        }
        QVERIFY(e.scene.itemForOperation(1)->pos() != e.scene.itemForOperation(1)->homePos());
        QTest::mouseRelease(e.view.viewport(), Qt::LeftButton, {}, to);
        QVERIFY2(e.document.circuit() == parse("qubit[3] q; bit[3] c; x q[1]; h q[2];"),
                 qPrintable(e.document.qasm3Text()));
        QCOMPARE(e.scene.selectedOperations(), std::vector<int>{1});
        e.document.undoStack()->undo();
        // (x was placed in column 0 too, so it comes first in the sequence)
        QVERIFY(e.document.circuit() == parse("qubit[3] q; bit[3] c; x q[1]; h q[0];"));
        // A click without a drag does not edit.
        const int count = e.document.undoStack()->index();
        QTest::mouseClick(e.view.viewport(), Qt::LeftButton, {}, e.viewportPoint(1, 0));
        QCOMPARE(e.document.undoStack()->index(), count);
        QCOMPARE(e.scene.selectedOperations(), std::vector<int>{0});
    }

    void rubberBandDeleteAndKeys()
    {
        Editor e(3);
        QVERIFY(QTest::qWaitForWindowExposed(&e.view));
        QVERIFY(!e.scene.placeEntry("gate:h", 0, 0));
        QVERIFY(!e.scene.placeEntry("gate:h", 1, 0));
        QVERIFY(!e.scene.placeEntry("gate:t", 2, 3));
        e.scene.clearSelection();
        // Rubber band from empty space left of the first column over rows 0-1.
        const QPoint a = e.view.mapFromScene(QPointF(DiagramGrid::kLeft - 4, DiagramGrid::kTop + 2));
        const QPoint b = e.viewportPoint(1, 0) + QPoint(20, 20);
        QTest::mousePress(e.view.viewport(), Qt::LeftButton, {}, a);
        QTest::mouseMove(e.view.viewport(), (a + b) / 2);
        QTest::mouseMove(e.view.viewport(), b);
        QTest::mouseRelease(e.view.viewport(), Qt::LeftButton, {}, b);
        QCOMPARE(e.scene.selectedOperations(), (std::vector<int>{0, 1}));
        e.view.setFocus();
        QTest::keyClick(&e.view, Qt::Key_Delete);
        QVERIFY(e.document.circuit() == parse("qubit[3] q; bit[3] c; t q[2];"));
        e.document.undoStack()->undo();
        QCOMPARE(e.document.circuit().ops.size(), std::size_t(3));
        // Arrow keys move the selection; consecutive presses are one undo step.
        e.scene.selectOperations({0});
        const int steps = e.document.undoStack()->index();
        QTest::keyClick(&e.view, Qt::Key_Down);
        QTest::keyClick(&e.view, Qt::Key_Down);
        QCOMPARE(e.document.undoStack()->index(), steps + 1);
        QCOMPARE(std::get<GateOp>(e.document.circuit().ops[std::size_t(e.scene.selectedOperations().front())].op).qubits,
                 std::vector<int>{2});
    }

    void copyPaste()
    {
        Editor e(2);
        QVERIFY(!e.scene.placeEntry("gate:h", 0, 0));
        QVERIFY(!e.scene.placeEntry("gate:cx", 0, 1));
        e.scene.selectOperations({0, 1});
        QVERIFY(e.scene.copySelection());
        QVERIFY(!e.scene.paste());
        QVERIFY(e.document.circuit()
                == parse("qubit[2] q; bit[2] c; h q[0]; cx q[0], q[1]; h q[0]; cx q[0], q[1];"));
        QCOMPARE(e.scene.selectedOperations(), (std::vector<int>{2, 3}));
        Editor small(1);
        QVERIFY(small.scene.paste().has_value()); // needs 2 qubits
        e.document.undoStack()->undo();
        QCOMPARE(e.document.circuit().ops.size(), std::size_t(2));
    }

    void inspectorEditsParameters()
    {
        Editor e(2);
        InspectorPanel inspector(&e.document, &e.scene);
        QVERIFY(!e.scene.placeEntry("gate:rz", 1, 0));
        QCOMPARE(inspector.operationIndex(), 0);
        QCOMPARE(inspector.parameterEdits().size(), std::size_t(1));
        QCOMPARE(inspector.parameterEdits().front()->text(), QStringLiteral("pi/2"));
        inspector.parameterEdits().front()->setText("pi/4");
        QVERIFY(inspector.apply());
        QVERIFY(e.document.circuit() == parse("qubit[2] q; bit[2] c; rz(pi/4) q[1];"));
        inspector.parameterEdits().front()->setText("2*theta");
        QVERIFY(inspector.apply());
        QCOMPARE(std::get<GateOp>(e.document.circuit().ops.front().op).params.front().parameters(),
                 std::set<std::string>{"theta"});
        // Both parameter edits merged into one step after the add.
        QCOMPARE(e.document.undoStack()->count(), 2);
        inspector.parameterEdits().front()->setText("pi/");
        QVERIFY(!inspector.apply());
        QVERIFY(inspector.errorText().contains("column 4"));
        QCOMPARE(e.document.undoStack()->count(), 2);
        // Qubit change through the spin box.
        inspector.parameterEdits().front()->setText("2*theta");
        inspector.qubitBoxes().front()->setValue(0);
        QCOMPARE(std::get<GateOp>(e.document.circuit().ops.front().op).qubits, std::vector<int>{0});
        e.document.undoStack()->undo();
        QVERIFY(e.document.circuit() == parse("qubit[2] q; bit[2] c; rz(pi/2) q[1];"));
    }

    void encodingBlocks_data()
    {
        QTest::addColumn<QString>("block");
        QTest::addColumn<int>("row");
        QTest::newRow("zz on 3 qubits") << "zz" << 0;
        QTest::newRow("real_amplitudes on q1..q3") << "real_amplitudes" << 1;
        QTest::newRow("angle") << "angle" << 2;
        QTest::newRow("amplitude on 2 qubits") << "amplitude" << 2;
    }
    void encodingBlocks()
    {
        QFETCH(QString, block);
        QFETCH(int, row);
        Editor e(4);
        QVERIFY(!e.scene.placeEntry("gate:h", 0, 0));
        const Circuit before = e.document.circuit();
        const auto error = e.scene.placeEntry("block:" + block, row, 1);
        QVERIFY2(!error, error ? error->message.c_str() : "");
        const Circuit withBlock = e.document.circuit();
        QCOMPARE(withBlock.ops.size(), std::size_t(2));
        const auto& g = std::get<GateOp>(withBlock.ops[1].op);
        QCOMPARE(g.kind, GateKind::Custom);
        QCOMPARE(int(g.qubits.size()), 4 - row);
        QCOMPARE(g.qubits.front(), row);
        QVERIFY(withBlock.definition(g.name) != nullptr);
        QCOMPARE(g.params.size(), withBlock.definition(g.name)->paramNames.size());
        // The block survives OpenQASM 3 (definition + inputs) ...
        auto back = parseQasm(e.document.qasm3Text().toStdString());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
        QVERIFY(back.value() == withBlock);
        // ... and expanding it gives the same state for any parameter values.
        QVERIFY(!e.scene.expandBlock(1));
        const Circuit expanded = e.document.circuit();
        QVERIFY(expanded.ops.size() > 2);
        QVERIFY(std::none_of(expanded.ops.begin(), expanded.ops.end(), [](const Operation& op) {
            const auto* gate = std::get_if<GateOp>(&op.op);
            return gate && gate->kind == GateKind::Custom;
        }));
        sim::SimOptions options;
        options.wantStatevector = true;
        for (std::size_t i = 0; i < withBlock.parameters.size(); ++i)
            options.parameters[withBlock.parameters[i]] = 0.1 * double(i + 1) + 0.05;
        auto a = sim::simulate(withBlock, options);
        auto b = sim::simulate(expanded, options);
        QVERIFY2(a.ok() && b.ok(), a.ok() ? (b.ok() ? "" : b.error().message.c_str()) : a.error().message.c_str());
        double diff = 0;
        for (std::size_t i = 0; i < a->statevector.size(); ++i)
            diff = std::max(diff, std::abs(a->statevector[i] - b->statevector[i]));
        QVERIFY(diff < 1e-12);
        e.document.undoStack()->undo();
        QVERIFY(e.document.circuit() == withBlock);
        e.document.undoStack()->undo();
        QVERIFY(e.document.circuit() == before);
        QVERIFY(e.scene.expandBlock(0).has_value()); // h is not a block
    }

    void zoom()
    {
        Editor e;
        const double z = e.view.zoom();
        e.view.zoomIn();
        QVERIFY(e.view.zoom() > z);
        QWheelEvent wheel(QPointF(10, 10), e.view.mapToGlobal(QPointF(10, 10)), {}, QPoint(0, -120), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(e.view.viewport(), &wheel);
        QVERIFY(std::abs(e.view.zoom() - z) < 1e-9);
        for (int i = 0; i < 30; ++i)
            e.view.zoomOut();
        QCOMPARE(e.view.zoom(), 0.25);
    }

    void paletteModel()
    {
        PaletteModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 7);
        int gates = 0;
        for (int g = 0; g < model.rowCount(); ++g)
            gates += model.rowCount(model.index(g, 0));
        int tableGates = 0;
        for (const GateInfo& info : gateTable())
            tableGates += info.qubits >= 1 ? 1 : 0;
        // + measure, reset, barrier and every encoding/ansatz but the device-bound HEA
        QCOMPARE(gates, tableGates + 3 + int(encoding::catalog().size()) - 1);
        QCOMPARE(model.indexOfEntry("block:zz").parent().data().toString(), QStringLiteral("Encodings & ans\u00e4tze"));
        const QModelIndex cx = model.indexOfEntry("gate:cx");
        QVERIFY(cx.isValid());
        QCOMPARE(cx.parent().data().toString(), QStringLiteral("Two-qubit"));
        QCOMPARE(model.indexOfEntry("gate:rx").parent().data().toString(), QStringLiteral("Rotations"));
        QCOMPARE(model.indexOfEntry("gate:ccx").parent().data().toString(), QStringLiteral("Three-qubit"));
        QVERIFY(model.flags(cx) & Qt::ItemIsDragEnabled);
        QVERIFY(!(model.flags(cx.parent()) & Qt::ItemIsDragEnabled));

        PaletteFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setFilterRegularExpression(QRegularExpression("swap", QRegularExpression::CaseInsensitiveOption));
        QStringList found;
        for (int g = 0; g < filter.rowCount(); ++g) {
            const QModelIndex group = filter.index(g, 0);
            for (int r = 0; r < filter.rowCount(group); ++r)
                found << filter.index(r, 0, group).data().toString();
        }
        QCOMPARE(found, (QStringList{"swap", "iswap", "cswap"}));
        filter.setFilterRegularExpression(QRegularExpression());
        QCOMPARE(filter.rowCount(), 7);
    }
};

QTEST_MAIN(TestCircuitEditor)
#include "tst_circuiteditor.moc"
