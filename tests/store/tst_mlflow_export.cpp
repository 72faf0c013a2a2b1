// tests/store/tst_mlflow_export.cpp — exportMlflow() against hand-written expectations of the
// MLflow FileStore layout (shared/reference/cloud-and-mlops-protocols.md §7.3): the exact file
// tree, the exact bytes of the run's meta.yaml, params, metrics (Python float formatting, steps,
// NaN) and tags, the experiment named after the pilot and reused (also one made by someone
// else, and one whose name needs YAML quoting), status integers and null end time, keys made
// valid, re-export replacing the same run, copied artefacts, and the audit/artefact records.
// Times: 2026-11-24T10:00:00Z = 1795514400000 ms, 2026-11-24T10:03:20.500Z = 1795514600500 ms.
#include "support/sample_run.h"

#include "core/store/store.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace qpilot;
using pilot::PilotRun;
using store::RunStore;

namespace {

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QStringLiteral("<missing %1>").arg(path);
}

QStringList tree(const QString& root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}

QStringList experimentDirs(const QString& root)
{
    return QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<RunStore> store;
    QString mlruns;
    Fixture()
    {
        store = std::move(RunStore::open(dir.filePath("runs.sqlite").toStdString()).value());
        mlruns = dir.filePath("mlruns");
    }
};

} // namespace

class TestMlflowExport : public QObject {
    Q_OBJECT

private slots:
    void exactLayout()
    {
        Fixture fx;
        const PilotRun run = test::sampleRun();
        const std::int64_t id = fx.store->beginRun(run).value();
        QCOMPARE(id, std::int64_t(1));
        QVERIFY(!fx.store->saveScore(id, "continue piloting", 61.5, R"({"overall":61.5})"));
        const QString report = fx.dir.filePath("report.pdf");
        {
            QFile f(report);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("%PDF-1.7 fake but exact bytes\n");
        }
        QVERIFY(!fx.store->addArtefact(id, {"report", report.toStdString(), "ab"}));
        QVERIFY(!fx.store->addArtefact(id, {"report", fx.dir.filePath("gone.pdf").toStdString(), "cd"}));

        Result<std::string> exported = exportMlflow(*fx.store, id, fx.mlruns.toStdString());
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().message.c_str());
        const QString runId = QString::fromStdString(exported.value());
        QVERIFY(QRegularExpression("^[0-9a-f]{32}$").match(runId).hasMatch());
        const QStringList exps = experimentDirs(fx.mlruns);
        QCOMPARE(exps.size(), 2);
        QCOMPARE(exps[0], QString("0"));
        const QString exp = exps[1];
        QVERIFY(QRegularExpression("^[1-9][0-9]*$").match(exp).hasMatch());
        QVERIFY(exp.toULongLong() <= 0x7fffffffffffffffull);
        const QString root = QDir(fx.mlruns).absolutePath();
        const QString r = exp + "/" + runId + "/";

