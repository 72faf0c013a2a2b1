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
    "  2  bad usage or input: unknown device or technique, a bad observable (length or letters), bad\n"
    "     factors, more than 12 qubits or more than the device has, PEC whose gamma^2 exceeds the cap\n"
    "     (the message gives gamma^2)\n";

std::string num(double v, int precision = 6)
{
    std::ostringstream s;
    s << std::setprecision(precision) << v;
    return s.str();
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
            auto f = parseNumberList(parser.value(factorsOpt));
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
    mitigation::SimulatorRunOptions runOptions;
    runOptions.shots = shots;
    runOptions.seed = seed;
    runOptions.pec = pecOptions;
    runOptions.twirlRandomizations = randomizations;
    auto reportResult = mitigation::mitigateOnSimulator(loaded.circuit, device, parser.value(obsOpt).toStdString(),
                                                        plan, runOptions);
    if (!reportResult)
        return reportError(err, ExitUsage, file + ": " + reportResult.error().message);
    const mitigation::MitigationReport& report = reportResult.value();
    const double ideal = report.ideal;
    const mitigation::Measurement& noisy = report.noisy;
    const std::string& pauli = report.observable;
    const int n = report.qubits;

    std::vector<TechniqueRun> runs;
    for (const mitigation::TechniqueReport& r : report.techniques) {
        TechniqueRun t;
        t.name = r.technique;
        t.effect = r.effect;
        t.predicted = r.predicted;
        t.notes = r.notes;
        if (r.readout) {
            const char* method = r.readout->method == mitigation::ReadoutMethod::Full       ? "full"
                                 : r.readout->method == mitigation::ReadoutMethod::Tensored ? "tensored"
                                                                                              : "subspace";
            t.detail = QJsonObject{{QStringLiteral("method"), QString::fromLatin1(method)},
                                   {QStringLiteral("readout_fidelity"), mitigation::readoutFidelity(*r.readout, r.readout->qubits)}};
            t.detailLines.push_back(std::string("method ") + method + ", calibration " + std::to_string(r.readout->circuits)
                                    + " circuits, " + std::to_string(r.readout->shots)
                                    + " shots; the other techniques read through this correction");
        }
        if (r.zne) {
            const mitigation::ZneResult& z = *r.zne;
            t.detail = QJsonObject{{QStringLiteral("requested_factors"), array(z.requestedFactors)},
                                   {QStringLiteral("factors"), array(z.factors)},
                                   {QStringLiteral("values"), array(z.values)},
                                   {QStringLiteral("std_errors"), array(z.stdErrors)},
                                   {QStringLiteral("extrapolator"), QString::fromStdString(z.extrapolation.method)},
                                   {QStringLiteral("folding"), QString::fromLatin1(mitigation::foldingName(plan.zne->folding))},
                                   {QStringLiteral("weights"), array(z.extrapolation.weights)}};
            std::string line = "folding " + std::string(mitigation::foldingName(plan.zne->folding)) + ", extrapolator "
                               + z.extrapolation.method + "; lambda -> <P>:";
            for (std::size_t i = 0; i < z.factors.size(); ++i)
                line += "  " + num(z.factors[i], 4) + " -> " + fixed(z.values[i], 5)
                        + (shots > 0 ? " +/- " + fixed(z.stdErrors[i], 5) : "");
            t.detailLines.push_back(line);
            std::string weights = "weights";
            for (double w : z.extrapolation.weights)
                weights += " " + num(w, 5);
            t.detailLines.push_back(weights);
        }
        if (r.pec) {
            const mitigation::PecResult& p = *r.pec;
            t.detail = QJsonObject{{QStringLiteral("gamma"), p.gamma},
                                   {QStringLiteral("gamma_squared"), p.gammaSquared},
                                   {QStringLiteral("samples"), p.samples},
                                   {QStringLiteral("negative_samples"), p.negativeSamples},
                                   {QStringLiteral("represented_gates"), r.pecRepresentedGates}};
            t.detailLines.push_back("gamma " + num(p.gamma, 6) + ", gamma^2 " + num(p.gammaSquared, 6) + ", "
                                    + std::to_string(p.samples) + " samples (" + std::to_string(p.negativeSamples)
                                    + " negative), " + std::to_string(r.pecRepresentedGates) + " noisy gates represented");
        }
        if (r.twirl) {
            t.detail = QJsonObject{{QStringLiteral("instances"), r.twirl->instances},
                                   {QStringLiteral("twirled_gates"), r.twirl->twirledGates}};
            t.detailLines.push_back(std::to_string(r.twirl->instances) + " instances, "
                                    + std::to_string(r.twirl->twirledGates) + " two-qubit gates twirled per instance");
        }
        if (r.ddSequence) {
            const bool xx = *r.ddSequence == mitigation::DDSequence::XX;
            t.detail = QJsonObject{{QStringLiteral("sequence"), xx ? "xx" : "xy4"},
                                   {QStringLiteral("windows_filled"), r.ddFilled},
                                   {QStringLiteral("windows_skipped"), r.ddSkipped},
                                   {QStringLiteral("pulses"), r.ddPulses},
                                   {QStringLiteral("sequence_seconds"), r.ddSequenceSeconds}};
            t.detailLines.push_back(std::string(xx ? "XX" : "XY4") + ": " + std::to_string(r.ddFilled)
                                    + " idle windows filled, " + std::to_string(r.ddSkipped) + " too short, "
                                    + std::to_string(r.ddPulses) + " pulses");
        }
        runs.push_back(std::move(t));
    }

    const std::string& placement = report.placement;
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
                         {QStringLiteral("noise_model"), QString::fromStdString(report.noiseDescription)},
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
    out << "placement: " << placement << "\nnoise:     " << report.noiseDescription << "\n\n";
    auto pm = [&](double se) { return shots > 0 || se > 0 ? " +/- " + fixed(se, 5) : std::string(); };
    out << "  ideal      " << fixed(ideal, 6) << "\n";
    out << "  noisy      " << fixed(noisy.value, 6) << pm(std::sqrt(noisy.variance)) << "   bias " << fixed(noisy.value - ideal, 6)
        << "\n";
    for (const TechniqueRun& t : runs) {
        const mitigation::Effect& e = t.effect;
        const double removed = std::abs(e.biasBefore()) - std::abs(e.biasAfter());
        out << "\n  " << std::left << std::setw(10) << t.name << " " << fixed(e.mitigated, 6) << pm(e.mitigatedStdError)
            << "   bias " << fixed(e.biasAfter(), 6) << ", removed " << fixed(removed, 6);
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
