// core/noise/noisy_program.h — internal: how the noisy engines (density matrix, trajectories)
// read a compiled Program: the channels after each gate, which measurements can be read at
// the end, the outcome register, condition tests and thread counts.
#pragma once

#include "core/common/result.h"
#include "core/noise/noise.h"
#include "core/sim/program.h"

#include <cstdint>
#include <vector>

namespace qpilot::sim {

struct NoisyPlan {
    int width = 0;                 // bits per outcome: numClbits, or numQubits when nothing is measured
    bool measureAllAtEnd = false;  // no measurement in the program: qubit i is read into bit i at the end
    // Per step: a MeasureStep outside any if/else whose qubit is not touched again and whose
    // bit is not read or rewritten later, so it can be read from the final state.
    std::vector<char> deferred;
    // Per step (UnitaryStep only): the noise channels that follow it.
    std::vector<std::vector<NoiseModel::AppliedChannel>> channels;
    std::vector<ReadoutError> readout; // per qubit
    // Final reads as (qubit, clbit) in program order (clbit -1 = discarded).
    std::vector<std::pair<int, int>> finalReads;
};

// Errors: more than 63 outcome bits, backward jumps (never produced by compileProgram).
Result<NoisyPlan> planNoisyProgram(const Program& program, const NoiseModel* noise);

// `bits` read least significant first equals the condition's value.
inline bool conditionHolds(const Condition& c, std::uint64_t clbits)
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < c.bits.size() && i < 64; ++i)
        if (c.bits[i] >= 0 && c.bits[i] < 64 && ((clbits >> c.bits[i]) & 1u))
            v |= std::uint64_t(1) << i;
    return v == c.value;
}

inline std::uint64_t withBit(std::uint64_t bits, int clbit, int value)
{
    if (clbit < 0)
        return bits;
    const std::uint64_t mask = std::uint64_t(1) << clbit;
    return value ? (bits | mask) : (bits & ~mask);
}

// 0 -> all hardware threads (OpenMP's maximum), otherwise at least 1.
int resolveThreads(int requested);

} // namespace qpilot::sim
