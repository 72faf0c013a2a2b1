// core/sim/engine.cpp — owns the state-vector engine (see engine.h): preparing a Program
// (deferral, fusion, kernel choice) and running it with seeded, thread-count independent
// shots over the tree of mid-circuit measurement branches.
//
// Shots and branches. At a measurement (or reset) with P(1) = p, the N shots arriving there
// split by N binomial draws u_j < p (counter-based, on the node's own stream); a branch that
// receives no shot is not simulated (unless exact probabilities are wanted), so a run costs at
// most one path per shot and usually far fewer. The branch with fewer shots runs first on a
// copy of the state while the other continues in place, so at most log2(shots) + 1 copies
// are alive. Every node's stream derives from its parent's and the outcome, so the counts do
// not depend on the thread count or the order of evaluation.
#include "core/sim/engine.h"

#include "core/sim/rng.h"
#include "core/sim/state_buffer.h"
#include "core/sim/statevector.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace qpilot::sim::detail {

namespace {

constexpr int kMaxProbabilityBits = 28;           // exact probabilities: 2^28 doubles at most
constexpr std::size_t kMaxExactBranches = 1 << 16; // leaves followed for exact probabilities
constexpr double kNegligible = 1e-13;             // a branch below this probability is dropped

// ---- preparation -----------------------------------------------------------------------------

struct Deferred {
    Program program;
    std::vector<std::pair<int, int>> terminal;
};

Deferred deferMeasurements(const Program& p)
{
    const size_t n = p.steps.size();
    std::vector<char> inBranch(n, 0);
    for (size_t i = 0; i < n; ++i) {
        int target = -1;
        if (const auto* b = std::get_if<BranchStep>(&p.steps[i]))
            target = b->target;
        else if (const auto* j = std::get_if<JumpStep>(&p.steps[i]))
            target = j->target;
        for (size_t k = i + 1; k < std::min(n, size_t(std::max(0, target))); ++k)
            inBranch[k] = 1;
    }
    std::vector<char> drop(n, 0), qubitUsed(size_t(p.numQubits), 0), clbitUsed(size_t(p.numClbits), 0);
    std::vector<std::pair<int, int>> terminalReversed;
    for (size_t i = n; i-- > 0;) {
        const Step& s = p.steps[i];
        if (const auto* u = std::get_if<UnitaryStep>(&s)) {
            for (int q : u->qubits)
                qubitUsed[size_t(q)] = 1;
        } else if (const auto* r = std::get_if<ResetStep>(&s)) {
            qubitUsed[size_t(r->qubit)] = 1;
        } else if (const auto* b = std::get_if<BranchStep>(&s)) {
            for (int c : b->condition.bits)
                if (c >= 0 && c < p.numClbits)
                    clbitUsed[size_t(c)] = 1;
        } else if (const auto* m = std::get_if<MeasureStep>(&s)) {
            const bool clbitFree = m->clbit < 0 || !clbitUsed[size_t(m->clbit)];
            if (!inBranch[i] && !qubitUsed[size_t(m->qubit)] && clbitFree) {
                drop[i] = 1;
                if (m->clbit >= 0)
                    terminalReversed.emplace_back(m->qubit, m->clbit);
            }
            qubitUsed[size_t(m->qubit)] = 1;
            if (m->clbit >= 0)
                clbitUsed[size_t(m->clbit)] = 1;
        }
    }
    Deferred d;
    d.program = p;
    d.program.steps.clear();
    std::vector<int> newIndex(n + 1, 0);
    for (size_t i = 0; i < n; ++i) {
        newIndex[i] = int(d.program.steps.size());
        if (!drop[i])
            d.program.steps.push_back(p.steps[i]);
    }
    newIndex[n] = int(d.program.steps.size());
    for (Step& s : d.program.steps) {
        if (auto* b = std::get_if<BranchStep>(&s))
            b->target = newIndex[size_t(b->target)];
        if (auto* j = std::get_if<JumpStep>(&s))
            j->target = newIndex[size_t(j->target)];
    }
    d.terminal.assign(terminalReversed.rbegin(), terminalReversed.rend());
    return d;
}

double denseEstimate(int k) { return k == 1 ? 1.0 : k == 2 ? 2.4 : 0.65 * double(1 << k); }

bool isDiagonalKernel(const GateKernel& g)
{
    return g.kind == GateKernel::Kind::Diagonal
        || (g.kind == GateKernel::Kind::Matrix1 && (g.m2.shape == simd::Shape::Diagonal || g.m2.shape == simd::Shape::Identity));
}

PreparedStep prepareBlock(const Program& program, const FusionItem& item)
{
    PreparedStep step;
    step.kind = PreparedStep::Kind::Gates;
    std::vector<GateKernel> parts;
    for (int index : item.steps) {
        const auto& u = std::get<UnitaryStep>(program.steps[size_t(index)]);
        step.sourceGates += u.sourceGates;
        GateKernel g = classifyGate(u.matrix.data.data(), u.qubits.data(), int(u.qubits.size()));
        if (g.kind == GateKernel::Kind::Matrix1 && !parts.empty() && parts.back().kind == GateKernel::Kind::Matrix1
            && parts.back().qubits[0] == g.qubits[0]) {
            // Consecutive 1-qubit gates on one qubit: one matrix.
            const Complex* a = g.m2.c;
            const Complex* b = parts.back().m2.c;
            const Complex prod[4] = {a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
                                     a[2] * b[1] + a[3] * b[3]};
            parts.back().m2 = simd::Mat2(prod);
            continue;
        }
        parts.push_back(std::move(g));
    }
    parts.erase(std::remove_if(parts.begin(), parts.end(),
                               [](const GateKernel& g) {
                                   return g.kind == GateKernel::Kind::Matrix1 && g.m2.shape == simd::Shape::Identity;
                               }),
                parts.end());
    if (parts.size() <= 1) {
        step.kernels = std::move(parts);
        return step;
    }
    double sequence = 0;
    bool allDiagonal = true;
    for (const GateKernel& g : parts) {
        sequence += g.cost() + 0.08;
        allDiagonal = allDiagonal && isDiagonalKernel(g);
    }
    const int k = int(item.qubits.size());
    if (k <= 6 && (allDiagonal || denseEstimate(k) < sequence)) {
        const Matrix m = fusedMatrix(program, item);
        GateKernel dense = classifyGate(m.data.data(), item.qubits.data(), k);
        if (dense.cost() <= sequence) {
            step.kernels.push_back(std::move(dense));
            return step;
        }
    }
    step.kernels = std::move(parts);
    step.tiled = true;
    return step;
}

} // namespace

