// core/noise/noise_model.cpp — the NoiseModel: which channels follow each gate on which
// qubits, readout errors per qubit, and the model assembled from a device profile (thermal
// relaxation for the gate's duration plus depolarizing for the rest of the reported error).
#include "core/device/device.h"
#include "core/noise/noise.h"
#include "core/noise/superop.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace qpilot {

namespace {

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

std::string gateName(const GateOp& op)
{
    if (op.kind == GateKind::Custom)
        return op.name;
    return gateInfo(op.kind).name;
}

// Gates that are frame changes (no pulse, no error) on devices with a virtual rz.
const char* const kVirtualZ[] = {"rz", "p", "u1", "z", "s", "sdg", "t", "tdg"};

} // namespace

void NoiseModel::setDefault1q(std::vector<KrausChannel> channels) { m_default1q = std::move(channels); }
void NoiseModel::setDefault2q(std::vector<KrausChannel> channels) { m_default2q = std::move(channels); }

void NoiseModel::setGateQubitChannels(const std::string& gateName, const std::vector<int>& qubits,
                                      std::vector<KrausChannel> channels)
{
    m_specific[{gateName, qubits}] = std::move(channels);
}

void NoiseModel::setQubitChannels(int arity, int qubit, std::vector<KrausChannel> channels)
{
    m_perQubit[{arity, qubit}] = std::move(channels);
}

void NoiseModel::setReadout(int qubit, ReadoutError e) { m_readout[qubit] = e; }
void NoiseModel::setDefaultReadout(ReadoutError e) { m_defaultReadout = e; }

std::vector<NoiseModel::AppliedChannel> NoiseModel::channelsAfter(const GateOp& op) const
{
    std::vector<AppliedChannel> out;
    const int k = int(op.qubits.size());
    if (k == 0)
        return out;
    std::vector<int> all(size_t(k), 0);
    for (int i = 0; i < k; ++i)
        all[size_t(i)] = i;

    const std::string name = gateName(op);
    auto it = m_specific.find({name, op.qubits});
    if (it == m_specific.end())
        it = m_specific.find({name, {}});
    if (it != m_specific.end()) {
        for (const KrausChannel& ch : it->second) {
            if (ch.qubits() == k) {
                out.push_back({ch, all});
            } else if (ch.qubits() == 1) {
                for (int i = 0; i < k; ++i)
                    out.push_back({ch, {i}});
            }
        }
        return out;
    }

    // Arity default: per-operand 1q channels (per-qubit override or the default's), then the
    // default's multi-qubit channels on the gate's operands (consecutive pairs for 3+ qubits).
    const int arity = std::min(k, 2);
    const std::vector<KrausChannel>& def = arity == 1 ? m_default1q : m_default2q;
    for (int i = 0; i < k; ++i) {
        const auto pq = m_perQubit.find({arity, op.qubits[size_t(i)]});
        if (pq != m_perQubit.end()) {
            for (const KrausChannel& ch : pq->second)
                if (ch.qubits() == 1)
                    out.push_back({ch, {i}});
        } else {
            for (const KrausChannel& ch : def)
                if (ch.qubits() == 1)
                    out.push_back({ch, {i}});
        }
    }
    if (arity == 2)
        for (const KrausChannel& ch : def)
            if (ch.qubits() == 2)
                for (int i = 0; i + 1 < k; ++i)
                    out.push_back({ch, {i, i + 1}});
    return out;
}

ReadoutError NoiseModel::readout(int qubit) const
{
    const auto it = m_readout.find(qubit);
    if (it != m_readout.end())
        return it->second;
    return m_defaultReadout.value_or(ReadoutError{});
}

bool NoiseModel::isIdeal() const
{
    auto ideal = [](const std::vector<KrausChannel>& list) {
        return std::all_of(list.begin(), list.end(), [](const KrausChannel& c) { return isIdentityChannel(c, 1e-15); });
    };
    if (!ideal(m_default1q) || !ideal(m_default2q))
        return false;
    for (const auto& [key, list] : m_specific)
        if (!ideal(list))
            return false;
    for (const auto& [key, list] : m_perQubit)
        if (!ideal(list))
            return false;
    auto perfect = [](const ReadoutError& e) { return e.p0Given1 == 0 && e.p1Given0 == 0; };
    if (m_defaultReadout && !perfect(*m_defaultReadout))
        return false;
    for (const auto& [q, e] : m_readout)
        if (!perfect(e))
            return false;
    return true;
}

