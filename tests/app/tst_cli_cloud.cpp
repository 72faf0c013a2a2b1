// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_cloud.cpp — `qpilot cloud` end to end against the loopback IonQ and IBM fakes:
// submit → counts in the store; SIGKILL of the CLI while it waits, then `cloud resume` finishes
// the job; a lost submit reply creates no duplicate at the provider; the budget guard refuses
// non-interactively; login to the encrypted file; and no file Qpilot wrote (store, settings,
// secrets file, outputs) contains the API key.
#include "app/cli_runner.h"
#include "app/cloud_process_env.h"
#include "core/cloud/jobs.h"
#include "core/store/store.h"
#include "support/cloud/fake_braket.h"
#include "support/cloud/fake_providers.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::test;

namespace {

const QByteArray kBell = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n";

} // namespace

class TestCliCloud : public QObject {
    Q_OBJECT

private slots:
    void submitWaitsAndStoresCounts()
    {
        auto fake = startFakeIonq();
        QVERIFY(fake);
        QTemporaryDir home;
        QProcessEnvironment env = isolatedCloudEnv(home);
        addFakeIonqEnvironment(*fake, env);
        const QString qasm = writeTemp(home, "bell.qasm", kBell);
        const QString db = home.filePath("runs.sqlite");
        Run r = runQpilot({"cloud", "submit", qasm, "--device", "simulator", "--shots", "1000", "--poll", "0.05", "--db", db, "--json"},
                          {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j.value("state").toString(), QString("completed"));
        QCOMPARE(j.value("provider").toString(), QString("ionq"));
        // the exact simulator: Bell state, 500/500 in Qpilot order
        const QJsonObject counts = j.value("counts").toObject();
        QCOMPARE(counts.value("00").toInt(), 500);
        QCOMPARE(counts.value("11").toInt(), 500);
        QCOMPARE(fake->jobsCreated(), 1);
        QVERIFY(r.err.contains("no Qpilot device profile matches simulator"));
        // the store has it; `jobs` and `result` read it without the network
        auto s = openStore(db);
        QVERIFY(s);
        const auto jobs = s->listCloudJobs().value();
        QCOMPARE(int(jobs.size()), 1);
        QCOMPARE(jobs[0].countsJson, std::string(R"({"00":500,"11":500})"));
        s.reset();
        fake.reset();
        Run list = runQpilot({"cloud", "jobs", "--db", db, "--json"}, {}, env);
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 1);
        Run res = runQpilot({"cloud", "result", "1", "--db", db}, {}, env);
        QVERIFY2(res.exitCode == 0, qPrintable(res.err));
        QVERIFY(res.out.contains("11  500"));
    }

