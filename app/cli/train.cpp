// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/train.cpp — `qpilot train`: loads and fingerprints a dataset (shipped, CSV or
// generated), splits it stratified from the seed, trains the requested models — the tuned
// classical baselines and the quantum models (core/ml/quantum_models.h: VQC and quantum-kernel
// SVM) on the same split and preprocessing — and prints their test metrics, best
// hyper-parameters, training time, inference throughput and the quantum details side by side.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/device/device.h"
#include "core/ml/ml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <numeric>
#include <sstream>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot train --dataset NAME|FILE.csv|GENERATOR [options] [--json]\n"
    "\n"
    "Splits the dataset into stratified train and test sets (from the seed), tunes each model by\n"
    "a stratified k-fold cross-validated grid search on the training set, refits it on the whole\n"
    "training set and scores it on the test set: accuracy, balanced accuracy, F1 (binary: class\n"
    "1; multi-class: macro), ROC AUC (macro one-vs-rest for more than two classes), confusion\n"
    "matrix, best hyper-parameters, training time and measured inference throughput.\n"
    "\n"
    "Datasets:\n"
    "  a shipped dataset  iris, wine, breast_cancer (see 'qpilot datasets')\n"
    "  a CSV file         FILE.csv (or any existing file): header and delimiter detected\n"
    "  a generator        moons, circles, xor, parity, adhoc, with parameters as\n"
    "                     NAME:key=value,... (e.g. moons:rows=300,noise=0.2), seeded by --seed\n"
    "\n"
    "Options:\n"
    "  --dataset D          the dataset (required)\n"
    "  --label COL          CSV label column: header name or 1-based index (default: last)\n"
    "  --impute M           CSV missing values: none (default: an error naming the cell), mean,\n"
    "                       median (of the column) or drop (the rows); what is imputed is listed\n"
    "  --classes LIST       keep only these classes (names or 0-based indices, comma-separated),\n"
    "                       e.g. --classes versicolor,virginica\n"
    "  --test-fraction F    share of each class held out for testing (default 0.3)\n"
    "  --folds K            cross-validation folds for the grid search (default 5)\n"
    "  --pca K              standardise, then project onto K principal components (fitted on the\n"
    "                       training set)\n"
    "  --model M            baseline (logistic, svm and mlp; default), logistic, svm, mlp, vqc,\n"
    "                       kernel, quantum (vqc and kernel) or all (the baselines and both quantum\n"
    "                       models); a comma-separated list is accepted (e.g. svm,kernel)\n"
    "  --seed S             64-bit seed for the split, folds, generators and the MLP (default 1)\n"
    "  --json               print a JSON object (seed as a string)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Quantum models (vqc, kernel):\n"
    "  --encoding NAME      data encoding: angle, dense_angle, amplitude, zz, reupload, basis (0/1\n"
    "                       features only). Default: kernel zz (reps 1, full entanglement); vqc\n"
    "                       angle (RY) followed by the ansatz\n"
    "  --reps R             kernel: feature-map repetitions (zz default 1); vqc: ansatz repetitions\n"
    "                       (default 2), or layers of the reupload encoding (default 2)\n"
    "  --ansatz NAME        vqc ansatz after a non-re-uploading encoding: real_amplitudes (default),\n"
    "                       efficient_su2, hardware_efficient (the --noise device's native gates)\n"
    "  --optimizer O        vqc: adam (parameter-shift gradients; default), spsa or cobyla\n"
    "  --epochs E           vqc: optimiser steps on the full training set (COBYLA: loss evaluations;\n"
    "                       default 60)\n"
    "  --learning-rate A    vqc: Adam step size / SPSA gain a (default 0.1)\n"
    "  --shots N            0 = exact probabilities / overlaps (default); N > 0: N seeded shots per\n"
    "                       circuit (kernel: compute-uncompute circuits)\n"
    "  --noise DEVICE       simulate with the device's noise model (density matrix, at most 6 qubits)\n"
    "Angle encodings (angle, dense_angle, zz, reupload) get their features min-max scaled to\n"
    "[0, pi] on the training set; amplitude and basis take them as they are. At most 8 qubits (6\n"
    "with --noise): when the dataset needs more and --pca is not given, every model of the run is\n"
    "trained on the standardised data projected onto 4 principal components (printed).\n"
    "\n"
    "Grids: logistic C in {0.01, 0.1, 1, 10, 100}; svm C in {0.1, 1, 10, 100} x gamma in\n"
    "{scale, 0.001, 0.01, 0.1, 1}; mlp hidden in {8, 32} x alpha in {1e-4, 0.01, 1}. Every model\n"
    "standardises its inputs with statistics of the rows it is fitted on.\n"
    "Exit status: 0 ok, 1 training failed, 2 bad usage or bad input (e.g. a malformed CSV).\n";

