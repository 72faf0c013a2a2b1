// core/circuit/qasm_writer.cpp — OpenQASM 2.0 and 3 writers. Output reads back to an equal
// Circuit; gates outside a version's library are emitted as exact `gate` definitions.
#include "core/circuit/qasm.h"
#include "core/circuit/transform.h"
#include "core/circuit/qasm_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

namespace qpilot {

namespace {

bool hasModifiers(const std::vector<Operation>& ops)
{
    for (const Operation& o : ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            if (!g->modifiers.empty())
                return true;
        } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
            if (hasModifiers(ie->thenOps) || hasModifiers(ie->elseOps))
                return true;
        }
    }
    return false;
}

void collectKinds(const std::vector<Operation>& ops, std::set<GateKind>& kinds)
{
    for (const Operation& o : ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            if (g->kind != GateKind::Custom)
                kinds.insert(g->kind);
        } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
            collectKinds(ie->thenOps, kinds);
            collectKinds(ie->elseOps, kinds);
        }
    }
}

class Writer {
public:
    Writer(const Circuit& c, QasmVersion v, bool physical = false) : m_c(c), m_v(v), m_physical(physical) {}

    Result<std::string> run()
    {
        std::ostringstream out;
        if (m_v == QasmVersion::V2) {
            out << "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";
            if (!m_c.parameters.empty())
                return Error{"OpenQASM 2 has no input parameters: bind '" + m_c.parameters.front()
                             + "' (and any others) before writing OpenQASM 2, or write OpenQASM 3"};
        } else {
            out << "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";
            for (const std::string& p : m_c.parameters)
                out << "input float[64] " << p << ";\n";
        }
        if (auto e = writeLibraryDefinitions(out))
            return *e;
        for (const GateDefinition& d : m_c.definitions)
            if (auto e = writeDefinition(out, d))
                return *e;
        for (const Register& r : m_c.qregs) {
            if (m_physical)
                break;
            if (m_v == QasmVersion::V2)
                out << "qreg " << r.name << "[" << r.size << "];\n";
            else if (r.scalar)
                out << "qubit " << r.name << ";\n";
            else
                out << "qubit[" << r.size << "] " << r.name << ";\n";
        }
        for (const Register& r : m_c.cregs) {
            if (m_v == QasmVersion::V2)
                out << "creg " << r.name << "[" << r.size << "];\n";
            else if (r.scalar)
                out << "bit " << r.name << ";\n";
            else
                out << "bit[" << r.size << "] " << r.name << ";\n";
        }
        if (auto e = writeOps(out, m_c.ops, 0))
            return *e;
        return out.str();
    }

private:
    bool inLibrary(GateKind k) const
    {
        const GateInfo& g = gateInfo(k);
        return m_v == QasmVersion::V2 ? g.inQelib1 : g.inStdgates;
    }

