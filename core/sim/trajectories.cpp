// core/sim/trajectories.cpp — Monte Carlo wave-function (quantum trajectories) engine: one
// state vector per shot; after each gate every noise channel picks a Kraus branch with
// probability ||K_k ψ||² (fixed probabilities for mixed-unitary channels such as Pauli and
// depolarizing) and renormalises. All draws come from (seed, StreamShotBase + shot, counter),
// so counts are identical for any thread count; shots run in parallel (OpenMP), each thread
// with its own state vector.
#include "core/noise/noisy_program.h"
#include "core/noise/superop.h"
#include "core/sim/noisy.h"
#include "core/sim/rng.h"
#include "core/sim/statevector.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <variant>
#ifdef _OPENMP
#include <omp.h>
#endif

namespace qpilot::sim {

namespace {

bool isDiagonalMatrix(const Matrix& m)
{
    for (int r = 0; r < m.dim(); ++r)
        for (int c = 0; c < m.dim(); ++c)
            if (r != c && std::abs(m.at(r, c)) > 1e-15)
                return false;
    return true;
}

// A matrix on physical qubits, ready for the state-vector kernels.
struct Op {
    std::vector<int> qubits;
    Matrix m;
    bool diagonal = false;
    std::vector<Complex> diag;
    bool identity = false; // ∝ identity with |phase| 1: skip

    Op() = default;
    Op(std::vector<int> q, Matrix mat) : qubits(std::move(q)), m(std::move(mat))
    {
        diagonal = isDiagonalMatrix(m);
        if (diagonal) {
            for (int i = 0; i < m.dim(); ++i)
                diag.push_back(m.at(i, i));
            identity = std::all_of(diag.begin(), diag.end(), [&](Complex z) { return std::abs(z - diag[0]) < 1e-15; })
                && std::abs(std::abs(diag[0]) - 1) < 1e-15;
        }
    }

    void apply(Complex* psi, int n, int threads) const
    {
        if (!identity)
            run(psi, n, threads, diagonal ? diag.data() : m.data.data());
    }

