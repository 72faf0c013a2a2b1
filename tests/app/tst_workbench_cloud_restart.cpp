// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_workbench_cloud_restart.cpp — the workbench process itself killed in the middle of
// a cloud job, for each provider's loopback fake: a job submitted without waiting is picked up by
// the workbench at start (Cloud ▸ Jobs resumes unfinished jobs); SIGKILL once the store says it
// is running; the next start of the workbench completes it. Checked: the counts in the store
// (every shot, Qpilot's bit order), exactly one job at the provider, and the secret in no file
// the processes wrote. The real `qpilot` executable on the offscreen platform, no test hooks.
#include "app/cli_runner.h"
#include "app/cloud_process_env.h"
#include "support/cloud/fake_braket.h"
#include "support/cloud/fake_providers.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace qpilot;
using namespace qpilot::test;

namespace {

const QByteArray kBell = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n";
// The IBM fixture backend takes its native gates only (cz, rz, sx, x on physical qubits).
const QByteArray kBellIsa = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[2] c;\nrz(pi/2) $0;\nsx $0;\nrz(pi/2) $0;\n"
                            "rz(pi/2) $1;\nsx $1;\nrz(pi/2) $1;\ncz $0, $1;\nrz(pi/2) $1;\nsx $1;\nrz(pi/2) $1;\n"
                            "c[0] = measure $0;\nc[1] = measure $1;\n";

// One provider's fake, started with a job that stays running for a few polls.
struct Provider {
    std::shared_ptr<void> fake;
    std::function<int()> jobsCreated;
    QString device;
    QByteArray qasm;
    QByteArray secret;
};

Provider startProvider(const QString& name, QProcessEnvironment& env)
{
    Provider p;
    if (name == "ibm") {
        FakeIbmOptions o;
        o.statusSequence = {"Queued", "Running", "Running", "Running", "Completed"};
        std::shared_ptr<FakeIbm> f = startFakeIbm(o);
        if (!f)
            return p;
        addFakeIbmEnvironment(*f, env);
        p = {f, [f] { return f->jobsCreated(); }, "ibm_heron5", kBellIsa, QByteArray::fromStdString(f->credentials().apiKey)};
    } else if (name == "ionq") {
        FakeIonqOptions o;
        o.statusSequence = {"ready", "running", "running", "running", "completed"};
        std::shared_ptr<FakeIonq> f = startFakeIonq(o);
        if (!f)
            return p;
        addFakeIonqEnvironment(*f, env);
        p = {f, [f] { return f->jobsCreated(); }, "simulator", kBell, QByteArray::fromStdString(f->credentials().apiKey)};
    } else {
        FakeBraketConfig c;
        c.pollsQueued = 1;
        c.pollsRunning = 3;
        std::shared_ptr<FakeBraket> f = startFakeBraket(c);
        if (!f)
            return p;
        addFakeBraketEnvironment(*f, env);
        p = {f, [f] { return f->createdTaskCount(); }, kFakeSv1, kBell,
             QByteArray::fromStdString(f->credentials().secretAccessKey)};
    }
    return p;
}

// The state of cloud job `id` in the store at `db` ("" when it cannot be read yet).
QString jobState(const QString& db, qint64 id)
{
    auto s = openStore(db);
    if (!s)
        return {};
    auto job = s->cloudJob(id);
    return job ? QString::fromStdString(job->state) : QString();
}

// Polls the store until job `id` is in `state` (for "completed": with its counts stored) or
// `timeoutMs` passes, while `workbench` runs.
bool waitForState(const QString& db, qint64 id, const QString& state, QProcess& workbench, int timeoutMs)
{
    auto reached = [&] {
        auto s = openStore(db);
        auto job = s ? s->cloudJob(id) : Result<store::CloudJobRecord>(Error{"no store"});
        return job && QString::fromStdString(job->state) == state && (state != QLatin1String("completed") || !job->countsJson.empty());
    };
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs && workbench.state() == QProcess::Running) {
        if (reached())
            return true;
        QTest::qWait(100);
    }
    return reached();
}

