// core/circuit/qasm_expr_parser.cpp — the expression half of the OpenQASM parser: precedence
// climbing over the OpenQASM 3 operator table (OpenQASM 2 reads '^' as power), unary operators,
// literals, identifiers, function calls, casts and bit indexing, with depth and size guards.
#include "core/circuit/qasm_parser.h"

#include <algorithm>

namespace qpilot::qasm {

namespace {

bool isCastType(std::string_view s)
{
    return s == "bit" || s == "int" || s == "uint" || s == "float" || s == "angle" || s == "bool";
}

} // namespace

std::vector<ExprNode> Parser::parseExpressionList(TokenKind close)
{
    std::vector<ExprNode> list;
    if (acceptKind(close))
        return list;
    for (;;) {
        list.push_back(parseExpression());
        if (acceptKind(TokenKind::Comma))
            continue;
        expect(close, "or ',' in the list");
        return list;
    }
}

int Parser::binaryPrecedence(TokenKind kind) const
{
    switch (kind) {
    case TokenKind::OrOr: return 1;
    case TokenKind::AndAnd: return 2;
    case TokenKind::Pipe: return 3;
    case TokenKind::Caret: return m_version == QasmVersion::V3 ? 4 : 0; // OpenQASM 2: power
    case TokenKind::Amp: return 5;
    case TokenKind::Eq: case TokenKind::Ne: return 6;
    case TokenKind::Lt: case TokenKind::Le: case TokenKind::Gt: case TokenKind::Ge: return 7;
    case TokenKind::Shl: case TokenKind::Shr: return 8;
    case TokenKind::Plus: case TokenKind::Minus: return 9;
    case TokenKind::Star: case TokenKind::Slash: case TokenKind::Percent: return 10;
    default: return 0;
    }
}

ExprNode& Parser::seal(ExprNode& node) const
{
    node.depth = 1;
    for (const ExprNode& a : node.args)
        node.depth = std::max(node.depth, a.depth + 1);
    if (node.depth > kMaxExpressionDepth)
        fail(node.loc, "expression is too long or nested too deeply (more than "
                           + std::to_string(kMaxExpressionDepth) + " levels)");
    return node;
}

ExprNode Parser::parseExpression()
{
    return parseBinary(1);
}

ExprNode Parser::parseBinary(int minPrecedence)
{
    ExprNode left = parseUnary();
    for (;;) {
        const TokenKind op = peek().kind;
        const int prec = binaryPrecedence(op);
        if (prec == 0 || prec < minPrecedence)
            return left;
        const Token opToken = next();
        ExprNode right = parseBinary(prec + 1); // left associative
        ExprNode node;
        node.kind = ExprKind::Binary;
        node.loc = locOf(opToken);
        node.op = op;
        node.args.push_back(std::move(left));
        node.args.push_back(std::move(right));
        left = std::move(seal(node));
    }
}

ExprNode Parser::parseUnary()
{
    const TokenKind k = peek().kind;
    if (k == TokenKind::Minus || k == TokenKind::Plus || k == TokenKind::Bang || k == TokenKind::Tilde) {
        const Loc loc = location();
        DepthGuard guard(*this, loc, "expressions are");
        next();
        ExprNode operand = parseUnary();
        if (k == TokenKind::Plus)
            return operand;
        ExprNode node;
        node.kind = ExprKind::Unary;
        node.loc = loc;
        node.op = k;
        node.args.push_back(std::move(operand));
        return std::move(seal(node));
    }
    return parsePower();
}

ExprNode Parser::parsePower()
{
    ExprNode base = parsePrimary();
    const TokenKind k = peek().kind;
    if (k == TokenKind::Power || (k == TokenKind::Caret && m_version == QasmVersion::V2)) {
        const Loc loc = location();
        DepthGuard guard(*this, loc, "expressions are");
        next();
        ExprNode exponent = parseUnary(); // right associative: 2**3**2 == 2**9
        ExprNode node;
        node.kind = ExprKind::Binary;
        node.loc = loc;
        node.op = TokenKind::Power;
        node.args.push_back(std::move(base));
        node.args.push_back(std::move(exponent));
        return std::move(seal(node));
    }
    return base;
}

ExprNode Parser::parsePrimary()
{
    const Token& t = peek();
    ExprNode node;
    node.loc = locOf(t);
    switch (t.kind) {
    case TokenKind::Integer:
        node.kind = ExprKind::Int;
        node.intValue = t.intValue;
        node.floatValue = t.floatValue;
        next();
        return node;
    case TokenKind::Float:
        node.kind = ExprKind::Float;
        node.floatValue = t.floatValue;
        next();
        return node;
    case TokenKind::LParen: {
        DepthGuard guard(*this, node.loc, "expressions are");
        next();
        ExprNode inner = parseExpression();
        expect(TokenKind::RParen, "to close '('");
        return inner;
    }
    case TokenKind::Timing:
        fail(node.loc, "unsupported: durations such as '" + std::string(t.text)
                           + "' are not supported in expressions");
    case TokenKind::Identifier:
        break;
    case TokenKind::String:
        fail(node.loc, "unsupported: bit-string literals such as \"" + std::string(t.text)
                           + "\" are not supported");
    default:
        failAtToken(t, "an expression");
    }
    const std::string name(t.text);
    if (name == "measure")
        fail(node.loc, "unsupported: 'measure' inside an expression; assign it to a bit first");
    next();
    if (name == "true" || name == "false") {
        node.kind = ExprKind::Bool;
        node.boolValue = name == "true";
        return node;
    }
    node.name = name;
    if (isCastType(name) && (peek().kind == TokenKind::LParen || peek().kind == TokenKind::LBracket)) {
        node.kind = ExprKind::Cast;
        if (acceptKind(TokenKind::LBracket)) {
            const Token w = expect(TokenKind::Integer, "as the type width");
            node.castWidth = w.intValue;
            expect(TokenKind::RBracket, "after the type width");
        }
        expect(TokenKind::LParen, "after the type in a cast");
        DepthGuard guard(*this, node.loc, "expressions are");
        node.args.push_back(parseExpression());
        expect(TokenKind::RParen, "to close the cast");
        return std::move(seal(node));
    }
    if (peek().kind == TokenKind::LParen) {
        DepthGuard guard(*this, node.loc, "expressions are");
        next();
        node.kind = ExprKind::Call;
        node.args = parseExpressionList(TokenKind::RParen);
        return std::move(seal(node));
    }
    if (peek().kind == TokenKind::LBracket) {
        DepthGuard guard(*this, node.loc, "expressions are");
        next();
        node.kind = ExprKind::Index;
        node.args.push_back(parseExpression());
        if (peek().kind == TokenKind::Colon)
            fail(location(), "unsupported: a range of bits cannot be used in an expression");
        expect(TokenKind::RBracket, "after the index");
        return std::move(seal(node));
    }
    node.kind = ExprKind::Ident;
    return node;
}

} // namespace qpilot::qasm
