// core/circuit/expr.cpp — Expr nodes, folding arithmetic, evaluation, substitution and
// exact OpenQASM formatting of numbers.
#include "core/circuit/expr.h"
#include "core/circuit/qasm_format.h"

#include <cmath>
#include <limits>
#include <numeric>

namespace qpilot {

struct Expr::Node {
    Kind kind = Kind::Constant;
    double value = 0.0;
    std::string name;            // Parameter
    ExprFunc func = ExprFunc::Sin;
    std::shared_ptr<const Node> a, b;
};

namespace {

using NodePtr = std::shared_ptr<const Expr::Node>;

double applyFuncImpl(ExprFunc f, double x)
{
    switch (f) {
    case ExprFunc::Sin: return std::sin(x);
    case ExprFunc::Cos: return std::cos(x);
    case ExprFunc::Tan: return std::tan(x);
    case ExprFunc::Arcsin: return std::asin(x);
    case ExprFunc::Arccos: return std::acos(x);
    case ExprFunc::Arctan: return std::atan(x);
    case ExprFunc::Exp: return std::exp(x);
    case ExprFunc::Ln: return std::log(x);
    case ExprFunc::Sqrt: return std::sqrt(x);
    }
    return x;
}

double applyBinary(Expr::Kind k, double x, double y)
{
    switch (k) {
    case Expr::Kind::Add: return x + y;
    case Expr::Kind::Sub: return x - y;
    case Expr::Kind::Mul: return x * y;
    case Expr::Kind::Div: return x / y;
    case Expr::Kind::Pow: return std::pow(x, y);
    default: return 0.0;
    }
}

int precedence(Expr::Kind k)
{
    switch (k) {
    case Expr::Kind::Add:
    case Expr::Kind::Sub: return 1;
    case Expr::Kind::Mul:
    case Expr::Kind::Div: return 2;
    case Expr::Kind::Neg: return 3;
    case Expr::Kind::Pow: return 4;
    default: return 5; // atoms
    }
}

} // namespace

double applyExprFunc(ExprFunc f, double x) { return applyFuncImpl(f, x); }

const char* exprFuncName(ExprFunc f)
{
    switch (f) {
    case ExprFunc::Sin: return "sin";
    case ExprFunc::Cos: return "cos";
    case ExprFunc::Tan: return "tan";
    case ExprFunc::Arcsin: return "arcsin";
    case ExprFunc::Arccos: return "arccos";
    case ExprFunc::Arctan: return "arctan";
    case ExprFunc::Exp: return "exp";
    case ExprFunc::Ln: return "ln";
    case ExprFunc::Sqrt: return "sqrt";
    }
    return "?";
}

Expr::Expr(double value)
{
    auto n = std::make_shared<Node>();
    n->kind = Kind::Constant;
    n->value = value;
    m_node = std::move(n);
}

Expr Expr::parameter(const std::string& name)
{
    auto n = std::make_shared<Node>();
    n->kind = Kind::Parameter;
    n->name = name;
    return Expr(NodePtr(std::move(n)));
}

Expr Expr::function(ExprFunc f, const Expr& argument)
{
    if (argument.isConstant())
        return Expr(applyExprFunc(f, argument.constantValue()));
    auto n = std::make_shared<Node>();
    n->kind = Kind::Func;
    n->func = f;
    n->a = argument.m_node;
    return Expr(NodePtr(std::move(n)));
}

static Expr makeBinary(Expr::Kind k, const Expr& a, const Expr& b, const NodePtr& an, const NodePtr& bn)
{
    if (a.isConstant() && b.isConstant())
        return Expr(applyBinary(k, a.constantValue(), b.constantValue()));
    auto n = std::make_shared<Expr::Node>();
    n->kind = k;
    n->a = an;
    n->b = bn;
    return Expr::fromNodeForInternalUse(NodePtr(std::move(n)));
}

Expr Expr::fromNodeForInternalUse(std::shared_ptr<const Node> node) { return Expr(std::move(node)); }

Expr Expr::power(const Expr& base, const Expr& exponent)
{
    return makeBinary(Kind::Pow, base, exponent, base.m_node, exponent.m_node);
}

Expr operator-(const Expr& a)
{
    if (a.isConstant())
        return Expr(-a.constantValue());
    auto n = std::make_shared<Expr::Node>();
    n->kind = Expr::Kind::Neg;
    n->a = a.m_node;
    return Expr(NodePtr(std::move(n)));
}
Expr operator+(const Expr& a, const Expr& b) { return makeBinary(Expr::Kind::Add, a, b, a.m_node, b.m_node); }
Expr operator-(const Expr& a, const Expr& b) { return makeBinary(Expr::Kind::Sub, a, b, a.m_node, b.m_node); }
Expr operator*(const Expr& a, const Expr& b) { return makeBinary(Expr::Kind::Mul, a, b, a.m_node, b.m_node); }
Expr operator/(const Expr& a, const Expr& b) { return makeBinary(Expr::Kind::Div, a, b, a.m_node, b.m_node); }

Expr::Kind Expr::kind() const { return m_node->kind; }
double Expr::constantValue() const { return m_node->value; }
const std::string& Expr::parameterName() const { return m_node->name; }

static void collectParameters(const NodePtr& n, std::set<std::string>& out)
{
    if (!n)
        return;
    if (n->kind == Expr::Kind::Parameter)
        out.insert(n->name);
    collectParameters(n->a, out);
    collectParameters(n->b, out);
}

std::set<std::string> Expr::parameters() const
{
    std::set<std::string> out;
    collectParameters(m_node, out);
    return out;
}

Expr Expr::substitute(const std::map<std::string, Expr>& replacements) const
{
    const Node& n = *m_node;
    switch (n.kind) {
    case Kind::Constant: return *this;
    case Kind::Parameter: {
        auto it = replacements.find(n.name);
        return it == replacements.end() ? *this : it->second;
    }
    case Kind::Neg: return -Expr(n.a).substitute(replacements);
    case Kind::Func: return function(n.func, Expr(n.a).substitute(replacements));
    default: {
        Expr a = Expr(n.a).substitute(replacements);
        Expr b = Expr(n.b).substitute(replacements);
        return makeBinary(n.kind, a, b, a.m_node, b.m_node);
    }
    }
}

Expr Expr::bind(const ParamBindings& bindings) const
{
    std::map<std::string, Expr> repl;
    for (const auto& [name, value] : bindings)
        repl.emplace(name, Expr(value));
    return substitute(repl);
}

Result<double> Expr::evaluate(const ParamBindings& bindings) const
{
    Expr bound = bind(bindings);
    if (!bound.isConstant()) {
        auto names = bound.parameters();
        return Error{"parameter '" + *names.begin() + "' is not bound to a value"};
    }
    double v = bound.constantValue();
    if (!std::isfinite(v))
        return Error{"expression " + toQasm() + " does not evaluate to a finite number"};
    return v;
}

bool Expr::operator==(const Expr& other) const
{
    const Node& x = *m_node;
    const Node& y = *other.m_node;
    if (&x == &y)
        return true;
    if (x.kind != y.kind)
        return false;
    switch (x.kind) {
    case Kind::Constant: return x.value == y.value || (std::isnan(x.value) && std::isnan(y.value));
    case Kind::Parameter: return x.name == y.name;
    case Kind::Neg: return Expr(x.a) == Expr(y.a);
    case Kind::Func: return x.func == y.func && Expr(x.a) == Expr(y.a);
    default: return Expr(x.a) == Expr(y.a) && Expr(x.b) == Expr(y.b);
    }
}

static std::string toText(const NodePtr& n);

static std::string operand(const NodePtr& child, int parentPrec, bool rightSide, Expr::Kind parent)
{
    std::string s = toText(child);
    int cp = precedence(child->kind);
    // Negative constants behave like unary minus.
    if (child->kind == Expr::Kind::Constant && !s.empty() && s[0] == '-')
        cp = precedence(Expr::Kind::Neg);
    // A constant written as "3*pi/4" is a product/quotient.
    if (child->kind == Expr::Kind::Constant && s.find_first_of("*/") != std::string::npos)
        cp = std::min(cp, 2);
    bool paren = cp < parentPrec;
    if (!paren && rightSide && cp == parentPrec
        && (parent == Expr::Kind::Sub || parent == Expr::Kind::Div || parent == Expr::Kind::Mul))
        paren = true; // a-(b-c), a/(b*c), a*(b/c) keep their shape on re-reading
    if (!paren && !rightSide && parent == Expr::Kind::Pow && cp <= precedence(Expr::Kind::Pow))
        paren = true; // (a**b)**c and (-a)**b
    return paren ? "(" + s + ")" : s;
}

static std::string toText(const NodePtr& n)
{
    switch (n->kind) {
    case Expr::Kind::Constant: return formatAngle(n->value);
    case Expr::Kind::Parameter: return n->name;
    case Expr::Kind::Neg: return "-" + operand(n->a, precedence(Expr::Kind::Neg) + 1, true, Expr::Kind::Neg);
    case Expr::Kind::Func: return std::string(exprFuncName(n->func)) + "(" + toText(n->a) + ")";
    default: break;
    }
    const char* op = n->kind == Expr::Kind::Add ? " + "
        : n->kind == Expr::Kind::Sub            ? " - "
        : n->kind == Expr::Kind::Mul            ? "*"
        : n->kind == Expr::Kind::Div            ? "/"
                                                : "**";
    int p = precedence(n->kind);
    return operand(n->a, p, false, n->kind) + op + operand(n->b, p, true, n->kind);
}

std::string Expr::toQasm() const { return toText(m_node); }

std::string formatAngle(double value)
{
    if (value == 0.0)
        return std::signbit(value) ? "-0.0" : "0";
    if (std::isfinite(value)) {
        // n*pi/d in lowest terms: first one the reader evaluates ("(n*pi)/d") to exactly this
        // double, else one within 4 ulps (arithmetic such as synthesis leaves -pi/2 one ulp
        // off; printing it as -13*pi/26 or 17 digits would hide what it is).
        auto piFraction = [&](bool exact) -> std::string {
            for (int d = 1; d <= 64; ++d) {
                const double n = std::round(value * d / M_PI);
                if (n == 0 || std::fabs(n) > 1024 || std::gcd(static_cast<long long>(std::fabs(n)), static_cast<long long>(d)) != 1)
                    continue;
                double back = (std::fabs(n) == 1 ? (n < 0 ? -M_PI : M_PI) : n * M_PI);
                if (d != 1)
                    back = back / d;
                if (exact ? back != value : std::fabs(back - value) > 4 * std::numeric_limits<double>::epsilon() * std::fabs(value))
                    continue;
                std::string s = n < 0 ? "-" : "";
                if (std::fabs(n) != 1)
                    s += std::to_string(static_cast<long long>(std::fabs(n))) + "*";
                s += "pi";
                if (d != 1)
                    s += "/" + std::to_string(d);
                return s;
            }
            return {};
        };
        if (std::string s = piFraction(true); !s.empty())
            return s;
        if (std::string s = piFraction(false); !s.empty())
            return s;
    }
    std::string s = formatNumber(value);
    if (s.find_first_of(".eEin") == std::string::npos)
        s += ".0";
    else if (s.find('.') == std::string::npos && s.find_first_of("eE") != std::string::npos) {
        // OpenQASM 2 reals need a '.' before the exponent: 1e-05 -> 1.0e-05
        s.insert(s.find_first_of("eE"), ".0");
    }
    return s;
}

} // namespace qpilot
