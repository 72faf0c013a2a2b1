// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/encode.cpp — `qpilot encode`: builds an encoding or ansatz circuit, prints its
// resources (formula next to the built circuit's metrics) and writes it as OpenQASM 3, bound to
// --values or with symbolic `input` parameters; `qpilot encode --list` shows the catalog;
// `qpilot encode --advise` ranks the encodings for a dataset and a device after transpilation
// (core/encoding/advisor.h).
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/circuit/metrics.h"
#include "core/circuit/qasm.h"
#include "core/circuit/transform.h"
#include "core/device/device.h"
#include "core/encoding/encoding.h"
#include "core/ml/dataset_source.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <iomanip>
#include <sstream>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot encode --encoding NAME --features N [options] [--json] [-o OUT.qasm]\n"
    "       qpilot encode --list [--json]\n"
    "       qpilot encode --advise --dataset NAME|FILE.csv|--features N --device ID [--level L]\n"
    "                     [--seed S] [--json]\n"
    "\n"
    "Builds a data encoding (or an ansatz) for N features (qubits for an ansatz), prints its\n"
    "resources - qubits, 1q gates, 2q gates, depth, parameters - from the closed-form formula\n"
    "and from the built circuit, and writes the circuit as OpenQASM 3: bound to --values, or\n"
    "with symbolic 'input float[64]' parameters (x_i for features, theta_j for trainable\n"
    "angles, a_k for the amplitude encoding's rotation angles).\n"
    "\n"
    "Encodings: basis, angle, dense_angle, amplitude, zz (alias iqp), reupload.\n"
    "Ansaetze:  real_amplitudes, efficient_su2, hardware_efficient.\n"
    "\n"
    "Options:\n"
    "  --encoding NAME      encoding or ansatz name (see --list)\n"
    "  --features N         feature count N (>= 1)\n"
    "  --reps R             repetitions (zz default 2, ansaetze default 3)\n"
    "  --entanglement E     full|linear|reverse_linear|circular|brick\n"
    "  --rotation A         x|y|z (angle, reupload; default y)\n"
    "  --layers L           re-uploading layers (default 2)\n"
    "  --block B            re-uploading trainable block ry|ryrz (default ryrz)\n"
    "  --native G1,G2,...   native gates of the hardware-efficient ansatz (default rz,sx,cz)\n"
    "  --couplers A-B,...   its two-qubit pairs (default brick: 0-1,2-3,...,1-2,3-4,...)\n"
    "  --device ID          its native gates and couplers from a device profile\n"
    "  --values v1,v2,...   bind the features (ansaetze: the trainable angles)\n"
    "  -o, --output OUT     write the OpenQASM 3 program to OUT\n"
    "  --list               list the encodings and ansaetze with their options\n"
    "  --advise             the encoding advisor: build basis (0/1 features only), angle,\n"
    "                       dense_angle, amplitude, zz (linear and full entanglement) and reupload\n"
    "                       for the feature count, transpile each for --device and rank them by\n"
    "                       estimated success probability (ties: fewer 2q gates, then depth)\n"
    "  --dataset D          advisor: take N (and whether features are 0/1) from a dataset: shipped,\n"
    "                       CSV file or generator, as in 'qpilot train'\n"
    "  --binary             advisor with --features: the features are 0/1 (basis applies)\n"
    "  --level L            advisor: transpiler optimisation level 0-3 (default 1)\n"
    "  --seed S             advisor: transpiler seed (default 0)\n"
    "                       (advisor: --reps sets the zz reps, default 2; --layers the reupload\n"
    "                       layers, default 2)\n"
    "  --json               machine-readable output\n"
    "  -h, --help           show this help\n"
    "\n"
    "Examples:\n"
    "  qpilot encode --encoding zz --features 8 --reps 2 --entanglement linear\n"
    "  qpilot encode --encoding amplitude --features 5 --values 1,-2,0,3,0.5 -o amp.qasm\n"
    "  qpilot encode --encoding hardware_efficient --features 4 --device iqm_garnet --reps 2\n"
    "  qpilot encode --advise --dataset iris --device ibm_torino\n";

int parseInt(const QString& text, const char* what, int& value, std::ostream& err)
{
    bool ok = false;
    value = text.toInt(&ok);
    if (!ok)
        return reportError(err, ExitUsage, std::string("encode: --") + what + " must be an integer, got '" + text.toStdString() + "'",
                           kEncodeVerb.name);
    return -1;
}

