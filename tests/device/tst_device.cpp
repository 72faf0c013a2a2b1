// tests/device/tst_device.cpp — device profiles: every shipped profile parses (values, units
// and n/a fields as in the reference table), a table of malformed profiles gives errors that
// name the field (and line/column where the text shows it), lookup by id or file path, and
// the unknown-id error lists the known ids.
#include "core/device/device.h"

#include <QtTest>

#include <QTemporaryDir>

#include <cmath>

using namespace qpilot;

namespace {

bool near(const std::optional<double>& v, double expected)
{
    return v && std::abs(*v - expected) <= 1e-12 * std::max(1.0, std::abs(expected));
}

} // namespace

class TestDevice : public QObject {
    Q_OBJECT
private slots:
    void shippedProfiles()
    {
        const auto devices = builtinDevices();
        QStringList ids;
        for (const DeviceProfile& d : devices)
            ids << QString::fromStdString(d.id);
        QCOMPARE(ids, (QStringList{"ibm_fez", "ibm_kingston", "ibm_sherbrooke", "ibm_torino", "ionq_aria_1",
                                   "iqm_garnet", "quantinuum_h1_1"}));
        for (const DeviceProfile& d : devices) {
            QVERIFY2(!d.source.empty(), d.id.c_str());
            QVERIFY2(!d.provider.empty() && !d.name.empty(), d.id.c_str());
            QVERIFY(d.numQubits > 0);
            QVERIFY(!d.nativeGates.empty());
            QVERIFY(d.qubits.empty()); // medians only for now
            QVERIFY(d.gateError1q && d.gateError2q && d.readoutError);
            if (d.t1 && d.t2)
                QVERIFY(*d.t2 <= 2 * *d.t1);
        }
    }

    // Spot checks against shared/reference/devices-prices-mitigation.md §2, in SI units.
    void shippedValues()
    {
        auto torino = findDevice("ibm_torino");
        QVERIFY(torino);
        QCOMPARE(torino->numQubits, 133);
        QVERIFY(near(torino->t1, 185e-6));
        QVERIFY(near(torino->t2, 141e-6));
        QVERIFY(near(torino->gateTime1q, 32e-9));
        QVERIFY(near(torino->gateTime2q, 68e-9));
        QVERIFY(near(torino->readoutTime, 1560e-9));
        QVERIFY(near(torino->gateError1q, 2.7e-4));
        QVERIFY(near(torino->gateError2q, 4.1e-3));
        QVERIFY(near(torino->readoutError, 2.3e-2));
        QCOMPARE(torino->calibrationDate, std::string("2025-02-26"));
        QCOMPARE(torino->nativeGates, (std::vector<std::string>{"cz", "sx", "x", "rz", "rx"}));

        auto sherbrooke = findDevice("ibm_sherbrooke");
        QVERIFY(sherbrooke);
        QVERIFY(near(sherbrooke->gateTime2q, 533e-9));
        QVERIFY(near(sherbrooke->gateError2q, 7.5e-3));

        auto aria = findDevice("ionq_aria_1");
        QVERIFY(aria);
        QVERIFY(near(aria->t1, 10.0));
        QVERIFY(near(aria->gateTime2q, 600e-6));
        QVERIFY(!aria->readoutTime);

        auto garnet = findDevice("iqm_garnet");
        QVERIFY(garnet);
        QVERIFY(near(garnet->t2, 9.6e-6));
        QVERIFY(near(garnet->gateError2q, 5.8e-3 * 3 / 4)); // from IQM's depolarizing parameter

        auto h1 = findDevice("quantinuum_h1_1");
        QVERIFY(h1);
        QVERIFY(!h1->t1 && !h1->t2 && !h1->gateTime1q && !h1->gateTime2q); // n/a in the table
        QVERIFY(near(h1->gateError2q, 9.3e-4));
    }

