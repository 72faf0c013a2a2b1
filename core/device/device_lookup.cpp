// core/device/device_lookup.cpp — questions asked of a device profile: which pairs are coupled,
// which operand order a native 2q gate allows, a gate's error and duration on given qubits
// (per-gate calibration, else the median), a qubit's calibration with medians filled in, and
// the line and square-lattice topology generators.
#include "core/device/device.h"

#include <algorithm>

namespace qpilot {

namespace {

bool sameQubits(const GateCalibration& g, const std::vector<int>& qubits, bool ordered)
{
    if (g.qubits.size() != qubits.size())
        return false;
    if (g.qubits == qubits)
        return true;
    return !ordered && qubits.size() == 2 && g.qubits[0] == qubits[1] && g.qubits[1] == qubits[0];
}

const GateCalibration* findCalibration(const DeviceProfile& device, const std::string& gate,
                                       const std::vector<int>& qubits)
{
    for (const GateCalibration& g : device.gates)
        if (g.gate == gate && sameQubits(g, qubits, device.directed))
            return &g;
    return nullptr;
}

} // namespace

std::vector<std::pair<int, int>> undirectedEdges(const DeviceProfile& device)
{
    std::vector<std::pair<int, int>> edges;
    if (device.allToAll) {
        edges.reserve(size_t(device.numQubits) * size_t(std::max(device.numQubits - 1, 0)) / 2);
        for (int a = 0; a < device.numQubits; ++a)
            for (int b = a + 1; b < device.numQubits; ++b)
                edges.emplace_back(a, b);
        return edges;
    }
    edges.reserve(device.couplers.size());
    for (auto [a, b] : device.couplers)
        edges.emplace_back(std::min(a, b), std::max(a, b));
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    return edges;
}

bool allowsTwoQubitGate(const DeviceProfile& device, int a, int b)
{
    if (a == b || a < 0 || b < 0 || a >= device.numQubits || b >= device.numQubits)
        return false;
    if (device.allToAll)
        return true;
    for (auto [x, y] : device.couplers) {
        if (x == a && y == b)
            return true;
        if (!device.directed && x == b && y == a)
            return true;
    }
    return false;
}

std::optional<double> gateError(const DeviceProfile& device, const std::string& gate, const std::vector<int>& qubits)
{
    if (const GateCalibration* g = findCalibration(device, gate, qubits); g && g->error)
        return g->error;
    if (qubits.size() == 1)
        return device.gateError1q;
    if (qubits.size() == 2)
        return device.gateError2q;
    return std::nullopt;
}

std::optional<double> gateDuration(const DeviceProfile& device, const std::string& gate, const std::vector<int>& qubits)
{
    if (const GateCalibration* g = findCalibration(device, gate, qubits); g && g->duration)
        return g->duration;
    if (qubits.size() == 1)
        return device.gateTime1q;
    if (qubits.size() == 2)
        return device.gateTime2q;
    return std::nullopt;
}

QubitCalibration qubitCalibration(const DeviceProfile& device, int qubit)
{
    QubitCalibration c = qubit >= 0 && qubit < int(device.qubits.size()) ? device.qubits[size_t(qubit)] : QubitCalibration{};
    if (!c.t1)
        c.t1 = device.t1;
    if (!c.t2)
        c.t2 = device.t2;
    if (!c.readoutP1Given0)
        c.readoutP1Given0 = device.readoutError;
    if (!c.readoutP0Given1)
        c.readoutP0Given1 = device.readoutError;
    return c;
}

std::vector<std::pair<int, int>> squareLatticeCouplers(int rows, int columns)
{
    std::vector<std::pair<int, int>> edges;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            const int q = r * columns + c;
            if (c + 1 < columns)
                edges.emplace_back(q, q + 1);
            if (r + 1 < rows)
                edges.emplace_back(q, q + columns);
        }
    std::sort(edges.begin(), edges.end());
    return edges;
}

std::vector<std::pair<int, int>> lineCouplers(int qubits)
{
    std::vector<std::pair<int, int>> edges;
    for (int q = 0; q + 1 < qubits; ++q)
        edges.emplace_back(q, q + 1);
    return edges;
}

} // namespace qpilot