        QStringList expected = {"0/meta.yaml", exp + "/meta.yaml", r + "meta.yaml",
                                r + "artifacts/circuit.qasm", r + "artifacts/pilot.qpilot", r + "artifacts/report/report.pdf",
                                r + "artifacts/run.json", r + "artifacts/scorecard.json"};
        for (const char* p : {"devices", "mitigation", "model/kind", "name", "seed", "shots"})
            expected << r + "params/" + p;
        for (const char* m : {"accuracy", "accuracy_delta", "accuracy_spread", "accuracy_std", "balanced_accuracy", "baseline/logistic/accuracy",
                              "baseline/svm/accuracy", "baseline_accuracy", "classical/cost_per_1k_usd", "classical/latency_seconds", "f1",
                              "overall_score", "roc_auc", "seed_accuracy", "training_executions", "training_loss"})
            expected << r + "metrics/" + m;
        for (const char* dev : {"ibm_torino", "ionq_forte_1"})
            for (const char* m : {"cost_per_1k_unmitigated_usd", "cost_per_1k_usd", "depth", "latency_seconds", "mitigated_abs_error", "noisy_accuracy",
                                  "shot_multiplier", "success_probability", "time_multiplier", "two_qubit_gates"})
                if (!(QString(dev) == "ionq_forte_1" && QString(m) == "latency_seconds")) // unknown latency: not logged
                    expected << r + "metrics/" + dev + "/" + m;
        for (const char* s : {"baseline", "circuits", "data", "devices", "reproducibility"})
            expected << r + "metrics/stage_seconds/" + s;
        for (const char* t : {"mlflow.runName", "mlflow.source.name", "mlflow.source.type", "mlflow.user", "qpilot.app_version", "qpilot.build_id",
                              "qpilot.circuit_hash", "qpilot.dataset", "qpilot.dataset_fingerprint", "qpilot.missing_artefacts", "qpilot.pilot",
                              "qpilot.pilot_file", "qpilot.result_digest", "qpilot.status", "qpilot.store_run_id", "qpilot.verdict"})
            expected << r + "tags/" + t;
        expected.sort();
        QCOMPARE(tree(fx.mlruns), expected);

        QCOMPARE(readText(fx.mlruns + "/" + r + "meta.yaml"),
                 "artifact_uri: file://" + root + "/" + exp + "/" + runId + "/artifacts\n"
                 "deleted_time: null\n"
                 "end_time: 1795514600500\n"
                 "entry_point_name: ''\n"
                 "experiment_id: '" + exp + "'\n"
                 "lifecycle_stage: active\n"
                 "run_id: " + runId + "\n"
                 "run_name: breast-cancer-kernel-1\n"
                 "run_uuid: " + runId + "\n"
                 "source_name: ''\n"
                 "source_type: 4\n"
                 "source_version: ''\n"
                 "start_time: 1795514400000\n"
                 "status: 3\n"
                 "tags: []\n"
                 "user_id: alice\n");
        QString expMeta = readText(fx.mlruns + "/" + exp + "/meta.yaml");
        expMeta.replace(QRegularExpression("_time: [0-9]{13}\n"), "_time: T\n");
        QCOMPARE(expMeta, "artifact_location: file://" + root + "/" + exp + "\n"
                          "creation_time: T\n"
                          "experiment_id: '" + exp + "'\n"
                          "last_update_time: T\n"
                          "lifecycle_stage: active\n"
                          "name: breast-cancer-kernel\n");
        QString defaultMeta = readText(fx.mlruns + "/0/meta.yaml");
        defaultMeta.replace(QRegularExpression("_time: [0-9]{13}\n"), "_time: T\n");
        QCOMPARE(defaultMeta, "artifact_location: file://" + root + "/0\ncreation_time: T\nexperiment_id: '0'\nlast_update_time: T\n"
                              "lifecycle_stage: active\nname: Default\n");

