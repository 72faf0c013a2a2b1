// core/circuit/qasm.h — OpenQASM 2.0 and 3 reading and writing. The reader elaborates a
// program into the IR: loops over constant ranges are unrolled, compile-time classical
// values (const, input defaults, int/float/angle variables) are evaluated, register
// broadcasting is expanded; branches on measured bits become IfElseOp. What cannot be
// simulated (defcal, extern, while on measured values, ...) is refused with its location.
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace qpilot {

enum class QasmVersion { V2, V3 };

struct QasmReadOptions {
    // Folders searched for `include "file";` after the including file's own folder.
    std::vector<std::string> includePaths;
    // Accept Amazon Braket's built-in gate names (cnot, si, ti, v, vi, phaseshift,
    // cphaseshift, ccnot, i, xx, yy, zz) as aliases of the standard gates.
    bool braketGateNames = false;
    // Unrolling guard: refuse programs that elaborate to more operations than this.
    std::size_t maxOperations = 5'000'000;
};

// Parses program text. `fileName` is used in error messages and to resolve includes.
// Errors carry file, line (1-based), column (1-based) and say what was expected.
Result<Circuit> parseQasm(std::string_view source, const std::string& fileName = "<input>",
                          const QasmReadOptions& options = {});
Result<Circuit> readQasmFile(const std::string& path, const QasmReadOptions& options = {});

// The version a program declares in its header (V3 when the header is absent).
QasmVersion detectQasmVersion(std::string_view source);

// Writers. The output reads back (parseQasm) to a Circuit equal to the input.
// Gates outside the version's standard library are emitted as `gate` definitions;
// what the version cannot express (e.g. if/else or a single-bit condition in
// OpenQASM 2) is an error naming the operation.
struct QasmWriteOptions {
    // OpenQASM 3 only: write qubits as physical qubits $0, $1, ... (global index = physical
    // index) and declare no qubit register, as for a transpiled (ISA) circuit. Reading the
    // output back gives one register "q" sized to the largest physical qubit used + 1.
    bool physicalQubits = false;
};

Result<std::string> writeQasm2(const Circuit& circuit);
Result<std::string> writeQasm3(const Circuit& circuit, const QasmWriteOptions& options = {});

} // namespace qpilot
