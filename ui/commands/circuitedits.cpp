// SPDX-License-Identifier: GPL-3.0-or-later
// ui/commands/circuitedits.cpp — pure circuit edits and the diagram layout (see circuitedits.h).
#include "ui/commands/circuitedits.h"

#include "core/circuit/qasm.h"
#include "core/circuit/transform.h"
#include "core/encoding/encoding.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>

namespace qpilot::edit {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

void collectQubits(const Operation& op, int numQubits, std::vector<int>& out)
{
    std::visit(Overloaded{
                   [&](const GateOp& g) { out.insert(out.end(), g.qubits.begin(), g.qubits.end()); },
                   [&](const MeasureOp& m) { out.push_back(m.qubit); },
                   [&](const ResetOp& r) { out.push_back(r.qubit); },
                   [&](const BarrierOp& b) {
                       if (b.qubits.empty()) {
                           for (int q = 0; q < numQubits; ++q)
                               out.push_back(q);
                       } else {
                           out.insert(out.end(), b.qubits.begin(), b.qubits.end());
                       }
                   },
                   [&](const DelayOp& d) { out.insert(out.end(), d.qubits.begin(), d.qubits.end()); },
                   [&](const IfElseOp& f) {
                       for (const Operation& o : f.thenOps)
                           collectQubits(o, numQubits, out);
                       for (const Operation& o : f.elseOps)
                           collectQubits(o, numQubits, out);
                   },
               },
               op.op);
}

// Applies `map` to every qubit of the op (and drops barrier qubits mapped to -1).
Operation mapQubits(Operation op, const std::function<int(int)>& map)
{
    std::visit(Overloaded{
                   [&](GateOp& g) {
                       for (int& q : g.qubits)
                           q = map(q);
                   },
                   [&](MeasureOp& m) { m.qubit = map(m.qubit); },
                   [&](ResetOp& r) { r.qubit = map(r.qubit); },
                   [&](BarrierOp& b) {
                       std::vector<int> kept;
                       for (int q : b.qubits) {
                           if (map(q) >= 0)
                               kept.push_back(map(q));
                       }
                       b.qubits = kept;
                   },
                   [&](DelayOp& d) {
                       for (int& q : d.qubits)
                           q = map(q);
                   },
                   [&](IfElseOp& f) {
                       for (Operation& o : f.thenOps)
                           o = mapQubits(o, map);
                       for (Operation& o : f.elseOps)
                           o = mapQubits(o, map);
                   },
               },
               op.op);
    return op;
}

Error outOfRange(const char* what, int index, int size)
{
    return Error("the " + std::string(what) + " " + std::to_string(index) + " does not exist (the circuit has "
                 + std::to_string(size) + " " + what + (size == 1 ? "" : "s") + ")");
}

} // namespace

