// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/convert.cpp — `qpilot convert FILE --to FORMAT [--from FORMAT] [-o OUT] [--json]`.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/circuit/circuit_file.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot convert FILE --to FORMAT [--from FORMAT] [-o OUT] [--json]\n"
    "\n"
    "Converts a circuit between formats. The result goes to standard output, or to OUT\n"
    "(written to a temporary file, then renamed over OUT).\n"
    "\n"
    "Options:\n"
    "  --to FORMAT       qasm2 | qasm3 | braket | ionq (required)\n"
    "  --from FORMAT     auto | qasm2 | qasm3 | braket | ionq (default: auto: a .json file or\n"
    "                    text starting with '{' is IonQ JSON, anything else OpenQASM 2.0 or 3\n"
    "                    by its header)\n"
    "  -o, --output OUT  write to OUT instead of standard output\n"
    "  --json            print {\"input\", \"from\", \"to\", \"output\", \"text\"} as JSON\n"
    "                    (\"output\" is OUT or null; \"text\" is the converted circuit)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Examples:\n"
    "  qpilot convert bell.qasm --to qasm3\n"
    "  qpilot convert bell.qasm --to ionq -o bell.json\n"
    "  qpilot convert job.json --to qasm2 --json\n"
    "\n"
    "Exit codes:\n"
    "  0  converted\n"
    "  1  the target format cannot express the circuit, or OUT cannot be written\n"
    "  2  bad usage, or FILE is missing or malformed (error as FILE:LINE:COLUMN: message)\n";

int runConvert(const QStringList& args, std::ostream& out, std::ostream& err)
{
    const char* verb = kConvertVerb.name;
    QCommandLineParser parser;
    const QCommandLineOption toOpt(QStringLiteral("to"), QString(), QStringLiteral("FORMAT"));
    const QCommandLineOption fromOpt(QStringLiteral("from"), QString(), QStringLiteral("FORMAT"),
                                     QStringLiteral("auto"));
    const QCommandLineOption outOpt({QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                    QStringLiteral("OUT"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    parser.addOptions({toOpt, fromOpt, outOpt, jsonOpt, helpOption()});
    parser.addPositionalArgument(QStringLiteral("FILE"), QString());
    if (int code = parseVerbArgs(parser, kConvertVerb, args, out, err); code >= 0)
        return code;

    if (!parser.isSet(toOpt))
        return reportError(err, ExitUsage, "convert: missing --to FORMAT", verb);

    const QString toKey = parser.value(toOpt);
    const auto to = circuitFormatFromKey(toKey);
    if (!to || *to == CircuitFormat::Auto)
        return reportError(err, ExitUsage,
                           "convert: unknown --to format '" + toKey.toStdString()
                               + "' (expected qasm2, qasm3, braket or ionq)",
                           verb);
    QString input;
    LoadedCircuit loaded;
    if (int code = loadFileArgument(parser, fromOpt, kConvertVerb, err, input, loaded); code >= 0)
        return code;

    auto text = writeCircuitText(loaded.circuit, *to);
    if (!text)
        return reportError(err, ExitFailed,
                           input.toStdString() + ": cannot convert to "
                               + circuitFormatTitle(*to).toStdString() + ": "
                               + text.error().toString());
    if (!text->empty() && text->back() != '\n')
        text.value() += '\n';

    const bool toFile = parser.isSet(outOpt);
    const QString output = parser.value(outOpt);
    if (toFile) {
        if (output.isEmpty())
            return reportError(err, ExitUsage, "convert: -o needs a file name", verb);
        if (const auto error = saveTextAtomically(output, *text))
            return reportError(err, ExitFailed, error->toString());
    }

    if (parser.isSet(jsonOpt)) {
        QJsonObject json;
        json.insert(QStringLiteral("input"), input);
        json.insert(QStringLiteral("from"), circuitFormatKey(loaded.format));
        json.insert(QStringLiteral("to"), circuitFormatKey(*to));
        json.insert(QStringLiteral("output"), toFile ? QJsonValue(output) : QJsonValue());
        json.insert(QStringLiteral("text"), QString::fromStdString(*text));
        out << QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString();
    } else if (!toFile) {
        out << *text;
    }
    return ExitOk;
}

} // namespace

const Verb kConvertVerb = {
    "convert",
    "convert a circuit between OpenQASM 2.0, OpenQASM 3, Braket OpenQASM and IonQ JSON",
    "convert FILE --to qasm2|qasm3|braket|ionq [--from auto|FORMAT] [-o OUT] [--json]",
    kUsage,
    &runConvert,
};

} // namespace qpilot::cli
