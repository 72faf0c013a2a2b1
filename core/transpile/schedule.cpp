// core/transpile/schedule.cpp — ASAP scheduling of an ISA circuit with the device's gate
// durations (calibration, else medians): circuit duration and per-qubit busy and idle times.
#include "core/transpile/transpile.h"
#include "core/transpile/transpile_util.h"

#include <algorithm>
#include <cmath>

namespace qpilot {

namespace {

struct Scheduler {
    const DeviceProfile& device;
    int n;
    std::vector<double> avail, busy, first, last;
    std::string missing;
    bool readoutUnknown = false;

    void note(const std::string& what)
    {
        if (missing.empty())
            missing = what;
    }

    double opDuration(const Operation& o)
    {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            if (isVirtualGate(g->kind))
                return 0;
            const std::string name = gateInfo(g->kind).name;
            const std::optional<double> d = gateDuration(device, name, g->qubits);
            if (!d) {
                note("the duration of gate '" + name + "'");
                return 0;
            }
            return *d;
        }
        if (std::holds_alternative<MeasureOp>(o.op) || std::holds_alternative<ResetOp>(o.op)) {
            if (!device.readoutTime) {
                readoutUnknown = true;
                return 0;
            }
            return *device.readoutTime;
        }
        if (const auto* d = std::get_if<DelayOp>(&o.op)) {
            if (const auto s = d->seconds())
                return *s;
            note("the length of a delay in dt units");
            return 0;
        }
        if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
            double best = 0;
            for (const auto* body : {&ie->thenOps, &ie->elseOps}) {
                Scheduler sub{device, n, std::vector<double>(size_t(n), 0), std::vector<double>(size_t(n), 0),
                              std::vector<double>(size_t(n), -1), std::vector<double>(size_t(n), 0), {}, false};
                sub.run(*body);
                if (!sub.missing.empty())
                    note(sub.missing);
                readoutUnknown = readoutUnknown || sub.readoutUnknown;
                best = std::max(best, *std::max_element(sub.avail.begin(), sub.avail.end()));
            }
            return best;
        }
        return 0; // barrier
    }

    void run(const std::vector<Operation>& ops)
    {
        for (const Operation& o : ops) {
            std::vector<int> qs = operationQubits(o);
            if (const auto* b = std::get_if<BarrierOp>(&o.op); b && b->qubits.empty())
                for (int q = 0; q < n; ++q)
                    qs.push_back(q);
            if (qs.empty())
                continue;
            double start = 0;
            for (int q : qs)
                start = std::max(start, avail[size_t(q)]);
            const double d = opDuration(o);
            const bool barrier = std::holds_alternative<BarrierOp>(o.op);
            for (int q : qs) {
                avail[size_t(q)] = start + d;
                if (barrier)
                    continue;
                busy[size_t(q)] += d;
                if (first[size_t(q)] < 0)
                    first[size_t(q)] = start;
                last[size_t(q)] = start + d;
            }
        }
    }
};

} // namespace

Schedule scheduleCircuit(const Circuit& isa, const DeviceProfile& device)
{
    int n = std::max(isa.numQubits(), device.numQubits);
    Scheduler s{device, n, std::vector<double>(size_t(n), 0), std::vector<double>(size_t(n), 0),
                std::vector<double>(size_t(n), -1), std::vector<double>(size_t(n), 0), {}, false};
    s.run(isa.ops);
    Schedule out;
    out.duration = n ? *std::max_element(s.avail.begin(), s.avail.end()) : 0;
    out.busy = s.busy;
    out.idle.assign(size_t(n), 0);
    out.active.assign(size_t(n), false);
    for (int q = 0; q < n; ++q)
        if (s.first[size_t(q)] >= 0) {
            out.active[size_t(q)] = true;
            out.idle[size_t(q)] = std::max(0.0, s.last[size_t(q)] - s.first[size_t(q)] - s.busy[size_t(q)]);
        }
    out.missing = s.missing;
    out.readoutUnknown = s.readoutUnknown;
    return out;
}

} // namespace qpilot
