// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_transpile.cpp — `qpilot transpile` as a real process: the documented JSON
// keys, the ISA file (-o: OpenQASM 3 with physical qubits, native gates on coupled pairs,
// byte-identical to the in-process transpiler for the same seed), the text report, and exit
// code 2 with a clear message for every kind of bad input; every shipped profile compiles a
// GHZ circuit into its native gates on its coupling map. A profile written here plus
// --coupling covers the coupling-map override.
#include "app/cli_runner.h"

#include "core/circuit/circuit_file.h"
#include "core/circuit/qasm.h"
#include "core/device/device.h"
#include "core/transpile/transpile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using qpilot::test::Run;
using qpilot::test::writeTemp;
using qpilot::test::readAll;
using qpilot::test::jsonOf;
using qpilot::test::runQpilot;

namespace {

// A format_version 1 profile: 6 qubits, IBM-like native set and medians.
const char kProfile[] = R"({
  "format_version": 1,
  "id": "test_six",
  "provider": "Test",
  "name": "Six-qubit test device",
  "num_qubits": 6,
  "native_gates": ["cz", "rz", "sx", "x"],
  "medians": {"t1_us": 200, "t2_us": 150, "gate_error_1q": 0.0003, "gate_error_2q": 0.004,
              "gate_time_1q_ns": 32, "gate_time_2q_ns": 68, "readout_time_us": 1.56, "readout_error": 0.012},
  "qubits": [],
  "source": "written by tst_cli_transpile",
  "calibration_date": "2026-11-24"
})";

const char kGhz[] = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[5] q;\nbit[5] c;\nh q[0];\n"
                    "cx q[0], q[1];\ncx q[0], q[2];\ncx q[0], q[3];\ncx q[0], q[4];\nc = measure q;\n";

} // namespace

