// core/circuit/gates.h — the standard gate table: every gate of OpenQASM 3 stdgates.inc and
// OpenQASM 2 qelib1.inc (plus the common extras rxx, ryy, rzz, ecr, iswap, sxdg), each with
// its name, arity, parameter count, matrix, inverse and definition in terms of U, CX and gphase.
// Hardware-native extras (angles in radians, also for IonQ whose API uses turns):
//   prx(θ, φ)      = exp(-iθ/2 (cos φ X + sin φ Y))                       (IQM prx, Quantinuum U1q)
//   gpi(φ)         = [[0, e^{-iφ}], [e^{iφ}, 0]]                          (IonQ GPi)
//   gpi2(φ)        = 1/√2 [[1, -i e^{-iφ}], [-i e^{iφ}, 1]]               (IonQ GPi2)
//   ms(φ0, φ1, θ)  = exp(-iθ/2 σ(φ0)⊗σ(φ1)), σ(φ) = cos φ X + sin φ Y    (IonQ MS; θ = π/2 is
//                    IonQ's default 0.25 turns, the fully entangling gate; ms(0, 0, θ) = rxx(θ))
//
// Matrix convention: row-major, dimension 2^k for a k-qubit gate; operand i of the gate is
// bit i of the row/column index (operand 0 least significant, as qubit 0 is for states).
// So for cx (control, target) the control is bit 0. Matrices follow the mathematical
// definitions of the OpenQASM 3 standard library; u1/u2/u3 follow qelib1.inc (u3 == U).
#pragma once

#include "core/circuit/expr.h"

#include <complex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qpilot {

using Complex = std::complex<double>;

enum class GateKind {
    GPhase, // global phase, 0 qubits
    I, X, Y, Z, H, S, Sdg, T, Tdg, SX, SXdg,
    RX, RY, RZ, P, U1, U2, U3, U,
    CX, CY, CZ, CH, CP, CRX, CRY, CRZ, CU1, CU3, CU,
    Swap, ISwap, ECR, RXX, RYY, RZZ,
    CCX, CSwap,
    PRX, GPI, GPI2, MS, // native gates of IQM/Quantinuum (prx) and IonQ (gpi, gpi2, ms)
    Custom // a user-defined (composite) gate; see GateDefinition
};

// A dense k-qubit matrix in the convention above.
struct Matrix {
    int qubits = 0;
    std::vector<Complex> data; // (1<<qubits)^2 entries, row-major
    int dim() const { return 1 << qubits; }
    Complex& at(int row, int col) { return data[size_t(row) * size_t(dim()) + size_t(col)]; }
    Complex at(int row, int col) const { return data[size_t(row) * size_t(dim()) + size_t(col)]; }
    static Matrix identity(int qubits);
};

struct GateInfo {
    GateKind kind;
    const char* name;      // canonical OpenQASM name ("cx", "U", "gphase")
    int qubits;
    int params;
    bool inStdgates;       // defined by OpenQASM 3 stdgates.inc (or a language builtin)
    bool inQelib1;         // defined by OpenQASM 2 qelib1.inc (or a builtin U/CX)
    const char* summary;   // one line for palettes and --help
};

// The table, one row per GateKind except Custom, in enum order.
const std::vector<GateInfo>& gateTable();
const GateInfo& gateInfo(GateKind kind);

// Looks up a standard gate by any of its OpenQASM names (including aliases CX, phase,
// cphase, u). Returns nullopt for unknown names.
std::optional<GateKind> gateKindByName(std::string_view name);

// Matrix of a standard gate for numeric parameters (params.size() must equal the table's count).
Matrix gateMatrix(GateKind kind, const std::vector<double>& params);

// One step of a gate definition: a standard gate on definition-local operands.
struct DefinitionStep {
    GateKind kind;
    std::vector<Expr> params;
    std::vector<int> operands;
};

// Exact definition (including global phase) of a standard gate in terms of U, CX and GPhase
// and other standard gates; recursively expanding it reaches only U, CX and GPhase.
// Returns an empty list for the primitives U, CX and GPhase themselves.
std::vector<DefinitionStep> gateDefinition(GateKind kind, const std::vector<Expr>& params);

// The inverse in standard gates with exact global phase: one step where a standard gate is
// the inverse (rx(t) -> rx(-t), s -> sdg, u3(t,p,l) -> u3(-t,-l,-p)), otherwise the
// inverted definition (iswap). Operands are the gate's own (0..arity-1).
std::vector<DefinitionStep> gateInverse(GateKind kind, const std::vector<Expr>& params);

} // namespace qpilot