int listCatalog(bool json, std::ostream& out)
{
    using namespace encoding;
    if (json) {
        QJsonArray list;
        for (const CatalogEntry& e : catalog()) {
            QJsonArray opts;
            for (const OptionInfo& o : e.options) {
                QJsonArray choices;
                for (const std::string& c : o.choices)
                    choices.append(QString::fromStdString(c));
                opts.append(QJsonObject{{"name", QString::fromStdString(o.name)},
                                        {"description", QString::fromStdString(o.description)},
                                        {"default", QString::fromStdString(o.defaultValue)},
                                        {"choices", choices}});
            }
            list.append(QJsonObject{{"name", QString::fromStdString(e.name)},
                                    {"kind", e.ansatz ? "ansatz" : "encoding"},
                                    {"description", QString::fromStdString(e.description)},
                                    {"qubits", QString::fromStdString(e.qubitsFormula)},
                                    {"two_qubit_gates", QString::fromStdString(e.twoQubitFormula)},
                                    {"parameters", QString::fromStdString(e.parameterFormula)},
                                    {"options", opts}});
        }
        out << QJsonDocument(list).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }
    for (const CatalogEntry& e : catalog()) {
        out << std::left << std::setw(20) << e.name << (e.ansatz ? "ansatz    " : "encoding  ") << e.description << "\n";
        out << std::setw(30) << "" << "qubits " << e.qubitsFormula << "; 2q " << e.twoQubitFormula << "; parameters "
            << e.parameterFormula << "\n";
        for (const OptionInfo& o : e.options) {
            out << std::setw(30) << "" << "--" << o.name << " (" << o.description;
            if (!o.defaultValue.empty())
                out << "; default " << o.defaultValue;
            out << ")\n";
        }
    }
    return ExitOk;
}

std::string optionalFixed(const std::optional<double>& v, int digits, double scale = 1)
{
    if (!v)
        return "n/a";
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << *v * scale;
    return s.str();
}

