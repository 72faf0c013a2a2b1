// SPDX-License-Identifier: GPL-3.0-or-later
// tests/pilot/tst_model_circuit.cpp — pilot::modelCircuit (what the workbench puts in the editor
// when a pilot opens): for kernel and VQC pilots it is exactly the circuit the pipeline trains and
// records (run.circuitQasm), the example pilots give the qubits their settings imply, a custom
// circuit is returned as written, and bad settings are errors naming the field.
#include "core/circuit/qasm.h"
#include "core/pilot/pipeline.h"

#include <QtTest>

using namespace qpilot;

namespace {

pilot::Pilot smallPilot(const std::string& kind, const std::string& encoding)
{
    pilot::Pilot p;
    p.name = "small";
    p.dataset.source = "builtin:iris";
    p.dataset.classes = {1, 2};
    p.preprocessing.pca = 2;
    p.circuit.encoding = encoding;
    p.circuit.reps = 1;
    p.model.kind = kind;
    p.model.epochs = 2;
    p.model.baselines = {"logistic"};
    p.model.folds = 3;
    p.devices = {"ibm_torino"};
    p.shots = 100;
    p.seed = 3;
    p.reproducibilitySeeds = 1;
    return p;
}

} // namespace

class TestModelCircuit : public QObject {
    Q_OBJECT

private slots:
    void sameAsThePipeline_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("kernel zz") << "kernel" << "zz";
        QTest::newRow("kernel angle") << "kernel" << "angle";
        QTest::newRow("vqc angle + real_amplitudes") << "vqc" << "angle";
        QTest::newRow("vqc reupload") << "vqc" << "reupload";
    }

    void sameAsThePipeline()
    {
        QFETCH(QString, kind);
        QFETCH(QString, encoding);
        const pilot::Pilot p = smallPilot(kind.toStdString(), encoding.toStdString());
        auto circuit = pilot::modelCircuit(p);
        QVERIFY2(circuit.ok(), circuit ? "" : circuit.error().toString().c_str());
        auto qasm = writeQasm3(circuit.value());
        QVERIFY(qasm.ok());
        // The pipeline's record of the circuit it trained (stop after the circuits stage).
        std::atomic<bool> stop{false};
        pilot::PipelineHooks hooks;
        hooks.cancel = &stop;
        hooks.stageFinished = [&stop](const pilot::PilotRun&, pilot::Stage s) {
            if (s == pilot::Stage::Circuits)
                stop = true;
        };
        const pilot::PilotRun run = pilot::runPilot(p, hooks);
        QVERIFY2(!run.circuitQasm.empty(), run.stopReason.c_str());
        QCOMPARE(QString::fromStdString(qasm.value()), QString::fromStdString(run.circuitQasm));
    }

    void examples_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("qubits");
        // zz / reupload: a qubit per feature (PCA 4; iris 4); amplitude: ceil(log2 8) for PCA 8.
        QTest::newRow("breast_cancer_kernel") << "breast_cancer_kernel" << 4;
        QTest::newRow("iris_reupload_vqc") << "iris_reupload_vqc" << 4;
        QTest::newRow("amplitude_encoding") << "amplitude_encoding" << 3;
    }

    void examples()
    {
        QFETCH(QString, name);
        QFETCH(int, qubits);
        for (const pilot::ExamplePilot& e : pilot::examplePilots()) {
            if (QString::fromStdString(e.name) != name)
                continue;
            auto p = pilot::readPilot(e.json, e.name + ".qpilot");
            QVERIFY(p.ok());
            auto c = pilot::modelCircuit(p.value());
            QVERIFY2(c.ok(), c ? "" : c.error().toString().c_str());
            QCOMPARE(c->numQubits(), qubits);
            QVERIFY(!c->parameters.empty()); // inputs x_i (and weights) stay symbolic
            return;
        }
        QFAIL("example not shipped");
    }

    void customCircuit()
    {
        pilot::Pilot p = smallPilot("kernel", "zz");
        p.circuit.customQasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] x_0;\nqubit[3] q;\nry(x_0) q[0];\ncx q[0], q[2];\n";
        auto c = pilot::modelCircuit(p);
        QVERIFY(c.ok());
        QCOMPARE(c->numQubits(), 3);
        QCOMPARE(int(c->ops.size()), 2);
    }

    void errorsNameTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("custom circuit") << "custom" << "circuit.custom_qasm";
        QTest::newRow("model kind") << "kind" << "model.kind";
        QTest::newRow("dataset") << "dataset" << "dataset.source";
        QTest::newRow("too many qubits") << "pca" << "circuit:";
    }

    void errorsNameTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        pilot::Pilot p = smallPilot("kernel", "zz");
        if (field == "custom")
            p.circuit.customQasm = "OPENQASM 3.0; qubit[1] q; h q[4];";
        else if (field == "kind")
            p.model.kind = "forest";
        else if (field == "dataset")
            p.dataset.source = "/nowhere/data.csv";
        else
            p.preprocessing.pca = 0, p.dataset.source = "builtin:breast_cancer", p.dataset.classes.clear(); // 30 features > 8 qubits
        auto c = pilot::modelCircuit(p);
        QVERIFY(!c.ok());
        QVERIFY2(QString::fromStdString(c.error().toString()).contains(expected), c.error().toString().c_str());
    }
};

QTEST_GUILESS_MAIN(TestModelCircuit)
#include "tst_model_circuit.moc"