    // The operator times `scale`, using `scratch` (no allocation once it has grown).
    void applyScaled(Complex* psi, int n, int threads, double scale, std::vector<Complex>& scratch) const
    {
        const std::vector<Complex>& src = diagonal ? diag : m.data;
        scratch.resize(src.size());
        for (size_t i = 0; i < src.size(); ++i)
            scratch[i] = src[i] * scale;
        run(psi, n, threads, scratch.data());
    }

private:
    void run(Complex* psi, int n, int threads, const Complex* data) const
    {
        const int k = int(qubits.size());
        if (diagonal)
            applyDiagonal(psi, n, qubits.data(), k, data, threads);
        else if (k == 1)
            applyMatrix1(psi, n, qubits[0], data, threads);
        else if (k == 2)
            applyMatrix2(psi, n, qubits[0], qubits[1], data, threads);
        else
            applyMatrixK(psi, n, qubits.data(), k, data, threads);
    }
};

Matrix scaledMatrix(Matrix m, double s)
{
    for (Complex& z : m.data)
        z *= s;
    return m;
}

// One channel after a gate, prepared for sampling.
struct Channel {
    std::vector<int> qubits;
    // Mixed unitary (every K†K = w·I): fixed probabilities w_k and unitaries K/√w_k.
    bool fixed = false;
    std::vector<double> weights;
    std::vector<Op> unitaries;
    // General: effects E_k = K†K (probability Tr(E_k ρ_Q)) and the raw operators.
    std::vector<Matrix> effects;
    std::vector<Op> kraus;
    bool diagonalEffects = false;
};

Channel prepareChannel(const KrausChannel& ch, std::vector<int> qubits)
{
    Channel c;
    c.qubits = std::move(qubits);
    c.fixed = true;
    c.diagonalEffects = true;
    for (const Matrix& k : ch.operators) {
        Matrix e = matrixProduct(matrixAdjoint(k), k);
        const double w = e.at(0, 0).real();
        for (int r = 0; r < e.dim(); ++r)
            for (int col = 0; col < e.dim(); ++col)
                if (std::abs(e.at(r, col) - (r == col ? Complex(w) : Complex(0))) > 1e-12)
                    c.fixed = false;
        if (!isDiagonalMatrix(e))
            c.diagonalEffects = false;
        c.effects.push_back(std::move(e));
        c.kraus.emplace_back(c.qubits, k);
    }
    if (c.fixed) {
        for (size_t i = 0; i < c.kraus.size(); ++i) {
            const double w = c.effects[i].at(0, 0).real();
            if (w <= 0)
                continue;
            c.weights.push_back(w);
            c.unitaries.emplace_back(c.qubits, scaledMatrix(c.kraus[i].m, 1 / std::sqrt(w)));
        }
    }
    return c;
}

struct Workspace {
    std::vector<Complex> psi;
    std::vector<Complex> rhoQ;   // reduced density matrix on a channel's qubits
    std::vector<double> probs;
    std::vector<Complex> scratch;
};

// Reduced density matrix of ψ on `qubits` (dim x dim, row-major, operand order).
void reducedDensity(const Complex* psi, int n, const std::vector<int>& qubits, std::vector<Complex>& rho)
{
    const int k = int(qubits.size());
    const int dim = 1 << k;
    rho.assign(size_t(dim) * size_t(dim), Complex(0));
    int sorted[6] = {};
    const int kept = std::min(k, 6);
    std::copy(qubits.begin(), qubits.begin() + kept, sorted);
    // Insertion sort: std::sort on a fixed int[6] trips GCC 12's -Warray-bounds.
    for (int a = 1; a < kept; ++a)
        for (int b = a; b > 0 && sorted[b - 1] > sorted[b]; --b)
            std::swap(sorted[b - 1], sorted[b]);
    std::uint64_t off[64] = {};
    for (int sub = 0; sub < dim; ++sub)
        for (int j = 0; j < k; ++j)
            if (sub & (1 << j))
                off[sub] |= std::uint64_t(1) << qubits[size_t(j)];
    const std::uint64_t groups = std::uint64_t(1) << (n - k);
    Complex v[64];
    for (std::uint64_t g = 0; g < groups; ++g) {
        std::uint64_t base = g;
        for (int t = 0; t < k; ++t)
            base = ((base >> sorted[t]) << (sorted[t] + 1)) | (base & ((std::uint64_t(1) << sorted[t]) - 1));
        for (int a = 0; a < dim; ++a)
            v[a] = psi[base + off[a]];
        for (int a = 0; a < dim; ++a)
            for (int b = 0; b < dim; ++b)
                rho[size_t(a) * size_t(dim) + size_t(b)] += v[a] * std::conj(v[b]);
    }
}

struct Shot {
    const Program& program;
    const NoisyPlan& plan;
    const std::vector<Op>& gates;                 // per step (UnitaryStep)
    const std::vector<std::vector<Channel>>& channels;
    std::uint64_t seed;
    int threads;
    const std::atomic<bool>* cancel;

    // Runs one shot; returns false when cancelled.
    bool run(int shot, Workspace& w, std::uint64_t& outcome) const
    {
        const int n = program.numQubits;
        const std::uint64_t stream = StreamShotBase + std::uint64_t(shot);
        std::uint64_t counter = 0;
        auto draw = [&] { return uniform01(seed, stream, counter++); };
        Complex* psi = w.psi.data();
        std::fill(w.psi.begin(), w.psi.end(), Complex(0));
        psi[0] = 1;
        std::uint64_t bits = 0;
        const int nsteps = int(program.steps.size());
        int pc = 0;
        while (pc < nsteps) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return false;
            const Step& step = program.steps[size_t(pc)];
            if (std::holds_alternative<UnitaryStep>(step)) {
                gates[size_t(pc)].apply(psi, n, threads);
                for (const Channel& c : channels[size_t(pc)])
                    applyChannel(c, w, n, draw());
                ++pc;
            } else if (const auto* m = std::get_if<MeasureStep>(&step)) {
                if (!plan.deferred[size_t(pc)]) {
                    const int outcome1 = measure(psi, n, m->qubit, draw());
                    bits = withBit(bits, m->clbit, readout(m->qubit, outcome1, draw()));
                }
                ++pc;
            } else if (const auto* r = std::get_if<ResetStep>(&step)) {
                if (measure(psi, n, r->qubit, draw())) {
                    const Complex x[4] = {0, 1, 1, 0};
                    applyMatrix1(psi, n, r->qubit, x, threads);
                }
                ++pc;
            } else if (const auto* b = std::get_if<BranchStep>(&step)) {
                pc = conditionHolds(b->condition, bits) ? pc + 1 : b->target;
            } else if (const auto* j = std::get_if<JumpStep>(&step)) {
                pc = j->target;
            } else {
                ++pc;
            }
        }
        if (!plan.finalReads.empty()) {
            const std::uint64_t index = sampleOne(psi, n, draw());
            for (const auto& [q, c] : plan.finalReads)
                bits = withBit(bits, c, readout(q, int((index >> q) & 1u), draw()));
        }
        outcome = bits;
        return true;
    }

