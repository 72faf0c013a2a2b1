// core/sim/kernels.cpp — owns the state-vector kernels declared in kernels.h: dense 1-, 2- and
// k-qubit gates, diagonal and controlled gates, and the reductions (norm, P(1), collapse).
//
// How they are made fast (plain C++, vectorised by the compiler at -O3):
//  - complex numbers are read as pairs of doubles; the loops that touch memory walk contiguous
//    runs (the bits below the lowest target qubit), through __restrict pointers;
//  - targets below bit 2 (runs shorter than a vector) use fixed 4-amplitude groups whose
//    coefficients are precomputed per lane, so those loops vectorise too;
//  - OpenMP splits the work in static chunks of equal size when the state has >= 2^14
//    amplitudes and threads > 1; reductions sum fixed chunks in a fixed order, so results do
//    not depend on the thread count.
#include "core/sim/kernels.h"

#include "core/sim/simd.h"
#include "core/sim/tiles.h"

#include <algorithm>
#include <cmath>

namespace qpilot::sim {

namespace {

using namespace simd;

// Deterministic sum over fixed chunks: chunkSum(begin, end) for chunk ranges of [0, count),
// added in a fixed order (independent of the thread count).
template <class ChunkSum>
double fixedChunkSum(Index count, int threads, Index amps, const ChunkSum& chunkSum)
{
    constexpr int kMaxChunks = 64;
    const Index chunks = std::max<Index>(1, std::min<Index>(kMaxChunks, count / 256));
    double partial[kMaxChunks] = {};
    const Index per = count / chunks; // count is a power of two, so is chunks
    forEach(chunks, threads, amps, [&](Index c) {
        const Index b = c * per;
        partial[c] = chunkSum(b, c + 1 == chunks ? count : b + per);
    });
    double s = 0;
    for (Index c = 0; c < chunks; ++c)
        s += partial[c];
    return s;
}

// Σ |a_i|² over `len` contiguous amplitudes with 8 independent accumulators (vectorisable).
inline double sumSquares(const double* __restrict a, Index len)
{
    double acc[8] = {};
    const Index doubles = 2 * len;
    Index j = 0;
    for (; j + 8 <= doubles; j += 8)
        for (int d = 0; d < 8; ++d)
            acc[d] += a[j + d] * a[j + d];
    for (; j < doubles; ++j)
        acc[0] += a[j] * a[j];
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

} // namespace

// ---- prepared entry points (simd.h) ------------------------------------------------------

namespace simd {

void apply1(Complex* amp, int numQubits, int q, const Mat2& m, int threads)
{
    if (m.shape == Shape::Identity)
        return;
    const Index n = Index(1) << numQubits;
    const Index half = Index(1) << q;
    double* a = reinterpret_cast<double*>(amp);
    if (q >= 2) {
        const Index len = std::min(half, kChunk);
        const Index chunks = (n / 2) / len;
        forEach(chunks, threads, n, [&](Index c) {
            const Index p = c * len;
            const Index base = ((p >> q) << (q + 1)) | (p & (half - 1));
            pairApply(a + 2 * base, a + 2 * (base + half), len, m);
        });
        return;
    }
    if (numQubits < 2) { // a single pair
        pairScalar(a, a + 2, 1, m);
        return;
    }
    const LowQubit k(m, q);
    const Index groups = n / 4;
    const Index per = std::min(groups, kChunk / 4);
    forEach(groups / per, threads, n, [&](Index c) {
        if (q == 0)
            lowQubitGroups<0>(a + 8 * c * per, per, k);
        else
            lowQubitGroups<1>(a + 8 * c * per, per, k);
    });
}

// Controlled gates whose controls or target include qubit 0 or 1: those bits live inside
// one vector of 4 amplitudes, so the condition becomes per-lane coefficients (identity in the
// lanes whose low control bits do not match) and the loops still move whole vectors.
void applyControlledLow(Complex* amp, int numQubits, std::uint64_t controlMask, std::uint64_t controlValue, int target,
                        const Mat2& m, int threads)
{
    const std::uint64_t lowMask = controlMask & 3, lowValue = controlValue & 3;
    bool active[4];
    for (int lane = 0; lane < 4; ++lane)
        active[lane] = (std::uint64_t(lane) & lowMask) == lowValue;
    // Bits >= 2 that select the runs: the high controls, and the target when >= 2.
    int special[64];
    int k = 0;
    for (int b = 2; b < numQubits; ++b)
        if ((controlMask >> b & 1) || b == target)
            special[k++] = b;
    const Index n = Index(1) << numQubits;
    const Index highValue = Index(controlValue & ~std::uint64_t(3));
    double* a = reinterpret_cast<double*>(amp);
    const Index run = std::min(k ? Index(1) << special[0] : n, kChunk); // amplitudes, >= 4
    const Index runs = (n >> k) / run;
    const Index runsPerTask = std::max<Index>(1, kChunk / run);
    const Index tasks = (runs + runsPerTask - 1) / runsPerTask;
    if (target >= 2) {
        // Pairs of vectors; lane coefficients c_rc = active ? m_rc : identity.
        V8 cr[4], ci[4];
        for (int e = 0; e < 4; ++e) {
            double re[8], im[8];
            for (int d = 0; d < 8; ++d) {
                const bool on = active[d / 2];
                const Complex c = on ? m.c[e] : ((e == 0 || e == 3) ? Complex(1) : Complex(0));
                const double sign = (d & 1) ? 1.0 : -1.0;
                re[d] = c.real();
                im[d] = sign * c.imag();
            }
            cr[e] = load(re);
            ci[e] = load(im);
        }
        const Index half = Index(1) << target;
        forEach(tasks, threads, n, [&](Index t) {
            const Index r0 = t * runsPerTask, r1 = std::min(runs, r0 + runsPerTask);
            for (Index r = r0; r < r1; ++r) {
                const Index base = insertZeros(r * run, special, k) | highValue;
                double* __restrict x0 = a + 2 * base;
                double* __restrict x1 = a + 2 * (base + half);
                for (Index j = 0; j < 2 * run; j += 8) {
                    const V8 u = load(x0 + j), v = load(x1 + j);
                    const V8 us = swapReIm(u), vs = swapReIm(v);
                    store(x0 + j, u * cr[0] + us * ci[0] + v * cr[1] + vs * ci[1]);
                    store(x1 + j, u * cr[2] + us * ci[2] + v * cr[3] + vs * ci[3]);
                }
            }
        });
        return;
    }
    // Target 0 or 1: within each vector; inactive lanes keep their value.
    const LowQubit full(m, target);
    double A[8], B[8], C[8], D[8];
    std::memcpy(A, &full.A, sizeof A);
    std::memcpy(B, &full.B, sizeof B);
    std::memcpy(C, &full.C, sizeof C);
    std::memcpy(D, &full.D, sizeof D);
    for (int d = 0; d < 8; ++d)
        if (!active[d / 2]) {
            A[d] = 1;
            B[d] = C[d] = D[d] = 0;
        }
    LowQubit masked = full;
    masked.A = load(A);
    masked.B = load(B);
    masked.C = load(C);
    masked.D = load(D);
    forEach(tasks, threads, n, [&](Index t) {
        const Index r0 = t * runsPerTask, r1 = std::min(runs, r0 + runsPerTask);
        for (Index r = r0; r < r1; ++r) {
            double* x = a + 2 * (insertZeros(r * run, special, k) | highValue);
            if (target == 0)
                lowQubitGroups<0>(x, run / 4, masked);
            else
                lowQubitGroups<1>(x, run / 4, masked);
        }
    });
}

void applyControlled(Complex* amp, int numQubits, std::uint64_t controlMask, std::uint64_t controlValue, int target,
                     const Mat2& m, int threads)
{
    controlMask &= ~(std::uint64_t(1) << target);
    controlValue &= controlMask;
    if (controlMask == 0) {
        apply1(amp, numQubits, target, m, threads);
        return;
    }
    if (m.shape == Shape::Identity)
        return;
    if (numQubits >= 3 && ((controlMask & 3) != 0 || target < 2)) {
        applyControlledLow(amp, numQubits, controlMask, controlValue, target, m, threads);
        return;
    }
    int special[64];
    int k = 0;
    for (int b = 0; b < numQubits; ++b)
        if ((controlMask >> b & 1) || b == target)
            special[k++] = b;
    const Index n = Index(1) << numQubits;
    const Index half = Index(1) << target;
    double* a = reinterpret_cast<double*>(amp);
    const Index pairs = n >> k;
    // Runs of 2^lo contiguous pairs (the bits below the lowest special bit).
    const Index run = std::min(Index(1) << special[0], kChunk);
    const Index runs = pairs / run;
    const Index runsPerTask = std::max<Index>(1, kChunk / run);
    const Index tasks = (runs + runsPerTask - 1) / runsPerTask;
    forEach(tasks, threads, n, [&](Index t) {
        const Index r0 = t * runsPerTask, r1 = std::min(runs, r0 + runsPerTask);
        for (Index r = r0; r < r1; ++r) {
            const Index base = insertZeros(r * run, special, k) | Index(controlValue);
            pairApply(a + 2 * base, a + 2 * (base + half), run, m);
        }
    });
}

void applyDense2(Complex* amp, int numQubits, int q0, int q1, const Complex* m, int threads)
{
    const int lo = std::min(q0, q1), hi = std::max(q0, q1);
    if (lo < 2) {
        const int qs[2] = {q0, q1};
        applyDenseK(amp, numQubits, qs, 2, m, threads);
        return;
    }
    const Index n = Index(1) << numQubits;
    const int special[2] = {lo, hi};
    const Index s0 = Index(1) << q0, s1 = Index(1) << q1;
    CVec c[16];
    for (int e = 0; e < 16; ++e)
        c[e] = CVec(m[e]);
    double* a = reinterpret_cast<double*>(amp);
    const Index run = std::min(Index(1) << lo, kChunk);
    const Index runs = (n >> 2) / run;
    const Index runsPerTask = std::max<Index>(1, kChunk / run);
    const Index tasks = (runs + runsPerTask - 1) / runsPerTask;
    forEach(tasks, threads, n, [&](Index t) {
        const Index r0 = t * runsPerTask, r1 = std::min(runs, r0 + runsPerTask);
        for (Index r = r0; r < r1; ++r) {
            const Index base = insertZeros(r * run, special, 2);
            double* __restrict x[4] = {a + 2 * base, a + 2 * (base + s0), a + 2 * (base + s1), a + 2 * (base + s0 + s1)};
            for (Index j = 0; j < 2 * run; j += 8) {
                V8 v[4], vs[4];
                for (int i = 0; i < 4; ++i) {
                    v[i] = load(x[i] + j);
                    vs[i] = swapReIm(v[i]);
                }
                for (int row = 0; row < 4; ++row) {
                    V8 o = cmul(c[4 * row], v[0], vs[0]);
                    for (int col = 1; col < 4; ++col)
                        o += cmul(c[4 * row + col], v[col], vs[col]);
                    store(x[row] + j, o);
                }
            }
        }
    });
}

void applyDenseK(Complex* amp, int numQubits, const int* qubits, int k, const Complex* m, int threads)
{
    const int dim = 1 << k;
    int sorted[6];
    sortedCopy(qubits, k, sorted);
    Index offset[64]; // amplitude offset of matrix index s
    for (int s = 0; s < dim; ++s) {
        Index o = 0;
        for (int b = 0; b < k; ++b)
            if (s >> b & 1)
                o |= Index(1) << qubits[b];
        offset[s] = o;
    }
    // Eight consecutive groups at once: the lowest three free bits vary fastest. Real and
    // imaginary parts are split so that the matrix-vector product is purely vertical.
    const int freeBits = numQubits - k;
    const int logV = std::min(3, freeBits);
    const int v = 1 << logV;
    Index vOff[8] = {};
    for (int j = 0; j < v; ++j)
        vOff[j] = insertZeros(j, sorted, k);
    const bool contiguous = v == 8 && sorted[0] >= 3;
    const Index n = Index(1) << numQubits;
    const Index groups = (n >> k) >> logV;
    const Index perTask = std::max<Index>(1, (kChunk >> k) >> logV);
    const Index tasks = (groups + perTask - 1) / perTask;
    forEach(tasks, threads, n, [&](Index t) {
        V8 xr[64], xi[64];
        const Index g0 = t * perTask, g1 = std::min(groups, g0 + perTask);
        for (Index g = g0; g < g1; ++g) {
            Complex* p = amp + insertZeros(g << logV, sorted, k);
            if (contiguous) {
                for (int s = 0; s < dim; ++s) {
                    const double* src = reinterpret_cast<const double*>(p + offset[s]);
                    const V8 lo = load(src), hi = load(src + 8);
#if defined(__clang__)
                    xr[s] = __builtin_shufflevector(lo, hi, 0, 2, 4, 6, 8, 10, 12, 14);
                    xi[s] = __builtin_shufflevector(lo, hi, 1, 3, 5, 7, 9, 11, 13, 15);
#else
                    xr[s] = __builtin_shuffle(lo, hi, I8{0, 2, 4, 6, 8, 10, 12, 14});
                    xi[s] = __builtin_shuffle(lo, hi, I8{1, 3, 5, 7, 9, 11, 13, 15});
#endif
                }
            } else {
                for (int s = 0; s < dim; ++s) {
                    double re[8] = {}, im[8] = {};
                    for (int j = 0; j < v; ++j) {
                        re[j] = p[offset[s] + vOff[j]].real();
                        im[j] = p[offset[s] + vOff[j]].imag();
                    }
                    xr[s] = load(re);
                    xi[s] = load(im);
                }
            }
            for (int r = 0; r < dim; ++r) {
                V8 sr = splat(0), si = splat(0);
                const Complex* row = m + r * dim;
                for (int s = 0; s < dim; ++s) {
                    const V8 cr = splat(row[s].real()), ci = splat(row[s].imag());
                    sr += cr * xr[s] - ci * xi[s];
                    si += cr * xi[s] + ci * xr[s];
                }
                if (contiguous) {
#if defined(__clang__)
                    const V8 lo = __builtin_shufflevector(sr, si, 0, 8, 1, 9, 2, 10, 3, 11);
                    const V8 hi = __builtin_shufflevector(sr, si, 4, 12, 5, 13, 6, 14, 7, 15);
#else
                    const V8 lo = __builtin_shuffle(sr, si, I8{0, 8, 1, 9, 2, 10, 3, 11});
                    const V8 hi = __builtin_shuffle(sr, si, I8{4, 12, 5, 13, 6, 14, 7, 15});
#endif
                    double* dst = reinterpret_cast<double*>(p + offset[r]);
                    store(dst, lo);
                    store(dst + 8, hi);
                } else {
                    double re[8], im[8];
                    store(re, sr);
                    store(im, si);
                    for (int j = 0; j < v; ++j)
                        p[offset[r] + vOff[j]] = Complex(re[j], im[j]);
                }
            }
        }
    });
}

void applyDiag(Complex* amp, int numQubits, const int* qubits, int k, const Complex* diag, int threads)
{
    const Index n = Index(1) << numQubits;
    double* a = reinterpret_cast<double*>(amp);
    if (k == 1) {
        const Complex m[4] = {diag[0], Complex(0), Complex(0), diag[1]};
        apply1(amp, numQubits, qubits[0], Mat2(m), threads);
        return;
    }
    // Chunks of 2^B contiguous amplitudes. When every diagonal qubit is >= 2, B is the lowest
    // of them and the diagonal entry is constant over a chunk; otherwise B = 4 and the entry
    // splits into a part from the bits below B (a table) and a part from the bits above.
    int lo = numQubits;
    for (int b = 0; b < k; ++b)
        lo = std::min(lo, qubits[b]);
    const bool constantChunks = lo >= 2;
    const int B = constantChunks ? std::min(lo, 12) : std::min(numQubits, 4);
    const Index chunkLen = Index(1) << B;
    int lowTable[16] = {};
    if (!constantChunks)
        for (Index j = 0; j < chunkLen; ++j)
            for (int b = 0; b < k; ++b)
                if (qubits[b] < B && (j >> qubits[b] & 1))
                    lowTable[j] |= 1 << b;
    CVec dv[64];
    for (int s = 0; s < (1 << k); ++s)
        dv[s] = CVec(diag[s]);
    const Index chunks = n / chunkLen;
    const Index perTask = std::max<Index>(1, kChunk / chunkLen);
    const Index tasks = (chunks + perTask - 1) / perTask;
    forEach(tasks, threads, n, [&](Index t) {
        const Index c0 = t * perTask, c1 = std::min(chunks, c0 + perTask);
        for (Index c = c0; c < c1; ++c) {
            const Index base = c * chunkLen;
            int hiSub = 0;
            for (int b = 0; b < k; ++b)
                if (qubits[b] >= B && (base >> qubits[b] & 1))
                    hiSub |= 1 << b;
            double* __restrict x = a + 2 * base;
            if (constantChunks) {
                scaleRun(x, chunkLen, dv[hiSub], diag[hiSub]);
            } else {
                for (Index j = 0; j < chunkLen; ++j) {
                    const Complex o = diag[hiSub | lowTable[j]] * Complex(x[2 * j], x[2 * j + 1]);
                    x[2 * j] = o.real();
                    x[2 * j + 1] = o.imag();
                }
            }
        }
    });
}

} // namespace simd

// ---- public kernels ------------------------------------------------------------------------

void applyMatrix1(Complex* amp, int numQubits, int q, const Complex* m, int threads)
{
    simd::apply1(amp, numQubits, q, simd::Mat2(m), threads);
}

void applyControlled1(Complex* amp, int numQubits, std::uint64_t controlMask, std::uint64_t controlValue,
                      int target, const Complex* m, int threads)
{
    detail::GateKernel g;
    g.kind = detail::GateKernel::Kind::Controlled1;
    g.qubits[0] = target;
    g.controlMask = controlMask & ~(std::uint64_t(1) << target);
    g.controlValue = controlValue & g.controlMask;
    g.m2 = simd::Mat2(m);
    detail::applyKernel(amp, numQubits, g, threads);
}

void applyMatrix2(Complex* amp, int numQubits, int q0, int q1, const Complex* m, int threads)
{
    const int qs[2] = {q0, q1};
    applyMatrixK(amp, numQubits, qs, 2, m, threads);
}

void applyMatrixK(Complex* amp, int numQubits, const int* qubits, int k, const Complex* m, int threads)
{
    if (k == 1) {
        simd::apply1(amp, numQubits, qubits[0], simd::Mat2(m), threads);
        return;
    }
    detail::GateKernel g;
    g.kind = detail::GateKernel::Kind::Dense;
    g.k = k;
    std::copy(qubits, qubits + k, g.qubits);
    g.external = m;
    detail::applyKernel(amp, numQubits, g, threads);
}

void applyDiagonal(Complex* amp, int numQubits, const int* qubits, int k, const Complex* diag, int threads)
{
    simd::applyDiag(amp, numQubits, qubits, k, diag, threads);
}

double normSquared(const Complex* amp, int numQubits, int threads)
{
    const Index n = Index(1) << numQubits;
    const double* a = reinterpret_cast<const double*>(amp);
    return fixedChunkSum(n, threads, n, [&](Index b, Index e) { return sumSquares(a + 2 * b, e - b); });
}

double probabilityOfOne(const Complex* amp, int numQubits, int q, int threads)
{
    const Index n = Index(1) << numQubits;
    const Index half = Index(1) << q;
    const double* a = reinterpret_cast<const double*>(amp);
    // Sum over the indices with bit q set: runs of `half` amplitudes (or lone ones for q < 2).
    if (q >= 2) {
        return fixedChunkSum(n / 2, threads, n, [&](Index b, Index e) {
            double s = 0;
            for (Index p = b; p < e;) {
                const Index base = ((p >> q) << (q + 1)) | (p & (half - 1));
                const Index len = std::min(e - p, half - (p & (half - 1)));
                s += sumSquares(a + 2 * (base + half), len);
                p += len;
            }
            return s;
        });
    }
    return fixedChunkSum(n / 2, threads, n, [&](Index b, Index e) {
        double s = 0;
        for (Index p = b; p < e; ++p) {
            const Index i = (((p >> q) << (q + 1)) | (p & (half - 1))) + half;
            s += a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1];
        }
        return s;
    });
}

void collapse(Complex* amp, int numQubits, int q, int outcome, double probability, int threads)
{
    const Index n = Index(1) << numQubits;
    const Index half = Index(1) << q;
    const double scale = probability > 0 ? 1.0 / std::sqrt(probability) : 0.0;
    const double keep[2] = {outcome == 0 ? scale : 0.0, outcome == 1 ? scale : 0.0};
    double* a = reinterpret_cast<double*>(amp);
    if (q >= 2) {
        const Index len = std::min(half, kChunk);
        const Index chunks = (n / 2) / len;
        forEach(chunks, threads, n, [&](Index c) {
            const Index p = c * len;
            const Index base = ((p >> q) << (q + 1)) | (p & (half - 1));
            double* __restrict x0 = a + 2 * base;
            double* __restrict x1 = a + 2 * (base + half);
            for (Index j = 0; j < 2 * len; ++j) {
                x0[j] *= keep[0];
                x1[j] *= keep[1];
            }
        });
        return;
    }
    forEach((n + kChunk - 1) / kChunk, threads, n, [&](Index c) {
        const Index b = c * kChunk, e = std::min(n, b + kChunk);
        for (Index i = b; i < e; ++i) {
            const double f = keep[(i >> q) & 1];
            a[2 * i] *= f;
            a[2 * i + 1] *= f;
        }
    });
}

} // namespace qpilot::sim
