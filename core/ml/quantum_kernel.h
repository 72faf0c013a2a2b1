// core/ml/quantum_kernel.h — the fidelity quantum kernel K(x,x') = |<ψ(x')|ψ(x)>|² of a
// feature map: exact (one simulation per sample, then overlaps) or compute-uncompute with
// seeded shots (U†(x')U(x), probability of all zeros), ideal or with a device noise model
// (density matrices: Tr ρ(x)ρ(x'), or the noisy compute-uncompute circuit); Gram matrices with
// progress and cancel; kernel-target alignment and the concentration diagnostic; an SVM on
// the precomputed kernel (libsvm) with C tuned by seeded stratified cross-validation.
#pragma once

#include "core/common/result.h"
#include "core/encoding/encoding.h"
#include "core/ml/samples.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct svm_model;

namespace qpilot {
class NoiseModel;
}

namespace qpilot::ml {

enum class KernelMethod {
    Statevector,       // exact overlaps of simulated states (density matrices with noise)
    ComputeUncompute,  // U†(x')U(x)|0>, P(0...0) estimated from `shots` seeded draws
};

struct KernelOptions {
    KernelMethod method = KernelMethod::Statevector;
    int shots = 1024;                      // compute-uncompute only
    std::uint64_t seed = 0;
    const NoiseModel* noise = nullptr;     // nullptr: ideal
    int threads = 0;                       // overlap loop; 0 = all hardware threads
    std::function<void(double)> progress;  // 0..1, from the calling thread
    const std::atomic<bool>* cancel = nullptr;
};

// A kernel matrix, row-major rows x cols, plus what it cost.
struct KernelMatrix {
    int rows = 0;
    int cols = 0;
    std::vector<double> values;
    long long circuitExecutions = 0; // simulations (exact) or shots (compute-uncompute)
    double encodeSeconds = 0;        // preparing one state / circuit per sample
    double entrySeconds = 0;         // overlaps (exact) or compute-uncompute circuits
    double at(int i, int j) const { return values[size_t(i) * size_t(cols) + size_t(j)]; }
};

// Symmetric train x train Gram matrix (diagonal 1 for pure states; Tr ρ² with noise).
// Exact: `samples.rows` simulations. Compute-uncompute: rows(rows-1)/2 circuits x shots.
Result<KernelMatrix> gramMatrix(const encoding::Built& featureMap, const Samples& samples,
                                const KernelOptions& options = {});
// test x train kernel. Exact: rows + cols simulations; compute-uncompute: rows*cols circuits.
Result<KernelMatrix> crossKernel(const encoding::Built& featureMap, const Samples& test, const Samples& train,
                                 const KernelOptions& options = {});

// Kernel-target alignment <K,Y>_F / (|K|_F |Y|_F) with Y_ij = +1 for equal labels, -1 otherwise
// (Cristianini et al. 2001; for two classes Y = y y^T with y in {-1,+1}).
double kernelTargetAlignment(const KernelMatrix& gram, const std::vector<int>& labels);

// Spread of the off-diagonal kernel values. `concentrated` when the variance is below
// kConcentrationVariance = 1e-4, i.e. a standard deviation under 0.01: smaller than the shot
// noise sqrt(k(1-k)/R) of one entry near k = 0.5 estimated with R = 2500 shots, so with
// practical shot budgets the kernel no longer distinguishes inputs (exponential
// concentration, Thanasilp et al. [S44]).
constexpr double kConcentrationVariance = 1e-4;
struct KernelSpread {
    double mean = 0;
    double variance = 0;
    double min = 0;
    double max = 0;
    bool concentrated = false;
    std::string warning; // empty unless concentrated
};
KernelSpread offDiagonalSpread(const KernelMatrix& gram);

// A C-SVM trained on a precomputed kernel (libsvm, one-vs-one for several classes).
class PrecomputedSvm {
public:
    PrecomputedSvm();
    ~PrecomputedSvm();
    PrecomputedSvm(PrecomputedSvm&&) noexcept;
    PrecomputedSvm& operator=(PrecomputedSvm&&) noexcept;
    PrecomputedSvm(const PrecomputedSvm&) = delete;
    PrecomputedSvm& operator=(const PrecomputedSvm&) = delete;

    // Trains on the square Gram matrix of the training set with labels 0..classes-1.
    static Result<PrecomputedSvm> train(const KernelMatrix& gram, const std::vector<int>& labels, double C);
    // Predicts from the kernel between new points (rows) and the training set (cols).
    Result<std::vector<int>> predict(const KernelMatrix& cross) const;
    // Scores rows x classes (row-major; higher = more likely) for ROC AUC: two classes: the
    // decision value d as +d for libsvm's first label and -d for the other; more classes: the
    // one-vs-one votes plus a bounded confidence term (mean tanh of the margins, < 1 vote).
    Result<std::vector<double>> scores(const KernelMatrix& cross, int classes) const;
    int supportVectors() const;
    int trainingRows() const { return m_rows; }

private:
    struct Storage;
    std::unique_ptr<Storage> m_storage; // the training nodes the model points into
    svm_model* m_model = nullptr;
    int m_rows = 0;
};

struct SvmTuning {
    std::vector<double> cGrid = {0.01, 0.1, 1, 10, 100, 1000};
    int folds = 5;
    std::uint64_t seed = 0; // stratified fold assignment
};
struct SvmTuningResult {
    double bestC = 1;
    double bestAccuracy = 0;
    std::vector<std::pair<double, double>> scores; // (C, cross-validated accuracy)
};
// Stratified k-fold cross-validation of C on the precomputed Gram matrix (sub-matrices, no
// recomputation). Ties go to the smaller C.
Result<SvmTuningResult> tuneSvmC(const KernelMatrix& gram, const std::vector<int>& labels, const SvmTuning& tuning = {});

// The whole quantum-kernel classifier: Gram matrix, diagnostics, tuned SVM.
struct QuantumKernelModel {
    encoding::Built featureMap;
    Samples train;
    KernelOptions kernel;
    PrecomputedSvm svm;
    SvmTuningResult tuning;
    double alignment = 0;
    KernelSpread spread;
    long long trainingExecutions = 0;
};
Result<QuantumKernelModel> trainQuantumKernel(const Samples& train, const encoding::Built& featureMap,
                                              const KernelOptions& kernel = {}, const SvmTuning& tuning = {});
// Predictions for `test`; adds the circuit executions used to *executions when given.
Result<std::vector<int>> predictQuantumKernel(const QuantumKernelModel& model, const Samples& test,
                                              long long* executions = nullptr);
// Predictions and scores (rows x model classes, see PrecomputedSvm::scores) from one test kernel.
struct KernelPrediction {
    std::vector<int> labels;
    std::vector<double> scores;
};
Result<KernelPrediction> predictQuantumKernelScores(const QuantumKernelModel& model, const Samples& test, int classes,
                                                    long long* executions = nullptr);

} // namespace qpilot::ml
