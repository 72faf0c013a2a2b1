// core/noise/noise.h — entry header of the noise module: Kraus channels (depolarizing,
// amplitude/phase damping, thermal relaxation, Pauli), readout error, and the NoiseModel
// that says which channels follow each gate on each qubit, assembled from a device profile.
#pragma once

#include "core/circuit/circuit.h"
#include "core/common/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace qpilot {

struct DeviceProfile;

// A CPTP map on `qubits()` qubits as Kraus operators (each a Matrix in the gate convention).
struct KrausChannel {
    std::string name;              // "depolarizing(0.001)", for logs and reports
    std::vector<Matrix> operators;
    int qubits() const { return operators.empty() ? 0 : operators.front().qubits; }
    // Σ K†K = I within tol.
    bool isTracePreserving(double tol = 1e-10) const;
};

// ρ -> (1-p)ρ + p·I/2^k (k = 1 or 2): the depolarizing parameter p, not the error rate.
KrausChannel depolarizing(int qubits, double p);
KrausChannel amplitudeDamping(double gamma);
KrausChannel phaseDamping(double lambda);
KrausChannel pauliChannel(double px, double py, double pz);
// T1/T2 relaxation over `duration` seconds (T2 <= 2·T1 required; excited-state population 0).
Result<KrausChannel> thermalRelaxation(double t1, double t2, double duration);

// Average gate infidelity r (RB-style) -> depolarizing parameter p = r·d/(d-1), d = 2^k.
double depolarizingFromInfidelity(double r, int qubits);

struct ReadoutError {
    double p1Given0 = 0; // prepared 0, read 1
    double p0Given1 = 0; // prepared 1, read 0
};

class NoiseModel {
public:
    // Channels applied right after a gate on the given physical qubits (operands in order).
    // A gate kind/qubit combination with no entry falls back to the per-arity default.
    struct AppliedChannel {
        KrausChannel channel;
        std::vector<int> operands; // indices into the gate's qubits
    };

    void setDefault1q(std::vector<KrausChannel> channels);
    void setDefault2q(std::vector<KrausChannel> channels);
    void setGateQubitChannels(const std::string& gateName, const std::vector<int>& qubits, std::vector<KrausChannel> channels);
    void setReadout(int qubit, ReadoutError e);
    void setDefaultReadout(ReadoutError e);

    // What follows `op` (qubits are the op's physical qubits). Measurement, reset and barrier
    // get none; gates on 3+ qubits get the 2q default on each consecutive pair.
    std::vector<AppliedChannel> channelsAfter(const GateOp& op) const;
    ReadoutError readout(int qubit) const;
    bool isIdeal() const;
    std::string description;

    // Built from a device profile: per gate, thermal relaxation for its duration on each
    // qubit plus depolarizing for the rest of the reported infidelity (never negative);
    // readout errors per qubit. Missing values fall back to the profile's medians.
    static Result<NoiseModel> fromDevice(const DeviceProfile& device);

private:
    std::vector<KrausChannel> m_default1q, m_default2q;
    std::map<std::pair<std::string, std::vector<int>>, std::vector<KrausChannel>> m_specific;
    std::map<int, ReadoutError> m_readout;
    std::optional<ReadoutError> m_defaultReadout;
};

} // namespace qpilot
