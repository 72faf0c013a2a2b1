// core/transpile/transpile_util.h — small helpers shared by the transpiler's stage files
// (not part of the public API; include transpile.h from outside core/transpile).
#pragma once

#include "core/transpile/transpile.h"

namespace qpilot {

// Angle reduced to (-π, π].
double wrapAngle(double a);
// α with target ≈ e^{iα}·realised (read off the largest entry of realised).
double phaseBetween(const Matrix& target, const Matrix& realised);
// Matrix of gates with constant parameters on operands 0..qubits-1 (gphase multiplies).
Matrix sequenceMatrix(const std::vector<GateOp>& gates, int qubits);
// A k-qubit matrix acting on `operands` of n qubits (operand 0 least significant).
Matrix embedMatrix(const Matrix& g, const std::vector<int>& operands, int n);

inline Operation makeGateOp(GateKind kind, std::vector<int> qubits, std::vector<double> params = {})
{
    GateOp g;
    g.kind = kind;
    g.qubits = std::move(qubits);
    for (double p : params)
        g.params.emplace_back(p);
    return Operation{std::move(g)};
}

inline Operation phaseOp(double phase) { return makeGateOp(GateKind::GPhase, {}, {phase}); }

// Numeric parameters of a gate with constant parameters.
inline std::vector<double> numericParams(const GateOp& g)
{
    std::vector<double> p;
    p.reserve(g.params.size());
    for (const Expr& e : g.params)
        p.push_back(e.constantValue());
    return p;
}

// Gates that take no time and have no error on hardware (virtual rz, global phase).
inline bool isVirtualGate(GateKind k) { return k == GateKind::RZ || k == GateKind::GPhase; }

// The qubits an operation touches (for if/else: all in both bodies; barrier: as listed).
std::vector<int> operationQubits(const Operation& op);

} // namespace qpilot