    // Projective measurement of qubit q with uniform u; collapses ψ and returns the outcome.
    int measure(Complex* psi, int n, int q, double u) const
    {
        const double p1 = std::clamp(probabilityOfOne(psi, n, q, threads), 0.0, 1.0);
        const int outcome = u < p1 ? 1 : 0;
        collapse(psi, n, q, outcome, outcome ? p1 : 1 - p1, threads);
        return outcome;
    }

    int readout(int q, int outcome, double u) const
    {
        const ReadoutError& e = plan.readout[size_t(q)];
        const double flip = outcome ? e.p0Given1 : e.p1Given0;
        return u < flip ? 1 - outcome : outcome;
    }

    // One basis index drawn from |ψ|² (a single sweep).
    static std::uint64_t sampleOne(const Complex* psi, int n, double u)
    {
        const std::uint64_t dim = std::uint64_t(1) << n;
        double acc = 0;
        std::uint64_t last = 0;
        for (std::uint64_t i = 0; i < dim; ++i) {
            const double p = std::norm(psi[i]);
            if (p == 0)
                continue;
            acc += p;
            last = i;
            if (u < acc)
                return i;
        }
        return last; // round-off left the total just below u
    }

    void applyChannel(const Channel& c, Workspace& w, int n, double u) const
    {
        Complex* psi = w.psi.data();
        if (c.fixed) {
            size_t pick = c.weights.size() - 1;
            double acc = 0;
            for (size_t i = 0; i < c.weights.size(); ++i) {
                acc += c.weights[i];
                if (u < acc) {
                    pick = i;
                    break;
                }
            }
            c.unitaries[pick].apply(psi, n, threads);
            return;
        }
        // Branch probabilities Tr(E_k ρ_Q) from the reduced state on the channel's qubits.
        const int dim = 1 << c.qubits.size();
        if (c.diagonalEffects && c.qubits.size() == 1) {
            const double p1 = probabilityOfOne(psi, n, c.qubits[0], threads);
            w.rhoQ.assign(4, Complex(0));
            w.rhoQ[0] = 1 - p1;
            w.rhoQ[3] = p1;
        } else {
            reducedDensity(psi, n, c.qubits, w.rhoQ);
        }
        w.probs.assign(c.effects.size(), 0.0);
        for (size_t k = 0; k < c.effects.size(); ++k) {
            Complex tr = 0;
            for (int a = 0; a < dim; ++a)
                for (int b = 0; b < dim; ++b)
                    tr += c.effects[k].at(a, b) * w.rhoQ[size_t(b) * size_t(dim) + size_t(a)];
            w.probs[k] = std::max(0.0, tr.real());
        }
        double total = 0;
        for (double p : w.probs)
            total += p;
        size_t pick = 0;
        double acc = 0;
        for (size_t k = 0; k < w.probs.size(); ++k) {
            if (w.probs[k] <= 0)
                continue;
            pick = k;
            acc += w.probs[k];
            if (u * total < acc)
                break;
        }
        const double p = w.probs[pick];
        if (p <= 0)
            return;
        c.kraus[pick].applyScaled(psi, n, threads, 1 / std::sqrt(p), w.scratch);
    }
};

} // namespace