    // Definitions for standard gates outside the library, dependencies first.
    std::optional<Error> writeLibraryDefinitions(std::ostringstream& out)
    {
        std::set<GateKind> used;
        collectKinds(m_c.ops, used);
        for (const GateDefinition& d : m_c.definitions)
            collectKinds(d.body, used);
        std::vector<GateKind> order;
        std::set<GateKind> seen;
        std::function<void(GateKind)> visit = [&](GateKind k) {
            if (seen.count(k) || inLibrary(k) || (k == GateKind::GPhase))
                return;
            seen.insert(k);
            std::vector<Expr> params;
            for (int i = 0; i < gateInfo(k).params; ++i)
                params.push_back(Expr::parameter(paramName(i)));
            for (const DefinitionStep& s : gateDefinition(k, params))
                visit(s.kind);
            order.push_back(k);
        };
        for (GateKind k : used)
            visit(k);
        if (m_v == QasmVersion::V2 && used.count(GateKind::GPhase) && !hasOnlyTopLevelPhase())
            return Error{"gphase inside a gate cannot be written in OpenQASM 2; write OpenQASM 3"};
        for (GateKind k : order) {
            const GateInfo& info = gateInfo(k);
            std::vector<Expr> params;
            std::vector<std::string> pnames;
            for (int i = 0; i < info.params; ++i) {
                pnames.push_back(paramName(i));
                params.push_back(Expr::parameter(pnames.back()));
            }
            out << "gate " << info.name;
            if (!pnames.empty())
                out << "(" << join(pnames) << ")";
            std::vector<std::string> qnames;
            for (int i = 0; i < info.qubits; ++i)
                qnames.push_back(std::string(1, char('a' + i)));
            out << " " << join(qnames) << " {";
            for (const DefinitionStep& s : gateDefinition(k, params)) {
                if (s.kind == GateKind::GPhase && m_v == QasmVersion::V2)
                    continue; // a global phase is unobservable where no modifier can control it
                out << " " << gateInfo(s.kind).name;
                if (!s.params.empty()) {
                    std::vector<std::string> ps;
                    for (const Expr& e : s.params)
                        ps.push_back(exprText(e));
                    out << "(" << join(ps) << ")";
                }
                std::vector<std::string> os;
                for (int o : s.operands)
                    os.push_back(qnames[size_t(o)]);
                if (!os.empty())
                    out << " " << join(os);
                out << ";";
            }
            out << " }\n";
        }
        return std::nullopt;
    }

    bool hasOnlyTopLevelPhase() const
    {
        for (const GateDefinition& d : m_c.definitions)
            for (const Operation& o : d.body)
                if (const auto* g = std::get_if<GateOp>(&o.op); g && g->kind == GateKind::GPhase)
                    return false;
        return true;
    }

    static std::string paramName(int i)
    {
        static const char* names[] = {"theta", "phi", "lambda", "gamma"};
        return i < 4 ? names[i] : "p" + std::to_string(i);
    }

    static std::string join(const std::vector<std::string>& parts)
    {
        std::string s;
        for (size_t i = 0; i < parts.size(); ++i)
            s += (i ? ", " : "") + parts[i];
        return s;
    }

    std::string exprText(const Expr& e) const
    {
        std::string s = e.toQasm();
        if (m_v == QasmVersion::V2) {
            for (size_t p = s.find("**"); p != std::string::npos; p = s.find("**", p))
                s.replace(p, 2, "^");
        }
        return s;
    }

    std::optional<Error> writeDefinition(std::ostringstream& out, const GateDefinition& d)
    {
        out << "gate " << d.name;
        if (!d.paramNames.empty())
            out << "(" << join(d.paramNames) << ")";
        out << " " << join(d.qubitNames) << " {\n";
        for (const Operation& o : d.body) {
            out << "  ";
            if (const auto* g = std::get_if<GateOp>(&o.op)) {
                if (auto e = writeGate(out, *g, [&](int q) { return d.qubitNames.at(size_t(q)); }))
                    return e;
            } else if (const auto* b = std::get_if<BarrierOp>(&o.op)) {
                std::vector<std::string> qs;
                for (int q : b->qubits)
                    qs.push_back(d.qubitNames.at(size_t(q)));
                if (qs.empty())
                    qs = d.qubitNames;
                out << "barrier " << join(qs) << ";";
            }
            out << "\n";
        }
        out << "}\n";
        return std::nullopt;
    }

    std::string qubitName(int q) const { return m_physical ? "$" + std::to_string(q) : bitName(m_c.qregs, q); }
    std::string clbitName(int c) const { return bitName(m_c.cregs, c); }

    static std::string bitName(const std::vector<Register>& regs, int index)
    {
        for (const Register& r : regs)
            if (index >= r.offset && index < r.offset + r.size)
                return r.scalar ? r.name : r.name + "[" + std::to_string(index - r.offset) + "]";
        return "?" + std::to_string(index);
    }

