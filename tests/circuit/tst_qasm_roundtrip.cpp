// tests/circuit/tst_qasm_roundtrip.cpp — read(write(c)) == c for OpenQASM 2 and 3: every file
// of the test corpus and seeded random circuits over the whole gate table (with modifiers,
// conditions, parameters and composite gates where the version allows). Where OpenQASM 2
// must lower modifiers, the written circuit keeps the unitary (dense reference).
#include "support/random_circuit.h"
#include "support/reference.h"

#include <QDir>
#include <QtTest>

using namespace qpilot;
using namespace qpilot::test;

namespace {

QString errorText(const Error& e) { return QString::fromStdString(e.toString()); }

// Parses, and fails the test with the located message on error.
Circuit mustParse(const std::string& text, const char* what)
{
    auto r = parseQasm(text, what);
    if (!r) {
        QTest::qFail(qPrintable(errorText(r.error()) + "\n--- text ---\n" + QString::fromStdString(text)), __FILE__, __LINE__);
        return Circuit{};
    }
    return r.value();
}

QString firstDifference(const Circuit& a, const Circuit& b)
{
    if (!(a.qregs == b.qregs))
        return "quantum registers differ";
    if (!(a.cregs == b.cregs))
        return "classical registers differ";
    if (a.parameters != b.parameters)
        return "parameters differ";
    if (!(a.definitions == b.definitions))
        return "gate definitions differ";
    if (a.ops.size() != b.ops.size())
        return QString("operation counts differ: %1 vs %2").arg(a.ops.size()).arg(b.ops.size());
    for (size_t i = 0; i < a.ops.size(); ++i)
        if (a.ops[i] != b.ops[i])
            return QString("operation %1 differs").arg(i);
    return {};
}

} // namespace

class TestQasmRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void corpus_data()
    {
        QTest::addColumn<QString>("path");
        QDir dir(QPILOT_TEST_DATA_DIR "/qasm");
        const QStringList files = dir.entryList({"*.qasm"}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 10, "the corpus in tests/data/qasm is missing");
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void corpus()
    {
        QFETCH(QString, path);
        auto read = readQasmFile(path.toStdString());
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(errorText(read.error())));
        const Circuit& c = read.value();

        auto v3 = writeQasm3(c);
        QVERIFY2(v3.ok(), v3.ok() ? "" : v3.error().message.c_str());
        Circuit back3 = mustParse(v3.value(), "written.qasm");
        QVERIFY2(back3 == c, qPrintable(firstDifference(back3, c) + "\n" + QString::fromStdString(v3.value())));
        // Writing is stable: the second write is byte-identical.
        QCOMPARE(QString::fromStdString(writeQasm3(back3).value()), QString::fromStdString(v3.value()));

        auto v2 = writeQasm2(c);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const bool isV2 = detectQasmVersion(file.readAll().toStdString()) == QasmVersion::V2;
        if (isV2)
            QVERIFY2(v2.ok(), v2.ok() ? "" : v2.error().message.c_str());
        if (v2.ok()) {
            Circuit back2 = mustParse(v2.value(), "written2.qasm");
            bool exact = back2 == c;
            if (isV2)
                QVERIFY2(exact, qPrintable(firstDifference(back2, c) + "\n" + QString::fromStdString(v2.value())));
        } else {
            // OpenQASM 3-only content must be refused with a reason, never silently dropped.
            QVERIFY(!v2.error().message.empty());
        }
    }

    void randomCircuits_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("modifiers");
        QTest::addColumn<bool>("conditions");
        QTest::addColumn<bool>("twoRegisters");
        for (int seed = 0; seed < 3; ++seed) {
            QTest::newRow(qPrintable(QString("v2 plain #%1").arg(seed))) << 2 << false << false << (seed == 1);
            QTest::newRow(qPrintable(QString("v2 conditions #%1").arg(seed))) << 2 << false << true << (seed == 2);
            QTest::newRow(qPrintable(QString("v3 plain #%1").arg(seed))) << 3 << false << false << (seed == 1);
            QTest::newRow(qPrintable(QString("v3 modifiers+conditions #%1").arg(seed))) << 3 << true << true << (seed == 0);
        }
    }
    void randomCircuits()
    {
        QFETCH(int, version);
        QFETCH(bool, modifiers);
        QFETCH(bool, conditions);
        QFETCH(bool, twoRegisters);
        for (std::uint64_t seed = 1; seed <= 25; ++seed) {
            RandomCircuitOptions o;
            o.qubits = 4;
            o.gates = 40;
            o.modifiers = modifiers;
            o.conditions = conditions;
            o.bitConditions = version == 3;
            o.globalPhase = version == 3;
            o.twoRegisters = twoRegisters;
            o.measurements = true;
            const Circuit c = randomCircuit(seed * 7919 + std::uint64_t(version), o);
            auto text = version == 2 ? writeQasm2(c) : writeQasm3(c);
            QVERIFY2(text.ok(), text.ok() ? "" : text.error().message.c_str());
            Circuit back = mustParse(text.value(), "random.qasm");
            QVERIFY2(back == c, qPrintable(QString("seed %1: %2\n%3").arg(seed).arg(firstDifference(back, c), QString::fromStdString(text.value()))));
        }
    }

    void qasm2LowersModifiersExactly()
    {
        // OpenQASM 2 has no modifiers: the writer lowers them, keeping the unitary.
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            RandomCircuitOptions o;
            o.qubits = 3;
            o.gates = 12;
            o.modifiers = true;
            const Circuit c = randomCircuit(seed, o);
            auto text = writeQasm2(c);
            QVERIFY2(text.ok(), text.ok() ? "" : text.error().message.c_str());
            QVERIFY(text.value().find(" @ ") == std::string::npos);
            Circuit back = mustParse(text.value(), "lowered.qasm");
            QVERIFY(maxDiffUpToPhase(circuitUnitary(back), circuitUnitary(c)) < 1e-9);
        }
    }

    // The hardware-native gates (prx, gpi, gpi2, ms) are not in stdgates.inc: the writer emits
    // exact `gate` definitions, which read back as the same gate kinds, and the definitions
    // themselves have the gates' unitaries.
    void nativeGatesWriteExactDefinitions()
    {
        Circuit c;
        c.addQreg("q", 2);
        c.gate(GateKind::PRX, {0}, {0.3, -1.1}).gate(GateKind::GPI, {1}, {0.7}).gate(GateKind::GPI2, {0}, {2.2});
        c.gate(GateKind::MS, {1, 0}, {0.1, -0.4, M_PI / 2});
        auto text = writeQasm3(c);
        QVERIFY(text.ok());
        for (const char* def : {"gate prx(theta, phi) a {", "gate gpi(theta) a {", "gate gpi2(theta) a {",
                                "gate ms(theta, phi, lambda) a, b {", "gate rxx(theta) a, b {"})
            QVERIFY2(text.value().find(def) != std::string::npos, def);
        const Circuit back = mustParse(text.value(), "native.qasm");
        QVERIFY2(back == c, qPrintable(firstDifference(back, c)));
        // Strip the definitions' names so the bodies (U, cx, rz, ...) are what gets simulated.
        std::string renamed = text.value();
        for (const char* n : {"prx", "gpi2", "gpi", "ms"}) {
            const std::string from = std::string(n) + "(", to = std::string("my") + n + "(";
            for (size_t pos = renamed.find(from); pos != std::string::npos; pos = renamed.find(from, pos + to.size()))
                if (pos == 0 || !std::isalnum(static_cast<unsigned char>(renamed[pos - 1])))
                    renamed.replace(pos, from.size(), to);
        }
        const Circuit viaBodies = mustParse(renamed, "renamed.qasm");
        QVERIFY(!viaBodies.definitions.empty());
        QVERIFY(maxAbsDiff(circuitUnitary(viaBodies), circuitUnitary(c)) < 1e-12);
    }

    void physicalQubitsRoundTrip()
    {
        Circuit c;
        c.addQreg("q", 6);
        c.addCreg("c", 2);
        c.gate(GateKind::SX, {5}).gate(GateKind::CZ, {5, 2}).gate(GateKind::RZ, {0}, {0.25});
        c.ops.push_back(Operation{BarrierOp{{0, 2, 5}}});
        c.measure(5, 0).measure(2, 1);
        QasmWriteOptions o;
        o.physicalQubits = true;
        auto text = writeQasm3(c, o);
        QVERIFY(text.ok());
        QVERIFY(text.value().find("qubit") == std::string::npos);
        QVERIFY(text.value().find("cz $5, $2;") != std::string::npos);
        QVERIFY(text.value().find("c[0] = measure $5;") != std::string::npos);
        QVERIFY(text.value().find("barrier $0, $2, $5;") != std::string::npos);
        const Circuit back = mustParse(text.value(), "physical.qasm");
        QVERIFY2(back == c, qPrintable(firstDifference(back, c) + "\n" + QString::fromStdString(text.value())));
    }

    void symbolicParametersAndDefinitions()
    {
        Circuit c;
        c.addQreg("q", 2);
        c.parameters = {"theta", "phi"};
        GateDefinition d;
        d.name = "layer";
        d.paramNames = {"a", "b"};
        d.qubitNames = {"x", "y"};
        d.body = {Operation{GateOp{GateKind::RY, {}, {Expr::parameter("a") / 2.0}, {0}, {}}},
                  Operation{GateOp{GateKind::CX, {}, {}, {0, 1}, {}}},
                  Operation{GateOp{GateKind::RZ, {}, {Expr::function(ExprFunc::Cos, Expr::parameter("b")) - Expr::parameter("a")}, {1}, {}}}};
        c.definitions.push_back(d);
        c.ops.push_back(Operation{GateOp{GateKind::Custom, "layer", {Expr::parameter("theta"), Expr::parameter("phi") * 2.0}, {1, 0}, {}}});
        c.ops.push_back(Operation{GateOp{GateKind::Custom, "layer", {0.5, Expr::parameter("theta")}, {0, 1}, {Modifier{Modifier::Kind::Inv, 1, Expr()}}}});
        auto text = writeQasm3(c);
        QVERIFY(text.ok());
        QVERIFY(text.value().find("input float[64] theta;") != std::string::npos);
        Circuit back = mustParse(text.value(), "params.qasm");
        QVERIFY2(back == c, qPrintable(firstDifference(back, c) + "\n" + QString::fromStdString(text.value())));
        auto v2 = writeQasm2(c);
        QVERIFY(!v2.ok());
        QVERIFY(QString::fromStdString(v2.error().message).contains("theta"));
    }

    void qasm2RefusesWhatItCannotExpress_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("reason");
        QTest::newRow("if/else") << "OPENQASM 3.0; include \"stdgates.inc\"; qubit[1] q; bit[1] c; c[0] = measure q[0]; if (c[0]) { x q[0]; } else { h q[0]; }" << "if/else";
        QTest::newRow("bit condition") << "OPENQASM 3.0; include \"stdgates.inc\"; qubit[2] q; bit[2] c; c[0] = measure q[0]; if (c[0] == 1) x q[1];" << "whole classical register";
        QTest::newRow("delay") << "OPENQASM 3.0; qubit[1] q; delay[100ns] q[0];" << "delay";
        QTest::newRow("discarded measure") << "OPENQASM 3.0; qubit[1] q; measure q[0];" << "classical bit";
    }
    void qasm2RefusesWhatItCannotExpress()
    {
        QFETCH(QString, source);
        QFETCH(QString, reason);
        Circuit c = mustParse(source.toStdString(), "v3.qasm");
        auto v2 = writeQasm2(c);
        QVERIFY(!v2.ok());
        QVERIFY2(QString::fromStdString(v2.error().message).contains(reason), v2.error().message.c_str());
    }
};

QTEST_MAIN(TestQasmRoundTrip)
#include "tst_qasm_roundtrip.moc"
