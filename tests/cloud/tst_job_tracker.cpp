// SPDX-License-Identifier: GPL-3.0-or-later
// tests/cloud/tst_job_tracker.cpp — the JobTracker against an in-test fake ProviderClient and a
// real run store: the job is stored before it is sent, every state change is recorded and
// audited, a lost submit reply is looked up and never duplicated, a "kill" mid-wait (store and
// tracker destroyed) is resumed by a new tracker on the reopened store, cancel, failures, status
// errors keep the record; plus the cost guard (published Braket per-task + per-shot prices) and
// the cloud-device → profile mapping.
#include "core/cloud/jobs.h"
#include "core/cost/cost.h"

#include <QTemporaryDir>
#include <QTest>

#include <mutex>

using namespace qpilot;
using namespace qpilot::cloud;

namespace {

// A provider in memory: jobs advance one state per status() call (queued → running → completed).
class FakeProvider : public ProviderClient {
public:
    struct Job {
        std::string token, device, qasm;
        int shots = 0;
        int polls = 0;
        bool cancelled = false;
        bool fail = false;
    };
    store::RunStore* storeToCheck = nullptr;         // submit() asserts the job is already stored
    int loseReplyAfterCreate = 0;                    // next N submits: job created, reply lost
    int failBeforeCreate = 0;                        // next N submits: nothing created, error
    int lookupFailures = 0;                          // next N findByClientToken calls fail
    int statusFailures = 0;                          // next N status calls fail (malformed reply)
    bool failJobs = false;                           // jobs end "failed"
    int pollsToRun = 1, pollsToComplete = 2;
    std::map<std::string, Job> jobs;                 // provider id → job
    int submits = 0, lookups = 0, statusCalls = 0, resultCalls = 0;
    bool storedBeforeSend = true;

    Provider provider() const override { return Provider::Ionq; }
    Result<std::vector<CloudDevice>> devices() override { return std::vector<CloudDevice>{}; }
    Result<RemoteStatus> submit(const SubmitRequest& r) override
    {
        ++submits;
        if (storeToCheck) {
            auto stored = storeToCheck->cloudJobByToken(r.clientToken);
            storedBeforeSend = storedBeforeSend && stored.ok() && stored.value() && stored.value()->state == "submitting";
        }
        if (failBeforeCreate > 0) {
            --failBeforeCreate;
            return Error("IonQ: POST /jobs: cannot connect (connection refused)");
        }
        const std::string id = "job-" + std::to_string(jobs.size() + 1);
        jobs[id] = Job{r.clientToken, r.deviceId, r.qasm, r.shots, 0, false, failJobs};
        if (loseReplyAfterCreate > 0) {
            --loseReplyAfterCreate;
            return Error("IonQ: POST /jobs: connection reset; the request may have reached the server, so it is not re-sent");
        }
        RemoteStatus s;
        s.providerJobId = id;
        s.state = JobState::Queued;
        return s;
    }
    Result<std::optional<std::string>> findByClientToken(const std::string& device, const std::string& token) override
    {
        ++lookups;
        if (lookupFailures > 0) {
            --lookupFailures;
            return Error("IonQ: GET /jobs: no reply within 30 s");
        }
        for (const auto& [id, j] : jobs)
            if (j.token == token && j.device == device)
                return std::optional<std::string>(id);
        return std::optional<std::string>();
    }
    Result<RemoteStatus> status(const std::string& id) override
    {
        ++statusCalls;
        if (statusFailures > 0) {
            --statusFailures;
            return Error("IonQ: GET /jobs/" + id + ": malformed JSON (unterminated object at offset 14)");
        }
        auto it = jobs.find(id);
        if (it == jobs.end())
            return Error("IonQ: no job " + id);
        Job& j = it->second;
        RemoteStatus s;
        s.providerJobId = id;
        if (j.cancelled) {
            s.state = JobState::Cancelled;
            s.message = "canceled by the user";
            return s;
        }
        ++j.polls;
        if (j.polls >= pollsToComplete) {
            s.state = j.fail ? JobState::Failed : JobState::Completed;
            if (j.fail)
                s.message = "NotEnoughQubits: the circuit needs more qubits than the backend has";
            s.usageSeconds = 1.25;
            s.costUsd = 0.97;
        } else if (j.polls >= pollsToRun) {
            s.state = JobState::Running;
        } else {
            s.state = JobState::Queued;
        }
        return s;
    }
    Result<JobResult> result(const std::string& id) override
    {
        ++resultCalls;
        auto it = jobs.find(id);
        if (it == jobs.end())
            return Error("no job " + id);
        JobResult r;
        r.counts = {{"00", it->second.shots / 2}, {"11", it->second.shots - it->second.shots / 2}};
        r.shots = it->second.shots;
        r.qubits = 2;
        return r;
    }
    std::optional<Error> cancel(const std::string& id) override
    {
        auto it = jobs.find(id);
        if (it == jobs.end())
            return Error("no job " + id);
        it->second.cancelled = true;
        return std::nullopt;
    }
};

const char* kBell = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n";

Submission bell(int shots = 100)
{
    Submission s;
    s.deviceId = "qpu.aria-1";
    s.qasm = kBell;
    s.shots = shots;
    s.tags = {{"pilot", "bell"}};
    s.estimatedCostUsd = 3.3;
    return s;
}

WaitOptions fast()
{
    WaitOptions o;
    o.pollSeconds = 0;
    o.maxPollSeconds = 0;
    return o;
}

std::unique_ptr<store::RunStore> openStore(const QString& path)
{
    auto s = store::RunStore::open(path.toStdString());
    return s ? std::move(s).value() : nullptr;
}

std::vector<std::string> auditActions(const store::RunStore& s, const std::string& subject)
{
    std::vector<std::string> out;
    const Result<std::vector<store::AuditEntry>> log = s.auditLog();
    for (const store::AuditEntry& e : log.value())
        if (e.subject == subject)
            out.push_back(e.action);
    return out;
}

} // namespace

