// core/encoding/advisor.h — the encoding advisor: for a feature count N and a device, builds
// every applicable data encoding (basis for 0/1 features only, angle, dense angle, amplitude,
// ZZ with linear and with full entanglement, data re-uploading) for N features, binds it to a
// generic sample, transpiles it for the device (core/transpile) and ranks the encodings that
// fit by the estimated success probability (ties: fewer two-qubit gates, then smaller depth).
// Included from encoding.h.
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qpilot {
struct DeviceProfile;
}

namespace qpilot::encoding {


struct AdvisorOptions {
    int level = 1;                // transpiler optimisation level 0..3
    std::uint64_t seed = 0;       // transpiler seed (layout, SABRE)
    int zzReps = 2;               // ZZ feature-map repetitions
    int reuploadLayers = 2;       // re-uploading layers (trainable RY+RZ blocks)
    bool binaryFeatures = false;  // the data is 0/1: the basis encoding applies
};

struct AdvisorCounts {
    int qubits = 0;
    long long oneQubitGates = 0;
    long long twoQubitGates = 0;
    long long depth = 0;
};

struct AdvisorEntry {
    std::string name;             // "angle", "dense_angle", "amplitude", "zz_linear", "zz_full", "reupload", "basis"
    std::string description;      // what was built, e.g. "zz (reps 2, full)"
    bool applicable = true;       // false: basis without 0/1 features
    bool fits = false;            // built and transpiled for the device
    std::string reason;           // why not applicable / not fitting
    AdvisorCounts before;         // the bound logical circuit
    AdvisorCounts after;          // the ISA circuit (qubits = physical qubits used)
    int twoQubitDepth = 0;        // after
    int swaps = 0;
    std::optional<double> duration;           // seconds
    std::optional<double> successProbability;
    std::string successNote;
    int rank = 0;                 // 1 = best; 0 = not ranked (not applicable / does not fit)
};

struct Advice {
    int features = 0;
    std::string device;           // profile id
    int deviceQubits = 0;
    AdvisorOptions options;
    std::vector<AdvisorEntry> entries; // ranked entries first (by rank), then the others in catalog order
};

// Generic sample the circuits are bound to, so that no rotation is trivially removable: angle
// inputs x_i = 0.2 + (π − 0.4)·frac((i+1)·φ) (φ the golden ratio, values in (0.2, π − 0.2));
// amplitude inputs the same values with alternating signs (so the sign multiplexors stay);
// basis bits alternate 1, 0, 1, ...; re-uploading weights as angle inputs of index N + j.
std::vector<double> advisorSample(int features);

// Errors: features < 1, a device without qubits, level outside 0..3.
Result<Advice> adviseEncodings(int features, const DeviceProfile& device, const AdvisorOptions& options = {});

} // namespace qpilot::encoding
