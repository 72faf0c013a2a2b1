// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/braket_json.h — the pure parts of the Amazon Braket client (braket.cpp): ARNs in
// paths, device summaries and capabilities, Qpilot ISA OpenQASM 3 → Braket's OpenQASM dialect,
// the CreateQuantumTask body, GetQuantumTask replies, results.json → counts in Qpilot's bit order,
// and rest-json / S3 error shapes → clear messages. Every malformed reply names the field.
// Wire shapes: shared/reference/cloud-and-mlops-protocols.md §2 (botocore braket service-2.json,
// amazon-braket-schemas-python).
#pragma once

#include "core/cloud/cloud.h"

#include <QJsonObject>

#include <optional>
#include <string>
#include <vector>

namespace qpilot::cloud::braket {

inline constexpr const char* kOpenQasmAction = "braket.ir.openqasm.program";
inline constexpr const char* kResultSchema = "braket.task_result.gate_model_task_result";
inline constexpr const char* kClientTokenTag = "qpilot:clientToken";

// botocore's percent_encode for path parameters: everything but A-Z a-z 0-9 - . _ ~ is %XX
// ("arn:aws:braket:::device/x" → "arn%3Aaws%3Abraket%3A%3A%3Adevice%2Fx").
std::string encodePathParameter(const std::string& value);
// The region an ARN names ("arn:aws:braket:us-west-1::device/…" → "us-west-1"; "" for the global simulators).
std::string arnRegion(const std::string& arn);

// A GetDevice reply, parsed.
struct DeviceInfo {
    CloudDevice device;                           // provider Braket, id = ARN, status lower-case
    std::string deviceType;                       // "QPU" / "SIMULATOR"
    std::string providerName;                     // "IonQ", "Amazon Braket", …
    std::vector<std::string> supportedOperations; // of braket.ir.openqasm.program (empty: not announced)
    std::optional<int> pollIntervalMillis;        // service.getTaskPollIntervalMillis
    std::optional<std::pair<int, int>> shotsRange;
};
// `what` names the reply in errors ("GetDevice reply").
Result<DeviceInfo> parseDevice(const std::string& body, const std::string& what);
// A SearchDevices reply: the device summaries (capabilities not included) and the next page token.
struct DevicePage {
    std::vector<DeviceInfo> devices;
    std::string nextToken;
};
Result<DevicePage> parseSearchDevices(const std::string& body);

// Qpilot OpenQASM 3 (ISA, physical `$n` or a register) → Braket's dialect: Braket gate names, no
// `include`, `qubit[n] q;` (or physical `$n` when `physicalQubits`), `b[i] = measure q[j];`.
struct BraketProgram {
    std::string source;
    int qubitCount = 0;
    std::vector<std::string> gates;               // distinct gate names used (Braket spelling)
};
Result<BraketProgram> toBraketProgram(const std::string& qasm, bool physicalQubits);
// Error naming the first gate the device does not list in supportedOperations (case-insensitive).
std::optional<Error> checkSupported(const BraketProgram& program, const DeviceInfo& device);

struct CreateTaskInput {
    std::string clientToken, deviceArn, deviceType, providerName;
    int shots = 0;
    std::string bucket, keyPrefix;
    BraketProgram program;
    bool physicalQubits = false;                  // sets disableQubitRewiring
    std::map<std::string, std::string> tags;
};
// The CreateQuantumTask JSON body (`action` and `deviceParameters` are JSON strings inside it).
std::string createTaskBody(const CreateTaskInput& input);
Result<std::string> parseCreateTaskReply(const std::string& body);   // the quantumTaskArn

struct TaskInfo {
    RemoteStatus status;
    std::string deviceArn, bucket, directory, clientTokenTag;
    int shots = 0;
};
// GetQuantumTask (and the items of SearchQuantumTasks). Unknown status → error naming it.
Result<TaskInfo> parseTask(const QJsonObject& task, const std::string& what);
Result<TaskInfo> parseGetTask(const std::string& body);
struct TaskPage {
    std::vector<TaskInfo> tasks;
    std::string nextToken;
};
Result<TaskPage> parseSearchTasks(const std::string& body);
Result<JobState> stateFromBraket(const std::string& status);

// results.json (braket.task_result.gate_model_task_result v1) → counts in Qpilot's order (classical
// bit 0 rightmost). Measurement columns belong to measuredQubits[i] (Braket joins them with
// measuredQubits[0] first); the program in additionalMetadata.action.source says which qubit
// each classical bit holds. measurementProbabilities become counts for taskMetadata.shots.
Result<JobResult> parseResults(const std::string& body);

// A rest-json error reply ("x-amzn-ErrorType" header or "__type", body "message"/"Message") or an
// S3 XML error (<Code>, <Message>) → "Amazon Braket <operation>: 403 InvalidSignatureException — …"
// with what to do for the common ones.
Error serviceError(const std::string& operation, const HttpResponse& response);

} // namespace qpilot::cloud::braket
