// SPDX-License-Identifier: GPL-3.0-or-later
// tests/circuit/tst_circuit_file.cpp — circuit files by format (core/circuit/circuit_file.h):
// format keys, auto-detection, explicit formats, and atomic saving.
#include "core/circuit/circuit_file.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace qpilot;

class TestCircuitFile : public QObject {
    Q_OBJECT

private slots:
    void keys()
    {
        QCOMPARE(circuitFormatKeys(), (QStringList{"qasm2", "qasm3", "braket", "ionq"}));
        for (const QString& key : circuitFormatKeys() + QStringList{"auto"})
            QCOMPARE(circuitFormatKey(circuitFormatFromKey(key).value()), key);
        QVERIFY(!circuitFormatFromKey("qasm").has_value());
        QVERIFY(!circuitFormatFromKey("QASM2").has_value());
    }

    void detect_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<CircuitFormat>("expected");
        QTest::newRow("qasm2") << "a.qasm" << QByteArray("OPENQASM 2.0;\nqreg q[1];") << CircuitFormat::Qasm2;
        QTest::newRow("qasm3") << "a.qasm" << QByteArray("OPENQASM 3.0;\nqubit q;") << CircuitFormat::Qasm3;
        QTest::newRow("no header") << "a.qasm" << QByteArray("qubit q;\nh q;") << CircuitFormat::Qasm3;
        QTest::newRow("comment first") << "a.qasm" << QByteArray("// c\nOPENQASM 2.0;\n") << CircuitFormat::Qasm2;
        QTest::newRow(".json suffix") << "job.json" << QByteArray("OPENQASM 2.0;") << CircuitFormat::IonqJson;
        QTest::newRow("brace") << "job.txt" << QByteArray("  \n{\"qubits\": 1}") << CircuitFormat::IonqJson;
        QTest::newRow("bom brace") << "job" << QByteArray("\xEF\xBB\xBF{}") << CircuitFormat::IonqJson;
    }

    void detect()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, text);
        QFETCH(CircuitFormat, expected);
        QCOMPARE(detectCircuitFormat(path, std::string_view(text.constData(), std::size_t(text.size()))),
                 expected);
    }

    void explicitFormatMustMatchHeader()
    {
        const std::string oq3 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nh q[0];\n";
        QVERIFY(parseCircuitText(oq3, "x.qasm", CircuitFormat::Qasm3).ok());
        const auto wrong = parseCircuitText(oq3, "x.qasm", CircuitFormat::Qasm2);
        QVERIFY(!wrong.ok());
        QVERIFY(QString::fromStdString(wrong.error().toString()).startsWith("x.qasm: the file declares OpenQASM 3"));
    }

    void roundTripEachFormat_data()
    {
        QTest::addColumn<CircuitFormat>("format");
        QTest::newRow("qasm2") << CircuitFormat::Qasm2;
        QTest::newRow("qasm3") << CircuitFormat::Qasm3;
        QTest::newRow("braket") << CircuitFormat::Braket;
        QTest::newRow("ionq") << CircuitFormat::IonqJson;
    }

    void roundTripEachFormat()
    {
        QFETCH(CircuitFormat, format);
        Circuit c;
        c.addQreg("q", 2).addCreg("c", 2).gate(GateKind::H, {0}).gate(GateKind::CX, {0, 1});
        c.measure(0, 0).measure(1, 1);
        const auto text = writeCircuitText(c, format);
        QVERIFY2(text.ok(), text.ok() ? "" : text.error().toString().c_str());
        QTemporaryDir dir;
        const QString path = dir.filePath("c." + circuitFormatSuffix(format));
        QVERIFY(!saveTextAtomically(path, *text).has_value());
        // Braket's dialect is not auto-detected (it reads as OpenQASM 3 unless it uses
        // Braket gate names); read it explicitly.
        const auto back = loadCircuitFile(path, format == CircuitFormat::Braket ? format : CircuitFormat::Auto);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
        QCOMPARE(back->format, format);
        QCOMPARE(back->circuit.numQubits(), 2);
    }

    void loadErrors()
    {
        QTemporaryDir dir;
        const auto missing = loadCircuitFile(dir.filePath("none.qasm"));
        QVERIFY(!missing.ok());
        QCOMPARE(QString::fromStdString(missing.error().file), dir.filePath("none.qasm"));
        const auto folder = loadCircuitFile(dir.path());
        QVERIFY(!folder.ok());
        QVERIFY(QString::fromStdString(folder.error().message).contains("folder"));
    }

    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("out.qasm");
        QVERIFY(!saveTextAtomically(path, "one\n").has_value());
        QVERIFY(!saveTextAtomically(path, "two\n").has_value());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("two\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"out.qasm"});
        const auto error = saveTextAtomically(dir.filePath("missing/out.qasm"), "x");
        QVERIFY(error.has_value());
        QVERIFY(QString::fromStdString(error->toString()).contains("cannot write"));
    }
};

QTEST_GUILESS_MAIN(TestCircuitFile)
#include "tst_circuit_file.moc"
