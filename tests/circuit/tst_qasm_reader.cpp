// tests/circuit/tst_qasm_reader.cpp — the OpenQASM 2/3 reader on valid input: a table of
// programs with the exact IR each must produce (registers, broadcasting, indexing, modifiers,
// gate definitions, conditions, loops, compile-time classical values, parameters, timing),
// plus the test corpus in tests/data/qasm, includes, Braket names and version detection.
#include "core/circuit/circuit.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <sstream>

using namespace qpilot;

Q_DECLARE_METATYPE(qpilot::Circuit)

namespace {

using Ops = std::vector<Operation>;
const double pi = 3.14159265358979323846;

Operation g(GateKind kind, std::vector<int> qubits, std::vector<Expr> params = {},
            std::vector<Modifier> modifiers = {})
{
    return Operation{GateOp{kind, {}, std::move(params), std::move(qubits), std::move(modifiers)}};
}
Operation custom(const std::string& name, std::vector<int> qubits, std::vector<Expr> params = {},
                 std::vector<Modifier> modifiers = {})
{
    return Operation{GateOp{GateKind::Custom, name, std::move(params), std::move(qubits), std::move(modifiers)}};
}
Operation meas(int qubit, int clbit) { return Operation{MeasureOp{qubit, clbit}}; }
Operation reset(int qubit) { return Operation{ResetOp{qubit}}; }
Operation barrier(std::vector<int> qubits) { return Operation{BarrierOp{std::move(qubits)}}; }
Operation delay(double duration, const std::string& unit, std::vector<int> qubits)
{
    DelayOp d;
    d.duration = duration;
    d.unit = unit;
    d.qubits = std::move(qubits);
    return Operation{d};
}
Operation ifElse(std::vector<int> bits, std::uint64_t value, Ops thenOps, Ops elseOps = {})
{
    IfElseOp op;
    op.condition = Condition{std::move(bits), value};
    op.thenOps = std::move(thenOps);
    op.elseOps = std::move(elseOps);
    return Operation{op};
}
Modifier ctrl(int n = 1) { return Modifier{Modifier::Kind::Ctrl, n, Expr()}; }
Modifier negctrl(int n = 1) { return Modifier{Modifier::Kind::NegCtrl, n, Expr()}; }
Modifier inv() { return Modifier{Modifier::Kind::Inv, 1, Expr()}; }
Modifier pow(const Expr& k) { return Modifier{Modifier::Kind::Pow, 1, k}; }
Expr P(const char* name) { return Expr::parameter(name); }

Register reg(const std::string& name, int offset, int size, bool scalar = false)
{
    return Register{name, offset, size, scalar};
}

Circuit circuit(std::vector<Register> qregs, std::vector<Register> cregs, Ops ops,
                std::vector<std::string> parameters = {}, std::vector<GateDefinition> definitions = {})
{
    Circuit c;
    c.qregs = std::move(qregs);
    c.cregs = std::move(cregs);
    c.ops = std::move(ops);
    c.parameters = std::move(parameters);
    c.definitions = std::move(definitions);
    return c;
}

GateDefinition definition(const std::string& name, std::vector<std::string> params,
                          std::vector<std::string> qubits, Ops body)
{
    return GateDefinition{name, std::move(params), std::move(qubits), std::move(body)};
}

// Text form of a circuit for failure messages.
void describeOps(std::ostringstream& o, const Ops& ops, const std::string& indent)
{
    static const char* const modifierNames[] = {"ctrl", "negctrl", "inv", "pow"};
    for (const Operation& op : ops) {
        o << indent;
        if (const auto* gate = std::get_if<GateOp>(&op.op)) {
            for (const Modifier& m : gate->modifiers)
                o << modifierNames[int(m.kind)] << "("
                  << (m.kind == Modifier::Kind::Pow ? m.exponent.toQasm() : std::to_string(m.count)) << ") @ ";
            o << (gate->kind == GateKind::Custom ? gate->name : gateInfo(gate->kind).name) << "(";
            for (const Expr& p : gate->params)
                o << p.toQasm() << "; ";
            o << ")";
            for (int q : gate->qubits)
                o << " " << q;
        } else if (const auto* m = std::get_if<MeasureOp>(&op.op)) {
            o << "measure " << m->qubit << " -> " << m->clbit;
        } else if (const auto* r = std::get_if<ResetOp>(&op.op)) {
            o << "reset " << r->qubit;
        } else if (const auto* b = std::get_if<BarrierOp>(&op.op)) {
            o << "barrier";
            for (int q : b->qubits)
                o << " " << q;
        } else if (const auto* d = std::get_if<DelayOp>(&op.op)) {
            o << "delay " << d->duration << d->unit;
            for (int q : d->qubits)
                o << " " << q;
        } else if (const auto* i = std::get_if<IfElseOp>(&op.op)) {
            o << "if bits";
            for (int b : i->condition.bits)
                o << " " << b;
            o << " == " << i->condition.value << "\n";
            describeOps(o, i->thenOps, indent + "    ");
            o << indent << "else\n";
            describeOps(o, i->elseOps, indent + "    ");
            continue;
        }
        o << "\n";
    }
}

QString describe(const Circuit& c)
{
    std::ostringstream o;
    for (const Register& r : c.qregs)
        o << "qreg " << r.name << " @" << r.offset << " x" << r.size << (r.scalar ? " scalar" : "") << "\n";
    for (const Register& r : c.cregs)
        o << "creg " << r.name << " @" << r.offset << " x" << r.size << (r.scalar ? " scalar" : "") << "\n";
    for (const std::string& p : c.parameters)
        o << "input " << p << "\n";
    for (const GateDefinition& d : c.definitions) {
        o << "gate " << d.name << " (";
        for (const std::string& p : d.paramNames)
            o << p << " ";
        o << ")";
        for (const std::string& q : d.qubitNames)
            o << " " << q;
        o << "\n";
        describeOps(o, d.body, "    ");
    }
    describeOps(o, c.ops, "");
    return QString::fromStdString(o.str());
}

} // namespace

