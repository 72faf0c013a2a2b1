// core/sim/program.cpp — compiling a Circuit into executable steps (see program.h).
#include "core/sim/program.h"

#include <algorithm>
#include <set>

namespace qpilot::sim {

namespace {

constexpr int kMaxDenseQubits = 6;

bool isDiagonal(const Matrix& m)
{
    for (int r = 0; r < m.dim(); ++r)
        for (int c = 0; c < m.dim(); ++c)
            if (r != c && m.at(r, c) != Complex(0))
                return false;
    return true;
}

struct Compiler {
    const Circuit& circuit;
    Program program;
    std::set<int> measuredQubits;

    std::optional<Error> add(const std::vector<Operation>& ops)
    {
        for (const Operation& o : ops) {
            if (const auto* g = std::get_if<GateOp>(&o.op)) {
                if (g->qubits.size() > size_t(kMaxDenseQubits))
                    return Error{"a gate on " + std::to_string(g->qubits.size()) + " qubits is too large to simulate densely (at most "
                                 + std::to_string(kMaxDenseQubits) + ")"};
                auto m = gateOpMatrix(*g, circuit);
                if (!m)
                    return m.error();
                ++program.sourceGates;
                if (g->qubits.empty()) {
                    // Global phase: unobservable on its own; fold into nothing.
                    continue;
                }
                for (int q : g->qubits)
                    if (measuredQubits.count(q))
                        program.terminalMeasurementsOnly = false;
                UnitaryStep s;
                s.qubits = g->qubits;
                s.matrix = std::move(m).value();
                s.diagonal = isDiagonal(s.matrix);
                s.gate = *g;
                program.steps.emplace_back(std::move(s));
            } else if (const auto* me = std::get_if<MeasureOp>(&o.op)) {
                program.hasMeasurements = true;
                if (measuredQubits.count(me->qubit))
                    program.terminalMeasurementsOnly = false; // measured twice
                measuredQubits.insert(me->qubit);
                program.steps.emplace_back(MeasureStep{me->qubit, me->clbit});
            } else if (const auto* r = std::get_if<ResetOp>(&o.op)) {
                program.terminalMeasurementsOnly = false;
                program.steps.emplace_back(ResetStep{r->qubit});
            } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
                program.terminalMeasurementsOnly = false;
                const size_t branchAt = program.steps.size();
                program.steps.emplace_back(BranchStep{ie->condition, 0});
                if (auto e = add(ie->thenOps))
                    return e;
                if (ie->elseOps.empty()) {
                    std::get<BranchStep>(program.steps[branchAt]).target = int(program.steps.size());
                } else {
                    const size_t jumpAt = program.steps.size();
                    program.steps.emplace_back(JumpStep{0});
                    std::get<BranchStep>(program.steps[branchAt]).target = int(program.steps.size());
                    if (auto e = add(ie->elseOps))
                        return e;
                    std::get<JumpStep>(program.steps[jumpAt]).target = int(program.steps.size());
                }
            }
            // Barriers and delays do nothing in an ideal simulation (noise models may add idling later).
        }
        return std::nullopt;
    }
};

// Matrix of `m` (on `from` qubits) expanded onto the sorted `to` qubits (a superset).
Matrix expandOnto(const Matrix& m, const std::vector<int>& from, const std::vector<int>& to)
{
    const int k = int(to.size());
    std::vector<int> pos;
    for (int q : from)
        pos.push_back(int(std::find(to.begin(), to.end(), q) - to.begin()));
    int mask = 0;
    for (int p : pos)
        mask |= 1 << p;
    auto sub = [&](int idx) {
        int s = 0;
        for (size_t b = 0; b < pos.size(); ++b)
            if (idx & (1 << pos[b]))
                s |= 1 << b;
        return s;
    };
    Matrix out{k, std::vector<Complex>(size_t(1) << (2 * k))};
    for (int r = 0; r < out.dim(); ++r)
        for (int c = 0; c < out.dim(); ++c)
            if ((r & ~mask) == (c & ~mask))
                out.at(r, c) = m.at(sub(r), sub(c));
    return out;
}

} // namespace

Result<Program> compileProgram(const Circuit& circuit, const ParamBindings& parameters)
{
    for (const std::string& p : circuit.parameters)
        if (!parameters.count(p))
            return Error{"parameter '" + p + "' has no value: bind every input parameter before simulating"};
    auto bound = bindParameters(circuit, parameters);
    if (!bound)
        return bound.error();
    auto inlined = inlineDefinitions(bound.value());
    if (!inlined)
        return inlined.error();
    Compiler c{inlined.value(), Program{}, {}};
    c.program.numQubits = inlined.value().numQubits();
    c.program.numClbits = inlined.value().numClbits();
    if (auto e = c.add(inlined.value().ops))
        return *e;
    return std::move(c.program);
}

Program fuseProgram(const Program& program, int maxQubits)
{
    if (maxQubits <= 1)
        return program;
    Program out = program;
    out.steps.clear();
    // Map old step indices to new ones so branch/jump targets survive.
    std::vector<int> newIndex(program.steps.size() + 1, 0);
    std::set<int> targets;
    for (const Step& s : program.steps) {
        if (const auto* b = std::get_if<BranchStep>(&s))
            targets.insert(b->target);
        if (const auto* j = std::get_if<JumpStep>(&s))
            targets.insert(j->target);
    }
    std::optional<UnitaryStep> block;
    auto flush = [&] {
        if (block) {
            block->diagonal = isDiagonal(block->matrix);
            out.steps.emplace_back(std::move(*block));
            block.reset();
        }
    };
    for (size_t i = 0; i < program.steps.size(); ++i) {
        if (targets.count(int(i)))
            flush(); // a jump lands here: start a new block
        const Step& s = program.steps[i];
        const auto* u = std::get_if<UnitaryStep>(&s);
        if (!u) {
            flush();
            newIndex[i] = int(out.steps.size());
            out.steps.push_back(s);
            continue;
        }
        if (block) {
            std::vector<int> merged = block->qubits;
            for (int q : u->qubits)
                if (std::find(merged.begin(), merged.end(), q) == merged.end())
                    merged.push_back(q);
            if (int(merged.size()) <= maxQubits) {
                std::sort(merged.begin(), merged.end());
                Matrix a = expandOnto(block->matrix, block->qubits, merged);
                Matrix b = expandOnto(u->matrix, u->qubits, merged);
                block->matrix = matrixProduct(b, a);
                block->qubits = merged;
                block->sourceGates += u->sourceGates;
                newIndex[i] = int(out.steps.size());
                continue;
            }
            flush();
        }
        newIndex[i] = int(out.steps.size());
        block = *u;
        if (!std::is_sorted(block->qubits.begin(), block->qubits.end())) {
            std::vector<int> sorted = block->qubits;
            std::sort(sorted.begin(), sorted.end());
            block->matrix = expandOnto(block->matrix, block->qubits, sorted);
            block->qubits = sorted;
        }
    }
    flush();
    newIndex[program.steps.size()] = int(out.steps.size());
    for (Step& s : out.steps) {
        if (auto* b = std::get_if<BranchStep>(&s))
            b->target = newIndex[size_t(b->target)];
        if (auto* j = std::get_if<JumpStep>(&s))
            j->target = newIndex[size_t(j->target)];
    }
    return out;
}

} // namespace qpilot::sim
