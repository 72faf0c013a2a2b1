// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/train.cpp — `qpilot train`: loads and fingerprints a dataset (shipped, CSV or
// generated), splits it stratified from the seed, trains the requested models (the tuned
// classical baselines here; the quantum models plug into trainModels()) and prints their test
// metrics, best hyper-parameters, training time and inference throughput side by side.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/ml/ml.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <iomanip>
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
    "  --model M            baseline (logistic, svm and mlp; default), logistic, svm, mlp, or all\n"
    "                       (every model available in this build); vqc and kernel are the\n"
    "                       quantum models' module\n"
    "  --seed S             64-bit seed for the split, folds, generators and the MLP (default 1)\n"
    "  --json               print a JSON object (seed as a string)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Grids: logistic C in {0.01, 0.1, 1, 10, 100}; svm C in {0.1, 1, 10, 100} x gamma in\n"
    "{scale, 0.001, 0.01, 0.1, 1}; mlp hidden in {8, 32} x alpha in {1e-4, 0.01, 1}. Every model\n"
    "standardises its inputs with statistics of the rows it is fitted on.\n"
    "Exit status: 0 ok, 1 training failed, 2 bad usage or bad input (e.g. a malformed CSV).\n";

struct Loaded {
    ml::Dataset dataset;
    std::optional<ml::CsvReport> csv;
    std::string kind; // "builtin", "csv", "generated"
};

bool isGeneratorName(const QString& spec)
{
    const std::string name = spec.section(QLatin1Char(':'), 0, 0).trimmed().toLower().toStdString();
    for (const ml::GeneratorInfo& g : ml::generators())
        if (g.name == name)
            return true;
    return name == "ad_hoc" || name == "ad-hoc";
}

Result<Loaded> loadDataset(const QString& spec, const ml::CsvOptions& csv, std::uint64_t seed)
{
    const QFileInfo info(spec);
    if (info.exists() || spec.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        auto r = ml::loadCsvFile(spec.toStdString(), csv);
        if (!r)
            return r.error();
        return Loaded{std::move(r.value().dataset), std::move(r.value().report), "csv"};
    }
    if (isGeneratorName(spec)) {
        auto r = ml::generateDataset(spec.toStdString(), seed);
        if (!r)
            return r.error();
        return Loaded{std::move(r).value(), std::nullopt, "generated"};
    }
    auto r = ml::loadBuiltinDataset(spec.toStdString());
    if (!r)
        return Error(r.error().message + "; or give a CSV file or a generator (moons, circles, xor, parity, adhoc)");
    return Loaded{std::move(r).value(), std::nullopt, "builtin"};
}

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

// The models to train, by --model. A model is one entry here and one call in trainModels().
Result<std::vector<std::string>> modelsFor(const QString& key)
{
    const std::string k = key.toLower().toStdString();
    if (k == "baseline" || k == "all")
        return std::vector<std::string>{"logistic", "svm", "mlp"};
    if (k == "logistic" || k == "svm" || k == "mlp")
        return std::vector<std::string>{k};
    if (k == "vqc" || k == "kernel")
        return Error("--model " + k + ": the quantum models (vqc, kernel) are provided by the quantum-model module, "
                     "which this build does not include yet; use --model baseline, logistic, svm or mlp");
    return Error("unknown --model '" + k + "' (expected baseline, logistic, svm, mlp or all)");
}

Result<std::vector<ml::ModelReport>> trainModels(const std::vector<std::string>& models, const ml::Samples& train,
                                                 const ml::Samples& test, const ml::TrainOptions& options)
{
    std::vector<ml::ModelReport> reports;
    for (const std::string& m : models) {
        auto kind = ml::baselineFromKey(m);
        if (!kind)
            return kind.error();
        auto report = ml::trainBaseline(*kind, train, test, options);
        if (!report)
            return Error(m + ": " + report.error().message);
        reports.push_back(std::move(report).value());
    }
    return reports;
}

QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }

std::string fixed(double v, int digits)
{
    if (!std::isfinite(v))
        return "n/a";
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << v;
    return s.str();
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
        grid.append(QJsonObject{{"params", params}, {"cv_accuracy", g.cvAccuracy}, {"cv_std", g.cvStd}});
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
    parser.addOptions({datasetOpt, labelOpt, imputeOpt, classesOpt, fractionOpt, foldsOpt, pcaOpt, modelOpt, seedOpt,
                       jsonOpt, helpOption()});
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
        return reportError(err, ExitUsage, "train: " + models.error().message);
    auto impute = ml::imputeFromKey(parser.value(imputeOpt).toStdString());
    if (!impute)
        return reportError(err, ExitUsage, "train: --impute: " + impute.error().message, verb);
    ml::CsvOptions csv;
    csv.labelColumn = parser.value(labelOpt).toStdString();
    csv.impute = *impute;

    auto loaded = loadDataset(parser.value(datasetOpt), csv, seed);
    if (!loaded)
        return reportError(err, ExitUsage, loaded.error().toString());
    Loaded data = std::move(loaded).value();
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

    auto reports = trainModels(*models, train, test, ml::TrainOptions{folds, seed});
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
        for (const ml::ModelReport& r : *reports)
            modelsJson.append(reportJson(r));
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
            root["pca"] = QJsonObject{{"components", pca}, {"explained_variance_ratio", ratio}};
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
        out << "pca       standardised, " << pca << " components (" << fixed(100 * total, 1) << "% of the variance)\n";
    }
    out << "\n" << std::left << std::setw(10) << "model" << std::right << std::setw(9) << "accuracy" << std::setw(9)
        << "bal.acc" << std::setw(8) << "F1" << std::setw(9) << "ROC AUC" << std::setw(10) << "train s" << std::setw(13)
        << "predict/s" << "  best\n";
    for (const ml::ModelReport& r : *reports) {
        std::string best;
        for (const ml::HyperParameter& p : r.best)
            best += (best.empty() ? "" : ", ") + p.name + "=" + p.value;
        out << std::left << std::setw(10) << r.model << std::right << std::setw(9) << fixed(r.metrics.accuracy, 4)
            << std::setw(9) << fixed(r.metrics.balancedAccuracy, 4) << std::setw(8) << fixed(r.metrics.f1, 4) << std::setw(9)
            << fixed(r.metrics.rocAuc, 4) << std::setw(10) << fixed(r.trainSeconds(), 3) << std::setw(13)
            << readable(r.inferenceSamplesPerSecond) << "  " << best << "\n";
    }
    for (const ml::ModelReport& r : *reports) {
        out << "\n" << r.model << ": " << r.description << "; grid of " << r.grid.size() << " points, " << r.folds
            << "-fold CV; confusion matrix (rows = true, columns = predicted):\n";
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
        out << "  grid (mean CV accuracy +- std over the folds; * = chosen):\n";
        for (const ml::GridPoint& g : r.grid) {
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
    "train the tuned classical baselines on a dataset and score them side by side",
    "train --dataset NAME|FILE.csv [--model M] [--seed S] [--json]",
    kUsage,
    &runTrain,
};

} // namespace qpilot::cli
