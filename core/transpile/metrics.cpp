// core/transpile/metrics.cpp — the metrics of an ISA circuit: depth, two-qubit depth and
// count, 1q count, measurements, duration (from the schedule) and the estimated success
// probability F = Π(1 − e_F) · Π(1 − p_ro) · Π e^(−idle/T1), e_F = r·(d+1)/d (notation and
// product form of shared/reference/devices-prices-mitigation.md; docs/transpiler.md).
#include "core/transpile/transpile.h"
#include "core/transpile/transpile_util.h"

#include <algorithm>
#include <cmath>

namespace qpilot {

namespace {

struct Counter {
    std::vector<int> level, level2;
    TranspileMetrics& m;

    void run(const std::vector<Operation>& ops, int n)
    {
        for (const Operation& o : ops) {
            std::vector<int> qs = operationQubits(o);
            if (const auto* b = std::get_if<BarrierOp>(&o.op); b && b->qubits.empty())
                for (int q = 0; q < n; ++q)
                    qs.push_back(q);
            if (qs.empty())
                continue;
            int top = 0, top2 = 0;
            for (int q : qs) {
                top = std::max(top, level[size_t(q)]);
                top2 = std::max(top2, level2[size_t(q)]);
            }
            int add = 0, add2 = 0;
            if (const auto* g = std::get_if<GateOp>(&o.op)) {
                add = 1;
                if (g->qubits.size() == 2) {
                    add2 = 1;
                    ++m.twoQubitCount;
                } else {
                    ++m.oneQubitCount;
                }
            } else if (std::holds_alternative<MeasureOp>(o.op)) {
                add = 1;
                ++m.measurements;
            } else if (std::holds_alternative<ResetOp>(o.op) || std::holds_alternative<IfElseOp>(o.op)) {
                add = 1;
                if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
                    Counter sub{std::vector<int>(size_t(n), 0), std::vector<int>(size_t(n), 0), m};
                    sub.run(ie->thenOps, n);
                    sub.run(ie->elseOps, n);
                    add2 = *std::max_element(sub.level2.begin(), sub.level2.end()) > 0 ? 1 : 0;
                }
            }
            for (int q : qs) {
                level[size_t(q)] = top + add;
                level2[size_t(q)] = top2 + add2;
            }
        }
    }
};

} // namespace

TranspileMetrics computeMetrics(const Circuit& isa, const DeviceProfile& device, int swaps)
{
    TranspileMetrics m;
    m.swaps = swaps;
    const int n = std::max(isa.numQubits(), device.numQubits);
    Counter c{std::vector<int>(size_t(n), 0), std::vector<int>(size_t(n), 0), m};
    c.run(isa.ops, n);
    if (n) {
        m.depth = *std::max_element(c.level.begin(), c.level.end());
        m.twoQubitDepth = *std::max_element(c.level2.begin(), c.level2.end());
    }
    const Schedule s = scheduleCircuit(isa, device);
    if (s.missing.empty() && !s.readoutUnknown)
        m.duration = s.duration;

    // Success probability: gates and measurements at top level (a conditional block counts
    // with every gate of both branches, a pessimistic bound).
    double f = 1;
    std::string why;
    std::vector<const std::vector<Operation>*> lists{&isa.ops};
    for (size_t k = 0; k < lists.size() && why.empty(); ++k)
        for (const Operation& o : *lists[k]) {
            if (const auto* g = std::get_if<GateOp>(&o.op)) {
                if (isVirtualGate(g->kind))
                    continue;
                const std::string name = gateInfo(g->kind).name;
                const std::optional<double> r = gateError(device, name, g->qubits);
                if (!r) {
                    why = "the device profile has no error for gate '" + name + "'";
                    break;
                }
                const double d = double(1 << g->qubits.size());
                f *= 1 - *r * (d + 1) / d;
            } else if (const auto* me = std::get_if<MeasureOp>(&o.op)) {
                const QubitCalibration q = qubitCalibration(device, me->qubit);
                if (!q.readoutP0Given1 || !q.readoutP1Given0) {
                    why = "the device profile has no readout error for qubit " + std::to_string(me->qubit);
                    break;
                }
                f *= 1 - (*q.readoutP0Given1 + *q.readoutP1Given0) / 2;
            } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
                lists.push_back(&ie->thenOps);
                lists.push_back(&ie->elseOps);
            }
        }
    // Without gate durations there is no schedule to decay over: the estimate keeps the gate and
    // readout errors and leaves idle decoherence out (an upper bound; the note says so). Trapped-ion
    // profiles, whose T1 is seconds, are the usual case.
    const bool idleKnown = s.missing.empty();
    if (why.empty() && idleKnown)
        for (int q = 0; q < int(s.active.size()); ++q) {
            if (!s.active[size_t(q)] || s.idle[size_t(q)] <= 0)
                continue;
            const QubitCalibration cal = qubitCalibration(device, q);
            if (!cal.t1 || *cal.t1 <= 0) {
                why = "the device profile has no T1 for qubit " + std::to_string(q);
                break;
            }
            f *= std::exp(-s.idle[size_t(q)] / *cal.t1);
        }
    if (why.empty()) {
        m.successProbability = std::max(0.0, f);
        if (!idleKnown)
            m.successNote = "gate and readout errors only: idle decoherence is left out because the device profile lacks " +
                            s.missing;
        else if (s.readoutUnknown)
            m.successNote = "the device profile has no readout time: measurements count as 0 s in the idle decay";
    } else {
        m.successNote = why;
    }
    return m;
}

} // namespace qpilot
