// core/sim/program.h — a Circuit compiled for execution: composite gates inlined,
// parameters bound, every gate turned into a dense matrix on its qubits, if/else flattened
// into branch/jump steps. Shared by the state-vector, density-matrix and trajectory engines.
#pragma once

#include "core/circuit/circuit.h"
#include "core/common/result.h"

#include <utility>
#include <variant>
#include <vector>

namespace qpilot::sim {

struct UnitaryStep {
    std::vector<int> qubits;  // operand order of `matrix` (operand 0 = least significant)
    Matrix matrix;
    bool diagonal = false;    // all off-diagonal entries are exactly zero
    int sourceGates = 1;      // gates merged into this step (fusion)
    GateOp gate;              // the original gate (for noise lookup); meaningless when fused
};
struct MeasureStep { int qubit = 0; int clbit = -1; };
struct ResetStep { int qubit = 0; };
// When `condition` is false, continue at step index `target`.
struct BranchStep { Condition condition; int target = 0; };
struct JumpStep { int target = 0; };

using Step = std::variant<UnitaryStep, MeasureStep, ResetStep, BranchStep, JumpStep>;

struct Program {
    int numQubits = 0;
    int numClbits = 0;
    std::vector<Step> steps;
    int sourceGates = 0;
    // Product of the unconditional global phases (gphase); unobservable in measurements, but
    // part of the final state vector. Phases inside if/else bodies are dropped.
    Complex globalPhase = 1;
    // True when no measurement is followed by a gate/reset on its qubit, and there is no
    // reset and no branch: the state can be simulated once and sampled.
    bool terminalMeasurementsOnly = true;
    bool hasMeasurements = false;
};

// Inlines, binds `parameters`, builds matrices. Errors: unbound parameter (named), too many
// qubits for a dense step (k > 6 after modifiers).
Result<Program> compileProgram(const Circuit& circuit, const ParamBindings& parameters = {});

// Merges runs of unitary steps into blocks acting on at most `maxQubits` qubits (greedy, in
// program order; a block never crosses a measurement, reset or branch). maxQubits <= 1
// returns the program unchanged. Several blocks stay open at once (one per group of
// qubits); gates on disjoint qubits commute, so a block collects every gate on its qubits
// until a gate links it to qubits it cannot take. A block of one step keeps that step as is.
Program fuseProgram(const Program& program, int maxQubits);

// The grouping behind fuseProgram, for engines that apply a block without its dense matrix.
// Items in execution order: a block of unitary steps (indices into program.steps, in an
// order consistent with the program; `qubits` = their sorted union, at most maxQubits
// unless a single gate is larger), or a single non-unitary step (`qubits` empty).
struct FusionItem {
    std::vector<int> steps;
    std::vector<int> qubits;
    bool isBlock() const { return !qubits.empty(); }
};
std::vector<FusionItem> planFusion(const Program& program, int maxQubits);
// For every old step index t in [0, numSteps], the index in `items` that a branch or jump
// to t must go to.
std::vector<int> remapTargets(const std::vector<FusionItem>& items, int numSteps);
// The product of a block's steps as one matrix on its sorted qubits.
Matrix fusedMatrix(const Program& program, const FusionItem& block);

} // namespace qpilot::sim