        const auto file = [&](const QString& rel) { return readText(fx.mlruns + "/" + r + rel); };
        const QString t = "1795514600500 ";
        QCOMPARE(file("metrics/accuracy"), t + "0.9 0\n");
        QCOMPARE(file("metrics/roc_auc"), t + "nan 0\n");
        QCOMPARE(file("metrics/f1"), t + "0.6666666666666666 0\n");
        QCOMPARE(file("metrics/accuracy_delta"), t + "-0.04999999999999993 0\n");
        QCOMPARE(file("metrics/baseline_accuracy"), t + "0.95 0\n");
        QCOMPARE(file("metrics/baseline/svm/accuracy"), t + "0.30000000000000004 0\n");
        QCOMPARE(file("metrics/seed_accuracy"), t + "0.9 0\n" + t + "0.89 1\n");
        QCOMPARE(file("metrics/training_loss"), t + "0.7 0\n" + t + "0.30000000000000004 1\n" + t + "1.7976931348623157e+308 2\n");
        QCOMPARE(file("metrics/training_executions"), t + "79401.0 0\n");
        QCOMPARE(file("metrics/classical/cost_per_1k_usd"), t + "1.6545e-07 0\n");
        QCOMPARE(file("metrics/classical/latency_seconds"), t + "7.3e-06 0\n");
        QCOMPARE(file("metrics/ibm_torino/latency_seconds"), t + "3602.1 0\n");
        QCOMPARE(file("metrics/ibm_torino/cost_per_1k_usd"), t + "12.5 0\n");
        QCOMPARE(file("metrics/ionq_forte_1/cost_per_1k_usd"), t + "980.25 0\n");
        QCOMPARE(file("metrics/ionq_forte_1/success_probability"), t + "0.8123456789012345 0\n");
        QCOMPARE(file("metrics/ibm_torino/mitigated_abs_error"), t + "0.050000000000000044 0\n");
        QCOMPARE(file("metrics/ibm_torino/two_qubit_gates"), t + "12.0 0\n");
        QCOMPARE(file("metrics/stage_seconds/devices"), t + "2.0 0\n");
        QCOMPARE(file("metrics/overall_score"), t + "61.5 0\n");
        QCOMPARE(file("params/seed"), QString("12345678901234567890"));
        QCOMPARE(file("params/shots"), QString("1000"));
        QCOMPARE(file("params/devices"), QString("ibm_torino,ionq_forte_1"));
        QCOMPARE(file("params/model/kind"), QString("kernel"));
        QCOMPARE(file("params/mitigation"), QString("rem,zne"));
        QCOMPARE(file("tags/mlflow.runName"), QString("breast-cancer-kernel-1"));
        QCOMPARE(file("tags/mlflow.user"), QString("alice"));
        QCOMPARE(file("tags/mlflow.source.name"), QString("qpilot"));
        QCOMPARE(file("tags/mlflow.source.type"), QString("LOCAL"));
        QCOMPARE(file("tags/qpilot.dataset_fingerprint"), QString::fromStdString(run.datasetFingerprint));
        QCOMPARE(file("tags/qpilot.result_digest"), QString::fromStdString(pilot::resultDigest(run)));
        QCOMPARE(file("tags/qpilot.verdict"), QString("continue piloting"));
        QCOMPARE(file("tags/qpilot.status"), QString("completed"));
        QCOMPARE(file("tags/qpilot.missing_artefacts"), fx.dir.filePath("gone.pdf"));
        QCOMPARE(file("artifacts/run.json"), QString::fromStdString(runToJson(run)));
        QCOMPARE(file("artifacts/pilot.qpilot"), QString::fromStdString(run.configurationJson));
        QCOMPARE(file("artifacts/circuit.qasm"), QString::fromStdString(run.circuitQasm));
        QCOMPARE(file("artifacts/scorecard.json"), QString(R"({"overall":61.5})"));
        QCOMPARE(file("artifacts/report/report.pdf"), QString("%PDF-1.7 fake but exact bytes\n"));

        // recorded: an "mlflow" artefact (tree hash) and an audit entry
        Result<std::vector<store::Artefact>> arts = fx.store->artefacts(id);
        QVERIFY(arts.ok());
        QCOMPARE(int(arts->size()), 3);
        QCOMPARE(arts->at(2).kind, std::string("mlflow"));
        QCOMPARE(QString::fromStdString(arts->at(2).path), root + "/" + exp + "/" + runId);
        QVERIFY(QRegularExpression("^[0-9a-f]{64}$").match(QString::fromStdString(arts->at(2).sha256)).hasMatch());
        const std::vector<store::AuditEntry> log = fx.store->auditLog().value();
        QCOMPARE(log.back().action, std::string("export-mlflow"));
        QCOMPARE(log.back().subject, std::string("run 1"));

