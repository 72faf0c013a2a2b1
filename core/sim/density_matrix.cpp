// core/sim/density_matrix.cpp — the density-matrix engine: ρ as a 2n-qubit vector, each gate
// fused with its noise channels into one superoperator pass (a vector kernel that visits only
// the nonzero entries and costs one multiply-add for real or imaginary ones), and
// mid-circuit measurement / reset / if handled branch-wise: one unnormalised ρ per (program
// position, classical register) that merge when they meet, so the final distribution is exact.
// Readout error is a classical confusion on the recorded outcome.
#include "core/sim/density_matrix.h"
#include "core/noise/noisy_program.h"
#include "core/noise/superop.h"
#include "core/sim/noisy.h"
#include "core/sim/rng.h"
#include "core/sim/simd.h"
#include "core/sim/statevector.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <variant>

namespace qpilot::sim {

namespace {

// A matrix on some of the 2n qubits of vec(ρ), prepared for a one-pass vector kernel.
// Amplitudes are processed 4 at a time (one 8-double vector = index bits 0 and 1). Operands
// at bit >= 2 ("high") select which vectors form a group; operands at bits 0/1 ("low") mix
// lanes inside a vector, so each term is a per-lane coefficient times a lane permutation
// (XOR mask δ on bits 0/1) of an input vector. Zero terms are dropped: superoperators of
// Pauli channels and of permutation gates (CX, ...) are sparse.
struct LaneTerm {
    int input = 0; // h_in·4 + δ
    simd::CVec c;  // per-lane coefficient
};

struct SuperOp {
    std::vector<int> operands;
    Matrix m;
    bool diagonal = false;
    std::vector<Complex> diag;
    int lowMask = 0;              // which of index bits 0, 1 are operands
    std::vector<int> high;        // positions of the high operands (bit t of h = high[t])
    // Per output h, its terms in three runs: general complex, real, imaginary coefficients
    // (real and imaginary ones cost one multiply-add instead of two).
    std::vector<int> termStart, realStart, imagStart;
    std::vector<LaneTerm> terms;
    bool needsSwap = false;       // some term has an imaginary part
};

constexpr double kZero = 1e-15;

simd::CVec laneCoefficient(const Complex* c)
{
    simd::CVec v;
    v.re = simd::V8{c[0].real(), c[0].real(), c[1].real(), c[1].real(), c[2].real(), c[2].real(), c[3].real(), c[3].real()};
    v.im = simd::V8{-c[0].imag(), c[0].imag(), -c[1].imag(), c[1].imag(), -c[2].imag(), c[2].imag(), -c[3].imag(), c[3].imag()};
    return v;
}

SuperOp prepare(Matrix m, std::vector<int> operands)
{
    SuperOp s;
    s.operands = std::move(operands);
    const int dim = m.dim();
    s.diagonal = true;
    for (int r = 0; r < dim; ++r)
        for (int c = 0; c < dim; ++c) {
            Complex& z = m.at(r, c);
            if (std::abs(z.real()) <= kZero)
                z.real(0);
            if (std::abs(z.imag()) <= kZero)
                z.imag(0);
            if (r != c && z != Complex(0))
                s.diagonal = false;
        }
    if (s.diagonal)
        for (int i = 0; i < dim; ++i)
            s.diag.push_back(m.at(i, i));
    // Lane form.
    const int k = int(s.operands.size());
    std::vector<int> highIndex(size_t(k), -1);
    for (int j = 0; j < k; ++j) {
        const int p = s.operands[size_t(j)];
        if (p < 2) {
            s.lowMask |= 1 << p;
        } else {
            highIndex[size_t(j)] = int(s.high.size());
            s.high.push_back(p);
        }
    }
    auto sub = [&](int h, int lane) {
        int out = 0;
        for (int j = 0; j < k; ++j) {
            const int p = s.operands[size_t(j)];
            const int bit = p < 2 ? (lane >> p) & 1 : (h >> highIndex[size_t(j)]) & 1;
            out |= bit << j;
        }
        return out;
    };
    const int hdim = 1 << s.high.size();
    s.termStart.push_back(0);
    for (int ho = 0; ho < hdim; ++ho) {
        std::vector<LaneTerm> kinds[3]; // general, real, imaginary
        for (int hi = 0; hi < hdim; ++hi)
            for (int delta = 0; delta < 4; ++delta) {
                if (delta & ~s.lowMask)
                    continue;
                Complex c[4];
                bool any = false, real = true, imag = true;
                for (int lane = 0; lane < 4; ++lane) {
                    c[lane] = m.at(sub(ho, lane), sub(hi, lane ^ delta));
                    any = any || c[lane] != Complex(0);
                    real = real && c[lane].imag() == 0;
                    imag = imag && c[lane].real() == 0;
                }
                if (any)
                    kinds[real ? 1 : (imag ? 2 : 0)].push_back(LaneTerm{hi * 4 + delta, laneCoefficient(c)});
            }
        if (!kinds[0].empty() || !kinds[2].empty())
            s.needsSwap = true;
        for (int kind = 0; kind < 3; ++kind) {
            if (kind == 1)
                s.realStart.push_back(int(s.terms.size()));
            if (kind == 2)
                s.imagStart.push_back(int(s.terms.size()));
            s.terms.insert(s.terms.end(), kinds[kind].begin(), kinds[kind].end());
        }
        s.termStart.push_back(int(s.terms.size()));
    }
    s.m = std::move(m);
    return s;
}

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// x/xs entries for lane shifts (or swaps) that no term uses are left unset on purpose.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
// U consecutive vectors of every group member at offset j (U independent accumulation
// chains hide the floating-point latency).
template <int KH, int U>
inline void laneStep(const SuperOp& s, double* const* ptr, simd::Index j)
{
    using namespace simd;
    constexpr int kHdim = 1 << KH;
    const int lowMask = s.lowMask;
    const LaneTerm* terms = s.terms.data();
    const bool swaps = s.needsSwap;
    V8 x[kHdim * 4][U], xs[kHdim * 4][U];
    for (int h = 0; h < kHdim; ++h)
        for (int u = 0; u < U; ++u) {
            const V8 v = load(ptr[h] + j + 8 * u);
            x[4 * h][u] = v;
            if (lowMask & 1)
                x[4 * h + 1][u] = shuffle<2, 3, 0, 1, 6, 7, 4, 5>(v);
            if (lowMask & 2)
                x[4 * h + 2][u] = shuffle<4, 5, 6, 7, 0, 1, 2, 3>(v);
            if (lowMask == 3)
                x[4 * h + 3][u] = shuffle<6, 7, 4, 5, 2, 3, 0, 1>(v);
            if (swaps)
                for (int d = 0; d < 4; ++d)
                    if ((d & ~lowMask) == 0)
                        xs[4 * h + d][u] = swapReIm(x[4 * h + d][u]);
        }
    const int* termStart = s.termStart.data();
    const int* realStart = s.realStart.data();
    const int* imagStart = s.imagStart.data();
    for (int r = 0; r < kHdim; ++r) {
        V8 acc[U];
        for (int u = 0; u < U; ++u)
            acc[u] = splat(0.0);
        int e = termStart[r];
        for (; e < realStart[r]; ++e) {
            const V8 cre = terms[e].c.re, cim = terms[e].c.im;
            const int in = terms[e].input;
            for (int u = 0; u < U; ++u)
                acc[u] += x[in][u] * cre + xs[in][u] * cim;
        }
        for (; e < imagStart[r]; ++e) {
            const V8 cre = terms[e].c.re;
            const int in = terms[e].input;
            for (int u = 0; u < U; ++u)
                acc[u] += x[in][u] * cre;
        }
        for (; e < termStart[r + 1]; ++e) {
            const V8 cim = terms[e].c.im;
            const int in = terms[e].input;
            for (int u = 0; u < U; ++u)
                acc[u] += xs[in][u] * cim;
        }
        for (int u = 0; u < U; ++u)
            store(ptr[r] + j + 8 * u, acc[u]);
    }
}

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

// y = S x in one pass (see SuperOp); KH = number of high operands. Vectors along a run of
// consecutive amplitudes (below the lowest high operand) are independent, so the run is cut
// into pieces that are scheduled over threads.
template <int KH>
void applyLanes(const SuperOp& s, Complex* amp, int numQubits, int threads)
{
    using namespace simd;
    constexpr int kHdim = 1 << KH;
    int pos[KH > 0 ? KH : 1] = {};
    Index off[kHdim] = {};
    sortedCopy(s.high.data(), KH, pos);
    for (int h = 0; h < kHdim; ++h)
        for (int t = 0; t < KH; ++t)
            if (h & (1 << t))
                off[h] |= Index(1) << s.high[size_t(t)];
    const int p0 = KH > 0 ? pos[0] : numQubits;
    const Index run = Index(1) << p0;                        // complex numbers, >= 4
    const Index piece = std::min<Index>(run, Index(1) << 9);
    const Index piecesPerRun = run / piece;
    const Index items = (Index(1) << (numQubits - KH - p0)) * piecesPerRun;
    double* a = reinterpret_cast<double*>(amp);
    forEach(items, threads, Index(1) << numQubits, [&](Index w) {
        const Index base = insertZeros((w / piecesPerRun) << p0, pos, KH) + (w % piecesPerRun) * piece;
        double* ptr[kHdim];
        for (int h = 0; h < kHdim; ++h)
            ptr[h] = a + 2 * (base + off[h]);
        if (piece >= 16) {
            for (Index j = 0; j < 2 * piece; j += 32)
                laneStep<KH, 4>(s, ptr, j);
        } else if (piece == 8) {
            for (Index j = 0; j < 2 * piece; j += 16)
                laneStep<KH, 2>(s, ptr, j);
        } else {
            for (Index j = 0; j < 2 * piece; j += 8)
                laneStep<KH, 1>(s, ptr, j);
        }
    });
}

void apply(const SuperOp& s, Complex* amp, int numQubits, int threads)
{
    const int k = int(s.operands.size());
    if (s.diagonal) {
        applyDiagonal(amp, numQubits, s.operands.data(), k, s.diag.data(), threads);
        return;
    }
    if (numQubits >= 2 && k <= 4) {
        switch (s.high.size()) {
        case 0: applyLanes<0>(s, amp, numQubits, threads); return;
        case 1: applyLanes<1>(s, amp, numQubits, threads); return;
        case 2: applyLanes<2>(s, amp, numQubits, threads); return;
        case 3: applyLanes<3>(s, amp, numQubits, threads); return;
        case 4: applyLanes<4>(s, amp, numQubits, threads); return;
        default: break;
        }
    }
    if (k == 1)
        applyMatrix1(amp, numQubits, s.operands[0], s.m.data.data(), threads);
    else if (k == 2)
        applyMatrix2(amp, numQubits, s.operands[0], s.operands[1], s.m.data.data(), threads);
    else
        applyMatrixK(amp, numQubits, s.operands.data(), k, s.m.data.data(), threads);
}

// (q0..qk-1, q0+n..qk-1+n): the operands of a superoperator on `qubits`.
std::vector<int> superOperands(const std::vector<int>& qubits, int n)
{
    std::vector<int> ops = qubits;
    for (int q : qubits)
        ops.push_back(q + n);
    return ops;
}

Matrix conjugated(Matrix m)
{
    for (Complex& z : m.data)
        z = std::conj(z);
    return m;
}

// A gate and the channels after it. Up to 2 qubits: one superoperator pass (the product of
// the gate's and channels' superoperators). Larger gates: U on the rows, conj(U) on the
// columns, then each channel's superoperator.
std::vector<SuperOp> prepareGate(const UnitaryStep& u, const std::vector<NoiseModel::AppliedChannel>& channels, int n)
{
    std::vector<SuperOp> out;
    const int k = int(u.qubits.size());
    if (k <= 2) {
        Matrix s = superoperator({u.matrix});
        for (const auto& ac : channels) {
            std::vector<Matrix> ops;
            for (const Matrix& kr : ac.channel.operators)
                ops.push_back(embedOperands(kr, ac.operands, k));
            s = matrixProduct(superoperator(ops), s);
        }
        out.push_back(prepare(std::move(s), superOperands(u.qubits, n)));
        return out;
    }
    std::vector<int> cols;
    for (int q : u.qubits)
        cols.push_back(q + n);
    out.push_back(prepare(u.matrix, u.qubits));
    out.push_back(prepare(conjugated(u.matrix), cols));
    for (const auto& ac : channels) {
        std::vector<int> qs;
        for (int o : ac.operands)
            qs.push_back(u.qubits[size_t(o)]);
        out.push_back(prepare(superoperator(ac.channel.operators), superOperands(qs, n)));
    }
    return out;
}

// Keeps the part of ρ where qubit q reads `recorded`, weighted by the readout confusion:
// Σ_t P(recorded | t) · P_t ρ P_t (a diagonal superoperator on (q, q+n)).
SuperOp recordSuperOp(int q, int n, int recorded, const ReadoutError& e)
{
    const double p0 = recorded ? e.p1Given0 : 1 - e.p1Given0; // P(recorded | true 0)
    const double p1 = recorded ? 1 - e.p0Given1 : e.p0Given1; // P(recorded | true 1)
    Matrix m{2, std::vector<Complex>(16)};
    m.at(0, 0) = p0;
    m.at(3, 3) = p1;
    return prepare(std::move(m), {q, q + n});
}

SuperOp dephaseSuperOp(int q, int n)
{
    Matrix m{2, std::vector<Complex>(16)};
    m.at(0, 0) = 1;
    m.at(3, 3) = 1;
    return prepare(std::move(m), {q, q + n});
}

// Reset to |0>: Kraus {|0><0|, |0><1|}.
SuperOp resetSuperOp(int q, int n)
{
    Matrix k0{1, {1, 0, 0, 0}}, k1{1, {0, 1, 0, 0}};
    return prepare(superoperator({k0, k1}), {q, q + n});
}

// Runs the program branch-wise and hands each finished branch (classical register, ρ) to
// `finish`. Branches are taken in program order (jumps only go forward), so every branch
// that reaches a step is waiting there when it runs and equal registers merge.
template <class Finish>
std::optional<Error> runBranches(const Program& program, const NoisyPlan& plan, int threads,
                                 const SimOptions* options, Finish&& finish)
{
    const int n = program.numQubits;
    const int nsteps = int(program.steps.size());
    if (auto e = checkMemory(n, true))
        return e;
    std::vector<std::vector<SuperOp>> gateOps(static_cast<size_t>(nsteps));
    for (int i = 0; i < nsteps; ++i)
        if (const auto* u = std::get_if<UnitaryStep>(&program.steps[size_t(i)]))
            gateOps[size_t(i)] = prepareGate(*u, plan.channels[size_t(i)], n);

    auto rho0 = DensityMatrix::zero(n);
    if (!rho0)
        return rho0.error();
    std::map<std::pair<int, std::uint64_t>, DensityMatrix> live;
    live.emplace(std::make_pair(0, std::uint64_t(0)), std::move(rho0).value());
    auto put = [&](int pc, std::uint64_t bits, DensityMatrix&& rho) {
        auto [it, inserted] = live.try_emplace({pc, bits}, std::move(rho));
        if (!inserted)
            it->second.add(rho);
    };
    double lastProgress = -1;
    while (!live.empty()) {
        if (options && options->cancel && options->cancel->load(std::memory_order_relaxed))
            return Error{"cancelled"};
        auto node = live.extract(live.begin());
        const int pc = node.key().first;
        const std::uint64_t bits = node.key().second;
        DensityMatrix rho = std::move(node.mapped());
        if (options && options->progress && nsteps > 0 && double(pc) / nsteps >= lastProgress + 0.01) {
            lastProgress = double(pc) / nsteps;
            options->progress(lastProgress);
        }
        if (pc >= nsteps) {
            finish(bits, std::move(rho));
            continue;
        }
        const Step& step = program.steps[size_t(pc)];
        if (std::holds_alternative<UnitaryStep>(step)) {
            for (const SuperOp& s : gateOps[size_t(pc)])
                apply(s, rho.data(), 2 * n, threads);
            put(pc + 1, bits, std::move(rho));
        } else if (const auto* m = std::get_if<MeasureStep>(&step)) {
            if (plan.deferred[size_t(pc)]) {
                put(pc + 1, bits, std::move(rho));
            } else if (m->clbit < 0) {
                apply(dephaseSuperOp(m->qubit, n), rho.data(), 2 * n, threads);
                put(pc + 1, bits, std::move(rho));
            } else {
                const double bytes = stateBytes(n, true);
                if (double(live.size() + 2) * bytes > availableMemoryBytes())
                    return Error{"mid-circuit measurements need " + std::to_string(live.size() + 2)
                                 + " density matrices at once, more than the available memory; use the trajectories method"};
                const ReadoutError& ro = plan.readout[size_t(m->qubit)];
                DensityMatrix one = rho;
                apply(recordSuperOp(m->qubit, n, 0, ro), rho.data(), 2 * n, threads);
                apply(recordSuperOp(m->qubit, n, 1, ro), one.data(), 2 * n, threads);
                if (rho.trace() > 1e-14)
                    put(pc + 1, withBit(bits, m->clbit, 0), std::move(rho));
                if (one.trace() > 1e-14)
                    put(pc + 1, withBit(bits, m->clbit, 1), std::move(one));
            }
        } else if (const auto* r = std::get_if<ResetStep>(&step)) {
            apply(resetSuperOp(r->qubit, n), rho.data(), 2 * n, threads);
            put(pc + 1, bits, std::move(rho));
        } else if (const auto* b = std::get_if<BranchStep>(&step)) {
            put(conditionHolds(b->condition, bits) ? pc + 1 : b->target, bits, std::move(rho));
        } else if (const auto* j = std::get_if<JumpStep>(&step)) {
            put(j->target, bits, std::move(rho));
        }
    }
    return std::nullopt;
}

} // namespace

// ---- DensityMatrix ----

Result<DensityMatrix> DensityMatrix::zero(int numQubits)
{
    if (numQubits < 0 || numQubits > 31)
        return Error{"a density matrix of " + std::to_string(numQubits) + " qubits is not supported"};
    if (auto e = checkMemory(numQubits, true))
        return *e;
    DensityMatrix d;
    d.m_n = numQubits;
    d.m_rho.assign(std::size_t(1) << (2 * numQubits), Complex(0));
    d.m_rho[0] = 1;
    return d;
}

DensityMatrix DensityMatrix::fromPure(const std::vector<Complex>& psi, int numQubits)
{
    DensityMatrix d;
    d.m_n = numQubits;
    const std::size_t dim = std::size_t(1) << numQubits;
    d.m_rho.assign(dim * dim, Complex(0));
    for (std::size_t c = 0; c < dim; ++c)
        for (std::size_t r = 0; r < dim; ++r)
            d.m_rho[r | (c << numQubits)] = psi[r] * std::conj(psi[c]);
    return d;
}

double DensityMatrix::trace() const
{
    double t = 0;
    const std::size_t dim = std::size_t(1) << m_n;
    for (std::size_t i = 0; i < dim; ++i)
        t += m_rho[i | (i << m_n)].real();
    return t;
}

std::vector<double> DensityMatrix::diagonal() const
{
    const std::size_t dim = std::size_t(1) << m_n;
    std::vector<double> p(dim);
    for (std::size_t i = 0; i < dim; ++i)
        p[i] = m_rho[i | (i << m_n)].real();
    return p;
}

double DensityMatrix::probabilityOfOne(int qubit) const
{
    double p = 0;
    const std::size_t dim = std::size_t(1) << m_n;
    for (std::size_t i = 0; i < dim; ++i)
        if ((i >> qubit) & 1u)
            p += m_rho[i | (i << m_n)].real();
    return p;
}

std::vector<double> DensityMatrix::eigenvalues() const
{
    // Eigen lives in core/noise (not in this -march=native translation unit: mixing Eigen
    // instantiations built with different SIMD flags breaks its alignment assumptions).
    const std::size_t dim = std::size_t(1) << m_n;
    std::vector<Complex> rowMajor(dim * dim);
    for (std::size_t r = 0; r < dim; ++r)
        for (std::size_t c = 0; c < dim; ++c)
            rowMajor[r * dim + c] = at(r, c);
    return hermitianEigenvalues(rowMajor, int(dim));
}

void DensityMatrix::applyUnitary(const Matrix& u, const std::vector<int>& qubits, int threads)
{
    applyChannel(KrausChannel{"unitary", {u}}, qubits, threads);
}

void DensityMatrix::applyChannel(const KrausChannel& channel, const std::vector<int>& qubits, int threads)
{
    applySuperoperator(superoperator(channel.operators), qubits, threads);
}

void DensityMatrix::applySuperoperator(const Matrix& superop, const std::vector<int>& qubits, int threads)
{
    apply(prepare(superop, superOperands(qubits, m_n)), m_rho.data(), 2 * m_n, threads);
}

void DensityMatrix::add(const DensityMatrix& other)
{
    const std::size_t size = std::min(m_rho.size(), other.m_rho.size());
    for (std::size_t i = 0; i < size; ++i)
        m_rho[i] += other.m_rho[i];
}

// ---- engines ----

Result<DensityMatrix> finalDensityMatrix(const Program& program, const NoiseModel* noise, int threads)
{
    auto plan = planNoisyProgram(program, noise);
    if (!plan)
        return plan.error();
    std::optional<DensityMatrix> sum;
    auto e = runBranches(program, plan.value(), resolveThreads(threads), nullptr, [&](std::uint64_t, DensityMatrix&& rho) {
        if (sum)
            sum->add(rho);
        else
            sum = std::move(rho);
    });
    if (e)
        return *e;
    if (!sum)
        return Error{"the program ends in no branch"}; // all branches had zero probability
    return std::move(*sum);
}

namespace {

// Adds the distribution of the final reads of one finished branch (weight = trace of ρ).
void accumulateOutcomes(const DensityMatrix& rho, std::uint64_t bits, const NoisyPlan& plan,
                        std::map<std::uint64_t, double>& distribution)
{
    const int n = rho.numQubits();
    const auto& reads = plan.finalReads;
    const int m = int(reads.size());
    if (m == 0) {
        distribution[bits] += rho.trace();
        return;
    }
    // Marginal over the read qubits (read j = bit j of the local index).
    const std::vector<double> diag = rho.diagonal();
    std::vector<double> local(std::size_t(1) << m, 0.0);
    for (std::size_t i = 0; i < diag.size(); ++i) {
        std::size_t idx = 0;
        for (int j = 0; j < m; ++j)
            if ((i >> reads[size_t(j)].first) & 1u)
                idx |= std::size_t(1) << j;
        local[idx] += diag[i];
    }
    (void)n;
    // Readout confusion, one read at a time.
    for (int j = 0; j < m; ++j) {
        const ReadoutError& e = plan.readout[size_t(reads[size_t(j)].first)];
        if (e.p0Given1 == 0 && e.p1Given0 == 0)
            continue;
        const std::size_t bit = std::size_t(1) << j;
        for (std::size_t i = 0; i < local.size(); ++i)
            if (!(i & bit)) {
                const double a = local[i], b = local[i | bit];
                local[i] = (1 - e.p1Given0) * a + e.p0Given1 * b;
                local[i | bit] = e.p1Given0 * a + (1 - e.p0Given1) * b;
            }
    }
    for (std::size_t i = 0; i < local.size(); ++i) {
        if (local[i] == 0)
            continue;
        std::uint64_t key = bits;
        for (int j = 0; j < m; ++j)
            key = withBit(key, reads[size_t(j)].second, int((i >> j) & 1u));
        distribution[key] += local[i];
    }
}

} // namespace

Result<SimResult> simulateDensityMatrix(const Program& program, const SimOptions& options)
{
    const auto start = std::chrono::steady_clock::now();
    if (options.wantStatevector)
        return Error{"a density-matrix simulation has no single state vector; ask for probabilities or counts"};
    auto plan = planNoisyProgram(program, options.noise);
    if (!plan)
        return plan.error();
    const int threads = resolveThreads(options.threads);
    std::map<std::uint64_t, double> distribution;
    auto e = runBranches(program, plan.value(), threads, &options, [&](std::uint64_t bits, DensityMatrix&& rho) {
        accumulateOutcomes(rho, bits, plan.value(), distribution);
    });
    if (e)
        return *e;

    SimResult result;
    result.method = Method::DensityMatrix;
    result.numQubits = program.numQubits;
    result.numClbits = program.numClbits;
    result.shots = options.shots;
    result.seed = options.seed;
    result.sourceGates = program.sourceGates;
    for (const Step& s : program.steps)
        if (std::holds_alternative<UnitaryStep>(s))
            ++result.fusedBlocks;
    const int width = plan.value().width;
    double total = 0;
    for (auto& [key, p] : distribution) {
        p = std::max(p, 0.0); // round-off can leave -1e-17
        total += p;
    }
    if (options.wantProbabilities) {
        if (width > 26)
            return Error{"exact probabilities over " + std::to_string(width) + " bits are too many to list; ask for counts"};
        result.probabilities.assign(std::size_t(1) << width, 0.0);
        for (const auto& [key, p] : distribution)
            result.probabilities[key] = total > 0 ? p / total : 0;
    }
    if (options.shots > 0) {
        std::vector<std::uint64_t> keys;
        std::vector<double> probs;
        if (width <= 20) { // the full vector, as the state-vector engine samples it
            probs.assign(std::size_t(1) << width, 0.0);
            for (const auto& [key, p] : distribution)
                probs[key] = p;
        } else {
            for (const auto& [key, p] : distribution) {
                keys.push_back(key);
                probs.push_back(p);
            }
        }
        std::vector<std::uint64_t> outcomes = sampleIndices(probs, options.shots, options.seed, StreamFinalSampling);
        if (!keys.empty())
            for (std::uint64_t& o : outcomes)
                o = keys[std::size_t(o)];
        result.counts = countsOf(outcomes, width);
    }
    if (options.progress)
        options.progress(1.0);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace qpilot::sim
