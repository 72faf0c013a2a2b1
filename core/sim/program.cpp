// core/sim/program.cpp — compiling a Circuit into executable steps, and gate fusion (see program.h).
#include "core/sim/program.h"

#include "core/sim/kernels.h"

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
    int depth = 0; // if/else nesting

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
                    // Global phase: kept for the final state vector when unconditional.
                    if (depth == 0)
                        program.globalPhase *= m.value().data.front();
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
                ++depth;
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
                --depth;
            }
            // Barriers and delays do nothing in an ideal simulation (noise models may add idling later).
        }
        return std::nullopt;
    }
};

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
    Compiler c{inlined.value(), Program{}, {}, 0};
    c.program.numQubits = inlined.value().numQubits();
    c.program.numClbits = inlined.value().numClbits();
    if (auto e = c.add(inlined.value().ops))
        return *e;
    return std::move(c.program);
}

std::vector<FusionItem> planFusion(const Program& program, int maxQubits)
{
    maxQubits = std::clamp(maxQubits, 1, kMaxDenseQubits);
    std::set<int> targets;
    for (const Step& s : program.steps) {
        if (const auto* b = std::get_if<BranchStep>(&s))
            targets.insert(b->target);
        if (const auto* j = std::get_if<JumpStep>(&s))
            targets.insert(j->target);
    }
    struct Open {
        std::vector<int> qubits; // sorted
        std::vector<int> steps;
    };
    std::vector<FusionItem> items;
    std::vector<Open> open; // pairwise disjoint, in creation order
    auto emit = [&](Open&& b) { items.push_back(FusionItem{std::move(b.steps), std::move(b.qubits)}); };
    auto flush = [&] {
        for (Open& b : open)
            emit(std::move(b));
        open.clear();
    };
    auto unionWith = [](std::vector<int> a, const std::vector<int>& b) {
        for (int q : b)
            if (!std::binary_search(a.begin(), a.end(), q))
                a.insert(std::upper_bound(a.begin(), a.end(), q), q);
        return a;
    };
    for (size_t i = 0; i < program.steps.size(); ++i) {
        if (targets.count(int(i)))
            flush(); // a jump lands here: nothing may move across
        const auto* u = std::get_if<UnitaryStep>(&program.steps[i]);
        if (!u) {
            flush();
            items.push_back(FusionItem{{int(i)}, {}});
            continue;
        }
        std::vector<int> gateQubits = unionWith({}, u->qubits);
        auto touches = [&](const Open& b) {
            for (int q : gateQubits)
                if (std::binary_search(b.qubits.begin(), b.qubits.end(), q))
                    return true;
            return false;
        };
        // Close touching blocks, largest first, until the rest and the gate fit in one block.
        for (;;) {
            std::vector<int> merged = gateQubits;
            int largest = -1;
            for (size_t b = 0; b < open.size(); ++b)
                if (touches(open[b])) {
                    merged = unionWith(std::move(merged), open[b].qubits);
                    if (largest < 0 || open[b].qubits.size() > open[size_t(largest)].qubits.size())
                        largest = int(b);
                }
            if (int(merged.size()) <= maxQubits || largest < 0)
                break;
            emit(std::move(open[size_t(largest)]));
            open.erase(open.begin() + largest);
        }
        if (int(gateQubits.size()) > maxQubits) {
            items.push_back(FusionItem{{int(i)}, gateQubits}); // too large to share a block
            continue;
        }
        Open block{gateQubits, {}};
        for (size_t b = 0; b < open.size();) {
            if (touches(open[b])) {
                block.qubits = unionWith(std::move(block.qubits), open[b].qubits);
                block.steps.insert(block.steps.end(), open[b].steps.begin(), open[b].steps.end());
                open.erase(open.begin() + long(b));
            } else {
                ++b;
            }
        }
        block.steps.push_back(int(i));
        open.push_back(std::move(block));
    }
    flush();
    return items;
}

std::vector<int> remapTargets(const std::vector<FusionItem>& items, int numSteps)
{
    // A target t is preceded by a flush, so the items from its position on hold only steps
    // >= t: the first item whose suffix minimum reaches t.
    std::vector<int> suffixMin(items.size() + 1, numSteps);
    for (size_t i = items.size(); i-- > 0;)
        suffixMin[i] = std::min(suffixMin[i + 1], *std::min_element(items[i].steps.begin(), items[i].steps.end()));
    std::vector<int> map(size_t(numSteps) + 1, int(items.size()));
    size_t i = 0;
    for (int t = 0; t <= numSteps; ++t) {
        while (i < items.size() && suffixMin[i] < t)
            ++i;
        map[size_t(t)] = int(i);
    }
    return map;
}

// The matrix is a 2k-qubit vector (row bits above column bits); each step acts on its rows.
Matrix fusedMatrix(const Program& program, const FusionItem& item)
{
    const int k = int(item.qubits.size());
    Matrix m = Matrix::identity(k);
    for (int index : item.steps) {
        const auto& u = std::get<UnitaryStep>(program.steps[size_t(index)]);
        int rows[kMaxDenseQubits];
        for (size_t j = 0; j < u.qubits.size(); ++j)
            rows[j] = k + int(std::lower_bound(item.qubits.begin(), item.qubits.end(), u.qubits[j]) - item.qubits.begin());
        applyMatrixK(m.data.data(), 2 * k, rows, int(u.qubits.size()), u.matrix.data.data(), 1);
    }
    return m;
}

Program fuseProgram(const Program& program, int maxQubits)
{
    if (maxQubits <= 1)
        return program;
    const std::vector<FusionItem> items = planFusion(program, maxQubits);
    const std::vector<int> target = remapTargets(items, int(program.steps.size()));
    Program out = program;
    out.steps.clear();
    out.steps.reserve(items.size());
    for (const FusionItem& item : items) {
        const Step& first = program.steps[size_t(item.steps.front())];
        if (item.steps.size() == 1) {
            Step s = first;
            if (auto* b = std::get_if<BranchStep>(&s))
                b->target = target[size_t(b->target)];
            if (auto* j = std::get_if<JumpStep>(&s))
                j->target = target[size_t(j->target)];
            out.steps.push_back(std::move(s));
            continue;
        }
        UnitaryStep block;
        block.qubits = item.qubits;
        block.matrix = fusedMatrix(program, item);
        block.diagonal = isDiagonal(block.matrix);
        block.sourceGates = 0;
        for (int index : item.steps)
            block.sourceGates += std::get<UnitaryStep>(program.steps[size_t(index)]).sourceGates;
        out.steps.emplace_back(std::move(block));
    }
    return out;
}

} // namespace qpilot::sim
