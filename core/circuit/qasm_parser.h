// core/circuit/qasm_parser.h — recursive-descent parser for OpenQASM 2.0 and 3 (internal to the
// reader). It turns tokens into one statement tree at a time (see qasm_ast.h), checks syntax,
// refuses constructs Qpilot does not support by name and location, and guards nesting depth.
// Failures are thrown as qasm::Failure and caught by the reader's entry points.
#pragma once

#include "core/circuit/qasm.h"
#include "core/circuit/qasm_ast.h"
#include "core/circuit/qasm_lexer.h"

#include <optional>
#include <string>
#include <string_view>

namespace qpilot::qasm {

// Nesting limit for expressions and blocks (deeper input is refused, never a stack overflow).
constexpr int kMaxNesting = 200;
// Height limit of an expression tree (e.g. a sum of more than this many terms).
constexpr int kMaxExpressionDepth = 1000;

class Parser {
public:
    // `source` must outlive the parser and the statements it returns.
    Parser(std::string_view source, int fileIndex, QasmVersion version);

    // Reads `OPENQASM x;` if it is the first statement and returns the declared version.
    std::optional<QasmVersion> parseHeader();
    // The version syntax follows (OpenQASM 2 reads `^` as power and refuses OpenQASM 3 statements).
    void setVersion(QasmVersion version) { m_version = version; }
    QasmVersion version() const { return m_version; }

    bool atEnd();
    Loc location(); // of the next token
    Stmt parseStatement();

private:
    // Counts nesting on the way down; refuses input nested deeper than kMaxNesting.
    struct DepthGuard {
        DepthGuard(Parser& p, const Loc& loc, const char* what) : parser(p)
        {
            if (++parser.m_depth > kMaxNesting)
                parser.fail(loc, std::string(what) + " nested too deeply (more than "
                                     + std::to_string(kMaxNesting) + " levels)");
        }
        ~DepthGuard() { --parser.m_depth; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
        Parser& parser;
    };


    [[noreturn]] void fail(const Loc& loc, std::string message) const;
    [[noreturn]] void failAtToken(const Token& token, const std::string& expected) const;
    Loc locOf(const Token& token) const { return {m_file, token.line, token.column}; }
    const Token& peek(int k = 0);
    Token next();
    bool isIdent(const Token& token, std::string_view text) const;
    bool acceptKind(TokenKind kind);
    Token expect(TokenKind kind, const std::string& context);
    void expectSemicolon();
    std::string expectIdentifier(const std::string& what, Loc* loc = nullptr);
    void requireV3(const Loc& loc, const std::string& what) const;

    Stmt parseInclude();
    Stmt parseOldRegister();
    Stmt parseQubitDecl();
    Stmt parseClassicalDecl();
    Stmt parseGateDef();
    Stmt parseGateCall();
    Stmt parseMeasure();
    Stmt parseOperandStatement(StmtKind kind); // reset, barrier
    Stmt parseDelay();
    Stmt parseAssignment();
    Stmt parseIf();
    Stmt parseFor();
    Stmt parseWhile();
    Stmt parseBlock();
    std::vector<Stmt> parseBody(bool* wasBlock = nullptr);

    OperandNode parseOperand();
    std::vector<OperandNode> parseOperandList();
    IndexNode parseIndex(); // after '[' up to and including ']'
    IndexNode parseRangeOrSet(Loc loc);

    ExprNode parseExpression();
    ExprNode parseBinary(int minPrecedence);
    ExprNode parseUnary();
    ExprNode parsePower();
    ExprNode parsePrimary();
    std::vector<ExprNode> parseExpressionList(TokenKind close);
    int binaryPrecedence(TokenKind kind) const;
    ExprNode& seal(ExprNode& node) const; // computes node.depth and enforces the limit

    Lexer m_lexer;
    int m_file = 0;
    QasmVersion m_version = QasmVersion::V3;
    int m_depth = 0;
    int m_prevEndLine = 1;   // end of the last consumed token
    int m_prevEndColumn = 1;
};

} // namespace qpilot::qasm
