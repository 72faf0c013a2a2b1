// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/jobs.h — persistent cloud jobs: the JobTracker writes every job to the run store
// BEFORE it is sent (state "submitting", a fresh client token), records the provider's job id,
// updates the record on every state change, looks a job up by its client token after a lost
// submit reply instead of re-sending it, resumes every unfinished job after a restart, cancels,
// and stores the result counts (Qpilot bit order). Also the cost guard: the estimated cost of a
// job from core/cost (the matching device profile's pricing key) and the budget check the CLI and
// GUI run before submission.
#pragma once

#include "core/cloud/cloud.h"
#include "core/cost/cost.h"
#include "core/device/device.h"
#include "core/mitigation/overhead.h"
#include "core/store/store.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace qpilot::cloud {

// A job as stored (table cloud_jobs); provider and state are providerKey/jobStateKey strings.
using CloudJob = store::CloudJobRecord;

Result<Provider> jobProvider(const CloudJob& job);
Result<JobState> jobState(const CloudJob& job);
// {"01": 12, ...} ↔ counts (the store's counts_json).
std::string countsToJson(const std::map<std::string, std::int64_t>& counts);
Result<std::map<std::string, std::int64_t>> countsFromJson(const std::string& json);
// A new client token (random UUID, no braces): Braket clientToken, IonQ job name, IBM tag.
std::string newClientToken();

// ---------------------------------------------------------------------------------------------
// Cost guard

// The shipped device profile for a provider's device id ("ibm_fez" → ibm_fez; IonQ "qpu.aria-1" →
// ionq_aria_1; Braket "arn:aws:braket:…:device/qpu/iqm/Garnet" → iqm_garnet), "" when none matches.
std::string profileIdForCloudDevice(Provider provider, const std::string& deviceId);

struct CostEstimate {
    double usd = 0;                                   // one job of `shots` shots of one circuit
    std::string profileId, priceKey, plan;
    std::string formula;                              // the arithmetic from core/cost
    std::string date, source;                         // of the price row
    std::optional<double> qpuSeconds;                 // per-second models
};
// The cost of one job on `device` (its pricing key, default plan unless `plan` is given) with the
// circuit's `figures` (duration etc.; defaults when unknown) from `prices`.
Result<CostEstimate> estimateCost(const DeviceProfile& device, int shots, const mitigation::CircuitFigures& figures = {},
                                  const cost::PriceTable* prices = nullptr, const std::string& plan = {});

// The budget check before submission: nullopt when the estimate is within `budgetUsd`; otherwise
// the message to show ("estimated 12.40 USD exceeds the budget of 10.00 USD"). A job without an
// estimate exceeds every budget (unknown cost must be confirmed).
std::optional<std::string> budgetExceeded(const std::optional<CostEstimate>& estimate, double budgetUsd);

// ---------------------------------------------------------------------------------------------
// The tracker

struct Submission {
    std::string deviceId;
    std::string qasm;                                 // the circuit as the user gave it
    std::string isaQasm;                              // what is sent (ISA); empty: qasm
    int shots = 1000;
    std::map<std::string, std::string> tags;
    std::optional<double> estimatedCostUsd;
};

struct WaitOptions {
    double pollSeconds = 2;                           // first interval; grows ×1.5 up to maxPollSeconds
    double maxPollSeconds = 30;
    double timeoutSeconds = 0;                        // 0: until the job ends (or cancel)
    int maxConsecutiveErrors = 5;                     // status errors in a row before giving up (job kept)
};

using JobProgress = std::function<void(const CloudJob&)>;

// Blocking; use it from one thread (the store's). The client must be the provider of the jobs.
class JobTracker {
public:
    JobTracker(store::RunStore& store, ProviderClient& client);

    // Stores the job (submitting) and then submits it. A lost reply is resolved with
    // findByClientToken: found → the job is recorded with that id (nothing re-sent); not found →
    // sent once more; lookup failed → the job stays "submitting" with the error, for resume().
    Result<CloudJob> submit(const Submission& submission);
    // One status request; the record is updated when anything changed. Completed jobs also get
    // their result fetched and stored.
    Result<CloudJob> poll(std::int64_t id);
    // Polls until the job ends (then stores the result), `cancel` is set or the timeout passes.
    Result<CloudJob> wait(std::int64_t id, const std::atomic<bool>* cancel = nullptr, const JobProgress& progress = {},
                          const WaitOptions& options = {});
    // Asks the provider to cancel and records the provider's answer (state as it then reports).
    Result<CloudJob> cancel(std::int64_t id);
    // The stored counts; fetched (and stored) when the job completed but they are not there yet.
    Result<JobResult> result(std::int64_t id);
    // Every unfinished job of this client's provider: "submitting" ones are reconciled (looked up
    // by client token; re-sent only when the provider has no such job), then each is waited for.
    // Returns the jobs as they ended (or stood when cancelled); errors of single jobs are kept in
    // their records (lastError) and do not stop the others.
    Result<std::vector<CloudJob>> resumeUnfinished(const std::atomic<bool>* cancel = nullptr, const JobProgress& progress = {},
                                                   const WaitOptions& options = {});

private:
    Result<CloudJob> load(std::int64_t id) const;
    Result<CloudJob> reconcile(CloudJob job);          // a "submitting" job
    Result<CloudJob> send(CloudJob job);
    Result<CloudJob> apply(CloudJob job, const RemoteStatus& status);
    Result<CloudJob> fetchResult(CloudJob job);
    std::optional<Error> save(const CloudJob& job);

    store::RunStore& m_store;
    ProviderClient& m_client;
};

} // namespace qpilot::cloud