namespace {

// Thermal relaxation for `duration` with (t1, t2), or nothing when T1 or the duration is unknown.
// A missing T2 means the T1 limit T2 = 2·T1.
Result<std::optional<KrausChannel>> relaxation(std::optional<double> t1, std::optional<double> t2,
                                               std::optional<double> duration)
{
    if (!t1 || !duration || *duration <= 0)
        return std::optional<KrausChannel>{};
    auto ch = thermalRelaxation(*t1, t2.value_or(2 * *t1), *duration);
    if (!ch)
        return ch.error();
    return std::optional<KrausChannel>{std::move(ch).value()};
}

// Depolarizing parameter that brings a channel with process fidelity `fidelityBefore` to the
// average infidelity r: F_pro(D_p ∘ E) = (1-p)·F_pro(E) + p/d² is linear in p. Never negative.
Result<double> remainingDepolarizing(double r, double fidelityBefore, int qubits, const std::string& what)
{
    const double d = double(1 << qubits);
    const double target = 1 - r * (d + 1) / d; // process fidelity for average infidelity r
    if (target >= fidelityBefore)
        return 0.0;
    const double p = (fidelityBefore - target) / (fidelityBefore - 1 / (d * d));
    if (p > d * d / (d * d - 1) + 1e-12)
        return Error{what + " " + fmt(r) + " is worse than a fully depolarizing gate (at most " + fmt((d - 1) / d) + ")"};
    return p;
}

} // namespace