class TestQasmReader : public QObject {
    Q_OBJECT
private slots:
    void programs_data();
    void programs();
    void corpus_data();
    void corpus();
    void includes();
    void braketGateNames();
    void detectVersion_data();
    void detectVersion();
    void operationLimitBoundary();
    void lineEndingsAndByteOrderMark();
    void readFileMissing();
};

void TestQasmReader::programs_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<Circuit>("expected");

    const std::string oq2 = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";
    const std::string oq3 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";
    const auto row = [](const char* name, const std::string& source, const Circuit& expected) {
        QTest::newRow(name) << QString::fromStdString(source) << expected;
    };

    // --- OpenQASM 2 -------------------------------------------------------------------------
    row("oq2 bell", oq2 + "qreg q[2]; creg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q[0] -> c[0];\nmeasure q[1] -> c[1];",
        circuit({reg("q", 0, 2)}, {reg("c", 0, 2)},
                {g(GateKind::H, {0}), g(GateKind::CX, {0, 1}), meas(0, 0), meas(1, 1)}));
    row("oq2 broadcast", oq2 + "qreg a[2]; qreg b[2]; creg c[2];\nh a;\ncx a, b;\ncx a[1], b;\nmeasure b -> c;",
        circuit({reg("a", 0, 2), reg("b", 2, 2)}, {reg("c", 0, 2)},
                {g(GateKind::H, {0}), g(GateKind::H, {1}), g(GateKind::CX, {0, 2}), g(GateKind::CX, {1, 3}),
                 g(GateKind::CX, {1, 2}), g(GateKind::CX, {1, 3}), meas(2, 0), meas(3, 1)}));
    row("oq2 register condition", oq2 + "qreg q[1]; creg c[2];\nmeasure q[0] -> c[1];\nif(c==2) x q[0];\nif (c == 0) u1(pi) q[0];",
        circuit({reg("q", 0, 1)}, {reg("c", 0, 2)},
                {meas(0, 1), ifElse({0, 1}, 2, {g(GateKind::X, {0})}),
                 ifElse({0, 1}, 0, {g(GateKind::U1, {0}, {pi})})}));
    row("oq2 builtin U and CX without include", "OPENQASM 2.0;\nqreg q[2];\nU(pi/2, 0, pi) q[0];\nCX q[0], q[1];",
        circuit({reg("q", 0, 2)}, {}, {g(GateKind::U, {0}, {pi / 2, 0.0, pi}), g(GateKind::CX, {0, 1})}));
    row("oq2 caret is power", oq2 + "qreg q[1];\nrz(2^3) q[0];\nrz(-2^2) q[0];\nrz(2^3^2) q[0];",
        circuit({reg("q", 0, 1)}, {}, {g(GateKind::RZ, {0}, {8.0}), g(GateKind::RZ, {0}, {-4.0}), g(GateKind::RZ, {0}, {512.0})}));
    row("oq2 division is real", oq2 + "qreg q[1];\nrx(1/2) q[0];",
        circuit({reg("q", 0, 1)}, {}, {g(GateKind::RX, {0}, {0.5})}));
    row("oq3 division is real in gate parameters and pow", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nrx(1/2) q[0];\npow(1/2) @ z q[0];\nfloat[64] f = 3/2;\nry(f) q[0];",
        circuit({reg("q", 0, 1)}, {}, {g(GateKind::RX, {0}, {0.5}), g(GateKind::Z, {0}, {}, {Modifier{Modifier::Kind::Pow, 1, Expr(0.5)}}), g(GateKind::RY, {0}, {1.5})}));
    row("oq3 division truncates in integer contexts", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[4] q;\nconst int n = 5;\nint[32] half = n / 2;\nx q[half];\nx q[n / 2 + 1];",
        circuit({reg("q", 0, 4)}, {}, {g(GateKind::X, {2}), g(GateKind::X, {3})}));
    row("oq2 gate definition", oq2 + "gate foo(a, b) x, y {\n  rx(a*2) x;\n  barrier x, y;\n  cu1(b) y, x;\n}\nqreg q[2];\nfoo(0.5, pi) q[1], q[0];\nfoo(1, 2) q[0], q[1];",
        circuit({reg("q", 0, 2)}, {},
                {custom("foo", {1, 0}, {0.5, pi}), custom("foo", {0, 1}, {1.0, 2.0})}, {},
                {definition("foo", {"a", "b"}, {"x", "y"},
                            {g(GateKind::RX, {0}, {P("a") * Expr(2.0)}), barrier({0, 1}),
                             g(GateKind::CU1, {1, 0}, {P("b")})})}));
    row("oq2 standard-named definition", oq2 + "gate ecr a, b { h a; cx a, b; }\nqreg q[2];\necr q[0], q[1];",
        circuit({reg("q", 0, 2)}, {}, {g(GateKind::ECR, {0, 1})}));
    row("oq2 reset and barrier", oq2 + "qreg q[3];\nreset q;\nbarrier q[2], q[0];\nbarrier q;",
        circuit({reg("q", 0, 3)}, {}, {reset(0), reset(1), reset(2), barrier({0, 2}), barrier({0, 1, 2})}));

    // --- OpenQASM 3 declarations and indexing -------------------------------------------------
    row("no header is OpenQASM 3", "qubit q;\nbit b;\nh q;\nb = measure q;",
        circuit({reg("q", 0, 1, true)}, {reg("b", 0, 1, true)}, {g(GateKind::H, {0}), meas(0, 0)}));
    row("header without minor version", "OPENQASM 3;\nqubit[2] q;\nx q[1];",
        circuit({reg("q", 0, 2)}, {}, {g(GateKind::X, {1})}));
    row("global indices in declaration order", oq3 + "qubit[2] a;\nbit[3] x;\nqubit s;\nqreg b[2];\ncreg y[1];\nbit z;\ncx s, b[1];\nmeasure b[0] -> y[0];\nz = measure a[1];",
        circuit({reg("a", 0, 2), reg("s", 2, 1, true), reg("b", 3, 2)},
                {reg("x", 0, 3), reg("y", 3, 1), reg("z", 4, 1, true)},
                {g(GateKind::CX, {2, 4}), meas(3, 3), meas(1, 4)}));
    row("negative indices", oq3 + "qubit[4] q;\nx q[-1];\nh q[-4];",
        circuit({reg("q", 0, 4)}, {}, {g(GateKind::X, {3}), g(GateKind::H, {0})}));
    row("inclusive slices", oq3 + "qubit[6] q;\nx q[1:3];\nh q[0:2:5];\nz q[5:-2:0];\ny q[4:];\ns q[:1];",
        circuit({reg("q", 0, 6)}, {},
                {g(GateKind::X, {1}), g(GateKind::X, {2}), g(GateKind::X, {3}),
                 g(GateKind::H, {0}), g(GateKind::H, {2}), g(GateKind::H, {4}),
                 g(GateKind::Z, {5}), g(GateKind::Z, {3}), g(GateKind::Z, {1}),
                 g(GateKind::Y, {4}), g(GateKind::Y, {5}), g(GateKind::S, {0}), g(GateKind::S, {1})}));
    row("index sets", oq3 + "qubit[5] q;\nqubit[2] r;\ncx q[{0, 4}], r;\nt q[{3, -5}];",
        circuit({reg("q", 0, 5), reg("r", 5, 2)}, {},
                {g(GateKind::CX, {0, 5}), g(GateKind::CX, {4, 6}), g(GateKind::T, {3}), g(GateKind::T, {0})}));
    row("indices from constant expressions", oq3 + "const int n = 3;\nqubit[n + 1] q;\nx q[n];\nx q[n - 2 * 1];\nx q[(n + 1) % 4];",
        circuit({reg("q", 0, 4)}, {}, {g(GateKind::X, {3}), g(GateKind::X, {1}), g(GateKind::X, {0})}));

    // --- measurement forms ----------------------------------------------------------------------
    row("measure forms", oq3 + "qubit[3] q;\nbit[3] c;\nbit b;\nc = measure q;\nc[0] = measure q[2];\nc[1:2] = measure q[0:1];\nmeasure q[1] -> c[2];\nmeasure q[0];\nmeasure q;\nb = measure q[2];",
        circuit({reg("q", 0, 3)}, {reg("c", 0, 3), reg("b", 3, 1, true)},
                {meas(0, 0), meas(1, 1), meas(2, 2), meas(2, 0), meas(0, 1), meas(1, 2), meas(1, 2), meas(0, -1),
                 meas(0, -1), meas(1, -1), meas(2, -1), meas(2, 3)}));
    row("bit declared from a measurement", oq3 + "qubit[2] q;\nbit[2] c = measure q;\nbit d = measure q[1];",
        circuit({reg("q", 0, 2)}, {reg("c", 0, 2), reg("d", 2, 1, true)}, {meas(0, 0), meas(1, 1), meas(1, 2)}));

    // --- modifiers, gphase --------------------------------------------------------------------
    row("modifiers in written order", oq3 + "qubit[4] q;\nctrl @ x q[0], q[1];\nctrl(2) @ x q[0], q[1], q[2];\nctrl @ ctrl @ x q[0], q[1], q[2];\nnegctrl @ inv @ s q[3], q[2];\ninv @ ctrl @ rx(0.5) q[1], q[0];\npow(2) @ sx q[0];\nnegctrl(2) @ ctrl @ h q[0], q[1], q[2], q[3];",
        circuit({reg("q", 0, 4)}, {},
                {g(GateKind::X, {0, 1}, {}, {ctrl()}), g(GateKind::X, {0, 1, 2}, {}, {ctrl(2)}),
                 g(GateKind::X, {0, 1, 2}, {}, {ctrl(), ctrl()}), g(GateKind::S, {3, 2}, {}, {negctrl(), inv()}),
                 g(GateKind::RX, {1, 0}, {0.5}, {inv(), ctrl()}), g(GateKind::SX, {0}, {}, {pow(2.0)}),
                 g(GateKind::H, {0, 1, 2, 3}, {}, {negctrl(2), ctrl()})}));
    row("pow with symbolic exponent", oq3 + "input float k;\nqubit[2] q;\npow(k / 2) @ ctrl @ p(pi / 8) q[0], q[1];",
        circuit({reg("q", 0, 2)}, {}, {g(GateKind::P, {0, 1}, {pi / 8}, {pow(P("k") / Expr(2.0)), ctrl()})}, {"k"}));
    row("modifier broadcast", oq3 + "qubit[2] c;\nqubit[2] t;\nctrl @ z c, t;",
        circuit({reg("c", 0, 2), reg("t", 2, 2)}, {},
                {g(GateKind::Z, {0, 2}, {}, {ctrl()}), g(GateKind::Z, {1, 3}, {}, {ctrl()})}));
    row("gphase", oq3 + "qubit q;\ngphase(pi / 4);\nctrl @ gphase(-0.5) q;",
        circuit({reg("q", 0, 1, true)}, {}, {g(GateKind::GPhase, {}, {pi / 4}), g(GateKind::GPhase, {0}, {-0.5}, {ctrl()})}));
    row("aliases", oq3 + "qubit[2] q;\nphase(0.1) q[0];\ncphase(0.2) q[0], q[1];\nCX q[1], q[0];\nu(1, 2, 3) q[1];\nid q[0];",
        circuit({reg("q", 0, 2)}, {},
                {g(GateKind::P, {0}, {0.1}), g(GateKind::CP, {0, 1}, {0.2}), g(GateKind::CX, {1, 0}),
                 g(GateKind::U3, {1}, {1.0, 2.0, 3.0}), g(GateKind::I, {0})}));
    row("standard gates without include", "OPENQASM 3.0;\nqubit[3] q;\nrzz(0.3) q[0], q[1];\necr q[1], q[2];\nccx q[0], q[1], q[2];",
        circuit({reg("q", 0, 3)}, {},
                {g(GateKind::RZZ, {0, 1}, {0.3}), g(GateKind::ECR, {1, 2}), g(GateKind::CCX, {0, 1, 2})}));

    // --- gate definitions ------------------------------------------------------------------
    row("oq3 definition with modifiers", oq3 + "gate cc(θ) a, b, c {\n  ctrl(2) @ rz(θ / 2) a, b, c;\n  inv @ h c;\n  gphase(θ);\n}\ngate twice a, b, c { cc(1) c, a, b; }\nqubit[3] q;\ncc(pi) q[2], q[0], q[1];\ninv @ cc(0.5) q[0], q[1], q[2];",
        Circuit{});
    row("standard-named definitions map to standard gates", oq3 + "gate rzz(t) a, b { cx a, b; rz(t) b; cx a, b; }\ngate iswap a, b { s a; s b; }\nqubit[2] q;\nrzz(0.25) q[0], q[1];\niswap q[1], q[0];",
        circuit({reg("q", 0, 2)}, {}, {g(GateKind::RZZ, {0, 1}, {0.25}), g(GateKind::ISwap, {1, 0})}));
    row("definition sees global constants", oq3 + "const float half = 0.5;\ngate hrx a { rx(half) a; }\nqubit q;\nhrx q;",
        circuit({reg("q", 0, 1, true)}, {}, {custom("hrx", {0})}, {},
                {definition("hrx", {}, {"a"}, {g(GateKind::RX, {0}, {0.5})})}));

    // --- inputs and expressions --------------------------------------------------------------
    row("inputs become parameters", oq3 + "input float[64] theta;\ninput angle phi;\nqubit q;\nrx(theta) q;\nrz(2 * theta + phi) q;\nry(-phi) q;\nu3(sin(theta), 0, theta ** 2) q;",
        circuit({reg("q", 0, 1, true)}, {},
                {g(GateKind::RX, {0}, {P("theta")}), g(GateKind::RZ, {0}, {Expr(2.0) * P("theta") + P("phi")}),
                 g(GateKind::RY, {0}, {-P("phi")}),
                 g(GateKind::U3, {0}, {Expr::function(ExprFunc::Sin, P("theta")), 0.0, Expr::power(P("theta"), Expr(2.0))})},
                {"theta", "phi"}));
    row("numbers and constants", oq3 + "qubit q;\nrx(1.5e-3) q;\nrx(1_000) q;\nrx(.25) q;\nrx(2E2) q;\nrx(π) q;\nrx(τ) q;\nrx(ℇ) q;\nrx(tau - pi) q;\nrx(euler) q;\nrx(0x10) q;\nrx(0b101) q;\nrx(0o17) q;",
        circuit({reg("q", 0, 1, true)}, {},
                {g(GateKind::RX, {0}, {1.5e-3}), g(GateKind::RX, {0}, {1000.0}), g(GateKind::RX, {0}, {0.25}),
                 g(GateKind::RX, {0}, {200.0}), g(GateKind::RX, {0}, {pi}), g(GateKind::RX, {0}, {2 * pi}),
                 g(GateKind::RX, {0}, {std::exp(1.0)}), g(GateKind::RX, {0}, {pi}), g(GateKind::RX, {0}, {std::exp(1.0)}),
                 g(GateKind::RX, {0}, {16.0}), g(GateKind::RX, {0}, {5.0}), g(GateKind::RX, {0}, {15.0})}));
    row("functions and precedence", oq3 + "qubit q;\nrx(sqrt(4) + 2 * 3 ** 2) q;\nrx(-2 ** 2) q;\nrx(ln(exp(1)) - cos(0)) q;\nrx(arctan(1) * 4) q;\nrx((1 + 2) * 3 % 4) q;\nrx(7 / 2) q;\nrx(7.0 / 2) q;\nrx(-7 / 2) q;",
        circuit({reg("q", 0, 1, true)}, {},
                {g(GateKind::RX, {0}, {20.0}), g(GateKind::RX, {0}, {-4.0}), g(GateKind::RX, {0}, {0.0}),
                 g(GateKind::RX, {0}, {std::atan(1.0) * 4}), g(GateKind::RX, {0}, {1.0}), g(GateKind::RX, {0}, {3.5}),
                 g(GateKind::RX, {0}, {3.5}), g(GateKind::RX, {0}, {-3.5})}));

    // --- classical compile-time values -------------------------------------------------------
    row("typed variables and assignments", oq3 + "qubit q;\nint[32] i = 5;\ni += 3;\ni *= 2;\ni -= 1;\ni /= 3;\ni %= 4;\nrx(i) q;\nuint[4] u = 15;\nu += 1;\nrx(u) q;\nint[8] s = 127;\ns += 1;\nrx(s) q;\nfloat f = 1.5;\nf /= 2;\nrx(f) q;\nangle a = -pi / 2;\nrx(a) q;\nbool b = 3 > 2 && !(1 == 2) || false;\nif (b) x q;\nint sh = 1 << 4 | 3;\nrx(sh >> 1) q;\nrx(int(2.9) + float(1)) q;\nrx(5 ^ 3) q;",
        circuit({reg("q", 0, 1, true)}, {},
                {g(GateKind::RX, {0}, {1.0}), g(GateKind::RX, {0}, {0.0}), g(GateKind::RX, {0}, {-128.0}),
                 g(GateKind::RX, {0}, {0.75}), g(GateKind::RX, {0}, {1.5 * pi}), g(GateKind::X, {0}),
                 g(GateKind::RX, {0}, {9.0}), g(GateKind::RX, {0}, {3.0}), g(GateKind::RX, {0}, {6.0})}));
    row("float variable holds a symbolic value", oq3 + "input float t;\nqubit q;\nfloat twice = t * 2;\ntwice += 1;\nrz(twice) q;",
        circuit({reg("q", 0, 1, true)}, {}, {g(GateKind::RZ, {0}, {P("t") * Expr(2.0) + Expr(1.0)})}, {"t"}));

    // --- loops ----------------------------------------------------------------------------
    row("for loops", oq3 + "qubit[4] q;\nfor int i in [0:2] { x q[i]; }\nfor i in [3:-2:0] h q[i];\nfor uint k in {1, 3} { z q[k]; }\nfor int i in [0:1] { for int j in [i + 1:2] { cz q[i], q[j]; } }\nfor int i in [5:1] { y q[0]; }",
        circuit({reg("q", 0, 4)}, {},
                {g(GateKind::X, {0}), g(GateKind::X, {1}), g(GateKind::X, {2}), g(GateKind::H, {3}), g(GateKind::H, {1}),
                 g(GateKind::Z, {1}), g(GateKind::Z, {3}), g(GateKind::CZ, {0, 1}), g(GateKind::CZ, {0, 2}),
                 g(GateKind::CZ, {1, 2})}));
    row("float loop values", oq3 + "qubit q;\nfor float a in {0.5, 1.25} rx(a) q;\nfor angle a in [0:1] rz(a) q;",
        circuit({reg("q", 0, 1, true)}, {},
                {g(GateKind::RX, {0}, {0.5}), g(GateKind::RX, {0}, {1.25}), g(GateKind::RZ, {0}, {0.0}), g(GateKind::RZ, {0}, {1.0})}));
    row("break and continue", oq3 + "qubit[5] q;\nfor int i in [0:4] {\n  if (i == 1) continue;\n  if (i == 3) break;\n  x q[i];\n}\nint n = 0;\nwhile (true) {\n  n += 1;\n  if (n > 2) { break; }\n  h q[n];\n}",
        circuit({reg("q", 0, 5)}, {}, {g(GateKind::X, {0}), g(GateKind::X, {2}), g(GateKind::H, {1}), g(GateKind::H, {2})}));
    row("while loop", oq3 + "qubit[8] q;\nint i = 1;\nwhile (i < 8) {\n  x q[i];\n  i *= 2;\n}",
        circuit({reg("q", 0, 8)}, {}, {g(GateKind::X, {1}), g(GateKind::X, {2}), g(GateKind::X, {4})}));
    row("loop variable scope", oq3 + "qubit[2] q;\nint i = 7;\nfor int i in [0:1] { int k = i; x q[k]; }\nrx(i) q[0];",
        circuit({reg("q", 0, 2)}, {}, {g(GateKind::X, {0}), g(GateKind::X, {1}), g(GateKind::RX, {0}, {7.0})}));

    // --- conditions --------------------------------------------------------------------------
    row("static conditions", oq3 + "qubit q;\nconst int n = 2;\nif (n == 2) x q; else y q;\nif (n > 5) { z q; } else if (n < 0) { h q; } else { s q; }\nif (false) t q;",
        circuit({reg("q", 0, 1, true)}, {}, {g(GateKind::X, {0}), g(GateKind::S, {0})}));
    row("single-bit conditions", oq3 + "qubit q;\nbit[2] c;\nbit b;\nif (c[0]) x q;\nif (!c[1]) y q;\nif (c[1] == 1) z q;\nif (c[0] == true) h q;\nif (c[0] == false) s q;\nif (c[1] != 1) t q;\nif (b) sx q;\nif (!b) { id q; }\nif (1 == c[0]) x q;",
        circuit({reg("q", 0, 1, true)}, {reg("c", 0, 2), reg("b", 2, 1, true)},
                {ifElse({0}, 1, {g(GateKind::X, {0})}), ifElse({1}, 0, {g(GateKind::Y, {0})}),
                 ifElse({1}, 1, {g(GateKind::Z, {0})}), ifElse({0}, 1, {g(GateKind::H, {0})}),
                 ifElse({0}, 0, {g(GateKind::S, {0})}), ifElse({1}, 0, {g(GateKind::T, {0})}),
                 ifElse({2}, 1, {g(GateKind::SX, {0})}), ifElse({2}, 0, {g(GateKind::I, {0})}),
                 ifElse({0}, 1, {g(GateKind::X, {0})})}));
    row("register conditions with else", oq3 + "qubit[2] q;\nbit[3] c;\nif (c == 5) { x q[0]; reset q[1]; } else { h q; }\nif (c != 5) { y q[0]; }\nif (!(c == 2)) z q[1]; else s q[1];",
        circuit({reg("q", 0, 2)}, {reg("c", 0, 3)},
                {ifElse({0, 1, 2}, 5, {g(GateKind::X, {0}), reset(1)}, {g(GateKind::H, {0}), g(GateKind::H, {1})}),
                 ifElse({0, 1, 2}, 5, {}, {g(GateKind::Y, {0})}),
                 ifElse({0, 1, 2}, 2, {g(GateKind::S, {1})}, {g(GateKind::Z, {1})})}));
    row("nested and unrolled conditions", oq3 + "qubit[2] q;\nbit[2] c;\nc[0] = measure q[0];\nif (c[0]) {\n  c[1] = measure q[1];\n  if (c[1]) { x q[0]; }\n}\nfor int i in [0:1] { if (c[i] == 1) z q[i]; }",
        circuit({reg("q", 0, 2)}, {reg("c", 0, 2)},
                {meas(0, 0), ifElse({0}, 1, {meas(1, 1), ifElse({1}, 1, {g(GateKind::X, {0})})}),
                 ifElse({0}, 1, {g(GateKind::Z, {0})}), ifElse({1}, 1, {g(GateKind::Z, {1})})}));
    row("one-bit register as a bit", oq3 + "qubit q;\nbit[1] c;\nif (c) x q;",
        circuit({reg("q", 0, 1, true)}, {reg("c", 0, 1)}, {ifElse({0}, 1, {g(GateKind::X, {0})})}));

    // --- timing -----------------------------------------------------------------------------
    row("delays and barriers", oq3 + "qubit[3] q;\ndelay[100ns] q[0];\ndelay[2.5us] q[2], q[1];\ndelay[3µs] q[0];\ndelay[4μs] q[0];\ndelay[1ms] q;\ndelay[0.5s] q[1];\ndelay[20dt];\nbarrier;\nbarrier q[2], q[0], q[2];",
        circuit({reg("q", 0, 3)}, {},
                {delay(100, "ns", {0}), delay(2.5, "us", {1, 2}), delay(3, "us", {0}), delay(4, "us", {0}),
                 delay(1, "ms", {0, 1, 2}), delay(0.5, "s", {1}), delay(20, "dt", {0, 1, 2}), barrier({}),
                 barrier({0, 2})}));

    // --- physical qubits, comments, unicode, pragmas ------------------------------------------
    row("physical qubits", "OPENQASM 3.0;\nbit[2] c;\nh $0;\ncx $0, $2;\nc[1] = measure $2;",
        circuit({reg("q", 0, 3)}, {reg("c", 0, 2)}, {g(GateKind::H, {0}), g(GateKind::CX, {0, 2}), meas(2, 1)}));
    row("comments, pragmas and annotations", "// leading comment\nOPENQASM 3.0; /* block\n comment */ include \"stdgates.inc\";\npragma qpilot something\n#pragma other\nqubit q; // trailing\n@reversible\nx /* inline */ q;",
        circuit({reg("q", 0, 1, true)}, {}, {g(GateKind::X, {0})}));
    row("unicode identifiers", oq3 + "qubit[2] ψ;\nconst float θ = π / 2;\nrx(θ) ψ[1];",
        circuit({reg("ψ", 0, 2)}, {}, {g(GateKind::RX, {1}, {pi / 2})}));
    row("blocks", oq3 + "qubit q;\n{ int k = 1; rx(k) q; }\n{ int k = 2; rx(k) q; }",
        circuit({reg("q", 0, 1, true)}, {}, {g(GateKind::RX, {0}, {1.0}), g(GateKind::RX, {0}, {2.0})}));
}

