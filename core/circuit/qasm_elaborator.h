// core/circuit/qasm_elaborator.h — the OpenQASM elaborator (internal to the reader): executes the
// parsed statements into a Circuit. It keeps scopes of registers and classical values, unrolls
// loops, evaluates compile-time expressions, resolves gates, expands broadcasts and turns branches
// on measured bits into IfElseOp. Failures are thrown as qasm::Failure (see qasm_ast.h).
//
// Its implementation is split by topic: qasm_reader.cpp (entry points, statements, control flow,
// includes, declarations), qasm_eval.cpp (classical values and expressions, conditions) and
// qasm_quantum.cpp (operands, gate calls, measurement, gate definitions).
#pragma once

#include "core/circuit/qasm.h"
#include "core/circuit/qasm_ast.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace qpilot::qasm {

// A classical value at elaboration time: an integer, a real, a bool, or a symbolic expression
// over input parameters (or over gate parameters inside a gate body).
struct Value {
    enum class Kind { Int, Float, Bool, Sym };
    Kind kind = Kind::Int;
    std::int64_t i = 0;
    double f = 0;
    bool b = false;
    std::optional<Expr> sym; // set for Sym only (numbers need no allocation)
    int symDepth = 0;        // height of `sym`, bounded so that huge symbolic trees are refused

    static Value ofInt(std::int64_t v) { Value x; x.kind = Kind::Int; x.i = v; return x; }
    static Value ofFloat(double v) { Value x; x.kind = Kind::Float; x.f = v; return x; }
    static Value ofBool(bool v) { Value x; x.kind = Kind::Bool; x.b = v; return x; }
    static Value ofSym(Expr e, int depth);
    bool isNumber() const { return kind == Kind::Int || kind == Kind::Float; }
    double number() const { return kind == Kind::Int ? double(i) : f; }
};

enum class VarType { Int, UInt, Float, Angle, Bool };

struct Symbol {
    enum class Kind { QReg, CReg, Var, Input, GateQubit, GateParam };
    Kind kind = Kind::Var;
    Loc loc;           // declaration
    int index = 0;     // QReg/CReg: index into the circuit's registers; GateQubit: operand number
    VarType type = VarType::Int;
    int width = 0;     // 0: unsized
    bool isConst = false;
    Value value;
    bool known = true; // false: uninitialised, or assigned in a branch on a measured value
    Loc unknownLoc;    // where it stopped being known
    bool uninitialised = false;
    int branchLevel = 0; // runtime-branch nesting where it was declared
};

// A resolved quantum or classical operand: global indices, and whether it was a single element.
struct IndexList {
    std::vector<int> indices;
    bool single = true;
};

class Elaborator {
public:
    explicit Elaborator(const QasmReadOptions& options) : m_options(options) {}

    // Elaborates a whole program. Throws Failure.
    Circuit run(std::string_view source, const std::string& fileName);
    const std::string& fileName(int index) const;

    // --- evaluation (qasm_eval.cpp) -------------------------------------------------------
    Value eval(const ExprNode& e);
    std::int64_t evalInt(const ExprNode& e, const std::string& what);
    bool evalBool(const ExprNode& e, const std::string& what);
    Expr evalParam(const ExprNode& e, const std::string& what);
    Value convert(const Value& v, VarType type, int width, const std::string& name, const Loc& loc);

private:
    enum class Flow { Normal, Break, Continue };
    struct GateContext {
        std::string name;
        std::vector<std::string> qubitNames;
    };

    [[noreturn]] void fail(const Loc& loc, std::string message) const;
    void requireV3(const Loc& loc, const std::string& what) const;