std::vector<int> operationQubits(const Operation& op, int numQubits)
{
    std::vector<int> out;
    collectQubits(op, numQubits, out);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Layout layoutCircuit(const Circuit& circuit)
{
    const int n = circuit.numQubits();
    Layout layout;
    layout.ops.reserve(circuit.ops.size());
    std::vector<int> next(std::size_t(std::max(n, 1)), 0); // first free column per row
    int classicalNext = 0; // measurements and conditions share the classical wire
    for (const Operation& op : circuit.ops) {
        const std::vector<int> qubits = operationQubits(op, n);
        Placement p;
        p.minQubit = qubits.empty() ? 0 : qubits.front();
        p.maxQubit = qubits.empty() ? 0 : qubits.back();
        p.minQubit = std::clamp(p.minQubit, 0, std::max(n - 1, 0));
        p.maxQubit = std::clamp(p.maxQubit, p.minQubit, std::max(n - 1, 0));
        const bool classical = std::holds_alternative<MeasureOp>(op.op)
            || std::holds_alternative<IfElseOp>(op.op);
        // A measurement's line runs from its qubit down to the classical wire.
        const int lastRow = classical ? std::max(n - 1, 0) : p.maxQubit;
        int column = classical ? classicalNext : 0;
        for (int q = p.minQubit; q <= lastRow; ++q)
            column = std::max(column, next[std::size_t(q)]);
        p.column = column;
        for (int q = p.minQubit; q <= lastRow; ++q)
            next[std::size_t(q)] = column + 1;
        if (classical)
            classicalNext = column + 1;
        layout.ops.push_back(p);
        layout.columns = std::max(layout.columns, column + 1);
    }
    return layout;
}

int insertionIndexForColumn(const Circuit& circuit, int column)
{
    const Layout layout = layoutCircuit(circuit);
    for (std::size_t i = 0; i < layout.ops.size(); ++i) {
        if (layout.ops[i].column >= column)
            return int(i);
    }
    return int(circuit.ops.size());
}

std::optional<Error> validateOperation(const Circuit& circuit, const Operation& op)
{
    const int n = circuit.numQubits();
    std::vector<int> qubits;
    collectQubits(op, n, qubits);
    for (int q : qubits) {
        if (q < 0 || q >= n)
            return outOfRange("qubit", q, n);
    }
    if (const auto* g = std::get_if<GateOp>(&op.op)) {
        std::set<int> distinct(g->qubits.begin(), g->qubits.end());
        if (distinct.size() != g->qubits.size())
            return Error("a gate cannot use the same qubit twice");
        if (g->kind != GateKind::Custom && g->modifiers.empty()) {
            const GateInfo& info = gateInfo(g->kind);
            if (int(g->qubits.size()) != info.qubits)
                return Error(std::string(info.name) + " acts on " + std::to_string(info.qubits) + " qubit(s)");
            if (int(g->params.size()) != info.params)
                return Error(std::string(info.name) + " takes " + std::to_string(info.params) + " parameter(s)");
        }
    }
    if (const auto* m = std::get_if<MeasureOp>(&op.op)) {
        if (m->clbit < -1 || m->clbit >= circuit.numClbits())
            return outOfRange("classical bit", m->clbit, circuit.numClbits());
    }
    return std::nullopt;
}

Result<Circuit> insertOperation(const Circuit& circuit, const Operation& op, int index)
{
    if (index < 0 || index > int(circuit.ops.size()))
        return Error("operation position " + std::to_string(index) + " is out of range");
    if (auto e = validateOperation(circuit, op))
        return *e;
    Circuit out = circuit;
    out.ops.insert(out.ops.begin() + index, op);
    return out;
}

Result<Circuit> removeOperations(const Circuit& circuit, std::vector<int> indices)
{
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    if (indices.empty())
        return Error("nothing selected to delete");
    for (int i : indices) {
        if (i < 0 || i >= int(circuit.ops.size()))
            return Error("operation " + std::to_string(i) + " does not exist");
    }
    Circuit out = circuit;
    for (auto it = indices.rbegin(); it != indices.rend(); ++it)
        out.ops.erase(out.ops.begin() + *it);
    return out;
}

Result<Circuit> replaceOperation(const Circuit& circuit, int index, const Operation& op)
{
    if (index < 0 || index >= int(circuit.ops.size()))
        return Error("operation " + std::to_string(index) + " does not exist");
    if (auto e = validateOperation(circuit, op))
        return *e;
    Circuit out = circuit;
    out.ops[std::size_t(index)] = op;
    return out;
}

Result<MoveResult> moveOperations(const Circuit& circuit, std::vector<int> indices, int qubitDelta,
                                  int columnDelta)
{
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    if (indices.empty())
        return Error("nothing selected to move");
    const int n = circuit.numQubits();
    const Layout layout = layoutCircuit(circuit);
    struct Moved {
        Operation op;
        int column;
    };
    std::vector<Moved> moved;
    for (int i : indices) {
        if (i < 0 || i >= int(circuit.ops.size()))
            return Error("operation " + std::to_string(i) + " does not exist");
        const Operation& op = circuit.ops[std::size_t(i)];
        if (std::holds_alternative<BarrierOp>(op.op) && std::get<BarrierOp>(op.op).qubits.empty() && qubitDelta != 0)
            return Error("a barrier on all qubits cannot move to other qubits");
        Operation shifted = mapQubits(op, [qubitDelta](int q) { return q + qubitDelta; });
        for (int q : operationQubits(shifted, n)) {
            if (q < 0 || q >= n)
                return Error("the gate would leave the circuit (qubit " + std::to_string(q) + " does not exist)");
        }
        moved.push_back({shifted, std::max(0, layout.ops[std::size_t(i)].column + columnDelta)});
    }
    // Pure vertical moves keep the order of operations.
    if (columnDelta == 0) {
        Circuit kept = circuit;
        for (std::size_t k = 0; k < indices.size(); ++k)
            kept.ops[std::size_t(indices[k])] = moved[k].op;
        return MoveResult{kept, indices};
    }
    // Otherwise each op is taken out and re-inserted where its target column starts.
    Circuit out = circuit;
    for (auto it = indices.rbegin(); it != indices.rend(); ++it)
        out.ops.erase(out.ops.begin() + *it);
    std::stable_sort(moved.begin(), moved.end(), [](const Moved& a, const Moved& b) { return a.column < b.column; });
    std::vector<int> placed;
    for (const Moved& m : moved) {
        const int at = insertionIndexForColumn(out, m.column);
        for (int& p : placed) {
            if (p >= at)
                ++p;
        }
        out.ops.insert(out.ops.begin() + at, m.op);
        placed.push_back(at);
    }
    std::sort(placed.begin(), placed.end());
    return MoveResult{out, placed};
}

Result<Circuit> addQubit(const Circuit& circuit)
{
    if (circuit.numQubits() >= kMaxQubits)
        return Error("a circuit has at most " + std::to_string(kMaxQubits) + " qubits");
    Circuit out = circuit;
    if (out.qregs.empty()) {
        out.addQreg("q", 1);
        return out;
    }
    auto last = std::max_element(out.qregs.begin(), out.qregs.end(),
                                 [](const Register& a, const Register& b) { return a.offset < b.offset; });
    if (last->scalar)
        out.addQreg("q" + std::to_string(out.qregs.size()), 1);
    else
        ++last->size;
    return out;
}

Result<Circuit> removeQubit(const Circuit& circuit, int qubit)
{
    const int n = circuit.numQubits();
    if (qubit < 0 || qubit >= n)
        return outOfRange("qubit", qubit, n);
    if (n == 1)
        return Error("a circuit keeps at least one qubit");
    Circuit out = circuit;
    out.ops.clear();
    for (const Operation& op : circuit.ops) {
        const auto* b = std::get_if<BarrierOp>(&op.op);
        const std::vector<int> qubits = operationQubits(op, n);
        const bool touches = std::find(qubits.begin(), qubits.end(), qubit) != qubits.end();
        if (touches && !b)
            continue;
        if (b && b->qubits.size() == 1 && touches)
            continue;
        out.ops.push_back(mapQubits(op, [qubit](int q) { return q == qubit ? -1 : q > qubit ? q - 1 : q; }));
    }
    for (auto it = out.qregs.begin(); it != out.qregs.end();) {
        if (qubit >= it->offset && qubit < it->offset + it->size) {
            --it->size;
            if (it->size == 0) {
                it = out.qregs.erase(it);
                continue;
            }
        } else if (it->offset > qubit) {
            --it->offset;
        }
        ++it;
    }
    return out;
}

Result<Circuit> addClbit(const Circuit& circuit)
{
    if (circuit.numClbits() >= kMaxClbits)
        return Error("a circuit has at most " + std::to_string(kMaxClbits) + " classical bits");
    return ensureClbit(circuit, circuit.numClbits());
}

namespace {
bool usesClbit(const Operation& op, int clbit)
{
    if (const auto* m = std::get_if<MeasureOp>(&op.op))
        return m->clbit == clbit;
    if (const auto* f = std::get_if<IfElseOp>(&op.op)) {
        if (std::find(f->condition.bits.begin(), f->condition.bits.end(), clbit) != f->condition.bits.end())
            return true;
        for (const Operation& o : f->thenOps) {
            if (usesClbit(o, clbit))
                return true;
        }
        for (const Operation& o : f->elseOps) {
            if (usesClbit(o, clbit))
                return true;
        }
    }
    return false;
}
} // namespace

Result<Circuit> removeLastClbit(const Circuit& circuit)
{
    const int last = circuit.numClbits() - 1;
    if (last < 0)
        return Error("the circuit has no classical bits");
    for (std::size_t i = 0; i < circuit.ops.size(); ++i) {
        if (usesClbit(circuit.ops[i], last))
            return Error("classical bit " + std::to_string(last) + " is used (operation " + std::to_string(i + 1)
                         + "); delete its measurement first");
    }
    Circuit out = circuit;
    auto reg = std::find_if(out.cregs.begin(), out.cregs.end(),
                            [last](const Register& r) { return last >= r.offset && last < r.offset + r.size; });
    if (reg == out.cregs.end())
        return Error("classical bit " + std::to_string(last) + " has no register");
    if (--reg->size == 0)
        out.cregs.erase(reg);
    return out;
}

Circuit ensureClbit(const Circuit& circuit, int clbit)
{
    Circuit out = circuit;
    if (clbit < out.numClbits())
        return out;
    if (out.cregs.empty()) {
        out.addCreg("c", std::max(out.numQubits(), clbit + 1));
        return out;
    }
    auto last = std::max_element(out.cregs.begin(), out.cregs.end(),
                                 [](const Register& a, const Register& b) { return a.offset < b.offset; });
    if (last->scalar)
        out.addCreg("c" + std::to_string(out.cregs.size()), clbit + 1 - out.numClbits());
    else
        last->size += clbit + 1 - out.numClbits();
    return out;
}

Result<Circuit> insertBlock(const Circuit& circuit, const std::string& kindName, int firstQubit, int index)
{
    const auto kind = encoding::kindByName(kindName);
    if (!kind)
        return Error("unknown encoding or ansatz '" + kindName + "'");
    const int n = circuit.numQubits();
    if (firstQubit < 0 || firstQubit >= n)
        return outOfRange("qubit", firstQubit, n);
    if (index < 0 || index > int(circuit.ops.size()))
        return Error("operation position " + std::to_string(index) + " is out of range");
    const int qubits = n - firstQubit;
    int features = qubits;
    if (*kind == encoding::Kind::Amplitude) {
        if (qubits > encoding::kMaxAmplitudeQubits)
            return Error("amplitude encoding is limited to " + std::to_string(encoding::kMaxAmplitudeQubits) + " qubits");
        features = 1 << qubits;
    }
    auto built = encoding::build(*kind, features, {});
    if (!built)
        return built.error();
    const Circuit& body = built->circuit;
    if (body.numQubits() != qubits)
        return Error(kindName + " needs " + std::to_string(body.numQubits()) + " qubits here, not "
                     + std::to_string(qubits));
    Circuit out = circuit;
    for (const GateDefinition& d : body.definitions) {
        if (const GateDefinition* existing = out.definition(d.name)) {
            if (!(*existing == d))
                return Error("the circuit already defines a different gate '" + d.name + "'");
        } else {
            out.definitions.push_back(d);
        }
    }
    GateDefinition def;
    def.name = kindName + "_" + std::to_string(qubits);
    for (int suffix = 2; out.definition(def.name); ++suffix) {
        def.name = kindName + "_" + std::to_string(qubits) + "_" + std::to_string(suffix);
    }
    def.paramNames = body.parameters;
    for (int q = 0; q < qubits; ++q)
        def.qubitNames.push_back("q" + std::to_string(q));
    for (const Operation& op : body.ops) {
        if (!std::holds_alternative<GateOp>(op.op) && !std::holds_alternative<BarrierOp>(op.op))
            return Error(kindName + " contains an operation a gate definition cannot hold");
        def.body.push_back(op);
    }
    GateOp g;
    g.kind = GateKind::Custom;
    g.name = def.name;
    for (const std::string& p : body.parameters) {
        g.params.push_back(Expr::parameter(p));
        if (std::find(out.parameters.begin(), out.parameters.end(), p) == out.parameters.end())
            out.parameters.push_back(p);
    }
    for (int q = 0; q < qubits; ++q)
        g.qubits.push_back(firstQubit + q);
    out.definitions.push_back(def);
    Operation op;
    op.op = g;
    out.ops.insert(out.ops.begin() + index, op);
    return out;
}

Result<Circuit> expandOperation(const Circuit& circuit, int index)
{
    if (index < 0 || index >= int(circuit.ops.size()))
        return Error("operation " + std::to_string(index) + " does not exist");
    const auto* g = std::get_if<GateOp>(&circuit.ops[std::size_t(index)].op);
    if (!g || g->kind != GateKind::Custom)
        return Error("only composite gates (blocks) can be expanded");
    Circuit one = circuit;
    one.ops = {circuit.ops[std::size_t(index)]};
    auto inlined = inlineDefinitions(one);
    if (!inlined)
        return inlined.error();
    Circuit out = circuit;
    out.ops.erase(out.ops.begin() + index);
    out.ops.insert(out.ops.begin() + index, inlined->ops.begin(), inlined->ops.end());
    return out;
}

Result<Expr> parseParameter(const std::string& text)
{
    static const std::set<std::string> builtins = {"pi", "tau", "euler", "sin", "cos", "tan", "arcsin",
                                                   "arccos", "arctan", "exp", "ln", "sqrt"};
    if (text.find_first_not_of(" \t") == std::string::npos)
        return Error("a parameter cannot be empty", "parameter", 1, 1);
    if (text.find_first_of(";{}\"\n") != std::string::npos)
        return Error("only an expression is allowed here", "parameter", 1, int(text.find_first_of(";{}\"\n")) + 1);
    std::string header = "OPENQASM 3.0;\n";
    std::set<std::string> names;
    auto isStart = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; };
    auto isPart = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (std::size_t pos = 0; pos < text.size();) {
        if (!isStart(text[pos]) || (pos > 0 && isPart(text[pos - 1]))) {
            ++pos;
            continue;
        }
        std::size_t end = pos;
        while (end < text.size() && isPart(text[end]))
            ++end;
        const std::string name = text.substr(pos, end - pos);
        const bool gluedToNumber = pos > 0 && text[pos - 1] == '.'; // 2.e3 style; 1e-3 is caught by isPart above
        pos = end;
        // skip exponents such as 1e-3 (an identifier glued to a preceding digit)
        if (gluedToNumber)
            continue;
        if (!builtins.count(name) && names.insert(name).second)
            header += "input angle " + name + ";\n";
    }
    header += "qubit q;\nU(";
    const std::string prefix = header;
    const std::string source = prefix + text + ", 0, 0) q;\n";
    auto parsed = parseQasm(source, "parameter");
    if (!parsed) {
        Error e = parsed.error();
        // Map the location back into the typed text (it lives on the last line).
        const int prefixLines = int(std::count(prefix.begin(), prefix.end(), '\n')) + 1;
        const int lineStart = int(prefix.size() - prefix.substr(prefix.rfind('\n') + 1).size());
        const int col = e.line == prefixLines ? e.column - (int(prefix.size()) - lineStart) : 0;
        e.file = "parameter";
        e.line = 1;
        e.column = std::clamp(col, 1, int(text.size()) + 1);
        return e;
    }
    const Circuit& c = parsed.value();
    if (c.ops.size() != 1 || !std::holds_alternative<GateOp>(c.ops.front().op))
        return Error("not a parameter expression", "parameter", 1, 1);
    return std::get<GateOp>(c.ops.front().op).params.at(0);
}

} // namespace qpilot::edit
