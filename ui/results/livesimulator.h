// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/livesimulator.h — re-simulates the edited circuit off the GUI thread. Each
// request() cancels the run before it through its atomic cancel flag (sim::SimOptions::
// cancel) and results of anything but the newest request are dropped, never queued. A run
// computes the ideal distribution (and amplitudes when the state is pure), per-qubit
// marginals, seeded sampled counts, and with a device its noisy distribution (density matrix
// up to kDensityMaxQubits, trajectories beyond) and the transpiled success probability.
// Everything that scans the 2^n states (top-k outcomes, marginals, Bloch vectors, the
// amplitude page) happens on the worker; a delivered result is a compact summary whose size
// does not grow with 2^n, so the GUI thread's update is O(k).
#pragma once

#include "core/circuit/circuit.h"
#include "core/common/result.h"
#include "ui/results/amplitudemodel.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qpilot {

namespace sim {
class DensityMatrix;
}

// A Pauli product such as "Z0 Z1" or "X0Y2" (qubit indices after the letters; I is the
// identity and may be left out).
struct PauliString {
    std::uint64_t x = 0; // qubits with X or Y
    std::uint64_t z = 0; // qubits with Z or Y
    int maxQubit = -1;
    std::string text;    // normalised, e.g. "Z0 Z1"
};
Result<PauliString> parsePauliString(const std::string& text);

struct Expectation {
    std::string observable;         // as normalised
    std::optional<double> ideal;    // <P> of the ideal state (Z-only strings also from
    std::optional<double> noisy;    // distributions over classical bits; noisy: with noise)
    std::string error;              // why there is no value
};

struct LiveSimRequest {
    Circuit circuit;
    std::vector<std::string> observables; // Pauli strings to evaluate
    QString deviceId;       // empty: ideal only
    int shots = 0;          // 0: no sampling
    quint64 seed = 0;
    int maxQubits = 22;     // refuse bigger circuits (the preference; LiveSimulator::kMaxQubits)
};

struct LiveSimResult {
    quint64 generation = 0;
    int numQubits = 0;
    int bits = 0;                          // width of the distributions
    bool overClassicalBits = false;        // distribution over the classical register
    quint64 numStates = 0;                 // 2^bits
    // The full distributions and state: compute() fills them; results delivered by request()
    // keep them only up to kSummaryStates states (the views use the summary fields below).
    std::vector<double> ideal;             // 2^bits probabilities
    std::vector<Complex> amplitudes;       // final state when pure (else empty)
    std::vector<double> marginals;         // P(bit i = 1), ideal
    std::vector<std::array<double, 3>> bloch; // per qubit (x, y, z) of the reduced state, when pure
    // With a device and at most kNoisyBlochMaxQubits qubits: the same from the noisy final
    // density matrix (shorter than the ideal vector: noise mixes the state).
    std::vector<std::array<double, 3>> noisyBloch;
    // Chosen on the worker so the GUI thread never scans 2^n entries: the histogram's states
    // (all, or the kTopStates most probable ideal-or-noisy, in basis order) and the table's rows.
    std::vector<quint64> shownStates;
    std::vector<double> shownIdeal;        // ideal probability of each shown state
    std::vector<double> shownNoisy;        // noisy probability of each shown state (with a device)
    std::vector<AmplitudeModel::Row> amplitudeRows;
    std::map<std::string, int> counts;     // sampled (ideal) with `seed`
    int shots = 0;
    quint64 seed = 0;
    QString deviceId;
    std::vector<double> noisy;             // with the device's noise (empty without a device)
    QString noisyMethod;
    QString noiseError;                    // why there is no noisy distribution
    std::optional<double> successProbability;
    QString successNote;
    std::vector<Expectation> expectations; // one per requested observable
    QString note;                          // e.g. free parameters bound to 0
    QString error;                         // the ideal run failed (nothing else is set)
    double seconds = 0;
};

// Each qubit's Bloch vector (x, y, z) = (2 Re rho01, -2 Im rho01, 1 - 2 P(1)) of its reduced
// state, from a density matrix.
std::vector<std::array<double, 3>> blochVectorsOf(const sim::DensityMatrix& rho);

// Indices of the k largest values (ties: lower index first), best first; one pass.
std::vector<quint64> topIndices(const double* values, std::size_t n, std::size_t k);

class LiveSimulator : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxQubits = 22;
    static constexpr int kDensityMaxQubits = 10;
    static constexpr int kTrajectoryShots = 2000;
    static constexpr int kTopStates = 16;
    static constexpr int kNoisyBlochMaxQubits = 8; // one more density-matrix run: keep it small
    // Delivered results carry the full distributions and state up to this many states (a
    // constant bound; they are also the amplitude table's rows then), beyond it only the summary.
    static constexpr int kSummaryStates = AmplitudeModel::kMaxRows;

    explicit LiveSimulator(QObject* parent = nullptr);
    ~LiveSimulator() override;

    // Starts a run; the previous one is cancelled and its result will not be delivered.
    quint64 request(LiveSimRequest request);
    quint64 latestGeneration() const { return m_generation; }
    // Runs that stopped early because a newer request cancelled them.
    int cancelledRuns() const { return m_cancelled->load(); }
    // Blocks until no run is in flight (tests, shutdown).
    bool waitForIdle(int msecs = -1) { return m_pool.waitForDone(msecs); }

    // The computation itself (runs on a worker thread; public for tests).
    static LiveSimResult compute(const LiveSimRequest& request, const std::atomic<bool>* cancel);
    // Drops what the views do not need (the 2^n vectors above kSummaryStates states): what
    // request() delivers to the GUI thread.
    static void summarise(LiveSimResult& result);

signals:
    void started(quint64 generation);
    void resultReady(const qpilot::LiveSimResult& result);

private:
    QThreadPool m_pool;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<int>> m_cancelled = std::make_shared<std::atomic<int>>(0);
};

} // namespace qpilot

Q_DECLARE_METATYPE(qpilot::LiveSimResult)