    void transpilesForAMatchingProfileAndShowsTheCost()
    {
        auto fake = startFakeIonq();
        QVERIFY(fake);
        QTemporaryDir home;
        QProcessEnvironment env = isolatedCloudEnv(home);
        addFakeIonqEnvironment(*fake, env);
        const QString qasm = writeTemp(home, "bell.qasm", kBell);
        Run r = runQpilot({"cloud", "submit", qasm, "--device", "qpu.aria-1", "--shots", "200", "--poll", "0.05", "--db",
                           home.filePath("runs.sqlite"), "--json"},
                          {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains("transpiled for profile ionq_aria_1"));
        QVERIFY(r.err.contains("estimated cost"));
        const QJsonObject j = jsonOf(r);
        QVERIFY(j.value("estimated_cost_usd").toDouble() > 0);
        int total = 0;
        const QJsonObject counts = j.value("counts").toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            total += it.value().toInt();
        QCOMPARE(total, 200);

        // --compare: the counts against the ideal Bell state (½ on 00 and 11), computed here
        // from the counts, and against Aria's noise model.
        double tvd = 0;
        const QStringList outcomes{"00", "01", "10", "11"};
        for (const QString& k : outcomes)
            tvd += std::abs(counts.value(k).toInt() / 200.0 - ((k == "00" || k == "11") ? 0.5 : 0.0));
        tvd /= 2;
        Run cmp = runQpilot({"cloud", "result", "1", "--compare", "--db", home.filePath("runs.sqlite"), "--json"}, {}, env);
        QVERIFY2(cmp.exitCode == 0, qPrintable(cmp.err));
        const QJsonObject check = jsonOf(cmp).value("simulation_check").toObject();
        QCOMPARE_LE(std::abs(check.value("tvd_ideal").toDouble() - tvd), 1e-12);
        QCOMPARE(check.value("noise_profile").toString(), QString("ionq_aria_1"));
        QVERIFY(check.value("tvd_noisy").isDouble());
        QCOMPARE(check.value("shots").toInt(), 200);
        // √(1/(2π·200)) for the ideal ½/½ is the yardstick's order; the noisy one is close to it
        QCOMPARE_GT(check.value("shot_noise_tvd").toDouble(), 0.02);
        QCOMPARE_LT(check.value("shot_noise_tvd").toDouble(), 0.06);
        Run text = runQpilot({"cloud", "result", "1", "--compare", "--db", home.filePath("runs.sqlite")}, {}, env);
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains("against the simulator") && text.out.contains("noisy (ionq_aria_1, density matrix (exact)): TVD"),
                 qPrintable(text.out));
    }

