// tests/circuit/tst_dialects.cpp — Amazon Braket OpenQASM 3 and IonQ JSON: the written text
// uses each provider's names and shapes (cloud-and-mlops-protocols.md §2.6, §3.2), reads back
// to a circuit with the same unitary (global phase aside), and what a provider cannot run is
// refused with a reason. Malformed IonQ JSON gives located errors.
#include "support/random_circuit.h"
#include "support/reference.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace qpilot;
using namespace qpilot::test;

namespace {

Circuit bell()
{
    Circuit c;
    c.addQreg("q", 2).addCreg("c", 2);
    c.gate(GateKind::H, {0}).gate(GateKind::CX, {0, 1}).gate(GateKind::RZ, {1}, {0.785398});
    c.measure(0, 0).measure(1, 1);
    return c;
}

Circuit withoutMeasurements(const Circuit& c)
{
    Circuit out = c;
    out.ops.clear();
    for (const Operation& o : c.ops)
        if (!std::holds_alternative<MeasureOp>(o.op))
            out.ops.push_back(o);
    return out;
}

} // namespace

class TestDialects : public QObject {
    Q_OBJECT
private slots:
    void braketUsesItsNames()
    {
        Circuit c;
        c.addQreg("q", 3).addCreg("c", 1);
        c.gate(GateKind::CX, {0, 1}).gate(GateKind::Sdg, {0}).gate(GateKind::Tdg, {1}).gate(GateKind::SX, {2});
        c.gate(GateKind::SXdg, {2}).gate(GateKind::P, {0}, {0.25}).gate(GateKind::CP, {0, 2}, {0.5}).gate(GateKind::CCX, {0, 1, 2});
        c.measure(2, 0);
        auto text = writeBraketQasm(c);
        QVERIFY(text.ok());
        const QString t = QString::fromStdString(text.value());
        QVERIFY(!t.contains("include"));
        for (const char* expected : {"cnot q[0], q[1];", "si q[0];", "ti q[1];", "v q[2];", "vi q[2];",
                                     "phaseshift(0.25) q[0];", "cphaseshift(0.5) q[0], q[2];", "ccnot q[0], q[1], q[2];",
                                     "b[0] = measure q[2];"})
            QVERIFY2(t.contains(expected), qPrintable(QString(expected) + " missing in\n" + t));
    }

