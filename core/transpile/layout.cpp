// core/transpile/layout.cpp — initial layouts: trivial (logical i on physical i), dense (the
// most connected set of physical qubits, grown greedily from every start) and noise-aware
// (the same growth scored by two-qubit and readout error). Busy logical qubits are placed
// first, each where its interaction partners are closest.
#include "core/transpile/transpile.h"
#include "core/transpile/transpile_util.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qpilot {

const char* layoutMethodName(LayoutMethod m)
{
    switch (m) {
    case LayoutMethod::Trivial: return "trivial";
    case LayoutMethod::Dense: return "dense";
    case LayoutMethod::NoiseAware: return "noise";
    }
    return "trivial";
}

std::optional<LayoutMethod> layoutMethodByName(const std::string& name)
{
    for (LayoutMethod m : {LayoutMethod::Trivial, LayoutMethod::Dense, LayoutMethod::NoiseAware})
        if (name == layoutMethodName(m))
            return m;
    return std::nullopt;
}

namespace {

void countInteractions(const std::vector<Operation>& ops, int n, std::vector<double>& w)
{
    for (const Operation& o : ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            if (g->qubits.size() == 2) {
                const int a = g->qubits[0], b = g->qubits[1];
                w[size_t(a) * size_t(n) + size_t(b)] += 1;
                w[size_t(b) * size_t(n) + size_t(a)] += 1;
            }
        } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
            countInteractions(ie->thenOps, n, w);
            countInteractions(ie->elseOps, n, w);
        }
    }
}

struct Errors {
    std::vector<double> readout;  // per physical qubit (0 when unknown)
    std::vector<double> edge;     // N², two-qubit error (0 when unknown)
    bool any = false;
    double median2q = 0;
};

Errors deviceErrors(const DeviceProfile& device, const CouplingMap& map)
{
    const int N = map.numQubits;
    Errors e;
    e.readout.assign(size_t(N), 0);
    e.edge.assign(size_t(N) * size_t(N), 0);
    std::string twoQ;
    for (const char* name : {"cz", "ecr", "cx", "rzz", "zz", "ms", "iswap"})
        if (std::find(device.nativeGates.begin(), device.nativeGates.end(), name) != device.nativeGates.end()) {
            twoQ = name;
            break;
        }
    for (int q = 0; q < N; ++q) {
        const QubitCalibration c = qubitCalibration(device, q);
        if (c.readoutP0Given1 && c.readoutP1Given0) {
            e.readout[size_t(q)] = (*c.readoutP0Given1 + *c.readoutP1Given0) / 2;
            e.any = true;
        }
    }
    if (!twoQ.empty() && !map.allToAll) {
        for (int a = 0; a < N; ++a)
            for (int b : map.neighbours[size_t(a)]) {
                std::optional<double> r = gateError(device, twoQ, {a, b});
                if (!r)
                    r = gateError(device, twoQ, {b, a});
                if (r) {
                    e.edge[size_t(a) * size_t(N) + size_t(b)] = *r;
                    e.any = true;
                }
            }
    }
    e.median2q = device.gateError2q.value_or(0);
    return e;
}

// The best connected set of n physical qubits.
std::vector<int> chooseSubset(int n, const CouplingMap& map, const Errors& err, bool noise)
{
    const int N = map.numQubits;
    std::vector<int> best;
    double bestCost = std::numeric_limits<double>::infinity();
    std::vector<char> in(static_cast<size_t>(N));
    std::vector<int> links(static_cast<size_t>(N));
    for (int s = 0; s < N; ++s) {
        std::fill(in.begin(), in.end(), 0);
        std::fill(links.begin(), links.end(), 0);
        std::vector<int> set{s};
        in[size_t(s)] = 1;
        double cost = noise ? err.readout[size_t(s)] : 0;
        int edges = 0;
        for (int w : map.neighbours[size_t(s)])
            ++links[size_t(w)];
        while (int(set.size()) < n) {
            int pick = -1;
            double pickCost = std::numeric_limits<double>::infinity();
            for (int v : set)
                for (int w : map.neighbours[size_t(v)]) {
                    if (in[size_t(w)])
                        continue;
                    double c = -double(links[size_t(w)]);
                    if (noise) {
                        double e = std::numeric_limits<double>::infinity();
                        for (int x : map.neighbours[size_t(w)])
                            if (in[size_t(x)])
                                e = std::min(e, err.edge[size_t(w) * size_t(N) + size_t(x)]);
                        c = e + err.readout[size_t(w)] - 0.5 * err.median2q * double(links[size_t(w)] - 1);
                    }
                    if (c < pickCost - 1e-15 || (std::abs(c - pickCost) <= 1e-15 && w < pick)) {
                        pickCost = c;
                        pick = w;
                    }
                }
            if (pick < 0)
                break; // component too small
            in[size_t(pick)] = 1;
            set.push_back(pick);
            edges += links[size_t(pick)];
            cost += noise ? pickCost : 0;
            for (int w : map.neighbours[size_t(pick)])
                ++links[size_t(w)];
        }
        if (int(set.size()) < n)
            continue;
        const double total = noise ? cost : -double(edges);
        if (total < bestCost - 1e-15) {
            bestCost = total;
            best = set;
        }
    }
    return best;
}

} // namespace

