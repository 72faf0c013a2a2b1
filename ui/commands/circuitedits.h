// SPDX-License-Identifier: GPL-3.0-or-later
// ui/commands/circuitedits.h — the editor's edits as pure functions on Circuit values (insert,
// remove, move, replace an operation; add/remove a qubit), plus the column layout the diagram
// draws (as-soon-as-possible columns over each operation's vertical span) and the parser for
// parameter expressions typed in the inspector. Undo commands (circuitcommands.h) apply them.
#pragma once

#include "core/circuit/circuit.h"
#include "core/common/result.h"

#include <vector>

namespace qpilot::edit {

// Where an operation sits in the diagram: its column and the rows it spans (qubits; a
// measurement also reaches the classical wire).
struct Placement {
    int column = 0;
    int minQubit = 0;
    int maxQubit = 0;
};
struct Layout {
    std::vector<Placement> ops; // one per circuit.ops entry
    int columns = 0;
};
Layout layoutCircuit(const Circuit& circuit);

// Every qubit an operation touches (gate operands, measured/reset qubit, barrier qubits or
// all qubits for an empty barrier list, all qubits of an if/else body).
std::vector<int> operationQubits(const Operation& op, int numQubits);

// The ops index where an operation placed at `column` goes: before the first op whose column
// is at least `column` (so it lands in that column or the first free one after it).
int insertionIndexForColumn(const Circuit& circuit, int column);

// Errors: qubits/clbits out of range, repeated operands, wrong parameter count.
Result<Circuit> insertOperation(const Circuit& circuit, const Operation& op, int index);
Result<Circuit> removeOperations(const Circuit& circuit, std::vector<int> indices);
Result<Circuit> replaceOperation(const Circuit& circuit, int index, const Operation& op);

struct MoveResult {
    Circuit circuit;
    std::vector<int> indices; // where the moved ops are now (for merging consecutive moves)
};
// Shifts the ops by `qubitDelta` rows and `columnDelta` columns (reordering them so they land
// there). Error when a moved op would leave the qubit range.
Result<MoveResult> moveOperations(const Circuit& circuit, std::vector<int> indices, int qubitDelta,
                                  int columnDelta);

// Appends one qubit to the last quantum register (or creates register "q").
Result<Circuit> addQubit(const Circuit& circuit);
// Removes qubit `qubit`: ops on it are deleted (barriers just drop it), higher qubits shift
// down, its register shrinks (and disappears when empty).
Result<Circuit> removeQubit(const Circuit& circuit, int qubit);
// Appends a classical bit to the last classical register (or creates "c"); removes the last
// classical bit, refused while an operation uses it.
Result<Circuit> addClbit(const Circuit& circuit);
Result<Circuit> removeLastClbit(const Circuit& circuit);
// Makes sure classical bit `clbit` exists (creates "c" sized to the qubits, or grows the last
// classical register).
Circuit ensureClbit(const Circuit& circuit, int clbit);

// Parses a parameter typed by a person: a number, an OpenQASM expression ("pi/4",
// "2*theta + 0.1", "sin(pi/3)") or a symbolic name; names other than pi/tau/euler and the
// OpenQASM functions become free parameters. Errors give the column in the typed text.
Result<Expr> parseParameter(const std::string& text);

// Encoding and ansatz blocks (core/encoding): the circuit of `kindName` ("zz",
// "real_amplitudes", ...) on the qubits firstQubit..last (amplitude: 2^qubits features),
// added as a composite gate (a GateDefinition named after it) applied at `index`, its
// symbolic inputs x_i and weights theta_j becoming the circuit's free parameters.
Result<Circuit> insertBlock(const Circuit& circuit, const std::string& kindName, int firstQubit, int index);
// Replaces a composite gate (Custom) by its definition's body, inlined on its qubits.
Result<Circuit> expandOperation(const Circuit& circuit, int index);

// Checks operands of a gate/measure/reset/barrier against the circuit's sizes.
std::optional<Error> validateOperation(const Circuit& circuit, const Operation& op);

} // namespace qpilot::edit
