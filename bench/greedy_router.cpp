// bench/greedy_router.cpp — the greedy shortest-path router (see greedy_router.h).
#include "greedy_router.h"

#include <numeric>

namespace qpilot::bench {

int greedyRouteSwaps(const Circuit& circuit, const CouplingMap& map)
{
    std::vector<int> l2p(size_t(map.numQubits)), p2l(size_t(map.numQubits));
    std::iota(l2p.begin(), l2p.end(), 0);
    std::iota(p2l.begin(), p2l.end(), 0);
    int swaps = 0;
    for (const Operation& o : circuit.ops) {
        const auto* g = std::get_if<GateOp>(&o.op);
        if (!g || g->qubits.size() != 2)
            continue;
        int pa = l2p[size_t(g->qubits[0])];
        const int pb = l2p[size_t(g->qubits[1])];
        while (map.dist(pa, pb) > 1) {
            int step = -1;
            for (int w : map.neighbours[size_t(pa)])
                if (map.dist(w, pb) == map.dist(pa, pb) - 1) {
                    step = w;
                    break;
                }
            const int la = p2l[size_t(pa)], lw = p2l[size_t(step)];
            std::swap(p2l[size_t(pa)], p2l[size_t(step)]);
            l2p[size_t(la)] = step;
            l2p[size_t(lw)] = pa;
            pa = step;
            ++swaps;
        }
    }
    return swaps;
}

} // namespace qpilot::bench
