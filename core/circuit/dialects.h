// core/circuit/dialects.h — provider dialects: Amazon Braket's OpenQASM 3 (its built-in gate
// names, no include) and IonQ's JSON circuit format (ionq.circuit.v1, "qis" gate set), both
// ways. Bit order is Qpilot's everywhere (qubit 0 = least significant); provider result
// orders are handled in core/cloud.
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"

#include <string>
#include <string_view>

namespace qpilot {

// Braket OpenQASM 3. Gates without a Braket name are decomposed through their definitions;
// composite gates are inlined. Free parameters become `input float` declarations.
Result<std::string> writeBraketQasm(const Circuit& circuit);
// Reads Braket's dialect (Braket names, no include needed).
Result<Circuit> parseBraketQasm(std::string_view source, const std::string& fileName = "<input>");

struct IonqJsonOptions {
    std::string name = "qpilot";
    std::string backend = "simulator";
    int shots = 1000;
};
// IonQ ionq.circuit.v1 job body with "qis" gates (radians). IonQ measures every qubit at the
// end, so mid-circuit measurement, reset, conditions and unbound parameters are errors.
Result<std::string> writeIonqJson(const Circuit& circuit, const IonqJsonOptions& options = {});
// Reads an ionq.circuit.v1 body (or its bare "input" object) into a circuit with a final
// measurement of every qubit.
Result<Circuit> parseIonqJson(std::string_view json, const std::string& fileName = "<input>");

} // namespace qpilot
