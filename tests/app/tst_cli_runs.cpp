// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_runs.cpp — `qpilot runs list|show|export-mlflow|audit|circuits` as real
// processes on a run store this test writes with RunStore (hand-made runs from
// support/sample_run.h): tables and JSON, the run summary (stages with timings, per-device
// figures, digest, artefacts), the MLflow export and its audit entry, circuit versions, the
// default store from QPILOT_DATA_DIR, and exit code 2 with a `qpilot: ` message for unknown ids,
// bad ids, missing or foreign databases and bad usage.
#include "app/cli_runner.h"
#include "support/sample_run.h"

#include "core/store/migrations.h"
#include "core/common/provenance.h"
#include "core/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace qpilot;
using qpilot::test::Run;
using qpilot::test::runQpilot;

class TestCliRuns : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    QJsonDocument jsonDoc(const Run& r) { return QJsonDocument::fromJson(r.out.toUtf8()); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath("runs.sqlite");
        auto s = store::RunStore::open(m_db.toStdString());
        QVERIFY(s.ok());
        store::RunStore& st = *s.value();
        pilot::PilotRun run = test::sampleRun();
        const std::int64_t a = st.beginRun(run).value();
        QVERIFY(!st.saveScore(a, "continue piloting", 61.5, R"({"overall":61.5})"));
        QVERIFY(!st.addArtefact(a, {"report", "/reports/breast.pdf", "0123456789abcdef0123"}));
        pilot::PilotRun failed = test::sampleRun();
        failed.pilotName = "iris-vqc";
        failed.status = pilot::RunStatus::Failed;
        failed.stopReason = "devices: ibm_torino: out of memory";
        failed.devices[1].error = "transpile failed: 40 qubits do not fit";
        failed.circuitQasm = "OPENQASM 3.0;\nqubit[2] q;\nh q[0];\ncx q[0], q[1];\n";
        QCOMPARE(st.beginRun(failed).value(), std::int64_t(2));
        failed.circuitQasm += "rz(0.5) q[1];\n";
        QCOMPARE(st.beginRun(failed).value(), std::int64_t(3));
    }

    void listTable()
    {
        const Run r = runQpilot({"runs", "list", "--db", m_db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QStringList lines = r.out.split('\n');
        QVERIFY2(lines.value(0).startsWith("id"), qPrintable(r.out));
        const QString first = lines.filter(QRegularExpression("^1 ")).value(0);
        for (const char* v : {"breast-cancer-kernel", "completed", "2026-11-24T10:00:00Z", "12345678901234567890", "continue piloting", "61.5"})
            QVERIFY2(first.contains(v), qPrintable(first + " lacks " + v));
        QVERIFY(first.contains(QString::fromStdString(pilot::resultDigest(test::sampleRun()).substr(0, 16))));
        QVERIFY(lines.filter(QRegularExpression("^2 ")).value(0).contains("failed"));
        QVERIFY(r.out.contains("3 runs in " + m_db));
        if (qEnvironmentVariableIsSet("QPILOT_SHOW_OUTPUT"))
            qInfo("%s%s%s", qPrintable(r.out), qPrintable(runQpilot({"runs", "audit", "--db", m_db}).out),
                  qPrintable(runQpilot({"runs", "circuits", "iris-vqc", "--db", m_db}).out));
    }

    void listJson()
    {
        const Run r = runQpilot({"runs", "list", "--db", m_db, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray a = jsonDoc(r).array();
        QCOMPARE(a.size(), 3);
        QCOMPARE(a[0]["id"].toInt(), 1);
        QCOMPARE(a[0]["pilot"].toString(), QString("breast-cancer-kernel"));
        QCOMPARE(a[0]["seed"].toString(), QString("12345678901234567890"));
        QCOMPARE(a[0]["overall"].toDouble(), 61.5);
        QCOMPARE(a[0]["result_digest"].toString(), QString::fromStdString(pilot::resultDigest(test::sampleRun())));
        QVERIFY(a[1]["verdict"].isNull());
        QVERIFY(a[1]["overall"].isNull());
        QCOMPARE(a[2]["status"].toString(), QString("failed"));
    }

    void showText()
    {
        const Run r = runQpilot({"runs", "show", "1", "--db", m_db});
        QCOMPARE(r.exitCode, 0);
        for (const char* v : {"Run 1: breast-cancer-kernel (completed)", "seed            12345678901234567890", "alice",
                              "0.7.0 (GNU 12.2 Release)", "breast_cancer: 569 rows x 30 features, 2 classes (train 398, test 171)",
                              "9f2c0e5a7d1b3c4e", "zz (reps 1, full), 4 qubits", "continue piloting (overall 61.5)",
                              "Stages:", "reproducibility", "2.50 s", "total", "7.50 s",
                              "logistic (baseline, best)", "kernel (quantum, ideal)", "ROC AUC n/a", "circuit executions to train: 79401",
                              "Devices:", "ibm_torino", "0.812", "9.5", "12.5", "1.0 h", "980", "n/a",
                              "Reproducibility: 2 seeds, accuracy spread 0.0100", "Artefacts:", "/reports/breast.pdf", "sha256 0123456789abcdef",
                              "Warnings:", "no execution timing"})
            QVERIFY2(r.out.contains(v), qPrintable(QString("missing: ") + v));
        QVERIFY(r.out.contains(QString::fromStdString(pilot::resultDigest(test::sampleRun()))));
    }

    void showFailedRun()
    {
        const Run r = runQpilot({"runs", "show", "2", "--db", m_db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Run 2: iris-vqc (failed)"));
        QVERIFY(r.out.contains("stopped         devices: ibm_torino: out of memory"));
        QVERIFY(r.out.contains("failed: transpile failed: 40 qubits do not fit"));
        QVERIFY(r.out.contains("not scored"));
    }

    void showJson()
    {
        const Run r = runQpilot({"runs", "show", "1", "--db", m_db, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = jsonDoc(r).object();
        QCOMPARE(o["id"].toInt(), 1);
        QCOMPARE(o["status"].toString(), QString("completed"));
        const QJsonObject expected = QJsonDocument::fromJson(QByteArray::fromStdString(runToJson(test::sampleRun()))).object();
        QCOMPARE(o["run"].toObject(), expected);
        QCOMPARE(o["scorecard"]["overall"].toDouble(), 61.5);
        QCOMPARE(o["artefacts"][0]["path"].toString(), QString("/reports/breast.pdf"));
        QVERIFY(jsonDoc(runQpilot({"runs", "show", "2", "--db", m_db, "--json"})).object()["scorecard"].isNull());
    }

    void exportAndAudit()
    {
        QTemporaryDir out;
        const QString mlruns = out.filePath("mlruns");
        const Run r = runQpilot({"runs", "export-mlflow", "1", mlruns, "--db", m_db, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = jsonDoc(r).object();
        const QString runId = o["mlflow_run_id"].toString();
        QVERIFY(QRegularExpression("^[0-9a-f]{32}$").match(runId).hasMatch());
        QCOMPARE(o["run_id"].toInt(), 1);
        const QString runDir = o["run_directory"].toString();
        QVERIFY2(runDir.endsWith("/" + runId) && runDir.startsWith(QDir(mlruns).absolutePath()), qPrintable(runDir));
        QCOMPARE(test::readAll(runDir + "/tags/mlflow.runName"), QString("breast-cancer-kernel-1"));
        QVERIFY(test::readAll(runDir + "/meta.yaml").contains("status: 3\n"));
        // text form: same MLflow run (export replaces it)
        const Run again = runQpilot({"runs", "export-mlflow", "1", mlruns, "--db", m_db});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains("Exported run 1 as MLflow run " + runId));
        QVERIFY(again.out.contains("mlflow ui --backend-store-uri " + QDir(mlruns).absolutePath()));

        const Run audit = runQpilot({"runs", "audit", "--db", m_db, "--json"});
        QCOMPARE(audit.exitCode, 0);
        const QJsonArray log = jsonDoc(audit).array();
        QStringList actions;
        for (const QJsonValue& e : log)
            actions << e["action"].toString();
        QCOMPARE(actions.mid(0, 8), (QStringList{"run-start", "run-completed", "score", "artefact", "run-start", "run-failed", "run-start", "run-failed"}));
        QCOMPARE(actions.count("export-mlflow"), 2);
        QCOMPARE(log.last()["subject"].toString(), QString("run 1"));
        QVERIFY(log.last()["detail"].toString().contains(runId));
        QCOMPARE(log.last()["user"].toString(), QString::fromStdString(qpilot::osUserName()));
        const Run text = runQpilot({"runs", "audit", "--db", m_db});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("export-mlflow"));
        QVERIFY(text.out.contains("entries (append-only)"));
    }

    void circuits()
    {
        const Run r = runQpilot({"runs", "circuits", "iris-vqc", "--db", m_db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Circuit versions of iris-vqc"), qPrintable(r.out));
        const Run j = runQpilot({"runs", "circuits", "iris-vqc", "--db", m_db, "--json"});
        QCOMPARE(j.exitCode, 0);
        const QJsonArray a = jsonDoc(j).array();
        QCOMPARE(a.size(), 2);
        QVERIFY(a[0]["parent"].isNull());
        QCOMPARE(a[1]["parent"].toInt(), a[0]["id"].toInt());
        QVERIFY(a[1]["qasm"].toString().endsWith("rz(0.5) q[1];\n"));
        QCOMPARE(a[0]["hash"].toString(),
                 QString(QCryptographicHash::hash("OPENQASM 3.0;\nqubit[2] q;\nh q[0];\ncx q[0], q[1];\n", QCryptographicHash::Sha256).toHex()));
        QVERIFY(r.out.contains(a[1]["hash"].toString().left(16)));
    }

    void defaultStoreFromEnvironment()
    {
        QTemporaryDir data;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QPILOT_DATA_DIR", data.path());
        const Run empty = runQpilot({"runs", "list"}, QString(), env);
        QCOMPARE(empty.exitCode, 0);
        QVERIFY2(empty.out.contains("No runs in " + data.filePath("runs.sqlite")), qPrintable(empty.out));
        QVERIFY(QFile::copy(m_db, data.filePath("runs.sqlite")));
        const Run r = runQpilot({"runs", "list", "--json"}, QString(), env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(jsonDoc(r).array().size(), 3);
        const Run missing = runQpilot({"runs", "show", "1"}, QString(), [&] {
            QProcessEnvironment e = env;
            e.insert("QPILOT_DATA_DIR", data.filePath("nowhere"));
            return e;
        }());
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("runs are stored by 'qpilot run'"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown id") << QStringList{"show", "42"} << "runs show: no run 42 in ";
        QTest::newRow("bad id") << QStringList{"show", "first"} << "'first' is not a run id";
        QTest::newRow("zero id") << QStringList{"export-mlflow", "0", "out"} << "'0' is not a run id";
        QTest::newRow("export unknown") << QStringList{"export-mlflow", "9", "out"} << "runs export-mlflow: no run 9";
        QTest::newRow("export no dir") << QStringList{"export-mlflow", "1"} << "missing DIR";
        QTest::newRow("show no id") << QStringList{"show"} << "runs show: missing ID";
        QTest::newRow("extra") << QStringList{"list", "extra"} << "unexpected argument 'extra'";
        QTest::newRow("no sub-command") << QStringList{} << "runs: missing sub-command";
        QTest::newRow("unknown sub-command") << QStringList{"rerun", "1"} << "runs: unknown sub-command 'rerun'";
        QTest::newRow("unknown pilot") << QStringList{"circuits", "nobody"} << "no circuit versions for pilot 'nobody'";
        QTest::newRow("missing db") << QStringList{"list", "--db", "NOFILE"} << "runs list: no run store at ";
        QTest::newRow("garbage db") << QStringList{"list", "--db", "GARBAGE"} << "not a Qpilot run store";
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString garbage = test::writeTemp(dir, "garbage.sqlite", QByteArray("not a database at all\n").repeated(100));
        args.prepend("runs");
        if (!args.contains("--db"))
            args << "--db" << m_db;
        args.replaceInStrings("NOFILE", dir.filePath("none.sqlite"));
        args.replaceInStrings("GARBAGE", garbage);
        const Run r = runQpilot(args, dir.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("qpilot: "), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void help()
    {
        const Run r = runQpilot({"runs", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("qpilot runs export-mlflow ID DIR"));
        const Run global = runQpilot({"--help"});
        QVERIFY(global.out.contains("runs list|show ID|reproduce ID|export-mlflow ID DIR|audit|circuits PILOT"));
    }
};

QTEST_GUILESS_MAIN(TestCliRuns)
#include "tst_cli_runs.moc"