Result<std::vector<int>> chooseLayout(const Circuit& circuit, const DeviceProfile& device, const CouplingMap& map,
                                      LayoutMethod method)
{
    const int n = circuit.numQubits();
    const int N = map.numQubits;
    if (n > N)
        return Error{"the circuit has " + std::to_string(n) + " qubits but device " + device.id + " has only "
                     + std::to_string(N)};
    std::vector<int> layout(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        layout[size_t(i)] = i;
    if (method == LayoutMethod::Trivial || n == 0)
        return layout;

    const Errors err = deviceErrors(device, map);
    const bool noise = method == LayoutMethod::NoiseAware && err.any;
    std::vector<int> subset;
    if (map.allToAll) {
        subset.resize(size_t(N));
        for (int p = 0; p < N; ++p)
            subset[size_t(p)] = p;
        if (noise)
            std::stable_sort(subset.begin(), subset.end(),
                             [&](int a, int b) { return err.readout[size_t(a)] < err.readout[size_t(b)]; });
        subset.resize(size_t(n));
    } else {
        subset = chooseSubset(n, map, err, noise);
        if (subset.empty())
            return Error{"device " + device.id + " has no connected set of " + std::to_string(n) + " qubits"};
    }

    std::vector<double> w(size_t(n) * size_t(n), 0);
    countInteractions(circuit.ops, n, w);
    std::vector<double> total(size_t(n), 0);
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b)
            total[size_t(a)] += w[size_t(a) * size_t(n) + size_t(b)];

    // Physical quality inside the subset: internal degree (and low error for noise-aware).
    auto quality = [&](int p) {
        double degree = 0;
        for (int s : subset)
            degree += map.coupled(p, s) ? 1 : 0;
        return degree - (noise ? 10 * err.readout[size_t(p)] : 0);
    };

    std::vector<int> place(size_t(n), -1);
    std::vector<char> used(size_t(N), 0), placed(size_t(n), 0);
    for (int step = 0; step < n; ++step) {
        // Next logical: most weight to placed ones, then most total weight, then lowest index.
        int l = -1;
        double lw = -1, lt = -1;
        for (int c = 0; c < n; ++c) {
            if (placed[size_t(c)])
                continue;
            double toPlaced = 0;
            for (int d = 0; d < n; ++d)
                if (placed[size_t(d)])
                    toPlaced += w[size_t(c) * size_t(n) + size_t(d)];
            if (toPlaced > lw || (toPlaced == lw && total[size_t(c)] > lt)) {
                l = c;
                lw = toPlaced;
                lt = total[size_t(c)];
            }
        }
        int bestP = -1;
        double bestCost = std::numeric_limits<double>::infinity();
        for (int p : subset) {
            if (used[size_t(p)])
                continue;
            double cost = 0;
            for (int d = 0; d < n; ++d)
                if (placed[size_t(d)])
                    cost += w[size_t(l) * size_t(n) + size_t(d)] * double(map.dist(p, place[size_t(d)]));
            cost -= 1e-3 * quality(p);
            if (cost < bestCost - 1e-12) {
                bestCost = cost;
                bestP = p;
            }
        }
        place[size_t(l)] = bestP;
        used[size_t(bestP)] = 1;
        placed[size_t(l)] = 1;
    }
    return place;
}

} // namespace qpilot
