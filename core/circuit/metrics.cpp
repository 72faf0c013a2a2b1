// core/circuit/metrics.cpp — depth, two-qubit depth and gate counts of a circuit as written.
#include "core/circuit/metrics.h"

#include <algorithm>

namespace qpilot {

namespace {

std::string gateLabel(const GateOp& g)
{
    std::string s;
    for (const Modifier& m : g.modifiers) {
        switch (m.kind) {
        case Modifier::Kind::Ctrl: s += m.count == 1 ? "ctrl@" : "ctrl(" + std::to_string(m.count) + ")@"; break;
        case Modifier::Kind::NegCtrl: s += m.count == 1 ? "negctrl@" : "negctrl(" + std::to_string(m.count) + ")@"; break;
        case Modifier::Kind::Inv: s += "inv@"; break;
        case Modifier::Kind::Pow: s += "pow@"; break;
        }
    }
    return s + (g.kind == GateKind::Custom ? g.name : gateInfo(g.kind).name);
}

struct Levels {
    std::vector<int> qubit, clbit;     // depth reached on each wire
    std::vector<int> qubit2, clbit2;   // two-qubit depth reached on each wire
};

struct Footprint {
    std::vector<int> qubits, clbits;
};

void addUnique(std::vector<int>& v, int x)
{
    if (x >= 0 && std::find(v.begin(), v.end(), x) == v.end())
        v.push_back(x);
}

void footprintOf(const std::vector<Operation>& ops, int numQubits, Footprint& fp)
{
    for (const Operation& o : ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            for (int q : g->qubits)
                addUnique(fp.qubits, q);
        } else if (const auto* m = std::get_if<MeasureOp>(&o.op)) {
            addUnique(fp.qubits, m->qubit);
            addUnique(fp.clbits, m->clbit);
        } else if (const auto* r = std::get_if<ResetOp>(&o.op)) {
            addUnique(fp.qubits, r->qubit);
        } else if (const auto* d = std::get_if<DelayOp>(&o.op)) {
            for (int q : d->qubits)
                addUnique(fp.qubits, q);
        } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
            for (int b : ie->condition.bits)
                addUnique(fp.clbits, b);
            footprintOf(ie->thenOps, numQubits, fp);
            footprintOf(ie->elseOps, numQubits, fp);
        }
    }
}

// Walks ops, updating levels and counts; returns nothing (levels carry the result).
void walk(const std::vector<Operation>& ops, int numQubits, int numClbits, Levels& lv, CircuitMetrics& m);

void place(const std::vector<int>& qubits, const std::vector<int>& clbits, int cost, int cost2, Levels& lv)
{
    int level = 0, level2 = 0;
    for (int q : qubits) {
        level = std::max(level, lv.qubit[size_t(q)]);
        level2 = std::max(level2, lv.qubit2[size_t(q)]);
    }
    for (int c : clbits) {
        level = std::max(level, lv.clbit[size_t(c)]);
        level2 = std::max(level2, lv.clbit2[size_t(c)]);
    }
    for (int q : qubits) {
        lv.qubit[size_t(q)] = level + cost;
        lv.qubit2[size_t(q)] = level2 + cost2;
    }
    for (int c : clbits) {
        lv.clbit[size_t(c)] = level + cost;
        lv.clbit2[size_t(c)] = level2 + cost2;
    }
}

