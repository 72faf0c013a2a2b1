// core/ml/metrics.cpp — the classification metrics of metrics.h.
#include "core/ml/metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace qpilot::ml {

ConfusionMatrix confusionMatrix(const std::vector<int>& truth, const std::vector<int>& predicted, int classes)
{
    ConfusionMatrix m(static_cast<std::size_t>(classes), std::vector<int>(static_cast<std::size_t>(classes), 0));
    for (std::size_t i = 0; i < truth.size() && i < predicted.size(); ++i)
        if (truth[i] >= 0 && truth[i] < classes && predicted[i] >= 0 && predicted[i] < classes)
            ++m[static_cast<std::size_t>(truth[i])][static_cast<std::size_t>(predicted[i])];
    return m;
}

double accuracy(const std::vector<int>& truth, const std::vector<int>& predicted)
{
    if (truth.empty())
        return std::nan("");
    std::size_t hits = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        hits += truth[i] == predicted[i] ? 1 : 0;
    return static_cast<double>(hits) / static_cast<double>(truth.size());
}

double balancedAccuracy(const std::vector<int>& truth, const std::vector<int>& predicted, int classes)
{
    const ConfusionMatrix m = confusionMatrix(truth, predicted, classes);
    double sum = 0;
    int present = 0;
    for (int k = 0; k < classes; ++k) {
        const auto& row = m[static_cast<std::size_t>(k)];
        const int n = std::accumulate(row.begin(), row.end(), 0);
        if (n == 0)
            continue;
        sum += static_cast<double>(row[static_cast<std::size_t>(k)]) / n;
        ++present;
    }
    return present ? sum / present : std::nan("");
}

double f1Score(const std::vector<int>& truth, const std::vector<int>& predicted, int positive)
{
    int tp = 0, fp = 0, fn = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const bool t = truth[i] == positive, p = predicted[i] == positive;
        tp += t && p;
        fp += !t && p;
        fn += t && !p;
    }
    // F1 = 2TP / (2TP + FP + FN): equal to the harmonic mean of precision and recall, and 0
    // when precision or recall has a zero denominator.
    const int denom = 2 * tp + fp + fn;
    return denom ? 2.0 * tp / denom : 0.0;
}

double f1Macro(const std::vector<int>& truth, const std::vector<int>& predicted, int classes)
{
    double sum = 0;
    int counted = 0;
    for (int k = 0; k < classes; ++k) {
        const bool occurs = std::find(truth.begin(), truth.end(), k) != truth.end()
            || std::find(predicted.begin(), predicted.end(), k) != predicted.end();
        if (!occurs)
            continue;
        sum += f1Score(truth, predicted, k);
        ++counted;
    }
    return counted ? sum / counted : std::nan("");
}

double rocAucBinary(const std::vector<bool>& positive, const std::vector<double>& scores)
{
    const std::size_t n = scores.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double rankSum = 0;
    double nPos = 0, nNeg = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && scores[order[j + 1]] == scores[order[i]])
            ++j;
        const double avgRank = 0.5 * (static_cast<double>(i + 1) + static_cast<double>(j + 1));
        for (std::size_t t = i; t <= j; ++t)
            if (positive[order[t]])
                rankSum += avgRank;
        i = j + 1;
    }
    for (bool p : positive)
        (p ? nPos : nNeg) += 1;
    if (nPos == 0 || nNeg == 0)
        return std::nan("");
    return (rankSum - nPos * (nPos + 1) / 2) / (nPos * nNeg);
}

double rocAuc(const std::vector<int>& truth, const std::vector<double>& scores, int classes)
{
    const std::size_t rows = truth.size();
    if (classes < 2 || scores.size() != rows * static_cast<std::size_t>(classes))
        return std::nan("");
    auto column = [&](int k) {
        std::vector<double> c(rows);
        for (std::size_t r = 0; r < rows; ++r)
            c[r] = scores[r * static_cast<std::size_t>(classes) + static_cast<std::size_t>(k)];
        return c;
    };
    auto isClass = [&](int k) {
        std::vector<bool> p(rows);
        for (std::size_t r = 0; r < rows; ++r)
            p[r] = truth[r] == k;
        return p;
    };
    if (classes == 2)
        return rocAucBinary(isClass(1), column(1));
    double sum = 0;
    int counted = 0;
    for (int k = 0; k < classes; ++k) {
        const double a = rocAucBinary(isClass(k), column(k));
        if (std::isnan(a))
            continue;
        sum += a;
        ++counted;
    }
    return counted ? sum / counted : std::nan("");
}

Metrics computeMetrics(const std::vector<int>& truth, const std::vector<int>& predicted,
                       const std::vector<double>& scores, int classes)
{
    Metrics m;
    m.accuracy = accuracy(truth, predicted);
    m.balancedAccuracy = balancedAccuracy(truth, predicted, classes);
    m.f1Macro = f1Macro(truth, predicted, classes);
    m.f1 = classes == 2 ? f1Score(truth, predicted, 1) : m.f1Macro;
    m.rocAuc = rocAuc(truth, scores, classes);
    m.confusion = confusionMatrix(truth, predicted, classes);
    return m;
}

} // namespace qpilot::ml
