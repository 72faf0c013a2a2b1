// core/circuit/qasm_quantum.cpp — the quantum side of the OpenQASM elaborator: operands (indices,
// ranges, sets, physical qubits), gate lookup (standard table, Braket aliases, user definitions),
// modifiers, broadcasting, measure/reset/barrier/delay, and gate definitions.
#include "core/circuit/qasm_elaborator.h"

#include <algorithm>

namespace qpilot::qasm {

namespace {

// Amazon Braket's built-in names for standard gates.
const std::pair<const char*, GateKind> kBraketNames[] = {
    {"cnot", GateKind::CX}, {"si", GateKind::Sdg}, {"ti", GateKind::Tdg}, {"v", GateKind::SX},
    {"vi", GateKind::SXdg}, {"phaseshift", GateKind::P}, {"cphaseshift", GateKind::CP},
    {"ccnot", GateKind::CCX}, {"i", GateKind::I}, {"xx", GateKind::RXX}, {"yy", GateKind::RYY},
    {"zz", GateKind::RZZ},
};

std::optional<GateKind> braketGate(const std::string& name)
{
    for (const auto& [n, kind] : kBraketNames)
        if (name == n)
            return kind;
    return std::nullopt;
}

std::optional<GateKind> standardGate(const std::string& name, const QasmReadOptions& options)
{
    if (options.braketGateNames)
        if (const std::optional<GateKind> k = braketGate(name))
            return k;
    return gateKindByName(name);
}

std::string plural(std::size_t n, const char* word)
{
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

} // namespace

IndexList Elaborator::resolveIndex(const IndexNode& index, int size, const std::string& regName,
                                   const char* element)
{
    if (index.kind != IndexNode::Kind::Single)
        requireV3(index.loc, "index ranges and sets");
    const auto normalize = [&](std::int64_t i, const Loc& loc) {
        const std::int64_t written = i;
        if (i < 0 && m_version == QasmVersion::V3)
            i += size; // OpenQASM 3 counts negative indices from the end
        if (i < 0 || i >= size)
            fail(loc, std::string(element) + " index " + std::to_string(written)
                          + " is out of range for register '" + regName + "' of size "
                          + std::to_string(size));
        return int(i);
    };
    const std::string what = std::string("a ") + element + " index";
    IndexList list;
    switch (index.kind) {
    case IndexNode::Kind::Single:
        list.indices.push_back(normalize(evalInt(index.items.front(), what), index.items.front().loc));
        return list;
    case IndexNode::Kind::Set:
        list.single = false;
        for (const ExprNode& e : index.items)
            list.indices.push_back(normalize(evalInt(e, what), e.loc));
        return list;
    case IndexNode::Kind::Range:
        break;
    }
    list.single = false;
    std::int64_t step = 1;
    if (index.step) {
        step = evalInt(*index.step, "a range step");
        if (step == 0)
            fail(index.step->loc, "a range step cannot be zero");
        step = std::clamp<std::int64_t>(step, -size, size); // same selection, no overflow below
    }
    const int first = index.start ? normalize(evalInt(*index.start, what), index.start->loc)
                                  : (step > 0 ? 0 : size - 1);
    const int last = index.end ? normalize(evalInt(*index.end, what), index.end->loc)
                               : (step > 0 ? size - 1 : 0);
    if (step > 0 ? first > last : first < last)
        fail(index.loc, "the range [" + std::to_string(first) + ":"
                            + (step == 1 ? std::string() : std::to_string(step) + ":")
                            + std::to_string(last) + "] selects no " + element + "s of register '"
                            + regName + "'");
    for (std::int64_t i = first; step > 0 ? i <= last : i >= last; i += step)
        list.indices.push_back(int(i));
    return list;
}

int Elaborator::physicalQubit(const OperandNode& op)
{
    if (m_physicalRegister < 0 && !m_circuit.qregs.empty())
        fail(op.loc, "physical qubits ($n) cannot be mixed with declared qubit registers");
    if (op.physicalIndex >= std::uint64_t(kMaxQubits))
        fail(op.loc, "physical qubit " + op.name + " is beyond Qpilot's limit of "
                         + std::to_string(kMaxQubits) + " qubits");
    // Physical qubits $0..$n live in one implicit register "q" sized to the largest index used.
    if (m_physicalRegister < 0) {
        m_physicalRegister = 0;
        m_circuit.qregs.push_back(Register{"q", 0, 0, false});
    }
    Register& reg = m_circuit.qregs[std::size_t(m_physicalRegister)];
    reg.size = std::max(reg.size, int(op.physicalIndex) + 1);
    return int(op.physicalIndex);
}

IndexList Elaborator::resolveQubits(const OperandNode& op)
{
    if (op.physical) {
        if (m_gate)
            fail(op.loc, "physical qubits cannot be used inside gate '" + m_gate->name + "'");
        return IndexList{{physicalQubit(op)}, true};
    }
    const Symbol* sym = lookup(op.name, op.loc);
    if (!sym)
        fail(op.loc, "undeclared identifier '" + op.name + "'");
    if (sym->kind == Symbol::Kind::GateQubit) {
        if (op.index)
            fail(op.loc, "gate argument '" + op.name + "' is a single qubit and cannot be indexed");
        return IndexList{{sym->index}, true};
    }
    if (sym->kind == Symbol::Kind::CReg)
        fail(op.loc, "'" + op.name + "' is a bit register, not a qubit");
    if (sym->kind != Symbol::Kind::QReg)
        fail(op.loc, "'" + op.name + "' is a classical variable, not a qubit");
    return registerIndices(m_circuit.qregs[std::size_t(sym->index)], op, "qubit");
}

IndexList Elaborator::resolveBits(const OperandNode& op)
{
    if (op.physical)
        fail(op.loc, "expected a bit, found the physical qubit " + op.name);
    const Symbol* sym = lookup(op.name, op.loc);
    if (!sym)
        fail(op.loc, "undeclared identifier '" + op.name + "'");
    if (sym->kind != Symbol::Kind::CReg)
        fail(op.loc, "'" + op.name + "' is not a bit register; measurement results go to bits");
    return registerIndices(m_circuit.cregs[std::size_t(sym->index)], op, "bit");
}

IndexList Elaborator::registerIndices(const Register& reg, const OperandNode& op, const char* what)
{
    IndexList list;
    if (!op.index) {
        list.single = reg.scalar;
        for (int k = 0; k < reg.size; ++k)
            list.indices.push_back(reg.offset + k);
        return list;
    }
    if (reg.scalar)
        fail(op.loc, "'" + op.name + "' is a single " + what + " and cannot be indexed");
    list = resolveIndex(*op.index, reg.size, reg.name, what);
    for (int& index : list.indices)
        index += reg.offset;
    return list;
}

std::string Elaborator::qubitLabel(int qubit) const
{
    if (m_gate)
        return "'" + m_gate->qubitNames[std::size_t(qubit)] + "'";
    if (m_physicalRegister >= 0)
        return "$" + std::to_string(qubit);
    for (const Register& r : m_circuit.qregs)
        if (qubit >= r.offset && qubit < r.offset + r.size)
            return r.scalar ? r.name : r.name + "[" + std::to_string(qubit - r.offset) + "]";
    return "qubit " + std::to_string(qubit);
}

void Elaborator::execGateCall(const Stmt& s)
{
    const std::string& name = s.name;
    if (m_gate && name == m_gate->name)
        fail(s.nameLoc, "recursive gate definition: gate '" + name + "' uses itself");
    GateKind kind = GateKind::Custom;
    std::size_t arity = 0, paramCount = 0;
    if (const auto it = m_userGates.find(name); it != m_userGates.end()) {
        const GateDefinition& def = m_circuit.definitions[std::size_t(it->second)];
        arity = def.qubitNames.size();
        paramCount = def.paramNames.size();
    } else if (const std::optional<GateKind> k = standardGate(name, m_options)) {
        kind = *k;
        arity = std::size_t(gateInfo(kind).qubits);
        paramCount = std::size_t(gateInfo(kind).params);
    } else {
        std::string hint;
        if (braketGate(name))
            hint = " (an Amazon Braket gate name; read Braket programs with Braket gate names enabled)";
        else if (m_gate)
            hint = " (a gate body can use only standard gates and gates defined before it)";
        fail(s.nameLoc, "unknown gate '" + name + "'" + hint);
    }
    if (s.params.size() != paramCount)
        fail(s.nameLoc, "gate '" + name + "' takes " + plural(paramCount, "parameter") + ", got "
                            + std::to_string(s.params.size()));
    std::vector<Expr> params;
    params.reserve(paramCount);
    for (const ExprNode& p : s.params)
        params.push_back(evalParam(p, "a gate parameter"));

    std::vector<Modifier> modifiers;
    std::size_t controls = 0;
    for (const ModifierNode& m : s.modifiers) {
        Modifier mod;
        mod.kind = m.kind;
        if (m.kind == Modifier::Kind::Ctrl || m.kind == Modifier::Kind::NegCtrl) {
            if (m.argument) {
                const std::int64_t n = evalInt(*m.argument, "the number of control qubits");
                if (n < 1 || n > kMaxQubits)
                    fail(m.argument->loc, "the number of control qubits must be between 1 and "
                                              + std::to_string(kMaxQubits) + ", not " + std::to_string(n));
                mod.count = int(n);
            }
            controls += std::size_t(mod.count);
        } else if (m.kind == Modifier::Kind::Pow) {
            mod.exponent = evalParam(*m.argument, "the exponent of pow");
        }
        modifiers.push_back(std::move(mod));
    }

    const std::size_t expected = controls + arity;
    if (s.operands.size() != expected) {
        std::string what = "gate '" + name + "'";
        if (controls > 0)
            what += " with " + plural(controls, "control");
        fail(s.nameLoc, what + " takes " + plural(expected, "qubit") + ", got "
                            + std::to_string(s.operands.size()));
    }

    std::vector<IndexList> lists;
    lists.reserve(s.operands.size());
    std::size_t count = 1;
    const OperandNode* firstRegister = nullptr;
    for (const OperandNode& op : s.operands) {
        lists.push_back(resolveQubits(op));
        const IndexList& l = lists.back();
        if (l.single)
            continue;
        if (!firstRegister) {
            firstRegister = &op;
            count = l.indices.size();
        } else if (l.indices.size() != count) {
            fail(op.loc, "operands of '" + name + "' have different sizes: '" + firstRegister->name
                             + "' has " + plural(count, "qubit") + " but '" + op.name + "' has "
                             + std::to_string(l.indices.size()));
        }
    }
    for (std::size_t k = 0; k < count; ++k) {
        GateOp g;
        g.kind = kind;
        if (kind == GateKind::Custom)
            g.name = name;
        g.params = params;
        g.modifiers = modifiers;
        g.qubits.reserve(lists.size());
        for (std::size_t i = 0; i < lists.size(); ++i) {
            const int q = lists[i].single ? lists[i].indices.front() : lists[i].indices[k];
            if (std::find(g.qubits.begin(), g.qubits.end(), q) != g.qubits.end())
                fail(s.operands[i].loc, "qubit " + qubitLabel(q) + " is used twice in one '" + name + "' gate");
            g.qubits.push_back(q);
        }
        addOperation(Operation{std::move(g)});
    }
}

void Elaborator::execMeasure(const OperandNode& source, const OperandNode* target, const Loc& loc)
{
    const IndexList qubits = resolveQubits(source);
    if (!target) {
        for (int q : qubits.indices)
            addOperation(Operation{MeasureOp{q, -1}});
        return;
    }
    const IndexList bits = resolveBits(*target);
    if (qubits.indices.size() != bits.indices.size())
        fail(loc, "measure: '" + source.name + "' has " + plural(qubits.indices.size(), "qubit")
                      + " but '" + target->name + "' has " + plural(bits.indices.size(), "bit"));
    for (std::size_t k = 0; k < qubits.indices.size(); ++k)
        addOperation(Operation{MeasureOp{qubits.indices[k], bits.indices[k]}});
}

void Elaborator::execReset(const Stmt& s)
{
    for (const OperandNode& op : s.operands)
        for (int q : resolveQubits(op).indices)
            addOperation(Operation{ResetOp{q}});
}

void Elaborator::execBarrierOrDelay(const Stmt& s)
{
    std::vector<int> qubits;
    for (const OperandNode& op : s.operands) {
        const IndexList l = resolveQubits(op);
        qubits.insert(qubits.end(), l.indices.begin(), l.indices.end());
    }
    std::sort(qubits.begin(), qubits.end());
    qubits.erase(std::unique(qubits.begin(), qubits.end()), qubits.end());
    if (s.kind == StmtKind::Barrier) {
        addOperation(Operation{BarrierOp{std::move(qubits)}});
        return;
    }
    if (s.operands.empty()) { // a delay without operands applies to every qubit declared so far
        const int n = m_circuit.qregs.empty() ? 0 : m_circuit.qregs.back().offset + m_circuit.qregs.back().size;
        for (int q = 0; q < n; ++q)
            qubits.push_back(q);
    }
    DelayOp d;
    d.duration = s.duration;
    d.unit = s.unit;
    d.qubits = std::move(qubits);
    addOperation(Operation{std::move(d)});
}

void Elaborator::execGateDef(const Stmt& s)
{
    if (!atGlobalScope())
        fail(s.loc, "gate definitions must be at global scope");
    if (const auto it = m_userGates.find(s.name); it != m_userGates.end())
        fail(s.nameLoc, "gate '" + s.name + "' is already defined (line "
                            + std::to_string(m_gateLocs[s.name].line) + ")");
    // A definition of a standard gate with the standard signature is the standard gate: uses
    // keep the GateKind (so a writer's `gate ecr a, b {...}` reads back as ECR).
    bool standard = false;
    if (const std::optional<GateKind> k = standardGate(s.name, m_options)) {
        const GateInfo& info = gateInfo(*k);
        if (std::size_t(info.qubits) != s.qubitNames.size() || std::size_t(info.params) != s.paramNames.size())
            fail(s.nameLoc, "gate '" + s.name + "' is a standard gate with " + plural(std::size_t(info.qubits), "qubit")
                                + " and " + plural(std::size_t(info.params), "parameter")
                                + "; this definition has " + plural(s.qubitNames.size(), "qubit") + " and "
                                + plural(s.paramNames.size(), "parameter"));
        standard = true;
    }

    GateDefinition def;
    def.name = s.name;
    def.paramNames = s.paramNames;
    def.qubitNames = s.qubitNames;
    GateContext context;
    context.name = s.name;
    context.qubitNames = s.qubitNames;

    m_scopes.emplace_back();
    for (std::size_t i = 0; i < s.paramNames.size(); ++i) {
        Symbol p;
        p.kind = Symbol::Kind::GateParam;
        declare(s.paramNames[i], s.paramLocs[i], p);
    }
    for (std::size_t i = 0; i < s.qubitNames.size(); ++i) {
        Symbol q;
        q.kind = Symbol::Kind::GateQubit;
        q.index = int(i);
        declare(s.qubitNames[i], s.qubitLocs[i], q);
    }
    const GateContext* const savedGate = m_gate;
    std::vector<Operation>* const savedOut = m_out;
    m_gate = &context;
    m_out = &def.body;
    for (const Stmt& b : s.body)
        exec(b);
    m_gate = savedGate;
    m_out = savedOut;
    m_scopes.pop_back();

    if (standard)
        return;
    m_userGates.emplace(s.name, int(m_circuit.definitions.size()));
    m_gateLocs.emplace(s.name, s.nameLoc);
    m_circuit.definitions.push_back(std::move(def));
}

} // namespace qpilot::qasm
