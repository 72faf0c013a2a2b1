// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/jobs.cpp — the JobTracker (store-first submission, lookup after a lost reply,
// polling with state-change records, resume, cancel, results) and the cost guard (see jobs.h).
#include "core/cloud/jobs.h"

#include "core/common/hash.h"
#include "core/common/provenance.h"
#include "core/cost/cost.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

namespace qpilot::cloud {

Result<Provider> jobProvider(const CloudJob& job) { return providerFromKey(job.provider); }
Result<JobState> jobState(const CloudJob& job) { return jobStateFromKey(job.state); }

std::string countsToJson(const std::map<std::string, std::int64_t>& counts)
{
    QJsonObject o;
    for (const auto& [bits, n] : counts)
        o.insert(QString::fromStdString(bits), qint64(n));
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<std::map<std::string, std::int64_t>> countsFromJson(const std::string& json)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &pe);
    if (!doc.isObject())
        return Error("stored counts are not a JSON object: " + pe.errorString().toStdString());
    std::map<std::string, std::int64_t> out;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isDouble())
            return Error("stored count of '" + it.key().toStdString() + "' is not a number");
        out[it.key().toStdString()] = static_cast<std::int64_t>(it.value().toDouble());
    }
    return out;
}

std::string newClientToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

// ---------------------------------------------------------------------------------------------
// Cost guard

std::string profileIdForCloudDevice(Provider provider, const std::string& deviceId)
{
    auto norm = [](std::string s) {
        std::string out;
        for (char c : s) {
            if (c >= 'A' && c <= 'Z')
                out += char(c - 'A' + 'a');
            else if (c == '-' || c == '.' || c == ' ')
                out += '_';
            else
                out += c;
        }
        return out;
    };
    std::string candidate;
    switch (provider) {
    case Provider::Ibm:
        candidate = norm(deviceId);
        break;
    case Provider::Ionq: {
        std::string name = deviceId;
        if (name.rfind("qpu.", 0) == 0)
            name = name.substr(4);
        candidate = "ionq_" + norm(name);
        break;
    }
    case Provider::Braket: {
        // arn:aws:braket:<region>::device/qpu/<vendor>/<Name>
        const std::size_t qpu = deviceId.find("device/qpu/");
        if (qpu == std::string::npos)
            return {};
        std::string rest = deviceId.substr(qpu + 11);
        const std::size_t slash = rest.find('/');
        if (slash == std::string::npos)
            return {};
        candidate = norm(rest.substr(0, slash)) + "_" + norm(rest.substr(slash + 1));
        break;
    }
    }
    for (const DeviceProfile& d : builtinDevices())
        if (d.id == candidate)
            return candidate;
    return {};
}

Result<CostEstimate> estimateCost(const DeviceProfile& device, int shots, const mitigation::CircuitFigures& figures,
                                  const cost::PriceTable* prices, const std::string& plan)
{
    if (shots < 1)
        return Error("shots must be at least 1 (got " + std::to_string(shots) + ")");
    if (device.pricing.empty())
        return Error("device profile '" + device.id + "' has no pricing key: no cost estimate");
    cost::PriceTable builtin;
    if (!prices) {
        builtin = cost::builtinPrices();
        prices = &builtin;
    }
    Result<const cost::PriceRow*> row = prices->find(device.pricing, plan);
    if (!row)
        return Error(device.id + ": " + row.error().message);
    cost::Workload w;
    w.shots = shots;
    w.circuitsPerInference = 1;
    w.inferences = 1;
    w.figures = figures;
    w.repetitionDelay = device.repetitionDelay;
    Result<cost::Cost> c = cost::costOf(*row.value(), w, prices->ibm);
    if (!c)
        return Error(device.id + ": " + c.error().message);
    CostEstimate e;
    e.usd = c->batchUsd;
    e.profileId = device.id;
    e.priceKey = row.value()->key;
    e.plan = row.value()->plan;
    e.formula = c->formula;
    e.date = row.value()->date;
    e.source = row.value()->source;
    e.qpuSeconds = c->qpuSeconds;
    return e;
}

