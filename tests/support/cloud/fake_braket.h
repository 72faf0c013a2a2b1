// SPDX-License-Identifier: GPL-3.0-or-later
// tests/support/cloud/fake_braket.h — a loopback Amazon Braket + S3 on the shared FakeHttpServer that
// checks what AWS checks: it recomputes every request's SigV4 signature with the known test
// secret (service "braket" for the API, "s3" with x-amz-content-sha256 for results) and rejects a
// mismatch with 403 InvalidSignatureException (S3: SignatureDoesNotMatch XML), rejects X-Amz-Date
// skew over 5 minutes, checks CreateQuantumTask's body schema (action and deviceParameters as JSON
// strings, the OpenQASM action header, no `include`, gate names in the device's supportedOperations),
// that device ARNs exist (matched on the once-encoded ARN path), honours clientToken idempotency, and
// walks tasks CREATED → QUEUED → RUNNING → COMPLETED over GetQuantumTask polls. Results are computed by
// simulating the submitted program with core/sim (seeded), written as results.json (measurements or
// measurementProbabilities) into a path-style S3 store on the same server. Faults come from the
// shared server (throttle, 5xx, stall, reset, truncate, malformed JSON) plus the AWS-shaped helpers here.
#pragma once

#include "core/cloud/cloud.h"
#include "support/fake_http_server.h"

#include <QProcessEnvironment>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace qpilot::test {

struct FakeBraketConfig {
    std::string accessKeyId = "AKIDQPILOTFAKE";
    std::string secretAccessKey = "qpilot/fake+braket/SECRETKEY0123456789";
    std::string sessionToken;                      // when set, X-Amz-Security-Token must carry it (signed)
    std::string region = "us-east-1";
    std::string bucket = "amazon-braket-qpilot-test";
    int pollsQueued = 1;                           // GetQuantumTask answers in QUEUED before RUNNING
    int pollsRunning = 1;                          // … and in RUNNING before COMPLETED
    int pageSize = 2;                              // SearchDevices/SearchQuantumTasks page size (exercises nextToken)
    bool probabilities = false;                    // results.json with measurementProbabilities, not measurements
    std::uint64_t seed = 20250601;
    int maxSkewSeconds = 300;
};

// Known devices: SV1 (simulator, ONLINE), IonQ Forte-1 (QPU, ONLINE, queue 12), IQM Garnet (QPU, OFFLINE),
// Rigetti Aspen-M-3 (QPU, RETIRED).
inline constexpr const char* kFakeSv1 = "arn:aws:braket:::device/quantum-simulator/amazon/sv1";
inline constexpr const char* kFakeForte = "arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1";
inline constexpr const char* kFakeGarnet = "arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet";
inline constexpr const char* kFakeAspen = "arn:aws:braket:us-west-1::device/qpu/rigetti/Aspen-M-3";

class FakeBraket {
public:
    explicit FakeBraket(FakeBraketConfig config = {});
    ~FakeBraket();
    FakeBraket(const FakeBraket&) = delete;
    FakeBraket& operator=(const FakeBraket&) = delete;

    bool start();
    FakeHttpServer& server();
    std::string baseUrl() const;
    // Endpoints pointing at this fake (api and path-style S3 on the same server, region, bucket).
    cloud::Endpoints endpoints() const;
    cloud::Credentials credentials() const;        // the accepted test credentials

    // AWS-shaped faults (on top of the server's generic ones).
    void throttle(int times, FakeMatch match = {}, std::string retryAfter = {}); // 429 ThrottlingException
    void serviceError(int times, int status, FakeMatch match = {});             // 500 InternalServiceException / 503 ServiceUnavailable
    void failNextTask(std::string reason);         // the next task created ends FAILED with this reason

    int createdTaskCount() const;                  // distinct tasks created (idempotent re-sends not counted)
    int createRequestCount() const;                // CreateQuantumTask requests that passed validation
    std::string taskStatus(const std::string& arn) const;
    std::vector<std::string> rejections() const;   // every 4xx the fake produced, as "<status> <type>: <message>"
    std::string lastProgram() const;               // the OpenQASM source of the last task created

    struct State;
private:
    std::shared_ptr<State> m_state;
    std::unique_ptr<FakeHttpServer> m_server;
};

// A started fake (the CLI end-to-end tests' entry point); null when the server cannot listen.
std::unique_ptr<FakeBraket> startFakeBraket(FakeBraketConfig config = {});

// Variables for a qpilot child process: QPILOT_BRAKET_ENDPOINT (API), QPILOT_BRAKET_STORAGE_ENDPOINT
// (path-style S3), QPILOT_BRAKET_REGION, QPILOT_BRAKET_BUCKET and the AWS_* credentials the fake
// accepts. Adjust here if the CLI's names differ.
void addFakeBraketEnvironment(const FakeBraket& fake, QProcessEnvironment& env);

} // namespace qpilot::test
