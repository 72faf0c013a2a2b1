// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_mitigate.cpp — `qpilot mitigate` as a real process: GHZ with ZNE and PEC
// on a shipped device reduces |bias| (exact probabilities, deterministic), rem removes the
// readout bias, the JSON keys and per-factor values, spent vs predicted overhead, seeded
// reproducibility, and exit code 2 with a clear message for bad input.
#include "app/cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using qpilot::test::Run;
using qpilot::test::jsonOf;
using qpilot::test::runQpilot;

namespace {

QString ghzPath() { return QStringLiteral(QPILOT_SOURCE_DIR "/resources/examples/ghz.qasm"); }

QJsonObject technique(const QJsonObject& root, const QString& name)
{
    for (const QJsonValue& v : root.value("techniques").toArray())
        if (v.toObject().value("technique").toString() == name)
            return v.toObject();
    return {};
}

} // namespace

class TestCliMitigate : public QObject {
    Q_OBJECT

private slots:
    void ghzBiasReduced_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("technique");
        for (const char* d : {"ibm_torino", "ibm_fez", "iqm_garnet"}) {
            QTest::newRow(qPrintable(QString("%1 zne").arg(d))) << d << "zne";
            QTest::newRow(qPrintable(QString("%1 pec").arg(d))) << d << "pec";
        }
    }
    void ghzBiasReduced()
    {
        QFETCH(QString, device);
        QFETCH(QString, technique);
        const Run r = runQpilot({"mitigate", ghzPath(), "--device", device, "--observable", "ZZZZ", "--technique",
                                 technique, "--shots", "0", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = jsonOf(r);
        QCOMPARE(root.value("ideal").toDouble(), 1.0);
        const double before = std::abs(root.value("noisy").toObject().value("bias").toDouble());
        const QJsonObject t = ::technique(root, technique);
        QVERIFY(!t.isEmpty());
        const double after = std::abs(t.value("bias_after").toDouble());
        QVERIFY2(before > 0.01, qPrintable(QString::number(before)));
        QVERIFY2(after < before, qPrintable(QString("before %1 after %2").arg(before).arg(after)));
        QVERIFY(std::abs(t.value("bias_removed").toDouble() - (before - after)) < 1e-12);
    }

    void jsonKeysAndFactors()
    {
        const Run r = runQpilot({"mitigate", ghzPath(), "--device", "ibm_torino", "--observable", "zzzz", "--technique",
                                 "rem,zne", "--zne-factors", "1,2,3", "--extrapolator", "linear", "--folding", "global",
                                 "--shots", "2000", "--seed", "5", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = jsonOf(r);
        for (const char* key : {"file", "device", "observable", "qubits", "shots", "seed", "placement", "noise_model",
                                "ideal", "noisy", "techniques"})
            QVERIFY2(root.contains(key), key);
        QCOMPARE(root.value("observable").toString(), QString("ZZZZ"));
        const QJsonObject zne = technique(root, "zne");
        for (const char* key : {"mitigated", "std_error", "bias_before", "bias_after", "bias_removed", "spent",
                                "predicted", "details", "notes"})
            QVERIFY2(zne.contains(key), key);
        const QJsonObject d = zne.value("details").toObject();
        QCOMPARE(d.value("factors").toArray().size(), 3);
        QCOMPARE(d.value("values").toArray().size(), 3);
        QCOMPARE(d.value("extrapolator").toString(), QString("linear"));
        QCOMPARE(d.value("factors").toArray().at(2).toDouble(), 3.0); // global folding of 4 gates: exact
        QVERIFY(zne.value("std_error").toDouble() > 0);
        // Spent vs predicted: 3 circuits at 2000 shots each, as overheadFor predicts.
        QCOMPARE(zne.value("spent").toObject().value("shots").toDouble(), 6000.0);
        QCOMPARE(zne.value("predicted").toObject().value("executions_configured").toDouble(), 6000.0);
        const QJsonObject rem = technique(root, "rem");
        QCOMPARE(rem.value("spent").toObject().value("calibration_circuits").toDouble(), 2.0);
        QCOMPARE(rem.value("predicted").toObject().value("calibration_shots").toDouble(),
                 rem.value("spent").toObject().value("calibration_shots").toDouble());
        // rem removes most of the readout bias (0.023 per qubit, ≈ 0.17 on four qubits).
        QVERIFY(std::abs(rem.value("bias_after").toDouble()) < 0.5 * std::abs(rem.value("bias_before").toDouble()));
        // Same seed, same output.
        const Run again = runQpilot({"mitigate", ghzPath(), "--device", "ibm_torino", "--observable", "zzzz", "--technique",
                                     "rem,zne", "--zne-factors", "1,2,3", "--extrapolator", "linear", "--folding", "global",
                                     "--shots", "2000", "--seed", "5", "--json"});
        QCOMPARE(again.out, r.out);
    }

    void textOutput()
    {
        const Run r = runQpilot({"mitigate", ghzPath(), "--device", "ibm_torino", "--observable", "ZZZZ", "--technique",
                                 "zne,twirl,dd:xy4", "--shots", "1000"});
        QCOMPARE(r.exitCode, 0);
        for (const char* s : {"ideal", "noisy", "zne", "twirl", "dd", "spent:", "predicted", "lambda -> <P>"})
            QVERIFY2(r.out.contains(s), s);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString g = ghzPath();
        QTest::newRow("pauli length") << QStringList{"mitigate", g, "--device", "ibm_torino", "--observable", "ZZZ", "--technique", "zne"}
                                      << "has 3 letters; the circuit has 4 qubits";
        QTest::newRow("pauli letter") << QStringList{"mitigate", g, "--device", "ibm_torino", "--observable", "ZZQZ", "--technique", "zne"}
                                      << "letter 3 ('Q')";
        QTest::newRow("unknown technique") << QStringList{"mitigate", g, "--device", "ibm_torino", "--observable", "ZZZZ", "--technique", "zne,magic"}
                                           << "unknown technique 'magic'";
        QTest::newRow("trex not run") << QStringList{"mitigate", g, "--device", "ibm_torino", "--observable", "ZZZZ", "--technique", "trex"}
                                      << "unknown technique 'trex'";
        QTest::newRow("pec above cap") << QStringList{"mitigate", g, "--device", "ibm_torino", "--observable", "ZZZZ", "--technique", "pec",
                                                      "--pec-max-overhead", "1.01"}
                                       << "gamma^2 = ";
        QTest::newRow("unknown device") << QStringList{"mitigate", g, "--device", "nosuch", "--observable", "ZZZZ", "--technique", "zne"}
                                        << "nosuch";
        QTest::newRow("bad factors") << QStringList{"mitigate", g, "--device", "ibm_torino", "--observable", "ZZZZ", "--technique", "zne",
                                                    "--zne-factors", "1,1,3"}
                                     << "--zne-factors";
        QTest::newRow("missing observable") << QStringList{"mitigate", g, "--device", "ibm_torino", "--technique", "zne"}
                                            << "--observable is required";
        QTest::newRow("bad shots") << QStringList{"mitigate", g, "--device", "ibm_torino", "--observable", "ZZZZ", "--technique", "zne",
                                                  "--shots", "-1"}
                                   << "--shots";
        QTest::newRow("folding without zne") << QStringList{"mitigate", g, "--device", "ibm_torino", "--observable", "ZZZZ",
                                                            "--technique", "rem", "--folding", "global"}
                                             << "need 'zne'";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runQpilot(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("qpilot: "), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_MAIN(TestCliMitigate)
#include "tst_cli_mitigate.moc"
