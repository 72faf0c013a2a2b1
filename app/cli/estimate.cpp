// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/estimate.cpp — `qpilot estimate FILE --device ID --shots N ...`: transpiles the circuit
// for the device, then prints the mitigation overhead (core/mitigation), QPU seconds, cost per
// inference and per 1k under the device's price row and under every provider/plan, latency,
// the classical baseline and the break-even analysis (core/cost); --all-providers adds every
// shipped device. docs/cost-model.md explains every formula.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/circuit/circuit_file.h"
#include "core/cost/cost.h"
#include "core/device/device.h"
#include "core/mitigation/mitigation.h"
#include "core/transpile/transpile.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot estimate FILE --device ID|PROFILE.json --shots N [--mitigation LIST]\n"
    "                       [--zne-factors 1,3,5] [--extrapolator richardson|linear|exponential|poly:M]\n"
    "                       [--folding 2q|global|local|pea] [--allocation optimal|equal]\n"
    "                       [--pec-max-overhead X] [--precision equal|configured]\n"
    "                       [--inferences K] [--circuits-per-inference C] [--plan PLAN]\n"
    "                       [--ionq-em on|off] [--aqt-minimum] [--prices FILE]...\n"
    "                       [--queue-seconds S] [--classical-throughput X] [--classical-usd-per-hour P]\n"
    "                       [--target-cost-per-1k USD] [--level L] [--seed S] [--all-providers]\n"
    "                       [--from FORMAT] [--json]\n"
    "\n"
    "Estimates what running a circuit costs: transpiles FILE for the device (counts, 2q depth,\n"
    "duration, success estimate), applies the mitigation plan's overhead (extra circuits, shot\n"
    "multiplier for equal precision, calibration, folding depth, executions), prices a batch of K\n"
    "inferences (one job / one set of tasks) with the dated price tables (resources/prices), and\n"
    "compares with a classical baseline. Formulas: docs/cost-model.md.\n"
    "\n"
    "Options:\n"
    "  --device D                 device id ('qpilot devices') or profile JSON (required)\n"
    "  --shots N                  shots per circuit, >= 1 (required)\n"
    "  --mitigation LIST          none | rem[:full|tensored|subspace] | trex | zne | pec | twirl |\n"
    "                             dd[:xx|xy4], or a comma-separated list (default none)\n"
    "  --zne-factors L            noise scale factors, >= 1, distinct (default 1,3,5)\n"
    "  --extrapolator E           richardson (default) | linear | exponential | poly:M\n"
    "  --folding F                2q (default, IBM) | global | local | pea (IBM noise amplification +\n"
    "                             layer learning)\n"
    "  --allocation A             ZNE shots over factors: optimal (default, (sum|b|)^2) | equal (k sum b^2)\n"
    "  --pec-max-overhead X       PEC gamma^2 cap (default 100, as Qiskit)\n"
    "  --precision P              mitigated cost used for the break-even: equal (default: shots raised\n"
    "                             for the unmitigated precision) | configured (same shots per circuit)\n"
    "  --inferences K             inferences per batch/job (default 1000)\n"
    "  --circuits-per-inference C circuits per inference (default 1)\n"
    "  --plan PLAN                price plan of the device's pricing key (ibm: payg, flex, premium,\n"
    "                             open; quantinuum: standard, premium); default: the key's default\n"
    "  --ionq-em on|off           IonQ error mitigation on Azure (m term; default on, Azure's default)\n"
    "  --aqt-minimum              read Azure IonQ's m as a minimum per program, not an added term\n"
    "  --prices FILE              a price table JSON whose rows replace/extend the shipped ones\n"
    "  --queue-seconds S          queue wait per job (default: the provider's 0 s with a caveat)\n"
    "  --classical-throughput X   classical predictions per second (default 137000, SVC measured)\n"
    "  --classical-usd-per-hour P instance price (default 0.0816, AWS m7g.large)\n"
    "  --target-cost-per-1k USD   break-even target (default: 1000 x the serverless classical cost\n"
    "                             per 1k, i.e. three orders of magnitude more than Lambda)\n"
    "  --level L, --seed S        transpiler optimisation level 0-3 (default 1) and seed (default 0)\n"
    "  --all-providers            add a table over every shipped device (each with its own price row)\n"
    "  --from FORMAT              auto | qasm2 | qasm3 | braket | ionq (default auto)\n"
    "  --json                     one JSON object (keys documented in docs/cost-model.md)\n"
    "  -h, --help                 show this help\n"
    "\n"
    "Examples:\n"
    "  qpilot estimate resources/examples/ghz.qasm --device ibm_torino --shots 1000 --mitigation zne\n"
    "  qpilot estimate circuit.qasm --device ionq_aria_1 --shots 1000 --ionq-em off --all-providers\n"
    "\n"
    "Exit codes:\n"
    "  0  estimated\n"
    "  1  the cost could not be computed (a price row needs a figure the device lacks)\n"
    "  2  bad usage or input: unknown device, mitigation or option value, shots < 1, malformed FILE\n"
    "     or price table, a circuit that does not fit the device, PEC whose gamma^2 exceeds the cap\n"
    "     (the message gives gamma^2; raise --pec-max-overhead or change the plan)\n";

