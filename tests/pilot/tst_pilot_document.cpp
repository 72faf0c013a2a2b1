// tests/pilot/tst_pilot_document.cpp — the .qpilot document: canonical write and read-back,
// schema-1 migration with the migrated values checked, a table of malformed pilots each giving
// an error that names the field (and its line where the JSON has one), validatePilot returning
// every problem, the atomic save, relative paths against the pilot's folder, and the shipped
// example pilots (valid and stored in canonical form).
#include "core/ml/ml.h"
#include "core/pilot/pilot.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace qpilot;
using namespace qpilot::pilot;

namespace {

// A valid pilot; the malformed rows replace a substring of it. Lines: 1 "{", 2 schema_version,
// 3 name, 4 dataset, 5 preprocessing, 6 circuit, 7 model, 8 devices, 9 mitigation, 10 shots,
// 11 seed, 12 objectives, 13 cost, 14 "}".
const char kBase[] = R"({
  "schema_version": 2,
  "name": "t",
  "dataset": {"source": "builtin:iris", "classes": [1, 2]},
  "preprocessing": {"test_fraction": 0.3, "pca": 0},
  "circuit": {"encoding": "zz"},
  "model": {"kind": "kernel", "baselines": ["logistic"]},
  "devices": ["ibm_torino", "ionq_forte_1"],
  "mitigation": "rem",
  "shots": 200,
  "seed": 5,
  "objectives": {"max_latency_s": 30, "max_cost_per_1k_usd": 100},
  "cost": {"plan": ""}
})";

std::string replaced(const char* from, const char* to)
{
    std::string s = kBase;
    const auto at = s.find(from);
    if (at == std::string::npos)
        qFatal("test table: '%s' not in the base pilot", from);
    s.replace(at, std::strlen(from), to);
    return s;
}

Pilot richPilot()
{
    Pilot p;
    p.name = "rich";
    p.title = "A pilot with \"quotes\", a tab\tand ünïcode";
    p.description = "Line one.\nLine two.";
    p.dataset.source = "builtin:wine";
    p.dataset.classes = {0, 2};
    p.preprocessing.testFraction = 0.25;
    p.preprocessing.pca = 3;
    p.preprocessing.standardize = false;
    p.circuit.encoding = "reupload";
    p.circuit.reps = 3;
    p.model.kind = "vqc";
    p.model.optimizer = "spsa";
    p.model.epochs = 17;
    p.model.learningRate = 0.07;
    p.model.baselines = {"svm", "logistic"};
    p.model.folds = 4;
    p.devices = {"ibm_torino", "ibm_fez"}; // both have the IBM "flex" plan
    p.mitigation = "rem:full,zne";
    p.shots = 4321;
    p.seed = 18446744073709551557ull; // above 2^53: written as a string
    p.reproducibilitySeeds = 5;
    p.objectives.maxLatencySeconds = 0.1 + 0.2; // not exactly representable in short decimal
    p.objectives.maxCostPer1kUsd = 12.5;
    p.objectives.minAccuracyDelta = -0.035;
    p.objectives.reproducibilityTolerance = 0.04;
    p.objectives.productionRows = 123456;
    p.objectives.inferencesPerMonth = 7000000;
    p.cost.plan = "flex";
    p.cost.queueSeconds = 42.5;
    p.cost.classicalInstance = "c7g.xlarge";
    p.cost.classicalUsdPerHour = 0.145;
    p.cost.classicalThroughputPerSecond = 250000;
    p.thresholds.bands.green = 75;
    p.thresholds.bands.red = 35;
    p.thresholds.successGood = 0.85;
    p.thresholds.twoQubitGatesBad = 2000;
    p.thresholds.spreadBadMultiple = 4;
    return p;
}

} // namespace