    void parsesUnitsAndQubits()
    {
        auto d = parseDeviceProfile(R"({"id": "lab-1", "num_qubits": 3,
            "medians": {"t1_ms": 0.1, "t2_s": 5e-5, "gate_time_1q_us": 0.04, "gate_time_2q_ns": 200},
            "qubits": [{"t1_us": 80, "readout_error": 0.03}, {"readout_p1_given_0": 0.01, "readout_p0_given_1": 0.04}],
            "calibration_date": "2026-01"})");
        QVERIFY2(d, d ? "" : d.error().message.c_str());
        QVERIFY(near(d->t1, 1e-4));
        QVERIFY(near(d->t2, 5e-5));
        QVERIFY(near(d->gateTime1q, 4e-8));
        QVERIFY(near(d->gateTime2q, 2e-7));
        QCOMPARE(d->name, std::string("lab-1"));
        QCOMPARE(int(d->qubits.size()), 2);
        QVERIFY(near(d->qubits[0].t1, 80e-6));
        QVERIFY(near(d->qubits[0].readoutP0Given1, 0.03));
        QVERIFY(near(d->qubits[1].readoutP1Given0, 0.01));
        QVERIFY(!d->qubits[1].t1);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("syntax: missing comma") << "{\n  \"id\": \"x\"\n  \"num_qubits\": 2\n}" << "invalid JSON" << 3 << 4;
        QTest::newRow("syntax: trailing garbage") << "{\"id\": \"x\", \"num_qubits\": 2} }" << "invalid JSON" << 1 << 30;
        QTest::newRow("syntax: unterminated") << "{\n\"id\": \"x" << "invalid JSON" << 2 << 0;
        QTest::newRow("not an object") << "[1, 2]" << "must be a JSON object" << 0 << 0;
        QTest::newRow("missing id") << "{\"num_qubits\": 5}" << "field 'id': missing" << 0 << 0;
        QTest::newRow("empty id") << "{\"id\": \"\", \"num_qubits\": 5}" << "field 'id': missing" << 1 << 2;
        QTest::newRow("id with spaces") << "{\"id\": \"my device\", \"num_qubits\": 5}" << "field 'id'" << 1 << 2;
        QTest::newRow("id wrong type") << "{\"id\": 7, \"num_qubits\": 5}" << "field 'id': expected a string, got a number" << 1 << 2;
        QTest::newRow("missing num_qubits") << "{\"id\": \"x\"}" << "field 'num_qubits': missing" << 0 << 0;
        QTest::newRow("fractional num_qubits") << "{\"id\": \"x\",\n \"num_qubits\": 2.5}" << "field 'num_qubits': must be a whole number" << 2 << 2;
        QTest::newRow("num_qubits as string") << "{\"id\": \"x\", \"num_qubits\": \"5\"}" << "field 'num_qubits'" << 1 << 13;
        QTest::newRow("negative T1") << "{\"id\": \"x\", \"num_qubits\": 2,\n \"medians\": {\"t1_us\": -5}}"
                                     << "field 'medians.t1_us': must be a time >= 0" << 2 << 14;
        QTest::newRow("zero T1") << "{\"id\": \"x\", \"num_qubits\": 2, \"medians\": {\"t1_us\": 0}}" << "field 'medians.t1_us': T1 must be > 0" << 1 << 42;
        QTest::newRow("T2 > 2 T1") << "{\"id\": \"x\", \"num_qubits\": 2,\n \"medians\": {\"t1_us\": 100,\n  \"t2_us\": 250}}"
                                   << "field 'medians.t2_us': T2 = 250 µs exceeds 2·T1 = 200 µs" << 3 << 3;
        QTest::newRow("T2 > 2 T1 per qubit") << "{\"id\": \"x\", \"num_qubits\": 2, \"qubits\": [{},\n {\"t1_us\": 10, \"t2_us\": 30}]}"
                                             << "field 'qubits[1].t2_us'" << 2 << 16;
        QTest::newRow("error rate > 1") << "{\"id\": \"x\", \"num_qubits\": 2, \"medians\": {\"gate_error_2q\": 1.5}}"
                                        << "field 'medians.gate_error_2q': must be a probability between 0 and 1 (got 1.5)" << 1 << 42;
        QTest::newRow("negative readout") << "{\"id\": \"x\", \"num_qubits\": 2, \"qubits\": [{\"readout_p0_given_1\": -0.1}]}"
                                          << "field 'qubits[0].readout_p0_given_1': must be a probability" << 1 << 42;
        QTest::newRow("T1 as string") << "{\"id\": \"x\", \"num_qubits\": 2, \"medians\": {\"t1_us\": \"100\"}}"
                                      << "field 'medians.t1_us': expected a number, got a string" << 1 << 42;
        QTest::newRow("time without unit") << "{\"id\": \"x\", \"num_qubits\": 2, \"medians\": {\"t1\": 100}}"
                                           << "field 'medians.t1': unknown field" << 1 << 42;
        QTest::newRow("two units") << "{\"id\": \"x\", \"num_qubits\": 2, \"medians\": {\"t1_us\": 100, \"t1_ns\": 1e5}}"
                                   << "given twice" << 1 << 56;
        QTest::newRow("unknown field") << "{\"id\": \"x\", \"num_qubits\": 2, \"gate_eror\": 0.1}" << "field 'gate_eror': unknown field" << 1 << 30;
        QTest::newRow("medians not an object") << "{\"id\": \"x\", \"num_qubits\": 2, \"medians\": [1]}" << "field 'medians': expected an object, got an array" << 1 << 30;
        QTest::newRow("qubit not an object") << "{\"id\": \"x\", \"num_qubits\": 2, \"qubits\": [3]}" << "field 'qubits[0]': expected an object" << 1 << 41;
        QTest::newRow("too many qubits listed") << "{\"id\": \"x\", \"num_qubits\": 1, \"qubits\": [{}, {}]}" << "lists 2 qubits but num_qubits is 1" << 1 << 30;
        QTest::newRow("native gate not a string") << "{\"id\": \"x\", \"num_qubits\": 1, \"native_gates\": [\"cz\", 3]}" << "field 'native_gates[1]'" << 1 << 53;
        QTest::newRow("bad date") << "{\"id\": \"x\", \"num_qubits\": 1, \"calibration_date\": \"26/02/2025\"}" << "field 'calibration_date': '26/02/2025' is not an ISO date" << 1 << 30;
        QTest::newRow("future format") << "{\"format_version\": 2, \"id\": \"x\", \"num_qubits\": 1}" << "unsupported version 2" << 1 << 2;
    }
    void malformed()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        auto d = parseDeviceProfile(json.toStdString(), "dev.json");
        QVERIFY(!d);
        const Error& e = d.error();
        QVERIFY2(QString::fromStdString(e.message).contains(message), e.toString().c_str());
        QCOMPARE(e.file, std::string("dev.json"));
        QCOMPARE(e.line, line);
        if (column > 0)
            QCOMPARE(e.column, column);
    }

    void findByIdOrPath()
    {
        auto unknown = findDevice("ibm_nowhere");
        QVERIFY(!unknown);
        const QString msg = QString::fromStdString(unknown.error().message);
        QVERIFY2(msg.contains("unknown device 'ibm_nowhere'"), qPrintable(msg));
        for (const DeviceProfile& d : builtinDevices())
            QVERIFY2(msg.contains(QString::fromStdString(d.id)), qPrintable(msg));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("my_device.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"id": "my_device", "num_qubits": 4, "medians": {"gate_error_2q": 0.01}})");
        f.close();
        auto mine = findDevice(path.toStdString());
        QVERIFY2(mine, mine ? "" : mine.error().message.c_str());
        QCOMPARE(mine->id, std::string("my_device"));

        QFile bad(dir.filePath("bad.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\n \"id\": \"b\",\n \"num_qubits\": 0\n}");
        bad.close();
        auto broken = findDevice(dir.filePath("bad.json").toStdString());
        QVERIFY(!broken);
        QCOMPARE(broken.error().file, dir.filePath("bad.json").toStdString());
        QCOMPARE(broken.error().line, 3);

        auto missing = findDevice(dir.filePath("nope.json").toStdString());
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.error().message).contains("does not exist"));
    }
};

QTEST_APPLESS_MAIN(TestDevice)
#include "tst_device.moc"