std::string num(double v, int precision = 6)
{
    std::ostringstream s;
    s << std::setprecision(precision) << v;
    return s.str();
}

std::string usd(double v)
{
    char buf[64];
    if (v >= 0.01 || v == 0)
        std::snprintf(buf, sizeof buf, "$%.2f", v);
    else
        std::snprintf(buf, sizeof buf, "$%.3g", v);
    return buf;
}

std::string seconds(double s)
{
    if (s >= 1)
        return num(s, 6) + " s";
    if (s >= 1e-3)
        return num(s * 1e3, 4) + " ms";
    return num(s * 1e6, 4) + " us";
}

QJsonValue opt(const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(); }

struct Priced {
    cost::Cost unmitigated, configured, equal;
};

// The three costs of one row: no mitigation, the plan at the same shots, the plan at equal precision.
Result<Priced> priceAll(const cost::PriceRow& row, const cost::Workload& base, const cost::Workload& mitigated,
                        const cost::IbmUsageRule& ibm)
{
    Priced p;
    auto u = cost::costOf(row, base, ibm);
    if (!u)
        return u.error();
    p.unmitigated = u.value();
    cost::Workload c = mitigated;
    c.precision = cost::Precision::Configured;
    auto k = cost::costOf(row, c, ibm);
    if (!k)
        return k.error();
    p.configured = k.value();
    c.precision = cost::Precision::Equal;
    auto e = cost::costOf(row, c, ibm);
    if (!e)
        return e.error();
    p.equal = e.value();
    return p;
}

QJsonObject costJson(const cost::Cost& c)
{
    QJsonArray notes;
    for (const std::string& n : c.notes)
        notes.append(QString::fromStdString(n));
    return QJsonObject{{QStringLiteral("batch_usd"), c.batchUsd},
                       {QStringLiteral("per_inference_usd"), c.perInferenceUsd},
                       {QStringLiteral("per_1k_usd"), c.per1kUsd},
                       {QStringLiteral("qpu_seconds"), opt(c.qpuSeconds)},
                       {QStringLiteral("billing_units"), c.billingUnits},
                       {QStringLiteral("formula"), QString::fromStdString(c.formula)},
                       {QStringLiteral("notes"), notes}};
}

QJsonObject latencyJson(const cost::Latency& l)
{
    return QJsonObject{{QStringLiteral("compile_s"), l.compile},
                       {QStringLiteral("queue_s"), l.queue},
                       {QStringLiteral("network_s"), l.network},
                       {QStringLiteral("execution_s"), opt(l.execution)},
                       {QStringLiteral("total_s"), opt(l.total)},
                       {QStringLiteral("mitigation_multiplier"), l.mitigationMultiplier},
                       {QStringLiteral("execution_note"), QString::fromStdString(l.executionNote)}};
}

QJsonObject priceJson(const cost::PriceRow& r)
{
    return QJsonObject{{QStringLiteral("key"), QString::fromStdString(r.key)},
                       {QStringLiteral("plan"), QString::fromStdString(r.plan)},
                       {QStringLiteral("name"), QString::fromStdString(r.name)},
                       {QStringLiteral("model"), QString(cost::priceModelName(r.model))},
                       {QStringLiteral("date"), QString::fromStdString(r.date)},
                       {QStringLiteral("source"), QString::fromStdString(r.source)},
                       {QStringLiteral("file"), QString::fromStdString(r.file)},
                       {QStringLiteral("note"), QString::fromStdString(r.note)}};
}

std::string latencyLine(const cost::Latency& l)
{
    return "compile " + seconds(l.compile) + " + queue " + seconds(l.queue) + " + network " + seconds(l.network)
           + " + execution " + (l.execution ? seconds(*l.execution) : std::string("unknown")) + " = "
           + (l.total ? seconds(*l.total) : std::string("unknown"));
}

struct Options {
    std::int64_t shots = 0;
    mitigation::MitigationPlan plan;
    std::int64_t inferences = 1000;
    int circuitsPerInference = 1;
    std::string pricePlan;
    cost::Precision precision = cost::Precision::Equal;
    bool ionqEm = true, aqtMinimum = false;
    std::optional<double> queueSeconds;
    cost::ClassicalOptions classical;
    std::optional<double> target;
    TranspileOptions transpile;
};

