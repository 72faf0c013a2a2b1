// tests/pilot/tst_run_json.cpp — the canonical run JSON (core/pilot/run_json.cpp): a round trip
// gives identical text and bit-identical doubles (0.1 + 0.2, 1e-300, subnormals, DBL_MAX, −0,
// NaN ROC AUC as "NaN"), 64-bit seeds survive, malformed JSON is rejected naming the field, the
// result digest ignores every timing/provenance field but changes with every result field, and
// compareResults names the differing fields.
#include "support/sample_run.h"

#include "core/pilot/run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cstring>
#include <functional>

using namespace qpilot;
using pilot::PilotRun;

namespace {

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

struct Mutation {
    const char* name;
    std::function<void(PilotRun&)> apply;
    bool changesResults;
};

const std::vector<Mutation>& mutations()
{
    static const std::vector<Mutation> list = {
        // excluded: identity, provenance, clock and machine
        {"pilotName", [](PilotRun& r) { r.pilotName = "other"; }, false},
        {"pilotFile", [](PilotRun& r) { r.pilotFile = "/elsewhere/p.qpilot"; }, false},
        {"seed", [](PilotRun& r) { r.seed = 3; }, false},
        {"appVersion", [](PilotRun& r) { r.appVersion = "9.9"; }, false},
        {"buildId", [](PilotRun& r) { r.buildId = "clang Debug"; }, false},
        {"user", [](PilotRun& r) { r.user = "bob"; }, false},
        {"startedAt", [](PilotRun& r) { r.startedAt = "2030-01-01T00:00:00Z"; }, false},
        {"finishedAt", [](PilotRun& r) { r.finishedAt = ""; }, false},
        {"stages.seconds", [](PilotRun& r) { r.stages[2].seconds = 99; }, false},
        {"datasetSource", [](PilotRun& r) { r.datasetSource = "/tmp/copy.csv"; }, false},
        {"warnings", [](PilotRun& r) { r.warnings.push_back("slow machine"); }, false},
        {"quantum.tuneSeconds", [](PilotRun& r) { r.quantum.tuneSeconds = 7; }, false},
        {"baselines.fitSeconds", [](PilotRun& r) { r.baselines[1].fitSeconds = 7; }, false},
        {"inferenceSamplesPerSecond", [](PilotRun& r) { r.baselines[0].inferenceSamplesPerSecond = 1; }, false},
        {"seeds.trainSeconds", [](PilotRun& r) { r.seeds[1].trainSeconds = 70; }, false},
        {"transpileSeconds", [](PilotRun& r) { r.devices[1].transpileSeconds = 7; }, false},
        // included: what the pipeline computed
        {"datasetFingerprint", [](PilotRun& r) { r.datasetFingerprint[0] = 'a'; }, true},
        {"rows", [](PilotRun& r) { r.rows = 568; }, true},
        {"quantum.accuracy", [](PilotRun& r) { r.quantum.metrics.accuracy = std::nextafter(0.9, 1.0); }, true},
        {"quantum.rocAuc NaN→0.5", [](PilotRun& r) { r.quantum.metrics.rocAuc = 0.5; }, true},
        {"baselines.confusion", [](PilotRun& r) { r.baselines[0].metrics.confusion[1][0] = 2; }, true},
        {"baselines.predictions", [](PilotRun& r) { r.baselines[1].predictions[3] = 1; }, true},
        {"baselines.grid", [](PilotRun& r) { r.baselines[1].grid[0].cvStd = 0.06; }, true},
        {"baselines.best", [](PilotRun& r) { r.baselines[0].best[0].value = "10"; }, true},
        {"kernelOffDiagonalVariance −0→+0", [](PilotRun& r) { r.kernelOffDiagonalVariance = 0.0; }, true},
        {"trainingLoss", [](PilotRun& r) { r.trainingLoss.pop_back(); }, true},
        {"seeds.accuracy", [](PilotRun& r) { r.seeds[1].accuracy = 0.5; }, true},
        {"seeds.seed", [](PilotRun& r) { r.seeds[1].seed = 8; }, true},
        {"devices.counts", [](PilotRun& r) { r.devices[0].counts["0101"] = 13; }, true},
        {"devices.cost", [](PilotRun& r) { r.devices[1].costPer1kUsd = 980.5; }, true},
        {"devices.latencySeconds", [](PilotRun& r) { r.devices[1].latencySeconds = 1.0; }, true},
        {"devices.shotMultiplier", [](PilotRun& r) { r.devices[0].shotMultiplier = 9.25; }, true},
        {"devices.transpiledQasm", [](PilotRun& r) { r.devices[0].transpiledQasm += "x q[0];\n"; }, true},
        {"devices.error", [](PilotRun& r) { r.devices[1].error = "device failed"; }, true},
        {"devices.notes", [](PilotRun& r) { r.devices[0].notes.clear(); }, true},
        {"encodingCurve", [](PilotRun& r) { r.encodingCurve[1].transpiledTwoQubitGates["ionq_forte_1"] = 7; }, true},
        {"classicalPer1kUsd", [](PilotRun& r) { r.classicalPer1kUsd *= 2; }, true},
        {"circuitHash", [](PilotRun& r) { r.circuitHash = "c2"; }, true},
        {"trainingExecutions", [](PilotRun& r) { r.trainingExecutions += 1; }, true},
        // dashboard data (added later; indices 40..)
        {"kernelSample", [](PilotRun& r) { r.kernelSample[1] = 0.25; }, true},
        {"devices.zne.values", [](PilotRun& r) { r.devices[0].zne.values[2] = 0.0; }, true},
        {"devices.zne.curve", [](PilotRun& r) { r.devices[0].zne.curveValues.pop_back(); r.devices[0].zne.curveFactors.pop_back(); }, true},
        {"devices.techniqueOverheads", [](PilotRun& r) { r.devices[1].techniqueOverheads[1].timeMultiplier = 2.0; }, true},
        {"devices.successByDepth", [](PilotRun& r) { r.devices[0].successByDepth[1].successProbability = 0.5; }, true},
    };
    return list;
}

} // namespace

