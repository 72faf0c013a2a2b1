// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/transpile.cpp — `qpilot transpile FILE --device ID|FILE ...`: compiles a circuit for
// a device (core/transpile), prints the metrics (depth, 2q count and depth, swaps, duration,
// estimated success probability, layouts) and writes the ISA circuit as OpenQASM 3 with
// physical qubits.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/circuit/circuit_file.h"
#include "core/circuit/qasm.h"
#include "core/device/device.h"
#include "core/transpile/transpile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <iomanip>
#include <sstream>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot transpile FILE --device ID|PROFILE.json [--level 0-3] [--seed S]\n"
    "                        [--layout trivial|dense|noise] [--coupling MAP] [--from FORMAT]\n"
    "                        [-o OUT.qasm] [--json]\n"
    "\n"
    "Compiles a circuit for a device: unrolls composite gates, translates to the device's native\n"
    "gates (exact, including global phase), places the qubits (layout), routes two-qubit gates\n"
    "onto coupled pairs with SABRE, optimises, and schedules with the device's gate durations.\n"
    "Prints depth, two-qubit count and depth, swaps inserted, duration and the estimated success\n"
    "probability F = prod_gates(1 - r(d+1)/d) * prod_measured(1 - p_ro) * prod_qubits e^(-idle/T1)\n"
    "(unknown when the profile lacks a figure; the reason is printed).\n"
    "\n"
    "Options:\n"
    "  --device D       a device id from 'qpilot devices' or a profile JSON file (required)\n"
    "  --level L        optimisation level 0-3 (default 1): 0 translate + trivial layout + route;\n"
    "                   1 + noise-aware layout refined by SABRE, peephole passes; 2 + more layout\n"
    "                   refinement and rz commutation; 3 + 8 seeded routing trials, best kept\n"
    "  --seed S         64-bit seed of the routing tie-breaks (default 0); same seed, same output\n"
    "  --layout M       trivial | dense | noise: the initial layout method, used as given\n"
    "                   (default: trivial at level 0, else noise-aware refined by SABRE)\n"
    "  --coupling MAP   use this coupling map instead of the profile's: all-to-all, line,\n"
    "                   heavy-hex (127, 133 or 156 qubits) or square:RxC (R*C <= qubits)\n"
    "  --from FORMAT    auto | qasm2 | qasm3 | braket | ionq (default: auto)\n"
    "  -o, --output OUT write the ISA circuit (OpenQASM 3, physical qubits $0, $1, ...) to OUT\n"
    "  --json           print one JSON object: depth, two_qubit_count, two_qubit_depth, swaps,\n"
    "                   duration_s, success_probability (null when unknown, with\n"
    "                   success_probability_note), layout (final, logical -> physical),\n"
    "                   initial_layout, one_qubit_count, measurements, global_phase, device,\n"
    "                   level, seed, layout_method, native_gates, num_qubits, output\n"
    "  -h, --help       show this help\n"
    "\n"
    "Examples:\n"
    "  qpilot transpile resources/examples/ghz.qasm --device ibm_torino --coupling heavy-hex\n"
    "  qpilot transpile circuit.qasm --device my_device.json --level 3 --seed 7 -o isa.qasm --json\n"
    "\n"
    "Exit codes:\n"
    "  0  transpiled\n"
    "  1  the output file could not be written\n"
    "  2  bad usage or bad input: malformed FILE or profile, unknown device, a circuit wider than\n"
    "     the device, a device without a coupling map or native basis, unbound parameters\n";

std::string significant(double v, int precision)
{
    std::ostringstream s;
    s << std::setprecision(precision) << v;
    return s.str();
}

std::string layoutText(const std::vector<int>& layout)
{
    std::string s = "[";
    for (size_t i = 0; i < layout.size(); ++i)
        s += (i ? ", " : "") + std::to_string(layout[i]);
    return s + "]";
}

QJsonArray layoutJson(const std::vector<int>& layout)
{
    QJsonArray a;
    for (int p : layout)
        a.append(p);
    return a;
}