// Transpiles, builds the figures and both workloads for one device. Returns "" or an error.
struct DeviceRun {
    TranspileResult transpiled;
    double compileSeconds = 0;
    mitigation::CircuitFigures figures;
    cost::Workload base, mitigated;
};
std::string prepare(const Circuit& circuit, const DeviceProfile& device, const Options& o, DeviceRun& run)
{
    QElapsedTimer timer;
    timer.start();
    auto t = transpile(circuit, device, o.transpile);
    run.compileSeconds = double(timer.nsecsElapsed()) * 1e-9;
    if (!t)
        return "cannot transpile for " + device.id + ": " + t.error().message;
    run.transpiled = std::move(t).value();
    run.figures = mitigation::figuresOf(run.transpiled, device);
    cost::Workload w;
    w.shots = o.shots;
    w.circuitsPerInference = o.circuitsPerInference;
    w.inferences = o.inferences;
    w.figures = run.figures;
    w.repetitionDelay = device.repetitionDelay;
    w.ionqErrorMitigation = o.ionqEm;
    w.aqtReading = o.aqtMinimum ? cost::AqtReading::Minimum : cost::AqtReading::Additive;
    auto none = mitigation::overheadFor(mitigation::MitigationPlan{}, run.figures, o.shots);
    w.overhead = none.value();
    run.base = w;
    auto m = mitigation::overheadFor(o.plan, run.figures, o.shots);
    if (!m)
        return device.id + ": " + m.error().message;
    w.overhead = m.value();
    w.learning = o.plan.pec || (o.plan.zne && o.plan.zne->folding == mitigation::Folding::Pea);
    w.precision = o.precision;
    run.mitigated = w;
    return {};
}