void TestQasmReader::programs()
{
    QFETCH(QString, source);
    QFETCH(Circuit, expected);
    if (std::string(QTest::currentDataTag()) == "oq3 definition with modifiers") {
        // Built here: the body refers to the earlier definition "cc".
        GateDefinition cc = definition("cc", {"θ"}, {"a", "b", "c"},
            {g(GateKind::RZ, {0, 1, 2}, {P("θ") / Expr(2.0)}, {ctrl(2)}), g(GateKind::H, {2}, {}, {inv()}),
             g(GateKind::GPhase, {}, {P("θ")})});
        GateDefinition twice = definition("twice", {}, {"a", "b", "c"}, {custom("cc", {2, 0, 1}, {1.0})});
        expected = circuit({reg("q", 0, 3)}, {},
                           {custom("cc", {2, 0, 1}, {pi}), custom("cc", {0, 1, 2}, {0.5}, {inv()})}, {}, {cc, twice});
    }
    const Result<Circuit> read = parseQasm(source.toStdString(), "test.qasm");
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().toString().c_str());
    QVERIFY2(read.value() == expected,
             qPrintable("got:\n" + describe(read.value()) + "expected:\n" + describe(expected)));
}

void TestQasmReader::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("qubits");
    QTest::addColumn<int>("clbits");
    QTest::addColumn<int>("operations"); // top level
    QTest::addColumn<int>("definitions");
    QTest::addColumn<int>("parameters");
    const auto row = [](const char* file, int q, int c, int ops, int defs, int params) {
        QTest::newRow(file) << QString(file) << q << c << ops << defs << params;
    };
    row("bell_oq2.qasm", 2, 2, 5, 0, 0);
    row("ghz_oq3.qasm", 6, 6, 12, 0, 0);
    row("qft4_oq2.qasm", 4, 4, 19, 0, 0);
    row("qft_oq3.qasm", 5, 5, 25, 0, 0);
    row("teleport_oq2.qasm", 3, 3, 10, 0, 0);
    row("teleport_oq3.qasm", 3, 3, 10, 0, 0);
    row("adder_oq2.qasm", 6, 3, 11, 2, 0);
    row("adder_oq3.qasm", 10, 5, 18, 2, 0);
    row("modifiers_oq3.qasm", 4, 4, 18, 3, 0);
    row("params_oq3.qasm", 4, 4, 31, 0, 3);
    row("ipe_oq3.qasm", 2, 3, 19, 0, 0);
    row("timing_oq3.qasm", 3, 3, 22, 0, 0);
    row("stdnames_oq2.qasm", 3, 3, 8, 1, 0);
    row("qelib_gates_oq2.qasm", 5, 5, 41, 0, 0);
    row("classical_oq3.qasm", 5, 5, 16, 0, 0);
    row("physical_oq3.qasm", 4, 2, 8, 0, 0);
    row("grover_oq3.qasm", 3, 3, 10, 2, 0);
    row("unicode_oq3.qasm", 2, 2, 6, 1, 1);
}

