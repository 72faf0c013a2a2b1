// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/mitigate.cpp — `qpilot mitigate FILE --device ID --observable PAULI --technique LIST`:
// runs the circuit on the noisy simulator with the device's noise model (logical qubit i on
// physical qubit i, no routing) and prints the ideal, noisy and mitigated ⟨PAULI⟩ per technique
// (core/mitigation: rem, zne, pec, twirl, dd), the bias removed, the standard error, ZNE's
// per-factor values, and the overhead spent next to overheadFor's prediction for the
// transpiled circuit. docs/mitigation.md explains every technique.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/circuit/circuit_file.h"
#include "core/device/device.h"
#include "core/mitigation/mitigation.h"
#include "core/noise/noise.h"
#include "core/transpile/transpile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <iomanip>
#include <sstream>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot mitigate FILE --device ID|PROFILE.json --observable PAULI --technique LIST\n"
    "                       [--zne-factors 1,3,5] [--extrapolator richardson|linear|exponential|poly:M]\n"
    "                       [--folding 2q|global|local] [--shots N] [--seed S] [--pec-max-overhead X]\n"
    "                       [--pec-samples N] [--twirl-randomizations R] [--from FORMAT] [--json]\n"
    "\n"
    "Runs error mitigation on the noisy simulator and shows what it bought and what it cost: the\n"
    "circuit runs with the device's noise model (gate errors, T1/T2 relaxation, readout errors from\n"
    "its profile; logical qubit i on physical qubit i, no routing; density matrix, up to 12 qubits).\n"
    "Prints the ideal value (noiseless state vector), the noisy value and, per technique, the\n"
    "mitigated value, its standard error, the bias removed, and the circuits and shots spent next to\n"
    "the overhead predicted for the transpiled circuit (as 'qpilot estimate' computes it).\n"
    "Details and formulas: docs/mitigation.md.\n"
    "\n"
    "Options:\n"
    "  --device D                 device id ('qpilot devices') or profile JSON (required)\n"
    "  --observable PAULI         one of I, X, Y, Z per qubit, qubit 0 rightmost, e.g. ZZZZ (required)\n"
    "  --technique LIST           zne | pec | rem[:full|tensored|subspace] | twirl | dd[:xx|xy4], or a\n"
    "                             comma-separated list (each reported on its own; with rem in the list\n"
    "                             the other techniques also read through its readout correction)\n"
    "  --zne-factors L            noise scale factors, >= 1, distinct (default 1,3,5)\n"
    "  --extrapolator E           richardson (default) | linear | exponential | poly:M\n"
    "  --folding F                2q (default, IBM: two-qubit gates only) | global | local\n"
    "  --shots N                  shots per circuit, 0 = exact probabilities (default 10000)\n"
    "  --seed S                   seed of every random draw (default 0)\n"
    "  --pec-max-overhead X       refuse PEC when gamma^2 exceeds X (default 100, as Qiskit)\n"
    "  --pec-samples N            PEC samples (default: Mitiq's (gamma/0.03)^2)\n"
    "  --twirl-randomizations R   twirled instances (default: Qiskit's automatic rule)\n"
    "  --from FORMAT              auto | qasm2 | qasm3 | braket | ionq (default auto)\n"
    "  --json                     one JSON object (keys in docs/mitigation.md)\n"
    "  -h, --help                 show this help\n"
    "\n"
    "Examples:\n"
    "  qpilot mitigate resources/examples/ghz.qasm --device ibm_torino --observable ZZZZ --technique zne\n"
    "  qpilot mitigate ghz.qasm --device ibm_fez --observable ZZZZ --technique rem,zne,pec --shots 0\n"
    "\n"
    "Exit codes:\n"
    "  0  mitigated\n"
    "  1  the simulation failed\n"
    "  2  bad usage or input: unknown device or technique, a bad observable (length or letters), bad\n"
    "     factors, more than 12 qubits or more than the device has, PEC whose gamma^2 exceeds the cap\n"
    "     (the message gives gamma^2)\n";