std::optional<std::string> budgetExceeded(const std::optional<CostEstimate>& estimate, double budgetUsd)
{
    char budget[64];
    std::snprintf(budget, sizeof budget, "%.2f", budgetUsd);
    if (!estimate)
        return std::string("the cost of this job is unknown (no matching device profile or price row); the budget is ") + budget + " USD";
    if (estimate->usd <= budgetUsd + 1e-12)
        return std::nullopt;
    char usd[64];
    std::snprintf(usd, sizeof usd, "%.2f", estimate->usd);
    return std::string("estimated ") + usd + " USD exceeds the budget of " + budget + " USD";
}

// ---------------------------------------------------------------------------------------------
// The tracker

JobTracker::JobTracker(store::RunStore& store, ProviderClient& client) : m_store(store), m_client(client) {}

std::optional<Error> JobTracker::save(const CloudJob& job)
{
    return m_store.updateCloudJob(job);
}

Result<CloudJob> JobTracker::load(std::int64_t id) const
{
    Result<CloudJob> job = m_store.cloudJob(id);
    if (!job)
        return job;
    if (job->provider != providerKey(m_client.provider()))
        return Error("cloud job " + std::to_string(id) + " belongs to provider " + job->provider + ", not "
                     + providerKey(m_client.provider()));
    return job;
}

Result<CloudJob> JobTracker::submit(const Submission& s)
{
    if (s.shots < 1)
        return Error("shots must be at least 1 (got " + std::to_string(s.shots) + ")");
    if (s.deviceId.empty())
        return Error("no device given");
    CloudJob job;
    job.provider = providerKey(m_client.provider());
    job.deviceId = s.deviceId;
    job.clientToken = newClientToken();
    job.state = jobStateKey(JobState::Submitting);
    job.shots = s.shots;
    job.qasm = s.qasm;
    job.submittedQasm = s.isaQasm.empty() ? s.qasm : s.isaQasm;
    job.circuitHash = sha256Hex(job.submittedQasm);
    QJsonObject tags;
    for (const auto& [k, v] : s.tags)
        tags.insert(QString::fromStdString(k), QString::fromStdString(v));
    job.tagsJson = QJsonDocument(tags).toJson(QJsonDocument::Compact).toStdString();
    job.estimatedCostUsd = s.estimatedCostUsd;
    // Written before anything is sent: a crash from here on leaves a record resume() reconciles.
    Result<std::int64_t> id = m_store.insertCloudJob(job);
    if (!id)
        return id.error();
    job.id = id.value();
    Result<CloudJob> stored = m_store.cloudJob(job.id);
    if (!stored)
        return stored;
    return send(stored.value());
}

Result<CloudJob> JobTracker::send(CloudJob job)
{
    SubmitRequest req;
    req.deviceId = job.deviceId;
    req.qasm = job.submittedQasm.empty() ? job.qasm : job.submittedQasm;
    req.shots = job.shots;
    req.clientToken = job.clientToken;
    const QJsonObject tags = QJsonDocument::fromJson(QByteArray::fromStdString(job.tagsJson)).object();
    for (auto it = tags.begin(); it != tags.end(); ++it)
        req.tags[it.key().toStdString()] = it.value().toString().toStdString();
    for (int round = 0; round < 2; ++round) {
        Result<RemoteStatus> r = m_client.submit(req);
        if (r) {
            job.lastError.clear();
            job.submittedAt = utcNow();
            return apply(job, r.value());
        }
        // The reply may have been lost after the provider created the job: look it up.
        const std::string sendError = r.error().message;
        Result<std::optional<std::string>> found = m_client.findByClientToken(job.deviceId, job.clientToken);
        if (!found) {
            job.lastError = "submit: " + sendError + "; looking the job up failed: " + found.error().message
                            + " (kept as submitting; `qpilot cloud resume` looks it up again, nothing is re-sent blindly)";
            if (auto e = save(job))
                return *e;
            return Error(job.lastError);
        }
        if (found.value()) {
            job.providerJobId = *found.value();
            job.submittedAt = utcNow();
            job.lastError = "submit reply lost (" + sendError + "); found the job by its client token";
            if (auto e = save(job))
                return *e;
            Result<RemoteStatus> st = m_client.status(job.providerJobId);
            if (!st) {
                job.state = jobStateKey(JobState::Queued);
                job.lastError += "; status: " + st.error().message;
                if (auto e = save(job))
                    return *e;
                return job;
            }
            return apply(job, st.value());
        }
        // The provider has no such job: it never arrived, so sending it (once more) cannot duplicate.
        job.lastError = "submit: " + sendError;
        if (auto e = save(job))
            return *e;
        if (round == 1)
            return Error("submit failed twice: " + sendError + " (the provider has no job with client token " + job.clientToken
                         + "; the record stays as submitting)");
    }
    return Error("unreachable");
}

