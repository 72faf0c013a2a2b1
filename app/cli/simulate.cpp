// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/simulate.cpp — `qpilot simulate FILE ...`: runs a circuit on the embedded simulator
// (ideal, or with a device's noise) and prints the state, probabilities and seeded counts.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/circuit/circuit_file.h"
#include "core/device/device.h"
#include "core/noise/noise.h"
#include "core/sim/simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <random>
#include <sstream>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot simulate FILE [--shots N] [--seed S] [--noise none|DEVICE]\n"
    "                       [--method auto|statevector|density|trajectories]\n"
    "                       [--statevector] [--probabilities] [--threads T]\n"
    "                       [--param NAME=VALUE]... [--from FORMAT] [--json]\n"
    "\n"
    "Runs a circuit on the embedded simulator. Circuits whose measurements are all at the end\n"
    "are simulated once and sampled; circuits with mid-circuit measurement, reset or if/else\n"
    "run shot by shot, so their counts are exact samples of the program.\n"
    "\n"
    "Options:\n"
    "  --shots N        number of shots (default: 1024 when the circuit measures, else 0)\n"
    "  --seed S         64-bit seed; the same seed gives the same counts on any machine and\n"
    "                   thread count (default: a random seed, printed so the run can be repeated)\n"
    "  --noise DEVICE   simulate with the noise of a device profile: an id from\n"
    "                   'qpilot devices' or a profile JSON file (default: none)\n"
    "  --method M       auto (default: statevector without noise; with noise density matrix up\n"
    "                   to 12 qubits, trajectories beyond), statevector, density, trajectories\n"
    "  --statevector    print the final state vector (ideal runs without mid-circuit\n"
    "                   measurement, reset or if/else)\n"
    "  --probabilities  print the exact outcome probabilities\n"
    "  --threads T      worker threads (default: all cores)\n"
    "  --param N=V      value of an input parameter (repeat for each); every input needs one\n"
    "  --from FORMAT    auto | qasm2 | qasm3 | braket | ionq (default: auto)\n"
    "  --json           print one JSON object: num_qubits, num_clbits, method, seed, shots,\n"
    "                   noise, seconds, and as requested statevector [[re, im], ...] (index =\n"
    "                   basis state, qubit 0 least significant), probabilities, counts\n"
    "                   {\"bitstring\": k} (classical bit 0 rightmost)\n"
    "  -h, --help       show this help\n"
    "\n"
    "Examples:\n"
    "  qpilot simulate resources/examples/bell.qasm --shots 1000 --seed 7\n"
    "  qpilot simulate circuit.qasm --statevector --json\n"
    "  qpilot simulate resources/examples/ghz.qasm --noise ibm_torino --shots 4000 --seed 1\n"
    "\n"
    "Exit codes:\n"
    "  0  simulated\n"
    "  1  the simulation failed\n"
    "  2  bad usage or bad input: malformed FILE, unknown device, unbound parameter, or a\n"
    "     circuit too large for the memory of this machine\n";

std::string formatProbability(double p)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(6) << p;
    return s.str();
}

