// core/circuit/qasm_reader.cpp — the OpenQASM 2/3 reader's entry points (parseQasm, readQasmFile,
// detectQasmVersion) and the statement side of the elaborator: files and includes, scopes,
// declarations, assignments, if/else, for and while loops, and the operation/step guards.
#include "core/circuit/qasm.h"
#include "core/circuit/qasm_elaborator.h"
#include "core/circuit/qasm_parser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <new>

namespace qpilot {

namespace {

constexpr qint64 kMaxFileBytes = qint64(512) * 1024 * 1024;
constexpr std::size_t kMaxIncludeDepth = 32;

// Reads a whole file; on failure returns nullopt and sets `message`.
std::optional<std::string> readWholeFile(const QString& path, std::string& message)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        message = "cannot open '" + path.toStdString() + "': " + file.errorString().toStdString();
        return std::nullopt;
    }
    if (file.size() > kMaxFileBytes) {
        message = "'" + path.toStdString() + "' is too large (" + std::to_string(file.size() >> 20)
            + " MiB); Qpilot reads OpenQASM files up to 512 MiB";
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.size() < file.size()) {
        message = "cannot read '" + path.toStdString() + "': " + file.errorString().toStdString();
        return std::nullopt;
    }
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

} // namespace

Result<Circuit> parseQasm(std::string_view source, const std::string& fileName,
                          const QasmReadOptions& options)
{
    qasm::Elaborator elaborator(options);
    try {
        return elaborator.run(source, fileName);
    } catch (const qasm::Failure& f) {
        return Error{f.message, elaborator.fileName(f.loc.file), f.loc.line, f.loc.column};
    } catch (const std::bad_alloc&) {
        return Error{"out of memory while reading the program", fileName, 0, 0};
    } catch (const std::exception& e) {
        return Error{std::string("internal error while reading the program: ") + e.what(),
                     fileName, 0, 0};
    }
}

Result<Circuit> readQasmFile(const std::string& path, const QasmReadOptions& options)
{
    std::string message;
    const std::optional<std::string> text = readWholeFile(QString::fromStdString(path), message);
    if (!text)
        return Error{message, path, 0, 0};
    return parseQasm(*text, path, options);
}

QasmVersion detectQasmVersion(std::string_view source)
{
    qasm::Lexer lexer(source);
    const qasm::Token& first = lexer.peek(0);
    if (first.kind != qasm::TokenKind::Identifier || first.text != "OPENQASM")
        return QasmVersion::V3;
    const qasm::Token& number = lexer.peek(1);
    if ((number.kind == qasm::TokenKind::Float || number.kind == qasm::TokenKind::Integer)
        && (number.text == "2.0" || number.text == "2"))
        return QasmVersion::V2;
    return QasmVersion::V3;
}

