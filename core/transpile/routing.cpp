// core/transpile/routing.cpp — SABRE routing (Li, Ding, Xie, "Tackling the qubit mapping
// problem for NISQ-era quantum devices", ASPLOS 2019): execute every gate whose qubits are
// coupled under the current layout; otherwise insert the swap (on an edge touching the front
// layer) minimising  max(decay) · (mean front distance + W · mean extended-set distance),
// ties broken by a splitmix64 stream seeded from the options. The distance matrix is
// precomputed (CouplingMap), the front layer is kept incrementally and the per-step work
// reuses buffers. A release valve walks the nearest front gate together along a shortest path
// if no gate executes for many swaps, so routing always terminates.
#include "core/transpile/transpile.h"
#include "core/transpile/transpile_util.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qpilot {

namespace {

struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % std::uint64_t(n)); }
};

void collectPairs(const std::vector<Operation>& ops, std::vector<std::pair<int, int>>& pairs)
{
    for (const Operation& o : ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            if (g->qubits.size() == 2) {
                std::pair<int, int> p{std::min(g->qubits[0], g->qubits[1]), std::max(g->qubits[0], g->qubits[1])};
                if (std::find(pairs.begin(), pairs.end(), p) == pairs.end())
                    pairs.push_back(p);
            }
        } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
            collectPairs(ie->thenOps, pairs);
            collectPairs(ie->elseOps, pairs);
        }
    }
}

void clbitsOf(const Operation& o, std::vector<int>& out)
{
    if (const auto* m = std::get_if<MeasureOp>(&o.op)) {
        if (m->clbit >= 0)
            out.push_back(m->clbit);
    } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
        out.insert(out.end(), ie->condition.bits.begin(), ie->condition.bits.end());
        for (const auto* body : {&ie->thenOps, &ie->elseOps})
            for (const Operation& b : *body)
                clbitsOf(b, out);
    }
}

Operation mapOperation(const Operation& o, const std::vector<int>& l2p)
{
    Operation out = o;
    std::visit(
        [&](auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, GateOp> || std::is_same_v<T, BarrierOp> || std::is_same_v<T, DelayOp>) {
                for (int& q : x.qubits)
                    q = l2p[size_t(q)];
            } else if constexpr (std::is_same_v<T, MeasureOp> || std::is_same_v<T, ResetOp>) {
                x.qubit = l2p[size_t(x.qubit)];
            } else {
                for (auto* body : {&x.thenOps, &x.elseOps})
                    for (Operation& b : *body)
                        b = mapOperation(b, l2p);
            }
        },
        out.op);
    return out;
}

struct Node {
    int a = -1, b = -1;            // logical pair for routing-relevant nodes, else -1
    std::vector<int> successors;
    int predecessors = 0;
};

} // namespace

