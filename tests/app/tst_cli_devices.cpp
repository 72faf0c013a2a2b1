// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_devices.cpp — `qpilot devices`, `qpilot devices show` and `qpilot
// calibration import|list` as real processes: the key-figure table and JSON (n/a / null for
// unknowns), the full profile view (couplers, degree, per-gate summary, sources, not
// published), importing Qiskit/IBM calibration files into a snapshot store (idempotent,
// several dates, @latest usable by devices show and simulate --noise), and exit code 2 with a
// clear `qpilot: ` message for every bad input.
#include "app/cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using qpilot::test::Run;
using qpilot::test::runQpilot;

namespace {

QString data(const char* name) { return QStringLiteral(QPILOT_TEST_DATA_DIR "/calibration/") + name; }

QJsonObject objectOf(const Run& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

} // namespace

class TestCliDevices : public QObject {
    Q_OBJECT
    QTemporaryDir m_data; // QPILOT_DATA_DIR of every qpilot this test starts: no user copies leak in or out

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        qputenv("QPILOT_DATA_DIR", m_data.path().toLocal8Bit());
    }

    void listTable()
    {
        const Run r = runQpilot({"devices"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        for (const char* id : {"ibm_sherbrooke", "ibm_brisbane", "ibm_torino", "ibm_fez", "ibm_kingston", "ibm_pittsburgh", "ibm_miami",
                               "iqm_garnet", "ionq_aria_1", "ionq_forte_1", "quantinuum_h1_1", "quantinuum_h2_1", "rigetti_cepheus_1_108q"})
            QVERIFY2(r.out.contains(id), id);
        // The Forte row: every figure unknown, and said so.
        const QString forte = r.out.split('\n').filter("ionq_forte_1").value(0);
        QVERIFY2(forte.count("n/a") >= 5, qPrintable(forte));
        const QString torino = r.out.split('\n').filter("ibm_torino").value(0);
        for (const char* v : {"133", "heavy-hex", "cz sx x rz rx", "0.0041", "0.023", "185 us", "141 us", "210000", "2025-02-26"})
            QVERIFY2(torino.contains(v), qPrintable(torino + " lacks " + v));
    }

    void listJson()
    {
        const Run r = runQpilot({"devices", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 13);
        for (const QJsonValue& v : list) {
            QVERIFY(!v["source"].toString().isEmpty());
            QVERIFY(!v["pricing"].toString().isEmpty());
            QVERIFY(v["native_gates"].toArray().size() > 0);
        }
        const auto find = [&](const QString& id) {
            for (const QJsonValue& v : list)
                if (v["id"].toString() == id)
                    return v.toObject();
            return QJsonObject{};
        };
        QCOMPARE(find("ibm_miami")["couplers"].toInt(), 218);
        QCOMPARE(find("ibm_miami")["topology"].toString(), QString("square"));
        QCOMPARE(find("ibm_fez")["couplers"].toInt(), 176);
        QVERIFY(find("ionq_forte_1")["gate_error_2q"].isNull()); // unknown = null, not 0
        QVERIFY(find("ionq_forte_1")["clops"].isNull());
        QCOMPARE(find("ionq_aria_1")["couplers"].toInt(), 300);
        QCOMPARE(find("ibm_kingston")["clops"].toDouble(), 340000.0);
    }

    void showText()
    {
        const Run r = runQpilot({"devices", "show", "iqm_garnet"});
        QCOMPARE(r.exitCode, 0);
        for (const char* v : {"30 couplers", "max degree 4", "prx cz", "cz: 30 calibrated", "prx: 20 calibrated", "braket:iqm_garnet",
                              "Sources per field:", "couplers: [S11]", "Not published: ", "medians.readout_time", "QV 32", "CLOPS 2600"})
            QVERIFY2(r.out.contains(v), v);
        const Run sherbrooke = runQpilot({"devices", "show", "ibm_sherbrooke"});
        QCOMPARE(sherbrooke.exitCode, 0);
        QVERIFY(sherbrooke.out.contains("heavy-hex, directed, 144 couplers, max degree 3"));
        QVERIFY(sherbrooke.out.contains("EPLG100 2.04 %")); // 1 - 0.130^(1/99)
        QVERIFY(sherbrooke.out.contains("per-gate       none (medians only)"));
    }

    void showJson()
    {
        const Run r = runQpilot({"devices", "show", "ibm_torino", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = objectOf(r);
        QCOMPARE(o["format_version"].toInt(), 2);
        QCOMPARE(o["coupler_count"].toInt(), 150);
        QCOMPARE(o["couplers"].toArray().size(), 150);
        QCOMPARE(o["max_degree"].toInt(), 3);
        QCOMPARE(o["pricing"].toString(), QString("ibm"));
        QCOMPARE(o["medians"].toObject()["t1_us"].toDouble(), 185.0);
        QVERIFY(std::abs(o["eplg_100"].toDouble() - (1 - std::pow(0.364, 1.0 / 99))) < 1e-12);
        QVERIFY(o["quantum_volume"].isNull());
        const QJsonArray unknown = o["not_published"].toArray();
        QVERIFY(unknown.contains(QJsonValue("quantum_volume")));
        QVERIFY(!o["sources"].toObject()["layer_fidelity_100"].toString().isEmpty());

        const Run garnet = runQpilot({"devices", "show", "iqm_garnet", "--json"});
        const QJsonArray summary = objectOf(garnet)["gate_calibration_summary"].toArray();
        QCOMPARE(summary.size(), 2);
        const QJsonObject cz = summary[0].toObject();
        QCOMPARE(cz["gate"].toString(), QString("cz"));
        QCOMPARE(cz["count"].toInt(), 30);
        QVERIFY(std::abs(cz["error_max"].toDouble() - 0.01401 * 0.75) < 1e-12); // worst pair QB11-QB6
        QVERIFY(std::abs(cz["error_min"].toDouble() - 0.00251 * 0.75) < 1e-12);
    }

    void importListAndUse()
    {
        QTemporaryDir store;
        QVERIFY(store.isValid());
        const Run first = runQpilot({"calibration", "import", data("props_lab7.json"), data("conf_lab7.json"), "--store", store.path(), "--json"});
        QCOMPARE(first.exitCode, 0);
        const QJsonObject o = objectOf(first);
        QCOMPARE(o["id"].toString(), QString("ibm_lab7@2025-03-14"));
        QCOMPARE(o["status"].toString(), QString("new"));
        QCOMPARE(o["path"].toString(), store.path() + "/ibm_lab7/2025-03-14.json");
        QVERIFY(QFile::exists(o["path"].toString()));
        QCOMPARE(o["num_qubits"].toInt(), 7);
        QCOMPARE(o["couplers"].toInt(), 6);
        QVERIFY(o["directed"].toBool());
        QVERIFY(std::abs(o["gate_error_2q"].toDouble() - 7.08e-3) < 1e-12);

        // Idempotent re-import (files in the other order), text output.
        const Run again = runQpilot({"calibration", "import", data("conf_lab7.json"), data("props_lab7.json"), "--store", store.path()});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("snapshot ibm_lab7@2025-03-14 (unchanged)"), qPrintable(again.out));

        // A second, later calibration with dead couplers: notes say what happened.
        const Run second = runQpilot({"calibration", "import", data("props_lab7_dead_coupler.json"), data("conf_lab7.json"), "--store", store.path()});
        QCOMPARE(second.exitCode, 0);
        QVERIFY(second.out.contains("ibm_lab7@2025-03-15 (new)"));
        QVERIFY2(second.out.contains("note: 2 dead coupler(s)"), qPrintable(second.out));

        const Run list = runQpilot({"calibration", "list", "--store", store.path(), "--json"});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray snapshots = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(snapshots.size(), 2);
        QCOMPARE(snapshots[0]["id"].toString(), QString("ibm_lab7@2025-03-14"));
        QCOMPARE(snapshots[1]["id"].toString(), QString("ibm_lab7@2025-03-15"));
        QVERIFY(snapshots[1]["valid"].toBool());
        const Run listText = runQpilot({"calibration", "list", "--store", store.path()});
        QVERIFY(listText.out.contains("ibm_lab7@2025-03-15") && listText.out.contains("0.00772"));

        const Run latest = runQpilot({"devices", "show", "ibm_lab7@latest", "--store", store.path(), "--json"});
        QCOMPARE(latest.exitCode, 0);
        QCOMPARE(objectOf(latest)["calibration_date"].toString(), QString("2025-03-15"));
        const Run dated = runQpilot({"devices", "show", "ibm_lab7@2025-03-14", "--store", store.path()});
        QCOMPARE(dated.exitCode, 0);
        QVERIFY(dated.out.contains("ecr: 6 calibrated"));

        // The snapshot drives the simulator's noise through QPILOT_DATA_DIR.
        QTemporaryDir dataDir;
        QVERIFY(QDir().mkpath(dataDir.filePath("calibrations/ibm_lab7")));
        QVERIFY(QFile::copy(store.path() + "/ibm_lab7/2025-03-14.json", dataDir.filePath("calibrations/ibm_lab7/2025-03-14.json")));
        const QString circuit = dataDir.filePath("bell.qasm");
        QFile f(circuit);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n");
        f.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QPILOT_DATA_DIR", dataDir.path());
        const Run sim = runQpilot({"simulate", circuit, "--noise", "ibm_lab7@latest", "--shots", "200", "--seed", "3", "--json"}, QString(), env);
        QVERIFY2(sim.exitCode == 0, qPrintable(sim.err));
        QVERIFY2(sim.out.contains("ibm_lab7@2025-03-14"), qPrintable(sim.out.left(400)));
    }

    // A what-if copy with half the 2q error: the figures scaled from the shipped profile, saved
    // under its suggested id, listed (marked), and usable as a noise model.
    void whatIfCopy()
    {
        const Run shown = runQpilot({"devices", "show", "ibm_fez", "--json"});
        QCOMPARE(shown.exitCode, 0);
        const double e2 = objectOf(shown)["medians"].toObject()["gate_error_2q"].toDouble();
        const double ro = objectOf(shown)["medians"].toObject()["readout_error"].toDouble();
        QVERIFY(e2 > 0 && ro > 0);
        const Run r = runQpilot({"devices", "whatif", "ibm_fez", "--2q-error", "0.5", "--readout", "0.8", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = objectOf(r);
        QCOMPARE(o["id"].toString(), QString("ibm_fez_2q_x0.5_ro_x0.8"));
        QCOMPARE(o["gate_error_2q"].toDouble(), e2 * 0.5);
        QCOMPARE(o["readout_error"].toDouble(), ro * 0.8);
        QCOMPARE(o["path"].toString(), QDir(m_data.filePath("devices")).filePath("ibm_fez_2q_x0.5_ro_x0.8.json"));
        QVERIFY(QFile::exists(o["path"].toString()));
        const QJsonArray list = QJsonDocument::fromJson(runQpilot({"devices", "--json"}).out.toUtf8()).array();
        QCOMPARE(list.size(), 14);
        QCOMPARE(list.last()["id"].toString(), QString("ibm_fez_2q_x0.5_ro_x0.8"));
        QVERIFY(list.last()["what_if"].toBool());
        QVERIFY(!list.first()["what_if"].toBool());
        QVERIFY(runQpilot({"devices"}).out.contains("ibm_fez_2q_x0.5_ro_x0.8 *"));
        const Run sim = runQpilot({"simulate", QStringLiteral(QPILOT_SOURCE_DIR "/resources/examples/ghz.qasm"), "--noise",
                                   "ibm_fez_2q_x0.5_ro_x0.8", "--shots", "100"});
        QVERIFY2(sim.exitCode == 0, qPrintable(sim.err));
        // a chosen id; the copy's id is then taken for another copy only by replacing it
        const Run named = runQpilot({"devices", "whatif", "ibm_torino", "--durations", "2", "--id", "slow_torino"});
        QVERIFY2(named.exitCode == 0, qPrintable(named.err));
        QVERIFY(named.out.contains("slow_torino"));
        QVERIFY(QFile::exists(QDir(m_data.filePath("devices")).filePath("slow_torino.json")));
        QVERIFY(QFile::remove(QDir(m_data.filePath("devices")).filePath("slow_torino.json")));
        QVERIFY(QFile::remove(o["path"].toString())); // the other cases expect the shipped profiles only
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("devices: unknown sub-command") << QStringList{"devices", "frob"} << "devices: unknown sub-command 'frob'";
        QTest::newRow("devices show: no id") << QStringList{"devices", "show"} << "devices show: missing ID";
        QTest::newRow("devices show: two ids") << QStringList{"devices", "show", "ibm_fez", "ibm_torino"} << "one ID expected, got 2";
        QTest::newRow("devices show: unknown id") << QStringList{"devices", "show", "ibm_nowhere"} << "unknown device 'ibm_nowhere'; known devices: ibm_brisbane";
        QTest::newRow("devices show: unknown snapshot") << QStringList{"devices", "show", "ibm_nowhere@latest", "--store", "@STORE"}
                                                        << "no calibration snapshot of 'ibm_nowhere'";
        QTest::newRow("devices: --store without show") << QStringList{"devices", "--store", "@STORE"} << "--store applies to 'devices show";
        QTest::newRow("calibration: no sub-command") << QStringList{"calibration"} << "calibration: missing sub-command";
        QTest::newRow("calibration: unknown sub-command") << QStringList{"calibration", "export"} << "unknown sub-command 'export'";
        QTest::newRow("import: no files") << QStringList{"calibration", "import", "--store", "@STORE"} << "calibration import: missing FILE";
        QTest::newRow("import: missing file") << QStringList{"calibration", "import", "nowhere.json", "--store", "@STORE"} << "nowhere.json: calibration file does not exist";
        QTest::newRow("import: truncated") << QStringList{"calibration", "import", "@props_lab7_truncated.json", "--store", "@STORE"}
                                           << "props_lab7_truncated.json:";
        QTest::newRow("import: unknown unit") << QStringList{"calibration", "import", "@props_lab7_bad_unit.json", "--store", "@STORE"}
                                              << "field 'qubits[3]': 'T1' has unknown unit 'fortnights'";
        QTest::newRow("import: missing qubits") << QStringList{"calibration", "import", "@props_lab7_no_qubits.json", "--store", "@STORE"}
                                                << "field 'qubits': missing";
        QTest::newRow("import: coupling to a missing qubit")
            << QStringList{"calibration", "import", "@props_lab7.json", "@conf_lab7_missing_qubit.json", "--store", "@STORE"}
            << "conf_lab7_missing_qubit.json:37:3: field 'coupling_map[6]': couples qubit 7, which does not exist";
        QTest::newRow("import: configuration only") << QStringList{"calibration", "import", "@conf_lab7.json", "--store", "@STORE"}
                                                    << "only a backend configuration was given";
        QTest::newRow("list: extra argument") << QStringList{"calibration", "list", "x", "--store", "@STORE"} << "calibration list: takes no arguments";
        QTest::newRow("whatif: no id") << QStringList{"devices", "whatif", "--2q-error", "0.5"} << "expected one device ID";
        QTest::newRow("whatif: unknown id") << QStringList{"devices", "whatif", "ibm_nowhere", "--2q-error", "0.5"} << "unknown device 'ibm_nowhere'";
        QTest::newRow("whatif: not a number") << QStringList{"devices", "whatif", "ibm_fez", "--2q-error", "half"} << "--2q-error: not a number 'half'";
        QTest::newRow("whatif: error above 1") << QStringList{"devices", "whatif", "ibm_fez", "--2q-error", "5000"} << "(> 1)";
        QTest::newRow("whatif: shipped id") << QStringList{"devices", "whatif", "ibm_fez", "--2q-error", "0.5", "--id", "ibm_torino"}
                                            << "shipped";
        QTest::newRow("whatif: factor elsewhere") << QStringList{"devices", "--2q-error", "0.5"} << "--2q-error belongs to 'devices whatif'";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir store;
        for (QString& a : args) {
            if (a == QLatin1String("@STORE"))
                a = store.path();
            else if (a.startsWith('@') && a.endsWith(".json"))
                a = data(a.mid(1).toUtf8().constData());
        }
        const Run r = runQpilot(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("qpilot: "), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(QDir(store.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty()); // nothing stored
        QVERIFY(QDir(m_data.filePath("devices")).entryList(QDir::Files).isEmpty());
    }

    void helpMentionsTheVerbs()
    {
        const Run help = runQpilot({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("calibration import FILE..."));
        QVERIFY(help.out.contains("devices [show ID|FILE|ID@DATE | whatif ID --2q-error F ...]"));
        QVERIFY(help.out.contains("prices [whatif KEY"));
        const Run calHelp = runQpilot({"calibration", "--help"});
        QCOMPARE(calHelp.exitCode, 0);
        QVERIFY(calHelp.out.contains("QPILOT_DATA_DIR"));
    }
};

QTEST_MAIN(TestCliDevices)
#include "tst_cli_devices.moc"
