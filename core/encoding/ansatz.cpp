// core/encoding/ansatz.cpp — the trainable ansätze: RealAmplitudes and EfficientSU2 as Qiskit
// defines them (rotation layers RY, or RY then RZ; CX on the entangler map; reps; a final
// rotation layer), and a hardware-efficient ansatz that uses only a device's native gates.
#include "core/encoding/builder.h"

#include <algorithm>

namespace qpilot::encoding::detail {

namespace {

constexpr double kPi = 3.14159265358979323846;

// How the hardware-efficient ansatz realises its blocks in a native gate set.
enum class OneQ { RzSx, Prx, U1q, Gpi2, RyRz, RxRz, RxRy };
enum class TwoQ { CZ, CX, ECR, MS, ISwap, RZZ, ZZ };

struct NativePlan {
    OneQ one = OneQ::RzSx;
    TwoQ two = TwoQ::CZ;
    int gatesPerBlock = 0;
    int paramsPerBlock = 0;
};

bool has(const std::vector<std::string>& set, const char* name)
{
    return std::find(set.begin(), set.end(), name) != set.end();
}

Result<NativePlan> nativePlan(const std::vector<std::string>& gates)
{
    for (const std::string& g : gates) {
        const auto known = supportedNativeGates();
        if (std::find(known.begin(), known.end(), g) == known.end()) {
            std::string list;
            for (const std::string& k : known)
                list += (list.empty() ? "" : ", ") + k;
            return Error{"hardware-efficient ansatz: unknown native gate '" + g + "' (known: " + list + ")"};
        }
    }
    NativePlan p;
    if (has(gates, "rz") && has(gates, "sx")) { p.one = OneQ::RzSx; p.gatesPerBlock = 5; p.paramsPerBlock = 3; }
    else if (has(gates, "prx")) { p.one = OneQ::Prx; p.gatesPerBlock = 1; p.paramsPerBlock = 2; }
    else if (has(gates, "u1q")) { p.one = OneQ::U1q; p.gatesPerBlock = 1; p.paramsPerBlock = 2; }
    else if (has(gates, "gpi2")) { p.one = OneQ::Gpi2; p.gatesPerBlock = 2; p.paramsPerBlock = 2; }
    else if (has(gates, "ry") && has(gates, "rz")) { p.one = OneQ::RyRz; p.gatesPerBlock = 2; p.paramsPerBlock = 2; }
    else if (has(gates, "rx") && has(gates, "rz")) { p.one = OneQ::RxRz; p.gatesPerBlock = 2; p.paramsPerBlock = 2; }
    else if (has(gates, "rx") && has(gates, "ry")) { p.one = OneQ::RxRy; p.gatesPerBlock = 2; p.paramsPerBlock = 2; }
    else
        return Error{"hardware-efficient ansatz: the native gates have no trainable single-qubit rotation set (need rz+sx, prx, u1q, gpi2, or two of rx/ry/rz)"};
    if (has(gates, "cz")) p.two = TwoQ::CZ;
    else if (has(gates, "cx")) p.two = TwoQ::CX;
    else if (has(gates, "ecr")) p.two = TwoQ::ECR;
    else if (has(gates, "ms")) p.two = TwoQ::MS;
    else if (has(gates, "iswap")) p.two = TwoQ::ISwap;
    else if (has(gates, "rzz")) p.two = TwoQ::RZZ;
    else if (has(gates, "zz")) p.two = TwoQ::ZZ;
    else
        return Error{"hardware-efficient ansatz: the native gates have no two-qubit gate (need cz, cx, ecr, ms, iswap, rzz or zz)"};
    return p;
}

Operation step(GateKind kind, std::vector<int> qubits, std::vector<Expr> params)
{
    GateOp g;
    g.kind = kind;
    g.qubits = std::move(qubits);
    g.params = std::move(params);
    Operation op;
    op.op = std::move(g);
    return op;
}

// Exact definitions of Quantinuum's names for gates Qpilot's table has under other names:
// U1q(θ, φ) = PRX(θ, φ) and ZZ = RZZ(π/2). (prx, gpi2 and ms are table gates.)
void addDefinition(Circuit& c, const std::string& name)
{
    if (c.definition(name))
        return;
    GateDefinition d;
    d.name = name;
    if (name == "zz") {
        d.qubitNames = {"a", "b"};
        d.body = {step(GateKind::RZZ, {0, 1}, {Expr(kPi / 2)})};
    } else { // u1q(theta, phi)
        d.paramNames = {"theta", "phi"};
        d.qubitNames = {"a"};
        d.body = {step(GateKind::PRX, {0}, {Expr::parameter("theta"), Expr::parameter("phi")})};
    }
    c.definitions.push_back(std::move(d));
}

void nativeBlock(CircuitBuilder& b, const NativePlan& p, int q)
{
    switch (p.one) {
    case OneQ::RzSx:
        b.gate(GateKind::RZ, {q}, {b.weight()});
        b.gate(GateKind::SX, {q});
        b.gate(GateKind::RZ, {q}, {b.weight()});
        b.gate(GateKind::SX, {q});
        b.gate(GateKind::RZ, {q}, {b.weight()});
        break;
    case OneQ::Prx: {
        const Expr t = b.weight();
        b.gate(GateKind::PRX, {q}, {t, b.weight()});
        break;
    }
    case OneQ::U1q: {
        const Expr t = b.weight();
        const Expr f = b.weight();
        addDefinition(b.built.circuit, "u1q");
        b.custom("u1q", {q}, {t, f});
        break;
    }
    case OneQ::Gpi2:
        b.gate(GateKind::GPI2, {q}, {b.weight()});
        b.gate(GateKind::GPI2, {q}, {b.weight()});
        break;
    case OneQ::RyRz: b.gate(GateKind::RY, {q}, {b.weight()}); b.gate(GateKind::RZ, {q}, {b.weight()}); break;
    case OneQ::RxRz: b.gate(GateKind::RX, {q}, {b.weight()}); b.gate(GateKind::RZ, {q}, {b.weight()}); break;
    case OneQ::RxRy: b.gate(GateKind::RX, {q}, {b.weight()}); b.gate(GateKind::RY, {q}, {b.weight()}); break;
    }
}

void nativeEntangler(CircuitBuilder& b, const NativePlan& p, int i, int j)
{
    switch (p.two) {
    case TwoQ::CZ: b.gate(GateKind::CZ, {i, j}); break;
    case TwoQ::CX: b.gate(GateKind::CX, {i, j}); break;
    case TwoQ::ECR: b.gate(GateKind::ECR, {i, j}); break;
    case TwoQ::ISwap: b.gate(GateKind::ISwap, {i, j}); break;
    case TwoQ::RZZ: b.gate(GateKind::RZZ, {i, j}, {Expr(kPi / 2)}); break;
    case TwoQ::ZZ:
        addDefinition(b.built.circuit, "zz");
        b.custom("zz", {i, j}, {});
        break;
    case TwoQ::MS: b.gate(GateKind::MS, {i, j}, {Expr(0.0), Expr(0.0), Expr(kPi / 2)}); break;
    }
}

std::vector<std::pair<int, int>> ansatzPairs(Kind kind, int n, const Options& o)
{
    if (kind == Kind::HardwareEfficient && !o.couplers.empty())
        return o.couplers;
    return entanglerPairs(*o.entanglement, n);
}

} // namespace

Result<Resources> ansatzResources(Kind kind, int n, const Options& o)
{
    int g = 1, p = 1;
    if (kind == Kind::EfficientSU2) {
        g = p = 2;
    } else if (kind == Kind::HardwareEfficient) {
        auto plan = nativePlan(o.nativeGates);
        if (!plan)
            return plan.error();
        g = plan->gatesPerBlock;
        p = plan->paramsPerBlock;
    }
    const long long reps = o.reps;
    const long long pairs = static_cast<long long>(ansatzPairs(kind, n, o).size());
    Resources r;
    r.qubits = n;
    r.oneQubitGates = (reps + 1) * n * g;
    r.twoQubitGates = reps * pairs;
    r.trainableParameters = static_cast<int>((reps + 1) * n * p);
    r.parameterFormula = std::to_string(p) + "*n*(reps+1)";
    r.twoQubitFormula = "reps*" + std::to_string(pairs) + " pairs (" + entanglementName(*o.entanglement) + ")";
    // Depth (exact; ASAP layering with g gates per qubit per rotation layer), n >= 3:
    //  - brick: qubit 1 is in both pair layers: (r+1)g + 2r;
    //  - linear / reverse_linear: the chain takes n-1, the next rep's first CX waits for the
    //    second link plus a rotation: n - 1 + 2g + (r-1)(g+2);
    //  - circular: n sequential CX per rep, no overlap between reps: r(n+g) + g;
    //  - full: pair (i,j) at g + i + j (wavefront), each further rep adds n + g: (r+1)(n+g) - 3.
    // Explicit couplers (hardware-efficient on a device): the no-overlap bound.
    const long long nn = n;
    const Entanglement e = *o.entanglement;
    if (pairs == 0)
        r.depth = (reps + 1) * g;
    else if (pairs == 1 && n == 2)
        r.depth = (reps + 1) * g + reps;
    else if (kind == Kind::HardwareEfficient && !o.couplers.empty()) {
        r.depth = (reps + 1) * g + reps * pairs;
        r.depthExact = false;
    } else if (e == Entanglement::Brick)
        r.depth = (reps + 1) * g + 2 * reps;
    else if (e == Entanglement::Linear || e == Entanglement::ReverseLinear)
        r.depth = nn - 1 + 2 * g + (reps - 1) * (g + 2);
    else if (e == Entanglement::Circular)
        r.depth = reps * (nn + g) + g;
    else
        r.depth = (reps + 1) * (nn + g) - 3;
    return r;
}

Result<Built> buildAnsatz(Kind kind, int n, const Options& o)
{
    NativePlan plan;
    if (kind == Kind::HardwareEfficient) {
        auto p = nativePlan(o.nativeGates);
        if (!p)
            return p.error();
        plan = *p;
        for (const auto& [i, j] : o.couplers)
            if (i < 0 || j < 0 || i >= n || j >= n || i == j)
                return Error{"hardware-efficient ansatz: coupler (" + std::to_string(i) + "," + std::to_string(j)
                             + ") is not a pair of distinct qubits in 0.." + std::to_string(n - 1)};
    }
    CircuitBuilder b(kind, n, o, n);
    const auto pairs = ansatzPairs(kind, n, o);
    auto rotationLayer = [&] {
        if (kind == Kind::HardwareEfficient) {
            for (int q = 0; q < n; ++q)
                nativeBlock(b, plan, q);
            return;
        }
        for (int q = 0; q < n; ++q)
            b.gate(GateKind::RY, {q}, {b.weight()});
        if (kind == Kind::EfficientSU2)
            for (int q = 0; q < n; ++q)
                b.gate(GateKind::RZ, {q}, {b.weight()});
    };
    for (int rep = 0; rep < o.reps; ++rep) {
        rotationLayer();
        for (const auto& [i, j] : pairs) {
            if (kind == Kind::HardwareEfficient)
                nativeEntangler(b, plan, i, j);
            else
                b.gate(GateKind::CX, {i, j});
        }
    }
    rotationLayer();
    return b.finish();
}

} // namespace qpilot::encoding::detail