PreparedProgram prepareProgram(const Program& program, int fusionMaxQubits)
{
    PreparedProgram P;
    P.numQubits = program.numQubits;
    P.numClbits = program.numClbits;
    P.hasMeasurements = program.hasMeasurements;
    P.sourceGates = program.sourceGates;
    P.globalPhase = program.globalPhase;
    Deferred d = deferMeasurements(program);
    P.terminal = std::move(d.terminal);
    const Program& p = d.program;
    std::vector<FusionItem> items;
    if (fusionMaxQubits >= 2) {
        items = planFusion(p, fusionMaxQubits);
    } else {
        for (size_t i = 0; i < p.steps.size(); ++i) {
            FusionItem item{{int(i)}, {}};
            if (const auto* u = std::get_if<UnitaryStep>(&p.steps[i])) {
                item.qubits = u->qubits;
                std::sort(item.qubits.begin(), item.qubits.end());
            }
            items.push_back(std::move(item));
        }
    }
    const std::vector<int> target = remapTargets(items, int(p.steps.size()));
    for (const FusionItem& item : items) {
        if (item.isBlock()) {
            P.steps.push_back(prepareBlock(p, item));
            ++P.unitarySteps;
            continue;
        }
        PreparedStep s;
        const Step& src = p.steps[size_t(item.steps.front())];
        if (const auto* m = std::get_if<MeasureStep>(&src)) {
            s.kind = PreparedStep::Kind::Measure;
            s.qubit = m->qubit;
            s.clbit = m->clbit;
        } else if (const auto* r = std::get_if<ResetStep>(&src)) {
            s.kind = PreparedStep::Kind::Reset;
            s.qubit = r->qubit;
        } else if (const auto* b = std::get_if<BranchStep>(&src)) {
            s.kind = PreparedStep::Kind::Branch;
            s.condition = b->condition;
            s.target = target[size_t(b->target)];
        } else if (const auto* j = std::get_if<JumpStep>(&src)) {
            s.kind = PreparedStep::Kind::Jump;
            s.target = target[size_t(j->target)];
        }
        P.pure = false;
        P.steps.push_back(std::move(s));
    }
    return P;
}

