// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/cloud.h — entry header of core/cloud: one provider-neutral job model for cloud QPUs
// (IBM Quantum Platform, Amazon Braket, IonQ), the HTTP transport every client speaks through
// (timeouts, retries with jittered exponential backoff honouring Retry-After, HTTPS only except
// loopback), the ProviderClient interface each provider implements, and the job tracker that
// persists jobs in the run store before submission and resumes unfinished ones after a restart.
// Results are normalised here to Qpilot's bit order (qubit 0 = rightmost character); each client
// converts from its provider's order (see shared/reference/cloud-and-mlops-protocols.md).
//
// Threading: everything here is blocking and meant for a worker thread (the CLI's main thread or a
// GUI worker); an HttpTransport belongs to the thread that created it. No QtGui/QtWidgets.
#pragma once

#include "core/common/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qpilot::cloud {

// ---------------------------------------------------------------------------------------------
// Providers and their endpoints

enum class Provider { Ibm, Braket, Ionq };
const char* providerKey(Provider p);                  // "ibm", "braket", "ionq"
const char* providerTitle(Provider p);                // "IBM Quantum Platform", "Amazon Braket", "IonQ"
Result<Provider> providerFromKey(const std::string& key);

// Where a provider lives. Defaults are the public production endpoints; every field is
// overridable (the GUI's saved settings and QPILOT_<PROVIDER>_* via resolveEndpoints, the CLI's
// `--endpoint` flags) so the loopback fakes and private endpoints work. Plain http:// is refused
// unless the host is loopback (127.0.0.1, ::1, localhost).
struct Endpoints {
    std::string api;                                  // IBM: https://quantum.cloud.ibm.com/api/v1
                                                      // Braket: https://braket.<region>.amazonaws.com
                                                      // IonQ: https://api.ionq.co/v0.4
    std::string auth;                                 // IBM IAM: https://iam.cloud.ibm.com (unused otherwise)
    std::string storage;                              // Braket S3 endpoint (results); empty: https://s3.<region>.amazonaws.com
    std::string region;                               // Braket region ("us-east-1"); IBM "us-east"/"eu-de"
    std::string bucket;                               // Braket results bucket (outputS3Bucket, "amazon-braket-…");
                                                      // must exist in the device's region; required to submit
};
Endpoints defaultEndpoints(Provider p);
// defaultEndpoints overridden by QPILOT_<PROVIDER>_REGION, _ENDPOINT, _AUTH_ENDPOINT,
// _STORAGE_ENDPOINT and _BUCKET (a Braket region alone also moves the API host).
// Same as resolveEndpoints(p, {}, endpointOverridesFromEnvironment(p)).endpoints.
Endpoints endpointsFromEnvironment(Provider p);
// Error unless every non-empty URL is https:// or http:// to a loopback host, the region is a
// region name (lower-case letters, digits, '-') and the bucket a valid S3 bucket name.
// Messages start with the field ("API endpoint: refusing plain http:// to …").
std::optional<Error> checkEndpoints(const Endpoints& e);

// One field of Endpoints. The key names the setting (cloud/<provider>/<key> in the GUI's QSettings).
enum class EndpointField { Api, Auth, Storage, Region, Bucket };
const char* endpointFieldKey(EndpointField f);        // "api", "auth", "storage", "region", "bucket"
const char* endpointFieldTitle(EndpointField f);      // "API endpoint", "auth endpoint", "storage endpoint", "region", "bucket"
// The fields `p` uses: IBM api, auth, region; Braket api, region, bucket, storage; IonQ api.
std::vector<EndpointField> endpointFields(Provider p);
// The environment variable that overrides `f`: QPILOT_<PROVIDER>_ENDPOINT, _AUTH_ENDPOINT,
// _STORAGE_ENDPOINT, _REGION, _BUCKET.
std::string endpointVariable(Provider p, EndpointField f);
const std::string& endpointValue(const Endpoints& e, EndpointField f);
std::string& endpointValue(Endpoints& e, EndpointField f);
// checkEndpoints for one field alone (same message); an empty value is fine (the default).
std::optional<Error> checkEndpointField(EndpointField f, const std::string& value);

// One layer of endpoint overrides (saved settings, or the environment): a set, non-empty value
// replaces the layer below; nullopt and "" leave it alone.
struct EndpointOverrides {
    std::optional<std::string> api, auth, storage, region, bucket;
    const std::optional<std::string>& get(EndpointField f) const;
    std::optional<std::string>& get(EndpointField f);
    bool empty() const;                               // nothing set
};
// The non-empty QPILOT_<PROVIDER>_* variables of this process.
EndpointOverrides endpointOverridesFromEnvironment(Provider p);