void TestQasmReader::corpus()
{
    QFETCH(QString, file);
    QFETCH(int, qubits);
    QFETCH(int, clbits);
    QFETCH(int, operations);
    QFETCH(int, definitions);
    QFETCH(int, parameters);
    const QString path = QDir(QPILOT_TEST_DATA_DIR "/qasm").filePath(file);
    const Result<Circuit> read = readQasmFile(path.toStdString());
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().toString().c_str());
    const Circuit& c = read.value();
    QCOMPARE(c.numQubits(), qubits);
    QCOMPARE(c.numClbits(), clbits);
    QVERIFY2(int(c.ops.size()) == operations, qPrintable(QString("%1 operations\n").arg(c.ops.size()) + describe(c)));
    QCOMPARE(int(c.definitions.size()), definitions);
    QCOMPARE(int(c.parameters.size()), parameters);
}

void TestQasmReader::includes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString& name, const QByteArray& text) {
        QDir().mkpath(QFileInfo(dir.filePath(name)).path());
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write("lib/gates.inc", "gate bell a, b { h a; cx a, b; }\ninclude \"more.inc\";\n");
    write("lib/more.inc", "const int width = 2;\n");
    write("main.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninclude \"lib/gates.inc\";\nqubit[width] q;\nbell q[0], q[1];\n");
    write("elsewhere/uses_path.qasm", "OPENQASM 3.0;\ninclude \"gates.inc\";\nqubit[width] q;\nbell q[1], q[0];\n");

    // Relative to the including file; nested includes relative to their own folder.
    const Result<Circuit> main = readQasmFile(dir.filePath("main.qasm").toStdString());
    QVERIFY2(main.ok(), main.ok() ? "" : main.error().toString().c_str());
    QCOMPARE(main.value().definitions.size(), std::size_t(1));
    QCOMPARE(main.value().numQubits(), 2);
    QVERIFY(main.value().ops.front() == custom("bell", {0, 1}));

    // Not next to the file: found through includePaths.
    QasmReadOptions options;
    const std::string other = dir.filePath("elsewhere/uses_path.qasm").toStdString();
    QVERIFY(!readQasmFile(other, options).ok());
    options.includePaths = {dir.filePath("lib").toStdString()};
    const Result<Circuit> withPath = readQasmFile(other, options);
    QVERIFY2(withPath.ok(), withPath.ok() ? "" : withPath.error().toString().c_str());
    QVERIFY(withPath.value().ops.front() == custom("bell", {1, 0}));

    // parseQasm resolves relative to the folder of the given file name.
    QFile mainFile(dir.filePath("main.qasm"));
    QVERIFY(mainFile.open(QIODevice::ReadOnly));
    const Result<Circuit> parsed = parseQasm(mainFile.readAll().toStdString(), dir.filePath("main.qasm").toStdString());
    QVERIFY(parsed.ok());
    QVERIFY(parsed.value() == main.value());
}

