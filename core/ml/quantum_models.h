// core/ml/quantum_models.h — the quantum models as `qpilot train` and the workbench run them
// next to the tuned baselines: the variational classifier (vqc.h) and the quantum-kernel SVM
// (quantum_kernel.h) trained on the same train/test samples, with automatic angle scaling,
// optional shots and a device noise model, scored into the baselines' ModelReport plus the
// quantum details (encoding, ansatz, qubits, parameters, optimiser, circuit executions,
// kernel alignment and concentration).
#pragma once

#include "core/common/result.h"
#include "core/encoding/encoding.h"
#include "core/ml/baseline.h"
#include "core/ml/preprocess.h"
#include "core/ml/quantum_kernel.h"
#include "core/ml/samples.h"
#include "core/ml/vqc.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qpilot {
struct DeviceProfile;
}

namespace qpilot::ml {

enum class QuantumModelKind { Vqc, Kernel };
const char* quantumModelKey(QuantumModelKind kind); // "vqc", "kernel"
Result<QuantumModelKind> quantumModelFromKey(const std::string& key);

// Qubit caps: ideal (state vector) and noisy (density matrix, 4^n entries per state).
constexpr int kMaxQuantumQubits = 8;
constexpr int kMaxNoisyQubits = 6;
// Components `qpilot train` projects onto (after standardising) when a dataset needs more
// qubits than the cap and no --pca was given.
constexpr int kDefaultQuantumPca = 4;
// The kernel's default zz repetitions. One, not Qiskit's two: with inputs scaled to [0, π] the
// two-rep ZZ map's kernel is nearly diagonal on small data (Iris versicolor/virginica, seed 1:
// alignment 0.11, test accuracy 0.60 with reps 2; 1.00 with reps 1).
constexpr int kDefaultKernelReps = 1;

struct QuantumModelOptions {
    std::optional<encoding::Kind> encoding; // default: kernel zz (reps 1), vqc angle (RY)
    int reps = -1;                          // kernel: feature-map reps (zz default 1); vqc: ansatz reps
                                            // (default 2) or reupload layers (default 2); -1: default
    std::optional<encoding::Kind> ansatz;   // vqc: default real_amplitudes; reupload: none (own weights)
    VqcOptimizer optimizer = VqcOptimizer::Adam;
    int epochs = 60;                        // vqc: Adam/SPSA steps (full batch) or COBYLA evaluations
    double learningRate = 0.1;              // Adam step / SPSA gain
    int shots = 0;                          // 0 = exact
    const DeviceProfile* noiseDevice = nullptr; // density matrix with NoiseModel::fromDevice
    int folds = 5;                          // kernel: C tuning folds
    std::uint64_t seed = 1;
    int threads = 0;                        // 0 = all hardware threads (results do not depend on it)
    const std::atomic<bool>* cancel = nullptr; // set → training stops with the error "cancelled"
};

// The default encoding of each model and whether an encoding takes angles (min–max scaled to
// [0, π] on the training set before encoding): angle, dense_angle, zz and reupload do; basis
// (0/1 bits) and amplitude (normalised internally) take the features as they are.
encoding::Kind defaultQuantumEncoding(QuantumModelKind kind);
bool isAngleEncoding(encoding::Kind kind);
// Qubits the model's circuit needs for `features` features with `encoding`.
Result<int> quantumQubits(encoding::Kind encoding, int features);

struct QuantumDetails {
    std::string encoding;        // "zz (reps 2, full)"
    std::string ansatz;          // "real_amplitudes (reps 2, reverse_linear)", "none (re-uploading weights)", "none"
    std::string scaling;         // "min-max to [0, pi] fitted on the training set" or "none (...)"
    std::string method;          // "statevector", "density matrix (noise: ibm_torino)", "... N shots"
    std::string optimiser;       // "adam (lr 0.1)", "libsvm C-SVC, C by 5-fold CV"
    std::string noiseDevice;     // "" = ideal
    int qubits = 0;
    int inputs = 0;              // feature inputs bound per sample
    int parameters = 0;          // trainable parameters (kernel: 0)
    int oneQubitGates = 0;       // of the model circuit (vqc: encoding + ansatz; kernel: feature map)
    int twoQubitGates = 0;
    int depth = 0;
    int shots = 0;
    int epochs = 0;              // vqc: optimiser iterations run; kernel: 0
    std::vector<double> loss;    // vqc: training loss per iteration
    // Circuit executions (each with `shots` shots when shots > 0; exact: one simulation each).
    long long trainingExecutions = 0;
    long long predictionExecutions = 0; // for the whole test set
    // kernel only
    double alignment = 0;
    KernelSpread spread;
    int supportVectors = 0;
    std::vector<std::string> warnings;  // concentration, ...
    // The trained model's circuit, to run one sample elsewhere (a device, a report): bind the
    // (scaled) sample with encoding::bindFeatures(featureMap, x) plus weightNames = weights.
    Circuit circuit;                    // vqc: encoding + ansatz; kernel: the feature map (symbolic)
    encoding::Built featureMap;         // the encoding part
    std::optional<MinMaxScaler> scaler; // angle encodings: the training-set min-max scaling
    std::vector<std::string> weightNames;
    std::vector<double> weights;        // vqc: the trained weights; kernel: none
    std::optional<VqcModel> vqc;        // vqc: the trained model (e.g. to score it under another noise model)
};

struct QuantumModelReport {
    ModelReport report;          // the same record as the baselines'
    QuantumDetails quantum;
};

// The input checks of trainQuantumModel (all are usage problems): returns the qubit count.
// `features` and `classes` of the data; `binary`: every feature value is 0 or 1.
Result<int> validateQuantumModel(QuantumModelKind kind, int features, int classes, bool binary,
                                 const QuantumModelOptions& options);

// The untrained model circuit trainQuantumModel builds for `features` features and `classes`
// classes (kernel: the feature map; vqc: encoding + ansatz with symbolic weights), after the same
// checks (validateQuantumModel; the basis encoding's 0/1 data check is left to training).
Result<Circuit> quantumModelCircuit(QuantumModelKind kind, int features, int classes, const QuantumModelOptions& options);

// Trains on `train`, scores on `test`. Errors (all input problems): too many qubits for the
// cap (ideal or noisy), a device smaller than the circuit, an encoding that does not fit the
// model (basis with non-binary features; multi-class expectation readout with fewer qubits
// than classes), option values out of range.
Result<QuantumModelReport> trainQuantumModel(QuantumModelKind kind, const Samples& train, const Samples& test,
                                             const QuantumModelOptions& options);

} // namespace qpilot::ml