// ---- execution -------------------------------------------------------------------------------

namespace {

std::uint64_t childStream(std::uint64_t parent, int step, int outcome)
{
    return mix64(parent ^ mix64(0x5851F42D4C957F2Dull * (std::uint64_t(step) * 2 + std::uint64_t(outcome) + 1)));
}

class Runner {
public:
    Runner(const PreparedProgram& P, const SimOptions& o, int threads) : P(P), o(o), threads(threads) {}

    Result<SimResult> run()
    {
        SimResult r;
        r.method = Method::StateVector;
        r.numQubits = P.numQubits;
        r.numClbits = P.numClbits;
        r.shots = std::max(0, o.shots);
        r.seed = o.seed;
        r.fusedBlocks = P.unitarySteps;
        r.sourceGates = P.sourceGates;
        if (o.wantStatevector && !P.pure)
            return Error{"the final state vector exists only for circuits without mid-circuit measurement, reset or "
                         "classically controlled operations; ask for counts or probabilities instead"};
        double need = stateBytes(P.numQubits, false) * (o.wantStatevector ? 2.0 : 1.0);
        if (o.wantProbabilities) {
            probabilityBits = P.hasMeasurements ? P.numClbits : P.numQubits;
            if (probabilityBits > kMaxProbabilityBits)
                return Error{"exact probabilities over " + std::to_string(probabilityBits) + " bits would need "
                             + formatBytes(8.0 * std::ldexp(1.0, probabilityBits)) + "; ask for counts instead"};
            need += 8.0 * std::ldexp(1.0, probabilityBits);
        }
        const double available = availableMemoryBytes();
        if (need > available || P.numQubits > 40)
            return memoryError(P.numQubits, need, available);
        if (o.wantProbabilities)
            probabilities.assign(std::size_t(1) << probabilityBits, 0.0);
        effectiveTerminal();

        auto state = StateBuffer::allocate(P.numQubits, threads);
        if (!state)
            return state.error();
        const std::string bits(size_t(P.numClbits), '0');
        if (auto e = execute(state.value(), 0, bits, 1.0, r.shots, StreamFinalSampling, 0.0, 1.0))
            return *e;
        if (o.wantStatevector) {
            r.statevector.resize(state.value().size());
            copyAmplitudes(r.statevector.data(), state.value().data(), r.statevector.size(), threads);
            if (P.globalPhase != Complex(1))
                for (Complex& a : r.statevector)
                    a *= P.globalPhase;
        }
        r.counts = std::move(counts);
        r.probabilities = std::move(probabilities);
        report(1.0, true);
        return r;
    }

private:
    const PreparedProgram& P;
    const SimOptions& o;
    const int threads;
    int probabilityBits = 0;
    std::map<std::string, int> counts;
    std::vector<double> probabilities;
    std::vector<int> finalQubits, finalClbits; // the terminal measurements that decide each bit
    std::size_t leaves = 0;
    double lastReported = -1;

    bool cancelled() const { return o.cancel && o.cancel->load(std::memory_order_relaxed); }

    void report(double f, bool force = false)
    {
        if (!o.progress)
            return;
        f = std::clamp(f, 0.0, 1.0);
        if (force || f >= lastReported + 0.002) {
            lastReported = f;
            o.progress(f);
        }
    }

    void effectiveTerminal()
    {
        std::vector<int> qubitOf(size_t(P.numClbits), -1);
        for (const auto& [q, c] : P.terminal)
            qubitOf[size_t(c)] = q;
        for (int c = 0; c < P.numClbits; ++c)
            if (qubitOf[size_t(c)] >= 0) {
                finalQubits.push_back(qubitOf[size_t(c)]);
                finalClbits.push_back(c);
            }
    }

