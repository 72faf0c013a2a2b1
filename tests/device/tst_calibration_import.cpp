// tests/device/tst_calibration_import.cpp — calibration import from Qiskit BackendProperties +
// BackendConfiguration files and IBM REST replies (tests/data/calibration, hand-written with
// realistic values; expected medians computed independently when the files were written),
// malformed inputs rejected with located errors, dead couplers, and the snapshot store
// (atomic, idempotent, several dates, @latest, QPILOT_DATA_DIR).
#include "core/device/device.h"
#include "core/noise/noise.h"

#include <QtTest>

#include <QTemporaryDir>

#include <algorithm>
#include <cmath>

using namespace qpilot;

namespace {

std::string data(const char* name) { return std::string(QPILOT_TEST_DATA_DIR "/calibration/") + name; }

bool near(const std::optional<double>& v, double expected)
{
    return v && std::abs(*v - expected) <= 1e-9 * std::max(1.0, std::abs(expected));
}

bool mentions(const std::vector<std::string>& notes, const char* text)
{
    return std::any_of(notes.begin(), notes.end(), [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

} // namespace

class TestCalibrationImport : public QObject {
    Q_OBJECT
private slots:
    // props_lab7.json + conf_lab7.json: 7 qubits, ECR on 6 directed couplers (Falcon-like H).
    void propsAndConfiguration_data()
    {
        QTest::addColumn<bool>("confFirst");
        QTest::newRow("props, conf") << false;
        QTest::newRow("conf, props") << true;
    }
    void propsAndConfiguration()
    {
        QFETCH(bool, confFirst);
        std::vector<std::string> files{data("props_lab7.json"), data("conf_lab7.json")};
        if (confFirst)
            std::swap(files[0], files[1]);
        auto imported = importQiskitCalibrationFiles(files);
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        const DeviceProfile& d = imported->profile;
        QCOMPARE(imported->backend, std::string("ibm_lab7"));
        QCOMPARE(imported->date, std::string("2025-03-14"));
        QCOMPARE(d.calibrationDate, std::string("2025-03-14"));
        QCOMPARE(d.numQubits, 7);
        QCOMPARE(d.nativeGates, (std::vector<std::string>{"ecr", "rz", "sx", "x"}));
        QVERIFY(d.directed);
        QCOMPARE(d.topology, std::string("custom"));
        QCOMPARE(int(d.couplers.size()), 6);
        QVERIFY(allowsTwoQubitGate(d, 1, 0) && !allowsTwoQubitGate(d, 0, 1));
        QVERIFY(allowsTwoQubitGate(d, 6, 5) && !allowsTwoQubitGate(d, 5, 6));
        // Medians (Python statistics.median over the values written into the files).
        QVERIFY(near(d.t1, 124.8e-6));
        QVERIFY(near(d.t2, 97.0e-6));
        QVERIFY(near(d.readoutError, 0.0155));
        QVERIFY(near(d.readoutTime, 1216e-9));
        QVERIFY(near(d.gateError1q, 2.25e-4));
        QVERIFY(near(d.gateTime1q, 56.888888888888886e-9));
        QVERIFY(near(d.gateError2q, 7.08e-3));
        QVERIFY(near(d.gateTime2q, 533.3e-9));
        // Per qubit and per gate.
        QCOMPARE(int(d.qubits.size()), 7);
        QVERIFY(near(d.qubits[2].readoutP0Given1, 0.0305)); // prob_meas0_prep1
        QVERIFY(near(d.qubits[2].readoutP1Given0, 0.0211)); // prob_meas1_prep0
        QVERIFY(near(d.qubits[5].t1, 160.5e-6));
        QCOMPARE(int(d.gates.size()), 7 + 7 + 6); // sx, x per qubit + 6 ecr (id, rz, reset skipped)
        QVERIFY(near(gateError(d, "ecr", {3, 1}), 9.87e-3));
        QVERIFY(near(gateDuration(d, "ecr", {3, 1}), 597.3e-9));
        QVERIFY(near(gateError(d, "sx", {2}), 3.95e-4));
        // Configuration extras and sources.
        QVERIFY(near(d.repetitionDelay, 250e-6));
        QVERIFY(near(d.clops, 2900));
        QCOMPARE(d.quantumVolume, std::optional<int>(32));
        QCOMPARE(d.family, std::string("IBM Falcon r5.11"));
        QCOMPARE(d.pricing, std::string("ibm"));
        QVERIFY(fieldSource(d, "couplers").find("conf_lab7.json coupling_map") != std::string::npos);
        QVERIFY(fieldSource(d, "medians.gate_error_2q").find("6 ecr gate_error values") != std::string::npos);
        QVERIFY(d.source.find("props_lab7.json") != std::string::npos);
        QVERIFY(d.source.find("2025-03-14T09:41:07+00:00") != std::string::npos);
        // The profile is usable: a noise model with the calibrated ECR error on (3, 1).
        auto model = NoiseModel::fromDevice(d);
        QVERIFY2(model, model ? "" : model.error().message.c_str());
    }

    // IBM REST replies: bare /properties, /configuration wrapped in {"configuration": ...};
    // CZ listed both ways (undirected), rzz calibrated too but not in the 2q median.
    void restReplies()
    {
        auto imported = importQiskitCalibrationFiles({data("rest_properties_heron5.json"), data("rest_configuration_heron5.json")});
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        const DeviceProfile& d = imported->profile;
        QCOMPARE(imported->date, std::string("2025-06-02"));
        QCOMPARE(d.numQubits, 5);
        QVERIFY(!d.directed);
        QCOMPARE(d.couplers, (std::vector<std::pair<int, int>>{{0, 1}, {1, 2}, {2, 3}, {3, 4}}));
        QVERIFY(std::count(d.nativeGates.begin(), d.nativeGates.end(), "rzz") == 1);
        QVERIFY(near(d.gateError2q, 3.25e-3));
        QVERIFY(near(d.gateTime2q, 68e-9));
        QVERIFY(near(d.t1, 201.5e-6));
        QVERIFY(near(d.t2, 143.2e-6));
        QVERIFY(near(d.readoutError, 0.00865));
        QVERIFY(near(d.gateError1q, 2.0e-4));
        QVERIFY(near(gateError(d, "cz", {3, 2}), 1.2e-2));
        QVERIFY(near(gateError(d, "rzz", {2, 3}), 1.2e-2 * 1.1));
        QCOMPARE(int(d.gates.size()), 5 + 5 + 4 + 4);
        QVERIFY(mentions(imported->notes, "inside \"configuration\""));
        QVERIFY(mentions(imported->notes, "4 calibration(s) of the reverse direction"));
        QCOMPARE(d.family, std::string("IBM Heron r2"));
        QVERIFY(near(d.clops, 195000));
    }

    // Properties alone: the coupling map comes from the calibrated 2q gates.
    void propertiesAlone()
    {
        auto imported = importQiskitCalibrationFiles({data("props_lab7.json")});
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        const DeviceProfile& d = imported->profile;
        QVERIFY(d.directed);
        QCOMPARE(int(d.couplers.size()), 6);
        QCOMPARE(d.nativeGates, (std::vector<std::string>{"sx", "x", "ecr"}));
        QVERIFY(!d.repetitionDelay && !d.clops && !d.quantumVolume);
        QVERIFY(fieldSource(d, "couplers").find("pairs of the calibrated two-qubit gates") != std::string::npos);
    }

    // Dead couplers: IBM reports gate_error 1 (here also 1.3): kept as dead, out of the medians.
    void deadCouplers()
    {
        auto imported = importQiskitCalibrationFiles({data("props_lab7_dead_coupler.json"), data("conf_lab7.json")});
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        const DeviceProfile& d = imported->profile;
        QVERIFY(near(gateError(d, "ecr", {6, 5}), 1.0));
        QVERIFY(near(gateError(d, "ecr", {1, 2}), 1.0));
        QVERIFY(near(d.gateError2q, 7.72e-3)); // median of the 4 live couplers
        QVERIFY(near(d.gateTime2q, 547.55e-9));
        QVERIFY(mentions(imported->notes, "1 gate error(s) > 1 recorded as 1"));
        QVERIFY(mentions(imported->notes, "2 dead coupler(s)"));
        auto model = NoiseModel::fromDevice(d);
        QVERIFY2(model, model ? "" : model.error().message.c_str());
    }

    void malformed_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("file");     // the file the error names
        QTest::addColumn<QString>("lineHas");  // text expected on the reported line ("" = no line)
        QTest::newRow("truncated JSON") << QStringList{"props_lab7_truncated.json"} << "invalid JSON" << "props_lab7_truncated.json" << "*";
        QTest::newRow("missing qubits") << QStringList{"props_lab7_no_qubits.json", "conf_lab7.json"} << "field 'qubits': missing"
                                        << "props_lab7_no_qubits.json" << "";
        QTest::newRow("unknown unit") << QStringList{"props_lab7_bad_unit.json"} << "field 'qubits[3]': 'T1' has unknown unit 'fortnights'"
                                      << "props_lab7_bad_unit.json" << "[";
        QTest::newRow("coupling to a missing qubit") << QStringList{"props_lab7.json", "conf_lab7_missing_qubit.json"}
                                                     << "field 'coupling_map[6]': couples qubit 7, which does not exist (n_qubits is 7)"
                                                     << "conf_lab7_missing_qubit.json" << "[";
        QTest::newRow("configuration alone") << QStringList{"conf_lab7.json"} << "only a backend configuration" << "conf_lab7.json" << "";
        QTest::newRow("two properties") << QStringList{"props_lab7.json", "props_lab7_dead_coupler.json"} << "two properties documents"
                                        << "props_lab7_dead_coupler.json" << "";
        QTest::newRow("different backends") << QStringList{"rest_properties_heron5.json", "conf_lab7.json"}
                                            << "the properties are for 'ibm_heron5' but the configuration is for 'ibm_lab7'" << "conf_lab7.json" << "";
        QTest::newRow("missing file") << QStringList{"props_nowhere.json"} << "does not exist" << "props_nowhere.json" << "";
        QTest::newRow("not calibration") << QStringList{"../devices/fez_coupling_map.json"} << "expected a JSON object" << "fez_coupling_map.json" << "";
    }
    void malformed()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, message);
        QFETCH(QString, file);
        QFETCH(QString, lineHas);
        std::vector<std::string> paths;
        for (const QString& f : files)
            paths.push_back(data(f.toUtf8().constData()));
        auto imported = importQiskitCalibrationFiles(paths);
        QVERIFY(!imported);
        const Error& e = imported.error();
        QVERIFY2(QString::fromStdString(e.message).contains(message), e.toString().c_str());
        QVERIFY2(QString::fromStdString(e.file).endsWith(file), e.toString().c_str());
        if (lineHas.isEmpty())
            return;
        QVERIFY2(e.line > 0, e.toString().c_str());
        if (lineHas == "*")
            return;
        QFile f(QString::fromStdString(e.file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split('\n');
        QVERIFY(e.line <= lines.size());
        QVERIFY2(lines[e.line - 1].contains(lineHas), qPrintable(lines[e.line - 1]));
        // The located element is the faulty one: the bad value follows before the next element.
        const QString rest = lines.mid(e.line - 1, 12).join('\n');
        QVERIFY2(rest.contains("fortnights") || rest.contains("7\n"), qPrintable(rest));
    }

    void snapshots()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string store = dir.filePath("calibrations").toStdString();
        QCOMPARE(listCalibrationSnapshots(store)->size(), size_t(0)); // a missing store is empty

        auto first = importQiskitCalibrationFiles({data("props_lab7.json"), data("conf_lab7.json")});
        QVERIFY(first);
        auto saved = saveCalibrationSnapshot(first->profile, store);
        QVERIFY2(saved, saved ? "" : saved.error().toString().c_str());
        QCOMPARE(saved->snapshot.id, std::string("ibm_lab7@2025-03-14"));
        QCOMPARE(saved->snapshot.path, store + "/ibm_lab7/2025-03-14.json");
        QVERIFY(!saved->unchanged && !saved->replaced);
        QFile written(QString::fromStdString(saved->snapshot.path));
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray bytes = written.readAll();
        written.close();
        const QDateTime modified = QFileInfo(written).lastModified();

        // Re-importing the identical calibration is idempotent: same bytes, nothing written.
        auto again = saveCalibrationSnapshot(importQiskitCalibrationFiles({data("conf_lab7.json"), data("props_lab7.json")})->profile, store);
        QVERIFY(again && again->unchanged && !again->replaced);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), bytes);
        QCOMPARE(QFileInfo(written).lastModified(), modified);