Result<RoutedCircuit> routeSabre(const Circuit& circuit, const CouplingMap& map, const std::vector<int>& initialLayout,
                                 const RoutingOptions& options)
{
    const int n = circuit.numQubits();
    const int N = map.numQubits;
    if (n > N)
        return Error{"the circuit has " + std::to_string(n) + " qubits but the device has only " + std::to_string(N)};
    if (int(initialLayout.size()) != n)
        return Error{"internal error: layout size does not match the circuit"};
    if (!map.connected())
        return Error{"the device's coupling map is disconnected; Qpilot routes on connected coupling maps only"};

    // Full virtual ↔ physical layout: logical qubits first, then ancillas on the free qubits.
    std::vector<int> l2p(size_t(N), -1), p2l(size_t(N), -1);
    for (int l = 0; l < n; ++l) {
        const int p = initialLayout[size_t(l)];
        if (p < 0 || p >= N || p2l[size_t(p)] >= 0)
            return Error{"internal error: invalid initial layout"};
        l2p[size_t(l)] = p;
        p2l[size_t(p)] = l;
    }
    for (int v = n, p = 0; v < N; ++v) {
        while (p2l[size_t(p)] >= 0)
            ++p;
        l2p[size_t(v)] = p;
        p2l[size_t(p)] = v;
    }
    const std::vector<int> startP2l = p2l;

    // Dependency DAG over top-level operations (qubit and classical-bit wires).
    const std::vector<Operation>& ops = circuit.ops;
    std::vector<Node> nodes(ops.size());
    std::vector<int> lastOnQubit(size_t(n), -1), lastOnClbit(size_t(std::max(circuit.numClbits(), 0)), -1);
    std::vector<int> qs, cs;
    for (size_t i = 0; i < ops.size(); ++i) {
        const Operation& o = ops[i];
        qs = operationQubits(o);
        if (const auto* b = std::get_if<BarrierOp>(&o.op); b && b->qubits.empty())
            for (int q = 0; q < n; ++q)
                qs.push_back(q);
        cs.clear();
        clbitsOf(o, cs);
        std::vector<int> preds;
        for (int q : qs)
            if (lastOnQubit[size_t(q)] >= 0)
                preds.push_back(lastOnQubit[size_t(q)]);
        for (int c : cs)
            if (c < int(lastOnClbit.size()) && lastOnClbit[size_t(c)] >= 0)
                preds.push_back(lastOnClbit[size_t(c)]);
        std::sort(preds.begin(), preds.end());
        preds.erase(std::unique(preds.begin(), preds.end()), preds.end());
        for (int p : preds)
            nodes[size_t(p)].successors.push_back(int(i));
        nodes[i].predecessors = int(preds.size());
        for (int q : qs)
            lastOnQubit[size_t(q)] = int(i);
        for (int c : cs)
            if (c < int(lastOnClbit.size()))
                lastOnClbit[size_t(c)] = int(i);
        if (const auto* g = std::get_if<GateOp>(&o.op); g && g->qubits.size() == 2) {
            nodes[i].a = g->qubits[0];
            nodes[i].b = g->qubits[1];
        } else if (std::holds_alternative<IfElseOp>(o.op)) {
            std::vector<std::pair<int, int>> pairs;
            collectPairs({o}, pairs);
            if (pairs.size() == 1) {
                nodes[i].a = pairs[0].first;
                nodes[i].b = pairs[0].second;
            } else if (pairs.size() > 1) {
                nodes[i].a = -2; // several pairs: executable only when all are coupled
            }
        }
    }

    RoutedCircuit out;
    out.circuit.qregs = {Register{"q", 0, N, false}};
    out.circuit.cregs = circuit.cregs;
    out.circuit.ops.reserve(ops.size() + ops.size() / 2);
    out.initialLayout = initialLayout;

    auto coupledNow = [&](const Node& nd, size_t index) {
        if (nd.a == -2) {
            std::vector<std::pair<int, int>> pairs;
            collectPairs({ops[index]}, pairs);
            for (auto [x, y] : pairs)
                if (!map.coupled(l2p[size_t(x)], l2p[size_t(y)]))
                    return false;
            return true;
        }
        return nd.a < 0 || map.coupled(l2p[size_t(nd.a)], l2p[size_t(nd.b)]);
    };

    std::vector<int> ready, front, extended, stack;
    std::vector<int> remaining(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        remaining[i] = nodes[i].predecessors;
        if (remaining[i] == 0)
            ready.push_back(int(i));
    }
    std::vector<int> visitStamp(nodes.size(), 0);
    int stamp = 0;
    std::vector<double> decay(size_t(N), 1.0);
    std::vector<int> frontAt(size_t(N), -1), extTouched;
    std::vector<std::uint32_t> edgeStamp(size_t(N) * size_t(N), 0);
    std::uint32_t candidateStamp = 0;
    std::vector<std::vector<int>> extAt(static_cast<size_t>(N));
    std::vector<std::pair<int, int>> candidates, best;
    SplitMix64 rng{options.seed ^ 0x5AB4E5EEDull};
    int swapsSinceProgress = 0, swapsSinceReset = 0;
    size_t done = 0;

    auto applySwap = [&](int x, int y) {
        out.circuit.ops.push_back(makeGateOp(GateKind::Swap, {x, y}));
        const int vx = p2l[size_t(x)], vy = p2l[size_t(y)];
        std::swap(p2l[size_t(x)], p2l[size_t(y)]);
        l2p[size_t(vx)] = y;
        l2p[size_t(vy)] = x;
        ++out.swaps;
        ++swapsSinceProgress;
    };

    while (done < nodes.size()) {
        // Execute everything executable.
        bool progress = true;
        while (progress) {
            progress = false;
            front.clear();
            for (size_t k = 0; k < ready.size(); ++k) {
                const int i = ready[k];
                if (!coupledNow(nodes[size_t(i)], size_t(i))) {
                    front.push_back(i);
                    continue;
                }
                out.circuit.ops.push_back(mapOperation(ops[size_t(i)], l2p));
                ++done;
                progress = true;
                for (int s : nodes[size_t(i)].successors)
                    if (--remaining[size_t(s)] == 0)
                        ready.push_back(s);
            }
            ready.swap(front);
        }
        front = ready;
        if (front.empty())
            break;
        for (int i : front)
            if (nodes[size_t(i)].a == -2)
                return Error{"an if/else block uses two-qubit gates on several qubit pairs that are not all coupled "
                             "under the current layout; the router does not insert swaps inside conditional blocks"};

        // Release valve: no gate executed for many swaps → bring the closest front pair together.
        if (swapsSinceProgress > 4 * N + 20) {
            int pick = front[0];
            for (int i : front)
                if (map.dist(l2p[size_t(nodes[size_t(i)].a)], l2p[size_t(nodes[size_t(i)].b)])
                    < map.dist(l2p[size_t(nodes[size_t(pick)].a)], l2p[size_t(nodes[size_t(pick)].b)]))
                    pick = i;
            int pa = l2p[size_t(nodes[size_t(pick)].a)];
            const int pb = l2p[size_t(nodes[size_t(pick)].b)];
            while (map.dist(pa, pb) > 1) {
                int step = -1;
                for (int w : map.neighbours[size_t(pa)])
                    if (map.dist(w, pb) == map.dist(pa, pb) - 1) {
                        step = w;
                        break;
                    }
                applySwap(pa, step);
                pa = step;
            }
            swapsSinceProgress = 0;
            std::fill(decay.begin(), decay.end(), 1.0);
            continue;
        }

        // Extended set: the next two-qubit nodes after the front layer.
        extended.clear();
        ++stamp;
        stack.assign(front.begin(), front.end());
        for (size_t k = 0; k < stack.size() && int(extended.size()) < options.extendedSize; ++k)
            for (int s : nodes[size_t(stack[k])].successors) {
                if (visitStamp[size_t(s)] == stamp)
                    continue;
                visitStamp[size_t(s)] = stamp;
                if (nodes[size_t(s)].a >= 0) {
                    extended.push_back(s);
                    if (int(extended.size()) >= options.extendedSize)
                        break;
                }
                stack.push_back(s);
            }

        // Candidate swaps: edges touching a physical qubit of a front gate.
        candidates.clear();
        ++candidateStamp;
        for (int i : front)
            for (int v : {nodes[size_t(i)].a, nodes[size_t(i)].b}) {
                const int p = l2p[size_t(v)];
                for (int w : map.neighbours[size_t(p)]) {
                    const size_t key = size_t(std::min(p, w)) * size_t(N) + size_t(std::max(p, w));
                    if (edgeStamp[key] == candidateStamp)
                        continue;
                    edgeStamp[key] = candidateStamp;
                    candidates.emplace_back(std::min(p, w), std::max(p, w));
                }
            }

        // Score each candidate incrementally: only gates on the two swapped qubits change.
        // frontAt[p]: the front gate on physical p (front gates are disjoint); extAt: the
        // extended-set gates per physical qubit (a flat list per touched qubit).
        auto gateDist = [&](int node) {
            return map.dist(l2p[size_t(nodes[size_t(node)].a)], l2p[size_t(nodes[size_t(node)].b)]);
        };
        auto distAfter = [&](int node, int x, int y) {
            int pa = l2p[size_t(nodes[size_t(node)].a)], pb = l2p[size_t(nodes[size_t(node)].b)];
            pa = pa == x ? y : pa == y ? x : pa;
            pb = pb == x ? y : pb == y ? x : pb;
            return map.dist(pa, pb);
        };
        double frontSum = 0, extSum = 0;
        for (int i : front) {
            frontSum += gateDist(i);
            frontAt[size_t(l2p[size_t(nodes[size_t(i)].a)])] = i;
            frontAt[size_t(l2p[size_t(nodes[size_t(i)].b)])] = i;
        }
        for (int i : extended) {
            extSum += gateDist(i);
            for (int v : {nodes[size_t(i)].a, nodes[size_t(i)].b}) {
                const int p = l2p[size_t(v)];
                if (extAt[size_t(p)].empty())
                    extTouched.push_back(p);
                extAt[size_t(p)].push_back(i);
            }
        }
        double bestScore = std::numeric_limits<double>::infinity();
        best.clear();
        for (auto [x, y] : candidates) {
            double f = frontSum, e = extSum;
            const int fx = frontAt[size_t(x)], fy = frontAt[size_t(y)];
            if (fx >= 0)
                f += distAfter(fx, x, y) - gateDist(fx);
            if (fy >= 0 && fy != fx)
                f += distAfter(fy, x, y) - gateDist(fy);
            for (int i : extAt[size_t(x)])
                e += distAfter(i, x, y) - gateDist(i);
            for (int i : extAt[size_t(y)]) {
                const bool counted = std::find(extAt[size_t(x)].begin(), extAt[size_t(x)].end(), i) != extAt[size_t(x)].end();
                if (!counted)
                    e += distAfter(i, x, y) - gateDist(i);
            }
            double score = f / double(front.size());
            if (!extended.empty())
                score += options.extendedWeight * e / double(extended.size());
            score *= std::max(decay[size_t(x)], decay[size_t(y)]);
            if (score < bestScore - 1e-12) {
                bestScore = score;
                best.assign(1, {x, y});
            } else if (score <= bestScore + 1e-12) {
                best.emplace_back(x, y);
            }
        }
        for (int i : front) {
            frontAt[size_t(l2p[size_t(nodes[size_t(i)].a)])] = -1;
            frontAt[size_t(l2p[size_t(nodes[size_t(i)].b)])] = -1;
        }
        for (int p : extTouched)
            extAt[size_t(p)].clear();
        extTouched.clear();
        const auto [x, y] = best[size_t(best.size() == 1 ? 0 : rng.below(int(best.size())))];
        applySwap(x, y);
        decay[size_t(x)] += options.decayDelta;
        decay[size_t(y)] += options.decayDelta;
        if (++swapsSinceReset % std::max(options.decayReset, 1) == 0)
            std::fill(decay.begin(), decay.end(), 1.0);
        // A swap that makes a front gate executable counts as progress for the valve.
        for (int i : front)
            if (coupledNow(nodes[size_t(i)], size_t(i))) {
                swapsSinceProgress = 0;
                std::fill(decay.begin(), decay.end(), 1.0);
                break;
            }
    }

    out.finalLayout.resize(size_t(n));
    for (int l = 0; l < n; ++l)
        out.finalLayout[size_t(l)] = l2p[size_t(l)];
    out.permutation.resize(size_t(N));
    for (int p = 0; p < N; ++p)
        out.permutation[size_t(p)] = l2p[size_t(startP2l[size_t(p)])];
    return out;
}

} // namespace qpilot
