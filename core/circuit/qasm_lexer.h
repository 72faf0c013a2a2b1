// core/circuit/qasm_lexer.h — the OpenQASM 2/3 tokenizer (internal to the reader): UTF-8 aware
// identifiers (π, θ, ...), numbers (underscores, hex/octal/binary, scientific notation), timing
// literals (100ns, 2µs), hardware qubits ($3), strings, operators and comments. Tokens are
// produced on demand with 1-based line and column (columns count characters, not bytes). Bad
// input (NUL bytes, invalid UTF-8, unterminated comments or strings, stray characters) yields a
// token of kind Error carrying the message and the location.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace qpilot::qasm {

enum class TokenKind {
    End,
    Error,
    Identifier,
    Integer,
    Float,
    Timing,        // a number with a time unit: floatValue + unit
    String,        // text without the quotes
    HardwareQubit, // $n: intValue = n
    Semicolon, Comma, LParen, RParen, LBracket, RBracket, LBrace, RBrace, Colon, Arrow, At,
    Assign, PlusAssign, MinusAssign, StarAssign, SlashAssign, PercentAssign, PowerAssign,
    AmpAssign, PipeAssign, CaretAssign, ShlAssign, ShrAssign,
    Eq, Ne, Lt, Le, Gt, Ge,
    Plus, Minus, Star, Slash, Percent, Power, Caret, Amp, Pipe, Tilde, Bang, AndAnd, OrOr, Shl, Shr,
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string_view text; // as written (for String: the contents; for Error: the offending text)
    int line = 1;
    int column = 1;
    int endLine = 1;   // position just after the token
    int endColumn = 1;
    std::uint64_t intValue = 0;
    double floatValue = 0;
    std::string unit;    // Timing: ns, us, ms, s or dt ("µs" is stored as "us")
    std::string message; // Error: what is wrong
};

// How a token kind reads in messages: "';'", "an identifier", "end of file".
std::string describeTokenKind(TokenKind kind);
// How a concrete token reads in messages: "'foo'", "';'", "end of file".
std::string describeToken(const Token& token);

class Lexer {
public:
    // `source` must outlive the lexer and the tokens it returns.
    explicit Lexer(std::string_view source);

    // The token `k` positions ahead (0 = the next one). After End or Error, the same token repeats.
    const Token& peek(int k = 0);
    Token next();

private:
    Token scan();
    void skipSpaceAndComments(Token& error);
    char32_t current(int* length = nullptr) const;
    void advance(); // one character (code point)
    void skipRestOfLine();
    Token make(TokenKind kind, std::size_t start, int line, int column) const;
    Token error(std::string message, std::size_t start, int line, int column) const;
    Token scanNumber();
    Token scanIdentifier();

    std::string_view m_src;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    bool m_atLineStart = true;  // only whitespace since the last newline
    bool m_textChecked = false; // NUL / UTF-8 validation done
    std::deque<Token> m_ahead;
};

// Validates that `source` is text: no NUL byte, well-formed UTF-8. On failure returns the message
// and sets line/column (1-based, in characters) of the offending byte; returns "" when valid.
std::string checkText(std::string_view source, int& line, int& column);

} // namespace qpilot::qasm
