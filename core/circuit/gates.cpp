// core/circuit/gates.cpp — the standard gate table: names, matrices, exact definitions in
// terms of U, CX and gphase (after qelib1.inc and the OpenQASM 3 standard library), inverses.
#include "core/circuit/gates.h"
#include "core/circuit/transform.h"

#include <cmath>
#include <map>

namespace qpilot {

namespace {

const Complex kI(0.0, 1.0);

Matrix m1(Complex a, Complex b, Complex c, Complex d) { return Matrix{1, {a, b, c, d}}; }
Matrix diag1(Complex a, Complex d) { return m1(a, 0, 0, d); }

Matrix uMatrix(double theta, double phi, double lambda)
{
    const double c = std::cos(theta / 2), s = std::sin(theta / 2);
    return m1(c, -std::exp(kI * lambda) * s, std::exp(kI * phi) * s, std::exp(kI * (phi + lambda)) * c);
}

Matrix controlled1(const Matrix& m) { return controlledMatrix(m, 1, false); }

Matrix swapLike(Complex offDiagonal)
{
    Matrix m = Matrix::identity(2);
    m.at(1, 1) = 0;
    m.at(2, 2) = 0;
    m.at(1, 2) = offDiagonal;
    m.at(2, 1) = offDiagonal;
    return m;
}

// exp(-i theta/2 P⊗Q) for involutions P (operand 0) and Q (operand 1) given as 2x2 matrices.
Matrix pauliPairRotation(const Matrix& p, const Matrix& q, double theta)
{
    Matrix pp{2, std::vector<Complex>(16)};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            pp.at(r, c) = p.at(r & 1, c & 1) * q.at(r >> 1, c >> 1);
    Matrix out = Matrix::identity(2);
    for (size_t i = 0; i < out.data.size(); ++i)
        out.data[i] = out.data[i] * std::cos(theta / 2) - kI * std::sin(theta / 2) * pp.data[i];
    return out;
}

// σ(φ) = cos φ X + sin φ Y = [[0, e^{-iφ}], [e^{iφ}, 0]].
Matrix phasedX(double phi) { return m1(0, std::exp(-kI * phi), std::exp(kI * phi), 0); }

// exp(-i theta/2 P⊗P) for a Pauli P given by its 2x2 matrix.
Matrix pauliPairRotation(const Matrix& p, double theta)
{
    Matrix pp{2, std::vector<Complex>(16)};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            pp.at(r, c) = p.at(r & 1, c & 1) * p.at(r >> 1, c >> 1);
    Matrix out = Matrix::identity(2);
    for (size_t i = 0; i < out.data.size(); ++i)
        out.data[i] = out.data[i] * std::cos(theta / 2) - kI * std::sin(theta / 2) * pp.data[i];
    return out;
}

const std::vector<GateInfo> kTable = {
    // kind, name, qubits, params, stdgates, qelib1, summary
    {GateKind::GPhase, "gphase", 0, 1, true, false, "Global phase e^{iγ}"},
    {GateKind::I, "id", 1, 0, true, true, "Identity"},
    {GateKind::X, "x", 1, 0, true, true, "Pauli X (NOT)"},
    {GateKind::Y, "y", 1, 0, true, true, "Pauli Y"},
    {GateKind::Z, "z", 1, 0, true, true, "Pauli Z"},
    {GateKind::H, "h", 1, 0, true, true, "Hadamard"},
    {GateKind::S, "s", 1, 0, true, true, "S = √Z"},
    {GateKind::Sdg, "sdg", 1, 0, true, true, "S†"},
    {GateKind::T, "t", 1, 0, true, true, "T = √S"},
    {GateKind::Tdg, "tdg", 1, 0, true, true, "T†"},
    {GateKind::SX, "sx", 1, 0, true, true, "√X"},
    {GateKind::SXdg, "sxdg", 1, 0, false, true, "√X†"},
    {GateKind::RX, "rx", 1, 1, true, true, "Rotation about X: exp(-iθX/2)"},
    {GateKind::RY, "ry", 1, 1, true, true, "Rotation about Y: exp(-iθY/2)"},
    {GateKind::RZ, "rz", 1, 1, true, true, "Rotation about Z: exp(-iθZ/2)"},
    {GateKind::P, "p", 1, 1, true, true, "Phase: diag(1, e^{iλ})"},
    {GateKind::U1, "u1", 1, 1, true, true, "Phase (OpenQASM 2 name of p)"},
    {GateKind::U2, "u2", 1, 2, true, true, "U(π/2, φ, λ)"},
    {GateKind::U3, "u3", 1, 3, true, true, "General single-qubit gate (= U)"},
    {GateKind::U, "U", 1, 3, true, true, "Built-in general single-qubit gate U(θ, φ, λ)"},
    {GateKind::CX, "cx", 2, 0, true, true, "Controlled X (CNOT)"},
    {GateKind::CY, "cy", 2, 0, true, true, "Controlled Y"},
    {GateKind::CZ, "cz", 2, 0, true, true, "Controlled Z"},
    {GateKind::CH, "ch", 2, 0, true, true, "Controlled Hadamard"},
    {GateKind::CP, "cp", 2, 1, true, true, "Controlled phase"},
    {GateKind::CRX, "crx", 2, 1, true, true, "Controlled RX"},
    {GateKind::CRY, "cry", 2, 1, true, true, "Controlled RY"},
    {GateKind::CRZ, "crz", 2, 1, true, true, "Controlled RZ"},
    {GateKind::CU1, "cu1", 2, 1, false, true, "Controlled phase (OpenQASM 2 name)"},
    {GateKind::CU3, "cu3", 2, 3, false, true, "Controlled U3"},
    {GateKind::CU, "cu", 2, 4, true, true, "Controlled e^{iγ}U(θ, φ, λ)"},
    {GateKind::Swap, "swap", 2, 0, true, true, "Swap"},
    {GateKind::ISwap, "iswap", 2, 0, false, false, "iSWAP"},
    {GateKind::ECR, "ecr", 2, 0, false, false, "Echoed cross-resonance (IBM Eagle native)"},
    {GateKind::RXX, "rxx", 2, 1, false, true, "XX rotation: exp(-iθ X⊗X/2)"},
    {GateKind::RYY, "ryy", 2, 1, false, false, "YY rotation: exp(-iθ Y⊗Y/2)"},
    {GateKind::RZZ, "rzz", 2, 1, false, true, "ZZ rotation: exp(-iθ Z⊗Z/2)"},
    {GateKind::CCX, "ccx", 3, 0, true, true, "Toffoli (controlled-controlled X)"},
    {GateKind::CSwap, "cswap", 3, 0, true, true, "Fredkin (controlled swap)"},
    {GateKind::PRX, "prx", 1, 2, false, false, "Phased X rotation: exp(-iθ/2 (cos φ X + sin φ Y)) (IQM, Quantinuum U1q)"},
    {GateKind::GPI, "gpi", 1, 1, false, false, "IonQ GPi(φ): π rotation about cos φ X + sin φ Y"},
    {GateKind::GPI2, "gpi2", 1, 1, false, false, "IonQ GPi2(φ): π/2 rotation about cos φ X + sin φ Y"},
    {GateKind::MS, "ms", 2, 3, false, false, "IonQ Mølmer–Sørensen MS(φ0, φ1, θ) = exp(-iθ/2 σ(φ0)⊗σ(φ1)), radians"},
};

DefinitionStep step(GateKind k, std::vector<Expr> params, std::vector<int> operands)
{
    return DefinitionStep{k, std::move(params), std::move(operands)};
}

} // namespace

Matrix Matrix::identity(int qubits)
{
    Matrix m{qubits, std::vector<Complex>(size_t(1) << (2 * qubits))};
    for (int i = 0; i < m.dim(); ++i)
        m.at(i, i) = 1.0;
    return m;
}

const std::vector<GateInfo>& gateTable() { return kTable; }

const GateInfo& gateInfo(GateKind kind) { return kTable.at(static_cast<size_t>(kind)); }

std::optional<GateKind> gateKindByName(std::string_view name)
{
    static const std::map<std::string, GateKind, std::less<>> names = [] {
        std::map<std::string, GateKind, std::less<>> m;
        for (const GateInfo& g : kTable)
            m.emplace(g.name, g.kind);
        m.emplace("CX", GateKind::CX);
        m.emplace("phase", GateKind::P);
        m.emplace("cphase", GateKind::CP);
        m.emplace("u", GateKind::U3); // qelib1.inc (Qiskit) alias of u3
        return m;
    }();
    auto it = names.find(name);
    if (it == names.end())
        return std::nullopt;
    return it->second;
}

Matrix gateMatrix(GateKind kind, const std::vector<double>& p)
{
    const double r2 = 1.0 / std::sqrt(2.0);
    auto P = [&](size_t i) { return i < p.size() ? p[i] : 0.0; };
    switch (kind) {
    case GateKind::GPhase: return Matrix{0, {std::exp(kI * P(0))}};
    case GateKind::I: return Matrix::identity(1);
    case GateKind::X: return m1(0, 1, 1, 0);
    case GateKind::Y: return m1(0, -kI, kI, 0);
    case GateKind::Z: return diag1(1, -1);
    case GateKind::H: return m1(r2, r2, r2, -r2);
    case GateKind::S: return diag1(1, kI);
    case GateKind::Sdg: return diag1(1, -kI);
    case GateKind::T: return diag1(1, std::exp(kI * (M_PI / 4)));
    case GateKind::Tdg: return diag1(1, std::exp(-kI * (M_PI / 4)));
    case GateKind::SX: return m1(Complex(0.5, 0.5), Complex(0.5, -0.5), Complex(0.5, -0.5), Complex(0.5, 0.5));
    case GateKind::SXdg: return m1(Complex(0.5, -0.5), Complex(0.5, 0.5), Complex(0.5, 0.5), Complex(0.5, -0.5));
    case GateKind::RX: {
        const double c = std::cos(P(0) / 2), s = std::sin(P(0) / 2);
        return m1(c, -kI * s, -kI * s, c);
    }
    case GateKind::RY: {
        const double c = std::cos(P(0) / 2), s = std::sin(P(0) / 2);
        return m1(c, -s, s, c);
    }
    case GateKind::RZ: return diag1(std::exp(-kI * (P(0) / 2)), std::exp(kI * (P(0) / 2)));
    case GateKind::P:
    case GateKind::U1: return diag1(1, std::exp(kI * P(0)));
    case GateKind::U2: return uMatrix(M_PI / 2, P(0), P(1));
    case GateKind::U3:
    case GateKind::U: return uMatrix(P(0), P(1), P(2));
    case GateKind::CX: return controlled1(gateMatrix(GateKind::X, {}));
    case GateKind::CY: return controlled1(gateMatrix(GateKind::Y, {}));
    case GateKind::CZ: return controlled1(gateMatrix(GateKind::Z, {}));
    case GateKind::CH: return controlled1(gateMatrix(GateKind::H, {}));
    case GateKind::CP:
    case GateKind::CU1: return controlled1(gateMatrix(GateKind::P, {P(0)}));
    case GateKind::CRX: return controlled1(gateMatrix(GateKind::RX, {P(0)}));
    case GateKind::CRY: return controlled1(gateMatrix(GateKind::RY, {P(0)}));
    case GateKind::CRZ: return controlled1(gateMatrix(GateKind::RZ, {P(0)}));
    case GateKind::CU3: return controlled1(uMatrix(P(0), P(1), P(2)));
    case GateKind::CU: {
        Matrix u = uMatrix(P(0), P(1), P(2));
        for (Complex& z : u.data)
            z *= std::exp(kI * P(3));
        return controlled1(u);
    }
    case GateKind::Swap: return swapLike(1.0);
    case GateKind::ISwap: return swapLike(kI);
    case GateKind::ECR: {
        // (X⊗I - Y on operand 0 with X on operand 1)/√2 in our operand-0-least-significant order.
        Matrix m{2, std::vector<Complex>(16)};
        const Complex rows[4][4] = {{0, 1, 0, kI}, {1, 0, -kI, 0}, {0, kI, 0, 1}, {-kI, 0, 1, 0}};
        for (int r = 0; r < 4; ++r)
            for (int c = 0; c < 4; ++c)
                m.at(r, c) = rows[r][c] * r2;
        return m;
    }
    case GateKind::RXX: return pauliPairRotation(gateMatrix(GateKind::X, {}), P(0));
    case GateKind::RYY: return pauliPairRotation(gateMatrix(GateKind::Y, {}), P(0));
    case GateKind::RZZ: return pauliPairRotation(gateMatrix(GateKind::Z, {}), P(0));
    case GateKind::CCX: return controlledMatrix(gateMatrix(GateKind::X, {}), 2, false);
    case GateKind::CSwap: return controlledMatrix(swapLike(1.0), 1, false);
    case GateKind::PRX: {
        const double c = std::cos(P(0) / 2), s = std::sin(P(0) / 2);
        return m1(c, -kI * std::exp(-kI * P(1)) * s, -kI * std::exp(kI * P(1)) * s, c);
    }
    case GateKind::GPI: return phasedX(P(0));
    case GateKind::GPI2: return m1(r2, -kI * std::exp(-kI * P(0)) * r2, -kI * std::exp(kI * P(0)) * r2, r2);
    case GateKind::MS: return pauliPairRotation(phasedX(P(0)), phasedX(P(1)), P(2));
    case GateKind::Custom: break;
    }
    return Matrix::identity(1);
}

std::vector<DefinitionStep> gateDefinition(GateKind kind, const std::vector<Expr>& p)
{
    using K = GateKind;
    const Expr pi(M_PI);
    auto P = [&](size_t i) { return i < p.size() ? p[i] : Expr(0.0); };
    switch (kind) {
    case K::GPhase:
    case K::U:
    case K::CX:
    case K::Custom: return {};
    case K::I: return {step(K::U, {0.0, 0.0, 0.0}, {0})};
    case K::X: return {step(K::U, {pi, 0.0, pi}, {0})};
    case K::Y: return {step(K::U, {pi, pi / 2.0, pi / 2.0}, {0})};
    case K::Z: return {step(K::U, {0.0, 0.0, pi}, {0})};
    case K::H: return {step(K::U, {pi / 2.0, 0.0, pi}, {0})};
    case K::S: return {step(K::U, {0.0, 0.0, pi / 2.0}, {0})};
    case K::Sdg: return {step(K::U, {0.0, 0.0, -pi / 2.0}, {0})};
    case K::T: return {step(K::U, {0.0, 0.0, pi / 4.0}, {0})};
    case K::Tdg: return {step(K::U, {0.0, 0.0, -pi / 4.0}, {0})};
    case K::SX: return {step(K::GPhase, {pi / 4.0}, {}), step(K::RX, {pi / 2.0}, {0})};
    case K::SXdg: return {step(K::GPhase, {-pi / 4.0}, {}), step(K::RX, {-pi / 2.0}, {0})};
    case K::RX: return {step(K::U, {P(0), -pi / 2.0, pi / 2.0}, {0})};
    case K::RY: return {step(K::U, {P(0), 0.0, 0.0}, {0})};
    case K::RZ: return {step(K::GPhase, {-P(0) / 2.0}, {}), step(K::U, {0.0, 0.0, P(0)}, {0})};
    case K::P:
    case K::U1: return {step(K::U, {0.0, 0.0, P(0)}, {0})};
    case K::U2: return {step(K::U, {pi / 2.0, P(0), P(1)}, {0})};
    case K::U3: return {step(K::U, {P(0), P(1), P(2)}, {0})};
    case K::CY: return {step(K::Sdg, {}, {1}), step(K::CX, {}, {0, 1}), step(K::S, {}, {1})};
    case K::CZ: return {step(K::H, {}, {1}), step(K::CX, {}, {0, 1}), step(K::H, {}, {1})};
    case K::CH:
        return {step(K::S, {}, {1}), step(K::H, {}, {1}), step(K::T, {}, {1}), step(K::CX, {}, {0, 1}),
                step(K::Tdg, {}, {1}), step(K::H, {}, {1}), step(K::Sdg, {}, {1})};
    case K::CP:
    case K::CU1:
        return {step(K::U1, {P(0) / 2.0}, {0}), step(K::CX, {}, {0, 1}), step(K::U1, {-P(0) / 2.0}, {1}),
                step(K::CX, {}, {0, 1}), step(K::U1, {P(0) / 2.0}, {1})};
    case K::CRZ:
        return {step(K::U1, {P(0) / 2.0}, {1}), step(K::CX, {}, {0, 1}), step(K::U1, {-P(0) / 2.0}, {1}),
                step(K::CX, {}, {0, 1})};
    case K::CRY:
        return {step(K::RY, {P(0) / 2.0}, {1}), step(K::CX, {}, {0, 1}), step(K::RY, {-P(0) / 2.0}, {1}),
                step(K::CX, {}, {0, 1})};
    case K::CRX: return {step(K::H, {}, {1}), step(K::CRZ, {P(0)}, {0, 1}), step(K::H, {}, {1})};
    case K::CU3: {
        const Expr& t = P(0);
        const Expr& ph = P(1);
        const Expr& l = P(2);
        return {step(K::U1, {(l + ph) / 2.0}, {0}), step(K::U1, {(l - ph) / 2.0}, {1}), step(K::CX, {}, {0, 1}),
                step(K::U3, {-t / 2.0, 0.0, -(ph + l) / 2.0}, {1}), step(K::CX, {}, {0, 1}),
                step(K::U3, {t / 2.0, ph, 0.0}, {1})};
    }
    case K::CU: return {step(K::P, {P(3)}, {0}), step(K::CU3, {P(0), P(1), P(2)}, {0, 1})};
    case K::Swap: return {step(K::CX, {}, {0, 1}), step(K::CX, {}, {1, 0}), step(K::CX, {}, {0, 1})};
    case K::ISwap:
        return {step(K::S, {}, {0}), step(K::S, {}, {1}), step(K::H, {}, {0}), step(K::CX, {}, {0, 1}),
                step(K::CX, {}, {1, 0}), step(K::H, {}, {1})};
    case K::ECR:
        return {step(K::GPhase, {-pi / 4.0}, {}), step(K::S, {}, {0}), step(K::SX, {}, {1}),
                step(K::CX, {}, {0, 1}), step(K::X, {}, {0})};
    case K::RXX:
        return {step(K::H, {}, {0}), step(K::H, {}, {1}), step(K::CX, {}, {0, 1}), step(K::RZ, {P(0)}, {1}),
                step(K::CX, {}, {0, 1}), step(K::H, {}, {0}), step(K::H, {}, {1})};
    case K::RYY:
        return {step(K::RX, {pi / 2.0}, {0}), step(K::RX, {pi / 2.0}, {1}), step(K::CX, {}, {0, 1}),
                step(K::RZ, {P(0)}, {1}), step(K::CX, {}, {0, 1}), step(K::RX, {-pi / 2.0}, {0}),
                step(K::RX, {-pi / 2.0}, {1})};
    case K::RZZ: return {step(K::CX, {}, {0, 1}), step(K::RZ, {P(0)}, {1}), step(K::CX, {}, {0, 1})};
    case K::CCX:
        return {step(K::H, {}, {2}),     step(K::CX, {}, {1, 2}), step(K::Tdg, {}, {2}), step(K::CX, {}, {0, 2}),
                step(K::T, {}, {2}),     step(K::CX, {}, {1, 2}), step(K::Tdg, {}, {2}), step(K::CX, {}, {0, 2}),
                step(K::T, {}, {1}),     step(K::T, {}, {2}),     step(K::H, {}, {2}),   step(K::CX, {}, {0, 1}),
                step(K::T, {}, {0}),     step(K::Tdg, {}, {1}),   step(K::CX, {}, {0, 1})};
    case K::CSwap: return {step(K::CX, {}, {2, 1}), step(K::CCX, {}, {0, 1, 2}), step(K::CX, {}, {2, 1})};
    // prx(θ, φ) = rz(φ) rx(θ) rz(-φ) = U(θ, φ - π/2, π/2 - φ) exactly (the rz phases cancel).
    case K::PRX: return {step(K::U, {P(0), P(1) - pi / 2.0, pi / 2.0 - P(1)}, {0})};
    case K::GPI: return {step(K::U, {pi, P(0), pi - P(0)}, {0})};
    case K::GPI2: return {step(K::U, {pi / 2.0, P(0) - pi / 2.0, pi / 2.0 - P(0)}, {0})};
    // σ(φ) = rz(φ) X rz(-φ), so ms = (rz(φ0)⊗rz(φ1)) rxx(θ) (rz(-φ0)⊗rz(-φ1)).
    case K::MS:
        return {step(K::RZ, {-P(0)}, {0}), step(K::RZ, {-P(1)}, {1}), step(K::RXX, {P(2)}, {0, 1}),
                step(K::RZ, {P(0)}, {0}), step(K::RZ, {P(1)}, {1})};
    }
    return {};
}

std::vector<DefinitionStep> gateInverse(GateKind kind, const std::vector<Expr>& p)
{
    using K = GateKind;
    const int n = gateInfo(kind).qubits;
    std::vector<int> ops;
    for (int i = 0; i < n; ++i)
        ops.push_back(i);
    auto same = [&](K k, std::vector<Expr> params) { return std::vector<DefinitionStep>{step(k, std::move(params), ops)}; };
    auto P = [&](size_t i) { return i < p.size() ? p[i] : Expr(0.0); };
    switch (kind) {
    case K::S: return same(K::Sdg, {});
    case K::Sdg: return same(K::S, {});
    case K::T: return same(K::Tdg, {});
    case K::Tdg: return same(K::T, {});
    case K::SX: return same(K::SXdg, {});
    case K::SXdg: return same(K::SX, {});
    case K::GPhase:
    case K::RX:
    case K::RY:
    case K::RZ:
    case K::P:
    case K::U1:
    case K::CP:
    case K::CRX:
    case K::CRY:
    case K::CRZ:
    case K::CU1:
    case K::RXX:
    case K::RYY:
    case K::RZZ: return same(kind, {-P(0)});
    case K::U2: return same(K::U3, {-Expr(M_PI) / 2.0, -P(1), -P(0)});
    case K::U3:
    case K::U:
    case K::CU3: return same(kind, {-P(0), -P(2), -P(1)});
    case K::CU: return same(kind, {-P(0), -P(2), -P(1), -P(3)});
    case K::PRX: return same(kind, {-P(0), P(1)});
    case K::GPI2: return same(kind, {P(0) + Expr(M_PI)});
    case K::MS: return same(kind, {P(0), P(1), -P(2)});
    case K::ISwap: {
        // Reverse of the definition with each step inverted.
        std::vector<DefinitionStep> def = gateDefinition(kind, p);
        std::vector<DefinitionStep> out;
        for (auto it = def.rbegin(); it != def.rend(); ++it) {
            std::vector<DefinitionStep> inv = gateInverse(it->kind, it->params);
            for (DefinitionStep& s : inv) {
                for (int& o : s.operands)
                    o = it->operands[size_t(o)];
                out.push_back(std::move(s));
            }
        }
        return out;
    }
    default: return same(kind, p); // self-inverse: id x y z h cx cy cz ch swap ecr ccx cswap gpi
    }
}

} // namespace qpilot