// What a failure message says about a workbench process: running, or how it ended, and its stderr.
QString describe(QProcess& p)
{
    const QString state = p.state() == QProcess::Running ? QStringLiteral("running")
                          : p.exitStatus() == QProcess::CrashExit
                              ? QStringLiteral("crashed (%1)").arg(p.errorString())
                              : QStringLiteral("exited with code %1").arg(p.exitCode());
    return state + QStringLiteral("; its stderr: ") + QString::fromLocal8Bit(p.readAllStandardError());
}

void startWorkbench(QProcess& p, const QProcessEnvironment& env)
{
    p.setProcessEnvironment(env); // its output is kept for a failure's message
    // The plain start: the resume does not need the Cloud page shown (whose device list would
    // query a provider at the same time; that view has its own tests).
    p.start(QStringLiteral(QPILOT_EXECUTABLE), QStringList{});
}

} // namespace

class TestWorkbenchCloudRestart : public QObject {
    Q_OBJECT

private slots:
    void killedWhileRunningThenRestarted_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::newRow("IBM Quantum") << "ibm";
        QTest::newRow("IonQ") << "ionq";
        QTest::newRow("Amazon Braket") << "braket";
    }
    void killedWhileRunningThenRestarted()
    {
        QFETCH(QString, provider);
        QTemporaryDir home;
        QProcessEnvironment env = isolatedCloudEnv(home);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const Provider fake = startProvider(provider, env);
        QVERIFY(fake.fake);
        const QString db = home.filePath("qpilot/runs.sqlite"); // the default store under QPILOT_DATA_DIR
        const int shots = 400;

        // Submitted from the command line without waiting: queued at the provider.
        const QString qasm = writeTemp(home, "bell.qasm", fake.qasm);
        Run r = runQpilot({"cloud", "submit", qasm, "--device", fake.device, "--shots", QString::number(shots), "--no-wait",
                           "--yes", "--json"},
                          {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const qint64 id = jsonOf(r).value("id").toInteger();
        QCOMPARE(jsonOf(r).value("state").toString(), QString("queued"));

        // The workbench resumes it at start; killed once the provider says it runs.
        QProcess first;
        startWorkbench(first, env);
        QVERIFY(first.waitForStarted());
        QVERIFY2(waitForState(db, id, "running", first, 60000),
                 qPrintable("job state: " + jobState(db, id) + "; workbench " + describe(first)));
        first.kill(); // SIGKILL: no chance to save or clean up anything
        QVERIFY(first.waitForFinished());
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        QCOMPARE(jobState(db, id), QString("running"));

        // The next start completes it.
        QProcess second;
        startWorkbench(second, env);
        QVERIFY(second.waitForStarted());
        const bool completed = waitForState(db, id, "completed", second, 90000);
        const QString how = completed ? QString() : "job state: " + jobState(db, id) + "; workbench " + describe(second);
        second.kill();
        second.waitForFinished();
        QVERIFY2(completed, qPrintable(how));

        auto s = openStore(db);
        QVERIFY(s);
        const store::CloudJobRecord job = s->cloudJob(id).value();
        const QJsonObject counts = QJsonDocument::fromJson(QByteArray::fromStdString(job.countsJson)).object();
        int total = 0;
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            QVERIFY2(it.key() == "00" || it.key() == "11", qPrintable(it.key())); // a Bell pair in every order
            total += it.value().toInt();
        }
        QCOMPARE(total, shots);
        QVERIFY(s->listCloudJobs(true)->empty());
        QCOMPARE(fake.jobsCreated(), 1); // resumed twice, submitted once
        QCOMPARE(filesContaining(home.path(), fake.secret), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestWorkbenchCloudRestart)
#include "tst_workbench_cloud_restart.moc"
