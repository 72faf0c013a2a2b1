// core/circuit/qasm_ast.h — the syntax tree of one OpenQASM statement (internal to the reader).
// The parser produces statements one at a time; the elaborator turns them into IR. Only loop,
// branch and gate bodies are kept as trees, so memory stays small for long flat programs.
#pragma once

#include "core/circuit/ir.h"
#include "core/circuit/qasm_lexer.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qpilot::qasm {

// A source position; `file` indexes the reader's list of file names.
struct Loc {
    int file = 0;
    int line = 0;
    int column = 0;
};

// A parse or elaboration failure; thrown inside the reader only and turned into an Error at the
// public entry points.
struct Failure {
    Loc loc;
    std::string message;
};

enum class ExprKind {
    Int,    // intValue
    Float,  // floatValue
    Bool,   // boolValue
    Ident,  // name (includes pi, π, tau, τ, euler, ℇ)
    Unary,  // op, args[0]
    Binary, // op, args[0], args[1]
    Call,   // name(args...)
    Index,  // name[args[0]]
    Cast,   // name (a type) (args[0]); castWidth > 0 when written as int[32](...)
};

struct ExprNode {
    ExprKind kind = ExprKind::Int;
    Loc loc;
    std::string name;
    TokenKind op = TokenKind::End;
    std::uint64_t intValue = 0;
    double floatValue = 0;
    bool boolValue = false;
    std::vector<ExprNode> args;
    std::optional<std::uint64_t> castWidth;
    int depth = 1; // height of this tree (long operator chains are refused before evaluation)
};

// What follows a register name in brackets: q[i], q[a:b], q[a:s:b], q[{i, j}].
struct IndexNode {
    enum class Kind { Single, Range, Set };
    Kind kind = Kind::Single;
    Loc loc;
    std::vector<ExprNode> items;    // Single: 1, Set: n
    std::optional<ExprNode> start;  // Range (each part may be omitted: q[:], q[1:])
    std::optional<ExprNode> step;
    std::optional<ExprNode> end;
};

// A quantum or classical operand: `q`, `q[...]` or a physical qubit `$n`.
struct OperandNode {
    Loc loc;
    std::string name;
    bool physical = false;
    std::uint64_t physicalIndex = 0;
    std::optional<IndexNode> index;
};

struct ModifierNode {
    Loc loc;
    Modifier::Kind kind = Modifier::Kind::Inv;
    std::optional<ExprNode> argument; // ctrl(n), negctrl(n), pow(k)
};

enum class StmtKind {
    Include,       // name = path
    QuantumDecl,   // qreg name[size]; / qubit[size] name; (size absent: scalar)
    ClassicalDecl, // [const|input|output] type[width] name [= value | = measure operand];
    GateDef,       // gate name(paramNames) qubitNames { body }
    GateCall,      // modifiers name(params) operands;
    Measure,       // measure operands[0] [-> target];  target = measure operands[0];
    Reset,         // reset operands;
    Barrier,       // barrier operands;
    Delay,         // delay[duration unit] operands;
    Assign,        // target op value;
    If,            // if (value) body [else elseBody]
    For,           // for type name in range body
    While,         // while (value) body
    Break,
    Continue,
    Block,         // { body }
};

struct Stmt {
    StmtKind kind = StmtKind::Block;
    Loc loc;                       // the statement's first token
    std::string name;
    Loc nameLoc;
    std::string type;              // qreg qubit creg bit int uint float angle bool ("" untyped)
    bool oldStyle = false;         // qreg/creg (size written after the name)
    std::optional<ExprNode> size;  // register size or type width
    bool isConst = false;
    bool isInput = false;
    std::optional<ExprNode> value; // initializer, assigned value, condition
    TokenKind assignOp = TokenKind::Assign;
    bool measureValue = false;     // the value is `measure operands[0]`
    std::vector<ModifierNode> modifiers;
    std::vector<ExprNode> params;
    std::vector<OperandNode> operands;
    std::optional<OperandNode> target;
    std::vector<std::string> paramNames;
    std::vector<Loc> paramLocs;
    std::vector<std::string> qubitNames;
    std::vector<Loc> qubitLocs;
    std::vector<Stmt> body;
    std::vector<Stmt> elseBody;
    bool hasElse = false;
    std::optional<IndexNode> range; // for loops: Range or Set
    double duration = 0;           // delay
    std::string unit;
};

} // namespace qpilot::qasm