class TestRunJson : public QObject {
    Q_OBJECT

private slots:
    void roundTripIsIdentical()
    {
        const PilotRun run = test::sampleRun();
        const std::string json = runToJson(run);
        Result<PilotRun> back = pilot::runFromJson(json);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QCOMPARE(QString::fromStdString(runToJson(back.value())), QString::fromStdString(json));
        const PilotRun& b = back.value();
        QCOMPARE(b.seed, 12345678901234567890ull);
        QCOMPARE(b.seeds[0].seed, 12345678901234567890ull);
        QVERIFY(sameBits(b.baselines[1].metrics.accuracy, 0.1 + 0.2));
        QVERIFY(sameBits(b.baselines[0].grid[1].cvStd, 1e-300));
        QVERIFY(sameBits(b.kernelAlignment, 1e-300));
        QVERIFY(sameBits(b.kernelOffDiagonalMean, std::numeric_limits<double>::denorm_min()));
        QVERIFY(sameBits(b.kernelOffDiagonalVariance, -0.0));
        QVERIFY(sameBits(b.trainingLoss[2], std::numeric_limits<double>::max()));
        QVERIFY(sameBits(b.baselines[0].metrics.f1Macro, std::nextafter(0.5, 1.0)));
        QVERIFY(sameBits(b.accuracyStd, 0.0070710678118654814));
        QVERIFY(std::isnan(b.quantum.metrics.rocAuc));
        QVERIFY(!b.devices[1].latencySeconds.has_value());
        QVERIFY(sameBits(*b.devices[0].latencySeconds, 3602.1));
        QCOMPARE(b.devices[0].counts.at("0101"), std::int64_t(12));
        QCOMPARE(b.stages.size(), size_t(5));
        QCOMPARE(b.stages[4].stage, pilot::Stage::Reproducibility);
        QCOMPARE(b.status, pilot::RunStatus::Completed);
        QCOMPARE(b.configurationJson, run.configurationJson);
        QCOMPARE(b.encodingCurve[1].transpiledTwoQubitGates.at("ionq_forte_1"), 6);
        QCOMPARE(resultDigest(b), resultDigest(run));
        QVERIFY(compareResults(b, run).empty());
        QCOMPARE(b.kernelSampleRows, 2);
        QVERIFY(sameBits(b.kernelSample[3], std::nextafter(1.0, 0.0)));
        QVERIFY(sameBits(b.devices[0].zne.values[2], -0.0));
        QVERIFY(sameBits(b.devices[0].zne.factors[2], 5.000000000000001));
        QCOMPARE(b.devices[0].zne.method, std::string("richardson"));
        QVERIFY(b.devices[1].zne.factors.empty());
        QCOMPARE(int(b.devices[1].techniqueOverheads.size()), 3);
        QVERIFY(!b.devices[1].techniqueOverheads[1].timeMultiplier.has_value());
        QCOMPARE(b.devices[1].techniqueOverheads[2].error, run.devices[1].techniqueOverheads[2].error);
        QVERIFY(!b.devices[0].successByDepth[1].successProbability.has_value());
        QCOMPARE(b.devices[0].successByDepth[1].depth, 79);
    }

