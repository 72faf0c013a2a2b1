// tests/device/tst_user_devices.cpp — what-if copies of device profiles (every scaled figure equals
// the original × its factor, medians, per-gate and per-qubit; unscaled figures untouched; sources
// say what was scaled), bad factors / ids / errors pushed past 1 rejected, and the user profile
// store (save, list, findDevice by the new id, replacing a copy, a broken file named).
#include "core/device/device.h"
#include "core/circuit/qasm.h"
#include "core/transpile/transpile.h"

#include <QtTest>

#include <QTemporaryDir>

#include <cmath>

using namespace qpilot;

namespace {

std::string data(const char* name) { return std::string(QPILOT_TEST_DATA_DIR "/calibration/") + name; }

bool scaledBy(const std::optional<double>& copy, const std::optional<double>& original, double f)
{
    if (!original)
        return !copy;
    return copy && std::abs(*copy - *original * f) <= 1e-12 * std::max(1.0, std::abs(*original * f));
}

DeviceProfile lab7()
{
    auto imported = importQiskitCalibrationFiles({data("props_lab7.json"), data("conf_lab7.json")});
    if (!imported)
        qFatal("%s", imported.error().toString().c_str());
    return imported->profile;
}

} // namespace

class TestUserDevices : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("QPILOT_DATA_DIR", m_dir.path().toLocal8Bit());
    }

    void scaledCopy_data()
    {
        QTest::addColumn<QString>("device"); // shipped id, or "lab7" (imported: per-gate and per-qubit calibration)
        QTest::addColumn<double>("e1");
        QTest::addColumn<double>("e2");
        QTest::addColumn<double>("ro");
        QTest::addColumn<double>("dur");
        QTest::addColumn<double>("coh");
        QTest::newRow("Heron fez, 2q x0.5") << "ibm_fez" << 1.0 << 0.5 << 1.0 << 1.0 << 1.0;
        QTest::newRow("Heron torino, all") << "ibm_torino" << 0.5 << 0.25 << 0.8 << 1.5 << 2.0;
        QTest::newRow("IQM Garnet, readout x0.1") << "iqm_garnet" << 1.0 << 1.0 << 0.1 << 1.0 << 1.0;
        QTest::newRow("Aria, 2q x2") << "ionq_aria_1" << 1.0 << 2.0 << 1.0 << 1.0 << 1.0;
        QTest::newRow("lab7 per-gate, 2q x0.5 1q x3") << "lab7" << 3.0 << 0.5 << 0.5 << 0.9 << 1.1;
    }
    void scaledCopy()
    {
        QFETCH(QString, device);
        QFETCH(double, e1);
        QFETCH(double, e2);
        QFETCH(double, ro);
        QFETCH(double, dur);
        QFETCH(double, coh);
        DeviceProfile original;
        if (device == "lab7") {
            original = lab7();
        } else {
            auto d = findDevice(device.toStdString());
            QVERIFY(d);
            original = *d;
        }
        const DeviceScaling s{e1, e2, ro, dur, coh};
        const std::string id = original.id + "_whatif";
        auto copy = scaledDeviceCopy(original, s, id);
        QVERIFY2(copy, copy ? "" : copy.error().toString().c_str());
        const DeviceProfile& c = *copy;
        QCOMPARE(c.id, id);
        QVERIFY(scaledBy(c.gateError1q, original.gateError1q, e1));
        QVERIFY(scaledBy(c.gateError2q, original.gateError2q, e2));
        QVERIFY(scaledBy(c.readoutError, original.readoutError, ro));
        QVERIFY(scaledBy(c.gateTime1q, original.gateTime1q, dur));
        QVERIFY(scaledBy(c.gateTime2q, original.gateTime2q, dur));
        QVERIFY(scaledBy(c.readoutTime, original.readoutTime, dur));
        QVERIFY(scaledBy(c.t1, original.t1, coh));
        QVERIFY(scaledBy(c.t2, original.t2, coh));
        QCOMPARE(c.gates.size(), original.gates.size());
        for (size_t i = 0; i < c.gates.size(); ++i) {
            const double f = original.gates[i].qubits.size() == 2 ? e2 : e1;
            QVERIFY(scaledBy(c.gates[i].error, original.gates[i].error, f));
            QVERIFY(scaledBy(c.gates[i].duration, original.gates[i].duration, dur));
        }
        QCOMPARE(c.qubits.size(), original.qubits.size());
        for (size_t i = 0; i < c.qubits.size(); ++i) {
            QVERIFY(scaledBy(c.qubits[i].readoutP1Given0, original.qubits[i].readoutP1Given0, ro));
            QVERIFY(scaledBy(c.qubits[i].readoutP0Given1, original.qubits[i].readoutP0Given1, ro));
            QVERIFY(scaledBy(c.qubits[i].t1, original.qubits[i].t1, coh));
        }
        // Untouched: size, connectivity, gates, pricing, date.
        QCOMPARE(c.numQubits, original.numQubits);
        QVERIFY(c.couplers == original.couplers);
        QCOMPARE(c.nativeGates, original.nativeGates);
        QCOMPARE(c.pricing, original.pricing);
        QCOMPARE(c.calibrationDate, original.calibrationDate);
        QVERIFY(!c.layerFidelity100); // errors changed: the measured LF no longer applies
        if (e2 != 1 && original.gateError2q)
            QVERIFY(fieldSource(c, "medians.gate_error_2q").find("what-if") == 0);
        QVERIFY(c.name.find("what-if") != std::string::npos);

        // Saved to the user store, it loads through findDevice under its new id, equal.
        auto path = saveUserDevice(c, defaultUserDeviceStore());
        QVERIFY2(path, path ? "" : path.error().toString().c_str());
        QVERIFY(QString::fromStdString(*path).startsWith(m_dir.path()));
        auto loaded = findDevice(id);
        QVERIFY2(loaded, loaded ? "" : loaded.error().toString().c_str());
        QCOMPARE(deviceProfileToJson(*loaded), deviceProfileToJson(c));
        auto listed = listUserDevices(defaultUserDeviceStore());
        QVERIFY(listed);
        QVERIFY(std::any_of(listed->begin(), listed->end(), [&](const UserDevice& u) { return u.profile.id == id; }));
        // And the transpiler accepts it.
        if (c.numQubits >= 2 && !c.nativeGates.empty()) {
            auto parsed = parseQasm("OPENQASM 2.0; include \"qelib1.inc\"; qreg q[2]; h q[0]; cx q[0],q[1];", "bell");
            QVERIFY(parsed);
            auto t = transpile(*parsed, *loaded);
            QVERIFY2(t, t ? "" : t.error().toString().c_str());
        }
    }

    void describe()
    {
        QCOMPARE(describeScaling({}), std::string("unscaled"));
        QCOMPARE(describeScaling({1, 0.5, 1, 1, 1}), std::string("2q error \u00d70.5"));
        QCOMPARE(describeScaling({2, 1, 0.8, 1, 1}), std::string("1q error \u00d72, readout error \u00d70.8"));
    }

    void badInput_data()
    {
        QTest::addColumn<double>("e2");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero factor") << 0.0 << "x" << "2q error factor must be a number > 0";
        QTest::newRow("negative") << -1.0 << "x" << "must be a number > 0";
        QTest::newRow("nan") << std::nan("") << "x" << "must be a number > 0";
        QTest::newRow("id with slash") << 0.5 << "a/b" << "may use only letters";
        QTest::newRow("snapshot-like id") << 0.5 << "fez@2025-01-01" << "may use only letters";
        QTest::newRow("empty id") << 0.5 << "" << "may use only letters";
        QTest::newRow("shipped id") << 0.5 << "ibm_torino" << "is a shipped device id";
        QTest::newRow("error past 1") << 1000.0 << "fez_bad" << "medians.gate_error_2q becomes";
    }
    void badInput()
    {
        QFETCH(double, e2);
        QFETCH(QString, id);
        QFETCH(QString, expected);
        auto fez = findDevice("ibm_fez");
        QVERIFY(fez);
        DeviceScaling s;
        s.error2q = e2;
        auto copy = scaledDeviceCopy(*fez, s, id.toStdString());
        QVERIFY(!copy);
        QVERIFY2(copy.error().message.find(expected.toStdString()) != std::string::npos, copy.error().message.c_str());
    }

    void storeErrors()
    {
        QTemporaryDir dir;
        const std::string store = dir.filePath("devices").toStdString();
        auto empty = listUserDevices(store);
        QVERIFY(empty && empty->empty());
        auto fez = findDevice("ibm_fez");
        QVERIFY(fez);
        QVERIFY(!saveUserDevice(*fez, store)); // shipped id refused
        DeviceScaling s;
        s.error2q = 0.5;
        auto a = scaledDeviceCopy(*fez, s, "fez_half");
        QVERIFY(a);
        QVERIFY(saveUserDevice(*a, store));
        s.error2q = 0.25;
        auto b = scaledDeviceCopy(*fez, s, "fez_half");
        QVERIFY(b);
        QVERIFY(saveUserDevice(*b, store)); // replaces
        auto loaded = loadUserDevice("fez_half", store);
        QVERIFY(loaded);
        QVERIFY(scaledBy(loaded->gateError2q, fez->gateError2q, 0.25));
        QVERIFY(!loadUserDevice("nothing_here", store));
        QFile broken(QString::fromStdString(store) + "/broken.json");
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"format_version\": 2,");
        broken.close();
        auto listed = listUserDevices(store);
        QVERIFY(!listed);
        QVERIFY(listed.error().toString().find("broken.json") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestUserDevices)
#include "tst_user_devices.moc"