int runSimulate(const QStringList& args, std::ostream& out, std::ostream& err)
{
    const char* verb = kSimulateVerb.name;
    QCommandLineParser parser;
    const QCommandLineOption shotsOpt(QStringLiteral("shots"), QString(), QStringLiteral("N"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QString(), QStringLiteral("S"));
    const QCommandLineOption noiseOpt(QStringLiteral("noise"), QString(), QStringLiteral("DEVICE"), QStringLiteral("none"));
    const QCommandLineOption methodOpt(QStringLiteral("method"), QString(), QStringLiteral("M"), QStringLiteral("auto"));
    const QCommandLineOption svOpt(QStringLiteral("statevector"));
    const QCommandLineOption probOpt(QStringLiteral("probabilities"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), QString(), QStringLiteral("T"), QStringLiteral("0"));
    const QCommandLineOption paramOpt(QStringLiteral("param"), QString(), QStringLiteral("NAME=VALUE"));
    const QCommandLineOption fromOpt(QStringLiteral("from"), QString(), QStringLiteral("FORMAT"), QStringLiteral("auto"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    parser.addOptions({shotsOpt, seedOpt, noiseOpt, methodOpt, svOpt, probOpt, threadsOpt, paramOpt, fromOpt, jsonOpt, helpOption()});
    parser.addPositionalArgument(QStringLiteral("FILE"), QString());
    if (int code = parseVerbArgs(parser, kSimulateVerb, args, out, err); code >= 0)
        return code;

    const auto method = sim::methodByName(parser.value(methodOpt).toStdString());
    if (!method)
        return reportError(err, ExitUsage, "simulate: unknown --method '" + parser.value(methodOpt).toStdString()
                                               + "' (expected auto, statevector, density or trajectories)", verb);
    bool ok = true;
    const int threads = parser.value(threadsOpt).toInt(&ok);
    if (!ok || threads < 0 || threads > 1024)
        return reportError(err, ExitUsage, "simulate: --threads must be a whole number from 0 (all cores) to 1024", verb);

    QString input;
    LoadedCircuit loaded;
    if (int code = loadFileArgument(parser, fromOpt, kSimulateVerb, err, input, loaded); code >= 0)
        return code;
    const Circuit& circuit = loaded.circuit;

    sim::SimOptions options;
    options.method = *method;
    options.threads = threads;
    const bool measures = circuitMetrics(circuit).measurements > 0;
    if (parser.isSet(shotsOpt)) {
        const qlonglong shots = parser.value(shotsOpt).toLongLong(&ok);
        if (!ok || shots < 0 || shots > 100'000'000)
            return reportError(err, ExitUsage, "simulate: --shots must be a whole number from 0 to 100000000", verb);
        options.shots = int(shots);
    } else {
        options.shots = measures ? 1024 : 0;
    }
    if (parser.isSet(seedOpt)) {
        options.seed = parser.value(seedOpt).toULongLong(&ok);
        if (!ok)
            return reportError(err, ExitUsage, "simulate: --seed must be a whole number from 0 to 18446744073709551615", verb);
    } else {
        std::random_device rd;
        options.seed = (std::uint64_t(rd()) << 32) ^ rd() ^ std::uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
    }
    for (const QString& p : parser.values(paramOpt)) {
        const int eq = p.indexOf(QLatin1Char('='));
        const double v = eq > 0 ? p.mid(eq + 1).toDouble(&ok) : 0.0;
        if (eq <= 0 || !ok || !std::isfinite(v))
            return reportError(err, ExitUsage, "simulate: --param expects NAME=VALUE with a finite number, got '" + p.toStdString() + "'", verb);
        const std::string name = p.left(eq).toStdString();
        if (std::find(circuit.parameters.begin(), circuit.parameters.end(), name) == circuit.parameters.end())
            return reportError(err, ExitUsage, "simulate: the circuit has no input parameter '" + name + "'", verb);
        options.parameters[name] = v;
    }
    for (const std::string& name : circuit.parameters)
        if (!options.parameters.count(name))
            return reportError(err, ExitUsage, "simulate: input parameter '" + name + "' needs a value: add --param " + name + "=VALUE", verb);

    NoiseModel noise;
    std::string noiseName = "none";
    const QString noiseKey = parser.value(noiseOpt);
    if (noiseKey != QLatin1String("none")) {
        auto device = findDevice(noiseKey.toStdString());
        if (!device)
            return reportError(err, ExitUsage, "simulate: " + device.error().toString());
        if (circuit.numQubits() > device->numQubits)
            return reportError(err, ExitUsage, "simulate: the circuit uses " + std::to_string(circuit.numQubits()) + " qubits; "
                                                   + device->id + " has " + std::to_string(device->numQubits));
        auto model = NoiseModel::fromDevice(device.value());
        if (!model)
            return reportError(err, ExitUsage, "simulate: " + device->id + ": " + model.error().message);
        noise = std::move(model).value();
        options.noise = &noise;
        noiseName = device->id;
    }
    // Memory guard up front, so "too large for this machine" is bad input (exit 2).
    const bool density = options.method == sim::Method::DensityMatrix
        || (options.method == sim::Method::Auto && options.noise && circuit.numQubits() <= options.densityMaxQubits);
    if (auto tooLarge = sim::checkMemory(circuit.numQubits(), density))
        return reportError(err, ExitUsage, "simulate: " + input.toStdString() + ": " + tooLarge->message);
    options.wantStatevector = parser.isSet(svOpt);
    options.wantProbabilities = parser.isSet(probOpt) || (options.shots == 0 && !options.wantStatevector);

    auto result = sim::simulate(circuit, options);
    if (!result) {
        // A state-vector request the run cannot honour is a usage error; anything else failed.
        const std::string& m = result.error().message;
        const bool usage = m.find("state vector") != std::string::npos || m.find("statevector") != std::string::npos
            || m.find(" qubits need ") != std::string::npos; // the memory guard
        
        return reportError(err, usage ? ExitUsage : ExitFailed, "simulate: " + input.toStdString() + ": " + m);
    }
    const sim::SimResult& r = result.value();
    // Outcomes are over the classical bits, or over the qubits when the circuit measures nothing.
    int width = 0;
    while ((std::size_t(1) << width) < r.probabilities.size())
        ++width;
    if (r.probabilities.empty())
        width = r.counts.empty() ? r.numQubits : int(r.counts.begin()->first.size());

    if (parser.isSet(jsonOpt)) {
        QJsonObject json{{QStringLiteral("file"), input},
                         {QStringLiteral("num_qubits"), r.numQubits},
                         {QStringLiteral("num_clbits"), r.numClbits},
                         {QStringLiteral("method"), QString::fromLatin1(sim::methodName(r.method))},
                         {QStringLiteral("seed"), QString::number(r.seed)},
                         {QStringLiteral("shots"), r.shots},
                         {QStringLiteral("noise"), QString::fromStdString(noiseName)},
                         {QStringLiteral("seconds"), r.seconds}};
        if (!r.statevector.empty()) {
            QJsonArray sv;
            for (const auto& a : r.statevector)
                sv.append(QJsonArray{a.real(), a.imag()});
            json.insert(QStringLiteral("statevector"), sv);
        }
        if (!r.probabilities.empty()) {
            QJsonArray pr;
            for (double p : r.probabilities)
                pr.append(p);
            json.insert(QStringLiteral("probabilities"), pr);
        }
        if (r.shots > 0) {
            QJsonObject counts;
            for (const auto& [bits, k] : r.counts)
                counts.insert(QString::fromStdString(bits), k);
            json.insert(QStringLiteral("counts"), counts);
        }
        out << QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }

    out << input.toStdString() << ": " << r.numQubits << " qubits, " << r.numClbits << " classical bits\n";
    out << "  method " << sim::methodName(r.method) << ", noise " << noiseName << ", seed " << r.seed << ", "
        << std::fixed << std::setprecision(3) << r.seconds * 1e3 << " ms\n";
    if (!r.statevector.empty()) {
        out << "State vector (basis state with qubit 0 rightmost: amplitude):\n";
        int shown = 0;
        for (size_t i = 0; i < r.statevector.size(); ++i) {
            if (std::abs(r.statevector[i]) < 1e-12)
                continue;
            if (++shown > 64) {
                out << "  ... (" << r.statevector.size() << " amplitudes; use --json for all)\n";
                break;
            }
            out << "  |" << sim::bitstring(i, r.numQubits) << ">  " << std::showpos << std::setprecision(6)
                << r.statevector[i].real() << " " << r.statevector[i].imag() << "i" << std::noshowpos << "\n";
        }
    }
    if (!r.probabilities.empty()) {
        out << "Probabilities (" << (measures ? "classical bits" : "qubits") << ", bit 0 rightmost):\n";
        int shown = 0;
        for (size_t i = 0; i < r.probabilities.size(); ++i) {
            if (r.probabilities[i] < 1e-12)
                continue;
            if (++shown > 64) {
                out << "  ... (use --json for all)\n";
                break;
            }
            out << "  " << sim::bitstring(i, width) << "  " << formatProbability(r.probabilities[i]) << "\n";
        }
    }
    if (r.shots > 0) {
        out << "Counts over " << r.shots << " shots (classical bit 0 rightmost):\n";
        std::vector<std::pair<std::string, int>> sorted(r.counts.begin(), r.counts.end());
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
        const int maxCount = sorted.empty() ? 1 : sorted.front().second;
        int shown = 0;
        for (const auto& [bits, k] : sorted) {
            if (++shown > 32) {
                out << "  ... " << sorted.size() << " distinct outcomes (use --json for all)\n";
                break;
            }
            out << "  " << bits << "  " << std::setw(8) << k << "  " << std::string(size_t(std::lround(40.0 * k / maxCount)), '#') << "\n";
        }
    }
    return ExitOk;
}

} // namespace

const Verb kSimulateVerb = {
    "simulate",
    "run a circuit on the embedded simulator (ideal or with a device's noise)",
    "simulate FILE [--shots N] [--seed S] [--noise none|DEVICE] [--method M] [--statevector] [--json]",
    kUsage,
    &runSimulate,
};

} // namespace qpilot::cli
