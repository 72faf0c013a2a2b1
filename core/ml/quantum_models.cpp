// core/ml/quantum_models.cpp — trainQuantumModel(): resolves the encoding/ansatz defaults,
// checks the qubit caps and the device, scales angle inputs (min–max to [0, π] on the training
// set), trains the VQC or the kernel SVM, scores the test set into a ModelReport and collects
// the quantum details (circuit size, executions, alignment, concentration).
#include "core/ml/quantum_models.h"

#include "core/circuit/metrics.h"
#include "core/device/device.h"
#include "core/ml/preprocess.h"
#include "core/noise/noise.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <sstream>

namespace qpilot::ml {

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string shortNumber(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

std::string describe(const encoding::Built& b)
{
    using encoding::Kind;
    std::string out = encoding::kindName(b.kind);
    const encoding::Options& o = b.options;
    switch (b.kind) {
    case Kind::ZZ:
        out += " (reps " + std::to_string(o.reps) + ", " + encoding::entanglementName(o.entanglement.value_or(encoding::Entanglement::Full)) + ")";
        break;
    case Kind::Reupload:
        out += std::string(" (") + std::to_string(o.layers) + " layers, r" + encoding::axisName(o.rotation) + " inputs, "
               + (o.block == encoding::TrainableBlock::RY ? "ry" : "ryrz") + " blocks)";
        break;
    case Kind::Angle:
        out += std::string(" (r") + encoding::axisName(o.rotation) + ")";
        break;
    case Kind::RealAmplitudes:
    case Kind::EfficientSU2:
    case Kind::HardwareEfficient:
        out += " (reps " + std::to_string(o.reps) + ", "
               + encoding::entanglementName(o.entanglement.value_or(encoding::Entanglement::ReverseLinear)) + ")";
        break;
    default:
        break;
    }
    return out;
}

bool allBinary(const Samples& s)
{
    for (double v : s.x)
        if (v != 0.0 && v != 1.0)
            return false;
    return true;
}

// Test-set throughput: prediction passes repeated until at least 20 ms have passed.
template <class Predict>
double throughput(int rows, double firstPassSeconds, Predict&& predict)
{
    double total = firstPassSeconds;
    int passes = 1;
    while (total < 0.02) {
        const auto t = Clock::now();
        if (!predict())
            break;
        total += secondsSince(t);
        ++passes;
    }
    return total > 0 ? double(rows) * passes / total : 0.0;
}

// The VQC's options as trainQuantumModel resolves them: encoding, ansatz defaults (reupload trains
// its own weights; others real_amplitudes, reps 2; hardware_efficient fitted to the noise device)
// and the readout (expectation when there is a qubit per class, else parity).
Result<VqcOptions> vqcOptionsFor(encoding::Kind enc, int qubits, int classes, const QuantumModelOptions& options)
{
    using encoding::Kind;
    VqcOptions vo;
    vo.encoding = enc;
    if (enc == Kind::Reupload) {
        if (options.reps > 0)
            vo.encodingOptions.layers = options.reps;
        vo.ansatz = options.ansatz; // none by default: the re-uploading weights train
    } else {
        vo.ansatz = options.ansatz.value_or(Kind::RealAmplitudes);
    }
    if (vo.ansatz) {
        vo.ansatzOptions.reps = options.reps > 0 ? options.reps : 2;
        if (*vo.ansatz == Kind::HardwareEfficient && options.noiseDevice) {
            auto hea = encoding::hardwareEfficientForDevice(*options.noiseDevice, qubits, vo.ansatzOptions);
            if (!hea)
                return Error{"vqc: " + hea.error().message};
            vo.ansatzOptions = *hea;
        }
    }
    vo.readout = (classes == 2 || classes <= qubits) ? VqcReadout::Expectation : VqcReadout::Parity;
    return vo;
}

} // namespace

const char* quantumModelKey(QuantumModelKind kind) { return kind == QuantumModelKind::Vqc ? "vqc" : "kernel"; }

Result<QuantumModelKind> quantumModelFromKey(const std::string& key)
{
    if (key == "vqc")
        return QuantumModelKind::Vqc;
    if (key == "kernel")
        return QuantumModelKind::Kernel;
    return Error{"unknown quantum model '" + key + "' (expected vqc or kernel)"};
}

encoding::Kind defaultQuantumEncoding(QuantumModelKind kind)
{
    return kind == QuantumModelKind::Kernel ? encoding::Kind::ZZ : encoding::Kind::Angle;
}

bool isAngleEncoding(encoding::Kind kind)
{
    using encoding::Kind;
    return kind == Kind::Angle || kind == Kind::DenseAngle || kind == Kind::ZZ || kind == Kind::Reupload;
}

Result<int> quantumQubits(encoding::Kind kind, int features)
{
    if (encoding::isAnsatz(kind))
        return Error{std::string(encoding::kindName(kind)) + " is an ansatz, not a data encoding (encodings: basis, angle, "
                     "dense_angle, amplitude, zz, reupload)"};
    if (features < 1)
        return Error{"no features to encode"};
    auto r = encoding::resources(kind, features);
    if (!r)
        return r.error();
    return r->qubits;
}

Result<int> validateQuantumModel(QuantumModelKind kind, int features, int /*classes*/, bool binary,
                                 const QuantumModelOptions& options)
{
    using encoding::Kind;
    const char* key = quantumModelKey(kind);
    if (options.shots < 0)
        return Error{std::string(key) + ": shots must be >= 0 (0 = exact)"};
    if (options.epochs < 1)
        return Error{std::string(key) + ": epochs must be >= 1"};
    const Kind enc = options.encoding.value_or(defaultQuantumEncoding(kind));
    auto qubits = quantumQubits(enc, features);
    if (!qubits)
        return Error{std::string(key) + ": " + qubits.error().message};
    const bool noisy = options.noiseDevice != nullptr;
    const int cap = noisy ? kMaxNoisyQubits : kMaxQuantumQubits;
    if (*qubits > cap)
        return Error{std::string(key) + ": " + encoding::kindName(enc) + " needs " + std::to_string(*qubits) + " qubits for "
                     + std::to_string(features) + " features, more than the "
                     + (noisy ? "noisy (density-matrix) cap of " : "cap of ") + std::to_string(cap)
                     + " qubits; reduce the features with --pca K"
                     + (enc != Kind::Amplitude && enc != Kind::DenseAngle ? " or use dense_angle / amplitude" : "")};
    if (noisy && options.noiseDevice->numQubits < *qubits)
        return Error{std::string(key) + ": device " + options.noiseDevice->id + " has " + std::to_string(options.noiseDevice->numQubits)
                     + " qubits, the circuit needs " + std::to_string(*qubits)};
    if (enc == Kind::Basis && !binary)
        return Error{std::string(key) + ": the basis encoding needs features that are 0 or 1; choose angle, dense_angle, zz, "
                     "reupload or amplitude"};
    if (kind == QuantumModelKind::Kernel && options.ansatz)
        return Error{"kernel: an ansatz applies to the vqc only"};
    if (options.ansatz && !encoding::isAnsatz(*options.ansatz))
        return Error{std::string(key) + ": " + encoding::kindName(*options.ansatz) + " is an encoding, not an ansatz "
                     "(ansaetze: real_amplitudes, efficient_su2, hardware_efficient)"};
    return *qubits;
}

Result<QuantumModelReport> trainQuantumModel(QuantumModelKind kind, const Samples& trainIn, const Samples& testIn,
                                             const QuantumModelOptions& options)
{
    using encoding::Kind;
    const char* key = quantumModelKey(kind);
    if (trainIn.rows < 2 || testIn.rows < 1)
        return Error{std::string(key) + ": empty training or test set"};
    if (trainIn.features != testIn.features)
        return Error{std::string(key) + ": the training set has " + std::to_string(trainIn.features) + " features, the test set "
                     + std::to_string(testIn.features)};
    const int classes = std::max(trainIn.classes, testIn.classes);
    auto qubits = validateQuantumModel(kind, trainIn.features, classes, allBinary(trainIn) && allBinary(testIn), options);
    if (!qubits)
        return qubits.error();
    const Kind enc = options.encoding.value_or(defaultQuantumEncoding(kind));
    const bool noisy = options.noiseDevice != nullptr;

    std::optional<NoiseModel> noise;
    if (noisy) {
        auto n = NoiseModel::fromDevice(*options.noiseDevice);
        if (!n)
            return Error{std::string(key) + ": noise model of " + options.noiseDevice->id + ": " + n.error().message};
        noise = std::move(n).value();
    }

    QuantumModelReport out;
    QuantumDetails& q = out.quantum;
    Samples train = trainIn, test = testIn;
    if (isAngleEncoding(enc)) {
        auto mm = fitMinMax(train, 0.0, M_PI);
        if (!mm)
            return Error{std::string(key) + ": " + mm.error().message};
        train = mm->apply(train);
        test = mm->apply(test);
        q.scaler = *mm;
        q.scaling = "min-max to [0, pi] fitted on the training set";
    } else {
        q.scaling = enc == Kind::Amplitude ? "none (amplitude encoding normalises each sample)" : "none (0/1 bits)";
    }
    q.noiseDevice = noisy ? options.noiseDevice->id : "";
    q.shots = options.shots;
    q.method = std::string(noisy ? "density matrix with the noise model of " + options.noiseDevice->id : "statevector")
               + (options.shots > 0 ? ", " + std::to_string(options.shots) + " shots" : ", exact probabilities");

    ModelReport& r = out.report;
    r.model = key;
    r.trainRows = train.rows;
    r.testRows = test.rows;

    if (kind == QuantumModelKind::Kernel) {
        encoding::Options eo;
        eo.reps = options.reps > 0 ? options.reps : kDefaultKernelReps;
        auto fm = encoding::build(enc, train.features, eo);
        if (!fm)
            return Error{"kernel: " + fm.error().message};
        KernelOptions ko;
        ko.method = options.shots > 0 ? KernelMethod::ComputeUncompute : KernelMethod::Statevector;
        ko.shots = options.shots;
        ko.seed = options.seed;
        ko.noise = noise ? &*noise : nullptr;
        ko.threads = options.threads;
        ko.cancel = options.cancel;
        SvmTuning tuning;
        tuning.folds = options.folds;
        tuning.seed = options.seed;
        const auto t0 = Clock::now();
        auto model = trainQuantumKernel(train, *fm, ko, tuning);
        if (!model)
            return Error{"kernel: " + model.error().message};
        r.fitSeconds = secondsSince(t0);
        const auto t1 = Clock::now();
        auto pred = predictQuantumKernelScores(*model, test, classes, &q.predictionExecutions);
        if (!pred)
            return Error{"kernel: " + pred.error().message};
        const double firstPass = secondsSince(t1);
        r.inferenceSamplesPerSecond = throughput(test.rows, firstPass, [&] {
            return predictQuantumKernelScores(*model, test, classes).ok();
        });
        r.predictions = pred->labels;
        r.metrics = computeMetrics(test.y, pred->labels, pred->scores, classes);
        r.folds = options.folds;
        for (const auto& [c, acc] : model->tuning.scores)
            r.grid.push_back(GridPoint{{HyperParameter{"C", shortNumber(c)}}, acc, std::numeric_limits<double>::quiet_NaN()});
        r.best = {HyperParameter{"C", shortNumber(model->tuning.bestC)}};
        q.encoding = describe(*fm);
        q.circuit = fm->circuit;
        q.featureMap = *fm;
        q.ansatz = "none";
        q.optimiser = "libsvm C-SVC on the precomputed kernel, C by " + std::to_string(options.folds) + "-fold CV";
        q.qubits = fm->circuit.numQubits();
        q.inputs = static_cast<int>(fm->inputs.size());
        const CircuitMetrics cm = circuitMetrics(fm->circuit);
        q.oneQubitGates = cm.oneQubitGates;
        q.twoQubitGates = cm.twoQubitGates;
        q.depth = cm.depth;
        // The kernel counts shots for compute-uncompute; report circuits (each run with `shots` shots).
        const long long perCircuit = options.shots > 0 ? options.shots : 1;
        q.trainingExecutions = model->trainingExecutions / perCircuit;
        q.predictionExecutions /= perCircuit;
        q.alignment = model->alignment;
        q.spread = model->spread;
        q.supportVectors = model->svm.supportVectors();
        if (model->spread.concentrated)
            q.warnings.push_back(model->spread.warning);
        r.description = "fidelity quantum kernel, " + q.encoding + " on " + std::to_string(q.qubits) + " qubits, "
                        + q.method + "; libsvm C-SVC";
    } else {
        auto resolved = vqcOptionsFor(enc, *qubits, classes, options);
        if (!resolved)
            return resolved.error();
        VqcOptions vo = std::move(resolved).value();
        vo.optimizer = options.optimizer;
        vo.iterations = options.epochs;
        vo.learningRate = options.learningRate;
        vo.shots = options.shots;
        vo.seed = options.seed;
        vo.noise = noise ? &*noise : nullptr;
        vo.threads = options.threads;
        vo.cancel = options.cancel;
        VqcReport vr;
        const auto t0 = Clock::now();
        auto model = trainVqc(train, vo, &vr);
        if (!model)
            return Error{"vqc: " + model.error().message};
        r.fitSeconds = secondsSince(t0);
        const auto t1 = Clock::now();
        auto probs = vqcProbabilities(*model, test, &q.predictionExecutions);
        if (!probs)
            return Error{"vqc: " + probs.error().message};
        const double firstPass = secondsSince(t1);
        r.inferenceSamplesPerSecond = throughput(test.rows, firstPass, [&] { return vqcProbabilities(*model, test).ok(); });
        std::vector<double> scores(size_t(test.rows) * size_t(classes), 0.0);
        for (int i = 0; i < test.rows; ++i)
            for (int c = 0; c < classes && c < int((*probs)[size_t(i)].size()); ++c)
                scores[size_t(i) * size_t(classes) + size_t(c)] = (*probs)[size_t(i)][size_t(c)];
        r.predictions = predictFromScores(scores, classes);
        r.metrics = computeMetrics(test.y, r.predictions, scores, classes);
        q.encoding = describe(model->encoding);
        q.circuit = model->circuit;
        q.featureMap = model->encoding;
        q.weightNames = model->weightNames;
        q.weights = model->weights;
        q.vqc = *model;
        if (vo.ansatz) {
            encoding::Built a;
            a.kind = *vo.ansatz;
            a.options = vo.ansatzOptions;
            if (a.options.reps < 0)
                a.options.reps = 2;
            q.ansatz = describe(a);
        } else {
            q.ansatz = "none (the re-uploading blocks' weights train)";
        }
        q.optimiser = vqcOptimizerName(options.optimizer);
        if (options.optimizer != VqcOptimizer::COBYLA)
            q.optimiser += " (" + std::string(options.optimizer == VqcOptimizer::Adam ? "step " : "gain ")
                           + shortNumber(options.learningRate) + (options.optimizer == VqcOptimizer::Adam ? ", parameter-shift gradients)" : ")");
        q.optimiser += std::string(", ") + vqcReadoutName(vo.readout) + " readout, cross-entropy";
        q.qubits = model->qubits;
        q.inputs = static_cast<int>(model->encoding.inputs.size());
        q.parameters = static_cast<int>(model->weights.size());
        const CircuitMetrics cm = circuitMetrics(model->circuit);
        q.oneQubitGates = cm.oneQubitGates;
        q.twoQubitGates = cm.twoQubitGates;
        q.depth = cm.depth;
        q.epochs = vr.iterations;
        q.loss = vr.loss;
        q.trainingExecutions = vr.circuitExecutions;
        r.best = {HyperParameter{"optimizer", vqcOptimizerName(options.optimizer)},
                  HyperParameter{"epochs", std::to_string(vr.iterations)}};
        if (options.optimizer != VqcOptimizer::COBYLA)
            r.best.push_back(HyperParameter{"learning_rate", shortNumber(options.learningRate)});
        r.description = "variational quantum classifier, " + q.encoding + (vo.ansatz ? " + " + q.ansatz : "") + " on "
                        + std::to_string(q.qubits) + " qubits, " + q.method + "; " + q.optimiser;
    }
    r.circuitExecutionsPerPrediction = double(q.predictionExecutions) / double(test.rows);
    return out;
}

} // namespace qpilot::ml

namespace qpilot::ml {

Result<Circuit> quantumModelCircuit(QuantumModelKind kind, int features, int classes, const QuantumModelOptions& options)
{
    const encoding::Kind enc = options.encoding.value_or(defaultQuantumEncoding(kind));
    auto qubits = validateQuantumModel(kind, features, classes, /*binary*/ enc == encoding::Kind::Basis, options);
    if (!qubits)
        return qubits.error();
    if (kind == QuantumModelKind::Kernel) {
        encoding::Options eo;
        eo.reps = options.reps > 0 ? options.reps : kDefaultKernelReps;
        auto fm = encoding::build(enc, features, eo);
        if (!fm)
            return Error{"kernel: " + fm.error().message};
        return fm->circuit;
    }
    auto vo = vqcOptionsFor(enc, *qubits, classes, options);
    if (!vo)
        return vo.error();
    auto model = makeVqc(features, classes, *vo);
    if (!model)
        return Error{"vqc: " + model.error().message};
    return model->circuit;
}

} // namespace qpilot::ml
