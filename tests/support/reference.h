// tests/support/reference.h — slow, obviously-correct dense references for tests: the
// unitary of a circuit built column by column from full 2^n x 2^n matrices, the textbook
// U(θ,φ,λ) and CX, and matrix comparisons (exact or up to a global phase).
#pragma once

#include "core/circuit/circuit.h"

#include <QString>

namespace qpilot::test {

// Full 2^n matrix of a k-qubit gate matrix acting on `operands` of an n-qubit register:
// entry (i, j) = g(sub(i), sub(j)) when i and j agree outside the operands, else 0.
Matrix embed(const Matrix& g, const std::vector<int>& operands, int numQubits);

// Unitary of a gate-only circuit (GateOp and BarrierOp; custom gates and modifiers through
// core's gateOpMatrix). Fails the test (returns empty) on any other operation.
Matrix circuitUnitary(const Circuit& c);

// Textbook matrices written independently of the gate table.
Matrix referenceU(double theta, double phi, double lambda);
Matrix referenceCX(); // control = operand 0 (least significant)

double maxAbsDiff(const Matrix& a, const Matrix& b);
// Max |a - e^{iα} b| with α chosen from the largest entry of b.
double maxDiffUpToPhase(const Matrix& a, const Matrix& b);
bool isUnitary(const Matrix& m, double tol = 1e-12);

QString describe(const Matrix& m);

} // namespace qpilot::test