Result<NoiseModel> NoiseModel::fromDevice(const DeviceProfile& device)
{
    NoiseModel model;
    auto calibration = [&](int q) { return qubitCalibration(device, q); };

    // 1q channels for (t1, t2): relaxation over the 1q gate time, then depolarizing for the rest.
    auto oneQubitChannels = [&](std::optional<double> t1, std::optional<double> t2) -> Result<std::vector<KrausChannel>> {
        std::vector<KrausChannel> list;
        auto relax = relaxation(t1, t2, device.gateTime1q);
        if (!relax)
            return relax.error();
        double fidelity = 1;
        if (relax.value()) {
            fidelity = processFidelity(*relax.value());
            list.push_back(*relax.value());
        }
        if (device.gateError1q) {
            auto p = remainingDepolarizing(*device.gateError1q, fidelity, 1, "gate_error_1q");
            if (!p)
                return p.error();
            if (p.value() > 0)
                list.push_back(depolarizing(1, p.value()));
        }
        return list;
    };
    auto relax2q = [&](std::optional<double> t1, std::optional<double> t2) { return relaxation(t1, t2, device.gateTime2q); };
    // 2q depolarizing so that relaxation on both qubits (process fidelities multiply) plus it
    // give the reported 2q infidelity.
    auto twoQubitDepolarizing = [&](double fidelityBefore) -> Result<std::optional<KrausChannel>> {
        if (!device.gateError2q)
            return std::optional<KrausChannel>{};
        auto p = remainingDepolarizing(*device.gateError2q, fidelityBefore, 2, "gate_error_2q");
        if (!p)
            return p.error();
        if (p.value() <= 0)
            return std::optional<KrausChannel>{};
        return std::optional<KrausChannel>{depolarizing(2, p.value())};
    };

    // Defaults from the medians.
    auto d1 = oneQubitChannels(device.t1, device.t2);
    if (!d1)
        return d1.error();
    model.setDefault1q(d1.value());
    auto r2 = relax2q(device.t1, device.t2);
    if (!r2)
        return r2.error();
    std::vector<KrausChannel> d2;
    double f2 = 1;
    if (r2.value()) {
        d2.push_back(*r2.value());
        f2 = processFidelity(*r2.value()) * processFidelity(*r2.value());
    }
    auto dep2 = twoQubitDepolarizing(f2);
    if (!dep2)
        return dep2.error();
    if (dep2.value())
        d2.push_back(*dep2.value());
    model.setDefault2q(d2);

    // Per-qubit overrides where the profile has per-qubit relaxation times. The 2q
    // depolarizing part stays the median one (the minimal profile has no per-pair errors).
    for (int q = 0; q < int(device.qubits.size()); ++q) {
        const QubitCalibration& raw = device.qubits[size_t(q)];
        const QubitCalibration c = calibration(q);
        if (raw.t1 || raw.t2) {
            auto list = oneQubitChannels(c.t1, c.t2);
            if (!list)
                return list.error();
            model.setQubitChannels(1, q, list.value());
            auto r = relax2q(c.t1, c.t2);
            if (!r)
                return r.error();
            model.setQubitChannels(2, q, r.value() ? std::vector<KrausChannel>{*r.value()} : std::vector<KrausChannel>{});
        }
        if (raw.readoutP0Given1 || raw.readoutP1Given0)
            model.setReadout(q, ReadoutError{c.readoutP1Given0.value_or(0), c.readoutP0Given1.value_or(0)});
    }
    if (device.readoutError)
        model.setDefaultReadout(ReadoutError{*device.readoutError, *device.readoutError});

    // Per-gate calibration (per qubit / per pair): relaxation for that gate's duration on its
    // qubits' own T1/T2 plus depolarizing for the rest of that gate's error, registered for the
    // gate name on exactly those qubits (both operand orders on an undirected device). Missing
    // values fall back to the medians; a dead coupler (error >= (d-1)/d, e.g. IBM's 1.0) is
    // modelled as fully depolarizing rather than rejected.
    int calibrated = 0, dead = 0;
    const KrausChannel identity1q{"identity", {Matrix::identity(1)}};
    for (const GateCalibration& g : device.gates) {
        const int k = int(g.qubits.size());
        if ((k != 1 && k != 2) || (!g.error && !g.duration) || g.gate == "rz")
            continue;
        const std::optional<double> duration = g.duration ? g.duration : (k == 1 ? device.gateTime1q : device.gateTime2q);
        std::optional<double> error = g.error ? g.error : (k == 1 ? device.gateError1q : device.gateError2q);
        const double d = double(1 << k);
        if (error && *error >= (d - 1) / d) {
            error = (d - 1) / d;
            ++dead;
        }
        std::vector<std::optional<KrausChannel>> relax;
        for (int q : g.qubits) {
            const QubitCalibration c = calibration(q);
            auto r = relaxation(c.t1, c.t2, duration);
            if (!r)
                return r.error();
            relax.push_back(r.value());
        }
        auto build = [&](const std::vector<std::optional<KrausChannel>>& parts) -> Result<std::vector<KrausChannel>> {
            std::vector<KrausChannel> list;
            double fidelity = 1;
            if (std::any_of(parts.begin(), parts.end(), [](const auto& c) { return c.has_value(); })) {
                KrausChannel thermal = parts[0].value_or(identity1q);
                if (k == 2)
                    thermal = tensorChannels(thermal, parts[1].value_or(identity1q));
                fidelity = processFidelity(thermal);
                list.push_back(std::move(thermal));
            }
            if (error) {
                auto p = remainingDepolarizing(*error, fidelity, k, g.gate + " error on qubits " + std::to_string(g.qubits[0])
                                                                     + (k == 2 ? "," + std::to_string(g.qubits[1]) : std::string()));
                if (!p)
                    return p.error();
                if (p.value() > 0)
                    list.push_back(depolarizing(k, p.value()));
            }
            return list;
        };
        auto forward = build(relax);
        if (!forward)
            return forward.error();
        model.setGateQubitChannels(g.gate, g.qubits, forward.value());
        if (k == 2 && !device.directed) {
            auto backward = build({relax[1], relax[0]});
            if (!backward)
                return backward.error();
            model.setGateQubitChannels(g.gate, {g.qubits[1], g.qubits[0]}, backward.value());
        }
        ++calibrated;
    }

    // Virtual Z: where rz is native it is a frame change with no duration and no error.
    if (std::find(device.nativeGates.begin(), device.nativeGates.end(), "rz") != device.nativeGates.end())
        for (const char* g : kVirtualZ)
            model.setGateQubitChannels(g, {}, {});

    std::string d = device.id + " noise";
    if (!device.calibrationDate.empty())
        d += " (calibration " + device.calibrationDate + ")";
    d += ":";
    if (device.gateError1q) d += " 1q r=" + fmt(*device.gateError1q);
    if (device.gateError2q) d += ", 2q r=" + fmt(*device.gateError2q);
    if (device.t1) d += ", T1=" + fmt(*device.t1 * 1e6) + " µs";
    if (device.t2) d += ", T2=" + fmt(*device.t2 * 1e6) + " µs";
    if (device.readoutError) d += ", readout " + fmt(*device.readoutError);
    if (!device.qubits.empty()) d += ", per-qubit calibration for " + std::to_string(device.qubits.size()) + " qubits";
    if (calibrated) d += ", per-gate calibration for " + std::to_string(calibrated) + " gates";
    if (dead) d += " (" + std::to_string(dead) + " dead, fully depolarizing)";
    model.description = d;
    return model;
}

} // namespace qpilot
