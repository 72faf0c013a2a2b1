// core/ml/samples.h — the in-memory sample set every model trains and predicts on: rows of
// numeric features (row-major) and integer class labels 0..classes-1. Datasets, splits,
// preprocessing, classical baselines and quantum models all exchange this one value type.
#pragma once

#include <cstddef>
#include <vector>

namespace qpilot::ml {

struct Samples {
    int rows = 0;
    int features = 0;
    std::vector<double> x; // rows * features, row-major
    std::vector<int> y;    // rows labels in 0..classes-1 (empty for unlabelled data)
    int classes = 0;

    const double* row(int r) const { return x.data() + static_cast<long>(r) * features; }
    double at(int r, int c) const { return x[static_cast<size_t>(r) * static_cast<size_t>(features) + static_cast<size_t>(c)]; }
};

} // namespace qpilot::ml
