// core/noise/noisy_program.cpp — the noisy engines' shared reading of a Program (noisy_program.h).
#include "core/noise/noisy_program.h"

#include <algorithm>
#include <thread>
#include <variant>
#ifdef _OPENMP
#include <omp.h>
#endif

namespace qpilot::sim {

Result<NoisyPlan> planNoisyProgram(const Program& program, const NoiseModel* noise)
{
    NoisyPlan plan;
    const size_t n = program.steps.size();
    plan.measureAllAtEnd = !program.hasMeasurements;
    plan.width = plan.measureAllAtEnd ? program.numQubits : program.numClbits;
    if (plan.width > 63)
        return Error{"noisy simulation supports at most 63 outcome bits (this program has " + std::to_string(plan.width) + ")"};
    plan.deferred.assign(n, 0);
    plan.channels.resize(n);
    plan.readout.resize(size_t(program.numQubits));
    for (int q = 0; q < program.numQubits; ++q)
        plan.readout[size_t(q)] = noise ? noise->readout(q) : ReadoutError{};

    // Steps inside an if/else body (between a branch or jump and its target).
    std::vector<char> conditional(n, 0);
    for (size_t i = 0; i < n; ++i) {
        int target = -1;
        if (const auto* b = std::get_if<BranchStep>(&program.steps[i]))
            target = b->target;
        else if (const auto* j = std::get_if<JumpStep>(&program.steps[i]))
            target = j->target;
        if (target < 0)
            continue;
        if (target <= int(i) || target > int(n))
            return Error{"internal: the program jumps backwards or out of range at step " + std::to_string(i)};
        for (size_t k = i + 1; k < size_t(target); ++k)
            conditional[k] = 1;
    }

    // Walk backwards tracking qubits touched and bits read/written later.
    std::vector<char> qubitLater(size_t(program.numQubits), 0);
    std::vector<char> bitLater(size_t(std::max(program.numClbits, 0)), 0);
    for (size_t i = n; i-- > 0;) {
        const Step& s = program.steps[i];
        if (const auto* u = std::get_if<UnitaryStep>(&s)) {
            for (int q : u->qubits)
                qubitLater[size_t(q)] = 1;
            if (noise)
                plan.channels[i] = noise->channelsAfter(u->gate);
        } else if (const auto* m = std::get_if<MeasureStep>(&s)) {
            const bool bitFree = m->clbit < 0 || !bitLater[size_t(m->clbit)];
            if (!conditional[i] && !qubitLater[size_t(m->qubit)] && bitFree)
                plan.deferred[i] = 1;
            qubitLater[size_t(m->qubit)] = 1;
            if (m->clbit >= 0)
                bitLater[size_t(m->clbit)] = 1;
        } else if (const auto* r = std::get_if<ResetStep>(&s)) {
            qubitLater[size_t(r->qubit)] = 1;
        } else if (const auto* b = std::get_if<BranchStep>(&s)) {
            for (int bit : b->condition.bits)
                if (bit >= 0 && bit < program.numClbits)
                    bitLater[size_t(bit)] = 1;
        }
    }
    for (size_t i = 0; i < n; ++i)
        if (plan.deferred[i]) {
            const auto& m = std::get<MeasureStep>(program.steps[i]);
            plan.finalReads.emplace_back(m.qubit, m.clbit);
        }
    if (plan.measureAllAtEnd)
        for (int q = 0; q < program.numQubits; ++q)
            plan.finalReads.emplace_back(q, q);
    return plan;
}

int resolveThreads(int requested)
{
    if (requested > 0)
        return requested;
#ifdef _OPENMP
    return std::max(1, omp_get_max_threads());
#else
    return int(std::max(1u, std::thread::hardware_concurrency()));
#endif
}

} // namespace qpilot::sim
