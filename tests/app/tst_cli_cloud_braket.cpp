// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_cloud_braket.cpp — `qpilot cloud` end to end against the loopback Amazon Braket
// fake (which verifies every SigV4 signature): devices, submit → counts in the store in Qpilot's
// bit order, SIGKILL while waiting then `cloud resume`, a lost CreateQuantumTask reply without a
// duplicate task, and the AWS secret in no file Qpilot wrote.
#include "app/cli_runner.h"
#include "app/cloud_process_env.h"
#include "core/store/store.h"
#include "support/cloud/fake_braket.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace qpilot;
using namespace qpilot::test;

namespace {

// Flips only qubit 0: Qpilot prints qubit 0 rightmost, so every shot is "001".
const QByteArray kFlipQ0 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[3] c;\nx q[0];\nc = measure q;\n";

QProcessEnvironment isolatedEnv(const QTemporaryDir& home, const FakeBraket& fake)
{
    QProcessEnvironment env = isolatedCloudEnv(home);
    addFakeBraketEnvironment(fake, env);
    return env;
}

} // namespace

class TestCliCloudBraket : public QObject {
    Q_OBJECT

private slots:
    void devicesListed()
    {
        auto fake = startFakeBraket();
        QVERIFY(fake);
        QTemporaryDir home;
        Run r = runQpilot({"cloud", "devices", "braket", "--json"}, {}, isolatedEnv(home, *fake));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("Forte-1") && r.out.contains("sv1"), qPrintable(r.out));
        QVERIFY(r.out.contains("offline") && r.out.contains("retired"));
        QVERIFY(fake->rejections().empty());
    }

    void submitWaitsAndStoresCounts()
    {
        auto fake = startFakeBraket();
        QVERIFY(fake);
        QTemporaryDir home;
        const QProcessEnvironment env = isolatedEnv(home, *fake);
        const QString qasm = writeTemp(home, "flip.qasm", kFlipQ0);
        const QString db = home.filePath("runs.sqlite");
        Run r = runQpilot({"cloud", "submit", qasm, "--device", kFakeSv1, "--shots", "200", "--poll", "0.05", "--yes", "--db", db, "--json"},
                          {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j.value("state").toString(), QString("completed"));
        QCOMPARE(j.value("provider").toString(), QString("braket"));
        QCOMPARE(j.value("counts").toObject().value("001").toInt(), 200);
        QCOMPARE(fake->createdTaskCount(), 1);
        auto s = openStore(db);
        QVERIFY(s);
        const auto jobs = s->listCloudJobs().value();
        QCOMPARE(int(jobs.size()), 1);
        QCOMPARE(jobs[0].countsJson, std::string(R"({"001":200})"));
        QVERIFY(jobs[0].providerJobId.find(":quantum-task/") != std::string::npos);
        // The secret key is in no file Qpilot wrote (store, settings, outputs).
        const QStringList hits = filesContaining(home.path(), QByteArray::fromStdString(fake->credentials().secretAccessKey));
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(", ")));
        QVERIFY(!r.out.toStdString().empty());
        QVERIFY(!r.err.contains(QString::fromStdString(fake->credentials().secretAccessKey)));
    }

    void killedWhileWaitingThenResumed()
    {
        FakeBraketConfig config;
        config.pollsQueued = 6;
        auto fake = startFakeBraket(config);
        QVERIFY(fake);
        QTemporaryDir home;
        const QProcessEnvironment env = isolatedEnv(home, *fake);
        const QString qasm = writeTemp(home, "flip.qasm", kFlipQ0);
        const QString db = home.filePath("runs.sqlite");
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(QPILOT_EXECUTABLE),
                {"cloud", "submit", qasm, "--device", kFakeSv1, "--shots", "100", "--poll", "0.5", "--yes", "--db", db});
        QVERIFY(p.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        QString err;
        while (!err.contains("submitted") && clock.elapsed() < 30000) {
            p.waitForReadyRead(200);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains("submitted"), qPrintable(err));
        p.kill();
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        {
            auto s = openStore(db);
            const auto unfinished = s->listCloudJobs(true).value();
            QCOMPARE(int(unfinished.size()), 1);
            QVERIFY(!unfinished[0].providerJobId.empty());
        }
        Run r = runQpilot({"cloud", "resume", "--poll", "0", "--db", db, "--json"}, {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray done = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(done.size(), 1);
        QCOMPARE(done[0].toObject().value("state").toString(), QString("completed"));
        auto s = openStore(db);
        QCOMPARE(s->cloudJob(1).value().countsJson, std::string(R"({"001":100})"));
        QCOMPARE(fake->createdTaskCount(), 1);
    }

    // The task is created but the reply is lost: the re-sent CreateQuantumTask (same clientToken)
    // returns the same task, and nothing is created twice.
    void lostSubmitReplyCreatesNoDuplicate()
    {
        auto fake = startFakeBraket();
        QVERIFY(fake);
        fake->server().reset(1, {"POST", "/quantum-task"}, true);
        QTemporaryDir home;
        const QString qasm = writeTemp(home, "flip.qasm", kFlipQ0);
        Run r = runQpilot({"cloud", "submit", qasm, "--device", kFakeSv1, "--shots", "64", "--poll", "0.05", "--yes", "--db",
                           home.filePath("runs.sqlite"), "--json"},
                          {}, isolatedEnv(home, *fake));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(jsonOf(r).value("state").toString(), QString("completed"));
        QCOMPARE(fake->createdTaskCount(), 1);
    }

    void wrongSecretIsReportedClearly()
    {
        auto fake = startFakeBraket();
        QVERIFY(fake);
        QTemporaryDir home;
        QProcessEnvironment env = isolatedEnv(home, *fake);
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("wrong-secret"));
        Run r = runQpilot({"cloud", "devices", "braket"}, {}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("qpilot: ") && r.err.contains("InvalidSignatureException"), qPrintable(r.err));
        QVERIFY(!r.err.contains("wrong-secret"));
    }
};

QTEST_GUILESS_MAIN(TestCliCloudBraket)
#include "tst_cli_cloud_braket.moc"
