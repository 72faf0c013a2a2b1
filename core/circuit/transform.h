// core/circuit/transform.h — rewrites of a circuit that keep its meaning: inlining composite
// gates, decomposing into a gate set through the standard definitions, binding parameters,
// and the matrix of a single gate operation with its modifiers.
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"

#include <functional>

namespace qpilot {

// Replaces every Custom gate by its body (recursively), pushing modifiers inward
// (inv reverses and inverts, ctrl/negctrl control every step, integer pow repeats).
// The result has no definitions. Non-integer pow of a composite gate is an error.
Result<Circuit> inlineDefinitions(const Circuit& circuit);

// Rewrites gates for which `supported` is false through their standard definitions until
// all are supported (inlining composites first). Modifiers are applied as in
// inlineDefinitions; an unsupported gate without a definition is an error naming it.
Result<Circuit> decomposeGates(const Circuit& circuit,
                               const std::function<bool(const GateOp&)>& supported);

// Binds free parameters by name; bound names leave Circuit::parameters.
Result<Circuit> bindParameters(const Circuit& circuit, const ParamBindings& bindings);

// Matrix of one gate operation with its modifiers applied (operand order as in op.qubits,
// operand 0 least significant). Custom gates are built from `circuit`'s definitions.
// Parameters must be bound.
Result<Matrix> gateOpMatrix(const GateOp& op, const Circuit& circuit);

// Matrix helpers used by the above and by tests.
Matrix matrixProduct(const Matrix& a, const Matrix& b);     // a * b
Matrix matrixAdjoint(const Matrix& a);
Result<Matrix> matrixPower(const Matrix& a, double exponent); // principal branch
// Adds control operands in front: result operand 0..n-1 are controls (active on 1, or on 0
// for negated), operands n.. are the original ones.
Matrix controlledMatrix(const Matrix& target, int controls, bool negated);

} // namespace qpilot