    // Runs stored before the dashboard fields existed still load, with those fields empty.
    void olderRunWithoutDashboardFieldsLoads()
    {
        QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(runToJson(test::sampleRun()))).object();
        o.remove("kernelSample");
        o.remove("kernelSampleRows");
        QJsonArray devices = o["devices"].toArray();
        for (int i = 0; i < devices.size(); ++i) {
            QJsonObject d = devices[i].toObject();
            d.remove("zne");
            d.remove("techniqueOverheads");
            d.remove("successByDepth");
            devices[i] = d;
        }
        o["devices"] = devices;
        Result<PilotRun> back = pilot::runFromJson(QJsonDocument(o).toJson().toStdString());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QCOMPARE(back->kernelSampleRows, 0);
        QVERIFY(back->kernelSample.empty());
        QVERIFY(back->devices[0].zne.factors.empty());
        QVERIFY(back->devices[0].techniqueOverheads.empty());
        QVERIFY(back->devices[0].successByDepth.empty());
        QCOMPARE(back->devices[0].costPer1kUsd, 12.5);
    }

    void inconsistentDashboardFieldsAreRejected_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("kernel size") << "kernel" << "kernelSample: expected kernelSampleRows² = 2² values, got 3";
        QTest::newRow("zne lengths") << "zne" << "devices[0].zne: factors, values and stdErrors";
        QTest::newRow("overhead type") << "overhead" << "devices[0].techniqueOverheads[0].shotMultiplier: expected a number";
    }

    void inconsistentDashboardFieldsAreRejected()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(runToJson(test::sampleRun()))).object();
        QJsonArray devices = o["devices"].toArray();
        QJsonObject d = devices[0].toObject();
        if (what == "kernel") {
            QJsonArray k = o["kernelSample"].toArray();
            k.removeLast();
            o["kernelSample"] = k;
        } else if (what == "zne") {
            QJsonObject z = d["zne"].toObject();
            QJsonArray v = z["values"].toArray();
            v.removeLast();
            z["values"] = v;
            d["zne"] = z;
        } else {
            QJsonArray t = d["techniqueOverheads"].toArray();
            QJsonObject first = t[0].toObject();
            first["shotMultiplier"] = true;
            t[0] = first;
            d["techniqueOverheads"] = t;
        }
        devices[0] = d;
        o["devices"] = devices;
        Result<PilotRun> r = pilot::runFromJson(QJsonDocument(o).toJson().toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().toString()).contains(message), r.error().toString().c_str());
    }

    void specialValuesAreStrings()
    {
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(runToJson(test::sampleRun()))).object();
        QCOMPARE(o["quantum"]["metrics"]["rocAuc"].toString(), QString("NaN"));
        QCOMPARE(o["kernelOffDiagonalVariance"].toString(), QString("-0"));
        QCOMPARE(o["seed"].toString(), QString("12345678901234567890"));
        QVERIFY(o["devices"][1]["latencySeconds"].isNull());
        QCOMPARE(o["format"].toInt(), 1);
        QCOMPARE(o["status"].toString(), QString("completed"));
        // Infinity both ways
        PilotRun r = test::sampleRun();
        r.kernelAlignment = -std::numeric_limits<double>::infinity();
        r.accuracyStd = std::numeric_limits<double>::infinity();
        Result<PilotRun> back = pilot::runFromJson(runToJson(r));
        QVERIFY(back.ok());
        QVERIFY(std::isinf(back->kernelAlignment) && back->kernelAlignment < 0);
        QVERIFY(std::isinf(back->accuracyStd) && back->accuracyStd > 0);
    }

    void keyOrderIsStable()
    {
        // Same value built in a different order of assignments → same text.
        PilotRun a = test::sampleRun();
        PilotRun b = test::sampleRun();
        b.devices[0].counts.clear();
        b.devices[0].counts["1111"] = 588;
        b.devices[0].counts["0000"] = 400;
        b.devices[0].counts["0101"] = 12;
        QCOMPARE(runToJson(a), runToJson(b));
        const std::string json = runToJson(a);
        QVERIFY(json.find("\"accuracySpread\"") < json.find("\"appVersion\""));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << "{" << "" << "invalid JSON";
        QTest::newRow("missing") << "\"pilotName\": \"breast-cancer-kernel\"," << "" << "run JSON: pilotName: missing";
        QTest::newRow("type") << "\"rows\": 569" << "\"rows\": \"569\"" << "run JSON: rows: expected an integer";
        QTest::newRow("fraction") << "\"rows\": 569" << "\"rows\": 569.5" << "run JSON: rows: expected an integer";
        QTest::newRow("status") << "\"status\": \"completed\"" << "\"status\": \"done\"" << "run JSON: status: unknown run status 'done'";
        QTest::newRow("seed") << "\"seed\": \"12345678901234567890\"" << "\"seed\": 5" << "run JSON: seed: expected an unsigned 64-bit integer";
        QTest::newRow("format") << "\"format\": 1" << "\"format\": 2" << "format 2 is not known";
        QTest::newRow("count") << "\"0101\": 12" << "\"0101\": \"x\"" << "run JSON: devices[0].counts['0101']: expected an integer";
        QTest::newRow("number word") << "\"rocAuc\": \"NaN\"" << "\"rocAuc\": \"nan\"" << "run JSON: quantum.metrics.rocAuc: expected a number";
        QTest::newRow("stage") << "\"stage\": \"data\"" << "\"stage\": \"cooking\"" << "run JSON: stages[0].stage: unknown stage 'cooking'";
        QTest::newRow("grid") << "\"cvStd\": 0.05" << "\"cvStd\": []" << "run JSON: baselines[0].grid[0].cvStd: expected a number";
    }

    void malformed()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);
        QString json = QString::fromStdString(runToJson(test::sampleRun()));
        if (from == "{")
            json = from;
        else {
            QVERIFY2(json.contains(from), qPrintable(from));
            json.replace(json.indexOf(from), from.size(), to);
        }
        Result<PilotRun> r = pilot::runFromJson(json.toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().toString()).contains(message), r.error().toString().c_str());
    }

    void digest_data()
    {
        QTest::addColumn<int>("index");
        for (size_t i = 0; i < mutations().size(); ++i)
            QTest::newRow(mutations()[i].name) << int(i);
    }

    void digest()
    {
        QFETCH(int, index);
        const Mutation& m = mutations()[size_t(index)];
        const PilotRun base = test::sampleRun();
        PilotRun changed = base;
        m.apply(changed);
        QVERIFY(runToJson(changed) != runToJson(base)); // the mutation is real
        QCOMPARE(resultDigest(changed) != resultDigest(base), m.changesResults);
        QCOMPARE(compareResults(base, changed).empty(), !m.changesResults);
        QCOMPARE(int(resultDigest(base).size()), 64);
    }

    void compareNamesTheField_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("expected");
        QTest::newRow("count") << 28 << "devices[0].counts['0101']: 12 vs 13";
        QTest::newRow("nan") << 19 << "quantum.metrics.rocAuc: 'NaN' vs 0.5";
        QTest::newRow("ulp") << 18 << "quantum.metrics.accuracy: 0.9 vs 0.9000000000000001";
        QTest::newRow("length") << 25 << "trainingLoss: 3 vs 2 items";
        QTest::newRow("map") << 35 << "encodingCurve[1].transpiledTwoQubitGates['ionq_forte_1']: 6 vs 7";
        QTest::newRow("optional") << 30 << "devices[1].latencySeconds: null vs 1";
    }

    void compareNamesTheField()
    {
        QFETCH(int, index);
        QFETCH(QString, expected);
        const PilotRun base = test::sampleRun();
        PilotRun changed = base;
        mutations()[size_t(index)].apply(changed);
        const std::vector<std::string> diff = compareResults(base, changed);
        QCOMPARE(int(diff.size()), 1);
        QCOMPARE(QString::fromStdString(diff[0]), expected);
    }

    void compareLimit()
    {
        const PilotRun base = test::sampleRun();
        PilotRun changed = base;
        for (auto& [bits, n] : changed.devices[0].counts)
            n += 1;
        changed.rows = 1;
        QCOMPARE(int(compareResults(base, changed).size()), 4);
        QCOMPARE(int(compareResults(base, changed, 2).size()), 2);
        QVERIFY(compareResults(base, changed, 0).empty());
    }
};

QTEST_GUILESS_MAIN(TestRunJson)
#include "tst_run_json.moc"