std::string num(double v, int precision = 6)
{
    std::ostringstream s;
    s << std::setprecision(precision) << v;
    return s.str();
}

std::string fixed(double v, int digits = 6)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << v;
    return s.str();
}

std::optional<std::vector<double>> parseFactors(const QString& text)
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

QJsonArray array(const std::vector<double>& v)
{
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

struct TechniqueRun {
    std::string name;
    mitigation::Effect effect;
    std::optional<mitigation::Overhead> predicted;
    std::vector<std::string> notes;
    QJsonObject detail;
    std::vector<std::string> detailLines;
};

QJsonObject predictedJson(const std::optional<mitigation::Overhead>& o)
{
    if (!o)
        return {};
    QJsonObject j{{QStringLiteral("circuits"), o->circuits},
                  {QStringLiteral("shot_multiplier"), o->shotMultiplier},
                  {QStringLiteral("executions_configured"), double(o->executionsConfigured)},
                  {QStringLiteral("executions_equal_precision"), double(o->executionsEqualPrecision)},
                  {QStringLiteral("calibration_circuits"), double(o->calibrationCircuits)},
                  {QStringLiteral("calibration_shots"), double(o->calibrationShots)},
                  {QStringLiteral("depth_multiplier"), o->depthMultiplier}};
    if (o->gammaSquared)
        j.insert(QStringLiteral("gamma_squared"), *o->gammaSquared);
    return j;
}

int runMitigate(const QStringList& args, std::ostream& out, std::ostream& err)
{
    const char* verb = kMitigateVerb.name;
    QCommandLineParser parser;
    auto value = [](const char* name, const char* def = nullptr) {
        return def ? QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("V"), QString::fromLatin1(def))
                   : QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("V"));
    };
    const QCommandLineOption deviceOpt = value("device"), obsOpt = value("observable"), techOpt = value("technique"),
                             factorsOpt = value("zne-factors"), extraOpt = value("extrapolator"),
                             foldOpt = value("folding"), shotsOpt = value("shots", "10000"), seedOpt = value("seed", "0"),
                             capOpt = value("pec-max-overhead"), samplesOpt = value("pec-samples"),
                             randOpt = value("twirl-randomizations"), fromOpt = value("from", "auto");
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    parser.addOptions({deviceOpt, obsOpt, techOpt, factorsOpt, extraOpt, foldOpt, shotsOpt, seedOpt, capOpt, samplesOpt,
                       randOpt, fromOpt, jsonOpt, helpOption()});
    parser.addPositionalArgument(QStringLiteral("FILE"), QString());
    if (int code = parseVerbArgs(parser, kMitigateVerb, args, out, err); code >= 0)
        return code;
    auto usage = [&](const std::string& m) { return reportError(err, ExitUsage, "mitigate: " + m, verb); };

    bool ok = false;
    if (!parser.isSet(deviceOpt) || parser.value(deviceOpt).isEmpty())
        return usage("--device is required (an id from 'qpilot devices' or a profile JSON file)");
    if (!parser.isSet(obsOpt))
        return usage("--observable is required (a Pauli string such as ZZZZ, qubit 0 rightmost)");
    if (!parser.isSet(techOpt))
        return usage("--technique is required (zne, pec, rem, twirl, dd or a comma-separated list)");
    const QStringList techniques = parser.value(techOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (techniques.isEmpty())
        return usage("--technique is empty");
    for (const QString& t : techniques) {
        const QString head = t.trimmed().section(QLatin1Char(':'), 0, 0);
        if (head != QLatin1String("zne") && head != QLatin1String("pec") && head != QLatin1String("rem")
            && head != QLatin1String("twirl") && head != QLatin1String("dd"))
            return usage("unknown technique '" + t.toStdString() + "' (expected zne, pec, rem, twirl or dd)");
    }
    auto planResult = mitigation::parsePlan(parser.value(techOpt).toStdString());
    if (!planResult)
        return usage("--technique: " + planResult.error().message);
    mitigation::MitigationPlan plan = planResult.value();
    if (parser.isSet(factorsOpt) || parser.isSet(extraOpt) || parser.isSet(foldOpt)) {
        if (!plan.zne)
            return usage("--zne-factors, --extrapolator and --folding need 'zne' in --technique");
        if (parser.isSet(factorsOpt)) {
            auto f = parseFactors(parser.value(factorsOpt));
            if (!f)
                return usage("--zne-factors must be comma-separated numbers such as 1,3,5");
            plan.zne->scaleFactors = *f;
        }
        if (parser.isSet(extraOpt)) {
            auto e = mitigation::parseExtrapolator(parser.value(extraOpt).toStdString());
            if (!e)
                return usage("--extrapolator: " + e.error().message);
            plan.zne->extrapolator = e->first;
            plan.zne->order = e->second;
        }
        if (parser.isSet(foldOpt)) {
            const QString f = parser.value(foldOpt);
            if (f == QLatin1String("2q"))
                plan.zne->folding = mitigation::Folding::TwoQubitOnly;
            else if (f == QLatin1String("global"))
                plan.zne->folding = mitigation::Folding::Global;
            else if (f == QLatin1String("local"))
                plan.zne->folding = mitigation::Folding::Local;
            else
                return usage("unknown --folding '" + f.toStdString() + "' (expected 2q, global or local)");
        }
    }
    if (plan.zne) {
        auto w = mitigation::extrapolationWeights(plan.zne->scaleFactors,
                                                  plan.zne->extrapolator == mitigation::Extrapolator::Exponential
                                                      ? mitigation::Extrapolator::Linear
                                                      : plan.zne->extrapolator,
                                                  plan.zne->order);
        if (!w)
            return usage("--zne-factors: " + w.error().message);
    }
    mitigation::PecOptions pecOptions;
    if (parser.isSet(capOpt)) {
        if (!plan.pec)
            return usage("--pec-max-overhead needs 'pec' in --technique");
        pecOptions.maxOverhead = parser.value(capOpt).toDouble(&ok);
        if (!ok || !(pecOptions.maxOverhead >= 1))
            return usage("--pec-max-overhead must be a number >= 1");
        plan.pec->maxOverhead = pecOptions.maxOverhead;
    }
    if (parser.isSet(samplesOpt)) {
        pecOptions.samples = parser.value(samplesOpt).toInt(&ok);
        if (!ok || pecOptions.samples < 1)
            return usage("--pec-samples must be a whole number >= 1");
    }
    int randomizations = 0;
    if (parser.isSet(randOpt)) {
        randomizations = parser.value(randOpt).toInt(&ok);
        if (!ok || randomizations < 1)
            return usage("--twirl-randomizations must be a whole number >= 1");
        plan.twirl = mitigation::TwirlPlan{randomizations};
    }
    const int shots = parser.value(shotsOpt).toInt(&ok);
    if (!ok || shots < 0)
        return usage("--shots must be a whole number >= 0 (0 = exact probabilities)");
    const std::uint64_t seed = parser.value(seedOpt).toULongLong(&ok);
    if (!ok)
        return usage("--seed must be a whole number from 0 to 18446744073709551615");

    QString input;
    LoadedCircuit loaded;
    if (int code = loadFileArgument(parser, fromOpt, kMitigateVerb, err, input, loaded); code >= 0)
        return code;
    auto found = findDevice(parser.value(deviceOpt).toStdString());
    if (!found)
        return reportError(err, ExitUsage, "mitigate: " + found.error().toString());
    const DeviceProfile device = std::move(found).value();
    const std::string file = input.toStdString();
    auto unitaryResult = mitigation::unitaryPart(loaded.circuit);
    if (!unitaryResult)
        return reportError(err, ExitUsage, file + ": " + unitaryResult.error().message);
    const Circuit unitary = std::move(unitaryResult).value();
    const int n = unitary.numQubits();
    if (n > device.numQubits)
        return reportError(err, ExitUsage, file + ": " + std::to_string(n) + " qubits do not fit " + device.id + " ("
                                               + std::to_string(device.numQubits) + " qubits)");
    if (n > 12)
        return reportError(err, ExitUsage, file + ": " + std::to_string(n)
                                               + " qubits; mitigate simulates density matrices up to 12 qubits");
    auto pauliResult = mitigation::checkPauli(parser.value(obsOpt).toStdString(), n);
    if (!pauliResult)
        return usage("--observable: " + pauliResult.error().message);
    const std::string pauli = pauliResult.value();
    auto noiseResult = NoiseModel::fromDevice(device);
    if (!noiseResult)
        return reportError(err, ExitUsage, "mitigate: " + device.id + ": " + noiseResult.error().message);
    const NoiseModel& noise = noiseResult.value();

    // The prediction: overheadFor on the transpiled circuit's figures, one technique at a time.
    auto transpiled = transpile(loaded.circuit, device);
    if (!transpiled)
        return reportError(err, ExitUsage, file + ": cannot transpile for " + device.id + ": " + transpiled.error().message);
    const mitigation::CircuitFigures figures = mitigation::figuresOf(transpiled.value(), device);
    auto predict = [&](mitigation::MitigationPlan single) -> Result<mitigation::Overhead> {
        single.learning = plan.learning;
        return mitigation::overheadFor(single, figures, std::max(shots, 1));
    };

    auto failed = [&](const std::string& what, const Error& e) {
        return reportError(err, ExitFailed, "mitigate: " + what + ": " + e.message);
    };
    const double ideal = mitigation::idealExpectation(unitary, pauli).value();
    mitigation::Backend raw{&noise, shots, seed, nullptr};
    auto noisyResult = mitigation::measurePauli(unitary, pauli, raw, 0);
    if (!noisyResult)
        return failed("noisy run", noisyResult.error());
    const mitigation::Measurement noisy = noisyResult.value();
    // The baseline each technique is judged against: the noisy value, or with rem in the list
    // (whose correction the other techniques read through) the readout-corrected noisy value.
    mitigation::Measurement baseline = noisy;
    auto baseEffect = [&]() {
        mitigation::Effect e;
        e.ideal = ideal;
        e.noisy = baseline.value;
        e.noisyStdError = std::sqrt(baseline.variance);
        return e;
    };

    std::vector<TechniqueRun> runs;
    std::optional<mitigation::ReadoutCalibration> calibration;
    mitigation::Backend backend = raw;
    if (plan.readout) {
        std::vector<int> all;
        for (int q = 0; q < n; ++q)
            all.push_back(q);
        auto cal = mitigation::calibrateReadout(n, all, plan.readout->method, noise,
                                                shots > 0 ? int(plan.readout->calibrationShots) : 0,
                                                mitigation::deriveSeed(seed, 77));
        if (!cal)
            return reportError(err, ExitUsage, "mitigate: rem: " + cal.error().message);
        calibration = std::move(cal).value();
        backend.readout = &*calibration;
        auto m = mitigation::measurePauli(unitary, pauli, backend, 0); // the noisy run's data, corrected
        if (!m)
            return failed("rem", m.error());
        TechniqueRun t;
        t.name = "rem";
        t.effect = baseEffect();
        t.effect.mitigated = m.value().value;
        t.effect.mitigatedStdError = std::sqrt(m.value().variance);
        t.effect.circuits = 1;
        t.effect.shots = shots;
        t.effect.calibrationCircuits = calibration->circuits;
        t.effect.calibrationShots = calibration->shots;
        mitigation::MitigationPlan single;
        single.readout = plan.readout;
        if (auto p = predict(single))
            t.predicted = p.value();
        const char* method = plan.readout->method == mitigation::ReadoutMethod::Full       ? "full"
                             : plan.readout->method == mitigation::ReadoutMethod::Tensored ? "tensored"
                                                                                             : "subspace";
        t.detail = QJsonObject{{QStringLiteral("method"), QString::fromLatin1(method)},
                               {QStringLiteral("readout_fidelity"), mitigation::readoutFidelity(*calibration, all)}};
        t.detailLines.push_back(std::string("method ") + method + ", calibration " + std::to_string(calibration->circuits)
                                + " circuits x " + std::to_string(shots > 0 ? plan.readout->calibrationShots : 0)
                                + " shots; the other techniques read through this correction");
        runs.push_back(std::move(t));
        baseline = m.value();
    }
    auto readoutNote = [&](TechniqueRun& t) {
        if (calibration)
            t.notes.push_back("reads through rem's correction; bias before = the readout-corrected noisy value "
                              + fixed(baseline.value));
    };
    if (plan.zne) {
        auto z = mitigation::runZne(unitary, pauli, *plan.zne, backend);
        if (!z)
            return reportError(err, ExitUsage, "mitigate: zne: " + z.error().message);
        const mitigation::ZneResult& r = z.value();
        TechniqueRun t;
        t.name = "zne";
        t.effect = baseEffect();
        readoutNote(t);
        t.effect.mitigated = r.extrapolation.estimate;
        t.effect.mitigatedStdError = r.extrapolation.stdError;
        t.effect.circuits = r.circuits;
        t.effect.shots = r.shots;
        mitigation::MitigationPlan single;
        single.zne = plan.zne;
        if (auto p = predict(single))
            t.predicted = p.value();
        if (!r.extrapolation.note.empty())
            t.notes.push_back(r.extrapolation.note);
        t.detail = QJsonObject{{QStringLiteral("requested_factors"), array(r.requestedFactors)},
                               {QStringLiteral("factors"), array(r.factors)},
                               {QStringLiteral("values"), array(r.values)},
                               {QStringLiteral("std_errors"), array(r.stdErrors)},
                               {QStringLiteral("extrapolator"), QString::fromStdString(r.extrapolation.method)},
                               {QStringLiteral("folding"), QString::fromLatin1(mitigation::foldingName(plan.zne->folding))},
                               {QStringLiteral("weights"), array(r.extrapolation.weights)}};
        std::string line = "folding " + std::string(mitigation::foldingName(plan.zne->folding)) + ", extrapolator "
                           + r.extrapolation.method + "; lambda -> <P>:";
        for (std::size_t i = 0; i < r.factors.size(); ++i)
            line += "  " + num(r.factors[i], 4) + " -> " + fixed(r.values[i], 5) + (shots > 0 ? " +/- " + fixed(r.stdErrors[i], 5) : "");
        t.detailLines.push_back(line);
        std::string weights = "weights";
        for (double w : r.extrapolation.weights)
            weights += " " + num(w, 5);
        t.detailLines.push_back(weights);
        runs.push_back(std::move(t));
    }
    if (plan.pec) {
        mitigation::PecRepresentation rep;
        auto p = mitigation::runPec(unitary, pauli, pecOptions, backend, &rep);
        if (!p)
            return reportError(err, ExitUsage, "mitigate: pec: " + p.error().message);
        const mitigation::PecResult& r = p.value();
        TechniqueRun t;
        t.name = "pec";
        t.effect = baseEffect();
        readoutNote(t);
        t.effect.mitigated = r.estimate;
        t.effect.mitigatedStdError = r.stdError;
        t.effect.circuits = r.circuits;
        t.effect.shots = r.shots;
        mitigation::MitigationPlan single;
        single.pec = plan.pec;
        if (auto pr = predict(single))
            t.predicted = pr.value();
        else
            t.notes.push_back("prediction for the transpiled circuit: " + pr.error().message);
        t.notes.push_back("quasi-probabilities from each gate's process infidelity under the device noise model "
                          "(depolarizing representation; relaxation is not Pauli noise, so a small bias can remain)");
        t.detail = QJsonObject{{QStringLiteral("gamma"), r.gamma},
                               {QStringLiteral("gamma_squared"), r.gammaSquared},
                               {QStringLiteral("samples"), r.samples},
                               {QStringLiteral("negative_samples"), r.negativeSamples},
                               {QStringLiteral("represented_gates"), int(rep.gates.size())}};
        t.detailLines.push_back("gamma " + num(r.gamma, 6) + ", gamma^2 " + num(r.gammaSquared, 6) + ", "
                                + std::to_string(r.samples) + " samples (" + std::to_string(r.negativeSamples)
                                + " negative), " + std::to_string(rep.gates.size()) + " noisy gates represented");
        runs.push_back(std::move(t));
    }
    if (plan.twirl) {
        auto tw = mitigation::runTwirl(unitary, pauli, randomizations, backend);
        if (!tw)
            return reportError(err, ExitUsage, "mitigate: twirl: " + tw.error().message);
        TechniqueRun t;
        t.name = "twirl";
        t.effect = baseEffect();
        readoutNote(t);
        t.effect.mitigated = tw.value().estimate;
        t.effect.mitigatedStdError = tw.value().stdError;
        t.effect.circuits = tw.value().circuits;
        t.effect.shots = tw.value().shots;
        mitigation::MitigationPlan single;
        single.twirl = plan.twirl;
        if (auto p = predict(single))
            t.predicted = p.value();
        t.notes.push_back("twirling turns noise into Pauli noise; it removes no bias by itself (it is what PEC/PEA assume)");
        t.detail = QJsonObject{{QStringLiteral("instances"), tw.value().instances},
                               {QStringLiteral("twirled_gates"), tw.value().twirledGates}};
        t.detailLines.push_back(std::to_string(tw.value().instances) + " instances, "
                                + std::to_string(tw.value().twirledGates) + " two-qubit gates twirled per instance");
        runs.push_back(std::move(t));
    }
    if (plan.dd) {
        auto d = mitigation::insertDynamicalDecoupling(unitary, device, *plan.dd);
        if (!d)
            return reportError(err, ExitUsage, "mitigate: dd: " + d.error().message);
        auto m = mitigation::measurePauli(d.value().circuit, pauli, backend, 0);
        if (!m)
            return failed("dd", m.error());
        TechniqueRun t;
        t.name = "dd";
        t.effect = baseEffect();
        readoutNote(t);
        t.effect.mitigated = m.value().value;
        t.effect.mitigatedStdError = std::sqrt(m.value().variance);
        t.effect.circuits = 1;
        t.effect.shots = m.value().shots;
        mitigation::MitigationPlan single;
        single.dd = plan.dd;
        if (auto p = predict(single))
            t.predicted = p.value();
        t.notes.push_back("the simulator has no idle-time noise, so DD cannot help here; the pulses' own gate noise shows");
        t.detail = QJsonObject{{QStringLiteral("sequence"), *plan.dd == mitigation::DDSequence::XX ? "xx" : "xy4"},
                               {QStringLiteral("windows_filled"), int(d.value().filled.size())},
                               {QStringLiteral("windows_skipped"), d.value().skippedWindows},
                               {QStringLiteral("pulses"), d.value().pulses},
                               {QStringLiteral("sequence_seconds"), d.value().sequenceDuration}};
        t.detailLines.push_back(std::string(*plan.dd == mitigation::DDSequence::XX ? "XX" : "XY4") + ": "
                                + std::to_string(d.value().filled.size()) + " idle windows filled, "
                                + std::to_string(d.value().skippedWindows) + " too short, "
                                + std::to_string(d.value().pulses) + " pulses");
        runs.push_back(std::move(t));
    }

    const std::string placement = "logical qubit i on physical qubit i of " + device.id + " (no routing)";
    if (parser.isSet(jsonOpt)) {
        QJsonArray list;
        for (const TechniqueRun& t : runs) {
            QJsonArray notes;
            for (const std::string& s : t.notes)
                notes.append(QString::fromStdString(s));
            const mitigation::Effect& e = t.effect;
            list.append(QJsonObject{
                {QStringLiteral("technique"), QString::fromStdString(t.name)},
                {QStringLiteral("mitigated"), e.mitigated},
                {QStringLiteral("std_error"), e.mitigatedStdError},
                {QStringLiteral("bias_before"), e.biasBefore()},
                {QStringLiteral("bias_after"), e.biasAfter()},
                {QStringLiteral("bias_removed"), std::abs(e.biasBefore()) - std::abs(e.biasAfter())},
                {QStringLiteral("spent"), QJsonObject{{QStringLiteral("circuits"), double(e.circuits)},
                                                      {QStringLiteral("shots"), double(e.shots)},
                                                      {QStringLiteral("calibration_circuits"), double(e.calibrationCircuits)},
                                                      {QStringLiteral("calibration_shots"), double(e.calibrationShots)}}},
                {QStringLiteral("predicted"), predictedJson(t.predicted)},
                {QStringLiteral("details"), t.detail},
                {QStringLiteral("notes"), notes}});
        }
        QJsonObject root{{QStringLiteral("file"), input},
                         {QStringLiteral("device"), QString::fromStdString(device.id)},
                         {QStringLiteral("observable"), QString::fromStdString(pauli)},
                         {QStringLiteral("qubits"), n},
                         {QStringLiteral("shots"), shots},
                         {QStringLiteral("seed"), QString::number(seed)},
                         {QStringLiteral("placement"), QString::fromStdString(placement)},
                         {QStringLiteral("noise_model"), QString::fromStdString(noise.description)},
                         {QStringLiteral("ideal"), ideal},
                         {QStringLiteral("noisy"), QJsonObject{{QStringLiteral("value"), noisy.value},
                                                               {QStringLiteral("std_error"), std::sqrt(noisy.variance)},
                                                               {QStringLiteral("bias"), noisy.value - ideal}}},
                         {QStringLiteral("techniques"), list}};
        out << QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }
    out << "qpilot mitigate " << file << " on " << device.id << ": <" << pauli << ">, "
        << (shots > 0 ? std::to_string(shots) + " shots" : std::string("exact probabilities")) << ", seed " << seed << "\n";
    out << "placement: " << placement << "\nnoise:     " << noise.description << "\n\n";
    auto pm = [&](double se) { return shots > 0 ? " +/- " + fixed(se, 5) : std::string(); };
    out << "  ideal      " << fixed(ideal) << "\n";
    out << "  noisy      " << fixed(noisy.value) << pm(std::sqrt(noisy.variance)) << "   bias " << fixed(noisy.value - ideal)
        << "\n";
    for (const TechniqueRun& t : runs) {
        const mitigation::Effect& e = t.effect;
        const double removed = std::abs(e.biasBefore()) - std::abs(e.biasAfter());
        out << "\n  " << std::left << std::setw(10) << t.name << " " << fixed(e.mitigated) << pm(e.mitigatedStdError)
            << "   bias " << fixed(e.biasAfter()) << ", removed " << fixed(removed);
        if (std::abs(e.biasBefore()) > 0)
            out << " (" << num(100 * removed / std::abs(e.biasBefore()), 3) << "% of |bias|)";
        out << "\n";
        for (const std::string& l : t.detailLines)
            out << "             " << l << "\n";
        out << "             spent: " << e.circuits << " circuit(s), " << e.shots << " shots";
        if (e.calibrationCircuits > 0)
            out << " + calibration " << e.calibrationCircuits << " circuits, " << e.calibrationShots << " shots";
        out << "\n";
        if (t.predicted) {
            const mitigation::Overhead& o = *t.predicted;
            out << "             predicted (transpiled, overheadFor): " << o.circuits << " circuit(s), shot multiplier "
                << num(o.shotMultiplier, 5) << ", " << o.executionsConfigured << " executions configured / "
                << o.executionsEqualPrecision << " at equal precision";
            if (o.calibrationCircuits > 0)
                out << ", calibration " << o.calibrationCircuits << " circuits, " << o.calibrationShots << " shots";
            if (o.gammaSquared)
                out << ", gamma^2 " << num(*o.gammaSquared, 5);
            out << "\n";
        }
        for (const std::string& s : t.notes)
            out << "             note: " << s << "\n";
    }
    return ExitOk;
}

} // namespace

const Verb kMitigateVerb = {
    "mitigate",
    "run error mitigation (rem, zne, pec, twirl, dd) on the noisy simulator: bias removed and overhead",
    "mitigate FILE --device ID --observable PAULI --technique LIST [--shots N] [--json]",
    kUsage,
    &runMitigate,
};

} // namespace qpilot::cli
