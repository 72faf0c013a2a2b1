// core/encoding/builder.h — internal helpers shared by the encoding builders: a circuit under
// construction that declares its symbolic parameters in order, and the per-kind builders and
// formulas the dispatcher in registry.cpp calls. Not part of the public API.
#pragma once

#include "core/encoding/encoding.h"

#include <string>

namespace qpilot::encoding::detail {

// A circuit on `n` qubits (register "q") that records its parameters.
struct CircuitBuilder {
    Built built;
    explicit CircuitBuilder(Kind kind, int features, const Options& options, int qubits);
    Expr input(const std::string& name);    // declares an input parameter once
    Expr weight();                          // declares theta_<next>
    void gate(GateKind kind, std::vector<int> qubits, std::vector<Expr> params = {});
    void custom(const std::string& name, std::vector<int> qubits, std::vector<Expr> params);
    Built finish();
};

std::string inputName(int i);  // "x_i"
std::string weightName(int j); // "theta_j"
GateKind rotationGate(Axis a);

// Feature maps (feature_maps.cpp).
Resources basisResources(int n);
Resources angleResources(int n);
Resources denseResources(int n);
Resources zzResources(int n, const Options& o);
Resources reuploadResources(int n, const Options& o);
Built buildBasis(int n, const Options& o);
Built buildAngle(int n, const Options& o);
Built buildDense(int n, const Options& o);
Built buildZZ(int n, const Options& o);
Built buildReupload(int n, const Options& o);

// Amplitude (amplitude.cpp).
Resources amplitudeResources(int n);
Built buildAmplitude(int n, const Options& o);
Result<ParamBindings> amplitudeBindings(const Built& built, const std::vector<double>& x);

// Ansätze (ansatz.cpp).
Result<Resources> ansatzResources(Kind kind, int n, const Options& o);
Result<Built> buildAnsatz(Kind kind, int n, const Options& o);

} // namespace qpilot::encoding::detail
