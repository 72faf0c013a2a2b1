// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/cli.cpp — dispatch of `qpilot VERB ...`, the global help and the version.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include <QFileInfo>

#include <cmath>
#include <cstdio>

#include <ostream>

namespace qpilot::cli {

namespace {

const Verb* const kVerbs[] = {
    &kConvertVerb,
    &kInfoVerb,
    &kSimulateVerb,
    &kDevicesVerb,
    &kCalibrationVerb,
    &kPricesVerb,
    &kTranspileVerb,
    &kEstimateVerb,
    &kMitigateVerb,
    &kEncodeVerb,
    &kDatasetsVerb,
    &kTrainVerb,
    &kRunVerb,
    &kRunsVerb,
    &kCloudVerb,
};

const Verb* findVerb(const QString& name)
{
    for (const Verb* v : kVerbs) {
        if (name == QLatin1String(v->name))
            return v;
    }
    return nullptr;
}

// Options that QGuiApplication (or the workbench) consumes; they select the GUI path.
bool isGuiOption(const QString& arg)
{
    static const QStringList kGuiOptions = {
        "platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry",
        "geometry", "qwindowicon", "icon", "qwindowtitle", "title", "reverse", "session",
        "display", "style", "stylesheet", "widgetcount", "nograb", "dograb", "sync",
        "screenshot", "size", "page", "run"}; // the last three: the workbench's own (app/main.cpp)
    QString name = arg;
    if (name.startsWith(QLatin1String("--")))
        name.remove(0, 2);
    else if (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    else
        return false;
    name = name.section(QLatin1Char('='), 0, 0);
    return kGuiOptions.contains(name);
}

void printGlobalHelp(std::ostream& out)
{
    out << "Qpilot " QPILOT_VERSION " - quantum machine-learning pilot workbench\n"
           "\n"
           "Usage: qpilot [FILE] [--run] [--page NAME]\n"
           "                                  open the workbench (on a circuit or .qpilot FILE;\n"
           "                                  --run: run the pilot FILE at start; --page: show\n"
           "                                  circuit, setup, devices, jobs, dashboards, scorecard,\n"
           "                                  report or cloud)\n"
           "       qpilot VERB [options]      run a command headless (no display needed)\n"
           "\n"
           "Verbs:\n";
    for (const Verb* v : kVerbs)
        out << "  " << v->synopsis << "\n      " << v->summary << "\n";
    out << "  help [VERB]\n"
           "      show this help, or a verb's help (same as qpilot VERB --help)\n"
           "\n"
           "Options:\n"
           "  -h, --help       show this help\n"
           "  -v, --version    print the version (\"qpilot " QPILOT_VERSION "\")\n"
           "\n"
           "Formats:\n"
           "  qasm2   OpenQASM 2.0 (qelib1.inc)\n"
           "  qasm3   OpenQASM 3 (stdgates.inc)\n"
           "  braket  Amazon Braket's OpenQASM 3 dialect (Braket gate names)\n"
           "  ionq    IonQ JSON circuit (ionq.circuit.v1, \"qis\" gates)\n"
           "\n"
           "Exit codes:\n"
           "  0  success\n"
           "  1  the work failed (e.g. the target format cannot express the circuit,\n"
           "     or the output file cannot be written)\n"
           "  2  bad usage or bad input (unknown verb or option, missing or malformed file)\n"
           "Errors go to standard error as \"qpilot: FILE:LINE:COLUMN: message\".\n";
}

} // namespace

bool isCliInvocation(const QStringList& args)
{
    if (args.isEmpty())
        return false;
    const QString& first = args.first();
    if (findVerb(first) || first == QLatin1String("help"))
        return true;
    if (first.startsWith(QLatin1Char('-')))
        return !isGuiOption(first);
    // A path: open it in the workbench if it looks like a circuit; otherwise it is an
    // unknown verb, which the command line reports.
    static const QStringList kSuffixes = {"qasm", "qasm2", "qasm3", "json", "qpilot"};
    return !(QFileInfo::exists(first) || kSuffixes.contains(QFileInfo(first).suffix().toLower()));
}

bool needsGuiApplication(const QStringList& args)
{
    // `run` renders the PDF report (QPainter, QCustomPlot widgets): it needs a QApplication,
    // which the command line creates on the offscreen platform (no display needed).
    return !args.isEmpty() && args.first() == QLatin1String("run");
}

int run(const QStringList& args, std::ostream& out, std::ostream& err)
{
    if (args.isEmpty()) {
        printGlobalHelp(out);
        return ExitOk;
    }
    const QString& first = args.first();
    const QStringList rest = args.mid(1);

    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        if (!rest.isEmpty())
            return reportError(err, ExitUsage, "--version takes no arguments");
        out << "qpilot " QPILOT_VERSION "\n";
        return ExitOk;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("-?") || first == QLatin1String("help")) {
        if (rest.isEmpty()) {
            printGlobalHelp(out);
            return ExitOk;
        }
        if (const Verb* v = findVerb(rest.first()); v && rest.size() == 1) {
            out << v->usage;
            return ExitOk;
        }
        return reportError(err, ExitUsage,
                           "no help for '" + rest.join(QLatin1Char(' ')).toStdString() + "'", "");
    }
    if (const Verb* v = findVerb(first))
        return v->run(rest, out, err);
    if (first.startsWith(QLatin1Char('-')))
        return reportError(err, ExitUsage, "unknown option '" + first.toStdString() + "'", "");
    return reportError(err, ExitUsage, "unknown verb '" + first.toStdString() + "'", "");
}

std::string fixed(double v, int digits)
{
    if (!std::isfinite(v))
        return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
    return buffer;
}

int reportError(std::ostream& err, int code, const std::string& message, const char* verbForHint)
{
    err << "qpilot: " << message << "\n";
    if (verbForHint) {
        if (*verbForHint)
            err << "Try 'qpilot " << verbForHint << " --help'.\n";
        else
            err << "Try 'qpilot --help'.\n";
    }
    return code;
}

int loadFileArgument(const QCommandLineParser& parser, const QCommandLineOption& fromOpt, const Verb& verb,
                     std::ostream& err, QString& input, LoadedCircuit& loaded)
{
    const std::string name = verb.name;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return reportError(err, ExitUsage, name + ": missing FILE", verb.name);
    if (files.size() > 1)
        return reportError(err, ExitUsage, name + ": one FILE expected, got " + std::to_string(files.size()), verb.name);
    const QString fromKey = parser.value(fromOpt);
    const auto from = circuitFormatFromKey(fromKey);
    if (!from)
        return reportError(err, ExitUsage,
                           name + ": unknown --from format '" + fromKey.toStdString()
                               + "' (expected auto, qasm2, qasm3, braket or ionq)",
                           verb.name);
    input = files.first();
    auto read = loadCircuitFile(input, *from);
    if (!read)
        return reportError(err, ExitUsage, read.error().toString());
    loaded = std::move(read).value();
    return -1;
}

std::optional<std::vector<double>> parseNumberList(const QString& text)
{
    std::vector<double> out;
    for (const QString& part : text.split(QLatin1Char(','))) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
        out.push_back(v);
    }
    return out;
}

QCommandLineOption helpOption()
{
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                              QStringLiteral("Show this help."));
}

int parseVerbArgs(QCommandLineParser& parser, const Verb& verb, const QStringList& args,
                  std::ostream& out, std::ostream& err)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    QStringList argv = args;
    argv.prepend(QStringLiteral("qpilot"));
    if (!parser.parse(argv))
        return reportError(err, ExitUsage, verb.name + (": " + parser.errorText().toStdString()),
                           verb.name);
    if (parser.isSet(QStringLiteral("help"))) {
        out << verb.usage;
        return ExitOk;
    }
    return -1;
}

} // namespace qpilot::cli