// Where a resolved field's value came from.
enum class EndpointOrigin {
    Default,       // defaultEndpoints
    Region,        // Braket API host moved by a non-default region (no layer sets the API URL)
    Settings,      // the saved settings layer
    Environment,   // EndpointSource::variable names the variable
};
struct EndpointSource {
    EndpointOrigin origin = EndpointOrigin::Default;
    std::string variable;                             // Environment: "QPILOT_IONQ_ENDPOINT"; else ""
};
// "default", "derived from the region", "saved setting", "set by QPILOT_IONQ_ENDPOINT".
std::string describeEndpointSource(const EndpointSource& s);

struct ResolvedEndpoints {
    Endpoints endpoints;
    EndpointSource api, auth, storage, region, bucket;
    const EndpointSource& source(EndpointField f) const;
    EndpointSource& source(EndpointField f);
};
// Layers endpoint overrides: defaults < saved < environment (the environment wins, so CI, the
// loopback fakes and a shell's QPILOT_* keep working whatever is saved). Braket: when no layer
// sets the API URL, the effective region (from any layer) moves it to
// https://braket.<region>.amazonaws.com, as endpointsFromEnvironment does. Pure; not validated
// (call checkEndpoints on the result).
ResolvedEndpoints resolveEndpoints(Provider p, const EndpointOverrides& saved, const EndpointOverrides& environment);
// The same with this process's environment (endpointOverridesFromEnvironment).
ResolvedEndpoints resolveEndpoints(Provider p, const EndpointOverrides& saved);

// Secrets for one provider; never written to the store, settings, logs or reports.
struct Credentials {
    std::string apiKey;                               // IBM API key, IonQ API key
    std::string serviceCrn;                           // IBM instance CRN (not secret, kept here for one place)
    std::string accessKeyId, secretAccessKey, sessionToken; // AWS
    bool empty() const { return apiKey.empty() && accessKeyId.empty(); }
};

// ---------------------------------------------------------------------------------------------
// HTTP transport (implemented with QNetworkAccessManager in http.cpp)

struct HttpRequest {
    std::string method = "GET";                       // GET POST PUT DELETE
    std::string url;                                  // absolute
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    // A request that may be repeated safely after a dropped connection / 5xx (GET, cancel, or a
    // POST the provider deduplicates, e.g. Braket's clientToken). Non-idempotent requests are sent
    // once; a lost reply is reported as Error with `maybeDelivered` set in HttpResponse.
    bool idempotent = true;
};

struct HttpResponse {
    int status = 0;                                   // 0: no HTTP reply (connection error / timeout)
    std::vector<std::pair<std::string, std::string>> headers; // names lower-cased
    std::string body;
    int attempts = 0;                                 // how many times it was sent
    std::string header(const std::string& lowerName) const;
};

struct RetryPolicy {
    int maxAttempts = 5;                              // including the first
    double baseDelaySeconds = 0.5;                    // backoff: base·2^k, jittered ±50 %, capped
    double maxDelaySeconds = 30;
    double timeoutSeconds = 30;                       // per attempt (a stalled reply is aborted)
    double maxRetryAfterSeconds = 120;                // longer Retry-After: give up with a clear error
    std::uint64_t jitterSeed = 0;                     // 0: from the clock
};

// Parses a Retry-After value: delta-seconds ("7") or an HTTP-date relative to `nowUtcSecs`.
std::optional<double> parseRetryAfter(const std::string& value, std::int64_t nowUtcSecs);

class HttpTransport {
public:
    explicit HttpTransport(RetryPolicy policy = {});
    ~HttpTransport();
    HttpTransport(const HttpTransport&) = delete;
    HttpTransport& operator=(const HttpTransport&) = delete;

    // Sends `request`, retrying 429 (honouring Retry-After), 502/503/504, timeouts and dropped
    // connections per the policy (non-idempotent requests: only when nothing was sent, e.g.
    // connection refused). Returns the final response (any status) or an Error for transport
    // failures after the last attempt ("POST https://…/jobs: connection reset (3 attempts)").
    // TLS errors are never ignored. `cancel` (may be null) aborts waits and requests.
    Result<HttpResponse> send(const HttpRequest& request, const std::atomic<bool>* cancel = nullptr);

