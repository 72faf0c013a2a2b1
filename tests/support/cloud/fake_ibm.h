// SPDX-License-Identifier: GPL-3.0-or-later
// tests/support/cloud/fake_ibm.h — a loopback IBM Quantum Platform (IAM + Qiskit Runtime REST,
// shared/reference/cloud-and-mlops-protocols.md §1.8) on the shared FakeHttpServer. It checks what
// the real service checks: a bearer token it issued from its IAM endpoint and not expired, the
// Service-CRN of its instance, an IBM-API-Version date, the Sampler V2 body (program_id, backend,
// pubs of ISA OpenQASM 3 using only the backend's supported instructions on its qubits and
// couplers, shots within max_shots, string tags). Jobs live in memory and advance one status per
// poll (Queued → Running → Completed by default); results are hex samples per register from
// SIMULATING the submitted circuit with core/sim (seeded), so counts are real. Backends are
// served from the calibration fixtures in tests/data/calibration (ibm_heron5, ibm_lab7).
// Transport faults (429, 5xx, stalls, resets, truncation, malformed JSON) come from the server.
#pragma once

#include "core/cloud/cloud.h"
#include "support/fake_http_server.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace qpilot::test {

struct FakeIbmOptions {
    std::string apiKey = "fake-ibm-api-key";
    std::string serviceCrn = "crn:v1:bluemix:public:quantum-computing:us-east:a/fakeaccount:fakeinstance::";
    std::int64_t tokenLifetimeSeconds = 3600;
    std::function<std::int64_t()> nowUtcSecs;   // the fake's clock (token expiry, rate limit); empty: system clock
    // Statuses a job reports, one step further per GET /jobs/{id}; the last one sticks.
    std::vector<std::string> statusSequence{"Queued", "Running", "Completed"};
    std::uint64_t seed = 20260601;              // simulation seed of every job
    int rateLimitPerMinute = 0;                 // POST /jobs per 60 s; 0: off (IBM: 5)
    int retryAfterSeconds = 1;                  // Retry-After of a rate-limited POST
};

class FakeIbm {
public:
    explicit FakeIbm(FakeIbmOptions options = {});
    ~FakeIbm();
    FakeIbm(const FakeIbm&) = delete;
    FakeIbm& operator=(const FakeIbm&) = delete;

    bool start();                               // listens on 127.0.0.1 (any port)
    FakeHttpServer& server();
    cloud::Endpoints endpoints() const;         // api = <base>/api/v1, auth = <base>
    cloud::Credentials credentials() const;     // the key and CRN it accepts

    // The protocol itself (runs on the server thread; callable directly in unit tests).
    FakeReply handle(const FakeRequest& request);

    int jobsCreated() const;
    int tokensIssued() const;
    int unauthorizedReplies() const;            // 401s sent (missing, unknown or expired token)
    std::vector<std::string> jobIds() const;    // in creation order
    std::string jobBody(const std::string& id) const; // the POST /jobs body that created it
    void expireAllTokens();                     // every token issued so far is now expired
    // The next created job ends in `status` ("Failed", "Cancelled - Ran too long") with the
    // reason and reason_code, instead of the last status of the sequence.
    void finishNextJobAs(const std::string& status, const std::string& reason, int reasonCode);

    static std::vector<std::string> backendNames(); // ibm_heron5, ibm_lab7

    struct Backend;
    struct Job;

private:
    FakeReply route(const FakeRequest& r);
    FakeReply issueToken(const FakeRequest& r);
    FakeReply createJob(const FakeRequest& r);
    FakeReply jobReply(Job& job, bool withParams);
    void advance(Job& job);
    std::int64_t now() const;

    FakeIbmOptions m_opt;
    std::unique_ptr<FakeHttpServer> m_server;
    mutable std::mutex m_mutex;
    std::map<std::string, std::int64_t> m_tokens;       // token → expiry
    std::vector<std::unique_ptr<Backend>> m_backends;
    std::vector<std::unique_ptr<Job>> m_jobs;
    std::vector<std::int64_t> m_submitTimes;
    int m_tokensIssued = 0;
    int m_unauthorized = 0;
    std::string m_nextFinal, m_nextReason;
    int m_nextCode = 0;
};

} // namespace qpilot::test