        // A second date coexists; @latest picks it.
        auto second = importQiskitCalibrationFiles({data("props_lab7_dead_coupler.json"), data("conf_lab7.json")});
        QVERIFY(second);
        QVERIFY(saveCalibrationSnapshot(second->profile, store));
        auto list = listCalibrationSnapshots(store);
        QVERIFY(list);
        QCOMPARE(list->size(), size_t(2));
        QCOMPARE((*list)[0].id, std::string("ibm_lab7@2025-03-14"));
        QCOMPARE((*list)[1].id, std::string("ibm_lab7@2025-03-15"));

        auto dated = findDevice("ibm_lab7@2025-03-14", store);
        QVERIFY2(dated, dated ? "" : dated.error().toString().c_str());
        QCOMPARE(dated->id, std::string("ibm_lab7@2025-03-14"));
        QVERIFY(near(dated->gateError2q, 7.08e-3));
        QCOMPARE(dated->couplers, first->profile.couplers);
        QCOMPARE(dated->gates.size(), first->profile.gates.size());
        QCOMPARE(dated->qubits.size(), first->profile.qubits.size());
        QVERIFY(near(dated->qubits[2].readoutP0Given1, 0.0305));
        QVERIFY(near(gateError(*dated, "ecr", {3, 1}), 9.87e-3));
        auto latest = findDevice("ibm_lab7@latest", store);
        QVERIFY(latest);
        QCOMPARE(latest->calibrationDate, std::string("2025-03-15"));
        QVERIFY(near(latest->gateError2q, 7.72e-3));