Result<SimResult> simulateTrajectories(const Program& program, const SimOptions& options)
{
    const auto start = std::chrono::steady_clock::now();
    if (options.wantStatevector)
        return Error{"a noisy trajectories simulation has no single state vector; ask for counts"};
    if (options.wantProbabilities && options.shots <= 0)
        return Error{"the trajectories method estimates probabilities from shots: give a number of shots"};
    const int n = program.numQubits;
    if (auto e = checkMemory(n, false))
        return *e;
    auto planned = planNoisyProgram(program, options.noise);
    if (!planned)
        return planned.error();
    const NoisyPlan& plan = planned.value();

    const size_t nsteps = program.steps.size();
    std::vector<Op> gates(nsteps);
    std::vector<std::vector<Channel>> channels(nsteps);
    for (size_t i = 0; i < nsteps; ++i)
        if (const auto* u = std::get_if<UnitaryStep>(&program.steps[i])) {
            gates[i] = Op(u->qubits, u->matrix);
            for (const auto& ac : plan.channels[i]) {
                if (isIdentityChannel(ac.channel))
                    continue;
                std::vector<int> qs;
                for (int o : ac.operands)
                    qs.push_back(u->qubits[size_t(o)]);
                channels[i].push_back(prepareChannel(ac.channel, qs));
            }
        }

    const int shots = std::max(0, options.shots);
    const int threads = resolveThreads(options.threads);
    // Shot-parallel when there are enough shots (and memory for a state per thread);
    // otherwise one shot at a time with amplitude-parallel kernels. Same draws either way.
    int outer = std::min(threads, std::max(1, shots));
    const double perState = stateBytes(n, false);
    const double avail = availableMemoryBytes();
    if (perState > 0)
        outer = std::max(1, std::min(outer, int(avail / (perState * 1.2))));
    const int inner = outer > 1 ? 1 : threads;

    std::vector<std::uint64_t> outcomes(size_t(shots), 0);
    std::atomic<bool> cancelled{false};
    std::atomic<int> done{0};
    const Shot runner{program, plan, gates, channels, options.seed, inner, options.cancel};
#ifdef _OPENMP
#pragma omp parallel num_threads(outer) if (outer > 1)
#endif
    {
        Workspace w;
        w.psi.resize(std::size_t(1) << n);
        int nextReport = 0; // used by the calling thread only
#ifdef _OPENMP
        const bool caller = omp_get_thread_num() == 0;
#pragma omp for schedule(dynamic, 1)
#else
        const bool caller = true;
#endif
        for (int s = 0; s < shots; ++s) {
            if (cancelled.load(std::memory_order_relaxed))
                continue;
            if (!runner.run(s, w, outcomes[size_t(s)])) {
                cancelled.store(true);
                continue;
            }
            const int finished = ++done;
            if (caller && options.progress && finished >= nextReport) { // about 200 reports at most
                nextReport = finished + std::max(1, shots / 200);
                options.progress(double(finished) / shots);
            }
        }
    }
    if (cancelled.load() || (options.cancel && options.cancel->load()))
        return Error{"cancelled"};

    SimResult result;
    result.method = Method::Trajectories;
    result.numQubits = n;
    result.numClbits = program.numClbits;
    result.shots = shots;
    result.seed = options.seed;
    result.sourceGates = program.sourceGates;
    for (const Step& s : program.steps)
        if (std::holds_alternative<UnitaryStep>(s))
            ++result.fusedBlocks;
    if (shots > 0)
        result.counts = countsOf(outcomes, plan.width);
    if (options.wantProbabilities) {
        if (plan.width > 26)
            return Error{"probabilities over " + std::to_string(plan.width) + " bits are too many to list; ask for counts"};
        result.probabilities.assign(std::size_t(1) << plan.width, 0.0);
        for (std::uint64_t o : outcomes)
            result.probabilities[o] += 1.0 / shots;
    }
    if (options.progress)
        options.progress(1.0);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace qpilot::sim
