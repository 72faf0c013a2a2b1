// core/circuit/expr.h — Expr, the value type for gate parameters: a number, or a symbolic
// expression over named parameters (ansatz angles bound later by name). Immutable nodes are
// shared between copies, so an Expr copies cheaply and behaves as a plain value.
// Arithmetic on two constants folds at once, so parsed constant expressions are plain numbers.
#pragma once

#include "core/common/result.h"

#include <map>
#include <memory>
#include <set>
#include <string>

namespace qpilot {

enum class ExprFunc { Sin, Cos, Tan, Arcsin, Arccos, Arctan, Exp, Ln, Sqrt };

// Name as written in OpenQASM 3 ("sin", "arccos", ...); nullptr-free.
const char* exprFuncName(ExprFunc f);
// The function's value at x (std::sin, std::acos, ...).
double applyExprFunc(ExprFunc f, double x);

using ParamBindings = std::map<std::string, double>;

class Expr {
public:
    enum class Kind { Constant, Parameter, Neg, Add, Sub, Mul, Div, Pow, Func };

    Expr(double value = 0.0);  // NOLINT(google-explicit-constructor): numbers are expressions
    static Expr parameter(const std::string& name);
    static Expr function(ExprFunc f, const Expr& argument);
    static Expr power(const Expr& base, const Expr& exponent);

    Kind kind() const;
    bool isConstant() const { return kind() == Kind::Constant; }
    double constantValue() const;          // only meaningful when isConstant()
    const std::string& parameterName() const;  // only for Kind::Parameter

    // All parameter names that occur in the expression.
    std::set<std::string> parameters() const;

    // Numeric value with every parameter bound; an error names the first unbound parameter
    // or the non-finite result.
    Result<double> evaluate(const ParamBindings& bindings = {}) const;

    // Replaces parameters by expressions (used when expanding gate definitions) and folds
    // whatever became constant. Parameters not in the map stay symbolic.
    Expr substitute(const std::map<std::string, Expr>& replacements) const;
    Expr bind(const ParamBindings& bindings) const;

    // OpenQASM text. Constants print exactly (read back bit-for-bit), multiples of pi as
    // "pi/4", "3*pi/2". `piName` lets the OpenQASM 3 writer use "pi" (default) as well.
    std::string toQasm() const;

    // Structural equality; constants compare by exact value.
    bool operator==(const Expr& other) const;
    bool operator!=(const Expr& other) const { return !(*this == other); }

    friend Expr operator-(const Expr& a);
    friend Expr operator+(const Expr& a, const Expr& b);
    friend Expr operator-(const Expr& a, const Expr& b);
    friend Expr operator*(const Expr& a, const Expr& b);
    friend Expr operator/(const Expr& a, const Expr& b);

    struct Node;
    // For the implementation's helpers only.
    static Expr fromNodeForInternalUse(std::shared_ptr<const Node> node);

private:
    explicit Expr(std::shared_ptr<const Node> node) : m_node(std::move(node)) {}
    std::shared_ptr<const Node> m_node;
};

// Exact text for a double: a multiple of pi where that reads back to the same bits,
// otherwise the shortest decimal form that reads back to the same bits (always with a '.'
// or exponent form valid in OpenQASM 2 and 3).
std::string formatAngle(double value);

} // namespace qpilot