        auto missingDate = findDevice("ibm_lab7@2024-01-01", store);
        QVERIFY(!missingDate);
        QVERIFY2(QString::fromStdString(missingDate.error().message).contains("2025-03-14, 2025-03-15"), missingDate.error().message.c_str());
        auto missingBackend = findDevice("ibm_nowhere@latest", store);
        QVERIFY(!missingBackend);
        QVERIFY(QString::fromStdString(missingBackend.error().message).contains("no calibration snapshot of 'ibm_nowhere'"));

        // Same date, different values: the snapshot is replaced (and says so).
        DeviceProfile changed = first->profile;
        changed.t1 = 1e-4;
        auto replaced = saveCalibrationSnapshot(changed, store);
        QVERIFY(replaced && replaced->replaced && !replaced->unchanged);
        QVERIFY(near(findDevice("ibm_lab7@2025-03-14", store)->t1, 1e-4));

        // No date, no snapshot.
        DeviceProfile undated = first->profile;
        undated.calibrationDate.clear();
        QVERIFY(!saveCalibrationSnapshot(undated, store));

        // QPILOT_DATA_DIR selects the default store; findDevice(id) then resolves snapshots.
        qputenv("QPILOT_DATA_DIR", dir.path().toUtf8());
        QCOMPARE(defaultCalibrationStore(), store);
        auto viaEnv = findDevice("ibm_lab7@latest");
        QVERIFY2(viaEnv, viaEnv ? "" : viaEnv.error().toString().c_str());
        QCOMPARE(viaEnv->calibrationDate, std::string("2025-03-15"));
        qunsetenv("QPILOT_DATA_DIR");
    }
};

QTEST_APPLESS_MAIN(TestCalibrationImport)
#include "tst_calibration_import.moc"