    void braketKeepsTheUnitary()
    {
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            RandomCircuitOptions o;
            o.qubits = 3;
            o.gates = 15;
            o.modifiers = seed % 2 == 0;
            const Circuit c = randomCircuit(seed, o);
            auto text = writeBraketQasm(c);
            QVERIFY2(text.ok(), text.ok() ? "" : text.error().message.c_str());
            auto back = parseBraketQasm(text.value(), "braket.qasm");
            QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(QString::fromStdString(back.error().toString() + "\n" + text.value())));
            QVERIFY2(maxDiffUpToPhase(circuitUnitary(back.value()), circuitUnitary(c)) < 1e-9, text.value().c_str());
        }
    }

    void braketRefuses_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("reason");
        QTest::newRow("if") << "OPENQASM 3.0; include \"stdgates.inc\"; qubit[1] q; bit[1] c; c[0] = measure q[0]; if (c[0]) x q[0];" << "branch";
        QTest::newRow("reset") << "OPENQASM 3.0; qubit[1] q; reset q[0];" << "reset";
    }
    void braketRefuses()
    {
        QFETCH(QString, source);
        QFETCH(QString, reason);
        auto c = parseQasm(source.toStdString());
        QVERIFY(c.ok());
        auto text = writeBraketQasm(c.value());
        QVERIFY(!text.ok());
        QVERIFY2(QString::fromStdString(text.error().message).contains(reason), text.error().message.c_str());
    }

    void ionqBellMatchesTheDocumentedShape()
    {
        IonqJsonOptions options;
        options.name = "bell";
        options.shots = 1000;
        auto text = writeIonqJson(bell(), options);
        QVERIFY(text.ok());
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(text.value())).object();
        QCOMPARE(body["type"].toString(), QString("ionq.circuit.v1"));
        QCOMPARE(body["shots"].toInt(), 1000);
        QCOMPARE(body["backend"].toString(), QString("simulator"));
        const QJsonObject input = body["input"].toObject();
        QCOMPARE(input["gateset"].toString(), QString("qis"));
        QCOMPARE(input["qubits"].toInt(), 2);
        const QJsonArray gates = input["circuit"].toArray();
        QCOMPARE(gates.size(), 3);
        QCOMPARE(gates[0].toObject(), (QJsonObject{{"gate", "h"}, {"target", 0}}));
        QCOMPARE(gates[1].toObject(), (QJsonObject{{"gate", "cnot"}, {"control", 0}, {"target", 1}}));
        QCOMPARE(gates[2].toObject(), (QJsonObject{{"gate", "rz"}, {"target", 1}, {"rotation", 0.785398}}));
    }

    void ionqKeepsTheUnitary()
    {
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            RandomCircuitOptions o;
            o.qubits = 3;
            o.gates = 15;
            o.modifiers = seed % 2 == 1;
            const Circuit c = randomCircuit(seed + 100, o);
            auto text = writeIonqJson(c);
            QVERIFY2(text.ok(), text.ok() ? "" : text.error().message.c_str());
            auto back = parseIonqJson(text.value(), "job.json");
            QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
            QVERIFY2(maxDiffUpToPhase(circuitUnitary(withoutMeasurements(back.value())), circuitUnitary(c)) < 1e-9, text.value().c_str());
        }
    }

    void ionqKeepsTheMeasurementMap()
    {
        Circuit c;
        c.addQreg("q", 2).addCreg("c", 3);
        c.gate(GateKind::X, {1});
        c.measure(1, 2).measure(0, 0);
        auto back = parseIonqJson(writeIonqJson(c).value());
        QVERIFY(back.ok());
        QCOMPARE(back.value().numClbits(), 3);
        QCOMPARE(std::get<MeasureOp>(back.value().ops[1].op), (MeasureOp{1, 2}));
        QCOMPARE(std::get<MeasureOp>(back.value().ops[2].op), (MeasureOp{0, 0}));
    }

    void ionqRefuses_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("reason");
        QTest::newRow("mid-circuit measurement") << "OPENQASM 3.0; include \"stdgates.inc\"; qubit[1] q; bit[1] c; c[0] = measure q[0]; x q[0];" << "after its measurement";
        QTest::newRow("reset") << "OPENQASM 3.0; qubit[1] q; reset q[0];" << "reset";
        QTest::newRow("condition") << "OPENQASM 3.0; include \"stdgates.inc\"; qubit[1] q; bit[1] c; c[0] = measure q[0]; if (c[0]) x q[0];" << "branch";
        QTest::newRow("unbound parameter") << "OPENQASM 3.0; include \"stdgates.inc\"; input float[64] theta; qubit[1] q; rx(theta) q[0];" << "theta";
    }
    void ionqRefuses()
    {
        QFETCH(QString, source);
        QFETCH(QString, reason);
        auto c = parseQasm(source.toStdString());
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().toString().c_str());
        auto text = writeIonqJson(c.value());
        QVERIFY(!text.ok());
        QVERIFY2(QString::fromStdString(text.error().message).contains(reason), text.error().message.c_str());
    }

    void ionqMalformed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("line");
        QTest::newRow("truncated") << "{\"input\": {\"qubits\": 2,\n \"circuit\": [" << "invalid JSON" << 2;
        QTest::newRow("not an object") << "[1, 2]" << "JSON object" << 0;
        QTest::newRow("no circuit") << "{\"input\": {\"qubits\": 2}}" << "\"circuit\"" << 0;
        QTest::newRow("qubits missing") << "{\"input\": {\"circuit\": []}}" << "\"qubits\"" << 0;
        QTest::newRow("too many qubits") << "{\"input\": {\"qubits\": 100000, \"circuit\": []}}" << "\"qubits\"" << 0;
        QTest::newRow("unknown gate") << "{\"input\": {\"qubits\": 1, \"circuit\": [{\"gate\": \"foo\", \"target\": 0}]}}" << "unknown gate 'foo'" << 0;
        QTest::newRow("target out of range") << "{\"input\": {\"qubits\": 1, \"circuit\": [{\"gate\": \"x\", \"target\": 3}]}}" << "\"target\"" << 0;
        QTest::newRow("missing rotation") << "{\"input\": {\"qubits\": 1, \"circuit\": [{\"gate\": \"rx\", \"target\": 0}]}}" << "rotation" << 0;
        QTest::newRow("same qubit twice") << "{\"input\": {\"qubits\": 2, \"circuit\": [{\"gate\": \"cnot\", \"control\": 1, \"target\": 1}]}}" << "used twice" << 0;
        QTest::newRow("native gateset") << "{\"input\": {\"gateset\": \"native\", \"qubits\": 1, \"circuit\": []}}" << "native" << 0;
        QTest::newRow("wrong type") << "{\"type\": \"ionq.multi-circuit.v1\", \"input\": {\"qubits\": 1, \"circuit\": []}}" << "ionq.circuit.v1" << 0;
    }
    void ionqMalformed()
    {
        QFETCH(QString, json);
        QFETCH(QString, reason);
        QFETCH(int, line);
        auto r = parseIonqJson(json.toStdString(), "job.json");
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().message).contains(reason), r.error().message.c_str());
        QCOMPARE(QString::fromStdString(r.error().file), QString("job.json"));
        if (line > 0)
            QCOMPARE(r.error().line, line);
    }
};

QTEST_MAIN(TestDialects)
#include "tst_dialects.moc"
