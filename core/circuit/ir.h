// core/circuit/ir.h — the circuit IR as plain values: registers, operations (gate, measure,
// reset, barrier, delay, if/else) held in a std::variant, composite gate definitions and the
// Circuit that owns them. Qubits and bits in operations are global indices (qubit 0 is the
// least significant bit of a basis-state index); registers name contiguous ranges of them.
#pragma once

#include "core/circuit/expr.h"
#include "core/circuit/gates.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace qpilot {

// Hard limits of the IR (the simulator has its own memory guard on top).
constexpr int kMaxQubits = 4096;
constexpr int kMaxClbits = 65536;

struct Register {
    std::string name;
    int offset = 0;      // first global index
    int size = 0;
    bool scalar = false; // declared without a size (OpenQASM 3 `qubit q;` / `bit b;`)
    bool operator==(const Register& o) const
    {
        return name == o.name && offset == o.offset && size == o.size && scalar == o.scalar;
    }
};

struct Modifier {
    enum class Kind { Ctrl, NegCtrl, Inv, Pow };
    Kind kind = Kind::Inv;
    int count = 1;   // number of control qubits for Ctrl/NegCtrl
    Expr exponent;   // for Pow
    bool operator==(const Modifier& o) const
    {
        return kind == o.kind && count == o.count && exponent == o.exponent;
    }
};

// A gate application. Modifiers apply outermost first as written: `inv @ ctrl @ x a, b`
// has modifiers {Inv, Ctrl}. Control operands come first in `qubits`, in modifier order.
struct GateOp {
    GateKind kind = GateKind::I;
    std::string name;              // set for GateKind::Custom (the definition's name)
    std::vector<Expr> params;
    std::vector<int> qubits;
    std::vector<Modifier> modifiers;
    bool operator==(const GateOp& o) const
    {
        return kind == o.kind && name == o.name && params == o.params && qubits == o.qubits
            && modifiers == o.modifiers;
    }
};

struct MeasureOp {
    int qubit = 0;
    int clbit = 0; // -1: result discarded (OpenQASM 3 `measure q;`)
    bool operator==(const MeasureOp& o) const { return qubit == o.qubit && clbit == o.clbit; }
};

struct ResetOp {
    int qubit = 0;
    bool operator==(const ResetOp& o) const { return qubit == o.qubit; }
};

struct BarrierOp {
    std::vector<int> qubits; // empty = all qubits
    bool operator==(const BarrierOp& o) const { return qubits == o.qubits; }
};

struct DelayOp {
    double duration = 0;     // in `unit`
    std::string unit = "dt"; // ns, us, ms, s or dt (backend cycles), as written
    std::vector<int> qubits;
    bool operator==(const DelayOp& o) const
    {
        return duration == o.duration && unit == o.unit && qubits == o.qubits;
    }
    // Duration in seconds; nullopt for "dt" (device dependent).
    std::optional<double> seconds() const;
};

// `bits` (global classical indices, least significant first) read as an unsigned integer
// equal to `value`. A single-bit test has one bit; a register test lists all its bits.
struct Condition {
    std::vector<int> bits;
    std::uint64_t value = 1;
    bool operator==(const Condition& o) const { return bits == o.bits && value == o.value; }
};

struct Operation;

struct IfElseOp {
    Condition condition;
    std::vector<Operation> thenOps;
    std::vector<Operation> elseOps;
    bool operator==(const IfElseOp& o) const;
};

struct Operation {
    std::variant<GateOp, MeasureOp, ResetOp, BarrierOp, DelayOp, IfElseOp> op;
    bool operator==(const Operation& o) const { return op == o.op; }
    bool operator!=(const Operation& o) const { return !(op == o.op); }
};

inline bool IfElseOp::operator==(const IfElseOp& o) const
{
    return condition == o.condition && thenOps == o.thenOps && elseOps == o.elseOps;
}

// A user-defined gate. The body uses operand indices 0..qubitArgs-1 and the parameter names.
struct GateDefinition {
    std::string name;
    std::vector<std::string> paramNames;
    std::vector<std::string> qubitNames; // operand names as written (for writers)
    std::vector<Operation> body;         // GateOp and BarrierOp only
    bool operator==(const GateDefinition& o) const
    {
        return name == o.name && paramNames == o.paramNames && qubitNames == o.qubitNames
            && body == o.body;
    }
};

struct Circuit {
    std::vector<Register> qregs;
    std::vector<Register> cregs;
    std::vector<std::string> parameters;     // free (input) parameters, in declaration order
    std::vector<GateDefinition> definitions; // in definition order (a body uses only earlier ones)
    std::vector<Operation> ops;

    int numQubits() const;
    int numClbits() const;
    const GateDefinition* definition(const std::string& name) const;

    // Convenience builders for code and tests (append and return *this).
    Circuit& addQreg(const std::string& name, int size);
    Circuit& addCreg(const std::string& name, int size);
    Circuit& gate(GateKind kind, std::vector<int> qubits, std::vector<Expr> params = {});
    Circuit& measure(int qubit, int clbit);

    bool operator==(const Circuit& o) const
    {
        return qregs == o.qregs && cregs == o.cregs && parameters == o.parameters
            && definitions == o.definitions && ops == o.ops;
    }
    bool operator!=(const Circuit& o) const { return !(*this == o); }
};

} // namespace qpilot
