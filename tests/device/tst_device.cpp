// tests/device/tst_device.cpp — device profiles: every shipped profile parses (values, units
// and n/a fields as in the reference table), a table of malformed profiles gives errors that
// name the field (and line/column where the text shows it), lookup by id or file path, and
// the unknown-id error lists the known ids.
#include "core/device/device.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cmath>
#include <set>

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
        QCOMPARE(ids, (QStringList{"ibm_brisbane", "ibm_fez", "ibm_kingston", "ibm_miami", "ibm_pittsburgh", "ibm_sherbrooke",
                                   "ibm_torino", "ionq_aria_1", "ionq_forte_1", "iqm_garnet", "quantinuum_h1_1",
                                   "quantinuum_h2_1", "rigetti_cepheus_1_108q"}));
        for (const DeviceProfile& d : devices) {
            QVERIFY2(!d.source.empty(), d.id.c_str());
            QVERIFY2(!d.provider.empty() && !d.name.empty() && !d.family.empty(), d.id.c_str());
            QVERIFY2(!d.pricing.empty() && !d.topology.empty(), d.id.c_str());
            QVERIFY(d.numQubits > 0);
            QVERIFY(!d.nativeGates.empty());
            if (d.t1 && d.t2)
                QVERIFY(*d.t2 <= 2 * *d.t1);
            // Every known headline value names its source explicitly (not just the profile's).
            auto sourced = [&](const std::string& field) {
                for (const auto& [key, source] : d.fieldSources)
                    if ((key == field || key == field.substr(0, field.find('.'))) && !source.empty())
                        return true;
                return false;
            };
            const std::pair<const char*, bool> fields[] = {
                {"medians.t1", bool(d.t1)}, {"medians.t2", bool(d.t2)}, {"medians.gate_error_1q", bool(d.gateError1q)},
                {"medians.gate_error_2q", bool(d.gateError2q)}, {"medians.gate_time_1q", bool(d.gateTime1q)},
                {"medians.gate_time_2q", bool(d.gateTime2q)}, {"medians.readout_error", bool(d.readoutError)},
                {"clops", bool(d.clops)}, {"quantum_volume", bool(d.quantumVolume)}, {"layer_fidelity_100", bool(d.layerFidelity100)},
                {"repetition_delay", bool(d.repetitionDelay)}, {"couplers", true}, {"pricing", true}};
            for (const auto& [field, known] : fields)
                if (known)
                    QVERIFY2(sourced(field), (d.id + ": no source for " + field).c_str());
            // Calibrated two-qubit gates sit on couplers in an allowed direction.
            for (const GateCalibration& g : d.gates)
                if (g.qubits.size() == 2)
                    QVERIFY(allowsTwoQubitGate(d, g.qubits[0], g.qubits[1]));
            // Round trip through the format_version 2 writer.
            auto again = parseDeviceProfile(deviceProfileToJson(d), d.id + ".json");
            QVERIFY2(again, again ? "" : again.error().toString().c_str());
            QCOMPARE(again->couplers, d.couplers);
            QCOMPARE(again->nativeGates, d.nativeGates);
            QCOMPARE(again->fieldSources.size(), d.fieldSources.size());
            QCOMPARE(again->gates.size(), d.gates.size());
            QCOMPARE(again->qubits.size(), d.qubits.size());
            QCOMPARE(bool(again->t1), bool(d.t1));
            if (d.t1)
                QVERIFY(std::abs(*again->t1 - *d.t1) <= 1e-12 * *d.t1);
            QCOMPARE(again->quantumVolume, d.quantumVolume);
            QCOMPARE(again->pricing, d.pricing);
            QCOMPARE(again->directed, d.directed);
        }
    }

    // Connectivity of each shipped profile: coupler count, max degree, direction (reference §2).
    void shippedTopology_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("topology");
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("couplers");
        QTest::addColumn<int>("degree");
        QTest::addColumn<bool>("directed");
        QTest::newRow("sherbrooke") << "ibm_sherbrooke" << "heavy-hex" << 127 << 144 << 3 << true;
        QTest::newRow("brisbane") << "ibm_brisbane" << "heavy-hex" << 127 << 144 << 3 << true;
        QTest::newRow("torino") << "ibm_torino" << "heavy-hex" << 133 << 150 << 3 << false;
        QTest::newRow("fez") << "ibm_fez" << "heavy-hex" << 156 << 176 << 3 << false;
        QTest::newRow("kingston") << "ibm_kingston" << "heavy-hex" << 156 << 176 << 3 << false;
        QTest::newRow("pittsburgh") << "ibm_pittsburgh" << "heavy-hex" << 156 << 176 << 3 << false;
        QTest::newRow("miami") << "ibm_miami" << "square" << 120 << 218 << 4 << false;
        QTest::newRow("garnet") << "iqm_garnet" << "square" << 20 << 30 << 4 << false;
        QTest::newRow("aria") << "ionq_aria_1" << "all-to-all" << 25 << 300 << 24 << false;
        QTest::newRow("forte") << "ionq_forte_1" << "all-to-all" << 36 << 630 << 35 << false;
        QTest::newRow("h1") << "quantinuum_h1_1" << "all-to-all" << 20 << 190 << 19 << false;
        QTest::newRow("h2") << "quantinuum_h2_1" << "all-to-all" << 56 << 1540 << 55 << false;
        QTest::newRow("cepheus") << "rigetti_cepheus_1_108q" << "square" << 108 << 195 << 4 << false;
    }
    void shippedTopology()
    {
        QFETCH(QString, id);
        QFETCH(QString, topology);
        QFETCH(int, qubits);
        QFETCH(int, couplers);
        QFETCH(int, degree);
        QFETCH(bool, directed);
        auto d = findDevice(id.toStdString());
        QVERIFY(d);
        QCOMPARE(QString::fromStdString(d->topology), topology);
        QCOMPARE(d->numQubits, qubits);
        QCOMPARE(int(undirectedEdges(*d).size()), couplers);
        QCOMPARE(maxDegree(*d), degree);
        QCOMPARE(d->directed, directed);
        QCOMPARE(d->allToAll, topology == "all-to-all");
        // Connected: a breadth-first search from qubit 0 reaches every qubit.
        std::vector<std::vector<int>> adj(size_t(d->numQubits));
        for (auto [a, b] : undirectedEdges(*d)) {
            adj[size_t(a)].push_back(b);
            adj[size_t(b)].push_back(a);
        }
        std::vector<bool> seen(size_t(d->numQubits), false);
        std::vector<int> queue{0};
        seen[0] = true;
        for (size_t i = 0; i < queue.size(); ++i)
            for (int n : adj[size_t(queue[i])])
                if (!seen[size_t(n)]) {
                    seen[size_t(n)] = true;
                    queue.push_back(n);
                }
        QCOMPARE(int(queue.size()), d->numQubits);
    }

    // heavyHexCouplers against IBM's own coupling maps (tests/data/devices, extracted from the
    // qiskit-ibm-runtime fake backends' conf_*.json, see the README there).
    void heavyHexMatchesIbmMaps_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<QString>("fixture");
        QTest::newRow("127 Eagle (sherbrooke)") << 127 << "sherbrooke_coupling_map.json";
        QTest::newRow("133 Heron r1 (torino)") << 133 << "torino_coupling_map.json";
        QTest::newRow("156 Heron r2 (fez)") << 156 << "fez_coupling_map.json";
    }
    void heavyHexMatchesIbmMaps()
    {
        QFETCH(int, qubits);
        QFETCH(QString, fixture);
        QFile f(QStringLiteral(QPILOT_TEST_DATA_DIR "/devices/") + fixture);
        QVERIFY(f.open(QIODevice::ReadOnly));
        std::set<std::pair<int, int>> expected;
        for (const QJsonValue& e : QJsonDocument::fromJson(f.readAll()).array()) {
            const int a = e.toArray()[0].toInt(), b = e.toArray()[1].toInt();
            expected.insert({std::min(a, b), std::max(a, b)});
        }
        QVERIFY(expected.size() > 100);
        auto generated = heavyHexCouplers(qubits);
        QVERIFY(generated);
        const std::set<std::pair<int, int>> got(generated->begin(), generated->end());
        QCOMPARE(got.size(), generated->size()); // no duplicates
        QCOMPARE(got, expected);
        // The shipped Sherbrooke profile keeps IBM's ECR directions from the same file.
        if (qubits == 127) {
            f.seek(0);
            auto sherbrooke = findDevice("ibm_sherbrooke");
            QVERIFY(sherbrooke);
            for (const QJsonValue& e : QJsonDocument::fromJson(f.readAll()).array()) {
                const int a = e.toArray()[0].toInt(), b = e.toArray()[1].toInt();
                QVERIFY(allowsTwoQubitGate(*sherbrooke, a, b));
                QVERIFY(!allowsTwoQubitGate(*sherbrooke, b, a));
            }
        }
        QVERIFY(!heavyHexCouplers(65));
        QVERIFY(QString::fromStdString(heavyHexCouplers(65).error().message).contains("127"));
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
        QCOMPARE(h1->nativeGates, (std::vector<std::string>{"prx", "rz", "rzz"}));
        QCOMPARE(h1->quantumVolume, std::optional<int>(1 << 20));

        // Throughput, layer fidelity, repetition delay and pricing keys (reference §2 and §3).
        auto miami = findDevice("ibm_miami");
        QVERIFY(miami);
        QVERIFY(near(miami->repetitionDelay, 4000e-6));
        QVERIFY(near(miami->clops, 24000));
        QVERIFY(near(miami->layerFidelity100, 0.331));
        QCOMPARE(miami->latticeRows * miami->latticeColumns, 120);
        QCOMPARE(miami->pricing, std::string("ibm"));
        QVERIFY(near(sherbrooke->repetitionDelay, 250e-6));
        QCOMPARE(sherbrooke->quantumVolume, std::optional<int>(32));
        QVERIFY(!torino->quantumVolume);
        QCOMPARE(garnet->pricing, std::string("braket:iqm_garnet"));
        QCOMPARE(aria->pricing, std::string("azure:ionq_aria"));

        // Garnet's per-qubit and per-pair values from IQM's fake backend [S11]: λ -> r.
        QCOMPARE(int(garnet->qubits.size()), 20);
        QVERIFY(near(qubitCalibration(*garnet, 3).t1, 11555e-9));
        QVERIFY(near(qubitCalibration(*garnet, 0).readoutP1Given0, 0.0255));
        QVERIFY(near(qubitCalibration(*garnet, 0).readoutP0Given1, 0.0260));
        QVERIFY(near(gateError(*garnet, "cz", {10, 5}), 0.01401 * 3 / 4)); // QB11-QB6, the worst pair
        QVERIFY(near(gateError(*garnet, "cz", {5, 10}), 0.01401 * 3 / 4)); // undirected: either order
        QVERIFY(near(gateError(*garnet, "prx", {5}), 0.00384 / 2));
        QVERIFY(near(gateDuration(*garnet, "cz", {0, 1}), 40e-9));

        // Unknowns stay null and are listed as such.
        auto forte = findDevice("ionq_forte_1");
        QVERIFY(forte);
        QVERIFY(!forte->gateError2q && !forte->t1 && !forte->readoutError);
        const auto unknown = unknownFields(*forte);
        QVERIFY(std::find(unknown.begin(), unknown.end(), "medians.gate_error_2q") != unknown.end());
        QVERIFY(std::find(unknown.begin(), unknown.end(), "clops / shot_rate_hz") != unknown.end());
    }

    // Format 2 connectivity: generated from the topology unless given, with lookups.
    void formatTwoConnectivity()
    {
        auto line = parseDeviceProfile(R"({"format_version": 2, "id": "l", "num_qubits": 4, "topology": "line", "native_gates": ["cz", "sx"],
            "gates": [{"gate": "cz", "qubits": [2, 1], "error": 0.02, "duration_ns": 100}, {"gate": "sx", "qubits": [3], "error": null}],
            "medians": {"gate_error_2q": 0.01}})");
        QVERIFY2(line, line ? "" : line.error().toString().c_str());
        QCOMPARE(line->couplers, (std::vector<std::pair<int, int>>{{0, 1}, {1, 2}, {2, 3}}));
        QVERIFY(near(gateError(*line, "cz", {1, 2}), 0.02));
        QVERIFY(near(gateError(*line, "cz", {2, 3}), 0.01)); // median fallback
        QVERIFY(near(gateDuration(*line, "cz", {1, 2}), 100e-9));

        auto square = parseDeviceProfile(R"({"format_version": 2, "id": "s", "num_qubits": 6, "topology": "square", "lattice": {"rows": 2, "columns": 3}})");
        QVERIFY2(square, square ? "" : square.error().toString().c_str());
        QCOMPARE(square->couplers, squareLatticeCouplers(2, 3));
        QCOMPARE(int(square->couplers.size()), 7);

        auto directed = parseDeviceProfile(R"({"format_version": 2, "id": "d", "num_qubits": 3, "topology": "custom", "directed": true,
            "native_gates": ["ecr"], "couplers": [[1, 0], [1, 2], [2, 1]], "gates": [{"gate": "ecr", "qubits": [1, 0], "error": 0.01}]})");
        QVERIFY2(directed, directed ? "" : directed.error().toString().c_str());
        QVERIFY(allowsTwoQubitGate(*directed, 1, 0));
        QVERIFY(!allowsTwoQubitGate(*directed, 0, 1));
        QVERIFY(allowsTwoQubitGate(*directed, 2, 1) && allowsTwoQubitGate(*directed, 1, 2));
        QCOMPARE(int(undirectedEdges(*directed).size()), 2);

        auto ions = parseDeviceProfile(R"({"format_version": 2, "id": "i", "num_qubits": 5, "topology": "all-to-all", "native_gates": ["gpi", "gpi2", "ms"],
            "gates": [{"gate": "ms", "qubits": [4, 0], "error": 0.005}]})");
        QVERIFY2(ions, ions ? "" : ions.error().toString().c_str());
        QVERIFY(ions->allToAll);
        QVERIFY(allowsTwoQubitGate(*ions, 4, 1));
        QVERIFY(near(gateError(*ions, "ms", {0, 4}), 0.005));
        QCOMPARE(maxDegree(*ions), 4);
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
        QTest::newRow("future format") << "{\"format_version\": 3, \"id\": \"x\", \"num_qubits\": 1}" << "unsupported version 3" << 1 << 2;
    }

    // Format 2: malformed or inconsistent profiles, each naming the field and its line.
    void malformedV2_data()
    {
        QTest::addColumn<QString>("body");    // after {"format_version": 2, "id": "x", "num_qubits": 4,\n
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        const QString line = "\"topology\": \"line\", \"native_gates\": [\"cz\", \"sx\", \"ecr\"],\n";
        QTest::newRow("missing topology") << "\"native_gates\": [\"cz\"]}" << "field 'topology': missing" << 0;
        QTest::newRow("unknown topology") << "\"topology\": \"torus\"}" << "field 'topology': unknown topology 'torus'" << 2;
        QTest::newRow("heavy-hex of unsupported size") << "\"topology\": \"heavy-hex\"}" << "field 'topology': no heavy-hex layout for 4 qubits" << 2;
        QTest::newRow("square without lattice") << "\"topology\": \"square\"}" << "field 'topology': a square topology needs" << 2;
        QTest::newRow("lattice rows*columns") << "\"topology\": \"square\",\n \"lattice\": {\"rows\": 2, \"columns\": 3}}"
                                              << "field 'lattice': 2 rows x 3 columns = 6 qubits, but num_qubits is 4" << 3;
        QTest::newRow("lattice not whole") << "\"topology\": \"square\",\n \"lattice\": {\"rows\": 2, \"columns\": 2.5}}"
                                           << "field 'lattice.columns': must be a whole number" << 3;
        QTest::newRow("custom without couplers") << "\"topology\": \"custom\"}" << "field 'couplers': missing" << 0;
        QTest::newRow("coupler to a missing qubit") << "\"topology\": \"custom\",\n \"couplers\": [[0, 1],\n [1, 4]]}"
                                                    << "field 'couplers[1]': qubit 4 does not exist (num_qubits is 4" << 4;
        QTest::newRow("negative coupler index") << "\"topology\": \"custom\",\n \"couplers\": [[-1, 1]]}" << "field 'couplers[0]': qubit -1 does not exist" << 3;
        QTest::newRow("self-loop") << "\"topology\": \"custom\",\n \"couplers\": [[0, 1], [2, 2]]}" << "field 'couplers[1]': couples qubit 2 to itself" << 3;
        QTest::newRow("duplicate coupler") << "\"topology\": \"custom\",\n \"couplers\": [[0, 1],\n [1, 0]]}" << "field 'couplers[1]': coupler [1, 0] is listed twice" << 4;
        QTest::newRow("coupler not a pair") << "\"topology\": \"custom\",\n \"couplers\": [[0, 1, 2]]}" << "field 'couplers[0]': expected a pair" << 3;
        QTest::newRow("all-to-all with couplers") << "\"topology\": \"all-to-all\",\n \"couplers\": [[0, 1]]}" << "field 'couplers': an all-to-all device" << 3;
        QTest::newRow("unknown native gate") << "\"topology\": \"line\",\n \"native_gates\": [\"cz\", \"cnot\"]}"
                                             << "field 'native_gates[1]': unknown native gate 'cnot'" << 3;
        QTest::newRow("unknown gate in gates") << line + " \"gates\": [{\"gate\": \"foo\", \"qubits\": [0]}]}" << "field 'gates[0].gate': unknown native gate 'foo'" << 3;
        QTest::newRow("gate not native") << "\"topology\": \"line\", \"native_gates\": [\"cz\"],\n \"gates\": [{\"gate\": \"sx\", \"qubits\": [0]}]}"
                                         << "field 'gates[0].gate': 'sx' is not in native_gates" << 3;
        QTest::newRow("gate qubit out of range") << line + " \"gates\": [{\"gate\": \"sx\", \"qubits\": [0]},\n {\"gate\": \"sx\", \"qubits\": [7]}]}"
                                                 << "field 'gates[1].qubits': qubit 7 does not exist" << 4;
        QTest::newRow("2q calibration on uncoupled pair") << line + " \"gates\": [{\"gate\": \"cz\", \"qubits\": [0, 2], \"error\": 0.01}]}"
                                                          << "field 'gates[0].qubits': qubits 0 and 2 are not coupled" << 3;
        QTest::newRow("2q calibration against the direction")
            << "\"topology\": \"custom\", \"directed\": true, \"couplers\": [[1, 0]], \"native_gates\": [\"ecr\"],\n \"gates\": [{\"gate\": \"ecr\", \"qubits\": [0, 1]}]}"
            << "are coupled only in the other direction" << 3;
        QTest::newRow("wrong arity") << line + " \"gates\": [{\"gate\": \"cz\", \"qubits\": [0]}]}" << "field 'gates[0].qubits': 'cz' acts on 2 qubits" << 3;
        QTest::newRow("gate error > 1") << line + " \"gates\": [{\"gate\": \"cz\", \"qubits\": [0, 1],\n \"error\": 1.2}]}"
                                        << "field 'gates[0].error': must be a probability between 0 and 1 (got 1.2)" << 4;
        QTest::newRow("negative gate duration") << line + " \"gates\": [{\"gate\": \"cz\", \"qubits\": [0, 1],\n \"duration_ns\": -5}]}"
                                                << "field 'gates[0].duration_ns': must be a time >= 0" << 4;
        QTest::newRow("duplicate calibration") << line + " \"gates\": [{\"gate\": \"cz\", \"qubits\": [0, 1]},\n {\"gate\": \"cz\", \"qubits\": [1, 0]}]}"
                                               << "field 'gates[1]': a second calibration of cz" << 4;
        QTest::newRow("unknown key in a gate") << line + " \"gates\": [{\"gate\": \"cz\", \"qubits\": [0, 1], \"fidelity\": 0.99}]}"
                                               << "field 'gates[0].fidelity': unknown field" << 3;
        QTest::newRow("negative repetition delay") << line + " \"repetition_delay_us\": -250}" << "field 'repetition_delay_us': must be a time >= 0" << 3;
        QTest::newRow("zero CLOPS") << line + " \"clops\": 0}" << "field 'clops': must be a rate > 0" << 3;
        QTest::newRow("layer fidelity > 1") << line + " \"layer_fidelity_100\": 1.3}" << "field 'layer_fidelity_100': must be a probability" << 3;
        QTest::newRow("fractional quantum volume") << line + " \"quantum_volume\": 31.5}" << "field 'quantum_volume': must be a whole number" << 3;
        QTest::newRow("directed not a boolean") << "\"topology\": \"line\",\n \"directed\": \"yes\"}" << "field 'directed': expected true or false" << 3;
        QTest::newRow("source not a string") << line + " \"sources\": {\"clops\": 5}}" << "field 'sources.clops': expected a string" << 3;
        QTest::newRow("per-qubit error after gates (top-level key located)")
            << line + " \"gates\": [{\"gate\": \"sx\", \"qubits\": [0]}],\n \"qubits\": [{},\n {\"t1_us\": 10, \"t2_us\": 30}]}"
            << "field 'qubits[1].t2_us'" << 5;
        QTest::newRow("T2 > 2 T1 (v2)") << line + " \"qubits\": [{\"t1_us\": 50,\n \"t2_us\": 120}]}" << "field 'qubits[0].t2_us': T2 = 120 µs exceeds 2·T1" << 4;
    }
    void malformedV2()
    {
        QFETCH(QString, body);
        QFETCH(QString, message);
        QFETCH(int, line);
        const QString json = "{\"format_version\": 2, \"id\": \"x\", \"num_qubits\": 4,\n" + body;
        auto d = parseDeviceProfile(json.toStdString(), "dev2.json");
        QVERIFY2(!d, qPrintable(json));
        const Error& e = d.error();
        QVERIFY2(QString::fromStdString(e.message).contains(message), e.toString().c_str());
        QCOMPARE(e.file, std::string("dev2.json"));
        QCOMPARE(e.line, line);
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