        // exporting again replaces the same run (same id, same tree, same tree hash)
        const std::string firstHash = arts->at(2).sha256;
        Result<std::string> again = exportMlflow(*fx.store, id, fx.mlruns.toStdString());
        QVERIFY(again.ok());
        QCOMPARE(QString::fromStdString(again.value()), runId);
        QCOMPARE(tree(fx.mlruns), expected);
        QCOMPARE(int(fx.store->artefacts(id)->size()), 3);
        QCOMPARE(fx.store->artefacts(id)->at(2).sha256, firstHash);

        // a second run of the same pilot joins the experiment; another pilot gets its own
        const std::int64_t id2 = fx.store->beginRun(run).value();
        PilotRun other = run;
        other.pilotName = "iris-vqc";
        const std::int64_t id3 = fx.store->beginRun(other).value();
        const std::string run2 = exportMlflow(*fx.store, id2, fx.mlruns.toStdString()).value();
        QVERIFY(QString::fromStdString(run2) != runId);
        QVERIFY(QDir(fx.mlruns + "/" + exp + "/" + QString::fromStdString(run2)).exists());
        QVERIFY(exportMlflow(*fx.store, id3, fx.mlruns.toStdString()).ok());
        QCOMPARE(experimentDirs(fx.mlruns).size(), 3);
    }

    void statusAndTimes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("finished");
        QTest::addColumn<QString>("meta");
        QTest::addColumn<QString>("stamp");
        QTest::newRow("completed") << int(pilot::RunStatus::Completed) << "2026-11-24T10:03:20.500Z" << "end_time: 1795514600500\n" << "1795514600500";
        QTest::newRow("failed") << int(pilot::RunStatus::Failed) << "2026-11-24T10:00:01Z" << "status: 4\n" << "1795514401000";
        QTest::newRow("cancelled") << int(pilot::RunStatus::Cancelled) << "2026-11-24T10:00:01Z" << "status: 5\n" << "1795514401000";
        QTest::newRow("running") << int(pilot::RunStatus::Running) << "" << "end_time: null\n" << "1795514400000";
        QTest::newRow("running status") << int(pilot::RunStatus::Running) << "" << "status: 1\n" << "1795514400000";
    }

    void statusAndTimes()
    {
        QFETCH(int, status);
        QFETCH(QString, finished);
        QFETCH(QString, meta);
        QFETCH(QString, stamp);
        Fixture fx;
        PilotRun run = test::sampleRun();
        run.status = pilot::RunStatus(status);
        run.finishedAt = finished.toStdString();
        const std::int64_t id = fx.store->beginRun(run).value();
        const QString runId = QString::fromStdString(exportMlflow(*fx.store, id, fx.mlruns.toStdString()).value());
        const QString exp = experimentDirs(fx.mlruns).at(1);
        const QString dir = fx.mlruns + "/" + exp + "/" + runId;
        QVERIFY2(readText(dir + "/meta.yaml").contains(meta), qPrintable(readText(dir + "/meta.yaml")));
        QCOMPARE(readText(dir + "/metrics/accuracy"), stamp + " 0.9 0\n");
    }

    void keysAndQuoting()
    {
        Fixture fx;
        PilotRun run = test::sampleRun();
        run.pilotName = "fraud pilot: it's #1";
        run.user = "true";
        run.devices[0].deviceId = "ibm_torino@2025-02-26";
        run.configurationJson = "{\"circuit\":{\"customQasm\":\"" + std::string(7000, 'x') +
                                "\",\"reps\":2},\"shots\":500,\"flags\":[1,2.5,\"z\"],\"objectives\":{\"maxCost\":0.25}}";
        const std::int64_t id = fx.store->beginRun(run).value();
        const QString runId = QString::fromStdString(exportMlflow(*fx.store, id, fx.mlruns.toStdString()).value());
        const QString exp = experimentDirs(fx.mlruns).at(1);
        const QString dir = fx.mlruns + "/" + exp + "/" + runId;
        const QString meta = readText(dir + "/meta.yaml");
        QVERIFY2(meta.contains("run_name: 'fraud pilot: it''s #1-1'\n"), qPrintable(meta));
        QVERIFY2(meta.contains("user_id: 'true'\n"), qPrintable(meta));
        QVERIFY(readText(fx.mlruns + "/" + exp + "/meta.yaml").contains("name: 'fraud pilot: it''s #1'\n"));
        QCOMPARE(readText(dir + "/tags/mlflow.runName"), QString("fraud pilot: it's #1-1"));
        QCOMPARE(readText(dir + "/metrics/ibm_torino_2025-02-26/cost_per_1k_usd"), QString("1795514600500 12.5 0\n"));
        QCOMPARE(readText(dir + "/params/devices"), QString("ibm_torino@2025-02-26,ionq_forte_1"));
        QCOMPARE(readText(dir + "/params/circuit/reps"), QString("2"));
        QCOMPARE(readText(dir + "/params/flags"), QString("1,2.5,z"));
        QCOMPARE(readText(dir + "/params/objectives/maxCost"), QString("0.25"));
        QVERIFY(!QFile::exists(dir + "/params/circuit/customQasm")); // over MLflow's 6000-character limit
        QCOMPARE(readText(dir + "/tags/qpilot.params_omitted"), QString("circuit/customQasm"));
        // the quoted experiment name is read back: a second export reuses the experiment
        const std::int64_t id2 = fx.store->beginRun(run).value();
        QVERIFY(exportMlflow(*fx.store, id2, fx.mlruns.toStdString()).ok());
        QCOMPARE(experimentDirs(fx.mlruns).size(), 2);
    }

    void reusesExistingExperiment()
    {
        Fixture fx;
        QVERIFY(QDir().mkpath(fx.mlruns + "/17"));
        {
            QFile f(fx.mlruns + "/17/meta.yaml");
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("artifact_location: file:///elsewhere/17\ncreation_time: 1\nexperiment_id: '17'\nlast_update_time: 1\n"
                    "lifecycle_stage: active\nname: breast-cancer-kernel\n");
        }
        const std::int64_t id = fx.store->beginRun(test::sampleRun()).value();
        const QString runId = QString::fromStdString(exportMlflow(*fx.store, id, fx.mlruns.toStdString()).value());
        QVERIFY(QFile::exists(fx.mlruns + "/17/" + runId + "/meta.yaml"));
        QVERIFY(readText(fx.mlruns + "/17/" + runId + "/meta.yaml").contains("experiment_id: '17'\n"));
        QCOMPARE(experimentDirs(fx.mlruns), (QStringList{"0", "17"}));
        QCOMPARE(readText(fx.mlruns + "/17/meta.yaml").left(40), QString("artifact_location: file:///elsewhere/17\n")); // untouched
    }

    void errors()
    {
        Fixture fx;
        Result<std::string> missing = exportMlflow(*fx.store, 5, fx.mlruns.toStdString());
        QVERIFY(!missing.ok());
        QVERIFY2(QString::fromStdString(missing.error().message).startsWith("no run 5 in "), missing.error().message.c_str());
        const std::int64_t id = fx.store->beginRun(test::sampleRun()).value();
        QFile f(fx.dir.filePath("afile"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        Result<std::string> notDir = exportMlflow(*fx.store, id, fx.dir.filePath("afile").toStdString());
        QVERIFY(!notDir.ok());
        QVERIFY2(QString::fromStdString(notDir.error().message).contains("not a directory"), notDir.error().message.c_str());
        PilotRun bad = test::sampleRun();
        bad.startedAt = "yesterday";
        const std::int64_t id2 = fx.store->beginRun(bad).value();
        Result<std::string> badTime = exportMlflow(*fx.store, id2, fx.mlruns.toStdString());
        QVERIFY(!badTime.ok());
        QVERIFY2(QString::fromStdString(badTime.error().message).contains("start time 'yesterday' is not an ISO 8601 time"), badTime.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestMlflowExport)
#include "tst_mlflow_export.moc"