Result<std::vector<int>> parseClasses(const QString& list, const ml::Dataset& d)
{
    std::vector<int> out;
    for (const QString& raw : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::string item = raw.trimmed().toStdString();
        int found = -1;
        for (std::size_t k = 0; k < d.classNames.size(); ++k)
            if (d.classNames[k] == item)
                found = static_cast<int>(k);
        bool ok = false;
        const int index = raw.trimmed().toInt(&ok);
        if (found < 0 && ok)
            found = index;
        if (found < 0 || found >= d.samples.classes) {
            std::string names;
            for (const std::string& n : d.classNames)
                names += (names.empty() ? "" : ", ") + n;
            return Error("--classes: no class '" + item + "' (classes: " + names + ")");
        }
        out.push_back(found);
    }
    return out;
}

// The models to train, by --model (a comma-separated list of keys; duplicates dropped).
Result<std::vector<std::string>> modelsFor(const QString& spec)
{
    std::vector<std::string> out;
    auto add = [&out](const std::string& m) {
        if (std::find(out.begin(), out.end(), m) == out.end())
            out.push_back(m);
    };
    for (const QString& raw : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::string k = raw.trimmed().toLower().toStdString();
        if (k == "baseline" || k == "all") {
            for (const char* m : {"logistic", "svm", "mlp"})
                add(m);
            if (k == "all")
                for (const char* m : {"vqc", "kernel"})
                    add(m);
        } else if (k == "quantum") {
            add("vqc");
            add("kernel");
        } else if (k == "logistic" || k == "svm" || k == "mlp" || k == "vqc" || k == "kernel") {
            add(k);
        } else {
            return Error("unknown --model '" + k + "' (expected baseline, logistic, svm, mlp, vqc, kernel, quantum or all)");
        }
    }
    if (out.empty())
        return Error("--model needs a model name");
    return out;
}

bool isQuantum(const std::string& m) { return m == "vqc" || m == "kernel"; }

struct Trained {
    ml::ModelReport report;
    std::optional<ml::QuantumDetails> quantum;
};

Result<std::vector<Trained>> trainModels(const std::vector<std::string>& models, const ml::Samples& train,
                                         const ml::Samples& test, const ml::TrainOptions& options,
                                         const ml::QuantumModelOptions& quantum)
{
    std::vector<Trained> reports;
    for (const std::string& m : models) {
        if (isQuantum(m)) {
            auto kind = ml::quantumModelFromKey(m);
            if (!kind)
                return kind.error();
            auto report = ml::trainQuantumModel(*kind, train, test, quantum);
            if (!report)
                return report.error();
            reports.push_back(Trained{std::move(report->report), std::move(report->quantum)});
            continue;
        }
        auto kind = ml::baselineFromKey(m);
        if (!kind)
            return kind.error();
        auto report = ml::trainBaseline(*kind, train, test, options);
        if (!report)
            return Error(m + ": " + report.error().message);
        reports.push_back(Trained{std::move(report).value(), std::nullopt});
    }
    return reports;
}

QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }

QJsonObject quantumJson(const ml::QuantumDetails& q, const std::string& model)
{
    QJsonArray loss, warnings;
    for (double l : q.loss)
        loss.append(l);
    for (const std::string& w : q.warnings)
        warnings.append(QString::fromStdString(w));
    QJsonObject o{
        {"encoding", QString::fromStdString(q.encoding)},
        {"ansatz", QString::fromStdString(q.ansatz)},
        {"scaling", QString::fromStdString(q.scaling)},
        {"method", QString::fromStdString(q.method)},
        {"noise_device", q.noiseDevice.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromStdString(q.noiseDevice))},
        {"optimiser", QString::fromStdString(q.optimiser)},
        {"qubits", q.qubits},
        {"inputs", q.inputs},
        {"parameters", q.parameters},
        {"one_qubit_gates", q.oneQubitGates},
        {"two_qubit_gates", q.twoQubitGates},
        {"depth", q.depth},
        {"shots", q.shots},
        {"epochs", q.epochs},
        {"loss", loss},
        {"training_circuit_executions", static_cast<double>(q.trainingExecutions)},
        {"prediction_circuit_executions", static_cast<double>(q.predictionExecutions)},
        {"warnings", warnings},
    };
    if (model == "kernel") {
        o["kernel_alignment"] = number(q.alignment);
        o["off_diagonal"] = QJsonObject{{"mean", number(q.spread.mean)}, {"variance", number(q.spread.variance)},
                                        {"min", number(q.spread.min)}, {"max", number(q.spread.max)},
                                        {"concentrated", q.spread.concentrated}};
        o["support_vectors"] = q.supportVectors;
    }
    return o;
}

std::string readable(double v)
{
    std::ostringstream s;
    s << std::setprecision(3) << v;
    return s.str();
}

QJsonObject reportJson(const ml::ModelReport& r)
{
    QJsonObject best;
    for (const ml::HyperParameter& p : r.best)
        best[QString::fromStdString(p.name)] = QString::fromStdString(p.value);
    QJsonArray grid;
    for (const ml::GridPoint& g : r.grid) {
        QJsonObject params;
        for (const ml::HyperParameter& p : g.params)
            params[QString::fromStdString(p.name)] = QString::fromStdString(p.value);
        grid.append(QJsonObject{{"params", params}, {"cv_accuracy", number(g.cvAccuracy)}, {"cv_std", number(g.cvStd)}});
    }
    QJsonArray confusion;
    for (const auto& row : r.metrics.confusion) {
        QJsonArray a;
        for (int v : row)
            a.append(v);
        confusion.append(a);
    }
    return QJsonObject{
        {"model", QString::fromStdString(r.model)},
        {"description", QString::fromStdString(r.description)},
        {"best", best},
        {"grid", grid},
        {"folds", r.folds},
        {"metrics", QJsonObject{{"accuracy", number(r.metrics.accuracy)},
                                {"balanced_accuracy", number(r.metrics.balancedAccuracy)},
                                {"f1", number(r.metrics.f1)},
                                {"f1_macro", number(r.metrics.f1Macro)},
                                {"roc_auc", number(r.metrics.rocAuc)},
                                {"confusion_matrix", confusion}}},
        {"train_seconds", r.trainSeconds()},
        {"tune_seconds", r.tuneSeconds},
        {"fit_seconds", r.fitSeconds},
        {"inference_samples_per_second", r.inferenceSamplesPerSecond},
        {"circuit_executions_per_prediction", r.circuitExecutionsPerPrediction},
    };
}