void TestQasmReader::braketGateNames()
{
    const std::string text = "OPENQASM 3.0;\nqubit[3] q;\ncnot q[0], q[1];\nsi q[0];\nti q[1];\nv q[2];\nvi q[2];\n"
                             "phaseshift(0.5) q[0];\ncphaseshift(0.25) q[0], q[1];\nccnot q[0], q[1], q[2];\ni q[0];\n"
                             "xx(0.1) q[0], q[1];\nyy(0.2) q[1], q[2];\nzz(0.3) q[0], q[2];\n";
    QasmReadOptions options;
    const Result<Circuit> plain = parseQasm(text, "braket.qasm", options);
    QVERIFY(!plain.ok());
    QVERIFY(QString::fromStdString(plain.error().message).contains("unknown gate 'cnot'"));
    options.braketGateNames = true;
    const Result<Circuit> read = parseQasm(text, "braket.qasm", options);
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().toString().c_str());
    const Circuit expected = circuit({reg("q", 0, 3)}, {},
        {g(GateKind::CX, {0, 1}), g(GateKind::Sdg, {0}), g(GateKind::Tdg, {1}), g(GateKind::SX, {2}),
         g(GateKind::SXdg, {2}), g(GateKind::P, {0}, {0.5}), g(GateKind::CP, {0, 1}, {0.25}),
         g(GateKind::CCX, {0, 1, 2}), g(GateKind::I, {0}), g(GateKind::RXX, {0, 1}, {0.1}),
         g(GateKind::RYY, {1, 2}, {0.2}), g(GateKind::RZZ, {0, 2}, {0.3})});
    QVERIFY2(read.value() == expected, qPrintable(describe(read.value())));
}