int runAdvise(const QCommandLineParser& parser, const QCommandLineOption& datasetOpt, const QCommandLineOption& featOpt,
              const QCommandLineOption& deviceOpt, const QCommandLineOption& levelOpt, const QCommandLineOption& seedOpt,
              const QCommandLineOption& repsOpt, const QCommandLineOption& layersOpt, const QCommandLineOption& binaryOpt,
              bool json, std::ostream& out, std::ostream& err)
{
    using namespace encoding;
    const char* verb = kEncodeVerb.name;
    if (parser.isSet(datasetOpt) == parser.isSet(featOpt))
        return reportError(err, ExitUsage, "encode --advise: give either --dataset D or --features N", verb);
    if (!parser.isSet(deviceOpt))
        return reportError(err, ExitUsage, "encode --advise: --device ID is required (see qpilot devices)", verb);
    if (parser.isSet(binaryOpt) && !parser.isSet(featOpt))
        return reportError(err, ExitUsage, "encode --advise: --binary goes with --features (a dataset's 0/1 features are detected)", verb);
    AdvisorOptions o;
    bool ok = false;
    o.level = parser.value(levelOpt).toInt(&ok);
    if (!ok || o.level < 0 || o.level > 3)
        return reportError(err, ExitUsage, "encode: --level must be 0, 1, 2 or 3", verb);
    o.seed = parser.value(seedOpt).toULongLong(&ok);
    if (!ok)
        return reportError(err, ExitUsage, "encode: --seed must be an unsigned 64-bit integer", verb);
    if (parser.isSet(repsOpt)) {
        o.zzReps = parser.value(repsOpt).toInt(&ok);
        if (!ok || o.zzReps < 1 || o.zzReps > 20)
            return reportError(err, ExitUsage, "encode: --reps must be an integer in 1..20", verb);
    }
    if (parser.isSet(layersOpt)) {
        o.reuploadLayers = parser.value(layersOpt).toInt(&ok);
        if (!ok || o.reuploadLayers < 1 || o.reuploadLayers > 20)
            return reportError(err, ExitUsage, "encode: --layers must be an integer in 1..20", verb);
    }
    int features = 0;
    std::string datasetName;
    if (parser.isSet(featOpt)) {
        features = parser.value(featOpt).toInt(&ok);
        if (!ok || features < 1)
            return reportError(err, ExitUsage, "encode: --features must be a positive integer", verb);
        o.binaryFeatures = parser.isSet(binaryOpt);
    } else {
        auto loaded = ml::loadDataset(parser.value(datasetOpt).toStdString(), ml::CsvOptions{}, 1);
        if (!loaded)
            return reportError(err, ExitUsage, "encode: " + loaded.error().toString());
        const ml::Samples& s = loaded->dataset.samples;
        features = s.features;
        datasetName = loaded->dataset.name;
        o.binaryFeatures = true;
        for (double v : s.x)
            o.binaryFeatures = o.binaryFeatures && (v == 0.0 || v == 1.0);
    }
    auto device = findDevice(parser.value(deviceOpt).toStdString());
    if (!device)
        return reportError(err, ExitUsage, "encode: " + device.error().message, verb);
    auto advice = adviseEncodings(features, *device, o);
    if (!advice)
        return reportError(err, ExitUsage, "encode: " + advice.error().message, verb);

    if (json) {
        auto counts = [](const AdvisorCounts& c) {
            return QJsonObject{{"qubits", c.qubits}, {"one_qubit_gates", double(c.oneQubitGates)},
                               {"two_qubit_gates", double(c.twoQubitGates)}, {"depth", double(c.depth)}};
        };
        auto opt = [](const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null); };
        QJsonArray entries;
        for (const AdvisorEntry& e : advice->entries) {
            QJsonObject j{{"encoding", QString::fromStdString(e.name)},
                          {"description", QString::fromStdString(e.description)},
                          {"applicable", e.applicable},
                          {"fits", e.fits},
                          {"rank", e.rank > 0 ? QJsonValue(e.rank) : QJsonValue(QJsonValue::Null)},
                          {"reason", e.reason.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromStdString(e.reason))},
                          {"before", counts(e.before)}};
            if (e.fits) {
                QJsonObject after = counts(e.after);
                after["two_qubit_depth"] = e.twoQubitDepth;
                after["swaps"] = e.swaps;
                after["duration_seconds"] = opt(e.duration);
                after["success_probability"] = opt(e.successProbability);
                after["success_note"] = QString::fromStdString(e.successNote);
                j["after"] = after;
            }
            entries.append(j);
        }
        QJsonObject root{{"features", features},
                         {"dataset", datasetName.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromStdString(datasetName))},
                         {"binary_features", o.binaryFeatures},
                         {"device", QString::fromStdString(device->id)},
                         {"device_qubits", device->numQubits},
                         {"level", o.level},
                         {"seed", QString::number(o.seed)},
                         {"zz_reps", o.zzReps},
                         {"reupload_layers", o.reuploadLayers},
                         {"encodings", entries}};
        out << QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }
    out << "encoding advisor: N = " << features << " features" << (datasetName.empty() ? "" : " (" + datasetName + ")")
        << (o.binaryFeatures ? ", 0/1 values" : "") << " on " << device->id << " (" << device->numQubits
        << " qubits), transpiled at level " << o.level << ", seed " << o.seed << "\n"
        << "circuits bound to a generic sample; b/a = before (logical circuit) / after (native gates on the device)\n\n";
    out << std::left << std::setw(5) << "rank" << std::setw(13) << "encoding" << std::right << std::setw(7) << "qubits"
        << std::setw(12) << "1q b/a" << std::setw(13) << "2q b/a" << std::setw(13) << "depth b/a" << std::setw(7) << "swaps"
        << std::setw(12) << "time us" << std::setw(11) << "P(success)" << "\n";
    for (const AdvisorEntry& e : advice->entries) {
        out << std::left << std::setw(5) << (e.rank > 0 ? std::to_string(e.rank) : "-") << std::setw(13) << e.name;
        if (!e.fits) {
            out << e.reason << "\n";
            continue;
        }
        auto ba = [](long long b, long long a) { return std::to_string(b) + "/" + std::to_string(a); };
        out << std::right << std::setw(7) << e.after.qubits << std::setw(12) << ba(e.before.oneQubitGates, e.after.oneQubitGates)
            << std::setw(13) << ba(e.before.twoQubitGates, e.after.twoQubitGates) << std::setw(13)
            << ba(e.before.depth, e.after.depth) << std::setw(7) << e.swaps << std::setw(12) << optionalFixed(e.duration, 2, 1e6)
            << std::setw(11) << optionalFixed(e.successProbability, 4) << "\n";
    }
    for (const AdvisorEntry& e : advice->entries)
        if (e.fits && !e.successNote.empty()) {
            out << "\nnote: " << e.successNote << "\n";
            break;
        }
    return ExitOk;
}