    const RetryPolicy& policy() const;
    // Every wait the transport made, in seconds (tests check backoff and Retry-After).
    const std::vector<double>& waits() const;
    // After send() returned an Error: true when the request may have reached the server (a reset
    // or timeout after it was sent), so a non-idempotent request must be looked up, not re-sent.
    bool lastFailureMaybeDelivered() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// ---------------------------------------------------------------------------------------------
// The job model

enum class JobState { Submitting, Queued, Running, Completed, Failed, Cancelled };
const char* jobStateKey(JobState s);                  // "submitting", "queued", ...
Result<JobState> jobStateFromKey(const std::string& key);
bool isTerminal(JobState s);                          // completed, failed, cancelled

struct CloudDevice {
    Provider provider = Provider::Ibm;
    std::string id;                                   // provider's id: "ibm_fez", Braket ARN, "qpu.aria-1"
    std::string name;
    std::string status;                               // "online", "offline", "paused", "retired", … (provider's word)
    bool available = false;
    std::optional<int> queueLength;                   // pending jobs when the provider says
    int qubits = 0;
    std::vector<std::string> nativeGates;
    std::string profileId;                            // the matching Qpilot device profile ("" if none)
};

// What a user asks to run. The circuit is an ISA OpenQASM 3 program from Qpilot's transpiler
// (physical qubits); each client converts it to its provider's format (IBM: OpenQASM 3 pub;
// Braket: OpenQASM 3 in Braket's dialect without `include`; IonQ: IonQ circuit JSON).
struct SubmitRequest {
    std::string deviceId;
    std::string qasm;
    int shots = 1000;
    std::map<std::string, std::string> tags;
    std::string clientToken;                          // unique per job (uuid): Braket clientToken,
                                                      // IonQ job name, IBM tags — for lookup after a lost reply
};

// What a provider reports about a job.
struct RemoteStatus {
    JobState state = JobState::Queued;
    std::string providerJobId;
    std::string message;                              // failure/cancel reason from the provider
    std::optional<double> usageSeconds;               // QPU seconds billed, when reported
    std::optional<double> costUsd;                    // when reported
    std::string createdAt, startedAt, endedAt;        // ISO 8601 when reported
};

struct JobResult {
    std::map<std::string, std::int64_t> counts;       // Qpilot order: qubit 0 rightmost
    int shots = 0;
    int qubits = 0;                                   // width of the bitstrings
};

// One provider's client. Blocking; all errors are actionable ("IBM: 401 Unauthorized — the API key
// was refused; run `qpilot cloud login ibm`"), malformed/truncated replies name what was wrong.
class ProviderClient {
public:
    virtual ~ProviderClient() = default;
    virtual Provider provider() const = 0;
    virtual Result<std::vector<CloudDevice>> devices() = 0;
    // Submits; the reply's provider job id is in RemoteStatus. A lost reply returns an Error and the
    // tracker then calls findByClientToken before anything is re-sent.
    virtual Result<RemoteStatus> submit(const SubmitRequest& request) = 0;
    // The provider job id of a job submitted with `clientToken`, nullopt when the provider has none.
    virtual Result<std::optional<std::string>> findByClientToken(const std::string& deviceId,
                                                                 const std::string& clientToken) = 0;
    virtual Result<RemoteStatus> status(const std::string& providerJobId) = 0;
    virtual Result<JobResult> result(const std::string& providerJobId) = 0;
    virtual std::optional<Error> cancel(const std::string& providerJobId) = 0;
};

// The client for `provider` speaking through `transport` (which must outlive it).
Result<std::unique_ptr<ProviderClient>> makeClient(Provider provider, const Endpoints& endpoints,
                                                   const Credentials& credentials, HttpTransport& transport);

// ---------------------------------------------------------------------------------------------
// Bit order normalisation (each provider's convention → Qpilot's, qubit 0 rightmost)

// Reverses every key: for providers whose bitstrings put qubit 0 leftmost (Braket measurements).
std::map<std::string, std::int64_t> reverseBitstrings(const std::map<std::string, std::int64_t>& counts);
// IBM Sampler hex samples ("0x5") → bitstrings of `width` bits, qubit 0 rightmost.
Result<std::map<std::string, std::int64_t>> countsFromHexSamples(const std::vector<std::string>& samples, int width);
// Probabilities keyed by basis-state index (IonQ: "5" = qubit 0 and 2 set) → counts for `shots`
// (largest-remainder rounding so the counts add up to shots exactly).
Result<std::map<std::string, std::int64_t>> countsFromIndexProbabilities(const std::map<std::string, double>& probs,
                                                                         int width, int shots);

} // namespace qpilot::cloud
