// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/info.cpp — `qpilot info FILE [--from FORMAT] [--json]`: a circuit's metrics.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/circuit/circuit_file.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <iomanip>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot info FILE [--from FORMAT] [--json]\n"
    "\n"
    "Prints a circuit's metrics: qubits, classical bits, depth, two-qubit depth, size\n"
    "(operations counted in depth), one-, two- and multi-qubit gate counts, measurements,\n"
    "resets, barriers, if/else blocks, and the count of each operation by name.\n"
    "\n"
    "Options:\n"
    "  --from FORMAT  auto | qasm2 | qasm3 | braket | ionq (default: auto, as for convert)\n"
    "  --json         print the metrics as one JSON object: file, format, num_qubits,\n"
    "                 num_clbits, width, depth, two_qubit_depth, size, one_qubit_gates,\n"
    "                 two_qubit_gates, multi_qubit_gates, measurements, resets, barriers,\n"
    "                 conditionals, counts {name: count}\n"
    "  -h, --help     show this help\n"
    "\n"
    "Examples:\n"
    "  qpilot info resources/examples/ghz.qasm\n"
    "  qpilot info circuit.qasm --json\n"
    "\n"
    "Exit codes:\n"
    "  0  printed\n"
    "  2  bad usage, or FILE is missing or malformed (error as FILE:LINE:COLUMN: message)\n";

void printRow(std::ostream& out, const char* label, const std::string& value)
{
    out << "  " << std::left << std::setw(18) << label << value << "\n";
}

void printRow(std::ostream& out, const char* label, int value)
{
    printRow(out, label, std::to_string(value));
}

int runInfo(const QStringList& args, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    const QCommandLineOption fromOpt(QStringLiteral("from"), QString(), QStringLiteral("FORMAT"),
                                     QStringLiteral("auto"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    parser.addOptions({fromOpt, jsonOpt, helpOption()});
    parser.addPositionalArgument(QStringLiteral("FILE"), QString());
    if (int code = parseVerbArgs(parser, kInfoVerb, args, out, err); code >= 0)
        return code;

    QString input;
    LoadedCircuit loaded;
    if (int code = loadFileArgument(parser, fromOpt, kInfoVerb, err, input, loaded); code >= 0)
        return code;
    const CircuitMetrics m = circuitMetrics(loaded.circuit);

    if (parser.isSet(jsonOpt)) {
        QJsonObject counts;
        for (const auto& [name, count] : m.countsByName)
            counts.insert(QString::fromStdString(name), count);
        QJsonObject json{
            {QStringLiteral("file"), input},
            {QStringLiteral("format"), circuitFormatKey(loaded.format)},
            {QStringLiteral("num_qubits"), m.numQubits},
            {QStringLiteral("num_clbits"), m.numClbits},
            {QStringLiteral("width"), m.width},
            {QStringLiteral("depth"), m.depth},
            {QStringLiteral("two_qubit_depth"), m.twoQubitDepth},
            {QStringLiteral("size"), m.size},
            {QStringLiteral("one_qubit_gates"), m.oneQubitGates},
            {QStringLiteral("two_qubit_gates"), m.twoQubitGates},
            {QStringLiteral("multi_qubit_gates"), m.multiQubitGates},
            {QStringLiteral("measurements"), m.measurements},
            {QStringLiteral("resets"), m.resets},
            {QStringLiteral("barriers"), m.barriers},
            {QStringLiteral("conditionals"), m.conditionals},
            {QStringLiteral("counts"), counts},
        };
        out << QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }

    out << input.toStdString() << "  (" << circuitFormatTitle(loaded.format).toStdString()
        << ")\n";
    printRow(out, "qubits", m.numQubits);
    printRow(out, "classical bits", m.numClbits);
    printRow(out, "depth", m.depth);
    printRow(out, "two-qubit depth", m.twoQubitDepth);
    printRow(out, "size", m.size);
    printRow(out, "gates",
             "1q " + std::to_string(m.oneQubitGates) + ", 2q " + std::to_string(m.twoQubitGates)
                 + ", multi-qubit " + std::to_string(m.multiQubitGates));
    printRow(out, "measurements", m.measurements);
    printRow(out, "resets", m.resets);
    printRow(out, "barriers", m.barriers);
    printRow(out, "if/else blocks", m.conditionals);
    std::string counts;
    for (const auto& [name, count] : m.countsByName)
        counts += (counts.empty() ? "" : ", ") + name + " " + std::to_string(count);
    printRow(out, "counts", counts.empty() ? std::string("(none)") : counts);
    return ExitOk;
}

} // namespace

const Verb kInfoVerb = {
    "info",
    "print a circuit's metrics (qubits, depth, two-qubit depth, gate counts)",
    "info FILE [--from auto|FORMAT] [--json]",
    kUsage,
    &runInfo,
};

} // namespace qpilot::cli
