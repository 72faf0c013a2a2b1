// bench/bench_ml.cpp — the classical-baseline benchmark of issue 5: the tuned RBF-SVM baseline on
// Breast Cancer Wisconsin (30 % stratified test split, 5-fold CV grid search over 20 points,
// refit, scoring) — target under 2 s including the grid search — with its inference throughput;
// the logistic and MLP baselines for comparison; and, with --seeds N, each baseline's test
// accuracy on every shipped dataset averaged over the splits of seeds 1..N.
// Usage: qpilot_bench_ml [--runs R] [--seeds N]
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
    int runs = 3, seeds = 0;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--seeds") && i + 1 < argc)
            seeds = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: qpilot_bench_ml [--runs R] [--seeds N]\n");
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

    if (seeds > 0) {
        std::printf("\nTest accuracy over the 30 %% splits of seeds 1..%d (mean, min, max):\n", seeds);
        struct Case {
            const char* name;
            std::vector<int> classes;
        };
        const Case cases[] = {{"iris", {}}, {"iris", {1, 2}}, {"wine", {}}, {"breast_cancer", {}}};
        for (const Case& c : cases) {
            Dataset d = loadBuiltinDataset(c.name).value();
            if (!c.classes.empty())
                d = selectClasses(d, c.classes).value();
            for (BaselineKind kind : allBaselines()) {
                double sum = 0, lo = 1, hi = 0;
                for (int seed = 1; seed <= seeds; ++seed) {
                    const Split s = split(d, static_cast<std::uint64_t>(seed));
                    const double a = trainBaseline(kind, s.train, s.test, TrainOptions{5, static_cast<std::uint64_t>(seed)})
                                         .value().metrics.accuracy;
                    sum += a;
                    lo = std::min(lo, a);
                    hi = std::max(hi, a);
                }
                std::printf("  %-32s %-9s %.4f  %.4f  %.4f\n", d.name.c_str(), baselineKey(kind), sum / seeds, lo, hi);
            }
        }
    }
    return 0;
}