    bool conditionHolds(const Condition& c, const std::string& bits) const
    {
        std::uint64_t v = 0;
        for (size_t i = 0; i < c.bits.size() && i < 64; ++i)
            if (bits[size_t(P.numClbits - 1 - c.bits[i])] == '1')
                v |= std::uint64_t(1) << i;
        return v == c.value;
    }

    void applyGates(StateBuffer& s, const PreparedStep& st) const
    {
        if (st.kernels.empty())
            return;
        if (st.tiled)
            applyTiled(s.data(), P.numQubits, st.kernels.data(), int(st.kernels.size()), threads);
        else
            applyKernel(s.data(), P.numQubits, st.kernels.front(), threads);
    }

    void applyOutcome(StateBuffer& s, const PreparedStep& st, int outcome, double p) const
    {
        collapse(s.data(), P.numQubits, st.qubit, outcome, p, threads);
        if (st.kind == PreparedStep::Kind::Reset && outcome == 1) {
            static const Complex x[4] = {0, 1, 1, 0};
            applyMatrix1(s.data(), P.numQubits, st.qubit, x, threads);
        }
    }

    // Runs the program from `pc` on `s` (consumed); progress moves from lo to hi.
    std::optional<Error> execute(StateBuffer& s, int pc, std::string bits, double weight, int shots,
                                 std::uint64_t stream, double lo, double hi)
    {
        const int total = int(P.steps.size());
        int anchor = pc;
        auto position = [&](int at) { return lo + (hi - lo) * double(at - anchor) / double(std::max(1, total - anchor)); };
        while (pc < total) {
            if (cancelled())
                return Error{"cancelled"};
            const PreparedStep& st = P.steps[size_t(pc)];
            switch (st.kind) {
            case PreparedStep::Kind::Gates:
                applyGates(s, st);
                ++pc;
                break;
            case PreparedStep::Kind::Branch:
                pc = conditionHolds(st.condition, bits) ? pc + 1 : st.target;
                break;
            case PreparedStep::Kind::Jump:
                pc = st.target;
                break;
            case PreparedStep::Kind::Measure:
            case PreparedStep::Kind::Reset: {
                const double p1 = std::clamp(probabilityOfOne(s.data(), P.numQubits, st.qubit, threads), 0.0, 1.0);
                const double p[2] = {1.0 - p1, p1};
                int n1 = 0;
                for (int j = 0; j < shots; ++j)
                    n1 += uniform01(o.seed, stream, std::uint64_t(j)) < p1 ? 1 : 0;
                int count[2] = {shots - n1, n1};
                bool follow[2];
                for (int b = 0; b < 2; ++b)
                    follow[b] = p[b] > kNegligible && (count[b] > 0 || o.wantProbabilities);
                for (int b = 0; b < 2; ++b)
                    if (!(p[b] > kNegligible) && count[b] > 0) { // rounding: give them to the other side
                        count[1 - b] += count[b];
                        count[b] = 0;
                        follow[1 - b] = true;
                    }
                if (!follow[0] && !follow[1])
                    return std::nullopt; // nothing downstream is wanted
                const bool record = st.kind == PreparedStep::Kind::Measure && st.clbit >= 0;
                const size_t bitPos = record ? size_t(P.numClbits - 1 - st.clbit) : 0;
                if (follow[0] && follow[1]) {
                    const int first = (count[0] < count[1] || (count[0] == count[1] && p[0] <= p[1])) ? 0 : 1;
                    const double here = position(pc);
                    const double share = shots > 0 ? double(count[first]) / double(shots) : p[first];
                    const double split = here + (hi - here) * share;
                    const double available = availableMemoryBytes();
                    if (stateBytes(P.numQubits, false) > available)
                        return memoryError(P.numQubits, stateBytes(P.numQubits, false), available,
                                           " for another copy of the state (to follow both outcomes of a measurement)");
                    auto copy = s.clone(threads);
                    if (!copy)
                        return copy.error();
                    applyOutcome(copy.value(), st, first, p[first]);
                    std::string firstBits = bits;
                    if (record)
                        firstBits[bitPos] = char('0' + first);
                    if (auto e = execute(copy.value(), pc + 1, std::move(firstBits), weight * p[first], count[first],
                                         childStream(stream, pc, first), here, split))
                        return e;
                    copy = StateBuffer(); // free before continuing
                    const int second = 1 - first;
                    applyOutcome(s, st, second, p[second]);
                    if (record)
                        bits[bitPos] = char('0' + second);
                    weight *= p[second];
                    shots = count[second];
                    stream = childStream(stream, pc, second);
                    lo = split;
                    anchor = pc + 1;
                } else {
                    const int only = follow[0] ? 0 : 1;
                    applyOutcome(s, st, only, p[only]);
                    if (record)
                        bits[bitPos] = char('0' + only);
                    weight *= p[only];
                    shots = count[only];
                    stream = childStream(stream, pc, only);
                }
                ++pc;
                break;
            }
            }
            report(position(pc));
        }
        return leaf(s, bits, weight, shots, stream, hi);
    }