namespace qasm {

Value Value::ofSym(Expr e, int depth)
{
    if (e.isConstant())
        return ofFloat(e.constantValue());
    Value x;
    x.kind = Kind::Sym;
    x.sym = std::move(e);
    x.symDepth = depth;
    return x;
}

void Elaborator::fail(const Loc& loc, std::string message) const
{
    throw Failure{loc, std::move(message)};
}

void Elaborator::requireV3(const Loc& loc, const std::string& what) const
{
    if (m_version == QasmVersion::V2)
        fail(loc, "OpenQASM 3 is needed for " + what + "; this file declares OPENQASM 2.0");
}

const std::string& Elaborator::fileName(int index) const
{
    static const std::string unknown = "<input>";
    return index >= 0 && std::size_t(index) < m_files.size() ? m_files[std::size_t(index)] : unknown;
}

Circuit Elaborator::run(std::string_view source, const std::string& fileName)
{
    m_files.push_back(fileName);
    const QFileInfo info(QString::fromStdString(fileName));
    m_includeStack.push_back(info.exists() ? info.canonicalFilePath().toStdString() : fileName);
    // Unrolling budget: room for every allowed operation plus the loop bookkeeping around it.
    m_stepLimit = 2 * m_options.maxOperations + 1'000'000;
    m_scopes.emplace_back();
    m_out = &m_circuit.ops;

    Parser parser(source, 0, QasmVersion::V3);
    if (parser.atEnd())
        fail({0, 1, 1}, "empty program: the file contains no OpenQASM statements");
    if (const std::optional<QasmVersion> v = parser.parseHeader())
        m_version = *v;
    while (!parser.atEnd())
        exec(parser.parseStatement());
    return std::move(m_circuit);
}

void Elaborator::runFile(std::string_view source, int fileIndex, const Loc& includedFrom)
{
    Parser parser(source, fileIndex, m_version);
    const Loc headerLoc = parser.location();
    if (const std::optional<QasmVersion> v = parser.parseHeader(); v && *v != m_version)
        fail(headerLoc, std::string("this file declares OpenQASM ") + (*v == QasmVersion::V2 ? "2.0" : "3")
                            + " but the file including it (" + fileName(includedFrom.file)
                            + ") is OpenQASM " + (m_version == QasmVersion::V2 ? "2.0" : "3"));
    parser.setVersion(m_version);
    while (!parser.atEnd())
        exec(parser.parseStatement());
}

void Elaborator::step(const Loc& loc)
{
    if (++m_steps > m_stepLimit)
        fail(m_loopDepth > 0 ? m_loopLoc : loc,
             "the program does not finish elaborating within " + std::to_string(m_stepLimit)
                 + " steps (an endless loop?); Qpilot unrolls loops when it reads a program");
}

void Elaborator::addOperation(Operation op)
{
    if (!m_gate && ++m_opCount > m_options.maxOperations)
        fail(m_stmtLoc, "the program expands to more than " + std::to_string(m_options.maxOperations)
                            + " operations, the reader's limit");
    m_out->push_back(std::move(op));
}

bool Elaborator::atGlobalScope() const
{
    return m_scopes.size() == 1 && m_runtimeBranch == 0 && !m_gate;
}

Symbol* Elaborator::lookup(const std::string& name, const Loc& loc)
{
    if (m_gate) {
        // Inside a gate body: its own qubits and parameters, then global constants only.
        if (auto it = m_scopes.back().find(name); it != m_scopes.back().end())
            return &it->second;
        auto it = m_scopes.front().find(name);
        if (it == m_scopes.front().end())
            return nullptr;
        if (it->second.kind == Symbol::Kind::Var && it->second.isConst)
            return &it->second;
        fail(loc, "'" + name + "' cannot be used inside gate '" + m_gate->name
                            + "'; a gate body sees only its own qubits, parameters and constants");
    }
    for (auto scope = m_scopes.rbegin(); scope != m_scopes.rend(); ++scope)
        if (auto it = scope->find(name); it != scope->end())
            return &it->second;
    return nullptr;
}

Symbol& Elaborator::declare(const std::string& name, const Loc& loc, Symbol symbol)
{
    static const char* const builtins[] = {"pi", "π", "tau", "τ", "euler", "ℇ", "true", "false"};
    for (const char* b : builtins)
        if (name == b)
            fail(loc, "'" + name + "' is a built-in constant and cannot be redeclared");
    auto& scope = m_scopes.back();
    if (auto it = scope.find(name); it != scope.end())
        fail(loc, "'" + name + "' is already declared (line " + std::to_string(it->second.loc.line) + ")");
    symbol.loc = loc;
    return scope.emplace(name, std::move(symbol)).first->second;
}

Elaborator::Flow Elaborator::exec(const Stmt& s)
{
    m_stmtLoc = s.loc;
    step(s.loc);
    if (m_gate && s.kind != StmtKind::GateCall && s.kind != StmtKind::Barrier)
        fail(s.loc, "only gate calls and barriers are allowed in the body of gate '" + m_gate->name + "'");
    switch (s.kind) {
    case StmtKind::Include: execInclude(s); break;
    case StmtKind::QuantumDecl: execQuantumDecl(s); break;
    case StmtKind::ClassicalDecl: execClassicalDecl(s); break;
    case StmtKind::GateDef: execGateDef(s); break;
    case StmtKind::GateCall: execGateCall(s); break;
    case StmtKind::Measure:
        execMeasure(s.operands.front(), s.target ? &*s.target : nullptr, s.loc);
        break;
    case StmtKind::Reset: execReset(s); break;
    case StmtKind::Barrier:
    case StmtKind::Delay: execBarrierOrDelay(s); break;
    case StmtKind::Assign: execAssign(s); break;
    case StmtKind::If: return execIf(s);
    case StmtKind::For: return execFor(s);
    case StmtKind::While: return execWhile(s);
    case StmtKind::Block: return execBody(s.body);
    case StmtKind::Break:
    case StmtKind::Continue: {
        const char* word = s.kind == StmtKind::Break ? "break" : "continue";
        if (m_loopDepth == 0)
            fail(s.loc, std::string("'") + word + "' outside a loop");
        if (m_runtimeBranch > m_loopBranchLevel)
            fail(s.loc, std::string("unsupported: '") + word
                            + "' inside a branch on a measured bit cannot be unrolled");
        return s.kind == StmtKind::Break ? Flow::Break : Flow::Continue;
    }
    }
    return Flow::Normal;
}

Elaborator::Flow Elaborator::execBody(const std::vector<Stmt>& body)
{
    m_scopes.emplace_back();
    Flow flow = Flow::Normal;
    for (const Stmt& s : body) {
        flow = exec(s);
        if (flow != Flow::Normal)
            break;
    }
    m_scopes.pop_back();
    return flow;
}

void Elaborator::execInclude(const Stmt& s)
{
    if (!atGlobalScope())
        fail(s.loc, "'include' must be at global scope");
    if (s.name == "qelib1.inc" || s.name == "stdgates.inc")
        return; // built in: the standard gates are always known
    const QString name = QString::fromStdString(s.name);
    QStringList candidates;
    if (QFileInfo(name).isAbsolute()) {
        candidates << name;
    } else {
        const QString including = QString::fromStdString(fileName(s.loc.file));
        candidates << QDir(QFileInfo(including).path()).filePath(name);
        for (const std::string& dir : m_options.includePaths)
            candidates << QDir(QString::fromStdString(dir)).filePath(name);
    }
    QString found;
    for (const QString& c : candidates)
        if (QFileInfo(c).isFile()) {
            found = QDir::cleanPath(c);
            break;
        }
    if (found.isEmpty()) {
        std::string looked;
        for (const QString& c : candidates)
            looked += (looked.empty() ? "" : ", ") + QDir::cleanPath(QFileInfo(c).path()).toStdString();
        fail(s.nameLoc, "cannot find include file '" + s.name + "' (looked in " + looked + ")");
    }
    const std::string canonical = QFileInfo(found).canonicalFilePath().toStdString();
    if (std::find(m_includeStack.begin(), m_includeStack.end(), canonical) != m_includeStack.end())
        fail(s.loc, "include cycle: '" + s.name + "' is already being read");
    if (m_includeStack.size() > kMaxIncludeDepth)
        fail(s.loc, "includes are nested too deeply (more than " + std::to_string(kMaxIncludeDepth)
                        + " levels)");
    std::string message;
    const std::optional<std::string> text = readWholeFile(found, message);
    if (!text)
        fail(s.nameLoc, message);
    m_files.push_back(found.toStdString());
    m_includeStack.push_back(canonical);
    runFile(*text, int(m_files.size()) - 1, s.loc);
    m_includeStack.pop_back();
}

void Elaborator::execQuantumDecl(const Stmt& s)
{
    if (!atGlobalScope())
        fail(s.loc, "qubits must be declared at global scope");
    if (m_physicalRegister >= 0)
        fail(s.loc, "physical qubits ($n) cannot be mixed with declared qubit registers");
    int size = 1;
    if (s.size) {
        const std::int64_t n = evalInt(*s.size, "the register size");
        if (n < 1)
            fail(s.size->loc, "register '" + s.name + "' must have at least 1 qubit, not "
                                  + std::to_string(n));
        if (n > kMaxQubits)
            fail(s.size->loc, "register '" + s.name + "' has " + std::to_string(n)
                                  + " qubits; Qpilot circuits hold at most "
                                  + std::to_string(kMaxQubits));
        size = int(n);
    }
    const int offset = m_circuit.qregs.empty()
        ? 0 : m_circuit.qregs.back().offset + m_circuit.qregs.back().size;
    if (offset + size > kMaxQubits)
        fail(s.nameLoc, "register '" + s.name + "' brings the circuit to " + std::to_string(offset + size)
                            + " qubits; Qpilot circuits hold at most " + std::to_string(kMaxQubits));
    Symbol sym;
    sym.kind = Symbol::Kind::QReg;
    sym.index = int(m_circuit.qregs.size());
    declare(s.name, s.nameLoc, sym);
    m_circuit.qregs.push_back(Register{s.name, offset, size, !s.size});
}

void Elaborator::execClassicalDecl(const Stmt& s)
{
    if (s.type == "bit") {
        if (!atGlobalScope())
            fail(s.loc, "unsupported: bit registers must be declared at global scope");
        int size = 1;
        if (s.size) {
            const std::int64_t n = evalInt(*s.size, "the register size");
            if (n < 1)
                fail(s.size->loc, "register '" + s.name + "' must have at least 1 bit, not "
                                      + std::to_string(n));
            if (n > kMaxClbits)
                fail(s.size->loc, "register '" + s.name + "' has " + std::to_string(n)
                                      + " bits; Qpilot circuits hold at most " + std::to_string(kMaxClbits));
            size = int(n);
        }
        const int offset = m_circuit.cregs.empty()
            ? 0 : m_circuit.cregs.back().offset + m_circuit.cregs.back().size;
        if (offset + size > kMaxClbits)
            fail(s.nameLoc, "register '" + s.name + "' brings the circuit to " + std::to_string(offset + size)
                                + " bits; Qpilot circuits hold at most " + std::to_string(kMaxClbits));
        Symbol sym;
        sym.kind = Symbol::Kind::CReg;
        sym.index = int(m_circuit.cregs.size());
        declare(s.name, s.nameLoc, sym);
        m_circuit.cregs.push_back(Register{s.name, offset, size, !s.size && !s.oldStyle});
        if (s.measureValue) {
            OperandNode target;
            target.loc = s.nameLoc;
            target.name = s.name;
            execMeasure(s.operands.front(), &target, s.loc);
        } else if (s.value) {
            const Value v = eval(*s.value);
            const bool zero = (v.kind == Value::Kind::Int && v.i == 0)
                || (v.kind == Value::Kind::Bool && !v.b);
            if (!zero)
                fail(s.value->loc, "unsupported: bits start at 0 and can only be set by a measurement");
        }
        return;
    }

    const VarType type = s.type == "int" ? VarType::Int
        : s.type == "uint"               ? VarType::UInt
        : s.type == "float"              ? VarType::Float
        : s.type == "angle"              ? VarType::Angle
                                         : VarType::Bool;
    int width = 0;
    if (s.size) {
        const std::int64_t w = evalInt(*s.size, "the type width");
        const int maxWidth = (type == VarType::Float) ? 128 : 64;
        if (w < 1 || w > maxWidth || type == VarType::Bool)
            fail(s.size->loc, type == VarType::Bool ? std::string("'bool' has no width")
                                                    : s.type + " width must be between 1 and "
                                       + std::to_string(maxWidth) + ", not " + std::to_string(w));
        width = int(w);
    }
    Symbol sym;
    sym.type = type;
    sym.width = width;
    sym.branchLevel = m_runtimeBranch;
    if (s.isInput) {
        if (!atGlobalScope())
            fail(s.loc, "input declarations must be at global scope");
        if (type == VarType::Bool)
            fail(s.loc, "unsupported: bool inputs; use an input float or angle parameter");
        sym.kind = Symbol::Kind::Input;
        declare(s.name, s.nameLoc, sym);
        m_circuit.parameters.push_back(s.name);
        return;
    }
    sym.kind = Symbol::Kind::Var;
    sym.isConst = s.isConst;
    if (s.value) {
        RealContext real(m_realDivision, type == VarType::Float || type == VarType::Angle);
        const Value v = eval(*s.value);
        if (s.isConst && v.kind == Value::Kind::Sym)
            fail(s.value->loc, "constant '" + s.name
                                   + "' needs a compile-time value, but this depends on an input parameter");
        sym.value = convert(v, type, width, s.name, s.value->loc);
    } else {
        sym.known = false;
        sym.uninitialised = true;
        sym.unknownLoc = s.nameLoc;
    }
    declare(s.name, s.nameLoc, sym);
}

void Elaborator::execAssign(const Stmt& s)
{
    const OperandNode& t = *s.target;
    Symbol* sym = lookup(t.name, t.loc);
    if (!sym)
        fail(t.loc, "undeclared identifier '" + t.name + "'");
    switch (sym->kind) {
    case Symbol::Kind::CReg:
        if (!s.measureValue)
            fail(s.loc, "unsupported: bits can only be set by a measurement ('" + t.name
                            + " = measure q;')");
        execMeasure(s.operands.front(), &t, s.loc);
        return;
    case Symbol::Kind::QReg:
    case Symbol::Kind::GateQubit:
        fail(t.loc, "cannot assign to qubit '" + t.name + "'");
    case Symbol::Kind::Input:
    case Symbol::Kind::GateParam:
        fail(t.loc, "cannot assign to input parameter '" + t.name + "'");
    case Symbol::Kind::Var:
        break;
    }
    if (s.measureValue)
        fail(s.loc, "a measurement result can only be stored in a bit; '" + t.name + "' is not a bit");
    if (sym->isConst)
        fail(t.loc, "cannot assign to constant '" + t.name + "'");
    if (t.index)
        fail(t.loc, "unsupported: indexing into the classical variable '" + t.name + "'");
    RealContext real(m_realDivision, sym->type == VarType::Float || sym->type == VarType::Angle);
    Value result = eval(*s.value);
    if (s.assignOp != TokenKind::Assign) {
        TokenKind op = TokenKind::Plus;
        switch (s.assignOp) {
        case TokenKind::MinusAssign: op = TokenKind::Minus; break;
        case TokenKind::StarAssign: op = TokenKind::Star; break;
        case TokenKind::SlashAssign: op = TokenKind::Slash; break;
        case TokenKind::PercentAssign: op = TokenKind::Percent; break;
        case TokenKind::PowerAssign: op = TokenKind::Power; break;
        case TokenKind::AmpAssign: op = TokenKind::Amp; break;
        case TokenKind::PipeAssign: op = TokenKind::Pipe; break;
        case TokenKind::CaretAssign: op = TokenKind::Caret; break;
        case TokenKind::ShlAssign: op = TokenKind::Shl; break;
        case TokenKind::ShrAssign: op = TokenKind::Shr; break;
        default: break;
        }
        result = arithmetic(op, valueOf(*lookup(t.name, t.loc), t.name, t.loc), result, s.loc);
    }
    sym->value = convert(result, sym->type, sym->width, t.name, s.value->loc);
    sym->uninitialised = false;
    if (m_runtimeBranch > sym->branchLevel) {
        sym->known = false;
        sym->unknownLoc = s.loc;
    } else {
        sym->known = true;
    }
}

Elaborator::Flow Elaborator::execIf(const Stmt& s)
{
    bool negated = false;
    const std::optional<Condition> condition = runtimeCondition(*s.value, negated);
    if (!condition) {
        if (evalBool(*s.value, "the 'if' condition"))
            return execBody(s.body);
        return s.hasElse ? execBody(s.elseBody) : Flow::Normal;
    }
    IfElseOp op;
    op.condition = *condition;
    std::vector<Operation>* const saved = m_out;
    ++m_runtimeBranch;
    m_out = negated ? &op.elseOps : &op.thenOps;
    execBody(s.body); // break/continue are refused inside (see exec)
    if (s.hasElse) {
        m_out = negated ? &op.thenOps : &op.elseOps;
        execBody(s.elseBody);
    }
    m_out = saved;
    --m_runtimeBranch;
    m_stmtLoc = s.loc;
    addOperation(Operation{std::move(op)});
    return Flow::Normal;
}

Elaborator::Flow Elaborator::execLoopBody(const Stmt& loop, Symbol* loopVar, const Value* value)
{
    step(loop.loc);
    m_scopes.emplace_back();
    if (loopVar)
        declare(loop.name, loop.nameLoc, *loopVar).value = *value;
    Flow flow = Flow::Normal;
    for (const Stmt& s : loop.body) {
        flow = exec(s);
        if (flow != Flow::Normal)
            break;
    }
    m_scopes.pop_back();
    return flow;
}

Elaborator::Flow Elaborator::execFor(const Stmt& s)
{
    const IndexNode& range = *s.range;
    Symbol var;
    var.kind = Symbol::Kind::Var;
    var.branchLevel = m_runtimeBranch;
    var.type = s.type == "uint" ? VarType::UInt
        : s.type == "float"     ? VarType::Float
        : s.type == "angle"     ? VarType::Angle
                                : VarType::Int;
    if (s.size)
        var.width = int(std::clamp<std::int64_t>(evalInt(*s.size, "the type width"), 1, 64));

    std::vector<Value> items;
    std::int64_t start = 0, stepValue = 1;
    std::uint64_t count = 0;
    if (range.kind == IndexNode::Kind::Set) {
        bool anyFloat = false;
        for (const ExprNode& e : range.items) {
            Value v = eval(e);
            if (v.kind == Value::Kind::Sym)
                fail(e.loc, "loop values must be known when the circuit is built; this depends on an input parameter");
            anyFloat = anyFloat || v.kind == Value::Kind::Float;
            items.push_back(v);
        }
        if (s.type.empty() && anyFloat)
            var.type = VarType::Float;
        for (Value& v : items)
            v = convert(v, var.type, var.width, s.name, range.loc);
        count = items.size();
    } else {
        start = evalInt(*range.start, "the loop start");
        if (range.step) {
            stepValue = evalInt(*range.step, "the loop step");
            if (stepValue == 0)
                fail(range.step->loc, "the loop step cannot be zero");
        }
        const std::int64_t end = evalInt(*range.end, "the loop end");
        // Unsigned arithmetic: the span of two int64 values always fits in a uint64.
        const bool up = stepValue > 0;
        const std::uint64_t stride = up ? std::uint64_t(stepValue) : std::uint64_t(0) - std::uint64_t(stepValue);
        if (up ? end >= start : start >= end) {
            const std::uint64_t span = up ? std::uint64_t(end) - std::uint64_t(start)
                                          : std::uint64_t(start) - std::uint64_t(end);
            if (span / stride >= m_stepLimit)
                fail(s.loc, "the loop runs more than " + std::to_string(m_stepLimit)
                                + " times; Qpilot unrolls loops when it reads a program");
            count = span / stride + 1;
        }
    }

    const int savedDepth = m_loopDepth, savedLevel = m_loopBranchLevel;
    const Loc savedLoop = m_loopLoc;
    ++m_loopDepth;
    m_loopBranchLevel = m_runtimeBranch;
    m_loopLoc = s.loc;
    for (std::uint64_t k = 0; k < count; ++k) {
        // start + k*step in two's complement: stays within [start, end], so the cast is exact.
        const Value v = items.empty()
            ? convert(Value::ofInt(std::int64_t(std::uint64_t(start) + k * std::uint64_t(stepValue))),
                      var.type, var.width, s.name, range.loc)
            : items[std::size_t(k)];
        if (execLoopBody(s, &var, &v) == Flow::Break)
            break;
    }
    m_loopDepth = savedDepth;
    m_loopBranchLevel = savedLevel;
    m_loopLoc = savedLoop;
    return Flow::Normal;
}

Elaborator::Flow Elaborator::execWhile(const Stmt& s)
{
    if (mentionsBits(*s.value))
        fail(s.loc, "unsupported: while loop on a measured value cannot be simulated");
    const int savedDepth = m_loopDepth, savedLevel = m_loopBranchLevel;
    const Loc savedLoop = m_loopLoc;
    ++m_loopDepth;
    m_loopBranchLevel = m_runtimeBranch;
    m_loopLoc = s.loc;
    while (evalBool(*s.value, "the 'while' condition")) {
        if (execLoopBody(s, nullptr, nullptr) == Flow::Break)
            break;
    }
    m_loopDepth = savedDepth;
    m_loopBranchLevel = savedLevel;
    m_loopLoc = savedLoop;
    return Flow::Normal;
}

} // namespace qasm
} // namespace qpilot
