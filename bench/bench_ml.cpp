// bench/bench_ml.cpp — the classical-baseline benchmark of issue 5: the tuned RBF-SVM baseline on
// Breast Cancer Wisconsin (30 % stratified test split, 5-fold CV grid search over 20 points,
// refit, scoring) — target under 2 s including the grid search — with its inference throughput;
// the logistic and MLP baselines for comparison; with --cv N, each baseline's nested stratified
// 10-fold cross-validation accuracy (the protocol of tests/ml/tst_baseline.cpp) on every shipped
// dataset for fold seeds 1..N; and, with --seeds N, its test accuracy on the 30 % hold-out splits
// of seeds 1..N (mean, min, max).
// Usage: qpilot_bench_ml [--runs R] [--seeds N] [--cv N]
#include "core/ml/ml.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace qpilot;
using namespace qpilot::ml;

namespace {

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Stats {
    double sum = 0, lo = 1, hi = 0;
    int n = 0;
    void add(double v)
    {
        sum += v;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        ++n;
    }
    double mean() const { return n ? sum / n : 0; }
};

Split split(const Dataset& d, std::uint64_t seed)
{
    return stratifiedSplit(d.samples, 0.3, seed).value();
}

void timeBaseline(BaselineKind kind, const Dataset& d, int runs)
{
    std::vector<double> totals;
    ModelReport last;
    for (int r = 0; r < runs; ++r) {
        const double t0 = now();
        const Split s = split(d, 1);
        last = trainBaseline(kind, s.train, s.test, TrainOptions{5, 1}).value();
        totals.push_back(now() - t0);
    }
    std::sort(totals.begin(), totals.end());
    std::string best;
    for (const HyperParameter& p : last.best)
        best += (best.empty() ? "" : ", ") + p.name + "=" + p.value;
    std::printf("%-9s grid %2zu x %d folds: total %.3f s (min of %d; max %.3f s) = tune %.3f s + fit %.4f s; "
                "inference %.3g samples/s; test accuracy %.4f, ROC AUC %.4f; best %s\n",
                baselineKey(kind), last.grid.size(), last.folds, totals.front(), runs, totals.back(), last.tuneSeconds,
                last.fitSeconds, last.inferenceSamplesPerSecond, last.metrics.accuracy, last.metrics.rocAuc, best.c_str());
}

} // namespace

int main(int argc, char** argv)
{
    int runs = 3, seeds = 0, cvSeeds = 0;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--seeds") && i + 1 < argc)
            seeds = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--cv") && i + 1 < argc)
            cvSeeds = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: qpilot_bench_ml [--runs R] [--seeds N] [--cv N]\n");
            return 2;
        }
    }
    const Dataset bc = loadBuiltinDataset("breast_cancer").value();
    std::printf("Breast Cancer Wisconsin: %d rows, %d features; 30 %% stratified test split (seed 1), "
                "5-fold CV grid search, refit, score (single thread)\n", bc.samples.rows, bc.samples.features);
    timeBaseline(BaselineKind::Svm, bc, runs);
    std::printf("target: tuned RBF-SVM including the grid search < 2 s\n");
    timeBaseline(BaselineKind::Logistic, bc, runs);
    timeBaseline(BaselineKind::Mlp, bc, runs);

    struct Case {
        const char* name;
        std::vector<int> classes;
    };
    const Case cases[] = {{"iris", {}}, {"iris", {1, 2}}, {"wine", {}}, {"breast_cancer", {}}};
    auto load = [](const Case& c) {
        Dataset d = loadBuiltinDataset(c.name).value();
        if (!c.classes.empty())
            d = selectClasses(d, c.classes).value();
        return d;
    };
    if (cvSeeds > 0) {
        std::printf("\nNested stratified 10-fold CV accuracy (inner 5-fold grid search on each outer training set), "
                    "fold seeds 1..%d: mean [min, max]\n", cvSeeds);
        for (const Case& c : cases) {
            const Dataset d = load(c);
            for (BaselineKind kind : allBaselines()) {
                Stats st;
                double seconds = 0;
                for (int seed = 1; seed <= cvSeeds; ++seed) {
                    const CrossValidationReport r
                        = nestedCrossValidation(kind, d.samples, 10, TrainOptions{5, static_cast<std::uint64_t>(seed)}).value();
                    st.add(r.accuracy);
                    seconds += r.seconds;
                }
                std::printf("  %-26s %-9s %.4f [%.4f, %.4f]  (%.2f s per 10-fold run)\n", d.name.c_str(), baselineKey(kind),
                            st.mean(), st.lo, st.hi, seconds / cvSeeds);
            }
        }
    }
    if (seeds > 0) {
        std::printf("\nHeld-out 30 %% stratified splits of seeds 1..%d (5-fold grid search on the 70 %%): test accuracy mean [min, max]\n",
                    seeds);
        for (const Case& c : cases) {
            const Dataset d = load(c);
            for (BaselineKind kind : allBaselines()) {
                Stats st;
                for (int seed = 1; seed <= seeds; ++seed) {
                    const Split s = split(d, static_cast<std::uint64_t>(seed));
                    st.add(trainBaseline(kind, s.train, s.test, TrainOptions{5, static_cast<std::uint64_t>(seed)})
                               .value().metrics.accuracy);
                }
                std::printf("  %-26s %-9s %.4f [%.4f, %.4f]\n", d.name.c_str(), baselineKey(kind), st.mean(), st.lo, st.hi);
            }
        }
    }
    return 0;
}