void walk(const std::vector<Operation>& ops, int numQubits, int numClbits, Levels& lv, CircuitMetrics& m)
{
    auto inRange = [&](const std::vector<int>& qs) {
        for (int q : qs)
            if (q < 0 || q >= numQubits)
                return false;
        return true;
    };
    for (const Operation& o : ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            ++m.countsByName[gateLabel(*g)];
            ++m.size;
            const size_t n = g->qubits.size();
            if (n == 1)
                ++m.oneQubitGates;
            else if (n == 2)
                ++m.twoQubitGates;
            else if (n >= 3)
                ++m.multiQubitGates;
            if (inRange(g->qubits))
                place(g->qubits, {}, 1, n >= 2 ? 1 : 0, lv);
        } else if (const auto* me = std::get_if<MeasureOp>(&o.op)) {
            ++m.countsByName["measure"];
            ++m.measurements;
            ++m.size;
            std::vector<int> cl;
            if (me->clbit >= 0 && me->clbit < numClbits)
                cl.push_back(me->clbit);
            if (inRange({me->qubit}))
                place({me->qubit}, cl, 1, 0, lv);
        } else if (const auto* r = std::get_if<ResetOp>(&o.op)) {
            ++m.countsByName["reset"];
            ++m.resets;
            ++m.size;
            if (inRange({r->qubit}))
                place({r->qubit}, {}, 1, 0, lv);
        } else if (std::get_if<BarrierOp>(&o.op)) {
            ++m.countsByName["barrier"];
            ++m.barriers;
        } else if (const auto* d = std::get_if<DelayOp>(&o.op)) {
            ++m.countsByName["delay"];
            ++m.size;
            if (inRange(d->qubits))
                place(d->qubits, {}, 1, 0, lv);
        } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
            ++m.conditionals;
            Footprint fp;
            footprintOf({o}, numQubits, fp);
            // The block starts when all its wires are free and lasts as long as its longer branch.
            Levels start = lv;
            int level = 0, level2 = 0;
            for (int q : fp.qubits)
                if (q >= 0 && q < numQubits) {
                    level = std::max(level, lv.qubit[size_t(q)]);
                    level2 = std::max(level2, lv.qubit2[size_t(q)]);
                }
            for (int c : fp.clbits)
                if (c >= 0 && c < numClbits) {
                    level = std::max(level, lv.clbit[size_t(c)]);
                    level2 = std::max(level2, lv.clbit2[size_t(c)]);
                }
            int best = level, best2 = level2;
            for (const auto* branch : {&ie->thenOps, &ie->elseOps}) {
                Levels b = start;
                std::fill(b.qubit.begin(), b.qubit.end(), level);
                std::fill(b.clbit.begin(), b.clbit.end(), level);
                std::fill(b.qubit2.begin(), b.qubit2.end(), level2);
                std::fill(b.clbit2.begin(), b.clbit2.end(), level2);
                walk(*branch, numQubits, numClbits, b, m);
                for (int v : b.qubit)
                    best = std::max(best, v);
                for (int v : b.clbit)
                    best = std::max(best, v);
                for (int v : b.qubit2)
                    best2 = std::max(best2, v);
                for (int v : b.clbit2)
                    best2 = std::max(best2, v);
            }
            if (best == level)
                best = level + 1; // an empty-looking block still takes a step (the condition)
            for (int q : fp.qubits)
                if (q >= 0 && q < numQubits) {
                    lv.qubit[size_t(q)] = best;
                    lv.qubit2[size_t(q)] = best2;
                }
            for (int c : fp.clbits)
                if (c >= 0 && c < numClbits) {
                    lv.clbit[size_t(c)] = best;
                    lv.clbit2[size_t(c)] = best2;
                }
        }
    }
}

} // namespace

CircuitMetrics circuitMetrics(const Circuit& circuit)
{
    CircuitMetrics m;
    m.numQubits = circuit.numQubits();
    m.numClbits = circuit.numClbits();
    m.width = m.numQubits + m.numClbits;
    Levels lv;
    lv.qubit.assign(size_t(m.numQubits), 0);
    lv.qubit2.assign(size_t(m.numQubits), 0);
    lv.clbit.assign(size_t(m.numClbits), 0);
    lv.clbit2.assign(size_t(m.numClbits), 0);
    walk(circuit.ops, m.numQubits, m.numClbits, lv, m);
    for (int v : lv.qubit)
        m.depth = std::max(m.depth, v);
    for (int v : lv.clbit)
        m.depth = std::max(m.depth, v);
    for (int v : lv.qubit2)
        m.twoQubitDepth = std::max(m.twoQubitDepth, v);
    for (int v : lv.clbit2)
        m.twoQubitDepth = std::max(m.twoQubitDepth, v);
    return m;
}

} // namespace qpilot