Result<CloudJob> JobTracker::apply(CloudJob job, const RemoteStatus& st)
{
    const std::string now = utcNow();
    if (!st.providerJobId.empty())
        job.providerJobId = st.providerJobId;
    if (job.providerJobId.empty())
        return Error("the provider accepted the job but returned no job id");
    const std::string state = jobStateKey(st.state == JobState::Submitting ? JobState::Queued : st.state);
    job.state = state;
    if (job.submittedAt.empty())
        job.submittedAt = st.createdAt.empty() ? now : st.createdAt;
    if ((st.state == JobState::Queued || st.state == JobState::Submitting) && job.queuedAt.empty())
        job.queuedAt = now;
    if (st.state == JobState::Running && job.runningAt.empty())
        job.runningAt = st.startedAt.empty() ? now : st.startedAt;
    if (isTerminal(st.state) && job.finishedAt.empty())
        job.finishedAt = st.endedAt.empty() ? now : st.endedAt;
    if (!st.message.empty())
        job.message = st.message;
    if (st.usageSeconds)
        job.usageSeconds = st.usageSeconds;
    if (st.costUsd)
        job.actualCostUsd = st.costUsd;
    if (auto e = save(job))
        return *e;
    if (st.state == JobState::Completed && job.countsJson.empty())
        return fetchResult(job);
    return job;
}

Result<CloudJob> JobTracker::fetchResult(CloudJob job)
{
    Result<JobResult> r = m_client.result(job.providerJobId);
    if (!r) {
        job.lastError = "result: " + r.error().message;
        if (auto e = save(job))
            return *e;
        return job; // completed, counts still missing: `result` fetches them again
    }
    job.countsJson = countsToJson(r->counts);
    job.lastError.clear();
    if (auto e = save(job))
        return *e;
    return job;
}

Result<CloudJob> JobTracker::reconcile(CloudJob job)
{
    if (!job.providerJobId.empty()) {
        Result<RemoteStatus> st = m_client.status(job.providerJobId);
        if (!st)
            return st.error();
        return apply(job, st.value());
    }
    Result<std::optional<std::string>> found = m_client.findByClientToken(job.deviceId, job.clientToken);
    if (!found) {
        job.lastError = "looking the job up by client token failed: " + found.error().message;
        if (auto e = save(job))
            return *e;
        return Error(job.lastError);
    }
    if (found.value()) {
        job.providerJobId = *found.value();
        Result<RemoteStatus> st = m_client.status(job.providerJobId);
        if (!st) {
            job.state = jobStateKey(JobState::Queued);
            job.lastError = "status: " + st.error().message;
            if (auto e = save(job))
                return *e;
            return job;
        }
        return apply(job, st.value());
    }
    return send(job); // never reached the provider
}

Result<CloudJob> JobTracker::poll(std::int64_t id)
{
    Result<CloudJob> job = load(id);
    if (!job)
        return job;
    Result<JobState> state = jobState(job.value());
    if (!state)
        return state.error();
    if (state.value() == JobState::Submitting)
        return reconcile(job.value());
    if (isTerminal(state.value())) {
        if (state.value() == JobState::Completed && job->countsJson.empty())
            return fetchResult(job.value());
        return job;
    }
    Result<RemoteStatus> st = m_client.status(job->providerJobId);
    if (!st) {
        CloudJob j = job.value();
        j.lastError = "status: " + st.error().message;
        if (auto e = save(j))
            return *e;
        return st.error();
    }
    return apply(job.value(), st.value());
}