    std::optional<Error> leaf(const StateBuffer& s, const std::string& bits, double weight, int shots,
                              std::uint64_t stream, double hi)
    {
        ++leaves;
        if (o.wantProbabilities && leaves > kMaxExactBranches)
            return Error{"exact probabilities for this circuit need more than " + std::to_string(kMaxExactBranches)
                         + " measurement branches; ask for counts instead"};
        const int n = P.numQubits;
        if (shots > 0 && P.hasMeasurements && finalQubits.empty()) {
            counts[bits] += shots; // every bit was decided mid-circuit
        } else if (shots > 0) {
            const auto histogram = sampleHistogram(s.data(), n, shots, o.seed, stream, threads);
            if (counts.empty() && !P.hasMeasurements) {
                for (const auto& [index, k] : histogram) // keys arrive in increasing order
                    counts.emplace_hint(counts.end(), bitstring(index, n), k);
            } else {
                for (const auto& [index, k] : histogram) // usually increasing: hint the end
                    counts.emplace_hint(counts.end(), keyOf(bits, index), 0)->second += k;
            }
        }
        if (o.wantProbabilities) {
            if (!P.hasMeasurements) {
                for (std::size_t i = 0; i < s.size(); ++i)
                    probabilities[i] += weight * std::norm(s.data()[i]);
            } else {
                std::uint64_t base = 0;
                for (int c = 0; c < P.numClbits; ++c)
                    if (bits[size_t(P.numClbits - 1 - c)] == '1')
                        base |= std::uint64_t(1) << c;
                for (int c : finalClbits)
                    base &= ~(std::uint64_t(1) << c);
                const std::vector<double> m = marginalProbabilities(s.data(), n, finalQubits, threads);
                for (std::size_t outcome = 0; outcome < m.size(); ++outcome) {
                    std::uint64_t index = base;
                    for (size_t b = 0; b < finalClbits.size(); ++b)
                        if (outcome >> b & 1)
                            index |= std::uint64_t(1) << finalClbits[b];
                    probabilities[index] += weight * m[outcome];
                }
            }
        }
        report(hi);
        return std::nullopt;
    }

    std::string keyOf(const std::string& bits, std::uint64_t index) const
    {
        if (!P.hasMeasurements)
            return bitstring(index, P.numQubits);
        std::string key = bits;
        for (size_t b = 0; b < finalClbits.size(); ++b)
            key[size_t(P.numClbits - 1 - finalClbits[b])] = (index >> finalQubits[b] & 1) ? '1' : '0';
        return key;
    }
};

} // namespace

bool applyUnitarySteps(const PreparedProgram& program, Complex* amp, int threads)
{
    if (!program.pure)
        return false;
    for (const PreparedStep& st : program.steps) {
        if (st.kernels.empty())
            continue;
        if (st.tiled)
            applyTiled(amp, program.numQubits, st.kernels.data(), int(st.kernels.size()), threads);
        else
            applyKernel(amp, program.numQubits, st.kernels.front(), threads);
    }
    return true;
}

Result<SimResult> runStateVector(const PreparedProgram& program, const SimOptions& options, int threads)
{
    return Runner(program, options, std::max(1, threads)).run();
}

} // namespace qpilot::sim::detail
