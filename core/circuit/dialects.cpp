// core/circuit/dialects.cpp — Amazon Braket OpenQASM 3 and IonQ JSON (ionq.circuit.v1, "qis")
// writers and readers. Gates a provider lacks are decomposed through the exact standard
// definitions; only unobservable global phases are dropped.
#include "core/circuit/dialects.h"
#include "core/common/json.h"
#include "core/circuit/qasm.h"
#include "core/circuit/qasm_format.h"
#include "core/circuit/transform.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <map>
#include <sstream>

namespace qpilot {

namespace {

// U(θ,φ,λ) = e^{i(φ+λ)/2} RZ(φ) RY(θ) RZ(λ): rewrite the U family into rotations
// (dropping the global phase) and drop uncontrolled gphase.
std::vector<Operation> rotationsForU(const std::vector<Operation>& ops)
{
    std::vector<Operation> out;
    for (const Operation& o : ops) {
        const auto* g = std::get_if<GateOp>(&o.op);
        if (!g) {
            out.push_back(o);
            continue;
        }
        if (g->kind == GateKind::GPhase && g->modifiers.empty())
            continue;
        if (g->modifiers.empty() && (g->kind == GateKind::U || g->kind == GateKind::U3 || g->kind == GateKind::U2)) {
            Expr theta = g->kind == GateKind::U2 ? Expr(M_PI / 2) : g->params[0];
            Expr phi = g->kind == GateKind::U2 ? g->params[0] : g->params[1];
            Expr lambda = g->kind == GateKind::U2 ? g->params[1] : g->params[2];
            Circuit tmp;
            tmp.gate(GateKind::RZ, g->qubits, {lambda}).gate(GateKind::RY, g->qubits, {theta}).gate(GateKind::RZ, g->qubits, {phi});
            out.insert(out.end(), tmp.ops.begin(), tmp.ops.end());
            continue;
        }
        out.push_back(o);
    }
    return out;
}

const std::map<GateKind, const char*>& braketNames()
{
    static const std::map<GateKind, const char*> names = {
        {GateKind::I, "i"},       {GateKind::X, "x"},         {GateKind::Y, "y"},
        {GateKind::Z, "z"},       {GateKind::H, "h"},         {GateKind::S, "s"},
        {GateKind::Sdg, "si"},    {GateKind::T, "t"},         {GateKind::Tdg, "ti"},
        {GateKind::SX, "v"},      {GateKind::SXdg, "vi"},     {GateKind::RX, "rx"},
        {GateKind::RY, "ry"},     {GateKind::RZ, "rz"},       {GateKind::P, "phaseshift"},
        {GateKind::U1, "phaseshift"}, {GateKind::CX, "cnot"}, {GateKind::CY, "cy"},
        {GateKind::CZ, "cz"},     {GateKind::CP, "cphaseshift"}, {GateKind::CU1, "cphaseshift"},
        {GateKind::Swap, "swap"}, {GateKind::ISwap, "iswap"}, {GateKind::ECR, "ecr"},
        {GateKind::RXX, "xx"},    {GateKind::RYY, "yy"},      {GateKind::RZZ, "zz"},
        {GateKind::CCX, "ccnot"}, {GateKind::CSwap, "cswap"},
    };
    return names;
}

bool isU(GateKind k) { return k == GateKind::U || k == GateKind::U3 || k == GateKind::U2; }

// Messages are self-contained; callers (CLI, GUI) say which format they were writing.
std::string dialectError(const char* /*provider*/, const std::string& what) { return what; }

// Checks that a flat op list has no control flow, reset or delay (for providers without them).
std::optional<Error> requireStraightLine(const std::vector<Operation>& ops, const char* provider)
{
    for (const Operation& o : ops) {
        if (std::holds_alternative<IfElseOp>(o.op))
            return Error{dialectError(provider, "programs cannot branch on measurement results (if/else)")};
        if (std::holds_alternative<ResetOp>(o.op))
            return Error{dialectError(provider, "reset is not supported")};
        if (std::holds_alternative<DelayOp>(o.op))
            return Error{dialectError(provider, "delay is not supported in gate-model programs")};
    }
    return std::nullopt;
}

} // namespace

Result<std::string> writeBraketQasm(const Circuit& circuit)
{
    auto lowered = decomposeGates(circuit, [](const GateOp& g) {
        return g.modifiers.empty() && (braketNames().count(g.kind) || isU(g.kind) || g.kind == GateKind::GPhase);
    });
    if (!lowered)
        return Error{dialectError("Braket OpenQASM", lowered.error().message)};
    const Circuit& c = lowered.value();
    if (auto e = requireStraightLine(c.ops, "Braket OpenQASM"))
        return *e;
    std::vector<Operation> ops = rotationsForU(c.ops);

    std::ostringstream out;
    out << "OPENQASM 3.0;\n";
    for (const std::string& p : c.parameters)
        out << "input float " << p << ";\n";
    const int nq = c.numQubits();
    const int nc = c.numClbits();
    out << "qubit[" << nq << "] q;\n";
    if (nc > 0)
        out << "bit[" << nc << "] b;\n";
    for (const Operation& o : ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            out << braketNames().at(g->kind);
            if (!g->params.empty()) {
                out << "(";
                for (size_t i = 0; i < g->params.size(); ++i)
                    out << (i ? ", " : "") << g->params[i].toQasm();
                out << ")";
            }
            for (size_t i = 0; i < g->qubits.size(); ++i)
                out << (i ? ", " : " ") << "q[" << g->qubits[i] << "]";
            out << ";\n";
        } else if (const auto* m = std::get_if<MeasureOp>(&o.op)) {
            if (m->clbit < 0)
                out << "measure q[" << m->qubit << "];\n";
            else
                out << "b[" << m->clbit << "] = measure q[" << m->qubit << "];\n";
        }
        // Barriers carry no meaning for Braket's simulators and devices; they are left out.
    }
    return out.str();
}

