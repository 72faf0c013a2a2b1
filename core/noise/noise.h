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

// ρ -> (1-p)ρ + p·I/2^k (k = 1 or 2): the depolarizing parameter p, not the error rate, so
// <Z> of |0> decays as (1-p)^k over k applications. p is clamped to [0, d²/(d²-1)] (the
// largest value that is still a channel; the other factories clamp to their ranges too).
KrausChannel depolarizing(int qubits, double p);
KrausChannel amplitudeDamping(double gamma);
KrausChannel phaseDamping(double lambda);
KrausChannel pauliChannel(double px, double py, double pz);
// T1/T2 relaxation over `duration` seconds (T2 <= 2·T1 required; excited-state population 0).
Result<KrausChannel> thermalRelaxation(double t1, double t2, double duration);

// Average gate infidelity r (RB-style) -> depolarizing parameter p = r·d/(d-1), d = 2^k.
double depolarizingFromInfidelity(double r, int qubits);
// Total Pauli error probability q (each non-identity Pauli with q/(d²-1)) -> depolarizing
// parameter p = q·d²/(d²-1) (1q: p = 4q/3, so <Z> decays as (1-4q/3)^k).
double depolarizingFromPauliError(double q, int qubits);

// Fidelities of a channel E with the identity (d = 2^qubits):
// process (entanglement) fidelity F_pro = Σ_k |Tr K_k|² / d², average gate fidelity
// F_avg = (d·F_pro + 1)/(d + 1); the RB-style infidelity r = 1 - F_avg.
double processFidelity(const KrausChannel& channel);
double averageGateFidelity(const KrausChannel& channel);
// `then` after `first` (same number of qubits); zero operators are dropped.
KrausChannel composeChannels(const KrausChannel& first, const KrausChannel& then);
// `low` on operand 0.., `high` on the operands above (the channel low ⊗ high).
KrausChannel tensorChannels(const KrausChannel& low, const KrausChannel& high);

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
    // Channels after the gate `gateName` on exactly these qubits (operand order). An empty
    // `qubits` means that gate on any qubits (e.g. virtual rz with no channels at all).
    void setGateQubitChannels(const std::string& gateName, const std::vector<int>& qubits, std::vector<KrausChannel> channels);
    // Per-qubit 1-qubit channels for gates of `arity` (1 or 2): on an operand that is this
    // qubit they replace the 1-qubit channels of that arity's default; its multi-qubit
    // channels stay (so a 2q gate gets per-qubit relaxation and the default 2q depolarizing).
    void setQubitChannels(int arity, int qubit, std::vector<KrausChannel> channels);
    void setReadout(int qubit, ReadoutError e);
    void setDefaultReadout(ReadoutError e);

    // What follows `op` (qubits are the op's physical qubits). Measurement, reset and barrier
    // get none; gates on 3+ qubits get the 2q default on each consecutive pair.
    // Lookup: (gate, qubits) -> (gate, any qubits) -> arity default. In a default, a
    // 1-qubit channel is applied on every operand (first), a k-qubit one on all k operands.
    std::vector<AppliedChannel> channelsAfter(const GateOp& op) const;
    ReadoutError readout(int qubit) const;
    bool isIdeal() const;
    std::string description;

    // Built from a device profile: per gate, thermal relaxation for its duration on each
    // qubit plus depolarizing for the rest of the reported infidelity (never negative);
    // readout errors per qubit. Missing values fall back to the profile's medians.
    // Exactly: F_pro(depolarizing(p) ∘ E) = (1-p)·F_pro(E) + p/d², solved for the p that gives
    // the reported average infidelity r (F_pro = 1 - r(d+1)/d). 2q gates: relaxation for the
    // 2q duration on both qubits, then 2q depolarizing. Unknown T1 or gate time: no
    // relaxation (missing T2 = 2·T1). Where "rz" is native, rz/p/u1/z/s/sdg/t/tdg are
    // virtual (no noise). Per-qubit T1/T2 give per-qubit 1q channels and 2q relaxation (the
    // 2q depolarizing part stays the median one). Per-gate calibration (device.gates) gives
    // that gate on those qubits its own channels: relaxation for its duration on its qubits
    // (T1/T2 per qubit, a 2q one as the tensor product) plus depolarizing for the rest of its
    // own error, so its average infidelity is exactly the calibrated one; both operand orders
    // on undirected devices; errors >= (d-1)/d (dead couplers) become fully depolarizing.
    // Error: a median gate error worse than random.
    static Result<NoiseModel> fromDevice(const DeviceProfile& device);

private:
    std::vector<KrausChannel> m_default1q, m_default2q;
    std::map<std::pair<std::string, std::vector<int>>, std::vector<KrausChannel>> m_specific;
    std::map<std::pair<int, int>, std::vector<KrausChannel>> m_perQubit; // (arity, qubit)
    std::map<int, ReadoutError> m_readout;
    std::optional<ReadoutError> m_defaultReadout;
};

} // namespace qpilot
