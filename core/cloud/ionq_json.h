// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/ionq_json.h — internal to core/cloud: the IonQ API v0.4 wire format as pure
// functions (reference §3): /backends, the job body in IonQ circuit JSON (`ionq.circuit.v1`,
// "qis" gates in radians, via core/circuit's writeIonqJson) or OpenQASM 3 (`ionq.qasm3.v1`), job
// states (submitted/ready → queued, running/started → running, completed, failed, canceled), job
// lists searched by name (= client token; IonQ does not deduplicate), probabilities keyed by
// basis-state index (qubit 0 = least significant bit) → counts in Qpilot's clbit order, and the
// three error-body shapes.
#pragma once

#include "core/circuit/ir.h"
#include "core/cloud/cloud.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qpilot::cloud::ionq {

// `GET /backends` (a JSON array; `GET /backends/{b}` returns one object, accepted too).
// available = status "available"; IonQ publishes an average queue time, not a queue length.
Result<std::vector<CloudDevice>> parseBackends(const std::string& body);
// The Qpilot device profile id for an IonQ backend ("qpu.forte-1" → "ionq_forte_1"), "" if none.
std::string profileIdFor(const std::string& backend);

struct SubmitFormat {
    bool qasm3 = false;       // ionq.qasm3.v1 instead of ionq.circuit.v1
    bool debiasing = false;
};
// The `POST /jobs` body. name = client token; request tags go to `metadata` (string values) next
// to Qpilot's measurement map (which qubit lands in which clbit) so results can be mapped back.
// Circuit JSON: a circuit made only of IonQ native gates (gpi, gpi2, ms, rzz — what Qpilot's
// transpiler emits for IonQ devices) is sent as gateset "native", angles converted from radians
// to IonQ's turns (1 turn = 2π: gpi/gpi2 `phase`, ms `phases` + `angle`, zz `angle`); anything
// else as gateset "qis" with rotations in radians (core/circuit's writeIonqJson).
Result<std::string> submitBody(const SubmitRequest& request, const SubmitFormat& format = {});
// The native-gate circuit JSON `input` for a circuit of gpi/gpi2/ms/rzz gates (+ barriers and
// terminal measurements), nullopt when the circuit has any other gate. Error: a measured qubit
// is used again.
Result<std::optional<std::string>> nativeInput(const Circuit& circuit);

struct CreateReply {
    std::string id;
    std::string status;
};
Result<CreateReply> parseSubmitReply(const std::string& body);

Result<JobState> stateFromStatus(const std::string& status);

// `GET /jobs/{id}`.
struct Job {
    RemoteStatus status;
    std::string name;
    int shots = 0;
    int qubits = 0;                                   // stats.qubits (or metadata)
    int clbits = 0;                                   // from Qpilot's metadata; 0: one per qubit
    std::vector<std::pair<int, int>> measure;         // (qubit, clbit); empty: qubit q → clbit q
    std::string probabilitiesUrl;                     // results.probabilities.url ("" if absent)
};
Result<Job> parseJob(const std::string& body);

// `GET /jobs?limit=&next=`: the ids of jobs named `name` and the cursor of the next page ("" at
// the end). Accepts {"jobs":[…],"next":…} and a bare array.
struct JobPage {
    std::vector<std::string> ids;
    std::string next;
};
Result<JobPage> parseJobsNamed(const std::string& body, const std::string& name);

// `GET …/results/probabilities` → counts for `job.shots`, keyed by Qpilot's clbit string
// (clbit 0 rightmost): the decimal index is read with qubit 0 as its least significant bit, then
// each measured qubit's bit is moved to its clbit.
Result<JobResult> parseProbabilities(const std::string& body, const Job& job);

// "IonQ: <what>: HTTP 401 Unauthorized — <message>. <what to do>"
Error httpError(int status, const std::string& body, const std::string& what);
std::string providerMessage(const std::string& body);

} // namespace qpilot::cloud::ionq