    // qasm_reader.cpp
    void runFile(std::string_view source, int fileIndex, const Loc& includedFrom);
    Flow exec(const Stmt& s);
    Flow execBody(const std::vector<Stmt>& body);
    void step(const Loc& loc);
    void addOperation(Operation op);
    bool atGlobalScope() const;
    Symbol* lookup(const std::string& name, const Loc& loc); // nullptr: undeclared
    Symbol& declare(const std::string& name, const Loc& loc, Symbol symbol);
    void execInclude(const Stmt& s);
    void execQuantumDecl(const Stmt& s);
    void execClassicalDecl(const Stmt& s);
    void execAssign(const Stmt& s);
    Flow execIf(const Stmt& s);
    Flow execFor(const Stmt& s);
    Flow execWhile(const Stmt& s);
    Flow execLoopBody(const Stmt& loop, Symbol* loopVar, const Value* value);

    // qasm_eval.cpp
    Value evalIdent(const ExprNode& e);
    Value valueOf(const Symbol& sym, const std::string& name, const Loc& loc);
    Value evalCall(const ExprNode& e);
    Value evalCast(const ExprNode& e);
    Value evalUnary(const ExprNode& e);
    Value evalBinary(const ExprNode& e);
    Value arithmetic(TokenKind op, const Value& a, const Value& b, const Loc& loc);
    bool mentionsBits(const ExprNode& e);
    // A condition on measured bits; nullopt when the condition is a compile-time value.
    // `negated` is set when the branches must be swapped (c != 3).
    std::optional<Condition> runtimeCondition(const ExprNode& e, bool& negated);
    int bitReference(const ExprNode& e, std::vector<int>& bits); // 0: not a bit ref

    // qasm_quantum.cpp
    IndexList resolveIndex(const IndexNode& index, int size, const std::string& regName,
                           const char* element);
    IndexList resolveQubits(const OperandNode& op);
    IndexList resolveBits(const OperandNode& op);
    // All indices of `reg` for a bare name, or the (offset) indices `op` selects.
    IndexList registerIndices(const Register& reg, const OperandNode& op, const char* what);
    int physicalQubit(const OperandNode& op);
    std::string qubitLabel(int qubit) const;
    void execGateCall(const Stmt& s);
    void execMeasure(const OperandNode& source, const OperandNode* target, const Loc& loc);
    void execReset(const Stmt& s);
    void execBarrierOrDelay(const Stmt& s);
    void execGateDef(const Stmt& s);

    const QasmReadOptions& m_options;
    QasmVersion m_version = QasmVersion::V3;
    // True while evaluating a real-valued context (gate parameters, pow exponents, float
    // and angle values): there `1/2` is 0.5, as in stdgates.inc's `pow(1/2) @ z`.
    bool m_realDivision = false;
    struct RealContext {
        bool& flag;
        bool saved;
        RealContext(bool& f, bool on) : flag(f), saved(f) { flag = flag || on; }
        ~RealContext() { flag = saved; }
        RealContext(const RealContext&) = delete;
        RealContext& operator=(const RealContext&) = delete;
    };
    Circuit m_circuit;
    std::vector<std::string> m_files;          // names for Loc::file
    std::vector<std::string> m_includeStack;   // canonical paths of the files being read
    std::vector<std::unordered_map<std::string, Symbol>> m_scopes;
    std::unordered_map<std::string, int> m_userGates;  // name -> index into definitions
    std::unordered_map<std::string, Loc> m_gateLocs;   // where each gate was defined
    const GateContext* m_gate = nullptr;       // set while elaborating a gate body
    std::vector<Operation>* m_out = nullptr;   // where operations go
    std::size_t m_opCount = 0;
    std::size_t m_steps = 0;
    std::size_t m_stepLimit = 0;
    Loc m_stmtLoc;                             // the statement being elaborated
    Loc m_loopLoc;                             // the innermost loop being unrolled
    int m_runtimeBranch = 0;                   // depth inside branches on measured bits
    int m_loopDepth = 0;
    int m_loopBranchLevel = 0;                 // m_runtimeBranch when the innermost loop began
    int m_physicalRegister = -1;               // implicit register "q" of physical qubits
};

} // namespace qpilot::qasm
