// core/sim/noisy.h — internal: the noisy engines behind simulate() (density matrix, trajectories).
#pragma once
#include "core/sim/program.h"
#include "core/sim/simulator.h"
namespace qpilot::sim {
Result<SimResult> simulateDensityMatrix(const Program& program, const SimOptions& options);
Result<SimResult> simulateTrajectories(const Program& program, const SimOptions& options);
}