Result<Circuit> parseBraketQasm(std::string_view source, const std::string& fileName)
{
    QasmReadOptions options;
    options.braketGateNames = true;
    return parseQasm(source, fileName, options);
}

Result<std::string> writeIonqJson(const Circuit& circuit, const IonqJsonOptions& options)
{
    if (!circuit.parameters.empty())
        return Error{dialectError("IonQ JSON", "parameter '" + circuit.parameters.front()
                                                   + "' is not bound; bind all parameters first")};
    using K = GateKind;
    auto lowered = decomposeGates(circuit, [](const GateOp& g) {
        switch (g.kind) {
        case K::X: case K::Y: case K::Z: case K::H: case K::S: case K::Sdg: case K::T: case K::Tdg:
        case K::SX: case K::SXdg: case K::RX: case K::RY: case K::RZ: case K::P: case K::U1:
        case K::Swap: case K::CX: case K::CY: case K::CZ: case K::CH: case K::CRX: case K::CRY:
        case K::CRZ: case K::CCX: case K::CSwap: case K::RXX: case K::RYY: case K::RZZ:
        case K::U: case K::U2: case K::U3: case K::GPhase: case K::I:
            return g.modifiers.empty();
        default: return false;
        }
    });
    if (!lowered)
        return Error{dialectError("IonQ JSON", lowered.error().message)};
    const Circuit& c = lowered.value();
    if (auto e = requireStraightLine(c.ops, "IonQ JSON"))
        return *e;
    std::vector<Operation> ops = rotationsForU(c.ops);

    // IonQ measures every qubit once at the end: measurements must be terminal.
    std::vector<bool> measured(size_t(c.numQubits()), false);
    QJsonArray measureMap;
    QJsonArray gates;
    for (const Operation& o : ops) {
        if (const auto* m = std::get_if<MeasureOp>(&o.op)) {
            if (measured[size_t(m->qubit)])
                return Error{dialectError("IonQ JSON", "qubit " + std::to_string(m->qubit) + " is measured twice; IonQ measures each qubit once at the end")};
            measured[size_t(m->qubit)] = true;
            measureMap.append(QJsonArray{m->qubit, m->clbit});
            continue;
        }
        const auto* g = std::get_if<GateOp>(&o.op);
        if (!g)
            continue; // barriers
        for (int q : g->qubits)
            if (measured[size_t(q)])
                return Error{dialectError("IonQ JSON", "qubit " + std::to_string(q) + " is used after its measurement; IonQ measures only at the end")};
        if (g->kind == K::I)
            continue;
        QJsonObject j;
        auto rotation = [&](size_t i) -> std::optional<Error> {
            auto v = g->params.at(i).evaluate();
            if (!v)
                return Error{dialectError("IonQ JSON", v.error().message)};
            j["rotation"] = v.value();
            return std::nullopt;
        };
        const std::vector<int>& q = g->qubits;
        auto one = [&](const char* name) { j["gate"] = name; j["target"] = q.back(); };
        switch (g->kind) {
        case K::X: one("x"); break;
        case K::Y: one("y"); break;
        case K::Z: one("z"); break;
        case K::H: one("h"); break;
        case K::S: one("s"); break;
        case K::Sdg: one("si"); break;
        case K::T: one("t"); break;
        case K::Tdg: one("ti"); break;
        case K::SX: one("v"); break;
        case K::SXdg: one("vi"); break;
        case K::RX: one("rx"); break;
        case K::RY: one("ry"); break;
        case K::RZ:
        case K::P:
        case K::U1: one("rz"); break; // p and rz differ by an unobservable global phase here
        case K::CX: one("cnot"); j["control"] = q[0]; break;
        case K::CY: one("y"); j["control"] = q[0]; break;
        case K::CZ: one("z"); j["control"] = q[0]; break;
        case K::CH: one("h"); j["control"] = q[0]; break;
        case K::CRX: one("rx"); j["control"] = q[0]; break;
        case K::CRY: one("ry"); j["control"] = q[0]; break;
        case K::CRZ: one("rz"); j["control"] = q[0]; break;
        case K::CCX: one("x"); j["controls"] = QJsonArray{q[0], q[1]}; break;
        case K::Swap: j["gate"] = "swap"; j["targets"] = QJsonArray{q[0], q[1]}; break;
        case K::CSwap: j["gate"] = "swap"; j["controls"] = QJsonArray{q[0]}; j["targets"] = QJsonArray{q[1], q[2]}; break;
        case K::RXX: j["gate"] = "xx"; j["targets"] = QJsonArray{q[0], q[1]}; break;
        case K::RYY: j["gate"] = "yy"; j["targets"] = QJsonArray{q[0], q[1]}; break;
        case K::RZZ: j["gate"] = "zz"; j["targets"] = QJsonArray{q[0], q[1]}; break;
        default: return Error{dialectError("IonQ JSON", std::string("no IonQ form for ") + gateInfo(g->kind).name)};
        }
        if (!g->params.empty())
            if (auto e = rotation(0))
                return *e;
        gates.append(j);
    }
    QJsonObject input{{"gateset", "qis"}, {"qubits", c.numQubits()}, {"circuit", gates}};
    QJsonObject body{{"type", "ionq.circuit.v1"},
                     {"name", QString::fromStdString(options.name)},
                     {"backend", QString::fromStdString(options.backend)},
                     {"shots", options.shots},
                     {"input", input}};
    // Which classical bit each qubit's final result lands in (IonQ metadata values are strings).
    body["metadata"] = QJsonObject{{"qpilot_clbits", QString::number(c.numClbits())},
                                   {"qpilot_measure", QString::fromUtf8(QJsonDocument(measureMap).toJson(QJsonDocument::Compact))}};
    return QJsonDocument(body).toJson(QJsonDocument::Indented).toStdString();
}

