// core/circuit/qasm_eval.cpp — the classical side of the OpenQASM elaborator: compile-time
// evaluation of expressions (integers, reals, bools and symbolic input parameters), type
// conversions on assignment and cast, and the analysis of `if` conditions on measured bits.
#include "core/circuit/qasm_elaborator.h"

#include <cmath>
#include <limits>

namespace qpilot::qasm {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kEuler = 2.71828182845904523536;
constexpr int kMaxSymbolicDepth = 2000;

std::string opName(TokenKind op)
{
    return describeTokenKind(op);
}

std::string kindName(const Value& v)
{
    switch (v.kind) {
    case Value::Kind::Int: return "an integer";
    case Value::Kind::Float: return "a real number";
    case Value::Kind::Bool: return "a bool";
    case Value::Kind::Sym: return "a symbolic value";
    }
    return "a value";
}

std::string numberText(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string firstParameter(const Value& v)
{
    const std::set<std::string> names = v.sym ? v.sym->parameters() : std::set<std::string>{};
    return names.empty() ? std::string("?") : *names.begin();
}

std::int64_t wrapToWidth(std::int64_t v, int width, bool isSigned)
{
    if (width <= 0 || width >= 64)
        return v;
    const std::uint64_t mask = (std::uint64_t(1) << width) - 1;
    std::uint64_t u = std::uint64_t(v) & mask;
    if (isSigned && (u >> (width - 1)) != 0)
        u |= ~mask;
    return std::int64_t(u);
}

double wrapAngle(double v)
{
    double r = std::fmod(v, 2 * kPi);
    if (r < 0)
        r += 2 * kPi;
    return r;
}

bool functionByName(const std::string& name, ExprFunc& f)
{
    static const std::pair<const char*, ExprFunc> table[] = {
        {"sin", ExprFunc::Sin}, {"cos", ExprFunc::Cos}, {"tan", ExprFunc::Tan},
        {"arcsin", ExprFunc::Arcsin}, {"arccos", ExprFunc::Arccos}, {"arctan", ExprFunc::Arctan},
        {"exp", ExprFunc::Exp}, {"ln", ExprFunc::Ln}, {"sqrt", ExprFunc::Sqrt},
    };
    for (const auto& [n, func] : table)
        if (name == n) {
            f = func;
            return true;
        }
    return false;
}


} // namespace

Value Elaborator::eval(const ExprNode& e)
{
    switch (e.kind) {
    case ExprKind::Int:
        if (e.intValue > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            fail(e.loc, "integer " + std::to_string(e.intValue) + " is too large");
        return Value::ofInt(std::int64_t(e.intValue));
    case ExprKind::Float: return Value::ofFloat(e.floatValue);
    case ExprKind::Bool: return Value::ofBool(e.boolValue);
    case ExprKind::Ident: return evalIdent(e);
    case ExprKind::Unary: return evalUnary(e);
    case ExprKind::Binary: return evalBinary(e);
    case ExprKind::Call: return evalCall(e);
    case ExprKind::Cast: return evalCast(e);
    case ExprKind::Index: {
        const Symbol* sym = lookup(e.name, e.loc);
        if (!sym)
            fail(e.loc, "undeclared identifier '" + e.name + "'");
        if (sym->kind == Symbol::Kind::CReg)
            fail(e.loc, "unsupported: the value of bit '" + e.name
                            + "[...]' is only known when the circuit runs; it can only be tested in an 'if'");
        if (sym->kind == Symbol::Kind::QReg || sym->kind == Symbol::Kind::GateQubit)
            fail(e.loc, "'" + e.name + "' is a qubit, not a value");
        fail(e.loc, "unsupported: indexing into the classical variable '" + e.name + "'");
    }
    }
    fail(e.loc, "expected an expression");
}

Value Elaborator::evalIdent(const ExprNode& e)
{
    const std::string& n = e.name;
    if (const Symbol* sym = lookup(n, e.loc))
        return valueOf(*sym, n, e.loc);
    // The built-in constants cannot be redeclared, so they are looked up after the symbols.
    if (n == "pi" || n == "π")
        return Value::ofFloat(kPi);
    if (n == "tau" || n == "τ")
        return Value::ofFloat(2 * kPi);
    if (n == "euler" || n == "ℇ")
        return Value::ofFloat(kEuler);
    fail(e.loc, "undeclared identifier '" + n + "'");
}

Value Elaborator::valueOf(const Symbol& sym, const std::string& n, const Loc& loc)
{
    switch (sym.kind) {
    case Symbol::Kind::Var:
        if (!sym.known) {
            if (sym.uninitialised)
                fail(loc, "'" + n + "' is used before it has a value");
            fail(loc, "unsupported: the value of '" + n + "' depends on a measurement (it is assigned "
                          "inside a branch on a measured bit at line " + std::to_string(sym.unknownLoc.line)
                          + "), so it is not known when the circuit is built");
        }
        return sym.value;
    case Symbol::Kind::Input:
    case Symbol::Kind::GateParam:
        return Value::ofSym(Expr::parameter(n), 1);
    case Symbol::Kind::QReg:
    case Symbol::Kind::GateQubit:
        fail(loc, "'" + n + "' is a qubit, not a value");
    case Symbol::Kind::CReg:
        break;
    }
    fail(loc, "unsupported: the value of bit register '" + n
                  + "' is only known when the circuit runs; it can only be tested in an 'if'");
}

Value Elaborator::evalCall(const ExprNode& e)
{
    ExprFunc f{};
    if (!functionByName(e.name, f))
        fail(e.loc, "unknown function '" + e.name + "'");
    if (e.args.size() != 1)
        fail(e.loc, "function '" + e.name + "' takes 1 argument, got " + std::to_string(e.args.size()));
    const Value v = eval(e.args[0]);
    if (v.kind == Value::Kind::Sym)
        return Value::ofSym(Expr::function(f, *v.sym), v.symDepth + 1);
    if (!v.isNumber())
        fail(e.args[0].loc, "function '" + e.name + "' needs a number, not " + kindName(v));
    const double r = applyExprFunc(f, v.number());
    if (!std::isfinite(r))
        fail(e.loc, e.name + "(" + numberText(v.number()) + ") is not a finite real number");
    return Value::ofFloat(r);
}

Value Elaborator::evalCast(const ExprNode& e)
{
    const Value v = eval(e.args[0]);
    const std::string& t = e.name;
    const int width = e.castWidth ? int(std::min<std::uint64_t>(*e.castWidth, 64)) : 0;
    if (t == "float" || t == "angle") {
        if (v.kind == Value::Kind::Sym)
            return v;
        const double x = v.kind == Value::Kind::Bool ? (v.b ? 1.0 : 0.0) : v.number();
        return Value::ofFloat(t == "angle" ? wrapAngle(x) : x);
    }
    if (v.kind == Value::Kind::Sym)
        fail(e.loc, "cannot convert a value that depends on input parameter '" + firstParameter(v)
                        + "' to " + t);
    if (t == "bool" || t == "bit") {
        const bool b = v.kind == Value::Kind::Bool ? v.b : v.number() != 0;
        return t == "bool" ? Value::ofBool(b) : Value::ofInt(b ? 1 : 0);
    }
    // int / uint: reals are truncated toward zero, as written.
    std::int64_t i = 0;
    if (v.kind == Value::Kind::Bool)
        i = v.b ? 1 : 0;
    else if (v.kind == Value::Kind::Int)
        i = v.i;
    else {
        const double x = std::trunc(v.f);
        if (!(x >= -9.2e18 && x <= 9.2e18))
            fail(e.loc, numberText(v.f) + " does not fit in " + t);
        i = std::int64_t(x);
    }
    if (t == "uint" && i < 0 && width == 0)
        fail(e.loc, "a uint cannot hold " + std::to_string(i));
    return Value::ofInt(wrapToWidth(i, width, t == "int"));
}

Value Elaborator::evalUnary(const ExprNode& e)
{
    const Value v = eval(e.args[0]);
    switch (e.op) {
    case TokenKind::Minus:
        if (v.kind == Value::Kind::Int) {
            if (v.i == std::numeric_limits<std::int64_t>::min())
                fail(e.loc, "integer overflow");
            return Value::ofInt(-v.i);
        }
        if (v.kind == Value::Kind::Float)
            return Value::ofFloat(-v.f);
        if (v.kind == Value::Kind::Sym)
            return Value::ofSym(-*v.sym, v.symDepth + 1);
        break;
    case TokenKind::Bang:
        if (v.kind == Value::Kind::Bool)
            return Value::ofBool(!v.b);
        if (v.kind == Value::Kind::Int)
            return Value::ofBool(v.i == 0);
        break;
    case TokenKind::Tilde:
        if (v.kind == Value::Kind::Int)
            return Value::ofInt(~v.i);
        if (v.kind == Value::Kind::Bool)
            return Value::ofBool(!v.b);
        break;
    default:
        break;
    }
    fail(e.loc, "operator " + opName(e.op) + " cannot be applied to " + kindName(v));
}

Value Elaborator::evalBinary(const ExprNode& e)
{
    if (e.op == TokenKind::AndAnd || e.op == TokenKind::OrOr) {
        const auto truth = [&](const ExprNode& side) {
            const Value v = eval(side);
            if (v.kind == Value::Kind::Bool)
                return v.b;
            if (v.kind == Value::Kind::Int)
                return v.i != 0;
            fail(side.loc, "operator " + opName(e.op) + " needs bools, not " + kindName(v));
        };
        const bool left = truth(e.args[0]);
        if (e.op == TokenKind::AndAnd ? !left : left)
            return Value::ofBool(left);
        return Value::ofBool(truth(e.args[1]));
    }
    const Value a = eval(e.args[0]);
    const Value b = eval(e.args[1]);
    return arithmetic(e.op, a, b, e.loc);
}

Value Elaborator::arithmetic(TokenKind op, const Value& a, const Value& b, const Loc& loc)
{
    using K = Value::Kind;
    const auto refuse = [&](const Value& v) {
        fail(loc, "operator " + opName(op) + " cannot be applied to " + kindName(v));
    };
    switch (op) {
    case TokenKind::Eq:
    case TokenKind::Ne: {
        if (a.kind == K::Sym || b.kind == K::Sym)
            fail(loc, "cannot compare a value that depends on input parameter '"
                          + firstParameter(a.kind == K::Sym ? a : b) + "'; it is not known when the circuit is built");
        bool equal = false;
        if (a.kind == K::Bool || b.kind == K::Bool) {
            const auto asBool = [](const Value& v) { return v.kind == K::Bool ? v.b : v.number() != 0; };
            equal = asBool(a) == asBool(b);
        } else if (a.kind == K::Int && b.kind == K::Int) {
            equal = a.i == b.i;
        } else {
            equal = a.number() == b.number();
        }
        return Value::ofBool(op == TokenKind::Eq ? equal : !equal);
    }
    case TokenKind::Lt: case TokenKind::Le: case TokenKind::Gt: case TokenKind::Ge: {
        for (const Value* v : {&a, &b}) {
            if (v->kind == K::Sym)
                fail(loc, "cannot compare a value that depends on input parameter '" + firstParameter(*v)
                              + "'; it is not known when the circuit is built");
            if (!v->isNumber())
                refuse(*v);
        }
        const bool ints = a.kind == K::Int && b.kind == K::Int;
        const auto less = [&](const Value& x, const Value& y) { return ints ? x.i < y.i : x.number() < y.number(); };
        switch (op) {
        case TokenKind::Lt: return Value::ofBool(less(a, b));
        case TokenKind::Le: return Value::ofBool(!less(b, a));
        case TokenKind::Gt: return Value::ofBool(less(b, a));
        default: return Value::ofBool(!less(a, b));
        }
    }
    case TokenKind::Amp: case TokenKind::Pipe: case TokenKind::Caret:
        if (a.kind == K::Bool && b.kind == K::Bool)
            return Value::ofBool(op == TokenKind::Amp ? (a.b && b.b) : op == TokenKind::Pipe ? (a.b || b.b) : (a.b != b.b));
        [[fallthrough]];
    case TokenKind::Shl: case TokenKind::Shr: case TokenKind::Percent: {
        for (const Value* v : {&a, &b})
            if (v->kind != K::Int)
                fail(loc, "operator " + opName(op) + " needs integers, not " + kindName(*v));
        switch (op) {
        case TokenKind::Amp: return Value::ofInt(a.i & b.i);
        case TokenKind::Pipe: return Value::ofInt(a.i | b.i);
        case TokenKind::Caret: return Value::ofInt(a.i ^ b.i);
        case TokenKind::Percent:
            if (b.i == 0)
                fail(loc, "division by zero in '%'");
            return Value::ofInt(b.i == -1 ? 0 : a.i % b.i);
        default:
            if (b.i < 0 || b.i > 63)
                fail(loc, "shift amount " + std::to_string(b.i) + " is out of range (0 to 63)");
            if (op == TokenKind::Shl)
                return Value::ofInt(std::int64_t(std::uint64_t(a.i) << b.i));
            return Value::ofInt(a.i >> b.i);
        }
    }
    case TokenKind::Plus: case TokenKind::Minus: case TokenKind::Star: case TokenKind::Slash:
    case TokenKind::Power:
        break;
    default:
        fail(loc, "operator " + opName(op) + " is not supported in expressions");
    }

    for (const Value* v : {&a, &b})
        if (v->kind == K::Bool)
            refuse(*v);
    if (a.kind == K::Sym || b.kind == K::Sym) {
        const Expr x = a.kind == K::Sym ? *a.sym : Expr(a.number());
        const Expr y = b.kind == K::Sym ? *b.sym : Expr(b.number());
        const int depth = std::max(a.symDepth, b.symDepth) + 1;
        if (depth > kMaxSymbolicDepth)
            fail(loc, "symbolic expression is too large (more than " + std::to_string(kMaxSymbolicDepth)
                          + " levels)");
        switch (op) {
        case TokenKind::Plus: return Value::ofSym(x + y, depth);
        case TokenKind::Minus: return Value::ofSym(x - y, depth);
        case TokenKind::Star: return Value::ofSym(x * y, depth);
        case TokenKind::Slash:
            if (b.kind != K::Sym && b.number() == 0)
                fail(loc, "division by zero");
            return Value::ofSym(x / y, depth);
        default: return Value::ofSym(Expr::power(x, y), depth);
        }
    }
    if (a.kind == K::Int && b.kind == K::Int) {
        std::int64_t r = 0;
        bool overflow = false;
        switch (op) {
        case TokenKind::Plus: overflow = __builtin_add_overflow(a.i, b.i, &r); break;
        case TokenKind::Minus: overflow = __builtin_sub_overflow(a.i, b.i, &r); break;
        case TokenKind::Star: overflow = __builtin_mul_overflow(a.i, b.i, &r); break;
        case TokenKind::Slash:
            if (b.i == 0)
                fail(loc, "division by zero");
            if (b.i == -1 && a.i == std::numeric_limits<std::int64_t>::min())
                fail(loc, "integer overflow");
            // OpenQASM 3: integer division truncates toward zero in integer contexts (indices,
            // loop bounds, int variables); in real contexts and in OpenQASM 2 it is real.
            if ((m_version == QasmVersion::V3 && !m_realDivision) || a.i % b.i == 0)
                return Value::ofInt(a.i / b.i);
            return Value::ofFloat(double(a.i) / double(b.i));
        default: // power
            if (b.i < 0)
                break;
            r = 1;
            for (std::int64_t k = 0; k < b.i && !overflow; ++k) {
                overflow = __builtin_mul_overflow(r, a.i, &r);
                if (r == 0 || r == 1)
                    break; // 0**n and 1**n
                if (a.i == -1) {
                    r = (b.i % 2 == 0) ? 1 : -1;
                    break;
                }
            }
            break;
        }
        if (overflow)
            fail(loc, "integer overflow");
        if (!(op == TokenKind::Power && b.i < 0))
            return Value::ofInt(r);
    }
    const double x = a.number(), y = b.number();
    double r = 0;
    switch (op) {
    case TokenKind::Plus: r = x + y; break;
    case TokenKind::Minus: r = x - y; break;
    case TokenKind::Star: r = x * y; break;
    case TokenKind::Slash:
        if (y == 0)
            fail(loc, "division by zero");
        r = x / y;
        break;
    default: r = std::pow(x, y); break;
    }
    if (!std::isfinite(r))
        fail(loc, "the result of " + opName(op) + " is not a finite real number");
    return Value::ofFloat(r);
}

Value Elaborator::convert(const Value& v, VarType type, int width, const std::string& name, const Loc& loc)
{
    using K = Value::Kind;
    switch (type) {
    case VarType::Int:
    case VarType::UInt: {
        const char* tn = type == VarType::Int ? "int" : "uint";
        std::int64_t i = 0;
        if (v.kind == K::Sym)
            fail(loc, std::string(tn) + " '" + name + "' cannot hold a value that depends on input parameter '"
                          + firstParameter(v) + "'");
        if (v.kind == K::Bool)
            i = v.b ? 1 : 0;
        else if (v.kind == K::Int)
            i = v.i;
        else if (v.f == std::trunc(v.f) && std::fabs(v.f) < 9.2e18)
            i = std::int64_t(v.f);
        else
            fail(loc, "cannot store " + numberText(v.f) + " in " + tn + " '" + name
                          + "' without losing its fraction; write " + tn + "(...) to truncate");
        if (type == VarType::UInt && i < 0 && (width == 0 || width == 64))
            fail(loc, "uint '" + name + "' cannot hold " + std::to_string(i));
        return Value::ofInt(wrapToWidth(i, width, type == VarType::Int));
    }
    case VarType::Float:
    case VarType::Angle:
        if (v.kind == K::Sym)
            return v;
        if (v.kind == K::Bool)
            fail(loc, "cannot store a bool in " + std::string(type == VarType::Float ? "float" : "angle")
                          + " '" + name + "'");
        return Value::ofFloat(type == VarType::Angle ? wrapAngle(v.number()) : v.number());
    case VarType::Bool:
        if (v.kind == K::Sym)
            fail(loc, "bool '" + name + "' cannot hold a value that depends on input parameter '"
                          + firstParameter(v) + "'");
        return Value::ofBool(v.kind == K::Bool ? v.b : v.number() != 0);
    }
    return v;
}

std::int64_t Elaborator::evalInt(const ExprNode& e, const std::string& what)
{
    const Value v = eval(e);
    switch (v.kind) {
    case Value::Kind::Int: return v.i;
    case Value::Kind::Sym:
        fail(e.loc, what + " must be known when the circuit is built, but it depends on input parameter '"
                        + firstParameter(v) + "'");
    case Value::Kind::Float:
        fail(e.loc, what + " must be an integer, not " + numberText(v.f));
    case Value::Kind::Bool:
        break;
    }
    fail(e.loc, what + " must be an integer, not a bool");
}

bool Elaborator::evalBool(const ExprNode& e, const std::string& what)
{
    const Value v = eval(e);
    if (v.kind == Value::Kind::Bool)
        return v.b;
    if (v.kind == Value::Kind::Int)
        return v.i != 0;
    if (v.kind == Value::Kind::Sym)
        fail(e.loc, what + " must be known when the circuit is built, but it depends on input parameter '"
                        + firstParameter(v) + "'");
    fail(e.loc, what + " must be a bool, not " + kindName(v));
}

Expr Elaborator::evalParam(const ExprNode& e, const std::string& what)
{
    RealContext real(m_realDivision, true);
    const Value v = eval(e);
    if (v.kind == Value::Kind::Sym)
        return *v.sym;
    if (v.kind == Value::Kind::Bool)
        fail(e.loc, what + " must be a number, not a bool");
    return Expr(v.number());
}

bool Elaborator::mentionsBits(const ExprNode& e)
{
    if (e.kind == ExprKind::Ident || e.kind == ExprKind::Index) {
        const Symbol* sym = m_gate ? nullptr : lookup(e.name, e.loc);
        if (sym && sym->kind == Symbol::Kind::CReg)
            return true;
    }
    for (const ExprNode& a : e.args)
        if (mentionsBits(a))
            return true;
    return false;
}

int Elaborator::bitReference(const ExprNode& e, std::vector<int>& bits)
{
    if (e.kind != ExprKind::Ident && e.kind != ExprKind::Index)
        return 0;
    const Symbol* sym = lookup(e.name, e.loc);
    if (!sym || sym->kind != Symbol::Kind::CReg)
        return 0;
    const Register& reg = m_circuit.cregs[std::size_t(sym->index)];
    bits.clear();
    if (e.kind == ExprKind::Ident) {
        for (int k = 0; k < reg.size; ++k)
            bits.push_back(reg.offset + k);
        return reg.size;
    }
    IndexNode index;
    index.loc = e.args[0].loc;
    index.items.push_back(e.args[0]);
    bits = resolveIndex(index, reg.size, reg.name, "bit").indices;
    for (int& b : bits)
        b += reg.offset;
    if (reg.scalar)
        fail(e.loc, "'" + reg.name + "' is a single bit and cannot be indexed");
    return 1;
}

std::optional<Condition> Elaborator::runtimeCondition(const ExprNode& e, bool& negated)
{
    negated = false;
    if (!mentionsBits(e))
        return std::nullopt;
    const ExprNode* node = &e;
    bool neg = false;
    while (node->kind == ExprKind::Unary && node->op == TokenKind::Bang) {
        neg = !neg;
        node = &node->args[0];
    }
    std::vector<int> bits;
    if (const int n = bitReference(*node, bits)) {
        if (n != 1)
            fail(node->loc, "a condition on register '" + node->name
                                + "' needs a comparison such as '" + node->name + " == 1'");
        return Condition{bits, neg ? 0u : 1u};
    }
    if (node->kind == ExprKind::Binary && (node->op == TokenKind::Eq || node->op == TokenKind::Ne)) {
        const ExprNode* ref = &node->args[0];
        const ExprNode* other = &node->args[1];
        int n = bitReference(*ref, bits);
        if (n == 0) {
            std::swap(ref, other);
            n = bitReference(*ref, bits);
        }
        if (n > 0 && !mentionsBits(*other)) {
            const Value v = eval(*other);
            std::uint64_t value = 0;
            if (v.kind == Value::Kind::Bool)
                value = v.b ? 1 : 0;
            else if (v.kind == Value::Kind::Int && v.i >= 0)
                value = std::uint64_t(v.i);
            else
                fail(other->loc, "a condition compares bits with a non-negative integer, not "
                                     + (v.kind == Value::Kind::Int ? std::to_string(v.i) : kindName(v)));
            if (n < 64 && (value >> n) != 0)
                fail(other->loc, "condition value " + std::to_string(value)
                                     + (ref->kind == ExprKind::Index
                                            ? std::string(" does not fit in a single bit (0 or 1)")
                                            : " does not fit in register '" + ref->name + "' of "
                                                  + std::to_string(n) + (n == 1 ? " bit" : " bits")));
            if (node->op == TokenKind::Ne)
                neg = !neg;
            if (n == 1 && neg) {
                value = 1 - value;
                neg = false;
            }
            negated = neg;
            return Condition{bits, value};
        }
    }
    const ExprNode* first = &e; // report at the start of the condition, not at an operator
    while (first->kind == ExprKind::Binary)
        first = &first->args[0];
    fail(first->loc, "unsupported: a condition on measured bits must compare one bit or one register "
                     "with a constant (c == 3, c[0], !c[0])");
}

} // namespace qpilot::qasm