class TestCliTranspile : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_profile, m_ghz;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_profile = writeTemp(m_dir, "six.json", kProfile);
        m_ghz = writeTemp(m_dir, "ghz.qasm", kGhz);
    }

    void jsonHasTheDocumentedKeys()
    {
        const Run r = runQpilot({"transpile", m_ghz, "--device", m_profile, "--coupling", "square:2x3", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = jsonOf(r);
        for (const char* key : {"depth", "two_qubit_count", "two_qubit_depth", "swaps", "duration_s",
                                "success_probability", "layout", "initial_layout", "one_qubit_count", "device",
                                "level", "seed", "native_gates"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["device"].toString(), QString("test_six"));
        QCOMPARE(j["level"].toInt(), 1);
        QVERIFY(j["two_qubit_count"].toInt() >= 4); // four cx at least
        QVERIFY(j["two_qubit_depth"].toInt() >= 4 && j["two_qubit_depth"].toInt() <= j["two_qubit_count"].toInt());
        QVERIFY(j["depth"].toInt() >= j["two_qubit_depth"].toInt());
        QVERIFY(j["duration_s"].toDouble() > 4 * 68e-9);
        const double f = j["success_probability"].toDouble();
        // Five readouts at 1.2 % bound it above by 0.988^5 = 0.9413; gates and idling lower it.
        QVERIFY2(f > 0.8 && f < std::pow(0.988, 5), qPrintable(QString::number(f)));
        std::set<int> physical;
        for (const QJsonValue& v : j["layout"].toArray())
            physical.insert(v.toInt());
        QCOMPARE(int(physical.size()), 5);
        QVERIFY(*physical.begin() >= 0 && *physical.rbegin() < 6);
    }

    void outputFileIsTheIsaCircuit()
    {
        const QString out = m_dir.filePath("isa.qasm");
        const Run r = runQpilot({"transpile", m_ghz, "--device", m_profile, "--coupling", "line", "--level", "2",
                                 "--seed", "9", "-o", out, "--json"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(jsonOf(r)["output"].toString(), out);
        const QString text = readAll(out);
        QVERIFY(text.startsWith("OPENQASM 3.0;"));
        QVERIFY(text.contains("$"));
        auto parsed = qpilot::parseQasm(text.toStdString(), "isa.qasm");
        QVERIFY(parsed.ok());
        for (const qpilot::Operation& o : parsed.value().ops)
            if (const auto* g = std::get_if<qpilot::GateOp>(&o.op)) {
                QVERIFY(g->kind == qpilot::GateKind::CZ || g->kind == qpilot::GateKind::RZ
                        || g->kind == qpilot::GateKind::SX || g->kind == qpilot::GateKind::X);
                if (g->qubits.size() == 2)
                    QCOMPARE(std::abs(g->qubits[0] - g->qubits[1]), 1); // line coupling
            }
        // The same transpile in process gives the same bytes.
        qpilot::DeviceProfile d = qpilot::findDevice(m_profile.toStdString()).value();
        d.couplers = qpilot::lineCouplers(6);
        qpilot::TranspileOptions o;
        o.level = 2;
        o.seed = 9;
        const auto circuit = qpilot::parseQasm(kGhz).value();
        qpilot::QasmWriteOptions w;
        w.physicalQubits = true;
        const std::string expected = qpilot::writeQasm3(qpilot::transpile(circuit, d, o).value().circuit, w).value();
        QCOMPARE(text.toStdString(), expected);
    }

    void sameSeedSameFile()
    {
        const QString a = m_dir.filePath("a.qasm"), b = m_dir.filePath("b.qasm");
        QCOMPARE(runQpilot({"transpile", m_ghz, "--device", m_profile, "--coupling", "square:2x3", "--level", "3", "--seed", "5", "-o", a}).exitCode, 0);
        QCOMPARE(runQpilot({"transpile", m_ghz, "--device", m_profile, "--coupling", "square:2x3", "--level", "3", "--seed", "5", "-o", b}).exitCode, 0);
        QVERIFY(!readAll(a).isEmpty());
        QCOMPARE(readAll(a), readAll(b));
    }

    void textReport()
    {
        const Run r = runQpilot({"transpile", m_ghz, "--device", m_profile, "--coupling", "all-to-all", "--level", "0"});
        QCOMPARE(r.exitCode, 0);
        for (const char* line : {"two-qubit gates:  4 (depth 4)", "swaps inserted:   0", "initial layout:   [0, 1, 2, 3, 4]",
                                 "duration:", "success estimate: 0."})
            QVERIFY2(r.out.contains(line), qPrintable(r.out));
    }

    // Every shipped profile compiles the 5-qubit GHZ circuit: the ISA file uses only the
    // device's native gates on allowed pairs, and the metrics are consistent with it.
    void everyShippedDevice_data()
    {
        QTest::addColumn<QString>("id");
        for (const qpilot::DeviceProfile& d : qpilot::builtinDevices())
            QTest::newRow(d.id.c_str()) << QString::fromStdString(d.id);
    }
    void everyShippedDevice()
    {
        QFETCH(QString, id);
        const qpilot::DeviceProfile device = qpilot::findDevice(id.toStdString()).value();
        const QString out = m_dir.filePath(id + ".qasm");
        const Run r = runQpilot({"transpile", m_ghz, "--device", id, "--level", "1", "--seed", "3", "-o", out, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j["device_qubits"].toInt(), device.numQubits);
        QCOMPARE(j["layout"].toArray().size(), 5);
        QVERIFY(j["two_qubit_count"].toInt() >= 4); // a 5-qubit GHZ needs at least 4 entanglers
        auto isa = qpilot::loadCircuitFile(out);
        QVERIFY2(isa, isa ? "" : isa.error().message.c_str());
        int twoQ = 0;
        for (const qpilot::Operation& op : isa->circuit.ops) {
            const auto* g = std::get_if<qpilot::GateOp>(&op.op);
            if (!g)
                continue;
            const std::string name = qpilot::gateInfo(g->kind).name;
            QVERIFY2(std::find(device.nativeGates.begin(), device.nativeGates.end(), name) != device.nativeGates.end(),
                     name.c_str());
            if (g->qubits.size() == 2) {
                QVERIFY(qpilot::allowsTwoQubitGate(device, g->qubits[0], g->qubits[1]));
                ++twoQ;
            }
        }
        QCOMPARE(j["two_qubit_count"].toInt(), twoQ);
        // Devices whose profile has errors, durations and T1 give an estimate in (0, 1).
        if (!j["success_probability"].isNull()) {
            const double f = j["success_probability"].toDouble();
            QVERIFY(f > 0 && f < 1);
        }
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString wide = writeTemp(m_dir, "wide.qasm", "OPENQASM 3.0;\nqubit[7] q;\n");
        const QString broken = writeTemp(m_dir, "broken.qasm", "OPENQASM 3.0;\nqubit[2] q;\nh q[5];\n");
        const QString p = m_profile;
        QTest::newRow("no file") << QStringList{"transpile", "--device", p} << "missing FILE";
        QTest::newRow("no device") << QStringList{"transpile", m_ghz} << "--device is required";
        QTest::newRow("bad level") << QStringList{"transpile", m_ghz, "--device", p, "--level", "7"} << "--level must be";
        QTest::newRow("bad seed") << QStringList{"transpile", m_ghz, "--device", p, "--seed", "abc"} << "--seed must be";
        QTest::newRow("bad layout") << QStringList{"transpile", m_ghz, "--device", p, "--layout", "best"} << "unknown --layout 'best'";
        QTest::newRow("bad coupling") << QStringList{"transpile", m_ghz, "--device", p, "--coupling", "ring"} << "unknown --coupling 'ring'";
        QTest::newRow("lattice too big") << QStringList{"transpile", m_ghz, "--device", p, "--coupling", "square:3x3"} << "needs 1 to 6 qubits";
        QTest::newRow("no heavy-hex of 6") << QStringList{"transpile", m_ghz, "--device", p, "--coupling", "heavy-hex"} << "no heavy-hex layout for 6 qubits";
        QTest::newRow("unknown device") << QStringList{"transpile", m_ghz, "--device", "nosuch"} << "unknown device 'nosuch'";
        QTest::newRow("malformed circuit") << QStringList{"transpile", broken, "--device", p, "--coupling", "line"} << "broken.qasm:3";
        QTest::newRow("too wide") << QStringList{"transpile", wide, "--device", p, "--coupling", "line"} << "has only 6";
        QTest::newRow("no coupling map") << QStringList{"transpile", m_ghz, "--device", p} << "test_six has no coupling map";
        QTest::newRow("empty -o") << QStringList{"transpile", m_ghz, "--device", p, "--coupling", "line", "-o", ""} << "-o needs a file name";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runQpilot(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("qpilot: "), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void unwritableOutputFails()
    {
        const Run r = runQpilot({"transpile", m_ghz, "--device", m_profile, "--coupling", "line", "-o",
                                 m_dir.filePath("no/such/dir/out.qasm")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.startsWith("qpilot: "));
    }
};

QTEST_GUILESS_MAIN(TestCliTranspile)
#include "tst_cli_transpile.moc"