    void budgetGuardRefusesNonInteractively()
    {
        auto fake = startFakeIonq();
        QVERIFY(fake);
        QTemporaryDir home;
        QProcessEnvironment env = isolatedCloudEnv(home);
        addFakeIonqEnvironment(*fake, env);
        const QString qasm = writeTemp(home, "bell.qasm", kBell);
        const QString db = home.filePath("runs.sqlite");
        Run r = runQpilot({"cloud", "submit", qasm, "--device", "qpu.aria-1", "--shots", "200", "--budget", "0.01", "--db", db}, {}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("exceeds the budget of 0.01 USD") && r.err.contains("--yes"), qPrintable(r.err));
        QCOMPARE(fake->jobsCreated(), 0);
        // unknown cost (no profile) needs confirmation too
        r = runQpilot({"cloud", "submit", qasm, "--device", "simulator", "--budget", "100", "--db", db}, {}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("unknown"));
        QCOMPARE(fake->jobsCreated(), 0);
        r = runQpilot({"cloud", "submit", qasm, "--device", "qpu.aria-1", "--shots", "200", "--budget", "0.01", "--yes", "--no-wait",
                       "--db", db, "--json"},
                      {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(fake->jobsCreated(), 1);
        QCOMPARE(jsonOf(r).value("state").toString(), QString("queued"));
    }

    // SIGKILL while waiting; `cloud resume` in a new process finishes the job.
    void killedWhileWaitingThenResumed()
    {
        FakeIonqOptions opts;
        opts.statusSequence = {"submitted", "ready", "running", "running", "running", "running", "running", "running", "completed"};
        auto fake = startFakeIonq(opts);
        QVERIFY(fake);
        QTemporaryDir home;
        QProcessEnvironment env = isolatedCloudEnv(home);
        addFakeIonqEnvironment(*fake, env);
        const QString qasm = writeTemp(home, "bell.qasm", kBell);
        const QString db = home.filePath("runs.sqlite");
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(QPILOT_EXECUTABLE),
                {"cloud", "submit", qasm, "--device", "simulator", "--shots", "100", "--poll", "0.5", "--db", db});
        QVERIFY(p.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        QString err;
        while (!err.contains("submitted") && clock.elapsed() < 30000) {
            p.waitForReadyRead(200);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains("submitted"), qPrintable(err));
        p.kill(); // SIGKILL
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
        QVERIFY(s->listCloudJobs(true)->empty());
        const cloud::CloudJob job = s->cloudJob(1).value();
        QCOMPARE(job.countsJson, std::string(R"({"00":50,"11":50})"));
        QCOMPARE(fake->jobsCreated(), 1);
        // the audit log saw every state change
        int changes = 0;
        const Result<std::vector<store::AuditEntry>> log = s->auditLog();
        for (const store::AuditEntry& e : log.value())
            changes += e.subject == "cloud job 1";
        QVERIFY(changes >= 4); // cloud-job, queued, running, completed
    }

    // The provider creates the job but the reply is lost: it is found, not sent again.
    void lostSubmitReplyCreatesNoDuplicate()
    {
        auto fake = startFakeIonq();
        QVERIFY(fake);
        fake->server().reset(1, {"POST", "/v0.4/jobs"}, true);
        QTemporaryDir home;
        QProcessEnvironment env = isolatedCloudEnv(home);
        addFakeIonqEnvironment(*fake, env);
        const QString qasm = writeTemp(home, "bell.qasm", kBell);
        Run r = runQpilot({"cloud", "submit", qasm, "--device", "simulator", "--shots", "64", "--poll", "0.05", "--db",
                           home.filePath("runs.sqlite"), "--json"},
                          {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(jsonOf(r).value("state").toString(), QString("completed"));
        QCOMPARE(fake->jobsCreated(), 1);
        QCOMPARE(fake->server().requestCount("POST", "/v0.4/jobs"), 1);
    }

    // Login to the encrypted file, use it, and find the key in no file Qpilot wrote.
    void secretsNeverLandInFiles()
    {
        auto fake = startFakeIonq();
        QVERIFY(fake);
        QTemporaryDir home;
        QProcessEnvironment env = isolatedCloudEnv(home);
        const QByteArray key = QByteArray::fromStdString(fake->credentials().apiKey);
        env.insert(QStringLiteral("QPILOT_IONQ_ENDPOINT"), QString::fromStdString(fake->endpoints().api));
        env.insert(QStringLiteral("QPILOT_SECRETS"), QStringLiteral("file"));
        env.insert(QStringLiteral("QPILOT_SECRETS_PASSPHRASE"), QStringLiteral("test passphrase"));
        // without the variable, --from-env is a usage error
        Run r = runQpilot({"cloud", "login", "ionq", "--from-env"}, {}, env);
        QCOMPARE(r.exitCode, 2);
        QProcessEnvironment loginEnv = env;
        loginEnv.insert(QStringLiteral("QPILOT_IONQ_API_KEY"), QString::fromLatin1(key));
        r = runQpilot({"cloud", "login", "ionq", "--from-env", "--json"}, {}, loginEnv);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(jsonOf(r).value("verified").toBool());
        QVERIFY(QFile::exists(home.filePath("qpilot/secrets.enc")));
        // a wrong key is refused and not stored
        QProcessEnvironment badEnv = env;
        badEnv.insert(QStringLiteral("QPILOT_IONQ_API_KEY"), QStringLiteral("not-the-key"));
        r = runQpilot({"cloud", "login", "ionq", "--from-env"}, {}, badEnv);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("nothing stored"));
        // the stored key works without any credential variable
        const QString qasm = writeTemp(home, "bell.qasm", kBell);
        const QString db = home.filePath("qpilot/runs.sqlite");
        r = runQpilot({"cloud", "submit", qasm, "--device", "simulator", "--shots", "32", "--poll", "0.05", "--json"}, {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.toUtf8().contains(key) && !r.err.toUtf8().contains(key));
        r = runQpilot({"cloud", "devices", "ionq"}, {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("qpu.aria-1"));
        QVERIFY(QFile::exists(db));
        const QStringList hits = filesContaining(home.path(), key);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(", ")));
        // the wrong passphrase cannot use the file
        QProcessEnvironment wrong = env;
        wrong.insert(QStringLiteral("QPILOT_SECRETS_PASSPHRASE"), QStringLiteral("guess"));
        r = runQpilot({"cloud", "devices", "ionq"}, {}, wrong);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("wrong passphrase"));
        // logout removes it
        r = runQpilot({"cloud", "logout", "ionq"}, {}, env);
        QCOMPARE(r.exitCode, 0);
        r = runQpilot({"cloud", "devices", "ionq"}, {}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("qpilot cloud login ionq"));
    }

    void ibmLifeCycleThroughTheCli()
    {
        auto fake = startFakeIbm();
        QVERIFY(fake);
        QTemporaryDir home;
        QProcessEnvironment env = isolatedCloudEnv(home);
        addFakeIbmEnvironment(*fake, env);
        const QString db = home.filePath("runs.sqlite");
        Run r = runQpilot({"cloud", "devices", "ibm", "--json"}, {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray devices = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(!devices.isEmpty());
        QCOMPARE(devices[0].toObject().value("id").toString(), QString("ibm_heron5"));
        const QString device = QStringLiteral("ibm_heron5");
        // an ISA circuit (Heron basis cz, rz, sx, x on physical qubits): no Qpilot profile matches
        // the fixture backend, so it is sent as written
        const QString qasm = writeTemp(home, "bell_isa.qasm",
                                       "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[2] c;\nrz(pi/2) $0;\nsx $0;\nrz(pi/2) $0;\n"
                                       "rz(pi/2) $1;\nsx $1;\nrz(pi/2) $1;\ncz $0, $1;\nrz(pi/2) $1;\nsx $1;\nrz(pi/2) $1;\n"
                                       "c[0] = measure $0;\nc[1] = measure $1;\n");
        r = runQpilot({"cloud", "submit", qasm, "--device", device, "--shots", "400", "--no-wait", "--db", db, "--json"}, {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const int id = jsonOf(r).value("id").toInt();
        r = runQpilot({"cloud", "wait", QString::number(id), "--poll", "0.05", "--db", db, "--json"}, {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j.value("state").toString(), QString("completed"));
        int total = 0;
        const QJsonObject counts = j.value("counts").toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            QCOMPARE(it.key().size(), 2);
            total += it.value().toInt();
        }
        QCOMPARE(total, 400);
        r = runQpilot({"cloud", "cancel", QString::number(id), "--db", db}, {}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("already ended"));
    }

    // Braket: SigV4-signed calls, results from the fake's S3 (path style), a lost CreateQuantumTask
    // reply resolved by the clientToken; endpoints and region from the command line.
    void braketLifeCycleThroughTheCli()
    {
        auto fake = startFakeBraket();
        QVERIFY(fake);
        fake->server().reset(1, {"POST", "/quantum-task"}, true);
        QTemporaryDir home;
        QProcessEnvironment env = isolatedCloudEnv(home);
        const cloud::Endpoints e = fake->endpoints();
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QString::fromStdString(fake->credentials().accessKeyId));
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QString::fromStdString(fake->credentials().secretAccessKey));
        if (!fake->credentials().sessionToken.empty())
            env.insert(QStringLiteral("AWS_SESSION_TOKEN"), QString::fromStdString(fake->credentials().sessionToken));
        env.insert(QStringLiteral("QPILOT_BRAKET_BUCKET"), QString::fromStdString(e.bucket));
        const QString qasm = writeTemp(home, "bell.qasm", kBell);
        const QString db = home.filePath("runs.sqlite");
        Run r = runQpilot({"cloud", "submit", qasm, "--device", test::kFakeSv1, "--shots", "100", "--poll", "0.05", "--db", db,
                           "--endpoint", QString::fromStdString(e.api), "--storage-endpoint", QString::fromStdString(e.storage),
                           "--region", QString::fromStdString(e.region), "--json"},
                          {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j.value("state").toString(), QString("completed"));
        QCOMPARE(j.value("provider").toString(), QString("braket"));
        int total = 0;
        const QJsonObject counts = j.value("counts").toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            QVERIFY2(it.key() == "00" || it.key() == "11", qPrintable(it.key()));
            total += it.value().toInt();
        }
        QCOMPARE(total, 100);
        QCOMPARE(fake->createdTaskCount(), 1);
    }

    // Endpoints saved on the workbench's Accounts tab (QSettings) are the CLI's too, below the
    // environment and the flags: defaults < settings < QPILOT_* < --endpoint.
    void savedEndpointsAreUsed()
    {
        auto fake = startFakeIonq();
        QVERIFY(fake);
        QTemporaryDir home;
        QProcessEnvironment env = isolatedCloudEnv(home);
        env.insert(QStringLiteral("QPILOT_IONQ_API_KEY"), QString::fromStdString(fake->credentials().apiKey));
        QVERIFY(QDir().mkpath(home.filePath("config/Qpilot")));
        QFile conf(home.filePath("config/Qpilot/qpilot.conf"));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[cloud]\nionq\\api=" + QByteArray::fromStdString(fake->endpoints().api) + "\n");
        conf.close();
        Run saved = runQpilot({"cloud", "devices", "ionq", "--json"}, {}, env);
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
        QVERIFY(!QJsonDocument::fromJson(saved.out.toUtf8()).array().isEmpty());
        // a flag beats the saved endpoint (nothing listens on port 9 of loopback)
        Run flag = runQpilot({"cloud", "devices", "ionq", "--endpoint", "http://127.0.0.1:9/v0.4"}, {}, env);
        QCOMPARE(flag.exitCode, 1);
        QVERIFY2(flag.err.contains("127.0.0.1:9"), qPrintable(flag.err));
        // so does the environment
        env.insert(QStringLiteral("QPILOT_IONQ_ENDPOINT"), QStringLiteral("http://127.0.0.1:9/v0.4"));
        Run environment = runQpilot({"cloud", "devices", "ionq"}, {}, env);
        QCOMPARE(environment.exitCode, 1);
        QVERIFY2(environment.err.contains("127.0.0.1:9"), qPrintable(environment.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no sub-command") << QStringList{"cloud"} << "missing sub-command";
        QTest::newRow("unknown sub-command") << QStringList{"cloud", "launch"} << "unknown sub-command 'launch'";
        QTest::newRow("unknown provider") << QStringList{"cloud", "devices", "azure"} << "unknown cloud provider 'azure'";
        QTest::newRow("no device") << QStringList{"cloud", "submit", "x.qasm"} << "--device ID is required";
        QTest::newRow("bad shots") << QStringList{"cloud", "submit", "x.qasm", "--device", "simulator", "--shots", "0"} << "--shots";
        QTest::newRow("unknown device provider") << QStringList{"cloud", "submit", "x.qasm", "--device", "mystery"} << "--provider";
        QTest::newRow("bad job id") << QStringList{"cloud", "wait", "abc"} << "not a job id";
        QTest::newRow("bad poll") << QStringList{"cloud", "jobs", "--poll", "-1"} << "--poll";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir home;
        QStringList a = args;
        a << "--db" << home.filePath("runs.sqlite");
        Run r = runQpilot(a, {}, isolatedCloudEnv(home));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("qpilot: ") && r.err.contains(message), qPrintable(r.err));
    }

    void plainHttpToARemoteHostIsRefused()
    {
        QTemporaryDir home;
        QProcessEnvironment env = isolatedCloudEnv(home);
        env.insert(QStringLiteral("QPILOT_IONQ_API_KEY"), QStringLiteral("k"));
        Run r = runQpilot({"cloud", "devices", "ionq", "--endpoint", "http://api.ionq.co/v0.4"}, {}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("refusing plain http://"));
    }
};

QTEST_GUILESS_MAIN(TestCliCloud)
#include "tst_cli_cloud.moc"