int runEncode(const QStringList& args, std::ostream& out, std::ostream& err)
{
    using namespace encoding;
    const char* verb = kEncodeVerb.name;
    QCommandLineParser parser;
    const QCommandLineOption encOpt(QStringLiteral("encoding"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption featOpt(QStringLiteral("features"), QString(), QStringLiteral("N"));
    const QCommandLineOption repsOpt(QStringLiteral("reps"), QString(), QStringLiteral("R"));
    const QCommandLineOption entOpt(QStringLiteral("entanglement"), QString(), QStringLiteral("E"));
    const QCommandLineOption rotOpt(QStringLiteral("rotation"), QString(), QStringLiteral("A"));
    const QCommandLineOption layersOpt(QStringLiteral("layers"), QString(), QStringLiteral("L"));
    const QCommandLineOption blockOpt(QStringLiteral("block"), QString(), QStringLiteral("B"));
    const QCommandLineOption nativeOpt(QStringLiteral("native"), QString(), QStringLiteral("GATES"));
    const QCommandLineOption couplersOpt(QStringLiteral("couplers"), QString(), QStringLiteral("PAIRS"));
    const QCommandLineOption deviceOpt(QStringLiteral("device"), QString(), QStringLiteral("ID"));
    const QCommandLineOption valuesOpt(QStringLiteral("values"), QString(), QStringLiteral("V"));
    const QCommandLineOption outOpt({QStringLiteral("o"), QStringLiteral("output")}, QString(), QStringLiteral("OUT"));
    const QCommandLineOption listOpt(QStringLiteral("list"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    const QCommandLineOption adviseOpt(QStringLiteral("advise"));
    const QCommandLineOption datasetOpt(QStringLiteral("dataset"), QString(), QStringLiteral("D"));
    const QCommandLineOption binaryOpt(QStringLiteral("binary"));
    const QCommandLineOption levelOpt(QStringLiteral("level"), QString(), QStringLiteral("L"), QStringLiteral("1"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QString(), QStringLiteral("S"), QStringLiteral("0"));
    parser.addOptions({encOpt, featOpt, repsOpt, entOpt, rotOpt, layersOpt, blockOpt, nativeOpt, couplersOpt, deviceOpt,
                       valuesOpt, outOpt, listOpt, jsonOpt, adviseOpt, datasetOpt, binaryOpt, levelOpt, seedOpt, helpOption()});
    if (int code = parseVerbArgs(parser, kEncodeVerb, args, out, err); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return reportError(err, ExitUsage, "encode: unexpected argument '" + parser.positionalArguments().first().toStdString() + "'", verb);
    const bool json = parser.isSet(jsonOpt);
    if (parser.isSet(listOpt))
        return listCatalog(json, out);
    if (parser.isSet(adviseOpt)) {
        for (const QCommandLineOption* o : {&encOpt, &entOpt, &rotOpt, &blockOpt, &nativeOpt, &couplersOpt, &valuesOpt, &outOpt})
            if (parser.isSet(*o))
                return reportError(err, ExitUsage, "encode --advise: --" + o->names().last().toStdString()
                                                       + " does not apply (the advisor builds every encoding)", verb);
        return runAdvise(parser, datasetOpt, featOpt, deviceOpt, levelOpt, seedOpt, repsOpt, layersOpt, binaryOpt, json, out, err);
    }
    for (const QCommandLineOption* o : {&datasetOpt, &binaryOpt, &levelOpt, &seedOpt})
        if (parser.isSet(*o))
            return reportError(err, ExitUsage, "encode: --" + o->names().first().toStdString() + " goes with --advise", verb);

    if (!parser.isSet(encOpt))
        return reportError(err, ExitUsage, "encode: --encoding NAME is required (see qpilot encode --list)", verb);
    const auto kind = kindByName(parser.value(encOpt).toStdString());
    if (!kind)
        return reportError(err, ExitUsage, "encode: unknown encoding '" + parser.value(encOpt).toStdString() + "' (see qpilot encode --list)", verb);
    if (!parser.isSet(featOpt))
        return reportError(err, ExitUsage, "encode: --features N is required", verb);
    int features = 0;
    if (int code = parseInt(parser.value(featOpt), "features", features, err); code >= 0)
        return code;

    Options o;
    if (parser.isSet(repsOpt))
        if (int code = parseInt(parser.value(repsOpt), "reps", o.reps, err); code >= 0)
            return code;
    if (parser.isSet(layersOpt))
        if (int code = parseInt(parser.value(layersOpt), "layers", o.layers, err); code >= 0)
            return code;
    if (parser.isSet(entOpt)) {
        o.entanglement = entanglementByName(parser.value(entOpt).toStdString());
        if (!o.entanglement)
            return reportError(err, ExitUsage, "encode: unknown --entanglement '" + parser.value(entOpt).toStdString()
                                                   + "' (expected full, linear, reverse_linear, circular or brick)", verb);
    }
    if (parser.isSet(rotOpt)) {
        const auto a = axisByName(parser.value(rotOpt).toStdString());
        if (!a)
            return reportError(err, ExitUsage, "encode: unknown --rotation '" + parser.value(rotOpt).toStdString() + "' (expected x, y or z)", verb);
        o.rotation = *a;
    }
    if (parser.isSet(blockOpt)) {
        const QString b = parser.value(blockOpt);
        if (b != QLatin1String("ry") && b != QLatin1String("ryrz"))
            return reportError(err, ExitUsage, "encode: unknown --block '" + b.toStdString() + "' (expected ry or ryrz)", verb);
        o.block = b == QLatin1String("ry") ? TrainableBlock::RY : TrainableBlock::RYRZ;
    }
    if (parser.isSet(nativeOpt)) {
        o.nativeGates.clear();
        for (const QString& g : parser.value(nativeOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))
            o.nativeGates.push_back(g.trimmed().toLower().toStdString());
    }

    if (parser.isSet(couplersOpt)) {
        for (const QString& pair : parser.value(couplersOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList ab = pair.trimmed().split(QLatin1Char('-'));
            bool okA = false, okB = false;
            const int a = ab.size() == 2 ? ab[0].toInt(&okA) : 0;
            const int b = ab.size() == 2 ? ab[1].toInt(&okB) : 0;
            if (!okA || !okB)
                return reportError(err, ExitUsage, "encode: --couplers: '" + pair.toStdString() + "' is not a pair like 0-1", verb);
            o.couplers.emplace_back(a, b);
        }
    }
    if (parser.isSet(deviceOpt) || parser.isSet(nativeOpt) || parser.isSet(couplersOpt)) {
        if (*kind != Kind::HardwareEfficient)
            return reportError(err, ExitUsage, "encode: --device, --native and --couplers apply to hardware_efficient only", verb);
    }
    if (parser.isSet(deviceOpt)) {
        if (parser.isSet(nativeOpt) || parser.isSet(couplersOpt))
            return reportError(err, ExitUsage, "encode: --device sets the native gates and couplers; drop --native/--couplers", verb);
        auto device = findDevice(parser.value(deviceOpt).toStdString());
        if (!device)
            return reportError(err, ExitUsage, "encode: " + device.error().message, verb);
        auto withDevice = hardwareEfficientForDevice(*device, features, o);
        if (!withDevice)
            return reportError(err, ExitUsage, "encode: " + withDevice.error().message, verb);
        o = *withDevice;
    }

    auto formula = resources(*kind, features, o);
    if (!formula)
        return reportError(err, ExitUsage, "encode: " + formula.error().message, verb);
    auto built = build(*kind, features, o);
    if (!built)
        return reportError(err, ExitUsage, "encode: " + built.error().message, verb);

    Circuit circuit = built->circuit;
    bool bound = false;
    if (parser.isSet(valuesOpt)) {
        std::vector<double> values;
        for (const QString& part : parser.value(valuesOpt).split(QLatin1Char(','))) {
            bool ok = false;
            const double v = part.trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(v))
                return reportError(err, ExitUsage, "encode: --values: '" + part.toStdString() + "' is not a number", verb);
            values.push_back(v);
        }
        if (isAnsatz(*kind)) {
            if (values.size() != built->weights.size())
                return reportError(err, ExitUsage, "encode: --values: the ansatz has " + std::to_string(built->weights.size())
                                                       + " trainable parameters, got " + std::to_string(values.size()) + " values", verb);
            auto c = bindParameters(circuit, weightBindings(*built, values));
            if (!c)
                return reportError(err, ExitFailed, "encode: " + c.error().message);
            circuit = *c;
        } else {
            auto c = encodeValues(*built, values);
            if (!c)
                return reportError(err, ExitUsage, "encode: --values: " + c.error().message, verb);
            circuit = *c;
        }
        bound = true;
    }
    const CircuitMetrics m = circuitMetrics(circuit);
    const CircuitMetrics symbolic = circuitMetrics(built->circuit);
    auto qasm = writeQasm3(circuit);
    if (!qasm)
        return reportError(err, ExitFailed, "encode: cannot write OpenQASM 3: " + qasm.error().message);

    const bool toFile = parser.isSet(outOpt);
    if (toFile) {
        if (parser.value(outOpt).isEmpty())
            return reportError(err, ExitUsage, "encode: -o needs a file name", verb);
        if (const auto error = saveTextAtomically(parser.value(outOpt), *qasm))
            return reportError(err, ExitFailed, error->toString());
    }
    const int params = formula->inputParameters + formula->trainableParameters;
    const int actualParams = static_cast<int>(built->circuit.parameters.size());
    if (json) {
        auto pair = [](long long f, long long a) { return QJsonObject{{"formula", double(f)}, {"actual", double(a)}}; };
        QJsonObject j{{"encoding", kindName(*kind)},
                      {"kind", isAnsatz(*kind) ? "ansatz" : "encoding"},
                      {"features", features},
                      {"qubits", pair(formula->qubits, symbolic.numQubits)},
                      {"one_qubit_gates", pair(formula->oneQubitGates, symbolic.oneQubitGates)},
                      {"two_qubit_gates", pair(formula->twoQubitGates, symbolic.twoQubitGates)},
                      {"depth", pair(formula->depth, symbolic.depth)},
                      {"depth_exact", formula->depthExact},
                      {"parameters", pair(params, actualParams)},
                      {"input_parameters", formula->inputParameters},
                      {"trainable_parameters", formula->trainableParameters},
                      {"two_qubit_formula", QString::fromStdString(formula->twoQubitFormula)},
                      {"parameter_formula", QString::fromStdString(formula->parameterFormula)},
                      {"bound", bound},
                      {"output", toFile ? QJsonValue(parser.value(outOpt)) : QJsonValue()},
                      {"qasm", QString::fromStdString(*qasm)}};
        if (bound)
            j.insert("bound_circuit", QJsonObject{{"one_qubit_gates", m.oneQubitGates}, {"two_qubit_gates", m.twoQubitGates}, {"depth", m.depth}});
        out << QJsonDocument(j).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }
    out << kindName(*kind) << " (" << (isAnsatz(*kind) ? "ansatz" : "encoding") << ") for N = " << features << "\n";
    out << std::left << std::setw(14) << "" << std::right << std::setw(12) << "formula" << std::setw(12) << "circuit" << "\n";
    auto row = [&](const char* name, long long f, long long a, const char* note = "") {
        out << std::left << std::setw(14) << name << std::right << std::setw(12) << f << std::setw(12) << a << note << "\n";
    };
    row("qubits", formula->qubits, symbolic.numQubits);
    row("1q gates", formula->oneQubitGates, symbolic.oneQubitGates);
    row("2q gates", formula->twoQubitGates, symbolic.twoQubitGates, ("   " + formula->twoQubitFormula).c_str());
    row("depth", formula->depth, symbolic.depth, formula->depthExact ? "" : "   (formula is an upper bound)");
    row("parameters", params, actualParams, ("   " + formula->parameterFormula).c_str());
    if (bound)
        out << "bound circuit: " << m.oneQubitGates << " 1q gates, " << m.twoQubitGates << " 2q gates, depth " << m.depth << "\n";
    if (toFile)
        out << "wrote " << parser.value(outOpt).toStdString() << "\n";
    else
        out << "\n" << *qasm << (qasm->empty() || qasm->back() == '\n' ? "" : "\n");
    return ExitOk;
}

} // namespace

const Verb kEncodeVerb = {
    "encode",
    "build an encoding or ansatz circuit and print its resources; --advise ranks encodings for a device",
    "encode --encoding NAME --features N [--reps R] [--entanglement E] [--values V] [--json] [-o OUT]",
    kUsage,
    &runEncode,
};

} // namespace qpilot::cli