class TestPilotDocument : public QObject {
    Q_OBJECT

private slots:
    void baseIsValid()
    {
        auto p = readPilot(kBase, "base.qpilot");
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().toString().c_str());
        QCOMPARE(p->devices.size(), size_t(2));
        QCOMPARE(p->dataset.classes, (std::vector<int>{1, 2}));
        QCOMPARE(p->shots, 200);
        // Defaults for what the file leaves out.
        QCOMPARE(p->reproducibilitySeeds, 3);
        QCOMPARE(p->model.epochs, 60);
        QCOMPARE(p->objectives.reproducibilityTolerance, 0.02);
        QCOMPARE(p->thresholds.bands.green, readiness::Thresholds{}.bands.green);
    }

    void roundTrip()
    {
        const Pilot p = richPilot();
        const std::string text = writePilot(p);
        auto back = readPilot(text, "rich.qpilot");
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
        QCOMPARE(writePilot(back.value()), text);
        const Pilot& q = back.value();
        QCOMPARE(q.title, p.title);
        QCOMPARE(q.description, p.description);
        QCOMPARE(q.dataset.classes, p.dataset.classes);
        QCOMPARE(q.preprocessing.standardize, false);
        QCOMPARE(q.circuit.reps, 3);
        QCOMPARE(q.model.optimizer, std::string("spsa"));
        QCOMPARE(q.model.baselines, p.model.baselines);
        QCOMPARE(q.devices, p.devices);
        QCOMPARE(q.mitigation, p.mitigation);
        QCOMPARE(q.shots, 4321);
        QCOMPARE(q.seed, p.seed);
        // Doubles come back bit for bit (shortest round-trip form).
        QCOMPARE(q.objectives.maxLatencySeconds, p.objectives.maxLatencySeconds);
        QCOMPARE(q.model.learningRate, p.model.learningRate);
        QCOMPARE(q.objectives.productionRows, p.objectives.productionRows);
        QVERIFY(q.cost.queueSeconds.has_value());
        QCOMPARE(*q.cost.queueSeconds, 42.5);
        QCOMPARE(q.cost.plan, std::string("flex"));
        QCOMPARE(q.thresholds.bands.green, 75.0);
        QCOMPARE(q.thresholds.successGood, 0.85);
        QCOMPARE(q.thresholds.twoQubitGatesBad, 2000.0);
        QCOMPARE(q.thresholds.spreadBadMultiple, 4.0);
        // The large seed is a string; the version key comes first; keys keep a fixed order.
        QVERIFY(text.find("\"seed\": \"18446744073709551557\"") != std::string::npos);
        QVERIFY(text.rfind("{\n  \"schema_version\": 2,\n  \"name\": \"rich\",", 0) == 0);
        QVERIFY(text.find("\"dataset\"") < text.find("\"devices\""));
        QVERIFY(text.find("\"objectives\"") < text.find("\"thresholds\""));
    }

    void equalPilotsGiveEqualText()
    {
        // The same pilot written from two differently ordered documents.
        const std::string a = R"({"schema_version": 2, "name": "x", "shots": 10, "dataset": {"source": "iris"}, "devices": ["ibm_fez"]})";
        const std::string b = R"({"devices": ["ibm_fez"], "dataset": {"source": "iris"}, "shots": 10, "name": "x", "schema_version": 2})";
        auto pa = readPilot(a, "a");
        auto pb = readPilot(b, "b");
        QVERIFY(pa.ok() && pb.ok());
        QCOMPARE(writePilot(pa.value()), writePilot(pb.value()));
    }

    void migratesSchema1()
    {
        const std::string v1 = R"({
  "version": 1,
  "name": "old-pilot",
  "title": "Written by Qpilot 0.x",
  "dataset": "iris",
  "classes": [0, 1],
  "test_fraction": 0.25,
  "pca": 2,
  "encoding": "angle",
  "model": "vqc",
  "epochs": 12,
  "optimizer": "cobyla",
  "device": "ibm_torino",
  "mitigation": ["rem", "zne"],
  "shots": 2048,
  "seed": 99,
  "slo": {"latency_ms": 250, "cost_per_1k": 40, "accuracy_margin": 0.03, "repro_tolerance": 0.05},
  "costs": {"plan": "flex", "queue_seconds": 12, "classical_usd_per_hour": 0.2}
})";
        auto p = readPilot(v1, "old.qpilot");
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().toString().c_str());
        QCOMPARE(p->schemaVersion, kSchemaVersion);
        QCOMPARE(p->name, std::string("old-pilot"));
        QCOMPARE(p->dataset.source, std::string("iris"));
        QCOMPARE(p->dataset.classes, (std::vector<int>{0, 1}));
        QCOMPARE(p->preprocessing.testFraction, 0.25);
        QCOMPARE(p->preprocessing.pca, 2);
        QCOMPARE(p->circuit.encoding, std::string("angle"));
        QCOMPARE(p->model.kind, std::string("vqc"));
        QCOMPARE(p->model.epochs, 12);
        QCOMPARE(p->model.optimizer, std::string("cobyla"));
        QCOMPARE(p->devices, std::vector<std::string>{"ibm_torino"});
        QCOMPARE(p->mitigation, std::string("rem,zne"));
        QCOMPARE(p->shots, 2048);
        QCOMPARE(p->seed, std::uint64_t(99));
        QCOMPARE(p->objectives.maxLatencySeconds, 0.25);         // 250 ms
        QCOMPARE(p->objectives.maxCostPer1kUsd, 40.0);
        QCOMPARE(p->objectives.minAccuracyDelta, -0.03);         // a 0.03 allowed drop
        QCOMPARE(p->objectives.reproducibilityTolerance, 0.05);
        QCOMPARE(p->cost.plan, std::string("flex"));
        QVERIFY(p->cost.queueSeconds.has_value());
        QCOMPARE(*p->cost.queueSeconds, 12.0);
        QCOMPARE(p->cost.classicalUsdPerHour, 0.2);
        // What schema 1 did not have takes today's defaults.
        QCOMPARE(p->reproducibilitySeeds, 3);
        QCOMPARE(p->thresholds.overheadBad, readiness::Thresholds{}.overheadBad);
        QCOMPARE(p->objectives.productionRows, Objectives{}.productionRows);
        // Written back, it is a schema-2 document.
        const std::string text = writePilot(p.value());
        QVERIFY(text.find("\"schema_version\": 2") != std::string::npos);
        QVERIFY(text.find("\"version\"") == std::string::npos);
        QVERIFY(readPilot(text, "migrated.qpilot").ok());
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");  // must appear in the message
        QTest::addColumn<QString>("detail"); // and this
        QTest::addColumn<int>("line");       // 0 = not checked

        auto row = [](const char* name, const std::string& json, const char* field, const char* detail, int line) {
            QTest::newRow(name) << QString::fromStdString(json) << field << detail << line;
        };
        row("broken json", replaced("\"shots\": 200,", "\"shots\": 200"), "", "", 11);
        row("trailing garbage", std::string(kBase) + " x", "", "", 14);
        row("not an object", "[1, 2]", "", "must be a JSON object", 0);
        row("unknown key", replaced("\"shots\": 200", "\"shot\": 200"), "shot", "unknown field", 10);
        row("unknown nested key", replaced("\"source\": \"builtin:iris\"", "\"sorce\": \"builtin:iris\""), "dataset.sorce",
            "unknown field", 4);
        row("unknown device", replaced("\"ionq_forte_1\"", "\"ibm_nowhere\""), "devices[1]",
            "unknown device 'ibm_nowhere' (see 'qpilot devices')", 8);
        row("duplicate device", replaced("\"ionq_forte_1\"", "\"ibm_torino\""), "devices[1]", "listed twice", 8);
        row("no devices", replaced("[\"ibm_torino\", \"ionq_forte_1\"]", "[]"), "devices", "at least one", 8);
        row("missing dataset", replaced("\"dataset\": {\"source\": \"builtin:iris\", \"classes\": [1, 2]},", ""), "dataset",
            "missing", 0);
        row("unknown dataset", replaced("builtin:iris", "builtin:nosuch"), "dataset.source", "nosuch", 4);
        row("missing csv", replaced("builtin:iris", "data/missing.csv"), "dataset.source", "missing.csv", 4);
        row("class out of range", replaced("[1, 2]", "[1, 7]"), "dataset.classes[1]", "no class 7", 4);
        row("bad encoding", replaced("\"zz\"", "\"zzz\""), "circuit.encoding", "unknown encoding 'zzz'", 6);
        row("ansatz as encoding", replaced("\"zz\"", "\"real_amplitudes\""), "circuit.encoding", "unknown encoding", 6);
        row("bad model", replaced("\"kernel\"", "\"svm2\""), "model.kind", "unknown model 'svm2'", 7);
        row("bad baseline", replaced("[\"logistic\"]", "[\"xgboost\"]"), "model.baselines[0]", "unknown baseline 'xgboost'", 7);
        row("ansatz on kernel", replaced("{\"encoding\": \"zz\"}", "{\"encoding\": \"zz\", \"ansatz\": \"real_amplitudes\"}"),
            "circuit.ansatz", "vqc", 6);
        row("custom qasm syntax", replaced("{\"encoding\": \"zz\"}", "{\"encoding\": \"zz\", \"custom_qasm\": \"OPENQASM 3.0; qubit[2] q; foo q[0];\"}"),
            "circuit.custom_qasm", "foo", 6);
        row("bad mitigation", replaced("\"rem\"", "\"rem,foo\""), "mitigation", "foo", 9);
        row("trex not simulated", replaced("\"rem\"", "\"trex\""), "mitigation", "trex", 9);
        row("shots 0", replaced("\"shots\": 200", "\"shots\": 0"), "shots", "1..10000000", 10);
        row("shots as string", replaced("\"shots\": 200", "\"shots\": \"200\""), "shots", "expected a number", 10);
        row("shots fractional", replaced("\"shots\": 200", "\"shots\": 2.5"), "shots", "whole number", 10);
        row("negative latency", replaced("\"max_latency_s\": 30", "\"max_latency_s\": -1"), "objectives.max_latency_s", "> 0", 12);
        row("negative cost", replaced("\"max_cost_per_1k_usd\": 100", "\"max_cost_per_1k_usd\": -5"),
            "objectives.max_cost_per_1k_usd", "> 0", 12);
        row("seed negative", replaced("\"seed\": 5", "\"seed\": -1"), "seed", "0 to 18446744073709551615", 11);
        row("seed fractional", replaced("\"seed\": 5", "\"seed\": 1.5"), "seed", "whole number", 11);
        row("seed too large", replaced("\"seed\": 5", "\"seed\": \"18446744073709551616\""), "seed", "18446744073709551615", 11);
        row("seed from 2^53 as a number", replaced("\"seed\": 5", "\"seed\": 9007199254740993"), "seed", "as a string", 11);
        row("repro seeds 0", replaced("\"seed\": 5", "\"seed\": 5, \"reproducibility_seeds\": 0"), "reproducibility_seeds",
            "1..20", 11);
        row("test fraction", replaced("\"test_fraction\": 0.3", "\"test_fraction\": 1.5"), "preprocessing.test_fraction",
            "(0, 1)", 5);
        row("pca too large", replaced("\"pca\": 0", "\"pca\": 9"), "preprocessing.pca", "exceed the 4 features", 5);
        row("price plan", replaced("\"plan\": \"\"", "\"plan\": \"gold\""), "cost.plan", "gold", 13);
        row("thresholds bands", replaced("\"cost\": {\"plan\": \"\"}", "\"cost\": {\"plan\": \"\"}, \"thresholds\": {\"bands\": {\"green\": 30, \"red\": 60}}"),
            "thresholds.bands", "green > red", 13);
        row("newer schema", replaced("\"schema_version\": 2", "\"schema_version\": 3"), "schema_version",
            "newer than this build", 2);
        row("no schema version", replaced("\"schema_version\": 2,", ""), "schema_version", "missing", 0);
        row("schema 1 unknown key", R"({"version": 1, "name": "x", "dataset": "iris", "device": "ibm_fez", "colour": "red"})",
            "colour", "schema-1", 1);
        row("schema 1 device list", R"({"version": 1, "name": "x", "dataset": "iris", "device": ["ibm_fez"]})", "device",
            "one device", 1);
    }

    void malformed()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        QFETCH(QString, detail);
        QFETCH(int, line);
        auto p = readPilot(json.toStdString(), "bad.qpilot");
        QVERIFY2(!p.ok(), "a malformed pilot was accepted");
        const Error& e = p.error();
        const std::string text = e.toString();
        QCOMPARE(e.file, std::string("bad.qpilot"));
        if (!field.isEmpty())
            QVERIFY2(text.find(field.toStdString()) != std::string::npos, text.c_str());
        if (!detail.isEmpty())
            QVERIFY2(text.find(detail.toStdString()) != std::string::npos, text.c_str());
        if (line > 0) {
            QVERIFY2(e.line == line, (text + " (expected line " + std::to_string(line) + ")").c_str());
            QVERIFY(e.column > 0);
        }
    }

    void validateReturnsEveryProblem()
    {
        Pilot p = readPilot(kBase, "base").value();
        p.shots = 0;
        p.devices.push_back("ibm_nowhere");
        p.objectives.maxLatencySeconds = -2;
        p.model.kind = "forest";
        const std::vector<Error> errors = validatePilot(p);
        QCOMPARE(errors.size(), size_t(4));
        std::string all;
        for (const Error& e : errors)
            all += e.message + "\n";
        for (const char* f : {"shots:", "devices[2]: unknown device 'ibm_nowhere'", "objectives.max_latency_s:", "model.kind:"})
            QVERIFY2(all.find(f) != std::string::npos, all.c_str());
        QVERIFY(validatePilot(readPilot(kBase, "base").value()).empty());
    }

    void fingerprintChecked()
    {
        auto iris = ml::loadBuiltinDataset("iris");
        QVERIFY(iris.ok());
        const std::string good = replaced("\"classes\": [1, 2]", ("\"classes\": [1, 2], \"fingerprint\": \"" + iris->fingerprint + "\"").c_str());
        QVERIFY(readPilot(good, "f").ok());
        std::string wrong = iris->fingerprint;
        wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
        auto bad = readPilot(replaced("\"classes\": [1, 2]", ("\"classes\": [1, 2], \"fingerprint\": \"" + wrong + "\"").c_str()), "f");
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.find("dataset.fingerprint") != std::string::npos);
        QVERIFY(bad.error().message.find(iris->fingerprint) != std::string::npos);
    }

    void saveLoadAndRelativePaths()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A CSV beside the pilot, named relative to it.
        QFile csv(dir.filePath("points.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("a,b,label\n");
        for (int i = 0; i < 20; ++i)
            csv.write(QByteArray::number(i * 0.1) + "," + QByteArray::number(1 - i * 0.05) + "," + (i % 2 ? "yes" : "no") + "\n");
        csv.close();
        Pilot p = readPilot(kBase, "base").value();
        p.dataset.source = "points.csv";
        p.dataset.classes.clear();
        p.baseDirectory = dir.path().toStdString();
        QVERIFY(validatePilot(p).empty());
        const std::string path = dir.filePath("saved.qpilot").toStdString();
        QVERIFY(!savePilotFile(p, path));
        auto back = loadPilotFile(path);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
        QCOMPARE(back->dataset.source, std::string("points.csv"));
        QCOMPARE(back->baseDirectory, dir.path().toStdString());
        QCOMPARE(writePilot(back.value()), writePilot(p));
        // Elsewhere, the relative CSV does not resolve: the error names the field.
        Pilot moved = back.value();
        moved.baseDirectory = "/nonexistent-dir";
        const std::vector<Error> errors = validatePilot(moved);
        QVERIFY(!errors.empty());
        QVERIFY(errors.front().message.find("dataset.source") == 0);
        // Saving into a missing folder fails with the path in the error.
        auto err = savePilotFile(p, dir.filePath("no/such/dir/x.qpilot").toStdString());
        QVERIFY(err.has_value());
        QVERIFY(err->file.find("no/such/dir/x.qpilot") != std::string::npos);
        // A missing file.
        auto missing = loadPilotFile(dir.filePath("absent.qpilot").toStdString());
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().file.find("absent.qpilot") != std::string::npos);
    }

    void examplesAreValidAndCanonical()
    {
        const std::vector<ExamplePilot> examples = examplePilots();
        QCOMPARE(examples.size(), size_t(3));
        std::vector<std::string> names;
        for (const ExamplePilot& e : examples) {
            names.push_back(e.name);
            auto p = readPilot(e.json, e.name + ".qpilot");
            QVERIFY2(p.ok(), (e.name + ": " + (p.ok() ? std::string() : p.error().toString())).c_str());
            QVERIFY(validatePilot(p.value()).empty());
            QVERIFY2(p->description.size() > 300, e.name.c_str()); // a real story, not a placeholder
            QVERIFY(!p->title.empty());
            QVERIFY(p->devices.size() >= 2);
            QCOMPARE(writePilot(p.value()), e.json); // stored in canonical form
        }
        // by name: the same pilot; an unknown name is an error naming it
        for (const ExamplePilot& e : examples)
            QCOMPARE(writePilot(readExamplePilot(e.name).value()), e.json);
        QVERIFY(readExamplePilot("no_such_pilot").error().message.find("no_such_pilot") != std::string::npos);
        QCOMPARE(names, (std::vector<std::string>{"amplitude_encoding", "breast_cancer_kernel", "iris_reupload_vqc"}));
        // The files on disk are the embedded ones.
        for (const ExamplePilot& e : examples) {
            QFile f(QStringLiteral(QPILOT_SOURCE_DIR "/resources/examples/") + QString::fromStdString(e.name) + ".qpilot");
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll().toStdString(), e.json);
        }
    }
};

QTEST_GUILESS_MAIN(TestPilotDocument)
#include "tst_pilot_document.moc"