Result<CloudJob> JobTracker::wait(std::int64_t id, const std::atomic<bool>* cancel, const JobProgress& progress,
                                  const WaitOptions& options)
{
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    double interval = std::max(0.0, options.pollSeconds);
    int errors = 0;
    std::string lastState;
    for (;;) {
        Result<CloudJob> job = poll(id);
        if (!job) {
            if (++errors >= std::max(1, options.maxConsecutiveErrors))
                return Error("cloud job " + std::to_string(id) + ": " + job.error().message + " (" + std::to_string(errors)
                             + " status errors in a row; the job is kept, run `qpilot cloud wait " + std::to_string(id) + "` later)");
        } else {
            errors = 0;
            if (progress && job->state != lastState)
                progress(job.value());
            lastState = job->state;
            Result<JobState> s = jobState(job.value());
            if (s && isTerminal(s.value()))
                return job;
        }
        if (options.timeoutSeconds > 0
            && std::chrono::duration<double>(clock::now() - start).count() >= options.timeoutSeconds)
            return Error("cloud job " + std::to_string(id) + " has not finished after "
                         + std::to_string(static_cast<long long>(options.timeoutSeconds)) + " s (still " + lastState
                         + "); run `qpilot cloud wait " + std::to_string(id) + "` later");
        const auto until = clock::now() + std::chrono::duration<double>(interval);
        while (clock::now() < until) {
            if (cancel && cancel->load())
                return Error("waiting for cloud job " + std::to_string(id) + " was cancelled (the job itself goes on)");
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (cancel && cancel->load())
            return Error("waiting for cloud job " + std::to_string(id) + " was cancelled (the job itself goes on)");
        interval = std::min(std::max(interval * 1.5, 0.0), std::max(options.maxPollSeconds, options.pollSeconds));
    }
}

Result<CloudJob> JobTracker::cancel(std::int64_t id)
{
    Result<CloudJob> job = load(id);
    if (!job)
        return job;
    Result<JobState> state = jobState(job.value());
    if (!state)
        return state.error();
    if (isTerminal(state.value()))
        return Error("cloud job " + std::to_string(id) + " has already ended (" + job->state + "); nothing to cancel");
    CloudJob j = job.value();
    if (j.providerJobId.empty()) {
        Result<CloudJob> r = reconcile(j);
        if (!r)
            return r;
        j = r.value();
        if (j.providerJobId.empty())
            return Error("cloud job " + std::to_string(id) + " has no provider job id yet; try again");
        if (isTerminal(jobStateFromKey(j.state).value()))
            return j;
    }
    if (std::optional<Error> e = m_client.cancel(j.providerJobId)) {
        j.lastError = "cancel: " + e->message;
        if (auto se = save(j))
            return *se;
        return *e;
    }
    Result<RemoteStatus> st = m_client.status(j.providerJobId);
    if (!st) {
        j.lastError = "status after cancel: " + st.error().message;
        if (auto e = save(j))
            return *e;
        return j;
    }
    return apply(j, st.value());
}

Result<JobResult> JobTracker::result(std::int64_t id)
{
    Result<CloudJob> job = load(id);
    if (!job)
        return job.error();
    if (job->state != jobStateKey(JobState::Completed))
        return Error("cloud job " + std::to_string(id) + " is " + job->state + ", not completed"
                     + (job->message.empty() ? std::string() : " (" + job->message + ")"));
    CloudJob j = job.value();
    if (j.countsJson.empty()) {
        Result<CloudJob> fetched = fetchResult(j);
        if (!fetched)
            return fetched.error();
        j = fetched.value();
        if (j.countsJson.empty())
            return Error("cloud job " + std::to_string(id) + ": " + j.lastError);
    }
    Result<std::map<std::string, std::int64_t>> counts = countsFromJson(j.countsJson);
    if (!counts)
        return Error("cloud job " + std::to_string(id) + ": " + counts.error().message);
    JobResult r;
    r.counts = counts.value();
    for (const auto& [bits, n] : r.counts) {
        r.shots += static_cast<int>(n);
        r.qubits = std::max(r.qubits, static_cast<int>(bits.size()));
    }
    return r;
}

Result<std::vector<CloudJob>> JobTracker::resumeUnfinished(const std::atomic<bool>* cancel, const JobProgress& progress,
                                                           const WaitOptions& options)
{
    Result<std::vector<CloudJob>> unfinished = m_store.listCloudJobs(true);
    if (!unfinished)
        return unfinished.error();
    std::vector<CloudJob> out;
    for (const CloudJob& job : unfinished.value()) {
        if (job.provider != providerKey(m_client.provider()))
            continue;
        if (cancel && cancel->load())
            break;
        Result<CloudJob> done = wait(job.id, cancel, progress, options);
        Result<CloudJob> now = m_store.cloudJob(job.id);
        if (!now)
            return now.error();
        CloudJob record = now.value();
        if (!done && record.lastError.empty()) {
            record.lastError = done.error().message;
            if (auto e = save(record))
                return *e;
        }
        out.push_back(record);
    }
    return out;
}

} // namespace qpilot::cloud
