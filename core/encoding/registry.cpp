// core/encoding/registry.cpp — names, option defaults and validation, the dispatch from a
// Kind to its builder and formula, binding a sample's features, and the catalog.
#include "core/circuit/transform.h"
#include "core/device/device.h"
#include "core/encoding/builder.h"

#include <cmath>

namespace qpilot::encoding {

namespace {

struct KindName { Kind kind; const char* name; };
constexpr KindName kKindNames[] = {
    {Kind::Basis, "basis"}, {Kind::Angle, "angle"}, {Kind::DenseAngle, "dense_angle"},
    {Kind::Amplitude, "amplitude"}, {Kind::ZZ, "zz"}, {Kind::Reupload, "reupload"},
    {Kind::RealAmplitudes, "real_amplitudes"}, {Kind::EfficientSU2, "efficient_su2"},
    {Kind::HardwareEfficient, "hardware_efficient"},
};

int maxFeatures(Kind kind)
{
    switch (kind) {
    case Kind::Amplitude: return 1 << kMaxAmplitudeQubits;
    case Kind::DenseAngle: return 2 * kMaxFeatureQubits;
    default: return kMaxFeatureQubits;
    }
}

// Fills defaults and checks ranges.
Result<Options> resolve(Kind kind, int features, Options o)
{
    if (features < 1)
        return Error{std::string(kindName(kind)) + ": the feature count must be at least 1 (got "
                     + std::to_string(features) + ")"};
    if (features > maxFeatures(kind))
        return Error{std::string(kindName(kind)) + ": " + std::to_string(features) + " features is too many (at most "
                     + std::to_string(maxFeatures(kind))
                     + (kind == Kind::Amplitude ? " = 2^" + std::to_string(kMaxAmplitudeQubits) : std::string())
                     + ")"};
    if (o.reps == -1)
        o.reps = kind == Kind::ZZ ? 2 : 3;
    if (o.reps < 1 || o.reps > 1000)
        return Error{"reps must be between 1 and 1000 (got " + std::to_string(o.reps) + ")"};
    if (o.layers < 1 || o.layers > 1000)
        return Error{"layers must be between 1 and 1000 (got " + std::to_string(o.layers) + ")"};
    if (!o.entanglement)
        o.entanglement = kind == Kind::ZZ ? Entanglement::Full
                       : kind == Kind::HardwareEfficient ? Entanglement::Brick
                                                         : Entanglement::ReverseLinear;
    return o;
}

} // namespace

bool isAnsatz(Kind kind)
{
    return kind == Kind::RealAmplitudes || kind == Kind::EfficientSU2 || kind == Kind::HardwareEfficient;
}

const char* kindName(Kind kind)
{
    for (const KindName& k : kKindNames)
        if (k.kind == kind)
            return k.name;
    return "?";
}

std::optional<Kind> kindByName(const std::string& name)
{
    for (const KindName& k : kKindNames)
        if (name == k.name)
            return k.kind;
    if (name == "iqp" || name == "zz_feature_map") return Kind::ZZ;
    if (name == "dense") return Kind::DenseAngle;
    if (name == "reuploading" || name == "data_reuploading") return Kind::Reupload;
    if (name == "hea") return Kind::HardwareEfficient;
    return std::nullopt;
}

const char* entanglementName(Entanglement e)
{
    switch (e) {
    case Entanglement::Full: return "full";
    case Entanglement::Linear: return "linear";
    case Entanglement::ReverseLinear: return "reverse_linear";
    case Entanglement::Circular: return "circular";
    case Entanglement::Brick: return "brick";
    }
    return "?";
}

std::optional<Entanglement> entanglementByName(const std::string& name)
{
    for (Entanglement e : {Entanglement::Full, Entanglement::Linear, Entanglement::ReverseLinear,
                           Entanglement::Circular, Entanglement::Brick})
        if (name == entanglementName(e))
            return e;
    return std::nullopt;
}

std::vector<std::pair<int, int>> entanglerPairs(Entanglement e, int n)
{
    std::vector<std::pair<int, int>> p;
    switch (e) {
    case Entanglement::Full:
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                p.emplace_back(i, j);
        break;
    case Entanglement::Circular:
        if (n > 2)
            p.emplace_back(n - 1, 0);
        [[fallthrough]];
    case Entanglement::Linear:
        for (int i = 0; i + 1 < n; ++i)
            p.emplace_back(i, i + 1);
        break;
    case Entanglement::ReverseLinear:
        for (int i = n - 2; i >= 0; --i)
            p.emplace_back(i, i + 1);
        break;
    case Entanglement::Brick:
        for (int i = 0; i + 1 < n; i += 2)
            p.emplace_back(i, i + 1);
        for (int i = 1; i + 1 < n; i += 2)
            p.emplace_back(i, i + 1);
        break;
    }
    return p;
}

const char* axisName(Axis a) { return a == Axis::X ? "x" : a == Axis::Y ? "y" : "z"; }

std::optional<Axis> axisByName(const std::string& name)
{
    if (name == "x" || name == "rx") return Axis::X;
    if (name == "y" || name == "ry") return Axis::Y;
    if (name == "z" || name == "rz") return Axis::Z;
    return std::nullopt;
}

std::vector<std::string> supportedNativeGates()
{
    return {"rz", "sx", "x", "rx", "ry", "prx", "u1q", "gpi", "gpi2", "cz", "cx", "ecr", "ms", "iswap", "rzz", "zz"};
}

Result<Resources> resources(Kind kind, int features, const Options& options)
{
    auto o = resolve(kind, features, options);
    if (!o)
        return o.error();
    switch (kind) {
    case Kind::Basis: return detail::basisResources(features);
    case Kind::Angle: return detail::angleResources(features);
    case Kind::DenseAngle: return detail::denseResources(features);
    case Kind::Amplitude: return detail::amplitudeResources(features);
    case Kind::ZZ: return detail::zzResources(features, *o);
    case Kind::Reupload: return detail::reuploadResources(features, *o);
    default: return detail::ansatzResources(kind, features, *o);
    }
}

Result<Built> build(Kind kind, int features, const Options& options)
{
    auto o = resolve(kind, features, options);
    if (!o)
        return o.error();
    switch (kind) {
    case Kind::Basis: return detail::buildBasis(features, *o);
    case Kind::Angle: return detail::buildAngle(features, *o);
    case Kind::DenseAngle: return detail::buildDense(features, *o);
    case Kind::Amplitude: return detail::buildAmplitude(features, *o);
    case Kind::ZZ: return detail::buildZZ(features, *o);
    case Kind::Reupload: return detail::buildReupload(features, *o);
    default: return detail::buildAnsatz(kind, features, *o);
    }
}

Result<ParamBindings> bindFeatures(const Built& built, const std::vector<double>& x)
{
    if (isAnsatz(built.kind))
        return ParamBindings{};
    if (static_cast<int>(x.size()) != built.features)
        return Error{std::string(kindName(built.kind)) + ": expected " + std::to_string(built.features)
                     + " feature values, got " + std::to_string(x.size())};
    for (size_t i = 0; i < x.size(); ++i) {
        if (!std::isfinite(x[i]))
            return Error{std::string(kindName(built.kind)) + ": feature " + std::to_string(i) + " is not a finite number"};
        if (built.kind == Kind::Basis && x[i] != 0.0 && x[i] != 1.0)
            return Error{"basis: feature " + std::to_string(i) + " must be a bit (0 or 1), got "
                         + formatAngle(x[i])};
    }
    if (built.kind == Kind::Amplitude)
        return detail::amplitudeBindings(built, x);
    ParamBindings b;
    for (size_t i = 0; i < x.size(); ++i)
        b[detail::inputName(static_cast<int>(i))] = x[i];
    return b;
}

Result<Circuit> encodeValues(const Built& built, const std::vector<double>& x)
{
    auto b = bindFeatures(built, x);
    if (!b)
        return b.error();
    if (built.kind == Kind::Basis) {
        Circuit c;
        c.addQreg("q", built.features);
        for (size_t i = 0; i < x.size(); ++i)
            if (x[i] == 1.0)
                c.gate(GateKind::X, {static_cast<int>(i)});
        return c;
    }
    return bindParameters(built.circuit, *b);
}

ParamBindings weightBindings(const Built& built, const std::vector<double>& values)
{
    ParamBindings b;
    for (size_t j = 0; j < built.weights.size() && j < values.size(); ++j)
        b[built.weights[j]] = values[j];
    return b;
}

Result<Options> hardwareEfficientForDevice(const DeviceProfile& device, int qubits, Options options)
{
    if (qubits < 1 || qubits > device.numQubits)
        return Error{"device '" + device.id + "' has " + std::to_string(device.numQubits) + " qubits; cannot place "
                     + std::to_string(qubits)};
    options.nativeGates = device.nativeGates;
    options.couplers.clear();
    if (!device.allToAll && !device.couplers.empty()) {
        // The coupled pairs inside qubits 0..n-1, in the operand order the device allows.
        for (const auto& [a, b] : undirectedEdges(device)) {
            if (a >= qubits || b >= qubits)
                continue;
            options.couplers.push_back(allowsTwoQubitGate(device, a, b) ? std::make_pair(a, b) : std::make_pair(b, a));
        }
        if (options.couplers.empty() && qubits > 1)
            return Error{"device '" + device.id + "': qubits 0.." + std::to_string(qubits - 1) + " have no coupler between them"};
    }
    return options;
}

const std::vector<CatalogEntry>& catalog()
{
    static const std::vector<CatalogEntry> entries = [] {
        const OptionInfo reps{"reps", "repetitions of the rotation/entangling pattern", "", {}};
        const OptionInfo ent{"entanglement", "entangler map", "", {"full", "linear", "reverse_linear", "circular", "brick"}};
        const OptionInfo rot{"rotation", "encoding rotation axis", "y", {"x", "y", "z"}};
        const OptionInfo layers{"layers", "re-uploading layers L", "2", {}};
        const OptionInfo block{"block", "trainable block per qubit", "ryrz", {"ry", "ryrz"}};
        const OptionInfo native{"native", "comma-separated native gate names", "rz,sx,cz", supportedNativeGates()};
        auto with = [](OptionInfo o, const std::string& def) { o.defaultValue = def; return o; };
        return std::vector<CatalogEntry>{
            {Kind::Basis, "basis", false, "bits to X gates (one qubit per bit)", "N", "0", "N inputs", {}},
            {Kind::Angle, "angle", false, "one rotation R(x_i) per qubit", "N", "0", "N inputs", {rot}},
            {Kind::DenseAngle, "dense_angle", false, "two features per qubit: RY(x_2i) then RZ(x_2i+1)", "ceil(N/2)", "0", "N inputs", {}},
            {Kind::Amplitude, "amplitude", false, "Mottonen uniformly controlled rotations from |0>, zero-padded to 2^n and normalised",
             "ceil(log2 N)", "2^(n+1)-2n-2", "2(2^n-1) angles from N inputs", {}},
            {Kind::ZZ, "zz", false, "IQP / ZZ feature map (Havlicek; Qiskit ZZFeatureMap): H, P(2x_i), CX-P(2(pi-x_i)(pi-x_j))-CX",
             "N", "2*reps*pairs (full: n(n-1)/2 pairs)", "N inputs", {with(reps, "2"), with(ent, "full")}},
            {Kind::Reupload, "reupload", false, "data re-uploading: L layers of encoding R(x) + trainable block + brick CZ",
             "N", "L*(n-1)", "N inputs + L*n*(1|2) trainable", {layers, rot, block}},
            {Kind::RealAmplitudes, "real_amplitudes", true, "Qiskit RealAmplitudes: RY layers and CX entanglement, final RY layer",
             "n", "reps*pairs", "n*(reps+1)", {with(reps, "3"), with(ent, "reverse_linear")}},
            {Kind::EfficientSU2, "efficient_su2", true, "Qiskit EfficientSU2: RY+RZ layers and CX entanglement, final rotation layer",
             "n", "reps*pairs", "2*n*(reps+1)", {with(reps, "3"), with(ent, "reverse_linear")}},
            {Kind::HardwareEfficient, "hardware_efficient", true, "layers of native single-qubit blocks and the native two-qubit gate on brick pairs or couplers",
             "n", "reps*pairs", "p*n*(reps+1) (p: 3 for rz+sx, 2 for prx/u1q/gpi2/rotation pairs)", {with(reps, "3"), native}},
        };
    }();
    return entries;
}

} // namespace qpilot::encoding
