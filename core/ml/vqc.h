// core/ml/vqc.h — the variational quantum classifier: a feature map (core/encoding) followed by
// an ansatz, read out as class probabilities, trained on cross-entropy with parameter-shift
// gradients + Adam, SPSA, or COBYLA (NLopt); exact probabilities or seeded finite shots; ideal
// or under a device noise model (density matrix). Counts every circuit execution.
//
// Readout (K classes, P(b) = probability of measuring bitstring b on all qubits):
//  - Parity: class of b = (Hamming weight of b) mod K; for K = 2 that is the parity of the
//    measured bitstring. p_c = Σ_{b -> c} P(b).
//  - Expectation: K = 2: p_1 = P(qubit 0 reads 1) = (1 - <Z_0>)/2. K > 2: one qubit per class
//    (needs K <= qubits), p = softmax(κ · P(qubit c reads 1)) with κ = logitScale.
// Loss: mean over samples of -log max(p_y, 1e-10).
// Parameter shift: every trainable angle must be the whole angle of exactly one RX/RY/RZ/P gate
// (true for real_amplitudes, efficient_su2, reupload, and the rz+sx / rotation-pair hardware-
// efficient ansätze); then ∂P(b)/∂θ_j = [P(b; θ_j + π/2) - P(b; θ_j - π/2)] / 2, i.e. 2·P
// circuit executions per sample per gradient. Other ansätze train with SPSA or COBYLA.
#pragma once

#include "core/common/result.h"
#include "core/encoding/encoding.h"
#include "core/ml/samples.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace qpilot {
class NoiseModel;
}

namespace qpilot::ml {

enum class VqcReadout { Parity, Expectation };
enum class VqcOptimizer { Adam, SPSA, COBYLA };
const char* vqcOptimizerName(VqcOptimizer o);
const char* vqcReadoutName(VqcReadout r);

struct VqcOptions {
    encoding::Kind encoding = encoding::Kind::Angle;
    encoding::Options encodingOptions;
    std::optional<encoding::Kind> ansatz = encoding::Kind::RealAmplitudes; // nullopt: the encoding's own weights (reupload)
    encoding::Options ansatzOptions;
    VqcReadout readout = VqcReadout::Expectation;
    VqcOptimizer optimizer = VqcOptimizer::Adam;
    int iterations = 60;          // Adam/SPSA steps; COBYLA: maximum loss evaluations
    double learningRate = 0.1;    // Adam step size; SPSA gain a
    double spsaPerturbation = 0.1; // SPSA c
    int batchSize = 0;            // Adam/SPSA mini-batch (0 = full batch)
    double logitScale = 5.0;      // κ of the multi-class expectation readout
    int shots = 0;                // 0 = exact probabilities
    std::uint64_t seed = 0;       // initial weights, batches, SPSA directions, shots
    const NoiseModel* noise = nullptr;
    int threads = 0;              // samples evaluated in parallel; 0 = all hardware threads
    std::function<void(double)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

struct VqcModel {
    encoding::Built encoding;
    Circuit circuit;                   // encoding then ansatz; inputs + weights symbolic
    std::vector<std::string> weightNames;
    std::vector<double> weights;
    int qubits = 0;
    int classes = 2;
    bool parameterShiftValid = false;
    VqcOptions options;                // progress/cancel cleared
};

struct VqcReport {
    std::vector<double> loss;          // training loss per iteration (before each step)
    long long circuitExecutions = 0;   // circuits run (each with `shots` shots when shots > 0)
    long long shots = 0;               // total shots (0 for exact)
    int iterations = 0;
    double seconds = 0;
};

// A model with seeded initial weights (uniform in [-π, π)).
Result<VqcModel> makeVqc(int features, int classes, const VqcOptions& options);
// Class probabilities per sample (rows x classes).
Result<std::vector<std::vector<double>>> vqcProbabilities(const VqcModel& model, const Samples& samples,
                                                          long long* executions = nullptr);
Result<std::vector<int>> vqcPredict(const VqcModel& model, const Samples& samples, long long* executions = nullptr);
Result<double> vqcLoss(const VqcModel& model, const Samples& samples, long long* executions = nullptr);
// Parameter-shift gradient of the loss (2·P·rows executions, plus rows for the loss itself).
Result<std::vector<double>> vqcGradient(const VqcModel& model, const Samples& samples, long long* executions = nullptr);

Result<VqcModel> trainVqc(const Samples& train, const VqcOptions& options, VqcReport* report = nullptr);

} // namespace qpilot::ml
