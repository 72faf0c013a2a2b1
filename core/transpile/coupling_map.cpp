// core/transpile/coupling_map.cpp — the coupling map the layout and router work on: adjacency,
// all-pairs BFS distances and the allowed operand order of the native 2q gate.
#include "core/transpile/transpile.h"

#include <algorithm>
#include <deque>

namespace qpilot {

bool CouplingMap::connected() const
{
    if (allToAll || numQubits <= 1)
        return true;
    for (int b = 0; b < numQubits; ++b)
        if (dist(0, b) < 0)
            return false;
    return true;
}

Result<CouplingMap> couplingMapFor(const DeviceProfile& device)
{
    CouplingMap m;
    const int n = device.numQubits;
    if (n <= 0)
        return Error{"device " + device.id + " has no qubits"};
    if (!device.allToAll && device.couplers.empty() && n > 1)
        return Error{"device " + device.id + " has no coupling map: its profile lists no couplers and is not all-to-all"};
    m.numQubits = n;
    m.allToAll = device.allToAll;
    m.directed = device.directed && !device.allToAll;
    m.neighbours.assign(size_t(n), {});
    m.distance.assign(size_t(n) * size_t(n), -1);
    m.forward.assign(size_t(n) * size_t(n), 0);
    if (device.allToAll) {
        for (int a = 0; a < n; ++a)
            for (int b = 0; b < n; ++b) {
                m.distance[size_t(a) * size_t(n) + size_t(b)] = a == b ? 0 : 1;
                m.forward[size_t(a) * size_t(n) + size_t(b)] = a != b;
                if (a != b)
                    m.neighbours[size_t(a)].push_back(b);
            }
        return m;
    }
    for (auto [a, b] : device.couplers) {
        if (a < 0 || b < 0 || a >= n || b >= n || a == b)
            return Error{"device " + device.id + ": coupler (" + std::to_string(a) + ", " + std::to_string(b)
                         + ") names a missing qubit (the device has " + std::to_string(n) + ")"};
        m.neighbours[size_t(a)].push_back(b);
        m.neighbours[size_t(b)].push_back(a);
        m.forward[size_t(a) * size_t(n) + size_t(b)] = 1;
        if (!m.directed)
            m.forward[size_t(b) * size_t(n) + size_t(a)] = 1;
    }
    for (auto& nb : m.neighbours) {
        std::sort(nb.begin(), nb.end());
        nb.erase(std::unique(nb.begin(), nb.end()), nb.end());
    }
    std::deque<int> queue;
    for (int s = 0; s < n; ++s) {
        int* row = &m.distance[size_t(s) * size_t(n)];
        row[s] = 0;
        queue.assign(1, s);
        while (!queue.empty()) {
            const int v = queue.front();
            queue.pop_front();
            for (int w : m.neighbours[size_t(v)])
                if (row[w] < 0) {
                    row[w] = row[v] + 1;
                    queue.push_back(w);
                }
        }
    }
    return m;
}

} // namespace qpilot