int runEstimate(const QStringList& args, std::ostream& out, std::ostream& err)
{
    const char* verb = kEstimateVerb.name;
    QCommandLineParser parser;
    auto value = [](const char* name, const char* def = nullptr) {
        return def ? QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("V"), QString::fromLatin1(def))
                   : QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("V"));
    };
    const QCommandLineOption deviceOpt = value("device"), shotsOpt = value("shots"),
                             mitOpt = value("mitigation", "none"), factorsOpt = value("zne-factors"),
                             extraOpt = value("extrapolator"), foldOpt = value("folding"), allocOpt = value("allocation"),
                             capOpt = value("pec-max-overhead"), precOpt = value("precision", "equal"),
                             infOpt = value("inferences", "1000"), cpiOpt = value("circuits-per-inference", "1"),
                             planOpt = value("plan"), emOpt = value("ionq-em", "on"), pricesOpt = value("prices"),
                             queueOpt = value("queue-seconds"), thrOpt = value("classical-throughput"),
                             hourOpt = value("classical-usd-per-hour"), targetOpt = value("target-cost-per-1k"),
                             levelOpt = value("level", "1"), seedOpt = value("seed", "0"), fromOpt = value("from", "auto");
    const QCommandLineOption aqtMinOpt(QStringLiteral("aqt-minimum")), allOpt(QStringLiteral("all-providers")),
        jsonOpt(QStringLiteral("json"));
    parser.addOptions({deviceOpt, shotsOpt, mitOpt, factorsOpt, extraOpt, foldOpt, allocOpt, capOpt, precOpt, infOpt,
                       cpiOpt, planOpt, emOpt, pricesOpt, queueOpt, thrOpt, hourOpt, targetOpt, levelOpt, seedOpt,
                       fromOpt, aqtMinOpt, allOpt, jsonOpt, helpOption()});
    parser.addPositionalArgument(QStringLiteral("FILE"), QString());
    if (int code = parseVerbArgs(parser, kEstimateVerb, args, out, err); code >= 0)
        return code;
    auto usage = [&](const std::string& m) { return reportError(err, ExitUsage, "estimate: " + m, verb); };

    Options o;
    bool ok = false;
    if (!parser.isSet(deviceOpt) || parser.value(deviceOpt).isEmpty())
        return usage("--device is required (an id from 'qpilot devices' or a profile JSON file)");
    if (!parser.isSet(shotsOpt))
        return usage("--shots is required");
    o.shots = parser.value(shotsOpt).toLongLong(&ok);
    if (!ok || o.shots < 1)
        return usage("--shots must be a whole number >= 1 (got '" + parser.value(shotsOpt).toStdString() + "')");
    o.inferences = parser.value(infOpt).toLongLong(&ok);
    if (!ok || o.inferences < 1)
        return usage("--inferences must be a whole number >= 1");
    o.circuitsPerInference = parser.value(cpiOpt).toInt(&ok);
    if (!ok || o.circuitsPerInference < 1)
        return usage("--circuits-per-inference must be a whole number >= 1");
    auto plan = mitigation::parsePlan(parser.value(mitOpt).toStdString());
    if (!plan)
        return usage("--mitigation: " + plan.error().message);
    o.plan = plan.value();
    if (parser.isSet(factorsOpt) || parser.isSet(extraOpt) || parser.isSet(foldOpt) || parser.isSet(allocOpt)) {
        if (!o.plan.zne)
            return usage("--zne-factors, --extrapolator, --folding and --allocation need 'zne' in --mitigation");
        if (parser.isSet(factorsOpt)) {
            auto f = parseNumberList(parser.value(factorsOpt));
            if (!f)
                return usage("--zne-factors must be comma-separated numbers such as 1,3,5");
            o.plan.zne->scaleFactors = *f;
        }
        if (parser.isSet(extraOpt)) {
            auto e = mitigation::parseExtrapolator(parser.value(extraOpt).toStdString());
            if (!e)
                return usage("--extrapolator: " + e.error().message);
            o.plan.zne->extrapolator = e->first;
            o.plan.zne->order = e->second;
        }
        if (parser.isSet(foldOpt)) {
            const QString f = parser.value(foldOpt);
            if (f == QLatin1String("2q"))
                o.plan.zne->folding = mitigation::Folding::TwoQubitOnly;
            else if (f == QLatin1String("global"))
                o.plan.zne->folding = mitigation::Folding::Global;
            else if (f == QLatin1String("local"))
                o.plan.zne->folding = mitigation::Folding::Local;
            else if (f == QLatin1String("pea"))
                o.plan.zne->folding = mitigation::Folding::Pea;
            else
                return usage("unknown --folding '" + f.toStdString() + "' (expected 2q, global, local or pea)");
        }
        if (parser.isSet(allocOpt)) {
            const QString a = parser.value(allocOpt);
            if (a != QLatin1String("optimal") && a != QLatin1String("equal"))
                return usage("unknown --allocation '" + a.toStdString() + "' (expected optimal or equal)");
            o.plan.zne->allocation = a == QLatin1String("equal") ? mitigation::Allocation::Equal
                                                                 : mitigation::Allocation::Optimal;
        }
        auto w = mitigation::extrapolationWeights(o.plan.zne->scaleFactors, o.plan.zne->extrapolator, o.plan.zne->order);
        if (!w)
            return usage(w.error().message);
    }
    if (parser.isSet(capOpt)) {
        if (!o.plan.pec)
            return usage("--pec-max-overhead needs 'pec' in --mitigation");
        o.plan.pec->maxOverhead = parser.value(capOpt).toDouble(&ok);
        if (!ok || !(o.plan.pec->maxOverhead >= 1))
            return usage("--pec-max-overhead must be a number >= 1");
    }
    const QString prec = parser.value(precOpt);
    if (prec != QLatin1String("equal") && prec != QLatin1String("configured"))
        return usage("unknown --precision '" + prec.toStdString() + "' (expected equal or configured)");
    o.precision = prec == QLatin1String("equal") ? cost::Precision::Equal : cost::Precision::Configured;
    const QString em = parser.value(emOpt);
    if (em != QLatin1String("on") && em != QLatin1String("off"))
        return usage("--ionq-em must be on or off");
    o.ionqEm = em == QLatin1String("on");
    o.aqtMinimum = parser.isSet(aqtMinOpt);
    o.pricePlan = parser.value(planOpt).toStdString();
    auto positive = [&](const QCommandLineOption& opt, const char* name, bool allowZero) -> std::optional<double> {
        const double v = parser.value(opt).toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < 0 || (!allowZero && v == 0)) {
            usage(std::string(name) + " must be a number " + (allowZero ? ">= 0" : "> 0") + " (got '"
                  + parser.value(opt).toStdString() + "')");
            return std::nullopt;
        }
        return v;
    };
    if (parser.isSet(queueOpt)) {
        o.queueSeconds = positive(queueOpt, "--queue-seconds", true);
        if (!o.queueSeconds)
            return ExitUsage;
    }
    if (parser.isSet(thrOpt)) {
        auto v = positive(thrOpt, "--classical-throughput", false);
        if (!v)
            return ExitUsage;
        o.classical.throughputPerSecond = *v;
    }
    if (parser.isSet(hourOpt)) {
        auto v = positive(hourOpt, "--classical-usd-per-hour", true);
        if (!v)
            return ExitUsage;
        o.classical.usdPerHour = *v;
    }
    if (parser.isSet(targetOpt)) {
        o.target = positive(targetOpt, "--target-cost-per-1k", false);
        if (!o.target)
            return ExitUsage;
    }
    o.transpile.level = parser.value(levelOpt).toInt(&ok);
    if (!ok || o.transpile.level < 0 || o.transpile.level > 3)
        return usage("--level must be 0, 1, 2 or 3");
    o.transpile.seed = parser.value(seedOpt).toULongLong(&ok);
    if (!ok)
        return usage("--seed must be a whole number from 0 to 18446744073709551615");

    std::vector<std::string> priceFiles;
    for (const QString& f : parser.values(pricesOpt))
        priceFiles.push_back(f.toStdString());
    auto prices = cost::loadPrices(priceFiles);
    if (!prices)
        return reportError(err, ExitUsage, "estimate: " + prices.error().toString());
    const cost::PriceTable& table = prices.value();

    QString input;
    LoadedCircuit loaded;
    if (int code = loadFileArgument(parser, fromOpt, kEstimateVerb, err, input, loaded); code >= 0)
        return code;
    auto found = findDevice(parser.value(deviceOpt).toStdString());
    if (!found)
        return reportError(err, ExitUsage, "estimate: " + found.error().toString());
    const DeviceProfile device = std::move(found).value();
    auto rowFound = table.find(device.pricing, o.pricePlan);
    if (!rowFound)
        return reportError(err, ExitUsage, "estimate: " + device.id + ": " + rowFound.error().message);
    const cost::PriceRow& row = *rowFound.value();

    DeviceRun run;
    if (const std::string e = prepare(loaded.circuit, device, o, run); !e.empty())
        return reportError(err, ExitUsage, input.toStdString() + ": " + e);
    const mitigation::Overhead& ov = run.mitigated.overhead;
    auto priced = priceAll(row, run.base, run.mitigated, table.ibm);
    if (!priced)
        return reportError(err, ExitFailed, "estimate: " + priced.error().message);
    const Priced& p = priced.value();
    const cost::Cost& chosen = o.precision == cost::Precision::Equal ? p.equal : p.configured;

    cost::LatencyInputs li;
    li.compileSeconds = run.compileSeconds;
    li.queueSeconds = o.queueSeconds;
    li.shotRate = device.shotRate;
    const cost::Latency latOne = cost::latencyOf(row, run.mitigated, table.ibm, li, false);
    const cost::Latency latBatch = cost::latencyOf(row, run.mitigated, table.ibm, li, true);
    const cost::ClassicalCost classical = cost::classicalCost(o.classical);
    const double target = o.target.value_or(1000 * classical.serverlessPer1kUsd);
    const cost::BreakEven be = cost::breakEven(row, run.mitigated, o.plan, table.ibm, target);

    // Every provider/plan with this circuit's figures.
    struct ProviderRow {
        const cost::PriceRow* row;
        std::optional<Priced> priced;
        std::string error;
    };
    std::vector<ProviderRow> providers;
    for (const cost::PriceRow& r : table.rows) {
        auto x = priceAll(r, run.base, run.mitigated, table.ibm);
        providers.push_back({&r, x ? std::optional<Priced>(x.value()) : std::nullopt, x ? "" : x.error().message});
    }
    // Every shipped device with its own transpilation and default (or --plan) price row.
    struct DeviceRow {
        std::string id, key, plan, error;
        std::optional<Priced> priced;
        std::optional<double> latency;
        int twoQubit = 0;
    };
    std::vector<DeviceRow> devices;
    if (parser.isSet(allOpt)) {
        for (const DeviceProfile& d : builtinDevices()) {
            DeviceRow dr{d.id, d.pricing, "", "", std::nullopt, std::nullopt, 0};
            auto r = table.find(d.pricing, o.pricePlan);
            if (!r)
                r = table.find(d.pricing);
            if (!r) {
                dr.error = r.error().message;
                devices.push_back(dr);
                continue;
            }
            dr.plan = r.value()->plan;
            if (loaded.circuit.numQubits() > d.numQubits) {
                dr.error = "needs " + std::to_string(loaded.circuit.numQubits()) + " qubits, device has "
                           + std::to_string(d.numQubits);
                devices.push_back(dr);
                continue;
            }
            DeviceRun other;
            if (std::string e = prepare(loaded.circuit, d, o, other); !e.empty()) {
                dr.error = e;
                devices.push_back(dr);
                continue;
            }
            dr.twoQubit = other.figures.twoQubitGates;
            auto x = priceAll(*r.value(), other.base, other.mitigated, table.ibm);
            if (x)
                dr.priced = x.value();
            else
                dr.error = x.error().message;
            cost::LatencyInputs l2 = li;
            l2.compileSeconds = other.compileSeconds;
            l2.shotRate = d.shotRate;
            dr.latency = cost::latencyOf(*r.value(), other.mitigated, table.ibm, l2, false).total;
            devices.push_back(dr);
        }
    }

    const TranspileMetrics& m = run.transpiled.metrics;
    const mitigation::CircuitFigures& f = run.figures;
    if (parser.isSet(jsonOpt)) {
        QJsonArray weights, notes;
        if (ov.zne)
            for (double b : ov.zne->beta)
                weights.append(b);
        for (const std::string& n : ov.notes)
            notes.append(QString::fromStdString(n));
        QJsonObject overhead{{QStringLiteral("circuits"), ov.circuits},
                             {QStringLiteral("noise_factors"), ov.noiseFactors},
                             {QStringLiteral("instances_per_circuit"), ov.instancesPerCircuit},
                             {QStringLiteral("shot_multiplier"), ov.shotMultiplier},
                             {QStringLiteral("executions_configured"), double(ov.executionsConfigured)},
                             {QStringLiteral("executions_equal_precision"), double(ov.executionsEqualPrecision)},
                             {QStringLiteral("calibration_circuits"), double(ov.calibrationCircuits)},
                             {QStringLiteral("calibration_shots"), double(ov.calibrationShots)},
                             {QStringLiteral("depth_multiplier"), ov.depthMultiplier},
                             {QStringLiteral("mean_depth_multiplier"), ov.meanDepthMultiplier},
                             {QStringLiteral("folding_share"), ov.foldingShare},
                             {QStringLiteral("zne_weights"), weights},
                             {QStringLiteral("sum_abs_beta"), ov.zne ? QJsonValue(ov.zne->sumAbs) : QJsonValue()},
                             {QStringLiteral("gamma"), opt(ov.gamma)},
                             {QStringLiteral("gamma_squared"), opt(ov.gammaSquared)},
                             {QStringLiteral("readout_fidelity"), opt(ov.readoutFidelity)},
                             {QStringLiteral("notes"), notes}};
        QJsonObject figures{{QStringLiteral("one_qubit_gates"), f.oneQubitGates},
                            {QStringLiteral("two_qubit_gates"), f.twoQubitGates},
                            {QStringLiteral("two_qubit_depth"), f.twoQubitDepth},
                            {QStringLiteral("depth"), m.depth},
                            {QStringLiteral("measured_qubits"), f.measuredQubits},
                            {QStringLiteral("duration_s"), opt(f.duration)},
                            {QStringLiteral("success_probability"), opt(f.successProbability)},
                            {QStringLiteral("compile_s"), run.compileSeconds}};
        QJsonArray provs;
        for (const ProviderRow& pr : providers) {
            QJsonObject j = priceJson(*pr.row);
            if (pr.priced) {
                j.insert(QStringLiteral("per_1k_usd"), pr.priced->unmitigated.per1kUsd);
                j.insert(QStringLiteral("per_1k_mitigated_configured_usd"), pr.priced->configured.per1kUsd);
                j.insert(QStringLiteral("per_1k_mitigated_equal_precision_usd"), pr.priced->equal.per1kUsd);
            } else {
                j.insert(QStringLiteral("error"), QString::fromStdString(pr.error));
            }
            provs.append(j);
        }
        QJsonObject j{{QStringLiteral("file"), input},
                      {QStringLiteral("device"), QString::fromStdString(device.id)},
                      {QStringLiteral("shots"), double(o.shots)},
                      {QStringLiteral("inferences"), double(o.inferences)},
                      {QStringLiteral("circuits_per_inference"), o.circuitsPerInference},
                      {QStringLiteral("mitigation"), QString::fromStdString(mitigation::describePlan(o.plan))},
                      {QStringLiteral("precision"), prec},
                      {QStringLiteral("figures"), figures},
                      {QStringLiteral("overhead"), overhead},
                      {QStringLiteral("price"), priceJson(row)},
                      {QStringLiteral("cost"), QJsonObject{{QStringLiteral("unmitigated"), costJson(p.unmitigated)},
                                                           {QStringLiteral("mitigated_configured"), costJson(p.configured)},
                                                           {QStringLiteral("mitigated_equal_precision"), costJson(p.equal)}}},
                      {QStringLiteral("latency"), QJsonObject{{QStringLiteral("per_inference"), latencyJson(latOne)},
                                                              {QStringLiteral("batch"), latencyJson(latBatch)},
                                                              {QStringLiteral("queue_note"), QString::fromStdString(latOne.queueNote)}}},
                      {QStringLiteral("classical"),
                       QJsonObject{{QStringLiteral("instance"), QString::fromStdString(o.classical.instance)},
                                   {QStringLiteral("usd_per_hour"), o.classical.usdPerHour},
                                   {QStringLiteral("throughput_per_s"), o.classical.throughputPerSecond},
                                   {QStringLiteral("per_1k_usd"), classical.dedicatedPer1kUsd},
                                   {QStringLiteral("serverless_per_1k_usd"), classical.serverlessPer1kUsd},
                                   {QStringLiteral("latency_s"), classical.latencySeconds}}},
                      {QStringLiteral("ratio_to_classical"),
                       QJsonObject{{QStringLiteral("dedicated"), chosen.per1kUsd / classical.dedicatedPer1kUsd},
                                   {QStringLiteral("serverless"), chosen.per1kUsd / classical.serverlessPer1kUsd}}},
                      {QStringLiteral("break_even"),
                       QJsonObject{{QStringLiteral("target_per_1k_usd"), be.targetPer1kUsd},
                                   {QStringLiteral("current_per_1k_usd"), be.currentPer1kUsd},
                                   {QStringLiteral("price_scale"), be.priceScale},
                                   {QStringLiteral("usd_per_shot_needed"), opt(be.usdPerShotNeeded)},
                                   {QStringLiteral("usd_per_second_needed"), opt(be.usdPerSecondNeeded)},
                                   {QStringLiteral("usd_per_unit_needed"), opt(be.usdPerUnitNeeded)},
                                   {QStringLiteral("max_shots"), be.maxShots ? QJsonValue(double(*be.maxShots)) : QJsonValue()},
                                   {QStringLiteral("error_scale"), opt(be.errorScale)},
                                   {QStringLiteral("note"), QString::fromStdString(be.note)}}},
                      {QStringLiteral("providers"), provs}};
        if (parser.isSet(allOpt)) {
            QJsonArray devs;
            for (const DeviceRow& d : devices) {
                QJsonObject x{{QStringLiteral("device"), QString::fromStdString(d.id)},
                              {QStringLiteral("pricing_key"), QString::fromStdString(d.key)},
                              {QStringLiteral("plan"), QString::fromStdString(d.plan)}};
                if (d.priced) {
                    x.insert(QStringLiteral("two_qubit_gates"), d.twoQubit);
                    x.insert(QStringLiteral("per_1k_usd"), d.priced->unmitigated.per1kUsd);
                    x.insert(QStringLiteral("per_1k_mitigated_usd"),
                             (o.precision == cost::Precision::Equal ? d.priced->equal : d.priced->configured).per1kUsd);
                    x.insert(QStringLiteral("latency_per_inference_s"), opt(d.latency));
                } else {
                    x.insert(QStringLiteral("error"), QString::fromStdString(d.error));
                }
                devs.append(x);
            }
            j.insert(QStringLiteral("devices"), devs);
        }
        out << QJsonDocument(j).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }

    out << input.toStdString() << " -> " << device.id << " (level " << o.transpile.level << ", seed " << o.transpile.seed
        << ", transpiled in " << seconds(run.compileSeconds) << ")\n";
    out << "  circuit: " << f.oneQubitGates << " 1q + " << f.twoQubitGates << " 2q gates, 2q depth " << f.twoQubitDepth
        << ", " << f.measuredQubits << " measured, duration "
        << (f.duration ? seconds(*f.duration) : std::string("unknown")) << ", success estimate "
        << (f.successProbability ? num(*f.successProbability, 4) : std::string("unknown")) << "\n";
    out << "\nmitigation: " << mitigation::describePlan(o.plan) << "\n";
    out << "  circuits per circuit:   " << ov.circuits << " (" << ov.noiseFactors << " noise factor(s) x "
        << ov.instancesPerCircuit << " instance(s))\n";
    out << "  shot multiplier:        " << num(ov.shotMultiplier, 6) << " (equal precision)\n";
    if (ov.zne) {
        std::string b;
        for (double x : ov.zne->beta)
            b += (b.empty() ? "" : ", ") + num(x, 5);
        out << "  ZNE weights:            (" << b << "), sum|b| = " << num(ov.zne->sumAbs, 5) << "\n";
    }
    if (ov.gammaSquared)
        out << "  PEC gamma / gamma^2:    " << num(*ov.gamma, 6) << " / " << num(*ov.gammaSquared, 6) << " (cap "
            << num(o.plan.pec->maxOverhead) << ")\n";
    out << "  calibration per batch:  " << ov.calibrationCircuits << " circuits, " << ov.calibrationShots << " shots\n";
    out << "  depth multiplier:       " << num(ov.depthMultiplier) << " (mean " << num(ov.meanDepthMultiplier)
        << ", folding adds " << num(100 * ov.foldingShare, 3) << " % of executed 2q layers)\n";
    out << "  executions per circuit: " << o.shots << " unmitigated, " << ov.executionsConfigured << " same shots, "
        << ov.executionsEqualPrecision << " equal precision\n";
    for (const std::string& n : ov.notes)
        out << "  note: " << n << "\n";

    out << "\nworkload: " << o.inferences << " inference(s) x " << o.circuitsPerInference << " circuit(s) x " << o.shots
        << " shots in one batch\n";
    out << "price: " << row.name << " [" << row.key << " / " << row.plan << "], " << row.date << ", " << row.source
        << " (" << row.file << ")\n";
    if (!row.note.empty())
        out << "  " << row.note << "\n";
    auto costLine = [&](const char* label, const cost::Cost& c) {
        out << "  " << label << usd(c.perInferenceUsd) << " per inference, " << usd(c.per1kUsd) << " per 1k";
        if (c.qpuSeconds)
            out << ", " << num(*c.qpuSeconds) << " QPU s per batch";
        out << "\n      " << c.formula << "\n";
        for (const std::string& n : c.notes)
            out << "      (" << n << ")\n";
    };
    costLine("unmitigated:             ", p.unmitigated);
    if (!o.plan.empty()) {
        costLine("mitigated, same shots:   ", p.configured);
        costLine("mitigated, equal prec.:  ", p.equal);
    }

    out << "\nlatency (" << row.provider << "):\n";
    out << "  one inference alone: " << latencyLine(latOne) << "\n";
    out << "  whole batch:         " << latencyLine(latBatch) << "\n";
    out << "  execution: " << latOne.executionNote << "; mitigation x" << num(latOne.mitigationMultiplier, 5)
        << " executions\n";
    out << "  queue: " << latOne.queueNote << "\n";

    out << "\nclassical: " << o.classical.instance << " at $" << num(o.classical.usdPerHour) << "/h, "
        << num(o.classical.throughputPerSecond) << " predictions/s: " << usd(classical.dedicatedPer1kUsd)
        << " per 1k (dedicated), " << usd(classical.serverlessPer1kUsd) << " per 1k (Lambda 128 MB), latency "
        << seconds(classical.latencySeconds) << " [S36,S38, reference section 4]\n";
    out << "  quantum / classical per 1k (" << (o.plan.empty() ? "unmitigated" : prec.toStdString() + " precision")
        << "): " << num(chosen.per1kUsd / classical.dedicatedPer1kUsd, 3) << "x dedicated, "
        << num(chosen.per1kUsd / classical.serverlessPer1kUsd, 3) << "x serverless\n";

    out << "\nbreak-even at " << usd(be.targetPer1kUsd) << " per 1k"
        << (o.target ? "" : " (default: 1000 x serverless classical)") << ", now " << usd(be.currentPer1kUsd) << ":\n";
    out << "  prices x " << num(be.priceScale, 4);
    if (be.usdPerShotNeeded)
        out << " (per-shot price " << usd(*be.usdPerShotNeeded) << ")";
    if (be.usdPerSecondNeeded)
        out << " (" << usd(*be.usdPerSecondNeeded) << "/s)";
    if (be.usdPerUnitNeeded)
        out << " (" << usd(*be.usdPerUnitNeeded) << " per " << (row.model == cost::PriceModel::Aqt ? "AQT" : "HQC") << ")";
    out << "\n  shots per circuit: " << (be.maxShots ? "<= " + std::to_string(*be.maxShots) : std::string("none reaches it"))
        << "\n";
    if (o.plan.pec || ((o.plan.readout || o.plan.trex) && o.precision == cost::Precision::Equal))
        out << "  gate and readout errors x "
            << (be.errorScale ? num(*be.errorScale, 4) : std::string("(none: even noiseless gates miss it)")) << "\n";
    if (!be.note.empty())
        out << "  " << be.note << "\n";

    out << "\nevery provider/plan with this circuit's figures (per 1k inferences):\n";
    out << "  " << std::left << std::setw(26) << "key" << std::setw(10) << "plan" << std::right << std::setw(16)
        << "unmitigated" << std::setw(16) << "same shots" << std::setw(16) << "equal prec." << "  date\n";
    for (const ProviderRow& pr : providers) {
        out << "  " << std::left << std::setw(26) << pr.row->key << std::setw(10) << pr.row->plan << std::right;
        if (pr.priced)
            out << std::setw(16) << usd(pr.priced->unmitigated.per1kUsd) << std::setw(16) << usd(pr.priced->configured.per1kUsd)
                << std::setw(16) << usd(pr.priced->equal.per1kUsd);
        else
            out << "  " << pr.error;
        out << "  " << pr.row->date << "\n";
    }
    if (parser.isSet(allOpt)) {
        out << "\nevery shipped device (own transpilation and price row, per 1k inferences):\n";
        out << "  " << std::left << std::setw(24) << "device" << std::setw(34) << "pricing" << std::right
            << std::setw(6) << "2q" << std::setw(16) << "unmitigated" << std::setw(16) << "mitigated"
            << std::setw(14) << "latency/inf\n";
        for (const DeviceRow& d : devices) {
            out << "  " << std::left << std::setw(24) << d.id << std::setw(34) << (d.key + "/" + d.plan) << std::right;
            if (d.priced)
                out << std::setw(6) << d.twoQubit << std::setw(16) << usd(d.priced->unmitigated.per1kUsd) << std::setw(16)
                    << usd((o.precision == cost::Precision::Equal ? d.priced->equal : d.priced->configured).per1kUsd)
                    << std::setw(13) << (d.latency ? seconds(*d.latency) : std::string("unknown"));
            else
                out << "  " << d.error;
            out << "\n";
        }
    }
    return ExitOk;
}

} // namespace

const Verb kEstimateVerb = {
    "estimate",
    "mitigation overhead, QPU seconds, cost and latency per inference and per 1k, vs classical",
    "estimate FILE --device ID --shots N [--mitigation LIST] [--inferences K] [--all-providers] [--json]",
    kUsage,
    &runEstimate,
};

} // namespace qpilot::cli
