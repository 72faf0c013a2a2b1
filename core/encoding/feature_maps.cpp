// core/encoding/feature_maps.cpp — the one-qubit-per-feature encodings (basis, angle, dense
// angle), the ZZ feature map and data re-uploading: builders and their resource formulas.
#include "core/encoding/builder.h"

#include <cmath>

namespace qpilot::encoding::detail {

namespace {

constexpr double kPi = 3.14159265358979323846;

long long pairCount(Entanglement e, int n)
{
    return static_cast<long long>(entanglerPairs(e, n).size());
}

} // namespace

// ---- builder helpers -------------------------------------------------------------------

CircuitBuilder::CircuitBuilder(Kind kind, int features, const Options& options, int qubits)
{
    built.kind = kind;
    built.features = features;
    built.options = options;
    built.circuit.addQreg("q", qubits);
}

Expr CircuitBuilder::input(const std::string& name)
{
    bool known = false;
    for (const std::string& p : built.inputs)
        known = known || p == name;
    if (!known) {
        built.inputs.push_back(name);
        built.circuit.parameters.push_back(name);
    }
    return Expr::parameter(name);
}

Expr CircuitBuilder::weight()
{
    std::string name = weightName(static_cast<int>(built.weights.size()));
    built.weights.push_back(name);
    built.circuit.parameters.push_back(name);
    return Expr::parameter(name);
}

void CircuitBuilder::gate(GateKind kind, std::vector<int> qubits, std::vector<Expr> params)
{
    built.circuit.gate(kind, std::move(qubits), std::move(params));
}

void CircuitBuilder::custom(const std::string& name, std::vector<int> qubits, std::vector<Expr> params)
{
    GateOp g;
    g.kind = GateKind::Custom;
    g.name = name;
    g.qubits = std::move(qubits);
    g.params = std::move(params);
    built.circuit.ops.emplace_back();
    built.circuit.ops.back().op.emplace<GateOp>(std::move(g));
}

Built CircuitBuilder::finish() { return std::move(built); }

std::string inputName(int i) { return "x_" + std::to_string(i); }
std::string weightName(int j) { return "theta_" + std::to_string(j); }

GateKind rotationGate(Axis a)
{
    switch (a) {
    case Axis::X: return GateKind::RX;
    case Axis::Y: return GateKind::RY;
    case Axis::Z: return GateKind::RZ;
    }
    return GateKind::RY;
}

// ---- basis -----------------------------------------------------------------------------
// Symbolic form: RX(pi*x_i) on qubit i, which is X^{x_i} up to a global phase for bits; the
// bound form (encodeValues) places X on the 1-bits only.

Resources basisResources(int n)
{
    Resources r;
    r.qubits = n;
    r.oneQubitGates = n;
    r.depth = 1;
    r.inputParameters = n;
    r.twoQubitFormula = "0";
    r.parameterFormula = "N inputs";
    return r;
}

Built buildBasis(int n, const Options& o)
{
    CircuitBuilder b(Kind::Basis, n, o, n);
    for (int i = 0; i < n; ++i)
        b.gate(GateKind::RX, {i}, {Expr(kPi) * b.input(inputName(i))});
    return b.finish();
}

// ---- angle -----------------------------------------------------------------------------

Resources angleResources(int n)
{
    Resources r = basisResources(n);
    return r;
}

Built buildAngle(int n, const Options& o)
{
    CircuitBuilder b(Kind::Angle, n, o, n);
    for (int i = 0; i < n; ++i)
        b.gate(rotationGate(o.rotation), {i}, {b.input(inputName(i))});
    return b.finish();
}

// ---- dense angle: qubit i carries RY(x_{2i}) then RZ(x_{2i+1}) ----------------------------

Resources denseResources(int n)
{
    Resources r;
    r.qubits = (n + 1) / 2;
    r.oneQubitGates = n;
    r.depth = n >= 2 ? 2 : 1;
    r.inputParameters = n;
    r.twoQubitFormula = "0";
    r.parameterFormula = "N inputs";
    return r;
}

Built buildDense(int n, const Options& o)
{
    CircuitBuilder b(Kind::DenseAngle, n, o, (n + 1) / 2);
    for (int q = 0; 2 * q < n; ++q) {
        b.gate(GateKind::RY, {q}, {b.input(inputName(2 * q))});
        if (2 * q + 1 < n)
            b.gate(GateKind::RZ, {q}, {b.input(inputName(2 * q + 1))});
    }
    return b.finish();
}

// ---- ZZ feature map (Qiskit ZZFeatureMap, alpha = 2) --------------------------------------
// Per rep: H on every qubit, P(2 x_i), then for each entangler pair (i, j):
// CX(i, j) · P(2 (pi - x_i)(pi - x_j)) on j · CX(i, j).

Resources zzResources(int n, const Options& o)
{
    const Entanglement e = o.entanglement.value_or(Entanglement::Full);
    const long long reps = o.reps;
    const long long pairs = pairCount(e, n);
    Resources r;
    r.qubits = n;
    r.oneQubitGates = reps * (2LL * n + pairs);
    r.twoQubitGates = 2 * reps * pairs;
    r.inputParameters = n;
    r.parameterFormula = "N inputs";
    switch (e) {
    case Entanglement::Full: r.twoQubitFormula = "2*reps*n(n-1)/2"; break;
    case Entanglement::Circular: r.twoQubitFormula = "2*reps*n (n>2; else as linear)"; break;
    default: r.twoQubitFormula = "2*reps*(n-1)"; break;
    }
    // Depth (exact; ASAP layering of the gate order above, per rep H+P = 2 layers and a pair
    // block = 3 layers on its target). n = 1: 2 per rep; one pair: 5 per rep. For n >= 3:
    //  - linear / reverse_linear: the chain takes 2 + 3(n-1); the next rep's first pair waits
    //    only for the second chain link, so each further rep adds 8;
    //  - circular: (n-1,0) then the chain, 2 + 3n per rep; the next rep starts with qubit n-1,
    //    the last to finish, so reps do not overlap: r(3n + 2);
    //  - full: pair (i,j) starts at 3(i+j) (a wavefront), the rep ends at 6n - 7; each further
    //    rep adds 3n + 2: 3(r+1)n + 2r - 9;
    //  - brick: H, P, two pair layers: 8 per rep.
    if (n == 1)
        r.depth = 2 * reps;
    else if (pairs == 1)
        r.depth = 5 * reps;
    else if (e == Entanglement::Linear || e == Entanglement::ReverseLinear)
        r.depth = 3LL * n - 1 + 8 * (reps - 1);
    else if (e == Entanglement::Circular)
        r.depth = reps * (3LL * n + 2);
    else if (e == Entanglement::Full)
        r.depth = 3 * (reps + 1) * n + 2 * reps - 9;
    else
        r.depth = 8 * reps;
    return r;
}

Built buildZZ(int n, const Options& o)
{
    const Entanglement e = o.entanglement.value_or(Entanglement::Full);
    CircuitBuilder b(Kind::ZZ, n, o, n);
    std::vector<Expr> x;
    for (int i = 0; i < n; ++i)
        x.push_back(b.input(inputName(i)));
    const auto pairs = entanglerPairs(e, n);
    for (int rep = 0; rep < o.reps; ++rep) {
        for (int i = 0; i < n; ++i)
            b.gate(GateKind::H, {i});
        for (int i = 0; i < n; ++i)
            b.gate(GateKind::P, {i}, {Expr(2.0) * x[size_t(i)]});
        for (const auto& [i, j] : pairs) {
            b.gate(GateKind::CX, {i, j});
            b.gate(GateKind::P, {j}, {Expr(2.0) * (Expr(kPi) - x[size_t(i)]) * (Expr(kPi) - x[size_t(j)])});
            b.gate(GateKind::CX, {i, j});
        }
    }
    return b.finish();
}

// ---- data re-uploading -----------------------------------------------------------------
// L layers of: R_axis(x_i) on qubit i, the trainable block (RY(θ) or RY(θ)·RZ(θ') per
// qubit), then CZ on the brick pairs (0,1),(2,3),... then (1,2),(3,4),...

Resources reuploadResources(int n, const Options& o)
{
    const long long L = o.layers;
    const long long b = o.block == TrainableBlock::RY ? 1 : 2;
    Resources r;
    r.qubits = n;
    r.oneQubitGates = L * n * (1 + b);
    r.twoQubitGates = L * (n - 1);
    r.depth = n == 1 ? L * (1 + b) : n == 2 ? L * (2 + b) : L * (3 + b);
    r.inputParameters = n;
    r.trainableParameters = static_cast<int>(L * n * b);
    r.twoQubitFormula = "L*(n-1)";
    r.parameterFormula = b == 1 ? "N inputs + L*n trainable" : "N inputs + 2*L*n trainable";
    return r;
}

Built buildReupload(int n, const Options& o)
{
    CircuitBuilder b(Kind::Reupload, n, o, n);
    std::vector<Expr> x;
    for (int i = 0; i < n; ++i)
        x.push_back(b.input(inputName(i)));
    const auto pairs = entanglerPairs(Entanglement::Brick, n);
    for (int layer = 0; layer < o.layers; ++layer) {
        for (int i = 0; i < n; ++i)
            b.gate(rotationGate(o.rotation), {i}, {x[size_t(i)]});
        for (int i = 0; i < n; ++i) {
            b.gate(GateKind::RY, {i}, {b.weight()});
            if (o.block == TrainableBlock::RYRZ)
                b.gate(GateKind::RZ, {i}, {b.weight()});
        }
        for (const auto& [i, j] : pairs)
            b.gate(GateKind::CZ, {i, j});
    }
    return b.finish();
}

} // namespace qpilot::encoding::detail
