// core/sim/engine.h — internal to core/sim: the state-vector engine behind simulate().
// A compiled Program is prepared once (measurements that nothing depends on are deferred to
// the end, gates are fused into blocks and turned into kernels, each block applied either as
// its dense product or as a tiled sequence, whichever costs less) and then executed:
// straight through when it has no mid-circuit measurement, otherwise as a tree of
// measurement branches over which the shots are divided by seeded binomial draws.
#pragma once

#include "core/sim/program.h"
#include "core/sim/simulator.h"
#include "core/sim/tiles.h"

#include <string>
#include <utility>
#include <vector>

namespace qpilot::sim::detail {

struct PreparedStep {
    enum class Kind { Gates, Measure, Reset, Branch, Jump };
    Kind kind = Kind::Gates;
    std::vector<GateKernel> kernels; // Gates: one kernel, or a sequence applied tile by tile
    bool tiled = false;
    int sourceGates = 0;
    int qubit = 0, clbit = -1; // Measure / Reset
    Condition condition;       // Branch: continue at `target` when false
    int target = 0;            // Branch / Jump
};

struct PreparedProgram {
    int numQubits = 0;
    int numClbits = 0;
    std::vector<PreparedStep> steps;
    std::vector<std::pair<int, int>> terminal; // deferred measurements (qubit, clbit), in order
    bool hasMeasurements = false;
    bool pure = true;   // no mid-circuit measurement, reset or branch is left
    int unitarySteps = 0;
    int sourceGates = 0;
    Complex globalPhase = 1; // applied to the returned state vector
};

// Measurements of qubits that are never touched again, into bits that are never read or
// overwritten, move to `terminal` (the rest of the program is unchanged).
PreparedProgram prepareProgram(const Program& program, int fusionMaxQubits);

// Runs a prepared program (see the header comment). `threads` >= 1.
Result<SimResult> runStateVector(const PreparedProgram& program, const SimOptions& options, int threads);

// Applies the unitary steps of a pure program to `amp` (for benchmarks: no allocation,
// no sampling). Returns false if the program is not pure.
bool applyUnitarySteps(const PreparedProgram& program, Complex* amp, int threads);

} // namespace qpilot::sim::detail
