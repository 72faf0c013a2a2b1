// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_simulate.cpp — `qpilot simulate` and `qpilot devices` as real processes:
// the documented JSON shape (statevector as [[re, im], ...], counts with classical bit 0
// rightmost), analytic states, seeded reproducibility across thread counts, noise from a
// shipped device, and exit code 2 with a clear message for every kind of bad input.
#include "app/cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using qpilot::test::Run;
using qpilot::test::writeTemp;
using qpilot::test::jsonOf;
using qpilot::test::runQpilot;

namespace {

} // namespace

class TestCliSimulate : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void statevectorJsonIsAnalytic()
    {
        // x on qubit 0, then h on qubit 1: amplitudes at |q1 q0> = |01> and |11> are 1/√2.
        const QString path = writeTemp(m_dir, "xh.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nx q[0];\nh q[1];\n");
        const Run r = runQpilot({"simulate", path, "--statevector", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j["num_qubits"].toInt(), 2);
        const QJsonArray sv = j["statevector"].toArray();
        QCOMPARE(sv.size(), 4);
        const double h = 1.0 / std::sqrt(2.0);
        const double expected[4] = {0, h, 0, h};
        for (int i = 0; i < 4; ++i) {
            QVERIFY(std::abs(sv[i].toArray()[0].toDouble() - expected[i]) < 1e-12);
            QVERIFY(std::abs(sv[i].toArray()[1].toDouble()) < 1e-12);
        }
        QVERIFY(!j.contains("counts")); // no measurement, no --shots
    }

    void countsUseClassicalBitZeroRightmost()
    {
        // Qubit 0 is flipped and measured into c[0]; c[1] stays 0: the only outcome is "01".
        const QString path = writeTemp(m_dir, "x0.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nx q[0];\nmeasure q -> c;\n");
        const Run r = runQpilot({"simulate", path, "--shots", "100", "--seed", "1", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject counts = jsonOf(r)["counts"].toObject();
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts["01"].toInt(), 100);
    }

    void sameSeedSameCountsForAnyThreadCount_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("ideal") << QStringList{};
        QTest::newRow("density matrix") << QStringList{"--noise", "ibm_torino", "--method", "density"};
        QTest::newRow("trajectories") << QStringList{"--noise", "ibm_torino", "--method", "trajectories"};
    }
    void sameSeedSameCountsForAnyThreadCount()
    {
        QFETCH(QStringList, extra);
        const QString path = writeTemp(m_dir, "ghz.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[3] c;\nh q[0];\ncx q[0], q[1];\ncx q[1], q[2];\nc = measure q;\n");
        QJsonObject first;
        for (const char* threads : {"1", "2"}) {
            const Run r = runQpilot(QStringList{"simulate", path, "--shots", "2000", "--seed", "42", "--threads", threads, "--json"} + extra);
            QCOMPARE(r.exitCode, 0);
            const QJsonObject counts = jsonOf(r)["counts"].toObject();
            int total = 0;
            for (const QJsonValue& v : counts)
                total += v.toInt();
            QCOMPARE(total, 2000);
            if (first.isEmpty())
                first = counts;
            else
                QCOMPARE(counts, first);
        }
        const Run other = runQpilot(QStringList{"simulate", path, "--shots", "2000", "--seed", "43", "--json"} + extra);
        QVERIFY(jsonOf(other)["counts"].toObject() != first);
        if (extra.isEmpty())
            QCOMPARE(first.keys(), (QStringList{"000", "111"}));
        else
            QVERIFY(first.size() > 2); // device noise puts weight outside the GHZ pair
    }

    void parametersAreBound()
    {
        const QString path = writeTemp(m_dir, "ry.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] theta;\nqubit q;\nry(theta) q;\n");
        const Run r = runQpilot({"simulate", path, "--param", "theta=1.0", "--probabilities", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray p = jsonOf(r)["probabilities"].toArray();
        QCOMPARE(p.size(), 2);
        QVERIFY(std::abs(p[1].toDouble() - std::pow(std::sin(0.5), 2)) < 1e-12);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file") << QStringList{"simulate", "/nonexistent.qasm"} << "nonexistent.qasm";
        QTest::newRow("unknown device") << QStringList{"simulate", "@ghz", "--noise", "nosuch"} << "known devices: ";
        QTest::newRow("bad shots") << QStringList{"simulate", "@ghz", "--shots", "-3"} << "--shots";
        QTest::newRow("bad seed") << QStringList{"simulate", "@ghz", "--seed", "abc"} << "--seed";
        QTest::newRow("bad method") << QStringList{"simulate", "@ghz", "--method", "magic"} << "unknown --method";
        QTest::newRow("too many qubits") << QStringList{"simulate", "@big"} << "40 qubits need 16 TiB";
        QTest::newRow("unbound parameter") << QStringList{"simulate", "@ry"} << "--param theta=VALUE";
        QTest::newRow("unknown parameter") << QStringList{"simulate", "@ry", "--param", "phi=1"} << "no input parameter 'phi'";
        QTest::newRow("statevector of a branching program") << QStringList{"simulate", "@teleport", "--statevector"} << "mid-circuit measurement";
        QTest::newRow("device too small") << QStringList{"simulate", "@wide", "--noise", "iqm_garnet"} << "iqm_garnet has 20";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QMap<QString, QString> files = {
            {"@ghz", writeTemp(m_dir, "g.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nh q[0];\ncx q[0], q[1];\n")},
            {"@big", writeTemp(m_dir, "big.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[40] q;\nh q;\n")},
            {"@ry", writeTemp(m_dir, "ry.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] theta;\nqubit q;\nry(theta) q;\n")},
            {"@teleport", writeTemp(m_dir, "t.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[1] c;\nh q[0];\nc[0] = measure q[0];\nif (c[0]) x q[1];\n")},
            {"@wide", writeTemp(m_dir, "w.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[21] q;\nh q[0];\n")},
        };
        for (QString& a : args)
            if (files.contains(a))
                a = files[a];
        const Run r = runQpilot(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.err.startsWith("qpilot: "));
    }

    void devicesListsTheShippedProfiles()
    {
        const Run r = runQpilot({"devices", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(list.size() >= 7);
        QStringList ids;
        for (const QJsonValue& v : list) {
            ids << v["id"].toString();
            QVERIFY(!v["source"].toString().isEmpty());
        }
        QVERIFY(ids.contains("ibm_torino"));
        QVERIFY(ids.contains("ionq_aria_1"));
        const Run text = runQpilot({"devices"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("ibm_torino"));
        QVERIFY(text.out.contains("n/a")); // unknown values are said, not invented
    }
};

QTEST_MAIN(TestCliSimulate)
#include "tst_cli_simulate.moc"