    // A list of qubits written compactly: whole registers by name.
    std::string qubitList(const std::vector<int>& qubits) const
    {
        std::vector<std::string> parts;
        size_t i = 0;
        while (i < qubits.size()) {
            bool whole = false;
            for (const Register& r : m_c.qregs) {
                if (m_physical)
                    break;
                if (r.scalar || qubits[i] != r.offset || i + size_t(r.size) > qubits.size())
                    continue;
                whole = true;
                for (int k = 0; k < r.size; ++k)
                    whole = whole && qubits[i + size_t(k)] == r.offset + k;
                if (whole) {
                    parts.push_back(r.name);
                    i += size_t(r.size);
                    break;
                }
            }
            if (!whole)
                parts.push_back(qubitName(qubits[i++]));
        }
        return join(parts);
    }

    template <class NameFn>
    std::optional<Error> writeGate(std::ostringstream& out, const GateOp& g, NameFn&& name)
    {
        if (m_v == QasmVersion::V2 && !g.modifiers.empty())
            return Error{"gate modifiers cannot be written in OpenQASM 2"};
        for (const Modifier& m : g.modifiers) {
            switch (m.kind) {
            case Modifier::Kind::Ctrl: out << (m.count == 1 ? "ctrl @ " : "ctrl(" + std::to_string(m.count) + ") @ "); break;
            case Modifier::Kind::NegCtrl: out << (m.count == 1 ? "negctrl @ " : "negctrl(" + std::to_string(m.count) + ") @ "); break;
            case Modifier::Kind::Inv: out << "inv @ "; break;
            case Modifier::Kind::Pow: out << "pow(" << exprText(m.exponent) << ") @ "; break;
            }
        }
        out << (g.kind == GateKind::Custom ? g.name : std::string(gateInfo(g.kind).name));
        if (!g.params.empty()) {
            std::vector<std::string> ps;
            for (const Expr& e : g.params) {
                if (e.isConstant() && !std::isfinite(e.constantValue()))
                    return Error{"gate parameter is not a finite number"};
                ps.push_back(exprText(e));
            }
            out << "(" << join(ps) << ")";
        }
        std::vector<std::string> qs;
        for (int q : g.qubits)
            qs.push_back(name(q));
        if (!qs.empty())
            out << " " << join(qs);
        out << ";";
        return std::nullopt;
    }

    // Condition text, or an error when the version cannot express it.
    Result<std::string> conditionText(const Condition& c) const
    {
        for (const Register& r : m_c.cregs) {
            std::vector<int> all;
            for (int k = 0; k < r.size; ++k)
                all.push_back(r.offset + k);
            if (c.bits == all)
                return m_v == QasmVersion::V2 ? r.name + "==" + std::to_string(c.value)
                                              : r.name + " == " + std::to_string(c.value);
        }
        if (c.bits.size() == 1 && m_v == QasmVersion::V3)
            return clbitName(c.bits[0]) + " == " + std::to_string(c.value);
        return Error{m_v == QasmVersion::V2
                         ? "OpenQASM 2 can only test a whole classical register; write OpenQASM 3"
                         : "a condition on several bits that are not one register cannot be written"};
    }

