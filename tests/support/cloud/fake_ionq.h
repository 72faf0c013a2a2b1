// SPDX-License-Identifier: GPL-3.0-or-later
// tests/support/cloud/fake_ionq.h — a loopback IonQ API v0.4 (shared/reference/cloud-and-mlops-
// protocols.md §3.5) on the shared FakeHttpServer. It checks what the real service checks:
// `Authorization: apiKey <key>`, the job body (type ionq.circuit.v1 or ionq.qasm3.v1, backend in
// /backends, shots ≥ 1, gate names of the "qis" gate set via core/circuit's IonQ JSON reader, or
// of the "native" set (gpi/gpi2 `phase`, ms `phases`/`angle`, zz `angle`, in turns) as run by the
// backend: Aria has ms, Forte zz, the simulator both),
// and fails (job-level, not HTTP) a circuit wider than the backend (NotEnoughQubits) or an
// OpenQASM 3 program outside IonQ's subset (CompilationError). Jobs live in memory, are never
// deduplicated (like IonQ), and advance one status per poll: submitted|ready → running|started →
// completed (each pair chosen per job from the seed, since IonQ's docs disagree, §9). Results are
// probabilities keyed by decimal basis-state index, qubit 0 least significant: exact ones from
// the state vector on "simulator", sampled frequencies (core/sim, seeded) on "qpu.*" backends.
#pragma once

#include "core/cloud/cloud.h"
#include "support/fake_http_server.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace qpilot::test {

struct FakeIonqOptions {
    std::string apiKey = "fake-ionq-api-key";
    // Statuses a job reports, one step further per GET /jobs/{id}; empty: the seeded default.
    std::vector<std::string> statusSequence;
    std::uint64_t seed = 20260715;
    int pageSize = 0;                          // GET /jobs page size cap; 0: the request's limit
};

class FakeIonq {
public:
    explicit FakeIonq(FakeIonqOptions options = {});
    ~FakeIonq();
    FakeIonq(const FakeIonq&) = delete;
    FakeIonq& operator=(const FakeIonq&) = delete;

    bool start();
    FakeHttpServer& server();
    cloud::Endpoints endpoints() const;        // api = <base>/v0.4
    cloud::Credentials credentials() const;

    FakeReply handle(const FakeRequest& request);

    int jobsCreated() const;
    std::vector<std::string> jobIds() const;
    std::string jobBody(const std::string& id) const;
    // Statuses the job has reported so far (tests check both vocabularies are accepted).
    std::vector<std::string> statusHistory(const std::string& id) const;

    static std::vector<std::string> backendNames(); // simulator, qpu.aria-1, qpu.forte-1

    struct Job;

private:
    FakeReply route(const FakeRequest& r);
    FakeReply createJob(const FakeRequest& r);
    FakeReply jobReply(const Job& j) const;
    void advance(Job& j);
    void complete(Job& j);

    FakeIonqOptions m_opt;
    std::unique_ptr<FakeHttpServer> m_server;
    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<Job>> m_jobs;
};

} // namespace qpilot::test
