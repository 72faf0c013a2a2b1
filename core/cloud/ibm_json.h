// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/ibm_json.h — internal to core/cloud: the IBM Quantum Platform (Qiskit Runtime REST)
// wire format as pure functions, so the client (ibm.cpp) only moves bytes and the shapes are unit
// tested without a network: the IAM token exchange, /backends (V2 and legacy), backend status,
// the Sampler V2 job body (OpenQASM 3 pub, shots, tags), /jobs/{id} states, hex-sample results in
// Qpilot's bit order, job lists filtered by tag, /jobs/{id}/metrics usage, error bodies (both the
// `errors[]` and the legacy `error{}` shape) and properties/configuration → calibration import.
// Shapes: shared/reference/cloud-and-mlops-protocols.md §1.
#pragma once

#include "core/circuit/ir.h"
#include "core/cloud/cloud.h"
#include "core/device/calibration.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qpilot::cloud::ibm {

// The API version Qpilot speaks (the C client's pin; ≥ 2025-01-01 selects BackendsResponseV2).
inline constexpr const char* kApiVersion = "2025-06-01";
// The tag that carries a job's client token (IBM has no idempotency key; tags are searchable).
inline constexpr const char* kClientTokenTagPrefix = "qpilot-client-token:";
std::string clientTokenTag(const std::string& clientToken);

// --- IAM -------------------------------------------------------------------------------------
struct Token {
    std::string accessToken;
    std::int64_t expiresAt = 0;     // UTC seconds
    std::int64_t lifetime = 0;      // seconds (expires_in)
};
// `grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey=<percent-encoded key>`.
std::string tokenRequestBody(const std::string& apiKey);
// The IAM reply; `expiration` wins over now + expires_in when both are present.
Result<Token> parseToken(const std::string& body, std::int64_t nowUtcSecs);
// Refresh this many seconds before expiry: 60 s, or a tenth of a short lifetime.
std::int64_t refreshMargin(const Token& token);

// --- backends --------------------------------------------------------------------------------
// `GET /backends`: {"devices":[{name,status{name,reason},qubits,queue_length,…}]} (V2) or
// {"devices":["ibm_fez",…]} (legacy: names only, status unknown).
Result<std::vector<CloudDevice>> parseBackends(const std::string& body);
struct BackendStatus {
    bool operational = false;       // `state`
    std::string status;             // `status` (illustrative vocabulary)
    std::string message;
    int queueLength = 0;            // `length_queue` (required)
};
Result<BackendStatus> parseBackendStatus(const std::string& body);
// The Qpilot device profile id for an IBM backend name ("ibm_fez" → "ibm_fez"), "" if none.
std::string profileIdFor(const std::string& backend);

// Properties + configuration replies → a calibration import (core/device's importer; the
// configuration may be wrapped as {"configuration":{…}}). `backend` names the sources.
Result<CalibrationImport> calibrationFromReplies(const std::string& backend, const std::string& propertiesJson,
                                                 const std::string& configurationJson);

// --- jobs ------------------------------------------------------------------------------------
// The classical layout of an OpenQASM 3 program (to join per-register samples into one
// bitstring): its registers in declaration order with global offsets.
Result<std::vector<Register>> classicalLayout(const std::string& qasm);
// The Sampler V2 `POST /jobs` body: one pub [qasm], top-level shots, version 2, plain JSON
// results (support_qiskit false), tags = "key:value" for each request tag plus the client token
// tag. The program must be OpenQASM 3 and measure something (Sampler returns measured bits).
Result<std::string> submitBody(const SubmitRequest& request);
Result<std::string> parseSubmitReply(const std::string& body);       // the job id

// `state.status` (or the legacy top-level `status`) → JobState. Case-insensitive;
// "Cancelled - Ran too long" is Cancelled.
Result<JobState> stateFromStatus(const std::string& status);
// `GET /jobs/{id}`: state, reason (+ reason_code), created, usage.seconds when present.
Result<RemoteStatus> parseJob(const std::string& body);
// The first pub's OpenQASM text of a `GET /jobs/{id}` reply (params included), "" when absent.
std::string jobProgram(const std::string& body);
// `GET /jobs?tags=…`: the ids of jobs that carry `tag` (filtered here too, in case the server
// ignores the filter), newest first as the server lists them.
Result<std::vector<std::string>> parseJobIdsWithTag(const std::string& body, const std::string& tag);
// `GET /jobs/{id}/metrics`: usage seconds (`usage.quantum_seconds`, else `usage.seconds`) and
// the running/finished timestamps.
struct Metrics {
    std::optional<double> usageSeconds;
    std::string created, running, finished;
};
Result<Metrics> parseMetrics(const std::string& body);

// `GET /jobs/{id}/results` (plain JSON): the first pub's registers. Bit k of a sample is register
// bit k (§1.5); registers are joined at their offsets in `layout` (from classicalLayout of the
// submitted program) so the key is Qpilot's clbit string, clbit 0 rightmost. With an empty
// layout the results must hold exactly one register.
Result<JobResult> parseResults(const std::string& body, const std::vector<Register>& layout);
// The register names in a results reply (to decide whether the layout is needed).
Result<std::vector<std::string>> resultRegisters(const std::string& body);

// --- errors ----------------------------------------------------------------------------------
// "IBM Quantum Platform: <what>: HTTP 404 Not Found — <provider message> (trace …). <what to do>"
Error httpError(int status, const std::string& body, const std::string& what);
// The provider's message from an error body (`errors[0].message`, `error.message`, IAM
// `errorMessage`), "" if none.
std::string providerMessage(const std::string& body);

} // namespace qpilot::cloud::ibm