// Applies --coupling to the profile; returns an error message or "".
std::string applyCoupling(const QString& spec, DeviceProfile& d)
{
    d.couplers.clear();
    d.allToAll = false;
    d.directed = false;
    if (spec == QLatin1String("all-to-all")) {
        d.allToAll = true;
        d.topology = "all-to-all";
        return {};
    }
    if (spec == QLatin1String("line")) {
        d.couplers = lineCouplers(d.numQubits);
        d.topology = "line";
        return {};
    }
    if (spec == QLatin1String("heavy-hex")) {
        auto c = heavyHexCouplers(d.numQubits);
        if (!c)
            return "--coupling heavy-hex: " + c.error().message;
        d.couplers = std::move(c).value();
        d.topology = "heavy-hex";
        return {};
    }
    static const QRegularExpression square(QStringLiteral("^square:(\\d+)x(\\d+)$"));
    if (const auto m = square.match(spec); m.hasMatch()) {
        const int rows = m.captured(1).toInt(), cols = m.captured(2).toInt();
        if (rows < 1 || cols < 1 || rows * cols > d.numQubits)
            return "--coupling " + spec.toStdString() + ": a " + std::to_string(rows) + "x" + std::to_string(cols)
                   + " lattice needs 1 to " + std::to_string(d.numQubits) + " qubits (the device has "
                   + std::to_string(d.numQubits) + ")";
        d.couplers = squareLatticeCouplers(rows, cols);
        d.topology = "square";
        if (rows * cols < d.numQubits)
            d.numQubits = rows * cols; // the lattice is the device
        return {};
    }
    return "unknown --coupling '" + spec.toStdString() + "' (expected all-to-all, line, heavy-hex or square:RxC)";
}