int runTrain(const QStringList& args, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    const QCommandLineOption datasetOpt("dataset", "", "D");
    const QCommandLineOption labelOpt("label", "", "COL");
    const QCommandLineOption imputeOpt("impute", "", "M", "none");
    const QCommandLineOption classesOpt("classes", "", "LIST");
    const QCommandLineOption fractionOpt("test-fraction", "", "F", "0.3");
    const QCommandLineOption foldsOpt("folds", "", "K", "5");
    const QCommandLineOption pcaOpt("pca", "", "K");
    const QCommandLineOption modelOpt("model", "", "M", "baseline");
    const QCommandLineOption seedOpt("seed", "", "S", "1");
    const QCommandLineOption jsonOpt("json");
    const QCommandLineOption encodingOpt("encoding", "", "NAME");
    const QCommandLineOption repsOpt("reps", "", "R");
    const QCommandLineOption ansatzOpt("ansatz", "", "NAME");
    const QCommandLineOption optimizerOpt("optimizer", "", "O", "adam");
    const QCommandLineOption epochsOpt("epochs", "", "E", "60");
    const QCommandLineOption rateOpt("learning-rate", "", "A", "0.1");
    const QCommandLineOption shotsOpt("shots", "", "N", "0");
    const QCommandLineOption noiseOpt("noise", "", "DEVICE");
    parser.addOptions({datasetOpt, labelOpt, imputeOpt, classesOpt, fractionOpt, foldsOpt, pcaOpt, modelOpt, seedOpt,
                       jsonOpt, encodingOpt, repsOpt, ansatzOpt, optimizerOpt, epochsOpt, rateOpt, shotsOpt, noiseOpt,
                       helpOption()});
    if (int code = parseVerbArgs(parser, kTrainVerb, args, out, err); code >= 0)
        return code;
    const char* verb = kTrainVerb.name;
    if (!parser.positionalArguments().isEmpty())
        return reportError(err, ExitUsage, "train: unexpected argument '" + parser.positionalArguments().first().toStdString()
                                               + "' (give the data with --dataset)", verb);
    if (!parser.isSet(datasetOpt))
        return reportError(err, ExitUsage, "train: --dataset is required", verb);

    bool ok = false;
    const std::uint64_t seed = parser.value(seedOpt).toULongLong(&ok);
    if (!ok)
        return reportError(err, ExitUsage, "train: --seed must be an unsigned 64-bit integer", verb);
    const double fraction = parser.value(fractionOpt).toDouble(&ok);
    if (!ok || !(fraction > 0 && fraction < 1))
        return reportError(err, ExitUsage, "train: --test-fraction must be a number in (0, 1)", verb);
    const int folds = parser.value(foldsOpt).toInt(&ok);
    if (!ok || folds < 2 || folds > 20)
        return reportError(err, ExitUsage, "train: --folds must be an integer in 2..20", verb);
    int pca = 0;
    if (parser.isSet(pcaOpt)) {
        pca = parser.value(pcaOpt).toInt(&ok);
        if (!ok || pca < 1)
            return reportError(err, ExitUsage, "train: --pca must be a positive integer", verb);
    }
    auto models = modelsFor(parser.value(modelOpt));
    if (!models)
        return reportError(err, ExitUsage, "train: " + models.error().message, verb);
    std::vector<std::string> quantumModels;
    for (const std::string& m : *models)
        if (isQuantum(m))
            quantumModels.push_back(m);
    const bool wantsVqc = std::find(models->begin(), models->end(), "vqc") != models->end();

    // Quantum options: each must apply to a requested model.
    ml::QuantumModelOptions qo;
    qo.seed = seed;
    qo.folds = folds;
    std::optional<DeviceProfile> noiseDevice;
    for (const QCommandLineOption* o : {&encodingOpt, &repsOpt, &shotsOpt, &noiseOpt})
        if (parser.isSet(*o) && quantumModels.empty())
            return reportError(err, ExitUsage, "train: --" + o->names().first().toStdString()
                                                   + " applies to the quantum models; add --model vqc, kernel, quantum or all", verb);
    for (const QCommandLineOption* o : {&ansatzOpt, &optimizerOpt, &epochsOpt, &rateOpt})
        if (parser.isSet(*o) && !wantsVqc)
            return reportError(err, ExitUsage, "train: --" + o->names().first().toStdString()
                                                   + " applies to the variational classifier; add --model vqc, quantum or all", verb);
    if (parser.isSet(encodingOpt)) {
        const auto kind = encoding::kindByName(parser.value(encodingOpt).toLower().toStdString());
        if (!kind || encoding::isAnsatz(*kind))
            return reportError(err, ExitUsage, "train: unknown --encoding '" + parser.value(encodingOpt).toStdString()
                                                   + "' (expected angle, dense_angle, amplitude, zz, reupload or basis)", verb);
        qo.encoding = *kind;
    }
    if (parser.isSet(ansatzOpt)) {
        const auto kind = encoding::kindByName(parser.value(ansatzOpt).toLower().toStdString());
        if (!kind || !encoding::isAnsatz(*kind))
            return reportError(err, ExitUsage, "train: unknown --ansatz '" + parser.value(ansatzOpt).toStdString()
                                                   + "' (expected real_amplitudes, efficient_su2 or hardware_efficient)", verb);
        if (qo.encoding == encoding::Kind::Reupload)
            return reportError(err, ExitUsage, "train: --ansatz does not apply to --encoding reupload (the re-uploading "
                                               "encoding trains its own blocks)", verb);
        if (quantumModels.size() > 1)
            return reportError(err, ExitUsage, "train: --ansatz with --encoding applies to the vqc only; train the kernel separately", verb);
        qo.ansatz = *kind;
    }
    if (parser.isSet(repsOpt)) {
        qo.reps = parser.value(repsOpt).toInt(&ok);
        if (!ok || qo.reps < 1 || qo.reps > 20)
            return reportError(err, ExitUsage, "train: --reps must be an integer in 1..20", verb);
    }
    {
        const std::string o = parser.value(optimizerOpt).toLower().toStdString();
        if (o == "adam")
            qo.optimizer = ml::VqcOptimizer::Adam;
        else if (o == "spsa")
            qo.optimizer = ml::VqcOptimizer::SPSA;
        else if (o == "cobyla")
            qo.optimizer = ml::VqcOptimizer::COBYLA;
        else
            return reportError(err, ExitUsage, "train: unknown --optimizer '" + o + "' (expected adam, spsa or cobyla)", verb);
    }
    qo.epochs = parser.value(epochsOpt).toInt(&ok);
    if (!ok || qo.epochs < 1 || qo.epochs > 100000)
        return reportError(err, ExitUsage, "train: --epochs must be an integer in 1..100000", verb);
    qo.learningRate = parser.value(rateOpt).toDouble(&ok);
    if (!ok || !(qo.learningRate > 0 && qo.learningRate <= 10))
        return reportError(err, ExitUsage, "train: --learning-rate must be a number in (0, 10]", verb);
    qo.shots = parser.value(shotsOpt).toInt(&ok);
    if (!ok || qo.shots < 0)
        return reportError(err, ExitUsage, "train: --shots must be a non-negative integer (0 = exact)", verb);
    if (parser.isSet(noiseOpt)) {
        auto device = findDevice(parser.value(noiseOpt).toStdString());
        if (!device)
            return reportError(err, ExitUsage, "train: --noise: " + device.error().toString());
        noiseDevice = std::move(device).value();
        qo.noiseDevice = &*noiseDevice;
    }
    auto impute = ml::imputeFromKey(parser.value(imputeOpt).toStdString());
    if (!impute)
        return reportError(err, ExitUsage, "train: --impute: " + impute.error().message, verb);
    ml::CsvOptions csv;
    csv.labelColumn = parser.value(labelOpt).toStdString();
    csv.impute = *impute;

    auto loaded = ml::loadDataset(parser.value(datasetOpt).toStdString(), csv, seed);
    if (!loaded)
        return reportError(err, ExitUsage, loaded.error().toString());
    ml::DatasetSource data = std::move(loaded).value();
    if ((parser.isSet(labelOpt) || parser.isSet(imputeOpt)) && data.kind != "csv")
        return reportError(err, ExitUsage, "train: --label and --impute apply to CSV files only", verb);
    if (parser.isSet(classesOpt)) {
        auto classes = parseClasses(parser.value(classesOpt), data.dataset);
        if (!classes)
            return reportError(err, ExitUsage, "train: " + classes.error().message);
        auto selected = ml::selectClasses(data.dataset, *classes);
        if (!selected)
            return reportError(err, ExitUsage, "train: --classes: " + selected.error().message);
        data.dataset = std::move(selected).value();
    }
    const ml::Dataset& ds = data.dataset;

    // The qubit cap of the quantum models: without --pca, a dataset that needs more qubits
    // than the cap is projected onto kDefaultQuantumPca components for every model (printed).
    bool autoPca = false;
    std::string autoPcaReason;
    if (!quantumModels.empty()) {
        bool binary = true;
        for (double v : ds.samples.x)
            binary = binary && (v == 0.0 || v == 1.0);
        for (int pass = 0; pass < 2; ++pass) {
            const int features = pca > 0 ? pca : ds.samples.features;
            std::optional<Error> problem;
            for (const std::string& m : quantumModels) {
                auto check = ml::validateQuantumModel(*ml::quantumModelFromKey(m), features, ds.samples.classes,
                                                      binary && pca == 0, qo);
                if (!check) {
                    problem = check.error();
                    break;
                }
            }
            if (!problem)
                break;
            const int cap = qo.noiseDevice ? ml::kMaxNoisyQubits : ml::kMaxQuantumQubits;
            const bool tooWide = problem->message.find("more than the") != std::string::npos;
            if (pass == 0 && tooWide && pca == 0 && ds.samples.features > ml::kDefaultQuantumPca) {
                pca = ml::kDefaultQuantumPca;
                autoPca = true;
                autoPcaReason = std::to_string(ds.samples.features) + " features need more than the " + std::to_string(cap)
                                + "-qubit cap of the quantum models";
                continue;
            }
            return reportError(err, ExitUsage, "train: " + problem->message, verb);
        }
    }

    auto split = ml::stratifiedSplit(ds.samples, fraction, seed);
    if (!split)
        return reportError(err, ExitUsage, "train: " + split.error().message);
    ml::Samples train = split->train, test = split->test;
    std::optional<ml::Pca> pcaFit;
    if (pca > 0) {
        if (pca > ds.samples.features)
            return reportError(err, ExitUsage, "train: --pca " + std::to_string(pca) + " exceeds the "
                                                   + std::to_string(ds.samples.features) + " features", verb);
        const ml::Standardizer st = ml::fitStandardizer(train);
        train = st.apply(train);
        test = st.apply(test);
        auto p = ml::fitPca(train, pca);
        if (!p)
            return reportError(err, ExitUsage, "train: --pca: " + p.error().message);
        pcaFit = std::move(p).value();
        train = pcaFit->apply(train);
        test = pcaFit->apply(test);
    }

    auto reports = trainModels(*models, train, test, ml::TrainOptions{folds, seed}, qo);
    if (!reports) {
        const bool inputProblem = reports.error().message.find("fold") != std::string::npos;
        return reportError(err, inputProblem ? ExitUsage : ExitFailed, "train: " + reports.error().message);
    }

    if (parser.isSet(jsonOpt)) {
        QJsonArray classNames, featureNames, modelsJson;
        for (const std::string& c : ds.classNames)
            classNames.append(QString::fromStdString(c));
        for (const std::string& f : ds.featureNames)
            featureNames.append(QString::fromStdString(f));
        for (const Trained& t : *reports) {
            QJsonObject o = reportJson(t.report);
            if (t.quantum)
                o["quantum"] = quantumJson(*t.quantum, t.report.model);
            modelsJson.append(o);
        }
        QJsonObject root{
            {"dataset", QJsonObject{{"name", QString::fromStdString(ds.name)},
                                    {"kind", QString::fromStdString(data.kind)},
                                    {"source", QString::fromStdString(ds.source)},
                                    {"fingerprint", QString::fromStdString(ds.fingerprint)},
                                    {"rows", ds.samples.rows},
                                    {"features", ds.samples.features},
                                    {"classes", ds.samples.classes},
                                    {"class_names", classNames},
                                    {"feature_names", featureNames}}},
            {"split", QJsonObject{{"train", split->train.rows},
                                  {"test", split->test.rows},
                                  {"test_fraction", fraction},
                                  {"folds", folds},
                                  {"stratified", true}}},
            {"seed", QString::number(seed)},
            {"models", modelsJson},
        };
        if (data.csv) {
            QJsonArray imputed;
            for (const auto& i : data.csv->imputed)
                imputed.append(QJsonObject{{"line", i.line}, {"column", i.column},
                                           {"feature", QString::fromStdString(i.feature)}, {"value", i.value}});
            root["csv"] = QJsonObject{{"delimiter", QString(QChar(data.csv->delimiter == ' ' ? ' ' : data.csv->delimiter))},
                                      {"header", data.csv->hasHeader},
                                      {"label_column", data.csv->labelColumn + 1},
                                      {"impute", ml::imputeKey(csv.impute)},
                                      {"imputed", imputed},
                                      {"dropped_rows", data.csv->droppedRows}};
        }
        if (pcaFit) {
            QJsonArray ratio;
            for (double r : pcaFit->explainedVarianceRatio)
                ratio.append(r);
            root["pca"] = QJsonObject{{"components", pca}, {"explained_variance_ratio", ratio}, {"automatic", autoPca},
                                      {"reason", autoPca ? QJsonValue(QString::fromStdString(autoPcaReason)) : QJsonValue(QJsonValue::Null)}};
        }
        out << QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }

    out << "dataset   " << ds.name << " (" << ds.samples.rows << " rows, " << ds.samples.features << " features, "
        << ds.samples.classes << " classes)\n"
        << "source    " << ds.source << "\n"
        << "sha256    " << ds.fingerprint << "\n";
    if (data.csv) {
        const char* delim = data.csv->delimiter == ',' ? "comma" : data.csv->delimiter == ';' ? "semicolon"
                          : data.csv->delimiter == '\t' ? "tab" : "whitespace";
        out << "csv       " << delim << "-separated, " << (data.csv->hasHeader ? "header row" : "no header")
            << ", label column " << data.csv->labelColumn + 1 << ", impute " << ml::imputeKey(csv.impute) << "\n";
        for (const auto& i : data.csv->imputed)
            out << "imputed   line " << i.line << ", column " << i.column << " ('" << i.feature << "') = " << readable(i.value) << "\n";
        if (data.csv->droppedRows > 0)
            out << "dropped   " << data.csv->droppedRows << " rows with missing values\n";
    }
    out << "split     " << split->train.rows << " train / " << split->test.rows << " test, stratified, test fraction "
        << readable(fraction) << ", seed " << seed << "; " << folds << "-fold CV grid search on the training set\n";
    if (pcaFit) {
        double total = 0;
        for (double r : pcaFit->explainedVarianceRatio)
            total += r;
        out << "pca       standardised, " << pca << " components (" << fixed(100 * total, 1) << "% of the variance)";
        if (autoPca)
            out << ", automatic: " << autoPcaReason << " (choose with --pca K)";
        out << "\n";
    }
    out << "\n" << std::left << std::setw(10) << "model" << std::right << std::setw(9) << "accuracy" << std::setw(9)
        << "bal.acc" << std::setw(8) << "F1" << std::setw(9) << "ROC AUC" << std::setw(10) << "train s" << std::setw(13)
        << "predict/s" << "  best\n";
    for (const Trained& trained : *reports) {
        const ml::ModelReport& r = trained.report;
        std::string best;
        for (const ml::HyperParameter& p : r.best)
            best += (best.empty() ? "" : ", ") + p.name + "=" + p.value;
        out << std::left << std::setw(10) << r.model << std::right << std::setw(9) << fixed(r.metrics.accuracy, 4)
            << std::setw(9) << fixed(r.metrics.balancedAccuracy, 4) << std::setw(8) << fixed(r.metrics.f1, 4) << std::setw(9)
            << fixed(r.metrics.rocAuc, 4) << std::setw(10) << fixed(r.trainSeconds(), 3) << std::setw(13)
            << readable(r.inferenceSamplesPerSecond) << "  " << best << "\n";
    }
    for (const Trained& trained : *reports) {
        const ml::ModelReport& r = trained.report;
        out << "\n" << r.model << ": " << r.description << "; ";
        if (r.grid.empty())
            out << "fixed hyper-parameters (no grid search)";
        else
            out << "grid of " << r.grid.size() << " points, " << r.folds << "-fold CV";
        out << "; confusion matrix (rows = true, columns = predicted):\n";
        std::size_t width = 6;
        for (const std::string& c : ds.classNames)
            width = std::max(width, c.size() + 2);
        out << std::setw(static_cast<int>(width)) << "";
        for (const std::string& c : ds.classNames)
            out << std::setw(static_cast<int>(width)) << c;
        out << "\n";
        for (std::size_t t = 0; t < r.metrics.confusion.size(); ++t) {
            out << std::setw(static_cast<int>(width)) << ds.classNames[t];
            for (int v : r.metrics.confusion[t])
                out << std::setw(static_cast<int>(width)) << v;
            out << "\n";
        }
        if (trained.quantum) {
            const ml::QuantumDetails& q = *trained.quantum;
            out << "  encoding      " << q.encoding << "\n"
                << "  ansatz        " << q.ansatz << "\n"
                << "  scaling       " << q.scaling << "\n"
                << "  circuit       " << q.qubits << " qubits, " << q.inputs << " inputs, " << q.parameters
                << " trainable parameters, " << q.oneQubitGates << " 1q + " << q.twoQubitGates << " 2q gates, depth "
                << q.depth << "\n"
                << "  simulation    " << q.method << "\n"
                << "  optimiser     " << q.optimiser << "\n";
            if (!q.loss.empty())
                out << "  training      " << q.epochs << " iterations, loss " << fixed(q.loss.front(), 4) << " -> "
                    << fixed(q.loss.back(), 4) << "\n";
            out << "  executions    " << q.trainingExecutions << " circuits for training, " << q.predictionExecutions
                << " for the " << r.testRows << " test rows (" << readable(r.circuitExecutionsPerPrediction)
                << " per prediction)" << (q.shots > 0 ? ", each with " + std::to_string(q.shots) + " shots" : std::string()) << "\n";
            if (r.model == "kernel")
                out << "  kernel        alignment " << fixed(q.alignment, 4) << ", off-diagonal mean " << fixed(q.spread.mean, 4)
                    << ", variance " << readable(q.spread.variance) << " (min " << fixed(q.spread.min, 4) << ", max "
                    << fixed(q.spread.max, 4) << "), " << q.supportVectors << " support vectors\n";
            for (const std::string& w : q.warnings)
                out << "  WARNING       " << w << "\n";
        }
        if (r.grid.empty())
            continue;
        // The best few points by mean CV accuracy (grid order breaks ties, so the chosen point,
        // the first of the best, is always listed); every point is in --json.
        constexpr std::size_t kShownGridPoints = 5;
        std::vector<std::size_t> order(r.grid.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return r.grid[a].cvAccuracy > r.grid[b].cvAccuracy; });
        const std::size_t shown = std::min(kShownGridPoints, order.size());
        out << "  grid: " << r.grid.size() << " points; the best " << shown
            << " by mean CV accuracy +- std over the folds (* = chosen; all points in --json):\n";
        for (std::size_t k = 0; k < shown; ++k) {
            const ml::GridPoint& g = r.grid[order[k]];
            std::string params;
            for (const ml::HyperParameter& p : g.params)
                params += (params.empty() ? "" : ", ") + p.name + "=" + p.value;
            bool chosen = g.params.size() == r.best.size();
            for (std::size_t i = 0; chosen && i < g.params.size(); ++i)
                chosen = g.params[i].value == r.best[i].value;
            out << "  " << (chosen ? '*' : ' ') << " " << std::left << std::setw(34) << params << std::right
                << fixed(g.cvAccuracy, 4) << " +- " << fixed(g.cvStd, 4) << "\n";
        }
    }
    return ExitOk;
}

} // namespace

const Verb kTrainVerb = {
    "train",
    "train quantum models and tuned classical baselines on one split and score them side by side",
    "train --dataset NAME|FILE.csv [--model baseline|vqc|kernel|all] [--seed S] [--json]",
    kUsage,
    &runTrain,
};

} // namespace qpilot::cli
