// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_encode.cpp — `qpilot encode` as a real process: the JSON resources equal
// the published formulas (ZZ map CNOTs, Möttönen CNOTs, RealAmplitudes parameters), the
// written OpenQASM 3 reads back and simulates to the encoded state, --list, and exit code 2
// with a clear message for bad input.
#include "app/cli_runner.h"

#include "core/circuit/qasm.h"
#include "core/sim/simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using qpilot::test::Run;
using qpilot::test::jsonOf;
using qpilot::test::runQpilot;

namespace {
}

class TestCliEncode : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void jsonResources_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("twoQubit");
        QTest::addColumn<int>("params");
        QTest::newRow("zz 8 full") << QStringList{"--encoding", "zz", "--features", "8"} << 8 << 112 << 8;
        QTest::newRow("zz 4 linear r3") << QStringList{"--encoding", "iqp", "--features", "4", "--reps", "3", "--entanglement", "linear"} << 4 << 18 << 4;
        QTest::newRow("amplitude 16") << QStringList{"--encoding", "amplitude", "--features", "16"} << 4 << 22 << 30;
        QTest::newRow("amplitude 33") << QStringList{"--encoding", "amplitude", "--features", "33"} << 6 << 114 << 126;
        QTest::newRow("dense 5") << QStringList{"--encoding", "dense_angle", "--features", "5"} << 3 << 0 << 5;
        QTest::newRow("RA 4") << QStringList{"--encoding", "real_amplitudes", "--features", "4"} << 4 << 9 << 16;
        QTest::newRow("SU2 3 full r2") << QStringList{"--encoding", "efficient_su2", "--features", "3", "--reps", "2", "--entanglement", "full"} << 3 << 6 << 18;
        QTest::newRow("reupload 3 L3") << QStringList{"--encoding", "reupload", "--features", "3", "--layers", "3", "--block", "ry"} << 3 << 6 << 12;
        QTest::newRow("hea ionq") << QStringList{"--encoding", "hardware_efficient", "--features", "4", "--native", "gpi,gpi2,ms", "--reps", "2"} << 4 << 6 << 24;
        QTest::newRow("hea device iqm") << QStringList{"--encoding", "hardware_efficient", "--features", "4", "--device", "iqm_garnet", "--reps", "2"} << 4 << 6 << 24;
        QTest::newRow("hea ring couplers") << QStringList{"--encoding", "hea", "--features", "4", "--couplers", "0-1,1-2,2-3,3-0", "--reps", "1"} << 4 << 4 << 24;
    }
    void jsonResources()
    {
        QFETCH(QStringList, args);
        QFETCH(int, qubits);
        QFETCH(int, twoQubit);
        QFETCH(int, params);
        const Run r = runQpilot(QStringList{"encode"} + args + QStringList{"--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = jsonOf(r);
        for (const char* key : {"qubits", "one_qubit_gates", "two_qubit_gates", "parameters"})
            QCOMPARE(j[key].toObject()["formula"].toDouble(), j[key].toObject()["actual"].toDouble());
        QCOMPARE(j["qubits"].toObject()["actual"].toInt(), qubits);
        QCOMPARE(j["two_qubit_gates"].toObject()["actual"].toInt(), twoQubit);
        QCOMPARE(j["parameters"].toObject()["actual"].toInt(), params);
        // The program reads back with the same number of free parameters.
        auto c = qpilot::parseQasm(j["qasm"].toString().toStdString());
        QVERIFY2(c.ok(), c ? "" : c.error().toString().c_str());
        QCOMPARE(static_cast<int>(c->parameters.size()), params);
    }

    void boundAmplitudeFileSimulatesToInput()
    {
        const QString path = m_dir.filePath("amp.qasm");
        const Run r = runQpilot({"encode", "--encoding", "amplitude", "--features", "5", "--values", "1,-2,0,3,0.5", "-o", path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("wrote"));
        auto c = qpilot::readQasmFile(path.toStdString());
        QVERIFY(c.ok());
        QVERIFY(c->parameters.empty());
        qpilot::sim::SimOptions o;
        o.wantStatevector = true;
        auto s = qpilot::sim::simulate(*c, o);
        QVERIFY(s.ok());
        const double x[8] = {1, -2, 0, 3, 0.5, 0, 0, 0};
        const double norm = std::sqrt(1 + 4 + 9 + 0.25);
        const qpilot::Complex phase = s->statevector[3] / std::abs(s->statevector[3]);
        for (int i = 0; i < 8; ++i)
            QVERIFY(std::abs(s->statevector[size_t(i)] - phase * (x[i] / norm)) < 1e-12);
    }

    void textOutputShowsFormulaAndQasm()
    {
        const Run r = runQpilot({"encode", "--encoding", "angle", "--features", "3", "--rotation", "x", "--values", "0.1,0.2,0.3"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("formula"));
        QVERIFY(r.out.contains("rx(0.1) q[0];"));
        QVERIFY(r.out.contains("OPENQASM 3.0;"));
    }

    void listShowsCatalog()
    {
        const Run r = runQpilot({"encode", "--list", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(a.size(), 9);
        QStringList names;
        for (const auto& v : a)
            names << v.toObject()["name"].toString();
        for (const char* n : {"basis", "angle", "dense_angle", "amplitude", "zz", "reupload", "real_amplitudes",
                              "efficient_su2", "hardware_efficient"})
            QVERIFY2(names.contains(QLatin1String(n)), n);
        const Run t = runQpilot({"encode", "--list"});
        QCOMPARE(t.exitCode, 0);
        QVERIFY(t.out.contains("hardware_efficient"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown encoding") << QStringList{"--encoding", "fourier", "--features", "3"} << "unknown encoding 'fourier'";
        QTest::newRow("no encoding") << QStringList{"--features", "3"} << "--encoding NAME is required";
        QTest::newRow("no features") << QStringList{"--encoding", "zz"} << "--features N is required";
        QTest::newRow("N=0") << QStringList{"--encoding", "angle", "--features", "0"} << "at least 1";
        QTest::newRow("N not a number") << QStringList{"--encoding", "angle", "--features", "three"} << "must be an integer";
        QTest::newRow("amplitude too large") << QStringList{"--encoding", "amplitude", "--features", "70000"} << "too many";
        QTest::newRow("basis too large") << QStringList{"--encoding", "basis", "--features", "2000"} << "too many";
        QTest::newRow("values count") << QStringList{"--encoding", "angle", "--features", "3", "--values", "1,2"} << "expected 3 feature values";
        QTest::newRow("values not numbers") << QStringList{"--encoding", "angle", "--features", "2", "--values", "1,abc"} << "'abc' is not a number";
        QTest::newRow("basis not bits") << QStringList{"--encoding", "basis", "--features", "2", "--values", "1,2"} << "must be a bit";
        QTest::newRow("amplitude zeros") << QStringList{"--encoding", "amplitude", "--features", "2", "--values", "0,0"} << "all zeros";
        QTest::newRow("bad entanglement") << QStringList{"--encoding", "zz", "--features", "3", "--entanglement", "star"} << "unknown --entanglement 'star'";
        QTest::newRow("bad rotation") << QStringList{"--encoding", "angle", "--features", "3", "--rotation", "w"} << "unknown --rotation 'w'";
        QTest::newRow("reps 0") << QStringList{"--encoding", "zz", "--features", "3", "--reps", "0"} << "reps must be between";
        QTest::newRow("native no 2q") << QStringList{"--encoding", "hardware_efficient", "--features", "3", "--native", "rz,sx"} << "no two-qubit gate";
        QTest::newRow("bad couplers") << QStringList{"--encoding", "hardware_efficient", "--features", "3", "--couplers", "0-1,1:2"} << "'1:2' is not a pair";
        QTest::newRow("coupler out of range") << QStringList{"--encoding", "hardware_efficient", "--features", "3", "--couplers", "0-5"} << "not a pair of distinct qubits";
        QTest::newRow("unknown device") << QStringList{"--encoding", "hardware_efficient", "--features", "3", "--device", "nope"} << "nope";
        QTest::newRow("device too small") << QStringList{"--encoding", "hardware_efficient", "--features", "30", "--device", "iqm_garnet"} << "cannot place 30";
        QTest::newRow("device not hea") << QStringList{"--encoding", "zz", "--features", "3", "--device", "iqm_garnet"} << "hardware_efficient only";
        QTest::newRow("ansatz values count") << QStringList{"--encoding", "real_amplitudes", "--features", "2", "--reps", "1", "--values", "1,2"} << "4 trainable parameters";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runQpilot(QStringList{"encode"} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("qpilot: "), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliEncode)
#include "tst_cli_encode.moc"