void TestQasmReader::detectVersion_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("version");
    QTest::newRow("2.0") << "OPENQASM 2.0;\nqreg q[1];" << 2;
    QTest::newRow("2.0 after comments") << "// hello\n/* x */ OPENQASM 2.0;" << 2;
    QTest::newRow("3") << "OPENQASM 3;" << 3;
    QTest::newRow("3.0") << "OPENQASM 3.0;" << 3;
    QTest::newRow("no header") << "qubit q;" << 3;
    QTest::newRow("empty") << "" << 3;
    QTest::newRow("garbage") << "\x01\x02" << 3;
}

void TestQasmReader::detectVersion()
{
    QFETCH(QString, source);
    QFETCH(int, version);
    QCOMPARE(detectQasmVersion(source.toStdString()) == QasmVersion::V2 ? 2 : 3, version);
}

void TestQasmReader::operationLimitBoundary()
{
    QasmReadOptions options;
    options.maxOperations = 10;
    const std::string ten = "OPENQASM 3.0;\nqubit[10] q;\nh q;";
    QVERIFY(parseQasm(ten, "limit.qasm", options).ok());
    const Result<Circuit> eleven = parseQasm(ten + "\nx q[0];", "limit.qasm", options);
    QVERIFY(!eleven.ok());
    QCOMPARE(eleven.error().line, 4);
    QVERIFY(QString::fromStdString(eleven.error().message).contains("more than 10 operations"));
}

void TestQasmReader::lineEndingsAndByteOrderMark()
{
    const std::string unix = "OPENQASM 3.0;\nqubit[2] q;\nh q[0];\ncx q[0], q[1];\n";
    const std::string windows = "\xEF\xBB\xBFOPENQASM 3.0;\r\nqubit[2] q;\r\nh q[0];\r\ncx q[0], q[1];\r\n";
    const Result<Circuit> a = parseQasm(unix);
    const Result<Circuit> b = parseQasm(windows);
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a.value() == b.value());
    const Result<Circuit> bad = parseQasm("OPENQASM 3.0;\r\nqubit q;\r\n  foo q;\r\n");
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().line, 3);
    QCOMPARE(bad.error().column, 3);
}

void TestQasmReader::readFileMissing()
{
    const Result<Circuit> r = readQasmFile("/nonexistent/folder/missing.qasm");
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error().file), QString("/nonexistent/folder/missing.qasm"));
    QVERIFY(QString::fromStdString(r.error().message).contains("cannot open"));
}

QTEST_MAIN(TestQasmReader)
#include "tst_qasm_reader.moc"
