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

Result<std::vector<std::pair<int, int>>> heavyHexCouplers(int qubits)
{
    // Rows of `rowLength` qubits joined by layers of 4 bridge qubits; bridge layer k joins
    // column c of row k to column c of row k+1, c in {offset[k%2] + 4j}. Numbering runs
    // row 0, bridge layer 0, row 1, ... Eagle trims the last column of the first row and
    // the first column of the last row; Heron r1 ends with a dangling bridge layer.
    struct Shape {
        int rows, rowLength, offsetEven, offsetOdd;
        bool eagleTrim, danglingLast;
    };
    Shape shape{};
    if (qubits == 127)
        shape = {7, 15, 0, 2, true, false};
    else if (qubits == 133)
        shape = {7, 15, 0, 2, false, true};
    else if (qubits == 156)
        shape = {8, 16, 3, 1, false, false};
    else
        return Error{"no heavy-hex layout for " + std::to_string(qubits) +
                     " qubits: IBM's heavy-hex processors have 127 (Eagle), 133 (Heron r1) or 156 (Heron r2/r3) qubits; "
                     "give the coupling map explicitly (\"couplers\") for other sizes"};

    auto bridgeColumns = [&](int layer) {
        std::vector<int> cols;
        for (int c = layer % 2 == 0 ? shape.offsetEven : shape.offsetOdd; c < shape.rowLength; c += 4)
            cols.push_back(c);
        return cols;
    };
    // Number the qubits: row r's qubit at column c, then the bridge layer below row r.
    std::vector<std::vector<int>> rowQubit(size_t(shape.rows), std::vector<int>(size_t(shape.rowLength), -1));
    std::vector<std::vector<int>> bridgeQubit(size_t(shape.rows));
    int next = 0;
    for (int r = 0; r < shape.rows; ++r) {
        const int first = shape.eagleTrim && r == shape.rows - 1 ? 1 : 0;
        const int last = shape.eagleTrim && r == 0 ? shape.rowLength - 2 : shape.rowLength - 1;
        for (int c = first; c <= last; ++c)
            rowQubit[size_t(r)][size_t(c)] = next++;
        if (r + 1 < shape.rows || shape.danglingLast)
            for (size_t j = 0; j < bridgeColumns(r).size(); ++j)
                bridgeQubit[size_t(r)].push_back(next++);
    }
    std::vector<std::pair<int, int>> edges;
    for (int r = 0; r < shape.rows; ++r) {
        const auto& row = rowQubit[size_t(r)];
        for (int c = 0; c + 1 < shape.rowLength; ++c)
            if (row[size_t(c)] >= 0 && row[size_t(c + 1)] >= 0)
                edges.emplace_back(row[size_t(c)], row[size_t(c + 1)]);
        const auto cols = bridgeColumns(r);
        for (size_t j = 0; j < bridgeQubit[size_t(r)].size(); ++j) {
            const int bridge = bridgeQubit[size_t(r)][j];
            edges.emplace_back(row[size_t(cols[j])], bridge);
            if (r + 1 < shape.rows)
                edges.emplace_back(bridge, rowQubit[size_t(r + 1)][size_t(cols[j])]);
        }
    }
    for (auto& e : edges)
        if (e.first > e.second)
            std::swap(e.first, e.second);
    std::sort(edges.begin(), edges.end());
    return edges;
}

} // namespace qpilot
