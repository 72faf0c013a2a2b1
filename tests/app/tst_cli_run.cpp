// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_run.cpp — `qpilot run` and `qpilot runs reproduce` as real processes on a small
// pilot (Iris versicolor vs virginica from a CSV copy, PCA to 2, ZZ kernel, one IBM device): the
// JSON summary (status, verdict, nine scores, per-device figures), the PDF report on disk and as a
// stored artefact, the run and its stages in the store, a reproduce that confirms bit-identical
// results, a reproduce that catches changed data, and bad pilots exiting 2 naming the field.
#include "app/cli_runner.h"
#include "support/test_setup.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace qpilot::test;

namespace {

QByteArray smallPilot(const QString& csv, const QString& device = QStringLiteral("ibm_torino"))
{
    return smallPilotJson(csv, device);
}

QByteArray fileSha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestCliRun : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_csv, m_pilot, m_db, m_pdf;
    QJsonObject m_result;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_csv = m_dir.filePath("iris.csv");
        QVERIFY(QFile::copy(QStringLiteral(QPILOT_SOURCE_DIR "/resources/datasets/iris.csv"), m_csv));
        QFile::setPermissions(m_csv, QFile::ReadOwner | QFile::WriteOwner);
        m_pilot = writeTemp(m_dir, "pair.qpilot", smallPilot("iris.csv")); // relative to the pilot
        m_db = m_dir.filePath("runs.sqlite");
        m_pdf = m_dir.filePath("report.pdf");
        const Run r = runQpilot({"run", m_pilot, "--db", m_db, "--report", m_pdf, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_result = jsonOf(r);
        QVERIFY(!m_result.isEmpty());
        // Progress goes to standard error, one line per stage.
        QVERIFY2(r.err.contains("[1/7] Load and fingerprint data") && r.err.contains("[5/7]"), qPrintable(r.err));
    }

    void jsonSummary()
    {
        QCOMPARE(m_result["status"].toString(), QString("completed"));
        QCOMPARE(m_result["run_id"].toInt(), 1);
        QCOMPARE(m_result["seed"].toString(), QString("5"));
        QCOMPARE(m_result["result_digest"].toString().size(), 64);
        const QJsonObject scores = m_result["scores"].toObject();
        QCOMPARE(scores.size(), 9);
        for (const QString& key : scores.keys()) {
            const double s = scores[key].toDouble(-1);
            QVERIFY2(s >= 0 && s <= 100, qPrintable(key));
        }
        const QString verdict = m_result["verdict"].toString();
        QVERIFY2(verdict == "production_ready" || verdict == "continue_piloting" || verdict == "not_ready", qPrintable(verdict));
        const QJsonArray devices = m_result["devices"].toArray();
        QCOMPARE(devices.size(), 1);
        const QJsonObject d = devices[0].toObject();
        QCOMPARE(d["device"].toString(), QString("ibm_torino"));
        QVERIFY(d["two_qubit_gates"].toInt() >= 2);          // the 2-qubit ZZ map has 2 CNOTs before routing
        QVERIFY(d["success_probability"].toDouble() > 0 && d["success_probability"].toDouble() < 1);
        QVERIFY(d["cost_per_1k_usd"].toDouble() > d["cost_per_1k_unmitigated_usd"].toDouble()); // ZNE costs shots
        // Stages: the five pipeline stages, then the scorecard and the report.
        const QJsonArray stages = m_result["stages"].toArray();
        QStringList keys;
        for (const QJsonValue& s : stages) {
            keys << s.toObject()["stage"].toString();
            QCOMPARE(s.toObject()["status"].toString(), QString("done"));
        }
        QCOMPARE(keys, QStringList({"data", "baseline", "circuits", "devices", "reproducibility", "scorecard", "report"}));
    }

    void reportWrittenAndRecorded()
    {
        QFile pdf(m_pdf);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        const QJsonObject report = m_result["report"].toObject();
        QCOMPARE(report["path"].toString(), m_pdf);
        QCOMPARE(report["sha256"].toString().toUtf8(), fileSha256(m_pdf));
        const Run show = runQpilot({"runs", "show", "1", "--db", m_db, "--json"});
        QCOMPARE(show.exitCode, 0);
        const QString text = show.out;
        QVERIFY2(text.contains(m_pdf) && text.contains(report["sha256"].toString()), qPrintable(text));
    }

    void reproduceIsBitIdentical()
    {
        const Run r = runQpilot({"runs", "reproduce", "1", "--db", m_db, "--json", "--quiet"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o["identical"].toBool(), true);
        QCOMPARE(o["reproduced_as"].toInt(), 2);
        QCOMPARE(o["digest"].toString(), m_result["result_digest"].toString());
        QCOMPARE(o["reproduced_digest"].toString(), o["digest"].toString());
        QVERIFY(o["differences"].toArray().isEmpty());
        // The audit log records the re-execution.
        const Run audit = runQpilot({"runs", "audit", "--db", m_db});
        QVERIFY2(audit.out.contains("reproduce"), qPrintable(audit.out));
    }

    void reproduceCatchesChangedData()
    {
        // One measurement changed in the CSV the stored run read: the fingerprint and (at least) the
        // dataset-derived results differ, and reproduce says so with exit 1.
        QFile f(m_csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        const int at = text.indexOf("\n7.0,") + 1;   // first versicolor row: sepal length 7.0
        QVERIFY(at > 0);
        text.replace(at, 3, "7.9");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        const Run r = runQpilot({"runs", "reproduce", "1", "--db", m_db, "--quiet"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("results DIFFER") && r.out.contains("datasetFingerprint"), qPrintable(r.out));
    }

    void badPilotsExit2NamingTheField_data()
    {
        QTest::addColumn<QByteArray>("pilot");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown device") << smallPilot("iris.csv", "ibm_nowhere") << "devices[0]";
        QTest::newRow("missing dataset") << smallPilot("no-such.csv") << "dataset.source";
        QTest::newRow("broken JSON") << QByteArray("{\n  \"schema_version\": 2,\n  \"name\": \n}") << "bad.qpilot:4";
        QByteArray zeroShots = smallPilot("iris.csv");
        zeroShots.replace("\"shots\": 200", "\"shots\": 0");
        QTest::newRow("zero shots") << zeroShots << "shots";
    }

    void badPilotsExit2NamingTheField()
    {
        QFETCH(QByteArray, pilot);
        QFETCH(QString, message);
        const QString path = writeTemp(m_dir, "bad.qpilot", pilot);
        const Run r = runQpilot({"run", path, "--no-store"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("qpilot: ") && r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void killedRunKeepsWhatItCommitted()
    {
        // SIGKILL `qpilot run` once it has announced the Devices stage (the breast-cancer example:
        // three devices, about a second of work there). Every stage it printed as done was
        // committed before the line was printed, so the store must hold at least those stages,
        // stay readable, and show the run as still running (or completed, if it beat the kill).
        const QString db = m_dir.filePath("killed.sqlite");
        QProcess p;
        p.start(QStringLiteral(QPILOT_EXECUTABLE),
                {"run", QStringLiteral(QPILOT_SOURCE_DIR "/resources/examples/breast_cancer_kernel.qpilot"), "--db", db});
        QVERIFY(p.waitForStarted(10000));
        QByteArray err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains("[4/7]") && p.state() == QProcess::Running && timer.elapsed() < 60000) {
            p.waitForReadyRead(100);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("[4/7]"), err.constData());
        p.kill();
        QVERIFY(p.waitForFinished(10000));
        err += p.readAllStandardError();
        const int printedDone = err.count("      done in ");
        QVERIFY(printedDone >= 3); // data, baseline, circuits

        const Run show = runQpilot({"runs", "show", "1", "--db", db, "--json"});
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        const QJsonObject run = jsonOf(show)["run"].toObject();
        const QString status = run["status"].toString();
        QVERIFY2(status == "running" || status == "completed", qPrintable(status));
        const QJsonArray stages = run["stages"].toArray();
        QVERIFY2(stages.size() >= printedDone, qPrintable(QString("%1 stored, %2 printed").arg(stages.size()).arg(printedDone)));
        QCOMPARE(stages[0].toObject()["stage"].toString(), QString("data"));
        QCOMPARE(stages[1].toObject()["stage"].toString(), QString("baseline"));
        // The results of the committed stages are there: the tuned baselines.
        QVERIFY(!run["baselines"].toArray().isEmpty());
        // And the store still takes new runs.
        QCOMPARE(runQpilot({"runs", "list", "--db", db}).exitCode, 0);
    }

    void usageErrors()
    {
        QCOMPARE(runQpilot({"run"}).exitCode, 2);
        QCOMPARE(runQpilot({"run", m_pilot, "--db", m_db, "--no-store"}).exitCode, 2);
        QCOMPARE(runQpilot({"run", m_pilot, "--seed", "minus-one", "--no-store"}).exitCode, 2);
        QCOMPARE(runQpilot({"runs", "reproduce", "99", "--db", m_db}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