Result<Circuit> parseIonqJson(std::string_view json, const std::string& fileName)
{
    auto parsed = parseJsonObject(json, fileName, "an IonQ circuit must be a JSON object");
    if (!parsed)
        return parsed.error();
    const QJsonObject root = *parsed;
    QJsonObject metadata = root.value("metadata").toObject();
    QJsonObject input = root.contains("input") ? root.value("input").toObject() : root;
    const QString type = root.value("type").toString();
    if (!type.isEmpty() && type != "ionq.circuit.v1" && type != "circuit")
        return Error{"unsupported IonQ job type '" + type.toStdString() + "': expected ionq.circuit.v1", fileName};
    const QString gateset = input.value("gateset").toString("qis");
    if (gateset != "qis")
        return Error{"IonQ gateset '" + gateset.toStdString() + "' is not supported: Qpilot reads the \"qis\" gate set (native gpi/gpi2/ms circuits are not supported)", fileName};
    if (!input.value("circuit").isArray())
        return Error{"IonQ circuit has no \"circuit\" array", fileName};
    const double nqDouble = input.value("qubits").toDouble(-1);
    if (nqDouble != std::floor(nqDouble) || nqDouble < 1 || nqDouble > kMaxQubits)
        return Error{"IonQ circuit: \"qubits\" must be a whole number from 1 to " + std::to_string(kMaxQubits), fileName};
    const int nq = int(nqDouble);
    Circuit c;
    c.addQreg("q", nq);
    int nc = metadata.contains("qpilot_clbits") ? metadata.value("qpilot_clbits").toString().toInt() : nq;
    if (nc < 0 || nc > kMaxClbits)
        nc = nq;
    if (nc > 0)
        c.addCreg("c", nc);

    const QJsonArray gates = input.value("circuit").toArray();
    for (int i = 0; i < gates.size(); ++i) {
        const std::string where = "IonQ circuit gate #" + std::to_string(i) + ": ";
        QJsonObject g = gates[i].toObject();
        const std::string name = g.value("gate").toString().toStdString();
        auto qubitOf = [&](const QJsonValue& v, int& out) -> bool {
            const double d = v.toDouble(-1);
            if (!v.isDouble() || d != std::floor(d) || d < 0 || d >= nq)
                return false;
            out = int(d);
            return true;
        };
        std::vector<int> controls, targets;
        int q = 0;
        if (g.contains("control")) {
            if (!qubitOf(g.value("control"), q))
                return Error{where + "\"control\" must be a qubit index below " + std::to_string(nq), fileName};
            controls.push_back(q);
        }
        for (const QJsonValue& v : g.value("controls").toArray()) {
            if (!qubitOf(v, q))
                return Error{where + "\"controls\" must hold qubit indices below " + std::to_string(nq), fileName};
            controls.push_back(q);
        }
        if (g.contains("target")) {
            if (!qubitOf(g.value("target"), q))
                return Error{where + "\"target\" must be a qubit index below " + std::to_string(nq), fileName};
            targets.push_back(q);
        }
        for (const QJsonValue& v : g.value("targets").toArray()) {
            if (!qubitOf(v, q))
                return Error{where + "\"targets\" must hold qubit indices below " + std::to_string(nq), fileName};
            targets.push_back(q);
        }
        static const std::map<std::string, std::pair<GateKind, int>> kinds = {
            {"x", {GateKind::X, 1}},   {"y", {GateKind::Y, 1}},     {"z", {GateKind::Z, 1}},
            {"h", {GateKind::H, 1}},   {"s", {GateKind::S, 1}},     {"si", {GateKind::Sdg, 1}},
            {"t", {GateKind::T, 1}},   {"ti", {GateKind::Tdg, 1}},  {"v", {GateKind::SX, 1}},
            {"vi", {GateKind::SXdg, 1}}, {"rx", {GateKind::RX, 1}}, {"ry", {GateKind::RY, 1}},
            {"rz", {GateKind::RZ, 1}}, {"not", {GateKind::X, 1}},   {"cnot", {GateKind::X, 1}},
            {"swap", {GateKind::Swap, 2}}, {"xx", {GateKind::RXX, 2}}, {"yy", {GateKind::RYY, 2}},
            {"zz", {GateKind::RZZ, 2}},
        };
        auto it = kinds.find(name);
        if (it == kinds.end())
            return Error{where + "unknown gate '" + name + "' (expected one of x y z h s si t ti v vi rx ry rz cnot swap xx yy zz)", fileName};
        const GateKind kind = it->second.first;
        if (int(targets.size()) != it->second.second)
            return Error{where + "'" + name + "' needs " + std::to_string(it->second.second) + " target(s)", fileName};
        if (name == "cnot" && controls.empty())
            return Error{where + "cnot needs a \"control\"", fileName};
        std::vector<Expr> params;
        if (gateInfo(kind).params == 1) {
            if (!g.value("rotation").isDouble() || !std::isfinite(g.value("rotation").toDouble()))
                return Error{where + "'" + name + "' needs a numeric \"rotation\" in radians", fileName};
            params.push_back(g.value("rotation").toDouble());
        }
        std::vector<int> all = controls;
        all.insert(all.end(), targets.begin(), targets.end());
        for (size_t a = 0; a < all.size(); ++a)
            for (size_t b = a + 1; b < all.size(); ++b)
                if (all[a] == all[b])
                    return Error{where + "qubit " + std::to_string(all[a]) + " is used twice", fileName};
        GateOp op;
        op.kind = kind;
        op.params = params;
        op.qubits = all;
        if (!controls.empty()) {
            // Use the standard controlled gate where one exists, otherwise a ctrl modifier.
            static const std::map<std::pair<GateKind, int>, GateKind> controlled = {
                {{GateKind::X, 1}, GateKind::CX},   {{GateKind::Y, 1}, GateKind::CY},
                {{GateKind::Z, 1}, GateKind::CZ},   {{GateKind::H, 1}, GateKind::CH},
                {{GateKind::RX, 1}, GateKind::CRX}, {{GateKind::RY, 1}, GateKind::CRY},
                {{GateKind::RZ, 1}, GateKind::CRZ}, {{GateKind::X, 2}, GateKind::CCX},
                {{GateKind::Swap, 1}, GateKind::CSwap},
            };
            auto ck = controlled.find({kind, int(controls.size())});
            if (ck != controlled.end())
                op.kind = ck->second;
            else
                op.modifiers.push_back(Modifier{Modifier::Kind::Ctrl, int(controls.size()), Expr()});
        }
        c.ops.push_back(Operation{op});
    }
    // Measurements: IonQ measures every qubit at the end.
    QJsonArray map;
    if (metadata.contains("qpilot_measure"))
        map = QJsonDocument::fromJson(metadata.value("qpilot_measure").toString().toUtf8()).array();
    if (!map.isEmpty()) {
        for (const QJsonValue& v : map) {
            QJsonArray pair = v.toArray();
            const int q = pair.at(0).toInt(-1), b = pair.at(1).toInt(-2);
            if (q < 0 || q >= nq || b < -1 || b >= nc)
                return Error{"IonQ circuit metadata qpilot_measure has an invalid entry", fileName};
            c.measure(q, b);
        }
    } else {
        for (int q = 0; q < nq; ++q)
            c.measure(q, q);
    }
    return c;
}

} // namespace qpilot