    std::optional<Error> writeOps(std::ostringstream& out, const std::vector<Operation>& ops, int indent)
    {
        const std::string pad(size_t(indent) * 2, ' ');
        for (const Operation& o : ops) {
            if (const auto* g = std::get_if<GateOp>(&o.op)) {
                if (g->kind == GateKind::GPhase && g->qubits.empty() && m_v == QasmVersion::V2)
                    continue; // unobservable global phase; OpenQASM 2 has no gphase
                out << pad;
                if (auto e = writeGate(out, *g, [&](int q) { return qubitName(q); }))
                    return e;
                out << "\n";
            } else if (const auto* m = std::get_if<MeasureOp>(&o.op)) {
                if (m->clbit < 0) {
                    if (m_v == QasmVersion::V2)
                        return Error{"a measurement without a classical bit cannot be written in OpenQASM 2"};
                    out << pad << "measure " << qubitName(m->qubit) << ";\n";
                } else if (m_v == QasmVersion::V2) {
                    out << pad << "measure " << qubitName(m->qubit) << " -> " << clbitName(m->clbit) << ";\n";
                } else {
                    out << pad << clbitName(m->clbit) << " = measure " << qubitName(m->qubit) << ";\n";
                }
            } else if (const auto* r = std::get_if<ResetOp>(&o.op)) {
                out << pad << "reset " << qubitName(r->qubit) << ";\n";
            } else if (const auto* b = std::get_if<BarrierOp>(&o.op)) {
                if (b->qubits.empty() && m_v == QasmVersion::V3) {
                    out << pad << "barrier;\n";
                } else {
                    std::vector<int> qs = b->qubits;
                    if (qs.empty())
                        for (int q = 0; q < m_c.numQubits(); ++q)
                            qs.push_back(q);
                    out << pad << "barrier " << qubitList(qs) << ";\n";
                }
            } else if (const auto* d = std::get_if<DelayOp>(&o.op)) {
                if (m_v == QasmVersion::V2)
                    return Error{"delay cannot be written in OpenQASM 2; write OpenQASM 3"};
                out << pad << "delay[" << formatNumber(d->duration) << (d->unit == "us" ? "us" : d->unit) << "]";
                if (!d->qubits.empty())
                    out << " " << qubitList(d->qubits);
                out << ";\n";
            } else if (const auto* ie = std::get_if<IfElseOp>(&o.op)) {
                auto cond = conditionText(ie->condition);
                if (!cond)
                    return cond.error();
                if (m_v == QasmVersion::V2) {
                    if (indent > 0)
                        return Error{"nested conditions cannot be written in OpenQASM 2; write OpenQASM 3"};
                    if (!ie->elseOps.empty())
                        return Error{"if/else cannot be written in OpenQASM 2; write OpenQASM 3"};
                    for (const Operation& t : ie->thenOps) {
                        if (const auto* tm = std::get_if<MeasureOp>(&t.op)) {
                            if (std::count(ie->condition.bits.begin(), ie->condition.bits.end(), tm->clbit) && ie->thenOps.size() > 1)
                                return Error{"a conditional block that measures into its own condition register cannot be written in OpenQASM 2"};
                        } else if (std::holds_alternative<IfElseOp>(t.op)) {
                            return Error{"nested conditions cannot be written in OpenQASM 2; write OpenQASM 3"};
                        }
                        std::ostringstream one;
                        if (auto e = writeOps(one, {t}, 0))
                            return e;
                        std::string line = one.str();
                        if (!line.empty())
                            out << "if(" << cond.value() << ") " << line;
                    }
                    continue;
                }
                out << pad << "if (" << cond.value() << ") {\n";
                if (auto e = writeOps(out, ie->thenOps, indent + 1))
                    return e;
                out << pad << "}";
                if (!ie->elseOps.empty()) {
                    out << " else {\n";
                    if (auto e = writeOps(out, ie->elseOps, indent + 1))
                        return e;
                    out << pad << "}";
                }
                out << "\n";
            }
        }
        return std::nullopt;
    }

    const Circuit& m_c;
    QasmVersion m_v;
    bool m_physical = false;
};

bool definitionsUseModifiers(const Circuit& c)
{
    for (const GateDefinition& d : c.definitions)
        if (hasModifiers(d.body))
            return true;
    return false;
}

} // namespace

Result<std::string> writeQasm2(const Circuit& circuit)
{
    if (hasModifiers(circuit.ops) || definitionsUseModifiers(circuit)) {
        // OpenQASM 2 has no modifiers: lower them into plain gates first.
        auto lowered = decomposeGates(circuit, [](const GateOp& g) { return g.modifiers.empty(); });
        if (!lowered)
            return Error{"lowering gate modifiers for OpenQASM 2 failed: " + lowered.error().message};
        return Writer(lowered.value(), QasmVersion::V2).run();
    }
    return Writer(circuit, QasmVersion::V2).run();
}

Result<std::string> writeQasm3(const Circuit& circuit, const QasmWriteOptions& options)
{
    return Writer(circuit, QasmVersion::V3, options.physicalQubits).run();
}

} // namespace qpilot
