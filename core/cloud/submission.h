// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/submission.h — what happens to a circuit between "run this on that cloud device" and
// JobTracker::submit, shared by `qpilot cloud submit` and the GUI's CloudSubmitDialog: the circuit
// is read (an OpenQASM 3 file is kept as written, other formats are converted), transpiled to the
// device's ISA when a shipped Qpilot profile matches the provider's device id (otherwise sent as
// written, cost unknown), and priced with the cost guard (estimateCost); the budget comes from
// --budget / the GUI setting / QPILOT_CLOUD_BUDGET.
#pragma once

#include "core/circuit/ir.h"
#include "core/cloud/jobs.h"

#include <QString>

#include <optional>
#include <string>

namespace qpilot::cloud {

// A circuit ready to be prepared: the parsed circuit and the OpenQASM 3 text the user gave.
struct SubmissionCircuit {
    Circuit circuit;
    std::string qasm;                                 // OpenQASM 3: as written, or converted
};
// From OpenQASM 3 (or 2) text: parsed, text kept when it is OpenQASM 3, converted otherwise.
Result<SubmissionCircuit> submissionCircuitFromText(const std::string& text, const std::string& fileName = "<circuit>");
// From a circuit file of any format core/circuit reads (an OpenQASM 3 file is kept as written).
Result<SubmissionCircuit> loadSubmissionCircuit(const QString& path);

struct PreparedSubmission {
    Provider provider = Provider::Ibm;
    std::string deviceId;
    int shots = 1000;
    std::string qasm;                                 // as the user gave it
    std::string isaQasm;                              // what is sent: the ISA circuit, or qasm
    std::string profileId;                            // matching Qpilot profile ("" = none: sent as written)
    bool transpiled = false;
    int twoQubitGates = 0, depth = 0;                 // of the ISA circuit (when transpiled)
    std::optional<CostEstimate> estimate;             // nullopt: cost unknown
    std::string note;                                 // one line: what was done and why the cost is unknown

    // The tracker's submission with `tags` (estimate included when known).
    Submission submission(std::map<std::string, std::string> tags = {}) const;
};

// Transpiles `circuit` for the Qpilot profile that matches `deviceId` (profileIdForCloudDevice)
// and estimates the cost; without a matching profile the circuit's OpenQASM 3 text is sent as
// written and the cost is unknown. Error (bad input) when shots < 1 or transpilation fails.
Result<PreparedSubmission> prepareSubmission(Provider provider, const std::string& deviceId, const SubmissionCircuit& circuit,
                                             int shots);

// A budget in USD from text ("" → nullopt = no budget); error for a negative or non-numeric value.
Result<std::optional<double>> parseBudgetUsd(const std::string& text);
// QPILOT_CLOUD_BUDGET (nullopt when unset or invalid).
std::optional<double> budgetFromEnvironment();

} // namespace qpilot::cloud
