// core/pilot/pipeline.cpp — runPilot(): validates the pilot, records provenance, and runs the
// stages in order — Data (load, fingerprint, select classes, stratified split, standardise/PCA),
// Baseline (the tuned classical baselines), Circuits (the quantum model trained ideal at the run
// seed, its circuit as OpenQASM 3 with a SHA-256, the representative circuit the devices run),
// Devices (pipeline_devices.cpp), Reproducibility (the quantum model retrained with derived
// seeds: spread and standard deviation of the test accuracy) — with progress, cooperative cancel
// between units of work, and a run that stops midway keeping the stages it finished.
#include "core/pilot/pipeline.h"

#include "core/common/hash.h"
#include "core/common/provenance.h"
#include "core/pilot/pilot_internal.h"
#include "core/pilot/pipeline_internal.h"

#include "core/circuit/metrics.h"
#include "core/circuit/qasm.h"
#include "core/circuit/transform.h"

#include <QDateTime>
#include <QtGlobal>

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <cmath>
#include <numeric>
#include <sstream>

namespace qpilot::pilot {

using detail::Context;
using detail::StageOutcome;

namespace {

using Clock = std::chrono::steady_clock;


std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string num(double v, int precision = 4)
{
    std::ostringstream s;
    s << std::setprecision(precision) << v;
    return s.str();
}

std::string buildId()
{
    std::string compiler;
#if defined(__clang__)
    compiler = std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
    compiler = std::string("gcc ") + __VERSION__;
#else
    compiler = "unknown compiler";
#endif
#ifdef QPILOT_BUILD_TYPE
    const std::string type = QPILOT_BUILD_TYPE;
#else
    const std::string type;
#endif
#ifdef NDEBUG
    const std::string opt = "optimised";
#else
    const std::string opt = "debug assertions";
#endif
    return compiler + ", " + (type.empty() ? opt : type + " (" + opt + ")") + ", Qt " + qVersion();
}

bool isCancelError(const Error& e) { return e.message == "cancelled" || e.message.find(": cancelled") != std::string::npos; }

ml::QuantumModelOptions modelOptions(const Pilot& p, const PipelineHooks& hooks)
{
    ml::QuantumModelOptions qo;
    qo.encoding = encoding::kindByName(lower(p.circuit.encoding));
    qo.reps = p.circuit.reps;
    if (!p.circuit.ansatz.empty())
        qo.ansatz = encoding::kindByName(lower(p.circuit.ansatz));
    const std::string o = lower(p.model.optimizer);
    qo.optimizer = o == "spsa" ? ml::VqcOptimizer::SPSA : o == "cobyla" ? ml::VqcOptimizer::COBYLA : ml::VqcOptimizer::Adam;
    qo.epochs = p.model.epochs;
    qo.learningRate = p.model.learningRate;
    qo.shots = 0; // ideal: exact probabilities / overlaps
    qo.folds = p.model.folds;
    qo.seed = p.seed;
    qo.threads = hooks.threads;
    qo.cancel = hooks.cancel;
    return qo;
}

// Loads the dataset as the pilot asks: source, CSV options, fingerprint check, classes.
Result<ml::Dataset> loadPilotDataset(const Pilot& p, std::string* loadedFingerprint, std::string* kind)
{
    ml::CsvOptions csv;
    csv.labelColumn = p.dataset.labelColumn;
    csv.ignoreColumns = p.dataset.ignoreColumns;
    auto impute = ml::imputeFromKey(p.dataset.impute);
    if (!impute)
        return Error("dataset.impute: " + impute.error().message);
    csv.impute = *impute;
    auto loaded = ml::loadDataset(p.dataset.source, csv, p.seed, p.baseDirectory);
    if (!loaded)
        return Error("dataset.source: " + loaded.error().toString());
    ml::Dataset d = std::move(loaded->dataset);
    *loadedFingerprint = d.fingerprint;
    *kind = loaded->kind;
    if (!p.dataset.fingerprint.empty() && lower(p.dataset.fingerprint) != d.fingerprint)
        return Error("dataset.fingerprint: the data's SHA-256 is " + d.fingerprint + ", not the expected " + p.dataset.fingerprint);
    if (!p.dataset.classes.empty()) {
        auto sel = ml::selectClasses(d, p.dataset.classes);
        if (!sel)
            return Error("dataset.classes: " + sel.error().message);
        d = std::move(sel).value();
    }
    return d;
}

StageOutcome dataStage(Context& ctx)
{
    const Pilot& p = ctx.pilot;
    PilotRun& run = ctx.run;
    ctx.progress(Stage::Data, 0, "loading " + p.dataset.source);
    std::string fingerprint, kind;
    auto d = loadPilotDataset(p, &fingerprint, &kind);
    if (!d)
        return {d.error().message, false, {}};
    ctx.dataset = std::move(d).value();
    const ml::Dataset& ds = ctx.dataset;
    run.datasetName = ds.name;
    run.datasetSource = p.dataset.source + " (" + kind + "; " + ds.source + ")";
    run.datasetFingerprint = fingerprint;
    run.rows = ds.samples.rows;
    run.features = ds.samples.features;
    run.classes = ds.samples.classes;
    ctx.progress(Stage::Data, 0.5, "splitting");
    auto split = ml::stratifiedSplit(ds.samples, p.preprocessing.testFraction, p.seed);
    if (!split)
        return {"split: " + split.error().message, false, {}};
    std::string description;
    auto pre = detail::preprocess(p, split->train, split->test, &description);
    if (!pre)
        return {pre.error().message, false, {}};
    ctx.train = std::move(pre->first);
    ctx.test = std::move(pre->second);
    run.trainRows = ctx.train.rows;
    run.testRows = ctx.test.rows;
    run.encodedFeatures = ctx.train.features;
    run.preprocessing = "stratified split " + std::to_string(ctx.train.rows) + " train / " + std::to_string(ctx.test.rows)
                        + " test (test fraction " + num(p.preprocessing.testFraction) + ", seed " + std::to_string(p.seed)
                        + ")" + (description.empty() ? "" : "; " + description);
    std::string classes;
    for (const std::string& c : ds.classNames)
        classes += (classes.empty() ? "" : ", ") + c;
    return {{}, false, ds.name + ": " + std::to_string(ds.samples.rows) + " rows, " + std::to_string(ds.samples.features)
                           + " features, classes " + classes + "; sha256 " + fingerprint.substr(0, 12)};
}

StageOutcome baselineStage(Context& ctx)
{
    const Pilot& p = ctx.pilot;
    PilotRun& run = ctx.run;
    const int n = int(p.model.baselines.size());
    for (int i = 0; i < n; ++i) {
        if (ctx.cancelled())
            return {"cancelled before baseline " + p.model.baselines[size_t(i)], true, {}};
        ctx.progress(Stage::Baseline, double(i) / n, "tuning " + p.model.baselines[size_t(i)]);
        auto kind = ml::baselineFromKey(p.model.baselines[size_t(i)]);
        if (!kind)
            return {"model.baselines[" + std::to_string(i) + "]: " + kind.error().message, false, {}};
        auto report = ml::trainBaseline(*kind, ctx.train, ctx.test, ml::TrainOptions{p.model.folds, p.seed});
        if (!report)
            return {p.model.baselines[size_t(i)] + ": " + report.error().message, false, {}};
        run.baselines.push_back(std::move(report).value());
    }
    run.bestBaseline = -1;
    for (size_t i = 0; i < run.baselines.size(); ++i)
        if (run.bestBaseline < 0 || run.baselines[i].metrics.accuracy > run.baselines[size_t(run.bestBaseline)].metrics.accuracy)
            run.bestBaseline = int(i);
    const ml::ModelReport& best = run.baselines[size_t(run.bestBaseline)];
    return {{}, false, "best baseline " + best.model + ", test accuracy " + num(best.metrics.accuracy)};
}

// The model circuit with the first test sample (scaled as in training) and the trained weights
// bound, measured on every qubit.
Result<Circuit> representativeCircuit(const Context& ctx, std::string* note)
{
    const ml::QuantumDetails& q = ctx.details;
    ml::Samples one;
    one.rows = 1;
    one.features = ctx.test.features;
    one.x.assign(ctx.test.row(0), ctx.test.row(0) + ctx.test.features);
    one.y = {ctx.test.y.empty() ? 0 : ctx.test.y[0]};
    one.classes = ctx.test.classes;
    if (q.scaler)
        one = q.scaler->apply(one);
    const std::vector<double> x(one.x.begin(), one.x.end());
    ParamBindings bindings;
    Circuit base = q.circuit;
    if (!ctx.pilot.circuit.customQasm.empty()) {
        auto custom = parseQasm(ctx.pilot.circuit.customQasm, "circuit.custom_qasm");
        if (!custom)
            return Error("circuit.custom_qasm: " + custom.error().toString());
        base = std::move(custom).value();
        for (size_t i = 0; i < x.size(); ++i)
            bindings["x_" + std::to_string(i)] = x[i];
        *note = "the pilot's custom circuit with x_i bound to the first test sample";
    } else {
        auto b = encoding::bindFeatures(q.featureMap, x);
        if (!b)
            return Error("binding a test sample: " + b.error().message);
        bindings = std::move(b).value();
        for (size_t j = 0; j < q.weightNames.size() && j < q.weights.size(); ++j)
            bindings[q.weightNames[j]] = q.weights[j];
        *note = std::string("the model circuit with the first test sample") + (q.weights.empty() ? "" : " and the trained weights")
                + " bound";
    }
    // Only the parameters the circuit declares.
    ParamBindings used;
    for (const std::string& name : base.parameters) {
        auto it = bindings.find(name);
        if (it == bindings.end())
            return Error("the circuit's parameter '" + name + "' has no value (inputs are x_0..x_"
                         + std::to_string(x.size() - 1) + ")");
        used[name] = it->second;
    }
    auto bound = bindParameters(base, used);
    if (!bound)
        return Error("binding the circuit: " + bound.error().message);
    Circuit c = std::move(bound).value();
    c.parameters.clear();
    if (c.numClbits() == 0) {
        c.addCreg("c", c.numQubits());
        for (int i = 0; i < c.numQubits(); ++i)
            c.measure(i, i);
    }
    return c;
}

// The ideal Gram matrix (exact statevector overlaps) of the first min(n, kKernelSampleMaxRows)
// training rows, scaled as the kernel model scales them.
Result<ml::KernelMatrix> kernelSample(const Context& ctx)
{
    const ml::QuantumDetails& q = ctx.details;
    ml::Samples head;
    head.rows = std::min(ctx.train.rows, kKernelSampleMaxRows);
    head.features = ctx.train.features;
    head.classes = ctx.train.classes;
    head.x.assign(ctx.train.x.begin(), ctx.train.x.begin() + std::ptrdiff_t(head.rows) * head.features);
    head.y.assign(ctx.train.y.begin(), ctx.train.y.begin() + head.rows);
    if (q.scaler)
        head = q.scaler->apply(head);
    ml::KernelOptions ko;
    ko.threads = ctx.hooks.threads;
    ko.cancel = ctx.hooks.cancel;
    auto gram = ml::gramMatrix(q.featureMap, head, ko);
    if (!gram)
        return Error("kernel matrix sample: " + gram.error().message);
    return gram;
}

StageOutcome circuitsStage(Context& ctx)
{
    const Pilot& p = ctx.pilot;
    PilotRun& run = ctx.run;
    auto kind = ml::quantumModelFromKey(p.model.kind);
    if (!kind)
        return {"model.kind: " + kind.error().message, false, {}};
    ctx.kind = *kind;
    ctx.options = modelOptions(p, ctx.hooks);
    ctx.progress(Stage::Circuits, 0, std::string("training the ") + p.model.kind + " model (ideal)");
    auto trained = ml::trainQuantumModel(ctx.kind, ctx.train, ctx.test, ctx.options);
    if (!trained) {
        if (isCancelError(trained.error()))
            return {"cancelled while training the quantum model", true, {}};
        return {trained.error().message, false, {}};
    }
    ctx.details = trained->quantum;
    run.quantum = trained->report;
    const ml::QuantumDetails& q = ctx.details;
    run.trainingExecutions = q.trainingExecutions;
    if (ctx.kind == ml::QuantumModelKind::Kernel) {
        // The simulator gets the Gram matrix from n state vectors; a QPU runs one compute-uncompute
        // circuit per pair of training rows, n(n-1)/2 of them (the diagonal is 1 by construction).
        const long long n = ctx.train.rows;
        run.trainingExecutions = n * (n - 1) / 2;
        run.kernelAlignment = q.alignment;
        run.kernelOffDiagonalMean = q.spread.mean;
        run.kernelOffDiagonalVariance = q.spread.variance;
        ctx.progress(Stage::Circuits, 0.7, "kernel matrix sample");
        auto sample = kernelSample(ctx);
        if (!sample)
            return {isCancelError(sample.error()) ? "cancelled while sampling the kernel matrix" : sample.error().message,
                    isCancelError(sample.error()), {}};
        run.kernelSampleRows = sample->rows;
        run.kernelSample = std::move(sample->values);
    }
    run.trainingLoss = q.loss;
    for (const std::string& w : q.warnings)
        run.warnings.push_back("quantum model: " + w);
    run.seeds.push_back(SeedOutcome{p.seed, run.quantum.metrics.accuracy, run.quantum.metrics.f1, run.quantum.trainSeconds()});

    ctx.progress(Stage::Circuits, 0.8, "writing the circuit");
    Circuit symbolic = q.circuit;
    if (!p.circuit.customQasm.empty()) {
        auto custom = parseQasm(p.circuit.customQasm, "circuit.custom_qasm");
        if (!custom)
            return {"circuit.custom_qasm: " + custom.error().toString(), false, {}};
        symbolic = std::move(custom).value();
        run.warnings.push_back("circuit.custom_qasm: the devices run the custom circuit; the accuracies are of the "
                               + p.model.kind + " model with the " + p.circuit.encoding + " encoding");
    }
    auto qasm = writeQasm3(symbolic);
    if (!qasm)
        return {"writing the circuit as OpenQASM 3: " + qasm.error().message, false, {}};
    run.circuitQasm = qasm.value();
    run.circuitHash = sha256Hex(run.circuitQasm);
    const CircuitMetrics cm = circuitMetrics(symbolic);
    run.circuitDescription = (p.circuit.customQasm.empty() ? q.encoding : std::string("custom OpenQASM circuit"))
                             + (q.ansatz != "none" && p.circuit.customQasm.empty() ? " + " + q.ansatz : std::string())
                             + ", " + std::to_string(symbolic.numQubits()) + " qubits, " + std::to_string(cm.oneQubitGates)
                             + " 1q + " + std::to_string(cm.twoQubitGates) + " 2q gates, depth " + std::to_string(cm.depth);
    auto rep = representativeCircuit(ctx, &ctx.representativeNote);
    if (!rep)
        return {rep.error().message, false, {}};
    ctx.representative = std::move(rep).value();
    // The observable whose mitigation is measured: the VQC reads qubit 0 (binary expectation
    // readout) — Z on qubit 0; the kernel's state is judged by the parity Z⊗n of all qubits.
    const int n = ctx.representative.numQubits();
    ctx.observable = ctx.kind == ml::QuantumModelKind::Vqc ? std::string(size_t(n - 1), 'I') + "Z" : std::string(size_t(n), 'Z');
    return {{}, false, run.quantum.model + " test accuracy " + num(run.quantum.metrics.accuracy) + " (ideal); circuit "
                           + run.circuitDescription};
}

StageOutcome reproducibilityStage(Context& ctx)
{
    const Pilot& p = ctx.pilot;
    PilotRun& run = ctx.run;
    const int k = p.reproducibilitySeeds;
    for (int i = 1; i < k; ++i) {
        if (ctx.cancelled())
            return {"cancelled before repeat " + std::to_string(i + 1) + " of " + std::to_string(k), true, {}};
        const std::uint64_t seed = mitigation::deriveSeed(p.seed, detail::kStreamRepeat + std::uint64_t(i));
        ctx.progress(Stage::Reproducibility, double(i - 1) / std::max(1, k - 1),
                     "repeat " + std::to_string(i + 1) + " of " + std::to_string(k) + " (seed " + std::to_string(seed) + ")");
        // A new split and new model draws: the spread says how much the conclusion depends on luck.
        auto split = ml::stratifiedSplit(ctx.dataset.samples, p.preprocessing.testFraction, seed);
        if (!split)
            return {"repeat " + std::to_string(i + 1) + ": split: " + split.error().message, false, {}};
        auto pre = detail::preprocess(p, split->train, split->test, nullptr);
        if (!pre)
            return {"repeat " + std::to_string(i + 1) + ": " + pre.error().message, false, {}};
        ml::QuantumModelOptions qo = ctx.options;
        qo.seed = seed;
        auto trained = ml::trainQuantumModel(ctx.kind, pre->first, pre->second, qo);
        if (!trained) {
            if (isCancelError(trained.error()))
                return {"cancelled during repeat " + std::to_string(i + 1), true, {}};
            return {"repeat " + std::to_string(i + 1) + ": " + trained.error().message, false, {}};
        }
        run.seeds.push_back(SeedOutcome{seed, trained->report.metrics.accuracy, trained->report.metrics.f1,
                                        trained->report.trainSeconds()});
    }
    double lo = 1, hi = 0, mean = 0;
    for (const SeedOutcome& s : run.seeds) {
        lo = std::min(lo, s.accuracy);
        hi = std::max(hi, s.accuracy);
        mean += s.accuracy;
    }
    mean /= double(run.seeds.size());
    double ss = 0;
    for (const SeedOutcome& s : run.seeds)
        ss += (s.accuracy - mean) * (s.accuracy - mean);
    run.accuracySpread = run.seeds.empty() ? 0 : hi - lo;
    run.accuracyStd = run.seeds.size() > 1 ? std::sqrt(ss / double(run.seeds.size() - 1)) : 0;
    return {{}, false, std::to_string(run.seeds.size()) + " seeds: accuracy spread " + num(run.accuracySpread) + ", std "
                           + num(run.accuracyStd)};
}

} // namespace

namespace detail {

Result<std::pair<ml::Samples, ml::Samples>> preprocess(const Pilot& p, const ml::Samples& trainIn, const ml::Samples& testIn,
                                                       std::string* description)
{
    ml::Samples train = trainIn, test = testIn;
    std::string what;
    if (p.preprocessing.standardize || p.preprocessing.pca > 0) {
        const ml::Standardizer st = ml::fitStandardizer(train);
        train = st.apply(train);
        test = st.apply(test);
        what = "standardised (training-set mean and scale)";
    }
    if (p.preprocessing.pca > 0) {
        auto pca = ml::fitPca(train, p.preprocessing.pca);
        if (!pca)
            return Error("preprocessing.pca: " + pca.error().message);
        train = pca->apply(train);
        test = pca->apply(test);
        double explained = 0;
        for (double r : pca->explainedVarianceRatio)
            explained += r;
        what += ", PCA to " + std::to_string(p.preprocessing.pca) + " components (" + num(100 * explained, 3)
                + "% of the variance, fitted on the training set)";
    }
    if (description)
        *description = what;
    return std::make_pair(std::move(train), std::move(test));
}

} // namespace detail

Result<Circuit> modelCircuit(const Pilot& pilot)
{
    if (!pilot.circuit.customQasm.empty()) {
        auto custom = parseQasm(pilot.circuit.customQasm, "circuit.custom_qasm");
        if (!custom)
            return Error("circuit.custom_qasm: " + custom.error().toString());
        return custom;
    }
    auto kind = ml::quantumModelFromKey(pilot.model.kind);
    if (!kind)
        return Error("model.kind: " + kind.error().message);
    std::string fingerprint, sourceKind;
    auto data = loadPilotDataset(pilot, &fingerprint, &sourceKind);
    if (!data)
        return data.error();
    const int features = pilot.preprocessing.pca > 0 ? pilot.preprocessing.pca : data->samples.features;
    auto circuit = ml::quantumModelCircuit(*kind, features, data->samples.classes, modelOptions(pilot, PipelineHooks{}));
    if (!circuit)
        return Error("circuit: " + circuit.error().message);
    return circuit;
}

PilotRun runPilot(const Pilot& pilot, const PipelineHooks& hooks)
{
    PilotRun run;
    run.pilotName = pilot.name;
    run.configurationJson = writePilot(pilot);
    run.seed = pilot.seed;
    run.appVersion = QPILOT_VERSION;
    run.buildId = buildId();
    run.user = osUserName();
    run.startedAt = utcNow();
    run.status = RunStatus::Running;

    auto finish = [&run](RunStatus status, const std::string& reason) {
        run.status = status;
        run.stopReason = reason;
        run.finishedAt = utcNow();
        return run;
    };

    const std::vector<Issue> issues = checkPilot(pilot);
    if (!issues.empty()) {
        std::string reason = "invalid pilot: ";
        for (size_t i = 0; i < issues.size(); ++i)
            reason += (i ? "; " : "") + issues[i].path + ": " + issues[i].message;
        return finish(RunStatus::Failed, reason);
    }

    Context ctx(pilot, hooks, run);
    auto plan = mitigation::parsePlan(pilot.mitigation);
    ctx.plan = plan ? plan.value() : mitigation::MitigationPlan{};

    using Body = StageOutcome (*)(Context&);
    const std::pair<Stage, Body> stages[] = {{Stage::Data, &dataStage},
                                             {Stage::Baseline, &baselineStage},
                                             {Stage::Circuits, &circuitsStage},
                                             {Stage::Devices, &detail::runDevicesStage},
                                             {Stage::Reproducibility, &reproducibilityStage}};
    for (const auto& [stage, body] : stages) {
        if (ctx.cancelled())
            return finish(RunStatus::Cancelled, std::string(stageKey(stage)) + ": cancelled before the stage started");
        const auto t0 = Clock::now();
        StageOutcome outcome;
        try {
            outcome = body(ctx);
        } catch (const std::exception& e) {
            outcome.error = std::string("internal error: ") + e.what();
        }
        StageRecord record;
        record.stage = stage;
        record.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        record.status = outcome.error.empty() ? "done" : outcome.cancelled ? "cancelled" : "failed";
        record.message = outcome.error.empty() ? outcome.message : outcome.error;
        run.stages.push_back(record);
        ctx.progress(stage, 1, record.message);
        if (!outcome.error.empty()) {
            finish(outcome.cancelled ? RunStatus::Cancelled : RunStatus::Failed,
                   std::string(stageKey(stage)) + ": " + outcome.error);
            if (hooks.stageFinished)
                hooks.stageFinished(run, stage);
            return run;
        }
        if (hooks.stageFinished)
            hooks.stageFinished(run, stage);
    }
    return finish(RunStatus::Completed, {});
}

} // namespace qpilot::pilot
