// core/ml/baseline.h — the tuned classical baselines every quantum model is scored against:
// logistic regression (multinomial, L2, Newton), RBF-kernel SVM (libsvm C-SVC, one-vs-one)
// and a one-hidden-layer MLP (Adam, seeded). Each is tuned by a stratified k-fold
// cross-validated grid search on the training set only (ties go to the first, i.e. simplest,
// grid point), refitted on the whole training set and scored on the test set; the report
// carries the grid, the best point, the test metrics, training time and measured inference
// throughput. nestedCrossValidation() estimates a tuned baseline's accuracy by nested
// stratified k-fold CV (grids and tie rule: docs/datasets.md). Features are standardised inside each model
// (fitted on the rows it trains on), so no statistics leak from validation or test rows.
#pragma once

#include "core/common/result.h"
#include "core/ml/metrics.h"
#include "core/ml/samples.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qpilot::ml {

enum class BaselineKind { Logistic, Svm, Mlp };
const char* baselineKey(BaselineKind kind);           // "logistic", "svm", "mlp"
Result<BaselineKind> baselineFromKey(const std::string& key);
std::vector<BaselineKind> allBaselines();

struct HyperParameter {
    std::string name;  // "C", "gamma", "hidden", "alpha"
    std::string value; // as shown ("scale (0.0333)" for gamma=scale)
};

struct GridPoint {
    std::vector<HyperParameter> params;
    double cvAccuracy = 0; // mean validation accuracy over the folds
    double cvStd = 0;      // its standard deviation over the folds
};

struct TrainOptions {
    int folds = 5;
    std::uint64_t seed = 1;
};

// What training one model produced. Quantum models (VQC, quantum kernel) fill the same record,
// so the CLI and the workbench list every model side by side.
struct ModelReport {
    std::string model;                 // "logistic", "svm", "mlp" (quantum: "vqc", "kernel")
    std::string description;           // one line: what the model is
    std::vector<HyperParameter> best;  // the chosen hyper-parameters
    std::vector<GridPoint> grid;       // every point tried, in grid order
    int folds = 0;
    int trainRows = 0;
    int testRows = 0;
    Metrics metrics;                   // on the test set
    std::vector<int> predictions;      // test-set predictions
    double tuneSeconds = 0;            // the cross-validated grid search
    double fitSeconds = 0;             // the final fit on the whole training set
    double inferenceSamplesPerSecond = 0; // measured on the test set (repeated ≥ 20 ms)
    double circuitExecutionsPerPrediction = 0; // 0 for classical models
    double trainSeconds() const { return tuneSeconds + fitSeconds; }
};

// Tunes, fits and scores one baseline. Errors: empty sets, a class with fewer training rows
// than folds, mismatched feature counts.
Result<ModelReport> trainBaseline(BaselineKind kind, const Samples& train, const Samples& test, const TrainOptions& options);

// Nested stratified cross-validation of a tuned baseline — the protocol behind the accuracies
// the literature quotes for the UCI datasets (k-fold CV accuracy), with the tuning inside:
// `data` is split into `outerFolds` stratified folds (seed inner.seed); for each outer fold the
// baseline is tuned by the same inner inner.folds-fold grid search as trainBaseline() on the
// other folds only, refitted on them and scored on the held-out fold. Every row is predicted
// exactly once by a model that never saw it, not even during tuning.
struct CrossValidationReport {
    std::string model;
    int outerFolds = 0;
    int innerFolds = 0;
    int rows = 0;
    int correct = 0;                                   // rows predicted correctly
    double accuracy = 0;                               // correct / rows (pooled over the folds)
    std::vector<double> foldAccuracy;                  // per outer fold
    std::vector<std::vector<HyperParameter>> foldBest; // the point each outer fold's tuning chose
    double seconds = 0;
};
// Errors: empty or unlabelled data, one class, a class smaller than outerFolds, or (inner) a
// class with fewer training rows than inner.folds.
Result<CrossValidationReport> nestedCrossValidation(BaselineKind kind, const Samples& data, int outerFolds, const TrainOptions& inner);

// A fitted baseline with fixed hyper-parameters (no tuning), for tests and benchmarks:
// returns the scores (rows × classes, row-major; higher = more likely) of `test`.
// `params` as in the grid: logistic {C}; svm {C, gamma (≤ 0 = "scale")}; mlp {hidden, alpha}.
Result<std::vector<double>> fitAndScore(BaselineKind kind, const Samples& train, const Samples& test,
                                        const std::vector<double>& params, std::uint64_t seed);

// argmax per row of a rows × classes score matrix (the first on ties).
std::vector<int> predictFromScores(const std::vector<double>& scores, int classes);

} // namespace qpilot::ml
