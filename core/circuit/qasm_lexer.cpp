// core/circuit/qasm_lexer.cpp — the OpenQASM tokenizer: text validation (NUL, UTF-8), comments,
// pragmas and annotations (skipped), identifiers, numbers, timing literals and operators.
#include "core/circuit/qasm_lexer.h"

#include <QChar>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace qpilot::qasm {

namespace {

// Decodes one UTF-8 sequence at `s[pos]`. Returns the code point and its byte length, or
// length 0 for a malformed sequence (overlong forms, surrogates and values > U+10FFFF included).
char32_t decodeUtf8(std::string_view s, std::size_t pos, int& length)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    length = 0;
    if (b0 < 0x80) {
        length = 1;
        return b0;
    }
    int n = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        n = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        n = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        n = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (pos + std::size_t(n) > s.size())
        return 0;
    for (int i = 1; i < n; ++i) {
        const unsigned char b = byte(pos + std::size_t(i));
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    length = n;
    return cp;
}

bool isIdentStart(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
        || (c > 127 && QChar::isLetter(c));
}

bool isIdentContinue(char32_t c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9') || (c > 127 && QChar::isLetterOrNumber(c))
        || (c > 127 && QChar::isMark(c));
}

bool isDigitIn(char c, int base)
{
    switch (base) {
    case 2: return c == '0' || c == '1';
    case 8: return c >= '0' && c <= '7';
    case 16: return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    default: return c >= '0' && c <= '9';
    }
}

struct Punct {
    std::string_view text;
    TokenKind kind;
};

// Longest first, so that a prefix never shadows a longer operator.
constexpr Punct kPuncts[] = {
    {"**=", TokenKind::PowerAssign}, {"<<=", TokenKind::ShlAssign}, {">>=", TokenKind::ShrAssign},
    {"->", TokenKind::Arrow}, {"+=", TokenKind::PlusAssign}, {"-=", TokenKind::MinusAssign},
    {"*=", TokenKind::StarAssign}, {"/=", TokenKind::SlashAssign}, {"%=", TokenKind::PercentAssign},
    {"&=", TokenKind::AmpAssign}, {"|=", TokenKind::PipeAssign}, {"^=", TokenKind::CaretAssign},
    {"==", TokenKind::Eq}, {"!=", TokenKind::Ne}, {"<=", TokenKind::Le}, {">=", TokenKind::Ge},
    {"**", TokenKind::Power}, {"&&", TokenKind::AndAnd}, {"||", TokenKind::OrOr},
    {"<<", TokenKind::Shl}, {">>", TokenKind::Shr},
    {";", TokenKind::Semicolon}, {",", TokenKind::Comma}, {"(", TokenKind::LParen},
    {")", TokenKind::RParen}, {"[", TokenKind::LBracket}, {"]", TokenKind::RBracket},
    {"{", TokenKind::LBrace}, {"}", TokenKind::RBrace}, {":", TokenKind::Colon},
    {"@", TokenKind::At}, {"=", TokenKind::Assign}, {"<", TokenKind::Lt}, {">", TokenKind::Gt},
    {"+", TokenKind::Plus}, {"-", TokenKind::Minus}, {"*", TokenKind::Star},
    {"/", TokenKind::Slash}, {"%", TokenKind::Percent}, {"^", TokenKind::Caret},
    {"&", TokenKind::Amp}, {"|", TokenKind::Pipe}, {"~", TokenKind::Tilde}, {"!", TokenKind::Bang},
};

} // namespace

std::string describeTokenKind(TokenKind kind)
{
    switch (kind) {
    case TokenKind::End: return "end of file";
    case TokenKind::Error: return "an invalid token";
    case TokenKind::Identifier: return "an identifier";
    case TokenKind::Integer: return "an integer";
    case TokenKind::Float: return "a number";
    case TokenKind::Timing: return "a duration";
    case TokenKind::String: return "a string";
    case TokenKind::HardwareQubit: return "a physical qubit";
    default: break;
    }
    for (const Punct& p : kPuncts)
        if (p.kind == kind)
            return "'" + std::string(p.text) + "'";
    return "a token";
}

