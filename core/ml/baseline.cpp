// core/ml/baseline.cpp — the grids and cross-validated grid search, final fit, test metrics,
// timing and throughput of the classical baselines, and their nested cross-validation (the
// models themselves are in baseline_models.cpp).
#include "core/ml/baseline.h"

#include "core/ml/baseline_models.h"
#include "core/ml/preprocess.h"

#include <QString>

#include <chrono>
#include <cmath>
#include <functional>

namespace qpilot::ml {

namespace {

using Clock = std::chrono::steady_clock;

// Two grid points whose mean validation accuracies differ by less than this are tied.
constexpr double kTieTolerance = 1e-9;

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string num(double v) { return QString::number(v, 'g', 4).toStdString(); }

struct Grid {
    std::vector<std::vector<double>> points;
    std::function<std::vector<HyperParameter>(const std::vector<double>&, const Samples&)> describe;
};

// Half-decade log grid 10^(lo/2) … 10^(hi/2), ascending, with values rounded to 3 significant
// digits as shown (0.001, 0.00316, 0.01, …).
std::vector<double> halfDecades(int lo, int hi)
{
    std::vector<double> out;
    for (int e = lo; e <= hi; ++e)
        out.push_back(QString::number(std::pow(10.0, e / 2.0), 'g', 3).toDouble());
    return out;
}

// Grids are ordered from the simplest model to the most flexible (ties go to the first, see
// trainBaseline): logistic by ascending C (strongest L2 penalty first); SVM by ascending C, then
// γ = scale (the customary default) first and the explicit γ ascending (smoothest kernel first);
// MLP by ascending hidden size, then descending α (strongest penalty first).
Grid gridFor(BaselineKind kind)
{
    Grid g;
    switch (kind) {
    case BaselineKind::Logistic:
        for (double c : halfDecades(-6, 6)) // 0.001 … 1000, 13 points
            g.points.push_back({c});
        g.describe = [](const std::vector<double>& p, const Samples&) { return std::vector<HyperParameter>{{"C", num(p[0])}}; };
        break;
    case BaselineKind::Svm:
        for (double c : halfDecades(-2, 6)) { // C: 0.1 … 1000, 9 points
            g.points.push_back({c, 0.0});     // γ = scale
            for (double gamma : halfDecades(-6, 2)) // γ: 0.001 … 10, 9 points
                g.points.push_back({c, gamma});
        }
        g.describe = [](const std::vector<double>& p, const Samples& train) {
            const std::string gamma = p[1] > 0 ? num(p[1]) : "scale (" + num(detail::svmScaleGamma(train)) + ")";
            return std::vector<HyperParameter>{{"C", num(p[0])}, {"gamma", gamma}};
        };
        break;
    case BaselineKind::Mlp:
        for (double hidden : {8.0, 32.0})
            for (double alpha : {10.0, 1.0, 0.1, 0.01, 1e-4})
                g.points.push_back({hidden, alpha});
        g.describe = [](const std::vector<double>& p, const Samples&) {
            return std::vector<HyperParameter>{{"hidden", num(p[0])}, {"alpha", num(p[1])}};
        };
        break;
    }
    return g;
}

std::unique_ptr<detail::FittedModel> fit(BaselineKind kind, const Samples& train, const std::vector<double>& p, std::uint64_t seed)
{
    switch (kind) {
    case BaselineKind::Logistic: return detail::fitLogistic(train, p.at(0));
    case BaselineKind::Svm: return detail::fitSvm(train, p.at(0), p.at(1));
    case BaselineKind::Mlp: return detail::fitMlp(train, static_cast<int>(p.at(0)), p.at(1), seed);
    }
    return nullptr;
}

const char* describe(BaselineKind kind)
{
    switch (kind) {
    case BaselineKind::Logistic: return "multinomial logistic regression, L2 penalty 1/(2C), Newton's method";
    case BaselineKind::Svm: return "RBF-kernel C-SVC (libsvm), one-vs-one for more than two classes";
    case BaselineKind::Mlp: return "MLP, one tanh hidden layer, softmax output, L2 alpha, Adam";
    }
    return "";
}

Error checkSets(const Samples& train, const Samples& test)
{
    if (train.rows == 0 || test.rows == 0)
        return Error("the training and test sets must not be empty");
    if (train.features != test.features)
        return Error("the training and test sets have different feature counts (" + std::to_string(train.features) + " vs "
                     + std::to_string(test.features) + ")");
    if (train.classes < 2)
        return Error("a classifier needs at least two classes");
    if (static_cast<int>(train.y.size()) != train.rows || static_cast<int>(test.y.size()) != test.rows)
        return Error("the training and test rows must be labelled");
    return Error();
}

} // namespace

const char* baselineKey(BaselineKind kind)
{
    switch (kind) {
    case BaselineKind::Logistic: return "logistic";
    case BaselineKind::Svm: return "svm";
    case BaselineKind::Mlp: return "mlp";
    }
    return "";
}

Result<BaselineKind> baselineFromKey(const std::string& key)
{
    for (BaselineKind k : allBaselines())
        if (key == baselineKey(k))
            return k;
    return Error("unknown baseline '" + key + "' (expected logistic, svm or mlp)");
}

std::vector<BaselineKind> allBaselines() { return {BaselineKind::Logistic, BaselineKind::Svm, BaselineKind::Mlp}; }

std::vector<int> predictFromScores(const std::vector<double>& scores, int classes)
{
    std::vector<int> out;
    if (classes <= 0)
        return out;
    const std::size_t rows = scores.size() / static_cast<std::size_t>(classes);
    out.reserve(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        int best = 0;
        for (int k = 1; k < classes; ++k)
            if (scores[r * static_cast<std::size_t>(classes) + static_cast<std::size_t>(k)]
                > scores[r * static_cast<std::size_t>(classes) + static_cast<std::size_t>(best)])
                best = k;
        out.push_back(best);
    }
    return out;
}

Result<std::vector<double>> fitAndScore(BaselineKind kind, const Samples& train, const Samples& test,
                                        const std::vector<double>& params, std::uint64_t seed)
{
    if (Error e = checkSets(train, test); !e.message.empty())
        return e;
    const std::size_t need = kind == BaselineKind::Logistic ? 1 : 2;
    if (params.size() != need)
        return Error(std::string(baselineKey(kind)) + " takes " + std::to_string(need) + " hyper-parameters");
    return fit(kind, train, params, seed)->scores(test);
}

namespace {

struct Tuned {
    std::vector<GridPoint> grid;
    std::size_t best = 0;
    std::vector<double> bestPoint;
};

// The grid search on `train`: every grid point's mean validation accuracy over a stratified
// k-fold partition (seed options.seed; fold f's model seeded options.seed + f). The best point
// is the first in grid order whose mean is within 1e-9 of the maximum — the grids are ordered
// from the simplest model to the most flexible, so ties go to the simplest (smaller C, larger
// penalty, smoother kernel, fewer hidden units).
Result<Tuned> tune(BaselineKind kind, const Samples& train, const TrainOptions& options)
{
    auto folds = stratifiedKFold(train, options.folds, options.seed);
    if (!folds)
        return folds.error();
    const Grid grid = gridFor(kind);
    std::vector<Samples> foldTrain, foldTest;
    for (const Fold& f : *folds) {
        foldTrain.push_back(subset(train, f.trainIndex));
        foldTest.push_back(subset(train, f.testIndex));
    }
    Tuned t;
    double bestCv = -1;
    for (std::size_t i = 0; i < grid.points.size(); ++i) {
        std::vector<double> acc;
        for (std::size_t f = 0; f < foldTrain.size(); ++f) {
            const auto model = fit(kind, foldTrain[f], grid.points[i], options.seed + f);
            acc.push_back(accuracy(foldTest[f].y, predictFromScores(model->scores(foldTest[f]), train.classes)));
        }
        GridPoint gp;
        gp.params = grid.describe(grid.points[i], train);
        for (double a : acc)
            gp.cvAccuracy += a;
        gp.cvAccuracy /= static_cast<double>(acc.size());
        for (double a : acc)
            gp.cvStd += (a - gp.cvAccuracy) * (a - gp.cvAccuracy);
        gp.cvStd = std::sqrt(gp.cvStd / static_cast<double>(acc.size()));
        if (gp.cvAccuracy > bestCv + kTieTolerance) {
            bestCv = gp.cvAccuracy;
            t.best = i;
        }
        t.grid.push_back(std::move(gp));
    }
    t.bestPoint = grid.points[t.best];
    return t;
}

} // namespace

Result<ModelReport> trainBaseline(BaselineKind kind, const Samples& train, const Samples& test, const TrainOptions& options)
{
    if (Error e = checkSets(train, test); !e.message.empty())
        return e;

    ModelReport report;
    report.model = baselineKey(kind);
    report.description = describe(kind);
    report.folds = options.folds;
    report.trainRows = train.rows;
    report.testRows = test.rows;

    const auto t0 = Clock::now();
    auto tuned = tune(kind, train, options);
    if (!tuned)
        return tuned.error();
    report.tuneSeconds = secondsSince(t0);
    report.grid = tuned->grid;
    report.best = report.grid[tuned->best].params;
    const std::vector<double>& bestPoint = tuned->bestPoint;

    const auto t1 = Clock::now();
    const auto model = fit(kind, train, bestPoint, options.seed);
    report.fitSeconds = secondsSince(t1);

    // Inference throughput: score the test set repeatedly for at least 20 ms.
    std::vector<double> scores;
    const auto t2 = Clock::now();
    long long predicted = 0;
    double elapsed = 0;
    do {
        scores = model->scores(test);
        predicted += test.rows;
        elapsed = secondsSince(t2);
    } while (elapsed < 0.02);
    report.inferenceSamplesPerSecond = static_cast<double>(predicted) / elapsed;

    report.predictions = predictFromScores(scores, train.classes);
    report.metrics = computeMetrics(test.y, report.predictions, scores, train.classes);
    return report;
}

Result<CrossValidationReport> nestedCrossValidation(BaselineKind kind, const Samples& data, int outerFolds, const TrainOptions& inner)
{
    if (data.rows == 0)
        return Error("the data set must not be empty");
    if (data.classes < 2)
        return Error("a classifier needs at least two classes");
    if (static_cast<int>(data.y.size()) != data.rows)
        return Error("every row must be labelled");
    auto folds = stratifiedKFold(data, outerFolds, inner.seed);
    if (!folds)
        return folds.error();
    const auto t0 = Clock::now();
    CrossValidationReport report;
    report.model = baselineKey(kind);
    report.outerFolds = outerFolds;
    report.innerFolds = inner.folds;
    report.rows = data.rows;
    for (const Fold& f : *folds) {
        const Samples train = subset(data, f.trainIndex);
        const Samples test = subset(data, f.testIndex);
        auto tuned = tune(kind, train, inner);
        if (!tuned)
            return Error("outer fold " + std::to_string(report.foldAccuracy.size() + 1) + ": " + tuned.error().message);
        const auto model = fit(kind, train, tuned->bestPoint, inner.seed);
        const std::vector<int> predicted = predictFromScores(model->scores(test), data.classes);
        int correct = 0;
        for (std::size_t i = 0; i < predicted.size(); ++i)
            correct += predicted[i] == test.y[i] ? 1 : 0;
        report.correct += correct;
        report.foldAccuracy.push_back(static_cast<double>(correct) / static_cast<double>(test.rows));
        report.foldBest.push_back(tuned->grid[tuned->best].params);
    }
    report.accuracy = static_cast<double>(report.correct) / static_cast<double>(data.rows);
    report.seconds = secondsSince(t0);
    return report;
}

} // namespace qpilot::ml
