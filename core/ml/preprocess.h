// core/ml/preprocess.h — preprocessing fitted on the training set and applied to any set:
// standardisation, min–max scaling to an angle range, PCA (Eigen, deterministic signs); and
// the seeded, stratified train/test split and k-fold partition. All return values.
#pragma once

#include "core/common/result.h"
#include "core/ml/samples.h"

#include <cstdint>
#include <vector>

namespace qpilot::ml {

// The rows `indices` of `s` (labels kept), in the given order.
Samples subset(const Samples& s, const std::vector<int>& indices);

// z = (x − mean) / std (population std); a constant feature gets scale 1 (it maps to 0).
struct Standardizer {
    std::vector<double> mean;
    std::vector<double> scale;
    Samples apply(const Samples& s) const;
};
Standardizer fitStandardizer(const Samples& train);

// Maps [min, max] of each training feature linearly onto [low, high] (default [0, π]). Values
// of other sets outside the training range map outside [low, high] (no clipping).
struct MinMaxScaler {
    std::vector<double> min;
    std::vector<double> max;
    double low = 0;
    double high = 0;
    Samples apply(const Samples& s) const;
};
Result<MinMaxScaler> fitMinMax(const Samples& train, double low, double high);

// PCA on the covariance (divisor rows − 1) of the training set. Components are the unit
// eigenvectors in decreasing eigenvalue order, each signed so that its entry of largest
// magnitude is positive (the first such entry on ties). apply() centres with the training
// mean and projects: features become k.
struct Pca {
    std::vector<double> mean;                   // features
    std::vector<std::vector<double>> components; // k × features
    std::vector<double> explainedVariance;       // k eigenvalues
    std::vector<double> explainedVarianceRatio;  // k, eigenvalue / trace
    Samples apply(const Samples& s) const;
};
Result<Pca> fitPca(const Samples& train, int k);

struct Split {
    Samples train;
    Samples test;
    std::vector<int> trainIndex; // rows of the original set, ascending
    std::vector<int> testIndex;
};
// Per class c with n_c rows, round(n_c · testFraction) rows go to the test set, clamped to
// [1, n_c − 1]; which rows is a seeded shuffle within the class. Same seed ⇒ same split.
Result<Split> stratifiedSplit(const Samples& s, double testFraction, std::uint64_t seed);

struct Fold {
    std::vector<int> trainIndex; // ascending
    std::vector<int> testIndex;  // ascending
};
// k folds: each class's rows, shuffled from the seed, are dealt round-robin to the folds
// (continuing across classes), so every fold's class counts differ by at most one.
// Needs 2 ≤ k ≤ the smallest class size.
Result<std::vector<Fold>> stratifiedKFold(const Samples& s, int k, std::uint64_t seed);

} // namespace qpilot::ml