int runTranspile(const QStringList& args, std::ostream& out, std::ostream& err)
{
    const char* verb = kTranspileVerb.name;
    QCommandLineParser parser;
    const QCommandLineOption deviceOpt(QStringLiteral("device"), QString(), QStringLiteral("ID"));
    const QCommandLineOption levelOpt(QStringLiteral("level"), QString(), QStringLiteral("L"), QStringLiteral("1"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QString(), QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption layoutOpt(QStringLiteral("layout"), QString(), QStringLiteral("M"));
    const QCommandLineOption couplingOpt(QStringLiteral("coupling"), QString(), QStringLiteral("MAP"));
    const QCommandLineOption fromOpt(QStringLiteral("from"), QString(), QStringLiteral("FORMAT"), QStringLiteral("auto"));
    const QCommandLineOption outOpt({QStringLiteral("o"), QStringLiteral("output")}, QString(), QStringLiteral("OUT"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    parser.addOptions({deviceOpt, levelOpt, seedOpt, layoutOpt, couplingOpt, fromOpt, outOpt, jsonOpt, helpOption()});
    parser.addPositionalArgument(QStringLiteral("FILE"), QString());
    if (int code = parseVerbArgs(parser, kTranspileVerb, args, out, err); code >= 0)
        return code;

    TranspileOptions options;
    bool ok = true;
    options.level = parser.value(levelOpt).toInt(&ok);
    if (!ok || options.level < 0 || options.level > 3)
        return reportError(err, ExitUsage, "transpile: --level must be 0, 1, 2 or 3", verb);
    options.seed = parser.value(seedOpt).toULongLong(&ok);
    if (!ok)
        return reportError(err, ExitUsage, "transpile: --seed must be a whole number from 0 to 18446744073709551615", verb);
    if (parser.isSet(layoutOpt)) {
        options.layout = layoutMethodByName(parser.value(layoutOpt).toStdString());
        if (!options.layout)
            return reportError(err, ExitUsage, "transpile: unknown --layout '" + parser.value(layoutOpt).toStdString()
                                                   + "' (expected trivial, dense or noise)", verb);
    }
    if (!parser.isSet(deviceOpt) || parser.value(deviceOpt).isEmpty())
        return reportError(err, ExitUsage, "transpile: --device is required (an id from 'qpilot devices' or a profile JSON file)", verb);
    if (parser.isSet(outOpt) && parser.value(outOpt).isEmpty())
        return reportError(err, ExitUsage, "transpile: -o needs a file name", verb);

    QString input;
    LoadedCircuit loaded;
    if (int code = loadFileArgument(parser, fromOpt, kTranspileVerb, err, input, loaded); code >= 0)
        return code;
    auto found = findDevice(parser.value(deviceOpt).toStdString());
    if (!found)
        return reportError(err, ExitUsage, "transpile: " + found.error().toString());
    DeviceProfile device = std::move(found).value();
    if (parser.isSet(couplingOpt))
        if (const std::string e = applyCoupling(parser.value(couplingOpt), device); !e.empty())
            return reportError(err, ExitUsage, "transpile: " + e, verb);

    auto result = transpile(loaded.circuit, device, options);
    if (!result)
        return reportError(err, ExitUsage, input.toStdString() + ": cannot transpile for " + device.id + ": "
                                               + result.error().message);
    const TranspileResult& r = result.value();
    const TranspileMetrics& m = r.metrics;

    const QString output = parser.value(outOpt);
    if (parser.isSet(outOpt)) {
        QasmWriteOptions w;
        w.physicalQubits = true;
        auto text = writeQasm3(r.circuit, w);
        if (!text)
            return reportError(err, ExitFailed, "transpile: cannot write OpenQASM 3: " + text.error().toString());
        if (const auto e = saveTextAtomically(output, text.value()))
            return reportError(err, ExitFailed, e->toString());
    }

    if (parser.isSet(jsonOpt)) {
        QJsonArray natives;
        for (const std::string& g : device.nativeGates)
            natives.append(QString::fromStdString(g));
        QJsonObject j{{QStringLiteral("file"), input},
                      {QStringLiteral("device"), QString::fromStdString(device.id)},
                      {QStringLiteral("num_qubits"), loaded.circuit.numQubits()},
                      {QStringLiteral("device_qubits"), device.numQubits},
                      {QStringLiteral("level"), options.level},
                      {QStringLiteral("seed"), QString::number(options.seed)},
                      {QStringLiteral("layout_method"), QString(layoutMethodName(r.layoutMethod))},
                      {QStringLiteral("native_gates"), natives},
                      {QStringLiteral("depth"), m.depth},
                      {QStringLiteral("two_qubit_count"), m.twoQubitCount},
                      {QStringLiteral("two_qubit_depth"), m.twoQubitDepth},
                      {QStringLiteral("one_qubit_count"), m.oneQubitCount},
                      {QStringLiteral("measurements"), m.measurements},
                      {QStringLiteral("swaps"), m.swaps},
                      {QStringLiteral("duration_s"), m.duration ? QJsonValue(*m.duration) : QJsonValue()},
                      {QStringLiteral("success_probability"),
                       m.successProbability ? QJsonValue(*m.successProbability) : QJsonValue()},
                      {QStringLiteral("layout"), layoutJson(r.finalLayout)},
                      {QStringLiteral("initial_layout"), layoutJson(r.initialLayout)},
                      {QStringLiteral("global_phase"), r.globalPhase},
                      {QStringLiteral("output"), parser.isSet(outOpt) ? QJsonValue(output) : QJsonValue()}};
        if (!m.successProbability)
            j.insert(QStringLiteral("success_probability_note"), QString::fromStdString(m.successNote));
        out << QJsonDocument(j).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }
    out << input.toStdString() << " -> " << device.id << " (level " << options.level << ", seed " << options.seed
        << ", layout " << layoutMethodName(r.layoutMethod) << ")\n";
    out << "  qubits:           " << loaded.circuit.numQubits() << " logical on " << device.numQubits << " physical\n";
    out << "  initial layout:   " << layoutText(r.initialLayout) << "\n";
    out << "  final layout:     " << layoutText(r.finalLayout) << "\n";
    out << "  depth:            " << m.depth << "\n";
    out << "  two-qubit gates:  " << m.twoQubitCount << " (depth " << m.twoQubitDepth << ")\n";
    out << "  one-qubit gates:  " << m.oneQubitCount << "\n";
    out << "  swaps inserted:   " << m.swaps << "\n";
    out << "  duration:         " << (m.duration ? significant(*m.duration * 1e6, 6) + " us" : std::string("unknown (the profile lacks a gate or readout duration)")) << "\n";
    out << "  success estimate: "
        << (m.successProbability ? significant(*m.successProbability, 6) + (m.successNote.empty() ? "" : " (" + m.successNote + ")")
                                 : "unknown: " + m.successNote)
        << "\n";
    if (parser.isSet(outOpt))
        out << "  wrote " << output.toStdString() << "\n";
    return ExitOk;
}

} // namespace

const Verb kTranspileVerb = {
    "transpile",
    "compile a circuit for a device: native gates, layout, routing, metrics",
    "transpile FILE --device ID|FILE [--level 0-3] [--seed S] [--layout M] [--json] [-o OUT]",
    kUsage,
    &runTranspile,
};

} // namespace qpilot::cli