std::string describeToken(const Token& token)
{
    switch (token.kind) {
    case TokenKind::End: return "end of file";
    case TokenKind::String: return "string \"" + std::string(token.text) + "\"";
    default: return "'" + std::string(token.text) + "'";
    }
}

std::string checkText(std::string_view source, int& line, int& column)
{
    line = 1;
    column = 1;
    std::size_t pos = 0;
    while (pos < source.size()) {
        const char c = source[pos];
        if (c == '\0')
            return "file is not text: it contains a NUL byte";
        int length = 0;
        decodeUtf8(source, pos, length);
        if (length == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(c));
            return std::string("file is not text: invalid UTF-8 byte ") + hex;
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        pos += std::size_t(length);
    }
    return {};
}

Lexer::Lexer(std::string_view source) : m_src(source)
{
    // A UTF-8 byte order mark is not part of the program.
    if (m_src.size() >= 3 && m_src.substr(0, 3) == "\xEF\xBB\xBF")
        m_pos = 3;
}

const Token& Lexer::peek(int k)
{
    while (int(m_ahead.size()) <= k) {
        if (!m_ahead.empty()
            && (m_ahead.back().kind == TokenKind::End || m_ahead.back().kind == TokenKind::Error))
            m_ahead.push_back(m_ahead.back());
        else
            m_ahead.push_back(scan());
    }
    return m_ahead[std::size_t(k)];
}

Token Lexer::next()
{
    peek(0);
    Token t = std::move(m_ahead.front());
    m_ahead.pop_front();
    if (t.kind == TokenKind::End || t.kind == TokenKind::Error)
        m_ahead.push_front(t);
    return t;
}

char32_t Lexer::current(int* length) const
{
    int len = 1;
    char32_t c = m_pos < m_src.size() ? decodeUtf8(m_src, m_pos, len) : 0;
    if (len == 0)
        len = 1; // unreachable after checkText, but never loop forever
    if (length)
        *length = len;
    return c;
}

void Lexer::advance()
{
    if (m_pos >= m_src.size())
        return;
    int len = 1;
    const char32_t c = current(&len);
    m_pos += std::size_t(len);
    if (c == '\n' || (c == '\r' && (m_pos >= m_src.size() || m_src[m_pos] != '\n'))) {
        ++m_line;
        m_column = 1;
        m_atLineStart = true;
    } else if (c == '\r') {
        // CR of a CRLF pair: the LF ends the line.
    } else {
        ++m_column;
        if (c != ' ' && c != '\t' && c != '\f' && c != '\v')
            m_atLineStart = false;
    }
}

void Lexer::skipRestOfLine()
{
    while (m_pos < m_src.size() && m_src[m_pos] != '\n' && m_src[m_pos] != '\r')
        advance();
}

Token Lexer::make(TokenKind kind, std::size_t start, int line, int column) const
{
    Token t;
    t.kind = kind;
    t.text = m_src.substr(start, m_pos - start);
    t.line = line;
    t.column = column;
    t.endLine = m_line;
    t.endColumn = m_column;
    return t;
}

Token Lexer::error(std::string message, std::size_t start, int line, int column) const
{
    Token t = make(TokenKind::Error, start, line, column);
    t.message = std::move(message);
    return t;
}

void Lexer::skipSpaceAndComments(Token& err)
{
    while (m_pos < m_src.size()) {
        const char c = m_src[m_pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            advance();
        } else if (m_src.compare(m_pos, 2, "//") == 0) {
            skipRestOfLine();
        } else if (m_src.compare(m_pos, 2, "/*") == 0) {
            const std::size_t start = m_pos;
            const int line = m_line, column = m_column;
            advance();
            advance();
            while (m_pos < m_src.size() && m_src.compare(m_pos, 2, "*/") != 0)
                advance();
            if (m_pos >= m_src.size()) {
                err = error("unterminated comment: '/*' has no matching '*/'", start, line, column);
                err.text = m_src.substr(start, 2);
                err.endLine = line;
                err.endColumn = column + 2;
                return;
            }
            advance();
            advance();
        } else if (c == '#' && m_src.compare(m_pos, 7, "#pragma") == 0) {
            skipRestOfLine(); // pragmas are hints to other tools
        } else if (m_atLineStart && m_src.compare(m_pos, 6, "pragma") == 0
                   && (m_pos + 6 >= m_src.size() || m_src[m_pos + 6] == ' '
                       || m_src[m_pos + 6] == '\t')) {
            skipRestOfLine();
        } else if (m_atLineStart && c == '@' && m_pos + 1 < m_src.size()
                   && isIdentStart(static_cast<unsigned char>(m_src[m_pos + 1]))) {
            skipRestOfLine(); // an annotation (@name ...) on its own line carries no semantics
        } else {
            return;
        }
    }
}

