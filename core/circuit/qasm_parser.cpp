// core/circuit/qasm_parser.cpp — the statement half of the OpenQASM 2/3 recursive-descent parser:
// statements, operands, index sets and ranges, version-specific syntax and the "unsupported"
// refusals for constructs Qpilot cannot simulate. Expressions: qasm_expr_parser.cpp.
#include "core/circuit/qasm_parser.h"

#include <utility>

namespace qpilot::qasm {

namespace {

bool isClassicalType(std::string_view s)
{
    return s == "bit" || s == "int" || s == "uint" || s == "float" || s == "angle" || s == "bool";
}

bool isAssignOp(TokenKind k)
{
    switch (k) {
    case TokenKind::Assign: case TokenKind::PlusAssign: case TokenKind::MinusAssign:
    case TokenKind::StarAssign: case TokenKind::SlashAssign: case TokenKind::PercentAssign:
    case TokenKind::PowerAssign: case TokenKind::AmpAssign: case TokenKind::PipeAssign:
    case TokenKind::CaretAssign: case TokenKind::ShlAssign: case TokenKind::ShrAssign:
        return true;
    default:
        return false;
    }
}

// Keywords of constructs Qpilot refuses, with the reason shown to the user.
const char* unsupportedReason(std::string_view word)
{
    if (word == "defcal") return "'defcal' (pulse-level calibrations) cannot be simulated";
    if (word == "defcalgrammar") return "'defcalgrammar' (pulse-level calibrations) cannot be simulated";
    if (word == "cal") return "'cal' blocks (pulse-level calibrations) cannot be simulated";
    if (word == "extern") return "'extern' functions cannot be simulated";
    if (word == "def") return "subroutines ('def') are not supported";
    if (word == "box") return "'box' is not supported";
    if (word == "stretch") return "'stretch' variables are not supported";
    if (word == "duration") return "'duration' variables are not supported";
    if (word == "switch") return "'switch' statements are not supported";
    if (word == "array") return "arrays are not supported";
    if (word == "complex") return "'complex' variables are not supported";
    if (word == "let") return "aliases ('let') are not supported";
    if (word == "return") return "'return' is not supported";
    if (word == "end") return "'end' is not supported";
    if (word == "durationof") return "'durationof' is not supported";
    return nullptr;
}

} // namespace

Parser::Parser(std::string_view source, int fileIndex, QasmVersion version)
    : m_lexer(source), m_file(fileIndex), m_version(version)
{
}

void Parser::fail(const Loc& loc, std::string message) const
{
    throw Failure{loc, std::move(message)};
}

void Parser::failAtToken(const Token& token, const std::string& expected) const
{
    fail(locOf(token), "expected " + expected + ", found " + describeToken(token));
}

const Token& Parser::peek(int k)
{
    const Token& t = m_lexer.peek(k);
    if (t.kind == TokenKind::Error)
        fail(locOf(t), t.message);
    return t;
}

Token Parser::next()
{
    peek(0);
    Token t = m_lexer.next();
    m_prevEndLine = t.endLine;
    m_prevEndColumn = t.endColumn;
    return t;
}

bool Parser::isIdent(const Token& token, std::string_view text) const
{
    return token.kind == TokenKind::Identifier && token.text == text;
}

bool Parser::acceptKind(TokenKind kind)
{
    if (peek().kind != kind)
        return false;
    next();
    return true;
}

Token Parser::expect(TokenKind kind, const std::string& context)
{
    if (peek().kind != kind)
        failAtToken(peek(), describeTokenKind(kind) + (context.empty() ? "" : " " + context));
    return next();
}

void Parser::expectSemicolon()
{
    if (peek().kind != TokenKind::Semicolon)
        fail({m_file, m_prevEndLine, m_prevEndColumn}, "expected ';' after the statement");
    next();
}

std::string Parser::expectIdentifier(const std::string& what, Loc* loc)
{
    if (peek().kind != TokenKind::Identifier)
        failAtToken(peek(), what);
    Token t = next();
    if (loc)
        *loc = locOf(t);
    return std::string(t.text);
}

void Parser::requireV3(const Loc& loc, const std::string& what) const
{
    if (m_version == QasmVersion::V2)
        fail(loc, "OpenQASM 3 is needed for " + what + "; this file declares OPENQASM 2.0");
}

bool Parser::atEnd()
{
    return peek().kind == TokenKind::End;
}

Loc Parser::location()
{
    return locOf(peek());
}

std::optional<QasmVersion> Parser::parseHeader()
{
    if (!isIdent(peek(), "OPENQASM"))
        return std::nullopt;
    next();
    const Token& v = peek();
    if (v.kind != TokenKind::Integer && v.kind != TokenKind::Float)
        failAtToken(v, "a version number after 'OPENQASM'");
    const Token number = next();
    const std::string text(number.text);
    QasmVersion version = QasmVersion::V3;
    if (text == "2.0" || text == "2")
        version = QasmVersion::V2;
    else if (text == "3" || text == "3.0" || text == "3.1")
        version = QasmVersion::V3;
    else
        fail(locOf(number), "unsupported OpenQASM version '" + text + "'; Qpilot reads 2.0 and 3");
    expectSemicolon();
    m_version = version;
    return version;
}

Stmt Parser::parseStatement()
{
    const Token& t = peek();
    const Loc loc = locOf(t);
    if (t.kind == TokenKind::LBrace) {
        requireV3(loc, "a block '{ ... }'");
        return parseBlock();
    }
    if (t.kind != TokenKind::Identifier)
        failAtToken(t, "a statement");
    const std::string_view w = t.text;
    if (w == "OPENQASM")
        fail(loc, "the OPENQASM version header must be the first statement");
    if (const char* reason = unsupportedReason(w))
        fail(loc, std::string("unsupported: ") + reason);
    if (w == "opaque") {
        next();
        const std::string name = peek().kind == TokenKind::Identifier ? std::string(peek().text) : "";
        fail(loc, "unsupported: opaque gate" + (name.empty() ? std::string() : " '" + name + "'")
                      + " has no definition, so it cannot be simulated");
    }
    if (w == "include")
        return parseInclude();
    if (w == "qreg" || w == "creg")
        return parseOldRegister();
    if (w == "qubit")
        return parseQubitDecl();
    if (w == "const" || w == "input" || w == "output" || isClassicalType(w))
        return parseClassicalDecl();
    if (w == "gate")
        return parseGateDef();
    if (w == "measure")
        return parseMeasure();
    if (w == "reset")
        return parseOperandStatement(StmtKind::Reset);
    if (w == "barrier")
        return parseOperandStatement(StmtKind::Barrier);
    if (w == "delay")
        return parseDelay();
    if (w == "if")
        return parseIf();
    if (w == "for")
        return parseFor();
    if (w == "while")
        return parseWhile();
    if (w == "else")
        fail(loc, "'else' without a matching 'if'");
    if (w == "break" || w == "continue") {
        requireV3(loc, "'" + std::string(w) + "'");
        Stmt s;
        s.kind = w == "break" ? StmtKind::Break : StmtKind::Continue;
        s.loc = loc;
        next();
        expectSemicolon();
        return s;
    }
    const TokenKind after = peek(1).kind;
    if (after == TokenKind::LBracket && peek(2).kind == TokenKind::Timing)
        return parseGateCall(); // h[100ns] q; is refused there
    if (after == TokenKind::LBracket || isAssignOp(after))
        return parseAssignment();
    return parseGateCall();
}

Stmt Parser::parseInclude()
{
    Stmt s;
    s.kind = StmtKind::Include;
    s.loc = locOf(next());
    if (peek().kind != TokenKind::String)
        failAtToken(peek(), "a file name in quotes after 'include'");
    Token path = next();
    s.name = std::string(path.text);
    s.nameLoc = locOf(path);
    expectSemicolon();
    return s;
}

Stmt Parser::parseOldRegister()
{
    Stmt s;
    s.kind = StmtKind::QuantumDecl;
    const Token kw = next();
    s.loc = locOf(kw);
    s.oldStyle = true;
    s.type = kw.text == "qreg" ? "qubit" : "bit";
    if (s.type == "bit")
        s.kind = StmtKind::ClassicalDecl;
    s.name = expectIdentifier("a register name after '" + std::string(kw.text) + "'", &s.nameLoc);
    expect(TokenKind::LBracket, "after the register name (registers are declared as "
                                    + std::string(kw.text) + " name[size];)");
    s.size = parseExpression();
    expect(TokenKind::RBracket, "after the register size");
    expectSemicolon();
    return s;
}

Stmt Parser::parseQubitDecl()
{
    Stmt s;
    s.kind = StmtKind::QuantumDecl;
    s.loc = locOf(next());
    requireV3(s.loc, "'qubit' declarations");
    s.type = "qubit";
    if (acceptKind(TokenKind::LBracket)) {
        s.size = parseExpression();
        expect(TokenKind::RBracket, "after the register size");
    }
    s.name = expectIdentifier("a register name", &s.nameLoc);
    if (peek().kind == TokenKind::Assign)
        fail(location(), "qubits cannot be initialised with a value");
    expectSemicolon();
    return s;
}

Stmt Parser::parseClassicalDecl()
{
    Stmt s;
    s.kind = StmtKind::ClassicalDecl;
    s.loc = location();
    requireV3(s.loc, "'" + std::string(peek().text) + "' declarations");
    if (isIdent(peek(), "const")) {
        next();
        s.isConst = true;
    } else if (isIdent(peek(), "input")) {
        next();
        s.isInput = true;
    } else if (isIdent(peek(), "output")) {
        next(); // an output variable is an ordinary variable here
    }
    const Token& typeToken = peek();
    if (typeToken.kind == TokenKind::Identifier) {
        if (const char* reason = unsupportedReason(typeToken.text))
            fail(locOf(typeToken), std::string("unsupported: ") + reason);
        if (typeToken.text == "qubit")
            fail(locOf(typeToken), "qubits cannot be declared 'const', 'input' or 'output'");
    }
    if (typeToken.kind != TokenKind::Identifier || !isClassicalType(typeToken.text))
        failAtToken(typeToken, "a type (bit, int, uint, float, angle or bool)");
    s.type = std::string(next().text);
    if (acceptKind(TokenKind::LBracket)) {
        s.size = parseExpression();
        expect(TokenKind::RBracket, "after the type width");
    }
    s.name = expectIdentifier("a variable name after the type", &s.nameLoc);
    if (acceptKind(TokenKind::Assign)) {
        if (s.isInput)
            fail(s.nameLoc, "input '" + s.name + "' cannot have a default value");
        if (isIdent(peek(), "measure")) {
            if (s.type != "bit")
                fail(location(), "a measurement result can only be stored in a bit, not in '"
                                     + s.type + "'");
            next();
            s.measureValue = true;
            s.operands.push_back(parseOperand());
        } else {
            s.value = parseExpression();
        }
    } else if (s.isConst) {
        fail(s.nameLoc, "constant '" + s.name + "' needs a value (const " + s.type + " "
                            + s.name + " = ...;)");
    }
    expectSemicolon();
    return s;
}

Stmt Parser::parseGateDef()
{
    Stmt s;
    s.kind = StmtKind::GateDef;
    s.loc = locOf(next());
    s.name = expectIdentifier("a gate name after 'gate'", &s.nameLoc);
    if (acceptKind(TokenKind::LParen)) {
        while (peek().kind != TokenKind::RParen) {
            Loc l;
            s.paramNames.push_back(expectIdentifier("a parameter name", &l));
            s.paramLocs.push_back(l);
            if (!acceptKind(TokenKind::Comma))
                break;
        }
        expect(TokenKind::RParen, "after the gate parameters");
    }
    while (peek().kind == TokenKind::Identifier) {
        Loc l;
        s.qubitNames.push_back(expectIdentifier("a qubit name", &l));
        s.qubitLocs.push_back(l);
        if (!acceptKind(TokenKind::Comma))
            break;
    }
    if (s.qubitNames.empty())
        failAtToken(peek(), "the qubit arguments of gate '" + s.name + "'");
    if (peek().kind != TokenKind::LBrace)
        failAtToken(peek(), "'{' to start the body of gate '" + s.name + "'");
    DepthGuard guard(*this, location(), "blocks are");
    next();
    while (peek().kind != TokenKind::RBrace) {
        if (peek().kind == TokenKind::End)
            fail(s.loc, "gate '" + s.name + "' has no closing '}'");
        s.body.push_back(parseStatement());
    }
    next();
    return s;
}

Stmt Parser::parseGateCall()
{
    Stmt s;
    s.kind = StmtKind::GateCall;
    s.loc = location();
    for (;;) {
        const Token& t = peek();
        const bool isModifier = isIdent(t, "ctrl") || isIdent(t, "negctrl") || isIdent(t, "inv")
            || isIdent(t, "pow");
        if (!isModifier)
            break;
        ModifierNode m;
        m.loc = locOf(t);
        requireV3(m.loc, "gate modifiers");
        const std::string word(next().text);
        m.kind = word == "ctrl" ? Modifier::Kind::Ctrl
            : word == "negctrl" ? Modifier::Kind::NegCtrl
            : word == "inv"     ? Modifier::Kind::Inv
                                : Modifier::Kind::Pow;
        if (m.kind == Modifier::Kind::Pow && peek().kind != TokenKind::LParen)
            failAtToken(peek(), "'(' after 'pow' (pow(k) @ gate)");
        if (m.kind != Modifier::Kind::Inv && acceptKind(TokenKind::LParen)) {
            m.argument = parseExpression();
            expect(TokenKind::RParen, "after the modifier argument");
        }
        expect(TokenKind::At, "after the gate modifier '" + word + "'");
        s.modifiers.push_back(std::move(m));
    }
    const Token& nameToken = peek();
    if (nameToken.kind != TokenKind::Identifier)
        failAtToken(nameToken, s.modifiers.empty() ? "a statement" : "a gate name after '@'");
    s.name = std::string(nameToken.text);
    s.nameLoc = locOf(nameToken);
    next();
    if (acceptKind(TokenKind::LParen))
        s.params = parseExpressionList(TokenKind::RParen);
    if (peek().kind == TokenKind::LBracket)
        fail(location(), "unsupported: gate durations ('" + s.name + "[...]') are not supported");
    s.operands = parseOperandList();
    expectSemicolon();
    return s;
}

Stmt Parser::parseMeasure()
{
    Stmt s;
    s.kind = StmtKind::Measure;
    s.loc = locOf(next());
    s.operands.push_back(parseOperand());
    if (acceptKind(TokenKind::Arrow))
        s.target = parseOperand();
    else if (peek().kind == TokenKind::Semicolon)
        requireV3(s.loc, "'measure' without '->'");
    expectSemicolon();
    return s;
}

Stmt Parser::parseOperandStatement(StmtKind kind)
{
    Stmt s;
    s.kind = kind;
    s.loc = locOf(next());
    s.operands = parseOperandList();
    if (s.operands.empty() && kind == StmtKind::Reset)
        failAtToken(peek(), "a qubit operand after 'reset'");
    if (s.operands.empty())
        requireV3(s.loc, "'barrier' without operands");
    expectSemicolon();
    return s;
}

Stmt Parser::parseDelay()
{
    Stmt s;
    s.kind = StmtKind::Delay;
    s.loc = locOf(next());
    requireV3(s.loc, "'delay'");
    expect(TokenKind::LBracket, "after 'delay' (delay[100ns] q;)");
    const Token& d = peek();
    if (d.kind == TokenKind::Identifier)
        fail(locOf(d), "unsupported: duration variables are not supported; write a literal such as 100ns");
    if (d.kind != TokenKind::Timing)
        failAtToken(d, "a duration such as 100ns");
    const Token dt = next();
    s.duration = dt.floatValue;
    s.unit = dt.unit;
    expect(TokenKind::RBracket, "after the duration");
    s.operands = parseOperandList();
    expectSemicolon();
    return s;
}

Stmt Parser::parseAssignment()
{
    Stmt s;
    s.kind = StmtKind::Assign;
    s.loc = location();
    requireV3(s.loc, "assignments");
    s.target = parseOperand();
    if (!isAssignOp(peek().kind))
        failAtToken(peek(), "'=' after '" + s.target->name + "[...]'");
    s.assignOp = next().kind;
    if (isIdent(peek(), "measure")) {
        if (s.assignOp != TokenKind::Assign)
            fail(location(), "a measurement can only be assigned with '='");
        next();
        s.measureValue = true;
        s.operands.push_back(parseOperand());
    } else {
        s.value = parseExpression();
    }
    expectSemicolon();
    return s;
}

std::vector<Stmt> Parser::parseBody(bool* wasBlock)
{
    DepthGuard guard(*this, location(), "blocks are");
    std::vector<Stmt> body;
    if (peek().kind == TokenKind::LBrace) {
        if (wasBlock)
            *wasBlock = true;
        const Loc open = location();
        next();
        while (peek().kind != TokenKind::RBrace) {
            if (peek().kind == TokenKind::End)
                fail(open, "'{' has no matching '}'");
            body.push_back(parseStatement());
        }
        next();
    } else {
        if (wasBlock)
            *wasBlock = false;
        if (peek().kind == TokenKind::End)
            failAtToken(peek(), "a statement");
        body.push_back(parseStatement());
    }
    return body;
}

Stmt Parser::parseBlock()
{
    Stmt s;
    s.kind = StmtKind::Block;
    s.loc = location();
    s.body = parseBody();
    return s;
}

Stmt Parser::parseIf()
{
    Stmt s;
    s.kind = StmtKind::If;
    s.loc = locOf(next());
    expect(TokenKind::LParen, "after 'if'");
    s.value = parseExpression();
    expect(TokenKind::RParen, "after the condition");
    const Loc bodyLoc = location();
    bool block = false;
    s.body = parseBody(&block);
    if (block)
        requireV3(bodyLoc, "an 'if' with a block");
    if (isIdent(peek(), "else")) {
        requireV3(location(), "'else'");
        next();
        s.hasElse = true;
        s.elseBody = parseBody();
    }
    return s;
}

Stmt Parser::parseFor()
{
    Stmt s;
    s.kind = StmtKind::For;
    s.loc = locOf(next());
    requireV3(s.loc, "'for' loops");
    if (!(peek().kind == TokenKind::Identifier && isIdent(peek(1), "in"))) {
        const Token& typeToken = peek();
        if (typeToken.kind != TokenKind::Identifier || !isClassicalType(typeToken.text)
            || typeToken.text == "bit")
            failAtToken(typeToken, "a loop variable type (int, uint, float, angle) or name");
        s.type = std::string(next().text);
        if (acceptKind(TokenKind::LBracket)) {
            s.size = parseExpression();
            expect(TokenKind::RBracket, "after the type width");
        }
    }
    s.name = expectIdentifier("a loop variable name", &s.nameLoc);
    if (!isIdent(peek(), "in"))
        failAtToken(peek(), "'in' after the loop variable");
    next();
    const Loc rangeLoc = location();
    if (acceptKind(TokenKind::LBracket)) {
        s.range = parseIndex();
        if (s.range->kind != IndexNode::Kind::Range || !s.range->start || !s.range->end)
            fail(rangeLoc, "expected a range such as [0:3] or [0:2:10] after 'in'");
    } else if (peek().kind == TokenKind::LBrace) {
        next();
        IndexNode set;
        set.kind = IndexNode::Kind::Set;
        set.loc = rangeLoc;
        set.items = parseExpressionList(TokenKind::RBrace);
        s.range = std::move(set);
    } else if (peek().kind == TokenKind::Identifier) {
        fail(rangeLoc, "unsupported: loops over a register or array ('for " + s.name + " in "
                           + std::string(peek().text) + "') are not supported; loop over a range");
    } else {
        failAtToken(peek(), "a range [a:b] or a set {a, b} after 'in'");
    }
    s.body = parseBody();
    return s;
}

Stmt Parser::parseWhile()
{
    Stmt s;
    s.kind = StmtKind::While;
    s.loc = locOf(next());
    requireV3(s.loc, "'while' loops");
    expect(TokenKind::LParen, "after 'while'");
    s.value = parseExpression();
    expect(TokenKind::RParen, "after the condition");
    s.body = parseBody();
    return s;
}

OperandNode Parser::parseOperand()
{
    OperandNode op;
    const Token& t = peek();
    op.loc = locOf(t);
    if (t.kind == TokenKind::HardwareQubit) {
        op.physical = true;
        op.physicalIndex = t.intValue;
        op.name = std::string(t.text);
        next();
        return op;
    }
    if (t.kind != TokenKind::Identifier)
        failAtToken(t, "a qubit or bit operand");
    op.name = std::string(next().text);
    if (acceptKind(TokenKind::LBracket))
        op.index = parseIndex();
    return op;
}

std::vector<OperandNode> Parser::parseOperandList()
{
    std::vector<OperandNode> ops;
    if (peek().kind == TokenKind::Semicolon)
        return ops;
    for (;;) {
        ops.push_back(parseOperand());
        if (acceptKind(TokenKind::Comma))
            continue;
        const TokenKind k = peek().kind;
        if (k == TokenKind::Identifier || k == TokenKind::HardwareQubit)
            fail({m_file, m_prevEndLine, m_prevEndColumn}, "expected ',' between operands");
        return ops;
    }
}

IndexNode Parser::parseIndex()
{
    IndexNode idx;
    idx.loc = location();
    if (peek().kind == TokenKind::LBrace) {
        next();
        idx.kind = IndexNode::Kind::Set;
        idx.items = parseExpressionList(TokenKind::RBrace);
        if (idx.items.empty())
            fail(idx.loc, "an index set '{...}' needs at least one index");
        expect(TokenKind::RBracket, "after the index set");
        return idx;
    }
    std::optional<ExprNode> first;
    if (peek().kind != TokenKind::Colon)
        first = parseExpression();
    if (!acceptKind(TokenKind::Colon)) {
        if (peek().kind == TokenKind::Comma)
            fail(location(), "unsupported: multi-dimensional indices are not supported");
        expect(TokenKind::RBracket, "after the index");
        idx.kind = IndexNode::Kind::Single;
        idx.items.push_back(std::move(*first));
        return idx;
    }
    idx.kind = IndexNode::Kind::Range;
    idx.start = std::move(first);
    std::optional<ExprNode> second;
    if (peek().kind != TokenKind::RBracket && peek().kind != TokenKind::Colon)
        second = parseExpression();
    if (acceptKind(TokenKind::Colon)) {
        if (!second)
            fail(location(), "a range step cannot be empty");
        idx.step = std::move(second);
        if (peek().kind != TokenKind::RBracket)
            idx.end = parseExpression();
    } else {
        idx.end = std::move(second);
    }
    expect(TokenKind::RBracket, "after the range");
    return idx;
}

} // namespace qpilot::qasm
