// core/ml/metrics.h — classification metrics: accuracy, balanced accuracy, F1 (binary and
// macro), ROC AUC (Mann–Whitney rank statistic with tied ranks averaged; macro one-vs-rest for
// more than two classes) and the confusion matrix.
#pragma once

#include <vector>

namespace qpilot::ml {

// counts[t][p] = rows of true class t predicted as p.
using ConfusionMatrix = std::vector<std::vector<int>>;
ConfusionMatrix confusionMatrix(const std::vector<int>& truth, const std::vector<int>& predicted, int classes);

double accuracy(const std::vector<int>& truth, const std::vector<int>& predicted);
// Mean recall over the classes that occur in `truth`.
double balancedAccuracy(const std::vector<int>& truth, const std::vector<int>& predicted, int classes);
// F1 of class `positive` (precision or recall with a zero denominator count as 0).
double f1Score(const std::vector<int>& truth, const std::vector<int>& predicted, int positive);
// Unweighted mean of the per-class F1 over the classes that occur in truth or predictions.
double f1Macro(const std::vector<int>& truth, const std::vector<int>& predicted, int classes);

// Binary ROC AUC of `scores` (higher = more likely positive) for labels `positive` (true/false):
// (R₊ − n₊(n₊+1)/2) / (n₊ n₋) with R₊ the sum of the positives' ranks, ties given their
// average rank. NaN when one of the two groups is empty.
double rocAucBinary(const std::vector<bool>& positive, const std::vector<double>& scores);
// scores: rows × classes (row-major). Two classes: AUC of column 1 for class 1. More: mean over
// the classes k present (with at least one negative) of the one-vs-rest AUC of column k.
double rocAuc(const std::vector<int>& truth, const std::vector<double>& scores, int classes);

struct Metrics {
    double accuracy = 0;
    double balancedAccuracy = 0;
    double f1 = 0;      // binary: F1 of class 1; multi-class: macro F1
    double f1Macro = 0;
    double rocAuc = 0;  // NaN when undefined
    ConfusionMatrix confusion;
};
// All of the above from labels, predictions and scores (rows × classes; may be empty → AUC NaN).
Metrics computeMetrics(const std::vector<int>& truth, const std::vector<int>& predicted,
                       const std::vector<double>& scores, int classes);

} // namespace qpilot::ml