Token Lexer::scan()
{
    if (!m_textChecked) {
        m_textChecked = true;
        int line = 0, column = 0;
        std::string message = checkText(m_src, line, column);
        if (!message.empty()) {
            Token t;
            t.kind = TokenKind::Error;
            t.message = std::move(message);
            t.line = t.endLine = line;
            t.column = column;
            t.endColumn = column + 1;
            return t;
        }
    }
    Token err;
    skipSpaceAndComments(err);
    if (err.kind == TokenKind::Error)
        return err;
    if (m_pos >= m_src.size())
        return make(TokenKind::End, m_pos, m_line, m_column);

    const std::size_t start = m_pos;
    const int line = m_line, column = m_column;
    const char c = m_src[m_pos];

    if ((c >= '0' && c <= '9')
        || (c == '.' && m_pos + 1 < m_src.size() && m_src[m_pos + 1] >= '0' && m_src[m_pos + 1] <= '9'))
        return scanNumber();
    if (isIdentStart(current()))
        return scanIdentifier();
    if (c == '$') {
        advance();
        while (m_pos < m_src.size() && m_src[m_pos] >= '0' && m_src[m_pos] <= '9')
            advance();
        if (m_pos == start + 1)
            return error("expected a physical qubit number after '$'", start, line, column);
        Token t = make(TokenKind::HardwareQubit, start, line, column);
        errno = 0;
        t.intValue = std::strtoull(std::string(t.text.substr(1)).c_str(), nullptr, 10);
        if (errno == ERANGE)
            return error("physical qubit number is too large", start, line, column);
        return t;
    }
    if (c == '"' || c == '\'') {
        advance();
        while (m_pos < m_src.size() && m_src[m_pos] != c && m_src[m_pos] != '\n'
               && m_src[m_pos] != '\r')
            advance();
        if (m_pos >= m_src.size() || m_src[m_pos] != c)
            return error("unterminated string: missing closing " + std::string(1, c), start, line,
                         column);
        advance();
        Token t = make(TokenKind::String, start, line, column);
        t.text = t.text.substr(1, t.text.size() - 2);
        return t;
    }
    for (const Punct& p : kPuncts) {
        const std::string_view text = p.text;
        if (text[0] == c && m_src.compare(m_pos, text.size(), text) == 0) {
            for (std::size_t i = 0; i < text.size(); ++i)
                advance();
            return make(p.kind, start, line, column);
        }
    }
    advance();
    Token t = error({}, start, line, column);
    t.message = "unexpected character '" + std::string(t.text) + "'";
    return t;
}

Token Lexer::scanIdentifier()
{
    const std::size_t start = m_pos;
    const int line = m_line, column = m_column;
    while (m_pos < m_src.size() && isIdentContinue(current()))
        advance();
    return make(TokenKind::Identifier, start, line, column);
}

