// core/pilot/pipeline_devices.cpp — the Devices stage of the pipeline: for each target device,
// transpile the representative circuit (core/transpile), train and score the model with the
// device's noise model (core/ml, density matrix), run the mitigation plan on a representative
// observable (core/mitigation), sample noisy counts at the pilot's shots, and price and time an
// inference (core/cost) with and without mitigation, and keep what the dashboards plot (the ZNE
// series, each technique's overhead alone, success probability vs depth); a device that fails records its error and
// the others go on. Then the encoding cost curve (logical and transpiled 2q gates vs features).
#include "core/pilot/pilot_internal.h"
#include "core/pilot/pipeline_internal.h"

#include "core/circuit/metrics.h"
#include "core/circuit/qasm.h"
#include "core/circuit/transform.h"
#include "core/noise/noise.h"
#include "core/sim/simulator.h"
#include "core/transpile/transpile.h"

#include <QDir>
#include <QFileInfo>

#include <chrono>
#include <iomanip>
#include <sstream>

namespace qpilot::pilot::detail {

namespace {

using Clock = std::chrono::steady_clock;

std::string num(double v, int precision = 4)
{
    std::ostringstream s;
    s << std::setprecision(precision) << v;
    return s.str();
}

Result<std::vector<std::string>> priceFiles(const Pilot& p)
{
    std::vector<std::string> out;
    for (const std::string& f : p.cost.priceFiles) {
        const QString q = QString::fromStdString(f);
        out.push_back(QFileInfo(q).isRelative() && !p.baseDirectory.empty()
                          ? QDir(QString::fromStdString(p.baseDirectory)).filePath(q).toStdString()
                          : f);
    }
    return out;
}

// Solves the least-squares polynomial fit of `degree` to (x, y) through the normal equations
// (Gaussian elimination with partial pivoting; a handful of points). Coefficients c_0..c_degree.
std::optional<std::vector<double>> polynomialFit(const std::vector<double>& x, const std::vector<double>& y, int degree)
{
    const int m = degree + 1;
    if (degree < 0 || int(x.size()) < m)
        return std::nullopt;
    std::vector<std::vector<double>> a(size_t(m), std::vector<double>(size_t(m) + 1, 0.0));
    for (size_t i = 0; i < x.size(); ++i) {
        std::vector<double> pw(size_t(2 * m), 1.0);
        for (size_t k = 1; k < pw.size(); ++k)
            pw[k] = pw[k - 1] * x[i];
        for (int r = 0; r < m; ++r) {
            for (int c = 0; c < m; ++c)
                a[size_t(r)][size_t(c)] += pw[size_t(r + c)];
            a[size_t(r)][size_t(m)] += pw[size_t(r)] * y[i];
        }
    }
    for (int c = 0; c < m; ++c) {
        int pivot = c;
        for (int r = c + 1; r < m; ++r)
            if (std::fabs(a[size_t(r)][size_t(c)]) > std::fabs(a[size_t(pivot)][size_t(c)]))
                pivot = r;
        if (std::fabs(a[size_t(pivot)][size_t(c)]) < 1e-300)
            return std::nullopt;
        std::swap(a[size_t(c)], a[size_t(pivot)]);
        for (int r = 0; r < m; ++r) {
            if (r == c)
                continue;
            const double f = a[size_t(r)][size_t(c)] / a[size_t(c)][size_t(c)];
            for (int k = c; k <= m; ++k)
                a[size_t(r)][size_t(k)] -= f * a[size_t(c)][size_t(k)];
        }
    }
    std::vector<double> coeff(static_cast<size_t>(m), 0.0);
    for (int r = 0; r < m; ++r)
        coeff[size_t(r)] = a[size_t(r)][size_t(m)] / a[size_t(r)][size_t(r)];
    return coeff;
}

// The ZNE run of the plan as a plottable series: the measured points and the extrapolator's
// model sampled from λ = 0 to the largest factor (exponential: A·e^(−rate·λ) + B; the linear
// estimators: their least-squares polynomial — Richardson interpolates, degree k − 1).
ZneSeries zneSeries(const mitigation::ZneResult& z)
{
    ZneSeries out;
    out.factors = z.factors;
    out.values = z.values;
    out.stdErrors = z.stdErrors;
    out.method = z.extrapolation.method;
    out.estimate = z.extrapolation.estimate;
    out.stdError = z.extrapolation.stdError;
    const mitigation::Extrapolation& e = z.extrapolation;
    std::function<double(double)> model;
    if (e.method == "exponential") {
        model = [e](double l) { return e.amplitude * std::exp(-e.rate * l) + e.asymptote; };
    } else {
        int degree = 1;
        if (e.method == "richardson")
            degree = int(z.factors.size()) - 1;
        else if (e.method.rfind("poly:", 0) == 0)
            degree = std::atoi(e.method.c_str() + 5);
        auto coeff = polynomialFit(z.factors, z.values, degree);
        if (coeff)
            model = [c = *coeff](double l) {
                double v = 0;
                for (size_t k = c.size(); k-- > 0;)
                    v = v * l + c[k];
                return v;
            };
    }
    if (model && !z.factors.empty()) {
        const double top = *std::max_element(z.factors.begin(), z.factors.end());
        constexpr int kSamples = 41;
        for (int i = 0; i < kSamples; ++i) {
            const double l = top * double(i) / double(kSamples - 1);
            out.curveFactors.push_back(l);
            out.curveValues.push_back(model(l));
        }
    }
    return out;
}

// The transpiler's success model for the transpiled circuit with its gates repeated
// 1..kSuccessCurveLayers times (same physical qubits; the measurements once, where they were).
std::vector<DepthPoint> successByDepth(const TranspileResult& t, const DeviceProfile& device)
{
    std::vector<Operation> gates;
    for (const Operation& op : t.circuit.ops)
        if (!std::holds_alternative<MeasureOp>(op.op))
            gates.push_back(op);
    std::vector<DepthPoint> out;
    for (int k = 1; k <= kSuccessCurveLayers; ++k) {
        // k − 1 extra copies of the gates, then the circuit itself (so layer 1 is exactly it)
        Circuit c = t.circuit;
        c.ops.clear();
        for (int rep = 1; rep < k; ++rep)
            c.ops.insert(c.ops.end(), gates.begin(), gates.end());
        c.ops.insert(c.ops.end(), t.circuit.ops.begin(), t.circuit.ops.end());
        const TranspileMetrics m = computeMetrics(c, device, t.metrics.swaps * k);
        out.push_back(DepthPoint{k, m.depth, m.twoQubitCount, m.successProbability});
    }
    return out;
}

// Each technique alone (the plan's own settings when the plan has it, the defaults otherwise):
// equal-precision shots × from overheadFor and QPU time × from latencyOf's execution time.
std::vector<TechniqueOverhead> techniqueOverheads(const mitigation::MitigationPlan& plan, const mitigation::CircuitFigures& figures,
                                                  std::int64_t shots, const cost::PriceRow& row, const cost::PriceTable& table,
                                                  const cost::Workload& plain, const cost::LatencyInputs& li)
{
    const cost::Latency base = cost::latencyOf(row, plain, table.ibm, li, false);
    std::vector<TechniqueOverhead> out;
    for (const char* key : {"rem", "zne", "pec", "twirl", "dd"}) {
        TechniqueOverhead t;
        t.technique = key;
        mitigation::MitigationPlan one = mitigation::parsePlan(key).value();
        if (t.technique == "rem" && plan.readout)
            one.readout = plan.readout;
        if (t.technique == "zne" && plan.zne)
            one.zne = plan.zne;
        if (t.technique == "pec" && plan.pec)
            one.pec = plan.pec;
        if (t.technique == "twirl" && plan.twirl)
            one.twirl = plan.twirl;
        if (t.technique == "dd" && plan.dd)
            one.dd = plan.dd;
        one.learning = plan.learning;
        auto over = mitigation::overheadFor(one, figures, shots);
        if (!over) {
            t.error = over.error().message;
            out.push_back(t);
            continue;
        }
        t.shotMultiplier = over->shotMultiplier;
        t.circuits = over->circuits;
        cost::Workload w = plain;
        w.overhead = over.value();
        w.learning = one.pec.has_value();
        w.precision = cost::Precision::Equal;
        const cost::Latency lat = cost::latencyOf(row, w, table.ibm, li, false);
        if (lat.execution && base.execution && *base.execution > 0)
            t.timeMultiplier = *lat.execution / *base.execution;
        out.push_back(t);
    }
    return out;
}

// Everything one device does; returns "" or the error (the outcome keeps what was done).
std::string evaluateDevice(Context& ctx, size_t index, DeviceOutcome& out, std::optional<DeviceProfile>& profile)
{
    const Pilot& p = ctx.pilot;
    const std::string& id = p.devices[index];
    const double base = double(index) / double(p.devices.size() + 1);
    const double step = 1.0 / double(p.devices.size() + 1);
    auto progress = [&](double f, const std::string& what) { ctx.progress(Stage::Devices, base + step * f, id + ": " + what); };

    out.deviceId = id;
    auto found = findPilotDevice(id, p.baseDirectory);
    if (!found)
        return found.error().toString();
    profile = std::move(found).value();
    const DeviceProfile& device = *profile;
    out.deviceName = device.name;
    out.provider = device.provider;
    out.calibrationSource = device.source + (device.calibrationDate.empty() ? "" : " (calibration " + device.calibrationDate + ")");

    // 1. transpile the representative circuit
    progress(0.0, "transpiling");
    TranspileOptions to;
    to.level = 1;
    to.seed = mitigation::deriveSeed(p.seed, kStreamTranspile + index);
    const auto t0 = Clock::now();
    auto transpiled = transpile(ctx.representative, device, to);
    out.transpileSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    if (!transpiled)
        return "transpile: " + transpiled.error().message;
    const TranspileMetrics& m = transpiled->metrics;
    out.logicalQubits = ctx.representative.numQubits();
    out.oneQubitGates = m.oneQubitCount;
    out.twoQubitGates = m.twoQubitCount;
    out.depth = m.depth;
    out.twoQubitDepth = m.twoQubitDepth;
    out.durationSeconds = m.duration.value_or(0);
    if (!m.duration)
        out.notes.push_back("circuit duration unknown (the profile lacks a gate or readout time)");
    out.successProbability = m.successProbability.value_or(0);
    out.successProbabilityKnown = m.successProbability.has_value();
    if (!m.successProbability)
        out.notes.push_back("success probability unknown: " + m.successNote);
    auto qasm = writeQasm3(transpiled->circuit);
    if (qasm)
        out.transpiledQasm = qasm.value();
    out.notes.push_back("representative circuit: " + ctx.representativeNote + "; transpiled at level 1 (seed "
                        + std::to_string(to.seed) + "), " + std::to_string(m.swaps) + " swaps");
    if (ctx.cancelled())
        return "cancelled";

    auto noise = NoiseModel::fromDevice(device);
    if (!noise)
        return "noise model: " + noise.error().message;
    if (noise->isIdeal()) {
        out.notes.push_back("the profile of " + device.id + " has no error, coherence or readout figures: its noise model is "
                            "ideal, so the noisy accuracy, counts and mitigation below are noise-free");
        ctx.run.warnings.push_back(device.id + ": no calibration figures, the noisy simulation is ideal");
    }

    // 2. the model with the device's noise. Kernel: trained and scored with noise (on hardware
    // the Gram matrix itself is measured on the device; one density matrix per row). VQC: the
    // ideal-trained weights scored with noise (the deployed model; training on the device would
    // need 2P+1 circuits per row and step).
    progress(0.15, "scoring with the device's noise");
    if (ctx.kind == ml::QuantumModelKind::Kernel) {
        ml::QuantumModelOptions qo = ctx.options;
        qo.noiseDevice = &device;
        auto noisy = ml::trainQuantumModel(ctx.kind, ctx.train, ctx.test, qo);
        if (!noisy)
            return noisy.error().message == "cancelled" ? "cancelled" : "noisy model: " + noisy.error().message;
        out.noisyAccuracy = noisy->report.metrics.accuracy;
        out.notes.push_back("noisy accuracy: the kernel's Gram and test matrices computed with " + device.id
                            + "'s noise model (density matrices, logical qubit i on physical qubit i, no mitigation), "
                              "the SVM trained on them, the same split as the ideal model");
    } else {
        if (!ctx.details.vqc)
            return "noisy model: the trained VQC is missing";
        ml::VqcModel model = *ctx.details.vqc;
        model.options.noise = &noise.value();
        model.options.threads = ctx.hooks.threads;
        const ml::Samples test = ctx.details.scaler ? ctx.details.scaler->apply(ctx.test) : ctx.test;
        auto probs = ml::vqcProbabilities(model, test);
        if (!probs)
            return "noisy model: " + probs.error().message;
        const int classes = std::max(ctx.train.classes, ctx.test.classes);
        std::vector<double> scores(size_t(test.rows) * size_t(classes), 0.0);
        for (int r = 0; r < test.rows; ++r)
            for (int c = 0; c < classes && c < int((*probs)[size_t(r)].size()); ++c)
                scores[size_t(r) * size_t(classes) + size_t(c)] = (*probs)[size_t(r)][size_t(c)];
        const std::vector<int> predicted = ml::predictFromScores(scores, classes);
        out.noisyAccuracy = ml::computeMetrics(test.y, predicted, scores, classes).accuracy;
        out.notes.push_back("noisy accuracy: the ideal-trained VQC's " + std::to_string(test.rows) + " test predictions with "
                            + device.id + "'s noise model (density matrix, exact probabilities, logical qubit i on physical "
                                          "qubit i, no mitigation)");
    }
    if (ctx.cancelled())
        return "cancelled";

    // 3. mitigation of the representative observable on the noisy simulator
    progress(0.5, "mitigating " + ctx.observable);
    mitigation::SimulatorRunOptions so;
    so.shots = p.shots;
    so.seed = mitigation::deriveSeed(p.seed, kStreamMitigation + index);
    auto mit = mitigation::mitigateOnSimulator(ctx.representative, device, ctx.observable, ctx.plan, so);
    if (!mit)
        return "mitigation: " + mit.error().message;
    out.mitigationPlan = mitigation::describePlan(ctx.plan);
    out.observable = mit->observable;
    out.idealValue = mit->ideal;
    out.noisyValue = mit->noisy.value;
    out.mitigatedValue = mit->noisy.value;
    out.mitigatedStdError = mit->noisy.variance > 0 ? std::sqrt(mit->noisy.variance) : 0;
    if (!mit->techniques.empty()) {
        // With rem in the plan the other techniques read through its correction: the last one
        // reported is the whole plan's value.
        const mitigation::TechniqueReport& last = mit->techniques.back();
        out.mitigatedValue = last.effect.mitigated;
        out.mitigatedStdError = last.effect.mitigatedStdError;
        std::string each;
        for (const mitigation::TechniqueReport& t : mit->techniques)
            each += (each.empty() ? "" : ", ") + t.technique + " " + num(t.effect.mitigated, 4);
        out.notes.push_back("mitigated <" + out.observable + "> per technique: " + each + " (ideal " + num(out.idealValue, 4)
                            + ", noisy " + num(out.noisyValue, 4) + "; " + std::to_string(p.shots) + " shots per circuit)");
    }
    for (const mitigation::TechniqueReport& t : mit->techniques)
        if (t.zne)
            out.zne = zneSeries(*t.zne);
    for (const mitigation::TechniqueReport& t : mit->techniques)
        for (const std::string& n : t.notes)
            out.notes.push_back(t.technique + ": " + n);
    if (ctx.cancelled())
        return "cancelled";

    // 4. sampled noisy counts at the pilot's shots
    progress(0.75, "sampling " + std::to_string(p.shots) + " shots");
    sim::SimOptions sim;
    sim.shots = p.shots;
    sim.seed = mitigation::deriveSeed(p.seed, kStreamCounts + index);
    sim.noise = &noise.value();
    sim.threads = ctx.hooks.threads;
    sim.cancel = ctx.hooks.cancel;
    auto sampled = sim::simulate(ctx.representative, sim);
    if (!sampled)
        return ctx.cancelled() ? "cancelled" : "sampling: " + sampled.error().message;
    for (const auto& [bits, count] : sampled->counts)
        out.counts[bits] = count;

    // 5. cost and latency of one inference, with and without mitigation
    progress(0.9, "pricing");
    const cost::PriceTable& table = *ctx.prices;
    auto row = table.find(device.pricing, p.cost.plan);
    if (!row)
        return "price: " + row.error().message;
    const cost::PriceRow& r = *row.value();
    out.priceKey = r.key;
    out.pricePlan = r.plan;
    out.priceDate = r.date;
    out.priceSource = r.source;
    const mitigation::CircuitFigures figures = mitigation::figuresOf(transpiled.value(), device);
    cost::Workload w;
    w.shots = p.shots;
    out.circuitExecutionsPerInference = ctx.kind == ml::QuantumModelKind::Kernel ? std::max(1, ctx.details.supportVectors) : 1;
    w.circuitsPerInference = int(out.circuitExecutionsPerInference);
    w.inferences = 1000;
    w.figures = figures;
    w.repetitionDelay = device.repetitionDelay;
    w.ionqErrorMitigation = true; // Azure IonQ's default, as 'qpilot estimate'
    auto none = mitigation::overheadFor(mitigation::MitigationPlan{}, figures, p.shots);
    if (!none)
        return "overhead: " + none.error().message;
    w.overhead = none.value();
    cost::Workload wm = w;
    auto over = mitigation::overheadFor(ctx.plan, figures, p.shots);
    if (!over)
        return "overhead: " + over.error().message;
    wm.overhead = over.value();
    wm.learning = ctx.plan.pec.has_value();
    wm.precision = cost::Precision::Equal;
    out.shotMultiplier = over->shotMultiplier;
    out.circuitsPerExecution = over->circuits;
    auto plain = cost::costOf(r, w, table.ibm);
    if (!plain)
        return "cost: " + plain.error().message;
    auto mitigated = cost::costOf(r, wm, table.ibm);
    if (!mitigated)
        return "cost: " + mitigated.error().message;
    out.costPer1kUnmitigatedUsd = plain->per1kUsd;
    out.costPer1kUsd = mitigated->per1kUsd;
    out.costFormula = mitigated->formula;
    for (const std::string& n : mitigated->notes)
        out.notes.push_back("cost: " + n);
    cost::LatencyInputs li;
    li.compileSeconds = 0.0; // compiled once per model, amortised over the inferences (measured: transpileSeconds)
    li.queueSeconds = p.cost.queueSeconds;
    li.shotRate = device.shotRate;
    const cost::Latency lat = cost::latencyOf(r, wm, table.ibm, li, false);
    const cost::Latency latPlain = cost::latencyOf(r, w, table.ibm, li, false);
    out.latencyCompile = lat.compile;
    out.latencyQueue = lat.queue;
    out.latencyNetwork = lat.network;
    out.latencyExecution = lat.execution;
    out.latencySeconds = lat.total;
    out.timeMultiplier = lat.execution && latPlain.execution && *latPlain.execution > 0 ? *lat.execution / *latPlain.execution
                                                                                         : lat.mitigationMultiplier;
    out.techniqueOverheads = techniqueOverheads(ctx.plan, figures, p.shots, r, table, w, li);
    out.successByDepth = successByDepth(transpiled.value(), device);
    if (!lat.queueNote.empty())
        out.notes.push_back("latency: queue " + lat.queueNote);
    if (!lat.executionNote.empty())
        out.notes.push_back("latency: execution " + lat.executionNote);
    out.notes.push_back("latency: compilation is done once per model and not counted per inference");
    return {};
}

// The model circuit for `features` inputs with fixed sample values bound (for the curve).
Result<Circuit> curveCircuit(const Context& ctx, encoding::Kind enc, int features)
{
    const Pilot& p = ctx.pilot;
    encoding::Built built;
    Circuit circuit;
    std::vector<std::string> weightNames;
    std::vector<double> weights;
    if (ctx.kind == ml::QuantumModelKind::Kernel) {
        encoding::Options eo;
        eo.reps = p.circuit.reps > 0 ? p.circuit.reps : ml::kDefaultKernelReps;
        auto b = encoding::build(enc, features, eo);
        if (!b)
            return b.error();
        built = std::move(b).value();
        circuit = built.circuit;
    } else {
        ml::VqcOptions vo;
        vo.encoding = enc;
        if (enc == encoding::Kind::Reupload) {
            if (p.circuit.reps > 0)
                vo.encodingOptions.layers = p.circuit.reps;
            vo.ansatz = ctx.options.ansatz;
        } else {
            vo.ansatz = ctx.options.ansatz.value_or(encoding::Kind::RealAmplitudes);
        }
        if (vo.ansatz)
            vo.ansatzOptions.reps = p.circuit.reps > 0 ? p.circuit.reps : 2;
        vo.seed = p.seed;
        auto model = ml::makeVqc(features, 2, vo);
        if (!model)
            return model.error();
        built = model->encoding;
        circuit = model->circuit;
        weightNames = model->weightNames;
        weights = model->weights;
    }
    std::vector<double> x(static_cast<size_t>(features));
    for (int j = 0; j < features; ++j)
        x[size_t(j)] = 0.3 + 2.5 * double(j) / double(features);
    auto bound0 = encoding::bindFeatures(built, x);
    if (!bound0)
        return bound0.error();
    ParamBindings bindings = std::move(bound0).value();
    for (size_t j = 0; j < weightNames.size(); ++j)
        bindings[weightNames[j]] = weights[j];
    ParamBindings used;
    for (const std::string& name : circuit.parameters)
        used[name] = bindings[name];
    auto bound = bindParameters(circuit, used);
    if (!bound)
        return bound.error();
    Circuit c = std::move(bound).value();
    c.parameters.clear();
    return c;
}

std::string encodingCurve(Context& ctx, const std::vector<std::optional<DeviceProfile>>& devices)
{
    const Pilot& p = ctx.pilot;
    PilotRun& run = ctx.run;
    const auto enc = encoding::kindByName(p.circuit.encoding);
    if (!enc)
        return {};
    std::vector<int> features;
    if (*enc == encoding::Kind::Amplitude) {
        for (int f = 2; f <= kCurveMaxAmplitudeFeatures; f *= 2)
            features.push_back(f);
    } else {
        const int top = std::max({8, std::min(run.features, kCurveMaxFeatures), run.encodedFeatures});
        for (int f = 2; f <= top; ++f)
            features.push_back(f);
    }
    if (std::find(features.begin(), features.end(), run.encodedFeatures) == features.end())
        features.push_back(run.encodedFeatures);
    std::sort(features.begin(), features.end());
    const double base = double(p.devices.size()) / double(p.devices.size() + 1);
    for (size_t k = 0; k < features.size(); ++k) {
        if (ctx.cancelled())
            return "cancelled";
        const int f = features[k];
        ctx.progress(Stage::Devices, base + (1 - base) * double(k) / double(features.size()),
                     "encoding curve: " + std::to_string(f) + " features");
        auto c = curveCircuit(ctx, *enc, f);
        if (!c) {
            run.warnings.push_back("encoding curve stops at " + std::to_string(f) + " features: " + c.error().message);
            break;
        }
        EncodingPoint point;
        point.features = f;
        point.qubits = c->numQubits();
        const CircuitMetrics cm = circuitMetrics(*c);
        point.twoQubitGates = cm.twoQubitGates;
        point.depth = cm.depth;
        for (size_t i = 0; i < devices.size(); ++i) {
            if (!devices[i] || !run.devices[i].error.empty() || devices[i]->numQubits < point.qubits)
                continue;
            TranspileOptions to;
            to.level = 1;
            to.seed = mitigation::deriveSeed(p.seed, kStreamTranspile + i);
            auto t = transpile(*c, *devices[i], to);
            if (t)
                point.transpiledTwoQubitGates[p.devices[i]] = t->metrics.twoQubitCount;
        }
        run.encodingCurve.push_back(std::move(point));
    }
    return {};
}

} // namespace

StageOutcome runDevicesStage(Context& ctx)
{
    const Pilot& p = ctx.pilot;
    PilotRun& run = ctx.run;
    auto files = priceFiles(p);
    auto prices = cost::loadPrices(files.value());
    if (!prices)
        return {"price tables: " + prices.error().toString(), false, {}};
    ctx.prices = std::move(prices).value();
    std::string used;
    for (const std::string& f : ctx.prices->files)
        used += (used.empty() ? "" : ", ") + f;
    run.priceTablesUsed = used.empty() ? std::string("shipped price tables (resources/prices)") : used;
    cost::ClassicalOptions co;
    co.instance = p.cost.classicalInstance;
    co.usdPerHour = p.cost.classicalUsdPerHour;
    co.throughputPerSecond = p.cost.classicalThroughputPerSecond;
    const cost::ClassicalCost classical = cost::classicalCost(co);
    run.classicalPer1kUsd = classical.dedicatedPer1kUsd;
    run.classicalServerlessPer1kUsd = classical.serverlessPer1kUsd;
    run.classicalLatencySeconds = classical.latencySeconds;

    std::vector<std::optional<DeviceProfile>> profiles(p.devices.size());
    int failed = 0;
    std::string dates;
    for (size_t i = 0; i < p.devices.size(); ++i) {
        if (ctx.cancelled())
            return {"cancelled before device " + p.devices[i], true, {}};
        DeviceOutcome out;
        const std::string error = evaluateDevice(ctx, i, out, profiles[i]);
        if (error == "cancelled" || ctx.cancelled()) {
            run.devices.push_back(std::move(out));
            run.devices.back().error = "cancelled";
            return {"cancelled during device " + p.devices[i], true, {}};
        }
        if (!error.empty()) {
            // This device failed: its error is recorded, the other devices go on.
            DeviceOutcome failedOutcome;
            failedOutcome.deviceId = out.deviceId;
            failedOutcome.deviceName = out.deviceName;
            failedOutcome.provider = out.provider;
            failedOutcome.calibrationSource = out.calibrationSource;
            failedOutcome.error = error;
            run.devices.push_back(std::move(failedOutcome));
            run.warnings.push_back("device " + p.devices[i] + " failed: " + error);
            ++failed;
            continue;
        }
        dates += (dates.empty() ? "" : "; ") + out.deviceId + ": " + out.priceKey + "/" + out.pricePlan + " prices of " + out.priceDate;
        run.devices.push_back(std::move(out));
    }
    if (!dates.empty())
        run.priceTablesUsed += " (" + dates + ")";
    if (failed == int(p.devices.size()))
        return {"every device failed (first: " + run.devices.front().deviceId + ": " + run.devices.front().error + ")", false, {}};

    const std::string curve = encodingCurve(ctx, profiles);
    if (curve == "cancelled")
        return {"cancelled during the encoding curve", true, {}};
    std::string summary;
    for (const DeviceOutcome& d : run.devices)
        summary += (summary.empty() ? "" : "; ") + d.deviceId
                   + (d.error.empty() ? ": noisy accuracy " + num(d.noisyAccuracy) + ", $" + num(d.costPer1kUsd, 4) + " per 1k"
                                      : ": failed");
    return {{}, false, summary};
}

} // namespace qpilot::pilot::detail