class TestJobTracker : public QObject {
    Q_OBJECT

private slots:
    void fullLifeCycleIsRecorded()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        QVERIFY(s);
        FakeProvider p;
        p.storeToCheck = s.get();
        JobTracker t(*s, p);
        Result<CloudJob> job = t.submit(bell(101));
        QVERIFY2(job.ok(), job.ok() ? "" : job.error().message.c_str());
        QVERIFY(p.storedBeforeSend);
        QCOMPARE(job->state, std::string("queued"));
        QCOMPARE(job->providerJobId, std::string("job-1"));
        QCOMPARE(job->provider, std::string("ionq"));
        QCOMPARE(job->tagsJson, std::string(R"({"pilot":"bell"})"));
        QVERIFY(!job->submittedAt.empty() && !job->queuedAt.empty());
        QCOMPARE(job->estimatedCostUsd.value_or(-1), 3.3);
        std::vector<std::string> seen;
        Result<CloudJob> done = t.wait(job->id, nullptr, [&](const CloudJob& j) { seen.push_back(j.state); }, fast());
        QVERIFY(done.ok());
        QCOMPARE(done->state, std::string("completed"));
        QCOMPARE(seen, (std::vector<std::string>{"running", "completed"}));
        QCOMPARE(done->countsJson, std::string(R"({"00":50,"11":51})"));
        QCOMPARE(done->usageSeconds.value_or(-1), 1.25);
        QCOMPARE(done->actualCostUsd.value_or(-1), 0.97);
        QVERIFY(!done->runningAt.empty() && !done->finishedAt.empty());
        // the store holds the same record, every state change audited
        const CloudJob back = s->cloudJob(job->id).value();
        QCOMPARE(back.countsJson, done->countsJson);
        QCOMPARE(back.qasm, std::string(kBell));
        QCOMPARE(auditActions(*s, "cloud job " + std::to_string(job->id)),
                 (std::vector<std::string>{"cloud-job", "cloud-queued", "cloud-running", "cloud-completed"}));
        Result<JobResult> r = t.result(job->id);
        QVERIFY(r.ok());
        QCOMPARE(r->shots, 101);
        QCOMPARE(r->qubits, 2);
        QCOMPARE(p.resultCalls, 1); // stored, not fetched again
        QCOMPARE(p.submits, 1);
        QVERIFY(s->listCloudJobs(true)->empty());
    }

    void lostReplyIsLookedUpNotResent()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        FakeProvider p;
        p.loseReplyAfterCreate = 1;
        JobTracker t(*s, p);
        Result<CloudJob> job = t.submit(bell());
        QVERIFY2(job.ok(), job.ok() ? "" : job.error().message.c_str());
        QCOMPARE(p.submits, 1);
        QCOMPARE(p.lookups, 1);
        QCOMPARE(int(p.jobs.size()), 1);
        QCOMPARE(job->providerJobId, std::string("job-1"));
        QVERIFY(job->lastError.find("found the job by its client token") != std::string::npos);
        QVERIFY(t.wait(job->id, nullptr, {}, fast()).ok());
        QCOMPARE(int(p.jobs.size()), 1);
    }

    void neverArrivedIsSentOnce()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        FakeProvider p;
        p.failBeforeCreate = 1;
        JobTracker t(*s, p);
        Result<CloudJob> job = t.submit(bell());
        QVERIFY(job.ok());
        QCOMPARE(p.submits, 2);
        QCOMPARE(int(p.jobs.size()), 1);
        QCOMPARE(job->state, std::string("queued"));
    }

    void failingProviderKeepsTheRecord()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        FakeProvider p;
        p.failBeforeCreate = 5;
        JobTracker t(*s, p);
        Result<CloudJob> job = t.submit(bell());
        QVERIFY(!job.ok());
        QVERIFY2(job.error().message.find("submit failed twice") != std::string::npos, job.error().message.c_str());
        QCOMPARE(p.submits, 2);
        const auto jobs = s->listCloudJobs().value();
        QCOMPARE(int(jobs.size()), 1);
        QCOMPARE(jobs[0].state, std::string("submitting"));
        QVERIFY(jobs[0].lastError.find("connection refused") != std::string::npos);
    }

    // The reply is lost and the lookup fails too (network down); Qpilot is killed. After the
    // restart, resume finds the job by its client token: one job at the provider.
    void lostReplyThenRestartNoDuplicate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("runs.sqlite");
        FakeProvider p;
        p.loseReplyAfterCreate = 1;
        p.lookupFailures = 1;
        std::int64_t id = 0;
        {
            auto s = openStore(path);
            JobTracker t(*s, p);
            Result<CloudJob> job = t.submit(bell());
            QVERIFY(!job.ok());
            QVERIFY2(job.error().message.find("kept as submitting") != std::string::npos, job.error().message.c_str());
            const auto jobs = s->listCloudJobs(true).value();
            QCOMPARE(int(jobs.size()), 1);
            QCOMPARE(jobs[0].state, std::string("submitting"));
            QVERIFY(jobs[0].providerJobId.empty());
            id = jobs[0].id;
        }
        auto s = openStore(path);
        JobTracker t(*s, p);
        Result<std::vector<CloudJob>> resumed = t.resumeUnfinished(nullptr, {}, fast());
        QVERIFY(resumed.ok());
        QCOMPARE(int(resumed->size()), 1);
        QCOMPARE(resumed->at(0).id, id);
        QCOMPARE(resumed->at(0).state, std::string("completed"));
        QCOMPARE(resumed->at(0).providerJobId, std::string("job-1"));
        QCOMPARE(p.submits, 1);
        QCOMPARE(int(p.jobs.size()), 1);
    }

    // Killed between storing the job and sending it: resume looks it up (none) and sends it once.
    void crashBeforeSendIsSentOnResume()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("runs.sqlite");
        FakeProvider p;
        {
            auto s = openStore(path);
            CloudJob j;
            j.provider = "ionq";
            j.deviceId = "qpu.aria-1";
            j.clientToken = newClientToken();
            j.shots = 10;
            j.qasm = kBell;
            j.circuitHash = "h";
            QVERIFY(s->insertCloudJob(j).ok());
        }
        auto s = openStore(path);
        JobTracker t(*s, p);
        Result<std::vector<CloudJob>> resumed = t.resumeUnfinished(nullptr, {}, fast());
        QVERIFY(resumed.ok());
        QCOMPARE(int(resumed->size()), 1);
        QCOMPARE(resumed->at(0).state, std::string("completed"));
        QCOMPARE(resumed->at(0).countsJson, std::string(R"({"00":5,"11":5})"));
        QCOMPARE(p.lookups, 1);
        QCOMPARE(p.submits, 1);
    }

    // Killed while waiting (the wait is abandoned while the job runs); a new tracker on the
    // reopened store finishes it and stores the counts.
    void killMidWaitResumes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("runs.sqlite");
        FakeProvider p;
        p.pollsToComplete = 4;
        std::int64_t id = 0;
        {
            auto s = openStore(path);
            JobTracker t(*s, p);
            Result<CloudJob> job = t.submit(bell(64));
            QVERIFY(job.ok());
            id = job->id;
            std::atomic<bool> kill{false};
            Result<CloudJob> w = t.wait(id, &kill, [&](const CloudJob& j) { kill = j.state == "running"; }, fast());
            QVERIFY(!w.ok());
            QCOMPARE(s->cloudJob(id)->state, std::string("running"));
        }
        auto s = openStore(path);
        JobTracker t(*s, p);
        QCOMPARE(int(s->listCloudJobs(true)->size()), 1);
        Result<std::vector<CloudJob>> resumed = t.resumeUnfinished(nullptr, {}, fast());
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->at(0).state, std::string("completed"));
        QCOMPARE(t.result(id)->counts, (std::map<std::string, std::int64_t>{{"00", 32}, {"11", 32}}));
        QCOMPARE(p.submits, 1);
        QVERIFY(s->listCloudJobs(true)->empty());
    }

    // Killed after the job was recorded completed but before its counts were: still unfinished,
    // and the next resume fetches the counts (nothing is submitted again).
    void killBetweenCompletionAndCountsResumes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("runs.sqlite");
        FakeProvider p;
        p.pollsToComplete = 1;
        auto s = openStore(path);
        std::int64_t id = 0;
        {
            JobTracker t(*s, p);
            Result<CloudJob> job = t.submit(bell(64));
            QVERIFY(job.ok());
            id = job->id;
            QVERIFY(t.wait(id, nullptr, {}, fast()).ok());
        }
        CloudJob cut = s->cloudJob(id).value(); // as the store was between the two updates
        QCOMPARE(cut.state, std::string("completed"));
        cut.countsJson.clear();
        QVERIFY(!s->updateCloudJob(cut));
        QCOMPARE(int(s->listCloudJobs(true)->size()), 1);
        JobTracker t(*s, p);
        Result<std::vector<CloudJob>> resumed = t.resumeUnfinished(nullptr, {}, fast());
        QVERIFY(resumed.ok());
        QCOMPARE(int(resumed->size()), 1);
        QCOMPARE(s->cloudJob(id)->countsJson, std::string(R"({"00":32,"11":32})"));
        QVERIFY(s->listCloudJobs(true)->empty());
        QCOMPARE(p.submits, 1);
    }

    void cancelRecordsTheProvidersAnswer()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        FakeProvider p;
        JobTracker t(*s, p);
        const std::int64_t id = t.submit(bell())->id;
        Result<CloudJob> c = t.cancel(id);
        QVERIFY(c.ok());
        QCOMPARE(c->state, std::string("cancelled"));
        QCOMPARE(c->message, std::string("canceled by the user"));
        QVERIFY(!c->finishedAt.empty());
        Result<CloudJob> again = t.cancel(id);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.find("already ended") != std::string::npos);
        Result<JobResult> r = t.result(id);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.find("is cancelled, not completed") != std::string::npos);
        const auto actions = auditActions(*s, "cloud job " + std::to_string(id));
        QCOMPARE(actions.back(), std::string("cloud-cancelled"));
    }

    void failedJobKeepsTheReason()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        FakeProvider p;
        p.failJobs = true;
        JobTracker t(*s, p);
        const std::int64_t id = t.submit(bell())->id;
        Result<CloudJob> w = t.wait(id, nullptr, {}, fast());
        QVERIFY(w.ok());
        QCOMPARE(w->state, std::string("failed"));
        QVERIFY(w->message.find("NotEnoughQubits") != std::string::npos);
        QVERIFY(w->countsJson.empty());
        QCOMPARE(p.resultCalls, 0);
        QVERIFY(t.result(id).error().message.find("NotEnoughQubits") != std::string::npos);
    }

    void statusErrorsAreRetriedThenKept()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        FakeProvider p;
        JobTracker t(*s, p);
        const std::int64_t id = t.submit(bell())->id;
        p.statusFailures = 2;
        Result<CloudJob> w = t.wait(id, nullptr, {}, fast());
        QVERIFY(w.ok());
        QCOMPARE(w->state, std::string("completed"));
        QVERIFY(w->lastError.empty());

        const std::int64_t id2 = t.submit(bell())->id;
        p.statusFailures = 100;
        WaitOptions o = fast();
        o.maxConsecutiveErrors = 3;
        Result<CloudJob> w2 = t.wait(id2, nullptr, {}, o);
        QVERIFY(!w2.ok());
        QVERIFY2(w2.error().message.find("3 status errors in a row") != std::string::npos, w2.error().message.c_str());
        const CloudJob kept = s->cloudJob(id2).value();
        QCOMPARE(kept.state, std::string("queued"));
        QVERIFY(kept.lastError.find("malformed JSON") != std::string::npos);
    }

    void waitTimesOut()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        FakeProvider p;
        p.pollsToRun = 1000000;
        p.pollsToComplete = 1000000;
        JobTracker t(*s, p);
        const std::int64_t id = t.submit(bell())->id;
        WaitOptions o;
        o.pollSeconds = 0.05;
        o.maxPollSeconds = 0.05;
        o.timeoutSeconds = 0.3;
        Result<CloudJob> w = t.wait(id, nullptr, {}, o);
        QVERIFY(!w.ok());
        QVERIFY(w.error().message.find("has not finished") != std::string::npos);
        QVERIFY(p.statusCalls >= 3);
    }

    void jobsOfAnotherProviderAreRefused()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        CloudJob j;
        j.provider = "ibm";
        j.deviceId = "ibm_fez";
        j.clientToken = newClientToken();
        j.shots = 10;
        j.circuitHash = "h";
        const std::int64_t id = s->insertCloudJob(j).value();
        FakeProvider p;
        JobTracker t(*s, p);
        QVERIFY(t.poll(id).error().message.find("belongs to provider ibm") != std::string::npos);
        QVERIFY(t.resumeUnfinished(nullptr, {}, fast())->empty());
        QCOMPARE(p.lookups, 0);
    }

    void storeConstraints()
    {
        QTemporaryDir dir;
        auto s = openStore(dir.filePath("runs.sqlite"));
        CloudJob j;
        j.provider = "ionq";
        j.deviceId = "qpu.aria-1";
        j.clientToken = "same";
        j.shots = 10;
        j.circuitHash = "h";
        QVERIFY(s->insertCloudJob(j).ok());
        QVERIFY(!s->insertCloudJob(j).ok()); // client token unique
        j.clientToken = "other";
        j.state = "bogus";
        QVERIFY(!s->insertCloudJob(j).ok());
        j.state = "submitting";
        j.provider = "azure";
        QVERIFY(!s->insertCloudJob(j).ok());
        QVERIFY(!s->cloudJob(99).ok());
        QVERIFY(!s->cloudJobByToken("none").value().has_value());
    }

    void countsJsonRoundTrip()
    {
        const std::map<std::string, std::int64_t> c{{"000", 1}, {"101", 999}};
        QCOMPARE(countsFromJson(countsToJson(c)).value(), c);
        QVERIFY(!countsFromJson("[1]").ok());
        QVERIFY(!countsFromJson(R"({"0":"x"})").ok());
        QVERIFY(newClientToken() != newClientToken());
        QCOMPARE(newClientToken().size(), std::size_t(36));
    }

    // Braket on-demand: USD 0.30 per task + a per-shot price (reference §3, [S31,S32]).
    void estimatesBraketCosts_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("shots");
        QTest::addColumn<double>("usd");
        QTest::newRow("iqm_garnet 1000") << "iqm_garnet" << 1000 << 0.30 + 0.00145 * 1000;
        QTest::newRow("iqm_garnet 1") << "iqm_garnet" << 1 << 0.30 + 0.00145;
        QTest::newRow("rigetti 2000") << "rigetti_cepheus_1_108q" << 2000 << 0.30 + 0.000425 * 2000;
        QTest::newRow("ionq_forte 100") << "ionq_forte_1" << 100 << 0.30 + 0.08 * 100;
    }
    void estimatesBraketCosts()
    {
        QFETCH(QString, profile);
        QFETCH(int, shots);
        QFETCH(double, usd);
        Result<DeviceProfile> d = findDevice(profile.toStdString());
        QVERIFY(d.ok());
        Result<CostEstimate> e = estimateCost(d.value(), shots);
        QVERIFY2(e.ok(), e.ok() ? "" : e.error().message.c_str());
        QVERIFY2(std::abs(e->usd - usd) < 1e-9, qPrintable(QString::number(e->usd, 'f', 6)));
        QCOMPARE(e->profileId, profile.toStdString());
        QVERIFY(!e->source.empty() && !e->date.empty());
        QVERIFY(!budgetExceeded(e.value(), usd + 0.01));
        const std::optional<std::string> over = budgetExceeded(e.value(), usd / 2);
        QVERIFY(over);
        QVERIFY(over->find("exceeds the budget") != std::string::npos);
    }

    // IBM pay-as-you-go: usage = 2 s per subjob + executions·(rep_delay + max(t_circuit, 100 µs))
    // [S8] at USD 1.60/s [S22,S26] (no circuit duration known: the 100 µs floor).
    void estimatesIbmUsage()
    {
        const DeviceProfile fez = findDevice("ibm_fez").value();
        const double rep = fez.repetitionDelay.value_or(250e-6);
        const double seconds = 2 + 4000 * (rep + 100e-6);
        Result<CostEstimate> e = estimateCost(fez, 4000);
        QVERIFY2(e.ok(), e.ok() ? "" : e.error().message.c_str());
        QVERIFY(e->qpuSeconds);
        QVERIFY2(std::abs(*e->qpuSeconds - seconds) < 1e-9, qPrintable(QString::number(*e->qpuSeconds)));
        QVERIFY2(std::abs(e->usd - 1.60 * seconds) < 1e-9, qPrintable(QString::number(e->usd)));
        QCOMPARE(e->plan, std::string("payg"));
        QVERIFY(!estimateCost(fez, 0).ok());
    }

    void unknownCostNeedsConfirmation()
    {
        const std::optional<std::string> m = budgetExceeded(std::nullopt, 100);
        QVERIFY(m);
        QVERIFY(m->find("unknown") != std::string::npos);
    }

    void mapsCloudDevicesToProfiles_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("profile");
        QTest::newRow("ibm") << int(Provider::Ibm) << "ibm_fez" << "ibm_fez";
        QTest::newRow("ibm unknown") << int(Provider::Ibm) << "ibm_nowhere" << "";
        QTest::newRow("ionq aria") << int(Provider::Ionq) << "qpu.aria-1" << "ionq_aria_1";
        QTest::newRow("ionq forte") << int(Provider::Ionq) << "qpu.forte-1" << "ionq_forte_1";
        QTest::newRow("ionq simulator") << int(Provider::Ionq) << "simulator" << "";
        QTest::newRow("braket garnet") << int(Provider::Braket) << "arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet" << "iqm_garnet";
        QTest::newRow("braket forte") << int(Provider::Braket) << "arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1" << "ionq_forte_1";
        QTest::newRow("braket sv1") << int(Provider::Braket) << "arn:aws:braket:::device/quantum-simulator/amazon/sv1" << "";
    }
    void mapsCloudDevicesToProfiles()
    {
        QFETCH(int, provider);
        QFETCH(QString, device);
        QFETCH(QString, profile);
        QCOMPARE(QString::fromStdString(profileIdForCloudDevice(Provider(provider), device.toStdString())), profile);
    }
};

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_job_tracker.moc"
