// core/circuit/ir.cpp — Circuit bookkeeping (sizes, lookups, builders) and delay units.
#include "core/circuit/ir.h"

namespace qpilot {

std::optional<double> DelayOp::seconds() const
{
    if (unit == "s")
        return duration;
    if (unit == "ms")
        return duration * 1e-3;
    if (unit == "us")
        return duration * 1e-6;
    if (unit == "ns")
        return duration * 1e-9;
    return std::nullopt;
}

static int totalSize(const std::vector<Register>& regs)
{
    int n = 0;
    for (const Register& r : regs)
        n = std::max(n, r.offset + r.size);
    return n;
}

int Circuit::numQubits() const { return totalSize(qregs); }
int Circuit::numClbits() const { return totalSize(cregs); }

const GateDefinition* Circuit::definition(const std::string& name) const
{
    for (const GateDefinition& d : definitions)
        if (d.name == name)
            return &d;
    return nullptr;
}

Circuit& Circuit::addQreg(const std::string& name, int size)
{
    qregs.push_back(Register{name, numQubits(), size, false});
    return *this;
}

Circuit& Circuit::addCreg(const std::string& name, int size)
{
    cregs.push_back(Register{name, numClbits(), size, false});
    return *this;
}

Circuit& Circuit::gate(GateKind kind, std::vector<int> qubits, std::vector<Expr> params)
{
    GateOp g;
    g.kind = kind;
    g.qubits = std::move(qubits);
    g.params = std::move(params);
    ops.emplace_back();
    ops.back().op.emplace<GateOp>(std::move(g));
    return *this;
}

Circuit& Circuit::measure(int qubit, int clbit)
{
    ops.emplace_back();
    ops.back().op.emplace<MeasureOp>(MeasureOp{qubit, clbit});
    return *this;
}

} // namespace qpilot
