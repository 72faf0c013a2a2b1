// core/encoding/advisor.cpp — adviseEncodings(): builds each candidate encoding for N features,
// binds it to the generic advisor sample, transpiles it for the device and ranks the ones that
// fit (success probability, then two-qubit gates, then depth).
#include "core/encoding/advisor.h"

#include "core/circuit/metrics.h"
#include "core/circuit/transform.h"
#include "core/device/device.h"
#include "core/encoding/encoding.h"
#include "core/transpile/transpile.h"

#include <algorithm>
#include <cmath>

namespace qpilot::encoding {

namespace {

// Circuits larger than this (logical two-qubit gates, from the resource formula) are not
// transpiled by the advisor: they are reported as not fitting with their size.
constexpr long long kMaxAdvisorTwoQubitGates = 100000;

struct Candidate {
    std::string name;
    Kind kind;
    Options options;
};

AdvisorCounts countsOf(const Circuit& c, int qubits)
{
    const CircuitMetrics m = circuitMetrics(c);
    return AdvisorCounts{qubits, m.oneQubitGates, m.twoQubitGates, m.depth};
}

std::string describeCandidate(const Candidate& c, const AdvisorOptions& o)
{
    switch (c.kind) {
    case Kind::ZZ:
        return "zz (reps " + std::to_string(o.zzReps) + ", " + entanglementName(*c.options.entanglement) + ")";
    case Kind::Reupload:
        return "reupload (" + std::to_string(o.reuploadLayers) + " layers, ry inputs, ryrz blocks, brick cz)";
    case Kind::Angle:
        return "angle (ry)";
    case Kind::DenseAngle:
        return "dense_angle (2 features per qubit)";
    case Kind::Amplitude:
        return "amplitude (Mottonen state preparation)";
    case Kind::Basis:
        return "basis (x on the 1-bits)";
    default:
        return kindName(c.kind);
    }
}

double fracPart(double v) { return v - std::floor(v); }

// Ranking order: success probability (higher first; unknown after known), then fewer 2q gates,
// then smaller depth, then the catalog order (stable sort).
bool better(const AdvisorEntry& a, const AdvisorEntry& b)
{
    if (a.successProbability.has_value() != b.successProbability.has_value())
        return a.successProbability.has_value();
    if (a.successProbability && b.successProbability) {
        const double pa = *a.successProbability, pb = *b.successProbability;
        if (std::abs(pa - pb) > 1e-12 * std::max(pa, pb))
            return pa > pb;
    }
    if (a.after.twoQubitGates != b.after.twoQubitGates)
        return a.after.twoQubitGates < b.after.twoQubitGates;
    return a.after.depth < b.after.depth;
}

} // namespace

std::vector<double> advisorSample(int features)
{
    const double phi = (1.0 + std::sqrt(5.0)) / 2.0;
    std::vector<double> x(static_cast<size_t>(std::max(features, 0)));
    for (int i = 0; i < features; ++i)
        x[size_t(i)] = 0.2 + (M_PI - 0.4) * fracPart((i + 1) * phi);
    return x;
}

Result<Advice> adviseEncodings(int features, const DeviceProfile& device, const AdvisorOptions& options)
{
    if (features < 1)
        return Error{"advisor: the feature count must be at least 1"};
    if (device.numQubits < 1)
        return Error{"advisor: device " + device.id + " has no qubits"};
    if (options.level < 0 || options.level > 3)
        return Error{"advisor: optimisation level must be 0, 1, 2 or 3"};
    if (options.zzReps < 1 || options.reuploadLayers < 1)
        return Error{"advisor: zz reps and re-uploading layers must be at least 1"};

    std::vector<Candidate> candidates;
    auto add = [&](const std::string& name, Kind kind, Options o) { candidates.push_back({name, kind, std::move(o)}); };
    add("basis", Kind::Basis, {});
    add("angle", Kind::Angle, {});
    add("dense_angle", Kind::DenseAngle, {});
    add("amplitude", Kind::Amplitude, {});
    Options zz;
    zz.reps = options.zzReps;
    zz.entanglement = Entanglement::Linear;
    add("zz_linear", Kind::ZZ, zz);
    zz.entanglement = Entanglement::Full;
    add("zz_full", Kind::ZZ, zz);
    Options re;
    re.layers = options.reuploadLayers;
    add("reupload", Kind::Reupload, re);

    Advice advice;
    advice.features = features;
    advice.device = device.id;
    advice.deviceQubits = device.numQubits;
    advice.options = options;

    TranspileOptions to;
    to.level = options.level;
    to.seed = options.seed;
    const std::vector<double> sample = advisorSample(features);

    for (const Candidate& c : candidates) {
        AdvisorEntry e;
        e.name = c.name;
        e.description = describeCandidate(c, options);
        if (c.kind == Kind::Basis && !options.binaryFeatures) {
            e.applicable = false;
            e.reason = "not applicable: the basis encoding needs 0/1 features";
            advice.entries.push_back(std::move(e));
            continue;
        }
        auto res = resources(c.kind, features, c.options);
        if (!res) {
            e.reason = "does not fit: " + res.error().message;
            advice.entries.push_back(std::move(e));
            continue;
        }
        e.before = AdvisorCounts{res->qubits, res->oneQubitGates, res->twoQubitGates, res->depth};
        if (res->qubits > device.numQubits) {
            e.reason = "does not fit: needs " + std::to_string(res->qubits) + " qubits, " + device.id + " has "
                       + std::to_string(device.numQubits);
            advice.entries.push_back(std::move(e));
            continue;
        }
        if (res->twoQubitGates > kMaxAdvisorTwoQubitGates) {
            e.reason = "not transpiled: " + std::to_string(res->twoQubitGates) + " two-qubit gates before routing (the advisor stops at "
                       + std::to_string(kMaxAdvisorTwoQubitGates) + ")";
            advice.entries.push_back(std::move(e));
            continue;
        }
        auto built = build(c.kind, features, c.options);
        if (!built) {
            e.reason = "does not fit: " + built.error().message;
            advice.entries.push_back(std::move(e));
            continue;
        }
        std::vector<double> x = sample;
        if (c.kind == Kind::Basis)
            for (int i = 0; i < features; ++i)
                x[size_t(i)] = (i % 2 == 0) ? 1.0 : 0.0;
        if (c.kind == Kind::Amplitude)
            for (int i = 1; i < features; i += 2)
                x[size_t(i)] = -x[size_t(i)];
        auto bound = encodeValues(*built, x);
        if (!bound)
            return Error{"advisor: " + c.name + ": " + bound.error().message};
        Circuit circuit = std::move(bound).value();
        if (!built->weights.empty()) {
            const std::vector<double> w = advisorSample(features + static_cast<int>(built->weights.size()));
            auto withWeights = bindParameters(circuit, weightBindings(*built, std::vector<double>(w.begin() + features, w.end())));
            if (!withWeights)
                return Error{"advisor: " + c.name + ": " + withWeights.error().message};
            circuit = std::move(withWeights).value();
        }
        e.before = countsOf(circuit, circuit.numQubits());
        auto t = transpile(circuit, device, to);
        if (!t) {
            e.reason = "does not fit: " + t.error().message;
            advice.entries.push_back(std::move(e));
            continue;
        }
        e.fits = true;
        const TranspileMetrics& m = t->metrics;
        e.after = AdvisorCounts{static_cast<int>(t->initialLayout.size()), m.oneQubitCount, m.twoQubitCount, m.depth};
        e.twoQubitDepth = m.twoQubitDepth;
        e.swaps = m.swaps;
        e.duration = m.duration;
        e.successProbability = m.successProbability;
        e.successNote = m.successNote;
        advice.entries.push_back(std::move(e));
    }

    std::vector<AdvisorEntry> ranked, rest;
    for (AdvisorEntry& e : advice.entries)
        (e.fits ? ranked : rest).push_back(std::move(e));
    std::stable_sort(ranked.begin(), ranked.end(), better);
    for (size_t i = 0; i < ranked.size(); ++i)
        ranked[i].rank = static_cast<int>(i) + 1;
    advice.entries = std::move(ranked);
    advice.entries.insert(advice.entries.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
    return advice;
}

} // namespace qpilot::encoding
