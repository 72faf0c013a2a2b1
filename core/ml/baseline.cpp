// core/ml/baseline.cpp — the cross-validated grid search, final fit, test metrics, timing and
// throughput of the classical baselines (the models themselves are in baseline_models.cpp).
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

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string num(double v) { return QString::number(v, 'g', 4).toStdString(); }

struct Grid {
    std::vector<std::vector<double>> points;
    std::function<std::vector<HyperParameter>(const std::vector<double>&, const Samples&)> describe;
};

Grid gridFor(BaselineKind kind)
{
    Grid g;
    switch (kind) {
    case BaselineKind::Logistic:
        for (double c : {0.01, 0.1, 1.0, 10.0, 100.0})
            g.points.push_back({c});
        g.describe = [](const std::vector<double>& p, const Samples&) { return std::vector<HyperParameter>{{"C", num(p[0])}}; };
        break;
    case BaselineKind::Svm:
        for (double c : {0.1, 1.0, 10.0, 100.0})
            for (double gamma : {0.0, 0.001, 0.01, 0.1, 1.0})
                g.points.push_back({c, gamma});
        g.describe = [](const std::vector<double>& p, const Samples& train) {
            const std::string gamma = p[1] > 0 ? num(p[1]) : "scale (" + num(detail::svmScaleGamma(train)) + ")";
            return std::vector<HyperParameter>{{"C", num(p[0])}, {"gamma", gamma}};
        };
        break;
    case BaselineKind::Mlp:
        for (double hidden : {8.0, 32.0})
            for (double alpha : {1e-4, 1e-2, 1.0})
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

Result<ModelReport> trainBaseline(BaselineKind kind, const Samples& train, const Samples& test, const TrainOptions& options)
{
    if (Error e = checkSets(train, test); !e.message.empty())
        return e;
    auto folds = stratifiedKFold(train, options.folds, options.seed);
    if (!folds)
        return folds.error();

    ModelReport report;
    report.model = baselineKey(kind);
    report.description = describe(kind);
    report.folds = options.folds;
    report.trainRows = train.rows;
    report.testRows = test.rows;

    // Grid search: mean validation accuracy over the folds; the first best point wins ties
    // (grids are ordered from the most to the least regularised where that applies).
    const Grid grid = gridFor(kind);
    const auto t0 = Clock::now();
    int best = 0;
    std::vector<Samples> foldTrain, foldTest;
    for (const Fold& f : *folds) {
        foldTrain.push_back(subset(train, f.trainIndex));
        foldTest.push_back(subset(train, f.testIndex));
    }
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
        report.grid.push_back(gp);
        if (gp.cvAccuracy > report.grid[static_cast<std::size_t>(best)].cvAccuracy)
            best = static_cast<int>(i);
    }
    report.tuneSeconds = secondsSince(t0);
    report.best = report.grid[static_cast<std::size_t>(best)].params;

    const auto t1 = Clock::now();
    const auto model = fit(kind, train, grid.points[static_cast<std::size_t>(best)], options.seed);
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

} // namespace qpilot::ml