Token Lexer::scanNumber()
{
    const std::size_t start = m_pos;
    const int line = m_line, column = m_column;
    std::string digits; // without underscores
    const auto at = [&](std::size_t i) { return i < m_src.size() ? m_src[i] : '\0'; };
    // Digits of `base` with single underscores between them.
    const auto readDigits = [&](int base) {
        while (isDigitIn(at(m_pos), base)
               || (at(m_pos) == '_' && isDigitIn(at(m_pos + 1), base) && !digits.empty())) {
            if (at(m_pos) != '_')
                digits += at(m_pos);
            advance();
        }
    };

    bool isFloat = false;
    int base = 10;
    if (at(m_pos) == '0' && (at(m_pos + 1) == 'x' || at(m_pos + 1) == 'X' || at(m_pos + 1) == 'b'
                             || at(m_pos + 1) == 'B' || at(m_pos + 1) == 'o' || at(m_pos + 1) == 'O')
        && isDigitIn(at(m_pos + 2), at(m_pos + 1) == 'x' || at(m_pos + 1) == 'X' ? 16
                                    : at(m_pos + 1) == 'o' || at(m_pos + 1) == 'O' ? 8 : 2)) {
        const char p = at(m_pos + 1);
        base = (p == 'x' || p == 'X') ? 16 : (p == 'o' || p == 'O') ? 8 : 2;
        advance();
        advance();
        readDigits(base);
    } else {
        readDigits(10);
        if (at(m_pos) == '.' && at(m_pos + 1) != '.') {
            isFloat = true;
            digits += '.';
            advance();
            if (isDigitIn(at(m_pos), 10)) {
                const std::size_t before = digits.size();
                while (isDigitIn(at(m_pos), 10) || (at(m_pos) == '_' && isDigitIn(at(m_pos + 1), 10)
                                                     && digits.size() > before)) {
                    if (at(m_pos) != '_')
                        digits += at(m_pos);
                    advance();
                }
            }
        }
        if ((at(m_pos) == 'e' || at(m_pos) == 'E')
            && (isDigitIn(at(m_pos + 1), 10)
                || ((at(m_pos + 1) == '+' || at(m_pos + 1) == '-') && isDigitIn(at(m_pos + 2), 10)))) {
            isFloat = true;
            digits += 'e';
            advance();
            if (at(m_pos) == '+' || at(m_pos) == '-') {
                digits += at(m_pos);
                advance();
            }
            while (isDigitIn(at(m_pos), 10)) {
                digits += at(m_pos);
                advance();
            }
        }
    }

    // A time unit directly after the number makes a timing literal (100ns, 2.5µs).
    const std::size_t unitStart = m_pos;
    if (base == 10 && m_pos < m_src.size() && isIdentStart(current())) {
        while (m_pos < m_src.size() && isIdentContinue(current()))
            advance();
        std::string unit(m_src.substr(unitStart, m_pos - unitStart));
        if (unit == "\xC2\xB5s" || unit == "\xCE\xBCs") // µs (micro sign or Greek mu)
            unit = "us";
        if (unit == "ns" || unit == "us" || unit == "ms" || unit == "s" || unit == "dt") {
            Token t = make(TokenKind::Timing, start, line, column);
            t.floatValue = std::strtod(digits.c_str(), nullptr);
            t.unit = unit;
            if (!std::isfinite(t.floatValue))
                return error("duration is out of range", start, line, column);
            return t;
        }
        Token t = error({}, start, line, column);
        t.message = "invalid suffix '" + std::string(m_src.substr(unitStart, m_pos - unitStart))
            + "' on number '" + std::string(m_src.substr(start, unitStart - start)) + "'";
        return t;
    }
    if (base != 10 && m_pos < m_src.size() && isIdentContinue(current())) {
        while (m_pos < m_src.size() && isIdentContinue(current()))
            advance();
        Token t = error({}, start, line, column);
        t.message = "invalid digit in number '" + std::string(t.text) + "'";
        return t;
    }

    Token t = make(isFloat ? TokenKind::Float : TokenKind::Integer, start, line, column);
    errno = 0;
    if (isFloat) {
        t.floatValue = std::strtod(digits.c_str(), nullptr);
        if (!std::isfinite(t.floatValue))
            return error("number '" + std::string(t.text) + "' is out of range", start, line, column);
    } else {
        t.intValue = std::strtoull(digits.c_str(), nullptr, base);
        if (errno == ERANGE)
            return error("integer '" + std::string(t.text) + "' is too large", start, line, column);
        t.floatValue = double(t.intValue);
    }
    return t;
}

} // namespace qpilot::qasm
