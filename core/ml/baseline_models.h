// core/ml/baseline_models.h — internal to core/ml: the three classical models behind
// trainBaseline(), each fitted with fixed hyper-parameters and returning class scores.
#pragma once

#include "core/ml/samples.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace qpilot::ml::detail {

class FittedModel {
public:
    virtual ~FittedModel() = default;
    // rows × classes scores (row-major); higher = more likely.
    virtual std::vector<double> scores(const Samples& s) const = 0;
};

// Multinomial logistic regression, objective Σ cross-entropy + ‖W‖²/(2C) (bias unpenalised),
// minimised by Newton's method with backtracking. Scores are the class probabilities.
std::unique_ptr<FittedModel> fitLogistic(const Samples& train, double c);
// libsvm C-SVC with the RBF kernel exp(−γ‖x−x'‖²); gamma ≤ 0 means "scale" = 1/(features·var(X))
// on the standardised training data. Scores: binary, ±decision value; multi-class, one-vs-one
// votes plus a bounded confidence term (votes dominate).
std::unique_ptr<FittedModel> fitSvm(const Samples& train, double c, double gamma);
double svmScaleGamma(const Samples& train);
// One hidden tanh layer, softmax output, cross-entropy + alpha‖W‖²/2 per sample, Adam
// (lr 0.01, mini-batches of 32, 150 epochs), initialised and shuffled from the seed.
std::unique_ptr<FittedModel> fitMlp(const Samples& train, int hidden, double alpha, std::uint64_t seed);

} // namespace qpilot::ml::detail
