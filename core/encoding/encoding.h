// core/encoding/encoding.h — entry header of the encodings and ansätze: circuit builders
// `features → Circuit` with named symbolic parameters (inputs x_i, trainable theta_j) that are
// bound at run time, the closed-form resource formulas the tests check against the built
// circuits, and the catalog the CLI and GUI enumerate.
//
// Encodings: basis, angle, dense_angle, amplitude (Möttönen et al., quant-ph/0407010 [S39]),
// zz (Havlíček et al. / Qiskit ZZFeatureMap [S42,S43]) and reupload (data re-uploading,
// Pérez-Salinas et al. 2020). Ansätze: real_amplitudes, efficient_su2 (Qiskit definitions)
// and hardware_efficient (a device's native gates only).
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qpilot {
struct DeviceProfile;
}

namespace qpilot::encoding {

enum class Kind {
    Basis, Angle, DenseAngle, Amplitude, ZZ, Reupload,        // feature maps
    RealAmplitudes, EfficientSU2, HardwareEfficient           // ansätze
};
bool isAnsatz(Kind kind);
const char* kindName(Kind kind);                 // "basis", "zz", "real_amplitudes", ...
std::optional<Kind> kindByName(const std::string& name); // also accepts aliases (iqp, dense)

// Entangler maps, in Qiskit's order: full = (i,j) for i<j row by row; linear = (i,i+1);
// reverse_linear = (n-2,n-1), ..., (0,1); circular = (n-1,0) then linear (only for n > 2, as
// Qiskit does; for n <= 2 it equals linear). Brick = (0,1),(2,3),... then (1,2),(3,4),...
// (used by re-uploading and the hardware-efficient ansatz: depth 2 per layer).
enum class Entanglement { Full, Linear, ReverseLinear, Circular, Brick };
const char* entanglementName(Entanglement e);
std::optional<Entanglement> entanglementByName(const std::string& name);
std::vector<std::pair<int, int>> entanglerPairs(Entanglement e, int qubits);

enum class Axis { X, Y, Z };
const char* axisName(Axis a);
std::optional<Axis> axisByName(const std::string& name);

// Trainable block of data re-uploading: "ry" (one RY per qubit) or "ryrz" (RY then RZ).
enum class TrainableBlock { RY, RYRZ };

struct Options {
    int reps = -1;                       // zz: default 2; ansätze: default 3 (Qiskit defaults)
    std::optional<Entanglement> entanglement; // default: zz full, ansätze reverse_linear, HEA brick
    Axis rotation = Axis::Y;             // angle and re-uploading encoding rotation
    int layers = 2;                      // re-uploading layers L
    TrainableBlock block = TrainableBlock::RYRZ;
    std::vector<std::string> nativeGates = {"rz", "sx", "cz"}; // hardware-efficient ansatz
    std::vector<std::pair<int, int>> couplers;                 // HEA: explicit 2q pairs (else brick)
};

// Resource formula. `depth` is exact (`depthExact`) for every encoding and ansatz except the
// hardware-efficient ansatz on an explicit coupler list, where it is the no-overlap upper
// bound; the tests check equality (or the bound) against circuitMetrics.
struct Resources {
    int qubits = 0;
    long long oneQubitGates = 0;
    long long twoQubitGates = 0;
    long long depth = 0;
    bool depthExact = true;
    int inputParameters = 0;     // bound per sample
    int trainableParameters = 0; // bound by the optimiser
    std::string twoQubitFormula; // the formula in words, e.g. "2*reps*n(n-1)/2"
    std::string parameterFormula;
};

// A built circuit with its symbolic parameters (in order).
struct Built {
    Kind kind = Kind::Angle;
    int features = 0;            // N (ansätze: the qubit count)
    Options options;             // with defaults resolved
    Circuit circuit;
    std::vector<std::string> inputs;  // feature-dependent parameters (x_i; amplitude: angles a_k)
    std::vector<std::string> weights; // trainable parameters theta_j
};

// Limits: one-qubit-per-feature encodings up to kMaxFeatureQubits qubits; amplitude up to
// 2^kMaxAmplitudeQubits features.
constexpr int kMaxFeatureQubits = 1024;
constexpr int kMaxAmplitudeQubits = 16;

// The formula for N features (or qubits, for ansätze) and the options.
Result<Resources> resources(Kind kind, int features, const Options& options = {});
// Builds the symbolic circuit.
Result<Built> build(Kind kind, int features, const Options& options = {});
// Bindings for the inputs of `built` for one sample (size must equal built.features; basis
// needs bits 0/1; amplitude needs a non-zero vector).
Result<ParamBindings> bindFeatures(const Built& built, const std::vector<double>& x);
// The circuit for one sample with all inputs bound (basis: X on the 1-bits only; others:
// bindParameters of the symbolic circuit). Trainable parameters stay symbolic.
Result<Circuit> encodeValues(const Built& built, const std::vector<double>& x);
// Names theta_0..theta_{count-1} bound to `values`.
ParamBindings weightBindings(const Built& built, const std::vector<double>& values);

// Amplitude encoding (Möttönen state preparation from |0...0>): the normalised, zero-padded
// target vector of length 2^n, and the uniformly-controlled rotation angles for it.
struct AmplitudeTarget {
    int qubits = 0;
    std::vector<double> amplitudes; // normalised, padded
};
Result<AmplitudeTarget> amplitudeTarget(const std::vector<double>& x);
int amplitudeQubits(int features); // max(1, ceil(log2 N))

// The catalog for the CLI and GUI.
struct OptionInfo {
    std::string name;          // CLI option name ("reps", "entanglement", ...)
    std::string description;
    std::string defaultValue;
    std::vector<std::string> choices; // empty: free value
};
struct CatalogEntry {
    Kind kind;
    std::string name;
    bool ansatz = false;
    std::string description;
    std::string qubitsFormula;
    std::string twoQubitFormula;
    std::string parameterFormula;
    std::vector<OptionInfo> options;
};
const std::vector<CatalogEntry>& catalog();

// Native gates the hardware-efficient ansatz understands (1q: rz+sx, prx, u1q, gpi2, or two
// of rx/ry/rz; 2q: cz, cx, ecr, ms, iswap, rzz, zz; x and gpi may be listed but are not used).
// prx, gpi2 and ms are the gate table's (IonQ MS at phases 0, θ = π/2); Quantinuum's names
// u1q (= prx) and zz (= RZZ(π/2)) are emitted as composite gates with exact definitions.
std::vector<std::string> supportedNativeGates();

// Options for the hardware-efficient ansatz on a device: its native gates, and its couplers
// among qubits 0..n-1 in an operand order the device allows. All-to-all devices, and profiles
// that carry no coupling map, use the brick pattern on 0..n-1 (the transpiler routes it).
// Error when the device is too small or its coupling map leaves qubits 0..n-1 uncoupled.
Result<Options> hardwareEfficientForDevice(const DeviceProfile& device, int qubits, Options options = {});

} // namespace qpilot::encoding

#include "core/encoding/advisor.h"
